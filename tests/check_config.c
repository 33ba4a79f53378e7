// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the configuration files of --apply (config.c): the
 * default file and drop-in directory in lexical order, --config files in
 * the order given, JSON files, and errors with FILE:LINE.  Everything in
 * a temporary directory standing for SYSCONFDIR.
 */
#include <check.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>

#include "check_child.h"
#include "check_main.h"
#include "conf.h"

static char etc[] = "/tmp/check_config.XXXXXX";
static struct batch b;
static struct config_paths paths;
static struct config_err e;

/* @name in etc, holding the @len bytes at @text (NUL bytes too). */
static void put_bytes(const char *name, const char *text, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", etc, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0644), 0);
}

static void put(const char *name, const char *text)
{
	put_bytes(name, text, strlen(text));
}

static void setup(void)
{
	char d[600];

	strcpy(etc, "/tmp/check_config.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(etc));
	snprintf(d, sizeof(d), "%s/netifmsg.d", etc);
	ck_assert_int_eq(mkdir(d, 0755), 0);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	memset(&e, 0, sizeof(e));
}

static void teardown(void)
{
	char cmd[700];

	batch_free(&b);
	config_paths_free(&paths);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", etc);
	ck_assert_int_eq(system(cmd), 0);
}

/* "FILE:LINE IFACE" of job @i, FILE without the directory. */
static const char *where(size_t i)
{
	static char buf[256];
	const char *f = b.jobs[i].more->file;

	ck_assert_ptr_nonnull(f);
	snprintf(buf, sizeof(buf), "%s:%u %s", f + strlen(etc) + 1,
		 b.jobs[i].lineno, b.jobs[i].ifname);
	return buf;
}

START_TEST(test_default_order)
{
	put("netifmsg.conf", "# main\neth0 +link\n");
	put("netifmsg.d/50-b.conf", "tap1 0x3\n");
	put("netifmsg.d/10-a.conf", "\ntap0 none\ntap* +drv\n");
	put("netifmsg.d/99-z.conf.disabled", "zz0 all\n");
	put("netifmsg.d/.hidden.conf", "zz1 all\n");
	put("netifmsg.d/Z.conf", "tapZ +hw\n");
	put("netifmsg.d/a.conf", "tapa +hw\n");
	put("netifmsg.d/9-c.conf", "tap9 +hw\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 7);
	ck_assert_str_eq(where(0), "netifmsg.conf:2 eth0");
	/* byte order: "10-a" < "50-b" < "9-c" < "Z" < "a" */
	ck_assert_str_eq(where(1), "netifmsg.d/10-a.conf:2 tap0");
	ck_assert_str_eq(where(2), "netifmsg.d/10-a.conf:3 tap*");
	ck_assert(b.jobs[2].pattern);
	ck_assert_str_eq(where(3), "netifmsg.d/50-b.conf:1 tap1");
	ck_assert_str_eq(where(4), "netifmsg.d/9-c.conf:1 tap9");
	ck_assert_str_eq(where(5), "netifmsg.d/Z.conf:1 tapZ");
	ck_assert_str_eq(where(6), "netifmsg.d/a.conf:1 tapa");
	ck_assert_uint_eq(b.jobs[3].change.abs, 0x3);
}
END_TEST

/* No main file, no directory: an empty configuration, no error. */
START_TEST(test_missing_is_empty)
{
	char d[600];

	snprintf(d, sizeof(d), "%s/netifmsg.d", etc);
	ck_assert_int_eq(rmdir(d), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 0);
	put("netifmsg.conf", "tap0 +link\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
}
END_TEST

/*
 * With -Wl,--wrap=realloc: the library's realloc() fails once
 * realloc_ok calls have passed (never while it is negative).
 */
static int realloc_ok = -1;

void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_realloc(void *p, size_t n)
{
	if (realloc_ok >= 0 && realloc_ok-- == 0) {
		realloc_ok = -1;
		errno = ENOMEM;
		return NULL;
	}
	return __real_realloc(p, n);
}

/*
 * Out of memory before netifmsg.conf is read, or before netifmsg.d is
 * (no netifmsg.conf: the second realloc() is netifmsg.d's name): the
 * error names the file.
 */
START_TEST(test_nomem_names_file)
{
	static const char *const names[] = { "netifmsg.conf", "netifmsg.d/" };
	char want[600];
	int i;

	for (i = 0; i < 2; i++) {
		config_paths_free(&paths);
		strcpy(e.file, "(garbage)");
		realloc_ok = i;
		ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e),
				 -ENOMEM);
		ck_assert_int_eq(realloc_ok, -1);
		snprintf(want, sizeof(want), "%s/%s", etc, names[i]);
		ck_assert_str_eq(e.file, want);
	}
}
END_TEST

/*
 * What is no regular file in the directory (a directory named *.conf, a
 * dangling symlink, also one through a file, a symlink loop) is skipped, as systemd's .d
 * directories do; a symlink to a file is read.
 */
START_TEST(test_dir_not_files)
{
	char d[600], link[700];

	put("netifmsg.d/10-a.conf", "tap0 +link\n");
	put("target", "tap1 +drv\n");
	snprintf(d, sizeof(d), "%s/netifmsg.d/20-dir.conf", etc);
	ck_assert_int_eq(mkdir(d, 0755), 0);
	snprintf(link, sizeof(link), "%s/netifmsg.d/30-dead.conf", etc);
	ck_assert_int_eq(symlink("/nonexistent/netifmsg.conf", link), 0);
	snprintf(link, sizeof(link), "%s/netifmsg.d/35-loop.conf", etc);
	ck_assert_int_eq(symlink("35-loop.conf", link), 0);
	/* Dangling too: a file where its target path needs a directory. */
	snprintf(d, sizeof(d), "%s/target/netifmsg.conf", etc);
	snprintf(link, sizeof(link), "%s/netifmsg.d/37-notdir.conf", etc);
	ck_assert_int_eq(symlink(d, link), 0);
	snprintf(d, sizeof(d), "%s/target", etc);
	snprintf(link, sizeof(link), "%s/netifmsg.d/40-link.conf", etc);
	ck_assert_int_eq(symlink(d, link), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(where(0), "netifmsg.d/10-a.conf:1 tap0");
	ck_assert_str_eq(where(1), "netifmsg.d/40-link.conf:1 tap1");
}
END_TEST

/* The name in netifmsg.d that is removed as conf.c opens it. */
static const char *gone_at_open;

/*
 * conf.c's openat(): with @gone_at_open, that file is removed first, as
 * by an rm(1) or a package upgrade between the listing and the reading.
 */
int openat(int dir, const char *name, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (gone_at_open && !strcmp(name, gone_at_open)) {
		gone_at_open = NULL;
		ck_assert_int_eq(unlinkat(dir, name, 0), 0);
	}
	return (int)syscall(SYS_openat, dir, name, flags | O_LARGEFILE, mode);
}

/*
 * A drop-in file removed after it was listed (and found a regular file)
 * but before it is opened is missing, as one removed before: skipped,
 * not an error that keeps every other line from being applied.
 */
START_TEST(test_dir_file_gone)
{
	put("netifmsg.conf", "tap0 +link\n");
	put("netifmsg.d/10.conf", "tap1 +link\n");
	put("netifmsg.d/20.conf", "tap2 +link\n");
	put("netifmsg.d/30.conf", "tap3 +link\n");
	gone_at_open = "20.conf";
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_ptr_null(gone_at_open);
	ck_assert_uint_eq(b.n, 3);
	ck_assert_str_eq(where(0), "netifmsg.conf:1 tap0");
	ck_assert_str_eq(where(1), "netifmsg.d/10.conf:1 tap1");
	ck_assert_str_eq(where(2), "netifmsg.d/30.conf:1 tap3");
}
END_TEST

/*
 * Read the defaults again: netifmsg.conf's line only, and netifmsg.d
 * named as skipped if @skipped; then netifmsg.d is removed.
 */
static void read_without_dir(bool skipped)
{
	char d[600];

	batch_free(&b);
	config_paths_free(&paths);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_str_eq(where(0), "netifmsg.conf:1 tap0");
	snprintf(d, sizeof(d), "%s/netifmsg.d/", etc);
	if (skipped)
		ck_assert_str_eq(paths.skipped, d);
	else
		ck_assert_ptr_null(paths.skipped);
	d[strlen(d) - 1] = '\0';
	ck_assert_int_eq(unlink(d), 0);
}

/*
 * A netifmsg.d that is no directory (a file, as "netifmsg >
 * /etc/netifmsg.d" makes where there is none, a FIFO, a symlink to a
 * file, to /dev/null, a loop) is skipped, never opened, and named, so
 * that one stray file does not stop netifmsg.conf from being applied.
 * Not read, it is not refused as untrusted either.  A dangling symlink
 * is a missing directory.
 */
START_TEST(test_dir_not_dir)
{
	char d[600], t[600];

	put("netifmsg.conf", "tap0 +link\n");
	put("target", "tap1 +drv\n");
	snprintf(d, sizeof(d), "%s/netifmsg.d", etc);
	snprintf(t, sizeof(t), "%s/target", etc);
	ck_assert_int_eq(rmdir(d), 0);
	put("netifmsg.d", "tap1 +drv\n");
	ck_assert_int_eq(chmod(d, 0666), 0);
	read_without_dir(true);
	ck_assert_int_eq(mkfifo(d, 0644), 0);
	read_without_dir(true);
	ck_assert_int_eq(symlink(t, d), 0);
	read_without_dir(true);
	ck_assert_int_eq(symlink("/dev/null", d), 0);
	read_without_dir(true);
	ck_assert_int_eq(symlink("netifmsg.d", d), 0);
	read_without_dir(true);
	ck_assert_int_eq(symlink("/nonexistent/netifmsg.d", d), 0);
	read_without_dir(false);
}
END_TEST

/* No --config file (none in a list that is there): the defaults. */
START_TEST(test_config_files_none)
{
	const char *files[1] = { "/nonexistent/netifmsg.conf" };

	put("netifmsg.conf", "eth0 +link\n");
	put("netifmsg.d/10.conf", "tap0 +link\n");
	ck_assert_int_eq(config_read(&b, files, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(where(0), "netifmsg.conf:1 eth0");
	ck_assert_str_eq(where(1), "netifmsg.d/10.conf:1 tap0");
}
END_TEST

/* --config files replace the defaults, in the order given. */
START_TEST(test_config_files)
{
	char f1[600], f2[600];
	const char *files[2] = { f2, f1 };

	put("netifmsg.conf", "eth0 +link\n");
	put("one", "tap1 +timer\n");
	put("two", "--driver tun tap2 --from-level 2\ntap3\n");
	snprintf(f1, sizeof(f1), "%s/one", etc);
	snprintf(f2, sizeof(f2), "%s/two", etc);
	ck_assert_int_eq(config_read(&b, files, 2, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 3);
	ck_assert_str_eq(where(0), "two:1 tap2");
	ck_assert_int_eq(b.jobs[0].more->ndrivers, 1);
	ck_assert_str_eq(b.jobs[0].more->drivers[0], "tun");
	ck_assert_uint_eq(b.jobs[0].change.abs, 0xf);
	ck_assert_str_eq(where(1), "two:2 tap3");
	ck_assert(b.jobs[1].show);
	ck_assert_str_eq(where(2), "one:1 tap1");
	/* A --config file that does not exist is an error, named. */
	files[0] = "/nonexistent/netifmsg.conf";
	ck_assert_int_eq(config_read(&b, files, 1, etc, &paths, &e), -ENOENT);
	ck_assert_str_eq(e.file, "/nonexistent/netifmsg.conf");
}
END_TEST

/* The first bad line of any file stops the reading: FILE:LINE. */
START_TEST(test_errors)
{
	char path[600];

	put("netifmsg.conf", "tap0 +link\n");
	put("netifmsg.d/10.conf", "tap1 0x1\n\ntap2 0xzz\n");
	put("netifmsg.d/20.conf", "tap3 +drv\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.d/10.conf"));
	ck_assert_uint_eq(e.line, 3);
	ck_assert_str_eq(e.msg.msg, "invalid number '0xzz'");
	/* Then a whole file refused: the error names no line of it. */
	put("netifmsg.d/10.conf", "tap1 0x1\n");
	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	ck_assert_int_eq(chmod(path, 0646), 0);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	config_paths_free(&paths);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_str_eq(e.file, path);
	ck_assert_uint_eq(e.line, 0);
	ck_assert_str_eq(e.msg.msg, "writable by a user other than root: refused (see netifmsg.conf(5))");
}
END_TEST

/* netifmsg.conf is no regular file: refused as such, no usage error. */
static void refused_special(const char *path)
{
	batch_free(&b);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_str_eq(e.file, path);
	ck_assert_uint_eq(e.line, 0);
	ck_assert_str_eq(e.msg.msg, "not a regular file");
	ck_assert(!e.msg.hint);
	ck_assert_int_eq(unlink(path), 0);
}

/*
 * A special file where a default file is (a FIFO: it would block udev's
 * --apply forever) is refused, or skipped in netifmsg.d; no open blocks.
 * So is a dangling symlink as netifmsg.conf (its target not mounted yet,
 * or deleted): it is there, and no regular file.
 */
START_TEST(test_special_files)
{
	char path[600];

	put("netifmsg.d/10.conf", "tap1 +link\n");
	snprintf(path, sizeof(path), "%s/netifmsg.d/20-fifo.conf", etc);
	ck_assert_int_eq(mkfifo(path, 0644), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	ck_assert_int_eq(mkfifo(path, 0644), 0);
	refused_special(path);
	ck_assert_int_eq(symlink("/nonexistent/netifmsg.conf", path), 0);
	refused_special(path);
	/* Dangling too: a file where its target path needs a directory. */
	ck_assert_int_eq(symlink("netifmsg.d/10.conf/x", path), 0);
	refused_special(path);
}
END_TEST

/*
 * @name, made @mode and @uid:@gid, is refused as a default file (no
 * usage error: no hint of --help).
 */
static void refused(const char *name, mode_t mode, uid_t uid, gid_t gid,
		    const char *why)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/%s", etc, name);
	ck_assert_int_eq(chmod(path, mode), 0);
	ck_assert_int_eq(chown(path, uid, gid), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_str_eq(e.file, path);
	ck_assert_str_eq(e.msg.msg, why);
	ck_assert(!e.msg.hint);
	ck_assert_int_eq(chmod(path, 0755), 0);
	ck_assert_int_eq(chown(path, geteuid(), getegid()), 0);
	batch_free(&b);
}

#define WRITABLE "writable by a user other than root: refused (see netifmsg.conf(5))"

/*
 * Default files, and netifmsg.d, that a user other than root may write
 * or owns are refused, as sudo refuses such a sudoers; group root may
 * write.  The message says which.
 */
START_TEST(test_untrusted)
{
	put("netifmsg.conf", "tap0 +link\n");
	put("netifmsg.d/10.conf", "tap1 +link\n");
	refused("netifmsg.conf", 0646, geteuid(), getegid(), WRITABLE);
	refused("netifmsg.d/10.conf", 0666, geteuid(), getegid(), WRITABLE);
	refused("netifmsg.d/", 0757, geteuid(), getegid(), WRITABLE);
	if (geteuid() == 0) {
		refused("netifmsg.conf", 0664, 0, 1, WRITABLE);
		refused("netifmsg.d/10.conf", 0644, 1, 0,
			"owned by uid 1, not root: refused (see netifmsg.conf(5))");
		refused("netifmsg.d/", 0775, 0, 1, WRITABLE);
		refused("netifmsg.d/10.conf", 0664, 0, 1, WRITABLE);
		ck_assert_int_eq(chmod(e.file, 0664), 0);
		ck_assert_int_eq(chown(e.file, 0, 0), 0);
		/* A group other than root's that may not write: trusted. */
		ck_assert_int_eq(chmod(e.file, 0644), 0);
		ck_assert_int_eq(chown(e.file, 0, 1), 0);
	}
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 2);
}
END_TEST

/*
 * Give @name (root's, mode 0644) the access ACL user::rw-, user:@uid:@uperm,
 * group::@gobj, group:@gid:@gperm, mask::@mask, other::r--.  False where
 * the file system has no ACLs.
 */
static bool set_acl_perms(const char *name, uint32_t uid, unsigned int uperm,
			  unsigned int gobj, uint32_t gid, unsigned int gperm,
			  unsigned int mask)
{
	struct {
		struct posix_acl_xattr_header h;
		struct posix_acl_xattr_entry e[6];
	} acl = {
		{ htole32(POSIX_ACL_XATTR_VERSION) },
		{
			{ htole16(ACL_USER_OBJ), htole16(6), htole32(ACL_UNDEFINED_ID) },
			{ htole16(ACL_USER), htole16(uperm), htole32(uid) },
			{ htole16(ACL_GROUP_OBJ), htole16(gobj), htole32(ACL_UNDEFINED_ID) },
			{ htole16(ACL_GROUP), htole16(gperm), htole32(gid) },
			{ htole16(ACL_MASK), htole16(mask), htole32(ACL_UNDEFINED_ID) },
			{ htole16(ACL_OTHER), htole16(4), htole32(ACL_UNDEFINED_ID) },
		},
	};
	char path[600];

	snprintf(path, sizeof(path), "%s/%s", etc, name);
	ck_assert_int_eq(chown(path, 0, 0), 0);
	ck_assert_int_eq(chmod(path, 0644), 0);
	if (setxattr(path, "system.posix_acl_access", &acl, sizeof(acl), 0) < 0) {
		ck_assert_int_eq(errno, EOPNOTSUPP);
		return false;
	}
	return true;
}

/* The same, user:@uid and group:@gid with rw-. */
static bool set_acl(const char *name, uint32_t uid, uint32_t gid,
		    unsigned int mask)
{
	return set_acl_perms(name, uid, 6, 4, gid, 6, mask);
}

/*
 * With an ACL the group bits are its mask: a named user or group that
 * may write makes a file untrusted too (as root: the file is root's).
 */
START_TEST(test_untrusted_acl)
{
	char path[600];

	put("netifmsg.conf", "tap0 +link\n");
	ck_assert_msg(set_acl("netifmsg.conf", 65534, 0, 6),
		      "%s has no POSIX ACLs: the ACL cases cannot run", etc);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.conf"));
	ck_assert_ptr_nonnull(strstr(e.msg.msg, "refused"));
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);

	ck_assert(set_acl("netifmsg.conf", 0, 65534, 6));
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg.msg, "refused"));
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);

	/* Root's own entries may write; a mask without w lets no one. */
	ck_assert(set_acl("netifmsg.conf", 0, 0, 6));
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert(set_acl("netifmsg.conf", 65534, 65534, 4));
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	/* A named user that may only read (the mask is group root's rw-). */
	ck_assert(set_acl_perms("netifmsg.conf", 65534, 4, 4, 0, 6, 6));
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);

	/*
	 * Owned by another group: with an ACL the group bits are the mask,
	 * and group:: says what the owning group may do.
	 */
	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	ck_assert(set_acl("netifmsg.conf", 0, 0, 6));
	ck_assert_int_eq(chown(path, 0, 65534), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 1);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ck_assert(set_acl_perms("netifmsg.conf", 0, 6, 6, 0, 6, 6));
	ck_assert_int_eq(chown(path, 0, 65534), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg.msg, "refused"));
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	/* The same file owned by group root may be written by root. */
	ck_assert_int_eq(chown(path, 0, 0), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);

	/* netifmsg.d's own ACL counts as the files' do. */
	ck_assert(set_acl("netifmsg.d", 65534, 0, 6));
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.d/"));
	ck_assert_ptr_nonnull(strstr(e.msg.msg, "refused"));
}
END_TEST

static bool swap_dir;

/*
 * With @fake_acl, the ACL conf.c's fgetxattr() reads: @fake_acl_len
 * bytes of it (ERANGE if they do not fit), and after them, up to the
 * size asked for, entries that let a group other than root write.
 */
static const void *fake_acl;
static size_t fake_acl_len;

static ssize_t read_fake_acl(void *value, size_t size)
{
	struct posix_acl_xattr_entry w = {
		htole16(ACL_GROUP), htole16(6), htole32(65534)
	};
	size_t i;

	if (fake_acl_len > size) {
		errno = ERANGE;
		return -1;
	}
	for (i = sizeof(struct posix_acl_xattr_header); i + sizeof(w) <= size;
	     i += sizeof(w))
		memcpy((char *)value + i, &w, sizeof(w));
	memcpy(value, fake_acl, fake_acl_len);
	return (ssize_t)fake_acl_len;
}

/*
 * conf.c's fgetxattr(), which the check of a group-writable file or
 * netifmsg.d calls: with @swap_dir, netifmsg.d is swapped for a
 * directory that anyone may write first, as one who may write SYSCONFDIR
 * could do between the check and the reading; with @fake_acl, that ACL
 * is read.
 */
ssize_t fgetxattr(int fd, const char *name, void *value, size_t size)
{
	char d[600], to[600];

	if (fake_acl)
		return read_fake_acl(value, size);
	if (swap_dir) {
		swap_dir = false;
		snprintf(d, sizeof(d), "%s/netifmsg.d", etc);
		snprintf(to, sizeof(to), "%s/checked.d", etc);
		ck_assert_int_eq(rename(d, to), 0);
		snprintf(to, sizeof(to), "%s/other.d", etc);
		ck_assert_int_eq(rename(to, d), 0);
	}
	return syscall(SYS_fgetxattr, fd, name, value, size);
}

/* An access ACL as the xattr holds it, room for 70 entries. */
struct acl70 {
	struct posix_acl_xattr_header h;
	struct posix_acl_xattr_entry e[70];
};

/*
 * In @acl, @n entries (at most 70), none that lets another write:
 * user::rw-, group::r--, other::r--, then named users that may read.
 * Returns their length, the header's included.
 */
static size_t acl_none_writes(struct acl70 *acl, unsigned int n)
{
	static const uint16_t tags[] = { ACL_USER_OBJ, ACL_GROUP_OBJ, ACL_OTHER };
	unsigned int i;

	ck_assert_uint_le(n, 70);
	memset(acl, 0, sizeof(*acl));
	acl->h.a_version = htole32(POSIX_ACL_XATTR_VERSION);
	for (i = 0; i < n; i++) {
		acl->e[i].e_tag = htole16(i < 3 ? tags[i] : ACL_USER);
		acl->e[i].e_perm = htole16(i ? 4 : 6);
		acl->e[i].e_id = htole32(i < 3 ? ACL_UNDEFINED_ID : 1000 + i);
	}
	return sizeof(acl->h) + n * sizeof(acl->e[0]);
}

/* netifmsg.conf, mode 0664, is read (@ok) or refused with @acl as its ACL. */
static void read_with_acl(const struct acl70 *acl, size_t len, bool ok)
{
	int want = ok ? 0 : -EINVAL;
	char path[600];

	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	ck_assert_int_eq(chmod(path, 0664), 0);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	fake_acl = acl;
	fake_acl_len = len;
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), want);
	fake_acl = NULL;
	if (ok)
		ck_assert_uint_eq(b.n, 1);
	else
		ck_assert_str_eq(e.msg.msg, WRITABLE);
}

/*
 * An ACL that is not understood (a header cut short, another version,
 * an entry cut short) or cannot be read (more entries than the room
 * conf.c gives them, 64) is taken to let others write: refused.  Only
 * the bytes the ACL has are read.
 */
START_TEST(test_acl_not_understood)
{
	struct acl70 acl;
	size_t len;

	put("netifmsg.conf", "tap0 +link\n");
	len = acl_none_writes(&acl, 4);
	read_with_acl(&acl, len, true);
	read_with_acl(&acl, 2, false);
	read_with_acl(&acl, len - 1, false);
	acl.h.a_version = htole32(POSIX_ACL_XATTR_VERSION + 1);
	read_with_acl(&acl, len, false);
	len = acl_none_writes(&acl, 64);
	read_with_acl(&acl, len, true);
	len = acl_none_writes(&acl, 65);
	read_with_acl(&acl, len, false);
}
END_TEST

/*
 * netifmsg.d swapped for another directory after its check: the files
 * read are those of the directory checked (root's: group root may write).
 */
START_TEST(test_dir_swapped)
{
	char d[600];

	put("netifmsg.d/10.conf", "tap0 +link\n");
	snprintf(d, sizeof(d), "%s/other.d", etc);
	ck_assert_int_eq(mkdir(d, 0777), 0);
	ck_assert_int_eq(chmod(d, 0777), 0);
	put("other.d/10.conf", "tap9 +link\n");
	snprintf(d, sizeof(d), "%s/netifmsg.d", etc);
	ck_assert_int_eq(chown(d, 0, 0), 0);
	ck_assert_int_eq(chmod(d, 0775), 0);
	swap_dir = true;
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert(!swap_dir);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_str_eq(where(0), "netifmsg.d/10.conf:1 tap0");
}
END_TEST

/*
 * A symlink in the directory whose target the caller may not look at
 * (a directory of root's alone on its path): no file known to be none
 * to skip, but one that cannot be read, an error.  In a child that
 * gives up root, as below.
 */
START_TEST(test_dir_link_not_searchable)
{
	char d[600], link[700];
	pid_t pid;

	put("netifmsg.d/10-a.conf", "tap0 +link\n");
	snprintf(d, sizeof(d), "%s/private", etc);
	ck_assert_int_eq(mkdir(d, 0700), 0);
	put("private/x.conf", "tap1 +link\n");
	snprintf(d, sizeof(d), "%s/private/x.conf", etc);
	snprintf(link, sizeof(link), "%s/netifmsg.d/20-b.conf", etc);
	ck_assert_int_eq(symlink(d, link), 0);
	ck_assert_int_eq(chmod(etc, 0755), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(10);
		_exit(config_read(&b, NULL, 0, etc, &paths, &e) == -EACCES &&
		      !strcmp(e.file, link) ? 0 : 11);
	}
	child_exited_0(pid);
}
END_TEST

/*
 * Read by a user other than root (netifmsg --apply -v to look, say):
 * root's files are trusted as for root, and so is an ACL that lets root
 * write.  In a child, which gives up root for good.
 */
START_TEST(test_trusted_other_caller)
{
	bool acl;
	pid_t pid;

	put("netifmsg.conf", "tap0 +link\n");
	put("netifmsg.d/10.conf", "tap1 +link\n");
	ck_assert_int_eq(chmod(etc, 0755), 0);
	acl = set_acl("netifmsg.conf", 0, 0, 6);
	ck_assert_msg(acl, "%s has no POSIX ACLs: the ACL case cannot run", etc);
	/* A named user entry that lets the caller itself write, no one else. */
	ck_assert(set_acl("netifmsg.d/10.conf", 65534, 0, 6));
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(10);
		if (config_read(&b, NULL, 0, etc, &paths, &e))
			_exit(11);
		_exit(b.n == 2 ? 0 : 12);
	}
	child_exited_0(pid);
}
END_TEST

/*
 * In a user namespace that maps the caller's uid to 65534 (unshare -U
 * --map-user=65534, run by root), every owner it does not map shows as
 * 65534 too: a file of uid 1 is refused all the same, as owned by uid
 * 65534, and root's, the caller's, is read.  In a child, which enters
 * it: its exit status is 0 where config_read() did as @refused says.
 */
static void read_as_65534(bool refused)
{
	int fd, ret;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (unshare(CLONE_NEWUSER) < 0)
			_exit(10);
		fd = open("/proc/self/uid_map", O_WRONLY);
		if (fd < 0 || write(fd, "65534 0 1\n", 10) != 10 ||
		    close(fd) < 0 || geteuid() != 65534)
			_exit(11);
		ret = config_read(&b, NULL, 0, etc, &paths, &e);
		if (refused)
			_exit(ret == -EINVAL && !strcmp(e.msg.msg,
			      "owned by uid 65534, not root: refused (see netifmsg.conf(5))") ? 0 : 12);
		_exit(!ret && b.n == 1 ? 0 : 13);
	}
	child_exited_0(pid);
}

START_TEST(test_untrusted_userns_overflow)
{
	char path[600];

	put("netifmsg.conf", "tap0 +link\n");
	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	ck_assert_int_eq(chown(path, 1, 0), 0);
	read_as_65534(true);
	ck_assert_int_eq(chown(path, 0, 0), 0);
	read_as_65534(false);
}
END_TEST

/*
 * In a user namespace that maps no uid (unshare -U without a map), the
 * caller's uid shows as 65534, as every owner's does: a file of any
 * owner is refused (netifmsg.conf(5)), root's too, though the kernel
 * would let the caller, its owner outside, set O_NOATIME on it.
 */
START_TEST(test_untrusted_userns_unmapped)
{
	pid_t pid;

	put("netifmsg.conf", "tap0 +link\n");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (unshare(CLONE_NEWUSER) < 0 || geteuid() != 65534)
			_exit(10);
		_exit(config_read(&b, NULL, 0, etc, &paths, &e) == -EINVAL &&
		      !strcmp(e.msg.msg, "owned by uid 65534, not root: refused (see netifmsg.conf(5))") ?
		      0 : 11);
	}
	child_exited_0(pid);
}
END_TEST

/* netifmsg's own output is a configuration: text, -x and JSON. */
START_TEST(test_show_output)
{
	put("netifmsg.d/a.conf", "tap0: 0x00000005 drv link\ntap1: 0x00000003\n"
				 "tap2: 0x00000001 drv (changed)\n");
	put("netifmsg.d/b.conf", "[{\"ifname\":\"tap3\",\"ifindex\":5,\"msg_enable\":12,"
				 "\"classes\":[\"link\",\"timer\"]}]\n");
	/* JSON after a UTF-8 byte-order mark is JSON still. */
	put("netifmsg.d/c.conf", "\xef\xbb\xbf{\"ifname\":\"tap4\",\"msg_enable\":6}\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 5);
	ck_assert_uint_eq(b.jobs[0].change.abs, 0x5);
	ck_assert_uint_eq(b.jobs[1].change.abs, 0x3);
	ck_assert_uint_eq(b.jobs[2].change.abs, 0x1);
	ck_assert_str_eq(where(3), "netifmsg.d/b.conf:1 tap3");
	ck_assert_uint_eq(b.jobs[3].change.abs, 0xc);
	ck_assert_str_eq(where(4), "netifmsg.d/c.conf:1 tap4");
	ck_assert_uint_eq(b.jobs[4].change.abs, 0x6);
}
END_TEST

/* Only a whole byte-order mark before '[' or '{' makes a JSON file. */
START_TEST(test_part_of_bom)
{
	put("netifmsg.d/a.conf", "\xef\xbb[a]0 +drv\n");
	put("netifmsg.d/b.conf", "\xef{x} -drv\n");
	/* even where what follows the part would start JSON */
	put("netifmsg.d/c.conf", "\xef{}x -link\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 3);
	ck_assert_str_eq(where(0), "netifmsg.d/a.conf:1 \xef\xbb[a]0");
	ck_assert(b.jobs[0].pattern);
	ck_assert_uint_eq(b.jobs[0].change.on, 0x1);
	ck_assert_str_eq(where(1), "netifmsg.d/b.conf:1 \xef{x}");
	ck_assert_uint_eq(b.jobs[1].change.off, 0x1);
	ck_assert_str_eq(where(2), "netifmsg.d/c.conf:1 \xef{}x");
	ck_assert_uint_eq(b.jobs[2].change.off, 0x4);
}
END_TEST

/*
 * A NUL byte right after a byte-order mark is a NUL byte in line 1, as
 * anywhere else: not lost with the bytes read ahead.
 */
START_TEST(test_bom_then_nul)
{
	static const char text[] = "\xef\xbb\xbf\0tap0 +link\n";

	put_bytes("netifmsg.d/a.conf", text, sizeof(text) - 1);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.d/a.conf"));
	ck_assert_uint_eq(e.line, 1);
	ck_assert_str_eq(e.msg.msg, "a NUL byte in the line (binary data?)");
	ck_assert_uint_eq(b.n, 0);
}
END_TEST

/*
 * JSON is '[' then '{' or ']', or '{' then '"' or '}', blanks and
 * newlines between: a text line may start with a pattern or a name.
 */
START_TEST(test_json_or_text)
{
	put("netifmsg.d/a.conf", "[et]ap0 +drv\n");
	put("netifmsg.d/b.conf", "{lan -drv\n");
	put("netifmsg.d/c.conf", "[\n  {\n    \"ifname\": \"tap3\",\n    \"msg_enable\": 4\n  }\n]\n");
	put("netifmsg.d/d.conf", "{ \"ifname\":\"tap4\",\"msg_enable\":6}\n");
	put("netifmsg.d/e.conf", "[ ]\n");
	put("netifmsg.d/f.conf", "\\{x +link\n");
	/* a JSON file with CRLF line ends, as some editors write it */
	put("netifmsg.d/g.conf", "[\r\n  {\"ifname\": \"tap5\", \"msg_enable\": 2}\r\n]\r\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 6);
	ck_assert_str_eq(where(0), "netifmsg.d/a.conf:1 [et]ap0");
	ck_assert(b.jobs[0].pattern);
	ck_assert_uint_eq(b.jobs[0].change.on, 0x1);
	ck_assert_str_eq(where(1), "netifmsg.d/b.conf:1 {lan");
	ck_assert_uint_eq(b.jobs[1].change.off, 0x1);
	ck_assert_str_eq(where(2), "netifmsg.d/c.conf:1 tap3");
	ck_assert_uint_eq(b.jobs[2].change.abs, 0x4);
	ck_assert_str_eq(where(3), "netifmsg.d/d.conf:1 tap4");
	ck_assert_uint_eq(b.jobs[3].change.abs, 0x6);
	ck_assert_str_eq(where(4), "netifmsg.d/f.conf:1 {x");
	ck_assert_uint_eq(b.jobs[4].change.on, 0x4);
	ck_assert_str_eq(where(5), "netifmsg.d/g.conf:1 tap5");
	ck_assert_uint_eq(b.jobs[5].change.abs, 0x2);
	batch_free(&b);
	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	/* "{}", an object: JSON (no "ifname"), not a line for an interface "{}". */
	put("netifmsg.d/h.conf", "{}\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.d/h.conf"));
	ck_assert_str_eq(e.msg.msg, "no \"ifname\" that is an interface name");
}
END_TEST

/*
 * Any number of blanks may stand between '[' and '{': a file is not
 * read as text because its JSON starts with a long run of them.  A text
 * file gets every byte read ahead back, its line numbers too.
 */
START_TEST(test_json_many_blanks)
{
	char json[4096], text[4096], *big;
	int n;

	n = snprintf(json, sizeof(json), "\xef\xbb\xbf[%*s", 200, "");
	memset(json + n - 100, '\n', 50);
	snprintf(json + n, sizeof(json) - (size_t)n,
		 "\t{\"ifname\":\"tap1\",\"msg_enable\":5}]\n");
	put("netifmsg.d/a.conf", json);
	n = snprintf(text, sizeof(text), "{%*s+link\n", 300, "");
	memset(text + n, '\n', 70);
	snprintf(text + n + 70, sizeof(text) - (size_t)n - 70, "tap7 -drv\n");
	put("netifmsg.d/b.conf", text);
	/* more blanks than the first 64 KiB read of a JSON file holds */
	big = malloc(200000);
	ck_assert_ptr_nonnull(big);
	n = snprintf(big, 200000, "[%*s{\"ifname\":\"tap9\",\"msg_enable\":9}]\n",
		     150000, "");
	ck_assert_int_gt(n, 150000);
	put("netifmsg.d/c.conf", big);
	free(big);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 4);
	ck_assert_str_eq(where(0), "netifmsg.d/a.conf:1 tap1");
	ck_assert_uint_eq(b.jobs[0].change.abs, 0x5);
	ck_assert_str_eq(where(1), "netifmsg.d/b.conf:1 {");
	ck_assert_uint_eq(b.jobs[1].change.on, 0x4);
	ck_assert_str_eq(where(2), "netifmsg.d/b.conf:72 tap7");
	ck_assert_uint_eq(b.jobs[2].change.off, 0x1);
	ck_assert_str_eq(where(3), "netifmsg.d/c.conf:1 tap9");
	ck_assert_uint_eq(b.jobs[3].change.abs, 0x9);
}
END_TEST

/* A JSON file longer than the first read (64 KiB) is read whole. */
START_TEST(test_json_large)
{
	char path[512], want[64];
	unsigned int i;
	FILE *f;

	snprintf(path, sizeof(path), "%s/netifmsg.conf", etc);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (i = 1; i <= 3000; i++)
		fprintf(f, "{\"ifname\":\"tap%u\",\"msg_enable\":%u}\n", i, i);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0644), 0);
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), 0);
	ck_assert_uint_eq(b.n, 3000);
	ck_assert_uint_eq(b.jobs[2999].change.abs, 3000);
	for (i = 0; i < b.n; i++) {
		snprintf(want, sizeof(want), "netifmsg.conf:%u tap%u", i + 1, i + 1);
		ck_assert_str_eq(where(i), want);
	}
}
END_TEST

/*
 * A JSON file is read whole, up to 64 MiB: one of 64 MiB or more is
 * refused (EFBIG), not read into ever more memory.  Sparse, it costs
 * no disk.
 */
START_TEST(test_json_too_large)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/big.json", etc);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("[{", f);
	ck_assert_int_eq(ftruncate(fileno(f), (64 << 20) + 1), 0);
	fclose(f);
	ck_assert_int_eq(config_load(&b, path, "big.json", false, &e), -EFBIG);
	ck_assert_str_eq(e.file, "big.json");
	ck_assert_uint_eq(b.n, 0);
	/* 64 MiB exactly is refused; a byte less is read (its NUL bytes refused) */
	ck_assert_int_eq(truncate(path, 64 << 20), 0);
	ck_assert_int_eq(config_load(&b, path, "big.json", false, &e), -EFBIG);
	ck_assert_int_eq(truncate(path, (64 << 20) - 1), 0);
	ck_assert_int_eq(config_load(&b, path, "big.json", false, &e), -EINVAL);
	ck_assert_str_eq(e.msg.msg, "a NUL byte in the line (binary data?)");
	ck_assert_uint_eq(b.n, 0);
}
END_TEST

/* A file that starts as JSON is JSON: its errors are JSON's. */
START_TEST(test_json_start_errors)
{
	put("netifmsg.d/a.conf", "[ \n{\"ifname\":\"tap0\"}]\n");
	ck_assert_int_eq(config_read(&b, NULL, 0, etc, &paths, &e), -EINVAL);
	ck_assert_ptr_nonnull(strstr(e.file, "/netifmsg.d/a.conf"));
	ck_assert_uint_eq(e.line, 1);
	ck_assert_str_eq(e.msg.msg, "no \"msg_enable\" that is a 32-bit mask");
}
END_TEST

/*
 * --config /dev/stdin (and /dev/fd/0, /proc/self/fd/0) reads standard
 * input as "-" does; only a standard input open for writing alone (one
 * closed at start-up, main.c's std_fds()) fails with EBADF, as "-".
 */
static int load_stdin_end(int end, const char *path)
{
	int saved = dup(STDIN_FILENO), ret;

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(dup2(end, STDIN_FILENO), 0);
	ret = config_load(&b, path, path, true, &e);
	ck_assert_int_ge(dup2(saved, STDIN_FILENO), 0);
	close(saved);
	return ret;
}

START_TEST(test_stdin_paths)
{
	static const char *const paths_of_stdin[] = {
		"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0",
	};
	size_t i;
	int p[2];

	for (i = 0; i < sizeof(paths_of_stdin) / sizeof(paths_of_stdin[0]); i++) {
		ck_assert_int_eq(pipe(p), 0);
		ck_assert_int_eq(write(p[1], "tap0 +link\n", 11), 11);
		close(p[1]);
		ck_assert_int_eq(load_stdin_end(p[0], paths_of_stdin[i]), 0);
		close(p[0]);
		ck_assert_uint_eq(b.n, i + 1);
		ck_assert_str_eq(b.jobs[i].ifname, "tap0");
		ck_assert_str_eq(b.jobs[i].more->file, paths_of_stdin[i]);
		ck_assert_int_eq(pipe(p), 0);
		ck_assert_int_eq(load_stdin_end(p[1], paths_of_stdin[i]), -EBADF);
		close(p[0]);
		close(p[1]);
		ck_assert_uint_eq(b.n, i + 1);
	}
}
END_TEST

static Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("files");

	/*
	 * test_json_too_large reads 64 MiB: under the sanitizers on a
	 * loaded machine that took longer than Check's default 4 s.
	 */
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_default_order);
	tcase_add_test(tc, test_missing_is_empty);
	tcase_add_test(tc, test_nomem_names_file);
	tcase_add_test(tc, test_dir_not_files);
	tcase_add_test(tc, test_dir_not_dir);
	tcase_add_test(tc, test_dir_file_gone);
	tcase_add_test(tc, test_config_files);
	tcase_add_test(tc, test_config_files_none);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_show_output);
	tcase_add_test(tc, test_part_of_bom);
	tcase_add_test(tc, test_bom_then_nul);
	tcase_add_test(tc, test_json_or_text);
	tcase_add_test(tc, test_json_start_errors);
	tcase_add_test(tc, test_json_many_blanks);
	tcase_add_test(tc, test_json_large);
	tcase_add_test(tc, test_json_too_large);
	tcase_add_test(tc, test_special_files);
	tcase_add_test(tc, test_stdin_paths);
	tcase_add_test(tc, test_untrusted);
	tcase_add_test(tc, test_acl_not_understood);
	/* Root's alone (chown, setxattr, setuid): see main(). */
	if (geteuid() == 0) {
		tcase_add_test(tc, test_untrusted_acl);
		tcase_add_test(tc, test_trusted_other_caller);
		tcase_add_test(tc, test_dir_link_not_searchable);
		tcase_add_test(tc, test_dir_swapped);
	}
	suite_add_tcase(s, tc);
	/*
	 * A user namespace of its own: the 32-bit CI stage leaves it out
	 * (CK_EXCLUDE_TAGS=kernel) where it runs i386 programs under
	 * qemu-i386, whose threads unshare(CLONE_NEWUSER) refuses.
	 */
	if (geteuid() == 0) {
		tc = tcase_create("user namespace");
		tcase_set_tags(tc, "kernel");
		tcase_add_checked_fixture(tc, setup, teardown);
		tcase_add_test(tc, test_untrusted_userns_overflow);
		tcase_add_test(tc, test_untrusted_userns_unmapped);
		suite_add_tcase(s, tc);
	}
	return s;
}

/*
 * CHECK_MAIN's, but a run that is not root has left cases out: it is a
 * skip (77) for automake, not a pass.
 */
int main(void)
{
	SRunner *sr = srunner_create(config_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (failed)
		return EXIT_FAILURE;
	if (geteuid() != 0) {
		fprintf(stderr, "SKIP: check_config: not root: the ACL and "
			"other-caller cases did not run\n");
		return 77;
	}
	return EXIT_SUCCESS;
}
