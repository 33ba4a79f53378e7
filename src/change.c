/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CHANGE words.  Each word is checked completely before it touches the
 * change, so that a command line with any error changes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ascii.h"
#include "change.h"

static bool fail(struct change_err *err, enum change_error code,
		 const char *item, size_t len, const char *suggestion)
{
	if (err) {
		*err = (struct change_err){ .code = code,
					    .suggestion = suggestion };
		snprintf(err->item, sizeof(err->item), "%.*s", (int)len, item);
	}
	return false;
}

/* Turn @bits on or off; the later of two words for one bit wins. */
static void set_rel(struct change *c, char sign, uint32_t bits)
{
	if (sign == '+') {
		c->on |= bits;
		c->off &= ~bits;
	} else {
		c->off |= bits;
		c->on &= ~bits;
	}
	c->has_rel = true;
}

/* What one change_add_word() call reads with. */
struct word_ctx {
	const struct classnames *cn;
	unsigned int *unknown;
	struct change_err *err;
};

static bool add_item(struct change *c, const struct word_ctx *w,
		     const char *item, size_t len)
{
	char sign = len && (item[0] == '+' || item[0] == '-') ? item[0] : 0;
	const char *name = sign ? item + 1 : item;
	size_t nlen = sign ? len - 1 : len;
	uint32_t bits;
	int ret;

	/* Signs only ("+", "+-", "--"): no name, not a class named "-". */
	if (str_span(name, "+-") == nlen)
		return fail(w->err, CHANGE_EMPTY, item, len, NULL);
	/* Whatever follows, a signed number is the wrong idea ("++5" too). */
	if (ascii_isdigit((unsigned char)name[str_span(name, "+-")])) {
		if (sign)
			return fail(w->err, CHANGE_REL_NUMBER, item, len, NULL);
		ret = msgclass_parse_number(item, len, &bits);
		if (ret < 0)
			return fail(w->err, ret == -ERANGE ? CHANGE_RANGE :
				    CHANGE_BAD_NUMBER, item, len, NULL);
	} else if (msgclass_word_is(name, nlen, "none")) {
		if (sign)
			return fail(w->err, CHANGE_REL_NONE, item, len, NULL);
		bits = 0;	/* an absolute word without a bit */
	} else if (msgclass_word_is(name, nlen, "all")) {
		bits = msgclass_named_mask(w->cn);
	} else if ((ret = msgclass_lookup(w->cn, name, nlen)) >= 0) {
		bits = UINT32_C(1) << ret;
	} else if (w->unknown) {
		(*w->unknown)++;
		return true;
	} else {
		/* Name the class without its sign: "+likn" is about 'likn'. */
		return fail(w->err, CHANGE_UNKNOWN, name, nlen,
			    msgclass_suggest(w->cn, name, nlen));
	}
	if (sign) {
		set_rel(c, sign, bits);
	} else {
		c->abs |= bits;
		c->has_abs = true;
	}
	return true;
}

/* Add the comma-joined items of @list (@len bytes) to @c. */
static bool add_list(struct change *c, const struct word_ctx *w,
		     const char *list, size_t len)
{
	for (;;) {
		const char *comma = memchr(list, ',', len);
		size_t n = comma ? (size_t)(comma - list) : len;

		if (!add_item(c, w, list, n))
			return false;
		if (!comma)
			return true;
		list += n + 1;
		len -= n + 1;
	}
}

/*
 * One side of VALUE/MASK: absolute items only, as an absolute word reads
 * them; their OR in @bits.  A +/- item there is refused rather than read
 * as a word of its own: "+drv,0x5/0xf" could mean either.
 */
static bool side_bits(const struct word_ctx *w, const char *word,
		      size_t wlen, const char *side, size_t len, uint32_t *bits)
{
	const char *p;
	struct change tmp;

	for (p = side; p < side + len; p++)
		if ((p == side || p[-1] == ',') && (*p == '+' || *p == '-'))
			return fail(w->err, CHANGE_VM_SIGN, word, wlen, NULL);
	change_init(&tmp);
	if (!add_list(&tmp, w, side, len))
		return false;
	*bits = tmp.abs;
	return true;
}

/*
 * VALUE/MASK (@len bytes, a '/' at @slash), as ethtool's "msglvl
 * VALUE/MASK": the bits of MASK change.
 */
static bool add_value_mask(struct change *c, const struct word_ctx *w,
			   const char *word, size_t len, const char *slash)
{
	const char *mask_s = slash + 1;
	size_t mlen = len - (size_t)(mask_s - word);
	unsigned int skipped = w->unknown ? *w->unknown : 0;
	uint32_t value, mask;

	if (slash == word || !mlen || memchr(mask_s, '/', mlen))
		return fail(w->err, CHANGE_VM_FORM, word, len, NULL);
	if (!side_bits(w, word, len, word, (size_t)(slash - word), &value) ||
	    !side_bits(w, word, len, mask_s, mlen, &mask))
		return false;
	/* A name skipped for now may be a mask bit: its pass checks this. */
	if ((!w->unknown || *w->unknown == skipped) && (value & ~mask)) {
		fail(w->err, CHANGE_VM_OUTSIDE, word, len, NULL);
		if (w->err)
			w->err->bits = value & ~mask;
		return false;
	}
	set_rel(c, '+', value & mask);
	set_rel(c, '-', mask & ~value);
	return true;
}

bool change_add_word(struct change *c, const struct classnames *cn,
		     const char *word, unsigned int *unknown,
		     struct change_err *err)
{
	unsigned int skipped = 0;
	const struct word_ctx w = { cn, unknown ? &skipped : NULL, err };
	struct change tmp = *c;

	/* Each blank-free piece: a VALUE/MASK, or comma-joined items. */
	word += str_span(word, CHANGE_BLANKS);
	do {
		size_t n = str_cspan(word, CHANGE_BLANKS);
		const char *slash = memchr(word, '/', n);

		/* Nothing but blanks: n is 0, as empty as "". */
		if (slash ? !add_value_mask(&tmp, &w, word, n, slash) :
			    !add_list(&tmp, &w, word, n))
			return false;
		word += n + str_span(word + n, CHANGE_BLANKS);
	} while (*word);
	*c = tmp;
	if (unknown)
		*unknown += skipped;
	if (err)
		*err = (struct change_err){ .code = CHANGE_OK };
	return true;
}

bool change_is_word(const char *word, const struct classnames *cn)
{
	struct change c;

	change_init(&c);
	return change_add_word(&c, cn, word, NULL, NULL);
}

uint32_t change_apply(const struct change *c, uint32_t old)
{
	return ((c->has_abs ? c->abs : old) & ~c->off) | c->on;
}

uint32_t change_request(const struct change *c, uint32_t limit,
			uint32_t *value, uint32_t *mask, bool *replace)
{
	*replace = !change_is_relative(c);
	*value = *replace ? change_apply(c, 0) : c->on;
	*mask = *replace ? UINT32_MAX : c->on | c->off;
	/* also bits a +/- or VALUE/MASK word names beside an absolute one */
	return (*value | c->on | c->off) & ~limit;
}

const char *change_strerror(enum change_error code)
{
	switch (code) {
	case CHANGE_OK:
		return "success";
	case CHANGE_EMPTY:
		return "empty message class";
	case CHANGE_UNKNOWN:
		return "unknown message class";
	case CHANGE_BAD_NUMBER:
		return "invalid number";
	case CHANGE_RANGE:
		return "number does not fit in 32 bits";
	case CHANGE_REL_NUMBER:
		return "only class names can be turned on or off (use bitN)";
	case CHANGE_REL_NONE:
		return "'none' cannot be turned on or off";
	case CHANGE_VM_FORM:
		return "VALUE/MASK needs a value and a mask around one '/'";
	case CHANGE_VM_SIGN:
		return "VALUE/MASK cannot hold +NAME or -NAME items";
	case CHANGE_VM_OUTSIDE:
		return "value bits are outside the mask";
	}
	return "unknown error";
}
