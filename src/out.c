// SPDX-License-Identifier: GPL-2.0-or-later
/* Standard output without stdio: see out.h. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

/* Show-all over 4096 interfaces prints about 150 KiB: a few writes. */
static char out_buf[16384];
static size_t out_len;
static int out_err;

int out_wait(void)
{
	struct pollfd p = { .fd = STDOUT_FILENO, .events = POLLOUT };

	return poll(&p, 1, -1) < 0 && errno != EINTR ? -errno : 0;
}

static void out_drain(void)
{
	size_t off = 0;
	ssize_t n;

	while (off < out_len && !out_err) {
		n = write(STDOUT_FILENO, out_buf + off, out_len - off);
		if (n < 0 && (errno == EINTR ||
			      (errno == EAGAIN && !out_wait())))
			continue;
		if (n <= 0)
			out_err = n < 0 ? -errno : -EIO;
		else
			off += (size_t)n;
	}
	out_len = 0;
}

void out_write(const char *s, size_t n)
{
	size_t room, k;

	while (n && !out_err) {
		room = sizeof(out_buf) - out_len;
		k = n < room ? n : room;
		memcpy(out_buf + out_len, s, k);
		out_len += k;
		s += k;
		n -= k;
		if (out_len == sizeof(out_buf))
			out_drain();
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
	out_drain();
	return out_err;
}

void out_drop(void)
{
	out_len = 0;
	out_err = 0;
}
