// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for --batch lines: each line read by the command line's own
 * word parser (table of lines and what they mean or why they are wrong),
 * blank lines and comments, line numbers, and whole files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <jansson.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch.h"
#include "check_child.h"
#include "check_main.h"

struct line_case {
	const char *text;
	int ret;		/* 0 or -EINVAL */
	const char *ifname;	/* NULL: the line is skipped */
	bool show;
	bool has_abs;
	uint32_t abs, on, off;
	const char *msg;	/* for -EINVAL or unknown: part of the message */
	unsigned int unknown;	/* names left for the kernel's table */
};

static const struct line_case cases[] = {
	{ "tap0", 0, "tap0", true, false, 0, 0, 0, NULL, 0 },
	{ "  tap0  ", 0, "tap0", true, false, 0, 0, 0, NULL, 0 },
	{ "tap0 +link -rx_err", 0, "tap0", false, false, 0, 0x4, 0x40, NULL, 0 },
	{ "\ttap0\t+link,-rx_err  ", 0, "tap0", false, false, 0, 0x4, 0x40, NULL, 0 },
	{ "tap0 0x5\r", 0, "tap0", false, true, 0x5, 0, 0, NULL, 0 },
	{ "tap0\v+link\f-rx_err", 0, "tap0", false, false, 0, 0x4, 0x40, NULL, 0 },
	{ "tap0 none", 0, "tap0", false, true, 0, 0, 0, NULL, 0 },
	{ "tap0 all", 0, "tap0", false, true, 0x7fff, 0, 0, NULL, 0 },
	{ "tap0 link 0x1 +timer -drv", 0, "tap0", false, true, 0x5, 0x8, 0x1, NULL, 0 },
	{ "tap0 --from-level 3", 0, "tap0", false, true, 0x3f, 0, 0, NULL, 0 },
	{ "--from-level 3 tap0", 0, "tap0", false, true, 0x3f, 0, 0, NULL, 0 },
	{ "tap0 --from-level=-1", 0, "tap0", false, true, 0, 0, 0, NULL, 0 },
	{ "tap0 --level-map exact --from-level 2", 0, "tap0", false, true, 0xc, 0, 0, NULL, 0 },
	{ "tap0 --level-map=kernel --from-level=5 -drv", 0, "tap0", false, true, 0x1f, 0, 0x1, NULL, 0 },
	{ "tap0 --from-level 3 -timer", 0, "tap0", false, true, 0x3f, 0, 0x8, NULL, 0 },
	{ "tap0 -rx_err", 0, "tap0", false, false, 0, 0, 0x40, NULL, 0 },
	{ "tap0 -- -link", 0, "tap0", false, false, 0, 0, 0x4, NULL, 0 },
	{ "-- tap0 -link", 0, "tap0", false, false, 0, 0, 0x4, NULL, 0 },
	{ "eth0.100 +LINK", 0, "eth0.100", false, false, 0, 0x4, 0, NULL, 0 },
	/* a word in parentheses after IFACE ends the line; as IFACE, a name */
	{ "tap0 +link (changed) -drv", 0, "tap0", false, false, 0, 0x4, 0, NULL, 0 },
	{ "(x) +link", 0, "(x)", false, false, 0, 0x4, 0, NULL, 0 },
	/* also after "--": it ends options, not the line's rules */
	{ "tap0 -- -link (changed) -drv", 0, "tap0", false, false, 0, 0, 0x4, NULL, 0 },
	{ "-- tap0 +link (changed)", 0, "tap0", false, false, 0, 0x4, 0, NULL, 0 },
	{ "-- (x) +link", 0, "(x)", false, false, 0, 0x4, 0, NULL, 0 },
	/* a trailing ':' after IFACE (show output) is dropped, once */
	{ "tap0: 0x5 (drv link)", 0, "tap0", false, true, 0x5, 0, 0, NULL, 0 },
	{ "tap0:", 0, "tap0", true, false, 0, 0, 0, NULL, 0 },
	{ "tap*: +link", 0, "tap*", false, false, 0, 0x4, 0, NULL, 0 },
	{ "tap0:: 1", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'tap0:' is not a valid interface name", 0 },
	/* IFACE's escapes (ESCAPES in netifmsg(8)), as show writes names */
	{ "\\#x: 0x1", 0, "#x", false, true, 0x1, 0, 0, NULL, 0 },
	{ "\\-dash +link", 0, "-dash", false, false, 0, 0x4, 0, NULL, 0 },
	{ "ta\\x70\\*: 0x1", 0, "tap*", false, true, 0x1, 0, 0, NULL, 0 },
	{ "tap\\x0 +link", -EINVAL, NULL, false, false, 0, 0, 0,
	  "bad escape in interface name", 0 },
	/* a '#' after the first word starts no comment */
	{ "tap0 +link # uplink", 0, "tap0", false, false, 0, 0x4, 0,
	  "unknown message class '#'", 2 },
	/* skipped */
	{ "", 0, NULL, false, false, 0, 0, 0, NULL, 0 },
	{ "   \t ", 0, NULL, false, false, 0, 0, 0, NULL, 0 },
	{ "# tap0 +link", 0, NULL, false, false, 0, 0, 0, NULL, 0 },
	{ "   #tap0", 0, NULL, false, false, 0, 0, 0, NULL, 0 },
	/* names the built-in table lacks: parsed, left for the kernel's */
	{ "tap0 likn", 0, "tap0", false, false, 0, 0, 0,
	  "unknown message class 'likn' (did you mean 'link'?)", 1 },
	{ "tap0 +link -newclass,+other", 0, "tap0", false, false, 0, 0x4, 0,
	  "unknown message class 'newclass'", 2 },
	{ "tap0 0x3 likn --from-level 1", 0, "tap0", false, true, 0x3, 0, 0,
	  "unknown message class 'likn' (did you mean 'link'?)", 1 },
	/* JSON read as text: the line's error (the hint: test_read_json_as_text) */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1}]", -EINVAL, NULL, false, false, 0, 0, 0,
	  "is not a valid interface pattern", 0 },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}", -EINVAL, NULL, false, false, 0, 0, 0,
	  "is not a valid interface name", 0 },
	{ "[[{\"ifname\":\"tap0\",\"msg_enable\":1}]]", -EINVAL, NULL, false, false, 0, 0, 0,
	  "is not a valid interface pattern", 0 },
	{ "{}:} 1", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'{}:}' is not a valid interface name", 0 },
	{ "[a:b] 1", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'[a:b]' is not a valid interface pattern", 0 },
	/* a CHANGE word where IFACE stands: the hint says the order */
	{ "+link tap0", 0, "+link", false, false, 0, 0, 0,
	  "unknown message class 'tap0' (IFACE comes first: '+link' is read as the interface)", 1 },
	/* a second interface: one a line, and no --batch to name */
	{ "tap0 tap1", 0, "tap0", false, false, 0, 0, 0,
	  "unknown message class 'tap1' (one IFACE per line; for several, use a pattern)", 1 },
	{ "tap0 +link eth0", 0, "tap0", false, false, 0, 0x4, 0,
	  "unknown message class 'eth0'; see 'netifmsg --list'", 1 },
	/* wrong: the command line's messages */
	{ "tap0 +link,,drv", -EINVAL, NULL, false, false, 0, 0, 0,
	  "empty message class in '+link,,drv'", 0 },
	{ "tap0 0x1ffffffff", -EINVAL, NULL, false, false, 0, 0, 0,
	  "does not fit in 32 bits", 0 },
	{ "tap0 +3", -EINVAL, NULL, false, false, 0, 0, 0,
	  "only class names can be turned on or off", 0 },
	{ "tap0 --from-level 8", -EINVAL, NULL, false, false, 0, 0, 0,
	  "level 8 is out of range for the cumulative map", 0 },
	{ "tap0 --from-level", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '--from-level' needs a value", 0 },
	{ "tap0 --from-level abc", -EINVAL, NULL, false, false, 0, 0, 0,
	  "invalid level 'abc'", 0 },
	{ "tap0 --level-map exact", -EINVAL, NULL, false, false, 0, 0, 0,
	  "--level-map needs --from-level", 0 },
	{ "tap0 --level-map odd --from-level 1", -EINVAL, NULL, false, false, 0, 0, 0,
	  "unknown level map 'odd'", 0 },
	{ "tap0 --foo", -EINVAL, NULL, false, false, 0, 0, 0,
	  "unknown option '--foo'", 0 },
	/* an option with a value given twice in a line */
	{ "tap0 --from-level 9 --from-level 1", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option --from-level given twice (it takes one value)", 0 },
	{ "tap0 --level-map exact --from-level 1 --level-map=kernel", -EINVAL, NULL,
	  false, false, 0, 0, 0, "option --level-map given twice", 0 },
	/* a pattern's escapes are a name's: a backslash at the end is bad */
	{ "tap*\\ +link", -EINVAL, NULL, false, false, 0, 0, 0,
	  "bad escape in interface name 'tap*\\'", 0 },
	{ "a/b +link", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'a/b' is not a valid interface name", 0 },
	{ "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123"
	  "456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvw +link",
	  -EINVAL, NULL, false, false, 0, 0, 0,
	  "is not a valid interface name", 0 },
	/* a pasted ethtool word: the hint is the line, not a command */
	{ "tap0 msglvl 5", -EINVAL, NULL, false, false, 0, 0, 0,
	  "not netifmsg's: write 'tap0 5'", 0 },
	{ "tap0 --from-level 3 msglvl -timer", -EINVAL, NULL, false, false,
	  0, 0, 0, "write '--from-level 3 tap0 -timer'", 0 },
	{ "--driver tun msglvl link on", -EINVAL, NULL, false, false, 0, 0, 0,
	  "write '--driver tun link on'", 0 },
	{ "tap0 msglvl", -EINVAL, NULL, false, false, 0, 0, 0,
	  "not netifmsg's, and a change needs at least one CHANGE word", 0 },
	/* no shell reads a line: a pattern or an escaped name as written */
	{ "tap\\* msglvl 5", -EINVAL, NULL, false, false, 0, 0, 0,
	  "not netifmsg's: write 'tap\\* 5'", 0 },
	{ "tap* msglvl 5", -EINVAL, NULL, false, false, 0, 0, 0,
	  "not netifmsg's: write 'tap* 5'", 0 },
	{ "tap0 on off", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'on' needs a class name before it", 0 },
	/* wrong: options that belong on the command line, not in a line */
	{ "tap0 -v", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '-v' cannot be used in a batch line", 0 },
	{ "tap0 --json", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '--json' cannot be used in a batch line", 0 },
	{ "-j tap0", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '-j' cannot be used in a batch line", 0 },
	{ "tap0 -n blue", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '-n' cannot be used in a batch line", 0 },
	{ "tap0 --batch=x", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '--batch=x' cannot be used in a batch line", 0 },
	{ "tap0 --monitor", -EINVAL, NULL, false, false, 0, 0, 0,
	  "option '--monitor' cannot be used in a batch line", 0 },
	{ "--from-level 3", -EINVAL, NULL, false, false, 0, 0, 0,
	  "a batch line must start with an interface name", 0 },
	/* a -NAME change before IFACE: read as options, and said so */
	{ "--driver tun -timer", -EINVAL, NULL, false, false, 0, 0, 0,
	  "'-timer' is read as options before an interface name: a -NAME change goes after it", 0 },
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
	/* The line is copied: the caller's buffer may go. */
	memset(text, 'Z', sizeof(text) - 1);
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
		struct job *j = &b.jobs[0];
		struct change parsed = j->change;

		ck_assert_uint_eq(b.n, 1);
		ck_assert_uint_eq(j->lineno, 7);
		ck_assert_str_eq(j->ifname, c->ifname);
		ck_assert_msg(j->show == c->show, "'%s': show", c->text);
		ck_assert_msg(j->change.has_abs == c->has_abs, "'%s': has_abs",
			      c->text);
		ck_assert_uint_eq(j->change.abs, c->abs);
		ck_assert_uint_eq(j->change.on, c->on);
		ck_assert_uint_eq(j->change.off, c->off);
		ck_assert_uint_eq(j->unknown, c->unknown);
		ret = job_build(j, NULL, &err);
		if (c->unknown) {
			/* With no more names known: the command line's error. */
			ck_assert_int_eq(ret, -EINVAL);
			ck_assert_msg(strstr(err.msg, c->msg) != NULL,
				      "'%s': message '%s' lacks '%s'", c->text,
				      err.msg, c->msg);
		} else {
			/* Built again: the same change. */
			ck_assert_msg(ret == 0, "'%s': %s", c->text, err.msg);
			ck_assert_uint_eq(j->unknown, 0);
			ck_assert(j->change.has_abs == parsed.has_abs);
			ck_assert(j->change.has_rel == parsed.has_rel);
			ck_assert_uint_eq(j->change.abs, parsed.abs);
			ck_assert_uint_eq(j->change.on, parsed.on);
			ck_assert_uint_eq(j->change.off, parsed.off);
		}
	}
	batch_free(&b);
}
END_TEST

/* A name the kernel knows: the job is built with the kernel's table. */
START_TEST(test_kernel_names)
{
	struct cmdline_err err;
	struct classnames cn;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(batch_add_line(&b, "tap0 +link -newclass", 3, &err), 0);
	ck_assert_int_eq(batch_add_line(&b, "tap1 newclass,drv", 4, &err), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_uint_eq(b.jobs[0].unknown, 1);
	ck_assert_uint_eq(b.jobs[1].unknown, 1);
	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert_int_eq(job_build(&b.jobs[0], &cn, &err), 0);
	ck_assert_uint_eq(b.jobs[0].unknown, 0);
	ck_assert_uint_eq(change_apply(&b.jobs[0].change, 0xffff), 0x7fff);
	ck_assert_uint_eq(change_apply(&b.jobs[0].change, 0), 0x4);
	ck_assert_int_eq(job_build(&b.jobs[1], &cn, &err), 0);
	ck_assert(b.jobs[1].change.has_abs);
	ck_assert_uint_eq(b.jobs[1].change.abs, 0x8001);
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
	ck_assert_uint_eq(b.jobs[0].change.abs, 0x30);
	ck_assert_uint_eq(b.jobs[1].change.abs, 0x3f);
	batch_free(&b);
}
END_TEST

/*
 * A bad line whose text fits in the last chunk but whose words start a
 * new one: what it took is given back from the right chunk, so that the
 * lines after it (with --force, or a batch_set_file()) are kept whole.
 */
START_TEST(test_bad_line_at_chunk_end)
{
	struct cmdline_err err;
	struct batch b;
	char good[256];
	unsigned int i;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	/* 16 bytes each, their words given back: 4090 leave 96 bytes. */
	for (i = 0; i < 4090; i++)
		ck_assert_int_eq(batch_add_line(&b, "tap0 0x00000001", i + 1,
						&err), 0);
	ck_assert_int_eq(batch_add_line(&b, "tap0 --bogus a b c d e f g h",
					4091, &err), -EINVAL);
	memset(good, 0, sizeof(good));
	memcpy(good, "tap1 0x2", 8);
	memset(good + 8, ' ', 200);
	ck_assert_int_eq(batch_add_line(&b, good, 4092, &err), 0);
	ck_assert_int_eq(batch_add_line(&b, "tap2 0x4", 4093, &err), 0);
	ck_assert_uint_eq(b.n, 4092);
	ck_assert_str_eq(b.jobs[4090].ifname, "tap1");
	ck_assert_str_eq(b.jobs[4091].ifname, "tap2");
	ck_assert_str_eq(b.jobs[4089].ifname, "tap0");
	batch_free(&b);
}
END_TEST

/* batch_read() of the @len bytes at @s (NUL bytes among them). */
static int read_bytes(struct batch *b, const char *s, size_t len,
		      unsigned int *errline, struct cmdline_err *err)
{
	FILE *f = fmemopen((void *)s, len, "r");
	int ret;

	ck_assert_ptr_nonnull(f);
	ret = batch_read(b, f, "", errline, err);
	fclose(f);
	return ret;
}

static int read_string(struct batch *b, const char *s, unsigned int *errline,
		       struct cmdline_err *err)
{
	return read_bytes(b, s, strlen(s), errline, err);
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
	ck_assert_uint_eq(b.jobs[0].lineno, 3);
	ck_assert_str_eq(b.jobs[0].ifname, "tap0");
	ck_assert_uint_eq(b.jobs[1].lineno, 4);
	ck_assert_str_eq(b.jobs[1].ifname, "tap1");
	ck_assert_uint_eq(b.jobs[2].lineno, 6);
	ck_assert_uint_eq(b.jobs[2].change.abs, 0x3f);
	ck_assert_uint_eq(b.jobs[3].lineno, 7);
	ck_assert(b.jobs[3].show);
	batch_free(&b);
}
END_TEST

START_TEST(test_read_error_line)
{
	static const char file[] =
		"tap0 +link\n"
		"\n"
		"# comment\n"
		"tap1 +link,0x\n"
		"tap2 +3\n";
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 4);
	ck_assert_ptr_nonnull(strstr(err.msg, "invalid number '0x'"));
	batch_free(&b);
}
END_TEST

/* @msg ends with the JSON hint, once. */
static bool json_hinted(const char *msg)
{
	size_t n = strlen(msg), h = strlen(CMDLINE_JSON_HINT);

	return n >= h && strstr(msg, CMDLINE_JSON_HINT) == msg + n - h;
}

/*
 * JSON read as text (after a comment): every line found bad as it is
 * read, from one that starts like JSON on, says why, where the bad line
 * itself does not look like JSON ("jq ." prints "[", "{" and
 * "\"ifname\": ..." lines).
 */
START_TEST(test_read_json_as_text)
{
	static const struct {
		const char *file;
		int ret;
		unsigned int line;
		const char *msg;	/* part of the message */
		bool hint;
	} files[] = {
		{ "# saved\n[\n  {\n    \"ifname\": \"tap0\",\n    \"msg_enable\": 4\n  }\n]\n",
		  -EINVAL, 4, "empty message class in '\"tap0\",'", true },
		/* saved with CRLF line ends, or with blanks after a bracket */
		{ "# saved\r\n[\r\n  {\r\n    \"ifname\": \"tap0\",\r\n",
		  -EINVAL, 4, "empty message class in '\"tap0\",'", true },
		{ "# saved\n[ \n  \"ifname\": \"tap0\",\n",
		  -EINVAL, 3, "empty message class in '\"tap0\",'", true },
		{ "\n{\"ifname\": \"tap0\", \"msg_enable\": 4}\n",
		  -EINVAL, 2, "empty message class in '\"tap0\",'", true },
		/* as -j prints it, after a comment or a blank line */
		{ "# -j\n[{\"ifname\":\"tap0\",\"msg_enable\":4}]\n",
		  -EINVAL, 2, "is not a valid interface pattern", true },
		{ "\n{\"ifname\":\"tap0\",\"msg_enable\":1}\n",
		  -EINVAL, 2, "is not a valid interface name", true },
		/* other shapes than -j prints */
		{ "# x\n[[{\"ifname\":\"tap0\",\"msg_enable\":1}]]\n",
		  -EINVAL, 2, "is not a valid interface pattern", true },
		{ "# x\n{}:} 1\n", -EINVAL, 2, "'{}:}' is not a valid interface name", true },
		/* a pattern in brackets is no JSON */
		{ "[et]h0 +link\ntap0 +link,0x\n", -EINVAL, 2, "invalid number '0x'", false },
		{ "tap0 +link,0x\n{\n", -EINVAL, 1, "invalid number '0x'", false },
		/* a good file with lines that start like JSON stays good */
		{ "# x\n{\n[\ntap0 +link\n", 0, 0, NULL, false },
	};
	char big[BATCH_LINE_MAX + 64], *p;
	struct cmdline_err err;
	unsigned int errline, i;
	struct batch b;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(read_string(&b, files[i].file, &errline, &err),
				 files[i].ret);
		ck_assert_uint_eq(errline, files[i].line);
		if (files[i].ret) {
			ck_assert_msg(strstr(err.msg, files[i].msg), "%u: %s", i, err.msg);
			ck_assert_msg(json_hinted(err.msg) == files[i].hint,
				      "%u: %s", i, err.msg);
		}
		batch_free(&b);
	}
	/* "jq -c" of many interfaces: a line too long, said as it is read */
	p = big + sprintf(big, "# x\n[{\"ifname\":\"tap0\",\"msg_enable\":4},");
	memset(p, ' ', BATCH_LINE_MAX);
	strcpy(p + BATCH_LINE_MAX, "]\n");
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, big, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_msg(strstr(err.msg, "line longer than") && json_hinted(err.msg),
		      "%s", err.msg);
	batch_free(&b);
	/* the longest message there is still has room for the hint */
	p = big + sprintf(big, "# x\n{\ntap0 msglvl");
	for (i = 0; i < 70; i++)
		p += sprintf(p, " +link");
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, big, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 3);
	ck_assert_msg(strstr(err.msg, "'msglvl' is ethtool's word") &&
		      json_hinted(err.msg), "%s", err.msg);
	batch_free(&b);
}
END_TEST

/*
 * Unknown names are read, and the first line that still has one once
 * the names are known is the one reported.
 */
START_TEST(test_read_unknown_name_line)
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
	size_t i;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), 0);
	ck_assert_uint_eq(errline, 0);
	ck_assert_uint_eq(b.n, 3);
	ck_assert_uint_eq(b.jobs[0].unknown, 0);
	ck_assert_uint_eq(b.jobs[1].unknown, 1);
	ck_assert_uint_eq(b.jobs[2].unknown, 1);
	for (i = 0; i < b.n; i++)
		if (job_build(&b.jobs[i], NULL, &err))
			break;
	ck_assert_uint_lt(i, b.n);
	ck_assert_uint_eq(b.jobs[i].lineno, 4);
	ck_assert_ptr_nonnull(strstr(err.msg, "'likn'"));
	batch_free(&b);
}
END_TEST

/*
 * The @len bytes of @file, with a NUL byte on line 2: refused there, with
 * the hint that it is JSON read as text where @hinted.
 */
static void check_nul_line2(const char *file, size_t len, bool hinted)
{
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_bytes(&b, file, len, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_msg(strstr(err.msg, "NUL byte") &&
		      json_hinted(err.msg) == hinted, "%s", err.msg);
	batch_free(&b);
}

/* A NUL byte would end the words early: the line is refused. */
START_TEST(test_read_nul_byte)
{
	static const char file[] = "tap0 +link\ntap1 0x3\0 -drv\ntap2 +drv\n";

	check_nul_line2(file, sizeof(file) - 1, false);
}
END_TEST

/*
 * The line with a NUL byte is judged by what came before the byte: one
 * that starts like JSON ("{") says it is JSON read as text, whatever
 * the line before it held.
 */
START_TEST(test_read_nul_byte_json_hint)
{
	static const char file[] = "#saved\n{\0\"ifname\": \"tap0\"\n";

	check_nul_line2(file, sizeof(file) - 1, true);
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
	ck_assert_uint_eq(b.jobs[n - 1].lineno, n + (n + 2) / 3);
	ck_assert_str_eq(b.jobs[4321].ifname, "tap4321");
	ck_assert_uint_eq(b.jobs[4321].change.abs, 4321);
	batch_free(&b);
	free(s);
}
END_TEST

/*
 * The lines are held until the whole file has been read (netifmsg(8),
 * BATCH): far more text than one chunk of memory takes, every line kept
 * as it was read.
 */
START_TEST(test_read_many_chunks)
{
	size_t n = 40000, i, len = 0;
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	char *s = malloc(n * 48), name[32];

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "tap%zu 0x%zx +bit31 -drv\n",
				       i, i & 0x7fff);
	ck_assert_uint_gt(len, 4 * 65536);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, s, &errline, &err), 0);
	ck_assert_uint_eq(b.n, n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "tap%zu", i);
		ck_assert_str_eq(b.jobs[i].ifname, name);
		ck_assert_uint_eq(b.jobs[i].lineno, i + 1);
		ck_assert_uint_eq(b.jobs[i].change.abs, i & 0x7fff);
		ck_assert_uint_eq(b.jobs[i].change.on, 0x80000000);
		ck_assert_uint_eq(b.jobs[i].change.off, 0x1);
	}
	batch_free(&b);
	free(s);
}
END_TEST

/* A line of @len bytes: "tap0", blanks, "+drv". */
static char *line_of(size_t len)
{
	char *s = malloc(len + 2);

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_ge(len, 9);
	memset(s, ' ', len);
	memcpy(s, "tap0", 4);
	memcpy(s + len - 4, "+drv", 4);
	s[len] = '\n';
	s[len + 1] = '\0';
	return s;
}

/* BATCH_LINE_MAX bytes are a line; one more is an error, also the last. */
START_TEST(test_read_line_max)
{
	char *max = line_of(BATCH_LINE_MAX), *over = line_of(BATCH_LINE_MAX + 1);
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	char *file;

	ck_assert_int_eq(BATCH_LINE_MAX, 4096);
	file = malloc(3 * (BATCH_LINE_MAX + 2) + 32);
	ck_assert_ptr_nonnull(file);
	sprintf(file, "%s%s", max, max);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_uint_eq(b.jobs[1].change.on, 0x1);
	batch_free(&b);

	sprintf(file, "%s# c\n%stap1 +drv\n", max, over);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 3);
	ck_assert_str_eq(err.msg, "line longer than 4096 bytes");
	batch_free(&b);

	/* The same without a final newline. */
	over[BATCH_LINE_MAX + 1] = '\0';
	sprintf(file, "tap1\n%s", over);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, file, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_str_eq(err.msg, "line longer than 4096 bytes");
	batch_free(&b);
	free(file);
	free(max);
	free(over);
}
END_TEST

/*
 * A stream of @fill bytes that ends after @size of them, with the read
 * error @error (0: the end of the file).  @done counts what was read.
 */
struct stream {
	const char *head;	/* given first */
	char fill;
	size_t size, done;
	int error;
};

static ssize_t stream_read(void *cookie, char *buf, size_t size)
{
	struct stream *st = cookie;
	size_t k, head = strlen(st->head);

	if (st->done >= st->size) {
		if (!st->error)
			return 0;
		errno = st->error;
		return -1;
	}
	if (size > st->size - st->done)
		size = st->size - st->done;
	for (k = 0; k < size; k++, st->done++)
		buf[k] = st->done < head ? st->head[st->done] : st->fill;
	return (ssize_t)size;
}

static int read_stream(struct batch *b, struct stream *st,
		       unsigned int *errline, struct cmdline_err *err)
{
	cookie_io_functions_t io = { .read = stream_read };
	FILE *f = fopencookie(st, "r", io);
	int ret;

	ck_assert_ptr_nonnull(f);
	ret = batch_read(b, f, "", errline, err);
	fclose(f);
	return ret;
}

/*
 * A line without end (/dev/zero, a binary file) is refused once it is
 * too long, before much of it is read: memory stays bounded.
 */
START_TEST(test_read_endless_line)
{
	struct stream st = { "tap0 +drv\ntap1 ", 'x', (size_t)1 << 30, 0, 0 };
	struct stream zero = { "tap0 +drv\n", '\0', (size_t)1 << 30, 0, 0 };
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_stream(&b, &st, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_str_eq(err.msg, "line longer than 4096 bytes");
	ck_assert_uint_lt(st.done, 64 * 1024);
	batch_free(&b);

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_stream(&b, &zero, &errline, &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_ptr_nonnull(strstr(err.msg, "NUL byte"));
	ck_assert_uint_lt(zero.done, 64 * 1024);
	batch_free(&b);
}
END_TEST

/* A read error of any kind, in a line or between lines, is returned. */
START_TEST(test_read_error)
{
	static const int errors[] = { EIO, ENOMEM, EISDIR, EINTR };
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		struct stream mid = { "tap0 +drv\ntap1 +d", 'r', 17, 0, errors[i] };
		struct stream end = { "tap0 +drv\n", '\n', 10, 0, errors[i] };

		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(read_stream(&b, &mid, &errline, &err),
				 -errors[i]);
		batch_free(&b);
		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(read_stream(&b, &end, &errline, &err),
				 -errors[i]);
		batch_free(&b);
	}
}
END_TEST

/* -EINVAL is a bad line's (@err says why): a read that says EINVAL is -EIO. */
START_TEST(test_read_error_einval)
{
	struct stream mid = { "tap0 likn\ntap1 +d", 'r', 17, 0, EINVAL };
	struct stream end = { "tap0 +drv\n", '\n', 10, 0, EINVAL };
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_stream(&b, &mid, &errline, &err), -EIO);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_stream(&b, &end, &errline, &err), -EIO);
	batch_free(&b);
}
END_TEST

/* A read that fails without saying why (errno 0) is -EIO, not the end. */
static ssize_t silent_read(void *cookie, char *buf, size_t size)
{
	(void)cookie;
	(void)buf;
	(void)size;
	errno = 0;
	return -1;
}

START_TEST(test_read_error_no_errno)
{
	cookie_io_functions_t io = { .read = silent_read };
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	FILE *f;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	f = fopencookie(NULL, "r", io);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(batch_read(&b, f, "tap0 +drv\n", &errline, &err), -EIO);
	fclose(f);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
}
END_TEST

/*
 * Input without O_NONBLOCK's data yet (a pipe whose writer comes later)
 * as descriptor @fd of a stream: read once the writer writes, whole.
 */
static void read_nonblocking(int fd)
{
	struct cmdline_err err;
	unsigned int errline;
	int p[2], ret;
	struct batch b;
	pid_t pid;
	FILE *f;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_ge(dup2(p[0], fd), 0);
	close(p[0]);
	ck_assert_int_eq(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		usleep(100 * 1000);
		_exit(write(p[1], "tap0 +drv\ntap1 +link\n", 21) == 21 ? 0 : 1);
	}
	close(p[1]);
	f = fdopen(fd, "r");
	ck_assert_ptr_nonnull(f);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ret = batch_read(&b, f, "", &errline, &err);
	fclose(f);
	child_exited_0(pid);
	ck_assert_int_eq(ret, 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(b.jobs[1].ifname, "tap1");
	batch_free(&b);
}

/*
 * Standard input left O_NONBLOCK (--batch -), and another descriptor
 * while standard input stays empty: the poll() is of the stream's own.
 */
START_TEST(test_read_nonblocking)
{
	int saved = dup(STDIN_FILENO), q[2];

	ck_assert_int_ge(saved, 0);
	read_nonblocking(STDIN_FILENO);
	ck_assert_int_eq(pipe(q), 0);
	ck_assert_int_ge(dup2(q[0], STDIN_FILENO), 0);
	read_nonblocking(20);
	ck_assert_int_ge(dup2(saved, STDIN_FILENO), 0);
	close(saved);
	close(q[0]);
	close(q[1]);
}
END_TEST

/* A UTF-8 byte-order mark starting the file is skipped; elsewhere not. */
START_TEST(test_read_bom)
{
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, "\xef\xbb\xbftap0 +link\ntap1\n",
				     &errline, &err), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(b.jobs[0].ifname, "tap0");
	ck_assert_uint_eq(b.jobs[0].change.on, 0x4);
	batch_free(&b);

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, "\xef\xbb\xbf# comment\r\n\n",
				     &errline, &err), 0);
	ck_assert_uint_eq(b.n, 0);
	batch_free(&b);

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, "\xef\xbb\xbf", &errline, &err), 0);
	ck_assert_uint_eq(b.n, 0);
	batch_free(&b);

	/* Only one, only at the start. */
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, "\xef\xbb\xbf\xef\xbb\xbftap0\n",
				     &errline, &err), 0);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_str_eq(b.jobs[0].ifname, "\xef\xbb\xbftap0");
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(read_string(&b, "tap1\n\xef\xbb\xbftap0\n",
				     &errline, &err), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(b.jobs[1].ifname, "\xef\xbb\xbftap0");
	batch_free(&b);

	/* Nor does it count for the length of line 1. */
	{
		char text[3 + BATCH_LINE_MAX + 3];

		memcpy(text, "\xef\xbb\xbf" "tap0 +link", 13);
		memset(text + 13, ' ', BATCH_LINE_MAX - 10);
		strcpy(text + 3 + BATCH_LINE_MAX, "\n");
		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(read_string(&b, text, &errline, &err), 0);
		ck_assert_uint_eq(b.n, 1);
		ck_assert_str_eq(b.jobs[0].ifname, "tap0");
		batch_free(&b);

		strcpy(text + 3 + BATCH_LINE_MAX, " \n");
		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(read_string(&b, text, &errline, &err), -EINVAL);
		ck_assert_uint_eq(errline, 1);
		ck_assert_str_eq(err.msg, "line longer than 4096 bytes");
		batch_free(&b);
	}
}
END_TEST

/* netifmsg's -j output read back: what each object means, or why not. */
struct json_case {
	const char *text;
	int ret;
	size_t n;		/* jobs */
	const char *ifname;	/* of the last job */
	uint32_t abs;		/* its mask */
	unsigned int line;	/* of the last job, or of the error */
	const char *msg;	/* for -EINVAL: part of the message */
};

static const struct json_case json_cases[] = {
	{ "[{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]}]",
	  0, 1, "tap0", 0x5, 1, NULL },
	{ "[]", 0, 0, NULL, 0, 0, NULL },
	/* as -j prints the array, with its newline; blanks after it too */
	{ "[{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]}]\n",
	  0, 1, "tap0", 0x5, 1, NULL },
	{ "[]\n \t\r\n", 0, 0, NULL, 0, 0, NULL },
	/* but nothing else after it: the array is the file */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":5}]\n[]\n", -EINVAL, 0, NULL, 0, 2,
	  "invalid JSON: end of file expected" },
	{ "[] x", -EINVAL, 0, NULL, 0, 1, "invalid JSON: end of file expected" },
	/* an array cut short, or without its commas */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1}", -EINVAL, 0, NULL, 0, 1,
	  "invalid JSON: ']' expected near end of file" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1},", -EINVAL, 0, NULL, 0, 1,
	  "invalid JSON: ']' expected near end of file" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1} {\"ifname\":\"tap1\",\"msg_enable\":2}]",
	  -EINVAL, 0, NULL, 0, 1, "invalid JSON: ']' expected" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\n\n{\"ifname\":\"tap1\",\"msg_enable\":4294967295}\n",
	  0, 2, "tap1", 0xffffffff, 3, NULL },
	/* Names are literal: a glob character, a first '-' or '#'. */
	{ "[{\"ifname\":\"tap*\",\"msg_enable\":3}]", 0, 1, "tap*", 0x3, 1, NULL },
	{ "[{\"ifname\":\"-x\",\"msg_enable\":3}]", 0, 1, "-x", 0x3, 1, NULL },
	{ "[{\"ifname\":\"#x\",\"msg_enable\":3}]", 0, 1, "#x", 0x3, 1, NULL },
	{ "[{\"ifname\":\"a\\\\b\",\"msg_enable\":3}]", 0, 1, "a\\b", 0x3, 1, NULL },
	{ "[{\"ifname\":\"\\ufffd\",\"ifname_hex\":\"ff01\",\"msg_enable\":2}]",
	  0, 1, "\xff\x01", 0x2, 1, NULL },
	/* ifname_hex of 15 bytes, the longest name */
	{ "[{\"ifname_hex\":\"616161616161616161616161616162\",\"msg_enable\":1}]",
	  0, 1, "aaaaaaaaaaaaaab", 0x1, 1, NULL },
	/* ... its every byte escaped (\\xff): the line still holds the mask */
	{ "[{\"ifname_hex\":\"ffffffffffffffffffffffffffffff\",\"msg_enable\":305419896}]",
	  0, 1, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
	  0x12345678, 1, NULL },
	/* a digit 0 is a digit: 0x30 is '0' (only "00" is refused) */
	{ "[{\"ifname_hex\":\"ff30\",\"msg_enable\":2}]",
	  0, 1, "\xff" "0", 0x2, 1, NULL },
	/* CRLF line ends, a blank line of a lone CR among them */
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\r\n\r\n{\"ifname\":\"tap1\",\"msg_enable\":2}\r\n",
	  0, 2, "tap1", 0x2, 3, NULL },
	/* objects over several lines, as jq '.[]' prints them: the line each starts on */
	{ "{\n  \"ifname\": \"tap0\",\n  \"msg_enable\": 1\n}\n{\n  \"ifname\": \"tap1\",\n  \"msg_enable\": 2\n}\n",
	  0, 2, "tap1", 0x2, 5, NULL },
	/* wrong */
	/* one object a line: not a second where one ends, on its line */
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}{\"ifname\":\"tap1\",\"msg_enable\":2}",
	  -EINVAL, 0, NULL, 0, 1, "a second JSON value on the line" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\n{\"ifname\":\"tap1\",\"msg_enable\":2} \t{\"ifname\":\"tap2\",\"msg_enable\":2}\n",
	  -EINVAL, 0, NULL, 0, 2, "a second JSON value on the line" },
	{ "{\n  \"ifname\": \"tap0\",\n  \"msg_enable\": 1\n} {\n  \"ifname\": \"tap1\",\n  \"msg_enable\": 2\n}\n",
	  -EINVAL, 0, NULL, 0, 4, "a second JSON value on the line" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\r{\"ifname\":\"tap1\",\"msg_enable\":2}\r\n",
	  -EINVAL, 0, NULL, 0, 1, "a second JSON value on the line" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1} []\n", -EINVAL, 0, NULL, 0, 1,
	  "a second JSON value on the line" },
	{ "{\n  \"ifname\": \"tap0\",\n  \"msg_enable\": 1\n}\n\n{\n  \"ifname\": \"tap1\"\n}\n",
	  -EINVAL, 0, NULL, 0, 6, "no \"msg_enable\" that is a 32-bit mask" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1} x\n", -EINVAL, 0, NULL, 0, 1,
	  "invalid JSON" },
	/* a value that is no object: said so on its line, or a second one */
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\n\"tap1\"\n", -EINVAL, 0, NULL, 0, 2,
	  "not a JSON object" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":4}\n5\n", -EINVAL, 0, NULL, 0, 2,
	  "not a JSON object" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":4} 5\n", -EINVAL, 0, NULL, 0, 1,
	  "a second JSON value on the line" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":4}\nnull {}\n", -EINVAL, 0, NULL, 0, 2,
	  "not a JSON object" },
	/* msg_enable is an integer, as -j prints it */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":5.0}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":5e0}\n", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1},{\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 2,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"a b\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"a/b\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"a:b\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"..\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname\":\"abcdefghijklmnop\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	/* \u0000 is JSON, but no name holds a NUL: no "JSON_ALLOW_NUL" */
	{ "[{\"ifname\":\"a\\u0000b\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname_hex\":\"61\\u000062\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	/* a key that is ignored may hold one */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1,\"x\":\"\\u0000\"}]", 0, 1, "tap0", 0x1, 1, NULL },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1,\"x\":\"\\u0000\"}\n", 0, 1, "tap0", 0x1, 1, NULL },
	/* but jansson reads no key that holds one (the man page says so) */
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":1,\"a\\u0000b\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "invalid JSON: NUL byte in object key" },
	{ "[{\"ifname\":7,\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	{ "[{\"ifname_hex\":\"612062\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"61616161616161616161616161616161\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"6\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"6100\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"6g\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	/* present, it is the name: one that is no string is no fallback */
	{ "[{\"ifname\":\"x\",\"ifname_hex\":5,\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname\":\"x\",\"ifname_hex\":null,\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	/* a pair is two hex digits, not what sscanf() would also take */
	{ "[{\"ifname_hex\":\" 161\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"+161\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname_hex\":\"-161\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "\"ifname_hex\" is not an interface name in hex" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":-1}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":4294967296}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "[{\"ifname\":\"tap0\",\"msg_enable\":\"0x1\"}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "[{\"ifname\":\"tap0\"}]", -EINVAL, 0, NULL, 0, 1,
	  "no \"msg_enable\" that is a 32-bit mask" },
	{ "[1]", -EINVAL, 0, NULL, 0, 1, "not a JSON object" },
	{ "{\"a\":1}", -EINVAL, 0, NULL, 0, 1,
	  "no \"ifname\" that is an interface name" },
	/* a value that is no array nor object is no JSON to jansson */
	{ "42", -EINVAL, 0, NULL, 0, 1, "not a JSON object" },
	{ "[{\"ifname\":\"tap0\",\"ifname\":\"tap1\",\"msg_enable\":1}]", -EINVAL, 0, NULL, 0, 1,
	  "invalid JSON: duplicate object key" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\n{\"ifname\":\"tap0\",\"ifname\":\"tap1\",\"msg_enable\":1}\n",
	  -EINVAL, 0, NULL, 0, 2, "invalid JSON: duplicate object key" },
	{ "[\n{\"ifname\":\"tap0\",\n\"msg_enable\":1}\n,]", -EINVAL, 0, NULL, 0, 4,
	  "invalid JSON" },
	/* in an array, a key given twice: the file's line, not the place */
	{ "[\n{\"ifname\":\"tap0\",\"msg_enable\":1},\n{\"ifname\":\"tap1\",\n\"msg_enable\":1,\"msg_enable\":2}]",
	  -EINVAL, 0, NULL, 0, 4, "invalid JSON: duplicate object key" },
	{ "{\"ifname\":\"tap0\",\"msg_enable\":1}\n{\"ifname\":\"tap1\",\n", -EINVAL, 0, NULL, 0, 2,
	  "invalid JSON" },
	{ "\"tap0\"", -EINVAL, 0, NULL, 0, 1, "not a JSON object" },
};

START_TEST(test_read_json)
{
	const struct json_case *c = &json_cases[_i];
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	int ret;

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ret = batch_read_json(&b, c->text, strlen(c->text), &errline, &err);
	ck_assert_msg(ret == c->ret, "'%s': %d, want %d (%s)", c->text, ret,
		      c->ret, ret ? err.msg : "");
	if (ret) {
		ck_assert_msg(strstr(err.msg, c->msg), "'%s': message '%s'",
			      c->text, err.msg);
		ck_assert_uint_eq(errline, c->line);
		ck_assert(!err.hint);
	} else {
		ck_assert_uint_eq(b.n, c->n);
	}
	if (!ret && c->n) {
		const struct job *j = &b.jobs[b.n - 1];

		ck_assert_str_eq(j->ifname, c->ifname);
		ck_assert(!j->pattern);
		ck_assert(!j->show);
		ck_assert(j->change.has_abs);
		ck_assert(!j->change.has_rel);
		ck_assert_uint_eq(j->change.abs, c->abs);
		ck_assert_uint_eq(j->lineno, c->line);
	}
	batch_free(&b);
}
END_TEST

/*
 * JSON lines are read within their length: text that ends in blanks and
 * has nothing after it (here a page nobody may read) is not read past.
 */
START_TEST(test_read_json_len)
{
	static const char text[] = "{\"ifname\":\"tap0\",\"msg_enable\":1}\n \t";
	static const char cut[] = "{\"ifname\":\"tap0\",\"msg_enable\":1}\n"
				  "{\"ifname\":\"tap1\"";
	long page = sysconf(_SC_PAGESIZE);
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	char *p;

	p = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(p != MAP_FAILED);
	ck_assert_int_eq(mprotect(p + page, (size_t)page, PROT_NONE), 0);
	p += page - (sizeof(text) - 1);
	memcpy(p, text, sizeof(text) - 1);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(batch_read_json(&b, p, sizeof(text) - 1, &errline,
					 &err), 0);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
	/* a file cut short in its second object is invalid JSON, on line 2 */
	p = p + (sizeof(text) - 1) - (sizeof(cut) - 1);
	memcpy(p, cut, sizeof(cut) - 1);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(batch_read_json(&b, p, sizeof(cut) - 1, &errline,
					 &err), -EINVAL);
	ck_assert_uint_eq(errline, 2);
	ck_assert_msg(strstr(err.msg, "invalid JSON"), "%s", err.msg);
	batch_free(&b);
}
END_TEST

/*
 * A NUL byte in a JSON file is said as in a text file, on its line: not
 * taken for the end of the file, as jansson takes one between values.
 */
START_TEST(test_read_json_nul)
{
	static const struct {
		const char *text;
		size_t len;
	} c[] = {
#define NUL_CASE(s) { s, sizeof(s) - 1 }
		NUL_CASE("{\"ifname\":\"tap0\",\"msg_enable\":1}\n\n\0\n"),
		NUL_CASE("[{\"ifname\":\"tap0\",\"msg_enable\":1},\n\n\0]"),
		NUL_CASE("{\"ifname\":\"tap0\",\"msg_enable\":1}\n\n{\"ifname\":\"t\0\"}\n"),
#undef NUL_CASE
	};
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		batch_init(&b, LEVEL_MAP_CUMULATIVE);
		ck_assert_int_eq(batch_read_json(&b, c[i].text, c[i].len,
						 &errline, &err), -EINVAL);
		ck_assert_str_eq(err.msg, "a NUL byte in the line (binary data?)");
		ck_assert_uint_eq(errline, 3);
		ck_assert_uint_eq(b.n, 0);
		batch_free(&b);
	}
}
END_TEST

/*
 * jansson's memory, counted: what it holds now, and a failure of every
 * allocation after the first @jansson_ok ones (malloc(3) says ENOMEM
 * then).
 */
static size_t jansson_live;
static long jansson_ok = -1;

static void *counting_malloc(size_t size)
{
	size_t *p;

	if (jansson_ok == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if (jansson_ok > 0)
		jansson_ok--;
	p = malloc(sizeof(size_t) * 2 + size);
	if (!p)
		return NULL;
	p[0] = size;
	jansson_live += size;
	return p + 2;
}

static void counting_free(void *ptr)
{
	size_t *p = ptr;

	if (!p)
		return;
	jansson_live -= p[-2];
	free(p - 2);
}

/*
 * The array show prints is read an element at a time, as the text lines
 * are: jansson's tree of a whole array took some 80 times its text
 * ("[{},{},...]": gigabytes for a file within the 64 MiB allowed), all
 * before its first element was looked at.  So the first element's error
 * is said, not the invalid JSON at the end, and jansson holds nothing
 * once it is.
 */
START_TEST(test_read_json_array_in_order)
{
	static const char text[] = "[\n {\"ifname\":\"tap0\",\"msg_enable\":1},\n {},\n"
				   " {\"ifname\":\"tap1\",\"msg_enable\":2},\n x";
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;

	json_set_alloc_funcs(counting_malloc, counting_free);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert_int_eq(batch_read_json(&b, text, strlen(text), &errline,
					 &err), -EINVAL);
	ck_assert_str_eq(err.msg, "no \"ifname\" that is an interface name");
	ck_assert_uint_eq(errline, 2);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_uint_eq(jansson_live, 0);
	batch_free(&b);
	json_set_alloc_funcs(malloc, free);
}
END_TEST

/*
 * Memory that runs out while jansson reads is memory exhausted (exit
 * status 1, "FILE: Cannot allocate memory"), not invalid JSON (a usage
 * error, exit status 2), in either shape.
 */
START_TEST(test_read_json_nomem)
{
	static const char *const texts[] = {
		"[{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]},\n"
		" {\"ifname\":\"tap1\",\"ifindex\":3,\"msg_enable\":0,\"classes\":[]}]",
		"{\"ifname\":\"tap0\",\"ifindex\":2,\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]}\n"
		"{\"ifname\":\"tap1\",\"ifindex\":3,\"msg_enable\":0,\"classes\":[]}\n",
	};
	struct cmdline_err err;
	unsigned int errline;
	struct batch b;
	size_t t;
	long ok;
	int ret;

	json_set_alloc_funcs(counting_malloc, counting_free);
	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		for (ok = 0; ok < 200; ok++) {
			jansson_ok = ok;
			batch_init(&b, LEVEL_MAP_CUMULATIVE);
			ret = batch_read_json(&b, texts[t], strlen(texts[t]),
					      &errline, &err);
			ck_assert_msg(ret == 0 || ret == -ENOMEM,
				      "text %zu, %ld allocations: %d (%s)", t,
				      ok, ret, ret == -EINVAL ? err.msg : "");
			batch_free(&b);
		}
	}
	jansson_ok = -1;
	json_set_alloc_funcs(malloc, free);
}
END_TEST

static Suite *batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("lines");

	tcase_add_loop_test(tc, test_line, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_default_map);
	tcase_add_test(tc, test_bad_line_at_chunk_end);
	tcase_add_test(tc, test_kernel_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_read_error_line);
	tcase_add_test(tc, test_read_json_as_text);
	tcase_add_test(tc, test_read_unknown_name_line);
	tcase_add_test(tc, test_read_nul_byte);
	tcase_add_test(tc, test_read_nul_byte_json_hint);
	tcase_add_test(tc, test_read_many);
	tcase_add_test(tc, test_read_many_chunks);
	tcase_add_test(tc, test_read_line_max);
	tcase_add_test(tc, test_read_endless_line);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_read_error_einval);
	tcase_add_test(tc, test_read_error_no_errno);
	tcase_add_test(tc, test_read_nonblocking);
	tcase_add_test(tc, test_read_bom);
	tcase_add_test(tc, test_read_json_len);
	tcase_add_test(tc, test_read_json_nul);
	tcase_add_test(tc, test_read_json_array_in_order);
	tcase_add_test(tc, test_read_json_nomem);
	tcase_add_loop_test(tc, test_read_json, 0,
			    sizeof(json_cases) / sizeof(json_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(batch_suite)
