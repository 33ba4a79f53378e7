// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading --batch files.  Each line is split into words and handed to
 * cmdline_parse() as a batch line, so it means exactly what the same
 * words mean on the command line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"

void batch_init(struct batch *b, enum level_map map)
{
	*b = (struct batch){ .map = map };
}

void batch_free(struct batch *b)
{
	free(b->lines);
	free(b->words);
	free(b->pos);
	*b = (struct batch){ .map = b->map };
}

static bool is_blank(char c)
{
	return isspace((unsigned char)c);
}

/* Room for @n words in the scratch arrays. */
static int reserve_words(struct batch *b, size_t n)
{
	char **w;
	const char **p;

	if (n <= b->wcap)
		return 0;
	w = realloc(b->words, n * sizeof(*w));
	if (!w)
		return -ENOMEM;
	b->words = w;
	p = realloc(b->pos, n * sizeof(*p));
	if (!p)
		return -ENOMEM;
	b->pos = p;
	b->wcap = n;
	return 0;
}

/* Cut @text into words in place; returns how many (-ENOMEM). */
static int split(struct batch *b, char *text)
{
	size_t len = strlen(text), n = 0;
	char *p = text;

	/* A line of L bytes has at most L/2 + 1 words. */
	if (reserve_words(b, len / 2 + 1) < 0)
		return -ENOMEM;
	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		b->words[n++] = p;
		while (*p && !is_blank(*p))
			p++;
		if (*p)
			*p++ = '\0';
	}
	return (int)n;
}

static int append(struct batch *b, const struct batch_line *l)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		struct batch_line *n = realloc(b->lines, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		b->lines = n;
		b->cap = cap;
	}
	b->lines[b->n++] = *l;
	return 0;
}

int batch_add_line(struct batch *b, char *text, unsigned int lineno,
		   struct cmdline_err *err)
{
	struct batch_line l = { .lineno = lineno };
	struct opts o;
	int n, ret;

	while (is_blank(*text))
		text++;
	if (!*text || *text == '#')
		return 0;
	n = split(b, text);
	if (n < 0)
		return n;
	opts_init(&o);
	o.map = b->map;
	ret = cmdline_parse(&o, n, b->words, b->pos, CMDLINE_BATCH_LINE, err);
	if (ret)
		return ret;
	l.show = o.cmd == CMD_SHOW;
	/* cmdline_parse() checked the name: it fits. */
	strcpy(l.ifname, o.ifname);
	l.change = o.change;
	return append(b, &l);
}

int batch_read(struct batch *b, FILE *f, unsigned int *errline,
	       struct cmdline_err *err)
{
	unsigned int lineno = 0;
	size_t cap = 0;
	char *line = NULL;
	ssize_t len;
	int ret = 0;

	*errline = 0;
	errno = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		/* Words end at a NUL: the rest of the line would be lost. */
		if (memchr(line, '\0', (size_t)len)) {
			snprintf(err->msg, sizeof(err->msg),
				 "a NUL byte in the line (binary data?)");
			err->hint = false;
			ret = 2;
		} else {
			ret = batch_add_line(b, line, lineno, err);
		}
		if (ret) {
			*errline = lineno;
			break;
		}
	}
	if (!ret && ferror(f))
		ret = errno ? -errno : -EIO;
	free(line);
	return ret;
}
