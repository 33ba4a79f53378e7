# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# The benchmark's short form (make bench-quick: N = 100 taps, few runs).
# Timings are printed, never judged: CI machines are shared and noisy.
# What must hold exactly is the netlink traffic (bench/stats.py checks
# it and bench/run.sh exits 1 if any count differs):
#   show one, change one (absolute and relative): 2 requests (family
#     lookup + the operation), 1 socket;
#   show all: 2 requests and 1 socket whatever N, one line per tap;
#   --batch and -f --batch over N lines: N + 1 requests (family lookup +
#     one DEBUG_SET per line), N ACKs, no error, 1 socket, every tap
#     changed;
#   a pattern ('tap*' 0x3) and --driver: N + 2 (the dump too), sent in
#     one send call more than -f --batch's;
#   --apply of its 20 lines: N + 2 on a first run, N DEBUG_SETs; 2 and
#     none on a second run;
#   --trace 'tap*' 0x3: 4N + 2 (family, dump, N raises, N read-backs,
#     N reads and N restores), 2N DEBUG_SETs, 1 netlink socket, every
#     tap raised and restored.
# So the stage fails if the number of requests grows.
if [ "$(id -u)" -ne 0 ]; then
	ci_result "bench: netlink request counts (needs root)" 77
else
	make bench-quick >ci-bench.log 2>&1
	bench_status=$?
	cat ci-bench.log
	if grep -q '^bench: COUNT WRONG' ci-bench.log; then
		ci_result "bench: netlink request counts" 1
	elif [ "$bench_status" -ne 0 ]; then
		ci_result "bench: quick run" 1
	else
		ci_result "bench: netlink request counts" 0
	fi
fi
