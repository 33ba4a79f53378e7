// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The word parser (see cmdline.h): one for the command line and each
 * --batch line, so that both read words the same way.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "cmdline.h"
#include "escape.h"

enum opt_id {
	OPT_JSON, OPT_HEX, OPT_NAMES, OPT_VERBOSE, OPT_QUIET, OPT_NETNS,
	OPT_FROM_LEVEL, OPT_LEVEL_MAP, OPT_DECODE, OPT_LIST, OPT_MONITOR,
	OPT_BATCH, OPT_FORCE, OPT_HELP, OPT_VERSION, OPT_IOCTL, OPT_DRIVER,
	OPT_APPLY, OPT_CONFIG, OPT_TRACE, OPT_FOR, OPT_TIMESTAMP, OPT_IFINDEX,
	NOPT_IDS
};

struct optdef {
	const char *name;
	char short_name;
	bool has_arg;
	bool in_line;		/* allowed in a batch line */
	enum opt_id id;
	/*
	 * The field of struct opts the option sets, by offset: its bool when
	 * it takes no value, else its value as given.  0 (the offset of cmd,
	 * which no option sets): none.
	 */
	size_t field;
};

#define IN_OPTS(name)	offsetof(struct opts, name)

static const struct optdef optdefs[] = {
	{ "json",	'j', false, false, OPT_JSON, 0 },
	{ "hex",	'x', false, false, OPT_HEX, 0 },
	{ "names",	'N', false, false, OPT_NAMES, 0 },
	{ "verbose",	'v', false, false, OPT_VERBOSE, IN_OPTS(verbose) },
	{ "quiet",	'q', false, false, OPT_QUIET, IN_OPTS(quiet) },
	{ "netns",	'n', true,  false, OPT_NETNS, IN_OPTS(netns) },
	{ "from-level",	0,   true,  true,  OPT_FROM_LEVEL, IN_OPTS(more.level) },
	{ "level-map",	0,   true,  true,  OPT_LEVEL_MAP, 0 },
	{ "decode",	0,   false, false, OPT_DECODE, 0 },
	{ "list",	0,   false, false, OPT_LIST, 0 },
	{ "monitor",	0,   false, false, OPT_MONITOR, 0 },
	{ "batch",	0,   true,  false, OPT_BATCH, IN_OPTS(batch_file) },
	{ "force",	'f', false, false, OPT_FORCE, IN_OPTS(force) },
	{ "help",	'h', false, false, OPT_HELP, 0 },
	{ "version",	'V', false, false, OPT_VERSION, 0 },
	{ "ioctl",	0,   false, false, OPT_IOCTL, IN_OPTS(ioctl) },
	{ "driver",	0,   true,  true,  OPT_DRIVER, 0 },
	{ "apply",	0,   false, false, OPT_APPLY, 0 },
	{ "config",	0,   true,  false, OPT_CONFIG, 0 },
	{ "trace",	0,   false, false, OPT_TRACE, 0 },
	{ "for",	0,   true,  false, OPT_FOR, 0 },
	{ "timestamp",	't', false, false, OPT_TIMESTAMP, IN_OPTS(timestamp) },
	{ "ifindex",	0,   true,  false, OPT_IFINDEX, 0 },
};

_Static_assert(offsetof(struct opts, cmd) == 0,
	       "a field of 0 in optdefs must stand for no field");

#define NOPTS	(sizeof(optdefs) / sizeof(optdefs[0]))

/* A change item cut to fit struct change_err is longer still: it shows. */
_Static_assert(QUOTE_MAX + 1 < sizeof(((struct change_err *)0)->item),
	       "change_err items must hold more than QUOTE_MAX bytes");

/* What the parser collected before the words are checked. */
struct cmdline {
	enum cmdline_kind kind;
	struct cmdline_err *err;
	char quoted[2][QUOTE_SIZE];	/* for quote() */
	unsigned int nquoted;
	bool given[NOPT_IDS];	/* the options given, by opt_id */
	bool word_before_decode;	/* a word came before --decode */
	bool dash_change;	/* a '-' word was taken for a CHANGE */
	bool dd_first;		/* "--" came before the first word */
	bool stdin_config;	/* a --config is "-" */
	bool reread;		/* the words again, by --monitor's rule */
	char *const *argv;	/* the words to parse */
	int argc;		/* and the pointers @words has room for */
	const char **words;	/* positional words, in order */
	int nwords;
	bool implicit_iface;	/* --driver without IFACE: "*" */
	const struct opts *o;	/* the options parsed */
};

int cmdline_err_set(struct cmdline_err *err, bool hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->hint = hint;
	return -EINVAL;
}

#define usage_error(cl, ...)	cmdline_err_set((cl)->err, true, __VA_ARGS__)

const char *quote_word(char buf[QUOTE_SIZE], const char *word, size_t len)
{
	size_t n = strnlen(word, len), back = 0;
	bool cut = n > QUOTE_MAX;

	/*
	 * Back to the first byte of a character cut: a lead byte within 3
	 * (after ASCII, continuation bytes start no character: no UTF-8).
	 */
	n = cut ? QUOTE_MAX : n;
	while (cut && back < 3 && ((unsigned char)word[n - back] & 0xc0) == 0x80)
		back++;
	if (cut && ((unsigned char)word[n - back] & 0xc0) == 0xc0)
		n -= back;
	memcpy(buf, word, n);
	strcpy(buf + n, cut ? "..." : "");
	return buf;
}

/* quote_word(), at most two a message; quote(): the whole word. */
static const char *quote_n(struct cmdline *cl, const char *word, size_t len)
{
	return quote_word(cl->quoted[cl->nquoted++ % 2], word, len);
}

#define quote(cl, word)	quote_n(cl, word, SIZE_MAX)

const struct job_more job_more_none = { .map = LEVEL_MAP_CUMULATIVE };

void opts_init(struct opts *o)
{
	*o = (struct opts){ .more.map = LEVEL_MAP_CUMULATIVE };
	o->job.more = &o->more;
}

static const struct optdef *find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (optdefs[i].short_name == c)
			return &optdefs[i];
	return NULL;
}

/* The long option named by the @len bytes at @name, or NULL. */
static const struct optdef *find_long(const char *name, size_t len)
{
	const struct optdef *d;

	for (d = optdefs; d < optdefs + NOPTS; d++)
		if (!strncmp(d->name, name, len) && !d->name[len])
			return d;
	return NULL;
}

static bool is_word(const char *s, const char *word)
{
	return msgclass_word_is(s, strlen(s), word);
}

/* --for SECONDS: a positive decimal number of seconds, up to a day. */
static int parse_for(struct opts *o, struct cmdline *cl, const char *arg)
{
	unsigned long ms = 0, scale = 1000;
	const char *p = arg;
	bool tiny = false;

	for (; *p >= '0' && *p <= '9' && ms <= 86400000; p++)
		ms = ms * 10 + (unsigned long)(*p - '0') * 1000;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			ms += (unsigned long)(*p - '0') * (scale /= 10);
			tiny |= *p != '0';
		}
	}
	/* Counted in milliseconds: a positive time below one is one. */
	if (!ms && tiny)
		ms = 1;
	if (p == arg || *p || !ms || ms > 86400000)
		return usage_error(cl, "invalid --for '%s' (use seconds, more than 0 and at most 86400)",
				   quote(cl, arg));
	o->for_ms = (unsigned int)ms;
	return 0;
}

/*
 * @as: the option as written, "-v" or "--verbose".  @arg: the value
 * given in the same word ("--netns=x", "-nx"), or NULL: the value is
 * then the next word, and *@i moves on to it.
 */
static int set_option(struct opts *o, struct cmdline *cl,
		      const struct optdef *d, const char *as, const char *arg,
		      int *i)
{
	if (d->has_arg && !arg) {
		if (*i + 1 >= cl->argc)
			return usage_error(cl, "option '%s' needs a value", as);
		arg = cl->argv[++*i];
	}
	if (cl->kind == CMDLINE_BATCH_LINE && !d->in_line)
		return cmdline_err_set(cl->err, false, "option '%s' cannot be used in a batch line (only --from-level, --level-map and --driver can)",
				       quote(cl, as));
	/*
	 * One value each: which of two would be meant is a guess, and the
	 * wrong namespace or level is worse than an error.  --driver and
	 * --config are lists.
	 */
	if (d->has_arg && d->id != OPT_DRIVER && d->id != OPT_CONFIG &&
	    cl->given[d->id])
		return usage_error(cl, "option --%s given twice (it takes one value)",
				   d->name);
	if (d->id == OPT_DECODE && !cl->given[OPT_DECODE])
		cl->word_before_decode = cl->nwords > 0;
	cl->given[d->id] = true;
	if (d->field && d->has_arg)
		*(const char **)((char *)o + d->field) = arg;
	else if (d->field)
		*(bool *)((char *)o + d->field) = true;
	switch (d->id) {
	case OPT_LEVEL_MAP:
		if (!level_map_parse(arg, &o->more.map))
			return usage_error(cl, "unknown level map '%s' (use cumulative, exact or kernel)",
					   quote(cl, arg));
		break;
	case OPT_DRIVER:
		if (!arg[0] || strlen(arg) >= DRIVER_NAME_MAX)
			return usage_error(cl, "'%s' is not a driver name",
					   quote(cl, arg));
		cl->words[cl->argc - ++o->more.ndrivers] = arg;
		o->more.drivers = cl->words + cl->argc - o->more.ndrivers;
		break;
	case OPT_FOR:
		return parse_for(o, cl, arg);
	case OPT_IFINDEX:
		/* Decimal, 1 to INT_MAX as the kernel's: "0", "010", "0x1" are not. */
		if (arg[0] == '0' ||
		    msgclass_parse_number(arg, strlen(arg), &o->ifindex) ||
		    o->ifindex > INT_MAX)
			return usage_error(cl, "invalid --ifindex '%s' (use an interface index: 1 to %d, no leading 0)",
					   quote(cl, arg), INT_MAX);
		break;
	case OPT_CONFIG:
		if (!arg[0])
			return usage_error(cl, "--config needs a file name");
		if (o->nconfigs == CMDLINE_CONFIGS_MAX)
			return usage_error(cl, "more than %d --config files",
					   CMDLINE_CONFIGS_MAX);
		/* The second would read what the first left: nothing. */
		if (!strcmp(arg, "-") && cl->stdin_config)
			return usage_error(cl, "--config - given twice (standard input is read once)");
		cl->stdin_config |= !strcmp(arg, "-");
		o->configs[o->nconfigs++] = arg;
		break;
	default:
		break;
	}
	return 0;
}

/* "--name", "--name=value" or "--name value". */
static int parse_long(struct opts *o, struct cmdline *cl, int *i)
{
	const char *as = cl->argv[*i], *name = as + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct optdef *d = find_long(name, len);

	/* "--=x" whole: "--" alone is no unknown option. */
	if (!d)
		return usage_error(cl, "unknown option '--%s'",
				   quote_n(cl, name, len ? len : SIZE_MAX));
	if (eq && !d->has_arg)
		return usage_error(cl, "option '--%s' takes no value", d->name);
	/* Without '=', @as is "--" and the option's name. */
	return set_option(o, cl, d, as, eq ? eq + 1 : NULL, i);
}

/* Does @w (after its '-') read as short options, "-jv" or "-nNETNS"? */
static bool short_options(const char *w)
{
	for (; *w; w++) {
		const struct optdef *d = find_short(*w);

		if (!d || d->has_arg)
			return d != NULL;
	}
	return true;
}

/* Would @w be options before IFACE: "-jv", "-nNETNS", "--for=1"? */
static bool reads_as_options(const char *w)
{
	if (w[0] != '-' || !w[1])
		return false;
	if (w[1] != '-')
		return short_options(w + 1);
	return find_long(w + 2, str_cspan(w + 2, "=")) != NULL;
}

/* "-jv", "-nNETNS" or "-n NETNS". */
static int parse_short(struct opts *o, struct cmdline *cl, int *i)
{
	const char *p = cl->argv[*i] + 1;

	/* Only interface names follow --monitor: "-link" is a mistyped option. */
	if (!short_options(p) && (cl->given[OPT_MONITOR] || cl->reread))
		return usage_error(cl, "unknown option '%s' (--monitor takes interface names; write -- before a name that starts with '-')",
				   quote(cl, cl->argv[*i]));
	/* "--driver tun -timer" (or -all, -link,-wol): a change meant. */
	if (!short_options(p) && change_is_word(cl->argv[*i], NULL))
		return usage_error(cl, "'%s' is read as options before an interface name: a -NAME change goes after it (with --driver alone, '*' names every interface of the driver)",
				   quote(cl, cl->argv[*i]));
	for (; *p; p++) {
		const struct optdef *d = find_short(*p);
		int ret;

		/* "-j-": a '-' there would read "--", which ends options. */
		if (!d && *p == '-')
			return usage_error(cl, "unknown option '-' in '%s'",
					   quote(cl, cl->argv[*i]));
		/* A whole character, not a byte of one ("-\xc3"). */
		if (!d) {
			uint32_t cp;
			size_t k = utf8_seq((const unsigned char *)p, strlen(p),
					    &cp);

			return usage_error(cl, "unknown option '-%.*s'",
					   k ? (int)k : 1, p);
		}
		ret = set_option(o, cl, d, (char[]){ '-', *p, '\0' },
				 d->has_arg && p[1] ? p + 1 : NULL, i);
		/* A value ends the word: "-nfoo" is -n foo. */
		if (ret || d->has_arg)
			return ret;
	}
	return 0;
}

/*
 * Before IFACE (or --decode), words starting with '-' are options, GNU
 * style.  After it, only "--long" options and the exact short options
 * ("-j", "-n NETNS", ...) are: every other '-' word is a CHANGE, so
 * "-rx_err" turns rx_err off rather than meaning "-r -x ...".
 * A '-' word before IFACE that is no short options ("-eth0") waits for
 * the words up to the next error: --monitor among them changes its error.
 */
static int parse_words(struct opts *o, struct cmdline *cl)
{
	bool only_words = false;
	int i, bad = -1, pasted = -1, ret = 0;

	for (i = 0; i < cl->argc; i++) {
		const char *w = cl->argv[i];
		bool after_target = cl->nwords || cl->given[OPT_DECODE];

		/*
		 * In a batch line, a word in parentheses after IFACE ends
		 * it: what netifmsg prints after a state ("(changed)")
		 * reads back.  Also after "--", which ends options only:
		 * no CHANGE word starts with '('.
		 */
		if (cl->kind == CMDLINE_BATCH_LINE && w[0] == '(' && cl->nwords)
			break;
		if (only_words || w[0] != '-' || !w[1]) {
			cl->words[cl->nwords++] = w;
			continue;
		}
		if (!strcmp(w, "--")) {
			cl->dd_first = !cl->nwords;	/* "--" is read once */
			only_words = true;
			continue;
		}
		/* A pasted "ethtool -s IFACE msglvl ...": msglvl says how. */
		if (!after_target && !strcmp(w, "-s") && i + 2 < cl->argc &&
		    cl->argv[i + 1][0] != '-' && is_word(cl->argv[i + 2], "msglvl")) {
			pasted = i;
			continue;
		}
		if (w[1] == '-') {
			ret = parse_long(o, cl, &i);
		} else if (!after_target && !short_options(w + 1)) {
			if (bad < 0)
				bad = i;
		} else if (!after_target || cl->given[OPT_MONITOR] ||
			   cl->reread || (!w[2] && find_short(w[1]))) {
			ret = parse_short(o, cl, &i);
		} else {
			cl->dash_change = true;
			cl->words[cl->nwords++] = w;
		}
		if (ret)
			break;
	}
	/* --monitor's words are interfaces: no msglvl comes to say it. */
	if (!ret && bad < 0 && pasted >= 0 && cl->given[OPT_MONITOR])
		bad = pasted;
	return bad < 0 ? ret : parse_short(o, cl, &bad);
}

/*
 * -n: a name 'ip netns' could have made (no '/', not "." or ".."), or a
 * path to a namespace file (it has a '/').
 */
static bool netns_valid(const char *ns)
{
	size_t len = strlen(ns);

	return len && len < PATH_MAX && (strchr(ns, '/') ||
	       (strcmp(ns, ".") && strcmp(ns, "..") && len <= NAME_MAX));
}

bool word_has_glob(const char *w)
{
	for (; *w; w++) {
		if (*w == '\\' && w[1])
			w++;
		else if (*w == '*' || *w == '?' || *w == '[')
			return true;
	}
	return false;
}

/*
 * IFACE's length without the ':' netifmsg prints after a name, unless a
 * backslash escapes it: "a\\\\:" is the name "a\\" printed, with its ':'.
 */
static size_t iface_len(const char *w)
{
	size_t len = strlen(w), bs = 0;

	while (bs + 1 < len && w[len - 2 - bs] == '\\')
		bs++;
	return len - (len > 1 && w[len - 1] == ':' && !(bs % 2));
}

/*
 * IFACE as written, without that ':' (iface_len()): names cannot hold
 * one.  A word with an unquoted '*', '?' or '[' is a pattern for
 * fnmatch(3); any other is a name, its escapes (ESCAPES in netifmsg(8))
 * taken out.  The word is the caller's (cmdline_parse() says so) and is
 * changed in place.
 */
static int take_iface(struct cmdline *cl, const char *word, bool *pattern)
{
	char *w = (char *)word;
	size_t len = iface_len(w);
	/* As written: the word is read in place, a pattern keeps escapes. */
	const char *typed = quote(cl, word);

	w[len] = '\0';
	*pattern = word_has_glob(w);
	if (!(*pattern ? unescape_pattern(w) : unescape_word(w)))
		return usage_error(cl, "bad escape in interface name '%s' (see ESCAPES in netifmsg(8))",
				   typed);
	/* What no interface name can hold, a pattern cannot match either. */
	if (*pattern && (len >= 256 || w[str_cspan(w, "/: \t\n\v\f\r")]))
		return usage_error(cl, "'%s' is not a valid interface pattern",
				   typed);
	if (!*pattern && !ifname_valid(w))
		return usage_error(cl, "'%s' is not a valid interface name",
				   quote(cl, w));
	return 0;
}

/* The blanks are those of isspace() in the C locale (ascii_isspace()). */
bool ifname_valid(const char *name)
{
	return name[0] && strlen(name) < ALTIFNAMSIZ && strcmp(name, ".") &&
	       strcmp(name, "..") && !name[str_cspan(name, "/: \t\n\v\f\r")];
}

/* Could @w name an interface as IFACE, maybe with the ':' printed after it? */
static bool iface_word_valid(const char *w)
{
	char name[ALTIFNAMSIZ];
	int len = (int)iface_len(w);

	return snprintf(name, sizeof(name), "%.*s", len, w) < (int)sizeof(name) &&
	       ifname_valid(name);
}

/*
 * @iface: the interface, where it reads as a CHANGE word ("+link tap0");
 * @first: @word is the first CHANGE word after an interface.
 */
static int change_error(struct cmdline *cl, const struct change_err *err,
			const char *word, const char *iface, bool first)
{
	bool line = cl->kind == CMDLINE_BATCH_LINE;
	size_t key = str_cspan(err->item, "=");

	switch (err->code) {
	case CHANGE_UNKNOWN:
		/* "#drv" too: a comment, not a class name to correct. */
		if (line && err->item[0] == '#')
			return usage_error(cl, "unknown message class '%s' (a comment takes a line of its own)",
					   quote(cl, err->item));
		/* "tap0 debug 3" or "debug=3": the old integer, as a module parameter. */
		if (msgclass_word_is(err->item, key, "debug") ||
		    msgclass_word_is(err->item, key, "level"))
			return usage_error(cl, "unknown message class '%s' (for an old debug level N, write --from-level N)",
					   quote(cl, err->item));
		if (err->suggestion)
			return usage_error(cl, "unknown message class '%s' (did you mean '%s'?); see 'netifmsg --list'",
					   quote(cl, err->item), err->suggestion);
		/* "tap0 -jv", "-- -odd +link --for 1": options, too late. */
		if (cl->kind == CMDLINE_ARGV && reads_as_options(word))
			return usage_error(cl, "unknown message class '%s' (after IFACE, --decode or --, '%s' is a CHANGE word: put options before them)",
					   quote(cl, err->item), quote(cl, word));
		if (iface)
			return usage_error(cl, "unknown message class '%s' (IFACE comes first: '%s' is read as the interface)",
					   quote(cl, err->item),
					   quote(cl, iface));
		/* "tap0 tap1": a second interface, most likely. */
		if (first && !strcmp(err->item, word) && ifname_valid(word) &&
		    word[str_cspan(word, "0123456789")] && !strchr(word, '='))
			return usage_error(cl, "unknown message class '%s' (one IFACE per %s; for several, use a pattern)",
					   quote(cl, word), line ? "line" : "command");
		return usage_error(cl, "unknown message class '%s'; see 'netifmsg --list'",
				   quote(cl, err->item));
	case CHANGE_EMPTY:
		return usage_error(cl, "empty message class in '%s'",
				   quote(cl, word));
	case CHANGE_BAD_NUMBER:
		/* "010": 10 to ethtool over netlink, octal 8 to strtoul(3). */
		if (err->item[0] == '0' && ascii_isdigit((unsigned char)err->item[1]))
			return usage_error(cl, "invalid number '%s' (no leading 0: ethtool reads it as decimal, strtoul(3) as octal)",
					   quote(cl, err->item));
		return usage_error(cl, "invalid number '%s'",
				   quote(cl, err->item));
	case CHANGE_RANGE:
		return usage_error(cl, "number '%s' does not fit in 32 bits",
				   quote(cl, err->item));
	case CHANGE_VM_SIGN:
		return usage_error(cl, "'%s': VALUE/MASK cannot hold +NAME or -NAME items (give them as words of their own)",
				   quote(cl, err->item));
	case CHANGE_VM_OUTSIDE:
		return usage_error(cl, "'%s': value bits 0x%08x are outside the mask",
				   quote(cl, err->item), err->bits);
	case CHANGE_REL_NUMBER:
	case CHANGE_REL_NONE:
	case CHANGE_VM_FORM:
	case CHANGE_OK:
		break;
	}
	/* change_strerror() says all there is to say about these. */
	return usage_error(cl, "'%s': %s", quote(cl, err->item),
			   change_strerror(err->code));
}

/* Turn --from-level into an absolute word of the change. */
static int add_level(struct job *j, struct cmdline *cl)
{
	const char *q = quote(cl, j->more->level);
	const char *map = level_map_name(j->more->map);
	uint32_t mask;
	long long big;
	long level;
	int ret;

	if (level_parse(j->more->level, &level) < 0)
		return usage_error(cl, "invalid level '%s'", q);
	ret = level_to_mask(j->more->map, level, &mask);
	/* Beyond an int, kstrtoint() refuses it (a long may have 32 bits). */
	big = strtoll(j->more->level, NULL, 10);
	if (ret == -EDOM && (big < INT_MIN || big > INT_MAX))
		return usage_error(cl, "level %s under the kernel map does not fit a driver's debug= (an int): the kernel refuses it (use 0..31)",
				   q);
	/* The other maps read a negative level as none: one that fits. */
	if (!ret && big < INT_MIN)
		return usage_error(cl, "level %s under the %s map does not fit a driver's debug= (an int): the kernel refuses it (use -1..7; negative means no messages)",
				   q, map);
	if (ret == -EDOM)
		return usage_error(cl, "level %s under the kernel map means the driver's default, which netifmsg cannot know (use 0..31%s)",
				   q, level < 0 ?
				   "; --level-map cumulative reads a negative level as no messages" : "");
	if (ret < 0 && level < 32)
		return usage_error(cl, "level %s is out of range for the %s map (use -1..7; negative means no messages); --level-map kernel reads it as a driver's debug=%ld does",
				   q, map, level);
	if (ret < 0)
		return usage_error(cl, "level %s is out of range for the %s map (use -1..7; negative means no messages)",
				   q, map);
	j->change.abs |= mask;
	j->change.has_abs = true;
	return 0;
}

/*
 * ethtool's "NAME on" / "NAME off": +NAME / -NAME, for each item of a
 * NAME joined with commas, or with blanks ("$(netifmsg -N eth0)" on).
 * A "none" item (what -N prints for an empty mask) names no class: with
 * nothing else, the word is the relative "0/0", which changes no bit.
 * Returns the word to add, written into @buf, or NULL where it does not
 * fit.
 */
static const char *on_off(const char *name, bool on, char *buf, size_t size)
{
	size_t n = 0, item;
	int len;

	name += str_span(name, CHANGE_BLANKS);
	for (;;) {
		item = str_cspan(name, "," CHANGE_BLANKS);
		if (!msgclass_word_is(name, item, "none")) {
			len = snprintf(buf + n, size - n, "%s%c%.*s",
				       n ? "," : "", on ? '+' : '-',
				       (int)item, name);
			if (len < 0 || (size_t)len >= size - n)
				return NULL;
			n += (size_t)len;
		}
		name += item;
		if (*name == ',')
			name++;
		else if (*(name += str_span(name, CHANGE_BLANKS)) == '\0')
			return n ? buf : "0/0";
	}
}

/* With --driver, a first word that is no IFACE unless it ends in ':'. */
static bool reads_as_change(const char *w)
{
	return w[0] == '+' || change_is_word(w, NULL) || is_word(w, "msglvl");
}

/* Word @i of @words is ethtool's: "msglvl", or a "-s" just before it. */
static bool ethtool_word(const char *const *words, int n, int i)
{
	return is_word(words[i], "msglvl") ||
	       (!strcmp(words[i], "-s") && i + 1 < n &&
		is_word(words[i + 1], "msglvl"));
}

/*
 * A pasted "ethtool -s IFACE msglvl ...", its other words good: show the
 * netifmsg form; in a batch line, the line's (without "netifmsg").  The
 * form keeps the options that decide where, how and what the command
 * changes (-n, --ioctl, --trace, --from-level...) or prints: without
 * them it would change another namespace's interface, or another mask,
 * or for good.
 */
static int msglvl_error(struct cmdline *cl, const struct job *j)
{
	static const char *const modes[] = {
		[OUT_TEXT] = "", [OUT_JSON] = " -j", [OUT_HEX] = " -x",
		[OUT_NAMES] = " -N",
	};
	/* Room for the reason, and on a batch line for the JSON hint. */
	char form[CMDLINE_ERR_MAX - 64 - sizeof(CMDLINE_JSON_HINT)];
	char name[ESCAPED_MAX(ALTIFNAMSIZ)];
	bool line = cl->kind == CMDLINE_BATCH_LINE, kept = false, odd = false;
	const struct opts *o = cl->o;
	size_t n = 0;
	int i;

#define ADD(...)	(n += n < sizeof(form) ?	\
	(size_t)snprintf(form + n, sizeof(form) - n, __VA_ARGS__) : 0)
	ADD("%s", line ? "" : "netifmsg");
	/* -n and --driver take no escapes: a value a shell must quote. */
	if (o->netns) {
		ADD(" -n %s", o->netns);
		odd = !shell_plain(o->netns, true);
	}
	ADD("%s%s%s%s%s", o->ioctl ? " --ioctl" : "", modes[o->mode],
	    o->verbose ? " -v" : "", o->quiet ? " -q" : "",
	    cl->given[OPT_TRACE] ? " --trace" : "");
	/*
	 * As it can be given again: whole seconds, or up to 3 decimals.
	 * %g drops the trailing zeros, and 15 digits print any count of
	 * milliseconds up to a day exactly.
	 */
	if (o->for_ms)
		ADD(" --for %.15g", o->for_ms / 1000.0);
	if (j->more->level)
		ADD(" --from-level %s", j->more->level);
	if (cl->given[OPT_LEVEL_MAP])
		ADD(" --level-map %s", level_map_name(j->more->map));
	/* The --driver values are kept last first. */
	for (i = j->more->ndrivers - 1; i >= 0; i--) {
		ADD(" --driver %s", j->more->drivers[i]);
		odd |= !shell_plain(j->more->drivers[i], false);
	}
	/*
	 * "--driver tun msglvl 5": the "*" that stands for every one of it.
	 * A name as it is typed again (its escapes: "tap\*", "\-odd").
	 */
	if (j->ifname && !j->pattern)
		format_ifname(name, sizeof(name), j->ifname);
	if (!cl->implicit_iface) {
		const char *w = !j->ifname ? "--decode" :
				j->pattern ? j->ifname : name;

		/* "--driver tun link: msglvl 5": "link" alone is a CHANGE. */
		ADD(" %s%s", w, j->ifname && !j->pattern &&
		    j->more->ndrivers && reads_as_change(j->ifname) ? ":" : "");
		/*
		 * Typed into a shell, "a;id" or "b$(id)" would run "id", and
		 * "tap*", "tap\\*" or "a{b,c}" would be other patterns or names.
		 */
		odd |= !line && w[str_cspan(w, ";&|<>()$`'\"!~*?[{\\")];
	}
	for (i = 0; i < j->more->nwords; i++) {
		if (ethtool_word(j->more->words, j->more->nwords, i))
			continue;
		ADD(" %s", j->more->words[i]);
		/* "'drv probe link' off", typed as shown: three words. */
		odd |= !shell_plain(j->more->words[i], true);
		kept = true;
	}
#undef ADD
	/* "tap0 msglvl" alone: the form would show, not change (--trace: +all). */
	if (!kept && !j->more->level && !cl->given[OPT_TRACE])
		return usage_error(cl, "'msglvl' is ethtool's word, not netifmsg's, and %s needs at least one CHANGE word",
				   j->ifname ? "a change" : "--decode");
	/*
	 * Cut, it would name another interface or leave a word out; with a
	 * name left for the kernel's table, it may be refused itself; typed
	 * as shown, an odd value would be other words or bytes.
	 */
	if (n >= sizeof(form) || j->unknown || odd)
		return usage_error(cl, "'msglvl' is ethtool's word, not netifmsg's: write the command without it");
	return usage_error(cl, "'msglvl' is ethtool's word, not netifmsg's: write '%s'",
			   form + (line && form[0] == ' '));
}

/* Items of @w ("link,-wol"): 1 if one is a +/- name (not number), 2 unsigned. */
static int item_signs(const char *w)
{
	const char *p;
	int signs = 0;

	for (p = w; *p; p++) {
		if (strchr("," CHANGE_BLANKS, *p) ||
		    (p > w && !strchr("," CHANGE_BLANKS, p[-1])))
			continue;
		if (!strchr("+-", *p))
			signs |= 2;
		else if (!ascii_isdigit((unsigned char)p[str_span(p, "+-")]))
			signs |= 1;
	}
	return signs;
}

/* j's words and --from-level into j->change; unknown names counted if @defer. */
static int build(struct job *j, const struct classnames *cn, bool defer,
		 struct cmdline *cl)
{
	char pair[CMDLINE_ERR_MAX];
	bool msglvl = false, read = false;
	int i, ret;

	change_init(&j->change);
	for (i = 0; i < j->more->nwords; i++) {
		/* @w is what is read, @word what was written (for messages). */
		const char *word = j->more->words[i], *w = word;
		const char *next = i + 1 < j->more->nwords ? j->more->words[i + 1] : "";
		bool paired = false;
		struct change_err err;

		/* ethtool's "-s msglvl" (a "-s" after IFACE: no option). */
		if (ethtool_word(j->more->words, j->more->nwords, i)) {
			msglvl = true;
			continue;
		}
		if (is_word(w, "on") || is_word(w, "off"))
			return usage_error(cl, "'%s' needs a class name before it (NAME on|off, as ethtool's msglvl)",
					   w);
		if (is_word(next, "on") || is_word(next, "off")) {
			/* "+link on": the word is good alone ("+link,drv" is not). */
			if ((w[0] == '+' || w[0] == '-') &&
			    !(item_signs(w) & 2) && change_is_word(w, cn))
				return usage_error(cl, "'%s' before '%s': +NAME and -NAME take no on or off (write '%s' alone, or NAME on|off)",
						   quote(cl, w), next, quote(cl, w));
			if ((item_signs(w) & 1) && w[str_cspan(w, "," CHANGE_BLANKS)])
				return usage_error(cl, "'%s' before '%s': +NAME and -NAME take no on or off (write +NAME or -NAME alone, or NAME on|off)",
						   quote(cl, w), next);
			w = on_off(w, is_word(next, "on"), pair, sizeof(pair));
			if (!w)
				return usage_error(cl, "the list of classes before '%s' is too long (write +NAME or -NAME words)",
						   next);
			paired = true;
			i++;
		}
		if (change_add_word(&j->change, cn, w,
				    defer ? &j->unknown : NULL, &err)) {
			read = true;
			continue;
		}
		/* on_off() signed a number or VALUE/MASK ("+5 on": "++5"). */
		if (paired && (err.code == CHANGE_REL_NUMBER ||
			       err.code == CHANGE_VM_SIGN ||
			       err.code == CHANGE_VM_FORM))
			return usage_error(cl, "'%s' before '%s': only class names can be turned on or off (write bitN %s)",
					   quote(cl, word), next, next);
		/* "link on" in one argument ("$(netifmsg -N eth0) off"). */
		if (err.code == CHANGE_UNKNOWN &&
		    (is_word(err.item, "on") || is_word(err.item, "off")))
			return usage_error(cl, "'%s': '%s' must be an argument of its own (NAME on|off, as ethtool's msglvl)",
					   quote(cl, word), err.item);
		return change_error(cl, &err, word,
				    j->ifname && change_is_word(j->ifname, cn) ?
				    j->ifname : NULL, j->ifname && !read && !paired);
	}
	ret = j->more->level ? add_level(j, cl) : 0;
	return ret || !msglvl ? ret : msglvl_error(cl, j);
}

enum iface_slip job_iface_slip(const struct job *j)
{
	if (!j->ifname)
		return SLIP_NONE;
	if (!j->pattern && change_is_word(j->ifname, NULL))
		return SLIP_CHANGE;
	if (!j->pattern && is_word(j->ifname, "msglvl"))
		return SLIP_MSGLVL;
	return j->lineno && strchr("'\"", j->ifname[0]) ? SLIP_QUOTED : SLIP_NONE;
}

int job_build(struct job *j, const struct classnames *cn,
	      struct cmdline_err *err)
{
	struct cmdline cl = { .err = err, .kind = j->lineno ?
			      CMDLINE_BATCH_LINE : CMDLINE_ARGV };

	*err = (struct cmdline_err){ 0 };
	/* Nothing was left for later (and a batch may have let the words go). */
	if (j->unknown && build(j, cn, false, &cl))
		return -EINVAL;
	j->unknown = 0;
	return 0;
}

static int pick_mode(struct opts *o, struct cmdline *cl)
{
	bool json = cl->given[OPT_JSON], hex = cl->given[OPT_HEX];
	bool names = cl->given[OPT_NAMES];

	if (json + hex + names > 1)
		return usage_error(cl, "options -j, -x and -N exclude each other");
	if (o->quiet && (json || hex || names || o->verbose))
		return usage_error(cl, "option -q excludes -j, -x, -N and -v");
	o->mode = json ? OUT_JSON : hex ? OUT_HEX : names ? OUT_NAMES : OUT_TEXT;
	return 0;
}

/*
 * A name as the fnmatch(3) pattern that matches it alone: its glob
 * characters and backslashes quoted.  In place: it is never longer than
 * the word it was read from, where each of them took two bytes or more.
 */
static void glob_quote(char *name)
{
	char buf[2 * ALTIFNAMSIZ], *to = buf;
	const char *p;

	for (p = name; *p; p++) {
		if (*p == '*' || *p == '?' || *p == '[' || *p == '\\')
			*to++ = '\\';
		*to++ = *p;
	}
	*to = '\0';
	strcpy(name, buf);
}

/* --monitor [IFACE...]: the words are interface names to watch. */
static int pick_monitor(struct opts *o, struct cmdline *cl)
{
	int i;

	if (o->more.level || cl->given[OPT_LEVEL_MAP] || o->verbose ||
	    o->quiet || o->force)
		return usage_error(cl, "--monitor takes no --from-level, --level-map, -v, -q or -f");
	if (o->ioctl)
		return usage_error(cl, "--monitor cannot use --ioctl: the ioctl has no notifications");
	for (i = 0; i < cl->nwords; i++) {
		bool pattern;
		int ret;

		/* "--monitor eth0 +link": a change, not a second name. */
		if (cl->words[i][0] == '+' && change_is_word(cl->words[i], NULL))
			return usage_error(cl, "'%s' reads as a CHANGE word: --monitor watches interfaces and changes none (write an interface of that name with a backslash before its '+')",
					   quote(cl, cl->words[i]));
		ret = take_iface(cl, cl->words[i], &pattern);
		if (ret)
			return ret;
		/* Each is matched with fnmatch(3): a name must match itself only. */
		if (!pattern)
			glob_quote((char *)cl->words[i]);
	}
	o->cmd = CMD_MONITOR;
	o->ifnames = cl->words;
	o->nifnames = cl->nwords;
	return 0;
}

/* --batch FILE: everything else is in the file. */
static int pick_batch(struct opts *o, struct cmdline *cl)
{
	if (o->more.ndrivers)
		return usage_error(cl, "--driver goes in the lines of a --batch file, not on its command line");
	/* --batch -f FILE: -f is the file, and FILE an interface. */
	if ((cl->nwords || o->more.level) && o->batch_file[0] == '-' &&
	    o->batch_file[1])
		return usage_error(cl, "--batch takes no interface, CHANGE or --from-level on the command line (they go in the file; its file here is '%s': give options before --batch)",
				   quote(cl, o->batch_file));
	if (cl->nwords || o->more.level)
		return usage_error(cl, "--batch takes no interface, CHANGE or --from-level on the command line (they go in the file)");
	if (!o->batch_file[0])
		return usage_error(cl, "--batch needs a file name ('-' for standard input)");
	o->cmd = CMD_BATCH;
	return 0;
}

/*
 * "--driver e1000e +link" or "--driver e1000e 0x3": with --driver, a
 * first word that reads as a CHANGE word means every interface of the
 * driver ('*').  An interface named like one is written "NAME:", or
 * after "--".  Any other '+' word is a CHANGE: "+likn" is an unknown
 * class, not an interface.
 */
static bool driver_all(const struct cmdline *cl)
{
	const char *w;

	if (!cl->o->more.ndrivers || !cl->nwords)
		return cl->o->more.ndrivers;	/* --driver alone: all */
	w = cl->words[0];
	if (cl->dd_first || !w[0] || w[strlen(w) - 1] == ':')
		return false;
	return reads_as_change(w);
}

/* The job's interfaces: IFACE, or every one of the driver (driver_all()). */
static int take_target(struct opts *o, struct cmdline *cl)
{
	if (driver_all(cl)) {
		o->job.ifname = "*";
		o->job.pattern = true;
		cl->implicit_iface = true;
		return 0;
	}
	o->job.ifname = cl->words[0];
	return take_iface(cl, cl->words[0], &o->job.pattern);
}

/* --apply [IFACE]: what the configuration files say, for all or one. */
static int pick_apply(struct opts *o, struct cmdline *cl)
{
	/* "--apply --driver igb +link": a CHANGE, as --driver reads it. */
	if (cl->nwords > 1 || o->more.level || cl->given[OPT_LEVEL_MAP] ||
	    (cl->nwords && driver_all(cl)))
		return usage_error(cl, "--apply takes one interface at most, and no CHANGE, --from-level or --level-map (they go in the configuration)");
	o->cmd = CMD_APPLY;
	/* The udev rule's form: the name as it is, never read as a word. */
	if (o->ifindex && (cl->nwords || o->more.ndrivers))
		return usage_error(cl, "--ifindex names the interface: no IFACE or --driver with it");
	/* IFACE; --driver alone: every interface of the driver, as elsewhere. */
	return cl->nwords || o->more.ndrivers ? take_target(o, cl) : 0;
}

/* --trace IFACE [CHANGE...]: a change to undo later; +all by default. */
static int pick_trace(struct opts *o, struct cmdline *cl)
{
	if (o->mode == OUT_HEX || o->mode == OUT_NAMES || o->verbose)
		return usage_error(cl, "--trace prints kernel log records: -x, -N and -v do not apply");
	if (!cl->nwords && !o->more.ndrivers)
		return usage_error(cl, "--trace needs an interface");
	if (cl->given[OPT_LEVEL_MAP] && !o->more.level)
		return usage_error(cl, "--level-map needs --from-level");
	o->cmd = CMD_TRACE;
	return take_target(o, cl);
}

/* Which command the words ask for, and whether the options fit it. */
static int pick_target(struct opts *o, struct cmdline *cl)
{
	if (cl->given[OPT_LIST] + cl->given[OPT_DECODE] +
	    cl->given[OPT_MONITOR] + cl->given[OPT_APPLY] +
	    cl->given[OPT_TRACE] + (o->batch_file != NULL) > 1)
		return usage_error(cl, "options --list, --decode, --monitor, --batch, --apply and --trace exclude each other");
	if (o->for_ms && !cl->given[OPT_TRACE])
		return usage_error(cl, "option --for needs --trace");
	if (o->timestamp && !cl->given[OPT_MONITOR])
		return usage_error(cl, "option -t (--timestamp) needs --monitor");
	if (o->force && !o->batch_file)
		return usage_error(cl, "option -f (--force) needs --batch");
	if (o->nconfigs && !cl->given[OPT_APPLY])
		return usage_error(cl, "option --config needs --apply");
	if (o->ifindex && !cl->given[OPT_APPLY])
		return usage_error(cl, "option --ifindex needs --apply");
	if (cl->given[OPT_APPLY])
		return pick_apply(o, cl);
	if (cl->given[OPT_TRACE])
		return pick_trace(o, cl);
	if (cl->given[OPT_MONITOR])
		return pick_monitor(o, cl);
	if (o->batch_file)
		return pick_batch(o, cl);
	if (cl->given[OPT_LIST]) {
		if (o->more.level || cl->nwords)
			return usage_error(cl, "--list takes no interface, CHANGE or level");
		if (o->mode == OUT_HEX)
			return usage_error(cl, "--list takes no -x (-N prints the names alone, -j the table in JSON)");
		o->cmd = CMD_LIST;
	} else if (cl->given[OPT_DECODE]) {
		if (!cl->nwords && !o->more.level)
			return usage_error(cl, "--decode needs at least one CHANGE word");
		/* "netifmsg tap0 --decode link": a name where IFACE stood. */
		if (cl->word_before_decode && !change_is_word(cl->words[0], NULL) &&
		    iface_word_valid(cl->words[0]))
			return usage_error(cl, "--decode takes no interface: '%s' is not a CHANGE word (to show an interface, leave out --decode)",
					   quote(cl, cl->words[0]));
		o->cmd = CMD_DECODE;
	} else if (cl->nwords || o->more.ndrivers) {
		int ret = take_target(o, cl);
		int changes = cl->implicit_iface ? cl->nwords : cl->nwords - 1;

		if (ret)
			return ret;
		o->cmd = changes || o->more.level ? CMD_CHANGE : CMD_SHOW;
	} else {
		o->cmd = o->more.level ? CMD_LEVEL : CMD_SHOW_ALL;
	}
	if (cl->given[OPT_LEVEL_MAP] && !o->more.level)
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
		return cmdline_err_set(cl->err, false, "a batch line must start with an interface name");
	local = o->cmd == CMD_LIST || o->cmd == CMD_DECODE || o->cmd == CMD_LEVEL;
	/* -v says what a change did (and that the ioctl is used instead). */
	if (local && (o->netns || o->ioctl || o->more.ndrivers || o->verbose))
		return usage_error(cl, "%s needs a command that talks to the kernel",
				   o->netns ? "--netns" : o->ioctl ? "--ioctl" :
				   o->more.ndrivers ? "--driver" : "-v");
	if (o->netns && !netns_valid(o->netns))
		return usage_error(cl, "'%s' is not a valid network namespace name",
				   quote(cl, o->netns));
	if (o->netns && o->netns[strlen(o->netns) - 1] == '/')
		return usage_error(cl, "'%s' ends in '/', which names a directory: -n takes a network namespace name, or the path of its file",
				   quote(cl, o->netns));
	if (o->cmd == CMD_MONITOR || o->cmd == CMD_BATCH || o->cmd == CMD_APPLY)
		return 0;

	/* Past IFACE, where there is one (show all, --list: no words). */
	first = o->cmd == CMD_DECODE || cl->implicit_iface || !cl->nwords ?
		0 : 1;
	o->more.words = cl->words + first;
	o->more.nwords = cl->nwords - first;
	if (o->cmd == CMD_TRACE && !o->more.nwords && !o->more.level) {
		static const char *const all[] = { "+all" };

		o->more.words = all;
		o->more.nwords = 1;
	}
	o->job.show = o->cmd == CMD_SHOW;
	/*
	 * A name the table does not know may be one the running kernel
	 * knows: the command asks it, after everything else is checked here.
	 * The ioctl has no names to ask.
	 */
	return build(&o->job, NULL,
		     (o->cmd == CMD_CHANGE || o->cmd == CMD_TRACE) && !o->ioctl,
		     cl);
}

int cmdline_parse(struct opts *o, int argc, char *const *argv,
		  const char **words, enum cmdline_kind kind,
		  struct cmdline_err *err)
{
	const struct opts init = *o;
	struct cmdline cl;
	int ret, pass;

	*err = (struct cmdline_err){ 0 };
	/*
	 * --monitor takes no CHANGE: every '-' word is options.  Where a
	 * word after IFACE was taken for a CHANGE before --monitor came
	 * ("tap0 -jt --monitor"), the words are read again; where one of
	 * them then takes "--monitor" as its value ("tap0 -jn --monitor"),
	 * there is no --monitor, as with the words before IFACE.
	 */
	for (pass = 0; pass < 2; pass++) {
		cl = (struct cmdline){ .kind = kind, .err = err, .argv = argv,
				       .argc = argc, .words = words, .o = o };
		cl.reread = pass;
		*o = init;
		ret = parse_words(o, &cl);
		if (!cl.given[OPT_MONITOR] || !cl.dash_change)
			break;
	}
	if (ret)
		return ret;
	if (cl.given[OPT_HELP] || cl.given[OPT_VERSION]) {
		o->cmd = cl.given[OPT_HELP] ? CMD_HELP : CMD_VERSION;
		return 0;
	}
	ret = pick_mode(o, &cl);
	return ret ? ret : pick_command(o, &cl);
}
