// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for ETHTOOL_MSG_STRSET_GET of ETH_SS_MSG_CLASSES: the
 * request byte for byte, the parser on the real kernel reply in
 * tests/capture/strset.bin (made with tests/nlcapture) and on
 * hand-made malformed ones.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>

#include "capture.h"
#include "check_main.h"
#include "ethnl.h"

#define FAMILY	21

static char req[GENL_REQ_MAX];
static unsigned char cap[65536];
static struct strset_names names;

static size_t load(const char *name)
{
	return capture_load(name, cap, sizeof(cap));
}

START_TEST(test_build)
{
	static const unsigned char want[] = {
		40, 0, 0, 0, FAMILY, 0, 0x01, 0x00, 6, 0, 0, 0, 0, 0, 0, 0,
		0x01, 0x01, 0x00, 0x00,			/* STRSET_GET, v1 */
		0x04, 0x00, 0x01, 0x80,			/* empty HEADER */
		0x10, 0x00, 0x02, 0x80,			/* STRINGSETS */
		  0x0c, 0x00, 0x01, 0x80,		/* STRINGSET */
		    0x08, 0x00, 0x01, 0x00, ETH_SS_MSG_CLASSES, 0, 0, 0,
	};
	struct nlmsghdr *nlh = ethnl_build_strset_classes(req, FAMILY, 6);

	ck_assert_uint_eq(nlh->nlmsg_len, sizeof(want));
	ck_assert_mem_eq(nlh, want, sizeof(want));
}
END_TEST

START_TEST(test_parse_capture)
{
	static const char *const kernel[] = {
		"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err",
		"tx_err", "tx_queued", "intr", "tx_done", "rx_status",
		"pktdata", "hw", "wol",
	};
	unsigned int bit;

	load("strset");
	ck_assert_int_eq(ethnl_parse_strset_classes((struct nlmsghdr *)cap, &names), 0);
	ck_assert_uint_eq(names.have, 0x7fff);
	for (bit = 0; bit < 15; bit++)
		ck_assert_str_eq(names.name[bit], kernel[bit]);
}
END_TEST

/* Every truncation of the real reply is an error, never a crash. */
START_TEST(test_parse_truncated)
{
	size_t len = load("strset"), cut;
	const size_t genl_end = MNL_NLMSG_HDRLEN + 4;

	for (cut = 0; cut < len; cut++) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)cap;
		int ret;

		load("strset");
		nlh->nlmsg_len = (uint32_t)cut;
		ret = ethnl_parse_strset_classes(nlh, &names);
		/* Cut right after the genl header: no set at all. */
		ck_assert_msg(ret == (cut == genl_end ? -ENOENT : -EINVAL),
			      "cut at %zu: %d", cut, ret);
		ck_assert_uint_eq(names.have, 0);
	}
}
END_TEST

/* Hand-made replies. */
static struct nlmsghdr *reply_start(uint8_t cmd)
{
	return capture_reply_start(cap, 4096, FAMILY, cmd);
}

struct str {
	uint32_t index;
	const char *value;
	int len;	/* bytes of @value to put; -1: with its NUL */
};

static struct nlmsghdr *reply(uint32_t set_id, const struct str *s, size_t n)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_STRSET_GET_REPLY);
	struct nlattr *sets, *set, *strings, *str;
	size_t i;

	sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_ID, set_id);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_COUNT, (uint32_t)n);
	strings = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSET_STRINGS);
	for (i = 0; i < n; i++) {
		str = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGS_STRING);
		mnl_attr_put_u32(nlh, ETHTOOL_A_STRING_INDEX, s[i].index);
		if (s[i].len < 0)
			mnl_attr_put_strz(nlh, ETHTOOL_A_STRING_VALUE, s[i].value);
		else
			mnl_attr_put(nlh, ETHTOOL_A_STRING_VALUE,
				     (size_t)s[i].len, s[i].value);
		mnl_attr_nest_end(nlh, str);
	}
	mnl_attr_nest_end(nlh, strings);
	mnl_attr_nest_end(nlh, set);
	mnl_attr_nest_end(nlh, sets);
	return nlh;
}

START_TEST(test_parse_newer_kernel)
{
	/* A kernel with two classes more, one of them at the top bit. */
	static const struct str s[] = {
		{ 0, "drv", -1 }, { 15, "newclass", -1 }, { 31, "top", -1 },
	};

	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_MSG_CLASSES, s, 3),
					      &names), 0);
	ck_assert_uint_eq(names.have, 0x80008001);
	ck_assert_str_eq(names.name[15], "newclass");
	ck_assert_str_eq(names.name[31], "top");
}
END_TEST

START_TEST(test_parse_no_nul)
{
	static const struct str s[] = { { 0, "drv", -1 }, { 1, "probe", 5 } };

	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_MSG_CLASSES, s, 2),
					      &names), -EINVAL);
	ck_assert_uint_eq(names.have, 0);
}
END_TEST

START_TEST(test_parse_index_too_big)
{
	static const struct str s[] = { { 0, "drv", -1 }, { 32, "over", -1 } };
	static const struct str big[] = { { 0xffffffff, "over", -1 } };

	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_MSG_CLASSES, s, 2),
					      &names), -EINVAL);
	ck_assert_uint_eq(names.have, 0);
	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_MSG_CLASSES, big, 1),
					      &names), -EINVAL);
}
END_TEST

START_TEST(test_parse_odd_names)
{
	/* Empty and too long names are left out, not errors. */
	static const struct str s[] = {
		{ 16, "", -1 },
		{ 17, "a-name-of-thirty-two-characters!", -1 },
		{ 18, "a-name-of-thirty-one-characters", -1 },
		{ 19, "x", -1 },
	};

	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_MSG_CLASSES, s, 4),
					      &names), 0);
	ck_assert_uint_eq(names.have, 3u << 18);
	ck_assert_str_eq(names.name[18], "a-name-of-thirty-one-characters");
	ck_assert_str_eq(names.name[19], "x");	/* the shortest kept */
}
END_TEST

START_TEST(test_parse_other_set)
{
	static const struct str s[] = { { 0, "drv", -1 } };

	/* Only some other string set: ours is missing. */
	ck_assert_int_eq(ethnl_parse_strset_classes(reply(ETH_SS_FEATURES, s, 1),
					      &names), -ENOENT);
	ck_assert_uint_eq(names.have, 0);
	/* No STRINGSETS at all. */
	ck_assert_int_eq(ethnl_parse_strset_classes(reply_start(ETHTOOL_MSG_STRSET_GET_REPLY),
					      &names), -ENOENT);
}
END_TEST

START_TEST(test_parse_wrong_message)
{
	static const struct str s[] = { { 0, "drv", -1 } };
	struct nlmsghdr *nlh = reply(ETH_SS_MSG_CLASSES, s, 1);
	struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);

	g->cmd = ETHTOOL_MSG_DEBUG_GET_REPLY;
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
	/* A DEBUG reply from the kernel is not a string set. */
	load("get_compact");
	ck_assert_int_eq(ethnl_parse_strset_classes((struct nlmsghdr *)cap, &names),
			 -EINVAL);
}
END_TEST

START_TEST(test_parse_bad_types)
{
	static const struct str s[] = { { 3, "timer", -1 } };
	struct nlmsghdr *nlh = reply(ETH_SS_MSG_CLASSES, s, 1);
	struct nlattr *a;
	size_t off;

	/* Turn the u32 INDEX (the only 8-byte attribute holding 3) into a u16. */
	for (off = MNL_NLMSG_HDRLEN + 4; off + 8 <= nlh->nlmsg_len; off += 4) {
		a = (struct nlattr *)((char *)nlh + off);
		if (a->nla_len == 8 && a->nla_type == ETHTOOL_A_STRING_INDEX &&
		    *(uint32_t *)(a + 1) == 3)
			break;
	}
	ck_assert_uint_lt(off + 8, nlh->nlmsg_len);
	a->nla_len = 6;
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
}
END_TEST

/*
 * A STRING that runs past its STRINGS nest (the nests around it being
 * whole): malformed, not a set that quietly ends before it.
 */
START_TEST(test_parse_cut_string)
{
	static const struct str s[] = { { 0, "drv", -1 }, { 1, "probe", -1 } };
	struct nlmsghdr *nlh = reply(ETH_SS_MSG_CLASSES, s, 2);
	struct nlattr *sets, *set, *a, *strings = NULL, *last = NULL;

	sets = mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN);
	set = mnl_attr_get_payload(sets);
	mnl_attr_for_each_nested(a, set)
		if (mnl_attr_get_type(a) == ETHTOOL_A_STRINGSET_STRINGS)
			strings = a;
	ck_assert_ptr_nonnull(strings);
	mnl_attr_for_each_nested(a, strings)
		last = a;
	ck_assert_ptr_nonnull(last);
	last->nla_len += 4;
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
	ck_assert_uint_eq(names.have, 0);
}
END_TEST

/*
 * Ours without STRINGS (a kernel with no class names) is an empty set,
 * not an error; attributes that are no STRINGSET, or no STRING, are
 * skipped.
 */
START_TEST(test_parse_empty_and_foreign)
{
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_STRSET_GET_REPLY);
	struct nlattr *sets, *set, *strings, *str;

	sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_ID, ETH_SS_MSG_CLASSES);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_COUNT, 0);
	mnl_attr_nest_end(nlh, set);
	mnl_attr_nest_end(nlh, sets);
	names.have = 1;
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), 0);
	ck_assert_uint_eq(names.have, 0);

	nlh = reply_start(ETHTOOL_MSG_STRSET_GET_REPLY);
	sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSETS_STRINGSET + 1, 7);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_ID, ETH_SS_MSG_CLASSES);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_COUNT, 1);
	strings = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSET_STRINGS);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGS_STRING + 1, 7);
	str = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGS_STRING);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRING_INDEX, 2);
	mnl_attr_put_strz(nlh, ETHTOOL_A_STRING_VALUE, "link");
	mnl_attr_nest_end(nlh, str);
	mnl_attr_nest_end(nlh, strings);
	mnl_attr_nest_end(nlh, set);
	mnl_attr_nest_end(nlh, sets);
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), 0);
	ck_assert_uint_eq(names.have, 1u << 2);
	ck_assert_str_eq(names.name[2], "link");
}
END_TEST

/* A STRINGSET without ID, or one that runs past STRINGSETS: malformed. */
START_TEST(test_parse_bad_set)
{
	static const struct str s[] = { { 0, "drv", -1 } };
	struct nlmsghdr *nlh = reply_start(ETHTOOL_MSG_STRSET_GET_REPLY);
	struct nlattr *sets, *set;

	sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
	set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
	mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_COUNT, 0);
	mnl_attr_nest_end(nlh, set);
	mnl_attr_nest_end(nlh, sets);
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
	ck_assert_uint_eq(names.have, 0);

	nlh = reply(ETH_SS_MSG_CLASSES, s, 1);
	sets = mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN);
	set = mnl_attr_get_payload(sets);
	set->nla_len += 4;
	ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
	ck_assert_uint_eq(names.have, 0);
}
END_TEST

/* A STRING without its INDEX or without its VALUE: malformed. */
START_TEST(test_parse_string_half)
{
	struct nlmsghdr *nlh;
	struct nlattr *sets, *set, *strings, *str;
	int without;

	for (without = ETHTOOL_A_STRING_INDEX;
	     without <= ETHTOOL_A_STRING_VALUE; without++) {
		nlh = reply_start(ETHTOOL_MSG_STRSET_GET_REPLY);
		sets = mnl_attr_nest_start(nlh, ETHTOOL_A_STRSET_STRINGSETS);
		set = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSETS_STRINGSET);
		mnl_attr_put_u32(nlh, ETHTOOL_A_STRINGSET_ID, ETH_SS_MSG_CLASSES);
		strings = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGSET_STRINGS);
		str = mnl_attr_nest_start(nlh, ETHTOOL_A_STRINGS_STRING);
		if (without != ETHTOOL_A_STRING_INDEX)
			mnl_attr_put_u32(nlh, ETHTOOL_A_STRING_INDEX, 2);
		if (without != ETHTOOL_A_STRING_VALUE)
			mnl_attr_put_strz(nlh, ETHTOOL_A_STRING_VALUE, "link");
		mnl_attr_nest_end(nlh, str);
		mnl_attr_nest_end(nlh, strings);
		mnl_attr_nest_end(nlh, set);
		mnl_attr_nest_end(nlh, sets);
		names.have = 1;
		ck_assert_int_eq(ethnl_parse_strset_classes(nlh, &names), -EINVAL);
		ck_assert_uint_eq(names.have, 0);
	}
}
END_TEST

static Suite *strset_suite(void)
{
	Suite *s = suite_create("strset");
	TCase *tc = tcase_create("build");

	tcase_add_test(tc, test_build);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_capture);
	tcase_add_test(tc, test_parse_truncated);
	tcase_add_test(tc, test_parse_newer_kernel);
	tcase_add_test(tc, test_parse_no_nul);
	tcase_add_test(tc, test_parse_index_too_big);
	tcase_add_test(tc, test_parse_odd_names);
	tcase_add_test(tc, test_parse_other_set);
	tcase_add_test(tc, test_parse_wrong_message);
	tcase_add_test(tc, test_parse_bad_types);
	tcase_add_test(tc, test_parse_cut_string);
	tcase_add_test(tc, test_parse_empty_and_foreign);
	tcase_add_test(tc, test_parse_bad_set);
	tcase_add_test(tc, test_parse_string_half);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(strset_suite)
