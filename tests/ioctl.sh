#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The legacy SIOCETHTOOL ioctl (--ioctl, and the fallback when the kernel
# has no ethtool netlink family): show, show all, absolute and relative
# changes cross-checked with ethtool both ways, the bits 15..31 only the
# ioctl can reach, the errors, and names that move during show all.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"
command -v strace >/dev/null 2>&1 || fatal "strace is needed to make the ioctl's socket fail"

NTAPS=20
not_here tap7 tap15
setup_ns "$NTAPS"

# --- show all over the ioctl: every tap once, lo left out
declare -A want
expected=
for ((i = 0; i < NTAPS; i++)); do
	m=$(((i * 0x2f1 + 3 * i) & 0x7fff))
	want[tap$i]=$m
	set_mask "tap$i" "$m"
	expected+="$(show_line "tap$i" "$m")"$'\n'
done
check_rc "--ioctl show all" 0 nm --ioctl
check_lines "--ioctl show all: $NTAPS lines" "$NTAPS" "$OUT"
check_nogrep "--ioctl show all: lo left out" "lo:" "$OUT"
check_empty "--ioctl show all: no stderr" "$ERR"
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "--ioctl show all = ethtool for every tap" "${expected%$'\n'}" "$NIM_TMP/sorted"
check_out_as "--ioctl show all = netlink show all" nm
check_rc "--ioctl show all -x" 0 nm --ioctl -x
check_lines "--ioctl show all -x: $NTAPS lines" "$NTAPS" "$OUT"
check_out_as "--ioctl show all -x = netlink show all -x" nm -x
check_rc "--ioctl show all -j" 0 nm --ioctl -j
check_json_valid "--ioctl show all -j: valid JSON" "$OUT"
check_lines "--ioctl show all -j: one line" 1 "$OUT"
check_grep "--ioctl show all -j: tap3 object" "$(printf '{"ifname":"tap3","ifindex":%s,"msg_enable":%d,' \
	"$(ifindex_of tap3)" "${want[tap3]}")" "$OUT"

# --- ethtool writes, --ioctl reads
for m in 0x0 0x1 0x7fff 0x1234 0x4000 0x2aaa; do
	set_mask tap9 "$m"
	check_rc "--ioctl show tap9 after ethtool msglvl $m" 0 nm --ioctl tap9
	check_out "--ioctl show tap9 = ethtool $m" "$(show_line tap9 "$m")"
	check_rc "--ioctl -x tap9 after ethtool msglvl $m" 0 nm tap9 --ioctl -x
	check_out "--ioctl -x tap9 = ethtool $m" "$(hex "$m")"
done
set_mask tap1 0x5
check_rc "--ioctl -j tap1" 0 nm --ioctl -j tap1
check_json "--ioctl -j tap1" "[$(json_if tap1 0x5)]" "$OUT"
check_rc "--ioctl -N tap1" 0 nm --ioctl -N tap1
check_out "--ioctl -N tap1" "drv link"

# --- --ioctl writes, ethtool reads
# change DEV START EXPECTED ARGS...: set START with ethtool, run
# netifmsg --ioctl ARGS; exit 0, no output, ethtool reads EXPECTED.
change() {
	local dev=$1 start=$2 wanted=$3
	shift 3
	set_mask "$dev" "$start"
	check_rc "--ioctl $* (from $start)" 0 nm --ioctl "$@"
	check_empty "--ioctl $*: no stdout" "$OUT"
	check_empty "--ioctl $*: no stderr" "$ERR"
	check_mask "--ioctl $* (from $start): ethtool reads $(hex "$wanted")" "$dev" "$wanted"
}

# absolute
change tap0 0x7fff 0x3 tap0 0x3
change tap0 0x7fff 0x4 tap0 link
change tap0 0x4000 0x3 tap0 drv,probe
change tap0 0x0 0x7fff tap0 all
change tap0 0x7fff 0x0 tap0 none
change tap0 0x1 0x2c tap0 LINK NETIF_MSG_TIMER msg_ifup
change tap0 0x7fff 0x8 tap0 bit3
change tap0 0x7fff 0x1234 tap0 0x1000 0x234
change tap0 0x7fff 0xc tap0 link 0x1 +timer -drv
change tap0 0x4 0x4 tap0 link
# relative (read-modify-write over the ioctl)
start=0x5a5a
change tap1 "$start" $(((start | 0x4) & ~0x40)) tap1 +link -rx_err
change tap1 0x2000 0x2 tap1 +probe,-hw
change tap1 0x1234 0x1236 tap1 +probe,-hw
change tap1 0x0 0x4000 tap1 +wol
change tap1 0x7fff 0x6ffe tap1 -drv -pktdata
change tap1 0x5 0x7fff tap1 +all
change tap1 0x5 0x0 tap1 -all
change tap1 0x1 0x1 tap1 -rx_err
change tap1 0x5 0x1 tap1 +link -link
change tap1 0x1 0x5 tap1 -link,+link
change tap1 0x41 0x1 tap1 -rx_err
# old levels
change tap2 0x4000 0x3f tap2 --from-level 3
change tap2 0x4000 0x0c tap2 --level-map exact --from-level 2
change tap2 0x0 0x37 tap2 --from-level 3 -timer
# '--' and option placement
change tap0 0x5 0x1 tap0 -- -link
change tap0 0x5 0x1 --ioctl -- tap0 -link

# a relative change leaves the other taps alone
for dev in tap3 tap4 tap5; do
	set_mask "$dev" 0x1234
done
check_rc "--ioctl tap4 +drv" 0 nm --ioctl tap4 +drv
check_mask "--ioctl tap4 +drv: tap4 changed" tap4 0x1235
check_mask "--ioctl tap4 +drv: tap3 untouched" tap3 0x1234
check_mask "--ioctl tap4 +drv: tap5 untouched" tap5 0x1234

# -v and -j say whether it changed
set_mask tap6 0x1
check_rc "--ioctl -v tap6 +link" 0 nm --ioctl -v tap6 +link
check_out "--ioctl -v tap6 +link" "tap6: 0x00000005 drv link (changed)"
check_rc "--ioctl -v tap6 +link again" 0 nm --ioctl -v tap6 +link
check_out "--ioctl -v tap6 +link again" "tap6: 0x00000005 drv link (unchanged)"
check_rc "--ioctl -j tap6 -drv" 0 nm --ioctl -j tap6 -drv
check_json "--ioctl -j tap6 -drv" "[$(json_if tap6 0x4 true)]" "$OUT"
check_rc "--ioctl -x tap6 0x4" 0 nm --ioctl -x tap6 0x4
check_out "--ioctl -x tap6 0x4" "0x00000004"

# -n NETNS from the initial namespace
set_mask tap7 0x0
check_rc "--ioctl -n NS tap7 +probe" 0 nm_here --ioctl -n "$NS" tap7 +probe
check_mask "--ioctl -n NS tap7 +probe: ethtool reads 0x2" tap7 0x2
check_rc "--ioctl -n NS tap7" 0 nm_here -n "$NS" --ioctl tap7
check_out "--ioctl -n NS tap7" "$(show_line tap7 0x2)"
check_rc "--ioctl -n NS (show all)" 0 nm_here -n "$NS" --ioctl
check_lines "--ioctl -n NS: the namespace's $NTAPS taps" "$NTAPS" "$OUT"

# --- bits 15..31: only the ioctl reaches them
set_mask tap8 0x3
et -s tap8 msglvl 0x80010003 >"$OUT" 2>"$ERR"
rc=$?
if [ "$rc" != 0 ]; then
	# ethtool 6.x writes over netlink, whose bitset has 15 bits: refused.
	echo "note: ethtool -s tap8 msglvl 0x80010003 refused (exit $rc): $(head -1 "$ERR")"
	check_mask "ethtool's refused msglvl 0x80010003 changed nothing" tap8 0x3
	check_rc "--ioctl tap8 0x80010003" 0 nm --ioctl tap8 0x80010003
else
	echo "note: ethtool -s tap8 msglvl 0x80010003 succeeded (ioctl)"
fi
check_rc "--ioctl show tap8 (bits 16 and 31)" 0 nm --ioctl tap8
check_out "--ioctl show tap8" "tap8: 0x80010003 drv probe bit16 bit31"
check_rc "--ioctl -x tap8" 0 nm --ioctl -x tap8
check_out "--ioctl -x tap8" "0x80010003"
check_rc "--ioctl -j tap8" 0 nm --ioctl -j tap8
check_json "--ioctl -j tap8" "[$(json_if tap8 0x80010003)]" "$OUT"
check_rc "--ioctl show all: tap8 with bits 16 and 31" 0 nm --ioctl
check_egrep "--ioctl show all: tap8 line" "^tap8: 0x80010003 drv probe bit16 bit31\$" "$OUT"
# The netlink reply is a 15-bit bitset: the kernel reports the low bits only.
check_rc "netlink show tap8" 0 nm tap8
check_out "netlink show tap8: low 15 bits only" "tap8: 0x00000003 drv probe"
check_mask "ethtool (netlink) reads the low 15 bits of tap8" tap8 0x3
# A netlink change writes bits 0..14 only; the high bits stay.
check_rc "netlink tap8 +link" 0 nm tap8 +link
check_rc "--ioctl -x tap8 after netlink +link" 0 nm --ioctl -x tap8
check_out "netlink +link kept bits 16 and 31" "0x80010007"
check_rc "netlink tap8 none" 0 nm tap8 none
check_rc "--ioctl -x tap8 after netlink none" 0 nm --ioctl -x tap8
check_out "netlink 'none' kept bits 16 and 31" "0x80010000"
check_rc "netlink tap8 0x8000 (refused)" 2 nm tap8 0x8000
check_grep "netlink tap8 0x8000: says use of bits 15-31" "cannot be set over netlink" "$ERR"
# Over the ioctl they are ordinary bits: relative words keep them.
check_rc "--ioctl tap8 +drv -bit16" 0 nm --ioctl tap8 +drv -bit16
check_rc "--ioctl -x tap8 after +drv -bit16" 0 nm --ioctl -x tap8
check_out "--ioctl +drv -bit16" "0x80000001"
check_rc "--ioctl -v tap8 +bit20" 0 nm --ioctl -v tap8 +bit20
check_out "--ioctl -v tap8 +bit20" "tap8: 0x80100001 drv bit20 bit31 (changed)"
check_rc "--ioctl tap8 0xffffffff" 0 nm --ioctl tap8 0xffffffff
check_rc "--ioctl -x tap8 after 0xffffffff" 0 nm --ioctl -x tap8
check_out "--ioctl 0xffffffff" "0xffffffff"
check_mask "ethtool (netlink) reads 0x7fff of 0xffffffff" tap8 0x7fff
check_rc "--ioctl tap8 none" 0 nm --ioctl tap8 none
check_rc "--ioctl -x tap8 after none" 0 nm --ioctl -x tap8
check_out "--ioctl none clears all 32 bits" "0x00000000"

# --- --driver over the ioctl: each driver read with ETHTOOL_GDRVINFO
check_rc "--ioctl --driver tun" 0 nm --ioctl --driver tun
check_lines "--ioctl --driver tun: $NTAPS lines" "$NTAPS" "$OUT"
check_out_as "--ioctl --driver tun = --ioctl show all" nm --ioctl
set_mask tap2 0x1
set_mask tap3 0x1
check_rc "--ioctl --driver tun 'tap[23]' 0x6" 0 nm --ioctl --driver tun 'tap[23]' 0x6
check_mask "--ioctl --driver tun 'tap[23]' 0x6: tap2" tap2 0x6
check_mask "--ioctl --driver tun 'tap[23]' 0x6: tap3" tap3 0x6
check_rc "--ioctl --driver e1000e tap2 0x1" 1 nm --ioctl --driver e1000e tap2 0x1
check_file "--ioctl --driver e1000e tap2 0x1: message" \
	"netifmsg: no interface with a message level matches 'tap2' with driver e1000e" "$ERR"
check_mask "--ioctl --driver e1000e tap2 0x1: tap2 unchanged" tap2 0x6

# --- --trace over the ioctl: its restore command goes over the ioctl
# and into the namespace too (netlink refuses bit 20; in the initial
# namespace tap15 is another interface or none)
set_mask tap15 0x1
check_rc "--ioctl -n NS --trace tap15 +bit20" 0 nm_here -n "$NS" --ioctl --trace tap15 +bit20 --for 0.2
check_grep "--ioctl -n NS --trace: restore command with -n and --ioctl" \
	"tap15: now 0x00100001; if netifmsg is killed, restore with: netifmsg -n $NS --ioctl tap15 0x00000000/0x00100000" "$ERR"
undo=$(sed -n 's/.*if netifmsg is killed, restore with: netifmsg //p' "$ERR")
nm --ioctl tap15 +bit20 || fatal "--ioctl tap15 +bit20 failed"
read -r -a undo_args <<<"$undo"
check_rc "--ioctl --trace: its restore command works" 0 nm_here "${undo_args[@]}"
check_rc "--ioctl -x tap15 after the restore command" 0 nm --ioctl -x tap15
check_out "--ioctl --trace: the restore command cleared bit 20" "0x00000001"

# --- errors over the ioctl
# err RC MESSAGE ARGS...: exit status, message, nothing on stdout.
err() {
	local rc=$1 msg=$2
	shift 2
	check_rc "--ioctl $*" "$rc" nm --ioctl "$@"
	check_grep "--ioctl $*: message" "$msg" "$ERR"
	check_empty "--ioctl $*: no stdout" "$OUT"
}
err 1 "netifmsg: nosuch0: no such network interface" nosuch0
err 1 "netifmsg: nosuch0: no such network interface" nosuch0 +link
err 1 "netifmsg: nosuch0: no such network interface" nosuch0 0x5
err 1 "netifmsg: lo: the driver has no message level" lo
err 1 "netifmsg: lo: the driver has no message level" lo +link
err 1 "netifmsg: lo: the driver has no message level" lo 0x1
set_mask tap0 0x1234
err 2 "unknown message class 'likn' (did you mean 'link'?)" tap0 +likn
check_mask "--ioctl tap0 +likn: tap0 unchanged" tap0 0x1234
err 2 "invalid number '0x'" tap0 +link 0x
check_mask "--ioctl tap0 +link 0x: tap0 unchanged" tap0 0x1234
err 2 "--ioctl needs a command that talks to the kernel" --list
err 2 "--ioctl needs a command that talks to the kernel" --decode link
check_rc "--ioctl -n nosuchns-$$ tap0" 1 nm_here --ioctl -n "nosuchns-$$" tap0
check_grep "--ioctl -n nosuchns-$$: message" "nosuchns-$$: no such network namespace" "$ERR"
if command -v setpriv >/dev/null 2>&1; then
	# shellcheck disable=SC2317 # called through check_rc
	nobody() {
		ip netns exec "$NS" setpriv --reuid=65534 --regid=65534 --clear-groups \
			--inh-caps=-all "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
	}
	check_rc "unprivileged: --ioctl show tap0" 0 nobody --ioctl tap0
	check_out "unprivileged: --ioctl show tap0" "$(show_line tap0 0x1234)"
	check_rc "unprivileged: --ioctl tap0 +link" 1 nobody --ioctl tap0 +link
	check_grep "unprivileged: --ioctl tap0 +link: message" \
		"netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN" "$ERR"
	check_mask "unprivileged: --ioctl tap0 +link: tap0 unchanged" tap0 0x1234
else
	missing setpriv util-linux
fi

# --- an alternative name: the interface it names is printed by its name,
# as over netlink (and as --trace matches kernel log records)
if ip -n "$NS" link property add dev tap3 altname nim-alt3; then
	set_mask tap3 0x5
	check_rc "--ioctl show by altname" 0 nm --ioctl nim-alt3
	check_out "--ioctl show by altname: the interface's name" "$(show_line tap3 0x5)"
	check_rc "netlink show by altname" 0 nm nim-alt3
	check_out "netlink show by altname: the interface's name" "$(show_line tap3 0x5)"
	check_rc "--ioctl -v altname +link" 0 nm --ioctl -v nim-alt3 +link
	check_out "--ioctl -v altname +link" "tap3: 0x00000005 drv link (unchanged)"
	check_rc "--ioctl -j altname" 0 nm --ioctl -j nim-alt3
	check_json "--ioctl -j altname" "[$(json_if tap3 0x5)]" "$OUT"
else
	fatal "ip link property add altname failed"
fi

# --- an alternative name longer than an interface name (up to 127
# bytes, as systemd gives them): netlink takes it, as ethtool does; the
# ioctl's 16-byte ifr_name cannot hold it
LONGALT=nim-a-very-long-alternative-name-for-tap3
if ip -n "$NS" link property add dev tap3 altname "$LONGALT"; then
	set_mask tap3 0x5
	check_rc "netlink show by a long altname" 0 nm "$LONGALT"
	check_out "netlink show by a long altname: the interface's name" "$(show_line tap3 0x5)"
	check_rc "netlink -v long altname +timer" 0 nm -v "$LONGALT" +timer
	check_out "netlink -v long altname +timer" "tap3: 0x0000000d drv link timer (changed)"
	check_eq "long altname +timer: ethtool reads it" 0x0000000d "$(ethtool_mask tap3)"
	et -s "$LONGALT" msglvl 0x1/0xf || fatal "ethtool -s $LONGALT msglvl failed"
	check_rc "netlink -x long altname after ethtool" 0 nm -x "$LONGALT"
	check_out "netlink -x long altname after ethtool" 0x00000001
	check_rc "--ioctl long altname: no such interface" 1 nm --ioctl "$LONGALT" +link
	check_file "--ioctl long altname: message and reason" \
		"netifmsg: $LONGALT: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_rc "--ioctl show by a long altname" 1 nm --ioctl "$LONGALT"
	check_file "--ioctl show by a long altname: message and reason" \
		"netifmsg: $LONGALT: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_mask "--ioctl long altname: tap3 unchanged" tap3 0x1
	# With --driver the name selects from a dump: the same reason.
	check_rc "--ioctl --driver tun, a long altname" 1 nm --ioctl --driver tun "$LONGALT"
	check_file "--ioctl --driver tun, a long altname: message and reason" \
		"netifmsg: $LONGALT: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_rc "--ioctl --driver tun, a long altname +link" 1 nm --ioctl --driver tun "$LONGALT" +link
	check_file "--ioctl --driver tun, a long altname +link: message and reason" \
		"netifmsg: $LONGALT: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	printf '%s --driver tun +link\ntap3 +timer\n' "$LONGALT" > "$NIM_TMP/longalt.batch"
	check_rc "--ioctl -f --batch, --driver tun and a long altname" 1 nm --ioctl -f --batch "$NIM_TMP/longalt.batch"
	check_file "--ioctl -f --batch, --driver tun and a long altname: message" \
		"netifmsg: $NIM_TMP/longalt.batch:1: $LONGALT: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_mask "--ioctl -f --batch: the other line ran" tap3 0x9
	# --apply: such a line, or IFACE, sets nothing over the ioctl (no
	# error, as for a name no interface has); -v says why.
	printf '%s +link\n' "$LONGALT" >"$NIM_TMP/longalt.conf"
	set_mask tap3 0x1
	check_rc "--ioctl --apply -v, a line with a long altname" 0 \
		nm --ioctl --apply -v --config "$NIM_TMP/longalt.conf"
	check_file "--ioctl --apply -v, a line with a long altname: the note says why" \
		"netifmsg: $NIM_TMP/longalt.conf:1: $LONGALT: note: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_rc "--ioctl --apply -v LONGALT" 0 \
		nm --ioctl --apply -v --config "$NIM_TMP/longalt.conf" "$LONGALT"
	check_file "--ioctl --apply -v LONGALT: the note says why" \
		"netifmsg: $LONGALT: note: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"
	check_mask "--ioctl --apply, a long altname: tap3 unchanged" tap3 0x1
	check_rc "netlink --apply LONGALT" 0 nm --apply --config "$NIM_TMP/longalt.conf" "$LONGALT"
	check_mask "netlink --apply LONGALT: tap3 set" tap3 0x5
	set_mask tap3 0x9
	check_rc "netlink --driver tun, a long altname" 0 nm -x --driver tun "$LONGALT"
	check_out "netlink --driver tun, a long altname: its mask" "tap3: 0x00000009"
	check_rc "netlink --driver veth, a long altname of a tap" 1 nm --driver veth "$LONGALT"
	check_file "netlink --driver veth, a long altname of a tap: no reason" \
		"netifmsg: no interface with a message level matches '$LONGALT' with driver veth" "$ERR"
else
	fatal "ip link property add of a long altname failed"
fi

# A 15-byte name fits the ioctl's request: no reason about its length.
check_rc "--ioctl a 15-byte name no interface has" 1 nm --ioctl nim-no-such-15b +link
check_file "--ioctl a 15-byte name: plain message" \
	"netifmsg: nim-no-such-15b: no such network interface" "$ERR"
# So with --driver, where the name selects from a dump: it matches none.
check_rc "--ioctl --driver tun, a 15-byte name no interface has" 1 \
	nm --ioctl --driver tun nim-no-such-15b +link
check_file "--ioctl --driver tun, a 15-byte name: no reason about its length" \
	"netifmsg: no interface with a message level matches 'nim-no-such-15b' with driver tun" "$ERR"
check_rc "--ioctl a 16-byte name no interface has" 1 nm --ioctl nim-no-such-16by +link
check_file "--ioctl a 16-byte name: message and reason" \
	"netifmsg: nim-no-such-16by: no such network interface: the ioctl takes names of at most 15 bytes" "$ERR"

# --- --batch over the ioctl: each line read and written in turn
for i in 0 1 2 3; do
	set_mask "tap1$i" 0x1
done
cat >"$NIM_TMP/batch" <<'EOT'
# a comment, then mixed absolute and relative lines
tap10 +link
tap11 0x80010003
tap12 -drv,+wol
tap13 --from-level 2

tap13 -timer
EOT
check_rc "--ioctl --batch" 0 nm --ioctl --batch "$NIM_TMP/batch"
check_empty "--ioctl --batch: no stdout" "$OUT"
check_empty "--ioctl --batch: no stderr" "$ERR"
check_mask "--ioctl --batch: tap10 +link" tap10 0x5
check_rc "--ioctl --batch: tap11 read back" 0 nm --ioctl -x tap11
check_out "--ioctl --batch: tap11 0x80010003 (bits 16 and 31 too)" "0x80010003"
check_mask "--ioctl --batch: tap12 -drv,+wol" tap12 0x4000
check_mask "--ioctl --batch: tap13 --from-level 2, then -timer" tap13 0x7
printf 'tap10 -link\ntap11\n' >"$NIM_TMP/batch"
check_rc "--ioctl -v --batch" 0 nm --ioctl -v --batch "$NIM_TMP/batch"
check_out "--ioctl -v --batch: one line per line" \
	"tap10: 0x00000001 drv (changed)"$'\n'"tap11: 0x80010003 drv probe bit16 bit31"
printf 'tap10 +probe\nnosuch0 +link\ntap12 +drv\n' >"$NIM_TMP/batch"
set_mask tap12 0x0
check_rc "--ioctl --batch with a failing line" 1 nm --ioctl --batch "$NIM_TMP/batch"
check_grep "--ioctl --batch: FILE:LINE: IFACE: message" \
	"netifmsg: $NIM_TMP/batch:2: nosuch0: no such network interface" "$ERR"
check_grep "--ioctl --batch: says it stopped" "1 more line not sent" "$ERR"
check_mask "--ioctl --batch: line 1 applied" tap10 0x3
check_mask "--ioctl --batch: line 3 not applied" tap12 0x0
check_rc "--ioctl -f --batch with a failing line" 1 nm --ioctl -f --batch "$NIM_TMP/batch"
check_mask "--ioctl -f --batch: line 3 applied" tap12 0x1
printf 'tap10 none\ntap11 +likn\n' >"$NIM_TMP/batch"
check_rc "--ioctl --batch with a syntax error" 2 nm --ioctl --batch "$NIM_TMP/batch"
check_mask "--ioctl --batch with a syntax error: nothing changed" tap10 0x3
printf 'tap10 0x8000\n' >"$NIM_TMP/batch"
check_rc "--batch 0x8000 without --ioctl" 2 nm --batch "$NIM_TMP/batch"
check_mask "--batch 0x8000 without --ioctl: unchanged" tap10 0x3

# --- no notifications over the ioctl
check_rc "--monitor --ioctl" 2 nm --monitor --ioctl
check_grep "--monitor --ioctl: message" "--monitor cannot use --ioctl" "$ERR"
# ... but a netlink monitor sees every set made over the ioctl, changed
# or not, with the low 15 bits the netlink bitset carries.
mon=$NIM_TMP/mon
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor tap14 >"$mon" 2>&1 &
mon_pid=$!
sync_monitors tap14 "$mon"
before=$(wc -l <"$mon")
check_rc "--ioctl tap14 0x8003 (monitored)" 0 nm --ioctl tap14 0x8003
check_rc "--ioctl tap14 0x8003 again (monitored)" 0 nm --ioctl tap14 0x8003
for ((try = 0; try < 200; try++)); do
	[ "$(wc -l <"$mon")" -ge $((before + 2)) ] && break
	sleep 0.05
done
kill -TERM "$mon_pid"
wait "$mon_pid"
check_eq "monitor ended by SIGTERM: exit 0" 0 $?
# (the sync changes set 0x1 and 0x2, never 0x3)
check_eq "monitor: one line per ioctl set, also an unchanged one" 2 \
	"$(sed 's/ (was [^)]*)$//' "$mon" | grep -cx 'tap14: 0x00000003 drv probe')"
check_eq "monitor: nothing else after the ioctl sets" \
	"tap14: 0x00000003 drv probe (was 0x00000003 drv probe)" "$(tail -n 1 "$mon")"

# --- the fallback: a kernel without the ethtool netlink family.  A
# test-only build of the program, tests/netifmsg-nofamily, asks for a
# family the kernel does not have, so the kernel's real "no such family"
# answer drives the fallback.
NOFAMILY=${NETIFMSG_NOFAMILY:-$(dirname "$NETIFMSG")/../tests/netifmsg-nofamily}
[ -x "$NOFAMILY" ] || fatal "test build '$NOFAMILY' not found (make check builds it)"
# shellcheck disable=SC2317 # called through check_rc
nofam() {
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NOFAMILY" "$@"
}
set_mask tap10 0x1
check_rc "no netlink: tap10 +link" 0 nofam tap10 +link
check_empty "no netlink: tap10 +link: quiet without -v" "$ERR"
check_mask "no netlink: tap10 +link: ethtool reads 0x5" tap10 0x5
check_rc "no netlink: -v tap10 -drv" 0 nofam -v tap10 -drv
check_out "no netlink: -v tap10 -drv" "tap10: 0x00000004 link (changed)"
check_grep "no netlink: -v says why the ioctl is used" \
	"netifmsg: the kernel has no ethtool netlink family: using the SIOCETHTOOL ioctl" "$ERR"
check_mask "no netlink: -v tap10 -drv: ethtool reads 0x4" tap10 0x4
check_rc "no netlink: show tap10" 0 nofam tap10
check_out "no netlink: show tap10" "$(show_line tap10 0x4)"
check_rc "no netlink: show all" 0 nofam
check_lines "no netlink: show all: $NTAPS lines" "$NTAPS" "$OUT"
check_nogrep "no netlink: show all: lo left out" "lo:" "$OUT"
check_out_as "no netlink: show all = --ioctl show all" nm --ioctl
check_rc "no netlink: nosuch0" 1 nofam nosuch0
check_grep "no netlink: nosuch0: message" "netifmsg: nosuch0: no such network interface" "$ERR"
check_rc "no netlink: tap10 likn" 2 nofam tap10 likn
check_grep "no netlink: tap10 likn: message" "unknown message class 'likn'" "$ERR"
check_mask "no netlink: tap10 likn: unchanged" tap10 0x4
printf 'tap11 +probe\ntap12 0x2\n' >"$NIM_TMP/batch"
set_mask tap11 0x1
check_rc "no netlink: --batch" 0 nofam --batch "$NIM_TMP/batch"
check_mask "no netlink: --batch: tap11 +probe" tap11 0x3
check_mask "no netlink: --batch: tap12 0x2" tap12 0x2
check_rc "no netlink: --monitor" 1 nofam --monitor
check_grep "no netlink: --monitor: message" "the ioctl has no notifications" "$ERR"
# The ioctl sets all 32 bits, also when it is the fallback.
check_rc "no netlink: tap10 bit20 (the ioctl can)" 0 nofam tap10 bit20
check_empty "no netlink: tap10 bit20: no stderr" "$ERR"
check_rc "no netlink: -x tap10 after bit20" 0 nofam -x tap10
check_out "no netlink: -x tap10 after bit20: the ioctl reads 0x100000" "0x00100000"
check_mask "no netlink: tap10 bit20: ethtool (netlink) reads 0" tap10 0
check_rc "no netlink: tap10 +link -bit20" 0 nofam tap10 +link -bit20
check_mask "no netlink: tap10 +link -bit20: ethtool reads 0x4" tap10 0x4
# An absolute change replaces all 32 bits, a relative one keeps bit 31.
check_rc "no netlink: tap10 0x80010003" 0 nofam tap10 0x80010003
check_rc "no netlink: tap10 +link" 0 nofam tap10 +link
check_rc "no netlink: -x tap10 after +link" 0 nofam -x tap10
check_out "no netlink: +link keeps bits 16 and 31" "0x80010007"
check_rc "no netlink: tap10 link" 0 nofam tap10 link
check_rc "no netlink: -x tap10 after link" 0 nofam -x tap10
check_out "no netlink: absolute 'link' clears bits 16 and 31" "0x00000004"
# The fallback's own socket failing is the ioctl's failure, not netlink's
# (every socket after the netlink one fails).
no_lsan \
ip netns exec "$NS" strace -qq -o /dev/null -e trace=socket \
	-e inject=socket:error=EMFILE:when=2+ -- \
	"${NIM_WRAPPER[@]}" "$NOFAMILY" tap10 >"$OUT" 2>"$ERR"
check_eq "no netlink, no ioctl socket: exit 1" 1 "$?"
check_file "no netlink, no ioctl socket: message" \
	"netifmsg: cannot open a socket for the ioctl: Too many open files" "$ERR"
# -j: still one JSON array, empty
no_lsan \
ip netns exec "$NS" strace -qq -o /dev/null -e trace=socket \
	-e inject=socket:error=EMFILE -- \
	"${NIM_WRAPPER[@]}" "$NETIFMSG" --ioctl -j tap10 +link >"$OUT" 2>"$ERR"
check_eq "--ioctl -j, no ioctl socket: exit 1" 1 "$?"
check_out "--ioctl -j, no ioctl socket: an empty array" "[]"
check_file "--ioctl -j, no ioctl socket: message" \
	"netifmsg: cannot open a socket for the ioctl: Too many open files" "$ERR"

# An error other than ENODEV or EOPNOTSUPP ends the walk (strace fails
# the second ioctl, lo's index check after its read): a change of a
# pattern fails, sets nothing, and with -j still prints one (empty) array.
set_mask tap0 0x1
no_lsan \
ip netns exec "$NS" strace -qq -o /dev/null -e trace=ioctl \
	-e inject=ioctl:error=EIO:when=2 -- \
	"${NIM_WRAPPER[@]}" "$NETIFMSG" --ioctl -j 'tap*' +link >"$OUT" 2>"$ERR"
check_eq "--ioctl -j 'tap*' +link, the walk fails: exit 1" 1 "$?"
check_out "--ioctl -j 'tap*' +link, the walk fails: an empty array" "[]"
check_file "--ioctl -j 'tap*' +link, the walk fails: message" \
	"netifmsg: Input/output error" "$ERR"
check_mask "--ioctl -j 'tap*' +link, the walk fails: tap0 unchanged" tap0 0x1

# A name that another interface takes between the name list and the
# read: each level is read by name, so the walk checks that the name
# still has the listed index, leaves it out where not, and is done again.
# strace stops netifmsg at its first ioctl (lo's, after the list) while
# tap0 and tap1 swap names.  LeakSanitizer cannot run under ptrace.
# swapped ARGS...: netifmsg --ioctl ARGS so; exit status in RC.
swapped() { at_first_ioctl swap_names tap0 tap1 -- --ioctl "$@"; }
set_mask tap0 0x1
set_mask tap1 0x2
swapped -j
check_eq "--ioctl -j, tap0 and tap1 swap names meanwhile: exit 0" 0 "$RC"
check_eq "--ioctl -j, names swapped meanwhile: the list asked for again" \
	2 "$(grep -c RTM_GETLINK "$NIM_TMP/strace")"
cp "$OUT" "$NIM_TMP/swapped"
check_rc "--ioctl -j after the swap" 0 nm --ioctl -j
check_file "--ioctl -j, names swapped meanwhile: each with its own index and mask" \
	"$(cat "$OUT")" "$NIM_TMP/swapped"
check_grep "--ioctl -j, names swapped meanwhile: tap0 (the old tap1)" \
	"{\"ifname\":\"tap0\",\"ifindex\":$(ifindex_of tap0),\"msg_enable\":2," "$NIM_TMP/swapped"
# A change of a pattern sets each by name and index: it sets both.
swapped 'tap[01]' +timer
check_eq "--ioctl 'tap[01]' +timer, names swapped meanwhile: exit 0" 0 "$RC"
check_empty "--ioctl 'tap[01]' +timer, names swapped meanwhile: no message" "$ERR"
check_mask "--ioctl 'tap[01]' +timer, names swapped meanwhile: tap0" tap0 0x9
check_mask "--ioctl 'tap[01]' +timer, names swapped meanwhile: tap1" tap1 0xa
# A show of one name reads the level between two reads of the name's
# index, and again where they differ: strace stops netifmsg after its
# first ioctl while the names swap, and the level printed is that of the
# interface whose index is printed (the new tap0's), not the old tap0's.
set_mask tap0 0x1
set_mask tap1 0x2
swapped -j tap0
check_eq "--ioctl -j tap0, names swapped meanwhile: exit 0" 0 "$RC"
check_grep "--ioctl -j tap0, names swapped meanwhile: one interface's index and level" \
	"[{\"ifname\":\"tap0\",\"ifindex\":$(ifindex_of tap0),\"msg_enable\":2," "$OUT"

# A name that no interface has any more at the read (ENODEV): where the
# listed index is still an interface, renamed to a new name, the walk is
# done again and shows it under that name; where it is gone, it is left
# out as one without a message level is, not an error.
set_mask tap1 0x5
idx=$(ifindex_of tap1)
at_first_ioctl ip -n "$NS" link set tap1 name tapnew -- --ioctl -j
check_eq "--ioctl -j, tap1 renamed to tapnew meanwhile: exit 0" 0 "$RC"
check_empty "--ioctl -j, tap1 renamed to tapnew meanwhile: no message" "$ERR"
check_eq "--ioctl -j, tap1 renamed to tapnew meanwhile: the list asked for again" \
	2 "$(grep -c RTM_GETLINK "$NIM_TMP/strace")"
check_grep "--ioctl -j, tap1 renamed to tapnew meanwhile: tapnew with tap1's index and mask" \
	"{\"ifname\":\"tapnew\",\"ifindex\":$idx,\"msg_enable\":5," "$OUT"
check_nogrep "--ioctl -j, tap1 renamed to tapnew meanwhile: no tap1" '"tap1"' "$OUT"
# A change of a pattern reads the level again under the new name.
at_first_ioctl ip -n "$NS" link set tapnew name tapnew1 -- --ioctl 'tapnew*' +timer
check_eq "--ioctl 'tapnew*' +timer, tapnew renamed to tapnew1 meanwhile: exit 0" 0 "$RC"
check_empty "--ioctl 'tapnew*' +timer, tapnew renamed to tapnew1 meanwhile: no message" "$ERR"
check_mask "--ioctl 'tapnew*' +timer, tapnew renamed to tapnew1 meanwhile: set" tapnew1 0xd
at_first_ioctl ip -n "$NS" link set tapnew1 name tap1 -- --ioctl
check_eq "--ioctl, tapnew1 renamed back to tap1 meanwhile: exit 0" 0 "$RC"
check_lines "--ioctl, tapnew1 renamed back to tap1 meanwhile: $NTAPS lines" "$NTAPS" "$OUT"
check_grep "--ioctl, tapnew1 renamed back to tap1 meanwhile: tap1 with its mask" \
	"$(show_line tap1 0xd)" "$OUT"
at_first_ioctl ip -n "$NS" link del tap1 -- --ioctl
check_eq "--ioctl, tap1 deleted meanwhile: exit 0" 0 "$RC"
check_empty "--ioctl, tap1 deleted meanwhile: no message" "$ERR"
check_eq "--ioctl, tap1 deleted meanwhile: the list asked for once" \
	1 "$(grep -c RTM_GETLINK "$NIM_TMP/strace")"
check_lines "--ioctl, tap1 deleted meanwhile: the others shown" $((NTAPS - 1)) "$OUT"
check_nogrep "--ioctl, tap1 deleted meanwhile: no tap1" "tap1:" "$OUT"

# A selected interface renamed between the walk and its set, its name
# taken by one without a message level: over netlink the set, by name
# and index, finds no such interface; over the ioctl the read before the
# set says so too, not that the driver cannot change its level (strace
# stops netifmsg after the walk's last ioctl, counted in a show all).
ip -n "$NS" link add ve0 type veth peer name ve1 || fatal "cannot create a veth pair"
no_lsan \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- "$NETIFMSG" --ioctl >/dev/null ||
	fatal "--ioctl show all under strace failed"
walk=$(grep -c '^ioctl' "$NIM_TMP/walk")
# taken ARGS...: netifmsg --ioctl ARGS, tap0 renamed to tapold and ve0
# to tap0 after the walk; the names are put back after.
# shellcheck disable=SC2317 # called through at_ioctl
take_tap0() { ip -n "$NS" link set tap0 name tapold && ip -n "$NS" link set ve0 name tap0; }
taken() {
	at_ioctl "$walk" take_tap0 -- --ioctl "$@"
	ip -n "$NS" link set tap0 name ve0 && ip -n "$NS" link set tapold name tap0 ||
		fatal "cannot put the names back"
}
set_mask tap0 0x1
taken 'tap[0]' +link
check_eq "--ioctl 'tap[0]' +link, tap0's name taken by a veth meanwhile: exit 1" 1 "$RC"
check_file "--ioctl 'tap[0]' +link, tap0's name taken by a veth meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
check_mask "--ioctl 'tap[0]' +link, tap0's name taken by a veth meanwhile: unchanged" tap0 0x1
taken 'tap[0]' 0x3
check_eq "--ioctl 'tap[0]' 0x3, tap0's name taken by a veth meanwhile: exit 1" 1 "$RC"
check_file "--ioctl 'tap[0]' 0x3, tap0's name taken by a veth meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
printf 'tap0 +link\n' >"$NIM_TMP/tap0.conf"
taken --apply --config "$NIM_TMP/tap0.conf"
check_eq "--ioctl --apply, tap0's name taken by a veth meanwhile: exit 1" 1 "$RC"
check_file "--ioctl --apply, tap0's name taken by a veth meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
check_mask "--ioctl --apply, tap0's name taken by a veth meanwhile: unchanged" tap0 0x1
# Taken by another tap, one with a level: the read before the set finds
# another index there, and that tap is not set either.
# shellcheck disable=SC2317 # called through at_ioctl
take_by_tap2() { ip -n "$NS" link set tap0 name tapold && ip -n "$NS" link set tap2 name tap0; }
set_mask tap2 0x2
at_ioctl "$walk" take_by_tap2 -- --ioctl 'tap[0]' +link
ip -n "$NS" link set tap0 name tap2 && ip -n "$NS" link set tapold name tap0 ||
	fatal "cannot put the names back"
check_eq "--ioctl 'tap[0]' +link, tap0's name taken by tap2 meanwhile: exit 1" 1 "$RC"
check_file "--ioctl 'tap[0]' +link, tap0's name taken by tap2 meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
check_mask "--ioctl 'tap[0]' +link, tap0's name taken by tap2 meanwhile: tap0 unchanged" tap0 0x1
check_mask "--ioctl 'tap[0]' +link, tap0's name taken by tap2 meanwhile: tap2 unchanged" tap2 0x2
# With -v the read before the set, by name, finds the veth's lack of a
# level: the same message, over the ioctl and over netlink (stopped
# after the driver read of --driver, tap0's alone, which follows the
# dump).
taken -v 'tap[0]' +link
check_eq "--ioctl -v 'tap[0]' +link, tap0's name taken by a veth meanwhile: exit 1" 1 "$RC"
check_file "--ioctl -v 'tap[0]' +link, tap0's name taken by a veth meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
no_lsan \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- "$NETIFMSG" --driver tun 'tap[0]' >/dev/null ||
	fatal "--driver tun 'tap[0]' under strace failed"
at_ioctl "$(grep -c '^ioctl' "$NIM_TMP/walk")" take_tap0 -- -v --driver tun 'tap[0]' +link
ip -n "$NS" link set tap0 name ve0 && ip -n "$NS" link set tapold name tap0 ||
	fatal "cannot put the names back"
check_eq "netlink -v 'tap[0]' +link, tap0's name taken by a veth meanwhile: exit 1" 1 "$RC"
check_file "netlink -v 'tap[0]' +link, tap0's name taken by a veth meanwhile: message" \
	"netifmsg: tap0: no such network interface" "$ERR"
check_mask "-v 'tap[0]' +link, tap0's name taken by a veth meanwhile: unchanged" tap0 0x1

# A tap renamed during the walk, after an interface without a message
# level that the walk has read already (ve0, or one made meanwhile) took
# its old name: the read of that name finds no level, and its index
# check sees that the name is another's, so the walk is done again and
# shows the tap under its new name.  strace stops netifmsg before the
# read of tapy, the newest interface and so the walk's last (two ioctls).
add_tap tapy || fatal "cannot create the tap tapy"
set_mask tapy 0x5
idx=$(ifindex_of tapy)
no_lsan \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- "$NETIFMSG" --ioctl >/dev/null ||
	fatal "--ioctl show all under strace failed"
tail -n 1 "$NIM_TMP/walk" | grep -q 'SIOCGIFINDEX, {ifr_name="tapy"' ||
	fatal "the last ioctl of the walk is not tapy's"
walk=$(($(grep -c '^ioctl' "$NIM_TMP/walk") - 2))
for how in "renamed ve0" "a new veth"; do
	if [ "$how" = "renamed ve0" ]; then
		# shellcheck disable=SC2317 # called through at_ioctl
		take_tapy() { ip -n "$NS" link set tapy name tapy2 && ip -n "$NS" link set ve0 name tapy; }
		# shellcheck disable=SC2317
		untake_tapy() { ip -n "$NS" link set tapy name ve0 && ip -n "$NS" link set tapy2 name tapy; }
	else
		# shellcheck disable=SC2317
		take_tapy() { ip -n "$NS" link set tapy name tapy2 && ip -n "$NS" link add tapy type veth peer name vey; }
		# shellcheck disable=SC2317
		untake_tapy() { ip -n "$NS" link del tapy && ip -n "$NS" link set tapy2 name tapy; }
	fi
	at_ioctl "$walk" take_tapy -- --ioctl -j
	check_eq "--ioctl -j, tapy's name taken by $how meanwhile: exit 0" 0 "$RC"
	check_empty "--ioctl -j, tapy's name taken by $how meanwhile: no message" "$ERR"
	check_grep "--ioctl -j, tapy's name taken by $how meanwhile: tapy2 with tapy's index and mask" \
		"{\"ifname\":\"tapy2\",\"ifindex\":$idx,\"msg_enable\":5," "$OUT"
	check_eq "--ioctl -j, tapy's name taken by $how meanwhile: the list asked for again" \
		2 "$(grep -c RTM_GETLINK "$NIM_TMP/strace")"
	untake_tapy || fatal "cannot put the names back"
	at_ioctl "$walk" take_tapy -- --ioctl 'tapy*' +timer
	check_eq "--ioctl 'tapy*' +timer, tapy's name taken by $how meanwhile: exit 0" 0 "$RC"
	check_empty "--ioctl 'tapy*' +timer, tapy's name taken by $how meanwhile: no message" "$ERR"
	check_mask "--ioctl 'tapy*' +timer, tapy's name taken by $how meanwhile: set" tapy2 0xd
	untake_tapy || fatal "cannot put the names back"
	set_mask tapy 0x5
done

# --driver: a tap renamed between the dump and its driver's read while
# lo (no driver's name: GDRVINFO fails) takes its old name.  The read's
# index check sees that the name is another's, and the dump and drivers
# are read again: the tap is selected under its new name, not left out.
# strace stops netifmsg after tap0's GDRVINFO, the first driver read.
no_lsan \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- "$NETIFMSG" --ioctl >/dev/null ||
	fatal "--ioctl show all under strace failed"
# shellcheck disable=SC2317 # called through at_ioctl
take_tap2() { ip -n "$NS" link set tap2 name tapold && ip -n "$NS" link set lo name tap2; }
set_mask tap2 0x5
idx=$(ifindex_of tap2)
for io in netlink ioctl; do
	opt=()
	n=1
	if [ "$io" = ioctl ]; then
		opt=(--ioctl)
		n=$(($(grep -c '^ioctl' "$NIM_TMP/walk") + 1))
	fi
	at_ioctl "$n" take_tap2 -- "${opt[@]}" --driver tun -j
	ip -n "$NS" link set tap2 name lo && ip -n "$NS" link set tapold name tap2 ||
		fatal "cannot put the names back"
	check_eq "$io: --driver tun -j, lo took tap2's name meanwhile: exit 0" 0 "$RC"
	check_empty "$io: --driver tun -j, lo took tap2's name meanwhile: no message" "$ERR"
	check_grep "$io: --driver tun -j, lo took tap2's name meanwhile: tapold with tap2's index and mask" \
		"{\"ifname\":\"tapold\",\"ifindex\":$idx,\"msg_enable\":5," "$OUT"
done

finish
