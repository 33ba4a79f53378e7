// SPDX-License-Identifier: GPL-2.0-or-later
/* The fake backend of fake_backend.h. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libmnl/libmnl.h>

#include "cmd.h"
#include "fake_backend.h"
#include "out.h"

int fake_to_file(int fd, int *saved)
{
	char path[] = "/tmp/fake_command.XXXXXX";
	int tmp = mkstemp(path);

	ck_assert_int_ge(tmp, 0);
	unlink(path);
	*saved = dup(fd);
	ck_assert_int_ge(dup2(tmp, fd), 0);
	return tmp;
}

void fake_back(int fd, int saved, int tmp, char *buf, size_t size)
{
	ssize_t n;

	dup2(saved, fd);
	close(saved);
	lseek(tmp, 0, SEEK_SET);
	n = read(tmp, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	close(tmp);
}

int fake_command(struct backend *b, int argc, char **argv, char *out,
		 char *err, size_t size)
{
	const char *words[64];
	struct cmdline_err cerr;
	struct cmd_input in = { 0 };
	int ret, so, se, to, te;
	struct opts o;

	ck_assert_int_le(argc, 64);
	opts_init(&o);
	to = fake_to_file(STDOUT_FILENO, &so);
	fflush(stderr);
	te = fake_to_file(STDERR_FILENO, &se);
	ret = cmdline_parse(&o, argc, argv, words, CMDLINE_ARGV, &cerr);
	if (ret) {
		fprintf(stderr, "usage: %s\n", cerr.msg);
	} else if (o.cmd == CMD_BATCH || o.cmd == CMD_APPLY) {
		ret = cmd_read_input(&o, &in);
		o.batch = &in.batch;
		if (!ret)
			ret = o.cmd == CMD_BATCH ? cmd_batch(&o, b) :
						   cmd_apply(&o, b);
		cmd_free_input(&in);
	} else if (o.cmd == CMD_CHANGE) {
		ret = cmd_change(&o, b);
	} else if (o.cmd == CMD_TRACE) {
		ret = cmd_trace(&o, b);
	} else if (o.cmd == CMD_MONITOR) {
		ret = cmd_monitor(&o, b);
	} else if (o.cmd == CMD_LIST || o.cmd == CMD_DECODE ||
		   o.cmd == CMD_LEVEL) {
		ret = cmd_local(&o, b);
	} else {
		ck_assert(o.cmd == CMD_SHOW || o.cmd == CMD_SHOW_ALL);
		ret = cmd_show(&o, b);
	}
	out_flush();
	fflush(stderr);
	fake_back(STDOUT_FILENO, so, to, out, size);
	fake_back(STDERR_FILENO, se, te, err, size);
	return ret;
}

struct fake_iface *fake_find(struct fake *f, const char *name)
{
	int i;

	for (i = 0; i < f->nifs; i++)
		if (!strcmp(f->ifs[i].name, name))
			return &f->ifs[i];
	return NULL;
}

void fake_fail_gets(struct fake_iface *fi, unsigned int ok,
		    unsigned int fails, int err)
{
	fi->get_ok = ok;
	fi->get_fails = fails;
	fi->get_error = err;
}

struct fake_iface *fake_add(struct fake *f, const char *name, uint32_t mask)
{
	struct fake_iface *fi = &f->ifs[f->nifs];

	*fi = (struct fake_iface){
		.name = name,
		.ifindex = (uint32_t)f->nifs + 1,
		.mask = mask,
	};
	f->nifs++;
	return fi;
}

static struct fake *fake_of(struct backend *b)
{
	return b->priv;
}

/*
 * The interface of @ifname, as the kernel's header finds it: an
 * alternative name is the interface's too.  With @ifindex (a set's),
 * a name that is no longer that index's is none (ENODEV), also where
 * the interface that has it now has no message level, as both the
 * kernel and backend_ioctl.c's ioc_set() say.
 */
static int lookup(struct fake *f, const char *ifname, uint32_t ifindex,
		  struct fake_iface **out)
{
	struct fake_iface *fi = fake_find(f, ifname);
	int i;

	for (i = 0; !fi && i < f->nifs; i++)
		if (f->ifs[i].altname && !strcmp(f->ifs[i].altname, ifname))
			fi = &f->ifs[i];
	if (!fi || (ifindex && ifindex != fi->ifindex))
		return -ENODEV;
	if (fi->no_level)
		return -EOPNOTSUPP;
	*out = fi;
	return 0;
}

/* As the transport reads it: over netlink, bits 0-14 alone (settable). */
static void state_of(const struct backend *b, const struct fake_iface *fi,
		     struct ifstate *st)
{
	memset(st, 0, sizeof(*st));
	strcpy(st->ifname, fi->name);
	st->ifindex = fi->ifindex;
	st->msg_enable = fi->mask & b->settable;
}

static int fake_get(struct backend *b, const char *ifname,
		    struct ifstate *st)
{
	struct fake_iface *fi;
	int ret;

	fake_of(b)->gets++;
	/* As ethioc.c: a name the ioctl's struct ifreq cannot carry. */
	if (strlen(ifname) > b->name_max)
		return -ENAMETOOLONG;
	ret = lookup(fake_of(b), ifname, 0, &fi);
	if (!ret && fi->get_ok) {
		fi->get_ok--;
	} else if (!ret && fi->get_fails) {
		fi->get_fails--;
		return fi->get_error;
	}
	if (!ret)
		state_of(b, fi, st);
	return ret;
}

/* What the netlink backend's dump gives for a NLMSG_DONE with @error. */
static int dump_done(int error)
{
	static char buf[MNL_NLMSG_HDRLEN + sizeof(int)]
		__attribute__((aligned(4)));
	struct nlmsghdr req = { .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genl_sock s = { 0 };
	struct genl_reply r;

	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI;
	*(int *)mnl_nlmsg_put_extra_header(nlh, sizeof(int)) = error;
	genl_reply_init(&r, &s, &req, NULL, NULL);
	return genl_reply_feed(&r, buf, nlh->nlmsg_len);
}

static int fake_dump(struct backend *b, bstate_cb_t cb, void *data)
{
	struct fake *f = fake_of(b);
	struct ifstate st;
	int i, ret;

	f->dumps++;
	if (f->dump_error)
		return f->dump_error;
	for (i = 0; i < f->nifs; i++) {
		if (f->ifs[i].no_level)
			continue;
		state_of(b, &f->ifs[i], &st);
		ret = cb(&st, data);
		if (ret < 0)
			return ret;
		if (f->dumps <= f->dumps_enodev)
			return dump_done(-ENODEV);
	}
	if (f->dumped)
		f->dumped(f);
	return f->dumps <= f->dumps_intr ? -EAGAIN : 0;
}

static int fake_set(struct backend *b, const struct breq *r)
{
	struct fake *f = fake_of(b);
	struct fake_iface *fi;
	uint32_t touched = r->replace ? r->value : r->mask;
	int ret;

	f->sets++;
	if (touched & ~b->settable)
		return -EINVAL;
	if (strlen(r->ifname) > b->name_max)
		return -ENAMETOOLONG;
	ret = lookup(f, r->ifname, r->ifindex, &fi);
	if (ret < 0)
		return ret;
	if (fi->set_error && !fi->set_ok)
		return fi->set_error;
	if (fi->set_ok)
		fi->set_ok--;
	/* A replace over netlink leaves the bits it cannot carry. */
	if (r->replace)
		fi->mask = (fi->mask & ~b->settable) | r->value;
	else
		fi->mask = (fi->mask & ~r->mask) | (r->value & r->mask);
	return 0;
}

/*
 * The run breaks off with @left requests unanswered: those sent, at most
 * @window of them, ran; the others (and the last @unsent) never went.
 */
static int fake_broken(struct backend *b, size_t left, unsigned int window)
{
	unsigned int unsent = fake_of(b)->unsent;

	b->in_flight = left > unsent ? left - unsent : 0;
	if (b->in_flight > window)
		b->in_flight = window;
	return -EIO;
}

static int fake_run(struct backend *b, struct breq *r, size_t n,
		    unsigned int window, breq_done_t done, void *data)
{
	struct fake *f = fake_of(b);
	size_t i;
	int ret;

	f->runs++;
	if (window > f->max_window)
		f->max_window = window;
	if (f->runs == f->break_run)
		return fake_broken(b, n, window);
	for (i = 0; i < n; i++) {
		if (f->run_answers && i == f->run_answers)
			return fake_broken(b, n - i, window);
		r[i].err = r[i].set ? fake_set(b, &r[i])
				    : fake_get(b, r[i].ifname, &r[i].st);
		ret = done(&r[i], r[i].err ? "fake extack" : "", data);
		if (f->answered)
			f->answered(f, i);
		if (ret)
			return ret < 0 ? ret : 0;
	}
	return 0;
}

static int fake_driver(struct backend *b, const char *ifname,
		       unsigned int ifindex, char driver[DRIVER_NAME_MAX])
{
	struct fake *f = fake_of(b);
	struct fake_iface *fi = fake_find(f, ifname);
	int i;

	if (!f->drivers++ && f->driver_raise)
		raise(f->driver_raise);
	/* As ethioc_driver(): renamed, its index is there by another name. */
	for (i = 0; !fi && i < f->nifs; i++)
		if (f->ifs[i].ifindex == ifindex)
			return -EAGAIN;
	if (!fi)
		return -ENODEV;
	if (fi->driver_error)
		return fi->driver_error;
	if (fi->ifindex != ifindex)
		return -EAGAIN;
	snprintf(driver, DRIVER_NAME_MAX, "%s", fi->driver ? fi->driver : "tun");
	return 0;
}

static int fake_names(struct backend *b, struct classnames *cn)
{
	struct fake *f = fake_of(b);
	unsigned int bit;

	f->names++;
	for (bit = 0; bit < 32; bit++)
		if (f->kernel_name[bit])
			msgclass_add_kernel_name(cn, bit, f->kernel_name[bit]);
	return 0;
}

void fake_ntf(struct fake_events *e, const char *name, uint32_t ifindex,
	      uint32_t mask)
{
	struct ifstate *st = &e->ntf[e->nntf++];

	memset(st, 0, sizeof(*st));
	snprintf(st->ifname, sizeof(st->ifname), "%s", name);
	st->ifindex = ifindex;
	st->msg_enable = mask;
}

static int fake_watch(struct backend *b)
{
	struct fake *f = fake_of(b);
	int i;

	if (pipe(f->pipe) < 0)
		return -errno;
	for (i = 0; i < f->nevents; i++)
		if (write(f->pipe[1], "e", 1) != 1)
			return -EIO;
	return f->pipe[0];
}

static int fake_events(struct backend *b, bstate_cb_t cb, void *data)
{
	struct fake *f = fake_of(b);
	struct fake_events *e;
	char c;
	int i, r, ret;

	if (f->next_event == f->early && !f->emptied) {
		f->emptied = true;
		return GENL_NTF_EMPTY;
	}
	if (f->next_event == f->nevents || read(f->pipe[0], &c, 1) != 1)
		return -EIO;
	e = &f->events[f->next_event++];
	for (r = 0; r <= e->repeat; r++) {
		for (i = 0; i < e->nntf; i++) {
			ret = cb(&e->ntf[i], data);
			if (ret < 0)
				return ret;
		}
	}
	if (e->raise)
		raise(e->raise);
	return e->ret;
}

static void fake_close(struct backend *b)
{
	struct fake *f = fake_of(b);

	if (f->pipe[0] > 0) {
		close(f->pipe[0]);
		close(f->pipe[1]);
		f->pipe[0] = f->pipe[1] = 0;
	}
}

static int fake_ifname(struct backend *b, unsigned int ifindex,
		       char name[IF_NAMESIZE])
{
	struct fake *f = fake_of(b);
	int i;

	for (i = 0; i < f->nifs; i++) {
		if (f->ifs[i].ifindex == ifindex && !f->ifs[i].index_gone) {
			if (f->ifs[i].ifname_error)
				return f->ifs[i].ifname_error;
			snprintf(name, IF_NAMESIZE, "%s", f->ifs[i].name);
			return 0;
		}
	}
	return -ENODEV;
}

static const struct backend_ops fake_ops = {
	.get = fake_get,
	.dump = fake_dump,
	.run = fake_run,
	.driver = fake_driver,
	.ifname = fake_ifname,
	.names = fake_names,
	.watch = fake_watch,
	.events = fake_events,
	.close = fake_close,
};

/* The ioctl's: no kernel class names, no notifications. */
static const struct backend_ops fake_ioctl_ops = {
	.get = fake_get,
	.dump = fake_dump,
	.run = fake_run,
	.driver = fake_driver,
	.ifname = fake_ifname,
	.close = fake_close,
};

void fake_open_ioctl(struct backend *b, struct fake *f)
{
	*b = (struct backend){
		.ops = &fake_ioctl_ops,
		.settable = UINT32_MAX,
		.name_max = IF_NAMESIZE - 1,
		.priv = f,
	};
}

void fake_open(struct backend *b, struct fake *f, uint32_t settable)
{
	*b = (struct backend){
		.ops = &fake_ops,
		.settable = settable,
		.name_max = ALTIFNAMSIZ - 1,
		.priv = f,
	};
}

#ifdef KMSG_PATH
/*
 * The trace's kernel log (KMSG_PATH, Makefile.am): a FIFO that this
 * process holds open for writing and never writes, so that the trace
 * reads it as an idle /dev/kmsg (EAGAIN), root or not.  The tests run
 * in children, which inherit the descriptor.
 */
static int kmsg_writer = -1;

void fake_kmsg_setup(void)
{
	unlink(KMSG_PATH);
	if (mkfifo(KMSG_PATH, 0600) < 0 ||
	    (kmsg_writer = open(KMSG_PATH, O_RDWR | O_CLOEXEC)) < 0) {
		perror(KMSG_PATH);
		exit(EXIT_FAILURE);
	}
}

void fake_kmsg_teardown(void)
{
	close(kmsg_writer);
	unlink(KMSG_PATH);
}
#endif
