#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the libFuzzer harnesses with clang and run each for FUZZ_SECONDS.
#
#   tests/fuzz/run.sh [HARNESS...]     build and run (default: all)
#   tests/fuzz/run.sh --build-only     build only
#
# Environment:
#   FUZZ_SECONDS   run time per harness (default 60)
#   FUZZ_RUNS      stop after this many executions instead (-runs=N)
#   FUZZ_DIR       build and work directory (default: a new temporary one)
#   FUZZ_ARGS      more libFuzzer options, e.g. "-jobs=1"
#   CC_FUZZ        the compiler (default clang)
#
# Each runs with a dictionary of what it reads: words.dict (netifmsg's
# words and JSON keys), netlink.dict (fuzz_reply's datagrams) or
# kmsg.dict (fuzz_kmsg's kernel log records).
# The committed seed corpus tests/fuzz/corpus/HARNESS/ is only read; new
# inputs go to FUZZ_DIR/corpus-HARNESS.  A crash leaves its input in
# FUZZ_DIR/crash-* (add it to the unit tests) and makes the exit status 1.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cc=${CC_FUZZ:-clang}
seconds=${FUZZ_SECONDS:-60}
all=(fuzz_cmdline fuzz_reply fuzz_format fuzz_batch fuzz_conf fuzz_kmsg)
build_only=false

if [ "${1:-}" = --build-only ]; then
	build_only=true
	shift
fi
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

command -v "$cc" >/dev/null 2>&1 || { echo "run.sh: $cc not found" >&2; exit 1; }
if ! mnl_cflags=$(pkg-config --cflags libmnl jansson) ||
   ! mnl_libs=$(pkg-config --libs libmnl jansson); then
	echo "run.sh: libmnl or jansson not found by pkg-config" >&2
	exit 1
fi
read -r -a mnl_cflags <<<"$mnl_cflags"
read -r -a mnl_libs <<<"$mnl_libs"

if [ -z "${FUZZ_DIR:-}" ]; then
	FUZZ_DIR=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-fuzz.XXXXXX") || exit 1
fi
mkdir -p "$FUZZ_DIR" || exit 1

# shellcheck disable=SC2054 # the commas belong to -fsanitize=
cflags=(-std=gnu11 -g -O1 -fno-omit-frame-pointer
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-D_GNU_SOURCE '-DPACKAGE_STRING="netifmsg fuzz"'
	-I"$top/src" "${mnl_cflags[@]}" -Wall -Wextra -Wno-missing-prototypes)

# The convenience library's sources, as Makefile.am lists them (no socket
# is ever opened by the harnesses, but genl.c holds the reply path).
mapfile -t lib < <(sed -n '/^src_libnetifmsg_a_SOURCES/,/NULL/p' \
	"$top/Makefile.am" | grep -o 'src/[A-Za-z0-9_]*\.c')
[ ${#lib[@]} -gt 0 ] || { echo "run.sh: no sources in Makefile.am" >&2; exit 1; }

sources_for() {
	local s
	for s in "${lib[@]}"; do
		echo "$top/$s"
	done
	echo "$here/$1.c"
}

build() {
	# shellcheck disable=SC2046 # word splitting of the source list
	"$cc" "${cflags[@]}" -o "$FUZZ_DIR/$1" $(sources_for "$1") "${mnl_libs[@]}"
}

maxlen() {
	case $1 in
	fuzz_cmdline) echo 512 ;;
	fuzz_format) echo 256 ;;
	fuzz_batch) echo 256 ;;	# plus a run of up to 8193 bytes
	fuzz_conf) echo 8192 ;;	# a line of BATCH_LINE_MAX bytes, and more
	fuzz_kmsg) echo 1024 ;;	# a record; the parser has no limit of its own
	*) echo 4096 ;;
	esac
}

# The dictionary of the syntax it reads.
dict() {
	case $1 in
	fuzz_reply) echo "$here/netlink.dict" ;;
	fuzz_kmsg) echo "$here/kmsg.dict" ;;
	*) echo "$here/words.dict" ;;
	esac
}

rc=0
for h in "${harnesses[@]}"; do
	echo "== $h: build"
	if ! build "$h"; then
		echo "run.sh: building $h failed" >&2
		exit 1
	fi
	$build_only && continue
	mkdir -p "$FUZZ_DIR/corpus-$h"
	limit=(-max_total_time="$seconds")
	[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
	echo "== $h: run (${limit[*]})"
	# shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
	(cd "$FUZZ_DIR" && "./$h" "${limit[@]}" -max_len="$(maxlen "$h")" \
		-dict="$(dict "$h")" -timeout=10 -rss_limit_mb=1024 \
		-print_final_stats=1 -artifact_prefix="$FUZZ_DIR/" ${FUZZ_ARGS:-} \
		"corpus-$h" "$here/corpus/$h")
	st=$?
	if [ "$st" -ne 0 ]; then
		echo "run.sh: $h FAILED (exit $st); inputs kept:" >&2
		for f in "$FUZZ_DIR"/crash-* "$FUZZ_DIR"/leak-* \
			"$FUZZ_DIR"/timeout-* "$FUZZ_DIR"/oom-*; do
			[ -e "$f" ] && echo "  $f" >&2
		done
		rc=1
	fi
done
exit $rc
