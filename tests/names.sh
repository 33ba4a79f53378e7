#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Class names the running kernel reports (ETHTOOL_MSG_STRSET_GET of
# ETH_SS_MSG_CLASSES).  Every class of today's kernels is in the built-in
# table, so a test-only build of the program, tests/netifmsg-hidewol
# ($NETIFMSG_HIDEWOL), lacks 'wol' (bit 14): then only the kernel's
# string set can name it.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

setup_ns 3

HIDEWOL=${NETIFMSG_HIDEWOL:-$(dirname "$NETIFMSG")/../tests/netifmsg-hidewol}
[ -x "$HIDEWOL" ] || fatal "test build '$HIDEWOL' not found (make check builds it)"

# hid ARGS...: netifmsg in $NS without its built-in name for 'wol'.
# shellcheck disable=SC2317 # called through check_rc
hid() {
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$HIDEWOL" "$@"
}

# --- the test build works: without a kernel to ask, 'wol' is unknown
# here: the same outside $NS, for commands that need no kernel.
# shellcheck disable=SC2317 # called through check_rc
here() {
	"${NIM_WRAPPER[@]}" "$HIDEWOL" "$@"
}
check_rc "hidden wol: --decode wol (no kernel access)" 2 here --decode wol
check_grep "hidden wol: --decode wol: unknown" "unknown message class 'wol'" "$ERR"
check_rc "hidden wol: --decode 0x4001" 0 here --decode 0x4001
check_out "hidden wol: --decode 0x4001 prints bit14" "0x00004001 drv bit14"
# The ioctl path asks no names: the same change is refused there.
set_mask tap0 0x1
check_rc "hidden wol: --ioctl tap0 +wol" 2 hid --ioctl tap0 +wol
check_grep "hidden wol: --ioctl tap0 +wol: unknown" "unknown message class 'wol'" "$ERR"
check_mask "hidden wol: --ioctl tap0 +wol: unchanged" tap0 0x1
set_mask tap0 0x4001
check_rc "hidden wol: --ioctl show tap0 with bit 14" 0 hid --ioctl tap0
check_out "hidden wol: --ioctl show tap0: bit14" "tap0: 0x00004001 drv bit14"
set_mask tap0 0x1

# --- names are accepted after the kernel named them
check_rc "hidden wol: tap0 +wol" 0 hid tap0 +wol
check_empty "hidden wol: tap0 +wol: no stderr" "$ERR"
check_mask "hidden wol: tap0 +wol: ethtool reads 0x4001" tap0 0x4001
check_rc "hidden wol: tap0 -NETIF_MSG_WOL" 0 hid tap0 -NETIF_MSG_WOL
check_mask "hidden wol: tap0 -NETIF_MSG_WOL: ethtool reads 0x1" tap0 0x1
check_rc "hidden wol: tap0 probe,WOL" 0 hid tap0 probe,WOL
check_mask "hidden wol: tap0 probe,WOL: ethtool reads 0x4002" tap0 0x4002
check_rc "hidden wol: -v tap0 +drv -wol" 0 hid -v tap0 +drv -wol
check_out "hidden wol: -v tap0 +drv -wol" "tap0: 0x00000003 drv probe (changed)"
check_rc "hidden wol: -j tap0 +wol" 0 hid -j tap0 +wol
check_json "hidden wol: -j tap0 +wol names wol" "[$(json_if tap0 0x4003 true)]" "$OUT"

# --- a name neither knows is still a usage error that changes nothing
set_mask tap1 0x10
check_rc "hidden wol: tap1 +wxl" 2 hid tap1 +wxl
check_grep "hidden wol: tap1 +wxl: message" \
	"unknown message class 'wxl' (did you mean 'wol'?)" "$ERR"
check_mask "hidden wol: tap1 +wxl: unchanged" tap1 0x10
check_rc "hidden wol: tap1 +wol +nosuchclass" 2 hid tap1 +wol +nosuchclass
check_grep "hidden wol: tap1 +wol +nosuchclass: message" \
	"unknown message class 'nosuchclass'" "$ERR"
check_mask "hidden wol: tap1 +wol +nosuchclass: unchanged" tap1 0x10
# "+NAME on" gets the +NAME message when only the kernel has the name
check_rc "hidden wol: tap1 +wol on" 2 hid tap1 +wol on
check_grep "hidden wol: tap1 +wol on: message" \
	"'+wol' before 'on': +NAME and -NAME take no on or off (write '+wol' alone, or NAME on|off)" "$ERR"
check_mask "hidden wol: tap1 +wol on: unchanged" tap1 0x10
check_rc "hidden wol: tap1 +wol (the hint)" 0 hid tap1 +wol
check_mask "hidden wol: tap1 +wol (the hint): ethtool reads 0x4010" tap1 0x4010
set_mask tap1 0x10
# other mistakes are found before the kernel is asked anything
check_rc "hidden wol: tap1 +wol 0x" 2 hid tap1 +wol 0x
check_grep "hidden wol: tap1 +wol 0x: message" "invalid number '0x'" "$ERR"
check_mask "hidden wol: tap1 +wol 0x: unchanged" tap1 0x10

# --- printing: a bit the table cannot name gets the kernel's name
set_mask tap2 0x4005
check_rc "hidden wol: show tap2" 0 hid tap2
check_out "hidden wol: show tap2 names wol" "tap2: 0x00004005 drv link wol"
check_rc "hidden wol: show -N tap2" 0 hid -N tap2
check_out "hidden wol: show -N tap2" "drv link wol"
check_rc "hidden wol: show all" 0 hid
check_egrep "hidden wol: show all names wol" "^tap2: 0x00004005 drv link wol\$" "$OUT"
check_lines "hidden wol: show all: 3 lines" 3 "$OUT"

# --batch prints the kernel's name; its lines accept only the table's
set_mask tap1 0x1
printf 'tap1 +bit14\ntap2\n' >"$NIM_TMP/batch"
check_rc "hidden wol: -v --batch" 0 hid -v --batch "$NIM_TMP/batch"
check_out "hidden wol: -v --batch names wol" \
	"tap1: 0x00004001 drv wol (changed)"$'\n'"tap2: 0x00004005 drv link wol"
# Batch lines read kernel names as the command line does.
printf 'tap1 -wol\ntap2 +NETIF_MSG_WOL,-link\n' >"$NIM_TMP/batch"
check_rc "hidden wol: --batch lines with wol" 0 hid --batch "$NIM_TMP/batch"
check_empty "hidden wol: --batch lines with wol: no stderr" "$ERR"
check_mask "hidden wol: --batch line -wol" tap1 0x1
check_mask "hidden wol: --batch line +NETIF_MSG_WOL,-link" tap2 0x4001
set_mask tap2 0x4005
# A name neither table knows is still refused, with its line, and
# nothing of the file is applied.
printf 'tap1 +wol\ntap2 -wolx\n' >"$NIM_TMP/batch"
check_rc "hidden wol: --batch line with wolx" 2 hid --batch "$NIM_TMP/batch"
check_grep "hidden wol: --batch line with wolx: message" \
	"batch:2: unknown message class 'wolx' (did you mean 'wol'?)" "$ERR"
check_mask "hidden wol: --batch line with wolx: line 1 not applied" tap1 0x1

# --monitor prints the kernel's name, asked on a socket of its own
mon=$NIM_TMP/mon
"${NIM_WRAPPER[@]}" "$HIDEWOL" -n "$NS" --monitor tap0 >"$mon" 2>&1 &
mon_pid=$!
sync_monitors tap0 "$mon"
set_mask tap0 0x4003
for ((try = 0; try < 200; try++)); do
	grep -q 'wol\|bit14' "$mon" && break
	sleep 0.05
done
kill -TERM "$mon_pid"
wait "$mon_pid"
check_eq "hidden wol: monitor ended by SIGTERM: exit 0" 0 $?
check_eq "hidden wol: monitor names wol, also in the mask before" \
	"tap0: 0x00004003 drv probe wol" "$(tail -n 1 "$mon" | sed 's/ (was [^)]*)$//')"

# A bit only in the mask before: the kernel is asked for its name too.
set_mask tap0 0x4001
mon=$NIM_TMP/mon-was
"${NIM_WRAPPER[@]}" "$HIDEWOL" -n "$NS" --monitor tap0 tap1 >"$mon" 2>&1 &
mon_pid=$!
sync_monitors tap1 "$mon"
set_mask tap0 0x1
for ((try = 0; try < 200; try++)); do
	grep -q '^tap0: ' "$mon" && break
	sleep 0.05
done
kill -TERM "$mon_pid"
wait "$mon_pid"
check_eq "hidden wol: monitor of tap0 tap1 ended by SIGTERM: exit 0" 0 $?
check_eq "hidden wol: monitor names wol in the mask before only" \
	"tap0: 0x00000001 drv (was 0x00004001 drv wol)" "$(grep '^tap0: ' "$mon")"

# --- how many requests: the lookup is sent only when needed
if command -v strace >/dev/null 2>&1; then
	# requests CMD...: the number of netlink messages CMD sends.
	requests() {
		ip netns exec "$NS" strace -f -qq -e trace=sendto,sendmsg \
			-o "$NIM_TMP/strace" "$@" >/dev/null 2>&1
		grep -c 'AF_NETLINK' "$NIM_TMP/strace"
	}
	check_eq "requests: tap0 +wol (built-in name)" 2 "$(requests "$NETIFMSG" tap0 +wol)"
	check_eq "requests: show tap2 (every bit named)" 2 "$(requests "$NETIFMSG" tap2)"
	check_eq "requests: show all (every bit named)" 2 "$(requests "$NETIFMSG")"
	check_eq "requests: hidden wol: tap0 +wol (one lookup more)" 3 \
		"$(requests "$HIDEWOL" tap0 +wol)"
	check_eq "requests: hidden wol: show all with bit 14 (one lookup more)" 3 \
		"$(requests "$HIDEWOL")"
	check_eq "requests: hidden wol: tap1 +link (no lookup)" 2 \
		"$(requests "$HIDEWOL" tap1 +link)"
	set_mask tap1 0x1
	check_eq "requests: hidden wol: -v tap1 +wol (lookup once)" 5 \
		"$(requests "$HIDEWOL" -v tap1 +wol)"
	check_mask "hidden wol: -v tap1 +wol: ethtool reads 0x4001" tap1 0x4001
else
	fatal "strace not found: the request counts cannot be checked"
fi

finish
