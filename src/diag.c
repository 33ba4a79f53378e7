// SPDX-License-Identifier: GPL-2.0-or-later
/* Error messages, one format for all of them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "msgclass.h"
#include "out.h"

void diag(const struct where *w, const char *ifname, const char *fmt, ...)
{
	va_list ap;

	/* What was printed so far comes first on a shared terminal. */
	out_flush();
	fputs("netifmsg: ", stderr);
	if (w && w->file)
		fprintf(stderr, "%s:%u: ", w->file, w->line);
	if (ifname)
		fprintf(stderr, "%s: ", ifname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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

int diag_beyond(const struct where *w, const char *ifname, uint32_t beyond)
{
	diag(w, ifname, "bits %d-31 (0x%08x) cannot be set over netlink: the kernel's message-level bitset has only %d bits",
	     MSGCLASS_KERNEL_BITS, beyond, MSGCLASS_KERNEL_BITS);
	return -EINVAL;
}
