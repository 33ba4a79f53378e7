#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Many interfaces at once and ethtool's habits: IFACE patterns (fnmatch),
# --driver, "IFACE:" as netifmsg prints it, NAME on|off pairs, a pasted
# "msglvl", -n with a namespace file, and the level-map hint.  Taps are
# driver "tun" with a message level; a veth pair is driver "veth" without.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

not_here tap0
setup_ns 4
ip -n "$NS" link add ve0 type veth peer name ve1 || fatal "cannot create a veth pair"
add_tap 'odd*' || fatal "cannot create the tap 'odd*'"
add_tap oddx || fatal "cannot create the tap oddx"
for i in 0 1 2 3; do set_mask "tap$i" 0x1; done
set_mask 'odd*' 0x1
set_mask oddx 0x1

# --- show with a pattern: one dump, every line names its interface
check_rc "show 'tap[0-1]'" 0 nm 'tap[0-1]'
check_out "show 'tap[0-1]': two lines" "$(show_line tap0 0x1)
$(show_line tap1 0x1)"
check_rc "show -x 'tap*'" 0 nm -x 'tap*'
check_out "show -x 'tap*': IFACE: mask" "tap0: 0x00000001
tap1: 0x00000001
tap2: 0x00000001
tap3: 0x00000001"
check_rc "show -x tap2 (one interface: bare)" 0 nm -x tap2
check_out "show -x tap2: the mask alone" "0x00000001"
check_rc "show -j 'tap?'" 0 nm -j 'tap?'
check_json "show -j 'tap?': the four taps" \
	"[$(json_if tap0 0x1),$(json_if tap1 0x1),$(json_if tap2 0x1),$(json_if tap3 0x1)]" "$OUT"
check_rc "show 've*' (no message level: no match)" 1 nm 've*'
check_grep "show 've*': message" "netifmsg: no interface with a message level matches 've*'" "$ERR"
check_empty "show 've*': no stdout" "$OUT"
check_rc "show 'zz*'" 1 nm 'zz*'
check_grep "show 'zz*': message" "matches 'zz*'" "$ERR"
# An escape of a letter or of a byte that is no ASCII needs no quoting
# for fnmatch(3): the message quotes those bytes themselves.
check_rc "show 'z\x7a\x41\xc3\xa9*'" 1 nm 'z\x7a\x41\xc3\xa9*'
check_grep "show 'z\x7a\x41\xc3\xa9*': message" "matches 'zzAé*'" "$ERR"

# --- a change over a pattern: one atomic set per match
check_rc "'tap[1-2]' +link" 0 nm 'tap[1-2]' +link
check_mask "'tap[1-2]' +link: tap0 untouched" tap0 0x1
check_mask "'tap[1-2]' +link: tap1" tap1 0x5
check_mask "'tap[1-2]' +link: tap2" tap2 0x5
check_mask "'tap[1-2]' +link: tap3 untouched" tap3 0x1
check_rc "-v 'tap*' -drv" 0 nm -v 'tap*' -drv
check_out "-v 'tap*' -drv: one result a match" "$(show_line tap0 0x0) (changed)
$(show_line tap1 0x4) (changed)
$(show_line tap2 0x4) (changed)
$(show_line tap3 0x0) (changed)"
check_rc "'zz*' +link (matches nothing)" 1 nm 'zz*' +link
check_grep "'zz*' +link: message" "no interface with a message level matches 'zz*'" "$ERR"
check_rc "-x 'tap[01]' --from-level 1" 0 nm -x 'tap[01]' --from-level 1
check_out "-x 'tap[01]' --from-level 1: named" "tap0: 0x00000003
tap1: 0x00000003"

# --- a name with a glob character: a backslash makes it literal
check_rc "show 'odd\\*' (the literal name)" 0 nm 'odd\*'
check_out "show 'odd\\*': only odd*, printed as it reads back" "odd\\*: 0x00000001 drv"
check_rc "show: odd* printed escaped, fed back as a batch" 0 nm
grep '^odd' "$OUT" >"$NIM_TMP/odd"
check_file "show all: odd* and oddx lines" 'odd\*: 0x00000001 drv
oddx: 0x00000001 drv' "$NIM_TMP/odd"
check_rc "'odd\\*' +timer" 0 nm 'odd\*' +timer
check_mask "'odd\\*' +timer: odd*" 'odd*' 0x9
check_mask "'odd\\*' +timer: oddx untouched" oddx 0x1
check_rc "'odd*' +probe (the pattern)" 0 nm 'odd*' +probe
check_mask "'odd*' +probe: odd*" 'odd*' 0xb
check_mask "'odd*' +probe: oddx" oddx 0x3

# --- --driver (as 'ethtool -i' names it)
check_eq "ethtool -i tap0: driver tun" "driver: tun" "$(et -i tap0 | grep '^driver:')"
check_rc "--driver tun -x" 0 nm --driver tun -x
check_lines "--driver tun -x: every tap" 6 "$OUT"
check_egrep "--driver tun -x: named lines" '^tap0: 0x' "$OUT"
# Every interface here with a message level is a tap: all of show -x.
check_out_as "--driver tun -x = show all -x" nm -x
# With -n the driver is asked on a socket of that namespace (sysfs, not
# remounted by setns, would show this namespace's interfaces).
check_rc "-n NS --driver tun -x" 0 "$NETIFMSG" -n "$NS" --driver tun -x
check_lines "-n NS --driver tun -x: every tap" 6 "$OUT"
check_egrep "-n NS --driver tun -x: tap3 among them" '^tap3: 0x' "$OUT"
check_rc "--driver veth (no message level)" 1 nm --driver veth
check_grep "--driver veth: message" "with driver veth" "$ERR"
# A name that another interface takes between the dump and the driver's
# read (by name): the read checks that the name still has the dumped
# index, and the dump and the drivers are read again where not.  strace
# stops netifmsg at its first ioctl (tap0's GDRVINFO, after the dump)
# while tap3 and ve0 swap names.  LeakSanitizer cannot run under ptrace.
# swapped ARGS...: netifmsg ARGS so; exit status in RC.
swapped() { at_first_ioctl swap_names tap3 ve0 -- "$@"; }
if command -v strace >/dev/null 2>&1; then
	saved=()
	for n in tap0 tap1 tap2 tap3 'odd*' oddx; do
		saved+=("$(ethtool_mask "$n")")
		set_mask "$n" 0x1
	done
	swapped --driver tun -x
	check_eq "--driver tun -x, tap3 and ve0 swap names meanwhile: exit 0" 0 "$RC"
	check_out "--driver tun -x, names swapped meanwhile: every tap, the old tap3 as ve0" \
		"$(printf '%s: 0x00000001\n' tap0 tap1 tap2 ve0 'odd\*' oddx)"
	# Back: tap3 is the tap again, and the dump's ve0 is the veth at the read.
	swapped --driver veth -x
	check_eq "--driver veth -x, names swapped back meanwhile: exit 1" 1 "$RC"
	check_empty "--driver veth -x, names swapped back meanwhile: no tap as veth" "$OUT"
	check_grep "--driver veth -x, names swapped back meanwhile: message" \
		"no interface with a message level matches '*' with driver veth" "$ERR"
	swapped --driver tun +timer
	check_eq "--driver tun +timer, names swapped meanwhile: exit 0" 0 "$RC"
	check_mask "--driver tun +timer, names swapped meanwhile: the old tap3" ve0 0x9
	check_mask "--driver tun +timer, names swapped meanwhile: tap0" tap0 0x9
	swapped --driver tun '*' -timer
	check_eq "--driver tun '*' -timer, names swapped back meanwhile: exit 0" 0 "$RC"
	check_mask "--driver tun '*' -timer, names swapped back meanwhile: tap3" tap3 0x1
	i=0
	for n in tap0 tap1 tap2 tap3 'odd*' oddx; do set_mask "$n" "${saved[i]}"; i=$((i + 1)); done
else
	missing strace strace
fi
# An interface renamed to a new name between the dump and its driver's
# read (by the old name: ENODEV, while the dumped index is still an
# interface): the dump and the drivers are read again, so that it is
# selected under its new name.  One deleted at that point is left out
# without an error.  strace stops netifmsg at the driver read of tapx,
# the newest tap and so the last read: the next to last ioctl of a run.
if command -v strace >/dev/null 2>&1; then
	saved=()
	for n in tap0 tap1 tap2 tap3 'odd*' oddx; do saved+=("$(ethtool_mask "$n")"); done
	for io in netlink ioctl; do
		opt=()
		[ "$io" = ioctl ] && opt=(--ioctl)
		add_tap tapx || fatal "cannot create the tap tapx"
		set_mask tapx 0x5
		idx=$(ifindex_of tapx)
		no_lsan \
			ip netns exec "$NS" strace -qq -o "$NIM_TMP/ioctls" -e trace=ioctl \
			"$NETIFMSG" "${opt[@]}" --driver tun -x >/dev/null ||
			fatal "--driver tun -x under strace failed"
		tail -n 1 "$NIM_TMP/ioctls" | grep -q 'SIOCGIFINDEX, {ifr_name="tapx"' ||
			fatal "the last ioctl is not tapx's driver read's"
		n=$(($(wc -l <"$NIM_TMP/ioctls") - 1))
		at_ioctl "$n" ip -n "$NS" link set tapx name tapnew -- "${opt[@]}" --driver tun -j
		check_eq "$io: --driver tun -j, tapx renamed to tapnew at its driver read: exit 0" 0 "$RC"
		check_empty "$io: --driver tun -j, tapx renamed to tapnew meanwhile: no message" "$ERR"
		check_grep "$io: --driver tun -j, tapx renamed to tapnew meanwhile: tapnew with tapx's index" \
			"{\"ifname\":\"tapnew\",\"ifindex\":$idx,\"msg_enable\":5," "$OUT"
		check_nogrep "$io: --driver tun -j, tapx renamed to tapnew meanwhile: no tapx" '"tapx"' "$OUT"
		check_eq "$io: --driver tun -j, tapx renamed to tapnew meanwhile: the dump done again" \
			2 "$(grep -cE 'RTM_GETLINK|nlmsg_type=ethtool' "$NIM_TMP/strace")"
		at_ioctl "$n" ip -n "$NS" link set tapnew name tapx -- "${opt[@]}" --driver tun '*' +timer
		check_eq "$io: --driver tun '*' +timer, tapnew renamed to tapx meanwhile: exit 0" 0 "$RC"
		check_empty "$io: --driver tun '*' +timer, tapnew renamed to tapx meanwhile: no message" "$ERR"
		check_mask "$io: --driver tun '*' +timer, tapnew renamed to tapx meanwhile: set" tapx 0xd
		at_ioctl "$n" ip -n "$NS" link del tapx -- "${opt[@]}" --driver tun -j
		check_eq "$io: --driver tun -j, tapx deleted at its driver read: exit 0" 0 "$RC"
		check_empty "$io: --driver tun -j, tapx deleted meanwhile: no message" "$ERR"
		check_egrep "$io: --driver tun -j, tapx deleted meanwhile: the six others" \
			'^\[(\{[^}]*\},){5}\{[^}]*\}\]$' "$OUT"
		check_nogrep "$io: --driver tun -j, tapx deleted meanwhile: no tapx" '"tapx"' "$OUT"
		check_eq "$io: --driver tun -j, tapx deleted meanwhile: one dump" \
			1 "$(grep -cE 'RTM_GETLINK|nlmsg_type=ethtool' "$NIM_TMP/strace")"
	done
	i=0
	for n in tap0 tap1 tap2 tap3 'odd*' oddx; do set_mask "$n" "${saved[i]}"; i=$((i + 1)); done
else
	missing strace strace
fi
# No socket for the driver's ioctl (EMFILE, strace): that is the error,
# not that no interface matches, and nothing is changed.
if command -v strace >/dev/null 2>&1; then
	set_mask tap0 0x3
	check_rc "--driver tun +hw, no ioctl socket" 1 \
		no_lsan \
		ip netns exec "$NS" strace -f -qq -o /dev/null -e trace=socket \
		-e inject=socket:error=EMFILE:when=2+ "$NETIFMSG" --driver tun +hw
	check_file "--driver tun, no ioctl socket: message" \
		"netifmsg: Too many open files: the interfaces' drivers (--driver) could not be read" "$ERR"
	check_nogrep "--driver tun, no ioctl socket: not 'no interface'" \
		"no interface" "$ERR"
	check_mask "--driver tun, no ioctl socket: tap0 unchanged" tap0 0x3
	# The same for a show, at a low ulimit -n (no wrapper: it needs
	# descriptors of its own).
	check_rc "--driver tun, ulimit -n 4" 1 ip netns exec "$NS" bash -c \
		'ulimit -n 4 && exec "$0" --driver tun' "$NETIFMSG"
	check_file "--driver tun, ulimit -n 4: message" \
		"netifmsg: Too many open files: the interfaces' drivers (--driver) could not be read" "$ERR"
else
	missing strace strace
fi
# A name with --driver has its index read first (INTERFACES): the driver
# of that interface alone is read, one ETHTOOL_GDRVINFO and not one an
# interface, so that another's read failing cannot fail it (strace: each
# ioctl after tap0's two, the first of the dump, fails with EIO).
drv_name() {
	no_lsan \
		ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/drv" -e trace=ioctl \
		-e inject=ioctl:error=EIO:when=3+ "$NETIFMSG" "$@"
}
# count_ioctls ARGS...: the same, no ioctl failing.  (LeakSanitizer
# cannot work under ptrace: no leak check under strace.)
count_ioctls() {
	no_lsan \
		ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/drv" -e trace=ioctl \
		"$NETIFMSG" "$@"
}
if command -v strace >/dev/null 2>&1; then
	saved=("$(ethtool_mask tap0)" "$(ethtool_mask tap1)")
	set_mask tap0 0x1
	check_rc "--driver tun tap0, others' driver reads failing" 0 drv_name --driver tun tap0
	check_out "--driver tun tap0, others' driver reads failing: tap0" "$(show_line tap0 0x1)"
	check_count "--driver tun tap0: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	check_rc "--driver tun tap0 +link, others' driver reads failing" 0 drv_name --driver tun tap0 +link
	check_empty "--driver tun tap0 +link, others' failing: no message" "$ERR"
	check_mask "--driver tun tap0 +link, others' failing: set" tap0 0x5
	check_count "--driver tun tap0 +link: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	printf '%s\n' 'tap1 -drv' 'tap0 --driver tun +timer' >"$NIM_TMP/b"
	check_rc "--batch line tap0 --driver tun, others' failing" 0 drv_name --batch "$NIM_TMP/b"
	check_mask "--batch line tap0 --driver tun, others' failing: set" tap0 0xd
	check_count "--batch line tap0 --driver tun: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	check_rc "--driver veth tap0 -link (tap0 is tun), others' failing" 1 drv_name --driver veth tap0 -link
	check_file "--driver veth tap0, others' failing: message" \
		"netifmsg: no interface with a message level matches 'tap0' with driver veth" "$ERR"
	check_mask "--driver veth tap0 -link: unchanged" tap0 0xd
	check_rc "--driver tun nosuch +link, others' failing" 1 drv_name --driver tun nosuch +link
	check_file "--driver tun nosuch, others' failing: message" \
		"netifmsg: no interface with a message level matches 'nosuch' with driver tun" "$ERR"
	check_count "--driver tun nosuch: no driver read" 0 SIOCETHTOOL "$NIM_TMP/drv"
	# Nor for a name too long for the ioctl: its walk's ioctls alone.
	check_rc "--ioctl, the walk" 0 count_ioctls --ioctl
	walk=$(grep -c SIOCETHTOOL "$NIM_TMP/drv")
	check_rc "--ioctl --driver tun, a 16-byte name" 1 \
		count_ioctls --ioctl --driver tun nim-no-such-16by
	check_count "--ioctl --driver tun, a 16-byte name: no driver read" \
		"$walk" SIOCETHTOOL "$NIM_TMP/drv"
	# --trace reads interfaces' names by ioctl too: counted only.
	check_rc "--trace --driver tun tap0" 0 count_ioctls --trace --for 0.1 --driver tun tap0
	check_count "--trace --driver tun tap0: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	check_mask "--trace --driver tun tap0: restored" tap0 0xd
	# A pattern reads the drivers of the interfaces it matches, no
	# other's: another's read failing cannot fail it.
	check_rc "--driver tun 'tap[01]'" 0 count_ioctls --driver tun 'tap[01]'
	check_count "--driver tun 'tap[01]': their drivers read" 2 SIOCETHTOOL "$NIM_TMP/drv"
	check_rc "--driver tun 't*0' +hw, others' driver reads failing" 0 drv_name --driver tun 't*0' +hw
	check_empty "--driver tun 't*0' +hw, others' failing: no message" "$ERR"
	check_mask "--driver tun 't*0' +hw, others' failing: set" tap0 0x200d
	check_count "--driver tun 't*0' +hw: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	# So do a batch's lines with --driver, each line's.
	printf '%s\n' '--driver tun t*0 -hw' '--driver tun tap0 -timer' >"$NIM_TMP/b"
	check_rc "--batch: two --driver lines on tap0, others' failing" 0 drv_name --batch "$NIM_TMP/b"
	check_empty "--batch: two --driver lines on tap0, others' failing: no message" "$ERR"
	check_mask "--batch: two --driver lines on tap0: set" tap0 0x5
	check_count "--batch: two --driver lines on tap0: one driver read" 1 SIOCETHTOOL "$NIM_TMP/drv"
	check_rc "--driver tun '*', others' driver reads failing" 1 drv_name --driver tun '*'
	check_grep "--driver tun '*', others' failing: said" \
		"the interfaces' drivers (--driver) could not be read" "$ERR"
	set_mask tap0 "${saved[0]}"
	set_mask tap1 "${saved[1]}"
else
	missing strace strace
fi
# One ioctl socket for the drivers of the whole run, not one an interface:
# a few descriptors do for any number of interfaces (those inherited are
# closed first; no wrapper, which needs its own).
# shellcheck disable=SC2016 # expanded by the inner shell
check_rc "--driver tun -x, 9 descriptors" 0 ip netns exec "$NS" bash -c '
	for fd in /proc/$$/fd/*; do
		fd=${fd##*/}
		[ "$fd" -gt 2 ] && eval "exec $fd>&-"
	done 2>/dev/null
	ulimit -n 9 && exec "$0" --driver tun -x' "$NETIFMSG"
check_lines "--driver tun -x, 9 descriptors: every tap" 6 "$OUT"
before=()
for i in 0 1 2 3; do before+=("$(ethtool_mask "tap$i")"); done
check_rc "--driver tun +hw (every tap)" 0 nm --driver tun +hw
for i in 0 1 2 3; do check_mask "--driver tun +hw: tap$i" "tap$i" "$(printf '0x%x' $(( before[i] | 0x2000 )))"; done
saved=()
for n in tap0 tap1 tap2 tap3 'odd*' oddx; do saved+=("$(ethtool_mask "$n")"); done
check_rc "--driver tun 0x2001 (a CHANGE word first: every tap)" 0 nm --driver tun 0x2001
check_mask "--driver tun 0x2001: tap0" tap0 0x2001
check_mask "--driver tun 0x2001: odd*" 'odd*' 0x2001
i=0
for n in tap0 tap1 tap2 tap3 'odd*' oddx; do set_mask "$n" "${saved[i]}"; i=$((i + 1)); done
check_rc "--driver tun 'tap[23]' -hw" 0 nm --driver tun 'tap[23]' -hw
check_mask "--driver tun 'tap[23]' -hw: tap2" tap2 0x4
check_mask "--driver tun 'tap[23]' -hw: tap1 keeps hw" tap1 0x2003
check_rc "--driver veth tap0 +wol (tap0 is tun)" 1 nm --driver veth tap0 +wol
check_mask "--driver veth tap0 +wol: unchanged" tap0 0x2003
check_rc "--driver e1000e --driver tun tap3" 0 nm --driver e1000e --driver tun tap3
check_out "--driver e1000e --driver tun tap3" "$(show_line tap3 0x0)"
printf '%s\n' '--driver tun tap* +intr' 've0 +drv' >"$NIM_TMP/b"
check_rc "--batch with --driver in a line, then a veth" 1 nm -f --batch "$NIM_TMP/b"
check_grep "--batch: the veth line fails" "b:2: ve0: the driver has no message level" "$ERR"
check_mask "--batch --driver tun tap*: tap3" tap3 0x200
check_rc "--driver on the command line of --batch" 2 nm --driver tun --batch "$NIM_TMP/b"
check_grep "--driver with --batch: message" "--driver goes in the lines" "$ERR"
# An alternative name names its interface with --driver too, as without
if ip -n "$NS" link property add dev tap3 altname nim-sel-alt3; then
	set_mask tap3 0x1
	set_mask tap2 0x2
	check_rc "--driver tun ALTNAME (show)" 0 nm --driver tun nim-sel-alt3
	check_out "--driver tun ALTNAME: tap3" "tap3: 0x00000001 drv"
	check_rc "--driver tun ALTNAME +link" 0 nm --driver tun nim-sel-alt3 +link
	check_mask "--driver tun ALTNAME +link: tap3" tap3 0x5
	check_mask "--driver tun ALTNAME +link: tap2 unchanged" tap2 0x2
	check_rc "--driver veth ALTNAME (tap3 is tun)" 1 nm --driver veth nim-sel-alt3 -link
	check_mask "--driver veth ALTNAME -link: unchanged" tap3 0x5
	printf '%s\n' '--driver tun nim-sel-alt3 -drv' >"$NIM_TMP/b"
	check_rc "--batch: --driver tun ALTNAME -drv" 0 nm --batch "$NIM_TMP/b"
	check_mask "--batch: --driver tun ALTNAME -drv: tap3" tap3 0x4
	check_rc "--trace --driver tun ALTNAME" 0 nm --trace --for 0.1 --driver tun nim-sel-alt3
	check_mask "--trace --driver tun ALTNAME: restored" tap3 0x4
	# The GET of the altname follows the dump and the driver's read:
	# where tap3 and tap2 swap names in between (strace stops netifmsg
	# after the driver read), the name it gives is tap2's in the dump,
	# but the interface is still tap3's, found by its index.
	set_mask tap3 0x1
	no_lsan \
		ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- \
		"$NETIFMSG" --driver tun nim-sel-alt3 >/dev/null ||
		fatal "--driver tun ALTNAME under strace failed"
	check_count "--driver tun ALTNAME: its driver alone read" 1 SIOCETHTOOL "$NIM_TMP/walk"
	at_ioctl "$(grep -c '^ioctl' "$NIM_TMP/walk")" swap_names tap3 tap2 -- --driver tun nim-sel-alt3
	swap_names tap3 tap2 || fatal "cannot put the names back"
	check_eq "--driver tun ALTNAME, two names swapped after the dump: exit 0" 0 "$RC"
	check_out "--driver tun ALTNAME, two names swapped after the dump: its own mask" \
		"tap3: 0x00000001 drv"
else
	fatal "ip link property add altname failed"
fi

# --- IFACE: as netifmsg prints it
check_rc "tap0: +ifup" 0 nm tap0: +ifup
check_mask "tap0: +ifup" tap0 0x2223
check_rc "show tap0:" 0 nm tap0:
check_out "show tap0:" "$(show_line tap0 0x2223)"

# --- ethtool's habits
set_mask tap0 0x41
check_rc "tap0 link on rx_err off" 0 nm tap0 link on rx_err off
check_mask "tap0 link on rx_err off: ethtool agrees" tap0 0x5
et -s tap1 msglvl 0x41
et -s tap1 msglvl link on rx_err off
check_eq "ethtool -s tap1 msglvl link on rx_err off gives the same" "$(ethtool_mask tap0)" "$(ethtool_mask tap1)"
check_rc "tap0 link,timer off drv on" 0 nm tap0 link,timer off drv on
check_mask "tap0 link,timer off drv on" tap0 0x1
# A list with blanks (netifmsg -N's output) before off: each class off.
set_mask tap0 0x25
set_mask tap1 0x5
check_rc "tap0 \"\$(netifmsg -N tap1)\" off" 0 nm tap0 "drv link" off
check_mask "tap0 \"drv link\" off: only drv and link off" tap0 0x20
# ... and for an empty mask, which -N prints as none: nothing changes.
set_mask tap1 0x0
check_rc "tap0 \"\$(netifmsg -N tap1)\" off, tap1 none" 0 nm tap0 "$(nm -N tap1)" off
check_mask "tap0 \"none\" off: unchanged" tap0 0x20
check_rc "-v tap0 none on" 0 nm -v tap0 none on
check_out "-v tap0 none on" "tap0: 0x00000020 ifup (unchanged)"
check_rc "--ioctl tap0 none off" 0 nm --ioctl tap0 none off
check_mask "--ioctl tap0 none off: unchanged" tap0 0x20
set_mask tap0 0x1
check_rc "tap0 on" 2 nm tap0 on
check_grep "tap0 on: message" "'on' needs a class name before it" "$ERR"
check_rc "tap0 msglvl 7 (pasted from ethtool)" 2 nm tap0 msglvl 7
check_grep "tap0 msglvl 7: the netifmsg form" "write 'netifmsg tap0 7'" "$ERR"
check_mask "tap0 msglvl 7: unchanged" tap0 0x1

# --- -n with a namespace file, as nsenter --net=PATH
check_rc "-n /run/netns/NAME" 0 "$NETIFMSG" -n "/run/netns/$NS" tap0
check_out "-n /run/netns/NAME: tap0" "$(show_line tap0 0x1)"
bash -c 'sleep 1; exec ip netns exec "$1" sleep 30' _ "$NS" &
sleeper=$!
# Until ip has entered $NS, /proc/$sleeper/ns/net is the initial
# namespace, whose interfaces the test must not touch: wait (bounded)
# until it is $NS's.
ns_id=$(stat -L -c %d:%i "/run/netns/$NS") || fatal "cannot stat /run/netns/$NS"
for ((try = 0; try < 400; try++)); do
	[ "$(stat -L -c %d:%i "/proc/$sleeper/ns/net" 2>/dev/null)" = "$ns_id" ] && break
	sleep 0.05
done
[ "$(stat -L -c %d:%i "/proc/$sleeper/ns/net" 2>/dev/null)" = "$ns_id" ] ||
	fatal "the sleeper $sleeper did not enter $NS in 20 s"
check_rc "-n /proc/PID/ns/net" 0 "$NETIFMSG" -n "/proc/$sleeper/ns/net" tap0 +probe
check_mask "-n /proc/PID/ns/net: applied in that namespace" tap0 0x3
kill "$sleeper"
wait "$sleeper" 2>/dev/null
check_rc "-n /proc/self/ns/uts (not a network namespace)" 1 "$NETIFMSG" -n /proc/self/ns/uts tap0
check_grep "-n a uts namespace: message" "netifmsg: /proc/self/ns/uts: not a network namespace" "$ERR"
mkfifo "$NIM_TMP/fifo"
check_rc "-n FIFO (not a network namespace, no hang)" 1 timeout 10 "$NETIFMSG" -n "$NIM_TMP/fifo" tap0
check_grep "-n FIFO: message" "netifmsg: $NIM_TMP/fifo: not a network namespace" "$ERR"
# A socket file: open() refuses it with ENXIO, as a device without its
# driver.  python3 (.ci/packages) makes it; without it the test fails.
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
	"$NIM_TMP/sock" || fatal "cannot make a socket file (python3 is needed)"
check_rc "-n SOCKET (not a network namespace)" 1 "$NETIFMSG" -n "$NIM_TMP/sock" tap0
check_file "-n SOCKET: message" "netifmsg: $NIM_TMP/sock: not a network namespace" "$ERR"
check_rc "-n /nonexistent/ns" 1 "$NETIFMSG" -n /nonexistent/ns tap0
check_grep "-n /nonexistent/ns: message" "no such network namespace" "$ERR"
: >"$NIM_TMP/file"
check_rc "-n FILE/ns (a path through a file)" 1 "$NETIFMSG" -n "$NIM_TMP/file/ns" tap0
check_file "-n FILE/ns: message" "netifmsg: $NIM_TMP/file/ns: no such network namespace" "$ERR"

# --- the level hint names the map that takes the level
check_rc "--from-level 16" 2 nm --from-level 16
check_grep "--from-level 16: hint" "--level-map kernel reads it as a driver's debug=16 does" "$ERR"
check_rc "--level-map kernel --from-level 16" 0 nm --level-map kernel --from-level 16
check_out "--level-map kernel --from-level 16" "0x0000ffff drv probe link timer ifdown ifup rx_err tx_err tx_queued intr tx_done rx_status pktdata hw wol bit15"

finish
