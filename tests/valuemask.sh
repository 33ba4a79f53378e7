#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# VALUE/MASK change words against ethtool's "msglvl VALUE/MASK": from the
# same start, both tools give the same mask, whichever tool set the start
# and whichever reads the result; with other words, in --decode, --batch
# and over the ioctl; and a plain VALUE/MASK is one DEBUG_SET carrying that
# value and mask, with no DEBUG_GET (strace).

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v strace >/dev/null 2>&1 || missing strace strace

setup_ns 2

# Starting masks, and the same change in both tools' words:
# "NETIFMSG-WORD ETHTOOL-MSGLVL-ARGUMENT".
STARTS=(0x0 0x7fff 0x5a5a 0x1 0x4000 0x2c)
# Under a wrapper (valgrind) every run costs a second: two starts do.
[ ${#NIM_WRAPPER[@]} -gt 0 ] && STARTS=(0x0 0x5a5a)
PAIRS=(
	"0x5/0xf 0x5/0xf"
	"5/15 0x5/0xf"
	"0/0xf 0x0/0xf"
	"0xf/0xf 0xf/0xf"
	"0/0x7fff 0/0x7fff"
	"0x7fff/0x7fff 0x7fff/0x7fff"
	"wol/hw,wol 0x4000/0x6000"
	"none/drv 0/1"
	"drv/drv 1/1"
	"link,ifup/link,timer,ifup 0x24/0x2c"
	"all/all 0x7fff/0x7fff"
	"0/0 0/0"
)
NCOMPARED=0
# Set by hex_to, ethtool_mask_to and nm_mask_to in the loop below.
want='' got='' by_ethtool=''

# nm_mask_to VAR DEV: the mask as netifmsg reads it (over netlink),
# 0x%08x, or what it says instead, in VAR (see run_to).
# shellcheck disable=SC2034 # run_to sets nim_nm_rc, which is not needed
nm_mask_to() {
	local nim_nm_rc
	run_to "$1" nim_nm_rc nm -x "$2"
}

# --- from every start, each tool's change gives the same mask, read by
# ethtool (start set by ethtool) and by netifmsg (start set by netifmsg)
for start in "${STARTS[@]}"; do
	for pair in "${PAIRS[@]}"; do
		read -r word arg <<<"$pair"
		value=${arg%/*}
		mask=${arg#*/}
		hex_to want $(((start & ~mask) | value))

		set_mask tap0 "$start"
		et -s tap0 msglvl "$arg" || fatal "ethtool -s tap0 msglvl $arg failed"
		ethtool_mask_to by_ethtool tap0
		check_eq "from $start: ethtool msglvl $arg gives $want" "$want" "$by_ethtool"
		set_mask tap0 "$start"
		check_rc "from $start: netifmsg tap0 $word" 0 nm tap0 "$word"
		check_empty "from $start: netifmsg tap0 $word: no output" "$OUT"
		ethtool_mask_to got tap0
		check_eq "from $start: netifmsg $word = ethtool msglvl $arg (read by ethtool)" \
			"$by_ethtool" "$got"

		# The other way round: netifmsg sets the start and reads.
		nm tap0 "$start" || fatal "netifmsg tap0 $start failed"
		et -s tap0 msglvl "$arg" || fatal "ethtool -s tap0 msglvl $arg failed"
		nm_mask_to by_ethtool tap0
		check_eq "from $start: ethtool msglvl $arg, read by netifmsg, gives $want" \
			"$want" "$by_ethtool"
		nm tap0 "$start" || fatal "netifmsg tap0 $start failed"
		nm tap0 "$word" || fatal "netifmsg tap0 $word failed"
		nm_mask_to got tap0
		check_eq "from $start: netifmsg $word = ethtool msglvl $arg (read by netifmsg)" \
			"$by_ethtool" "$got"

		# The ioctl (read-modify-write) gives the same.
		set_mask tap0 "$start"
		nm --ioctl tap0 "$word" || fatal "netifmsg --ioctl tap0 $word failed"
		ethtool_mask_to got tap0
		check_eq "from $start: netifmsg --ioctl $word = ethtool msglvl $arg" \
			"$want" "$got"
		NCOMPARED=$((NCOMPARED + 1))
	done
done
echo "note: $NCOMPARED changes compared with ethtool, from ${#STARTS[@]} starts"

# --- with other words: relative words apply left to right, the last one
# wins for a bit; absolute words are the base, wherever they stand
# combo START EXPECTED WORD...
combo() {
	local start=$1 want=$2
	shift 2
	set_mask tap1 "$start"
	check_rc "from $start: netifmsg tap1 $*" 0 nm tap1 "$@"
	check_mask "from $start: netifmsg tap1 $*: ethtool reads $(hex "$want")" tap1 "$want"
}
S=0x5a5a
combo $S $((S & ~0xf)) +link 0/0xf
combo $S $(((S & ~0xf) | 0x4)) 0/0xf +link
combo $S $(((S & ~0xf) | 0x4)) 0x5/0xf -drv
combo $S $(((S & ~0xf) | 0x5)) -drv 0x5/0xf
combo $S $(((S & ~0xf) | 0xf)) 0x5/0xf 0xa/0xa
combo $S $(((S & ~0xf) | 0x8)) 0xa/0xf 0/0x3
combo $S $((((S & ~0x3) | 0x4000) & ~0x2000)) +wol,-hw 0/0x3
combo $S $(((S & ~0x2c) | 0x24 | 0x4000)) link,ifup/link,timer,ifup +wol
combo $S 0x1c 0x1f 0/0x3
combo $S 0x1c 0/0x3 0x1f
combo $S 0x5 none 0x5/0xf
combo $S 0x14 link 0x10/0x30
combo $S 0x1fff all 0/hw,wol

# -v reports the result; an unchanged mask says so.
set_mask tap1 0x5
check_rc "-v tap1 0x5/0xf (from 0x5)" 0 nm -v tap1 0x5/0xf
check_out "-v tap1 0x5/0xf: unchanged" "tap1: 0x00000005 drv link (unchanged)"
check_rc "-v tap1 0/0x1 (from 0x5)" 0 nm -v tap1 0/0x1
check_out "-v tap1 0/0x1: changed" "tap1: 0x00000004 link (changed)"

# --- --decode: relative words apply to an empty mask
decode() {
	local want=$1
	shift
	check_rc "--decode $*" 0 nm_here --decode "$@"
	check_out "--decode $*" "$want"
}
decode "0x00000005 drv link" 0x5/0xf
decode "0x0000000c link timer" link,timer/link,timer,ifup
decode "0x00004005 drv link wol" 0x5/0xf +wol
decode "0x00000004 link" +drv,+link 0/drv
decode "0x0000001c link timer ifdown" 0x1f 0/0x3
decode "0x00000000 none" 0/0

# --- --batch lines, checked whole before the first is sent
set_mask tap0 0xff
set_mask tap1 0x0
printf 'tap0 0x5/0xf\ntap1 link,ifup/link,timer,ifup +wol\n' >"$NIM_TMP/batch"
check_rc "--batch with VALUE/MASK lines" 0 nm --batch "$NIM_TMP/batch"
check_mask "--batch line tap0 0x5/0xf" tap0 0xf5
check_mask "--batch line tap1 link,ifup/link,timer,ifup +wol" tap1 0x4024
printf 'tap0 0/0xff\ntap1 0x15/0xf\n' >"$NIM_TMP/batch"
check_rc "--batch with a bad VALUE/MASK line" 2 nm --batch "$NIM_TMP/batch"
check_grep "--batch bad line: message" \
	"batch:2: '0x15/0xf': value bits 0x00000010 are outside the mask" "$ERR"
check_mask "--batch bad line: line 1 not applied" tap0 0xf5

# --- bits 15-31: refused over netlink, set over the ioctl
set_mask tap0 0x3
check_rc "tap0 0/0x8000 over netlink" 2 nm tap0 0/0x8000
check_grep "tap0 0/0x8000: message" \
	"tap0: bits 15-31 (0x00008000) cannot be set over netlink" "$ERR"
check_mask "tap0 0/0x8000: unchanged" tap0 0x3
check_rc "--ioctl tap0 0x80010003" 0 nm --ioctl tap0 0x80010003
check_rc "--ioctl tap0 0/0x80000001" 0 nm --ioctl tap0 0/0x80000001
check_rc "--ioctl -x tap0" 0 nm --ioctl -x tap0
check_out "--ioctl tap0 0/0x80000001: 0x00010002" "0x00010002"
check_rc "--ioctl tap0 bit31,bit20/bit31,bit20,bit16" 0 \
	nm --ioctl tap0 bit31,bit20/bit31,bit20,bit16
check_rc "--ioctl -x tap0" 0 nm --ioctl -x tap0
check_out "--ioctl tap0 bit31,bit20/bit31,bit20,bit16: 0x80100002" "0x80100002"
check_mask "ethtool reads the low bits" tap0 0x2
nm --ioctl tap0 0x2 || fatal "netifmsg --ioctl tap0 0x2 failed"
# Beside an absolute word too: over netlink the whole mask replaces bits
# 0-14 only, so a -bit15 or a 0/0x8000 there would leave bit 15 set
# while exiting 0.  Refused, and nothing changed.
nm --ioctl tap0 0x8003 || fatal "netifmsg --ioctl tap0 0x8003 failed"
for words in "all -bit15" "link 0/0x8000" "none -bit20"; do
	# shellcheck disable=SC2086 # the words, split
	check_rc "tap0 $words over netlink" 2 nm tap0 $words
	check_grep "tap0 $words: message" \
		"cannot be set over netlink" "$ERR"
	check_rc "--ioctl -x tap0 after $words" 0 nm --ioctl -x tap0
	check_out "tap0 $words: unchanged" "0x00008003"
done
nm --ioctl tap0 0x2 || fatal "netifmsg --ioctl tap0 0x2 failed"

# --- names the kernel reports (a build without 'wol') on either side
HIDEWOL=${NETIFMSG_HIDEWOL:-$(dirname "$NETIFMSG")/../tests/netifmsg-hidewol}
[ -x "$HIDEWOL" ] || fatal "test build '$HIDEWOL' not found (make check builds it)"
set_mask tap1 0x1
check_rc "hidden wol: tap1 wol/wol,drv" 0 \
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$HIDEWOL" tap1 wol/wol,drv
check_mask "hidden wol: tap1 wol/wol,drv: ethtool reads 0x4000" tap1 0x4000
check_rc "hidden wol: tap1 wol/drv" 2 \
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$HIDEWOL" tap1 wol/drv
check_grep "hidden wol: tap1 wol/drv: message" \
	"'wol/drv': value bits 0x00004000 are outside the mask" "$ERR"
check_mask "hidden wol: tap1 wol/drv: unchanged" tap1 0x4000

# --- requests: the family lookup and one DEBUG_SET with the value and the
# mask (no NOMASK: only those bits change), never a DEBUG_GET
TRACE=$NIM_TMP/strace
# traced CMD...: CMD in $NS under strace; every netlink send to $TRACE,
# its bytes in hex.
traced() {
	no_lsan \
	ip netns exec "$NS" strace -f -qq -xx -s 1024 -e trace=sendto,sendmsg \
		-o "$TRACE" -- "$@" >/dev/null 2>&1
}
# attr TYPE VALUE: a 32-bit netlink attribute, as strace -xx prints it.
attr() {
	local v=$(($2))
	printf '\\\\x08\\\\x00\\\\x%02x\\\\x00\\\\x%02x\\\\x%02x\\\\x%02x\\\\x%02x' \
		"$1" $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255))
}
SET='nlmsg_type=ethtool, [^}]*\}, "\\x08'
GET='nlmsg_type=ethtool, [^}]*\}, "\\x07'
# ETHTOOL_A_BITSET_NOMASK (1), an empty flag.
NOMASK='\\x04\\x00\\x01\\x00'

# requests WORD... VALUE MASK: netifmsg tap0 WORD... sends the lookup
# and one DEBUG_SET of VALUE and MASK, nothing else.
requests() {
	local n=$# value mask words
	value=${*:n-1:1}
	mask=${*:n:1}
	words=("${@:1:n-2}")
	set_mask tap0 0x5a5a
	traced "$NETIFMSG" tap0 "${words[@]}"
	check_count "requests: tap0 ${words[*]}: 2 netlink sends" 2 'AF_NETLINK' "$TRACE"
	check_count "requests: tap0 ${words[*]}: 1 family lookup" 1 'nlmsg_type=nlctrl' "$TRACE"
	check_count "requests: tap0 ${words[*]}: 1 DEBUG_SET" 1 "$SET" "$TRACE"
	check_count "requests: tap0 ${words[*]}: no DEBUG_GET" 0 "$GET" "$TRACE"
	check_count "requests: tap0 ${words[*]}: value $value, mask $mask" 1 \
		"$SET.*$(attr 4 "$value")$(attr 5 "$mask")" "$TRACE"
	check_count "requests: tap0 ${words[*]}: no NOMASK" 0 "$SET.*$NOMASK" "$TRACE"
	check_mask "requests: tap0 ${words[*]}: applied" tap0 $(((0x5a5a & ~mask) | value))
}
requests 0x5/0xf 0x5 0xf
requests link,timer/link,timer,ifup 0xc 0x2c
requests 0/0x7fff 0x0 0x7fff
requests +wol 0x5/0xf 0x4005 0x400f
requests 0x5/0xf -drv 0x4 0xf

# ethtool's own request for the same change carries the same bitset.
set_mask tap0 0x5a5a
traced ethtool -s tap0 msglvl 0x5/0xf
check_count "requests: ethtool msglvl 0x5/0xf: 1 DEBUG_SET" 1 "$SET" "$TRACE"
check_count "requests: ethtool msglvl 0x5/0xf: the same value and mask" 1 \
	"$SET.*$(attr 4 0x5)$(attr 5 0xf)" "$TRACE"

finish
