#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make demo (as root): what netifmsg does, step by step, on two tap devices
# in a throwaway network namespace.  Every command is printed before it
# runs.  The namespace is removed at the end, also on failure or Ctrl-C;
# nothing outside it is touched and no traffic is sent.
#
# Environment: NETIFMSG, the program to show (default: ../src/netifmsg
# next to this script).

set -u

NETIFMSG=${NETIFMSG:-$(cd "$(dirname "$0")/.." && pwd)/src/netifmsg}
NS=netifmsg-demo-$$
NS_MADE=
FAILED=0
TMPD=

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

# show WORD...: print a command line as the reader would type it.
show() {
	printf '$'
	printf ' %s' "$@"
	printf '\n'
}

# run STATUS PROGRAM ARG...: print the command, run it, and check its exit
# status is STATUS ("netifmsg" stands for $NETIFMSG).
run() {
	local want=$1 rc
	shift
	show "$@"
	if [ "$1" = netifmsg ]; then
		"$NETIFMSG" "${@:2}"
	else
		"$@"
	fi
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "demo: unexpected exit status $rc (expected $want)" >&2
		FAILED=1
	elif [ "$want" != 0 ]; then
		echo "(exit status $rc)"
	fi
}

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-demo.XXXXXX") || die "mktemp failed"

step "A throwaway network namespace, $NS, with two tap devices"
show ip netns add "$NS"
ip netns add "$NS" || die "ip netns add failed"
NS_MADE=1
run 0 ip -n "$NS" tuntap add dev tap0 mode tap
run 0 ip -n "$NS" tuntap add dev tap1 mode tap

step "The message classes: kernel bit, mask and the old debug level"
run 0 netifmsg --list

step "Old debug level 3 under each of the three level maps"
for map in cumulative exact kernel; do
	run 0 netifmsg --level-map "$map" --from-level 3
done

step "Show every interface of the namespace (lo has no message level)"
run 0 netifmsg -n "$NS"

step "An absolute change: the whole mask of tap0 becomes drv,probe,link"
run 0 netifmsg -n "$NS" -v tap0 drv,probe,link

step "A relative change: ifup on, probe off, every other bit kept"
run 0 netifmsg -n "$NS" -v tap0 +ifup -probe

step "The same mask seen by ethtool, the independent peer"
run 0 ip netns exec "$NS" ethtool tap0
run 0 netifmsg -n "$NS" -x tap0

step "tap1 from old level 2, then everything as JSON"
run 0 netifmsg -n "$NS" tap1 --from-level 2
run 0 netifmsg -n "$NS" -j

step "A batch: many lines, one process, one netlink socket"
BATCH=$TMPD/levels.batch
cat >"$BATCH" <<'LINES'
# IFACE [CHANGE...] or IFACE --from-level N, one per line
tap0 +timer,-ifup
tap1 none
tap1 --from-level 1 +hw
LINES
run 0 cat "$BATCH"
run 0 netifmsg -n "$NS" -v --batch "$BATCH"

step "A misspelt class: a clear message, exit status 2, nothing changed"
run 2 netifmsg -n "$NS" tap0 +likn
run 0 netifmsg -n "$NS" tap0

cleanup_check() {
	if ip netns list | grep -qw -- "$NS"; then
		echo "demo: namespace $NS is still there" >&2
		FAILED=1
	fi
}
trap - EXIT
rm -rf "$TMPD"
NS_MADE=
printf '\n==== Done: removing the namespace\n'
run 0 ip netns delete "$NS"
cleanup_check
[ "$FAILED" = 0 ] || die "some step did not behave as expected"
echo "demo: all steps behaved as expected; namespace $NS removed"
