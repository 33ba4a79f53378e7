// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Show and change over the legacy SIOCETHTOOL ioctl: with --ioctl, or
 * when the kernel has no ethtool netlink family.  The ioctl can only
 * replace the whole mask, so a relative change is read-modify-write
 * (not atomic: a concurrent writer's update can be lost).  It reads
 * and writes all 32 bits, so bits 15..31 are allowed here.  --batch
 * works too: line by line, each read and written in turn.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "ethioc.h"
#include "netifmsg.h"
#include "out.h"

static int walk_cb(const struct ifstate *st, void *data)
{
	return states_add(data, st);
}

static int show_all(const struct opts *o, int fd)
{
	struct states list = { 0 };
	int ret;

	ret = ethioc_walk(fd, walk_cb, &list);
	print_states(o, &list);
	free(list.v);
	return ret < 0 ? report_kernel_error(NULL, ret, NULL) : EXIT_OK;
}

static int show_one(const struct opts *o, int fd)
{
	struct ifstate st;
	int ret;

	ret = ethioc_get(fd, o->ifname, &st);
	if (ret < 0) {
		if (o->mode == OUT_JSON && !o->quiet)
			out_line("[]");
		return report_kernel_error(o->ifname, ret, NULL);
	}
	print_states(o, &(struct states){ .v = &st, .n = 1 });
	return EXIT_OK;
}

/*
 * Read @ifname's mask into @before, write @c applied to it, and, if
 * @after is not NULL, read the result back.  Returns 0 or -errno.
 */
static int apply(int fd, const char *ifname, const struct change *c,
		 struct ifstate *before, struct ifstate *after)
{
	int ret;

	/* Read first: the old mask for +/- words and for "changed". */
	ret = ethioc_get(fd, ifname, before);
	if (ret < 0)
		return ret;
	ret = ethioc_set(fd, ifname, change_apply(c, before->msg_enable));
	if (ret < 0 || !after)
		return ret;
	return ethioc_get(fd, ifname, after);
}

static int change(const struct opts *o, int fd)
{
	bool show = o->verbose || o->mode != OUT_TEXT;
	struct ifstate before, after;
	struct change c;
	int ret;

	/* Here no kernel names can be asked for: an unknown name is an error. */
	ret = build_change(o, &c);
	if (ret)
		return ret;
	ret = apply(fd, o->ifname, &c, &before, show ? &after : NULL);
	if (ret < 0)
		return report_kernel_error(o->ifname, ret, NULL);
	if (!show)
		return EXIT_OK;
	if (o->mode == OUT_JSON)
		out_puts("[");
	print_state(o->mode, &after,
		    before.msg_enable != after.msg_enable ? CHANGED_YES : CHANGED_NO,
		    o->mode == OUT_JSON ? "]\n" : "\n");
	return EXIT_OK;
}

/* A socket for the ioctls, in the right namespace; prints errors. */
static int open_fd(const struct opts *o, int *fd)
{
	int ret;

	ret = enter_netns(o);
	if (ret)
		return ret;
	*fd = ethioc_open();
	if (*fd < 0) {
		errmsg(NULL, "cannot open a socket for the ioctl: %s",
		       strerror(-*fd));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* One batch line; prints its result as the netlink batch does. */
static int batch_line(const struct opts *o, int fd, const struct batch_line *l)
{
	bool print = (o->verbose || o->mode != OUT_TEXT) && !o->quiet;
	struct ifstate before, after;
	int ret;

	if (l->show) {
		ret = ethioc_get(fd, l->ifname, &before);
		if (ret == 0 && !o->quiet)
			print_state(o->mode, &before, CHANGED_NONE, "\n");
		return ret;
	}
	ret = apply(fd, l->ifname, &l->change, &before, print ? &after : NULL);
	if (ret == 0 && print)
		print_state(o->mode, &after,
			    before.msg_enable != after.msg_enable ?
			    CHANGED_YES : CHANGED_NO, "\n");
	return ret;
}

int cmd_ioctl_batch(const struct opts *o, const struct batch *b,
		    const char *fname)
{
	char where[4200];
	size_t i, failed = 0;
	int fd, ret;

	ret = open_fd(o, &fd);
	if (ret)
		return ret;
	for (i = 0; i < b->n; i++) {
		const struct batch_line *l = &b->lines[i];

		ret = batch_line(o, fd, l);
		if (!ret)
			continue;
		failed++;
		snprintf(where, sizeof(where), "%s:%u", fname, l->lineno);
		errmsg_where(where);
		report_kernel_error(l->ifname, ret, NULL);
		errmsg_where(NULL);
		if (o->force)
			continue;
		if (i + 1 < b->n)
			errmsg(NULL, "%s: stopped at the failed line: %zu more line%s not sent (use -f to go on)",
			       where, b->n - i - 1, b->n - i - 1 == 1 ? "" : "s");
		break;
	}
	close(fd);
	return failed ? EXIT_FAIL : EXIT_OK;
}

int cmd_ioctl(const struct opts *o)
{
	int fd, ret;

	ret = open_fd(o, &fd);
	if (ret)
		return ret;
	switch (o->cmd) {
	case CMD_SHOW_ALL:
		ret = show_all(o, fd);
		break;
	case CMD_SHOW:
		ret = show_one(o, fd);
		break;
	case CMD_CHANGE:
		ret = change(o, fd);
		break;
	default:
		ret = EXIT_USAGE;	/* main lets no other command come here */
		break;
	}
	close(fd);
	return ret;
}
