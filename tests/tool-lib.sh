# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# The check helper of the tests that need no root and no kernel access
# (help.sh, hardening.sh, completion.sh); tests/lib.sh is the
# integration tests' one.

CHECKS=0
FAILS=0

# check NAME EXPECTED ACTUAL
check() {
	CHECKS=$((CHECKS + 1))
	if [ "$2" = "$3" ]; then
		echo "ok: $1"
	else
		FAILS=$((FAILS + 1))
		echo "FAIL: $1"
		echo "      expected: '$2'"
		echo "      actual:   '$3'"
	fi
}

# The last line: how many checks failed; the exit status says if any did.
finish() {
	echo "$(basename "$0" .sh): $CHECKS checks, $FAILS failures"
	[ "$FAILS" -eq 0 ]
}
