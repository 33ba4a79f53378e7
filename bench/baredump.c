// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * baredump: the reference "bare dump" for the benchmark.  It does the
 * least a program can do to read every interface's message level: open
 * a generic netlink socket, look up the ethtool family, send one
 * DEBUG_GET dump request and read the replies to NLMSG_DONE.  It parses
 * and prints nothing per interface; at the end it prints how many
 * replies it read, so the benchmark can check it saw them all.
 *
 * "baredump IFACE" is the minimal client for one interface instead: the
 * same family lookup, then one DEBUG_GET for IFACE, reply unparsed, and
 * "baredump -s IFACE" the minimal change: the family lookup, then one
 * DEBUG_SET of mask 0x3 to IFACE with its ACK.  Both print nothing: the
 * exit status says whether it worked.
 *
 * "baredump -n" returns at once: the start-up floor of any program
 * linked with libmnl (a process, the dynamic loader, libc and libmnl).
 *
 * It is written for the benchmark only (not installed, not part of
 * netifmsg) and deliberately uses nothing from src/.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/ethtool_netlink.h>

static char buf[64 * 1024];

static int family_attr_cb(const struct nlattr *attr, void *data)
{
	if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID)
		*(uint16_t *)data = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

/* The family reply is one message without an ACK: stop after it. */
static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	if (mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_attr_cb,
			   data) < 0)
		return MNL_CB_ERROR;
	return MNL_CB_STOP;
}

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	++*(unsigned long *)data;
	return MNL_CB_OK;
}

/* A GET for one interface has one reply and no ACK. */
static int one_cb(const struct nlmsghdr *nlh, void *data)
{
	count_cb(nlh, data);
	return MNL_CB_STOP;
}

/* Send @nlh and run @cb on every reply until the exchange ends. */
static int talk(struct mnl_socket *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
		void *data)
{
	unsigned int portid = mnl_socket_get_portid(nl);
	ssize_t n;
	int ret;

	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			return -1;
		ret = mnl_cb_run(buf, (size_t)n, nlh->nlmsg_seq, portid, cb,
				 data);
	} while (ret > 0);
	return ret;
}

static struct nlmsghdr *put_genl(char *req, uint16_t type, uint16_t flags,
				 uint8_t cmd, uint32_t seq)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	memset(req, 0, 256);
	nlh = mnl_nlmsg_put_header(req);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

/* The family id of "ethtool", or 0. */
static uint16_t ethtool_family(struct mnl_socket *nl)
{
	uint16_t family = 0;
	struct nlmsghdr *nlh;
	char req[256];

	nlh = put_genl(req, GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "ethtool");
	if (talk(nl, nlh, family_cb, &family) < 0)
		return 0;
	return family;
}

/* DEBUG_GET (a dump without @ifname) or DEBUG_SET of 0x3 to @ifname. */
static struct nlmsghdr *put_debug(char *req, uint16_t family, bool set,
				  const char *ifname)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint32_t value = 0x3;

	nlh = put_genl(req, family,
		       NLM_F_REQUEST | (set ? NLM_F_ACK : 0) |
		       (ifname ? 0 : NLM_F_DUMP),
		       set ? ETHTOOL_MSG_DEBUG_SET : ETHTOOL_MSG_DEBUG_GET, 2);
	nest = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_HEADER);
	if (ifname)
		mnl_attr_put_strz(nlh, ETHTOOL_A_HEADER_DEV_NAME, ifname);
	mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_FLAGS,
			 ETHTOOL_FLAG_COMPACT_BITSETS);
	mnl_attr_nest_end(nlh, nest);
	if (set) {
		nest = mnl_attr_nest_start(nlh, ETHTOOL_A_DEBUG_MSGMASK);
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_NOMASK, 0, NULL);
		mnl_attr_put_u32(nlh, ETHTOOL_A_BITSET_SIZE, 32);
		mnl_attr_put(nlh, ETHTOOL_A_BITSET_VALUE, sizeof(value), &value);
		mnl_attr_nest_end(nlh, nest);
	}
	return nlh;
}

int main(int argc, char **argv)
{
	bool set = argc > 2 && !strcmp(argv[1], "-s");
	const char *ifname = argc > 1 ? argv[set ? 2 : 1] : NULL;
	unsigned long replies = 0;
	struct mnl_socket *nl;
	uint16_t family;
	char req[256];
	int ret;

	if (ifname && !strcmp(ifname, "-n"))
		return 0;
	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("baredump: netlink socket");
		return 1;
	}
	family = ethtool_family(nl);
	if (!family) {
		perror("baredump: ethtool family");
		return 1;
	}
	ret = talk(nl, put_debug(req, family, set, ifname),
		   set ? NULL : ifname ? one_cb : count_cb, &replies);
	if (ret < 0) {
		perror(set ? "baredump: DEBUG_SET" : "baredump: DEBUG_GET");
		return 1;
	}
	mnl_socket_close(nl);
	/* One interface: no output, so the reference pays for none. */
	if (!ifname)
		printf("%lu\n", replies);
	return 0;
}
