/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Byte classes and spans of the words netifmsg reads: ASCII only, as its
 * own words and the kernel's class names are (netifmsg never calls
 * setlocale(), so <ctype.h> would give the same answers).
 *
 * Not <ctype.h>, strspn(3) or strncasecmp(3): their tables and SSE4.2 code
 * sit on pages of libc that nothing else of a one-interface command
 * touches, and paging them in was about a quarter of the time such a
 * command spent over the minimal libmnl client (bench/README.md, "The
 * start-up floor").  The words are a few bytes long.
 */
#ifndef NETIFMSG_ASCII_H
#define NETIFMSG_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool ascii_isalnum(int c)
{
	return ascii_isdigit(c) || ascii_isalpha(c);
}

static inline bool ascii_isxdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* isspace() of the C locale: ' ', '\t', '\n', '\v', '\f' and '\r'. */
static inline bool ascii_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether the first @n bytes of @a and @b match but for case (strncasecmp). */
static inline bool ascii_caseeq(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (ascii_tolower((unsigned char)*a) !=
		    ascii_tolower((unsigned char)*b))
			return false;
		if (!*a)
			break;
	}
	return true;
}

/* The length of the start of @s made of bytes of @set (strspn). */
static inline size_t str_span(const char *s, const char *set)
{
	size_t n = 0;

	while (s[n] && strchr(set, s[n]))
		n++;
	return n;
}

/* The length of the start of @s made of bytes not in @set (strcspn). */
static inline size_t str_cspan(const char *s, const char *set)
{
	size_t n = 0;

	while (s[n] && !strchr(set, s[n]))
		n++;
	return n;
}

#endif /* NETIFMSG_ASCII_H */
