#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The bash completion (completion/netifmsg), driven as bash drives it:
# COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT are set, _netifmsg is
# called and COMPREPLY is compared with the expected candidates.
# netifmsg (the one under test, through a link on PATH) lists the
# interfaces.  Runs as any user; as root the namespace cases use a private
# network namespace with two tap devices, a veth pair and lo (deleted on
# exit, also on failure).

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
NETIFMSG=${NETIFMSG:-$top_srcdir/src/netifmsg}
BASH_COMPLETION_SCRIPT=${BASH_COMPLETION_SCRIPT:-/usr/share/bash-completion/bash_completion}

if [ ! -r "$BASH_COMPLETION_SCRIPT" ]; then
	echo "SKIP: completion: bash-completion is not installed ($BASH_COMPLETION_SCRIPT)" >&2
	exit 77
fi
[ -x "$NETIFMSG" ] || { echo "ERROR: $NETIFMSG not found" >&2; exit 1; }

# shellcheck source=/dev/null
. "$BASH_COMPLETION_SCRIPT"
# shellcheck source=completion/netifmsg
. "$top_srcdir/completion/netifmsg"

. "$top_srcdir/tests/tool-lib.sh"
NS=
BINDIR=

cleanup() {
	local rc=$?
	trap - EXIT
	[ -z "$BINDIR" ] || rm -rf "$BINDIR"
	[ -z "$NS" ] || ip netns delete "$NS" 2>/dev/null ||
		echo "WARNING: could not delete netns $NS" >&2
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# The completion runs "netifmsg" as the user typed it: make that this one.
case $NETIFMSG in
/*) ;;
*) NETIFMSG=$PWD/$NETIFMSG ;;
esac
BINDIR=$(mktemp -d "${TMPDIR:-/tmp}/nim-completion-bin.XXXXXX") || exit 1
ln -s "$NETIFMSG" "$BINDIR/netifmsg" || exit 1
PATH=$BINDIR:$PATH

# comp EXPECTED WORD...: complete the command line "netifmsg WORD..." with
# the cursor at the end of the last WORD (an empty last WORD means after a
# space); EXPECTED is the sorted candidate list, space separated.  A WORD
# "=" is glued to its neighbours, as bash splits --opt=value.
comp() {
	local expected=$1 line=netifmsg w prev='' got
	shift
	for w in "$@"; do
		if [ "$w" = "=" ] || [ "$prev" = "=" ]; then
			line+=$w
		else
			line+=" $w"
		fi
		prev=$w
	done
	COMP_WORDS=(netifmsg "$@")
	COMP_CWORD=$#
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_netifmsg netifmsg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	got=${got% }
	got=${got# }
	expected=$(printf '%s\n' $expected | sort | tr '\n' ' ')
	expected=${expected% }
	check "'$line'" "$expected" "$got"
}

# The truth the completion must follow: the program's own class table and
# its --help.
CLASSES=$("$NETIFMSG" --list | awk 'NR > 1 { print $1 }' | tr '\n' ' ')
LONGOPTS=$("$NETIFMSG" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z][-a-z]*' |
	grep -oE -- '--[a-z][-a-z]*' | tr '\n' ' ')
SHORTOPTS=$("$NETIFMSG" --help | grep -oE '^ +-[a-zA-Z],' | tr -d ' ,' | tr '\n' ' ')
[ -n "$CLASSES" ] && [ -n "$LONGOPTS" ] && [ -n "$SHORTOPTS" ] ||
	{ echo "ERROR: cannot read --list or --help" >&2; exit 1; }
# The interfaces with a message level, as netifmsg lists them.
IFACES=$("$NETIFMSG" 2>/dev/null | sed -n 's/^\([^:]*\): .*/\1/p' | tr '\n' ' ')

# without LIST WORD...: the words of LIST that are none of the WORDs.
without() {
	local list=$1 w
	shift
	for w in "$@"; do
		list=" $list "
		list=${list// $w / }
	done
	echo $list
}
CMDOPTS="--list --decode --monitor --batch --apply --trace"

# Options.
comp "$LONGOPTS" --
comp "$LONGOPTS $SHORTOPTS" -
comp "--json" --js
comp "--level-map --list" --l
comp "--decode --driver" --d
comp "--hex --help" -j eth0 --he
# Option values.
comp "cumulative exact kernel" --level-map ""
comp "kernel" --level-map = k
# --from-level: the levels of the map given before it (-1..7; the
# kernel map's 0..31).
LEVELS="-1 0 1 2 3 4 5 6 7"
comp "$LEVELS" --from-level ""
comp "$LEVELS" eth0 --from-level ""
comp "$LEVELS" --level-map exact --from-level ""
comp "-1" --from-level -
comp "-1" --from-level = -
comp "" --from-level 16
comp "$(seq 0 31 | tr '\n' ' ')" --level-map kernel --from-level ""
comp "1 10 11 12 13 14 15 16 17 18 19" --level-map = kernel eth0 --from-level 1
comp "16" --level-map kernel --from-level = 16
comp "" --level-map kernel --from-level -
# --driver takes a value: the word after it is not IFACE.
comp "$CLASSES all none" --driver tun eth0 ""
comp "$CLASSES all none" --driver = tun eth0 ""
comp "$CLASSES all none" eth0 --driver tun ""
# Interfaces of the current namespace that have a message level.
comp "$IFACES" ""
comp "$IFACES" -j ""
comp "$(compgen -W "$IFACES" -- l)" l
# A pattern is left as it is; the classes follow it as they follow IFACE.
comp "" "tap*"
comp "" "tap[0"
comp "" "eth?"
comp "" --monitor "tap*"
comp "$CLASSES all none" "tap*" ""
comp "$CLASSES all none" "eth0:" ""
# --driver: the drivers of those interfaces; then their interfaces, or a
# +CHANGE word for all of them.
if command -v ethtool >/dev/null 2>&1; then
	DRIVERS=$(for i in $IFACES; do ethtool -i "$i"; done 2>/dev/null |
		awk '$1 == "driver:" { print $2 }' | sort -u | tr '\n' ' ')
	comp "$DRIVERS" --driver ""
	comp "$DRIVERS" --driver = ""
else
	echo "note: no ethtool: the --driver value cases are not run"
fi
comp "$(printf -- '+%s ' $CLASSES all)" --driver tun +
comp "+link" --driver tun +li
comp "$(printf '%s ' $CLASSES all none | sed 's/link //')" --driver tun +link ""
# ... and so is any other first word that netifmsg reads as a CHANGE word
# (a class, a list, a number, a VALUE/MASK): no interface after it.
comp "$(printf '%s ' $CLASSES all none on off | sed 's/link //')" --driver tun link ""
comp "on off" --driver tun link o
comp "on off" --driver = tun LINK,netif_msg_timer o
comp "tx_err tx_queued tx_done" --driver tun timer/timer,link t
comp "$CLASSES all none" --driver tun 0x3 ""
# ... but NAME: (also as bash splits it at the ':'), a word after --, and
# a word that is no CHANGE word are interfaces; '-' words are options.
comp "$CLASSES all none" --driver tun link: ""
comp "$CLASSES all none" --driver tun link : ""
comp "$CLASSES all none" --driver tun -- link ""
comp "$CLASSES all none" --driver tun 0x5/0x1 ""
comp "$CLASSES all none" --driver tun 010 ""
comp "--timestamp" --driver tun --ti
comp "" --driver tun -ti
comp "" --apply --driver tun link ""
# What the completion takes for a CHANGE word (its copy of netifmsg's
# is_change_word()) is what netifmsg --decode takes, word by word.
for w in link LINK drv,probe netif_msg_timer NETIF_MSG_LINK bit3 bit14 \
	bit15 bit31 bit32 0 1 010 00 07 0x 0x0 0x3 0X3 0x00000003 0xffffffff \
	0x100000000 4294967295 4294967296 0x5/0xf 0x15/0xf 0x5/0x1 \
	timer/timer,link rx_err/0x40 0x40/rx_err bit0/bit0 link/ /link a/b/c \
	none all all/none +link -link +bit3 likn tx-err msglvl on off hw wol -1 \
	'drv,' ,drv link,,probe '' ' ' 'drv probe' 'drv  probe' \
	$'drv\tprobe\v0x3' 'drv likn' 'link on'; do
	_netifmsg_is_change "$w" && comp_says=yes || comp_says=no
	"$NETIFMSG" --decode "$w" >/dev/null 2>&1 && prog_says=yes || prog_says=no
	check "a CHANGE word? '$w'" "$prog_says" "$comp_says"
done
# Classes after the interface: every class, all and none.
comp "$CLASSES all none" eth0 ""
comp "$CLASSES all none" eth0 -j ""
comp "$CLASSES all none" -- eth0 ""
comp "+link" eth0 +li
comp "-rx_err -rx_status" eth0 -rx
comp "timer tx_err tx_queued tx_done" eth0 t
comp "none" eth0 n
comp "" eth0 +n
comp "drv,probe" eth0 drv,pr
comp "+link,-rx_err +link,-rx_status" eth0 +link,-rx
# After IFACE (and --decode, and --) only the exact short options are
# options: a cluster such as -jn is a CHANGE word, no namespace follows.
comp "$CLASSES all none" eth0 -jn ""
comp "-rx_err -rx_status" eth0 -jn -rx
comp "$CLASSES all none" --decode -tn ""
comp "$CLASSES all none" -- eth0 -n ""
comp "$CLASSES all none" eth0 -n x ""
# ... not offering a class already named (in any spelling).
comp "$(printf -- '+%s ' $CLASSES all | sed 's/+link //')" eth0 link +
comp "tx_err tx_queued tx_done" eth0 +NETIF_MSG_TIMER t
comp "tx_queued tx_done" eth0 -msg_TX_ERR,drv tx
comp "ifup,probe ifup,pktdata" eth0 ifup,p
# ... and on or off after class names only (ethtool's 'NAME on|off').
comp "$(printf '%s ' $CLASSES all none on off | sed 's/link //')" eth0 link ""
comp "on off" eth0 link o
comp "off" eth0 LINK,netif_msg_rx_err of
comp "on off" eth0 all o
comp "on off" --decode bit3 o
comp "on off" eth0 -j link o
comp "" eth0 link on o
comp "" eth0 +link o
comp "" eth0 none o
comp "" eth0 0x5 o
comp "" eth0 link,0x5 o
comp "" eth0 link/link o
comp "" eth0 link -j o
comp "" eth0 link link,o
# VALUE/MASK: the mask's items, from what that side has not named (the
# value's classes belong in the mask too); never +/- in such a word.
comp "link,timer/link,timer,ifup" eth0 link,timer/link,timer,ifu
comp "0x5/timer 0x5/tx_err 0x5/tx_queued 0x5/tx_done" eth0 0x5/t
comp "$(printf -- 'drv/%s ' $CLASSES all none)" eth0 drv/
comp "$(printf -- 'drv/drv,%s ' $CLASSES all none | sed 's|drv/drv,drv ||')" eth0 drv/drv,
comp "$(printf -- '0x5/%s ' $CLASSES all none)" --decode 0x5/
comp "" eth0 0x5/0xf/
comp "" eth0 +drv,0x5/
comp "" eth0 0x5,-drv/
comp "" eth0 0x5/+
comp "" eth0 0x5/0xf,-d
comp "" eth0 /0xf
comp "" eth0 0x5/0xf
# ... and its names count as named for the words after it.
comp "tx_err tx_queued tx_done" eth0 timer/timer,link tx
# --decode takes CHANGE words, no interface; --list takes nothing.
comp "$CLASSES all none" --decode ""
comp "-probe -pktdata" --decode -p
comp "" --list ""
# ... but both go with options (--list -N, -f --batch FILE): those that
# go with them.
comp "$(without "$LONGOPTS $SHORTOPTS" $CMDOPTS -t --timestamp -f --force \
	--for --config --ifindex --from-level --level-map -v --verbose --ioctl \
	--driver -n --netns -x --hex)" --list -
comp "--names" --list --na
comp "--force" --batch lines.txt --forc
comp "" --batch lines.txt --fr
comp "--level-map" --batch lines.txt --lev
comp "" --batch lines.txt --dri
comp "--version" --trace eth0 --ve
comp "" --trace eth0 --na
comp "--json" --trace eth0 --js
comp "$(without "$LONGOPTS" $CMDOPTS --timestamp --force --for --config \
	--ifindex --verbose --ioctl --driver --netns)" --decode 5 --
# --monitor takes interfaces, each once; --batch a file or -.
comp "$IFACES" --monitor ""
comp "$(printf '%s\n' $IFACES | grep -vx lo | tr '\n' ' ')" --monitor lo ""
comp "$(printf '%s\n' $IFACES | grep -vx lo | tr '\n' ' ')" --monitor -j lo ""
# --monitor takes no CHANGE: after an interface a '-' word is options.
comp "$(without "$LONGOPTS $SHORTOPTS" $CMDOPTS -f --force --for --config \
	--ifindex --from-level --level-map -v --verbose --ioctl -q --quiet)" --monitor lo -
comp "-t" --monitor lo -j -t
comp "" --monitor --io
comp "--for --force" --fo
comp "--for" --trace eth0 --fo
comp "" --trace eth0 --ti
comp "--for --force" --fo
comp "--force" --forc
comp "--ioctl" --io
comp "$CLASSES all none" --ioctl eth0 ""
comp "$CLASSES all none" eth0 -f ""
BATCHDIR=$(mktemp -d "${TMPDIR:-/tmp}/nim-completion.XXXXXX") || exit 1
touch "$BATCHDIR/lines.txt" "$BATCHDIR/levels.conf"
cd "$BATCHDIR" || exit 1
comp "- levels.conf lines.txt" --batch ""
comp "lines.txt" --batch li
comp "lines.txt" --batch = li
comp "" --batch lines.txt ""
# --apply: --config takes a file; one interface at most, then nothing.
comp "levels.conf" --apply --config le
comp "levels.conf" --apply --config = le
comp "- levels.conf lines.txt" --apply --config ""
comp "levels.conf lines.txt" --apply --config - --config ""
comp "levels.conf lines.txt" --apply --config = - --config ""
comp "- levels.conf lines.txt" --apply --config levels.conf --config ""
# An option of one value is not offered again, nor --driver with --ifindex.
comp "" --apply --ifindex 2 --dri
comp "" --apply --ifindex = 2 --ifi
comp "--driver" --apply --dri
comp "" --apply --driver tun --ifi
comp "" --from-level 3 --from
comp "" --from-level = 3 eth0 --from
comp "" -n foo --net
comp "" -jn foo --net
comp "" --level-map exact --level-m
comp "" --trace eth0 --for 1 --fo
comp "--apply" --app
comp "--config" --conf
comp "$IFACES" --apply ""
comp "" --apply "${IFACES%% *}" ""
# ... nor, after IFACE or with --driver, a CHANGE word: '-' and '+' words
# are CHANGE words there, which --apply refuses.
comp "" --apply eth0 -
comp "" --apply eth0 -li
comp "$(without "$LONGOPTS" $CMDOPTS --timestamp --force --for --from-level \
	--level-map)" --apply eth0 --
comp "" --apply --driver tun +
comp "" --apply --driver tun +li
# -n: a word starting with '/' is a namespace file.
comp "$BATCHDIR/levels.conf $BATCHDIR/lines.txt" -n "$BATCHDIR/l"
comp "$BATCHDIR/lines.txt" --netns = "$BATCHDIR/li"
cd - >/dev/null || exit 1
rm -rf "$BATCHDIR"

# Namespaces: -n offers `ip netns list`; interfaces come from that netns.
if [ "$(id -u)" = 0 ] && command -v ip >/dev/null 2>&1; then
	NS=nim-$$-$RANDOM-completion
	ip netns add "$NS" || { NS=; echo "ERROR: ip netns add failed" >&2; exit 1; }
	{ printf 'tuntap add dev tap%s mode tap\n' 0 1
	  echo 'link add veth0 type veth peer name veth1'; } |
		ip -n "$NS" -batch - ||
		{ echo "ERROR: creating taps and veths failed" >&2; exit 1; }
	comp "$NS" -n "${NS%-completion}"
	comp "$NS" --netns = "${NS%-completion}"
	comp "$NS" -jn "${NS%-completion}"
	comp "$NS" -tn "${NS%-completion}"
	comp "$NS" -fn "${NS%-completion}"
	# lo and the veths have no message level.
	comp "tap0 tap1" -n "$NS" ""
	comp "tap0 tap1" --netns = "$NS" ""
	comp "" -n "$NS" v
	comp "tap0 tap1" --netns="$NS" t
	comp "tap0 tap1" -jn "$NS" t
	comp "tap0 tap1" -tn "$NS" --monitor t
	comp "tap0 tap1" -n"$NS" t
	comp "$CLASSES all none" -n "$NS" tap0 ""
	comp "tap1" -n "$NS" --monitor tap0 ""
	comp "tap1" --monitor tap0 -jn "$NS" ""
	# --apply --ifindex N takes no interface.
	comp "" -n "$NS" --apply --ifindex 2 ""
	comp "" -n "$NS" --apply --ifindex = 2 ""
	comp "" -n "$NS" --ifindex 2 --apply ""
	comp "tap0 tap1" -n "$NS" --apply ""
	comp "on off" -n "$NS" tap0 link o
	# --driver: tap's tun, not veth (no message level), of that netns.
	if command -v ethtool >/dev/null 2>&1; then
		comp "tun" -n "$NS" --driver ""
		comp "tun" --netns = "$NS" --driver = t
		comp "" -n "$NS" --driver v
	fi
	comp "tap0 tap1" -n "$NS" --driver tun ""
	# The word after --driver NAME may be a CHANGE word as well.
	comp "link" -n "$NS" --driver tun li
	# ... but not after "--": that word is IFACE, as netifmsg reads it.
	comp "tap0 tap1" -n "$NS" --driver tun -- t
	comp "" -n "$NS" --driver tun -- +
	comp "" -n "$NS" --driver tun -- li
	comp "tap0 tap1 timer tx_err tx_queued tx_done" -n "$NS" --driver tun t
	comp "link,probe" -n "$NS" --driver tun link,pr
	comp "0x5/timer 0x5/tx_err 0x5/tx_queued 0x5/tx_done" -n "$NS" --driver tun 0x5/t
	comp "tap0 tap1" -n "$NS" --apply --driver tun t
	# -n after IFACE is an option still, -jn is not.
	comp "$NS" -n "$NS" tap0 -n "${NS%-completion}"
	comp "$CLASSES all none" -n "$NS" tap0 -jn ""
	comp "tap0 tap1" -n "$NS" --driver = tun --driver veth ""
	comp "" -n "$NS" --driver veth ""
	comp "" -n "$NS" --driver tun "tap*"
	comp "$CLASSES all none" -n "$NS" --driver tun "tap*" ""
	# -n PATH: the file of the netns (nsenter for the drivers).
	NSFILE=/run/netns/$NS
	[ -e "$NSFILE" ] || NSFILE=/var/run/netns/$NS
	comp "$NSFILE" -n "${NSFILE%-completion}"
	comp "tap0 tap1" -n "$NSFILE" ""
	comp "tap0 tap1" --netns = "$NSFILE" --driver tun ""
	if command -v ethtool >/dev/null 2>&1 && command -v nsenter >/dev/null 2>&1; then
		comp "tun" -n "$NSFILE" --driver ""
	fi
	# Odd names: offered quoted for the shell, so that the word the
	# shell passes on is the name as netifmsg prints it (escapes and all)
	# and names that interface.
	for odd in 'o$x\y' 'o*d' -odd $'o\xff'; do
		ip -n "$NS" tuntap add dev "$odd" mode tap ||
			{ echo "ERROR: creating tap '$odd' failed" >&2; exit 1; }
	done
	comp 'o\$x\\\\y o\\\*d o\\xff' -n "$NS" o
	# With --driver, an interface named like a CHANGE word is NAME:.
	ip -n "$NS" tuntap add dev hw mode tap ||
		{ echo "ERROR: creating tap 'hw' failed" >&2; exit 1; }
	comp "hw hw:" -n "$NS" --driver tun h
	comp "hw" -n "$NS" --driver tun -- h
	comp "hw" -n "$NS" h
	comp '\\-odd' -n "$NS" '\\-'
	# After "--" a leading '-' is no option: -odd as it is typed there.
	comp '-odd' -n "$NS" -- -
	comp '-odd' -n "$NS" --monitor -- -o
	comp '\\-odd' -n "$NS" -- '\\-o'
	comp 'o\\\*d o\\xff' -n "$NS" --monitor 'o\$x\\\\y' o
	# ODD PREFIX: the one completion of PREFIX, as the shell reads it,
	# shows ODD.
	while read -r odd pre; do
		odd=$(printf '%b' "$odd")
		want=$(ip -n "$NS" -o link show dev "$odd" | cut -d: -f1)
		COMP_WORDS=(netifmsg -n "$NS" "$pre")
		COMP_CWORD=3
		COMP_LINE="netifmsg -n $NS $pre"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_netifmsg netifmsg "$pre" "$NS"
		got=${#COMPREPLY[@]}
		[ "$got" = 1 ] && eval "set -- ${COMPREPLY[0]}" &&
			got=$("$NETIFMSG" -n "$NS" -j "$1" |
				sed -n 's/.*"ifindex":\([0-9]*\).*/\1/p')
		check "'$pre' completes to a word that names $(printf '%q' "$odd")" \
			"$want" "$got"
	done <<'EOF'
o$x\\y o\$
o*d o\\\
-odd \\-
o\xff o\\x
EOF
	# --driver: the driver of interfaces whose names netifmsg escapes is
	# asked for with the name itself, not its escaped form.
	if command -v ethtool >/dev/null 2>&1; then
		for dev in tap0 tap1 hw; do
			ip -n "$NS" link del "$dev" ||
				{ echo "ERROR: deleting $dev failed" >&2; exit 1; }
		done
		comp "tun" -n "$NS" --driver ""
		comp "tun" -n "$NSFILE" --driver ""
	fi
else
	echo "note: not root: the network namespace cases are not run"
fi

finish
