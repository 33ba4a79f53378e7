// SPDX-License-Identifier: GPL-2.0-or-later
/* Generic netlink messages on byte buffers (see genlmsg.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include "genlmsg.h"

struct nlmsghdr *genlmsg_put(void *buf, uint16_t type, uint16_t flags,
				uint32_t seq, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	/* libmnl does not clear attribute padding: send no stale bytes. */
	memset(buf, 0, GENL_REQ_MAX);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *genlmsg_build_getfamily(void *buf, uint32_t seq,
					  const char *name)
{
	struct nlmsghdr *nlh;

	if (!name || strnlen(name, GENL_NAMSIZ) >= GENL_NAMSIZ)
		return NULL;
	nlh = genlmsg_put(buf, GENL_ID_CTRL, NLM_F_REQUEST, seq,
		       CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	return nlh;
}

bool genlmsg_datagram_ok(const void *buf, size_t len)
{
	const struct nlmsghdr *nlh;
	size_t off = 0;

	while (len - off >= sizeof(*nlh)) {
		uint64_t padded;

		nlh = (const struct nlmsghdr *)((const char *)buf + off);
		/*
		 * With its padding: libmnl walks attributes up to the aligned
		 * end.  The kernel always sends the padding.  In 64 bits: on
		 * 32-bit, 0xffffffff would pad to 0 and the walk never end.
		 */
		padded = ((uint64_t)nlh->nlmsg_len + 3) & ~3ULL;
		if (nlh->nlmsg_len < sizeof(*nlh) || padded > len - off)
			return false;
		off += padded;
	}
	return off == len;
}

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

bool genlmsg_nest_ok(const struct nlattr *nest)
{
	return attrs_fit(mnl_attr_get_payload(nest),
			 mnl_attr_get_payload_len(nest));
}

struct tb_ctx {
	const struct nlattr **tb;
	const enum mnl_attr_data_type *types;
	int max;
};

static int tb_cb(const struct nlattr *attr, void *data)
{
	const struct tb_ctx *t = data;
	int type = mnl_attr_get_type(attr);

	if (mnl_attr_type_valid(attr, t->max) <= 0 ||
	    t->types[type] == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, t->types[type]) < 0)
		return MNL_CB_ERROR;
	t->tb[type] = attr;
	return MNL_CB_OK;
}

static int parse_attrs(const void *p, size_t len, const struct nlattr **tb,
		       const enum mnl_attr_data_type *types, int max)
{
	struct tb_ctx t = { tb, types, max };

	if (!attrs_fit(p, len) || mnl_attr_parse_payload(p, len, tb_cb, &t) < 0)
		return -EINVAL;
	return 0;
}

int genlmsg_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		  const enum mnl_attr_data_type *types, int max)
{
	size_t start = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct genlmsghdr));

	/* The kernel pads every message; an odd length means a cut one. */
	if (nlh->nlmsg_len != MNL_ALIGN(nlh->nlmsg_len) ||
	    nlh->nlmsg_len < start)
		return -EINVAL;
	return parse_attrs((const char *)nlh + start, nlh->nlmsg_len - start,
			   tb, types, max);
}

int genlmsg_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
			 const enum mnl_attr_data_type *types, int max)
{
	return parse_attrs(mnl_attr_get_payload(nest),
			   mnl_attr_get_payload_len(nest), tb, types, max);
}

static const enum mnl_attr_data_type family_types[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID] = MNL_TYPE_U16,
	[CTRL_ATTR_MCAST_GROUPS] = MNL_TYPE_NESTED,
};

static const enum mnl_attr_data_type mcgrp_types[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_ID] = MNL_TYPE_U32,
	[CTRL_ATTR_MCAST_GRP_NAME] = MNL_TYPE_NUL_STRING,
};

static int parse_mcgrps(const struct nlattr *nest, const char *group,
			uint32_t *id)
{
	const struct nlattr *grp;

	if (!genlmsg_nest_ok(nest))
		return -EINVAL;
	mnl_attr_for_each_nested(grp, nest) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = { 0 };

		if (genlmsg_parse_nested(grp, tb, mcgrp_types,
					 CTRL_ATTR_MCAST_GRP_MAX) < 0)
			return -EINVAL;
		if (tb[CTRL_ATTR_MCAST_GRP_ID] && tb[CTRL_ATTR_MCAST_GRP_NAME] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]), group))
			*id = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

int genlmsg_parse_family(const struct nlmsghdr *nlh, uint16_t *family,
			 const char *group, uint32_t *group_id)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1] = { 0 };
	uint32_t id = 0;

	if (nlh->nlmsg_type != GENL_ID_CTRL ||
	    genlmsg_parse(nlh, tb, family_types, CTRL_ATTR_MAX) < 0 ||
	    !tb[CTRL_ATTR_FAMILY_ID] ||
	    (group && group_id && tb[CTRL_ATTR_MCAST_GROUPS] &&
	     parse_mcgrps(tb[CTRL_ATTR_MCAST_GROUPS], group, &id) < 0))
		return -EINVAL;
	*family = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (group_id)
		*group_id = id;
	return 0;
}

/* The extended-ACK TLVs that may follow the error code. */
static void parse_extack(const struct nlmsghdr *nlh, uint64_t offset,
			 char *msg, size_t msgsize)
{
	const struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || offset > nlh->nlmsg_len)
		return;
	mnl_attr_for_each(attr, nlh, offset - MNL_NLMSG_HDRLEN) {
		if (mnl_attr_get_type(attr) != NLMSGERR_ATTR_MSG ||
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0)
			continue;
		snprintf(msg, msgsize, "%s", mnl_attr_get_str(attr));
		return;
	}
}

int genlmsg_parse_error(const struct nlmsghdr *nlh, int *error, char *msg,
		      size_t msgsize)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	uint64_t offset;
	int code;

	msg[0] = '\0';
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN)
		return -EINVAL;
	if (nlh->nlmsg_type == NLMSG_DONE) {
		/* Old kernels send a bare NLMSG_DONE: no error. */
		if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(int)) {
			*error = 0;
			return 0;
		}
		memcpy(&code, err, sizeof(code));
		if (code > 0)
			code = -code;
		offset = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(int));
	} else if (nlh->nlmsg_type == NLMSG_ERROR &&
		   nlh->nlmsg_len >= MNL_NLMSG_HDRLEN + sizeof(*err)) {
		code = err->error;
		if (nlh->nlmsg_flags & NLM_F_CAPPED)
			offset = MNL_NLMSG_HDRLEN + sizeof(*err);
		else
			/* In 64 bits: a 32-bit sum wraps near 4 GiB. */
			offset = MNL_NLMSG_HDRLEN + sizeof(int) +
				 (((uint64_t)err->msg.nlmsg_len + 3) & ~3ULL);
	} else {
		return -EINVAL;
	}
	/*
	 * The kernel sends 0 or -1..-4095 (MAX_ERRNO): the callers negate
	 * and print the code, which must not overflow or index past
	 * strerror's table.
	 */
	if (code > 0 || code < -4095)
		return -EINVAL;
	*error = code;
	parse_extack(nlh, offset, msg, msgsize);
	return 0;
}
