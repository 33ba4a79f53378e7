// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What every backend shares: opening (the network namespace, then the
 * one choice of netlink or the ioctl, as wireguard-tools' ipc.c or
 * ethtool's netlink_run_handler() decide once per command), closing,
 * and the class names it knows.
 */
#include <errno.h>
#include <stddef.h>

#include "backend.h"
#include "netns.h"

int backend_open(struct backend *b, const char *netns, bool ioctl,
		 bool monitor, enum backend_stage *stage)
{
	int ret;

	*b = (struct backend){ 0 };
	*stage = BACKEND_NETNS;
	if (netns) {
		ret = netns_enter(netns);
		if (ret < 0)
			return ret;
	}
	*stage = BACKEND_SOCKET;
	if (!ioctl) {
		ret = backend_nl_open(b, monitor);
		if (ret != -EPROTONOSUPPORT)
			return ret;
		b->fell_back = true;
	}
	return backend_ioctl_open(b);
}

void backend_close(struct backend *b)
{
	if (b->ops)
		b->ops->close(b);
	b->ops = NULL;
}

const struct classnames *backend_names(struct backend *b, uint32_t mask)
{
	if (!b)
		return NULL;
	if (!b->cn_loaded && (mask & ~msgclass_named_mask(&b->cn))) {
		/* A failed lookup leaves the built-in names: bitN prints. */
		b->cn_loaded = true;
		classnames_init(&b->cn);
		if (!b->ops->names || b->ops->names(b, &b->cn) < 0)
			classnames_init(&b->cn);
	}
	return &b->cn;
}
