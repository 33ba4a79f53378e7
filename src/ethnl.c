// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ETHTOOL_MSG_DEBUG_GET/_SET, their replies and DEBUG_NTF, and STRSET_GET
 * of ETH_SS_MSG_CLASSES (see ethnl.h); the generic netlink parts are in
 * genlmsg.c, the socket in genl.c.
 */
#include <errno.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool.h>

#include "ethnl.h"

static bool ifname_fits(const char *ifname)
{
	return ifname && ifname[0] && strnlen(ifname, ALTIFNAMSIZ) < ALTIFNAMSIZ;
}

static void put_header(struct nlmsghdr *nlh, const char *ifname,
		       uint32_t ifindex, uint32_t flags)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);

	/* Both: the kernel refuses the request unless they still match. */
	if (ifindex)
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, ifindex);
	if (ifname)
		mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, ifname);
	if (flags)
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_FLAGS, flags);
	mnl_attr_nest_end(nlh, nest);
}

struct nlmsghdr *ethnl_build_debug_get(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname)
{
	struct nlmsghdr *nlh;

	if (ifname && !ifname_fits(ifname))
		return NULL;
	nlh = genlmsg_put(buf, family,
			  ifname ? NLM_F_REQUEST : NLM_F_REQUEST | NLM_F_DUMP,
			  seq, ETHTOOL_MSG_DEBUG_GET, ETHTOOL_GENL_VERSION);
	/* Compact bitsets: the reply is a few bytes, not a nest per bit. */
	put_header(nlh, ifname, 0, ETHTOOL_FLAG_COMPACT_BITSETS);
	return nlh;
}

struct nlmsghdr *ethnl_build_debug_set(void *buf, uint16_t family,
				       uint32_t seq, const char *ifname,
				       uint32_t ifindex, uint32_t value,
				       uint32_t mask, bool replace)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	if (!ifname_fits(ifname))
		return NULL;
	nlh = genlmsg_put(buf, family, NLM_F_REQUEST | NLM_F_ACK, seq,
		       ETHTOOL_MSG_DEBUG_SET, ETHTOOL_GENL_VERSION);
	put_header(nlh, ifname, ifindex, 0);
	/*
	 * A compact bitset of 32 bits.  The kernel applies a MASK under the
	 * rtnl lock: atomic against every other writer.
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
		if (i && word)
			return -EINVAL;	/* a bit we cannot represent */
		*value |= word;
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
	if (!genlmsg_nest_ok(bits))
		return -EINVAL;
	mnl_attr_for_each_nested(bit, bits) {
		const struct nlattr *tb[ETHTOOL_A_BITSET_BIT_MAX + 1] = { 0 };
		long idx;

		if (mnl_attr_get_type(bit) != ETHTOOL_A_BITSET_BITS_BIT)
			continue;
		if (genlmsg_parse_nested(bit, tb, bit_types,
					 ETHTOOL_A_BITSET_BIT_MAX) < 0)
			return -EINVAL;
		if (tb[ETHTOOL_A_BITSET_BIT_INDEX]) {
			idx = mnl_attr_get_u32(tb[ETHTOOL_A_BITSET_BIT_INDEX]);
		} else if (tb[ETHTOOL_A_BITSET_BIT_NAME]) {
			const char *name = mnl_attr_get_str(tb[ETHTOOL_A_BITSET_BIT_NAME]);

			/* The kernel sends an index too; a name alone is read
			 * with the built-in table. */
			idx = msgclass_lookup(NULL, name, strlen(name));
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

	if (genlmsg_parse_nested(attr, tb, bitset_types,
				 ETHTOOL_A_BITSET_MAX) < 0)
		return -EINVAL;
	if (tb[ETHTOOL_A_BITSET_VALUE])
		return parse_compact(tb, value);
	if (tb[ETHTOOL_A_BITSET_BITS])
		return parse_verbose(tb[ETHTOOL_A_BITSET_BITS],
				     tb[ETHTOOL_A_BITSET_NOMASK] != NULL, value);
	/*
	 * Linux sends a BITS nest even with no bit set (empty); SIZE alone
	 * is read as empty too.
	 */
	*value = 0;
	return tb[ETHTOOL_A_BITSET_SIZE] ? 0 : -EINVAL;
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

	if (genlmsg_parse_nested(nest, tb, header_types,
				 ETHTOOL_A_HEADER_MAX) < 0 ||
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
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);

	if (genlmsg_parse(nlh, tb, debug_types, ETHTOOL_A_DEBUG_MAX) < 0 ||
	    (genl->cmd != ETHTOOL_MSG_DEBUG_GET_REPLY &&
	     genl->cmd != ETHTOOL_MSG_DEBUG_NTF) ||
	    !tb[ETHTOOL_A_DEBUG_HEADER] || !tb[ETHTOOL_A_DEBUG_MSGMASK] ||
	    parse_header(tb[ETHTOOL_A_DEBUG_HEADER], st) < 0)
		return -EINVAL;
	return ethnl_parse_bitset(tb[ETHTOOL_A_DEBUG_MSGMASK], &st->msg_enable);
}

int ethnl_parse_debug_ntf(const struct nlmsghdr *nlh, struct ifstate *st)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*genl)))
		return -EINVAL;
	if (genl->cmd != ETHTOOL_MSG_DEBUG_NTF)
		return 0;
	return ethnl_parse_debug(nlh, st) < 0 ? -EINVAL : 1;
}

struct nlmsghdr *ethnl_build_strset_classes(void *buf, uint16_t family,
					    uint32_t seq)
{
	struct nlattr *sets, *set;
	struct nlmsghdr *nlh;

	nlh = genlmsg_put(buf, family, NLM_F_REQUEST, seq,
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

static const enum mnl_attr_data_type strset_types[ETHTOOL_A_STRSET_MAX + 1] = {
	[ETHTOOL_A_STRSET_STRINGSETS] = MNL_TYPE_NESTED,
};

static const enum mnl_attr_data_type set_types[ETHTOOL_A_STRINGSET_MAX + 1] = {
	[ETHTOOL_A_STRINGSET_ID] = MNL_TYPE_U32,
	[ETHTOOL_A_STRINGSET_STRINGS] = MNL_TYPE_NESTED,
};

static const enum mnl_attr_data_type string_types[ETHTOOL_A_STRING_MAX + 1] = {
	[ETHTOOL_A_STRING_INDEX] = MNL_TYPE_U32,
	[ETHTOOL_A_STRING_VALUE] = MNL_TYPE_NUL_STRING,
};

/* One STRING { INDEX, VALUE }. */
static int parse_string(const struct nlattr *str, struct strset_names *out)
{
	const struct nlattr *tb[ETHTOOL_A_STRING_MAX + 1] = { 0 };
	const char *name;
	uint32_t bit;

	if (genlmsg_parse_nested(str, tb, string_types,
				 ETHTOOL_A_STRING_MAX) < 0 ||
	    !tb[ETHTOOL_A_STRING_INDEX] || !tb[ETHTOOL_A_STRING_VALUE])
		return -EINVAL;
	bit = mnl_attr_get_u32(tb[ETHTOOL_A_STRING_INDEX]);
	/* msg_enable is a u32: a class past bit 31 cannot exist. */
	if (bit >= 32)
		return -EINVAL;
	name = mnl_attr_get_str(tb[ETHTOOL_A_STRING_VALUE]);
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
	const struct nlattr *tb[ETHTOOL_A_STRINGSET_MAX + 1] = { 0 };
	const struct nlattr *strings, *str;

	if (genlmsg_parse_nested(set, tb, set_types,
				 ETHTOOL_A_STRINGSET_MAX) < 0 ||
	    !tb[ETHTOOL_A_STRINGSET_ID])
		return -EINVAL;
	if (mnl_attr_get_u32(tb[ETHTOOL_A_STRINGSET_ID]) != ETH_SS_MSG_CLASSES)
		return 0;
	*found = true;
	strings = tb[ETHTOOL_A_STRINGSET_STRINGS];
	if (!strings)
		return 0;	/* an empty set */
	if (!genlmsg_nest_ok(strings))
		return -EINVAL;
	mnl_attr_for_each_nested(str, strings) {
		if (mnl_attr_get_type(str) != ETHTOOL_A_STRINGS_STRING)
			continue;
		if (parse_string(str, out) < 0)
			return -EINVAL;
	}
	return 0;
}

int ethnl_parse_strset_classes(const struct nlmsghdr *nlh,
			       struct strset_names *out)
{
	const struct nlattr *tb[ETHTOOL_A_STRSET_MAX + 1] = { 0 };
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *set;
	bool found = false;

	memset(out, 0, sizeof(*out));
	if (genlmsg_parse(nlh, tb, strset_types, ETHTOOL_A_STRSET_MAX) < 0 ||
	    genl->cmd != ETHTOOL_MSG_STRSET_GET_REPLY)
		return -EINVAL;
	if (!tb[ETHTOOL_A_STRSET_STRINGSETS])
		return -ENOENT;
	if (!genlmsg_nest_ok(tb[ETHTOOL_A_STRSET_STRINGSETS]))
		return -EINVAL;
	mnl_attr_for_each_nested(set, tb[ETHTOOL_A_STRSET_STRINGSETS]) {
		if (mnl_attr_get_type(set) != ETHTOOL_A_STRINGSETS_STRINGSET)
			continue;
		if (parse_set(set, out, &found) < 0) {
			memset(out, 0, sizeof(*out));
			return -EINVAL;
		}
	}
	return found ? 0 : -ENOENT;
}
