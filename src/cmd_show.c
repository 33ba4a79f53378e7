// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Show: ETHTOOL_MSG_DEBUG_GET for one interface, or one DEBUG_GET dump
 * for every interface that has a message level (the kernel leaves out
 * the others).
 */
#include <errno.h>
#include <stdio.h>

#include "netifmsg.h"

struct show_ctx {
	const struct opts *o;
	unsigned int count;
};

static int show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct show_ctx *c = data;
	struct ifstate st = { 0 };

	if (ethnl_parse_debug(nlh, &st) < 0)
		return -EBADMSG;
	if (!c->o->quiet) {
		bool json = c->o->mode == OUT_JSON;

		/* JSON: one array on one line, as 'ip -j' prints. */
		if (json)
			fputs(c->count ? "," : "[", stdout);
		print_state(c->o->mode, &st, CHANGED_NONE, json ? "" : "\n");
	}
	c->count++;
	return 0;
}

int cmd_show(const struct opts *o)
{
	struct show_ctx c = { o, 0 };
	char req[ETHNL_REQ_MAX];
	struct nlsock s;
	int ret;

	ret = open_kernel(o, &s);
	if (ret)
		return ret;
	ret = nlsock_talk(&s, ethnl_build_debug_get(req, s.family, 0, o->ifname),
			  show_cb, &c);
	if (o->mode == OUT_JSON && !o->quiet)
		puts(c.count ? "]" : "[]");
	if (ret < 0)
		ret = report_kernel_error(o->ifname, ret, s.extack);
	nlsock_close(&s);
	return ret;
}
