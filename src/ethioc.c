// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SIOCETHTOOL (see ethioc.h), and ETHTOOL_GDRVINFO for the driver's name
 * (netlink has no such message).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include "ascii.h"
#include "ethioc.h"

int ethioc_open(void)
{
	/* Any socket will do; a kernel without IPv4 still has AF_UNIX. */
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	return fd < 0 ? -errno : fd;
}

/* ioctl @req on @ifname; @data: SIOCETHTOOL's command (NULL for others). */
static int ifioctl(int fd, unsigned long req, const char *ifname,
		   struct ifreq *ifr, void *data)
{
	if (!ifname || !ifname[0])
		return -ENODEV;
	/* An alternative name longer than the request's 15 bytes. */
	if (strnlen(ifname, IF_NAMESIZE) >= IF_NAMESIZE)
		return -ENAMETOOLONG;
	memset(ifr, 0, sizeof(*ifr));
	strcpy(ifr->ifr_name, ifname);
	ifr->ifr_data = data;
	return ioctl(fd, req, ifr) < 0 ? -errno : 0;
}

static int msglvl(int fd, const char *ifname, uint32_t cmd, uint32_t *value)
{
	struct ethtool_value ev = { .cmd = cmd, .data = *value };
	struct ifreq ifr;
	int ret;

	ret = ifioctl(fd, SIOCETHTOOL, ifname, &ifr, &ev);
	if (ret < 0)
		return ret;
	*value = ev.data;
	return 0;
}

int ethioc_get(int fd, const char *ifname, struct ifstate *st)
{
	uint32_t value = 0;
	int ret, index, tries = 3;

	do {
		index = ethioc_ifindex(fd, ifname);
		ret = index < 0 ? index : msglvl(fd, ifname, ETHTOOL_GMSGLVL,
						 &value);
		if (!ret && ethioc_ifindex(fd, ifname) != index)
			ret = -EAGAIN;
	} while (ret == -EAGAIN && --tries);
	if (ret < 0)
		return ret;
	memset(st, 0, sizeof(*st));
	st->ifindex = (uint32_t)index;
	st->msg_enable = value;
	/*
	 * @ifname may be an alternative name (ip link property): the state
	 * carries the interface's name, as a netlink reply does.
	 */
	return ethioc_ifname(fd, st->ifindex, st->ifname);
}

int ethioc_ifindex(int fd, const char *ifname)
{
	struct ifreq ifr;
	int ret = ifioctl(fd, SIOCGIFINDEX, ifname, &ifr, NULL);

	return ret < 0 ? ret : ifr.ifr_ifindex;
}

/*
 * The index @ifname has now, after a read of it that gave @ret: the
 * read's error, but where it worked or found no message level (or no
 * driver's name), the name may be another interface's by now.
 */
static int index_after(int fd, const char *ifname, int ret)
{
	return ret && ret != -EOPNOTSUPP ? ret : ethioc_ifindex(fd, ifname);
}

int ethioc_driver(int fd, const char *ifname, unsigned int ifindex,
		  char driver[DRIVER_NAME_MAX])
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct ifreq ifr;
	int ret, index;

	ret = ifioctl(fd, SIOCETHTOOL, ifname, &ifr, &info);
	index = index_after(fd, ifname, ret);
	if (index == -ENODEV && !ethioc_ifname(fd, ifindex, ifr.ifr_name))
		return -EAGAIN;
	if (index < 0)
		return index;
	if ((unsigned int)index != ifindex)
		return -EAGAIN;
	if (ret < 0)
		return ret;
	memcpy(driver, info.driver, DRIVER_NAME_MAX);
	driver[DRIVER_NAME_MAX - 1] = '\0';
	return 0;
}

int ethioc_ifname(int fd, unsigned int ifindex, char name[IF_NAMESIZE])
{
	struct ifreq ifr = { .ifr_ifindex = (int)ifindex };

	if (ioctl(fd, SIOCGIFNAME, &ifr) < 0)
		return -errno;
	memcpy(name, ifr.ifr_name, IF_NAMESIZE);
	name[IF_NAMESIZE - 1] = '\0';
	return 0;
}

int ethioc_set(int fd, const char *ifname, uint32_t value)
{
	return msglvl(fd, ifname, ETHTOOL_SMSGLVL, &value);
}

int ethioc_walk(int fd, const struct if_nameindex *list, bstate_cb_t cb,
		void *data)
{
	const struct if_nameindex *p;
	int ret = 0, moved = 0;

	for (p = list; p->if_index && !ret; p++) {
		struct ifstate st = { 0 };
		uint32_t value = 0;
		int index;

		ret = msglvl(fd, p->if_name, ETHTOOL_GMSGLVL, &value);
		index = index_after(fd, p->if_name, ret);
		if (index < 0)
			ret = index;
		else if ((unsigned int)index != p->if_index)
			ret = moved = -EAGAIN;
		if (ret == -ENODEV && !ethioc_ifname(fd, p->if_index, st.ifname))
			ret = moved = -EAGAIN;
		if (ret == -EOPNOTSUPP || ret == -ENODEV || ret == -EAGAIN) {
			ret = 0;
			continue;
		}
		if (ret < 0)
			break;
		strcpy(st.ifname, p->if_name);
		st.ifindex = p->if_index;
		st.msg_enable = value;
		ret = cb(&st, data);
	}
	return ret ? ret : moved;
}

int ethioc_dev_line(const char *line, char name[IF_NAMESIZE])
{
	size_t n;

	line += str_span(line, " ");
	n = str_cspan(line, ": \t\n");
	if (!n || n >= IF_NAMESIZE || line[n] != ':')
		return -EINVAL;
	memcpy(name, line, n);
	name[n] = '\0';
	return (int)n;
}

static int by_index(const void *a, const void *b)
{
	unsigned int x = ((const struct if_nameindex *)a)->if_index;
	unsigned int y = ((const struct if_nameindex *)b)->if_index;

	return (x > y) - (x < y);
}

struct if_nameindex *ethioc_list(int fd, FILE *f, bool *dropped)
{
	char (*names)[IF_NAMESIZE] = NULL, *line = NULL, name[IF_NAMESIZE];
	size_t n = 0, cap = 0, i, size = 0;
	struct if_nameindex *list = NULL;
	void *v;
	int index, err;

	while (f && getline(&line, &size, f) > 0) {
		if (ethioc_dev_line(line, name) < 0)
			continue;
		if (n == cap) {
			v = realloc(names, (cap + 64) * sizeof(*names));
			if (!v)
				goto out;
			names = v;
			cap += 64;
		}
		memcpy(names[n++], name, IF_NAMESIZE);
	}
	if (!f || ferror(f))
		goto out;
	/* One block: the entries, their end, then the names they point to. */
	list = malloc((n + 1) * sizeof(*list) + n * IF_NAMESIZE);
	if (!list)
		goto out;
	/* None (headings only): @names is NULL, which memcpy() may not take. */
	v = list + n + 1;
	if (n)
		memcpy(v, names, n * IF_NAMESIZE);
	for (i = 0; i < n; i++)
		list[i].if_name = (char *)v + i * IF_NAMESIZE;
	for (i = 0; i < n; i++) {
		index = ethioc_ifindex(fd, list[i].if_name);
		if (index == -ENODEV) {		/* gone or renamed since */
			*dropped = true;
			list[i--] = list[--n];
			continue;
		}
		if (index < 0) {
			free(list);
			list = NULL;
			errno = -index;
			goto out;
		}
		list[i].if_index = (unsigned int)index;
	}
	list[n] = (struct if_nameindex){ 0, NULL };
	qsort(list, n, sizeof(*list), by_index);
out:
	err = errno;
	free(line);
	free(names);
	errno = err;
	return list;
}
