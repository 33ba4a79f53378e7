/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The plain data passed between the protocol code and the printers. */
#ifndef NETIFMSG_IFSTATE_H
#define NETIFMSG_IFSTATE_H

#include <stdint.h>
#include <net/if.h>

/*
 * An alternative name (ip link property add ... altname) may be longer
 * than an interface's name: up to 127 bytes, with its NUL 128.
 */
#ifndef ALTIFNAMSIZ
#define ALTIFNAMSIZ		128
#endif

/* Longest driver name ETHTOOL_GDRVINFO gives ('ethtool -i'), with NUL. */
#define DRIVER_NAME_MAX		32

struct ifstate {
	char ifname[IF_NAMESIZE];	/* "" when no interface is involved */
	uint32_t ifindex;		/* 0 when unknown */
	uint32_t msg_enable;
};

/* One interface's state, of a dump or a notification; 0 or -errno. */
typedef int (*bstate_cb_t)(const struct ifstate *st, void *data);

#endif
