/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ETHTOOL_MSG_STRSET_GET for the string set ETH_SS_MSG_CLASSES: the
 * message class names the running kernel knows.  A builder and a parser
 * on byte buffers, and the one exchange over an open socket.  No
 * printing.
 */
#ifndef NETIFMSG_STRSET_H
#define NETIFMSG_STRSET_H

#include <stdint.h>
#include <linux/netlink.h>

#include "msgclass.h"

struct nlsock;

/* The kernel's class names by bit; a bit is in @have if it has one. */
struct strset_names {
	uint32_t have;
	char name[32][MSGCLASS_NAME_MAX];
};

/* STRSET_GET of ETH_SS_MSG_CLASSES (no device), into an ETHNL_REQ_MAX @buf. */
struct nlmsghdr *strset_build_classes(void *buf, uint16_t family,
				      uint32_t seq);

/*
 * A STRSET_GET_REPLY into @out.  Returns 0; -ENOENT if the reply has no
 * ETH_SS_MSG_CLASSES set; -EINVAL if it is malformed (truncated, wrong
 * attribute type or length, a string without its NUL, an index that is
 * not a bit of a 32-bit mask).  Names too long to keep are left out.
 */
int strset_parse_classes(const struct nlmsghdr *nlh, struct strset_names *out);

/* Ask the kernel over @s.  Returns 0 or -errno. */
int strset_get_classes(struct nlsock *s, struct strset_names *out);

#endif
