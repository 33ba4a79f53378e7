# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The whole test suite (unit and integration) a second time, in a separate
# build with ./configure --enable-sanitizers (gcc, -fsanitize=address,
# undefined, no recovery: any report fails the test that caused it).
# The build is the one distcheck makes: the distribution (make distdir),
# read-only, built beside it (VPATH).  So this run is also the proof that
# the tarball holds all the integration tests need, which distcheck's own
# run (stage 10: unit and tool tests, install, uninstall) leaves to it.
ci_san_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-san.XXXXXX")
ci_san_ok=false
if make distdir distdir="$ci_san_dir/src" >ci-sanitizers.log 2>&1 &&
   chmod -R a-w "$ci_san_dir/src" && mkdir "$ci_san_dir/build" &&
   (cd "$ci_san_dir/build" && ../src/configure --enable-sanitizers &&
	make -j"$(nproc)") >>ci-sanitizers.log 2>&1; then
	ci_san_ok=true
fi
if $ci_san_ok && grep -q -- '-fsanitize=address,undefined' "$ci_san_dir/build/Makefile"; then
	ci_result "sanitizer build" 0
	# -fno-sanitize-recover=all makes UBSan fatal too; ASan's own
	# default already is.  Leak checking is on (detect_leaks).  An
	# instrumented start costs more: concurrency.sh's 4000 runs went past
	# the 600 s watchdog on a loaded machine, so 1500 s, as valgrind has.
	# Its race is the plain make check's to stress; here 200 changes per
	# writer run the same code under the sanitizers (NIM_CONC_N).
	NIM_TIMEOUT=1500 NIM_CONC_N=200 \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		make -C "$ci_san_dir/build" -j"$(nproc)" check \
		TESTS='$(CHECK_TESTS) $(TOOL_TESTS) $(INTEGRATION_TESTS)' \
		>ci-sanitizers-check.log 2>&1
	ci_san_rc=$?
	ci_count_trs "$ci_san_dir/build" "sanitizers"
	ci_make_status "sanitizers" "$ci_san_rc" ci-sanitizers-check.log
else
	tail -n 60 ci-sanitizers.log
	ci_result "sanitizer build" 1
fi
chmod -R u+w "$ci_san_dir"
rm -rf "$ci_san_dir"
unset ci_san_dir ci_san_ok ci_san_rc
