/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the randomised model tests share: their numbers (splitmix64, the
 * same from the same seed everywhere) and the seeds they run.
 */
#ifndef NETIFMSG_MODEL_H
#define NETIFMSG_MODEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <check.h>

static unsigned long long model_rng;

static inline void model_seed(unsigned long long seed)
{
	model_rng = seed;
}

/* A number below @n, the next of the seed's. */
static inline unsigned int rnd(unsigned int n)
{
	unsigned long long z = (model_rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (unsigned int)((z ^ (z >> 31)) % n);
}

/* Text growing in a buffer: what a seed did, and what went wrong. */
struct text {
	char s[32768];
	size_t n;
};

/* Add to @t what @fmt says, cut at its end; no control byte to a terminal. */
static inline void __attribute__((format(printf, 2, 3)))
add(struct text *t, const char *fmt, ...)
{
	size_t from;
	va_list ap;

	if (t->n >= sizeof(t->s) - 1)
		return;
	va_start(ap, fmt);
	from = t->n;
	t->n += (size_t)vsnprintf(t->s + t->n, sizeof(t->s) - t->n, fmt, ap);
	va_end(ap);
	if (t->n > sizeof(t->s) - 1)
		t->n = sizeof(t->s) - 1;
	for (; from < t->n; from++)
		if ((unsigned char)t->s[from] == 0x7f ||
		    ((unsigned char)t->s[from] < 0x20 && t->s[from] != '\n'))
			t->s[from] = '?';
}

/*
 * The end of seed @seed, as far as said here: nothing where it kept its
 * promises and is not told, its @wrong in a line with MODEL_GO_ON (true:
 * that is all); else its @story, for the caller to add what it saw.
 */
static inline bool model_said(unsigned long long seed, bool tell,
			      const struct text *story,
			      const struct text *wrong)
{
	if (!wrong->n && !tell)
		return true;
	if (!tell && getenv("MODEL_GO_ON")) {
		fprintf(stderr, "MODEL_SEED=%llu: %s", seed, wrong->s);
		return true;
	}
	fprintf(stderr, "MODEL_SEED=%llu\n%s", seed, story->s);
	return false;
}

/* One seed, said in full with @tell: whether netifmsg kept its promises. */
typedef bool (*model_one_t)(unsigned long long seed, bool tell);

/*
 * Seed @seed by @one, in a child of its own where @forked (its static
 * state and signal handling fresh, as in a process of netifmsg).
 */
static inline bool model_one(model_one_t one, unsigned long long seed,
			     bool tell, bool forked)
{
	int status;
	pid_t pid;

	if (!forked)
		return one(seed, tell);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (!pid)
		_exit(one(seed, tell) ? 0 : 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fprintf(stderr, "MODEL_SEED=%llu: killed by signal %d\n", seed,
			WTERMSIG(status));
	return WIFEXITED(status) && !WEXITSTATUS(status);
}

/*
 * MODEL_SEED=n runs that seed alone, said in full; else MODEL_RUNS seeds
 * (@runs) from MODEL_FIRST (1), to the first that breaks a promise, or
 * all of them with MODEL_GO_ON set, each that does said in a line.
 */
static inline void model_run(model_one_t one, unsigned long long runs,
			     bool forked)
{
	const char *s = getenv("MODEL_SEED"), *n = getenv("MODEL_RUNS");
	const char *first = getenv("MODEL_FIRST");
	unsigned long long seed = first ? strtoull(first, NULL, 10) : 1;
	bool go_on = getenv("MODEL_GO_ON") != NULL;
	unsigned int failed = 0;

	if (s) {
		seed = strtoull(s, NULL, 10);
		if (!model_one(one, seed, true, forked))
			ck_abort_msg("MODEL_SEED=%llu: netifmsg broke a promise", seed);
		return;
	}
	for (runs = n ? strtoull(n, NULL, 10) : runs; runs; runs--, seed++) {
		if (model_one(one, seed, false, forked))
			continue;
		if (!go_on)
			ck_abort_msg("MODEL_SEED=%llu: netifmsg broke a promise", seed);
		failed++;
	}
	ck_assert_msg(!failed, "%u seeds broke a promise", failed);
}

/* The @n @seeds that found a defect, each kept as a test. */
static inline void model_found(model_one_t one,
			       const unsigned long long *seeds, size_t n,
			       bool forked)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!model_one(one, seeds[i], false, forked))
			ck_abort_msg("MODEL_SEED=%llu: netifmsg broke a promise",
				     seeds[i]);
}

#endif
