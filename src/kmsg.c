// SPDX-License-Identifier: GPL-2.0-or-later
/* /dev/kmsg records (Documentation/ABI/testing/dev-kmsg). */
#include <errno.h>
#include <string.h>

#include "escape.h"
#include "kmsg.h"

/* A decimal number of @s up to @end; *@s moves past it. */
static bool number(const char **s, const char *end, uint64_t *v)
{
	const char *p = *s;

	*v = 0;
	if (p == end || *p < '0' || *p > '9')
		return false;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		if (*v > (UINT64_MAX - 9) / 10)
			return false;
		*v = *v * 10 + (uint64_t)(*p - '0');
	}
	*s = p;
	return true;
}

/* The kernel writes '\\', bytes below ' ' and from 127 up as \xHH. */
static size_t unescape(char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\' && len - i >= 4 && s[i + 1] == 'x' &&
		    hex_digit(s[i + 2]) >= 0 && hex_digit(s[i + 3]) >= 0) {
			s[n++] = (char)(hex_digit(s[i + 2]) << 4 | hex_digit(s[i + 3]));
			i += 3;
		} else {
			s[n++] = s[i];
		}
	}
	return n;
}

int kmsg_parse(char *buf, size_t len, struct kmsg_record *r)
{
	const char *end = buf + len, *p = buf;
	char *semi, *nl;
	uint64_t prio;

	memset(r, 0, sizeof(*r));
	semi = memchr(buf, ';', len);
	if (!semi || !number(&p, semi, &prio) || *p++ != ',' ||
	    !number(&p, semi, &r->seq) || *p++ != ',' ||
	    !number(&p, semi, &r->usec) || *p++ != ',' || p >= semi)
		return -EINVAL;
	r->level = (unsigned int)(prio & 7);
	r->facility = (unsigned int)(prio >> 3);
	r->msg = semi + 1;
	/* The message ends at the first newline; " KEY=VALUE" lines follow. */
	nl = memchr(r->msg, '\n', (size_t)(end - r->msg));
	r->len = unescape(semi + 1, (size_t)((nl ? nl : end) - r->msg));
	return 0;
}

size_t kmsg_ifname(const struct kmsg_record *r, const char **name,
		   size_t *len)
{
	const char *colon, *name_end, *p;

	/*
	 * Facility 0 is the kernel's own: a write to /dev/kmsg from user
	 * space has another (the kernel makes it so), whatever its text.
	 */
	if (r->facility)
		return 0;
	/* The prefix ends at the first ": " (an interface name has no ':'). */
	colon = memmem(r->msg, r->len, ": ", 2);
	if (!colon)
		return 0;
	name_end = colon;
	/* netdev_reg_state() may follow the name: "eth0 (unregistering)". */
	if (colon > r->msg && colon[-1] == ')') {
		for (p = colon - 1; p > r->msg && !(p[0] == '(' && p[-1] == ' '); p--)
			;
		if (p > r->msg)
			name_end = p - 1;
	}
	/* An interface's name holds no blank. */
	for (p = name_end; p > r->msg && p[-1] != ' '; p--)
		;
	if (p == name_end)
		return 0;
	*name = p;
	*len = (size_t)(name_end - p);
	return (size_t)(colon - r->msg) + 2;
}
