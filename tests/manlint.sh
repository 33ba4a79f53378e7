#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The man pages are clean: `mandoc -T lint` and `groff -ww -man -z` print
# nothing, and rendered by man(1) at 80 columns no line is wider than 80.
# Fails when mandoc, groff, col or man (all in .ci/packages) is missing.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
PAGES=("$top_srcdir/man/netifmsg.8" "$top_srcdir/man/netifmsg.conf.5")

for tool in mandoc groff; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "ERROR: manlint: $tool (.ci/packages) is not installed" >&2; exit 1; }
done
for MAN in "${PAGES[@]}"; do
	[ -r "$MAN" ] || { echo "ERROR: $MAN not found" >&2; exit 1; }
done

CHECKS=0
FAILS=0

# check NAME OUTPUT: OUTPUT must be empty.
check() {
	CHECKS=$((CHECKS + 1))
	if [ -z "$2" ]; then
		echo "ok: $1"
	else
		FAILS=$((FAILS + 1))
		echo "FAIL: $1"
		printf '%s\n' "$2" | sed 's/^/      | /'
	fi
}

# Rendered at 80 columns (mandoc's terminal output, then man(1) if it is
# there, as a user would see it): no line over 80 characters.
width() {
	# Characters, not bytes: UTF-8 continuation bytes do not count.
	col -bx | LC_ALL=C awk -v max=80 '
		{ s = $0; gsub(/[\200-\277]/, "", s); n = length(s) }
		n > max { printf "%d (%d chars): %s\n", NR, n, $0 }'
}
for MAN in "${PAGES[@]}"; do
	p=$(basename "$MAN")
	check "$p: mandoc -T lint" "$(mandoc -T lint "$MAN" 2>&1)"
	check "$p: groff -ww -man -z" "$(groff -ww -man -z "$MAN" 2>&1)"

	if command -v col >/dev/null 2>&1; then
		check "$p: mandoc -T utf8 -O width=80: lines <= 80" \
			"$(mandoc -T utf8 -O width=80 "$MAN" 2>&1 | width)"
		if command -v man >/dev/null 2>&1; then
			check "$p: MANWIDTH=80 man: no warnings" \
				"$(MANWIDTH=80 man --warnings -l "$MAN" 2>&1 >/dev/null)"
			check "$p: MANWIDTH=80 man: lines <= 80" \
				"$(MANWIDTH=80 MAN_KEEP_FORMATTING='' man -l "$MAN" 2>/dev/null | width)"
		else
			check "$p: man (man-db, .ci/packages) found" "man not found"
		fi
	else
		check "$p: col (bsdextrautils, .ci/packages) found" "col not found"
	fi
done

echo "manlint: $CHECKS checks, $FAILS failures"
[ "$FAILS" -eq 0 ]
