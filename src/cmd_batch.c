// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --batch FILE: every line of FILE is parsed first (a syntax error
 * anywhere changes nothing), then one socket, one family lookup and a
 * pipeline of requests: a DEBUG_SET per change line (with a DEBUG_GET
 * before and after it when the result is printed), a DEBUG_GET per show
 * line.
 *
 * Stopping at the first failure: netlink has no "stop on error" for
 * requests sent together, and the kernel would apply line k+1 although
 * line k failed.  So without --force only one request is unanswered at a
 * time, and nothing after a failed line is sent.  With --force every line
 * is tried anyway, so a window of BATCH_WINDOW requests is in flight:
 * well below the about 256 ACKs the default receive buffer holds, so no
 * answer is lost.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "netifmsg.h"

#define BATCH_WINDOW	64

enum step { STEP_GET_BEFORE, STEP_SET, STEP_GET_AFTER, STEP_SHOW };

/* A position in the list of requests: line, and request within the line. */
struct cursor {
	size_t line;
	unsigned int step;
};

struct batch_ctx {
	const struct opts *o;
	const struct batch *b;
	const char *fname;
	uint16_t family;
	bool print;		/* print each change line's resulting state */
	struct cursor build;	/* the next request to build */
	struct cursor done;	/* the next request to be answered */
	bool line_failed;	/* the line being answered has failed */
	struct ifstate before, after;
	size_t failed;		/* lines that failed */
	char where[4200];	/* "FILE:LINE" */
};

/* The requests of one line. */
static unsigned int nsteps(const struct batch_ctx *c,
			   const struct batch_line *l)
{
	return l->show || !c->print ? 1 : 3;
}

static enum step step_of(const struct batch_ctx *c,
			 const struct batch_line *l, unsigned int i)
{
	if (l->show)
		return STEP_SHOW;
	if (!c->print)
		return STEP_SET;
	return i == 0 ? STEP_GET_BEFORE : i == 1 ? STEP_SET : STEP_GET_AFTER;
}

/* Move @cur to the next request; returns the step it pointed at. */
static enum step advance(const struct batch_ctx *c, struct cursor *cur)
{
	const struct batch_line *l = &c->b->lines[cur->line];
	enum step st = step_of(c, l, cur->step);

	if (++cur->step == nsteps(c, l)) {
		cur->step = 0;
		cur->line++;
	}
	return st;
}

static struct nlmsghdr *build_cb(void *buf, size_t i, void *data)
{
	struct batch_ctx *c = data;
	const struct batch_line *l;
	uint32_t value, mask;
	bool replace;

	(void)i;
	if (c->build.line >= c->b->n)
		return NULL;
	l = &c->b->lines[c->build.line];
	if (advance(c, &c->build) != STEP_SET)
		return ethnl_build_debug_get(buf, c->family, 0, l->ifname);
	/* The bits were checked before anything was sent. */
	change_request(&l->change, UINT32_MAX, &value, &mask, &replace);
	return ethnl_build_debug_set(buf, c->family, 0, l->ifname, value, mask,
				     replace);
}

static int reply_cb(size_t i, const struct nlmsghdr *nlh, void *data)
{
	struct batch_ctx *c = data;
	const struct batch_line *l = &c->b->lines[c->done.line];
	enum step st = step_of(c, l, c->done.step);

	(void)i;
	if (st == STEP_SET)
		return 0;
	return ethnl_parse_debug(nlh, st == STEP_GET_BEFORE ? &c->before
							    : &c->after) < 0 ?
	       -EBADMSG : 0;
}

static const char *where(struct batch_ctx *c, const struct batch_line *l)
{
	snprintf(c->where, sizeof(c->where), "%s:%u", c->fname, l->lineno);
	return c->where;
}

/* A line has all its answers: print what it asked for. */
static void line_done(struct batch_ctx *c, const struct batch_line *l)
{
	const struct opts *o = c->o;

	if (c->line_failed || o->quiet)
		return;
	kernel_names_for(NULL, c->after.msg_enable);
	if (l->show)
		print_state(o->mode, &c->after, CHANGED_NONE, "\n");
	else if (c->print)
		print_state(o->mode, &c->after,
			    c->before.msg_enable != c->after.msg_enable ?
			    CHANGED_YES : CHANGED_NO, "\n");
}

static int done_cb(size_t i, int error, const char *extack, void *data)
{
	struct batch_ctx *c = data;
	const struct batch_line *l = &c->b->lines[c->done.line];
	bool stop = false;

	(void)i;
	/* A line whose first request failed fails the others the same way. */
	if (error && !c->line_failed) {
		c->line_failed = true;
		c->failed++;
		errmsg_where(where(c, l));
		report_kernel_error(l->ifname, error, extack);
		errmsg_where(NULL);
		stop = !c->o->force;
	}
	advance(c, &c->done);
	if (c->done.step == 0) {
		line_done(c, l);
		c->line_failed = false;
	}
	return stop ? 1 : 0;
}

static const struct nlpipe_ops batch_ops = {
	.build = build_cb,
	.reply = reply_cb,
	.done = done_cb,
};

/* Read and check the whole file; EXIT_OK or what to exit with. */
static int load(const struct opts *o, const char *fname, struct batch *b)
{
	bool is_stdin = !strcmp(o->batch_file, "-");
	struct cmdline_err err;
	unsigned int errline;
	char where_buf[4200];
	size_t i;
	FILE *f;
	int ret;

	f = is_stdin ? stdin : fopen(o->batch_file, "r");
	if (!f) {
		errmsg(o->batch_file, "%s", strerror(errno));
		return EXIT_FAIL;
	}
	ret = batch_read(b, f, &errline, &err);
	if (!is_stdin)
		fclose(f);
	if (ret < 0) {
		errmsg(fname, "%s", strerror(-ret));
		return EXIT_FAIL;
	}
	if (ret) {
		errmsg(NULL, "%s:%u: %s", fname, errline, err.msg);
		return EXIT_USAGE;
	}
	for (i = 0; i < b->n; i++) {
		const struct batch_line *l = &b->lines[i];
		uint32_t value, mask, beyond;
		bool replace;

		/* Over the ioctl every bit can be set. */
		if (l->show || o->ioctl)
			continue;
		beyond = change_request(&l->change, MSGCLASS_KERNEL_MASK,
					&value, &mask, &replace);
		if (beyond) {
			snprintf(where_buf, sizeof(where_buf), "%s:%u", fname,
				 l->lineno);
			errmsg_where(where_buf);
			ret = report_beyond(l->ifname, beyond);
			errmsg_where(NULL);
			return ret;
		}
	}
	return EXIT_OK;
}

/* The pipeline stopped early: say what that means for the lines. */
static void report_stop(struct batch_ctx *c, int ret)
{
	/* The failed line's own later requests count with it. */
	size_t next = c->done.line + (c->done.step ? 1 : 0);
	size_t rest = c->b->n - next;

	if (ret < 0) {
		rest = c->b->n - c->done.line;
		errmsg(c->fname, "%s: the results of the %zu lines from line %u on are unknown",
		       strerror(-ret), rest,
		       rest ? c->b->lines[c->done.line].lineno : 0);
		c->failed++;
	} else if (rest) {
		errmsg(NULL, "%s: stopped at the failed line: %zu more line%s not sent (use -f to go on)",
		       where(c, &c->b->lines[next - 1]), rest,
		       rest == 1 ? "" : "s");
	}
}

int cmd_batch(const struct opts *o)
{
	const char *fname = strcmp(o->batch_file, "-") ? o->batch_file
						       : "<stdin>";
	struct batch_ctx c = { .o = o, .fname = fname };
	struct batch b;
	struct nlsock s;
	int ret;

	batch_init(&b, o->map);
	ret = load(o, fname, &b);
	if (ret || !b.n)
		goto out;
	ret = o->ioctl ? USE_IOCTL : open_kernel(o, &s);
	if (ret == USE_IOCTL) {
		ret = cmd_ioctl_batch(o, &b, fname);
		goto out;
	}
	if (ret)
		goto out;
	c.b = &b;
	c.family = s.family;
	c.print = o->verbose || o->mode != OUT_TEXT;
	ret = nlsock_pipeline(&s, o->force ? BATCH_WINDOW : 1, &batch_ops, &c);
	if (ret < 0 || c.done.line < b.n)
		report_stop(&c, ret);
	nlsock_close(&s);
	ret = c.failed ? EXIT_FAIL : EXIT_OK;
out:
	batch_free(&b);
	return ret;
}
