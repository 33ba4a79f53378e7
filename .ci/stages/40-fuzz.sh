# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# A fuzz smoke run: each libFuzzer harness (tests/fuzz/) for
# CI_FUZZ_SECONDS (default 60) from the committed seed corpus; a crash,
# leak or timeout fails CI and its input is printed for the unit tests.
ci_fz_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-fuzz.XXXXXX")
for ci_fz in fuzz_cmdline fuzz_reply fuzz_format fuzz_batch; do
	if FUZZ_DIR=$ci_fz_dir FUZZ_SECONDS=${CI_FUZZ_SECONDS:-60} \
	   bash tests/fuzz/run.sh "$ci_fz" >"ci-$ci_fz.log" 2>&1; then
		grep -E '^Done [0-9]+ runs' "ci-$ci_fz.log"
		ci_result "fuzz: $ci_fz" 0
	else
		tail -n 60 "ci-$ci_fz.log"
		for ci_fz_in in "$ci_fz_dir"/crash-* "$ci_fz_dir"/leak-* \
			"$ci_fz_dir"/timeout-* "$ci_fz_dir"/oom-*; do
			[ -e "$ci_fz_in" ] || continue
			echo "input $ci_fz_in:"
			od -A d -t x1 "$ci_fz_in" | head -n 20
		done
		ci_result "fuzz: $ci_fz" 1
	fi
	rm -f "$ci_fz_dir"/crash-* "$ci_fz_dir"/leak-* "$ci_fz_dir"/timeout-* "$ci_fz_dir"/oom-*
done
rm -rf "$ci_fz_dir"
unset ci_fz ci_fz_dir ci_fz_in
