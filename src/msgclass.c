/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bit numbers are the kernel ABI (NETIF_MSG_*_BIT); the old
 * levels come from the netif-msg recommendation.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ascii.h"
#include "escape.h"
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

/*
 * A test-only build of this file (tests/Makefile.am) defines
 * MSGCLASS_TEST_HIDE to a built-in bit it then pretends not to know, so
 * that the tests can run the kernel-name path with a real kernel.
 */
#ifdef MSGCLASS_TEST_HIDE
#define BUILTIN_MASK	(((UINT32_C(1) << MSGCLASS_NBUILTIN) - 1) & \
			 ~(UINT32_C(1) << MSGCLASS_TEST_HIDE))
#else
#define BUILTIN_MASK	((UINT32_C(1) << MSGCLASS_NBUILTIN) - 1)
#endif

static const char *builtin_name(unsigned int bit)
{
	return bit < 32 && (BUILTIN_MASK >> bit & 1) ?
	       msgclass_table[bit].name : NULL;
}

static const char *known_name(const struct classnames *cn, unsigned int bit)
{
	if (bit >= 32 || builtin_name(bit))
		return builtin_name(bit);
	return cn && (cn->have & (UINT32_C(1) << bit)) ? cn->name[bit] : NULL;
}

bool msgclass_word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && ascii_caseeq(s, word, len);
}

static size_t prefix_len(const char *s, size_t len, const char *prefix)
{
	size_t plen = strlen(prefix);

	return len >= plen && ascii_caseeq(s, prefix, plen) ? plen : 0;
}

/* Drop a "NETIF_MSG_" or "msg_" prefix ("msg_link" is "link"); its length. */
static size_t strip_prefix(const char **s, size_t *len)
{
	size_t n = prefix_len(*s, *len, "netif_msg_");

	if (!n)
		n = prefix_len(*s, *len, "msg_");
	*s += n;
	*len -= n;
	return n;
}

/*
 * "bitN", N = 0..31.  Leading zeros are refused so that every bit has
 * exactly one spelling, the one msgclass_name() prints.
 */
static int parse_bitn(const char *s, size_t len)
{
	unsigned int n = 0;
	size_t i;

	if (!prefix_len(s, len, "bit") || len < 4 || len > 5)
		return -1;
	s += 3;
	len -= 3;
	if (len > 1 && s[0] == '0')
		return -1;
	for (i = 0; i < len; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return -1;
		n = n * 10 + (unsigned int)(s[i] - '0');
	}
	return n < 32 ? (int)n : -1;
}

int msgclass_lookup(const struct classnames *cn, const char *name,
		    size_t len)
{
	unsigned int bit;

	strip_prefix(&name, &len);
	if (!len)
		return -1;
	for (bit = 0; bit < 32; bit++) {
		const char *known = known_name(cn, bit);

		if (known && msgclass_word_is(name, len, known))
			return (int)bit;
	}
	return parse_bitn(name, len);
}

/*
 * Only names that read back as one CHANGE item are kept: a letter or '_'
 * first (a digit would be a number, '+'/'-' a relative word), then
 * letters, digits, '_', '-' or '.', and no prefix left ("msg_x", as it
 * prints, would read as "x").  Nor may a name shadow another bit's name,
 * "bitN", or a word of its own: "all", "none", "on", "off", "msglvl".
 */
static bool kernel_name_ok(const struct classnames *cn, unsigned int bit,
			   const char *name, size_t len)
{
	static const char *const words[] = { "all", "none", "on", "off",
					     "msglvl" };
	size_t i;
	int other;

	if (!ascii_isalpha((unsigned char)name[0]) && name[0] != '_')
		return false;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];

		if (!ascii_isalnum(ch) && ch != '_' && ch != '-' && ch != '.')
			return false;
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (msgclass_word_is(name, len, words[i]))
			return false;
	if (strip_prefix(&name, &len))
		return false;
	other = msgclass_lookup(cn, name, len);
	return other < 0 || (unsigned int)other == bit;
}

bool msgclass_add_kernel_name(struct classnames *cn, unsigned int bit,
			      const char *name)
{
	uint32_t b = UINT32_C(1) << (bit & 31);
	size_t len;

	if (bit >= 32 || !name)
		return false;
	len = strlen(name);
	/* Stored without prefix, as lookup compares after stripping one. */
	strip_prefix(&name, &len);
	if (!len || len >= MSGCLASS_NAME_MAX)
		return false;
	if (builtin_name(bit))
		return true;
	/* Drop an old name for this bit first so it cannot shadow the new one. */
	cn->have &= ~b;
	if (!kernel_name_ok(cn, bit, name, len))
		return false;
	memcpy(cn->name[bit], name, len);
	cn->name[bit][len] = '\0';
	cn->have |= b;
	return true;
}

const char *msgclass_name(const struct classnames *cn, unsigned int bit,
			  char buf[MSGCLASS_NAME_MAX])
{
	const char *known = known_name(cn, bit);

	if (known || bit >= 32)
		return known;
	snprintf(buf, MSGCLASS_NAME_MAX, "bit%u", bit);
	return buf;
}

/* known_name()'s bits: the built-in ones, the kernel's. */
uint32_t msgclass_named_mask(const struct classnames *cn)
{
	return BUILTIN_MASK | (cn ? cn->have : 0);
}

/* Longest input msgclass_suggest() considers; longer cannot be within 2. */
#define SUGGEST_MAX	(MSGCLASS_NAME_MAX + 2)

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
			int ca = ascii_tolower((unsigned char)a[i - 1]);
			int cb = ascii_tolower((unsigned char)b[j - 1]);

			d[i][j] = d[i - 1][j - 1] + (ca != cb);
			if (d[i - 1][j] + 1 < d[i][j])
				d[i][j] = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < d[i][j])
				d[i][j] = d[i][j - 1] + 1;
			if (i > 1 && j > 1 &&
			    ca == ascii_tolower((unsigned char)b[j - 2]) &&
			    cb == ascii_tolower((unsigned char)a[i - 2]) &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[alen][blen];
}

const char *msgclass_suggest(const struct classnames *cn, const char *name,
			     size_t len)
{
	const char *best = NULL;
	unsigned int best_dist = ~0u;
	unsigned int bit;

	strip_prefix(&name, &len);
	if (!len || len > SUGGEST_MAX)
		return NULL;
	for (bit = 0; bit < 32; bit++) {
		const char *known = known_name(cn, bit);
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

/*
 * Not strtoul(): it takes signs, leading blanks and octal, and would have
 * to be given a NUL-terminated copy.  A decimal number with a leading zero
 * is refused because ethtool reads "010" as 10 over netlink and strtoul()
 * as octal 8: better an error than a mask that depends on the reader.
 */
int msgclass_parse_number(const char *s, size_t len, uint32_t *out)
{
	unsigned int base = 10;
	uint64_t v = 0;
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
		int d = hex_digit(s[i]);

		if (d < 0 || (unsigned int)d >= base)
			return -EINVAL;
		/* Keep scanning after an overflow: junk later is -EINVAL. */
		v = v * base + (unsigned int)d;
		if (v > UINT32_MAX)
			v = (uint64_t)UINT32_MAX + 1;
	}
	if (v > UINT32_MAX)
		return -ERANGE;
	*out = (uint32_t)v;
	return 0;
}
