/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration files for --apply: SYSCONFDIR/netifmsg.conf, then
 * SYSCONFDIR/netifmsg.d/ *.conf in lexical order (or the --config files
 * given), every one in the --batch line format.  Also the loader of one
 * --batch file.  Read into jobs; no printing, no kernel.
 */
#ifndef NETIFMSG_CONF_H
#define NETIFMSG_CONF_H

#include "batch.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR	"/etc"
#endif

/* Where reading failed, for the message. */
struct config_err {
	char file[4096];		/* the file, "" if none */
	unsigned int line;		/* its line, 0 if none */
	struct cmdline_err msg;		/* for -EINVAL: what was wrong */
};

/*
 * One file (or "-": standard input) into @b, in the --batch format:
 * text lines, or netifmsg's own JSON when the first byte is '[' or '{'.
 * Jobs get @name as their file when @tag.  Returns 0, -EINVAL (a bad
 * line: @e says where and why) or another -errno (@e->file says which).
 */
int config_load(struct batch *b, const char *path, const char *name,
		bool tag, struct config_err *e);

/* The names of the drop-in files read, which the jobs point to. */
struct config_paths {
	char **v;
	size_t n;
	const char *skipped;	/* netifmsg.d/, skipped as no directory */
};

void config_paths_free(struct config_paths *p);

/* A file's name in messages: "<stdin>" for "-", as --batch - says it. */
const char *config_shown_name(const char *path);

/*
 * The configuration: @files ("-": standard input, "<stdin>" in
 * messages), or with none (@n == 0) the default files
 * @etc/netifmsg.conf and @etc/netifmsg.d/ *.conf (SYSCONFDIR for the
 * program; a default file that does not exist is no error; a netifmsg.d
 * that is no directory is skipped and named in @paths->skipped), into @b
 * in order.  Returns as config_load().  Free @paths after @b.
 */
int config_read(struct batch *b, const char *const *files, int n,
		const char *etc, struct config_paths *paths,
		struct config_err *e);

#endif
