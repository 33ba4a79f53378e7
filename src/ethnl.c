// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Builders and parsers for the ethtool netlink messages netifmsg uses:
 * CTRL_CMD_GETFAMILY, ETHTOOL_MSG_DEBUG_GET/_SET and their replies,
 * DEBUG_NTF, and NLMSG_ERROR/NLMSG_DONE with extended ACK.  They work on
 * byte buffers only; the socket lives in nlsock.c.
 */
#include <errno.h>
#include <string.h>
#include <net/if.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool_netlink.h>

#include "ethnl.h"
#include "msgclass.h"

#ifndef ETHTOOL_GENL_NAME
#define ETHTOOL_GENL_NAME	"ethtool"
#endif
#ifndef ETHTOOL_GENL_VERSION
#define ETHTOOL_GENL_VERSION	1
#endif
#ifndef ETHTOOL_MCGRP_MONITOR_NAME
#define ETHTOOL_MCGRP_MONITOR_NAME "monitor"
#endif

struct nlmsghdr *ethnl_put_genl(void *buf, uint16_t type, uint16_t flags,
				uint32_t seq, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	/* libmnl does not clear attribute padding: send no stale bytes. */
	memset(buf, 0, ETHNL_REQ_MAX);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *ethnl_build_getfamily(void *buf, uint32_t seq)
{
	return ethnl_build_getfamily_of(buf, seq, ETHTOOL_GENL_NAME);
}

struct nlmsghdr *ethnl_build_getfamily_of(void *buf, uint32_t seq,
					  const char *name)
{
	struct nlmsghdr *nlh;

	if (!name || strnlen(name, GENL_NAMSIZ) >= GENL_NAMSIZ)
		return NULL;
	nlh = ethnl_put_genl(buf, GENL_ID_CTRL, NLM_F_REQUEST, seq,
		       CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	return nlh;
}

static bool ifname_fits(const char *ifname)
{
	return ifname && ifname[0] && strnlen(ifname, IF_NAMESIZE) < IF_NAMESIZE;
}

static void put_header(struct nlmsghdr *nlh, const char *ifname,
		       uint32_t flags)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);

	if (ifname)
		mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, ifname);
	if (flags)
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_FLAGS, flags);
	mnl_attr_nest_end(nlh, nest);
}

struct nlmsghdr *ethnl_build_debug_get(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname)
{
	uint16_t flags = NLM_F_REQUEST;
	struct nlmsghdr *nlh;

	if (ifname && !ifname_fits(ifname))
		return NULL;
	if (!ifname)
		flags |= NLM_F_DUMP;
	nlh = ethnl_put_genl(buf, family, flags, seq, ETHTOOL_MSG_DEBUG_GET,
		       ETHTOOL_GENL_VERSION);
	/* Compact bitsets: the reply is a few bytes, not a nest per bit. */
	put_header(nlh, ifname, ETHTOOL_FLAG_COMPACT_BITSETS);
	return nlh;
}

struct nlmsghdr *ethnl_build_debug_set(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname,
				       uint32_t value, uint32_t mask,
				       bool replace)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	if (!ifname_fits(ifname))
		return NULL;
	nlh = ethnl_put_genl(buf, family, NLM_F_REQUEST | NLM_F_ACK, seq,
		       ETHTOOL_MSG_DEBUG_SET, ETHTOOL_GENL_VERSION);
	put_header(nlh, ifname, 0);
	/*
	 * A compact bitset of 32 bits.  With NOMASK the kernel replaces the
	 * whole mask; with MASK it changes only those bits, under the rtnl
	 * lock, so a relative change is atomic against every other writer.
	 */
	nest = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	if (replace)
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 32);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_VALUE, sizeof(value), &value);
	if (!replace)
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_MASK, sizeof(mask), &mask);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

bool ethnl_datagram_ok(const void *buf, size_t len)
{
	const struct nlmsghdr *nlh;
	size_t off = 0;

	while (len - off >= sizeof(*nlh)) {
		size_t padded;

		nlh = (const struct nlmsghdr *)((const char *)buf + off);
		/*
		 * With its padding: libmnl walks attributes up to the aligned
		 * end.  The kernel always sends the padding.
		 */
		padded = ((size_t)nlh->nlmsg_len + 3) & ~(size_t)3;
		if (nlh->nlmsg_len < sizeof(*nlh) || padded > len - off)
			return false;
		off += padded;
	}
	return off == len;
}

/* Generic netlink payload after the genl header, or NULL if too short. */
static bool genl_ok(const struct nlmsghdr *nlh)
{
	return nlh->nlmsg_len >= MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct genlmsghdr));
}

/*
 * The attributes in @len bytes at @p must fill them exactly.  libmnl's
 * iterators stop quietly at an attribute that runs past its container,
 * which would make a cut bitset read as an empty one.
 */
static bool attrs_fit(const void *p, size_t len)
{
	const struct nlattr *a;
	size_t off = 0;

	while (off < len) {
		if (len - off < sizeof(*a))
			return false;
		a = (const struct nlattr *)((const char *)p + off);
		if (a->nla_len < sizeof(*a) || a->nla_len > len - off)
			return false;
		off += MNL_ALIGN(a->nla_len);
	}
	return true;
}

static bool nest_fits(const struct nlattr *nest)
{
	return attrs_fit(mnl_attr_get_payload(nest),
			 mnl_attr_get_payload_len(nest));
}

/* The attributes after @hdrlen bytes of extra header fill the message. */
static bool msg_attrs_fit(const struct nlmsghdr *nlh, size_t hdrlen)
{
	size_t start = MNL_NLMSG_HDRLEN + MNL_ALIGN(hdrlen);

	return nlh->nlmsg_len >= start &&
	       attrs_fit((const char *)nlh + start, nlh->nlmsg_len - start);
}

struct family_ctx {
	uint16_t id;
	bool have_id;
	uint32_t monitor;
	bool want_monitor;
};

static int mcgrp_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	int type = mnl_attr_get_type(attr);

	if (type == CTRL_ATTR_MCAST_GRP_ID) {
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return MNL_CB_ERROR;
		tb[type] = attr;
	} else if (type == CTRL_ATTR_MCAST_GRP_NAME) {
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0)
			return MNL_CB_ERROR;
		tb[type] = attr;
	}
	return MNL_CB_OK;
}

static int parse_mcgrps(const struct nlattr *nest, struct family_ctx *fc)
{
	const struct nlattr *grp;

	if (!nest_fits(nest))
		return -EINVAL;
	mnl_attr_for_each_nested(grp, nest) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = { 0 };

		if (!nest_fits(grp) || mnl_attr_parse_nested(grp, mcgrp_cb, tb) < 0)
			return -EINVAL;
		if (tb[CTRL_ATTR_MCAST_GRP_ID] && tb[CTRL_ATTR_MCAST_GRP_NAME] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
			    ETHTOOL_MCGRP_MONITOR_NAME))
			fc->monitor = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

static int family_attr_cb(const struct nlattr *attr, void *data)
{
	struct family_ctx *fc = data;

	switch (mnl_attr_get_type(attr)) {
	case CTRL_ATTR_FAMILY_ID:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			return MNL_CB_ERROR;
		fc->id = mnl_attr_get_u16(attr);
		fc->have_id = true;
		break;
	case CTRL_ATTR_MCAST_GROUPS:
		if (!fc->want_monitor)
			break;
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0 ||
		    parse_mcgrps(attr, fc) < 0)
			return MNL_CB_ERROR;
		break;
	}
	return MNL_CB_OK;
}

int ethnl_parse_family(const struct nlmsghdr *nlh, uint16_t *family,
		       uint32_t *monitor_group)
{
	struct family_ctx fc = { .want_monitor = monitor_group != NULL };

	if (nlh->nlmsg_type != GENL_ID_CTRL || !genl_ok(nlh) ||
	    !msg_attrs_fit(nlh, sizeof(struct genlmsghdr)))
		return -EINVAL;
	if (mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_attr_cb,
			   &fc) < 0 || !fc.have_id)
		return -EINVAL;
	*family = fc.id;
	if (monitor_group)
		*monitor_group = fc.monitor;
	return 0;
}

/* Attribute table parsing: keep only the types we know and validate them. */
struct tb_ctx {
	const struct nlattr **tb;
	const enum mnl_attr_data_type *types;
	int max;
};

static int tb_cb(const struct nlattr *attr, void *data)
{
	const struct tb_ctx *t = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, t->max) <= 0)
		return MNL_CB_OK;	/* newer kernel: skip what we don't know */
	if (t->types[type] == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, t->types[type]) < 0)
		return MNL_CB_ERROR;
	t->tb[type] = attr;
	return MNL_CB_OK;
}

static int parse_nested(const struct nlattr *nest, const struct nlattr **tb,
			const enum mnl_attr_data_type *types, int max)
{
	struct tb_ctx t = { tb, types, max };

	if (mnl_attr_get_payload_len(nest) == 0)
		return 0;
	if (!nest_fits(nest))
		return -EINVAL;
	return mnl_attr_parse_nested(nest, tb_cb, &t) < 0 ? -EINVAL : 0;
}

static const enum mnl_attr_data_type bitset_types[ETHTOOL_A_BITSET_MAX + 1] = {
	[ETHTOOL_A_BITSET_NOMASK] = MNL_TYPE_FLAG,
	[ETHTOOL_A_BITSET_SIZE] = MNL_TYPE_U32,
	[ETHTOOL_A_BITSET_BITS] = MNL_TYPE_NESTED,
	[ETHTOOL_A_BITSET_VALUE] = MNL_TYPE_BINARY,
	[ETHTOOL_A_BITSET_MASK] = MNL_TYPE_BINARY,
};

static const enum mnl_attr_data_type bit_types[ETHTOOL_A_BITSET_BIT_MAX + 1] = {
	[ETHTOOL_A_BITSET_BIT_INDEX] = MNL_TYPE_U32,
	[ETHTOOL_A_BITSET_BIT_NAME] = MNL_TYPE_NUL_STRING,
	[ETHTOOL_A_BITSET_BIT_VALUE] = MNL_TYPE_FLAG,
};

/* Compact form: SIZE bits in VALUE, 32-bit words in host order. */
static int parse_compact(const struct nlattr **tb, uint32_t *value)
{
	uint32_t size, words, i, word;
	const uint8_t *p;

	if (!tb[ETHTOOL_A_BITSET_SIZE])
		return -EINVAL;
	size = mnl_attr_get_u32(tb[ETHTOOL_A_BITSET_SIZE]);
	words = size / 32 + (size % 32 != 0);
	if (mnl_attr_get_payload_len(tb[ETHTOOL_A_BITSET_VALUE]) != words * 4)
		return -EINVAL;
	p = mnl_attr_get_payload(tb[ETHTOOL_A_BITSET_VALUE]);
	*value = 0;
	for (i = 0; i < words; i++) {
		memcpy(&word, p + i * 4, 4);
		if (i == 0)
			*value = word;
		else if (word)
			return -EINVAL;	/* a bit we cannot represent */
	}
	if (size < 32)
		*value &= (1u << size) - 1;
	return 0;
}

/* Verbose form: one nest per listed bit. */
static int parse_verbose(const struct nlattr *bits, bool nomask,
			 uint32_t *value)
{
	const struct nlattr *bit;

	*value = 0;
	if (!nest_fits(bits))
		return -EINVAL;
	mnl_attr_for_each_nested(bit, bits) {
		const struct nlattr *tb[ETHTOOL_A_BITSET_BIT_MAX + 1] = { 0 };
		long idx;

		if (mnl_attr_get_type(bit) != ETHTOOL_A_BITSET_BITS_BIT)
			continue;
		if (parse_nested(bit, tb, bit_types, ETHTOOL_A_BITSET_BIT_MAX) < 0)
			return -EINVAL;
		if (tb[ETHTOOL_A_BITSET_BIT_INDEX]) {
			idx = mnl_attr_get_u32(tb[ETHTOOL_A_BITSET_BIT_INDEX]);
		} else if (tb[ETHTOOL_A_BITSET_BIT_NAME]) {
			const char *name = mnl_attr_get_str(tb[ETHTOOL_A_BITSET_BIT_NAME]);

			idx = msgclass_lookup(name, strlen(name));
		} else {
			return -EINVAL;
		}
		/* Without NOMASK a listed bit is set only if VALUE says so. */
		if (!nomask && !tb[ETHTOOL_A_BITSET_BIT_VALUE])
			continue;
		if (idx < 0 || idx >= 32)
			return -EINVAL;
		*value |= 1u << idx;
	}
	return 0;
}

int ethnl_parse_bitset(const struct nlattr *attr, uint32_t *value)
{
	const struct nlattr *tb[ETHTOOL_A_BITSET_MAX + 1] = { 0 };

	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0 ||
	    parse_nested(attr, tb, bitset_types, ETHTOOL_A_BITSET_MAX) < 0)
		return -EINVAL;
	if (tb[ETHTOOL_A_BITSET_VALUE])
		return parse_compact(tb, value);
	if (tb[ETHTOOL_A_BITSET_BITS])
		return parse_verbose(tb[ETHTOOL_A_BITSET_BITS],
				     tb[ETHTOOL_A_BITSET_NOMASK] != NULL, value);
	/* An empty verbose bitset (no bit set) has SIZE and no BITS nest. */
	if (tb[ETHTOOL_A_BITSET_SIZE]) {
		*value = 0;
		return 0;
	}
	return -EINVAL;
}

static const enum mnl_attr_data_type debug_types[ETHTOOL_A_DEBUG_MAX + 1] = {
	[ETHTOOL_A_DEBUG_HEADER] = MNL_TYPE_NESTED,
	[ETHTOOL_A_DEBUG_MSGMASK] = MNL_TYPE_NESTED,
};

static const enum mnl_attr_data_type header_types[ETHTOOL_A_HEADER_MAX + 1] = {
	[ETHTOOL_A_HEADER_DEV_INDEX] = MNL_TYPE_U32,
	[ETHTOOL_A_HEADER_DEV_NAME] = MNL_TYPE_NUL_STRING,
	[ETHTOOL_A_HEADER_FLAGS] = MNL_TYPE_U32,
};

static int parse_header(const struct nlattr *nest, struct ifstate *st)
{
	const struct nlattr *tb[ETHTOOL_A_HEADER_MAX + 1] = { 0 };
	const char *name;

	if (parse_nested(nest, tb, header_types, ETHTOOL_A_HEADER_MAX) < 0 ||
	    !tb[ETHTOOL_A_HEADER_DEV_INDEX] || !tb[ETHTOOL_A_HEADER_DEV_NAME])
		return -EINVAL;
	name = mnl_attr_get_str(tb[ETHTOOL_A_HEADER_DEV_NAME]);
	if (!name[0] || strlen(name) >= sizeof(st->ifname))
		return -EINVAL;
	strcpy(st->ifname, name);
	st->ifindex = mnl_attr_get_u32(tb[ETHTOOL_A_HEADER_DEV_INDEX]);
	return 0;
}

int ethnl_parse_debug(const struct nlmsghdr *nlh, struct ifstate *st)
{
	const struct nlattr *tb[ETHTOOL_A_DEBUG_MAX + 1] = { 0 };
	struct tb_ctx t = { tb, debug_types, ETHTOOL_A_DEBUG_MAX };
	const struct genlmsghdr *genl;

	/* The kernel pads every message; an odd length means a cut one. */
	if (nlh->nlmsg_len != MNL_ALIGN(nlh->nlmsg_len) || !genl_ok(nlh) ||
	    !msg_attrs_fit(nlh, sizeof(*genl)))
		return -EINVAL;
	genl = mnl_nlmsg_get_payload(nlh);
	if (genl->cmd != ETHTOOL_MSG_DEBUG_GET_REPLY &&
	    genl->cmd != ETHTOOL_MSG_DEBUG_NTF)
		return -EINVAL;
	if (mnl_attr_parse(nlh, sizeof(*genl), tb_cb, &t) < 0)
		return -EINVAL;
	if (!tb[ETHTOOL_A_DEBUG_HEADER] || !tb[ETHTOOL_A_DEBUG_MSGMASK])
		return -EINVAL;
	if (parse_header(tb[ETHTOOL_A_DEBUG_HEADER], st) < 0)
		return -EINVAL;
	return ethnl_parse_bitset(tb[ETHTOOL_A_DEBUG_MSGMASK], &st->msg_enable);
}

int ethnl_parse_debug_ntf(const struct nlmsghdr *nlh, struct ifstate *st)
{
	const struct genlmsghdr *genl;

	if (!genl_ok(nlh))
		return -EINVAL;
	genl = mnl_nlmsg_get_payload(nlh);
	if (genl->cmd != ETHTOOL_MSG_DEBUG_NTF)
		return 0;
	return ethnl_parse_debug(nlh, st) < 0 ? -EINVAL : 1;
}

/* The extended-ACK TLVs that may follow the error code. */
static void parse_extack(const struct nlmsghdr *nlh, size_t offset,
			 char *msg, size_t msgsize)
{
	const struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || offset > nlh->nlmsg_len)
		return;
	mnl_attr_for_each(attr, nlh, offset - MNL_NLMSG_HDRLEN) {
		if (mnl_attr_get_type(attr) != NLMSGERR_ATTR_MSG ||
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0)
			continue;
		if (msgsize) {
			strncpy(msg, mnl_attr_get_str(attr), msgsize - 1);
			msg[msgsize - 1] = '\0';
		}
		return;
	}
}

/*
 * 0 or -1..-4095 (the kernel's MAX_ERRNO): the callers negate and print
 * the code, which must not overflow or index past strerror's table.
 */
static bool errno_ok(int code)
{
	return code <= 0 && code >= -4095;
}

int ethnl_parse_error(const struct nlmsghdr *nlh, int *error, char *msg,
		      size_t msgsize)
{
	const struct nlmsgerr *err;
	size_t offset;
	int code;

	if (msgsize)
		msg[0] = '\0';
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN)
		return -EINVAL;
	if (nlh->nlmsg_type == NLMSG_DONE) {
		/* Old kernels send a bare NLMSG_DONE: no error. */
		if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(int)) {
			*error = 0;
			return 0;
		}
		memcpy(&code, mnl_nlmsg_get_payload(nlh), sizeof(code));
		if (code > 0)
			code = -code;
		if (!errno_ok(code))
			return -EINVAL;
		*error = code;
		parse_extack(nlh, MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(int)),
			     msg, msgsize);
		return 0;
	}
	if (nlh->nlmsg_type != NLMSG_ERROR ||
	    nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*err))
		return -EINVAL;
	err = mnl_nlmsg_get_payload(nlh);
	/* The kernel sends -errno; anything else would be nonsense. */
	if (!errno_ok(err->error))
		return -EINVAL;
	*error = err->error;
	if (nlh->nlmsg_flags & NLM_F_CAPPED)
		offset = MNL_NLMSG_HDRLEN + sizeof(*err);
	else
		/* In size_t: MNL_ALIGN() of a huge length wraps to 0. */
		offset = MNL_NLMSG_HDRLEN + sizeof(int) +
			 (((size_t)err->msg.nlmsg_len + 3) & ~(size_t)3);
	parse_extack(nlh, offset, msg, msgsize);
	return 0;
}
