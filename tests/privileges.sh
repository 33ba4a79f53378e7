#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# An unprivileged user (uid/gid 65534, no groups, no capabilities, via
# setpriv) may read message levels but not change them: every kind of
# change (absolute, relative, from a level, with any output option) is
# refused with the permission message and exit 1, nothing on stdout, and
# the mask unchanged.  (errors.sh has the basic show / +link case.)

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v setpriv >/dev/null 2>&1 || missing setpriv util-linux

setup_ns 2
MASK0=0x0235
MASK1=0x0003
set_mask tap0 "$MASK0"
set_mask tap1 "$MASK1"
PERM="netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN"

# A --coverage build run as uid 65534 cannot write its .gcda files into
# the build tree, and its runtime says so on stderr, which the checks
# read: GCOV runs the program with them written under $NIM_TMP/gcov.
mkdir -m 1777 "$NIM_TMP/gcov" && chmod 755 "$NIM_TMP" ||
	fatal "cannot make $NIM_TMP/gcov"
GCOV=(env GCOV_PREFIX="$NIM_TMP/gcov")

# nobody ARGS...: the program as uid 65534 without capabilities, in $NS.
# shellcheck disable=SC2317 # called through check_rc
nobody() {
	ip netns exec "$NS" "${GCOV[@]}" setpriv --reuid=65534 --regid=65534 \
		--clear-groups --inh-caps=-all --bounding-set=-all \
		"${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}

# The user really is unprivileged: ethtool itself is refused.
if ip netns exec "$NS" setpriv --reuid=65534 --regid=65534 --clear-groups \
	--inh-caps=-all --bounding-set=-all ethtool -s tap0 msglvl 0x1 \
	>"$OUT" 2>"$ERR"; then
	fail "control: ethtool -s as nobody is refused" "it succeeded"
else
	check_grep "control: ethtool -s as nobody is refused" \
		"Operation not permitted" "$ERR"
fi
check_mask "control: tap0 unchanged by ethtool" tap0 "$MASK0"

# --- reading works
check_rc "nobody: show all" 0 nobody
check_grep "nobody: show all: tap0" "$(show_line tap0 "$MASK0")" "$OUT"
check_grep "nobody: show all: tap1" "$(show_line tap1 "$MASK1")" "$OUT"
check_rc "nobody: -x tap1" 0 nobody -x tap1
check_out "nobody: -x tap1: output" "$(hex "$MASK1")"
check_rc "nobody: -j tap0" 0 nobody -j tap0
check_json "nobody: -j tap0: output" "[$(json_if tap0 "$MASK0")]" "$OUT"
check_rc "nobody: -N tap0" 0 nobody -N tap0
check_out "nobody: -N tap0: output" "$(mask_names "$MASK0")"
check_rc "nobody: --list" 0 nobody --list
check_rc "nobody: --decode +link" 0 nobody -x --decode +link
check_out "nobody: --decode +link: output" "0x00000004"

# --- every change is refused
refused() {
	check_rc "nobody: $*" 1 nobody "$@"
	check_grep "nobody: $*: message" "$PERM" "$ERR"
	check_lines "nobody: $*: one line on stderr" 1 "$ERR"
	# -j: an empty array, as for every change that succeeds nowhere.
	if [[ " $* " == *" -j "* ]]; then
		check_out "nobody: $*: stdout" "[]"
	else
		check_empty "nobody: $*: no stdout" "$OUT"
	fi
	check_mask "nobody: $*: tap0 unchanged" tap0 "$MASK0"
	check_mask "nobody: $*: tap1 unchanged" tap1 "$MASK1"
}

# absolute
refused tap0 0x5
refused tap0 0x0235		# the same mask: still a change request
refused tap0 link,timer
refused tap0 none
refused tap0 all
refused tap0 drv probe
# relative
refused tap0 -link
refused tap0 +drv		# already set: still refused
refused tap0 +link,-drv
refused tap0 +hw -intr
# from a level
refused tap0 --from-level 3
refused tap0 --from-level -1
refused tap0 --level-map exact --from-level 2
refused tap0 --level-map kernel --from-level 4
refused tap0 --from-level 3 -timer
# with output options
refused -v tap0 +link
refused -j tap0 0x1
refused -x tap0 -drv
refused -N tap0 --from-level 1

# over the legacy ioctl (SIOCETHTOOL's set needs CAP_NET_ADMIN as well)
check_rc "nobody: --ioctl -x tap0 (show)" 0 nobody --ioctl -x tap0
check_out "nobody: --ioctl -x tap0: output" "$(hex "$MASK0")"
refused --ioctl tap0 0x5
refused --ioctl tap0 +link
refused --ioctl tap0 -drv,+hw
refused --ioctl tap0 --from-level 3
refused --ioctl -v tap0 bit20

# a batch file: every line is refused (and with -f, every line is tried)
printf 'tap0 +link\ntap0 0x1\n' >"$NIM_TMP/batch"
chmod 644 "$NIM_TMP/batch"
chmod 755 "$NIM_TMP"
check_rc "nobody: --batch" 1 nobody --batch "$NIM_TMP/batch"
check_grep "nobody: --batch: line 1 refused" \
	"batch:1: tap0: permission denied: changing the message level needs CAP_NET_ADMIN" "$ERR"
check_grep "nobody: --batch: stops there" "stopped at the failed line" "$ERR"
check_empty "nobody: --batch: no stdout" "$OUT"
check_mask "nobody: --batch: tap0 unchanged" tap0 "$MASK0"
check_rc "nobody: -f --batch" 1 nobody -f --batch "$NIM_TMP/batch"
check_lines "nobody: -f --batch: both lines refused" 2 "$ERR"
check_grep "nobody: -f --batch: line 2" "batch:2: tap0: permission denied" "$ERR"
check_mask "nobody: -f --batch: tap0 unchanged" tap0 "$MASK0"

# entering a named namespace needs privilege too: refused, changes nothing
check_rc "nobody: -n NS tap0 +link" 1 "${GCOV[@]}" \
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	--bounding-set=-all "${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" tap0 +link
check_grep "nobody: -n NS tap0 +link: message" "cannot enter network namespace" "$ERR"
check_mask "nobody: -n NS tap0 +link: tap0 unchanged" tap0 "$MASK0"

# -n of a file whose open() the kernel refuses with EPERM, a device's
# own check: /dev/kmsg without CAP_SYSLOG where kernel.dmesg_restrict is
# 1 (where it is 0, it opens, and is no namespace).  Not setns(): no
# CAP_SYS_ADMIN hint, which root here has.
{ read -r restrict </proc/sys/kernel/dmesg_restrict; } 2>/dev/null
if [ "${restrict:-}" = 1 ]; then
	want="netifmsg: /dev/kmsg: cannot enter network namespace: Operation not permitted"
else
	want="netifmsg: /dev/kmsg: not a network namespace"
fi
check_rc "no CAP_SYSLOG: -n /dev/kmsg" 1 setpriv --inh-caps=-syslog \
	--bounding-set=-syslog "${NIM_WRAPPER[@]}" "$NETIFMSG" -n /dev/kmsg
check_file "no CAP_SYSLOG: -n /dev/kmsg: message" "$want" "$ERR"

# root of a user namespace of its own has CAP_NET_ADMIN there, not in
# the user namespace that owns $NS: refused, with the same message.  In
# a network namespace that user namespace made, it may change the masks
# of taps it made there, and cannot enter $NS.
if setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U true \
	2>/dev/null; then
	# That user reaches the program with no privilege at all (setpriv
	# alone still has root's capabilities at its execve): a copy outside
	# the build tree, which may be private (CI's sanitizer build is in a
	# mode 0700 directory).
	mkdir "$NIM_TMP/bin" && cp "$NETIFMSG" "$NIM_TMP/bin/netifmsg" &&
		chmod 755 "$NIM_TMP" "$NIM_TMP/bin" ||
		fatal "cannot copy the program for the user namespace cases"
	UNS_NETIFMSG=$NIM_TMP/bin/netifmsg
	check_rc "userns root: tap0 +link" 1 ip netns exec "$NS" "${GCOV[@]}" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all unshare -Ur "${NIM_WRAPPER[@]}" "$UNS_NETIFMSG" \
		tap0 +link
	check_file "userns root: tap0 +link: message" "$PERM" "$ERR"
	check_mask "userns root: tap0 +link: tap0 unchanged" tap0 "$MASK0"
	# shellcheck disable=SC2016 # expanded by that sh
	check_rc "userns root: its own netns" 0 "${GCOV[@]}" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all unshare -Urn sh -c \
		'ip tuntap add dev utap0 mode tap && "$@" -x utap0 0x5 &&
		 ! "$@" -n "$0" tap0 +link' "$NS" \
		"${NIM_WRAPPER[@]}" "$UNS_NETIFMSG"
	check_out "userns root: its own netns: output" "0x00000005"
	check_file "userns root: its own netns: -n NS refused" \
		"netifmsg: $NS: cannot enter network namespace: Operation not permitted (it takes CAP_SYS_ADMIN, as for ip -n)" "$ERR"
	check_mask "userns root: -n NS: tap0 unchanged" tap0 "$MASK0"
else
	echo "note: an unprivileged user cannot make a user namespace here: the userns root cases are not run"
fi

# --trace where /dev/kmsg cannot be opened for another reason than
# kernel.dmesg_restrict: the note gives the error alone, no CAP_SYSLOG
# hint (here the caller has CAP_SYSLOG, or is root).  In a mount
# namespace of its own: /dev/kmsg itself is not touched.
command -v unshare >/dev/null 2>&1 || missing unshare util-linux
: >"$NIM_TMP/nokmsg"
chmod 000 "$NIM_TMP/nokmsg"
chmod 755 "$NIM_TMP"
# kmsg_trace NAME SETUP: --trace tap1 after the shell code SETUP,
# as uid 65534 with CAP_NET_ADMIN and CAP_SYSLOG.
kmsg_trace() {
	check_rc "$1" 0 ip netns exec "$NS" "${GCOV[@]}" unshare -m sh -c "$2"' &&
		exec setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all,+net_admin,+syslog \
		--ambient-caps=+net_admin,+syslog "$@"' sh \
		"${NIM_WRAPPER[@]}" "$NETIFMSG" --trace --for 0.1 tap1
	check_grep "$1: the error" \
		"netifmsg: note: cannot read /dev/kmsg ($3): no messages are shown" "$ERR"
	check_nogrep "$1: no CAP_SYSLOG hint" "CAP_SYSLOG" "$ERR"
	check_grep "$1: still restored" "tap1: restored" "$ERR"
	check_mask "$1: tap1 restored" tap1 "$MASK1"
}
kmsg_trace "--trace, /dev/kmsg mode 000" \
	"mount --bind '$NIM_TMP/nokmsg' /dev/kmsg" "Permission denied"
kmsg_trace "--trace, no /dev/kmsg" \
	"mount -t tmpfs none /dev" "No such file or directory"

finish
