/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one interface the commands use to reach the kernel, with two
 * implementations: ethtool generic netlink (backend_nl.c) and the
 * legacy SIOCETHTOOL ioctl (backend_ioctl.c).  backend_open() enters
 * the network namespace once and picks the transport: the only place
 * that decides.  Every function returns 0 or -errno; nothing prints.
 */
#ifndef NETIFMSG_BACKEND_H
#define NETIFMSG_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ethioc.h"
#include "genlmsg.h"
#include "ifstate.h"
#include "msgclass.h"

struct backend;

/* One request of ops->run: read a mask, or write some of its bits. */
struct breq {
	const char *ifname;
	uint32_t ifindex;	/* set: with @ifname, or 0 (by name alone) */
	bool set;		/* false: read @st */
	bool replace;		/* set: the whole mask becomes @value */
	uint32_t value;		/* set: the new bits ... */
	uint32_t mask;		/* ... of @mask, unless @replace */
	/* the answer */
	int err;		/* 0 or -errno */
	struct ifstate st;	/* read: the interface's state */
};

/*
 * Request @r of an ops->run is answered (r->err, r->st; @extack is
 * the kernel's message or "").  Return 0 to go on, 1 to send nothing
 * more (what was sent is still answered), or -errno to abort.
 */
typedef int (*breq_done_t)(struct breq *r, const char *extack, void *data);

struct backend_ops {
	/* One interface's state. */
	int (*get)(struct backend *b, const char *ifname, struct ifstate *st);
	/*
	 * Every interface that has a message level, in the kernel's
	 * order (older kernels list by a hash of the index: iflist_dump()
	 * sorts); -EAGAIN once all came if the list changed meanwhile, so
	 * that one may be missing or twice.
	 */
	int (*dump)(struct backend *b, bstate_cb_t cb, void *data);
	/*
	 * The requests @r[0..n-1] in order, at most @window of them
	 * unanswered at a time (where the transport can have several).
	 * On an error, b->in_flight of them after the last answered one
	 * were sent (the kernel ran them); the others never were.
	 */
	int (*run)(struct backend *b, struct breq *r, size_t n,
		   unsigned int window, breq_done_t done, void *data);
	/*
	 * The driver of @ifname, as 'ethtool -i' names it (the ioctl's
	 * ETHTOOL_GDRVINFO on a socket of the backend's namespace);
	 * -EAGAIN where @ifname is no longer interface @ifindex's.
	 */
	int (*driver)(struct backend *b, const char *ifname,
		      unsigned int ifindex, char driver[DRIVER_NAME_MAX]);
	/*
	 * The name interface @ifindex has now (SIOCGIFNAME on that socket);
	 * -ENODEV where no interface has the index.
	 */
	int (*ifname)(struct backend *b, unsigned int ifindex,
		      char name[IF_NAMESIZE]);
	/* These three may be NULL: the transport cannot. */
	/* The class names the running kernel reports, into @cn. */
	int (*names)(struct backend *b, struct classnames *cn);
	/* Start receiving change notifications: a file descriptor to poll. */
	int (*watch)(struct backend *b);
	/* Every notification waiting, without blocking: as genl_recv_ntf(). */
	int (*events)(struct backend *b, bstate_cb_t cb, void *data);
	void (*close)(struct backend *b);
};

struct backend {
	const struct backend_ops *ops;
	uint32_t settable;	/* the bits a set may write */
	size_t name_max;	/* the longest interface name it carries */
	int fell_back;		/* why not netlink (-errno): the ioctl, or 0 */
	char extack[GENL_EXTACK_MAX];	/* kernel's message for the last error */
	size_t in_flight;	/* see ops->run */
	struct classnames cn;	/* see backend_names() */
	bool cn_loaded;
	void *priv;
};

/* Where backend_open() failed. */
enum backend_stage {
	BACKEND_NETNS,		/* opening the network namespace's file */
	BACKEND_SETNS,		/* entering the network namespace */
	BACKEND_SOCKET,		/* opening the transport */
};

/*
 * Enter network namespace @netns (NULL: stay), then open ethtool netlink
 * (with @monitor, ready for ops->watch) or the ioctl: with @ioctl, where
 * the kernel has no ethtool family (-EPROTONOSUPPORT) or, but for
 * @monitor, where netlink is refused (-EAFNOSUPPORT, -EPERM, -EACCES);
 * b->fell_back says why.  On error *@stage says where.
 */
int backend_open(struct backend *b, const char *netns, bool ioctl,
		 bool monitor, enum backend_stage *stage);
void backend_close(struct backend *b);
/*
 * Open now the socket ops->ifname() and ops->driver() ask on, where one
 * that runs on must open nothing later: 0 or -errno.
 */
int backend_open_ifname(struct backend *b);

/* The two transports, for backend_open() and for tests. */
int backend_nl_open(struct backend *b, bool monitor);
int backend_ioctl_open(struct backend *b);

/*
 * The class names to read or print @mask with (NULL @b: the built-in
 * table).  The kernel is asked for its names once, the first time @mask
 * has a bit the built-in table cannot name; UINT32_MAX asks for sure.
 */
const struct classnames *backend_names(struct backend *b, uint32_t mask);

#endif
