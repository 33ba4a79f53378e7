// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The backend over ethtool generic netlink: DEBUG_GET (one or a dump),
 * DEBUG_SET with a value+mask bitset the kernel applies atomically,
 * STRSET_GET for the kernel's class names, and DEBUG_NTF notifications
 * of the "monitor" group.  One socket, one family lookup.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "ethnl.h"
#include "genl.h"

/*
 * A test-only build (tests/Makefile.am) names a family the kernel lacks,
 * to run the fallback to the ioctl on a kernel that has ethtool netlink.
 */
#ifndef BACKEND_NL_FAMILY
#define BACKEND_NL_FAMILY	ETHNL_FAMILY
#endif

struct nl_priv {
	struct genl_sock s;
	bool busy;		/* in a dump or a pipeline */
	bool watching;		/* subscribed: notifications come any time */
	int ioc_fd;		/* for the driver's name; -1 until needed */
};

static struct genl_sock *sock_of(struct backend *b)
{
	return &((struct nl_priv *)b->priv)->s;
}

static int state_cb(const struct nlmsghdr *nlh, void *data)
{
	return ethnl_parse_debug(nlh, data) < 0 ? -EBADMSG : 0;
}

struct dump_ctx {
	bstate_cb_t cb;
	void *data;
	bool bad;		/* a malformed notification was skipped */
};

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *d = data;
	struct ifstate st = { 0 };

	if (ethnl_parse_debug(nlh, &st) < 0)
		return -EBADMSG;
	return d->cb(&st, d->data);
}

/*
 * genl_talk() on the backend's socket, or on a socket of its own when
 * that one is in use: a monitor's gets notifications between the
 * replies, and a dump or a pipeline may need the class names halfway.
 * The family's id, which @nlh carries, is the same on both.
 */
static int talk(struct backend *b, struct nlmsghdr *nlh, genl_cb_t cb,
		void *data)
{
	struct nl_priv *p = b->priv;
	struct genl_sock tmp, *s = &p->s;
	bool busy = p->busy;
	int ret;

	b->extack[0] = '\0';	/* a failed open has no kernel message */
	if (p->busy || p->watching) {
		ret = genl_open(&tmp, BACKEND_NL_FAMILY, NULL);
		if (ret < 0)
			return ret;
		s = &tmp;
	}
	p->busy = true;
	ret = genl_talk(s, nlh, cb, data);
	/* The kernel's message for the caller, before @tmp goes. */
	if (ret < 0)
		memcpy(b->extack, s->extack, sizeof(b->extack));
	p->busy = busy;
	if (s == &tmp)
		genl_close(&tmp);
	return ret;
}

static int nl_get(struct backend *b, const char *ifname, struct ifstate *st)
{
	char req[GENL_REQ_MAX];

	memset(st, 0, sizeof(*st));
	return talk(b, ethnl_build_debug_get(req, sock_of(b)->family, 0, ifname),
		    state_cb, st);
}

static int nl_dump(struct backend *b, bstate_cb_t cb, void *data)
{
	struct dump_ctx d = { cb, data, false };
	char req[GENL_REQ_MAX];

	return talk(b, ethnl_build_debug_get(req, sock_of(b)->family, 0, NULL),
		    dump_cb, &d);
}

struct run_ctx {
	struct backend *b;
	struct breq *r;
	size_t n;
	breq_done_t done;
	void *data;
	bool unbuilt;	/* a request could not be built: the run ended */
};

static struct nlmsghdr *run_build(void *buf, size_t i, void *data)
{
	struct run_ctx *c = data;
	uint16_t family = sock_of(c->b)->family;
	struct nlmsghdr *nlh;
	struct breq *r;

	if (i >= c->n)
		return NULL;
	r = &c->r[i];
	if (!r->set)
		nlh = ethnl_build_debug_get(buf, family, 0, r->ifname);
	else
		nlh = ethnl_build_debug_set(buf, family, 0, r->ifname,
					    r->ifindex, r->value, r->mask,
					    r->replace);
	/* NULL also ends the pipeline: the run must not look complete. */
	c->unbuilt |= !nlh;
	return nlh;
}

static int run_reply(size_t i, const struct nlmsghdr *nlh, void *data)
{
	struct run_ctx *c = data;

	return c->r[i].set ? 0 : state_cb(nlh, &c->r[i].st);
}

static int run_done(size_t i, int error, const char *extack, void *data)
{
	struct run_ctx *c = data;

	c->r[i].err = error;
	return c->done(&c->r[i], extack, c->data);
}

static const struct nlpipe_ops run_ops = {
	.build = run_build,
	.reply = run_reply,
	.done = run_done,
};

static int nl_run(struct backend *b, struct breq *r, size_t n,
		  unsigned int window, breq_done_t done, void *data)
{
	struct nl_priv *p = b->priv;
	struct run_ctx c = { b, r, n, done, data, false };
	size_t i;
	int ret;

	for (i = 0; i < n; i++) {
		memset(&r[i].st, 0, sizeof(r[i].st));
		r[i].err = 0;
	}
	/* A run that breaks off has no kernel message: done has each one. */
	b->extack[0] = '\0';
	/* One request: the plain exchange, as cheap as it gets. */
	if (n == 1 && r->set) {
		char req[GENL_REQ_MAX];

		ret = genl_talk(&p->s, run_build(req, 0, &c), NULL, NULL);
		/*
		 * No answer: the run broke off, the set unsent (the send
		 * failed) or of unknown result (a receive failed).
		 */
		b->in_flight = p->s.sent && !p->s.answered;
		if (ret < 0 && !p->s.answered)
			return ret;
		ret = run_done(0, ret, p->s.extack, &c);
		return ret < 0 ? ret : 0;
	}
	p->busy = true;
	ret = genl_pipeline(&p->s, window, &run_ops, &c, &b->in_flight);
	p->busy = false;
	/* As genl_talk() says of a request it cannot build. */
	return ret < 0 || !c.unbuilt ? ret : -EINVAL;
}

static int names_cb(const struct nlmsghdr *nlh, void *data)
{
	return ethnl_parse_strset_classes(nlh, data);
}

static int nl_names(struct backend *b, struct classnames *cn)
{
	struct strset_names names = { 0 };
	char req[GENL_REQ_MAX];
	unsigned int bit;
	int ret;

	ret = talk(b, ethnl_build_strset_classes(req, sock_of(b)->family, 0),
		   names_cb, &names);
	if (ret < 0)
		return ret;
	for (bit = 0; bit < 32; bit++)
		if (names.have & (UINT32_C(1) << bit))
			msgclass_add_kernel_name(cn, bit, names.name[bit]);
	return 0;
}

/* The ioctl socket of the netlink backend, opened the first time. */
static int ioc_fd(struct backend *b)
{
	struct nl_priv *p = b->priv;

	if (p->ioc_fd < 0)
		p->ioc_fd = ethioc_open();
	return p->ioc_fd;
}

static int nl_driver(struct backend *b, const char *ifname,
		     unsigned int ifindex, char driver[DRIVER_NAME_MAX])
{
	int fd = ioc_fd(b);

	return fd < 0 ? fd : ethioc_driver(fd, ifname, ifindex, driver);
}

static int nl_ifname(struct backend *b, unsigned int ifindex,
		     char name[IF_NAMESIZE])
{
	int fd = ioc_fd(b);

	return fd < 0 ? fd : ethioc_ifname(fd, ifindex, name);
}

static int nl_watch(struct backend *b)
{
	struct nl_priv *p = b->priv;

	/* Notifications may come between any request and its answer now. */
	p->watching = true;
	return genl_subscribe(&p->s);
}

static int ntf_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *d = data;
	struct ifstate st = { 0 };
	int ret;

	ret = ethnl_parse_debug_ntf(nlh, &st);
	if (ret < 0)
		d->bad = true;	/* the others of the datagram still count */
	if (ret <= 0)
		return 0;
	return d->cb(&st, d->data);
}

static int nl_events(struct backend *b, bstate_cb_t cb, void *data)
{
	struct dump_ctx d = { cb, data, false };
	int ret;

	ret = genl_recv_ntf(sock_of(b), ntf_cb, &d);
	return ret < 0 ? ret : ret | (d.bad ? GENL_NTF_BAD : 0);
}

static void nl_close(struct backend *b)
{
	struct nl_priv *p = b->priv;

	genl_close(&p->s);
	if (p->ioc_fd >= 0)
		close(p->ioc_fd);
	free(p);
	b->priv = NULL;
}

static const struct backend_ops nl_ops = {
	.get = nl_get,
	.dump = nl_dump,
	.run = nl_run,
	.driver = nl_driver,
	.ifname = nl_ifname,
	.names = nl_names,
	.watch = nl_watch,
	.events = nl_events,
	.close = nl_close,
};

int backend_nl_open(struct backend *b, bool monitor)
{
	struct nl_priv *p = calloc(1, sizeof(*p));
	int ret;

	if (!p)
		return -ENOMEM;
	p->ioc_fd = -1;
	ret = genl_open(&p->s, BACKEND_NL_FAMILY,
			monitor ? ETHNL_MONITOR_GROUP : NULL);
	if (ret < 0) {
		free(p);
		return ret;
	}
	b->ops = &nl_ops;
	b->priv = p;
	/* The kernel's bitset has MSGCLASS_KERNEL_BITS bits: no more. */
	b->settable = MSGCLASS_KERNEL_MASK;
	b->name_max = ALTIFNAMSIZ - 1;
	return 0;
}
