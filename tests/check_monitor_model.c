// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A randomised test of --monitor over the fake backend.  Each seed makes
 * a few interfaces (masks, drivers, one without a message level perhaps),
 * a filter (none; names, some of them patterns or an alternative name,
 * names with bytes that text output escapes; a pattern; --driver with or
 * without names), an output (text, -x, -N, -j, with or without -t; or a
 * word --monitor refuses) and a story of wake-ups of the monitor:
 * notifications of changes (some repeating the mask the interface has,
 * as the ioctl's sets send), changes made while the monitor started
 * (queued when its read of the masks ended, which that read may or may
 * not show; that read failing, perhaps), interfaces renamed (a
 * notification sent before the rename perhaps read after it; a rename
 * racing the read of a driver), gone, back with their index, new ones
 * (with an index never seen, or that of one gone), losses (ENOBUFS:
 * notifications dropped, then what the kernel still had queued and what
 * came after; also while it starts), malformed notifications, SIGINT or
 * SIGHUP ignored from the start, and the end: SIGTERM, SIGINT or SIGHUP
 * (also while it starts), or a read that fails; standard output perhaps
 * a file under ulimit -f, or a pipe whose reader has gone.  Then it
 * checks what netifmsg(8) promises (MONITOR, OUTPUT, ESCAPES, JSON, EXIT
 * STATUS, DIAGNOSTICS, RENAMES), derived from the page and not from
 * cmd_monitor.c:
 *
 *  - one line per notification that passes the filter (the name the
 *    notification carries, an alternative name's interface by index; for
 *    --driver, the driver read once per index, and not known where a
 *    rename raced its read), in order, in the format of showing an
 *    interface: text exactly (names escaped, no raw control byte), JSON
 *    parsed (valid UTF-8, one object per line, its keys, ifname_hex);
 *  - each line's "was": the mask of the interface's (index's) last
 *    notification, or the mask read at the start; none for an index never
 *    seen; none for the first line of each interface among those queued
 *    when the start's read ended, and the mask of the line before for the
 *    next ones; after a loss, none until a read finds the queue empty,
 *    nor for each interface's next line after that;
 *  - -t: "(at HH:MM:SS.uuuuuu)", "time" in JSON, a time while it ran;
 *  - the lines of a wake-up are written before it waits for the next;
 *  - standard error: a line for each loss and each malformed
 *    notification, and the error that ended it; nothing else;
 *  - exit status 0 when ended by SIGINT or SIGTERM (then the lines of the
 *    wake-up that got the signal may be dropped, whole lines only) or
 *    when the reader of its pipe has gone, killed by SIGHUP, 1 when a
 *    read fails or at the first line beyond ulimit -f (the file ending
 *    with the whole lines before), 1 at once for a name or pattern that
 *    cannot come, 2 for a usage error, which prints nothing.
 *
 * Where the page leaves freedom the model allows either (said where it
 * does: the lines read in the call that met a loss, the order of the
 * messages of one wake-up, a reader gone seen before a write).
 *
 * Each seed's monitor runs in a child of its own: a signal ends it with
 * _exit(), and its static state starts afresh, as in a process of
 * netifmsg.
 *
 * MODEL_SEED=n runs that seed alone (and says what it did); MODEL_RUNS=n
 * sets how many seeds are run, from MODEL_FIRST (1); with MODEL_GO_ON
 * set, all of them are, each seed that breaks a promise said in a line.
 */
#include <check.h>
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "cmd.h"
#include "fake_backend.h"
#include "model.h"
#include "out.h"

#define CAPTURE_MAX	65536
#define RUNS		500
#define WAKES_MAX	24	/* wake-ups of the monitor in a story */
#define NTFS_MAX	4	/* notifications read in one wake-up */
#define INDEX_MAX	16	/* interface indexes are below this */
#define LINES_MAX	(WAKES_MAX * NTFS_MAX)

static char out[CAPTURE_MAX], err[CAPTURE_MAX];
static struct fake f;
static struct backend b;
static struct backend_ops hooked;	/* the fake's, with the wake-ups */

static struct text story, wrong;

/* ---- names, as ESCAPES and JSON print them ---------------------------- */

/* The length of the well-formed UTF-8 character at @s (0: none). */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned int cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/*
 * @name as text output writes it (the pool has no C1 controls nor
 * invisible characters): a leading '-', '#' or '{' and each glob
 * character after a backslash, a backslash doubled, control bytes and
 * bytes not UTF-8 as \xHH.  So it reads back as the same name.
 */
static const char *esc_text(const char *name, char *buf, size_t size)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0, i = 0, k;

	while (s[i] && n + 8 < size) {
		k = utf8_len(s + i);
		if ((i == 0 && strchr("-#{", s[i])) || strchr("*?[", s[i]) ||
		    s[i] == '\\') {
			buf[n++] = '\\';
			buf[n++] = (char)s[i++];
		} else if (s[i] < 0x20 || s[i] == 0x7f || !k) {
			n += (size_t)snprintf(buf + n, size - n, "\\x%02x",
					      s[i++]);
		} else {
			memcpy(buf + n, s + i, k);
			n += k;
			i += k;
		}
	}
	buf[n] = '\0';
	return buf;
}

/* @name with each byte not UTF-8 as U+FFFD, as JSON's "ifname" holds it. */
static bool json_name(const char *name, char *buf, size_t size)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0, i = 0, k;
	bool utf8 = true;

	while (s[i] && n + 4 < size) {
		k = utf8_len(s + i);
		if (!k) {
			memcpy(buf + n, "\xef\xbf\xbd", 3);
			n += 3;
			i++;
			utf8 = false;
		} else {
			memcpy(buf + n, s + i, k);
			n += k;
			i += k;
		}
	}
	buf[n] = '\0';
	return utf8;
}

static bool is_utf8(const char *s)
{
	size_t k;

	while (*s) {
		k = utf8_len((const unsigned char *)s);
		if (!k)
			return false;
		s += k;
	}
	return true;
}

/* ---- the world -------------------------------------------------------- */

/*
 * The first four are the names at the start; the others (renames, new
 * interfaces, the names watched) hold what ESCAPES and JSON escape: a
 * leading '-', '#' or '{', glob characters, a backslash, ESC, bytes that
 * are not UTF-8, and UTF-8 that is printed as it is.
 */
static const char *const pool[] = {
	"tap0", "tap1", "eth0", "eth1", "tap5", "eth7", "ren0", "ren1",
	"-dash", "#x", "{lan", "tap*", "t?p[1]", "a\\b", "e\x1b[31m",
	"\xff\xfe", "caf\xc3\xa9", "+link",
};
#define POOL	(sizeof(pool) / sizeof(pool[0]))
static const char *const gone_names[] = {
	"gone0", "gone1", "gone2", "gone3", "gone4", "gone5", "gone6", "gone7",
};
static const char *const drivers[] = { "tun", "e1000e", "virtio_net" };
static const char *const patterns[] = { "tap*", "eth?", "*0", "ren*", "t*1" };
/*
 * Patterns that no name of at most 15 bytes can match (@none) fail at
 * once; the bytes are counted up to the first '[' and it, a '*' none, an
 * escape one (DIAGNOSTICS).  The others match none of the names here.
 */
static const struct {
	const char *pattern;
	bool none;
} long_patterns[] = {
	{ "averyveryverylongname*", true },
	{ "abcdefghijklmnop*", true },
	{ "abcdefghijklmno*", false },
	{ "abcdefghijklmnopq[x]", true },
	{ "ab[c]defghijklmnopqrstu*", false },
	{ "abcdefghijklmn\\*x*", true },
	{ "abcdefghijklm\\*x*", false },
};
static const char *long_pattern;	/* one that fails at once */
static const char *const classes[] = {
	"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err",
	"tx_err", "tx_queued", "intr", "tx_done", "rx_status", "pktdata",
	"hw", "wol",
};

/*
 * A world change made before a wake-up's notifications: f.ifs[@x]
 * renamed to @name, gone (renamed to a gone name, its index no one's), or
 * added (f.ifs[@x] is new, filled in already but for being counted).
 */
enum act { ACT_NONE, ACT_RENAME, ACT_GONE, ACT_BACK, ACT_NEW };

struct ntf {
	char name[IF_NAMESIZE];
	uint32_t ifindex, mask;
	/*
	 * The interface is renamed so, between the monitor's look-up of
	 * its index's name and the read of its driver (--driver): the
	 * driver is not known, the notification left out (RENAMES).
	 */
	const char *race;
};

/* The rename the next driver read of that index races with. */
static const char *race_name;
static uint32_t race_index;

struct wake {
	enum act act;
	int x;
	const char *name;
	struct ntf ntf[NTFS_MAX];
	int nntf;
	int ret;	/* GENL_NTF_* or -errno */
	int raise;	/* a signal after the notifications */
};

static struct wake wakes[WAKES_MAX];
static int nwakes, nearly, next_wake;
static bool emptied;
static int wake_pipe[2];

/*
 * An alternative name among the names (@alt_x's, at the start; -1:
 * none), a name longer than 15 bytes that names nothing, SIGINT ignored
 * when the monitor starts, a signal while it starts.
 */
static int alt_x;
static bool long_none, sigint_ign;
/* SIGHUP ignored at the start (nohup); standard output a pipe no one reads. */
static bool sighup_ign, gone_reader;
/* A read at the start fails so: it cannot tell what is asked for. */
static const char *start_fail;
static int start_sig;
static unsigned int fsize;	/* ulimit -f, in bytes (0: none) */

/* The lines the model expects (see model()). */
enum was { WAS_NONE, WAS_SOME, WAS_EITHER };

struct line {
	char name[IF_NAMESIZE];
	uint32_t ifindex, mask;
	enum was was;
	uint32_t old;
	int wake;
};

static struct line lines[LINES_MAX];
static int nlines;

/* The world as the model follows it while it makes the story. */
struct mif {
	const char *name;
	uint32_t ifindex, mask;
	const char *driver;
	bool present, no_level;
	const char *last_name;	/* the name it had before it went */
	bool race;		/* its first driver read races a rename */
};

static struct mif mifs[FAKE_IFACES_MAX];
static int nmifs, ninit;
static uint32_t next_index;

/* The hooked backend's wake-ups: fake_backend.c's events, with a world. */
static int model_watch(struct backend *bk)
{
	int i;

	(void)bk;
	if (pipe(wake_pipe) < 0)
		return -errno;
	for (i = 0; i < nwakes; i++)
		if (write(wake_pipe[1], "e", 1) != 1)
			return -EIO;
	return wake_pipe[0];
}

static void world_apply(const struct wake *w)
{
	struct fake_iface *fi = &f.ifs[w->x];

	switch (w->act) {
	case ACT_NONE:
		break;
	case ACT_RENAME:
	case ACT_BACK:
		fi->name = w->name;
		fi->index_gone = false;
		break;
	case ACT_GONE:
		fi->name = w->name;
		fi->index_gone = true;
		break;
	case ACT_NEW:
		f.nifs = w->x + 1;
		break;
	}
}

static void model_driver_race(uint32_t ifindex);

/*
 * Output is line-buffered (MONITOR): when the monitor waits for the next
 * wake-up, after a read that found its queue empty (neither LOST nor
 * FULL: it may read on at once otherwise), the lines of the wake-ups
 * before are in the file.  Said on standard error where not.
 */
static void check_written(void)
{
	static char buf[CAPTURE_MAX];
	const struct wake *w;
	int i, want = 0, have = 0;
	ssize_t n;

	if (!next_wake || next_wake < nearly || fsize || gone_reader)
		return;
	w = &wakes[next_wake - 1];
	if (w->ret > 0 && (w->ret & (GENL_NTF_LOST | GENL_NTF_FULL)))
		return;
	for (i = 0; i < nlines; i++)
		if (lines[i].wake < next_wake)
			want++;
	n = pread(STDOUT_FILENO, buf, sizeof(buf), 0);
	for (i = 0; i < n; i++)
		have += buf[i] == '\n';
	if (have != want)
		fprintf(stderr, "model: %d lines written before wake-up %d, not %d\n",
			have, next_wake, want);
}

static int model_events(struct backend *bk, bstate_cb_t cb, void *data)
{
	struct ifstate st;
	struct wake *w;
	char c;
	int i, ret;

	(void)bk;
	if (next_wake == nearly && !emptied) {
		emptied = true;
		return GENL_NTF_EMPTY;
	}
	if (next_wake == nwakes || read(wake_pipe[0], &c, 1) != 1)
		return -EIO;
	check_written();
	w = &wakes[next_wake++];
	world_apply(w);
	for (i = 0; i < w->nntf; i++) {
		memset(&st, 0, sizeof(st));
		snprintf(st.ifname, sizeof(st.ifname), "%s", w->ntf[i].name);
		st.ifindex = w->ntf[i].ifindex;
		st.msg_enable = w->ntf[i].mask;
		race_name = w->ntf[i].race;
		race_index = w->ntf[i].ifindex;
		ret = cb(&st, data);
		if (race_name)	/* no driver read: renamed all the same */
			model_driver_race(race_index);
		if (ret < 0)
			return ret;
	}
	if (w->raise)
		raise(w->raise);
	return w->ret;
}

/* The race of a rename with a driver read (struct ntf's @race). */
static void model_driver_race(uint32_t ifindex)
{
	int x;

	for (x = 0; x < f.nifs; x++)
		if (f.ifs[x].ifindex == ifindex && !f.ifs[x].index_gone)
			f.ifs[x].name = race_name;
	race_name = NULL;
}

static int (*real_driver)(struct backend *bk, const char *ifname,
			  unsigned int ifindex, char driver[DRIVER_NAME_MAX]);

static int model_driver(struct backend *bk, const char *ifname,
			unsigned int ifindex, char driver[DRIVER_NAME_MAX])
{
	if (race_name && ifindex == race_index)
		model_driver_race(ifindex);
	return real_driver(bk, ifname, ifindex, driver);
}

/* The start's read, and a signal then perhaps. */
static int (*real_dump)(struct backend *bk, bstate_cb_t cb, void *data);

static int model_dump(struct backend *bk, bstate_cb_t cb, void *data)
{
	int ret = real_dump(bk, cb, data);

	if (start_sig)
		raise(start_sig);
	return ret;
}

static void model_close(struct backend *bk)
{
	(void)bk;
	if (wake_pipe[0] > 0) {
		close(wake_pipe[0]);
		close(wake_pipe[1]);
		wake_pipe[0] = wake_pipe[1] = 0;
	}
}

/* ---- the story ---------------------------------------------------------- */

enum filter { F_NONE, F_NAMES, F_PATTERN, F_DRIVER, F_DRIVER_NAMES };
enum format { O_TEXT, O_X, O_N, O_JSON };

static enum filter filter;
static const char *fnames[3];
static bool fpat[3];	/* fnames[i] is a pattern */
static int nfnames;
static const char *pattern;
static const char *fdrivers[2];
static int nfdrivers;
static enum format format;
static bool stamp, usage_v;
static char *argv[16];
static char argbuf[16][32];
static int argc;

static void arg(const char *w)
{
	snprintf(argbuf[argc], sizeof(argbuf[argc]), "%s", w);
	argv[argc] = argbuf[argc];
	argc++;
}

static const char *state_str(uint32_t m, enum format fm)
{
	static char s[4][256];
	static int k;
	char *p = s[k++ & 3];
	size_t n = 0;
	int bit;

	if (fm != O_N)
		n += (size_t)snprintf(p, 256, "0x%08x", m);
	if (fm == O_X)
		return p;
	if (!m)
		n += (size_t)snprintf(p + n, 256 - n, "%snone", n ? " " : "");
	for (bit = 0; bit < 15; bit++)
		if (m & (1u << bit))
			n += (size_t)snprintf(p + n, 256 - n, "%s%s",
					      n ? " " : "", classes[bit]);
	return p;
}

static uint32_t rnd_mask(void)
{
	switch (rnd(4)) {
	case 0:
		return 0;
	case 1:
		return 1u << rnd(15);
	case 2:
		return rnd(0x40);
	default:
		return rnd(0x8000);
	}
}

static bool name_taken(const char *name)
{
	int x;

	for (x = 0; x < nmifs; x++)
		if (mifs[x].present && !strcmp(mifs[x].name, name))
			return true;
	return false;
}

static const char *free_name(void)
{
	const char *cand[POOL];
	unsigned int i, n = 0;

	for (i = 0; i < POOL; i++)
		if (!name_taken(pool[i]))
			cand[n++] = pool[i];
	return n ? cand[rnd(n)] : NULL;
}

/* A present interface with a level, at random (-1: none). */
static int some_iface(void)
{
	int cand[FAKE_IFACES_MAX], n = 0, x;

	for (x = 0; x < nmifs; x++)
		if (mifs[x].present && !mifs[x].no_level)
			cand[n++] = x;
	return n ? cand[rnd((unsigned int)n)] : -1;
}

static void push_ntf(struct wake *w, const char *name, int x, uint32_t mask)
{
	struct ntf *n = &w->ntf[w->nntf++];

	snprintf(n->name, sizeof(n->name), "%s", name);
	n->ifindex = mifs[x].ifindex;
	n->mask = mask;
	mifs[x].mask = mask;
	add(&story, "  %s (%u) -> %s\n", name, n->ifindex,
	    state_str(mask, O_TEXT));
	n->race = NULL;
	if (mifs[x].race) {
		mifs[x].race = false;
		n->race = free_name();
		if (n->race) {
			mifs[x].name = n->race;
			add(&story, "  renamed %s while its driver is read\n",
			    n->race);
		}
	}
}

/* A change of @x, or a set that repeats its mask (the ioctl's). */
static void change(struct wake *w, int x)
{
	uint32_t m = rnd(4) ? rnd_mask() : mifs[x].mask;

	push_ntf(w, mifs[x].name, x, m);
}

static void add_iface(const char *name, uint32_t ifindex, const char *driver)
{
	struct mif *m = &mifs[nmifs];
	struct fake_iface *fi = &f.ifs[nmifs];

	*m = (struct mif){ .name = name, .ifindex = ifindex,
			   .mask = rnd_mask(), .driver = driver,
			   .present = true };
	*fi = (struct fake_iface){ .name = name, .ifindex = ifindex,
				   .mask = m->mask, .driver = driver };
	nmifs++;
}

/* What happens to the world before wake-up @w: at most one thing. */
static void structural(struct wake *w, bool same_drivers)
{
	const char *name = free_name();
	int x = some_iface(), y, cand[FAKE_IFACES_MAX], n = 0;
	const char *old;

	switch (rnd(8)) {
	case 0:	/* a rename, a notification sent before it read after it */
		if (x < 0 || !name || mifs[x].race)
			return;
		old = mifs[x].name;
		if (rnd(2))
			change(w, x);
		w->act = ACT_RENAME;
		w->x = x;
		w->name = name;
		mifs[x].name = name;
		add(&story, "  before: %s renamed %s\n", old, name);
		return;
	case 1:	/* one goes (its last change read after, perhaps) */
		if (x < 0)
			return;
		/*
		 * Not with --driver: whose driver a notification of an
		 * index no interface has now is, the page does not say.
		 */
		if (!nfdrivers && rnd(2))
			change(w, x);
		w->act = ACT_GONE;
		w->x = x;
		w->name = gone_names[x];
		mifs[x].last_name = mifs[x].name;
		mifs[x].present = false;
		mifs[x].name = gone_names[x];
		add(&story, "  before: %s (%u) goes\n", mifs[x].last_name,
		    mifs[x].ifindex);
		return;
	case 2:	/* one gone comes back with its index */
		for (y = 0; y < nmifs; y++)
			if (!mifs[y].present && !mifs[y].no_level)
				cand[n++] = y;
		if (!n || !name)
			return;
		y = cand[rnd((unsigned int)n)];
		for (x = 0; x < nmifs; x++)
			if (mifs[x].present && mifs[x].ifindex == mifs[y].ifindex)
				return;
		w->act = ACT_BACK;
		w->x = y;
		w->name = name;
		mifs[y].present = true;
		mifs[y].name = name;
		/* It changed elsewhere meanwhile, perhaps. */
		if (rnd(2))
			mifs[y].mask = rnd_mask();
		add(&story, "  before: index %u back as %s\n",
		    mifs[y].ifindex, name);
		return;
	case 3:	/* a new one: an index never seen, or that of one gone */
		if (nmifs == FAKE_IFACES_MAX || !name)
			return;
		{
			uint32_t idx = next_index;
			const char *drv = drivers[rnd(3)];
			bool race;

			for (y = 0; y < nmifs; y++)
				if (!mifs[y].present && !mifs[y].no_level)
					cand[n++] = y;
			if (n && rnd(2) && alt_x < 0) {
				y = cand[rnd((unsigned int)n)];
				idx = mifs[y].ifindex;
				for (x = 0; x < nmifs; x++)
					if (mifs[x].present &&
					    mifs[x].ifindex == idx)
						return;
				if (same_drivers)
					drv = mifs[y].driver;
			} else {
				next_index++;
			}
			w->act = ACT_NEW;
			w->x = nmifs;
			/*
			 * --driver alone: its driver (one asked for) is read
			 * at its first notification, which a rename may race.
			 */
			race = filter == F_DRIVER && idx == next_index - 1 &&
			       !rnd(3);
			if (race)
				drv = fdrivers[0];
			add_iface(name, idx, drv);	/* counted at its wake-up */
			mifs[nmifs - 1].race = race;
			add(&story, "  before: new %s (%u, %s)\n", name, idx,
			    drv);
		}
		return;
	default:
		return;
	}
}

static void notifications(struct wake *w, int most)
{
	int k = (int)rnd((unsigned int)most + 1), x;

	while (k-- > 0 && w->nntf < NTFS_MAX) {
		x = some_iface();
		if (x < 0)
			return;
		change(w, x);
	}
}

static struct wake *new_wake(int ret)
{
	struct wake *w = &wakes[nwakes++];

	memset(w, 0, sizeof(*w));
	w->ret = ret;
	return w;
}

static const char *ret_str(int ret)
{
	static char s[64];

	if (ret < 0)
		return strerror(-ret);
	snprintf(s, sizeof(s), "%s%s%s%s%s", ret ? "" : "0",
		 ret & GENL_NTF_LOST ? "LOST " : "",
		 ret & GENL_NTF_BAD ? "BAD " : "",
		 ret & GENL_NTF_EMPTY ? "EMPTY " : "",
		 ret & GENL_NTF_FULL ? "FULL " : "");
	return s;
}

static void make_story(void)
{
	bool same_drivers;
	int lost = 0;
	int x, i, n, k;
	struct wake *w;

	memset(&f, 0, sizeof(f));
	memset(mifs, 0, sizeof(mifs));
	nmifs = 0;
	nwakes = nearly = next_wake = 0;
	emptied = false;
	next_index = 2;
	argc = 0;
	arg("--monitor");

	/* The interfaces: lo (no level) perhaps, then 2 to 4. */
	if (rnd(2)) {
		add_iface("lo", 1, "loopback");
		mifs[0].no_level = f.ifs[0].no_level = true;
		mifs[0].mask = f.ifs[0].mask = 0;
	}
	n = 2 + (int)rnd(3);
	for (i = 0; i < n; i++) {
		add_iface(pool[i], next_index, drivers[rnd(3)]);
		next_index += 1 + rnd(2);
	}
	/* Distinct names: pool[0..n-1] shuffled a little. */
	for (i = 0; i < nmifs; i++)
		if (!mifs[i].no_level && rnd(3) == 0) {
			const char *name = free_name();

			if (name)
				mifs[i].name = f.ifs[i].name = name;
		}
	ninit = nmifs;

	/* The command line. */
	filter = (enum filter)rnd(5);
	usage_v = !rnd(25);
	format = (enum format)rnd(4);
	stamp = !rnd(3);
	nfnames = nfdrivers = 0;
	pattern = NULL;
	long_pattern = NULL;
	if (filter == F_NAMES || filter == F_DRIVER_NAMES) {
		nfnames = 1 + (int)rnd(2);
		for (i = 0; i < nfnames; i++) {
			char e[64];

			/* A pattern among the names, perhaps. */
			fpat[i] = i && !rnd(3);
			fnames[i] = fpat[i] ?
				patterns[rnd(sizeof(patterns) / sizeof(patterns[0]))] :
				pool[rnd(POOL)];
			/* A name as text output writes it reads back. */
			/*
			 * A name as text output writes it reads back; one
			 * that reads as +NAME takes a backslash (MONITOR).
			 */
			e[0] = '\\';
			esc_text(fnames[i], e + 1, sizeof(e) - 1);
			arg(fpat[i] ? fnames[i] : e + (fnames[i][0] != '+'));
		}
	} else if (filter == F_PATTERN) {
		pattern = patterns[rnd(sizeof(patterns) / sizeof(patterns[0]))];
		if (!rnd(4)) {
			k = (int)rnd(sizeof(long_patterns) /
				     sizeof(long_patterns[0]));
			pattern = long_patterns[k].pattern;
			if (long_patterns[k].none)
				long_pattern = pattern;
		}
		arg(pattern);
	}
	/*
	 * An alternative name watches the interface that has it at the
	 * start, by its index (with none taking the index of one gone: the
	 * page keeps masks and drivers by index, and is silent there); one
	 * longer than 15 bytes that names nothing fails at once.
	 */
	alt_x = -1;
	long_none = false;
	if (nfnames && !rnd(3)) {
		/* lo, without a level, perhaps: it cannot come either. */
		x = mifs[0].no_level && !rnd(4) ? 0 : some_iface();
		if (x >= 0) {
			alt_x = x;
			f.ifs[x].altname = rnd(2) ? "a-long-altname-0" : "alt0";
			fnames[0] = f.ifs[x].altname;
			snprintf(argbuf[1], sizeof(argbuf[1]), "%s", fnames[0]);
		}
	} else if (nfnames && !rnd(8)) {
		long_none = true;
		fnames[0] = "no-such-long-nm0";
		snprintf(argbuf[1], sizeof(argbuf[1]), "%s", fnames[0]);
	}
	if (filter == F_DRIVER || filter == F_DRIVER_NAMES) {
		nfdrivers = 1 + (int)rnd(2);
		for (i = 0; i < nfdrivers; i++) {
			fdrivers[i] = drivers[rnd(3)];
			arg("--driver");
			arg(fdrivers[i]);
		}
	}
	if (format == O_X)
		arg("-x");
	else if (format == O_N)
		arg("-N");
	else if (format == O_JSON)
		arg("-j");
	if (stamp)
		arg("-t");
	/* Words --monitor refuses (MONITOR, DIAGNOSTICS): exit status 2. */
	if (usage_v) {
		static const char *const refused[] = {
			"-v", "-q", "-f", "--ioctl", "+link", "--level-map",
		};

		arg(refused[rnd(sizeof(refused) / sizeof(refused[0]))]);
	}
	/*
	 * The start's read fails, perhaps: the first change of each
	 * interface has no earlier value (DIAGNOSTICS).  Not with
	 * --driver, whose drivers that read gives.
	 */
	f.dump_error = nfdrivers || rnd(12) ? 0 : -ENOBUFS;
	sigint_ign = !rnd(6);
	sighup_ign = !rnd(8);
	fsize = rnd(6) ? 0 : 100 + rnd(1200);
	gone_reader = !fsize && !rnd(10);
	/*
	 * At the start, the driver of an interface cannot be read with
	 * --driver alone (every one's is read then), or the DEBUG_GET of a
	 * name given fails otherwise than finding none: it fails at once.
	 */
	start_fail = NULL;
	x = some_iface();
	if (x >= 0 && filter == F_DRIVER && !rnd(15)) {
		f.ifs[x].driver_error = -ENOBUFS;
		start_fail = strerror(ENOBUFS);
	} else if (nfnames && !fpat[0] && alt_x < 0 && !long_none && !rnd(8)) {
		for (x = 0; x < nmifs; x++)
			if (!mifs[x].no_level && !strcmp(mifs[x].name, fnames[0]))
				break;
		if (x < nmifs) {
			fake_fail_gets(&f.ifs[x], 0, 1, -EMFILE);
			start_fail = strerror(EMFILE);
		}
	}
	start_sig = 0;
	if (!rnd(12))
		start_sig = sigint_ign || rnd(2) ? SIGTERM : SIGINT;
	/*
	 * Where the driver of an index is read is said for --driver alone
	 * (every interface at the start, a new one at its first
	 * notification); with names the page leaves it open for the
	 * others: there, one that takes the index of one gone has its
	 * driver.
	 */
	same_drivers = filter != F_DRIVER;

	add(&story, "netifmsg");
	for (i = 0; i < argc; i++)
		add(&story, " %s", argv[i]);
	add(&story, "\n%s%s%s%s", sigint_ign ? "(SIGINT ignored) " : "",
	    start_sig ? "(" : "", start_sig ? strsignal(start_sig) : "",
	    start_sig ? " while it starts) " : "");
	if (fsize)
		add(&story, "standard output a file of at most %u bytes\n",
		    fsize);
	if (start_fail)
		add(&story, "a read at the start fails: %s\n", start_fail);
	if (gone_reader)
		add(&story, "standard output a pipe whose reader has gone\n");
	if (alt_x >= 0)
		add(&story, "%s is %s's alternative name\n",
		    f.ifs[alt_x].altname, mifs[alt_x].name);
	if (f.dump_error)
		add(&story, "the start's read fails: %s\n",
		    strerror(-f.dump_error));
	add(&story, "interfaces:");
	for (x = 0; x < nmifs; x++)
		add(&story, " %s (%u, %s%s)", mifs[x].name, mifs[x].ifindex,
		    mifs[x].driver, mifs[x].no_level ? ", no level" : "");
	add(&story, "\n");

	/*
	 * Changes made while the monitor started: queued when its read of
	 * the masks ended, which shows the mask after any number of them.
	 */
	if (!rnd(3)) {
		uint32_t before[FAKE_IFACES_MAX], read[FAKE_IFACES_MAX];

		for (x = 0; x < nmifs; x++)
			before[x] = read[x] = mifs[x].mask;
		nearly = 1 + (int)rnd(2);
		/* A loss among them, perhaps. */
		k = rnd(4) ? -1 : (int)rnd((unsigned int)nearly);
		for (i = 0; i < nearly; i++) {
			add(&story, "wake-up %d (queued at the start)\n", nwakes);
			w = new_wake(i == k ? GENL_NTF_LOST : 0);
			for (k = 1 + (int)rnd(2); k > 0; k--) {
				x = some_iface();
				if (x < 0)
					break;
				change(w, x);
				if (rnd(2))
					read[x] = mifs[x].mask;
			}
			if (w->ret) {
				x = some_iface();
				if (x >= 0)
					mifs[x].mask = rnd_mask();
				add(&story, "  ENOBUFS; one dropped\n");
			}
		}
		add(&story, "the start's read:");
		for (x = 0; x < nmifs; x++) {
			f.ifs[x].mask = read[x];
			add(&story, " %s 0x%08x (at the join 0x%08x)",
			    mifs[x].name, read[x], before[x]);
		}
		add(&story, "\n");
	}

	n = 3 + (int)rnd(10);
	for (i = 0; i < n && nwakes < WAKES_MAX - 6; i++) {
		add(&story, "wake-up %d\n", nwakes);
		if (lost < 2 && !rnd(6)) {
			/* A loss: what was read before it, then dropped. */
			lost++;
			w = new_wake(GENL_NTF_LOST | (rnd(4) ? 0 : GENL_NTF_BAD));
			notifications(w, 2);
			add(&story, "  ENOBUFS; dropped:\n");
			for (k = 1 + (int)rnd(3); k > 0; k--) {
				x = some_iface();
				if (x >= 0) {
					mifs[x].mask = rnd_mask();
					add(&story, "    %s -> 0x%08x\n",
					    mifs[x].name, mifs[x].mask);
				}
			}
			/* What was queued, and what came after. */
			for (k = (int)rnd(3); k >= 0; k--) {
				add(&story, "wake-up %d (after the loss)\n",
				    nwakes);
				w = new_wake(!k ? 0 : rnd(4) ? GENL_NTF_FULL :
							       GENL_NTF_LOST);
				notifications(w, 3);
			}
			continue;
		}
		w = new_wake(rnd(8) ? 0 : GENL_NTF_FULL);
		structural(w, same_drivers);
		notifications(w, 3);
		/* A malformed one among them; SIGINT, ignored. */
		if (!rnd(10))
			w->ret |= GENL_NTF_BAD;
		if (sigint_ign && !rnd(4))
			w->raise = SIGINT;
		else if (sighup_ign && !rnd(4))
			w->raise = SIGHUP;
		if (!w->nntf && !w->act && rnd(2))
			w->ret |= GENL_NTF_EMPTY;
	}
	/* The end: a signal after the last notifications, or an error. */
	add(&story, "wake-up %d (the end)\n", nwakes);
	if (rnd(3)) {
		w = new_wake(0);
		notifications(w, 2);
		w->raise = rnd(2) || sigint_ign ? SIGTERM : SIGINT;
		/* SIGHUP keeps its action: it kills. */
		if (!sighup_ign && !rnd(8))
			w->raise = SIGHUP;
		add(&story, "  %s\n", strsignal(w->raise));
	} else {
		w = new_wake(-EIO);
	}
	for (i = 0; i < nwakes; i++)
		if (wakes[i].ret)
			add(&story, "wake-up %d returns %s\n", i,
			    ret_str(wakes[i].ret));
	f.nifs = ninit;
}

/* ---- the model ----------------------------------------------------------- */


static bool passes_name(const char *name, uint32_t ifindex)
{
	int i;

	if (alt_x >= 0 && ifindex == f.ifs[alt_x].ifindex)
		return true;
	if (filter == F_PATTERN)
		return !fnmatch(pattern, name, 0);
	if (filter != F_NAMES && filter != F_DRIVER_NAMES)
		return true;
	/* The names: own names, or patterns of own names. */
	for (i = 0; i < nfnames; i++)
		if (fpat[i] ? !fnmatch(fnames[i], name, 0) :
			      !strcmp(fnames[i], name))
			return true;
	return false;
}

/* The interface that has @ifindex in the world after wake-up @wk's change. */
static const char *driver_now(uint32_t ifindex, int upto)
{
	const char *drv[INDEX_MAX] = { 0 };
	bool present[FAKE_IFACES_MAX];
	int x, i;

	/* Replay the world: who has the index after wake-up @upto's change. */
	for (x = 0; x < nmifs; x++)
		present[x] = false;
	for (x = 0; x < nmifs; x++)
		present[x] = true;
	for (i = nwakes - 1; i >= 0; i--)
		if (wakes[i].act == ACT_NEW)
			present[wakes[i].x] = false;
	for (i = 0; i <= upto; i++) {
		if (wakes[i].act == ACT_NEW || wakes[i].act == ACT_BACK)
			present[wakes[i].x] = true;
		else if (wakes[i].act == ACT_GONE)
			present[wakes[i].x] = false;
	}
	/* Those gone at the start of the story: none (never made so). */
	for (x = 0; x < nmifs; x++)
		if (present[x] && mifs[x].ifindex < INDEX_MAX)
			drv[mifs[x].ifindex] = mifs[x].driver;
	return ifindex < INDEX_MAX ? drv[ifindex] : NULL;
}

static bool wanted_driver(const char *drv)
{
	int i;

	for (i = 0; i < nfdrivers; i++)
		if (drv && !strcmp(drv, fdrivers[i]))
			return true;
	return false;
}

static void model(void)
{
	bool known[INDEX_MAX] = { 0 }, early_seen[INDEX_MAX] = { 0 };
	const char *drv[INDEX_MAX] = { 0 };
	uint32_t kept[INDEX_MAX] = { 0 };
	bool drain = false;
	int i, k, x;

	nlines = 0;
	/* The start's read: every interface with a level, and its driver. */
	for (x = 0; x < nmifs && !f.dump_error; x++) {
		if (f.ifs[x].no_level || x >= f.nifs)
			continue;
		known[f.ifs[x].ifindex] = true;
		kept[f.ifs[x].ifindex] = f.ifs[x].mask;
		drv[f.ifs[x].ifindex] = f.ifs[x].driver;
	}
	for (i = 0; i < nwakes; i++) {
		struct wake *w = &wakes[i];

		for (k = 0; k < w->nntf; k++) {
			struct ntf *n = &w->ntf[k];
			struct line *l = &lines[nlines];
			uint32_t idx = n->ifindex;
			bool pass = passes_name(n->name, idx), have;

			if (!drv[idx] && !n->race)
				drv[idx] = driver_now(idx, i);
			if (filter == F_DRIVER || filter == F_DRIVER_NAMES)
				pass = pass && wanted_driver(drv[idx]);
			if (pass) {
				snprintf(l->name, sizeof(l->name), "%s",
					 n->name);
				l->ifindex = idx;
				l->mask = n->mask;
				l->wake = i;
				l->old = kept[idx];
				have = i < nearly ? early_seen[idx] :
						    known[idx];
				if (drain)
					l->was = WAS_NONE;
				else if (w->ret > 0 &&
					 (w->ret & GENL_NTF_LOST))
					/*
					 * Read in the call that met the loss,
					 * before it: the page says "no line
					 * read after the loss"; these were
					 * read before it was seen, and are
					 * older than the gap or not.  Either.
					 */
					l->was = have ? WAS_EITHER : WAS_NONE;
				else
					l->was = have ? WAS_SOME : WAS_NONE;
				nlines++;
			}
			if (i < nearly)
				early_seen[idx] = true;
			known[idx] = true;
			kept[idx] = n->mask;
		}
		if (w->ret > 0 && (w->ret & GENL_NTF_LOST))
			drain = true;
		else if (drain && w->ret >= 0 &&
			 !(w->ret & (GENL_NTF_LOST | GENL_NTF_FULL))) {
			/* The queue seen empty: every mask kept forgotten. */
			drain = false;
			memset(known, 0, sizeof(known));
		}
		/* After those queued at the start, one read finds none. */
		if (i == nearly - 1 && drain) {
			drain = false;
			memset(known, 0, sizeof(known));
		}
	}
}

/* ---- the check ----------------------------------------------------------- */

/* A flat JSON object of the monitor, parsed. */
struct jobj {
	char ifname[64], ifname_hex[64], time[32], classes[256];
	long long ifindex, msg_enable, old;
	bool old_null;
	unsigned int keys;	/* which of the keys below it had */
};

enum { K_IFNAME = 1, K_IFINDEX = 2, K_MSG = 4, K_CLASSES = 8, K_OLD = 16,
       K_TIME = 32, K_HEX = 64 };

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

static const char *jstring(const char *p, char *buf, size_t size)
{
	size_t n = 0;

	if (*p++ != '"')
		return NULL;
	while (*p && *p != '"') {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				unsigned int cp = 0;
				int i;

				for (i = 1; i <= 4; i++) {
					if (!isxdigit((unsigned char)p[i]))
						return NULL;
					cp = cp << 4 | (unsigned int)
					     (isdigit((unsigned char)p[i]) ?
					      p[i] - '0' :
					      (tolower((unsigned char)p[i]) - 'a' + 10));
				}
				p += 5;
				/* UTF-8 of a BMP character (no pairs here). */
				if (n + 4 >= size)
					continue;
				if (cp < 0x80) {
					buf[n++] = (char)cp;
				} else if (cp < 0x800) {
					buf[n++] = (char)(0xc0 | cp >> 6);
					buf[n++] = (char)(0x80 | (cp & 0x3f));
				} else {
					buf[n++] = (char)(0xe0 | cp >> 12);
					buf[n++] = (char)(0x80 | (cp >> 6 & 0x3f));
					buf[n++] = (char)(0x80 | (cp & 0x3f));
				}
				continue;
			}
			if (!*p || !strchr("\"\\/bfnrt", *p))
				return NULL;
			c = (unsigned char)(*p == 'b' ? '\b' : *p == 'f' ? '\f' :
					    *p == 'n' ? '\n' : *p == 'r' ? '\r' :
					    *p == 't' ? '\t' : *p);
		}
		if (n + 1 < size)
			buf[n++] = (char)c;
		p++;
	}
	buf[n] = '\0';
	return *p == '"' ? p + 1 : NULL;
}

static const char *jnumber(const char *p, long long *v)
{
	const char *s = p;

	if (*p == '-')
		p++;
	if (*p == '0' && isdigit((unsigned char)p[1]))
		return NULL;
	if (!isdigit((unsigned char)*p))
		return NULL;
	*v = strtoll(s, NULL, 10);
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.' || *p == 'e' || *p == 'E')
		return NULL;	/* not integers: no mask is */
	return p;
}

static bool jparse(const char *p, struct jobj *o)
{
	char key[32], s[64];
	unsigned int k;
	size_t n;

	memset(o, 0, sizeof(*o));
	p = ws(p);
	if (*p++ != '{')
		return false;
	p = ws(p);
	if (*p == '}')
		return !*ws(p + 1);
	for (;;) {
		p = jstring(ws(p), key, sizeof(key));
		if (!p)
			return false;
		p = ws(p);
		if (*p++ != ':')
			return false;
		p = ws(p);
		if (!strcmp(key, "ifname"))
			k = K_IFNAME, p = jstring(p, o->ifname, sizeof(o->ifname));
		else if (!strcmp(key, "ifindex"))
			k = K_IFINDEX, p = jnumber(p, &o->ifindex);
		else if (!strcmp(key, "msg_enable"))
			k = K_MSG, p = jnumber(p, &o->msg_enable);
		else if (!strcmp(key, "ifname_hex"))
			k = K_HEX, p = jstring(p, o->ifname_hex,
					       sizeof(o->ifname_hex));
		else if (!strcmp(key, "time"))
			k = K_TIME, p = jstring(p, o->time, sizeof(o->time));
		else if (!strcmp(key, "old_msg_enable")) {
			k = K_OLD;
			if (!strncmp(p, "null", 4))
				o->old_null = true, p += 4;
			else
				p = jnumber(p, &o->old);
		} else if (!strcmp(key, "classes")) {
			k = K_CLASSES;
			if (*p++ != '[')
				return false;
			p = ws(p);
			n = 0;
			while (p && *p != ']') {
				p = jstring(p, s, sizeof(s));
				if (!p)
					return false;
				n += (size_t)snprintf(o->classes + n,
						      sizeof(o->classes) - n,
						      "%s%s", n ? " " : "", s);
				p = ws(p);
				if (*p == ',')
					p = ws(p + 1);
				else if (*p != ']')
					return false;
			}
			if (p)
				p++;
		} else {
			return false;	/* a key the page does not have */
		}
		if (!p || (o->keys & k))
			return false;
		o->keys |= k;
		p = ws(p);
		if (*p == '}')
			return !*ws(p + 1);
		if (*p++ != ',')
			return false;
	}
}

/* The time of day around the monitor's run, as -t writes it. */
static char t_start[32], t_end[32];

static void time_now(char *buf, size_t size)
{
	struct timeval tv;
	struct tm tm;

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	snprintf(buf, size, "%02d:%02d:%02d.%06ld", tm.tm_hour, tm.tm_min,
		 tm.tm_sec, (long)tv.tv_usec);
}

/*
 * HH:MM:SS.uuuuuu, the time of day the monitor read the change: while
 * it ran (unless midnight came meanwhile).
 */
static bool time_ok(const char *t)
{
	static const char shape[] = "99:99:99.999999";
	size_t i;

	if (strlen(t) != sizeof(shape) - 1)
		return false;
	for (i = 0; shape[i]; i++)
		if (shape[i] == '9' ? !isdigit((unsigned char)t[i])
				    : t[i] != shape[i])
			return false;
	return strcmp(t_start, t_end) > 0 ||
	       (strcmp(t_start, t) <= 0 && strcmp(t, t_end) <= 0);
}

/* Line @got against model line @l: "" where it fits, else why not. */
static const char *check_line(char *got, const struct line *l)
{
	static char why[512];
	char want[512], want2[512], name[80], hex[40];
	const char *cls;
	bool utf8;
	size_t i;
	struct jobj o;
	char *at;

	if (format == O_JSON) {
		if (!is_utf8(got))
			return "not UTF-8";
		if (!jparse(got, &o))
			return "not one valid JSON object of the page's keys";
		utf8 = json_name(l->name, name, sizeof(name));
		for (i = 0, hex[0] = '\0'; !utf8 && l->name[i]; i++)
			snprintf(hex + 2 * i, sizeof(hex) - 2 * i, "%02x",
				 (unsigned char)l->name[i]);
		if (utf8 == !!(o.keys & K_HEX))
			return utf8 ? "\"ifname_hex\" for a UTF-8 name" :
				      "no \"ifname_hex\" for a name not UTF-8";
		if (strcmp(o.ifname, name) || strcmp(o.ifname_hex, hex))
			return "\"ifname\" or \"ifname_hex\" is not the name";
		if ((o.keys & ~(K_TIME | K_HEX)) !=
		    (K_IFNAME | K_IFINDEX | K_MSG | K_CLASSES | K_OLD))
			return "keys missing";
		if (stamp != !!(o.keys & K_TIME))
			return stamp ? "no \"time\" with -t" : "\"time\" without -t";
		if (stamp && !time_ok(o.time))
			return "\"time\" is not HH:MM:SS.uuuuuu, while it ran";
		cls = state_str(l->mask, O_N);
		if (!l->mask)
			cls = "";
		if (o.ifindex != l->ifindex ||
		    o.msg_enable != l->mask || strcmp(o.classes, cls))
			return "another interface or mask";
		if (l->was == WAS_NONE && !o.old_null)
			return "old_msg_enable is not null";
		if (l->was == WAS_SOME && (o.old_null || o.old != l->old))
			return "old_msg_enable is not the mask before";
		if (l->was == WAS_EITHER && !o.old_null && o.old != l->old)
			return "old_msg_enable is neither null nor the mask before";
		return "";
	}
	if (stamp) {
		at = strstr(got, " (at ");
		if (!at || strlen(at) != 21 || at[20] != ')')
			return "no \"(at HH:MM:SS.uuuuuu)\" at its end with -t";
		at[20] = '\0';
		if (!time_ok(at + 5))
			return "\"(at HH:MM:SS.uuuuuu)\": not a time while it ran";
		*at = '\0';
	}
	for (i = 0; got[i]; i++)
		if ((unsigned char)got[i] < 0x20 || got[i] == 0x7f)
			return "a control byte, raw";
	snprintf(want, sizeof(want), "%.80s: %.200s",
		 esc_text(l->name, name, sizeof(name)),
		 state_str(l->mask, format));
	snprintf(want2, sizeof(want2), "%.230s (was %.200s)", want,
		 state_str(l->old, format));
	if (l->was == WAS_SOME && !strcmp(got, want2))
		return "";
	if (l->was == WAS_NONE && !strcmp(got, want))
		return "";
	if (l->was == WAS_EITHER && (!strcmp(got, want) || !strcmp(got, want2)))
		return "";
	snprintf(why, sizeof(why), "expected \"%.240s\"%s%.240s%s",
		 l->was == WAS_NONE ? want : want2,
		 l->was == WAS_EITHER ? " or \"" : "",
		 l->was == WAS_EITHER ? want : "",
		 l->was == WAS_EITHER ? "\"" : "");
	return why;
}

/*
 * The length of model line @l in text, with its newline: the longest it
 * can be (@longest), or the shortest (the "was" may be there or not).
 */
static size_t line_len(const struct line *l, bool longest)
{
	char name[80];
	size_t n;

	n = strlen(esc_text(l->name, name, sizeof(name))) + 2 +
	    strlen(state_str(l->mask, format)) + 1;
	if (l->was == WAS_SOME || (longest && l->was == WAS_EITHER))
		n += strlen(" (was )") + strlen(state_str(l->old, format));
	if (stamp)
		n += strlen(" (at 15:04:05.123456)");
	return n;
}

static int capture(int fd, char *buf)
{
	ssize_t n = pread(fd, buf, CAPTURE_MAX - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	return n > 0 ? (int)n : 0;
}

static int tmpfile_fd(void)
{
	char path[] = "/tmp/check_monitor_model.XXXXXX";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	unlink(path);
	return fd;
}

/* The monitor, in a child, as main() runs it: its exit status, or -signal. */
static int run_monitor(void)
{
	const char *words[16];
	struct cmdline_err cerr;
	int fo = tmpfile_fd(), fe[2], po[2], status, ret, ret_out;
	struct rlimit rl;
	sigset_t ends;
	ssize_t n, k = 0;
	struct opts o;
	pid_t pid;

	/* Standard error a pipe: no file size limit for it. */
	ck_assert_int_eq(pipe(fe), 0);
	if (gone_reader) {
		ck_assert_int_eq(pipe(po), 0);
		close(po[0]);
		close(fo);
		fo = po[1];
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (!pid) {
		dup2(fo, STDOUT_FILENO);
		dup2(fe[1], STDERR_FILENO);
		close(fe[0]);
		close(fe[1]);
		if (fsize) {
			rl.rlim_cur = rl.rlim_max = fsize;
			setrlimit(RLIMIT_FSIZE, &rl);
		}
		sigemptyset(&ends);
		sigaddset(&ends, SIGINT);
		sigaddset(&ends, SIGTERM);
		sigprocmask(SIG_BLOCK, &ends, NULL);
		/*
		 * As started from a terminal, or ignored where the seed says
		 * so: not as this test was started (make check under nohup,
		 * or in the background of a script, ignores SIGHUP and SIGINT,
		 * and the monitor would wait on for a signal it ignores).
		 */
		signal(SIGINT, sigint_ign ? SIG_IGN : SIG_DFL);
		signal(SIGHUP, sighup_ign ? SIG_IGN : SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
		hooked = *b.ops;
		hooked.watch = model_watch;
		hooked.events = model_events;
		hooked.close = model_close;
		real_dump = hooked.dump;
		real_driver = hooked.driver;
		hooked.driver = model_driver;
		hooked.dump = model_dump;
		b.ops = &hooked;
		opts_init(&o);
		ret = cmdline_parse(&o, argc, argv, words, CMDLINE_ARGV, &cerr);
		if (ret) {
			fprintf(stderr, "netifmsg: %s\n", cerr.msg);
			_exit(2);
		}
		ret = cmd_monitor(&o, &b);
		/* As main(). */
		ret_out = out_flush();
		if (ret_out < 0) {
			fprintf(stderr, "netifmsg: write error: %s\n",
				strerror(-ret_out));
			if (!ret)
				ret = -EIO;
		}
		fflush(stderr);
		_exit(!ret ? 0 : ret == -EINVAL ? 2 : 1);
	}
	close(fe[1]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	capture(fo, out);
	while ((n = read(fe[0], err + k, CAPTURE_MAX - 1 - (size_t)k)) > 0)
		k += n;
	err[k] = '\0';
	close(fe[0]);
	if (WIFSIGNALED(status))
		return -WTERMSIG(status);
	return WEXITSTATUS(status);
}

#define LOST_MSG "netifmsg: monitor: lost notifications (receive buffer overflow)"
#define BAD_MSG "netifmsg: monitor: ignoring a malformed notification"
#define EIO_MSG "netifmsg: monitor: Input/output error"
#define FSIZE_MSG "netifmsg: write error: File too large"
#define DUMP_MSG "netifmsg: monitor: cannot read the masks now " \
	"(No buffer space available): the first change of each " \
	"interface has no earlier value"

static bool one_seed(unsigned long long seed, bool tell)
{
	int i, k, st, got = 0, nlost = 0, nbad = 0, least;
	int glost = 0, gbad = 0, geio = 0, gdump = 0, gfsize = 0;
	const struct wake *last;
	char one[1024], *p, *nl;
	const char *why;
	size_t n = 0;

	model_seed(seed);
	story.n = wrong.n = 0;
	story.s[0] = wrong.s[0] = '\0';
	make_story();
	model();
	time_now(t_start, sizeof(t_start));
	st = run_monitor();
	time_now(t_end, sizeof(t_end));
	last = &wakes[nwakes - 1];

	if (usage_v) {
		if (st != 2)
			add(&wrong, "-v is a usage error, yet exit status %d\n", st);
		if (out[0])
			add(&wrong, "a usage error printed on standard output\n");
		goto done;
	}
	/* A name that cannot come fails at once (DIAGNOSTICS). */
	if (start_fail) {
		if (st != 1)
			add(&wrong, "a read at the start failed, yet exit status %d\n",
			    st);
		if (out[0])
			add(&wrong, "a read at the start failed, yet lines printed\n");
		if (!strstr(err, start_fail))
			add(&wrong, "a read at the start failed, yet \"%s\" not said\n",
			    start_fail);
		goto done;
	}
	if (long_pattern) {
		if (st != 1)
			add(&wrong, "%s matches no name, yet exit status %d\n",
			    long_pattern, st);
		if (out[0])
			add(&wrong, "%s matches no name, yet lines printed\n",
			    long_pattern);
		if (!strstr(err, "matches no interface name: a name has at most 15 bytes"))
			add(&wrong, "%s matches no name, yet not said so\n",
			    long_pattern);
		goto done;
	}
	if (long_none || (alt_x >= 0 && strlen(f.ifs[alt_x].altname) > 15 &&
			  (mifs[alt_x].no_level ||
			   (filter == F_DRIVER_NAMES &&
			    !wanted_driver(mifs[alt_x].driver))))) {
		if (st != 1)
			add(&wrong, "%s cannot come, yet exit status %d\n",
			    fnames[0], st);
		if (out[0])
			add(&wrong, "%s cannot come, yet lines printed\n",
			    fnames[0]);
		if (!strstr(err, fnames[0]))
			add(&wrong, "%s cannot come, and standard error does not name it\n",
			    fnames[0]);
		goto done;
	}
	/* The exit status (a write error aside: see below). */
	gfsize = fsize && strstr(err, FSIZE_MSG "\n");
	/*
	 * The reader of its output pipe gone: it ends with exit status 0,
	 * nothing said (MONITOR, EXIT STATUS), at the latest at the first
	 * line it writes; it may see the reader gone before (the page
	 * says "runs until ... the reader of its output pipe goes away"),
	 * or end as the story does where it had no line to write first.
	 */
	if (gone_reader && !start_sig) {
		for (i = 0, k = 0; i < nlines; i++)
			k += lines[i].wake < nwakes - 1;
		if (k && st != 0)
			add(&wrong, "its reader gone, yet exit status %d\n", st);
		if (!k && st != 0 && st != (last->raise == SIGHUP ? -SIGHUP :
					    last->raise ? 0 : 1))
			add(&wrong, "its reader gone, exit status %d\n", st);
		if (strstr(err, "write error") ||
		    (st == 0 && strstr(err, EIO_MSG)))
			add(&wrong, "its reader gone, yet an error said\n");
		goto done;
	}
	if (last->raise == SIGHUP && !start_sig && st != -SIGHUP && !gfsize)
		add(&wrong, "SIGHUP did not kill it: exit status %d\n", st);
	if (((last->raise && last->raise != SIGHUP) || start_sig) && st != 0 &&
	    !gfsize)
		add(&wrong, "ended by %s, yet exit status %d\n",
		    strsignal(start_sig ? start_sig : last->raise), st);
	if (!last->raise && !start_sig && st != 1 && !gfsize)
		add(&wrong, "ended by an error, yet exit status %d\n", st);
	/*
	 * Standard error: a line for each loss and for each wake-up with a
	 * malformed notification (in which order within one wake-up, the
	 * page does not say), and the error that ended it, last.  Ended
	 * while it started, any of those it read first.
	 */
	for (i = 0; i < nwakes; i++) {
		if (wakes[i].ret > 0 && (wakes[i].ret & GENL_NTF_LOST))
			nlost++;
		if (wakes[i].ret > 0 && (wakes[i].ret & GENL_NTF_BAD))
			nbad++;
	}
	for (p = err; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			add(&wrong, "standard error ends without a newline\n");
			break;
		}
		n = (size_t)(nl - p);
		if (n == strlen(LOST_MSG) && !memcmp(p, LOST_MSG, n)) {
			glost++;
		} else if (n == strlen(BAD_MSG) && !memcmp(p, BAD_MSG, n)) {
			gbad++;
		} else if (n == strlen(DUMP_MSG) && !memcmp(p, DUMP_MSG, n) &&
			   f.dump_error && !gdump) {
			gdump++;
		} else if (n == strlen(EIO_MSG) && !memcmp(p, EIO_MSG, n) &&
			   !last->raise && !start_sig && !nl[1]) {
			geio++;
		} else if (n == strlen(FSIZE_MSG) && !memcmp(p, FSIZE_MSG, n) &&
			   fsize && !nl[1]) {
			/* counted above */
		} else {
			add(&wrong, "standard error: \"%.*s\" unexpected\n",
			    (int)n, p);
		}
	}
	if (start_sig || gfsize ? glost > nlost || gbad > nbad :
				  glost != nlost || gbad != nbad)
		add(&wrong, "%d lost and %d malformed said, not %d and %d\n",
		    glost, gbad, nlost, nbad);
	if (f.dump_error && !gdump)
		add(&wrong, "no \"%s\"\n", DUMP_MSG);
	if (!last->raise && !start_sig && !geio && !gfsize)
		add(&wrong, "no \"%s\" at the end of standard error\n", EIO_MSG);
	/* Standard output: whole lines, the model's. */
	if (out[0] && out[strlen(out) - 1] != '\n')
		add(&wrong, "standard output does not end with a whole line\n");
	for (p = out; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (got >= nlines) {
			add(&wrong, "line %d, \"%s\": none expected\n",
			    got + 1, p);
		} else {
			why = snprintf(one, sizeof(one), "%s", p) <
			      (int)sizeof(one) ? check_line(one, &lines[got]) :
			      "too long";
			if (why[0])
				add(&wrong, "line %d, \"%s\": %s\n", got + 1, p,
				    why);
		}
		*nl = '\n';
		got++;
	}
	/*
	 * Ended by a signal, the lines of the wake-up that got it may be
	 * dropped ("lines it has not written by then are dropped"); those
	 * before were written, the output being line-buffered.
	 */
	least = start_sig ? 0 : nlines;
	if (last->raise)
		while (least && lines[least - 1].wake == nwakes - 1)
			least--;
	/*
	 * ulimit -f: it ends at the first line it cannot write, with
	 * "write error" and exit status 1, the file ending with the
	 * whole lines before (MONITOR).
	 */
	if (fsize && strlen(out) > fsize)
		add(&wrong, "%zu bytes written, beyond ulimit -f\n", strlen(out));
	if (gfsize) {
		if (st != 1)
			add(&wrong, "write error, yet exit status %d\n", st);
		if (got >= nlines)
			add(&wrong, "write error, yet every line written\n");
		else if (format != O_JSON &&
			 strlen(out) + line_len(&lines[got], true) <= fsize)
			add(&wrong, "write error, yet line %d fitted\n", got + 1);
		least = 0;
	} else if (fsize && got < least && format != O_JSON &&
		   strlen(out) + line_len(&lines[got], false) > fsize) {
		add(&wrong, "line %d did not fit, yet no \"%s\"\n", got + 1,
		    FSIZE_MSG);
	}
	if (got < least || got > nlines)
		add(&wrong, "%d lines, not %s%d\n", got,
		    least < nlines ? "at least " : "", least);
done:
	if (model_said(seed, tell, &story, &wrong))
		return !wrong.n;
	fprintf(stderr, "--- expected lines (%d lost notification messages):\n",
		nlost);
	for (i = 0; i < nlines; i++)
		fprintf(stderr, "%s %s%s (was %s)\n", lines[i].name,
			state_str(lines[i].mask, O_X),
			lines[i].was == WAS_NONE ? " [no was]" :
			lines[i].was == WAS_EITHER ? " [was or not]" : "",
			state_str(lines[i].old, O_X));
	fprintf(stderr, "--- exit status %d; standard output:\n%s--- standard error:\n%s",
		st, out, err);
	fprintf(stderr, "%s%s", wrong.n ? "--- broken promises:\n" : "",
		wrong.s);
	return !wrong.n;
}

START_TEST(test_monitor_model)
{
	model_run(one_seed, RUNS, false);
}
END_TEST

static Suite *monitor_model_suite(void)
{
	Suite *s = suite_create("monitor_model");
	TCase *tc = tcase_create("monitor");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_monitor_model);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(monitor_model_suite)
