/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which interfaces a job means: its own name, or each interface of one
 * dump that its pattern (fnmatch(3)) and --driver names select.
 */
#ifndef NETIFMSG_SELECT_H
#define NETIFMSG_SELECT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "backend.h"
#include "cmdline.h"
#include "diag.h"

/*
 * The interfaces of one dump, with their drivers if asked for: each
 * interface's is drivers[drv[i]] ("" for none), each name kept once;
 * IFLIST_NO_DRIVER where the lookups stopped at an error.
 */
#define IFLIST_NO_DRIVER	UINT_MAX

struct iflist {
	struct ifstate *v;
	unsigned int *drv;			/* NULL unless asked for */
	char (*drivers)[DRIVER_NAME_MAX];
	size_t n, cap, ndrivers;
};

/* Append @st to the iflist @l (a bstate_cb_t); 0 or -ENOMEM. */
int iflist_add(const struct ifstate *st, void *l);
/*
 * Whose drivers iflist_dump() reads: the interfaces that a job of @jobs
 * with --driver may select by its name (a pattern's matches, a name's
 * interface; every one where a name is none of the dump's, as it may be
 * an alternative name), among those that @within may select (NULL, or
 * its ifname NULL: every one); all of those where @within has --driver.
 */
struct drvwant {
	const struct job *jobs;
	size_t n;
	const struct job *within;
};

/*
 * One dump into @l; with @want, the drivers it wants too.  A dump
 * that raced with a change of the interface list (-EAGAIN) is done
 * again, three times at the most; @l then holds what the last one gave,
 * and b->extack says why.  A non-zero @ifindex is the one interface that
 * matters (--apply --ifindex, what udev runs for one interface, must not
 * fail because others are renamed meanwhile; a name with --driver, see
 * jobs_ifindex()): only its driver is read, and the last list that
 * renames of others left inconsistent is taken if it has that interface
 * (it alone, as one may be listed twice); if not (a device not present
 * ends every dump where it is), that interface alone, read by the name
 * its index has now.
 */
int iflist_dump(struct backend *b, struct iflist *l,
		const struct drvwant *want, unsigned int ifindex);
/* One dump into @l, of the interfaces @j selects. */
int iflist_select(struct backend *b, const struct job *j, struct iflist *l);
void iflist_free(struct iflist *l);
/* The index of driver @name in @l's list of names, added if new. */
int iflist_driver(struct iflist *l, const char *name);

/*
 * The name @j selects by in @l: a name (no pattern) that no interface of
 * @l has may be an alternative name (netifmsg(8), INTERFACES), and one
 * GET gives the interface's index, then its name in @l.  Else @j's.
 */
const char *job_own_name(struct backend *b, const struct iflist *l,
			 const struct job *j);
/* Does @j select the interface @i of @l? */
bool job_selects(const struct job *j, const struct iflist *l, size_t i);

/* Any job of @jobs a selector?  Any with --driver (*@drivers)? */
bool jobs_select(const struct job *jobs, size_t n, bool *drivers);

/*
 * The index of interface @name (one GET), for iflist_dump() to read its
 * driver alone; UINT_MAX where the name has no interface with a level,
 * none to read; 0 (every driver) where the read failed otherwise.
 */
unsigned int iface_index(struct backend *b, const char *name);

/*
 * Where the one selector of @jobs is a name (not a pattern, so with
 * --driver), iface_index() of it; 0 (every driver) otherwise.
 */
unsigned int jobs_ifindex(struct backend *b, const struct job *jobs, size_t n);

/* Does @j name (not a pattern) an interface longer than @b carries? */
bool job_too_long(const struct backend *b, const struct job *j);

/*
 * "no interface matches 'tap*'" (and "of driver tun"), to stderr; for a
 * name longer than @b carries, why no interface has it.
 */
int select_none(const struct backend *b, const struct where *w,
		const struct job *j);

#endif
