/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Old numeric 'debug' levels and the three ways to read them as masks. */
#ifndef NETIFMSG_LEVEL_H
#define NETIFMSG_LEVEL_H

#include <stdbool.h>
#include <stdint.h>

enum level_map {
	LEVEL_MAP_CUMULATIVE,	/* every class with old level <= N */
	LEVEL_MAP_EXACT,	/* classes with old level == N */
	LEVEL_MAP_KERNEL,	/* netif_msg_init(N, default) */
};

/* Parse "cumulative", "exact" or "kernel" (exact, lower case). */
bool level_map_parse(const char *s, enum level_map *map);
const char *level_map_name(enum level_map map);

/*
 * The mask for old level @level under @map.
 * Returns 0, -ERANGE if @level is above what the map knows
 * (cumulative/exact: > 7), or -EDOM for kernel with @level < 0 or >= 32
 * (the driver's default, which cannot be known).
 */
int level_to_mask(enum level_map map, long level, uint32_t *mask);

/*
 * Parse a level argument (decimal, optional sign).  Returns 0, or
 * -EINVAL if it is not a number.  Values are clamped to long.
 */
int level_parse(const char *s, long *level);

#endif
