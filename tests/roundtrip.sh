#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One line format everywhere: what netifmsg prints about all interfaces,
# in text, -x, -N and -j, fed back to --batch puts every mask back
# exactly.  100 taps with random masks, plus taps whose names hold a glob
# character and a backslash (one at the end, where the text output's
# ':' follows it); ethtool is the judge.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

NTAPS=100
setup_ns "$NTAPS"
names=()
for ((i = 0; i < NTAPS; i++)); do
	names+=("tap$i")
done
for odd in 'r*x' 'a\b' 'q[1]' 'z\'; do
	add_tap "$odd" || fatal "cannot create the tap '$odd'"
	names+=("$odd")
done

declare -A want
randomize() {
	local n v
	for n in "${names[@]}"; do
		printf -v v '0x%x' $((RANDOM & 0x7fff))
		want[$n]=$v
		set_mask "$n" "${want[$n]}"
	done
}

# every_mask_is LABEL: ethtool reads every interface's wanted mask.
every_mask_is() {
	local n bad=0 got exp
	for n in "${names[@]}"; do
		ethtool_mask_to got "$n"
		hex_to exp "${want[$n]}"
		if [ "$got" != "$exp" ]; then
			bad=$((bad + 1))
			[ "$bad" -le 3 ] && echo "  $n: want ${want[$n]}, ethtool reads $got"
		fi
	done
	check_eq "$1: all ${#names[@]} masks restored exactly" 0 "$bad"
}

for fmt in text -x -N -j; do
	randomize
	opt=()
	[ "$fmt" = text ] || opt=("$fmt")
	check_rc "snapshot ($fmt)" 0 nm "${opt[@]}"
	cp "$OUT" "$NIM_TMP/snap"
	check_lines "snapshot ($fmt): a line per interface" \
		"$([ "$fmt" = -j ] && echo 1 || echo ${#names[@]})" "$NIM_TMP/snap"
	check_rc "wipe every mask" 0 nm '*' none
	check_mask "wiped: tap7" tap7 0
	check_rc "restore ($fmt) with --batch" 0 nm --batch "$NIM_TMP/snap"
	check_empty "restore ($fmt): no message" "$ERR"
	every_mask_is "restore ($fmt)"
done

# The JSON lines of a -v -j batch restore too, and so do -v text lines
# with their "(changed)".
randomize
# The text snapshot run as a batch changes nothing and prints JSON lines.
check_rc "snapshot as -j lines" 0 nm -j -f --batch <(nm)
check_lines "snapshot as -j lines: one object a line" ${#names[@]} "$OUT"
cp "$OUT" "$NIM_TMP/lines"
check_rc "wipe" 0 nm '*' 0
check_rc "restore JSON lines" 0 nm --batch "$NIM_TMP/lines"
every_mask_is "restore (JSON lines)"
check_rc "snapshot as -v lines" 0 nm -v -f --batch <(nm)
cp "$OUT" "$NIM_TMP/vlines"
check_count "-v lines: every interface's ends in (unchanged)" ${#names[@]} \
	'\(unchanged\)$' "$NIM_TMP/vlines"
check_rc "wipe" 0 nm '*' 0
check_rc "restore -v text lines" 0 nm --batch "$NIM_TMP/vlines"
every_mask_is "restore (-v text lines)"

finish
