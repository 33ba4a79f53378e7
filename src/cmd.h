/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The commands, written once over struct backend.  Each reports its own
 * errors and returns 0, -EINVAL for bad input, or another -errno when
 * it failed; main() turns that into the exit status.
 */
#ifndef NETIFMSG_CMD_H
#define NETIFMSG_CMD_H

#include <stddef.h>

#include "backend.h"
#include "batch.h"
#include "cmdline.h"

/* show: one interface, or every one that has a message level. */
int cmd_show(const struct opts *o, struct backend *b);
/* IFACE CHANGE...: one job. */
int cmd_change(const struct opts *o, struct backend *b);
/*
 * --batch FILE: cmd_batch_read() reads and checks the file into @bt
 * before the kernel is opened (batch_free() it after), then cmd_batch()
 * runs o->batch.
 */
int cmd_batch_read(const struct opts *o, struct batch *bt);
int cmd_batch(const struct opts *o, struct backend *b);
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

#endif
