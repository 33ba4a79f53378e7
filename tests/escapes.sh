#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Control bytes in interface names and user words (ESC sequences that
# would recolour, clear or retitle a terminal) never reach stdout or
# stderr raw: they are escaped as \xHH, and what text output shows of a
# name reads back as the same name, on the command line and in --batch.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

setup_ns 1

# ctl_bytes FILE: how many bytes of FILE are control bytes other than
# the newline (0x00-0x09, 0x0b-0x1f, 0x7f).
ctl_bytes() {
	LC_ALL=C tr -d '\n\040-\176\200-\377' <"$1" | wc -c | tr -d ' '
}

# check_clean NAME: neither stdout nor stderr of the last command holds
# a control byte.
check_clean() {
	check_eq "$1: no control byte on stdout" 0 "$(ctl_bytes "$OUT")"
	check_eq "$1: no control byte on stderr" 0 "$(ctl_bytes "$ERR")"
}

ESC=$'\x1b'
RED=$ESC'[31m'

# --- error messages: words and names with control bytes
# A raw '[' makes a pattern (INTERFACES): a name holding one quotes it.
check_rc "no such interface with ESC" 1 nm "nosuch${ESC}\\[2J"
check_clean "no such interface with ESC"
check_grep "no such interface with ESC: escaped" \
	'netifmsg: nosuch\x1b[2J: no such network interface' "$ERR"

check_rc "unknown class with an OSC title sequence" 2 nm tap0 "+${ESC}]0;pwned"$'\a'
check_clean "unknown class with OSC"
check_grep "unknown class with OSC: escaped" \
	"unknown message class '\\x1b]0;pwned\\x07'" "$ERR"

check_rc "bad number with DEL and CR" 2 nm tap0 $'0x1\x7f\r'
check_clean "bad number with DEL and CR"
# The CR is a blank, which separates CHANGE words.
check_grep "bad number with DEL and CR: escaped" "invalid number '0x1\\x7f'" "$ERR"

check_rc "netns name with ESC" 1 nm_here -n "ns${RED}" tap0
check_clean "netns name with ESC"
check_grep "netns name with ESC: escaped" 'netifmsg: ns\x1b[31m: no such network namespace' "$ERR"

check_rc "invalid interface name with ESC" 2 nm "a/${ESC}\\[31m"
check_clean "invalid interface name with ESC"
check_grep "invalid interface name with ESC: escaped" "'a/\\x1b[31m' is not a valid interface name" "$ERR"

check_rc "not UTF-8 on stderr" 1 nm $'\xff\xfe\x9b'
check_clean "not UTF-8 on stderr"
check_grep "not UTF-8 on stderr: every byte escaped" 'netifmsg: \xff\xfe\x9b: no such network interface' "$ERR"

check_rc "a C1 control (UTF-8) on stderr" 1 nm $'c\xc2\x9b'
check_grep "a C1 control on stderr: escaped" 'netifmsg: c\xc2\x9b: no such network interface' "$ERR"

check_rc "a bidirectional override (U+202E) on stderr" 1 nm $'rev\xe2\x80\xae0'
check_grep "a bidirectional override on stderr: escaped" \
	'netifmsg: rev\xe2\x80\xae0: no such network interface' "$ERR"

check_rc "UTF-8 stays readable" 1 nm $'caf\xc3\xa9'
check_grep "UTF-8 stays readable: raw" $'netifmsg: caf\xc3\xa9: no such network interface' "$ERR"

check_rc "a backslash is shown doubled" 1 nm 'x\\y'
check_grep "a backslash is shown doubled" 'netifmsg: x\\y: no such network interface' "$ERR"

# --batch: the file's name and its words
bad=$NIM_TMP/"b${RED}"
printf 'tap0 +drv\ntap0 +%s\n' "${RED}x" >"$bad"
check_rc "--batch: a bad word with ESC" 2 nm --batch "$bad"
check_clean "--batch: a bad word with ESC"
check_grep "--batch: file name and word escaped" \
	"b\\x1b[31m:2: unknown message class '\\x1b[31mx'" "$ERR"
check_rc "--batch: a file with ESC in its name that does not exist" 1 nm --batch "$bad.none"
check_clean "--batch: a missing file with ESC"
check_grep "--batch: missing file: escaped" 'b\x1b[31m.none: No such file or directory' "$ERR"
printf 'nosuch%s\\[31m +drv\n' "$ESC" >"$bad"
check_rc "--batch: a kernel error on a name with ESC" 1 nm --batch "$bad"
check_clean "--batch: a kernel error on a name with ESC"
check_grep "--batch: kernel error: escaped" ':1: nosuch\x1b[31m: no such network interface' "$ERR"

# --- an interface whose name holds ESC, DEL and a backslash
NAME="e${RED}\\"$'\x7f'
add_tap "$NAME" || fatal "cannot create a tap named with ESC"
SHOWN='e\x1b\[31m\\\x7f'
add_tap "-dash" || fatal "cannot create a tap named -dash"
add_tap "#hash" || fatal "cannot create a tap named #hash"
# One that would show as "tap0" (a zero-width space) and one whose
# override would print the rest of its line reversed.
add_tap $'tap\xe2\x80\x8b0' || fatal "cannot create a tap named with U+200B"
add_tap $'rev\xe2\x80\xae1' || fatal "cannot create a tap named with U+202E"
# A variation selector (U+FE0F) shows as nothing after a letter, a Hangul
# filler (U+3164) as a blank.  (A tag character cannot be in a name: each
# has the byte 0xa0, which the kernel takes for a space.)
add_tap $'vs\xef\xb8\x8f0' || fatal "cannot create a tap named with U+FE0F"
add_tap $'hf\xe3\x85\xa40' || fatal "cannot create a tap named with U+3164"
set_mask $'rev\xe2\x80\xae1' 0x4
set_mask "$NAME" 0x5

check_rc "show all with odd names" 0 nm
check_clean "show all with odd names"
check_grep "show all: the ESC name escaped" "$SHOWN: 0x00000005 drv link" "$OUT"
check_grep "show all: a first '-' escaped" '\-dash: 0x00000000 none' "$OUT"
check_grep "show all: a first '#' escaped" '\#hash: 0x00000000 none' "$OUT"
check_grep "show all: U+200B escaped" 'tap\xe2\x80\x8b0: 0x00000000 none' "$OUT"
check_grep "show all: U+202E escaped" 'rev\xe2\x80\xae1: 0x00000004 link' "$OUT"
check_grep "show all: U+FE0F escaped" 'vs\xef\xb8\x8f0: 0x00000000 none' "$OUT"
check_grep "show all: U+3164 escaped" 'hf\xe3\x85\xa40: 0x00000000 none' "$OUT"
cp "$OUT" "$NIM_TMP/all"

check_rc "show the ESC name by its escaped form" 0 nm "$SHOWN"
check_out "show the ESC name by its escaped form: the same line" "$SHOWN: 0x00000005 drv link"
# Raw bytes work too, but a backslash escapes: it must be doubled.
raw=${NAME//\\/\\\\}
check_rc "show the ESC name by its raw bytes" 0 nm -- "${raw//[/\\[}"
check_out "show the ESC name by its raw bytes: the same line" "$SHOWN: 0x00000005 drv link"
check_rc "change the ESC name by its escaped form" 0 nm -v "$SHOWN" +timer
check_clean "change -v the ESC name"
check_out "change -v the ESC name" "$SHOWN: 0x0000000d drv link timer (changed)"
check_mask "change the ESC name: ethtool reads it" "$NAME" 0xd
check_rc "an unknown class for the ESC name" 2 nm "$SHOWN" +nosuch
check_clean "an unknown class for the ESC name"

# Text output read back: a snapshot restores every interface.
sed 's/^\([^ ]*\): 0x[0-9a-f]* /\1 /' "$NIM_TMP/all" >"$NIM_TMP/snap"
set_mask "$NAME" 0
nm -- -dash 0x3 || fatal "cannot set -dash"
set_mask '#hash' 0x7
set_mask $'rev\xe2\x80\xae1' 0x0
check_rc "--batch of the text output (colons dropped)" 0 nm --batch "$NIM_TMP/snap"
check_clean "--batch of the text output"
check_mask "--batch of the text output: ESC name restored" "$NAME" 0x5
check_eq "--batch of the text output: -dash restored" 0x00000000 "$(nm -x -- -dash)"
check_mask "--batch of the text output: #hash restored" '#hash' 0
check_mask "--batch of the text output: U+202E name restored" $'rev\xe2\x80\xae1' 0x4
# Each name of the text output shows that line again (all restored).
while read -r line; do
	check_rc "show the name read from text output: ${line%%: *}" 0 nm "${line%%: *}"
	check_out "show the name read from text output: ${line%%: *}: its line" "$line"
done <"$NIM_TMP/all"

# A file is JSON only where it starts with '[' and '{' or ']', or '{'
# and '"' or '}': text output that starts with a name beginning with '{'
# (the first '{' escaped) and a first line that is a pattern in brackets
# are read as text.
add_tap '{"lan' || fatal 'cannot create a tap named {"lan'
set_mask '{"lan' 0x5
check_rc 'show {"lan' 0 nm '{"lan'
check_out 'show {"lan: the first { escaped' '\{"lan: 0x00000005 drv link'
cp "$OUT" "$NIM_TMP/brace"
set_mask '{"lan' 0
check_rc '--batch of the text output of {"lan' 0 nm --batch "$NIM_TMP/brace"
check_empty '--batch of the text output of {"lan: no error' "$ERR"
check_mask '--batch of the text output of {"lan: restored' '{"lan' 0x5
printf '[!a-z]"lan +timer\n' >"$NIM_TMP/bracket"
check_rc '--batch: a first line that is a pattern in brackets' 0 nm --batch "$NIM_TMP/bracket"
check_mask '--batch: a first line that is a pattern in brackets: applied' '{"lan' 0xd

# --monitor: lines and filters use the same escapes
"${NIM_WRAPPER[@]}" "$NETIFMSG" -n "$NS" --monitor "$SHOWN" >"$NIM_TMP/mon" 2>"$NIM_TMP/mon.err" &
mon=$!
sync_monitors "$NAME" "$NIM_TMP/mon"
kill -TERM "$mon"
wait "$mon"
check_eq "monitor of the ESC name: exit 0" 0 $?
check_grep "monitor of the ESC name: escaped lines" "$SHOWN: 0x0000000" "$NIM_TMP/mon"
check_eq "monitor: no control byte" 0 "$(ctl_bytes "$NIM_TMP/mon")"

finish
