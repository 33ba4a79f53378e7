#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --trace: the traced tap's kernel log records are shown and another's
# are not, nor a line user space writes; the mask is put back after
# --for, SIGINT, SIGQUIT, SIGTERM, SIGHUP and the other signals sent to
# end a process (SIGUSR1..., real-time ones), a closed output pipe (also
# a datagram socket's reader gone, and a connection reset by its reader) and
# SIGINT or --for while the output is blocked (also stderr, its lines
# of the restore after all restores, and SIGTERM just before a write; a
# line cut on a terminal ends with its newline), and a write error (also
# past ulimit -f);
# SIGINT, SIGQUIT and SIGHUP ignored at the start stay so; a bit
# another writer changed meanwhile is kept; an interface deleted (the
# records it logged until then shown) or renamed during the trace,
# also just before its end, two swapping names while it is stopped, and
# renamed before the change (also over the ioctl); -q, whose pipe's
# reader going away does not end it; names the kernel
# log escapes; a pattern; -j lines; too few fds (ulimit -n); without
# CAP_SYSLOG (also EPERM with it: printk.devkmsg=off) and without
# CAP_NET_ADMIN; /dev/null as /dev/kmsg, and a read of it that fails; records
# with a dynamic debug decoration (from a FIFO as /dev/kmsg); the
# dynamic debug note (not with -q).
# tests/taplog makes a tap log two records.  The kernel log is global: the taps have names of their
# own (trc*), so the other tests' taps cannot mix in.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

TAPLOG=${TAPLOG:-$(dirname "$NETIFMSG")/../tests/taplog}
[ -x "$TAPLOG" ] || fatal "test program '$TAPLOG' not found (make check builds it)"
[ -r /dev/kmsg ] || skip "/dev/kmsg cannot be read here"
# The cases without CAP_SYSLOG or CAP_NET_ADMIN drop them with setpriv.
command -v setpriv >/dev/null 2>&1 || missing setpriv util-linux

# The -n cases below name trc0 from the initial namespace.
not_here trc0
setup_ns 0
for n in trc0 trc1 trc2; do
	add_tap "$n" || fatal "cannot create $n"
	set_mask "$n" 0x0
done
# taplog IFACE: that tap logs its two records; a failure is one (so a
# record that never comes is not mistaken for the trace's fault).
taplog() {
	ip netns exec "$NS" "$TAPLOG" "$1" ||
		fail "taplog $1: the tap logged its records" "exit status $?"
}

# trace OUT ERR ARGS...: netifmsg --trace in the background; PID in $TPID,
# back once it has raised the level (its "restore with" line).  SIGINT,
# SIGQUIT and SIGHUP are at their default, as at a terminal; with
# SIGINT_IGNORED set, ignored, as a script's background job (or nohup)
# has them.
trace() {
	local out=$1 err=$2 i start=("${SIGS_DEFAULT[@]}")
	shift 2
	[ -z "${SIGINT_IGNORED:-}" ] || start=("${SIGS_IGNORED[@]}")
	: >"$err"
	"${start[@]}" ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" \
		--trace "$@" >"$out" 2>"$err" &
	TPID=$!
	# Under valgrind a start takes a second or more.
	for ((i = 0; i < 750; i++)); do
		grep -q 'restore with\|nothing to restore' "$err" && return 0
		kill -0 "$TPID" 2>/dev/null || return 0
		sleep 0.02
	done
	fatal "the trace did not start"
}
# stopped: wait for it, at most a minute (a trace that does not end fails
# the suite, not hangs it); its exit status in RC.
stopped() {
	local i
	for ((i = 0; i < 3; i++)); do
		wait_until ended "$TPID" && break
	done
	if ! ended "$TPID"; then
		fail "the trace ends when told to" "still running a minute later"
		pkill -KILL -P "$TPID"
		kill -KILL "$TPID"
	fi
	wait "$TPID"
	RC=$?
}
# strace_trace OUT ERR STRACE-OPTIONS... -- ARGS...: trace() under strace
# with those options (and not under the wrapper: LeakSanitizer cannot
# work under ptrace, and valgrind would run strace).  netifmsg is
# strace's child: "pgrep -P $TPID".
strace_trace() {
	local out=$1 err=$2 opts=() saved=("${NIM_WRAPPER[@]}")
	shift 2
	while [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	shift
	NIM_WRAPPER=(env "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
		strace -qq "${opts[@]}" --)
	trace "$out" "$err" "$@"
	NIM_WRAPPER=("${saved[@]}")
}

O=$NIM_TMP/t.out
E=$NIM_TMP/t.err

# --- the traced tap's records, not another's; restore after --for
trace "$O" "$E" trc0 --for 1.5
check_grep "the restore command is said at the start" \
	"trc0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg trc0 0x00000000/0x00007fff" "$E"
check_mask "trc0 raised to every class" trc0 0x7fff
set_mask trc1 0x1
taplog trc0
taplog trc1
stopped
check_eq "--for 1.5: ends by itself, exit 0" 0 "$RC"
check_egrep "trc0's records are shown, with their time" '^\[ *[0-9]+\.[0-9]{6}\] trc0: tun_chr_ioctl cmd [0-9]+$' "$O"
check_egrep "trc0: persist enabled" '^\[ *[0-9]+\.[0-9]{6}\] trc0: persist enabled$' "$O"
# Records, not any mention: the kernel log is every namespace's, and a
# trc0 of another run's may say "renamed from trc1" meanwhile.
check_nogrep "trc1's records are not" "] trc1: " "$O"
check_grep "the last line says what was restored" "trc0: restored: 0x00000000 none" "$E"
check_mask "restored after --for" trc0 0x0

# --- a line user space writes into the kernel log is no driver's record,
# whatever its text
trace "$O" "$E" trc0 --for 1
echo "trc0: written by user space" >/dev/kmsg || fatal "cannot write /dev/kmsg"
taplog trc0
stopped
check_grep "user space's line: the driver's records are shown" "trc0: persist enabled" "$O"
check_nogrep "user space's line is not shown" "written by user space" "$O"

# --- names the kernel log escapes (\x5c for a backslash, UTF-8 as \xHH):
# their records are found, and shown unescaped
for n in 'trc\3' 'trcé'; do
	add_tap "$n" || fatal "cannot create $n"
	trace "$O" "$E" --for 1 "${n//\\/\\\\}"
	taplog "$n"
	stopped
	check_grep "$n: its records are shown" "${n//\\/\\\\}: persist enabled" "$O"
	ip -n "$NS" link del "$n"
done

# --- CHANGE words; the signals and a closed pipe
# Each signal sent to end a process (where this system has it), and
# real-time ones, the C library's first and last among them; SIGPIPE and
# SIGXFSZ are ignored (a closed pipe and ulimit -f below).
for sig in INT TERM HUP QUIT ALRM USR1 USR2 XCPU VTALRM PROF IO PWR STKFLT \
	RTMIN RTMIN+3 RTMAX; do
	kill -l "$sig" >/dev/null 2>&1 || continue
	set_mask trc0 0x3
	trace "$O" "$E" trc0 +link,+timer
	check_mask "SIG$sig: raised" trc0 0xf
	# valgrind keeps SIGRTMAX for itself: a program under it never gets it.
	if [ "$sig" = RTMAX ] && [[ $(readlink "/proc/$TPID/exe") = */valgrind/* ]]; then
		echo "note: under valgrind, SIGTERM instead of SIGRTMAX"
		sig=TERM
	fi
	kill -"$sig" "$TPID"
	for ((i = 0; i < 500; i++)); do kill -0 "$TPID" 2>/dev/null || break; sleep 0.02; done
	if kill -0 "$TPID" 2>/dev/null; then
		fail "SIG$sig: ends the trace" "still running 10 s after it"
		kill -KILL "$TPID"
	fi
	stopped
	check_eq "SIG$sig: exit 0" 0 "$RC"
	check_mask "SIG$sig: restored" trc0 0x3
done
# Ignored at the start (a script's background job, nohup), SIGINT,
# SIGQUIT and SIGHUP stay so: the session goes on (the record that comes after them is
# shown), and SIGTERM ends it.
set_mask trc0 0x3
SIGINT_IGNORED=1 trace "$O" "$E" trc0 +link,+timer
kill -INT "$TPID"
kill -QUIT "$TPID"
kill -HUP "$TPID"
taplog trc0
shown_or_ended() { grep -q "trc0: persist enabled" "$O" || ended "$TPID"; }
wait_until shown_or_ended
check_grep "SIGINT, SIGQUIT and SIGHUP ignored at the start: the trace goes on" \
	"trc0: persist enabled" "$O"
check_mask "SIGINT, SIGQUIT and SIGHUP ignored at the start: still raised" trc0 0xf
kill -TERM "$TPID"
stopped
check_eq "SIGINT, SIGQUIT and SIGHUP ignored at the start, then SIGTERM: exit 0" 0 "$RC"
check_mask "SIGINT, SIGQUIT and SIGHUP ignored at the start, then SIGTERM: restored" \
	trc0 0x3
set_mask trc0 0x0
# head reads the trace through a FIFO, so that the trace is $TPID, whose
# end is waited for.
mkfifo "$NIM_TMP/head" || fatal "mkfifo failed"
: >"$O"
head -n 1 <"$NIM_TMP/head" >"$O" &
hp=$!
trace "$NIM_TMP/head" "$E" trc0
grep -q 'restore with' "$E" || fatal "the trace into a pipe did not start"
# Records until head has its line and is gone (at most 20 s).
for ((i = 0; i < 100; i++)); do
	taplog trc0
	for ((k = 0; k < 10; k++)); do
		ended "$hp" && break 2
		sleep 0.02
	done
done
ended "$hp" || fatal "head read no line of the trace in 20 s"
wait "$hp"
check_eq "a closed pipe: one line read" 1 "$(wc -l <"$O")"
if wait_until ended "$TPID"; then
	stopped
	check_eq "a closed pipe ends it: exit 0" 0 "$RC"
else
	fail "a closed pipe ends it" "still running 20 s after head went"
	kill -INT "$TPID"
	stopped
fi
check_grep "a closed pipe ends it: restored" "trc0: restored" "$E"
check_mask "a closed pipe: restored" trc0 0x0

# --- a datagram socket's other end gone, as a pipe's reader: the trace
# ends at the record it cannot write (write() says ECONNREFUSED, not
# EPIPE: it once said "write error: Connection refused", exit status 1),
# exit status 0, its level put back, nothing said but its start and
# restore.  Its standard output is one end of a socketpair in Python,
# whose other end is closed after a line is read.
set_mask trc0 0x0
ip netns exec "$NS" python3 - "$E" "$TAPLOG" \
	"${NIM_WRAPPER[@]}" "$NETIFMSG" --trace trc0 >"$O" <<'EOF'
import socket, subprocess, sys, time
err_path, taplog = sys.argv[1:3]
mine, its = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
err = open(err_path, "w+")
p = subprocess.Popen(sys.argv[3:], stdout=its, stderr=err)
its.close()
def said():
    err.seek(0)
    return err.read()
def wait(cond):  # 15 s at most (valgrind starts slowly)
    for i in range(750):
        if cond():
            return True
        time.sleep(0.02)
    return False
wait(lambda: "restore with" in said() or p.poll() is not None)
mine.settimeout(15)
subprocess.run([taplog, "trc0"], check=True)
if b"trc0: " in mine.recv(4096):
    print("a line")
mine.close()
subprocess.run([taplog, "trc0"], check=True)
if wait(lambda: p.poll() is not None):
    print("exit status %d" % p.returncode)
else:
    p.kill()
    p.wait()
    print("still running 15 s after its reader went")
sys.stdout.write(said())
EOF
check_file "--trace, its datagram socket's reader gone: exit 0, its start and restore said" \
	"a line
exit status 0
netifmsg: trc0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg trc0 0x00000000/0x00007fff
netifmsg: trc0: restored: 0x00000000 none" "$O"
check_mask "--trace, its datagram socket's reader gone: restored" trc0 0x0

# --- a signal while the output is blocked (a reader that does not read)
# ends the trace as in any other state: exit 0, no error
mkfifo "$NIM_TMP/fifo" || fatal "mkfifo failed"
exec {hold}<>"$NIM_TMP/fifo"
trace "$NIM_TMP/fifo" "$E" trc0
# 3000 records, 130 KB: more than a pipe holds
ip netns exec "$NS" "$TAPLOG" trc0 1500 || fatal "taplog failed"
# The state the check is about: the trace sleeps in a write.
if wait_until sleeps_writing "$TPID"; then
	pass "SIGINT while the output is blocked: the trace is blocked writing"
else
	where=
	proc_where_to where "$TPID"
	fail "SIGINT while the output is blocked: the trace is blocked writing" \
		"not after 20 s: state, wchan, syscall, its fd: $where"
fi
kill -INT "$TPID"
stopped
exec {hold}<&-
check_eq "SIGINT while the output is blocked: exit 0" 0 "$RC"
check_nogrep "SIGINT while the output is blocked: no error" "trace:" "$E"
check_mask "SIGINT while the output is blocked: restored" trc0 0x0

# --- --for ends the trace also while its output is blocked: the time is
# up during a write(2) that no reader lets finish.  The pipe is full
# before the trace starts (dd stops where a write would block).
exec {hold}<>"$NIM_TMP/fifo"
dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
trace "$NIM_TMP/fifo" "$E" trc0 --for 1
taplog trc0
for ((i = 0; i < 500; i++)); do kill -0 "$TPID" 2>/dev/null || break; sleep 0.02; done
if kill -0 "$TPID" 2>/dev/null; then
	fail "--for 1 while the output is blocked: ends" "still running 10 s after it began"
	kill -INT "$TPID"
fi
stopped
exec {hold}<&-
check_eq "--for 1 while the output is blocked: exit 0" 0 "$RC"
check_mask "--for 1 while the output is blocked: restored" trc0 0x0

# --- standard error blocked too (2>&1 into a pipe not read, as at a
# terminal stopped with Ctrl-S): --for or a signal ends the session as
# well, and puts the level back at once, although its first line (the
# restore command) cannot be written; another writer's bit is kept, and
# its note waits, with the last lines, for the reader.
# shellcheck disable=SC2317 # called by wait_until
mask_is() {
	local m
	ethtool_mask_to m "$1"
	[ "$m" = "$(hex "$2")" ]
}
# blocked_end WHAT IFACE: the trace $TPID, its stderr into the full fifo
# (held open by $hold), was told to end: IFACE's level is put back while
# stderr is still blocked; once the fifo is read (into drained), the
# trace ends with exit 0 and says what it restored.
blocked_end() {
	local rpid
	if wait_until mask_is "$2" 0x0; then
		pass "$1: restored while still blocked"
	else
		fail "$1: restored while still blocked" \
			"$2 is $(ethtool_mask "$2") 20 s after"
	fi
	tr -d '\0' <"$NIM_TMP/fifo" >"$NIM_TMP/drained" {hold}<&- &
	rpid=$!
	stopped
	exec {hold}<&-
	wait "$rpid"
	check_eq "$1: exit 0" 0 "$RC"
	check_grep "$1: the last line, once read" \
		"$2: restored: 0x00000000 none" "$NIM_TMP/drained"
}
# "no-syslog": its first line is the note that /dev/kmsg cannot be read
# (no CAP_SYSLOG where kernel.dmesg_restrict is 1), said as the rest are.
hows=(--for SIGTERM)
[ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ] &&
	hows+=(no-syslog)
for how in "${hows[@]}"; do
	exec {hold}<>"$NIM_TMP/fifo"
	dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
	args=(trc0 +drv +link)
	priv=()
	[ "$how" != SIGTERM ] && args+=(--for 1)
	[ "$how" = no-syslog ] &&
		priv=(setpriv --bounding-set=-syslog --inh-caps=-syslog)
	"${SIGS_DEFAULT[@]}" ip netns exec "$NS" "${priv[@]}" "${NIM_WRAPPER[@]}" \
		"$NETIFMSG" --trace "${args[@]}" >"$NIM_TMP/fifo" 2>&1 &
	TPID=$!
	wait_until sleeps_writing "$TPID" ||
		fatal "the trace did not block writing its first line"
	check_mask "$how while stderr is blocked: raised" trc0 0x5
	set_mask trc0 0x4
	[ "$how" = SIGTERM ] && kill -TERM "$TPID"
	blocked_end "$how while stderr is blocked" trc0
	check_grep "$how while stderr is blocked: the other writer's bit said, once read" \
		"trc0: note: bits 0x00000001 were changed by someone else meanwhile" "$NIM_TMP/drained"
	check_mask "$how while stderr is blocked: restored" trc0 0x0
done

# --- standard error blocked only once the session runs: the line that
# an interface went away (said at its look each second) cannot be
# written, and SIGTERM still ends the session and puts back the level
# of the other.
add_tap trcg || fatal "cannot create trcg"
exec {hold}<>"$NIM_TMP/fifo"
"${SIGS_DEFAULT[@]}" ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" \
	--trace 'trc[0g]' +link >"$O" 2>"$NIM_TMP/fifo" &
TPID=$!
wait_until sleeps_polling "$TPID" || fatal "the trace did not wait for records"
dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
ip -n "$NS" link del trcg || fatal "cannot delete trcg"
wait_until sleeps_writing "$TPID" ||
	fatal "the trace did not block writing that trcg went away"
check_mask "a line blocked after the start: raised" trc0 0x4
kill -TERM "$TPID"
blocked_end "a line blocked after the start, SIGTERM" trc0

# --- the last look before the restore: a rename it alone sees (no
# /dev/kmsg to read it from, without CAP_SYSLOG) cannot be said on a
# blocked stderr, and SIGTERM right after the rename must still put the
# level back at once.
if [ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ]; then
	exec {hold}<>"$NIM_TMP/fifo"
	"${SIGS_DEFAULT[@]}" ip netns exec "$NS" setpriv --bounding-set=-syslog \
		--inh-caps=-syslog "${NIM_WRAPPER[@]}" "$NETIFMSG" --trace trc0 +link \
		>"$O" 2>"$NIM_TMP/fifo" &
	TPID=$!
	wait_until sleeps_polling "$TPID" || fatal "the trace did not wait"
	dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
	ip -n "$NS" link set trc0 name trc0r || fatal "cannot rename trc0"
	kill -TERM "$TPID"
	blocked_end "a rename seen at the end, stderr blocked" trc0r
	ip -n "$NS" link set trc0r name trc0 || fatal "cannot rename trc0r"
	# Where stderr takes it, the line of that rename is said.
	"${SIGS_DEFAULT[@]}" ip netns exec "$NS" setpriv --bounding-set=-syslog \
		--inh-caps=-syslog "${NIM_WRAPPER[@]}" "$NETIFMSG" --trace trc0 +link \
		>"$O" 2>"$E" &
	TPID=$!
	wait_until sleeps_polling "$TPID" || fatal "the trace did not wait"
	# Stopped, it cannot see the rename at a tick of its own (with the
	# command then, rightly): SIGTERM is there when it goes on.
	kill -STOP "$TPID"
	ip -n "$NS" link set trc0 name trc0r || fatal "cannot rename trc0"
	kill -TERM "$TPID"
	kill -CONT "$TPID"
	stopped
	check_eq "a rename seen at the end: exit 0" 0 "$RC"
	check_grep "a rename seen at the end: said" "trc0: renamed to 'trc0r'" "$E"
	# The restore comes next: no "if netifmsg is killed" command then.
	check_nogrep "a rename seen at the end: no restore command" \
		"renamed to 'trc0r': traced on;" "$E"
	check_grep "a rename seen at the end: restored" \
		"trc0r: restored: 0x00000000 none" "$E"
	check_mask "a rename seen at the end: put back" trc0r 0x0
	ip -n "$NS" link set trc0r name trc0 || fatal "cannot rename trc0r"
else
	echo "note: dmesg_restrict is 0: a rename seen at the end is not run"
fi

# --- a signal that comes between put()'s look at its stop flag and its
# write(2) leaves the write blocked on a reader that does not read: the
# SIGALRM each caught signal sets a second later ends it.  gdb stops the
# trace at write() and sends it SIGTERM there.  Not under the wrapper
# (valgrind runs the program itself); LeakSanitizer cannot work under
# ptrace.
command -v gdb >/dev/null 2>&1 || missing gdb gdb
exec {hold}<>"$NIM_TMP/fifo"
dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
saved=("${NIM_WRAPPER[@]}")
NIM_WRAPPER=(env "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0")
trace "$NIM_TMP/fifo" "$E" trc0
NIM_WRAPPER=("${saved[@]}")
# Past its start (the dynamic debug note): its next write is a record's.
wait_until sleeps_polling "$TPID" || fatal "the trace did not wait for records"
DEBUGINFOD_URLS='' gdb -nx -batch -p "$TPID" -ex 'break write' -ex continue \
	-ex delete -ex 'signal SIGTERM' >"$NIM_TMP/gdb" 2>&1 &
gp=$!
wait_for "$NIM_TMP/gdb" '^Breakpoint 1 at' || fatal "gdb did not attach: $(cat "$NIM_TMP/gdb")"
taplog trc0
# "Breakpoint 1.4, " where write has several locations (ASan's too).
wait_for "$NIM_TMP/gdb" '^Breakpoint 1[.0-9]*, ' || fatal "gdb did not stop the trace at write()"
if wait_until ended "$TPID"; then
	pass "SIGTERM just before a blocked write: ends the trace"
else
	fail "SIGTERM just before a blocked write: ends the trace" "still running 20 s after it"
	# gdb passes no SIGINT on: without it, the second signal ends it.
	kill "$gp"
	wait "$gp"
	kill -INT "$TPID"
fi
wait "$gp"
stopped
exec {hold}<&-
check_eq "SIGTERM just before a blocked write: exit 0" 0 "$RC"
check_mask "SIGTERM just before a blocked write: restored" trc0 0x0

# --- output that cannot be written ends the trace, said as every write
# error is: restored, exit 1
trace /dev/full "$E" trc0 --for 5
taplog trc0
stopped
check_eq "/dev/full: exit 1" 1 "$RC"
check_grep "/dev/full: said" "netifmsg: write error: No space left on device" "$E"
check_mask "/dev/full: restored" trc0 0x0

# --- output beyond the file size limit (ulimit -f) is a write error too,
# not SIGXFSZ's death with the level left raised: restored, exit 1
saved=("${NIM_WRAPPER[@]}")
NIM_WRAPPER=(bash -c 'ulimit -f 8 && exec "$@"' ulimit "${saved[@]}")
trace "$O" "$E" trc0
NIM_WRAPPER=("${saved[@]}")
# shellcheck disable=SC2317 # called by wait_until
log_until_ended() {
	ended "$TPID" || ip netns exec "$NS" "$TAPLOG" trc0 20
	ended "$TPID"
}
wait_until log_until_ended || kill -INT "$TPID"
stopped
check_eq "ulimit -f: exit 1" 1 "$RC"
check_grep "ulimit -f: said" "netifmsg: write error: File too large" "$E"
check_mask "ulimit -f: restored" trc0 0x0

# --- another writer's bit is kept
set_mask trc0 0x1
trace "$O" "$E" trc0 +link,+timer
ip netns exec "$NS" ethtool -s trc0 msglvl timer off
kill -INT "$TPID"
stopped
check_mask "link put back, timer left as the other writer set it" trc0 0x1
check_grep "a note says so" "trc0: note: bits 0x00000008 were changed by someone else meanwhile" "$E"

# --- two sessions on one interface: each puts back only its own bits.
# B finds A's link already raised (nothing of its own): link goes down
# when A ends, B still running.  Then A raises link, B lowers it: A
# leaves link as B set it, B, ending last, raises it again.
for order in already lowered; do
	# B's change, the mask once A ends, once B ends too.
	case $order in
	already) change=+link first=0x0 last=0x0 ;;
	lowered) change=-link first=0x0 last=0x4 ;;
	esac
	set_mask trc0 0x0
	trace "$O" "$E" trc0 +link
	APID=$TPID
	trace "$O.b" "$E.b" trc0 "$change"
	BPID=$TPID
	[ "$order" = already ] &&
		check_grep "two sessions: the second says already so" \
			"trc0: already so: nothing to restore at the end" "$E.b"
	TPID=$APID
	kill -INT "$TPID"
	stopped
	check_eq "two sessions ($order): the first ends, exit 0" 0 "$RC"
	check_mask "two sessions ($order): once the first ends" trc0 "$first"
	TPID=$BPID
	kill -INT "$TPID"
	stopped
	check_eq "two sessions ($order): the second ends, exit 0" 0 "$RC"
	check_mask "two sessions ($order): once the second ends too" trc0 "$last"
done
# An absolute change replaces the mask: at the end every bit it
# changed is put back, the ones it cleared too.
set_mask trc0 0x1
trace "$O" "$E" trc0 link
check_mask "absolute change: raised to link alone" trc0 0x4
kill -INT "$TPID"
stopped
check_eq "absolute change: exit 0" 0 "$RC"
check_grep "absolute change: restored, said" "trc0: restored: 0x00000001 drv" "$E"
check_mask "absolute change: drv back, link gone" trc0 0x1
set_mask trc0 0x0
set_mask trc0 0x1
trace "$O" "$E" trc0 -drv +probe
ip netns exec "$NS" ethtool -s trc0 msglvl drv on
kill -INT "$TPID"
stopped
check_mask "-drv taken back by another writer: drv stays, probe goes" trc0 0x1
set_mask trc0 0x1
trace "$O" "$E" trc0 +link
ip netns exec "$NS" ethtool -s trc0 msglvl link off
kill -INT "$TPID"
stopped
check_mask "every bit taken back by another writer: left" trc0 0x1
check_grep "every bit taken back: the restored line says the mask now" \
	"trc0: restored: 0x00000001 drv" "$E"

# --- the interface goes away
trace "$O" "$E" trc2
ip -n "$NS" link del trc2
stopped
check_eq "trc2 deleted: exit 0" 0 "$RC"
check_grep "trc2 deleted: said" "trc2: the interface went away" "$E"

# --- its records logged before the look that saw it gone are shown, the
# last it logged among them: under strace every ppoll() returns 0, after
# 0.2 s, without reading, so that only the look at the end reads them.
# Not under the wrapper (strace runs it); LeakSanitizer cannot work under
# ptrace.
command -v strace >/dev/null 2>&1 || missing strace strace
add_tap trcg || fatal "cannot create trcg"
strace_trace "$O" "$E" -o /dev/null -e trace=/^ppoll \
	-e inject=/^ppoll:retval=0:delay_exit=200000 -- trcg
taplog trcg
ip -n "$NS" link del trcg
stopped
check_eq "trcg deleted after it logged: exit 0" 0 "$RC"
check_grep "trcg deleted after it logged: said" "trcg: the interface went away" "$E"
check_grep "trcg deleted after it logged: its last records shown" "trcg: persist enabled" "$O"

# --- deleted after the last look, before its restore read it, or after
# that read, before the set: it went away, as at a look, exit 0; not "no
# such network interface", nor "still raised".  Under strace: stopped
# after the raise's read-back (the 4th sendto), sent SIGTERM (held until
# the session runs: with -q, no look or other ioctl comes before the
# last), and stopped again after the last look's ioctl, or after the
# restore's read (the 5th sendto).
stopped_count() { [ "$(grep -c 'stopped by SIGSTOP' "$NIM_TMP/strace")" -ge "$1" ]; }
for at in ioctl sendto; do
	stops=(-e inject=sendto:signal=SIGSTOP:when=4 -e inject=ioctl:signal=SIGSTOP:when=1)
	[ "$at" = ioctl ] || stops=(-e inject=sendto:signal=SIGSTOP:when=4..5)
	add_tap trcd || fatal "cannot create trcd"
	: >"$NIM_TMP/strace"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace=sendto,ioctl \
		"${stops[@]}" -- "$NETIFMSG" -q --trace trcd >"$O" 2>"$E" &
	TPID=$!
	wait_until stopped_count 1 || fatal "strace did not stop netifmsg"
	kill -TERM "$(pgrep -P "$TPID")"
	kill -CONT "$(pgrep -P "$TPID")"
	wait_until stopped_count 2 || fatal "strace did not stop netifmsg again"
	ip -n "$NS" link del trcd
	kill -CONT "$(pgrep -P "$TPID")"
	stopped
	check_eq "trcd deleted before its restore ($at): exit 0" 0 "$RC"
	check_grep "trcd deleted before its restore ($at): went away" \
		"trcd: the interface went away" "$E"
	check_nogrep "trcd deleted before its restore ($at): no error" \
		"no such network interface" "$E"
	check_nogrep "trcd deleted before its restore ($at): not said to be raised" \
		"not restored" "$E"
done

# --- moved to another namespace it looks gone too: what puts it back
# there is said
NS_B=$NS-b
NIM_EXTRA_NS+=("$NS_B")
ip netns add "$NS_B" || fatal "cannot add netns $NS_B"
add_tap trcm || fatal "cannot add trcm"
set_mask trcm 0x1
trace "$O" "$E" trcm +link
ip -n "$NS" link set trcm netns "$NS_B"
stopped
check_eq "trcm moved away: exit 0" 0 "$RC"
check_grep "trcm moved away: the way back said" \
	"trcm: the interface went away: the trace ends (if it was moved to another network namespace, its level is still raised there: set 0x00000000/0x00000004 on it there)" "$E"
ip netns exec "$NS_B" ethtool trcm >"$NIM_TMP/moved" 2>&1
check_egrep "trcm moved away: raised in the other namespace, as said" \
	'Current message level: 0x0*5 ' "$NIM_TMP/moved"
ip netns delete "$NS_B" || fatal "cannot delete netns $NS_B"
NIM_EXTRA_NS=()

# --- the restore command holds the whole -n path, however long its
# quoting: pasted into a shell, it puts the bits back
quotes=$(printf "%0.s'" {1..250})
long=$NIM_TMP/$quotes/$quotes/$quotes/$quotes
mkdir -p "$long" && ln -s "/run/netns/$NS" "$long/ns" ||
	fatal "cannot make a long netns path"
set_mask trc0 0x0
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$long/ns" --trace trc0 +link --for 0.1 \
	>"$O" 2>"$E"
check_eq "-n with 1000 quotes: exit 0" 0 "$?"
undo=
while IFS= read -r line; do
	[[ $line == *"restore with: netifmsg "* ]] && undo=${line#*restore with: netifmsg }
done <"$E"
set_mask trc0 0x4
eval "\"\${NIM_WRAPPER[@]}\" \"\$NETIFMSG\" $undo" >"$OUT" 2>"$ERR"
check_eq "-n with 1000 quotes: the restore command runs" 0 "$?"
check_mask "-n with 1000 quotes: the restore command puts the bits back" trc0 0x0

# --- a renamed interface is followed and put back, not left raised
set_mask trc1 0x0
trace "$O" "$E" trc1
ip -n "$NS" link set trc1 name trc1r || fatal "cannot rename trc1"
wait_for "$E" 'renamed to'
taplog trc1r
wait_for "$O" 'trc1r: persist'
kill -INT "$TPID"
stopped
check_eq "trc1 renamed: exit 0" 0 "$RC"
check_grep "trc1 renamed: said" "trc1: renamed to 'trc1r': traced on" "$E"
check_grep "trc1 renamed: its records under the new name" "trc1r: persist enabled" "$O"
check_mask "trc1 renamed: restored" trc1r 0x0
ip -n "$NS" link set trc1r name trc1 || fatal "cannot rename trc1r"

# Killed after a rename: the restore command said at the start names the
# old name; the one said with the rename, pasted, puts the bits back.
trace "$O" "$E" trc1 +link
ip -n "$NS" link set trc1 name trc1r || fatal "cannot rename trc1"
wait_for "$E" 'renamed to'
kill -KILL "$TPID"
stopped
check_mask "killed after a rename: still raised" trc1r 0x4
undo=$(sed -n "s/^netifmsg: trc1: renamed to 'trc1r': traced on; if netifmsg is killed, restore with: netifmsg //p" "$E")
check_eq "killed after a rename: the restore command by the new name" \
	"trc1r 0x00000000/0x00000004" "$undo"
# shellcheck disable=SC2086 # the command as a shell would split it
nm $undo >"$OUT" 2>"$ERR"
check_eq "killed after a rename: the restore command runs" 0 "$?"
check_mask "killed after a rename: the restore command puts the bits back" trc1r 0x0
ip -n "$NS" link set trc1r name trc1 || fatal "cannot rename trc1r"

# Renamed and logged about while the trace is stopped: the kernel's
# record of the rename (where it writes one) switches the trace to the
# new name before the records after it are matched, and is shown too.
# renamed_stopped: trace trc1, rename it to trc1r and log while the trace
# is stopped, then end it.
renamed_stopped() {
	trace "$O" "$E" trc1
	kill -STOP "$TPID"
	ip -n "$NS" link set trc1 name trc1r || fatal "cannot rename trc1"
	taplog trc1r
	kill -CONT "$TPID"
	wait_for "$O" 'trc1r: persist'
	kill -INT "$TPID"
	stopped
}
renamed_stopped
check_eq "trc1 renamed while stopped: exit 0" 0 "$RC"
if dmesg 2>/dev/null | grep -q 'trc1r: renamed from trc1'; then
	check_grep "trc1 renamed while stopped: the records logged meanwhile" \
		"trc1r: persist enabled" "$O"
	check_grep "trc1 renamed while stopped: the kernel's record of the rename" \
		"trc1r: renamed from trc1" "$O"
else
	echo "note: this kernel logs no 'renamed from': records logged before the trace looks again are not matched"
fi
check_mask "trc1 renamed while stopped: restored" trc1r 0x0
ip -n "$NS" link set trc1r name trc1 || fatal "cannot rename trc1r"

# The same with trc1 up (with no address: it sends nothing): the kernel's
# record of the rename ends in " (while UP)", which is no part of the
# old name; the trace follows it all the same.
ip -n "$NS" link set trc1 addrgenmode none up || fatal "cannot set trc1 up"
renamed_stopped
check_eq "trc1 renamed while up and stopped: exit 0" 0 "$RC"
if dmesg 2>/dev/null | grep -q 'trc1r: renamed from trc1 (while UP)'; then
	check_grep "trc1 renamed while up and stopped: the records logged meanwhile" \
		"trc1r: persist enabled" "$O"
else
	echo "note: this kernel renames no interface that is up, or logs no 'renamed from': not checked"
fi
check_mask "trc1 renamed while up and stopped: restored" trc1r 0x0
ip -n "$NS" link set trc1r down name trc1 || fatal "cannot rename trc1r"

# Renamed twice while stopped (a swap goes through a temporary name):
# the first record of the rename names a name the interface no longer
# has; it is followed to the name it has now all the same, so the
# records logged under that name are shown.
trace "$O" "$E" trc1
kill -STOP "$TPID"
ip -n "$NS" link set trc1 name trc1t || fatal "cannot rename trc1"
ip -n "$NS" link set trc1t name trc1r || fatal "cannot rename trc1t"
taplog trc1r
kill -CONT "$TPID"
wait_for "$O" 'trc1r: persist'
kill -INT "$TPID"
stopped
check_eq "trc1 renamed twice while stopped: exit 0" 0 "$RC"
if dmesg 2>/dev/null | grep -q 'trc1r: renamed from trc1t'; then
	check_grep "trc1 renamed twice while stopped: the records logged meanwhile" \
		"trc1r: persist enabled" "$O"
fi
check_mask "trc1 renamed twice while stopped: restored" trc1r 0x0
ip -n "$NS" link set trc1r name trc1 || fatal "cannot rename trc1r"

# Two traced interfaces swap names while the trace is stopped (through a
# temporary name, as udev does): each one's records logged after the
# swap are shown under its new name, and each is put back.
set_mask trc0 0x0
set_mask trc1 0x0
trace "$O" "$E" 'trc[01]' +drv
kill -STOP "$TPID"
ip -n "$NS" link set trc1 name trcx && ip -n "$NS" link set trc0 name trc1 &&
	ip -n "$NS" link set trcx name trc0 || fatal "cannot swap trc0 and trc1"
taplog trc0
taplog trc1
kill -CONT "$TPID"
wait_for "$O" 'trc1: persist'
kill -INT "$TPID"
stopped
check_eq "trc0 and trc1 swapped while stopped: exit 0" 0 "$RC"
if dmesg 2>/dev/null | grep -q 'trc1: renamed from trc0'; then
	check_grep "trc0 and trc1 swapped while stopped: trc0's records after the swap" \
		"trc0: persist enabled" "$O"
	check_grep "trc0 and trc1 swapped while stopped: trc1's records after the swap" \
		"trc1: persist enabled" "$O"
fi
check_mask "trc0 and trc1 swapped while stopped: trc0 restored" trc0 0x0
check_mask "trc0 and trc1 swapped while stopped: trc1 restored" trc1 0x0
ip -n "$NS" link set trc0 name trcx && ip -n "$NS" link set trc1 name trc0 &&
	ip -n "$NS" link set trcx name trc1 || fatal "cannot swap trc0 and trc1 back"

# --- renamed or deleted just before the end, before the trace looked
# again: put back under its new name; nothing to put back.  Without
# CAP_SYSLOG where it can be: the record a rename writes does not wake
# the trace then.
saved=("${NIM_WRAPPER[@]}")
if [ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ]; then
	NIM_WRAPPER=(setpriv --bounding-set=-syslog --inh-caps=-syslog "${saved[@]}")
fi
trace "$O" "$E" trc1
ip -n "$NS" link set trc1 name trc1r && kill -INT "$TPID"
stopped
check_eq "trc1 renamed just before SIGINT: exit 0" 0 "$RC"
check_grep "trc1 renamed just before SIGINT: restored as trc1r" "trc1r: restored: 0x00000000 none" "$E"
check_mask "trc1 renamed just before SIGINT: restored" trc1r 0x0
ip -n "$NS" link set trc1r name trc1 || fatal "cannot rename trc1r"
add_tap trc3 || fatal "cannot create trc3"
trace "$O" "$E" trc3
ip -n "$NS" link del trc3 && kill -INT "$TPID"
stopped
check_eq "trc3 deleted just before SIGINT: exit 0" 0 "$RC"
check_nogrep "trc3 deleted just before SIGINT: not said to be raised" "not restored" "$E"
NIM_WRAPPER=("${saved[@]}")

# --- a pattern, and -j
set_mask trc0 0x0
set_mask trc1 0x0
trace "$O" "$E" -j 'trc[01]' +drv
check_mask "pattern: trc0 raised" trc0 0x1
check_mask "pattern: trc1 raised" trc1 0x1
taplog trc0
taplog trc1
for ((i = 0; i < 300; i++)); do [ "$(wc -l <"$O")" -ge 4 ] && break; sleep 0.05; done
kill -TERM "$TPID"
stopped
check_mask "pattern: trc0 restored" trc0 0x0
check_mask "pattern: trc1 restored" trc1 0x0
check_eq "-j: 4 records" 4 "$(wc -l <"$O")"
command -v python3 >/dev/null 2>&1 || missing python3 python3
check_eq "-j: each line a JSON object with time, ifname, priority, message" "ok" \
	"$(python3 -c '
import json, sys
keys = None
for line in open(sys.argv[1], "rb"):
    o = json.loads(line.decode("utf-8"))
    assert set(o) == {"time", "ifname", "priority", "message"}, o
    assert o["ifname"] in ("trc0", "trc1") and isinstance(o["time"], float)
    assert 0 <= o["priority"] <= 7
print("ok")' "$O" 2>&1)"

# --- a pattern selects once, at the start: a tap that appears later
# is not traced, nor raised or restored
add_tap trcn0 || fatal "cannot create trcn0"
set_mask trcn0 0x0
trace "$O" "$E" 'trcn*' +drv
check_mask "pattern, a tap added later: the first raised" trcn0 0x1
add_tap trcn1 || fatal "cannot create trcn1"
set_mask trcn1 0x0
sleep 1.2	# past a look for targets gone or renamed
check_mask "pattern, a tap added later: not raised" trcn1 0x0
kill -INT "$TPID"
stopped
check_eq "pattern, a tap added later: exit 0" 0 "$RC"
check_mask "pattern, a tap added later: the first restored" trcn0 0x0
check_nogrep "pattern, a tap added later: not named" "trcn1" "$E"

# --- more targets than one pipelined run holds (256): each one raised
# and put back, run after run; another writer's bit kept in a later run
for ((i = 0; i < 1100; i++)); do
	echo "tuntap add dev trm$i mode tap"
done | ip -n "$NS" -batch - || fatal "creating 1100 taps failed"
for ((i = 0; i < 1100; i++)); do
	echo "trm$i 0x0"
done >"$NIM_TMP/trm.zero"
nm -q -f --batch "$NIM_TMP/trm.zero" || fatal "cannot zero the trm taps"
set_mask trm1050 0x1
set_mask trm7 0x1
trace "$O" "$E" 'trm*' +link,+timer
ip netns exec "$NS" ethtool -s trm1050 msglvl timer off
for i in 0 1023 1024 1099; do
	check_mask "1100 targets: trm$i raised" "trm$i" 0xc
done
# Each record is looked up among the 1100 names by its own (tun logs
# with drv, which these two have).
taplog trm1050
taplog trm7
for ((i = 0; i < 300; i++)); do [ "$(wc -l <"$O")" -ge 4 ] && break; sleep 0.05; done
kill -INT "$TPID"
stopped
check_eq "1100 targets: trm1050's two records, then trm7's" \
	"trm1050: trm1050: trm7: trm7: " \
	"$(sed 's/^\[[ 0-9.]*\] \([^ ]*\) .*/\1/' "$O" | tr '\n' ' ')"
check_eq "1100 targets: exit status 0" 0 "$RC"
check_eq "1100 targets: 1100 'restored:' lines" 1100 \
	"$(grep -c ': restored: ' "$E")"
check_eq "1100 targets: one note, trm1050's" \
	"netifmsg: trm1050: note: bits 0x00000008 were changed by someone else meanwhile: left as they are" \
	"$(grep ': note: ' "$E")"
# Every one by netifmsg's own reading, the runs' edges and every 50th by
# ethtool's.
check_eq "1100 targets: 1098 at 0x0 (netifmsg)" 1098 \
	"$(nm 'trm*' | grep -c ': 0x00000000 none$')"
bad=
for i in $(seq 0 50 1099) 7 1023 1024 1025 1050 1099; do
	want=0x0
	[ "$i" = 1050 ] || [ "$i" = 7 ] && want=0x1
	ethtool_mask_to got "trm$i"
	hex_to want "$want"
	[ "$got" = "$want" ] || bad="$bad trm$i=$got"
done
check_eq "1100 targets: each put back (ethtool)" "" "$bad"

# --- --for ends the session while it still says the restore commands
# (1100 lines take longer than its millisecond): on a standard error
# that takes them (a file), every one is said all the same
trace "$O" "$E" 'trm*' +link --for 0.001
stopped
check_eq "--for 0.001, 1100 targets: exit 0" 0 "$RC"
check_eq "--for 0.001, 1100 targets: 1100 'restore with' lines" 1100 \
	"$(grep -c '; if netifmsg is killed, restore with: ' "$E")"
check_eq "--for 0.001, 1100 targets: 1100 'restored:' lines" 1100 \
	"$(grep -c ': restored: ' "$E")"
# The trm taps stay until the namespace goes: deleting 1100 takes
# seconds, and no case after this one selects them by a pattern but on
# purpose.

# --- without CAP_SYSLOG: no records, still raised and restored
if [ "$(cat /proc/sys/kernel/dmesg_restrict 2>/dev/null)" = 1 ]; then
	check_rc "no CAP_SYSLOG" 0 ip netns exec "$NS" setpriv --bounding-set=-syslog \
		--inh-caps=-syslog "$NETIFMSG" --trace trc0 --for 0.3
	check_grep "no CAP_SYSLOG: says why nothing is shown" "cannot read /dev/kmsg" "$ERR"
	check_grep "no CAP_SYSLOG: still restored" "trc0: restored" "$ERR"
	check_mask "no CAP_SYSLOG: restored" trc0 0x0
	# -q prints nothing but errors: no note that it shows no records.
	check_rc "-q, no CAP_SYSLOG" 0 ip netns exec "$NS" setpriv --bounding-set=-syslog \
		--inh-caps=-syslog "$NETIFMSG" -q --trace trc0 --for 0.3
	check_nogrep "-q, no CAP_SYSLOG: no note" "cannot read /dev/kmsg" "$ERR"
	check_grep "-q, no CAP_SYSLOG: still restored" "trc0: restored" "$ERR"
else
	echo "note: dmesg_restrict is 0: the CAP_SYSLOG cases are not run"
fi
# --- without CAP_NET_ADMIN (whatever dmesg_restrict is): refused
check_rc "no CAP_NET_ADMIN: refused" 1 ip netns exec "$NS" setpriv --reuid=65534 \
	--regid=65534 --clear-groups --inh-caps=-all "$NETIFMSG" --trace trc0 --for 0.3
check_grep "no CAP_NET_ADMIN: the message" "trc0: permission denied" "$ERR"
check_nogrep "no CAP_NET_ADMIN: no restore line" "restore" "$ERR"
check_mask "no CAP_NET_ADMIN: unchanged" trc0 0x0

# --- /dev/null bound over /dev/kmsg (a container): its end of file is
# said once, and the session waits on, as it does without /dev/kmsg; it
# does not spin reading, blind to its interface going away.
command -v unshare >/dev/null 2>&1 || missing unshare util-linux
add_tap trc3 || fatal "cannot create trc3"
saved=("${NIM_WRAPPER[@]}")
NIM_WRAPPER=(unshare -m sh -c 'mount --bind /dev/null /dev/kmsg && exec "$@"' sh "${saved[@]}")
trace "$O" "$E" trc3 --for 120
NIM_WRAPPER=("${saved[@]}")
wait_for "$E" "kmsg ended" || fail "/dev/null as /dev/kmsg: its end said" "not in 20 s"
check_grep "/dev/null as /dev/kmsg: the note" \
	"netifmsg: note: /dev/kmsg ended (it is not the kernel log): no more messages are shown; the level is still raised and restored" "$E"
if wait_until sleeps_polling "$TPID"; then
	pass "/dev/null as /dev/kmsg: the trace waits, not spinning"
else
	proc_where_to where "$TPID"
	fail "/dev/null as /dev/kmsg: the trace waits, not spinning" "not after 20 s: $where"
fi
ip -n "$NS" link del trc3
if wait_until ended "$TPID"; then
	stopped
	check_eq "/dev/null as /dev/kmsg: ends when its interface goes away: exit 0" 0 "$RC"
	check_grep "/dev/null as /dev/kmsg: the interface went away, said" \
		"trc3: the interface went away" "$E"
else
	fail "/dev/null as /dev/kmsg: ends when its interface goes away" "still running 20 s after"
	kill -TERM "$TPID"
	stopped
fi
check_eq "/dev/null as /dev/kmsg: the note once" 1 "$(grep -c 'kmsg ended' "$E")"
add_tap trc3 || fatal "cannot create trc3"
NIM_WRAPPER=(unshare -m sh -c 'mount --bind /dev/null /dev/kmsg && exec "$@"' sh "${saved[@]}")
check_rc "-q, /dev/null as /dev/kmsg" 0 nm -q --trace trc3 --for 0.5
NIM_WRAPPER=("${saved[@]}")
check_nogrep "-q, /dev/null as /dev/kmsg: no note" "kmsg ended" "$ERR"
check_grep "-q, /dev/null as /dev/kmsg: still restored" "trc3: restored" "$ERR"
ip -n "$NS" link del trc3

# --- records with a dynamic debug decoration (flags t, m, f, s, l), as
# netif_dbg() writes them for a device with a parent, which no tap has: a
# FIFO bound over /dev/kmsg gives them, one record per read().  Shown
# with their decoration; a record whose plain reading names a traced
# interface stays that interface's.
kfifo=$NIM_TMP/kmsg.fifo
mkfifo "$kfifo" || fatal "cannot make a FIFO"
exec {kfd}<>"$kfifo"
for n in trc4 trc5; do
	add_tap "$n" || fatal "cannot create $n"
done
# record TEXT: one kernel record (facility 0, level 7) into the FIFO,
# once the one before is read (a read() takes all the FIFO holds); then
# a record of its own that is shown, waited for, so that one not shown
# cannot hide a failure.
nrec=0
record() {
	sleep 0.3
	printf '7,1,2,-;%s\n' "$1" >&"$kfd"
	sleep 0.3
	printf '7,1,2,-;trc5: seen %d\n' $((++nrec)) >&"$kfd"
	wait_for "$O" "trc5: seen $nrec\$" || fail "dyndbg: record $nrec read" "not in 8 s"
}
NIM_WRAPPER=(unshare -m sh -c 'mount --bind "$0" /dev/kmsg && exec "$@"' "$kfifo" "${saved[@]}")
trace "$O" "$E" 'trc[45]' --for 120
NIM_WRAPPER=("${saved[@]}")
record "e1000e:e1000_watchdog_task:drivers/net/e1000e/netdev.c:5072: e1000e 0000:00:19.0 trc4: mfsl"
record "[815] e1000e 0000:00:19.0 trc4: t"
record "<intr> e1000e:5072: e1000e 0000:00:19.0 trc4 (unregistering): tml"
record "trc5: a b trc4: plain"
record "tun:tun_get_user: tun 0 trc4: tap"
record "e1000-e: e1000e 0000:00:19.0 trc4: badname"
record "5072:e1000e: e1000e 0000:00:19.0 trc4: badorder"
record "x e1000e: e1000e 0000:00:19.0 trc4: notstart"
kill -TERM "$TPID"
stopped
exec {kfd}>&-
check_eq "dyndbg: exit 0" 0 "$RC"
check_egrep "dyndbg: flags mfsl: shown with the decoration" \
	'^\[ *0\.000002\] trc4: e1000e:e1000_watchdog_task:drivers/net/e1000e/netdev\.c:5072: mfsl$' "$O"
check_egrep "dyndbg: flag t: shown with the decoration" '^\[ *0\.000002\] trc4: \[815\] t$' "$O"
check_egrep "dyndbg: flags tml, a registration state" '^\[ *0\.000002\] trc4: <intr> e1000e:5072: tml$' "$O"
check_egrep "dyndbg: the plain reading wins" '^\[ *0\.000002\] trc5: a b trc4: plain$' "$O"
check_nogrep "dyndbg: the plain reading wins: not trc4's" "trc4: a b" "$O"
check_grep "dyndbg: three words after the decoration: trc4's" "trc4: tun:tun_get_user: tap" "$O"
check_nogrep "dyndbg: a module name of no C identifier: not shown" "badname" "$O"
check_nogrep "dyndbg: the line before the module: not shown" "badorder" "$O"
check_nogrep "dyndbg: not at the start: not shown" "notstart" "$O"
check_eq "dyndbg: nothing else shown" 5 "$(grep -vc 'trc5: seen' "$O")"
for n in trc4 trc5; do
	ip -n "$NS" link del "$n"
done

# --- a line cut part-way on a terminal (SIGTERM while it does not take
# all of a record): ended by a newline, so that the next line there (on
# standard error, "restored:") starts on a line of its own.  The
# terminal is a pty of python3's, not read until the trace waits to say
# the restore; records of 3000 bytes through the FIFO as /dev/kmsg
# fill it.
command -v python3 >/dev/null 2>&1 || missing python3 python3
set_mask trc0 0x0
python3 - "$kfifo" "$NIM_TMP/pty.out" ip netns exec "$NS" unshare -m sh -c \
	'mount --bind "$0" /dev/kmsg && exec "$@"' "$kfifo" "${NIM_WRAPPER[@]}" \
	"$NETIFMSG" --trace trc0 +link <<'EOF'
import os, pty, select, signal, subprocess, sys, time
fifo, path, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
os.close(slave)
out = b""
# What the terminal shows in @wait seconds: None if nothing, False at
# its end (EIO: the trace ended).
def read_some(wait):
    global out
    if not select.select([master], [], [], wait)[0]:
        return None
    try:
        b = os.read(master, 65536)
    except OSError:
        b = b""
    out += b
    return b != b""
# A write(2) to the terminal (fd 1 or 2) that sleeps: it is full.
def blocked(fds=("0x1", "0x2")):
    with open("/proc/%d/syscall" % p.pid) as f:
        return f.read().split()[1:2] in [[fd] for fd in fds]
end = time.time() + 15
while b"restore with" not in out and time.time() < end:
    if read_some(0.1) is False:
        sys.exit("the trace ended: " + out.decode(errors="replace"))
k = os.open(fifo, os.O_WRONLY)
for i in range(200):
    if blocked():
        time.sleep(0.2)
        if blocked():
            break
    os.write(k, b"7,%d,2,-;trc0: %s\n" % (i, b"x" * 3000))
    time.sleep(0.1)
else:
    sys.exit("the trace did not block writing to the terminal")
p.send_signal(signal.SIGTERM)
# Not read until the record is left (the restore's lines wait on fd 2):
# a record the terminal takes after the signal is written whole.
end = time.time() + 20
while time.time() < end:
    try:
        if blocked(("0x2",)):
            break
    except OSError:
        break
    time.sleep(0.05)
while read_some(20):
    pass
open(path, "wb").write(out.replace(b"\r", b""))
sys.exit(p.wait())
EOF
RC=$?
check_eq "a line cut on a terminal: exit 0" 0 "$RC"
check_egrep "a line cut on a terminal: a record cut part-way" \
	'^\[ *[0-9.]+\] trc0: x{1,2999}($|netifmsg: )' "$NIM_TMP/pty.out"
check_egrep "a line cut on a terminal: the next line starts on a line of its own" \
	'^netifmsg: trc0: restored: 0x00000000 none$' "$NIM_TMP/pty.out"
check_mask "a line cut on a terminal: restored" trc0 0x0

# --- a signal caught while an answer of the kernel is awaited (a second
# Ctrl-C during the restore) makes the receive fail with EINTR: it is
# tried again, and nothing is lost.  strace makes every other netlink
# receive fail so.  LeakSanitizer cannot work under ptrace: a sanitizer
# build leaves leaks to the other cases here.
# /^recvmmsg: 32-bit glibc calls recvmmsg_time64.
if command -v strace >/dev/null 2>&1; then
	# faulted INJECT ARGS...: netifmsg --trace ARGS inside $NS under
	# strace, with strace's "-e inject=INJECT" on the calls it names.
	faulted() {
		local inject=$1
		shift
		no_lsan \
			ip netns exec "$NS" \
			strace -f -qq -o /dev/null -e trace="${inject%%:*}" \
			-e inject="$inject" "$NETIFMSG" --trace "$@"
	}
	set_mask trc0 0x1
	check_rc "EINTR on every other netlink receive" 0 \
		faulted recvmsg,/^recvmmsg:error=EINTR:when=1+2 trc0 --for 0.3
	check_grep "EINTR: raised" "trc0: now 0x00007fff" "$ERR"
	check_grep "EINTR: restored" "trc0: restored: 0x00000001 drv" "$ERR"
	check_mask "EINTR: trc0 restored" trc0 0x1
	set_mask trc0 0x0

	# The change went through, but reading back what it did broke off:
	# its receive fails (ENOBUFS), or its send does (EPERM: an LSM); or
	# the answer to the change itself is lost (the 3rd recvmsg: ENOMEM).
	# The trace still puts back what it changed, and says so truly.
	for fault in /^recvmmsg:error=ENOBUFS:when=1 sendto:error=EPERM:when=4 \
		recvmsg:error=ENOMEM:when=3; do
		set_mask trc0 0x1
		check_rc "read-back fails ($fault)" 1 \
			faulted "$fault" trc0 --for 0.3
		check_grep "read-back fails ($fault): restored" \
			"trc0: restored: 0x00000001 drv" "$ERR"
		check_nogrep "read-back fails ($fault): nobody else changed it" \
			"someone else" "$ERR"
		# The read's failure says what it was (not the set's answer).
		case $fault in
		*ENOBUFS*) rbmsg="No buffer space available" ;;
		*EPERM*) rbmsg="Operation not permitted" ;;
		*) rbmsg= ;;
		esac
		[ -z "$rbmsg" ] || check_egrep "read-back fails ($fault): says what failed" \
			"^netifmsg: $rbmsg: the levels could not be read back after the change\$" "$ERR"
		check_mask "read-back fails ($fault): trc0 restored" trc0 0x1
	done

	# /dev/kmsg refused with EPERM to root, who has CAP_SYSLOG: what
	# devkmsg_open() answers everyone where kernel.printk_devkmsg is off
	# (printk.devkmsg=off), which no test may set; strace fails the open
	# so.  The note names that cause too, not CAP_SYSLOG alone.
	set_mask trc0 0x0
	check_rc "EPERM from /dev/kmsg with CAP_SYSLOG" 0 \
		no_lsan \
		ip netns exec "$NS" strace -qq -o /dev/null -P /dev/kmsg \
		-e trace=openat -e inject=openat:error=EPERM \
		"$NETIFMSG" --trace trc0 --for 0.1
	check_grep "EPERM from /dev/kmsg with CAP_SYSLOG: both causes said" \
		"note: cannot read /dev/kmsg (Operation not permitted: it needs CAP_SYSLOG where kernel.dmesg_restrict is 1, and kernel.printk_devkmsg not off): no messages are shown" "$ERR"
	check_grep "EPERM from /dev/kmsg with CAP_SYSLOG: restored" \
		"trc0: restored: 0x00000000 none" "$ERR"
	check_mask "EPERM from /dev/kmsg with CAP_SYSLOG: put back" trc0 0x0

	# A read of /dev/kmsg that fails (EIO, as from a file bound over it
	# that is not the kernel log) is said as one that cannot be opened:
	# the session goes on without records, until SIGTERM, exit 0.
	set_mask trc0 0x0
	: >"$NIM_TMP/strace"
	strace_trace "$O" "$E" -o "$NIM_TMP/strace" -P /dev/kmsg \
		-e trace=read -e inject=read:error=EIO -- trc0
	taplog trc0
	wait_for "$NIM_TMP/strace" "INJECTED" ||
		fatal "no read of /dev/kmsg failed; the trace said: $(cat "$E")"
	if wait_until sleeps_polling "$(pgrep -P "$TPID")"; then
		pass "a read of /dev/kmsg fails: the session goes on"
		kill -TERM "$(pgrep -P "$TPID")"
	else
		fail "a read of /dev/kmsg fails: the session goes on" "it ended"
	fi
	stopped
	check_eq "a read of /dev/kmsg fails: exit 0" 0 "$RC"
	check_grep "a read of /dev/kmsg fails: said" \
		"note: cannot read /dev/kmsg (Input/output error): no more messages are shown; the level is still raised and restored" "$E"
	check_grep "a read of /dev/kmsg fails: restored" \
		"trc0: restored: 0x00000000 none" "$E"
	check_mask "a read of /dev/kmsg fails: put back" trc0 0x0

	# The kernel log wrapped past records not read yet (a read says
	# EPIPE): said, and the records after it are still shown.
	set_mask trc0 0x0
	: >"$NIM_TMP/strace"
	strace_trace "$O" "$E" -o "$NIM_TMP/strace" -P /dev/kmsg \
		-e trace=read -e inject=read:error=EPIPE:when=1 -- trc0
	taplog trc0
	wait_for "$NIM_TMP/strace" "INJECTED" ||
		fatal "no read of /dev/kmsg failed; the trace said: $(cat "$E")"
	wait_for "$O" "trc0: persist enabled" ||
		fail "the kernel log wrapped: the records after it shown" "not in 20 s"
	kill -TERM "$(pgrep -P "$TPID")"
	stopped
	check_eq "the kernel log wrapped: exit 0" 0 "$RC"
	check_grep "the kernel log wrapped: said" \
		"netifmsg: note: the kernel log wrapped: records were lost" "$E"
	check_grep "the kernel log wrapped: restored" \
		"trc0: restored: 0x00000000 none" "$E"
	check_mask "the kernel log wrapped: put back" trc0 0x0

	# A reader that reset its connection (a TCP reader that closes with
	# data unread: write() says ECONNRESET) is gone, as a pipe's: the
	# trace ends at its first record, exit status 0, nothing said but its
	# start and restore (it once said "write error: Connection reset by
	# peer", exit status 1).  strace fails the writes to the output file.
	set_mask trc0 0x0
	strace_trace "$O" "$E" -o /dev/null -P "$O" \
		-e trace=write -e inject=write:error=ECONNRESET -- trc0
	taplog trc0
	stopped
	check_eq "its reader's connection reset: exit 0" 0 "$RC"
	check_file "its reader's connection reset: its start and restore said" \
		"netifmsg: trc0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg trc0 0x00000000/0x00007fff
netifmsg: trc0: restored: 0x00000000 none" "$E"
	check_mask "its reader's connection reset: restored" trc0 0x0

	# The restore's own set fails (the 6th send): the trace says the
	# level is still raised, and the command that puts it back.
	set_mask trc0 0x1
	check_rc "restore fails" 1 \
		faulted sendto:error=ENOBUFS:when=6 trc0 --for 0.3
	check_grep "restore fails: says so, and how to restore" \
		"trc0: not restored: its level is still raised; restore with: netifmsg trc0 0x00000000/0x00007ffe" "$ERR"
	check_nogrep "restore fails: no 'restored:'" "trc0: restored:" "$ERR"
	check_mask "restore fails: trc0 still raised" trc0 0x7fff
	cmd=$(sed -n 's/.*not restored: .*restore with: netifmsg //p' "$ERR")
	ip netns exec "$NS" bash -c "$NETIFMSG $cmd" ||
		fail "restore fails: the printed command" "exit $?"
	check_mask "restore fails: the printed command restores trc0" trc0 0x1
	set_mask trc0 0x0

	# Two interfaces, and the reads before their restore break off (the
	# 5th send): neither is restored blindly, both are said.
	set_mask trc0 0x0
	set_mask trc1 0x0
	check_rc "reads before the restore break off" 1 \
		faulted sendto:error=ENOBUFS:when=5 'trc[01]' --for 0.3
	check_egrep "reads before the restore break off: said so" \
		"^netifmsg: No buffer space available: the levels could not be read before the restore\$" "$ERR"
	for n in trc0 trc1; do
		check_grep "reads before the restore break off: $n not restored" \
			"$n: not restored: its level is still raised" "$ERR"
		check_mask "reads before the restore break off: $n still raised" \
			"$n" 0x7fff
	done
	set_mask trc0 0x0

	# Two interfaces, and the run of their restores breaks off (the 6th
	# send: family, dump, change, read-back, the reads before the
	# restore, the restores: each one pipelined send for both):
	# neither is said to be restored.
	set_mask trc1 0x0
	check_rc "restores of two break off" 1 \
		faulted sendto:error=ENOBUFS:when=6 'trc[01]' --for 0.3
	for n in trc0 trc1; do
		check_grep "restores of two break off: $n not restored" \
			"$n: not restored: its level is still raised" "$ERR"
		check_nogrep "restores of two break off: $n not said restored" \
			"$n: restored:" "$ERR"
		check_mask "restores of two break off: $n still raised" "$n" 0x7fff
		set_mask "$n" 0x0
	done

	# Renamed after it was read, before the change, and its name given
	# to another interface: the change is refused, as netlink refuses a
	# name and an index that do not match, also over the ioctl, which
	# sets by name; the other interface is not raised.  strace stops the
	# trace at its lseek() to the end of /dev/kmsg, after the read of
	# trc0, before the change (_llseek for an i386 program).
	for via in netlink ioctl; do
		args=(trc0 +link)
		[ "$via" = ioctl ] && args=(--ioctl trc0 +link)
		set_mask trc0 0x1
		set_mask trc1 0x1
		: >"$NIM_TMP/strace"
		ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/strace" \
			-e trace='/^_?l?lseek$' \
			-e inject='/^_?l?lseek$:signal=SIGSTOP:when=1' \
			"$NETIFMSG" --trace "${args[@]}" >"$O" 2>"$E" &
		TPID=$!
		wait_for "$NIM_TMP/strace" 'stopped by SIGSTOP' ||
			fatal "strace did not stop the trace"
		ip -n "$NS" link set trc0 name trc0x &&
			ip -n "$NS" link set trc1 name trc0 ||
			fatal "cannot swap trc0's name"
		kill -CONT "$(pgrep -P "$TPID")"
		wait_until ended "$TPID" || kill -TERM "$(pgrep -P "$TPID")"
		stopped
		check_eq "$via: renamed before the change: refused, exit 1" 1 "$RC"
		check_mask "$via: renamed before the change: the interface now called trc0 not raised" \
			trc0 0x1
		check_mask "$via: renamed before the change: trc0x not raised" trc0x 0x1
		ip -n "$NS" link set trc0 name trc1 &&
			ip -n "$NS" link set trc0x name trc0 ||
			fatal "cannot swap trc0's name back"
	done
	set_mask trc0 0x0
	set_mask trc1 0x0

	# Renamed after the trace's last look, and its name given to another
	# interface: before the read that comes before its restore (the 5th
	# send: family, read, change, read-back, that read), or after it,
	# before the restore's own set (the 6th), which netlink refuses by the
	# old name.  Either way it is followed by its index and put back under
	# its new name, with no "no such network interface"; the other
	# interface is left alone.
	# shellcheck disable=SC2317 # called by wait_until
	sends() { [ "$(grep -c '^sendto(' "$NIM_TMP/strace")" -ge "$1" ]; }
	for when in 5 6; do
		case $when in
		5) at="renamed before the read for the restore" ;;
		*) at="renamed before the restore's set" ;;
		esac
		set_mask trc1 0x1
		: >"$NIM_TMP/strace"
		env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
			ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" \
			-e trace=sendto \
			-e inject=sendto:delay_enter=2000000:when=$when \
			"$NETIFMSG" --trace trc0 --for 0.3 >"$O" 2>"$E" &
		TPID=$!
		wait_until sends "$when" ||
			fatal "$at: the trace did not reach send $when"
		ip -n "$NS" link set trc0 name trc0x &&
			ip -n "$NS" link set trc1 name trc0 ||
			fatal "cannot swap trc0's name"
		stopped
		check_eq "$at: exit 0" 0 "$RC"
		check_grep "$at: followed" \
			"trc0: renamed to 'trc0x': traced on" "$E"
		check_nogrep "$at: no command for a session killed" \
			"renamed to 'trc0x': traced on;" "$E"
		check_nogrep "$at: not said to be gone" \
			"no such network interface" "$E"
		check_grep "$at: restored by its new name" \
			"trc0x: restored: 0x00000000 none" "$E"
		check_mask "$at: trc0x put back" trc0x 0x0
		check_mask "$at: the interface now called trc0 left alone" \
			trc0 0x1
		ip -n "$NS" link set trc0 name trc1 &&
			ip -n "$NS" link set trc0x name trc0 ||
			fatal "cannot swap trc0's name back"
		set_mask trc1 0x0
	done

	# The same rename on a blocked standard error, among 300 targets (two
	# runs: trm100..trm355, trm356..trm399): the line that says it, made
	# during the restore of the first run, waits for the restores of
	# both, as the last lines do.  The read before the first run's
	# restore is the first send after the session's wait (ppoll),
	# counted in a run with nothing blocked.
	: >"$NIM_TMP/strace"
	no_lsan \
		ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace=sendto,ppoll \
		"$NETIFMSG" --trace 'trm[1-3]??' +link --for 0.3 >"$O" 2>"$E" ||
		fatal "the count of sends failed"
	nsend=$(sed '/^ppoll(/q' "$NIM_TMP/strace" | grep -c '^sendto(')
	: >"$NIM_TMP/strace"
	exec {hold}<>"$NIM_TMP/fifo"
	dd if=/dev/zero of="$NIM_TMP/fifo" bs=4096 count=1024 oflag=nonblock 2>/dev/null
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace=sendto \
		-e inject=sendto:delay_enter=2000000:when=$((nsend + 1)) \
		"$NETIFMSG" --trace 'trm[1-3]??' +link --for 0.5 >"$O" 2>"$NIM_TMP/fifo" &
	TPID=$!
	wait_until sends $((nsend + 1)) ||
		fatal "the trace did not reach the read before its restore"
	ip -n "$NS" link set trm100 name trm100x || fatal "cannot rename trm100"
	blocked_end "a rename said during the restore, stderr blocked" trm399
	check_grep "a rename said during the restore: said, once read" \
		"trm100: renamed to 'trm100x': traced on" "$NIM_TMP/drained"
	check_grep "a rename said during the restore: restored by its new name" \
		"trm100x: restored: 0x00000000 none" "$NIM_TMP/drained"
	check_mask "a rename said during the restore: trm100x put back" trm100x 0x0
	ip -n "$NS" link set trm100x name trm100 || fatal "cannot rename trm100x"
else
	missing strace strace
fi

# --- the dynamic debug note, through tests/netifmsg-dyndbg, whose control
# file is $top_builddir/tests/dyndbg-control (this kernel may have none)
DYNDBG=${NETIFMSG_DYNDBG:-$(dirname "$NETIFMSG")/../tests/netifmsg-dyndbg}
[ -x "$DYNDBG" ] || fatal "test program '$DYNDBG' not found (make check builds it)"
CONTROL=$(cd "$(dirname "$DYNDBG")" && pwd)/dyndbg-control
NOTE="note: tun's netif_dbg() messages also need their dynamic debug call sites: echo 'module tun +p' > $CONTROL"
dyn() { ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$DYNDBG" --trace "$@" --for 0.2; }
cat >"$CONTROL" <<'CTL'
# filename:lineno [module]function flags format
drivers/net/tun.c:1301 [tun]tun_net_xmit =_ "%s: tun_net_xmit %d\012"
drivers/net/tun.c:2001 [tun]tun_get_user =_ "%s: tun_get_user\012"
drivers/net/veth.c:101 [veth]veth_xmit =p "veth %s\012"
CTL
check_rc "dyndbg: tun's sites off" 0 dyn trc0
check_grep "dyndbg: tun's sites off: the note" "$NOTE" "$ERR"
# -q shows no records: nor that some would need their call sites.
check_rc "dyndbg: -q, tun's sites off" 0 dyn -q trc0
check_nogrep "dyndbg: -q, tun's sites off: no note" "dynamic debug" "$ERR"
check_grep "dyndbg: -q, tun's sites off: still restored" "trc0: restored" "$ERR"
check_rc "dyndbg: two tun taps" 0 dyn 'trc[01]'
check_eq "dyndbg: two tun taps: the note once" 1 "$(grep -c "dynamic debug call sites" "$ERR")"
sed -i 's/tun_get_user =_/tun_get_user =pf/' "$CONTROL"
check_rc "dyndbg: one tun site on" 0 dyn trc0
check_nogrep "dyndbg: one tun site on: no note" "dynamic debug" "$ERR"
# flags that end the line, with no format after them
sed -i 's/tun_get_user =pf .*/tun_get_user =p/' "$CONTROL"
check_rc "dyndbg: flags at the end of the line" 0 dyn trc0
check_nogrep "dyndbg: flags at the end of the line: no note" "dynamic debug" "$ERR"
grep -v '\[tun\]' "$CONTROL" >"$CONTROL.new" && mv "$CONTROL.new" "$CONTROL"
check_rc "dyndbg: no tun site" 0 dyn trc0
check_nogrep "dyndbg: no tun site: no note" "dynamic debug" "$ERR"
rm -f "$CONTROL"
check_rc "dyndbg: no control file" 0 dyn trc0
check_nogrep "dyndbg: no control file: no note" "dynamic debug" "$ERR"
check_mask "dyndbg: each trace restored" trc0 0x0

# --- the restore command, pasted into a shell, sets exactly its own
# interface back, whatever bytes the name holds.
ODD=('d$x' "d'x" 'd;x' 'd*x' 'dzx' 'd\' '-d' 'd"x' 'd!x' 'd`x' $'d\x01x' 'dé')
for n in "${ODD[@]}"; do
	add_tap "$n" || fatal "cannot create tap '$n'"
	set_mask "$n" 0x1
done
trace "$O" "$E" '[-d]*' --for 0.2
stopped
check_eq "odd names: traced and restored, exit 0" 0 "$RC"
check_eq "odd names: a restore command each" "${#ODD[@]}" "$(grep -c 'restore with: netifmsg ' "$E")"
for n in "${ODD[@]}"; do
	set_mask "$n" 0x7fff
done
k=0
while IFS= read -r cmd; do
	k=$((k + 1))
	ip netns exec "$NS" bash -c "${NIM_WRAPPER[*]} $NETIFMSG ${cmd#netifmsg }" ||
		fail "odd names: restore command $k" "exit $?: $cmd"
	check_eq "odd names: restore command $k sets one interface: $cmd" "$k" \
		"$(nm -x '[-d]*' | grep -c '0x00000001$')"
done < <(sed -n 's/.*restore with: //p' "$E")
# A '!' goes as \x21: in an interactive bash, "d!x" would be history
# expansion.
sed -n 's/.*restore with: //p' "$E" >"$NIM_TMP/restore-cmds"
check_nogrep "odd names: no '!' as it is in a restore command" '!' "$NIM_TMP/restore-cmds"
check_grep "odd names: d!x's restore command has \"d\\\\x21x\"" '"d\\x21x"' "$NIM_TMP/restore-cmds"
# (ethtool reads "-d" as its option; the count above has it.)
for n in "${ODD[@]}"; do
	[ "$n" = -d ] && continue
	check_mask "odd names: '$n' put back by its command" "$n" 0x1
done

# --- -n NETNS in the restore command, whatever bytes it holds: paths
# to the namespace through links with odd names
for p in "n'q" 'n\b' 'n x' $'n\x01c' 'n$x' 'né' $'n\xffq'; do
	ln -s "/run/netns/$NS" "$NIM_TMP/$p" || fatal "cannot link '$p'"
	check_rc "odd -n path '$p': --trace" 0 nm_here -n "$NIM_TMP/$p" --trace trc0 +link --for 0.2
	cmd=$(sed -n 's/.*restore with: //p' "$ERR")
	set_mask trc0 0x5
	bash -c "${NIM_WRAPPER[*]} $NETIFMSG ${cmd#netifmsg }" ||
		fail "odd -n path '$p': the restore command" "exit $?: $cmd"
	check_mask "odd -n path '$p': the restore command cleared link: $cmd" trc0 0x1
	set_mask trc0 0x0
done

# in_dir DIR CMD...: CMD run in DIR.
in_dir() {
	(cd "$1" && shift && "$@")
}

# --- a relative -n path is said from /: the restore command works from
# any directory
check_rc "relative -n path: --trace" 0 in_dir /run/netns nm_here -n "./$NS" --trace trc0 +link --for 0.2
check_grep "relative -n path: the restore command names it from /" \
	"restore with: netifmsg -n /run/netns/$NS trc0 " "$ERR"
cmd=$(sed -n 's/.*restore with: //p' "$ERR")
set_mask trc0 0x5
in_dir "$NIM_TMP" bash -c "${NIM_WRAPPER[*]} $NETIFMSG ${cmd#netifmsg }" ||
	fail "relative -n path: the restore command from elsewhere" "exit $?: $cmd"
check_mask "relative -n path: the restore command cleared link" trc0 0x1
set_mask trc0 0x0

# --- SIGTERM while it starts, before it catches the signal (strace sends
# it as its first socket opens): held, the session raises, ends at once
# and puts the level back, exit 0.  LeakSanitizer cannot work under ptrace.
command -v strace >/dev/null 2>&1 || missing strace strace
set_mask trc0 0x0
check_rc "SIGTERM while it starts: exit 0" 0 timeout -s KILL 60 \
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -qq -o /dev/null -e trace=socket \
	-e inject=socket:signal=SIGTERM:when=1 \
	"$NETIFMSG" -n "$NS" --trace trc0 +link
check_grep "SIGTERM while it starts: raised" "trc0: now 0x00000004; " "$ERR"
check_grep "SIGTERM while it starts: restored" "trc0: restored: 0x00000000 none" "$ERR"
check_mask "SIGTERM while it starts: put back" trc0 0x0

# --- -q: no records, but the restore lines still (netifmsg(8), -q)
trace "$O" "$E" -q trc0 --for 1
taplog trc0
stopped
check_eq "-q --trace: exit 0" 0 "$RC"
check_empty "-q --trace: trc0's records not printed" "$O"
check_grep "-q --trace: how to restore" "trc0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg trc0 " "$E"
check_grep "-q --trace: what it restored" "trc0: restored: 0x00000000 none" "$E"
check_mask "-q --trace: put back" trc0 0x0

# --- -q writes nothing on standard output: the reader of its pipe going
# away (or its terminal hanging up, SIGHUP ignored) does not end it
# (netifmsg(8), -q).  The FIFO's one reader (sent nothing with -q) goes
# once the trace has started: the trace waits on, its level raised.
cat <"$NIM_TMP/head" >/dev/null &
rp=$!
trace "$NIM_TMP/head" "$E" -q trc0
kill "$rp"
wait "$rp"
if wait_until sleeps_polling "$TPID"; then
	pass "-q, its pipe's reader gone: the session waits on"
	check_mask "-q, its pipe's reader gone: still raised" trc0 0x7fff
	kill -TERM "$TPID"
else
	fail "-q, its pipe's reader gone: the session waits on" \
		"it does not wait for records (ended: $(ended "$TPID" && echo yes))"
	kill -TERM "$TPID" 2>/dev/null
fi
stopped
check_eq "-q, its pipe's reader gone, then SIGTERM: exit 0" 0 "$RC"
check_grep "-q, its pipe's reader gone: restored" "trc0: restored: 0x00000000 none" "$E"
check_mask "-q, its pipe's reader gone: put back" trc0 0x0

# --- the ioctl socket cannot be opened (EMFILE): said as the trace's
# other failed system calls are, exit 1, nothing changed.  It is the
# last fd a session needs (without /dev/kmsg it runs on): one below the
# lowest ulimit -n at which a session runs, it alone is refused.  The
# limit is found, not assumed.  Not under the wrapper: below the fds it
# needs itself, valgrind aborts with an assertion of its own, which the
# valgrind stage would count as a report.
nofile() {
	ip netns exec "$NS" bash -c 'ulimit -n "$1" && shift && exec "$@"' \
		nofile "$1" "$NETIFMSG" --trace trc0 --for 0.1
}
for ((lim = 4; lim < 64; lim++)); do
	nofile "$lim" >/dev/null 2>&1 && break
done
set_mask trc0 0x0
check_rc "ulimit -n $((lim - 1)): the ioctl socket fails" 1 nofile $((lim - 1))
check_grep "the ioctl socket fails: said" "netifmsg: trace: Too many open files" "$ERR"
check_nogrep "the ioctl socket fails: nothing raised" "restore" "$ERR"
check_mask "the ioctl socket fails: unchanged" trc0 0x0

# --- a small stack (ulimit -s): a session runs where a change does.  Its
# restore buffers once took over 64 KiB of stack, and it died after the
# raise, leaving the level raised and no restore command said.  The
# lowest limit at which a change runs (in steps of 4 KiB) is found, not
# assumed (a sanitizer build needs more); the session gets twice it.
# Not under the wrapper, which needs a stack of its own.
stack() {
	local lim=$1
	shift
	ip netns exec "$NS" bash -c 'ulimit -s "$1" && shift && exec "$@"' \
		stack "$lim" "$NETIFMSG" "$@"
}
for ((lim = 8; lim < 1024; lim += 4)); do
	stack "$lim" -v trc0 +drv >/dev/null 2>&1 && break
done
set_mask trc0 0x0
check_rc "ulimit -s $((2 * lim)) (a change runs at $lim): --trace" 0 \
	stack $((2 * lim)) --trace trc0 --for 0.1
check_grep "ulimit -s $((2 * lim)): how to restore" \
	"trc0: now 0x00007fff; if netifmsg is killed, restore with: netifmsg trc0 " "$ERR"
check_grep "ulimit -s $((2 * lim)): what it restored" "trc0: restored: 0x00000000 none" "$ERR"
check_mask "ulimit -s $((2 * lim)): restored" trc0 0x0
# Below that, where a session may not fit, it ends before its raise, never
# after it with the level raised.  Where it ends depends on the bytes of
# the environment and on address randomization: without it (setarch -R),
# every limit from 8 to 32 KiB, each with environments from 0 to 3.5 KiB
# long, covers it.  A session that touched no more stack before its raise
# than it needed for it once left 32 of these 200 runs raised.
if command -v setarch >/dev/null 2>&1; then
	raised=
	for ((s = 8; s <= 32; s++)); do
		for ((pad = 0; pad < 4096; pad += 512)); do
			printf -v padding '%*s' "$pad" ''
			# (the braces: no "Segmentation fault" from bash)
			{ NIM_PAD=$padding ip netns exec "$NS" setarch -R bash -c \
				'ulimit -s "$1" && shift && exec "$@"' stack "$s" \
				"$NETIFMSG" --trace trc0 --for 0.01 >/dev/null; } 2>/dev/null
			ethtool_mask_to m trc0
			[ "$m" = 0x00000000 ] && continue
			raised+=" $s:$pad"
			set_mask trc0 0x0
		done
	done
	check_eq "ulimit -s 8 to 32 (KiB:padding): none left raised" "" "$raised"
else
	missing setarch util-linux
fi

# --- bad input changes nothing
check_rc "--trace without an interface" 2 nm --trace
check_rc "--trace -x" 2 nm --trace -x trc0
check_rc "--for without --trace" 2 nm trc0 --for 3
check_rc "--for 0" 2 nm --trace trc0 --for 0
check_rc "--for x" 2 nm --trace trc0 --for x
check_mask "bad input: unchanged" trc0 0x0

finish
