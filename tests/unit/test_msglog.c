/* Unit tests for src/tui/msglog.h: the message history keeps the newest
 * 50, newest first, whole up to its limit, cut only on a UTF-8 boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "../../src/tui/msglog.h"

static void test_newest_first(void **state)
{
	struct msglog *l = calloc(1, sizeof(*l));

	(void)state;
	assert_non_null(l);
	assert_null(msglog_get(l, 0));
	msglog_add(l, "one", 0);
	msglog_add(l, "two", 1);
	assert_string_equal(msglog_get(l, 0)->text, "two");
	assert_int_equal(msglog_get(l, 0)->role, 1);
	assert_string_equal(msglog_get(l, 1)->text, "one");
	assert_null(msglog_get(l, 2));
	free(l);
}

static void test_oldest_goes_when_full(void **state)
{
	struct msglog *l = calloc(1, sizeof(*l));
	char text[32];

	(void)state;
	assert_non_null(l);
	for (int k = 0; k < MSGLOG_SIZE + 7; k++) {
		snprintf(text, sizeof(text), "message %d", k);
		msglog_add(l, text, 0);
	}
	assert_int_equal(l->count, MSGLOG_SIZE);
	snprintf(text, sizeof(text), "message %d", MSGLOG_SIZE + 6);
	assert_string_equal(msglog_get(l, 0)->text, text);
	assert_string_equal(msglog_get(l, MSGLOG_SIZE - 1)->text, "message 7");
	assert_null(msglog_get(l, MSGLOG_SIZE));
	free(l);
}

static void test_repeats_and_empty_not_kept(void **state)
{
	struct msglog *l = calloc(1, sizeof(*l));

	(void)state;
	assert_non_null(l);
	msglog_add(l, "not found: x", 1);
	msglog_add(l, "not found: x", 1);
	msglog_add(l, "", 0);
	assert_int_equal(l->count, 1);
	/* The same words again after another message are kept again. */
	msglog_add(l, "/x", 0);
	msglog_add(l, "not found: x", 1);
	assert_int_equal(l->count, 3);
	free(l);
}

static void test_long_text_cut_on_a_character(void **state)
{
	struct msglog *l = calloc(1, sizeof(*l));
	char *text = malloc(MSGLOG_TEXT * 2);
	size_t len;

	(void)state;
	assert_non_null(l);
	assert_non_null(text);
	/* "あ" is three bytes: MSGLOG_TEXT - 1 is not a multiple of three. */
	text[0] = '\0';
	for (int k = 0; k < MSGLOG_TEXT / 3 + 10; k++)
		strcat(text, "\xe3\x81\x82");
	msglog_add(l, text, 0);
	len = strlen(msglog_get(l, 0)->text);
	assert_true(len < MSGLOG_TEXT);
	assert_int_equal(len % 3, 0);
	assert_true(len >= MSGLOG_TEXT - 3);
	assert_memory_equal(msglog_get(l, 0)->text, text, len);
	free(text);
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newest_first),
		cmocka_unit_test(test_oldest_goes_when_full),
		cmocka_unit_test(test_repeats_and_empty_not_kept),
		cmocka_unit_test(test_long_text_cut_on_a_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
