// SPDX-License-Identifier: GPL-2.0-or-later
/* Error messages, one format and one escaping for all of them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"
#include "msgclass.h"
#include "out.h"

/*
 * Everything on stderr goes through here: a name or word may hold any
 * byte, and no control byte may reach the terminal (escape.h).
 */
static void put_escaped(const char *s)
{
	char buf[1024], *big;
	size_t n;

	n = escape_text(buf, sizeof(buf), s);
	if (n < sizeof(buf)) {
		fputs(buf, stderr);
		return;
	}
	big = malloc(n + 1);
	if (big)
		escape_text(big, n + 1, s);
	fputs(big ? big : buf, stderr);
	free(big);
}

void diag(const struct where *w, const char *ifname, const char *fmt, ...)
{
	char *msg;
	va_list ap;

	/* What was printed so far comes first on a shared terminal. */
	out_flush();
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	fputs("netifmsg: ", stderr);
	if (w && w->file) {
		put_escaped(w->file);
		fprintf(stderr, ":%u: ", w->line);
	}
	if (ifname) {
		put_escaped(ifname);
		fputs(": ", stderr);
	}
	put_escaped(msg ? msg : "out of memory");
	fputc('\n', stderr);
	free(msg);
}

int diag_usage(const struct where *w, const char *msg, bool hint)
{
	diag(w, NULL, "%s", msg);
	if (hint)
		fputs("Try 'netifmsg --help'.\n", stderr);
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
	case -EOPNOTSUPP:
		/* Also "bit name not found", but we never send names. */
		diag(w, ifname, "the driver has no message level");
		break;
	case -EPERM:
	case -EACCES:
		diag(w, ifname, "permission denied: changing the message level needs CAP_NET_ADMIN");
		break;
	case -EPROTONOSUPPORT:
		diag(w, NULL, "the kernel has no ethtool netlink interface (Linux 5.6 or later is needed)");
		break;
	default:
		diag(w, ifname, "%s%s%s", strerror(-err), has_extack ? ": " : "",
		     has_extack ? extack : "");
		break;
	}
	return -EIO;
}

void diag_unknown(int err, size_t n, const char *first)
{
	if (n == 1)
		diag(NULL, first, "%s: its result is unknown", strerror(-err));
	else
		diag(NULL, NULL, "%s: the results of the %zu interfaces from %s on are unknown",
		     strerror(-err), n, first);
}

int diag_beyond(const struct where *w, const char *ifname, uint32_t beyond)
{
	diag(w, ifname, "bits %d-31 (0x%08x) cannot be set over netlink: the kernel's message-level bitset has only %d bits",
	     MSGCLASS_KERNEL_BITS, beyond, MSGCLASS_KERNEL_BITS);
	return -EINVAL;
}
