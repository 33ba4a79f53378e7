#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The benchmark: netifmsg against ethtool, in a private network namespace
# with N tap devices.  Run it as root through 'make bench', or directly:
#
#   bench/run.sh [--sizes "1 1000 4096"] [--quick] [--out FILE]
#                [--netifmsg PATH] [--baredump PATH] [--alternate PATH]
#
# Every timing is a median over repeated runs measured with hyperfine,
# netifmsg and ethtool in the same run and alternating: each group of
# commands is measured in several rounds, every round runs each command
# of the group (in a rotated order), so slow drifts of a shared, noisy
# machine hit every side alike.  Medians are over all runs of all rounds;
# the ratios the goals use are paired: the median over the rounds of
# each round's ratio (bench/stats.py).
#
# --quick is the short form CI runs (N = 100, few runs).  Timings are
# printed, never judged there; what is checked exactly, and makes the
# script exit 1 if it differs, is the netlink traffic: requests,
# sockets, ACKs (Report.exact in bench/stats.py).  In the full form the
# goals of the benchmark are checked too and printed as "met" or
# "MISSED"; a missed goal is reported, not an error.
set -eu
set -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
netifmsg=$here/../src/netifmsg
baredump=$here/baredump
alternate=$here/alternate
sizes="1 1000 4096"
quick=false
out=""

while [ $# -gt 0 ]; do
	case "$1" in
	--sizes)	sizes=$2; shift ;;
	--quick)	quick=true ;;
	--out)		out=$2; shift ;;
	--netifmsg)	netifmsg=$2; shift ;;
	--baredump)	baredump=$2; shift ;;
	--alternate)	alternate=$2; shift ;;
	*)		echo "bench: unknown argument '$1'" >&2; exit 2 ;;
	esac
	shift
done
if $quick && [ "$sizes" = "1 1000 4096" ]; then
	sizes=100
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "bench: needs root (network namespace, tap devices)" >&2
	exit 1
fi
for f in "$netifmsg" "$baredump" "$alternate"; do
	if [ ! -x "$f" ]; then
		echo "bench: $f is not built (run 'make bench')" >&2
		exit 1
	fi
done
netifmsg=$(cd "$(dirname "$netifmsg")" && pwd)/$(basename "$netifmsg")
baredump=$(cd "$(dirname "$baredump")" && pwd)/$(basename "$baredump")
alternate=$(cd "$(dirname "$alternate")" && pwd)/$(basename "$alternate")

# The tools the harness needs, installed if missing (Debian).
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v strace >/dev/null || need+=(strace)
command -v ethtool >/dev/null || need+=(ethtool)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
	echo "bench: installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# A fresh machine may have no package lists yet: update once then.
	apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null ||
		{ apt-get update -q >/dev/null &&
		  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; }
fi

ns=netifmsg-bench-$$
small_ns=netifmsg-bench-small-$$
tmp=$(mktemp -d /tmp/netifmsg-bench.XXXXXX)
cleanup()
{
	# Deleting a namespace takes every tap with it, at once.
	ip netns del "$ns" 2>/dev/null || true
	ip netns del "$small_ns" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$ns"
ip -n "$ns" link set lo up
ntaps=0
data=$tmp/data.tsv
: >"$data"

in_ns()
{
	ip netns exec "$ns" "$@"
}

# add_taps N: grow the namespace to N taps, tap0..tapN-1, in one
# 'ip -batch' (one process, not N).
add_taps()
{
	local want=$1 i

	[ "$want" -gt "$ntaps" ] || return 0
	for ((i = ntaps; i < want; i++)); do
		echo "tuntap add dev tap$i mode tap"
	done | ip -n "$ns" -batch -
	ntaps=$want
}

record()
{
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$data"
}

# time_group KEY ROUNDS WARMUP [--prepare PREP] SIDE RUNS CMD
#            [[--prepare PREP] SIDE RUNS CMD]...: the median time of each
# side (a = netifmsg, b = ethtool, others are references), RUNS runs per
# round each.  The order of the sides rotates from round to round.
# --prepare PREP applies to the side after it only: hyperfine runs PREP
# (split into words like CMD, untimed) before each of that side's runs,
# warm-up runs included; the other sides run as they would without it.
time_group()
{
	local key=$1 rounds=$2 warm=$3 r i j k w side runs cmd in prep=""
	local -a sides=() nruns=() cmds=() preps=() prep_opt=()
	shift 3

	while [ $# -gt 0 ]; do
		if [ "$1" = --prepare ]; then
			prep=$2
			shift 2
			continue
		fi
		sides+=("$1") nruns+=("$2") cmds+=("$3") preps+=("$prep")
		prep=""
		shift 3
	done
	k=${#sides[@]}
	for ((r = 0; r < rounds; r++)); do
		for ((j = 0; j < k; j++)); do
			i=$(((j + r) % k))
			side=${sides[i]} runs=${nruns[i]} cmd=${cmds[i]}
			prep_opt=()
			[ -z "${preps[i]}" ] || prep_opt=(--prepare "${preps[i]}")
			# A run of one does not warm anything: no warm-up there.
			w=$warm
			[ "$runs" -gt 1 ] || w=0
			# Its warnings about outliers go to a log: the noise is
			# why there are rounds and medians.
			# Side "small" runs in the second namespace (linearity).
			in=$ns
			[ "$side" = small ] && in=$small_ns
			if ! ip netns exec "$in" hyperfine -N --style none --runs "$runs" \
				--warmup "$w" --command-name "$side" \
				--export-json "$tmp/$key.$side.$r.json" \
				"${prep_opt[@]}" \
				"$cmd" >/dev/null 2>"$tmp/hyperfine.log"; then
				cat "$tmp/hyperfine.log" >&2
				echo "bench: '$cmd' failed" >&2
				exit 1
			fi
		done
	done
	python3 "$here/stats.py" median "$tmp" "$key" >>"$data"
}

# alternate_pair KEY REF CMD: the median wall time (seconds) of REF
# (side min) and CMD (side a) over 1500 rounds of bench/alternate, each
# round one run of each, in turn (alt.KEY).  Commands are split on
# spaces, so the paths must hold none.
alternate_pair()
{
	local key=$1

	in_ns "$alternate" 1500 "$2" "$3" >"$tmp/alt.$key" ||
		{ echo "bench: bench/alternate '$2' '$3' failed" >&2; exit 1; }
	awk -v key="alt.$key" 'NR == 1 { s = "min" } NR == 2 { s = "a" }
		{ printf "%s\t%s\t%.9f\n", key, s, $1 / 1e6 }' \
		"$tmp/alt.$key" >>"$data"
}

# prepare PREP: run PREP (a command line as time_group's --prepare
# takes it; nothing if empty) in the namespace, its output discarded.
prepare()
{
	[ -z "$1" ] || in_ns sh -c "$1" >/dev/null
}

# applied KEY MASK: after a command that set every tap to MASK, how many
# taps one netifmsg dump shows at it, and ethtool, the independent peer,
# on the first, middle and last tap (a tap it reads otherwise is
# recorded).  n is the number of taps.
applied()
{
	local key=$1 mask=$2 i

	record "$key" a "$(in_ns "$netifmsg" -x | grep -c ": $mask\$" || true)"
	for i in 0 $((n / 2)) $((n - 1)); do
		in_ns ethtool "tap$i" | grep -q "Current message level: $mask" ||
			record "$key" ethtool "tap$i-wrong"
	done
}

# rss [--prepare PREP] KEY SIDE CMD...: median peak RSS (KiB) over 11
# runs, PREP run before each.  One command's peak varies by about 200
# KiB from run to run (15 runs of 'ethtool tap0': 2132 to 2444 KiB): 11
# make the median steadier than 5 did.
rss()
{
	local prep="" key side i

	if [ "$1" = --prepare ]; then
		prep=$2
		shift 2
	fi
	key=$1 side=$2
	shift 2

	for i in 1 2 3 4 5 6 7 8 9 10 11; do
		prepare "$prep"
		in_ns /usr/bin/time -f %M -o "$tmp/rss.$i" "$@" >/dev/null
		cat "$tmp/rss.$i"
	done | sort -n | sed -n 6p | {
		read -r kb
		record "rss.$key" "$side" "$kb"
	}
}

# syscalls [--prepare PREP] KEY SIDE CMD...: the netlink syscalls
# (strace -c -f), the netlink requests (messages sent on netlink
# sockets; DEBUG_SETs among them), the sockets opened, and the
# ACKs/errors received.  CMD runs twice (once per strace), PREP before
# each.
syscalls()
{
	local prep="" key side

	if [ "$1" = --prepare ]; then
		prep=$2
		shift 2
	fi
	key=$1 side=$2
	shift 2

	prepare "$prep"
	in_ns strace -f -c -o "$tmp/strace-c" "$@" >/dev/null
	# -xx: the buffers of sendmmsg/recvmmsg, which strace does not
	# decode as netlink, come out as hex for stats.py to parse.
	prepare "$prep"
	in_ns strace -f -yy -xx -s 1048576 -e abbrev=none \
		-e trace=socket,sendto,sendmsg,sendmmsg,recvfrom,recvmsg,recvmmsg \
		-o "$tmp/strace-t" "$@" >/dev/null
	python3 "$here/stats.py" strace "$tmp/strace-c" "$tmp/strace-t" \
		"$key" "$side" >>"$data"
}

has_batch=false
if "$netifmsg" --help 2>/dev/null | grep -q -- '--batch'; then
	has_batch=true
fi
# A change over a pattern (issue 11) is one dump, then the DEBUG_SETs in
# the pipeline of -f --batch; its window, for the send-count goal.
has_pattern=false
if "$netifmsg" --help 2>/dev/null | grep -q -- '--driver'; then
	has_pattern=true
fi
# --apply --config FILE (issue 12): the configuration below, applied
# with one dump and one DEBUG_SET per interface whose mask changes.
has_apply=false
if "$netifmsg" --help 2>/dev/null | grep -q -- '--apply'; then
	has_apply=true
fi
# --trace over a pattern with --for (a debug session): one dump, the
# change on every tap, /dev/kmsg read until the time is up, then the
# bits it changed put back.
has_trace=false
if $has_pattern && "$netifmsg" --help 2>/dev/null | grep -q -- '--trace' &&
	"$netifmsg" --help 2>/dev/null | grep -q -- '--for'; then
	has_trace=true
fi
# The window is the program's (src/cmd.h); a goal judged with another
# would be wrong, so a window not found there is an error.
window=$(sed -n 's/^#define[[:space:]]*CMD_WINDOW[[:space:]]*\([0-9]*\).*/\1/p' \
	"$here/../src/cmd.h" 2>/dev/null)
if [ -z "$window" ]; then
	echo "bench: no '#define CMD_WINDOW N' in src/cmd.h (the send-count goal needs it)" >&2
	exit 1
fi

loop_script()
{
	local file=$1 n=$2 body=$3

	printf 'for ((i = 0; i < %d; i++)); do %s; done\n' "$n" "$body" >"$file"
}

# The configuration --apply is timed with: 20 lines, absolute and
# relative, over 'tap*' and narrower patterns (by first digit, by number
# of digits, by last digit), that leave every tapK (K < 10000) at 0x3
# whatever its mask was.  Worked through by hand (starting from 0x5, the
# --prepare mask; lines 6 to 9 set every tap absolutely by its number of
# digits, so lines 1 to 5 are overridden for all):
#   tap0-tap9:     6: 0x3, 10/11: +link 0x7, 18: -link 0x3
#   tap10-tap99:   7: 0xc0, 10/11: 0xc4, 12: 0xc5, 15: 0x3/0xff -> 0x3
#   tap100-tap999: 8: 0x20, 10/11: 0x24, 13: 0x27, 16: 0x7, 18: 0x3
#   tap1000-:      9: 0x8, 10/11: 0xc, 14: 0x3/0x3 -> 0xf, 17: 0x7, 18: 0x3
# and lines 19 and 20 change nothing then.  The benchmark checks it:
# every tap at 0x3 after a run (one dump, and ethtool on three taps).
cat >"$tmp/apply.conf" <<'EOF'
tap* all
tap* -pktdata -hw -wol
tap[0-4]* none
tap[5-9]* 0xff
tap* +drv
tap? 0x3
tap?? rx_err,tx_err
tap??? ifup
tap???? timer
tap*[02468] +link
tap*[13579] link on
tap?? drv on
tap??? +drv,+probe
tap???? 0x3/0x3
tap?? 0x3/0xff
tap??? -ifup
tap???? -timer
tap* -link
tap* +probe
tap[0-4]* -timer,-ifdown
EOF
# Each timed --apply run must change every tap: this resets them first
# (untimed; hyperfine's --prepare).
apply_reset="$netifmsg 'tap*' 0x5"
# The timed debug session: every tap raised from 0x5 (the same reset
# before each run, so that every run raises and restores all N taps),
# the log read for a millisecond, every tap put back.
trace_cmd=("$netifmsg" --trace 'tap*' 0x3 --for 0.001)

# trace_noise: the session's two lines per tap on stderr ("now ...;
# if netifmsg is killed, restore with: ..." and "restored: ..."), taken
# out of the harness's output; anything else passes.
trace_noise()
{
	grep -v -e ': now 0x[0-9a-f]*; if netifmsg is killed' \
		-e ': restored: ' >&2 || true
}

echo "bench: netifmsg $("$netifmsg" --version | head -n 1), $(ethtool --version), kernel $(uname -r)"

first=true
for n in $sizes; do
	add_taps "$n"
	echo "bench: N=$n taps"
	# Many short rounds for the one-interface commands (a few ms
	# each), so that the two sides of a round run close together.
	# For the loops: one run of ethtool over 4096 taps takes 4-10 s,
	# so few rounds of one loop run each.
	if $quick; then
		r1=4 one=10 rounds=2 many=10 loops=1 warm=2
	else
		r1=20 one=15 warm=3
		rounds=$((n >= 4096 ? 3 : n >= 1000 ? 5 : 10))
		many=$((n >= 1000 ? 30 : 15))
		loops=$((n >= 100 ? 1 : 15))
	fi

	if $first; then
		first=false
		echo "bench:   show one, change one"
		# References: the least a libmnl client can do for one
		# interface (a GET; a SET), a process that does nothing but
		# load libmnl, and a process that does nothing at all.
		time_group show1 "$r1" "$warm" \
			a "$one" "$netifmsg tap0" b "$one" "ethtool tap0" \
			min "$one" "$baredump tap0" mnl "$one" "$baredump -n" \
			nop "$one" /bin/true
		time_group set1 "$r1" "$warm" \
			a "$one" "$netifmsg tap0 0x3" \
			b "$one" "ethtool -s tap0 msglvl 0x3" \
			min "$one" "$baredump -s tap0"
		time_group rel1 "$r1" "$warm" \
			a "$one" "$netifmsg tap0 +link" \
			b "$one" "ethtool -s tap0 msglvl link on"
		# Issue 15's goals against the minimal client, finer: one
		# run of each side in turn, many rounds (bench/alternate),
		# so that no drift of the machine falls between the sides.
		$quick || alternate_pair show1 "$baredump tap0" "$netifmsg tap0"
		$quick || alternate_pair set1 "$baredump -s tap0" "$netifmsg tap0 0x3"
		rss show1 a "$netifmsg" tap0
		rss show1 b ethtool tap0
		rss set1 a "$netifmsg" tap0 0x3
		rss set1 b ethtool -s tap0 msglvl 0x3
		rss rel1 a "$netifmsg" tap0 +link
		rss rel1 b ethtool -s tap0 msglvl link on
		syscalls show1 a "$netifmsg" tap0
		syscalls show1 b ethtool tap0
		syscalls set1 a "$netifmsg" tap0 0x3
		syscalls set1 b ethtool -s tap0 msglvl 0x3
		syscalls rel1 a "$netifmsg" tap0 +link
		syscalls rel1 b ethtool -s tap0 msglvl link on
	fi

	echo "bench:   show all"
	# shellcheck disable=SC2016 # $i is the loop's, expanded there
	loop_script "$tmp/show-loop.sh" "$n" 'ethtool tap$i'
	time_group "showall.$n" "$rounds" "$warm" \
		a "$many" "$netifmsg" b "$loops" "bash $tmp/show-loop.sh" \
		bare "$many" "$baredump"
	rss "showall.$n" a "$netifmsg"
	syscalls "showall.$n" a "$netifmsg"
	record "lines.showall.$n" a "$(in_ns "$netifmsg" | wc -l)"
	record "lines.showall.$n" bare "$(in_ns "$baredump")"
	if $has_pattern; then
		# Show with a pattern: the same dump, filtered (2 requests).
		rss "patshow.$n" a "$netifmsg" 'tap*'
		syscalls "patshow.$n" a "$netifmsg" 'tap*'
		record "lines.patshow.$n" a "$(in_ns "$netifmsg" 'tap*' | wc -l)"
	fi

	if $has_batch; then
		echo "bench:   change all (--batch)"
		# shellcheck disable=SC2016 # $i is the loop's
		loop_script "$tmp/set-loop.sh" "$n" 'ethtool -s tap$i msglvl 0x3'
		for ((i = 0; i < n; i++)); do
			echo "tap$i 0x3"
		done >"$tmp/batch.$n"
		# Plain --batch stops at the first failed line, so it has one
		# request in flight at a time; with -f (go on after a failed
		# line) it keeps a window of requests in flight.
		# The same N changes as a pattern ('tap*' 0x3: one dump, then
		# the -f --batch pipeline) and through --driver tun (the same,
		# plus two ioctls per interface: GDRVINFO, SIOCGIFINDEX), in the same
		# rounds, so that they pair with the loop and with -f --batch.
		# hyperfine -N splits the words itself: no shell, no globbing.
		pat=()
		if $has_pattern; then
			pat=(pat "$many" "$netifmsg 'tap*' 0x3"
			     drv "$many" "$netifmsg --driver tun '*' 0x3")
		fi
		# --apply with the 20 lines above (issue 12), in the same
		# rounds too, every run from masks reset to 0x5 (untimed), so
		# that every run changes all N taps: one dump, N DEBUG_SETs.
		app=()
		if $has_apply; then
			app=(--prepare "$apply_reset"
			     apply "$many" "$netifmsg --apply --config $tmp/apply.conf")
		fi
		# The debug session over 'tap*', in the same rounds too, from
		# masks reset to 0x5 before every run (untimed) as --apply's.
		trc=()
		if $has_trace; then
			trc=(--prepare "$apply_reset"
			     trace "$many" "$netifmsg --trace 'tap*' 0x3 --for 0.001")
		fi
		time_group "batch.$n" "$rounds" "$warm" \
			a "$many" "$netifmsg --batch $tmp/batch.$n" \
			b "$loops" "bash $tmp/set-loop.sh" \
			force "$many" "$netifmsg -f --batch $tmp/batch.$n" \
			"${pat[@]}" "${app[@]}" "${trc[@]}"
		rss "batch.$n" a "$netifmsg" --batch "$tmp/batch.$n"
		rss "batch.$n" force "$netifmsg" -f --batch "$tmp/batch.$n"
		syscalls "batch.$n" a "$netifmsg" --batch "$tmp/batch.$n"
		syscalls "batch.$n" force "$netifmsg" -f --batch "$tmp/batch.$n"
		if $has_pattern; then
			rss "batch.$n" pat "$netifmsg" 'tap*' 0x3
			rss "batch.$n" drv "$netifmsg" --driver tun '*' 0x3
			syscalls "batch.$n" pat "$netifmsg" 'tap*' 0x3
			syscalls "batch.$n" drv "$netifmsg" --driver tun '*' 0x3
		fi
		# Every change applied: set another value, read all N back
		# with one dump and check the first, middle and last tap
		# with ethtool, the independent peer.
		sed 's/ 0x3$/ 0x5/' "$tmp/batch.$n" >"$tmp/batch5.$n"
		if in_ns "$netifmsg" --batch "$tmp/batch5.$n" >/dev/null; then
			applied "applied.batch.$n" 0x00000005
		else
			record "applied.batch.$n" a "exit-status-$?"
		fi
		# The same for the pattern: every tap at 0x9 afterwards.
		if $has_pattern; then
			if in_ns "$netifmsg" 'tap*' 0x9 >/dev/null; then
				applied "applied.pattern.$n" 0x00000009
			else
				record "applied.pattern.$n" a "exit-status-$?"
			fi
		fi
		if $has_apply; then
			# A first run (from 0x5: every tap changes) and a second
			# one (nothing to change: no DEBUG_SET), counted.
			rss --prepare "$apply_reset" "batch.$n" apply \
				"$netifmsg" --apply --config "$tmp/apply.conf"
			syscalls --prepare "$apply_reset" "batch.$n" apply \
				"$netifmsg" --apply --config "$tmp/apply.conf"
			in_ns "$netifmsg" --apply --config "$tmp/apply.conf" >/dev/null
			rss "batch.$n" again "$netifmsg" --apply --config "$tmp/apply.conf"
			syscalls "batch.$n" again "$netifmsg" --apply --config "$tmp/apply.conf"
			# Every tap at 0x3 after a first run.
			prepare "$apply_reset"
			if in_ns "$netifmsg" --apply --config "$tmp/apply.conf" >/dev/null; then
				applied "applied.apply.$n" 0x00000003
			else
				record "applied.apply.$n" a "exit-status-$?"
			fi
		fi
		if $has_trace; then
			rss --prepare "$apply_reset" "batch.$n" trace \
				"${trace_cmd[@]}" 2> >(trace_noise)
			syscalls --prepare "$apply_reset" "batch.$n" trace \
				"${trace_cmd[@]}" 2> >(trace_noise)
			# A session from 0x5 raises every tap to 0x3 (its
			# "now 0x00000003" lines) and puts every one back
			# ("restored" lines): every tap at 0x5 afterwards,
			# in one dump and for ethtool on three taps.
			prepare "$apply_reset"
			if in_ns "${trace_cmd[@]}" >/dev/null 2>"$tmp/trace.err"; then
				record "raised.trace.$n" a "$(grep -c ': now 0x00000003; ' "$tmp/trace.err" || true)"
				record "restored.trace.$n" a "$(grep -c ': restored: 0x00000005 ' "$tmp/trace.err" || true)"
				applied "applied.trace.$n" 0x00000005
			else
				record "applied.trace.$n" a "exit-status-$?"
			fi
		fi
	fi
done

# Linearity: the largest N against the one before it, in the same
# rounds, each in its own namespace (the main one has the most taps by
# now; a second one gets as many as the smaller size).
if [ "$(echo "$sizes" | wc -w)" -ge 2 ]; then
	big=$(echo "$sizes" | awk '{print $NF}')
	prev=$(echo "$sizes" | awk '{print $(NF - 1)}')
	echo "bench: linearity, N=$big against N=$prev"
	ip netns add "$small_ns"
	for ((i = 0; i < prev; i++)); do
		echo "tuntap add dev tap$i mode tap"
	done | ip -n "$small_ns" -batch -
	$quick && lin_rounds=2 || lin_rounds=10
	time_group "lin.showall" "$lin_rounds" "$warm" \
		a "$many" "$netifmsg" small "$many" "$netifmsg"
	if $has_batch; then
		time_group "lin.batch" "$lin_rounds" "$warm" \
			a "$many" "$netifmsg --batch $tmp/batch.$big" \
			small "$many" "$netifmsg --batch $tmp/batch.$prev"
		time_group "lin.force" "$lin_rounds" "$warm" \
			a "$many" "$netifmsg -f --batch $tmp/batch.$big" \
			small "$many" "$netifmsg -f --batch $tmp/batch.$prev"
	fi
	record meta lin "$prev $big"
fi

if [ "$(ethtool --version | awk '{print $3}')" != "" ]; then
	record meta ethtool "$(ethtool --version | awk '{print $3}')"
fi
record meta netifmsg "$("$netifmsg" --version | awk '{print $NF; exit}')"
record meta kernel "$(uname -r)"
record meta cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) ($(nproc) CPUs)"
record meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
record meta quick "$quick"
record meta sizes "$sizes"
record meta batch "$has_batch"
record meta pattern "$has_pattern"
record meta window "$window"
record meta apply "$has_apply"
record meta trace "$has_trace"
record meta applylines "$(grep -cv '^[[:space:]]*\(#\|$\)' "$tmp/apply.conf")"

python3 "$here/stats.py" report "$data" ${out:+"$out"}
