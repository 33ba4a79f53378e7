#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Absolute and relative changes, old levels, option placement, -- and -n,
# every result read back with ethtool.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

not_here tap4
setup_ns 5

# change DEV START EXPECTED ARGS...: set START with ethtool, run netifmsg
# ARGS, check exit 0, no output, and that ethtool reads EXPECTED.
change() {
	local dev=$1 start=$2 want=$3
	shift 3
	set_mask "$dev" "$start"
	check_rc "nm $* (from $start)" 0 nm "$@"
	check_empty "nm $*: no stdout" "$OUT"
	check_empty "nm $*: no stderr" "$ERR"
	check_mask "nm $* (from $start): ethtool reads $(hex "$want")" "$dev" "$want"
}

# --- absolute changes replace the whole mask
change tap0 0x7fff 0x3 tap0 0x3
change tap0 0x7fff 0x4 tap0 link
change tap0 0x4000 0x3 tap0 drv,probe
change tap0 0x0 0x7fff tap0 all
change tap0 0x7fff 0x0 tap0 none
change tap0 0x1 0x2c tap0 LINK NETIF_MSG_TIMER msg_ifup
change tap0 0x1 0x2c tap0 Link netif_msg_timer MSG_IFUP
change tap0 0x0 0x1f tap0 31
change tap0 0x7fff 0x8 tap0 bit3
change tap0 0x7fff 0x1234 tap0 0x1000 0x234
change tap0 0x0 0x7fff tap0 0x7fff
change tap0 0x1 0x0 tap0 0
# absolute words are ORed, then +/- applied on top
change tap0 0x7fff 0xc tap0 link 0x1 +timer -drv
change tap0 0x0 0x3 tap0 none drv probe
# applying the same absolute change twice is fine
change tap0 0x0 0x4 tap0 link
change tap0 0x4 0x4 tap0 link

# --- relative changes leave every other bit alone
start=0x5a5a
change tap1 "$start" $(((start | 0x4) & ~0x40)) tap1 +link -rx_err
change tap1 0x2000 0x2 tap1 +probe,-hw
change tap1 0x1234 0x1236 tap1 +probe,-hw
change tap1 0x0 0x4000 tap1 +wol
change tap1 0x7fff 0x6ffe tap1 -drv -pktdata
change tap1 0x5 0x7fff tap1 +all
change tap1 0x5 0x0 tap1 -all
change tap1 0x5 0xd tap1 +bit3
change tap1 0x7fff 0x7ff7 tap1 -bit3
change tap1 0x1 0x5 tap1 +LINK
change tap1 0x5 0x4 tap1 -NETIF_MSG_DRV
change tap1 0x5 0x4 tap1 -msg_drv
change tap1 0x41 0x1 tap1 -rx_err
change tap1 0x1 0x1 tap1 -rx_err
change tap1 0x4 0x4 tap1 +link
# for the same bit the later word wins
change tap1 0x5 0x1 tap1 +link -link
change tap1 0x1 0x5 tap1 -link +link
change tap1 0x1 0x5 tap1 -link,+link
# several +/- words, comma-joined and separate
change tap1 0x5a5a $(((0x5a5a | 0x101) & ~0x4800)) tap1 +drv,+tx_queued -wol,-rx_status

# --- old levels
change tap2 0x4000 0x3f tap2 --from-level 3
change tap2 0x4000 0x0c tap2 --level-map exact --from-level 2
change tap2 0x4000 0x3f --from-level 3 tap2
change tap2 0x4000 0x1f tap2 --level-map kernel --from-level 5
change tap2 0x0 0x1f --level-map=kernel tap2 --from-level=5
change tap2 0x0 0x1fff tap2 --from-level=7
change tap2 0x0 0x1 tap2 --from-level 0
change tap2 0x7fff 0x0 tap2 --from-level=-1
change tap2 0x7fff 0x0 tap2 --from-level -1
change tap2 0x0 0x30 tap2 --level-map=exact --from-level=3
change tap2 0x0 0x37 tap2 --from-level 3 -timer
change tap2 0x0 0x7fff tap2 --level-map kernel --from-level 15
change tap2 0x7fff 0x0 tap2 --level-map kernel --from-level 0

# --- '--' ends options: what follows IFACE is a change, also '-link'
change tap0 0x5 0x1 tap0 -- -link
change tap0 0x5 0x1 -- tap0 -link
change tap0 0x5 0x7 -- tap0 +probe
# '-rx_err' after IFACE is a change, not the options -r -x ...
change tap0 0x41 0x1 tap0 -rx_err
change tap0 0x7fff 0x7fef tap0 -ifdown

# --- -n NETNS, run from the initial namespace (not via ip netns exec)
set_mask tap4 0x0
check_rc "netifmsg -n NS tap4 0x7 (from the initial namespace)" 0 nm_here -n "$NS" tap4 0x7
check_empty "netifmsg -n NS tap4 0x7: no stdout" "$OUT"
check_mask "netifmsg -n NS tap4 0x7: ethtool reads 0x7" tap4 0x7
check_rc "netifmsg --netns=NS tap4 +wol" 0 nm_here --netns="$NS" tap4 +wol
check_mask "netifmsg --netns=NS tap4 +wol: ethtool reads 0x4007" tap4 0x4007
check_rc "netifmsg tap4 -link --netns NS (option after IFACE)" 0 nm_here tap4 -link --netns "$NS"
check_mask "netifmsg tap4 -link --netns NS: ethtool reads 0x4003" tap4 0x4003
check_rc "netifmsg -n NS tap4 (show)" 0 nm_here -n "$NS" tap4
check_out "netifmsg -n NS tap4: output" "$(show_line tap4 0x4003)"
# A relative path is read from the current directory.
check_rc "netifmsg -n ./NS -x tap4 (in /run/netns)" 0 \
	sh -c 'cd /run/netns && exec "$@"' sh "${NIM_WRAPPER[@]}" "$NETIFMSG" -n "./$NS" -x tap4
check_out "netifmsg -n ./NS -x tap4: output" "0x00004003"

check_rc "netifmsg -n NS (show all from the initial namespace)" 0 nm_here -n "$NS"
expected=
for ((i = 0; i < 5; i++)); do
	expected+="$(show_line "tap$i" "$(ethtool_mask "tap$i")")"$'\n'
done
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "netifmsg -n NS: exactly the namespace's 5 taps" "${expected%$'\n'}" "$NIM_TMP/sorted"

# --- a mistake changes nothing
set_mask tap0 0x5
check_rc "nm tap0 +likn" 2 nm tap0 +likn
check_grep "nm tap0 +likn: did you mean" "did you mean 'link'" "$ERR"
check_empty "nm tap0 +likn: no stdout" "$OUT"
check_mask "nm tap0 +likn: mask unchanged" tap0 0x5
set_mask tap0 0x1
check_rc "nm tap0 +link +likn (one good word, one bad)" 2 nm tap0 +link +likn
check_mask "nm tap0 +link +likn: mask unchanged" tap0 0x1
set_mask tap0 0x5
check_rc "nm tap0 0x3 likn (one good word, one bad)" 2 nm tap0 0x3 likn
check_mask "nm tap0 0x3 likn: mask unchanged" tap0 0x5

# --- more words than main() keeps on its stack (32): all are read, the
# later word winning for the same bit; a bad one among them changes nothing
many=()
for ((i = 0; i < 20; i++)); do
	many+=(+link -link)
done
change tap0 0x1 0x5 tap0 "${many[@]}" +link -q
check_rc "nm tap0 (41 words) +likn" 2 nm tap0 "${many[@]}" +likn
check_grep "nm tap0 (41 words) +likn: message" "unknown message class 'likn'" "$ERR"
check_mask "nm tap0 (41 words) +likn: mask unchanged" tap0 0x5

# --- a relative change does not touch the other taps
for dev in tap1 tap2 tap3; do
	set_mask "$dev" 0x1234
done
check_rc "nm tap2 +drv" 0 nm tap2 +drv
check_mask "nm tap2 +drv: tap2 changed" tap2 0x1235
check_mask "nm tap2 +drv: tap1 untouched" tap1 0x1234
check_mask "nm tap2 +drv: tap3 untouched" tap3 0x1234

finish
