// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness over the loader of --batch and --config files:
 * config_load() on a file made of the input.  It tells netifmsg's -j
 * output from text by the first bytes (after a UTF-8 byte-order mark)
 * and hands them to one reader: its result must be that reader's, run
 * on the same bytes (batch_read() on the whole file, or
 * batch_read_json() on what follows the mark).  The jobs a JSON file
 * gave, printed again with -j (format_state()) one object a line and as
 * show's array, must read back as the same jobs.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "batch.h"
#include "conf.h"
#include "format.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BOM		"\xef\xbb\xbf"

/* The file the loader opens: a memfd, by its /proc path. */
static int fd = -1;
static char path[64];

static bool json_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does the loader take @data for JSON?  Its start after a mark in *@skip. */
static bool is_json(const uint8_t *data, size_t size, size_t *skip)
{
	size_t i = 0;
	uint8_t first;

	*skip = 0;
	if (size >= 3 && !memcmp(data, BOM, 3))
		*skip = i = 3;
	if (i == size || (data[i] != '[' && data[i] != '{'))
		return false;
	first = data[i++];
	while (i < size && json_blank(data[i]))
		i++;
	if (i == size)
		return false;
	return first == '[' ? data[i] == '{' || data[i] == ']' :
			      data[i] == '"' || data[i] == '}';
}

/* The same jobs; from the same lines if @lines. */
static void same_jobs(const struct batch *a, const struct batch *b,
		      bool lines)
{
	size_t i;

	require(a->n == b->n);
	for (i = 0; i < a->n; i++) {
		const struct job *j = &a->jobs[i], *k = &b->jobs[i];

		require(lines ? j->lineno == k->lineno : k->lineno == i + 1);
		require(j->show == k->show &&
			j->pattern == k->pattern && j->unknown == k->unknown);
		require(!strcmp(j->ifname, k->ifname));
		require(j->change.abs == k->change.abs &&
			j->change.on == k->change.on &&
			j->change.off == k->change.off &&
			j->change.has_abs == k->change.has_abs &&
			j->change.has_rel == k->change.has_rel);
	}
}

/*
 * The jobs of a JSON file, as -j prints them, read back (object N, or
 * the object on line N, is line N).
 */
static void round_trip(const struct batch *b, bool array)
{
	struct cmdline_err err;
	struct ifstate st = { 0 };
	unsigned int errline;
	struct batch again;
	char *text = malloc(b->n * FORMAT_STATE_MAX + 3), *p = text;
	size_t i;

	require(text != NULL);
	if (array)
		*p++ = '[';
	for (i = 0; i < b->n; i++) {
		const struct job *j = &b->jobs[i];

		require(!j->show && !j->pattern && j->change.has_abs &&
			!j->change.has_rel);
		require(strlen(j->ifname) < sizeof(st.ifname));
		strcpy(st.ifname, j->ifname);
		st.msg_enable = j->change.abs;
		if (array && i)
			*p++ = ',';
		p += format_state(p, FORMAT_STATE_MAX, OUT_JSON, NULL, &st,
				  CHANGED_NONE);
		if (!array)
			*p++ = '\n';
	}
	if (array)
		*p++ = ']';
	batch_init(&again, LEVEL_MAP_CUMULATIVE);
	require(batch_read_json(&again, text, (size_t)(p - text), &errline,
				&err) == 0);
	same_jobs(b, &again, false);
	batch_free(&again);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cmdline_err err;
	struct config_err e;
	struct batch b, model;
	unsigned int errline = 0;
	size_t i, skip;
	bool json;
	FILE *f;
	int ret, want;

	if (fd < 0) {
		fd = memfd_create("fuzz_conf", MFD_CLOEXEC);
		require(fd >= 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	require(ftruncate(fd, 0) == 0);
	require(pwrite(fd, data, size, 0) == (ssize_t)size);

	batch_init(&b, LEVEL_MAP_CUMULATIVE);
	ret = config_load(&b, path, "conf", true, &e);
	require(ret == 0 || ret == -EINVAL);
	require(!strcmp(e.file, "conf"));
	require(strnlen(e.msg.msg, sizeof(e.msg.msg)) < sizeof(e.msg.msg));
	for (i = 0; i < b.n; i++)
		require(b.jobs[i].more->file && !strcmp(b.jobs[i].more->file, "conf"));

	/* The reader it chose, on its own. */
	json = is_json(data, size, &skip);
	batch_init(&model, LEVEL_MAP_CUMULATIVE);
	if (json) {
		want = batch_read_json(&model, (const char *)data + skip,
				       size - skip, &errline, &err);
	} else {
		f = fmemopen(size ? (void *)data : "", size ? size : 1, "r");
		require(f != NULL);
		if (!size)
			getc(f);
		want = batch_read(&model, f, "", &errline, &err);
		fclose(f);
	}
	require(ret == want);
	if (ret == -EINVAL) {
		require(e.line == errline);
		require(!strcmp(e.msg.msg, err.msg));
	}
	same_jobs(&b, &model, true);
	if (json && !ret) {
		/* No object: an empty file, which is text. */
		if (b.n)
			round_trip(&b, false);
		round_trip(&b, true);
	}
	batch_free(&model);
	batch_free(&b);
	return 0;
}
