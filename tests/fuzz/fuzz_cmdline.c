// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over the command line: the word parsers one by one
 * (msgclass_lookup, msgclass_parse_number, msgclass_suggest,
 * change_add_word, level_parse, level_to_mask), each with the round
 * trips that must hold, and then the whole argv parser of main.c.
 *
 * main.c is compiled in with main renamed to netifmsg_main; the commands
 * that talk to the kernel are replaced by stubs below, so nothing here
 * opens a socket or changes an interface.  The input is the argv words
 * separated by NUL bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "level.h"
#include "msgclass.h"
#include "netifmsg.h"

int netifmsg_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS	64

/* A broken invariant: abort so that libFuzzer keeps the input. */
#define require(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(real_stderr, "invariant broken: %s (%s:%d)\n", \
				#cond, __FILE__, __LINE__);		\
			abort();					\
		}							\
	} while (0)

static FILE *real_stderr;

/* The kernel-facing commands: check what main hands them, send nothing. */
int cmd_show(const struct opts *o)
{
	require(o->cmd == CMD_SHOW || o->cmd == CMD_SHOW_ALL);
	require((o->cmd == CMD_SHOW) == (o->ifname != NULL));
	return EXIT_OK;
}

int cmd_change(const struct opts *o)
{
	require(o->cmd == CMD_CHANGE && o->ifname && o->ifname[0]);
	require(strlen(o->ifname) < 16 && !strchr(o->ifname, '/'));
	require(o->change.has_abs || o->change.has_rel);
	require(!(o->change.on & o->change.off));
	return EXIT_OK;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	real_stderr = stderr;
	/* The program's own output is noise here; sanitizers write to fd 2. */
	if (!getenv("FUZZ_VERBOSE")) {
		stdout = fopen("/dev/null", "w");
		stderr = fopen("/dev/null", "w");
		if (!stdout || !stderr)
			abort();
	}
	return 0;
}

static void check_lookup(const char *s, size_t len)
{
	char buf[MSGCLASS_NAME_MAX];
	const char *name, *sugg;
	int bit = msgclass_lookup(s, len);

	if (bit >= 0) {
		require(bit < 32);
		name = msgclass_name((unsigned int)bit, buf);
		require(msgclass_lookup(name, strlen(name)) == bit);
	}
	sugg = msgclass_suggest(s, len);
	if (sugg)
		require(msgclass_lookup(sugg, strlen(sugg)) >= 0);
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

/* A change that parsed must print as names that parse to the same mask. */
static void check_change(const char *word)
{
	struct change c, again;
	struct change_err err;
	char names[1024];
	uint32_t mask;

	change_init(&c);
	if (!change_add_word(&c, word, &err)) {
		require(err.code != CHANGE_OK);
		require(strlen(err.item) < sizeof(err.item));
		require(change_strerror(err.code) != NULL);
		if (err.suggestion)
			require(msgclass_lookup(err.suggestion,
						strlen(err.suggestion)) >= 0);
		return;
	}
	require(!(c.on & c.off));
	mask = change_apply(&c, 0);
	require(msgclass_mask_names(mask, ",", names, sizeof(names)) <
		sizeof(names));
	change_init(&again);
	require(change_add_word(&again, names, NULL));
	require(change_apply(&again, 0) == mask);
	if (change_is_relative(&c)) {
		/* On bits on, off bits off, every other bit as it was. */
		uint32_t old = 0x5a5a5a5a, r = change_apply(&c, old);

		require((r & c.on) == c.on && !(r & c.off));
		require(!((r ^ old) & ~change_touched(&c)));
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

static void run_main(const char *buf, size_t size)
{
	char *argv[MAX_WORDS + 2];
	char name[] = "netifmsg";
	size_t off = 0;
	int argc = 1, ret;

	argv[0] = name;
	while (off < size && argc <= MAX_WORDS) {
		argv[argc++] = (char *)buf + off;
		off += strlen(buf + off) + 1;
	}
	argv[argc] = NULL;
	ret = netifmsg_main(argc, argv);
	require(ret == EXIT_OK || ret == EXIT_FAIL || ret == EXIT_USAGE);
	fflush(stdout);
	fflush(stderr);
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
	run_main(str, size);

	free(exact);
	free(str);
	return 0;
}
