// SPDX-License-Identifier: GPL-2.0-or-later
/* What every backend shares: closing, and the class names it knows. */
#include <errno.h>
#include <stddef.h>

#include "backend.h"

void backend_close(struct backend *b)
{
	if (b->ops)
		b->ops->close(b);
	b->ops = NULL;
}

const struct classnames *backend_names(struct backend *b, uint32_t mask)
{
	if (!b)
		return NULL;
	if (!b->cn_loaded && (mask & ~msgclass_named_mask(&b->cn))) {
		/* A failed lookup leaves the built-in names: bitN prints. */
		b->cn_loaded = true;
		classnames_init(&b->cn);
		if (!b->ops->names || b->ops->names(b, &b->cn) < 0)
			classnames_init(&b->cn);
	}
	return &b->cn;
}

int backend_open_ifname(struct backend *b)
{
	char name[IF_NAMESIZE];
	int ret = b->ops->ifname(b, 0, name);

	return ret == -ENODEV ? 0 : ret;	/* index 0 is no one's */
}
