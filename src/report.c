// SPDX-License-Identifier: GPL-2.0-or-later
/* What the commands share: printing states, entering the netns, errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "netifmsg.h"
#include "netns.h"

void print_state(enum out_mode mode, const struct ifstate *st,
		 enum changed_flag changed, const char *end)
{
	char line[FORMAT_STATE_MAX];
	size_t n;

	n = format_state(line, sizeof(line), mode, st, changed);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	fwrite(line, 1, n, stdout);
	fputs(end, stdout);
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

int open_kernel(const struct opts *o, struct nlsock *s)
{
	int ret;

	if (o->netns) {
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
	}
	ret = nlsock_open(s);
	if (ret < 0) {
		if (ret == -EPROTONOSUPPORT)
			return report_kernel_error(NULL, ret, NULL);
		errmsg(NULL, "cannot open a netlink socket: %s", strerror(-ret));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
