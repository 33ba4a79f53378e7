# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# A fuzz smoke run: each libFuzzer harness (tests/fuzz/) for
# CI_FUZZ_SECONDS (default 20) from the committed seed corpus; a crash,
# leak or timeout fails CI and its input is printed for the unit tests.
# 20 s, not 60: the whole of .ci/run took 1,887 s on a fresh machine at
# 60 s, and 1,794 s at 30 s on 2026-12-06, against the 30 minutes it
# must stay under; long runs are `make fuzz`'s.
# The harnesses run two at a time, one a core, each in its own
# directory: the same fuzzing time each, less wall time.
ci_fz_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-fuzz.XXXXXX")

# ci_fz_start HARNESS: build and run HARNESS in the background; its exit
# status is left in $ci_fz_dir/HARNESS.rc.
ci_fz_start()
{
	mkdir -p "$ci_fz_dir/$1"
	(
		FUZZ_DIR=$ci_fz_dir/$1 FUZZ_SECONDS=${CI_FUZZ_SECONDS:-20} \
			bash tests/fuzz/run.sh "$1" >"ci-$1.log" 2>&1
		echo $? >"$ci_fz_dir/$1.rc"
	) &
}

# ci_fz_report HARNESS: its result, and on failure its log and inputs.
ci_fz_report()
{
	local in

	if [ "$(cat "$ci_fz_dir/$1.rc" 2>/dev/null)" = 0 ]; then
		grep -E '^Done [0-9]+ runs' "ci-$1.log"
		ci_result "fuzz: $1" 0
		return
	fi
	tail -n 60 "ci-$1.log"
	for in in "$ci_fz_dir/$1"/crash-* "$ci_fz_dir/$1"/leak-* \
		"$ci_fz_dir/$1"/timeout-* "$ci_fz_dir/$1"/oom-*; do
		[ -e "$in" ] || continue
		echo "input $in:"
		od -A d -t x1 "$in" | head -n 20
	done
	ci_result "fuzz: $1" 1
}

for ci_fz in "fuzz_cmdline fuzz_reply" "fuzz_format fuzz_batch" \
	"fuzz_conf fuzz_kmsg"; do
	read -r -a ci_fz <<<"$ci_fz"
	for ci_h in "${ci_fz[@]}"; do
		ci_fz_start "$ci_h"
	done
	wait
	for ci_h in "${ci_fz[@]}"; do
		ci_fz_report "$ci_h"
	done
done
rm -rf "$ci_fz_dir"
unset ci_fz ci_fz_dir ci_h
unset -f ci_fz_start ci_fz_report
