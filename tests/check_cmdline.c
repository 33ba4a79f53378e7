// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the word parser on command lines: which command the
 * words ask for (with --monitor, --batch and -f), and the usage errors
 * for options that do not fit together.  Batch lines: check_batch.c.
 */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "check_main.h"
#include "cmdline.h"

#define MAXW	8

struct cl_case {
	const char *words[MAXW];	/* NULL-terminated */
	int ret;
	enum command cmd;
	const char *msg;		/* -EINVAL: part of the message */
	void (*check)(struct opts *o);	/* more checks of a good parse */
};

/* What a parse of the words must give besides the command. */
static void check_change_link(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.show);
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0x4);
	ck_assert_uint_eq(o->job.change.off, 0);
	ck_assert_uint_eq(o->job.unknown, 0);
	ck_assert(!o->ioctl);
}

static void check_show_tap0(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(o->job.show);
	ck_assert_int_eq(o->job.more->nwords, 0);
	ck_assert(!o->job.change.has_abs && !o->job.change.has_rel);
}

static void check_show_all(struct opts *o)
{
	ck_assert_ptr_null(o->job.ifname);
	ck_assert_int_eq(o->mode, OUT_TEXT);
	ck_assert(!o->ioctl && !o->force && !o->quiet && !o->verbose);
}

static void check_monitor_names(struct opts *o)
{
	ck_assert_str_eq(o->netns, "blue");
	ck_assert_int_eq(o->mode, OUT_NAMES);
	ck_assert_int_eq(o->nifnames, 0);
}

/* "-jt -nblue" after the interface: options, as --monitor takes no CHANGE. */
static void check_monitor_jt(struct opts *o)
{
	ck_assert_str_eq(o->netns, "blue");
	ck_assert_int_eq(o->mode, OUT_JSON);
	ck_assert(o->timestamp);
	ck_assert_int_eq(o->nifnames, 1);
	ck_assert_str_eq(o->ifnames[0], "tap0");
}

/* "-jn --monitor": the word is -n's value, not the option. */
static void check_netns_monitor(struct opts *o)
{
	ck_assert_str_eq(o->netns, "--monitor");
	ck_assert_str_eq(o->job.ifname, "tap0");
}

static void check_a_b(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "ab");
}

static void check_a_backslash_b(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "a\\b");
}

static void check_backslash_end(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "z\\");
	ck_assert_uint_eq(o->job.change.on, 0x1);
}

static void check_batch_fv(struct opts *o)
{
	ck_assert_str_eq(o->batch_file, "-");
	ck_assert(o->force);
	ck_assert(o->verbose);
	ck_assert(!o->quiet);
}

static void check_fq(struct opts *o)
{
	ck_assert(o->force);
	ck_assert(o->quiet);
	ck_assert(!o->verbose);
	ck_assert_str_eq(o->batch_file, "f");
}

static void check_batch_exact(struct opts *o)
{
	ck_assert_int_eq(o->job.more->map, LEVEL_MAP_EXACT);
	ck_assert(!o->force);
}

static void check_force_json(struct opts *o)
{
	ck_assert(o->force);
	ck_assert_int_eq(o->mode, OUT_JSON);
}

static void check_ioctl_all(struct opts *o)
{
	ck_assert(o->ioctl);
	ck_assert_ptr_null(o->job.ifname);
}

static void check_ioctl_show(struct opts *o)
{
	ck_assert(o->ioctl);
	check_show_tap0(o);
}

static void check_ioctl_bit20(struct opts *o)
{
	ck_assert(o->ioctl);
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.show);
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0x100000);
	ck_assert_uint_eq(o->job.change.off, 0);
	ck_assert_uint_eq(o->job.unknown, 0);
}

static void check_ioctl_batch(struct opts *o)
{
	ck_assert(o->ioctl);
	ck_assert_str_eq(o->batch_file, "f");
}

/* With the built-in names only (all the ioctl has): an error. */
static void assert_newclass_unknown(struct opts *o)
{
	struct cmdline_err err;

	ck_assert_int_eq(job_build(&o->job, NULL, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown message class 'newclass'"));
}

/* +link is in the change, +newclass left for the kernel's names. */
static void check_newclass(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->ioctl);
	ck_assert_uint_eq(o->job.unknown, 1);
	ck_assert_uint_eq(o->job.change.on, 0x4);
	assert_newclass_unknown(o);
}

/* VALUE/MASK is a relative change, never a replace. */
static void check_change_value_mask(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.show);
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0x5);
	ck_assert_uint_eq(o->job.change.off, 0xa);
	ck_assert_uint_eq(o->job.unknown, 0);
}

/* "drv link" off, "$(netifmsg -N eth0)" off: each class off, no more. */
static void check_list_off(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0);
	ck_assert_uint_eq(o->job.change.off, 0x5);
}

static void check_list_on(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0xa);
	ck_assert_uint_eq(o->job.change.off, 0);
}

/* "none" off, "$(netifmsg -N eth0)" off for an empty mask: no bit. */
static void check_none_off(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0);
	ck_assert_uint_eq(o->job.change.off, 0);
}

/* A VALUE/MASK with names the table lacks waits for the kernel's. */
static void check_value_mask_newclass(struct opts *o)
{
	ck_assert_uint_eq(o->job.unknown, 2);
	assert_newclass_unknown(o);
}

/* IFACE is read back from its escapes (escape.h). */
static void check_escaped_esc(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "a\x1b[0mb\\");
	ck_assert(o->job.show);
}

static void check_pattern_esc(struct opts *o)
{
	ck_assert(o->job.pattern);
	ck_assert_str_eq(o->job.ifname, "a\x1b[0mb");
}

/*
 * A pattern's escapes of letters, digits and bytes that are no ASCII
 * are those bytes alone (as messages quote the pattern); of punctuation,
 * quoted for fnmatch(3).  '~' (0x7e) is the last punctuation; DEL (0x7f)
 * is a control byte, alone.
 */
static void check_pattern_bytes(struct opts *o)
{
	ck_assert(o->job.pattern);
	ck_assert_str_eq(o->job.ifname, "zA\xc3\xa9\\*\\]\\-\\\\\\~\x7f*");
}

static void check_escaped_dash(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "-dash");
	ck_assert(!o->job.show);
	ck_assert_uint_eq(o->job.change.on, 0x1);
}

/* "--driver tun +link: -hw": the interface named "+link", not every tun. */
static void check_driver_plus_iface(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "+link");
	ck_assert(!o->job.pattern);
	ck_assert_uint_eq(o->job.change.off, 0x2000);
}

static void check_two_configs(struct opts *o)
{
	ck_assert_uint_eq(o->nconfigs, 2);
	ck_assert_str_eq(o->configs[0], "a");
	ck_assert_str_eq(o->configs[1], "b");
}

/* "--driver tun +link": every tun interface, the change kept whole. */
static void check_driver_all_link(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "*");
	ck_assert(o->job.pattern);
	ck_assert(!o->job.show);
	ck_assert_uint_eq(o->job.change.on, 0x4);
	ck_assert_uint_eq(o->job.change.off, 0);
}

/* "--driver tun 4": a CHANGE word of one byte is no IFACE either. */
static void check_driver_all_4(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "*");
	ck_assert(o->job.pattern);
	ck_assert(o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.abs, 0x4);
}

/* "x:": the ':' netifmsg prints after a name, on a name of one byte. */
static void check_iface_x(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "x");
	ck_assert(!o->job.pattern);
	ck_assert_uint_eq(o->job.change.on, 0x4);
}

/* "--driver tun +link -- -hw": "--" after the first word ends options. */
static void check_driver_all_link_hw(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "*");
	ck_assert(o->job.pattern);
	ck_assert_uint_eq(o->job.change.on, 0x4);
	ck_assert_uint_eq(o->job.change.off, 0x2000);
}

/* "--driver tun +likn": a '+' word is a CHANGE, the name left for later. */
static void check_driver_all_unknown(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "*");
	ck_assert(o->job.pattern);
	ck_assert_uint_eq(o->job.unknown, 1);
}

/* An absolute word and --from-level: both masks, joined. */
static void check_timer_level1(struct opts *o)
{
	ck_assert(o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.abs, 0xb);
	ck_assert_uint_eq(o->job.change.on, 0);
	ck_assert_uint_eq(o->job.change.off, 0);
}

static void check_decode_level3(struct opts *o)
{
	ck_assert(o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.abs, 0x3f);
}

/* --trace without CHANGE or level: +all, on every tun interface. */
static void check_trace_driver_all(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "*");
	ck_assert(o->job.pattern);
	ck_assert_int_eq(o->job.more->nwords, 1);
	ck_assert_str_eq(o->job.more->words[0], "+all");
	ck_assert(!o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.on, 0x7fff);
}

/* --trace with a level: the level's mask alone, no +all. */
/*
 * "tap0 -s": a "-s" that ends the words is a -NAME CHANGE (of a name the
 * kernel may know), not ethtool's "-s" before msglvl.
 */
static void check_dash_s_last(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert_int_eq(o->job.more->nwords, 1);
	ck_assert_str_eq(o->job.more->words[0], "-s");
	ck_assert_uint_eq(o->job.unknown, 1);
}

static void check_trace_level1(struct opts *o)
{
	ck_assert_str_eq(o->job.ifname, "tap0");
	ck_assert_int_eq(o->job.more->nwords, 0);
	ck_assert(o->job.change.has_abs);
	ck_assert_uint_eq(o->job.change.abs, 0x3);
	ck_assert_uint_eq(o->job.change.on, 0);
}

static const struct cl_case cases[] = {
	{ { NULL }, 0, CMD_SHOW_ALL, NULL, check_show_all },
	{ { "tap0", NULL }, 0, CMD_SHOW, NULL, check_show_tap0 },
	{ { "tap0", "+link", NULL }, 0, CMD_CHANGE, NULL, check_change_link },
	{ { "--monitor", NULL }, 0, CMD_MONITOR, NULL, NULL },
	{ { "--monitor", "-j", "tap0", "tap1", NULL }, 0, CMD_MONITOR, NULL, NULL },
	{ { "-n", "blue", "--monitor", "-N", NULL }, 0, CMD_MONITOR, NULL,
	  check_monitor_names },
	{ { "--batch", "f", NULL }, 0, CMD_BATCH, NULL, NULL },
	{ { "--batch=-", "-f", "-v", NULL }, 0, CMD_BATCH, NULL, check_batch_fv },
	{ { "-fq", "--batch", "f", NULL }, 0, CMD_BATCH, NULL, check_fq },
	{ { "--level-map", "exact", "--batch", "f", NULL }, 0, CMD_BATCH, NULL,
	  check_batch_exact },
	{ { "--force", "--batch", "f", "-j", NULL }, 0, CMD_BATCH, NULL,
	  check_force_json },
	/* ethtool's "msglvl": the command to write instead. */
	{ { "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg tap0 5'", NULL },
	{ { "tap0", "msglvl", "link", "on", NULL }, -EINVAL, 0, "write 'netifmsg tap0 link on'", NULL },
	/* the whole pasted line, -s too (only before msglvl's IFACE) */
	{ { "-s", "tap0", "msglvl", "link", "on", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg tap0 link on'", NULL },
	{ { "-j", "-s", "tap0", "MSGLVL", "0x5", NULL }, -EINVAL, 0, "write 'netifmsg -j tap0 0x5'", NULL },
	{ { "-s", "tap0", "+link", NULL }, -EINVAL, 0, "unknown option '-s'", NULL },
	{ { "-s", "tap0", NULL }, -EINVAL, 0, "unknown option '-s'", NULL },
	{ { "-s", "tap0", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's, and a change needs at least one CHANGE word", NULL },
	/* Of two '-' words before IFACE that are no options, the first. */
	{ { "-eth0", "-abc", NULL }, -EINVAL, 0, "unknown option '-e'", NULL },
	{ { "-eth0", "-s", "tap0", "msglvl", "--monitor", NULL }, -EINVAL, 0, "unknown option '-eth0' (--monitor takes interface names", NULL },
	{ { "-s", "-j", "msglvl", NULL }, -EINVAL, 0, "unknown option '-s'", NULL },
	{ { "-s", "--", "msglvl", "5", NULL }, -EINVAL, 0, "unknown option '-s'", NULL },
	/* A pattern, typed as shown, the shell could expand. */
	{ { "-s", "tap*", "msglvl", "3", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	/* ... so could it a name: bash's "lin{k0,k}" is "link0 link". */
	{ { "lin{k0,k}", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	/* --monitor: a CHANGE word is no second name; escaped, it is one */
	{ { "--monitor", "tap0", "+link", NULL }, -EINVAL, 0, "'+link' reads as a CHANGE word: --monitor watches interfaces and changes none (write an interface of that name with a backslash before its '+')", NULL },
	{ { "--monitor", "+drv,-hw", NULL }, -EINVAL, 0, "'+drv,-hw' reads as a CHANGE word", NULL },
	{ { "--monitor", "--", "+link", NULL }, -EINVAL, 0, "'+link' reads as a CHANGE word", NULL },
	{ { "--monitor", "--", "-odd", NULL }, 0, CMD_MONITOR, NULL, NULL },
	{ { "--monitor", "\\+link", "+likn", NULL }, 0, CMD_MONITOR, NULL, NULL },
	/* --monitor's words are interfaces: -s is an unknown option there. */
	{ { "--monitor", "-s", "tap0", "msglvl", NULL }, -EINVAL, 0, "unknown option '-s' (--monitor takes interface names; write -- before a name that starts with '-')", NULL },
	{ { "-s", "tap0", "msglvl", "--monitor", NULL }, -EINVAL, 0, "unknown option '-s' (--monitor takes interface names", NULL },
	/* "-s msglvl" after IFACE: ethtool's two words, the form without them */
	{ { "tap0", "-s", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg tap0 5'", NULL },
	{ { "tap0", "+link", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg tap0 +link'", NULL },
	{ { "tap0", "-s", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's, and a change needs at least one CHANGE word", NULL },
	{ { "-v", "tap0", "-s", "MSGLVL", "link", "on", NULL }, -EINVAL, 0, "write 'netifmsg -v tap0 link on'", NULL },
	/* "-s" elsewhere is still the class 's' */
	{ { "--ioctl", "tap0", "-s", "5", NULL }, -EINVAL, 0, "unknown message class 's'", NULL },
	/* a leading 0: why it is refused */
	{ { "tap0", "010", NULL }, -EINVAL, 0, "invalid number '010' (no leading 0: ethtool reads it as decimal, strtoul(3) as octal)", NULL },
	{ { "tap0", "01", NULL }, -EINVAL, 0, "invalid number '01' (no leading 0: ethtool reads it as decimal, strtoul(3) as octal)", NULL },
	{ { "tap0", "0x", NULL }, -EINVAL, 0, "invalid number '0x'", NULL },
	{ { "--decode", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg --decode 5'", NULL },
	/* never a form that is refused too: the other words are checked first */
	{ { "--decode", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's, and --decode needs at least one CHANGE word", NULL },
	{ { "--from-level", "3", "--decode", "msglvl", NULL }, -EINVAL, 0, "write 'netifmsg --from-level 3 --decode'", NULL },
	{ { "tap0", "msglvl", "off", NULL }, -EINVAL, 0, "'off' needs a class name before it", NULL },
	{ { "tap0", "msglvl", "5", "on", NULL }, -EINVAL, 0, "'5' before 'on': only class names", NULL },
	/* a bad VALUE/MASK there: quoted as written, not as "+5/" */
	{ { "--decode", "5/", "on", NULL }, -EINVAL, 0, "'5/' before 'on': only class names can be turned on or off (write bitN on)", NULL },
	{ { "--decode", "a/b/c", "off", NULL }, -EINVAL, 0, "'a/b/c' before 'off': only class names", NULL },
	{ { "tap0", "msglvl", "--from-level", "8", NULL }, -EINVAL, 0, "level 8 is out of range", NULL },
	{ { "tap0", "msglvl", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg tap0 5'", NULL },
	/* nothing left to change: the form would be a show */
	{ { "tap0", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's, and a change needs at least one CHANGE word", NULL },
	{ { "-j", "--driver", "tun", "msglvl", "MSGLVL", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's, and a change needs at least one CHANGE word", NULL },
	/* A name left for the kernel's table may be refused: no form shown. */
	{ { "tap0", "msglvl", "newclass", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "--driver", "tun", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg --driver tun 5'", NULL },
	{ { "--driver", "a", "--driver", "b", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg --driver a --driver b tap0 5'", NULL },
	/* with --driver, a name that reads as a CHANGE word keeps its ':' */
	{ { "--driver", "tun", "link:", "msglvl", "drv", "on", NULL }, -EINVAL, 0, "write 'netifmsg --driver tun link: drv on'", NULL },
	{ { "--driver", "tun", "--", "+link", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg --driver tun +link: 5'", NULL },
	{ { "--driver", "tun", "msglvl:", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg --driver tun msglvl: 5'", NULL },
	/* a CHANGE word with a blank, typed as shown, is other words */
	{ { "tap0", "msglvl", "drv probe link", "off", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "tap0", "msglvl", "drv\tprobe", "on", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	/* --trace IFACE alone raises all: a form, not "needs a CHANGE word" */
	{ { "--trace", "tap0", "msglvl", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg --trace tap0'", NULL },
	/* a name or pattern a shell would change, typed as shown: no form */
	{ { "tap\\*", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "--", "-odd", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	/* -n and --driver take no escapes: a value a shell would split or change */
	{ { "-n", "/run/netns/blue", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg -n /run/netns/blue tap0 5'", NULL },
	{ { "-n", "/tmp/my ns", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "-n", "it's", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "-n", "a\001b", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "--driver", "a b", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	{ { "tap*", "msglvl", "5", NULL }, -EINVAL, 0, "'msglvl' is ethtool's word, not netifmsg's: write the command without it", NULL },
	/*
	 * the options that decide where and what it changes are kept: a
	 * form without -n would change the host's tap0, without --trace
	 * leave the change in place, without --from-level set another mask
	 */
	{ { "-n", "blue", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg -n blue tap0 5'", NULL },
	{ { "tap0", "--netns=blue", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg -n blue tap0 5'", NULL },
	{ { "--trace", "--for", "2.5", "tap0", "msglvl", "link", "on", NULL }, -EINVAL, 0, "write 'netifmsg --trace --for 2.5 tap0 link on'", NULL },
	{ { "tap0", "--from-level", "3", "msglvl", "-timer", NULL }, -EINVAL, 0, "write 'netifmsg --from-level 3 tap0 -timer'", NULL },
	{ { "--level-map", "kernel", "--from-level", "16", "--ioctl", "tap0", "msglvl", NULL }, -EINVAL, 0, "write 'netifmsg --ioctl --from-level 16 --level-map kernel tap0'", NULL },
	{ { "-v", "-j", "tap0", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg -j -v tap0 5'", NULL },
	{ { "-q", "--driver", "tun", "msglvl", "5", NULL }, -EINVAL, 0, "write 'netifmsg -q --driver tun 5'", NULL },
	/* --driver: "NAME:" and a word after "--" are IFACE, not a CHANGE */
	{ { "--driver", "tun", "+link:", "-hw", NULL }, 0, CMD_CHANGE, NULL, check_driver_plus_iface },
	{ { "--driver", "tun", "--", "+link", "-hw", NULL }, 0, CMD_CHANGE, NULL, check_driver_plus_iface },
	{ { "-f", "tap0", "+link", NULL }, -EINVAL, 0, "option -f (--force) needs --batch", NULL },
	{ { "tap0", "-s", NULL }, 0, CMD_CHANGE, NULL, check_dash_s_last },
	{ { "tap0", "--for", "3", NULL }, -EINVAL, 0, "option --for needs --trace", NULL },
	{ { "--config", "f", "tap0", NULL }, -EINVAL, 0, "option --config needs --apply", NULL },
	{ { "--monitor", "-f", NULL }, -EINVAL, 0, "option -f (--force) needs --batch", NULL },
	{ { "--monitor", "-v", NULL }, -EINVAL, 0, "--monitor takes no", NULL },
	{ { "--monitor", "--from-level", "3", NULL }, -EINVAL, 0, "--monitor takes no", NULL },
	{ { "--monitor", "-q", NULL }, -EINVAL, 0, "--monitor takes no --from-level, --level-map, -v, -q or -f", NULL },
	{ { "--monitor", "--level-map", "exact", NULL }, -EINVAL, 0, "--monitor takes no", NULL },
	{ { "--trace", "tap0", "--level-map", "exact", NULL }, -EINVAL, 0, "--level-map needs --from-level", NULL },
	{ { "--trace", "tap0", "--level-map", "exact", "--from-level", "3", NULL }, 0, CMD_TRACE, NULL, NULL },
	{ { "--trace", "tap0", "-v", NULL }, -EINVAL, 0, "--trace prints kernel log records: -x, -N and -v do not apply", NULL },
	{ { "-N", "--trace", "tap0", "+link", NULL }, -EINVAL, 0, "--trace prints kernel log records: -x, -N and -v do not apply", NULL },
	{ { "--trace", "tap0", "-f", NULL }, -EINVAL, 0, "option -f (--force) needs --batch", NULL },
	{ { "--apply", "--level-map", "exact", NULL }, -EINVAL, 0, "--apply takes one interface at most, and no CHANGE, --from-level or --level-map", NULL },
	/* with --driver, a first CHANGE word is one: --apply takes none */
	{ { "--apply", "--driver", "tun", "+link", NULL }, -EINVAL, 0, "--apply takes one interface at most, and no CHANGE", NULL },
	{ { "--apply", "--driver", "tun", "0x3", NULL }, -EINVAL, 0, "--apply takes one interface at most, and no CHANGE", NULL },
	{ { "--apply", "--driver", "tun", "+link:", NULL }, 0, CMD_APPLY, NULL, NULL },
	{ { "--monitor", "a/b", NULL }, -EINVAL, 0, "'a/b' is not a valid interface name", NULL },
	{ { "--monitor", "--batch", "f", NULL }, -EINVAL, 0, "exclude each other", NULL },
	{ { "--list", "--monitor", NULL }, -EINVAL, 0, "exclude each other", NULL },
	{ { "--decode", "--batch", "f", "link", NULL }, -EINVAL, 0, "exclude each other", NULL },
	{ { "--batch", "f", "tap0", NULL }, -EINVAL, 0, "--batch takes no interface", NULL },
	{ { "--batch", "f", "--from-level", "3", NULL }, -EINVAL, 0, "--batch takes no interface", NULL },
	/* an option after --batch is its file: say so */
	{ { "--batch", "-f", "-", NULL }, -EINVAL, 0, "(they go in the file; its file here is '-f': give options before --batch)", NULL },
	{ { "--batch", "-v", "f", "--from-level", "3", NULL }, -EINVAL, 0, "its file here is '-v': give options before --batch", NULL },
	{ { "--batch", "-", "tap0", NULL }, -EINVAL, 0, "on the command line (they go in the file)", NULL },
	{ { "--batch", "", NULL }, -EINVAL, 0, "--batch needs a file name", NULL },
	{ { "--batch", NULL }, -EINVAL, 0, "option '--batch' needs a value", NULL },
	{ { "--batch", "f", "-q", "-v", NULL }, -EINVAL, 0, "option -q excludes", NULL },
	{ { "-q", "-j", "tap0", NULL }, -EINVAL, 0, "option -q excludes -j, -x, -N and -v", NULL },
	{ { "tap0", "-q", "-x", NULL }, -EINVAL, 0, "option -q excludes -j, -x, -N and -v", NULL },
	{ { "-N", "-q", "tap0", NULL }, -EINVAL, 0, "option -q excludes -j, -x, -N and -v", NULL },
	{ { "--monitor", "-j", "-x", NULL }, -EINVAL, 0, "exclude each other", NULL },
	/* after IFACE, -f is the option, not a class */
	{ { "tap0", "-f", NULL }, -EINVAL, 0, "option -f (--force) needs --batch", NULL },
	/* --ioctl */
	{ { "--ioctl", NULL }, 0, CMD_SHOW_ALL, NULL, check_ioctl_all },
	{ { "--ioctl", "tap0", NULL }, 0, CMD_SHOW, NULL, check_ioctl_show },
	{ { "tap0", "+bit20", "--ioctl", NULL }, 0, CMD_CHANGE, NULL,
	  check_ioctl_bit20 },
	{ { "--ioctl", "--batch", "f", NULL }, 0, CMD_BATCH, NULL, check_ioctl_batch },
	{ { "--ioctl", "--list", NULL }, -EINVAL, 0, "--ioctl needs a command that talks to the kernel", NULL },
	/* -v says what a change did: nothing to say where nothing is asked */
	{ { "-jv", "--decode", "link", NULL }, -EINVAL, 0, "-v needs a command that talks to the kernel", NULL },
	{ { "-v", "--from-level", "3", "tap0", NULL }, 0, CMD_CHANGE, NULL, NULL },
	{ { "--ioctl", "--decode", "link", NULL }, -EINVAL, 0, "--ioctl needs a command", NULL },
	{ { "--ioctl", "--from-level", "3", NULL }, -EINVAL, 0, "--ioctl needs a command", NULL },
	{ { "--monitor", "--ioctl", NULL }, -EINVAL, 0, "--monitor cannot use --ioctl", NULL },
	{ { "--ioctl=x", NULL }, -EINVAL, 0, "option '--ioctl' takes no value", NULL },
	/*
	 * Names the table lacks: left for the kernel's names (job_build()),
	 * which the ioctl does not have: there they are unknown at once.
	 */
	{ { "tap0", "+link", "+newclass", NULL }, 0, CMD_CHANGE, NULL,
	  check_newclass },
	{ { "--ioctl", "tap0", "+newclass", NULL }, -EINVAL, 0,
	  "unknown message class 'newclass'", NULL },
	{ { "--decode", "newclass", NULL }, -EINVAL, 0, "unknown message class 'newclass'", NULL },
	{ { "tap0", "+newclass", "0x", NULL }, -EINVAL, 0, "invalid number '0x'", NULL },
	/* VALUE/MASK and how its mistakes are told */
	{ { "tap0", "0x5/0xf", NULL }, 0, CMD_CHANGE, NULL,
	  check_change_value_mask },
	{ { "tap0", "newclass/newclass,link", NULL }, 0, CMD_CHANGE, NULL,
	  check_value_mask_newclass },
	{ { "tap0", "0x15/0xf", NULL }, -EINVAL, 0,
	  "'0x15/0xf': value bits 0x00000010 are outside the mask", NULL },
	{ { "--decode", "link/timer", NULL }, -EINVAL, 0,
	  "'link/timer': value bits 0x00000004 are outside the mask", NULL },
	{ { "tap0", "0x5/", NULL }, -EINVAL, 0,
	  "'0x5/': VALUE/MASK needs a value and a mask around one '/'", NULL },
	{ { "tap0", "a/b/c", NULL }, -EINVAL, 0,
	  "'a/b/c': VALUE/MASK needs a value and a mask around one '/'", NULL },
	{ { "tap0", "+drv,0x5/0xf", NULL }, -EINVAL, 0,
	  "'+drv,0x5/0xf': VALUE/MASK cannot hold +NAME or -NAME items (give them as words of their own)",
	  NULL },
	{ { "tap0", "link,,timer/0xf", NULL }, -EINVAL, 0,
	  "empty message class in 'link,,timer/0xf'", NULL },
	/* an option with a value, given twice: an error, whatever the values */
	{ { "--from-level", "abc", "--from-level", "3", NULL }, -EINVAL, 0,
	  "option --from-level given twice (it takes one value)", NULL },
	{ { "tap0", "--from-level", "9", "--from-level", "1", NULL }, -EINVAL, 0,
	  "option --from-level given twice", NULL },
	{ { "tap0", "--from-level=1", "--from-level", "1", NULL }, -EINVAL, 0,
	  "option --from-level given twice", NULL },
	{ { "-n", "../x", "-n", "blue", "tap0", NULL }, -EINVAL, 0,
	  "option --netns given twice", NULL },
	{ { "--netns=a", "tap0", "-n", "b", NULL }, -EINVAL, 0,
	  "option --netns given twice", NULL },
	/* -n: a name, or a path to a file, never to a directory */
	{ { "-n", "/run/netns/blue", "tap0", NULL }, 0, CMD_SHOW, NULL, NULL },
	{ { "-n", "/run/netns/blue/", "tap0", NULL }, -EINVAL, 0,
	  "'/run/netns/blue/' ends in '/', which names a directory: -n takes a network namespace name, or the path of its file", NULL },
	{ { "--batch", "f", "--netns=blue/", NULL }, -EINVAL, 0,
	  "'blue/' ends in '/'", NULL },
	{ { "--level-map", "exact", "--level-map=kernel", "--from-level", "3", NULL },
	  -EINVAL, 0, "option --level-map given twice", NULL },
	{ { "--batch", "a", "--batch", "b", NULL }, -EINVAL, 0,
	  "option --batch given twice", NULL },
	/* options without a value may be repeated */
	{ { "-j", "--json", "-j", "tap0", NULL }, 0, CMD_SHOW, NULL, NULL },
	/* --decode takes no interface: a word before it that is no CHANGE */
	{ { "tap0", "--decode", "link", NULL }, -EINVAL, 0,
	  "--decode takes no interface: 'tap0' is not a CHANGE word", NULL },
	{ { "-j", "eth0", "--decode", NULL }, -EINVAL, 0,
	  "--decode takes no interface: 'eth0'", NULL },
	/* ... also as netifmsg prints it, with its ':' */
	{ { "tap0:", "--decode", "link", NULL }, -EINVAL, 0,
	  "--decode takes no interface: 'tap0:' is not a CHANGE word", NULL },
	{ { "link", "--decode", "+drv", NULL }, 0, CMD_DECODE, NULL, NULL },
	{ { "--decode", "tap0", NULL }, -EINVAL, 0, "unknown message class 'tap0'", NULL },
	{ { "a/b", "--decode", "link", NULL }, -EINVAL, 0, "unknown message class 'a'", NULL },
	/* after --monitor, a '-' word is an option, or comes after -- */
	{ { "--monitor", "tap0", "-link", NULL }, -EINVAL, 0,
	  "unknown option '-link' (--monitor takes interface names; write -- before a name that starts with '-')", NULL },
	{ { "tap0", "-rx_err", "--monitor", NULL }, -EINVAL, 0,
	  "unknown option '-rx_err'", NULL },
	{ { "--monitor", "-j", "tap0", "-x", NULL }, -EINVAL, 0, "exclude each other", NULL },
	{ { "--monitor", "tap0", "--", "-link", NULL }, 0, CMD_MONITOR, NULL, NULL },
	{ { "--monitor", "tap0", "-", NULL }, 0, CMD_MONITOR, NULL, NULL },
	/* -t after IFACE is the option, as netifmsg(8) lists it */
	{ { "--monitor", "tap0", "-t", NULL }, 0, CMD_MONITOR, NULL, NULL },
	{ { "tap0", "+link", "-t", NULL }, -EINVAL, 0,
	  "option -t (--timestamp) needs --monitor", NULL },
	/* a -NAME change before IFACE is read as options: said so */
	{ { "--driver", "tun", "-timer", NULL }, -EINVAL, 0,
	  "'-timer' is read as options before an interface name: a -NAME change goes after it (with --driver alone, '*' names every interface of the driver)",
	  NULL },
	{ { "-link", "tap0", NULL }, -EINVAL, 0,
	  "'-link' is read as options before an interface name", NULL },
	{ { "-bit3", NULL }, -EINVAL, 0,
	  "'-bit3' is read as options before an interface name", NULL },
	/* bit 0's class too */
	{ { "-drv", "tap0", NULL }, -EINVAL, 0,
	  "'-drv' is read as options before an interface name", NULL },
	/* any -CHANGE word: -all, a list, any case */
	{ { "--driver", "tun", "-all", NULL }, -EINVAL, 0,
	  "'-all' is read as options before an interface name", NULL },
	{ { "--driver", "tun", "-link,-timer", NULL }, -EINVAL, 0,
	  "'-link,-timer' is read as options before an interface name", NULL },
	{ { "-ALL", "tap0", NULL }, -EINVAL, 0,
	  "'-ALL' is read as options before an interface name", NULL },
	/* a signed number is no CHANGE word */
	{ { "--driver", "tun", "-0x5", NULL }, -EINVAL, 0, "unknown option '-0'", NULL },
	{ { "-foo", NULL }, -EINVAL, 0, "unknown option '-o'", NULL },
	/* a character, not its first byte; a byte not UTF-8 alone */
	{ { "-j\xc3\xa9", NULL }, -EINVAL, 0, "unknown option '-\xc3\xa9'", NULL },
	{ { "-\xff\xa9", NULL }, -EINVAL, 0, "unknown option '-\xff'", NULL },
	{ { "-jnlink", "tap0", "+link", NULL }, 0, CMD_CHANGE, NULL, NULL },
	{ { "--driver", "tun", "*", "-timer", NULL }, 0, CMD_CHANGE, NULL, NULL },
	/* escapes in IFACE, as text output and messages write them */
	{ { "a\\x1b\\[0mb\\\\", NULL }, 0, CMD_SHOW, NULL, check_escaped_esc },
	/* an unquoted glob character makes a pattern, kept for fnmatch() */
	{ { "a\\x1b[0mb", NULL }, 0, CMD_SHOW, NULL, check_pattern_esc },
	{ { "\\z\\x41\\xc3\\xa9\\x2a\\]\\-\\\\\\x7e\\x7f*", NULL }, 0, CMD_SHOW, NULL,
	  check_pattern_bytes },
	{ { "\\-dash", "+drv", NULL }, 0, CMD_CHANGE, NULL, check_escaped_dash },
	{ { "tap\\x00", NULL }, -EINVAL, 0, "bad escape in interface name 'tap\\x00'", NULL },
	/* found by fuzz_cmdline: a pattern that ends in a cut \x escape */
	{ { "tap*\\x", NULL }, -EINVAL, 0, "bad escape in interface name 'tap*\\x'", NULL },
	{ { "tap*\\x4", NULL }, -EINVAL, 0, "bad escape in interface name", NULL },
	{ { "tap*\\x41", NULL }, 0, CMD_SHOW, NULL, NULL },
	/* a pattern's escapes are a name's: a backslash at the end is bad */
	{ { "tap*\\", NULL }, -EINVAL, 0, "bad escape in interface name 'tap*\\'", NULL },
	{ { "--monitor", "tap*\\", NULL }, -EINVAL, 0, "bad escape in interface name 'tap*\\'", NULL },
	/* the message quotes the pattern as written, not half turned into bytes */
	{ { "\\x41*\\x4", NULL }, -EINVAL, 0, "bad escape in interface name '\\x41*\\x4'", NULL },
	/* found by fuzz_cmdline: --driver and an empty word */
	{ { "--driver", "tun", "", NULL }, -EINVAL, 0, "not a valid interface name", NULL },
	/* found by fuzz_cmdline: an escaped blank in a pattern */
	{ { "2\\x09[[", NULL }, -EINVAL, 0, "is not a valid interface pattern", NULL },
	{ { "tap\\", "+drv", NULL }, -EINVAL, 0, "bad escape in interface name", NULL },
	/* any backslash quotes the next character: "a\b" is "ab" (ESCAPES) */
	{ { "a\\b", NULL }, 0, CMD_SHOW, NULL, check_a_b },
	{ { "a\\\\b", NULL }, 0, CMD_SHOW, NULL, check_a_backslash_b },
	/* the ':' text output puts after a name that ends in a backslash */
	{ { "z\\\\:", "+drv", NULL }, 0, CMD_CHANGE, NULL, check_backslash_end },
	{ { "z\\\\\\:", NULL }, -EINVAL, 0, "'z\\:' is not a valid interface name", NULL },
	{ { "z\\:", NULL }, -EINVAL, 0, "'z:' is not a valid interface name", NULL },
	{ { "a\\x2fb", NULL }, -EINVAL, 0, "'a/b' is not a valid interface name", NULL },
	{ { "--monitor", "x\\y", "\\xzz", NULL }, -EINVAL, 0, "bad escape in interface name '\\xzz'", NULL },
	/* "on" and "off" alone, with no class before them */
	{ { "tap0", "off", NULL }, -EINVAL, 0, "'off' needs a class name before it", NULL },
	{ { "tap0", "on", "+link", NULL }, -EINVAL, 0, "'on' needs a class name before it", NULL },
	/* not read as a class named 'on' turned off */
	{ { "lo", "on", "off", NULL }, -EINVAL, 0, "'on' needs a class name before it (NAME on|off, as ethtool's msglvl)", NULL },
	/* an on or off inside an argument is no class either */
	{ { "--decode", "link on", NULL }, -EINVAL, 0, "'link on': 'on' must be an argument of its own (NAME on|off, as ethtool's msglvl)", NULL },
	{ { "--decode", "drv,Off", "on", NULL }, -EINVAL, 0, "'drv,Off': 'Off' must be an argument of its own", NULL },
	{ { "tap0", "link", "on", "OFF", "on", NULL }, -EINVAL, 0, "'OFF' needs a class name before it", NULL },
	{ { "--decode", "off", "off", NULL }, -EINVAL, 0, "'off' needs a class name before it", NULL },
	/* a list with blanks before on/off: every class of it, as with commas */
	{ { "tap0", "drv link", "off", NULL }, 0, CMD_CHANGE, NULL, check_list_off },
	{ { "tap0", " drv\tlink ", "off", NULL }, 0, CMD_CHANGE, NULL, check_list_off },
	{ { "tap0", "timer probe", "on", NULL }, 0, CMD_CHANGE, NULL, check_list_on },
	/* what -N prints for an empty mask, before on/off: no class */
	{ { "tap0", "none", "off", NULL }, 0, CMD_CHANGE, NULL, check_none_off },
	{ { "tap0", "NONE", "on", NULL }, 0, CMD_CHANGE, NULL, check_none_off },
	{ { "tap0", "drv,none", "off", "link", "off", NULL }, 0, CMD_CHANGE, NULL, check_list_off },
	{ { "tap0", "none", "on", "+none", NULL }, -EINVAL, 0, "'+none': 'none' cannot be turned on or off", NULL },
	/* messages quote the words as written, not their +NAME form */
	{ { "tap0", "drv, link", "off", NULL }, -EINVAL, 0, "empty message class in 'drv, link'", NULL },
	{ { "tap0", "", "on", NULL }, -EINVAL, 0, "empty message class in ''", NULL },
	{ { "tap0", "link,5", "on", NULL }, -EINVAL, 0, "'link,5' before 'on': only class names can be turned on or off (write bitN on)", NULL },
	{ { "tap0", "0x5/0xf", "off", NULL }, -EINVAL, 0, "'0x5/0xf' before 'off': only class names can be turned on or off (write bitN off)", NULL },
	/* --driver with a CHANGE first: every interface of the driver */
	{ { "--driver", "tun", "+link", NULL }, 0, CMD_CHANGE, NULL, check_driver_all_link },
	{ { "--driver", "tun", "+link", "--", "-hw", NULL }, 0, CMD_CHANGE, NULL, check_driver_all_link_hw },
	{ { "--driver", "tun", "+likn", NULL }, 0, CMD_CHANGE, NULL, check_driver_all_unknown },
	{ { "--driver", "tun", "4", NULL }, 0, CMD_CHANGE, NULL, check_driver_all_4 },
	{ { "x:", "+link", NULL }, 0, CMD_CHANGE, NULL, check_iface_x },
	{ { "--driver", "", "tap0", NULL }, -EINVAL, 0, "'' is not a driver name", NULL },
	{ { "--list", "--driver", "tun", NULL }, -EINVAL, 0, "--driver needs a command that talks to the kernel", NULL },
	{ { "--driver", "tun", "--decode", "link", NULL }, -EINVAL, 0, "--driver needs a command that talks to the kernel", NULL },
	{ { "-v", "--from-level", "3", NULL }, -EINVAL, 0, "-v needs a command that talks to the kernel", NULL },
	/* but a --from-level with --driver alone sets every interface of it */
	{ { "--driver", "tun", "--from-level", "3", NULL }, 0, CMD_CHANGE, NULL, NULL },
	{ { "--batch", "f", "--driver", "tun", NULL }, -EINVAL, 0, "--driver goes in the lines of a --batch file, not on its command line", NULL },
	/* --trace: --driver alone is its interfaces; a level replaces +all */
	{ { "--trace", "--driver", "tun", NULL }, 0, CMD_TRACE, NULL, check_trace_driver_all },
	{ { "--trace", "tap0", "--from-level", "1", NULL }, 0, CMD_TRACE, NULL, check_trace_level1 },
	/* --from-level with a CHANGE, and with --decode */
	{ { "tap0", "timer", "--from-level", "1", NULL }, 0, CMD_CHANGE, NULL, check_timer_level1 },
	{ { "--decode", "--from-level", "3", NULL }, 0, CMD_DECODE, NULL, check_decode_level3 },
	{ { "--list", "-x", NULL }, -EINVAL, 0, "--list takes no -x", NULL },
	{ { "--list", "tap0", NULL }, -EINVAL, 0, "--list takes no interface, CHANGE or level", NULL },
	{ { "--list", "--from-level", "3", NULL }, -EINVAL, 0, "--list takes no interface, CHANGE or level", NULL },
	/* the first --decode decides whether a word came before it */
	{ { "--decode", "tap0", "--decode", NULL }, -EINVAL, 0, "unknown message class 'tap0'", NULL },
	/* the first of two mistyped options after --monitor is named */
	{ { "--monitor", "tap0", "-a", "-b", NULL }, -EINVAL, 0, "unknown option '-a' (--monitor takes", NULL },
	/* ... and before one, a word that reads as no short options */
	{ { "--monitor", "-eth0", NULL }, -EINVAL, 0, "unknown option '-eth0' (--monitor takes interface names; write -- before a name that starts with '-')", NULL },
	{ { "--monitor", "-link", "tap0", NULL }, -EINVAL, 0, "unknown option '-link' (--monitor takes", NULL },
	{ { "--monitor", "-nblue", "-jt", NULL }, 0, CMD_MONITOR, NULL, NULL },
	/* ... in whichever order: the word waits until --monitor is known */
	{ { "-eth0", "--monitor", NULL }, -EINVAL, 0, "unknown option '-eth0' (--monitor takes interface names; write -- before a name that starts with '-')", NULL },
	{ { "-timer", "tap0", "--monitor", NULL }, -EINVAL, 0, "unknown option '-timer' (--monitor takes", NULL },
	{ { "-Z", "-j", "--monitor", NULL }, -EINVAL, 0, "unknown option '-Z' (--monitor takes", NULL },
	{ { "-eth0", "--monitor", "--bogus", NULL }, -EINVAL, 0, "unknown option '-eth0' (--monitor takes", NULL },
	{ { "-nblue", "-jt", "--monitor", NULL }, 0, CMD_MONITOR, NULL, NULL },
	/* ... and after an interface name, where it reads as short options */
	{ { "--monitor", "tap0", "-jt", "-nblue", NULL }, 0, CMD_MONITOR, NULL, check_monitor_jt },
	{ { "tap0", "-jt", "-nblue", "--monitor", NULL }, 0, CMD_MONITOR, NULL, check_monitor_jt },
	{ { "tap0", "-link", "--monitor", "-Z", NULL }, -EINVAL, 0, "unknown option '-link' (--monitor takes", NULL },
	/* ... but where one of them takes "--monitor" as its value, there
	 * is no --monitor: the same as with the words before the name */
	{ { "-jn", "--monitor", "tap0", NULL }, 0, CMD_SHOW, NULL, check_netns_monitor },
	{ { "tap0", "-jn", "--monitor", NULL }, 0, CMD_SHOW, NULL, check_netns_monitor },
	{ { "tap0", "-vn", "--monitor", NULL }, 0, CMD_SHOW, NULL, check_netns_monitor },
	{ { "tap0", "-tn", "--monitor", NULL }, -EINVAL, 0, "option -t (--timestamp) needs --monitor", NULL },
	/* without --monitor, the first error is still the word's own */
	{ { "-eth0", NULL }, -EINVAL, 0, "unknown option '-e'", NULL },
	{ { "-eth0", "--bogus", "--monitor", NULL }, -EINVAL, 0, "unknown option '-e'", NULL },
	{ { "-jZ", "-n", NULL }, -EINVAL, 0, "unknown option '-Z'", NULL },
	{ { "--=x", NULL }, -EINVAL, 0, "unknown option '--=x'", NULL },
	{ { "-j-", NULL }, -EINVAL, 0, "unknown option '-' in '-j-'", NULL },
	{ { "-timer", "tap0", NULL }, -EINVAL, 0, "'-timer' is read as options before", NULL },
	/* after "--", "--monitor" is a word (a -NAME change) */
	{ { "--", "-eth0", "--monitor", NULL }, 0, CMD_CHANGE, NULL, NULL },
	/* a ':' alone is kept (no name is left to drop it from) */
	{ { ":", NULL }, -EINVAL, 0, "':' is not a valid interface name", NULL },
	/* a pattern cannot match what no name holds: ':' or a NUL byte */
	{ { "ta:p*", NULL }, -EINVAL, 0, "'ta:p*' is not a valid interface pattern", NULL },
	/* ... named as it was written, not as fnmatch(3) is given it */
	{ { "tap*\\x2f", NULL }, -EINVAL, 0, "'tap*\\x2f' is not a valid interface pattern", NULL },
	{ { "--monitor", "t\\?p*\\x3a", NULL }, -EINVAL, 0, "'t\\?p*\\x3a' is not a valid interface pattern", NULL },
	{ { "tap*\\x00", NULL }, -EINVAL, 0, "bad escape in interface name 'tap*\\x00'", NULL },
	/* --config is a list: twice is two files */
	{ { "--apply", "--config", "a", "--config", "b", NULL }, 0, CMD_APPLY, NULL, check_two_configs },
};

/* Writable copies of the words: @o points into them after parsing. */
static char wbuf[MAXW][2048];
static char *argv[MAXW + 1];	/* NULL-terminated, as main()'s */
static const char *words[MAXW];

static int parse(const char *const *w, struct opts *o,
		 struct cmdline_err *err)
{
	int argc = 0;

	for (; w[argc]; argc++) {
		snprintf(wbuf[argc], sizeof(wbuf[argc]), "%s", w[argc]);
		argv[argc] = wbuf[argc];
	}
	argv[argc] = NULL;
	opts_init(o);
	return cmdline_parse(o, argc, argv, words, CMDLINE_ARGV, err);
}

START_TEST(test_cmdline)
{
	const struct cl_case *c = &cases[_i];
	struct cmdline_err err;
	struct opts o;
	int ret;

	ret = parse(c->words, &o, &err);
	ck_assert_msg(ret == c->ret, "case %d: returned %d, not %d (%s)", _i,
		      ret, c->ret, err.msg);
	if (ret)
		ck_assert_msg(strstr(err.msg, c->msg) != NULL,
			      "case %d: message '%s' lacks '%s'", _i, err.msg,
			      c->msg);
	else
		ck_assert_int_eq(o.cmd, c->cmd);
	if (!ret && c->check)
		c->check(&o);
}
END_TEST

/*
 * CHANGE words on a command line, as netifmsg(8) CHANGES reads them:
 * ethtool's "NAME on|off" after each kind of word, which words after
 * IFACE (or --decode) are options, and --from-level among CHANGE words.
 * A name the table lacks waits for the kernel's after IFACE (job_build()):
 * the cases that expect "unknown message class" there use the ioctl.
 */
static const struct {
	const char *words[MAXW];
	const char *msg;	/* NULL: parses; else part of the message */
	enum command cmd;
	bool has_abs;
	uint32_t abs, on, off;
	enum out_mode mode;
	bool verbose, quiet;
} word_cases[] = {
	/* NAME on|off: +NAME / -NAME, whatever the case of either word */
	{ { "tap0", "link", "on", NULL }, .cmd = CMD_CHANGE, .on = 0x4 },
	{ { "tap0", "LINK", "Off", NULL }, .cmd = CMD_CHANGE, .off = 0x4 },
	{ { "tap0", "netif_msg_link", "ON", NULL }, .cmd = CMD_CHANGE, .on = 0x4 },
	{ { "tap0", "msg_Rx_Err", "OFF", NULL }, .cmd = CMD_CHANGE, .off = 0x40 },
	{ { "tap0", "bit3", "on", NULL }, .cmd = CMD_CHANGE, .on = 0x8 },
	/* bits 15-31 parse; only the transport refuses them (netlink) */
	{ { "tap0", "bit20", "on", NULL }, .cmd = CMD_CHANGE, .on = 0x100000 },
	{ { "tap0", "all", "off", NULL }, .cmd = CMD_CHANGE, .off = 0x7fff },
	{ { "tap0", "ALL", "on", NULL }, .cmd = CMD_CHANGE, .on = 0x7fff },
	{ { "tap0", "link,timer", "on", NULL }, .cmd = CMD_CHANGE, .on = 0xc },
	{ { "tap0", "link", "on", "rx_err", "off", NULL },
	  .cmd = CMD_CHANGE, .on = 0x4, .off = 0x40 },
	/* the later word wins for a bit, as among +/- words */
	{ { "tap0", "link", "off", "link", "on", NULL }, .cmd = CMD_CHANGE, .on = 0x4 },
	{ { "tap0", "link", "on", "-link", NULL }, .cmd = CMD_CHANGE, .off = 0x4 },
	/* on top of an absolute word, wherever it stands */
	{ { "tap0", "0x1", "link", "off", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x1, .off = 0x4 },
	{ { "tap0", "link", "on", "0x1", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x1, .on = 0x4 },
	{ { "tap0", "--from-level", "1", "link", "on", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x3, .on = 0x4 },
	/* on/off must be a word of its own, after a name */
	{ { "--ioctl", "tap0", "link on", NULL }, .msg = "'link on': 'on' must be an argument of its own" },
	{ { "--decode", "link off", NULL }, .msg = "'link off': 'off' must be an argument of its own" },
	{ { "tap0", "bit3", "on", "on", NULL }, .msg = "'on' needs a class name before it" },
	{ { "tap0", "--from-level", "3", "off", NULL },
	  .msg = "'off' needs a class name before it" },
	{ { "tap0", "5", "off", NULL },
	  .msg = "'5' before 'off': only class names can be turned on or off (write bitN off)" },
	{ { "tap0", "bit3,0x10", "on", NULL }, .msg = "'bit3,0x10' before 'on': only class names" },
	{ { "tap0", "link/0xf", "on", NULL }, .msg = "'link/0xf' before 'on': only class names" },
	/* a signed number too, found before the kernel is asked for names */
	{ { "tap0", "+5", "on", NULL },
	  .msg = "'+5' before 'on': only class names can be turned on or off (write bitN on)" },
	{ { "tap0", "-0x4", "OFF", NULL }, .msg = "'-0x4' before 'OFF': only class names" },
	{ { "tap0", "link,+5", "on", NULL }, .msg = "'link,+5' before 'on': only class names" },
	/* other mistakes before on/off: the word quoted as written */
	{ { "--ioctl", "tap0", "+link", "on", NULL },
	  .msg = "'+link' before 'on': +NAME and -NAME take no on or off (write '+link' alone, or NAME on|off)" },
	{ { "tap0", "-link,+timer", "OFF", NULL }, .msg = "(write '-link,+timer' alone," },
	{ { "--decode", "+all", "on", NULL }, .msg = "(write '+all' alone," },
	{ { "--ioctl", "tap0", "+likn", "on", NULL },
	  .msg = "unknown message class '+likn' (did you mean 'link'?)" },
	/* a sign inside the list, found before the kernel is asked for names */
	{ { "tap0", "link,-wol", "on", NULL },
	  .msg = "'link,-wol' before 'on': +NAME and -NAME take no on or off (write +NAME or -NAME alone, or NAME on|off)" },
	{ { "tap0", "link,+likn", "on", NULL }, .msg = "'link,+likn' before 'on': +NAME and -NAME" },
	{ { "tap0", "drv\t+link", "OFF", NULL }, .msg = "'drv\t+link' before 'OFF': +NAME and -NAME" },
	{ { "--decode", "+likn,-wol", "off", NULL }, .msg = "'+likn,-wol' before 'off': +NAME and -NAME" },
	{ { "--ioctl", "tap0", "likn", "on", NULL },
	  .msg = "unknown message class 'likn' (did you mean 'link'?)" },
	/* a CHANGE word where IFACE stands, but not where a name is close */
	{ { "--ioctl", "link", "tap0", NULL },
	  .msg = "unknown message class 'tap0' (IFACE comes first: 'link' is read as the interface)" },
	{ { "--ioctl", "--trace", "+link", "eth0", NULL },
	  .msg = "unknown message class 'eth0' (IFACE comes first: '+link' is read as the interface)" },
	{ { "--ioctl", "none", "likn", NULL },
	  .msg = "unknown message class 'likn' (did you mean 'link'?)" },
	{ { "--ioctl", "tap0", "+link", "xyzzy", NULL },
	  .msg = "unknown message class 'xyzzy'; see 'netifmsg --list'" },
	/* a second interface where a CHANGE word stands: first, unsigned */
	{ { "--ioctl", "tap0", "tap1", NULL },
	  .msg = "unknown message class 'tap1' (one IFACE per command; for several, use a pattern)" },
	{ { "--ioctl", "eth*", "enp3s0", "+link", NULL },
	  .msg = "unknown message class 'enp3s0' (one IFACE per command;" },
	{ { "--ioctl", "--trace", "tap0", "tap1", NULL },
	  .msg = "unknown message class 'tap1' (one IFACE per command; for several, use a pattern)" },
	/* not where the word is no name or a class before on/off */
	{ { "--ioctl", "tap0", "msglvl=5", NULL },
	  .msg = "unknown message class 'msglvl=5'; see 'netifmsg --list'" },
	{ { "--ioctl", "tap0", "tap1", "on", NULL },
	  .msg = "unknown message class 'tap1'; see 'netifmsg --list'" },
	/* the module parameter, as written in modprobe.d */
	{ { "--ioctl", "tap0", "debug=3", NULL },
	  .msg = "unknown message class 'debug=3' (for an old debug level N, write --from-level N)" },
	{ { "--ioctl", "tap0", "Level=7", NULL },
	  .msg = "unknown message class 'Level=7' (for an old debug level N, write --from-level N)" },
	{ { "--ioctl", "tap0", "debugx", NULL },
	  .msg = "unknown message class 'debugx'; see" },
	{ { "--ioctl", "tap0", "+link", "tap1", NULL },
	  .msg = "unknown message class 'tap1'; see 'netifmsg --list'" },
	{ { "--ioctl", "tap0", "+tap1", NULL },
	  .msg = "unknown message class 'tap1'; see 'netifmsg --list'" },
	{ { "--ioctl", "tap0", "xyzzy", NULL },
	  .msg = "unknown message class 'xyzzy'; see 'netifmsg --list'" },
	{ { "--decode", "tap1", NULL },
	  .msg = "unknown message class 'tap1'; see 'netifmsg --list'" },
	/* options given too late: after IFACE, combined; after --, any */
	{ { "--ioctl", "tap0", "-jv", NULL },
	  .msg = "unknown message class 'jv' (after IFACE, --decode or --, '-jv' is a CHANGE word: put options before them)" },
	{ { "--ioctl", "tap0", "-nblue", "-x", NULL },
	  .msg = "unknown message class 'nblue' (after IFACE, --decode or --, '-nblue' is a CHANGE word: put options before them)" },
	{ { "--ioctl", "--", "-odd", "+link", "-v", NULL },
	  .msg = "unknown message class 'v' (after IFACE, --decode or --, '-v' is a CHANGE word: put options before them)" },
	{ { "--ioctl", "--trace", "--", "-odd", "+link", "--for", "1", NULL },
	  .msg = "unknown message class '-for' (after IFACE, --decode or --, '--for' is a CHANGE word: put options before them)" },
	{ { "--ioctl", "tap0", "-vx,+link", NULL },
	  .msg = "unknown message class 'vx'; see 'netifmsg --list'" },
	{ { "--decode", "5", "-jv", NULL },
	  .msg = "unknown message class 'jv' (after IFACE, --decode or --, '-jv' is a CHANGE word: put options before them)" },
	/* a close name says so first: a typo, most likely */
	{ { "--ioctl", "tap0", "-hq", NULL },
	  .msg = "unknown message class 'hq' (did you mean 'hw'?)" },
	{ { "--decode", "+link", "xyzzy", NULL },
	  .msg = "unknown message class 'xyzzy'; see 'netifmsg --list'" },
	{ { "tap0", "link,", "off", NULL }, .msg = "empty message class in 'link,'" },
	/* after IFACE: the exact short options, and "--long" ones */
	{ { "tap0", "-x", "+link", NULL }, .cmd = CMD_CHANGE, .on = 0x4, .mode = OUT_HEX },
	{ { "tap0", "+link", "-j", NULL }, .cmd = CMD_CHANGE, .on = 0x4, .mode = OUT_JSON },
	{ { "tap0", "-N", "-link", NULL }, .cmd = CMD_CHANGE, .off = 0x4, .mode = OUT_NAMES },
	{ { "tap0", "+link", "-v", NULL }, .cmd = CMD_CHANGE, .on = 0x4, .verbose = true },
	{ { "tap0", "-q", "+link", NULL }, .cmd = CMD_CHANGE, .on = 0x4, .quiet = true },
	{ { "tap0", "+link", "--hex", NULL }, .cmd = CMD_CHANGE, .on = 0x4, .mode = OUT_HEX },
	{ { "tap0", "-n", "blue", "-link", NULL }, .cmd = CMD_CHANGE, .off = 0x4 },
	{ { "tap0", "+link", "-h", NULL }, .cmd = CMD_HELP },
	{ { "tap0", "-V", NULL }, .cmd = CMD_VERSION },
	/* ... every other '-' word is a CHANGE, never options */
	{ { "tap0", "-rx_err", NULL }, .cmd = CMD_CHANGE, .off = 0x40 },
	{ { "tap0", "-hw", "-wol", NULL }, .cmd = CMD_CHANGE, .off = 0x6000 },
	{ { "--ioctl", "tap0", "-jv", NULL }, .msg = "unknown message class 'jv'" },
	{ { "--ioctl", "tap0", "-nblue", NULL }, .msg = "unknown message class 'nblue'" },
	{ { "--ioctl", "tap0", "-d", NULL }, .msg = "unknown message class 'd'" },
	{ { "--decode", "-rx_err", "-x", NULL }, .cmd = CMD_DECODE, .off = 0x40, .mode = OUT_HEX },
	{ { "--decode", "-xj", NULL }, .msg = "unknown message class 'xj'" },
	/* after "--" even an exact option is a CHANGE word */
	{ { "--ioctl", "tap0", "--", "-x", NULL }, .msg = "unknown message class 'x'" },
	{ { "--ioctl", "tap0", "--", "-rx_err", "-v", NULL }, .msg = "unknown message class 'v'" },
	{ { "--ioctl", "tap0", "--", "--from-level", "3", NULL },
	  .msg = "unknown message class '-from-level'" },
	{ { "tap0", "+link", "--", "-link", NULL }, .cmd = CMD_CHANGE, .off = 0x4 },
	{ { "tap0", "--", "--", NULL }, .msg = "empty message class in '--'" },
	/* --from-level: an absolute word, anywhere, +/- on top of it */
	{ { "tap0", "--from-level", "3", "-timer", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x3f, .off = 0x8 },
	{ { "tap0", "-timer", "--from-level=3", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x3f, .off = 0x8 },
	{ { "tap0", "--from-level", "-1", "+link", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .on = 0x4 },
	{ { "tap0", "0x1000", "--from-level", "0", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x1001 },
	{ { "tap0", "--from-level", "0", "0x5/0xf", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0x1, .on = 0x5, .off = 0xa },
	{ { "tap0", "--level-map", "kernel", "--from-level", "16", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0xffff },
	{ { "--decode", "--from-level", "7", "-all", NULL },
	  .cmd = CMD_DECODE, .has_abs = true, .abs = 0x1fff, .off = 0x7fff },
	{ { "tap0", "--from-level", "3", "0x5/0xf0", NULL },
	  .msg = "'0x5/0xf0': value bits 0x00000005 are outside the mask" },
	/* a sign as the kernel's debug= takes it: "+3" is 3, "-0" is 0 */
	{ { "--decode", "--from-level", "+3", NULL },
	  .cmd = CMD_DECODE, .has_abs = true, .abs = 0x3f },
	{ { "tap0", "--level-map", "kernel", "--from-level=-0", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0 },
	{ { "--decode", "--from-level", "-0", NULL },
	  .cmd = CMD_DECODE, .has_abs = true, .abs = 0x1 },
	{ { "tap0", "--from-level", "010", NULL }, .msg = "invalid level '010'" },
	{ { "tap0", "--from-level", "+03", NULL }, .msg = "invalid level '+03'" },
	{ { "tap0", "--from-level", "8", "link", NULL },
	  .msg = "level 8 is out of range for the cumulative map" },
	{ { "tap0", "--level-map", "kernel", "--from-level", "-1", "+link", NULL },
	  .msg = "level -1 under the kernel map means the driver's default" },
	/* INT_MAX and INT_MIN fit a driver's debug=: its default, no more */
	{ { "tap0", "--level-map", "kernel", "--from-level", "2147483647", NULL },
	  .msg = "level 2147483647 under the kernel map means the driver's default" },
	{ { "tap0", "--level-map", "kernel", "--from-level=-2147483648", NULL },
	  .msg = "level -2147483648 under the kernel map means the driver's default" },
	/* ... and under the other maps, no messages */
	{ { "tap0", "--from-level=-2147483648", NULL },
	  .cmd = CMD_CHANGE, .has_abs = true, .abs = 0 },
};

START_TEST(test_change_words)
{
	struct cmdline_err err;
	struct opts o;
	int ret;

	ret = parse(word_cases[_i].words, &o, &err);
	if (word_cases[_i].msg) {
		ck_assert_msg(ret == -EINVAL, "case %d: accepted", _i);
		ck_assert_msg(strstr(err.msg, word_cases[_i].msg) != NULL,
			      "case %d: message '%s' lacks '%s'", _i, err.msg,
			      word_cases[_i].msg);
		return;
	}
	ck_assert_msg(ret == 0, "case %d: %s", _i, err.msg);
	ck_assert_int_eq(o.cmd, word_cases[_i].cmd);
	if (o.cmd == CMD_HELP || o.cmd == CMD_VERSION)
		return;
	ck_assert_int_eq(o.job.change.has_abs, word_cases[_i].has_abs);
	ck_assert_uint_eq(o.job.change.abs, word_cases[_i].abs);
	ck_assert_uint_eq(o.job.change.on, word_cases[_i].on);
	ck_assert_uint_eq(o.job.change.off, word_cases[_i].off);
	ck_assert_uint_eq(o.job.unknown, 0);
	ck_assert_int_eq(o.mode, word_cases[_i].mode);
	ck_assert_int_eq(o.verbose, word_cases[_i].verbose);
	ck_assert_int_eq(o.quiet, word_cases[_i].quiet);
}
END_TEST

START_TEST(test_monitor_filter)
{
	static const char *const w[] = {
		"--monitor", "tap0", "-j", "eth1", "\\xff\\x1b", NULL
	};
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_MONITOR);
	ck_assert_int_eq(o.mode, OUT_JSON);
	ck_assert_int_eq(o.nifnames, 3);
	ck_assert_str_eq(o.ifnames[0], "tap0");
	ck_assert_str_eq(o.ifnames[1], "eth1");
	ck_assert_str_eq(o.ifnames[2], "\xff\x1b");
}
END_TEST

/*
 * A name after --monitor is matched with fnmatch(3): its glob characters
 * and backslashes are quoted, so that it matches itself alone.
 */
START_TEST(test_monitor_quote)
{
	static const char *const w[] = {
		"--monitor", "a\\*", "b\\\\c", "d\\?e\\[", NULL
	};
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_MONITOR);
	ck_assert_int_eq(o.nifnames, 3);
	ck_assert_str_eq(o.ifnames[0], "a\\*");
	ck_assert_str_eq(o.ifnames[1], "b\\\\c");
	ck_assert_str_eq(o.ifnames[2], "d\\?e\\[");
}
END_TEST

/*
 * "IFACE msglvl ...": the command to write names IFACE whole, up to an
 * alternative name's length; a command that would not fit is not shown
 * cut (it would name another interface), only what to leave out.
 */
START_TEST(test_msglvl_long_name)
{
	static char name[4 * ALTIFNAMSIZ + 1], want[CMDLINE_ERR_MAX];
	struct cmdline_err err;
	struct opts o;
	int i;

	memset(name, 'a', ALTIFNAMSIZ - 1);
	name[ALTIFNAMSIZ - 1] = '\0';
	ck_assert_int_eq(parse((const char *const[]){ name, "msglvl", "5", NULL }, &o, &err), -EINVAL);
	strcpy(want, "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg ");
	strcat(want, name);
	strcat(want, " 5'");
	ck_assert_str_eq(err.msg, want);
	/* 127 bytes that each print as "\xff": 508 bytes, too long to show */
	name[0] = '\0';
	for (i = 0; i < ALTIFNAMSIZ - 1; i++)
		strcat(name, "\\xff");
	ck_assert_int_eq(parse((const char *const[]){ name, "msglvl", "5", NULL }, &o, &err), -EINVAL);
	ck_assert_str_eq(err.msg, "'msglvl' is ethtool's word, not netifmsg's: write the command without it");
}
END_TEST

/* Up to 31, a level out of the map's range may be a driver's debug=N. */
START_TEST(test_level_hint)
{
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse((const char *const[]){ "--from-level", "31", NULL }, &o, &err), -EINVAL);
	ck_assert_str_eq(err.msg, "level 31 is out of range for the cumulative map (use -1..7; negative means no messages); --level-map kernel reads it as a driver's debug=31 does");
	ck_assert_int_eq(parse((const char *const[]){ "--from-level", "32", NULL }, &o, &err), -EINVAL);
	ck_assert_str_eq(err.msg, "level 32 is out of range for the cumulative map (use -1..7; negative means no messages)");
}
END_TEST

START_TEST(test_batch_options)
{
	static const char *const w[] = {
		"-f", "--level-map=kernel", "-n", "blue", "--batch", "-", NULL
	};
	struct cmdline_err err;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_BATCH);
	ck_assert(o.force);
	ck_assert_int_eq(o.job.more->map, LEVEL_MAP_KERNEL);
	ck_assert_str_eq(o.netns, "blue");
	ck_assert_str_eq(o.batch_file, "-");
}
END_TEST

/* --for SECONDS: decimal, in milliseconds, more than 0, at most a day. */
START_TEST(test_for)
{
	static const struct {
		const char *arg;
		unsigned int ms;	/* 0: refused */
	} c[] = {
		{ "1", 1000 }, { "1.5", 1500 }, { "9.9", 9900 }, { ".25", 250 }, { "2.", 2000 },
		{ "0.001", 1 }, { "0.0001", 1 }, { "0.0019", 1 },
		{ "86400", 86400000 }, { "86400.0009", 86400000 },
		{ "0", 0 }, { "0.0", 0 }, { ".", 0 }, { "", 0 }, { "86400.001", 0 },
		{ "99999999999999999999", 0 }, { "-1", 0 }, { "1e3", 0 },
		{ "1s", 0 }, { " 1", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		const char *w[] = { "--trace", "tap0", "--for", c[i].arg, NULL };
		struct cmdline_err err;
		struct opts o;
		int ret = parse(w, &o, &err);

		ck_assert_msg(ret == (c[i].ms ? 0 : -EINVAL), "--for '%s': %d",
			      c[i].arg, ret);
		if (c[i].ms)
			ck_assert_msg(o.for_ms == c[i].ms, "--for '%s': %u ms",
				      c[i].arg, o.for_ms);
		else
			ck_assert_msg(strstr(err.msg, "invalid --for") && err.hint,
				      "--for '%s': '%s'", c[i].arg, err.msg);
	}
}
END_TEST

/* Commands without IFACE or CHANGE words are left no words at all. */
START_TEST(test_no_words)
{
	static const char *const w[][3] = {
		{ NULL }, { "--list", NULL }, { "--from-level", "3", NULL },
		{ "-j", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		struct cmdline_err err;
		struct opts o;

		ck_assert_int_eq(parse(w[i], &o, &err), 0);
		ck_assert_msg(o.more.nwords == 0, "%s: %d words",
			      w[i][0] ? w[i][0] : "(none)", o.more.nwords);
	}
}
END_TEST

/* --ifindex N: with --apply only, decimal 1 to INT_MAX, alone. */
START_TEST(test_ifindex)
{
	static const struct {
		const char *arg;
		unsigned int ifindex;	/* 0: refused */
	} c[] = {
		{ "1", 1 }, { "42", 42 }, { "2147483647", 2147483647u },
		{ "0", 0 }, { "01", 0 }, { "2147483648", 0 }, { "-1", 0 },
		{ "+1", 0 }, { " 1", 0 }, { "1 ", 0 }, { "0x10", 0 }, { "", 0 },
		{ "99999999999999999999", 0 },
	};
	static const char *const alone[][6] = {
		{ "--apply", "--ifindex", "1", "tap0", NULL },
		{ "--apply", "--ifindex", "1", "--driver", "tun" },
	};
	static const char *const without[] = { "--ifindex", "1", "tap0", NULL };
	struct cmdline_err err;
	struct opts o;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		const char *w[] = { "--apply", "--ifindex", c[i].arg, NULL };
		int ret = parse(w, &o, &err);

		ck_assert_msg(ret == (c[i].ifindex ? 0 : -EINVAL),
			      "--ifindex '%s': %d", c[i].arg, ret);
		if (c[i].ifindex) {
			ck_assert_uint_eq(o.ifindex, c[i].ifindex);
			ck_assert_int_eq(o.cmd, CMD_APPLY);
			ck_assert_ptr_null(o.job.ifname);
		} else {
			ck_assert_msg(strstr(err.msg, "invalid --ifindex") && err.hint,
				      "--ifindex '%s': '%s'", c[i].arg, err.msg);
		}
	}
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(parse(alone[i], &o, &err), -EINVAL);
		ck_assert_str_eq(err.msg, "--ifindex names the interface: no IFACE or --driver with it");
	}
	ck_assert_int_eq(parse(without, &o, &err), -EINVAL);
	ck_assert_str_eq(err.msg, "option --ifindex needs --apply");
}
END_TEST

/* An unknown name is counted, then resolved once the kernel named it. */
START_TEST(test_deferred_names)
{
	static const char *const w[] = { "tap0", "+link,-newclass", "--from-level", "0", NULL };
	struct cmdline_err err;
	struct classnames cn;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_CHANGE);
	ck_assert_uint_eq(o.job.unknown, 1);
	ck_assert_int_eq(o.job.more->nwords, 1);
	ck_assert_str_eq(o.job.more->words[0], "+link,-newclass");
	/* Still unknown: the usual usage error. */
	ck_assert_int_eq(job_build(&o.job, NULL, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown message class 'newclass'"));
	ck_assert(err.hint);
	classnames_init(&cn);
	ck_assert_int_eq(job_build(&o.job, &cn, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown message class 'newclass'"));
	/* Named by the kernel: the whole change, level included. */
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert_int_eq(job_build(&o.job, &cn, &err), 0);
	ck_assert_str_eq(err.msg, "");
	ck_assert_uint_eq(o.job.unknown, 0);
	ck_assert_uint_eq(change_apply(&o.job.change, 0xffff), 0x0005);
}
END_TEST

/* "+NAME on" with a name only the kernel has: the +NAME message, once named. */
START_TEST(test_deferred_sign_on)
{
	static const char *const w[] = { "tap0", "-newclass", "on", NULL };
	struct cmdline_err err;
	struct classnames cn;
	struct opts o;

	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_uint_eq(o.job.unknown, 1);
	classnames_init(&cn);
	ck_assert(msgclass_add_kernel_name(&cn, 15, "newclass"));
	ck_assert_int_eq(job_build(&o.job, &cn, &err), -EINVAL);
	ck_assert_str_eq(err.msg, "'-newclass' before 'on': +NAME and -NAME take no on or off (write '-newclass' alone, or NAME on|off)");
	ck_assert_uint_eq(o.job.unknown, 1);
}
END_TEST

/*
 * A 1000-byte word in any message: the word is cut at 64 bytes with
 * "...", the reason is whole.
 */
START_TEST(test_long_words)
{
	static char big[1001], bign[1001], bigmap[1001], opt[1003], esc[1001];
	static char utf8[1001];
	static const struct {
		const char *words[5];
		const char *before, *after;
	} longs[] = {
		{ { "--ioctl", "tap0", big }, "unknown message class '", "...'; see 'netifmsg --list'" },
		{ { big }, "'", "...' is not a valid interface name" },
		{ { esc }, "bad escape in interface name '", "...' (see ESCAPES in netifmsg(8))" },
		{ { "--monitor", big }, "'", "...' is not a valid interface name" },
		{ { "tap0", bign }, "invalid number '", "...'" },
		{ { "tap0", "+link", "0x1", bign + 500 }, "invalid number '", "...'" },
		{ { "tap0", "--from-level", bign }, "invalid level '", "...'" },
		{ { "--level-map", bigmap }, "unknown level map '", "...' (use cumulative, exact or kernel)" },
		{ { opt }, "unknown option '--", "...'" },
		{ { "-n", big, "tap0" }, "'", "...' is not a valid network namespace name" },
		{ { "--decode", utf8 }, "unknown message class '", "...'; see 'netifmsg --list'" },
		{ { "--driver", big }, "'", "...' is not a driver name" },
		{ { "--trace", "tap0", "--for", big }, "invalid --for '", "...' (use seconds, more than 0 and at most 86400)" },
	};
	struct cmdline_err err;
	struct opts o;
	size_t i;

	memset(big, 'x', sizeof(big) - 1);
	memset(bign, '1', sizeof(bign) - 1);
	bign[0] = '0';
	bign[1] = 'x';
	bign[500] = '0';
	bign[501] = 'x';
	bign[2] = bign[502] = 'g';
	memset(bigmap, 'm', sizeof(bigmap) - 1);
	memset(esc, 'e', sizeof(esc) - 1);
	esc[sizeof(esc) - 2] = '\\';
	memset(opt, 'o', sizeof(opt) - 1);
	opt[0] = opt[1] = '-';
	/* 333 three-byte characters and a byte: cut between characters */
	for (i = 0; i + 3 < sizeof(utf8); i += 3)
		memcpy(utf8 + i, "\xe2\x82\xac", 3);
	for (i = 0; i < sizeof(longs) / sizeof(longs[0]); i++) {
		const char *want_end = longs[i].after;
		const char *q;
		size_t n, quoted;
		int ret = parse(longs[i].words, &o, &err);

		ck_assert_msg(ret == -EINVAL, "case %zu: returned %d", i, ret);
		n = strlen(err.msg);
		ck_assert_msg(strstr(err.msg, longs[i].before) != NULL,
			      "case %zu: '%s'", i, err.msg);
		/* the whole reason, at the end */
		ck_assert_msg(n >= strlen(want_end) &&
			      !strcmp(err.msg + n - strlen(want_end), want_end),
			      "case %zu: '%s' does not end in '%s'", i, err.msg, want_end);
		/* the word quoted is at most 64 bytes */
		q = strstr(err.msg, longs[i].before) + strlen(longs[i].before);
		quoted = strlen(q) - strlen(want_end);
		ck_assert_msg(quoted <= 64 && quoted >= 60, "case %zu: %zu bytes quoted",
			      i, quoted);
		ck_assert_uint_lt(n, sizeof(err.msg) - 1);
	}
	/* a character is never cut in two */
	ck_assert_int_eq(parse(longs[10].words, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "\xe2\x82\xac\xe2\x82\xac...'"));
	ck_assert_ptr_null(strstr(err.msg, "\xe2..."));
	ck_assert_ptr_null(strstr(err.msg, "\x82..."));
	/* a short word is quoted whole */
	ck_assert_int_eq(parse((const char *const[]){ "--decode", "likn", NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "'likn'"));
}
END_TEST

/* The longest value each limit takes, and one byte more. */
START_TEST(test_limits)
{
	static char longest[PATH_MAX + 2];
	static char *args[2 * CMDLINE_CONFIGS_MAX + 4];
	static char dash_n[] = "-n", apply[] = "--apply", config[] = "--config",
		    file[] = "f";
	static const char *w[2 * CMDLINE_CONFIGS_MAX + 4];
	struct cmdline_err err;
	struct opts o;
	int i, argc;

	/* --driver: DRIVER_NAME_MAX - 1 bytes */
	memset(longest, 'd', DRIVER_NAME_MAX - 1);
	longest[DRIVER_NAME_MAX - 1] = '\0';
	ck_assert_int_eq(parse((const char *const[]){ "--driver", longest, "tap0", NULL }, &o, &err), 0);
	ck_assert_int_eq(o.more.ndrivers, 1);
	strcat(longest, "d");
	ck_assert_int_eq(parse((const char *const[]){ "--driver", longest, "tap0", NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a driver name"));

	/* an interface pattern: 255 bytes */
	memset(longest, 'p', 255);
	longest[0] = '*';
	longest[255] = '\0';
	ck_assert_int_eq(parse((const char *const[]){ longest, NULL }, &o, &err), 0);
	ck_assert(o.job.pattern);
	strcat(longest, "p");
	ck_assert_int_eq(parse((const char *const[]){ longest, NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a valid interface pattern"));

	/* -n with a path: PATH_MAX - 1 bytes (parse() copies 2047 at most) */
	memset(longest, 'n', PATH_MAX);
	longest[0] = '/';
	longest[PATH_MAX - 1] = '\0';
	opts_init(&o);
	args[0] = dash_n;
	args[1] = longest;
	args[2] = (char[]){ "tap0" };
	ck_assert_int_eq(cmdline_parse(&o, 3, args, w, CMDLINE_ARGV, &err), 0);
	ck_assert_str_eq(o.netns, longest);
	longest[PATH_MAX - 1] = 'n';
	opts_init(&o);
	ck_assert_int_eq(cmdline_parse(&o, 3, args, w, CMDLINE_ARGV, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a valid network namespace name"));

	/* -n with a name: NAME_MAX bytes, as 'ip netns add' takes */
	memset(longest, 'n', NAME_MAX);
	longest[NAME_MAX] = '\0';
	ck_assert_int_eq(parse((const char *const[]){ "-n", longest, "tap0", NULL }, &o, &err), 0);
	ck_assert_str_eq(o.netns, longest);
	strcat(longest, "n");
	ck_assert_int_eq(parse((const char *const[]){ "-n", longest, "tap0", NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a valid network namespace name"));

	/*
	 * "NAME off" whose +/- form does not fit: an error, never the bare
	 * list read as an absolute change.
	 */
	longest[0] = '\0';
	for (i = 0; i < 128; i++)
		strcat(longest, "drv,");
	strcat(longest, "link");
	ck_assert_int_eq(parse((const char *const[]){ "--decode", longest, "off", NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "too long"));
	longest[4 * 11 - 1] = '\0';	/* 11 times "drv" */
	ck_assert_int_eq(parse((const char *const[]){ "--decode", longest, "off", NULL }, &o, &err), 0);
	/* the +/- form in 511 bytes fits, in 512 it does not (no cut item) */
	strcpy(longest, "link");
	for (i = 0; i < 100; i++)
		strcat(longest, ",drv");
	strcat(longest, ",link");
	ck_assert_int_eq(parse((const char *const[]){ "--decode", longest, "off", NULL }, &o, &err), 0);
	ck_assert_uint_eq(o.job.change.off, 0x5);
	strcpy(longest, "hw");
	for (i = 0; i < 101; i++)
		strcat(longest, ",drv");
	strcat(longest, ",hw");
	ck_assert_int_eq(parse((const char *const[]){ "--decode", longest, "off", NULL }, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "too long"));

	/* --config: CMDLINE_CONFIGS_MAX files */
	args[0] = apply;
	for (i = 0; i < CMDLINE_CONFIGS_MAX + 1; i++) {
		args[1 + 2 * i] = config;
		args[2 + 2 * i] = file;
	}
	argc = 1 + 2 * CMDLINE_CONFIGS_MAX;
	opts_init(&o);
	ck_assert_int_eq(cmdline_parse(&o, argc, args, w, CMDLINE_ARGV, &err), 0);
	ck_assert_uint_eq(o.nconfigs, CMDLINE_CONFIGS_MAX);
	opts_init(&o);
	ck_assert_int_eq(cmdline_parse(&o, argc + 2, args, w, CMDLINE_ARGV, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "more than 16 --config files"));
}
END_TEST

/*
 * msglvl_error()'s form, by the length of the longest names it takes (a
 * -n value of 255 bytes, an IFACE of up to 127): given whole, or not at
 * all (the command without it), never cut; whole up to some length.
 */
START_TEST(test_msglvl_form_cut)
{
	char ns[256], name[128], want[2 * CMDLINE_ERR_MAX];
	const char *w[] = { "-n", ns, name, "msglvl", "5", NULL };
	struct cmdline_err err;
	size_t len, given = 0;
	bool whole = true;
	struct opts o;

	memset(ns, 'a', sizeof(ns) - 1);
	ns[sizeof(ns) - 1] = '\0';
	for (len = 1; len < sizeof(name); len++) {
		memset(name, 'b', len);
		name[len] = '\0';
		ck_assert_int_eq(parse(w, &o, &err), -EINVAL);
		snprintf(want, sizeof(want), "'msglvl' is ethtool's word, not netifmsg's: write 'netifmsg -n %s %s 5'",
			 ns, name);
		if (whole && !strcmp(err.msg, want)) {
			given = len;
			continue;
		}
		whole = false;
		ck_assert_msg(!strcmp(err.msg, "'msglvl' is ethtool's word, not netifmsg's: write the command without it"),
			      "IFACE of %zu bytes: %s", len, err.msg);
	}
	/* Both kinds were seen. */
	ck_assert_uint_gt(given, 0);
	ck_assert(!whole);
}
END_TEST

/*
 * An interface name of 127 bytes (ALTIFNAMSIZ - 1) is one; of 128, none:
 * as IFACE, and before --decode, where a name says it is no CHANGE word.
 */
START_TEST(test_iface_longest)
{
	char name[ALTIFNAMSIZ + 1];
	const char *w[] = { name, "+link", NULL };
	const char *d[] = { name, "--decode", "link", NULL };
	struct cmdline_err err;
	struct opts o;

	memset(name, 'a', ALTIFNAMSIZ - 1);
	name[ALTIFNAMSIZ - 1] = '\0';
	ck_assert_int_eq(parse(w, &o, &err), 0);
	ck_assert_int_eq(o.cmd, CMD_CHANGE);
	ck_assert_uint_eq(strlen(o.job.ifname), ALTIFNAMSIZ - 1);
	ck_assert_int_eq(parse(d, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "--decode takes no interface"));
	name[ALTIFNAMSIZ - 1] = 'a';
	name[ALTIFNAMSIZ] = '\0';
	ck_assert_int_eq(parse(w, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "' is not a valid interface name"));
	ck_assert_int_eq(parse(d, &o, &err), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown message class 'aaa"));
}
END_TEST

/*
 * --monitor matches each name with fnmatch(3): an escaped name of 127
 * glob characters, the longest, is quoted back to the word as typed
 * (254 bytes), matching that name and no other.
 */
START_TEST(test_monitor_glob_longest)
{
	static const char *const globs[] = { "\\*", "\\?", "\\[", "\\\\" };
	char word[2 * ALTIFNAMSIZ + 1], name[ALTIFNAMSIZ];
	const char *w[] = { "--monitor", word, NULL };
	struct cmdline_err err;
	struct opts o;
	unsigned int g, i;

	for (g = 0; g < sizeof(globs) / sizeof(globs[0]); g++) {
		for (i = 0; i < ALTIFNAMSIZ - 1; i++)
			memcpy(word + 2 * i, globs[g], 2);
		word[2 * i] = '\0';
		memset(name, globs[g][1], ALTIFNAMSIZ - 1);
		name[ALTIFNAMSIZ - 1] = '\0';
		ck_assert_int_eq(parse(w, &o, &err), 0);
		ck_assert_int_eq(o.nifnames, 1);
		ck_assert_str_eq(o.ifnames[0], word);
		ck_assert_int_eq(fnmatch(o.ifnames[0], name, 0), 0);
		name[ALTIFNAMSIZ - 2] = '\0';
		ck_assert_int_eq(fnmatch(o.ifnames[0], name, 0), FNM_NOMATCH);
		/* one more is no interface name */
		memcpy(word + 2 * i, globs[g], 3);
		ck_assert_int_eq(parse(w, &o, &err), -EINVAL);
		ck_assert_ptr_nonnull(strstr(err.msg, "is not a valid interface name"));
	}
}
END_TEST

/* @word quoted: its first @at bytes, then "...". */
static void check_cut_at(const char *word, size_t at)
{
	char buf[QUOTE_SIZE], want[QUOTE_SIZE];

	memcpy(want, word, at);
	strcpy(want + at, "...");
	ck_assert_str_eq(quote_word(buf, word, strlen(word)), want);
}

/*
 * A 4-byte character across the cut at QUOTE_MAX is left out whole;
 * bytes that are no UTF-8 are cut at QUOTE_MAX.
 */
START_TEST(test_quote_utf8)
{
	char word[1 + 4 * 20 + 1], buf[QUOTE_SIZE];
	int i;

	/* 'a', then characters at 1, 5, ..., 61 (bytes 61-64), ... */
	word[0] = 'a';
	for (i = 0; i < 20; i++)
		memcpy(word + 1 + 4 * i, "\xf0\x9f\x90\xa7", 4);
	word[sizeof(word) - 1] = '\0';
	check_cut_at(word, 61);
	/* "abcd" first: byte 64 starts a character, the cut is there */
	memcpy(word, "abcd", 4);
	for (i = 0; i < 19; i++)
		memcpy(word + 4 + 4 * i, "\xf0\x9f\x90\xa7", 4);
	word[4 + 4 * 19] = '\0';
	check_cut_at(word, 64);
	/*
	 * No UTF-8: more than three continuation bytes at the cut start no
	 * character there.  The cut stays at QUOTE_MAX, not 3 bytes before.
	 */
	memset(word, 'a', 60);
	memset(word + 60, 0x80, 10);
	word[70] = '\0';
	check_cut_at(word, 64);
	/* ... nor do fewer after ASCII: the 'a' before them is kept. */
	memset(word, 'a', 63);
	memset(word + 63, 0x80, 4);
	word[67] = 'x';
	word[68] = '\0';
	check_cut_at(word, 64);
	/*
	 * A lead byte with four continuation bytes after it starts no
	 * character either (one has three at most): the cut stays at 64.
	 */
	memset(word, 'a', 60);
	word[60] = '\xf0';
	memset(word + 61, 0x80, 6);
	word[67] = '\0';
	check_cut_at(word, 64);
	/* A character that ends at the cut (bytes 62-63) is kept whole. */
	memset(word, 'a', 62);
	memcpy(word + 62, "\xc3\xa9\xc3\xa9", 4);
	word[66] = '\0';
	check_cut_at(word, 64);
	/* A word of 64 bytes exactly is quoted whole, without "...". */
	memset(word, 'a', 64);
	word[64] = '\0';
	ck_assert_str_eq(quote_word(buf, word, strlen(word)), word);
	word[64] = 'b';
	word[65] = '\0';
	check_cut_at(word, 64);
}
END_TEST

static Suite *cmdline_suite(void)
{
	Suite *s = suite_create("cmdline");
	TCase *tc = tcase_create("cmdline");

	tcase_add_loop_test(tc, test_cmdline, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_loop_test(tc, test_change_words, 0,
			    sizeof(word_cases) / sizeof(word_cases[0]));
	tcase_add_test(tc, test_monitor_filter);
	tcase_add_test(tc, test_monitor_quote);
	tcase_add_test(tc, test_level_hint);
	tcase_add_test(tc, test_msglvl_long_name);
	tcase_add_test(tc, test_batch_options);
	tcase_add_test(tc, test_for);
	tcase_add_test(tc, test_no_words);
	tcase_add_test(tc, test_ifindex);
	tcase_add_test(tc, test_deferred_names);
	tcase_add_test(tc, test_deferred_sign_on);
	tcase_add_test(tc, test_long_words);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_quote_utf8);
	tcase_add_test(tc, test_iface_longest);
	tcase_add_test(tc, test_monitor_glob_longest);
	tcase_add_test(tc, test_msglvl_form_cut);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmdline_suite)
