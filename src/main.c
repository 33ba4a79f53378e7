// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * netifmsg: show and change network drivers' message levels (msg_enable).
 *
 * main() parses and checks the whole command line, then dispatches to one
 * command.  Nothing is sent to the kernel until every word is known good.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "cmd.h"
#include "cmdline.h"
#include "diag.h"
#include "out.h"
#include "print.h"

/* Exit statuses (documented in netifmsg(8)). */
#define EXIT_USAGE	2

static const char usage_text[] =
"Usage: netifmsg [OPTION]...                 show every interface's level\n"
"       netifmsg [OPTION]... IFACE           show one interface\n"
"       netifmsg [OPTION]... IFACE CHANGE...\n"
"                                            change one interface\n"
"       netifmsg [OPTION]... IFACE --from-level N [CHANGE]...\n"
"       netifmsg [OPTION]... --from-level N  print the mask of an old level\n"
"       netifmsg [OPTION]... --decode CHANGE...\n"
"                                            print the mask CHANGE words make\n"
"       netifmsg [OPTION]... --list          print the message classes\n"
"       netifmsg [OPTION]... --monitor [IFACE]...\n"
"                                            print changes as they happen\n"
"       netifmsg [OPTION]... --batch FILE    run 'IFACE [CHANGE...]' lines\n"
"       netifmsg [OPTION]... --apply [IFACE | --ifindex N]\n"
"                                            set what netifmsg.conf(5) says\n"
"       netifmsg [OPTION]... --trace IFACE [CHANGE]...\n"
"                                            raise, show its log, restore\n"
"\n"
"IFACE may be a pattern ('eth*', 'tap[0-3]'); a trailing ':' is dropped.\n"
"CHANGE: +NAME or -NAME turns a class on or off (so do 'NAME on|off');\n"
"NAME, bitN, NUMBER, all or none set the whole mask.  Words may be joined\n"
"with commas.  VALUE/MASK sets the bits of MASK to those of VALUE, as\n"
"ethtool's msglvl VALUE/MASK.\n"
"\n"
"Options:\n"
"  -j, --json             JSON output\n"
"  -x, --hex              print only the mask\n"
"  -N, --names            print only the class names\n"
"  -v, --verbose          after a change, print the result and if it changed\n"
"  -q, --quiet            print nothing but errors\n"
"  -n, --netns NETNS      run in network namespace NETNS (a name or a path)\n"
"      --driver NAME      only interfaces of driver NAME (as ethtool -i)\n"
"      --from-level N     use the mask of old debug level N\n"
"      --level-map MAP    cumulative (default), exact, kernel (as debug=N)\n"
"      --decode           print the mask of the CHANGE words, no kernel access\n"
"      --list             print the message classes, bits and old levels\n"
"      --monitor          print every change of a mask until interrupted\n"
"      --batch FILE       run FILE's 'IFACE [CHANGE...]' lines ('-': stdin)\n"
"      --apply            set the masks the configuration files give\n"
"      --config FILE      with --apply: read FILE ('-': stdin), not the defaults\n"
"      --ifindex N        with --apply: the interface of index N (udev's)\n"
"      --trace            raise IFACE, print its kernel log, restore at end\n"
"      --for SECONDS      with --trace: end after SECONDS\n"
"  -t, --timestamp        with --monitor: print the time of each change\n"
"  -f, --force            in --batch, go on after a failed line\n"
"      --ioctl            use the legacy SIOCETHTOOL ioctl instead of netlink\n"
"  -h, --help             print this help and exit\n"
"  -V, --version          print the version and exit\n"
"      --                 end of options: the next word is IFACE\n"
"\n"
"Exit status: 0 success, 1 failure, 2 usage error.  See netifmsg(8).\n";

/* The commands and what they need. */
struct command_def {
	int (*run)(const struct opts *o, struct backend *b);
	bool kernel;		/* opens the backend */
	bool sets;		/* changes masks: a closed pipe must not stop it */
	bool array;		/* -j prints one array, whatever the exit status */
};

/* --help and --version. */
static int about(const struct opts *o, struct backend *b)
{
	(void)b;
	out_puts(o->cmd == CMD_HELP ? usage_text : PACKAGE_STRING "\n");
	return 0;
}

static const struct command_def commands[] = {
	[CMD_SHOW_ALL]	= { .run = cmd_show, .kernel = true, .array = true },
	[CMD_SHOW]	= { .run = cmd_show, .kernel = true, .array = true },
	[CMD_CHANGE]	= { .run = cmd_change, .kernel = true, .sets = true,
			    .array = true },
	[CMD_LEVEL]	= { .run = cmd_local },
	[CMD_DECODE]	= { .run = cmd_local },
	[CMD_LIST]	= { .run = cmd_local },
	[CMD_MONITOR]	= { .run = cmd_monitor, .kernel = true },
	[CMD_BATCH]	= { .run = cmd_batch, .kernel = true, .sets = true },
	[CMD_APPLY]	= { .run = cmd_apply, .kernel = true, .sets = true,
			    .array = true },
	[CMD_TRACE]	= { .run = cmd_trace, .kernel = true },
	[CMD_HELP]	= { .run = about },
	[CMD_VERSION]	= { .run = about },
};

/*
 * A command that failed before it printed anything: with -j an empty
 * array, as a show that finds nothing prints, so that standard output is
 * one JSON array whatever the exit status (netifmsg(8), JSON).
 */
static void no_array(const struct opts *o)
{
	struct printer pr;

	if (!commands[o->cmd].array)
		return;
	/* Its message and exit status outlive a reader gone early. */
	cmd_write_errors();
	print_init(&pr, o->mode, o->quiet, PRINT_ARRAY, false, NULL);
	print_end(&pr);
}

/* Say why the kernel could not be opened; a failure, never a usage error. */
static int open_error(const struct opts *o, enum backend_stage stage,
		      int fell_back, int err)
{
	/* ENOTDIR: a path through a file, as "/etc/passwd/x". */
	if (stage == BACKEND_NETNS && (err == -ENOENT || err == -ENOTDIR))
		diag(NULL, o->netns, "no such network namespace");
	/* ENXIO: a socket, or a device without its driver: open() refuses. */
	else if (stage != BACKEND_SOCKET && (err == -EINVAL || err == -ENXIO))
		diag(NULL, o->netns, "not a network namespace");
	/* EPERM from open() is a device's own (/dev/kmsg): no setns() hint. */
	else if (stage != BACKEND_SOCKET)
		diag(NULL, o->netns, "cannot enter network namespace: %s%s",
		     strerror(-err), err == -EPERM && stage == BACKEND_SETNS ?
		     " (it takes CAP_SYS_ADMIN, as for ip -n)" : "");
	else if (fell_back && fell_back != -EPROTONOSUPPORT)
		diag(NULL, NULL, "netlink sockets are refused here (%s), and a socket for the ioctl cannot be opened: %s",
		     strerror(-fell_back), strerror(-err));
	else if (o->ioctl || fell_back)
		diag(NULL, NULL, "cannot open a socket for the ioctl: %s",
		     strerror(-err));
	else
		diag(NULL, NULL, "cannot open a netlink socket: %s",
		     strerror(-err));
	return -EIO;
}

static int run(const struct opts *o)
{
	const struct command_def *c = &commands[o->cmd];
	enum backend_stage stage;
	struct backend b;
	int ret;

	if (!c->kernel)
		return c->run(o, NULL);
	ret = backend_open(&b, o->netns, o->ioctl, o->cmd == CMD_MONITOR,
			   &stage);
	if (ret < 0) {
		ret = open_error(o, stage, b.fell_back, ret);
		no_array(o);	/* after its message, as a show's */
		return ret;
	}
	if (b.fell_back == -EPROTONOSUPPORT && o->verbose)
		diag(NULL, NULL, "the kernel has no ethtool netlink family: using the SIOCETHTOOL ioctl");
	else if (b.fell_back && o->verbose)
		diag(NULL, NULL, "netlink sockets are refused here (%s): using the SIOCETHTOOL ioctl",
		     strerror(-b.fell_back));
	/*
	 * Output read by `grep -q` or `head` must not stop a run of changes
	 * halfway.  (--trace and --monitor do the same themselves.)
	 */
	if (c->sets)
		cmd_write_errors();
	ret = c->run(o, &b);
	backend_close(&b);
	return ret;
}

/*
 * A closed descriptor 0, 1 or 2 would be the next that open() or
 * socket() gives, and netifmsg would print into its own netlink socket.
 * Each is opened on /dev/null the wrong way round (0 for writing, 1 and
 * 2 for reading), so that using it fails as using a closed one does: a
 * closed standard output still gives "write error", exit status 1.
 */
static int std_fds(void)
{
	int fd;

	/* open() gives the lowest free descriptor: @fd, those below are open. */
	for (fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd ? O_RDONLY : O_WRONLY) < 0)
			return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct cmd_input in = { 0 };
	struct cmdline_err err;
	const char **words;
	sigset_t ends, mask;
	struct opts o;
	int ret, ret_out;

	/*
	 * SIGINT and SIGTERM end --monitor and --trace with exit status 0,
	 * once they catch them: held until then, so that one sent at the
	 * start is not a kill.  The other commands let them act at once.
	 */
	sigemptyset(&ends);
	sigaddset(&ends, SIGINT);
	sigaddset(&ends, SIGTERM);
	sigprocmask(SIG_BLOCK, &ends, &mask);
	if (std_fds() < 0) {
		diag(NULL, NULL, "cannot open /dev/null: %s", strerror(errno));
		return EXIT_FAILURE;
	}
	/* Room for every word: the parser sorts options from the rest. */
	words = calloc((size_t)argc, sizeof(*words));
	if (!words) {
		diag(NULL, NULL, "out of memory");
		return EXIT_FAILURE;
	}
	opts_init(&o);
	ret = cmdline_parse(&o, argc - 1, argv + 1, words, CMDLINE_ARGV, &err);
	if (ret || (o.cmd != CMD_MONITOR && o.cmd != CMD_TRACE))
		sigprocmask(SIG_SETMASK, &mask, NULL);
	if (ret) {
		ret = diag_usage(NULL, err.msg, err.hint);
	} else if (o.cmd == CMD_BATCH || o.cmd == CMD_APPLY) {
		ret = cmd_read_input(&o, &in);
		o.batch = &in.batch;
		if (!ret)
			ret = run(&o);
		else if (ret == -EIO)
			no_array(&o);
		/* A netifmsg.d that is no directory: the rest was applied. */
		if (!ret && in.paths.skipped)
			ret = -EIO;
		cmd_free_input(&in);
	} else {
		ret = run(&o);
	}
	free(words);
	ret_out = out_flush();
	if (ret_out < 0) {
		diag(NULL, NULL, "write error: %s", strerror(-ret_out));
		/* A failure whatever write() said: -EINVAL is a usage error. */
		if (!ret)
			ret = -EIO;
	}
	return !ret ? EXIT_SUCCESS : ret == -EINVAL ? EXIT_USAGE : EXIT_FAILURE;
}
