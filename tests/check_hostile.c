// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Hostile or odd kernel replies, as canned bytes: through the parsers and
 * through genl's receive path (genl_reply_feed(), the code
 * genl_talk() runs on every datagram), without a socket.  Each must
 * give a clean error or the correct result.  The inputs the fuzzers
 * found are kept here as regression cases.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <check.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool_netlink.h>

#include "backend.h"
#include "check_main.h"
#include "ethioc.h"
#include "ethnl.h"
#include "nlpipe.h"
#include "genl.h"
#include "genlmsg.h"

#define FAMILY	21
#define PORT	4242
#define SEQ	1000

/* A datagram being built: messages one after the other. */
static unsigned char dg[8192] __attribute__((aligned(4)));
static size_t dglen;

static void dg_reset(void)
{
	memset(dg, 0, sizeof(dg));
	dglen = 0;
}

static struct nlmsghdr *msg_start(uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(dg + dglen);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = SEQ;
	nlh->nlmsg_pid = PORT;
	return nlh;
}

static void msg_end(struct nlmsghdr *nlh)
{
	dglen += MNL_ALIGN(nlh->nlmsg_len);
}

/* A DEBUG_GET_REPLY for @ifname with a compact @value. */
static struct nlmsghdr *put_debug(const char *ifname, uint32_t ifindex,
				  uint32_t value, uint16_t flags)
{
	struct nlmsghdr *nlh = msg_start(FAMILY, flags);
	struct genlmsghdr *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	struct nlattr *n;

	g->cmd = ETHTOOL_MSG_DEBUG_GET_REPLY;
	g->version = 1;
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);
	mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, ifindex);
	mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, ifname);
	mnl_attr_nest_end(nlh, n);
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 15);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_VALUE, sizeof(value), &value);
	mnl_attr_nest_end(nlh, n);
	msg_end(nlh);
	return nlh;
}

/* NLMSG_ERROR (an ACK if @error is 0), with extack text if @text. */
static struct nlmsghdr *put_error(int error, const char *text)
{
	struct nlmsghdr *nlh = msg_start(NLMSG_ERROR, NLM_F_CAPPED);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	e->error = error;
	e->msg.nlmsg_len = 44;
	e->msg.nlmsg_seq = SEQ;
	e->msg.nlmsg_pid = PORT;
	if (text) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, text);
	}
	msg_end(nlh);
	return nlh;
}

/* NLMSG_DONE with @code (the kernel sends 0 or -errno). */
static struct nlmsghdr *put_done(int code, const char *text)
{
	struct nlmsghdr *nlh = msg_start(NLMSG_DONE, NLM_F_MULTI);
	int *p = mnl_nlmsg_put_extra_header(nlh, sizeof(int));

	*p = code;
	if (text) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, text);
	}
	msg_end(nlh);
	return nlh;
}

/* The receive path: the states the callback saw and the result. */
struct rx {
	struct genl_sock s;
	struct genl_reply r;
	struct ifstate st[8];
	unsigned int n;
};

static int rx_cb(const struct nlmsghdr *nlh, void *data)
{
	struct rx *rx = data;

	if (rx->n >= 8 || ethnl_parse_debug(nlh, &rx->st[rx->n]) < 0)
		return -EBADMSG;
	rx->n++;
	return 0;
}

/* Start a reply to a request with @flags (seq SEQ, our port PORT). */
static void rx_start(struct rx *rx, uint16_t flags)
{
	struct nlmsghdr req = { .nlmsg_seq = SEQ, .nlmsg_flags = flags };

	memset(rx, 0, sizeof(*rx));
	rx->s.portid = PORT;
	genl_reply_init(&rx->r, &rx->s, &req, rx_cb, rx);
}

/* Feed bytes [from, to) of the datagram as one received datagram. */
static int rx_feed(struct rx *rx, size_t from, size_t to)
{
	/* An exact-size copy, as recvfrom() would leave in the buffer. */
	unsigned char *copy = malloc(to - from + 1);
	int ret;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, dg + from, to - from);
	ret = genl_reply_feed(&rx->r, copy, to - from);
	free(copy);
	return ret;
}

START_TEST(test_wrong_seq)
{
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 5, 0)->nlmsg_seq = SEQ - 1;
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EPROTO);
	ck_assert_uint_eq(rx.n, 0);
	/* an ACK for another request is not ours either */
	dg_reset();
	put_error(0, NULL)->nlmsg_seq = SEQ + 1;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EPROTO);
}
END_TEST

START_TEST(test_wrong_port)
{
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 5, 0)->nlmsg_pid = PORT + 1;
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ESRCH);
	ck_assert_uint_eq(rx.n, 0);
	dg_reset();
	put_error(-EPERM, NULL)->nlmsg_pid = PORT + 1;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ESRCH);
}
END_TEST

START_TEST(test_single_reply)
{
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 0x15, 0);
	rx_start(&rx, 0);
	ck_assert(!rx.s.answered);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), 0);
	/* the reply is the answer: no ACK comes after it */
	ck_assert(rx.s.answered);
	ck_assert_uint_eq(rx.n, 1);
	ck_assert_str_eq(rx.st[0].ifname, "tap0");
	ck_assert_uint_eq(rx.st[0].ifindex, 3);
	ck_assert_uint_eq(rx.st[0].msg_enable, 0x15);
}
END_TEST

/*
 * A GET of one interface (no NLM_F_ACK) answered by an ACK or
 * NLMSG_DONE alone has no result: not an empty state, not family 0.
 */
START_TEST(test_single_reply_without_data)
{
	struct rx rx;

	dg_reset();
	put_error(0, NULL);
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	ck_assert_uint_eq(rx.n, 0);
	dg_reset();
	put_done(0, NULL);
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	/* the kernel's error is still its own */
	dg_reset();
	put_error(-ENODEV, NULL);
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENODEV);
}
END_TEST

/*
 * A reply its callback refuses ends with no kernel message: the one left
 * on the socket by the request before is not handed on as its own.
 */
START_TEST(test_reply_init_clears_extack)
{
	struct nlmsghdr req = { .nlmsg_seq = SEQ };
	struct nlmsghdr *nlh;
	struct rx rx;

	dg_reset();
	nlh = put_debug("tap0", 3, 1, 0);
	/* its header nest claims more than the message holds */
	((struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN +
			   GENL_HDRLEN))->nla_len = 400;
	rx_start(&rx, 0);
	strcpy(rx.s.extack, "stale");
	genl_reply_init(&rx.r, &rx.s, &req, rx_cb, &rx);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	ck_assert_str_eq(rx.s.extack, "");
}
END_TEST

START_TEST(test_ack_and_errors)
{
	struct rx rx;

	dg_reset();
	put_error(0, NULL);
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), 0);
	ck_assert_str_eq(rx.s.extack, "");

	/* NLMSG_ERROR without extack */
	dg_reset();
	put_error(-EOPNOTSUPP, NULL);
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EOPNOTSUPP);
	ck_assert_str_eq(rx.s.extack, "");

	/* with extack */
	dg_reset();
	put_error(-ENODEV, "no device matches name");
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENODEV);
	ck_assert_str_eq(rx.s.extack, "no device matches name");
}
END_TEST

START_TEST(test_extack_odd)
{
	static unsigned char big[0x10100] __attribute__((aligned(4)));
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;
	struct nlattr *a;
	char text[600];
	struct rx rx;
	int error;

	/* Longer than we keep: cut and terminated. */
	memset(text, 'x', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	dg_reset();
	put_error(-EINVAL, text);
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EINVAL);
	ck_assert_uint_eq(strlen(rx.s.extack), GENL_EXTACK_MAX - 1);

	/* Without its NUL: the error stands, the text is left out. */
	dg_reset();
	nlh = put_error(-EBUSY, "busy");
	a = (struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN +
			      sizeof(struct nlmsgerr));
	((char *)mnl_attr_get_payload(a))[4] = '!';
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	ck_assert_str_eq(rx.s.extack, "");

	/* Without NLM_F_ACK_TLVS what follows is no extack: left out. */
	dg_reset();
	nlh = put_error(-EBUSY, "busy");
	nlh->nlmsg_flags &= (uint16_t)~NLM_F_ACK_TLVS;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	ck_assert_str_eq(rx.s.extack, "");

	/* An extack attribute longer than the message: ignored. */
	dg_reset();
	nlh = put_error(-EBUSY, "busy");
	a = (struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN +
			      sizeof(struct nlmsgerr));
	a->nla_len = 200;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	ck_assert_str_eq(rx.s.extack, "");

	/* Not capped: the text comes after the whole echoed request. */
	dg_reset();
	nlh = msg_start(NLMSG_ERROR, NLM_F_ACK_TLVS);
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e) + 24);
	e->error = -ENOENT;
	e->msg.nlmsg_len = 40;	/* 16 header + 24 payload echoed */
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "after the echo");
	msg_end(nlh);
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENOENT);
	ck_assert_str_eq(rx.s.extack, "after the echo");
	/* ... and an echoed length that would wrap: no text, no crash */
	e->msg.nlmsg_len = 0xfffffffe;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENOENT);
	ck_assert_str_eq(rx.s.extack, "");
	/* ... an echoed length no multiple of 4: padded, as nlmsg_append() */
	e->msg.nlmsg_len = 37;	/* 16 header + 21 payload, 3 padding bytes */
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENOENT);
	ck_assert_str_eq(rx.s.extack, "after the echo");
	/*
	 * ... even where a wrapped (32-bit) offset would find one: there the
	 * echoed header reads as an attribute 0xfffe long, then this text.
	 */
	nlh = mnl_nlmsg_put_header(big);
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_ACK_TLVS;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = -ENOENT;
	e->msg.nlmsg_len = 0xfffffffe;
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + sizeof(int) + 0x10000;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "inside the echo");
	ck_assert_int_eq(genlmsg_parse_error(nlh, &error, text, sizeof(text)), 0);
	ck_assert_int_eq(error, -ENOENT);
	ck_assert_str_eq(text, "");
}
END_TEST

/* Error codes the kernel cannot send: a malformed message, not INT_MIN. */
START_TEST(test_error_code_range)
{
	static const int bad[] = { INT_MIN, -4096, 1, INT_MAX };
	struct rx rx;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		dg_reset();
		put_error(bad[i], NULL);
		rx_start(&rx, NLM_F_ACK);
		ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
		/* no answer: a set's result is unknown, as in a pipeline */
		ck_assert(!rx.s.answered);
	}
	dg_reset();
	put_error(-4095, NULL);
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -4095);
	ck_assert(rx.s.answered);
	dg_reset();
	put_done(INT_MIN, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
}
END_TEST

START_TEST(test_done_with_error)
{
	struct rx rx;

	/* A dump that fails after two interfaces. */
	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	put_debug("tap1", 4, 2, NLM_F_MULTI);
	put_done(-EBUSY, "device busy");
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	ck_assert_uint_eq(rx.n, 2);
	ck_assert_str_eq(rx.s.extack, "device busy");

	/* Old kernels' positive code means the same. */
	dg_reset();
	put_done(EBUSY, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	/* ... down to the smallest, EPERM */
	dg_reset();
	put_done(EPERM, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EPERM);

	/* A plain DONE ends the dump with success. */
	dg_reset();
	put_done(0, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), 0);
	ck_assert_uint_eq(rx.n, 0);
}
END_TEST

/*
 * The error of a dump in pieces, on a DONE of its own after them, its
 * text after another TLV: the interfaces before it are handed on, and
 * the error and its text are the dump's result.
 */
START_TEST(test_done_error_last_datagram)
{
	struct nlmsghdr *nlh;
	size_t cut1, cut2;
	struct rx rx;
	int *code;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	cut1 = dglen;
	put_debug("tap1", 4, 2, NLM_F_MULTI);
	cut2 = dglen;
	nlh = msg_start(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS);
	code = mnl_nlmsg_put_extra_header(nlh, sizeof(*code));
	*code = -EBUSY;	/* (ENODEV would be the list changing) */
	mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, 20);
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "gone\033[2J");
	msg_end(nlh);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, cut1), 1);
	ck_assert_int_eq(rx_feed(&rx, cut1, cut2), 1);
	ck_assert_int_eq(rx_feed(&rx, cut2, dglen), -EBUSY);
	ck_assert_uint_eq(rx.n, 2);
	ck_assert_str_eq(rx.st[1].ifname, "tap1");
	/* Kept as sent: escaping is for the printing (diag.c). */
	ck_assert_str_eq(rx.s.extack, "gone\033[2J");
}
END_TEST

/*
 * A dump the kernel marks inconsistent (the interface list changed
 * between its pieces) is read to its end, every interface handed on,
 * and reported as such: not stopped at the flag with the rest queued.
 */
START_TEST(test_dump_intr)
{
	size_t cut;
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	cut = dglen;
	put_debug("tap1", 4, 2, NLM_F_MULTI | NLM_F_DUMP_INTR);
	put_debug("tap2", 5, 4, NLM_F_MULTI | NLM_F_DUMP_INTR);
	put_done(0, NULL)->nlmsg_flags |= NLM_F_DUMP_INTR;
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, cut), 1);
	ck_assert_int_eq(rx_feed(&rx, cut, dglen), -EAGAIN);
	ck_assert_uint_eq(rx.n, 3);
	ck_assert_str_eq(rx.st[2].ifname, "tap2");

	/* The flag on an early piece only: the dump is still inconsistent. */
	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI | NLM_F_DUMP_INTR);
	put_debug("tap1", 4, 2, NLM_F_MULTI);
	cut = dglen;
	put_done(0, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, cut), 1);
	ck_assert_int_eq(rx_feed(&rx, cut, dglen), -EAGAIN);
	ck_assert_uint_eq(rx.n, 2);

	/* An error of the dump itself still wins. */
	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI | NLM_F_DUMP_INTR);
	put_done(-EBUSY, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBUSY);
	ck_assert_uint_eq(rx.n, 1);
}
END_TEST

/*
 * A dump the kernel ends with ENODEV (an interface going away while it
 * ran) counts as one it marked inconsistent; a get of one gone does not.
 */
START_TEST(test_dump_enodev)
{
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	put_done(-ENODEV, "gone");
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EAGAIN);
	ck_assert_uint_eq(rx.n, 1);
	ck_assert_str_eq(rx.s.extack, "");
	/* also with nothing before it, and as an old kernel's code */
	dg_reset();
	put_done(ENODEV, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EAGAIN);
	ck_assert_uint_eq(rx.n, 0);

	dg_reset();
	put_error(-ENODEV, "no device matches name");
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENODEV);
	ck_assert_str_eq(rx.s.extack, "no device matches name");
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -ENODEV);
}
END_TEST

/* A dump of three interfaces in two datagrams, split between messages. */
START_TEST(test_multipart)
{
	size_t cut;
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	put_debug("tap1", 4, 2, NLM_F_MULTI);
	cut = dglen;
	put_debug("tap2", 5, 4, NLM_F_MULTI);
	put_done(0, NULL);
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, cut), 1);	/* more to come */
	ck_assert_uint_eq(rx.n, 2);
	ck_assert_int_eq(rx_feed(&rx, cut, dglen), 0);
	ck_assert_uint_eq(rx.n, 3);
	ck_assert_str_eq(rx.st[2].ifname, "tap2");
	ck_assert_uint_eq(rx.st[2].msg_enable, 4);
}
END_TEST

/*
 * A datagram that ends inside a message (at every odd point): a clean
 * error, never a half-parsed message or a wait for a reply that came.
 */
START_TEST(test_multipart_cut)
{
	size_t first, cut;
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	first = dglen;
	put_debug("tap1", 4, 2, NLM_F_MULTI);
	put_done(0, NULL);
	for (cut = first + 1; cut < dglen; cut++) {
		if (cut == first + MNL_ALIGN(mnl_nlmsg_get_payload_len(
				(struct nlmsghdr *)(dg + first)) + MNL_NLMSG_HDRLEN))
			continue;	/* a clean split between messages */
		rx_start(&rx, NLM_F_DUMP);
		ck_assert_msg(rx_feed(&rx, 0, cut) == -EBADMSG,
			      "datagram cut at %zu accepted", cut);
	}
}
END_TEST

/* The fuzz_reply finding: nlmsg_len of 2 GiB or more passes mnl_nlmsg_ok. */
START_TEST(test_huge_nlmsg_len)
{
	/* crash-8e63433ad05bcc2f61757683e6485d2b74cfd7ec, as found */
	static const unsigned char found[] = {
		0x00, 0x00, 0x01, 0xea, 0x03, 0x00, 0x00, 0xae,
		0x6d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3c,
		0x00, 0x00, 0xfd, 0x15, 0x00, 0x05, 0x00, 0xea,
		0x03, 0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00,
		0x02, 0x00, 0x00, 0x01, 0xea, 0x03, 0x00, 0x00,
		0xae, 0x6d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x3c, 0x00, 0x00, 0xfd, 0x15, 0x00, 0x05, 0x00,
		0xea, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	};
	struct nlmsghdr *nlh;
	struct rx rx;
	uint32_t seq, pid;

	dg_reset();
	memcpy(dg, found, sizeof(found));
	dglen = sizeof(found);
	nlh = (struct nlmsghdr *)dg;
	seq = nlh->nlmsg_seq;
	pid = nlh->nlmsg_pid;
	memset(&rx, 0, sizeof(rx));
	rx.s.portid = pid;
	{
		struct nlmsghdr req = { .nlmsg_seq = seq, .nlmsg_flags = NLM_F_ACK };

		genl_reply_init(&rx.r, &rx.s, &req, rx_cb, &rx);
	}
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);

	/*
	 * crash-a81cb6137947fc3046ccdaaff8aa0e0759eac63c: 25 bytes, one
	 * message of 25 whose attribute runs to the aligned end (28).
	 */
	{
		static const unsigned char cut[] = {
			0x19, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x30,
			0x00, 0x00, 0xae, 0x6d, 0x80, 0x11, 0x00, 0x00,
			0x6c, 0x69, 0x00, 0xf8, 0x08, 0x00, 0x02, 0x00,
			0x00,
		};

		ck_assert(!genlmsg_datagram_ok(cut, sizeof(cut)));
		dg_reset();
		memcpy(dg, cut, sizeof(cut));
		dglen = sizeof(cut);
		rx_start(&rx, NLM_F_ACK);
		rx.r.seq = 0x6dae0000;
		rx.s.portid = 0x1180;
		ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	}

	/* The same shape made by hand: an ACK claiming 2 GiB. */
	dg_reset();
	put_error(0, NULL)->nlmsg_len = 0x80000000u;
	dglen = 64;
	rx_start(&rx, NLM_F_ACK);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	/* and one claiming one byte more than the datagram */
	dg_reset();
	put_debug("tap0", 3, 1, 0)->nlmsg_len += 4;
	rx_start(&rx, 0);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	ck_assert_uint_eq(rx.n, 0);
}
END_TEST

START_TEST(test_datagram_ok)
{
	struct nlmsghdr *nlh;

	dg_reset();
	ck_assert(genlmsg_datagram_ok(dg, 0));
	put_error(0, NULL);
	ck_assert(genlmsg_datagram_ok(dg, dglen));
	/* junk after the last message: 1..15 bytes or a bad header */
	ck_assert(!genlmsg_datagram_ok(dg, dglen + 1));
	ck_assert(!genlmsg_datagram_ok(dg, dglen + 15));
	ck_assert(!genlmsg_datagram_ok(dg, dglen + 16));
	/*
	 * A message whose length is not a multiple of 4 is fine with its
	 * padding, not without: libmnl reads attributes up to the aligned
	 * end (found by fuzz_reply, crash-a81cb613...).
	 */
	nlh = (struct nlmsghdr *)dg;
	nlh->nlmsg_len -= 3;
	ck_assert(genlmsg_datagram_ok(dg, dglen));
	ck_assert(!genlmsg_datagram_ok(dg, dglen - 3));
	/* shorter than a header, or longer than the datagram */
	nlh->nlmsg_len = 15;
	ck_assert(!genlmsg_datagram_ok(dg, dglen));
	nlh->nlmsg_len = (uint32_t)dglen + 4;
	ck_assert(!genlmsg_datagram_ok(dg, dglen));
	nlh->nlmsg_len = 0xffffffffu;
	ck_assert(!genlmsg_datagram_ok(dg, dglen));
	/* A header alone (an old kernel's bare NLMSG_DONE) is whole. */
	dg_reset();
	msg_end(msg_start(NLMSG_DONE, NLM_F_MULTI));
	ck_assert_uint_eq(dglen, MNL_NLMSG_HDRLEN);
	ck_assert(genlmsg_datagram_ok(dg, dglen));
}
END_TEST

/* The batch pipeline and the monitor take datagrams the same way. */
static size_t pipe_done;

static struct nlmsghdr *pipe_build(void *buf, size_t i, void *data)
{
	(void)data;
	return i ? NULL : ethnl_build_debug_set(buf, FAMILY, 0, "tap0", 0, 1, 1,
						 false);
}

static int pipe_done_cb(size_t i, int error, const char *extack, void *data)
{
	(void)i;
	(void)error;
	(void)extack;
	(void)data;
	pipe_done++;
	return 0;
}

static int ntf_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ifstate st;

	(*(unsigned int *)data)++;
	return ethnl_parse_debug(nlh, &st) < 0 ? -EBADMSG : 0;
}

START_TEST(test_pipeline_and_monitor_huge_len)
{
	static const struct nlpipe_ops ops = { pipe_build, NULL, pipe_done_cb };
	static char out[4 * GENL_REQ_MAX];
	struct genl_sock s = { .family = FAMILY };
	struct nlmsghdr *nlh;
	unsigned int seen = 0;
	struct nlpipe p;

	/* one request in flight, answered by an ACK claiming 2 GiB */
	nlpipe_init(&p, 4, SEQ, PORT, &ops, NULL);
	ck_assert_uint_gt(nlpipe_fill(&p, out, sizeof(out)), 0);
	dg_reset();
	nlh = put_error(0, NULL);
	ck_assert_int_eq(nlpipe_feed(&p, dg, dglen), 0);
	ck_assert_uint_eq(pipe_done, 1);

	nlpipe_init(&p, 4, SEQ, PORT, &ops, NULL);
	ck_assert_uint_gt(nlpipe_fill(&p, out, sizeof(out)), 0);
	nlh->nlmsg_len = 0x80000024u;
	pipe_done = 0;
	ck_assert_int_eq(nlpipe_feed(&p, dg, dglen), -EBADMSG);
	ck_assert_uint_eq(pipe_done, 0);

	/* notifications: two good ones, then one that lies */
	dg_reset();
	put_debug("tap0", 3, 1, 0);
	put_debug("tap1", 4, 2, 0);
	ck_assert_int_eq(genl_ntf_feed(&s, dg, dglen, ntf_cb, &seen), 0);
	ck_assert_uint_eq(seen, 2);
	seen = 0;
	nlh = put_debug("tap2", 5, 4, 0);
	nlh->nlmsg_len = 0x80000000u;
	ck_assert_int_eq(genl_ntf_feed(&s, dg, dglen, ntf_cb, &seen), -EBADMSG);
	ck_assert_uint_eq(seen, 0);
	/* one its callback refuses: the feed stops there, with its error */
	dg_reset();
	put_debug("tap0", 3, 1, 0);
	nlh = put_debug("tap1", 4, 2, 0);
	((struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN +
			   GENL_HDRLEN))->nla_len = 400;
	put_debug("tap2", 5, 4, 0);
	ck_assert_int_eq(genl_ntf_feed(&s, dg, dglen, ntf_cb, &seen), -EBADMSG);
	ck_assert_uint_eq(seen, 2);
}
END_TEST

/*
 * genl_recv_ntf() reads every datagram waiting: one that lies is said
 * (GENL_NTF_BAD) only after the others are read, and a message of another
 * family is skipped; with nothing waiting it says so (GENL_NTF_EMPTY).
 * Over a datagram socket pair, as no kernel sends such things.
 */
START_TEST(test_recv_ntf_drains)
{
	static char buf[8192];
	struct genl_sock s = { .family = FAMILY, .buf = buf,
			       .bufsize = sizeof(buf) };
	unsigned int seen = 0;
	struct nlmsghdr *nlh;
	int sv[2];

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
	s.nl = mnl_socket_fdopen(sv[0]);
	ck_assert_ptr_nonnull(s.nl);
	dg_reset();
	nlh = put_debug("tap0", 3, 1, 0);
	nlh->nlmsg_len = 0x80000000u;
	ck_assert_int_eq(send(sv[1], dg, dglen, 0), (ssize_t)dglen);
	dg_reset();
	put_debug("tap1", 4, 2, 0);
	nlh = put_debug("tap2", 5, 4, 0);
	nlh->nlmsg_type = FAMILY + 1;
	put_debug("tap3", 6, 8, 0);
	ck_assert_int_eq(send(sv[1], dg, dglen, 0), (ssize_t)dglen);
	ck_assert_int_eq(genl_recv_ntf(&s, ntf_cb, &seen), GENL_NTF_BAD);
	ck_assert_uint_eq(seen, 2);
	/* Nothing is waiting now. */
	ck_assert_int_eq(genl_recv_ntf(&s, ntf_cb, &seen), GENL_NTF_EMPTY);
	ck_assert_uint_eq(seen, 2);
	ck_assert_int_eq(mnl_socket_close(s.nl), 0);
	close(sv[1]);
}
END_TEST

/* A bad message in the middle of a dump stops it with EBADMSG. */
START_TEST(test_bad_message_in_dump)
{
	struct nlmsghdr *nlh;
	struct rx rx;

	dg_reset();
	put_debug("tap0", 3, 1, NLM_F_MULTI);
	nlh = put_debug("tap1", 4, 2, NLM_F_MULTI);
	put_debug("tap2", 5, 4, NLM_F_MULTI);
	put_done(0, NULL);
	/* tap1's header nest claims more than the message holds */
	((struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN + GENL_HDRLEN))->nla_len = 400;
	rx_start(&rx, NLM_F_DUMP);
	ck_assert_int_eq(rx_feed(&rx, 0, dglen), -EBADMSG);
	ck_assert_uint_eq(rx.n, 1);
}
END_TEST

/* Attribute and nest lengths that lie, in the parser directly. */
static struct nlattr *attr_at(struct nlmsghdr *nlh, size_t off)
{
	return (struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN + GENL_HDRLEN + off);
}

START_TEST(test_lying_lengths)
{
	struct nlmsghdr *nlh;
	struct ifstate st;
	struct nlattr *hdr, *mask;

	dg_reset();
	nlh = put_debug("tap0", 3, 5, 0);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	hdr = attr_at(nlh, 0);
	mask = attr_at(nlh, hdr->nla_len);

	/* the last attribute runs past the message */
	mask->nla_len += 8;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	mask->nla_len -= 8;

	/* the name inside the header nest runs past the nest */
	dg_reset();
	nlh = put_debug("tap0", 3, 5, 0);
	hdr = attr_at(nlh, 0);
	attr_at(nlh, 4 + 8)->nla_len = 20;	/* DEV_NAME after DEV_INDEX */
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	/* VALUE inside MSGMASK runs past MSGMASK (into nothing) */
	dg_reset();
	nlh = put_debug("tap0", 3, 5, 0);
	hdr = attr_at(nlh, 0);
	mask = attr_at(nlh, hdr->nla_len);
	mask->nla_len -= 4;		/* cut VALUE's payload off the nest */
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	/* a zero-length attribute would loop forever if accepted */
	dg_reset();
	nlh = put_debug("tap0", 3, 5, 0);
	attr_at(nlh, 0)->nla_len = 0;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

/*
 * The lines of /proc/net/dev that the ioctl's list reads where netlink is
 * refused: its two headings, names right-aligned to 6 bytes or longer,
 * counters right after the colon, names of 15 bytes (the most) and of
 * characters a name may have; nothing that is not a name's line.
 */
START_TEST(test_proc_net_dev_lines)
{
	static const struct {
		const char *line;
		const char *name;	/* NULL: no name */
	} t[] = {
		{ "Inter-|   Receive                            |  Transmit\n", NULL },
		{ " face |bytes    packets errs drop fifo frame\n", NULL },
		{ "    lo:       0       0    0    0    0     0\n", "lo" },
		{ "  tap0: 1234 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "tap0" },
		{ "enp3s0f1:12345678901 7 0 0\n", "enp3s0f1" },
		{ "abcdefghijklmno: 0 0\n", "abcdefghijklmno" },
		{ "abcdefghijklmnop: 0 0\n", NULL },
		{ "  a|b: 0\n", "a|b" },
		{ "  a.b-c@d: 0", "a.b-c@d" },
		{ "      : 0 0\n", NULL },
		{ "", NULL },
		{ "\n", NULL },
		{ "   tap0\n", NULL },
		{ "\ttap0: 0\n", NULL },
	};
	char name[IF_NAMESIZE];
	size_t i;
	int ret;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(name, 'x', sizeof(name));
		ret = ethioc_dev_line(t[i].line, name);
		if (!t[i].name) {
			ck_assert_msg(ret == -EINVAL, "line %zu: %d", i, ret);
			continue;
		}
		ck_assert_int_eq(ret, (int)strlen(t[i].name));
		ck_assert_str_eq(name, t[i].name);
	}
}
END_TEST

/*
 * The list of /proc/net/dev: a name no interface has when its index is
 * asked (gone or renamed since the read) is left out and said, so that
 * the walk is done again and a renamed one found under its new name.
 */
/* ethioc_list() of @text as /proc/net/dev: lo alone; was a name dropped? */
static bool list_lo(int fd, char *text)
{
	FILE *f = fmemopen(text, strlen(text), "r");
	struct if_nameindex *list;
	bool dropped = false;

	ck_assert_ptr_nonnull(f);
	list = ethioc_list(fd, f, &dropped);
	fclose(f);
	ck_assert_ptr_nonnull(list);
	ck_assert_str_eq(list[0].if_name, "lo");
	ck_assert_uint_eq(list[0].if_index, if_nametoindex("lo"));
	ck_assert_uint_eq(list[1].if_index, 0);
	free(list);
	return dropped;
}

START_TEST(test_proc_net_dev_list)
{
	static char dev[] =
		"Inter-|   Receive\n face |bytes    packets\n"
		"netifmsg-none0: 0 0\n    lo: 0 0\n";
	static char lo_only[] = "    lo: 0 0\n";
	int fd = ethioc_open();
	bool dropped;

	ck_assert_int_ge(fd, 0);
	ck_assert(list_lo(fd, dev));
	/* every name an interface's: none dropped */
	ck_assert(!list_lo(fd, lo_only));
	/* /proc/net/dev could not be opened: no list */
	errno = ENOENT;
	ck_assert_ptr_null(ethioc_list(fd, NULL, &dropped));
	close(fd);
}
END_TEST

/*
 * More names than the first block of 64 holds: every line is kept
 * (lo each time, the only interface a test can count on).
 */
START_TEST(test_proc_net_dev_many)
{
	static char dev[130 * 8 + 1];
	struct if_nameindex *list;
	bool dropped = false;
	int fd = ethioc_open();
	size_t i;
	FILE *f;

	ck_assert_int_ge(fd, 0);
	for (i = 0; i < 130; i++)
		memcpy(dev + i * 8, "lo: 0 0\n", 8);
	f = fmemopen(dev, strlen(dev), "r");
	ck_assert_ptr_nonnull(f);
	list = ethioc_list(fd, f, &dropped);
	fclose(f);
	close(fd);
	ck_assert_ptr_nonnull(list);
	for (i = 0; i < 130; i++) {
		ck_assert_str_eq(list[i].if_name, "lo");
		ck_assert_uint_eq(list[i].if_index, if_nametoindex("lo"));
	}
	ck_assert_uint_eq(list[130].if_index, 0);
	ck_assert(!dropped);
	free(list);
}
END_TEST

/*
 * A /proc/net/dev of headings only: an empty list, its end alone, and no
 * ioctl asked (no socket needed).  Its names are none, so the copy of
 * them must not take the NULL array (UBSan: memcpy's source is nonnull).
 */
START_TEST(test_proc_net_dev_empty)
{
	static char heads[] =
		"Inter-|   Receive\n face |bytes    packets\n";
	FILE *f = fmemopen(heads, strlen(heads), "r");
	struct if_nameindex *list;
	bool dropped = false;

	ck_assert_ptr_nonnull(f);
	list = ethioc_list(-1, f, &dropped);
	fclose(f);
	ck_assert_ptr_nonnull(list);
	ck_assert_uint_eq(list[0].if_index, 0);
	ck_assert(!dropped);
	free(list);
}
END_TEST

/* An index that cannot be asked for (no socket): no list, and why. */
START_TEST(test_proc_net_dev_no_socket)
{
	static char dev[] = "    lo: 0 0\n";
	FILE *f = fmemopen(dev, strlen(dev), "r");
	bool dropped = false;

	ck_assert_ptr_nonnull(f);
	errno = 0;
	ck_assert_ptr_null(ethioc_list(-1, f, &dropped));
	ck_assert_int_eq(errno, EBADF);
	ck_assert(!dropped);
	fclose(f);
}
END_TEST

START_TEST(test_names_without_nul)
{
	struct nlmsghdr *nlh;
	struct ifstate st;
	char *name;

	dg_reset();
	nlh = put_debug("tap0", 3, 5, 0);
	/* "tap0\0" padded to 8: overwrite the NUL and the padding */
	name = (char *)mnl_attr_get_payload(attr_at(nlh, 4 + 8));
	ck_assert_str_eq(name, "tap0");
	name[4] = 'X';
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);

	/* a name that fills IFNAMSIZ exactly (no room for the NUL) */
	dg_reset();
	nlh = put_debug("abcdefghijklmnop", 3, 5, 0);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* an empty name */
	dg_reset();
	nlh = put_debug("", 3, 5, 0);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
	/* the longest good one */
	dg_reset();
	nlh = put_debug("abcdefghijklmno", 3, 5, 0);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_str_eq(st.ifname, "abcdefghijklmno");
}
END_TEST

/* A family reply whose multicast group name has no NUL. */
START_TEST(test_family_name_without_nul)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	struct nlattr *grps, *grp, *name;
	uint16_t family;
	uint32_t group = 0;

	dg_reset();
	nlh = msg_start(GENL_ID_CTRL, 0);
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_NEWFAMILY;
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAMILY);
	grps = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, 9);
	name = (struct nlattr *)mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "monitor");
	mnl_attr_nest_end(nlh, grp);
	mnl_attr_nest_end(nlh, grps);
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &group), 0);
	ck_assert_uint_eq(family, FAMILY);
	ck_assert_uint_eq(group, 9);
	/* Only the group of the name asked for. */
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, "monitors",
					      &group), 0);
	ck_assert_uint_eq(group, 0);
	((char *)mnl_attr_get_payload(name))[7] = 'X';
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &group), -EINVAL);
	/* The groups are not looked at when not asked for. */
	family = 0;
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, NULL, NULL), 0);
	ck_assert_uint_eq(family, FAMILY);
	/* a family id of the wrong size */
	((char *)mnl_attr_get_payload(name))[7] = '\0';
	((struct nlattr *)((char *)nlh + MNL_NLMSG_HDRLEN + GENL_HDRLEN))->nla_len = 5;
	ck_assert_int_eq(genlmsg_parse_family(nlh, &family, ETHNL_MONITOR_GROUP,
					      &group), -EINVAL);
}
END_TEST

/* A builder that refused its input gives NULL: nothing is sent. */
START_TEST(test_talk_null_request)
{
	struct genl_sock s = { .portid = PORT, .seq = 41, .family = FAMILY };
	char req[GENL_REQ_MAX];

	/* No socket at all: sending anything would crash. */
	strcpy(s.extack, "an earlier request's text");
	ck_assert_int_eq(genl_talk(&s, ethnl_build_debug_get(req, FAMILY, 0,
							     "a-name-far-too-long-"
							     "for-an-alternative-"
							     "name-too-which-may-"
							     "be-127-bytes-long-"
							     "no-more-than-that-"
							     "and-this-is-longer-"
							     "than-127-bytes-xxxxx"),
				   NULL, NULL), -EINVAL);
	ck_assert_str_eq(s.extack, "");
	strcpy(s.extack, "an earlier request's text");
	ck_assert_int_eq(genl_talk(&s, NULL, rx_cb, NULL), -EINVAL);
	ck_assert_str_eq(s.extack, "");
	ck_assert_uint_eq(s.seq, 41);
}
END_TEST

/* Compact bitsets of SIZE 4096 (128 words): fine if only bits 0..31. */
START_TEST(test_bitset_size_4096)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	struct nlattr *n, *val;
	uint32_t words[128] = { 0x1234 };
	struct ifstate st;

	dg_reset();
	nlh = msg_start(FAMILY, 0);
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = ETHTOOL_MSG_DEBUG_NTF;
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);
	mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, 2);
	mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, "eth0");
	mnl_attr_nest_end(nlh, n);
	n = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
	mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 4096);
	val = (struct nlattr *)mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put(nlh, ETHTOOL_A_BITSET_VALUE, sizeof(words), words);
	mnl_attr_nest_end(nlh, n);
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), 0);
	ck_assert_uint_eq(st.msg_enable, 0x1234);
	/* bit 4095 set: not something we can show */
	((uint32_t *)mnl_attr_get_payload(val))[127] = 0x80000000u;
	ck_assert_int_eq(ethnl_parse_debug(nlh, &st), -EINVAL);
}
END_TEST

/*
 * A request whose receive failed (ENOBUFS, ENOMEM) is still answered:
 * its answer, left unread on the socket, is not taken for that of the
 * next request, nor of the next pipeline.  On a real generic netlink
 * socket, asking for the nlctrl family (no privilege needed).
 */
static int seq_cb(const struct nlmsghdr *nlh, void *data)
{
	uint32_t *seq = data;

	*seq = nlh->nlmsg_seq;
	return 0;
}

static struct nlmsghdr *getfamily_build(void *buf, size_t i, void *data)
{
	(void)data;
	return i < 2 ? genlmsg_build_getfamily(buf, 0, "nlctrl") : NULL;
}

static int count_done(size_t i, int error, const char *extack, void *data)
{
	unsigned int *n = data;

	(void)i;
	(void)extack;
	*n += error ? 100 : 1;
	return 0;
}

/* Two GETFAMILY requests of "nlctrl", counted. */
static const struct nlpipe_ops getfamily_ops = {
	.build = getfamily_build,
	.done = count_done,
};

static void send_unread(struct genl_sock *s)
{
	char req[GENL_REQ_MAX];
	struct nlmsghdr *nlh = genlmsg_build_getfamily(req, ++s->seq, "nlctrl");

	ck_assert_int_ge(mnl_socket_sendto(s->nl, nlh, nlh->nlmsg_len), 0);
}

START_TEST(test_stale_answers)
{
	char req[GENL_REQ_MAX];
	struct genl_sock s;
	unsigned int done = 0;
	uint32_t seq = 0;
	size_t in_flight;

	ck_assert_int_eq(genl_open(&s, "nlctrl", NULL), 0);
	send_unread(&s);
	ck_assert_int_eq(genl_talk(&s, genlmsg_build_getfamily(req, 0, "nlctrl"),
				   seq_cb, &seq), 0);
	ck_assert_uint_eq(seq, s.seq);
	send_unread(&s);
	ck_assert_int_eq(genl_pipeline(&s, 4, &getfamily_ops, &done, &in_flight), 0);
	ck_assert_uint_eq(in_flight, 0);
	ck_assert_uint_eq(done, 2);
	genl_close(&s);
}
END_TEST

/*
 * A receive buffer that really overflowed: the kernel says ENOBUFS once,
 * then drops every new answer for the socket, with no second error,
 * until all it queued is read.  The next request (--trace reads back and
 * restores after a run that broke off) must get its answer, not wait
 * for one that never comes.  Under the test's timeout.
 */
static void overflow(struct genl_sock *s)
{
	int small = 4096, i;

	ck_assert_int_eq(setsockopt(mnl_socket_get_fd(s->nl), SOL_SOCKET,
				    SO_RCVBUF, &small, sizeof(small)), 0);
	for (i = 0; i < 64; i++)
		send_unread(s);
}

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(*(unsigned int *)data)++;
	return 0;
}

/*
 * genl_recv_ntf() stops at the loss: what is queued, before the gap, and
 * what comes after it are the next call's, so that the caller knows of
 * the loss before it reads any of them (--monitor's "was").
 */
START_TEST(test_recv_ntf_stops_at_loss)
{
	struct genl_sock s;
	unsigned int seen = 0;

	ck_assert_int_eq(genl_open(&s, "nlctrl", NULL), 0);
	overflow(&s);
	ck_assert_int_eq(genl_recv_ntf(&s, count_cb, &seen), GENL_NTF_LOST);
	ck_assert_uint_eq(seen, 0);
	ck_assert_int_eq(genl_recv_ntf(&s, count_cb, &seen), 0);
	ck_assert_uint_gt(seen, 0);
	ck_assert_uint_lt(seen, 64);
	ck_assert_int_eq(genl_recv_ntf(&s, count_cb, &seen), GENL_NTF_EMPTY);
	genl_close(&s);
}
END_TEST

START_TEST(test_overflow_then_answered)
{
	char req[GENL_REQ_MAX];
	struct genl_sock s;
	unsigned int done = 0;
	uint32_t seq = 0;
	size_t in_flight;

	ck_assert_int_eq(genl_open(&s, "nlctrl", NULL), 0);
	overflow(&s);
	ck_assert_int_eq(genl_talk(&s, genlmsg_build_getfamily(req, 0, "nlctrl"),
				   seq_cb, &seq), -ENOBUFS);
	ck_assert_int_eq(genl_talk(&s, genlmsg_build_getfamily(req, 0, "nlctrl"),
				   seq_cb, &seq), 0);
	ck_assert_uint_eq(seq, s.seq);
	/* The same after a pipeline's receive (window 1: the buffer stays). */
	overflow(&s);
	ck_assert_int_eq(genl_pipeline(&s, 1, &getfamily_ops, &done, &in_flight), -ENOBUFS);
	ck_assert_uint_eq(in_flight, 1);
	ck_assert_int_eq(genl_pipeline(&s, 1, &getfamily_ops, &done, &in_flight), 0);
	ck_assert_uint_eq(done, 2);
	ck_assert_int_eq(genl_talk(&s, genlmsg_build_getfamily(req, 0, "nlctrl"),
				   seq_cb, &seq), 0);
	ck_assert_uint_eq(seq, s.seq);
	genl_close(&s);
}
END_TEST

/* Requests of a family no kernel has: a small error answer each. */
static struct nlmsghdr *nofamily_build(void *buf, size_t i, void *data)
{
	(void)data;
	return i < 48 ? genlmsg_build_getfamily(buf, 0, "netifmsg-none") : NULL;
}

static int abort_done(size_t i, int error, const char *extack, void *data)
{
	(void)i;
	(void)error;
	(void)extack;
	(void)data;
	return -ECANCELED;
}

/*
 * A pipeline broken off at its first answer leaves the answers of the
 * others unread (more than one receive takes): the next request's seq
 * is past all it sent, so they are not taken for its answer.
 */
START_TEST(test_pipeline_broken_off)
{
	static const struct nlpipe_ops ops = {
		.build = nofamily_build,
		.done = abort_done,
	};
	char req[GENL_REQ_MAX];
	struct genl_sock s;
	uint32_t seq = 0;
	size_t in_flight;

	ck_assert_int_eq(genl_open(&s, "nlctrl", NULL), 0);
	ck_assert_int_eq(genl_pipeline(&s, 64, &ops, NULL, &in_flight),
			 -ECANCELED);
	/* all 48 went out in one datagram; the first was answered */
	ck_assert_uint_eq(in_flight, 47);
	ck_assert_int_eq(genl_talk(&s, genlmsg_build_getfamily(req, 0, "nlctrl"),
				   seq_cb, &seq), 0);
	ck_assert_uint_eq(seq, s.seq);
	genl_close(&s);
}
END_TEST

static int cancel_done(struct breq *r, const char *extack, void *data)
{
	(void)r;
	(void)extack;
	(void)data;
	return -ECANCELED;
}

/*
 * A run that breaks off has no kernel message of its own: the text of
 * an earlier failed request must not be said with its error.
 */
START_TEST(test_run_no_stale_extack)
{
	static char toolong[ALTIFNAMSIZ + 1];
	struct breq r[2] = {
		{ .ifname = "lo" }, { .ifname = "lo" },
	};
	struct backend b = { 0 };
	struct ifstate st;
	int ret;

	ret = backend_nl_open(&b, false);
	if (ret == -EPROTONOSUPPORT)
		return;		/* no ethtool netlink here */
	ck_assert_int_eq(ret, 0);
	ck_assert_int_eq(b.ops->get(&b, "netifmsg-none0", &st), -ENODEV);
	ck_assert_str_ne(b.extack, "");
	/* a pipeline its caller stopped */
	ck_assert_int_eq(b.ops->run(&b, r, 2, 4, cancel_done, NULL), -ECANCELED);
	ck_assert_str_eq(b.extack, "");

	ck_assert_int_eq(b.ops->get(&b, "netifmsg-none0", &st), -ENODEV);
	ck_assert_str_ne(b.extack, "");
	/* one set that was never sent */
	memset(toolong, 'x', ALTIFNAMSIZ);
	r[0] = (struct breq){ .ifname = toolong, .set = true };
	ck_assert_int_eq(b.ops->run(&b, r, 1, 4, cancel_done, NULL), -EINVAL);
	ck_assert_str_eq(b.extack, "");
	ck_assert_uint_eq(b.in_flight, 0);
	/* one set answered, then stopped: none in flight, as in a pipeline */
	r[0] = (struct breq){ .ifname = "netifmsg-none0", .set = true };
	ck_assert_int_eq(b.ops->run(&b, r, 1, 4, cancel_done, NULL), -ECANCELED);
	ck_assert_uint_eq(b.in_flight, 0);
	r[1] = r[0];
	ck_assert_int_eq(b.ops->run(&b, r, 2, 4, cancel_done, NULL), -ECANCELED);
	ck_assert_uint_eq(b.in_flight, 1);
	b.ops->close(&b);
}
END_TEST

static int tally_done(struct breq *r, const char *extack, void *data)
{
	(void)r;
	(void)extack;
	++*(size_t *)data;
	return 0;
}

/*
 * A request of a pipeline that cannot be built (a name too long) ends
 * the run with -EINVAL: the requests after it must not look done.
 */
START_TEST(test_run_unbuilt)
{
	static char toolong[ALTIFNAMSIZ + 1];
	struct breq r[3] = {
		{ .ifname = "lo" }, { .ifname = toolong }, { .ifname = "lo" },
	};
	struct backend b = { 0 };
	size_t done = 0;
	int ret;

	ret = backend_nl_open(&b, false);
	if (ret == -EPROTONOSUPPORT)
		return;		/* no ethtool netlink here */
	ck_assert_int_eq(ret, 0);
	memset(toolong, 'x', ALTIFNAMSIZ);
	ck_assert_int_eq(b.ops->run(&b, r, 3, 4, tally_done, &done), -EINVAL);
	ck_assert_uint_eq(done, 1);
	ck_assert_uint_eq(b.in_flight, 0);
	/* the socket is still good */
	done = 0;
	r[1].ifname = "lo";
	ck_assert_int_eq(b.ops->run(&b, r, 3, 4, tally_done, &done), 0);
	ck_assert_uint_eq(done, 3);
	b.ops->close(&b);
}
END_TEST

static Suite *hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("receive");

	tcase_add_test(tc, test_wrong_seq);
	tcase_add_test(tc, test_wrong_port);
	tcase_add_test(tc, test_single_reply);
	tcase_add_test(tc, test_reply_init_clears_extack);
	tcase_add_test(tc, test_ack_and_errors);
	tcase_add_test(tc, test_extack_odd);
	tcase_add_test(tc, test_error_code_range);
	tcase_add_test(tc, test_done_with_error);
	tcase_add_test(tc, test_done_error_last_datagram);
	tcase_add_test(tc, test_multipart);
	tcase_add_test(tc, test_dump_intr);
	tcase_add_test(tc, test_dump_enodev);
	tcase_add_test(tc, test_multipart_cut);
	tcase_add_test(tc, test_huge_nlmsg_len);
	tcase_add_test(tc, test_datagram_ok);
	tcase_add_test(tc, test_pipeline_and_monitor_huge_len);
	tcase_add_test(tc, test_recv_ntf_drains);
	tcase_add_test(tc, test_bad_message_in_dump);
	tcase_add_test(tc, test_talk_null_request);
	tcase_add_test(tc, test_run_no_stale_extack);
	tcase_add_test(tc, test_run_unbuilt);
	suite_add_tcase(s, tc);

	/*
	 * These talk to the running kernel's nlctrl over a real socket: the
	 * 32-bit CI stage leaves them out (CK_EXCLUDE_TAGS=kernel) where it
	 * can run i386 programs only under qemu-i386, which has no generic
	 * netlink.
	 */
	tc = tcase_create("kernel");
	tcase_set_tags(tc, "kernel");
	tcase_add_test(tc, test_stale_answers);
	tcase_add_test(tc, test_pipeline_broken_off);
	tcase_add_test(tc, test_overflow_then_answered);
	tcase_add_test(tc, test_recv_ntf_stops_at_loss);
	tcase_add_test(tc, test_proc_net_dev_list);
	tcase_add_test(tc, test_proc_net_dev_many);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_lying_lengths);
	tcase_add_test(tc, test_single_reply_without_data);
	tcase_add_test(tc, test_names_without_nul);
	tcase_add_test(tc, test_proc_net_dev_lines);
	tcase_add_test(tc, test_proc_net_dev_empty);
	tcase_add_test(tc, test_proc_net_dev_no_socket);
	tcase_add_test(tc, test_family_name_without_nul);
	tcase_add_test(tc, test_bitset_size_4096);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(hostile_suite)
