/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading the kernel's raw replies recorded by tests/nlcapture into
 * tests/capture/NAME.bin, for the Check programs.
 */
#ifndef NETIFMSG_CAPTURE_H
#define NETIFMSG_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "genlmsg.h"

/* Read capture @name into @buf (@size bytes); returns its length. */
static inline size_t capture_load(const char *name, void *buf, size_t size)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/capture/%s.bin",
		 top ? top : ".", name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	n = fread(buf, 1, size, f);
	fclose(f);
	ck_assert_uint_gt(n, 0);
	return n;
}

/*
 * Start a hand-made ethtool reply in @buf (@size bytes, zeroed first):
 * type @family, genl command @cmd, version 1.
 */
static inline struct nlmsghdr *capture_reply_start(void *buf, size_t size,
						   uint16_t family, uint8_t cmd)
{
	memset(buf, 0, size);
	return genlmsg_put(buf, family, 0, 0, cmd, 1);
}

#endif
