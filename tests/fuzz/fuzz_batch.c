// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over the --batch reader's limits: batch_read() on a
 * stream made from the input, checked against a model of the rules
 * (lines of at most BATCH_LINE_MAX bytes, a NUL byte refused at once, a
 * UTF-8 byte-order mark skipped at the start of the file only, a read
 * error returned as -errno, the JSON hint from a line that starts like
 * JSON on) and against how much of the stream it reads.
 *
 * The input is a header and the file's bytes.  The header can put a BOM
 * in front, repeat one byte up to 8193 times (long lines from short
 * inputs), end the stream with a read error instead of the end of the
 * file, and set how many bytes each read(2) of the stream gives.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HEADER		6
#define BOM		"\xef\xbb\xbf"
/* What stdio may read ahead of the byte the reader is at. */
#define READ_AHEAD	(64 * 1024)

struct stream {
	const uint8_t *body;	/* the file's bytes after the header */
	size_t body_len;
	bool bom;
	size_t at, run;		/* body[at] is given run more times */
	int error;		/* at the end: 0 or a read error */
	size_t chunk;		/* bytes per read at most */
	char *bytes;		/* the stream, made by make_bytes() */
	size_t pos, len;	/* given so far, of len in all */
};

/* The whole stream: copies, not a loop over its bytes (speed). */
static char *make_bytes(const struct stream *st)
{
	char *p = malloc(st->len ? st->len : 1), *q = p;

	require(p != NULL);
	if (st->bom) {
		memcpy(q, BOM, 3);
		q += 3;
	}
	memcpy(q, st->body, st->at + 1);
	q += st->at + 1;
	memset(q, st->body[st->at], st->run);
	q += st->run;
	memcpy(q, st->body + st->at + 1, st->body_len - st->at - 1);
	require(q + st->body_len - st->at - 1 == p + st->len);
	return p;
}

static ssize_t stream_read(void *cookie, char *buf, size_t size)
{
	struct stream *st = cookie;

	if (st->pos == st->len) {
		if (!st->error)
			return 0;
		errno = st->error;
		return -1;
	}
	if (size > st->chunk)
		size = st->chunk;
	if (size > st->len - st->pos)
		size = st->len - st->pos;
	memcpy(buf, st->bytes + st->pos, size);
	st->pos += size;
	return (ssize_t)size;
}

/* What batch_read() must give, worked out line by line. */
struct model {
	int ret;
	unsigned int errline;
	struct batch b;		/* the jobs of the good lines */
	size_t bad_start;	/* where the bad line starts */
	char msg[CMDLINE_ERR_MAX];
};

/* Like JSON: blanks, '[' and '{', then '"', '}', a blank or the end. */
static bool model_json_like(const char *line)
{
	size_t k;

	line += strspn(line, " \t\n\v\f\r");
	k = strspn(line, "[{");
	return k && (!line[k] || strchr("\"} \t\n\v\f\r", line[k]));
}

static void model_run(const struct stream *st, struct model *m)
{
	char line[BATCH_LINE_MAX + 1];
	struct cmdline_err err;
	unsigned int lineno = 0;
	size_t i = 0, n, start;
	const char *p, *stop, *nul;
	bool json = false;
	char c;
	int ret;

	memset(m, 0, sizeof(*m));
	batch_init(&m->b, LEVEL_MAP_CUMULATIVE);
	/* A byte-order mark starting the file is no part of line 1. */
	if (st->len >= 3 && !memcmp(st->bytes, BOM, 3))
		i = 3;
	while (i < st->len) {
		lineno++;
		start = i;
		ret = 0;
		/*
		 * The line ends at the first newline or NUL among the next
		 * BATCH_LINE_MAX + 1 bytes; without one, the last of them
		 * makes it too long, or the stream ends first.  c is the byte
		 * that ended it (meaningless at the end of the stream).
		 */
		p = st->bytes + i;
		n = st->len - i;
		if (n > BATCH_LINE_MAX + 1)
			n = BATCH_LINE_MAX + 1;
		stop = memchr(p, '\n', n);
		nul = memchr(p, '\0', n);
		if (nul && (!stop || nul < stop))
			stop = nul;
		c = 'x';
		if (stop) {
			c = *stop;
			n = (size_t)(stop - p);
		} else if (n == BATCH_LINE_MAX + 1) {
			n = BATCH_LINE_MAX;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		i += n;
		if (i < st->len && c == '\0') {
			ret = -EINVAL;
			snprintf(m->msg, sizeof(m->msg),
				 "a NUL byte in the line (binary data?)");
		} else if (i < st->len && c != '\n') {
			ret = -EINVAL;
			snprintf(m->msg, sizeof(m->msg),
				 "line longer than %d bytes", BATCH_LINE_MAX);
		} else if (i == st->len && st->error) {
			/* A line cut by a read error is not parsed. */
			break;
		} else {
			const char *text = line;

			line[n] = '\0';
			ret = batch_add_line(&m->b, text, lineno, &err);
			if (ret == -EINVAL)
				memcpy(m->msg, err.msg, sizeof(m->msg));
			require(ret == 0 || ret == -EINVAL);
			i++;	/* the newline */
		}
		/* From a line that starts like JSON on, a bad line says why. */
		json = json || model_json_like(line);
		if (ret == -EINVAL && json &&
		    strlen(m->msg) + strlen(CMDLINE_JSON_HINT) < sizeof(m->msg))
			strcat(m->msg, CMDLINE_JSON_HINT);
		if (ret) {
			m->ret = ret;
			m->errline = lineno;
			m->bad_start = start;
			break;
		}
	}
	if (!m->ret && st->error)
		m->ret = -st->error;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int errors[] = { EIO, ENOMEM, EISDIR, EBADF };
	cookie_io_functions_t io = { .read = stream_read };
	struct cmdline_err err;
	unsigned int errline;
	struct stream st;
	struct model m;
	struct batch b;
	size_t i, last = 0;
	FILE *f;
	int ret;

	if (size <= HEADER)
		return 0;
	st = (struct stream){
		.body = data + HEADER,
		.body_len = size - HEADER,
		.bom = data[0] & 1,
		.error = data[0] & 2 ? errors[(data[0] >> 2) & 3] : 0,
		/* Tiny reads are slow: a few inputs have them. */
		.chunk = !data[1] ? 4096 : data[1] < 8 ? data[1] : data[1] * 32u,
		.at = (data[2] | (size_t)data[3] << 8) % (size - HEADER),
		/* Long runs are slow: an eighth of the inputs have them. */
		.run = data[5] < 0x20 ?
		       (data[4] | (size_t)data[5] << 8) % (2 * BATCH_LINE_MAX + 2) :
		       data[4],
	};
	st.len = st.bom * 3 + st.body_len + st.run;
	st.bytes = make_bytes(&st);
	model_run(&st, &m);

	f = fopencookie(&st, "r", io);
	require(f != NULL);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ret = batch_read(&b, f, "", &errline, &err);
	fclose(f);

	require(ret == m.ret);
	if (ret == -EINVAL) {
		require(errline == m.errline);
		require(!strcmp(err.msg, m.msg));
		/* It stopped at the bad line: bounded reading, bounded memory. */
		require(st.pos <= m.bad_start + BATCH_LINE_MAX + 1 + READ_AHEAD);
	} else {
		require(st.pos == st.len);
	}
	/* The same jobs as the model's, line by line. */
	if (!ret)
		require(b.n == m.b.n);
	require(b.n <= m.b.n);
	for (i = 0; i < b.n; i++) {
		const struct job *j = &b.jobs[i], *mj = &m.b.jobs[i];

		require(j->lineno > last);
		last = j->lineno;
		require(j->lineno == mj->lineno);
		require(!strcmp(j->ifname, mj->ifname));
		require(j->show == mj->show && j->unknown == mj->unknown);
		require(j->change.abs == mj->change.abs &&
			j->change.on == mj->change.on &&
			j->change.off == mj->change.off &&
			j->change.has_abs == mj->change.has_abs);
	}
	batch_free(&b);
	batch_free(&m.b);
	free(st.bytes);
	return 0;
}
