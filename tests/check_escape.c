// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for escape.c: the UTF-8 check, the escapes of names and
 * words for a terminal, and reading IFACE words back; and ascii.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <check.h>

#include "ascii.h"
#include "check_main.h"
#include "escape.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *raw;
	const char *escaped;
	bool utf8;
} cases[] = {
	{ "eth0", "eth0", true },
	{ "", "", true },
	{ "\x1b[31mred", "\\x1b[31mred", true },
	{ "a\x01\x1f\x7f", "a\\x01\\x1f\\x7f", true },
	{ "tab\there\nnl\r", "tab\\x09here\\x0anl\\x0d", true },
	{ "back\\slash", "back\\\\slash", true },
	{ "caf\xc3\xa9", "caf\xc3\xa9", true },
	{ "\xf0\x9f\x90\xa7", "\xf0\x9f\x90\xa7", true },
	/* C1 controls: UTF-8, but a terminal may act on them */
	{ "\xc2\x9b" "1m", "\\xc2\\x9b1m", true },
	{ "\xc2\xa0", "\xc2\xa0", true },
	/* shown as nothing, or reordering the line: each edge of each range */
	{ "tap\xe2\x80\xae" "0", "tap\\xe2\\x80\\xae0", true },	/* U+202E */
	{ "\xe2\x80\x8a", "\xe2\x80\x8a", true },		/* U+200A */
	{ "\xe2\x80\x8b", "\\xe2\\x80\\x8b", true },	/* U+200B */
	{ "\xe2\x80\x8f", "\\xe2\\x80\\x8f", true },	/* U+200F */
	{ "\xe2\x80\x90", "\xe2\x80\x90", true },		/* U+2010 */
	{ "\xe2\x80\xa7", "\xe2\x80\xa7", true },		/* U+2027 */
	{ "\xe2\x80\xa8", "\\xe2\\x80\\xa8", true },	/* U+2028 */
	{ "\xe2\x80\xaf", "\xe2\x80\xaf", true },		/* U+202F */
	{ "\xe2\x81\x9f", "\xe2\x81\x9f", true },		/* U+205F */
	{ "\xe2\x81\xa0", "\\xe2\\x81\\xa0", true },	/* U+2060 */
	{ "\xe2\x81\xaf", "\\xe2\\x81\\xaf", true },	/* U+206F */
	{ "\xe2\x81\xb0", "\xe2\x81\xb0", true },		/* U+2070 */
	{ "\xef\xbb\xbf" "a", "\\xef\\xbb\\xbfa", true },	/* U+FEFF */
	{ "\xc2\xad", "\\xc2\\xad", true },		/* U+00AD */
	{ "\xd8\x9c", "\\xd8\\x9c", true },		/* U+061C */
	{ "\xe1\xa0\x8e", "\\xe1\\xa0\\x8e", true },	/* U+180E */
	/* the rest of Unicode's Default_Ignorable_Code_Point: each edge */
	{ "\xcd\x8e", "\xcd\x8e", true },		/* U+034E */
	{ "\xcd\x8f", "\\xcd\\x8f", true },	/* U+034F */
	{ "\xcd\x90", "\xcd\x90", true },		/* U+0350 */
	{ "\xe1\x85\x9e", "\xe1\x85\x9e", true },		/* U+115E */
	{ "\xe1\x85\x9f", "\\xe1\\x85\\x9f", true },	/* U+115F */
	{ "\xe1\x85\xa0", "\\xe1\\x85\\xa0", true },	/* U+1160 */
	{ "\xe1\x85\xa1", "\xe1\x85\xa1", true },		/* U+1161 */
	{ "\xe1\x9e\xb3", "\xe1\x9e\xb3", true },		/* U+17B3 */
	{ "\xe1\x9e\xb4", "\\xe1\\x9e\\xb4", true },	/* U+17B4 */
	{ "\xe1\x9e\xb5", "\\xe1\\x9e\\xb5", true },	/* U+17B5 */
	{ "\xe1\x9e\xb6", "\xe1\x9e\xb6", true },		/* U+17B6 */
	{ "\xe1\xa0\x8a", "\xe1\xa0\x8a", true },		/* U+180A */
	{ "\xe1\xa0\x8b", "\\xe1\\xa0\\x8b", true },	/* U+180B */
	{ "\xe1\xa0\x8f", "\\xe1\\xa0\\x8f", true },	/* U+180F */
	{ "\xe1\xa0\x90", "\xe1\xa0\x90", true },		/* U+1810 */
	{ "\xe3\x85\xa3", "\xe3\x85\xa3", true },		/* U+3163 */
	{ "\xe3\x85\xa4", "\\xe3\\x85\\xa4", true },	/* U+3164 */
	{ "\xe3\x85\xa5", "\xe3\x85\xa5", true },		/* U+3165 */
	{ "\xef\xb7\xbf", "\xef\xb7\xbf", true },		/* U+FDFF */
	{ "\xef\xb8\x80", "\\xef\\xb8\\x80", true },	/* U+FE00 */
	{ "\xef\xb8\x8f", "\\xef\\xb8\\x8f", true },	/* U+FE0F */
	{ "\xef\xb8\x90", "\xef\xb8\x90", true },		/* U+FE10 */
	{ "\xef\xbe\x9f", "\xef\xbe\x9f", true },		/* U+FF9F */
	{ "\xef\xbe\xa0", "\\xef\\xbe\\xa0", true },	/* U+FFA0 */
	{ "\xef\xbe\xa1", "\xef\xbe\xa1", true },		/* U+FFA1 */
	{ "\xef\xbf\xaf", "\xef\xbf\xaf", true },		/* U+FFEF */
	{ "\xef\xbf\xb0", "\\xef\\xbf\\xb0", true },	/* U+FFF0 */
	{ "\xef\xbf\xb8", "\\xef\\xbf\\xb8", true },	/* U+FFF8 */
	{ "\xef\xbf\xb9", "\xef\xbf\xb9", true },		/* U+FFF9 */
	{ "\xf0\x9b\xb2\x9f", "\xf0\x9b\xb2\x9f", true },		/* U+1BC9F */
	{ "\xf0\x9b\xb2\xa0", "\\xf0\\x9b\\xb2\\xa0", true },	/* U+1BCA0 */
	{ "\xf0\x9b\xb2\xa3", "\\xf0\\x9b\\xb2\\xa3", true },	/* U+1BCA3 */
	{ "\xf0\x9b\xb2\xa4", "\xf0\x9b\xb2\xa4", true },		/* U+1BCA4 */
	{ "\xf0\x9d\x85\xb2", "\xf0\x9d\x85\xb2", true },		/* U+1D172 */
	{ "\xf0\x9d\x85\xb3", "\\xf0\\x9d\\x85\\xb3", true },	/* U+1D173 */
	{ "\xf0\x9d\x85\xba", "\\xf0\\x9d\\x85\\xba", true },	/* U+1D17A */
	{ "\xf0\x9d\x85\xbb", "\xf0\x9d\x85\xbb", true },		/* U+1D17B */
	{ "\xf3\x9f\xbf\xbf", "\xf3\x9f\xbf\xbf", true },		/* U+DFFFF */
	{ "\xf3\xa0\x80\x80", "\\xf3\\xa0\\x80\\x80", true },	/* U+E0000 */
	{ "\xf3\xa0\x81\x81", "\\xf3\\xa0\\x81\\x81", true },	/* U+E0041 */
	{ "\xf3\xa0\xbf\xbf", "\\xf3\\xa0\\xbf\\xbf", true },	/* U+E0FFF */
	{ "\xf3\xa1\x80\x80", "\xf3\xa1\x80\x80", true },		/* U+E1000 */
	/* not UTF-8: every byte */
	{ "\xff\xfe", "\\xff\\xfe", false },
	{ "\x9b", "\\x9b", false },
	{ "a\xe2\x82", "a\\xe2\\x82", false },
	{ "\xc0\xaf", "\\xc0\\xaf", false },
	/* overlong three- and four-byte forms: '/', U+07FF, U+FFFF */
	{ "\xe0\x80\xaf", "\\xe0\\x80\\xaf", false },
	{ "\xe0\x9f\xbf", "\\xe0\\x9f\\xbf", false },
	{ "\xf0\x8f\xbf\xbf", "\\xf0\\x8f\\xbf\\xbf", false },
	{ "\xed\xa0\x80", "\\xed\\xa0\\x80", false },
	/* the surrogates' edges: U+D7FF and U+E000 are text, U+DFFF not */
	{ "\xed\x9f\xbf", "\xed\x9f\xbf", true },
	{ "\xed\xbf\xbf", "\\xed\\xbf\\xbf", false },
	{ "\xee\x80\x80", "\xee\x80\x80", true },
	/* a continuation byte is 10xxxxxx: 0xc3 cannot be one */
	{ "\xc3\xc3\xa9", "\\xc3\xc3\xa9", false },
	/* a stray continuation byte after a character is still no text */
	{ "\xc3\xa9\x80", "\xc3\xa9\\x80", false },
	{ "\xe2\x82\xac\xbf", "\xe2\x82\xac\\xbf", false },
	{ "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80", false },
	/* U+10FFFF, the last code point, is text: 0xf4 still leads one */
	{ "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", true },
	{ "\xf8\x88\x80\x80\x80", "\\xf8\\x88\\x80\\x80\\x80", false },
	/*
	 * the lead bytes' edges: 0xdf ends the two-byte ones, 0xe0 starts
	 * the three-byte ones (U+0800 is text), and 0xf5 to 0xff start no
	 * character, not even where their bits would be below U+10FFFF
	 */
	{ "\xe0\xa0\x80", "\xe0\xa0\x80", true },		/* U+0800 */
	{ "\xdf\xbf", "\xdf\xbf", true },			/* U+07FF */
	{ "\xf9\x80\x80\x80", "\\xf9\\x80\\x80\\x80", false },
	{ "\xfc\x80\x80\x80", "\\xfc\\x80\\x80\\x80", false },
};

START_TEST(test_escape)
{
	char buf[128], copy[128];
	size_t n;

	n = escape_text(buf, sizeof(buf), cases[_i].raw);
	ck_assert_str_eq(buf, cases[_i].escaped);
	ck_assert_uint_eq(n, strlen(cases[_i].escaped));
	ck_assert_uint_le(n, ESCAPED_MAX(strlen(cases[_i].raw)) - 1);
	ck_assert_int_eq(utf8_valid(cases[_i].raw), cases[_i].utf8);
	/* what is printed reads back as the same bytes */
	strcpy(copy, buf);
	ck_assert(unescape_word(copy));
	ck_assert_str_eq(copy, cases[_i].raw);
	/* no control byte is left */
	for (n = 0; buf[n]; n++)
		ck_assert((unsigned char)buf[n] >= 0x20 && buf[n] != 0x7f);
}
END_TEST

/* utf8_seq() reads at most @n bytes: a sequence cut there is none. */
START_TEST(test_utf8_seq_bound)
{
	const unsigned char euro[] = "\xe2\x82\xac";
	const unsigned char penguin[] = "\xf0\x9f\x90\xa7";
	uint32_t cp = 0;

	ck_assert_uint_eq(utf8_seq(euro, 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x20ac);
	ck_assert_uint_eq(utf8_seq(euro, 2, &cp), 0);
	ck_assert_uint_eq(utf8_seq(penguin, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1f427);
	ck_assert_uint_eq(utf8_seq(penguin, 3, &cp), 0);
	ck_assert_uint_eq(utf8_seq(penguin, 0, &cp), 0);
}
END_TEST

START_TEST(test_escape_cut)
{
	char small[6];
	size_t n;

	memset(small, 'X', sizeof(small));
	n = escape_text(small, sizeof(small), "\x1b\x1b");
	ck_assert_uint_eq(n, 8);
	ck_assert_str_eq(small, "\\x1b\\");
	ck_assert_uint_eq(escape_text(NULL, 0, "\xff"), 4);
}
END_TEST

/* Every byte but NUL, escaped or not, reads back. */
START_TEST(test_every_byte)
{
	char raw[2] = { 0 }, buf[16];
	int c;

	for (c = 1; c < 256; c++) {
		raw[0] = (char)c;
		escape_text(buf, sizeof(buf), raw);
		ck_assert(unescape_word(buf));
		ck_assert_str_eq(buf, raw);
		snprintf(buf, sizeof(buf), "\\x%02x", c);
		ck_assert(unescape_word(buf));
		ck_assert_str_eq(buf, raw);
		snprintf(buf, sizeof(buf), "\\x%02X", c);
		ck_assert(unescape_word(buf));
		ck_assert_str_eq(buf, raw);
	}
}
END_TEST

START_TEST(test_unescape)
{
	static const struct {
		const char *in, *out;
	} good[] = {
		{ "tap0", "tap0" },
		{ "a\\\\b", "a\\b" },
		{ "\\-dash", "-dash" },
		{ "\\#x", "#x" },
		{ "\\*\\?\\[", "*?[" },
		{ "\\x41\\x4a", "AJ" },
		{ "\\x1b[0m", "\x1b[0m" },
		{ "\\xffx", "\xffx" },
	};
	static const char *const bad[] = {
		"a\\", "\\x", "\\x4", "\\x4g", "\\xg4", "\\x00", "ok\\x0",
	};
	char buf[32];
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		strcpy(buf, good[i].in);
		ck_assert_msg(unescape_word(buf), "%s", good[i].in);
		ck_assert_str_eq(buf, good[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strcpy(buf, bad[i]);
		ck_assert_msg(!unescape_word(buf), "%s", bad[i]);
		/* left as it was, for the message */
		ck_assert_str_eq(buf, bad[i]);
	}
}
END_TEST

/*
 * ascii.h against <ctype.h> and string.h of the C locale (a test never
 * calls setlocale()): every byte, and spans over bytes of both halves.
 */
START_TEST(test_ascii_as_libc)
{
	static const char *const strs[] = {
		"", "a", "  x", "+-+5", "tap0 +link", "\xff\x80zz", "\t\n\v\f\r z",
		"0123456789x", "ÿ€,link", "A:b/c",
	};
	static const char *const sets[] = {
		"", " ", "+-", "0123456789", "/: \t\n\v\f\r", ",\xff", "\x80",
	};
	static const char *const words[] = {
		"link", "LINK", "Link", "lin", "links", "", "RX_ERR", "rx_err",
		"l\xc9nk", "l\xe9nk", "msg_", "MSG_link",
	};
	size_t i, j, n;
	int c;

	for (c = 0; c < 256; c++) {
		ck_assert_msg(ascii_isdigit(c) == !!isdigit(c), "%d", c);
		ck_assert_msg(ascii_isalpha(c) == !!isalpha(c), "%d", c);
		ck_assert_msg(ascii_isalnum(c) == !!isalnum(c), "%d", c);
		ck_assert_msg(ascii_isxdigit(c) == !!isxdigit(c), "%d", c);
		ck_assert_msg(ascii_isspace(c) == !!isspace(c), "%d", c);
		ck_assert_int_eq(ascii_tolower(c), tolower(c));
	}
	for (i = 0; i < ARRAY_SIZE(strs); i++) {
		for (j = 0; j < ARRAY_SIZE(sets); j++) {
			ck_assert_uint_eq(str_span(strs[i], sets[j]),
					  strspn(strs[i], sets[j]));
			ck_assert_uint_eq(str_cspan(strs[i], sets[j]),
					  strcspn(strs[i], sets[j]));
		}
	}
	for (i = 0; i < ARRAY_SIZE(words); i++)
		for (j = 0; j < ARRAY_SIZE(words); j++)
			for (n = 0; n <= 9; n++)
				ck_assert_msg(ascii_caseeq(words[i], words[j], n) ==
					      !strncasecmp(words[i], words[j], n),
					      "'%s' '%s' %zu", words[i], words[j], n);
}
END_TEST

static Suite *escape_suite(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");

	tcase_add_loop_test(tc, test_escape, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_utf8_seq_bound);
	tcase_add_test(tc, test_escape_cut);
	tcase_add_test(tc, test_every_byte);
	tcase_add_test(tc, test_unescape);
	tcase_add_test(tc, test_ascii_as_libc);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(escape_suite)
