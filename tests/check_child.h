/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A case run in a child of the Check test (a fork of its own). */
#ifndef NETIFMSG_CHECK_CHILD_H
#define NETIFMSG_CHECK_CHILD_H

#include <sys/types.h>
#include <sys/wait.h>
#include <check.h>

/* Child @pid ended by exiting with status 0. */
static inline void child_exited_0(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}

#endif
