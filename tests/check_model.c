// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A model-based test of the run of many jobs (--batch lines, and a
 * change of a pattern or --driver on the command line) over the fake
 * backend: random interfaces, random lines, random failures of single
 * requests and random break-offs of the run, each from a seed.  What
 * netifmsg prints, returns and leaves in the masks is compared with a
 * small model of netifmsg(8) (BATCH, OUTPUT, EXIT STATUS, DIAGNOSTICS)
 * written here, without the commands' code.  Where the page leaves it
 * open, the model does what the code does and says so: a job goes on
 * after its first failure with -f and only that one is told; a read of a
 * selected interface that answers "no message level" is "no such
 * network interface"; a line whose read was answered but whose set was
 * not sent was not sent; the interfaces are read before any line, and
 * where that fails no line is sent.
 *
 * MODEL_SEED=n runs that seed alone; MODEL_RUNS=n sets how many seeds
 * are run, from MODEL_FIRST (1).
 */
#include <check.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "cmd.h"
#include "fake_backend.h"
#include "model.h"
#include "out.h"

#define CAPTURE_MAX	262144
#define RUNS		2000
#define LINES_MAX	120	/* a few batches: many chunks of requests */
#define LINES_FEW	8
#define JOBS_MAX	(LINES_MAX * FAKE_IFACES_MAX)

static char out[CAPTURE_MAX], err[CAPTURE_MAX];
static struct fake f;
static struct backend b;

static const char *pick(const char *const *v, unsigned int n)
{
	return v[rnd(n)];
}

#define PICK(v) pick(v, sizeof(v) / sizeof(v[0]))

/* Expected text growing in a buffer: whole, or the test fails. */
struct exact {
	char s[CAPTURE_MAX];
	size_t n;
};

static void __attribute__((format(printf, 2, 3)))
put(struct exact *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	t->n += (size_t)vsnprintf(t->s + t->n, sizeof(t->s) - t->n, fmt, ap);
	va_end(ap);
	ck_assert_uint_lt(t->n, sizeof(t->s));
}

/* ---- running netifmsg ------------------------------------------------ */

/* The words @argv[0..argc-1] as main() would run them. */
static int run(int argc, char **argv)
{
	return fake_command(&b, argc, argv, out, err, CAPTURE_MAX);
}

/* ---- the world: interfaces and their failures ------------------------ */

static const char *const names[] = { "tap0", "tap1", "tap2", "eth0", "eth1", "lo" };
static const char *const drivers[] = { "tun", "veth", "e1000e" };

/* An interface as the model sees it (the fake's own is not looked at). */
struct mif {
	const char *name;
	const char *driver;
	uint32_t mask;
	bool no_level;
	int set_error;		/* fails every set after @set_ok */
	unsigned int set_ok;
	int get_error;		/* @get_fails gets fail after @get_ok */
	unsigned int get_ok, get_fails;
};

static struct mif ifs[FAKE_IFACES_MAX];
static int nifs;

static struct mif *mfind(const char *name)
{
	int i;

	for (i = 0; i < nifs; i++)
		if (!strcmp(ifs[i].name, name))
			return &ifs[i];
	return NULL;
}

static void make_world(void)
{
	static const int set_errors[] = { -EPERM, -EOPNOTSUPP, -EBUSY, -ENODEV };
	static const int get_errors[] = { -ENODEV, -EBUSY, -EOPNOTSUPP };
	bool used[6] = { false };
	int i, k, n = 1 + (int)rnd(7);

	memset(&f, 0, sizeof(f));
	nifs = 0;
	for (i = 0; i < n; i++) {
		struct mif *m = &ifs[nifs];
		struct fake_iface *fi;

		k = (int)rnd(6);
		if (used[k])
			continue;
		used[k] = true;
		*m = (struct mif){
			.name = names[k],
			.driver = PICK(drivers),
			.mask = rnd(4) ? rnd(0x8000) : 0,
			.no_level = !strcmp(names[k], "lo") || !rnd(8),
		};
		if (!rnd(6)) {
			m->set_error = set_errors[rnd(4)];
			m->set_ok = rnd(3);
		}
		if (!rnd(8)) {
			m->get_error = get_errors[rnd(3)];
			m->get_ok = rnd(4);
			m->get_fails = 1 + rnd(2);
		}
		fi = fake_add(&f, m->name, m->mask);
		fi->driver = m->driver;
		fi->no_level = m->no_level;
		fi->set_error = m->set_error;
		fi->set_ok = m->set_ok;
		fake_fail_gets(fi, m->get_ok, m->get_fails, m->get_error);
		nifs++;
	}
	fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
}

/* ---- lines ------------------------------------------------------------ */

static const char *const classes[15] = {
	"drv", "probe", "link", "timer", "ifdown", "ifup", "rx_err", "tx_err",
	"tx_queued", "intr", "tx_done", "rx_status", "pktdata", "hw", "wol",
};
/* netifmsg(8), MESSAGE CLASSES: the old level of each (hw, wol: none). */
static const int old_level[15] = { 0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, -1, -1 };
#define ALL	0x7fffu

struct line {
	const char *iface;	/* NULL: --driver alone, '*' */
	bool pattern;		/* iface is a pattern */
	const char *drv[2];
	int ndrv;
	bool show;
	bool replace;		/* absolute: the mask becomes @value */
	uint32_t value, mask;	/* relative: the bits of @mask become @value's */
	char words[16][40];
	int nwords;
};

static void __attribute__((format(printf, 2, 3)))
word(struct line *l, const char *fmt, ...)
{
	va_list ap;

	ck_assert_int_lt(l->nwords, 16);
	va_start(ap, fmt);
	vsnprintf(l->words[l->nwords++], sizeof(l->words[0]), fmt, ap);
	va_end(ap);
}

static uint32_t some_bits(void)
{
	uint32_t m = 0;
	unsigned int i, n = 1 + rnd(3);

	for (i = 0; i < n; i++)
		m |= 1u << rnd(15);
	return m;
}

/* A class name as a user may write it (CHANGES: any case, prefixes). */
static void class_word(char *buf, size_t size, const char *sign, unsigned int bit)
{
	switch (rnd(8)) {
	case 0:
		snprintf(buf, size, "%sNETIF_MSG_%s", sign, classes[bit]);
		break;
	case 1:
		snprintf(buf, size, "%sbit%u", sign, bit);
		break;
	default:
		snprintf(buf, size, "%s%s", sign, classes[bit]);
	}
}

/* The change words of @l, and what they make (CHANGES). */
static void make_change(struct line *l)
{
	uint32_t abs = 0, value = 0, mask = 0, v, m;
	unsigned int i, n = 1 + rnd(3), bit;
	bool absolute = false, level = false;
	char w[40];

	for (i = 0; i < n; i++) {
		switch (rnd(10)) {
		case 0:		/* +name, -name */
		case 1:
			bit = rnd(15);
			class_word(w, sizeof(w), rnd(2) ? "+" : "-", bit);
			word(l, "%s", w);
			m = 1u << bit;
			v = w[0] == '+' ? m : 0;
			break;
		case 2:		/* name on|off */
			bit = rnd(15);
			class_word(w, sizeof(w), "", bit);
			word(l, "%s", w);
			word(l, rnd(2) ? "on" : "off");
			m = 1u << bit;
			v = strcmp(l->words[l->nwords - 1], "on") ? 0 : m;
			break;
		case 3:		/* value/mask */
			m = some_bits();
			v = m & rnd(0x8000);
			word(l, "0x%x/0x%x", v, m);
			break;
		case 4:		/* +all, -all */
			m = ALL;
			v = rnd(2) ? ALL : 0;
			word(l, v ? "+all" : "-all");
			break;
		case 5:		/* a name, absolute */
			bit = rnd(15);
			class_word(w, sizeof(w), "", bit);
			word(l, "%s", w);
			abs |= 1u << bit;
			absolute = true;
			continue;
		case 6:		/* a number */
			v = rnd(0x8000);
			word(l, rnd(2) || !v ? "0x%x" : "%u", v);
			abs |= v;
			absolute = true;
			continue;
		case 7:		/* none, all */
			abs |= rnd(2) ? (word(l, "all"), ALL) : (word(l, "none"), 0);
			absolute = true;
			continue;
		case 8:		/* a list */
			m = some_bits();
			w[0] = '\0';
			for (bit = 0; bit < 15; bit++)
				if (m & (1u << bit))
					snprintf(w + strlen(w), sizeof(w) - strlen(w),
						 "%s%s", w[0] ? "," : "", classes[bit]);
			word(l, "%s", w);
			abs |= m;
			absolute = true;
			continue;
		default:	/* --from-level N, once: the cumulative map */
			if (level) {
				i--;
				continue;
			}
			level = true;
			v = rnd(9);	/* levels -1..7 */
			word(l, "--from-level");
			word(l, "%d", (int)v - 1);
			for (bit = 0; bit < 15; bit++)
				if (old_level[bit] >= 0 && old_level[bit] <= (int)v - 1)
					abs |= 1u << bit;
			absolute = true;
			continue;
		}
		/* relative: the last word that names a bit wins */
		value = (value & ~m) | v;
		mask |= m;
	}
	l->replace = absolute;
	l->value = absolute ? (abs & ~mask) | value : value;
	l->mask = mask;
}

/* Mostly what is there: a batch that fails at once tells little. */
static const char *any_name(void)
{
	static const char *const plain[] = { "lo", "tap9", "tap2", "eth1" };

	return rnd(5) ? ifs[rnd((unsigned int)nifs)].name : PICK(plain);
}

static const char *any_pattern(void)
{
	static const char *const patterns[] = {
		"tap*", "eth*", "*", "tap[01]", "e?h0", "*[02]", "nomatch*",
	};

	return rnd(12) ? pick(patterns, 6) : PICK(patterns);
}

static const char *any_driver(void)
{
	return rnd(10) ? ifs[rnd((unsigned int)nifs)].driver : "bogus";
}

/* A -NAME word from word @k on (not the value of --from-level). */
static bool dash_word(const struct line *l, int k)
{
	for (; k < l->nwords; k++)
		if (l->words[k][0] == '-' && l->words[k][1] != '-' &&
		    strcmp(l->words[k - 1], "--from-level"))
			return true;
	return false;
}

/* One line: an interface or selector, then change words (or none: show). */
static void make_line(struct line *l, bool show_ok)
{
	int i, k, where;

	memset(l, 0, sizeof(*l));
	switch (rnd(6)) {
	case 0:
	case 1:
	case 2:
		l->iface = any_name();
		break;
	case 3:
	case 4:
		l->iface = any_pattern();
		l->pattern = true;
		break;
	default:
		l->ndrv = 1 + !rnd(4);
		l->drv[0] = any_driver();
		do
			l->drv[1] = any_driver();
		while (l->ndrv == 2 && l->drv[1] == l->drv[0]);
		if (rnd(3)) {
			l->pattern = rnd(2);
			l->iface = l->pattern ? any_pattern() : any_name();
		}
	}
	l->show = show_ok && !rnd(4);
	/* --driver first, or after the interface */
	where = l->iface ? (int)rnd(2) : 0;
	if (!where)
		for (i = 0; i < l->ndrv; i++) {
			word(l, "--driver");
			word(l, "%s", l->drv[i]);
		}
	if (l->iface)	/* a trailing ':' is dropped (INTERFACES) */
		word(l, "%s%s", l->iface, !l->pattern && !rnd(6) ? ":" : "");
	if (where)
		for (i = 0; i < l->ndrv; i++) {
			word(l, "--driver");
			word(l, "%s", l->drv[i]);
		}
	/* a -NAME first is options where no iface stands before it (OPTIONS) */
	k = l->nwords;
	do {
		l->nwords = k;
		if (!l->show)
			make_change(l);
	} while (!l->iface && !l->show && dash_word(l, k));
}

/* ---- the model ---------------------------------------------------- */

struct opt {
	bool batch, force, verbose, quiet;
	enum out_mode mode;
};

/* One interface of one line. */
struct mjob {
	int line;		/* its line, the index of */
	struct mif *m;		/* NULL: no such interface */
	const char *name;
	bool selected;		/* by a selector: read by name, of that index */
};

struct expect {
	struct exact out, err;
	int ret;
};

/* Whether interface @i is one that line @l selects (INTERFACES). */
static bool selects(const struct line *l, int i)
{
	int d;

	if (ifs[i].no_level)
		return false;
	if (l->iface && (l->pattern ? fnmatch(l->iface, ifs[i].name, 0) :
			 strcmp(l->iface, ifs[i].name)))
		return false;
	for (d = 0; d < l->ndrv; d++)
		if (!strcmp(l->drv[d], ifs[i].driver))
			return true;
	return !l->ndrv;
}

static bool selector(const struct line *l)
{
	return l->pattern || l->ndrv;
}

/* What a printed state looks like (OUTPUT). */
static void print(struct expect *e, const struct opt *o, const struct mjob *j,
		  uint32_t mask, int changed, bool named)
{
	unsigned int bit;
	bool first = true;

	if (o->quiet)
		return;
	if (o->mode == OUT_JSON) {
		put(&e->out, "{\"ifname\":\"%s\",\"ifindex\":%d,\"msg_enable\":%u,\"classes\":[",
		    j->name, (int)(j->m - ifs) + 1, mask);
		for (bit = 0; bit < 15; bit++)
			if (mask & (1u << bit)) {
				put(&e->out, "%s\"%s\"", first ? "" : ",", classes[bit]);
				first = false;
			}
		put(&e->out, "]");
		if (changed >= 0)
			put(&e->out, ",\"changed\":%s", changed ? "true" : "false");
		put(&e->out, "}");
		return;
	}
	if (o->mode == OUT_TEXT || named)
		put(&e->out, "%s: ", j->name);
	if (o->mode != OUT_NAMES)
		put(&e->out, "0x%08x", mask);
	if (o->mode == OUT_TEXT)
		put(&e->out, " ");
	if (o->mode != OUT_HEX) {
		for (bit = 0; bit < 15; bit++)
			if (mask & (1u << bit)) {
				put(&e->out, "%s%s", first ? "" : " ", classes[bit]);
				first = false;
			}
		if (first)
			put(&e->out, "none");
	}
	if (o->mode == OUT_TEXT && changed >= 0)
		put(&e->out, " (%s)", changed ? "changed" : "unchanged");
	put(&e->out, "\n");
}

/* A kernel error about a job (DIAGNOSTICS, Failures). */
static const char *why(int error, bool set, bool read_before)
{
	switch (error) {
	case -ENODEV:
		return "no such network interface";
	case -EOPNOTSUPP:
		return set && read_before ?
			"the driver's message level can be read but not changed" :
			"the driver has no message level";
	case -EPERM:
		return "permission denied: changing the message level needs CAP_NET_ADMIN";
	default:
		return "Device or resource busy: fake extack";
	}
}

/* A request to the interfaces of the model: 0 or -errno. */
static int get(struct mif *m, uint32_t *mask)
{
	if (!m)
		return -ENODEV;
	if (m->no_level)
		return -EOPNOTSUPP;
	if (m->get_ok) {
		m->get_ok--;
	} else if (m->get_fails) {
		m->get_fails--;
		return m->get_error;
	}
	*mask = m->mask;
	return 0;
}

static int set(struct mif *m, const struct line *l)
{
	if (!m)
		return -ENODEV;
	if (m->no_level)
		return -EOPNOTSUPP;
	if (m->set_error && !m->set_ok)
		return m->set_error;
	if (m->set_ok)
		m->set_ok--;
	m->mask = l->replace ? l->value : (m->mask & ~l->mask) | (l->value & l->mask);
	return 0;
}

struct model {
	const struct opt *o;
	const struct line *lines;
	int nlines;
	int lineno[LINES_MAX];	/* each line's number in the file */
	const char *file;
	struct expect *e;
	struct mjob jobs[JOBS_MAX];
	int njobs;
	int none[LINES_MAX];	/* -f: lines that selected nothing */
	int nnone, told;
	int failed;
	int dump_error;		/* every dump fails so */
	int dump_last;		/* the last dump (-EAGAIN) gave ifs[0..N) */
};

static void where(struct model *md, int line)
{
	put(&md->e->err, "netifmsg: ");
	if (md->file)
		put(&md->e->err, "%s:%d: ", md->file, md->lineno[line]);
}

/* "no interface with a message level matches ..." for line @i. */
static void say_none(struct model *md, int i)
{
	const struct line *l = &md->lines[i];

	where(md, i);
	put(&md->e->err, "no interface with a message level matches '%s'",
	    l->iface ? l->iface : "*");
	if (l->ndrv)
		put(&md->e->err, " with driver %s%s", l->drv[0],
		    l->ndrv > 1 ? " (or the others given)" : "");
	put(&md->e->err, "\n");
	md->failed++;
}

/* -f: the lines that selected nothing, before line @line, in order. */
static void tell_none(struct model *md, int line)
{
	while (md->told < md->nnone && md->none[md->told] < line)
		say_none(md, md->none[md->told++]);
}

static void say_lines(struct model *md, int n, int first, bool sent)
{
	if (!n)
		return;
	put(&md->e->err, "netifmsg: %s: Input/output error: ", md->file);
	if (n == 1)
		put(&md->e->err, sent ? "the result of line %d is unknown\n" :
		    "line %d was not sent\n", md->lineno[first]);
	else
		put(&md->e->err, sent ? "the results of the %d lines from line %d on are unknown\n" :
		    "the %d lines from line %d on were not sent\n", n, md->lineno[first]);
}

static void say_ifaces(struct model *md, int n, const char *first, bool sent)
{
	if (n == 1)
		put(&md->e->err, sent ? "netifmsg: %s: Input/output error: its result is unknown\n" :
		    "netifmsg: %s: Input/output error: the change was not sent\n", first);
	else if (n)
		put(&md->e->err, sent ? "netifmsg: Input/output error: the results of the %d interfaces from %s on are unknown\n" :
		    "netifmsg: Input/output error: the changes of the %d interfaces from %s on were not sent\n",
		    n, first);
}

static int jobs_on(const struct model *md, int line)
{
	int k, n = 0;

	for (k = 0; k < md->njobs; k++)
		n += md->jobs[k].line == line;
	return n;
}

/*
 * say_lines() of the lines in [@from, @to) with jobs (and, @unmatched on,
 * every line), a run at a time: -f's lines between them that selected
 * nothing are told in their place, so each message names lines that
 * follow each other.
 */
static void say_runs(struct model *md, int from, int to, int unmatched,
		     bool sent)
{
	int k, n = 0, first = from;

	for (k = from; k < to; k++) {
		if (!jobs_on(md, k) && (unmatched < 0 || k < unmatched))
			continue;
		if (md->told < md->nnone && md->none[md->told] < k) {
			say_lines(md, n, first, sent);
			n = 0;
			tell_none(md, k);
		}
		if (!n)
			first = k;
		n++;
	}
	say_lines(md, n, first, sent);
}

/* BATCH: "stopped at the failed line: N more lines not sent". */
static void n_more(struct model *md, int line)
{
	int n = md->nlines - line - 1;

	where(md, line);
	put(&md->e->err, "stopped at the failed line: %d more line%s not sent (use -f to go on)\n",
	    n, n == 1 ? "" : "s");
}

/*
 * The run, as netifmsg(8) tells it.  @brk: the run breaks off before
 * answer @brk (-1: never), with @in_flight requests after it sent.
 * Returns the number of requests it takes (@brk -1), for the caller to
 * choose a break among them.
 */
static int model(struct model *md, int brk, int in_flight)
{
	const struct opt *o = md->o;
	bool result = o->verbose || o->mode != OUT_TEXT;
	/* a pattern on the command line goes on as -f does (INTERFACES) */
	bool force = o->force || (!md->file && selector(&md->lines[0]));
	int unmatched = -1, i, k, answers = 0, stop_line = -1;
	int bj = -1;		/* the job the run broke at */
	bool bmade = false, bknown = false;
	int key_sent_to = 0;	/* requests up to here were sent */
	int dump_error = md->dump_error, nsel = 0, blind = -1;
	uint32_t mask;

	md->njobs = md->nnone = md->told = md->failed = 0;
	for (i = 0; i < md->nlines && !selector(&md->lines[i]); i++)
		;
	for (k = i; k < md->nlines; k++)
		nsel += selector(&md->lines[k]);
	/*
	 * A name with --driver, the one selector: one GET of it first, so
	 * that its driver alone is read (INTERFACES); none where the name
	 * has no interface with a level.  The last dump, if inconsistent,
	 * is taken where it has that interface, and that interface read
	 * alone where not (iflist_dump()); where that read finds no level,
	 * none (an empty list, whose lack of the name job_own_name() reads
	 * once more, as perhaps an alternative name).  A name whose GET
	 * found none leaves the dump's failure as it is.
	 */
	if (nsel == 1 && md->lines[i].iface && !md->lines[i].pattern) {
		struct mif *m = mfind(md->lines[i].iface);
		int error = get(m, &mask);
		bool none = false;

		if (error == -ENODEV || error == -EOPNOTSUPP) {
			blind = i;
		} else if (!error && dump_error == -EAGAIN &&
			   m - ifs >= md->dump_last) {
			error = get(m, &mask);	/* read alone */
			none = error == -EOPNOTSUPP;
			if (none) {
				blind = i;
				get(m, &mask);
			}
		}
		if (dump_error == -EAGAIN && (!error || none))
			dump_error = 0;
	}
	/*
	 * A selector reads the interfaces first, once: where that fails,
	 * nothing is sent (EXIT STATUS; "error" in DIAGNOSTICS).
	 */
	if (i < md->nlines && dump_error) {
		put(&md->e->err, "netifmsg: %s\n", dump_error == -EAGAIN ?
		    "Resource temporarily unavailable: the interface list changed while it was read" :
		    strerror(-dump_error));
		if (o->mode == OUT_JSON && !md->file && !o->quiet)
			put(&md->e->out, "[]\n");
		md->e->ret = -EIO;
		return 0;
	}
	/* Expand: one job per selected interface, in index order. */
	for (i = 0; i < md->nlines && unmatched < 0; i++) {
		const struct line *l = &md->lines[i];
		int before = md->njobs;

		if (!selector(l)) {
			md->jobs[md->njobs++] = (struct mjob){
				i, mfind(l->iface), l->iface, false
			};
			continue;
		}
		for (k = 0; k < nifs && i != blind; k++)
			if (selects(l, k))
				md->jobs[md->njobs++] = (struct mjob){
					i, &ifs[k], ifs[k].name, true
				};
		if (md->njobs == before && !force)
			unmatched = i;	/* the run stops there */
		else if (md->njobs == before)
			md->none[md->nnone++] = i;
	}
	if (brk >= 0)
		key_sent_to = brk + in_flight;
	if (o->mode == OUT_JSON && !md->file && !o->quiet)
		put(&md->e->out, "[");
	for (i = 0; i < md->njobs && stop_line < 0 && bj < 0; i++) {
		struct mjob *j = &md->jobs[i];
		const struct line *l = &md->lines[j->line];
		bool show = l->show, failed = false, made = false;
		bool renamed = false;
		int steps = show || !result ? 1 : 3, s, error;
		uint32_t before = 0, after = 0;

		for (s = 0; s < steps; s++) {
			bool is_set = !show && (steps == 1 || s == 1);

			if (answers == brk) {
				bj = i;
				bmade = made;
				/* its set answered, and failed: told, and known */
				bknown = !made && steps == 3 && s == 2;
				break;
			}
			answers++;
			if (!s)
				tell_none(md, j->line);
			error = is_set ? set(j->m, l) : get(j->m, s ? &after : &before);
			/* a selected interface is read by name: one that has no level is another now */
			if (!is_set && j->selected && error == -EOPNOTSUPP)
				error = -ENODEV;
			/*
			 * a name's read after its set finds no level: another
			 * interface has the name now (a driver cannot lose it)
			 */
			if (!is_set && !j->selected && s == 2 && !failed &&
			    error == -EOPNOTSUPP) {
				renamed = true;
				error = 0;
			}
			made |= is_set && !error;
			if (error && !failed) {
				const char *msg = why(error, is_set,
						      s > 0 || j->selected);
				uint32_t now;

				/*
				 * a name's set refused after its read found a
				 * level: one more read (at once), and no level
				 * there is another interface's
				 */
				if (is_set && s == 1 && !j->selected &&
				    error == -EOPNOTSUPP &&
				    get(j->m, &now) == -EOPNOTSUPP)
					msg = "renamed during the change (another interface has the name now): nothing was changed";
				failed = true;
				md->failed++;
				where(md, j->line);
				put(&md->e->err, "%s: %s\n", j->name, msg);
				if (!force) {
					stop_line = j->line;
					break;
				}
			}
		}
		if (bj >= 0)
			break;
		if (failed && made) {
			where(md, j->line);
			put(&md->e->err, "%s: the change was made; only its result could not be read\n",
			    j->name);
		} else if (renamed) {
			md->failed++;
			where(md, j->line);
			put(&md->e->err, "%s: renamed during the change (another interface has the name now): its result is unknown\n",
			    j->name);
			if (!force)
				stop_line = j->line;
		} else if (!failed && (show || result)) {
			/* -j: one array on the command line, an object a line in a batch */
			if (!o->quiet && o->mode == OUT_JSON && !md->file &&
			    md->e->out.n > 1)
				put(&md->e->out, ",");
			print(md->e, o, j, show ? before : after,
			      show ? -1 : before != after,
			      md->file || selector(l));
			if (o->mode == OUT_JSON && md->file && !o->quiet)
				put(&md->e->out, "\n");
		}
	}
	if (bj >= 0) {
		/* DIAGNOSTICS: "the results of ... are unknown", "... were not sent" */
		int from = bj, to, req = 0;
		const struct mjob *j = &md->jobs[bj];

		/* -f: failures in the order of the lines, those before it first */
		tell_none(md, j->line);
		if (bmade) {
			where(md, j->line);
			put(&md->e->err, "%s: Input/output error: the change was made; only its result could not be read\n",
			    j->name);
			from++;
		} else if (bknown) {
			from++;
		}
		/* a job whose set (or only read) was sent: its result is unknown */
		for (k = 0, req = 0; k < md->njobs; k++) {
			int st = md->lines[md->jobs[k].line].show || !result ? 1 : 3;

			if (k >= from && req + st / 2 >= key_sent_to)
				break;
			req += st;
		}
		to = k > from ? k : from;
		if (!md->file) {
			say_ifaces(md, to - from, from < md->njobs ? md->jobs[from].name : "", true);
			say_ifaces(md, md->njobs - to, to < md->njobs ? md->jobs[to].name : "", false);
		} else {
			/* a line of which a part was sent or answered is unknown */
			int lfrom = from < md->njobs ? md->jobs[from].line : -1;
			int lto;	/* the first line not sent */

			if (to > from)
				lto = md->jobs[to - 1].line + 1;
			else if (from > 0 && from < md->njobs &&
				 md->jobs[from - 1].line == lfrom)
				lto = lfrom + 1;
			else
				lto = lfrom;
			if (lfrom < 0) {	/* no job after: lines from the unmatched one */
				lfrom = lto = unmatched >= 0 ? unmatched : md->nlines;
			}
			/* lines with jobs in [lfrom, lto), then the rest */
			say_runs(md, lfrom, lto, -1, true);
			say_runs(md, lto, md->nlines, unmatched, false);
		}
		md->failed++;
	} else if (stop_line >= 0 && md->file && stop_line + 1 < md->nlines) {
		n_more(md, stop_line);
	}
	tell_none(md, md->nlines);
	if (o->mode == OUT_JSON && !md->file && !o->quiet)
		put(&md->e->out, "]\n");
	if (unmatched >= 0 && stop_line < 0 && bj < 0) {
		say_none(md, unmatched);
		if (md->file && unmatched + 1 < md->nlines)
			n_more(md, unmatched);
	}
	md->e->ret = md->failed ? -EIO : 0;
	return answers;
}

/* ---- one seed ------------------------------------------------------ */

static char word_j[] = "-j", word_x[] = "-x",
	    word_N[] = "-N", word_v[] = "-v", word_q[] = "-q", word_f[] = "-f",
	    word_batch[] = "--batch";

/*
 * Run seed @seed: make a world and a batch (or a command line), have the
 * model say what should come, run netifmsg, compare.  Fails the test
 * with the seed and the input on any difference.
 */
static void one_seed(unsigned long long seed)
{
	static struct line lines[LINES_MAX];
	static struct model md;
	static struct expect e;
	char path[] = "/tmp/check_model_batch.XXXXXX";
	static char input[16384];
	char *argv[64];
	struct mif saved[FAKE_IFACES_MAX];
	struct opt o = { 0 };
	int argc = 0, i, k, fd = -1, total, brk = -1, in_flight = 0, ret;
	int chunk[JOBS_MAX], nchunks, c;
	bool big;
	size_t len = 0;

	model_seed(seed);
	make_world();
	o.batch = rnd(10) >= 3;
	o.mode = (enum out_mode)(rnd(2) ? OUT_TEXT : rnd(3) + 1);
	o.verbose = !rnd(3);
	o.quiet = o.mode == OUT_TEXT && !o.verbose && !rnd(3);
	big = o.batch && !rnd(25);
	o.force = o.batch && rnd(5) < (big ? 4 : 2);
	memset(&md, 0, sizeof(md));
	md.o = &o;
	md.lines = lines;
	md.nlines = !o.batch ? 1 : 1 + (int)rnd(big ? LINES_MAX : LINES_FEW);
	if (o.mode != OUT_TEXT)
		argv[argc++] = o.mode == OUT_JSON ? word_j :
			       o.mode == OUT_HEX ? word_x : word_N;
	if (o.verbose)
		argv[argc++] = word_v;
	if (o.quiet)
		argv[argc++] = word_q;
	if (o.force)
		argv[argc++] = word_f;
	if (rnd(2) && argc > 1) {	/* options in another order */
		char *t = argv[0];

		argv[0] = argv[argc - 1];
		argv[argc - 1] = t;
	}
	input[0] = '\0';
	for (i = 0; i < md.nlines; i++) {
		make_line(&lines[i], o.batch);
		if (o.batch && !rnd(6))	/* blank and comment lines count as none */
			len += (size_t)snprintf(input + len, sizeof(input) - len,
						rnd(2) ? "# comment\n" : "\n");
		md.lineno[i] = 1;
		for (k = 0; k < (int)len; k++)
			md.lineno[i] += input[k] == '\n';
		for (k = 0; k < lines[i].nwords; k++) {
			len += (size_t)snprintf(input + len, sizeof(input) - len,
						"%s%s", k ? " " : "", lines[i].words[k]);
			if (!o.batch)
				argv[argc++] = lines[i].words[k];
		}
		len += (size_t)snprintf(input + len, sizeof(input) - len, "\n");
		ck_assert_uint_lt(len, sizeof(input));
	}
	if (o.batch) {
		fd = mkstemp(path);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(write(fd, input, len), (ssize_t)len);
		close(fd);
		argv[argc++] = word_batch;
		argv[argc++] = path;
		md.file = path;
	}
	/* The interfaces cannot be read; or can, at the second or third try. */
	if (!rnd(15)) {
		switch (rnd(4)) {
		case 0:
			f.dump_error = md.dump_error = -EBUSY;
			break;
		case 1:
			f.dumps_intr = 1 + rnd(3);
			md.dump_error = f.dumps_intr == 3 ? -EAGAIN : 0;
			md.dump_last = nifs;
			break;
		default:
			/* (the fake's dump ends so after an interface only) */
			f.dumps_enodev = 1 + rnd(3);
			for (i = 0; i < nifs && ifs[i].no_level; i++)
				;
			md.dump_error = f.dumps_enodev == 3 && i < nifs ? -EAGAIN : 0;
			md.dump_last = i + 1;
		}
	}
	/* A dry run of the model: how many requests, how many answered. */
	memcpy(saved, ifs, sizeof(saved));
	memset(&e, 0, sizeof(e));
	md.e = &e;
	k = model(&md, -1, 0);
	/*
	 * The requests go in chunks of whole jobs, CMD_CHUNK requests at
	 * most (cmd.h): the fake's break-offs are counted in each chunk.
	 */
	for (i = 0, total = 0; i < md.njobs; i++)
		total += lines[md.jobs[i].line].show ||
			 (!o.verbose && o.mode == OUT_TEXT) ? 1 : 3;
	c = total < CMD_CHUNK ? total + 1 : CMD_CHUNK;
	chunk[0] = 0;
	for (i = 0, nchunks = 1; i < md.njobs; i++) {
		int st = lines[md.jobs[i].line].show ||
			 (!o.verbose && o.mode == OUT_TEXT) ? 1 : 3;

		if (chunk[nchunks - 1] + st > c)
			chunk[nchunks++] = 0;
		chunk[nchunks - 1] += st;
	}
	memcpy(ifs, saved, sizeof(saved));
	/*
	 * The run breaks off before one of the answers it gets, with some
	 * of the requests after it sent: one at most without -f, which sends
	 * the next request only when the last one was answered (BATCH).
	 * The fake breaks each chunk at the same answer, or one chunk
	 * before its first: a break that an earlier chunk would have had
	 * first is not tried.
	 */
	if (k && !rnd(4)) {
		int window = o.force || (!o.batch && selector(&lines[0])) ? 64 : 1;
		int at = (int)rnd((unsigned int)k), start = 0, p;

		for (c = 0; at >= start + chunk[c]; c++)
			start += chunk[c];
		p = at - start;
		for (i = 0; i < c && (p == 0 || chunk[i] <= p); i++)
			;
		if (i == c) {
			brk = at;
			in_flight = (int)rnd((unsigned int)(chunk[c] - p < window ?
							   chunk[c] - p : window) + 1);
			if (p)
				f.run_answers = (unsigned int)p;
			else
				f.break_run = (unsigned int)c + 1;
			f.unsent = (unsigned int)(chunk[c] - p - in_flight);
		}
	}
	memset(&e, 0, sizeof(e));
	model(&md, brk, in_flight);
	ret = run(argc, argv);
	if (o.batch)
		unlink(path);
	for (i = 0, k = 0; i < nifs; i++)
		k += fake_find(&f, ifs[i].name)->mask != ifs[i].mask;
	/* BATCH: one request unanswered at a time without -f, 64 with it */
	k += f.max_window > (o.force || (!o.batch && selector(&lines[0])) ?
			     64u : 1u);
	if (ret == e.ret && !strcmp(out, e.out.s) && !strcmp(err, e.err.s) && !k)
		return;
	fprintf(stderr, "MODEL_SEED=%llu differs.\ninterfaces:\n", seed);
	for (i = 0; i < nifs; i++)
		fprintf(stderr, "  %s drv %s mask 0x%x->0x%x (netifmsg left 0x%x)%s set_error %d after %u, get_error %d x%u after %u\n",
			ifs[i].name, ifs[i].driver, saved[i].mask, ifs[i].mask,
			fake_find(&f, ifs[i].name)->mask,
			ifs[i].no_level ? " no_level" : "", saved[i].set_error,
			saved[i].set_ok, saved[i].get_error, saved[i].get_fails,
			saved[i].get_ok);
	fprintf(stderr, "break before answer %d, %d in flight (of %d); dump error %d; window %u\ncommand:",
		brk, in_flight, total, md.dump_error, f.max_window);
	for (i = 0; i < argc; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n%s--- expected (%d):\n%s%s--- got (%d):\n%s%s---\n",
		o.batch ? input : "", e.ret, e.out.s, e.err.s, ret, out, err);
	ck_abort_msg("MODEL_SEED=%llu: netifmsg and the model differ", seed);
}

START_TEST(test_model)
{
	const char *one = getenv("MODEL_SEED"), *runs = getenv("MODEL_RUNS");
	const char *first = getenv("MODEL_FIRST");
	unsigned long long seed = first ? strtoull(first, NULL, 10) : 1;
	unsigned long long n = runs ? strtoull(runs, NULL, 10) : RUNS;

	if (one) {
		one_seed(strtoull(one, NULL, 10));
		return;
	}
	for (; n; n--, seed++)
		one_seed(seed);
}
END_TEST

/* Seeds that found a defect (see the commits that fixed them). */
START_TEST(test_model_found)
{
	static const unsigned long long seeds[] = {
		165,	/* a set refused, then a break: also "unknown" */
		169,	/* -f: a line that matched nothing told after a break */
		1808347, /* a name whose GET found none, every dump cut short */
	};
	size_t i;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		one_seed(seeds[i]);
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("batch");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_model_found);
	tcase_add_test(tc, test_model);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(model_suite)
