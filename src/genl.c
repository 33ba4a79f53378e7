// SPDX-License-Identifier: GPL-2.0-or-later
/* The generic netlink socket of one family (see genl.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>

#include "genl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK		11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK		10
#endif

/* Dump replies come in pieces of up to 32 KiB; leave room for one. */
#define GENL_BUFSIZE		(64 * 1024)

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct genl_reply *r = data;
	int ret;

	r->s->answered = true;
	r->got = true;
	ret = r->cb ? r->cb(nlh, r->data) : 0;
	if (ret < 0) {
		r->err = ret;
		return MNL_CB_STOP;
	}
	return r->single ? MNL_CB_STOP : MNL_CB_OK;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct genl_reply *r = data;
	int error;

	/* Malformed: no answer (a set's result is unknown). */
	if (genlmsg_parse_error(nlh, &error, r->s->extack,
			      sizeof(r->s->extack)) < 0) {
		r->err = -EBADMSG;
		return MNL_CB_STOP;
	}
	r->s->answered = true;
	r->err = error;
	/*
	 * A dump the kernel ended with ENODEV, at a device going away as
	 * it reached it (a family of network devices): the list changed
	 * while it was read, as with NLM_F_DUMP_INTR.
	 */
	if (r->dump && error == -ENODEV) {
		r->err = 0;
		r->intr = true;
		r->s->extack[0] = '\0';
	}
	return MNL_CB_STOP;
}

/* mnl_cb_run2() skips the control messages without a callback here. */
static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = error_cb,
};

void genl_reply_init(struct genl_reply *r, struct genl_sock *s,
		       const struct nlmsghdr *req, genl_cb_t cb, void *data)
{
	*r = (struct genl_reply){
		.s = s,
		.cb = cb,
		.data = data,
		.seq = req->nlmsg_seq,
		/* One reply message and no ACK: stop after it. */
		.single = genlmsg_wants_reply(req),
		.dump = !!(req->nlmsg_flags & NLM_F_DUMP),
	};
	s->extack[0] = '\0';
}

int genl_reply_feed(struct genl_reply *r, void *buf, size_t len)
{
	struct nlmsghdr *nlh;
	size_t off;
	int ret;

	if (!genlmsg_datagram_ok(buf, len))
		return -EBADMSG;
	/*
	 * NLM_F_DUMP_INTR: the interface list changed while the kernel
	 * dumped it (6.1 checks this; kernels that walk the list by ifindex
	 * do not), so an interface may be missing or twice.  The messages
	 * are sound and the dump goes on to NLMSG_DONE, but mnl_cb_run2()
	 * would stop at the flag and leave the rest queued: take it off
	 * here and report it once the dump is done.  The datagram_ok()
	 * check before makes the walk safe.
	 */
	for (off = 0; off < len; off += MNL_ALIGN(nlh->nlmsg_len)) {
		nlh = (struct nlmsghdr *)((char *)buf + off);
		r->intr |= !!(nlh->nlmsg_flags & NLM_F_DUMP_INTR);
		nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
	}
	errno = 0;
	ret = mnl_cb_run2(buf, len, r->seq, r->s->portid, data_cb, r, ctl_cbs,
			  NLMSG_MIN_TYPE);
	if (ret < 0)
		return errno ? -errno : -EBADMSG;
	if (ret > 0)
		return 1;
	/* A reply ended by an ACK or NLMSG_DONE, without one. */
	if (!r->err && r->single && !r->got)
		return -EBADMSG;
	return r->err ? r->err : r->intr ? -EAGAIN : 0;
}

/*
 * After ENOBUFS (said once) the kernel drops every answer for the socket
 * until all queued is read: read it out, or the next request waits forever.
 */
static int drained(struct genl_sock *s)
{
	while (recv(mnl_socket_get_fd(s->nl), s->buf, s->bufsize,
		    MSG_DONTWAIT) >= 0 || errno == ENOBUFS)
		;
	return -ENOBUFS;
}

/*
 * Does the datagram answer a request sent before @seq?  One broken off
 * by an error (a failed receive) still gets its answers: they are left
 * unread, not taken for those of the requests after it.
 */
static bool stale(const struct genl_sock *s, const void *buf, size_t len,
		  uint32_t seq)
{
	const struct nlmsghdr *nlh = buf;

	return len >= sizeof(*nlh) && nlh->nlmsg_pid == s->portid &&
	       nlh->nlmsg_seq && (int32_t)(nlh->nlmsg_seq - seq) < 0;
}

int genl_talk(struct genl_sock *s, struct nlmsghdr *nlh, genl_cb_t cb,
		void *data)
{
	struct genl_reply r;
	ssize_t n;
	int ret;

	s->sent = s->answered = false;
	s->extack[0] = '\0';
	if (!nlh)
		return -EINVAL;
	nlh->nlmsg_seq = ++s->seq;
	genl_reply_init(&r, s, nlh, cb, data);
	if (mnl_socket_sendto(s->nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	s->sent = true;
	for (;;) {
		n = mnl_socket_recvfrom(s->nl, s->buf, s->bufsize);
		/* A signal caught meanwhile (--trace): the answer still comes. */
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == ENOBUFS ? drained(s) : -errno;
		if (stale(s, s->buf, (size_t)n, r.seq))
			continue;
		ret = genl_reply_feed(&r, s->buf, (size_t)n);
		if (ret <= 0)
			return ret;
	}
}

/*
 * A receive buffer of at least @want bytes of kernel accounting, should
 * the socket's be smaller.  SO_RCVBUFFORCE may go beyond the system's
 * limit (net.core.rmem_max) and needs CAP_NET_ADMIN in the initial user
 * namespace (a container's root has it in its own only); without it,
 * SO_RCVBUF gives what the limit allows.  Best effort: only ever raised.
 */
static void raise_rcvbuf(struct genl_sock *s, int want)
{
	int fd = mnl_socket_get_fd(s->nl), have = 0;
	socklen_t len = sizeof(have);

	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &have, &len) < 0 ||
	    have >= want)
		return;
	/* The kernel doubles what it is given. */
	want /= 2;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &want,
		       sizeof(want)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &want, sizeof(want));
}

/*
 * Every answer is a datagram of its own: take all that are waiting (at
 * least one) with one recvmmsg() instead of one recvmsg() each.  A
 * pipeline's answers are small, so each gets a slice of the buffer.
 */
#define GENL_RECV_BATCH	32

static int recv_answers(struct genl_sock *s, struct nlpipe *p)
{
	struct mmsghdr msgs[GENL_RECV_BATCH];
	struct iovec iov[GENL_RECV_BATCH];
	size_t slot = s->bufsize / GENL_RECV_BATCH;
	int i, n, ret;

	memset(msgs, 0, sizeof(msgs));
	for (i = 0; i < GENL_RECV_BATCH; i++) {
		iov[i].iov_base = s->buf + (size_t)i * slot;
		iov[i].iov_len = slot;
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	n = recvmmsg(mnl_socket_get_fd(s->nl), msgs, GENL_RECV_BATCH,
		     MSG_WAITFORONE, NULL);
	/* A signal caught meanwhile: the caller waits on for the answers. */
	if (n < 0 && errno == EINTR)
		return 0;
	if (n < 0)
		return errno == ENOBUFS ? drained(s) : -errno;
	for (i = 0; i < n; i++) {
		if (msgs[i].msg_hdr.msg_flags & MSG_TRUNC)
			return -ENOSPC;
		if (stale(s, iov[i].iov_base, msgs[i].msg_len, p->seq0))
			continue;
		ret = nlpipe_feed(p, iov[i].iov_base, msgs[i].msg_len);
		if (ret < 0)
			return ret;
	}
	return 0;
}

int genl_pipeline(struct genl_sock *s, unsigned int window,
		    const struct nlpipe_ops *ops, void *data, size_t *in_flight)
{
	struct nlpipe p;
	size_t size, built;
	char *out;
	ssize_t n;
	int ret = 0;

	*in_flight = 0;
	nlpipe_init(&p, window, s->seq + 1, s->portid, ops, data);
	size = (size_t)p.window * GENL_REQ_MAX;
	out = malloc(size);
	if (!out)
		return -ENOMEM;
	/*
	 * Room for a window of answers: an ACK and maybe a GET reply each,
	 * about 1 KiB of buffer accounting apiece.
	 */
	if (p.window > 1)
		raise_rcvbuf(s, (int)p.window * 2 * 1024);
	for (;;) {
		built = p.next;
		n = (ssize_t)nlpipe_fill(&p, out, size);
		/* One datagram: the kernel runs its requests in order, or none. */
		if (n && mnl_socket_sendto(s->nl, out, (size_t)n) < 0) {
			ret = -errno;
			p.next = built;
			break;
		}
		if (!nlpipe_in_flight(&p))
			break;
		ret = recv_answers(s, &p);
		if (ret < 0)
			break;
	}
	s->seq += (uint32_t)p.next;
	*in_flight = nlpipe_in_flight(&p);
	free(out);
	return ret;
}

int genl_subscribe(struct genl_sock *s)
{
	int group = (int)s->group;

	if (!s->group)
		return -ENOENT;
	if (mnl_socket_setsockopt(s->nl, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0)
		return -errno;
	raise_rcvbuf(s, GENL_NTF_RCVBUF);
	return mnl_socket_get_fd(s->nl);
}

int genl_ntf_feed(const struct genl_sock *s, const void *buf, size_t len,
		   genl_cb_t cb, void *data)
{
	const struct nlmsghdr *nlh;
	int rest, ret;

	if (len > INT32_MAX || !genlmsg_datagram_ok(buf, len))
		return -EBADMSG;
	rest = (int)len;
	for (nlh = buf; mnl_nlmsg_ok(nlh, rest);
	     nlh = mnl_nlmsg_next(nlh, &rest)) {
		if (nlh->nlmsg_type != s->family)
			continue;
		ret = cb(nlh, data);
		if (ret < 0)
			return ret;
	}
	return 0;
}

int genl_recv_ntf(struct genl_sock *s, genl_cb_t cb, void *data)
{
	struct sockaddr_nl from;
	socklen_t len;
	unsigned int i;
	int flags = 0, ret;
	ssize_t n;

	for (i = 0; i < GENL_NTF_DRAIN_MAX; i++) {
		memset(&from, 0, sizeof(from));
		len = sizeof(from);
		n = recvfrom(mnl_socket_get_fd(s->nl), s->buf, s->bufsize,
			     MSG_DONTWAIT, (struct sockaddr *)&from, &len);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		/*
		 * The kernel says so before what is queued: that, and what
		 * comes once it is all read (the gap is there), go to the
		 * next call, the loss known to the caller by then.
		 */
		if (n < 0 && errno == ENOBUFS)
			return flags | GENL_NTF_LOST;
		if (n < 0)
			return -errno;
		/*
		 * Only the kernel's (port 0): genl_open() keeps out another
		 * process's unicast, not what it sends to the group.
		 */
		if (from.nl_pid)
			continue;
		ret = genl_ntf_feed(s, s->buf, (size_t)n, cb, data);
		if (ret == -EBADMSG)
			flags |= GENL_NTF_BAD;
		else if (ret < 0)
			return ret;
	}
	return flags | (i ? 0 : GENL_NTF_EMPTY) |
	       (i == GENL_NTF_DRAIN_MAX ? GENL_NTF_FULL : 0);
}

struct family_req {
	struct genl_sock *s;
	const char *group;
};

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct family_req *f = data;

	return genlmsg_parse_family(nlh, &f->s->family, f->group,
				    &f->s->group) < 0 ? -EBADMSG : 0;
}

int genl_open(struct genl_sock *s, const char *family, const char *group)
{
	static const struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct family_req f = { s, group };
	char req[GENL_REQ_MAX];
	int one = 1, ret;

	memset(s, 0, sizeof(*s));
	s->bufsize = GENL_BUFSIZE;
	s->buf = malloc(s->bufsize);
	if (!s->buf)
		return -ENOMEM;
	s->nl = mnl_socket_open2(NETLINK_GENERIC, SOCK_CLOEXEC);
	/*
	 * Connected to the kernel (port 0), the socket takes no unicast
	 * from anyone else: a process with CAP_NET_ADMIN in the namespace
	 * (a container's root, under -n) cannot slip in a forged answer.
	 */
	if (!s->nl || mnl_socket_bind(s->nl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    connect(mnl_socket_get_fd(s->nl), (struct sockaddr *)&kernel,
		    sizeof(kernel)) < 0) {
		ret = -errno;
		goto fail;
	}
	/* Best effort: older kernels lack them and work without. */
	mnl_socket_setsockopt(s->nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(s->nl, NETLINK_CAP_ACK, &one, sizeof(one));
	s->portid = mnl_socket_get_portid(s->nl);
	/*
	 * The socket is new and ours alone, so no stale answer can arrive:
	 * sequence numbers start at 1.
	 */
	ret = genl_talk(s, genlmsg_build_getfamily(req, 0, family), family_cb,
			&f);
	if (!ret)
		return 0;
	if (ret == -ENOENT)
		ret = -EPROTONOSUPPORT;
fail:
	genl_close(s);
	return ret;
}

void genl_close(struct genl_sock *s)
{
	if (s->nl)
		mnl_socket_close(s->nl);
	free(s->buf);
	s->nl = NULL;
	s->buf = NULL;
}
