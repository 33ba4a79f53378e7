#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Interface names made of arbitrary bytes (anything but NUL, '/', ':' and
# blanks): every -j output (show, show over the ioctl, change, --batch,
# --monitor) is valid UTF-8 JSON for a strict parser, and each name read
# back from it ("ifname", or the bytes of "ifname_hex") can be given back
# to netifmsg, as is each name as text output escapes it.  The work is
# in rawnames.py.

if [ -n "${top_srcdir:-}" ]; then
	NIM_LIB=$top_srcdir/tests/lib.sh
	NIM_PY=$top_srcdir/tests/rawnames.py
else
	NIM_LIB=$(dirname "$0")/lib.sh
	NIM_PY=$(dirname "$0")/rawnames.py
fi
# shellcheck source=tests/lib.sh
. "$NIM_LIB"

command -v python3 >/dev/null 2>&1 || missing python3 python3
setup_ns 1

SEED=${NIM_SEED:-$RANDOM}
echo "random names from seed $SEED (NIM_SEED=$SEED to repeat)"
# Under a wrapper (valgrind) every run costs a second: fewer names.
count=200
[ ${#NIM_WRAPPER[@]} -gt 0 ] && count=30
python3 "$NIM_PY" "$NS" "$NETIFMSG" "$SEED" "${NIM_RAWNAMES:-$count}" \
	"${NIM_WRAPPER[@]}" >"$NIM_TMP/py.out" 2>&1
py_rc=$?
while IFS= read -r line; do
	case $line in
	ok:\ *) pass "${line#ok: }" ;;
	FAIL:\ *) fail "${line#FAIL: }" ;;
	*) echo "$line" ;;
	esac
done <"$NIM_TMP/py.out"
check_eq "rawnames.py ran to the end" 0 "$py_rc"

finish
