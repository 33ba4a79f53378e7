// SPDX-License-Identifier: GPL-2.0-or-later
/* What the commands share: printing states, entering the netns, errors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netifmsg.h"
#include "netns.h"
#include "out.h"

void print_state(enum out_mode mode, const struct ifstate *st,
		 enum changed_flag changed, const char *end)
{
	char line[FORMAT_STATE_MAX];
	size_t n;

	n = format_state(line, sizeof(line), mode, st, changed);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	out_write(line, n);
	out_puts(end);
}

int report_kernel_error(const char *ifname, int err, const char *extack)
{
	bool has_extack = extack && extack[0];

	switch (err) {
	case -ENODEV:
		errmsg(ifname, "no such network interface");
		break;
	case -EOPNOTSUPP:
		/* Also "bit name not found", but we never send names. */
		errmsg(ifname, "the driver has no message level");
		break;
	case -EPERM:
	case -EACCES:
		errmsg(ifname, "permission denied: changing the message level needs CAP_NET_ADMIN");
		break;
	case -EPROTONOSUPPORT:
		errmsg(NULL, "the kernel has no ethtool netlink interface (Linux 5.6 or later is needed)");
		break;
	default:
		errmsg(ifname, "%s%s%s", strerror(-err), has_extack ? ": " : "",
		       has_extack ? extack : "");
		break;
	}
	return EXIT_FAIL;
}

int report_beyond(const char *ifname, uint32_t beyond)
{
	errmsg(ifname, "bits %d-31 (0x%08x) cannot be set over netlink: the kernel's message-level bitset has only %d bits",
	       MSGCLASS_KERNEL_BITS, beyond, MSGCLASS_KERNEL_BITS);
	return EXIT_USAGE;
}

int build_change(const struct opts *o, struct change *c)
{
	struct cmdline_err err;

	if (!cmdline_build_change(o, c, &err))
		return EXIT_OK;
	errmsg(NULL, "%s", err.msg);
	if (err.hint)
		fputs("Try 'netifmsg --help'.\n", stderr);
	return EXIT_USAGE;
}

int enter_netns(const struct opts *o)
{
	static bool entered;
	int ret;

	if (!o->netns || entered)
		return EXIT_OK;
	ret = netns_enter(o->netns);
	if (ret == -ENOENT) {
		errmsg(o->netns, "no such network namespace");
		return EXIT_FAIL;
	}
	if (ret < 0) {
		errmsg(o->netns, "cannot enter network namespace: %s",
		       strerror(-ret));
		return EXIT_FAIL;
	}
	entered = true;
	return EXIT_OK;
}

int open_kernel(const struct opts *o, struct nlsock *s)
{
	int ret;

	ret = enter_netns(o);
	if (ret)
		return ret;
	/* For the test suite only: a family name the kernel lacks. */
	ret = nlsock_open_family(s, getenv("NETIFMSG_TEST_FAMILY"),
				 o->cmd == CMD_MONITOR);
	if (ret == -EPROTONOSUPPORT) {
		if (o->verbose)
			errmsg(NULL, "the kernel has no ethtool netlink family: using the SIOCETHTOOL ioctl");
		return USE_IOCTL;
	}
	if (ret < 0) {
		errmsg(NULL, "cannot open a netlink socket: %s", strerror(-ret));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int states_add(struct states *list, const struct ifstate *st)
{
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

void print_states(const struct opts *o, const struct states *list)
{
	bool json = o->mode == OUT_JSON;
	size_t i;

	if (o->quiet)
		return;
	/* JSON: one array on one line, as 'ip -j' prints. */
	for (i = 0; i < list->n; i++) {
		if (json)
			out_puts(i ? "," : "[");
		print_state(o->mode, &list->v[i], CHANGED_NONE,
			    json ? "" : "\n");
	}
	if (json)
		out_line(list->n ? "]" : "[]");
}
