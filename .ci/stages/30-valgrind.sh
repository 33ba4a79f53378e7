# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The integration tests a third time, with the program under valgrind
# (tests/lib.sh puts NETIFMSG_WRAPPER in front of every run).  Zero
# reports: valgrind exits 99 on an error (not 1, which netifmsg itself
# uses for failures that tests expect), and every report also lands in a
# log file per run, which must all be empty.  A test may take 1500 s here
# (NIM_TIMEOUT, tests/lib.sh) before its watchdog stops it.  The tests run
# in parallel, as in make check.  .ci/valgrind.supp holds the one
# suppression: a defect of valgrind's own, not of netifmsg.  --vgdb=no:
# no gdbserver pipes in /tmp, where a killed run's stale one (root's)
# made a later run as nobody under the same pid fail with EACCES.
# --read-inline-info=no: each of the 2,300 runs starts about 12% faster
# (farm-bench -n 30, paired, on --version: 0.88 of the wall time), for
# reports without the frames of inlined functions (their callers' lines
# are still named); where one fails, run that test again without it.
# --vex-guest-chase=no: valgrind translates each block alone, without
# following its jumps into the next, and translating is most of what
# these short runs cost: 0.91 of the wall time of a refused change, 0.96
# of a change of 1000 taps (farm-bench -n 40 and -n 20, paired).  How
# the code is translated changes, not what memcheck checks.
ci_vg_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-vg.XXXXXX")
# The privilege tests run the program as nobody: it must write here too.
chmod 1777 "$ci_vg_dir"
touch "$ci_vg_dir/stamp"
# One new log file per run: valgrind's %p repeats when pids are reused,
# and a reused name would lose a report (or, for nobody, fail to open).
cat >"$ci_vg_dir/wrap" <<EOF
#!/bin/sh
log=\$(mktemp "$ci_vg_dir/vg.XXXXXXXX.log") || exit 98
exec valgrind -q --vgdb=no --read-inline-info=no --vex-guest-chase=no \\
	--leak-check=full \\
	--errors-for-leak-kinds=definite,possible \\
	--suppressions="$PWD/.ci/valgrind.supp" \\
	--error-exitcode=99 --log-file="\$log" "\$@"
EOF
chmod 755 "$ci_vg_dir/wrap"
# Valgrind reads the debugging symbols of libc (Debian's valgrind depends
# on libc6-dbg, for those of ld.so) at each start: 0.2 s of the 0.5 s
# that a run of the program costs here (valgrind -v --time-stamp=yes).
# The stage hides that one file behind /dev/null in a mount namespace of
# its own: 0.64 of the wall time a run (farm-bench -n 30, paired).  A
# report then names libc's exported functions, not its internal ones or
# its lines; netifmsg's own frames keep theirs.  ld.so's are kept: its
# strlen() must be redirected before anything runs.
ci_vg_run=()
ci_vg_libc=$(ldd src/netifmsg | awk '$1 ~ /^libc\.so/ { print $3 }')
ci_vg_id=$(readelf -n "$ci_vg_libc" 2>/dev/null | awk '/Build ID:/ { print $3 }')
ci_vg_dbg=/usr/lib/debug/.build-id/${ci_vg_id:0:2}/${ci_vg_id:2}.debug
if [ -n "$ci_vg_id" ] && [ -f "$ci_vg_dbg" ] &&
   unshare -m --propagation private mount --bind /dev/null "$ci_vg_dbg"; then
	ci_vg_run=(unshare -m --propagation private sh -c \
		'mount --bind /dev/null "$0" && exec "$@"' "$ci_vg_dbg")
	echo "valgrind: without libc's debugging symbols ($ci_vg_dbg)"
fi
"${ci_vg_run[@]}" env NIM_TIMEOUT=1500 NETIFMSG_WRAPPER="$ci_vg_dir/wrap" \
	make -j"$(nproc)" check-integration >ci-valgrind.log 2>&1
ci_vg_rc=$?
ci_count_trs . "valgrind" "$ci_vg_dir/stamp"
ci_make_status "valgrind" "$ci_vg_rc" ci-valgrind.log
ci_vg_reports=$(find "$ci_vg_dir" -name 'vg.*.log' -size +0 | wc -l)
ci_vg_runs=$(find "$ci_vg_dir" -name 'vg.*.log' | wc -l)
echo "valgrind: $ci_vg_runs runs of the program, $ci_vg_reports with reports"
if [ "$ci_vg_runs" -eq 0 ]; then
	ci_result "valgrind: the program ran under valgrind" 1
elif [ "$ci_vg_reports" -ne 0 ]; then
	find "$ci_vg_dir" -name 'vg.*.log' -size +0 | head -n 5 | xargs cat
	ci_result "valgrind: no reports" 1
else
	ci_result "valgrind: no reports" 0
fi
rm -rf "$ci_vg_dir"
unset ci_vg_rc ci_vg_dir ci_vg_reports ci_vg_runs ci_vg_run ci_vg_libc ci_vg_id ci_vg_dbg
