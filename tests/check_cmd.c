// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the commands (show, change, batch, apply, a failed
 * trace, the monitor) over a fake backend: the real word parser, the real commands
 * and printer, no kernel and no root.  stdout and stderr are pointed at files with dup2() around each
 * command.
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_child.h"
#include "check_main.h"
#include "cmd.h"
#include "diag.h"
#include "fake_backend.h"
#include "out.h"
#include "select.h"

#define CAPTURE_MAX	8192
/* Three dumps in a row raced with a change of the interface list. */
#define DUMP_INTR_MSG	"netifmsg: Resource temporarily unavailable: " \
			"the interface list changed while it was read\n"

static char out[CAPTURE_MAX], err[CAPTURE_MAX];
static struct fake f;
static struct backend b;

/* The files write_file() made in this test: teardown() removes them. */
static char made[8][sizeof("/tmp/check_cmd_batch.XXXXXX")];
static unsigned int nmade;

static char *write_file(const char *text)
{
	static char path[] = "/tmp/check_cmd_batch.XXXXXX";
	int fd;

	strcpy(path + strlen(path) - 6, "XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_uint_lt(nmade, sizeof(made) / sizeof(made[0]));
	strcpy(made[nmade++], path);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/*
 * Run the command line @line (words split at blanks) over the fake
 * backend, as main() would; returns what the command returned.
 */
static int run(const char *line)
{
	char copy[512], *argv[32], *save = NULL, *w;
	int argc = 0;

	snprintf(copy, sizeof(copy), "%s", line);
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	return fake_command(&b, argc, argv, out, err, CAPTURE_MAX);
}

/*
 * The words @argv[0..argc-1] as main() parses them, into @o, which
 * points into the words kept (as main() keeps them): static.
 */
static void parse_opts(struct opts *o, int argc, char **argv)
{
	static const char *words[8];
	struct cmdline_err cerr;

	ck_assert_int_lt(argc, 8);
	opts_init(o);
	ck_assert_int_eq(cmdline_parse(o, argc, argv, words, CMDLINE_ARGV,
				       &cerr), 0);
}

/*
 * The monitor's reads give the @n events set up before, then fail with
 * EIO: the command ends there, with what it printed until then.
 */
static void events_end(struct fake *fk, int n)
{
	fk->events[n].ret = -EIO;
	fk->nevents = n + 1;
}

/* Three interfaces: tap0 (drv), tap1 (none), lo (no message level). */
static void setup(void)
{
	memset(&f, 0, sizeof(f));
	fake_add(&f, "tap0", 0x1);
	fake_add(&f, "tap1", 0x0);
	fake_add(&f, "lo", 0)->no_level = true;
	fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
}

static void teardown(void)
{
	while (nmade)
		unlink(made[--nmade]);
}

START_TEST(test_show_all)
{
	ck_assert_int_eq(run(""), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 1);
	ck_assert_int_eq(run("-j"), 0);
	ck_assert_str_eq(out, "[{\"ifname\":\"tap0\",\"ifindex\":1,\"msg_enable\":1,\"classes\":[\"drv\"]},"
			 "{\"ifname\":\"tap1\",\"ifindex\":2,\"msg_enable\":0,\"classes\":[]}]\n");
	ck_assert_int_eq(run("-x"), 0);
	/* Lines about many interfaces name them: valid --batch lines. */
	ck_assert_str_eq(out, "tap0: 0x00000001\ntap1: 0x00000000\n");
	ck_assert_int_eq(run("-N"), 0);
	ck_assert_str_eq(out, "tap0: drv\ntap1: none\n");
	/* One interface's line stays bare. */
	ck_assert_int_eq(run("-N tap0"), 0);
	ck_assert_str_eq(out, "drv\n");
	ck_assert_int_eq(run("-q"), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

/*
 * Show-all is put in index order (netifmsg(8), NETLINK NOTES), also
 * where only the first two interfaces of the dump are out of it.
 */
START_TEST(test_show_all_first_two_swapped)
{
	fake_find(&f, "tap0")->ifindex = 5;
	ck_assert_int_eq(run("-x"), 0);
	ck_assert_str_eq(out, "tap1: 0x00000000\ntap0: 0x00000001\n");
	ck_assert_str_eq(err, "");
}
END_TEST

/* No interface with a message level: nothing to show, and no error. */
START_TEST(test_show_all_none)
{
	memset(&f, 0, sizeof(f));
	fake_add(&f, "lo", 0)->no_level = true;
	fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
	ck_assert_int_eq(run(""), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(run("-j"), 0);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "");
}
END_TEST

/* A dump the kernel marks inconsistent is done again, 3 times at most. */
START_TEST(test_dump_intr)
{
	const char *both = "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n";

	f.dumps_intr = 2;
	ck_assert_int_eq(run(""), 0);
	ck_assert_str_eq(out, both);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 3);
	f.dumps = 0;
	f.dumps_intr = 3;
	ck_assert_int_eq(run(""), -EIO);
	ck_assert_str_eq(out, both);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	/* A pattern shows what it matches of the last; --driver, none. */
	f.dumps = 0;
	ck_assert_int_eq(run("tap1*"), -EIO);
	ck_assert_str_eq(out, "tap1: 0x00000000 none\n");
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	f.dumps = 0;
	ck_assert_int_eq(run("--driver tun tap*"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	f.dumps = 0;
	f.dumps_intr = 2;
	ck_assert_int_eq(run("tap* +link"), 0);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 2);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	f.dumps = 0;
	f.dumps_intr = 3;
	ck_assert_int_eq(run("tap* +probe"), -EIO);
	ck_assert_uint_eq(f.sets, 2);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	/* -j: one array whatever the exit status, as a show prints. */
	f.dumps = 0;
	ck_assert_int_eq(run("-j tap* +probe"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.sets, 2);
	f.dumps = 0;
	ck_assert_int_eq(run("-j --driver tun +probe"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	f.dumps = 0;
	ck_assert_int_eq(run("-x tap* +probe"), -EIO);
	ck_assert_str_eq(out, "");
}
END_TEST

/*
 * A dump the kernel ends with ENODEV, at an interface going away while
 * it ran, is done again as an inconsistent one: not a failure at once.
 */
START_TEST(test_dump_enodev)
{
	char cmd[160];

	f.dumps_enodev = 1;
	ck_assert_int_eq(run(""), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 2);
	f.dumps = 0;
	ck_assert_int_eq(run("tap* +link"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	f.dumps = 0;
	ck_assert_int_eq(run("--driver tun +probe"), 0);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x6);
	f.dumps = 0;
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap1 none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0);
	/* Three in a row: the inconsistent dump's failure. */
	f.dumps = f.sets = 0;
	f.dumps_enodev = 3;
	ck_assert_int_eq(run(""), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000007 drv probe link\n");
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	f.dumps = 0;
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/*
 * A name with --driver over dumps that stay inconsistent (iflist_dump()):
 * the last dump is taken where it has that interface, with no GET but
 * the name's own; where the dump ended before it, the interface is read
 * alone by the name its index has.  A name that has passed to another
 * interface between those two reads is the dump's failure.
 */
START_TEST(test_driver_name_intr)
{
	struct fake_iface *t1 = fake_find(&f, "tap1"), *t2;

	f.dumps_intr = 3;
	ck_assert_int_eq(run("--driver tun tap0 +link"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.gets, 1);
	ck_assert_uint_eq(f.drivers, 1);
	/* A show (iflist_select()) as a change. */
	f.dumps = 0;
	ck_assert_int_eq(run("--driver tun tap1"), 0);
	ck_assert_str_eq(out, "tap1: 0x00000000 none\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 3);
	/*
	 * The name's own GET fails (not for want of the name): its index is
	 * not known, so the last dump's failure stands; with dumps that
	 * work, every driver wanted is read.
	 */
	f.dumps = 0;
	fake_fail_gets(t1, 0, 2, -ENOBUFS);
	ck_assert_int_eq(run("--driver tun tap1 +link"), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	f.dumps = f.dumps_intr = 0;
	ck_assert_int_eq(run("--driver tun tap1 +link"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(t1->mask, 0x4);
	t1->mask = 0;
	/* Every dump ends after tap0: tap1 is read alone. */
	f.dumps = f.gets = f.drivers = 0;
	f.dumps_enodev = 3;
	ck_assert_int_eq(run("--driver tun tap1 +link"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(t1->mask, 0x4);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.gets, 2);
	ck_assert_uint_eq(f.drivers, 1);
	f.dumps = 0;
	ck_assert_int_eq(run("--driver igb tap1 +probe"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'tap1' with driver igb\n");
	ck_assert_uint_eq(t1->mask, 0x4);
	/*
	 * Index 8's name is tap1 when asked, and the GET of tap1 finds
	 * index 2: the fake's two tap1s stand for a rename in between.
	 */
	t2 = fake_add(&f, "tap1", 0);
	t2->ifindex = 8;
	t2->altname = "up";
	f.dumps = f.sets = 0;
	ck_assert_int_eq(run("--driver tun up +link"), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/*
 * An interface lo at index 1 (tap0 moved to 11, setup()'s lo renamed
 * lo3), mask 0x1, with a message level if @level: after tap1 in a dump.
 */
static struct fake_iface *lo_at_index_1(bool level)
{
	struct fake_iface *lo;

	fake_find(&f, "tap0")->ifindex = 11;
	fake_find(&f, "lo")->name = "lo3";
	lo = fake_add(&f, "lo", 0x1);
	lo->ifindex = 1;
	lo->no_level = !level;
	return lo;
}

/*
 * A device not present ends every dump where it is: --apply --ifindex
 * (and --apply IFACE) read the interface alone by the name its index has
 * now (ops->ifname).
 */
START_TEST(test_apply_dump_cut_short)
{
	char cmd[160];
	struct fake_iface *lo = lo_at_index_1(true);

	f.dumps_enodev = 6;
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 1 --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(lo->mask, 0x5);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0);
	snprintf(cmd, sizeof(cmd), "--apply lo --config %s",
		 write_file("lo none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(lo->mask, 0);
	/* No interface has the index now: none to change, as a whole dump. */
	lo->ifindex = 12;
	f.dumps = f.sets = 0;
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 1 --config %s",
		 write_file("lo +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_uint_eq(lo->mask, 0);
}
END_TEST

/*
 * Dumps cut short by a device not present: --apply --ifindex for an
 * interface without a message level (a veth, a bridge: udev runs it for
 * every one) or for one gone is left alone with exit status 0, as when
 * the dump works (netifmsg.conf(5)).  Index 1 is the fake's lo.
 */
START_TEST(test_apply_dump_cut_short_no_level)
{
	char cmd[160];

	/* With dumps that work: the baseline. */
	lo_at_index_1(false);
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 1 --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 2000000000 --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	snprintf(cmd, sizeof(cmd), "--apply lo --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	/* The same with every dump cut short. */
	f.dumps_enodev = 100;
	f.dumps = 0;
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 1 --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.sets, 0);
	snprintf(cmd, sizeof(cmd), "--apply --ifindex 2000000000 --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.sets, 0);
	/*
	 * By name: its GET found no level, which a device not present
	 * (the one that cuts the dumps short, say) gives too: the dump's
	 * failure, and nothing set.
	 */
	f.dumps = 0;
	snprintf(cmd, sizeof(cmd), "--apply lo --config %s",
		 write_file("lo +link\ntap* all\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0);
}
END_TEST

/*
 * A device not present (detached by its driver) ends every dump before
 * it, and its own read by name fails with ENODEV: --apply by its name
 * and by its index are the same run, and fail alike.
 */
START_TEST(test_apply_not_present_target)
{
	char cmd[160];
	struct fake_iface *t1 = fake_find(&f, "tap1");

	fake_fail_gets(t1, 0, 100, -ENODEV);
	f.dumps_enodev = 100;
	snprintf(cmd, sizeof(cmd), "-v --apply --ifindex 2 --config %s",
		 write_file("tap1 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	snprintf(cmd, sizeof(cmd), "-v --apply tap1 --config %s",
		 write_file("tap1 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/* --monitor: the start's dump ended so gives what came, unsaid. */
START_TEST(test_monitor_dump_enodev)
{
	f.dumps_enodev = 1;
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	fake_ntf(&f.events[1], "tap1", 2, 0x4);
	events_end(&f, 2);
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n"
			      "tap1: 0x00000004 link\n");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	ck_assert_uint_eq(f.dumps, 1);
	b.ops->close(&b);
}
END_TEST

START_TEST(test_show_one)
{
	ck_assert_int_eq(run("tap0"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\n");
	ck_assert_uint_eq(f.gets, 1);
	ck_assert_uint_eq(f.dumps, 0);
	ck_assert_int_eq(run("-N tap0"), 0);
	ck_assert_str_eq(out, "drv\n");
	ck_assert_int_eq(run("tap9"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap9: no such network interface\n");
	/* A CHANGE where IFACE stands: the hint. */
	ck_assert_int_eq(run("+link,drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: +link,drv: no such network interface (IFACE comes first; to change every interface: netifmsg '*' +link,drv)\n");
	ck_assert_int_eq(run("-j lo"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "netifmsg: lo: the driver has no message level\n");
}
END_TEST

START_TEST(test_change)
{
	struct fake_iface *tap0 = fake_find(&f, "tap0");

	ck_assert_int_eq(run("tap0 +link -drv"), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(tap0->mask, 0x4);
	/* One set and nothing else: no read-modify-write. */
	ck_assert_uint_eq(f.sets, 1);
	ck_assert_uint_eq(f.gets, 0);
	ck_assert_int_eq(run("-v tap0 +link"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000004 link (unchanged)\n");
	ck_assert_int_eq(run("-j tap0 0x3"), 0);
	ck_assert_str_eq(out, "[{\"ifname\":\"tap0\",\"ifindex\":1,\"msg_enable\":3,\"classes\":[\"drv\",\"probe\"],\"changed\":true}]\n");
	ck_assert_uint_eq(tap0->mask, 0x3);
	/* A failure prints no result (-j: an empty array, as a show does). */
	tap0->set_error = -EPERM;
	ck_assert_int_eq(run("-j tap0 +timer"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN\n");
	ck_assert_uint_eq(tap0->mask, 0x3);
	/* A CHANGE where IFACE stands: the hint, as for a show. */
	ck_assert_int_eq(run("+link -drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: +link: no such network interface (IFACE comes first; '*' names every interface)\n");
	ck_assert_int_eq(run("--from-level 3 +wol"), -EIO);
	ck_assert_str_eq(err, "netifmsg: +wol: no such network interface (IFACE comes first; '*' names every interface)\n");
	ck_assert_int_eq(run("tap9 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap9: no such network interface\n");
}
END_TEST

/*
 * A set that worked but whose state could not be read after it: the
 * run fails, and says the change was made.
 */
START_TEST(test_change_readback_fails)
{
	struct fake_iface *tap0 = fake_find(&f, "tap0");
	char cmd[128];

	fake_fail_gets(tap0, 1, 1, -ENOBUFS);
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap0: No buffer space available: fake extack\n"
			 "netifmsg: tap0: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(tap0->mask, 0x5);
	/* Gone between the set and the read. */
	fake_fail_gets(tap0, 1, 1, -ENODEV);
	ck_assert_int_eq(run("-j tap0 +probe"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "netifmsg: tap0: no such network interface\n"
			 "netifmsg: tap0: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(tap0->mask, 0x7);
	/* A pattern: the others are printed, the array is closed. */
	tap0->mask = 0x1;
	fake_fail_gets(tap0, 1, 1, -ENOBUFS);
	ck_assert_int_eq(run("-j tap* +link"), -EIO);
	ck_assert_str_eq(out, "[{\"ifname\":\"tap1\",\"ifindex\":2,\"msg_enable\":4,\"classes\":[\"link\"],\"changed\":true}]\n");
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: tap0: the change was made; only its result could not be read\n"));
	ck_assert_uint_eq(tap0->mask, 0x5);
	/* Its state before could not be read, but the set was sent (-f). */
	tap0->mask = 0x1;
	fake_find(&f, "tap1")->mask = 0;
	fake_fail_gets(tap0, 0, 1, -ENOBUFS);
	ck_assert_int_eq(run("-x tap* +link"), -EIO);
	ck_assert_str_eq(out, "tap1: 0x00000004\n");
	ck_assert_str_eq(err, "netifmsg: tap0: No buffer space available: fake extack\n"
			 "netifmsg: tap0: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(tap0->mask, 0x5);
	/* A batch line: the batch stops after it, as after any failed line. */
	tap0->mask = 0x1;
	fake_fail_gets(tap0, 1, 1, -ENOBUFS);
	snprintf(cmd, sizeof(cmd), "-v --batch %s",
		 write_file("tap0 +link\ntap1 +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(err, ":1: tap0: the change was made; only its result could not be read\n"));
	ck_assert_ptr_nonnull(strstr(err, ":1: stopped at the failed line: 1 more line not sent (use -f to go on)\n"));
	ck_assert_uint_eq(tap0->mask, 0x5);
}
END_TEST

/* The run breaks off after a set worked: that one was made. */
START_TEST(test_change_broken_after_set)
{
	struct fake_iface *tap0 = fake_find(&f, "tap0");
	char cmd[128];

	f.run_answers = 2;
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap0: Input/output error: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(tap0->mask, 0x5);
	/* A pattern: the next one's result is unknown. */
	tap0->mask = 0x1;
	ck_assert_int_eq(run("-j tap* +link"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "netifmsg: tap0: Input/output error: the change was made; only its result could not be read\n"
			 "netifmsg: tap1: Input/output error: its result is unknown\n");
	f.run_answers = 5;
	tap0->mask = 0x1;
	snprintf(cmd, sizeof(cmd), "-x --batch %s",
		 write_file("tap0 +link\ntap1 +drv\ntap0 -drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005\n");
	ck_assert_ptr_nonnull(strstr(err, ":2: tap1: Input/output error: the change was made; only its result could not be read\n"));
	/* One request at a time without -f: line 3 never went out. */
	ck_assert_ptr_nonnull(strstr(err, "Input/output error: line 3 was not sent\n"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x1);
}
END_TEST

/*
 * A run that breaks off before all its requests were sent (the kernel's
 * answers overflowed the receive buffer): those sent have unknown
 * results, those never sent were not made.
 */
START_TEST(test_change_broken_unsent)
{
	fake_add(&f, "tap2", 0x0);
	fake_add(&f, "tap3", 0x0);
	f.run_answers = 1;
	f.unsent = 2;
	ck_assert_int_eq(run("tap* +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap1: Input/output error: its result is unknown\n"
			 "netifmsg: Input/output error: the changes of the 2 interfaces from tap2 on were not sent\n");
	f.unsent = 3;
	ck_assert_int_eq(run("tap* +drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the changes of the 3 interfaces from tap1 on were not sent\n");
	f.unsent = 1;
	ck_assert_int_eq(run("tap* +hw"), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the results of the 2 interfaces from tap1 on are unknown\n"
			 "netifmsg: tap3: Input/output error: the change was not sent\n");
	/* nothing sent */
	f.run_answers = 0;
	f.break_run = f.runs + 1;
	f.unsent = 4;
	ck_assert_int_eq(run("tap* none"), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the changes of the 4 interfaces from tap0 on were not sent\n");
}
END_TEST

/*
 * The same of --batch lines.  A job whose read before its set was sent
 * but not its set was not made; a line of which a part was sent or
 * answered is unknown as a whole.
 */
START_TEST(test_batch_broken_unsent)
{
	char cmd[128];

	f.run_answers = 3;	/* line 1's GET, SET, GET */
	f.unsent = 2;		/* of line 2's: only its first GET went out */
	snprintf(cmd, sizeof(cmd), "-v --batch %s",
		 write_file("tap0 +drv\ntap1 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: line 2 was not sent\n"));
	ck_assert_ptr_null(strstr(err, "unknown"));
	f.unsent = 1;		/* its set went out too (-f: a window) */
	snprintf(cmd, sizeof(cmd), "-v -f --batch %s",
		 write_file("tap0 +drv\ntap1 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the result of line 2 is unknown\n"));
	ck_assert_ptr_null(strstr(err, "not sent"));
	/* tap0's set of line 1 answered, tap1's not sent, nor line 2 */
	f.run_answers = 1;
	f.unsent = 2;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap* +link\ntap1 +hw\ntap0 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the result of line 1 is unknown\n"));
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the 2 lines from line 2 on were not sent\n"));
}
END_TEST

/*
 * The run breaks off after a set was refused, before its read-back: the
 * set's failure is told, and its result is not "unknown" as well.
 */
START_TEST(test_broken_after_failed_set)
{
	char cmd[128];

	fake_find(&f, "tap0")->set_error = -EPERM;
	f.run_answers = 2;	/* tap0's GET and SET */
	f.unsent = 3;		/* tap0's last GET in flight, none of tap1's */
	ck_assert_int_eq(run("-v tap* +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN\n"
			 "netifmsg: tap1: Input/output error: the change was not sent\n");
	f.unsent = 0;
	snprintf(cmd, sizeof(cmd), "-f -j --batch %s",
		 write_file("tap0 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(err, ":1: tap0: permission denied"));
	ck_assert_ptr_null(strstr(err, "unknown"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/* After tap0's set: tap0 is renamed old0, and tap1 becomes tap0. */
static void swap_names(struct fake *fk, size_t i)
{
	if (i != 1)
		return;
	fake_find(fk, "tap0")->name = "old0";
	fake_find(fk, "tap1")->name = "tap0";
}

/*
 * A selected interface is read back by name: where that name is now
 * another interface's, its state is not printed as the selected one's.
 */
START_TEST(test_change_renamed_after_set)
{
	f.answered = swap_names;
	ck_assert_int_eq(run("-j tap0* +link"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, "netifmsg: tap0: no such network interface\n"
			 "netifmsg: tap0: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(fake_find(&f, "old0")->mask, 0x5);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x0);
}
END_TEST

/* After the dump: tap0 is renamed old0, and tap1 takes the name tap0. */
static void swap_after_dump(struct fake *fk)
{
	fake_find(fk, "tap0")->name = "old0";
	fake_find(fk, "tap1")->name = "tap0";
	fk->dumped = NULL;
}

/*
 * A set carries the index the dump gave beside the name: where the name
 * is another interface's by then, nothing is set on that one.
 */
START_TEST(test_change_renamed_before_set)
{
	f.dumped = swap_after_dump;
	ck_assert_int_eq(run("tap* +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: no such network interface\n"
			 "netifmsg: tap1: no such network interface\n");
	ck_assert_uint_eq(fake_find(&f, "old0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x0);
}
END_TEST

/* After the first read: tap0 is renamed old0, and tap1 takes the name. */
static void swap_after_read(struct fake *fk, size_t i)
{
	if (i == 0) {
		swap_after_dump(fk);
		fk->answered = NULL;
	}
}

/*
 * After the set: tap0 is renamed old0, and lo, whose driver has no
 * message level, takes the name.
 */
static void level_gone_after_set(struct fake *fk, size_t i)
{
	if (i == 1) {
		fake_find(fk, "tap0")->name = "old0";
		fake_find(fk, "lo")->name = "tap0";
		fk->answered = NULL;
	}
}

/* After the read before the set: the same rename. */
static void level_gone_before_set(struct fake *fk, size_t i)
{
	if (i == 0)
		level_gone_after_set(fk, 1);
}

/* "netifmsg msglvl 5": ethtool's word where IFACE stands. */
START_TEST(test_change_msglvl_iface)
{
	ck_assert_int_eq(run("msglvl 5"), -EIO);
	ck_assert_str_eq(err, "netifmsg: msglvl: no such network interface ('msglvl' is ethtool's word, not netifmsg's: IFACE comes first, as in 'netifmsg eth0 5')\n");
	ck_assert_int_eq(run("msglvl2 5"), -EIO);
	ck_assert_str_eq(err, "netifmsg: msglvl2: no such network interface\n");
}
END_TEST

/* The same on a --batch line, and a name quoted as for a shell. */
START_TEST(test_batch_line_hints)
{
	char cmd[160];
	const char *file = write_file("msglvl 5\n'tap0' +link\n\"tap0\" +link\n");

	snprintf(cmd, sizeof(cmd), "-f --batch %s", file);
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: msglvl: no such network interface ('msglvl' is ethtool's word, not netifmsg's: IFACE comes first on a line)\n"));
	ck_assert_ptr_nonnull(strstr(err, ":2: 'tap0': no such network interface (quotes in a line are part of the name)\n"));
	ck_assert_ptr_nonnull(strstr(err, ":3: \"tap0\": no such network interface (quotes in a line are part of the name)\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/* the same lines for --apply -v: notes */
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_ptr_nonnull(strstr(err, ":1: msglvl: note: selects no interface now (IFACE comes first on a line)\n"));
}
END_TEST

/*
 * -v reads before and after the set, by name: two reads of two
 * interfaces are no result ("changed", when tap1 had link already).
 */
START_TEST(test_change_renamed_during_result)
{
	fake_find(&f, "tap1")->mask = 0x5;
	f.answered = swap_after_read;
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap0: renamed during the change (another interface has the name now): its result is unknown\n");
	/* The names back as they were, and again with -j. */
	fake_find(&f, "tap0")->name = "tap1";
	fake_find(&f, "old0")->name = "tap0";
	f.answered = swap_after_read;
	ck_assert_int_eq(run("-j tap0 +link"), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
	/* Not renamed: the result as ever. */
	ck_assert_int_eq(run("-v tap0 +link"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (unchanged)\n");
}
END_TEST

/*
 * The name taken by an interface whose driver has no message level: a
 * rename, not "the driver has no message level" of the interface just
 * changed (after the set) nor "can be read but not changed" (before it:
 * the set by name is refused there, and one more read tells the two
 * apart).  Over the ioctl the same.
 */
START_TEST(test_change_renamed_to_no_level)
{
	static const char *const cmds[] = { "-v tap0 +link", "-j tap0 0x5",
					    "-x tap0 +link", "-N tap0 +link" };
	static const struct {
		void (*rename)(struct fake *f, size_t i);
		const char *msg;
		uint32_t old0;		/* the renamed tap0's mask after */
	} when[] = {
		{ level_gone_after_set, "its result is unknown", 0x5 },
		{ level_gone_before_set, "nothing was changed", 0x1 },
	};
	char want[200];
	size_t k;

	for (k = 0; k < 2 * 2 * sizeof(cmds) / sizeof(cmds[0]); k++) {
		setup();
		if (k & 1)
			fake_open_ioctl(&b, &f);
		f.answered = when[k / 2 % 2].rename;
		ck_assert_int_eq(run(cmds[k / 4]), -EIO);
		ck_assert_str_eq(out, k / 4 == 1 ? "[]\n" : "");
		snprintf(want, sizeof(want), "netifmsg: tap0: renamed during the change (another interface has the name now): %s\n",
			 when[k / 2 % 2].msg);
		ck_assert_str_eq(err, want);
		ck_assert_uint_eq(fake_find(&f, "old0")->mask, when[k / 2 % 2].old0);
		ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x0);
	}
}
END_TEST



/*
 * Over netlink the kernel reads and writes bits 0-14 alone: bit 20 (set
 * over the ioctl) is neither shown nor cleared by an absolute change.
 */
START_TEST(test_change_netlink_15_bits)
{
	char cmd[160];

	fake_find(&f, "tap0")->mask = 0x100001;
	ck_assert_int_eq(run("-v tap0 0x1"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv (unchanged)\n");
	ck_assert_int_eq(run("-v tap0 0x3"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000003 drv probe (changed)\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x100003);
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap0",
		 write_file("tap0 0x3\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap0: 0x00000003 drv probe (unchanged)\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x100003);
}
END_TEST

/* After tap0's set: someone else turns it off again. */
static void undo_tap0(struct fake *fk, size_t i)
{
	if (i == 1)
		fake_find(fk, "tap0")->mask = 0x1;
}

/* The state printed after a change is the one read after the set. */
START_TEST(test_change_undone_meanwhile)
{
	f.answered = undo_tap0;
	ck_assert_int_eq(run("-v tap0 +link"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv (unchanged)\n");
	ck_assert_str_eq(err, "");
}
END_TEST

/* Bits 15-31: what the transport can set decides, before any request. */
START_TEST(test_change_beyond)
{
	char cmd[160];

	ck_assert_int_eq(run("tap0 +bit20"), -EINVAL);
	ck_assert_str_eq(err, "netifmsg: tap0: bits 15-31 (0x00100000) cannot be set over netlink: the kernel's message-level bitset has only 15 bits (--ioctl can set them)\n");
	ck_assert_uint_eq(f.runs, 0);
	/* --apply: a configuration line so refuses the whole run. */
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap0 +link\ntap1 +bit20\n"));
	ck_assert_int_eq(run(cmd), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, ":2: tap1: bits 15-31 (0x00100000) cannot be set over netlink"));
	ck_assert_uint_eq(f.runs, 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	fake_open(&b, &f, UINT32_MAX);
	ck_assert_int_eq(run("tap0 +bit20"), 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x100001);
}
END_TEST

/*
 * Over a backend as the ioctl's: no class names from the kernel, no
 * notifications, names of 15 bytes at most, every bit settable.
 */
START_TEST(test_ioctl_backend)
{
	fake_add(&f, "nim-a-long-altname", 0x0);
	f.kernel_name[20] = "newclass";
	fake_open_ioctl(&b, &f);
	ck_assert_int_eq(run("tap0 +newclass"), -EINVAL);
	ck_assert_str_eq(err, "netifmsg: unknown message class 'newclass'; see 'netifmsg --list'\nTry 'netifmsg --help'.\n");
	ck_assert_uint_eq(f.names, 0);
	ck_assert_int_eq(run("-x tap0 +bit20"), 0);
	ck_assert_str_eq(out, "0x00100001\n");
	ck_assert_int_eq(run("nim-a-long-altname +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: nim-a-long-altname: no such network interface: the ioctl takes names of at most 15 bytes\n");
	ck_assert_uint_eq(fake_find(&f, "nim-a-long-altname")->mask, 0x0);
	ck_assert_int_eq(run("nim-a-long-altname"), -EIO);
	ck_assert_str_eq(err, "netifmsg: nim-a-long-altname: no such network interface: the ioctl takes names of at most 15 bytes\n");
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(err, "netifmsg: monitor: the kernel has no ethtool netlink family, and the ioctl has no notifications\n");
}
END_TEST

/* A name the built-in table lacks: the kernel's names, asked once. */
START_TEST(test_change_kernel_name)
{
	f.kernel_name[20] = "newclass";
	fake_open(&b, &f, UINT32_MAX);
	ck_assert_int_eq(run("-v tap0 +newclass"), 0);
	ck_assert_str_eq(out, "tap0: 0x00100001 drv newclass (changed)\n");
	ck_assert_uint_eq(f.names, 1);
	ck_assert_int_eq(run("tap0 +newclas"), -EINVAL);
	ck_assert_str_eq(err, "netifmsg: unknown message class 'newclas' (did you mean 'newclass'?); see 'netifmsg --list'\nTry 'netifmsg --help'.\n");
	ck_assert_uint_eq(f.runs, 1);
	/* Not a kernel name either: IFACE must come first. */
	ck_assert_int_eq(run("+newclass tap0"), -EINVAL);
	ck_assert_str_eq(err, "netifmsg: unknown message class 'tap0' (IFACE comes first: '+newclass' is read as the interface)\nTry 'netifmsg --help'.\n");
	ck_assert_uint_eq(f.runs, 1);
	/* The names are asked once per backend, and not for known names. */
	ck_assert_uint_eq(f.names, 1);
	fake_open(&b, &f, UINT32_MAX);
	ck_assert_int_eq(run("tap0 +link"), 0);
	ck_assert_uint_eq(f.names, 1);
}
END_TEST

static const char batch3[] = "tap0 0x7\ntap9 +link\n# a comment\ntap1 +drv\n";

/* A failing line in the middle: nothing after it is sent. */
START_TEST(test_batch_stop)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "-v --batch %s", write_file(batch3));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000007 drv probe link (changed)\n");
	ck_assert_ptr_nonnull(strstr(err, ":2: tap9: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, ":2: stopped at the failed line: 1 more line not sent (use -f to go on)\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x7);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	ck_assert_uint_eq(f.max_window, 1);
}
END_TEST

/*
 * A pattern line that fails on its first interface: its other interfaces
 * are not sent, and the note counts only the lines after it.
 */
START_TEST(test_batch_stop_in_pattern)
{
	char cmd[128];

	fake_find(&f, "tap0")->set_error = -EPERM;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap* +link\ntap1 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: stopped at the failed line: 1 more line not sent (use -f to go on)\n"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* The last line: no line more. */
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap1 +hw\ntap* +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_null(strstr(err, "stopped"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x2000);
}
END_TEST

/*
 * The lines not sent are lines, not interfaces: neither the failed
 * pattern line's other interfaces nor a later pattern's count more.
 */
START_TEST(test_batch_stop_counts_lines)
{
	char cmd[128];

	fake_add(&f, "tap2", 0x0);
	fake_find(&f, "tap0")->set_error = -EPERM;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap* +link\ntap1 +hw\ntap* -drv\ntap2 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: stopped at the failed line: 3 more lines not sent (use -f to go on)\n"));
	ck_assert_uint_eq(f.sets, 1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	ck_assert_uint_eq(fake_find(&f, "tap2")->mask, 0x0);
}
END_TEST

/*
 * The jobs go out in chunks of CMD_CHUNK (256) requests: a line that
 * fails as the last of a chunk (1024, the fourth's) stops the batch as
 * any other line does, and the next chunk is never sent.
 */
START_TEST(test_batch_stop_chunk_end)
{
	static char text[1025 * 16];
	char cmd[128];
	size_t n = 0;
	int i;

	for (i = 1; i < 1024; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "tap1 +drv\n");
	n += (size_t)snprintf(text + n, sizeof(text) - n, "tap9 +link\n");
	snprintf(text + n, sizeof(text) - n, "tap0 0x7\n");
	snprintf(cmd, sizeof(cmd), "--batch %s", write_file(text));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1024: tap9: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, ":1024: stopped at the failed line: 1 more line not sent (use -f to go on)\n"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(f.sets, 1024);
}
END_TEST

/*
 * A batch line whose first word is a CHANGE (a saved -x or -N line, most
 * likely): the hint never offers '*', which would change every interface.
 */
START_TEST(test_batch_change_first)
{
	static const char *const lines[] = { "0x00000005\n", "drv probe\n",
					     "+link -ifup\n" };
	static const char *const names[] = { "0x00000005", "drv", "+link" };
	char cmd[128], want[256];
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(cmd, sizeof(cmd), "-f --batch %s", write_file(lines[i]));
		ck_assert_int_eq(run(cmd), -EIO);
		snprintf(want, sizeof(want), ":1: %s: no such network interface (IFACE comes first on a line; -x and -N output does not name it)\n",
			 names[i]);
		ck_assert_ptr_nonnull(strstr(err, want));
		ck_assert_ptr_null(strstr(err, "'*'"));
		ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
		ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	}
}
END_TEST

/*
 * A pattern line that selects nothing stops a batch, but only where the
 * batch gets to it: after an earlier failed line it is one of the lines
 * not sent, counted as such and not reported.
 */
/*
 * A run that breaks off before a selector that matched nothing: the
 * lines from it on were never sent, whatever became of those sent.
 */
START_TEST(test_batch_broken_before_unmatched)
{
	char cmd[128];

	f.run_answers = 1;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 +drv\ntap1 +link\nnomatch* +hw\ntap0 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the result of line 2 is unknown\n"));
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the 2 lines from line 3 on were not sent\n"));
	ck_assert_ptr_null(strstr(err, "are unknown"));
	/* the set of the last job before it answered, its read-back not */
	f.run_answers = 2;
	snprintf(cmd, sizeof(cmd), "-v --batch %s",
		 write_file("tap1 +link\nnomatch* +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: tap1: Input/output error: the change was made; only its result could not be read\n"));
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: line 2 was not sent\n"));
	ck_assert_ptr_null(strstr(err, "unknown"));
}
END_TEST

START_TEST(test_batch_stop_before_unmatched)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap9 +link\ntap0 +link\nnomatch* +drv\ntap1 +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: tap9: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, ":1: stopped at the failed line: 3 more lines not sent (use -f to go on)\n"));
	ck_assert_ptr_null(strstr(err, "nomatch"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* the failed line right before it */
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 +link\ntap9 +link\nnomatch* +drv\ntap1 +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":2: tap9: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, ":2: stopped at the failed line: 2 more lines not sent (use -f to go on)\n"));
	ck_assert_ptr_null(strstr(err, "nomatch"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* reached, it fails and stops the batch itself */
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 -link\nnomatch* +drv\ntap1 +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":2: no interface with a message level matches 'nomatch*'\n"));
	ck_assert_ptr_nonnull(strstr(err, ":2: stopped at the failed line: 1 more line not sent (use -f to go on)\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* the last line: no line after it to count */
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 +link\nnomatch* +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":2: no interface with a message level matches 'nomatch*'\n"));
	ck_assert_ptr_null(strstr(err, "stopped"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
}
END_TEST

/* With -f a selector that matches nothing fails, and the lines after it run. */
START_TEST(test_batch_force_unmatched)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("nomatch* +drv\ntap1 +drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":1: no interface with a message level matches 'nomatch*'\n"));
	ck_assert_ptr_null(strstr(err, "stopped"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x1);
}
END_TEST

/* With -f the failures are reported in the order of the file's lines. */
START_TEST(test_batch_force_unmatched_order)
{
	char cmd[128];
	const char *l1, *l2, *l3;

	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("tap9 +link\nnomatch* +drv\ntap8 +drv\nnone* +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	l1 = strstr(err, ":1: tap9: no such network interface\n");
	l2 = strstr(err, ":2: no interface with a message level matches 'nomatch*'\n");
	l3 = strstr(err, ":3: tap8: no such network interface\n");
	ck_assert_ptr_nonnull(l1);
	ck_assert_ptr_nonnull(l2);
	ck_assert_ptr_nonnull(l3);
	ck_assert_ptr_nonnull(strstr(l3, ":4: no interface with a message level matches 'none*'\n"));
	ck_assert_msg(l1 < l2 && l2 < l3, "out of order: %s", err);
}
END_TEST

/*
 * With -f, a run that breaks off after a line that matched nothing: that
 * line's failure comes first, in the order of the lines.
 */
START_TEST(test_batch_force_unmatched_broken)
{
	char cmd[128];
	const char *none, *unsent;

	f.break_run = 1;
	f.unsent = 1;
	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("nomatch* +drv\ntap0 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	none = strstr(err, ":1: no interface with a message level matches 'nomatch*'\n");
	unsent = strstr(err, ": Input/output error: line 2 was not sent\n");
	ck_assert_ptr_nonnull(none);
	ck_assert_ptr_nonnull(unsent);
	ck_assert_msg(none < unsent, "out of order: %s", err);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/*
 * Show -j @name in a child whose standard output is a pipe its reader
 * has closed, SIGPIPE at its default action; returns the wait status.
 * Exit status 0: the show returned -EIO and its output failed with EPIPE.
 */
static int show_to_closed_pipe(const char *name)
{
	char a0[] = "-j", a1[IF_NAMESIZE];
	char *argv[] = { a0, a1 };
	struct opts o;
	int p[2], e[2], status;
	pid_t pid;

	snprintf(a1, sizeof(a1), "%s", name);
	parse_opts(&o, 2, argv);
	ck_assert_int_eq(pipe(p), 0);
	close(p[0]);			/* the reader is gone */
	ck_assert_int_eq(pipe(e), 0);	/* its message, never read */
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		sigset_t pipe_sig;
		int ret, flushed;

		sigemptyset(&pipe_sig);
		sigaddset(&pipe_sig, SIGPIPE);
		sigprocmask(SIG_UNBLOCK, &pipe_sig, NULL);
		signal(SIGPIPE, SIG_DFL);
		dup2(p[1], STDOUT_FILENO);
		dup2(e[1], STDERR_FILENO);
		ret = cmd_show(&o, &b);
		flushed = out_flush();
		_exit(ret == -EIO && flushed == -EPIPE ? 0 : 10);
	}
	close(p[1]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	close(e[0]);
	close(e[1]);
	return status;
}

/*
 * A show that fails is not killed by SIGPIPE when its reader is gone: it
 * exits with its status 1; one that only prints is (netifmsg(8), EXIT
 * STATUS).
 */
START_TEST(test_show_fails_reader_gone)
{
	int status = show_to_closed_pipe("nosuch");

	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	status = show_to_closed_pipe("tap0");
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGPIPE);
}
END_TEST

/* How many times @needle is in @hay. */
static unsigned int count_of(const char *hay, const char *needle)
{
	unsigned int n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

/* Where @needles are in @hay, each after the one before; NULL-ended. */
static bool in_order(const char *hay, const char *const *needles)
{
	for (; *needles; needles++) {
		hay = strstr(hay, *needles);
		if (!hay)
			return false;
		hay += strlen(*needles);
	}
	return true;
}

/*
 * -f, the run broken off with lines that matched nothing among those
 * unknown (or not sent): each message names lines that follow each
 * other, and every line is told in its place.
 */
START_TEST(test_batch_force_unmatched_inside_broken)
{
	static const char *const unknown[] = {
		": Input/output error: the result of line 2 is unknown\n",
		":3: no interface with a message level matches 'nomatch*'\n",
		": Input/output error: the results of the 2 lines from line 4 on are unknown\n",
		NULL,
	};
	static const char *const unsent[] = {
		": Input/output error: line 1 was not sent\n",
		":2: no interface with a message level matches 'nomatch*'\n",
		": Input/output error: line 3 was not sent\n",
		NULL,
	};
	char cmd[128];

	f.run_answers = 1;
	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("tap0 +link\ntap1 +link\nnomatch* +drv\ntap1 +hw\ntap0 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_msg(in_order(err, unknown), "%s", err);
	ck_assert_uint_eq(count_of(err, "\n"), 3);

	f.run_answers = 0;
	f.runs = 0;
	f.break_run = 1;
	f.unsent = 2;
	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("tap0 +link\nnomatch* +drv\ntap1 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_msg(in_order(err, unsent), "%s", err);
	ck_assert_uint_eq(count_of(err, "\n"), 3);
}
END_TEST

/*
 * A run that breaks off inside a pattern line: that line is one of the
 * lines whose result is unknown, though one of its interfaces answered.
 */
START_TEST(test_batch_broken_in_pattern)
{
	char cmd[128];

	f.run_answers = 1;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap* +link\ntap1 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	/* One request at a time: tap1's set in flight, line 2 not sent. */
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the result of line 1 is unknown\n"));
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: line 2 was not sent\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
	/* -f, a window: line 2's set went out as well. */
	fake_find(&f, "tap0")->mask = 0x1;
	snprintf(cmd, sizeof(cmd), "-f --batch %s",
		 write_file("tap* +link\ntap1 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ": Input/output error: the results of the 2 lines from line 1 on are unknown\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
}
END_TEST

/* With -f every line is tried, in a window; the failure still counts. */
START_TEST(test_batch_force)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "-f -j --batch %s", write_file(batch3));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out,
		"{\"ifname\":\"tap0\",\"ifindex\":1,\"msg_enable\":7,\"classes\":[\"drv\",\"probe\",\"link\"],\"changed\":true}\n"
		"{\"ifname\":\"tap1\",\"ifindex\":2,\"msg_enable\":1,\"classes\":[\"drv\"],\"changed\":true}\n");
	ck_assert_ptr_nonnull(strstr(err, ":2: tap9: no such network interface\n"));
	ck_assert_ptr_null(strstr(err, "stopped"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x1);
	ck_assert_uint_gt(f.max_window, 1);
	/* -v: the failed line's GET, SET and GET all fail; it is told once */
	snprintf(cmd, sizeof(cmd), "-f -v --batch %s", write_file(batch3));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_ptr_nonnull(strstr(err, ":2: tap9: no such network interface\n"));
	ck_assert_ptr_null(strstr(strstr(err, "tap9") + 1, "tap9"));
}
END_TEST

/* A bad line anywhere: nothing is sent at all. */
START_TEST(test_batch_bad_line)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 0x7\ntap1 likn\n"));
	ck_assert_int_eq(run(cmd), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, ":2: unknown message class 'likn' (did you mean 'link'?)"));
	ck_assert_ptr_null(strstr(err, "Try"));
	ck_assert_uint_eq(f.runs, 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap0 0x7\ntap1 bit20\n"));
	ck_assert_int_eq(run(cmd), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, ":2: tap1: bits 15-31 (0x00100000) cannot be set over netlink"));
	ck_assert_uint_eq(f.runs, 0);
}
END_TEST

/* Standard input that gives @cookie (a string), then fails with EINVAL. */
static ssize_t einval_read(void *cookie, char *buf, size_t size)
{
	const char **text = cookie;
	size_t n = strlen(*text);

	if (!n) {
		errno = EINVAL;
		return -1;
	}
	if (n > size)
		n = size;
	memcpy(buf, *text, n);
	*text += n;
	return (ssize_t)n;
}

static int run_stdin_einval(const char *text)
{
	cookie_io_functions_t io = { .read = einval_read };
	FILE *saved = stdin;
	int ret;

	stdin = fopencookie(&text, "r", io);
	ck_assert_ptr_nonnull(stdin);
	ret = run("--batch -");
	fclose(stdin);
	stdin = saved;
	return ret;
}

/*
 * A read that fails with EINVAL (a sysfs file such as a down link's
 * speed) is a file that cannot be read, not a bad line: nothing is sent.
 */
START_TEST(test_batch_read_einval)
{
	ck_assert_int_eq(run_stdin_einval(""), -EIO);
	ck_assert_str_eq(err, "netifmsg: <stdin>: Input/output error\n");
	ck_assert_int_eq(run_stdin_einval("tap0 likn\ntap1 +drv\n"), -EIO);
	ck_assert_str_eq(err, "netifmsg: <stdin>: Input/output error\n");
	ck_assert_uint_eq(f.runs, 0);
}
END_TEST

/*
 * --level-map on the command line of --batch is the default map of the
 * file's lines; a line's own --level-map replaces it for that line.
 */
START_TEST(test_batch_level_map)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "--level-map exact --batch %s",
		 write_file("tap0 --from-level 2\n"
			    "tap1 --from-level 2 --level-map cumulative\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0xc);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0xf);
}
END_TEST

/* Show lines in a batch, and kernel names in batch lines. */
START_TEST(test_batch_show_names)
{
	char cmd[128];

	f.kernel_name[20] = "newclass";
	fake_open(&b, &f, UINT32_MAX);
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("tap1 +newclass\ntap1\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00100000 newclass\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.names, 1);
}
END_TEST

/* A pattern that matches nothing is quoted as other words: 64 bytes. */
START_TEST(test_select_none_quote)
{
	char cmd[160], want[160];

	snprintf(cmd, sizeof(cmd), "tap*%0100d", 0);
	snprintf(want, sizeof(want),
		 "netifmsg: no interface with a message level matches '%.64s...'\n",
		 cmd);
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, want);
	/* The same for a change. */
	strcat(cmd, " +link");
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, want);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/*
 * More than one --driver: the message names the first given, and says
 * the others were looked for.
 */
START_TEST(test_select_none_drivers)
{
	ck_assert_int_eq(run("--driver igb tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'tap*' with driver igb\n");
	ck_assert_int_eq(run("--driver igb --driver e1000 tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'tap*' with driver igb (or the others given)\n");
	ck_assert_int_eq(run("--driver e1000 --driver igb tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'tap*' with driver e1000 (or the others given)\n");
}
END_TEST

/*
 * An interface whose driver cannot be read (no GDRVINFO, or gone) has
 * none: it matches no --driver, and the others are still selected.
 */
START_TEST(test_select_driver_unreadable)
{
	fake_find(&f, "tap1")->driver_error = -EOPNOTSUPP;
	ck_assert_int_eq(run("--driver tun tap*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\n");
	fake_find(&f, "tap1")->driver_error = -ENODEV;
	ck_assert_int_eq(run("--driver tun tap*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\n");
	/* any other error is not "no interface matches" */
	fake_find(&f, "tap1")->driver_error = -ENOBUFS;
	ck_assert_int_eq(run("--driver tun tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
}
END_TEST

/*
 * Where reading a driver fails, that interface and those after it have
 * none: not the first one's, and no crash when it is the first.
 */
START_TEST(test_select_driver_error)
{
	fake_find(&f, "tap1")->driver_error = -ENOBUFS;
	ck_assert_int_eq(run("--driver tun tap*"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\n");
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
	fake_find(&f, "tap1")->driver_error = 0;
	fake_find(&f, "tap0")->driver_error = -ENOBUFS;
	ck_assert_int_eq(run("--driver tun tap*"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
}
END_TEST

/*
 * A pattern with --driver reads the drivers of the interfaces it matches
 * by name alone: another's that cannot be read fails nothing (INTERFACES).
 */
START_TEST(test_select_driver_pattern_reads)
{
	char cmd[128];

	fake_add(&f, "eth0", 0x7)->driver_error = -ENOBUFS;
	ck_assert_int_eq(run("--driver tun tap*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.drivers, 2);
	f.drivers = 0;
	ck_assert_int_eq(run("--driver tun tap[1] +link"), 0);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	ck_assert_uint_eq(f.drivers, 1);
	/* Where it matches eth0 too, eth0's is read: it fails the command. */
	ck_assert_int_eq(run("--driver tun *"), -EIO);
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
	/* --batch: those the lines with --driver may select by name. */
	fake_find(&f, "eth0")->driver_error = 0;
	fake_find(&f, "eth0")->driver = "igb";
	f.drivers = 0;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("* +hw\n--driver tun tap0 +timer\n--driver igb e* -link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x2009);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x2004);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x2003);
	ck_assert_uint_eq(f.drivers, 2);
	/* A name no interface has may be an alternative one: every driver. */
	fake_find(&f, "tap1")->driver_error = -ENOBUFS;
	snprintf(cmd, sizeof(cmd), "--batch %s",
		 write_file("--driver tun nosuch +hw\n--driver tun tap0 +hw\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
}
END_TEST

/*
 * A name that has moved to another interface by the driver's read: the
 * dump and the drivers are read again, three times at the most, then
 * the dump's failure; nothing is set.
 */
START_TEST(test_select_driver_moved)
{
	fake_find(&f, "tap1")->driver_error = -EAGAIN;
	ck_assert_int_eq(run("--driver tun tap* +link"), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/* After the first dump: tap0 is renamed tapX (once). */
static void rename_after_dump(struct fake *fk)
{
	fake_find(fk, "tap0")->name = "tapX";
	fk->dumped = NULL;
}

/*
 * Renamed between the dump and the driver's read: its index is there by
 * another name (the backend says -EAGAIN), so the dump is read again and
 * the interface is found by its new name.
 */
START_TEST(test_select_driver_renamed)
{
	f.dumped = rename_after_dump;
	ck_assert_int_eq(run("--driver tun *"), 0);
	ck_assert_str_eq(out, "tapX: 0x00000001 drv\ntap1: 0x00000000 none\n");
	ck_assert_uint_eq(f.dumps, 2);
}
END_TEST

/*
 * An alternative name (the fake's altname: gets and sets take it, dumps
 * list only the interface's own name) selects its interface with
 * --driver, in a show, a change and an --apply line, and as --apply's
 * IFACE (job_own_name()).
 */
START_TEST(test_select_altname)
{
	char cmd[160];

	fake_find(&f, "tap1")->altname = "uplink";
	ck_assert_int_eq(run("--driver tun uplink"), 0);
	ck_assert_str_eq(out, "tap1: 0x00000000 none\n");
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(run("--driver tun uplink +link"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("--driver tun uplink +probe\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x6);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/* --apply IFACE by it: the lines of the interface's own name. */
	snprintf(cmd, sizeof(cmd), "--apply uplink --config %s",
		 write_file("tap* +timer\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0xe);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/* Another driver's: none, named as given. */
	ck_assert_int_eq(run("--driver igb uplink"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'uplink' with driver igb\n");
}
END_TEST

/* What iflist_select() keeps: each interface with its own driver. */
START_TEST(test_select_keeps_drivers)
{
	char a0[] = "--driver", a1[] = "tun", a2[] = "*";
	char *argv[] = { a0, a1, a2 };
	struct iflist l;
	struct opts o;

	fake_add(&f, "eth0", 0)->driver = "igb";
	fake_add(&f, "tap2", 0);
	parse_opts(&o, 3, argv);
	ck_assert_int_eq(iflist_select(&b, &o.job, &l), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.v[2].ifname, "tap2");
	ck_assert_ptr_nonnull(l.drv);
	ck_assert_str_eq(l.drivers[l.drv[0]], "tun");
	ck_assert_str_eq(l.drivers[l.drv[1]], "tun");
	ck_assert_str_eq(l.drivers[l.drv[2]], "tun");
	/* Each driver's name once: tun's and eth0's igb. */
	ck_assert_uint_eq(l.ndrivers, 2);
	iflist_free(&l);
}
END_TEST

/*
 * A dump of more interfaces than the list's first room (64): each one
 * is kept, in order, in room the list has (a show of all of them).
 */
START_TEST(test_iflist_many)
{
	struct iflist l = { 0 };
	struct ifstate st = { 0 };
	size_t i;

	for (i = 0; i < 1000; i++) {
		st.ifindex = (uint32_t)i + 1;
		snprintf(st.ifname, sizeof(st.ifname), "tap%zu", i);
		ck_assert_int_eq(iflist_add(&st, &l), 0);
		ck_assert_uint_ge(l.cap, l.n);
	}
	ck_assert_uint_eq(l.n, 1000);
	for (i = 0; i < 1000; i++) {
		snprintf(st.ifname, sizeof(st.ifname), "tap%zu", i);
		ck_assert_uint_eq(l.v[i].ifindex, i + 1);
		ck_assert_str_eq(l.v[i].ifname, st.ifname);
	}
	iflist_free(&l);
}
END_TEST

/*
 * iflist_driver() takes a name of any length (an unreadable driver's is
 * ""): it reads no byte past it, here the last of a page before one
 * that cannot be read.
 */
START_TEST(test_iflist_driver_short_name)
{
	long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iflist l = { 0 };

	ck_assert_ptr_ne(m, MAP_FAILED);
	ck_assert_int_eq(mprotect(m + page, (size_t)page, PROT_NONE), 0);
	strcpy(m + page - 4, "tun");
	ck_assert_int_eq(iflist_driver(&l, m + page - 4), 0);
	ck_assert_int_eq(iflist_driver(&l, m + page - 1), 1);
	ck_assert_int_eq(iflist_driver(&l, "tun"), 0);
	ck_assert_str_eq(l.drivers[0], "tun");
	ck_assert_str_eq(l.drivers[1], "");
	iflist_free(&l);
	munmap(m, (size_t)page * 2);
}
END_TEST

/*
 * --monitor --driver after lost notifications: the masks are forgotten
 * (no "was"), the drivers noted at the start are not.  tap0 is no name
 * of the kernel's here, as for one renamed since its change: its driver
 * cannot be asked again.  The errors while what was queued drains are
 * still said, the last one ending the monitor.
 */
START_TEST(test_monitor_overflow)
{
	f.events[0].ret = GENL_NTF_LOST;
	fake_ntf(&f.events[1], "tap0", 1, 0x11);
	f.events[2].ret = GENL_NTF_BAD;
	events_end(&f, 3);
	ck_assert_int_eq(run("--monitor --driver tun tap0"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000011 drv ifdown\n");
	ck_assert_str_eq(err,
		"netifmsg: monitor: lost notifications (receive buffer overflow)\n"
		"netifmsg: monitor: ignoring a malformed notification\n"
		"netifmsg: monitor: Input/output error\n");
	b.ops->close(&b);
}
END_TEST

/*
 * The policy after a loss (genl_recv_ntf() says it before it reads what
 * is queued: check_hostile): the masks read are no "was" until a read
 * ends with the queue empty (neither LOST nor FULL), nor is each
 * interface's first after that: it may be older than one lost.
 */
START_TEST(test_monitor_lost_until_empty)
{
	fake_ntf(&f.events[0], "tap0", 1, 0x2);
	fake_ntf(&f.events[1], "tap0", 1, 0x3);
	f.events[1].ret = GENL_NTF_LOST;
	fake_ntf(&f.events[2], "tap0", 1, 0x5);
	f.events[2].ret = GENL_NTF_FULL;
	fake_ntf(&f.events[3], "tap0", 1, 0x4);
	fake_ntf(&f.events[4], "tap0", 1, 0x6);
	fake_ntf(&f.events[5], "tap0", 1, 0x7);
	events_end(&f, 6);
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(out,
			 "tap0: 0x00000002 probe (was 0x00000001 drv)\n"
			 "tap0: 0x00000003 drv probe (was 0x00000002 probe)\n"
			 "tap0: 0x00000005 drv link\n"
			 "tap0: 0x00000004 link\n"
			 "tap0: 0x00000006 probe link\n"
			 "tap0: 0x00000007 drv probe link (was 0x00000006 probe link)\n");
	b.ops->close(&b);
}
END_TEST

/*
 * Lost notifications and a malformed one in the same wake-up: both said,
 * neither ends the monitor, and the lines read with them are printed.
 */
START_TEST(test_monitor_lost_and_bad)
{
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	f.events[0].ret = GENL_NTF_LOST | GENL_NTF_BAD;
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(out,
			 "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	ck_assert_str_eq(err,
		"netifmsg: monitor: lost notifications (receive buffer overflow)\n"
		"netifmsg: monitor: ignoring a malformed notification\n"
		"netifmsg: monitor: Input/output error\n");
	b.ops->close(&b);
}
END_TEST

/* An error that ends the monitor is a failure, exit status 1, whatever it is. */
START_TEST(test_monitor_einval)
{
	f.events[0].ret = -EINVAL;
	f.nevents = 1;
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(err, "netifmsg: monitor: Invalid argument\n");
	b.ops->close(&b);
}
END_TEST

/*
 * A --monitor pattern's escape counts as the one byte it matches: one of
 * 15 bytes at the least is watched, one of 16 fails at once.
 */
START_TEST(test_monitor_pattern_escape_last)
{
	events_end(&f, 0);
	ck_assert_int_eq(run("--monitor *abcdefghijklmn\\?"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	b.ops->close(&b);
	fake_open(&b, &f, UINT32_MAX);
	events_end(&f, 0);
	ck_assert_int_eq(run("--monitor *abcdefghijklmno\\?"), -EIO);
	ck_assert_str_eq(err, "netifmsg: monitor: '*abcdefghijklmno\\\\?' matches no interface name: a name has at most 15 bytes\n");
	b.ops->close(&b);
}
END_TEST

/*
 * The kernel's name of a bit only the mask before had: the was-part of a
 * --monitor line names it too.
 */
START_TEST(test_monitor_old_names)
{
	f.kernel_name[20] = "newclass";
	fake_find(&f, "tap0")->mask = 0x100001;
	fake_ntf(&f.events[0], "tap0", 1, 0x1);
	events_end(&f, 1);
	fake_open(&b, &f, UINT32_MAX);
	ck_assert_int_eq(run("--monitor tap0"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv (was 0x00100001 drv newclass)\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor -t reads the time of day with gettimeofday() and
 * localtime_r(): a 32-bit time_t (32-bit glibc without _TIME_BITS=64,
 * which configure defines) ends in January 2038.  Checked in the
 * 32-bit CI stage.
 */
START_TEST(test_time_after_2038)
{
	long long when = 2200000000LL;	/* 2039-09-18 23:06:40 UTC */
	time_t t = (time_t)when;
	struct tm tm;

	ck_assert_uint_ge(sizeof(time_t), 8);
	ck_assert_int_eq((long long)t, when);
	ck_assert_ptr_nonnull(localtime_r(&t, &tm));
	ck_assert_int_eq(tm.tm_year + 1900, 2039);
}
END_TEST

/*
 * --monitor IFACE: only that interface's changes; the first, made after
 * the start, has the mask read at the start as its "was", also where it
 * is that very mask (the ioctl's sets notify every time), and so on.
 */
START_TEST(test_monitor_was)
{
	fake_ntf(&f.events[0], "tap0", 1, 0x1);
	fake_ntf(&f.events[0], "tap1", 2, 0x4);
	fake_ntf(&f.events[1], "tap0", 1, 0x5);
	fake_ntf(&f.events[2], "tap0", 1, 0x5);
	events_end(&f, 3);
	ck_assert_int_eq(run("--monitor tap0"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv (was 0x00000001 drv)\n"
			      "tap0: 0x00000005 drv link (was 0x00000001 drv)\n"
			      "tap0: 0x00000005 drv link (was 0x00000005 drv link)\n");
	b.ops->close(&b);
}
END_TEST

/*
 * Changes made while the monitor started (queued when its read of the
 * masks ended, in two reads here): the read may show the last of them,
 * so the first line of each interface has no "was", the next ones chain
 * from it.  tap0 went 0x1, 0x2, 0x4 (read: 0x4), tap1 0x0, 0x3 (read:
 * 0x3); after the start, the mask read is the "was" again.  With _i,
 * the first wake-up read as many datagrams as one may and left more:
 * what follows is still the start's queue.
 */
START_TEST(test_monitor_startup)
{
	fake_find(&f, "tap0")->mask = 0x4;
	fake_find(&f, "tap1")->mask = 0x3;
	fake_ntf(&f.events[0], "tap0", 1, 0x2);
	fake_ntf(&f.events[0], "tap0", 1, 0x4);
	f.events[0].ret = _i ? GENL_NTF_FULL : 0;
	fake_ntf(&f.events[1], "tap1", 2, 0x3);
	f.early = 2;
	fake_ntf(&f.events[2], "tap0", 1, 0x5);
	fake_ntf(&f.events[2], "tap1", 2, 0x1);
	events_end(&f, 3);
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000002 probe\n"
			      "tap0: 0x00000004 link (was 0x00000002 probe)\n"
			      "tap1: 0x00000003 drv probe\n"
			      "tap0: 0x00000005 drv link (was 0x00000004 link)\n"
			      "tap1: 0x00000001 drv (was 0x00000003 drv probe)\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor whose output goes beyond the file size limit (ulimit -f): a
 * write error (EFBIG), exit status 1, as on a full disk; not a death by
 * SIGXFSZ halfway through a line.  The part of its second line the
 * file took (within 60 bytes) is cut off again: the file ends with a
 * whole line.
 */
START_TEST(test_monitor_fsize)
{
	char arg[] = "--monitor", *argv[] = { arg };
	struct rlimit old, lim;
	int so, to, lret, ret, ret_out;
	struct opts o;

	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	fake_ntf(&f.events[0], "tap0", 1, 0x1);
	events_end(&f, 1);
	parse_opts(&o, 1, argv);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 60;
	to = fake_to_file(STDOUT_FILENO, &so);
	/*
	 * No ck_assert() under the limit: Check's own messages go to a file
	 * too.  The monitor prints nothing on standard error here.
	 */
	lret = setrlimit(RLIMIT_FSIZE, &lim);
	ret = cmd_monitor(&o, &b);
	ret_out = out_flush();	/* main() says it: "write error: ..." */
	setrlimit(RLIMIT_FSIZE, &old);
	fake_back(STDOUT_FILENO, so, to, out, CAPTURE_MAX);
	ck_assert_int_eq(lret, 0);
	ck_assert_int_eq(ret, -EIO);
	ck_assert_int_eq(ret_out, -EFBIG);
	ck_assert_str_eq(out,
			 "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	/* It stopped at the error: the next event was not read. */
	ck_assert_int_eq(f.next_event, 1);
	b.ops->close(&b);
}
END_TEST

/*
 * A --monitor ended by SIGTERM while it prints a burst (its output not
 * blocked) ends at once, exit status 0, and what it wrote ends with a
 * whole line: the buffer, full, writes only whole lines.  In a child,
 * which the signal ends.
 */
START_TEST(test_monitor_stop_whole_lines)
{
	char arg[] = "--monitor", *argv[] = { arg };
	char path[] = "/tmp/check_cmd.XXXXXX", got[32768];
	int fd;
	struct opts o;
	ssize_t n;
	pid_t pid;

	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	f.events[0].repeat = 500;	/* 26 KiB of lines */
	f.events[0].raise = SIGTERM;
	f.nevents = 1;
	parse_opts(&o, 1, argv);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fd, STDOUT_FILENO);
		cmd_monitor(&o, &b);
		_exit(10);	/* not ended by the signal */
	}
	child_exited_0(pid);
	n = pread(fd, got, sizeof(got) - 1, 0);
	close(fd);
	ck_assert_int_gt(n, 0);
	got[n] = '\0';
	ck_assert_int_eq(got[n - 1], '\n');
	ck_assert_mem_eq(got, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n",
			 47);
	b.ops->close(&b);
}
END_TEST

/* --monitor PATTERN: the changes of the interfaces it matches, only. */
START_TEST(test_monitor_pattern)
{
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	fake_ntf(&f.events[0], "eth9", 9, 0x4);
	fake_ntf(&f.events[1], "tap1", 2, 0x4);
	events_end(&f, 2);
	ck_assert_int_eq(run("--monitor tap*"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n"
			      "tap1: 0x00000004 link (was 0x00000000 none)\n");
	ck_assert_uint_eq(f.gets, 0);
	b.ops->close(&b);
}
END_TEST

/*
 * A --monitor name that holds a glob character is that name alone
 * (quoted for fnmatch(3) by the command line): "a*b", not "axb".
 */
START_TEST(test_monitor_name_glob_char)
{
	fake_ntf(&f.events[0], "axb", 7, 0x1);
	fake_ntf(&f.events[0], "a*b", 8, 0x4);
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor a\\*b"), -EIO);
	ck_assert_str_eq(out, "a\\*b: 0x00000004 link\n");
	b.ops->close(&b);
}
END_TEST

/* --monitor --driver: the changes of interfaces of that driver alone. */
START_TEST(test_monitor_driver)
{
	fake_find(&f, "tap1")->driver = "e1000e";
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	fake_ntf(&f.events[0], "tap1", 2, 0x4);
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor --driver tun"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor --driver NAME: at the start, the driver of the interface
 * asked for alone is read; another's that cannot be read ends nothing.
 */
START_TEST(test_monitor_driver_named)
{
	fake_find(&f, "tap1")->driver_error = -ENOBUFS;
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor --driver tun tap0"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	ck_assert_uint_eq(f.drivers, 1);
	b.ops->close(&b);
	/* Every one's where none is named: tap1's ends it at the start. */
	f.next_event = 0;
	ck_assert_int_eq(run("--monitor --driver tun"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: monitor: No buffer space available\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor --driver with an alternative name longer than an interface's
 * own: its interface's driver is asked for once, at the start (RENAMES),
 * not again by the read of the masks.
 */
START_TEST(test_monitor_driver_altname_once)
{
	fake_find(&f, "tap0")->altname = "a-long-alternative-name";
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor --driver tun a-long-alternative-name"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	ck_assert_uint_eq(f.drivers, 1);
	b.ops->close(&b);
}
END_TEST

/*
 * The same, of another driver: none matches, and the monitor ends at
 * once (what it noted of the interface freed: the sanitizer build).
 */
START_TEST(test_monitor_driver_altname_other)
{
	fake_find(&f, "tap0")->altname = "a-long-alternative-name";
	ck_assert_int_eq(run("--monitor --driver e1000e a-long-alternative-name"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'a-long-alternative-name' with driver e1000e\n");
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(f.drivers, 1);
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor NAME watches the name, not the interface that has it at the
 * start: tap0 renamed tapR is no more watched, and a new tap0 is.
 */
START_TEST(test_monitor_name_not_index)
{
	fake_ntf(&f.events[0], "tapR", 1, 0x5);
	fake_ntf(&f.events[1], "tap0", 9, 0x4);
	events_end(&f, 2);
	ck_assert_int_eq(run("--monitor tap0"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000004 link\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor whose read of the masks at the start fails: said, and it
 * goes on, the first change of each interface without a "was".
 */
START_TEST(test_monitor_dump_fails)
{
	f.dump_error = -ENOBUFS;
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	fake_ntf(&f.events[1], "tap0", 1, 0x4);
	events_end(&f, 2);
	ck_assert_int_eq(run("--monitor"), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link\n"
			      "tap0: 0x00000004 link (was 0x00000005 drv link)\n");
	ck_assert_str_eq(err,
		"netifmsg: monitor: cannot read the masks now (No buffer space available): the first change of each interface has no earlier value\n"
		"netifmsg: monitor: Input/output error\n");
	ck_assert_uint_eq(f.dumps, 1);
	b.ops->close(&b);
}
END_TEST

/* A pattern matches a name with a leading '.' as any other. */
START_TEST(test_pattern_dot)
{
	fake_add(&f, ".x", 0x4);
	ck_assert_int_eq(run("*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n.x: 0x00000004 link\n");
	ck_assert_int_eq(run("?x +drv"), 0);
	ck_assert_uint_eq(fake_find(&f, ".x")->mask, 0x5);
}
END_TEST

/*
 * A backslash in a pattern makes the next character literal (fnmatch(3)
 * without FNM_NOESCAPE): 'odd\**' is every name that starts with "odd*".
 */
START_TEST(test_pattern_escape)
{
	fake_add(&f, "odd*", 0x1);
	fake_add(&f, "oddx", 0x1);
	ck_assert_int_eq(run("odd\\** +timer"), 0);
	ck_assert_uint_eq(fake_find(&f, "odd*")->mask, 0x9);
	ck_assert_uint_eq(fake_find(&f, "oddx")->mask, 0x1);
}
END_TEST

/* A pattern is one dump and no GET of the pattern as if it were a name. */
START_TEST(test_pattern_one_dump)
{
	ck_assert_int_eq(run("tap*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\ntap1: 0x00000000 none\n");
	ck_assert_uint_eq(f.dumps, 1);
	ck_assert_uint_eq(f.gets, 0);
}
END_TEST

/*
 * A read refused (a sandbox's EPERM or EACCES: reading needs no
 * privilege) is said as the error it is, not as a capability missing.
 */
START_TEST(test_read_refused)
{
	struct fake_iface *tap0 = fake_find(&f, "tap0");

	fake_fail_gets(tap0, 0, 1, -EPERM);
	ck_assert_int_eq(run("tap0"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Operation not permitted\n");
	/* A change's read before its set: nothing set. */
	fake_fail_gets(tap0, 0, 1, -EACCES);
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Permission denied: fake extack\n");
	ck_assert_uint_eq(tap0->mask, 0x1);
	/* ... and its read after a set that worked. */
	fake_fail_gets(tap0, 1, 1, -EACCES);
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Permission denied: fake extack\n"
			 "netifmsg: tap0: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(tap0->mask, 0x5);
	/* In a trace: its first read ... */
	fake_fail_gets(tap0, 0, 1, -EPERM);
	ck_assert_int_eq(run("--trace tap0 +drv --for 0.01"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Operation not permitted\n");
	/* ... and the read back after its raise (in the raise's run). */
	tap0->mask = 0x4;
	fake_fail_gets(tap0, 1, 1, -EPERM);
	ck_assert_int_eq(run("--trace tap0 +drv --for 0.01"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: tap0: Operation not permitted: fake extack\n"));
	ck_assert_ptr_null(strstr(err, "CAP_NET_ADMIN"));
	ck_assert_uint_eq(tap0->mask, 0x4);
}
END_TEST

/* EACCES is a permission error as EPERM is. */
START_TEST(test_change_eacces)
{
	fake_find(&f, "tap0")->set_error = -EACCES;
	ck_assert_int_eq(run("tap0 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN\n");
}
END_TEST

/*
 * A driver that reads its level but cannot set it: the kernel answers
 * the set with EOPNOTSUPP, as for a driver with no level.  Once the
 * level was read (-v, a pattern's dump, --apply, --trace) that is told.
 */
START_TEST(test_change_read_only)
{
	char cmd[80];
	struct fake_iface *tap0 = fake_find(&f, "tap0");

	tap0->set_error = -EOPNOTSUPP;
	/* A set alone cannot tell the two. */
	ck_assert_int_eq(run("tap0 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: the driver has no message level\n");
	ck_assert_int_eq(run("-v tap0 +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: the driver's message level can be read but not changed\n");
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(run("tap* +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: the driver's message level can be read but not changed\n");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	/* A driver with no level is still said to have none. */
	ck_assert_int_eq(run("-v lo +link"), -EIO);
	ck_assert_str_eq(err, "netifmsg: lo: the driver has no message level\n");
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap0 +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: the driver's message level can be read but not changed\n");
	ck_assert_int_eq(run("--trace tap0"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: tap0: the driver's message level can be read but not changed\n"));
	ck_assert_uint_eq(tap0->mask, 0x1);
}
END_TEST

/*
 * An interface a pattern selected, named like a CHANGE word ("link"),
 * gone before its set: the name came from the dump, not from the user,
 * so no "IFACE comes first" hint.  Typed as IFACE, it has one.
 */
START_TEST(test_pattern_gone_word_name)
{
	fake_add(&f, "link", 0x0)->set_error = -ENODEV;
	ck_assert_int_eq(run("li* +drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: link: no such network interface\n");
	ck_assert_int_eq(run("link +drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: link: no such network interface (IFACE comes first; '*' names every interface)\n");
}
END_TEST

/*
 * stdout and stderr on one file (a terminal, 2>&1): what was printed
 * before a message comes before it.
 */
START_TEST(test_diag_after_output)
{
	int so, se, tmp;

	tmp = fake_to_file(STDOUT_FILENO, &so);
	se = dup(STDERR_FILENO);
	ck_assert_int_ge(dup2(tmp, STDERR_FILENO), 0);
	out_line("tap0: 0x00000001 drv");
	diag(NULL, "tap1", "no such network interface");
	out_line("tap2: 0x00000000 none");
	out_flush();
	dup2(se, STDERR_FILENO);
	close(se);
	fake_back(STDOUT_FILENO, so, tmp, out, CAPTURE_MAX);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv\n"
			      "netifmsg: tap1: no such network interface\n"
			      "tap2: 0x00000000 none\n");
}
END_TEST

/* A message of any length is written whole, around diag()'s 1024 bytes. */
START_TEST(test_diag_long)
{
	static char msg[1100], want[1200];
	size_t lens[] = { 1023, 1024, 1025 };
	size_t i;
	int se, te;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		memset(msg, 'm', lens[i]);
		msg[lens[i]] = '\0';
		snprintf(want, sizeof(want), "netifmsg: %s\n", msg);
		fflush(stderr);
		te = fake_to_file(STDERR_FILENO, &se);
		diag(NULL, NULL, "%s", msg);
		fflush(stderr);
		fake_back(STDERR_FILENO, se, te, err, CAPTURE_MAX);
		ck_assert_str_eq(err, want);
	}
}
END_TEST

/*
 * --apply reads the drivers of the interfaces that a --driver line, and
 * IFACE, take by name, no other's (netifmsg.conf(5)).
 */
START_TEST(test_apply_driver_reads)
{
	char cmd[160];
	size_t len;

	fake_add(&f, "eth0", 0x7)->driver = "igb";
	fake_find(&f, "tap1")->driver_error = -ENOBUFS;
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap* none\n--driver igb e* -drv\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x0);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x6);
	ck_assert_uint_eq(f.drivers, 1);
	/* IFACE that the --driver line cannot take: no driver read. */
	f.drivers = 0;
	fake_find(&f, "tap0")->mask = 0x1;
	snprintf(cmd + strlen(cmd), sizeof(cmd) - strlen(cmd), " tap0");
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x0);
	ck_assert_uint_eq(f.drivers, 0);
	/* IFACE that the line takes: its driver alone. */
	memcpy(cmd + strlen(cmd) - 4, "eth0", 4);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(f.drivers, 1);
	/* --driver with IFACE: those IFACE takes; tap1's fails the run. */
	f.drivers = 0;
	len = strlen(cmd) - 4;
	snprintf(cmd + len, sizeof(cmd) - len, "--driver tun tap*");
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_uint_eq(f.drivers, 2);
	ck_assert_str_eq(err, "netifmsg: No buffer space available: the interfaces' drivers (--driver) could not be read\n");
	/* A pattern IFACE: the drivers of the names it takes alone. */
	f.drivers = 0;
	fake_find(&f, "eth0")->mask = 0x7;
	snprintf(cmd, sizeof(cmd), "--apply --config %s e*",
		 write_file("--driver igb * -drv\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.drivers, 1);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x6);
	/*
	 * IFACE that no interface has (one not there yet: no error): no
	 * driver is read, tap1's that fails neither.
	 */
	f.drivers = 0;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s nope0",
		 write_file("--driver igb * -drv\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: nope0: note: no interface with a message level matches it now\n");
	ck_assert_uint_eq(f.drivers, 0);
	/* No --driver anywhere: no driver is read at all. */
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap* +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x4);
	ck_assert_uint_eq(f.drivers, 0);
}
END_TEST

/* --apply: lines in order on the current mask; sets only what differs. */
START_TEST(test_apply)
{
	char cmd[160];

	fake_add(&f, "eth0", 0x7)->driver = "igb";
	fake_add(&f, "veth0", 0)->no_level = true;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("tap* none\ntap1 +link\n--driver igb * -drv\nghost0 +hw\nveth0 +hw\n--driver veth veth0 +drv\n--driver e1000e ghost0 +drv\n--driver e1000e --driver ixgbe tap0 +drv\n+drv\n0x5\n'tap*' +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap0: 0x00000000 none (changed)\n"
			      "tap1: 0x00000004 link (changed)\n"
			      "eth0: 0x00000006 probe link (changed)\n");
	ck_assert_ptr_nonnull(strstr(err, ":4: note: selects no interface now (normal for one not there yet)\n"));
	/* one that is there, but with no message level: said so */
	ck_assert_ptr_nonnull(strstr(err, ":5: veth0: note: the driver has no message level\n"));
	ck_assert_ptr_null(strstr(err, ":5: note"));
	/* ... also with --driver; one not there is one not there yet */
	ck_assert_ptr_nonnull(strstr(err, ":6: veth0: note: the driver has no message level\n"));
	ck_assert_ptr_nonnull(strstr(err, ":7: note: selects no interface now"));
	/* ... one there with a level, but of none of the line's drivers */
	ck_assert_ptr_nonnull(strstr(err, ":8: tap0: note: not of driver e1000e (or the others given)\n"));
	/* a CHANGE where IFACE stands: its interface left out, most likely */
	ck_assert_ptr_nonnull(strstr(err, ":9: +drv: note: selects no interface now (IFACE comes first on a line)\n"));
	ck_assert_ptr_nonnull(strstr(err, ":10: 0x5: note: selects no interface now (IFACE comes first on a line)\n"));
	/* a pattern quoted as for a shell: the quotes are the name's */
	ck_assert_ptr_nonnull(strstr(err, ":11: 'tap*': note: selects no interface now (quotes in a line are part of the name)\n"));
	/* the lines that selected an interface: no note */
	ck_assert_ptr_null(strstr(err, ":1: note"));
	ck_assert_ptr_null(strstr(err, ":2: note"));
	ck_assert_ptr_null(strstr(err, ":3: note"));
	ck_assert_uint_eq(f.sets, 3);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x6);
	/* The second run: one dump, no set. */
	ck_assert_int_eq(run(cmd + 3), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(f.sets, 3);
	ck_assert_uint_eq(f.dumps, 2);
	/* -x: one line an interface, named (a --batch line). */
	memcpy(cmd, "-x", 2);
	ck_assert_int_eq(run(cmd), 0);
	memcpy(cmd, "-v", 2);
	ck_assert_str_eq(out, "tap0: 0x00000000\ntap1: 0x00000004\neth0: 0x00000006\n");
	ck_assert_uint_eq(f.sets, 3);
	ck_assert_uint_eq(f.dumps, 3);
	/* One interface only (the udev rule's run). */
	fake_find(&f, "tap0")->mask = 0x1;
	fake_find(&f, "tap1")->mask = 0x1;
	snprintf(cmd + strlen(cmd), sizeof(cmd) - strlen(cmd), " tap1");
	ck_assert_int_eq(run(cmd + 3), 0);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/* A failure of one interface: the others are still set. */
	fake_find(&f, "tap0")->set_error = -EPERM;
	fake_find(&f, "tap1")->mask = 0x1;
	cmd[strlen(cmd) - 5] = '\0';
	ck_assert_int_eq(run(cmd + 3), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "tap0: permission denied"));
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
}
END_TEST

/* A dump that fails: nothing is set; -j still prints one array. */
START_TEST(test_apply_dump_fails)
{
	char cmd[160];

	f.dumps_intr = 3;
	snprintf(cmd, sizeof(cmd), "-j --apply --config %s",
		 write_file("tap* none\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.sets, 0);
	f.dumps = 0;
	ck_assert_int_eq(run(cmd + 3), -EIO);
	ck_assert_str_eq(out, "");
}
END_TEST

/*
 * With -Wl,--wrap=calloc: the library's calloc() fails once calloc_ok
 * calls have passed (never while it is negative).
 */
static int calloc_ok = -1;

void *__real_calloc(size_t n, size_t size);
void *__wrap_calloc(size_t n, size_t size);

void *__wrap_calloc(size_t n, size_t size)
{
	if (calloc_ok >= 0 && calloc_ok-- == 0) {
		calloc_ok = -1;
		errno = ENOMEM;
		return NULL;
	}
	return __real_calloc(n, size);
}

/*
 * Out of memory at each calloc() of --apply (three) and of a pattern's
 * change (two): nothing is set, and -j still prints one array, after
 * the message, as netifmsg(8) says for every failure but a usage error.
 */
START_TEST(test_nomem_json_array)
{
	char apply[160];
	const char *cmds[] = { apply, "-j tap* +link" };
	const unsigned int ncallocs[] = { 3, 2 };
	unsigned int i, k;

	snprintf(apply, sizeof(apply), "-j --apply --config %s",
		 write_file("tap* +probe\n"));
	for (i = 0; i < 2; i++) {
		for (k = 0; k < ncallocs[i]; k++) {
			calloc_ok = (int)k;
			ck_assert_int_eq(run(cmds[i]), -EIO);
			ck_assert_int_eq(calloc_ok, -1);
			ck_assert_str_eq(out, "[]\n");
			ck_assert_str_eq(err, "netifmsg: Cannot allocate memory\n");
			ck_assert_uint_eq(f.sets, 2 * i);
		}
		/* One calloc() more would have failed: there is none. */
		calloc_ok = (int)k;
		ck_assert_int_eq(run(cmds[i]), 0);
		ck_assert_int_eq(calloc_ok, 0);
		calloc_ok = -1;
		ck_assert_uint_eq(f.sets, 2 * i + 2);
	}
}
END_TEST

/*
 * --apply --ifindex (the udev rule's run): a list that renames of others
 * left inconsistent is taken if it has that interface, once, also where
 * the dump gave it twice; one without it is still a failure.
 */
START_TEST(test_apply_ifindex_intr)
{
	char cmd[160];

	f.dumps_intr = 3;
	fake_add(&f, "tap1", 0)->ifindex = 2;	/* tap1, listed twice */
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s --ifindex 2",
		 write_file("tap* +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (changed)\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.sets, 1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/*
	 * One without it, whose index no interface has: gone, left alone
	 * as netifmsg.conf(5) says, and said so as where the dump works.
	 */
	f.dumps = 0;
	cmd[strlen(cmd) - 1] = '9';
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: note: no interface with a message level has index 9 now\n");
	ck_assert_uint_eq(f.sets, 1);
	f.dumps = f.dumps_intr = 0;
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no interface with a message level has index 9 now\n");
	ck_assert_uint_eq(f.dumps, 1);
}
END_TEST

/* --apply: of a run that breaks off, the sets never sent were not made. */
START_TEST(test_apply_broken_unsent)
{
	char cmd[160];

	fake_add(&f, "tap2", 0x0);
	fake_add(&f, "tap3", 0x1);	/* needs no set */
	fake_add(&f, "tap4", 0x0);
	f.run_answers = 1;
	f.unsent = 2;
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap* drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the changes of the 2 interfaces from tap2 on were not sent\n");
	ck_assert_uint_eq(fake_find(&f, "tap2")->mask, 0x0);
	f.unsent = 1;
	fake_find(&f, "tap1")->mask = 0x0;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap2: Input/output error: its result is unknown\n"
			 "netifmsg: tap4: Input/output error: the change was not sent\n");
	/* Two sent unanswered, one not sent: each count its own. */
	fake_add(&f, "tap5", 0x0);
	fake_find(&f, "tap1")->mask = 0x0;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the results of the 2 interfaces from tap2 on are unknown\n"
			 "netifmsg: tap5: Input/output error: the change was not sent\n");
}
END_TEST

/* A run that breaks off: what was not answered is not printed as changed. */
START_TEST(test_apply_broken_run)
{
	char cmd[160];

	fake_find(&f, "tap0")->mask = 0x7;
	fake_find(&f, "tap1")->mask = 0x7;
	f.run_answers = 1;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("tap* none\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000000 none (changed)\n");
	/* That set's interface alone is said, no other failure. */
	ck_assert_str_eq(err, "netifmsg: tap1: Input/output error: its result is unknown\n");
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x7);
}
END_TEST

/*
 * --apply: a failed set is that of its own interface, also when an
 * interface before it needed none (the answers are matched to the
 * changed ones only): the one that failed is not printed as changed.
 */
START_TEST(test_apply_fails_after_unchanged)
{
	char cmd[160];

	fake_find(&f, "tap1")->set_error = -EPERM;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("tap* drv\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000001 drv (unchanged)\n");
	ck_assert_str_eq(err, "netifmsg: tap1: permission denied: changing the message level needs CAP_NET_ADMIN\n");
	ck_assert_uint_eq(f.sets, 1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
}
END_TEST

/* --apply --driver: only that driver's interfaces, as --apply '*' --driver. */
START_TEST(test_apply_driver)
{
	char cmd[160];

	fake_add(&f, "eth0", 0x7)->driver = "igb";
	snprintf(cmd, sizeof(cmd), "--apply --driver igb --config %s",
		 write_file("* none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(f.sets, 1);
	fake_find(&f, "eth0")->mask = 0x7;
	snprintf(cmd, sizeof(cmd), "--apply --driver e1000 --config %s",
		 write_file("* none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_uint_eq(fake_find(&f, "eth0")->mask, 0x7);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(f.sets, 1);
}
END_TEST

/*
 * --apply --driver -v with nothing to do names the driver, not '*', and
 * says which it was: no interface of the driver there (although a line
 * is for it), or no line for the interfaces of it that are there.
 */
START_TEST(test_apply_driver_note)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "-v --apply --driver e1000 --config %s",
		 write_file("* none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no interface with a message level has driver e1000 now\n");
	strcat(cmd, " tap0");
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: tap0: note: no interface with a message level of driver e1000 matches it now\n");
	ck_assert_uint_eq(f.sets, 0);
	/* tap0 and tap1 are tun's; the one line is for another. */
	snprintf(cmd, sizeof(cmd), "-v --apply --driver tun --config %s",
		 write_file("tap9 none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no configuration line for an interface with a message level of driver tun\n");
	strcat(cmd, " tap0");
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: tap0: note: no configuration line for an interface with a message level of driver tun\n");
	/* Of several --driver, the first given is named. */
	snprintf(cmd, sizeof(cmd), "-v --apply --driver e1000 --driver igb --config %s",
		 write_file("* none\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no interface with a message level has driver e1000 (or the others given) now\n");
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/* --apply -v IFACE with nothing to do says why: not there, or no line. */
START_TEST(test_apply_iface_notes)
{
	char file[64], cmd[160];

	snprintf(file, sizeof(file), "%s", write_file("tap1 +link\n"));
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap0", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: tap0: note: no configuration line for it\n");
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap9", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: tap9: note: no interface with a message level matches it now\n");
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s --ifindex 1", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no configuration line for the interface of index 1\n");
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s --ifindex 99", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no interface with a message level has index 99 now\n");
	ck_assert_uint_eq(f.sets, 0);
	/* With a line for it and work done: nothing to note. */
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap1", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (changed)\n");
	ck_assert_str_eq(err, "");
	/* A pattern: each interface it selects that no line is for. */
	fake_add(&f, "tap2", 0x0);
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap*", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (unchanged)\n");
	ck_assert_str_eq(err, "netifmsg: tap0: note: no configuration line for it\n"
			 "netifmsg: tap2: note: no configuration line for it\n");
	/* ... so does --driver, for its interfaces. */
	fake_find(&f, "tap2")->driver = "igb";
	snprintf(cmd, sizeof(cmd), "-v --apply --driver tun --config %s", file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (unchanged)\n");
	ck_assert_str_eq(err, "netifmsg: tap0: note: no configuration line for it\n");
	ck_assert_uint_eq(f.sets, 1);
	/* Over the ioctl, an IFACE longer than it takes: said so. */
	fake_open_ioctl(&b, &f);
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap0123456789abcd",
		 file);
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap0123456789abcd: note: " DIAG_TOO_LONG "\n");
	ck_assert_uint_eq(f.sets, 1);
	/* One of 15 bytes it takes: only not there. */
	cmd[strlen(cmd) - 2] = '\0';
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: tap0123456789ab: note: no interface with a message level matches it now\n");
	ck_assert_uint_eq(f.sets, 1);
}
END_TEST

/* After tap0's set (refused: renamed away), another interface took its name. */
static void tap0_taken(struct fake *fk, size_t i)
{
	if (i == 0)
		fake_find(fk, "tap0")->ifindex += 100;
}

/* After tap0's set (refused: renamed away), it is back under its name. */
static void tap0_back(struct fake *fk, size_t i)
{
	if (i == 0)
		fake_find(fk, "tap0")->set_error = 0;
}

/* The run that sets tap0 once more (check_cmd's count of runs). */
static unsigned int retry_run;

/* At the answer of tap0's second set: gone (its name no one's). */
static void tap0_gone_at_retry(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == retry_run)
		fake_fail_gets(fake_find(fk, "tap0"), 0, 1, -ENODEV);
}

/* At the answer of tap0's second set: another took its name. */
static void tap0_taken_at_retry(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == retry_run)
		fake_find(fk, "tap0")->ifindex += 100;
}

/* As tap0_back(), but its next set is refused for want of privilege. */
static void tap0_back_denied(struct fake *fk, size_t i)
{
	if (i == 0)
		fake_find(fk, "tap0")->set_error = -EPERM;
}

/* As tap0_back(), but its next set fails with EIO, answered. */
static void tap0_back_eio(struct fake *fk, size_t i)
{
	if (i == 0)
		fake_find(fk, "tap0")->set_error = -EIO;
}

/*
 * --apply: an interface that went away between the dump and its set is
 * "not there any more", no failure (the udev rule's run for one that
 * came and went); one whose name another interface took still fails.
 */
START_TEST(test_apply_gone)
{
	char cmd[160];

	fake_find(&f, "tap0")->set_error = -ENODEV;
	fake_fail_gets(fake_find(&f, "tap0"), 0, 1, -ENODEV);
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("tap* +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (changed)\n");
	ck_assert_str_eq(err, "netifmsg: tap0: note: went away meanwhile: not set\n");
	fake_fail_gets(fake_find(&f, "tap0"), 0, 1, -ENODEV);
	ck_assert_int_eq(run(cmd + 3), 0);
	ck_assert_str_eq(err, "");
	/* The name is there again, another interface's: a failure. */
	f.answered = tap0_taken;
	ck_assert_int_eq(run(cmd + 3), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: no such network interface\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/*
 * --apply: an interface renamed away as its set came and back before
 * the run ended (its index has the name again) is set once more.
 */
START_TEST(test_apply_renamed_back)
{
	char cmd[160];
	unsigned int sets;

	fake_find(&f, "tap0")->set_error = -ENODEV;
	f.answered = tap0_back;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("tap* +link\n"));
	sets = f.sets;
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (changed)\n"
			 "tap1: 0x00000004 link (changed)\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
	ck_assert_uint_eq(f.sets - sets, 3);
	/* Where the second set fails too, that is said, and a failure. */
	fake_find(&f, "tap0")->mask = 0x1;
	fake_find(&f, "tap0")->set_error = -ENODEV;
	f.answered = tap0_back_denied;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap1: 0x00000004 link (unchanged)\n");
	ck_assert_str_eq(err, "netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	/* The second set's run breaks off, sent: its result is unknown. */
	fake_find(&f, "tap0")->set_error = -ENODEV;
	f.answered = tap0_back;
	f.break_run = f.runs + 2;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Input/output error: its result is unknown\n");
	/* ... or before it went out: it was not sent. */
	fake_find(&f, "tap0")->set_error = -ENODEV;
	f.break_run = f.runs + 2;
	f.unsent = 1;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Input/output error: the change was not sent\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	f.unsent = 0;
	/* Away again at the second set, and gone: as at the first, no failure. */
	f.break_run = 0;
	f.answered = tap0_gone_at_retry;
	fake_find(&f, "tap0")->set_error = -ENODEV;
	retry_run = f.runs + 2;
	sets = f.sets;
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: tap0: note: went away meanwhile: not set\n");
	ck_assert_uint_eq(f.sets - sets, 2);
	/* ... or its name another's now: a failure, as at the first. */
	f.answered = tap0_taken_at_retry;
	retry_run = f.runs + 2;
	sets = f.sets;
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: no such network interface\n");
	ck_assert_uint_eq(f.sets - sets, 2);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/*
 * --apply: the second set of an interface renamed and back is answered
 * with EIO: that error alone, not "its result is unknown" as where the
 * run breaks off.
 */
START_TEST(test_apply_renamed_back_eio)
{
	char cmd[160];

	fake_find(&f, "tap0")->set_error = -ENODEV;
	f.answered = tap0_back_eio;
	snprintf(cmd, sizeof(cmd), "--apply --config %s",
		 write_file("tap* +link\n"));
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: Input/output error: fake extack\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x4);
}
END_TEST

/* After the first GET: tap0 renamed tapx, and tap1 takes the name tap0. */
static const struct backend_ops *takeover_ops;

static int get_then_takeover(struct backend *bk, const char *name,
			     struct ifstate *st)
{
	int ret = takeover_ops->get(bk, name, st);

	if (fake_find(&f, "tap1")) {	/* once */
		fake_find(&f, "tap0")->name = "tapx";
		fake_find(&f, "tap1")->name = "tap0";
	}
	return ret;
}

/*
 * --apply IFACE by name: only the interface of the index read first
 * matters (netifmsg.conf(5)).  One that took the name between that read
 * and the dump had no driver read: it is not taken for it, with only
 * the lines without --driver applied (tap0 none, not +link after it).
 */
START_TEST(test_apply_iface_taken_before_dump)
{
	struct backend_ops ops = *b.ops;
	char cmd[160];

	fake_find(&f, "tap1")->mask = 0x7;
	takeover_ops = b.ops;
	ops.get = get_then_takeover;
	b.ops = &ops;
	snprintf(cmd, sizeof(cmd), "-v --apply --config %s tap0",
		 write_file("tap0 none\n--driver tun tap0 +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	b.ops = takeover_ops;
	ck_assert_str_eq(err, "netifmsg: tap0: note: no interface with a message level matches it now\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x7);
	ck_assert_uint_eq(fake_find(&f, "tapx")->mask, 0x1);
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/*
 * --apply -v with no configuration line says where it looked, so a file
 * in the wrong directory is not silently ignored.
 */
START_TEST(test_apply_empty_note)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "-v --apply --config %s",
		 write_file("# nothing yet\n\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "netifmsg: note: no configuration line in the --config files\n");
	ck_assert_int_eq(run(cmd + 3), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.sets, 0);
	/* The default files: only where this machine has none of them. */
	if (access(SYSCONFDIR "/netifmsg.conf", F_OK) &&
	    access(SYSCONFDIR "/netifmsg.d", F_OK)) {
		ck_assert_int_eq(run("-v --apply"), 0);
		ck_assert_str_eq(err, "netifmsg: note: no configuration line in "
				 SYSCONFDIR "/netifmsg.conf or "
				 SYSCONFDIR "/netifmsg.d/*.conf\n");
	} else {
		printf("note: %s has a netifmsg configuration, its note not checked\n",
		       SYSCONFDIR);
	}
}
END_TEST

/*
 * A --trace whose change fails on one interface raises none for good:
 * the others are put back before it ends.
 */
START_TEST(test_trace_raise_fails)
{
	fake_find(&f, "tap1")->set_error = -EPERM;
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "tap1: permission denied"));
	ck_assert_ptr_nonnull(strstr(err, "tap0: restored: 0x00000001 drv\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* Only one, which failed: nothing to put back. */
	ck_assert_int_eq(run("--trace tap1"), -EIO);
	ck_assert_ptr_null(strstr(err, "restored"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/* A set that worked is put back also when reading it back failed. */
START_TEST(test_trace_readback_fails)
{
	struct fake_iface *tap0 = fake_find(&f, "tap0");

	fake_fail_gets(tap0, 0, 1, -ENOBUFS);
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "tap0: No buffer space available"));
	ck_assert_ptr_nonnull(strstr(err, "tap0: restored: 0x00000001 drv\n"));
	ck_assert_ptr_nonnull(strstr(err, "tap1: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(tap0->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
	/* It cannot be read again: the restore command is said. */
	fake_fail_gets(tap0, 0, 2, -ENOBUFS);
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "tap0: not restored: its level is still raised; restore with: netifmsg tap0 0x00000000/0x00007ffe\n"));
	ck_assert_uint_eq(tap0->mask, 0x7fff);
}
END_TEST

/*
 * A target the change left as it was (tap0 has drv already) has nothing
 * to put back: it is not read again at the end, so a read that would
 * fail there fails nothing.  (tap1's raise fails: the restore comes at
 * once.)
 */
START_TEST(test_trace_unchanged_not_read)
{
	fake_find(&f, "tap1")->set_error = -EPERM;
	/* Its read back after the raise works, any later one fails. */
	fake_fail_gets(fake_find(&f, "tap0"), 1, 1, -ENOBUFS);
	ck_assert_int_eq(run("--trace tap* +drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap1: permission denied: changing the message level needs CAP_NET_ADMIN\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

START_TEST(test_trace_undo_name)
{
	/* No interface has that index: the trace ends at once. */
	fake_add(&f, "nim\\", 0x0)->index_gone = true;
	ck_assert_int_eq(run("--trace nim\\\\ --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim\\\\: now 0x00007fff; if netifmsg is killed, restore with: netifmsg \"nim\\\\\\\\\" 0x00000000/0x00007fff\n"));
	/* Gone: what to set where it may still be, the bits it had before. */
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim\\\\: the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x00000000/0x00007fff on it there)\n"));
}
END_TEST

/* DYNDBG_PATH, the trace's dynamic debug control file, holding @text. */
static void dyndbg_write(const char *text)
{
	FILE *c = fopen(DYNDBG_PATH, "w");

	ck_assert_ptr_nonnull(c);
	ck_assert_int_ge(fputs(text, c), 0);
	ck_assert_int_eq(fclose(c), 0);
}

/*
 * eth0, eth1, ... of @drivers (@n of them): no interface has their
 * indexes, so a trace of eth* ends at once.
 */
static void gone_eths(const char *const *drivers, size_t n)
{
	static const char *const names[] = { "eth0", "eth1", "eth2", "eth3" };
	size_t i;

	ck_assert_uint_le(n, sizeof(names) / sizeof(names[0]));
	for (i = 0; i < n; i++) {
		struct fake_iface *fi = fake_add(&f, names[i], 0x0);

		fi->driver = drivers[i];
		fi->index_gone = true;
	}
}

/*
 * The dynamic debug note: once a driver, however its interfaces are
 * ordered (the first target's included), in driver name order.  -q: no
 * note.
 */
START_TEST(test_trace_dyndbg_once)
{
	static const char *const drivers[] = { "ixgbe", "igb", "e1000e", "igb" };
	const char *e1000e, *igb, *ixgbe;
	bool quiet_note;

	dyndbg_write("drivers/net/ethernet/intel/e1000e/netdev.c:1 [e1000e]e1000_a =_ \"x\\n\"\n"
		     "drivers/net/ethernet/intel/igb/igb_main.c:1 [igb]igb_a =_ \"x\\n\"\n"
		     "drivers/net/ethernet/intel/ixgbe/ixgbe_main.c:1 [ixgbe]ixgbe_a =_ \"x\\n\"\n");
	gone_eths(drivers, 4);
	ck_assert_int_eq(run("-q --trace eth* --for 0.1"), 0);
	quiet_note = strstr(err, "netif_dbg") != NULL;
	ck_assert_int_eq(run("--trace eth* --for 0.1"), 0);
	unlink(DYNDBG_PATH);
	ck_assert(!quiet_note);
	ck_assert_uint_eq(count_of(err, "note: e1000e's netif_dbg() messages"), 1);
	ck_assert_uint_eq(count_of(err, "note: igb's netif_dbg() messages"), 1);
	ck_assert_uint_eq(count_of(err, "note: ixgbe's netif_dbg() messages"), 1);
	ck_assert_uint_eq(count_of(err, "dynamic debug call sites"), 3);
	e1000e = strstr(err, "note: e1000e's");
	igb = strstr(err, "note: igb's");
	ixgbe = strstr(err, "note: ixgbe's");
	ck_assert(e1000e && igb && ixgbe && e1000e < igb && igb < ixgbe);
}
END_TEST

/* setup()'s lo, with a message level: its index stays, a trace runs to --for. */
static struct fake_iface *host_lo(void)
{
	struct fake_iface *lo = fake_find(&f, "lo");

	lo->no_level = false;
	return lo;
}

/* A restore that fails says so, and not that the mask was restored. */
START_TEST(test_trace_restore_fails)
{
	struct fake_iface *lo = host_lo();

	lo->set_error = -EPERM;
	lo->set_ok = 1;
	ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "lo: permission denied"));
	ck_assert_ptr_null(strstr(err, "lo: restored"));
	ck_assert_ptr_nonnull(strstr(err, "lo: not restored: its level is still raised; restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_uint_eq(lo->mask, 0x7fff);
	/* Put back, it says so. */
	lo->mask = 0;
	lo->set_ok = 2;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0);
}
END_TEST


/*
 * A trace of @lo, whose index cannot be asked for its name (ENOMEM), where
 * the restore does not find it by name: that error is said, not "no such
 * network interface", and the level stays raised.
 */
static void trace_ifname_fails(struct fake_iface *lo)
{
	lo->ifname_error = -ENOMEM;
	ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: lo: Cannot allocate memory\n"));
	ck_assert_ptr_null(strstr(err, "no such network interface"));
	ck_assert_ptr_nonnull(strstr(err, "lo: not restored: its level is still raised; restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_uint_eq(lo->mask, 0x7fff);
}

/* Not found by name at the restore's read (the fourth get). */
START_TEST(test_trace_restore_ifname_fails)
{
	struct fake_iface *lo = host_lo();

	fake_fail_gets(lo, 2, 1, -ENODEV);
	trace_ifname_fails(lo);
}
END_TEST

/* The restore's set finds no interface of the name (ENODEV). */
START_TEST(test_trace_restore_set_ifname_fails)
{
	struct fake_iface *lo = host_lo();

	lo->set_error = -ENODEV;
	lo->set_ok = 1;
	trace_ifname_fails(lo);
}
END_TEST

/*
 * Gone between the raise's set and its read-back (no interface of the
 * host has its index): raised all the same, maybe where it went, so it
 * ends the session as one gone later does, with what to set there; no
 * failure.  The other target, lo, is put back.
 */
START_TEST(test_trace_gone_at_readback)
{
	struct fake_iface *g = fake_add(&f, "nim0", 0x0), *lo = host_lo();

	g->index_gone = true;
	fake_find(&f, "tap1")->no_level = true;
	fake_fail_gets(g, 1, 1, -ENODEV);
	ck_assert_int_eq(run("--trace nim0 --for 0.1"), 0);
	ck_assert_ptr_null(strstr(err, "no such network interface"));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim0: the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x00000000/0x00007fff on it there)\n"));
	ck_assert_ptr_null(strstr(err, "restored"));
	/* Read first by the dump, of a pattern: tap0 does not match. */
	g->mask = 0x1;
	fake_fail_gets(g, 0, 1, -ENODEV);
	ck_assert_int_eq(run("--trace [nl]*"), 0);
	ck_assert_ptr_null(strstr(err, "no such network interface"));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim0: the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x00000000/0x00007ffe on it there)\n"));
	ck_assert_ptr_null(strstr(err, "nim0: restored"));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
}
END_TEST

/*
 * Read by name, no interface had it, but its index still has that name
 * (renamed away and back, here lo): not gone, traced on, and
 * put back at the end, not left raised.  The read that finds none is
 * the read-back after the raise (@ok 1), or the read before the restore
 * (@ok 2), which reads it once more.
 */
START_TEST(test_trace_name_back)
{
	struct fake_iface *lo = host_lo();
	unsigned int ok;

	for (ok = 1; ok <= 2; ok++) {
		lo->mask = 0;
		fake_fail_gets(lo, ok, 1, -ENODEV);
		ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
		ck_assert_ptr_null(strstr(err, "no such network interface"));
		ck_assert_ptr_null(strstr(err, "not restored"));
		ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00007fff; if netifmsg is killed, restore with: netifmsg lo 0x00000000/0x00007fff\n"));
		ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
		ck_assert_uint_eq(lo->mask, 0);
	}
}
END_TEST

/*
 * Out of memory at each calloc() of a trace in turn: where lo's level is
 * left raised, the trace says so and how to put it back, never that it
 * was restored.  The restore itself needs none (its requests are had
 * before the raise), so once raised, lo is always put back.
 */
START_TEST(test_trace_nomem)
{
	struct fake_iface *lo = host_lo();
	unsigned int k, failed = 0;

	for (k = 0; k < 64; k++) {
		lo->mask = 0;
		calloc_ok = (int)k;
		if (run("--trace lo --for 0.1") == 0 && calloc_ok == -1)
			ck_abort_msg("calloc() %u failed unsaid", k);
		if (calloc_ok >= 0)
			break;	/* the run had fewer than k + 1 */
		failed++;
		ck_assert_ptr_null(strstr(err, "lo: restored:"));
		ck_assert_ptr_nonnull(strstr(err, "Cannot allocate memory"));
		ck_assert_uint_eq(lo->mask, 0);
	}
	calloc_ok = -1;
	ck_assert_uint_gt(failed, 0);
	ck_assert_uint_lt(k, 64);
	/* With all it asked for: raised, then restored. */
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0);
}
END_TEST

/* A signal while the drivers are read: no more reads, no notes. */
START_TEST(test_trace_dyndbg_stopped)
{
	struct fake_iface *lo = host_lo();
	int i;

	dyndbg_write("drivers/net/ethernet/intel/igb/igb_main.c:1 [igb]igb_a =_ \"x\\n\"\n");
	/* No interface has the taps' indexes. */
	for (i = 0; i < f.nifs; i++) {
		f.ifs[i].driver = "igb";
		if (&f.ifs[i] != lo)
			f.ifs[i].index_gone = true;
	}
	f.driver_raise = SIGTERM;
	ck_assert_int_eq(run("--trace * --for 5"), 0);
	unlink(DYNDBG_PATH);
	ck_assert_uint_eq(f.drivers, 1);
	ck_assert_ptr_null(strstr(err, "netif_dbg"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
}
END_TEST

/* After the raise's set: someone else turns on lo's drv. */
static void lo_drv_meanwhile(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 1)
		fake_find(fk, "lo")->mask |= 0x1;
}

/*
 * --trace puts back only the bits its change could touch: one that
 * someone else changed between the first read and the read-back is
 * theirs, left as it is.
 */
START_TEST(test_trace_others_bit)
{
	struct fake_iface *lo = host_lo();

	f.answered = lo_drv_meanwhile;
	ck_assert_int_eq(run("--trace lo +link --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00000005; if netifmsg is killed, restore with: netifmsg lo 0x00000000/0x00000004\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000001 drv\n"));
	ck_assert_uint_eq(lo->mask, 0x1);
}
END_TEST

/* After the raise's set: someone else turns lo's drv off again. */
static void lo_drv_off_meanwhile(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 1)
		fake_find(fk, "lo")->mask &= ~0x1u;
}

/*
 * A bit the set could touch but left as it was (+all on a drv already
 * on), that someone else changed before the read-back, is theirs too:
 * not in the restore command, and left as they left it at the end, not
 * turned on again.  (check_trace_model's seed 2033.)
 */
START_TEST(test_trace_others_bit_in_change)
{
	struct fake_iface *lo = host_lo();

	lo->mask = 0x1;
	f.answered = lo_drv_off_meanwhile;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00007ffe; if netifmsg is killed, restore with: netifmsg lo 0x00000000/0x00007ffe\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
}
END_TEST

/* A change that changes nothing has nothing to put back, and says so. */
START_TEST(test_trace_already_so)
{
	struct fake_iface *lo = host_lo();

	lo->mask = 0x7fff;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: already so: nothing to restore at the end\n"));
	ck_assert_ptr_null(strstr(err, "restored"));
	ck_assert_uint_eq(lo->mask, 0x7fff);
}
END_TEST

/* The raise's set is taken, but the driver keeps lo's level as it was. */
static void lo_keeps_level(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 1)
		fake_find(fk, "lo")->mask = 0x1;
}

/*
 * A change that the driver takes and ignores changed nothing: nothing to
 * put back, but the level was not "already so" either.
 */
START_TEST(test_trace_change_ignored)
{
	struct fake_iface *lo = host_lo();

	lo->mask = 0x1;
	f.answered = lo_keeps_level;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_null(strstr(err, "already so"));
	ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00000001: the change changed nothing: nothing to restore at the end\n"));
	ck_assert_ptr_null(strstr(err, "restored"));
	ck_assert_uint_eq(lo->mask, 0x1);
}
END_TEST

/* The read before the restore fails: not restored, and a failure. */
START_TEST(test_trace_restore_read_fails)
{
	struct fake_iface *lo = host_lo();

	fake_fail_gets(lo, 2, 1, -ENOBUFS);
	ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "lo: No buffer space available"));
	ck_assert_ptr_nonnull(strstr(err, "lo: not restored: its level is still raised; restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_uint_eq(lo->mask, 0x7fff);
}
END_TEST

/*
 * A restore whose read or set run breaks off (runs: 1 raise, 2 read-back,
 * 3 read before the restore, 4 restore) says "not restored", never
 * "restored", and fails.
 */
START_TEST(test_trace_restore_broken)
{
	struct fake_iface *lo = host_lo();
	unsigned int broken;

	for (broken = 3; broken <= 4; broken++) {
		lo->mask = 0;
		f.runs = 0;
		f.break_run = broken;
		ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
		ck_assert_ptr_nonnull(strstr(err, "lo: not restored: its level is still raised; restore with: netifmsg lo 0x00000000/0x00007fff\n"));
		ck_assert_ptr_null(strstr(err, "lo: restored"));
		/* The read before it is the one that broke off: so said. */
		ck_assert_int_eq(!strstr(err, "the levels could not be read before the restore\n"),
				 broken != 3);
		/* Its unanswered read is no answer that lo is gone. */
		ck_assert_ptr_null(strstr(err, "no such network interface"));
		ck_assert_uint_eq(lo->mask, 0x7fff);
	}
}
END_TEST

/*
 * After the raise's set lo is renamed and tap1 takes its name, until the
 * read-back was answered.
 */
static void lo_renamed_for_readback(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 1) {
		fake_find(fk, "lo")->name = "old0";
		fake_find(fk, "tap1")->name = "lo";
	} else if (fk->runs == 2) {
		fake_find(fk, "lo")->name = "tap1";
		fake_find(fk, "old0")->name = "lo";
	}
}

/*
 * The read-back is by name: another interface's answer is not taken
 * for what the set did to the traced one, which is still put back.
 */
START_TEST(test_trace_readback_other)
{
	struct fake_iface *lo = host_lo();

	f.answered = lo_renamed_for_readback;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_null(strstr(err, "already so"));
	ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00007fff; if netifmsg is killed, restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
}
END_TEST

/* The run after which lo is renamed old0, and tap1 takes its name. */
static unsigned int lo_rename_run;

static void lo_renamed_before_restore(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == lo_rename_run) {
		fake_find(fk, "lo")->name = "old0";
		fake_find(fk, "tap1")->name = "lo";
	}
}

/*
 * Renamed after the read-back (_i 0, seen at a look) or after the read
 * before the restore (_i 1, the restore's set by name finds another),
 * its name taken by another: followed by index and put back under its
 * new name; the other, now "lo", is left alone and not said restored.
 */
START_TEST(test_trace_restore_read_other)
{
	struct fake_iface *lo = host_lo(), *tap1 = fake_find(&f, "tap1");
	static const char *const seen[] = {
		"netifmsg: lo: renamed to 'old0': traced on; if netifmsg is killed, restore with: netifmsg old0 0x00000000/0x00007fff\n",
		"netifmsg: lo: renamed to 'old0': traced on\n",
	};

	lo_rename_run = 2 + (unsigned int)_i;
	f.answered = lo_renamed_before_restore;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, seen[_i]));
	ck_assert_ptr_null(strstr(err, "lo: restored"));
	ck_assert_ptr_null(strstr(err, "someone else"));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: old0: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
	ck_assert_uint_eq(tap1->mask, 0x0);
	ck_assert_str_eq(tap1->name, "lo");
}
END_TEST

/* Who takes old0's name once it is renamed (NULL: no one). */
static const char *old0_taker;

/*
 * After the raise's set: old0 is renamed lo (setup()'s lo is lo3 by then),
 * and old0_taker takes the name old0.
 */
static void old0_renamed_lo(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs != 1)
		return;
	fake_find(fk, "old0")->name = "lo";
	if (old0_taker)
		fake_find(fk, old0_taker)->name = "old0";
}

/*
 * Renamed between the raise and its read-back, the old name no one's
 * (_i 0) or taken by an interface without a message level (_i 1: not
 * the traced one's answer, as a driver cannot lose its level): the
 * read-back finds none, but the ifindex tells a rename from a target
 * gone.  Followed and put back, not left raised as gone.
 */
START_TEST(test_trace_renamed_before_readback)
{
	struct fake_iface *t;

	fake_find(&f, "lo")->name = "lo3";	/* no level, as in setup() */
	old0_taker = _i ? "lo3" : NULL;
	t = fake_add(&f, "old0", 0x0);
	f.answered = old0_renamed_lo;
	ck_assert_int_eq(run("--trace old0 --for 0.1"), 0);
	ck_assert_ptr_null(strstr(err, "no such network interface"));
	ck_assert_ptr_null(strstr(err, "no message level"));
	ck_assert_ptr_null(strstr(err, "not restored"));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: old0: renamed to 'lo': traced on\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: now 0x00007fff; if netifmsg is killed, restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(t->mask, 0x0);
}
END_TEST

/*
 * --trace with a pattern or --driver that selects nothing: the message
 * every selector gives, a failure, and nothing raised.
 */
START_TEST(test_trace_selects_none)
{
	ck_assert_int_eq(run("--trace zz*"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'zz*'\n");
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_int_eq(run("--trace --driver e1000e tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: no interface with a message level matches 'tap*' with driver e1000e\n");
	ck_assert_uint_eq(f.sets, 0);
}
END_TEST

/* --trace PATTERN whose dump keeps failing raises nothing. */
START_TEST(test_trace_dump_fails)
{
	f.dumps_intr = 3;
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_str_eq(err, DUMP_INTR_MSG);
	ck_assert_uint_eq(f.dumps, 3);
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/* --trace IFACE whose state cannot be read raises nothing. */
START_TEST(test_trace_get_fails)
{
	fake_fail_gets(fake_find(&f, "tap0"), 0, 1, -ENOBUFS);
	ck_assert_int_eq(run("--trace tap0"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap0: No buffer space available\n");
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/*
 * The first target's set fails, the second's works: the second's read
 * back is matched to it, not to the first, and it is put back.
 */
START_TEST(test_trace_first_set_fails)
{
	fake_find(&f, "tap0")->set_error = -EPERM;
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "tap0: permission denied"));
	ck_assert_ptr_null(strstr(err, "tap0: restored"));
	ck_assert_ptr_nonnull(strstr(err, "tap1: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
	ck_assert_uint_eq(fake_find(&f, "tap1")->mask, 0x0);
}
END_TEST

/*
 * A traced interface whose level was already so goes away: the trace
 * ends, with no word of a level left raised elsewhere.
 */
START_TEST(test_trace_gone_unchanged)
{
	/* No interface has that index: it is gone at once. */
	fake_add(&f, "nim0", 0x7fff)->index_gone = true;
	ck_assert_int_eq(run("--trace nim0 --for 0.1"), 0);
	ck_assert_str_eq(err,
		"netifmsg: nim0: already so: nothing to restore at the end\n"
		"netifmsg: nim0: the interface went away: the trace ends\n");
	ck_assert_uint_eq(fake_find(&f, "nim0")->mask, 0x7fff);
}
END_TEST

/* After the read-back: someone else turns lo's link (0x4) off again. */
static void lo_link_cleared(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 2)
		fake_find(fk, "lo")->mask &= ~0x4u;
}

/* After the read-back: someone else puts lo's whole level back. */
static void lo_put_back(struct fake *fk, size_t i)
{
	(void)i;
	if (fk->runs == 2)
		fake_find(fk, "lo")->mask = 0;
}

/*
 * A bit the trace raised that someone else changed meanwhile is theirs:
 * said, and left out of the restore's mask; where all are, nothing is
 * set at the end.
 */
START_TEST(test_trace_theirs)
{
	struct fake_iface *lo = host_lo();
	unsigned int sets;

	f.answered = lo_link_cleared;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: note: bits 0x00000004 were changed by someone else meanwhile: left as they are\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
	ck_assert_uint_eq(lo->mask, 0x0);
	f.runs = 0;
	f.answered = lo_put_back;
	sets = f.sets;
	ck_assert_int_eq(run("--trace lo --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "lo: note: bits 0x00007fff were changed by someone else meanwhile: left as they are\n"));
	ck_assert_uint_eq(f.sets - sets, 1);	/* the raise's alone */
	ck_assert_uint_eq(lo->mask, 0x0);
}
END_TEST

/* An --ioctl session's restore command is an --ioctl one too. */
START_TEST(test_trace_undo_ioctl)
{
	/* No interface has that index: the trace ends at once. */
	fake_add(&f, "nim0", 0x0)->index_gone = true;
	ck_assert_int_eq(run("--ioctl --trace nim0 --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg --ioctl nim0 0x00000000/0x00007fff\n"));
	/* Gone: where it may still be raised, it is set over the ioctl too. */
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim0: the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x00000000/0x00007fff on it there with --ioctl)\n"));
	/* So for a session that fell back to the ioctl (netlink refused). */
	fake_open(&b, &f, UINT32_MAX);
	b.fell_back = -EAFNOSUPPORT;
	fake_find(&f, "nim0")->mask = 0x0;
	ck_assert_int_eq(run("--trace nim0 +bit20 --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: nim0: now 0x00100000; if netifmsg is killed, restore with: netifmsg --ioctl nim0 0x00000000/0x00100000\n"));
	ck_assert_ptr_nonnull(strstr(err, "on it there with --ioctl)\n"));
	/* Over netlink: no --ioctl. */
	fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
	fake_find(&f, "nim0")->mask = 0x0;
	ck_assert_int_eq(run("--trace nim0 --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "restore with: netifmsg nim0 0x00000000/0x00007fff\n"));
	ck_assert_ptr_nonnull(strstr(err, "on it there)\n"));
}
END_TEST

/*
 * No dynamic debug note for a driver with a call site on ("p" anywhere
 * in its flags: igb's "pl", ixgbe's "lp"), nor for one named only on a
 * line that is no call site.
 */
START_TEST(test_trace_dyndbg_on)
{
	static const char *const drivers[] = { "igb", "e1000e", "ixgbe" };

	dyndbg_write("drivers/net/ethernet/intel/igb/igb_main.c:1 [igb]igb_a =pl \"x\\n\"\n"
		     "drivers/net/ethernet/intel/igb/igb_main.c:2 [igb]igb_b =_ \"x\\n\"\n"
		     "[e1000e]\n"
		     "drivers/net/ethernet/intel/ixgbe/ixgbe_main.c:1 [ixgbe]ixgbe_a =lp \"x\\n\"\n");
	gone_eths(drivers, 3);
	ck_assert_int_eq(run("--trace eth* --for 0.1"), 0);
	unlink(DYNDBG_PATH);
	ck_assert_ptr_null(strstr(err, "netif_dbg"));
	ck_assert_ptr_nonnull(strstr(err, "eth0: the interface went away"));
}
END_TEST

/*
 * A target whose raise failed is not read back (it changed nothing):
 * a read that would fail there says nothing.
 */
START_TEST(test_trace_failed_not_read)
{
	struct fake_iface *tap1 = fake_find(&f, "tap1");

	tap1->set_error = -EPERM;
	fake_fail_gets(tap1, 0, 8, -ENOBUFS);
	ck_assert_int_eq(run("--trace tap*"), -EIO);
	ck_assert_str_eq(err, "netifmsg: tap1: permission denied: changing the message level needs CAP_NET_ADMIN\n"
			 "netifmsg: tap0: restored: 0x00000001 drv\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST

/*
 * An interface named as a class ("drv") gone between its set and the
 * read after it: no hint that IFACE comes first, as it did.
 */
START_TEST(test_change_gone_class_name)
{
	struct fake_iface *drv = fake_add(&f, "drv", 0x0);

	fake_fail_gets(drv, 1, 1, -ENODEV);
	ck_assert_int_eq(run("-v drv +probe"), -EIO);
	ck_assert_str_eq(err, "netifmsg: drv: no such network interface\n"
			 "netifmsg: drv: the change was made; only its result could not be read\n");
	ck_assert_uint_eq(drv->mask, 0x2);
}
END_TEST

/*
 * The restore's set says its interface is gone, yet its index still has
 * its name: not restored, a failure, and said.
 */
START_TEST(test_trace_restore_enodev)
{
	struct fake_iface *lo = host_lo();

	lo->set_error = -ENODEV;
	lo->set_ok = 1;
	ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: lo: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, "lo: not restored: its level is still raised; restore with: netifmsg lo 0x00000000/0x00007fff\n"));
	ck_assert_uint_eq(lo->mask, 0x7fff);
}
END_TEST

/* A change with bits the backend cannot set: refused, nothing raised. */
START_TEST(test_trace_beyond)
{
	ck_assert_int_ne(run("--trace tap0 0x10000/0x10000"), 0);
	ck_assert_ptr_null(strstr(err, "restore"));
	ck_assert_uint_eq(f.sets, 0);
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x1);
}
END_TEST


/*
 * A standard error that takes nothing (a full pipe whose reader does not
 * read) when the raise fails on one target: the one raised is put back
 * at once all the same; only the lines wait.  The fake lives in shared
 * memory, for the parent to look at while the child waits for its
 * standard error (up to 3 s, within Check's timeout).
 */
START_TEST(test_trace_raise_stderr_blocked)
{
	char arg0[] = "--trace", arg1[] = "tap*", *argv[] = { arg0, arg1 };
	struct fake *sf = mmap(NULL, sizeof(*sf), PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	static char junk[4096];
	const struct timespec step = { 0, 10 * 1000 * 1000 };
	volatile struct fake_iface *tap0;
	int p[2], fl, i;
	bool restored = false;
	struct opts o;
	pid_t pid;

	ck_assert_ptr_ne(sf, MAP_FAILED);
	*sf = f;
	fake_find(sf, "tap1")->set_error = -EPERM;
	tap0 = fake_find(sf, "tap0");
	ck_assert_uint_eq(tap0->mask, 0x1);
	fake_open(&b, sf, MSGCLASS_KERNEL_MASK);
	parse_opts(&o, 2, argv);
	ck_assert_int_eq(pipe(p), 0);
	fl = fcntl(p[1], F_GETFL);
	ck_assert_int_eq(fcntl(p[1], F_SETFL, fl | O_NONBLOCK), 0);
	while (write(p[1], junk, sizeof(junk)) > 0)
		;
	while (write(p[1], junk, 1) > 0)
		;
	ck_assert_int_eq(fcntl(p[1], F_SETFL, fl), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(p[0]);
		dup2(p[1], STDERR_FILENO);
		_exit(cmd_trace(&o, &b) == -EIO ? 0 : 1);
	}
	close(p[1]);
	/* Raised (a set of tap0 and tap1's), then put back. */
	for (i = 0; i < 300 && !restored; i++) {
		restored = sf->sets >= 2 && tap0->mask == 0x1;
		if (!restored)
			nanosleep(&step, NULL);
	}
	/* Let the child go on: read its standard error to the end. */
	while (read(p[0], junk, sizeof(junk)) > 0)
		;
	close(p[0]);
	child_exited_0(pid);
	ck_assert_uint_eq(tap0->mask, 0x1);
	/* Put back at once, not once standard error took the lines. */
	ck_assert(restored);
	munmap(sf, sizeof(*sf));
}
END_TEST

/* One record for the trace to read from its kernel log (the FIFO). */
static void kmsg_write(const char *rec)
{
	int fd = open(KMSG_PATH, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, rec, strlen(rec)), (ssize_t)strlen(rec));
	close(fd);
}

/* Seconds since @t0 (CLOCK_MONOTONIC). */
static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
 * A kernel log record, the trace that reads it, what it shows.  One
 * session a test: the first signal (--for's) ends every later one in
 * the process at once.
 */
static const struct {
	const char *rec, *cmd, *out;
} trace_records[] = {
	/* a target's, among several (a binary search by name) */
	{ "6,1,5000000,-;tap1: link up\n", "--trace * --for 0.3",
	  "[    5.000000] tap1: link up\n" },
	{ "6,1,1,-;lo: link up\n", "--trace lo --for 0.3",
	  "[    0.000001] lo: link up\n" },
	/* names that begin, or are begun by, a target's; another's */
	{ "6,1,1,-;tap: link up\n", "--trace * --for 0.3", "" },
	{ "6,1,1,-;tap10: link up\n", "--trace * --for 0.3", "" },
	{ "6,1,1,-;eth0: link up\n", "--trace * --for 0.3", "" },
	/* written by user space (facility 1) */
	{ "14,1,1,-;tap1: link up\n", "--trace * --for 0.3", "" },
	/* -q shows none */
	{ "6,1,1,-;lo: link up\n", "-q --trace lo --for 0.3", "" },
	/* a dynamic debug decoration, shown before the text */
	{ "7,1,2,-;igb:igb_up: igb 0000:01:00.0 lo: x\n",
	  "--trace lo --for 0.3", "[    0.000002] lo: igb:igb_up: x\n" },
	/* "[TID] " alone: the plain reading's target, the TID shown */
	{ "7,1,2,-;[42] igb 0000:01:00.0 lo: x\n",
	  "--trace lo --for 0.3", "[    0.000002] lo: [42] x\n" },
	/* the plain reading first where it names a target (tap0, as MOD) */
	{ "7,1,2,-;tap0: tun 0000:01:00.0 tap1: x\n", "--trace * --for 0.3",
	  "[    0.000002] tap0: tun 0000:01:00.0 tap1: x\n" },
};

/*
 * The kernel log's records about a target are shown as dmesg shows
 * them, and the session goes on to --for; no others are.
 */
START_TEST(test_trace_records)
{
	struct timespec t0;

	host_lo();
	kmsg_write(trace_records[_i].rec);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(run(trace_records[_i].cmd), 0);
	ck_assert(since(&t0) >= 0.3);
	ck_assert_str_eq(out, trace_records[_i].out);
	ck_assert_ptr_null(strstr(err, "write error"));
}
END_TEST

/*
 * A record whose line would pass the trace's 24 KiB (3 x 8192) is cut to
 * its first 24574 bytes and a newline: the kernel's own records never get
 * there (it writes control bytes as \xNN, 4 bytes for the 4 they become),
 * but raw control bytes written to the log's FIFO do.  The line of a
 * record of @ctl bytes 0x01 and then @tail: 19 bytes before the text.
 */
static const struct {
	size_t ctl;
	const char *tail;
} line_cut[] = {
	{ 6138, "abc" },	/* 24574 bytes: the longest line not cut */
	{ 6139, "" },		/* 24575: cut by one, inside an escape */
	{ 8000, "" },		/* 32019 */
};

START_TEST(test_trace_line_cut)
{
	static char rec[8192], want[32768], big[32768];
	char a0[] = "--trace", a1[] = "lo", a2[] = "--for", a3[] = "0.1";
	char *argv[] = { a0, a1, a2, a3 };
	size_t n, i, ctl = line_cut[_i].ctl;

	host_lo();
	n = (size_t)snprintf(rec, sizeof(rec), "6,1,1,-;lo: ");
	memset(rec + n, 0x01, ctl);
	snprintf(rec + n + ctl, sizeof(rec) - n - ctl, "%s\n", line_cut[_i].tail);
	n = (size_t)snprintf(want, sizeof(want), "[    0.000001] lo: ");
	for (i = 0; i < ctl; i++, n += 4)
		memcpy(want + n, "\\x01", 4);
	n += (size_t)snprintf(want + n, sizeof(want) - n, "%s", line_cut[_i].tail);
	if (n > 24574)
		n = 24574;
	want[n++] = '\n';
	want[n] = '\0';
	kmsg_write(rec);
	ck_assert_int_eq(fake_command(&b, 4, argv, big, err, sizeof(big)), 0);
	ck_assert_uint_eq(strlen(big), n);
	ck_assert(strcmp(big, want) == 0);
	ck_assert_ptr_null(strstr(err, "write error"));
}
END_TEST

/*
 * The record of lo's rename (_i 1: while UP), after the session's first
 * look; _i 2: lo called lo_long_name, longer than " (while UP)", first.
 */
static const char *const lo_rename_from[] = { "lo", "lo", "lo_long_name" };
static const char *const lo_rename_records[] = {
	"6,1,2,-;old0: renamed from lo\n",
	"6,1,2,-;old0: renamed from lo (while UP)\n",
	"6,1,2,-;old0: renamed from lo_long_name\n",
};
static const char *const lo_rename_shown[] = {
	"[    0.000002] old0: renamed from lo\n",
	"[    0.000002] old0: renamed from lo (while UP)\n",
	"[    0.000002] old0: renamed from lo_long_name\n",
};
static const struct backend_ops *fake_ops;
static int rename_record;	/* which of lo_rename_records, -1 once written */

/* @b over the fake, its ops->ifname @ifname (into @ops). */
static void hook_ifname(struct backend_ops *ops,
			int (*ifname)(struct backend *bk, unsigned int ifindex,
				      char name[IF_NAMESIZE]))
{
	fake_ops = b.ops;
	*ops = *fake_ops;
	ops->ifname = ifname;
	b.ops = ops;
}

/* lo is renamed old0 as soon as its name by index has been asked. */
static int ifname_then_rename(struct backend *bk, unsigned int ifindex,
			      char name[IF_NAMESIZE])
{
	int ret = fake_ops->ifname(bk, ifindex, name);

	if (rename_record >= 0 &&
	    !strcmp(name, lo_rename_from[rename_record])) {
		fake_find(&f, lo_rename_from[rename_record])->name = "old0";
		kmsg_write(lo_rename_records[rename_record]);
		rename_record = -1;
	}
	return ret;
}

/*
 * The kernel's record of a target's rename, "NEW: renamed from OLD" (and
 * " (while UP)"), read before a look sees the rename: the targets are
 * followed at once, and the record itself is shown, by the new name.
 */
START_TEST(test_trace_record_rename)
{
	struct backend_ops ops;
	char want[160];

	host_lo()->name = lo_rename_from[_i];
	hook_ifname(&ops, ifname_then_rename);
	rename_record = _i;
	ck_assert_int_eq(run("--trace * --for 0.1"), 0);
	ck_assert_int_eq(rename_record, -1);
	ck_assert_str_eq(out, lo_rename_shown[_i]);
	snprintf(want, sizeof(want), "netifmsg: %s: renamed to 'old0': traced on; if netifmsg is killed, restore with: netifmsg old0 0x00000000/0x00007fff\n",
		 lo_rename_from[_i]);
	ck_assert_ptr_nonnull(strstr(err, want));
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: old0: restored: 0x00000000 none\n"));
}
END_TEST

static struct fake_iface *twice_lo;
static unsigned int twice_calls;

/*
 * lo's name by index is asked at the session's first look and at its
 * last: after the last, lo is renamed old0; after the next (the read
 * before the restore found no lo, and follows it), old0 is renamed old1
 * and tap1 takes the name old0.
 */
static int ifname_renamed_twice(struct backend *bk, unsigned int ifindex,
				char name[IF_NAMESIZE])
{
	int ret = fake_ops->ifname(bk, ifindex, name);

	if (ifindex != twice_lo->ifindex)
		return ret;
	if (++twice_calls == 2) {
		twice_lo->name = "old0";
	} else if (twice_calls == 3) {
		twice_lo->name = "old1";
		fake_find(&f, "tap1")->name = "old0";
	}
	return ret;
}

/*
 * Renamed between the last look and the read before the restore, then
 * again before the read by its new name, which another interface has by
 * then: that read is not taken for lo's.  lo is said not restored, a
 * failure, and tap1 is left as it was.
 */
START_TEST(test_trace_restore_renamed_twice)
{
	struct fake_iface *tap1 = fake_find(&f, "tap1");
	struct backend_ops ops;

	twice_lo = host_lo();
	hook_ifname(&ops, ifname_renamed_twice);
	ck_assert_int_eq(run("--trace lo --for 0.1"), -EIO);
	ck_assert_uint_eq(twice_calls, 3);
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: old0: no such network interface\n"));
	ck_assert_ptr_nonnull(strstr(err, "not restored: its level is still raised"));
	ck_assert_ptr_null(strstr(err, "restored: 0x"));
	ck_assert_ptr_null(strstr(err, "someone else"));
	ck_assert_uint_eq(twice_lo->mask, 0x7fff);
	ck_assert_uint_eq(tap1->mask, 0x0);
}
END_TEST

/* lo is gone as soon as its name by index has been asked. */
static int ifname_then_gone(struct backend *bk, unsigned int ifindex,
			    char name[IF_NAMESIZE])
{
	int ret = fake_ops->ifname(bk, ifindex, name);

	fake_find(&f, "lo")->index_gone = true;
	return ret;
}

/*
 * The kernel log is read without blocking: once its record is shown,
 * the session looks at its targets again at once, and ends when lo has
 * gone, not at --for.
 */
START_TEST(test_trace_record_then_gone)
{
	struct backend_ops ops;
	struct timespec t0;

	host_lo();
	hook_ifname(&ops, ifname_then_gone);
	kmsg_write("6,1,1,-;lo: link up\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(run("--trace lo --for 3"), 0);
	ck_assert(since(&t0) < 2.0);
	ck_assert_str_eq(out, "[    0.000001] lo: link up\n");
	ck_assert_ptr_nonnull(strstr(err, "netifmsg: lo: the interface went away: the trace ends"));
}
END_TEST

/* Bytes of the trace's kernel log not read yet. */
static int kmsg_queued(void)
{
	int fd = open(KMSG_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC), n = -1;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ioctl(fd, FIONREAD, &n), 0);
	close(fd);
	return n;
}

static bool second_written;

/* lo's second record comes at the first look after its first was read. */
static int ifname_then_record(struct backend *bk, unsigned int ifindex,
			      char name[IF_NAMESIZE])
{
	if (!second_written && !kmsg_queued()) {
		kmsg_write("6,2,2,-;lo: up\n");
		second_written = true;
	}
	return fake_ops->ifname(bk, ifindex, name);
}

/* Two records of a session: the second, shorter, shown as it is. */
START_TEST(test_trace_records_two)
{
	struct backend_ops ops;

	host_lo();
	hook_ifname(&ops, ifname_then_record);
	kmsg_write("6,1,1,-;lo: link is down now\n");
	ck_assert_int_eq(run("--trace lo --for 0.3"), 0);
	ck_assert(second_written);
	ck_assert_str_eq(out, "[    0.000001] lo: link is down now\n"
			 "[    0.000002] lo: up\n");
}
END_TEST

#define KMSG_NOTE_END \
	": no more messages are shown; the level is still raised and restored\n"

/*
 * A kernel log that cannot be opened (ENOENT here), or one that ends (a
 * regular file, as /dev/null bound over /dev/kmsg): a note says so,
 * without the CAP_SYSLOG hint of EPERM, and the session goes on to --for
 * and puts lo back.  -q says nothing.  What the file held at the start
 * is not shown: the records before the session never are.
 */
static const struct {
	const char *holds;	/* NULL: no such file */
	const char *cmd, *note;
} kmsg_odd[] = {
	{ NULL, "--trace lo --for 0.2",
	  "netifmsg: note: cannot read " KMSG_PATH " (No such file or directory): no messages are shown; the level is still raised and restored\n" },
	{ "", "--trace lo --for 0.2",
	  "netifmsg: note: " KMSG_PATH " ended (it is not the kernel log)" KMSG_NOTE_END },
	{ "6,1,1,-;lo: link up\n", "--trace lo --for 0.2",
	  "netifmsg: note: " KMSG_PATH " ended (it is not the kernel log)" KMSG_NOTE_END },
	{ NULL, "-q --trace lo --for 0.2", NULL },
	{ "", "-q --trace lo --for 0.2", NULL },
};

START_TEST(test_trace_kmsg_odd)
{
	struct fake_iface *lo = host_lo();
	struct timespec t0;
	int fd, ret;

	ck_assert_int_eq(rename(KMSG_PATH, KMSG_PATH ".fifo"), 0);
	if (kmsg_odd[_i].holds) {
		fd = open(KMSG_PATH, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(write(fd, kmsg_odd[_i].holds,
				       strlen(kmsg_odd[_i].holds)),
				 (ssize_t)strlen(kmsg_odd[_i].holds));
		close(fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = run(kmsg_odd[_i].cmd);
	/* The FIFO back first, for the tests after this one. */
	unlink(KMSG_PATH);
	ck_assert_int_eq(rename(KMSG_PATH ".fifo", KMSG_PATH), 0);
	ck_assert_int_eq(ret, 0);
	ck_assert(since(&t0) >= 0.2);
	ck_assert_str_eq(out, "");
	if (kmsg_odd[_i].note)
		ck_assert_ptr_nonnull(strstr(err, kmsg_odd[_i].note));
	else
		ck_assert_ptr_null(strstr(err, "note:"));
	ck_assert_ptr_null(strstr(err, "CAP_SYSLOG"));
	ck_assert_uint_eq(lo->mask, 0);
}
END_TEST

/*
 * --for a whole number of seconds, or seconds and a fraction: the
 * session ends then, not before.
 */
static const struct {
	const char *cmd;
	double secs;
} trace_for[] = {
	{ "--trace lo --for 1", 1.0 },
	{ "--trace lo --for 1.998", 1.998 },
};

START_TEST(test_trace_for_seconds)
{
	struct timespec t0;

	host_lo();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(run(trace_for[_i].cmd), 0);
	ck_assert(since(&t0) >= trace_for[_i].secs);
	ck_assert_ptr_nonnull(strstr(err, "lo: restored: 0x00000000 none\n"));
}
END_TEST

/* 15 bytes 0x01, as diag() shows them: each \xHH, its backslash doubled. */
#define CTL15	"\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01" \
		"\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01\\\\x01"

/*
 * Restore commands name the interface as a shell reads it back: '$' in
 * double quotes as \x24, and a name of 15 bytes each shown as \xHH
 * whole.
 */
START_TEST(test_trace_undo_shell_name)
{
	static const char ctl[] = "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01";

	/* No interface has these indexes: the trace ends at once. */
	fake_add(&f, "a$b", 0x0)->index_gone = true;
	fake_add(&f, ctl, 0x0)->index_gone = true;
	ck_assert_int_eq(run("--trace a$b --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "restore with: netifmsg \"a\\\\x24b\" 0x00000000/0x00007fff\n"));
	ck_assert_int_eq(run("--trace \\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01 --for 0.1"), 0);
	ck_assert_ptr_nonnull(strstr(err, "restore with: netifmsg \"" CTL15 "\" 0x00000000/0x00007fff\n"));
}
END_TEST

/* How many lines @s has, each ended by a newline. */
static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; (s = strchr(s, '\n')); s++)
		n++;
	return n;
}

/*
 * The commands that need no kernel, through the command layer: --list
 * in each shape, --decode and --from-level; -q prints nothing.  None
 * asks the backend anything.
 */
START_TEST(test_local_commands)
{
	ck_assert_int_eq(run("--list"), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(count_lines(out), 1 + MSGCLASS_NBUILTIN);
	ck_assert_int_eq(strncmp(out, "NAME       BIT  MASK    LEVEL\n"
				      "drv          0  0x0001  0\n", 56), 0);
	ck_assert_str_eq(out + strlen(out) - 27, "\nwol         14  0x4000  -\n");
	ck_assert_int_eq(run("--list -N"), 0);
	ck_assert_uint_eq(count_lines(out), MSGCLASS_NBUILTIN);
	ck_assert_int_eq(strncmp(out, "drv\nprobe\nlink\n", 15), 0);
	ck_assert_str_eq(out + strlen(out) - 8, "\nhw\nwol\n");
	/* JSON: one array on one line */
	ck_assert_int_eq(run("--list -j"), 0);
	ck_assert_uint_eq(count_lines(out), 1);
	ck_assert_int_eq(strncmp(out, "[{\"name\":\"drv\",\"bit\":0,\"mask\":1,\"old_level\":0},{\"name\":\"probe\",", 63), 0);
	ck_assert_str_eq(strstr(out, "{\"name\":\"wol\""),
			 "{\"name\":\"wol\",\"bit\":14,\"mask\":16384,\"old_level\":null}]\n");
	ck_assert_int_eq(run("--list -q"), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(run("--decode link"), 0);
	ck_assert_str_eq(out, "0x00000004 link\n");
	ck_assert_int_eq(run("--decode link,drv -j"), 0);
	ck_assert_str_eq(out, "{\"msg_enable\":5,\"classes\":[\"drv\",\"link\"]}\n");
	ck_assert_int_eq(run("--decode +link -x"), 0);
	ck_assert_str_eq(out, "0x00000004\n");
	/* relative words apply to an empty mask */
	ck_assert_int_eq(run("--decode -link"), 0);
	ck_assert_str_eq(out, "0x00000000 none\n");
	ck_assert_int_eq(run("--decode link -q"), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(run("--from-level 3 -N"), 0);
	ck_assert_str_eq(out, "drv probe link timer ifdown ifup\n");
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(f.dumps + f.gets + f.sets, 0);
}
END_TEST

/* 15 bytes 0x01 as a name is printed: each \xHH. */
#define OUT15	"\\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01" \
		"\\x01\\x01\\x01\\x01\\x01\\x01\\x01"

/*
 * A --batch line's -x or -N result names the interface, a name of 15
 * bytes each shown as \xHH (60 bytes) whole.
 */
START_TEST(test_batch_named_ctl15)
{
	static const char ctl[] = "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01";
	char cmd[160];

	fake_add(&f, ctl, 0x0);
	snprintf(cmd, sizeof(cmd), "-x --batch %s",
		 write_file(OUT15 " +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(out, OUT15 ": 0x00000004\n");
	snprintf(cmd, sizeof(cmd), "-N --batch %s",
		 write_file(OUT15 " +drv\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, OUT15 ": drv link\n");
	ck_assert_uint_eq(fake_find(&f, ctl)->mask, 0x5);
}
END_TEST

/*
 * -n NETNS in the restore command: as it is where plain (one letter
 * too); a relative path with a '/' from this directory, its "./" taken
 * off (not a name's leading dot); in single quotes where it has a quote,
 * which closes them and comes as "'"; in $'...' where it has a
 * backslash, which diag() doubles.  One after another in one process:
 * without -n, after them, none.
 */
static const struct {
	const char *args, *ns;	/* -n's words; the command's NETNS */
	bool from_cwd;		/* NETNS comes after this directory */
} undo_netns[] = {
	{ "-n blue", "blue", false },
	{ "-n ././ns/blue", "/ns/blue", true },
	{ "-n /run/it's", "'/run/it'\"'\"'s'", false },
	{ "-n /run/a\\b", "$'/run/a\\\\b'", false },
	{ "-n a", "a", false },
	{ "-n .ns/blue", "/.ns/blue", true },
	{ "", "", false },
};

START_TEST(test_trace_undo_netns)
{
	char cwd[PATH_MAX], cmd[64], want[PATH_MAX + 128];
	size_t i;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	/* No interface has that index: the trace ends at once. */
	fake_add(&f, "nim0", 0x0)->index_gone = true;
	for (i = 0; i < sizeof(undo_netns) / sizeof(undo_netns[0]); i++) {
		const char *ns = undo_netns[i].ns;

		fake_find(&f, "nim0")->mask = 0x0;
		snprintf(cmd, sizeof(cmd), "%s --trace nim0 --for 0.1",
			 undo_netns[i].args);
		ck_assert_int_eq(run(cmd), 0);
		snprintf(want, sizeof(want), "restore with: netifmsg %s%s%s%snim0 0x00000000/0x00007fff\n",
			 ns[0] ? "-n " : "", undo_netns[i].from_cwd ? cwd : "",
			 ns, ns[0] ? " " : "");
		ck_assert_msg(strstr(err, want), "%s: no '%s' in: %s", cmd,
			      want, err);
	}
}
END_TEST

/*
 * A relative -n NETNS is made absolute where this directory and it take
 * fewer than PATH_MAX - 1 bytes (_i 0: the longest); past that (_i 1) it
 * is said as given.  The path need not exist: the fake enters nothing.
 */
START_TEST(test_trace_undo_netns_long)
{
	static char ns[PATH_MAX], want[2 * PATH_MAX + 64], serr[4 * PATH_MAX];
	char a0[] = "-n", a2[] = "--trace", a3[] = "nim0", a4[] = "--for";
	char a5[] = "0.1", cwd[PATH_MAX];
	char *argv[] = { a0, ns, a2, a3, a4, a5 };
	size_t len;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	len = PATH_MAX - 2 - strlen(cwd) + (size_t)_i;
	ck_assert_uint_gt(len, 3);
	memset(ns, 'x', len);
	ns[len] = '\0';
	ns[1] = '/';
	fake_add(&f, "nim0", 0x0)->index_gone = true;
	ck_assert_int_eq(fake_command(&b, 6, argv, out, serr, sizeof(serr)), 0);
	snprintf(want, sizeof(want), "restore with: netifmsg -n %s%s%s nim0 0x00000000/0x00007fff\n",
		 _i ? "" : cwd, _i ? "" : "/", ns);
	ck_assert_ptr_nonnull(strstr(serr, want));
}
END_TEST

/*
 * A kernel whose dumps walk its ifindex hash (256 buckets, the newest
 * first in each: before for_each_netdev_dump()) lists 257, 1, 258, 2.
 * A pattern still runs in the order of the indexes (BATCH), and a run
 * broken off names the first unknown one of that order (DIAGNOSTICS).
 */
static void hash_order(void)
{
	memset(&f, 0, sizeof(f));
	fake_add(&f, "tapB", 0)->ifindex = 257;
	fake_add(&f, "tap0", 0)->ifindex = 1;
	fake_add(&f, "tapC", 0)->ifindex = 258;
	fake_add(&f, "tap1", 0)->ifindex = 2;
	fake_open(&b, &f, MSGCLASS_KERNEL_MASK);
}

START_TEST(test_select_index_order)
{
	char cmd[160];

	hash_order();
	ck_assert_int_eq(run("-x tap*"), 0);
	ck_assert_str_eq(out, "tap0: 0x00000000\ntap1: 0x00000000\n"
			 "tapB: 0x00000000\ntapC: 0x00000000\n");
	snprintf(cmd, sizeof(cmd), "-x --batch %s", write_file("tap* +link\n"));
	ck_assert_int_eq(run(cmd), 0);
	ck_assert_str_eq(out, "tap0: 0x00000004\ntap1: 0x00000004\n"
			 "tapB: 0x00000004\ntapC: 0x00000004\n");
	/* tap0 answered; tap1, tapB and tapC (in that order) unknown */
	f.run_answers = 1;
	ck_assert_int_eq(run("tap* +drv"), -EIO);
	ck_assert_str_eq(err, "netifmsg: Input/output error: the results of the 3 interfaces from tap1 on are unknown\n");
	ck_assert_uint_eq(fake_find(&f, "tap0")->mask, 0x5);
}
END_TEST

/* An interface that comes after the monitor's read of the masks. */
static void add_tap5(struct fake *fk)
{
	if (!fake_find(fk, "tap5"))
		fake_add(fk, "tap5", 0);
}

/*
 * --monitor --driver NAME for an interface that is not there at the
 * start: its driver is read at its first notification, under the name
 * its index has then, which the backend says (ops->ifname), not the
 * host's table of the process's own namespace.
 */
START_TEST(test_monitor_driver_later)
{
	f.dumped = add_tap5;
	fake_ntf(&f.events[0], "tap5", 4, 0x4);
	events_end(&f, 1);
	ck_assert_int_eq(run("--monitor --driver tun tap5"), -EIO);
	ck_assert_str_eq(out, "tap5: 0x00000004 link\n");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	ck_assert_uint_eq(f.drivers, 1);
	b.ops->close(&b);
}
END_TEST

static void add_tap5_unreadable(struct fake *fk)
{
	add_tap5(fk);
	fake_find(fk, "tap5")->driver_error = -ENOBUFS;
}

/*
 * A driver that cannot be read at a notification (not ENODEV, EOPNOTSUPP
 * or EAGAIN) ends the monitor in that wake-up, even one whose read
 * returned 0: tap0's change, in the next one, is never printed.
 */
START_TEST(test_monitor_driver_error_later)
{
	f.dumped = add_tap5_unreadable;
	fake_ntf(&f.events[0], "tap5", 4, 0x4);
	fake_ntf(&f.events[1], "tap0", 1, 0x5);
	events_end(&f, 2);
	ck_assert_int_eq(run("--monitor --driver tun"), -EIO);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "netifmsg: monitor: No buffer space available\n");
	ck_assert_int_eq(f.next_event, 1);
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor NAME where NAME is an alternative name of 100 bytes, 50 of
 * them '*': the word, each '*' after a backslash, has 150 bytes, and the
 * name read is the whole of it, its interface watched by index.
 */
START_TEST(test_monitor_altname_escaped)
{
	static char alt[101], cmd[200];
	char *w;
	int i;

	memset(alt, '*', 50);
	memset(alt + 50, 'a', 50);
	fake_find(&f, "tap0")->altname = alt;
	w = cmd + snprintf(cmd, sizeof(cmd), "--monitor ");
	for (i = 0; i < 50; i++)
		w += snprintf(w, 3, "\\*");
	snprintf(w, 51, "%s", alt + 50);
	fake_ntf(&f.events[0], "tap0", 1, 0x5);
	events_end(&f, 1);
	ck_assert_int_eq(run(cmd), -EIO);
	ck_assert_str_eq(out, "tap0: 0x00000005 drv link (was 0x00000001 drv)\n");
	ck_assert_str_eq(err, "netifmsg: monitor: Input/output error\n");
	b.ops->close(&b);
}
END_TEST

/*
 * --monitor whose standard output is a pipe whose reader has gone ends
 * at its first wait, exit status 0, also where it has nothing to write
 * (tap1's change is not watched): the notifications are not read.
 */
START_TEST(test_monitor_reader_gone)
{
	char arg0[] = "--monitor", arg1[] = "tap0", *argv[] = { arg0, arg1 };
	struct opts o;
	int p[2], so, ret;

	fake_ntf(&f.events[0], "tap1", 2, 0x4);
	events_end(&f, 1);
	parse_opts(&o, 2, argv);
	ck_assert_int_eq(pipe(p), 0);
	close(p[0]);
	so = dup(STDOUT_FILENO);
	ck_assert_int_ge(so, 0);
	dup2(p[1], STDOUT_FILENO);
	close(p[1]);
	ret = cmd_monitor(&o, &b);
	dup2(so, STDOUT_FILENO);
	close(so);
	ck_assert_int_eq(ret, 0);
	ck_assert_int_eq(f.next_event, 0);
	b.ops->close(&b);
}
END_TEST

static Suite *cmd_suite(void)
{
	Suite *s = suite_create("cmd");
	TCase *tc = tcase_create("fake backend");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_unchecked_fixture(tc, fake_kmsg_setup, fake_kmsg_teardown);
	tcase_add_test(tc, test_show_all);
	tcase_add_test(tc, test_show_all_none);
	tcase_add_test(tc, test_show_all_first_two_swapped);
	tcase_add_test(tc, test_show_fails_reader_gone);
	tcase_add_test(tc, test_dump_intr);
	tcase_add_test(tc, test_dump_enodev);
	tcase_add_test(tc, test_driver_name_intr);
	tcase_add_test(tc, test_apply_dump_cut_short);
	tcase_add_test(tc, test_apply_dump_cut_short_no_level);
	tcase_add_test(tc, test_apply_not_present_target);
	tcase_add_test(tc, test_show_one);
	tcase_add_test(tc, test_change);
	tcase_add_test(tc, test_change_readback_fails);
	tcase_add_test(tc, test_change_gone_class_name);
	tcase_add_test(tc, test_change_broken_after_set);
	tcase_add_test(tc, test_change_broken_unsent);
	tcase_add_test(tc, test_batch_broken_unsent);
	tcase_add_test(tc, test_broken_after_failed_set);
	tcase_add_test(tc, test_change_renamed_after_set);
	tcase_add_test(tc, test_change_renamed_before_set);
	tcase_add_test(tc, test_change_renamed_during_result);
	tcase_add_test(tc, test_change_renamed_to_no_level);
	tcase_add_test(tc, test_change_msglvl_iface);
	tcase_add_test(tc, test_batch_line_hints);
	tcase_add_test(tc, test_change_netlink_15_bits);
	tcase_add_test(tc, test_change_undone_meanwhile);
	tcase_add_test(tc, test_change_beyond);
	tcase_add_test(tc, test_ioctl_backend);
	tcase_add_test(tc, test_change_kernel_name);
	tcase_add_test(tc, test_batch_stop);
	tcase_add_test(tc, test_batch_stop_chunk_end);
	tcase_add_test(tc, test_batch_stop_in_pattern);
	tcase_add_test(tc, test_batch_stop_counts_lines);
	tcase_add_test(tc, test_batch_stop_before_unmatched);
	tcase_add_test(tc, test_batch_change_first);
	tcase_add_test(tc, test_batch_broken_before_unmatched);
	tcase_add_test(tc, test_batch_force);
	tcase_add_test(tc, test_batch_force_unmatched);
	tcase_add_test(tc, test_batch_force_unmatched_order);
	tcase_add_test(tc, test_batch_force_unmatched_broken);
	tcase_add_test(tc, test_batch_force_unmatched_inside_broken);
	tcase_add_test(tc, test_batch_broken_in_pattern);
	tcase_add_test(tc, test_batch_bad_line);
	tcase_add_test(tc, test_batch_level_map);
	tcase_add_test(tc, test_batch_show_names);
	tcase_add_test(tc, test_batch_read_einval);
	tcase_add_test(tc, test_apply);
	tcase_add_test(tc, test_apply_driver_reads);
	tcase_add_test(tc, test_select_none_quote);
	tcase_add_test(tc, test_change_eacces);
	tcase_add_test(tc, test_read_refused);
	tcase_add_test(tc, test_change_read_only);
	tcase_add_test(tc, test_pattern_gone_word_name);
	tcase_add_test(tc, test_diag_long);
	tcase_add_test(tc, test_diag_after_output);
	tcase_add_test(tc, test_select_none_drivers);
	tcase_add_test(tc, test_select_driver_unreadable);
	tcase_add_test(tc, test_select_driver_error);
	tcase_add_test(tc, test_select_driver_pattern_reads);
	tcase_add_test(tc, test_select_driver_moved);
	tcase_add_test(tc, test_select_driver_renamed);
	tcase_add_test(tc, test_monitor_overflow);
	tcase_add_test(tc, test_monitor_lost_until_empty);
	tcase_add_test(tc, test_monitor_lost_and_bad);
	tcase_add_test(tc, test_monitor_einval);
	tcase_add_test(tc, test_monitor_pattern_escape_last);
	tcase_add_test(tc, test_monitor_old_names);
	tcase_add_test(tc, test_monitor_was);
	tcase_add_test(tc, test_time_after_2038);
	tcase_add_loop_test(tc, test_monitor_startup, 0, 2);
	tcase_add_test(tc, test_monitor_fsize);
	tcase_add_test(tc, test_monitor_stop_whole_lines);
	tcase_add_test(tc, test_monitor_pattern);
	tcase_add_test(tc, test_monitor_name_glob_char);
	tcase_add_test(tc, test_monitor_driver);
	tcase_add_test(tc, test_monitor_driver_named);
	tcase_add_test(tc, test_monitor_driver_altname_once);
	tcase_add_test(tc, test_monitor_driver_altname_other);
	tcase_add_test(tc, test_monitor_name_not_index);
	tcase_add_test(tc, test_monitor_dump_fails);
	tcase_add_test(tc, test_monitor_dump_enodev);
	tcase_add_test(tc, test_monitor_driver_later);
	tcase_add_test(tc, test_monitor_driver_error_later);
	tcase_add_test(tc, test_monitor_altname_escaped);
	tcase_add_test(tc, test_monitor_reader_gone);
	tcase_add_test(tc, test_pattern_dot);
	tcase_add_test(tc, test_pattern_escape);
	tcase_add_test(tc, test_pattern_one_dump);
	tcase_add_test(tc, test_select_altname);
	tcase_add_test(tc, test_select_keeps_drivers);
	tcase_add_test(tc, test_iflist_driver_short_name);
	tcase_add_test(tc, test_iflist_many);
	tcase_add_test(tc, test_apply_driver);
	tcase_add_test(tc, test_apply_driver_note);
	tcase_add_test(tc, test_apply_empty_note);
	tcase_add_test(tc, test_apply_iface_taken_before_dump);
	tcase_add_test(tc, test_apply_iface_notes);
	tcase_add_test(tc, test_apply_gone);
	tcase_add_test(tc, test_apply_renamed_back);
	tcase_add_test(tc, test_apply_renamed_back_eio);
	tcase_add_test(tc, test_apply_dump_fails);
	tcase_add_test(tc, test_nomem_json_array);
	tcase_add_test(tc, test_apply_ifindex_intr);
	tcase_add_test(tc, test_apply_broken_unsent);
	tcase_add_test(tc, test_apply_broken_run);
	tcase_add_test(tc, test_apply_fails_after_unchanged);
	tcase_add_test(tc, test_trace_raise_fails);
	tcase_add_test(tc, test_trace_readback_fails);
	tcase_add_test(tc, test_trace_name_back);
	tcase_add_test(tc, test_trace_unchanged_not_read);
	tcase_add_test(tc, test_trace_undo_name);
	tcase_add_test(tc, test_trace_gone_at_readback);
	tcase_add_test(tc, test_trace_dyndbg_once);
	tcase_add_test(tc, test_trace_dyndbg_stopped);
	tcase_add_test(tc, test_trace_restore_fails);
	tcase_add_test(tc, test_trace_restore_ifname_fails);
	tcase_add_test(tc, test_trace_restore_set_ifname_fails);
	tcase_add_test(tc, test_trace_nomem);
	tcase_add_test(tc, test_trace_others_bit);
	tcase_add_test(tc, test_trace_others_bit_in_change);
	tcase_add_test(tc, test_trace_already_so);
	tcase_add_test(tc, test_trace_change_ignored);
	tcase_add_test(tc, test_trace_restore_read_fails);
	tcase_add_test(tc, test_trace_restore_broken);
	tcase_add_test(tc, test_trace_readback_other);
	tcase_add_loop_test(tc, test_trace_renamed_before_readback, 0, 2);
	tcase_add_loop_test(tc, test_trace_restore_read_other, 0, 2);
	tcase_add_test(tc, test_trace_selects_none);
	tcase_add_test(tc, test_trace_dump_fails);
	tcase_add_test(tc, test_trace_get_fails);
	tcase_add_test(tc, test_trace_first_set_fails);
	tcase_add_test(tc, test_trace_gone_unchanged);
	tcase_add_test(tc, test_trace_theirs);
	tcase_add_test(tc, test_trace_restore_enodev);
	tcase_add_test(tc, test_trace_beyond);
	tcase_add_test(tc, test_trace_undo_ioctl);
	tcase_add_test(tc, test_trace_dyndbg_on);
	tcase_add_test(tc, test_trace_failed_not_read);
	tcase_add_test(tc, test_trace_raise_stderr_blocked);
	tcase_add_loop_test(tc, test_trace_records, 0,
			     sizeof(trace_records) / sizeof(trace_records[0]));
	tcase_add_loop_test(tc, test_trace_line_cut, 0,
			     sizeof(line_cut) / sizeof(line_cut[0]));
	tcase_add_loop_test(tc, test_trace_record_rename, 0,
			     sizeof(lo_rename_from) / sizeof(lo_rename_from[0]));
	tcase_add_test(tc, test_trace_record_then_gone);
	tcase_add_test(tc, test_trace_restore_renamed_twice);
	tcase_add_test(tc, test_trace_records_two);
	tcase_add_loop_test(tc, test_trace_kmsg_odd, 0,
			     sizeof(kmsg_odd) / sizeof(kmsg_odd[0]));
	tcase_add_loop_test(tc, test_trace_for_seconds, 0,
			     sizeof(trace_for) / sizeof(trace_for[0]));
	tcase_add_test(tc, test_trace_undo_shell_name);
	tcase_add_test(tc, test_batch_named_ctl15);
	tcase_add_test(tc, test_local_commands);
	tcase_add_test(tc, test_trace_undo_netns);
	tcase_add_loop_test(tc, test_trace_undo_netns_long, 0, 2);
	tcase_add_test(tc, test_select_index_order);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmd_suite)
