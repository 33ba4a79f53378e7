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

/* Classes in the built-in table (enum netif_msg_bits). */
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
 * Names reported by the running kernel (string set ETH_SS_MSG_CLASSES)
 * for bits the built-in table does not name.  @name is copied.  Returns
 * false if @bit is out of range or @name is empty or too long.
 */
bool msgclass_add_kernel_name(unsigned int bit, const char *name);
/*
 * For the test suite only: treat the built-in class @name as if the
 * table did not have it, so that the kernel-name path runs for it.
 * Returns false if @name is not a built-in class.  NULL: hide none.
 */
bool msgclass_hide_builtin(const char *name);
/* Forget every kernel-reported name (for tests). */
void msgclass_clear_kernel_names(void);

/*
 * Look up a class name of @len bytes (not NUL terminated): case does
 * not matter, "NETIF_MSG_" or "msg_" prefixes are accepted, and "bitN"
 * (N = 0..31, decimal, no leading zeros beyond "bit0") names any bit.
 * Returns the bit, or -1 if the name is unknown.
 */
int msgclass_lookup(const char *name, size_t len);

/*
 * The name of @bit: the built-in or kernel-reported name, else "bitN"
 * written into @buf.  Never NULL for bit < 32.
 */
const char *msgclass_name(unsigned int bit, char buf[MSGCLASS_NAME_MAX]);

/* Mask of every class that has a name (built-in or kernel-reported). */
uint32_t msgclass_named_mask(void);

/*
 * Nearest known class name to @name (@len bytes, prefixes stripped as
 * for lookup), for "did you mean" hints, or NULL if nothing is close.
 */
const char *msgclass_suggest(const char *name, size_t len);

/*
 * Parse an unsigned number of @len bytes: decimal, or hex with 0x/0X.
 * Returns 0 on success, -EINVAL if it is not a number (empty, "0x",
 * junk, sign), -ERANGE if it does not fit in 32 bits.
 */
int msgclass_parse_number(const char *s, size_t len, uint32_t *out);

/*
 * Write the names of the bits in @mask, separated by @sep, into @buf
 * ("none" for 0), lowest bit first.  Returns the length snprintf would
 * have written (the result is truncated if it does not fit).
 */
size_t msgclass_mask_names(uint32_t mask, const char *sep, char *buf,
			   size_t size);

#endif
