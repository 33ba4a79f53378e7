/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the stdout writer (out.c): what is written arrives
 * whole and in order however it is cut up, nothing is written before
 * the buffer fills or out_flush(), and a write error is kept.
 * Standard output is pointed at a file (or /dev/full) with dup2().
 */
#include <check.h>

#include "check_child.h"
#include "check_main.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"

/* The test runner's own stdout, put back by stdout_back(). */
static int saved_stdout = -1;

/* Point fd 1 at a new empty file; returns a descriptor to read it by. */
static int stdout_to_file(void)
{
	char path[] = "/tmp/check_out.XXXXXX";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	unlink(path);
	saved_stdout = dup(STDOUT_FILENO);
	ck_assert_int_ge(saved_stdout, 0);
	ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	return fd;
}

/* In a child, which keeps it: fd 1 to a new empty file, or -1. */
static int child_stdout_file(void)
{
	char path[] = "/tmp/check_out.XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
		return -1;
	unlink(path);
	return fd;
}

static void stdout_back(int fd)
{
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	close(fd);
}

static off_t file_size(int fd)
{
	struct stat st;

	ck_assert_int_eq(fstat(fd, &st), 0);
	return st.st_size;
}

START_TEST(test_small_waits_for_flush)
{
	int fd = stdout_to_file();

	out_puts("tap0: ");
	out_line("0x00000003 drv probe");
	ck_assert_int_eq(file_size(fd), 0);
	ck_assert_int_eq(out_flush(), 0);
	ck_assert_int_eq(file_size(fd), 27);
	/* A second flush writes nothing more. */
	ck_assert_int_eq(out_flush(), 0);
	ck_assert_int_eq(file_size(fd), 27);
	stdout_back(fd);
}
END_TEST

/* 300000 bytes in pieces of 1 to 97 bytes: many buffer fills. */
START_TEST(test_large_in_order)
{
	enum { TOTAL = 300000 };
	char *want = malloc(TOTAL), *got = malloc(TOTAL + 1);
	size_t off = 0, n;
	int fd = stdout_to_file();

	ck_assert_ptr_nonnull(want);
	ck_assert_ptr_nonnull(got);
	for (n = 0; n < TOTAL; n++)
		want[n] = (char)('a' + (n * 7 + n / 251) % 26);
	for (n = 1; off < TOTAL; n = n % 97 + 1) {
		size_t k = TOTAL - off < n ? TOTAL - off : n;

		out_write(want + off, k);
		off += k;
	}
	/* Everything but the last partial buffer is out already. */
	ck_assert_int_gt(file_size(fd), TOTAL - 16384 - 1);
	ck_assert_int_eq(out_flush(), 0);
	ck_assert_int_eq(file_size(fd), TOTAL);
	ck_assert_int_eq(pread(fd, got, TOTAL + 1, 0), TOTAL);
	ck_assert_mem_eq(got, want, TOTAL);
	free(want);
	free(got);
	stdout_back(fd);
}
END_TEST

/*
 * Each write(2) is at most PIPE_BUF bytes, which a pipe takes whole or
 * not at all, and ends at a newline, also when the buffer fills: a
 * monitor ended while blocked in one leaves no line cut.  Over a
 * SOCK_SEQPACKET pair, which keeps each write a record of its own.
 */
START_TEST(test_whole_lines_atomic)
{
	static const char line[] = "tap0: 0x00000005 drv link (was 0x1)\n";
	enum { LINES = 1000, LEN = sizeof(line) - 1 };
	static char got[LINES * LEN + 1];
	size_t total = 0;
	int sv[2], i;
	ssize_t n;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	saved_stdout = dup(STDOUT_FILENO);
	ck_assert_int_eq(dup2(sv[0], STDOUT_FILENO), STDOUT_FILENO);
	for (i = 0; i < LINES; i++) {
		out_puts(line);
		if (i == LINES / 2)
			ck_assert_int_gt(recv(sv[1], got, sizeof(got), MSG_PEEK |
					      MSG_DONTWAIT), 0);
	}
	ck_assert_int_eq(out_flush(), 0);
	while ((n = recv(sv[1], got + total, sizeof(got) - total,
			 MSG_DONTWAIT)) > 0) {
		ck_assert_int_le(n, PIPE_BUF);
		ck_assert_int_eq(n % LEN, 0);
		total += (size_t)n;
		ck_assert_int_eq(got[total - 1], '\n');
	}
	ck_assert_uint_eq(total, LINES * LEN);
	close(sv[1]);
	stdout_back(sv[0]);
}
END_TEST

/* A pipe whose reader does not read, full, its write end blocking. */
static void full_pipe(int p[2])
{
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	while (write(p[1], "x", 1) == 1)
		;
	ck_assert_int_eq(fcntl(p[1], F_SETFL, 0), 0);
}

/*
 * /dev/full: the error comes back from out_flush() and stays, and
 * nothing else is tried, until out_drop() forgets it.  In a child: the
 * error is sticky for the whole process, so it must not leak into the
 * other tests (CK_FORK=no).
 */
START_TEST(test_error_is_kept)
{
	static char big[20000];
	pid_t pid;

	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open("/dev/full", O_WRONLY);

		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(10);
		out_line("lost");
		if (out_flush() != -ENOSPC)
			_exit(11);
		out_write(big, sizeof(big));
		if (out_flush() != -ENOSPC)
			_exit(12);
		/* Until out_drop() (a --monitor whose reader went away). */
		out_drop();
		if (out_flush() != 0)
			_exit(13);
		out_line("tried again");
		if (out_flush() != -ENOSPC)
			_exit(14);
		_exit(0);
	}
	child_exited_0(pid);
}
END_TEST

/*
 * After out_keep_whole() (a -j array), a full buffer writes its whole
 * lines only: a line longer than it waits, whole, for its end, so that
 * a message on a shared stderr never lands inside it.  In a child: the
 * mode is for the whole process.
 */
START_TEST(test_keep_whole)
{
	static char big[40000], back[sizeof(big) + 8];
	pid_t pid;

	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = child_stdout_file();
		struct stat st;

		if (fd < 0)
			_exit(10);
		memset(big, 'x', sizeof(big));
		out_keep_whole();
		out_line("first");
		out_write(big, sizeof(big));
		if (fstat(fd, &st) || st.st_size != 6)
			_exit(11);
		out_line("]");
		if (out_flush() || fstat(fd, &st) ||
		    st.st_size != (off_t)sizeof(big) + 8)
			_exit(12);
		/* The line kept whole is the one written, byte for byte. */
		if (pread(fd, back, sizeof(back), 0) != (ssize_t)sizeof(back) ||
		    memcmp(back, "first\n", 6) || memcmp(back + 6, big, sizeof(big)) ||
		    memcmp(back + 6 + sizeof(big), "]\n", 2))
			_exit(13);
		_exit(0);
	}
	child_exited_0(pid);
}
END_TEST

/*
 * A write that the file size limit (ulimit -f) cuts, to a file written
 * in place (1<>FILE) with more after it: the part of a line written is
 * left there, as cutting it off would cut off the rest of the file too.
 * In a child: the limit and SIGXFSZ are the process's.
 */
START_TEST(test_cut_not_past_the_end)
{
	pid_t pid;

	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		static const char old[] = "0123456789abcdefghijklmnopqrstu\n";
		struct rlimit lim = { 16, RLIM_INFINITY };
		char path[] = "/tmp/check_out.XXXXXX";
		int fd = mkstemp(path);
		struct stat st;

		if (fd < 0)
			_exit(10);
		unlink(path);
		if (write(fd, old, strlen(old)) != (ssize_t)strlen(old) ||
		    lseek(fd, 0, SEEK_SET) != 0)
			_exit(11);
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(12);
		if (out_write_fd(fd, "line one\nline two\n", 18, NULL) != -EFBIG)
			_exit(13);
		if (fstat(fd, &st) || st.st_size != (off_t)strlen(old))
			_exit(14);
		_exit(0);
	}
	child_exited_0(pid);
}
END_TEST

/*
 * In a child (the limit and SIGXFSZ are the process's): "[" (if @open),
 * a line of @n bytes and "]" (and "second" if @second), under a file
 * size limit of @limit bytes; the flush must fail with EFBIG and leave
 * @want bytes.
 */
static void cut_long(bool open, size_t n, rlim_t limit, bool second,
		     off_t want)
{
	static char big[3 * PIPE_BUF];
	pid_t pid;

	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit lim = { limit, RLIM_INFINITY };
		int fd = child_stdout_file();
		struct stat st;

		if (fd < 0)
			_exit(10);
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(11);
		memset(big, 'x', n);
		out_keep_whole();
		if (open)
			out_line("[");
		out_write(big, n);
		out_line("]");
		if (second)
			out_line("second");
		if (out_flush() != -EFBIG)
			_exit(12);
		if (fstat(fd, &st) || st.st_size != want)
			_exit(13);
		_exit(0);
	}
	child_exited_0(pid);
}

/*
 * A line longer than PIPE_BUF (a -j array) goes in several writes: where
 * the file size limit refuses one after others of the line went, all of
 * the line is cut off again, not only the part of the write refused.
 */
START_TEST(test_cut_long_line)
{
	cut_long(true, 3 * PIPE_BUF, PIPE_BUF + 100, false, 2);
}
END_TEST

/*
 * ... but where the piece that failed got past the end of that line, the
 * line is whole in the file and stays: only the part after it goes.
 */
START_TEST(test_cut_after_long_line)
{
	cut_long(true, PIPE_BUF + 10, PIPE_BUF + 17, true, PIPE_BUF + 10 + 4);
}
END_TEST

/*
 * ... and where the part cut off is all the file holds (the limit came
 * within the first line, in its first write or a later one), the file
 * is left empty.
 */
START_TEST(test_cut_first_line)
{
	cut_long(true, 10, 1, false, 0);
	cut_long(false, 2 * PIPE_BUF, PIPE_BUF + 10, false, 0);
}
END_TEST

/*
 * Once *stop is set, a line still goes where the output takes it at
 * once (a file), and nowhere it would wait (a full pipe, blocking): the
 * signal that set it ends the writer's waiting, not its lines.  In a
 * child that SIGALRM kills where the write waits.
 */
START_TEST(test_stop_writes_what_is_taken)
{
	volatile sig_atomic_t stop = 1;
	int fd = stdout_to_file();
	int p[2];
	pid_t pid;

	ck_assert_int_eq(out_write_fd(STDOUT_FILENO, "a line\n", 7, &stop), 0);
	ck_assert_int_eq(file_size(fd), 7);
	stdout_back(fd);
	full_pipe(p);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		alarm(5);
		_exit(out_write_fd(p[1], "y\n", 2, &stop) ? 10 : 0);
	}
	child_exited_0(pid);
	close(p[0]);
	close(p[1]);
}
END_TEST

/*
 * Stopped (diag_stop_on()), a message standard error does not take at
 * once, a pipe whose reader does not read, is left out: diag() does not
 * wait for it (netifmsg(8), DEBUG SESSIONS).
 */
START_TEST(test_diag_stopped_left_out)
{
	volatile sig_atomic_t stop = 1;
	int p[2];
	pid_t pid;

	full_pipe(p);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		alarm(5);
		if (dup2(p[1], STDERR_FILENO) < 0)
			_exit(10);
		diag_stop_on(&stop);
		diag(NULL, "tap0", "a message left out");
		_exit(0);
	}
	child_exited_0(pid);
	close(p[0]);
	close(p[1]);
}
END_TEST

/* The read end of the pipe test_nonblocking_full_waits() fills. */
static int drain_fd = -1;

static void drain(int sig)
{
	char buf[4096];

	(void)sig;
	while (read(drain_fd, buf, sizeof(buf)) > 0)
		;
}

/*
 * A standard output another program left non-blocking is written as a
 * blocking one (netifmsg(8), OUTPUT): full, it is waited for, and that
 * is no write error.  A timer empties the pipe while out_write_fd()
 * waits; the line then arrives whole.
 */
START_TEST(test_nonblocking_full_waits)
{
	struct itimerval t = { .it_value.tv_usec = 50000 };
	struct sigaction sa = { .sa_handler = drain };
	char buf[8];
	int p[2];

	full_pipe(p);
	ck_assert_int_eq(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
	drain_fd = p[0];
	ck_assert_int_eq(sigaction(SIGALRM, &sa, NULL), 0);
	ck_assert_int_eq(setitimer(ITIMER_REAL, &t, NULL), 0);
	ck_assert_int_eq(out_write_fd(p[1], "y\n", 2, NULL), 0);
	ck_assert_int_eq(read(p[0], buf, sizeof(buf)), 2);
	ck_assert(!memcmp(buf, "y\n", 2));
	close(p[0]);
	close(p[1]);
}
END_TEST

/*
 * ... and where another process empties it (a shared standard output),
 * with no signal to end the wait: the writer waits in poll(2) for the
 * room, and the line arrives whole.
 */
START_TEST(test_nonblocking_full_reader)
{
	char buf[8];
	pid_t pid;
	int p[2], n;

	full_pipe(p);
	ck_assert_int_eq(ioctl(p[0], FIONREAD, &n), 0);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char junk[4096];
		ssize_t got;

		usleep(50000);
		for (; n > 0; n -= (int)got) {
			got = read(p[0], junk, (size_t)n < sizeof(junk) ?
				   (size_t)n : sizeof(junk));
			if (got <= 0)
				_exit(10);
		}
		_exit(0);
	}
	ck_assert_int_eq(out_write_fd(p[1], "y\n", 2, NULL), 0);
	child_exited_0(pid);
	ck_assert_int_eq(read(p[0], buf, sizeof(buf)), 2);
	ck_assert(!memcmp(buf, "y\n", 2));
	close(p[0]);
	close(p[1]);
}
END_TEST

/*
 * EIO is a reader gone only where standard output is a terminal hung up
 * (POLLHUP), not a file's read error; EPIPE and the like always are.
 */
START_TEST(test_gone_hung_up)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY), slave, file;
	int saved = dup(STDOUT_FILENO);		/* for CK_FORK=no */
	char path[] = "/tmp/check_out.XXXXXX";

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(master, 0);
	ck_assert_int_eq(grantpt(master), 0);
	ck_assert_int_eq(unlockpt(master), 0);
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	ck_assert_int_ge(slave, 0);
	ck_assert_int_eq(dup2(slave, STDOUT_FILENO), STDOUT_FILENO);
	ck_assert(!out_gone(-EIO));		/* the terminal is there */
	ck_assert(out_gone(-EPIPE));
	close(master);				/* it hangs up */
	ck_assert(out_gone(-EIO));
	ck_assert(!out_gone(-ENOSPC));
	file = mkstemp(path);
	ck_assert_int_ge(file, 0);
	unlink(path);
	ck_assert_int_eq(dup2(file, STDOUT_FILENO), STDOUT_FILENO);
	ck_assert(!out_gone(-EIO));		/* a disk's error */
	ck_assert(out_gone(-ECONNRESET));
	ck_assert(out_gone(-ECONNREFUSED));
	ck_assert_int_eq(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	close(slave);
	close(file);
}
END_TEST

/*
 * What the terminal of @master was given: all there is, waiting up to
 * a second for the first byte (and a little for more); NUL-terminated.
 */
static size_t pty_read(int master, char *buf, size_t size)
{
	struct pollfd p = { .fd = master, .events = POLLIN };
	size_t got = 0;
	ssize_t n;
	int ms = 1000;

	while (got + 1 < size && poll(&p, 1, ms) == 1) {
		n = read(master, buf + got, size - 1 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
		ms = 100;
	}
	buf[got] = '\0';
	return got;
}

/*
 * A line a terminal took only in part, when asked to stop, gets its
 * newline before the next line written there, once: the next lines,
 * as a line a terminal took whole, start with nothing before them.
 */
START_TEST(test_tty_cut_line_newline_once)
{
	volatile sig_atomic_t stop = 1;
	static char big[1 << 20];
	char buf[4096];
	struct termios t;
	int master = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK), slave;

	ck_assert_int_ge(master, 0);
	ck_assert_int_eq(grantpt(master), 0);
	ck_assert_int_eq(unlockpt(master), 0);
	slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK);
	ck_assert_int_ge(slave, 0);
	ck_assert_int_eq(tcgetattr(slave, &t), 0);
	cfmakeraw(&t);
	ck_assert_int_eq(tcsetattr(slave, TCSANOW, &t), 0);
	/* Whole lines: nothing comes before the next one. */
	ck_assert_int_eq(out_write_fd(slave, "a\n", 2, NULL), 0);
	ck_assert_uint_eq(pty_read(master, buf, sizeof(buf)), 2);
	ck_assert_int_eq(out_write_fd(slave, "b\n", 2, NULL), 0);
	pty_read(master, buf, sizeof(buf));
	ck_assert_str_eq(buf, "b\n");
	/* Stopped: the terminal takes part of a line too long for it. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\n';
	ck_assert_int_eq(out_write_fd(slave, big, sizeof(big), &stop), 0);
	while (pty_read(master, buf, sizeof(buf)))
		;
	ck_assert_int_eq(out_write_fd(slave, "c\n", 2, NULL), 0);
	pty_read(master, buf, sizeof(buf));
	ck_assert_str_eq(buf, "\nc\n");
	ck_assert_int_eq(out_write_fd(slave, "d\n", 2, NULL), 0);
	pty_read(master, buf, sizeof(buf));
	ck_assert_str_eq(buf, "d\n");
	close(slave);
	close(master);
}
END_TEST

static Suite *out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("out");

	tcase_add_test(tc, test_small_waits_for_flush);
	tcase_add_test(tc, test_large_in_order);
	tcase_add_test(tc, test_whole_lines_atomic);
	tcase_add_test(tc, test_error_is_kept);
	tcase_add_test(tc, test_keep_whole);
	tcase_add_test(tc, test_cut_not_past_the_end);
	tcase_add_test(tc, test_cut_long_line);
	tcase_add_test(tc, test_cut_after_long_line);
	tcase_add_test(tc, test_cut_first_line);
	tcase_add_test(tc, test_stop_writes_what_is_taken);
	tcase_add_test(tc, test_diag_stopped_left_out);
	tcase_add_test(tc, test_gone_hung_up);
	tcase_add_test(tc, test_nonblocking_full_waits);
	tcase_add_test(tc, test_nonblocking_full_reader);
	tcase_add_test(tc, test_tty_cut_line_newline_once);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(out_suite)
