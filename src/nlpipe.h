/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A pipeline of netlink requests, each answered by an ACK or an error:
 * build up to a window of requests into one buffer, then match what the
 * kernel sends back to them by sequence number.  Pure byte-buffer logic,
 * without a socket (genl_pipeline() drives it), so it can be tested
 * with canned replies.
 *
 * Why a window: the kernel drops ACKs that do not fit the socket's
 * receive buffer (about 256 with the default size), although it applied
 * the requests.  With at most @window requests unanswered, every request
 * gets its answer.
 */
#ifndef NETIFMSG_NLPIPE_H
#define NETIFMSG_NLPIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

/* What the pipeline asks of its user, request by request (0, 1, 2, ...). */
struct nlpipe_ops {
	/*
	 * Write request @i into @buf (GENL_REQ_MAX bytes), without caring
	 * for seq; return NULL when there are no more requests.  One
	 * without NLM_F_ACK or NLM_F_DUMP (a GET of one object) must get
	 * one data message before its ACK: an ACK alone is -EBADMSG.
	 */
	struct nlmsghdr *(*build)(void *buf, size_t i, void *data);
	/* A data message answering request @i (a GET reply); 0 or -errno. */
	int (*reply)(size_t i, const struct nlmsghdr *nlh, void *data);
	/*
	 * Request @i is answered: @error is 0 or the kernel's -errno, @extack
	 * its message ("" if none).  Return 0 to go on, 1 to send no more
	 * requests (those already sent are still answered), or -errno to
	 * abort.
	 */
	int (*done)(size_t i, int error, const char *extack, void *data);
};

/* The most requests unanswered at a time (a window beyond is this). */
#define NLPIPE_WINDOW_MAX	128

struct nlpipe {
	const struct nlpipe_ops *ops;
	void *data;
	uint32_t portid;	/* ours; 0: do not check */
	uint32_t seq0;		/* the seq of request 0 */
	unsigned int window;	/* most requests unanswered at a time */
	size_t next;		/* the next request to build */
	size_t answered;	/* requests before this one are answered */
	bool no_more;		/* build said so, or done asked to stop */
	bool got;		/* the oldest unanswered has a data message */
	/* [i % NLPIPE_WINDOW_MAX]: request i wants a data message. */
	bool single[NLPIPE_WINDOW_MAX];
};

void nlpipe_init(struct nlpipe *p, unsigned int window, uint32_t seq0,
		 uint32_t portid, const struct nlpipe_ops *ops, void *data);

/*
 * Build the next requests into @buf, one after the other, as many as the
 * window and @size allow, but only once at most half the window is
 * unanswered, so that they go out in groups.  Returns the number of bytes
 * to send (0: nothing to send now).
 */
size_t nlpipe_fill(struct nlpipe *p, void *buf, size_t size);

/*
 * Take one received datagram (one or more netlink messages).  The kernel
 * answers requests in the order they were sent: anything else (a seq not
 * the oldest unanswered request's, a malformed message) is -EPROTO or
 * -EBADMSG.  Returns 0, or -errno (also what ops->reply or ops->done
 * returned to abort).
 */
int nlpipe_feed(struct nlpipe *p, const void *buf, size_t len);

/* Requests sent and not yet answered. */
static inline size_t nlpipe_in_flight(const struct nlpipe *p)
{
	return p->next - p->answered;
}

#endif
