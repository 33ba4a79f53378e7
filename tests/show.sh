#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Show one interface and show all, cross-checked with ethtool, on 50 taps
# in a private network namespace.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

NTAPS=50
setup_ns "$NTAPS"

# --- show all: one line per tap, lo (no message level) left out
expected=
for ((i = 0; i < NTAPS; i++)); do
	expected+="tap$i: 0x00000000 none"$'\n'
done
expected=${expected%$'\n'}

check_rc "show all" 0 nm
check_lines "show all: $NTAPS lines" "$NTAPS" "$OUT"
check_nogrep "show all: lo left out" "lo:" "$OUT"
check_empty "show all: no stderr" "$ERR"
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "show all: every tap once, all 0x00000000 none" "$expected" "$NIM_TMP/sorted"

# --- show one
check_rc "show tap3" 0 nm tap3
check_out "show tap3: output" "tap3: 0x00000000 none"
check_empty "show tap3: no stderr" "$ERR"

# --- ethtool writes, netifmsg reads
set_mask tap7 0x5
check_rc "show tap7 after ethtool msglvl 0x5" 0 nm tap7
check_out "show tap7: output" "tap7: 0x00000005 drv link"
check_rc "show all after ethtool msglvl 0x5" 0 nm
check_lines "show all: still $NTAPS lines" "$NTAPS" "$OUT"
check_egrep "show all: tap7 line" "^tap7: 0x00000005 drv link\$" "$OUT"
check_egrep "show all: tap6 unchanged" "^tap6: 0x00000000 none\$" "$OUT"

for m in 0x0 0x1 0x7fff 0x1234 0x4000 0x2aaa; do
	set_mask tap9 "$m"
	check_rc "show tap9 after ethtool msglvl $m" 0 nm tap9
	check_out "show tap9 = ethtool $m" "$(show_line tap9 "$m")"
	check_rc "show tap9 -x after ethtool msglvl $m" 0 nm -x tap9
	check_out "show tap9 -x = ethtool $m" "$(hex "$m")"
done

# ethtool's own class names as input
et -s tap8 msglvl drv on probe on hw on || fatal "ethtool msglvl by names failed"
check_rc "show tap8 after ethtool msglvl drv on probe on hw on" 0 nm tap8
check_out "show tap8: output" "$(show_line tap8 0x2003)"

# --- every tap with its own mask: show all and show one agree with ethtool
declare -A want
for ((i = 0; i < NTAPS; i++)); do
	m=$(((i * 0x1f3 + i) & 0x7fff))
	want[tap$i]=$m
	set_mask "tap$i" "$m"
done
expected=
for ((i = 0; i < NTAPS; i++)); do
	expected+="$(show_line "tap$i" "${want[tap$i]}")"$'\n'
done
expected=${expected%$'\n'}
check_rc "show all with $NTAPS different masks" 0 nm
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "show all = ethtool for every tap" "$expected" "$NIM_TMP/sorted"

bad=0
for ((i = 0; i < NTAPS; i++)); do
	got=$(nm "tap$i" 2>&1) || got+=" (exit status $?)"
	if [ "$got" != "$(show_line "tap$i" "${want[tap$i]}")" ]; then
		bad=$((bad + 1))
		[ "$bad" -gt 3 ] || echo "      tap$i: expected '$(show_line "tap$i" "${want[tap$i]}")', got '$got'"
	fi
done
check_eq "show one = ethtool for every tap (mismatches)" 0 "$bad"

# Show all with -x and -N: one 'IFACE: mask' or 'IFACE: names' line per
# interface, each as ethtool set it
expected_x=
expected_n=
for ((i = 0; i < NTAPS; i++)); do
	expected_x+="tap$i: $(hex "${want[tap$i]}")"$'\n'
	expected_n+="tap$i: $(mask_names "${want[tap$i]}")"$'\n'
done
check_rc "show all -x" 0 nm -x
check_lines "show all -x: $NTAPS lines" "$NTAPS" "$OUT"
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "show all -x = ethtool for every tap" "${expected_x%$'\n'}" "$NIM_TMP/sorted"
check_rc "show all -N" 0 nm -N
check_lines "show all -N: $NTAPS lines" "$NTAPS" "$OUT"
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "show all -N = ethtool for every tap" "${expected_n%$'\n'}" "$NIM_TMP/sorted"

# Show all finds taps that come and go
ip -n "$NS" link delete tap0 || fatal "deleting tap0 failed"
check_rc "show all after deleting tap0" 0 nm
check_lines "show all: $((NTAPS - 1)) lines" "$((NTAPS - 1))" "$OUT"
check_nogrep "show all: tap0 gone" "tap0:" "$OUT"

finish
