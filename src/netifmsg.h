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

/* Open the socket (after entering the netns); prints errors itself. */
int open_kernel(const struct opts *o, struct nlsock *s);

int cmd_show(const struct opts *o);
int cmd_change(const struct opts *o);
int cmd_local(const struct opts *o);
int cmd_monitor(const struct opts *o);
int cmd_batch(const struct opts *o);

#endif
