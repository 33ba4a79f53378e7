# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The Debian package: build it with dpkg-buildpackage in a clean copy of
# the tree (it writes its output into the parent directory and wants no
# build products around), check it with lintian (errors fail, warnings are
# shown), unpack it with dpkg -x into a temporary root and check that the
# program, the man page and the bash completion are where they belong.

ci_deb()
{
	local tmp src root deb changes f udevdir rc=0

	tmp=$(mktemp -d "${TMPDIR:-/tmp}/nim-deb.XXXXXX") || return 1
	src=$tmp/netifmsg
	mkdir "$src" || return 1
	# The committed files as they are in the work tree, nothing else.
	if [ -d .git ] || [ -f .git ]; then
		git -c safe.directory="$PWD" ls-files -z | tar --null -T - -cf - | tar -xf - -C "$src" ||
			{ rm -rf "$tmp"; return 1; }
	else
		echo "not a git checkout: cannot make a clean copy"
		rm -rf "$tmp"
		return 1
	fi

	if ! (cd "$src" && dpkg-buildpackage -us -uc -b) >ci-deb-build.log 2>&1; then
		tail -n 60 ci-deb-build.log
		ci_result "deb: dpkg-buildpackage -us -uc -b" 1
		rm -rf "$tmp"
		return 1
	fi
	ci_result "deb: dpkg-buildpackage -us -uc -b" 0

	# The program is linked with full RELRO, each flag given once:
	# configure adds none that dpkg-buildflags' LDFLAGS has already.
	f=$(grep -e ' -o src/netifmsg ' ci-deb-build.log | head -n 1)
	if [ "$(grep -o -e '-Wl,-z,relro' <<<"$f" | wc -l)" -eq 1 ] &&
	   [ "$(grep -o -e '-Wl,-z,now' <<<"$f" | wc -l)" -eq 1 ]; then
		ci_result "deb: -Wl,-z,relro and -Wl,-z,now once in the link" 0
	else
		echo "${f:-no link line of src/netifmsg in ci-deb-build.log}"
		ci_result "deb: -Wl,-z,relro and -Wl,-z,now once in the link" 1
		rc=1
	fi

	changes=$(ls "$tmp"/netifmsg_*.changes 2>/dev/null | head -n 1)
	deb=$(ls "$tmp"/netifmsg_*.deb 2>/dev/null | head -n 1)
	if [ -z "$deb" ] || [ -z "$changes" ]; then
		ls -l "$tmp"
		ci_result "deb: .deb and .changes written" 1
		rm -rf "$tmp"
		return 1
	fi

	# lintian: E: fails, W:/I: are shown but pass.
	lintian --info "$changes" >ci-deb-lintian.log 2>&1
	cat ci-deb-lintian.log
	if grep -q '^E: ' ci-deb-lintian.log; then
		ci_result "deb: lintian without errors" 1
		rc=1
	else
		ci_result "deb: lintian without errors" 0
	fi

	# The udev rule belongs in the udevdir of this release's udev.pc
	# (/lib/udev up to bookworm, /usr/lib/udev from trixie on).
	udevdir=$(pkg-config --variable=udevdir udev 2>/dev/null)
	udevdir=${udevdir:-/usr/lib/udev}
	root=$tmp/root
	if dpkg -x "$deb" "$root"; then
		for f in usr/sbin/netifmsg \
			 usr/share/man/man8/netifmsg.8.gz \
			 usr/share/man/man5/netifmsg.conf.5.gz \
			 etc/netifmsg.conf \
			 "${udevdir#/}/rules.d/90-netifmsg.rules" \
			 usr/share/bash-completion/completions/netifmsg; do
			if [ -f "$root/$f" ]; then
				ci_result "deb: installs /$f" 0
			else
				ci_result "deb: installs /$f" 1
				rc=1
			fi
		done
		# The drop-in directory, for 'netifmsg > /etc/netifmsg.d/saved.conf'.
		if [ -d "$root/etc/netifmsg.d" ]; then
			ci_result "deb: installs /etc/netifmsg.d/" 0
		else
			ci_result "deb: installs /etc/netifmsg.d/" 1
			rc=1
		fi
		dpkg -c "$deb"
		# The default configuration is a conffile, and all comments.
		if dpkg-deb -e "$deb" "$tmp/ctl" && grep -qx /etc/netifmsg.conf "$tmp/ctl/conffiles" &&
		   ! grep -qv '^\(#.*\)\?$' "$root/etc/netifmsg.conf"; then
			ci_result "deb: /etc/netifmsg.conf is a commented conffile" 0
		else
			ci_result "deb: /etc/netifmsg.conf is a commented conffile" 1
			rc=1
		fi
		# Debian's libjansson, not a copy (debian/rules): linked
		# dynamically, and a dependency of the package.
		if readelf -d "$root/usr/sbin/netifmsg" | grep -q 'NEEDED.*libjansson\.so' &&
		   dpkg-deb -f "$deb" Depends | grep -q 'libjansson'; then
			ci_result "deb: libjansson linked dynamically, and in Depends" 0
		else
			dpkg-deb -f "$deb" Depends
			ci_result "deb: libjansson linked dynamically, and in Depends" 1
			rc=1
		fi
		if [ "$("$root/usr/sbin/netifmsg" --version 2>&1)" = \
		     "netifmsg $(dpkg-deb -f "$deb" Version | sed 's/-[^-]*$//')" ]; then
			ci_result "deb: the packaged program runs (--version)" 0
		else
			ci_result "deb: the packaged program runs (--version)" 1
			rc=1
		fi
	else
		ci_result "deb: dpkg -x" 1
		rc=1
	fi
	rm -rf "$tmp"
	return "$rc"
}

ci_deb
