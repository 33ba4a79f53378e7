/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Standard output without stdio: one static buffer, written with
 * write(2) when it fills (its whole lines) and at out_flush(), in pieces
 * a pipe takes whole: no line is cut there.  Most commands print one
 * line, which needs none of stdio's machinery.  diag() writes each
 * line of stderr whole with out_write_fd().
 */
#ifndef NETIFMSG_OUT_H
#define NETIFMSG_OUT_H

#include <stddef.h>

/* Append @n bytes of @s; written when the buffer fills. */
void out_write(const char *s, size_t n);
/* Append the string @s (no newline added). */
void out_puts(const char *s);
/* Append @s and a newline. */
void out_line(const char *s);
/*
 * Write what is buffered.  Returns 0, or the first write error as
 * -errno; after an error, output is dropped and every later call
 * returns the same error.
 */
int out_flush(void);
/*
 * After a write(2) to @fd failed with EAGAIN (a non-blocking stdout or
 * stderr, shared with another process, that is full): wait until it
 * takes more.  0, or -errno where poll(2) failed (EINTR is 0: write
 * again, or stop).
 */
int out_wait(int fd);
/* Write all @len bytes of @s to @fd, waiting where it is full; 0 or -errno. */
int out_write_fd(int fd, const char *s, size_t len);
/* The reader went away: drop what is buffered, and the error. */
void out_drop(void);

#endif
