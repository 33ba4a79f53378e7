// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --monitor: join the ethtool "monitor" multicast group and print one
 * line per ETHTOOL_MSG_DEBUG_NTF until SIGINT or SIGTERM.  The kernel
 * sends one when a mask really changes over netlink, and on every set
 * over the ioctl.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "netifmsg.h"
#include "out.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static bool wanted(const struct opts *o, const char *ifname)
{
	int i;

	if (!o->nifnames)
		return true;
	for (i = 0; i < o->nifnames; i++)
		if (!strcmp(o->ifnames[i], ifname))
			return true;
	return false;
}

static int ntf_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct opts *o = data;
	struct ifstate st = { 0 };
	int ret;

	ret = ethnl_parse_debug_ntf(nlh, &st);
	if (ret < 0) {
		errmsg(NULL, "monitor: ignoring a malformed notification");
		return 0;
	}
	if (ret > 0 && wanted(o, st.ifname)) {
		kernel_names_for(NULL, st.msg_enable);
		print_state(o->mode, &st, CHANGED_NONE, "\n");
	}
	return 0;
}

/*
 * SIGINT and SIGTERM are blocked except inside ppoll(), so a signal
 * cannot slip in between the check of @stop and the wait.
 */
static int catch_signals(sigset_t *waitmask)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block;

	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &block, waitmask) < 0)
		return -errno;
	sigdelset(waitmask, SIGINT);
	sigdelset(waitmask, SIGTERM);
	if (sigaction(SIGINT, &sa, NULL) < 0 ||
	    sigaction(SIGTERM, &sa, NULL) < 0)
		return -errno;
	return 0;
}

static int watch(struct nlsock *s, const struct opts *o,
		 const sigset_t *waitmask)
{
	struct pollfd pfd = { .fd = nlsock_fd(s), .events = POLLIN };
	int ret;

	while (!stop) {
		if (ppoll(&pfd, 1, NULL, waitmask) < 0) {
			if (errno == EINTR)
				continue;
			errmsg(NULL, "monitor: %s", strerror(errno));
			return EXIT_FAIL;
		}
		ret = nlsock_recv_ntf(s, ntf_cb, (void *)o);
		if (ret == -ENOBUFS) {
			errmsg(NULL, "monitor: lost notifications (receive buffer overflow)");
			continue;
		}
		if (ret < 0) {
			errmsg(NULL, "monitor: %s", strerror(-ret));
			return EXIT_FAIL;
		}
		/* One line at a time, also into a pipe: 'netifmsg --monitor | ...'. */
		if (out_flush() < 0)
			return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_monitor(const struct opts *o)
{
	sigset_t waitmask;
	struct nlsock s;
	int ret;

	ret = catch_signals(&waitmask);
	if (ret < 0) {
		errmsg(NULL, "monitor: %s", strerror(-ret));
		return EXIT_FAIL;
	}
	ret = open_kernel(o, &s);
	if (ret == USE_IOCTL) {
		errmsg(NULL, "monitor: the kernel has no ethtool netlink family, and the ioctl has no notifications");
		return EXIT_FAIL;
	}
	if (ret)
		return ret;
	ret = nlsock_subscribe_monitor(&s);
	if (ret < 0) {
		errmsg(NULL, "monitor: cannot join the ethtool monitor group: %s",
		       strerror(-ret));
		nlsock_close(&s);
		return EXIT_FAIL;
	}
	ret = watch(&s, o, &waitmask);
	nlsock_close(&s);
	return ret;
}
