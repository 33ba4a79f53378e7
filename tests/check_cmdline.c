// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the word parser on command lines: which command the
 * words ask for (with --monitor, --batch and -f), and the usage errors
 * for options that do not fit together.  Batch lines: check_batch.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "check_main.h"
#include "cmdline.h"

#define MAXW	8

struct cl_case {
	const char *words[MAXW];	/* NULL-terminated */
	int ret;
	enum command cmd;
	const char *msg;		/* ret 2: part of the message */
};

static const struct cl_case cases[] = {
	{ { NULL }, 0, CMD_SHOW_ALL, NULL },
	{ { "tap0", NULL }, 0, CMD_SHOW, NULL },
	{ { "tap0", "+link", NULL }, 0, CMD_CHANGE, NULL },
	{ { "--monitor", NULL }, 0, CMD_MONITOR, NULL },
	{ { "--monitor", "-j", "tap0", "tap1", NULL }, 0, CMD_MONITOR, NULL },
	{ { "-n", "blue", "--monitor", "-N", NULL }, 0, CMD_MONITOR, NULL },
	{ { "--batch", "f", NULL }, 0, CMD_BATCH, NULL },
	{ { "--batch=-", "-f", "-v", NULL }, 0, CMD_BATCH, NULL },
	{ { "-fq", "--batch", "f", NULL }, 0, CMD_BATCH, NULL },
	{ { "--level-map", "exact", "--batch", "f", NULL }, 0, CMD_BATCH, NULL },
	{ { "--force", "--batch", "f", "-j", NULL }, 0, CMD_BATCH, NULL },
	{ { "-f", "tap0", "+link", NULL }, 2, 0, "option -f (--force) needs --batch" },
	{ { "--monitor", "-f", NULL }, 2, 0, "option -f (--force) needs --batch" },
	{ { "--monitor", "-v", NULL }, 2, 0, "--monitor takes no" },
	{ { "--monitor", "--from-level", "3", NULL }, 2, 0, "--monitor takes no" },
	{ { "--monitor", "--level-map", "exact", NULL }, 2, 0, "--monitor takes no" },
	{ { "--monitor", "a/b", NULL }, 2, 0, "'a/b' is not a valid interface name" },
	{ { "--monitor", "--batch", "f", NULL }, 2, 0, "exclude each other" },
	{ { "--list", "--monitor", NULL }, 2, 0, "exclude each other" },
	{ { "--decode", "--batch", "f", "link", NULL }, 2, 0, "exclude each other" },
	{ { "--batch", "f", "tap0", NULL }, 2, 0, "--batch takes no interface" },
	{ { "--batch", "f", "--from-level", "3", NULL }, 2, 0, "--batch takes no interface" },
	{ { "--batch", "", NULL }, 2, 0, "--batch needs a file name" },
	{ { "--batch", NULL }, 2, 0, "option '--batch' needs a value" },
	{ { "--batch", "f", "-q", "-v", NULL }, 2, 0, "option -q excludes" },
	{ { "--monitor", "-j", "-x", NULL }, 2, 0, "exclude each other" },
	/* after IFACE, -f is the option, not a class */
	{ { "tap0", "-f", NULL }, 2, 0, "option -f (--force) needs --batch" },
	/* --ioctl */
	{ { "--ioctl", NULL }, 0, CMD_SHOW_ALL, NULL },
	{ { "--ioctl", "tap0", NULL }, 0, CMD_SHOW, NULL },
	{ { "tap0", "+bit20", "--ioctl", NULL }, 0, CMD_CHANGE, NULL },
	{ { "--ioctl", "--batch", "f", NULL }, 0, CMD_BATCH, NULL },
	{ { "--ioctl", "--list", NULL }, 2, 0, "--ioctl needs a command that talks to the kernel" },
	{ { "--ioctl", "--decode", "link", NULL }, 2, 0, "--ioctl needs a command" },
	{ { "--ioctl", "--from-level", "3", NULL }, 2, 0, "--ioctl needs a command" },
	{ { "--monitor", "--ioctl", NULL }, 2, 0, "--monitor cannot use --ioctl" },
	{ { "--ioctl=x", NULL }, 2, 0, "option '--ioctl' takes no value" },
	/* names the table lacks: left for the kernel, but not over the ioctl */
	{ { "tap0", "+link", "+newclass", NULL }, 0, CMD_CHANGE, NULL },
	{ { "--ioctl", "tap0", "+newclass", NULL }, 2, 0, "unknown message class 'newclass'" },
	{ { "--decode", "newclass", NULL }, 2, 0, "unknown message class 'newclass'" },
	{ { "tap0", "+newclass", "0x", NULL }, 2, 0, "invalid number '0x'" },
};

/* Writable copies of the words: @o points into them after parsing. */
static char wbuf[MAXW][64];
static char *argv[MAXW];
static const char *words[MAXW];

static int parse(const char *const *w, struct opts *o,
		 struct cmdline_err *err)
{
	int argc = 0;

	for (; w[argc]; argc++) {
		snprintf(wbuf[argc], sizeof(wbuf[argc]), "%s", w[argc]);
		argv[argc] = wbuf[argc];
	}
	opts_init(o);
	return cmdline_parse(o, argc, argv, words, CMDLINE_ARGV, err);
}

START_TEST(test_cmdline)
{
	const struct cl_case *c = &cases[_i];
	struct cmdline_err err;
	struct opts o;
	int ret;

	ret = parse(c->words, &o, &err);
	ck_assert_msg(ret == c->ret, "case %d: returned %d, not %d (%s)", _i,
		      ret, c->ret, err.msg);
	if (ret)
		ck_assert_msg(strstr(err.msg, c->msg) != NULL,
			      "case %d: message '%s' lacks '%s'", _i, err.msg,
			      c->msg);
	else
		ck_assert_int_eq(o.cmd, c->cmd);
}
END_TEST

START_TEST(test_monitor_filter)
{
	static const char *const w[] = { "--monitor", "tap0", "-j", "eth1", NULL };
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_MONITOR);
	ck_assert_int_eq(o.mode, OUT_JSON);
	ck_assert_int_eq(o.nifnames, 2);
	ck_assert_str_eq(o.ifnames[0], "tap0");
	ck_assert_str_eq(o.ifnames[1], "eth1");
}
END_TEST

START_TEST(test_batch_options)
{
	static const char *const w[] = {
		"-f", "--level-map=kernel", "-n", "blue", "--batch", "-", NULL
	};
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_BATCH);
	ck_assert(o.force);
	ck_assert_int_eq(o.map, LEVEL_MAP_KERNEL);
	ck_assert_str_eq(o.netns, "blue");
	ck_assert_str_eq(o.batch_file, "-");
}
END_TEST

/* An unknown name is counted, then resolved once the kernel named it. */
START_TEST(test_deferred_names)
{
	static const char *const w[] = { "tap0", "+link,-newclass", "--from-level", "0", NULL };
	struct cmdline_err err;
	struct change c;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_CHANGE);
	ck_assert_uint_eq(o.change.unknown, 1);
	ck_assert_int_eq(o.nwords, 1);
	/* Still unknown: the usual usage error. */
	ck_assert_int_eq(cmdline_build_change(&o, &c, &err), 2);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown message class 'newclass'"));
	/* Named by the kernel: the whole change, level included. */
	ck_assert(msgclass_add_kernel_name(15, "newclass"));
	ck_assert_int_eq(cmdline_build_change(&o, &c, &err), 0);
	ck_assert_uint_eq(c.unknown, 0);
	ck_assert_uint_eq(change_apply(&c, 0xffff), 0x0005);
	msgclass_clear_kernel_names();
}
END_TEST

static Suite *cmdline_suite(void)
{
	Suite *s = suite_create("cmdline");
	TCase *tc = tcase_create("cmdline");

	tcase_add_loop_test(tc, test_cmdline, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_monitor_filter);
	tcase_add_test(tc, test_batch_options);
	tcase_add_test(tc, test_deferred_names);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmdline_suite)
