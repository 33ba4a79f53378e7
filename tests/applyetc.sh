#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --apply with the default files, not --config: the test build
# tests/netifmsg-etc reads them from tests/etc of the build tree (a link
# to this test's directory) instead of /etc.  A netifmsg.d that is no
# directory (a stray file) is skipped with a message and exit status 1,
# and netifmsg.conf is applied all the same; an untrusted netifmsg.d is
# still refused (exit status 2, nothing set), and so is a netifmsg.conf
# that is a dangling symlink.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

ETCBUILD=${NETIFMSG_ETC:-$(dirname "$NETIFMSG")/../tests/netifmsg-etc}
[ -x "$ETCBUILD" ] || fatal "test build '$ETCBUILD' not found (make check builds it)"
# The directory it was built to read, as its messages name it.
ETC=$(cd "$(dirname "$ETCBUILD")" && pwd)/etc

setup_ns 2
mkdir -m 0755 "$NIM_TMP/etc" || fatal "cannot make $NIM_TMP/etc"
ln -sfn "$NIM_TMP/etc" "$ETC" || fatal "cannot link $ETC"

# ne ARGS...: the test build in the test's namespace.
ne() {
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$ETCBUILD" "$@"
}

# conf TEXT: netifmsg.conf, root's and mode 0644 as --apply wants it.
conf() {
	printf '%s\n' "$1" >"$ETC/netifmsg.conf"
	chmod 0644 "$ETC/netifmsg.conf"
}

SKIPPED="netifmsg: $ETC/netifmsg.d/: not a directory: skipped (see netifmsg.conf(5))"

# --- the drop-in directory, as it should be: read after netifmsg.conf
conf 'tap0 +link'
mkdir -m 0755 "$ETC/netifmsg.d"
printf 'tap1 +drv\n' >"$ETC/netifmsg.d/10.conf"
chmod 0644 "$ETC/netifmsg.d/10.conf"
set_mask tap0 0x0
set_mask tap1 0x0
check_rc "--apply: netifmsg.conf and netifmsg.d" 0 ne --apply
check_empty "--apply: netifmsg.conf and netifmsg.d: no message" "$ERR"
check_mask "--apply: netifmsg.conf applied" tap0 0x4
check_mask "--apply: netifmsg.d applied" tap1 0x1
rm -rf "$ETC/netifmsg.d"

# --- no netifmsg.d: no error, nothing said
set_mask tap0 0x0
check_rc "--apply: no netifmsg.d" 0 ne --apply
check_empty "--apply: no netifmsg.d: no message" "$ERR"
check_mask "--apply: no netifmsg.d: netifmsg.conf applied" tap0 0x4

# --- netifmsg.d is a file (as 'netifmsg > /etc/netifmsg.d' makes it where
# there is no directory): skipped and said, netifmsg.conf applied, exit 1
set_mask tap0 0x0
set_mask tap1 0x0
printf 'tap1 +drv\n' >"$ETC/netifmsg.d"
chmod 0644 "$ETC/netifmsg.d"
check_rc "--apply: netifmsg.d is a file" 1 ne --apply
check_file "--apply: netifmsg.d is a file: message" "$SKIPPED" "$ERR"
check_empty "--apply: netifmsg.d is a file: nothing on stdout" "$OUT"
check_mask "--apply: netifmsg.d is a file: netifmsg.conf applied" tap0 0x4
check_mask "--apply: netifmsg.d is a file: its lines not read" tap1 0x0
# The udev rule's run, as at boot for every interface.
set_mask tap0 0x0
check_rc "--apply --ifindex: netifmsg.d is a file" 1 \
	ne --apply --ifindex "$(ifindex_of tap0)"
check_file "--apply --ifindex: netifmsg.d is a file: message" "$SKIPPED" "$ERR"
check_mask "--apply --ifindex: netifmsg.d is a file: netifmsg.conf applied" tap0 0x4
# -v prints what was set; -j its array; -q still says the failure.
set_mask tap0 0x0
check_rc "--apply -v: netifmsg.d is a file" 1 ne -v --apply
check_out "--apply -v: netifmsg.d is a file: the interface set" \
	"$(show_line tap0 0x4) (changed)"
check_grep "--apply -v: netifmsg.d is a file: message" "$SKIPPED" "$ERR"
set_mask tap0 0x0
check_rc "--apply -j: netifmsg.d is a file" 1 ne -j --apply
check_json "--apply -j: netifmsg.d is a file: the array" \
	"[$(json_if tap0 0x4 true)]" "$OUT"
check_rc "--apply -q: netifmsg.d is a file, second run" 1 ne -q --apply
check_file "--apply -q: netifmsg.d is a file: message" "$SKIPPED" "$ERR"
# An untrusted file there is not read, so not refused either.
chmod 0666 "$ETC/netifmsg.d"
check_rc "--apply: netifmsg.d is a file anyone may write" 1 ne --apply
check_file "--apply: netifmsg.d is a file anyone may write: message" "$SKIPPED" "$ERR"
# --config files replace the default ones: netifmsg.d is not looked at.
set_mask tap1 0x0
check_rc "--apply --config: netifmsg.d is a file" 0 \
	ne --apply --config "$ETC/netifmsg.conf"
check_empty "--apply --config: netifmsg.d is a file: no message" "$ERR"
rm -f "$ETC/netifmsg.d"

# --- also a FIFO (never opened: no block), a link to a file, a link loop
for kind in fifo link loop; do
	case $kind in
	fifo) mkfifo -m 0644 "$ETC/netifmsg.d" ;;
	link) ln -s netifmsg.conf "$ETC/netifmsg.d" ;;
	loop) ln -s netifmsg.d "$ETC/netifmsg.d" ;;
	esac
	set_mask tap0 0x0
	check_rc "--apply: netifmsg.d is a $kind" 1 timeout -s KILL 10 \
		ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$ETCBUILD" --apply
	check_file "--apply: netifmsg.d is a $kind: message" "$SKIPPED" "$ERR"
	check_mask "--apply: netifmsg.d is a $kind: netifmsg.conf applied" tap0 0x4
	rm -f "$ETC/netifmsg.d"
done

# --- a directory that others may write is still refused: exit 2, nothing
set_mask tap0 0x0
mkdir -m 0757 "$ETC/netifmsg.d"
check_rc "--apply: netifmsg.d anyone may write" 2 ne --apply
check_file "--apply: netifmsg.d anyone may write: message" \
	"netifmsg: $ETC/netifmsg.d/: writable by a user other than root: refused (see netifmsg.conf(5))" \
	"$ERR"
check_mask "--apply: netifmsg.d anyone may write: nothing set" tap0 0x0
rm -rf "$ETC/netifmsg.d"

# --- netifmsg.conf is a dangling symlink (its target on a file system not
# mounted yet): no regular file, refused as one, exit 2 and nothing set;
# a dangling symlink in netifmsg.d is skipped, as systemd's .d ones are
mkdir -m 0755 "$ETC/netifmsg.d"
printf 'tap1 +drv\n' >"$ETC/netifmsg.d/10.conf"
chmod 0644 "$ETC/netifmsg.d/10.conf"
ln -s /nonexistent/netifmsg.conf "$ETC/netifmsg.d/20.conf"
mv "$ETC/netifmsg.conf" "$ETC/saved.conf"
ln -s /nonexistent/netifmsg.conf "$ETC/netifmsg.conf"
set_mask tap1 0x0
check_rc "--apply: netifmsg.conf a dangling symlink" 2 ne --apply
check_file "--apply: netifmsg.conf a dangling symlink: message" \
	"netifmsg: $ETC/netifmsg.conf: not a regular file" "$ERR"
check_mask "--apply: netifmsg.conf a dangling symlink: nothing set" tap1 0x0
ln -sfn saved.conf "$ETC/netifmsg.conf"
set_mask tap0 0x0
check_rc "--apply: a dangling symlink in netifmsg.d" 0 ne --apply
check_empty "--apply: a dangling symlink in netifmsg.d: no message" "$ERR"
check_mask "--apply: a dangling symlink in netifmsg.d: netifmsg.conf applied" tap0 0x4
check_mask "--apply: a dangling symlink in netifmsg.d: the rest applied" tap1 0x1
rm -rf "$ETC/netifmsg.d" "$ETC/netifmsg.conf" "$ETC/saved.conf"

# --- in a user namespace that maps no uid to the caller (unshare -U
# without a map), the caller's uid is 65534, as is the owner of every
# file whose uid it does not map: a file of uid 1 there is not the
# caller's, and is refused (exit 2, nothing set).  In one that maps uid
# 65534 to root, root's file is the caller's: read (and its change
# refused by the kernel, as there is no capability).
if unshare -U --map-user=65534 --map-group=65534 true 2>/dev/null; then
	conf 'tap0 +link'
	set_mask tap0 0x0
	chown 1 "$ETC/netifmsg.conf"
	check_rc "--apply, uid unmapped: uid 1's file" 2 ip netns exec "$NS" \
		unshare -U "${NIM_WRAPPER[@]}" "$ETCBUILD" --apply
	check_file "--apply, uid unmapped: uid 1's file: message" \
		"netifmsg: $ETC/netifmsg.conf: owned by uid 65534, not root: refused (see netifmsg.conf(5))" \
		"$ERR"
	check_mask "--apply, uid unmapped: uid 1's file: nothing set" tap0 0x0
	# --apply where uid 65534 is mapped to root, netifmsg.conf owned by
	# uid $1 ($2 in the checks' names): exit status $3, message $4, and
	# nothing set.
	apply_as_65534() {
		chown "$1" "$ETC/netifmsg.conf"
		check_rc "--apply, uid 65534 mapped to root: $2" "$3" \
			ip netns exec "$NS" unshare -U --map-user=65534 \
			--map-group=65534 "${NIM_WRAPPER[@]}" "$ETCBUILD" --apply
		check_file "--apply, uid 65534 mapped to root: $2: message" \
			"$4" "$ERR"
		check_mask "--apply, uid 65534 mapped to root: $2: nothing set" \
			tap0 0x0
	}
	# Root's file is the caller's there: read, its change refused by
	# the kernel (no capability).  uid 1's shows as owned by 65534 too,
	# the caller's uid: still not the caller's (the kernel says who
	# owns it).
	apply_as_65534 1 "uid 1's file" 2 \
		"netifmsg: $ETC/netifmsg.conf: owned by uid 65534, not root: refused (see netifmsg.conf(5))"
	apply_as_65534 0 "root's file" 1 \
		"netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN"
	# The same where the map has more lines after that one (written
	# from here, as newuidmap would): the line that maps the caller
	# decides, not the last.
	mkfifo "$NIM_TMP/go"
	ip netns exec "$NS" unshare -U sh -c 'read -r _ <"$1"; shift; exec "$@"' \
		sh "$NIM_TMP/go" "${NIM_WRAPPER[@]}" "$ETCBUILD" --apply \
		>"$OUT" 2>"$ERR" &
	upid=$!
	in_userns() {
		[ "$(readlink "/proc/$upid/ns/user")" != "$(readlink "/proc/$$/ns/user")" ]
	}
	wait_until in_userns || fatal "unshare -U did not start"
	# A map is written once, in one write(2): cat's of a whole file.
	printf '65534 0 1\n1 100000 10\n' >"$NIM_TMP/uid_map"
	cat "$NIM_TMP/uid_map" >"/proc/$upid/uid_map" &&
		echo '65534 0 1' >"/proc/$upid/gid_map" ||
		fatal "cannot write the user namespace's maps"
	echo go >"$NIM_TMP/go"
	wait "$upid"
	check_eq "--apply, a map of two lines: root's file read (exit 1)" 1 "$?"
	check_file "--apply, a map of two lines: root's file: read" \
		"netifmsg: tap0: permission denied: changing the message level needs CAP_NET_ADMIN" \
		"$ERR"
	rm -f "$ETC/netifmsg.conf" "$NIM_TMP/go" "$NIM_TMP/uid_map"
else
	echo "note: unshare -U --map-user: not here; user namespace cases not run"
fi

# --- the files on a file system with 64-bit inode numbers: overlayfs
# with xino=on over two file systems (as a container's or a live
# system's /etc may be), mounted in a mount namespace of its own that
# ends with the command.  A 32-bit build must list and read them too
# (the large-file interfaces; without them: EOVERFLOW)
OVL=$NIM_TMP/ovl
mkdir -p "$OVL/lower/netifmsg.d" "$OVL/upper" || fatal "cannot make $OVL"
printf 'tap0 +link\n' >"$OVL/lower/netifmsg.conf"
printf 'tap1 +drv\n' >"$OVL/lower/netifmsg.d/10.conf"
chmod 0644 "$OVL/lower/netifmsg.conf" "$OVL/lower/netifmsg.d/10.conf"
# ne_ovl ARGS...: ne with $ETC on the overlay; the inode number of its
# netifmsg.conf in $OVL/ino.
ne_ovl() {
	unshare -m sh -c '
		o=$1 etc=$2
		shift 2
		mount --make-rprivate / &&
		mount -t tmpfs none "$o/upper" &&
		mkdir "$o/upper/u" "$o/upper/w" &&
		mount -t overlay overlay -o "lowerdir=$o/lower,upperdir=$o/upper/u,workdir=$o/upper/w,xino=on" "$etc" ||
			exit 99
		stat -c %i "$etc/netifmsg.conf" >"$o/ino"
		exec "$@"' sh "$OVL" "$NIM_TMP/etc" \
		ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$ETCBUILD" "$@"
}
set_mask tap0 0x0
set_mask tap1 0x0
: >"$OVL/ino"
check_rc "--apply: files with 64-bit inode numbers" 0 ne_ovl --apply
# Eleven digits or more: above 2^32 - 1.
check_egrep "--apply: files with 64-bit inode numbers: so they are" \
	'^[0-9]{11,}$' "$OVL/ino"
check_empty "--apply: files with 64-bit inode numbers: no message" "$ERR"
check_mask "--apply: files with 64-bit inode numbers: netifmsg.conf" tap0 0x4
check_mask "--apply: files with 64-bit inode numbers: netifmsg.d" tap1 0x1

# --- a file system with no ACLs (ramfs: no extended attributes at all,
# ENOTSUP): the group bits of the mode are the owning group's, root's
# here, so netifmsg.conf of mode 0664 lets no one else write: read.  In
# a mount namespace of its own that ends with the command.
ne_ramfs() {
	unshare -m sh -c '
		etc=$1
		shift
		mount --make-rprivate / &&
		mount -t ramfs none "$etc" &&
		chmod 0755 "$etc" &&
		printf "tap0 +link\n" >"$etc/netifmsg.conf" &&
		chown 0:0 "$etc/netifmsg.conf" &&
		chmod 0664 "$etc/netifmsg.conf" ||
			exit 99
		exec "$@"' sh "$NIM_TMP/etc" \
		ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$ETCBUILD" "$@"
}
set_mask tap0 0x0
check_rc "--apply, no ACLs there: root's group may write" 0 ne_ramfs --apply
check_empty "--apply, no ACLs there: root's group may write: no message" "$ERR"
check_mask "--apply, no ACLs there: root's group may write: read" tap0 0x4

# --- a netifmsg.d that cannot be listed (uid 1's, mode 0700, to root in
# a user namespace that maps no uid, where root has no capability over
# it): an error, not taken for one that is not there
if unshare -U true 2>/dev/null; then
	mkdir -m 0700 "$ETC/netifmsg.d"
	chown 1 "$ETC/netifmsg.d"
	check_rc "--apply: netifmsg.d not readable" 1 ip netns exec "$NS" \
		unshare -U "${NIM_WRAPPER[@]}" "$ETCBUILD" --apply
	check_file "--apply: netifmsg.d not readable: message" \
		"netifmsg: $ETC/netifmsg.d/: Permission denied" "$ERR"
	rm -rf "$ETC/netifmsg.d"
else
	echo "note: unshare -U: not here; the unreadable netifmsg.d case is not run"
fi

rm -f "$ETC"
finish
