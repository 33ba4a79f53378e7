#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Closed standard descriptors: netifmsg opens 0, 1 and 2 on /dev/null the
# wrong way round when they are closed, so its netlink socket never takes
# their place.  A closed standard output gives "write error: Bad file
# descriptor", exit 1, for a show, a batch and a monitor (at its first
# line); a closed standard input is a read error of --batch -.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

# No wrapper: valgrind would open its log file on the closed descriptor
# before netifmsg starts, which is not what is tested here.
NIM_WRAPPER=()

setup_ns 2
set_mask tap0 0x1
set_mask tap1 0x0
WERR="netifmsg: write error: Bad file descriptor"
TRACE=$NIM_TMP/strace

# closed_out NAME RC ARGS...: nm ARGS with standard output closed.
closed_out() {
	local name=$1 want=$2
	shift 2
	nm "$@" >&- 2>"$ERR"
	check_eq "$name >&- (exit $want)" "$want" "$?"
}

closed_out "show tap0" 1 tap0
check_file "show tap0 >&-: message" "$WERR" "$ERR"
closed_out "show all" 1
check_file "show all >&-: message" "$WERR" "$ERR"
closed_out "show -j tap0" 1 -j tap0
check_file "show -j tap0 >&-: message" "$WERR" "$ERR"
# Nothing to print, nothing to fail.
closed_out "change tap1 (prints nothing)" 0 tap1 +wol
check_mask "change tap1 >&-: applied" tap1 0x4000
set_mask tap1 0x0

# A batch whose output is exactly one buffer (16384 bytes): it used to
# go into the netlink socket, with exit status 0.
for ((i = 0; i < 776; i++)); do
	echo tap0
done >"$NIM_TMP/shows"
printf 'tap1\n%.0s' 1 2 3 4 >>"$NIM_TMP/shows"
nm --batch "$NIM_TMP/shows" >"$OUT"
check_eq "the batch prints 16384 bytes" 16384 "$(wc -c <"$OUT" | tr -d ' ')"
closed_out "--batch of show lines" 1 --batch "$NIM_TMP/shows"
check_file "--batch of show lines >&-: message" "$WERR" "$ERR"
printf 'tap1 +drv\n' >"$NIM_TMP/change"
closed_out "-v --batch" 1 -v --batch "$NIM_TMP/change"
check_file "-v --batch >&-: message" "$WERR" "$ERR"
check_mask "-v --batch >&-: applied" tap1 0x1

# --- the socket never gets descriptor 0, 1 or 2 (strace proves it)
if command -v strace >/dev/null 2>&1; then
	# traced ARGS...: nm ARGS under strace (LeakSanitizer cannot run
	# under ptrace).
	traced() {
		no_lsan \
		ip netns exec "$NS" strace -f -qq -e trace=socket,write \
			-o "$TRACE" -- "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
	}
	# low_socket: how many of the netlink sockets traced got
	# descriptor 0, 1 or 2; "no netlink socket traced" where strace
	# recorded none (nothing was run, or the record reads otherwise),
	# which would make a count of 0 say nothing.
	low_socket() {
		grep -qE '^[0-9]+ +socket\(AF_NETLINK, .*\) = [0-9]+$' "$TRACE" ||
			{ echo "no netlink socket traced"; return; }
		grep -cE '^[0-9]+ +socket\(AF_NETLINK, .*\) = [012]$' "$TRACE"
	}
	traced tap0 >&- 2>/dev/null
	check_eq "show >&-: the netlink socket is not descriptor 1" 0 "$(low_socket)"
	traced --batch "$NIM_TMP/shows" >&- 2>/dev/null
	check_eq "--batch >&-: the netlink socket is not descriptor 1" 0 "$(low_socket)"
	traced nosuchif0 >/dev/null 2>&-
	check_eq "a failure 2>&-: the netlink socket is not descriptor 2" 0 "$(low_socket)"
	traced tap0 <&- >&- 2>&-
	check_eq "show <&- >&- 2>&-: the netlink socket is not descriptor 0" 0 "$(low_socket)"
	# Whatever write() says, a write error is a failure, not a usage
	# error: EINVAL (as an O_DIRECT file gives) once made it exit 2.
	no_lsan \
	strace -qq -o /dev/null -e trace=write \
		-e inject=write:error=EINVAL:when=1 -- \
		"${NIM_WRAPPER[@]}" "$NETIFMSG" --list >/dev/null 2>"$ERR"
	check_eq "write() fails with EINVAL: exit 1" 1 "$?"
	check_file "write() fails with EINVAL: message" \
		"netifmsg: write error: Invalid argument" "$ERR"
else
	missing strace strace
fi

# --- a closed standard input is a read error of --batch -
nm --batch - <&- >"$OUT" 2>"$ERR"
check_eq "--batch - <&- (exit 1)" 1 "$?"
check_file "--batch - <&-: message" "netifmsg: <stdin>: Bad file descriptor" "$ERR"
# and so of --batch /dev/stdin, not the /dev/null put in its place read
# as an empty file (exit 0)
for f in /dev/stdin /dev/fd/0 /proc/self/fd/0; do
	nm --batch "$f" <&- >"$OUT" 2>"$ERR"
	check_eq "--batch $f <&- (exit 1)" 1 "$?"
	check_file "--batch $f <&-: message" "netifmsg: $f: Bad file descriptor" "$ERR"
done
# and of --apply --config -, which then sets nothing (the config would)
printf 'tap* +wol\n' >"$NIM_TMP/wol.conf"
set_mask tap0 0x1
set_mask tap1 0x0
nm --apply --config "$NIM_TMP/wol.conf" --config - <&- >"$OUT" 2>"$ERR"
check_eq "--apply --config - <&- (exit 1)" 1 "$?"
check_file "--apply --config - <&-: message" "netifmsg: <stdin>: Bad file descriptor" "$ERR"
check_mask "--apply --config - <&-: tap0 unchanged" tap0 0x1
check_mask "--apply --config - <&-: tap1 unchanged" tap1 0x0

# --- a monitor stops at its first line, exit 1
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor tap0 >&- 2>"$NIM_TMP/mon.err" &
MON_PID=$!
# shellcheck disable=SC2154 # nim_rc is set inside the trap
trap 'nim_rc=$?; kill -KILL "$MON_PID" 2>/dev/null; (exit "$nim_rc"); cleanup' EXIT
for ((try = 0; try < 300; try++)); do
	set_mask tap0 $((0x100 << (try % 2)))
	sleep 0.05
	ended "$MON_PID" && break
done
if ! ended "$MON_PID"; then
	fail "--monitor >&-: stops at its first line" "still running after 300 changes"
	kill -KILL "$MON_PID"
	wait "$MON_PID" 2>/dev/null
else
	wait "$MON_PID"
	check_eq "--monitor >&-: exit status 1" 1 "$?"
	check_file "--monitor >&-: message" "$WERR" "$NIM_TMP/mon.err"
fi

# --- a non-blocking standard output (O_NONBLOCK set by a parent that
# shares it) that fills up: netifmsg waits for the reader, as it would on
# a blocking one, instead of "write error: Resource temporarily
# unavailable".  The same for stderr (2>&1 shares one description with
# stdout).  5000 lines of a batch are about 100 KiB of output, 5000
# failed ones about 300 KiB of messages, more than a pipe holds; the
# reader starts once netifmsg waits for room in the full pipe (at most
# 20 s; else a line says it did not, and the check fails).
if command -v python3 >/dev/null 2>&1; then
	# nonblocking FD TEXT ARGS...: netifmsg ARGS with FD (1 or 2) a
	# full non-blocking pipe; its exit status, how many lines that came
	# through FD hold TEXT, and what came on the other one ("-": none).
	nonblocking() {
		python3 - "$NS" "$NETIFMSG" "$@" <<'EOF'
import fcntl, os, struct, subprocess, sys, termios, time
ns, prog, fd, text = sys.argv[1:5]
r, w = os.pipe()
os.set_blocking(w, False)
mine, other = ("stdout", "stderr") if fd == "1" else ("stderr", "stdout")
p = subprocess.Popen(["ip", "netns", "exec", ns, prog] + sys.argv[5:],
                     **{mine: w, other: subprocess.PIPE})
os.close(w)
size = fcntl.fcntl(r, getattr(fcntl, "F_GETPIPE_SZ", 1032))
def where():
    """netifmsg's state, wchan and the bytes in the pipe."""
    try:
        with open("/proc/%d/stat" % p.pid) as f:
            state = f.read().rsplit(") ", 1)[1].split()[0]
        with open("/proc/%d/wchan" % p.pid) as f:
            wchan = f.read().strip() or "0"
    except (OSError, IndexError):
        state, wchan = "-", "-"
    n = struct.unpack("i", fcntl.ioctl(r, termios.FIONREAD, b"\0" * 4))[0]
    return state, wchan, n
# netifmsg (ip netns exec becomes it) sleeps in poll(2) waiting for room:
# no page of the pipe is free.  A kernel that hides wchan says 0.
for i in range(400):
    state, wchan, n = where()
    if state == "S" and n > size - 4096 and ("poll" in wchan or wchan == "0"):
        break
    time.sleep(0.05)
else:
    print("netifmsg did not wait for room in the pipe in 20 s: "
          "state %s, wchan %s, %d of %d bytes queued" % (state, wchan, n, size))
got = b""
while True:
    more = os.read(r, 65536)
    if not more:
        break
    got += more
rest = getattr(p, other).read().decode(errors="replace").strip()
text = text.encode()
print("%d %d %s" % (p.wait(), len([l for l in got.split(b"\n") if text in l]),
                    rest or "-"))
EOF
	}
	for ((i = 0; i < 5000; i++)); do echo tap0; done >"$NIM_TMP/shows"
	nonblocking 1 "tap0: 0x" --batch "$NIM_TMP/shows" \
		>"$NIM_TMP/nb" 2>&1
	check_file "a full non-blocking stdout: waited for, every line written" \
		"0 5000 -" "$NIM_TMP/nb"
	for ((i = 0; i < 5000; i++)); do echo "nosuch0 +link"; done >"$NIM_TMP/fails"
	nonblocking 2 ": nosuch0: no such network interface" -f --batch \
		"$NIM_TMP/fails" >"$NIM_TMP/nberr" 2>&1
	check_file "a full non-blocking stderr: waited for, every message written" \
		"1 5000 -" "$NIM_TMP/nberr"
else
	missing python3 python3
fi

finish
