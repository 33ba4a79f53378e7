// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --monitor: print one line per change notification until SIGINT or
 * SIGTERM.  The kernel sends one when a mask really changes over
 * netlink, and on every set over the ioctl.  Only the netlink backend
 * has notifications.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "out.h"
#include "print.h"

static volatile sig_atomic_t stop, busy;

/*
 * Waiting in ppoll(), the monitor stops cleanly.  Busy, it may be
 * blocked in write(2) for as long as its reader likes (a pipe nobody
 * reads, a terminal stopped with Ctrl-S), so it ends at once, dropping
 * what it has not written: the exit status is 0 either way.
 */
static void on_signal(int sig)
{
	(void)sig;
	if (busy)
		_exit(EXIT_SUCCESS);
	stop = 1;
}

struct watch {
	const struct opts *o;
	struct printer pr;
};

static bool wanted(const struct opts *o, const char *ifname)
{
	int i;

	if (!o->nifnames)
		return true;
	for (i = 0; i < o->nifnames; i++)
		if (!strcmp(o->ifnames[i], ifname))
			return true;
	return false;
}

static int ntf_cb(const struct ifstate *st, void *data)
{
	struct watch *w = data;

	if (wanted(w->o, st->ifname))
		print_state(&w->pr, st, CHANGED_NONE);
	return 0;
}

struct masks {
	sigset_t block;		/* SIGINT and SIGTERM */
	sigset_t wait;		/* the mask without them */
};

/*
 * SIGINT and SIGTERM are blocked while the monitor checks @stop, and
 * unblocked inside ppoll(), so a signal cannot slip in between the check
 * and the wait, and while it is busy, so that a write(2) that blocks
 * cannot keep it from ending.
 */
static int catch_signals(struct masks *m)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigemptyset(&m->block);
	sigaddset(&m->block, SIGINT);
	sigaddset(&m->block, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &m->block, &m->wait) < 0)
		return -errno;
	sigdelset(&m->wait, SIGINT);
	sigdelset(&m->wait, SIGTERM);
	/* No SA_RESTART: nothing waits on after a signal. */
	if (sigaction(SIGINT, &sa, NULL) < 0 ||
	    sigaction(SIGTERM, &sa, NULL) < 0)
		return -errno;
	return 0;
}

/* Print what the kernel has sent.  Returns 0 or -errno, said. */
static int handle(struct backend *b, struct watch *w)
{
	int ret, ret_out;

	ret = b->ops->events(b, ntf_cb, w);
	if (ret == -ENOBUFS)
		diag(NULL, NULL, "monitor: lost notifications (receive buffer overflow)");
	else if (ret == -EBADMSG)
		diag(NULL, NULL, "monitor: ignoring a malformed notification");
	else if (ret < 0)
		diag(NULL, NULL, "monitor: %s", strerror(-ret));
	if (ret == -ENOBUFS || ret == -EBADMSG)
		ret = 0;
	/* Each time, also into a pipe: 'netifmsg --monitor | ...'. */
	ret_out = out_flush();
	return ret < 0 ? ret : ret_out;
}

static int watch(struct backend *b, int fd, struct watch *w,
		 const struct masks *m)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int ret;

	while (!stop) {
		if (ppoll(&pfd, 1, NULL, &m->wait) < 0) {
			if (errno == EINTR)
				continue;
			diag(NULL, NULL, "monitor: %s", strerror(errno));
			return -errno;
		}
		busy = 1;
		sigprocmask(SIG_SETMASK, &m->wait, NULL);
		ret = handle(b, w);
		sigprocmask(SIG_BLOCK, &m->block, NULL);
		busy = 0;
		if (ret < 0)
			return ret;
	}
	return 0;
}

int cmd_monitor(const struct opts *o, struct backend *b)
{
	struct watch w = { .o = o };
	struct masks m;
	int fd, ret;

	ret = catch_signals(&m);
	if (ret < 0) {
		diag(NULL, NULL, "monitor: %s", strerror(-ret));
		return ret;
	}
	fd = b->ops->watch ? b->ops->watch(b) : -EOPNOTSUPP;
	if (fd == -EOPNOTSUPP) {
		diag(NULL, NULL, "monitor: the kernel has no ethtool netlink family, and the ioctl has no notifications");
		return -EIO;
	}
	if (fd < 0) {
		diag(NULL, NULL, "monitor: cannot join the ethtool monitor group: %s",
		     strerror(-fd));
		return fd;
	}
	print_init(&w.pr, o->mode, false, PRINT_LINES, b);
	return watch(b, fd, &w, &m);
}
