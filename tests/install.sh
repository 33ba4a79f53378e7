#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make install into a DESTDIR: the program, both man pages, the udev rule
# (its RUN is the installed program), the commented default configuration,
# the empty drop-in directory netifmsg.d (mode 0755: 'netifmsg >
# /etc/netifmsg.d/saved.conf', as README and netifmsg.conf(5) say, needs
# it) and the completion; make uninstall takes them away again, but keeps a
# configuration the administrator changed; install keeps one that is a
# symlink, dangling too.  No root needed.

. "${top_srcdir:-$(dirname "$0")/..}/tests/tool-lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
B=${top_builddir:-$(cd "$(dirname "$0")/.." && pwd)}
[ -f "$B/Makefile" ] || { echo "SKIP: install: no Makefile in $B" >&2; exit 77; }
command -v make >/dev/null 2>&1 || { echo "SKIP: install: no make" >&2; exit 77; }
D=$(mktemp -d "${TMPDIR:-/tmp}/nim-install.XXXXXX") || exit 1
trap 'rm -rf "$D" "$D.rule"' EXIT

# var NAME: a variable of the build's Makefile (its last line of output).
var() {
	make -s --no-print-directory -C "$B" -f - print 2>/dev/null <<EOF2 | tail -n 1
include Makefile
print:
	@echo \$($1)
EOF2
}
sbindir=$(var sbindir)
sysconfdir=$(var sysconfdir)
mandir=$(var mandir)
udevrulesdir=$(var udevrulesdir)
bashcompletiondir=$(var bashcompletiondir)

make -s -C "$B" install DESTDIR="$D" >"$D.log" 2>&1
check "make install DESTDIR" 0 "$?"
for f in "$sbindir/netifmsg" "$mandir/man8/netifmsg.8" \
	 "$mandir/man5/netifmsg.conf.5" "$sysconfdir/netifmsg.conf"; do
	check "installs $f" yes "$([ -f "$D$f" ] && echo yes)"
done
if [ -n "$udevrulesdir" ]; then
	rule=$D$udevrulesdir/90-netifmsg.rules
	check "installs $udevrulesdir/90-netifmsg.rules" yes "$([ -f "$rule" ] && echo yes)"
	check "the rule runs the installed netifmsg" \
		"ACTION==\"add\", SUBSYSTEM==\"net\", RUN+=\"$sbindir/netifmsg --apply --ifindex \$env{IFINDEX}\"" \
		"$(grep -v '^#' "$rule")"
fi
# A path given to make (make install prefix=... or sbindir=...) makes the
# rule again, as it makes the program again for sysconfdir: made here in
# a directory of its own, so that the build's rule (apply.sh runs it)
# stays as it is.
if [ -n "$udevrulesdir" ]; then
	S=$(cd "${top_srcdir:-$B}" && pwd)
	mkdir "$D.rule"
	for sb in /opt/nim-a/sbin /opt/nim-b/sbin; do
		make -s -C "$D.rule" -f "$B/Makefile" srcdir="$S" sbindir="$sb" \
			contrib/90-netifmsg.rules >>"$D.log" 2>&1
		check "the rule made again for sbindir=$sb" \
			"ACTION==\"add\", SUBSYSTEM==\"net\", RUN+=\"$sb/netifmsg --apply --ifindex \$env{IFINDEX}\"" \
			"$(grep -v '^#' "$D.rule/contrib/90-netifmsg.rules" 2>&1)"
	done
	rm -rf "$D.rule"
fi
if [ -n "$bashcompletiondir" ]; then
	check "installs $bashcompletiondir/netifmsg, the completion" same \
		"$(cmp -s "${top_srcdir:-$B}/completion/netifmsg" \
			"$D$bashcompletiondir/netifmsg" && echo same)"
fi
check "the default configuration is all comments" \
	0 "$(grep -cv '^\(#.*\)\?$' "$D$sysconfdir/netifmsg.conf")"
check "installs $sysconfdir/netifmsg.d/, mode 0644 and 0755" "644 755" \
	"$(stat -c %a "$D$sysconfdir/netifmsg.conf" "$D$sysconfdir/netifmsg.d" 2>&1 | tr '\n' ' ' | sed 's/ $//')"
check "$sysconfdir/netifmsg.d/ is empty" "" "$(ls -A "$D$sysconfdir/netifmsg.d" 2>&1)"

# A second install keeps a changed configuration; uninstall keeps it too.
echo "eth0 +link" >>"$D$sysconfdir/netifmsg.conf"
echo "eth1 +link" >"$D$sysconfdir/netifmsg.d/saved.conf"
make -s -C "$B" install DESTDIR="$D" >>"$D.log" 2>&1
check "reinstall keeps a changed configuration" \
	"eth0 +link" "$(tail -n 1 "$D$sysconfdir/netifmsg.conf")"
check "reinstall keeps a drop-in file" \
	"eth1 +link" "$(cat "$D$sysconfdir/netifmsg.d/saved.conf")"
make -s -C "$B" uninstall DESTDIR="$D" >>"$D.log" 2>&1
check "make uninstall" 0 "$?"
for f in "$sbindir/netifmsg" "$mandir/man8/netifmsg.8" \
	 "$mandir/man5/netifmsg.conf.5" \
	 ${udevrulesdir:+"$udevrulesdir/90-netifmsg.rules"} \
	 ${bashcompletiondir:+"$bashcompletiondir/netifmsg"}; do
	check "uninstall: $f is gone" gone "$([ -e "$D$f" ] || echo gone)"
done
check "uninstall: a changed configuration stays" \
	kept "$([ -f "$D$sysconfdir/netifmsg.conf" ] && echo kept)"
check "uninstall: a drop-in file stays" \
	kept "$([ -f "$D$sysconfdir/netifmsg.d/saved.conf" ] && echo kept)"
rm -f "$D$sysconfdir/netifmsg.conf" "$D$sysconfdir/netifmsg.d/saved.conf"
make -s -C "$B" install DESTDIR="$D" >>"$D.log" 2>&1
make -s -C "$B" uninstall DESTDIR="$D" >>"$D.log" 2>&1
check "uninstall: the unchanged default configuration goes" \
	gone "$([ -e "$D$sysconfdir/netifmsg.conf" ] || echo gone)"
check "uninstall: the empty netifmsg.d/ goes" \
	gone "$([ -e "$D$sysconfdir/netifmsg.d" ] || echo gone)"

# The administrator's symlinks, dangling ones too (to a file system not
# mounted yet), are a configuration: install keeps them and succeeds.
ln -s /nonexistent/netifmsg.conf "$D$sysconfdir/netifmsg.conf"
ln -s /nonexistent/netifmsg.d "$D$sysconfdir/netifmsg.d"
make -s -C "$B" install DESTDIR="$D" >>"$D.log" 2>&1
check "install beside dangling symlinks" 0 "$?"
check "install keeps a dangling symlink netifmsg.conf and netifmsg.d" \
	"/nonexistent/netifmsg.conf /nonexistent/netifmsg.d" \
	"$(readlink "$D$sysconfdir/netifmsg.conf" "$D$sysconfdir/netifmsg.d" | tr '\n' ' ' | sed 's/ $//')"
rm -f "$D.log"
finish
