#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian package builds in a clean chroot: the tests debian/rules
# runs during the build (help.sh and manlint.sh beside the unit tests)
# fail without mandoc, groff, col and man, so the packages that hold
# them (as dpkg -S says here) are in Build-Depends.  A build chroot has
# only the essential packages, build-essential and the Build-Depends;
# without them dpkg-buildpackage stopped in dh_auto_test.  Skips where
# there is no debian/ (the tarball) or no dpkg.  No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

S=${top_srcdir:-$(dirname "$0")/..}
[ -r "$S/debian/control" ] || { echo "SKIP: debian: no debian/control" >&2; exit 77; }
command -v dpkg >/dev/null 2>&1 || { echo "SKIP: debian: no dpkg" >&2; exit 77; }

# The package names of Build-Depends (a field of several lines; versions,
# architectures and build profiles left out, alternatives each), one a line.
bdeps=$(awk '
	/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, ""); print; next }
	on && /^[ \t]/ { print; next }
	{ on = 0 }' "$S/debian/control" |
	sed 's/([^)]*)//g; s/\[[^]]*\]//g; s/<[^>]*>//g' | tr ',|' '\n\n' |
	awk 'NF { print $1 }')
check "Build-Depends read from debian/control" yes \
	"$(grep -qx debhelper-compat <<<"$bdeps" && echo yes || echo no)"

# The rules run those two tests, with these tools, in the build.
check "debian/rules runs help.sh and manlint.sh" yes \
	"$(grep -q 'tests/help.sh tests/manlint.sh' "$S/debian/rules" && echo yes || echo no)"
for tool in mandoc groff col man; do
	path=$(command -v "$tool" 2>/dev/null) && path=$(readlink -f "$path")
	pkg=$(dpkg -S "${path:-/nonexistent}" 2>/dev/null | sed -n '1s/:.*//p')
	if [ -z "$pkg" ]; then
		check "$tool: installed from a Debian package" found "not found"
		continue
	fi
	check "$tool ($pkg) is in Build-Depends" yes \
		"$(grep -qx -- "$pkg" <<<"$bdeps" && echo yes || echo no)"
done
finish
