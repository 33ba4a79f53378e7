// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One choice of transport per command, as wireguard-tools' ipc.c or
 * ethtool's netlink_run_handler() make it.
 */
#include <errno.h>
#include <stddef.h>

#include "backend.h"
#include "netns.h"

int backend_open(struct backend *b, const char *netns, bool ioctl,
		 bool monitor, enum backend_stage *stage)
{
	bool opened = false;
	int ret;

	*b = (struct backend){ 0 };
	if (netns) {
		ret = netns_enter(netns, &opened);
		*stage = opened ? BACKEND_SETNS : BACKEND_NETNS;
		if (ret < 0)
			return ret;
	}
	*stage = BACKEND_SOCKET;
	if (!ioctl) {
		ret = backend_nl_open(b, monitor);
		/*
		 * No ethtool family, or netlink refused by a sandbox (seccomp,
		 * an LSM, systemd's RestrictAddressFamilies=), as ethtool(8)
		 * falls back: not for --monitor, which needs netlink, nor
		 * where resources ran out (EMFILE, ENOMEM...).
		 */
		if (ret != -EPROTONOSUPPORT && (monitor ||
		    (ret != -EAFNOSUPPORT && ret != -EPERM && ret != -EACCES)))
			return ret;
		b->fell_back = ret;
	}
	return backend_ioctl_open(b);
}
