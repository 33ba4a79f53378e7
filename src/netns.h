/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NETIFMSG_NETNS_H
#define NETIFMSG_NETNS_H

#include <stdbool.h>

/* A name 'ip netns' could have made: not empty, no '/', not "." or "..". */
bool netns_name_valid(const char *name);

/*
 * Move this process into the network namespace @name, as 'ip -n' does
 * (/run/netns/NAME).  Returns 0 or -errno (-ENOENT: no such namespace).
 */
int netns_enter(const char *name);

#endif
