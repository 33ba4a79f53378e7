# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# A 32-bit (i386) build, as OpenWrt's ARM and MIPS routers often have:
# warning-free (-Wformat catches %zu/%lu mixups there), then its tests,
# where size_t sums of netlink lengths wrap at 4 GiB.  A clean copy of
# the distribution (make distdir) built with gcc -m32 against the :i386
# packages; its netifmsg talks to the 64-bit kernel through compat.
# The whole suite runs: about 2 minutes on two cores.
#
# Some machines cannot run i386 programs at all (execve() fails with
# "Exec format error": no IA32 emulation in their kernel).  There the
# build is a cross build (--host, so that configure runs nothing), and
# the Check unit tests run under qemu-i386, but for those tagged
# "kernel", which talk to the running kernel: qemu-user has no generic
# netlink and no SIOCETHTOOL ioctl, so neither those nor the tool and
# integration tests can run 32-bit there, and they are counted skipped.
ci_m32_dir=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-m32.XXXXXX")
ci_m32_host=
ci_m32_skip=false
if [ "$(dpkg-query -W -f='${db:Status-Abbrev}\n' gcc-multilib \
	libmnl-dev:i386 check:i386 libjansson-dev:i386 2>/dev/null |
	grep -c '^ii')" -ne 4 ]; then
	ci_result "32-bit build (its packages could not be installed: see ci-apt.log)" 77
	ci_m32_skip=true
fi
printf 'int main(void) { return 0; }\n' >"$ci_m32_dir/probe.c"
if ! $ci_m32_skip &&
   ! { gcc -m32 -o "$ci_m32_dir/probe" "$ci_m32_dir/probe.c" &&
       "$ci_m32_dir/probe"; } >ci-m32.log 2>&1; then
	echo "this machine cannot run i386 programs: a cross build, its unit tests under qemu-i386"
	ci_m32_host=--host=i686-linux-gnu
fi
if $ci_m32_skip; then
	:
elif make distdir distdir="$ci_m32_dir/src" >>ci-m32.log 2>&1 &&
   (cd "$ci_m32_dir/src" && ./configure $ci_m32_host CC='gcc -m32' \
	PKG_CONFIG_LIBDIR=/usr/lib/i386-linux-gnu/pkgconfig:/usr/share/pkgconfig &&
	make -j"$(nproc)" && make -j"$(nproc)" check TESTS=) >>ci-m32.log 2>&1 &&
   [ "$(od -An -tx1 -j4 -N1 "$ci_m32_dir/src/src/netifmsg")" = " 01" ]; then
	ci_result "32-bit build" 0
	# A cross build's configure says it uses gcc, not i686-linux-gnu-gcc.
	if grep -n 'warning:' ci-m32.log |
	   grep -v 'using cross tools not prefixed with host triplet'; then
		ci_result "32-bit build without warnings" 1
	else
		ci_result "32-bit build without warnings" 0
	fi
	if [ -z "$ci_m32_host" ]; then
		make -C "$ci_m32_dir/src" -j"$(nproc)" check \
			TESTS='$(CHECK_TESTS) $(TOOL_TESTS) $(INTEGRATION_TESTS)' \
			>ci-m32-check.log 2>&1
		ci_m32_rc=$?
		ci_count_trs "$ci_m32_dir/src" "32-bit"
		ci_make_status "32-bit" "$ci_m32_rc" ci-m32-check.log
	else
		# Emulated, the model checkers' 1000 seeds (each a fork)
		# run several times slower than natively, and one ran past
		# its 120 s on a loaded machine: Check's timeouts are
		# there to catch a hang, not to time the tests.
		CK_TIMEOUT_MULTIPLIER=5 CK_EXCLUDE_TAGS=kernel \
			make -C "$ci_m32_dir/src" -j"$(nproc)" \
			check TESTS='$(CHECK_TESTS)' LOG_COMPILER=qemu-i386 \
			>ci-m32-check.log 2>&1
		ci_m32_rc=$?
		ci_count_trs "$ci_m32_dir/src" "32-bit (qemu-i386)"
		ci_make_status "32-bit (qemu-i386)" "$ci_m32_rc" ci-m32-check.log
		ci_result "32-bit: the unit tests tagged kernel, the tool and integration tests (no i386 program runs here, and qemu-i386 has no generic netlink)" 77
	fi
else
	tail -n 60 ci-m32.log
	ci_result "32-bit build" 1
fi
rm -rf "$ci_m32_dir"
unset ci_m32_dir ci_m32_host ci_m32_skip ci_m32_rc
