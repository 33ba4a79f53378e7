// SPDX-License-Identifier: GPL-2.0-or-later
/* The request pipeline (see nlpipe.h). */
#include <errno.h>
#include <libmnl/libmnl.h>

#include "genlmsg.h"
#include "nlpipe.h"

void nlpipe_init(struct nlpipe *p, unsigned int window, uint32_t seq0,
		 uint32_t portid, const struct nlpipe_ops *ops, void *data)
{
	*p = (struct nlpipe){
		.ops = ops,
		.data = data,
		.portid = portid,
		.seq0 = seq0,
		.window = !window ? 1 : window < NLPIPE_WINDOW_MAX ?
			  window : NLPIPE_WINDOW_MAX,
	};
}

size_t nlpipe_fill(struct nlpipe *p, void *buf, size_t size)
{
	size_t off = 0;

	if (nlpipe_in_flight(p) > p->window / 2)
		return 0;
	while (!p->no_more && nlpipe_in_flight(p) < p->window &&
	       off + GENL_REQ_MAX <= size) {
		struct nlmsghdr *nlh;

		nlh = p->ops->build((char *)buf + off, p->next, p->data);
		if (!nlh) {
			p->no_more = true;
			break;
		}
		p->single[p->next % NLPIPE_WINDOW_MAX] = genlmsg_wants_reply(nlh);
		/* Every request must end in exactly one ACK or error. */
		nlh->nlmsg_flags |= NLM_F_ACK;
		nlh->nlmsg_seq = p->seq0 + (uint32_t)p->next;
		off += MNL_ALIGN(nlh->nlmsg_len);
		p->next++;
	}
	return off;
}

static int feed_one(struct nlpipe *p, const struct nlmsghdr *nlh)
{
	char extack[GENL_EXTACK_MAX];
	int error, ret;

	if (nlh->nlmsg_type == NLMSG_NOOP || nlh->nlmsg_type == NLMSG_OVERRUN)
		return 0;
	if ((p->portid && nlh->nlmsg_pid != p->portid) ||
	    !nlpipe_in_flight(p) ||
	    nlh->nlmsg_seq != p->seq0 + (uint32_t)p->answered)
		return -EPROTO;
	if (nlh->nlmsg_type >= NLMSG_MIN_TYPE) {
		p->got = true;
		return p->ops->reply ? p->ops->reply(p->answered, nlh, p->data) : 0;
	}
	/* The final answer (NLMSG_ERROR or NLMSG_DONE) to the oldest request. */
	if (genlmsg_parse_error(nlh, &error, extack, sizeof(extack)) < 0)
		return -EBADMSG;
	/* A GET's ACK without its reply: the read has no result. */
	if (!error && !p->got && p->single[p->answered % NLPIPE_WINDOW_MAX])
		error = -EBADMSG;
	p->got = false;
	ret = p->ops->done(p->answered++, error, extack, p->data);
	if (ret > 0)
		p->no_more = true;
	return ret < 0 ? ret : 0;
}

int nlpipe_feed(struct nlpipe *p, const void *buf, size_t len)
{
	const struct nlmsghdr *nlh;
	int rest = (int)len, ret;

	if (len > INT32_MAX)
		return -EINVAL;
	/* Before any callback: mnl_nlmsg_ok() takes 2 GiB lengths. */
	if (!genlmsg_datagram_ok(buf, len))
		return -EBADMSG;
	for (nlh = buf; mnl_nlmsg_ok(nlh, rest);
	     nlh = mnl_nlmsg_next(nlh, &rest)) {
		ret = feed_one(p, nlh);
		if (ret < 0)
			return ret;
	}
	return 0;
}
