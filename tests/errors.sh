#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every error row of the design: exit status, message on stderr, nothing
# on stdout, and (for usage errors) the mask left as it was.
# At the end, a message of each subsection of DIAGNOSTICS in netifmsg(8)
# (and of the failures once listed under Notes) is checked to be listed
# under the subsection of its exit status.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

setup_ns 2
KNOWN=0x1234

# err RC MESSAGE ARGS...: run netifmsg ARGS in $NS; check exit status RC,
# that stderr contains MESSAGE and starts with "netifmsg: ", and that
# nothing went to stdout.
err() {
	local want=$1 msg=$2
	shift 2
	check_rc "nm $*" "$want" nm "$@"
	check_grep "nm $*: message" "$msg" "$ERR"
	check_egrep "nm $*: message starts with 'netifmsg: '" "^netifmsg: " "$ERR"
	check_empty "nm $*: no stdout" "$OUT"
}

# err_tap RC MESSAGE ARGS...: like err, with a known mask set on tap0 by
# ethtool first, and checked unchanged afterwards.
err_tap() {
	set_mask tap0 "$KNOWN"
	err "$@"
	shift 2
	check_mask "nm $*: tap0 unchanged" tap0 "$KNOWN"
}

# --- exit 1: the system says no
err 1 "netifmsg: nosuch0: no such network interface" nosuch0
err 1 "netifmsg: nosuch0: no such network interface" nosuch0 +link
err 1 "netifmsg: nosuch0: no such network interface" nosuch0 0x5
err 1 "netifmsg: lo: the driver has no message level" lo
err 1 "netifmsg: lo: the driver has no message level" lo +link
err 1 "netifmsg: lo: the driver has no message level" lo 0x1

# --monitor with a name longer than an interface's own (15 bytes): only
# an alternative name can be that long, and notifications carry the
# interface's own name, so one that names nothing at the start fails at
# once instead of waiting forever (timeout: the old hang is exit 124)
mon_long() {
	timeout -s KILL 60 ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" --monitor "$@"
}
check_rc "--monitor a long name no interface has" 1 mon_long tap0 errors-no-such-long-name
check_file "--monitor a long name no interface has: message" \
	"netifmsg: errors-no-such-long-name: no such network interface" "$ERR"
check_empty "--monitor a long name no interface has: no stdout" "$OUT"
# 16 bytes are one too many for an interface's own name already.
check_rc "--monitor a 16-byte name no interface has" 1 mon_long errors-nosuch-16
check_file "--monitor a 16-byte name no interface has: message" \
	"netifmsg: errors-nosuch-16: no such network interface" "$ERR"
ip -n "$NS" link property add dev lo altname errors-long-lo-altname ||
	fatal "ip link property add altname failed"
check_rc "--monitor a long altname of lo" 1 mon_long errors-long-lo-altname
check_file "--monitor a long altname of lo: message" \
	"netifmsg: errors-long-lo-altname: the driver has no message level" "$ERR"
# So does a pattern that only names of more than 15 bytes match, and a
# long altname of an interface of none of the drivers given; one that a
# name of 15 bytes can match (an escape is one byte), or an altname
# of the driver, is waited for.
check_rc "--monitor a pattern only long names match" 1 mon_long 'errors-long-nam?-[a-z]*'
check_file "--monitor a pattern only long names match: message" \
	"netifmsg: monitor: 'errors-long-nam?-[a-z]*' matches no interface name: a name has at most 15 bytes" "$ERR"
check_rc "--monitor a pattern only names of 16 bytes or more match" 1 mon_long 'errors-long-na?-*'
check_file "--monitor a pattern only names of 16 bytes or more match: message" \
	"netifmsg: monitor: 'errors-long-na?-*' matches no interface name: a name has at most 15 bytes" "$ERR"
ip -n "$NS" link property add dev tap1 altname errors-long-tap1-altname ||
	fatal "ip link property add altname failed"
check_rc "--monitor --driver, a long altname of another driver" 1 \
	mon_long --driver e1000e errors-long-tap1-altname
check_file "--monitor --driver, a long altname of another driver: message" \
	"netifmsg: no interface with a message level matches 'errors-long-tap1-altname' with driver e1000e" "$ERR"
start_monitor waits15 -n "$NS" --monitor 'errors-[a-z]ong-na?*'
start_monitor waitsdrv -n "$NS" --monitor --driver tun errors-long-tap1-altname
# An escaped glob character counts one byte: 13 here, not the 16 written.
start_monitor waitsesc -n "$NS" --monitor '\?\?\?errors-lon*'
sleep 2
for pid in "${MON_PIDS[@]}"; do
	if ended "$pid"; then
		fail "--monitor of a name that may come: it waits" "$(cat "$NIM_TMP"/waits*.err)"
	else
		pass "--monitor of a name that may come: it waits"
	fi
done
# ... and shows each one that comes: two new taps, and tap1 by its altname.
ip -n "$NS" tuntap add dev errors-long-na1 mode tap &&
	ip -n "$NS" tuntap add dev '???errors-lon1' mode tap ||
	fatal "cannot create the taps the monitors wait for"
tap1_mask=$(ethtool_mask tap1)
set_mask errors-long-na1 0x3
set_mask '???errors-lon1' 0x5
set_mask tap1 0x7
for w in 'waits15 ^errors-long-na1: 0x00000003 drv probe$' \
	'waitsesc ^\\\?\\\?\\\?errors-lon1: 0x00000005 drv link$' \
	'waitsdrv ^tap1: 0x00000007 drv probe link \(was '; do
	if wait_for "$NIM_TMP/${w%% *}.out" "${w#* }"; then
		pass "--monitor of a name that may come: ${w%% *} shows it"
	else
		fail "--monitor of a name that may come: ${w%% *} shows it" \
			"$(cat "$NIM_TMP/${w%% *}.out" "$NIM_TMP/${w%% *}.err")"
	fi
done
ip -n "$NS" link del errors-long-na1 && ip -n "$NS" link del '???errors-lon1' ||
	fatal "cannot delete the taps the monitors waited for"
set_mask tap1 "$tap1_mask"
kill -TERM "${MON_PIDS[@]}"
wait "${MON_PIDS[@]}"
MON_PIDS=()
# A failure of the first request names an alternative name as given
# (netifmsg(8) INTERFACES): nothing was read about the interface yet.
for opt in "" -v -x; do
	check_rc "show ${opt:+$opt }a long altname of lo" 1 nm ${opt:+"$opt"} errors-long-lo-altname
	check_file "show ${opt:+$opt }a long altname of lo: message" \
		"netifmsg: errors-long-lo-altname: the driver has no message level" "$ERR"
done
check_rc "-v a long altname of lo +link" 1 nm -v errors-long-lo-altname +link
check_file "-v a long altname of lo +link: message" \
	"netifmsg: errors-long-lo-altname: the driver has no message level" "$ERR"

check_rc "netifmsg -n nosuchns-$$ tap0" 1 nm_here -n "nosuchns-$$" tap0
check_grep "netifmsg -n nosuchns-$$ tap0: message" \
	"netifmsg: nosuchns-$$: no such network namespace" "$ERR"
check_empty "netifmsg -n nosuchns-$$ tap0: no stdout" "$OUT"
check_rc "netifmsg -n nosuchns-$$ (show all)" 1 nm_here -n "nosuchns-$$"
check_grep "netifmsg -n nosuchns-$$: message" "nosuchns-$$: no such network namespace" "$ERR"
# -j: one JSON array whatever the exit status, also when the namespace
# cannot be entered (as a show that finds nothing prints [])
check_rc "netifmsg -j -n nosuchns-$$ tap0" 1 nm_here -j -n "nosuchns-$$" tap0
check_out "netifmsg -j -n nosuchns-$$ tap0: an empty array" "[]"
check_grep "netifmsg -j -n nosuchns-$$ tap0: message" "nosuchns-$$: no such network namespace" "$ERR"
# A change from the initial namespace: of a name no interface here has,
# so that a -n that fell through to this namespace changes nothing (and
# says "no such network interface", not the namespace's message).
check_rc "netifmsg -j -n nosuchns-$$ nimx$$ +link" 1 nm_here -j -n "nosuchns-$$" "nimx$$" +link
check_out "netifmsg -j -n nosuchns-$$ nimx$$ +link: an empty array" "[]"
check_grep "netifmsg -j -n nosuchns-$$ nimx$$ +link: message" "nosuchns-$$: no such network namespace" "$ERR"
: >"$NIM_TMP/notns"
check_rc "netifmsg -j -n FILE (not a namespace)" 1 nm_here -j -n "$NIM_TMP/notns"
check_out "netifmsg -j -n FILE: an empty array" "[]"
check_grep "netifmsg -j -n FILE: message" "$NIM_TMP/notns: not a network namespace" "$ERR"
check_rc "netifmsg -j --apply --config MISSING" 1 nm -j --apply --config "$NIM_TMP/missing.conf"
check_out "netifmsg -j --apply --config MISSING: an empty array" "[]"
# JSON lines, not an array: nothing
check_rc "netifmsg -j -n nosuchns-$$ --batch" 1 nm_here -j -n "nosuchns-$$" --batch /dev/null
check_empty "netifmsg -j -n nosuchns-$$ --batch: no stdout" "$OUT"

# A show that fails writes [] after its message (-j).  A reader gone
# before that must cost neither the message nor exit status 1: no death
# by SIGPIPE (141).  The reader closes its end, then lets netifmsg start.
mkfifo "$NIM_TMP/go"
# to_gone_reader ARGS...: nm ARGS into a pipe nobody reads; stderr to
# $ERR, exit status to $RC.
to_gone_reader() {
	{ read -r _ <"$NIM_TMP/go"; nm "$@" 2>"$ERR"; echo "$?" >"$NIM_TMP/rc"; } |
		{ exec 0<&-; echo >"$NIM_TMP/go"; }
	read -r RC <"$NIM_TMP/rc"
}
gone() {
	to_gone_reader -j "$1"
	check_eq "netifmsg -j $1 | gone: exit status" 1 "$RC"
	check_file "netifmsg -j $1 | gone: messages" "netifmsg: $2
netifmsg: write error: Broken pipe" "$ERR"
}
gone nosuch0 "nosuch0: no such network interface"
gone lo "lo: the driver has no message level"
gone 'nosuch*' "no interface with a message level matches 'nosuch*'"
# So does one that cannot open the kernel.
to_gone_reader -j -n "nosuchns-$$" tap0
check_eq "netifmsg -j -n nosuchns tap0 | gone: exit status" 1 "$RC"
check_file "netifmsg -j -n nosuchns tap0 | gone: messages" "netifmsg: nosuchns-$$: no such network namespace
netifmsg: write error: Broken pipe" "$ERR"
# A show that succeeds is still ended quietly, as ls(1) is.
to_gone_reader -j tap0
check_eq "netifmsg -j tap0 | gone: SIGPIPE" 141 "$RC"
check_empty "netifmsg -j tap0 | gone: no message" "$ERR"

# Not allowed: an unprivileged user may read but not change (EPERM).
# shellcheck disable=SC2317 # called through check_rc
nobody() {
	ip netns exec "$NS" setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}
if command -v setpriv >/dev/null 2>&1; then
	set_mask tap0 "$KNOWN"
	check_rc "unprivileged: show tap0" 0 nobody tap0
	check_out "unprivileged: show tap0: output" "$(show_line tap0 "$KNOWN")"
	check_rc "unprivileged: tap0 +link" 1 nobody tap0 +link
	check_grep "unprivileged: tap0 +link: message" \
		"netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN" "$ERR"
	check_mask "unprivileged: tap0 +link: tap0 unchanged" tap0 "$KNOWN"
	# An alternative name: a failure after the name was read (-v, -j)
	# names the interface as its result lines do; one before, as given.
	ip -n "$NS" link property add dev tap0 altname errors-alt ||
		fatal "ip link property add altname failed"
	for opt in -v -j; do
		check_rc "unprivileged: $opt errors-alt +link" 1 nobody "$opt" errors-alt +link
		check_file "unprivileged: $opt errors-alt +link: names tap0" \
			"netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN" "$ERR"
	done
	check_rc "unprivileged: errors-alt +link" 1 nobody errors-alt +link
	check_file "unprivileged: errors-alt +link: names it as given" \
		"netifmsg: errors-alt: permission denied: changing the message level needs CAP_NET_ADMIN" "$ERR"
	check_mask "unprivileged: errors-alt +link: tap0 unchanged" tap0 "$KNOWN"
else
	missing setpriv util-linux
fi

# --- exit 2: usage errors; nothing is sent
err_tap 2 "unknown message class 'likn'" tap0 likn
check_grep "nm tap0 likn: did you mean" "(did you mean 'link'?)" "$ERR"
check_grep "nm tap0 likn: see --list" "netifmsg --list" "$ERR"
err_tap 2 "unknown message class 'likn'" tap0 +likn
check_grep "nm tap0 +likn: did you mean" "did you mean 'link'" "$ERR"
err_tap 2 "unknown message class 'zzzzzzzz'" tap0 zzzzzzzz
check_nogrep "nm tap0 zzzzzzzz: no far-fetched suggestion" "did you mean" "$ERR"
err_tap 2 "unknown message class 'likn'" tap0 +link,-likn,+drv
err_tap 2 "invalid number '0x'" tap0 0x
err_tap 2 "invalid number" tap0 0x12g
err_tap 2 "number '0x1ffffffff' does not fit in 32 bits" tap0 0x1ffffffff
err_tap 2 "does not fit in 32 bits" tap0 4294967296
err_tap 2 "empty message class in ''" tap0 ''
err_tap 2 "empty message class in 'link,,probe'" tap0 link,,probe
err_tap 2 "empty message class" tap0 +link,
err_tap 2 "'+3': only class names can be turned on or off" tap0 +3
err_tap 2 "'-0x4': only class names can be turned on or off" tap0 -0x4
err_tap 2 "'+none': 'none' cannot be turned on or off" tap0 +none
err_tap 2 "cannot be set over netlink" tap0 0x8000
check_grep "nm tap0 0x8000: bits 15-31" "tap0: bits 15-31" "$ERR"
err_tap 2 "cannot be set over netlink" tap0 bit20
err_tap 2 "cannot be set over netlink" tap0 +bit31
err_tap 2 "cannot be set over netlink" tap0 0xffffffff
err_tap 2 "cannot be set over netlink" tap0 --level-map kernel --from-level 31
# -jv after IFACE is not an option but an unknown class
err_tap 2 "unknown message class" tap0 -jv
err_tap 2 "unknown option '--foo'" tap0 --foo
err_tap 2 "option '--netns' needs a value" tap0 --netns
err_tap 2 "invalid level 'abc'" tap0 --from-level abc
err_tap 2 "level 8 is out of range for the cumulative map" tap0 --from-level 8
err_tap 2 "exclude each other" -j -x tap0
err_tap 2 "exclude each other" tap0 -N -j link

# no interface involved
err 2 "level 8 is out of range for the cumulative map" --from-level 8
err 2 "level 9 is out of range for the exact map" --level-map exact --from-level 9
err 2 "level 32 under the kernel map means the driver's default" \
	--level-map kernel --from-level 32
check_grep "--from-level 32 (kernel): mentions default" "default" "$ERR"
err 2 "level -1 under the kernel map means the driver's default" \
	--level-map kernel --from-level=-1
err 2 "invalid level 'abc'" --from-level abc
err 2 "netifmsg: invalid level ''" --from-level ''
err 2 "unknown option '--foo'" --foo
check_grep "--foo: try --help" "Try 'netifmsg --help'." "$ERR"
err 2 "netifmsg: unknown option '-Z'" -Z
err 2 "option '--netns' needs a value" --netns
err 2 "netifmsg: option '--from-level' needs a value" --from-level
err 2 "netifmsg: unknown level map 'bogus' (use cumulative, exact or kernel)" \
	--level-map bogus --from-level 3
err_tap 2 "netifmsg: option -q excludes -j, -x, -N and -v" -q -v tap0
err 2 "netifmsg: options --list, --decode, --monitor, --batch, --apply and --trace exclude each other" \
	--decode --list
err 2 "netifmsg: unknown message class 'likn' (did you mean 'link'?); see 'netifmsg --list'" \
	--decode likn

# --- a pattern's change whose answers are lost (the receive fails after
# the sets went out, all at once): every interface is changed, and the
# message says that the results of all of them are unknown, not that of
# the first alone.  /^recvmmsg: 32-bit glibc calls recvmmsg_time64.
if command -v strace >/dev/null 2>&1; then
	set_mask tap0 0x0
	set_mask tap1 0x0
	check_rc "tap* 0x5, receive fails" 1 \
		inject_nm /^recvmmsg ENOBUFS 1 'tap*' 0x5
	check_grep "tap* 0x5, receive fails: message" \
		"netifmsg: No buffer space available: the results of the 2 interfaces from tap0 on are unknown" \
		"$ERR"
	check_empty "tap* 0x5, receive fails: no stdout" "$OUT"
	# The send of the sets fails (the third sendto, after the family's
	# and the dump's): none was made, and the message says so.
	check_rc "tap* 0x6, send fails" 1 \
		inject_nm sendto ENOBUFS 3 'tap*' 0x6
	check_file "tap* 0x6, send fails: message" \
		"netifmsg: No buffer space available: the changes of the 2 interfaces from tap0 on were not sent" \
		"$ERR"
	check_mask "tap* 0x6, send fails: tap0 not set" tap0 0x5
	check_mask "tap* 0x6, send fails: tap1 not set" tap1 0x5
	# One interface, one batch line: the same, in the singular.
	check_rc "tap0 0x6, the answer lost" 1 \
		inject_nm recvmsg ENOMEM 2 tap0 0x6
	check_file "tap0 0x6, the answer lost: message" \
		"netifmsg: tap0: Cannot allocate memory: its result is unknown" "$ERR"
	check_mask "tap0 0x6, the answer lost: the set was made" tap0 0x6
	printf 'tap1 0x3\n' >"$NIM_TMP/one"
	check_rc "--batch of one line, the answer lost" 1 \
		inject_nm recvmsg ENOMEM 2 --batch "$NIM_TMP/one"
	check_file "--batch of one line, the answer lost: message" \
		"netifmsg: $NIM_TMP/one: Cannot allocate memory: the result of line 1 is unknown" "$ERR"
	# The send of that one set fails (the second sendto, after the
	# family's; --apply's third, after the dump's): the kernel never got
	# it, and the message says it was not sent, as for a pattern.
	check_rc "tap0 0x7, the send fails" 1 \
		inject_nm sendto ENOBUFS 2 tap0 0x7
	check_file "tap0 0x7, the send fails: message" \
		"netifmsg: tap0: No buffer space available: the change was not sent" "$ERR"
	check_mask "tap0 0x7, the send fails: not set" tap0 0x6
	printf 'tap1 0x1\n' >"$NIM_TMP/one"
	check_rc "--batch of one line, the send fails" 1 \
		inject_nm sendto ENOBUFS 2 --batch "$NIM_TMP/one"
	check_file "--batch of one line, the send fails: message" \
		"netifmsg: $NIM_TMP/one: No buffer space available: line 1 was not sent" "$ERR"
	check_mask "--batch of one line, the send fails: not set" tap1 0x3
	check_rc "--apply of one set, the send fails" 1 \
		inject_nm sendto ENOBUFS 3 --apply --config "$NIM_TMP/one"
	check_file "--apply of one set, the send fails: message" \
		"netifmsg: tap1: No buffer space available: the change was not sent" "$ERR"
	check_mask "--apply of one set, the send fails: not set" tap1 0x3
	# --apply -j whose dump fails (the second recvmsg, after the
	# family's): the message, then the empty array, as for a show or a
	# change, where stdout and stderr share a file.
	inject_nm recvmsg ENOBUFS 2 -j --apply --config "$NIM_TMP/one" >"$OUT" 2>&1
	check_eq "--apply -j, the dump fails: exit status 1" 1 "$?"
	check_file "--apply -j, the dump fails: the message, then []" \
		"netifmsg: No buffer space available"$'\n''[]' "$OUT"
	check_mask "--apply -j, the dump fails: not set" tap1 0x3
	# A receive interrupted (EINTR, as by a signal --trace catches) is
	# no error: the answer still comes.  The family's (the first
	# recvmsg), then the set's.
	for n in 1 2; do
		set_mask tap0 0x6
		check_rc "tap0 0x9, receive $n interrupted" 0 \
			inject_nm recvmsg EINTR "$n" tap0 0x9
		check_empty "tap0 0x9, receive $n interrupted: no message" "$ERR"
		check_mask "tap0 0x9, receive $n interrupted: set" tap0 0x9
	done
	# The same for the pipelined sets' recvmmsg() (a pattern).
	set_mask tap0 0x6
	set_mask tap1 0x6
	check_rc "'tap[01]' 0x9, recvmmsg interrupted" 0 \
		inject_nm recvmmsg EINTR 1 'tap[01]' 0x9
	check_empty "'tap[01]' 0x9, recvmmsg interrupted: no message" "$ERR"
	check_mask "'tap[01]' 0x9, recvmmsg interrupted: tap0 set" tap0 0x9
	check_mask "'tap[01]' 0x9, recvmmsg interrupted: tap1 set" tap1 0x9
else
	missing strace strace
fi


# --- DIAGNOSTICS lists each message under the subsection of the exit
# status it comes with: "Usage errors (exit status 2 ...)", "Failures
# (exit status 1)" or "Notes (the exit status is not affected)".
MAN8=${top_srcdir:-$(dirname "$0")/..}/man/netifmsg.8
[ -r "$MAN8" ] || fatal "$MAN8 not found"

# diag_status_to VAR TAG: the exit status of the DIAGNOSTICS subsection
# whose .TP or .TQ tag is the man page line TAG ("" where none is).
diag_status_to() {
	local -n out=$1
	out=$(awk -v tag="$2" '
		/^\.SH/ { on = $0 == ".SH DIAGNOSTICS" }
		on && /^\.SS Usage errors/ { st = 2 }
		on && /^\.SS Failures/ { st = 1 }
		on && /^\.SS Notes/ { st = 0 }
		on && (prev == ".TP" || prev == ".TQ") && $0 == tag { print st }
		{ prev = $0 }' "$MAN8")
}

# listed NAME TAG: the command check_rc ran last said its message in the
# subsection of DIAGNOSTICS for its exit status.
listed() {
	local st
	diag_status_to st "$2"
	check_eq "$1: listed in DIAGNOSTICS for exit status $RC" "$RC" "$st"
}

to_full() { "$@" >/dev/full; }
# No wrapper: valgrind would open its log file on the closed descriptor.
out_closed() {
	local NIM_WRAPPER=()
	"$@" >&-
}
printf 'errors-none0 +link\n' >"$NIM_TMP/none.conf"
printf 'tap0 +link\nerrors-none0 +link\n' >"$NIM_TMP/fails.batch"
check_rc "a usage error" 2 nm tap0 likn
listed "a usage error" \
	".B \"unknown message class 'likn' (did you mean 'link'?); see 'netifmsg \\-\\-list'\""
check_rc "--monitor, a pattern only long names match" 1 mon_long 'errors-long-nam?-[a-z]*'
listed "--monitor, a pattern only long names match" \
	".B \"monitor: 'averyveryverylongname*' matches no interface name: a name has at most 15 bytes\""
check_rc "no such interface" 1 nm errors-none0
listed "no such interface" '.B "eth9: no such network interface"'
check_rc "--apply -v, a line that selects nothing" 0 \
	nm --apply -v --config "$NIM_TMP/none.conf"
check_grep "--apply -v, a line that selects nothing: message" \
	"none.conf:1: note: selects no interface now" "$ERR"
listed "--apply -v, a line that selects nothing" \
	'.IB file : line ": note: selects no interface now (normal for one not there yet)"'
check_rc "a --batch line fails" 1 nm --batch "$NIM_TMP/fails.batch"
check_grep "a --batch line fails: message" \
	"fails.batch:2: errors-none0: no such network interface" "$ERR"
listed "a --batch line fails" '.IB file : line ": " iface ": " message'
check_rc "a change, its output to a full disk" 1 to_full nm -v tap0 +link
check_file "a change, its output to a full disk: message" \
	"netifmsg: write error: No space left on device" "$ERR"
listed "a change, its output to a full disk" \
	'.B "write error: No space left on device"'
check_rc "a show, standard output closed" 1 out_closed nm tap0
check_file "a show, standard output closed: message" \
	"netifmsg: write error: Bad file descriptor" "$ERR"
listed "a show, standard output closed" '.B "write error: Bad file descriptor"'
if command -v strace >/dev/null 2>&1; then
	check_rc "--monitor cannot join its group" 1 \
		inject_nm setsockopt EPERM 1+ --monitor
	check_grep "--monitor cannot join its group: message" \
		"netifmsg: monitor: cannot join the ethtool monitor group: Operation not permitted" "$ERR"
	listed "--monitor cannot join its group" \
		'.BI "monitor: cannot join the ethtool monitor group: " error'
else
	missing strace strace
fi

finish
