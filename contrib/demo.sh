#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make demo (as root): what netifmsg does, step by step, on two tap devices
# in a throwaway network namespace.  Every command is printed before it
# runs, and its exit status (and, where the step says what it expects, its
# output) is checked: a wrong result fails the demo.  Its files (a
# snapshot, a configuration file for --apply) are in a temporary directory,
# never /etc.  The namespace is removed at the end, also on failure or
# Ctrl-C; nothing outside it is touched and no traffic is sent.
#
# Environment: NETIFMSG, the program to show (default: ../src/netifmsg
# next to this script).

set -u

NETIFMSG=${NETIFMSG:-$(cd "$(dirname "$0")/.." && pwd)/src/netifmsg}
NS=netifmsg-demo-$$
NS_MADE=
FAILED=0
TMPD=
MON=

die() {
	echo "demo: $*" >&2
	exit 1
}

[ "$(id -u)" = 0 ] || die "needs root for a network namespace and tap devices: sudo make demo"
[ -x "$NETIFMSG" ] || die "$NETIFMSG not found: run make first"
for tool in ip ethtool; do
	command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed"
done

cleanup() {
	local rc=$?
	trap - EXIT
	if [ -n "$MON" ]; then
		kill "$MON" 2>/dev/null
		wait "$MON"
	fi
	[ -z "$TMPD" ] || rm -rf "$TMPD"
	if [ -n "$NS_MADE" ]; then
		printf '\n# cleaning up\n$ ip netns delete %s\n' "$NS"
		ip netns delete "$NS" || rc=1
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() {
	printf '\n==== %s\n' "$*"
}

note() {
	printf '# %s\n' "$*"
}

# show WORD...: print a command line as the reader would type it.
show() {
	printf '$'
	printf ' %s' "$@"
	printf '\n'
}

netifmsg() {
	"$NETIFMSG" "$@"
}

# run STATUS PROGRAM ARG...: print the command, run it, and check its exit
# status is STATUS ("netifmsg" stands for $NETIFMSG).  Its output (stdout
# and stderr together) is printed and kept in $TMPD/out for want.
# run_sh STATUS LINE: the same for a shell command line (redirections,
# pipes).
run() {
	local want=$1
	shift
	show "$@"
	"$@" >"$TMPD/out" 2>&1
	status "$want" $?
}
run_sh() {
	printf '$ %s\n' "$2"
	eval "$2" >"$TMPD/out" 2>&1
	status "$1" $?
}
status() {
	local want=$1 rc=$2
	cat "$TMPD/out"
	if [ "$rc" != "$want" ]; then
		echo "demo: unexpected exit status $rc (expected $want)" >&2
		FAILED=1
	elif [ "$want" != 0 ]; then
		echo "(exit status $rc)"
	fi
}

# want LINE...: the output of the last command is these lines.  The kernel
# log records a --trace prints ("[ seconds] ...") are left out: the log is
# global, and a tap device writes none by itself.
want() {
	local got
	got=$(grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' "$TMPD/out")
	if [ "$got" != "$(printf '%s\n' "$@")" ]; then
		printf 'demo: unexpected output; expected:\n' >&2
		printf '  %s\n' "$@" >&2
		FAILED=1
	fi
}

# listening PID: wait (at most 10 s) until the monitor PID waits for
# notifications, in ppoll(): it has joined the group and read the masks.
# (Where /proc/PID/wchan does not say, want finds a change it missed.)
listening() {
	local i
	for ((i = 0; i < 200; i++)); do
		grep -q poll "/proc/$1/wchan" 2>/dev/null && return 0
		sleep 0.05
	done
}

# written FILE: wait (at most 10 s) until FILE has a line.
written() {
	local i
	for ((i = 0; i < 200; i++)); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
}

case $NETIFMSG in
/*) ;;
*) NETIFMSG=$PWD/$NETIFMSG ;;
esac
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-demo.XXXXXX") || die "mktemp failed"
cd "$TMPD" || die "cannot enter $TMPD"

step "A throwaway network namespace, $NS, with two tap devices"
show ip netns add "$NS"
ip netns add "$NS" || die "ip netns add failed"
NS_MADE=1
run 0 ip -n "$NS" tuntap add dev tap0 mode tap
run 0 ip -n "$NS" tuntap add dev tap1 mode tap

step "The message classes: kernel bit, mask and the old debug level"
run 0 netifmsg --list

step "Old debug level 3 under each of the three level maps"
run 0 netifmsg --level-map cumulative --from-level 3
want '0x0000003f drv probe link timer ifdown ifup'
run 0 netifmsg --level-map exact --from-level 3
want '0x00000030 ifdown ifup'
run 0 netifmsg --level-map kernel --from-level 3
want '0x00000007 drv probe link'

step "Show every interface of the namespace (lo has no message level)"
run 0 netifmsg -n "$NS"
want 'tap0: 0x00000000 none' 'tap1: 0x00000000 none'

step "An absolute change: the whole mask of tap0 becomes drv,probe,link"
run 0 netifmsg -n "$NS" -v tap0 drv,probe,link
want 'tap0: 0x00000007 drv probe link (changed)'

step "A relative change: ifup on, probe off, every other bit kept"
run 0 netifmsg -n "$NS" -v tap0 +ifup -probe
want 'tap0: 0x00000025 drv link ifup (changed)'

step "The same mask seen by ethtool, the independent peer"
run 0 ip netns exec "$NS" ethtool tap0
run 0 netifmsg -n "$NS" -x tap0
want 0x00000025

step "tap1 from old level 2, then everything as JSON"
run 0 netifmsg -n "$NS" tap1 --from-level 2
run 0 netifmsg -n "$NS" -j
want '[{"ifname":"tap0","ifindex":2,"msg_enable":37,"classes":["drv","link","ifup"]},{"ifname":"tap1","ifindex":3,"msg_enable":15,"classes":["drv","probe","link","timer"]}]'

step "A batch: many lines, one process, one netlink socket"
cat >levels.batch <<'LINES'
# IFACE [CHANGE...] or IFACE --from-level N, one per line
tap0 +timer,-ifup
tap1 none
tap1 --from-level 1 +hw
LINES
run 0 cat levels.batch
run 0 netifmsg -n "$NS" -v --batch levels.batch
want 'tap0: 0x0000000d drv link timer (changed)' \
	'tap1: 0x00000000 none (changed)' \
	'tap1: 0x00002003 drv probe hw (changed)'

step "A misspelt class: a clear message, exit status 2, nothing changed"
run 2 netifmsg -n "$NS" tap0 +likn
run 0 netifmsg -n "$NS" tap0
want 'tap0: 0x0000000d drv link timer'

step "A snapshot: every line naming an interface and its mask is a --batch line"
run_sh 0 "netifmsg -n $NS > snap"
run 0 cat snap
want 'tap0: 0x0000000d drv link timer' 'tap1: 0x00002003 drv probe hw'

step "A pattern, or --driver NAME (as ethtool -i names it), changes many at once"
run_sh 0 "netifmsg -n $NS -v 'tap*' +wol"
want 'tap0: 0x0000400d drv link timer wol (changed)' \
	'tap1: 0x00006003 drv probe hw wol (changed)'
run 0 netifmsg -n "$NS" -x --driver tun none
want 'tap0: 0x00000000' 'tap1: 0x00000000'

step "The snapshot put back, and compared with the masks now"
run 0 netifmsg -n "$NS" -v --batch snap
want 'tap0: 0x0000000d drv link timer (changed)' \
	'tap1: 0x00002003 drv probe hw (changed)'
run_sh 0 "netifmsg -n $NS | diff snap -"

step "--apply sets what a configuration says; a second run changes nothing"
note "without --config: /etc/netifmsg.conf and /etc/netifmsg.d/*.conf, which the"
note "udev rule applies to every interface that appears, at boot too"
run_sh 0 "echo 'tap* +ifup' > taps.conf"
run 0 netifmsg -n "$NS" -v --apply --config taps.conf
want 'tap0: 0x0000002d drv link timer ifup (changed)' \
	'tap1: 0x00002023 drv probe ifup hw (changed)'
run 0 netifmsg -n "$NS" -v --apply --config taps.conf
want 'tap0: 0x0000002d drv link timer ifup (unchanged)' \
	'tap1: 0x00002023 drv probe ifup hw (unchanged)'

step "--monitor prints each change as it happens, whoever makes it (here ethtool)"
printf '$ netifmsg -n %s --monitor tap1 > monitor.out &\n' "$NS"
"$NETIFMSG" -n "$NS" --monitor tap1 >monitor.out 2>&1 &
MON=$!
listening "$MON"
run 0 ip netns exec "$NS" ethtool -s tap1 msglvl hw off
written monitor.out
run 0 kill "$MON"
run 0 wait "$MON"
MON=
run 0 cat monitor.out
want 'tap1: 0x00000023 drv probe ifup (was 0x00002023 drv probe ifup hw)'

step "A debug session: tap1's link messages on for a second, then put back"
note "its kernel log records are shown as they come (a tap device writes none)"
run 0 netifmsg -n "$NS" --trace tap1 +link --for 1
want "netifmsg: tap1: now 0x00000027; if netifmsg is killed, restore with: netifmsg -n $NS tap1 0x00000000/0x00000004" \
	'netifmsg: tap1: restored: 0x00000023 drv probe ifup'
run_sh 0 "ip netns exec $NS ethtool tap1 | grep -o 'message level: .*'"
want 'message level: 0x00000023 (35)'

cleanup_check() {
	if ip netns list | grep -qw -- "$NS"; then
		echo "demo: namespace $NS is still there" >&2
		FAILED=1
	fi
}
trap - EXIT
NS_MADE=
printf '\n==== Done: removing the namespace\n'
run 0 ip netns delete "$NS"
cd / && rm -rf "$TMPD"
cleanup_check
[ "$FAILED" = 0 ] || die "some step did not behave as expected"
echo "demo: all steps behaved as expected; namespace $NS removed"
