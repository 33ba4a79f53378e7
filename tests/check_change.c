/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for CHANGE words and how they combine. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MAXWORDS	6

/* Every bit the change writes: for a relative change on|off, else all. */
static uint32_t touched(const struct change *c)
{
	return c->has_abs ? UINT32_MAX : c->on | c->off;
}

/*
 * One command line's CHANGE words and what they must do to two old masks
 * (0 and 0xffffffff tell "kept" from "set" apart for every bit).
 */
static const struct {
	const char *words[MAXWORDS];
	bool relative;
	uint32_t from_zero;
	uint32_t from_ones;
	uint32_t touched;
} ok_cases[] = {
	/* absolute words: the OR of them, the old mask is gone */
	{ { "link" },			false, 0x4, 0x4, 0xffffffff },
	{ { "LINK" },			false, 0x4, 0x4, 0xffffffff },
	{ { "NETIF_MSG_LINK" },		false, 0x4, 0x4, 0xffffffff },
	{ { "msg_link" },		false, 0x4, 0x4, 0xffffffff },
	{ { "drv", "probe", "link" },	false, 0x7, 0x7, 0xffffffff },
	{ { "drv,probe,link" },		false, 0x7, 0x7, 0xffffffff },
	{ { "0x1f" },			false, 0x1f, 0x1f, 0xffffffff },
	{ { "31" },			false, 0x1f, 0x1f, 0xffffffff },
	{ { "0x10", "link" },		false, 0x14, 0x14, 0xffffffff },
	{ { "bit20" },			false, 0x100000, 0x100000, 0xffffffff },
	{ { "bit31,bit0" },		false, 0x80000001, 0x80000001, 0xffffffff },
	{ { "all" },			false, 0x7fff, 0x7fff, 0xffffffff },
	{ { "ALL" },			false, 0x7fff, 0x7fff, 0xffffffff },
	{ { "none" },			false, 0, 0, 0xffffffff },
	{ { "None" },			false, 0, 0, 0xffffffff },
	{ { "0" },			false, 0, 0, 0xffffffff },
	{ { "none", "link" },		false, 0x4, 0x4, 0xffffffff },
	{ { "link", "none" },		false, 0x4, 0x4, 0xffffffff },
	{ { "0xffffffff" },		false, 0xffffffff, 0xffffffff, 0xffffffff },
	{ { "4294967295" },		false, 0xffffffff, 0xffffffff, 0xffffffff },
	{ { "all", "bit20" },		false, 0x107fff, 0x107fff, 0xffffffff },
	/* bitN and numbers in any case, names with any prefix */
	{ { "BIT3" },			false, 0x8, 0x8, 0xffffffff },
	{ { "netif_msg_bit3" },		false, 0x8, 0x8, 0xffffffff },
	{ { "0X1F" },			false, 0x1f, 0x1f, 0xffffffff },
	{ { "0x0" },			false, 0, 0, 0xffffffff },
	{ { "0x0000000000000001" },	false, 0x1, 0x1, 0xffffffff },
	{ { "bit31", "0x7fffffff" },	false, 0xffffffff, 0xffffffff,
					0xffffffff },
	/* a word or item given twice is given once */
	{ { "link", "link" },		false, 0x4, 0x4, 0xffffffff },
	{ { "link,LINK,netif_msg_link" }, false, 0x4, 0x4, 0xffffffff },
	{ { "none", "none" },		false, 0, 0, 0xffffffff },
	{ { "all", "all" },		false, 0x7fff, 0x7fff, 0xffffffff },
	/* blanks inside a word separate words: "$(netifmsg -N eth0)" */
	{ { "drv link" },		false, 0x5, 0x5, 0xffffffff },
	{ { " drv\tlink\n" },		false, 0x5, 0x5, 0xffffffff },
	{ { "drv +timer -drv" },	false, 0x8, 0x8, 0xffffffff },
	{ { "+link -rx_err" },		true, 0x4, 0xffffffbf, 0x44 },
	{ { "0x5/0xf +hw" },		true, 0x2005, 0xfffffff5, 0x200f },
	/* relative words alone: on top of the old mask */
	{ { "+link" },			true, 0x4, 0xffffffff, 0x4 },
	{ { "-link" },			true, 0, 0xfffffffb, 0x4 },
	{ { "+link", "-rx_err" },	true, 0x4, 0xffffffbf, 0x44 },
	{ { "+link,-rx_err" },		true, 0x4, 0xffffffbf, 0x44 },
	{ { "+NETIF_MSG_LINK,-Msg_Rx_Err" }, true, 0x4, 0xffffffbf, 0x44 },
	{ { "+bit31" },			true, 0x80000000, 0xffffffff, 0x80000000 },
	{ { "-bit31" },			true, 0, 0x7fffffff, 0x80000000 },
	{ { "+all" },			true, 0x7fff, 0xffffffff, 0x7fff },
	{ { "-all" },			true, 0, 0xffff8000, 0x7fff },
	{ { "-all", "+link" },		true, 0x4, 0xffff8004, 0x7fff },
	{ { "+all,-hw,-wol" },		true, 0x1fff, 0xffff9fff, 0x7fff },
	{ { "+link", "+link" },		true, 0x4, 0xffffffff, 0x4 },
	{ { "-Netif_Msg_Link,-MSG_TIMER" }, true, 0, 0xfffffff3, 0xc },
	{ { "+BIT31,-Bit0" },		true, 0x80000000, 0xfffffffe,
					0x80000001 },
	/* the later +/- wins for the same bit */
	{ { "+link", "-link" },		true, 0, 0xfffffffb, 0x4 },
	{ { "-link", "+link" },		true, 0x4, 0xffffffff, 0x4 },
	{ { "+link,-link,+link" },	true, 0x4, 0xffffffff, 0x4 },
	{ { "+all", "-link" },		true, 0x7ffb, 0xfffffffb, 0x7fff },
	{ { "-link", "+all" },		true, 0x7fff, 0xffffffff, 0x7fff },
	/* +/- on top of absolute words, whatever their order */
	{ { "0x1f", "-link" },		false, 0x1b, 0x1b, 0xffffffff },
	{ { "-link", "0x1f" },		false, 0x1b, 0x1b, 0xffffffff },
	{ { "link", "-link" },		false, 0, 0, 0xffffffff },
	{ { "none", "+wol" },		false, 0x4000, 0x4000, 0xffffffff },
	{ { "all", "-hw,-wol" },	false, 0x1fff, 0x1fff, 0xffffffff },
	{ { "drv,+link", "timer" },	false, 0xd, 0xd, 0xffffffff },
	{ { "0x3", "+bit31", "-drv" },	false, 0x80000002, 0x80000002,
					0xffffffff },
	/* VALUE/MASK: the bits of MASK become those of VALUE */
	{ { "0x5/0xf" },		true, 0x5, 0xfffffff5, 0xf },
	{ { "5/15" },			true, 0x5, 0xfffffff5, 0xf },
	{ { "0X5/0XF" },		true, 0x5, 0xfffffff5, 0xf },
	{ { "0/0xf" },			true, 0, 0xfffffff0, 0xf },
	{ { "0xf/0xf" },		true, 0xf, 0xffffffff, 0xf },
	{ { "0/1" },			true, 0, 0xfffffffe, 0x1 },
	{ { "link,timer/link,timer,ifup" }, true, 0xc, 0xffffffdf, 0x2c },
	{ { "LINK/NETIF_MSG_LINK,msg_timer" }, true, 0x4, 0xfffffff7, 0xc },
	{ { "0x4/link,0x8" },		true, 0x4, 0xfffffff7, 0xc },
	{ { "link/0xc" },		true, 0x4, 0xfffffff7, 0xc },
	{ { "none/link" },		true, 0, 0xfffffffb, 0x4 },
	{ { "none/all" },		true, 0, 0xffff8000, 0x7fff },
	{ { "all/all" },		true, 0x7fff, 0xffffffff, 0x7fff },
	{ { "0/all,none" },		true, 0, 0xffff8000, 0x7fff },
	/* bits past the kernel's 15, and the whole 32-bit range */
	{ { "0/0x8000" },		true, 0, 0xffff7fff, 0x8000 },
	{ { "bit20/bit20,bit31" },	true, 0x100000, 0x7fffffff, 0x80100000 },
	{ { "0x80000000/0xffffffff" },	true, 0x80000000, 0x80000000,
					0xffffffff },
	{ { "0/0xffffffff" },		true, 0, 0, 0xffffffff },
	{ { "0xffffffff/0xffffffff" },	true, 0xffffffff, 0xffffffff,
					0xffffffff },
	{ { "4294967295/4294967295" },	true, 0xffffffff, 0xffffffff,
					0xffffffff },
	/* VALUE/MASK among +/- words: the later word wins for a bit */
	{ { "+link", "0/0xf" },		true, 0, 0xfffffff0, 0xf },
	{ { "0/0xf", "+link" },		true, 0x4, 0xfffffff4, 0xf },
	{ { "-drv", "0x5/0xf" },	true, 0x5, 0xfffffff5, 0xf },
	{ { "0x5/0xf", "-drv" },	true, 0x4, 0xfffffff4, 0xf },
	{ { "+wol", "0x5/0xf" },	true, 0x4005, 0xfffffff5, 0x400f },
	{ { "0x5/0xf", "+wol,-hw" },	true, 0x4005, 0xffffdff5, 0x600f },
	{ { "+link,-drv", "0x1/0x1" },	true, 0x5, 0xffffffff, 0x5 },
	{ { "0x1/0x1", "+link,-drv" },	true, 0x4, 0xfffffffe, 0x5 },
	{ { "0x5/0xf", "0xa/0xa" },	true, 0xf, 0xffffffff, 0xf },
	{ { "0xa/0xf", "0/0x3" },	true, 0x8, 0xfffffff8, 0xf },
	{ { "0/0x3", "0xa/0xf" },	true, 0xa, 0xfffffffa, 0xf },
	{ { "-all", "0x5/0xf" },	true, 0x5, 0xffff8005, 0x7fff },
	{ { "0x5/0xf", "+bit31" },	true, 0x80000005, 0xfffffff5,
					0x8000000f },
	{ { "+bit31", "0/bit31,bit30" }, true, 0, 0x3fffffff, 0xc0000000 },
	/* ... and on top of absolute words, whatever their order */
	{ { "0x1f", "0/0x3" },		false, 0x1c, 0x1c, 0xffffffff },
	{ { "0/0x3", "0x1f" },		false, 0x1c, 0x1c, 0xffffffff },
	{ { "none", "0x5/0xf" },	false, 0x5, 0x5, 0xffffffff },
	{ { "link", "0x10/0x30" },	false, 0x14, 0x14, 0xffffffff },
	{ { "all", "0/hw,wol" },	false, 0x1fff, 0x1fff, 0xffffffff },
	{ { "0x5/0xf", "bit20", "-drv" }, false, 0x100004, 0x100004,
					0xffffffff },
};

static struct change parse_ok(const char *const *words)
{
	struct change c;
	struct change_err err;
	unsigned int i;

	change_init(&c);
	for (i = 0; i < MAXWORDS && words[i]; i++) {
		bool ok = change_add_word(&c, NULL, words[i], NULL, &err);

		ck_assert_msg(ok, "'%s' refused: %s '%s'", words[i],
			      change_strerror(err.code), err.item);
		ck_assert_int_eq(err.code, CHANGE_OK);
	}
	return c;
}

START_TEST(test_ok)
{
	struct change c = parse_ok(ok_cases[_i].words);

	ck_assert_int_eq(change_is_relative(&c), ok_cases[_i].relative);
	ck_assert_int_eq(c.has_rel, c.on || c.off);
	ck_assert_uint_eq(change_apply(&c, 0), ok_cases[_i].from_zero);
	ck_assert_uint_eq(change_apply(&c, 0xffffffff),
			  ok_cases[_i].from_ones);
	ck_assert_uint_eq(touched(&c), ok_cases[_i].touched);
	/* on and off never share a bit: one of them won */
	ck_assert_uint_eq(c.on & c.off, 0);
}
END_TEST

START_TEST(test_fields)
{
	static const char *const w1[] = { "0x10", "link", "+drv", "-timer",
					  NULL };
	static const char *const w2[] = { "+probe,-intr", NULL };
	struct change c;

	c = parse_ok(w1);
	ck_assert(c.has_abs);
	ck_assert(c.has_rel);
	ck_assert_uint_eq(c.abs, 0x14);
	ck_assert_uint_eq(c.on, 0x1);
	ck_assert_uint_eq(c.off, 0x8);
	ck_assert_uint_eq(change_apply(&c, 0x1234), 0x15);

	c = parse_ok(w2);
	ck_assert(!c.has_abs);
	ck_assert(c.has_rel);
	ck_assert_uint_eq(c.abs, 0);
	ck_assert_uint_eq(c.on, 0x2);
	ck_assert_uint_eq(c.off, 0x200);
	ck_assert_uint_eq(change_apply(&c, 0x0201), 0x3);
	ck_assert_uint_eq(change_apply(&c, 0x1000), 0x1002);
	ck_assert_uint_eq(touched(&c), 0x202);
}
END_TEST

START_TEST(test_empty_change)
{
	struct change c;

	change_init(&c);
	ck_assert(change_is_relative(&c));
	ck_assert_uint_eq(change_apply(&c, 0x1234), 0x1234);
	ck_assert_uint_eq(touched(&c), 0);
}
END_TEST

static const struct {
	const char *word;
	enum change_error code;
	const char *item;
	const char *suggestion;	/* for CHANGE_UNKNOWN */
} err_cases[] = {
	{ "",			CHANGE_EMPTY,		"",	NULL },
	{ "link,,probe",	CHANGE_EMPTY,		"",	NULL },
	{ ",link",		CHANGE_EMPTY,		"",	NULL },
	{ "link,",		CHANGE_EMPTY,		"",	NULL },
	{ ",",			CHANGE_EMPTY,		"",	NULL },
	{ "+",			CHANGE_EMPTY,		"+",	NULL },
	{ "-",			CHANGE_EMPTY,		"-",	NULL },
	{ "+link,-",		CHANGE_EMPTY,		"-",	NULL },
	/* signs only: no name, not an unknown class named "-" */
	{ "+-",			CHANGE_EMPTY,		"+-",	NULL },
	{ "--",			CHANGE_EMPTY,		"--",	NULL },
	{ "link,-+",		CHANGE_EMPTY,		"-+",	NULL },
	{ "+++",		CHANGE_EMPTY,		"+++",	NULL },
	/* a comma next to a blank leaves an empty item */
	{ "drv, probe",		CHANGE_EMPTY,		"",	NULL },
	{ "drv ,probe",		CHANGE_EMPTY,		"",	NULL },
	{ "link,/0xf",		CHANGE_EMPTY,		"",	NULL },
	{ "0x5/,0xf",		CHANGE_EMPTY,		"",	NULL },
	/* on/off are words of their own, never items of one */
	{ "link on",		CHANGE_UNKNOWN,		"on",	NULL },
	{ "link,off",		CHANGE_UNKNOWN,		"off",	NULL },
	/* a decimal number has no leading 0, whatever follows */
	{ "00",			CHANGE_BAD_NUMBER,	"00",	NULL },
	{ "0010",		CHANGE_BAD_NUMBER,	"0010",	NULL },
	{ "09",			CHANGE_BAD_NUMBER,	"09",	NULL },
	{ "-01",		CHANGE_REL_NUMBER,	"-01",	NULL },
	/* "all" and "none" take no prefix, bitN no sign inside */
	{ "netif_msg_all",	CHANGE_UNKNOWN,		"netif_msg_all", NULL },
	{ "msg_none",		CHANGE_UNKNOWN,		"msg_none", NULL },
	{ "bit-1",		CHANGE_UNKNOWN,		"bit-1", NULL },
	{ "bit+1",		CHANGE_UNKNOWN,		"bit+1", NULL },
	{ "likn",		CHANGE_UNKNOWN,		"likn",	"link" },
	{ "+likn",		CHANGE_UNKNOWN,		"likn", "link" },
	{ "-rxerr",		CHANGE_UNKNOWN,		"rxerr", "rx_err" },
	{ "link,rxerr,probe",	CHANGE_UNKNOWN,		"rxerr", "rx_err" },
	{ "NETIF_MSG_LIKN",	CHANGE_UNKNOWN,		"NETIF_MSG_LIKN", "link" },
	{ "xyzzy",		CHANGE_UNKNOWN,		"xyzzy", NULL },
	{ "++link",		CHANGE_UNKNOWN,		"+link", "link" },
	{ "+-link",		CHANGE_UNKNOWN,		"-link", "link" },
	{ "-jv",		CHANGE_UNKNOWN,		"jv",	NULL },
	{ "bit32",		CHANGE_UNKNOWN,		"bit32", NULL },
	{ "+bit32",		CHANGE_UNKNOWN,		"bit32", NULL },
	{ "bit01",		CHANGE_UNKNOWN,		"bit01", NULL },
	{ "bit",		CHANGE_UNKNOWN,		"bit",	NULL },
	/* blanks separate words; each word is still checked */
	{ "link likn",		CHANGE_UNKNOWN,		"likn",	"link" },
	{ "link  0x",		CHANGE_BAD_NUMBER,	"0x",	NULL },
	{ " \t ",		CHANGE_EMPTY,		"",	NULL },
	{ "msg_all",		CHANGE_UNKNOWN,		"msg_all", NULL },
	{ "0x",			CHANGE_BAD_NUMBER,	"0x",	NULL },
	{ "0xzz",		CHANGE_BAD_NUMBER,	"0xzz",	NULL },
	{ "12ab",		CHANGE_BAD_NUMBER,	"12ab",	NULL },
	{ "010",		CHANGE_BAD_NUMBER,	"010",	NULL },
	{ "link,0x",		CHANGE_BAD_NUMBER,	"0x",	NULL },
	{ "0x1ffffffff",	CHANGE_RANGE,		"0x1ffffffff", NULL },
	{ "4294967296",		CHANGE_RANGE,		"4294967296", NULL },
	{ "0x100000000",	CHANGE_RANGE,		"0x100000000", NULL },
	{ "99999999999999999999999", CHANGE_RANGE,	"99999999999999999999999",
								NULL },
	{ "+3",			CHANGE_REL_NUMBER,	"+3",	NULL },
	{ "-0x10",		CHANGE_REL_NUMBER,	"-0x10", NULL },
	{ "-1",			CHANGE_REL_NUMBER,	"-1",	NULL },
	{ "+12ab",		CHANGE_REL_NUMBER,	"+12ab", NULL },
	{ "link,+3",		CHANGE_REL_NUMBER,	"+3",	NULL },
	{ "++5",		CHANGE_REL_NUMBER,	"++5",	NULL },
	{ "link,+-0x4",		CHANGE_REL_NUMBER,	"+-0x4", NULL },
	{ "+none",		CHANGE_REL_NONE,	"+none", NULL },
	{ "-none",		CHANGE_REL_NONE,	"-none", NULL },
	{ "-NONE",		CHANGE_REL_NONE,	"-NONE", NULL },
	/* the first bad item is the one reported */
	{ "likn,0x",		CHANGE_UNKNOWN,		"likn",	"link" },
	{ "0x,likn",		CHANGE_BAD_NUMBER,	"0x",	NULL },
	/* VALUE/MASK: its form, then its items, then value within mask */
	{ "0x5/",		CHANGE_VM_FORM,		"0x5/",	NULL },
	{ "/0xf",		CHANGE_VM_FORM,		"/0xf",	NULL },
	{ "/",			CHANGE_VM_FORM,		"/",	NULL },
	{ "//",			CHANGE_VM_FORM,		"//",	NULL },
	{ "a/b/c",		CHANGE_VM_FORM,		"a/b/c", NULL },
	{ "0x1/0x1/0x1",	CHANGE_VM_FORM,		"0x1/0x1/0x1", NULL },
	{ "0x5/0xf/",		CHANGE_VM_FORM,		"0x5/0xf/", NULL },
	{ "+drv,0x5/0xf",	CHANGE_VM_SIGN,		"+drv,0x5/0xf", NULL },
	{ "0x5/0xf,-drv",	CHANGE_VM_SIGN,		"0x5/0xf,-drv", NULL },
	{ "+0x5/0xf",		CHANGE_VM_SIGN,		"+0x5/0xf", NULL },
	{ "link/+link",		CHANGE_VM_SIGN,		"link/+link", NULL },
	{ "likn,+drv/0xf",	CHANGE_VM_SIGN,		"likn,+drv/0xf", NULL },
	{ "-none/link",		CHANGE_VM_SIGN,		"-none/link", NULL },
	{ "0x15/0xf",		CHANGE_VM_OUTSIDE,	"0x15/0xf", NULL },
	{ "link/timer",		CHANGE_VM_OUTSIDE,	"link/timer", NULL },
	{ "all/0x7ffe",		CHANGE_VM_OUTSIDE,	"all/0x7ffe", NULL },
	{ "0x1/none",		CHANGE_VM_OUTSIDE,	"0x1/none", NULL },
	{ "0x5/0x100000000",	CHANGE_RANGE,		"0x100000000", NULL },
	{ "0x1ffffffff/0xffffffff", CHANGE_RANGE,	"0x1ffffffff", NULL },
	{ "4294967296/0",	CHANGE_RANGE,		"4294967296", NULL },
	{ "0x5/0xfg",		CHANGE_BAD_NUMBER,	"0xfg",	NULL },
	{ "0x/0xf",		CHANGE_BAD_NUMBER,	"0x",	NULL },
	{ "0x5 /0xf",		CHANGE_VM_FORM,		"/0xf",	NULL },
	{ "010/0xf",		CHANGE_BAD_NUMBER,	"010",	NULL },
	{ "likn/link",		CHANGE_UNKNOWN,		"likn",	"link" },
	{ "link/lnik",		CHANGE_UNKNOWN,		"lnik",	"link" },
	{ "likn/0x",		CHANGE_UNKNOWN,		"likn",	"link" },
	{ "link,,timer/0xf",	CHANGE_EMPTY,		"",	NULL },
	{ ",/0xf",		CHANGE_EMPTY,		"",	NULL },
	{ "0x1/0x1,",		CHANGE_EMPTY,		"",	NULL },
};

START_TEST(test_errors)
{
	struct change c;
	struct change_err err;

	change_init(&c);
	ck_assert_msg(!change_add_word(&c, NULL, err_cases[_i].word, NULL, &err),
		      "'%s' accepted", err_cases[_i].word);
	ck_assert_msg(err.code == err_cases[_i].code, "'%s': %s",
		      err_cases[_i].word, change_strerror(err.code));
	ck_assert_str_eq(err.item, err_cases[_i].item);
	if (err_cases[_i].suggestion)
		ck_assert_pstr_eq(err.suggestion, err_cases[_i].suggestion);
	else
		ck_assert_ptr_null(err.suggestion);
	/* a refused word leaves the change as it was */
	ck_assert(!c.has_abs);
	ck_assert(!c.has_rel);
	ck_assert_uint_eq(c.abs | c.on | c.off, 0);
}
END_TEST

/* An error in a later word keeps what the earlier words did, no more. */
START_TEST(test_error_keeps_earlier_words)
{
	struct change c;
	struct change_err err;

	change_init(&c);
	ck_assert(change_add_word(&c, NULL, "+link", NULL, &err));
	ck_assert(!change_add_word(&c, NULL, "drv,+probe,likn", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	ck_assert(!c.has_abs);
	ck_assert_uint_eq(c.on, 0x4);
	ck_assert_uint_eq(c.off, 0);
	ck_assert(change_add_word(&c, NULL, "drv", NULL, NULL));
	ck_assert(!change_add_word(&c, NULL, "", NULL, NULL));
	ck_assert_uint_eq(change_apply(&c, 0xff), 0x5);
}
END_TEST

START_TEST(test_long_item)
{
	char word[200];
	struct change c;
	struct change_err err;

	memset(word, 'q', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	change_init(&c);
	ck_assert(!change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	/* truncated to fit, still terminated */
	ck_assert_uint_eq(strlen(err.item), sizeof(err.item) - 1);
	ck_assert_int_eq(err.item[0], 'q');
	ck_assert_ptr_null(err.suggestion);
}
END_TEST

/* "drv " and then a word of @n bytes: "drv," items, then @last. */
static void long_words(char *buf, size_t n, const char *last)
{
	strcpy(buf, "drv ");
	while (strlen(buf) - 4 + strlen(last) < n)
		strcat(buf, "drv,");
	strcat(buf, last);
	ck_assert_uint_eq(strlen(buf) - 4, n);
}

/*
 * Among blank-separated words, one of 255 bytes, 256 or more is read as
 * it would be alone: no piece is too long to be what it is.
 */
START_TEST(test_long_token)
{
	char word[640], zeros[301];
	struct change c;
	struct change_err err;

	long_words(word, 255, "wol");
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_uint_eq(change_apply(&c, 0), 0x4001);

	long_words(word, 256, "ifup");
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_uint_eq(change_apply(&c, 0), 0x21);

	/* A number with 300 leading zeros; a VALUE/MASK of 607 bytes. */
	memset(zeros, '0', 300);
	zeros[300] = '\0';
	snprintf(word, sizeof(word), "drv 0x%s4", zeros);
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_uint_eq(change_apply(&c, 0), 0x5);
	snprintf(word, sizeof(word), "+drv 0x%s2/0x%s6", zeros, zeros);
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_uint_eq(change_apply(&c, 0x4), 0x3);

	/* What is wrong in a long piece is said as in a short one. */
	snprintf(word, sizeof(word), "+drv 0x%s2/qx%s6", zeros, zeros);
	change_init(&c);
	ck_assert(!change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	ck_assert_int_eq(err.item[0], 'q');
	snprintf(word, sizeof(word), "+drv 0x%s2/0x%s4", zeros, zeros);
	change_init(&c);
	ck_assert(!change_add_word(&c, NULL, word, NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_VM_OUTSIDE);
	ck_assert_uint_eq(err.bits, 0x2);
	ck_assert(!c.has_abs);
}
END_TEST

/* "all" follows the names the kernel reported. */
START_TEST(test_all_with_kernel_names)
{
	struct classnames cn;
	struct change c;

	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	change_init(&c);
	ck_assert(change_add_word(&c, &cn, "all", NULL, NULL));
	ck_assert_uint_eq(change_apply(&c, 0), 0xffff);
	change_init(&c);
	ck_assert(change_add_word(&c, &cn, "-newclass", NULL, NULL));
	ck_assert_uint_eq(change_apply(&c, 0xffff), 0x7fff);
	/* Without that table: the built-in names only. */
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, "all", NULL, NULL));
	ck_assert_uint_eq(change_apply(&c, 0), 0x7fff);
	classnames_init(&cn);
	change_init(&c);
	ck_assert(!change_add_word(&c, &cn, "newclass", NULL, NULL));
	ck_assert(!change_add_word(&c, NULL, "newclass", NULL, NULL));
}
END_TEST

/* A suggestion may come from the kernel's names too. */
START_TEST(test_suggest_kernel_name)
{
	struct classnames cn;
	struct change_err err;
	struct change c;

	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	change_init(&c);
	ck_assert(!change_add_word(&c, &cn, "+newclas", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	ck_assert_str_eq(err.item, "newclas");
	ck_assert_pstr_eq(err.suggestion, "newclass");
	ck_assert(!change_add_word(&c, NULL, "+newclas", NULL, &err));
	ck_assert_ptr_null(err.suggestion);
}
END_TEST

START_TEST(test_strerror)
{
	ck_assert_str_eq(change_strerror(CHANGE_EMPTY), "empty message class");
	ck_assert_str_eq(change_strerror(CHANGE_UNKNOWN),
			 "unknown message class");
	ck_assert_str_eq(change_strerror(CHANGE_BAD_NUMBER), "invalid number");
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_RANGE), "32 bits"));
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_REL_NUMBER),
				     "bitN"));
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_REL_NONE),
				     "none"));
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_VM_FORM),
				     "VALUE/MASK"));
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_VM_SIGN),
				     "VALUE/MASK"));
	ck_assert_ptr_nonnull(strstr(change_strerror(CHANGE_VM_OUTSIDE),
				     "outside the mask"));
	ck_assert_ptr_nonnull(change_strerror(CHANGE_OK));
	ck_assert_ptr_nonnull(change_strerror((enum change_error)99));
}
END_TEST

/* Unknown names counted for a later kernel lookup, the rest checked. */
START_TEST(test_defer_unknown)
{
	struct classnames cn;
	struct change c;
	struct change_err err;
	unsigned int unknown = 0;

	change_init(&c);
	ck_assert(change_add_word(&c, NULL, "+link,+newclass", &unknown, &err));
	ck_assert(change_add_word(&c, NULL, "-other", &unknown, &err));
	ck_assert_uint_eq(unknown, 2);
	ck_assert_uint_eq(c.on, 0x4);
	ck_assert_uint_eq(c.off, 0);
	ck_assert(change_is_relative(&c));
	/* Every other mistake is still an error at once. */
	ck_assert(!change_add_word(&c, NULL, "+newclass,0x", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_BAD_NUMBER);
	ck_assert(!change_add_word(&c, NULL, "+3", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_REL_NUMBER);
	ck_assert(!change_add_word(&c, NULL, "link,,x", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_EMPTY);
	/* A refused word counts nothing. */
	ck_assert_uint_eq(unknown, 2);
	ck_assert_uint_eq(c.on, 0x4);

	/* Without deferring, the first unknown name fails as always. */
	change_init(&c);
	ck_assert(!change_add_word(&c, NULL, "+link,+newclass", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	ck_assert_str_eq(err.item, "newclass");
	ck_assert_uint_eq(c.on, 0);

	/* A name the table given knows is not counted. */
	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	change_init(&c);
	unknown = 0;
	ck_assert(change_add_word(&c, &cn, "+link,+newclass,-other", &unknown,
				  &err));
	ck_assert_uint_eq(unknown, 1);
	ck_assert_uint_eq(c.on, 0x8004);
}
END_TEST

/* The value bits outside the mask are named, the rest are not. */
static const struct {
	const char *word;
	uint32_t bits;
} outside_cases[] = {
	{ "0x15/0xf",		0x10 },
	{ "0x1/none",		0x1 },
	{ "link/timer",		0x4 },
	{ "all/0x7ffe",		0x1 },
	{ "0xffffffff/0xffff",	0xffff0000 },
	{ "bit31,link/link",	0x80000000 },
	{ "0xf0/0",		0xf0 },
};

START_TEST(test_value_outside_mask)
{
	struct change c;
	struct change_err err;

	change_init(&c);
	ck_assert(!change_add_word(&c, NULL, outside_cases[_i].word, NULL,
				   &err));
	ck_assert_int_eq(err.code, CHANGE_VM_OUTSIDE);
	ck_assert_str_eq(err.item, outside_cases[_i].word);
	ck_assert_uint_eq(err.bits, outside_cases[_i].bits);
	ck_assert_ptr_null(err.suggestion);
	/* a good word after it clears what the error said */
	ck_assert(change_add_word(&c, NULL, "0x5/0xf", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_OK);
	ck_assert_uint_eq(err.bits, 0);
}
END_TEST

/* A mask of no bits is a relative change that changes nothing. */
START_TEST(test_value_mask_empty_mask)
{
	static const char *const words[] = { "0/0", "none/none", "0/none",
					     NULL };
	unsigned int i;

	for (i = 0; words[i]; i++) {
		struct change c;

		change_init(&c);
		ck_assert(change_add_word(&c, NULL, words[i], NULL, NULL));
		ck_assert(change_is_relative(&c));
		ck_assert(c.has_rel);
		ck_assert_uint_eq(c.on | c.off, 0);
		ck_assert_uint_eq(change_apply(&c, 0x1234), 0x1234);
	}
}
END_TEST

/* The DEBUG_SET of VALUE/MASK: value and mask as given, never a replace. */
START_TEST(test_value_mask_request)
{
	static const struct {
		const char *words[MAXWORDS];
		uint32_t value, mask, beyond;
		bool replace;
	} t[] = {
		{ { "0x5/0xf" },		0x5, 0xf, 0, false },
		{ { "link,timer/link,timer,ifup" }, 0xc, 0x2c, 0, false },
		{ { "0/0x7fff" },		0, 0x7fff, 0, false },
		{ { "+wol", "0x1/0x3" },	0x4001, 0x4003, 0, false },
		{ { "0/0x8000" },		0, 0x8000, 0x8000, false },
		{ { "bit31/bit31,link" },	0x80000000, 0x80000004,
						0x80000000, false },
		{ { "0/0xffffffff" },		0, 0xffffffff, 0xffff8000,
						false },
		{ { "0/0" },			0, 0, 0, false },
		{ { "0x1f", "0/0x3" },		0x1c, 0xffffffff, 0, true },
		{ { "0x1", "0x8000/0x8000" },	0x8001, 0xffffffff, 0x8000,
						true },
		{ { "0x1", "0/0x8000" },	0x1, 0xffffffff, 0x8000, true },
		{ { "all", "-bit20" },		0x7fff, 0xffffffff, 0x100000,
						true },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		struct change c = parse_ok(t[i].words);
		uint32_t value, mask, beyond;
		bool replace;

		beyond = change_request(&c, 0x7fff, &value, &mask, &replace);
		ck_assert_msg(replace == t[i].replace, "%s", t[i].words[0]);
		ck_assert_uint_eq(value, t[i].value);
		/* a replace writes all 32 bits: --trace restores by the mask */
		ck_assert_uint_eq(mask, t[i].mask);
		ck_assert_uint_eq(beyond, t[i].beyond);
		/* the ioctl sets all 32 bits */
		ck_assert_uint_eq(change_request(&c, UINT32_MAX, &value, &mask,
						 &replace), 0);
	}
}
END_TEST

/* Names the kernel reports may stand on either side of VALUE/MASK. */
START_TEST(test_value_mask_kernel_names)
{
	struct classnames cn;
	struct change c;
	struct change_err err;
	unsigned int unknown = 0;

	/* Deferred: skipped names leave the value check to the real pass. */
	change_init(&c);
	ck_assert(change_add_word(&c, NULL, "bit15/newclass", &unknown, &err));
	ck_assert(change_add_word(&c, NULL, "newclass/newclass,link", &unknown,
				  &err));
	ck_assert_uint_eq(unknown, 3);
	/* ... but not when nothing was skipped, nor for other mistakes */
	ck_assert(!change_add_word(&c, NULL, "bit15/link", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_VM_OUTSIDE);
	ck_assert(!change_add_word(&c, NULL, "newclass/0x", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_BAD_NUMBER);
	ck_assert(!change_add_word(&c, NULL, "newclass/", &unknown, &err));
	ck_assert_int_eq(err.code, CHANGE_VM_FORM);
	ck_assert_uint_eq(unknown, 3);

	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	change_init(&c);
	ck_assert(change_add_word(&c, &cn, "bit15/newclass", NULL, &err));
	ck_assert(change_add_word(&c, &cn, "0/link", NULL, &err));
	ck_assert_uint_eq(c.on, 0x8000);
	ck_assert_uint_eq(c.off, 0x4);
	ck_assert(!change_add_word(&c, &cn, "newclass/link", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_VM_OUTSIDE);
	ck_assert_uint_eq(err.bits, 0x8000);
	ck_assert(!change_add_word(&c, &cn, "link/newclas", NULL, &err));
	ck_assert_int_eq(err.code, CHANGE_UNKNOWN);
	ck_assert_str_eq(err.item, "newclas");
	ck_assert_pstr_eq(err.suggestion, "newclass");
	/* "all" follows the kernel's names here too */
	change_init(&c);
	ck_assert(change_add_word(&c, &cn, "0/all", NULL, &err));
	ck_assert_uint_eq(c.off, 0xffff);
}
END_TEST

static Suite *change_suite(void)
{
	Suite *s = suite_create("change");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_ok, 0, ARRAY_SIZE(ok_cases));
	tcase_add_test(tc, test_fields);
	tcase_add_test(tc, test_empty_change);
	tcase_add_loop_test(tc, test_errors, 0, ARRAY_SIZE(err_cases));
	tcase_add_test(tc, test_error_keeps_earlier_words);
	tcase_add_test(tc, test_long_item);
	tcase_add_test(tc, test_long_token);
	tcase_add_test(tc, test_all_with_kernel_names);
	tcase_add_test(tc, test_suggest_kernel_name);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_defer_unknown);
	tcase_add_loop_test(tc, test_value_outside_mask, 0,
			    ARRAY_SIZE(outside_cases));
	tcase_add_test(tc, test_value_mask_empty_mask);
	tcase_add_test(tc, test_value_mask_request);
	tcase_add_test(tc, test_value_mask_kernel_names);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(change_suite)
