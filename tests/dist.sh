#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The release tarball holds every file of the repository but debian/
# (which a Debian source package carries beside it) and .gitignore:
# make distdir, compared with 'git ls-files'.  A file that the build, the
# tests or the shipped .ci/stages need and EXTRA_DIST forgets is
# otherwise found only by whoever builds from the tarball (stage 30-valgrind
# failed there: .ci/valgrind.supp was missing).  Needs a git checkout
# (else it skips: in distcheck's copy there is nothing to compare with).
# No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
S=$(cd "${top_srcdir:-$(dirname "$0")/..}" && pwd -P)
B=${top_builddir:-$S}
[ -f "$B/Makefile" ] || { echo "SKIP: dist: no Makefile in $B" >&2; exit 77; }
command -v git >/dev/null 2>&1 || { echo "SKIP: dist: no git" >&2; exit 77; }
# Root running a checkout another user owns (sudo .ci/run): git refuses
# it ("dubious ownership") unless told it is safe.
G=(git -c safe.directory="$S" -C "$S")
top=$("${G[@]}" rev-parse --show-toplevel 2>/dev/null)
if [ -z "$top" ] || [ "$(cd "$top" && pwd -P)" != "$S" ]; then
	echo "SKIP: dist: $S is not a git checkout of its own" >&2
	exit 77
fi
D=$(mktemp -d "${TMPDIR:-/tmp}/nim-dist.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT

make -s -C "$B" distdir distdir="$D/tree" >"$D/log" 2>&1
check "make distdir" 0 "$?"
(cd "$D/tree" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$D/dist"
"${G[@]}" ls-files | grep -v -e '^debian/' -e '^\.gitignore$' |
	LC_ALL=C sort >"$D/git"
check "committed files missing from the tarball" "" \
	"$(LC_ALL=C comm -13 "$D/dist" "$D/git" | tr '\n' ' ')"
finish
