// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "batch.h"

void batch_init(struct batch *b, enum level_map map)
{
	*b = (struct batch){ .map = map };
}

/*
 * The lines' text lives in chunks, not in a block each: their text then
 * costs little more than itself.  Each line also takes a struct job (48
 * bytes on 64-bit), so BATCH_TEXT_MAX of the shortest lines (8 million
 * of 2 bytes) peak at about 450 MiB.
 */
#define CHUNK_SIZE	(64 << 10)

struct batch_chunk {
	struct batch_chunk *next;
	size_t used, size;
	char data[];
};

void batch_free(struct batch *b)
{
	struct batch_chunk *c, *next;

	for (c = b->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(b->jobs);
	*b = (struct batch){ .map = b->map };
}

/* @size bytes, aligned for pointers, that live as long as @b. */
static void *take(struct batch *b, size_t size)
{
	struct batch_chunk *c = b->chunks;
	size_t at;

	at = c ? (c->used + sizeof(void *) - 1) & ~(sizeof(void *) - 1) : 0;
	if (!c || at + size > c->size) {
		size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;

		c = malloc(sizeof(*c) + want);
		if (!c)
			return NULL;
		*c = (struct batch_chunk){ .next = b->chunks, .size = want };
		b->chunks = c;
		at = 0;
	}
	c->used = at + size;
	return c->data + at;
}

/* Give back what take() gave last, from @p on. */
static void give_back(struct batch *b, void *p)
{
	b->chunks->used = (size_t)((char *)p - b->chunks->data);
}

/* Count the words of @p; with @words, also cut @p into them in place. */
static size_t split(char *p, char **words)
{
	size_t n = 0;

	for (;;) {
		while (ascii_isspace((unsigned char)*p))
			p++;
		if (!*p)
			return n;
		if (words)
			words[n] = p;
		n++;
		while (*p && !ascii_isspace((unsigned char)*p))
			p++;
		if (words && *p)
			*p++ = '\0';
	}
}

/*
 * @j's more, from @more, which does not live on: the shared
 * job_more_none for a plain line, else a copy that lives as long as @b.
 */
static int keep_more(struct batch *b, struct job *j,
		     const struct job_more *more)
{
	struct job_more *copy;

	if (!more->file && !more->ndrivers && !more->nwords && !more->level) {
		j->more = &job_more_none;
		return 0;
	}
	copy = take(b, sizeof(*copy));
	if (!copy)
		return -ENOMEM;
	*copy = *more;
	j->more = copy;
	return 0;
}

int batch_add_line(struct batch *b, const char *text, unsigned int lineno,
		   struct cmdline_err *err)
{
	char *copy, **words;
	struct opts o;
	size_t n, len;
	int ret;

	while (ascii_isspace((unsigned char)*text))
		text++;
	if (!*text || *text == '#')
		return 0;
	len = strlen(text);
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		struct job *jobs = realloc(b->jobs, cap * sizeof(*jobs));

		if (!jobs)
			return -ENOMEM;
		b->jobs = jobs;
		b->cap = cap;
	}
	/* The text, which the job points into, then the words for the parse. */
	copy = take(b, len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, text, len + 1);
	n = split(copy, NULL);
	words = take(b, 2 * n * sizeof(char *));
	if (!words)
		return -ENOMEM;
	split(copy, words);
	opts_init(&o);
	o.more.map = b->map;
	ret = cmdline_parse(&o, (int)n, words, (const char **)(words + n),
			    CMDLINE_BATCH_LINE, err);
	/*
	 * The words' room only: the text may be in the chunk before theirs.
	 * A bad line ends the reading anyway.
	 */
	if (ret) {
		give_back(b, words);
		return ret;
	}
	/* Its words are read again only for names the kernel may know. */
	if (!o.job.unknown && !o.more.ndrivers) {
		give_back(b, words);
		o.more.words = NULL;
		o.more.nwords = 0;
	}
	o.job.lineno = lineno;
	ret = keep_more(b, &o.job, &o.more);
	if (!ret)
		b->jobs[b->n++] = o.job;
	return ret;
}

int batch_set_file(struct batch *b, size_t from, const char *file)
{
	size_t i;

	for (i = from; i < b->n; i++) {
		struct job_more more = *b->jobs[i].more;

		more.file = file;
		if (keep_more(b, &b->jobs[i], &more) < 0)
			return -ENOMEM;
	}
	return 0;
}

int batch_read_error(void)
{
	return errno > 0 && errno != EINVAL ? -errno : -EIO;
}

bool batch_wait_input(FILE *f)
{
	struct pollfd p = { .events = POLLIN };

	if (!ferror(f) || errno != EAGAIN)
		return false;
	p.fd = fileno(f);
	if (p.fd < 0 || (poll(&p, 1, -1) < 0 && errno != EINTR))
		return false;
	clearerr(f);
	return true;
}

int batch_getc(FILE *f)
{
	int c;

	while ((c = getc(f)) == EOF && batch_wait_input(f))
		;
	return c;
}

/*
 * Read one line of @f, after what is left of *@head, into @buf
 * (BATCH_LINE_MAX + 1 bytes), without its newline.  Reading stops at the
 * first byte that makes the line bad, so an endless stream without
 * newlines (/dev/zero) costs no memory.
 * Returns 0, 1 at the end of the file, -EINVAL for a bad line (@err says
 * why), -EFBIG once *@size, the bytes of the file read, would pass
 * BATCH_TEXT_MAX, or -errno for a read error: glibc's getline() fails with
 * ENOMEM without setting the stream's error flag, so lines are not read
 * with it.
 */
static int read_line(FILE *f, const char **head, char *buf, bool first,
		     size_t *size, struct cmdline_err *err)
{
	size_t n = 0;
	int c;

	errno = 0;
	while ((c = **head ? (unsigned char)*(*head)++ : batch_getc(f)) != EOF) {
		if (++*size > BATCH_TEXT_MAX)
			return -EFBIG;
		if (c == '\n')
			break;
		/* What was read stays in @buf, for the JSON hint. */
		if (c == '\0') {
			buf[n] = '\0';
			return cmdline_err_set(err, false,
					       "a NUL byte in the line (binary data?)");
		}
		if (n == BATCH_LINE_MAX) {
			buf[n] = '\0';
			return cmdline_err_set(err, false,
					       "line longer than %d bytes",
					       BATCH_LINE_MAX);
		}
		buf[n++] = (char)c;
		/* A byte-order mark starting the file is no part of line 1. */
		if (first && n == 3) {
			first = false;
			if (!memcmp(buf, UTF8_BOM, 3))
				n = 0;
		}
	}
	if (c == EOF) {
		if (ferror(f) || !feof(f))
			return batch_read_error();
		if (!n)
			return 1;
	}
	buf[n] = '\0';
	return 0;
}

/*
 * Whether @line, after its blanks, starts as a line of JSON does and no
 * IFACE would: a run of '[' and '{', then '"', '}', a blank or nothing
 * ("[{\"ifname\"", "[[{", "{", "[").
 */
static bool json_like(const char *line)
{
	char next;

	while (ascii_isspace((unsigned char)*line))
		line++;
	next = line[str_span(line, "[{")];
	return (line[0] == '[' || line[0] == '{') &&
	       (next == '"' || next == '}' || !next ||
		ascii_isspace((unsigned char)next));
}

/*
 * JSON read as text: after a comment or a blank line, or in another
 * shape than -j prints ("[[{").  Printed over several lines ("jq ." or
 * "python3 -m json.tool"), its "[" and "{" lines read as patterns or
 * names, and the first bad line ("\"ifname\": \"eth0\",") starts like no
 * JSON.  Every line found bad as it is read, from the first that starts
 * like JSON on, says why.
 */
static void json_hint(const char *line, bool *json, int ret,
		      struct cmdline_err *err)
{
	size_t n;

	*json = *json || json_like(line);
	if (ret != -EINVAL || !*json)
		return;
	n = strlen(err->msg);
	if (n + sizeof(CMDLINE_JSON_HINT) <= sizeof(err->msg))
		memcpy(err->msg + n, CMDLINE_JSON_HINT, sizeof(CMDLINE_JSON_HINT));
}

int batch_read(struct batch *b, FILE *f, const char *head,
	       unsigned int *errline, struct cmdline_err *err)
{
	char line[BATCH_LINE_MAX + 1];
	unsigned int lineno;
	size_t size = 0;
	bool json = false;
	int ret;

	*errline = 0;
	for (lineno = 1;; lineno++) {
		ret = read_line(f, &head, line, lineno == 1, &size, err);
		if (ret && ret != -EINVAL)
			return ret > 0 ? 0 : ret;
		if (!ret)
			ret = batch_add_line(b, line, lineno, err);
		json_hint(line, &json, ret, err);
		if (ret) {
			*errline = lineno;
			return ret;
		}
	}
}
