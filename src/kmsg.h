/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records of the kernel log as /dev/kmsg gives them, one per read():
 * "PRIO,SEQ,USEC,FLAGS[,...];MESSAGE\n" followed by " KEY=VALUE\n"
 * lines.  A parser on byte buffers and the test of whether a record is
 * about a network interface (netdev_printk()'s prefix).  No I/O.
 */
#ifndef NETIFMSG_KMSG_H
#define NETIFMSG_KMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kmsg_record {
	unsigned int level;	/* 0 (emerg) .. 7 (debug) */
	unsigned int facility;
	uint64_t seq;
	uint64_t usec;		/* since boot, CLOCK_MONOTONIC */
	const char *msg;	/* in the caller's buffer, unescaped, not terminated */
	size_t len;
};

/*
 * One record of @len bytes at @buf (what one read() of /dev/kmsg gave).
 * The message's \xHH escapes are undone in place, so it holds the bytes
 * printk() was given (an interface name with a '\\' or UTF-8 too).
 * Returns 0, or -EINVAL if it does not have that shape (or its PRIO is
 * over UINT_MAX, more than the kernel's facility and level).
 */
int kmsg_parse(char *buf, size_t len, struct kmsg_record *r);

/*
 * Which interface may @r be about?  netdev_printk() writes "IFACE: ..."
 * for a device without a parent and "DRIVER BUS-ID IFACE: ..." for one
 * with a parent (net/core/dev.c): the interface's name is then the last
 * word before the first ": " (and before " (unregistering)" or the like).
 * A record user space wrote (a facility other than the kernel's) is
 * about no interface.  Returns the offset of the text after that prefix,
 * with the name in *@name (@*len bytes, in @r), or 0 for no name.
 */
size_t kmsg_ifname(const struct kmsg_record *r, const char **name,
		   size_t *len);

/*
 * The same past a dynamic debug decoration (the flags t, m, f, s, l of
 * /proc/dynamic_debug/control), which netif_dbg() puts before the prefix
 * of a device with a parent: "[TID] " or "<intr> ", then "MODNAME:",
 * "FUNCTION:", "SOURCEFILE:", "LINENO:" (each where its flag is on) and
 * a blank after them, then "DRIVER BUS-ID IFACE: ...".  *@dlen: the
 * decoration's length.  Returns the offset of the text after the whole
 * prefix, or 0 where the record does not start so.
 */
size_t kmsg_ifname_dyndbg(const struct kmsg_record *r, size_t *dlen,
			  const char **name, size_t *len);

#endif
