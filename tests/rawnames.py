# SPDX-License-Identifier: GPL-2.0-or-later
"""Interfaces whose names are arbitrary bytes, for tests/rawnames.sh.

Run as: python3 rawnames.py NS NETIFMSG SEED COUNT [WRAPPER...]
Prints "ok: ..." and "FAIL: ..." lines (read by rawnames.sh).

Every -j output must be valid UTF-8 JSON for a strict parser
(json.loads(bytes.decode("utf-8"))), name every interface exactly (the
"ifname" string, or the bytes in "ifname_hex" where the name is not
UTF-8), and each name read back so must work when given to netifmsg.
"""
import json
import random
import signal
import subprocess
import sys
import time

NS, NETIFMSG, SEED, COUNT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
WRAPPER = sys.argv[5:]
FAILS = 0

# The kernel's dev_valid_name(): no NUL, '/', ':' or kernel isspace()
# (which includes 0xa0); "." and ".." are taken.  A '%' makes the name a
# template ("tap%d") for the tun driver.
BAD = set(b"/:\t\n\v\f\r \xa0\x00%")
ALPHABET = [b for b in range(256) if b not in BAD]


def quote_name(n):
    """A raw name as IFACE reads it: backslashes and glob characters quoted."""
    for c in (b"\\", b"*", b"?", b"["):
        n = n.replace(c, b"\\" + c)
    return n


def ok(msg):
    print("ok: " + msg)


def fail(msg, *details):
    global FAILS
    FAILS += 1
    print("FAIL: " + msg)
    for d in details:
        print("      " + d)


def check(cond, msg, *details):
    if cond:
        ok(msg)
    else:
        fail(msg, *details)


def nm(*args, stdin=None):
    cmd = ["ip", "netns", "exec", NS] + WRAPPER + [NETIFMSG] + list(args)
    return subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)


def is_utf8(name):
    try:
        name.decode("utf-8", "strict")
        return True
    except UnicodeDecodeError:
        return False


def expected_ifname(name):
    """Each byte that is not part of well-formed UTF-8 is one U+FFFD."""
    s = name.decode("utf-8", "surrogateescape")
    return "".join("\ufffd" if 0xdc80 <= ord(c) <= 0xdcff else c for c in s)


def strict_json(raw, what):
    """The JSON value of @raw, or None after a failed check."""
    try:
        return json.loads(raw.decode("utf-8", "strict"))
    except (UnicodeDecodeError, ValueError) as e:
        fail(what + ": valid UTF-8 JSON", str(e), repr(raw[:200]))
        return None


def name_of(obj):
    """The bytes an object names: ifname_hex wins where it is there."""
    if "ifname_hex" in obj:
        return bytes.fromhex(obj["ifname_hex"])
    return obj["ifname"].encode("utf-8")


def check_object(obj, what):
    """The object's keys describe its name exactly; False if not."""
    name = name_of(obj)
    good = ("ifname_hex" in obj) == (not is_utf8(name)) and \
        obj["ifname"] == expected_ifname(name)
    if not good:
        fail(what + ": ifname and ifname_hex agree", repr(obj))
    return good


def random_name(rng):
    while True:
        n = bytes(rng.choice(ALPHABET) for _ in range(rng.randint(1, 15)))
        if n not in (b".", b".."):
            return n


def main():
    rng = random.Random(SEED)
    fixed = [b"\xff\xfe", b"\xc3", b"a\xe2\x82", b"\xc0\xaf", b"\xed\xb0\x81",
             b"\xf4\x90\x80\x80", b"\x1b[31mred", b"\xc2\x9b", b"x\"y",
             b"\xe2\x80\xa8", b"\xef\xbf\xbd", b"caf\xc3\xa9", b"-dash",
             b"#hash", b"\x7f", b"back\\slash", b"\\x41", b"\\",
             # a first byte-order mark, '{', glob characters, C1 and C0
             # controls, and the longest names, every byte escaped
             b"\xef\xbb\xbf", b"\xef\xbb\xbf-x", b"{lan", b"t*p", b"q?",
             b"[x", b"[]", b"{\"a", b"{}", b"\xc2\x85", b"\x08", b"\x01" * 15, b"{" + b"\x7f" * 14]
    wanted = fixed + [random_name(rng) for _ in range(COUNT)]
    made = set()
    for name in wanted:
        if name in made:
            continue
        r = subprocess.run(["ip", "-n", NS, "tuntap", "add", "dev", name,
                            "mode", "tap"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if r.returncode == 0:
            made.add(name)
        elif name in fixed:
            fail("ip tuntap add dev %r" % name, r.stderr.decode("utf-8", "replace"))
    check(len(made) >= len(set(wanted)) * 9 // 10,
          "created %d of %d taps with byte names" % (len(made), len(set(wanted))))
    every = made | {b"tap0"}

    # show all, over netlink and over the ioctl
    for args in (["-j"], ["-j", "--ioctl"]):
        what = "netifmsg " + " ".join(args)
        r = nm(*args)
        check(r.returncode == 0, what + ": exit 0", r.stderr.decode("utf-8", "replace"))
        objs = strict_json(r.stdout, what)
        if objs is None:
            continue
        ok(what + ": valid UTF-8 JSON")
        good = all([check_object(o, what) for o in objs])
        check(good, what + ": every object names its interface exactly")
        names = {name_of(o) for o in objs}
        check(names == every, what + ": the names read back are the interfaces",
              "missing: %r" % sorted(every - names)[:5],
              "extra: %r" % sorted(names - every)[:5])

    # each name read back from -j, given back: show, change.  A backslash
    # escapes in IFACE and a glob character makes a pattern: raw bytes
    # need those quoted (quote_name), or write every byte as \xHH.
    bad = []
    for name in sorted(made):
        given = quote_name(name) if rng.random() < 0.5 else \
            b"".join(b"\\x%02x" % c for c in name)
        r = nm("-j", "--", given)
        objs = strict_json(r.stdout, "-j %r" % name) if r.returncode == 0 else None
        if not objs or len(objs) != 1 or name_of(objs[0]) != name or \
                not check_object(objs[0], "-j %r" % name):
            bad.append((name, r.returncode, r.stdout[:100], r.stderr[:100]))
            continue
        r = nm("-j", "--", given, "+link")
        objs = strict_json(r.stdout, "-j %r +link" % name) if r.returncode == 0 else None
        if not objs or name_of(objs[0]) != name or objs[0]["msg_enable"] & 4 == 0 \
                or "changed" not in objs[0]:
            bad.append((name, "change", r.returncode, r.stdout[:100], r.stderr[:100]))
    check(not bad, "every name read back from -j works: show and change (%d names)"
          % len(made), *[repr(b) for b in bad[:5]])

    # text output: names escaped, no control byte, and each first word
    # (without its colon) names its interface
    r = nm()
    ctl = [c for c in r.stdout if c < 0x20 and c != 0x0a or c == 0x7f]
    check(r.returncode == 0 and not ctl, "text show all: no control byte",
          repr(r.stdout[:200]))
    words = [line.split(b" ")[0][:-1] for line in r.stdout.splitlines()]
    shown = []
    for w in words:
        r = nm("-x", "--", w)
        if r.returncode == 0:
            r = nm("-j", "--", w)
            objs = strict_json(r.stdout, "-j %r" % w) if r.returncode == 0 else None
            shown.append(name_of(objs[0]) if objs else None)
        else:
            shown.append((w, r.stderr[:100]))
    check(set(shown) == every, "text show all: every name read back works (%d)"
          % len(words), *[repr(x) for x in (set(shown) ^ every)][:5])

    # One line format: every line of text, -x and -N show all (which
    # name their interface) read back by --batch names that interface and
    # puts its mask back; the first word, given as IFACE (no "--"),
    # selects that one interface
    masks = {}
    setting = b""
    for name in sorted(every):
        masks[name] = rng.randrange(0x8000)
        setting += b"".join(b"\\x%02x" % c for c in name) + b" 0x%x\n" % masks[name]
    r = nm("--batch", "-", stdin=setting)
    check(r.returncode == 0, "--batch of \\xHH names: exit 0",
          r.stderr.decode("utf-8", "replace")[:300])

    def read_masks(what):
        r = nm("-j")
        objs = strict_json(r.stdout, what) if r.returncode == 0 else None
        return {name_of(o): o["msg_enable"] for o in objs or []}

    # (in the order show all prints them: the dump's)
    order = list(read_masks("-j after the \\xHH batch").items())
    check(dict(order) == masks,
          "--batch of \\xHH names: every mask set (%d)" % len(masks))
    for fmt in ([], ["-x"], ["-N"]):
        what = "show all %s" % (fmt[0] if fmt else "text")
        snap = nm(*fmt).stdout
        lines = snap.splitlines()
        check(len(lines) == len(every) and
              all(line.split(b" ")[0].endswith(b":") for line in lines),
              what + ": one 'IFACE:' line per interface", repr(snap[:200]))
        nm("*", "0")
        r = nm("--batch", "-", stdin=snap)
        got = read_masks("-j after --batch of " + what)
        check(r.returncode == 0 and got == masks,
              what + " fed to --batch: every mask restored (%d)" % len(masks),
              r.stderr.decode("utf-8", "replace")[:300],
              "differ: %r" % sorted(n for n in masks if got.get(n) != masks[n])[:5])
        # --batch skips a byte-order mark at the start of a file, and reads
        # a file that starts with '{' as JSON: a line about a name that
        # starts with either is read right as the first line too
        bad = []
        for (name, mask), line in zip(order, lines if len(lines) == len(order) else []):
            if not name.startswith((b"\xef\xbb\xbf", b"{")):
                continue
            nm("--", quote_name(name), "0")
            r = nm("--batch", "-", stdin=line + b"\n")
            if r.returncode != 0 or read_masks("-j after a first line").get(name) != mask:
                bad.append((name, line, r.stderr[:100]))
        check(not bad, what + ": a first line about a name with a BOM or '{' restores it",
              *[repr(b) for b in bad[:5]])
    bad = []
    for line in nm("-x").stdout.splitlines():
        w = line.split(b" ")[0][:-1]
        r = nm("-j", w)
        objs = strict_json(r.stdout, "-j %r" % w) if r.returncode == 0 else None
        if not objs or len(objs) != 1 or masks.get(name_of(objs[0])) != \
                int(line.split(b" ")[1], 16):
            bad.append((w, r.returncode, r.stdout[:100], r.stderr[:100]))
    check(not bad, "each first word of -x show all, as IFACE, is its one interface",
          *[repr(b) for b in bad[:5]])

    # --batch -j: every line one valid JSON object
    notutf8 = sorted(n for n in made if not is_utf8(n))
    text = b"".join(b"-- " + quote_name(n) + b" -link\n"
                    for n in notutf8)
    r = nm("-j", "--batch", "-", stdin=text)
    check(r.returncode == 0, "--batch -j: exit 0", r.stderr.decode("utf-8", "replace")[:300])
    lines = r.stdout.splitlines()
    objs = [strict_json(line, "--batch -j line") for line in lines]
    check(len(lines) == len(notutf8) and None not in objs and
          [name_of(o) for o in objs] == notutf8 and
          all(check_object(o, "--batch -j") for o in objs),
          "--batch -j: one valid object per line, in order (%d lines)" % len(notutf8))

    # --monitor -j
    cmd = ["ip", "netns", "exec", NS] + WRAPPER + [NETIFMSG, "-j", "--monitor"]
    mon = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.5)
    some = notutf8[:20]
    for n in some:
        nm("--", quote_name(n), "0x5")
    time.sleep(0.5)
    mon.send_signal(signal.SIGTERM)
    try:
        out, err = mon.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        mon.kill()
        out, err = mon.communicate()
    objs = [strict_json(line, "--monitor -j line") for line in out.splitlines()]
    check(None not in objs and [name_of(o) for o in objs] == some and
          all(check_object(o, "--monitor -j") for o in objs),
          "--monitor -j: one valid object per change (%d)" % len(some),
          repr(out[:300]), repr(err[:300]))
    return 0


main()
sys.exit(1 if FAILS else 0)
