#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The messages of src/ and the man page's DIAGNOSTICS agree, both ways:
#  - every message format that src/ can print (the formats of diag(),
#    usage_error() and cmdline_err_set(), the DIAG_* texts, the words
#    of change_strerror() that cmdline.c prints, the kernel-error texts
#    put in extack) is on one line of DIAGNOSTICS in netifmsg(8), word
#    for word, any text standing for its conversions (%s, 0x%08x, ...);
#  - every message that DIAGNOSTICS lists (a tag of .TP or .TQ), and
#    every "netifmsg: ..." line quoted in netifmsg(8), netifmsg.conf(5)
#    and README, is one that src/ prints: a format matches it whole,
#    with the "FILE:LINE: " and "IFACE: " that diag() puts before it,
#    italic words, "..." and strerror() texts standing for conversions
#    (those of strerror() for nothing else).
# Needs no root, no kernel access and no build: it reads the sources.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
command -v python3 >/dev/null 2>&1 ||
	{ echo "ERROR: diagnostics: python3 (.ci/packages) is not installed" >&2; exit 1; }

exec python3 - "$top_srcdir" <<'EOF'
import glob, os, re, sys

top = sys.argv[1]
checks = fails = 0

def check(name, ok, detail=''):
    global checks, fails
    checks += 1
    if ok:
        print('ok: ' + name)
    else:
        fails += 1
        print('FAIL: ' + name + (': ' + detail if detail else ''))

def read(path):
    with open(os.path.join(top, path), encoding='utf-8') as f:
        return f.read()

# ---- The formats of src/ -------------------------------------------------

STR = r'"(?:[^"\\\n]|\\.)*"'

def uncomment(t):
    # Comments become blanks; strings and characters stay as they are.
    return re.sub(STR + r"|'(?:[^'\\\n]|\\.)+'|/\*.*?\*/|//[^\n]*",
                  lambda m: m.group(0) if m.group(0)[0] in '"\'' else
                  re.sub(r'[^\n]', ' ', m.group(0)), t, flags=re.S)

def unquote(s):
    return s[1:-1].encode().decode('unicode_escape')

srcs = {os.path.basename(p): uncomment(read(os.path.relpath(p, top)))
        for p in sorted(glob.glob(os.path.join(top, 'src', '*.[ch]')))}
macros = {}
for t in srcs.values():
    for m in re.finditer(r'#define[ \t]+(\w+)[ \t\\\n]+((?:' + STR +
                         r'[ \t\\\n]*)+)\n', t):
        macros[m.group(1)] = ''.join(map(unquote, re.findall(STR, m.group(2))))

def literals(args):
    """The strings in @args: adjacent literals and macros made one."""
    out, cur = [], None
    for tok in re.findall(STR + r'|\w+|\S', args):
        if tok[0] == '"':
            cur = (cur or '') + unquote(tok)
        elif tok.startswith('DIAG_') and tok in macros:
            cur = (cur or '') + macros[tok]
        else:
            if cur is not None:
                out.append(cur)
            cur = None
    return out + ([cur] if cur is not None else [])

CONV = r'(?:0x)?%[-#0-9.*]*(?:hh|h|ll|l|z)?[diouxXcsp]'

def words(fmt):
    return re.search(r'[A-Za-z]{2}', re.sub(CONV, '', fmt))

def call_args(t, start):
    depth, j = 1, start
    while depth:
        m = re.compile(STR + r"|'(?:[^'\\]|\\.)+'").match(t, j)
        if m:
            j = m.end()
            continue
        depth += (t[j] == '(') - (t[j] == ')')
        j += 1
    return t[start:j - 1]

def split_args(args):
    parts, depth, cur = [], 0, ''
    for tok in re.findall(STR + r"|'(?:[^'\\]|\\.)+'|[(),]|[^\"'(),]+", args):
        depth += (tok == '(') - (tok == ')')
        if tok == ',' and not depth:
            parts.append(cur)
            cur = ''
        else:
            cur += tok
    return parts + [cur]

def strerrors(fmt, rest):
    """Which conversions of @fmt print strerror(), of arguments @rest."""
    n = len(re.findall(CONV, fmt))
    return [k < len(rest) and 'strerror' in rest[k] for k in range(n)]

formats = []            # (where, format, which conversions are strerror())
bare = []               # formats of conversions alone: "%s", "%s%s%s"
for name, t in srcs.items():
    for m in re.finditer(r'\b(?:diag|usage_error|cmdline_err_set)\s*\(', t):
        args = call_args(t, m.end())
        if re.match(r'\s*(?:const\s+)?(?:struct|int|char|void)\b', args):
            continue        # the definition or declaration
        line = t.count('\n', 0, m.start()) + 1
        parts = split_args(args)
        fi = next((i for i, a in enumerate(parts) if re.search(STR, a)), 0)
        for s in literals(args):
            e = strerrors(s, parts[fi + 1:])
            if words(s):
                formats.append(('%s:%d' % (name, line), s, e))
            elif '%' in s:
                bare.append((s, e))
for k, v in sorted(macros.items()):
    if k.startswith('DIAG_'):
        formats.append(('macro ' + k, v, []))
# diag_usage()'s hint line.
for m in re.finditer(r'static const char \w+\[\] = (' + STR + ')', srcs['diag.c']):
    formats.append(('diag.c', unquote(m.group(1)).rstrip('\n'), []))
# The change_strerror() words that change_error() prints as "'%s': %s":
# those of the cases that have no message of their own there.
body = re.search(r'\nstatic int change_error\(.*?\n}\n', srcs['cmdline.c'], re.S)
words_of = dict(re.findall(r'case (\w+):\s*return (' + STR + ');',
                           srcs['change.c']))
said = [c for c in re.findall(r'case (\w+):(?=\s*(?:case|break))',
                              body.group(0) if body else '')
        if c != 'CHANGE_OK']
check('change_error() prints some change_strerror() words', said)
for c in said:
    check('change_strerror() has words for ' + c, c in words_of)
    if c in words_of:
        formats.append(('change.c ' + c, "'%s': " + unquote(words_of[c]),
                        [False]))
# Texts put in extack, said after strerror(): "%s: text".
for name, t in srcs.items():
    for m in re.finditer(r'extack,\s*(' + STR + r')\s*\)', t):
        formats.append((name + ' extack', '%s: ' + unquote(m.group(1)),
                        [True]))

# Nothing found would pass everything: the parsing must have worked.
check('src/ has over 150 message formats', len(formats) > 150,
      '%d found' % len(formats))

# ---- The man pages -------------------------------------------------------

PH = '\x01'             # an italic word, or a strerror() text

def roff(s):
    s = re.sub(r'\\f[BIRP]|\\f\(..|\\&|\\:|\\c', '', s)
    for a, b in (('\\(dq', '"'), ('\\(lq', '"'), ('\\(rq', '"'),
                 ('\\(aq', "'"), ('\\-', '-'), ('\\e', '\\'), ('\\ ', ' ')):
        s = s.replace(a, b)
    return s

def macro_args(s):
    return [bare or quoted for quoted, bare in
            re.findall(r'"((?:[^"]|"")*)"|(\S+)', s)]

def render(line):
    """(text, with italic words as PH) of a roff source line."""
    m = re.match(r'\.(B|I|BI|IB|BR|RB|IR|RI)\s+(.*)', line)
    if not m:
        return roff(line), roff(line)
    fonts, args = m.group(1), macro_args(m.group(2))
    if len(fonts) == 1:
        args, fonts = [' '.join(a.replace('""', '"') for a in args)], fonts * 2
    text = ''.join(roff(a) for a in args)
    marked = ''.join(PH if fonts[i % 2] == 'I' else roff(a)
                     for i, a in enumerate(args))
    return text, marked

def section(page, name):
    """The lines of section @name as [(text, marked, is_tag)]."""
    out, on, tag = [], False, False
    for line in read(page).split('\n'):
        if line.startswith('.SH'):
            on = macro_args(line[3:]) == [name]
            continue
        if not on or line.startswith('.\\"'):
            continue
        if line in ('.TP', '.TQ'):
            tag = True
            continue
        if line.startswith('.') and not re.match(r'\.[BIR]{1,2}\s', line):
            continue
        out.append(render(line) + (tag,))
        tag = False
    return out

diagnostics = section('man/netifmsg.8', 'DIAGNOSTICS')
check('netifmsg.8 has a DIAGNOSTICS section', len(diagnostics) > 100)
texts = [t for t, _, _ in diagnostics]

# ---- src/ -> DIAGNOSTICS -------------------------------------------------

def search_rx(fmt):
    return re.compile('.*'.join(map(re.escape, re.split(CONV, fmt.strip()))))

for where, fmt, _ in formats:
    rx = search_rx(fmt)
    check('documented: %s: %s' % (where, fmt),
          any(rx.search(t) for t in texts),
          'no line of DIAGNOSTICS in netifmsg(8) has it')

# ---- DIAGNOSTICS and quoted messages -> src/ -----------------------------

errnos = sorted({os.strerror(e) for e in range(1, 134)}, key=len, reverse=True)

def placeholders(s):
    """strerror() texts, and the "..." the man page writes for them."""
    for e in errnos + ['...']:
        s = s.replace(e, PH)
    return s

def full_rx(fmt, errs):
    """A strerror() conversion, or one of a format without words of its
    own ("%s%s%s"), takes only PHs: else a format "monitor: %s" would
    take any "monitor: ..." message."""
    parts = re.split(CONV, fmt)
    rx = re.escape(parts[0])
    for k, part in enumerate(parts[1:]):
        rx += PH + '*' if errs[k] or not words(fmt) else '.*'
        rx += re.escape(part)
    return re.compile('(?:.*?: )?' + rx, re.S)

full = [full_rx(f, e) for f, e in [(f, e) for _, f, e in formats] + bare]

def said(name, msg):
    msg = placeholders(msg)
    if not re.search('[A-Za-z]', msg.replace(PH, '')):
        return          # "file:line: message": no words of its own
    check('in src/: %s: %s' % (name, msg.replace(PH, '<...>')),
          any(rx.fullmatch(msg) for rx in full),
          'no format of src/ prints it')

ntags = 0
for _, marked, tag in diagnostics:
    if tag:
        ntags += 1
        said('netifmsg.8 DIAGNOSTICS', marked)
check('DIAGNOSTICS lists over 100 messages', ntags > 100, '%d' % ntags)

# "netifmsg: ..." quoted anywhere: in a macro line, from there up to a
# roman word; in an example, with its continuation lines (" ...").
for page in ('man/netifmsg.8', 'man/netifmsg.conf.5'):
    lines = read(page).split('\n')
    for i, line in enumerate(lines):
        if 'netifmsg: ' not in roff(line):
            continue
        m = re.match(r'\.(BI|IB|B|BR|RB)\s+(.*)', line)
        if m:
            fonts, args, msg = m.group(1) * 2, macro_args(m.group(2)), None
            for k, a in enumerate(args):
                a = a.replace('""', '"') if len(m.group(1)) == 1 else a
                if msg is None and 'netifmsg: ' in roff(a):
                    msg = roff(a).split('netifmsg: ', 1)[1]
                elif msg is not None and (fonts[k % 2] == 'R' or
                                          a.startswith('\\fR')):
                    break
                elif msg is not None:
                    msg += PH if fonts[k % 2] == 'I' else roff(a)
        elif not line.startswith('.'):
            msg = roff(line).split('netifmsg: ', 1)[1]
            for nxt in lines[i + 1:]:
                if not nxt.startswith(' '):
                    break
                msg += roff(nxt)
        else:
            continue
        said('%s:%d' % (page, i + 1), msg)
for i, line in enumerate(read('README').split('\n')):
    m = re.match(r'\s+netifmsg: (.*)', line)
    if m:
        said('README:%d' % (i + 1), m.group(1))

print('diagnostics: %d checks, %d failures' % (checks, fails))
sys.exit(1 if fails else 0)
EOF
