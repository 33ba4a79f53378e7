#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --monitor under a burst: with CAP_NET_ADMIN, a 4000-line -f batch that
# flips one bit gives exactly 4000 monitor lines, in text and JSON (every
# queued notification is read at each wake-up, and the receive buffer is
# raised with SO_RCVBUFFORCE).  Without CAP_NET_ADMIN the buffer is what
# net.core.rmem_max allows, and a monitor that overflows it says so on
# stderr once and goes on.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v ss >/dev/null 2>&1 || missing ss iproute2
setup_ns 2
# tap0 takes the burst; tap1 is the clock: markers and sync changes.
set_mask tap0 0x0
RCVBUF=$((16 * 1024 * 1024))
LOST="netifmsg: monitor: lost notifications (receive buffer overflow)"

# rcvbuf PID: the receive buffer (ss's rb) of PID's netlink socket.
rcvbuf() {
	ip netns exec "$NS" ss -f netlink -m -p 2>/dev/null |
		awk -v p="/$1$" '$3 ~ p { f = 1 }
			f && match($0, /rb[0-9]+/) {
				print substr($0, RSTART + 2, RLENGTH - 2); exit }'
}

# within_rmem_max WHO PID: PID's receive buffer is no more than SO_RCVBUF
# gives (twice $rmem_max, net.core.rmem_max; or twice the usual 208 KiB).
within_rmem_max() {
	local rb
	rb=$(rcvbuf "$2")
	if [ -n "$rb" ] && ((rb <= 2 * rmem_max || rb <= 212992 * 2)); then
		pass "$1: the receive buffer stays within rmem_max ($rb)"
	else
		fail "$1: the receive buffer stays within rmem_max" \
			"rb '$rb', rmem_max $rmem_max"
	fi
}

# drops PID: the notifications the kernel dropped for PID's socket.
drops() {
	ip netns exec "$NS" awk -v p="$1" '$3 == p { print $9; exit }' \
		/proc/net/netlink
}

# --- with CAP_NET_ADMIN (root): nothing lost, by a monitor that runs
# and by one stopped during the burst
start_monitor txt -- -n "$NS" --monitor
start_monitor json -- -n "$NS" --monitor -j tap0 tap1
sync_monitors tap1 "$NIM_TMP/txt.out" "$NIM_TMP/json.out"
check_eq "as root: the receive buffer is raised past rmem_max" \
	"$RCVBUF" "$(rcvbuf "${MON_PIDS[0]}")"
set_mask tap1 0x7000
wait_for "$NIM_TMP/txt.out" '^tap1: 0x00007000 ' || fatal "no start marker"
wait_for "$NIM_TMP/json.out" '"ifname":"tap1",.*"msg_enable":28672,' ||
	fatal "no start marker (json)"
for ((i = 0; i < 2000; i++)); do
	echo "tap0 +drv"
	echo "tap0 -drv"
done >"$NIM_TMP/burst"
# The -j monitor sleeps through the burst: all of it must wait in its
# receive buffer.
kill -STOP "${MON_PIDS[1]}"
check_rc "--batch -f: 4000 changes" 0 nm -f --batch "$NIM_TMP/burst"
kill -CONT "${MON_PIDS[1]}"
set_mask tap1 0x0700
wait_for "$NIM_TMP/txt.out" '^tap1: 0x00000700 ' ||
	fail "text monitor: end marker seen"
wait_for "$NIM_TMP/json.out" '"ifname":"tap1",.*"msg_enable":1792,' ||
	fail "-j monitor: end marker seen"

grep '^tap0: ' "$NIM_TMP/txt.out" >"$NIM_TMP/txt.tap0"
check_lines "text monitor: exactly 4000 lines for 4000 changes" 4000 \
	"$NIM_TMP/txt.tap0"
# Not one lost: each line's "was" is the line before's mask.
check_eq "text monitor: 2000 of them drv, each after none" 2000 \
	"$(grep -c '^tap0: 0x00000001 drv (was 0x00000000 none)$' "$NIM_TMP/txt.tap0")"
check_eq "text monitor: the last one none" "tap0: 0x00000000 none (was 0x00000001 drv)" \
	"$(tail -n 1 "$NIM_TMP/txt.tap0")"
check_eq "-j monitor, stopped during the burst: exactly 4000 lines" 4000 \
	"$(grep -c '"ifname":"tap0"' "$NIM_TMP/json.out")"
check_empty "text monitor: nothing lost, nothing on stderr" "$NIM_TMP/txt.err"
check_empty "-j monitor: nothing lost, nothing on stderr" "$NIM_TMP/json.err"
names=(text -j)
for i in 0 1; do
	kill -TERM "${MON_PIDS[i]}"
	wait "${MON_PIDS[i]}"
	check_eq "${names[i]} monitor: exit status 0 after SIGTERM" 0 "$?"
done
MON_PIDS=()

# --- without CAP_NET_ADMIN: the buffer rmem_max allows, losses said
command -v setpriv >/dev/null 2>&1 || missing setpriv util-linux
start_monitor nocap setpriv --bounding-set=-net_admin -- -n "$NS" --monitor
sync_monitors tap1 "$NIM_TMP/nocap.out"
PID=${MON_PIDS[0]}
capeff=$(sed -n 's/^CapEff:[[:space:]]*//p' "/proc/$PID/status")
if [ -z "$capeff" ] || ((0x$capeff & (1 << 12))); then
	fatal "the monitor still has CAP_NET_ADMIN (CapEff '$capeff')"
fi
rmem_max=$(ip netns exec "$NS" cat /proc/sys/net/core/rmem_max)
if ((2 * rmem_max < RCVBUF)); then
	within_rmem_max "without CAP_NET_ADMIN" "$PID"
fi
# Root of a user namespace of its own has CAP_NET_ADMIN there, but
# SO_RCVBUFFORCE asks for it in the initial user namespace: it too gets
# only what rmem_max allows.
if ((2 * rmem_max < RCVBUF)) && unshare -Ur true 2>/dev/null; then
	start_monitor uns ip netns exec "$NS" unshare -Ur -- --monitor
	sync_monitors tap1 "$NIM_TMP/uns.out"
	within_rmem_max "root of a user namespace" "${MON_PIDS[1]}"
	kill -TERM "${MON_PIDS[1]}"
	wait "${MON_PIDS[1]}"
	MON_PIDS=("$PID")
fi
# Stop it and overflow its buffer, 5000 changes at a time.
kill -STOP "$PID"
head -n 5000 "$NIM_TMP/burst" >"$NIM_TMP/burst5k"
for ((round = 0; round < 40; round++)); do
	nm -f --batch "$NIM_TMP/burst5k" || fatal "a flood batch failed"
	[ "$(drops "$PID")" -gt 0 ] 2>/dev/null && break
done
n=$(drops "$PID")
if [ "${n:-0}" -gt 0 ] 2>/dev/null; then
	pass "without CAP_NET_ADMIN: the kernel dropped $n notifications"
else
	fail "without CAP_NET_ADMIN: the kernel dropped notifications" \
		"drops: '$n' after $((round * 5000)) changes"
fi
# Its buffer is full: this change is lost too, and is tap0's real mask
# before the 0x80 below.
set_mask tap0 0x40
kill -CONT "$PID"
# While it drains its full queue, new notifications may be dropped too:
# change tap1 until one gets through (0x41, 0x42, ...).
went_on=0
for ((try = 1; try < 100; try++)); do
	set_mask tap1 $((0x40 + try))
	sleep 0.2
	if grep -qE '^tap1: 0x000000[4-7][0-9a-f] ' "$NIM_TMP/nocap.out"; then
		went_on=1
		break
	fi
done
if [ "$went_on" = 1 ]; then
	pass "without CAP_NET_ADMIN: the monitor goes on after an overflow"
else
	fail "without CAP_NET_ADMIN: the monitor goes on after an overflow" \
		"last lines of its output:" "$(tail -n 3 "$NIM_TMP/nocap.out")" \
		"its stderr:" "$(cat "$NIM_TMP/nocap.err")"
fi
check_file "without CAP_NET_ADMIN: the overflow said once on stderr" \
	"$LOST" "$NIM_TMP/nocap.err"
# The lost notifications were tap0's: its next line has no "was", or
# the mask it really had (0x40, not the last one the monitor saw).
now=''
ethtool_mask_to now tap0
set_mask tap0 0x80
wait_for "$NIM_TMP/nocap.out" '^tap0: 0x00000080 '
line=
while IFS= read -r l; do
	[[ $l == "tap0: 0x00000080 "* ]] && line=$l
done <"$NIM_TMP/nocap.out"
if [ -n "$line" ] && { [[ $line != *"(was "* ]] || [[ $line == *"(was $now "* ]]; }; then
	pass "without CAP_NET_ADMIN: after the overflow, no stale \"was\" ($line)"
else
	fail "without CAP_NET_ADMIN: after the overflow, no stale \"was\"" \
		"tap0 was $now; the line: '$line'"
fi
kill -TERM "$PID"
wait "$PID"
check_eq "without CAP_NET_ADMIN: exit status 0 after SIGTERM" 0 "$?"
MON_PIDS=()

finish
