// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The commands that need no kernel: --list, --decode and --from-level
 * without an interface.  They open no socket.
 */
#include "netifmsg.h"
#include "out.h"

static void list_classes(enum out_mode mode)
{
	char row[FORMAT_STATE_MAX];
	int i;

	if (mode == OUT_JSON)
		out_puts("[");
	else if (format_list_row(row, sizeof(row), mode, -1))
		out_line(row);
	for (i = 0; i < MSGCLASS_NBUILTIN; i++) {
		format_list_row(row, sizeof(row), mode, i);
		if (mode == OUT_JSON) {
			if (i)
				out_puts(",");
			out_puts(row);
		} else {
			out_line(row);
		}
	}
	if (mode == OUT_JSON)
		out_line("]");
}

int cmd_local(const struct opts *o)
{
	struct ifstate st = { 0 };

	if (o->quiet)
		return EXIT_OK;
	if (o->cmd == CMD_LIST) {
		list_classes(o->mode);
		return EXIT_OK;
	}
	/* --decode and --from-level: relative words apply to an empty mask. */
	st.msg_enable = change_apply(&o->change, 0);
	print_state(o->mode, &st, CHANGED_NONE, "\n");
	return EXIT_OK;
}
