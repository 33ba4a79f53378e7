/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading the kernel's raw replies recorded by tests/nlcapture into
 * tests/capture/NAME.bin, for the Check programs.
 */
#ifndef NETIFMSG_CAPTURE_H
#define NETIFMSG_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <check.h>

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

#endif
