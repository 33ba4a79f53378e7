// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for /dev/kmsg records (kmsg.c): the record's fields, and
 * which records are about an interface (netdev_printk()'s prefixes).
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "kmsg.h"

/* kmsg_parse() unescapes in place: a copy of @rec, kept until the next. */
static char *copy(const char *rec)
{
	static char buf[512];

	ck_assert_uint_lt(strlen(rec), sizeof(buf));
	return strcpy(buf, rec);
}

static struct kmsg_record parse_ok(const char *rec)
{
	struct kmsg_record r;

	ck_assert_int_eq(kmsg_parse(copy(rec), strlen(rec), &r), 0);
	return r;
}

START_TEST(test_parse)
{
	struct kmsg_record r;

	r = parse_ok("6,1234,5678901,-;tap0: tun_chr_ioctl cmd 1074025674\n");
	ck_assert_uint_eq(r.level, 6);
	ck_assert_uint_eq(r.facility, 0);
	ck_assert_uint_eq(r.seq, 1234);
	ck_assert_uint_eq(r.usec, 5678901);
	ck_assert_int_eq((int)r.len, (int)strlen("tap0: tun_chr_ioctl cmd 1074025674"));
	ck_assert(!strncmp(r.msg, "tap0: tun_chr_ioctl", 19));
	/* facility in the high bits; dictionary lines after the message */
	r = parse_ok("30,7,1,c,extra;e1000e 0000:00:19.0 eth0: NIC Link is Up\n"
		     " SUBSYSTEM=pci\n DEVICE=+pci:0000:00:19.0\n");
	ck_assert_uint_eq(r.level, 6);
	ck_assert_uint_eq(r.facility, 3);
	ck_assert_int_eq((int)r.len, (int)strlen("e1000e 0000:00:19.0 eth0: NIC Link is Up"));
	/* no trailing newline at all */
	r = parse_ok("7,1,2,-;x");
	ck_assert_int_eq((int)r.len, 1);
	ck_assert_uint_eq(r.level, 7);
	ck_assert_uint_eq(r.facility, 0);
}
END_TEST

/* The largest PRIO taken is UINT_MAX; SEQ and USEC take 64 bits. */
START_TEST(test_parse_large)
{
	struct kmsg_record r;

	r = parse_ok("4294967295,1,2,-;x\n");
	ck_assert_uint_eq(r.level, 7);
	ck_assert_uint_eq(r.facility, 536870911);
	r = parse_ok("6,18000000000000000000,18000000000000000001,-;x\n");
	ck_assert_uint_eq(r.seq, 18000000000000000000ULL);
	ck_assert_uint_eq(r.usec, 18000000000000000001ULL);
	ck_assert_int_eq((int)r.len, 1);
	/* Up to the last value a u64 holds, not 9 short of it. */
	r = parse_ok("6,18446744073709551615,18446744073709551610,-;x\n");
	ck_assert_uint_eq(r.seq, UINT64_MAX);
	ck_assert_uint_eq(r.usec, UINT64_MAX - 5);
}
END_TEST

START_TEST(test_parse_bad)
{
	static const char *const bad[] = {
		"", ";", "6;msg", "6,1;msg", "6,1,2;msg", "x,1,2,-;msg",
		"6,1,2,-", "6,,2,-;m", "6,1,99999999999999999999999,-;m",
		"6,18446744073709551616,2,-;m", "6,1,18446744073709551620,-;m",
		"6,1,2,;msg",
		/* a field that does not end in a comma */
		"6.1,2,-;msg", "6,1.2,-;msg", "6,1,2.-;msg",
		/* found by fuzz_kmsg: facility 2^32 was cut to 0 (the kernel's) */
		"34359738374,1,2,-;tap0: x",
	};
	struct kmsg_record r;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(kmsg_parse(copy(bad[i]), strlen(bad[i]), &r) == -EINVAL,
			      "'%s' accepted", bad[i]);
}
END_TEST

/* @rec about @ifname: the message after the prefix, or NULL. */
static const char *about(const char *rec, const char *ifname)
{
	static char text[256];
	struct kmsg_record r = parse_ok(rec);
	const char *name;
	size_t len, off = kmsg_ifname(&r, &name, &len);

	if (!off || len != strlen(ifname) || memcmp(name, ifname, len))
		return NULL;
	memcpy(text, r.msg + off, r.len - off);
	text[r.len - off] = '\0';
	return text;
}

START_TEST(test_about)
{
	/* no parent: "IFACE: " */
	ck_assert_pstr_eq(about("6,1,2,-;tap0: persist enabled\n", "tap0"),
			  "persist enabled");
	ck_assert_pstr_eq(about("6,1,2,-;tap0: persist enabled\n", "tap1"), NULL);
	ck_assert_pstr_eq(about("6,1,2,-;tap01: x\n", "tap0"), NULL);
	ck_assert_pstr_eq(about("6,1,2,-;xtap0: x\n", "tap0"), NULL);
	/* with a parent: "DRIVER BUS-ID IFACE: " */
	ck_assert_pstr_eq(about("6,1,2,-;e1000e 0000:00:19.0 eth0: NIC Link is Up\n",
				"eth0"), "NIC Link is Up");
	ck_assert_pstr_eq(about("6,1,2,-;e1000e 0000:00:19.0 eth0: NIC Link is Up\n",
				"e1000e"), NULL);
	/* the registration state after the name */
	ck_assert_pstr_eq(about("6,1,2,-;tap0 (unregistering): gone\n", "tap0"),
			  "gone");
	/* not netdev_printk: the first ": " decides */
	ck_assert_pstr_eq(about("6,1,2,-;br0: port 1(tap0) entered blocking state\n",
				"tap0"), NULL);
	ck_assert_pstr_eq(about("6,1,2,-;IPv6: ADDRCONF(NETDEV_CHANGE): tap0: link becomes ready\n",
				"tap0"), NULL);
	ck_assert_pstr_eq(about("6,1,2,-;tap0:no space\n", "tap0"), NULL);
	ck_assert_pstr_eq(about("6,1,2,-;tap0: \n", "tap0"), "");
	ck_assert_pstr_eq(about("6,1,2,-;tap0\n", "tap0"), NULL);
	/* written to /dev/kmsg by user space: facility user (1), local7 (23) */
	ck_assert_pstr_eq(about("14,1,2,-;tap0: persist enabled\n", "tap0"), NULL);
	ck_assert_pstr_eq(about("190,1,2,-;tap0: persist enabled\n", "tap0"), NULL);
}
END_TEST

/* @rec's interface name, as kmsg_ifname() finds it, or NULL. */
static const char *ifname_of(const char *rec)
{
	static char name[256];
	struct kmsg_record r = parse_ok(rec);
	const char *p = NULL;
	size_t len = 0;

	if (!kmsg_ifname(&r, &p, &len))
		return NULL;
	ck_assert_ptr_nonnull(p);
	memcpy(name, p, len);
	name[len] = '\0';
	return name;
}

/* The one name a record can be about, found once for every target. */
START_TEST(test_ifname)
{
	ck_assert_pstr_eq(ifname_of("6,1,2,-;tap0: persist enabled\n"), "tap0");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 eth0: Up\n"),
			  "eth0");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;tap0 (unregistering): gone\n"),
			  "tap0");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;br0: port 1(tap0) entered\n"),
			  "br0");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;t\\x5cb: x\n"), "t\\b");
	/* a '(' in the name is no registration state */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;x(y): x\n"), "x(y)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 x(y): Up\n"),
			  "x(y)");
	/* no name before the ": " */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;: x\n"), NULL);
	ck_assert_pstr_eq(ifname_of("6,1,2,-;tun : x\n"), NULL);
	ck_assert_pstr_eq(ifname_of("6,1,2,-;tap0\n"), NULL);
	ck_assert_pstr_eq(ifname_of("14,1,2,-;tap0: from user space\n"), NULL);
}
END_TEST

/* The kernel escapes '\\', control bytes and bytes from 127 up as \xHH. */
START_TEST(test_escapes)
{
	struct kmsg_record r;

	ck_assert_pstr_eq(about("6,1,2,-;t\\x5cb: persist enabled\n", "t\\b"),
			  "persist enabled");
	ck_assert_pstr_eq(about("6,1,2,-;tr\\xc3\\xa9: up\n", "tr\xc3\xa9"),
			  "up");
	/* a low digit 0 too (a UTF-8 lead byte: \xf0) */
	ck_assert_pstr_eq(about("6,1,2,-;tap0: a\\x09b\\x0ac \\x5cx41 \\xf0\n", "tap0"),
			  "a\tb\nc \\x41 \xf0");
	/* not an escape: left as it is */
	ck_assert_pstr_eq(about("6,1,2,-;tap0: \\xg0 \\x4z \\x4\n", "tap0"),
			  "\\xg0 \\x4z \\x4");
	/* an escape cut by the record's end is not read past it */
	ck_assert_int_eq(kmsg_parse(copy("6,1,2,-;a\\x41"),
				    strlen("6,1,2,-;a\\x4"), &r), 0);
	ck_assert_int_eq((int)r.len, 4);
	ck_assert(!strncmp(r.msg, "a\\x4", 4));
	r = parse_ok("6,1,2,-;\\x41\\x42\n SUBSYSTEM=net\n");
	ck_assert_int_eq((int)r.len, 2);
	ck_assert(!strncmp(r.msg, "AB", 2));
}
END_TEST

/*
 * kmsg_ifname_dyndbg() of @rec: "NAME|DECORATION|TEXT", or NULL where
 * it is no decorated netif_dbg() record.
 */
static const char *dyndbg_of(const char *rec)
{
	static char out[512];
	struct kmsg_record r = parse_ok(rec);
	const char *name = NULL;
	size_t nlen = 0, dlen = 0, off = kmsg_ifname_dyndbg(&r, &dlen, &name, &nlen);

	if (!off)
		return NULL;
	ck_assert_uint_gt(dlen, 0);
	ck_assert_uint_le(off, r.len);
	snprintf(out, sizeof(out), "%.*s|%.*s|%.*s", (int)nlen, name,
		 (int)dlen, r.msg, (int)(r.len - off), r.msg + off);
	return out;
}

#define PARENT	"e1000e 0000:00:19.0 eth0: NIC Link is Up"

/* Every combination of the flags t, m, f, s, l (lib/dynamic_debug.c). */
START_TEST(test_dyndbg_flags)
{
	static const char *const field[] = {
		"e1000e:", "e1000_watchdog_task:",
		"drivers/net/ethernet/intel/e1000e/netdev.c:", "5072:",
	};
	static const char *const tid[] = { "", "[1234] ", "<intr> " };
	char dec[256], rec[512], want[512];
	unsigned int mask, t, k;

	for (t = 0; t < 3; t++) {
		for (mask = 0; mask < 16; mask++) {
			if (!t && !mask)
				continue;
			strcpy(dec, tid[t]);
			for (k = 0; k < 4; k++)
				if (mask & 1U << k)
					strcat(dec, field[k]);
			if (mask)
				strcat(dec, " ");
			snprintf(rec, sizeof(rec), "7,1,2,-;%s" PARENT "\n", dec);
			snprintf(want, sizeof(want), "eth0|%s|NIC Link is Up", dec);
			ck_assert_pstr_eq(dyndbg_of(rec), want);
		}
	}
}
END_TEST

START_TEST(test_dyndbg)
{
	/* the kernel's own shapes */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tun:tun_get_user:1712: virtio_net virtio0 eth1: x\n"),
			  "eth1|tun:tun_get_user:1712: |x");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[0] igb:igb_up: igb 0000:01:00.0 eno1 (unregistering): x\n"),
			  "eno1|[0] igb:igb_up: |x");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;e1000e: e1000e 0000:00:19.0 eth0: \n"),
			  "eth0|e1000e: |");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;e1000e:x.h: e1000e 0000:00:19.0 t\\x5cb: up\n"),
			  "t\\b|e1000e:x.h: |up");
	/* a module's name may start with a digit, a function's not */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;8139cp:cp_interrupt: 8139cp 0000:00:03.0 eth0: intr\n"),
			  "eth0|8139cp:cp_interrupt: |intr");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;3c59x: " PARENT "\n"),
			  "eth0|3c59x: |NIC Link is Up");
	/* no decoration: plain netdev_printk(), read by kmsg_ifname() */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;" PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tap0: persist enabled\n"), NULL);
	/* a device without a parent: netif_dbg() decorates none */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tap0: tap1: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[1234] tap0: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tap0: a b: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tun:tun_get_user:1712: tap0: x\n"), NULL);
	/* not three words before the name */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;tap0: a b c d: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e  0000:00:19.0 eth0: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:  " PARENT "\n"), NULL);
	/* an empty DRIVER or BUS-ID: two words only */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:  0000:00:19.0 eth0: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e  eth0: x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0000:00:19.0 : x\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0000:00:19.0  eth0: x\n"), NULL);
	/* a BUS-ID of one byte is one */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0 eth0: x\n"), "eth0|m: |x");
	/* the fields out of order, twice, or of no field's shape */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;5072:e1000e: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;x.c:e1000e: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;5072:x.c: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;a:b:c: " PARENT "\n"), NULL);
	/* ... also where what follows its first byte has three words */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;a:b:c:" PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;a.c:b.c: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;12:34: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:1ab: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:0ab: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:9ab: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;1ab:2cd: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;e1000-e: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m::12: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;(m): " PARENT "\n"), NULL);
	/* no blank after the fields (the kernel cut a long prefix) */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:f:x.c:12" PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:" PARENT "\n"), NULL);
	/* a thread id of another shape, or not at the start */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[12a] m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[] m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[-1] m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[1234]m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;<irq> m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;<intr>m: " PARENT "\n"), NULL);
	/* ... where the byte after it, no blank, would be a word's first */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[1234]x" PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;<intr>x" PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;x [1234] m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;x m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;[1234]\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m:\n"), NULL);
	/* the prefix is the message's, not the dictionary lines' after it */
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;e1000e:e1000_watchdog_task: e1000e\n"
				    " DEVICE=+pci:0000:00:19.0 eth0: x\n"), NULL);
	/* written by user space */
	ck_assert_pstr_eq(dyndbg_of("15,1,2,-;m: " PARENT "\n"), NULL);
	ck_assert_pstr_eq(dyndbg_of("15,1,2,-;[1] " PARENT "\n"), NULL);
}
END_TEST

/*
 * A name that begins with '(' (dev_valid_name() takes it) is no
 * registration state: only the kernel's netdev_reg_state() words are.
 */
START_TEST(test_ifname_paren)
{
	ck_assert_pstr_eq(ifname_of("6,1,2,-;(b): x\n"), "(b)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 (b): Up\n"),
			  "(b)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 (b) (unregistering): x\n"),
			  "(b)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 eth0 (released): x\n"),
			  "eth0");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0000:00:19.0 (b): x\n"),
			  "(b)|m: |x");
	/*
	 * named as a state ("(dummy)") behind a parent's driver and
	 * bus-id: three words, the last the name; a fourth is the state
	 */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 (dummy): Up\n"),
			  "(dummy)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;virtio_net virtio0 (released): x\n"),
			  "(released)");
	/* two words of 20 bytes, as many as "(unnamed net_device)" */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;virtio_net virtio012 (released): x\n"),
			  "(released)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 (dummy) (released): x\n"),
			  "(dummy)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;(dummy): x\n"), "(dummy)");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;eth0 (dummy): x\n"), "eth0");
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 eth0 (dummy): x\n"),
			  "eth0");
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0000:00:19.0 (dummy): x\n"),
			  "(dummy)|m: |x");
	/* netdev_name() before register_netdev(): no interface's name */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;(unnamed net_device) (uninitialized): x\n"),
			  NULL);
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 (unnamed net_device) (uninitialized): x\n"),
			  NULL);
	ck_assert_pstr_eq(dyndbg_of("7,1,2,-;m: e1000e 0000:00:19.0 (unnamed net_device) (uninitialized): x\n"),
			  NULL);
	/* but an interface of that name, "net_device)", is one */
	ck_assert_pstr_eq(ifname_of("6,1,2,-;e1000e 0000:00:19.0 net_device): x\n"),
			  "net_device)");
}
END_TEST

/* PARENT's record behind @dec, read as a decoration (@taken) or not. */
static void check_decoration(const char *dec, bool taken)
{
	char rec[512], want[512];

	snprintf(rec, sizeof(rec), "7,1,2,-;%s" PARENT "\n", dec);
	snprintf(want, sizeof(want), "eth0|%s|NIC Link is Up", dec);
	ck_assert_pstr_eq(dyndbg_of(rec), taken ? want : NULL);
}

/*
 * The kernel cuts a decoration at 127 bytes (PREFIX_SIZE 128): a longer
 * one of its shape is no decoration, and the record is read by its text
 * alone (netifmsg(8), DEBUG SESSIONS).
 */
START_TEST(test_dyndbg_too_long)
{
	char dec[256];

	/* 127 bytes, the blank included: the longest the kernel writes */
	memset(dec, 'm', 116);
	strcpy(dec + 116, ":f:x.c:12: ");
	ck_assert_uint_eq(strlen(dec), 127);
	check_decoration(dec, true);
	/* one byte more: no decoration the kernel can have written */
	memset(dec, 'm', 117);
	strcpy(dec + 117, ":f:x.c:12: ");
	check_decoration(dec, false);
	/* "[TID] " alone, so too (found by fuzz_kmsg) */
	dec[0] = '[';
	memset(dec + 1, '1', 125);
	strcpy(dec + 126, "] ");
	ck_assert_uint_eq(strlen(dec), 128);
	check_decoration(dec, false);
	strcpy(dec + 2, "] ");	/* "[1] " */
	check_decoration(dec, true);
}
END_TEST

static Suite *kmsg_suite(void)
{
	Suite *s = suite_create("kmsg");
	TCase *tc = tcase_create("records");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_parse_large);
	tcase_add_test(tc, test_parse_bad);
	tcase_add_test(tc, test_about);
	tcase_add_test(tc, test_ifname);
	tcase_add_test(tc, test_escapes);
	tcase_add_test(tc, test_dyndbg_flags);
	tcase_add_test(tc, test_dyndbg);
	tcase_add_test(tc, test_ifname_paren);
	tcase_add_test(tc, test_dyndbg_too_long);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(kmsg_suite)
