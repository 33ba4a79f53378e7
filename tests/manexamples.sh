#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The man pages' examples are true: every command of the EXAMPLES sections
# of netifmsg(8) and then netifmsg.conf(5) runs, in order, in a private
# network namespace with the tap devices eth0, eth1, eth2, tap0 and tap1
# (eth0 at 0x7, the others at 0), with the program under test in place of
# `netifmsg`, and prints exactly the lines shown under it (stdout and
# stderr together).  The commands are taken from the pages themselves, so
# the two cannot drift.
#
# In an .EX/.EE block of those sections, a line that begins with `$ ` or
# `# ` (the prompt) is a command and the lines after it are its expected
# output; a line that begins with a blank continues the line before it
# (a command, or an output line too long for the page); the output of
# `cat FILE` runs to the end of its block (a file may hold `# ` lines).
# The exit status must be 0, unless the command ends in a comment
# "exit status N".  As the page says, a `$ ` command needs no privilege:
# the program runs as uid 65534 without capabilities there.  A block
# that begins with `#!` is a script, run as one command (by bash).
# Where a command changes a mask, MASKS below names the masks ethtool
# (the independent peer) must then read.
#
# What cannot run here as written, and what the test does instead:
#  - the namespace `blue` (-n blue) is a second namespace of the test's,
#    uniquely named, with a tap eth1 of its own (at 0), as the page has
#    it; its name in the output reads back as `blue`;
#  - /etc/netifmsg.conf and /etc/netifmsg.d/ are a directory of the
#    test's, never the real /etc: `netifmsg --apply` gets a --config for
#    each of its files that exists, in the order --apply reads them
#    (netifmsg.conf, then netifmsg.d/*.conf in byte order), or
#    --config /dev/null; paths in the output read back as /etc;
#  - `cat FILE` of a FILE that does not exist yet is a file the reader
#    writes: the test writes the lines shown into it first;
#  - `run_the_test` is a command that does nothing; a script must leave
#    every mask as it found it;
#  - --trace runs for 1 second (--for 1), and its kernel log records
#    (`[ seconds] ...` lines) are not compared, shown or printed: the log
#    is global and a tap writes none by itself; the rest (its messages on
#    standard error) is.  The nearest thing to the record shown runs
#    after it: the same session with +drv (for 3 seconds), during which
#    tests/taplog makes the tap write records; they must be shown as the
#    page shows its record, `[ seconds.micro] IFACE: text`;
#  - a --monitor runs in the background until the test has made the
#    changes its lines show (`IF: 0xNEW ... (was ...)`, set with
#    `ethtool -s IF msglvl 0xNEW`) and seen as many lines as shown; then
#    it is stopped (its exit status is not checked).  To know that it has
#    started, the test toggles a tap sync0 (made for the monitor, removed
#    after it) until the monitor prints a line about it; a monitor given
#    interfaces watches sync0 too, and the lines about sync0 are not
#    compared.  Times `(at HH:MM:SS.ffffff)` are compared as a pattern;
#  - `udevadm` commands are not run: they act on the system's udev,
#    outside the namespace.  The nearest thing is run instead: the RUN
#    command of the udev rule (contrib/90-netifmsg.rules.in, with
#    $env{IFINDEX} the interface's index) for the interface that
#    `udevadm test` names, or for every interface of the namespace
#    (`udevadm trigger --subsystem-match=net`, as coldplug replays them);
#    each must succeed, print nothing (udev drops it anyway) and, as the
#    configuration was just applied, change no mask;
#  - a command with `| jq ` needs jq (.ci/packages): without it the test
#    fails.
#
# The inline examples, every .EX block outside the EXAMPLES sections, are
# true too.  Each runs in a fresh namespace of its own with the taps
# INLINE_SETUP makes in it (lo has index 1, the first tap 2), so that the
# interface indexes it shows are the ones there.  A block that begins
# with a command (a prompt) runs it; any other is the output of the
# command the text before it names (INLINE_CMD); a block that is neither
# fails, so that a new one cannot go unchecked.  In these blocks:
#  - a line that begins with a blank is one line with the line before it
#    (the page says "one line in the real output"): in JSON its leading
#    blanks are the page's indent and are dropped, in text they are kept;
#  - `...` stands for any text (the page leaves it out), and a time of
#    day HH:MM:SS.ffffff for any time;
#  - an OLD LEVELS table is checked row by row: LEVEL MASK CLASSES is what
#    `netifmsg --level-map MAP --from-level LEVEL` prints (a remark in
#    parentheses after the classes is not compared), `error: TEXT` a
#    usage error whose message holds TEXT; a row of `...` alone stands
#    for the rows left out;
#  - the MONITOR lines are what `--monitor -t` and `--monitor -t -j`
#    print for the change they show (see inline_monitor).

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
else
	NIM_LIB=$(dirname "$0")/lib.sh
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

MANDIR=${top_srcdir:-$(dirname "$0")/..}/man
RULE_IN=${top_srcdir:-$(dirname "$0")/..}/contrib/90-netifmsg.rules.in
[ -r "$RULE_IN" ] || fatal "$RULE_IN not found"
TAPLOG=${TAPLOG:-$(dirname "$NETIFMSG")/../tests/taplog}
[ -x "$TAPLOG" ] || fatal "test program '$TAPLOG' not found (make check builds it)"
PAGES=("$MANDIR/netifmsg.8" "$MANDIR/netifmsg.conf.5")
# At least this many commands in each page's EXAMPLES (a page whose
# examples the parser cannot find must not pass).
MINIMUM=(30 4)
for p in "${PAGES[@]}"; do
	[ -r "$p" ] || fatal "$p not found"
done

setup_ns 0
DEVS=(eth0 eth1 eth2 tap0 tap1)
for d in "${DEVS[@]}"; do
	add_tap "$d" || fatal "cannot add $d"
done
# The tap driver has message levels since about Linux 5.7.
et eth0 | grep -q 'Current message level:' ||
	skip "the tap driver of this kernel ($(uname -r)) has no message level"
set_mask eth0 0x7
# The page's other namespace, blue, with its own eth1.
BLUE=$NS-blue
NIM_EXTRA_NS+=("$BLUE")
ip netns add "$BLUE" || fatal "ip netns add $BLUE failed"
ip -n "$BLUE" tuntap add dev eth1 mode tap || fatal "cannot add eth1 in $BLUE"
WORK=$NIM_TMP/work
ETC=$NIM_TMP/etc
mkdir -m 755 "$WORK" "$ETC" "$ETC/netifmsg.d" || fatal "mkdir failed"
# A `$ ` command's netifmsg runs so (see readme.sh); NOBODY is where a
# --coverage build writes its .gcda files then.
command -v setpriv >/dev/null 2>&1 || missing setpriv util-linux
NOBODY=$NIM_TMP/nobody
mkdir -m 1777 "$NOBODY" && chmod 755 "$NIM_TMP" || fatal "cannot make $NOBODY"
AS_NOBODY="env GCOV_PREFIX=$NOBODY setpriv --reuid=65534 --regid=65534"
AS_NOBODY+=" --clear-groups --inh-caps=-all --bounding-set=-all"
AS=

# The masks ethtool reads after a command (the command as the page shows
# it, without its prompt).  ethtool reads over netlink, which carries bits
# 0 to 14 only: after --ioctl set bits 16 and 31, eth0 reads without them.
# blue:DEV is DEV of the namespace blue.
declare -A MASKS=(
	['netifmsg eth0 +link -rx_err']='eth0=0x7'
	['netifmsg eth0 0x5/0xf']='eth0=0x5'
	['netifmsg eth0 drv,link/drv,probe,link,timer']='eth0=0x5'
	['netifmsg -v eth0 drv,probe,link']='eth0=0x7'
	['netifmsg eth0 --from-level 3 -timer']='eth0=0x37'
	['netifmsg -n blue eth1 +ifup,+ifdown']='blue:eth1=0x30 eth1=0'
	["netifmsg 'tap*' +link"]='tap0=0x4 tap1=0x4'
	['netifmsg -x --driver tun +drv']='eth0=0x37 eth1=0x1 eth2=0x1 tap0=0x5 tap1=0x5'
	["netifmsg 'eth*' none"]='eth0=0 eth1=0 eth2=0'
	['netifmsg --batch snap']='eth0=0x37 eth1=0x1 eth2=0x1'
	['netifmsg --ioctl eth0 0x80010003']='eth0=0x3'
	['netifmsg --batch lab.conf']='eth0=0x37 eth1=0 eth2=0x3f'
	["printf 'tap0 -drv\ntap1 none\n' | netifmsg -v -f --batch -"]='tap0=0x4 tap1=0'
	['netifmsg --apply -v']='tap0=0x4 tap1=0x4'
	['netifmsg --trace eth1 +link +ifup +ifdown --for 30']='eth1=0'
)
declare -A MASKS_USED=()

# The EXAMPLES section of a page, roff escapes undone, inside .EX/.EE
# only; a block begins with a line "@EX" and ends with "@EE".
examples() {
	awk '
		/^\.SH / { on = ($0 == ".SH EXAMPLES"); next }
		!on { next }
		/^\.EX/ { ex = 1; print "@EX"; next }
		/^\.EE/ { ex = 0; print "@EE"; next }
		ex' "$1" | unroff
}

# unroff: the roff escapes of the examples undone (a filter).
unroff() {
	sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' \
		-e 's/\\(lq/"/g' -e 's/\\(rq/"/g' -e 's/\\&//g' \
		-e 's/\\e/\\/g'
}

# masks: every interface's mask as ethtool reads it, "dev=0x... ...".
masks() {
	local d out=
	for d in "${DEVS[@]}"; do
		out+=" $d=$(ethtool_mask "$d")"
	done
	echo "${out# }"
}

# in_ns CMD: run the shell command CMD in the namespace, in $WORK,
# netifmsg being a function that calls the program under test (through
# the wrapper, if any; see the header for --apply and --monitor), run by
# $AS (as uid 65534 for a `$ ` command); stdout and stderr together.
# Where RUN_NS is set, in that namespace instead.
in_ns() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	ip netns exec "${RUN_NS:-$NS}" env NETIFMSG="$NETIFMSG" \
		NIM_WRAPPER="${NIM_WRAPPER[*]}" NIM_ETC="$ETC" AS="$AS" \
		bash -c 'cd "$2" || exit 99
		run_the_test() { :; }
		netifmsg() {
			local a apply=0 monitor=0 cfg=() f
			for a; do
				case $a in
				--apply) apply=1 ;;
				--monitor) monitor=1 ;;
				esac
			done
			if [ "$apply" = 1 ]; then
				[ ! -e "$NIM_ETC/netifmsg.conf" ] ||
					cfg+=(--config "$NIM_ETC/netifmsg.conf")
				for f in "$NIM_ETC"/netifmsg.d/*.conf; do
					[ ! -e "$f" ] || cfg+=(--config "$f")
				done
				[ "${#cfg[@]}" -gt 0 ] || cfg=(--config /dev/null)
			fi
			if [ "$monitor" = 1 ] && [ "$#" -gt 0 ] &&
				[[ ${!#} != -* ]]; then
				set -- "$@" sync0
			fi
			${AS} ${NIM_WRAPPER} "$NETIFMSG" "${cfg[@]}" "$@"
		}
		eval "$1" 2>&1' manexamples "$1" "$WORK" </dev/null
}

# tidy FILE: the names the test substituted read back as the page's.
tidy() {
	sed -i -e "s|$ETC/|/etc/|g" -e "s|$BLUE|blue|g" "$1"
}

NCMDS=0
page=
cmd=
prompt=
want=()
# The examples that read netifmsg's lines in a `while read` loop.
LOOPS=()

# check_masks CMD: the masks MASKS gives for CMD, read with ethtool.
check_masks() {
	local m want got
	[ -n "${MASKS[$1]+set}" ] || return 0
	MASKS_USED[$1]=1
	for m in ${MASKS[$1]}; do
		if [[ $m == blue:* ]]; then
			m=${m#blue:}
			hex_to want "${m#*=}"
			got=$(ip netns exec "$BLUE" ethtool "${m%%=*}" | sed -n \
				's/^[[:space:]]*Current message level:[[:space:]]*\(0x[0-9a-fA-F]*\).*/\1/p')
			[ -z "$got" ] || hex_to got "$got"
			check_eq "$1: ethtool -n blue ${m%%=*}" "$want" "$got"
		else
			check_mask "$1: ethtool ${m%%=*}" "${m%%=*}" "${m#*=}"
		fi
	done
}

# both_pids: the processes of the namespace and of blue (a netifmsg -n
# blue has moved to blue).
both_pids() {
	ip netns pids "$NS"
	ip netns pids "$BLUE"
}

# ns_set_mask NETNS DEV MASK: set_mask in NETNS.
ns_set_mask() {
	ip netns exec "$1" ethtool -s "$2" msglvl "$3" ||
		fatal "ethtool -s $2 msglvl $3 in $1 failed"
}

# ns_asleep: every process in the namespace sleeps (state S): none runs,
# so none has more to print until something changes.
ns_asleep() {
	local pid st
	for pid in $(both_pids); do
		proc_where_to st "$pid"
		[ "${st%% *}" = S ] || return 1
	done
}

# run_monitor CMD EXPECTED: see the header.
run_monitor() {
	local c=$1 expected=$2 pid try n line re mns=$NS
	# The namespace the monitor watches.
	[[ $c != *"-n $BLUE "* ]] || mns=$BLUE
	ip -n "$mns" tuntap add dev sync0 mode tap || fatal "cannot add sync0"
	(in_ns "$c") >"$OUT" 2>"$ERR" &
	pid=$!
	MON_PIDS+=("$pid")
	for ((try = 0; try < 300; try++)); do
		ns_set_mask "$mns" sync0 $((1 + try % 2))
		sleep 0.05
		grep -q sync0 "$OUT" && break
	done
	if ! grep -q sync0 "$OUT"; then
		fail "$page: $cmd: the monitor started" "no line about sync0"
		show_last
	fi
	n=0
	re='^([^ ]+): (0x[0-9a-f]{8}) .*\(was '
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		n=$((n + 1))
		if [[ $line =~ $re ]]; then
			ns_set_mask "$mns" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
		fi
	done <<<"$expected"
	for ((try = 0; try < 200; try++)); do
		[ "$(grep -vc sync0 "$OUT")" -ge "$n" ] && break
		sleep 0.05
	done
	# The monitor has printed all the changes brought, the pipeline
	# beside it has passed that on, and nothing more is coming: every
	# process in the namespace sleeps (the monitor in ppoll(), a reader
	# of its output in read(2)).
	if ! wait_until ns_asleep; then
		fail "$page: $cmd: the monitor and its pipeline settle" \
			"a process in the namespace still runs after 20 s:" \
			"$(both_pids | while read -r p; do
				proc_where_to st "$p"
				echo "$p $(cat "/proc/$p/comm" 2>/dev/null): $st"
			done)"
	fi
	# The monitor, and what the pipeline runs beside it: every process
	# in the namespaces but the tests' own shells has started for it.
	both_pids | xargs -r kill -TERM 2>/dev/null
	wait "$pid" 2>/dev/null
	MON_PIDS=()
	ip -n "$mns" link del sync0 || fatal "cannot delete sync0"
	grep -v sync0 "$OUT" >"$OUT.new"
	mv "$OUT.new" "$OUT"
	tidy "$OUT"
	sed -i -E 's/\(at [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\)$/(at TIME)/' "$OUT"
	expected=$(sed -E 's/\(at [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\)$/(at TIME)/' <<<"$expected")
	check_out "$page: $cmd: output" "$expected"
}

# run_udev CMD: the nearest thing to the udevadm command CMD (see the
# header).
run_udev() {
	local c=$1 run idx idxs=() before
	run=$(sed -n 's/^ACTION=="add", SUBSYSTEM=="net", RUN+="\(.*\)"$/\1/p' "$RULE_IN")
	# shellcheck disable=SC2016 # udev's $env{IFINDEX}, not the shell's
	if [[ $run != '@sbindir@/netifmsg '*'$env{IFINDEX}'* ]]; then
		fail "$page: $c: the rule's RUN command" "in $RULE_IN: '$run'"
		return
	fi
	run=netifmsg\ ${run#@sbindir@/netifmsg }
	case $c in
	'udevadm test --action=add /sys/class/net/'*)
		idxs=("$(ifindex_of "${c##*/}")")
		;;
	'udevadm trigger --action=add --subsystem-match=net')
		mapfile -t idxs < <(ip -n "$NS" -o link show | cut -d: -f1)
		;;
	*)
		fail "$page: $c: a udevadm command the test knows"
		return
		;;
	esac
	[ "${#idxs[@]}" -gt 0 ] && [ -n "${idxs[0]}" ] ||
		fatal "$page: $c: no interface"
	echo "note: not run (the system's udev): $c; instead, for index ${idxs[*]}:"
	before=$(masks)
	for idx in "${idxs[@]}"; do
		# shellcheck disable=SC2016 # udev's $env{IFINDEX}
		check_rc "$page: $c: ${run//'$env{IFINDEX}'/$idx}" 0 \
			in_ns "${run//'$env{IFINDEX}'/$idx}"
		check_empty "$page: $c: ${run//'$env{IFINDEX}'/$idx}: output" "$OUT"
	done
	check_eq "$page: $c: no mask changed" "$before" "$(masks)"
}

# run_example: run $cmd, compare its output and exit status with $want
# and the page's comment, and the masks with MASKS.
run_example() {
	local rc=0 expected c=$cmd f before
	NCMDS=$((NCMDS + 1))
	[ "$prompt" != '$' ] || AS=$AS_NOBODY
	[[ $c != *'while read'* ]] || LOOPS+=("$c")
	expected=$(printf '%s\n' "${want[@]}")
	if [[ $c == udevadm\ * ]]; then
		run_udev "$c"
		return
	fi
	if [[ $c == *'| jq '* ]] && ! command -v jq >/dev/null 2>&1; then
		missing jq jq
	fi
	if [[ $c =~ exit\ status\ ([0-9]+)$ ]]; then
		rc=${BASH_REMATCH[1]}
	fi
	# The substitutions of the header.
	c=${c//-n blue/-n $BLUE}
	c=${c//\/etc\/netifmsg/$ETC\/netifmsg}
	if [[ $c == *--trace* ]]; then
		c=$(sed -E 's/--for [0-9.]+/--for 1/' <<<"$c")
		expected=$(grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' <<<"$expected")
	fi
	if [[ $c =~ ^cat\ ([^ ]+)$ ]]; then
		f=${BASH_REMATCH[1]}
		[[ $f == /* ]] || f=$WORK/$f
		# A file the page shows written by hand: made here, as shown;
		# its cat would only compare the lines with themselves.
		if [ ! -e "$f" ]; then
			printf '%s\n' "${want[@]}" >"$f"
			return
		fi
	fi
	if [[ $c == *--monitor* ]]; then
		run_monitor "$c" "$expected"
		return
	fi
	before=$(masks)
	check_rc "$page: ${cmd%%$'\n'*}" "$rc" in_ns "$c"
	tidy "$OUT"
	if [[ $c == *--trace* ]]; then
		grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' "$OUT" >"$OUT.new"
		mv "$OUT.new" "$OUT"
	fi
	check_out "$page: ${cmd%%$'\n'*}: output" "$expected"
	if [[ $c == '#!'* ]]; then
		check_eq "$page: the script leaves every mask as it was" \
			"$before" "$(masks)"
	fi
	check_masks "$cmd"
	[[ $c != *--trace* ]] || trace_records "$c"
}

# trace_records CMD: the nearest thing to the kernel log record that the
# --trace example CMD shows (see the header).
trace_records() {
	local c=$1 dev pid re
	[[ $c =~ --trace\ ([^ ]+)\ .*\ --for\ [0-9.]+$ ]] ||
		fatal "$page: the --trace example is not 'netifmsg --trace IFACE ... --for N': $c"
	dev=${BASH_REMATCH[1]}
	c="${c% --for *} +drv --for 3"
	: >"$NIM_TMP/trace.out"	# not an earlier example's lines
	(in_ns "$c") >"$NIM_TMP/trace.out" 2>&1 &
	pid=$!
	MON_PIDS+=("$pid")
	wait_for "$NIM_TMP/trace.out" "^netifmsg: $dev: now 0x" ||
		fail "$page: $c: the session started"
	ip netns exec "$NS" "$TAPLOG" "$dev" || fatal "taplog $dev failed"
	wait "$pid"
	MON_PIDS=()
	# As the page shows its record: [ seconds.micro] IFACE: text
	re='^\[ *[0-9]+\.[0-9]{6}\] '$dev': '
	check_egrep "$page: $c: $dev's records shown as the page shows one" \
		"$re" "$NIM_TMP/trace.out"
	check_mask "$page: $c: $dev restored" "$dev" 0
}

# flush: run the example collected so far, if any.
flush() {
	[ -z "$cmd" ] || run_example
	cmd=
	prompt=
	AS=
	want=()
}

for i in "${!PAGES[@]}"; do
	page=$(basename "${PAGES[i]}")
	mapfile -t lines < <(examples "${PAGES[i]}")
	start=$NCMDS
	script=0
	incat=0
	for line in "${lines[@]}"; do
		if [ "$script" = 1 ]; then
			if [ "$line" = @EE ]; then
				script=0
				flush
			else
				cmd+=$'\n'$line
			fi
			continue
		fi
		case $line in
		@EX)
			flush
			incat=0
			;;
		@EE)
			flush
			incat=0
			;;
		'#!'*)
			flush
			script=1
			cmd=$line
			;;
		*)
			if [ "$incat" = 1 ]; then
				want+=("$line")
			elif [[ $line == ' '* ]]; then
				# continues the line before it
				if [ "${#want[@]}" -gt 0 ]; then
					want[-1]+=$line
				elif [ -n "$cmd" ]; then
					cmd+=$line
				else
					fatal "$page: a continuation line without a line before it: '$line'"
				fi
			elif [[ $line == '$ '* || $line == '# '* ]]; then
				flush
				cmd=${line:2}
				prompt=${line:0:1}
				[[ $cmd != cat\ * ]] || incat=1
			elif [ -n "$cmd" ]; then
				want+=("$line")
			else
				fatal "$page: a line in EXAMPLES that is no command nor output: '$line'"
			fi
			;;
		esac
	done
	flush
	if [ $((NCMDS - start)) -ge "${MINIMUM[i]}" ]; then
		pass "$page: $((NCMDS - start)) example commands found"
	else
		fail "$page: at least ${MINIMUM[i]} example commands" \
			"found $((NCMDS - start))"
	fi
done

# sh_loop CMD: the example CMD, a `netifmsg --monitor -j | while read`
# loop, run by dash (Debian's /bin/sh, whose echo reads backslashes),
# passes each line on as it is: it prints the name of an interface named
# 'a\tb' (a backslash, not a tab) as it is.  The monitor runs until it
# has printed a line, while the test toggles that interface's mask.
sh_loop() {
	local c=$1 bin=$NIM_TMP/shbin try pid
	c=${c//-n blue/-n $BLUE}
	command -v dash >/dev/null 2>&1 || fatal "dash not found"
	mkdir -p "$bin" || fatal "mkdir $bin failed"
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${NIM_WRAPPER[*]}" \
		"$NETIFMSG" >"$bin/netifmsg"
	chmod +x "$bin/netifmsg" || fatal "chmod failed"
	ip -n "$BLUE" tuntap add dev 'a\tb' mode tap || fatal "cannot add 'a\\tb'"
	: >"$OUT"
	ip netns exec "$NS" env PATH="$bin:$PATH" dash -c "$c" >"$OUT" 2>&1 &
	pid=$!
	MON_PIDS+=("$pid")
	for ((try = 0; try < 300; try++)); do
		ip netns exec "$BLUE" ethtool -s 'a\tb' msglvl $((1 + try % 2)) 2>/dev/null
		sleep 0.05
		[ -s "$OUT" ] && break
	done
	# The monitor and the loop beside it: every process in the namespaces.
	both_pids | xargs -r kill -TERM 2>/dev/null
	wait "$pid" 2>/dev/null
	MON_PIDS=()
	ip -n "$BLUE" link del 'a\tb' || fatal "cannot delete 'a\\tb'"
	if [ -s "$OUT" ] && ! grep -qvxF 'a\tb' "$OUT"; then
		pass "dash: $c: prints the name as it is"
	else
		fail "dash: $c: prints the name as it is" \
			"expected lines of: a\\tb" "actual:" "$(cat -A "$OUT")"
	fi
}

if [ "${#LOOPS[@]}" -gt 0 ]; then
	for c in "${LOOPS[@]}"; do
		if [[ $c == *'--monitor -j |'* ]]; then
			sh_loop "$c"
		else
			fail "a while read example the test does not know: $c"
		fi
	done
else
	fail "netifmsg.8: an example of a while read loop over --monitor -j"
fi

# A mask check whose command is no longer in the pages must not pass
# unnoticed.
for c in "${!MASKS[@]}"; do
	[ -n "${MASKS_USED[$c]+set}" ] ||
		fail "MASKS: a command the pages no longer have: $c"
done


# ---------------------------------------------------------------------------
# The inline examples: every .EX block outside the EXAMPLES sections (see
# the header).  INLINE_SETUP and INLINE_CMD are keyed by "SECTION #N" (or
# "SECTION/SUBSECTION #N"), the Nth block there.

# The setup, run first in the block's own namespace (its output is not
# compared): `tap NAME [MASK]` adds a tap device NAME (printf %b escapes)
# and sets its mask.  lo has index 1, so the first tap has index 2.
declare -A INLINE_SETUP=(
	['OUTPUT #1']='tap eth0 7; tap tap3'
	['OUTPUT #2']='tap eth0 7'
	['OUTPUT/JSON #1']='tap eth0; tap tap0 5'
	['OUTPUT/JSON #2']='tap eth0; tap tap0 5'
	['OUTPUT/JSON #5']='tap a; tap b; tap c; tap "\xff\xfe"'
	['MONITOR #1']='tap eth0; tap tap0 1'
)
# The command the text before a block says prints it; none for a block
# that begins with its own command (a prompt).  @levels MAP: the block is
# the table of --level-map MAP; @monitor: see inline_monitor.
declare -A INLINE_CMD=(
	['MESSAGE CLASSES #1']='netifmsg --list'
	['OLD LEVELS/cumulative (default) #1']='@levels cumulative'
	['OLD LEVELS/exact #1']='@levels exact'
	['OLD LEVELS/kernel #1']='@levels kernel'
	['OUTPUT #1']='netifmsg'
	['OUTPUT #2']='netifmsg -v eth0 -probe'
	['OUTPUT #3']='netifmsg --from-level 3'
	['OUTPUT/JSON #1']='netifmsg -j tap0'
	['OUTPUT/JSON #3']='netifmsg -j --decode 15'
	['OUTPUT/JSON #4']='netifmsg --list -j'
	['OUTPUT/JSON #5']='echo "\\xff\\xfe" | netifmsg -j --batch -'
	['MONITOR #1']='@monitor'
)
declare -A INLINE_USED=()

# inline_blocks PAGE: the .EX blocks outside EXAMPLES, roff escapes
# undone; a block begins with a line "@EX KEY" and ends with "@EE".
inline_blocks() {
	awk '
		/^\.SH / {
			sec = substr($0, 5); gsub(/"/, "", sec); ss = ""; next
		}
		/^\.SS / { ss = "/" substr($0, 5); gsub(/"/, "", ss); next }
		sec == "EXAMPLES" { next }
		/^\.EX/ { k = sec ss; print "@EX " k " #" (++n[k]); ex = 1; next }
		/^\.EE/ { ex = 0; print "@EE"; next }
		ex' "$1" | unroff
}

# inline_ns KEY: a fresh namespace for the block KEY, set up as
# INLINE_SETUP says, in RUN_NS.
inline_ns() {
	RUN_NS=$NS-i$((${#NIM_EXTRA_NS[@]} + 1))
	NIM_EXTRA_NS+=("$RUN_NS")
	ip netns add "$RUN_NS" || fatal "ip netns add $RUN_NS failed"
	# shellcheck disable=SC2016 # expanded by the inner shell
	ip netns exec "$RUN_NS" bash -c 'set -e
		tap() {
			local n
			n=$(printf %b "$1")
			ip tuntap add dev "$n" mode tap
			[ -z "${2:-}" ] || ethtool -s "$n" msglvl "$2"
		}
		eval "$1"' setup "${INLINE_SETUP[$1]:-}" ||
		fatal "$1: the setup '${INLINE_SETUP[$1]:-}' failed"
}

inline_ns_done() {
	ip netns delete "$RUN_NS" || fatal "cannot delete $RUN_NS"
	RUN_NS=
}

# like_page NAME EXPECTED FILE: FILE is EXPECTED, where a `...` of
# EXPECTED stands for any text, and a time HH:MM:SS.ffffff for any time.
like_page() {
	local name=$1 shown=$2 got pat i tre
	tre='[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}'
	sed -E "s/$tre/HH:MM:SS.ffffff/g" "$3" >"$NIM_TMP/got"
	shown=$(sed -E "s/$tre/HH:MM:SS.ffffff/g" <<<"$shown")
	if [[ $shown != *...* ]]; then
		check_file "$name" "$shown" "$NIM_TMP/got"
		return
	fi
	slurp got "$NIM_TMP/got" || got=$(cat "$NIM_TMP/got")
	got=${got%$'\n'}
	# Every character of the page's text quoted (a backslash before
	# it), each `...` a `*`.
	pat=
	for ((i = 0; i < ${#shown}; i++)); do
		if [ "${shown:i:3}" = ... ]; then
			pat+='*'
			i=$((i + 2))
		else
			pat+="\\${shown:i:1}"
		fi
	done
	# shellcheck disable=SC2053 # a pattern, on purpose
	if [[ $got == $pat ]]; then
		pass "$name"
	else
		fail "$name" "expected (... for any text): '$shown'" \
			"actual:                          '$got'"
	fi
}

# inline_levels KEY MAP LINES...: each row of an OLD LEVELS table
# (LEVEL MASK CLASSES) is what --level-map MAP --from-level LEVEL prints
# (CLASSES with `...` for the classes of the rows above, and a remark in
# parentheses after them); `error: TEXT` is a usage error whose message
# holds TEXT; a row of `...` alone stands for the rows left out.
inline_levels() {
	local key=$1 map=$2 row level mask classes rows=0
	shift 2
	for row in "$@"; do
		read -r level mask classes <<<"$row"
		case $level in
		LEVEL | ...) continue ;;
		esac
		rows=$((rows + 1))
		RUN_NS=$NS
		if [ "$mask" = error: ]; then
			check_rc "$key: --level-map $map --from-level $level" 2 \
				in_ns "netifmsg --level-map $map --from-level $level"
			check_grep "$key: level $level: $classes" "$classes" "$OUT"
			continue
		fi
		classes=$(sed -E 's/ \([^)]*\)$//' <<<"$classes")
		check_rc "$key: --level-map $map --from-level $level" 0 \
			in_ns "netifmsg --level-map $map --from-level $level"
		like_page "$key: level $level: output" "$mask $classes" "$OUT"
	done
	RUN_NS=
	check_eq "$key: rows" "yes" "$([ "$rows" -ge 9 ] && echo yes)"
}

# inline_monitor KEY EXPECTED: the block shows what `netifmsg --monitor
# -t` and `netifmsg --monitor -t -j` print when tap0 goes from 0x1 (at
# the monitor's start) to 0x5.  The monitors start before eth0 is toggled
# (until both print a line about it); the lines about eth0 are not
# compared.
inline_monitor() {
	local key=$1 shown=$2 try
	inline_ns "$key"
	start_monitor txt ip netns exec "$RUN_NS" -- --monitor -t
	start_monitor json ip netns exec "$RUN_NS" -- --monitor -t -j
	for ((try = 0; try < 300; try++)); do
		ip netns exec "$RUN_NS" ethtool -s eth0 msglvl $((1 + try % 2))
		sleep 0.05
		[ -s "$NIM_TMP/txt.out" ] && [ -s "$NIM_TMP/json.out" ] && break
	done
	ip netns exec "$RUN_NS" ethtool -s tap0 msglvl 5 ||
		fatal "$key: ethtool -s tap0 msglvl 5 failed"
	wait_for "$NIM_TMP/txt.out" '^tap0' &&
		wait_for "$NIM_TMP/json.out" '"tap0"' ||
		fail "$key: the monitors print a line about tap0"
	kill -TERM "${MON_PIDS[@]}" 2>/dev/null
	wait "${MON_PIDS[@]}" 2>/dev/null
	MON_PIDS=()
	grep -h tap0 "$NIM_TMP/txt.out" "$NIM_TMP/json.out" >"$OUT"
	like_page "$key: output" "$shown" "$OUT"
	inline_ns_done
}

# inline_block KEY LINES...: run one inline block and compare.
inline_block() {
	local key=$1 c shown=() line cmd=
	shift
	if [ -z "${INLINE_CMD[$key]+set}" ] && [[ $1 != '$ '* && $1 != '# '* ]]; then
		fail "$key: an inline example the test does not know" \
			"first line: $1" "(add it to INLINE_CMD)"
		return
	fi
	INLINE_USED[$key]=1
	c=${INLINE_CMD[$key]:-}
	case $c in
	@levels\ *)
		inline_levels "$key" "${c#@levels }" "$@"
		return
		;;
	esac
	for line; do
		if [[ $line == ' '* ]] && [ "${#shown[@]}" -gt 0 ]; then
			# One line with the line before it: in JSON the
			# blanks are the page's indent, in text one blank.
			if [[ ${shown[-1]} == ['[{']* ]]; then
				shown[-1]+=${line#"${line%%[! ]*}"}
			else
				shown[-1]+=$line
			fi
		elif [[ $line == '$ '* || $line == '# '* ]]; then
			[ -z "$cmd" ] && [ -z "$c" ] && [ "${#shown[@]}" = 0 ] ||
				fatal "$key: one command a block, at its start"
			cmd=${line:2}
		else
			shown+=("$line")
		fi
	done
	NCMDS=$((NCMDS + 1))
	if [ "$c" = @monitor ]; then
		inline_monitor "$key" "$(printf '%s\n' "${shown[@]}")"
		return
	fi
	[ -n "$cmd" ] || cmd=$c
	inline_ns "$key"
	check_rc "$key: $cmd" 0 in_ns "$cmd"
	like_page "$key: $cmd: output" "$(printf '%s\n' "${shown[@]}")" "$OUT"
	inline_ns_done
}

for p in "${PAGES[@]}"; do
	block=()
	key=
	while IFS= read -r line; do
		case $line in
		'@EX '*)
			key=${line#@EX }
			block=()
			;;
		@EE)
			inline_block "$key" "${block[@]}"
			;;
		*) block+=("$line") ;;
		esac
	done < <(inline_blocks "$p")
done
for k in "${!INLINE_CMD[@]}" "${!INLINE_SETUP[@]}"; do
	[ -n "${INLINE_USED[$k]+set}" ] ||
		fail "INLINE: a block the pages no longer have: $k"
done

finish
