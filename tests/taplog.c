// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * taplog IFACE [COUNT]: make the tap IFACE write to the kernel log, for
 * the --trace tests.  With class drv on, attaching to it through
 * /dev/net/tun (TUNSETIFF, IFF_TAP | IFF_NO_PI) and setting it
 * persistent (TUNSETPERSIST 1) logs "IFACE: tun_chr_ioctl cmd ..." and
 * "IFACE: persist enabled"; the tap stays.  COUNT (default 1) sets it
 * persistent that many times, two records each, in one process.  Exit 0,
 * or 1 with a message.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/if_tun.h>

int main(int argc, char **argv)
{
	struct ifreq ifr;
	long count = argc == 3 ? strtol(argv[2], NULL, 10) : 1;
	int fd;

	if (argc < 2 || argc > 3 || strlen(argv[1]) >= IFNAMSIZ || count < 1) {
		fprintf(stderr, "usage: taplog IFACE [COUNT]\n");
		return 1;
	}
	fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror("taplog: /dev/net/tun");
		return 1;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	strcpy(ifr.ifr_name, argv[1]);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		count = -1;
	while (count > 0 && ioctl(fd, TUNSETPERSIST, 1) == 0)
		count--;
	if (count) {
		perror("taplog: ioctl");
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}
