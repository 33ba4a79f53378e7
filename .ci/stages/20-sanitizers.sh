# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The whole test suite (unit and integration) a second time, in a separate
# build with ./configure --enable-sanitizers (gcc, -fsanitize=address,
# undefined, no recovery: any report fails the test that caused it).
# The tree itself is configured in place, which refuses VPATH builds, so
# the build happens in a clean copy of the distribution (make distdir).
ci_san_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-san.XXXXXX")
ci_san_ok=false
if make distdir distdir="$ci_san_dir/src" >ci-sanitizers.log 2>&1 &&
   (cd "$ci_san_dir/src" && ./configure --enable-sanitizers &&
	make -j"$(nproc)") >>ci-sanitizers.log 2>&1; then
	ci_san_ok=true
fi
if $ci_san_ok && grep -q -- '-fsanitize=address,undefined' "$ci_san_dir/src/Makefile"; then
	ci_result "sanitizer build" 0
	# -fno-sanitize-recover=all makes UBSan fatal too; ASan's own
	# default already is.  Leak checking is on (detect_leaks).  An
	# instrumented start costs more: concurrency.sh's 4000 runs went past
	# the 600 s watchdog on a loaded machine, so 1500 s, as valgrind has.
	NIM_TIMEOUT=1500 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		make -C "$ci_san_dir/src" -j"$(nproc)" check >ci-sanitizers-check.log 2>&1
	ci_count_trs "$ci_san_dir/src" "sanitizers"
else
	tail -n 60 ci-sanitizers.log
	ci_result "sanitizer build" 1
fi
rm -rf "$ci_san_dir"
unset ci_san_dir ci_san_ok
