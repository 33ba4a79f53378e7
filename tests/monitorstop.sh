#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# SIGINT and SIGTERM end --monitor within a second with exit status 0 in
# every state: starting, waiting for notifications, and with its
# standard output blocked (a pipe whose reader does not read: write(2)
# blocks), where what it wrote to the pipe still ends with a whole line;
# output beyond the file size limit ends it with a write error, and the
# file still ends with a whole line.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

[ -n "${EPOCHREALTIME:-}" ] || skip "needs bash 5 (EPOCHREALTIME)"
setup_ns 2
set_mask tap0 0x0

MON_PID=
# shellcheck disable=SC2154 # nim_rc is set inside the trap
trap 'nim_rc=$?; [ -z "$MON_PID" ] || kill -KILL "$MON_PID" 2>/dev/null; (exit "$nim_rc"); cleanup' EXIT

# Long lines and short ones, 2000 changes: far more than a pipe holds.
for ((i = 0; i < 1000; i++)); do
	echo "tap0 all"
	echo "tap0 none"
done >"$NIM_TMP/flood"

# stop_within NAME SIGNAL: send SIGNAL to the monitor, which must exit
# with status 0 within a second.
stop_within() {
	local name=$1 sig=$2 t0 t1 ms i
	t0=$EPOCHREALTIME
	kill "-$sig" "$MON_PID"
	for ((i = 0; i < 300; i++)); do
		kill -0 "$MON_PID" 2>/dev/null || break
		sleep 0.01
	done
	t1=$EPOCHREALTIME
	ms=$(((${t1/./} - ${t0/./}) / 1000))
	if kill -0 "$MON_PID" 2>/dev/null; then
		fail "$name: ends on SIG$sig" "still running after ${ms} ms"
		kill -KILL "$MON_PID"
		wait "$MON_PID" 2>/dev/null
	else
		wait "$MON_PID"
		check_eq "$name: exit status 0 after SIG$sig" 0 "$?"
		if ((ms < 1000)); then
			pass "$name: ended within a second (${ms} ms)"
		else
			fail "$name: ended within a second" "it took ${ms} ms"
		fi
	fi
	MON_PID=
}

# A monitor writing into FIFO, which this shell holds open on
# descriptor 3 and does not read.
FIFO=$NIM_TMP/fifo
mkfifo "$FIFO" || fatal "mkfifo failed"

# start_blocked: a monitor whose output pipe is full.
start_blocked() {
	local line try
	exec 3<>"$FIFO"
	"${SIGS_DEFAULT[@]}" "${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor \
		>"$FIFO" 2>"$NIM_TMP/mon.err" &
	MON_PID=$!
	# Until it has joined the group: its first line (at most 20 s).
	for ((try = 0; try < 200; try++)); do
		set_mask tap1 $((1 + try % 2))
		read -r -t 0.1 -u 3 line && break
	done
	[ -n "$line" ] || fatal "the monitor did not start"
	nm -f --batch "$NIM_TMP/flood" || fatal "the flood batch failed"
	# The state the check is about: the monitor sleeps in a write.
	if wait_until sleeps_writing "$MON_PID"; then
		pass "$1: the monitor is blocked writing"
	else
		proc_where_to line "$MON_PID"
		fail "$1: the monitor is blocked writing" \
			"not after 20 s: state, wchan, syscall, its fd: $line"
	fi
}

# whole_lines NAME: what the monitor stopped while blocked left in the
# FIFO ends with a whole line: it writes a pipe in pieces of whole lines
# of at most PIPE_BUF bytes, each taken whole or not at all.
whole_lines() {
	local line last=
	while IFS= read -r -t 1 -u 3 line; do
		last=$line
	done
	if [ -n "$last" ] && [ -z "$line" ]; then
		pass "$1: the pipe holds whole lines only"
	else
		fail "$1: the pipe holds whole lines only" \
			"last whole line: '$last'" "then cut: '$line'"
	fi
}

start_blocked "blocked stdout, SIGTERM"
stop_within "blocked stdout" TERM
whole_lines "blocked stdout, SIGTERM"
exec 3<&-

start_blocked "blocked stdout, SIGINT"
stop_within "blocked stdout" INT
whole_lines "blocked stdout, SIGINT"
exec 3<&-

# --- idle: waiting for notifications
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor >"$NIM_TMP/idle.out" \
	2>"$NIM_TMP/idle.err" &
MON_PID=$!
sync_monitors tap1 "$NIM_TMP/idle.out"
# The state the check is about: the monitor has printed what came and
# waits for more in ppoll().
if wait_until sleeps_polling "$MON_PID"; then
	pass "idle: the monitor waits for notifications"
else
	proc_where_to line "$MON_PID"
	fail "idle: the monitor waits for notifications" \
		"not after 20 s: state, wchan, syscall, its fd: $line"
fi
stop_within "idle" TERM
check_empty "idle: nothing on stderr" "$NIM_TMP/idle.err"

# --- output beyond the file size limit (ulimit -f 1: 1024 bytes): the
# monitor ends with a write error, and the file, which the kernel filled
# with part of a line, is cut back to end with a whole line.
bash -c 'ulimit -f 1 && exec "$@"' ulimit \
	"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor -j >"$NIM_TMP/fsize.out" \
	2>"$NIM_TMP/fsize.err" &
MON_PID=$!
sync_monitors tap1 "$NIM_TMP/fsize.out"
nm -f --batch "$NIM_TMP/flood" || fatal "the flood batch failed"
if ! wait_until ended "$MON_PID"; then
	fail "ulimit -f: the monitor ends" "still running after 20 s"
	kill -KILL "$MON_PID"
fi
wait "$MON_PID"
check_eq "ulimit -f: exit status 1" 1 "$?"
MON_PID=
check_file "ulimit -f: message" "netifmsg: write error: File too large" \
	"$NIM_TMP/fsize.err"
check_eq "ulimit -f: the file ends with a newline" 0a \
	"$(tail -c 1 "$NIM_TMP/fsize.out" | od -An -tx1 | tr -d ' ')"
tail -n 1 "$NIM_TMP/fsize.out" >"$NIM_TMP/fsize.last"
check_json_valid "ulimit -f: its last line is a whole JSON object" \
	"$NIM_TMP/fsize.last"

# --- SIGTERM while it starts, before it catches the signal: held until
# it watches, then it ends as ever.  strace sends it as the monitor opens
# its first socket.  (Not SIGINT: a background make may have it ignored,
# which the monitor keeps.)  LeakSanitizer cannot work under ptrace.
command -v strace >/dev/null 2>&1 || missing strace strace
check_rc "SIGTERM while it starts: exit 0" 0 timeout -s KILL 60 \
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -qq -o /dev/null -e trace=socket \
	-e inject=socket:signal=SIGTERM:when=1 \
	"$NETIFMSG" -n "$NS" --monitor
check_empty "SIGTERM while it starts: nothing on stderr" "$ERR"

finish
