// SPDX-License-Identifier: GPL-2.0-or-later
/* Every line about a mask comes from sb_state(): the modes cannot drift. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "format.h"

/* A bounded, snprintf-like writer that keeps counting past the end. */
struct sbuf {
	char *buf;
	size_t size;
	size_t len;
};

/* A writer at the start of @buf, which holds "" until written to. */
static struct sbuf sb_start(char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	return (struct sbuf){ buf, size, 0 };
}

static void sb_putn(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->len < sb->size) {
		size_t room = sb->size - sb->len - 1;

		memcpy(sb->buf + sb->len, s, n < room ? n : room);
	}
	sb->len += n;
	if (sb->size)
		sb->buf[sb->len < sb->size ? sb->len : sb->size - 1] = '\0';
}

static void sb_puts(struct sbuf *sb, const char *s)
{
	sb_putn(sb, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
sb_printf(struct sbuf *sb, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_putn(sb, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/*
 * @prefix, then the low @ndigits (at most 8) hex digits of @v: "0x%08x"
 * without the printf machinery, as it runs once per line.
 */
static void sb_hex(struct sbuf *sb, const char *prefix, uint32_t v,
		   int ndigits)
{
	char tmp[8];
	int i;

	sb_puts(sb, prefix);
	for (i = ndigits - 1; i >= 0; i--, v >>= 4)
		tmp[i] = "0123456789abcdef"[v & 0xf];
	sb_putn(sb, tmp, (size_t)ndigits);
}

/* "%u" of @v without the printf machinery, as "0x%08x" above. */
static void sb_dec(struct sbuf *sb, const char *prefix, uint32_t v)
{
	char tmp[10];
	size_t i = sizeof(tmp);

	sb_puts(sb, prefix);
	do
		tmp[--i] = (char)('0' + v % 10);
	while (v /= 10);
	sb_putn(sb, tmp + i, sizeof(tmp) - i);
}

/*
 * A JSON string (RFC 8259) in valid UTF-8, whatever the bytes of @s:
 * a byte that is not part of well-formed UTF-8 becomes U+FFFD (the
 * caller says where the bytes are kept), and controls (C0, DEL, C1) and
 * U+2028/U+2029 are written as \uXXXX, so no terminal or JavaScript
 * reader trips over them.
 */
static void sb_json_string(struct sbuf *sb, const char *s)
{
	/* The bytes with a two-character escape, and its second character. */
	static const char special[] = "\"\\\n\t\r\b\f", letter[] = "\"\\ntrbf";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k;
	const char *e;
	uint32_t cp;

	sb_putn(sb, "\"", 1);
	for (; n; p += k, n -= k) {
		k = 1;
		e = memchr(special, *p, sizeof(special) - 1);
		if (e) {
			sb_putn(sb, "\\", 1);
			sb_putn(sb, &letter[e - special], 1);
		} else if (*p < 0x20 || *p == 0x7f) {
			sb_hex(sb, "\\u", *p, 4);
		} else if (*p < 0x80) {
			/* This byte and the plain ones after it, at once. */
			while (k < n && p[k] >= 0x20 && p[k] < 0x7f &&
			       p[k] != '"' && p[k] != '\\')
				k++;
			sb_putn(sb, (const char *)p, k);
		} else if (!(k = utf8_seq(p, n, &cp))) {
			sb_puts(sb, "\\ufffd");
			k = 1;
		} else if (cp <= 0x9f || cp == 0x2028 || cp == 0x2029) {
			sb_hex(sb, "\\u", cp, 4);
		} else {
			sb_putn(sb, (const char *)p, k);
		}
	}
	sb_putn(sb, "\"", 1);
}

/*
 * "ifname", exact unless "ifname_hex" follows: a name not UTF-8, in the
 * hex of its bytes, which a JSON string cannot hold.
 */
static void sb_json_ifname(struct sbuf *sb, const char *name)
{
	const unsigned char *p;

	sb_puts(sb, "\"ifname\":");
	sb_json_string(sb, name);
	if (utf8_valid(name))
		return;
	sb_puts(sb, ",\"ifname_hex\":\"");
	for (p = (const unsigned char *)name; *p; p++)
		sb_hex(sb, "", *p, 2);
	sb_putn(sb, "\"", 1);
}

/*
 * An interface name in text, as the command line and --batch read IFACE
 * back (netifmsg(8), INTERFACES and ESCAPES): escape_text(), and a
 * backslash before a glob character, and before a first '-', '#' or '{'
 * (or a batch line would read a pattern, an option or a comment, or the
 * file would be taken for JSON).  escape_text() writes a byte-order mark,
 * which --batch would skip at the start of a file, as \xHH.
 */
static void sb_ifname(struct sbuf *sb, const char *name)
{
	/* A name typed by the user may be an alternative name. */
	char tmp[ESCAPED_MAX(ALTIFNAMSIZ)];
	bool lead = name[0] == '-' || name[0] == '#' || name[0] == '{';
	const char *p;

	/* The common name, printable ASCII with nothing to escape: as it is. */
	for (p = name; *p > ' ' && *p < 0x7f && *p != '\\' && *p != '*' &&
	     *p != '?' && *p != '['; p++)
		;
	if (!*p && !lead) {
		sb_putn(sb, name, (size_t)(p - name));
		return;
	}
	if (lead)
		sb_putn(sb, "\\", 1);
	escape_text(tmp, sizeof(tmp), name);
	for (p = tmp; *p; p++) {
		if (*p == '*' || *p == '?' || *p == '[')
			sb_putn(sb, "\\", 1);
		sb_putn(sb, p, 1);
	}
}

size_t format_ifname(char *buf, size_t size, const char *name)
{
	struct sbuf sb = sb_start(buf, size);

	sb_ifname(&sb, name);
	return sb.len;
}

/* Names of the bits in @mask, space separated in text, a JSON array else. */
static void sb_names(struct sbuf *sb, const struct classnames *cn,
		     uint32_t mask, bool json)
{
	char tmp[MSGCLASS_NAME_MAX];
	const char *sep = "";

	sb_puts(sb, json ? "[" : mask ? "" : "none");
	/* Only the set bits, lowest first: this runs once per line. */
	for (; mask; mask &= mask - 1, sep = json ? "," : " ") {
		const char *name = msgclass_name(cn,
				(unsigned int)__builtin_ctz(mask), tmp);

		sb_puts(sb, sep);
		if (json)
			sb_json_string(sb, name);
		else
			sb_puts(sb, name);
	}
	if (json)
		sb_putn(sb, "]", 1);
}

/* @mask in text: its hex and its names, or with -x or -N one of them. */
static void sb_mask(struct sbuf *sb, enum out_mode mode,
		    const struct classnames *cn, uint32_t mask)
{
	if (mode != OUT_NAMES)
		sb_hex(sb, "0x", mask, 8);
	if (mode == OUT_TEXT)
		sb_putn(sb, " ", 1);
	if (mode != OUT_HEX)
		sb_names(sb, cn, mask, false);
}

/* The state; a JSON object is left open, for format_event()'s keys. */
static void sb_state(struct sbuf *sb, enum out_mode mode,
		     const struct classnames *cn, const struct ifstate *st,
		     enum changed_flag changed)
{
	if (mode == OUT_JSON) {
		sb_putn(sb, "{", 1);
		if (st->ifname[0]) {
			sb_json_ifname(sb, st->ifname);
			sb_dec(sb, ",\"ifindex\":", st->ifindex);
			sb_putn(sb, ",", 1);
		}
		sb_dec(sb, "\"msg_enable\":", st->msg_enable);
		sb_puts(sb, ",\"classes\":");
		sb_names(sb, cn, st->msg_enable, true);
		if (changed != CHANGED_NONE)
			sb_puts(sb, changed == CHANGED_YES ? ",\"changed\":true"
							   : ",\"changed\":false");
		return;
	}
	/* -x and -N print the mask alone; print.c adds a name if needed. */
	if (mode == OUT_TEXT && st->ifname[0]) {
		sb_ifname(sb, st->ifname);
		sb_puts(sb, ": ");
	}
	sb_mask(sb, mode, cn, st->msg_enable);
	if (mode == OUT_TEXT && changed != CHANGED_NONE)
		sb_puts(sb, changed == CHANGED_YES ? " (changed)"
						   : " (unchanged)");
}

size_t format_state(char *buf, size_t size, enum out_mode mode,
		    const struct classnames *cn, const struct ifstate *st,
		    enum changed_flag changed)
{
	struct sbuf sb = sb_start(buf, size);

	sb_state(&sb, mode, cn, st, changed);
	if (mode == OUT_JSON)
		sb_putn(&sb, "}", 1);
	return sb.len;
}

size_t format_event(char *buf, size_t size, enum out_mode mode,
		    const struct classnames *cn, const struct ifstate *st,
		    const uint32_t *old, const char *when)
{
	struct sbuf sb = sb_start(buf, size);

	sb_state(&sb, mode, cn, st, CHANGED_NONE);
	if (mode == OUT_JSON) {
		sb_puts(&sb, ",\"old_msg_enable\":");
		if (old)
			sb_dec(&sb, "", *old);
		else
			sb_puts(&sb, "null");
		if (when) {
			sb_puts(&sb, ",\"time\":");
			sb_json_string(&sb, when);
		}
		sb_putn(&sb, "}", 1);
		return sb.len;
	}
	if (old) {
		sb_puts(&sb, " (was ");
		sb_mask(&sb, mode, cn, *old);
		sb_putn(&sb, ")", 1);
	}
	if (when) {
		sb_puts(&sb, " (at ");
		sb_puts(&sb, when);
		sb_putn(&sb, ")", 1);
	}
	return sb.len;
}

size_t format_log(char *buf, size_t size, enum out_mode mode,
		  unsigned long long usec, const char *ifname,
		  unsigned int level, const char *msg)
{
	struct sbuf sb = sb_start(buf, size);

	if (mode == OUT_JSON) {
		sb_printf(&sb, "{\"time\":%llu.%06llu,",
			  usec / 1000000, usec % 1000000);
		sb_json_ifname(&sb, ifname);
		sb_printf(&sb, ",\"priority\":%u,\"message\":", level);
		sb_json_string(&sb, msg);
		sb_putn(&sb, "}", 1);
		return sb.len;
	}
	sb_printf(&sb, "[%5llu.%06llu] ", usec / 1000000, usec % 1000000);
	sb_ifname(&sb, ifname);
	sb_puts(&sb, ": ");
	size = sb.len < size ? size - sb.len : 0;
	return sb.len + escape_text(size ? buf + sb.len : NULL, size, msg);
}

size_t format_list_row(char *buf, size_t size, enum out_mode mode, int i)
{
	struct sbuf sb = sb_start(buf, size);
	const struct msgclass *c;

	if (i < 0) {
		if (mode == OUT_TEXT)
			sb_puts(&sb, "NAME       BIT  MASK    LEVEL");
		return sb.len;
	}
	if (i >= MSGCLASS_NBUILTIN)
		return 0;
	c = &msgclass_table[i];
	/* -N: the names alone, for 'for c in $(netifmsg --list -N)'. */
	if (mode == OUT_NAMES) {
		sb_puts(&sb, c->name);
		return sb.len;
	}
	if (mode == OUT_JSON) {
		sb_puts(&sb, "{\"name\":");
		sb_json_string(&sb, c->name);
		sb_printf(&sb, ",\"bit\":%u,\"mask\":%u,\"old_level\":",
			  c->bit, 1u << c->bit);
	} else {
		sb_printf(&sb, "%-9s %4u  0x%04x  ", c->name, c->bit,
			  1u << c->bit);
	}
	if (c->old_level < 0)
		sb_puts(&sb, mode == OUT_JSON ? "null" : "-");
	else
		sb_printf(&sb, "%d", c->old_level);
	if (mode == OUT_JSON)
		sb_putn(&sb, "}", 1);
	return sb.len;
}
