#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The README's "Performance" section and bench/README.md speak of the
# committed run, bench/results.md: every figure the README's section gives
# (a ratio such as 1218x or 0.752, a peak RSS in KiB) stands in
# results.md, and bench/README.md names the run by results.md's date.  A
# new run committed without the texts, or a text left from an older run,
# fails here.  No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

S=${top_srcdir:-$(dirname "$0")/..}
results=$S/bench/results.md

date=$(sed -n 's/^Date: \(.*UTC\).*/\1/p' "$results")
check "bench/results.md has a Date line" "yes" "$([ -n "$date" ] && echo yes)"
check "bench/README.md names the committed run by its date ($date)" "yes" \
	"$(grep -qF "committed run ($date" "$S/bench/README.md" && echo yes)"

# The section: the lines after its heading's underline, to the end of the
# file or to the next heading (a title, then a line of '-'), which is
# dropped again when its underline comes.
section=$(awk '/^Performance$/ { on = 1; getline; next }
	on && /^-+$/ { n--; exit }
	on { line[++n] = $0 }
	END { for (i = 1; i <= n; i++) print line[i] }' "$S/README")
check "README has a Performance section" "yes" \
	"$([ -n "$section" ] && echo yes)"
# Hex masks (0x3) are no figures.
figures=$(sed 's/0x[0-9a-fA-F]*//g' <<<"$section" |
	grep -oE '[0-9]+(\.[0-9]+)?x|\b0\.[0-9]+\b|[0-9]+ KiB' |
	sed 's/ KiB$//' | sort -u)
check "the Performance section gives figures" "yes" \
	"$([ "$(wc -w <<<"$figures")" -ge 6 ] && echo yes)"
missing=
for f in $figures; do
	grep -qE "(^|[^0-9.])${f//./\\.}([^0-9.]|$)" "$results" ||
		missing+="$f "
done
check "README's Performance figures missing from bench/results.md" "" \
	"$missing"
finish
