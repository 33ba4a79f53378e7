// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A randomised test of --trace over the fake backend.  Each seed makes a
 * few interfaces (random masks, some without a message level), a
 * selection (a name or a pattern), a change (+bits, -bits, VALUE/MASK or
 * an absolute level, or none: +all), a short --for, and injects events
 * between (and inside) the runs of requests: an interface renamed (its
 * name perhaps taken by another), gone (no interface has its index any
 * more), someone else changing bits of an interface, a set or a get
 * failing with EPERM, ENOBUFS or ENODEV.  Then it checks what
 * netifmsg(8) promises (DEBUG SESSIONS, RENAMES, DIAGNOSTICS), derived
 * from the page and not from cmd_trace.c:
 *
 *  - an interface the trace did not raise (not selected, or its set
 *    failed) keeps its mask, but for what someone else changed;
 *  - one it raised and that stayed has each bit back at its value before
 *    the session, except bits someone else changed after the raise (left
 *    as they are) and bits outside the change, or else it is said "not
 *    restored" with a command that puts it back, and the exit status is
 *    a failure;
 *  - one that went away is said so, with the VALUE/MASK that puts it back
 *    where it went, where the session left bits raised;
 *  - "restored: STATE" is said only of a raised interface that stayed,
 *    under its name now, STATE its mask now, put back;
 *  - every restore command said (at the start, in a rename's line, in
 *    "not restored", "set ... on it there") puts back the bits' earlier
 *    values, and only bits the change could have changed;
 *  - exit status 0 only where every restore worked, a failure where the
 *    change failed, and 0 where nothing failed (renames and interfaces
 *    gone are no failures).
 *
 * Someone else's change of a bit between the restore's read and its set
 * is a race no DEBUG_SET can close, and one between the session's first
 * read and its raise is documented for a bit raised alone: neither is
 * injected otherwise.  Each bit is changed by someone else at most once
 * (a bit changed and changed back is no change anyone can see).
 *
 * Each seed runs in a child of its own: the trace's signal handling and
 * its static state start afresh, as in a process of netifmsg.
 *
 * MODEL_SEED=n runs that seed alone (and says what it did); MODEL_RUNS=n
 * sets how many seeds are run, from MODEL_FIRST (1); with MODEL_GO_ON
 * set, all of them are, each seed that breaks a promise said in a line.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "fake_backend.h"
#include "model.h"

#define CAPTURE_MAX	65536
#define RUNS		500
#define EVENTS_MAX	4
#define NAMES_MAX	16	/* the names one interface has had */
#define LOW		0x7fffu	/* the classes netlink sets */

static char out[CAPTURE_MAX], err[CAPTURE_MAX];
static struct fake f;
static struct backend b;
static struct backend_ops hooked;	/* the fake's, with the events */
static const struct backend_ops *real;

static struct text story, wrong;

/* ---- the world -------------------------------------------------------- */

static const char *const names[] = { "tap0", "tap1", "tap2", "eth0", "eth1", "lo" };
static const char *const fresh_names[] = {
	"ren0", "ren1", "ren2", "ren3", "ren4", "ren5", "ren6", "ren7",
};
static const char *const gone_names[] = {
	"gone0", "gone1", "gone2", "gone3", "gone4", "gone5", "gone6", "gone7",
};
static unsigned int nfresh, ngone;

/* An interface as the model sees it: the same index as f.ifs[]. */
struct mif {
	const char *name[NAMES_MAX];	/* every name it had, the first first */
	int nnames;
	uint32_t old;		/* its mask before the session */
	bool selected;
	bool raise_answered;	/* its raise's set was answered ... */
	bool raised;		/* ... and worked */
	bool gone;
	bool restore_tried;	/* a set of the restore was answered */
	/*
	 * The read before the restore answered, by @read_name, @read_mask:
	 * with nothing left to put back, its restore is over there.
	 */
	bool restore_read;
	char read_name[IF_NAMESIZE];
	uint32_t read_mask;
	uint32_t touched;	/* bits someone else changed (each once) */
	uint32_t theirs;	/* their values then */
	uint32_t pre;		/* of @touched, before its raise */
	/* what netifmsg said of it */
	bool said_restored, said_not, said_gone, gone_vm;
	uint32_t v, m;		/* of "not restored" or "set V/M on it there" */
};

static struct mif mifs[FAKE_IFACES_MAX];
static int nifs;
static bool ioctl_mode;
static uint32_t settable;

/* The change: relative (the bits of @cmask become @cvalue's) or absolute. */
static bool c_abs;
static uint32_t cvalue, cmask;

/* The bits a set of the change may write. */
static uint32_t touch(void)
{
	return c_abs ? settable : cmask;
}

/* The change applied to @x, as a set over the backend writes it. */
static uint32_t apply(uint32_t x)
{
	return c_abs ? (x & ~settable) | cvalue : (x & ~cmask) | (cvalue & cmask);
}

/* The bits the change sets to 1. */
static uint32_t raises(void)
{
	return c_abs ? cvalue : cvalue & cmask;
}

static void named_as(int x, const char *name)
{
	struct mif *m = &mifs[x];

	f.ifs[x].name = name;
	if (m->nnames < NAMES_MAX)
		m->name[m->nnames++] = name;
}

static bool had_name(const struct mif *m, const char *name, size_t len)
{
	int i;

	for (i = 0; i < m->nnames; i++)
		if (strlen(m->name[i]) == len && !memcmp(m->name[i], name, len))
			return true;
	return false;
}

/*
 * What interface @x's mask should be at the end: its mask before, but
 * for the bits someone else changed and the session had to leave as they
 * are.  A raised one: those changed after its raise, and those outside
 * the change; a bit raised by someone else before the raise, that the
 * change raises too, is taken for the session's and cleared (DEBUG
 * SESSIONS).  One not raised: all that someone else changed.
 */
static uint32_t expected(const struct mif *m)
{
	uint32_t keep = m->touched;

	if (m->raised)
		keep = (m->touched & ~m->pre) | (m->pre & ~touch());
	return (m->old & ~keep) | (m->theirs & keep);
}

/* ---- the events --------------------------------------------------- */

enum trigger {
	BEFORE_RUN,	/* before ops->run number @at (from 1) */
	AFTER_ANSWER,	/* after answer @i of ops->run number @at */
	BEFORE_IFNAME,	/* before ops->ifname number @at (from 1) */
};

enum action {
	OTHER,		/* someone else flips @nbits bits of @x */
	RENAME,		/* @x gets a new name; @t (>= 0) takes its old one */
	GONE,		/* no interface has @x's index now; @t as above */
};

struct event {
	enum trigger trig;
	unsigned int at;
	size_t i;
	enum action act;
	int x, t;
	unsigned int nbits;
};

static struct event events[EVENTS_MAX];
static int nevents;

/* What the hooks saw of the session. */
enum phase { PH_START, PH_RAISE, PH_READBACK, PH_RESTORE };

static struct {
	unsigned int runs, ifnames;
	enum phase phase;
	bool any_raised;	/* a set of the raise worked */
	bool raise_failed;	/* a set of the raise failed */
	bool consumed;		/* an injected set error was answered */
	unsigned int restore_answers;
	struct breq *r;		/* the run's requests */
} seen;

static int by_index(uint32_t ifindex)
{
	int i;

	for (i = 0; i < nifs; i++)
		if (f.ifs[i].ifindex == ifindex)
			return i;
	return -1;
}

/* Someone else flips bits of @x. */
static void other(const struct event *e)
{
	struct fake_iface *fi = &f.ifs[e->x];
	struct mif *m = &mifs[e->x];
	bool pre = m->selected && !m->raise_answered;
	uint32_t allowed = ~m->touched, bits = 0;
	unsigned int k;

	/* Not between the restore's read and its set: a race, said above. */
	if (m->gone || seen.restore_answers) {
		add(&story, "  (%s: someone else's change left out)\n", fi->name);
		return;
	}
	allowed &= ioctl_mode ? 0xffffffu : LOW;
	/* Before its raise: outside the change, or a bit raised alone. */
	if (pre)
		allowed &= ~touch() | (raises() & ~fi->mask);
	for (k = 0; k < 4 * e->nbits && allowed; k++) {
		uint32_t bit = 1u << rnd(ioctl_mode ? 24 : 15);

		if ((allowed & bit) && __builtin_popcount(bits) < (int)e->nbits)
			bits |= bit;
	}
	if (!bits) {
		add(&story, "  (%s: no bit for someone else)\n", fi->name);
		return;
	}
	fi->mask ^= bits;
	m->touched |= bits;
	m->theirs = (m->theirs & ~bits) | (fi->mask & bits);
	if (pre)
		m->pre |= bits;
	add(&story, "  someone else flips 0x%08x of %s%s: now 0x%08x\n",
	    bits, fi->name, pre ? " (before its raise)" : "", fi->mask);
}

/* Rename @x (to a fresh name, or away for good), @t taking its name. */
static void rename_or_gone(const struct event *e)
{
	struct mif *m = &mifs[e->x];
	const char *old = f.ifs[e->x].name;
	const char *to;
	int t = e->t;

	/* Not once its restore was sent: it is over for it. */
	if (m->gone || m->restore_tried) {
		add(&story, "  (%s: %s left out)\n", old,
		    e->act == GONE ? "going away" : "rename");
		return;
	}
	if (t >= 0 && (t == e->x || mifs[t].gone || mifs[t].restore_tried))
		t = -1;
	if (e->act == GONE) {
		to = gone_names[ngone++ % 8];
		f.ifs[e->x].index_gone = true;
		m->gone = true;
	} else {
		to = fresh_names[nfresh++ % 8];
	}
	named_as(e->x, to);
	if (t >= 0)
		named_as(t, old);
	add(&story, "  %s %s%s%s%s\n", old,
	    e->act == GONE ? "goes away (now hidden as " : "renamed to ", to,
	    e->act == GONE ? ")" : "",
	    t >= 0 ? "; another takes its name" : "");
	if (t >= 0)
		add(&story, "    (that one was %s)\n",
		    mifs[t].name[mifs[t].nnames - 2]);
}

static void fire(enum trigger trig, unsigned int at, size_t i)
{
	int k;

	for (k = 0; k < nevents; k++) {
		const struct event *e = &events[k];

		if (e->trig != trig || e->at != at ||
		    (trig == AFTER_ANSWER && e->i != i))
			continue;
		add(&story, " at %s %u%s:\n", trig == BEFORE_RUN ? "run" :
		    trig == AFTER_ANSWER ? "an answer of run" : "name look",
		    at, trig == BEFORE_RUN ? " (before)" : "");
		if (e->act == OTHER)
			other(e);
		else
			rename_or_gone(e);
	}
}

/* After answer @i of a run: what it says, then the events. */
static void answered(struct fake *fk, size_t i)
{
	const struct breq *r = &seen.r[i];
	int x = r->set ? by_index(r->ifindex) : -1;

	(void)fk;
	if (seen.phase == PH_RESTORE)
		seen.restore_answers++;
	if (x >= 0) {
		struct fake_iface *fi = &f.ifs[x];

		if (seen.phase == PH_RAISE) {
			mifs[x].raise_answered = true;
			mifs[x].raised = !r->err;
			seen.any_raised |= !r->err;
			seen.raise_failed |= r->err != 0;
		} else {
			mifs[x].restore_tried = true;
		}
		/* The fake's own set error: its name and index still match. */
		if (r->err && fake_find(&f, r->ifname) == fi &&
		    r->err == fi->set_error)
			seen.consumed = true;
		add(&story, "  set %s (index %u) 0x%08x/0x%08x%s: %s\n",
		    r->ifname, r->ifindex, r->value, r->mask,
		    r->replace ? " (replace)" : "",
		    r->err ? strerror(-r->err) : "ok");
	} else if (!r->set) {
		x = r->err ? -1 : by_index(r->st.ifindex);
		if (seen.phase == PH_RESTORE && x >= 0) {
			mifs[x].restore_read = true;
			snprintf(mifs[x].read_name, IF_NAMESIZE, "%s", r->ifname);
			mifs[x].read_mask = r->st.msg_enable;
		}
		add(&story, "  get %s: %s (index %u, 0x%08x)\n", r->ifname,
		    r->err ? strerror(-r->err) : "ok", r->st.ifindex,
		    r->st.msg_enable);
	}
	fire(AFTER_ANSWER, seen.runs, i);
}

static int hooked_run(struct backend *bk, struct breq *r, size_t n,
		      unsigned int window, breq_done_t done, void *data)
{
	struct breq *saved = seen.r;
	int ret;

	seen.runs++;
	if (seen.phase == PH_START && n && r[0].set)
		seen.phase = PH_RAISE;
	else if (seen.phase == PH_RAISE && seen.any_raised && n && !r[0].set)
		seen.phase = PH_READBACK;
	else if (seen.phase != PH_START)
		seen.phase = PH_RESTORE;
	add(&story, " run %u (%s, %zu requests)\n", seen.runs,
	    seen.phase == PH_RAISE ? "raise" : seen.phase == PH_READBACK ?
	    "read-back" : seen.phase == PH_RESTORE ? "restore" : "?", n);
	fire(BEFORE_RUN, seen.runs, 0);
	seen.r = r;
	ret = real->run(bk, r, n, window, done, data);
	seen.r = saved;
	return ret;
}

static int hooked_ifname(struct backend *bk, unsigned int ifindex,
			 char name[IF_NAMESIZE])
{
	fire(BEFORE_IFNAME, ++seen.ifnames, 0);
	return real->ifname(bk, ifindex, name);
}

/* ---- one seed ------------------------------------------------------ */

static const char *const classes[15] = {
	"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err", "tx_err",
	"tx_queued", "intr", "tx_done", "rx_status", "pktdata", "hw", "wol",
};

static const char *const patterns[] = {
	"tap*", "eth*", "*", "tap[01]", "*0", "*[12]", "nomatch*",
};

static char words[24][32];
static int nwords;

static void __attribute__((format(printf, 1, 2))) word(const char *fmt, ...)
{
	va_list ap;

	ck_assert_int_lt(nwords, 24);
	va_start(ap, fmt);
	vsnprintf(words[nwords++], sizeof(words[0]), fmt, ap);
	va_end(ap);
}

/* The change words, and what they make (CHANGES). */
static void make_change(void)
{
	unsigned int i, n, bit, top = ioctl_mode ? 32 : 15;
	uint32_t m, v;

	c_abs = false;
	cvalue = cmask = 0;
	switch (rnd(8)) {
	case 0:		/* none: +all */
		cvalue = cmask = LOW;
		return;
	case 1:		/* an absolute level */
		c_abs = true;
		cvalue = rnd(LOW + 1) & settable;
		word("0x%x", cvalue);
		return;
	}
	n = 1 + rnd(3);
	for (i = 0; i < n; i++) {
		switch (rnd(5)) {
		case 0:		/* VALUE/MASK */
			m = (rnd(LOW) + 1) & LOW;
			if (ioctl_mode && !rnd(3))
				m |= 1u << (15 + rnd(17));
			v = m & (rnd(LOW + 1) | (rnd(2) ? 0xffff8000u : 0));
			word("0x%x/0x%x", v, m);
			break;
		default:	/* +NAME, -NAME */
			bit = rnd(top);
			m = 1u << bit;
			v = rnd(2) ? m : 0;
			if (bit < 15 && rnd(4))
				word("%c%s", v ? '+' : '-', classes[bit]);
			else
				word("%cbit%u", v ? '+' : '-', bit);
		}
		/* the last word that names a bit wins */
		cvalue = (cvalue & ~m) | v;
		cmask |= m;
	}
}

/* Whether the session's selection @sel (a pattern or not) takes @x. */
static bool selects(const char *sel, bool pattern, int x)
{
	if (f.ifs[x].no_level)
		return false;
	return pattern ? !fnmatch(sel, f.ifs[x].name, 0) :
			 !strcmp(sel, f.ifs[x].name);
}

static int random_iface(int nsel)
{
	int x, k;

	if (nsel && rnd(4)) {
		k = (int)rnd((unsigned int)nsel);
		for (x = 0; x < nifs; x++)
			if (mifs[x].selected && !k--)
				return x;
	}
	return (int)rnd((unsigned int)nifs);
}

static void make_events(int nsel)
{
	int k;

	nevents = (int)rnd(EVENTS_MAX + 1);
	for (k = 0; k < nevents; k++) {
		struct event *e = &events[k];
		unsigned int a = rnd(20);

		e->trig = rnd(3) ? (rnd(2) ? BEFORE_RUN : AFTER_ANSWER) :
				   BEFORE_IFNAME;
		e->at = e->trig == BEFORE_IFNAME ?
			1 + rnd(2 * (unsigned int)nifs + 3) : 1 + rnd(5);
		e->i = rnd((unsigned int)(nsel ? nsel : 1));
		e->act = a < 9 ? OTHER : a < 16 ? RENAME : GONE;
		e->x = random_iface(nsel);
		e->t = rnd(2) ? (int)rnd((unsigned int)nifs) : -1;
		e->nbits = 1 + rnd(3);
	}
}

/* The injected failures: a set or some gets of an interface fail. */
static void make_failures(void)
{
	static const int errs[] = { -EPERM, -ENOBUFS, -ENODEV };
	int x;

	if (rnd(3))
		return;
	for (x = 0; x < nifs; x++) {
		struct fake_iface *fi = &f.ifs[x];

		if (!rnd(3)) {
			fi->set_error = errs[rnd(3)];
			fi->set_ok = rnd(3);	/* the raise, the restore, a retry */
			add(&story, "%s: its sets fail with %s after %u\n",
			    fi->name, strerror(-fi->set_error), fi->set_ok);
		}
		if (!rnd(3)) {
			fake_fail_gets(fi, rnd(4), 1 + rnd(2), errs[rnd(3)]);
			add(&story, "%s: %u gets fail with %s after %u\n",
			    fi->name, fi->get_fails, strerror(-fi->get_error),
			    fi->get_ok);
		}
	}
}

/* "0xV/0xM" at @p: 0 or -1. */
static int vm(const char *p, uint32_t *v, uint32_t *m)
{
	unsigned int a, c;

	if (sscanf(p, "0x%x/0x%x", &a, &c) != 2)
		return -1;
	*v = a;
	*m = c;
	return 0;
}

/*
 * A restore command said for the interface called @name (at some time):
 * it puts back earlier values, and only bits the change could change.
 */
static void check_undo(const char *line, const char *name, size_t len,
		       uint32_t v, uint32_t m)
{
	int x;

	for (x = 0; x < nifs; x++) {
		const struct mif *mi = &mifs[x];
		uint32_t old = mi->old & settable;

		if (mi->raised && had_name(mi, name, len) &&
		    v == (old & m) && !(m & ~(old ^ apply(old))))
			return;
	}
	add(&wrong, "a restore command that puts back what no raised interface called '%.*s' had, or bits the change could not change: %s\n",
	    (int)len, name, line);
}

/* The raised interface that stayed and is called @name now, or -1. */
static int raised_now(const char *name, size_t len)
{
	int x;

	for (x = 0; x < nifs; x++)
		if (mifs[x].raised && !mifs[x].gone &&
		    strlen(f.ifs[x].name) == len &&
		    !memcmp(f.ifs[x].name, name, len))
			return x;
	return -1;
}

/*
 * A raised interface whose read before the restore found it as @name
 * with @mask, that had no set of the restore after it (nothing left to
 * put back) and went away or was renamed since: "restored" was true.
 */
static int read_then(const char *name, size_t len, unsigned long mask)
{
	int x;

	for (x = 0; x < nifs; x++) {
		const struct mif *m = &mifs[x];

		if (m->raised && m->restore_read && !m->restore_tried &&
		    strlen(m->read_name) == len &&
		    !memcmp(m->read_name, name, len) &&
		    mask == (m->read_mask & settable))
			return x;
	}
	return -1;
}

/*
 * The interface gone, called @name once, that a "went away" line is
 * about (with VALUE/MASK *@v/@m to set there, or none): the one it puts
 * back where several had the name, or else the first not said yet.
 */
static int gone_one(const char *name, size_t len, const uint32_t *v,
		    uint32_t m)
{
	int x, first = -1;

	for (x = 0; x < nifs; x++) {
		const struct mif *mi = &mifs[x];
		uint32_t now = f.ifs[x].mask;

		if (!mi->gone || mi->said_gone || !had_name(mi, name, len))
			continue;
		if (v)
			now = (now & ~m) | (*v & m);
		if (now == expected(mi))
			return x;
		if (first < 0)
			first = x;
	}
	return first;
}

/* Read netifmsg's standard error, a line at a time. */
static void read_lines(void)
{
	static const char pfx[] = "netifmsg: ";
	static const char rest[] = ": restored: ", notr[] =
		": not restored: its level is still raised; restore with: ";
	static const char away[] = ": the interface went away: the trace ends";
	static const char with[] = "restore with: netifmsg ", there[] = "set 0x";
	static const char note[] = ": note: bits ";
	char line[1024];
	const char *p = err, *nl, *name, *q;
	size_t len, nlen;
	uint32_t v = 0, m = 0;
	int i, x;

	for (; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		if (strncmp(line, pfx, strlen(pfx)))
			goto next;
		name = line + strlen(pfx);
		nlen = strcspn(name, ":");
		/* Any restore command: by its name there. */
		q = strstr(line, with);
		if (q) {
			const char *cname = q + strlen(with);
			size_t clen;

			if (!strncmp(cname, "--ioctl ", 8))
				cname += 8;
			clen = strcspn(cname, " ");
			if (vm(cname + clen + 1, &v, &m) < 0)
				add(&wrong, "a restore command not understood: %s\n", line);
			else
				check_undo(line, cname, clen, v, m);
		}
		if (!strncmp(name + nlen, rest, strlen(rest))) {
			x = raised_now(name, nlen);
			if (x < 0) {
				x = read_then(name, nlen,
					      strtoul(name + nlen + strlen(rest),
						      NULL, 16));
				if (x >= 0) {
					/* Gone or renamed after it. */
					mifs[x].said_restored = true;
					goto next;
				}
				add(&wrong, "restored said of no raised interface that stayed: %s\n", line);
				goto next;
			}
			mifs[x].said_restored = true;
			if (strtoul(name + nlen + strlen(rest), NULL, 16) !=
			    (f.ifs[x].mask & settable))
				add(&wrong, "restored says a mask that is not %s's now (0x%08x): %s\n",
				    f.ifs[x].name, f.ifs[x].mask, line);
		} else if (!strncmp(name + nlen, notr, strlen(notr))) {
			/*
			 * Renamed or gone once its restore had failed (and
			 * still raised where it is): by a name it had then.
			 */
			x = raised_now(name, nlen);
			for (i = 0; x < 0 && i < nifs; i++)
				if (mifs[i].raised && !mifs[i].said_not &&
				    had_name(&mifs[i], name, nlen))
					x = i;
			if (x < 0) {
				add(&wrong, "not restored said of no raised interface that stayed: %s\n", line);
				goto next;
			}
			mifs[x].said_not = true;
			q = name + nlen + strlen(notr) + strlen("netifmsg ");
			if (!strncmp(q, "--ioctl ", 8))
				q += 8;
			if (strncmp(q, name, nlen) || q[nlen] != ' ')
				add(&wrong, "not restored names another in its command: %s\n", line);
			if (vm(q + strcspn(q, " ") + 1, &mifs[x].v, &mifs[x].m) < 0)
				mifs[x].m = 0;
		} else if ((q = strstr(line, note))) {
			/* Bits it changed, that someone else changed after. */
			for (x = 0; x < nifs; x++) {
				const struct mif *mi = &mifs[x];
				uint32_t old = mi->old & settable;

				if (mi->raised && had_name(mi, name, nlen) &&
				    !(strtoul(q + strlen(note), NULL, 16) &
				      ~(mi->touched & ~mi->pre & (old ^ apply(old)))))
					break;
			}
			if (x == nifs)
				add(&wrong, "a note of bits no one else changed after the session changed them: %s\n", line);
		} else if (!strncmp(name + nlen, away, strlen(away))) {
			q = strstr(line, there);
			if (q && vm(q + 4, &v, &m) < 0)
				q = NULL;
			x = gone_one(name, nlen, q ? &v : NULL, m);
			if (x < 0) {
				add(&wrong, "went away said of none that went: %s\n", line);
				goto next;
			}
			mifs[x].said_gone = true;
			if (q) {
				mifs[x].gone_vm = true;
				mifs[x].v = v;
				mifs[x].m = m;
				check_undo(line, name, nlen, v, m);
			}
		}
next:
		if (!*nl)
			break;
	}
}

static int run_trace(int argc, char **argv)
{
	return fake_command(&b, argc, argv, out, err, CAPTURE_MAX);
}

/*
 * Seed @seed in this process (a child): returns true where netifmsg kept
 * its promises; otherwise (or with @tell) what happened is on stderr.
 */
static bool one_seed(unsigned long long seed, bool tell)
{
	static char argw[32][32];
	char *argv[32];
	const char *sel;
	bool pattern, clean;
	unsigned int fails_before = 0, fails_after = 0;
	int argc = 0, i, x, nsel = 0, ret;

	model_seed(seed);
	memset(&f, 0, sizeof(f));
	memset(mifs, 0, sizeof(mifs));
	memset(&seen, 0, sizeof(seen));
	story.n = wrong.n = 0;
	story.s[0] = wrong.s[0] = '\0';
	nfresh = ngone = 0;
	nwords = 0;
	ioctl_mode = !rnd(5);
	settable = ioctl_mode ? UINT32_MAX : LOW;
	/* 2 to 6 interfaces of the names, in a random order */
	{
		bool used[6] = { false };
		int n = 2 + (int)rnd(5);

		for (nifs = 0; nifs < n;) {
			int k = (int)rnd(6);
			uint32_t mask;
			struct fake_iface *fi;

			if (used[k])
				continue;
			used[k] = true;
			mask = rnd(4) ? rnd(LOW + 1) : rnd(2) ? 0 : LOW;
			if (ioctl_mode && !rnd(3))
				mask |= rnd(0x100) << 16;
			else if (!ioctl_mode && !rnd(8))
				mask |= 0x40000000u;	/* beyond netlink */
			fi = fake_add(&f, names[k], mask);
			fi->no_level = !rnd(6);
			mifs[nifs].old = mask;
			named_as(nifs, names[k]);
			nifs++;
		}
	}
	if (ioctl_mode)
		fake_open_ioctl(&b, &f);
	else
		fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
	real = b.ops;
	hooked = *real;
	hooked.run = hooked_run;
	hooked.ifname = hooked_ifname;
	b.ops = &hooked;
	f.answered = answered;
	/* The selection: mostly one that selects some. */
	pattern = rnd(2);
	sel = pattern ? patterns[rnd(rnd(8) ? 6 : 7)] :
		rnd(6) ? names[rnd(6)] : "tap9";
	if (!pattern && rnd(6)) {
		x = (int)rnd((unsigned int)nifs);
		sel = f.ifs[x].name;
	}
	for (x = 0; x < nifs; x++) {
		mifs[x].selected = selects(sel, pattern, x);
		nsel += mifs[x].selected;
	}
	make_change();
	make_failures();
	make_events(nsel);
	for (x = 0; x < nifs; x++)
		fails_before += f.ifs[x].get_fails;
	/* The command line. */
#define ARG(...) (snprintf(argw[argc], sizeof(argw[0]), __VA_ARGS__), \
		  argv[argc] = argw[argc], argc++)
	if (ioctl_mode)
		ARG("--ioctl");
	if (!rnd(5))
		ARG("-q");
	ARG("--trace");
	ARG("%s", sel);
	for (i = 0; i < nwords; i++)
		argv[argc++] = words[i];
	ARG("--for");
	/* Long enough for the session's first look to come before its end. */
	ARG("%s", rnd(2) ? "0.01" : "0.02");
#undef ARG
	{
		struct text head = { .n = 0 };

		add(&head, "interfaces:");
		for (x = 0; x < nifs; x++)
			add(&head, " %s 0x%08x%s%s", f.ifs[x].name, f.ifs[x].mask,
			    f.ifs[x].no_level ? " (no level)" : "",
			    mifs[x].selected ? " (selected)" : "");
		add(&head, "\ncommand:");
		for (i = 0; i < argc; i++)
			add(&head, " %s", argv[i]);
		add(&head, "\nchange: %s 0x%08x/0x%08x\n", c_abs ? "absolute" :
		    "relative", cvalue, cmask);
		memmove(story.s + head.n, story.s, story.n + 1);
		memcpy(story.s, head.s, head.n);
		story.n += head.n;
	}
	ret = run_trace(argc, argv);
	for (x = 0; x < nifs; x++)
		fails_after += f.ifs[x].get_fails;

	/* What it said, then what it left. */
	read_lines();
	for (x = 0; x < nifs; x++) {
		struct mif *mi = &mifs[x];
		uint32_t now = f.ifs[x].mask, want = expected(mi), old;
		uint32_t fixed = (now & ~mi->m) | (mi->v & mi->m);

		if (!mi->raised) {
			if (now != want)
				add(&wrong, "%s: not raised, yet 0x%08x, not 0x%08x\n",
				    f.ifs[x].name, now, want);
		} else if (mi->gone && !mi->said_not) {
			if (mi->gone_vm && fixed != want)
				add(&wrong, "%s (gone): set there, it would be 0x%08x, not 0x%08x\n",
				    f.ifs[x].name, fixed, want);
			else if (!mi->gone_vm && now != want)
				add(&wrong, "%s (gone): left 0x%08x, not 0x%08x, %s\n",
				    f.ifs[x].name, now, want, mi->said_gone ?
				    "without what to set there" : "unsaid");
		} else if (mi->said_not) {
			if (!ret)
				add(&wrong, "%s: not restored, yet exit status 0\n",
				    f.ifs[x].name);
			if (fixed != want)
				add(&wrong, "%s: its restore command would make it 0x%08x, not 0x%08x\n",
				    f.ifs[x].name, fixed, want);
		} else if (now != want) {
			add(&wrong, "%s: left 0x%08x, not 0x%08x, and not said \"not restored\"\n",
			    f.ifs[x].name, now, want);
		}
		/*
		 * The last lines say what each mask this run changed is
		 * now: one it changed, that stayed, and whose changed bits
		 * no one else touched, has its "restored" or "not restored".
		 */
		old = mi->old & settable;
		if (mi->raised && !mi->gone && !mi->said_restored &&
		    !mi->said_not && (old ^ apply(old)) & ~mi->touched)
			add(&wrong, "%s: changed, yet neither \"restored\" nor \"not restored\" said\n",
			    f.ifs[x].name);
	}
	clean = nsel && !seen.consumed && fails_after == fails_before &&
		!seen.raise_failed;
	if (clean && ret)
		add(&wrong, "nothing failed, yet exit status %d\n", ret);
	if (!nsel && ret == 0)
		add(&wrong, "nothing selected, yet exit status 0\n");
	if (seen.raise_failed && ret == 0)
		add(&wrong, "a set of the change failed, yet exit status 0\n");
	if (out[0])
		add(&wrong, "standard output, with no kernel log records: %s\n", out);
	if (model_said(seed, tell, &story, &wrong))
		return !wrong.n;
	fprintf(stderr, "--- exit status %d; netifmsg said:\n%s--- masks now:", ret, err);
	for (x = 0; x < nifs; x++)
		fprintf(stderr, " %s 0x%08x (expected 0x%08x)", f.ifs[x].name,
			f.ifs[x].mask, expected(&mifs[x]));
	fprintf(stderr, "\n%s%s", wrong.n ? "--- broken promises:\n" : "",
		wrong.s);
	return !wrong.n;
}

START_TEST(test_trace_model)
{
	model_run(one_seed, RUNS, true);
}
END_TEST

/* Seeds that found a defect (see the commits that fixed them). */
START_TEST(test_trace_model_found)
{
	static const unsigned long long seeds[] = {
		2033,	/* a bit someone else changed before the read-back */
	};

	model_found(one_seed, seeds, sizeof(seeds) / sizeof(seeds[0]), true);
}
END_TEST

static Suite *trace_model_suite(void)
{
	Suite *s = suite_create("trace_model");
	TCase *tc = tcase_create("trace");

	tcase_add_unchecked_fixture(tc, fake_kmsg_setup, fake_kmsg_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_trace_model_found);
	tcase_add_test(tc, test_trace_model);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(trace_model_suite)
