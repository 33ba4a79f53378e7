#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A process with CAP_NET_ADMIN in the namespace (a container's root,
# under -n) cannot slip a forged answer into netifmsg: its socket is
# connected to the kernel and refuses another process's datagrams.
# (monitor.sh has the notifications sent to the monitor's group.)

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v python3 >/dev/null 2>&1 || missing python3 python3
command -v strace >/dev/null 2>&1 || missing strace strace

setup_ns 1
set_mask tap0 0x5
FORGE=$NIM_TMP/forge

# In $NS: wait for a generic netlink socket of another process, and send
# it, before its first request, an error answer (EPERM) to each of the
# first 8 sequence numbers.  Prints how many went through.
ip netns exec "$NS" python3 - >"$FORGE" 2>&1 <<'PY' &
import socket, struct, time

sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
sk.bind((0, 0))
own = sk.getsockname()[0]
ports = []
for _ in range(3000):
    with open("/proc/net/netlink") as f:
        ports = [int(l.split()[2]) for l in f.readlines()[1:]
                 if l.split()[1] == "16" and int(l.split()[2]) not in (0, own)]
    if ports:
        break
    time.sleep(0.01)
# netifmsg is held 3 s at its first request (strace): past connect().
time.sleep(1)
sent = refused = 0
for port in ports:
    for seq in range(1, 9):
        err = struct.pack("IHHII", 36, 2, 0, seq, port) + \
              struct.pack("i", -1) + struct.pack("IHHII", 16, 0, 0, seq, port)
        try:
            sk.sendto(err, (port, 0))
            sent += 1
        except ConnectionRefusedError:
            refused += 1
print(f"{len(ports)} sockets: {sent} sent, {refused} refused")
PY
PY_PID=$!

# LeakSanitizer cannot work under ptrace.
check_rc "a show held at its first request" 0 \
	no_lsan \
	ip netns exec "$NS" strace -f -qq -o /dev/null -e trace=sendto \
	-e inject=sendto:delay_enter=3000000:when=1 \
	"${NIM_WRAPPER[@]}" "$NETIFMSG" -x tap0
check_out "a show held at its first request: the kernel's answer" "$(hex 0x5)"
check_empty "a show held at its first request: nothing on stderr" "$ERR"
wait "$PY_PID" || fatal "the forging process failed: $(cat "$FORGE")"
check_file "another process's answers are refused" \
	"1 sockets: 0 sent, 8 refused" "$FORGE"

finish
