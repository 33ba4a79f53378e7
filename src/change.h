/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CHANGE words ("+link", "-rx_err", "0x1f", "all", "link,timer", "0x5/0xf")
 * and how they combine into a new mask.
 */
#ifndef NETIFMSG_CHANGE_H
#define NETIFMSG_CHANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "msgclass.h"

struct change {
	uint32_t abs;		/* OR of every absolute word */
	uint32_t on;		/* bits turned on by +NAME or VALUE/MASK */
	uint32_t off;		/* bits turned off by -NAME or VALUE/MASK */
	bool has_abs;		/* at least one absolute word was given */
	bool has_rel;		/* at least one +/- or VALUE/MASK word */
};

enum change_error {
	CHANGE_OK = 0,
	CHANGE_EMPTY,		/* empty word or item, or an item of signs only */
	CHANGE_UNKNOWN,		/* unknown class name */
	CHANGE_BAD_NUMBER,	/* looks like a number but is not one */
	CHANGE_RANGE,		/* number over 32 bits */
	CHANGE_REL_NUMBER,	/* +NUMBER / -NUMBER: only names are relative */
	CHANGE_REL_NONE,	/* +none / -none */
	CHANGE_VM_FORM,		/* VALUE/MASK with a side missing, or a 2nd '/' */
	CHANGE_VM_SIGN,		/* a +/- item in VALUE/MASK */
	CHANGE_VM_OUTSIDE,	/* VALUE has bits MASK lacks (in bits) */
};

struct change_err {
	enum change_error code;
	/*
	 * the offending item (one comma-separated piece; for CHANGE_VM_*
	 * the whole word), NUL terminated; longer than a message quotes
	 * (cmdline.c), which marks the cut
	 */
	char item[80];
	/* for CHANGE_UNKNOWN: a close known name, or NULL */
	const char *suggestion;
	/* for CHANGE_VM_OUTSIDE: the value bits outside the mask */
	uint32_t bits;
};

static inline void change_init(struct change *c)
{
	*c = (struct change){ 0 };
}

/*
 * Add one command-line word (which may hold several comma-joined items)
 * to @c, reading class names with @cn (NULL: the built-in table).  On
 * error @c is unchanged and @err says what was wrong.  With @unknown, a
 * name @cn does not know is counted there and skipped instead, so the
 * rest can be checked before the kernel is asked for its names.
 *
 * A word with a '/' is one VALUE/MASK: the '/' splits the whole word, each
 * side is a comma-joined list of absolute items (no +/-), and only the
 * bits of MASK change, to those of VALUE.  It is a relative word like
 * +NAME and -NAME: among those, the later word wins for the same bit.
 */
bool change_add_word(struct change *c, const struct classnames *cn,
		     const char *word, unsigned int *unknown,
		     struct change_err *err);

/* Whether @word is a good CHANGE word alone (for hints). */
bool change_is_word(const char *word, const struct classnames *cn);

/* The mask that results from applying @c to @old. */
uint32_t change_apply(const struct change *c, uint32_t old);

/*
 * True if the change has only +/- and VALUE/MASK words (it must be applied
 * atomically).
 */
static inline bool change_is_relative(const struct change *c)
{
	return !c->has_abs;
}

/* Blanks separate words, as commas separate items ("$(netifmsg -N x)"). */
#define CHANGE_BLANKS	" \t\n\r\v\f"

/*
 * The DEBUG_SET that makes the change: @replace (absolute: the whole
 * mask becomes @value) or only the bits in @mask set to those of @value.
 * Returns the bits outside @limit that it would write or that a +/- or
 * VALUE/MASK word names (0 if none): an absolute change over netlink
 * leaves them as they are, not as the word says.
 */
uint32_t change_request(const struct change *c, uint32_t limit,
			uint32_t *value, uint32_t *mask, bool *replace);

/* A one-line English description of @code, e.g. for "netifmsg: %s". */
const char *change_strerror(enum change_error code);

#endif
