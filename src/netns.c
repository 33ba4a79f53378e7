// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"

#define NETNS_RUN_DIR	"/run/netns"

int netns_enter(const char *ns, bool *opened)
{
	const char *dir = strchr(ns, '/') ? "" : NETNS_RUN_DIR "/";
	char path[PATH_MAX];
	int fd, ret;

	ret = snprintf(path, sizeof(path), "%s%s", dir, ns);
	if (ret < 0 || (size_t)ret >= sizeof(path))
		return -ENAMETOOLONG;
	/* O_NONBLOCK: a FIFO must not block the open; setns() refuses it. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -errno;
	*opened = true;
	ret = setns(fd, CLONE_NEWNET) < 0 ? -errno : 0;
	close(fd);
	return ret;
}
