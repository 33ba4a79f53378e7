/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Message classes: the kernel's enum netif_msg_bits.  The bit numbers are
 * the kernel ABI; the old levels come from the netif-msg recommendation.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "msgclass.h"

const struct msgclass msgclass_table[MSGCLASS_NBUILTIN] = {
	{ "drv",	 0,  0 },
	{ "probe",	 1,  1 },
	{ "link",	 2,  2 },
	{ "timer",	 3,  2 },
	{ "ifdown",	 4,  3 },
	{ "ifup",	 5,  3 },
	{ "rx_err",	 6,  4 },
	{ "tx_err",	 7,  4 },
	{ "tx_queued",	 8,  5 },
	{ "intr",	 9,  5 },
	{ "tx_done",	10,  6 },
	{ "rx_status",	11,  6 },
	{ "pktdata",	12,  7 },
	{ "hw",		13, -1 },
	{ "wol",	14, -1 },
};

/* Names a newer kernel reports for bits the table above does not know. */
static char kernel_names[32][MSGCLASS_NAME_MAX];

/* Built-in classes the test suite pretends not to know. */
static uint32_t hidden_builtin;

static const char *builtin_name(unsigned int bit)
{
	if (bit >= MSGCLASS_NBUILTIN || (hidden_builtin & (UINT32_C(1) << bit)))
		return NULL;
	return msgclass_table[bit].name;
}

static const char *known_name(unsigned int bit)
{
	if (bit >= 32)
		return NULL;
	if (builtin_name(bit))
		return builtin_name(bit);
	return kernel_names[bit][0] ? kernel_names[bit] : NULL;
}

/* Case-insensitive compare of @len bytes of @s with the string @name. */
static bool name_eq(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && strncasecmp(s, name, len) == 0;
}

static bool has_prefix(const char *s, size_t len, const char *prefix)
{
	size_t plen = strlen(prefix);

	return len >= plen && strncasecmp(s, prefix, plen) == 0;
}

/* "NETIF_MSG_link" and "msg_link" are "link": drop the prefix. */
static void strip_prefix(const char **s, size_t *len)
{
	static const char *const prefixes[] = { "netif_msg_", "msg_" };
	size_t i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		if (has_prefix(*s, *len, prefixes[i])) {
			*s += strlen(prefixes[i]);
			*len -= strlen(prefixes[i]);
			return;
		}
	}
}

/*
 * "bitN", N = 0..31.  Leading zeros are refused so that every bit has
 * exactly one spelling, the one msgclass_name() prints.
 */
static int parse_bitn(const char *s, size_t len)
{
	unsigned int n = 0;
	size_t i;

	if (!has_prefix(s, len, "bit") || len < 4 || len > 5)
		return -1;
	s += 3;
	len -= 3;
	if (len > 1 && s[0] == '0')
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		n = n * 10 + (unsigned int)(s[i] - '0');
	}
	return n < 32 ? (int)n : -1;
}

int msgclass_lookup(const char *name, size_t len)
{
	unsigned int bit;

	strip_prefix(&name, &len);
	if (!len)
		return -1;
	for (bit = 0; bit < 32; bit++) {
		const char *known = known_name(bit);

		if (known && name_eq(name, len, known))
			return (int)bit;
	}
	return parse_bitn(name, len);
}

/*
 * Only names that read back as one CHANGE item are kept: a letter or '_'
 * first (a digit would be a number, '+'/'-' a relative word), then
 * letters, digits, '_', '-' or '.'.  Nor may a name shadow another bit's
 * name, "bitN", "all" or "none".
 */
static bool kernel_name_ok(unsigned int bit, const char *name, size_t len)
{
	size_t i;
	int other;

	if (!isalpha((unsigned char)name[0]) && name[0] != '_')
		return false;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];

		if (!isalnum(ch) && ch != '_' && ch != '-' && ch != '.')
			return false;
	}
	if (name_eq(name, len, "all") || name_eq(name, len, "none"))
		return false;
	other = msgclass_lookup(name, len);
	return other < 0 || (unsigned int)other == bit;
}

bool msgclass_add_kernel_name(unsigned int bit, const char *name)
{
	size_t len;

	if (bit >= 32 || !name)
		return false;
	len = strlen(name);
	/* Stored without prefix, as lookup compares after stripping one. */
	strip_prefix(&name, &len);
	if (!len || len >= MSGCLASS_NAME_MAX)
		return false;
	/* The kernel's names for the built-in bits are ours: nothing to add. */
	if (builtin_name(bit))
		return true;
	/* Drop an old name for this bit first so it cannot shadow the new one. */
	kernel_names[bit][0] = '\0';
	if (!kernel_name_ok(bit, name, len))
		return false;
	memcpy(kernel_names[bit], name, len + 1);
	return true;
}

bool msgclass_hide_builtin(const char *name)
{
	unsigned int bit;

	if (!name) {
		hidden_builtin = 0;
		return true;
	}
	for (bit = 0; bit < MSGCLASS_NBUILTIN; bit++) {
		if (!strcasecmp(name, msgclass_table[bit].name)) {
			hidden_builtin |= UINT32_C(1) << bit;
			kernel_names[bit][0] = '\0';
			return true;
		}
	}
	return false;
}

void msgclass_clear_kernel_names(void)
{
	memset(kernel_names, 0, sizeof(kernel_names));
}

const char *msgclass_name(unsigned int bit, char buf[MSGCLASS_NAME_MAX])
{
	const char *known;

	if (bit >= 32)
		return NULL;
	known = known_name(bit);
	if (known)
		return known;
	snprintf(buf, MSGCLASS_NAME_MAX, "bit%u", bit);
	return buf;
}

uint32_t msgclass_named_mask(void)
{
	uint32_t mask = 0;
	unsigned int bit;

	for (bit = 0; bit < 32; bit++)
		if (known_name(bit))
			mask |= UINT32_C(1) << bit;
	return mask;
}

/* Longest input msgclass_suggest() considers; longer cannot be within 2. */
#define SUGGEST_MAX	(MSGCLASS_NAME_MAX + 2)

static unsigned int min3(unsigned int a, unsigned int b, unsigned int c)
{
	unsigned int m = a < b ? a : b;

	return m < c ? m : c;
}

/*
 * Optimal string alignment distance (Levenshtein plus transposition of
 * two neighbours, the commonest typing slip), ignoring case.
 */
static unsigned int edit_distance(const char *a, size_t alen, const char *b,
				  size_t blen)
{
	unsigned int d[SUGGEST_MAX + 1][SUGGEST_MAX + 1];
	size_t i, j;

	for (i = 0; i <= alen; i++)
		d[i][0] = (unsigned int)i;
	for (j = 0; j <= blen; j++)
		d[0][j] = (unsigned int)j;
	for (i = 1; i <= alen; i++) {
		for (j = 1; j <= blen; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			unsigned int cost = ca != cb;

			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
				       d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 &&
			    ca == tolower((unsigned char)b[j - 2]) &&
			    cb == tolower((unsigned char)a[i - 2]) &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[alen][blen];
}

const char *msgclass_suggest(const char *name, size_t len)
{
	const char *best = NULL;
	unsigned int best_dist = ~0u;
	unsigned int bit;

	strip_prefix(&name, &len);
	if (!len || len > SUGGEST_MAX)
		return NULL;
	for (bit = 0; bit < 32; bit++) {
		const char *known = known_name(bit);
		size_t klen;
		unsigned int dist, limit;

		if (!known)
			continue;
		klen = strlen(known);
		/* Two edits turn any two-letter word into "hw": be stricter. */
		limit = klen <= 3 ? 1 : 2;
		if (klen > len + limit || len > klen + limit)
			continue;
		dist = edit_distance(name, len, known, klen);
		if (dist <= limit && dist < best_dist) {
			best = known;
			best_dist = dist;
		}
	}
	return best;
}

static int digit_value(char ch, unsigned int base)
{
	int v;

	if (ch >= '0' && ch <= '9')
		v = ch - '0';
	else if (ch >= 'a' && ch <= 'f')
		v = ch - 'a' + 10;
	else if (ch >= 'A' && ch <= 'F')
		v = ch - 'A' + 10;
	else
		return -1;
	return (unsigned int)v < base ? v : -1;
}

/*
 * Not strtoul(): it takes signs, leading blanks and octal, and would have
 * to be given a NUL-terminated copy.  A decimal number with a leading zero
 * is refused because ethtool and ip read "010" as octal 8: better an error
 * than a silently different mask.
 */
int msgclass_parse_number(const char *s, size_t len, uint32_t *out)
{
	unsigned int base = 10;
	uint64_t v = 0;
	bool range = false;
	size_t i;

	if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	} else if (len > 1 && s[0] == '0') {
		return -EINVAL;
	}
	if (!len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		int d = digit_value(s[i], base);

		if (d < 0)
			return -EINVAL;
		/* Keep scanning after an overflow: junk later is -EINVAL. */
		v = v * base + (unsigned int)d;
		if (v > UINT32_MAX) {
			range = true;
			v = UINT32_MAX;
		}
	}
	if (range)
		return -ERANGE;
	*out = (uint32_t)v;
	return 0;
}

size_t msgclass_mask_names(uint32_t mask, const char *sep, char *buf,
			   size_t size)
{
	char tmp[MSGCLASS_NAME_MAX];
	size_t total = 0;
	unsigned int bit;
	int n;

	if (!sep)
		sep = " ";
	if (size)
		buf[0] = '\0';
	if (!mask) {
		n = snprintf(buf, size, "none");
		return (size_t)n;
	}
	for (bit = 0; bit < 32; bit++) {
		if (!(mask & (UINT32_C(1) << bit)))
			continue;
		n = snprintf(total < size ? buf + total : NULL,
			     total < size ? size - total : 0, "%s%s",
			     total ? sep : "", msgclass_name(bit, tmp));
		total += (size_t)n;
	}
	return total;
}
