/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one formatting path for text, --hex, --names and --json output.
 * Everything is written into caller buffers; print.c prints them.
 */
#ifndef NETIFMSG_FORMAT_H
#define NETIFMSG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "ifstate.h"
#include "msgclass.h"

enum out_mode {
	OUT_TEXT,	/* "eth0: 0x00000007 drv probe link" */
	OUT_HEX,	/* "0x00000007" */
	OUT_NAMES,	/* "drv probe link" */
	OUT_JSON,	/* {"ifname":"eth0","ifindex":2,...} */
};

/* Enough for any line format_state() writes (32 long names, escapes). */
#define FORMAT_STATE_MAX	4096

enum changed_flag {
	CHANGED_NONE = -1,	/* not a change, or not known */
	CHANGED_NO = 0,
	CHANGED_YES = 1,
};

/*
 * Format one interface's state (or, with an empty ifname, a bare mask)
 * as one line without the trailing newline, naming bits with @cn.
 * @changed adds " (changed)"/" (unchanged)" in text mode and
 * "changed":true/false in JSON.  snprintf style: returns the length
 * written, or needed if @size is too small.
 */
size_t format_state(char *buf, size_t size, enum out_mode mode,
		    const struct classnames *cn, const struct ifstate *st,
		    enum changed_flag changed);

/*
 * Interface name @name as netifmsg prints it in text, so that it reads
 * back as IFACE (netifmsg(8), INTERFACES): glob characters and a
 * backslash that would start an escape get a backslash, control bytes
 * and blanks become \xHH.  snprintf style.
 */
size_t format_ifname(char *buf, size_t size, const char *name);

/*
 * A change --monitor saw: the state as format_state() writes it, then
 * the mask before it (@old, NULL if unknown) and the time of day @when
 * (NULL: none): " (was 0x00000001 drv) (at 15:04:05.123456)" (-x, -N:
 * the mask or the names alone), in JSON "old_msg_enable" (null if
 * unknown) and "time".  snprintf style.
 */
size_t format_event(char *buf, size_t size, enum out_mode mode,
		    const struct classnames *cn, const struct ifstate *st,
		    const uint32_t *old, const char *when);

/*
 * One kernel log record of --trace about @ifname: text as dmesg prints
 * it ("[  123.456789] IFACE: message", control bytes as \xHH), or with
 * JSON one object (time, ifname, priority, message).  snprintf style.
 */
size_t format_log(char *buf, size_t size, enum out_mode mode,
		  unsigned long long usec, const char *ifname,
		  unsigned int level, const char *msg);

/*
 * One row of --list for built-in class @i (0..MSGCLASS_NBUILTIN-1), or
 * for the header when @i is -1 (text only).  OUT_NAMES: the name alone.
 */
size_t format_list_row(char *buf, size_t size, enum out_mode mode, int i);

#endif
