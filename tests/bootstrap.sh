#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# autoreconf -fi where pkg-config's macros (pkg.m4) are not installed
# stops with a message that says what to install, instead of writing a
# configure that fails with "PKG_PROG_PKG_CONFIG: command not found" and
# a shell syntax error.  aclocal is pointed at an empty system macro
# directory, in a copy of configure.ac and Makefile.am.  Skips without
# autoreconf (building from the tarball needs none).  No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

S=${top_srcdir:-$(dirname "$0")/..}
command -v autoreconf >/dev/null 2>&1 || { echo "SKIP: bootstrap: no autoreconf" >&2; exit 77; }
D=$(mktemp -d "${TMPDIR:-/tmp}/nim-bootstrap.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT
mkdir "$D/src" "$D/src/m4" "$D/acdir" || exit 1
cp "$S/configure.ac" "$S/Makefile.am" "$D/src/" || exit 1

# ACLOCAL_PATH would add directories beside the empty one.
unset ACLOCAL_PATH
(cd "$D/src" && ACLOCAL="aclocal --system-acdir=$D/acdir" autoreconf -fi) \
	>"$D/out" 2>&1
rc=$?
check "autoreconf without pkg.m4 fails" yes "$([ "$rc" -ne 0 ] && echo yes || echo no)"
check "and says what to install" \
	"pkg.m4 not found: install pkg-config, then run autoreconf -fi again" \
	"$(sed -n 's/^configure\.ac:[0-9]*: error: //p' "$D/out" | head -n 1)"
check "no configure written" no "$([ -e "$D/src/configure" ] && echo yes || echo no)"
finish
