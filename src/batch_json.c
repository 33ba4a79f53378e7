// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "batch.h"
#include "escape.h"
#include "format.h"

/* "ifname_hex": the name's bytes, for a name that is not UTF-8. */
static int hex_name(const char *hex, char name[IF_NAMESIZE])
{
	size_t i, len = strlen(hex);

	if (len % 2 || !len || len / 2 >= IF_NAMESIZE)
		return -EINVAL;
	for (i = 0; i < len; i += 2) {
		int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);

		if (hi < 0 || lo < 0 || !(hi | lo))
			return -EINVAL;
		name[i / 2] = (char)(hi << 4 | lo);
	}
	name[len / 2] = '\0';
	return 0;
}

/* A string's value, or NULL: for no string, or one with a \u0000 in it. */
static const char *c_string(json_t *v)
{
	const char *s = json_string_value(v);

	return s && strlen(s) == json_string_length(v) ? s : NULL;
}

/* One object into a job: the text line it stands for, read as one. */
static int add_object(struct batch *b, json_t *obj, unsigned int lineno,
		      struct cmdline_err *err)
{
	const char *ifname = c_string(json_object_get(obj, "ifname"));
	json_t *hex = json_object_get(obj, "ifname_hex");
	json_t *mask = json_object_get(obj, "msg_enable");
	char name[IF_NAMESIZE], line[4 * IF_NAMESIZE + 16];
	size_t n;

	if (!json_is_object(obj))
		return cmdline_err_set(err, false, "not a JSON object");
	/*
	 * A name no interface can have (a blank, '/', ':', "." or "..")
	 * would not read back as the one IFACE word of the line.
	 */
	if (hex) {
		if (!c_string(hex) || hex_name(c_string(hex), name) < 0 ||
		    !ifname_valid(name))
			return cmdline_err_set(err, false, "\"ifname_hex\" is not an interface name in hex");
	} else if (!ifname || strlen(ifname) >= IF_NAMESIZE ||
		   !ifname_valid(ifname)) {
		return cmdline_err_set(err, false, "no \"ifname\" that is an interface name");
	} else {
		strcpy(name, ifname);
	}
	if (!json_is_integer(mask) || json_integer_value(mask) < 0 ||
	    json_integer_value(mask) > UINT32_MAX)
		return cmdline_err_set(err, false, "no \"msg_enable\" that is a 32-bit mask");
	n = format_ifname(line, sizeof(line), name);
	snprintf(line + n, sizeof(line) - n, " 0x%08llx",
		 (unsigned long long)json_integer_value(mask));
	return batch_add_line(b, line, lineno, err);
}

/* JSON's blanks from *@at on, skipped; *@lineno counts their newlines. */
static void skip_blanks(const char *text, size_t len, size_t *at,
			unsigned int *lineno)
{
	for (; *at < len && memchr(" \t\r\n", text[*at], 4); (*at)++)
		*lineno += text[*at] == '\n';
}

/*
 * One JSON value of any kind at @text, or NULL with *@ret: -EINVAL (@err
 * says why, jerr->line where, from 1 at @text) or -ENOMEM.  Memory that
 * runs out is no invalid JSON: jansson gives no text for it (or says a
 * bad token), but malloc(3) set errno.  \u0000 is JSON: a name with one
 * is no name (c_string()), and jansson refuses it in a key.
 */
static json_t *load_value(const char *text, size_t len, json_error_t *jerr,
			  int *ret, struct cmdline_err *err)
{
	json_t *v;

	errno = 0;
	v = json_loadb(text, len, JSON_REJECT_DUPLICATES |
		       JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL |
		       JSON_DECODE_ANY, jerr);
	if (!v)
		*ret = errno == ENOMEM || !jerr->text[0] ? -ENOMEM :
		       cmdline_err_set(err, false, "invalid JSON: %s",
				       jerr->text);
	return v;
}

/* Past the value load_value() read at *@at, counting its newlines. */
static void skip_value(const char *text, const json_error_t *jerr,
		       size_t *at, unsigned int *lineno)
{
	/* Without the EOF check, position is the bytes it took. */
	size_t end = *at + (size_t)jerr->position;

	for (; *at < end; (*at)++)
		*lineno += text[*at] == '\n';
}

/*
 * Objects one after the other: one a line, as -j prints a batch or a
 * monitor, or over several lines, as jq(1) prints them without -c.
 * Each is "line" N, N the line it starts on.  A second one on the line
 * where one ends is refused: "one a line" is the format, and the two
 * would both be line N in every message.
 */
static int read_objects(struct batch *b, const char *text, size_t len,
			unsigned int *errline, struct cmdline_err *err)
{
	unsigned int lineno = 1, last = 0;
	json_error_t jerr;
	size_t at = 0;
	json_t *obj;
	int ret;

	for (;;) {
		skip_blanks(text, len, &at, &lineno);
		if (at == len)
			return 0;
		*errline = lineno;
		obj = load_value(text + at, len - at, &jerr, &ret, err);
		if (!obj)
			return ret;
		if (lineno == last) {
			json_decref(obj);
			return cmdline_err_set(err, false, "a second JSON value on the line: one object a line");
		}
		ret = add_object(b, obj, lineno, err);
		json_decref(obj);
		if (ret)
			return ret;
		skip_value(text, &jerr, &at, &lineno);
		last = lineno;
	}
}

/*
 * The array show prints (text[0] is '['), an element at a time as
 * objects are read: jansson's tree of a whole array takes some 80 times
 * its text ("[{},{},...]"), all before its first element is refused.
 * Element N is "line" N; invalid JSON is said on its line of the file.
 */
static int read_array(struct batch *b, const char *text, size_t len,
		      unsigned int *errline, struct cmdline_err *err)
{
	unsigned int lineno = 1, place = 0;
	json_error_t jerr;
	size_t at = 1;
	json_t *obj;
	int ret;

	skip_blanks(text, len, &at, &lineno);
	/* "[]", or each element followed by ',' or by the closing ']'. */
	while (at < len && (text[at] != ']' || place)) {
		*errline = lineno;
		obj = load_value(text + at, len - at, &jerr, &ret, err);
		if (!obj) {
			*errline += ret == -EINVAL && jerr.line > 1 ?
				    (unsigned int)jerr.line - 1 : 0;
			return ret;
		}
		ret = add_object(b, obj, ++place, err);
		json_decref(obj);
		if (ret) {
			*errline = place;
			return ret;
		}
		skip_value(text, &jerr, &at, &lineno);
		skip_blanks(text, len, &at, &lineno);
		if (at == len || text[at] != ',')
			break;
		at++;
		skip_blanks(text, len, &at, &lineno);
	}
	*errline = lineno;
	if (at == len || text[at] != ']')
		return cmdline_err_set(err, false, "invalid JSON: ']' expected%s",
				       at == len ? " near end of file" : "");
	at++;
	skip_blanks(text, len, &at, &lineno);
	*errline = lineno;
	if (at < len)
		return cmdline_err_set(err, false, "invalid JSON: end of file expected");
	*errline = 0;
	return 0;
}

int batch_read_json(struct batch *b, const char *text, size_t len,
		    unsigned int *errline, struct cmdline_err *err)
{
	const char *nul = memchr(text, '\0', len);

	/* As in a text file: jansson would take it for the end of the file. */
	if (nul) {
		for (*errline = 1; text < nul; text++)
			*errline += *text == '\n';
		return cmdline_err_set(err, false, "a NUL byte in the line (binary data?)");
	}
	*errline = 0;
	if (text[0] == '[')
		return read_array(b, text, len, errline, err);
	return read_objects(b, text, len, errline, err);
}
