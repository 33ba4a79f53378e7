/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for the message class table, lookup, numbers and names. */
#include <check.h>

#include "check_main.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "msgclass.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The kernel ABI, written out again so a typo in the table shows. */
static const struct {
	const char *name;
	unsigned int bit;
	uint32_t mask;
	int old_level;
} classes[] = {
	{ "drv",	 0, 0x0001,  0 },
	{ "probe",	 1, 0x0002,  1 },
	{ "link",	 2, 0x0004,  2 },
	{ "timer",	 3, 0x0008,  2 },
	{ "ifdown",	 4, 0x0010,  3 },
	{ "ifup",	 5, 0x0020,  3 },
	{ "rx_err",	 6, 0x0040,  4 },
	{ "tx_err",	 7, 0x0080,  4 },
	{ "tx_queued",	 8, 0x0100,  5 },
	{ "intr",	 9, 0x0200,  5 },
	{ "tx_done",	10, 0x0400,  6 },
	{ "rx_status",	11, 0x0800,  6 },
	{ "pktdata",	12, 0x1000,  7 },
	{ "hw",		13, 0x2000, -1 },
	{ "wol",	14, 0x4000, -1 },
};

/* The names one test knows besides the built-in ones. */
static struct classnames cn;

static int lookup(const char *s)
{
	return msgclass_lookup(&cn, s, strlen(s));
}

static void upper(char *dst, const char *src)
{
	while (*src)
		*dst++ = (char)toupper((unsigned char)*src++);
	*dst = '\0';
}

/* Every other letter upper case: "LiNk". */
static void mixed(char *dst, const char *src)
{
	int i;

	for (i = 0; src[i]; i++)
		dst[i] = (char)(i % 2 ? src[i] : toupper((unsigned char)src[i]));
	dst[i] = '\0';
}

static void setup(void)
{
	classnames_init(&cn);
}

START_TEST(test_table)
{
	unsigned int i;

	ck_assert_uint_eq(ARRAY_SIZE(classes), MSGCLASS_NBUILTIN);
	ck_assert_uint_eq(MSGCLASS_KERNEL_MASK, 0x7fff);
	for (i = 0; i < MSGCLASS_NBUILTIN; i++) {
		ck_assert_str_eq(msgclass_table[i].name, classes[i].name);
		ck_assert_uint_eq(msgclass_table[i].bit, classes[i].bit);
		ck_assert_uint_eq(1u << msgclass_table[i].bit, classes[i].mask);
		ck_assert_int_eq(msgclass_table[i].old_level,
				 classes[i].old_level);
	}
}
END_TEST

/* Every class by plain, upper, mixed case, and with both prefixes. */
START_TEST(test_lookup_every_spelling)
{
	static const char *const prefixes[] = {
		"", "NETIF_MSG_", "netif_msg_", "msg_", "MSG_", "Netif_Msg_",
		"mSg_",
	};
	char buf[64], cased[32];
	unsigned int i, f;

	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		int bit = (int)classes[i].bit;

		for (f = 0; f < ARRAY_SIZE(prefixes); f++) {
			snprintf(buf, sizeof(buf), "%s%s", prefixes[f], classes[i].name);
			ck_assert_msg(lookup(buf) == bit, "%s", buf);
			upper(cased, classes[i].name);
			snprintf(buf, sizeof(buf), "%s%s", prefixes[f], cased);
			ck_assert_msg(lookup(buf) == bit, "%s", buf);
			mixed(cased, classes[i].name);
			snprintf(buf, sizeof(buf), "%s%s", prefixes[f], cased);
			ck_assert_msg(lookup(buf) == bit, "%s", buf);
		}
	}
}
END_TEST

START_TEST(test_lookup_examples)
{
	ck_assert_int_eq(lookup("LINK"), 2);
	ck_assert_int_eq(lookup("netif_msg_link"), 2);
	ck_assert_int_eq(lookup("NETIF_MSG_LINK"), 2);
	ck_assert_int_eq(lookup("msg_link"), 2);
	ck_assert_int_eq(lookup("MSG_LINK"), 2);
	ck_assert_int_eq(lookup("Rx_Err"), 6);
	ck_assert_int_eq(lookup("NETIF_MSG_TX_QUEUED"), 8);
	/* Only the length given counts: "linkfoo" cut to 4 is "link". */
	ck_assert_int_eq(msgclass_lookup(&cn, "linkfoo", 4), 2);
	ck_assert_int_eq(msgclass_lookup(&cn, "link", 3), -1);
}
END_TEST

START_TEST(test_lookup_unknown)
{
	static const char *const bad[] = {
		"", "likn", "rxerr", "rx-err", "netif_msg_", "msg_", "NETIF_",
		"netif_link", "msg_msg_link", "msglink", "link ", " link",
		"all", "none", "drv2", "msg_netif_msg_link", "netif_msg_msg_",
		/* one prefix is dropped, not one of each */
		"netif_msg_msg_link", "NETIF_MSG_MSG_drv",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(lookup(bad[i]) == -1, "'%s'", bad[i]);
}
END_TEST

START_TEST(test_lookup_bitn)
{
	static const char *const bad[] = {
		"bit32", "bit", "bit-1", "bit01", "bitx", "bit00", "bit100",
		"bit3x", "bit 3", "bit+3", "bit4294967298", "bits", "bi3",
		/* Bytes next to the digits, that a digit's sum makes 18-20. */
		"bit1:", "bit2.", "bit2/",
	};
	char buf[16];
	unsigned int i;

	for (i = 0; i < 32; i++) {
		snprintf(buf, sizeof(buf), "bit%u", i);
		ck_assert_int_eq(lookup(buf), (int)i);
		snprintf(buf, sizeof(buf), "BIT%u", i);
		ck_assert_int_eq(lookup(buf), (int)i);
		snprintf(buf, sizeof(buf), "netif_msg_bit%u", i);
		ck_assert_int_eq(lookup(buf), (int)i);
	}
	ck_assert_int_eq(lookup("bit0"), 0);
	ck_assert_int_eq(lookup("bit31"), 31);
	ck_assert_int_eq(lookup("Bit15"), 15);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		ck_assert_msg(lookup(bad[i]) == -1, "'%s'", bad[i]);
}
END_TEST

START_TEST(test_name)
{
	char buf[MSGCLASS_NAME_MAX];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		ck_assert_str_eq(msgclass_name(&cn, classes[i].bit, buf),
				 classes[i].name);
	ck_assert_str_eq(msgclass_name(&cn, 15, buf), "bit15");
	ck_assert_str_eq(msgclass_name(&cn, 31, buf), "bit31");
	ck_assert_ptr_null(msgclass_name(&cn, 32, buf));
	/* Every name reads back as its own bit. */
	for (i = 0; i < 32; i++) {
		const char *n = msgclass_name(&cn, i, buf);

		ck_assert_int_eq(msgclass_lookup(&cn, n, strlen(n)), (int)i);
	}
}
END_TEST

START_TEST(test_kernel_names)
{
	char buf[MSGCLASS_NAME_MAX];
	char longname[MSGCLASS_NAME_MAX + 1];

	ck_assert_uint_eq(msgclass_named_mask(&cn), 0x7fff);
	ck_assert_int_eq(lookup("newclass"), -1);

	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert_int_eq(lookup("newclass"), 15);
	ck_assert_int_eq(lookup("NETIF_MSG_NEWCLASS"), 15);
	ck_assert_int_eq(lookup("bit15"), 15);
	ck_assert_str_eq(msgclass_name(&cn, 15, buf), "newclass");
	ck_assert_uint_eq(msgclass_named_mask(&cn), 0xffff);

	/* A prefix the kernel might use is dropped. */
	ck_assert(msgclass_add_kernel_name(&cn, 20, "NETIF_MSG_other"));
	ck_assert_str_eq(msgclass_name(&cn, 20, buf), "other");
	ck_assert_int_eq(lookup("msg_other"), 20);
	ck_assert_uint_eq(msgclass_named_mask(&cn), 0x10ffff);

	/* A new name for the same bit replaces the old one. */
	ck_assert(msgclass_add_kernel_name(&cn, 20, "renamed"));
	ck_assert_int_eq(lookup("other"), -1);
	ck_assert_int_eq(lookup("renamed"), 20);

	/* Built-in bits keep their names; the call is harmless. */
	ck_assert(msgclass_add_kernel_name(&cn, 2, "link"));
	ck_assert(msgclass_add_kernel_name(&cn, 3, "something"));
	ck_assert_str_eq(msgclass_name(&cn, 3, buf), "timer");
	ck_assert_int_eq(lookup("something"), -1);

	/* Refused: out of range, empty, too long, unusable or ambiguous. */
	memset(longname, 'a', MSGCLASS_NAME_MAX);
	longname[MSGCLASS_NAME_MAX] = '\0';
	ck_assert(!msgclass_add_kernel_name(&cn, 32, "x"));
	ck_assert(!msgclass_add_kernel_name(&cn, 16, ""));
	ck_assert(!msgclass_add_kernel_name(&cn, 16, NULL));
	ck_assert(!msgclass_add_kernel_name(&cn, 16, longname));
	longname[MSGCLASS_NAME_MAX - 1] = '\0';
	ck_assert(msgclass_add_kernel_name(&cn, 16, longname));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "link"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "drv"));	/* bit 0's */
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "bit0"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "bit3"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "all"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "NONE"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "9lives"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "+x"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "a,b"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "a b"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "msg_"));
	/* words of their own, and names that print as another's */
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "on"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "OFF"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "msglvl"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "netif_msg_msg_x"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "msg_netif_msg_x"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "msg_msg_x"));
	ck_assert(!msgclass_add_kernel_name(&cn, 17, "renamed"));
	ck_assert_str_eq(msgclass_name(&cn, 17, buf), "bit17");

	/* Accepted: '_' first; '.', '-' and '_' inside; a bit's own bitN. */
	ck_assert(msgclass_add_kernel_name(&cn, 18, "_under"));
	ck_assert_int_eq(lookup("_under"), 18);
	ck_assert(msgclass_add_kernel_name(&cn, 19, "v1.2-x_y"));
	ck_assert_int_eq(lookup("v1.2-x_y"), 19);
	ck_assert(msgclass_add_kernel_name(&cn, 21, "bit21"));
	ck_assert_str_eq(msgclass_name(&cn, 21, buf), "bit21");
	/* The last bit takes a name as well. */
	ck_assert(msgclass_add_kernel_name(&cn, 31, "topbit"));
	ck_assert_int_eq(lookup("topbit"), 31);
	ck_assert_str_eq(msgclass_name(&cn, 31, buf), "topbit");
	ck_assert_uint_eq(msgclass_named_mask(&cn) >> 31, 1);

	/* A refused new name still drops the bit's old one. */
	ck_assert(!msgclass_add_kernel_name(&cn, 20, "a b"));
	ck_assert_int_eq(lookup("renamed"), -1);
	ck_assert_str_eq(msgclass_name(&cn, 20, buf), "bit20");

	/* The names live in the table given, nowhere else. */
	ck_assert_uint_eq(msgclass_named_mask(NULL), 0x7fff);
	ck_assert_int_eq(msgclass_lookup(NULL, "newclass", 8), -1);
	ck_assert_str_eq(msgclass_name(NULL, 15, buf), "bit15");
	ck_assert_ptr_null(msgclass_suggest(NULL, "newclas", 7));

	/* A fresh table knows the built-in names only. */
	classnames_init(&cn);
	ck_assert_uint_eq(msgclass_named_mask(&cn), 0x7fff);
	ck_assert_int_eq(lookup("newclass"), -1);
	ck_assert_str_eq(msgclass_name(&cn, 15, buf), "bit15");
}
END_TEST

/* Two tables do not share names; a copy is a table of its own. */
START_TEST(test_kernel_names_separate)
{
	struct classnames other, copy;
	char buf[MSGCLASS_NAME_MAX];

	classnames_init(&other);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert(msgclass_add_kernel_name(&other, 15, "another"));
	ck_assert_int_eq(msgclass_lookup(&cn, "another", 7), -1);
	ck_assert_int_eq(msgclass_lookup(&other, "newclass", 8), -1);
	ck_assert_int_eq(msgclass_lookup(&other, "another", 7), 15);
	copy = cn;
	ck_assert(msgclass_add_kernel_name(&copy, 15, "renamed"));
	ck_assert_str_eq(msgclass_name(&cn, 15, buf), "newclass");
	ck_assert_str_eq(msgclass_name(&copy, 15, buf), "renamed");
}
END_TEST

START_TEST(test_word_is)
{
	ck_assert(msgclass_word_is("all", 3, "all"));
	ck_assert(msgclass_word_is("ALL", 3, "all"));
	ck_assert(msgclass_word_is("NoNe", 4, "none"));
	/* Only @len bytes count, and all of the word must match. */
	ck_assert(msgclass_word_is("all,link", 3, "all"));
	ck_assert(!msgclass_word_is("all", 2, "all"));
	ck_assert(!msgclass_word_is("allx", 4, "all"));
	ck_assert(!msgclass_word_is("al", 2, "all"));
	ck_assert(!msgclass_word_is("", 0, "all"));
	ck_assert(msgclass_word_is("", 0, ""));
	ck_assert(!msgclass_word_is("x", 1, ""));
}
END_TEST

static const struct {
	const char *in;
	const char *want;	/* NULL: no suggestion */
} suggest_cases[] = {
	{ "likn",		"link" },
	{ "rxerr",		"rx_err" },
	{ "rx-err",		"rx_err" },
	{ "RXERR",		"rx_err" },
	{ "lnk",		"link" },
	{ "linkk",		"link" },
	{ "prbe",		"probe" },
	{ "porbe",		"probe" },
	{ "tx_queue",		"tx_queued" },
	{ "txqueued",		"tx_queued" },
	{ "netif_msg_likn",	"link" },
	{ "MSG_TIEMR",		"timer" },
	{ "ifdwn",		"ifdown" },
	{ "pktdat",		"pktdata" },
	{ "hx",			"hw" },
	{ "wl",			"wol" },
	{ "dvr",		"drv" },
	/* one slip from a short name: the first two swapped, a letter doubled */
	{ "rdv",		"drv" },
	{ "wh",			"hw" },
	{ "hww",		"hw" },
	/* two edits from both ifdown (bit 4) and ifup (bit 5): the lower wins */
	{ "ifdn",		"ifdown" },
	/* two edits, both inserted, both deleted: still within reach */
	{ "linkxx",		"link" },
	{ "rx_stat",		"rx_status" },
	/* three edits are too many, whichever they are */
	{ "lxxinq",		NULL },
	{ "tiemrxx",		NULL },
	{ "xyzzy",		NULL },
	{ "ab",			NULL },
	{ "",			NULL },
	{ "completelyunrelatedname", NULL },
	{ "l",			NULL },
};

START_TEST(test_suggest)
{
	const char *in = suggest_cases[_i].in;
	const char *got = msgclass_suggest(&cn, in, strlen(in));

	if (suggest_cases[_i].want)
		ck_assert_msg(got && !strcmp(got, suggest_cases[_i].want),
			      "'%s' -> '%s', want '%s'", in, got ? got : "(null)",
			      suggest_cases[_i].want);
	else
		ck_assert_msg(!got, "'%s' -> '%s', want none", in, got);
}
END_TEST

START_TEST(test_suggest_kernel_name)
{
	ck_assert_ptr_null(msgclass_suggest(&cn, "newclas", 7));
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert_str_eq(msgclass_suggest(&cn, "newclas", 7), "newclass");
	/* bit 31's name, the last looked at */
	ck_assert(msgclass_add_kernel_name(&cn, 31, "lastclass"));
	ck_assert_str_eq(msgclass_suggest(&cn, "lastclas", 8), "lastclass");
}
END_TEST

static const struct {
	const char *in;
	int ret;
	uint32_t value;
} number_cases[] = {
	{ "0",				0, 0 },
	{ "1",				0, 1 },
	{ "31",				0, 31 },
	{ "0x1f",			0, 0x1f },
	{ "0X1F",			0, 0x1f },
	{ "0xAbCd",			0, 0xabcd },
	{ "0x0",			0, 0 },
	{ "0xffffffff",			0, 0xffffffff },
	{ "4294967295",			0, 0xffffffff },
	{ "0x000000000001",		0, 1 },
	{ "0x00000000000000000000ffffffff", 0, 0xffffffff },
	{ "4294967296",			-ERANGE, 0 },
	{ "0x100000000",		-ERANGE, 0 },
	{ "0x1ffffffff",		-ERANGE, 0 },
	{ "99999999999999999999999",	-ERANGE, 0 },
	{ "0xffffffffffffffffffffffff",	-ERANGE, 0 },
	{ "18446744073709551617",	-ERANGE, 0 },
	{ "",				-EINVAL, 0 },
	{ "0x",				-EINVAL, 0 },
	{ "0X",				-EINVAL, 0 },
	{ "-1",				-EINVAL, 0 },
	{ "+1",				-EINVAL, 0 },
	{ " 1",				-EINVAL, 0 },
	{ "1 ",				-EINVAL, 0 },
	{ "12ab",			-EINVAL, 0 },
	{ "1a",				-EINVAL, 0 },
	{ "9A",				-EINVAL, 0 },
	{ "0xzz",			-EINVAL, 0 },
	{ "0x1g",			-EINVAL, 0 },
	{ "0x-1",			-EINVAL, 0 },
	{ "0x 1",			-EINVAL, 0 },
	{ "x1",				-EINVAL, 0 },
	{ "link",			-EINVAL, 0 },
	{ "1.0",			-EINVAL, 0 },
	{ "00",				-EINVAL, 0 },
	{ "010",			-EINVAL, 0 },
	{ "0b101",			-EINVAL, 0 },
	{ "99999999999999999999999x",	-EINVAL, 0 },
};

START_TEST(test_parse_number)
{
	const char *in = number_cases[_i].in;
	uint32_t v = 0xdeadbeef;
	int ret = msgclass_parse_number(in, strlen(in), &v);

	ck_assert_msg(ret == number_cases[_i].ret, "'%s': %d, want %d", in,
		      ret, number_cases[_i].ret);
	if (ret == 0)
		ck_assert_uint_eq(v, number_cases[_i].value);
	else
		ck_assert_msg(v == 0xdeadbeef, "'%s' wrote on error", in);
}
END_TEST

START_TEST(test_parse_number_length)
{
	uint32_t v = 0;

	/* Only @len bytes count: the rest of the buffer is not looked at. */
	ck_assert_int_eq(msgclass_parse_number("0x1f,link", 4, &v), 0);
	ck_assert_uint_eq(v, 0x1f);
	ck_assert_int_eq(msgclass_parse_number("123", 2, &v), 0);
	ck_assert_uint_eq(v, 12);
	ck_assert_int_eq(msgclass_parse_number("0x12", 2, &v), -EINVAL);
	ck_assert_int_eq(msgclass_parse_number("5", 0, &v), -EINVAL);
}
END_TEST

/* The names of a mask, as --names prints them (format_state, OUT_NAMES). */
static size_t mask_names(uint32_t mask, char *buf, size_t size)
{
	struct ifstate st = { .msg_enable = mask };

	return format_state(buf, size, OUT_NAMES, &cn, &st, CHANGED_NONE);
}

START_TEST(test_mask_names)
{
	char buf[512];
	size_t n;

	n = mask_names(0, buf, sizeof(buf));
	ck_assert_str_eq(buf, "none");
	ck_assert_uint_eq(n, 4);
	n = mask_names(0x7, buf, sizeof(buf));
	ck_assert_str_eq(buf, "drv probe link");
	ck_assert_uint_eq(n, strlen("drv probe link"));
	mask_names(0x4000, buf, sizeof(buf));
	ck_assert_str_eq(buf, "wol");
	mask_names(0x6000, buf, sizeof(buf));
	ck_assert_str_eq(buf, "hw wol");
	mask_names(0x80008001, buf, sizeof(buf));
	ck_assert_str_eq(buf, "drv bit15 bit31");
	mask_names(0x7fff, buf, sizeof(buf));
	ck_assert_str_eq(buf, "drv probe link timer ifdown ifup rx_err "
			 "tx_err tx_queued intr tx_done rx_status pktdata hw wol");
	n = mask_names(0xffffffff, buf, sizeof(buf));
	ck_assert_uint_eq(n, strlen(buf));
	ck_assert_ptr_nonnull(strstr(buf, "wol bit15 bit16 "));
	ck_assert_ptr_nonnull(strstr(buf, " bit30 bit31"));

	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	mask_names(0x8004, buf, sizeof(buf));
	ck_assert_str_eq(buf, "link newclass");
	mask_names(0x18004, buf, sizeof(buf));
	ck_assert_str_eq(buf, "link newclass bit16");
}
END_TEST

/* Like snprintf: truncated with a NUL, full length returned. */
START_TEST(test_mask_names_truncated)
{
	char buf[8];
	size_t n;

	memset(buf, 'X', sizeof(buf));
	n = mask_names(0x7, buf, sizeof(buf));
	ck_assert_uint_eq(n, strlen("drv probe link"));
	ck_assert_str_eq(buf, "drv pro");
	n = mask_names(0x7, NULL, 0);
	ck_assert_uint_eq(n, strlen("drv probe link"));
	n = mask_names(0, buf, 3);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(buf, "no");
	memset(buf, 'X', sizeof(buf));
	n = mask_names(0x1, buf, 1);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(buf[1], 'X');
}
END_TEST

static Suite *msgclass_suite(void)
{
	Suite *s = suite_create("msgclass");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_lookup_every_spelling);
	tcase_add_test(tc, test_lookup_examples);
	tcase_add_test(tc, test_lookup_unknown);
	tcase_add_test(tc, test_lookup_bitn);
	tcase_add_test(tc, test_name);
	tcase_add_test(tc, test_kernel_names);
	tcase_add_test(tc, test_kernel_names_separate);
	tcase_add_test(tc, test_word_is);
	tcase_add_loop_test(tc, test_suggest, 0, ARRAY_SIZE(suggest_cases));
	tcase_add_test(tc, test_suggest_kernel_name);
	tcase_add_loop_test(tc, test_parse_number, 0,
			    ARRAY_SIZE(number_cases));
	tcase_add_test(tc, test_parse_number_length);
	tcase_add_test(tc, test_mask_names);
	tcase_add_test(tc, test_mask_names_truncated);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(msgclass_suite)
