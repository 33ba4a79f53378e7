# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# make distcheck: the release tarball builds out of its read-only tree,
# passes its unit and tool tests (help, man pages, completion, hardening,
# install), installs and uninstalls cleanly.  Its integration tests run
# in stage 20, in the same kind of build (read-only distribution, VPATH)
# with the sanitizers on: one run of them from the tarball, not two.
# With -j the build and the tests inside it run in parallel.
if make -j"$(nproc)" distcheck TESTS='$(CHECK_TESTS) $(TOOL_TESTS)' \
	>ci-distcheck.log 2>&1; then
	grep -E '^# (TOTAL|PASS|FAIL|ERROR):' ci-distcheck.log
	ci_result "make distcheck" 0
else
	tail -n 80 ci-distcheck.log
	ci_result "make distcheck" 1
fi
