// SPDX-License-Identifier: GPL-2.0-or-later
/* The commands that need no kernel: --list, --decode, --from-level. */
#include "cmd.h"
#include "out.h"
#include "print.h"

int cmd_local(const struct opts *o, struct backend *b)
{
	bool json = o->mode == OUT_JSON;
	char row[FORMAT_STATE_MAX];
	struct ifstate st = { 0 };
	struct printer pr;
	int i;

	if (o->quiet)
		return 0;
	if (o->cmd == CMD_LIST) {
		/* JSON: one array, on one line, as 'ip -j' prints. */
		if (!json && format_list_row(row, sizeof(row), o->mode, -1))
			out_line(row);
		for (i = 0; i < MSGCLASS_NBUILTIN; i++) {
			format_list_row(row, sizeof(row), o->mode, i);
			out_puts(!json ? "" : i ? "," : "[");
			out_puts(row);
			out_puts(json ? "" : "\n");
		}
		out_puts(json ? "]\n" : "");
		return 0;
	}
	/* --decode and --from-level: relative words apply to an empty mask. */
	st.msg_enable = change_apply(&o->job.change, 0);
	print_init(&pr, o->mode, false, PRINT_LINES, false, b);
	print_state(&pr, &st, CHANGED_NONE);
	return 0;
}
