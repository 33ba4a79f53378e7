/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for old 'debug' levels under the three maps. */
#include <check.h>

#include "check_main.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "level.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Expected results for levels -1..32 (index = level + 1), written out by
 * hand from DESIGN.md rather than computed: ret is 0 or the -errno.
 */
struct expect {
	int ret;
	uint32_t mask;
};

#define R(e)	{ -(e), 0 }

static const struct expect cumulative[34] = {
	{ 0, 0 },					/* -1 */
	{ 0, 0x0001 }, { 0, 0x0003 }, { 0, 0x000f }, { 0, 0x003f },
	{ 0, 0x00ff }, { 0, 0x03ff }, { 0, 0x0fff }, { 0, 0x1fff },
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),	/* 8..11 */
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE),					/* 32 */
};

static const struct expect exact[34] = {
	{ 0, 0 },					/* -1 */
	{ 0, 0x0001 },		/* 0: drv */
	{ 0, 0x0002 },		/* 1: probe */
	{ 0, 0x000c },		/* 2: link timer */
	{ 0, 0x0030 },		/* 3: ifdown ifup */
	{ 0, 0x00c0 },		/* 4: rx_err tx_err */
	{ 0, 0x0300 },		/* 5: tx_queued intr */
	{ 0, 0x0c00 },		/* 6: tx_done rx_status */
	{ 0, 0x1000 },		/* 7: pktdata */
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE), R(ERANGE), R(ERANGE), R(ERANGE),
	R(ERANGE),
};

static const struct expect kernel[34] = {
	R(EDOM),					/* -1 */
	{ 0, 0x00000000 }, { 0, 0x00000001 }, { 0, 0x00000003 },
	{ 0, 0x00000007 }, { 0, 0x0000000f }, { 0, 0x0000001f },
	{ 0, 0x0000003f }, { 0, 0x0000007f }, { 0, 0x000000ff },
	{ 0, 0x000001ff }, { 0, 0x000003ff }, { 0, 0x000007ff },
	{ 0, 0x00000fff }, { 0, 0x00001fff }, { 0, 0x00003fff },
	{ 0, 0x00007fff }, { 0, 0x0000ffff }, { 0, 0x0001ffff },
	{ 0, 0x0003ffff }, { 0, 0x0007ffff }, { 0, 0x000fffff },
	{ 0, 0x001fffff }, { 0, 0x003fffff }, { 0, 0x007fffff },
	{ 0, 0x00ffffff }, { 0, 0x01ffffff }, { 0, 0x03ffffff },
	{ 0, 0x07ffffff }, { 0, 0x0fffffff }, { 0, 0x1fffffff },
	{ 0, 0x3fffffff }, { 0, 0x7fffffff },		/* 31 */
	R(EDOM),					/* 32 */
};

static void check_map(enum level_map map, const struct expect *want)
{
	long level;

	for (level = -1; level <= 32; level++) {
		const struct expect *e = &want[level + 1];
		uint32_t mask = 0xdeadbeef;
		int ret = level_to_mask(map, level, &mask);

		ck_assert_msg(ret == e->ret, "%s %ld: ret %d, want %d",
			      level_map_name(map), level, ret, e->ret);
		if (!ret)
			ck_assert_msg(mask == e->mask,
				      "%s %ld: 0x%08x, want 0x%08x",
				      level_map_name(map), level, mask, e->mask);
		else
			ck_assert_uint_eq(mask, 0xdeadbeef);
	}
}

START_TEST(test_cumulative)
{
	check_map(LEVEL_MAP_CUMULATIVE, cumulative);
}
END_TEST

START_TEST(test_exact)
{
	check_map(LEVEL_MAP_EXACT, exact);
}
END_TEST

START_TEST(test_kernel)
{
	check_map(LEVEL_MAP_KERNEL, kernel);
}
END_TEST

/* The exact classes of each level OR together into the cumulative mask. */
START_TEST(test_cumulative_is_union_of_exact)
{
	uint32_t acc = 0, m;
	long level;

	for (level = 0; level <= 7; level++) {
		ck_assert_int_eq(level_to_mask(LEVEL_MAP_EXACT, level, &m), 0);
		acc |= m;
		ck_assert_int_eq(level_to_mask(LEVEL_MAP_CUMULATIVE, level, &m),
				 0);
		ck_assert_uint_eq(m, acc);
	}
	/* hw and wol have no old level: never reached */
	ck_assert_uint_eq(acc & 0x6000, 0);
}
END_TEST

START_TEST(test_extremes)
{
	uint32_t m = 1;

	ck_assert_int_eq(level_to_mask(LEVEL_MAP_CUMULATIVE, LONG_MIN, &m), 0);
	ck_assert_uint_eq(m, 0);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_CUMULATIVE, LONG_MAX, &m),
			 -ERANGE);
	m = 1;
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_EXACT, LONG_MIN, &m), 0);
	ck_assert_uint_eq(m, 0);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_EXACT, LONG_MAX, &m), -ERANGE);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_KERNEL, LONG_MIN, &m), -EDOM);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_KERNEL, LONG_MAX, &m), -EDOM);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_KERNEL, 64, &m), -EDOM);
	ck_assert_int_eq(level_to_mask((enum level_map)42, 1, &m), -EINVAL);
}
END_TEST

START_TEST(test_map_names)
{
	enum level_map map = LEVEL_MAP_KERNEL;

	ck_assert(level_map_parse("cumulative", &map));
	ck_assert_int_eq(map, LEVEL_MAP_CUMULATIVE);
	ck_assert(level_map_parse("exact", &map));
	ck_assert_int_eq(map, LEVEL_MAP_EXACT);
	ck_assert(level_map_parse("kernel", &map));
	ck_assert_int_eq(map, LEVEL_MAP_KERNEL);

	map = LEVEL_MAP_EXACT;
	ck_assert(!level_map_parse("Kernel", &map));
	ck_assert(!level_map_parse("cumul", &map));
	ck_assert(!level_map_parse("", &map));
	ck_assert(!level_map_parse("exact ", &map));
	ck_assert(!level_map_parse(NULL, &map));
	ck_assert_int_eq(map, LEVEL_MAP_EXACT);

	ck_assert_str_eq(level_map_name(LEVEL_MAP_CUMULATIVE), "cumulative");
	ck_assert_str_eq(level_map_name(LEVEL_MAP_EXACT), "exact");
	ck_assert_str_eq(level_map_name(LEVEL_MAP_KERNEL), "kernel");
	ck_assert_ptr_null(level_map_name((enum level_map)3));
}
END_TEST

static const struct {
	const char *in;
	int ret;
	long level;
} parse_cases[] = {
	{ "0",		0, 0 },
	{ "3",		0, 3 },
	{ "7",		0, 7 },
	{ "+3",		0, 3 },
	{ "-1",		0, -1 },
	{ "-0",		0, 0 },
	/*
	 * A leading 0: the kernel reads a module's debug=010 as octal 8,
	 * so the kernel map could not read it as debug= does; refused, as
	 * CHANGE numbers are.
	 */
	{ "007",	-EINVAL, 0 },
	{ "010",	-EINVAL, 0 },
	{ "-01",	-EINVAL, 0 },
	{ "+03",	-EINVAL, 0 },
	{ "00",		-EINVAL, 0 },
	{ "32",		0, 32 },
	{ "99999999999999999999999999",  0, LONG_MAX },
	{ "-99999999999999999999999999", 0, LONG_MIN },
	{ "",		-EINVAL, 0 },
	{ "+",		-EINVAL, 0 },
	{ "-",		-EINVAL, 0 },
	{ "abc",	-EINVAL, 0 },
	{ "3x",		-EINVAL, 0 },
	{ "0x3",	-EINVAL, 0 },
	{ " 3",		-EINVAL, 0 },
	{ "3 ",		-EINVAL, 0 },
	{ "--3",	-EINVAL, 0 },
	{ "+-3",	-EINVAL, 0 },
	{ "3.0",	-EINVAL, 0 },
};

START_TEST(test_parse)
{
	long level = 12345;
	int ret = level_parse(parse_cases[_i].in, &level);

	ck_assert_msg(ret == parse_cases[_i].ret, "'%s': %d",
		      parse_cases[_i].in, ret);
	if (!ret)
		ck_assert_int_eq(level, parse_cases[_i].level);
	else
		ck_assert_int_eq(level, 12345);
}
END_TEST

/* A clamped huge level is then refused by every map. */
START_TEST(test_parse_then_map)
{
	long level;
	uint32_t m;

	ck_assert_int_eq(level_parse("99999999999999999999", &level), 0);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_CUMULATIVE, level, &m),
			 -ERANGE);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_KERNEL, level, &m), -EDOM);
	ck_assert_int_eq(level_parse("-4294967296", &level), 0);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_EXACT, level, &m), 0);
	ck_assert_uint_eq(m, 0);
	ck_assert_int_eq(level_to_mask(LEVEL_MAP_KERNEL, level, &m), -EDOM);
	ck_assert_int_eq(level_parse(NULL, &level), -EINVAL);
}
END_TEST

static Suite *level_suite(void)
{
	Suite *s = suite_create("level");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cumulative);
	tcase_add_test(tc, test_exact);
	tcase_add_test(tc, test_kernel);
	tcase_add_test(tc, test_cumulative_is_union_of_exact);
	tcase_add_test(tc, test_extremes);
	tcase_add_test(tc, test_map_names);
	tcase_add_loop_test(tc, test_parse, 0, ARRAY_SIZE(parse_cases));
	tcase_add_test(tc, test_parse_then_map);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(level_suite)
