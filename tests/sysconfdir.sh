#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# configure run again with another --sysconfdir, then make: the program
# reads the new directory.  configure rewrites only Makefile, and the
# objects that hold $(sysconfdir) (-DSYSCONFDIR, cmd_apply.c and
# cmd_batch.c) depended on nothing that changed, so make kept a program
# that read the old one (README's './configure' then './configure
# --sysconfdir=/etc' gave a netifmsg --apply reading /usr/local/etc).
# In a copy of the build tree, whose Makefile gets another sysconfdir as
# configure writes it.  No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
S=$(cd "${top_srcdir:-$(dirname "$0")/..}" && pwd)
B=$(cd "${top_builddir:-$S}" && pwd)
[ -x "$B/src/netifmsg" ] || { echo "SKIP: sysconfdir: no $B/src/netifmsg" >&2; exit 77; }
command -v make >/dev/null 2>&1 || { echo "SKIP: sysconfdir: no make" >&2; exit 77; }
D=$(mktemp -d "${TMPDIR:-/tmp}/nim-sysconfdir.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT

# The copy keeps the times (no Makefile is remade); a build beside its
# source (make distcheck's) is told where the source is.
mkdir "$D/b" && tar -C "$B" --exclude=./.git -cf - . | tar -C "$D/b" -xpf - ||
	exit 1
src=()
[ "$S" = "$B" ] || src=(srcdir="$S" top_srcdir="$S" VPATH="$S")
# The dependency files name the sources by the build's relative path
# ("../../src/src/main.c" in distcheck's), which is no path in the copy:
# emptied, each object depends on what Makefile.am says alone.
find "$D/b" -path '*/.deps/*.Po' -exec sh -c 'echo "# dummy" >"$1"' sh {} \;
sed -i "s|^sysconfdir = .*|sysconfdir = $D/etc|" "$D/b/Makefile"
make -s -C "$D/b" "${src[@]}" src/netifmsg >"$D/log" 2>&1
check "make after a new sysconfdir" 0 "$?"
check "netifmsg --apply reads the new sysconfdir" \
	"netifmsg: note: no configuration line in $D/etc/netifmsg.conf or $D/etc/netifmsg.d/*.conf" \
	"$("$D/b/src/netifmsg" --apply -v --ifindex 1 2>&1)"
finish
