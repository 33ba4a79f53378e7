// SPDX-License-Identifier: GPL-2.0-or-later
/* /dev/kmsg records (Documentation/ABI/testing/dev-kmsg). */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "escape.h"
#include "kmsg.h"

/* A decimal number of @s up to @end; *@s moves past it. */
static bool number(const char **s, const char *end, uint64_t *v)
{
	const char *p = *s;

	for (*v = 0; p < end && *p >= '0' && *p <= '9'; p++) {
		uint64_t d = (uint64_t)(*p - '0');

		if (*v > (UINT64_MAX - d) / 10)
			return false;
		*v = *v * 10 + d;
	}
	if (p == *s)
		return false;
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
	/* A facility cut to fit would pass for the kernel's (0). */
	if (!semi || !number(&p, semi, &prio) || prio > UINT_MAX ||
	    *p++ != ',' || !number(&p, semi, &r->seq) || *p++ != ',' ||
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

/*
 * What netdev_reg_state() puts after the name of a device that is not
 * registered: these alone, as a name may hold a '(' ("(b)").
 */
static const char *const reg_states[] = {
	" (uninitialized)", " (unregistering)", " (unregistered)",
	" (released)", " (dummy)", " (unknown)",
};

/* netdev_printk()'s prefix at @msg (@n bytes), as kmsg_ifname() says. */
static size_t netdev_prefix(const char *msg, size_t n, const char **name,
			    size_t *len)
{
	static const char unnamed[] = "(unnamed net_device)";
	const char *colon, *name_end, *p;
	size_t i, k, m;

	/* The prefix ends at the first ": " (an interface name has no ':'). */
	colon = memmem(msg, n, ": ", 2);
	if (!colon)
		return 0;
	name_end = colon;
	/*
	 * netdev_reg_state() may follow the name: "eth0 (unregistering)".
	 * Not where only "DRIVER BUS-ID" comes before it: then it is the
	 * name of an interface with a parent ("(dummy)" is a valid name).
	 * netdev_name() of a device not yet named has a blank of its own.
	 */
	for (i = 0; i < sizeof(reg_states) / sizeof(*reg_states); i++) {
		k = strlen(reg_states[i]);
		if ((size_t)(colon - msg) <= k ||
		    memcmp(colon - k, reg_states[i], k))
			continue;
		m = (size_t)(colon - k - msg);
		p = memchr(msg, ' ', m);
		if (!p || memchr(p + 1, ' ', m - (size_t)(p + 1 - msg)) ||
		    (m == strlen(unnamed) && !memcmp(msg, unnamed, m)))
			name_end = colon - k;
		break;
	}
	/* netdev_name() of a device not yet named: no interface's name. */
	k = strlen(unnamed);
	if ((size_t)(name_end - msg) >= k && !memcmp(name_end - k, unnamed, k) &&
	    (name_end - k == msg || name_end[-1 - (ptrdiff_t)k] == ' '))
		return 0;
	/* An interface's name holds no blank. */
	for (p = name_end; p > msg && p[-1] != ' '; p--)
		;
	if (p == name_end)
		return 0;
	*name = p;
	*len = (size_t)(name_end - p);
	return (size_t)(colon - msg) + 2;
}

size_t kmsg_ifname(const struct kmsg_record *r, const char **name,
		   size_t *len)
{
	/*
	 * Facility 0 is the kernel's own: a write to /dev/kmsg from user
	 * space has another (the kernel makes it so), whatever its text.
	 */
	return r->facility ? 0 : netdev_prefix(r->msg, r->len, name, len);
}

/* How many bytes from @s to @end are of @set. */
static size_t span(const char *s, const char *end, const char *set)
{
	const char *p = s;

	while (p < end && *p && strchr(set, *p))
		p++;
	return (size_t)(p - s);
}

#define DIGITS	"0123456789"

/*
 * The longest decoration the kernel writes: lib/dynamic_debug.c builds
 * it in PREFIX_SIZE bytes (128 on newer kernels, 64 on older), its NUL
 * included, and cuts a longer one short.  A longer one is no decoration.
 */
#define DECORATION_MAX	127
#define IDENT	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_" DIGITS

/*
 * The length of the decoration __dynamic_emit_prefix() puts at @s (see
 * kmsg_ifname_dyndbg()), 0 for none.  FUNCTION is a C identifier and
 * MODNAME one that may start with a digit (8139cp, 3c59x), SOURCEFILE a
 * path with a '.', LINENO digits: each is told by its shape.
 */
static size_t decoration(const char *s, const char *end)
{
	const char *p = s, *q;
	int field = 0;	/* the last: 1, 2 (m, f), 3 (s), 4 (l) */
	size_t n;

	if (p < end && *p == '[' && (n = span(p + 1, end, DIGITS)) &&
	    end - p > (ptrdiff_t)n + 2 && !memcmp(p + 1 + n, "] ", 2))
		p += n + 3;
	else if ((size_t)(end - p) >= 7 && !memcmp(p, "<intr> ", 7))
		p += 7;
	for (q = p; q < end && field < 4; q += n + 1) {
		n = span(q, end, IDENT "./+-");
		if (!n || q + n == end || q[n] != ':')
			break;
		if (span(q, end, DIGITS) == n)
			field = 4;			/* LINENO */
		else if (memchr(q, '.', n) && field < 3)
			field = 3;			/* SOURCEFILE */
		else if (span(q, end, IDENT) == n && field < 2 &&
			 (!field || *q < '0' || *q > '9'))
			field++;			/* MOD, FUNC */
		else
			return 0;
	}
	/* "[TID] " alone, or fields and the blank after them. */
	if (q != p && (q >= end || *q++ != ' '))
		return 0;
	n = (size_t)(q - s);
	return n <= DECORATION_MAX ? n : 0;
}

size_t kmsg_ifname_dyndbg(const struct kmsg_record *r, size_t *dlen,
			  const char **name, size_t *len)
{
	const char *s, *end = r->msg + r->len, *b;
	size_t off;

	if (r->facility)
		return 0;
	*dlen = decoration(r->msg, end);
	if (!*dlen)
		return 0;
	/* Only with a parent: "DRIVER BUS-ID IFACE: ", three words. */
	s = r->msg + *dlen;
	off = netdev_prefix(s, r->len - *dlen, name, len);
	if (!off || *s == ' ')
		return 0;
	b = memchr(s, ' ', (size_t)(*name - s));
	if (!b || *name - b < 3 || memchr(b + 1, ' ', (size_t)(*name - b - 2)))
		return 0;
	return *dlen + off;
}
