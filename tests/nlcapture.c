// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * nlcapture: record the kernel's raw replies to the requests netifmsg
 * makes, one datagram per file, for the unit tests' canned replies and
 * the fuzzers' seed corpus.  Run as root inside a throwaway namespace
 * with a tap device:  nlcapture OUTDIR tap0
 * It changes tap0's message level.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool_netlink.h>

#include "ethnl.h"
#include "genlmsg.h"

static struct mnl_socket *nl;
static char buf[65536];
static const char *outdir;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Receive one datagram and write it to OUTDIR/NAME.bin. */
static void save(const char *name)
{
	char path[4096];
	ssize_t n;
	FILE *f;

	/* Skip quietly if the kernel sent nothing more (e.g. DONE came along). */
	n = recv(mnl_socket_get_fd(nl), buf, sizeof(buf), MSG_DONTWAIT);
	if (n < 0 && errno == EAGAIN) {
		usleep(200000);
		n = recv(mnl_socket_get_fd(nl), buf, sizeof(buf), MSG_DONTWAIT);
	}
	if (n < 0 && errno == EAGAIN) {
		printf("%s: nothing\n", name);
		return;
	}
	if (n < 0)
		die("recv");
	snprintf(path, sizeof(path), "%s/%s.bin", outdir, name);
	f = fopen(path, "w");
	if (!f || fwrite(buf, 1, (size_t)n, f) != (size_t)n || fclose(f))
		die(path);
	printf("%s: %zd bytes\n", path, n);
}

static void send_req(struct nlmsghdr *nlh)
{
	static uint32_t seq = 1000;

	nlh->nlmsg_seq = ++seq;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		die("send");
}

/* Find the u32 ETHTOOL_A_HEADER_FLAGS in a request we built and clear it. */
static struct nlmsghdr *clear_flags(struct nlmsghdr *nlh)
{
	struct nlattr *a, *h;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETHTOOL_A_DEBUG_HEADER)
			mnl_attr_for_each_nested(h, a)
				if (mnl_attr_get_type(h) == ETHTOOL_A_HEADER_FLAGS)
					*(uint32_t *)mnl_attr_get_payload(h) = 0;
	return nlh;
}

int main(int argc, char **argv)
{
	char req[1024];
	uint16_t family;
	uint32_t grp;
	const char *dev;
	int one = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: nlcapture OUTDIR IFACE\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	outdir = argv[1];
	dev = argv[2];
	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		die("socket");
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));

	send_req(genlmsg_build_getfamily(req, 0, ETHNL_FAMILY));
	save("family");
	if (genlmsg_parse_family((struct nlmsghdr *)buf, &family,
				 ETHNL_MONITOR_GROUP, &grp) < 0)
		die("family");

	send_req(ethnl_build_debug_set(req, family, 0, dev, 0, 0x5, 0, true));
	save("ack");
	send_req(ethnl_build_debug_get(req, family, 0, dev));
	save("get_compact");
	send_req(clear_flags(ethnl_build_debug_get(req, family, 0, dev)));
	save("get_verbose");
	send_req(ethnl_build_debug_get(req, family, 0, NULL));
	save("dump");		/* NLMSG_DONE rides in the same datagram */
	send_req(ethnl_build_debug_get(req, family, 0, "nosuch0"));
	save("err_nodev");
	send_req(ethnl_build_debug_get(req, family, 0, "lo"));
	save("err_notsupp");
	send_req(ethnl_build_debug_set(req, family, 0, dev, 0, 0x8000, 0x8000,
				       false));
	save("err_range");
	send_req(ethnl_build_strset_classes(req, family, 0));
	save("strset");

	/* A notification: subscribe, then change the mask. */
	if (mnl_socket_setsockopt(nl, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		die("membership");
	send_req(ethnl_build_debug_set(req, family, 0, dev, 0, 0x2, 0x6, false));
	save("ntf");		/* the notification comes before the ACK */
	save("ack_relative");
	return 0;
}
