// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the ethtool netlink builders and parsers: requests are
 * compared byte for byte; replies are real kernel captures from
 * tests/capture/ (made with tests/nlcapture) plus hand-made bad ones.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "capture.h"
#include "check_main.h"
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool_netlink.h>

#include "ethnl.h"
#include "genlmsg.h"

#define FAMILY	21

/* 128 bytes: longer than an alternative name (127) can be. */
#define NAME128	"alt-name-128-xx-" "alt-name-128-xx-" "alt-name-128-xx-" \
		"alt-name-128-xx-" "alt-name-128-xx-" "alt-name-128-xx-" \
		"alt-name-128-xx-" "alt-name-128-xx-"

static char req[GENL_REQ_MAX];
static unsigned char cap[65536];

/* Load tests/capture/NAME.bin; returns its length. */
static size_t load(const char *name)
{
	return capture_load(name, cap, sizeof(cap));
}

static void assert_bytes(const struct nlmsghdr *nlh, const void *want,
			 size_t len)
{
	ck_assert_ptr_nonnull(nlh);
	ck_assert_uint_eq(nlh->nlmsg_len, len);
	ck_assert_mem_eq(nlh, want, len);
}

/* nlmsghdr bytes: len, type, flags, seq (pid 0). */
#define HDR(len, type, flags, seq) \
	len, 0, 0, 0, type, 0, flags & 0xff, flags >> 8, seq, 0, 0, 0, 0, 0, 0, 0

START_TEST(test_build_getfamily)
{
	static const unsigned char want[] = {
		HDR(32, 0x10, 0x001, 7),
		0x03, 0x01, 0x00, 0x00,
		0x0c, 0x00, 0x02, 0x00, 'e', 't', 'h', 't', 'o', 'o', 'l', 0,
	};

	assert_bytes(genlmsg_build_getfamily(req, 7, ETHNL_FAMILY), want,
		     sizeof(want));
	/* Any family name shorter than GENL_NAMSIZ (16). */
	ck_assert_ptr_nonnull(genlmsg_build_getfamily(req, 7, "fifteen-chars-x"));
	ck_assert_ptr_null(genlmsg_build_getfamily(req, 7, "sixteen-chars-xx"));
	ck_assert_ptr_null(genlmsg_build_getfamily(req, 7, NULL));
}
END_TEST

START_TEST(test_build_get_one)
{
	static const unsigned char want[] = {
		HDR(44, FAMILY, 0x001, 9),
		0x07, 0x01, 0x00, 0x00,
		0x18, 0x00, 0x01, 0x80,
		  0x09, 0x00, 0x02, 0x00, 't', 'a', 'p', '0', 0, 0, 0, 0,
		  0x08, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,
	};

	/* Over stale bytes: the padding after "tap0" is still zeros. */
	memset(req, 0xa5, sizeof(req));
	assert_bytes(ethnl_build_debug_get(req, FAMILY, 9, "tap0"), want,
		     sizeof(want));
}
END_TEST

START_TEST(test_build_get_dump)
{
	static const unsigned char want[] = {
		HDR(32, FAMILY, 0x301, 3),
		0x07, 0x01, 0x00, 0x00,
		0x0c, 0x00, 0x01, 0x80,
		  0x08, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,
	};

	assert_bytes(ethnl_build_debug_get(req, FAMILY, 3, NULL), want,
		     sizeof(want));
}
END_TEST

START_TEST(test_build_set_replace)
{
	static const unsigned char want[] = {
		HDR(60, FAMILY, 0x005, 4),
		0x08, 0x01, 0x00, 0x00,
		0x10, 0x00, 0x01, 0x80,
		  0x09, 0x00, 0x02, 0x00, 't', 'a', 'p', '0', 0, 0, 0, 0,
		0x18, 0x00, 0x02, 0x80,
		  0x04, 0x00, 0x01, 0x00,			/* NOMASK */
		  0x08, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x00,	/* SIZE 32 */
		  0x08, 0x00, 0x04, 0x00, 0x03, 0x00, 0x00, 0x00,	/* VALUE */
	};

	/* @mask is ignored when replacing. */
	assert_bytes(ethnl_build_debug_set(req, FAMILY, 4, "tap0", 0, 0x3,
					   0x1234, true), want, sizeof(want));
}
END_TEST

START_TEST(test_build_set_relative)
{
	static const unsigned char want[] = {
		HDR(64, FAMILY, 0x005, 5),
		0x08, 0x01, 0x00, 0x00,
		0x10, 0x00, 0x01, 0x80,
		  0x0b, 0x00, 0x02, 0x00, 'e', 't', 'h', '1', '0', '0', 0, 0,
		0x1c, 0x00, 0x02, 0x80,
		  0x08, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x00,	/* SIZE 32 */
		  0x08, 0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00,	/* VALUE */
		  0x08, 0x00, 0x05, 0x00, 0x44, 0x00, 0x00, 0x00,	/* MASK */
	};

	memset(req, 0xa5, sizeof(req));
	assert_bytes(ethnl_build_debug_set(req, FAMILY, 5, "eth100", 0, 0x4,
					   0x44, false), want, sizeof(want));
}
END_TEST

/* With the index beside the name, the kernel checks that they match. */
START_TEST(test_build_set_ifindex)
{
	static const unsigned char want[] = {
		HDR(72, FAMILY, 0x005, 6),
		0x08, 0x01, 0x00, 0x00,
		0x18, 0x00, 0x01, 0x80,
		  0x08, 0x00, 0x01, 0x00, 0x2a, 0x00, 0x00, 0x00,	/* DEV_INDEX 42 */
		  0x0b, 0x00, 0x02, 0x00, 'e', 't', 'h', '1', '0', '0', 0, 0,
		0x1c, 0x00, 0x02, 0x80,
		  0x08, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x00,	/* SIZE 32 */
		  0x08, 0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00,	/* VALUE */
		  0x08, 0x00, 0x05, 0x00, 0x44, 0x00, 0x00, 0x00,	/* MASK */
	};

	assert_bytes(ethnl_build_debug_set(req, FAMILY, 6, "eth100", 42, 0x4,
					   0x44, false), want, sizeof(want));
}
END_TEST

START_TEST(test_build_bad_names)
{
	ck_assert_ptr_null(ethnl_build_debug_get(req, FAMILY, 1, ""));
	ck_assert_ptr_null(ethnl_build_debug_get(req, FAMILY, 1, NAME128));
	ck_assert_ptr_nonnull(ethnl_build_debug_get(req, FAMILY, 1,
						    "fifteen-chars-x"));
	/* An alternative name, up to 127 bytes, as the kernel takes it. */
	ck_assert_ptr_nonnull(ethnl_build_debug_get(req, FAMILY, 1,
						    &NAME128[1]));
	ck_assert_ptr_nonnull(ethnl_build_debug_set(req, FAMILY, 1,
						    &NAME128[1], 0, 0, 0,
						    false));
	ck_assert_ptr_null(ethnl_build_debug_set(req, FAMILY, 1, NULL, 0, 0, 0,
						 true));
	ck_assert_ptr_null(ethnl_build_debug_set(req, FAMILY, 1, NAME128, 0,
						 0, 0, true));
}
END_TEST

/*
 * A family reply in @buf (family id 0x15) with one multicast group: id
 * @id unless 0, name @name unless NULL.  The group's nest in *@nest.
 */
static struct nlmsghdr *family_group(void *buf, uint32_t id,
				     const char *name, struct nlattr **nest)
{
	struct nlmsghdr *nlh;
	struct nlattr *grps;

	nlh = capture_reply_start(buf, 4096, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x15);
	grps = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	*nest = mnl_attr_nest_start(nlh, 1);
	if (id)
		mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, id);
	if (name)
		mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, name);
	mnl_attr_nest_end(nlh, *nest);
	mnl_attr_nest_end(nlh, grps);
	return nlh;
}

START_TEST(test_parse_family)
{
	struct nlattr *grp_nest;
	struct nlmsghdr *nlh;
	uint16_t family = 0;
	uint32_t grp = 0;

	load("family");
	ck_assert_int_eq(genlmsg_parse_family((struct nlmsghdr *)cap, &family,
					      ETHNL_MONITOR_GROUP, &grp), 0);
	ck_assert_uint_eq(family, 0x15);
	ck_assert_uint_eq(grp, 6);
	/* Without a group to fill, only the id is read. */
	family = 0;
	ck_assert_int_eq(genlmsg_parse_family((struct nlmsghdr *)cap, &family,
					      NULL, NULL), 0);
	ck_assert_uint_eq(family, 0x15);
	/* A group the family does not have: 0. */
	grp = 99;
	ck_assert_int_eq(genlmsg_parse_family((struct nlmsghdr *)cap, &family,
					      "nosuchgroup", &grp), 0);
	ck_assert_uint_eq(family, 0x15);
	ck_assert_uint_eq(grp, 0);
	/* A DEBUG reply is not a family reply. */
	load("get_compact");
	ck_assert_int_eq(genlmsg_parse_family((struct nlmsghdr *)cap, &family,
					      ETHNL_MONITOR_GROUP, &grp),
			 -EINVAL);
	/* Nor is the family reply's body in a message of another type. */
	load("family");
	((struct nlmsghdr *)cap)->nlmsg_type = FAMILY;
	ck_assert_int_eq(genlmsg_parse_family((struct nlmsghdr *)cap, &family,
					      NULL, NULL), -EINVAL);
	/* A family reply without the family's id. */
	nlh = capture_reply_start(cap, 4096, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "ethtool");
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, NULL, NULL),
			 -EINVAL);
	/* A group that runs past MCAST_GROUPS, when a group is asked for. */
	nlh = family_group(cap, 6, ETHNL_MONITOR_GROUP, &grp_nest);
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &grp), 0);
	ck_assert_uint_eq(grp, 6);
	grp_nest->nla_len += 4;
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &grp), -EINVAL);
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, NULL, NULL), 0);
	/* A group with the name asked for but without an id: not found. */
	nlh = family_group(cap, 0, ETHNL_MONITOR_GROUP, &grp_nest);
	grp = 99;
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &grp), 0);
	ck_assert_uint_eq(grp, 0);
	/* ... nor one with an id but no name. */
	nlh = family_group(cap, 6, NULL, &grp_nest);
	grp = 99;
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &grp), 0);
	ck_assert_uint_eq(grp, 0);
}
END_TEST

static void assert_state(const char *name, const char *ifname,
			 uint32_t ifindex, uint32_t mask)
{
	struct ifstate st = { 0 };

	load(name);
	ck_assert_int_eq(ethnl_parse_debug((struct nlmsghdr *)cap, &st), 0);
	ck_assert_str_eq(st.ifname, ifname);
	ck_assert_uint_eq(st.ifindex, ifindex);
	ck_assert_uint_eq(st.msg_enable, mask);
}

START_TEST(test_parse_get_compact)
{
	assert_state("get_compact", "tap0", 2, 0x5);
}
END_TEST

START_TEST(test_parse_get_verbose)
{
	assert_state("get_verbose", "tap0", 2, 0x5);
}
END_TEST

START_TEST(test_parse_ntf)
{
	/* 0x5, then +probe -link */
	assert_state("ntf", "tap0", 2, 0x3);
}
END_TEST

START_TEST(test_parse_debug_ntf)
{
	struct ifstate st = { 0 };
	size_t len = load("ntf");

	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st), 1);
	ck_assert_str_eq(st.ifname, "tap0");
	ck_assert_uint_eq(st.ifindex, 2);
	ck_assert_uint_eq(st.msg_enable, 0x3);
	/* A GET reply is an ethtool message, but not a notification. */
	load("get_compact");
	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st), 0);
	/* A notification cut short is malformed. */
	load("ntf");
	((struct nlmsghdr *)cap)->nlmsg_len = (uint32_t)len - 4;
	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st),
			 -EINVAL);
	((struct nlmsghdr *)cap)->nlmsg_len = 16;
	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st),
			 -EINVAL);
	/* Another command's notification is not ours, even a bare header. */
	load("ntf");
	((struct genlmsghdr *)mnl_nlmsg_get_payload((struct nlmsghdr *)cap))->cmd =
		ETHTOOL_MSG_LINKINFO_NTF;
	((struct nlmsghdr *)cap)->nlmsg_len = MNL_NLMSG_HDRLEN +
					      MNL_ALIGN(sizeof(struct genlmsghdr));
	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st), 0);
	/* ... whatever follows it: not a GET reply's cmd read past its end. */
	load("get_compact");
	((struct nlmsghdr *)cap)->nlmsg_len = 16;
	ck_assert_int_eq(ethnl_parse_debug_ntf((struct nlmsghdr *)cap, &st),
			 -EINVAL);
}
END_TEST

START_TEST(test_parse_dump)
{
	static const char *const names[] = { "tap0", "tap1" };
	static const uint32_t masks[] = { 0x5, 0x0 };
	const struct nlmsghdr *nlh;
	size_t len = load("dump");
	int i = 0, done = 0, error = 1;
	char msg[GENL_EXTACK_MAX];
	int remaining = (int)len;

	for (nlh = (struct nlmsghdr *)cap; mnl_nlmsg_ok(nlh, remaining);
	     nlh = mnl_nlmsg_next(nlh, &remaining)) {
		struct ifstate st = { 0 };

		if (nlh->nlmsg_type == NLMSG_DONE) {
			ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg,
							   sizeof(msg)), 0);
			done++;
			continue;
		}
		ck_assert_int_lt(i, 2);
		ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
		ck_assert_str_eq(st.ifname, names[i]);
		ck_assert_uint_eq(st.msg_enable, masks[i]);
		i++;
	}
	ck_assert_int_eq(i, 2);
	ck_assert_int_eq(done, 1);
	ck_assert_int_eq(error, 0);
	ck_assert_str_eq(msg, "");
}
END_TEST

static void assert_error(const char *name, int want, const char *extack)
{
	char msg[GENL_EXTACK_MAX];
	int error = 1;

	load(name);
	ck_assert_int_eq(genlmsg_parse_error((struct nlmsghdr *)cap, &error, msg,
					   sizeof(msg)), 0);
	ck_assert_int_eq(error, want);
	ck_assert_str_eq(msg, extack);
}

START_TEST(test_parse_errors)
{
	assert_error("ack", 0, "");
	assert_error("ack_relative", 0, "");
	assert_error("err_nodev", -ENODEV, "no device matches name");
	assert_error("err_notsupp", -EOPNOTSUPP, "");
	assert_error("err_range", -EINVAL,
		     "cannot modify bits past kernel bitset size");
}
END_TEST

START_TEST(test_parse_error_short_msg)
{
	char msg[8];
	int error;

	/* The extack text is cut to the buffer, never overrun. */
	load("err_nodev");
	ck_assert_int_eq(genlmsg_parse_error((struct nlmsghdr *)cap, &error, msg,
					   sizeof(msg)), 0);
	ck_assert_int_eq(error, -ENODEV);
	ck_assert_str_eq(msg, "no devi");
	/* Shorter than its own header: no answer, and no text. */
	((struct nlmsghdr *)cap)->nlmsg_len = MNL_NLMSG_HDRLEN - 1;
	ck_assert_int_eq(genlmsg_parse_error((struct nlmsghdr *)cap, &error, msg,
					   sizeof(msg)), -EINVAL);
	ck_assert_str_eq(msg, "");
}
END_TEST

/* Every truncation of a real reply is an error, never a crash. */
START_TEST(test_parse_truncated)
{
	static const char *const files[] = { "get_compact", "get_verbose", "ntf" };
	size_t f;

	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		size_t len = load(files[f]), cut;

		for (cut = 0; cut < len; cut++) {
			struct nlmsghdr *nlh = (struct nlmsghdr *)cap;
			struct ifstate st;

			load(files[f]);
			nlh->nlmsg_len = (uint32_t)cut;
			ck_assert_msg(ethnl_parse_debug(nlh, &st) == -EINVAL,
				      "%s cut at %zu parsed", files[f], cut);
		}
	}
}
END_TEST

/* Hand-made replies. */
static struct nlmsghdr *reply_start(uint8_t cmd)
{
	return capture_reply_start(cap, 4096, FAMILY, cmd);
}

/* A DEBUG header with index 7 if @index, and @ifname unless NULL. */
static void put_hdr_name(struct nlmsghdr *nlh, bool index, const char *ifname)
{
	struct nlattr *n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);

	if (index)
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, 7);
	if (ifname)
		mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, ifname);
	mnl_attr_nest_end(nlh, n);
}

static void put_hdr(struct nlmsghdr *nlh, bool index, bool name)
{
	put_hdr_name(nlh, index, name ? "eth0" : NULL);
}

/* A DEBUG_MSGMASK of 15 bits with nothing but its SIZE: no bit set. */
static void put_empty_mask(struct nlmsghdr *nlh)
{
	struct nlattr *n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);

	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	mnl_attr_nest_end(nlh, n);
}

static int parse_compact(uint32_t size, const void *value, uint16_t vlen,
			 uint32_t *out)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	struct ifstate st = { 0 };
	struct nlattr *n;
	int ret;

	put_hdr(nlh, true, true);
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, size);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_VALUE, vlen, value);
	mnl_attr_nest_end(nlh, n);
	ret = ethnl_parse_debug(nlh, &st);
	*out = st.msg_enable;
	return ret;
}

START_TEST(test_parse_compact_sizes)
{
	uint32_t words[4] = { 0xffffffff, 0, 0, 0 }, v;

	ck_assert_int_eq(parse_compact(15, words, 4, &v), 0);
	ck_assert_uint_eq(v, 0x7fff);	/* bits past SIZE are not ours */
	ck_assert_int_eq(parse_compact(31, words, 4, &v), 0);
	ck_assert_uint_eq(v, 0x7fffffff);	/* ... up to the last below 32 */
	ck_assert_int_eq(parse_compact(32, words, 4, &v), 0);
	ck_assert_uint_eq(v, 0xffffffff);
	ck_assert_int_eq(parse_compact(96, words, 12, &v), 0);
	ck_assert_uint_eq(v, 0xffffffff);
	/* VALUE length disagrees with SIZE */
	ck_assert_int_eq(parse_compact(15, words, 8, &v), -EINVAL);
	ck_assert_int_eq(parse_compact(64, words, 4, &v), -EINVAL);
	ck_assert_int_eq(parse_compact(15, words, 3, &v), -EINVAL);
	/* a bit past 31 we could not show */
	words[1] = 1;
	ck_assert_int_eq(parse_compact(64, words, 8, &v), -EINVAL);
	/* SIZE 0: no value words at all */
	ck_assert_int_eq(parse_compact(0, words, 0, &v), 0);
	ck_assert_uint_eq(v, 0);
}
END_TEST

START_TEST(test_parse_missing_parts)
{
	struct nlmsghdr *nlh;
	struct ifstate st;

	/* no msgmask */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* no header */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK));
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* header without index or without name (with a mask, so that it
	 * is the header that is refused) */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, false, true);
	put_empty_mask(nlh);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, false);
	put_empty_mask(nlh);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* ... which with both is a reply */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	put_empty_mask(nlh);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	/* a reply to another command, even with a header and a mask */
	nlh = reply_start(ETHTOOL_MSG_LINKINFO_GET_REPLY);
	put_hdr(nlh, true, true);
	put_empty_mask(nlh);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* a length the kernel never sends: not padded, so cut */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	put_empty_mask(nlh);
	mnl_attr_put(nlh, ETHTOOL_A_DEBUG_MAX + 1, 1, "x");
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	nlh->nlmsg_len -= 3;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* shorter than the genl header */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 2;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

START_TEST(test_parse_wrong_attr_len)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	struct ifstate st;
	struct nlattr *n;
	uint16_t two = 15;

	put_hdr(nlh, true, true);
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	/* SIZE is a u32; two bytes is wrong */
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_SIZE, sizeof(two), &two);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_VALUE, 5);
	mnl_attr_nest_end(nlh, n);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

/*
 * genlmsg_parse() and genlmsg_parse_nested() on a sound message: 0, and
 * the attributes @types names by type, the others skipped.
 */
START_TEST(test_parse_attrs)
{
	static const enum mnl_attr_data_type types[ETHTOOL_A_DEBUG_MAX + 1] = {
		[ETHTOOL_A_DEBUG_HEADER] = MNL_TYPE_NESTED,
	};
	static const enum mnl_attr_data_type htypes[ETHTOOL_A_HEADER_MAX + 1] = {
		[ETHTOOL_A_HEADER_DEV_INDEX] = MNL_TYPE_U32,
	};
	const struct nlattr *tb[ETHTOOL_A_DEBUG_MAX + 1] = { 0 };
	const struct nlattr *htb[ETHTOOL_A_HEADER_MAX + 1] = { 0 };
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);

	put_hdr(nlh, true, true);
	ck_assert_int_eq(genlmsg_parse(nlh, tb, types, ETHTOOL_A_DEBUG_MAX), 0);
	ck_assert_ptr_nonnull(tb[ETHTOOL_A_DEBUG_HEADER]);
	ck_assert_int_eq(genlmsg_parse_nested(tb[ETHTOOL_A_DEBUG_HEADER], htb,
					      htypes, ETHTOOL_A_HEADER_MAX), 0);
	ck_assert_ptr_nonnull(htb[ETHTOOL_A_HEADER_DEV_INDEX]);
	ck_assert_uint_eq(mnl_attr_get_u32(htb[ETHTOOL_A_HEADER_DEV_INDEX]), 7);
	ck_assert_ptr_null(htb[ETHTOOL_A_HEADER_DEV_NAME]);
}
END_TEST

/* A DEBUG reply for @ifname, its mask SIZE alone (empty); in *@st. */
static int parse_named(const char *ifname, struct ifstate *st)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);

	put_hdr_name(nlh, true, ifname);
	put_empty_mask(nlh);
	memset(st, 0, sizeof(*st));
	return ethnl_parse_debug(nlh, st);
}

/* Interface names of 1 to IF_NAMESIZE - 1 bytes; none empty or longer. */
START_TEST(test_parse_name_lengths)
{
	struct ifstate st;

	ck_assert_int_eq(parse_named("a", &st), 0);
	ck_assert_str_eq(st.ifname, "a");
	ck_assert_uint_eq(st.ifindex, 7);
	ck_assert_int_eq(parse_named("fifteen-chars-x", &st), 0);
	ck_assert_str_eq(st.ifname, "fifteen-chars-x");
	ck_assert_int_eq(parse_named("", &st), -EINVAL);
	ck_assert_int_eq(parse_named("sixteen-chars-xx", &st), -EINVAL);
}
END_TEST

/* A header FLAGS that is no u32: malformed, though it is not read. */
START_TEST(test_parse_header_flags_len)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	struct ifstate st;
	struct nlattr *n;
	uint16_t two = 1;

	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);
	mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, 7);
	mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, "eth0");
	mnl_attr_put(nlh, ETHTOOL_A_HEADER_FLAGS, sizeof(two), &two);
	mnl_attr_nest_end(nlh, n);
	put_empty_mask(nlh);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

static void put_bit(struct nlmsghdr *nlh, int idx, const char *name,
		    bool value)
{
	struct nlattr *b = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS_BIT);

	if (idx >= 0)
		mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_BIT_INDEX, (uint32_t)idx);
	if (name)
		mnl_attr_put_strz(nlh, ETHTOOL_A_BITSET_BIT_NAME, name);
	if (value)
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_BIT_VALUE, 0, NULL);
	mnl_attr_nest_end(nlh, b);
}

/* A NOMASK verbose bitset of @size listing one bit. */
static int parse_one_bit(uint32_t size, int idx, const char *name)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_DEBUG_NTF);
	struct nlattr *set, *bits;
	struct ifstate st;

	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, size);
	bits = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS);
	put_bit(nlh, idx, name, false);
	mnl_attr_nest_end(nlh, bits);
	mnl_attr_nest_end(nlh, set);
	return ethnl_parse_debug(nlh, &st);
}

START_TEST(test_parse_verbose_forms)
{
	struct nlmsghdr *nlh;
	struct nlattr *set, *bits, *other;
	struct ifstate st;

	/* Without NOMASK: listed bits are set only with VALUE. */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_NTF);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	bits = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS);
	put_bit(nlh, 0, "drv", true);
	put_bit(nlh, 1, "probe", false);
	put_bit(nlh, -1, "link", true);		/* by name only */
	put_bit(nlh, 14, NULL, true);
	/* a nest that is no BIT is not read as one */
	other = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS_BIT + 1);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_BIT_INDEX, 3);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_BIT_VALUE, 0, NULL);
	mnl_attr_nest_end(nlh, other);
	mnl_attr_nest_end(nlh, bits);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_uint_eq(st.msg_enable, 0x4005);
	ck_assert_str_eq(st.ifname, "eth0");
	ck_assert_uint_eq(st.ifindex, 7);

	/* A bit past 31 cannot be shown: 32 is the first; 31 is the last. */
	ck_assert_int_eq(parse_one_bit(64, 40, NULL), -EINVAL);
	ck_assert_int_eq(parse_one_bit(64, 32, NULL), -EINVAL);
	ck_assert_int_eq(parse_one_bit(32, 31, NULL), 0);
	/* A bit with neither index nor name. */
	ck_assert_int_eq(parse_one_bit(15, -1, NULL), -EINVAL);
	/* An unknown bit name. */
	ck_assert_int_eq(parse_one_bit(15, -1, "no_such_class"), -EINVAL);
	/* A known name without index is found by name. */
	ck_assert_int_eq(parse_one_bit(15, -1, "NETIF_MSG_WOL"), 0);

	/* A BIT whose INDEX is no u32: malformed, not skipped. */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_NTF);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	bits = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS);
	other = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS_BIT);
	mnl_attr_put_u16(nlh, ETHTOOL_A_BITSET_BIT_INDEX, 1);
	mnl_attr_nest_end(nlh, other);
	mnl_attr_nest_end(nlh, bits);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	/* An empty verbose set: SIZE only, nothing set. */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_uint_eq(st.msg_enable, 0);
}
END_TEST

/*
 * A newer kernel's attributes, at every level of a DEBUG reply, in either
 * bitset form: skipped, whatever their payload, and the rest read.
 */
START_TEST(test_parse_unknown_attrs)
{
	static const uint64_t junk = 0x1122334455667788ULL;
	struct nlattr *n, *set, *bits, *bit;
	struct nlmsghdr *nlh;
	struct ifstate st;
	int compact;

	for (compact = 0; compact < 2; compact++) {
		nlh = reply_start(ETHTOOL_MSG_DEBUG_NTF);
		n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MAX + 1);
		mnl_attr_put_u32(nlh, 1, 99);
		mnl_attr_nest_end(nlh, n);
		n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);
		mnl_attr_put(nlh, ETHTOOL_A_HEADER_UNSPEC, 3, "abc");
		mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, 7);
		mnl_attr_put(nlh, ETHTOOL_A_HEADER_MAX + 1, sizeof(junk), &junk);
		mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, "eth0");
		mnl_attr_nest_end(nlh, n);
		set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_MAX + 1, sizeof(junk), &junk);
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
		mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
		if (compact) {
			mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_VALUE, 0x5);
		} else {
			bits = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS);
			put_bit(nlh, 0, "drv", false);
			bit = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS_BIT);
			mnl_attr_put(nlh, ETHTOOL_A_BITSET_BIT_MAX + 1,
				     sizeof(junk), &junk);
			mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_BIT_INDEX, 2);
			mnl_attr_nest_end(nlh, bit);
			mnl_attr_nest_end(nlh, bits);
		}
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_MAX + 2, 1, "x");
		mnl_attr_nest_end(nlh, set);
		memset(&st, 0, sizeof(st));
		ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
		ck_assert_str_eq(st.ifname, "eth0");
		ck_assert_uint_eq(st.ifindex, 7);
		ck_assert_uint_eq(st.msg_enable, 0x5);
		ck_assert_int_eq(ethnl_parse_debug_ntf(nlh, &st), 1);
	}
}
END_TEST

/*
 * A MSGMASK bitset that cannot be read: VALUE without SIZE; none of
 * VALUE, BITS and SIZE; a BIT running past its BITS nest; a tail too
 * short for an attribute header after the last attribute.
 */
START_TEST(test_parse_bitset_malformed)
{
	struct nlmsghdr *nlh;
	struct nlattr *set, *bits, *a, *last = NULL;
	struct ifstate st;

	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_VALUE, 5);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	bits = mnl_attr_nest_start(nlh, ETHTOOL_A_BITSET_BITS);
	put_bit(nlh, 0, NULL, false);
	put_bit(nlh, 2, NULL, false);
	mnl_attr_nest_end(nlh, bits);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_uint_eq(st.msg_enable, 0x5);
	mnl_attr_for_each_nested(a, bits)
		last = a;
	ck_assert_ptr_nonnull(last);
	last->nla_len += 4;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	/* An empty set; cut to 2 bytes of its unknown last attribute. */
	nlh = reply_start(ETHTOOL_MSG_DEBUG_GET_REPLY);
	put_hdr(nlh, true, true);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_MAX + 1, 0, NULL);
	mnl_attr_nest_end(nlh, set);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_uint_eq(set->nla_len, 20);
	set->nla_len = 18;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

START_TEST(test_parse_bad_errors)
{
	struct nlmsghdr *nlh;
	char msg[16];
	int error = 99, code;

	/* NLMSG_ERROR too short for struct nlmsgerr */
	memset(cap, 0, 64);
	nlh = mnl_nlmsg_put_header(cap);
	nlh->nlmsg_type = NLMSG_ERROR;
	mnl_nlmsg_put_extra_header(nlh, 8);
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg, sizeof(msg)),
			 -EINVAL);
	/* a positive error code is nonsense */
	memset(cap, 0, 64);
	nlh = mnl_nlmsg_put_header(cap);
	nlh->nlmsg_type = NLMSG_ERROR;
	code = 5;
	memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(struct nlmsgerr)), &code,
	       sizeof(code));
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg, sizeof(msg)),
			 -EINVAL);
	/* a bare NLMSG_DONE is success */
	memset(cap, 0, 64);
	nlh = mnl_nlmsg_put_header(cap);
	nlh->nlmsg_type = NLMSG_DONE;
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg, sizeof(msg)), 0);
	ck_assert_int_eq(error, 0);
	/* NLMSG_DONE carrying an error */
	code = -EBUSY;
	memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(code)), &code,
	       sizeof(code));
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg, sizeof(msg)), 0);
	ck_assert_int_eq(error, -EBUSY);
	/* neither ERROR nor DONE */
	nlh->nlmsg_type = FAMILY;
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, msg, sizeof(msg)),
			 -EINVAL);
}
END_TEST

static Suite *ethnl_suite(void)
{
	Suite *s = suite_create("ethnl");
	TCase *tc = tcase_create("build");

	tcase_add_test(tc, test_build_getfamily);
	tcase_add_test(tc, test_build_get_one);
	tcase_add_test(tc, test_build_get_dump);
	tcase_add_test(tc, test_build_set_replace);
	tcase_add_test(tc, test_build_set_relative);
	tcase_add_test(tc, test_build_set_ifindex);
	tcase_add_test(tc, test_build_bad_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_family);
	tcase_add_test(tc, test_parse_get_compact);
	tcase_add_test(tc, test_parse_get_verbose);
	tcase_add_test(tc, test_parse_ntf);
	tcase_add_test(tc, test_parse_debug_ntf);
	tcase_add_test(tc, test_parse_dump);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_error_short_msg);
	tcase_add_test(tc, test_parse_truncated);
	tcase_add_test(tc, test_parse_compact_sizes);
	tcase_add_test(tc, test_parse_missing_parts);
	tcase_add_test(tc, test_parse_wrong_attr_len);
	tcase_add_test(tc, test_parse_attrs);
	tcase_add_test(tc, test_parse_name_lengths);
	tcase_add_test(tc, test_parse_header_flags_len);
	tcase_add_test(tc, test_parse_verbose_forms);
	tcase_add_test(tc, test_parse_unknown_attrs);
	tcase_add_test(tc, test_parse_bitset_malformed);
	tcase_add_test(tc, test_parse_bad_errors);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(ethnl_suite)
