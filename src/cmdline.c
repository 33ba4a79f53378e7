// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The word parser: options, IFACE, CHANGE words and old levels, for the
 * command line and, with a few options fewer, for each line of a --batch
 * file, so that both read words the same way.  Every word is checked here,
 * before any request is sent; errors are returned as text, never printed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmdline.h"
#include "escape.h"
#include <limits.h>

enum opt_id {
	OPT_JSON, OPT_HEX, OPT_NAMES, OPT_VERBOSE, OPT_QUIET, OPT_NETNS,
	OPT_FROM_LEVEL, OPT_LEVEL_MAP, OPT_DECODE, OPT_LIST, OPT_MONITOR,
	OPT_BATCH, OPT_FORCE, OPT_HELP, OPT_VERSION, OPT_IOCTL,
};

struct optdef {
	const char *name;
	char short_name;
	bool has_arg;
	bool in_line;		/* allowed in a batch line */
	enum opt_id id;
};

static const struct optdef optdefs[] = {
	{ "json",	'j', false, false, OPT_JSON },
	{ "hex",	'x', false, false, OPT_HEX },
	{ "names",	'N', false, false, OPT_NAMES },
	{ "verbose",	'v', false, false, OPT_VERBOSE },
	{ "quiet",	'q', false, false, OPT_QUIET },
	{ "netns",	'n', true,  false, OPT_NETNS },
	{ "from-level",	0,   true,  true,  OPT_FROM_LEVEL },
	{ "level-map",	0,   true,  true,  OPT_LEVEL_MAP },
	{ "decode",	0,   false, false, OPT_DECODE },
	{ "list",	0,   false, false, OPT_LIST },
	{ "monitor",	0,   false, false, OPT_MONITOR },
	{ "batch",	0,   true,  false, OPT_BATCH },
	{ "force",	'f', false, false, OPT_FORCE },
	{ "help",	'h', false, false, OPT_HELP },
	{ "version",	'V', false, false, OPT_VERSION },
	{ "ioctl",	0,   false, false, OPT_IOCTL },
};

#define NOPTS	(sizeof(optdefs) / sizeof(optdefs[0]))

/*
 * The longest user word a message quotes whole: a longer one is cut
 * there with "...", so the reason after it always fits the message.
 */
#define QUOTE_MAX	64

/* A change item cut to fit struct change_err is longer still: it shows. */
_Static_assert(QUOTE_MAX + 1 < sizeof(((struct change_err *)0)->item),
	       "change_err items must hold more than QUOTE_MAX bytes");

/* What the parser collected before the words are checked. */
struct cmdline {
	enum cmdline_kind kind;
	struct cmdline_err *err;
	char quoted[2][QUOTE_MAX + sizeof("...")];	/* for quote() */
	unsigned int nquoted;
	unsigned int given;	/* 1 << opt_id of the options with a value */
	int before_decode;	/* words before --decode */
	const char *dash_word;	/* the first '-' word taken for a CHANGE */
	bool json, hex, names, decode, list, monitor, help, version, map_given;
	const char **words;	/* positional words, in order */
	int nwords;
};

static int __attribute__((format(printf, 3, 4)))
error(struct cmdline *cl, bool hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cl->err->msg, sizeof(cl->err->msg), fmt, ap);
	va_end(ap);
	cl->err->hint = hint;
	return -EINVAL;
}

#define usage_error(cl, ...)	error(cl, true, __VA_ARGS__)

/*
 * The first @len bytes of a user word, for quoting in a message (at most
 * two a message): cut at QUOTE_MAX bytes, not inside a UTF-8 character,
 * with "..." after it.  Every user word in a message goes through here.
 */
static const char *quote_n(struct cmdline *cl, const char *word, size_t len)
{
	char *buf = cl->quoted[cl->nquoted++ % 2];
	size_t n = strnlen(word, len);
	int back;

	if (n <= QUOTE_MAX) {
		memcpy(buf, word, n);
		buf[n] = '\0';
		return buf;
	}
	n = QUOTE_MAX;
	for (back = 0; back < 3 && ((unsigned char)word[n] & 0xc0) == 0x80; back++)
		n--;
	if (((unsigned char)word[n] & 0xc0) == 0x80)
		n += back;
	memcpy(buf, word, n);
	memcpy(buf + n, "...", sizeof("..."));
	return buf;
}

static const char *quote(struct cmdline *cl, const char *word)
{
	return quote_n(cl, word, strlen(word));
}

void opts_init(struct opts *o)
{
	*o = (struct opts){ .job.map = LEVEL_MAP_CUMULATIVE };
}

static const struct optdef *find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (strlen(optdefs[i].name) == len &&
		    !strncmp(optdefs[i].name, name, len))
			return &optdefs[i];
	return NULL;
}

static const struct optdef *find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (c && optdefs[i].short_name == c)
			return &optdefs[i];
	return NULL;
}

/* @as: the option as written, "-v" or "--verbose". */
static int set_option(struct opts *o, struct cmdline *cl,
		      const struct optdef *d, const char *as, const char *arg)
{
	if (cl->kind == CMDLINE_BATCH_LINE && !d->in_line)
		return error(cl, false, "option '%s' cannot be used in a batch line (only --from-level and --level-map can)",
			     quote(cl, as));
	/*
	 * One value each: which of two would be meant is a guess, and the
	 * wrong namespace or level is worse than an error.
	 */
	if (d->has_arg && (cl->given & 1u << d->id))
		return usage_error(cl, "option --%s given twice (it takes one value)",
				   d->name);
	if (d->has_arg)
		cl->given |= 1u << d->id;
	switch (d->id) {
	case OPT_JSON:
		cl->json = true;
		break;
	case OPT_HEX:
		cl->hex = true;
		break;
	case OPT_NAMES:
		cl->names = true;
		break;
	case OPT_VERBOSE:
		o->verbose = true;
		break;
	case OPT_QUIET:
		o->quiet = true;
		break;
	case OPT_NETNS:
		o->netns = arg;
		break;
	case OPT_FROM_LEVEL:
		o->job.level = arg;
		break;
	case OPT_LEVEL_MAP:
		if (!level_map_parse(arg, &o->job.map))
			return usage_error(cl, "unknown level map '%s' (use cumulative, exact or kernel)",
					   quote(cl, arg));
		cl->map_given = true;
		break;
	case OPT_DECODE:
		cl->decode = true;
		break;
	case OPT_LIST:
		cl->list = true;
		break;
	case OPT_MONITOR:
		cl->monitor = true;
		break;
	case OPT_BATCH:
		o->batch_file = arg;
		break;
	case OPT_FORCE:
		o->force = true;
		break;
	case OPT_HELP:
		cl->help = true;
		break;
	case OPT_VERSION:
		cl->version = true;
		break;
	case OPT_IOCTL:
		o->ioctl = true;
		break;
	}
	return 0;
}

/* "--name", "--name=value" or "--name value". */
static int parse_long(struct opts *o, struct cmdline *cl, int argc,
		      char *const *argv, int *i)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct optdef *d = find_long(name, len);
	const char *arg = NULL;

	if (!d)
		return usage_error(cl, "unknown option '--%s'",
				   quote_n(cl, name, len));
	if (d->has_arg) {
		if (eq)
			arg = eq + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else
			return usage_error(cl, "option '--%s' needs a value",
					   d->name);
	} else if (eq) {
		return usage_error(cl, "option '--%s' takes no value", d->name);
	}
	return set_option(o, cl, d, argv[*i - (arg && !eq)], arg);
}

/* "-jv", "-nNETNS" or "-n NETNS". */
static int parse_short(struct opts *o, struct cmdline *cl, int argc,
		       char *const *argv, int *i)
{
	const char *p;

	for (p = argv[*i] + 1; *p; p++) {
		const struct optdef *d = find_short(*p);
		const char *arg = NULL;
		int ret;

		if (!d)
			return usage_error(cl, "unknown option '-%c'", *p);
		if (d->has_arg) {
			if (p[1])
				arg = p + 1;
			else if (*i + 1 < argc)
				arg = argv[++*i];
			else
				return usage_error(cl, "option '-%c' needs a value",
						   *p);
		}
		ret = set_option(o, cl, d, (char[]){ '-', *p, '\0' }, arg);
		if (ret || arg)
			return ret;
	}
	return 0;
}

/*
 * Before IFACE (or --decode), words starting with '-' are options, GNU
 * style.  After it, only "--long" options and the exact short options
 * ("-j", "-n NETNS", ...) are: every other '-' word is a CHANGE, so
 * "-rx_err" turns rx_err off rather than meaning "-r -x ...".
 */
static int parse_words(struct opts *o, struct cmdline *cl, int argc,
		       char *const *argv)
{
	bool only_words = false, after_target = false, decode_seen = false;
	int i, ret;

	for (i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (only_words || w[0] != '-' || !w[1]) {
			cl->words[cl->nwords++] = w;
			after_target = true;
			continue;
		}
		if (!strcmp(w, "--")) {
			only_words = true;
			continue;
		}
		if (w[1] == '-')
			ret = parse_long(o, cl, argc, argv, &i);
		else if (!after_target || (!w[2] && find_short(w[1])))
			ret = parse_short(o, cl, argc, argv, &i);
		else {
			if (!cl->dash_word)
				cl->dash_word = w;
			cl->words[cl->nwords++] = w;
			continue;
		}
		if (ret)
			return ret;
		if (cl->decode && !decode_seen)
			cl->before_decode = cl->nwords;
		decode_seen = cl->decode;
		if (cl->decode)
			after_target = true;
	}
	return 0;
}

/*
 * -n: a name 'ip netns' could have made (no '/', not "." or ".."), or a
 * path to a namespace file (it has a '/').
 */
static bool netns_valid(const char *ns)
{
	size_t len = strlen(ns);

	if (!len || len >= PATH_MAX)
		return false;
	if (strchr(ns, '/'))
		return true;
	return strcmp(ns, ".") && strcmp(ns, "..") && len < NAME_MAX;
}

bool ifname_valid(const char *name)
{
	const char *p;

	if (!name[0] || strlen(name) >= IF_NAMESIZE || !strcmp(name, ".") ||
	    !strcmp(name, ".."))
		return false;
	for (p = name; *p; p++)
		if (*p == '/' || *p == ':' || isspace((unsigned char)*p))
			return false;
	return true;
}

/*
 * IFACE as written (a backslash escape, see escape.h, stands for one
 * byte) into its bytes, in place: the words are argv's or a batch
 * line's, both writable.  Then the kernel's rules.
 */
static int read_ifname(struct cmdline *cl, const char *word)
{
	char *name = (char *)word;

	if (!unescape_word(name))
		return usage_error(cl, "bad escape in interface name '%s' (see ESCAPES in netifmsg(8))",
				   quote(cl, word));
	if (!ifname_valid(name))
		return usage_error(cl, "'%s' is not a valid interface name",
				   quote(cl, name));
	return 0;
}

static int change_error(struct cmdline *cl, const struct change_err *err,
			const char *word)
{
	switch (err->code) {
	case CHANGE_UNKNOWN:
		if (err->suggestion)
			return usage_error(cl, "unknown message class '%s' (did you mean '%s'?); see 'netifmsg --list'",
					   quote(cl, err->item), err->suggestion);
		return usage_error(cl, "unknown message class '%s'; see 'netifmsg --list'",
				   quote(cl, err->item));
	case CHANGE_EMPTY:
		return usage_error(cl, "empty message class in '%s'",
				   quote(cl, word));
	case CHANGE_BAD_NUMBER:
		return usage_error(cl, "invalid number '%s'",
				   quote(cl, err->item));
	case CHANGE_RANGE:
		return usage_error(cl, "number '%s' does not fit in 32 bits",
				   quote(cl, err->item));
	case CHANGE_REL_NUMBER:
		return usage_error(cl, "'%s': only class names can be turned on or off (use bitN)",
				   quote(cl, err->item));
	case CHANGE_REL_NONE:
		return usage_error(cl, "'%s': 'none' cannot be turned on or off",
				   quote(cl, err->item));
	case CHANGE_OK:
		break;
	}
	return usage_error(cl, "%s: %s", quote(cl, err->item),
			   change_strerror(err->code));
}

static int level_error(struct cmdline *cl, const struct job *j, int ret)
{
	if (ret == -EDOM)
		return usage_error(cl, "level %s under the kernel map means the driver's default, which netifmsg cannot know (use 0..31)",
				   quote(cl, j->level));
	return usage_error(cl, "level %s is out of range for the %s map (use -1..7; negative means no messages)",
			   quote(cl, j->level), level_map_name(j->map));
}

/* Turn --from-level into an absolute word of the change. */
static int add_level(struct job *j, struct cmdline *cl)
{
	uint32_t mask;
	long level;
	int ret;

	if (level_parse(j->level, &level) < 0)
		return usage_error(cl, "invalid level '%s'", quote(cl, j->level));
	ret = level_to_mask(j->map, level, &mask);
	if (ret < 0)
		return level_error(cl, j, ret);
	j->change.abs |= mask;
	j->change.has_abs = true;
	return 0;
}

/* j's words and --from-level into j->change; unknown names counted if @defer. */
static int build(struct job *j, const struct classnames *cn, bool defer,
		 struct cmdline *cl)
{
	int i;

	change_init(&j->change);
	j->unknown = 0;
	for (i = 0; i < j->nwords; i++) {
		struct change_err err;

		if (!change_add_word(&j->change, cn, j->words[i],
				     defer ? &j->unknown : NULL, &err))
			return change_error(cl, &err, j->words[i]);
	}
	return j->level ? add_level(j, cl) : 0;
}

int job_build(struct job *j, const struct classnames *cn,
	      struct cmdline_err *err)
{
	struct cmdline cl = { .err = err };

	err->msg[0] = '\0';
	err->hint = false;
	return build(j, cn, false, &cl);
}

static int pick_mode(struct opts *o, struct cmdline *cl)
{
	if (cl->json + cl->hex + cl->names > 1)
		return usage_error(cl, "options -j, -x and -N exclude each other");
	if (o->quiet && (cl->json || cl->hex || cl->names || o->verbose))
		return usage_error(cl, "option -q excludes -j, -x, -N and -v");
	o->mode = cl->json ? OUT_JSON : cl->hex ? OUT_HEX :
		  cl->names ? OUT_NAMES : OUT_TEXT;
	return 0;
}

/* --monitor [IFACE...]: the words are interface names to watch. */
static int pick_monitor(struct opts *o, struct cmdline *cl)
{
	int i;

	if (o->job.level || cl->map_given || o->verbose || o->quiet ||
	    o->force)
		return usage_error(cl, "--monitor takes no --from-level, --level-map, -v, -q or -f");
	if (o->ioctl)
		return usage_error(cl, "--monitor cannot use --ioctl: the ioctl has no notifications");
	/* Only interface names follow: "-link" is a mistyped option. */
	if (cl->dash_word)
		return usage_error(cl, "unknown option '%s' (--monitor takes interface names; write -- before a name that starts with '-')",
				   quote(cl, cl->dash_word));
	for (i = 0; i < cl->nwords; i++) {
		int ret = read_ifname(cl, cl->words[i]);

		if (ret)
			return ret;
	}
	o->cmd = CMD_MONITOR;
	o->ifnames = cl->words;
	o->nifnames = cl->nwords;
	return 0;
}

/* --batch FILE: everything else is in the file. */
static int pick_batch(struct opts *o, struct cmdline *cl)
{
	if (cl->nwords || o->job.level)
		return usage_error(cl, "--batch takes no interface, CHANGE or --from-level on the command line (they go in the file)");
	if (!o->batch_file[0])
		return usage_error(cl, "--batch needs a file name ('-' for standard input)");
	o->cmd = CMD_BATCH;
	return 0;
}

/*
 * A word where IFACE would stand (before --decode) that is no CHANGE
 * word but could name an interface: "netifmsg tap0 --decode link".
 */
static bool looks_like_iface(const char *word)
{
	struct change_err err;
	struct change c;

	change_init(&c);
	return !change_add_word(&c, NULL, word, NULL, &err) &&
	       ifname_valid(word);
}

/* Which command the words ask for, and whether the options fit it. */
static int pick_target(struct opts *o, struct cmdline *cl)
{
	if (cl->list + cl->decode + cl->monitor + (o->batch_file != NULL) > 1)
		return usage_error(cl, "options --list, --decode, --monitor and --batch exclude each other");
	if (o->force && !o->batch_file)
		return usage_error(cl, "option -f (--force) needs --batch");
	if (cl->monitor)
		return pick_monitor(o, cl);
	if (o->batch_file)
		return pick_batch(o, cl);
	if (cl->list) {
		if (o->job.level || cl->nwords)
			return usage_error(cl, "--list takes no interface, CHANGE or level");
		o->cmd = CMD_LIST;
	} else if (cl->decode) {
		if (!cl->nwords && !o->job.level)
			return usage_error(cl, "--decode needs at least one CHANGE word");
		if (cl->before_decode && looks_like_iface(cl->words[0]))
			return usage_error(cl, "--decode takes no interface: '%s' is not a CHANGE word (to show an interface, leave out --decode)",
					   quote(cl, cl->words[0]));
		o->cmd = CMD_DECODE;
	} else if (cl->nwords) {
		o->job.ifname = cl->words[0];
		if (read_ifname(cl, o->job.ifname))
			return -EINVAL;
		o->cmd = cl->nwords > 1 || o->job.level ? CMD_CHANGE : CMD_SHOW;
	} else {
		o->cmd = o->job.level ? CMD_LEVEL : CMD_SHOW_ALL;
	}
	if (cl->map_given && !o->job.level)
		return usage_error(cl, "--level-map needs --from-level");
	return 0;
}

static int pick_command(struct opts *o, struct cmdline *cl)
{
	bool local;
	int first, ret;

	ret = pick_target(o, cl);
	if (ret)
		return ret;
	if (cl->kind == CMDLINE_BATCH_LINE && o->cmd != CMD_SHOW &&
	    o->cmd != CMD_CHANGE)
		return error(cl, false, "a batch line must start with an interface name");
	local = o->cmd == CMD_LIST || o->cmd == CMD_DECODE || o->cmd == CMD_LEVEL;
	if (o->netns && local)
		return usage_error(cl, "--netns needs a command that talks to the kernel");
	if (o->ioctl && local)
		return usage_error(cl, "--ioctl needs a command that talks to the kernel");
	if (o->netns && !netns_valid(o->netns))
		return usage_error(cl, "'%s' is not a valid network namespace name",
				   quote(cl, o->netns));
	if (o->cmd == CMD_MONITOR || o->cmd == CMD_BATCH)
		return 0;

	first = o->cmd == CMD_DECODE ? 0 : 1;
	o->job.words = cl->words + first;
	o->job.nwords = cl->nwords - first;
	o->job.show = o->cmd == CMD_SHOW;
	/*
	 * A name the table does not know may be one the running kernel
	 * knows: the command asks it, after everything else is checked here.
	 * The ioctl has no names to ask.
	 */
	return build(&o->job, NULL, o->cmd == CMD_CHANGE && !o->ioctl, cl);
}

int cmdline_parse(struct opts *o, int argc, char *const *argv,
		  const char **words, enum cmdline_kind kind,
		  struct cmdline_err *err)
{
	struct cmdline cl = { .kind = kind, .err = err, .words = words };
	int ret;

	err->msg[0] = '\0';
	err->hint = false;
	ret = parse_words(o, &cl, argc, argv);
	if (ret)
		return ret;
	if (cl.help || cl.version) {
		o->cmd = cl.help ? CMD_HELP : CMD_VERSION;
		return 0;
	}
	ret = pick_mode(o, &cl);
	if (ret)
		return ret;
	return pick_command(o, &cl);
}
