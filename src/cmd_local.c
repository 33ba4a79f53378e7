// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The commands that need no kernel: --list, --decode and --from-level
 * without an interface.  They open no socket.
 */
#include "cmd.h"
#include "out.h"
#include "print.h"

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
		if (mode == OUT_JSON && i)
			out_puts(",");
		out_puts(row);
		if (mode != OUT_JSON)
			out_puts("\n");
	}
	if (mode == OUT_JSON)
		out_line("]");
}

int cmd_local(const struct opts *o, struct backend *b)
{
	struct ifstate st = { 0 };
	struct printer pr;

	if (o->quiet)
		return 0;
	if (o->cmd == CMD_LIST) {
		list_classes(o->mode);
		return 0;
	}
	/* --decode and --from-level: relative words apply to an empty mask. */
	st.msg_enable = change_apply(&o->job.change, 0);
	print_init(&pr, o->mode, false, PRINT_LINES, false, b);
	print_state(&pr, &st, CHANGED_NONE);
	return 0;
}
