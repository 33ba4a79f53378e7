/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command-line layer: options, commands and how they report. */
#ifndef NETIFMSG_NETIFMSG_H
#define NETIFMSG_NETIFMSG_H

#include <stdbool.h>
#include <stdint.h>

#include "cmdline.h"
#include "nlsock.h"

/* Exit statuses (documented in netifmsg(8)). */
#define EXIT_OK		0
#define EXIT_FAIL	1
#define EXIT_USAGE	2
/* Not an exit status: open_kernel() found no ethtool netlink family. */
#define USE_IOCTL	(-1)

/* stderr: "netifmsg: [WHERE: ][IFNAME: ]message". */
void errmsg(const char *ifname, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Put "WHERE: " (e.g. "FILE:LINE") before every message; NULL: no more. */
void errmsg_where(const char *where);

/* Print what a kernel error means for @ifname; returns EXIT_FAIL. */
int report_kernel_error(const char *ifname, int err, const char *extack);

/* Refuse a change that writes bits the netlink bitset lacks; EXIT_USAGE. */
int report_beyond(const char *ifname, uint32_t beyond);

/* Print one formatted state to stdout, followed by @end ("\n" or ""). */
void print_state(enum out_mode mode, const struct ifstate *st,
		 enum changed_flag changed, const char *end);

/*
 * Open the socket (after entering the netns); prints errors itself.
 * Returns EXIT_OK, EXIT_FAIL, or USE_IOCTL if the kernel has no ethtool
 * netlink family (said on stderr with -v).
 */
int open_kernel(const struct opts *o, struct nlsock *s);
/* Enter -n NETNS once; prints errors itself.  EXIT_OK or EXIT_FAIL. */
int enter_netns(const struct opts *o);

/*
 * The change o's words and --from-level make, into @c, with no name
 * left unknown.  Prints usage errors itself; EXIT_OK or EXIT_USAGE.
 */
int build_change(const struct opts *o, struct change *c);

/* A growing list of interface states, printed once it is complete. */
struct states {
	struct ifstate *v;
	size_t n, cap;
	uint32_t all;	/* OR of every mask */
};

/* Append a copy of @st; 0 or -ENOMEM.  free(list->v) when done. */
int states_add(struct states *list, const struct ifstate *st);

/* Print states as show does: lines, or one JSON array. */
void print_states(const struct opts *o, const struct states *list);

/*
 * Kernel class names (names.c): ask the kernel over @s once, for a
 * name the table lacks (kernel_names_load) or before printing a @mask
 * with a bit the table cannot name (kernel_names_for; with @s NULL it
 * asks on a socket of its own).
 */
void kernel_names_load(struct nlsock *s);
void kernel_names_for(struct nlsock *s, uint32_t mask);

int cmd_show(const struct opts *o);
int cmd_change(const struct opts *o);
int cmd_local(const struct opts *o);
int cmd_monitor(const struct opts *o);
int cmd_batch(const struct opts *o);
int cmd_ioctl(const struct opts *o);
struct batch;
/* --batch over the ioctl: the lines one by one, each read and written. */
int cmd_ioctl_batch(const struct opts *o, const struct batch *b,
		    const char *fname);

#endif
