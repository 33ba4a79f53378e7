#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# An interface renamed between the dump that selects it and the set: a
# pattern change, --apply and --trace's restore send each DEBUG_SET with
# the interface's index beside its name, so the kernel refuses it rather
# than set another interface that took the name meanwhile.  --apply
# leaves one removed meanwhile alone, as one not there.  strace holds
# the first set back while the test renames; ethtool reads the masks.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v strace >/dev/null 2>&1 || fatal "strace is needed to hold a set back"

setup_ns 0
C=$NIM_TMP/conf

# held N ARGS...: netifmsg ARGS in the background, its Nth sendto (the
# first DEBUG_SET) held back 2 s; back once it is held (strace writes a
# call's line as it enters it); PID in $HPID.  LeakSanitizer cannot run
# under ptrace.
held() {
	local n=$1 i
	shift
	: >"$NIM_TMP/strace"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace=sendto \
		-e inject=sendto:delay_enter=2000000:when="$n" -- \
		"${NIM_WRAPPER[@]}" "$NETIFMSG" "$@" >"$OUT" 2>"$ERR" &
	HPID=$!
	for ((i = 0; i < 1500; i++)); do
		[ "$(grep -c '^sendto(' "$NIM_TMP/strace")" -ge "$n" ] && return 0
		sleep 0.02
	done
	fatal "netifmsg $* did not reach its DEBUG_SET"
}

# swap: rn1 becomes zz1, and zz takes the name rn1 (it did not match).
swap() {
	ip -n "$NS" link set dev rn1 name zz1 &&
		ip -n "$NS" link set dev zz name rn1 ||
		fatal "cannot rename"
}

# fresh: rn0, rn1 and zz, all at 0x0 (the old ones gone).
fresh() {
	local n
	for n in rn0 rn1 zz zz1; do
		ip -n "$NS" link del dev "$n" 2>/dev/null
	done
	for n in rn0 rn1 zz; do
		add_tap "$n" || fatal "cannot create $n"
		set_mask "$n" 0x0
	done
	OLD_RN1=$(ifindex_of rn1)
	OLD_ZZ=$(ifindex_of zz)
}

# settle: how the masks ended, by index: the old rn1, the old zz.
settle() {
	check_eq "$1: the old rn1 (now zz1) keeps its mask" "$OLD_RN1" "$(ifindex_of zz1)"
	check_mask "$1: zz1 (the old rn1) was not set under its old name" zz1 0x0
	check_eq "$1: the old zz is now rn1" "$OLD_ZZ" "$(ifindex_of rn1)"
	check_mask "$1: rn1 (the old zz) got no set meant for another" rn1 0x0
	check_mask "$1: rn0, not renamed, was set" rn0 0x3
}

# --- a pattern change: dump (sendto 2), then the sets (sendto 3)
fresh
held 3 'rn*' 0x3
swap
wait "$HPID"
check_eq "pattern: exit 1 (the renamed one failed)" 1 "$?"
check_grep "pattern: rn1 is no longer that interface" "netifmsg: rn1: no such network interface" "$ERR"
settle "pattern"

# --- --apply: the same, from a configuration line
printf 'rn* 0x3\n' >"$C"
fresh
held 3 --apply --config "$C"
swap
wait "$HPID"
check_eq "--apply: exit 1 (the renamed one failed)" 1 "$?"
check_grep "--apply: rn1 is no longer that interface" "netifmsg: rn1: no such network interface" "$ERR"
settle "--apply"

# --- --apply: one removed meanwhile is not there any more, no failure
# (the udev rule's run for an interface that came and went at once)
fresh
held 3 -v --apply --config "$C"
ip -n "$NS" link del dev rn1 || fatal "cannot remove rn1"
wait "$HPID"
check_eq "--apply, rn1 removed meanwhile: exit 0" 0 "$?"
check_grep "--apply, rn1 removed meanwhile: -v says so" \
	"netifmsg: rn1: note: went away meanwhile: not set" "$ERR"
check_mask "--apply, rn1 removed meanwhile: rn0 was set" rn0 0x3

# --- a set by a name the user gave stays by name: that name is meant
fresh
check_rc "by name: rn1 0x3" 0 nm rn1 0x3
check_mask "by name: rn1 set" rn1 0x3

finish
