#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --monitor: monitors in the background (text with -n NETNS, -j, and -N
# with an interface filter) see exactly the changes made with netifmsg,
# ethtool -s and --batch, in order, one line each; nothing for a set that
# changes nothing; a clean exit 0 on SIGTERM and SIGINT, and SIGINT
# ignored at the start (a script's background job) stays so; SIGPIPE and
# SIGXFSZ are ignored; a pipe's reader gone, a socket closed (or reset)
# or a terminal hung up ends it with exit status 0; a filter name
# with an escaped glob character is no pattern; a watched namespace
# deleted (ip netns delete) is watched still; a message another process
# sends to the monitor's socket is no notification; --driver or an
# alternative name without a socket to read with (ulimit -n) fails,
# said.  Bursts and lost
# notifications: tests/monitorburst.sh; signals while blocked:
# tests/monitorstop.sh.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

setup_ns 4
# tap3 is the monitors' clock: markers and sync changes happen on it.
for dev in tap0 tap1 tap2; do
	set_mask "$dev" 0x0
done

TXT=$NIM_TMP/txt.out
JSN=$NIM_TMP/json.out
FLT=$NIM_TMP/filter.out
start_monitor txt "${SIGS_IGNORED[@]}" -- -n "$NS" --monitor
start_monitor json "${SIGS_DEFAULT[@]}" -- -n "$NS" --monitor -j
start_monitor filter -n "$NS" --monitor -N tap1 tap3
sync_monitors tap3 "$TXT" "$JSN" "$FLT"

# The program's sockets are close-on-exec (the other descriptors above 2
# are the test's own, inherited; a valgrind wrapper's are from 1000 up).
nfd=0
for f in /proc/"${MON_PIDS[0]}"/fdinfo/*; do
	fd=${f##*/}
	[ "$fd" -gt 2 ] && [ "$fd" -lt 1000 ] || continue
	case $(readlink /proc/"${MON_PIDS[0]}"/fd/"$fd") in
	socket:*) ;;
	*) continue ;;
	esac
	flags=$(sed -n 's/^flags:[[:space:]]*//p' "$f")
	nfd=$((nfd + 1))
	check_eq "monitor's descriptor $fd ($(readlink /proc/"${MON_PIDS[0]}"/fd/"$fd")) is close-on-exec" \
		1 $(((0$flags & 02000000) != 0))
done
[ "$nfd" -gt 0 ] || fail "monitor's sockets" "none found"

# Markers: tap3 to a value no sync change used; every monitor must see it.
# Each line ends with the mask before the change, "(was ...)": it is
# tested in monitor-was.sh, and left out of the comparisons here.
WAS=' \(was [^)]*\)'
START_TXT="^tap3: 0x00007000 pktdata hw wol($WAS)?\$"
END_TXT="^tap3: 0x00000700 tx_queued intr tx_done($WAS)?\$"
START_JSON='"ifname":"tap3",.*"msg_enable":28672,'
END_JSON='"ifname":"tap3",.*"msg_enable":1792,'
START_NAMES="^tap3: pktdata hw wol($WAS)?\$"
END_NAMES="^tap3: tx_queued intr tx_done($WAS)?\$"
marker() {
	et -s tap3 msglvl "$1" || fatal "ethtool -s tap3 msglvl $1 failed"
	if ! { wait_for "$TXT" "$2" && wait_for "$JSN" "$3" &&
		wait_for "$FLT" "$4"; }; then
		fatal "a monitor missed the marker $1"
	fi
}
marker 0x7000 "$START_TXT" "$START_JSON" "$START_NAMES"

# --- the changes, each with the line it must give (or none)
check_rc "nm tap0 0x5" 0 nm tap0 0x5
check_rc "nm tap0 0x5 again (no change: no notification)" 0 nm tap0 0x5
check_rc "ethtool -s tap1 msglvl 0x3" 0 et -s tap1 msglvl 0x3
check_rc "ethtool -s tap1 msglvl link on" 0 et -s tap1 msglvl link on
check_rc "nm tap2 +wol" 0 nm tap2 +wol
check_rc "nm tap2 +wol again (no change)" 0 nm tap2 +wol
check_rc "nm tap0 -drv" 0 nm tap0 -drv
printf 'tap1 none\ntap2 all\n' >"$NIM_TMP/b"
check_rc "nm --batch: tap1 none, tap2 all" 0 nm --batch "$NIM_TMP/b"
check_rc "nm --from-level 2 tap0" 0 nm --from-level 2 tap0

marker 0x0700 "$END_TXT" "$END_JSON" "$END_NAMES"

# between FILE START END: the lines strictly between the two markers.
between() {
	awk -v s="$2" -v e="$3" '
		$0 ~ e && on { exit }
		on { print }
		$0 ~ s { on = 1 }' "$1" |
		sed -E 's/ \(was [^)]*\)$//; s/,"old_msg_enable":[0-9a-z]+//'
}

between "$TXT" "$START_TXT" "$END_TXT" >"$NIM_TMP/txt.mid"
check_file "text monitor: exactly the changes, in order" \
"$(show_line tap0 0x5)
$(show_line tap1 0x3)
$(show_line tap1 0x7)
$(show_line tap2 0x4000)
$(show_line tap0 0x4)
$(show_line tap1 0x0)
$(show_line tap2 0x7fff)
$(show_line tap0 0xf)" "$NIM_TMP/txt.mid"

between "$FLT" "$START_NAMES" "$END_NAMES" >"$NIM_TMP/filter.mid"
check_file "-N tap1 tap3 monitor: only tap1's changes, 'IFACE: names'" \
"tap1: $(mask_names 0x3)
tap1: $(mask_names 0x7)
tap1: $(mask_names 0x0)" "$NIM_TMP/filter.mid"

between "$JSN" "$START_JSON" "$END_JSON" >"$NIM_TMP/json.mid"
check_lines "-j monitor: one line per change" 8 "$NIM_TMP/json.mid"
n=0
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s\n' "$line" >"$NIM_TMP/obj"
	case $n in
	1) want=$(json_if tap0 0x5) ;;
	2) want=$(json_if tap1 0x3) ;;
	3) want=$(json_if tap1 0x7) ;;
	4) want=$(json_if tap2 0x4000) ;;
	5) want=$(json_if tap0 0x4) ;;
	6) want=$(json_if tap1 0x0) ;;
	7) want=$(json_if tap2 0x7fff) ;;
	8) want=$(json_if tap0 0xf) ;;
	esac
	check_json "-j monitor: line $n is one JSON object" "$want" "$NIM_TMP/obj"
done <"$NIM_TMP/json.mid"

for f in txt json filter; do
	check_empty "$f monitor: nothing on stderr" "$NIM_TMP/$f.err"
done

# --- SIGINT ignored at the start, as the text monitor has it (a script's
# background job): it goes on, and prints the next change
kill -INT "${MON_PIDS[0]}"
et -s tap3 msglvl 0x7100 || fatal "ethtool -s tap3 msglvl 0x7100 failed"
seen_or_ended() { grep -q "^tap3: 0x00007100 " "$TXT" || ended "${MON_PIDS[0]}"; }
wait_until seen_or_ended
check_grep "SIGINT ignored at the start: the monitor goes on" \
	"tap3: 0x00007100 " "$TXT"

# --- SIGPIPE and SIGXFSZ are ignored (the write that would raise them
# fails instead): sent, they leave the monitor running, and it goes on
kill -PIPE "${MON_PIDS[1]}"
kill -XFSZ "${MON_PIDS[1]}"
et -s tap3 msglvl 0x7200 || fatal "ethtool -s tap3 msglvl 0x7200 failed"
seen_or_ended() { grep -q '"msg_enable":29184,' "$JSN" || ended "${MON_PIDS[1]}"; }
wait_until seen_or_ended
check_grep "SIGPIPE and SIGXFSZ sent: the monitor goes on" \
	'"msg_enable":29184,' "$JSN"

# --- clean exit: SIGTERM and SIGINT give exit status 0
kill -TERM "${MON_PIDS[0]}"
wait "${MON_PIDS[0]}"
check_eq "text monitor: exit status 0 after SIGTERM" 0 "$?"
kill -INT "${MON_PIDS[1]}"
wait "${MON_PIDS[1]}"
check_eq "-j monitor: exit status 0 after SIGINT" 0 "$?"
kill -TERM "${MON_PIDS[2]}"
wait "${MON_PIDS[2]}"
check_eq "-N monitor: exit status 0 after SIGTERM" 0 "$?"
MON_PIDS=()

# last_change FILE: a last change of tap3 (the monitor's FILE watches
# it), seen; then the monitor stops: every change before it is in FILE.
last_change() {
	et -s tap3 msglvl 0x7000 || fatal "ethtool -s tap3 msglvl 0x7000 failed"
	wait_for "$1" "^tap3: 0x00007000 " || fatal "the monitor missed tap3's 0x7000"
	kill -TERM "${MON_PIDS[0]}"
	wait "${MON_PIDS[0]}"
	MON_PIDS=()
}

# --- --driver: interfaces of the driver (a tap's is tun) and of
# the names given; no other interface of the driver
DRV=$NIM_TMP/driver.out
start_monitor driver -n "$NS" --monitor --driver tun tap0 tap3
sync_monitors tap3 "$DRV"
check_rc "nm tap1 +hw (not watched)" 0 nm tap1 +hw
check_rc "nm tap0 0x12" 0 nm tap0 0x12
last_change "$DRV"
check_grep "--driver tun: tap0's change" \
	"$(show_line tap0 0x12) (was" "$DRV"
check_nogrep "--driver tun tap0 tap3: not tap1's change" 'tap1: ' "$DRV"
check_empty "--driver monitor: nothing on stderr" "$NIM_TMP/driver.err"
# A notification that waited in the queue while its interface was
# renamed: the driver read at the start decides, not the name's owner now.
start_monitor driver2 -n "$NS" --monitor --driver tun tap0
sync_monitors tap0 "$NIM_TMP/driver2.out"
kill -STOP "${MON_PIDS[0]}"
check_rc "nm tap0 0x11 (the monitor stopped)" 0 nm tap0 0x11
ip -n "$NS" link set tap0 name tapY || fatal "cannot rename tap0"
kill -CONT "${MON_PIDS[0]}"
if wait_for "$NIM_TMP/driver2.out" '^tap0: 0x00000011 '; then
	pass "--driver tun: a change of tap0 read after its rename is printed"
else
	fail "--driver tun: a change of tap0 read after its rename is printed"
fi
kill -TERM "${MON_PIDS[0]}"
wait "${MON_PIDS[0]}"
MON_PIDS=()
ip -n "$NS" link set tapY name tap0 || fatal "cannot rename tapY"
set_mask tap0 0x12
# The same for an interface that came after the start: its driver is
# asked at its first notification, under the name it has now.
start_monitor driver3 -n "$NS" --monitor --driver tun
sync_monitors tap3 "$NIM_TMP/driver3.out"
add_tap tapN || fatal "cannot create tapN"
kill -STOP "${MON_PIDS[0]}"
check_rc "nm tapN 0x9 (the monitor stopped)" 0 nm tapN 0x9
ip -n "$NS" link set tapN name tapM || fatal "cannot rename tapN"
kill -CONT "${MON_PIDS[0]}"
if wait_for "$NIM_TMP/driver3.out" '^tapN: 0x00000009 '; then
	pass "--driver tun: a new tap's first change read after its rename is printed"
else
	fail "--driver tun: a new tap's first change read after its rename is printed"
fi
check_empty "--driver monitor (new tap): nothing on stderr" \
	"$NIM_TMP/driver3.err"
kill -TERM "${MON_PIDS[0]}"
wait "${MON_PIDS[0]}"
MON_PIDS=()
ip -n "$NS" link del tapM || fatal "cannot delete tapM"
# A name that another interface takes between the start's dump and the
# driver's read (by name): the read checks the name's index, and where
# it is another's, the driver is asked again at the first notification.
# strace stops the monitor at its first ioctl (tap0's GDRVINFO, in the
# dump) while tap2 and a veth swap names.  LeakSanitizer cannot run under
# ptrace.
command -v strace >/dev/null 2>&1 || missing strace strace
ip -n "$NS" link add ve0 type veth peer name ve1 || fatal "cannot create a veth pair"
: >"$NIM_TMP/swap.strace"
start_monitor swap env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -qq -o "$NIM_TMP/swap.strace" -e trace=ioctl \
	-e inject=ioctl:signal=SIGSTOP:when=1 -- -n "$NS" --monitor --driver tun
wait_for "$NIM_TMP/swap.strace" 'stopped by SIGSTOP' || fatal "strace did not stop the monitor"
ip -n "$NS" link set tap2 name nim-swap && ip -n "$NS" link set ve0 name tap2 &&
	ip -n "$NS" link set nim-swap name ve0 || fatal "cannot swap tap2's and ve0's names"
kill -CONT "$(pgrep -P "${MON_PIDS[0]}")"
sync_monitors tap3 "$NIM_TMP/swap.out"
check_rc "nm ve0 0x5 (the old tap2)" 0 nm ve0 0x5
et -s tap3 msglvl 0x7000 || fatal "ethtool -s tap3 msglvl 0x7000 failed"
wait_for "$NIM_TMP/swap.out" "^tap3: 0x00007000 " || fatal "the monitor missed tap3's 0x7000"
# strace waits for its tracee to stop: the monitor is told, not strace.
pkill -TERM -P "${MON_PIDS[0]}"
wait "${MON_PIDS[0]}"
MON_PIDS=()
check_grep "--driver tun, tap2 and a veth swap names during the start: the tap's change" \
	've0: 0x00000005 drv link' "$NIM_TMP/swap.out"
check_empty "--driver tun, names swapped during the start: nothing on stderr" \
	"$NIM_TMP/swap.err"
ip -n "$NS" link del tap2 || fatal "cannot delete the veth pair"
ip -n "$NS" link set ve0 name tap2 || fatal "cannot rename ve0 back to tap2"

# --- no socket to read with (a low ulimit -n): said, exit 1, as a show
# says it.  The monitor once ran on printing nothing, or only the first
# interface that changed: with --driver every other notification was
# left out as of an interface not of the driver (at 4 fds the monitor's
# own socket takes the last; at 5 the start's socket holds the last
# during the drivers' reads), and an alternative name (at 4 fds) was
# watched as an interface's own name, which no notification carries.
# Not under the wrapper, which needs fds of its own.
# nofile_ends LIMIT NAME MESSAGE ARGS...: --monitor ARGS ends by itself,
# exit 1, and says MESSAGE.
nofile_ends() {
	local lim=$1 name=$2 msg=$3 i
	shift 3
	ip netns exec "$NS" bash -c 'ulimit -n "$1" && shift && exec "$@"' \
		nofile "$lim" "$NETIFMSG" --monitor "$@" \
		>"$NIM_TMP/nofile.out" 2>"$NIM_TMP/nofile.err" &
	MON_PIDS=($!)
	for ((i = 0; i < 100; i++)); do
		ended "${MON_PIDS[0]}" && break
		set_mask tap1 $((i % 2))
		sleep 0.1
	done
	if ended "${MON_PIDS[0]}"; then
		pass "$name, ulimit -n $lim: the monitor ends"
	else
		fail "$name, ulimit -n $lim: the monitor ends" \
			"still running after 100 changes: $(head -c 300 "$NIM_TMP/nofile.out")"
		kill -TERM "${MON_PIDS[0]}"
	fi
	wait "${MON_PIDS[0]}"
	check_eq "$name, ulimit -n $lim: exit 1" 1 $?
	MON_PIDS=()
	check_grep "$name, ulimit -n $lim: said" "netifmsg: $msg" "$NIM_TMP/nofile.err"
	# Never with a note that it goes on, just before it ends.
	check_nogrep "$name, ulimit -n $lim: no note that it goes on" \
		"first change of each interface has no earlier value" "$NIM_TMP/nofile.err"
}
nofile_ends 4 --driver "monitor: Too many open files" --driver tun
nofile_ends 5 --driver "monitor: Too many open files" --driver tun
if ip -n "$NS" link property add dev tap1 altname nofile-alt; then
	nofile_ends 4 "an alternative name" "nofile-alt: Too many open files" nofile-alt
	ip -n "$NS" link property del dev tap1 altname nofile-alt ||
		fatal "cannot delete tap1's altname"
else
	fatal "ip link property add altname failed"
fi
set_mask tap1 0x0

# --- a name with an escaped glob character or a backslash is that one
# interface, as IFACE is everywhere: not a pattern that matches others too
for dev in 'r*x' rax 'a\b' ab; do
	add_tap "$dev" || fatal "cannot create the tap '$dev'"
done
LIT=$NIM_TMP/literal.out
start_monitor literal -n "$NS" --monitor 'r\*x' 'a\\b' tap3
sync_monitors tap3 "$LIT"
for dev in rax ab 'r\*x' 'a\\b'; do
	check_rc "nm $dev +drv" 0 nm "$dev" +drv
done
last_change "$LIT"
check_grep "literal filter: r*x's change" 'r\*x: 0x00000001 drv' "$LIT"
check_grep "literal filter: a\\b's change" 'a\\b: 0x00000001 drv' "$LIT"
check_nogrep "literal filter: not rax's change" 'rax: ' "$LIT"
check_nogrep "literal filter: not ab's change" 'ab: ' "$LIT"

# --- an alternative name watches its interface (notifications carry the
# interface's own name), a long one too
ALT=$NIM_TMP/alt.out
LONGALT=an-alternative-name-of-40-bytes-xxxxxxx
if ip -n "$NS" link property add dev tap1 altname mon-alt1 &&
   ip -n "$NS" link property add dev tap2 altname "$LONGALT"; then
	start_monitor alt -n "$NS" --monitor mon-alt1 "$LONGALT" tap3
	sync_monitors tap3 "$ALT"
	set_mask tap1 0x4
	set_mask tap2 0x8
	set_mask tap0 0x10
	# Renamed, it is still the interface the altname named; another
	# given its old name is not.
	ip -n "$NS" link set dev tap1 name mon-rn1 &&
		ip -n "$NS" link set dev tap0 name tap1 ||
		fatal "cannot rename tap1 and tap0"
	set_mask mon-rn1 0x80
	set_mask tap1 0x100
	last_change "$ALT"
	ip -n "$NS" link set dev tap1 name tap0 &&
		ip -n "$NS" link set dev mon-rn1 name tap1 ||
		fatal "cannot rename tap1 and mon-rn1 back"
	check_grep "altname filter: tap1's change" 'tap1: 0x00000004 link' "$ALT"
	check_grep "long altname filter: tap2's change" 'tap2: 0x00000008 timer' "$ALT"
	check_nogrep "altname filter: not tap0's change" 'tap0: ' "$ALT"
	check_grep "altname filter: its interface renamed" 'mon-rn1: 0x00000080 tx_err' "$ALT"
	check_nogrep "altname filter: not another with its old name" 'tap1: 0x00000100' "$ALT"
	# A notification that comes while the altname is asked for is no
	# answer: strace holds the question back (sendto 2) while tap0
	# changes.  strace writes a call's line as the call enters.
	: >"$NIM_TMP/race.strace"
	start_monitor race env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -qq -o "$NIM_TMP/race.strace" -e trace=sendto \
		-e inject=sendto:delay_enter=1000000:when=2 -- \
		-n "$NS" --monitor mon-alt1 tap3
	for ((try = 0; try < 750; try++)); do
		[ "$(grep -c '^sendto(' "$NIM_TMP/race.strace")" -ge 2 ] && break
		sleep 0.02
	done
	[ "$try" -lt 750 ] || fatal "the monitor did not ask for its altname"
	set_mask tap0 0x20
	sync_monitors tap3 "$NIM_TMP/race.out"
	set_mask tap1 0x40
	et -s tap3 msglvl 0x7000 || fatal "ethtool -s tap3 msglvl 0x7000 failed"
	wait_for "$NIM_TMP/race.out" "^tap3: 0x00007000 " ||
		fatal "the monitor missed tap3's 0x7000"
	# strace waits for its tracee to stop: the monitor is told, not strace.
	pkill -TERM -P "${MON_PIDS[0]}"
	wait "${MON_PIDS[0]}"
	MON_PIDS=()
	check_grep "altname asked for during a change: tap1 watched" 'tap1: 0x00000040 rx_err' "$NIM_TMP/race.out"
	check_nogrep "altname asked for during a change: not tap0" 'tap0: ' "$NIM_TMP/race.out"
else
	fatal "ip link property add altname failed"
fi

# --- a pipe sees each line as it comes (line-buffered output): head gets
# its line (it waits for no more), and once head is gone netifmsg ends by
# itself with exit status 0, with SIGPIPE or without (then EPIPE).
for sigpipe in default ignored; do
	PIPE_OUT=$NIM_TMP/pipe.out
	rm -f "$NIM_TMP/pipe.pid" "$NIM_TMP/pipe.rc" "$PIPE_OUT"
	(
		[ "$sigpipe" = ignored ] && trap '' PIPE
		sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$NIM_TMP/pipe.pid" \
			"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor tap2 |
			head -n 1 >"$PIPE_OUT"
		echo "${PIPESTATUS[0]}" >"$NIM_TMP/pipe.rc"
	) &
	PIPE_PID=$!
	wait_until test -s "$NIM_TMP/pipe.pid" ||
		fatal "the monitor into head did not start in 20 s"
	MON_PIDS+=("$(cat "$NIM_TMP/pipe.pid")")
	for ((try = 0; try < 300; try++)); do
		et -s tap2 msglvl $((0x100 << (try % 2)))
		sleep 0.05
		[ -s "$PIPE_OUT" ] && break
	done
	# The changes start before the monitor surely has: a change made
	# while it starts has no "was" (MONITOR in netifmsg(8)).
	check_egrep "--monitor | head -n 1 (SIGPIPE $sigpipe): the line got through the pipe" \
		'^tap2: 0x00000(100 tx_queued|200 intr)( \(was 0x[0-9a-f]{8}[ a-z_]*\))?$' "$PIPE_OUT"
	wait_until test -s "$NIM_TMP/pipe.rc"
	check_eq "--monitor | head -n 1 (SIGPIPE $sigpipe): netifmsg ends, exit 0" \
		0 "$(cat "$NIM_TMP/pipe.rc" 2>/dev/null)"
	kill_monitors
	wait "$PIPE_PID"
	MON_PIDS=()
done

# --- the other end of its output gone otherwise: a socket closed, or a
# terminal hung up (SIGHUP ignored, as a script can start it): the
# monitor, running by then, ends by itself with exit status 0, nothing
# said.  Also a terminal that hangs up while a write to it is blocked
# (nobody reads it): write() says EIO there, where a hang-up
# while it waits is POLLHUP.  It once said "write error: Input/output
# error", exit status 1.  100 taps changed 40 times are 4000 lines: far
# more than a pty holds.
command -v python3 >/dev/null 2>&1 || missing python3 python3
for ((i = 0; i < 100; i++)); do
	printf 'tuntap add dev hup%02d mode tap\n' "$i"
done | ip -n "$NS" -batch - || fatal "cannot create the hup taps"
for out in socket terminal "terminal (in a write)"; do
	python3 - "$out" "$NS" "$NETIFMSG" "${NIM_WRAPPER[@]}" "$NETIFMSG" \
		-n "$NS" --monitor 'hup*' >"$NIM_TMP/hup.out" 2>&1 <<'EOF'
import os, pty, signal, socket, subprocess, sys, time
how, ns, nm = sys.argv[1:4]
busy = how.startswith("terminal (")
if how == "socket":
    mine, its = (s.detach() for s in socket.socketpair())
else:
    mine, its = pty.openpty()
p = subprocess.Popen(sys.argv[4:], stdout=its, stderr=subprocess.PIPE,
                     preexec_fn=lambda: signal.signal(signal.SIGHUP,
                                                      signal.SIG_IGN))
os.close(its)
time.sleep(1 if busy else 0.5)
for i in range(40 if busy else 0):
    subprocess.run([nm, "-n", ns, "hup*", "+hw" if i % 2 == 0 else "-hw"],
                   check=True, stdout=subprocess.DEVNULL)
time.sleep(1 if busy else 0)
print("running" if p.poll() is None else "ended early: %s" % p.poll())
os.close(mine)
try:
    print("exit status %s" % p.wait(timeout=20))
except subprocess.TimeoutExpired:
    p.kill()
    print("still running 20 s later")
sys.stdout.write(p.stderr.read().decode(errors="replace"))
EOF
	check_file "--monitor, the other end of its $out gone: running, then exit 0, silent" \
		$'running\nexit status 0' "$NIM_TMP/hup.out"
done
for ((i = 0; i < 100; i++)); do
	printf 'link del dev hup%02d\n' "$i"
done | ip -n "$NS" -batch - || fatal "cannot delete the hup taps"

# --- a datagram socket's other end closed: the monitor ends at the next
# line it writes (write() says ECONNREFUSED there, where a stream socket
# says EPIPE), exit status 0, nothing said.  It once said "write error:
# Connection refused", exit status 1.
python3 - "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor tap2 \
	>"$NIM_TMP/dgram.out" 2>&1 <<'EOF'
import socket, subprocess, sys
ns = sys.argv[1]
mine, its = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
p = subprocess.Popen(sys.argv[2:], stdout=its, stderr=subprocess.PIPE)
its.close()
mine.settimeout(0.05)
def change(i):
    subprocess.run(["ip", "netns", "exec", ns, "ethtool", "-s", "tap2",
                    "msglvl", str(0x100 << (i % 2))], check=True)
for i in range(400):
    change(i)
    try:
        mine.recv(4096)
        print("a line")
        break
    except socket.timeout:
        pass
mine.close()
for i in range(400):
    change(i + 1)
    try:
        print("exit status %s" % p.wait(timeout=0.05))
        break
    except subprocess.TimeoutExpired:
        pass
else:
    p.kill()
    print("still running after 400 changes")
    p.wait()
sys.stdout.write(p.stderr.read().decode(errors="replace"))
EOF
check_file "--monitor, its datagram socket's other end closed: exit 0, silent" \
	$'a line\nexit status 0' "$NIM_TMP/dgram.out"

# --- a reader that reset its connection (a TCP reader that closes with
# data unread: write() says ECONNRESET) is gone, as a pipe's: the monitor
# ends at the line it cannot write, exit status 0, nothing said.  It once
# said "write error: Connection reset by peer", exit status 1.  strace
# fails the writes to the output file.
env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	ip netns exec "$NS" strace -qq -o /dev/null -P "$NIM_TMP/reset.out" \
	-e trace=write -e inject=write:error=ECONNRESET \
	"$NETIFMSG" --monitor tap2 >"$NIM_TMP/reset.out" 2>"$NIM_TMP/reset.err" &
pid=$!
# Waiting in ppoll(), it has joined its group and read the masks.
wait_until pgrep -P "$pid" >/dev/null || fatal "strace did not start the monitor"
wait_until sleeps_polling "$(pgrep -P "$pid")" || fatal "the monitor did not start"
et -s tap2 msglvl 0x5 && et -s tap2 msglvl 0x6 || fatal "ethtool -s tap2 failed"
wait "$pid"
check_eq "--monitor, its reader's connection reset: exit 0" 0 "$?"
check_empty "--monitor, its reader's connection reset: nothing said" "$NIM_TMP/reset.err"

# --- output that cannot be written: the monitor stops at the first
# notification it cannot print, exit status 1 and "write error".
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor tap2 >/dev/full \
	2>"$NIM_TMP/full.err" &
MON_PID=$!
MON_PIDS+=("$MON_PID")
for ((try = 0; try < 300; try++)); do
	et -s tap2 msglvl $((0x100 << (try % 2)))
	sleep 0.05
	ended "$MON_PID" && break
done
if ended "$MON_PID"; then
	wait "$MON_PID"
	check_eq "--monitor >/dev/full: exit status 1" 1 "$?"
else
	fail "--monitor >/dev/full: stops" "still running after 300 changes"
	kill -KILL "$MON_PID"
	wait "$MON_PID" 2>/dev/null
fi
check_file "--monitor >/dev/full: message" \
	"netifmsg: write error: No space left on device" "$NIM_TMP/full.err"
MON_PIDS=()

# --- the watched namespace deleted (ip netns delete): its name goes, the
# namespace lives on while the monitor runs in it, and is watched still
DEL=$NS-del
NIM_EXTRA_NS+=("$DEL")
ip netns add "$DEL" && ip -n "$DEL" tuntap add dev tdel mode tap ||
	fatal "cannot make the namespace $DEL"
start_monitor del -n "$DEL" --monitor tdel
MON_PID=${MON_PIDS[-1]}
for ((try = 0; try < 300; try++)); do
	ip netns exec "$DEL" ethtool -s tdel msglvl $((1 + try % 2))
	sleep 0.05
	[ -s "$NIM_TMP/del.out" ] && break
done
[ -s "$NIM_TMP/del.out" ] || fatal "the monitor of $DEL did not start"
ip netns delete "$DEL" || fatal "ip netns delete $DEL failed"
nsenter --net="/proc/$MON_PID/ns/net" ethtool -s tdel msglvl 0x4000 ||
	fatal "cannot change tdel in the deleted namespace"
wait_for "$NIM_TMP/del.out" '^tdel: 0x00004000 wol '
check_egrep "namespace deleted: the monitor still watches it" \
	'^tdel: 0x00004000 wol ' "$NIM_TMP/del.out"
kill -TERM "$MON_PID"
wait "$MON_PID"
check_eq "namespace deleted: exit status 0 after SIGTERM" 0 "$?"
check_empty "namespace deleted: nothing on stderr" "$NIM_TMP/del.err"
MON_PIDS=()

# --- only the kernel's notifications are printed: a process with
# CAP_NET_ADMIN in the namespace can send a message shaped as one to the
# monitor's group (its socket refuses one sent to it alone: forge.sh),
# and that is no change of a mask.
command -v python3 >/dev/null 2>&1 || missing python3 python3
start_monitor forge -n "$NS" --monitor
sync_monitors tap3 "$NIM_TMP/forge.out"
# To the ethtool family's monitor group, and to every generic netlink
# socket of the namespace but its own: a DEBUG_NTF of the ethtool family
# for nim-forged (index 77777), 0x5.  Prints how many sockets took it.
ip netns exec "$NS" python3 - >"$NIM_TMP/forge.py" <<'EOF' ||
import socket, struct

def attr(t, data):
    n = 4 + len(data)
    return struct.pack("HH", n, t) + data + b"\0" * (-n % 4)

def msg(family, cmd, body):
    body = struct.pack("BBH", cmd, 1, 0) + body
    return struct.pack("IHHII", 16 + len(body), family, 1, 1, 0) + body

sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
sk.bind((0, 0))
sk.settimeout(10)
sk.send(msg(0x10, 3, attr(2, b"ethtool\0")))  # CTRL_CMD_GETFAMILY
reply = sk.recv(65536)

def attrs(buf, off, end):
    while off < end:
        n, t = struct.unpack_from("HH", buf, off)
        yield t & 0x7fff, off + 4, off + n
        off += (n + 3) & ~3

for t, off, end in attrs(reply, 20, len(reply)):
    if t == 1:  # CTRL_ATTR_FAMILY_ID
        family = struct.unpack_from("H", reply, off)[0]
    if t == 7:  # CTRL_ATTR_MCAST_GROUPS: the first (and only), "monitor"
        for _, goff, gend in attrs(reply, off, end):
            for a, aoff, _ in attrs(reply, goff, gend):
                if a == 2:  # CTRL_ATTR_MCAST_GRP_ID
                    group = struct.unpack_from("I", reply, aoff)[0]
ntf = msg(family, 8, attr(0x8001, attr(1, struct.pack("I", 77777)) +
                          attr(2, b"nim-forged\0")) +
          attr(0x8002, attr(1, b"") + attr(2, struct.pack("I", 32)) +
               attr(4, struct.pack("I", 5))))
own = sk.getsockname()[0]
sk.sendto(ntf, (0, 1 << (group - 1)))
sent = 0
with open("/proc/net/netlink") as f:
    for line in f.readlines()[1:]:
        port = int(line.split()[2])
        if line.split()[1] == "16" and port not in (0, own):
            try:
                sk.sendto(ntf, (port, 0))
                sent += 1
            except ConnectionRefusedError:
                pass
print(sent)
EOF
	fatal "cannot send the forged notification"
check_file "the monitor's socket refuses a process's datagram" 0 \
	"$NIM_TMP/forge.py"
et -s tap3 msglvl 0x7000 || fatal "ethtool -s tap3 msglvl 0x7000 failed"
wait_for "$NIM_TMP/forge.out" '^tap3: 0x00007000 ' ||
	fatal "the monitor missed tap3's 0x7000"
check_nogrep "a notification sent by a process is not printed" \
	'nim-forged' "$NIM_TMP/forge.out"
check_empty "a notification sent by a process: nothing on stderr" \
	"$NIM_TMP/forge.err"
kill -TERM "${MON_PIDS[-1]}"
wait "${MON_PIDS[-1]}"
check_eq "a notification sent by a process: exit status 0 after SIGTERM" 0 "$?"
MON_PIDS=()

# --- usage errors
check_rc "--monitor -v" 2 nm --monitor -v
check_rc "--monitor --from-level 3" 2 nm --monitor --from-level 3
check_rc "--monitor --batch x" 2 nm --monitor --batch x
check_rc "--monitor a/b" 2 nm --monitor a/b
check_grep "--monitor a/b: message" "'a/b' is not a valid interface name" "$ERR"

finish
