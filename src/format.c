// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The one formatting path: every line netifmsg prints about a mask goes
 * through format_state(), so text, --hex, --names and JSON cannot drift.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "msgclass.h"

/* A bounded, snprintf-like writer that keeps counting past the end. */
struct sbuf {
	char *buf;
	size_t size;
	size_t len;
};

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

/* "0x%08x" without the printf machinery: it runs once per line. */
static void sb_hex32(struct sbuf *sb, uint32_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[10] = { '0', 'x' };
	int i;

	for (i = 9; i >= 2; i--, v >>= 4)
		tmp[i] = digits[v & 0xf];
	sb_putn(sb, tmp, sizeof(tmp));
}

static void sb_json_string(struct sbuf *sb, const char *s)
{
	const unsigned char *p;

	sb_putn(sb, "\"", 1);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			sb_puts(sb, "\\\"");
			break;
		case '\\':
			sb_puts(sb, "\\\\");
			break;
		case '\n':
			sb_puts(sb, "\\n");
			break;
		case '\t':
			sb_puts(sb, "\\t");
			break;
		case '\r':
			sb_puts(sb, "\\r");
			break;
		case '\b':
			sb_puts(sb, "\\b");
			break;
		case '\f':
			sb_puts(sb, "\\f");
			break;
		default:
			/* Bytes >= 0x80 pass through; names are raw bytes. */
			if (*p < 0x20 || *p == 0x7f)
				sb_printf(sb, "\\u%04x", *p);
			else
				sb_putn(sb, (const char *)p, 1);
		}
	}
	sb_putn(sb, "\"", 1);
}

/*
 * An interface name as it reads back as IFACE (netifmsg(8), INTERFACES):
 * glob characters and a backslash that would start an escape get a
 * backslash; control bytes and blanks become \xHH.
 */
static void sb_ifname(struct sbuf *sb, const char *name)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p; p++) {
		char esc[4] = { '\\', 'x', digits[*p >> 4], digits[*p & 0xf] };

		if (*p <= 0x20 || *p == 0x7f)
			sb_putn(sb, esc, 4);
		else if (*p == '*' || *p == '?' || *p == '[' ||
			 (*p == '\\' && p[1] && strchr("\\*?[x", p[1])))
			sb_putn(sb, "\\", 1);
		if (*p > 0x20 && *p != 0x7f)
			sb_putn(sb, (const char *)p, 1);
	}
}

size_t format_ifname(char *buf, size_t size, const char *name)
{
	struct sbuf sb = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	sb_ifname(&sb, name);
	return sb.len;
}

/* Names of the bits in @mask, space separated in text, a JSON array else. */
static void sb_names(struct sbuf *sb, const struct classnames *cn,
		     uint32_t mask, bool json)
{
	char tmp[MSGCLASS_NAME_MAX];
	bool first = true;

	if (json)
		sb_putn(sb, "[", 1);
	else if (!mask)
		sb_puts(sb, "none");
	/* Only the set bits, lowest first: this runs once per line. */
	for (; mask; mask &= mask - 1) {
		unsigned int bit = (unsigned int)__builtin_ctz(mask);
		const char *name;

		name = msgclass_name(cn, bit, tmp);
		if (!first)
			sb_putn(sb, json ? "," : " ", 1);
		first = false;
		if (json)
			sb_json_string(sb, name);
		else
			sb_puts(sb, name);
	}
	if (json)
		sb_putn(sb, "]", 1);
}

static void sb_state_json(struct sbuf *sb, const struct classnames *cn,
			  const struct ifstate *st, enum changed_flag changed)
{
	sb_putn(sb, "{", 1);
	if (st->ifname[0]) {
		sb_puts(sb, "\"ifname\":");
		sb_json_string(sb, st->ifname);
		sb_printf(sb, ",\"ifindex\":%u,", st->ifindex);
	}
	sb_printf(sb, "\"msg_enable\":%u,\"classes\":", st->msg_enable);
	sb_names(sb, cn, st->msg_enable, true);
	if (changed != CHANGED_NONE)
		sb_puts(sb, changed == CHANGED_YES ? ",\"changed\":true"
						   : ",\"changed\":false");
	sb_putn(sb, "}", 1);
}

size_t format_state(char *buf, size_t size, enum out_mode mode,
		    const struct classnames *cn, const struct ifstate *st,
		    enum changed_flag changed)
{
	struct sbuf sb = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	switch (mode) {
	case OUT_JSON:
		sb_state_json(&sb, cn, st, changed);
		break;
	case OUT_HEX:
		sb_hex32(&sb, st->msg_enable);
		break;
	case OUT_NAMES:
		sb_names(&sb, cn, st->msg_enable, false);
		break;
	case OUT_TEXT:
		if (st->ifname[0]) {
			sb_ifname(&sb, st->ifname);
			sb_puts(&sb, ": ");
		}
		sb_hex32(&sb, st->msg_enable);
		sb_putn(&sb, " ", 1);
		sb_names(&sb, cn, st->msg_enable, false);
		if (changed != CHANGED_NONE)
			sb_puts(&sb, changed == CHANGED_YES ? " (changed)"
							    : " (unchanged)");
		break;
	}
	return sb.len;
}

size_t format_log(char *buf, size_t size, enum out_mode mode,
		  unsigned long long usec, const char *ifname,
		  unsigned int level, const char *msg)
{
	struct sbuf sb = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	if (mode == OUT_JSON) {
		sb_printf(&sb, "{\"time\":%llu.%06llu,\"ifname\":",
			  usec / 1000000, usec % 1000000);
		sb_json_string(&sb, ifname);
		sb_printf(&sb, ",\"priority\":%u,\"message\":", level);
		sb_json_string(&sb, msg);
		sb_putn(&sb, "}", 1);
		return sb.len;
	}
	/* As dmesg prints it: the record's time since boot, then the text. */
	sb_printf(&sb, "[%5llu.%06llu] ", usec / 1000000, usec % 1000000);
	sb_ifname(&sb, ifname);
	sb_puts(&sb, ": ");
	for (; *msg; msg++) {
		char esc[5];

		if ((unsigned char)*msg < 0x20 || *msg == 0x7f) {
			snprintf(esc, sizeof(esc), "\\x%02x", (unsigned char)*msg);
			sb_puts(&sb, esc);
		} else {
			sb_putn(&sb, msg, 1);
		}
	}
	return sb.len;
}

size_t format_list_row(char *buf, size_t size, enum out_mode mode, int i)
{
	struct sbuf sb = { buf, size, 0 };
	const struct msgclass *c;

	if (size)
		buf[0] = '\0';
	if (i < 0) {
		if (mode != OUT_JSON)
			sb_puts(&sb, "NAME       BIT  MASK    LEVEL");
		return sb.len;
	}
	if (i >= MSGCLASS_NBUILTIN)
		return 0;
	c = &msgclass_table[i];
	if (mode == OUT_JSON) {
		sb_puts(&sb, "{\"name\":");
		sb_json_string(&sb, c->name);
		sb_printf(&sb, ",\"bit\":%u,\"mask\":%u,\"old_level\":",
			  c->bit, 1u << c->bit);
		if (c->old_level < 0)
			sb_puts(&sb, "null");
		else
			sb_printf(&sb, "%d", c->old_level);
		sb_putn(&sb, "}", 1);
		return sb.len;
	}
	sb_printf(&sb, "%-9s %4u  0x%04x  ", c->name, c->bit, 1u << c->bit);
	if (c->old_level < 0)
		sb_puts(&sb, "-");
	else
		sb_printf(&sb, "%d", c->old_level);
	return sb.len;
}
