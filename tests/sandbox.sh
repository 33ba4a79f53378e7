#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Netlink refused, as in a sandbox: a systemd unit whose
# RestrictAddressFamilies= leaves out AF_NETLINK (socket() fails with
# EAFNOSUPPORT), a seccomp filter or an LSM (EPERM, EACCES, also from
# the family lookup's send).  netifmsg falls back to the ioctl, as where
# the kernel has no ethtool family, and says why with -v; a lack of
# resources (EMFILE...) is a failure, and --monitor never falls back.
# strace makes the calls fail (inject_nm: not under the wrapper).

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"
command -v strace >/dev/null 2>&1 || missing strace strace

setup_ns 3

# Control: the netlink socket is the first socket() and its family
# lookup the first sendto(), so "when=1" fails them and nothing else.
# (LeakSanitizer cannot work under ptrace.)
no_lsan \
ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/strace" \
	-e trace=socket,sendto "$NETIFMSG" tap0 >/dev/null 2>&1 ||
	fatal "netifmsg tap0 under strace failed"
grep -m1 'socket(' "$NIM_TMP/strace" >"$NIM_TMP/first"
check_egrep "control: the first socket() is the netlink one" \
	'^([0-9]+ +)?socket\(AF_NETLINK, [^)]*NETLINK_GENERIC\)' "$NIM_TMP/first"
grep -m1 'sendto(' "$NIM_TMP/strace" >"$NIM_TMP/first"
check_egrep "control: the first sendto() is the family lookup" \
	'nlmsg_type=nlctrl' "$NIM_TMP/first"

# refused ERRNO ARGS...: netifmsg ARGS, its netlink socket failing so.
refused() { inject_nm socket "$1" 1 "${@:2}"; }

# strerror_to VAR ERRNO: the text of ERRNO.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
strerror_to() {
	local -n nim_se_to=$1
	case $2 in
	EAFNOSUPPORT) nim_se_to="Address family not supported by protocol" ;;
	EPERM) nim_se_to="Operation not permitted" ;;
	EACCES) nim_se_to="Permission denied" ;;
	EMFILE) nim_se_to="Too many open files" ;;
	ENFILE) nim_se_to="Too many open files in system" ;;
	ENOMEM) nim_se_to="Cannot allocate memory" ;;
	ENOBUFS) nim_se_to="No buffer space available" ;;
	*) fatal "strerror_to: $2?" ;;
	esac
}

why=
for e in EAFNOSUPPORT EPERM EACCES; do
	strerror_to why "$e"
	set_mask tap0 0x1
	check_rc "$e: show tap0" 0 refused "$e" tap0
	check_out "$e: show tap0" "$(show_line tap0 0x1)"
	check_empty "$e: show tap0: quiet without -v" "$ERR"
	check_rc "$e: tap0 +link" 0 refused "$e" tap0 +link
	check_empty "$e: tap0 +link: no output" "$OUT"
	check_empty "$e: tap0 +link: quiet without -v" "$ERR"
	check_mask "$e: tap0 +link: ethtool reads 0x5" tap0 0x5
	check_rc "$e: -v tap0 -drv" 0 refused "$e" -v tap0 -drv
	check_out "$e: -v tap0 -drv" "tap0: 0x00000004 link (changed)"
	check_file "$e: -v says why the ioctl is used" \
		"netifmsg: netlink sockets are refused here ($why): using the SIOCETHTOOL ioctl" "$ERR"
	check_mask "$e: -v tap0 -drv: ethtool reads 0x4" tap0 0x4
done

# An LSM that refuses the family lookup's message (SELinux's nlmsg
# checks), not the socket.
set_mask tap1 0x1
check_rc "lookup EACCES: -v tap1 0x3" 0 inject_nm sendto EACCES 1 -v tap1 0x3
check_out "lookup EACCES: -v tap1 0x3" "tap1: 0x00000003 drv probe (changed)"
check_file "lookup EACCES: -v says why" \
	"netifmsg: netlink sockets are refused here (Permission denied): using the SIOCETHTOOL ioctl" "$ERR"
check_mask "lookup EACCES: ethtool reads 0x3" tap1 0x3

# The read itself refused (an LSM, or seccomp): reading needs no
# privilege, so the error is said as it is, no capability named.
check_rc "read EACCES: show tap1" 1 inject_nm sendto EACCES 2 tap1
check_empty "read EACCES: show tap1: no output" "$OUT"
check_file "read EACCES: show tap1: message" "netifmsg: tap1: Permission denied" "$ERR"
check_rc "read EPERM: show all" 1 inject_nm sendto EPERM 2
check_file "read EPERM: show all: message" "netifmsg: Operation not permitted" "$ERR"

# The other commands, as with --ioctl: show all, a pattern, --driver,
# --batch, --apply, bits only the ioctl reaches, -j.
check_rc "EAFNOSUPPORT: show all" 0 refused EAFNOSUPPORT
check_lines "EAFNOSUPPORT: show all: 3 lines" 3 "$OUT"
check_out_as "EAFNOSUPPORT: show all = --ioctl show all" nm --ioctl
set_mask tap0 0x1
set_mask tap1 0x2
set_mask tap2 0x0
check_rc "EAFNOSUPPORT: 'tap*' +timer" 0 refused EAFNOSUPPORT 'tap*' +timer
check_mask "EAFNOSUPPORT: 'tap*' +timer: tap0" tap0 0x9
check_mask "EAFNOSUPPORT: 'tap*' +timer: tap1" tap1 0xa
check_mask "EAFNOSUPPORT: 'tap*' +timer: tap2" tap2 0x8
set_mask tap2 0x0
check_rc "EAFNOSUPPORT: --driver tun tap2 +hw" 0 refused EAFNOSUPPORT --driver tun tap2 +hw
check_mask "EAFNOSUPPORT: --driver tun tap2 +hw: ethtool reads 0x2000" tap2 0x2000
printf 'tap1 +probe,-drv\ntap2 0x7\n' >"$NIM_TMP/batch"
set_mask tap1 0x1
check_rc "EAFNOSUPPORT: --batch" 0 refused EAFNOSUPPORT --batch "$NIM_TMP/batch"
check_mask "EAFNOSUPPORT: --batch: tap1" tap1 0x2
check_mask "EAFNOSUPPORT: --batch: tap2" tap2 0x7
printf 'tap0 ifup\n' >"$NIM_TMP/apply.conf"
check_rc "EAFNOSUPPORT: --apply" 0 refused EAFNOSUPPORT --apply --config "$NIM_TMP/apply.conf" tap0
check_mask "EAFNOSUPPORT: --apply: ethtool reads 0x20" tap0 0x20
check_rc "EAFNOSUPPORT: tap0 bit20 (the ioctl can)" 0 refused EAFNOSUPPORT tap0 bit20
check_rc "EAFNOSUPPORT: -x tap0 after bit20" 0 refused EAFNOSUPPORT -x tap0
check_out "EAFNOSUPPORT: -x tap0 after bit20" "0x00100000"
check_rc "EAFNOSUPPORT: -j tap0 0x3" 0 refused EAFNOSUPPORT -j tap0 0x3
check_json "EAFNOSUPPORT: -j tap0 0x3" "[$(json_if tap0 0x3 true)]" "$OUT"

# A debug session: raised, then put back, over the ioctl.
set_mask tap1 0x1
check_rc "EPERM: --trace tap1 +link --for 1" 0 refused EPERM -q --trace tap1 +link --for 1
check_grep "EPERM: --trace: raised" "netifmsg: tap1: now 0x00000005" "$ERR"
check_grep "EPERM: --trace: its restore command goes over the ioctl too" \
	"netifmsg: tap1: now 0x00000005; if netifmsg is killed, restore with: netifmsg --ioctl tap1 0x00000000/0x00000004" "$ERR"
check_grep "EPERM: --trace: restored" "netifmsg: tap1: restored: 0x00000001 drv" "$ERR"
check_mask "EPERM: --trace: tap1 back to 0x1" tap1 0x1

# Netlink refused and the ioctl's socket too (every socket fails): both
# reasons, exit 1, and with -j still one (empty) array.
set_mask tap0 0x3
check_rc "EAFNOSUPPORT everywhere: -j tap0 +link" 1 \
	inject_nm socket EAFNOSUPPORT 1+ -j tap0 +link
check_out "EAFNOSUPPORT everywhere: an empty array" "[]"
check_file "EAFNOSUPPORT everywhere: message" \
	"netifmsg: netlink sockets are refused here (Address family not supported by protocol), and a socket for the ioctl cannot be opened: Address family not supported by protocol" "$ERR"
check_mask "EAFNOSUPPORT everywhere: tap0 unchanged" tap0 0x3

# A lack of resources is no refusal: the command fails, changes nothing.
for e in EMFILE ENFILE ENOMEM ENOBUFS; do
	strerror_to why "$e"
	check_rc "$e: tap0 +link" 1 refused "$e" tap0 +link
	check_file "$e: tap0 +link: message" \
		"netifmsg: cannot open a netlink socket: $why" "$ERR"
	check_mask "$e: tap0 +link: unchanged" tap0 0x3
done

# --monitor needs netlink: no fallback, its own message, exit 1.
for e in EAFNOSUPPORT EPERM EACCES; do
	strerror_to why "$e"
	check_rc "$e: --monitor" 1 refused "$e" --monitor
	check_empty "$e: --monitor: no output" "$OUT"
	check_file "$e: --monitor: message" \
		"netifmsg: cannot open a netlink socket: $why" "$ERR"
done

# Every netlink socket refused (RestrictAddressFamilies= without
# AF_NETLINK): if_nameindex(3) cannot list the interfaces (it asks over
# a routing netlink socket), so the ioctl's walk reads the names of
# /proc/net/dev, this namespace's, and asks each its index.
# Control: the third socket() is the interface list's (the second is
# the ioctl's), and /proc/self/net/dev is read after it.
no_lsan ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/strace" -e trace=socket,openat \
	-e inject=socket:error=EAFNOSUPPORT:when=1..3+2 "$NETIFMSG" >/dev/null 2>&1 ||
	fatal "show all under strace failed"
grep 'socket(' "$NIM_TMP/strace" | sed -n 3p >"$NIM_TMP/third"
check_egrep "control: the third socket() is the interface list's" \
	'^([0-9]+ +)?socket\(AF_NETLINK, [^)]*NETLINK_ROUTE\)' "$NIM_TMP/third"
sed -n '/NETLINK_ROUTE/,$p' "$NIM_TMP/strace" >"$NIM_TMP/after"
check_egrep "control: /proc/self/net/dev is read after it" \
	'openat\(AT_FDCWD, "/proc/self/net/dev", [^)]*\) = [0-9]' "$NIM_TMP/after"
# nonl ARGS...: netifmsg ARGS, netlink refused in every socket() but the
# ioctl's.
nonl() { inject_nm socket EAFNOSUPPORT 1..3+2 "$@"; }
# An interface without a message level, and one renamed after the taps
# after it were made: left out, and the order is the indexes'.
ip -n "$NS" link add nim-va type veth peer name nim-vb ||
	fatal "creating a veth pair failed"
ip -n "$NS" link set tap1 name zz1 || fatal "renaming tap1 failed"
set_mask tap0 0x3
set_mask zz1 0x0
set_mask tap2 0x7
check_rc "no netlink at all: show all" 0 nonl
check_out "no netlink at all: show all, in index order" \
	"$(show_line tap0 0x3)
$(show_line zz1 0x0)
$(show_line tap2 0x7)"
check_empty "no netlink at all: show all: quiet" "$ERR"
cp "$OUT" "$NIM_TMP/all"
# -n: /proc/self/net/dev follows the namespace entered, not this one's.
check_rc "no netlink at all: -n NETNS" 0 no_lsan \
	strace -f -qq -o /dev/null -e trace=socket \
	-e inject=socket:error=EAFNOSUPPORT:when=1..3+2 "$NETIFMSG" -n "$NS"
check_out "no netlink at all: -n NETNS: that namespace's" "$(cat "$NIM_TMP/all")"
check_rc "no netlink at all: -j" 0 nonl -j
check_json "no netlink at all: -j" \
	"[$(json_if tap0 0x3),$(json_if zz1 0x0),$(json_if tap2 0x7)]" "$OUT"
check_rc "no netlink at all: 'tap*' +link" 0 nonl 'tap*' +link
check_mask "no netlink at all: 'tap*' +link: tap0" tap0 0x7
check_mask "no netlink at all: 'tap*' +link: zz1 left alone" zz1 0x0
check_mask "no netlink at all: 'tap*' +link: tap2" tap2 0x7
check_rc "no netlink at all: --driver tun 'z*' +ifup" 0 nonl --driver tun 'z*' +ifup
check_mask "no netlink at all: --driver tun: zz1" zz1 0x20
check_mask "no netlink at all: --driver tun: tap0 left alone" tap0 0x7
printf 'zz* drv\n' >"$NIM_TMP/nonl.conf"
check_rc "no netlink at all: --apply" 0 nonl --apply --config "$NIM_TMP/nonl.conf"
check_mask "no netlink at all: --apply: zz1" zz1 0x1
check_rc "no netlink at all: 'nim-v*'" 1 nonl 'nim-v*' +link
check_file "no netlink at all: 'nim-v*': the veth has no level" \
	"netifmsg: no interface with a message level matches 'nim-v*'" "$ERR"
# zz1 renamed after /proc/net/dev was read, before its index was asked
# (netifmsg stopped at its first ioctl, lo's SIOCGIFINDEX): the walk is
# done again, and zz1 shown under its new name, not left out.
# shellcheck disable=SC2317 # called through at_ioctl
rename_zz1() { ip -n "$NS" link set zz1 name zz9; }
at_ioctl --nonl 1 rename_zz1 --
ip -n "$NS" link set zz9 name zz1 || fatal "renaming zz9 back failed"
check_eq "no netlink at all: renamed during the walk: exit 0" 0 "$RC"
check_out "no netlink at all: renamed during the walk: under its new name" \
	"$(show_line tap0 0x7)
$(show_line zz9 0x1)
$(show_line tap2 0x7)"
# Control: the interface list's socket refused, and the stop came just
# after the first ioctl, lo's SIOCGIFINDEX (so before zz1's).
check_egrep "control: renamed during the walk: its netlink socket refused" \
	'NETLINK_ROUTE\) = -1 EAFNOSUPPORT' "$NIM_TMP/strace"
grep -A1 -m1 '^ioctl' "$NIM_TMP/strace" | tr '\n' ' ' >"$NIM_TMP/first"
check_egrep "control: renamed during the walk: stopped after lo's SIOCGIFINDEX" \
	'^ioctl\([0-9]+, SIOCGIFINDEX, \{ifr_name="lo".* --- SIGSTOP ' "$NIM_TMP/first"

# No /proc/net/dev either (a tmpfs over this process's /proc/PID/net, in
# a mount namespace of its own; the rest of /proc stays, for the
# sanitizers): whatever walks the list fails, with the netlink socket's
# error, and changes nothing; a named interface still works.
noproc() {
	no_lsan ip netns exec "$NS" unshare -m --propagation private \
		strace -f -qq -o "$NIM_TMP/strace" -e trace=socket,openat \
		-e inject=socket:error="${NOPROC_ERR:-EAFNOSUPPORT}":when=1..3+2 sh -c \
		'mount -t tmpfs nim-noproc "/proc/$$/net" && exec "$0" "$@"' \
		"$NETIFMSG" "$@"
}
set_mask tap0 0x3
for args in "" "tap*" "tap* +link" "--driver tun tap0 +link" "--apply tap0"; do
	# shellcheck disable=SC2086 # the words of $args
	check_rc "no netlink, no /proc/net/dev: '$args'" 1 noproc $args
	check_empty "no netlink, no /proc/net/dev: '$args': no output" "$OUT"
	check_file "no netlink, no /proc/net/dev: '$args': message" \
		"netifmsg: Address family not supported by protocol: the interface list could not be read" "$ERR"
	check_mask "no netlink, no /proc/net/dev: '$args': tap0 unchanged" tap0 0x3
done
check_egrep "control: /proc/self/net/dev could not be opened" \
	'openat\(AT_FDCWD, "/proc/self/net/dev", [^)]*\) = -1 ENOENT' "$NIM_TMP/strace"
# The sockets refused as an LSM refuses (EACCES): the error as it is,
# no capability named (reading needs none).
NOPROC_ERR=EACCES check_rc "no netlink (EACCES), no /proc/net/dev: 'tap* +link'" 1 noproc 'tap*' +link
check_empty "no netlink (EACCES), no /proc/net/dev: 'tap* +link': no output" "$OUT"
check_file "no netlink (EACCES), no /proc/net/dev: 'tap* +link': message" \
	"netifmsg: Permission denied: the interface list could not be read" "$ERR"
check_mask "no netlink (EACCES), no /proc/net/dev: 'tap* +link': tap0 unchanged" tap0 0x3
check_rc "no netlink, no /proc/net/dev: tap0 +link" 0 noproc tap0 +link
check_mask "no netlink, no /proc/net/dev: tap0 +link: ethtool reads 0x7" tap0 0x7

finish
