/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cumulative and exact maps read the "old level" column of the class
 * table; the kernel map is netif_msg_init().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "level.h"
#include "msgclass.h"

/* Highest old level the recommendation defines. */
#define LEVEL_MAX	7

static const char *const map_names[] = {
	[LEVEL_MAP_CUMULATIVE]	= "cumulative",
	[LEVEL_MAP_EXACT]	= "exact",
	[LEVEL_MAP_KERNEL]	= "kernel",
};

#define NMAPS	(sizeof(map_names) / sizeof(map_names[0]))

bool level_map_parse(const char *s, enum level_map *map)
{
	size_t i;

	if (!s)
		return false;
	for (i = 0; i < NMAPS; i++) {
		if (strcmp(s, map_names[i]) == 0) {
			*map = (enum level_map)i;
			return true;
		}
	}
	return false;
}

const char *level_map_name(enum level_map map)
{
	return (unsigned int)map < NMAPS ? map_names[map] : NULL;
}

int level_to_mask(enum level_map map, long level, uint32_t *mask)
{
	unsigned int i;

	switch (map) {
	case LEVEL_MAP_CUMULATIVE:
	case LEVEL_MAP_EXACT:
		if (level > LEVEL_MAX)
			return -ERANGE;
		/* The recommendation's "debug < 0", no messages: none matches. */
		*mask = 0;
		for (i = 0; i < MSGCLASS_NBUILTIN; i++) {
			const struct msgclass *mc = &msgclass_table[i];

			if (mc->old_level >= 0 && (mc->old_level == level ||
			    (map == LEVEL_MAP_CUMULATIVE && mc->old_level < level)))
				*mask |= UINT32_C(1) << mc->bit;
		}
		return 0;
	case LEVEL_MAP_KERNEL:
		/* netif_msg_init() keeps the driver's default for these. */
		if (level < 0 || level >= 32)
			return -EDOM;
		/* In 64 bits, so that level 31 does not shift into the sign. */
		*mask = (uint32_t)((UINT64_C(1) << level) - 1);
		return 0;
	}
	return -EINVAL;
}

/*
 * strtol() alone would take leading blanks, "0x" and trailing junk;
 * check the shape first and let it do only the conversion and clamping.
 * No leading 0: the kernel reads a module's debug=010 as octal 8.
 */
int level_parse(const char *s, long *level)
{
	const char *p;

	if (!s)
		return -EINVAL;
	p = s + (*s == '+' || *s == '-');
	if (!*p || (p[0] == '0' && p[1]) || p[str_span(p, "0123456789")])
		return -EINVAL;
	*level = strtol(s, NULL, 10);
	return 0;
}
