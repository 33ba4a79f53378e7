#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Odd --batch files: the line length limit (4096 bytes, also for a line
# with no end: /dev/zero and an endless pipe stop at once, in bounded
# memory), the file size limit (16 MiB: an endless pipe of lines stops
# there), read errors, a UTF-8 byte-order mark, two JSON objects on one
# line, a NUL byte in JSON.  A file that is refused changes nothing, not
# even the lines before the bad one.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v timeout >/dev/null 2>&1 || fatal "timeout (coreutils, Essential) not found"
setup_ns 2

# line LEN: a line of LEN bytes (without its newline) that sets tap0 +wol.
line() {
	printf 'tap0%*s+wol' "$(($1 - 8))" ''
}

# tm ARGS...: nm with a time limit, so that a reader that never stops
# fails the check instead of hanging the test.
tm() {
	timeout -s KILL 10 ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}

# --- the longest line is 4096 bytes
set_mask tap0 0x1
line 4096 >"$NIM_TMP/max"
check_eq "a 4096-byte line" 4096 "$(head -n 1 "$NIM_TMP/max" | tr -d '\n' | wc -c)"
check_rc "--batch: a 4096-byte line" 0 tm --batch "$NIM_TMP/max"
check_mask "--batch: a 4096-byte line: applied" tap0 0x4001
check_empty "--batch: a 4096-byte line: no message" "$ERR"

# --- a longer one: exit 2, nothing sent, the line named
set_mask tap0 0x1
set_mask tap1 0x1
{
	echo "tap1 +wol"
	echo "# a comment"
	line 4097
	echo
	echo "tap1 +drv"
} >"$NIM_TMP/over"
check_rc "--batch: a 4097-byte line" 2 tm --batch "$NIM_TMP/over"
check_file "--batch: a 4097-byte line: message" \
	"netifmsg: $NIM_TMP/over:3: line longer than 4096 bytes" "$ERR"
check_mask "--batch: a 4097-byte line: the line before not sent" tap1 0x1
check_mask "--batch: a 4097-byte line: not sent" tap0 0x1
line 100000 >"$NIM_TMP/huge"
check_rc "--batch: a 100000-byte last line, no newline" 2 tm --batch "$NIM_TMP/huge"
check_file "--batch: a 100000-byte last line: message" \
	"netifmsg: $NIM_TMP/huge:1: line longer than 4096 bytes" "$ERR"
check_mask "--batch: a 100000-byte line: not sent" tap0 0x1

# --- lines without end stop the reading at once
check_rc "--batch /dev/zero" 2 tm --batch /dev/zero
check_file "--batch /dev/zero: message" \
	"netifmsg: /dev/zero:1: a NUL byte in the line (binary data?)" "$ERR"
# A pipe that never ends.
yes 'tap1 +wol' | tr '\n' ' ' | tm --batch - >"$OUT" 2>"$ERR"
check_eq "--batch - from an endless pipe (exit 2)" "2" "${PIPESTATUS[2]}"
check_file "--batch - from an endless pipe: message" \
	"netifmsg: <stdin>:1: line longer than 4096 bytes" "$ERR"
check_mask "--batch - from an endless pipe: not sent" tap1 0x1
{ echo 'tap1 +wol'; cat /dev/zero; } | tm --batch - >"$OUT" 2>"$ERR"
check_eq "--batch - from a line and /dev/zero (exit 2)" "2" "${PIPESTATUS[1]}"
check_file "--batch - from a line and /dev/zero: message" \
	"netifmsg: <stdin>:2: a NUL byte in the line (binary data?)" "$ERR"
check_mask "--batch - from a line and /dev/zero: not sent" tap1 0x1

# --- a text file is held whole before it runs: at most 16 MiB (4095
# lines of the longest), so an endless pipe stops there, in bounded
# memory, and nothing is sent.  16 MiB exactly: 262144 lines of 64 bytes.
set_mask tap1 0x1
printf -v c '#%062d' 0
{
	printf '%-63s\n' 'tap1 +wol'
	yes "$c" | head -n 262143
} >"$NIM_TMP/limit"
check_eq "a file of 16 MiB" 16777216 "$(wc -c <"$NIM_TMP/limit")"
check_rc "--batch: a file of 16 MiB" 0 tm --batch "$NIM_TMP/limit"
check_empty "--batch: a file of 16 MiB: no message" "$ERR"
check_mask "--batch: a file of 16 MiB: applied" tap1 0x4001
set_mask tap1 0x1
echo >>"$NIM_TMP/limit"
check_rc "--batch: a file of 16 MiB and a byte" 1 tm --batch "$NIM_TMP/limit"
check_file "--batch: a file of 16 MiB and a byte: message" \
	"netifmsg: $NIM_TMP/limit: File too large" "$ERR"
check_mask "--batch: a file of 16 MiB and a byte: not sent" tap1 0x1
{ echo 'tap1 +wol'; yes '# an endless comment'; } | tm --batch - >"$OUT" 2>"$ERR"
check_eq "--batch - from an endless pipe of lines (exit 1)" "1" "${PIPESTATUS[1]}"
check_file "--batch - from an endless pipe of lines: message" \
	"netifmsg: <stdin>: File too large" "$ERR"
check_mask "--batch - from an endless pipe of lines: not sent" tap1 0x1

# --- a NUL byte in a JSON file: the same message, on its line, not
# "end of file"; nothing sent
set_mask tap0 0x1
printf '{"ifname":"tap0","msg_enable":2}\n\0\n' >"$NIM_TMP/jsonnul"
check_rc "--batch: a NUL byte in JSON lines" 2 tm --batch "$NIM_TMP/jsonnul"
check_file "--batch: a NUL byte in JSON lines: message" \
	"netifmsg: $NIM_TMP/jsonnul:2: a NUL byte in the line (binary data?)" "$ERR"
check_mask "--batch: a NUL byte in JSON lines: not sent" tap0 0x1
printf '[{"ifname":"tap0","msg_enable":2}]\n\0' | tm --batch - >"$OUT" 2>"$ERR"
check_eq "--batch -: a NUL byte after a JSON array (exit 2)" "2" "${PIPESTATUS[1]}"
check_file "--batch -: a NUL byte after a JSON array: message" \
	"netifmsg: <stdin>:2: a NUL byte in the line (binary data?)" "$ERR"
check_mask "--batch -: a NUL byte after a JSON array: not sent" tap0 0x1

# --- a non-blocking standard input (O_NONBLOCK set by a parent that
# shares it), empty when netifmsg reads it: netifmsg waits for the
# writer, as on a blocking one, instead of "<stdin>: Resource temporarily
# unavailable".  Text, and JSON that comes in pieces (a byte-order mark
# cut in two, then the array).  Each piece is written once netifmsg
# sleeps with the pipe empty, or has ended.
set_mask tap0 0x1
set_mask tap1 0x1
python3 - "$NS" "$NETIFMSG" "${NIM_WRAPPER[@]}" >"$NIM_TMP/nbin" 2>&1 <<'EOF2'
import fcntl, os, struct, subprocess, sys, termios, time
ns, prog, wrapper = sys.argv[1], sys.argv[2], sys.argv[3:]
def waiting(p, w):
    """p has ended, or sleeps with nothing left in its stdin."""
    for i in range(400):
        if p.poll() is not None:
            return
        n = struct.unpack("i", fcntl.ioctl(w, termios.FIONREAD, b"\0" * 4))[0]
        try:
            with open("/proc/%d/stat" % p.pid) as f:
                state = f.read().rsplit(") ", 1)[1].split()[0]
        except (OSError, IndexError):
            state = "-"
        if state == "S" and not n:
            return
        time.sleep(0.05)
def run(*parts):
    r, w = os.pipe()
    os.set_blocking(r, False)
    p = subprocess.Popen(["ip", "netns", "exec", ns] + wrapper +
                         [prog, "--batch", "-"], stdin=r)
    os.close(r)
    try:
        for part in parts:
            waiting(p, w)
            os.write(w, part)
    except BrokenPipeError:
        pass
    os.close(w)
    print(p.wait())
run(b"tap0 +wol\n", b"tap0 +hw\n")
run(b"\xef\xbb", b"\xbf[\n", b'{"ifname":"tap1","msg_enable":4},',
    b'{"ifname":"tap1","msg_enable":5}]\n')
EOF2
check_file "--batch - from a non-blocking pipe: waited for, exit 0 twice" \
	$'0\n0' "$NIM_TMP/nbin"
check_mask "--batch - from a non-blocking pipe: both lines (text)" tap0 0x6001
check_mask "--batch - from a non-blocking pipe: both objects (JSON)" tap1 0x5

# --- read errors: exit 1, the reason, nothing sent (reading
# /proc/self/mem at offset 0 fails with EIO)
check_rc "--batch /proc/self/mem" 1 tm --batch /proc/self/mem
check_file "--batch /proc/self/mem: message" \
	"netifmsg: /proc/self/mem: Input/output error" "$ERR"
check_rc "--batch /" 1 tm --batch /
check_file "--batch /: message" "netifmsg: /: Is a directory" "$ERR"

# A file that cannot be opened: exit 1, the reason, nothing sent.  Root
# reads any file; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH not.
set_mask tap0 0x1
printf 'tap0 0x2\n' >"$NIM_TMP/unreadable"
chmod 000 "$NIM_TMP/unreadable"
if command -v setpriv >/dev/null 2>&1; then
	check_rc "--batch of an unreadable file" 1 \
		timeout -s KILL 10 ip netns exec "$NS" \
		setpriv --bounding-set=-dac_override,-dac_read_search \
		"${NIM_WRAPPER[@]}" "$NETIFMSG" --batch "$NIM_TMP/unreadable"
	check_file "--batch of an unreadable file: message" \
		"netifmsg: $NIM_TMP/unreadable: Permission denied" "$ERR"
	check_mask "--batch of an unreadable file: not sent" tap0 0x1
else
	missing setpriv util-linux
fi

# --- a file system whose open(2) or fstat(2) says EINVAL (FUSE, some
# network ones): a failure to read the file (exit 1, its name and an
# error), not a bad line (exit 2 with an empty reason), as it was;
# strace -P fails only the calls on that file.
# einval CALL ARGS...: netifmsg ARGS, CALL on $NIM_TMP/einval.conf
# failing with EINVAL.
einval() {
	local call=$1
	shift
	no_lsan ip netns exec "$NS" strace -f -qq -o /dev/null \
		-P "$NIM_TMP/einval.conf" -e trace="$call" \
		-e inject="$call:error=EINVAL" "$NETIFMSG" "$@"
}
if command -v strace >/dev/null 2>&1; then
	set_mask tap0 0x1
	printf 'tap0 0x2\n' >"$NIM_TMP/einval.conf"
	for args in "--batch" "--apply --config"; do
		# shellcheck disable=SC2086 # the words of $args
		check_rc "$args: open says EINVAL" 1 \
			einval openat $args "$NIM_TMP/einval.conf"
		check_file "$args: open says EINVAL: message" \
			"netifmsg: $NIM_TMP/einval.conf: Input/output error" "$ERR"
		check_mask "$args: open says EINVAL: not sent" tap0 0x1
	done
else
	missing strace strace
fi

# --- a named pipe is read as a file is; CRLF line ends; a last line
# without a newline
set_mask tap0 0x1
set_mask tap1 0x1
mkfifo "$NIM_TMP/fifo"
printf 'tap0 0x2\r\n\r\n# c\r\ntap1 0x4' >"$NIM_TMP/fifo" &
check_rc "--batch FIFO: CRLF, no final newline" 0 tm --batch "$NIM_TMP/fifo"
wait $!
check_empty "--batch FIFO: no message" "$ERR"
check_mask "--batch FIFO: line 1 applied" tap0 0x2
check_mask "--batch FIFO: the last line, without newline, applied" tap1 0x4

# --- a UTF-8 byte-order mark at the start is skipped
set_mask tap0 0x1
printf '\xef\xbb\xbftap0 +wol\r\ntap1 0x3\r\n' >"$NIM_TMP/bom"
check_rc "--batch: a file with a byte-order mark" 0 tm --batch "$NIM_TMP/bom"
check_empty "--batch: a byte-order mark: no message" "$ERR"
check_mask "--batch: a byte-order mark: first line applied" tap0 0x4001
check_mask "--batch: a byte-order mark: second line applied" tap1 0x3
printf '\xef\xbb\xbftap1\n' >"$NIM_TMP/bomshow"
check_rc "--batch -: a byte-order mark on stdin" 0 tm --batch - <"$NIM_TMP/bomshow"
check_out "--batch -: a byte-order mark: the name without it" "$(show_line tap1 0x3)"
printf '\xef\xbb\xbf# only a comment\n' >"$NIM_TMP/bomcomment"
check_rc "--batch: a byte-order mark before a comment" 0 tm --batch "$NIM_TMP/bomcomment"
# JSON after the mark is JSON, from a file and from a pipe.
set_mask tap0 0x0
printf '\xef\xbb\xbf[{"ifname":"tap0","msg_enable":5}]\n' >"$NIM_TMP/bomjson"
check_rc "--batch: JSON with a byte-order mark" 0 tm --batch "$NIM_TMP/bomjson"
check_empty "--batch: JSON with a byte-order mark: no message" "$ERR"
check_mask "--batch: JSON with a byte-order mark: applied" tap0 0x5
printf '\xef\xbb\xbf{"ifname":"tap1","msg_enable":6}\n' >"$NIM_TMP/bomjsonl"
check_rc "--batch -: JSON lines with a byte-order mark, piped" 0 \
	tm --batch - < <(cat "$NIM_TMP/bomjsonl")
check_mask "--batch -: JSON lines with a byte-order mark: applied" tap1 0x6
# Only at the start of the file: later it is part of the line.
printf 'tap1 +drv\n\xef\xbb\xbftap0 +drv\n' >"$NIM_TMP/bom2"
set_mask tap1 0x0
check_rc "--batch: a byte-order mark on line 2" 1 tm --batch "$NIM_TMP/bom2"
check_file "--batch: a byte-order mark on line 2: message (the mark escaped)" \
	"netifmsg: $NIM_TMP/bom2:2: \\xef\\xbb\\xbftap0: no such network interface" "$ERR"
check_mask "--batch: a byte-order mark on line 2: line 1 applied" tap1 0x1

# --- JSON objects are one a line: a second one where one ends is refused,
# with that line, and nothing is sent
set_mask tap0 0x0
set_mask tap1 0x0
{
	echo '{"ifname":"tap0","msg_enable":5}'
	echo '{"ifname":"tap1","msg_enable":6} {"ifname":"tap0","msg_enable":7}'
} >"$NIM_TMP/twojson"
check_rc "--batch: two JSON objects on a line" 2 tm --batch "$NIM_TMP/twojson"
check_file "--batch: two JSON objects on a line: message" \
	"netifmsg: $NIM_TMP/twojson:2: a second JSON value on the line: one object a line" "$ERR"
check_mask "--batch: two JSON objects on a line: the line before not sent" tap0 0x0
check_mask "--batch: two JSON objects on a line: not sent" tap1 0x0

finish
