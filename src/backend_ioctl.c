// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The backend over the SIOCETHTOOL ioctl (ethioc.h).  The ioctl can only
 * replace the whole mask, so a set of some bits is read-modify-write here
 * (not atomic: a concurrent writer's update can be lost; netifmsg(8) says
 * so).  It has no class names and no notifications.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "ethioc.h"

static int fd_of(const struct backend *b)
{
	return (int)(intptr_t)b->priv;
}

static int ioc_get(struct backend *b, const char *ifname, struct ifstate *st)
{
	return ethioc_get(fd_of(b), ifname, st);
}

static int ioc_dump(struct backend *b, bstate_cb_t cb, void *data)
{
	/* One RTM_GETLINK dump inside glibc: names and indexes at once. */
	struct if_nameindex *list = if_nameindex(), *proc = NULL;
	int ret = list ? 0 : -errno;
	bool dropped = false;

	/* Netlink refused too (RestrictAddressFamilies=): /proc/net/dev. */
	if (!list) {
		FILE *f = fopen("/proc/self/net/dev", "re");

		list = proc = ethioc_list(fd_of(b), f, &dropped);
		if (f)
			fclose(f);
	}
	if (!list) {
		strcpy(b->extack, "the interface list could not be read");
		return ret;
	}
	ret = ethioc_walk(fd_of(b), list, cb, data);
	/* A name no interface had at once (renamed?): as a moved one. */
	if (!ret && dropped)
		ret = -EAGAIN;
	if (proc)
		free(proc);
	else
		if_freenameindex(list);
	return ret;
}

static int ioc_driver(struct backend *b, const char *ifname,
		      unsigned int ifindex, char driver[DRIVER_NAME_MAX])
{
	return ethioc_driver(fd_of(b), ifname, ifindex, driver);
}

static int ioc_ifname(struct backend *b, unsigned int ifindex,
		      char name[IF_NAMESIZE])
{
	return ethioc_ifname(fd_of(b), ifindex, name);
}

/*
 * The ioctl sets by name: with @r->ifindex, the read before it checks
 * that the name is still that interface's (-ENODEV where not, as netlink
 * says for a name and an index that do not match, also where the name's
 * interface now has no message level).
 */
static int ioc_set(struct backend *b, const struct breq *r)
{
	struct ifstate now;
	int ret;

	if (r->replace && !r->ifindex)
		return ethioc_set(fd_of(b), r->ifname, r->value);
	ret = ethioc_get(fd_of(b), r->ifname, &now);
	/* An interface without a message level that took the name, too. */
	if (ret == -EOPNOTSUPP && r->ifindex &&
	    ethioc_ifindex(fd_of(b), r->ifname) != (int)r->ifindex)
		return -ENODEV;
	if (ret < 0)
		return ret;
	if (r->ifindex && now.ifindex != r->ifindex)
		return -ENODEV;
	return ethioc_set(fd_of(b), r->ifname, r->replace ? r->value :
			  (now.msg_enable & ~r->mask) | (r->value & r->mask));
}

/* One request after the other: the ioctl has no pipeline. */
static int ioc_run(struct backend *b, struct breq *r, size_t n,
		   unsigned int window, breq_done_t done, void *data)
{
	size_t i;
	int ret;

	(void)window;
	for (i = 0; i < n; i++) {
		r[i].err = r[i].set ? ioc_set(b, &r[i])
				    : ethioc_get(fd_of(b), r[i].ifname,
						 &r[i].st);
		ret = done(&r[i], "", data);
		if (ret)
			return ret < 0 ? ret : 0;
	}
	return 0;
}

static void ioc_close(struct backend *b)
{
	close(fd_of(b));
}

static const struct backend_ops ioctl_ops = {
	.get = ioc_get,
	.dump = ioc_dump,
	.run = ioc_run,
	.driver = ioc_driver,
	.ifname = ioc_ifname,
	.close = ioc_close,
};

int backend_ioctl_open(struct backend *b)
{
	int fd = ethioc_open();

	if (fd < 0)
		return fd;
	b->ops = &ioctl_ops;
	b->priv = (void *)(intptr_t)fd;
	b->settable = UINT32_MAX;
	b->name_max = IF_NAMESIZE - 1;
	return 0;
}
