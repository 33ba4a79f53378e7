// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --batch FILE: every line of FILE is read and checked first, before the
 * kernel is opened (an error anywhere changes nothing), then the lines
 * run as jobs, as the command line's IFACE CHANGE does (cmd_change.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "diag.h"

/* A JSON file is read whole; netifmsg's own output is far smaller. */
#define JSON_FILE_MAX	(64 << 20)

/* netifmsg's -j output: read all of @f, then parse it. */
static int read_json(FILE *f, struct batch *b, unsigned int *errline,
		     struct cmdline_err *err)
{
	size_t len = 0, cap = 0;
	char *text = NULL, *more;
	int ret = 0;

	*errline = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 64 << 10;
			more = cap <= JSON_FILE_MAX ? realloc(text, cap) : NULL;
			if (!more) {
				ret = cap > JSON_FILE_MAX ? -EFBIG : -ENOMEM;
				break;
			}
			text = more;
		}
		len += fread(text + len, 1, cap - len, f);
		if (len < cap)
			break;
	}
	if (!ret && ferror(f))
		ret = -EIO;
	if (!ret)
		ret = batch_read_json(b, text, len, errline, err);
	free(text);
	return ret;
}

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
	/* netifmsg's -j output starts with one of these, a text line never. */
	errno = 0;
	ret = getc(f);
	if (ret != EOF)
		ungetc(ret, f);
	if (ret == EOF && ferror(f))
		ret = errno ? -errno : -EIO;
	else if (ret == '[' || ret == '{')
		ret = read_json(f, b, &errline, &err);
	else
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
