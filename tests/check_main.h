/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main() every Check test program shares: run one suite (verbosity
 * from CK_VERBOSITY, fork mode from CK_FORK) and fail if any test failed.
 */
#ifndef NETIFMSG_CHECK_MAIN_H
#define NETIFMSG_CHECK_MAIN_H

#include <stdlib.h>
#include <check.h>

#define CHECK_MAIN(suite_fn)					\
int main(void)							\
{								\
	SRunner *sr = srunner_create(suite_fn());		\
	int failed;						\
								\
	srunner_run_all(sr, CK_ENV);				\
	failed = srunner_ntests_failed(sr);			\
	srunner_free(sr);					\
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;		\
}

#endif
