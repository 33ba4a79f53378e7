/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Standard output without stdio: one static buffer, written with
 * write(2) when it fills (its whole lines) and at out_flush(), in pieces
 * a pipe takes whole: no line is cut there, nor in a regular file that
 * takes only part of one (cut off again).  Most commands print one
 * line, which needs none of stdio's machinery.  diag() writes each
 * line of stderr whole with out_write_fd().
 */
#ifndef NETIFMSG_OUT_H
#define NETIFMSG_OUT_H

#include <signal.h>
#include <stdbool.h>
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
/* Write the whole lines buffered, not one still being made (-j's array). */
void out_flush_lines(void);
/*
 * Write all @len bytes of @s to @fd, waiting where it is full; 0 or
 * -errno.  With @stop, once a signal handler sets *@stop, only while
 * @fd takes more at once (a file always does), then 0: the signal ends
 * a write(2) blocked on a slow reader.  A line so cut after part of it
 * on a terminal gets its newline before the next write there.
 */
int out_write_fd(int fd, const char *s, size_t len,
		 const volatile sig_atomic_t *stop);
/*
 * From now on a line longer than the buffer (-j's array) is kept whole
 * until it ends, the buffer made larger for it (without the memory, a
 * part of it is written): a message said meanwhile comes before it, not
 * inside it.  Else a full buffer is written, whole lines or not.
 */
void out_keep_whole(void);
/* The reader went away: drop what is buffered, and the error. */
void out_drop(void);
/*
 * Did the write error @err (-errno) to standard output say the reader
 * went: EPIPE (a pipe, a stream socket), ECONNREFUSED (a datagram
 * socket), ECONNRESET (TCP's reset), EIO where it is a terminal hung up?
 */
bool out_gone(int err);

#endif
