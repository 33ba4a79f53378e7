// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for --batch lines: each line read by the command line's own
 * word parser (table of lines and what they mean or why they are wrong),
 * blank lines and comments, line numbers, and whole files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "batch.h"
#include "check_main.h"

struct line_case {
	const char *text;
	int ret;		/* 0 or 2 */
	const char *ifname;	/* NULL: the line is skipped */
	bool show;
	bool has_abs;
	uint32_t abs, on, off;
	const char *msg;	/* for ret 2: part of the message */
};

static const struct line_case cases[] = {
	{ "tap0", 0, "tap0", true, false, 0, 0, 0, NULL },
	{ "  tap0  ", 0, "tap0", true, false, 0, 0, 0, NULL },
	{ "tap0 +link -rx_err", 0, "tap0", false, false, 0, 0x4, 0x40, NULL },
	{ "\ttap0\t+link,-rx_err  ", 0, "tap0", false, false, 0, 0x4, 0x40, NULL },
	{ "tap0 0x5\r", 0, "tap0", false, true, 0x5, 0, 0, NULL },
	{ "tap0 none", 0, "tap0", false, true, 0, 0, 0, NULL },
	{ "tap0 all", 0, "tap0", false, true, 0x7fff, 0, 0, NULL },
	{ "tap0 link 0x1 +timer -drv", 0, "tap0", false, true, 0x5, 0x8, 0x1, NULL },
	{ "tap0 --from-level 3", 0, "tap0", false, true, 0x3f, 0, 0, NULL },
	{ "--from-level 3 tap0", 0, "tap0", false, true, 0x3f, 0, 0, NULL },
	{ "tap0 --from-level=-1", 0, "tap0", false, true, 0, 0, 0, NULL },
	{ "tap0 --level-map exact --from-level 2", 0, "tap0", false, true, 0xc, 0, 0, NULL },
	{ "tap0 --level-map=kernel --from-level=5 -drv", 0, "tap0", false, true, 0x1f, 0, 0x1, NULL },
	{ "tap0 --from-level 3 -timer", 0, "tap0", false, true, 0x3f, 0, 0x8, NULL },
	{ "tap0 -rx_err", 0, "tap0", false, false, 0, 0, 0x40, NULL },
	{ "tap0 -- -link", 0, "tap0", false, false, 0, 0, 0x4, NULL },
	{ "-- tap0 -link", 0, "tap0", false, false, 0, 0, 0x4, NULL },
	{ "eth0.100 +LINK", 0, "eth0.100", false, false, 0, 0x4, 0, NULL },
	/* skipped */
	{ "", 0, NULL, false, false, 0, 0, 0, NULL },
	{ "   \t ", 0, NULL, false, false, 0, 0, 0, NULL },
	{ "# tap0 +link", 0, NULL, false, false, 0, 0, 0, NULL },
	{ "   #tap0", 0, NULL, false, false, 0, 0, 0, NULL },
	/* wrong: the command line's messages */
	{ "tap0 likn", 2, NULL, false, false, 0, 0, 0,
	  "unknown message class 'likn' (did you mean 'link'?)" },
	{ "tap0 +link,,drv", 2, NULL, false, false, 0, 0, 0,
	  "empty message class in '+link,,drv'" },
	{ "tap0 0x1ffffffff", 2, NULL, false, false, 0, 0, 0,
	  "does not fit in 32 bits" },
	{ "tap0 +3", 2, NULL, false, false, 0, 0, 0,
	  "only class names can be turned on or off" },
	{ "tap0 --from-level 8", 2, NULL, false, false, 0, 0, 0,
	  "level 8 is out of range for the cumulative map" },
	{ "tap0 --from-level", 2, NULL, false, false, 0, 0, 0,
	  "option '--from-level' needs a value" },
	{ "tap0 --from-level abc", 2, NULL, false, false, 0, 0, 0,
	  "invalid level 'abc'" },
	{ "tap0 --level-map exact", 2, NULL, false, false, 0, 0, 0,
	  "--level-map needs --from-level" },
	{ "tap0 --level-map odd --from-level 1", 2, NULL, false, false, 0, 0, 0,
	  "unknown level map 'odd'" },
	{ "tap0 --foo", 2, NULL, false, false, 0, 0, 0,
	  "unknown option '--foo'" },
	{ "a/b +link", 2, NULL, false, false, 0, 0, 0,
	  "'a/b' is not a valid interface name" },
	{ "abcdefghijklmnopq +link", 2, NULL, false, false, 0, 0, 0,
	  "is not a valid interface name" },
	/* wrong: options that belong on the command line, not in a line */
	{ "tap0 -v", 2, NULL, false, false, 0, 0, 0,
	  "option '-v' cannot be used in a batch line" },
	{ "tap0 --json", 2, NULL, false, false, 0, 0, 0,
	  "option '--json' cannot be used in a batch line" },
	{ "-j tap0", 2, NULL, false, false, 0, 0, 0,
	  "option '-j' cannot be used in a batch line" },
	{ "tap0 -n blue", 2, NULL, false, false, 0, 0, 0,
	  "option '-n' cannot be used in a batch line" },
	{ "tap0 --batch=x", 2, NULL, false, false, 0, 0, 0,
	  "option '--batch=x' cannot be used in a batch line" },
	{ "tap0 --monitor", 2, NULL, false, false, 0, 0, 0,
	  "option '--monitor' cannot be used in a batch line" },
	{ "--from-level 3", 2, NULL, false, false, 0, 0, 0,
	  "a batch line must start with an interface name" },
};

START_TEST(test_line)
{
	const struct line_case *c = &cases[_i];
	struct cmdline_err err;
	struct batch b;
	char text[256];
	int ret;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	snprintf(text, sizeof(text), "%s", c->text);
	ret = batch_add_line(&b, text, 7, &err);
	ck_assert_msg(ret == c->ret, "'%s': returned %d, not %d (%s)",
		      c->text, ret, c->ret, err.msg);
	if (c->ret) {
		ck_assert_msg(strstr(err.msg, c->msg) != NULL,
			      "'%s': message '%s' lacks '%s'", c->text,
			      err.msg, c->msg);
		ck_assert_uint_eq(b.n, 0);
	} else if (!c->ifname) {
		ck_assert_uint_eq(b.n, 0);
	} else {
		const struct batch_line *l = &b.lines[0];

		ck_assert_uint_eq(b.n, 1);
		ck_assert_uint_eq(l->lineno, 7);
		ck_assert_str_eq(l->ifname, c->ifname);
		ck_assert_msg(l->show == c->show, "'%s': show", c->text);
		ck_assert_msg(l->change.has_abs == c->has_abs, "'%s': has_abs",
			      c->text);
		ck_assert_uint_eq(l->change.abs, c->abs);
		ck_assert_uint_eq(l->change.on, c->on);
		ck_assert_uint_eq(l->change.off, c->off);
	}
	batch_free(&b);
}
END_TEST

/* The map given on the command line is the default of every line. */
START_TEST(test_default_map)
{
	struct cmdline_err err;
	struct batch b;
	char l1[] = "tap0 --from-level 3";
	char l2[] = "tap0 --level-map cumulative --from-level 3";

	batch_init(&b, LEVEL_MAP_EXACT);
	ck_assert_int_eq(batch_add_line(&b, l1, 1, &err), 0);
	ck_assert_int_eq(batch_add_line(&b, l2, 2, &err), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_uint_eq(b.lines[0].change.abs, 0x30);
	ck_assert_uint_eq(b.lines[1].change.abs, 0x3f);
	batch_free(&b);
}
END_TEST

static int read_string(struct batch *b, const char *s, unsigned int *errline,
		       struct cmdline_err *err)
{
	FILE *f = fmemopen((void *)s, strlen(s), "r");
	int ret;

	ck_assert_ptr_nonnull(f);
	ret = batch_read(b, f, errline, err);
	fclose(f);
	return ret;
}

START_TEST(test_read_file)
{
	static const char file[] =
		"# set up the lab\n"
		"\n"
		"tap0 +link\n"
		"   tap1 none\n"
		"\t# indented comment\n"
		"tap2 --from-level 3\n"
		"tap3";			/* no final newline */
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), 0);
	ck_assert_uint_eq(b.n, 4);
	ck_assert_uint_eq(b.lines[0].lineno, 3);
	ck_assert_str_eq(b.lines[0].ifname, "tap0");
	ck_assert_uint_eq(b.lines[1].lineno, 4);
	ck_assert_str_eq(b.lines[1].ifname, "tap1");
	ck_assert_uint_eq(b.lines[2].lineno, 6);
	ck_assert_uint_eq(b.lines[2].change.abs, 0x3f);
	ck_assert_uint_eq(b.lines[3].lineno, 7);
	ck_assert(b.lines[3].show);
	batch_free(&b);
}
END_TEST

START_TEST(test_read_error_line)
{
	static const char file[] =
		"tap0 +link\n"
		"\n"
		"# comment\n"
		"tap1 +likn\n"
		"tap2 also+wrong\n";
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), 2);
	ck_assert_uint_eq(errline, 4);
	ck_assert_ptr_nonnull(strstr(err.msg, "'likn'"));
	batch_free(&b);
}
END_TEST

/* A NUL byte would end the words early: the line is refused. */
START_TEST(test_read_nul_byte)
{
	static const char file[] = "tap0 +link\ntap1 0x3\0 -drv\ntap2 +drv\n";
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	FILE *f;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	f = fmemopen((void *)file, sizeof(file) - 1, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(batch_read(&b, f, &errline, &err), 2);
	fclose(f);
	ck_assert_uint_eq(errline, 2);
	ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte"));
	batch_free(&b);
}
END_TEST

START_TEST(test_read_many)
{
	size_t n = 5000, i, len = 0;
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	char *s = malloc(n * 32);

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%stap%zu 0x%zx\n",
				       i % 3 ? "" : "\n", i, i & 0x7fff);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, s, &errline, &err), 0);
	ck_assert_uint_eq(b.n, n);
	/* Every third line has a blank line before it. */
	ck_assert_uint_eq(b.lines[n - 1].lineno, n + (n + 2) / 3);
	ck_assert_str_eq(b.lines[4321].ifname, "tap4321");
	ck_assert_uint_eq(b.lines[4321].change.abs, 4321);
	batch_free(&b);
	free(s);
}
END_TEST

static Suite *batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("lines");

	tcase_add_loop_test(tc, test_line, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_default_map);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_read_error_line);
	tcase_add_test(tc, test_read_nul_byte);
	tcase_add_test(tc, test_read_many);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(batch_suite)
