#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The program is linked as configure.ac says: position independent, with
# full RELRO (a GNU_RELRO segment and BIND_NOW), its stack not executable,
# and needing libmnl and libc only (what the benchmark measured: every
# shared library costs each run its loading, see README, Performance),
# and libjansson where configure links it dynamically.  Needs no root
# and no kernel access.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
NETIFMSG=${NETIFMSG:-$top_srcdir/src/netifmsg}
[ -x "$NETIFMSG" ] || { echo "ERROR: $NETIFMSG not found" >&2; exit 1; }
command -v readelf >/dev/null || { echo "ERROR: readelf (binutils) not found" >&2; exit 1; }

. "$top_srcdir/tests/tool-lib.sh"

headers=$(readelf -lW "$NETIFMSG")
dynamic=$(readelf -dW "$NETIFMSG")

check "type: position independent (DYN)" yes \
	"$(readelf -hW "$NETIFMSG" | grep -q 'Type: *DYN' && echo yes || echo no)"
check "a GNU_RELRO segment" yes \
	"$(grep -q GNU_RELRO <<<"$headers" && echo yes || echo no)"
check "BIND_NOW: every symbol bound at start-up" yes \
	"$(grep -Eq 'BIND_NOW|Flags:.* NOW' <<<"$dynamic" && echo yes || echo no)"
check "stack not executable" "RW" \
	"$(awk '$1 == "GNU_STACK" { print $(NF - 1) }' <<<"$headers")"
# (--enable-sanitizers adds its runtimes.)  jansson's archive is linked in
# where configure found one (-Bstatic in JANSSON_LIBS); without it, or
# with --disable-static-jansson, its shared library is needed too.
libs="libc.so.6 libmnl.so.0"
if ! grep -q '^JANSSON_LIBS = .*-Bstatic' "${top_builddir:-$top_srcdir}/Makefile"; then
	libs="libc.so.6 libjansson.so.4 libmnl.so.0"
fi
check "libraries needed: $libs" "$libs" \
	"$(sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' <<<"$dynamic" |
	   grep -Ev '^lib(asan|ubsan)\.' | sort | tr '\n' ' ' | sed 's/ $//')"

finish
