// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over the command line: the word parsers one by one
 * (msgclass_lookup, msgclass_parse_number, msgclass_suggest,
 * change_add_word, level_parse, level_to_mask), each with the round
 * trips that must hold; then the whole parser, cmdline_parse(), on the
 * input as argv words (separated by NUL bytes) and as the words of a
 * --batch line, with every job built again by job_build(); then the
 * input as a --batch file (batch_read()).  None of it prints or talks to
 * the kernel.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <limits.h>

#include "batch.h"
#include "change.h"
#include "cmdline.h"
#include "format.h"
#include "level.h"
#include "msgclass.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS	64


static void check_lookup(const char *s, size_t len)
{
	char buf[MSGCLASS_NAME_MAX];
	const char *name, *sugg;
	int bit = msgclass_lookup(NULL, s, len);

	if (bit >= 0) {
		require(bit < 32);
		name = msgclass_name(NULL, (unsigned int)bit, buf);
		require(msgclass_lookup(NULL, name, strlen(name)) == bit);
	}
	sugg = msgclass_suggest(NULL, s, len);
	if (sugg)
		require(msgclass_lookup(NULL, sugg, strlen(sugg)) >= 0);
}

static void check_number(const char *s, size_t len)
{
	char buf[32];
	uint32_t v, back;
	int ret = msgclass_parse_number(s, len, &v);

	require(ret == 0 || ret == -EINVAL || ret == -ERANGE);
	if (ret)
		return;
	snprintf(buf, sizeof(buf), "%u", v);
	require(msgclass_parse_number(buf, strlen(buf), &back) == 0 && back == v);
	snprintf(buf, sizeof(buf), "0x%x", v);
	require(msgclass_parse_number(buf, strlen(buf), &back) == 0 && back == v);
}

/* Every bit the change writes: for a relative change on|off, else all. */
static uint32_t touched(const struct change *c)
{
	return c->has_abs ? UINT32_MAX : c->on | c->off;
}

/* A change that parsed must print as names that parse to the same mask. */
static void check_change(const char *word)
{
	struct change c, again, deferred;
	struct change_err err;
	struct ifstate st = { 0 };
	char names[FORMAT_STATE_MAX], *p;
	unsigned int unknown = 0;
	uint32_t mask;
	bool ok;

	change_init(&c);
	ok = change_add_word(&c, NULL, word, NULL, &err);
	/* Counting unknown names fails only for the other mistakes. */
	change_init(&deferred);
	if (change_add_word(&deferred, NULL, word, &unknown, NULL)) {
		require(ok == !unknown);
		if (ok)
			require(deferred.abs == c.abs && deferred.on == c.on &&
				deferred.off == c.off &&
				deferred.has_abs == c.has_abs &&
				deferred.has_rel == c.has_rel);
		else
			require(err.code == CHANGE_UNKNOWN);
	} else {
		require(!ok);
	}
	if (!ok) {
		require(err.code != CHANGE_OK);
		require(strlen(err.item) < sizeof(err.item));
		require(change_strerror(err.code) != NULL);
		if (err.suggestion)
			require(msgclass_lookup(NULL, err.suggestion,
						strlen(err.suggestion)) >= 0);
		return;
	}
	require(!(c.on & c.off));
	mask = change_apply(&c, 0);
	/* The --names output, joined with commas into one CHANGE word. */
	st.msg_enable = mask;
	require(format_state(names, sizeof(names), OUT_NAMES, NULL, &st,
			     CHANGED_NONE) < sizeof(names));
	for (p = names; *p; p++)
		if (*p == ' ')
			*p = ',';
	change_init(&again);
	require(change_add_word(&again, NULL, names, NULL, NULL));
	require(change_apply(&again, 0) == mask);
	if (change_is_relative(&c)) {
		/* On bits on, off bits off, every other bit as it was. */
		uint32_t old = 0x5a5a5a5a, r = change_apply(&c, old);

		require((r & c.on) == c.on && !(r & c.off));
		require(!((r ^ old) & ~touched(&c)));
	}
}

static void check_level(const char *s)
{
	uint32_t cum, exact, kern;
	long level;

	if (level_parse(s, &level) < 0)
		return;
	if (level_to_mask(LEVEL_MAP_CUMULATIVE, level, &cum) == 0) {
		require(level_to_mask(LEVEL_MAP_EXACT, level, &exact) == 0);
		require((cum & exact) == exact);
		require(!(cum & ~MSGCLASS_KERNEL_MASK));
	} else {
		require(level > 7);
	}
	if (level_to_mask(LEVEL_MAP_KERNEL, level, &kern) == 0)
		require(level >= 0 && level < 32 && ((kern + 1) & kern) == 0);
}

static void check_err(const struct cmdline_err *err);

/*
 * Built again without deferring unknown names (and no kernel names
 * known): the same change if every name was known, else a usage error.
 */
static void check_rebuild(const struct job *job, enum command cmd)
{
	struct cmdline_err err;
	struct job again = *job;
	int ret;

	if (cmd != CMD_CHANGE && cmd != CMD_DECODE && cmd != CMD_LEVEL &&
	    cmd != CMD_TRACE)
		return;
	ret = job_build(&again, NULL, &err);
	if (job->unknown) {
		require(ret == -EINVAL);
		check_err(&err);
		return;
	}
	require(ret == 0);
	require(again.unknown == 0);
	require(again.change.abs == job->change.abs &&
		again.change.on == job->change.on &&
		again.change.off == job->change.off &&
		again.change.has_abs == job->change.has_abs &&
		again.change.has_rel == job->change.has_rel);
}

/* What cmdline.c accepts for -n: a name 'ip netns' could make, or a path. */
static bool netns_ok(const char *ns)
{
	size_t len = strlen(ns);

	if (!len || len >= PATH_MAX)
		return false;
	if (strchr(ns, '/'))
		return true;
	return strcmp(ns, ".") && strcmp(ns, "..") && len <= NAME_MAX;
}

/* What a successful parse may hand to the commands. */
static void check_opts(const struct opts *o, enum cmdline_kind kind)
{
	const struct change *c = &o->job.change;

	/* --help and --version win over everything else, checked or not. */
	if (o->cmd == CMD_HELP || o->cmd == CMD_VERSION)
		return;
	require(!(c->on & c->off));
	/* A pattern (fnmatch) need only be a word an interface could match. */
	if (o->job.ifname && o->job.pattern)
		require(o->job.ifname[0] && strlen(o->job.ifname) < 256 &&
			!strpbrk(o->job.ifname, "/: \t\n\v\f\r"));
	else if (o->job.ifname)
		require(ifname_valid(o->job.ifname));
	if (o->netns)
		require(netns_ok(o->netns));
	/* Only a change of an interface leaves names for the kernel. */
	if (o->cmd != CMD_CHANGE && o->cmd != CMD_TRACE)
		require(!o->job.unknown);
	switch (o->cmd) {
	case CMD_SHOW:
		require(o->job.ifname && o->job.show && !c->has_abs &&
			!c->has_rel);
		break;
	case CMD_CHANGE:
		require(o->job.ifname && !o->job.show &&
			(c->has_abs || c->has_rel || o->job.unknown));
		break;
	case CMD_BATCH:
		require(o->batch_file != NULL);
		break;
	default:
		break;
	}
	if (kind == CMDLINE_BATCH_LINE)
		require(o->cmd == CMD_SHOW || o->cmd == CMD_CHANGE);
	check_rebuild(&o->job, o->cmd);
}

static void check_err(const struct cmdline_err *err)
{
	size_t n = strnlen(err->msg, sizeof(err->msg));

	require(n > 0 && n < sizeof(err->msg));
}

/* The input as argv words, and as the words of a batch line. */
static void check_cmdline(char *buf, size_t size)
{
	static const enum cmdline_kind kinds[] = {
		CMDLINE_ARGV, CMDLINE_BATCH_LINE,
	};
	char *argv[MAX_WORDS + 1], *copy;
	const char *words[MAX_WORDS + 1];
	struct cmdline_err err;
	struct opts o;
	size_t off, k;
	int argc, ret;

	/* The parser reads IFACE escapes in place: a fresh copy each time. */
	copy = malloc(size + 1);
	require(copy != NULL);
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		memcpy(copy, buf, size + 1);
		for (off = 0, argc = 0; off < size && argc < MAX_WORDS; argc++) {
			argv[argc] = copy + off;
			off += strlen(copy + off) + 1;
		}
		argv[argc] = NULL;
		opts_init(&o);
		ret = cmdline_parse(&o, argc, argv, words, kinds[k], &err);
		require(ret == 0 || ret == -EINVAL);
		if (ret)
			check_err(&err);
		else
			check_opts(&o, kinds[k]);
	}
	free(copy);
}

/* The input as a --batch file. */
static void check_batch(const uint8_t *data, size_t size)
{
	struct cmdline_err err;
	unsigned int errline, last = 0;
	struct batch b;
	size_t i;
	FILE *f;
	int ret;

	if (!size)
		return;
	f = fmemopen((void *)data, size, "r");
	require(f != NULL);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ret = batch_read(&b, f, "", &errline, &err);
	fclose(f);
	require(ret == 0 || ret == -EINVAL);
	if (ret == -EINVAL) {
		require(errline > 0);
		check_err(&err);
	}
	for (i = 0; i < b.n; i++) {
		const struct job *j = &b.jobs[i];

		require(j->lineno > last);
		last = j->lineno;
		require(j->pattern ? j->ifname[0] && !strpbrk(j->ifname, "/: \t\n\v\f\r") :
				     ifname_valid(j->ifname));
		require(!(j->change.on & j->change.off));
		require(j->show || j->change.has_abs || j->change.has_rel ||
			j->unknown);
		require(!j->show || !j->unknown);
		check_rebuild(j, j->show ? CMD_SHOW : CMD_CHANGE);
	}
	batch_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *exact, *str;

	/* Exactly @size bytes, no NUL: an over-read hits ASan's red zone. */
	exact = malloc(size ? size : 1);
	str = malloc(size + 1);
	if (!exact || !str)
		abort();
	memcpy(exact, data, size);
	memcpy(str, data, size);
	str[size] = '\0';

	check_lookup(exact, size);
	check_number(exact, size);
	check_change(str);
	check_level(str);
	check_cmdline(str, size);
	check_batch(data, size);

	free(exact);
	free(str);
	return 0;
}
