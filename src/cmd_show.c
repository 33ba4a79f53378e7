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
#include "select.h"

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

/* A pattern or --driver: the interfaces of one dump that it selects. */
static int show_selected(const struct job *j, struct backend *b,
			 struct states *list)
{
	struct iflist all;
	size_t i;
	int ret;

	ret = iflist_dump(b, &all, j->more->ndrivers > 0);
	for (i = 0; !ret && i < all.n; i++)
		if (job_selects(j, &all, i))
			ret = add_cb(&all.v[i], list);
	iflist_free(&all);
	return ret;
}

int cmd_show(const struct opts *o, struct backend *b)
{
	const struct job *j = &o->job;
	bool many = !j->ifname || job_is_selector(j);
	struct states list = { 0 };
	struct ifstate st;
	struct printer pr;
	size_t i;
	int ret;

	if (!j->ifname) {
		ret = b->ops->dump(b, add_cb, &list);
	} else if (many) {
		ret = show_selected(j, b, &list);
	} else {
		ret = b->ops->get(b, j->ifname, &st);
		if (!ret)
			ret = add_cb(&st, &list);
	}
	/* What came is shown even if the dump ended in an error. */
	print_init(&pr, o->mode, o->quiet, PRINT_ARRAY, b);
	pr.named = many;
	if (!o->quiet)
		backend_names(b, list.all);
	for (i = 0; i < list.n; i++)
		print_state(&pr, &list.v[i], CHANGED_NONE);
	print_end(&pr);
	free(list.v);
	if (ret < 0)
		return diag_kernel(NULL, many ? NULL : j->ifname, ret,
				   b->extack);
	if (j->ifname && many && !list.n)
		return select_none(NULL, j);
	return 0;
}
