// SPDX-License-Identifier: GPL-2.0-or-later
/* The one printer of interface states; format.c makes the lines. */
#include "out.h"
#include "print.h"

void print_init(struct printer *p, enum out_mode mode, bool quiet,
		enum print_shape shape, bool named, struct backend *b)
{
	*p = (struct printer){
		.mode = mode,
		.quiet = quiet,
		.array = mode == OUT_JSON && shape == PRINT_ARRAY,
		.named = named,
		.b = b,
	};
	if (p->array)
		out_keep_whole();
}

/*
 * @line about @st, as format.c made it into @size bytes (it said @n,
 * which is more if it was cut), in the printer's shape.
 */
static void put_line(struct printer *p, const struct ifstate *st,
		     const char *line, size_t size, size_t n)
{
	if (n >= size)
		n = size - 1;
	/* JSON: one array on one line, as 'ip -j' prints. */
	if (p->array)
		out_puts(p->n ? "," : "[");
	/* A line about one of many interfaces names it: a --batch line. */
	if (p->named && (p->mode == OUT_HEX || p->mode == OUT_NAMES)) {
		char name[4 * IF_NAMESIZE];

		format_ifname(name, sizeof(name), st->ifname);
		out_puts(name);
		out_puts(": ");
	}
	out_write(line, n);
	if (!p->array)
		out_puts("\n");
	p->n++;
}

void print_state(struct printer *p, const struct ifstate *st,
		 enum changed_flag changed)
{
	char line[FORMAT_STATE_MAX];
	size_t n;

	if (p->quiet)
		return;
	n = format_state(line, sizeof(line), p->mode,
			 backend_names(p->b, st->msg_enable), st, changed);
	put_line(p, st, line, sizeof(line), n);
}

void print_event(struct printer *p, const struct ifstate *st,
		 const uint32_t *old, const char *when)
{
	char line[2 * FORMAT_STATE_MAX];
	size_t n;

	if (p->quiet)
		return;
	n = format_event(line, sizeof(line), p->mode,
			 backend_names(p->b, st->msg_enable |
					     (old ? *old : 0)),
			 st, old, when);
	put_line(p, st, line, sizeof(line), n);
}

void print_end(struct printer *p)
{
	if (!p->quiet && p->array)
		out_line(p->n ? "]" : "[]");
}
