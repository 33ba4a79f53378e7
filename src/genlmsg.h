/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Generic netlink messages any family needs: the request header, the
 * controller's family lookup, the shape checks of a received datagram,
 * and NLMSG_ERROR/NLMSG_DONE with the kernel's extended ACK message.
 * Byte buffers only, nothing ethtool-specific, no socket.
 */
#ifndef NETIFMSG_GENLMSG_H
#define NETIFMSG_GENLMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/netlink.h>

/* Room for any request we build: every builder's @buf has this size. */
#define GENL_REQ_MAX		256
/* Longest extack message we keep. */
#define GENL_EXTACK_MAX		256

/*
 * Start a generic netlink request in @buf (GENL_REQ_MAX bytes, zeroed
 * first): netlink header, then the genl header with @cmd and @version.
 */
struct nlmsghdr *genlmsg_put(void *buf, uint16_t type, uint16_t flags,
			     uint32_t seq, uint8_t cmd, uint8_t version);

/*
 * Does request @req ask for one reply message, to come before anything
 * that ends it (a GET of one object: neither an ACK nor a dump asked)?
 */
static inline bool genlmsg_wants_reply(const struct nlmsghdr *req)
{
	return !(req->nlmsg_flags & (NLM_F_DUMP | NLM_F_ACK));
}

/* CTRL_CMD_GETFAMILY for family @name (shorter than GENL_NAMSIZ). */
struct nlmsghdr *genlmsg_build_getfamily(void *buf, uint32_t seq,
					 const char *name);

/*
 * Family id from a CTRL_CMD_NEWFAMILY, and with @group_id the id of the
 * multicast group named @group (0 if @group is NULL or the family has
 * none of that name).  The groups are only parsed when asked for.  0 or
 * -EINVAL.
 */
int genlmsg_parse_family(const struct nlmsghdr *nlh, uint16_t *family,
			 const char *group, uint32_t *group_id);

/*
 * Every message of a received datagram, with its padding to 4 bytes,
 * lies within its @len bytes, and nothing follows the last one.  Check
 * it before handing the datagram to libmnl: mnl_nlmsg_ok() compares
 * nlmsg_len as an int, so a header claiming 2 GiB or more passes it and
 * sends the parsers far past the buffer, and mnl_cb_run() quietly drops
 * a cut message at the end, which would leave the caller waiting for a
 * reply that came.
 */
bool genlmsg_datagram_ok(const void *buf, size_t len);

/*
 * The attributes nested in @nest fill it exactly (libmnl's iterators
 * stop quietly at an attribute that runs past its container, which
 * would make a cut one read as absent).
 */
bool genlmsg_nest_ok(const struct nlattr *nest);

/*
 * The attributes of a generic netlink message (after the genl header),
 * or those nested in @nest, into @tb by type: a type that @types gives
 * a data type (up to @max) is validated as such, any other (a newer
 * kernel's) is skipped.  Like genlmsg_nest_ok(), the attributes must fill
 * their container exactly.  0, or -EINVAL if one is malformed.
 */
int genlmsg_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		  const enum mnl_attr_data_type *types, int max);
int genlmsg_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
			 const enum mnl_attr_data_type *types, int max);

/*
 * NLMSG_ERROR or NLMSG_DONE: @error is set to the (negative) error code
 * or 0 for an ACK, and the extack message, if any, is copied into @msg
 * (@msgsize > 0 bytes, cut to fit; empty otherwise).  Returns 0, or
 * -EINVAL if the message is malformed.
 */
int genlmsg_parse_error(const struct nlmsghdr *nlh, int *error, char *msg,
			size_t msgsize);

#endif
