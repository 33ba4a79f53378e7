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

command -v strace >/dev/null 2>&1 || missing strace strace
[ -r "$TABLE" ] || fatal "table $TABLE not found"

setup_ns 2
MASK0=0x1234
MASK1=0x0421
set_mask tap0 "$MASK0"
set_mask tap1 "$MASK1"
NOSUCHNS=nim-nosuch-$$-$RANDOM
TRACE=$NIM_TMP/strace

# traced ARGS...: the program under test in $NS under strace, which logs
# every socket(), send and ioctl of the process and its children to $TRACE
# (--seccomp-bpf: only those calls stop the program, which matters under
# valgrind, whose own calls are many).
# LeakSanitizer cannot work under ptrace and would fail every run of a
# sanitizer build: leaks are left to the other tests and the valgrind pass.
# shellcheck disable=SC2317 # called through check_rc
traced() {
	no_lsan \
	ip netns exec "$NS" strace -f --seccomp-bpf -qq \
		-e trace=socket,sendto,sendmsg,ioctl \
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

# What strace logs (extended regexes for check_count): a netlink socket,
# a request strace decodes as an ethtool message with command 8
# (DEBUG_SET), an ethtool ioctl.
NL_SOCKET='socket\(AF_NETLINK'
DEBUG_SET='nlmsg_type=ethtool, [^}]*}, "\\x08'
ETHTOOL_IOCTL='SIOCETHTOOL'

# The detectors themselves: a show opens a netlink socket and sends no
# DEBUG_SET, a change sends one, a show over the ioctl uses SIOCETHTOOL.
check_rc "control: show tap0 under strace" 0 traced tap0
check_out "control: show tap0 output" "$(show_line tap0 "$MASK0")"
check_count "control: strace sees the netlink socket of a show" 1 "$NL_SOCKET" "$TRACE"
check_count "control: a show sends no DEBUG_SET" 0 "$DEBUG_SET" "$TRACE"
check_rc "control: a change under strace" 0 traced tap0 +drv
check_count "control: strace sees the DEBUG_SET of a change" 1 "$DEBUG_SET" "$TRACE"
set_mask tap0 "$MASK0"
check_rc "control: show --ioctl tap0 under strace" 0 traced --ioctl tap0
check_egrep "control: strace sees SIOCETHTOOL" 'SIOCETHTOOL' "$TRACE"

# trim VAR: VAR without its leading and trailing blanks.
trim() {
	local -n nim_trim=$1
	nim_trim=${nim_trim#"${nim_trim%%[![:space:]]*}"}
	nim_trim=${nim_trim%"${nim_trim##*[![:space:]]}"}
}

rows=0
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
	IFS='|' read -r f_exit f_sock f_msg f_argv <<<"$line"
	trim f_exit
	trim f_sock
	trim f_msg
	trim f_argv
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
		check_count "$name: no netlink socket opened" 0 "$NL_SOCKET" "$TRACE"
		check_count "$name: no SIOCETHTOOL ioctl" 0 "$ETHTOOL_IOCTL" "$TRACE"
		;;
	get)
		check_count "$name: no DEBUG_SET sent" 0 "$DEBUG_SET" "$TRACE"
		check_count "$name: no SIOCETHTOOL ioctl" 0 "$ETHTOOL_IOCTL" "$TRACE"
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
