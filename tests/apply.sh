#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --apply and the configuration files (netifmsg.conf(5)) on taps: order
# of lines, absolute then relative lines, patterns, --driver, absent
# interfaces, idempotence (the second run sends no DEBUG_SET), a syntax
# error that applies nothing, show output as configuration, a hotplug
# run of the udev rule's own command line, and the rule itself.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v strace >/dev/null 2>&1 || fatal "strace is needed to count the requests"

setup_ns 4
ip -n "$NS" link add ve0 type veth peer name ve1 || fatal "cannot create a veth pair"
for i in 0 1 2 3; do set_mask "tap$i" 0x0; done
C=$NIM_TMP/conf
mkdir -p "$C"

# sets CMD...: the DEBUG_SET requests CMD sends (strace decodes the
# netlink header; the genl command, 8, is the first byte after it), and
# CMD's exit status where it is not 0: a run that failed before it sent
# anything sent no DEBUG_SET either.  LeakSanitizer cannot work under
# ptrace (it would fail the run): no leak check under strace.
sets() {
	local rc
	no_lsan ip netns exec "$NS" strace -f -qq -xx -s 64 -e trace=sendto,sendmsg \
		-o "$NIM_TMP/strace" "$@" >/dev/null 2>&1
	rc=$?
	grep -o 'nlmsg_type=ethtool[^}]*}, "\\x08' "$NIM_TMP/strace" | wc -l
	[ "$rc" = 0 ] || echo "(exit status $rc)"
}

# --- order: absolute lines set, relative lines adjust, later lines win
cat >"$C/lab.conf" <<'CONF'
# every tap quiet, then some classes for some
tap* none
tap[01] +link,+drv
tap1 -drv +timer
--driver tun tap3 --from-level 1
ghost* +wol
CONF
check_rc "--apply --config lab.conf" 0 nm --apply --config "$C/lab.conf"
check_empty "--apply: quiet without -v" "$OUT"
check_mask "--apply: tap0 (none, +link,+drv)" tap0 0x5
check_mask "--apply: tap1 (none, +link,+drv, -drv +timer)" tap1 0xc
check_mask "--apply: tap2 (none)" tap2 0x0
check_mask "--apply: tap3 (--driver tun, level 1)" tap3 0x3

# --- the answers of the sets lost (the receive fails after they all went
# out): the message says which results are unknown, not just the error.
# /^recvmmsg: 32-bit glibc calls recvmmsg_time64.
for i in 0 1 2 3; do set_mask "tap$i" 0x0; done
set_mask tap1 0x5
echo 'tap* drv,link' >"$C/lost.conf"
check_rc "--apply, receive fails" 1 \
	inject_nm /^recvmmsg ENOBUFS 1 -v --apply --config "$C/lost.conf"
check_grep "--apply, receive fails: message" \
	"netifmsg: No buffer space available: the results of the 3 interfaces from tap0 on are unknown" \
	"$ERR"
check_nogrep "--apply, receive fails: no '(changed)' claimed" \
	"(changed)" "$OUT"
check_grep "--apply, receive fails: tap1 needed no set" \
	"tap1: 0x00000005 drv link (unchanged)" "$OUT"
check_rc "--apply --config lab.conf, again" 0 nm --apply --config "$C/lab.conf"

# --- the drivers' ioctl socket cannot be made (every socket after the
# netlink one fails): said with its own text.  An IFACE that no
# interface has (the kernel says "no device matches name" to its read)
# needs no driver read: no error (it may come later, udev runs again).
echo 'tap* --driver tun +link' >"$C/drvsock.conf"
set_mask tap0 0x0
check_rc "--apply tap0, no socket for the drivers" 1 \
	inject_nm socket EMFILE 2+ --apply --config "$C/drvsock.conf" tap0
check_file "--apply tap0, no socket for the drivers: message" \
	"netifmsg: Too many open files: the interfaces' drivers (--driver) could not be read" "$ERR"
check_mask "--apply tap0, no socket for the drivers: not set" tap0 0x0
check_rc "--apply ghost0, no socket for the drivers" 0 \
	inject_nm socket EMFILE 2+ -v --apply --config "$C/drvsock.conf" ghost0
check_file "--apply ghost0, no socket for the drivers: none read" \
	"netifmsg: ghost0: note: no interface with a message level matches it now" "$ERR"
set_mask tap0 0x5	# as lab.conf has it

# --- idempotence: a second run sends no DEBUG_SET
check_eq "second run: no DEBUG_SET" 0 "$(sets "$NETIFMSG" --apply --config "$C/lab.conf")"
check_eq "a changed tap: one DEBUG_SET" 1 \
	"$(set_mask tap2 0x7; sets "$NETIFMSG" --apply --config "$C/lab.conf")"
check_mask "the changed tap is put back" tap2 0x0
check_rc "-v second run" 0 nm -v --apply --config "$C/lab.conf"
check_out "-v: every selected interface, unchanged" "$(show_line tap0 0x5) (unchanged)
$(show_line tap1 0xc) (unchanged)
$(show_line tap2 0x0) (unchanged)
$(show_line tap3 0x3) (unchanged)"
check_grep "-v: a line that selects nothing is a note" "lab.conf:6: note: selects no interface now" "$ERR"
printf 've0 +link\nghost0 +link\n--driver veth ve0 +drv\n--driver e1000e tap0 +drv\n' \
	>"$C/veth.conf"
check_rc "-v: a line for a veth" 0 nm -v --apply --config "$C/veth.conf"
check_grep "-v: a veth's line says it has no message level" \
	"veth.conf:1: ve0: note: the driver has no message level" "$ERR"
check_grep "-v: a missing interface's line selects nothing" \
	"veth.conf:2: note: selects no interface now" "$ERR"
check_grep "-v: a veth's --driver line says it has no message level" \
	"veth.conf:3: ve0: note: the driver has no message level" "$ERR"
check_grep "-v: a --driver line for a tap of another driver says so" \
	"veth.conf:4: tap0: note: not of driver e1000e" "$ERR"
set_mask tap0 0x7fff
check_rc "-j after a change" 0 nm -j --apply --config "$C/lab.conf"
check_egrep "-j: changed true for tap0" '"ifname":"tap0",[^}]*"changed":true' "$OUT"
check_egrep "-j: changed false for tap1" '"ifname":"tap1",[^}]*"changed":false' "$OUT"
check_json_valid "-j: valid JSON" "$OUT"

# --- only relative lines: they adjust whatever the mask is now
printf 'tap2 +hw\n' >"$C/rel.conf"
set_mask tap2 0x1
check_rc "relative line on 0x1" 0 nm --apply --config "$C/rel.conf"
check_mask "relative line: 0x1 +hw" tap2 0x2001
check_eq "relative line: second run sends nothing" 0 "$(sets "$NETIFMSG" --apply --config "$C/rel.conf")"

# --- an error anywhere applies nothing
printf 'tap0 0x1\n' >"$C/a.conf"
printf 'tap1 0x1\ntap2 likn\n' >"$C/b.conf"
set_mask tap0 0x0
check_rc "syntax error in the second file" 2 nm --apply --config "$C/a.conf" --config "$C/b.conf"
check_grep "syntax error: FILE:LINE" "b.conf:2: unknown message class 'likn'" "$ERR"
check_mask "syntax error: the first file not applied" tap0 0x0
check_rc "a --config file that does not exist" 1 nm --apply --config "$C/nope.conf"
check_grep "no such --config file: named" "nope.conf: No such file or directory" "$ERR"
check_rc "a --config file that does not exist, after one that does" 1 nm --apply --config "$C/a.conf" --config "$C/nope.conf"
check_mask "a --config file that does not exist: the first file not applied" tap0 0x0
check_rc "a --config file that does not exist, before one that does" 1 nm --apply --config "$C/nope.conf" --config "$C/a.conf"
check_grep "no such --config file before another: named" "nope.conf: No such file or directory" "$ERR"
check_mask "a --config file that does not exist: the file after it not applied" tap0 0x0
check_rc "syntax error in the first file" 2 nm --apply --config "$C/b.conf" --config "$C/a.conf"
check_grep "syntax error in the first file: FILE:LINE" "b.conf:2: unknown message class 'likn'" "$ERR"
check_mask "syntax error in the first file: the second file not applied" tap0 0x0
# "-" is standard input, as for --batch, and named as --batch names it.
check_rc "--config - with a syntax error" 2 nm --apply --config - <"$C/b.conf"
check_grep "--config -: <stdin> in the message" "netifmsg: <stdin>:2: unknown message class 'likn'" "$ERR"
printf 'tap0 0x3\n' >"$C/in"
check_rc "--config -" 0 nm --apply --config - <"$C/in"
check_mask "--config -: applied" tap0 0x3

# --- show output is configuration
set_mask tap0 0x15
set_mask tap1 0x2
nm >"$C/saved.conf"
nm -j >"$C/saved.json"
set_mask tap0 0x0
set_mask tap1 0x0
check_rc "show output as configuration" 0 nm --apply --config "$C/saved.conf"
check_mask "show output: tap0" tap0 0x15
check_mask "show output: tap1" tap1 0x2
set_mask tap0 0x0
check_rc "-j output as configuration" 0 nm --apply --config "$C/saved.json"
check_mask "-j output: tap0" tap0 0x15

# --- hotplug: the udev rule's command line for one new interface
printf 'tap* 0x1\nnew* 0x3\n' >"$C/hot.conf"
check_rc "first apply" 0 nm --apply --config "$C/hot.conf"
add_tap new0 || fatal "cannot add new0"
for i in 0 1 2 3; do set_mask "tap$i" 0x7; done
check_rc "--apply -- new0 (what udev runs)" 0 nm --apply --config "$C/hot.conf" -- new0
check_mask "hotplug: new0 set" new0 0x3
for i in 0 1 2 3; do check_mask "hotplug: tap$i untouched" "tap$i" 0x7; done
# A name that begins with '-' is no option after "--".
printf '\\-new1 0x5\n' >>"$C/hot.conf"
add_tap -new1 || fatal "cannot add -new1"
check_rc "--apply -- -new1 (what udev runs)" 0 nm --apply --config "$C/hot.conf" -- -new1
# ethtool takes no interface name that begins with '-': netifmsg reads it.
check_eq "hotplug: -new1 set" 0x00000005 "$(nm -x -- -new1)"
check_mask "hotplug: new0 as it was" new0 0x3
check_rc "--apply ve0 (no message level): nothing, exit 0" 0 nm --apply --config "$C/hot.conf" ve0
check_empty "--apply ve0: no message" "$ERR"
check_rc "--apply lo: nothing, exit 0" 0 nm --apply --config "$C/hot.conf" lo
check_rc "--apply nosuch0: nothing, exit 0" 0 nm --apply --config "$C/hot.conf" nosuch0
check_rc "-v --apply nosuch0 says so" 0 nm -v --apply --config "$C/hot.conf" nosuch0
check_file "-v --apply nosuch0: note" "netifmsg: nosuch0: note: no interface with a message level matches it now" "$ERR"
# Those runs for one IFACE applied no line to another ('tap* 0x1').
for i in 0 1 2 3; do
	check_mask "--apply -new1, ve0, lo, nosuch0: tap$i untouched" "tap$i" 0x7
done
# What udev runs now: --ifindex, and the name is never read as a word.
# 'new*x' as a word would be a pattern for newax too; 'new\x' a name
# with an escape.
printf 'new\\*x 0x6\nnewax 0x1\nnew\\\\x 0x9\n' >"$C/odd.conf"
for n in 'new*x' newax 'new\x'; do
	add_tap "$n" || fatal "cannot add $n"
	set_mask "$n" 0x0
done
check_rc "--apply --ifindex of new*x (what udev runs)" 0 \
	nm --apply --config "$C/odd.conf" --ifindex "$(ifindex_of 'new*x')"
check_mask "--ifindex: new*x set" 'new*x' 0x6
check_mask "--ifindex: newax untouched" newax 0x0
check_rc "--apply --ifindex of new\\x" 0 \
	nm --apply --config "$C/odd.conf" --ifindex "$(ifindex_of 'new\x')"
check_mask "--ifindex: new\\x set" 'new\x' 0x9
check_mask "--ifindex: newax still untouched" newax 0x0
check_rc "--apply --ifindex of lo (no message level): nothing, exit 0" 0 \
	nm -v --apply --config "$C/odd.conf" --ifindex 1
check_file "--ifindex 1: -v says so" "netifmsg: note: no interface with a message level has index 1 now" "$ERR"
check_rc "--apply --ifindex of no interface: nothing, exit 0" 0 \
	nm --apply --config "$C/odd.conf" --ifindex 2147483647
check_rc "--ifindex 0: usage error" 2 nm --apply --config "$C/odd.conf" --ifindex 0
check_rc "--ifindex with IFACE: usage error" 2 \
	nm --apply --config "$C/odd.conf" --ifindex 1 newax
check_rc "--ifindex without --apply: usage error" 2 nm --ifindex 1
check_mask "bad --ifindex: newax untouched" newax 0x0

# --- an alternative name names its interface, as everywhere
if ip -n "$NS" link property add dev tap2 altname nim-alt2; then
	set_mask tap2 0x0
	printf 'nim-alt2 +link\n' >"$C/alt.conf"
	check_rc "--apply: a line with an altname" 0 nm -v --apply --config "$C/alt.conf"
	check_mask "--apply: a line with an altname: set" tap2 0x4
	check_out "--apply: a line with an altname: -v" "$(show_line tap2 0x4) (changed)"
	set_mask tap2 0x0
	check_rc "--apply ALTNAME" 0 nm --apply --config "$C/alt.conf" nim-alt2
	check_mask "--apply ALTNAME: set" tap2 0x4
	set_mask tap2 0x0
	check_rc "--apply NAME, a line with its altname" 0 nm --apply --config "$C/alt.conf" tap2
	check_mask "--apply NAME, a line with its altname: set" tap2 0x4
	# -v's notes about IFACE name the interface by its own name.
	printf 'tap0 +link\n' >"$C/other.conf"
	check_rc "--apply -v ALTNAME, no line for it" 0 \
		nm -v --apply --config "$C/other.conf" nim-alt2
	check_file "--apply -v ALTNAME, no line for it: said by its name" \
		"netifmsg: tap2: note: no configuration line for it" "$ERR"
	check_rc "--apply -v --driver tun ALTNAME, no line for it" 0 \
		nm -v --apply --config "$C/other.conf" --driver tun nim-alt2
	check_file "--apply -v --driver tun ALTNAME, no line for it: said by its name" \
		"netifmsg: tap2: note: no configuration line for an interface with a message level of driver tun" "$ERR"
	check_mask "--apply -v ALTNAME, no line for it: tap2 unchanged" tap2 0x4
else
	fatal "ip link property add altname failed"
fi

# --- --apply --ifindex: what udev runs for one interface does not fail
# while another is renamed (udev renames them as they come, at boot too).
# With a --driver line, that interface's driver alone is read.
# strace slows each ioctl, and rnm0 is renamed on and on meanwhile: the
# name every dump gives it is gone when a driver read would come to it.
add_tap rnm0 || fatal "cannot add rnm0"
set_mask new0 0x0
printf -- '--driver tun new0 +wol\n' >"$C/drv.conf"
(
	i=0
	while ip -n "$NS" link set "rnm$i" name "rnm$((i + 1))" 2>/dev/null; do
		i=$((i + 1))
	done
) &
RNM=$!
# renamed: rnm0 has had another name.
renamed() { ! ip -n "$NS" link show dev rnm0 >/dev/null 2>&1; }
wait_until renamed || fatal "rnm0 is not being renamed"
# slow CMD...: CMD with each ioctl slowed down while rnm is renamed.
slow() {
	no_lsan \
		ip netns exec "$NS" strace -f -qq -o /dev/null -e trace=ioctl \
		-e inject=ioctl:delay_enter=50000 "$NETIFMSG" "$@"
}
# Over the ioctl, the list itself reads each interface's level by name,
# and so finds rnm's name gone in each of its three dumps: the list is
# inconsistent, but has new0 right, which is all --ifindex needs.  IFACE
# by name is as --ifindex for the dump: its index is read first.
printf 'new0 +hw\n' >"$C/hw.conf"
for how in --ifindex IFACE; do
	sel=(new0)
	[ "$how" = --ifindex ] && sel=(--ifindex "$(ifindex_of new0)")
	set_mask new0 0x0
	check_rc "$how, --driver line, another interface renamed meanwhile" 0 \
		slow --apply --config "$C/drv.conf" "${sel[@]}"
	check_empty "$how, another interface renamed meanwhile: no message" "$ERR"
	check_mask "$how, another interface renamed meanwhile: new0 set" new0 0x4000
	set_mask new0 0x0
	check_rc "--ioctl $how, another interface renamed meanwhile" 0 \
		slow --ioctl -v --apply --config "$C/hw.conf" "${sel[@]}"
	check_out "--ioctl $how, another interface renamed meanwhile: -v" \
		"$(show_line new0 0x2000) (changed)"
	check_empty "--ioctl $how, another interface renamed meanwhile: no message" "$ERR"
	check_mask "--ioctl $how, another interface renamed meanwhile: new0 set" new0 0x2000
done
kill "$RNM" 2>/dev/null
wait "$RNM" 2>/dev/null

# --- more interfaces than one run of sets holds (256): every one set,
# across the runs; a run that breaks off at its first receive had sent a
# window (64) of sets, whose results are unknown, and leaves the rest
# unsent, said as such; a second run sends nothing
for ((i = 0; i < 1100; i++)); do
	echo "tuntap add dev apm$i mode tap"
done | ip -n "$NS" -batch - || fatal "creating 1100 taps failed"
for ((i = 0; i < 1100; i++)); do echo "apm$i 0x0"; done >"$C/apm.zero"
nm -q -f --batch "$C/apm.zero" || fatal "cannot zero the apm taps"
echo 'apm* 0x3' >"$C/many.conf"
check_rc "1100 interfaces: the first receive fails" 1 \
	inject_nm /^recvmmsg ENOBUFS 1 --apply --config "$C/many.conf"
check_grep "1100 interfaces, the first receive fails: a window unknown" \
	"netifmsg: No buffer space available: the results of the 64 interfaces from apm0 on are unknown" \
	"$ERR"
check_grep "1100 interfaces, the first receive fails: the rest not sent" \
	"netifmsg: No buffer space available: the changes of the 1036 interfaces from apm64 on were not sent" \
	"$ERR"
check_mask "1100 interfaces, the first receive fails: the window's last set" \
	apm63 0x3
check_mask "1100 interfaces, the first receive fails: none after the window set" \
	apm64 0x0
check_mask "1100 interfaces, the first receive fails: none after the first run set" \
	apm1099 0x0
check_rc "1100 interfaces" 0 nm --apply --config "$C/many.conf"
check_eq "1100 interfaces: each set (netifmsg)" 1100 \
	"$(nm 'apm*' | grep -c ': 0x00000003 drv probe$')"
for i in 0 1023 1024 1099; do
	check_mask "1100 interfaces: apm$i set (ethtool)" "apm$i" 0x3
done
check_eq "1100 interfaces, second run: no DEBUG_SET" 0 \
	"$(sets "$NETIFMSG" --apply --config "$C/many.conf")"

# --- the rule, as built: RUN is this build's netifmsg --apply --ifindex
RULE=${top_builddir:-$top_srcdir}/contrib/90-netifmsg.rules
if [ -f "$RULE" ]; then
	check_egrep "rule: add events of the net subsystem" \
		'^ACTION=="add", SUBSYSTEM=="net", RUN\+="/[^"]*/netifmsg --apply --ifindex \$env\{IFINDEX\}"$' "$RULE"
	command -v udevadm >/dev/null 2>&1 || missing udevadm udev
	if [ -d /run ]; then
		# udevadm test reads the rules directories and writes the
		# device's database entry and tag files (data/n4242,
		# tags/systemd/n4242): give it a /run of its own (a tmpfs, in
		# a mount namespace of its own, entered from the test's
		# netns: a new machine may have no /run/udev to mount on),
		# with our rule in it, so that nothing of the host's udev is
		# changed; on a veth with an ifindex of its own.
		ip -n "$NS" link add ve2 index 4242 type veth peer name ve3 index 4243
		find /run/udev -name n4242 >"$NIM_TMP/udev-before" 2>/dev/null
		ip netns exec "$NS" unshare -m sh -c 'mount --make-rprivate / &&
			mount -t tmpfs netifmsg-test /run &&
			mkdir -p /run/udev/rules.d &&
			cp "$1" /run/udev/rules.d/90-netifmsg-test.rules &&
			exec udevadm test --action=add /sys/class/net/ve2' \
			sh "$RULE" >"$NIM_TMP/udev" 2>&1
		check_egrep "udevadm test: the rule runs netifmsg --apply --ifindex 4242" \
			"run: '/[^']*/netifmsg --apply --ifindex 4242'" "$NIM_TMP/udev"
		check_eq "udevadm test: no file of the host's /run/udev made" \
			"$(cat "$NIM_TMP/udev-before")" \
			"$(find /run/udev -name n4242 2>/dev/null)"
		# An interface gone when udev gets to the rule (deleted at
		# once, or a container's veth moved into its namespace), as
		# a rule before ours that deletes it makes it: its sysfs
		# attributes are gone, the event's index is not, and the
		# RUN line, run, succeeds (nothing to set; on the test's
		# configuration, not the system's).
		ip -n "$NS" link add ve4 index 4244 type veth peer name ve5 index 4245 ||
			fatal "cannot add veth ve4"
		printf 'ACTION=="add", KERNEL=="ve4", PROGRAM="%s link del ve4"\n' \
			"$(command -v ip)" >"$NIM_TMP/10-gone.rules"
		ip netns exec "$NS" unshare -m sh -c 'mount --make-rprivate / &&
			mount -t tmpfs netifmsg-test /run &&
			mkdir -p /run/udev/rules.d &&
			cp "$1" /run/udev/rules.d/90-netifmsg-test.rules &&
			cp "$2" /run/udev/rules.d/10-netifmsg-gone.rules &&
			exec udevadm test --action=add /sys/class/net/ve4' \
			sh "$RULE" "$NIM_TMP/10-gone.rules" >"$NIM_TMP/udev-gone" 2>&1
		run=$(sed -n "s|^run: '/[^']*/netifmsg \(--apply .*\)'\$|\1|p" \
			"$NIM_TMP/udev-gone")
		check_eq "udevadm test, interface gone first: the index is the event's" \
			"--apply --ifindex 4244" "$run"
		read -ra words <<<"$run"
		check_rc "udevadm test, interface gone first: the RUN line succeeds" 0 \
			nm --config "$C/hot.conf" "${words[@]}"
	else
		echo "note: no /run: the rule checked by its text only"
	fi
fi

finish
