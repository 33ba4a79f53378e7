// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over what the kernel sends: the input is one netlink
 * datagram (the seed corpus is real kernel captures made by
 * tests/nlcapture).  Every message in it goes through each reply parser
 * (ethnl_parse_debug, ethnl_parse_debug_ntf, genlmsg_parse_family,
 * genlmsg_parse_error, ethnl_parse_strset_classes with the names it
 * returns registered as kernel class names, and ethnl_parse_bitset on
 * every attribute), and the whole
 * datagram through genl's receive path (mnl_cb_run2 with netifmsg's
 * callbacks) as the reply to a plain, an ACKed and a dump request,
 * through the batch pipeline (nlpipe_feed) as the answers to requests in
 * flight, and through the monitor's notification path (genl_ntf_feed).  Results
 * must be a clean error or a sane value.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "ethnl.h"
#include "genl.h"
#include "genlmsg.h"
#include "nlpipe.h"
#include "msgclass.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


/* What the kernel can send as an error: 0 or -1..-4095. */
static int errno_ok(int err)
{
	return err <= 0 && err >= -4095;
}

static void check_state(const struct ifstate *st)
{
	size_t len = strnlen(st->ifname, sizeof(st->ifname));

	require(len > 0 && len < sizeof(st->ifname));
}

static void check_bitsets(const struct nlmsghdr *nlh)
{
	const struct nlattr *attr, *inner;
	uint32_t value;

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + MNL_ALIGN(GENL_HDRLEN))
		return;
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		ethnl_parse_bitset(attr, &value);
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
			continue;
		mnl_attr_for_each_nested(inner, attr)
			ethnl_parse_bitset(inner, &value);
	}
}

/* The kernel's class names: kept only if they read back as themselves. */
static void check_strset(const struct nlmsghdr *nlh)
{
	struct strset_names names;
	struct classnames cn;
	char buf[MSGCLASS_NAME_MAX];
	unsigned int bit;
	int ret = ethnl_parse_strset_classes(nlh, &names);

	require(ret == 0 || ret == -ENOENT || ret == -EINVAL);
	if (ret)
		return;
	classnames_init(&cn);
	for (bit = 0; bit < 32; bit++) {
		const char *name;

		if (!(names.have & (UINT32_C(1) << bit)))
			continue;
		require(strnlen(names.name[bit], MSGCLASS_NAME_MAX) <
			MSGCLASS_NAME_MAX);
		if (!msgclass_add_kernel_name(&cn, bit, names.name[bit]))
			continue;
		name = msgclass_name(&cn, bit, buf);
		require(msgclass_lookup(&cn, name, strlen(name)) == (int)bit);
	}
	/* Every bit's name, built-in, kernel or bitN, reads back. */
	for (bit = 0; bit < 32; bit++) {
		const char *name = msgclass_name(&cn, bit, buf);

		require(msgclass_lookup(&cn, name, strlen(name)) == (int)bit);
	}
	require((msgclass_named_mask(&cn) & MSGCLASS_KERNEL_MASK) ==
		MSGCLASS_KERNEL_MASK);
}

static void parse_one(const struct nlmsghdr *nlh)
{
	struct ifstate st = { 0 };
	char msg[GENL_EXTACK_MAX], small[4];
	uint16_t family;
	uint32_t group;
	int err;

	if (ethnl_parse_debug(nlh, &st) == 0)
		check_state(&st);
	memset(&st, 0, sizeof(st));
	err = ethnl_parse_debug_ntf(nlh, &st);
	require(err == 1 || err == 0 || err == -EINVAL);
	if (err == 1)
		check_state(&st);
	genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP, &group);
	genlmsg_parse_family(nlh, &family, NULL, NULL);
	if (genlmsg_parse_error(nlh, &err, msg, sizeof(msg)) == 0) {
		require(errno_ok(err));
		require(strnlen(msg, sizeof(msg)) < sizeof(msg));
	}
	if (genlmsg_parse_error(nlh, &err, small, sizeof(small)) == 0)
		require(strnlen(small, sizeof(small)) < sizeof(small));
	check_bitsets(nlh);
	check_strset(nlh);
}

static int state_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ifstate st = { 0 };
	unsigned int *count = data;

	if (ethnl_parse_debug(nlh, &st) < 0)
		return -EBADMSG;
	check_state(&st);
	(*count)++;
	return 0;
}

/* genl's receive path, for the reply to a request with @flags. */
static void feed(void *buf, size_t size, uint32_t seq, uint32_t portid,
		 uint16_t flags)
{
	struct genl_sock s = { .portid = portid };
	struct nlmsghdr req = { .nlmsg_seq = seq, .nlmsg_flags = flags };
	struct genl_reply r;
	unsigned int count = 0;
	int ret;

	genl_reply_init(&r, &s, &req, state_cb, &count);
	ret = genl_reply_feed(&r, buf, size);
	require(ret == 1 || errno_ok(ret));
	require(strnlen(s.extack, sizeof(s.extack)) < sizeof(s.extack));
	/* One reply message, no ACK: exactly that one, if it worked. */
	if (!(flags & (NLM_F_DUMP | NLM_F_ACK)))
		require(ret ? count <= 1 : count == 1);
}

/* The batch pipeline: up to 8 requests in flight, GET and SET in turn. */
struct pipe_rec {
	size_t done, replies;
	bool got;	/* request done has a reply */
};

static struct nlmsghdr *pipe_build(void *buf, size_t i, void *data)
{
	(void)data;
	if (i >= 8)
		return NULL;
	return i % 2 ? ethnl_build_debug_set(buf, 21, 0, "tap0", 0, 1, 1, false) :
		       ethnl_build_debug_get(buf, 21, 0, "tap0");
}

static int pipe_reply(size_t i, const struct nlmsghdr *nlh, void *data)
{
	struct pipe_rec *r = data;

	(void)nlh;
	require(i == r->done);
	r->replies++;
	r->got = true;
	return 0;
}

static int pipe_done(size_t i, int error, const char *extack, void *data)
{
	struct pipe_rec *r = data;

	require(i == r->done);
	require(errno_ok(error));
	require(strlen(extack) < GENL_EXTACK_MAX);
	/* A GET that worked had its reply. */
	require(i % 2 || error || r->got);
	r->got = false;
	r->done++;
	return 0;
}

static void pipeline(const void *buf, size_t size, uint32_t seq,
		     uint32_t portid)
{
	static const struct nlpipe_ops ops = { pipe_build, pipe_reply, pipe_done };
	static char out[8 * GENL_REQ_MAX];
	struct pipe_rec r = { 0 };
	struct nlpipe p;
	int ret;

	nlpipe_init(&p, 8, seq, portid, &ops, &r);
	nlpipe_fill(&p, out, sizeof(out));
	ret = nlpipe_feed(&p, buf, size);
	require(ret == 0 || errno_ok(ret));
	require(p.answered == r.done && p.answered <= p.next);
}

static void notifications(const void *buf, size_t size, uint16_t family)
{
	struct genl_sock s = { .family = family };
	unsigned int count = 0;
	int ret;

	ret = genl_ntf_feed(&s, buf, size, state_cb, &count);
	require(ret == 0 || ret == -EBADMSG);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct nlmsghdr *nlh;
	uint32_t seq = 0, portid = 0;
	void *buf;
	int len;

	if (size > 65536)
		return 0;
	/* An exact copy: reading past the datagram hits ASan's red zone. */
	buf = malloc(size ? size : 1);
	if (!buf)
		abort();
	memcpy(buf, data, size);

	/*
	 * The parsers' contract: nlmsg_len bytes and the padding are there
	 * to read (genlmsg_datagram_ok() checks that first in every receive
	 * path; mnl_nlmsg_ok() alone does not).
	 */
	len = (int)size;
	for (nlh = buf; mnl_nlmsg_ok(nlh, len) &&
	     MNL_ALIGN((size_t)nlh->nlmsg_len) <= (size_t)len;
	     nlh = mnl_nlmsg_next(nlh, &len))
		parse_one(nlh);

	/* Replies to the request the first message answers, and to another. */
	if (size >= sizeof(struct nlmsghdr)) {
		nlh = buf;
		seq = nlh->nlmsg_seq;
		portid = nlh->nlmsg_pid;
	}
	feed(buf, size, seq, portid, 0);
	feed(buf, size, seq, portid, NLM_F_ACK);
	feed(buf, size, seq, portid, NLM_F_DUMP);
	feed(buf, size, seq + 1, portid + 1, NLM_F_ACK);
	pipeline(buf, size, seq, portid);
	notifications(buf, size, size >= sizeof(struct nlmsghdr) ?
		      ((struct nlmsghdr *)buf)->nlmsg_type : 0);

	free(buf);
	return 0;
}
