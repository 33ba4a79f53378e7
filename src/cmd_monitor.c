// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --monitor: print one line per change notification until SIGINT or
 * SIGTERM.  The kernel sends one when a mask really changes over
 * netlink, and on every set over the ioctl.  Only the netlink backend
 * has notifications.
 */
#include <errno.h>
#include <fnmatch.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "escape.h"
#include "genl.h"
#include "out.h"
#include "print.h"
#include "select.h"

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

/* The last mask seen of each interface, by ifindex: the "was". */
struct seen {
	uint32_t ifindex;
	uint32_t mask;
	bool read;			/* read at the start, no notification yet */
	bool lost;			/* mask forgotten: notifications lost */
	signed char drv;		/* of a --driver asked for: 1, 0; -1: not known */
};

struct watch {
	const struct opts *o;
	struct backend *b;
	struct printer pr;
	struct seen *seen;		/* sorted by ifindex */
	size_t n, cap;
	uint32_t *alt;			/* ifindex of each altname asked for */
	int nalt;
	int fd;				/* the notifications' socket */
	int err;			/* a driver not asked (no socket): ends it */
	bool lost;			/* notifications lost, queue not seen empty */
	bool startup;			/* what the start queued: not all read */
};

/* Where @ifindex is, or would be, in w->seen. */
static size_t seen_at(const struct watch *w, uint32_t ifindex)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->seen[mid].ifindex < ifindex)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Note @st's mask (@read: as read at the start); *@old gets the one
 * before, false if none is known.  The changes made while the monitor
 * started, after it joined the group, are all queued by the end of its
 * read of the masks, which may show any of them: the first notification
 * of an interface in that queue has none; after the queue, the mask read.
 */
static bool remember(struct watch *w, const struct ifstate *st, bool read,
		     uint32_t *old)
{
	size_t i = seen_at(w, st->ifindex);
	struct seen *v;

	if (i < w->n && w->seen[i].ifindex == st->ifindex) {
		struct seen *s = &w->seen[i];
		bool known = !s->lost && !(s->read && w->startup);

		*old = s->mask;
		s->mask = st->msg_enable;
		s->read = read;
		/* Read since a loss: maybe before the gap, maybe after. */
		s->lost = w->lost;
		return known;
	}
	if (w->n == w->cap) {
		v = realloc(w->seen, (w->cap ? 2 * w->cap : 64) * sizeof(*v));
		if (!v)
			return false;	/* then no "was" for it */
		w->seen = v;
		w->cap = w->cap ? 2 * w->cap : 64;
	}
	memmove(&w->seen[i + 1], &w->seen[i], (w->n - i) * sizeof(*v));
	w->seen[i] = (struct seen){ st->ifindex, st->msg_enable, read,
				    w->lost, -1 };
	w->n++;
	return false;
}

/*
 * Is @st's interface of a --driver asked for?  Asked once per interface
 * (ETHTOOL_GDRVINFO, by name): at the start for those the dump found
 * that are asked for by name (@fresh), at the first notification for
 * the others.  A notification may have waited in the queue while its
 * interface was renamed: asked by the name its index has now (the
 * backend's ops->ifname, on the socket its ops->driver uses).  Either
 * name must still be its own after the answer.  Not known (asked again
 * at the next one): false; where no socket could ask (ulimit -n),
 * w->err ends the monitor, as iflist_drivers() ends a show.
 */
static bool of_driver(struct watch *w, const struct ifstate *st, bool fresh)
{
	const struct opts *o = w->o;
	size_t i = seen_at(w, st->ifindex);
	struct seen *v = i < w->n && w->seen[i].ifindex == st->ifindex ?
			 &w->seen[i] : NULL;
	char driver[DRIVER_NAME_MAX], now[IF_NAMESIZE];
	const char *name = fresh ? st->ifname : now;
	bool of = false;
	int d;

	if (v && v->drv >= 0)
		return v->drv;
	d = fresh ? 0 : w->b->ops->ifname(w->b, st->ifindex, now);
	if (!d)
		d = w->b->ops->driver(w->b, name, st->ifindex, driver);
	if (d < 0 && d != -ENODEV && d != -EOPNOTSUPP && d != -EAGAIN)
		w->err = d;
	if (d < 0)
		return false;
	for (d = 0; d < o->job.more->ndrivers && !of; d++)
		of = !strcmp(o->job.more->drivers[d], driver);
	if (v)
		v->drv = of;
	return of;
}

/* An interface asked for: by a name or pattern, or an altname's index. */
static bool named(const struct watch *w, const struct ifstate *st)
{
	const struct opts *o = w->o;
	bool name = !o->nifnames;
	int i;

	for (i = 0; i < o->nifnames && !name; i++)
		name = !fnmatch(o->ifnames[i], st->ifname, 0);
	for (i = 0; i < w->nalt && !name; i++)
		name = w->alt[i] == st->ifindex;
	return name;
}

static int dump_cb(const struct ifstate *st, void *data)
{
	struct watch *w = data;
	uint32_t old;

	remember(w, st, true, &old);
	/* Those not asked for by name: at a notification, if ever. */
	if (w->o->job.more->ndrivers && named(w, st))
		of_driver(w, st, true);
	return 0;
}

/* The time of day, 15:04:05.123456 ('ip -ts monitor' adds the date). */
static const char *time_of_day(char buf[32])
{
	struct timeval tv;
	struct tm tm;
	size_t n;

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	n = strftime(buf, 32, "%H:%M:%S", &tm);
	snprintf(buf + n, 32 - n, ".%06ld", (long)tv.tv_usec);
	return buf;
}

/* The interfaces asked for (names or patterns), of the drivers asked for. */
static bool wanted(struct watch *w, const struct ifstate *st)
{
	return named(w, st) &&
	       (!w->o->job.more->ndrivers || of_driver(w, st, false));
}

/*
 * At most the fewest bytes of a name fnmatch(3) pattern @p matches:
 * those before a first '[', and one for it (a bracket expression or a
 * plain '[' matches one); where a bracket expression ends is subtle, so
 * nothing after it is counted.
 */
static size_t pattern_min(const char *p)
{
	size_t n = 0;

	for (; *p && *p != '['; p++) {
		if (*p == '*')
			continue;
		n++;
		if (*p == '\\' && p[1])
			p++;
	}
	return n + (*p == '[');
}

/*
 * A name asked for may be an alternative name, but a notification
 * carries the interface's own name: one GET each gives the interface,
 * watched by its ifindex, whatever it is named later.  A name longer
 * than an interface's own can only be an alternative name: where it
 * names none now, or one of another driver than --driver's, nothing
 * could ever match it; nor a pattern that only such names match.  A
 * read that failed otherwise (no socket: ulimit -n) cannot tell: nor
 * could the monitor.  Said: -EIO or -ENOMEM.
 */
static int watch_altnames(struct watch *w)
{
	const struct opts *o = w->o;
	char name[2 * ALTIFNAMSIZ], q[QUOTE_SIZE];
	struct job one = { .ifname = name, .more = o->job.more };
	struct ifstate st;
	int i, ret;

	w->alt = calloc((size_t)o->nifnames + 1, sizeof(*w->alt));
	if (!w->alt) {
		diag(NULL, NULL, "monitor: %s", strerror(ENOMEM));
		return -ENOMEM;
	}
	for (i = 0; i < o->nifnames; i++) {
		if (word_has_glob(o->ifnames[i])) {
			if (pattern_min(o->ifnames[i]) < IF_NAMESIZE)
				continue;
			quote_word(q, o->ifnames[i], strlen(o->ifnames[i]));
			diag(NULL, NULL, "monitor: '%s' matches no interface name: a name has at most %d bytes",
			     q, IF_NAMESIZE - 1);
			return -EIO;
		}
		/*
		 * The name, its quoting for fnmatch(3) taken out: a backslash
		 * before each glob character and backslash, which ESCAPES
		 * reads as that character.
		 */
		snprintf(name, sizeof(name), "%s", o->ifnames[i]);
		if (!unescape_word(name))
			continue;
		ret = w->b->ops->get(w->b, name, &st);
		if (ret < 0 && (strlen(name) >= IF_NAMESIZE ||
				(ret != -ENODEV && ret != -EOPNOTSUPP)))
			return diag_kernel(NULL, name, ret, NULL);
		if (!ret && strlen(name) >= IF_NAMESIZE && one.more->ndrivers) {
			uint32_t old;

			/*
			 * Noted as the read of the masks notes it, for its
			 * driver to be kept there: asked for once, not again
			 * by dump_cb().
			 */
			remember(w, &st, true, &old);
			if (!of_driver(w, &st, true) && !w->err)
				return select_none(w->b, NULL, &one);
		}
		if (!ret && strcmp(st.ifname, name))
			w->alt[w->nalt++] = st.ifindex;
	}
	return 0;
}

static int ntf_cb(const struct ifstate *st, void *data)
{
	struct watch *w = data;
	char when[32];
	uint32_t old;
	bool known;

	known = remember(w, st, false, &old);
	if (wanted(w, st))
		print_event(&w->pr, st, known ? &old : NULL,
			    w->o->timestamp ? time_of_day(when) : NULL);
	return 0;
}

/* Print what the kernel has sent.  Returns 0 or -errno, said. */
static int handle(struct watch *w)
{
	int ret, ret_out;

	ret = w->b->ops->events(w->b, ntf_cb, w);
	if (ret >= 0 && w->err)
		ret = w->err;
	if (ret > 0 && (ret & GENL_NTF_EMPTY))
		w->startup = false;
	/*
	 * The masks noted may be older than the lost ones: forgotten, and
	 * each read after it too, until the queue is seen empty (what was
	 * queued at the loss, and what came after the gap, are read by
	 * then).  The drivers stay: they are the interfaces', whatever was
	 * lost.
	 */
	if (ret > 0 && (ret & GENL_NTF_LOST)) {
		size_t i;

		diag(NULL, NULL, "monitor: lost notifications (receive buffer overflow)");
		for (i = 0; i < w->n; i++)
			w->seen[i].lost = true;
		w->lost = true;
	} else if (ret >= 0 && !(ret & GENL_NTF_FULL)) {
		w->lost = false;
	}
	if (ret > 0 && (ret & GENL_NTF_BAD))
		diag(NULL, NULL, "monitor: ignoring a malformed notification");
	else if (ret < 0)
		diag(NULL, NULL, "monitor: %s", strerror(-ret));
	/* Each time, also into a pipe: 'netifmsg --monitor | ...'. */
	ret_out = out_flush();
	return ret < 0 ? ret : ret_out;
}

/*
 * The signals (@block) get in only in ppoll() and while busy (on_signal()).
 * What was queued at the start is read without waiting.
 */
static int watch(struct watch *w, const sigset_t *block, const sigset_t *wait)
{
	struct pollfd pfd[2] = {
		{ .fd = w->fd, .events = POLLIN },
		/* The reader of a pipe going away shows as POLLERR here. */
		{ .fd = STDOUT_FILENO, .events = 0 },
	};
	int ret;

	while (!stop) {
		if (!w->startup && ppoll(pfd, 2, NULL, wait) < 0) {
			if (errno == EINTR)
				continue;
			diag(NULL, NULL, "monitor: %s", strerror(errno));
			return -EIO;
		}
		if (pfd[1].revents & (POLLERR | POLLHUP | POLLNVAL))
			break;
		busy = 1;
		sigprocmask(SIG_SETMASK, wait, NULL);
		ret = handle(w);
		sigprocmask(SIG_BLOCK, block, NULL);
		busy = 0;
		if (out_gone(ret))
			break;
		if (ret < 0)
			return ret;
	}
	/* '| head -n 1', or a socket's reader gone: see out_gone(). */
	out_drop();
	return 0;
}

int cmd_monitor(const struct opts *o, struct backend *b)
{
	static const int sigs[] = { SIGINT, SIGTERM };
	struct watch w = { .o = o, .b = b, .startup = true };
	sigset_t block, wait;
	int ret;

	/* EPIPE ends the monitor; EFBIG (ulimit -f) is a write error. */
	cmd_write_errors();
	ret = cmd_catch_signals(sigs, 2, on_signal, &block, &wait);
	if (ret < 0) {
		diag(NULL, NULL, "monitor: %s", strerror(-ret));
		return -EIO;
	}
	w.fd = b->ops->watch ? b->ops->watch(b) : -EOPNOTSUPP;
	if (w.fd == -EOPNOTSUPP)
		diag(NULL, NULL, "monitor: the kernel has no ethtool netlink family, and the ioctl has no notifications");
	else if (w.fd < 0)
		diag(NULL, NULL, "monitor: cannot join the ethtool monitor group: %s",
		     strerror(-w.fd));
	if (w.fd < 0)
		return -EIO;
	if (watch_altnames(&w) < 0) {
		free(w.alt);
		free(w.seen);
		return -EIO;
	}
	print_init(&w.pr, o->mode, false, PRINT_LINES, true, b);
	/*
	 * The masks now, for the "was" of each first change: after
	 * joining the group, so that no change falls in between.
	 */
	ret = b->ops->dump(b, dump_cb, &w);
	/*
	 * The socket that asks the drivers later, open now or never.  No
	 * other is opened after this.
	 */
	if (o->job.more->ndrivers && !w.err)
		w.err = backend_open_ifname(b);
	/*
	 * -EAGAIN: one missing has no "was" for its first change.  The
	 * note says the monitor goes on: not where it ends here (w.err).
	 */
	if (ret < 0 && ret != -EAGAIN && !w.err)
		diag(NULL, NULL, "monitor: cannot read the masks now (%s): the first change of each interface has no earlier value",
		     strerror(-ret));
	if (w.err)
		diag(NULL, NULL, "monitor: %s", strerror(-w.err));
	ret = w.err ? w.err : watch(&w, &block, &wait);
	free(w.alt);
	free(w.seen);
	/* Said: a failure, whatever errno (-EINVAL is for usage errors). */
	return ret < 0 ? -EIO : 0;
}
