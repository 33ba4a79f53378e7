/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The word parser shared by the command line and by --batch lines: words
 * in, a checked struct opts out, or a message saying what was wrong.  It
 * never prints and never talks to the kernel.
 */
#ifndef NETIFMSG_CMDLINE_H
#define NETIFMSG_CMDLINE_H

#include <stdbool.h>

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
	CMD_APPLY,	/* --apply [IFACE]: the configuration files */
	CMD_TRACE,	/* --trace IFACE [CHANGE...]: a debug session */
	CMD_HELP,
	CMD_VERSION,
};

struct batch;

/* Most --config options one command line may give. */
#define CMDLINE_CONFIGS_MAX	16

/*
 * What few jobs have, apart from the job: a long batch of plain lines
 * shares one empty one (job_more_none), so that each job stays small.
 */
struct job_more {
	const char *file;		/* a configuration file, or NULL */
	const char *const *drivers;	/* --driver NAMEs, or NULL */
	const char *const *words;	/* the CHANGE words (job_build()) */
	const char *level;		/* --from-level value, NULL if none */
	int ndrivers;
	int nwords;
	enum level_map map;
};

/* The first --driver given (they are kept last first), or NULL. */
static inline const char *job_first_driver(const struct job_more *m)
{
	return m->ndrivers ? m->drivers[m->ndrivers - 1] : NULL;
}

/* Nothing more: no file, no --driver, no words kept, no level. */
extern const struct job_more job_more_none;

/*
 * One interface and what to do with it: the command line's IFACE and
 * CHANGE words, or one line of a --batch file.
 */
struct job {
	const char *ifname;		/* NULL: no interface */
	const struct job_more *more;	/* never NULL */
	struct change change;
	unsigned int lineno;		/* of a batch file, from 1; 0: argv */
	unsigned int unknown;		/* names the built-in table lacks */
	uint32_t ifindex;		/* @one's interface, with @ifname */
	bool pattern;			/* ifname is a glob (fnmatch(3)) */
	bool show;			/* no CHANGE: show the interface */
	bool one;			/* made of a selector for one interface */
};

struct opts {
	enum command cmd;
	enum out_mode mode;
	bool verbose;
	bool quiet;
	bool force;
	bool ioctl;			/* --ioctl */
	const char *netns;
	const char *batch_file;		/* --batch FILE */
	const char *configs[CMDLINE_CONFIGS_MAX];	/* --config FILEs */
	int nconfigs;
	struct job_more more;		/* job.more points here */
	unsigned int for_ms;		/* --for SECONDS, 0: until stopped */
	bool timestamp;			/* -t: --monitor prints the time */
	uint32_t ifindex;		/* --apply --ifindex N, 0: none */
	struct batch *batch;		/* its lines, once read (cmd_read_input) */
	/* --monitor filter, NULL if none: fnmatch(3) patterns, names quoted */
	const char *const *ifnames;
	int nifnames;
	struct job job;			/* IFACE, CHANGE, --from-level */
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

/*
 * The longest user word a message quotes whole: a longer one is cut
 * there with "...", so the reason after it always fits the message.
 */
#define QUOTE_MAX	64
#define QUOTE_SIZE	(QUOTE_MAX + sizeof("..."))

/*
 * The first @len bytes of @word, for quoting in a message, in @buf: cut
 * at QUOTE_MAX bytes, not inside a UTF-8 character, with "..." after
 * it.  Every user word in a message goes through here.  Returns @buf.
 */
const char *quote_word(char buf[QUOTE_SIZE], const char *word, size_t len);

/*
 * What batch_read() adds to a message for a line read as text where JSON
 * was meant; the longest message leaves room for it.
 */
#define CMDLINE_JSON_HINT \
	" (JSON is read only where the file starts with '[' or '{')"

/* Fill in @err, snprintf style.  Returns -EINVAL. */
int cmdline_err_set(struct cmdline_err *err, bool hint, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Defaults: show all, text, cumulative level map. */
void opts_init(struct opts *o);

/*
 * Parse @argc words of @argv (argv[0] is the first word, not the program
 * name) into @o, which opts_init() or the caller prepared.  @words must
 * have room for @argc pointers: it receives the words that are not
 * options (the --driver values from its end), and o->ifnames and
 * o->more point into it.  Returns 0, or -EINVAL with @err filled in.  A
 * batch line accepts only IFACE, CHANGE words, --from-level,
 * --level-map, --driver and --, and must name interfaces (IFACE or
 * --driver).  Where the kernel may know more class names (a change of
 * an interface), a name the built-in table lacks is only counted in
 * o->job.unknown, to be read with job_build() once the kernel's names
 * are known.  @o keeps pointers into @argv.
 */
int cmdline_parse(struct opts *o, int argc, char *const *argv,
		  const char **words, enum cmdline_kind kind,
		  struct cmdline_err *err);

/*
 * Build @j's change again from its words and --from-level, reading names
 * with @cn (NULL: the built-in table), with no name left unknown: for a
 * job whose parse left names for later (j->unknown); any other job's
 * change is complete already and stays.  Returns 0 or -EINVAL with @err
 * filled in.
 */
int job_build(struct job *j, const struct classnames *cn,
	      struct cmdline_err *err);

/* Why @j's IFACE, where it names no interface, may be no name at all. */
enum iface_slip {
	SLIP_NONE,
	SLIP_CHANGE,	/* a CHANGE word: IFACE left out ("+link -ifup") */
	SLIP_MSGLVL,	/* ethtool's word, in ethtool's order ("msglvl 5") */
	SLIP_QUOTED,	/* a line's name in quotes, as for a shell */
};
enum iface_slip job_iface_slip(const struct job *j);

/*
 * A glob character no backslash quotes: the word is a pattern (and a
 * --monitor filter o->ifnames[i] one that is no quoted name).
 */
bool word_has_glob(const char *w);

/*
 * The rules the kernel's dev_valid_name() applies, but up to an
 * alternative name's length (ALTIFNAMSIZ - 1 bytes).
 */
bool ifname_valid(const char *name);

/*
 * Does @j select more than one interface by its form (a pattern or
 * --driver), so that every line printed about it must name it?
 */
static inline bool job_is_selector(const struct job *j)
{
	return !j->one && (j->pattern || j->more->ndrivers);
}

#endif
