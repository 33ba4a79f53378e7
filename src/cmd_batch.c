// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --batch FILE: every line of FILE is read and checked first, before the
 * kernel is opened (an error anywhere changes nothing), then the lines
 * run as jobs, as the command line's IFACE CHANGE does (cmd_change.c).
 * The configuration files of --apply are read here too.
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"

int cmd_read_input(const struct opts *o, struct cmd_input *in)
{
	struct config_err e;
	int ret;

	*in = (struct cmd_input){ 0 };
	if (o->cmd == CMD_APPLY) {
		batch_init(&in->batch, LEVEL_MAP_CUMULATIVE);
		ret = config_read(&in->batch, o->configs, o->nconfigs,
				  SYSCONFDIR, &in->paths, &e);
		/* netifmsg.conf is applied all the same (main() fails then). */
		if (!ret && in->paths.skipped)
			diag(NULL, in->paths.skipped,
			     "not a directory: skipped (see netifmsg.conf(5))");
	} else {
		batch_init(&in->batch, o->job.more->map);
		ret = config_load(&in->batch, o->batch_file,
				  config_shown_name(o->batch_file), false, &e);
	}
	if (ret == -EINVAL)
		diag(e.line ? &(struct where){ e.file, e.line } : NULL,
		     e.line ? NULL : e.file, "%s", e.msg.msg);
	else if (ret)
		diag(NULL, e.file, "%s", strerror(-ret));
	return ret && ret != -EINVAL ? -EIO : ret;
}

void cmd_free_input(struct cmd_input *in)
{
	batch_free(&in->batch);
	config_paths_free(&in->paths);
}

int cmd_batch(const struct opts *o, struct backend *b)
{
	return cmd_run_jobs(o, b, o->batch->jobs, o->batch->n,
			    config_shown_name(o->batch_file));
}
