// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * netifmsg: show and change network drivers' message levels (msg_enable).
 *
 * main() parses and checks the whole command line, then dispatches to one
 * command.  Nothing is sent to the kernel until every word is known good.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netifmsg.h"
#include "out.h"

/* Most command lines are short: their words need no allocation. */
#define WORDS_ON_STACK	32

static const char usage_text[] =
"Usage: netifmsg [OPTION]...                 show every interface's level\n"
"       netifmsg [OPTION]... IFACE           show one interface\n"
"       netifmsg [OPTION]... IFACE CHANGE... change one interface\n"
"       netifmsg [OPTION]... IFACE --from-level N\n"
"       netifmsg --from-level N              print the mask of an old level\n"
"       netifmsg --decode CHANGE...          print the mask CHANGE words make\n"
"       netifmsg --list                      print the message classes\n"
"       netifmsg [OPTION]... --monitor [IFACE]...\n"
"                                            print changes as they happen\n"
"       netifmsg [OPTION]... --batch FILE    run 'IFACE [CHANGE...]' lines\n"
"\n"
"CHANGE: +NAME or -NAME turns a class on or off; NAME, bitN, NUMBER, all\n"
"or none set the whole mask.  Words may be joined with commas.\n"
"\n"
"Options:\n"
"  -j, --json             JSON output\n"
"  -x, --hex              print only the mask\n"
"  -N, --names            print only the class names\n"
"  -v, --verbose          after a change, print the result and if it changed\n"
"  -q, --quiet            print nothing but errors\n"
"  -n, --netns NETNS      run inside network namespace NETNS\n"
"      --from-level N     use the mask of old debug level N\n"
"      --level-map MAP    read old levels as MAP: cumulative, exact or kernel\n"
"      --decode           print the mask of the CHANGE words, no kernel access\n"
"      --list             print the message classes, bits and old levels\n"
"      --monitor          print every change of a mask until interrupted\n"
"      --batch FILE       run FILE's 'IFACE [CHANGE...]' lines ('-': stdin)\n"
"  -f, --force            in --batch, go on after a failed line\n"
"      --ioctl            use the legacy SIOCETHTOOL ioctl instead of netlink\n"
"  -h, --help             print this help and exit\n"
"  -V, --version          print the version and exit\n"
"      --                 end of options: the next word is IFACE\n"
"\n"
"Exit status: 0 success, 1 failure, 2 usage error.  See netifmsg(8).\n";

static const char *err_where;

void errmsg_where(const char *where)
{
	err_where = where;
}

void errmsg(const char *ifname, const char *fmt, ...)
{
	va_list ap;

	/* What was printed so far comes first. */
	out_flush();
	fputs("netifmsg: ", stderr);
	if (err_where)
		fprintf(stderr, "%s: ", err_where);
	if (ifname)
		fprintf(stderr, "%s: ", ifname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int usage(const struct cmdline_err *err)
{
	errmsg(NULL, "%s", err->msg);
	if (err->hint)
		fputs("Try 'netifmsg --help'.\n", stderr);
	return EXIT_USAGE;
}

static int run(const struct opts *o)
{
	if (o->ioctl && (o->cmd == CMD_SHOW_ALL || o->cmd == CMD_SHOW ||
			 o->cmd == CMD_CHANGE))
		return cmd_ioctl(o);
	switch (o->cmd) {
	case CMD_SHOW_ALL:
	case CMD_SHOW:
		return cmd_show(o);
	case CMD_CHANGE:
		return cmd_change(o);
	case CMD_MONITOR:
		return cmd_monitor(o);
	case CMD_BATCH:
		return cmd_batch(o);
	case CMD_LEVEL:
	case CMD_DECODE:
	case CMD_LIST:
		return cmd_local(o);
	case CMD_HELP:
		out_puts(usage_text);
		return EXIT_OK;
	case CMD_VERSION:
		out_line(PACKAGE_STRING);
		return EXIT_OK;
	}
	return EXIT_FAIL;
}

int main(int argc, char **argv)
{
	const char *few_words[WORDS_ON_STACK];
	struct cmdline_err err;
	const char **words = few_words;
	struct opts o;
	int ret, ret_out;

	/* Room for every word: the parser sorts options from the rest. */
	if (argc > WORDS_ON_STACK) {
		words = calloc((size_t)argc, sizeof(*words));
		if (!words) {
			errmsg(NULL, "out of memory");
			return EXIT_FAIL;
		}
	}
	opts_init(&o);
	/* For the test suite only: see ENVIRONMENT in netifmsg(8). */
	if (getenv("NETIFMSG_TEST_HIDE_CLASS"))
		msgclass_hide_builtin(getenv("NETIFMSG_TEST_HIDE_CLASS"));
	ret = cmdline_parse(&o, argc - 1, argv + 1, words, CMDLINE_ARGV, &err);
	if (ret)
		ret = usage(&err);
	else
		ret = run(&o);
	if (words != few_words)
		free(words);
	ret_out = out_flush();
	if (ret_out < 0) {
		errmsg(NULL, "write error: %s", strerror(-ret_out));
		if (!ret)
			ret = EXIT_FAIL;
	}
	return ret;
}
