// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the request pipeline: the window, seq numbers and
 * NLM_F_ACK on what it builds, and the matching of ACKs, errors (a real
 * kernel capture with extack) and GET replies to their requests.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <libmnl/libmnl.h>

#include "ethnl.h"
#include "capture.h"
#include "check_main.h"
#include "nlpipe.h"

#define FAMILY	21
#define PORTID	4242
#define SEQ0	0xfffffffeu	/* the seq wraps in the middle of the tests */

struct rec {
	size_t nreq;		/* requests build may make */
	size_t built;
	size_t ndone;
	size_t done_i[64];
	int done_err[64];
	char done_extack[64][GENL_EXTACK_MAX];
	size_t nreply;
	size_t reply_i[64];
	int stop_at;		/* done returns 1 for this request, -1: never */
	int abort_at;		/* done returns -EIO for this request */
	uint64_t gets;		/* bit i: request i is a GET, not a SET */
};

static struct nlmsghdr *build(void *buf, size_t i, void *data)
{
	struct rec *r = data;

	if (i >= r->nreq)
		return NULL;
	ck_assert_uint_eq(i, r->built);
	r->built++;
	if (i < 64 && (r->gets >> i & 1))
		return ethnl_build_debug_get(buf, FAMILY, 0, "tap0");
	return ethnl_build_debug_set(buf, FAMILY, 0, "tap0", 0, 1, 1, false);
}

static int reply(size_t i, const struct nlmsghdr *nlh, void *data)
{
	struct rec *r = data;

	ck_assert_uint_eq(nlh->nlmsg_type, FAMILY);
	r->reply_i[r->nreply++] = i;
	return 0;
}

static int done(size_t i, int error, const char *extack, void *data)
{
	struct rec *r = data;

	r->done_i[r->ndone] = i;
	r->done_err[r->ndone] = error;
	snprintf(r->done_extack[r->ndone], GENL_EXTACK_MAX, "%s", extack);
	r->ndone++;
	if ((int)i == r->abort_at)
		return -EIO;
	return (int)i == r->stop_at ? 1 : 0;
}

static const struct nlpipe_ops ops = { build, reply, done };

static char out[16 * GENL_REQ_MAX];
static unsigned char in[8192];

/* An ACK (error 0) or error for @seq, as the kernel sends with CAP_ACK. */
static size_t put_ack(unsigned char *p, uint32_t seq, int error)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)p;
	struct nlmsgerr *e;

	memset(p, 0, 36);
	nlh->nlmsg_len = 36;
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED;
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_pid = PORTID;
	e = mnl_nlmsg_get_payload(nlh);
	e->error = error;
	e->msg.nlmsg_len = 60;
	e->msg.nlmsg_type = FAMILY;
	e->msg.nlmsg_seq = seq;
	return 36;
}

/* A real capture from tests/capture/, with its seq and portid changed. */
static size_t put_capture(unsigned char *p, const char *name, uint32_t seq)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)p;
	size_t n = capture_load(name, p, 4096);

	nlh->nlmsg_seq = seq;
	nlh->nlmsg_pid = PORTID;
	return n;
}

static void setup(struct nlpipe *p, struct rec *r, unsigned int window,
		  size_t nreq)
{
	memset(r, 0, sizeof(*r));
	r->nreq = nreq;
	r->stop_at = -1;
	r->abort_at = -1;
	nlpipe_init(p, window, SEQ0, PORTID, &ops, r);
}

/* The requests in @len bytes of out: count them and check seq and flags. */
static size_t check_sent(size_t len, size_t first)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)out;
	int rest = (int)len;
	size_t n = 0;

	while (mnl_nlmsg_ok(nlh, rest)) {
		ck_assert_uint_eq(nlh->nlmsg_seq, SEQ0 + (uint32_t)(first + n));
		ck_assert(nlh->nlmsg_flags & NLM_F_ACK);
		ck_assert(nlh->nlmsg_flags & NLM_F_REQUEST);
		n++;
		nlh = mnl_nlmsg_next(nlh, &rest);
	}
	ck_assert_int_eq(rest, 0);
	return n;
}

START_TEST(test_window)
{
	struct nlpipe p;
	struct rec r;
	size_t len;

	setup(&p, &r, 4, 10);
	len = nlpipe_fill(&p, out, sizeof(out));
	ck_assert_uint_eq(check_sent(len, 0), 4);
	ck_assert_uint_eq(nlpipe_in_flight(&p), 4);
	/* Full window: nothing more until answers come. */
	ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0, 0)), 0);
	/* 3 in flight is more than half the window: still wait. */
	ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0 + 1, 0)), 0);
	len = nlpipe_fill(&p, out, sizeof(out));
	ck_assert_uint_eq(check_sent(len, 4), 2);
	ck_assert_uint_eq(r.ndone, 2);
	ck_assert_uint_eq(r.done_i[0], 0);
	ck_assert_uint_eq(r.done_i[1], 1);
	ck_assert(!p.no_more || nlpipe_in_flight(&p));
}
END_TEST

START_TEST(test_window_one)
{
	struct nlpipe p;
	struct rec r;
	size_t i;

	setup(&p, &r, 1, 3);
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, sizeof(out)), i), 1);
		ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
		ck_assert_int_eq(nlpipe_feed(&p, in,
					     put_ack(in, SEQ0 + (uint32_t)i, 0)), 0);
	}
	ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
	ck_assert(p.no_more && !nlpipe_in_flight(&p));
	ck_assert_uint_eq(r.ndone, 3);
}
END_TEST

/* A window of 0 is one request at a time; one past the limit is the limit. */
START_TEST(test_window_limits)
{
	struct nlpipe p;
	struct rec r;

	setup(&p, &r, 0, 3);
	ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, sizeof(out)), 0), 1);
	ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
	setup(&p, &r, NLPIPE_WINDOW_MAX + 1, 3);
	ck_assert_uint_eq(p.window, NLPIPE_WINDOW_MAX);
	setup(&p, &r, NLPIPE_WINDOW_MAX - 1, 3);
	ck_assert_uint_eq(p.window, NLPIPE_WINDOW_MAX - 1);
}
END_TEST

START_TEST(test_small_buffer)
{
	struct nlpipe p;
	struct rec r;

	/*
	 * The buffer, not the window, limits the group: every request needs
	 * GENL_REQ_MAX bytes of room where it starts.
	 */
	setup(&p, &r, 64, 100);
	ck_assert_uint_eq(nlpipe_fill(&p, out, GENL_REQ_MAX - 1), 0);
	ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, GENL_REQ_MAX), 0), 1);
	ck_assert_uint_eq(r.built, 1);
}
END_TEST

START_TEST(test_many_in_one_datagram)
{
	struct nlpipe p;
	struct rec r;
	size_t len = 0;

	setup(&p, &r, 8, 4);
	ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, sizeof(out)), 0), 4);
	ck_assert(p.no_more);
	len += put_ack(in + len, SEQ0, 0);
	len += put_capture(in + len, "err_nodev", SEQ0 + 1);
	len += put_ack(in + len, SEQ0 + 2, -EOPNOTSUPP);
	len += put_ack(in + len, SEQ0 + 3, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	ck_assert(p.no_more && !nlpipe_in_flight(&p));
	ck_assert_uint_eq(r.ndone, 4);
	ck_assert_int_eq(r.done_err[0], 0);
	ck_assert_int_eq(r.done_err[1], -ENODEV);
	ck_assert_str_eq(r.done_extack[1], "no device matches name");
	ck_assert_int_eq(r.done_err[2], -EOPNOTSUPP);
	ck_assert_str_eq(r.done_extack[2], "");
	ck_assert_int_eq(r.done_err[3], 0);
	ck_assert_uint_eq(r.done_i[3], 3);
}
END_TEST

START_TEST(test_reply_then_ack)
{
	struct nlpipe p;
	struct rec r;
	size_t len = 0;

	setup(&p, &r, 4, 2);
	nlpipe_fill(&p, out, sizeof(out));
	/* A GET with NLM_F_ACK: its reply, then its ACK, each its own datagram. */
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "get_compact", SEQ0)), 0);
	ck_assert_uint_eq(r.nreply, 1);
	ck_assert_uint_eq(r.reply_i[0], 0);
	ck_assert_uint_eq(r.ndone, 0);
	len = put_ack(in, SEQ0, 0);
	len += put_capture(in + len, "get_compact", SEQ0 + 1);
	len += put_ack(in + len, SEQ0 + 1, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	ck_assert_uint_eq(r.nreply, 2);
	ck_assert_uint_eq(r.reply_i[1], 1);
	ck_assert_uint_eq(r.ndone, 2);
	ck_assert(p.no_more && !nlpipe_in_flight(&p));
}
END_TEST

/*
 * A GET (no NLM_F_ACK from its builder) must have its reply before its
 * ACK: an ACK alone is no result.  A SET's ACK alone is its result.
 */
START_TEST(test_get_ack_alone)
{
	struct nlpipe p;
	struct rec r;
	size_t len;

	setup(&p, &r, 8, 4);
	r.gets = 0x7;		/* GET, GET, GET, SET */
	ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, sizeof(out)), 0), 4);
	len = put_capture(in, "get_compact", SEQ0);
	len += put_ack(in + len, SEQ0, 0);
	len += put_ack(in + len, SEQ0 + 1, 0);
	len += put_ack(in + len, SEQ0 + 2, -ENODEV);
	len += put_ack(in + len, SEQ0 + 3, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	ck_assert_uint_eq(r.nreply, 1);
	ck_assert_uint_eq(r.ndone, 4);
	ck_assert_int_eq(r.done_err[0], 0);
	ck_assert_int_eq(r.done_err[1], -EBADMSG);
	ck_assert_int_eq(r.done_err[2], -ENODEV);
	ck_assert_int_eq(r.done_err[3], 0);
	ck_assert(!nlpipe_in_flight(&p));
}
END_TEST

/*
 * Errors in the middle of a window of GETs, each answer a datagram of its
 * own as the kernel sends them: a failed GET has no reply, and the reply
 * after it belongs to the next request, not to the failed one.
 */
START_TEST(test_error_mid_window)
{
	struct nlpipe p;
	struct rec r;

	setup(&p, &r, 8, 5);
	ck_assert_uint_eq(check_sent(nlpipe_fill(&p, out, sizeof(out)), 0), 5);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "get_compact", SEQ0)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0, 0)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "err_nodev", SEQ0 + 1)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "err_range", SEQ0 + 2)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "get_compact", SEQ0 + 3)), 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0 + 3, 0)), 0);
	/* The reply of request 1 cannot come after its error. */
	ck_assert_int_eq(nlpipe_feed(&p, in, put_capture(in, "get_compact", SEQ0 + 1)),
			 -EPROTO);
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0 + 4, -EBUSY)), 0);
	ck_assert(p.no_more && !nlpipe_in_flight(&p));
	ck_assert_uint_eq(r.nreply, 2);
	ck_assert_uint_eq(r.reply_i[0], 0);
	ck_assert_uint_eq(r.reply_i[1], 3);
	ck_assert_uint_eq(r.ndone, 5);
	ck_assert_int_eq(r.done_err[0], 0);
	ck_assert_int_eq(r.done_err[1], -ENODEV);
	ck_assert_str_eq(r.done_extack[1], "no device matches name");
	ck_assert_int_eq(r.done_err[2], -EINVAL);
	ck_assert_str_eq(r.done_extack[2],
			 "cannot modify bits past kernel bitset size");
	ck_assert_int_eq(r.done_err[3], 0);
	ck_assert_str_eq(r.done_extack[3], "");
	ck_assert_int_eq(r.done_err[4], -EBUSY);
	ck_assert_uint_eq(r.done_i[4], 4);
}
END_TEST

START_TEST(test_stop)
{
	struct nlpipe p;
	struct rec r;
	size_t len = 0;

	setup(&p, &r, 4, 10);
	r.stop_at = 1;
	nlpipe_fill(&p, out, sizeof(out));
	len += put_ack(in + len, SEQ0, 0);
	len += put_ack(in + len, SEQ0 + 1, -ENODEV);
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	/* Nothing more is sent, but what was sent is still answered. */
	ck_assert_uint_eq(nlpipe_fill(&p, out, sizeof(out)), 0);
	ck_assert(!p.no_more || nlpipe_in_flight(&p));
	len = put_ack(in, SEQ0 + 2, 0);
	len += put_ack(in + len, SEQ0 + 3, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	ck_assert(p.no_more && !nlpipe_in_flight(&p));
	ck_assert_uint_eq(r.built, 4);
	ck_assert_uint_eq(r.ndone, 4);
}
END_TEST

START_TEST(test_abort)
{
	struct nlpipe p;
	struct rec r;

	setup(&p, &r, 4, 10);
	r.abort_at = 0;
	nlpipe_fill(&p, out, sizeof(out));
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0, 0)), -EIO);
}
END_TEST

START_TEST(test_unexpected)
{
	struct nlpipe p;
	struct rec r;
	struct nlmsghdr *nlh = (struct nlmsghdr *)in;
	size_t len;

	setup(&p, &r, 4, 10);
	/* Nothing sent yet: no answer can be expected. */
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0, 0)), -EPROTO);
	nlpipe_fill(&p, out, sizeof(out));
	/* Out of order: the answer to request 1 before that to request 0. */
	ck_assert_int_eq(nlpipe_feed(&p, in, put_ack(in, SEQ0 + 1, 0)), -EPROTO);
	/* Not for our socket. */
	len = put_ack(in, SEQ0, 0);
	nlh->nlmsg_pid = PORTID + 1;
	ck_assert_int_eq(nlpipe_feed(&p, in, len), -EPROTO);
	/* Cut short. */
	len = put_ack(in, SEQ0, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, len - 4), -EBADMSG);
	/* A control message type that is neither an answer nor data. */
	len = put_ack(in, SEQ0, 0);
	nlh->nlmsg_type = 0x5;
	ck_assert_int_eq(nlpipe_feed(&p, in, len), -EBADMSG);
	ck_assert_uint_eq(r.ndone, 0);
	/* An NLMSG_ERROR with its error code but no request header after it. */
	put_ack(in, SEQ0, 0);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 4;
	ck_assert_int_eq(nlpipe_feed(&p, in, nlh->nlmsg_len), -EBADMSG);
	ck_assert_uint_eq(r.ndone, 0);
	/* NOOP messages are skipped. */
	len = put_ack(in, SEQ0, 0);
	nlh->nlmsg_type = NLMSG_NOOP;
	ck_assert_int_eq(nlpipe_feed(&p, in, len), 0);
	ck_assert_uint_eq(r.ndone, 0);
	/* A length past INT32_MAX: refused before a byte of it is read. */
	put_ack(in, SEQ0, 0);
	ck_assert_int_eq(nlpipe_feed(&p, in, (size_t)INT32_MAX + 1), -EINVAL);
	ck_assert_uint_eq(r.ndone, 0);
}
END_TEST

static Suite *nlpipe_suite(void)
{
	Suite *s = suite_create("nlpipe");
	TCase *tc = tcase_create("nlpipe");

	tcase_add_test(tc, test_window);
	tcase_add_test(tc, test_window_one);
	tcase_add_test(tc, test_window_limits);
	tcase_add_test(tc, test_small_buffer);
	tcase_add_test(tc, test_many_in_one_datagram);
	tcase_add_test(tc, test_reply_then_ack);
	tcase_add_test(tc, test_get_ack_alone);
	tcase_add_test(tc, test_error_mid_window);
	tcase_add_test(tc, test_stop);
	tcase_add_test(tc, test_abort);
	tcase_add_test(tc, test_unexpected);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(nlpipe_suite)
