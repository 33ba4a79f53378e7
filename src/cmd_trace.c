// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --trace IFACE [CHANGE...]: a debug session.  The change (+all by
 * default) is made atomically, the bits it really changed are kept, the
 * interface's kernel log records are printed from /dev/kmsg as they
 * come, and at the end (a signal such as SIGINT or SIGTERM, --for, a
 * closed output pipe, a write error, the interface gone) exactly those
 * bits go back to what they were, in one value+mask set (atomic over
 * netlink), unless someone else changed one meanwhile: that bit is left
 * as it is, with a note.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "ascii.h"
#include "cmd.h"
#include "diag.h"
#include "escape.h"
#include "format.h"
#include "kmsg.h"
#include "out.h"
#include "select.h"

/*
 * tests/check_cmd reads a FIFO of its own, tests/netifmsg-dyndbg a file
 * of its own: both are test-only builds.
 */
#ifndef KMSG_PATH
#define KMSG_PATH	"/dev/kmsg"
#endif
#ifndef DYNDBG_PATH
#define DYNDBG_PATH	"/proc/dynamic_debug/control"
#endif
/* A record is at most this long (printk's limit is far below). */
#define RECORD_MAX	8192

/*
 * A restore command: NETNS as a shell word (a path of up to PATH_MAX bytes,
 * each quote in it 6 bytes once quoted), and the rest.
 */
#define UNDO_NETNS_MAX	(6 * PATH_MAX + 8)
#define UNDO_MAX	(UNDO_NETNS_MAX + FORMAT_STATE_MAX)

/*
 * The buffers of UNDO_MAX and RECORD_MAX are static (one thread): on the
 * stack they took over 64 KiB, and a small stack (ulimit -s) ended the
 * session with a crash after the raise, with neither the restore nor the
 * command that does it.  The stack a session may still take after its
 * raise is touched before it: one too small ends netifmsg there, with
 * nothing changed.
 */
#define STACK_ROOM	(16 * 1024)

/* @cut: @stop for diag_stop_on(), but cleared where lines are still due. */
static volatile sig_atomic_t stop, cut;

/*
 * Then SIGALRM each second (alarm() is async-signal-safe): a signal that
 * comes between out_write_fd()'s look at stop and its write(2) leaves a
 * write no reader lets finish blocked; the next ends it.  Blocked once
 * the restore begins, they are never handled.
 */
static void on_signal(int sig)
{
	(void)sig;
	stop = cut = 1;
	alarm(1);
}

/* What the change did to one target. */
struct target {
	uint32_t after;			/* the mask right after it */
	uint32_t changed;		/* the bits this run changed */
	uint32_t theirs;		/* of those, another writer changed */
	bool gone;
	bool failed;			/* its restore failed */
};

struct trace {
	const struct opts *o;
	struct job job;			/* o's, its names read */
	struct backend *b;
	struct ifstate *st;		/* the targets, before the change */
	struct target *t;		/* and what it did, in that order */
	uint32_t *names;		/* the targets' indexes by name (strcmp) */
	struct breq *reqs;		/* a chunk's requests: by_chunks() */
	size_t n;
	int kmsg;			/* < 0: not readable (-errno) */
	char *netns;			/* -n NETNS's path from /, if relative */
	bool ending;			/* the restores come next, or have begun */
};

static int by_name(const void *a, const void *b, void *st)
{
	const struct ifstate *v = st;

	return strcmp(v[*(const uint32_t *)a].ifname,
		      v[*(const uint32_t *)b].ifname);
}

/* Fill tr->names in name order (again after a rename). */
static void sort_names(struct trace *tr)
{
	size_t i;

	for (i = 0; i < tr->n; i++)
		tr->names[i] = (uint32_t)i;
	qsort_r(tr->names, tr->n, sizeof(*tr->names), by_name, tr->st);
}

/*
 * The target called @name (@len bytes, not terminated), or -1: one
 * lookup per kernel log record, however many targets.
 */
static ssize_t named(const struct trace *tr, const char *name, size_t len)
{
	size_t lo = 0, hi = tr->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *t = tr->st[tr->names[mid]].ifname;
		size_t tlen = strlen(t);
		int c = memcmp(t, name, tlen < len ? tlen : len);

		if (!c)
			c = (tlen > len) - (tlen < len);
		if (!c)
			return tr->names[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The interfaces of the job: its name, or those its selector selects. */
static int targets(struct trace *tr)
{
	const struct job *j = &tr->job;
	struct iflist all = { 0 };
	struct ifstate st;
	int ret;

	if (job_is_selector(j)) {
		ret = iflist_select(tr->b, j, &all);
	} else {
		ret = tr->b->ops->get(tr->b, j->ifname, &st);
		if (ret < 0)
			return diag_kernel(NULL, j->ifname, ret, tr->b->extack);
		ret = iflist_add(&st, &all);
	}
	/* The list's states, not a copy: N may be large. */
	tr->st = all.v;
	tr->n = all.n;
	all.v = NULL;
	iflist_free(&all);
	if (ret < 0)
		return diag_kernel(NULL, NULL, ret, tr->b->extack);
	if (!tr->n)
		return select_none(tr->b, NULL, j);
	tr->t = calloc(tr->n, sizeof(*tr->t));
	tr->names = calloc(tr->n, sizeof(*tr->names));
	tr->reqs = calloc(tr->n < CMD_CHUNK ? tr->n : CMD_CHUNK,
			  sizeof(*tr->reqs));
	if (!tr->t || !tr->names || !tr->reqs)
		return diag_kernel(NULL, NULL, -ENOMEM, NULL);
	sort_names(tr);
	return 0;
}

/* What the answers of one ops->run said. */
struct answers {
	int failed;
	size_t n;		/* requests answered, from the first on */
	bool ending;		/* the restores' */
};

static int set_done(struct breq *q, const char *extack, void *data)
{
	struct answers *a = data;

	a->n++;
	/*
	 * A read of a target's name that finds no message level finds
	 * another interface (a driver cannot lose its level): as one that
	 * finds none, the target renamed or gone.
	 */
	if (!q->set && q->err == -EOPNOTSUPP)
		q->err = -ENODEV;
	/*
	 * A read's ENODEV, or a restore's: the caller tells a rename from a
	 * target gone.
	 */
	if (q->err && ((q->set && !a->ending) || q->err != -ENODEV)) {
		a->failed++;
		if (q->set)
			diag_set(NULL, q->ifname, q->err, extack, true);
		else
			diag_kernel(NULL, q->ifname, q->err, extack);
	}
	return 0;
}

/*
 * Send the @n requests of @reqs; 0, or -EIO when any failed (said), but
 * for an -ENODEV that set_done() leaves to the caller.
 * *@answered: how many have an answer (a run that broke off has fewer).
 */
static int run_all(struct trace *tr, struct breq *reqs, size_t n,
		   size_t *answered)
{
	struct answers a = { .ending = tr->ending };
	int ret = tr->b->ops->run(tr->b, reqs, n, CMD_WINDOW, set_done, &a);

	*answered = a.n;
	if (ret < 0 && !reqs[0].set) {
		diag(NULL, NULL, "%s: the levels could not be read %s",
		     strerror(-ret), tr->ending ? "before the restore" :
		     "back after the change");
		return -EIO;
	}
	if (ret < 0)
		return diag_kernel(NULL, NULL, ret, tr->b->extack);
	return a.failed ? -EIO : 0;
}

/*
 * @ifname as the word a shell passes to netifmsg, as diag() shows it:
 * the word netifmsg reads, in double quotes unless it needs none.  diag()
 * doubles each backslash, which the quotes take away again; $ ` " and !
 * would not stay as they are in them, so they go as \xHH.
 */
static void shell_ifname(char *buf, size_t size, const char *ifname)
{
	char word[4 * IF_NAMESIZE];
	size_t n = 0;
	const char *p;

	format_ifname(word, sizeof(word), ifname);
	if (shell_plain(word, false)) {
		snprintf(buf, size, "%s", word);
		return;
	}
	buf[n++] = '"';
	for (p = word; *p && n + 6 < size; p++) {
		if (strchr("$`\"!", *p))
			n += (size_t)snprintf(buf + n, size - n, "\\x%02x",
					      (unsigned char)*p);
		else
			buf[n++] = *p;
	}
	buf[n++] = '"';
	buf[n] = '\0';
}

/*
 * @netns as one shell word, as diag() shows it: as it is, or in single
 * quotes; in $'...' where diag() escapes a byte (a backslash, a control
 * byte), as those quotes read its escapes back.  A quote closes the
 * quotes and comes as "'".
 */
static void shell_netns(char *buf, size_t size, const char *netns)
{
	const char *open = "'";
	const char *p;
	size_t n;

	if (netns[0] && shell_plain(netns, true)) {
		snprintf(buf, size, "%s", netns);
		return;
	}
	if (escape_text(NULL, 0, netns) != strlen(netns))
		open = "$'";
	n = (size_t)snprintf(buf, size, "%s", open);
	for (p = netns; *p && n + 8 < size; p++) {
		if (*p == '\'')
			n += (size_t)snprintf(buf + n, size - n, "'\"'\"%s",
					      open);
		else
			buf[n++] = *p;
	}
	buf[n++] = '\'';
	buf[n] = '\0';
}

/*
 * -n NETNS for the restore command: a relative path names the namespace
 * from this directory alone, and the command may be run from another.
 */
static char *netns_from_root(const char *ns)
{
	char *cwd, *path = NULL;

	if (!ns || ns[0] == '/' || !strchr(ns, '/'))
		return NULL;
	while (!strncmp(ns, "./", 2))
		ns += 2 + str_span(ns + 2, "/");
	cwd = getcwd(NULL, 0);
	if (cwd && strlen(cwd) + strlen(ns) < PATH_MAX - 1 &&
	    asprintf(&path, "%s/%s", strcmp(cwd, "/") ? cwd : "", ns) < 0)
		path = NULL;
	free(cwd);
	return path;
}

/*
 * Over the ioctl, --ioctl's or a fallen back run's: what puts its bits
 * back says --ioctl (netlink refuses bits 15-31, and a command pasted
 * where netlink works would go there).
 */
static bool over_ioctl(const struct trace *tr)
{
	return tr->o->ioctl || tr->b->fell_back;
}

/*
 * "netifmsg [-n NETNS] [--ioctl] IFACE VALUE/MASK": what puts back the
 * bits target @i changed, where this run changed them.  In a buffer of
 * its own, until the next call.
 */
static const char *undo_command(const struct trace *tr, size_t i)
{
	static char buf[UNDO_MAX], netns[UNDO_NETNS_MAX];
	char name[4 * 4 * IF_NAMESIZE];
	const struct ifstate *st = &tr->st[i];
	const struct target *t = &tr->t[i];

	shell_ifname(name, sizeof(name), st->ifname);
	netns[0] = '\0';
	if (tr->o->netns)
		shell_netns(netns, sizeof(netns),
			    tr->netns ? tr->netns : tr->o->netns);
	snprintf(buf, sizeof(buf), "netifmsg %s%s%s%s%s 0x%08x/0x%08x",
		 netns[0] ? "-n " : "", netns, netns[0] ? " " : "",
		 over_ioctl(tr) ? "--ioctl " : "", name,
		 st->msg_enable & t->changed, t->changed);
	return buf;
}

static char __attribute__((noinline)) stack_room(void)
{
	volatile char room[STACK_ROOM];

	room[0] = 0;
	return room[0];
}

/*
 * Target @i as its ifindex says: renamed since, it is followed (1); 0
 * where its name is the same, or -errno (-ENODEV: it is gone).  The
 * restore command said at the start names it no more: said again, by
 * the new name (not while raising: its bits are not known yet, and said
 * next).
 */
static int follow_index(struct trace *tr, size_t i)
{
	struct ifstate *st = &tr->st[i];
	char name[IF_NAMESIZE], old[IF_NAMESIZE];
	int ret = tr->b->ops->ifname(tr->b, st->ifindex, name);

	if (ret < 0 || !strcmp(name, st->ifname))
		return ret;
	strcpy(old, st->ifname);
	strcpy(st->ifname, name);
	sort_names(tr);
	/* The restore's own line, next, says what became of it. */
	if (!tr->t[i].changed || tr->ending)
		diag(NULL, old, "renamed to '%s': traced on", name);
	else
		diag(NULL, old, "renamed to '%s': traced on; if netifmsg is killed, restore with: %s",
		     name, undo_command(tr, i));
	return 1;
}

/*
 * Make the change on the @n targets from @from, with room for @n in
 * @reqs; read back what it did.  *@broke: the set run broke off.
 */
static int raise_some(struct trace *tr, struct breq *reqs, size_t from,
		      size_t n, bool *broke)
{
	const struct ifstate *st = tr->st + from;
	size_t i, j, k, answered;
	uint32_t value, mask;
	bool replace;
	int ret, ret2;

	change_request(&tr->job.change, UINT32_MAX, &value, &mask, &replace);
	for (i = 0; i < n; i++)
		reqs[i] = (struct breq){
			.ifname = st[i].ifname,
			.ifindex = st[i].ifindex, .set = true,
			.value = value, .mask = mask, .replace = replace,
		};
	ret = run_all(tr, reqs, n, &answered);
	*broke = answered < n;
	/*
	 * Read back all but those whose set failed, also when one did: the
	 * others were raised, and restore_some() puts them back.
	 */
	for (i = k = 0; i < n; i++)
		if (!reqs[i].err)
			reqs[k++] = (struct breq){ .ifname = st[i].ifname };
	ret2 = k ? run_all(tr, reqs, k, &answered) : 0;
	for (i = j = 0; i < n && j < k; i++) {
		struct target *t = &tr->t[from + i];
		uint32_t want = change_apply(&tr->job.change,
					     st[i].msg_enable);
		int r = 0;

		if (reqs[j].ifname != st[i].ifname)
			continue;
		/*
		 * No interface of that name: its index says whether it went
		 * away, or was renamed (also away and back: its name again).
		 * Where that cannot be told, it is not taken for gone: the
		 * restore that comes at once tries it.  Gone after its set,
		 * it was raised all the same, maybe in the namespace it was
		 * moved to: the session's first look says so, with what to
		 * set there (any_gone()), and ends the session, as later.
		 */
		if (j < answered && reqs[j].err == -ENODEV)
			r = follow_index(tr, from + i);
		if (r < 0 && r != -ENODEV)
			ret2 = diag_kernel(NULL, st[i].ifname, r, NULL);
		/*
		 * Unread (the run broke off, the read failed, or read by
		 * name, it answered for another interface): asked.
		 */
		t->after = j < answered && !reqs[j].err &&
			   reqs[j].st.ifindex == st[i].ifindex ?
			   reqs[j].st.msg_enable : want;
		/*
		 * Only bits the set changed: those it wrote a new value to.
		 * Another writer may have changed others since the mask was
		 * first read, also one the set wrote as it was, between the
		 * set and this read: theirs, not to be put back.
		 */
		t->changed = (st[i].msg_enable ^ t->after) &
			     (st[i].msg_enable ^ want);
		j++;
	}
	return ret ? ret : ret2;
}

/*
 * Run @some over the targets, a chunk at a time, with the one array of
 * requests (tr->reqs, had before the raise: a restore that could not
 * have its memory would leave the levels raised).  A chunk whose run
 * broke off (*broke) ends it: the targets after it are not asked.
 * 0 or -EIO.
 */
static int by_chunks(struct trace *tr,
		     int (*some)(struct trace *tr, struct breq *reqs,
				 size_t from, size_t n, bool *broke))
{
	bool broke = false;
	size_t from;
	int ret = 0;

	for (from = 0; from < tr->n && !broke; from += CMD_CHUNK)
		if (some(tr, tr->reqs, from, tr->n - from < CMD_CHUNK ?
			 tr->n - from : CMD_CHUNK, &broke))
			ret = -EIO;
	return ret;
}

/* At the start: the command that puts back what this run changed. */
static void say_undo(const struct trace *tr)
{
	size_t i;

	for (i = 0; i < tr->n; i++) {
		const struct target *t = &tr->t[i];
		uint32_t before = tr->st[i].msg_enable;

		if (!t->changed && change_apply(&tr->job.change, before) == before)
			diag(NULL, tr->st[i].ifname, "already so: nothing to restore at the end");
		else if (!t->changed)
			/* The driver kept its level (or another writer put it back). */
			diag(NULL, tr->st[i].ifname, "now 0x%08x: the change changed nothing: nothing to restore at the end",
			     t->after);
		else
			diag(NULL, tr->st[i].ifname, "now 0x%08x; if netifmsg is killed, restore with: %s",
			     t->after, undo_command(tr, i));
	}
}

/*
 * On CONFIG_DYNAMIC_DEBUG kernels netif_dbg() also needs its call site
 * enabled: say so once if @driver has sites and none is on.
 */
static void dyndbg_note(const char *driver)
{
	char *line = NULL, tag[DRIVER_NAME_MAX + 3];
	bool sites = false, on = false;
	FILE *f = fopen(DYNDBG_PATH, "re");
	size_t size = 0;

	if (!f)
		return;
	snprintf(tag, sizeof(tag), "[%s]", driver);
	while (getline(&line, &size, f) > 0) {
		char *flags = strstr(line, " =");

		if (!strstr(line, tag) || !flags)
			continue;
		sites = true;
		on |= memchr(flags + 2, 'p', str_cspan(flags + 2, " \n")) != NULL;
	}
	free(line);
	fclose(f);
	if (sites && !on)
		diag(NULL, NULL, "note: %s's netif_dbg() messages also need their dynamic debug call sites: echo 'module %s +p' > %s",
		     driver, driver, DYNDBG_PATH);
}

static int cmp_driver(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Once for each driver, however its interfaces are ordered. */
static void dyndbg_notes(const struct trace *tr)
{
	struct iflist seen = { 0 };	/* its distinct drivers alone */
	char name[DRIVER_NAME_MAX];
	size_t i;

	/* -q: no notes.  No control file (or not root's): no driver. */
	if (tr->o->quiet || access(DYNDBG_PATH, R_OK))
		return;
	/* A signal meanwhile: no more reads, and no notes for a session over. */
	for (i = 0; i < tr->n && !stop; i++)
		if (tr->b->ops->driver(tr->b, tr->st[i].ifname,
				      tr->st[i].ifindex, name) >= 0 &&
		    iflist_driver(&seen, name) < 0)
			break;	/* a note the session can do without */
	if (stop)
		seen.ndrivers = 0;
	if (seen.ndrivers)
		qsort(seen.drivers, seen.ndrivers, sizeof(*seen.drivers),
		      cmp_driver);
	for (i = 0; i < seen.ndrivers; i++)
		dyndbg_note(seen.drivers[i]);
	iflist_free(&seen);
}

/*
 * The kernel's record of a rename, "NEW: renamed from OLD" (and " (while
 * UP)"), the text at @off: where OLD is a target's name, follow every
 * target at once, so that this record and the ones after it are matched
 * by the new names.  The log is shared with other namespaces, and the
 * interface may have been renamed again since (NEW may be no one's name
 * now): the name the interface has now decides.  Every one: in a swap
 * (OLD to TMP, NEW to OLD, TMP to NEW) read late, the one called NEW now
 * has a name only the next record names.
 */
static void follow_rename(struct trace *tr, const struct kmsg_record *r,
			  size_t off)
{
	static const char from[] = "renamed from ", up[] = " (while UP)";
	const char *old, *end = r->msg + r->len;
	size_t i, n;

	if (r->len - off < strlen(from) ||
	    memcmp(r->msg + off, from, strlen(from)))
		return;
	old = r->msg + off + strlen(from);
	n = (size_t)(end - old);
	if (n > strlen(up) && !memcmp(end - strlen(up), up, strlen(up)))
		n -= strlen(up);
	if (named(tr, old, n) < 0)
		return;
	for (i = 0; i < tr->n; i++)
		if (!tr->t[i].gone)
			follow_index(tr, i);
}

/*
 * Print the records waiting in /dev/kmsg that are about a target.
 * 0, or a write's -errno (said, but where the reader went: out_gone()).
 */
static int drain(struct trace *tr)
{
	static char rec[RECORD_MAX], text[RECORD_MAX], line[3 * RECORD_MAX];
	struct kmsg_record r;
	const char *name;
	size_t off, doff, dlen, n, nlen;
	ssize_t len, i, j;
	int ret;

	while (!stop) {
		len = read(tr->kmsg, rec, sizeof(rec) - 1);
		/* -q shows no records: nor that some were lost, or none come. */
		if (len < 0 && errno == EPIPE) {
			if (!tr->o->quiet)
				diag(NULL, NULL, "note: the kernel log wrapped: records were lost");
			continue;
		}
		if (len < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		/*
		 * The kernel log has no end: a file that does (/dev/null
		 * bound over it in a container) would keep poll() and this
		 * loop spinning.  One that fails to be read is said so as
		 * one that cannot be opened: the session goes on without it.
		 */
		if (len <= 0) {
			if (len && !tr->o->quiet)
				diag(NULL, NULL, "note: cannot read %s (%s): no more messages are shown; the level is still raised and restored",
				     KMSG_PATH, strerror(errno));
			else if (!tr->o->quiet)
				diag(NULL, NULL, "note: %s ended (it is not the kernel log): no more messages are shown; the level is still raised and restored",
				     KMSG_PATH);
			close(tr->kmsg);
			tr->kmsg = -1;
			return 0;
		}
		if (kmsg_parse(rec, (size_t)len, &r) < 0)
			continue;
		off = kmsg_ifname(&r, &name, &nlen);
		if (off)
			follow_rename(tr, &r, off);
		i = off ? named(tr, name, nlen) : -1;
		/*
		 * Past a dynamic debug decoration where the plain reading
		 * names no target (or the same: "[TID] " alone); the
		 * decoration is shown, before the text.
		 */
		doff = kmsg_ifname_dyndbg(&r, &dlen, &name, &nlen);
		if (doff && (i < 0 || doff == off) &&
		    (j = named(tr, name, nlen)) >= 0) {
			i = j;
			off = doff;
		} else {
			dlen = 0;
		}
		if (i < 0 || tr->o->quiet)
			continue;
		memcpy(text, r.msg, dlen);
		memcpy(text + dlen, r.msg + off, r.len - off);
		text[dlen + r.len - off] = '\0';
		n = format_log(line, sizeof(line) - 1, tr->o->mode, r.usec,
			       tr->st[i].ifname, r.level, text);
		if (n >= sizeof(line) - 1)
			n = sizeof(line) - 2;
		line[n++] = '\n';
		ret = out_write_fd(STDOUT_FILENO, line, n, &stop);
		if (ret < 0 && !out_gone(ret))
			diag(NULL, NULL, "write error: %s", strerror(-ret));
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* Target @i is gone: deleted, or moved to a namespace this one cannot see. */
static void went_away(struct trace *tr, size_t i)
{
	struct target *t = &tr->t[i];

	t->gone = true;
	if (!t->changed)
		diag(NULL, tr->st[i].ifname, "the interface went away: the trace ends");
	else
		diag(NULL, tr->st[i].ifname, "the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x%08x/0x%08x on it there%s)",
		     tr->st[i].msg_enable & t->changed, t->changed,
		     over_ioctl(tr) ? " with --ioctl" : "");
}

/* Is any target gone?  Say which.  A renamed one is followed. */
static bool any_gone(struct trace *tr)
{
	bool gone = false;
	size_t i;

	for (i = 0; i < tr->n; i++) {
		/* Another error tells nothing: asked again at the next pass. */
		if (tr->t[i].gone || follow_index(tr, i) != -ENODEV)
			continue;
		went_away(tr, i);
		gone = true;
	}
	return gone;
}

/*
 * Say how to restore, then follow until a signal, --for, a closed pipe
 * or a target gone; 0, or -errno where it failed (said).  The signals
 * (@block) get in but between the last look at stop and ppoll(), which
 * lets them in itself; they also end a write(2), of a record or a line
 * of stderr, blocked on a slow reader.  --for is SIGALRM, one of them: a
 * write that no reader lets finish, or a flood of records that keeps
 * drain() reading, cannot make the session outlast it.
 */
static int follow(struct trace *tr, const sigset_t *block, const sigset_t *wait)
{
	unsigned int ms = tr->o->for_ms;
	struct itimerval timer = {
		.it_value = { ms / 1000, (ms % 1000) * 1000 },
	};
	/* Its reader gone, or a terminal hung up (-q writes nothing there). */
	struct pollfd pfd[2] = {
		{ .fd = tr->o->quiet ? -1 : STDOUT_FILENO, .events = 0 },
		{ .fd = tr->kmsg, .events = POLLIN },
	};
	/*
	 * A look for targets gone or renamed at each pass (any_gone()): after
	 * each wake-up, and at least each second.
	 */
	const struct timespec tick = { 1, 0 };
	int ret;

	if (ms && setitimer(ITIMER_REAL, &timer, NULL) < 0)
		goto fail;
	/*
	 * The lines on stderr too: one that takes nothing (2>&1 into a
	 * pipe not read, a terminal stopped with Ctrl-S) would hold the
	 * session, its level raised, past a signal or --for.
	 */
	diag_stop_on(&cut);
	sigprocmask(SIG_SETMASK, wait, NULL);
	cut = 0;	/* one held until now still lets the notes be said */
	diag_hold(false);	/* the raise's lines, if any */
	/* EPERM: devkmsg_open() under dmesg_restrict, or with devkmsg off. */
	if (tr->kmsg < 0 && !tr->o->quiet)
		diag(NULL, NULL, "note: cannot read %s (%s%s): no messages are shown; the level is still raised and restored",
		     KMSG_PATH, strerror(-tr->kmsg), tr->kmsg != -EPERM ? "" :
		     ": it needs CAP_SYSLOG where kernel.dmesg_restrict is 1, and kernel.printk_devkmsg not off");
	say_undo(tr);
	dyndbg_notes(tr);
	while (!stop && !any_gone(tr)) {
		sigprocmask(SIG_BLOCK, block, NULL);
		ret = stop ? 0 : ppoll(pfd, tr->kmsg >= 0 ? 2 : 1, &tick, wait);
		if (ret < 0 && errno != EINTR)
			goto fail;
		sigprocmask(SIG_SETMASK, wait, NULL);
		if (ret > 0 && (pfd[0].revents & (POLLERR | POLLHUP | POLLNVAL)))
			return 0;	/* the reader went: that ends it */
		if (ret > 0 && pfd[1].revents) {
			ret = drain(tr);
			if (ret < 0)
				return out_gone(ret) ? 0 : ret;
		}
	}
	/*
	 * A target gone: the records logged before the look that saw it
	 * are shown still, its last ones among them (after a signal or
	 * --for, drain() reads none).
	 */
	ret = tr->kmsg >= 0 ? drain(tr) : 0;
	return out_gone(ret) ? 0 : ret;
fail:
	ret = -errno;
	diag(NULL, NULL, "trace: %s", strerror(-ret));
	return ret;
}

/* A read by name that found no interface, or another. */
static bool not_its(const struct breq *q)
{
	return q->err == -ENODEV || (!q->err && q->st.ifindex != q->ifindex);
}

/*
 * Read the @n targets from @from that have bits to restore into @reqs, in
 * one pipelined run; how many.  One whose read failed has its error (said).
 */
static size_t read_now(struct trace *tr, size_t from, size_t n,
		       struct breq *reqs)
{
	const struct target *tt = tr->t + from;
	size_t i, x, m = 0, answered;
	struct breq *q;

	for (i = 0; i < n; i++)
		if (!tt[i].gone && tt[i].changed)
			reqs[m++] = (struct breq){
				.ifname = tr->st[from + i].ifname,
				.ifindex = tr->st[from + i].ifindex,
			};
	if (m)
		run_all(tr, reqs, m, &answered);
	for (i = 0, x = from; i < m; i++, x++) {
		q = &reqs[i];
		while (q->ifname != tr->st[x].ifname)
			x++;
		/* Unanswered: the run broke off (said). */
		if (i >= answered) {
			q->err = -EIO;
			continue;
		}
		/*
		 * Read by name: the name may be no one's or another's now.
		 * Renamed since the last look, it is read by its new name;
		 * its own name again (renamed away and back), by that once
		 * more, as the read-back after the raise takes it.
		 */
		if (!not_its(q))
			continue;
		q->err = follow_index(tr, x);
		/* Gone since the last look: said as it is at a look. */
		if (q->err == -ENODEV) {
			went_away(tr, x);
			continue;
		}
		/* Its index could not be asked: that error, as at the raise. */
		if (q->err < 0) {
			q->err = diag_kernel(NULL, q->ifname, q->err, NULL);
			continue;
		}
		q->err = tr->b->ops->get(tr->b, q->ifname, &q->st);
		if (q->err || not_its(q))
			q->err = diag_kernel(NULL, q->ifname, not_its(q) ?
					     -ENODEV : q->err, tr->b->extack);
	}
	return m;
}

/*
 * Put back the bits this run changed that nobody else changed since, on
 * the @n targets from @from, with room for @n in @reqs; 0 or -EIO.
 * Every chunk is tried, also after a failure: *@broke stays false.
 */
static int restore_some(struct trace *tr, struct breq *reqs, size_t from,
			size_t n, bool *broke)
{
	const struct ifstate *st = tr->st + from;
	size_t i, j, k = 0, nread, answered = 0;
	int failed = 0, ret = 0;

	(void)broke;
	nread = read_now(tr, from, n, reqs);
	for (i = j = 0; i < n && j < nread; i++) {
		struct target *t = &tr->t[from + i];
		const struct breq *now = &reqs[j];
		uint32_t back;

		if (now->ifname != st[i].ifname)
			continue;
		j++;
		if (now->err) {
			/* One gone since the last look is no failure (said). */
			if (!t->gone) {
				failed++;
				t->failed = true;
			}
			continue;
		}
		t->theirs = t->changed & (now->st.msg_enable ^ t->after);
		back = t->changed & ~t->theirs;
		/* What "restored:" says: the mask now, with ours put back. */
		t->after = (now->st.msg_enable & ~back) |
			   (st[i].msg_enable & back);
		if (!back)
			continue;
		/* Over the reads already used: k < j. */
		reqs[k++] = (struct breq){
			.ifname = st[i].ifname, .ifindex = st[i].ifindex,
			.set = true, .value = st[i].msg_enable & back,
			.mask = back,
		};
	}
	if (k)
		ret = run_all(tr, reqs, k, &answered);
	/*
	 * Not "restored" where the set failed, or may not have been sent
	 * (the run broke off): @reqs are in the order of the targets, as in
	 * raise_some().
	 */
	for (i = j = 0; i < n && j < k; i++) {
		struct target *t = &tr->t[from + i];
		size_t once = 1;
		int r = 0;

		if (reqs[j].ifname != st[i].ifname)
			continue;
		/*
		 * Renamed since its read: set again, by the new name; gone:
		 * said as it is at a look.
		 */
		if (reqs[j].err == -ENODEV) {
			r = follow_index(tr, from + i);
			if (r > 0 && run_all(tr, &reqs[j], 1, &once) < 0)
				failed++;
		}
		if (r == -ENODEV) {
			went_away(tr, from + i);
		} else if (r < 0) {
			/* Its index could not be asked: that error. */
			diag_kernel(NULL, st[i].ifname, r, NULL);
			failed++;
		} else if (reqs[j].err == -ENODEV) {
			diag_kernel(NULL, st[i].ifname, -ENODEV, NULL);
			failed++;
		}
		t->failed |= !t->gone &&
			     (j >= answered || !once || reqs[j].err);
		j++;
	}
	return ret < 0 || failed ? -EIO : 0;
}

/*
 * What each target's restore did, once all are done: a standard error
 * that does not take the lines (a terminal stopped with Ctrl-S) holds
 * up no restore.
 */
static void say_restored(const struct trace *tr)
{
	static char text[FORMAT_STATE_MAX];
	size_t i;

	for (i = 0; i < tr->n; i++) {
		const struct target *t = &tr->t[i];
		const char *name = tr->st[i].ifname;
		struct ifstate shown = { .msg_enable = t->after };

		if (t->theirs)
			diag(NULL, name, "note: bits 0x%08x were changed by someone else meanwhile: left as they are",
			     t->theirs);
		if (t->gone || !t->changed)
			continue;
		if (t->failed) {
			diag(NULL, name, "not restored: its level is still raised; restore with: %s",
			     undo_command(tr, i));
			continue;
		}
		format_state(text, sizeof(text), OUT_TEXT,
			     backend_names(tr->b, shown.msg_enable), &shown,
			     CHANGED_NONE);
		diag(NULL, name, "restored: %s", text);
	}
}

int cmd_trace(const struct opts *o, struct backend *b)
{
	/*
	 * Killed by any of these or a real-time signal, a session would
	 * leave the level raised (SIGPIPE and SIGXFSZ are ignored:
	 * cmd_write_errors()).
	 */
	static const int ends[] = {
		SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGALRM, SIGUSR1, SIGUSR2,
		SIGXCPU, SIGVTALRM, SIGPROF, SIGIO,
#ifdef SIGPWR
		SIGPWR,
#endif
#ifdef SIGSTKFLT
		SIGSTKFLT,
#endif
	};
	struct trace tr = { .o = o, .b = b, .job = o->job, .kmsg = -1 };
	size_t n = sizeof(ends) / sizeof(*ends);
	int sigs[NSIG], sig, ret, ret2;
	sigset_t block, wait;

	ret = cmd_check_jobs(b, &tr.job, 1, NULL);
	if (ret)
		return ret;
	ret = targets(&tr);
	if (ret)
		goto out;
	tr.netns = netns_from_root(o->netns);
	/* A closed output pipe: write() says EPIPE, which ends the trace. */
	cmd_write_errors();
	memcpy(sigs, ends, sizeof(ends));
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigs[n++] = sig;
	ret = cmd_catch_signals(sigs, n, on_signal, &block, &wait);
	if (!ret)
		ret = backend_open_ifname(b);	/* for the names now */
	if (ret < 0) {
		diag(NULL, NULL, "trace: %s", strerror(-ret));
		ret = -EIO;	/* a failure, whatever errno */
		goto out;
	}
	/* From now on: the records the change itself causes come next. */
	tr.kmsg = open(KMSG_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (tr.kmsg < 0)
		tr.kmsg = -errno;
	else
		lseek(tr.kmsg, 0, SEEK_END);
	/*
	 * Raise, a chunk at a time.  Where a run broke off, the targets after
	 * it are not asked, and not restored: nothing changed there.
	 */
	(void)stack_room();
	/*
	 * Its lines (a failed set, a rename) wait too: said now, with every
	 * signal blocked, on a standard error that takes nothing they would
	 * keep the levels raised.  follow() says them, or the restore's end.
	 */
	diag_hold(true);
	ret = by_chunks(&tr, raise_some);
	/* Not raised for good where it worked: no one would undo it. */
	if (ret)
		goto restore;
	ret = follow(&tr, &block, &wait);
	/*
	 * A last look: one renamed since the last is put back under its
	 * name now (its old one may be another's), one gone is not.  Its
	 * lines are said, but on a blocked stderr they hold up no restore
	 * (the signal that ended the session comes again a second later).
	 */
	cut = 0;
	/* The restore comes next: a rename's line gives no command. */
	tr.ending = true;
	any_gone(&tr);
	sigprocmask(SIG_BLOCK, &block, NULL);
	diag_stop_on(NULL);
	/* Its lines (a rename, a failed read) wait for all the restores. */
	diag_hold(true);
restore:
	tr.ending = true;
	ret2 = by_chunks(&tr, restore_some);
	diag_hold(false);
	say_restored(&tr);
	ret = ret < 0 ? -EIO : ret2;
out:
	if (tr.kmsg >= 0)
		close(tr.kmsg);
	free(tr.st);
	free(tr.t);
	free(tr.names);
	free(tr.reqs);
	free(tr.netns);
	return ret;
}
