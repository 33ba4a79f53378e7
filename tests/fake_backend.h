/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A backend with no kernel behind it, for the Check tests of the
 * commands: interfaces in memory, every request counted, failures and
 * the transport's limits chosen by the test.
 */
#ifndef NETIFMSG_FAKE_BACKEND_H
#define NETIFMSG_FAKE_BACKEND_H

#include "backend.h"
#include "genl.h"

#define FAKE_IFACES_MAX	8
#define FAKE_EVENTS_MAX	8

struct fake_iface {
	const char *name;
	uint32_t ifindex;
	uint32_t mask;
	bool no_level;		/* the driver has no message level */
	int set_error;		/* a set of it fails with this -errno ... */
	unsigned int set_ok;	/* ... after this many sets that work */
	const char *driver;	/* NULL: "tun" */
	int driver_error;	/* its driver cannot be read: this -errno */
	int get_error;		/* its next @get_fails gets fail so ... */
	unsigned int get_fails;
	unsigned int get_ok;	/* ... after this many gets that work */
	bool index_gone;	/* no interface has its index now (ifname) */
	int ifname_error;	/* asking its name by index fails so */
	const char *altname;	/* gets and sets take it too; dumps do not */
};

struct fake {
	struct fake_iface ifs[FAKE_IFACES_MAX];
	int nifs;
	const char *kernel_name[32];	/* what the kernel would name */
	/* what was asked */
	unsigned int gets, dumps, sets, names, runs, drivers;
	unsigned int max_window;
	/* A run breaks off with -EIO after this many answers (0: never). */
	unsigned int run_answers;
	/* Run number @break_run (from 1) breaks off before any answer. */
	unsigned int break_run;
	/*
	 * A run that breaks off had sent all but its last @unsent requests,
	 * and at most its window of them unanswered.
	 */
	unsigned int unsent;
	/* This many dumps end in -EAGAIN, the list changed meanwhile. */
	unsigned int dumps_intr;
	/*
	 * This many dumps end after the first interface as the kernel ends
	 * one at an interface going away: NLMSG_DONE with ENODEV, which
	 * genl's receive path (the netlink backend's) turns into the result.
	 */
	unsigned int dumps_enodev;
	/* Every dump fails at once with this -errno (0: none does). */
	int dump_error;
	/* The first driver read raises this signal (0: none). */
	int driver_raise;
	/* Called after answer @i of a run (to rename, say); may be NULL. */
	void (*answered)(struct fake *f, size_t i);
	/* Called at the end of each dump; may be NULL. */
	void (*dumped)(struct fake *f);
	/*
	 * --monitor: each ops->events call gives the next of @events, its
	 * @ntf states (as notifications) 1 + @repeat times, then signal
	 * @raise (0: none), then its @ret (0, GENL_NTF_LOST and
	 * GENL_NTF_BAD, or an error that ends the monitor).  ops->watch's
	 * descriptor, a pipe, holds a byte for each one still to come.  The
	 * first @early were queued when ops->dump ended: after them (at once
	 * with none), one call finds nothing waiting, GENL_NTF_EMPTY.
	 */
	struct fake_events {
		struct ifstate ntf[2];
		int nntf, repeat, raise;
		int ret;
	} events[FAKE_EVENTS_MAX];
	int nevents, next_event, early;
	bool emptied;
	int pipe[2];
};

/*
 * @b becomes a backend over @f that can set @settable (MSGCLASS_KERNEL_MASK
 * as netlink; UINT32_MAX: every bit, with netlink's other abilities kept).
 */
void fake_open(struct backend *b, struct fake *f, uint32_t settable);

/*
 * @b becomes a backend over @f as the ioctl's is: every bit settable,
 * names of at most 15 bytes, no kernel class names, no notifications.
 */
void fake_open_ioctl(struct backend *b, struct fake *f);

/* Add an interface; returns it. */
struct fake_iface *fake_add(struct fake *f, const char *name, uint32_t mask);

struct fake_iface *fake_find(struct fake *f, const char *name);

/* Queue notification @st with mask @mask into @e (a fake_events). */
void fake_ntf(struct fake_events *e, const char *name, uint32_t ifindex,
	      uint32_t mask);

/* The next @ok gets of @fi work, the @fails after them fail with @err. */
void fake_fail_gets(struct fake_iface *fi, unsigned int ok,
		    unsigned int fails, int err);

/*
 * Send @fd to a new temporary file, its old self kept in *@saved; returns
 * the file.  fake_back() puts @fd back and reads what was written into
 * @buf (@size bytes, NUL-terminated).
 */
int fake_to_file(int fd, int *saved);
void fake_back(int fd, int saved, int tmp, char *buf, size_t size);

/*
 * Run the words @argv[0..argc-1] over @b as main() would; what it prints
 * goes into @out and @err (@size bytes each).  Returns what the command
 * returned.
 */
int fake_command(struct backend *b, int argc, char **argv, char *out,
		 char *err, size_t size);

/* The trace's kernel log, where KMSG_PATH is set: an idle FIFO. */
void fake_kmsg_setup(void);
void fake_kmsg_teardown(void);

#endif
