// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over what netifmsg prints of bytes it does not
 * control: format_state() with the input as an interface name (any bytes
 * but NUL, at most IF_NAMESIZE - 1) in every output mode, and
 * escape_text()/unescape_word() on the whole input.
 *
 * JSON must be valid UTF-8 and valid RFC 8259 for the strict validator
 * below (written apart from escape.c on purpose), and name the interface
 * exactly: "ifname" decodes to the name's bytes, or, where the name is
 * not UTF-8, "ifname_hex" holds them and "ifname" has U+FFFD for each
 * byte that is not part of well-formed UTF-8.  Text must hold no control
 * byte and no character shown as nothing (u8_shown()), and its first word
 * must read back as the name.
 *
 * The input is also a /dev/kmsg record, as --trace reads it: kmsg_parse(),
 * kmsg_ifname() (and kmsg_ifname_dyndbg()) and the line format_log()
 * prints of it, under the same rules.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format.h"
#include "kmsg.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- an independent UTF-8 decoder ---- */

/* Length of the well-formed character at @s, 0 if none; code point in *@cp. */
static size_t u8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c;

	if (!n)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* shortest form only, no surrogates, nothing past U+10FFFF */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static bool u8_valid(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t k;

	for (; n; s += k, n -= k)
		if (!(k = u8_char(s, n, &cp)))
			return false;
	return true;
}

static size_t u8_put(unsigned char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xc0 | cp >> 6);
		out[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xe0 | cp >> 12);
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (unsigned char)(0xf0 | cp >> 18);
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/* ---- a strict JSON validator (RFC 8259) ---- */

/* A --trace message of max_len bytes, each one U+FFFD: 3 bytes. */
#define STR_MAX	1024

struct jp {
	const unsigned char *s;
	size_t n, i;
	/* the decoded values of the top object's name keys, if there */
	unsigned char ifname[STR_MAX], ifname_hex[STR_MAX];
	size_t ifname_len, ifname_hex_len;
	bool has_ifname, has_hex;
};

static void skip_ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
			       p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static bool eat(struct jp *p, char c)
{
	if (p->i < p->n && p->s[p->i] == (unsigned char)c) {
		p->i++;
		return true;
	}
	return false;
}

static int hex4(struct jp *p, uint32_t *v)
{
	int k, d;

	*v = 0;
	for (k = 0; k < 4; k++) {
		unsigned char c;

		if (p->i >= p->n)
			return -1;
		c = p->s[p->i++];
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		*v = *v << 4 | (uint32_t)d;
	}
	return 0;
}

/* A string, decoded into @out (UTF-8); lone surrogates are refused. */
static bool parse_string(struct jp *p, unsigned char *out, size_t *len)
{
	uint32_t cp, lo;
	size_t k;

	*len = 0;
	if (!eat(p, '"'))
		return false;
	for (;;) {
		unsigned char c;

		if (p->i >= p->n || *len + 4 > STR_MAX)
			return false;
		c = p->s[p->i];
		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c != '\\') {
			k = u8_char(p->s + p->i, p->n - p->i, &cp);
			if (!k)
				return false;
			memcpy(out + *len, p->s + p->i, k);
			*len += k;
			p->i += k;
			continue;
		}
		p->i++;
		if (p->i >= p->n)
			return false;
		c = p->s[p->i++];
		switch (c) {
		case '"': case '\\': case '/':
			cp = c;
			break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (hex4(p, &cp))
				return false;
			if (cp >= 0xdc00 && cp <= 0xdfff)
				return false;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (!eat(p, '\\') || !eat(p, 'u') || hex4(p, &lo) ||
				    lo < 0xdc00 || lo > 0xdfff)
					return false;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			break;
		default:
			return false;
		}
		*len += u8_put(out + *len, cp);
	}
}

static bool digits(struct jp *p)
{
	size_t start = p->i;

	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i > start;
}

static bool parse_number(struct jp *p)
{
	eat(p, '-');
	if (eat(p, '0')) {
		if (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			return false;
	} else if (!digits(p)) {
		return false;
	}
	if (eat(p, '.') && !digits(p))
		return false;
	if (eat(p, 'e') || eat(p, 'E')) {
		if (!eat(p, '+'))
			eat(p, '-');
		if (!digits(p))
			return false;
	}
	return true;
}

static bool literal(struct jp *p, const char *word)
{
	size_t len = strlen(word);

	if (p->n - p->i < len || memcmp(p->s + p->i, word, len))
		return false;
	p->i += len;
	return true;
}

static bool parse_value(struct jp *p, int depth, bool top);

static bool parse_object(struct jp *p, int depth, bool top)
{
	unsigned char key[STR_MAX], val[STR_MAX];
	size_t klen, vlen;

	if (!eat(p, '{'))
		return false;
	skip_ws(p);
	if (eat(p, '}'))
		return true;
	for (;;) {
		bool ifname, hex;

		skip_ws(p);
		if (!parse_string(p, key, &klen))
			return false;
		skip_ws(p);
		if (!eat(p, ':'))
			return false;
		skip_ws(p);
		ifname = top && klen == 6 && !memcmp(key, "ifname", 6);
		hex = top && klen == 10 && !memcmp(key, "ifname_hex", 10);
		if (ifname || hex) {
			/* a key twice is not what a reader can trust */
			if ((ifname && p->has_ifname) || (hex && p->has_hex))
				return false;
			if (!parse_string(p, val, &vlen))
				return false;
			memcpy(ifname ? p->ifname : p->ifname_hex, val, vlen);
			*(ifname ? &p->ifname_len : &p->ifname_hex_len) = vlen;
			*(ifname ? &p->has_ifname : &p->has_hex) = true;
		} else if (!parse_value(p, depth + 1, false)) {
			return false;
		}
		skip_ws(p);
		if (eat(p, '}'))
			return true;
		if (!eat(p, ','))
			return false;
	}
}

static bool parse_array(struct jp *p, int depth)
{
	if (!eat(p, '['))
		return false;
	skip_ws(p);
	if (eat(p, ']'))
		return true;
	for (;;) {
		skip_ws(p);
		if (!parse_value(p, depth + 1, false))
			return false;
		skip_ws(p);
		if (eat(p, ']'))
			return true;
		if (!eat(p, ','))
			return false;
	}
}

static bool parse_value(struct jp *p, int depth, bool top)
{
	unsigned char tmp[STR_MAX];
	size_t len;

	if (depth > 8 || p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{':
		return parse_object(p, depth, top);
	case '[':
		return parse_array(p, depth);
	case '"':
		return parse_string(p, tmp, &len);
	case 't':
		return literal(p, "true");
	case 'f':
		return literal(p, "false");
	case 'n':
		return literal(p, "null");
	default:
		return parse_number(p);
	}
}

/* ---- the checks ---- */

/* @name with each byte that is not part of well-formed UTF-8 as U+FFFD. */
static size_t replaced(const unsigned char *name, size_t n, unsigned char *out)
{
	size_t len = 0, k;
	uint32_t cp;

	for (; n; name += k, n -= k) {
		k = u8_char(name, n, &cp);
		if (!k) {
			len += u8_put(out + len, 0xfffd);
			k = 1;
		} else {
			memcpy(out + len, name, k);
			len += k;
		}
	}
	return len;
}

static int hexdigit(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static void check_json(const char *line, size_t len, const char *name)
{
	const unsigned char *u = (const unsigned char *)name;
	size_t n = strlen(name), i;
	unsigned char want[STR_MAX];
	struct jp *p = calloc(1, sizeof(*p));

	require(p != NULL);
	require(u8_valid((const unsigned char *)line, len));
	p->s = (const unsigned char *)line;
	p->n = len;
	require(parse_value(p, 0, true));
	require(p->i == p->n);
	require(p->has_ifname == (n > 0));
	require(p->has_hex == (n > 0 && !u8_valid(u, n)));
	/* escape.c and this decoder agree on what UTF-8 is */
	require(utf8_valid(name) == u8_valid(u, n));
	if (p->has_hex) {
		/* lowercase hex, two digits a byte: the exact bytes */
		require(p->ifname_hex_len == 2 * n);
		for (i = 0; i < n; i++) {
			int hi = hexdigit(p->ifname_hex[2 * i]);
			int lo = hexdigit(p->ifname_hex[2 * i + 1]);

			require(hi >= 0 && lo >= 0 && (hi << 4 | lo) == u[i]);
		}
		require(p->ifname_len == replaced(u, n, want));
		require(!memcmp(p->ifname, want, p->ifname_len));
	} else if (n) {
		require(p->ifname_len == n && !memcmp(p->ifname, name, n));
	}
	free(p);
}

/*
 * Text holds no character a terminal acts on or shows as nothing: C1
 * controls, Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties,
 * Unicode 15), U+2028..U+202E.  A table apart from escape.c's test.
 */
static bool u8_shown(const unsigned char *s, size_t n)
{
	static const uint32_t hidden[][2] = {
		{ 0x80, 0x9f }, { 0xad, 0xad }, { 0x34f, 0x34f },
		{ 0x61c, 0x61c }, { 0x115f, 0x1160 }, { 0x17b4, 0x17b5 },
		{ 0x180b, 0x180f }, { 0x200b, 0x200f }, { 0x2028, 0x202e },
		{ 0x2060, 0x206f }, { 0x3164, 0x3164 }, { 0xfe00, 0xfe0f },
		{ 0xfeff, 0xfeff }, { 0xffa0, 0xffa0 }, { 0xfff0, 0xfff8 },
		{ 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
		{ 0xe0000, 0xe0fff },
	};
	uint32_t cp;
	size_t k, i;

	for (; n; s += k, n -= k) {
		if (!(k = u8_char(s, n, &cp)))
			return false;
		for (i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
			if (cp >= hidden[i][0] && cp <= hidden[i][1])
				return false;
	}
	return true;
}

/* No control byte; the first word, less its colon, reads back as @name. */
static void check_text(const char *line, size_t len, const char *name)
{
	char word[ESCAPED_MAX(IF_NAMESIZE) + 2];
	const char *colon;
	size_t i, wlen;

	for (i = 0; i < len; i++)
		require((unsigned char)line[i] >= 0x20 && line[i] != 0x7f);
	require(u8_shown((const unsigned char *)line, len));
	/* The kernel's names hold no ':' or space (the others are escaped). */
	if (!name[0] || strpbrk(name, ": "))
		return;
	colon = strstr(line, ": 0x");
	require(colon != NULL);
	wlen = (size_t)(colon - line);
	require(wlen < sizeof(word));
	memcpy(word, line, wlen);
	word[wlen] = '\0';
	/* a blank would split a --batch line; '-' and '#' would not be IFACE */
	require(!strpbrk(word, " \t"));
	require(word[0] != '-' && word[0] != '#');
	require(unescape_word(word));
	require(!strcmp(word, name));
}

static void check_state(const uint8_t *data, size_t size)
{
	static const enum out_mode modes[] = {
		OUT_TEXT, OUT_HEX, OUT_NAMES, OUT_JSON,
	};
	struct ifstate st = { 0 };
	char line[FORMAT_STATE_MAX];
	enum changed_flag changed;
	enum out_mode mode;
	size_t n, len;

	if (size < 6)
		return;
	mode = modes[data[0] & 3];
	changed = (enum changed_flag)((data[0] >> 2) % 3) - 1;
	memcpy(&st.msg_enable, data + 1, 4);
	st.ifindex = data[5];
	data += 6;
	size -= 6;
	n = size < sizeof(st.ifname) - 1 ? size : sizeof(st.ifname) - 1;
	memcpy(st.ifname, data, n);
	n = strlen(st.ifname);
	len = format_state(line, sizeof(line), mode, NULL, &st, changed);
	require(len < sizeof(line) && len == strlen(line));
	if (mode == OUT_JSON)
		check_json(line, len, st.ifname);
	else if (mode == OUT_TEXT)
		check_text(line, len, st.ifname);
	else
		require(u8_valid((const unsigned char *)line, len));
	/* every mode as JSON too: the one rule for every -j line */
	len = format_state(line, sizeof(line), OUT_JSON, NULL, &st, changed);
	require(len < sizeof(line));
	check_json(line, len, st.ifname);
	(void)n;
}

/* escape_text() on any string: no control byte, and it reads back. */
static void check_escape(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *esc;
	size_t len, i;

	require(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	len = escape_text(NULL, 0, s);
	require(len + 1 <= ESCAPED_MAX(strlen(s)));
	esc = malloc(len + 1);
	require(esc != NULL);
	require(escape_text(esc, len + 1, s) == len && strlen(esc) == len);
	for (i = 0; i < len; i++)
		require((unsigned char)esc[i] >= 0x20 && esc[i] != 0x7f);
	require(u8_shown((const unsigned char *)esc, len));
	require(unescape_word(esc));
	require(!strcmp(esc, s));
	/* any word: unescaped or refused, never longer */
	memcpy(esc, s, strlen(s) + 1);
	if (unescape_word(s))
		require(strlen(s) <= strlen(esc));
	else
		require(!strcmp(s, esc));
	free(esc);
	free(s);
}

/* A kernel log record: its fields, its interface, its line of --trace. */
static void check_kmsg(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1), ifname[IF_NAMESIZE];
	char text[4096], line[6 * sizeof(text) + 256];
	struct kmsg_record r;
	const char *name;
	size_t off, nlen, len, dlen;
	int mode;

	require(buf != NULL);
	memcpy(buf, data, size);
	if (kmsg_parse(buf, size, &r) < 0) {
		free(buf);
		return;
	}
	require(r.level <= 7);
	require(r.msg > buf && r.msg + r.len <= buf + size);
	/* Past a dynamic debug decoration, which ends in a blank. */
	off = kmsg_ifname_dyndbg(&r, &dlen, &name, &nlen);
	if (off) {
		require(!r.facility && dlen > 0 && dlen < off && off <= r.len);
		require(r.msg[dlen - 1] == ' ' && nlen > 0);
		require(name > r.msg + dlen && name + nlen + 2 <= r.msg + off);
		require(!memchr(name, ' ', nlen) && !memcmp(r.msg + off - 2, ": ", 2));
	}
	off = kmsg_ifname(&r, &name, &nlen);
	if (!off) {
		free(buf);
		return;
	}
	/* The name, a word before ": ", then the text after it. */
	require(!r.facility && off <= r.len && nlen > 0);
	require(name >= r.msg && name + nlen + 2 <= r.msg + off);
	require(!memchr(name, ' ', nlen) && !memcmp(r.msg + off - 2, ": ", 2));
	/* As --trace prints it for a target of that name. */
	len = nlen < sizeof(ifname) - 1 ? nlen : sizeof(ifname) - 1;
	memcpy(ifname, name, len);
	ifname[len] = '\0';
	if (r.len - off >= sizeof(text)) {
		free(buf);
		return;
	}
	memcpy(text, r.msg + off, r.len - off);
	text[r.len - off] = '\0';
	for (mode = 0; ifname[0] && mode < 2; mode++) {
		len = format_log(line, sizeof(line), mode ? OUT_JSON : OUT_TEXT,
				 r.usec, ifname, r.level, text);
		require(len < sizeof(line) && len == strlen(line));
		if (!mode)
			check_text(line, len, "");
		/* The validator's strings: U+FFFD (3 bytes) for each byte. */
		else if (3 * (r.len - off) + 4 <= STR_MAX)
			check_json(line, len, ifname);
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_state(data, size);
	check_escape(data, size);
	check_kmsg(data, size);
	return 0;
}
