/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The plain data passed between the protocol code and the printers. */
#ifndef NETIFMSG_IFSTATE_H
#define NETIFMSG_IFSTATE_H

#include <stdint.h>
#include <net/if.h>

/* Longest driver name ETHTOOL_GDRVINFO gives ('ethtool -i'), with NUL. */
#define DRIVER_NAME_MAX		32

struct ifstate {
	char ifname[IF_NAMESIZE];	/* "" when no interface is involved */
	uint32_t ifindex;		/* 0 when unknown */
	uint32_t msg_enable;
};

#endif
