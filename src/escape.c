// SPDX-License-Identifier: GPL-2.0-or-later
/* Escaping bytes that are not text, and reading them back: see escape.h. */
#include <stdio.h>

#include "ascii.h"
#include "escape.h"

size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	/* The lowest code point a sequence of each length may encode. */
	static const uint32_t min[] = { [2] = 0x80, [3] = 0x800, [4] = 0x10000 };
	uint32_t c;
	size_t len, i;

	if (!n || s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	len = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (n < len)
		return 0;
	/* The lead byte's value bits: 5, 4 or 3 of them. */
	c = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k;
	uint32_t cp;

	for (; n; p += k, n -= k)
		if (!(k = *p < 0x80 ? 1 : utf8_seq(p, n, &cp)))
			return false;
	return true;
}

/* snprintf-style appending, counting past the end. */
static void put(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++, (*len)++)
		if (*len + 1 < size)
			buf[*len] = s[i];
}

/*
 * Characters a terminal shows as nothing (Unicode's
 * Default_Ignorable_Code_Point: zero-width and format characters, fillers,
 * variation selectors, tags), or that reorder or break the text around
 * them: a name that holds one would look like another, or move the rest
 * of a line (bidirectional overrides, as in CVE-2021-42574).
 */
static bool invisible(uint32_t cp)
{
	return cp == 0xad || cp == 0x34f || cp == 0x61c ||
	       (cp >= 0x115f && cp <= 0x1160) ||
	       (cp >= 0x17b4 && cp <= 0x17b5) ||
	       (cp >= 0x180b && cp <= 0x180f) ||
	       (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x206f) || cp == 0x3164 ||
	       (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff ||
	       cp == 0xffa0 || (cp >= 0xfff0 && cp <= 0xfff8) ||
	       (cp >= 0x1bca0 && cp <= 0x1bca3) ||
	       (cp >= 0x1d173 && cp <= 0x1d17a) ||
	       (cp >= 0xe0000 && cp <= 0xe0fff);
}

size_t escape_text(char *buf, size_t size, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), len = 0, k, i;
	uint32_t cp = 0;

	for (; n; p += k, n -= k) {
		k = *p < 0x80 ? 1 : utf8_seq(p, n, &cp);
		if (*p == '\\') {
			put(buf, size, &len, "\\\\", 2);
		} else if (*p >= 0x20 && *p < 0x7f) {
			put(buf, size, &len, (const char *)p, 1);
		} else if (*p >= 0x80 && k && cp >= 0xa0 && !invisible(cp)) {
			put(buf, size, &len, (const char *)p, k);
		} else {
			/* A control byte or character, an invisible one, or not UTF-8. */
			for (i = 0, k = k ? k : 1; i < k; i++) {
				char hex[5];

				snprintf(hex, sizeof(hex), "\\x%02x", p[i]);
				put(buf, size, &len, hex, 4);
			}
		}
	}
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return len;
}

int hex_digit(char c)
{
	if (!ascii_isxdigit((unsigned char)c))
		return -1;
	return c <= '9' ? c - '0' : ascii_tolower((unsigned char)c) - 'a' + 10;
}

/* The length of the escape at @s (a backslash), 0 if it is a bad one. */
static size_t escape_len(const char *s)
{
	if (s[1] != 'x')
		return s[1] ? 2 : 0;
	return hex_digit(s[2]) >= 0 && hex_digit(s[3]) >= 0 &&
	       (s[2] != '0' || s[3] != '0') ? 4 : 0;
}

/*
 * With @pattern, an escape keeps a backslash before its character where
 * fnmatch(3) may read that as a glob (ASCII punctuation): in place, as
 * "\xHH" takes two bytes more than the byte it is.
 */
static bool unescape(char *s, bool pattern)
{
	char *out = s, *p, c;
	size_t k;

	/* Check first: a bad word is left as it was, for the message. */
	for (p = s; *p; p += k)
		if (!(k = *p == '\\' ? escape_len(p) : 1))
			return false;
	for (p = s; *p; p += k) {
		k = *p == '\\' ? escape_len(p) : 1;
		c = k == 4 ? (char)(hex_digit(p[2]) << 4 | hex_digit(p[3])) :
			     p[k - 1];
		if (pattern && k > 1 && c > ' ' && c < 0x7f && !ascii_isalnum(c))
			*out++ = '\\';
		*out++ = c;
	}
	*out = '\0';
	return true;
}

bool unescape_word(char *s)
{
	return unescape(s, false);
}

bool unescape_pattern(char *s)
{
	return unescape(s, true);
}
