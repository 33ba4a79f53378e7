// SPDX-License-Identifier: GPL-2.0-or-later
/* Standard output without stdio: see out.h. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"

/* Show-all over 4096 interfaces prints about 150 KiB. */
static char out_static[16384], *out_buf = out_static;
static size_t out_len, out_size = sizeof(out_static);
static int out_err;
static bool out_whole;

/*
 * A write that failed after part of a line of @s went to a regular file
 * (a full disk, the file size limit: the kernel writes what fits): that
 * part is cut off again, so that the file ends with a whole line.
 */
static void cut_part(int fd, const char *s, size_t done)
{
	const char *nl = memrchr(s, '\n', done);
	off_t part = (off_t)(nl ? done - (size_t)(nl + 1 - s) : done);
	struct stat st;
	off_t end;

	if (!part || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	/* Not where another writer has written after it. */
	end = lseek(fd, 0, SEEK_CUR);
	if (end == st.st_size && end >= part && !ftruncate(fd, end - part))
		lseek(fd, end - part, SEEK_SET);
}

/* The terminal a line was cut on by *stop, after part of it (0: none). */
static dev_t cut_tty;

/* out_write_fd(); *@wrote: how much of @s went, before a failure. */
static int write_fd(int fd, const char *s, size_t len,
		    const volatile sig_atomic_t *stop, size_t *wrote)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	const char *start = s;
	struct stat st;
	/* Its next line there starts on a line of its own. */
	bool nl = cut_tty && !fstat(fd, &st) && st.st_rdev == cut_tty;
	ssize_t n;

	while (len) {
		bool stopped = stop && *stop;

		/* Stopped: what @fd takes now (a file: all), with no wait. */
		if (stopped && poll(&p, 1, 0) != 1)
			break;
		n = nl ? write(fd, "\n", 1) : write(fd, s, len);
		/*
		 * EAGAIN: a non-blocking stdout or stderr, shared with another
		 * process, is full: wait until it takes more (EINTR: write
		 * again, or stop).
		 */
		if (n < 0 && (errno == EINTR || (errno == EAGAIN &&
		    (poll(&p, 1, stopped ? 0 : -1) >= 0 || errno == EINTR))))
			continue;
		if (n <= 0) {
			int ret = n < 0 ? -errno : -EIO;

			*wrote = (size_t)(s - start);
			cut_part(fd, start, *wrote);
			return ret;
		}
		if (nl) {
			nl = false;
			cut_tty = 0;
			continue;
		}
		s += n;
		len -= (size_t)n;
	}
	if (len && s != start && isatty(fd) && !fstat(fd, &st))
		cut_tty = st.st_rdev;
	*wrote = (size_t)(s - start);
	return 0;
}

int out_write_fd(int fd, const char *s, size_t len,
		 const volatile sig_atomic_t *stop)
{
	size_t wrote;

	return write_fd(fd, s, len, stop, &wrote);
}

/*
 * Write the first @end bytes buffered (without @all, while more than
 * PIPE_BUF bytes are), in pieces of at most PIPE_BUF bytes that end at a
 * newline where they can: a write(2) a pipe takes whole or not at all,
 * so that a monitor ended while blocked in one leaves no line cut there.
 * A longer line (a -j array) takes several: where one fails before
 * the line's end, those before it are cut off a file too.
 */
static void out_drain(size_t end, bool all)
{
	size_t done, k, wrote;
	char *nl;

	for (done = 0; done < end && !out_err; done += k) {
		k = end - done;
		if (k <= PIPE_BUF && !all)
			break;
		if (k > PIPE_BUF) {
			nl = memrchr(out_buf + done, '\n', PIPE_BUF);
			k = nl ? (size_t)(nl - out_buf) + 1 - done : PIPE_BUF;
		}
		out_err = write_fd(STDOUT_FILENO, out_buf + done, k, NULL,
				   &wrote);
		/* Failed before the line's end: cut_part() finds its start. */
		if (out_err && !memchr(out_buf + done, '\n', wrote))
			cut_part(STDOUT_FILENO, out_buf, done);
	}
	out_len -= done;
	memmove(out_buf, out_buf + done, out_len);
}

void out_keep_whole(void)
{
	out_whole = true;
}

/* The buffer is full: see out_keep_whole(); without it, as out_drain(). */
static void out_room(void)
{
	char *big = NULL;

	if (out_whole) {
		out_flush_lines();
		if (out_len < out_size || out_err)
			return;
		big = malloc(2 * out_size);
	}
	if (!big) {
		out_drain(out_len, false);
		return;
	}
	memcpy(big, out_buf, out_len);
	if (out_buf != out_static)
		free(out_buf);
	out_buf = big;
	out_size *= 2;
}

void out_write(const char *s, size_t n)
{
	size_t room, k;

	while (n && !out_err) {
		room = out_size - out_len;
		k = n < room ? n : room;
		memcpy(out_buf + out_len, s, k);
		out_len += k;
		s += k;
		n -= k;
		if (out_len == out_size)
			out_room();
	}
}

void out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void out_line(const char *s)
{
	out_puts(s);
	out_write("\n", 1);
}

int out_flush(void)
{
	out_drain(out_len, true);
	return out_err;
}

void out_flush_lines(void)
{
	const char *nl = memrchr(out_buf, '\n', out_len);

	if (nl)
		out_drain((size_t)(nl - out_buf) + 1, true);
}

void out_drop(void)
{
	out_len = 0;
	out_err = 0;
}

bool out_gone(int err)
{
	struct pollfd p = { .fd = STDOUT_FILENO };

	if (err == -EPIPE || err == -ECONNREFUSED || err == -ECONNRESET)
		return true;
	/* A terminal hung up: EIO, and POLLHUP from then on (not a disk's). */
	return err == -EIO && poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}
