/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The commands, written once over struct backend.  Each reports its own
 * errors and returns 0, -EINVAL for bad input, or another -errno when
 * it failed; main() turns that into the exit status.
 */
#ifndef NETIFMSG_CMD_H
#define NETIFMSG_CMD_H

#include <errno.h>
#include <signal.h>
#include <stddef.h>

#include "backend.h"
#include "batch.h"
#include "cmdline.h"
#include "conf.h"

/*
 * Requests in flight at once where a run goes on after a failure: well
 * below the about 256 ACKs the default receive buffer holds.
 */
#define CMD_WINDOW	64
/*
 * Requests built and held at once: a longer run goes in chunks, so that
 * any number of interfaces needs only this much memory for them.  A
 * multiple of half the window, the pipeline's send group.
 */
#define CMD_CHUNK	(4 * CMD_WINDOW)

/* show: one interface, or every one that has a message level. */
int cmd_show(const struct opts *o, struct backend *b);
/* IFACE CHANGE...: one job. */
int cmd_change(const struct opts *o, struct backend *b);
/* The lines of --batch FILE, or of the configuration files of --apply. */
struct cmd_input {
	struct batch batch;
	struct config_paths paths;
};

/*
 * Read and check the --batch file or the configuration files into @in
 * before the kernel is opened; free it with cmd_free_input() after the
 * command ran (with o->batch pointing to in->batch).
 */
int cmd_read_input(const struct opts *o, struct cmd_input *in);
void cmd_free_input(struct cmd_input *in);

/* --batch FILE: the lines of o->batch. */
int cmd_batch(const struct opts *o, struct backend *b);
/* --apply [IFACE]: the lines of o->batch, where they change a mask. */
int cmd_apply(const struct opts *o, struct backend *b);
/* --trace IFACE [CHANGE...]: raise, show the log, restore exactly. */
int cmd_trace(const struct opts *o, struct backend *b);
/* --monitor [IFACE...]. */
int cmd_monitor(const struct opts *o, struct backend *b);
/* --list, --decode, --from-level without IFACE: no kernel (@b NULL). */
int cmd_local(const struct opts *o, struct backend *b);

/*
 * Run @jobs (shows and changes) in order over @b, printing each result
 * and reporting each failure (at "@file:LINE" when @file is not NULL).
 * Stops at the first failure unless o->force.  Names the built-in table
 * lacks are looked up in the kernel first; every job is checked before
 * the first request is sent.
 */
int cmd_run_jobs(const struct opts *o, struct backend *b, struct job *jobs,
		 size_t n, const char *file);

/*
 * Before anything is sent: read names the built-in table lacks with the
 * kernel's, then refuse bits @b cannot set.  0 or -EINVAL (reported).
 */
int cmd_check_jobs(struct backend *b, struct job *jobs, size_t n,
		   const char *file);

/*
 * A write that cannot go anywhere (the reader closed the pipe, output
 * beyond the file size limit of ulimit -f) fails with EPIPE or EFBIG, a
 * write error, instead of killing the command by SIGPIPE or SIGXFSZ with
 * its work half done (changes made unsaid, a level left raised).
 */
static inline void cmd_write_errors(void)
{
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
}

/*
 * --monitor and --trace run until a signal: catch the @n signals @sigs
 * with @handler and block them; *@wait gets the mask without them, for
 * ppoll().  Blocked while the command checks its stop flag and unblocked
 * inside ppoll(), a signal cannot slip in between the check and the
 * wait.  No SA_RESTART: nothing waits on after a signal, and a write(2)
 * blocked on a slow reader ends.  SIGINT and SIGQUIT ignored at the
 * start stay so: a shell starts its background jobs so, for Ctrl-C and
 * Ctrl-\ to reach the foreground job alone.  So does SIGHUP, as nohup(1)
 * leaves it.  A real-time signal the process may not catch (EINVAL:
 * valgrind keeps one for itself) keeps its action.  0 or -errno.
 */
static inline int cmd_catch_signals(const int *sigs, size_t n,
				    void (*handler)(int), sigset_t *block,
				    sigset_t *wait)
{
	struct sigaction sa = { .sa_handler = handler }, old;
	size_t i;

	sigemptyset(&sa.sa_mask);
	sigemptyset(block);
	if (sigprocmask(SIG_BLOCK, NULL, wait) < 0)
		return -errno;
	for (i = 0; i < n; i++) {
		if (sigaction(sigs[i], NULL, &old) < 0)
			return -errno;
		if ((sigs[i] == SIGINT || sigs[i] == SIGQUIT ||
		     sigs[i] == SIGHUP) && old.sa_handler == SIG_IGN)
			continue;
		if (sigaction(sigs[i], &sa, NULL) < 0) {
			if (errno == EINVAL && sigs[i] >= SIGRTMIN)
				continue;
			return -errno;
		}
		sigaddset(block, sigs[i]);
		sigdelset(wait, sigs[i]);
	}
	return sigprocmask(SIG_BLOCK, block, NULL) < 0 ? -errno : 0;
}

#endif
