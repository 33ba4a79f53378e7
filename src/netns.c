// SPDX-License-Identifier: GPL-2.0-or-later
/* Entering a named network namespace, the way 'ip -n NAME' does. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"

#define NETNS_RUN_DIR	"/run/netns"

bool netns_name_valid(const char *name)
{
	return name[0] && !strchr(name, '/') && strcmp(name, ".") &&
	       strcmp(name, "..") && strlen(name) < 256;
}

int netns_enter(const char *name)
{
	char path[sizeof(NETNS_RUN_DIR) + 257];
	int fd, ret = 0;

	if (!netns_name_valid(name))
		return -EINVAL;
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (setns(fd, CLONE_NEWNET) < 0)
		ret = -errno;
	close(fd);
	return ret;
}
