// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests for the one formatting path: text, hex, names, JSON, list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "check_main.h"

#include "format.h"
#include "msgclass.h"

static char out[FORMAT_STATE_MAX];

static const char *fmt(enum out_mode mode, const char *ifname,
		       uint32_t ifindex, uint32_t mask, enum changed_flag ch)
{
	struct ifstate st = { .ifindex = ifindex, .msg_enable = mask };
	size_t n;

	strcpy(st.ifname, ifname);
	n = format_state(out, sizeof(out), mode, NULL, &st, ch);
	ck_assert_uint_eq(n, strlen(out));
	return out;
}

static const struct {
	enum out_mode mode;
	const char *ifname;
	uint32_t mask;
	enum changed_flag changed;
	const char *want;
} cases[] = {
	{ OUT_TEXT, "eth0", 0x7, CHANGED_NONE, "eth0: 0x00000007 drv probe link" },
	{ OUT_TEXT, "tap3", 0, CHANGED_NONE, "tap3: 0x00000000 none" },
	{ OUT_TEXT, "tap3", 0x7fff, CHANGED_NONE,
	  "tap3: 0x00007fff drv probe link timer ifdown ifup rx_err tx_err tx_queued intr tx_done rx_status pktdata hw wol" },
	{ OUT_TEXT, "tap3", 0x80008001, CHANGED_NONE,
	  "tap3: 0x80008001 drv bit15 bit31" },
	{ OUT_TEXT, "tap0", 0x5, CHANGED_YES, "tap0: 0x00000005 drv link (changed)" },
	{ OUT_TEXT, "tap0", 0x5, CHANGED_NO, "tap0: 0x00000005 drv link (unchanged)" },
	/* a name of one character is a name */
	{ OUT_TEXT, "e", 0x1, CHANGED_NONE, "e: 0x00000001 drv" },
	{ OUT_TEXT, "", 0x3f, CHANGED_NONE, "0x0000003f drv probe link timer ifdown ifup" },
	{ OUT_TEXT, "", 0, CHANGED_NONE, "0x00000000 none" },
	{ OUT_HEX, "eth0", 0x5, CHANGED_NONE, "0x00000005" },
	{ OUT_HEX, "eth0", 0xffffffff, CHANGED_YES, "0xffffffff" },
	{ OUT_HEX, "", 0, CHANGED_NONE, "0x00000000" },
	{ OUT_NAMES, "eth0", 0x5, CHANGED_NONE, "drv link" },
	{ OUT_NAMES, "eth0", 0, CHANGED_NONE, "none" },
	{ OUT_NAMES, "eth0", 0x6000, CHANGED_NO, "hw wol" },
	{ OUT_NAMES, "", 0x40000, CHANGED_NONE, "bit18" },
	{ OUT_JSON, "eth0", 0x5, CHANGED_NONE,
	  "{\"ifname\":\"eth0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]}" },
	{ OUT_JSON, "eth0", 0, CHANGED_NONE,
	  "{\"ifname\":\"eth0\",\"ifindex\":2,\"msg_enable\":0,\"classes\":[]}" },
	{ OUT_JSON, "eth0", 0x80000000, CHANGED_YES,
	  "{\"ifname\":\"eth0\",\"ifindex\":2,\"msg_enable\":2147483648,\"classes\":[\"bit31\"],\"changed\":true}" },
	{ OUT_JSON, "eth0", 0x1, CHANGED_NO,
	  "{\"ifname\":\"eth0\",\"ifindex\":2,\"msg_enable\":1,\"classes\":[\"drv\"],\"changed\":false}" },
	{ OUT_JSON, "", 0x3f, CHANGED_NONE,
	  "{\"msg_enable\":63,\"classes\":[\"drv\",\"probe\",\"link\",\"timer\",\"ifdown\",\"ifup\"]}" },
	{ OUT_JSON, "a\"b\\c", 0x4, CHANGED_NONE,
	  "{\"ifname\":\"a\\\"b\\\\c\",\"ifindex\":2,\"msg_enable\":4,\"classes\":[\"link\"]}" },
};

START_TEST(test_state)
{
	ck_assert_str_eq(fmt(cases[_i].mode, cases[_i].ifname, 2,
			     cases[_i].mask, cases[_i].changed),
			 cases[_i].want);
}
END_TEST

/* JSON strings are escaped: the interface name is one. */
static const char *json_name(const char *ifname)
{
	return fmt(OUT_JSON, ifname, 2, 0, CHANGED_NONE);
}

/* The JSON string @quoted as the ifname of a line. */
static const char *json_line(const char *quoted)
{
	static char want[256];

	snprintf(want, sizeof(want),
		 "{\"ifname\":%s,\"ifindex\":2,\"msg_enable\":0,\"classes\":[]}",
		 quoted);
	return want;
}

START_TEST(test_json_escape)
{
	ck_assert_str_eq(json_name("eth0"), json_line("\"eth0\""));
	ck_assert_str_eq(json_name("a\"b\\c"), json_line("\"a\\\"b\\\\c\""));
	ck_assert_str_eq(json_name("t\tn\nr\rb\bf\f"),
			 json_line("\"t\\tn\\nr\\rb\\bf\\f\""));
	ck_assert_str_eq(json_name("\x01\x1f\x7f"),
			 json_line("\"\\u0001\\u001f\\u007f\""));
	/* DEL ends a run of plain bytes; a blank starts one (a log line) */
	ck_assert_str_eq(json_name("a\x7f" "b"), json_line("\"a\\u007fb\""));
	ck_assert_str_eq(json_name(" a\t b\xc3\xa9 c"),
			 json_line("\" a\\t b\xc3\xa9 c\""));
	/* well-formed UTF-8 passes through unchanged */
	ck_assert_str_eq(json_name("\xc3\xa9"), json_line("\"\xc3\xa9\""));
	/* class names are JSON strings too */
	ck_assert_str_eq(fmt(OUT_JSON, "", 0, 0x3, CHANGED_NONE),
			 "{\"msg_enable\":3,\"classes\":[\"drv\",\"probe\"]}");
}
END_TEST

/*
 * Every control character, one by one, as netifmsg(8) JSON says: the five
 * with a letter (\b \t \n \f \r) by it, every other C0 control, DEL and
 * each C1 control (U+0080 to U+009F, two bytes in UTF-8) as \u00xx with
 * lowercase digits; the byte after them is still there.
 */
START_TEST(test_json_every_control)
{
	static const char letters[] = "\b\t\n\f\r", names[] = "btnfr";
	char name[4], want[16];
	unsigned int c;
	const char *l;

	for (c = 0x01; c <= 0x9f; c++) {
		if (c >= 0x20 && c < 0x7f)
			continue;
		if (c < 0x80) {
			snprintf(name, sizeof(name), "%cx", c);
		} else {
			name[0] = (char)0xc2;
			name[1] = (char)c;
			name[2] = 'x';
			name[3] = '\0';
		}
		l = c < 0x20 ? strchr(letters, (int)c) : NULL;
		if (l)
			snprintf(want, sizeof(want), "\"\\%cx\"", names[l - letters]);
		else
			snprintf(want, sizeof(want), "\"\\u%04xx\"", c);
		ck_assert_str_eq(json_name(name), json_line(want));
	}
	/* U+2028 and U+2029 as well; U+00A0 and after as they are */
	ck_assert_str_eq(json_name("\xe2\x80\xa8\xe2\x80\xa9"),
			 json_line("\"\\u2028\\u2029\""));
	ck_assert_str_eq(json_name("\xc2\xa0\xef\xbb\xbf"),
			 json_line("\"\xc2\xa0\xef\xbb\xbf\""));
}
END_TEST

/* The JSON object of a name that is not UTF-8: U+FFFD, and its bytes. */
static const char *json_hex_line(const char *quoted, const char *hex)
{
	static char want[256];

	snprintf(want, sizeof(want),
		 "{\"ifname\":%s,\"ifname_hex\":\"%s\",\"ifindex\":2,\"msg_enable\":0,\"classes\":[]}",
		 quoted, hex);
	return want;
}

/* Every -j line is valid UTF-8 JSON, whatever the name's bytes. */
START_TEST(test_json_not_utf8)
{
	ck_assert_str_eq(json_name("\xff\xfe"),
			 json_hex_line("\"\\ufffd\\ufffd\"", "fffe"));
	/* a sequence cut short: every byte of it */
	ck_assert_str_eq(json_name("a\xe2\x82"),
			 json_hex_line("\"a\\ufffd\\ufffd\"", "61e282"));
	ck_assert_str_eq(json_name("\xc3"), json_hex_line("\"\\ufffd\"", "c3"));
	/* overlong, surrogate, past U+10FFFF, stray continuation byte */
	ck_assert_str_eq(json_name("\xc0\xaf"),
			 json_hex_line("\"\\ufffd\\ufffd\"", "c0af"));
	ck_assert_str_eq(json_name("\xed\xa0\x80"),
			 json_hex_line("\"\\ufffd\\ufffd\\ufffd\"", "eda080"));
	ck_assert_str_eq(json_name("\xf4\x90\x80\x80"),
			 json_hex_line("\"\\ufffd\\ufffd\\ufffd\\ufffd\"",
				       "f4908080"));
	ck_assert_str_eq(json_name("\x80x"),
			 json_hex_line("\"\\ufffdx\"", "8078"));
	/* mixed with escapes and good UTF-8 */
	ck_assert_str_eq(json_name("\"\xff\xc3\xa9\x1b"),
			 json_hex_line("\"\\\"\\ufffd\xc3\xa9\\u001b\"",
				       "22ffc3a91b"));
	/* UTF-8, but C1 controls and line separators are escaped: no hex */
	ck_assert_str_eq(json_name("\xc2\x9b\xe2\x80\xa8"),
			 json_line("\"\\u009b\\u2028\""));
	/* the ends of C1 (U+0080, U+009F) and U+2029; U+00A0 is text */
	ck_assert_str_eq(json_name("\xc2\x80\xc2\x9f\xc2\xa0\xe2\x80\xa9"),
			 json_line("\"\\u0080\\u009f\xc2\xa0\\u2029\""));
	ck_assert_str_eq(json_name("\xf0\x9f\x90\xa7\xef\xbf\xbd"),
			 json_line("\"\xf0\x9f\x90\xa7\xef\xbf\xbd\""));
}
END_TEST

/* Text names are escaped as IFACE is read back: no control byte. */
START_TEST(test_text_escape)
{
	ck_assert_str_eq(fmt(OUT_TEXT, "a\x1b[31m", 2, 0, CHANGED_NONE),
			 "a\\x1b\\[31m: 0x00000000 none");
	/* glob characters are quoted: a line reads back as one name */
	ck_assert_str_eq(fmt(OUT_TEXT, "t*p?[0]", 2, 0, CHANGED_NONE),
			 "t\\*p\\?\\[0]: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "\xff\\\x7f", 2, 1, CHANGED_NONE),
			 "\\xff\\\\\\x7f: 0x00000001 drv");
	ck_assert_str_eq(fmt(OUT_TEXT, "caf\xc3\xa9", 2, 0, CHANGED_NONE),
			 "caf\xc3\xa9: 0x00000000 none");
	/* the plain names' short way ends where an escape would start */
	ck_assert_str_eq(fmt(OUT_TEXT, "a~b-c.d_", 2, 0, CHANGED_NONE),
			 "a~b-c.d_: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "a b\\", 2, 0, CHANGED_NONE),
			 "a b\\\\: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "ab[", 2, 0, CHANGED_NONE),
			 "ab\\[: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "tap\x7f", 2, 0, CHANGED_NONE),
			 "tap\\x7f: 0x00000000 none");
	/*
	 * a first '-' or '#' would be an option or a comment in --batch,
	 * a first '{' might make the file JSON
	 */
	ck_assert_str_eq(fmt(OUT_TEXT, "-x", 2, 0, CHANGED_NONE),
			 "\\-x: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "#x-", 2, 0, CHANGED_YES),
			 "\\#x-: 0x00000000 none (changed)");
	ck_assert_str_eq(fmt(OUT_TEXT, "{\"a{", 2, 0, CHANGED_NONE),
			 "\\{\"a{: 0x00000000 none");
	/*
	 * --batch skips a byte-order mark that starts the file: a name that
	 * starts with one would be read as another interface's (and one
	 * anywhere is shown as nothing)
	 */
	ck_assert_str_eq(fmt(OUT_TEXT, "\xef\xbb\xbftap1", 2, 4, CHANGED_NONE),
			 "\\xef\\xbb\\xbftap1: 0x00000004 link");
	ck_assert_str_eq(fmt(OUT_TEXT, "\xef\xbb\xbf-", 2, 0, CHANGED_NONE),
			 "\\xef\\xbb\\xbf-: 0x00000000 none");
	ck_assert_str_eq(fmt(OUT_TEXT, "a\xef\xbb\xbf", 2, 0, CHANGED_NONE),
			 "a\\xef\\xbb\\xbf: 0x00000000 none");
	/* a bidirectional override would show the rest of the line reversed */
	ck_assert_str_eq(fmt(OUT_TEXT, "a\xe2\x80\xae*", 2, 0, CHANGED_NONE),
			 "a\\xe2\\x80\\xae\\*: 0x00000000 none");
	/* the worst name fits */
	ck_assert_str_eq(fmt(OUT_TEXT, "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01",
			     2, 0, CHANGED_NONE),
			 "\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01: 0x00000000 none");
}
END_TEST

START_TEST(test_truncation)
{
	struct ifstate st = { "eth0", 2, 0x7 };
	char small[16];
	size_t n;

	/* snprintf style: the full length comes back, the buffer ends in NUL */
	memset(small, 'X', sizeof(small));
	n = format_state(small, 8, OUT_TEXT, NULL, &st, CHANGED_NONE);
	ck_assert_uint_eq(n, strlen("eth0: 0x00000007 drv probe link"));
	ck_assert_str_eq(small, "eth0: 0");
	ck_assert_int_eq(small[8], 'X');
	n = format_state(NULL, 0, OUT_HEX, NULL, &st, CHANGED_NONE);
	ck_assert_uint_eq(n, 10);
	/* cut inside a JSON string: still terminated, full length counted */
	strcpy(st.ifname, "abcdef");
	memset(small, 'X', sizeof(small));
	n = format_state(small, 14, OUT_JSON, NULL, &st, CHANGED_NONE);
	ck_assert_uint_eq(n, strlen("{\"ifname\":\"abcdef\",\"ifindex\":2,"
				    "\"msg_enable\":7,\"classes\":"
				    "[\"drv\",\"probe\",\"link\"]}"));
	ck_assert_str_eq(small, "{\"ifname\":\"ab");
	ck_assert_int_eq(small[14], 'X');
	/* ... and inside an escape */
	strcpy(st.ifname, "a\"b");
	n = format_state(small, 13, OUT_JSON, NULL, &st, CHANGED_NONE);
	ck_assert_str_eq(small, "{\"ifname\":\"a");
	ck_assert_uint_gt(n, 13);
}
END_TEST

/* Bits are named with the table given; NULL is the built-in one. */
START_TEST(test_kernel_names)
{
	struct ifstate st = { "eth0", 2, 0x8004 };
	struct classnames cn;

	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	format_state(out, sizeof(out), OUT_TEXT, &cn, &st, CHANGED_NONE);
	ck_assert_str_eq(out, "eth0: 0x00008004 link newclass");
	format_state(out, sizeof(out), OUT_NAMES, &cn, &st, CHANGED_NONE);
	ck_assert_str_eq(out, "link newclass");
	format_state(out, sizeof(out), OUT_JSON, &cn, &st, CHANGED_NONE);
	ck_assert_str_eq(out, "{\"ifname\":\"eth0\",\"ifindex\":2,\"msg_enable\":32772,\"classes\":[\"link\",\"newclass\"]}");
	format_state(out, sizeof(out), OUT_TEXT, NULL, &st, CHANGED_NONE);
	ck_assert_str_eq(out, "eth0: 0x00008004 link bit15");
}
END_TEST

START_TEST(test_worst_case_fits)
{
	struct ifstate st = { .ifindex = 4294967295u, .msg_enable = 0xffffffff };
	char name[MSGCLASS_NAME_MAX];
	struct classnames cn;
	unsigned int bit;
	size_t n;

	classnames_init(&cn);
	/* 15 control bytes escape to 6 bytes each */
	memset(st.ifname, '\x01', sizeof(st.ifname) - 1);
	for (bit = 15; bit < 32; bit++) {
		memset(name, 'a', sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		name[0] = (char)('a' + (bit - 15));
		name[1] = (char)('a' + (bit % 7));
		snprintf(name + 2, 6, "%02u", bit);
		name[4] = 'x';
		ck_assert(msgclass_add_kernel_name(&cn, bit, name));
	}
	ck_assert_uint_eq(msgclass_named_mask(&cn), 0xffffffff);
	n = format_state(out, sizeof(out), OUT_JSON, &cn, &st, CHANGED_YES);
	ck_assert_uint_lt(n, FORMAT_STATE_MAX);
	n = format_state(out, sizeof(out), OUT_TEXT, &cn, &st, CHANGED_YES);
	ck_assert_uint_lt(n, FORMAT_STATE_MAX);
}
END_TEST

START_TEST(test_list)
{
	static const enum out_mode modes[] = { OUT_TEXT, OUT_JSON, OUT_NAMES };
	char row[256];
	unsigned int m;
	int i;

	format_list_row(row, sizeof(row), OUT_TEXT, -1);
	ck_assert_str_eq(row, "NAME       BIT  MASK    LEVEL");
	format_list_row(row, sizeof(row), OUT_TEXT, 0);
	ck_assert_str_eq(row, "drv          0  0x0001  0");
	format_list_row(row, sizeof(row), OUT_TEXT, 3);
	ck_assert_str_eq(row, "timer        3  0x0008  2");
	format_list_row(row, sizeof(row), OUT_TEXT, 14);
	ck_assert_str_eq(row, "wol         14  0x4000  -");
	ck_assert_uint_eq(format_list_row(row, sizeof(row), OUT_JSON, -1), 0);
	/* -N: the names alone, one a row */
	format_list_row(row, sizeof(row), OUT_NAMES, 0);
	ck_assert_str_eq(row, "drv");
	format_list_row(row, sizeof(row), OUT_NAMES, 14);
	ck_assert_str_eq(row, "wol");
	ck_assert_uint_eq(format_list_row(row, sizeof(row), OUT_NAMES, -1), 0);
	format_list_row(row, sizeof(row), OUT_JSON, 6);
	ck_assert_str_eq(row, "{\"name\":\"rx_err\",\"bit\":6,\"mask\":64,\"old_level\":4}");
	format_list_row(row, sizeof(row), OUT_JSON, 13);
	ck_assert_str_eq(row, "{\"name\":\"hw\",\"bit\":13,\"mask\":8192,\"old_level\":null}");
	ck_assert_uint_eq(format_list_row(row, sizeof(row), OUT_TEXT, 15), 0);
	/* each row's length is what it returns, in every mode */
	for (i = -1; i < MSGCLASS_NBUILTIN; i++)
		for (m = 0; m < sizeof(modes) / sizeof(modes[0]); m++)
			ck_assert_uint_eq(format_list_row(row, sizeof(row),
							  modes[m], i),
					  strlen(row));
}
END_TEST

/* A --monitor line: the state, what it was, and when. */
START_TEST(test_event)
{
	struct ifstate st = { "tap0", 2, 0x5 };
	uint32_t old = 0x80000001;
	size_t n;

	n = format_event(out, sizeof(out), OUT_TEXT, NULL, &st, &old, "12:00");
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x80000001 drv bit31) (at 12:00)");
	ck_assert_uint_eq(n, strlen(out));
	format_event(out, sizeof(out), OUT_HEX, NULL, &st, &old, NULL);
	ck_assert_str_eq(out, "0x00000005 (was 0x80000001)");
	format_event(out, sizeof(out), OUT_NAMES, NULL, &st, NULL, NULL);
	ck_assert_str_eq(out, "drv link");
	/* a mask with bit 31 is no negative number */
	format_event(out, sizeof(out), OUT_JSON, NULL, &st, &old, "12:00");
	ck_assert_str_eq(out, "{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"],\"old_msg_enable\":2147483649,\"time\":\"12:00\"}");
	format_event(out, sizeof(out), OUT_JSON, NULL, &st, NULL, NULL);
	ck_assert_str_eq(out, "{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"],\"old_msg_enable\":null}");
}
END_TEST

/* A --trace record: as dmesg prints it, or a JSON object like the others. */
START_TEST(test_log)
{
	char line[256];

	format_log(line, sizeof(line), OUT_TEXT, 12345678, "t\\b", 6,
		   "a\tb");
	ck_assert_str_eq(line, "[   12.345678] t\\\\b: a\\x09b");
	/* the message fills the buffer to its last byte */
	format_log(line, strlen("[    0.000001] tap0: up") + 1, OUT_TEXT, 1,
		   "tap0", 6, "up");
	ck_assert_str_eq(line, "[    0.000001] tap0: up");
	/* snprintf style: a record cut short writes nothing past @size */
	memset(line, 'X', sizeof(line));
	ck_assert_uint_eq(format_log(line, 24, OUT_TEXT, 1, "tap0", 6,
				     "link is up at 1 Gbps"),
			  strlen("[    0.000001] tap0: link is up at 1 Gbps"));
	ck_assert_str_eq(line, "[    0.000001] tap0: li");
	ck_assert_int_eq(line[24], 'X');
	ck_assert_int_eq(line[40], 'X');
	memset(line, 'X', sizeof(line));
	ck_assert_uint_eq(format_log(line, 8, OUT_TEXT, 1, "tap0", 6, "up"),
			  strlen("[    0.000001] tap0: up"));
	ck_assert_str_eq(line, "[    0.");
	ck_assert_int_eq(line[8], 'X');
	ck_assert_int_eq(line[21], 'X');
	ck_assert_int_eq(line[23], 'X');
	ck_assert_uint_eq(format_log(line, sizeof(line), OUT_JSON, 12345678,
				     "tap0", 6, "up"), strlen(line));
	ck_assert_str_eq(line, "{\"time\":12.345678,\"ifname\":\"tap0\",\"priority\":6,\"message\":\"up\"}");
	/* whole seconds, and more of them than "%5llu" is wide */
	format_log(line, sizeof(line), OUT_TEXT, 1000000, "tap0", 6, "up");
	ck_assert_str_eq(line, "[    1.000000] tap0: up");
	format_log(line, sizeof(line), OUT_TEXT, 123456999999, "tap0", 6, "up");
	ck_assert_str_eq(line, "[123456.999999] tap0: up");
	format_log(line, sizeof(line), OUT_JSON, 1000000, "tap0", 6, "up");
	ck_assert_str_eq(line, "{\"time\":1.000000,\"ifname\":\"tap0\",\"priority\":6,\"message\":\"up\"}");
	format_log(line, sizeof(line), OUT_JSON, 123456999999, "tap0", 6, "up");
	ck_assert_str_eq(line, "{\"time\":123456.999999,\"ifname\":\"tap0\",\"priority\":6,\"message\":\"up\"}");
	/* a name that is not UTF-8 has its bytes in "ifname_hex" */
	format_log(line, sizeof(line), OUT_JSON, 1, "tr\xff", 7, "x");
	ck_assert_str_eq(line, "{\"time\":0.000001,\"ifname\":\"tr\\ufffd\",\"ifname_hex\":\"7472ff\",\"priority\":7,\"message\":\"x\"}");
}
END_TEST

static Suite *format_suite(void)
{
	Suite *s = suite_create("format");
	TCase *tc = tcase_create("format");

	tcase_add_loop_test(tc, test_state, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_json_escape);
	tcase_add_test(tc, test_json_every_control);
	tcase_add_test(tc, test_json_not_utf8);
	tcase_add_test(tc, test_text_escape);
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_kernel_names);
	tcase_add_test(tc, test_worst_case_fits);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_event);
	tcase_add_test(tc, test_log);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(format_suite)
