// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Show: one interface (one DEBUG_GET), or every interface that has a
 * message level (one dump; the kernel leaves out the others).
 */
#include "cmd.h"
#include "diag.h"
#include "print.h"
#include "select.h"

/*
 * The states are kept until they are all there: a bit the table cannot
 * name is then looked up in the kernel's names once (print_state()), on
 * the same socket, which a dump would still be using.
 */
int cmd_show(const struct opts *o, struct backend *b)
{
	const struct job *j = &o->job;
	bool many = !j->ifname || job_is_selector(j);
	struct iflist list = { 0 };
	struct ifstate st;
	struct printer pr;
	size_t i;
	int ret;

	if (!j->ifname) {
		ret = iflist_dump(b, &list, NULL, 0);
	} else if (many) {
		ret = iflist_select(b, j, &list);
	} else {
		ret = b->ops->get(b, j->ifname, &st);
		if (!ret)
			ret = iflist_add(&st, &list);
	}
	/* A failure's message and exit status outlive a reader gone early. */
	if (ret < 0 || (j->ifname && !list.n))
		cmd_write_errors();
	/* What came is shown even if the dump ended in an error. */
	print_init(&pr, o->mode, o->quiet, PRINT_ARRAY, many, b);
	for (i = 0; i < list.n; i++)
		print_state(&pr, &list.v[i], CHANGED_NONE);
	/* "netifmsg +link": a CHANGE where IFACE stands. */
	if (ret == -ENODEV && !many && change_is_word(j->ifname, NULL)) {
		diag(NULL, j->ifname, "no such network interface (IFACE comes first; to change every interface: netifmsg '*' %s)",
		     j->ifname);
		ret = -EIO;
	} else if (ret < 0) {
		ret = diag_kernel(NULL, many ? NULL : j->ifname, ret,
				  b->extack);
	} else if (j->ifname && many && !list.n) {
		ret = select_none(b, NULL, j);
	}
	/* -j: the message first, as for a change (the array is kept whole). */
	print_end(&pr);
	iflist_free(&list);
	return ret;
}
