# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The program and the unit tests built with clang, which warns where gcc
# does not (-Wstring-plus-int): warning-free too.  A clean copy of the
# distribution (make distdir), as the tree is configured in place for gcc.
ci_cl_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-clang.XXXXXX")
if make distdir distdir="$ci_cl_dir/src" >ci-clang.log 2>&1 &&
   (cd "$ci_cl_dir/src" && ./configure CC=clang &&
	make -j"$(nproc)" && make -j"$(nproc)" check TESTS=) >>ci-clang.log 2>&1; then
	ci_result "clang build" 0
	if grep -n 'warning:' ci-clang.log; then
		ci_result "clang build without warnings" 1
	else
		ci_result "clang build without warnings" 0
	fi
else
	tail -n 60 ci-clang.log
	ci_result "clang build" 1
fi
rm -rf "$ci_cl_dir"
unset ci_cl_dir
