// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ETHTOOL_MSG_STRSET_GET for ETH_SS_MSG_CLASSES.  netifmsg asks for it
 * only when the built-in class table is not enough (a name it does not
 * know, or a bit it cannot name), so the common paths send no extra
 * request.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>

#include "ethnl.h"
#include "nlsock.h"
#include "strset.h"

#ifndef ETHTOOL_GENL_VERSION
#define ETHTOOL_GENL_VERSION	1
#endif

struct nlmsghdr *strset_build_classes(void *buf, uint16_t family,
				      uint32_t seq)
{
	struct nlattr *sets, *set;
	struct nlmsghdr *nlh;

	nlh = ethnl_put_genl(buf, family, NLM_F_REQUEST, seq,
			     ETHTOOL_MSG_STRSET_GET, ETHTOOL_GENL_VERSION);
	/* No device: the global set, the same for every driver. */
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_HEADER));
	sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_ID, ETH_SS_MSG_CLASSES);
	mnl_attr_nest_end(nlh, set);
	mnl_attr_nest_end(nlh, sets);
	return nlh;
}

/* The one attribute of @type in @nest (or the message), validated. */
struct find_ctx {
	uint16_t type;
	enum mnl_attr_data_type dtype;
	const struct nlattr *found;
};

static int find_cb(const struct nlattr *attr, void *data)
{
	struct find_ctx *f = data;

	if (mnl_attr_get_type(attr) != f->type)
		return MNL_CB_OK;	/* newer kernel: skip what we don't use */
	if (mnl_attr_validate(attr, f->dtype) < 0)
		return MNL_CB_ERROR;
	f->found = attr;
	return MNL_CB_OK;
}

/* Returns 0 (found may be NULL) or -EINVAL. */
static int find_nested(const struct nlattr *nest, uint16_t type,
		       enum mnl_attr_data_type dtype, const struct nlattr **out)
{
	struct find_ctx f = { type, dtype, NULL };

	if (mnl_attr_parse_nested(nest, find_cb, &f) < 0)
		return -EINVAL;
	*out = f.found;
	return 0;
}

/* One STRING { INDEX, VALUE }. */
static int parse_string(const struct nlattr *str, struct strset_names *out)
{
	const struct nlattr *idx, *val;
	const char *name;
	uint32_t bit;

	if (mnl_attr_validate(str, MNL_TYPE_NESTED) < 0 ||
	    find_nested(str, ETHTOOL_A_STRING_INDEX, MNL_TYPE_U32, &idx) < 0 ||
	    find_nested(str, ETHTOOL_A_STRING_VALUE, MNL_TYPE_NUL_STRING,
			&val) < 0 || !idx || !val)
		return -EINVAL;
	bit = mnl_attr_get_u32(idx);
	/* msg_enable is a u32: a class past bit 31 cannot exist. */
	if (bit >= 32)
		return -EINVAL;
	name = mnl_attr_get_str(val);
	if (!name[0] || strlen(name) >= MSGCLASS_NAME_MAX)
		return 0;
	strcpy(out->name[bit], name);
	out->have |= UINT32_C(1) << bit;
	return 0;
}

/* One STRINGSET { ID, COUNT, STRINGS }; @found set if it is ours. */
static int parse_set(const struct nlattr *set, struct strset_names *out,
		     bool *found)
{
	const struct nlattr *id, *strings, *str;

	if (mnl_attr_validate(set, MNL_TYPE_NESTED) < 0 ||
	    find_nested(set, ETHTOOL_A_STRINGSET_ID, MNL_TYPE_U32, &id) < 0 ||
	    find_nested(set, ETHTOOL_A_STRINGSET_STRINGS, MNL_TYPE_NESTED,
			&strings) < 0 || !id)
		return -EINVAL;
	if (mnl_attr_get_u32(id) != ETH_SS_MSG_CLASSES)
		return 0;
	*found = true;
	if (!strings)
		return 0;	/* an empty set */
	mnl_attr_for_each_nested(str, strings) {
		if (mnl_attr_get_type(str) != ETHTOOL_A_STRINGS_STRING)
			continue;
		if (parse_string(str, out) < 0)
			return -EINVAL;
	}
	return 0;
}

/* Every byte after the genl header belongs to a whole attribute. */
static bool attrs_fill(const struct nlmsghdr *nlh, size_t offset)
{
	const struct nlattr *attr;
	size_t used = MNL_NLMSG_HDRLEN + MNL_ALIGN(offset);

	mnl_attr_for_each(attr, nlh, offset)
		used += MNL_ALIGN(attr->nla_len);
	return used == nlh->nlmsg_len;
}

int strset_parse_classes(const struct nlmsghdr *nlh, struct strset_names *out)
{
	struct find_ctx f = { ETHTOOL_A_STRSET_STRINGSETS, MNL_TYPE_NESTED, NULL };
	const struct genlmsghdr *genl;
	const struct nlattr *set;
	bool found = false;

	memset(out, 0, sizeof(*out));
	/* The kernel pads every message; an odd length means a cut one. */
	if (nlh->nlmsg_len != MNL_ALIGN(nlh->nlmsg_len) ||
	    nlh->nlmsg_len < MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*genl)))
		return -EINVAL;
	genl = mnl_nlmsg_get_payload(nlh);
	if (genl->cmd != ETHTOOL_MSG_STRSET_GET_REPLY ||
	    !attrs_fill(nlh, sizeof(*genl)))
		return -EINVAL;
	if (mnl_attr_parse(nlh, sizeof(*genl), find_cb, &f) < 0)
		return -EINVAL;
	if (!f.found)
		return -ENOENT;
	mnl_attr_for_each_nested(set, f.found) {
		if (mnl_attr_get_type(set) != ETHTOOL_A_STRINGSETS_STRINGSET)
			continue;
		if (parse_set(set, out, &found) < 0) {
			memset(out, 0, sizeof(*out));
			return -EINVAL;
		}
	}
	return found ? 0 : -ENOENT;
}

static int classes_cb(const struct nlmsghdr *nlh, void *data)
{
	return strset_parse_classes(nlh, data);
}

int strset_get_classes(struct nlsock *s, struct strset_names *out)
{
	char req[ETHNL_REQ_MAX];

	memset(out, 0, sizeof(*out));
	return nlsock_talk(s, strset_build_classes(req, s->family, 0),
			   classes_cb, out);
}
