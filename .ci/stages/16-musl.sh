# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# src/ compiles against musl (Alpine, OpenWrt): every src/*.c with
# musl-gcc -fsyntax-only, a glibc-only call (scandirat() was one) being
# an implicit declaration, made an error.  With the config.h of the tree
# configured in place; musl-gcc leaves out /usr/include, so the kernel,
# libmnl and jansson headers come from a directory of symlinks.
ci_musl_inc=$(mktemp -d "${TMPDIR:-/tmp}/netifmsg-musl.XXXXXX")
ci_musl_ok=false
if [ -f config.h ] && command -v musl-gcc >ci-musl.log 2>&1 &&
   ln -s /usr/include/linux /usr/include/asm-generic /usr/include/libmnl \
	"/usr/include/$(gcc -print-multiarch)/asm" /usr/include/jansson*.h \
	"$ci_musl_inc" >>ci-musl.log 2>&1; then
	ci_musl_ok=true
	for ci_musl_f in src/*.c; do
		musl-gcc -std=gnu11 -include config.h -Isrc \
			-idirafter "$ci_musl_inc" -fsyntax-only \
			-Werror=implicit-function-declaration "$ci_musl_f" \
			>>ci-musl.log 2>&1 || ci_musl_ok=false
	done
else
	echo "no config.h (configure in place first), musl-gcc or headers" >>ci-musl.log
fi
if $ci_musl_ok; then
	ci_result "musl build of src/" 0
else
	tail -n 60 ci-musl.log
	ci_result "musl build of src/" 1
fi
rm -rf "$ci_musl_inc"
unset ci_musl_inc ci_musl_ok ci_musl_f
