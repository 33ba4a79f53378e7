// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Class names the running kernel knows (string set ETH_SS_MSG_CLASSES),
 * asked for at most once per process and only when the built-in table
 * is not enough, so the common paths send no extra request.  A failed
 * lookup is not an error: an unknown name is then reported as unknown,
 * and a bit without a name prints as bitN.
 */
#include "netifmsg.h"
#include "strset.h"

void kernel_names_load(struct nlsock *s)
{
	static bool loaded;
	struct strset_names names;
	unsigned int bit;

	if (loaded || !s)
		return;
	loaded = true;
	if (strset_get_classes(s, &names) < 0)
		return;
	for (bit = 0; bit < 32; bit++)
		if (names.have & (UINT32_C(1) << bit))
			msgclass_add_kernel_name(bit, names.name[bit]);
}

void kernel_names_for(struct nlsock *s, uint32_t mask)
{
	if (mask & ~msgclass_named_mask())
		kernel_names_load(s);
}
