// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * alternate: time short commands against each other, one run at a time.
 *
 *   alternate ROUNDS 'CMD ARG...' 'CMD ARG...' ...
 *
 * Every round runs each command once (posix_spawn, stdout to /dev/null,
 * then waitpid), in an order rotated from round to round, so that a
 * change in the machine's load hits every command alike; 20 rounds
 * before the measured ones warm the caches.  It prints the median wall
 * time of each command and its ratio to the first one's.  Commands are
 * split on spaces (no shell, no quoting); the program must be given
 * by path.
 *
 * bench/run.sh measures with hyperfine; this finer harness is for
 * comparing variants of one command (README, Performance), where the
 * few microseconds hyperfine's blocks of runs blur matter, and run.sh
 * judges netifmsg against the minimal client with it.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>

#define MAX_CMDS	32
#define MAX_ARGS	32
#define WARMUP		20

extern char **environ;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Split @s on spaces into @argv (MAX_ARGS entries, NULL-terminated). */
static int split(char *s, char **argv)
{
	int n = 0;
	char *tok;

	for (tok = strtok(s, " "); tok; tok = strtok(NULL, " ")) {
		if (n == MAX_ARGS - 1)
			return -1;
		argv[n++] = tok;
	}
	argv[n] = NULL;
	return n ? 0 : -1;
}

int main(int argc, char **argv)
{
	static char *cmds[MAX_CMDS][MAX_ARGS];
	posix_spawn_file_actions_t fa;
	int rounds, ncmd, r, i;
	double *t, base = 0;

	rounds = argc > 2 ? atoi(argv[1]) : 0;
	ncmd = argc - 2;
	if (rounds < 1 || ncmd < 1 || ncmd > MAX_CMDS) {
		fprintf(stderr, "usage: alternate ROUNDS 'CMD ARG...' ... (at most %d)\n",
			MAX_CMDS);
		return 2;
	}
	for (i = 0; i < ncmd; i++) {
		char *copy = strdup(argv[i + 2]);	/* argv stays whole */

		if (!copy || split(copy, cmds[i]) < 0) {
			fprintf(stderr, "alternate: bad command '%s'\n", argv[i + 2]);
			return 2;
		}
	}
	t = calloc((size_t)rounds * (size_t)ncmd, sizeof(*t));
	if (!t || posix_spawn_file_actions_init(&fa) ||
	    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0)) {
		perror("alternate");
		return 1;
	}
	for (r = -WARMUP; r < rounds; r++) {
		for (i = 0; i < ncmd; i++) {
			int c = ((r % ncmd) + ncmd + i) % ncmd, status, err;
			double start;
			pid_t pid;

			start = now_us();
			err = posix_spawn(&pid, cmds[c][0], &fa, NULL, cmds[c],
					  environ);
			if (err) {
				fprintf(stderr, "alternate: %s: %s\n",
					cmds[c][0], strerror(err));
				return 1;
			}
			if (waitpid(pid, &status, 0) != pid ||
			    !WIFEXITED(status) || WEXITSTATUS(status)) {
				fprintf(stderr, "alternate: '%s' failed\n",
					argv[c + 2]);
				return 1;
			}
			if (r >= 0)
				t[(size_t)c * rounds + r] = now_us() - start;
		}
	}
	for (i = 0; i < ncmd; i++) {
		double *ti = t + (size_t)i * rounds, med;

		qsort(ti, (size_t)rounds, sizeof(*ti), cmp_double);
		med = ti[rounds / 2];
		if (i == 0)
			base = med;
		printf("%9.1f us  %.3f  %s\n", med, med / base, argv[i + 2]);
	}
	free(t);
	return 0;
}
