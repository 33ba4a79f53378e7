/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bytes that are not text: interface names may hold any byte but NUL,
 * '/', ':' and blanks, and user words any byte but NUL.  What netifmsg
 * prints of them is escaped so that a terminal never sees a control
 * byte and the text reads back as the same bytes (netifmsg(8), ESCAPES).
 */
#ifndef NETIFMSG_ESCAPE_H
#define NETIFMSG_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"

/*
 * The length (2..4) of the well-formed UTF-8 sequence of more than one
 * byte at @s (at most @n bytes), with its code point in *@cp; 0 if there
 * is none (an ASCII byte, or a byte that starts no valid sequence:
 * overlong forms, surrogates and code points past U+10FFFF are invalid).
 */
size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);

/* Whether @s is well-formed UTF-8 as a whole. */
bool utf8_valid(const char *s);

/*
 * Write @s for a terminal, snprintf style (returns the length needed):
 * bytes below 0x20, 0x7f, the bytes of C1 control characters
 * (U+0080..U+009F), of characters shown as nothing (Unicode's
 * Default_Ignorable_Code_Point) or that break or reorder the line
 * (U+2028..U+202E) and every byte that is not part of well-formed UTF-8
 * become "\xHH"; a backslash becomes "\\"; the rest is copied.
 */
size_t escape_text(char *buf, size_t size, const char *s);

/* Bytes a shell word can hold unquoted (a path adds '/'). */
#define SHELL_PLAIN	"abcdefghijklmnopqrstuvwxyz" \
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,+-%@="

/* Can @s be given to a shell as it is, unquoted (with @path, '/' too)? */
static inline bool shell_plain(const char *s, bool path)
{
	return !s[str_span(s, path ? SHELL_PLAIN "/" : SHELL_PLAIN)];
}

/* Room escape_text() needs at most for a string of @n bytes. */
#define ESCAPED_MAX(n)	(4 * (n) + 1)

/* The value of hexadecimal digit @c (either case), or -1. */
int hex_digit(char c);

/*
 * Undo escape_text() in place: "\xHH" is the byte HH (not 00), a
 * backslash before any other character stands for that character.
 * Returns false, leaving @s as it was, for a backslash at the end, "\x"
 * without two hex digits, or "\x00".
 */
bool unescape_word(char *s);

/*
 * unescape_word() for a pattern for fnmatch(3), whose backslash quotes
 * the next character as ESCAPES does: an escape of ASCII punctuation
 * keeps a backslash before it ("\x2a" is "\*", a quoted '*'); any other
 * is its byte alone ("\x41*" is "A*"), as messages quote the pattern.
 */
bool unescape_pattern(char *s);

#endif
