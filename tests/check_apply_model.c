// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A randomised test of --apply over the fake backend.  Each seed makes
 * two to seven interfaces (names, some written with escapes, drivers,
 * masks, some without a message level, some with an alternative name,
 * perhaps one whose sets fail, dumps cut short and done again; a
 * quarter over the ioctl), one to three configuration files in a
 * directory of its own under /tmp, and an invocation of
 *
 *	[-v|-x|-N|-j|-q|-vx|-vN|-jv] --apply [--driver D]...
 *		--config FILE... [IFACE | --ifindex N]
 *
 * (a file perhaps given twice, or as --config - on standard input).
 * Text files hold exact names, alternative names, names not there,
 * patterns, a CHANGE word or a quoted pattern where IFACE stands,
 * --driver before or after IFACE, absolute and relative changes (names
 * in their spellings, bitN, numbers, all, none, +name, -name, name
 * on|off, comma lists, VALUE/MASK of numbers or names, --from-level
 * under each --level-map), comments, blank lines, a trailing
 * "(changed)", tabs, vertical tabs, form feeds, CRLF, a byte-order
 * mark; other files are -j's JSON.  Now and then a line is invalid, a
 * file is missing, 17 files are given, or an interface is renamed or
 * goes away between the dump and the sets.
 *
 * Then it checks what netifmsg.conf(5) and netifmsg(8) promise, derived
 * from the pages and not from cmd_apply.c:
 *
 *  - each interface the run considers ends with its mask computed from
 *    its mask before, every line that selects it applied in order (the
 *    files in the order of --config); every other keeps its mask;
 *  - only the interfaces whose mask changes get a DEBUG_SET;
 *  - -v, -x, -N and -j print each interface a line selected (of those
 *    the run considers), with the mask computed and whether it changed;
 *    one whose set failed is not printed; -j prints one array;
 *  - exit status 0; 1 where a set failed (the others set all the same),
 *    a file cannot be read or an interface's name was taken before its
 *    set; 2 for an invalid line (said with its file:line) or 17 files;
 *    after 1 for a file or 2, nothing is changed and nothing printed;
 *  - an interface gone or renamed before its set is left alone;
 *  - without -v, nothing on standard error but failures; with -v, only
 *    notes and failures: in a run over every interface one for each
 *    line that selects no interface, in the words the page gives for
 *    each case, and none for a line that selects one; in a run that
 *    considers only some, no such note, and the notes of IFACE,
 *    --ifindex and --driver where the page gives their words;
 *  - a second run changes nothing and sends no DEBUG_SET.
 *
 * Decisions where the pages leave room (the model follows them):
 *  - -v, -x, -N and -j print the interfaces in the order of the dump,
 *    that is index order (NETLINK NOTES: a dump is put in index order);
 *  - the notes of a line with --driver and a pattern (it may name each
 *    interface it left out), of a pattern line that selects nothing, and
 *    of a pattern IFACE whose interfaces have no line: only that there
 *    is one;
 *  - files with no line at all: only the note that names them;
 *  - a line without any CHANGE is not made (the pages do not say what
 *    it does in a configuration file);
 *  - over netlink masks stay in bits 0 to 14 (the others stay as they
 *    are, and the fake's dump does not show them);
 *  - an interface gone before its set may be printed or not; a line
 *    naming one renamed after the dump may get either note;
 *  - the empty array of -j where a file cannot be read is main()'s,
 *    which fake_command() does not run.
 *
 * Each seed runs in a child of its own, as a process of netifmsg would.
 *
 * MODEL_SEED=n runs that seed alone (and says what it did); MODEL_RUNS=n
 * sets how many seeds are run, from MODEL_FIRST (1); with MODEL_GO_ON
 * set, all of them are, each seed that breaks a promise said in a line.
 * 1000 seeds by default, a few seconds; for many more, lengthen Check's
 * timeout (CK_TIMEOUT_MULTIPLIER=20 MODEL_RUNS=25000).
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "fake_backend.h"
#include "model.h"
#include "msgclass.h"

#define CAPTURE_MAX	65536
#define RUNS		1000
#define LOW		0x7fffu		/* the classes netlink sets */
#define FILES_MAX	3
#define LINES_MAX	24		/* of all files */

static char out[CAPTURE_MAX], err[CAPTURE_MAX];
static struct fake f;
static struct backend b;
static char dir[] = "/tmp/apmodel.XXXXXX";
static struct backend_ops hooked;	/* the fake's, its runs watched */
static const struct backend_ops *real;
static bool broke;		/* a run broke off */
static bool sets_broke;		/* ... one with sets in it */

/*
 * A run that breaks off (the fake's run_answers): an interface whose set
 * was in it has a result unknown, and is not printed (APPLYING).
 */
static int hooked_run(struct backend *bk, struct breq *r, size_t n,
		      unsigned int window, breq_done_t done, void *data)
{
	size_t i;

	if (f.run_answers && n > f.run_answers) {
		broke = true;
		for (i = 0; i < n; i++)
			sets_broke |= r[i].set;
	}
	return real->run(bk, r, n, window, done, data);
}

static struct text story, wrong;

/* ---- the world -------------------------------------------------------- */

/*
 * The last ones are written with escapes (ESCAPES in netifmsg(8)): in
 * lines, as IFACE and on standard output as we\*rd, a\\b, \-dash, \#x,
 * tap\[1], e\x1b; on standard error with a backslash doubled, ESC as
 * \x1b; in JSON as JSON escapes them.
 */
static const char *const if_names[] = {
	"tap0", "tap1", "tap2", "eth0", "eth1", "enp3s0", "lo",
	"we*rd", "a\\b", "-dash", "#x", "tap[1]", "e\x1b",
};
#define NAMES	(sizeof(if_names) / sizeof(if_names[0]))

/*
 * @name with a backslash before each byte of @before, and before its
 * first where that is one of @first; control bytes as \xHH.
 */
static const char *esc(const char *name, const char *first,
		       const char *before)
{
	static char buf[8][64];
	static unsigned int k;
	char *s = buf[k++ % 8];
	size_t n = 0;
	const char *p;

	if (strchr(first, name[0]))
		s[n++] = '\\';
	for (p = name; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			n += (size_t)snprintf(s + n, 64 - n, "\\x%02x",
					      (unsigned char)*p);
			continue;
		}
		if (strchr(before, *p))
			s[n++] = '\\';
		s[n++] = *p;
	}
	s[n] = '\0';
	return s;
}

/* @name as a word of a line or the command line, and on standard output. */
static const char *esc_word(const char *name)
{
	return esc(name, "-#{", "\\*?[");
}

/* @name on standard error: a backslash doubled, control bytes \xHH. */
static const char *esc_err(const char *name)
{
	return esc(name, "", "\\");
}

/* @name in a JSON string. */
static const char *esc_json(const char *name)
{
	static char buf[8][96];
	static unsigned int k;
	char *s = buf[k++ % 8];
	size_t n = 0;
	const char *p;

	for (p = name; *p; p++) {
		if ((unsigned char)*p < 0x20) {
			n += (size_t)snprintf(s + n, 96 - n, "\\u%04x",
					      (unsigned char)*p);
			continue;
		}
		if (*p == '\\' || *p == '"')
			s[n++] = '\\';
		s[n++] = *p;
	}
	s[n] = '\0';
	return s;
}
/* The last is longer than the ioctl's 15 bytes. */
static const char *const alt_names[] = {
	"uplink", "wan0", "a-long-alternative-name0",
};
static const char *const drivers[] = { "tun", "igb", "e1000e" };
static const char *const ghosts[] = { "ghost0", "tap9", "eth7" };
static const char *const patterns[] = {
	"tap*", "eth*", "*", "tap[01]", "*0", "e*", "nomatch*", "*[12]",
	"t?p?",
};

static const char *const classes[15] = {
	"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err", "tx_err",
	"tx_queued", "intr", "tx_done", "rx_status", "pktdata", "hw", "wol",
};

static int nifs;
static uint32_t before[FAKE_IFACES_MAX];

/*
 * Over the ioctl (IOCTL in netifmsg(8)): every bit settable, an absolute
 * change replaces the whole mask, names of at most 15 bytes.
 */
static bool ioctl_mode;
static uint32_t settable;

/* Bits 15 to 23, now and then, over the ioctl. */
static uint32_t high(void)
{
	return ioctl_mode && !rnd(3) ? rnd(0x200) << 15 : 0;
}

static bool is_pattern(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* ---- the lines ---------------------------------------------------- */

/* What a line's CHANGE words make (CHANGES in netifmsg(8)). */
struct line {
	int file, lineno;	/* from 1 */
	const char *sel;	/* its IFACE, a trailing ':' dropped */
	const char *drv[2];
	int ndrv;
	bool abs, level;	/* level: it has a --from-level */
	bool literal;		/* a JSON object's: never a pattern */
	uint32_t av;		/* the OR of the absolute words */
	uint32_t rv, rm;	/* the relative words, the last one winning */
	char text[512];
};

static bool pat(const struct line *l)
{
	return !l->literal && is_pattern(l->sel);
}

static struct line lines[LINES_MAX];
static int nlines;
static bool no_drivers;		/* a seed for a rename: no --driver */

static char *lp;	/* where the next word of a line goes */
static size_t lleft;

static void __attribute__((format(printf, 1, 2))) put(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(lp, lleft, fmt, ap);
	va_end(ap);
	ck_assert(n >= 0 && (size_t)n < lleft);
	lp += n;
	lleft -= (size_t)n;
}

/* The blanks between two words. */
static void blank(void)
{
	static const char *const blanks[] = {
		" ", " ", " ", "  ", "\t", " \t", " \v", "\f ",
	};

	put("%s", blanks[rnd(8)]);
}

/* A class's name, in one of the spellings CHANGES accepts. */
static const char *class_name(unsigned int bit)
{
	static char buf[8][40];
	static unsigned int k;
	char *s = buf[k++ % 8];
	size_t i;

	if (bit >= 15) {
		snprintf(s, 40, "%s%u", rnd(2) ? "bit" : "BIT", bit);
		return s;
	}
	switch (rnd(8)) {
	case 0:
		snprintf(s, 40, "bit%u", bit);
		break;
	case 1:
		snprintf(s, 40, "NETIF_MSG_%s", classes[bit]);
		break;
	case 2:
		snprintf(s, 40, "msg_%s", classes[bit]);
		break;
	case 3:
		snprintf(s, 40, "%s", classes[bit]);
		for (i = 0; s[i]; i++)
			if (s[i] >= 'a' && s[i] <= 'z')
				s[i] = (char)(s[i] - 'a' + 'A');
		break;
	default:
		snprintf(s, 40, "%s", classes[bit]);
	}
	return s;
}

static void rel(struct line *l, uint32_t v, uint32_t m)
{
	l->rv = (l->rv & ~m) | (v & m);
	l->rm |= m;
}

/* A list of 1 to 3 class names, joined with commas: their bits. */
static uint32_t name_list(char *s, size_t size)
{
	unsigned int n = 1 + rnd(3), i, bit;
	uint32_t m = 0;
	size_t len = 0;

	s[0] = '\0';
	for (i = 0; i < n; i++) {
		bit = rnd(15);
		len += (size_t)snprintf(s + len, size - len, "%s%s",
					i ? "," : "", class_name(bit));
		m |= 1u << bit;
	}
	return m;
}

/* --from-level, and its map (OLD LEVELS in netifmsg(8)): absolute. */
static void from_level(struct line *l)
{
	static const uint32_t cumulative[8] = {
		0x1, 0x3, 0xf, 0x3f, 0xff, 0x3ff, 0xfff, 0x1fff,
	};
	static const uint32_t exact[8] = {
		0x1, 0x2, 0xc, 0x30, 0xc0, 0x300, 0xc00, 0x1000,
	};
	unsigned int map = rnd(4);	/* none (cumulative), ... */
	int n;

	if (map == 3) {		/* kernel: 0 to 15 over netlink, 31 */
		n = (int)rnd(ioctl_mode ? 32 : 16);
		put("--level-map");
		blank();
		put("kernel");
		blank();
		put("--from-level");
		blank();
		put(rnd(4) ? "%d" : "+%d", n);
		l->av |= n ? (1u << n) - 1 : 0;
	} else {
		n = (int)rnd(9) - 1;
		put("--from-level");
		blank();
		put(n >= 0 && !rnd(4) ? "+%d" : "%d", n);
		if (map) {
			blank();
			put("--level-map");
			blank();
			put(map == 1 ? "cumulative" : "exact");
		}
		if (n >= 0)
			l->av |= map == 2 ? exact[n] : cumulative[n];
	}
	l->abs = l->level = true;
}

/* One valid CHANGE word (or two: NAME on|off), added to @l. */
static void change_word(struct line *l)
{
	char a[160], c[160];
	unsigned int bit = rnd(15);
	uint32_t v, m;

	switch (rnd(15)) {
	case 13:	/* --from-level N [--level-map MAP], once a line */
		if (!l->level) {
			from_level(l);
			break;
		}
		/* fall through */
	case 0:
	case 1:		/* an absolute class */
		put("%s", class_name(bit));
		l->abs = true;
		l->av |= 1u << bit;
		break;
	case 2:		/* a number */
		v = (rnd(4) ? rnd(LOW + 1) : rnd(16)) | high();
		if (!v)
			put("%s", rnd(2) ? "0" : "0x0");
		else if (rnd(3))
			put(rnd(2) ? "0x%x" : "0X%X", v);
		else
			put("%u", v);
		l->abs = true;
		l->av |= v;
		break;
	case 3:		/* all, none */
		l->abs = true;
		if (rnd(2)) {
			put("all");
			l->av |= LOW;
		} else {
			put("none");
		}
		break;
	case 4:		/* an absolute list */
		l->av |= name_list(a, sizeof(a));
		l->abs = true;
		put("%s", a);
		break;
	case 5:
	case 6:
	case 7:		/* +NAME, -NAME */
		if (ioctl_mode && !rnd(3))
			bit = 15 + rnd(17);
		v = rnd(2);
		put("%c%s", v ? '+' : '-', class_name(bit));
		rel(l, v ? 1u << bit : 0, 1u << bit);
		break;
	case 8:		/* +all, -all */
		v = rnd(2);
		put("%call", v ? '+' : '-');
		rel(l, v ? LOW : 0, LOW);
		break;
	case 9:		/* NAME on|off, ethtool's */
		v = rnd(2);
		put("%s", classes[bit]);
		blank();
		put("%s", v ? "on" : "off");
		rel(l, v ? 1u << bit : 0, 1u << bit);
		break;
	case 10:	/* +NAME,-NAME */
		m = (bit + 1 + rnd(14)) % 15;
		put("+%s,-%s", classes[bit], classes[m]);
		rel(l, 1u << bit, 1u << bit);
		rel(l, 0, 1u << m);
		break;
	case 11:	/* VALUE/MASK, numbers */
		m = ((rnd(LOW) + 1) & LOW) | high();
		v = m & (rnd(LOW + 1) | high());
		put("0x%x/0x%x", v, m);
		rel(l, v, m);
		break;
	case 12:	/* VALUE/MASK, names */
		m = name_list(c, sizeof(c));
		v = rnd(3) ? name_list(a, sizeof(a)) : 0;
		v &= m;
		/* value's names, only those inside the mask */
		if (!v) {
			put("%s/%s", rnd(2) ? "none" : "0", c);
		} else {
			unsigned int k, first = 1;

			for (k = 0; k < 15; k++)
				if (v & (1u << k)) {
					put("%s%s", first ? "" : ",", classes[k]);
					first = 0;
				}
			put("/%s", c);
		}
		rel(l, v, m);
		break;
	default:	/* none on|off: nothing */
		put("none");
		blank();
		put("%s", rnd(2) ? "on" : "off");
		rel(l, 0, 0);
		break;
	}
}

/* An invalid CHANGE word (a usage error, exit status 2). */
static const char *bad_word(void)
{
	static const char *const bad[] = {
		"+bogus", "010",
		"0x5/0x4", "#", "+drv,0x5/0xf", "link,,probe", "msglvl",
		"+link on", "1/", "/1", "0x1/0x1/0x1", "99999999999", "frob",
		"--from-level 8", "--from-level 010", "--from-level x",
		"--level-map kernel --from-level -1", "--from-level 3 --level-map odd",
		"-q", "--ifindex 3", "--from-level 2 --from-level 3",
	};

	/* bits 15 to 31: over netlink only */
	static const char *const bad_netlink[] = {
		"bit15", "+bit20", "0x8000", "0x10000/0x10000",
		"--level-map kernel --from-level 16", "-BIT31",
	};

	if (!ioctl_mode && !rnd(3))
		return bad_netlink[rnd(sizeof(bad_netlink) /
				       sizeof(bad_netlink[0]))];
	return bad[rnd(sizeof(bad) / sizeof(bad[0]))];
}

/* A change word where IFACE stands, or IFACE in quotes. */
static const char *const odd[] = { "+drv", "0x5", "link", "'tap*'", "\"eth0\"" };

static bool is_odd(const char *sel)
{
	size_t i;

	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		if (!strcmp(sel, odd[i]))
			return true;
	return false;
}

/* The IFACE of a line. */
static const char *selector(bool *literal)
{
	unsigned int a = rnd(12);
	int x;

	*literal = a < 6;	/* an interface's name, written escaped */
	if (a < 5)
		return f.ifs[rnd((unsigned int)nifs)].name;
	if (a < 6) {
		for (x = 0; x < nifs; x++)
			if (f.ifs[x].altname && rnd(2))
				return f.ifs[x].altname;
		*literal = false;
		return ghosts[rnd(3)];
	}
	if (a < 7)
		return rnd(3) ? ghosts[rnd(3)] : odd[rnd(5)];
	return patterns[rnd(sizeof(patterns) / sizeof(patterns[0]))];
}

/* Make line @l (valid unless @bad) at lp. */
static void make_line(struct line *l, bool bad)
{
	unsigned int n, i, where, badat;
	const char *odd_word = NULL;

	memset(l, 0, sizeof(*l));
	l->sel = selector(&l->literal);
	if (!no_drivers && !rnd(4)) {
		l->ndrv = 1 + !rnd(4);
		l->drv[0] = drivers[rnd(3)];
		/* another: one named twice is not "several" for certain */
		l->drv[1] = drivers[(rnd(2) + 1 +
				     (unsigned int)(strchr("tie", l->drv[0][0]) -
						    "tie")) % 3];
	}
	/*
	 * With --driver, a first word that reads as a CHANGE word is one,
	 * and IFACE is '*' (netifmsg(8), --driver).
	 */
	if (l->ndrv && is_odd(l->sel) && !strchr("'\"", l->sel[0])) {
		if (!strcmp(l->sel, "+drv"))
			rel(l, 1, 1);
		else
			l->av |= !strcmp(l->sel, "0x5") ? 0x5 : 0x4;
		l->abs |= strcmp(l->sel, "+drv");
		odd_word = l->sel;
		l->sel = "*";
	}
	where = rnd(3);		/* before IFACE, after it, after a CHANGE */
	if (rnd(4) == 0)
		blank();
	if (l->ndrv && !where)
		for (i = 0; i < (unsigned int)l->ndrv; i++) {
			put("--driver");
			blank();
			put("%s", l->drv[i]);
			blank();
		}
	put("%s%s", odd_word ? odd_word : l->literal ? esc_word(l->sel) : l->sel,
	    odd_word ? "" : !pat(l) && !is_odd(l->sel) && !rnd(8) ? ":" : "");
	if (l->ndrv && where == 1)
		for (i = 0; i < (unsigned int)l->ndrv; i++) {
			blank();
			put("--driver");
			blank();
			put("%s", l->drv[i]);
		}
	n = 1 + rnd(3);
	badat = rnd(n);
	for (i = 0; i < n; i++) {
		blank();
		if (bad && i == badat)
			put("%s", bad_word());
		else
			change_word(l);
		if (l->ndrv && where == 2 && !i) {
			unsigned int d;

			for (d = 0; d < (unsigned int)l->ndrv; d++) {
				blank();
				put("--driver");
				blank();
				put("%s", l->drv[d]);
			}
		}
	}
	if (!rnd(8)) {
		blank();
		put("(changed)");
		if (rnd(2))
			put(" +bogus 010 #");
	}
	if (!rnd(8))
		blank();
}

/* ---- the files ---------------------------------------------------- */

static char paths[FILES_MAX + 1][64];
/* The file given as --config -, read from standard input (or -1). */
static int stdin_file = -1;

/* File @k as messages name it. */
static const char *shown(int k)
{
	return k == stdin_file ? "<stdin>" : paths[k];
}
static int npaths;
static int missing = -1;	/* the --config file that is not there */
static int badline = -1;	/* the invalid line */
static bool any_line;
/*
 * The invalid line is a JSON object: its line may be where the parser
 * found the error (BATCH), so only the file is checked.
 */
static bool bad_json;

/*
 * A file of -j's JSON (BATCH in netifmsg(8)): an array on one line, or
 * objects one a line, or each over several lines as jq prints them.
 * Each object is the line "IFACE 0xMASK", IFACE never a pattern; its
 * line is the one it starts on, in an array its place (from 1).
 */
static void make_json(int k, bool bad, const char *start)
{
	static const char *const bad_objects[] = {
		"{\"ifname\":\"eth0\"}",
		"{\"ifname\":\"eth0\",\"msg_enable\":5.0}",
		"{\"ifname\":\"eth0\",\"msg_enable\":65536}",
		"{\"ifname\":\"eth0\",\"msg_enable\":-1}",
		"{\"ifname\":\"eth0\",\"msg_enable\":1,\"msg_enable\":2}",
		"{\"ifname\":\"a/b\",\"msg_enable\":1}",
		"{\"ifname\":\"eth0\",\"msg_enable\":\"1\"}",
		"{\"msg_enable\":1}",
		"{\"ifname\":\"eth0\",\"msg_enable\":1",
	};
	unsigned int form = rnd(3), n = rnd(5), i;
	int badat = bad ? (int)rnd(n + 1) : -1;

	if (form == 0)
		put("[");
	for (i = 0; i <= n; i++) {
		struct line *l = &lines[nlines];
		const char *name = "eth0", *p;
		uint32_t mask = rnd(LOW + 1);
		int lineno = 1;

		if (i == n && badat != (int)i)
			break;
		if (nlines >= LINES_MAX)
			break;
		if (form == 0 && i)
			put(",");
		for (p = start; p < lp; p++)
			lineno += *p == '\n';
		if (badat == (int)i) {
			unsigned int o;

			do	/* 65536 is bits 15 to 31: over netlink only */
				o = rnd(sizeof(bad_objects) /
					sizeof(bad_objects[0]));
			while (ioctl_mode && o == 2);
			put("%s", bad_objects[o]);
			badline = nlines;
			bad_json = true;
		} else {
			unsigned int a = rnd(8);

			name = a < 5 ? f.ifs[rnd((unsigned int)nifs)].name :
			       /* an ifname has at most 15 bytes (BATCH) */
			       a < 6 ? alt_names[rnd(2)] :
			       a < 7 ? ghosts[rnd(3)] : "tap*";
			if (form == 2)
				put("{\n  \"ifname\": \"%s\",\n  \"msg_enable\": %u%s\n}",
				    esc_json(name), mask, rnd(2) ? ",\n  \"ifindex\": 7" : "");
			else
				put("{\"ifname\":\"%s\",%s\"msg_enable\":%u%s}",
				    esc_json(name), rnd(2) ? "\"ifindex\":3," : "", mask,
				    rnd(2) ? ",\"classes\":[\"drv\"],\"changed\":true" : "");
		}
		memset(l, 0, sizeof(*l));
		l->file = k + 1;
		l->lineno = form == 0 ? (int)i + 1 : lineno;
		l->sel = name;
		l->literal = true;
		l->abs = true;
		l->av = mask;
		snprintf(l->text, sizeof(l->text), "(JSON)");
		nlines++;
		any_line = true;
		if (form) {
			put("\n");
			if (form == 2 && rnd(2))
				put("\n");
		}
	}
	if (form == 0)
		put("]\n");
}

/* A line ends with a newline, a carriage return before it a blank. */
static bool crlf;

static const char *eol(void)
{
	return crlf ? "\r\n" : "\n";
}

static void make_files(unsigned long long seed)
{
	static char buf[8192];
	int k, i, n, nf = 1 + (int)rnd(FILES_MAX);
	bool bad = !rnd(12);
	FILE *fp;

	nlines = 0;
	npaths = 0;
	missing = badline = -1;
	any_line = bad_json = false;
	if (!rnd(20))
		missing = (int)rnd((unsigned int)nf);
	for (k = 0; k < nf; k++) {
		snprintf(paths[k], sizeof(paths[k]), "%s/s%llu-%d.conf", dir,
			 seed, k);
		npaths++;
		if (k == missing) {
			add(&story, "--config %s: not there\n", paths[k]);
			continue;
		}
		buf[0] = '\0';
		lp = buf;
		lleft = sizeof(buf);
		crlf = !rnd(8);
		if (!rnd(10))
			put("\xef\xbb\xbf");	/* a byte-order mark, skipped */
		if (!rnd(6)) {
			make_json(k, bad && missing < 0 && badline < 0 && !rnd(2),
				  buf);
			goto write;
		}
		n = (int)rnd(6);
		if (!rnd(6))
			n = 0;
		for (i = 1; nlines < LINES_MAX && i <= n + 3; i++) {
			unsigned int kind = rnd(10);
			char *start = lp;

			if (i > n) {
				/* a comment or blank line after the last, or not */
				if (rnd(3))
					break;
				kind = 0;
			}
			if (kind == 0) {
				put("%s", rnd(2) ? "# a comment +bogus" :
					  rnd(2) ? "" : "   #");
				put("%s", eol());
				continue;
			}
			if (kind == 1) {
				put("%s%s", rnd(2) ? "" : " \t", eol());
				continue;
			}
			if (bad && missing < 0 && badline < 0 && !rnd(3))
				badline = nlines;
			make_line(&lines[nlines], badline == nlines);
			lines[nlines].file = k + 1;
			lines[nlines].lineno = i;
			snprintf(lines[nlines].text, sizeof(lines[0].text),
				 "%s", start);
			put("%s", eol());
			nlines++;
			any_line = true;
		}
write:
		fp = fopen(paths[k], "w");
		ck_assert_ptr_nonnull(fp);
		fputs(buf, fp);
		ck_assert_int_eq(fclose(fp), 0);
		add(&story, "--config %s:\n%s", paths[k], buf);
	}
	/* The first file given again: its lines are read again. */
	if (!rnd(10) && badline < 0) {
		int end = nlines;

		memcpy(paths[npaths++], paths[0], sizeof(paths[0]));
		for (i = 0; i < end && nlines < LINES_MAX; i++)
			if (lines[i].file == 1)
				lines[nlines++] = lines[i];
		add(&story, "(and %s again)\n", paths[0]);
	}
	stdin_file = -1;
	if (npaths == nf && !rnd(8)) {
		stdin_file = (int)rnd((unsigned int)nf);
		if (stdin_file == missing)
			stdin_file = -1;
		else
			add(&story, "(%s given as --config -)\n", paths[stdin_file]);
	}
}

/* ---- the model ---------------------------------------------------- */

enum mode { ALL, IFACE, IFINDEX, DRIVER };

static enum mode mode;
static const char *iface;	/* IFACE, or NULL */
static unsigned int ifindex;	/* --ifindex N */
static const char *cdriver;	/* the command line's --driver */
static const char *cdriver2;	/* and another, or NULL */
static bool too_many;		/* 17 --config: a usage error */
static bool bad_cmd;		/* another usage error of the command line */
static bool colon;		/* IFACE with a trailing ':' */
static bool iface_lit;		/* IFACE an interface's name, escaped */

static bool names_lit(const struct fake_iface *fi, const char *sel,
		      bool literal)
{
	/* Over the ioctl, a name longer than 15 bytes names nothing. */
	if (ioctl_mode && strlen(sel) > 15)
		return false;
	if (literal)
		return !strcmp(sel, fi->name) ||
		       (fi->altname && !strcmp(sel, fi->altname));
	if (is_odd(sel))
		return false;
	if (is_pattern(sel))	/* patterns match names only */
		return !fnmatch(sel, fi->name, 0);
	return !strcmp(sel, fi->name) ||
	       (fi->altname && !strcmp(sel, fi->altname));
}

static const char *driver_of(const struct fake_iface *fi)
{
	return fi->driver ? fi->driver : "tun";
}

static bool selects(const struct line *l, int x)
{
	const struct fake_iface *fi = &f.ifs[x];
	int i;

	if (fi->no_level || !names_lit(fi, l->sel, l->literal))
		return false;
	if (!l->ndrv)
		return true;
	for (i = 0; i < l->ndrv; i++)
		if (!strcmp(l->drv[i], driver_of(fi)))
			return true;
	return false;
}

/* Whether the run considers interface @x (netifmsg.conf(5), APPLYING). */
static bool considered(int x)
{
	const struct fake_iface *fi = &f.ifs[x];

	if (fi->no_level)
		return false;
	switch (mode) {
	case ALL:
		return true;
	case IFACE:
		return names_lit(fi, iface, iface_lit);
	case IFINDEX:
		return fi->ifindex == ifindex;
	case DRIVER:
		return (!strcmp(driver_of(fi), cdriver) ||
			(cdriver2 && !strcmp(driver_of(fi), cdriver2))) &&
		       (!iface || names_lit(fi, iface, iface_lit));
	}
	return false;
}

/*
 * Interface @x's mask after every line that selects it, in order, from
 * @mask; *@sel: whether any did.
 */
static uint32_t computed(int x, uint32_t mask, bool *sel)
{
	int i;

	*sel = false;
	for (i = 0; i < nlines; i++) {
		const struct line *l = &lines[i];
		uint32_t a;

		if (!selects(l, x))
			continue;
		*sel = true;
		if (l->abs) {
			/* the OR of the absolute words, the relative on top */
			a = (l->av & ~l->rm) | (l->rv & l->rm);
			mask = (mask & ~settable) | (a & settable);
		} else {
			mask = (mask & ~l->rm) | (l->rv & l->rm);
		}
	}
	return mask;
}

static const char *num(int k)
{
	static char buf[4][8];
	static unsigned int i;
	char *s = buf[i++ % 4];

	snprintf(s, 8, "%d", k);
	return s;
}

static void state(char *s, size_t size, uint32_t mask)
{
	size_t len = 0;
	int k;

	if (!mask) {
		snprintf(s, size, "none");
		return;
	}
	s[0] = '\0';
	for (k = 0; k < 32; k++)
		if (mask & (1u << k))
			len += (size_t)snprintf(s + len, size - len, "%s%s%s",
						len ? " " : "",
						k < 15 ? classes[k] : "bit",
						k < 15 ? "" : num(k));
}

/* Interface @x's object of -j, a comma after it. */
static size_t json(char *s, size_t size, int x, uint32_t mask, bool changed)
{
	size_t len;
	int k;

	len = (size_t)snprintf(s, size,
			       "{\"ifname\":\"%s\",\"ifindex\":%u,\"msg_enable\":%u,\"classes\":[",
			       esc_json(f.ifs[x].name), f.ifs[x].ifindex, mask);
	for (k = 0; k < 32; k++)
		if (mask & (1u << k))
			len += (size_t)snprintf(s + len, size - len, "%s\"%s%s\"",
						s[len - 1] == '[' ? "" : ",",
						k < 15 ? classes[k] : "bit",
						k < 15 ? "" : num(k));
	len += (size_t)snprintf(s + len, size - len, "],\"changed\":%s},",
				changed ? "true" : "false");
	return len;
}

/* ---- one seed ------------------------------------------------------ */

static char flag[4];		/* "", "-v", "-x", "-N", "-j", "-q", "-vx", ... */

/* Whether the run's options have @c. */
static bool has(char c)
{
	return strchr(flag, c) != NULL;
}

/* -v alone: the text of the state with (changed) */
static bool verbose_text(void)
{
	return has('v') && !has('x') && !has('N') && !has('j');
}
static char *argv[64];
static int argc;
static char ifindex_word[16];
static char iface_colon[64];

static void make_world(void)
{
	static const char *picked[FAKE_IFACES_MAX];
	int x, k, n = 2 + (int)rnd(6), nalt = 0, alt0 = (int)rnd(3);
	const char *name;

	memset(&f, 0, sizeof(f));
	nifs = 0;
	ioctl_mode = !rnd(4);
	settable = ioctl_mode ? UINT32_MAX : LOW;
	if (ioctl_mode)
		add(&story, "over the ioctl\n");
	for (x = 0; x < n; x++) {
		struct fake_iface *fi;

		do {
			name = if_names[rnd(rnd(3) ? 7 : NAMES)];
			for (k = 0; k < x && strcmp(picked[k], name); k++)
				;
		} while (k < x);
		picked[x] = name;
		fi = fake_add(&f, name, (rnd(3) ? rnd(LOW + 1) : rnd(2) ? 0 : 0x7) |
				   high());
		fi->driver = drivers[rnd(3)];
		fi->no_level = !rnd(5);
		if (nalt < 3 && !rnd(5))
			fi->altname = alt_names[(alt0 + nalt++) % 3];
		before[x] = fi->mask;
		nifs++;
		add(&story, "%s: index %u, driver %s, %s0x%08x%s%s\n", fi->name,
		    fi->ifindex, fi->driver,
		    fi->no_level ? "no message level, " : "", fi->mask,
		    fi->altname ? ", altname " : "",
		    fi->altname ? fi->altname : "");
	}
	if (!rnd(8)) {
		x = (int)rnd((unsigned int)nifs);
		f.ifs[x].set_error = -EPERM;
		add(&story, "%s: its sets fail with EPERM\n", f.ifs[x].name);
	}
	/* Dumps done again, up to three in all (NETLINK NOTES): no trace. */
	if (!rnd(8)) {
		if (rnd(2))
			f.dumps_intr = 1 + rnd(2);
		else
			f.dumps_enodev = 1 + rnd(2);
		add(&story, "the first %u dumps are cut short\n",
		    f.dumps_intr + f.dumps_enodev);
	}
	if (ioctl_mode)
		fake_open_ioctl(&b, &f);
	else
		fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
	broke = sets_broke = false;
	if (!rnd(12)) {
		f.run_answers = 1 + rnd(3);
		f.unsent = rnd(2);
		add(&story, "a run breaks off after %u answers (%u unsent)\n",
		    f.run_answers, f.unsent);
	}
	real = b.ops;
	hooked = *real;
	hooked.run = hooked_run;
	b.ops = &hooked;
}

/* The command line modifies its words: each run gets them afresh. */
static char args[64][128];
static char *saved_argv[64];

static void save_args(void)
{
	int k;

	for (k = 0; k < argc; k++)
		saved_argv[k] = argv[k];
}

static void fresh_args(void)
{
	int k;

	for (k = 0; k < argc; k++) {
		snprintf(args[k], sizeof(args[k]), "%s", saved_argv[k]);
		argv[k] = args[k];
	}
}

static void make_invocation(void)
{
	static const char *const flags[] = {
		"", "-v", "-v", "-x", "-N", "-j", "-q", "-vx", "-vN", "-jv",
	};
	unsigned int a = rnd(20);
	int k, iface_at;

	argc = 0;
	iface = cdriver = cdriver2 = NULL;
	iface_lit = false;
	too_many = !rnd(50);
	colon = false;
	ifindex = 0;
	mode = a < 10 ? ALL : a < 15 ? IFACE : a < 18 ? IFINDEX : DRIVER;
	if (mode == IFACE || (mode == DRIVER && rnd(2))) {
		unsigned int w = rnd(8);

		iface_lit = w < 5;
		if (w < 4)
			iface = f.ifs[rnd((unsigned int)nifs)].name;
		else if (w < 5)
			iface = f.ifs[0].altname ? f.ifs[0].altname :
				alt_names[rnd(3)];
		else if (w < 6)
			iface = ghosts[rnd(3)];
		else
			iface = patterns[rnd(sizeof(patterns) /
					     sizeof(patterns[0]))];
	}
	if (mode == IFINDEX) {
		ifindex = rnd(5) ? 1 + rnd((unsigned int)nifs) : 42;
		snprintf(ifindex_word, sizeof(ifindex_word), "%u", ifindex);
	}
	if (mode == DRIVER) {
		cdriver = drivers[rnd(3)];
		if (!rnd(3))
			cdriver2 = drivers[(unsigned int)(strchr("tie", cdriver[0]) -
					   "tie" + 1 + rnd(2)) % 3];
	}
	if (iface && (iface_lit || !is_pattern(iface)) && !rnd(6)) {
		snprintf(iface_colon, sizeof(iface_colon), "%s:", esc_word(iface));
		colon = true;
	} else if (iface_lit) {
		snprintf(iface_colon, sizeof(iface_colon), "%s", esc_word(iface));
	}
	snprintf(flag, sizeof(flag), "%s", flags[rnd(10)]);
	if (flag[0])
		argv[argc++] = flag;
	argv[argc++] = (char *)"--apply";
	iface_at = rnd(2);
	if (iface_at && iface)
		argv[argc++] = colon || iface_lit ? iface_colon : (char *)iface;
	if (cdriver) {
		argv[argc++] = (char *)"--driver";
		argv[argc++] = (char *)cdriver;
	}
	if (cdriver2) {
		argv[argc++] = (char *)"--driver";
		argv[argc++] = (char *)cdriver2;
	}
	for (k = 0; k < (too_many ? 17 : npaths); k++) {
		argv[argc++] = (char *)"--config";
		/* once: "--config - given twice" would be said first */
		argv[argc++] = k == stdin_file ? (char *)"-" :
			       paths[k % npaths];
	}
	if (!iface_at && iface)
		argv[argc++] = colon || iface_lit ? iface_colon : (char *)iface;
	if (mode == IFINDEX) {
		argv[argc++] = (char *)"--ifindex";
		argv[argc++] = ifindex_word;
	}
	/* A usage error of the command line (OPTIONS, DIAGNOSTICS). */
	bad_cmd = !rnd(40);
	if (bad_cmd) {
		static const char *const bad[][3] = {
			{ "--ifindex", "0" }, { "--ifindex", "x" },
			{ "--ifindex", "-1" }, { "eth0", "+link" },
			{ "tap0", "tap1" }, { "--from-level", "3" },
			{ "--level-map", "exact" }, { "--ifindex", "3", "tap0" },
			{ "--ifindex", "3", "--driver" }, { "--config" },
			{ "--monitor" }, { "-q", "-v" },
		};
		const char *const *w = bad[rnd(sizeof(bad) / sizeof(bad[0]))];

		for (k = 0; k < 3 && w[k]; k++)
			argv[argc++] = (char *)w[k];
		if (!strcmp(argv[argc - 1], "--driver"))
			argv[argc++] = (char *)"tun";
	}
	add(&story, "netifmsg");
	for (k = 0; k < argc; k++)
		add(&story, " %s", argv[k]);
	save_args();
	add(&story, "\n");
}

/* Standard error's line that starts with @pfx, or NULL. */
static const char *err_line(const char *pfx)
{
	const char *p;
	size_t n = strlen(pfx);

	for (p = err; *p; p = strchr(p, '\n') + 1) {
		if (!strncmp(p, pfx, n))
			return p;
		if (!strchr(p, '\n'))
			break;
	}
	return NULL;
}

static bool has_line(const char *line)
{
	const char *p = err_line(line);

	return p && p[strlen(line)] == '\n';
}

/*
 * A rename after the dump, before the sets (RENAMES in netifmsg(8),
 * APPLYING in netifmsg.conf(5)): interface @x goes away (GONE), or is
 * renamed (AWAY), or is renamed and @y, renamed, takes its name (TAKEN).
 * One gone or renamed is left alone, no failure; one whose name another
 * took fails, and that other never gets its change.  Only where no line
 * and no option has --driver (whose reads after the dump see renames and
 * read everything again) and for interfaces without an alternative name
 * (a DEBUG_GET of a line's name may come after the dump); never with -j.
 */
static struct {
	enum { NONE, GONE, AWAY, TAKEN } kind;
	int x, y;
	const char *xname, *yname;
	bool fired;
	bool x_gone, y_gone;	/* had a set to make when it went */
} ev;

/* Line @p of standard error: the failure of an interface whose name was taken. */
static bool taken_failure(const char *p)
{
	char pfx[64];

	if (!ev.fired || ev.kind != TAKEN)
		return false;
	snprintf(pfx, sizeof(pfx), "netifmsg: %s: ", esc_err(ev.xname));
	if (!strncmp(p, pfx, strlen(pfx)))
		return true;
	return !strncmp(p, "netifmsg: ren0: ", 16);
}


/*
 * The notes of a pattern IFACE or --driver (DIAGNOSTICS, Notes): where
 * lines are for some of the interfaces it selects, each of the others by
 * name; where it selects none, or lines are for none, one note of the
 * selection (the page gives the words of --driver's; a pattern's "no
 * configuration line" note for all of them, it leaves open).
 */
static void some_notes(void)
{
	char want[512], d[128];
	int x, ncons = 0, nsel = 0;
	bool sel;
	const char *show = iface ? colon ? NULL : iface_lit ? esc_err(iface) :
		iface : NULL;

	/* An alternative name: the interface's name (INTERFACES). */
	for (x = 0; show && x < nifs; x++)
		if (f.ifs[x].altname && !strcmp(f.ifs[x].altname, iface) &&
		    !f.ifs[x].no_level && !(ioctl_mode && strlen(iface) > 15))
			show = esc_err(f.ifs[x].name);
	/*
	 * '*' is what no IFACE means with --driver: whether its notes name
	 * it, the page leaves open.
	 */
	if (show && !strcmp(show, "*"))
		show = NULL;
	snprintf(d, sizeof(d), "%s%s", cdriver ? cdriver : "",
		 cdriver2 ? " (or the others given)" : "");
	for (x = 0; x < nifs; x++)
		if (considered(x)) {
			ncons++;
			computed(x, before[x], &sel);
			nsel += sel;
		}
	want[0] = '\0';
	if (ioctl_mode && iface && strlen(iface) > 15)
		snprintf(want, sizeof(want),
			 "netifmsg: %s: note: no such network interface: the ioctl takes names of at most 15 bytes",
			 iface);
	else if (!ncons && iface && show)
		snprintf(want, sizeof(want), cdriver ?
			 "netifmsg: %s: note: no interface with a message level of driver %s matches it now" :
			 "netifmsg: %s: note: no interface with a message level matches it now",
			 show, d);
	else if (!ncons && !iface)
		snprintf(want, sizeof(want),
			 "netifmsg: note: no interface with a message level has driver %s now",
			 d);
	else if (ncons && !nsel && cdriver && iface && show)
		snprintf(want, sizeof(want),
			 "netifmsg: %s: note: no configuration line for an interface with a message level of driver %s",
			 show, d);
	else if (ncons && !nsel && cdriver && !iface)
		snprintf(want, sizeof(want),
			 "netifmsg: note: no configuration line for an interface with a message level of driver %s",
			 d);
	if (want[0] && !has_line(want))
		add(&wrong, "not said: %s\n", want);
	if (!ncons || !nsel)
		return;
	for (x = 0; x < nifs; x++)
		if (considered(x) && (computed(x, before[x], &sel), !sel)) {
			snprintf(want, sizeof(want),
				 "netifmsg: %s: note: no configuration line for it",
				 esc_err(f.ifs[x].name));
			if (!has_line(want))
				add(&wrong, "not said: %s\n", want);
		}
}

/* The notes of a run with -v that broke off nowhere. */
static void check_notes(void)
{
	char pfx[256], want[512];
	const char *p, *nl;
	int i, x, nsel;
	bool cut = false;

	/* Every line a note, or the failure of a set. */
	for (p = err; *p; p = nl + 1) {
		bool ok = strstr(p, ": note: ") &&
			  strstr(p, ": note: ") < strchr(p, '\n');

		nl = strchr(p, '\n');
		if (!nl)
			break;
		for (x = 0; x < nifs && !ok; x++) {
			snprintf(pfx, sizeof(pfx), "netifmsg: %s: ",
				 esc_err(f.ifs[x].name));
			ok = f.ifs[x].set_error && !strncmp(p, pfx, strlen(pfx));
		ok = ok || taken_failure(p);
		}
		if (!ok)
			add(&wrong, "standard error holds neither a note nor a set's failure: %.*s\n",
			    (int)(nl - p), p);
	}
	if (!any_line &&
	    !has_line("netifmsg: note: no configuration line in the --config files"))
		add(&wrong, "no configuration line, yet not said so\n");
	if (mode != ALL) {
		if (strstr(err, "selects no interface now"))
			add(&wrong, "\"selects no interface now\" in a run that considers only some\n");
	} else {
		for (i = 0; i < nlines; i++) {
			const struct line *l = &lines[i];
			const struct fake_iface *named = NULL;

			for (nsel = 0, x = 0; x < nifs; x++) {
				nsel += selects(l, x);
				if (!pat(l) && names_lit(&f.ifs[x], l->sel, l->literal))
					named = &f.ifs[x];
			}
			snprintf(pfx, sizeof(pfx), "netifmsg: %s:%d: ",
				 shown(l->file - 1), l->lineno);
			if (nsel) {
				/*
				 * A pattern with --driver may name each
				 * interface it left out (not pinned down).
				 */
				if (err_line(pfx) && !(l->ndrv && pat(l)))
					add(&wrong, "a note for line %s:%d, which selects %d interfaces\n",
					    shown(l->file - 1), l->lineno, nsel);
				continue;
			}
			/*
			 * A name the dump lacks is read after it or before:
			 * one renamed meanwhile may be there or not.
			 */
			if (pat(l) || (ev.fired && (!strcmp(l->sel, ev.xname) ||
						    !strcmp(l->sel, ev.yname)))) {
				if (!err_line(pfx))
					add(&wrong, "line %s:%d selects nothing, yet no note\n",
					    shown(l->file - 1), l->lineno);
				continue;
			}
			if (is_odd(l->sel) && !l->literal)
				snprintf(want, sizeof(want),
					 "%s%s: note: selects no interface now (%s)",
					 pfx, l->sel, strchr("'\"", l->sel[0]) ?
					 "quotes in a line are part of the name" :
					 "IFACE comes first on a line");
			else if (ioctl_mode && strlen(l->sel) > 15)
				cut = snprintf(want, sizeof(want),
					       "%s%s: note: no such network interface: the ioctl takes names of at most 15 bytes",
					       pfx, l->sel) >= (int)sizeof(want);
			else if (!named)
				snprintf(want, sizeof(want),
					 "%snote: selects no interface now (normal for one not there yet)",
					 pfx);
			else if (named->no_level)
				/*
				 * Named as given: nothing was read about it
				 * (INTERFACES), also by an alternative name.
				 */
				snprintf(want, sizeof(want),
					 "%s%s: note: the driver has no message level",
					 pfx, esc_err(l->sel));
			else
				snprintf(want, sizeof(want),
					 "%s%s: note: not of driver %s%s", pfx,
					 esc_err(named->name), l->drv[0],
					 l->ndrv > 1 ? " (or the others given)" : "");
			if (cut)
				add(&wrong, "the model's note is cut short\n");
			if (!has_line(want))
				add(&wrong, "not said: %s\n", want);
		}
	}
	for (x = 0; x < 2; x++) {
		const char *name = x ? ev.yname : ev.xname;

		if (!(x ? ev.y_gone : ev.x_gone))
			continue;
		snprintf(want, sizeof(want),
			 "netifmsg: %s: note: went away meanwhile: not set",
			 esc_err(name));
		if (!has_line(want))
			add(&wrong, "not said: %s\n", want);
	}
	/*
	 * Files that hold no line: the note that names them is what the
	 * page promises; whether IFACE's or --ifindex's own is said too, it
	 * leaves open.
	 */
	if (!any_line)
		return;
	if (mode == IFACE && (iface_lit || !is_pattern(iface)) && !colon) {
		const struct fake_iface *named = NULL;
		bool sel = false;

		for (x = 0; x < nifs; x++)
			if (considered(x)) {
				named = &f.ifs[x];
				computed(x, before[x], &sel);
			}
		if (ioctl_mode && strlen(iface) > 15)
			snprintf(want, sizeof(want),
				 "netifmsg: %s: note: no such network interface: the ioctl takes names of at most 15 bytes",
				 esc_err(iface));
		else if (!named)
			snprintf(want, sizeof(want),
				 "netifmsg: %s: note: no interface with a message level matches it now",
				 esc_err(iface));
		else if (!sel && !strcmp(named->name, iface))
			snprintf(want, sizeof(want),
				 "netifmsg: %s: note: no configuration line for it",
				 esc_err(iface));
		else
			want[0] = '\0';
		if (want[0] && !has_line(want))
			add(&wrong, "not said: %s\n", want);
	}
	if ((mode == IFACE && !iface_lit && is_pattern(iface)) ||
	    mode == DRIVER)
		some_notes();
	if (mode == IFINDEX) {
		bool sel = false;

		for (x = 0; x < nifs && !considered(x); x++)
			;
		if (x == nifs)
			snprintf(want, sizeof(want),
				 "netifmsg: note: no interface with a message level has index %u now",
				 ifindex);
		else if (computed(x, before[x], &sel), !sel)
			snprintf(want, sizeof(want),
				 "netifmsg: note: no configuration line for the interface of index %u",
				 ifindex);
		else
			want[0] = '\0';
		if (want[0] && !has_line(want))
			add(&wrong, "not said: %s\n", want);
	}
}


static void dumped(struct fake *fk)
{
	if (fk->dumps <= fk->dumps_intr || ev.fired)
		return;
	ev.fired = true;
	fk->ifs[ev.x].name = ev.kind == GONE ? "gone0" : "ren0";
	fk->ifs[ev.x].index_gone = ev.kind == GONE;
	if (ev.kind == TAKEN)
		fk->ifs[ev.y].name = ev.xname;
}

static void make_event(void)
{
	static const char *const kinds[] = { "", "goes away", "is renamed",
					     "is renamed, its name taken" };
	int i, x, y;

	ev.kind = NONE;
	ev.fired = ev.x_gone = ev.y_gone = false;
	if (!no_drivers || rnd(2) || cdriver || has('j') || f.run_answers)
		return;
	for (i = 0; i < nlines; i++)
		if (lines[i].ndrv)
			return;
	x = (int)rnd((unsigned int)nifs);
	y = (int)rnd((unsigned int)nifs);
	if (f.ifs[x].no_level || f.ifs[x].altname || f.ifs[y].altname)
		return;
	ev.kind = 1 + rnd(3);
	if (ev.kind == TAKEN && x == y)
		ev.kind = AWAY;
	ev.x = x;
	ev.y = y;
	ev.xname = f.ifs[x].name;
	ev.yname = f.ifs[y].name;
	f.dumped = dumped;
	add(&story, "after the dump, %s %s%s%s\n", ev.xname, kinds[ev.kind],
	    ev.kind == TAKEN ? " by " : "", ev.kind == TAKEN ? ev.yname : "");
}

/* What the run prints of interface @x, now @mask. */
static size_t out_line(char *s, size_t size, int x, uint32_t mask)
{
	const char *name = esc_word(f.ifs[x].name);
	bool changed = mask != before[x];
	char st[256];

	state(st, sizeof(st), mask);
	s[0] = '\0';
	/* -x and -N, with -v or without, print them alone (OUTPUT) */
	if (verbose_text())
		return (size_t)snprintf(s, size, "%s: 0x%08x %s (%s)\n", name,
					mask, st, changed ? "changed" : "unchanged");
	if (has('x'))
		return (size_t)snprintf(s, size, "%s: 0x%08x\n", name, mask);
	if (has('j'))
		return json(s, size, x, mask, changed);
	if (has('N'))
		return (size_t)snprintf(s, size, "%s: %s\n", name, st);
	return 0;
}

/* Standard input is the file of --config - (or /dev/null's). */
static void feed_stdin(void)
{
	int fd;

	if (stdin_file < 0)
		return;
	fd = open(paths[stdin_file], O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	/* A process reads it once: this one again, from its start. */
	clearerr(stdin);
}

/*
 * A run broke off (exit status @ret): each mask is the one before or the
 * one computed; what is printed is what would be, less some interfaces,
 * and an interface printed with a set to make has had it made.
 */
static void check_broken(int ret, const uint32_t *want, const char *want_out)
{
	const char *p = out, *q, *nl;
	char pfx[128];
	int x;

	if (ret != 1)
		add(&wrong, "a run broke off, yet exit status %d\n", ret);
	if (!err[0])
		add(&wrong, "a run broke off, yet nothing said\n");
	for (x = 0; x < nifs; x++)
		if (f.ifs[x].mask != before[x] && f.ifs[x].mask != want[x])
			add(&wrong, "%s: 0x%08x, neither 0x%08x nor 0x%08x\n",
			    f.ifs[x].name, f.ifs[x].mask, before[x], want[x]);
	if (has('j')) {
		if (out[0] != '[' || !strstr(out, "]\n"))
			add(&wrong, "-j printed no array: %s\n", out);
		return;
	}
	/* Its lines, in order, each one of those expected. */
	for (q = want_out; *p; p = nl + 1) {
		size_t len;

		nl = strchr(p, '\n');
		if (!nl)
			break;
		len = (size_t)(nl - p + 1);
		while (*q && strncmp(q, p, len))
			q = strchr(q, '\n') + 1;
		if (!*q) {
			add(&wrong, "printed, and not as expected: %.*s", (int)len, p);
			return;
		}
		q += len;
		for (x = 0; x < nifs; x++) {
			snprintf(pfx, sizeof(pfx), "%s: ", esc_word(f.ifs[x].name));
			if (!strncmp(p, pfx, strlen(pfx)) && want[x] != before[x] &&
			    f.ifs[x].mask != want[x])
				add(&wrong, "%s printed, yet its set not made\n",
				    f.ifs[x].name);
		}
	}
}

static bool one_seed(unsigned long long seed, bool tell)
{
	static char want_out[CAPTURE_MAX], maybe[256];
	size_t maybe_at;
	char pfx[300];
	uint32_t want[FAKE_IFACES_MAX];
	int x, ret, got, want_ret = 0, k;
	unsigned int enodev = 0;	/* the fake cuts a dump after a level */
	unsigned int nsets = 0, sets;
	size_t len = 0;

	model_seed(seed);
	story.n = wrong.n = 0;
	story.s[0] = wrong.s[0] = '\0';
	make_world();
	no_drivers = !rnd(3);
	make_files(seed);
	make_invocation();
	make_event();

	want_out[0] = '\0';
	maybe[0] = '\0';
	maybe_at = 0;
	for (x = 0; x < nifs; x++) {
		bool sel = false;

		want[x] = before[x];
		if (!considered(x))
			continue;
		want[x] = computed(x, before[x], &sel);
		if (!sel)
			continue;
		if (want[x] != before[x] && ev.kind &&
		    (x == ev.x || (ev.kind == TAKEN && x == ev.y))) {
			/* Its set goes nowhere: gone, or a failure. */
			want[x] = before[x];
			if (ev.kind == TAKEN && x == ev.x) {
				want_ret = 1;
				continue;
			}
			/* Gone: whether it is printed, the pages leave open. */
			maybe_at = len;
			out_line(maybe, sizeof(maybe), x, computed(x, before[x], &sel));
			*(x == ev.x ? &ev.x_gone : &ev.y_gone) = true;
			continue;
		}
		if (want[x] != before[x]) {
			nsets++;
			if (f.ifs[x].set_error) {
				want[x] = before[x];
				want_ret = 1;
				continue;	/* not printed */
			}
		}
		len += out_line(want_out + len, sizeof(want_out) - len, x,
				want[x]);
	}
	if (missing >= 0 || badline >= 0 || too_many || bad_cmd) {
		/* Nothing changed, nothing printed, no set sent. */
		for (x = 0; x < nifs; x++)
			want[x] = before[x];
		want_out[0] = '\0';
		nsets = 0;
		want_ret = missing >= 0 && !too_many && !bad_cmd ? 1 : 2;
	}
	/*
	 * -j: one array always, but for a usage error (OUTPUT, JSON).  The
	 * empty array of a file that cannot be read is main()'s, which
	 * fake_command() does not run: nothing then.
	 */
	if (has('j') && want_ret != 2 && missing < 0) {
		memmove(want_out + 1, want_out, strlen(want_out) + 1);
		want_out[0] = '[';
		len = strlen(want_out);
		if (want_out[len - 1] == ',')
			len--;
		snprintf(want_out + len, sizeof(want_out) - len, "]\n");
	}

	for (x = 0; x < nifs; x++)
		if (!f.ifs[x].no_level)
			enodev = f.dumps_enodev;
	fresh_args();
	feed_stdin();
	ret = fake_command(&b, argc, argv, out, err, CAPTURE_MAX);
	ret = !ret ? 0 : ret == -EINVAL ? 2 : 1;
	got = ret;
	sets = f.sets;
	/* The checks below are of the names the run read. */
	if (ev.fired) {
		f.ifs[ev.x].name = ev.xname;
		f.ifs[ev.x].index_gone = false;
		if (ev.kind == TAKEN)
			f.ifs[ev.y].name = ev.yname;
	}

	if (broke) {
		check_broken(ret, want, want_out);
		goto done;
	}
	if (ret != want_ret)
		add(&wrong, "exit status %d, not %d\n", ret, want_ret);
	/* A line of the gone one, where it is expected: dropped. */
	if (maybe[0] && !strncmp(out + maybe_at, maybe, strlen(maybe)) &&
	    !strncmp(out, want_out, maybe_at))
		memmove(out + maybe_at, out + maybe_at + strlen(maybe),
			strlen(out + maybe_at + strlen(maybe)) + 1);
	if (strcmp(out, want_out))
		add(&wrong, "standard output:\n%s--- not:\n%s---\n", out, want_out);
	for (x = 0; x < nifs; x++)
		if (f.ifs[x].mask != want[x])
			add(&wrong, "%s: 0x%08x, not 0x%08x\n", f.ifs[x].name,
			    f.ifs[x].mask, want[x]);
	/*
	 * The lines are all read and checked first, then one dump (done
	 * again where it was cut short) over every interface (APPLYING).
	 */
	if (want_ret == 2 || missing >= 0) {
		if (f.dumps)
			add(&wrong, "%u dumps, before a refusal\n", f.dumps);
	} else if (mode == ALL && any_line &&	/* none: nothing to read */
		   f.dumps != 1 + f.dumps_intr + enodev) {
		add(&wrong, "%u dumps, not %u\n", f.dumps,
		    1 + f.dumps_intr + enodev);
	}
	if (sets != nsets && !ev.fired)
		add(&wrong, "%u sets, not %u\n", sets, nsets);
	if (bad_cmd) {
		if (strncmp(err, "usage: ", 7))
			add(&wrong, "a usage error, not said so\n");
	} else if (too_many) {
		if (!strstr(err, "more than 16 --config files"))
			add(&wrong, "17 --config files, not refused so\n");
	} else if (missing >= 0) {
		snprintf(pfx, sizeof(pfx), "netifmsg: %s: ", shown(missing));
		if (!err_line(pfx))
			add(&wrong, "the missing file not said: %s\n", pfx);
	} else if (badline >= 0) {
		snprintf(pfx, sizeof(pfx), bad_json ? "netifmsg: %s:" :
			 "netifmsg: %s:%d: ", shown(lines[badline].file - 1),
			 lines[badline].lineno);
		if (!err_line(pfx))
			add(&wrong, "the invalid line not said: %s\n", pfx);
	} else if (has('v')) {
		check_notes();
	} else {
		const char *p, *nl;

		for (p = err; *p; p = nl + 1) {
			bool ok = false;

			nl = strchr(p, '\n');
			if (!nl)
				break;
			for (x = 0; x < nifs && !ok; x++) {
				snprintf(pfx, sizeof(pfx), "netifmsg: %s: ",
					 esc_err(f.ifs[x].name));
				ok = taken_failure(p) ||
				     (f.ifs[x].set_error &&
				      !strncmp(p, pfx, strlen(pfx)) &&
				      !strstr(p, "note"));
			}
			if (!ok)
				add(&wrong, "without -v, on standard error: %.*s\n",
				    (int)(nl - p), p);
		}
	}
	/* A second run changes nothing and sends no DEBUG_SET. */
	if (!wrong.n && ret == 0 && !ev.fired) {
		fresh_args();
		feed_stdin();
		ret = fake_command(&b, argc, argv, out, err, CAPTURE_MAX);
		if (ret)
			add(&wrong, "the second run: exit status %d\n", ret);
		if (f.sets != sets)
			add(&wrong, "the second run sent %u sets\n", f.sets - sets);
		for (x = 0; x < nifs; x++)
			if (f.ifs[x].mask != want[x])
				add(&wrong, "the second run: %s: 0x%08x, not 0x%08x\n",
				    f.ifs[x].name, f.ifs[x].mask, want[x]);
	}
done:
	for (k = 0; k < npaths; k++)
		unlink(paths[k]);
	if (model_said(seed, tell, &story, &wrong))
		return !wrong.n;
	fprintf(stderr, "--- exit status %d (expected %d); standard output:\n%s--- standard error:\n%s",
		got, want_ret, out, err);
	fprintf(stderr, "--- masks now:");
	for (x = 0; x < nifs; x++)
		fprintf(stderr, " %s 0x%08x (expected 0x%08x)", f.ifs[x].name,
			f.ifs[x].mask, want[x]);
	fprintf(stderr, "\n%s%s", wrong.n ? "--- broken promises:\n" : "",
		wrong.s);
	return !wrong.n;
}

/* The seeds' files go into a directory of their own, removed at the end. */
static void dir_setup(void)
{
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(EXIT_FAILURE);
	}
}

static void dir_teardown(void)
{
	char path[sizeof(dir) + 300];
	struct dirent *e;
	DIR *d = opendir(dir);

	/* What a seed killed before its end left behind. */
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}

START_TEST(test_apply_model)
{
	model_run(one_seed, RUNS, true);
}
END_TEST

static Suite *apply_model_suite(void)
{
	Suite *s = suite_create("apply_model");
	TCase *tc = tcase_create("apply");

	tcase_add_unchecked_fixture(tc, dir_setup, dir_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_apply_model);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(apply_model_suite)
