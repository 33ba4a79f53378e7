// SPDX-License-Identifier: GPL-2.0-or-later
/* Error messages, one format and one escaping for all of them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "escape.h"
#include "msgclass.h"
#include "out.h"

/*
 * Everything on stderr goes through here: a name or word may hold any
 * byte, and no control byte may reach the terminal (escape.h).
 */
static void put_escaped(FILE *f, const char *s)
{
	char buf[1024];
	size_t n = escape_text(buf, sizeof(buf), s);
	char *big = n < sizeof(buf) ? NULL : malloc(n + 1);

	if (big)
		escape_text(big, n + 1, s);
	fputs(big ? big : buf, f);
	free(big);
}

static const volatile sig_atomic_t *diag_stop;
static FILE *held;		/* diag_hold()'s lines, until they are said */

void diag_stop_on(const volatile sig_atomic_t *stop)
{
	diag_stop = stop;
}

void diag_hold(bool hold)
{
	static char *buf;
	static size_t len;

	if (hold) {
		if (!held)
			held = open_memstream(&buf, &len);
		return;
	}
	if (held && fclose(held))
		fputs("netifmsg: out of memory\n", stderr);
	else if (held)
		out_write_fd(STDERR_FILENO, buf, len, diag_stop);
	held = NULL;
	free(buf);
	buf = NULL;
}

/*
 * One line is made whole first and written with one write(2): stderr is
 * unbuffered, and a line in pieces costs a call each (a --trace over
 * many interfaces says two lines each) and may be cut by another
 * writer's line on a shared terminal or log.  A full non-blocking
 * stderr is waited for, as stdout is (out_write_fd()).
 */
void diag(const struct where *w, const char *ifname, const char *fmt, ...)
{
	char *msg, *line = NULL;
	size_t len = 0;
	va_list ap;
	FILE *f;

	/*
	 * What was printed so far comes first on a shared terminal: its
	 * whole lines, not the message inside a -j array still being made.
	 */
	out_flush_lines();
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	f = open_memstream(&line, &len);
	if (!f)
		f = stderr;
	fputs("netifmsg: ", f);
	if (w && w->file) {
		put_escaped(f, w->file);
		fprintf(f, ":%u: ", w->line);
	}
	if (ifname) {
		put_escaped(f, ifname);
		fputs(": ", f);
	}
	put_escaped(f, msg ? msg : "out of memory");
	fputc('\n', f);
	if (f != stderr && fclose(f))
		fputs("netifmsg: out of memory\n", stderr);
	else if (f != stderr && held)
		fwrite(line, 1, len, held);
	else if (f != stderr)
		out_write_fd(STDERR_FILENO, line, len, diag_stop);
	free(line);
	free(msg);
}

int diag_usage(const struct where *w, const char *msg, bool hint)
{
	static const char try[] = "Try 'netifmsg --help'.\n";

	diag(w, NULL, "%s", msg);
	if (hint)
		out_write_fd(STDERR_FILENO, try, strlen(try), NULL);
	return -EINVAL;
}

int diag_kernel(const struct where *w, const char *ifname, int err,
		const char *extack)
{
	bool has_extack = extack && extack[0];

	switch (err) {
	case -ENODEV:
		diag(w, ifname, "no such network interface");
		break;
	case -ENAMETOOLONG:
		diag(w, ifname, DIAG_TOO_LONG);
		break;
	case -EOPNOTSUPP:
		/* Also "bit name not found", but we never send names. */
		diag(w, ifname, "the driver has no message level");
		break;
	default:
		diag(w, ifname, "%s%s%s", strerror(-err), has_extack ? ": " : "",
		     has_extack ? extack : "");
		break;
	}
	return -EIO;
}

int diag_set(const struct where *w, const char *ifname, int err,
	     const char *extack, bool read)
{
	/*
	 * A set refused: the capability (EPERM), or a security module that
	 * refuses as if it were (EACCES).  A read needs none: its EPERM is
	 * a sandbox's, said as it is (diag_kernel()).
	 */
	if (err == -EPERM || err == -EACCES) {
		diag(w, ifname, "permission denied: changing the message level needs CAP_NET_ADMIN");
		return -EIO;
	}
	/* The kernel's answer when either of get or set_msglevel is missing. */
	if (!read || err != -EOPNOTSUPP)
		return diag_kernel(w, ifname, err, extack);
	diag(w, ifname, "the driver's message level can be read but not changed");
	return -EIO;
}

void diag_unknown(int err, size_t n, const char *first, bool sent)
{
	if (n == 1)
		diag(NULL, first, sent ? "%s: its result is unknown" :
		     "%s: the change was not sent", strerror(-err));
	else
		diag(NULL, NULL, sent ?
		     "%s: the results of the %zu interfaces from %s on are unknown" :
		     "%s: the changes of the %zu interfaces from %s on were not sent",
		     strerror(-err), n, first);
}

int diag_beyond(const struct where *w, const char *ifname, uint32_t beyond)
{
	diag(w, ifname, "bits %d-31 (0x%08x) cannot be set over netlink: the kernel's message-level bitset has only %d bits (--ioctl can set them)",
	     MSGCLASS_KERNEL_BITS, beyond, MSGCLASS_KERNEL_BITS);
	return -EINVAL;
}
