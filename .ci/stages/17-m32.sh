# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# A 32-bit (i386) build, as OpenWrt's ARM and MIPS routers often have:
# warning-free (-Wformat catches %zu/%lu mixups there), then its tests,
# where size_t sums of netlink lengths wrap at 4 GiB.  A clean copy of
# the distribution (make distdir) built with gcc -m32 against the :i386
# packages; its netifmsg talks to the 64-bit kernel through compat.
# The whole suite runs: about 2 minutes on two cores.
ci_m32_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-m32.XXXXXX")
if make distdir distdir="$ci_m32_dir/src" >ci-m32.log 2>&1 &&
   (cd "$ci_m32_dir/src" && ./configure CC='gcc -m32' \
	PKG_CONFIG_LIBDIR=/usr/lib/i386-linux-gnu/pkgconfig:/usr/share/pkgconfig &&
	make -j"$(nproc)" && make -j"$(nproc)" check TESTS=) >>ci-m32.log 2>&1 &&
   [ "$(od -An -tx1 -j4 -N1 "$ci_m32_dir/src/src/netifmsg")" = " 01" ]; then
	ci_result "32-bit build" 0
	if grep -n 'warning:' ci-m32.log; then
		ci_result "32-bit build without warnings" 1
	else
		ci_result "32-bit build without warnings" 0
	fi
	make -C "$ci_m32_dir/src" -j"$(nproc)" check \
		TESTS='$(CHECK_TESTS) $(TOOL_TESTS) $(INTEGRATION_TESTS)' \
		>ci-m32-check.log 2>&1
	ci_count_trs "$ci_m32_dir/src" "32-bit"
else
	tail -n 60 ci-m32.log
	ci_result "32-bit build" 1
fi
rm -rf "$ci_m32_dir"
unset ci_m32_dir
