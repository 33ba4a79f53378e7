// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Show: one interface (one DEBUG_GET), or every interface that has a
 * message level (one dump; the kernel leaves out the others).
 */
#include <errno.h>
#include <stdlib.h>

#include "cmd.h"
#include "diag.h"
#include "print.h"

/*
 * The states of a dump are kept until it is complete: a bit the table
 * cannot name is then looked up in the kernel's names once, on the same
 * socket, before anything is printed.
 */
struct states {
	struct ifstate *v;
	size_t n, cap;
	uint32_t all;		/* OR of every mask */
};

static int add_cb(const struct ifstate *st, void *data)
{
	struct states *list = data;

	if (list->n == list->cap) {
		size_t cap = list->cap ? 2 * list->cap : 16;
		struct ifstate *v = realloc(list->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		list->v = v;
		list->cap = cap;
	}
	list->v[list->n++] = *st;
	list->all |= st->msg_enable;
	return 0;
}

int cmd_show(const struct opts *o, struct backend *b)
{
	const char *ifname = o->job.ifname;
	struct states list = { 0 };
	struct ifstate st;
	struct printer pr;
	size_t i;
	int ret;

	if (ifname) {
		ret = b->ops->get(b, ifname, &st);
		if (!ret)
			ret = add_cb(&st, &list);
	} else {
		ret = b->ops->dump(b, add_cb, &list);
	}
	/* What came is shown even if the dump ended in an error. */
	print_init(&pr, o->mode, o->quiet, PRINT_ARRAY, b);
	if (!o->quiet)
		backend_names(b, list.all);
	for (i = 0; i < list.n; i++)
		print_state(&pr, &list.v[i], CHANGED_NONE);
	print_end(&pr);
	free(list.v);
	return ret < 0 ? diag_kernel(NULL, ifname, ret, b->extack) : 0;
}
