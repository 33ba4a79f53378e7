// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Changing and showing interfaces, for the command line's IFACE CHANGE
 * and for every line of --batch alike: each job becomes one DEBUG_SET
 * (with a DEBUG_GET before and after it when the result is printed) or
 * one DEBUG_GET, sent in order over the backend.  An absolute change
 * replaces the mask; a relative one (+NAME/-NAME) writes only its bits,
 * atomically where the transport can.
 *
 * Stopping at the first failure: netlink has no "stop on error" for
 * requests sent together, and the kernel would apply job k+1 although
 * job k failed.  So without --force only one request is unanswered at a
 * time, and nothing after a failed job is sent.  With --force every job
 * is tried anyway, with a window of CMD_WINDOW requests in flight.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "print.h"
#include "select.h"

struct run {
	struct backend *b;
	struct job *jobs;
	size_t n;
	const char *file;
	bool force;		/* go on after a failure */
	bool result;		/* print each change's resulting state */
	const struct job *unmatched;	/* the run stops before it */
	size_t unsent;		/* lines from the unmatched one on */
	/* With -f, selectors that matched nothing, told in line order. */
	const struct job **none;
	size_t nnone, told;
	struct printer pr;
	size_t job;		/* the job being answered */
	const char *name;	/* its interface, as its first GET read it */
	unsigned int step;	/* its request being answered */
	bool job_failed;
	bool job_set;		/* its set worked */
	bool stopped;		/* done_cb() asked to send nothing more */
	size_t failed;		/* jobs that failed */
	struct breq *reqs;
};

static struct where where_of(const char *file, const struct job *j)
{
	return (struct where){ j->more->file ? j->more->file : file, j->lineno };
}

/*
 * With -f: report the selectors that matched nothing up to line @line
 * (all with UINT_MAX), so that failures come in the order of the lines.
 */
static void tell_none(struct run *r, unsigned int line)
{
	for (; r->told < r->nnone && r->none[r->told]->lineno < line; r->told++) {
		struct where w = where_of(r->file, r->none[r->told]);

		select_none(r->b, &w, r->none[r->told]);
		r->failed++;
	}
}

static void say_stopped(const struct where *w, size_t rest)
{
	diag(w, NULL, "stopped at the failed line: %zu more line%s not sent (use -f to go on)",
	     rest, rest == 1 ? "" : "s");
}

/* A failed job whose set worked (a read failed, or the run broke off). */
static void say_made(const struct run *r, const struct job *j,
		     const char *why)
{
	struct where w = where_of(r->file, j);

	diag(&w, r->name, "%s%sthe change was made; only its result could not be read",
	     why ? why : "", why ? ": " : "");
}

/* How many requests a job takes: a GET; a SET, or GET, SET, GET. */
static unsigned int nsteps(const struct run *r, const struct job *j)
{
	return j->show || !r->result ? 1 : 3;
}

/* requests() takes whole jobs: a chunk must hold the longest. */
_Static_assert(CMD_CHUNK >= 3, "a chunk holds a job's GET, SET and GET");

int cmd_check_jobs(struct backend *b, struct job *jobs, size_t n,
		   const char *file)
{
	struct cmdline_err err;
	size_t i;

	for (i = 0; i < n; i++) {
		struct job *j = &jobs[i];
		struct where w = where_of(file, j);
		uint32_t value, mask, beyond;
		bool replace;

		if (j->unknown && job_build(j, backend_names(b, UINT32_MAX),
					    &err))
			return diag_usage(&w, err.msg, err.hint && !w.file);
		beyond = change_request(&j->change, b->settable, &value, &mask,
					&replace);
		if (!j->show && beyond)
			return diag_beyond(&w, j->ifname, beyond);
	}
	return 0;
}

/*
 * The requests of the jobs from *@next on, in order, as many whole jobs
 * as @cap requests hold; *@next moves past them.
 */
static size_t requests(const struct run *r, size_t *next, struct breq *q,
		       size_t cap)
{
	size_t n = 0;

	for (; *next < r->n && n + nsteps(r, &r->jobs[*next]) <= cap; (*next)++) {
		const struct job *j = &r->jobs[*next];
		struct breq get = { .ifname = j->ifname },
			    set = { .ifname = j->ifname, .ifindex = j->ifindex,
				    .set = true };

		if (j->show || r->result)
			q[n++] = get;
		if (j->show)
			continue;
		change_request(&j->change, UINT32_MAX, &set.value, &set.mask,
			       &set.replace);
		q[n++] = set;
		if (r->result)
			q[n++] = get;
	}
	return n;
}

/*
 * A plain name's set refused with EOPNOTSUPP after the job's read found
 * a level at @ifindex: is the name another interface's now (renamed, and
 * taken by one without a level: a driver cannot lose its own), or is the
 * driver's level read-only?  One more read tells.
 */
static bool name_moved(struct backend *b, const char *ifname,
		       unsigned int ifindex)
{
	struct ifstate now;
	int ret = b->ops->get(b, ifname, &now);

	return ret == -EOPNOTSUPP || (!ret && now.ifindex != ifindex);
}

static int done_cb(struct breq *q, const char *extack, void *data)
{
	struct run *r = data;
	const struct job *j = &r->jobs[r->job];

	/*
	 * Read by name: a selected interface's may now be another's, also
	 * one without a message level (a selector selects none such).
	 */
	if (!q->set && j->ifindex && (q->err == -EOPNOTSUPP ||
				      (!q->err && q->st.ifindex != j->ifindex))) {
		q->err = -ENODEV;
	} else if (!q->set && r->step && q->err == -EOPNOTSUPP &&
		   !r->job_failed) {
		/*
		 * The read after a set, of a name that had a level at the
		 * read before it: no level now is another interface's (a
		 * driver cannot lose it), so the name is taken for one of
		 * another index (0: none), as below.
		 */
		q->err = 0;
		q->st = (struct ifstate){ .ifindex = 0 };
	}
	if (!r->step) {
		tell_none(r, j->lineno);
		r->name = q->set || q->err ? j->ifname : q->st.ifname;
	}
	r->job_set |= q->set && !q->err;
	/* A job whose first request failed fails the others the same way. */
	if (q->err && !r->job_failed) {
		struct where w = where_of(r->file, j);
		/* A name the job's first request found nothing of. */
		enum iface_slip slip = q->err == -ENODEV && !r->step &&
				       !j->ifindex ? job_iface_slip(j) : SLIP_NONE;

		r->job_failed = true;
		r->failed++;
		/*
		 * "netifmsg +link -ifup": a CHANGE where IFACE stands.  In
		 * a batch, most likely a saved -x or -N line: never '*'.
		 */
		if (slip == SLIP_CHANGE)
			diag(&w, r->name, j->lineno ?
			     "no such network interface (IFACE comes first on a line; -x and -N output does not name it)" :
			     "no such network interface (IFACE comes first; '*' names every interface)");
		else if (slip == SLIP_MSGLVL)
			diag(&w, r->name, j->lineno ?
			     "no such network interface ('msglvl' is ethtool's word, not netifmsg's: IFACE comes first on a line)" :
			     "no such network interface ('msglvl' is ethtool's word, not netifmsg's: IFACE comes first, as in 'netifmsg eth0 5')");
		else if (slip == SLIP_QUOTED)
			diag(&w, r->name, "no such network interface (quotes in a line are part of the name)");
		else if (q->set && r->step && !j->ifindex &&
			 q->err == -EOPNOTSUPP &&
			 name_moved(r->b, j->ifname, q[-1].st.ifindex))
			diag(&w, r->name, "renamed during the change (another interface has the name now): nothing was changed");
		/* Read: by an earlier GET of the job, or by the dump. */
		else if (q->set)
			diag_set(&w, r->name, q->err, extack,
				 r->step || j->ifindex);
		else
			diag_kernel(&w, r->name, q->err, extack);
		r->stopped = !r->force;
	}
	if (++r->step == nsteps(r, j)) {
		if (r->job_failed && r->job_set)
			say_made(r, j, NULL);
		else if (!r->job_failed && j->show)
			print_state(&r->pr, &q->st, CHANGED_NONE);
		/*
		 * A change's result: its last GET, and the GET before its SET,
		 * both by name: of one interface, or renamed meanwhile (which
		 * one the set went to, by name, is not known).
		 */
		else if (!r->job_failed && r->result &&
			 q[-2].st.ifindex != q->st.ifindex) {
			struct where w = where_of(r->file, j);

			r->failed++;
			diag(&w, r->name, "renamed during the change (another interface has the name now): its result is unknown");
			r->stopped = !r->force;
		} else if (!r->job_failed && r->result)
			print_state(&r->pr, &q->st,
				    q[-2].st.msg_enable != q->st.msg_enable ?
				    CHANGED_YES : CHANGED_NO);
		r->job++;
		r->step = 0;
		r->job_failed = false;
		r->job_set = false;
	}
	return r->stopped;
}

/* Lines of the jobs from @from on (a pattern's jobs share theirs). */
static size_t lines_from(const struct run *r, size_t from)
{
	size_t i, lines = 0;

	for (i = from; i < r->n; i++)
		lines += i == from || r->jobs[i].lineno != r->jobs[i - 1].lineno;
	return lines;
}

/*
 * The first job from r->job on whose set (or only read) is not among the
 * @sent requests from r->job's first on (k / 2: the set's place).
 */
static size_t first_unsent(const struct run *r, size_t sent)
{
	size_t i;

	for (i = r->job; i < r->n; i++) {
		unsigned int k = nsteps(r, &r->jobs[i]);

		if (sent <= k / 2)
			break;
		sent = sent > k ? sent - k : 0;
	}
	return i;
}

/*
 * The run broke off: the jobs from @from to @to, and @extra lines after
 * them, were @sent (their results are unknown) or not (not made).
 */
static void say_broken(const struct run *r, int ret, size_t from, size_t to,
		       size_t extra, bool sent)
{
	const struct job *first = from < r->n ? &r->jobs[from] : r->unmatched;
	size_t lines = lines_from(r, from) - lines_from(r, to) + extra;

	if (!r->file && to > from)
		diag_unknown(ret, to - from, first->ifname, sent);
	else if (r->file && lines == 1)
		diag(NULL, r->file, sent ? "%s: the result of line %u is unknown" :
		     "%s: line %u was not sent", strerror(-ret), first->lineno);
	else if (r->file && lines)
		diag(NULL, r->file, sent ?
		     "%s: the results of the %zu lines from line %u on are unknown" :
		     "%s: the %zu lines from line %u on were not sent",
		     strerror(-ret), lines, first->lineno);
}

/*
 * say_broken() of the jobs from @from to @to, a run of lines at a time:
 * -f's lines between them that matched nothing failed, and are told in
 * their place, so that each message names lines that follow each other.
 */
static void say_broken_runs(struct run *r, int ret, size_t from, size_t to,
			    size_t extra, bool sent)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (r->told == r->nnone ||
		    r->none[r->told]->lineno > r->jobs[i].lineno)
			continue;
		say_broken(r, ret, from, i, 0, sent);
		tell_none(r, r->jobs[i].lineno);
		from = i;
	}
	say_broken(r, ret, from, to, extra, sent);
}

/*
 * The run stopped early: say what that means for the jobs.  Broken off,
 * @in_flight requests from the first unanswered one on were sent.
 */
static void report_stop(struct run *r, int ret, size_t in_flight)
{
	/* The failed job's own later requests count with it. */
	size_t next = r->job + (r->step ? 1 : 0);
	size_t from = r->job;	/* the first job whose result is unknown */
	size_t to = first_unsent(r, r->step + in_flight);
	struct where w;

	/* -f: the lines before it that matched nothing failed first. */
	if (ret < 0 && from < r->n)
		tell_none(r, r->jobs[from].lineno);
	/* Its set answered: made (said here), or failed (told): known. */
	if (ret < 0 && from < r->n && r->step > nsteps(r, &r->jobs[from]) / 2) {
		if (r->job_set)
			say_made(r, &r->jobs[from], strerror(-ret));
		from++;
	}
	/* A line partly sent (or answered) is unknown as a whole. */
	while (r->file && to && to < r->n &&
	       r->jobs[to].lineno == r->jobs[to - 1].lineno)
		to++;
	if (ret < 0) {
		say_broken_runs(r, ret, from, to, 0, true);
		/* The lines from a selector that matched nothing on too. */
		say_broken_runs(r, ret, to, r->n, r->unsent, false);
		r->failed++;
	} else if (r->file) {
		w = where_of(r->file, &r->jobs[next - 1]);
		/* A pattern's other interfaces are on the failed line. */
		while (next < r->n && r->jobs[next].lineno == w.line)
			next++;
		if (next < r->n || r->unsent)
			say_stopped(&w, lines_from(r, next) + r->unsent);
	}
}

/* *@j appended to *@v, of room for *@cap (grown as needed); 0 or -ENOMEM. */
static int append(struct job **v, size_t *n, size_t *cap, const struct job *j)
{
	if (*n == *cap) {
		size_t more = *cap ? 2 * *cap : 64;
		struct job *nv = realloc(*v, more * sizeof(*nv));

		if (!nv)
			return -ENOMEM;
		*v = nv;
		*cap = more;
	}
	(*v)[(*n)++] = *j;
	return 0;
}

/*
 * Patterns and --driver: one dump, then each selector becomes one job
 * per interface it selects, in ifindex order, into @out (the jobs keep
 * pointers into @all): as many jobs as are run, not lines times
 * interfaces.  A selector that selects nothing fails; without --force
 * nothing after it runs (r->unmatched).
 */
static int expand(struct run *r, struct backend *b, const struct iflist *all,
		  struct job **out)
{
	struct job *v = NULL;
	size_t i, k, n = 0, cap = 0;

	r->none = calloc(r->n ? r->n : 1, sizeof(*r->none));
	if (!r->none)
		return -ENOMEM;
	for (i = 0; i < r->n; i++) {
		const struct job *j = &r->jobs[i];
		struct job sel = *j;
		size_t first = n;

		if (!job_is_selector(j)) {
			if (append(&v, &n, &cap, j) < 0)
				goto nomem;
			continue;
		}
		sel.ifname = job_own_name(b, all, j);
		for (k = 0; k < all->n; k++) {
			if (!job_selects(&sel, all, k))
				continue;
			if (append(&v, &n, &cap, j) < 0)
				goto nomem;
			v[n - 1].ifname = all->v[k].ifname;
			v[n - 1].ifindex = all->v[k].ifindex;
			v[n - 1].pattern = false;
			v[n - 1].one = true;
		}
		if (n == first && !r->force) {
			r->unmatched = j;
			r->unsent = r->n - i;
			break;
		} else if (n == first) {
			r->none[r->nnone++] = j;
		}
	}
	*out = v;
	r->jobs = v;
	r->n = n;
	return 0;
nomem:
	free(v);
	return -ENOMEM;
}

int cmd_run_jobs(const struct opts *o, struct backend *b, struct job *jobs,
		 size_t n, const char *file)
{
	struct run r = { .b = b, .jobs = jobs, .n = n, .file = file };
	struct iflist all = { 0 };
	struct job *expanded = NULL;
	bool select, drivers;
	size_t i, nreqs, cap, next = 0;
	int ret;

	r.result = o->verbose || o->mode != OUT_TEXT;
	ret = cmd_check_jobs(b, jobs, n, file);
	if (ret < 0)
		return ret;
	select = jobs_select(jobs, n, &drivers);
	/* A pattern on the command line goes on as -f does: many results. */
	r.force = o->force || (select && !file);
	print_init(&r.pr, o->mode, o->quiet, file ? PRINT_LINES : PRINT_ARRAY,
		   file || select, b);
	if (select) {
		const struct drvwant want = { .jobs = jobs, .n = n };

		ret = iflist_dump(b, &all, drivers ? &want : NULL,
				  jobs_ifindex(b, jobs, n));
		if (!ret)
			ret = expand(&r, b, &all, &expanded);
		if (ret < 0) {
			ret = diag_kernel(NULL, NULL, ret, b->extack);
			goto out;
		}
	}
	/* One job (the command line's) needs a few, not a chunk's worth. */
	for (i = 0, nreqs = 0; i < r.n && nreqs < CMD_CHUNK; i++)
		nreqs += nsteps(&r, &r.jobs[i]);
	cap = nreqs < CMD_CHUNK ? nreqs + 1 : CMD_CHUNK;
	r.reqs = calloc(cap, sizeof(*r.reqs));
	if (!r.reqs) {
		ret = diag_kernel(NULL, NULL, -ENOMEM, NULL);
		goto out;
	}
	/*
	 * No next chunk once done_cb() asked to stop, also when the failed
	 * job was the last of its chunk.
	 */
	do {
		nreqs = requests(&r, &next, r.reqs, cap);
		ret = nreqs ? b->ops->run(b, r.reqs, nreqs,
					  r.force ? CMD_WINDOW : 1,
					  done_cb, &r) : 0;
	} while (!ret && !r.stopped && next < r.n && r.job == next);
	if (ret < 0 || r.job < r.n || r.stopped)
		report_stop(&r, ret, b->in_flight);
	tell_none(&r, UINT_MAX);
	/* Unless a line before it failed: the run never got to it then. */
	if (r.unmatched && !r.stopped && r.job == r.n) {
		struct where w = where_of(r.file, r.unmatched);

		select_none(b, &w, r.unmatched);
		r.failed++;
		if (r.unsent > 1 && file)
			say_stopped(&w, r.unsent - 1);
	}
	ret = r.failed ? -EIO : 0;
out:
	print_end(&r.pr);	/* -j: "[]" if nothing was printed */
	free(r.reqs);
	free(r.none);
	free(expanded);
	iflist_free(&all);
	return ret;
}

int cmd_change(const struct opts *o, struct backend *b)
{
	struct job j = o->job;

	return cmd_run_jobs(o, b, &j, 1, NULL);
}
