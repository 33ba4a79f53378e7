/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Printing interface states on stdout, the same way for every command:
 * one line each, or with -j one JSON array (show, a change) or one JSON
 * object a line (batch, monitor).  -q prints nothing.
 */
#ifndef NETIFMSG_PRINT_H
#define NETIFMSG_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "backend.h"
#include "format.h"

struct printer {
	enum out_mode mode;
	bool quiet;
	bool array;		/* JSON: the states in one array */
	bool named;		/* -x, -N: "IFACE: " first (many interfaces) */
	size_t n;		/* states printed */
	struct backend *b;	/* for the kernel's class names; or NULL */
};

enum print_shape {
	PRINT_LINES,		/* one state a line, also in JSON */
	PRINT_ARRAY,		/* JSON: one array, "[]" if empty */
};

void print_init(struct printer *p, enum out_mode mode, bool quiet,
		enum print_shape shape, bool named, struct backend *b);
void print_state(struct printer *p, const struct ifstate *st,
		 enum changed_flag changed);
/* A change --monitor saw: the state, the mask before it, the time. */
void print_event(struct printer *p, const struct ifstate *st,
		 const uint32_t *old, const char *when);
/* Close the JSON array, if there is one. */
void print_end(struct printer *p);

#endif
