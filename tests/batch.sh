#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# --batch: 2000-line files over 1000 taps (absolute, relative and old-level
# lines, with and without --force) leave every tap exactly as the file
# says; a failing line stops the batch without --force and not with it; a
# syntax error anywhere changes nothing; line numbers in messages; stdin;
# -v, -j and -x output; -n NETNS; one socket for the whole file.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

NTAPS=1000
not_here tap3
setup_ns "$NTAPS"

SEED=${NIM_SEED:-$$}
RANDOM=$SEED
echo "random seed: $SEED (NIM_SEED=$SEED reruns this test)"

CUMULATIVE=(0x1 0x3 0xf 0x3f 0xff 0x3ff 0xfff 0x1fff)
declare -a EXP	# what each tap's mask must be

# rand_word: a random +/- word; sets W and applies it to EXP[$1].
rand_rel() {
	local i=$1 k=$((RANDOM % 15)) sign=$((RANDOM % 2))
	if ((sign)); then
		W="+${NIM_CLASSES[k]}"
		EXP[i]=$((EXP[i] | (1 << k)))
	else
		W="-${NIM_CLASSES[k]}"
		EXP[i]=$((EXP[i] & ~(1 << k)))
	fi
}

# gen_line I: one random line for tap I, and its effect on EXP[I].
gen_line() {
	local i=$1 v lvl w1 w2
	case $((RANDOM % 8)) in
	0 | 1)
		v=$((RANDOM & 0x7fff))
		printf -v LINE 'tap%d 0x%x' "$i" "$v"
		EXP[i]=$v ;;
	2)
		v=$(((1 << (RANDOM % 15)) | (1 << (RANDOM % 15))))
		mask_names_to w1 "$v"
		LINE="tap$i ${w1// /,}"
		EXP[i]=$v ;;
	3)
		lvl=$((RANDOM % 9 - 1))
		LINE="tap$i --from-level $lvl"
		if ((lvl < 0)); then EXP[i]=0; else EXP[i]=$((CUMULATIVE[lvl])); fi ;;
	4)
		LINE="tap$i none"
		EXP[i]=0 ;;
	*)
		rand_rel "$i"; w1=$W
		rand_rel "$i"; w2=$W
		if ((RANDOM % 2)); then
			LINE="tap$i $w1 $w2"
		else
			LINE="tap$i $w1,$w2"
		fi ;;
	esac
}

# gen_file FILE: 2000 lines: every tap once with an absolute value (so
# where it starts does not matter), then 1000 more lines of any kind on
# random taps, with comments and blank lines in between.
gen_file() {
	local i n
	{
		echo "# $NTAPS taps, 2000 lines"
		for ((i = 0; i < NTAPS; i++)); do
			v=$((RANDOM & 0x7fff))
			printf 'tap%d 0x%x\n' "$i" "$v"
			EXP[i]=$v
		done
		echo
		for ((n = 0; n < 1000; n++)); do
			i=$((RANDOM % NTAPS))
			gen_line "$i"
			echo "$LINE"
			((n % 100)) || echo "  # line $n of the second part"
		done
	} >"$1"
}

# check_all NAME: netifmsg's show-all (one dump) has every tap as EXP
# says, and ethtool agrees for 20 of them.
check_all() {
	local i bad=0 want first=
	nm >"$NIM_TMP/all" || fatal "show-all failed"
	check_lines "$1: show-all lists $NTAPS taps" "$NTAPS" "$NIM_TMP/all"
	declare -A got
	while read -r name mask _; do
		got[${name%:}]=$mask
	done <"$NIM_TMP/all"
	for ((i = 0; i < NTAPS; i++)); do
		hex_to want "${EXP[i]}"
		if [ "${got[tap$i]:-}" != "$want" ]; then
			bad=$((bad + 1))
			[ -n "$first" ] || first="tap$i: expected $want, got '${got[tap$i]:-}'"
		fi
	done
	check_eq "$1: every tap's mask is what the file says (netifmsg)" "0 wrong" "$bad wrong${first:+ (first: $first)}"
	for ((n = 0; n < 20; n++)); do
		i=$(((n * 997 + RANDOM) % NTAPS))
		check_mask "$1: ethtool reads tap$i" "tap$i" "${EXP[i]}"
	done
}

# timed NAME ARGS...: check_rc NAME 0 nm ARGS, printing the wall time.
timed() {
	local name=$1 t0 t1
	shift
	t0=$(date +%s%N)
	check_rc "$name" 0 nm "$@"
	t1=$(date +%s%N)
	echo "time: $name: $(((t1 - t0) / 1000000)) ms (includes ip netns exec)"
}

# --- 2000 lines, stop-at-failure mode (one request in flight)
BIG=$NIM_TMP/big
gen_file "$BIG"
check_eq "the generated file has 2000 change lines" 2000 "$(grep -c '^tap' "$BIG")"
timed "--batch 2000 lines" --batch "$BIG"
check_empty "--batch 2000 lines: no stdout" "$OUT"
check_empty "--batch 2000 lines: no stderr" "$ERR"
check_all "--batch"

# --- 2000 other lines with --force (a window of requests in flight)
gen_file "$BIG"
timed "-f --batch 2000 lines" -f --batch "$BIG"
check_empty "-f --batch 2000 lines: no stderr" "$ERR"
check_all "-f --batch"

# --- and with -v: every line's resulting state, in file order
gen_file "$BIG"
check_rc "-v -f --batch 2000 lines" 0 nm -v -f --batch "$BIG"
check_lines "-v -f --batch: one line per change line" 2000 "$OUT"
check_all "-v -f --batch"

# One socket and one family lookup for the whole file.
if command -v strace >/dev/null 2>&1; then
	ip netns exec "$NS" strace -f -qq -e trace=socket -o "$NIM_TMP/strace" \
		"$NETIFMSG" -f --batch "$BIG" >/dev/null 2>&1
	check_eq "-f --batch 2000 lines: one socket" 1 \
		"$(grep -c 'socket(AF_NETLINK' "$NIM_TMP/strace")"
	# /^recvmmsg: 32-bit glibc calls recvmmsg_time64.
	ip netns exec "$NS" strace -f -qq -o "$NIM_TMP/strace" \
		-e trace=sendto,sendmsg,recvfrom,recvmsg,/^recvmmsg \
		"$NETIFMSG" -f --batch "$BIG" >/dev/null 2>&1
	n=$(grep -c '^[0-9]* *send' "$NIM_TMP/strace")
	if ((n > 1 && n <= 1 + 2000 / 16)); then
		pass "-f --batch 2000 lines: requests go out in groups ($n sends)"
	else
		fail "-f --batch 2000 lines: requests go out in groups" "$n sends"
	fi
	n=$(grep -c '^[0-9]* *recv' "$NIM_TMP/strace")
	if ((n > 1 && n <= 1 + 2000 / 16)); then
		pass "-f --batch 2000 lines: answers are read in groups ($n receives)"
	else
		fail "-f --batch 2000 lines: answers are read in groups" "$n receives"
	fi
else
	missing strace strace
fi

# --- a failing line in the middle
# set_all MASK DEV...: give each DEV MASK with one batch.
set_all() {
	local m=$1 d
	shift
	for d in "$@"; do
		echo "$d $m"
	done | nm --batch - || fatal "set_all failed"
}
FAILF=$NIM_TMP/fail
{
	echo "# one line fails"
	echo
	for i in 0 1 2 3; do echo "tap$i 0x11"; done
	echo "nosuch0 +link"	# line 7
	for i in 4 5 6 7; do echo "tap$i 0x11"; done
} >"$FAILF"
DEVS=(tap0 tap1 tap2 tap3 tap4 tap5 tap6 tap7)
set_all 0x0 "${DEVS[@]}"
check_rc "--batch with a failing line 7" 1 nm --batch "$FAILF"
check_file "--batch with a failing line 7: messages" \
"netifmsg: $FAILF:7: nosuch0: no such network interface
netifmsg: $FAILF:7: stopped at the failed line: 4 more lines not sent (use -f to go on)" "$ERR"
for i in 0 1 2 3; do
	check_mask "--batch failing line 7: tap$i (before it) applied" "tap$i" 0x11
done
for i in 4 5 6 7; do
	check_mask "--batch failing line 7: tap$i (after it) not applied" "tap$i" 0x0
done

set_all 0x0 "${DEVS[@]}"
check_rc "-f --batch with a failing line 7" 1 nm -f --batch "$FAILF"
check_file "-f --batch with a failing line 7: message" \
	"netifmsg: $FAILF:7: nosuch0: no such network interface" "$ERR"
for i in 0 1 2 3 4 5 6 7; do
	check_mask "-f --batch failing line 7: tap$i applied" "tap$i" 0x11
done

# Several failures with --force, each with its own line number; -v.
set_all 0x0 tap0 tap1
printf 'tap0 +drv\nlo +link\ntap1 link\nnosuch1 none\ntap0 +probe\n' >"$NIM_TMP/f2"
check_rc "-v -f --batch: lines 2 and 4 fail" 1 nm -v -f --batch "$NIM_TMP/f2"
check_file "-v -f --batch: lines 2 and 4 fail: messages" \
"netifmsg: $NIM_TMP/f2:2: lo: the driver has no message level
netifmsg: $NIM_TMP/f2:4: nosuch1: no such network interface" "$ERR"
check_out "-v -f --batch: the other lines' states" \
"$(show_line tap0 0x1) (changed)
$(show_line tap1 0x4) (changed)
$(show_line tap0 0x3) (changed)"

# --- a syntax error anywhere changes nothing
set_all 0x5 tap0 tap1 tap2
# syntax_error NAME EXIT MESSAGE LINES...: the file of LINES is refused
# with MESSAGE (exactly, as the only stderr line) and nothing changes.
syntax_error() {
	local name=$1 msg=$2 f=$NIM_TMP/syntax
	shift 2
	printf '%s\n' "$@" >"$f"
	check_rc "--batch, $name" 2 nm -f --batch "$f"
	check_file "--batch, $name: message" "netifmsg: $f:$msg" "$ERR"
	check_empty "--batch, $name: no stdout" "$OUT"
	for d in tap0 tap1 tap2; do
		check_mask "--batch, $name: $d unchanged" "$d" 0x5
	done
}
syntax_error "unknown class on the last line" \
	"5: unknown message class 'likn' (did you mean 'link'?); see 'netifmsg --list'" \
	"tap0 +probe" "# comment" "" "tap1 none" "tap2 +likn"
syntax_error "bad number in the middle" "2: invalid number '0x'" \
	"tap0 none" "tap1 0x" "tap2 none"
syntax_error "bits 15-31" \
	"3: tap2: bits 15-31 (0x00010000) cannot be set over netlink: the kernel's message-level bitset has only 15 bits (--ioctl can set them)" \
	"tap0 none" "tap1 none" "tap2 +bit16"
syntax_error "an option that belongs on the command line" \
	"1: option '-v' cannot be used in a batch line (only --from-level, --level-map and --driver can)" \
	"tap0 none -v" "tap1 none"
syntax_error "level out of range" \
	"2: level 8 is out of range for the cumulative map (use -1..7; negative means no messages); --level-map kernel reads it as a driver's debug=8 does" \
	"tap0 none" "tap1 --from-level 8"
syntax_error "no interface" "2: a batch line must start with an interface name" \
	"tap0 none" "--from-level 3"

# --- standard input, the example of the issue
set_all 0x0 tap0
set_all 0x5 tap1
check_rc "printf 'tap0 +link\\ntap1 none\\n' | netifmsg --batch -" 0 \
	bash -c "printf 'tap0 +link\ntap1 none\n' | ip netns exec '$NS' '$NETIFMSG' --batch -"
check_mask "--batch -: tap0 +link applied" tap0 0x4
check_mask "--batch -: tap1 none applied" tap1 0x0
printf 'tap0 likn\n' >"$NIM_TMP/in"
check_rc "--batch - with a syntax error" 2 nm --batch - <"$NIM_TMP/in"
check_grep "--batch -: <stdin> in the message" "netifmsg: <stdin>:1: unknown message class" "$ERR"

# --- a JSON snapshot under a comment is text: said, nothing changed
set_all 0x0 tap0
{ echo '# saved'; ip netns exec "$NS" "$NETIFMSG" -j tap0 +link; } >"$NIM_TMP/snap"
set_all 0x0 tap0
check_rc "--batch: JSON after a comment" 2 nm --batch "$NIM_TMP/snap"
check_grep "--batch: JSON after a comment: the line" \
	"snap:2: '[{\"ifname\":\"tap0\"," "$ERR"
check_grep "--batch: JSON after a comment: the hint" \
	"' is not a valid interface pattern (JSON is read only where the file starts with '[' or '{')" "$ERR"
check_mask "--batch: JSON after a comment: nothing changed" tap0 0x0
printf '[a:b] 1\n' >"$NIM_TMP/in"
check_rc "--batch: a bad pattern that is no JSON" 2 nm --batch - <"$NIM_TMP/in"
check_file "--batch: a bad pattern that is no JSON: no JSON hint" \
	"netifmsg: <stdin>:1: '[a:b]' is not a valid interface pattern" "$ERR"
# JSON as "jq ." prints it, under a comment: "[" and "{" read as
# patterns, and the first bad line, which starts like no JSON, says why
set_all 0x0 tap0
printf '# saved\n[\n  {\n    "ifname": "tap0",\n    "msg_enable": 4\n  }\n]\n' \
	>"$NIM_TMP/pretty"
check_rc "--batch: pretty JSON after a comment" 2 nm --batch "$NIM_TMP/pretty"
check_file "--batch: pretty JSON after a comment: the line and the hint" \
	"netifmsg: $NIM_TMP/pretty:4: empty message class in '\"tap0\",' (JSON is read only where the file starts with '[' or '{')" "$ERR"
check_mask "--batch: pretty JSON after a comment: nothing changed" tap0 0x0

# --- output: show lines, -v, -j, -x; --level-map on the command line
set_all 0x0 tap0 tap1 tap2
printf 'tap0 0x5\ntap1 +link\ntap2\ntap0 0x5\ntap1 --from-level 3\n' >"$NIM_TMP/out"
check_rc "--batch: show line prints, changes do not" 0 nm --batch "$NIM_TMP/out"
check_out "--batch: show line prints, changes do not" "$(show_line tap2 0x0)"
set_all 0x0 tap0 tap1 tap2
check_rc "-v --batch" 0 nm -v --batch "$NIM_TMP/out"
check_out "-v --batch: each line's state" \
"$(show_line tap0 0x5) (changed)
$(show_line tap1 0x4) (changed)
$(show_line tap2 0x0)
$(show_line tap0 0x5) (unchanged)
$(show_line tap1 0x3f) (changed)"
set_all 0x0 tap0 tap1 tap2
check_rc "-x --batch" 0 nm -x --batch "$NIM_TMP/out"
check_out "-x --batch: each line's 'IFACE: mask'" "tap0: 0x00000005
tap1: 0x00000004
tap2: 0x00000000
tap0: 0x00000005
tap1: 0x0000003f"
set_all 0x0 tap0 tap1 tap2
check_rc "-j --batch" 0 nm -j --batch "$NIM_TMP/out"
check_lines "-j --batch: one JSON object per line" 5 "$OUT"
mapfile -t objs <"$OUT"
wants=("$(json_if tap0 0x5 true)" "$(json_if tap1 0x4 true)" "$(json_if tap2 0x0)"
	"$(json_if tap0 0x5 false)" "$(json_if tap1 0x3f true)")
for i in 0 1 2 3 4; do
	printf '%s\n' "${objs[i]:-}" >"$NIM_TMP/obj"
	check_json "-j --batch: line $((i + 1))" "${wants[i]}" "$NIM_TMP/obj"
done
check_rc "--level-map exact --batch: the default map of the lines" 0 \
	nm --level-map exact --batch "$NIM_TMP/out"
check_mask "--level-map exact --batch: tap1 from exact level 3" tap1 0x30
check_rc "-q --batch: nothing printed" 0 nm -q --batch "$NIM_TMP/out"
check_empty "-q --batch: nothing printed" "$OUT"
check_mask "-q --batch: the lines made (tap1 from cumulative level 3)" tap1 0x3f

# --- -n NETNS from the initial namespace
set_all 0x0 tap3
printf 'tap3 +wol\n' >"$NIM_TMP/ns"
check_rc "-n NS --batch" 0 nm_here -n "$NS" --batch "$NIM_TMP/ns"
check_mask "-n NS --batch: applied" tap3 0x4000

# --- standard output cannot be written: the lines are still run
set_mask tap0 0x1
set_mask tap1 0x1
printf 'tap0 +link\ntap1 -drv\n' >"$NIM_TMP/full"
nm -v --batch "$NIM_TMP/full" >/dev/full 2>"$NIM_TMP/full.err"
check_eq "-v --batch >/dev/full: exit status" 1 "$?"
check_file "-v --batch >/dev/full: message" \
	"netifmsg: write error: No space left on device" "$NIM_TMP/full.err"
check_mask "-v --batch >/dev/full: line 1 made" tap0 0x5
check_mask "-v --batch >/dev/full: line 2 made" tap1 0x0

# A pipe closed early (`| grep -q`, `| head`) must not stop a batch
# halfway, as SIGPIPE would: every line is made, and the lost output is a
# write error.  3000 lines of -v output are more than a pipe holds.
set_mask tap1 0x0
{
	for _ in $(seq 3000); do echo "tap0 +drv"; done
	echo "tap1 0x4"
} >"$NIM_TMP/long"
nm -v --batch "$NIM_TMP/long" 2>"$NIM_TMP/pipe.err" | true
check_eq "-v --batch | true: exit status" 1 "${PIPESTATUS[0]}"
check_file "-v --batch | true: message" \
	"netifmsg: write error: Broken pipe" "$NIM_TMP/pipe.err"
check_mask "-v --batch | true: the last line made" tap1 0x4

# So is output beyond the file size limit (ulimit -f), which SIGXFSZ
# would kill the run at: every line is made, and it is a write error.
set_mask tap1 0x0
saved=("${NIM_WRAPPER[@]}")
NIM_WRAPPER=(bash -c 'ulimit -f 8 && exec "$@"' ulimit "${saved[@]}")
nm -v --batch "$NIM_TMP/long" >"$NIM_TMP/fsize.out" 2>"$NIM_TMP/fsize.err"
check_eq "-v --batch beyond ulimit -f: exit status" 1 "$?"
NIM_WRAPPER=("${saved[@]}")
check_file "-v --batch beyond ulimit -f: message" \
	"netifmsg: write error: File too large" "$NIM_TMP/fsize.err"
check_mask "-v --batch beyond ulimit -f: the last line made" tap1 0x4

# --- patterns cost memory for the jobs they make, not lines x interfaces
# 4096 pattern lines that select one tap each make 4096 jobs, as the
# same lines without a pattern do; room for 4096 x 1000 jobs (200 MB) is
# a defect.  Each run is stopped in a write of its -v output to a FIFO
# that nobody reads (all jobs made by then), and VmPeak of the two runs
# compared, so that a wrapper's own address space (valgrind, ASan's
# shadow) cancels out.
FIFO=$NIM_TMP/fifo
mkfifo "$FIFO" || fatal "mkfifo failed"
for ((i = 0; i < 4096; i++)); do
	t=tap$((i % NTAPS))
	echo "$t +hw" >&5
	echo "${t%?}[${t: -1}] -hw" >&6
done 5>"$NIM_TMP/plain" 6>"$NIM_TMP/globs"
# vm_peak_to VAR FILE: VmPeak in kB of -v --batch FILE, blocked writing.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
vm_peak_to() {
	local -n nim_vp_to=$1
	local pid l
	nim_vp_to=
	exec 3<>"$FIFO"
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" -v --batch "$2" \
		>"$FIFO" 2>/dev/null &
	pid=$!
	if wait_until sleeps_writing "$pid"; then
		while read -r l; do
			[[ $l == VmPeak:* ]] && read -r _ nim_vp_to _ <<<"$l"
		done <"/proc/$pid/status"
	fi
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	exec 3<&-
}
vm_peak_to plain "$NIM_TMP/plain"
vm_peak_to globs "$NIM_TMP/globs"
if [ -z "$plain" ] || [ -z "$globs" ]; then
	fail "4096 pattern lines: VmPeak" "not read (plain '$plain', patterns '$globs')"
elif ((globs - plain < 32768)); then
	pass "4096 pattern lines over $NTAPS taps: VmPeak $globs kB, plain lines $plain kB"
else
	fail "4096 pattern lines over $NTAPS taps: memory for lines x interfaces" \
		"VmPeak $globs kB, the same lines without patterns $plain kB"
fi

# --- odd files and usage errors
: >"$NIM_TMP/empty"
check_rc "--batch of an empty file" 0 nm --batch "$NIM_TMP/empty"
check_empty "--batch of an empty file: no output" "$OUT"
check_rc "--batch of a missing file" 1 nm --batch "$NIM_TMP/nosuchfile"
check_file "--batch of a missing file: message" \
	"netifmsg: $NIM_TMP/nosuchfile: No such file or directory" "$ERR"
check_rc "--batch FILE IFACE" 2 nm --batch "$NIM_TMP/ns" tap0
check_rc "-f without --batch" 2 nm -f tap0 +link
check_grep "-f without --batch: message" "needs --batch" "$ERR"
check_rc "--batch ''" 2 nm --batch ''

finish
