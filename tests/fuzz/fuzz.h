/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the libFuzzer harnesses share. */
#ifndef NETIFMSG_FUZZ_H
#define NETIFMSG_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

/* A broken invariant: abort so that libFuzzer keeps the input. */
#define require(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "invariant broken: %s (%s:%d)\n", \
				#cond, __FILE__, __LINE__);		\
			abort();					\
		}							\
	} while (0)

#endif
