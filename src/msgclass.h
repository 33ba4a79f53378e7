/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Message classes: the kernel's NETIF_MSG_* bits, their names, and the
 * conversion between names, numbers and masks.  Nothing here talks to
 * the kernel or prints.
 */
#ifndef NETIFMSG_MSGCLASS_H
#define NETIFMSG_MSGCLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Classes in the built-in table (NETIF_MSG_*_BIT). */
#define MSGCLASS_NBUILTIN	15
/* Bits the kernel's ethtool netlink bitset has: higher ones cannot be set. */
#define MSGCLASS_KERNEL_BITS	15
#define MSGCLASS_KERNEL_MASK	((uint32_t)((1u << MSGCLASS_KERNEL_BITS) - 1))
/* Longest class name we keep, including the terminating NUL. */
#define MSGCLASS_NAME_MAX	32

struct msgclass {
	const char *name;	/* lower case, without prefix */
	unsigned int bit;
	int old_level;		/* old 'debug' level, -1 for none */
};

extern const struct msgclass msgclass_table[MSGCLASS_NBUILTIN];

/*
 * The class names one run knows: the built-in table plus the names the
 * running kernel reports (string set ETH_SS_MSG_CLASSES) for bits the
 * table does not name.  A value owned by the caller; the readers below
 * take one, or NULL for the built-in table alone.
 */
struct classnames {
	uint32_t have;				/* bits with a kernel name */
	char name[32][MSGCLASS_NAME_MAX];
};

static inline void classnames_init(struct classnames *cn)
{
	cn->have = 0;
}

/*
 * Add the kernel's name for @bit (copied).  Returns false if @bit is out
 * of range or @name is empty or too long; then true for a built-in bit,
 * which keeps our name; else false if @name is not readable back as one
 * CHANGE item or would shadow another bit's name.
 */
bool msgclass_add_kernel_name(struct classnames *cn, unsigned int bit,
			      const char *name);

/*
 * Look up a class name of @len bytes (not NUL terminated): case does
 * not matter, "NETIF_MSG_" or "msg_" prefixes are accepted, and "bitN"
 * (N = 0..31, decimal, no leading zeros beyond "bit0") names any bit.
 * Returns the bit, or -1 if the name is unknown.
 */
int msgclass_lookup(const struct classnames *cn, const char *name,
		    size_t len);

/*
 * The name of @bit: the built-in or kernel-reported name, else "bitN"
 * written into @buf.  Never NULL for bit < 32.
 */
const char *msgclass_name(const struct classnames *cn, unsigned int bit,
			  char buf[MSGCLASS_NAME_MAX]);

/* Mask of every class that has a name (built-in or kernel-reported). */
uint32_t msgclass_named_mask(const struct classnames *cn);

/*
 * Nearest known class name to @name (@len bytes, prefixes stripped as
 * for lookup), for "did you mean" hints, or NULL if nothing is close.
 */
const char *msgclass_suggest(const struct classnames *cn, const char *name,
			     size_t len);

/* Case-insensitive: are the @len bytes at @s the string @word? */
bool msgclass_word_is(const char *s, size_t len, const char *word);

/*
 * Parse an unsigned number of @len bytes: decimal, or hex with 0x/0X.
 * Returns 0 on success, -EINVAL if it is not a number (empty, "0x",
 * junk, sign), -ERANGE if it does not fit in 32 bits.
 */
int msgclass_parse_number(const char *s, size_t len, uint32_t *out);

#endif
