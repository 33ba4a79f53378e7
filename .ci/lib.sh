# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for .ci/run and its stages: counting and reporting results.

CI_PASSED=0
CI_FAILED=0
CI_SKIPPED=0
CI_FAILURES=()

ci_step()
{
	printf '\n==== %s\n' "$*"
}

# ci_result NAME STATUS: 0 passed, 77 skipped, anything else failed.
ci_result()
{
	case "$2" in
	0)	CI_PASSED=$((CI_PASSED + 1)); echo "PASS: $1" ;;
	77)	CI_SKIPPED=$((CI_SKIPPED + 1)); echo "SKIP: $1" ;;
	*)	CI_FAILED=$((CI_FAILED + 1)); CI_FAILURES+=("$1"); echo "FAIL: $1" ;;
	esac
}

# ci_count_trs DIR LABEL [SINCE]: count automake's per-test results under
# DIR written after the file SINCE (default DIR/Makefile) and print the
# log of every test that did not pass; as root, a skip is a failure.
ci_count_trs()
{
	local dir=$1 label=$2 since=${3:-$1/Makefile} trs res name n=0

	while IFS= read -r trs; do
		n=$((n + 1))
		res=$(sed -n 's/^:test-result: //p' "$trs" | head -n 1)
		name="$label: ${trs#"$dir"/}"
		name=${name%.trs}
		case "$res" in
		PASS|XFAIL)	ci_result "$name" 0 ;;
		# A test skips only without root (its reason in its log):
		# CI runs as root, so one skipped there did not run and fails.
		SKIP)		if [ "$(id -u)" = 0 ]; then
					ci_result "$name (skipped as root)" 1
				else
					ci_result "$name" 77
				fi
				sed -n '1,5p' "${trs%.trs}.log" ;;
		*)		ci_result "$name" 1
				echo "---- ${trs%.trs}.log"
				cat "${trs%.trs}.log" ;;
		esac
	done < <(find "$dir" -name '*.trs' -newer "$since" | sort)
	if [ "$n" -eq 0 ]; then
		# No test ran at all: that is a failure, not a pass.
		[ -f "$dir/ci-check.log" ] && tail -n 50 "$dir/ci-check.log"
		ci_result "$label: no test results" 1
	fi
}

# ci_make_status LABEL RC LOG: make's own exit status.  A test that make
# never ran (a rule that failed first, a test missing from the tree)
# leaves no .trs for ci_count_trs to count: make's status says so.
ci_make_status()
{
	if [ "$2" -ne 0 ]; then
		tail -n 30 "$3"
		ci_result "$1: make exited with status $2" 1
	else
		ci_result "$1: make exited with status 0" 0
	fi
}

ci_summary()
{
	local f

	echo
	for f in "${CI_FAILURES[@]}"; do
		echo "failed: $f"
	done
	echo "$CI_PASSED passed, $CI_FAILED failed, $CI_SKIPPED skipped"
	[ "$CI_FAILED" -eq 0 ]
}
