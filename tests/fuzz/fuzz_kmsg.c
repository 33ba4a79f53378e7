// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over the /dev/kmsg record parser that --trace runs on
 * every record of the kernel log: kmsg_parse() on the input as one record
 * (in a buffer of exactly its size), then kmsg_ifname() and
 * kmsg_ifname_dyndbg() on what it parsed.
 *
 * Checked against what kmsg.h promises, with models written apart from
 * kmsg.c: a record is accepted only if it is "PRIO,SEQ,USEC,FLAGS;..."
 * (the numbers as the model reads them, PRIO at most UINT_MAX, the
 * facility the whole of PRIO >> 3), the message is the bytes up to the first newline with the
 * \xHH escapes undone, in place; a name is a non-empty word before the
 * message's first ": " (or before a registration state there) and
 * inside the record,
 * and is only found in the kernel's own records; a dynamic debug
 * decoration has the kernel's shape and is followed by the three words
 * "DRIVER BUS-ID IFACE: " that kmsg_ifname() reads past it.
 */
#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kmsg.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- models ---- */

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A decimal number at @s[*i] before @end: 1 if read, 0 if no digit.
 * *@over: it does not fit in 64 bits; *@big: it is near enough to that
 * for the parser to refuse it.
 */
static int model_number(const unsigned char *s, size_t *i, size_t end,
			uint64_t *v, bool *over, bool *big)
{
	size_t start = *i;

	*v = 0;
	for (; *i < end && s[*i] >= '0' && s[*i] <= '9'; (*i)++)
		if (__builtin_mul_overflow(*v, 10, v) ||
		    __builtin_add_overflow(*v, s[*i] - '0', v))
			*over = true;
	if (*over || *v >= UINT64_MAX - 9)
		*big = true;
	return *i > start;
}

struct model {
	bool ok, over, big;
	uint64_t prio, seq, usec;
	size_t msg_at;			/* after the ';' */
	unsigned char *msg;		/* unescaped */
	size_t len;
};

static void model_parse(const unsigned char *s, size_t size, struct model *m)
{
	size_t semi, i = 0, end, k;

	memset(m, 0, sizeof(*m));
	for (semi = 0; semi < size && s[semi] != ';'; semi++)
		;
	if (semi == size)
		return;
	if (!model_number(s, &i, semi, &m->prio, &m->over, &m->big) ||
	    s[i++] != ',' ||
	    !model_number(s, &i, semi, &m->seq, &m->over, &m->big) ||
	    s[i++] != ',' ||
	    !model_number(s, &i, semi, &m->usec, &m->over, &m->big) ||
	    s[i++] != ',' ||
	    i >= semi || m->prio > UINT_MAX)
		return;
	m->ok = true;
	m->msg_at = semi + 1;
	for (end = m->msg_at; end < size && s[end] != '\n'; end++)
		;
	m->msg = malloc(end - m->msg_at + 1);
	require(m->msg != NULL);
	for (k = m->msg_at; k < end; k++) {
		if (s[k] == '\\' && end - k >= 4 && s[k + 1] == 'x' &&
		    hexval(s[k + 2]) >= 0 && hexval(s[k + 3]) >= 0) {
			m->msg[m->len++] = (unsigned char)(hexval(s[k + 2]) * 16 +
							   hexval(s[k + 3]));
			k += 3;
		} else {
			m->msg[m->len++] = s[k];
		}
	}
}

/* Where @needle first is in @s (@n bytes), or -1. */
static long find(const char *s, size_t n, const char *needle)
{
	size_t k, nl = strlen(needle);

	for (k = 0; k + nl <= n; k++)
		if (!memcmp(s + k, needle, nl))
			return (long)k;
	return -1;
}

/*
 * netdev_printk()'s prefix as the header tells it: the name's start and
 * length in @s, and the offset after the first ": ", or 0.
 */
static size_t model_prefix(const char *s, size_t n, size_t *at, size_t *len)
{
	static const char *const states[] = {
		" (uninitialized)", " (unregistering)", " (unregistered)",
		" (released)", " (dummy)", " (unknown)",
	};
	static const char unnamed[] = "(unnamed net_device)";
	long c = find(s, n, ": "), k;
	size_t e, w;

	if (c < 0)
		return 0;
	e = (size_t)c;
	/*
	 * "NAME (unregistering): ": one of netdev_reg_state()'s six, but
	 * for the name in "DRIVER BUS-ID (dummy): " (two words before it),
	 * unless those are netdev_name()'s "(unnamed net_device)".
	 */
	for (k = 0; k < 6; k++) {
		size_t sl = strlen(states[k]), blanks = 0, j;

		if ((size_t)c <= sl || memcmp(s + c - sl, states[k], sl))
			continue;
		for (j = 0; j < (size_t)c - sl; j++)
			blanks += s[j] == ' ';
		if (blanks != 1 || ((size_t)c - sl == strlen(unnamed) &&
				    !memcmp(s, unnamed, strlen(unnamed))))
			e = (size_t)c - sl;
		break;
	}
	/* The two words "(unnamed net_device)" last: no name at all. */
	k = (long)e - (long)strlen(unnamed);
	if (k >= 0 && !memcmp(s + k, unnamed, strlen(unnamed)) &&
	    (!k || s[k - 1] == ' '))
		return 0;
	for (w = e; w > 0 && s[w - 1] != ' '; w--)
		;
	if (w == e)
		return 0;
	*at = w;
	*len = e - w;
	return (size_t)c + 2;
}

static bool all_of(const char *s, size_t n, const char *set)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!s[k] || !strchr(set, s[k]))
			return false;
	return n > 0;
}

#define DIGITS	"0123456789"
#define IDENT	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_" DIGITS

/*
 * Is @s (@n bytes) a decoration of __dynamic_emit_prefix(): "[TID] " or
 * "<intr> " or neither, then MODNAME: FUNCTION: SOURCEFILE: LINENO: in
 * that order, each there or not, and a blank after them if any is?
 */
static bool model_decoration(const char *s, size_t n)
{
	size_t k = 0, w, fields;
	int last = 0;

	if (n && s[0] == '[') {
		for (k = 1; k < n && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k == 1 || n - k < 2 || memcmp(s + k, "] ", 2))
			return false;
		k += 2;
	} else if (n >= 7 && !memcmp(s, "<intr> ", 7)) {
		k = 7;
	}
	if (k == n)
		return k > 0;
	if (s[n - 1] != ' ')
		return false;
	n--;
	for (fields = k; k < n;) {
		for (w = k; w < n && s[w] != ':'; w++)
			;
		if (w == n)
			return false;
		if (all_of(s + k, w - k, DIGITS)) {
			last = 4;
		} else if (memchr(s + k, '.', w - k) && last < 3 &&
			   all_of(s + k, w - k, IDENT "./+-")) {
			last = 3;
		} else if (last < 2 && all_of(s + k, w - k, IDENT) &&
			   (!last || s[k] < '0' || s[k] > '9')) {
			last++;
		} else {
			return false;
		}
		k = w + 1;
		if (last == 4)
			break;
	}
	return k == n && k > fields;
}

/* ---- the checks ---- */

static void check_ifname(const struct kmsg_record *r)
{
	const char *name = NULL;
	size_t off, nlen = 0, at, mlen, moff;

	off = kmsg_ifname(r, &name, &nlen);
	if (r->facility) {
		require(!off);
		return;
	}
	moff = model_prefix(r->msg, r->len, &at, &mlen);
	require(off == moff);
	if (!off)
		return;
	/* inside the record, before the first ": ", no blank, not empty */
	require(off >= 2 && off <= r->len);
	require(!memcmp(r->msg + off - 2, ": ", 2));
	require(find(r->msg, r->len, ": ") == (long)off - 2);
	require(name == r->msg + at && nlen == mlen && nlen > 0);
	require(name >= r->msg && name + nlen <= r->msg + off - 2);
	require(!memchr(name, ' ', nlen));
	require(name == r->msg || name[-1] == ' ');
}

static void check_dyndbg(const struct kmsg_record *r)
{
	struct kmsg_record rest;
	const char *name = NULL, *pname = NULL, *b;
	size_t off, dlen = 0, nlen = 0, poff, plen = 0;

	off = kmsg_ifname_dyndbg(r, &dlen, &name, &nlen);
	if (r->facility)
		require(!off);
	if (!off)
		return;
	require(dlen > 0 && dlen < off && off <= r->len);
	require(r->msg[dlen - 1] == ' ');
	require(model_decoration(r->msg, dlen));
	/* the kernel cuts a longer one (PREFIX_SIZE 128) */
	require(dlen <= 127);
	/* what follows is a record kmsg_ifname() reads the same name in */
	rest = *r;
	rest.msg += dlen;
	rest.len -= dlen;
	poff = kmsg_ifname(&rest, &pname, &plen);
	require(poff == off - dlen && pname == name && plen == nlen);
	require(name > r->msg + dlen && name + nlen + 2 <= r->msg + off);
	require(!memchr(name, ' ', nlen) && nlen > 0);
	/* "DRIVER BUS-ID IFACE": two single blanks, neither word empty */
	b = memchr(rest.msg, ' ', (size_t)(name - rest.msg));
	require(b != NULL && b > rest.msg && name - b >= 3);
	require(!memchr(b + 1, ' ', (size_t)(name - b - 2)));
	require(name[-1] == ' ');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	struct kmsg_record r;
	struct model m;
	int ret;

	require(buf != NULL);
	memcpy(buf, data, size);
	model_parse(data, size, &m);
	ret = kmsg_parse(buf, size, &r);
	require(ret == 0 || ret == -EINVAL);
	if (ret) {
		/* only numbers too big for it may be refused beyond the model */
		require(!m.ok || m.big);
		goto out;
	}
	require(m.ok && !m.over);
	require(r.level == (m.prio & 7));
	require((uint64_t)r.facility == m.prio >> 3);
	require(r.seq == m.seq && r.usec == m.usec);
	/* the message: in place after the ';', unescaped, no newline */
	require(r.msg == buf + m.msg_at && r.len == m.len);
	require(r.msg + r.len <= buf + size);
	require(!memcmp(r.msg, m.msg, m.len));
	/* the header and what follows the message are not touched */
	require(!memcmp(buf, data, m.msg_at));
	check_ifname(&r);
	check_dyndbg(&r);
out:
	free(m.msg);
	free(buf);
	return 0;
}
