/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One generic netlink socket talking to the ethtool family, via libmnl. */
#ifndef NETIFMSG_NLSOCK_H
#define NETIFMSG_NLSOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "ethnl.h"
#include "nlpipe.h"

struct mnl_socket;

struct nlsock {
	struct mnl_socket *nl;
	uint32_t portid;
	uint32_t seq;
	uint16_t family;
	uint32_t monitor_group;
	bool want_monitor;		/* look up monitor_group on open */
	char *buf;			/* receive buffer */
	size_t bufsize;
	char extack[ETHNL_EXTACK_MAX];	/* kernel's message for the last error */
};

/* Called for each data message of a reply; return 0 or -errno to stop. */
typedef int (*nlsock_cb_t)(const struct nlmsghdr *nlh, void *data);

/*
 * Open the socket and resolve the "ethtool" family.  Returns 0, or
 * -EPROTONOSUPPORT if the kernel has no ethtool netlink family, or
 * another -errno.
 */
int nlsock_open(struct nlsock *s);
/*
 * The same with family @name instead of "ethtool" (NULL: "ethtool"); with
 * @monitor, the family's "monitor" multicast group is looked up too, for
 * nlsock_subscribe_monitor().
 */
int nlsock_open_family(struct nlsock *s, const char *name, bool monitor);
void nlsock_close(struct nlsock *s);

/*
 * Send @nlh (its seq is set here) and read replies until the ACK or
 * NLMSG_DONE, calling @cb for each data message.  Returns 0 or -errno;
 * s->extack holds the kernel's message, if it gave one.
 */
int nlsock_talk(struct nlsock *s, struct nlmsghdr *nlh, nlsock_cb_t cb,
		void *data);

/*
 * Run a pipeline of requests (see nlpipe.h) with at most @window of them
 * unanswered: they are sent in groups, one datagram each, and every ACK
 * or error is handed to ops->done in order; the receive buffer is raised
 * if it is too small for a window of answers.  Returns 0 when every request
 * was answered, else -errno (-ENOBUFS: the kernel dropped answers, which
 * a window that fits the receive buffer prevents; the requests not yet
 * handed to ops->done have unknown results).
 */
#define NLSOCK_WINDOW_MAX	128
int nlsock_pipeline(struct nlsock *s, unsigned int window,
		    const struct nlpipe_ops *ops, void *data);

/* Join the ethtool "monitor" multicast group.  0, -ENOENT or -errno. */
int nlsock_subscribe_monitor(struct nlsock *s);

/* The file descriptor, to wait for it with poll(). */
int nlsock_fd(const struct nlsock *s);

/*
 * Read what is waiting on the socket, without blocking, and call @cb for
 * every message of the ethtool family (a notification or anything else:
 * @cb decides).  Returns 0 (also when nothing was waiting), -ENOBUFS if
 * the kernel dropped notifications because the receive buffer was full
 * (the socket goes on working), or another -errno.
 */
int nlsock_recv_ntf(struct nlsock *s, nlsock_cb_t cb, void *data);

/*
 * What nlsock_recv_ntf() does with one received datagram, without a
 * socket: @cb for every message of the family.  -EBADMSG if a message
 * does not fit the datagram (nothing is handed to @cb then).
 */
int nlsock_ntf_feed(const struct nlsock *s, const void *buf, size_t len,
		    nlsock_cb_t cb, void *data);

/*
 * The reply processing of nlsock_talk() on its own, so that it can be
 * run on canned datagrams without a socket: the state of one request's
 * reply, which may come in several datagrams.
 */
struct nlsock_reply {
	struct nlsock *s;	/* portid, extack */
	nlsock_cb_t cb;
	void *data;
	uint32_t seq;		/* of the request */
	int err;
	bool single;		/* one reply message, no ACK */
};

/* Start on the reply to @req (its seq and flags must be set). */
void nlsock_reply_init(struct nlsock_reply *r, struct nlsock *s,
		       const struct nlmsghdr *req, nlsock_cb_t cb, void *data);

/*
 * Process one received datagram of @len bytes.  Returns 1 if the reply
 * goes on in another datagram, else its result: 0, or -errno (the
 * kernel's error, the callback's, -EPROTO for another request's
 * sequence number, -ESRCH for another port, -EBADMSG for a malformed
 * error message).
 */
int nlsock_reply_feed(struct nlsock_reply *r, void *buf, size_t len);

#endif
