/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ethtool generic netlink messages netifmsg uses (DEBUG, and STRSET
 * for the kernel's class names): builders that write into
 * caller buffers (GENL_REQ_MAX bytes) and parsers that read byte
 * buffers, so the unit tests need no socket.  No printing, no argv.
 */
#ifndef NETIFMSG_ETHNL_H
#define NETIFMSG_ETHNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>
#include <linux/ethtool_netlink.h>

#include "genlmsg.h"
#include "ifstate.h"
#include "msgclass.h"

/* The macros changed name across header versions; the values did not. */
#ifndef ETHTOOL_GENL_VERSION
#define ETHTOOL_GENL_VERSION		1
#endif
#define ETHNL_FAMILY			"ethtool"
#define ETHNL_MONITOR_GROUP		"monitor"

/*
 * DEBUG_GET for @ifname, or a dump of every interface if @ifname is
 * NULL.  NULL if @ifname does not fit an interface name.
 */
struct nlmsghdr *ethnl_build_debug_get(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname);

/*
 * DEBUG_SET with ACK.  @replace: the whole mask becomes @value (compact
 * bitset with NOMASK).  Otherwise only the bits in @mask are set to the
 * matching bits of @value, atomically in the kernel.  With an @ifindex
 * (0: none), the kernel sets nothing unless @ifname is still that
 * interface's name (-ENODEV).  NULL if @ifname does not fit an
 * interface name.
 */
struct nlmsghdr *ethnl_build_debug_set(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname,
				       uint32_t ifindex, uint32_t value,
				       uint32_t mask, bool replace);

/*
 * A DEBUG_GET_REPLY or DEBUG_NTF into @st.  Compact and verbose bitsets
 * are both understood.  Returns 0, or -EINVAL for a malformed message
 * (truncated or wrong-length attribute, missing header or msgmask).
 */
int ethnl_parse_debug(const struct nlmsghdr *nlh, struct ifstate *st);

/*
 * A message of the ethtool family as a monitor sees it: 1 and @st filled
 * for a DEBUG_NTF, 0 for any other ethtool message (to be ignored), or
 * -EINVAL for a malformed one.
 */
int ethnl_parse_debug_ntf(const struct nlmsghdr *nlh, struct ifstate *st);

/*
 * The value of a bitset attribute (ETHTOOL_A_BITSET_*), compact or
 * verbose; bits above 31 must be clear.  Returns 0 or -EINVAL.
 */
int ethnl_parse_bitset(const struct nlattr *attr, uint32_t *value);

/* The kernel's class names by bit; a bit is in @have if it has one. */
struct strset_names {
	uint32_t have;
	char name[32][MSGCLASS_NAME_MAX];
};

/* STRSET_GET of ETH_SS_MSG_CLASSES (no device, the global set). */
struct nlmsghdr *ethnl_build_strset_classes(void *buf, uint16_t family,
					    uint32_t seq);

/*
 * A STRSET_GET_REPLY into @out.  Returns 0; -ENOENT if the reply has no
 * ETH_SS_MSG_CLASSES set; -EINVAL if it is malformed (truncated, wrong
 * attribute type or length, a string without its NUL, an index that is
 * not a bit of a 32-bit mask).  Names too long to keep are left out.
 */
int ethnl_parse_strset_classes(const struct nlmsghdr *nlh,
			       struct strset_names *out);

#endif
