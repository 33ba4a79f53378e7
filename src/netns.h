/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NETIFMSG_NETNS_H
#define NETIFMSG_NETNS_H

#include <stdbool.h>

/*
 * Move this process into a network namespace: @ns is a name 'ip netns'
 * made (/run/netns/NAME, as 'ip -n' reads it) or, if it contains a '/',
 * the path of a namespace file (/proc/PID/ns/net, /var/run/docker/netns/ID),
 * as 'nsenter --net=PATH' reads it.  Returns 0 or -errno (-ENOENT: no
 * such namespace; -EINVAL: the file is not a network namespace);
 * *@opened: the file was opened, so the error is setns()'s.
 */
int netns_enter(const char *ns, bool *opened);

#endif
