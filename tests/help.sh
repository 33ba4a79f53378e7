#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --help and --version: --version prints the version of configure.ac,
# --help fits 80 columns with one line per option, and the options listed
# by --help are exactly those of the man page's OPTIONS section.
# Needs no root and no kernel access.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
NETIFMSG=${NETIFMSG:-$top_srcdir/src/netifmsg}
MAN=$top_srcdir/man/netifmsg.8
[ -x "$NETIFMSG" ] || { echo "ERROR: $NETIFMSG not found" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/nim-help.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
. "$top_srcdir/tests/tool-lib.sh"

# --version: "netifmsg VERSION", VERSION as AC_INIT in configure.ac has it.
version=$(sed -n 's/^AC_INIT(\[netifmsg\], *\[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
[ -n "$version" ] || { echo "ERROR: no version in configure.ac" >&2; exit 1; }
"$NETIFMSG" --version >"$TMP/out" 2>"$TMP/err"
check "--version: exit status" 0 "$?"
check "--version: output" "netifmsg $version" "$(cat "$TMP/out")"
check "-V: output" "netifmsg $version" "$("$NETIFMSG" -V)"
check "--version: no stderr" "" "$(cat "$TMP/err")"

# Output that cannot be written is an error: exit 1 and a message.
"$NETIFMSG" --version >/dev/full 2>"$TMP/err"
check "--version into /dev/full: exit status" 1 "$?"
check "--version into /dev/full: message" \
	"netifmsg: write error: No space left on device" "$(cat "$TMP/err")"
"$NETIFMSG" --list -j >/dev/full 2>"$TMP/err"
check "--list -j into /dev/full: exit status" 1 "$?"

# --help: exit 0, stdout only, -h the same.
"$NETIFMSG" --help >"$TMP/help" 2>"$TMP/err"
check "--help: exit status" 0 "$?"
check "--help: no stderr" "" "$(cat "$TMP/err")"
check "-h is --help" "$(cat "$TMP/help")" "$("$NETIFMSG" -h)"

# Every line fits 80 columns (no tabs either, whose width depends on the
# terminal).
long=$(awk 'length > 80 || /\t/ { printf "%d: %s\n", NR, $0 }' "$TMP/help")
check "--help: every line fits 80 columns, no tabs" "" "$long"

# The Usage forms are those of the man page's SYNOPSIS, in order (the
# case of the metavariables aside): the page as mandoc or groff renders
# it, overstrikes undone.
if command -v mandoc >/dev/null 2>&1; then
	render=(mandoc -T ascii -O width=200)
elif command -v groff >/dev/null 2>&1; then
	render=(groff -man -Tascii -rLL=200n)
else
	render=()
fi
if [ "${#render[@]}" -gt 0 ]; then
	"${render[@]}" "$MAN" 2>/dev/null | sed 's/.\x08//g' |
		sed -n '/^SYNOPSIS$/,/^DESCRIPTION$/s/^ *netifmsg /netifmsg /p' \
		>"$TMP/man-usage"
	sed -n '/^Usage:/,/^$/p' "$TMP/help" | sed 's/^Usage://' |
		sed -n 's/^ *netifmsg /netifmsg /p' | sed 's/  .*//' |
		tr 'A-Z' 'a-z' >"$TMP/help-usage"
	[ "$(wc -l <"$TMP/man-usage")" -ge 5 ] ||
		{ echo "ERROR: cannot read the man page's SYNOPSIS" >&2; exit 1; }
	check "--help's Usage forms are the man page's SYNOPSIS" \
		"$(cat "$TMP/man-usage")" "$(cat "$TMP/help-usage")"
else
	check "mandoc or groff (.ci/packages) renders the man page's SYNOPSIS" \
		found "not found"
fi

# The Options section: every line is one option, "  -x, --long ARG  text"
# (no continuation lines).
sed -n '/^Options:$/,/^$/p' "$TMP/help" | sed '1d;/^$/d' >"$TMP/optlines"
[ -s "$TMP/optlines" ] || { echo "ERROR: no Options section in --help" >&2; exit 1; }
bad=$(grep -vE '^  (-[a-zA-Z], |    )--[a-z-]*( [A-Z]+)? +[^ ]' "$TMP/optlines")
check "--help: one line per option" "" "$bad"

# The option words: from --help's Options section, and from the tags of
# the man page's OPTIONS section (the line after each .TP).
sed 's/^ *//; s/  .*//' "$TMP/optlines" | grep -oE -- '(^| )--?[a-zA-Z-]*' |
	tr -d ' ' | sort -u >"$TMP/help-opts"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | sed -n '/^\.TP/{n;p}' |
	sed 's/\\-/-/g; s/^\.[A-Z]* //' | grep -oE -- '(^| )--?[a-zA-Z-]*' |
	tr -d ' ' | sort -u >"$TMP/man-opts"
[ "$(wc -l <"$TMP/man-opts")" -ge 10 ] ||
	{ echo "ERROR: cannot read the man page's OPTIONS" >&2; exit 1; }
check "options in the man page but not in --help" "" \
	"$(comm -23 "$TMP/man-opts" "$TMP/help-opts" | tr '\n' ' ')"
check "options in --help but not in the man page" "" \
	"$(comm -13 "$TMP/man-opts" "$TMP/help-opts" | tr '\n' ' ')"
echo "options compared: $(tr '\n' ' ' <"$TMP/help-opts")"

# Every long option in --help is known to the program (the parser does
# not answer "unknown option"); --help makes it exit before doing anything.
while read -r opt arg; do
	[ "$opt" = "--" ] && continue
	case $arg in
	"") val=() ;;
	MAP) val=(cumulative) ;;
	N | SECONDS) val=(1) ;;
	FILE) val=(/dev/null) ;;
	*) val=(x) ;;
	esac
	"$NETIFMSG" "$opt" "${val[@]}" --help >"$TMP/out" 2>"$TMP/err"
	rc=$?
	check "$opt ${val[*]} --help: prints the help" \
		"0 $(cat "$TMP/help")" "$rc $(cat "$TMP/out" "$TMP/err")"
done < <(sed 's/^ *//; s/^-[a-zA-Z], //; s/  .*//' "$TMP/optlines")

# --help wins over what is wrong in the words read (OPTIONS says so), over
# --version too, but not over a word that could not be read.
for words in "tap0 likn" "-n ''" "--trace --monitor" "--version" "-j -j" \
	"--config a --config a" "--from-level x"; do
	eval "set -- $words"
	"$NETIFMSG" --help "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	check "--help $words: prints the help" \
		"0 $(cat "$TMP/help")" "$rc $(cat "$TMP/out" "$TMP/err")"
done
for words in "--foo" "--for 0" "-n a -n b" "--config ''" "--driver ''" \
	"$(printf -- '--config x %.0s' $(seq 17))" "--json=1" "-link" \
	"--from-level" "--ifindex 0" "--level-map foo" "--config - --config -"; do
	eval "set -- $words"
	"$NETIFMSG" --help "$@" >"$TMP/out" 2>"$TMP/err"
	check "--help $words: the usage error" "2 0" "$? $(wc -c <"$TMP/out")"
done

finish
