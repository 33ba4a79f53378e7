#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Table-driven bad input (tests/badinput.table): every command line must
# fail with its exact exit status and message, print nothing on stdout,
# leave the taps' masks as they were, and, as the table says, send the
# kernel nothing at all or only questions (strace proves it).

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
	TABLE=$top_srcdir/tests/badinput.table
else
	NIM_LIB=$(dirname "$0")/lib.sh
	TABLE=$(dirname "$0")/badinput.table
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v strace >/dev/null 2>&1 || skip "strace not found (needed to prove no socket is opened)"
[ -r "$TABLE" ] || fatal "table $TABLE not found"

setup_ns 2
MASK0=0x1234
MASK1=0x0421
set_mask tap0 "$MASK0"
set_mask tap1 "$MASK1"
NOSUCHNS=nim-nosuch-$$-$RANDOM
TRACE=$NIM_TMP/strace

# traced ARGS...: the program under test in $NS under strace, which logs
# every socket(), send and ioctl of the process and its children to $TRACE.
# LeakSanitizer cannot work under ptrace and would fail every run of a
# sanitizer build: leaks are left to the other tests and the valgrind pass.
# shellcheck disable=SC2317 # called through check_rc
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	ip netns exec "$NS" strace -f -qq -e trace=socket,sendto,sendmsg,ioctl \
		-o "$TRACE" -- "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}

# bf FORMAT: a new file holding printf FORMAT; prints its name.
BF_N=0
# shellcheck disable=SC2059,SC2317 # a printf format on purpose; called by eval
bf() {
	BF_N=$((BF_N + 1))
	printf -- "$1" >"$NIM_TMP/batch$BF_N" || fatal "cannot write a batch file"
	printf '%s' "$NIM_TMP/batch$BF_N"
}

netlink_sockets() {
	grep -c 'socket(AF_NETLINK' "$TRACE"
}

# Requests strace decodes as ethtool messages with command 8 (DEBUG_SET).
debug_sets() {
	grep -c 'nlmsg_type=ethtool, [^}]*}, "\\x08' "$TRACE"
}

ethtool_ioctls() {
	grep -c 'SIOCETHTOOL' "$TRACE"
}

# The detectors themselves: a show opens a netlink socket and sends no
# DEBUG_SET, a change sends one, a show over the ioctl uses SIOCETHTOOL.
check_rc "control: show tap0 under strace" 0 traced tap0
check_out "control: show tap0 output" "$(show_line tap0 "$MASK0")"
check_eq "control: strace sees the netlink socket of a show" 1 "$(netlink_sockets)"
check_eq "control: a show sends no DEBUG_SET" 0 "$(debug_sets)"
check_rc "control: a change under strace" 0 traced tap0 +drv
check_eq "control: strace sees the DEBUG_SET of a change" 1 "$(debug_sets)"
set_mask tap0 "$MASK0"
if "$NETIFMSG" --help | grep -q -- '--ioctl'; then
	check_rc "control: show --ioctl tap0 under strace" 0 traced --ioctl tap0
	check_egrep "control: strace sees SIOCETHTOOL" 'SIOCETHTOOL' "$TRACE"
fi

trim() {
	local s=$1
	s=${s#"${s%%[![:space:]]*}"}
	s=${s%"${s##*[![:space:]]}"}
	printf '%s' "$s"
}

rows=0
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
	IFS='|' read -r f_exit f_sock f_msg f_argv <<<"$line"
	f_exit=$(trim "$f_exit")
	f_sock=$(trim "$f_sock")
	f_msg=$(trim "$f_msg")
	f_argv=$(trim "$f_argv")
	f_msg=${f_msg//@NOSUCHNS@/$NOSUCHNS}
	f_argv=${f_argv//@NOSUCHNS@/$NOSUCHNS}
	case $f_exit:$f_sock in
	[12]:-|2:get|1:nl) ;;
	*) fatal "$TABLE:$lineno: bad EXIT or SOCKET column: '$line'" ;;
	esac
	[ -n "$f_msg" ] || fatal "$TABLE:$lineno: empty MESSAGE"
	args=()
	eval "args=($f_argv)" || fatal "$TABLE:$lineno: cannot read ARGV"
	rows=$((rows + 1))
	name="row $lineno: netifmsg $f_argv"

	: >"$TRACE"
	check_rc "$name" "$f_exit" traced "${args[@]}"
	check_grep "$name: message" "$f_msg" "$ERR"
	check_egrep "$name: stderr starts with 'netifmsg: '" '^netifmsg: ' "$ERR"
	check_empty "$name: no stdout" "$OUT"
	case $f_sock in
	-)
		check_eq "$name: no netlink socket opened" 0 "$(netlink_sockets)"
		check_eq "$name: no SIOCETHTOOL ioctl" 0 "$(ethtool_ioctls)"
		;;
	get)
		check_eq "$name: no DEBUG_SET sent" 0 "$(debug_sets)"
		check_eq "$name: no SIOCETHTOOL ioctl" 0 "$(ethtool_ioctls)"
		;;
	esac
	check_mask "$name: tap0 unchanged" tap0 "$MASK0"
	check_mask "$name: tap1 unchanged" tap1 "$MASK1"
done <"$TABLE"

# The table must not shrink unnoticed.
if [ "$rows" -ge 100 ]; then
	pass "the table has $rows rows (at least 100)"
else
	fail "the table has $rows rows, fewer than 100"
fi

finish
