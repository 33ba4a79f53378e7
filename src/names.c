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

static bool loaded;

void kernel_names_load(struct nlsock *s)
{
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
	struct nlsock tmp;

	if (loaded || !(mask & ~msgclass_named_mask()))
		return;
	if (s) {
		kernel_names_load(s);
		return;
	}
	/*
	 * The caller's socket is busy (a monitor's, a pipeline's): ask on
	 * a short-lived one of our own.
	 */
	if (nlsock_open(&tmp) < 0) {
		loaded = true;
		return;
	}
	kernel_names_load(&tmp);
	nlsock_close(&tmp);
}
