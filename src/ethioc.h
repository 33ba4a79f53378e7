/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The legacy SIOCETHTOOL ioctl (ETHTOOL_GMSGLVL/ETHTOOL_SMSGLVL), for
 * kernels without the ethtool netlink family.  It sees and sets all 32
 * bits of msg_enable.  No printing; every function returns -errno.
 */
#ifndef NETIFMSG_ETHIOC_H
#define NETIFMSG_ETHIOC_H

#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

#include "ifstate.h"

/* A datagram socket to aim the ioctls at: fd >= 0, or -errno. */
int ethioc_open(void);

/*
 * @st gets the name, ifindex and mask of @ifname: the name's index is read
 * before and after the mask, all again where they differ (-EAGAIN where
 * the third read's do too), so that the two are one interface's.
 */
int ethioc_get(int fd, const char *ifname, struct ifstate *st);

/* Replace the whole mask of @ifname with @value. */
int ethioc_set(int fd, const char *ifname, uint32_t value);

/* The index of @ifname now (SIOCGIFINDEX), or -errno. */
int ethioc_ifindex(int fd, const char *ifname);

/* The name of interface @ifindex now (SIOCGIFNAME), into @name. */
int ethioc_ifname(int fd, unsigned int ifindex, char name[IF_NAMESIZE]);

/*
 * The driver of @ifname as 'ethtool -i' names it, into @driver; -EAGAIN
 * where @ifname is not interface @ifindex's by the end of the read, or
 * no interface's while @ifindex still is one (renamed to a new name).
 */
int ethioc_driver(int fd, const char *ifname, unsigned int ifindex,
		  char driver[DRIVER_NAME_MAX]);

/*
 * Every interface of @list (from if_nameindex(3): in ifindex order),
 * leaving out those whose driver has no message level (EOPNOTSUPP), those
 * that went away meanwhile (ENODEV) and those whose name another
 * interface, or none, had by the time of the read (also one without a
 * message level), or whose read failed with ENODEV while its index still
 * has a name (renamed, or a device not present: netlink's dump ends at
 * one so).
 * Returns 0, the first other -errno, or -EAGAIN once all came where a
 * name had moved.
 */
int ethioc_walk(int fd, const struct if_nameindex *list, bstate_cb_t cb,
		void *data);

/*
 * The name of a line of /proc/net/dev ("  eth0: 1234 ...") into @name:
 * its length, or -EINVAL for a heading (a name has no blank or ':').
 */
int ethioc_dev_line(const char *line, char name[IF_NAMESIZE]);

/*
 * The interfaces of @f, /proc/self/net/dev (of the network namespace the
 * caller is in, whatever sysfs shows; NULL: it could not be opened), with
 * their indexes, in index order as if_nameindex(3) gives them, for
 * ethioc_walk(): where every netlink socket is refused, the list that
 * if_nameindex(3) cannot have.  A name that no interface has by the time
 * its index is asked for (gone, or renamed) is left out, and *@dropped
 * set: a renamed one is in the list of a read again.  One block, for
 * free(3); NULL with errno set.
 */
struct if_nameindex *ethioc_list(int fd, FILE *f, bool *dropped);

#endif
