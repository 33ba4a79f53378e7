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
#include <ctype.h>
#include <net/if.h>

#include "netifmsg.h"
#include "netns.h"

static const char usage_text[] =
"Usage: netifmsg [OPTION]...                 show every interface's level\n"
"       netifmsg [OPTION]... IFACE           show one interface\n"
"       netifmsg [OPTION]... IFACE CHANGE... change one interface\n"
"       netifmsg [OPTION]... IFACE --from-level N\n"
"       netifmsg --from-level N              print the mask of an old level\n"
"       netifmsg --decode CHANGE...          print the mask CHANGE words make\n"
"       netifmsg --list                      print the message classes\n"
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
"      --level-map MAP    read old levels as cumulative (default), exact\n"
"                         or kernel\n"
"      --decode           print the mask of the CHANGE words, no kernel access\n"
"      --list             print the message classes, bits and old levels\n"
"  -h, --help             print this help and exit\n"
"  -V, --version          print the version and exit\n"
"\n"
"Exit status: 0 success, 1 failure, 2 usage error.  See netifmsg(8).\n";

enum opt_id {
	OPT_JSON, OPT_HEX, OPT_NAMES, OPT_VERBOSE, OPT_QUIET, OPT_NETNS,
	OPT_FROM_LEVEL, OPT_LEVEL_MAP, OPT_DECODE, OPT_LIST, OPT_HELP,
	OPT_VERSION,
};

struct optdef {
	const char *name;
	char short_name;
	bool has_arg;
	enum opt_id id;
};

static const struct optdef optdefs[] = {
	{ "json",	'j', false, OPT_JSON },
	{ "hex",	'x', false, OPT_HEX },
	{ "names",	'N', false, OPT_NAMES },
	{ "verbose",	'v', false, OPT_VERBOSE },
	{ "quiet",	'q', false, OPT_QUIET },
	{ "netns",	'n', true,  OPT_NETNS },
	{ "from-level",	0,   true,  OPT_FROM_LEVEL },
	{ "level-map",	0,   true,  OPT_LEVEL_MAP },
	{ "decode",	0,   false, OPT_DECODE },
	{ "list",	0,   false, OPT_LIST },
	{ "help",	'h', false, OPT_HELP },
	{ "version",	'V', false, OPT_VERSION },
};

#define NOPTS	(sizeof(optdefs) / sizeof(optdefs[0]))

/* What the parser collected before the words are checked. */
struct cmdline {
	bool json, hex, names, decode, list, help, version, map_given;
	const char **words;	/* positional words, in order */
	int nwords;
};

void errmsg(const char *ifname, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("netifmsg: ", stderr);
	if (ifname)
		fprintf(stderr, "%s: ", ifname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("netifmsg: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'netifmsg --help'.\n", stderr);
	return EXIT_USAGE;
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

static int set_option(struct opts *o, struct cmdline *cl,
		      const struct optdef *d, const char *arg)
{
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
		o->level_arg = arg;
		break;
	case OPT_LEVEL_MAP:
		if (!level_map_parse(arg, &o->map))
			return usage_error("unknown level map '%s' (use cumulative, exact or kernel)",
					   arg);
		cl->map_given = true;
		break;
	case OPT_DECODE:
		cl->decode = true;
		break;
	case OPT_LIST:
		cl->list = true;
		break;
	case OPT_HELP:
		cl->help = true;
		break;
	case OPT_VERSION:
		cl->version = true;
		break;
	}
	return EXIT_OK;
}

/* "--name", "--name=value" or "--name value". */
static int parse_long(struct opts *o, struct cmdline *cl, int argc,
		      char **argv, int *i)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct optdef *d = find_long(name, len);
	const char *arg = NULL;

	if (!d)
		return usage_error("unknown option '--%.*s'", (int)len, name);
	if (d->has_arg) {
		if (eq)
			arg = eq + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else
			return usage_error("option '--%s' needs a value", d->name);
	} else if (eq) {
		return usage_error("option '--%s' takes no value", d->name);
	}
	return set_option(o, cl, d, arg);
}

/* "-jv", "-nNETNS" or "-n NETNS". */
static int parse_short(struct opts *o, struct cmdline *cl, int argc,
		       char **argv, int *i)
{
	const char *p;

	for (p = argv[*i] + 1; *p; p++) {
		const struct optdef *d = find_short(*p);
		const char *arg = NULL;
		int ret;

		if (!d)
			return usage_error("unknown option '-%c'", *p);
		if (d->has_arg) {
			if (p[1])
				arg = p + 1;
			else if (*i + 1 < argc)
				arg = argv[++*i];
			else
				return usage_error("option '-%c' needs a value", *p);
		}
		ret = set_option(o, cl, d, arg);
		if (ret || arg)
			return ret;
	}
	return EXIT_OK;
}

/*
 * Before IFACE (or --decode), words starting with '-' are options, GNU
 * style.  After it, only "--long" options and the exact short options
 * ("-j", "-n NETNS", ...) are: every other '-' word is a CHANGE, so
 * "-rx_err" turns rx_err off rather than meaning "-r -x ...".
 */
static int parse_argv(struct opts *o, struct cmdline *cl, int argc,
		      char **argv)
{
	bool only_words = false, after_target = false;
	int i, ret;

	for (i = 1; i < argc; i++) {
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
			cl->words[cl->nwords++] = w;
			continue;
		}
		if (ret)
			return ret;
		if (cl->decode)
			after_target = true;
	}
	return EXIT_OK;
}

/* The rules the kernel's dev_valid_name() applies. */
static bool ifname_valid(const char *name)
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

static int change_error(const struct change_err *err, const char *word)
{
	switch (err->code) {
	case CHANGE_UNKNOWN:
		if (err->suggestion)
			return usage_error("unknown message class '%s' (did you mean '%s'?); see 'netifmsg --list'",
					   err->item, err->suggestion);
		return usage_error("unknown message class '%s'; see 'netifmsg --list'",
				   err->item);
	case CHANGE_EMPTY:
		return usage_error("empty message class in '%s'", word);
	case CHANGE_BAD_NUMBER:
		return usage_error("invalid number '%s'", err->item);
	case CHANGE_RANGE:
		return usage_error("number '%s' does not fit in 32 bits",
				   err->item);
	case CHANGE_REL_NUMBER:
		return usage_error("'%s': only class names can be turned on or off (use bitN)",
				   err->item);
	case CHANGE_REL_NONE:
		return usage_error("'%s': 'none' cannot be turned on or off",
				   err->item);
	case CHANGE_OK:
		break;
	}
	return usage_error("%s: %s", err->item, change_strerror(err->code));
}

static int level_error(const struct opts *o, int ret)
{
	if (ret == -EDOM)
		return usage_error("level %s under the kernel map means the driver's default, which netifmsg cannot know (use 0..31)",
				   o->level_arg);
	return usage_error("level %s is out of range for the %s map (use -1..7; negative means no messages)",
			   o->level_arg, level_map_name(o->map));
}

/* Turn --from-level into an absolute word of the change. */
static int add_level(struct opts *o)
{
	uint32_t mask;
	long level;
	int ret;

	if (level_parse(o->level_arg, &level) < 0)
		return usage_error("invalid level '%s'", o->level_arg);
	ret = level_to_mask(o->map, level, &mask);
	if (ret < 0)
		return level_error(o, ret);
	o->change.abs |= mask;
	o->change.has_abs = true;
	return EXIT_OK;
}

static int pick_mode(struct opts *o, const struct cmdline *cl)
{
	if (cl->json + cl->hex + cl->names > 1)
		return usage_error("options -j, -x and -N exclude each other");
	if (o->quiet && (cl->json || cl->hex || cl->names || o->verbose))
		return usage_error("option -q excludes -j, -x, -N and -v");
	o->mode = cl->json ? OUT_JSON : cl->hex ? OUT_HEX :
		  cl->names ? OUT_NAMES : OUT_TEXT;
	return EXIT_OK;
}

static int pick_command(struct opts *o, const struct cmdline *cl)
{
	int first = 0, i, ret;

	if (cl->list) {
		if (cl->decode || o->level_arg || cl->nwords)
			return usage_error("--list takes no interface, CHANGE or level");
		o->cmd = CMD_LIST;
	} else if (cl->decode) {
		if (!cl->nwords && !o->level_arg)
			return usage_error("--decode needs at least one CHANGE word");
		o->cmd = CMD_DECODE;
	} else if (cl->nwords) {
		o->ifname = cl->words[0];
		first = 1;
		if (!ifname_valid(o->ifname))
			return usage_error("'%s' is not a valid interface name",
					   o->ifname);
		o->cmd = cl->nwords > 1 || o->level_arg ? CMD_CHANGE : CMD_SHOW;
	} else {
		o->cmd = o->level_arg ? CMD_LEVEL : CMD_SHOW_ALL;
	}
	if (cl->map_given && !o->level_arg)
		return usage_error("--level-map needs --from-level");
	if (o->netns && (o->cmd == CMD_LIST || o->cmd == CMD_DECODE ||
			 o->cmd == CMD_LEVEL))
		return usage_error("--netns needs a command that talks to the kernel");
	if (o->netns && !netns_name_valid(o->netns))
		return usage_error("'%s' is not a valid network namespace name",
				   o->netns);

	for (i = first; i < cl->nwords; i++) {
		struct change_err err;

		if (!change_add_word(&o->change, cl->words[i], &err))
			return change_error(&err, cl->words[i]);
	}
	if (o->level_arg) {
		ret = add_level(o);
		if (ret)
			return ret;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct opts o = { .map = LEVEL_MAP_CUMULATIVE };
	struct cmdline cl = { 0 };
	int ret;

	cl.words = calloc((size_t)argc, sizeof(*cl.words));
	if (!cl.words) {
		errmsg(NULL, "out of memory");
		return EXIT_FAIL;
	}
	change_init(&o.change);
	ret = parse_argv(&o, &cl, argc, argv);
	if (!ret && cl.help) {
		fputs(usage_text, stdout);
		goto out;
	}
	if (!ret && cl.version) {
		puts(PACKAGE_STRING);
		goto out;
	}
	if (!ret)
		ret = pick_mode(&o, &cl);
	if (!ret)
		ret = pick_command(&o, &cl);
	if (ret)
		goto out;

	switch (o.cmd) {
	case CMD_SHOW_ALL:
	case CMD_SHOW:
		ret = cmd_show(&o);
		break;
	case CMD_CHANGE:
		ret = cmd_change(&o);
		break;
	case CMD_LEVEL:
	case CMD_DECODE:
	case CMD_LIST:
		ret = cmd_local(&o);
		break;
	}
out:
	free(cl.words);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errmsg(NULL, "write error: %s", strerror(errno));
		if (!ret)
			ret = EXIT_FAIL;
	}
	return ret;
}
