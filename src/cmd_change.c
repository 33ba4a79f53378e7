// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Change: one ETHTOOL_MSG_DEBUG_SET with ACK.  An absolute change
 * replaces the mask; a relative one (+NAME/-NAME only) is a value+mask
 * bitset the kernel applies atomically: no read-modify-write here.
 */
#include <errno.h>
#include "netifmsg.h"
#include "out.h"

static int state_cb(const struct nlmsghdr *nlh, void *data)
{
	return ethnl_parse_debug(nlh, data) < 0 ? -EBADMSG : 0;
}

/* DEBUG_GET into @st, for -v/-j/-x/-N. */
static int get_state(struct nlsock *s, const char *ifname,
		     struct ifstate *st)
{
	char req[ETHNL_REQ_MAX];

	return nlsock_talk(s, ethnl_build_debug_get(req, s->family, 0, ifname),
			   state_cb, st);
}

/*
 * Names the table did not know: ask the kernel for its names, then
 * build the change again; a name still unknown is a usage error, and
 * nothing has been sent but the lookups.
 */
static int resolve_names(const struct opts *o, struct nlsock *s,
			 struct change *c)
{
	kernel_names_load(s);
	return build_change(o, c);
}

int cmd_change(const struct opts *o)
{
	struct change c = o->change;
	bool show = o->verbose || o->mode != OUT_TEXT;
	struct ifstate before = { 0 }, after = { 0 };
	uint32_t value, mask, beyond;
	char req[ETHNL_REQ_MAX];
	struct nlsock s;
	bool replace;
	int ret;

	/* Before anything is sent (names not yet known are checked later). */
	beyond = change_request(&c, MSGCLASS_KERNEL_MASK, &value, &mask,
				&replace);
	if (beyond)
		return report_beyond(o->ifname, beyond);
	ret = open_kernel(o, &s);
	if (ret == USE_IOCTL)
		return cmd_ioctl(o);
	if (ret)
		return ret;
	if (c.unknown) {
		ret = resolve_names(o, &s, &c);
		beyond = change_request(&c, MSGCLASS_KERNEL_MASK, &value, &mask,
					&replace);
		if (!ret && beyond)
			ret = report_beyond(o->ifname, beyond);
		if (ret) {
			nlsock_close(&s);
			return ret;
		}
	}

	if (show) {
		ret = get_state(&s, o->ifname, &before);
		if (ret < 0)
			goto fail;
	}
	ret = nlsock_talk(&s, ethnl_build_debug_set(req, s.family, 0, o->ifname,
						    value, mask, replace),
			  NULL, NULL);
	if (ret < 0)
		goto fail;
	if (show) {
		ret = get_state(&s, o->ifname, &after);
		if (ret < 0)
			goto fail;
		kernel_names_for(&s, after.msg_enable);
		if (o->mode == OUT_JSON)
			out_puts("[");
		print_state(o->mode, &after,
			    before.msg_enable != after.msg_enable ?
			    CHANGED_YES : CHANGED_NO,
			    o->mode == OUT_JSON ? "]\n" : "\n");
	}
	nlsock_close(&s);
	return EXIT_OK;
fail:
	ret = report_kernel_error(o->ifname, ret, s.extack);
	nlsock_close(&s);
	return ret;
}
