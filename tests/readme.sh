#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The README's examples are true: every command of its "Examples" section
# runs, in order, in a private network namespace with tap0 and tap1, with
# the program under test in place of `netifmsg`, and prints exactly the
# lines shown under it (stdout and stderr together).
#
# The commands are taken from the README itself, so the two cannot drift.
# In that section, a line of four spaces and `$ ` or `# ` (the prompt) is a
# command; the lines indented by four spaces right after it are its
# expected output; anything else ends the example.  An indented line that
# is neither (a command without its prompt) fails: every example of the
# section runs.  The exit status must be 0, unless the command ends in a
# comment "exit status N".  The kernel log records a --trace prints
# ("[ seconds] ..." lines) are not compared: the log is global.  As the
# section says, commands after `$` need no privilege and those after `#`
# need root: a `$` command runs as uid 65534 without capabilities, and a
# `#` command is first run so too, where it must fail (nothing changes:
# that user cannot change a mask), before it runs as root.  And the
# packages the tests need are those the README says to install, and the
# Quick start's `make demo` behaves as it expects.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

README=${top_srcdir:-$(dirname "$0")/..}/README
[ -r "$README" ] || fatal "$README not found"

# The lines of the Examples section: from its title to the underline of
# the next title.
mapfile -t lines < <(awk '
	/^Examples$/ { on = 1; getline; next }
	on && /^-+$/ { exit }
	on' "$README")
[ "${#lines[@]}" -gt 0 ] || fatal "no Examples section in $README"

# The section says how to make its namespace and taps, so that a reader
# can follow it: its prose names, in backquotes, `ip netns add try`, an
# `ip -n try ...` command for each tap, and `ip netns exec try bash`.
# The test's namespace stands for try: setup_ns makes it, each
# `ip -n try` command runs in it as written, and every example below
# runs in it as in that shell.
setup_ns 0
mapfile -t setup < <(printf '%s\n' "${lines[@]}" | grep -v '^    ' |
	tr '\n' ' ' | grep -o '`ip [^`]*try[^`]*`' | tr -d '`')
made=0
for c in "${setup[@]}"; do
	case $c in
	'ip netns add try' | 'ip netns exec try bash')
		made=$((made + 1))
		;;
	'ip -n try '*)
		read -r -a w <<<"${c#ip -n try }"
		check_rc "README: '$c' makes a tap" 0 ip -n "$NS" "${w[@]}"
		;;
	*)
		fail "README: '$c' is a command that makes the examples' taps" \
			"an unknown setup command: teach tests/readme.sh"
		;;
	esac
done
for t in tap0 tap1; do
	if ip -n "$NS" link show "$t" >/dev/null 2>&1; then
		pass "README: its setup commands make $t"
	else
		fail "README: the Examples say how to make $t" \
			"no \`ip -n try ...\` command of the section made it"
	fi
done
check_eq "README: the Examples say how to make and enter the namespace" \
	2 "$made"
# The tap driver has message levels since about Linux 5.7.
! ip -n "$NS" link show tap0 >/dev/null 2>&1 ||
	et tap0 | grep -q 'Current message level:' ||
	skip "the tap driver of this kernel ($(uname -r)) has no message level"
command -v setpriv >/dev/null 2>&1 || missing setpriv util-linux
# The directory where commands run as uid 65534 (and, for a --coverage
# build, write their .gcda files: see privileges.sh).
NOBODY=$NIM_TMP/nobody
mkdir -m 1777 "$NOBODY" && chmod 755 "$NIM_TMP" || fatal "cannot make $NOBODY"

NEXAMPLES=0
cmd=
prompt=
want=()

# ex WHO: run $cmd in the namespace, netifmsg being a shell function that
# calls the program under test (through the wrapper, if any), as root or
# (WHO nobody) as uid 65534 without capabilities; stdout and stderr
# together.
# setpriv itself starts the program: it can still reach it in a build
# directory only root may enter (CI's mktemp -d), as a shell of uid
# 65534 could not.
ex() {
	local as='' dir=$NIM_TMP
	if [ "$1" = nobody ]; then
		as="env GCOV_PREFIX=$NOBODY setpriv --reuid=65534 --regid=65534"
		as+=" --clear-groups --inh-caps=-all --bounding-set=-all"
		dir=$NOBODY
	fi
	# shellcheck disable=SC2016 # expanded by the inner shell
	ip netns exec "$NS" \
		env NETIFMSG="$NETIFMSG" NIM_WRAPPER="${NIM_WRAPPER[*]}" AS="$as" \
		bash -c 'cd "$2" || exit 99
			netifmsg() { ${AS} ${NIM_WRAPPER} "$NETIFMSG" "$@"; }
			eval "$1" 2>&1' readme "$cmd" "$dir" </dev/null
}

# run_example: run $cmd (see ex and the header), and compare its output
# and exit status with $want and the README's comment.
run_example() {
	local rc=0 expected
	NEXAMPLES=$((NEXAMPLES + 1))
	if [[ $cmd =~ exit\ status\ ([0-9]+)$ ]]; then
		rc=${BASH_REMATCH[1]}
	fi
	if [[ $cmd == *'| jq '* ]] && ! command -v jq >/dev/null 2>&1; then
		missing jq jq
	fi
	expected=$(printf '%s\n' "${want[@]}")
	if [ "$prompt" = '$' ]; then
		check_rc "$cmd" "$rc" ex nobody
	else
		if ex nobody >"$OUT" 2>&1; then
			fail "$cmd: needs root, as its # says" \
				"as uid 65534 it succeeded; output:" "$(cat "$OUT")"
		else
			pass "$cmd: needs root, as its # says"
		fi
		check_rc "$cmd" "$rc" ex root
	fi
	if [[ $cmd == *--trace* ]]; then
		grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' "$OUT" >"$OUT.new"
		mv "$OUT.new" "$OUT"
	fi
	check_out "$cmd: output" "$expected"
}

# flush: run the example collected so far, if any.
flush() {
	[ -z "$cmd" ] || run_example
	cmd=
	prompt=
	want=()
}

for line in "${lines[@]}"; do
	case $line in
	'    $ '* | '    # '*)
		flush
		prompt=${line:4:1}
		cmd=${line:6}
		;;
	'    '*)
		if [ -n "$cmd" ]; then
			want+=("${line:4}")
		else
			fail "README: every example runs: '${line:4}'" \
				"no prompt (\$ or #) begins it, and it is no" \
				"command's output: it is not run"
		fi
		;;
	*)
		flush
		;;
	esac
done
flush

# A README whose examples the loop above cannot find must not pass.
if [ "$NEXAMPLES" -ge 10 ]; then
	pass "README: $NEXAMPLES examples found"
else
	fail "README: at least 10 examples in the Examples section" \
		"found $NEXAMPLES"
fi

# The packages the tests need (each 'missing TOOL PACKAGE' of tests/*.sh,
# and the man page lint's of manlint.sh and help.sh) are in the Quick
# start's apt-get line, after which it says to run 'sudo make check', and
# in the dependencies of "Building by hand".
T=${top_srcdir:-$(dirname "$0")/..}/tests
pkgs=$( { sed -n 's/.*missing [a-z0-9.+-]* \([a-z0-9.+-]*\)$/\1/p' "$T"/*.sh
	echo mandoc groff-base man-db bsdextrautils; } | tr ' ' '\n' | sort -u)
section() {
	awk -v t="$1" '$0 == t { on = 1; getline; next } on && /^-+$/ { exit } on' \
		"$README" | tr -s ' ,;()' '\n'
}
for s in "Quick start" "Building by hand"; do
	words=$(section "$s")
	for p in $pkgs; do
		if grep -qx -- "$p" <<<"$words"; then
			pass "README, $s: names $p"
		else
			fail "README, $s: names $p (needed by the tests)" "not named"
		fi
	done
done

# The Quick start ends in `sudo make demo`: the guided tour runs, every
# step as it expects, and removes its namespace (contrib/demo.sh checks
# each step's exit status, and its output where it shows one to expect,
# and says so on its last line).
DEMO=${top_srcdir:-$(dirname "$0")/..}/contrib/demo.sh
check_rc "Quick start: make demo" 0 env NETIFMSG="$NETIFMSG" bash "$DEMO"
check_eq "Quick start: make demo: every step as expected" \
	"demo: all steps behaved as expected; namespace netifmsg-demo-" \
	"$(tail -n 1 "$OUT" | sed 's/netifmsg-demo-[0-9]* removed$/netifmsg-demo-/')"

# README is the short way in, netifmsg(8) the reference (issue 15).
n=$(wc -l <"$README")
if [ "$n" -lt 250 ]; then
	pass "README: $n lines, under 250"
else
	fail "README: under 250 lines (netifmsg(8) is the reference)" "$n lines"
fi

finish
