// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --apply [IFACE | --ifindex N]: set every interface (or the one given)
 * to what the configuration files give it.  For each interface of one
 * dump, the lines that select it are applied in order to its current
 * mask (absolute lines set it, relative ones adjust it); only where the
 * result differs is one atomic DEBUG_SET sent, of the bits that differ,
 * all in a pipeline.  A second run sends none.  Lines that select
 * nothing are normal: the interface or its driver may come later (the
 * udev rule runs --apply --ifindex N when it does).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "cmd.h"
#include "conf.h"
#include "diag.h"
#include "print.h"
#include "select.h"

struct target {
	size_t i;		/* in the dump */
	uint32_t want;
	int err;		/* its set's, -EIO if unanswered */
};

struct apply {
	const struct iflist *all;
	struct target *t;
	size_t nt;
	size_t done;		/* targets answered, in order of the sets */
	size_t failed;
};

/* What the configuration makes of interface @i of @all; false: no line. */
static bool compute(struct job *jobs, size_t n, bool *used,
		    const struct iflist *all, size_t i, uint32_t *want)
{
	bool any = false;
	size_t k;

	*want = all->v[i].msg_enable;
	for (k = 0; k < n; k++) {
		if (!job_selects(&jobs[k], all, i))
			continue;
		*want = change_apply(&jobs[k].change, *want);
		used[k] = any = true;
	}
	return any;
}

/* A set's answer into the int at @data; a failure said, but for -ENODEV. */
static int answer_cb(struct breq *q, const char *extack, void *data)
{
	int *err = data;

	*err = q->err;
	if (q->err && q->err != -ENODEV)
		diag_set(NULL, q->ifname, q->err, extack, true);
	return 0;
}

static int done_cb(struct breq *q, const char *extack, void *data)
{
	struct apply *a = data;
	struct target *t;

	/* The sets went out in the order of the changed targets. */
	while (a->t[a->done].want == a->all->v[a->t[a->done].i].msg_enable)
		a->done++;
	t = &a->t[a->done++];
	/* Gone, or renamed?  Asked once the run is over (gone()). */
	answer_cb(q, extack, &t->err);
	a->failed += t->err && t->err != -ENODEV;
	return 0;
}

/* The set of the bits where @want differs from what the dump read. */
static struct breq set_of(const struct ifstate *st, uint32_t want)
{
	uint32_t diff = st->msg_enable ^ want;

	return (struct breq){
		.ifname = st->ifname, .ifindex = st->ifindex, .set = true,
		.value = want & diff, .mask = diff,
	};
}

/* Target @t's set once more: 0, or -errno (said, but for -ENODEV). */
static int set_again(struct backend *b, const struct ifstate *st,
		     struct target *t)
{
	struct breq r = set_of(st, t->want);
	int ret;

	t->err = -EIO;
	ret = b->ops->run(b, &r, 1, 1, answer_cb, &t->err);
	if (ret < 0 && t->err == -EIO)
		diag_unknown(ret, 1, st->ifname, b->in_flight > 0);
	return t->err;
}

/*
 * A set that found no such interface: one that went away since the dump
 * is "not there any more", no error (as with a name no interface has).
 * One whose name now belongs to another (renamed) still fails.  One
 * renamed and back (its index has the name again) is set once more; a
 * second "no such interface" is looked at as the first, but not set.
 */
static void gone(const struct opts *o, struct backend *b, struct apply *a)
{
	struct ifstate now;
	size_t k;
	int ret;

	for (k = 0; k < a->nt; k++) {
		const struct ifstate *st = &a->all->v[a->t[k].i];
		struct target *t = &a->t[k];

		if (t->err != -ENODEV)
			continue;
		ret = b->ops->get(b, st->ifname, &now);
		if (!ret && now.ifindex == st->ifindex) {
			ret = set_again(b, st, t);
			if (ret != -ENODEV) {
				a->failed += ret != 0;
				continue;
			}
			/* Away again: one more look, as the first time. */
			ret = b->ops->get(b, st->ifname, &now);
		}
		if (ret != -ENODEV) {
			a->failed++;
			diag_kernel(NULL, st->ifname, -ENODEV, NULL);
		} else if (o->verbose) {
			diag(NULL, st->ifname, "note: went away meanwhile: not set");
		}
	}
}

/*
 * One value+mask set of the bits that differ, per changed target from
 * *@k on, at most @cap into @r; *@k moves past the targets taken.
 */
static size_t requests(const struct apply *a, size_t *k, struct breq *r,
		       size_t cap)
{
	size_t n = 0;

	for (; *k < a->nt && n < cap; (*k)++) {
		const struct ifstate *st = &a->all->v[a->t[*k].i];

		if (st->msg_enable != a->t[*k].want)
			r[n++] = set_of(st, a->t[*k].want);
	}
	return n;
}

/*
 * -v: the lines that selected nothing, and an IFACE with nothing to do:
 * none of the interfaces there now (@found of them were the one asked
 * for), or no line for it.  @iface: IFACE, by the interface's own name
 * where it is an alternative one.
 */
static void notes(const struct opts *o, struct backend *b,
		  const struct batch *conf, const bool *used, size_t found,
		  size_t nt, const char *iface)
{
	int drv = o->job.more->ndrivers;
	const char *name;
	size_t k;

	/* Say where it looked, when the files were missed or left empty. */
	if (!conf->n) {
		diag(NULL, NULL, "note: no configuration line in %s", o->nconfigs ?
		     "the --config files" :
		     SYSCONFDIR "/netifmsg.conf or " SYSCONFDIR "/netifmsg.d/*.conf");
		return;
	}
	/* With IFACE, the other lines are about other interfaces. */
	for (k = 0; !o->job.ifname && !o->ifindex && k < conf->n; k++) {
		const struct job *j = &conf->jobs[k];
		struct where w = { j->more->file, j->lineno };
		enum iface_slip slip = job_iface_slip(j);
		struct ifstate st;
		int got;

		if (used[k])
			continue;
		/*
		 * A line that names one interface, there but with no level
		 * (of whatever driver: the level is what it lacks first), or
		 * with one, of none of the line's drivers.
		 */
		got = j->ifname && !j->pattern ?
		      b->ops->get(b, j->ifname, &st) : -ENODEV;
		if (got == -EOPNOTSUPP)
			diag(&w, j->ifname, "note: the driver has no message level");
		else if (!got && j->more->ndrivers)
			diag(&w, j->ifname, "note: not of driver %s%s",
			     job_first_driver(j->more),
			     j->more->ndrivers > 1 ? " (or the others given)" : "");
		else if (job_too_long(b, j))
			diag(&w, j->ifname, "note: " DIAG_TOO_LONG);
		/* "+drv" alone: its interface left out, most likely. */
		else if (slip == SLIP_CHANGE || slip == SLIP_MSGLVL)
			diag(&w, j->ifname, "note: selects no interface now (IFACE comes first on a line)");
		else if (slip == SLIP_QUOTED)
			diag(&w, j->ifname, "note: selects no interface now (quotes in a line are part of the name)");
		else
			diag(&w, NULL, "note: selects no interface now (normal for one not there yet)");
	}
	if (o->ifindex && (!found || !nt))
		diag(NULL, NULL, found ?
		     "note: no configuration line for the interface of index %u" :
		     "note: no interface with a message level has index %u now",
		     o->ifindex);
	if (!o->job.ifname || nt)
		return;
	if (!found && job_too_long(b, &o->job)) {
		diag(NULL, iface, "note: " DIAG_TOO_LONG);
		return;
	}
	if (!drv) {
		diag(NULL, iface, found ?
		     "note: no configuration line for it" :
		     "note: no interface with a message level matches it now");
		return;
	}
	/* Without IFACE, "*" stands for every interface of the driver. */
	name = strcmp(iface, "*") ? iface : NULL;
	diag(NULL, name, found ?
	     "note: no configuration line for an interface with a message level of driver %s%s" :
	     name ? "note: no interface with a message level of driver %s%s matches it now" :
	     "note: no interface with a message level has driver %s%s now",
	     job_first_driver(o->job.more),
	     drv > 1 ? " (or the others given)" : "");
}

/*
 * -v with a pattern or --driver where some interfaces had lines: each
 * one it selected that no line is for (the targets are in dump order).
 */
static void unlined(const struct job *target, const struct iflist *all,
		    const struct apply *a)
{
	size_t i, k = 0;

	for (i = 0; i < all->n; i++) {
		if (!job_selects(target, all, i))
			continue;
		if (k < a->nt && a->t[k].i == i)
			k++;
		else
			diag(NULL, all->v[i].ifname, "note: no configuration line for it");
	}
}

static void report(const struct opts *o, struct backend *b,
		   const struct apply *a)
{
	struct printer pr;
	size_t k;

	if (!o->verbose && o->mode == OUT_TEXT)
		return;
	print_init(&pr, o->mode, o->quiet, PRINT_ARRAY, true, b);
	for (k = 0; k < a->nt; k++) {
		struct ifstate st = a->all->v[a->t[k].i];
		bool changed = st.msg_enable != a->t[k].want;

		if (a->t[k].err)
			continue;
		st.msg_enable = a->t[k].want;
		print_state(&pr, &st, changed ? CHANGED_YES : CHANGED_NO);
	}
	print_end(&pr);
}

int cmd_apply(const struct opts *o, struct backend *b)
{
	struct batch *conf = o->batch;
	struct job target = o->job;
	struct apply a = { 0 };
	struct iflist all;
	const struct drvwant want = { conf->jobs, conf->n, &o->job };
	struct breq *reqs = NULL;
	unsigned int ifindex = o->ifindex;
	bool drivers, *used = NULL;
	size_t i, k, n, cap, found = 0;
	int ret;

	ret = cmd_check_jobs(b, conf->jobs, conf->n, NULL);
	if (ret)
		return ret;
	jobs_select(conf->jobs, conf->n, &drivers);
	/*
	 * IFACE by name is as --ifindex for the dump (renames of others
	 * cannot fail it): its index read first; none with a level by that
	 * name, no driver read.
	 */
	if (!ifindex && o->job.ifname && !o->job.pattern)
		ifindex = iface_index(b, o->job.ifname);
	drivers |= o->job.more->ndrivers > 0;
	ret = iflist_dump(b, &all, drivers ? &want : NULL, ifindex);
	if (ret < 0)
		goto out;
	used = calloc(conf->n + 1, sizeof(*used));
	a.t = calloc(all.n + 1, sizeof(*a.t));
	cap = all.n < CMD_CHUNK ? all.n + 1 : CMD_CHUNK;
	reqs = calloc(cap, sizeof(*reqs));
	ret = -ENOMEM;
	if (!used || !a.t || !reqs)
		goto out;
	a.all = &all;
	/* An alternative name selects its interface (job_own_name()). */
	target.ifname = job_own_name(b, &all, &target);
	for (i = 0; i < conf->n; i++)
		conf->jobs[i].ifname = job_own_name(b, &all, &conf->jobs[i]);
	for (i = 0; i < all.n; i++) {
		/*
		 * IFACE by name: the interface of the index read first (the
		 * one whose driver was read), not one that took the name since.
		 */
		if (ifindex && all.v[i].ifindex != ifindex)
			continue;
		if (!o->ifindex && target.ifname &&
		    !job_selects(&target, &all, i))
			continue;
		found++;
		if (compute(conf->jobs, conf->n, used, &all, i, &a.t[a.nt].want))
			a.t[a.nt++].i = i;
	}
	/* The sets, a chunk at a time, until a run breaks off. */
	for (k = 0, ret = 0; !ret && k < a.nt;) {
		n = requests(&a, &k, reqs, cap);
		ret = n ? b->ops->run(b, reqs, n, CMD_WINDOW, done_cb, &a) : 0;
	}
	if (ret < 0) {
		const char *first[2] = { NULL, NULL };
		size_t lost[2] = { 0, 0 };	/* sets sent unanswered, not sent */

		/* The run broke off: the sets in flight have no result. */
		for (i = a.done; i < a.nt; i++) {
			bool unsent;

			if (a.t[i].want == all.v[a.t[i].i].msg_enable)
				continue;
			a.t[i].err = -EIO;
			unsent = lost[0] == b->in_flight;
			if (!lost[unsent]++)
				first[unsent] = all.v[a.t[i].i].ifname;
		}
		if (lost[0])
			diag_unknown(ret, lost[0], first[0], true);
		if (lost[1])
			diag_unknown(ret, lost[1], first[1], false);
		if (!lost[0] && !lost[1])
			diag_kernel(NULL, NULL, ret, b->extack);
	}
	gone(o, b, &a);
	if (o->verbose)
		notes(o, b, conf, used, found, a.nt, target.ifname);
	if (o->verbose && target.ifname && !o->ifindex && a.nt)
		unlined(&target, &all, &a);
	report(o, b, &a);
	ret = ret < 0 || a.failed ? -EIO : 0;
out:
	/* The dump or memory failed, nothing was computed: -j prints []. */
	if (!a.all) {
		ret = diag_kernel(NULL, NULL, ret,
				  ret == -ENOMEM ? NULL : b->extack);
		report(o, b, &a);
	}
	free(reqs);
	free(used);
	free(a.t);
	iflist_free(&all);
	return ret;
}
