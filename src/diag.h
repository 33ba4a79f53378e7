/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Messages on stderr: "netifmsg: [FILE:LINE: ][IFACE: ]message", the
 * context passed in by the caller.  Kernel errors become words here.
 */
#ifndef NETIFMSG_DIAG_H
#define NETIFMSG_DIAG_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Over the ioctl, a name (an alternative one) longer than 15 bytes. */
#define DIAG_TOO_LONG \
	"no such network interface: the ioctl takes names of at most 15 bytes"

/* Where a message is about: a line of a file, or nowhere (NULL). */
struct where {
	const char *file;
	unsigned int line;
};

void diag(const struct where *w, const char *ifname, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * From now on (NULL: no longer) a message whose write(2) a signal
 * handler cuts short by setting *@stop is left there, with every message
 * after it: a standard error that takes nothing cannot hold up the end
 * of --trace.
 */
void diag_stop_on(const volatile sig_atomic_t *stop);

/*
 * From now on (false: no longer, and they are said now) the messages are
 * held: a standard error that takes nothing cannot hold up the work that
 * comes before them (the restores at the end of --trace).
 */
void diag_hold(bool hold);

/*
 * A usage error: the message, and with @hint "Try 'netifmsg --help'.".
 * Returns -EINVAL, what a command returns for bad input.
 */
int diag_usage(const struct where *w, const char *msg, bool hint);

/*
 * What kernel error @err (with the kernel's @extack, or NULL) means for
 * @ifname.  Returns -EIO, what a command returns when it failed.
 */
int diag_kernel(const struct where *w, const char *ifname, int err,
		const char *extack);

/*
 * diag_kernel() for a set of @ifname, which alone needs privilege;
 * @read: its level was read before, so the driver has one (EOPNOTSUPP
 * then says it cannot be changed).
 */
int diag_set(const struct where *w, const char *ifname, int err,
	     const char *extack, bool read);

/*
 * A run of sets broke off with @err: the @n sets from @first's on (in
 * the order sent) were @sent, so may or may not have been made, or were
 * not, so were not made.
 */
void diag_unknown(int err, size_t n, const char *first, bool sent);

/*
 * A change that writes bits (@beyond) the transport cannot set.
 * Returns -EINVAL.
 */
int diag_beyond(const struct where *w, const char *ifname, uint32_t beyond);

#endif
