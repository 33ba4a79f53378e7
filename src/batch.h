/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --batch files: one "IFACE [CHANGE...]" or "IFACE --from-level N" per
 * line, read with the command line's own word parser into jobs.  The
 * whole file is read and checked before anything is sent.  No printing,
 * no kernel.
 */
#ifndef NETIFMSG_BATCH_H
#define NETIFMSG_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "cmdline.h"

/*
 * The longest line, in bytes without its newline.  A longer line is an
 * error, found before the rest of it is read.
 */
#define BATCH_LINE_MAX	4096

/*
 * The most bytes of a text file: 4095 lines of the longest.  A batch is
 * held whole before it runs, so an endless one stops here.
 */
#define BATCH_TEXT_MAX	(16 << 20)

/* The UTF-8 byte-order mark some editors put at the start of a file. */
#define UTF8_BOM	"\xef\xbb\xbf"

struct batch_chunk;

struct batch {
	struct job *jobs;	/* one per line that is not blank or a comment */
	size_t n, cap;
	enum level_map map;	/* the map of --from-level without --level-map */
	struct batch_chunk *chunks;	/* the lines' text, and words kept */
};

void batch_init(struct batch *b, enum level_map map);
void batch_free(struct batch *b);

/*
 * Parse one line (its text, without the newline; copied) and append it
 * to @b, unless it is blank or a comment (first non-blank character
 * '#').  Words are separated by blanks; there is no quoting.  Returns 0,
 * -EINVAL (described in @err), or -ENOMEM.
 */
int batch_add_line(struct batch *b, const char *text, unsigned int lineno,
		   struct cmdline_err *err);

/* Jobs @from to the last were read from @file (kept, not copied). */
int batch_set_file(struct batch *b, size_t from, const char *file);

/*
 * Read and parse every line of the file that starts with @head (its
 * first bytes, already read from @f; may be "") and goes on in @f.  A
 * UTF-8 byte-order mark at the start of the file is skipped.  Returns 0,
 * -EINVAL with @err and *@errline set for the first bad line (also one
 * longer than BATCH_LINE_MAX or with a NUL byte), -EFBIG for a file of
 * more than BATCH_TEXT_MAX bytes, or another -errno: a read error of any
 * kind, or -ENOMEM.
 */
int batch_read(struct batch *b, FILE *f, const char *head,
	       unsigned int *errline, struct cmdline_err *err);

/*
 * An open or read of a batch or configuration file failed (errno says
 * why): as -errno, but never -EINVAL, which the readers return for a bad
 * line (a file system may say EINVAL: -EIO).
 */
int batch_read_error(void);

/*
 * A read of @f failed with EAGAIN (a non-blocking standard input, set so
 * by a parent that shares it): wait until it has more, clear the error
 * and say to read again.  False for any other failure, or none.
 */
bool batch_wait_input(FILE *f);

/* getc(@f), waiting where batch_wait_input() does. */
int batch_getc(FILE *f);

/*
 * netifmsg's own -j output (a file whose first byte is '[' or '{'), all
 * of it in @text (@len > 0): the array show prints, or else one object
 * a line; an object at a time.  Each
 * object (its "ifname", or "ifname_hex" for a name that is not UTF-8,
 * and "msg_enable") is the line "IFACE 0xMASK"; *@errline is the
 * object's line, or its place in the array.  Returns as batch_read().
 */
int batch_read_json(struct batch *b, const char *text, size_t len,
		    unsigned int *errline, struct cmdline_err *err);

#endif
