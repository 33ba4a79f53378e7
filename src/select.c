// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"

int iflist_add(const struct ifstate *st, void *data)
{
	struct iflist *l = data;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct ifstate *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *st;
	return 0;
}

int iflist_driver(struct iflist *l, const char *name)
{
	char (*v)[DRIVER_NAME_MAX];
	size_t d;

	for (d = 0; d < l->ndrivers; d++)
		if (!strcmp(l->drivers[d], name))
			return (int)d;
	v = realloc(l->drivers, (d + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	l->drivers = v;
	snprintf(v[d], sizeof(*v), "%s", name);
	l->ndrivers++;
	return (int)d;
}

/*
 * Is @j a name (not a pattern) that no interface of @l has, so perhaps
 * an alternative name, of any interface?
 */
static bool maybe_altname(const struct job *j, const struct iflist *l)
{
	size_t i;

	if (!j->ifname || j->pattern)
		return false;
	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].ifname, j->ifname))
			return false;
	return true;
}

/* Does @j's name (a pattern's match, a name) take @name, drivers aside? */
static bool name_takes(const struct job *j, const char *name)
{
	if (!j->ifname)
		return true;
	if (j->pattern)
		return !fnmatch(j->ifname, name, 0);
	return !strcmp(j->ifname, name);
}

/*
 * Does @w want the driver of interface @name?  @in_any: any name is
 * within w->within; @any: any name within is wanted.
 */
static bool wants_driver(const struct drvwant *w, const char *name,
			 bool in_any, bool any)
{
	size_t k;

	if (!in_any && !name_takes(w->within, name))
		return false;
	if (any)
		return true;
	for (k = 0; k < w->n; k++)
		if (w->jobs[k].more->ndrivers && name_takes(&w->jobs[k], name))
			return true;
	return false;
}

/*
 * The drivers that @w wants into @l.  An interface gone meanwhile, or
 * without GDRVINFO, has none: it matches none.  Any other error (no
 * socket for the ioctl) is no reason to say that no interface matches;
 * a name that has moved, or been left by a rename (-EAGAIN), has the
 * dump done again.
 */
static int iflist_drivers(struct backend *b, struct iflist *l,
			  const struct drvwant *w, unsigned int ifindex)
{
	const struct job *in = w->within;
	bool in_any = !in || maybe_altname(in, l);
	bool any = in && in->more->ndrivers;
	size_t i;
	int ret;

	for (i = 0; i < w->n && !any; i++)
		any = w->jobs[i].more->ndrivers && maybe_altname(&w->jobs[i], l);
	l->drv = malloc(l->n * sizeof(*l->drv));
	if (!l->drv)
		return -ENOMEM;
	/* Those not asked, or not reached, have no driver: not drivers[0]. */
	for (i = 0; i < l->n; i++)
		l->drv[i] = IFLIST_NO_DRIVER;
	for (i = 0; i < l->n; i++) {
		char name[DRIVER_NAME_MAX] = "";

		if (ifindex && l->v[i].ifindex != ifindex)
			continue;
		if (!wants_driver(w, l->v[i].ifname, in_any, any))
			continue;
		ret = b->ops->driver(b, l->v[i].ifname, l->v[i].ifindex, name);
		if (ret < 0 && ret != -ENODEV && ret != -EOPNOTSUPP) {
			if (ret != -EAGAIN)	/* "...: Too many open files" */
				strcpy(b->extack, "the interfaces' drivers (--driver) could not be read");
			return ret;
		}
		ret = iflist_driver(l, ret < 0 ? "" : name);
		if (ret < 0)
			return ret;
		l->drv[i] = (unsigned int)ret;
	}
	return 0;
}

#define DUMP_TRIES	3

static int by_ifindex(const void *a, const void *b)
{
	uint32_t x = ((const struct ifstate *)a)->ifindex;
	uint32_t y = ((const struct ifstate *)b)->ifindex;

	return (x > y) - (x < y);
}

/*
 * In index order: a kernel whose dumps walk its ifindex hash (older
 * kernels, before for_each_netdev_dump()) lists 257 before 1.  Newer
 * ones list in order already, which one pass finds.
 */
static void iflist_sort(struct iflist *l)
{
	size_t i;

	for (i = 1; i < l->n; i++) {
		if (l->v[i - 1].ifindex > l->v[i].ifindex) {
			qsort(l->v, l->n, sizeof(*l->v), by_ifindex);
			return;
		}
	}
}

/* Keep interface @ifindex of @l alone, if @l has it. */
static bool iflist_keep(struct iflist *l, unsigned int ifindex)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].ifindex == ifindex) {
			l->v[0] = l->v[i];
			l->n = 1;
			return true;
		}
	}
	return false;
}

/*
 * Interface @ifindex alone in @l, read by the name it has now: a device
 * not present ends every dump before the interfaces after it.  None (an
 * empty @l) where no interface has the index, or one without a message
 * level has it (its name still that index's), as a whole dump would
 * leave it out.
 */
static bool iflist_read(struct backend *b, struct iflist *l,
			unsigned int ifindex)
{
	char name[IF_NAMESIZE], now[IF_NAMESIZE];
	struct ifstate st;
	int ret;

	/*
	 * A name whose GET found none (iface_index()): not known to be
	 * no one's, as a device not present is read so too.
	 */
	if (ifindex == UINT_MAX)
		return false;
	ret = b->ops->ifname(b, ifindex, name);
	if (ret == -ENODEV)
		goto none;
	if (!ret)
		ret = b->ops->get(b, name, &st);
	if (ret == -EOPNOTSUPP && !b->ops->ifname(b, ifindex, now) &&
	    !strcmp(name, now))
		goto none;
	if (ret < 0 || st.ifindex != ifindex)
		return false;
	l->n = 0;
	return !iflist_add(&st, l);
none:
	l->n = 0;
	return true;
}

int iflist_dump(struct backend *b, struct iflist *l,
		const struct drvwant *want, unsigned int ifindex)
{
	unsigned int tries = 0;
	int ret;

	*l = (struct iflist){ 0 };
	b->extack[0] = '\0';	/* its own errors' text only */
	do {
		free(l->drv);
		l->drv = NULL;
		l->n = l->ndrivers = 0;
		ret = b->ops->dump(b, iflist_add, l);
		iflist_sort(l);
		if (ret == -EAGAIN && ifindex && tries + 1 == DUMP_TRIES &&
		    (iflist_keep(l, ifindex) || iflist_read(b, l, ifindex))) {
			ret = 0;
			b->extack[0] = '\0';
		}
		if (!ret && want && l->n)
			ret = iflist_drivers(b, l, want, ifindex);
	} while (ret == -EAGAIN && ++tries < DUMP_TRIES);
	if (ret == -EAGAIN)
		strcpy(b->extack, "the interface list changed while it was read");
	return ret;
}

void iflist_free(struct iflist *l)
{
	free(l->v);
	free(l->drv);
	free(l->drivers);
	*l = (struct iflist){ 0 };
}

const char *job_own_name(struct backend *b, const struct iflist *l,
			 const struct job *j)
{
	struct ifstate st;
	size_t i;

	if (!maybe_altname(j, l))
		return j->ifname;
	/* By index: the name may have moved to another since the dump. */
	if (b->ops->get(b, j->ifname, &st) < 0)
		return j->ifname;
	for (i = 0; i < l->n; i++)
		if (l->v[i].ifindex == st.ifindex)
			return l->v[i].ifname;
	return j->ifname;
}

int iflist_select(struct backend *b, const struct job *j, struct iflist *l)
{
	const struct drvwant want = { .jobs = j, .n = 1 };
	struct job sel = *j;
	char own[IF_NAMESIZE];
	size_t i, n = 0;
	int ret;

	/* What came is kept even if the dump ended in an error. */
	ret = iflist_dump(b, l, j->more->ndrivers ? &want : NULL,
			  jobs_ifindex(b, j, 1));
	if (!ret)
		sel.ifname = job_own_name(b, l, j);
	/* A copy: the loop below moves the entries of @l. */
	if (sel.ifname != j->ifname)
		sel.ifname = memcpy(own, sel.ifname, IF_NAMESIZE);
	for (i = 0; i < l->n; i++) {
		if (!job_selects(&sel, l, i))
			continue;
		if (l->drv)
			l->drv[n] = l->drv[i];
		l->v[n++] = l->v[i];
	}
	l->n = n;
	return ret;
}

bool job_selects(const struct job *j, const struct iflist *l, size_t i)
{
	const char *name = l->v[i].ifname;
	unsigned int drv = l->drv ? l->drv[i] : IFLIST_NO_DRIVER;
	int d;

	if (!name_takes(j, name))
		return false;
	for (d = 0; drv != IFLIST_NO_DRIVER && d < j->more->ndrivers; d++)
		if (!strcmp(j->more->drivers[d], l->drivers[drv]))
			return true;
	return !j->more->ndrivers;
}

bool jobs_select(const struct job *jobs, size_t n, bool *drivers)
{
	bool any = false;
	size_t i;

	*drivers = false;
	for (i = 0; i < n; i++) {
		any |= job_is_selector(&jobs[i]);
		*drivers |= jobs[i].more->ndrivers > 0;
	}
	return any;
}

unsigned int iface_index(struct backend *b, const char *name)
{
	struct ifstate st;
	int ret = b->ops->get(b, name, &st);

	if (ret == -ENODEV || ret == -EOPNOTSUPP || ret == -ENAMETOOLONG)
		return UINT_MAX;	/* none: no driver is read */
	return ret < 0 ? 0 : st.ifindex;
}

unsigned int jobs_ifindex(struct backend *b, const struct job *jobs, size_t n)
{
	const struct job *sel = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!job_is_selector(&jobs[i]))
			continue;
		if (sel || jobs[i].pattern)
			return 0;
		sel = &jobs[i];
	}
	return sel ? iface_index(b, sel->ifname) : 0;
}

bool job_too_long(const struct backend *b, const struct job *j)
{
	return j->ifname && !j->pattern && strlen(j->ifname) > b->name_max;
}

int select_none(const struct backend *b, const struct where *w,
		const struct job *j)
{
	char q[QUOTE_SIZE];

	if (job_too_long(b, j))
		return diag_kernel(w, j->ifname, -ENAMETOOLONG, NULL);
	quote_word(q, j->ifname, strlen(j->ifname));
	if (j->more->ndrivers)
		diag(w, NULL, "no interface with a message level matches '%s' with driver %s%s",
		     q, job_first_driver(j->more),
		     j->more->ndrivers > 1 ? " (or the others given)" : "");
	else
		diag(w, NULL, "no interface with a message level matches '%s'", q);
	return -EIO;
}
