#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every output format (text, -x, -N, -j, -q) of show one, show all,
# change -v, --decode, --from-level and --list; JSON escaping.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

NTAPS=5
setup_ns "$NTAPS"
have_json || fatal "neither python3 nor jq found (.ci/packages): JSON cannot be checked"

# --- show one
set_mask tap1 0x5
check_rc "show tap1" 0 nm tap1
check_out "show tap1: text" "tap1: 0x00000005 drv link"
check_rc "show -x tap1" 0 nm -x tap1
check_out "show -x tap1" "0x00000005"
check_rc "show --hex tap1" 0 nm --hex tap1
check_out "show --hex tap1" "0x00000005"
check_rc "show tap1 -x (option after IFACE)" 0 nm tap1 -x
check_out "show tap1 -x" "0x00000005"
check_rc "show -N tap1" 0 nm -N tap1
check_out "show -N tap1" "drv link"
check_rc "show --names tap1" 0 nm --names tap1
check_out "show --names tap1" "drv link"
check_rc "show -N tap0 (empty mask)" 0 nm -N tap0
check_out "show -N tap0" "none"
check_rc "show -j tap1" 0 nm -j tap1
check_json "show -j tap1" "[$(json_if tap1 0x5)]" "$OUT"
check_rc "show --json tap0" 0 nm --json tap0
check_json "show --json tap0" "[$(json_if tap0 0)]" "$OUT"
set_mask tap1 0x7fff
check_rc "show -j tap1 (all classes)" 0 nm -j tap1
check_json "show -j tap1 (all classes)" "[$(json_if tap1 0x7fff)]" "$OUT"
check_rc "show -q tap1" 0 nm -q tap1
check_empty "show -q tap1: no stdout" "$OUT"
check_empty "show -q tap1: no stderr" "$ERR"
check_rc "show -q nosuch0" 1 nm -q nosuch0
check_empty "show -q nosuch0: no stdout" "$OUT"
check_grep "show -q nosuch0: error still printed" "nosuch0: no such network interface" "$ERR"

# Feeding the names of the text output back as a change gives the same mask
set_mask tap3 0x1234
names=$(nm -N tap3)
set_mask tap3 0
# shellcheck disable=SC2086 # the names are separate words on purpose
check_rc "names of 0x1234 fed back as a change" 0 nm tap3 $names
check_mask "names of 0x1234 fed back: ethtool reads 0x1234" tap3 0x1234

# --- show all
masks=(0x0 0x5 0x7fff 0x1234 0x4000)
expected_text=
expected_hex=
expected_names=
expected_json=
for ((i = 0; i < NTAPS; i++)); do
	set_mask "tap$i" "${masks[i]}"
	expected_text+="$(show_line "tap$i" "${masks[i]}")"$'\n'
	expected_hex+="tap$i: $(hex "${masks[i]}")"$'\n'
	expected_names+="tap$i: $(mask_names "${masks[i]}")"$'\n'
	expected_json+=",$(json_if "tap$i" "${masks[i]}")"
done
check_rc "show all" 0 nm
sort -V "$OUT" >"$NIM_TMP/sorted"
check_file "show all: text" "${expected_text%$'\n'}" "$NIM_TMP/sorted"
check_rc "show all -x" 0 nm -x
sort "$OUT" >"$NIM_TMP/sorted"
check_file "show all -x: one 'IFACE: mask' a line" "$(sort <<<"${expected_hex%$'\n'}")" "$NIM_TMP/sorted"
check_rc "show all -N" 0 nm -N
sort "$OUT" >"$NIM_TMP/sorted"
check_file "show all -N: one 'IFACE: names' a line" "$(sort <<<"${expected_names%$'\n'}")" "$NIM_TMP/sorted"
check_rc "show all -j" 0 nm -j
check_json "show all -j: one array" "[${expected_json#,}]" "$OUT"
check_rc "show all -q" 0 nm -q
check_empty "show all -q: no stdout" "$OUT"

# --- change -v, -x, -N, -j, -q
set_mask tap2 0x0
check_rc "change tap2 link (no -v)" 0 nm tap2 link
check_empty "change tap2 link: no output" "$OUT"
set_mask tap2 0x0
check_rc "change -v tap2 link" 0 nm -v tap2 link
check_out "change -v tap2 link: (changed)" "tap2: 0x00000004 link (changed)"
check_rc "change -v tap2 link again" 0 nm -v tap2 link
check_out "change -v tap2 link again: (unchanged)" "tap2: 0x00000004 link (unchanged)"
check_rc "change tap2 +drv --verbose (option after IFACE)" 0 nm tap2 +drv --verbose
check_out "change tap2 +drv --verbose" "tap2: 0x00000005 drv link (changed)"
check_rc "change tap2 +drv -v (short option after IFACE)" 0 nm tap2 +drv -v
check_out "change tap2 +drv -v: (unchanged)" "tap2: 0x00000005 drv link (unchanged)"
check_rc "change -vx tap2 +timer" 0 nm -vx tap2 +timer
check_out "change -vx tap2 +timer" "0x0000000d"
check_rc "change -v -N tap2 -drv" 0 nm -v -N tap2 -drv
check_out "change -v -N tap2 -drv" "link timer"
check_rc "change -v -N tap2 none" 0 nm -v -N tap2 none
check_out "change -v -N tap2 none" "none"
check_mask "change -v -N tap2 none: ethtool reads 0" tap2 0
check_rc "change -j tap2 link" 0 nm -j tap2 link
check_json "change -j tap2 link: changed true" "[$(json_if tap2 0x4 true)]" "$OUT"
check_rc "change -j tap2 link again" 0 nm -j tap2 link
check_json "change -j tap2 link again: changed false" "[$(json_if tap2 0x4 false)]" "$OUT"
check_rc "change -jv tap2 +wol" 0 nm -jv tap2 +wol
check_json "change -jv tap2 +wol" "[$(json_if tap2 0x4004 true)]" "$OUT"
check_rc "change -q tap2 +probe" 0 nm -q tap2 +probe
check_empty "change -q tap2 +probe: no stdout" "$OUT"
check_empty "change -q tap2 +probe: no stderr" "$ERR"
check_mask "change -q tap2 +probe: applied" tap2 0x4006

# --- --decode (no kernel access)
check_rc "--decode +link -rx_err" 0 nm_here --decode +link -rx_err
check_out "--decode +link -rx_err" "0x00000004 link"
check_rc "--decode 0x1234" 0 nm_here --decode 0x1234
check_out "--decode 0x1234" "$(hex 0x1234) $(mask_names 0x1234)"
check_rc "--decode drv,probe hw" 0 nm_here --decode drv,probe hw
check_out "--decode drv,probe hw" "0x00002003 drv probe hw"
check_rc "--decode none" 0 nm_here --decode none
check_out "--decode none" "0x00000000 none"
check_rc "--decode all" 0 nm_here --decode all
check_out "--decode all" "$(hex 0x7fff) $(mask_names 0x7fff)"
check_rc "--decode bit20 (no name: bitN)" 0 nm_here --decode bit20
check_out "--decode bit20" "0x00100000 bit20"
check_rc "--decode 0xffffffff" 0 nm_here --decode 0xffffffff
check_out "--decode 0xffffffff" "0xffffffff $(mask_names 0xffffffff)"
check_rc "--decode -x link timer" 0 nm_here --decode -x link timer
check_out "--decode -x link timer" "0x0000000c"
check_rc "-x --decode link timer" 0 nm_here -x --decode link timer
check_out "-x --decode link timer" "0x0000000c"
check_rc "-N --decode 0x3" 0 nm_here -N --decode 0x3
check_out "-N --decode 0x3" "drv probe"
check_rc "-N --decode 0" 0 nm_here -N --decode 0
check_out "-N --decode 0" "none"
check_rc "-j --decode +link -rx_err" 0 nm_here -j --decode +link -rx_err
check_json "-j --decode +link -rx_err" '{"classes":["link"],"msg_enable":4}' "$OUT"
check_rc "-j --decode 0x80000001" 0 nm_here -j --decode 0x80000001
check_json "-j --decode 0x80000001" '{"classes":["drv","bit31"],"msg_enable":2147483649}' "$OUT"
check_rc "-q --decode link" 0 nm_here -q --decode link
check_empty "-q --decode link: no stdout" "$OUT"

# --- --from-level (no kernel access), every map and level
check_rc "--from-level 3" 0 nm_here --from-level 3
check_out "--from-level 3" "0x0000003f drv probe link timer ifdown ifup"
cumulative=(0x1 0x3 0xf 0x3f 0xff 0x3ff 0xfff 0x1fff)
exact=(0x1 0x2 0xc 0x30 0xc0 0x300 0xc00 0x1000)
for n in 0 1 2 3 4 5 6 7; do
	check_rc "--from-level $n" 0 nm_here --from-level "$n"
	check_out "--from-level $n (cumulative)" \
		"$(hex "${cumulative[n]}") $(mask_names "${cumulative[n]}")"
	check_rc "--level-map exact --from-level $n" 0 nm_here --level-map exact --from-level "$n"
	check_out "--level-map exact --from-level $n" \
		"$(hex "${exact[n]}") $(mask_names "${exact[n]}")"
done
# The old-level column of the test's own table agrees with the cumulative
# map: a precondition of the tests, not a check of netifmsg.
for n in 0 1 2 3 4 5 6 7; do
	m=0
	for ((b = 0; b < ${#NIM_CLASSES[@]}; b++)); do
		[ "${NIM_LEVELS[b]}" = - ] || [ "${NIM_LEVELS[b]}" -gt "$n" ] || m=$((m | 1 << b))
	done
	[ "$((m))" = "$((cumulative[n]))" ] ||
		fatal "test tables disagree: cumulative level $n is ${cumulative[n]}, NIM_LEVELS gives $(hex "$m")"
done
check_rc "--from-level=-1" 0 nm_here --from-level=-1
check_out "--from-level=-1" "0x00000000 none"
check_rc "--level-map exact --from-level=-5" 0 nm_here --level-map exact --from-level=-5
check_out "--level-map exact --from-level=-5" "0x00000000 none"
for n in 0 1 5 15 31; do
	m=$(((1 << n) - 1))
	check_rc "--level-map kernel --from-level $n" 0 nm_here --level-map kernel --from-level "$n"
	check_out "--level-map kernel --from-level $n" "$(hex "$m") $(mask_names "$m")"
done
check_rc "--from-level 3 -x" 0 nm_here --from-level 3 -x
check_out "--from-level 3 -x" "0x0000003f"
check_rc "-N --from-level 2" 0 nm_here -N --from-level 2
check_out "-N --from-level 2" "drv probe link timer"
check_rc "-j --from-level 3" 0 nm_here -j --from-level 3
check_json "-j --from-level 3" \
	'{"classes":["drv","probe","link","timer","ifdown","ifup"],"msg_enable":63}' "$OUT"

# change with --from-level and -v
set_mask tap3 0x4000
check_rc "change -v tap3 --from-level 3" 0 nm -v tap3 --from-level 3
check_out "change -v tap3 --from-level 3" "tap3: 0x0000003f drv probe link timer ifdown ifup (changed)"
check_rc "change -v -x tap3 --from-level 3 (again)" 0 nm -v -x tap3 --from-level 3
check_out "change -v -x tap3 --from-level 3" "0x0000003f"
check_rc "change -j tap3 --level-map exact --from-level 2" 0 nm -j tap3 --level-map exact --from-level 2
check_json "change -j tap3 --level-map exact --from-level 2" "[$(json_if tap3 0xc true)]" "$OUT"

# --- --list
check_rc "--list" 0 nm_here --list
check_lines "--list: header + 15 rows" 16 "$OUT"
check_egrep "--list: header" "^NAME +BIT +MASK +LEVEL\$" "$OUT"
check_eq "--list: exact header" "NAME       BIT  MASK    LEVEL" "$(head -n 1 "$OUT")"
check_egrep "--list: drv row" "^drv +0 +0x0001 +0\$" "$OUT"
check_grep "--list: exact drv row" "drv          0  0x0001  0" "$OUT"
expected=
for ((b = 0; b < ${#NIM_CLASSES[@]}; b++)); do
	expected+="${NIM_CLASSES[b]} $b $(printf '0x%04x' $((1 << b))) ${NIM_LEVELS[b]}"$'\n'
done
tail -n +2 "$OUT" | awk '{ print $1, $2, $3, $4 }' >"$NIM_TMP/rows"
check_file "--list: the 15 kernel classes, bits, masks, old levels" "${expected%$'\n'}" "$NIM_TMP/rows"
check_rc "--list -j" 0 nm_here --list -j
expected=
for ((b = 0; b < ${#NIM_CLASSES[@]}; b++)); do
	lvl=${NIM_LEVELS[b]}
	[ "$lvl" != - ] || lvl=null
	expected+=",{\"bit\":$b,\"mask\":$((1 << b)),\"name\":\"${NIM_CLASSES[b]}\",\"old_level\":$lvl}"
done
check_json "--list -j" "[${expected#,}]" "$OUT"
check_rc "--list -N" 0 nm_here --list -N
check_file "--list -N: the 15 names alone, one a line" "$(printf '%s\n' "${NIM_CLASSES[@]}")" "$OUT"
check_rc "--list -x: a usage error" 2 nm_here --list -x
check_grep "--list -x: says what to use" "--list takes no -x" "$ERR"

# --- -x and -N: the shape follows the form of the command, not how many
# interfaces happened to match (OUTPUT, "One line format")
set_mask tap1 0x5
check_rc "show -x 'tap[1]' (a pattern that selects one)" 0 nm -x 'tap[1]'
check_out "show -x 'tap[1]': named all the same" "tap1: 0x00000005"
check_rc "show -N 'tap1*' (a pattern that selects one)" 0 nm -N 'tap1*'
check_out "show -N 'tap1*': named all the same" "tap1: drv link"
check_rc "change -v -x 'tap[1]' +timer" 0 nm -v -x 'tap[1]' +timer
check_out "change -v -x 'tap[1]' +timer: named" "tap1: 0x0000000d"
check_rc "change -N 'tap[1]' -timer (no -v)" 0 nm -N 'tap[1]' -timer
check_out "change -N 'tap[1]' -timer: named" "tap1: drv link"
check_rc "change -x tap1 +timer (one named interface)" 0 nm -x tap1 +timer
check_out "change -x tap1 +timer: the mask alone" "0x0000000d"
check_rc "-x --batch of one line" 0 nm -x --batch <(echo tap1)
check_out "-x --batch of one line: named" "tap1: 0x0000000d"

# --- JSON escaping of interface names
# The kernel accepts '"' and '\' in interface names (dev_valid_name only
# rejects '/', ':', whitespace, "." and ".."), so a real tap can have them.
weird='a"b\c'
if add_tap "$weird"; then
	set_mask "$weird" 0x5
	idx=$(ifindex_of "$weird")
	# A backslash in IFACE escapes (netifmsg(8), ESCAPES): give it as \\.
	check_rc "show the tap named $weird (text)" 0 nm 'a"b\\c'
	check_out "show $weird: text, backslash escaped" 'a"b\\c: 0x00000005 drv link'
	check_rc "show -j the tap named $weird" 0 nm -j 'a"b\\c'
	check_json "show -j $weird: escaped" \
		"[{\"classes\":[\"drv\",\"link\"],\"ifindex\":$idx,\"ifname\":\"a\\\"b\\\\c\",\"msg_enable\":5}]" "$OUT"
	check_grep "show -j $weird: raw escaping" '"ifname":"a\"b\\c"' "$OUT"
	if [ "$NIM_JSON" = python3 ]; then
		got=$("$NIM_PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["ifname"])' "$OUT" 2>&1)
		check_eq "show -j $weird: name round-trips" "$weird" "$got"
		# the parsed name works as IFACE again, its backslash doubled
		check_rc "change by the name parsed from JSON" 0 nm "${got//\\/\\\\}" +timer
		check_mask "change by the parsed name: applied" "$weird" 0xd
	elif [ "$NIM_JSON" = jq ]; then
		got=$(jq -r '.[0].ifname' "$OUT" 2>&1)
		check_eq "show -j $weird: name round-trips" "$weird" "$got"
	fi
	check_rc "show all -j with $weird" 0 nm -j
	check_egrep "show all -j with $weird: one line" "^\[.*\]\$" "$OUT"
	check_json_valid "show all -j with $weird: valid JSON" "$OUT"
	check_rc "change -v -j $weird +drv (unchanged)" 0 nm -v -j 'a"b\\c' +drv
	check_grep "change -j $weird: escaped name" '"ifname":"a\"b\\c"' "$OUT"
	check_json_valid "change -j $weird: valid JSON" "$OUT"
else
	fatal "the kernel rejected the interface name $weird"
fi

# --- A show that fails says so before its -j array too, as a change does
# (JSON in netifmsg(8)): where stdout and stderr share a terminal or a
# log, the message comes first and the array ("[]", or what came) last.
nl=$'\n'
for args in "tap9|netifmsg: tap9: no such network interface" \
	"nomatch*|netifmsg: no interface with a message level matches 'nomatch*'" \
	"+link|netifmsg: +link: no such network interface (IFACE comes first; to change every interface: netifmsg '*' +link)"; do
	nm -j "${args%%|*}" >"$OUT" 2>&1
	check_eq "-j ${args%%|*} (fails): exit status 1" 1 "$?"
	check_file "-j ${args%%|*}, stdout and stderr on one file: the message, then []" \
		"${args#*|}${nl}[]" "$OUT"
done
# So does one that cannot enter its namespace, a show or a change.
for args in "" "+link"; do
	# shellcheck disable=SC2086 # no word or one
	nm_here -j -n "nosuchns-$$" tap0 $args >"$OUT" 2>&1
	check_eq "-j -n NOSUCH tap0 $args: exit status 1" 1 "$?"
	check_file "-j -n NOSUCH tap0 $args: the message, then []" \
		"netifmsg: nosuchns-$$: no such network namespace${nl}[]" "$OUT"
done

# --- A message about one of many interfaces comes before the -j array, not
# inside it: where stdout and stderr share a terminal or a log, the array
# stays one line, also one longer than the 16 KiB output buffer.
command -v strace >/dev/null 2>&1 || missing strace strace
# gone_meanwhile PATTERN IFACE N: netifmsg --ioctl -j PATTERN +drv, which
# strace stops after its walk of the interfaces, at its first request,
# while IFACE goes away: IFACE's message first, then the array of the N
# others, whole.
gone_meanwhile() {
	local n pid d what="-j '$1' +drv, $2 gone" devs=() ok=0

	for d in $(ip -n "$NS" -o link show | awk -F': ' '{ print $2 }'); do
		# shellcheck disable=SC2053 # $1 is a pattern
		[[ $d == $1 ]] && [ "$d" != "$2" ] && devs+=("$d") && set_mask "$d" 0
	done
	[ "${#devs[@]}" = "$3" ] || fatal "$1: ${#devs[@]} interfaces, not $3"
	no_lsan \
		ip netns exec "$NS" strace -qq -o "$NIM_TMP/walk" -e trace=ioctl -- "$NETIFMSG" --ioctl >/dev/null ||
		fatal "--ioctl show all under strace failed"
	n=$(($(grep -c '^ioctl' "$NIM_TMP/walk") + 1))
	: >"$NIM_TMP/strace"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace=ioctl \
		-e inject=ioctl:signal=SIGSTOP:when="$n" -- \
		"$NETIFMSG" --ioctl -j "$1" +drv >"$OUT" 2>&1 &
	pid=$!
	wait_for "$NIM_TMP/strace" 'stopped by SIGSTOP' || fatal "strace did not stop netifmsg"
	ip -n "$NS" link del "$2" || fatal "cannot delete $2"
	kill -CONT "$(pgrep -P "$pid")"
	wait "$pid"
	check_eq "$what meanwhile: exit status 1" 1 "$?"
	check_eq "$what: its message first, a line of its own" \
		"netifmsg: $2: no such network interface" "$(head -n 1 "$OUT")"
	check_egrep "$what: then the array of the $3 others, whole" \
		"^\\[(\\{[^}]*\\},){$(($3 - 1))}\\{[^}]*\\}\\]\$" "$OUT"
	check_lines "$what: two lines" 2 "$OUT"
	check_eq "$what: the $3 others said changed to drv" "$3" \
		"$(grep -o '"msg_enable":1,"classes":\["drv"\],"changed":true}' "$OUT" | wc -l)"
	for d in "${devs[@]}"; do
		[ "$(ethtool_mask "$d")" = 0x00000001 ] && ok=$((ok + 1))
	done
	check_eq "$what: the $3 others have drv (ethtool)" "$3" "$ok"
}
gone_meanwhile 'tap[0-3]' tap1 3
# About 85 bytes an interface: 259 of them are over 16 KiB.
for ((i = 0; i < 260; i++)); do
	printf 'tuntap add dev big%03d mode tap\n' "$i"
done | ip -n "$NS" -batch - || fatal "creating 260 more taps failed"
gone_meanwhile 'big*' big259 259

finish
