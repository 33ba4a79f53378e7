// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --batch FILE: every line of FILE is read and checked first, before the
 * kernel is opened (an error anywhere changes nothing), then the lines
 * run as jobs, as the command line's IFACE CHANGE does (cmd_change.c).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "diag.h"

/* Read and check the whole file into @b. */
static int load(const char *path, const char *fname, struct batch *b)
{
	bool is_stdin = !strcmp(path, "-");
	struct cmdline_err err;
	unsigned int errline;
	struct where w;
	FILE *f;
	int ret;

	f = is_stdin ? stdin : fopen(path, "r");
	if (!f) {
		diag(NULL, path, "%s", strerror(errno));
		return -EIO;
	}
	ret = batch_read(b, f, &errline, &err);
	if (!is_stdin)
		fclose(f);
	if (ret == -EINVAL) {
		w = (struct where){ fname, errline };
		diag(&w, NULL, "%s", err.msg);
		return -EINVAL;
	}
	if (ret < 0) {
		diag(NULL, fname, "%s", strerror(-ret));
		return -EIO;
	}
	return 0;
}

static const char *display_name(const struct opts *o)
{
	return strcmp(o->batch_file, "-") ? o->batch_file : "<stdin>";
}

int cmd_batch_read(const struct opts *o, struct batch *bt)
{
	int ret;

	batch_init(bt, o->job.map);
	ret = load(o->batch_file, display_name(o), bt);
	if (ret)
		batch_free(bt);
	return ret;
}

int cmd_batch(const struct opts *o, struct backend *b)
{
	struct batch *bt = o->batch;

	if (!bt->n)
		return 0;
	return cmd_run_jobs(o, b, bt->jobs, bt->n, display_name(o));
}
