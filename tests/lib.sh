# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Shared helpers for the netifmsg shell integration tests.
#
# Sourced by tests/*.sh.  Environment (set by `make check`):
#   NETIFMSG          absolute path of the program under test
#   top_srcdir        the source tree
#   NETIFMSG_WRAPPER  optional command put in front of the program, e.g.
#                     "valgrind -q --error-exitcode=99 --leak-check=full"
#                     (VALGRIND_WRAPPER is accepted as an older name)
#
# Exit status of a test script: 0 pass, 1 fail, 77 skip.
#
# Every test that needs interfaces works in its own network namespace with
# tap devices in it (setup_ns); the namespace is deleted on exit, also on
# failure or interruption.  Nothing in the initial namespace is touched and
# no traffic is sent (the taps stay down).

NIM_NAME=$(basename "$0" .sh)
NIM_CHECKS=0
NIM_FAILS=0
NS=
NIM_TMP=

skip() {
	echo "SKIP: $NIM_NAME: $*" >&2
	exit 77
}

# Hard error in the test setup itself (not a failed check).
fatal() {
	echo "ERROR: $NIM_NAME: $*" >&2
	exit 1
}

if [ "$(id -u)" != 0 ]; then
	skip "needs root (network namespaces, tap devices, ethtool -s)"
fi
# As root, the tests run: tools CI installs (.ci/packages) are a must.
command -v ip >/dev/null 2>&1 || fatal "'ip' (iproute2, in .ci/packages) not found"
command -v ethtool >/dev/null 2>&1 || fatal "'ethtool' (in .ci/packages) not found"

if [ -z "${NETIFMSG:-}" ]; then
	if [ -n "${top_srcdir:-}" ]; then
		NETIFMSG=$top_srcdir/src/netifmsg
	else
		NETIFMSG=$(cd "$(dirname "$0")/.." && pwd)/src/netifmsg
	fi
fi
case $NETIFMSG in
/*) ;;
*) NETIFMSG=$(pwd)/$NETIFMSG ;;
esac
[ -x "$NETIFMSG" ] || fatal "program under test '$NETIFMSG' not found or not executable"

# The wrapper hook (valgrind, strace, ...): empty by default.
read -r -a NIM_WRAPPER <<<"${NETIFMSG_WRAPPER:-${VALGRIND_WRAPPER:-}}"

NIM_TMP=$(mktemp -d "${TMPDIR:-/tmp}/nim-$NIM_NAME.XXXXXX") ||
	fatal "cannot create a temporary directory"
# Files where check_rc leaves the output of the last command.
OUT=$NIM_TMP/stdout
ERR=$NIM_TMP/stderr
RC=0

# More namespaces a test made ("$NS-b"...); cleanup deletes them too.
NIM_EXTRA_NS=()
cleanup() {
	local rc=$?
	trap - EXIT INT TERM HUP USR1
	[ -z "${NIM_WATCHDOG:-}" ] || kill "$NIM_WATCHDOG" 2>/dev/null
	kill_monitors
	local ns
	for ns in "${NIM_EXTRA_NS[@]}"; do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -KILL 2>/dev/null
		ip netns delete "$ns" 2>/dev/null
	done
	if [ -n "$NS" ]; then
		# What still runs in the namespace (a hung program under
		# test) goes with it; nothing outside it is touched.
		ip netns pids "$NS" 2>/dev/null | xargs -r kill -KILL 2>/dev/null
		ip netns delete "$NS" 2>/dev/null ||
			echo "WARNING: $NIM_NAME: could not delete netns $NS" >&2
		NS=
	fi
	if [ -n "$NIM_TMP" ]; then
		rm -rf "$NIM_TMP"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# A terminal hung up during make check: the namespace goes too.
trap 'exit 129' HUP

# A test that hangs fails rather than stalling the run: after NIM_TIMEOUT
# seconds (600 by default; the valgrind stage of CI gives more) the
# watchdog says so and the test ends with status 1, through cleanup.
# A trapped signal also ends a `wait` builtin that waits for a hung child;
# bash runs the trap only once a foreground command has ended, so the
# children the shell had before the signal (a hung one among them) are
# killed too, and not those of the cleanup it runs then.
# The watchdog is started from a command substitution, so it is no child
# of the test's shell and a plain `wait` does not wait for it.
NIM_TIMEOUT=${NIM_TIMEOUT:-600}
trap 'exit 1' USR1
NIM_WATCHDOG=$(
	(
		trap 'kill "$nim_sleep" 2>/dev/null; exit 0' TERM
		sleep "$NIM_TIMEOUT" &
		nim_sleep=$!
		wait "$nim_sleep" || exit 0
		echo "ERROR: $NIM_NAME: still running after $NIM_TIMEOUT s (NIM_TIMEOUT): stopped" >&2
		nim_kids=$(pgrep -P $$)
		kill -USR1 $$
		# shellcheck disable=SC2086 # one pid a word
		[ -z "$nim_kids" ] || kill -KILL $nim_kids 2>/dev/null
	) >/dev/null &
	echo $!
)

# Prefixes for a background --trace or --monitor: SIGINT, SIGQUIT and
# SIGHUP at their default, as at a terminal, or ignored, as a script's
# background job (or nohup) has them; the programs keep ignored ones so.
# Said explicitly, since a shell that was itself started with one ignored
# (CI under nohup, in the background) can neither trap nor reset it.
# shellcheck disable=SC2034,SC2054 # used by the scripts; env's own commas
SIGS_DEFAULT=(env --default-signal=INT,QUIT,HUP)
# shellcheck disable=SC2034,SC2054
SIGS_IGNORED=(env --ignore-signal=INT,QUIT,HUP)

# at_ioctl N CMD... -- ARGS...: netifmsg ARGS in $NS, stopped by strace
# at its Nth ioctl while CMD runs, then let go: stdout in $OUT, stderr in
# $ERR, exit status in $RC, strace's record of its sendto and ioctl calls
# in $NIM_TMP/strace.  Not under the wrapper (strace runs it).  With
# --nonl first, every netlink socket is refused as by nonl (sandbox.sh).
# at_first_ioctl CMD... -- ARGS...: at the first (after its list of the
# interfaces).
at_first_ioctl() { at_ioctl 1 "$@"; }
at_ioctl() {
	local when act=() pid trace=sendto,ioctl refuse=()
	if [ "$1" = --nonl ]; then
		trace+=,socket
		refuse=(-e inject=socket:error=EAFNOSUPPORT:when=1..3+2)
		shift
	fi
	when=$1
	shift
	while [ "$1" != -- ]; do
		act+=("$1")
		shift
	done
	shift
	: >"$NIM_TMP/strace"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	ip netns exec "$NS" strace -qq -o "$NIM_TMP/strace" -e trace="$trace" \
		"${refuse[@]}" -e inject=ioctl:signal=SIGSTOP:when="$when" -- \
		"$NETIFMSG" "$@" >"$OUT" 2>"$ERR" &
	pid=$!
	wait_for "$NIM_TMP/strace" 'stopped by SIGSTOP' || fatal "strace did not stop netifmsg"
	"${act[@]}" || fatal "${act[*]} failed"
	kill -CONT "$(pgrep -P "$pid")"
	wait "$pid"
	RC=$?
}

# no_lsan CMD...: CMD, whose netifmsg runs under strace, with the
# sanitizers' leak check off: LeakSanitizer cannot work under ptrace.
no_lsan() {
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$@"
}

# inject_nm SYSCALL ERRNO N ARGS...: netifmsg ARGS in $NS, its Nth call
# of SYSCALL (an strace name or /regex) failing with ERRNO.
inject_nm() {
	local call=$1 err=$2 when=$3
	shift 3
	no_lsan ip netns exec "$NS" strace -f -qq -o /dev/null -e trace="$call" \
		-e inject="$call:error=$err:when=$when" "$NETIFMSG" "$@"
}

# swap_names A B: the interfaces A and B swap names.
swap_names() {
	ip -n "$NS" link set "$1" name nim-swap && ip -n "$NS" link set "$2" name "$1" &&
		ip -n "$NS" link set nim-swap name "$2"
}

# The programs start_monitor started, still running; cleanup kills them.
MON_PIDS=()
kill_monitors() {
	local pid
	for pid in "${MON_PIDS[@]}"; do
		kill -KILL "$pid" 2>/dev/null
	done
}

# start_monitor NAME [PREFIX... --] ARGS...: PREFIX netifmsg ARGS in the
# background (ARGS without "--"), output in $NIM_TMP/NAME.out and
# NAME.err; the pid is added to MON_PIDS.
start_monitor() {
	local name=$1 pre=() a
	shift
	for a in "$@"; do
		if [ "$a" = -- ]; then
			while [ "$1" != -- ]; do
				pre+=("$1")
				shift
			done
			shift
			break
		fi
	done
	# Emptied here, not by the job's own redirection, which may come
	# late: a wait on them must not find an earlier monitor's lines.
	: >"$NIM_TMP/$name.out"
	: >"$NIM_TMP/$name.err"
	"${pre[@]}" "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@" \
		>"$NIM_TMP/$name.out" 2>"$NIM_TMP/$name.err" &
	MON_PIDS+=($!)
}

# sync_monitors DEV FILE...: change DEV's mask (1, 2, 1, ...) until every
# FILE has a line, so that every monitor has joined the group.
sync_monitors() {
	local dev=$1 try f all
	shift
	for ((try = 0; try < 300; try++)); do
		set_mask "$dev" $((1 + try % 2))
		sleep 0.05
		all=1
		for f in "$@"; do
			[ -s "$f" ] || all=0
		done
		[ "$all" = 1 ] && return 0
	done
	fatal "the monitors did not start"
}

# wait_for FILE REGEX: until a line of FILE matches (at most 20 s).
wait_for() {
	local i
	for ((i = 0; i < 400; i++)); do
		grep -qE -e "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# wait_until CMD...: run CMD every 0.05 s until it succeeds (at most 400
# tries, 20 s or more under load); fails if it never did.  A wait for a
# condition, never a fixed sleep: the caller says what failed.
wait_until() {
	local i
	for ((i = 0; i < 400; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# ended PID: PID, a child of this shell, has ended (bash reaps its
# children as they end: kill -0 fails then).
ended() {
	! kill -0 "$1" 2>/dev/null
}

# Where a process sleeps.  /proc/PID/wchan names the kernel function it
# sleeps in (anon_pipe_write, poll_schedule_timeout); a kernel that hides
# it says 0 there, and then /proc/PID/stat (state S: an interruptible
# sleep) and /proc/PID/syscall (the call and its arguments, the first
# the fd) tell.
#
# proc_where_to VAR PID: "STATE WCHAN SYSCALL ARG1" of PID, for the
# message of a wait that failed too.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
proc_where_to() {
	local -n nim_pw_to=$1
	local nim_w='' nim_s='' nim_st=''
	{ read -r nim_w <"/proc/$2/wchan"; } 2>/dev/null
	{ read -r nim_s <"/proc/$2/syscall"; } 2>/dev/null
	{ read -r nim_st <"/proc/$2/stat"; } 2>/dev/null
	# The state follows the command name in parentheses, which may
	# hold anything: the field after the last ") ".
	nim_st=${nim_st##*) }
	nim_st=${nim_st%% *}
	read -r nim_s nim_pw_to <<<"$nim_s"
	nim_pw_to="${nim_st:--} ${nim_w:--} ${nim_s:--} ${nim_pw_to%% *}"
}

# sleeps_writing PID: PID sleeps in a write(2) to a full pipe: wchan
# says pipe_write; where it says nothing, PID sleeps in a call on fd 1,
# its standard output, a pipe, where only a write waiting for room sleeps.
sleeps_writing() {
	local st w nr a1
	proc_where_to st "$1"
	read -r st w nr a1 <<<"$st"
	case $w in
	*pipe_write* | *pipe_wait*) return 0 ;;
	0 | -) [ "$st" = S ] && [[ $nr =~ ^[0-9]+$ ]] && [ "$a1" = 0x1 ] ;;
	*) return 1 ;;
	esac
}

# sleeps_polling PID: PID sleeps waiting in poll(2) or ppoll(2): wchan
# says poll; where it says nothing, PID sleeps in a call that is not on
# fd 1 (a write of its output).
sleeps_polling() {
	local st w nr a1
	proc_where_to st "$1"
	read -r st w nr a1 <<<"$st"
	case $w in
	*poll*) return 0 ;;
	0 | -) [ "$st" = S ] && [[ $nr =~ ^[0-9]+$ ]] && [ "$a1" != 0x1 ] ;;
	*) return 1 ;;
	esac
}

# missing TOOL PACKAGE: TOOL, which CI installs (.ci/packages), is not
# found: a hard error, not a note or a skip, so that no check passes
# unrun.
missing() {
	fatal "'$1' ($2, in .ci/packages) not found"
}

# setup_ns N: a new, uniquely named network namespace $NS with the tap
# devices tap0 .. tap{N-1} in it, created by a single `ip -batch`.
setup_ns() {
	local n=${1:-1} i
	[ -z "$NS" ] || fatal "setup_ns called twice"
	NS=nim-$$-$RANDOM-$NIM_NAME
	if ! ip netns add "$NS"; then
		NS=
		fatal "ip netns add failed"
	fi
	if [ "$n" -gt 0 ]; then
		for ((i = 0; i < n; i++)); do
			echo "tuntap add dev tap$i mode tap"
		done | ip -n "$NS" -batch - || fatal "creating $n tap devices failed"
		# The tap driver has message levels since about Linux 5.7.
		et tap0 | grep -q 'Current message level:' ||
			skip "the tap driver of this kernel ($(uname -r)) has no message level"
	fi
}

# not_here NAME...: a test whose -n cases run the program from the
# initial namespace, naming interfaces of $NS, first makes sure that no
# interface of the initial namespace has those names: were -n to fail to
# enter $NS, the change would reach that interface.  Where one has, the
# test is skipped rather than run beside it.
not_here() {
	local name
	for name; do
		! ip link show dev "$name" >/dev/null 2>&1 ||
			skip "the initial namespace has an interface '$name', which the -n cases name"
	done
}

# add_tap NAME: one more tap device (any name the kernel accepts).
add_tap() {
	ip -n "$NS" tuntap add dev "$1" mode tap
}

# nm ARGS...: run the program under test inside $NS.
nm() {
	ip netns exec "$NS" "${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}

# nm_here ARGS...: run the program under test in the current (initial)
# namespace, e.g. for -n NETNS or commands that need no kernel access.
nm_here() {
	"${NIM_WRAPPER[@]}" "$NETIFMSG" "$@"
}

# et ARGS...: the independent peer, ethtool, inside $NS.
et() {
	ip netns exec "$NS" ethtool "$@"
}

# A fork costs as much as an exec on a machine where both are dear (tens
# of milliseconds under load), and the helpers below run after nearly
# every check.  So they read files with bash's own `read` and hand
# values back in variables (a nameref VAR), not through $(...).

# slurp VAR FILE: the whole of FILE in VAR; fails (and the caller falls
# back to grep, cmp or wc) when FILE cannot be read or holds a NUL byte,
# which a bash string cannot hold.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
slurp() {
	local -n nim_slurp_to=$1
	nim_slurp_to=
	[ -f "$2" ] && [ -r "$2" ] || return 1
	# read -d '' succeeds only if it stops at a NUL byte.
	! IFS= read -r -d '' nim_slurp_to <"$2"
}

# run_to VAR RC CMD...: run CMD with its standard output and error in a
# file (not $(...), which costs a fork); VAR gets what it wrote, less
# one final newline, RC its exit status.
# shellcheck disable=SC2034 # namerefs: they set the caller's VAR and RC
run_to() {
	local -n nim_rt_out=$1 nim_rt_rc=$2
	local nim_f=$NIM_TMP/run_to.$BASHPID
	shift 2
	"$@" >"$nim_f" 2>&1
	nim_rt_rc=$?
	slurp nim_rt_out "$nim_f"
	nim_rt_out=${nim_rt_out%$'\n'}
}

# ethtool_mask_to VAR DEV: the current mask as ethtool reports it, 0x%08x,
# or "(no message level)", in VAR.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
ethtool_mask_to() {
	local -n nim_em_to=$1
	local nim_out nim_f=$NIM_TMP/ethtool.$BASHPID
	local nim_re='(^|'$'\n'')[[:space:]]*Current message level:[[:space:]]*(0x[0-9a-fA-F]+)'
	et "$2" >"$nim_f" 2>/dev/null
	slurp nim_out "$nim_f"
	if [[ $nim_out =~ $nim_re ]]; then
		hex_to nim_em_to "${BASH_REMATCH[2]}"
	else
		nim_em_to="(no message level)"
	fi
}

# ethtool_mask DEV: the same, printed.
ethtool_mask() {
	local m
	ethtool_mask_to m "$1"
	echo "$m"
}

# set_mask DEV MASK: set a mask with ethtool (fatal if that fails).
set_mask() {
	et -s "$1" msglvl "$2" || fatal "ethtool -s $1 msglvl $2 failed"
}

# ifindex_of DEV: the interface index, from `ip -o link show`.
ifindex_of() {
	ip -n "$NS" -o link show dev "$1" | cut -d: -f1
}

# The class table (kernel bits), independent of the program's own table.
NIM_CLASSES=(drv probe link timer ifdown ifup rx_err tx_err tx_queued intr
	tx_done rx_status pktdata hw wol)
# shellcheck disable=SC2034 # used by output.sh
NIM_LEVELS=(0 1 2 2 3 3 4 4 5 5 6 6 7 - -)

# hex_to VAR MASK: 0x%08x in VAR.
hex_to() {
	printf -v "$1" '0x%08x' "$(($2))"
}

# hex MASK: 0x%08x, printed.
hex() {
	local h
	hex_to h "$1"
	printf '%s' "$h"
}

# mask_names_to VAR MASK: the class names of MASK in VAR, space
# separated, `none` for 0, bitN for bits without a name.  The locals of
# the *_to helpers start with nim_, so that they hide no VAR of a caller.
mask_names_to() {
	local -n nim_mn_to=$1
	local nim_m=$(($2)) nim_i nim_out=
	for ((nim_i = 0; nim_i < 32; nim_i++)); do
		if (((nim_m >> nim_i) & 1)); then
			if ((nim_i < ${#NIM_CLASSES[@]})); then
				nim_out+=" ${NIM_CLASSES[nim_i]}"
			else
				nim_out+=" bit$nim_i"
			fi
		fi
	done
	nim_mn_to=${nim_out# }
	nim_mn_to=${nim_mn_to:-none}
}

# mask_names MASK: the same, printed.
mask_names() {
	local n
	mask_names_to n "$1"
	echo "$n"
}

# mask_json_classes MASK: the JSON array of the class names of MASK.
mask_json_classes() {
	local m=$(($1)) i out=
	for ((i = 0; i < 32; i++)); do
		if (((m >> i) & 1)); then
			if ((i < ${#NIM_CLASSES[@]})); then
				out+=",\"${NIM_CLASSES[i]}\""
			else
				out+=",\"bit$i\""
			fi
		fi
	done
	echo "[${out#,}]"
}

# show_line DEV MASK: the expected default text line for DEV.
show_line() {
	local h n
	hex_to h "$2"
	mask_names_to n "$2"
	echo "$1: $h $n"
}

# ---------------------------------------------------------------------------
# Checks.  Each one counts, prints "ok" or "FAIL" with expected and actual,
# and never exits, so that one failure does not hide the others.

pass() {
	NIM_CHECKS=$((NIM_CHECKS + 1))
	echo "ok: $1"
}

fail() {
	NIM_CHECKS=$((NIM_CHECKS + 1))
	NIM_FAILS=$((NIM_FAILS + 1))
	echo "FAIL: $1"
	shift
	local line
	for line in "$@"; do
		echo "      $line"
	done
}

# Show the captured output of the last command (after a failure).
show_last() {
	if [ -s "$OUT" ]; then
		echo "      stdout of the last command:"
		sed -n '1,20s/^/      | /p' "$OUT"
	fi
	if [ -s "$ERR" ]; then
		echo "      stderr of the last command:"
		sed -n '1,20s/^/      | /p' "$ERR"
	fi
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected: '$2'" "actual:   '$3'"
	fi
}

# check_rc NAME EXPECTED_RC CMD...: run CMD, stdout to $OUT, stderr to $ERR,
# exit status to $RC; check the exit status.
check_rc() {
	local name=$1 want=$2
	shift 2
	"$@" >"$OUT" 2>"$ERR"
	RC=$?
	if [ "$RC" = "$want" ]; then
		pass "$name (exit $want)"
	else
		fail "$name" "command:  $*" "expected exit status $want, actual $RC"
		show_last
	fi
}

# has_string STRING FILE: FILE holds the fixed STRING (its lines in a
# row, if it has several).  An empty STRING is a test's mistake (it would
# match anything): never found.
has_string() {
	local c
	[ -n "$1" ] || return 1
	if slurp c "$2"; then
		[[ $c == *"$1"* ]]
	elif [[ $1 != *$'\n'* ]]; then
		grep -qF -e "$1" "$2"
	else
		return 1	# grep would take each line for an alternative
	fi
}

# count_match_to VAR REGEX FILE [MAX]: how many lines of FILE match the
# extended REGEX, as `grep -cE` says, in VAR; tried line by line, as grep
# does, and stopping at MAX matches.
count_match_to() {
	local -n nim_cm_to=$1
	local nim_c nim_l nim_lines
	nim_cm_to=0
	if [ -n "$2" ] && [[ $2 != *$'\n'* ]] && slurp nim_c "$3"; then
		[ -n "$nim_c" ] || return 0
		mapfile -t nim_lines <<<"${nim_c%$'\n'}"
		for nim_l in "${nim_lines[@]}"; do
			[[ $nim_l =~ $2 ]] || continue
			nim_cm_to=$((nim_cm_to + 1))
			[ "$nim_cm_to" != "${4:-}" ] || return 0
		done
	else
		nim_cm_to=$(grep -cE -e "$2" "$3")
	fi
}

# has_match REGEX FILE: some line of FILE matches the extended REGEX, as
# `grep -qE` says.
has_match() {
	local n
	count_match_to n "$1" "$2" 1
	[ "$n" -gt 0 ] 2>/dev/null
}

# check_grep NAME STRING FILE: FILE contains the fixed string STRING.
check_grep() {
	if has_string "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "expected '$3' to contain: '$2'" "actual content:"
		sed -n '1,20s/^/      | /p' "$3"
	fi
}

# check_egrep NAME REGEX FILE: some line of FILE matches the extended REGEX.
check_egrep() {
	if has_match "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "expected '$3' to match: /$2/" "actual content:"
		sed -n '1,20s/^/      | /p' "$3"
	fi
}

# check_nogrep NAME STRING FILE: FILE does not contain STRING.
check_nogrep() {
	if [ -z "$2" ]; then
		fail "$1" "the test gave an empty STRING, which says nothing"
	elif has_string "$2" "$3"; then
		fail "$1" "expected '$3' not to contain: '$2'" "actual content:"
		sed -n '1,20s/^/      | /p' "$3"
	else
		pass "$1"
	fi
}

# check_file NAME EXPECTED FILE: FILE is exactly EXPECTED plus a newline
# (EXPECTED may hold several lines; empty EXPECTED means an empty file).
check_file() {
	local exp=$NIM_TMP/expected c nl=$'\n'
	if slurp c "$3" && [ "$c" = "${2:+$2$nl}" ]; then
		pass "$1"
		return
	fi
	if [ -z "$2" ]; then
		: >"$exp"
	else
		printf '%s\n' "$2" >"$exp"
	fi
	if cmp -s "$exp" "$3"; then
		pass "$1"
	else
		fail "$1" "expected (-) vs actual (+):"
		diff -u "$exp" "$3" | tail -n +3 | sed -n '1,40s/^/      /p'
	fi
}

# check_out NAME EXPECTED: the last command's stdout is exactly EXPECTED.
check_out() {
	check_file "$1" "$2" "$OUT"
}

# check_out_as NAME CMD...: the last command's stdout is exactly what CMD
# prints (its standard output and error), the same state read another
# way; CMD failing is a failed setup.
check_out_as() {
	local name=$1 want rc
	shift
	run_to want rc "$@"
	[ "$rc" = 0 ] || fatal "$name: '$*' failed (exit status $rc)"
	check_out "$name" "$want"
}

# check_empty NAME FILE
check_empty() {
	check_file "$1" "" "$2"
}

# check_count NAME N REGEX FILE: exactly N lines of FILE match the
# extended REGEX.
check_count() {
	local n
	count_match_to n "$3" "$4"
	check_eq "$1" "$2" "$n"
}

# check_mask NAME DEV EXPECTED_MASK: ethtool reads EXPECTED_MASK on DEV.
check_mask() {
	local want got
	hex_to want "$3"
	ethtool_mask_to got "$2"
	check_eq "$1" "$want" "$got"
}

# line_count_to VAR FILE: the number of newlines in FILE, as `wc -l`
# counts them.
# shellcheck disable=SC2034 # a nameref: it sets the caller's VAR
line_count_to() {
	local -n nim_lc_to=$1
	local nim_c nim_lines
	if slurp nim_c "$2"; then
		# The here-string adds a newline, so one line more.
		mapfile nim_lines <<<"$nim_c"
		nim_lc_to=$((${#nim_lines[@]} - 1))
	else
		nim_lc_to=$(wc -l <"$2" | tr -d ' ')
	fi
}

# check_lines NAME COUNT FILE
check_lines() {
	local n
	line_count_to n "$3"
	check_eq "$1" "$2" "$n"
}

# ---------------------------------------------------------------------------
# JSON: read with python3's json module (a strict parser: UTF-8 only),
# else jq; json_canon prints a canonical form (compact, keys sorted,
# arrays of objects sorted by ifindex) that can be compared with a
# hand-written expected string, and fails where the file is no JSON.

if command -v python3 >/dev/null 2>&1; then
	NIM_JSON=python3
elif command -v jq >/dev/null 2>&1; then
	NIM_JSON=jq
else
	NIM_JSON=
fi

# have_json: python3 or jq is there.  For python3 it sets NIM_PYTHON,
# once, to python's own path (sys.executable): where a version manager
# such as pyenv puts a shell script named python3 first in PATH, a run
# through it costs several times python's own start (300 ms against
# 70 ms here).  Call it in the test's shell, not in $(...).
have_json() {
	if [ "$NIM_JSON" = python3 ] && [ -z "${NIM_PYTHON:-}" ]; then
		NIM_PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
		[ -x "$NIM_PYTHON" ] || NIM_PYTHON=python3
	fi
	[ -n "$NIM_JSON" ]
}

json_valid() {
	case $NIM_JSON in
	python3)
		"${NIM_PYTHON:-python3}" -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    json.load(f)
' "$1" >/dev/null 2>&1
		;;
	jq) jq -e . "$1" >/dev/null 2>&1 ;;
	*) return 1 ;;
	esac
}

# json_canon FILE: the canonical form, or the parser's complaint and a
# non-zero status.
json_canon() {
	case $NIM_JSON in
	python3)
		"${NIM_PYTHON:-python3}" -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
if isinstance(d, list) and all(isinstance(o, dict) for o in d):
    d.sort(key=lambda o: (o.get("ifindex") or 0))
print(json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
' "$1" 2>&1
		;;
	jq)
		jq -e -cS 'if type == "array" and all(.[]; type == "object")
			then sort_by(.ifindex) else . end' "$1" 2>&1
		;;
	esac
}

# fail_json NAME FILE: NAME failed, FILE is not valid JSON.
fail_json() {
	fail "$1" "not valid JSON:"
	sed -n '1,5s/^/      | /p' "$2"
}

# fail_no_json NAME: NAME failed, there is no JSON parser.  python3 and
# jq are in .ci/packages: a check without them fails, it does not pass
# unrun.
fail_no_json() {
	fail "$1" "neither python3 nor jq found (.ci/packages): JSON not checked"
}

# check_json_valid NAME FILE: FILE is valid JSON.
check_json_valid() {
	if ! have_json; then
		fail_no_json "$1"
		return
	fi
	if json_valid "$2"; then
		pass "$1"
	else
		fail_json "$1" "$2"
	fi
}

# check_json NAME EXPECTED_CANONICAL FILE: FILE is one line of valid JSON
# equal to EXPECTED (compared in canonical form; write EXPECTED compact,
# with keys in sorted order).  One run of the parser: json_canon fails
# where the file is no JSON.
check_json() {
	local canon rc
	if ! have_json; then
		fail_no_json "$1"
		return
	fi
	check_lines "$1: one line" 1 "$3"
	run_to canon rc json_canon "$3"
	if [ "$rc" = 0 ]; then
		pass "$1: valid JSON"
		check_eq "$1: content" "$2" "$canon"
	else
		fail_json "$1: valid JSON" "$3"
	fi
}

# finish: report and exit 0 (all checks passed) or 1.
finish() {
	echo "$NIM_NAME: $NIM_CHECKS checks, $NIM_FAILS failures"
	if [ "$NIM_FAILS" -gt 0 ]; then
		exit 1
	fi
	exit 0
}

# json_if DEV MASK [CHANGED]: the expected canonical JSON object of DEV
# (DEV must need no JSON escaping; CHANGED is true or false).
json_if() {
	local changed=
	[ -z "${3:-}" ] || changed="\"changed\":$3,"
	printf '{%s"classes":%s,"ifindex":%s,"ifname":"%s","msg_enable":%d}' \
		"$changed" "$(mask_json_classes "$2")" "$(ifindex_of "$1")" "$1" "$(($2))"
}
