/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The word parser shared by the command line and by --batch lines: words
 * in, a checked struct opts out, or a message saying what was wrong.  It
 * never prints and never talks to the kernel.
 */
#ifndef NETIFMSG_CMDLINE_H
#define NETIFMSG_CMDLINE_H

#include <stdbool.h>
#include <net/if.h>

#include "change.h"
#include "format.h"
#include "level.h"

enum command {
	CMD_SHOW_ALL,
	CMD_SHOW,
	CMD_CHANGE,
	CMD_LEVEL,	/* --from-level without IFACE: print the mask */
	CMD_DECODE,
	CMD_LIST,
	CMD_MONITOR,
	CMD_BATCH,
	CMD_HELP,
	CMD_VERSION,
};

struct opts {
	enum command cmd;
	enum out_mode mode;
	bool verbose;
	bool quiet;
	bool force;
	const char *netns;
	enum level_map map;
	const char *level_arg;	/* --from-level value, NULL if not given */
	const char *batch_file;	/* --batch FILE */
	const char *ifname;
	const char *const *ifnames;	/* --monitor filter, NULL if none */
	int nifnames;
	const char *const *words;	/* the CHANGE words after IFACE */
	int nwords;
	struct change change;
	bool ioctl;		/* --ioctl */
};

/* Where the words come from: the rules differ a little. */
enum cmdline_kind {
	CMDLINE_ARGV,		/* the program's own arguments */
	CMDLINE_BATCH_LINE,	/* one line of a --batch file */
};

/* Longest message a parse error can have. */
#define CMDLINE_ERR_MAX	512

struct cmdline_err {
	char msg[CMDLINE_ERR_MAX];
	bool hint;	/* worth a "Try 'netifmsg --help'." */
};

/* Defaults: show all, text, cumulative level map. */
void opts_init(struct opts *o);

/*
 * Parse @argc words of @argv (argv[0] is the first word, not the program
 * name) into @o, which opts_init() or the caller prepared.  @words must
 * have room for @argc pointers: it receives the words that are not
 * options, and o->ifnames points into it.  Returns 0, or 2 (the
 * usage-error exit status) with @err filled in.  A batch line accepts
 * only IFACE, CHANGE words, --from-level, --level-map and --, and must
 * name an interface.  @o keeps pointers into @argv.
 */
int cmdline_parse(struct opts *o, int argc, char *const *argv,
		  const char **words, enum cmdline_kind kind,
		  struct cmdline_err *err);

/*
 * Build o's change again from its words and --from-level, into @c, now
 * without deferring unknown names (see struct change): after the
 * kernel's class names were added.  Returns 0 or 2 with @err filled in.
 */
int cmdline_build_change(const struct opts *o, struct change *c,
			 struct cmdline_err *err);

/* The rules the kernel's dev_valid_name() applies. */
bool ifname_valid(const char *name);

#endif
