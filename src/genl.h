/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One generic netlink socket talking to one family, via libmnl: open it
 * and resolve the family once, request/reply with the kernel's extended
 * ACK kept, a pipeline of many requests, and multicast notifications.
 * Nothing here knows which family it talks to.
 */
#ifndef NETIFMSG_GENL_H
#define NETIFMSG_GENL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "genlmsg.h"
#include "nlpipe.h"

struct mnl_socket;

struct genl_sock {
	struct mnl_socket *nl;
	uint32_t portid;
	uint32_t seq;
	uint16_t family;
	uint32_t group;			/* the multicast group asked for */
	char *buf;			/* receive buffer */
	size_t bufsize;
	char extack[GENL_EXTACK_MAX];	/* kernel's message for the last error */
	bool sent;			/* the last request was sent */
	bool answered;			/* the kernel answered the last request */
};

/* Called for each data message of a reply; return 0 or -errno to stop. */
typedef int (*genl_cb_t)(const struct nlmsghdr *nlh, void *data);

/*
 * Open the socket and resolve family @family; with @group (NULL: none),
 * also that multicast group's id, for genl_subscribe().  Returns 0, or
 * -EPROTONOSUPPORT if the kernel has no such family, or another -errno.
 */
int genl_open(struct genl_sock *s, const char *family, const char *group);
void genl_close(struct genl_sock *s);

/*
 * Send @nlh (its seq is set here) and read replies until the ACK or
 * NLMSG_DONE, calling @cb for each data message.  Returns 0 or -errno
 * (-EAGAIN: a dump that raced with a change of the interface list, read
 * to its end, which may have missed or repeated an interface; -ENOBUFS:
 * answers were dropped, and what is still queued is read out);
 * s->extack holds the kernel's message, if it gave one, and s->answered
 * is false when no answer came (the send or a receive failed; s->sent
 * tells which, a failed send never reaching the kernel).  A NULL
 * @nlh (a builder that refused its input) is -EINVAL, and nothing is
 * sent.
 */
int genl_talk(struct genl_sock *s, struct nlmsghdr *nlh, genl_cb_t cb,
		void *data);

/*
 * Run a pipeline of requests (see nlpipe.h) with at most @window of them
 * (1..GENL_WINDOW_MAX, a value beyond is taken as the nearest) unanswered:
 * they are sent in groups, one datagram each, and every ACK or error is
 * handed to ops->done in order; the receive buffer is raised if it is too
 * small for a window of answers.  Returns 0 when every request
 * was answered, else -errno (-ENOBUFS: the kernel dropped answers, which
 * a window that fits the receive buffer prevents; the answers still
 * queued are then read out, as by genl_talk(), for the socket to answer
 * again); *@in_flight is then the number of requests sent but not handed
 * to ops->done (the kernel ran them, with unknown results), the others
 * after them were never sent.
 */
#define GENL_WINDOW_MAX	NLPIPE_WINDOW_MAX
int genl_pipeline(struct genl_sock *s, unsigned int window,
		    const struct nlpipe_ops *ops, void *data, size_t *in_flight);

/*
 * Join the group genl_open() looked up, and make the receive buffer
 * GENL_NTF_RCVBUF bytes (of kernel accounting, about 1 KiB a
 * notification) where permitted: what a burst of notifications
 * overflows is lost.  Returns the socket's file descriptor, to wait for
 * it with poll(); -ENOENT or -errno.
 */
#define GENL_NTF_RCVBUF		(16 * 1024 * 1024)
int genl_subscribe(struct genl_sock *s);

/*
 * Read every datagram waiting on the socket (up to GENL_NTF_DRAIN_MAX,
 * so that a flood that never ends cannot keep the caller from its
 * output), without blocking, and call @cb for every message of the
 * family that the kernel sent (a process's are skipped; a notification
 * or anything else: @cb decides).  Returns 0,
 * or -errno, or what else it met, any of: GENL_NTF_LOST, the kernel
 * dropped notifications because the receive buffer was full (the read
 * stops there: what is queued, older than the loss, and what comes after
 * it are the next call's), GENL_NTF_BAD, a datagram was malformed (the
 * others still count and the socket goes on working), GENL_NTF_EMPTY,
 * nothing was waiting: all that was queued before the call had been
 * read, GENL_NTF_FULL, GENL_NTF_DRAIN_MAX datagrams were read and more
 * may wait.  Without LOST and FULL, the queue was seen empty.
 */
#define GENL_NTF_DRAIN_MAX	4096
#define GENL_NTF_LOST		1
#define GENL_NTF_BAD		2
#define GENL_NTF_EMPTY		4
#define GENL_NTF_FULL		8
int genl_recv_ntf(struct genl_sock *s, genl_cb_t cb, void *data);

/*
 * What genl_recv_ntf() does with one received datagram, without a
 * socket: @cb for every message of the family.  -EBADMSG if a message
 * does not fit the datagram (nothing is handed to @cb then).
 */
int genl_ntf_feed(const struct genl_sock *s, const void *buf, size_t len,
		    genl_cb_t cb, void *data);

/*
 * The reply processing of genl_talk() on its own, so that it can be
 * run on canned datagrams without a socket: the state of one request's
 * reply, which may come in several datagrams.
 */
struct genl_reply {
	struct genl_sock *s;	/* portid, extack */
	genl_cb_t cb;
	void *data;
	uint32_t seq;		/* of the request */
	int err;
	bool single;		/* one reply message, no ACK */
	bool got;		/* a data message came */
	bool dump;		/* the request is a dump */
	bool intr;		/* the list changed while the kernel dumped it */
};

/* Start on the reply to @req (its seq and flags must be set). */
void genl_reply_init(struct genl_reply *r, struct genl_sock *s,
		       const struct nlmsghdr *req, genl_cb_t cb, void *data);

/*
 * Process one received datagram of @len bytes.  Returns 1 if the reply
 * goes on in another datagram, else its result: 0, or -errno (the
 * kernel's error, the callback's, -EPROTO for another request's
 * sequence number, -ESRCH for another port, -EBADMSG for a malformed
 * error message, -EAGAIN for a dump the kernel marked inconsistent
 * with NLM_F_DUMP_INTR, all of whose messages were still handed on, or
 * ended with ENODEV, an interface going away meanwhile; -EBADMSG too
 * for a single reply's request answered with no data message).
 */
int genl_reply_feed(struct genl_reply *r, void *buf, size_t len);

#endif
