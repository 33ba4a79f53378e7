/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --batch files: one "IFACE [CHANGE...]" or "IFACE --from-level N" per
 * line, read with the command line's own word parser.  The whole file is
 * parsed into memory before anything is sent.  No printing, no kernel.
 */
#ifndef NETIFMSG_BATCH_H
#define NETIFMSG_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <net/if.h>

#include "change.h"
#include "cmdline.h"
#include "level.h"

struct batch_line {
	unsigned int lineno;		/* 1-based, in the file */
	bool show;			/* IFACE alone: show it */
	char ifname[IF_NAMESIZE];
	struct change change;
};

struct batch {
	struct batch_line *lines;
	size_t n, cap;
	enum level_map map;	/* the map of --from-level without --level-map */
	/* scratch space for one line's words */
	char **words;
	const char **pos;
	size_t wcap;
};

void batch_init(struct batch *b, enum level_map map);
void batch_free(struct batch *b);

/*
 * Parse one line (its text, without the newline; it is modified) and
 * append it to @b, unless it is blank or a comment (first non-blank
 * character '#').  Words are separated by blanks; there is no quoting.
 * Returns 0, 2 (a usage error, described in @err), or -ENOMEM.
 */
int batch_add_line(struct batch *b, char *text, unsigned int lineno,
		   struct cmdline_err *err);

/*
 * Read and parse every line of @f.  Returns 0, 2 with @err and *@errline
 * set for the first bad line, or -errno (read error, -ENOMEM).
 */
int batch_read(struct batch *b, FILE *f, unsigned int *errline,
	       struct cmdline_err *err);

#endif
