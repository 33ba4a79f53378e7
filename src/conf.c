// SPDX-License-Identifier: GPL-2.0-or-later
#include <dirent.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <linux/xattr.h>

#include "conf.h"

/* A JSON file is read whole; netifmsg's own output is far smaller. */
#define JSON_FILE_MAX	(64 << 20)

/*
 * What is read of a file to tell JSON from text, and then of a JSON
 * file the whole: a buffer that grows, bounded by JSON_FILE_MAX.
 */
struct readbuf {
	char *buf;
	size_t n, cap;
};

/* Room for @want bytes after the @n read: twice the room at a time. */
static int rb_grow(struct readbuf *r, size_t want)
{
	size_t cap = r->cap ? r->cap : 64;
	char *more;

	while (cap < r->n + want)
		cap *= 2;
	if (cap == r->cap)
		return 0;
	if (cap > JSON_FILE_MAX)
		return -EFBIG;
	more = realloc(r->buf, cap);
	if (!more)
		return -ENOMEM;
	r->buf = more;
	r->cap = cap;
	return 0;
}

/* Keep @c, NUL-terminated: the text reader takes the bytes as a string. */
static int rb_keep(struct readbuf *r, int c)
{
	int ret = rb_grow(r, 2);

	if (ret < 0)
		return ret;
	r->buf[r->n++] = (char)c;
	r->buf[r->n] = '\0';
	return 0;
}

/* netifmsg's -j output: what @r holds from @mark on, and the rest of @f. */
static int read_json(FILE *f, struct readbuf *r, size_t mark,
		     struct batch *b, unsigned int *errline,
		     struct cmdline_err *err)
{
	int ret;

	/* 64 KiB at first, then twice the room, until the end of the file. */
	do {
		ret = rb_grow(r, r->n < (64 << 10) ? 64 << 10 : r->n == r->cap);
		if (ret < 0)
			return ret;
		r->n += fread(r->buf + r->n, 1, r->cap - r->n, f);
	} while (r->n == r->cap || batch_wait_input(f));
	if (ferror(f))
		return batch_read_error();
	return batch_read_json(b, r->buf + mark, r->n - mark, errline, err);
}

/*
 * netifmsg's -j output starts with '[' and then '{' or ']' (the array
 * that show prints), or with '{' and then '"' or '}' (objects), JSON's
 * blanks allowed between (jq's layout), as many as there are, also after
 * a UTF-8 byte-order mark.  A text line may start with '[' (a pattern)
 * or '{' (a name), but not so.  The reader that is not JSON's gets the
 * bytes read ahead.
 * The jobs read get @name as their file when @tag.
 */
static int load(struct batch *b, FILE *f, const char *name, bool tag,
		struct config_err *e)
{
	struct readbuf r = { NULL, 0, 0 };
	size_t mark, njobs = b->n;
	int c, first = 0, ret = 0;

	errno = 0;
	for (c = batch_getc(f);
	     r.n < 3 && c == (unsigned char)UTF8_BOM[r.n]; c = batch_getc(f)) {
		ret = rb_keep(&r, c);
		if (ret < 0)
			goto out;
	}
	mark = r.n;
	if ((!r.n || r.n == 3) && (c == '[' || c == '{')) {
		first = c;
		do {
			ret = rb_keep(&r, c);
			if (ret < 0)
				goto out;
			c = batch_getc(f);
		} while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	}
	if (c == EOF && ferror(f)) {
		ret = batch_read_error();
		goto out;
	}
	if (c != EOF)
		ungetc(c, f);
	if ((first == '[' && (c == '{' || c == ']')) ||
	    (first == '{' && (c == '"' || c == '}')))
		ret = read_json(f, &r, mark, b, &e->line, &e->msg);
	else
		ret = batch_read(b, f, r.buf ? r.buf : "", &e->line, &e->msg);
out:
	free(r.buf);
	if (tag && batch_set_file(b, njobs, name) < 0 && !ret)
		ret = -ENOMEM;
	return ret;
}

/* Errors are about "@dir@name" from now on, none on a line yet. */
static void err_at(struct config_err *e, const char *dir, const char *name)
{
	snprintf(e->file, sizeof(e->file), "%s%s", dir, name);
	e->line = 0;
}

int config_load(struct batch *b, const char *path, const char *name,
		bool tag, struct config_err *e)
{
	bool is_stdin = !strcmp(path, "-");
	FILE *f;
	int ret;

	err_at(e, name, "");
	/*
	 * Standard input closed at start-up is /dev/null for writing (see
	 * std_fds() in main.c): its /dev/stdin fails as "-" does, not
	 * read as an empty file.
	 */
	if ((fcntl(STDIN_FILENO, F_GETFL) & O_ACCMODE) == O_WRONLY &&
	    (!strcmp(path, "/dev/stdin") || !strcmp(path, "/dev/fd/0") ||
	     !strcmp(path, "/proc/self/fd/0")))
		return -EBADF;
	f = is_stdin ? stdin : fopen(path, "re");
	if (!f)
		return batch_read_error();
	ret = load(b, f, name, tag, e);
	if (!is_stdin)
		fclose(f);
	return ret;
}

/*
 * The file open as @fd, owned by group @gid, has the group bits of its
 * mode writable: may a user other than root (or the caller), or a group
 * other than root, write it?  Without an ACL those bits are @gid's; with
 * one they are its mask, and its entries say who may write, the owning
 * group's included.  An ACL that cannot be read, or not understood, is
 * taken to let them.
 */
static bool group_lets_others_write(int fd, gid_t gid)
{
	struct {
		struct posix_acl_xattr_header h;
		struct posix_acl_xattr_entry e[64];
	} acl;
	ssize_t len = fgetxattr(fd, XATTR_NAME_POSIX_ACL_ACCESS, &acl,
				sizeof(acl));
	size_t i, n;

	if (len < 0)
		return (errno != ENODATA && errno != ENOTSUP) || gid != 0;
	if ((size_t)len < sizeof(acl.h) ||
	    le32toh(acl.h.a_version) != POSIX_ACL_XATTR_VERSION ||
	    ((size_t)len - sizeof(acl.h)) % sizeof(acl.e[0]))
		return true;
	n = ((size_t)len - sizeof(acl.h)) / sizeof(acl.e[0]);
	for (i = 0; i < n; i++) {
		unsigned int tag = le16toh(acl.e[i].e_tag);
		uint32_t id = le32toh(acl.e[i].e_id);

		if (!(le16toh(acl.e[i].e_perm) & ACL_WRITE))
			continue;
		if ((tag == ACL_USER && id != 0 && id != geteuid()) ||
		    (tag == ACL_GROUP && id != 0) ||
		    (tag == ACL_GROUP_OBJ && gid != 0))
			return true;
	}
	return false;
}

/*
 * Is @uid, the owner of the file open as @fd, the caller?  Only where
 * this user namespace maps the caller's uid: in one that does not
 * (unshare -U without a map), geteuid() says the overflow uid (65534),
 * as stat(2) does for every owner it does not map, so that such a file
 * is no more the caller's than anyone's.  Without /proc, no.  Where the
 * caller's uid is mapped to the overflow uid itself (unshare -U
 * --map-user=65534), an owner it does not map shows as the caller too:
 * the kernel tells, as only the owner may set O_NOATIME (or one with
 * CAP_FOWNER, which needs the owner mapped).
 */
static bool caller_owns(int fd, uid_t uid)
{
	unsigned long first, count;
	bool mapped = false;
	int fl;
	FILE *f;

	if (uid != geteuid())
		return false;
	f = fopen("/proc/self/uid_map", "re");
	while (f && !mapped && fscanf(f, "%lu %*u %lu", &first, &count) == 2)
		mapped = uid >= first && uid - first < count;
	if (f)
		fclose(f);
	fl = fcntl(fd, F_GETFL);
	if (!mapped || fl < 0 || fcntl(fd, F_SETFL, fl | O_NOATIME) < 0)
		return false;
	fcntl(fd, F_SETFL, fl);
	return true;
}

/*
 * The default files are read as root, from udev too: like sudoers, they
 * must be root's (or the caller's) and writable by no one else, also
 * through an ACL.  Asked of the file open as @fd, a regular one if @reg,
 * so that what is checked is what is read.
 */
static int check_trusted(int fd, bool reg, struct config_err *e)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return batch_read_error();
	if (reg && !S_ISREG(st.st_mode))
		return cmdline_err_set(&e->msg, false, "not a regular file");
	if (st.st_uid != 0 && !caller_owns(fd, st.st_uid))
		return cmdline_err_set(&e->msg, false,
				       "owned by uid %u, not root: refused (see netifmsg.conf(5))",
				       (unsigned int)st.st_uid);
	if (st.st_mode & S_IWOTH ||
	    (st.st_mode & S_IWGRP && group_lets_others_write(fd, st.st_gid)))
		return cmdline_err_set(&e->msg, false,
				       "writable by a user other than root: refused (see netifmsg.conf(5))");
	return 0;
}

/*
 * A default file, @name in the directory open as @dir (or AT_FDCWD), and
 * @path in messages: a regular file that check_trusted() takes, opened
 * without blocking.
 */
static int load_default(struct batch *b, int dir, const char *name,
			const char *path, struct config_err *e)
{
	FILE *f;
	int fd, ret;

	err_at(e, path, "");
	fd = openat(dir, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return batch_read_error();
	ret = check_trusted(fd, true, e);
	if (!ret && (fcntl(fd, F_SETFL, 0) < 0 || !(f = fdopen(fd, "r"))))
		ret = batch_read_error();
	if (ret) {
		close(fd);
		return ret;
	}
	ret = load(b, f, path, true, e);
	fclose(f);
	return ret;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void config_paths_free(struct config_paths *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	*p = (struct config_paths){ 0 };
}

/* Keep "@dir@name" in @p (the jobs point to it). */
static char *keep_path(struct config_paths *p, const char *dir,
		       const char *name)
{
	char **v = realloc(p->v, (p->n + 1) * sizeof(*v));

	if (!v)
		return NULL;
	p->v = v;
	if (asprintf(&v[p->n], "%s%s", dir, name) < 0)
		return NULL;
	return v[p->n++];
}

/*
 * @etc/netifmsg.d/ *.conf, in lexical (byte) order.  What is no regular
 * file, a symlink's target included (a directory, a dangling symlink,
 * also one whose target path runs through a file, a symlink loop), is
 * skipped, as in systemd's .d directories.  So is netifmsg.d itself when
 * it is no directory (a stray file must not stop netifmsg.conf from being
 * applied at every boot), but @p says so: the caller tells the user.
 */
static int read_dir(struct batch *b, const char *etc,
		    struct config_paths *p, struct config_err *e)
{
	size_t i, first;
	struct dirent *de;
	struct stat st;
	char *dir;
	int fd, ret;
	DIR *d;

	err_at(e, etc, "/netifmsg.d/");
	dir = keep_path(p, etc, "/netifmsg.d/");
	if (!dir)
		return -ENOMEM;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOTDIR || errno == ELOOP) {
			p->skipped = dir;
			return 0;
		}
		return errno == ENOENT ? 0 : batch_read_error();
	}
	/* What is checked is what is listed and read: all through @fd. */
	ret = check_trusted(fd, false, e);
	if (!ret && !(d = fdopendir(fd)))
		ret = batch_read_error();
	if (ret) {
		close(fd);
		return ret;
	}
	/* The paths, kept in @p, sort as the names: they share @dir. */
	first = p->n;
	for (errno = 0; (de = readdir(d)); errno = 0)
		if (!fnmatch("?*.conf", de->d_name, FNM_PERIOD) &&
		    !keep_path(p, dir, de->d_name))
			break;
	ret = errno ? batch_read_error() : 0;
	qsort(p->v + first, p->n - first, sizeof(*p->v), by_name);
	for (i = first; !ret && i < p->n; i++) {
		const char *name = p->v[i] + strlen(dir);

		if (fstatat(fd, name, &st, 0) ?
		    errno != ENOENT && errno != ELOOP && errno != ENOTDIR :
		    S_ISREG(st.st_mode))
			ret = load_default(b, fd, name, p->v[i], e);
		/* Removed since it was looked at: missing, as it is now. */
		if (ret == -ENOENT)
			ret = 0;
	}
	closedir(d);
	return ret;
}

const char *config_shown_name(const char *path)
{
	return strcmp(path, "-") ? path : "<stdin>";
}

int config_read(struct batch *b, const char *const *files, int n,
		const char *etc, struct config_paths *paths,
		struct config_err *e)
{
	struct stat st;
	char *main_file;
	int i, ret;

	if (files && n > 0) {
		for (i = 0, ret = 0; !ret && i < n; i++)
			ret = config_load(b, files[i],
					  config_shown_name(files[i]), true, e);
		return ret;
	}
	err_at(e, etc, "/netifmsg.conf");
	main_file = keep_path(paths, etc, "/netifmsg.conf");
	if (!main_file)
		return -ENOMEM;
	ret = load_default(b, AT_FDCWD, main_file, main_file, e);
	/* A dangling symlink is there: no missing file, no regular one. */
	if ((ret == -ENOENT || ret == -ENOTDIR) && !lstat(main_file, &st))
		ret = cmdline_err_set(&e->msg, false, "not a regular file");
	if (ret && ret != -ENOENT)
		return ret;
	return read_dir(b, etc, paths, e);
}
