#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Concurrent relative changes on one tap: writer A toggles link (+link /
# -link), writer B toggles rx_err (-rx_err / +rx_err), NIM_CONC_N times
# each (default 2000; 50 under a wrapper such as valgrind), while a
# reader shows the mask in a loop.  Over netlink a relative change is one
# value+mask DEBUG_SET the kernel applies under the rtnl lock, so:
#   - every change succeeds;
#   - each writer's own bit, read back right after its change (-x -v
#     does a DEBUG_GET after the SET), is what it just wrote;
#   - no read ever shows a bit other than link and rx_err changed;
#   - at the end link and rx_err are where their last writer left them.
# Over --ioctl a relative change is a
# read-modify-write, and the other writer's write can undo it: the lost
# updates seen are counted and reported, not failed; what is still
# guaranteed (success, no impossible mask) is checked.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

if [ ${#NIM_WRAPPER[@]} -gt 0 ]; then
	N=${NIM_CONC_N:-50}
else
	N=${NIM_CONC_N:-2000}
fi
A=0x0004	# link, writer A's
B=0x0040	# rx_err, writer B's
BASE=0x2411	# drv ifdown tx_done hw: nobody may touch these
OTHERS=$((~(A | B) & 0xffffffff))

setup_ns 1

# writer NAME BIT ON OFF FIRST [--ioctl]: N relative changes, alternating
# ON and OFF words starting with FIRST; after each one, checks its own
# bit in the mask read back.  Writes "ok MISMATCHES" or the failure.
# shellcheck disable=SC2317 # called through in_ns
writer() {
	local name=$1 bit=$2 on=$3 off=$4 first=$5 i word want out rc
	local mism=0 fails=0
	shift 5
	for ((i = 0; i < N; i++)); do
		if (((i % 2 == 0) == (first == 1))); then
			word=$on
			want=$bit
		else
			word=$off
			want=0
		fi
		run_to out rc nm_here "$@" -x -v tap0 "$word"
		if [ "$rc" != 0 ]; then
			fails=$((fails + 1))
			echo "change $i ($word) failed: $out" >>"$NIM_TMP/$name.err"
			continue
		fi
		if ! [[ $out =~ ^0x[0-9a-f]{8}$ ]]; then
			fails=$((fails + 1))
			echo "change $i ($word): odd output '$out'" >>"$NIM_TMP/$name.err"
			continue
		fi
		(((out & bit) == want)) || mism=$((mism + 1))
	done
	echo "$fails $mism" >"$NIM_TMP/$name.result"
}

# reader: shows the mask until the stop file appears.
# shellcheck disable=SC2317 # called through in_ns
reader() {
	local out rc
	while [ ! -e "$NIM_TMP/stop" ]; do
		run_to out rc nm_here -x tap0
		echo "$rc $out"
	done >"$NIM_TMP/reads"
}

# in_ns FUNCTION ARGS...: FUNCTION (writer or reader, which run the
# program with nm_here) in one shell inside $NS.  One `ip netns exec` per
# loop, not per run: on a machine where exec is dear it doubled the
# test's time.  For the same reason the output goes through run_to, not
# $(...), which costs a fork.  Whatever is left in $NS when
# the test ends is killed.
in_ns() {
	ip netns exec "$NS" bash -c \
		"$(declare -f "$1" nm_here run_to slurp); $(declare -p N NIM_TMP NETIFMSG NIM_WRAPPER)"'; "$@"' \
		in_ns "$@"
}

# run LABEL [--ioctl]: one round; sets FAILS_A/B, MISM_A/B, READS, BAD_READS,
# FINAL.
run() {
	local label=$1 pa pb pr
	shift
	rm -f "$NIM_TMP"/{stop,reads,A.result,B.result,A.err,B.err}
	set_mask tap0 "$BASE"
	in_ns reader &
	pr=$!
	# A starts with +link and B with -rx_err: with N even, A ends on
	# -link and B on +rx_err.
	in_ns writer A "$A" +link -link 1 "$@" &
	pa=$!
	in_ns writer B "$B" +rx_err -rx_err 0 "$@" &
	pb=$!
	wait "$pa" "$pb"
	touch "$NIM_TMP/stop"
	wait "$pr"

	read -r FAILS_A MISM_A <"$NIM_TMP/A.result" || FAILS_A=missing
	read -r FAILS_B MISM_B <"$NIM_TMP/B.result" || FAILS_B=missing
	[ -e "$NIM_TMP/A.err" ] && sed -n '1,5s/^/      A: /p' "$NIM_TMP/A.err"
	[ -e "$NIM_TMP/B.err" ] && sed -n '1,5s/^/      B: /p' "$NIM_TMP/B.err"
	line_count_to READS "$NIM_TMP/reads"
	# A read is good if it succeeded and only link/rx_err differ from BASE.
	BAD_READS=0
	local rc val
	while read -r rc val; do
		if [ "$rc" != 0 ] || ! [[ $val =~ ^0x[0-9a-f]{8}$ ]] ||
		   (((val & OTHERS) != BASE)); then
			BAD_READS=$((BAD_READS + 1))
			[ "$BAD_READS" -le 5 ] && echo "      bad read: $rc $val"
		fi
	done <"$NIM_TMP/reads"
	ethtool_mask_to FINAL tap0
	echo "$label: $N changes per writer, $READS reads, own-bit mismatches A=$MISM_A B=$MISM_B, final $FINAL"
}

# N must be even for the expected end state below.
N=$(((N + 1) / 2 * 2))
EXPECT=$(hex $((BASE | B)))

run netlink
check_eq "netlink: every change of writer A succeeded" 0 "$FAILS_A"
check_eq "netlink: every change of writer B succeeded" 0 "$FAILS_B"
check_eq "netlink: A always read back its own bit as written" 0 "$MISM_A"
check_eq "netlink: B always read back its own bit as written" 0 "$MISM_B"
check_eq "netlink: no read failed or showed an impossible mask" 0 "$BAD_READS"
if [ "$READS" -gt 0 ]; then
	pass "netlink: the reader read ($READS times)"
else
	fail "netlink: the reader never read"
fi
check_eq "netlink: each bit where its last writer left it" "$EXPECT" "$FINAL"

run ioctl --ioctl
check_eq "ioctl: every change of writer A succeeded" 0 "$FAILS_A"
check_eq "ioctl: every change of writer B succeeded" 0 "$FAILS_B"
check_eq "ioctl: no read failed or showed an impossible mask" 0 "$BAD_READS"
if [ "$FINAL" = "$EXPECT" ]; then
	lost_final=0
else
	lost_final=1
fi
# Read-modify-write: lost updates are possible (see netifmsg(8)).
echo "note: ioctl: lost updates seen: A=$MISM_A B=$MISM_B, final state lost: $lost_final"
check_eq "ioctl: no other bit changed at the end" "$(hex "$BASE")" \
	"$(hex $((FINAL & OTHERS)))"

finish
