// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Show: ETHTOOL_MSG_DEBUG_GET for one interface, or one DEBUG_GET dump
 * for every interface that has a message level (the kernel leaves out
 * the others).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "netifmsg.h"

/*
 * The states are kept until the reply is complete: a bit the table
 * cannot name is then looked up in the kernel's names once, on the
 * same socket, before anything is printed.
 */
static int show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ifstate st = { 0 };

	if (ethnl_parse_debug(nlh, &st) < 0)
		return -EBADMSG;
	return states_add(data, &st);
}

int cmd_show(const struct opts *o)
{
	struct states list = { 0 };
	char req[ETHNL_REQ_MAX];
	struct nlsock s;
	int ret;

	ret = open_kernel(o, &s);
	if (ret == USE_IOCTL)
		return cmd_ioctl(o);
	if (ret)
		return ret;
	ret = nlsock_talk(&s, ethnl_build_debug_get(req, s.family, 0, o->ifname),
			  show_cb, &list);
	if (!ret && !o->quiet)
		kernel_names_for(&s, list.all);
	/* Show what came even if the dump ended in an error. */
	print_states(o, &list);
	if (ret < 0)
		ret = report_kernel_error(o->ifname, ret, s.extack);
	free(list.v);
	nlsock_close(&s);
	return ret;
}
