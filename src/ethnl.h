/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ethtool generic netlink messages netifmsg uses: builders that
 * write into caller buffers and parsers that read byte buffers, so the
 * unit tests need no socket.  No printing, no argv.
 */
#ifndef NETIFMSG_ETHNL_H
#define NETIFMSG_ETHNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "ifstate.h"

/* Room for any request we build: every builder's @buf has this size. */
#define ETHNL_REQ_MAX	256
/* Longest extack message we keep. */
#define ETHNL_EXTACK_MAX	256

/*
 * Start a generic netlink request in @buf (ETHNL_REQ_MAX bytes, zeroed
 * first): netlink header, then the genl header with @cmd and @version.
 */
struct nlmsghdr *ethnl_put_genl(void *buf, uint16_t type, uint16_t flags,
				uint32_t seq, uint8_t cmd, uint8_t version);

/* CTRL_CMD_GETFAMILY for "ethtool". */
struct nlmsghdr *ethnl_build_getfamily(void *buf, uint32_t seq);
/* The same for family @name (shorter than GENL_NAMSIZ), else NULL. */
struct nlmsghdr *ethnl_build_getfamily_of(void *buf, uint32_t seq,
					  const char *name);

/* DEBUG_GET for @ifname, or a dump of every interface if @ifname is NULL. */
struct nlmsghdr *ethnl_build_debug_get(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname);

/*
 * DEBUG_SET with ACK.  @replace: the whole mask becomes @value (compact
 * bitset with NOMASK).  Otherwise only the bits in @mask are set to the
 * matching bits of @value, atomically in the kernel.
 */
struct nlmsghdr *ethnl_build_debug_set(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname,
				       uint32_t value, uint32_t mask,
				       bool replace);

/*
 * Every message of a received datagram, with its padding to 4 bytes,
 * lies within its @len bytes, and nothing follows the last one.  Check it before handing
 * the datagram to libmnl: mnl_nlmsg_ok() compares nlmsg_len as an int,
 * so a header claiming 2 GiB or more passes it and sends the parsers far
 * past the buffer, and mnl_cb_run() quietly drops a cut message at the
 * end, which would leave the caller waiting for a reply that came.
 */
bool ethnl_datagram_ok(const void *buf, size_t len);

/*
 * Family id and "monitor" multicast group id from a CTRL_CMD_NEWFAMILY.
 * With @monitor_group NULL the groups are not looked at: only --monitor
 * needs them, and their parsing was a third of a one-interface show's
 * own instructions.
 */
int ethnl_parse_family(const struct nlmsghdr *nlh, uint16_t *family,
		       uint32_t *monitor_group);

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

/*
 * NLMSG_ERROR or NLMSG_DONE: @error is set to the (negative) error code
 * or 0 for an ACK, and the extack message, if any, is copied into @msg
 * (empty otherwise).  Returns 0, or -EINVAL if the message is malformed.
 */
int ethnl_parse_error(const struct nlmsghdr *nlh, int *error, char *msg,
		      size_t msgsize);

#endif
