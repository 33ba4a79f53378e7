#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --monitor carries the value before each change, "(was 0x... names)" in
# text and "old_msg_enable" in JSON (from one dump at the start, then from
# the notifications themselves), and with -t the time of day; its lines
# stay valid --batch lines.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

setup_ns 2
set_mask tap0 0x1
set_mask tap1 0x0

TXT=$NIM_TMP/txt.out
JSN=$NIM_TMP/json.out
HEX=$NIM_TMP/hex.out
start_monitor txt ip netns exec "$NS" -- --monitor -t
start_monitor json ip netns exec "$NS" -- --monitor -j -t
start_monitor hex ip netns exec "$NS" -- --monitor -x tap0
# The monitors are ready once each printed a change of tap0; tap0 is 0x1
# again before the changes the test looks at.
sync_monitors tap0 "$TXT" "$JSN" "$HEX"
set_mask tap0 0x2
set_mask tap0 0x1
wait_for "$TXT" '^tap0: 0x00000001 drv \(was 0x00000002' || fatal "the monitors did not start"
wait_for "$HEX" '^tap0: 0x00000001 \(was 0x00000002\)$' || fatal "the -x monitor did not start"
check_rc "tap0 0x7" 0 nm tap0 0x7
check_rc "ethtool -s tap0 msglvl link off" 0 et -s tap0 msglvl link off
check_rc "tap0 +wol" 0 nm tap0 +wol
wait_for "$TXT" '^tap0: 0x00004003 ' || fail "the text monitor saw the last change"
wait_for "$JSN" '"msg_enable":16387,' || fail "the JSON monitor saw the last change"
wait_for "$HEX" '^tap0: 0x00004003 ' || fail "the -x monitor saw the last change"
kill "${MON_PIDS[@]}"
wait "${MON_PIDS[@]}" 2>/dev/null
MON_PIDS=()

grep '^tap0: ' "$TXT" >"$TXT.tap0"
check_egrep "text: 0x1 to 0x7, the time of day" \
	'^tap0: 0x00000007 drv probe link \(was 0x00000001 drv\) \(at [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\)$' "$TXT.tap0"
check_egrep "text: 0x7 to 0x3 (by ethtool)" \
	'^tap0: 0x00000003 drv probe \(was 0x00000007 drv probe link\) \(at ' "$TXT.tap0"
check_egrep "text: 0x3 to 0x4003" \
	'^tap0: 0x00004003 drv probe wol \(was 0x00000003 drv probe\) \(at ' "$TXT.tap0"
check_egrep "-x tap0: the masks" '^tap0: 0x00004003 \(was 0x00000003\)$' "$HEX"

command -v python3 >/dev/null 2>&1 || missing python3 python3
check_eq "JSON: old_msg_enable of each change, and a time" "1>7 7>3 3>16387" \
	"$(python3 -c '
import json, sys
seen = []
for line in open(sys.argv[1], "rb"):
    o = json.loads(line.decode("utf-8"))
    assert "time" in o and len(o["time"]) == 15, o
    if o["ifname"] == "tap0":
        seen.append("%s>%s" % (o["old_msg_enable"], o["msg_enable"]))
print(" ".join(seen[-3:]))' "$JSN" 2>&1)"

# A new interface's first change has no earlier value.
start_monitor json ip netns exec "$NS" -- --monitor -j
sync_monitors tap1 "$JSN"
add_tap tap9 || fatal "cannot add tap9"
check_rc "tap9 0x3" 0 nm tap9 0x3
wait_for "$JSN" '"ifname":"tap9",' || fail "the monitor saw tap9"
kill "${MON_PIDS[@]}" 2>/dev/null
wait "${MON_PIDS[@]}" 2>/dev/null
MON_PIDS=()
check_egrep "a new interface: old_msg_enable null" \
	'"ifname":"tap9",.*"old_msg_enable":null' "$JSN"

# A change made after the start has the mask read at the start as its
# "was", also where it is that very mask (a set over the ioctl is
# notified even when it changes nothing).
set_mask tap0 0x5
start_monitor txt ip netns exec "$NS" -- --monitor tap0 tap1
sync_monitors tap1 "$TXT"
check_rc "--ioctl tap0 0x5 (the mask it has)" 0 nm --ioctl tap0 0x5
check_rc "--ioctl tap0 0x5 again" 0 nm --ioctl tap0 0x5
two_lines() { [ "$(grep -c '^tap0: ' "$TXT")" -ge 2 ]; }
wait_until two_lines || fail "the monitor saw both sets"
kill "${MON_PIDS[@]}" 2>/dev/null
wait "${MON_PIDS[@]}" 2>/dev/null
MON_PIDS=()
grep '^tap0: ' "$TXT" >"$TXT.same"
check_file "the mask read at the start, notified after it: was" \
	"tap0: 0x00000005 drv link (was 0x00000005 drv link)
tap0: 0x00000005 drv link (was 0x00000005 drv link)" "$TXT.same"

# Changes made while the monitor starts, after it joined the group and
# before its read of the masks, are queued when that read ends, which
# shows the last of them: the first line of tap0 has no "was" (not the
# mask read), the next chain from it.  strace stops the monitor at its
# second socket (after the join, before the read) while tap0 goes 0x1,
# 0x2, 0x4.  LeakSanitizer cannot run under ptrace.
command -v strace >/dev/null 2>&1 || missing strace strace
set_mask tap0 0x1
: >"$TXT"
: >"$NIM_TMP/start.strace"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
ip netns exec "$NS" strace -qq -o "$NIM_TMP/start.strace" -e trace=socket \
	-e inject=socket:signal=SIGSTOP:when=2 -- "$NETIFMSG" --monitor tap0 >"$TXT" &
MON_PIDS+=($!)
wait_for "$NIM_TMP/start.strace" 'stopped by SIGSTOP' || fatal "strace did not stop the monitor"
set_mask tap0 0x2
set_mask tap0 0x4
kill -CONT "$(pgrep -P "${MON_PIDS[0]}")"
wait_for "$TXT" '^tap0: 0x00000004 ' || fail "the monitor saw the changes made while it started"
set_mask tap0 0x5
wait_for "$TXT" '^tap0: 0x00000005 ' || fail "the monitor saw the change after the start"
# strace waits for its tracee to stop: the monitor is told, not strace.
pkill -TERM -P "${MON_PIDS[0]}"
wait "${MON_PIDS[0]}"
MON_PIDS=()
check_file "two changes while the monitor started: no was, then each chained" \
	"tap0: 0x00000002 probe
tap0: 0x00000004 link (was 0x00000002 probe)
tap0: 0x00000005 drv link (was 0x00000004 link)" "$TXT"

# The monitor's lines are --batch lines: they set what they show.
set_mask tap0 0x0
check_rc "monitor lines as a batch" 0 nm --batch "$TXT.tap0"
check_mask "monitor lines as a batch: the last state" tap0 0x4003

finish
