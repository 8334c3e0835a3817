/* Unit tests for include/kijun/journal.h, and the save check and reload
 * of session_io.h: a crash simulated by dropping the session without
 * closing the journal, then a second session recovering from it. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/journal.h"
#include "kijun/session.h"
#include "kijun/session_io.h"

struct fixture {
	char dir[64];
	char path[128];
	char jpath[160];
	struct session s;
	struct journal j;
	struct diag_list d;
};

static void identity(struct session *s, const char *author)
{
	assert_int_equal(session_set_author(s, author), SESSION_OK);
	assert_int_equal(session_set_date(s, "2026-01-15"), SESSION_OK);
}

static void open_session(struct fixture *f, struct session *s)
{
	assert_true(session_load_file(s, f->path, SESSION_OPEN_TAILORING, &f->d));
	identity(s, "鈴木 花子");
}

/* A saved, empty tailoring, a session on it and a journal listening. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct session first;

	if (!f)
		return -1;
	diag_list_init(&f->d);
	strcpy(f->dir, "/tmp/kijun-journal-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/corp.yaml", f->dir);
	snprintf(f->jpath, sizeof(f->jpath), "%s.kijun-journal", f->path);
	if (!session_load_file(&first, f->path, SESSION_OPEN_ANY, &f->d) ||
	    session_save_file(&first, &f->d) != SESSION_SAVED)
		return -1;
	session_free(&first);
	if (!session_load_file(&f->s, f->path, SESSION_OPEN_TAILORING, &f->d) ||
	    session_set_author(&f->s, "山田 太郎") != SESSION_OK ||
	    session_set_date(&f->s, "2026-01-15") != SESSION_OK ||
	    !journal_open(&f->j, f->path, &f->d))
		return -1;
	session_set_observer(&f->s, journal_observe, &f->j);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[200];

	journal_close(&f->j, true);
	session_free(&f->s);
	diag_list_free(&f->d);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s~", f->path);
	unlink(p);
	unlink(f->jpath);
	rmdir(f->dir);
	free(f);
	return 0;
}

static struct change exclude(const char *target)
{
	struct change c;

	memset(&c, 0, sizeof(c));
	c.op = OP_EXCLUDE;
	c.step = 1;
	c.target = target;
	c.reason = "対象外";
	c.item.kind = -1;
	return c;
}

static void apply(struct session *s, const char *target)
{
	struct change c = exclude(target);
	struct session_result r;

	assert_int_equal(session_apply(s, &c, &r), SESSION_OK);
}

static enum item_status status_of(const struct session *s, const char *id)
{
	uint32_t i = catalog_find(session_shown(s), id);

	assert_int_not_equal(i, ITEM_NONE);
	return (enum item_status)session_info(s, i)->status;
}

static uint32_t changes(const struct session *s)
{
	return session_workspace(s)->t.count;
}

/* kill -9: the journal stays as it is on disk. */
static void crash(struct fixture *f)
{
	journal_close(&f->j, false);
	session_free(&f->s);
}

static char *slurp(const char *path, size_t *len)
{
	struct diag_list d;
	char *buf = NULL;

	diag_list_init(&d);
	assert_true(file_read_all(path, &buf, len, &d));
	diag_list_free(&d);
	return buf;
}

/* ---- journaling and recovering -------------------------------------------- */

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;
	struct session s2;
	struct stat st;

	apply(&f->s, "3.2");
	apply(&f->s, "4.1");
	assert_int_equal(journal_error(&f->j), 0);
	crash(f);

	assert_int_equal(stat(f->jpath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_true(info.exists);
	assert_false(info.torn);
	assert_false(info.damaged);
	assert_false(info.file_changed);
	assert_int_equal(info.records, 2);
	assert_int_equal(info.changes, 2);
	assert_string_equal(info.author, "山田 太郎");
	assert_int_equal(info.pid, (long)getpid());
	assert_int_equal(strlen(info.last), 20);

	open_session(f, &s2);
	assert_int_equal(changes(&s2), 0);
	assert_true(journal_recover(&s2, f->path, &f->d));
	assert_false(diag_any(&f->d));
	assert_int_equal(changes(&s2), 2);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_EXCLUDED);
	assert_int_equal(status_of(&s2, "4.1"), STATUS_EXCLUDED);
	/* Each change keeps who made it, not who recovered it. */
	assert_string_equal(session_workspace(&s2)->t.changes[0].author, "山田 太郎");
	assert_string_equal(session_author(&s2), "鈴木 花子");
	assert_true(session_modified(&s2));
	/* The recovered changes are this session's: they can be undone. */
	assert_true(session_can_undo(&s2));
	f->s = s2;
	assert_true(journal_open(&f->j, f->path, &f->d));
}

static void test_save_removes_and_restarts(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;

	apply(&f->s, "3.2");
	assert_int_equal(access(f->jpath, F_OK), 0);
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVED);
	assert_true(journal_restart(&f->j, &f->s));
	assert_int_not_equal(access(f->jpath, F_OK), 0);
	assert_false(journal_inspect(f->path, &info, &f->d));
	assert_false(info.exists);
	/* The next change starts a journal from the saved file. */
	apply(&f->s, "4.1");
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_int_equal(info.changes, 1);
	assert_false(info.file_changed);
}

static void test_torn_last_record_is_left_out(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;
	struct session s2;
	struct stat st;

	apply(&f->s, "3.2");
	apply(&f->s, "4.1");
	crash(f);
	/* kill -9 in the middle of the second record's write. */
	assert_int_equal(stat(f->jpath, &st), 0);
	assert_int_equal(truncate(f->jpath, st.st_size - 25), 0);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_true(info.torn);
	assert_false(info.damaged);
	assert_int_equal(info.records, 1);
	open_session(f, &s2);
	assert_true(journal_recover(&s2, f->path, &f->d));
	assert_int_equal(changes(&s2), 1);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_EXCLUDED);
	/* Journaling carries on after the last whole record. */
	f->s = s2;
	assert_true(journal_open(&f->j, f->path, &f->d));
	session_set_observer(&f->s, journal_observe, &f->j);
	apply(&f->s, "3.3");
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_false(info.torn);
	assert_int_equal(info.records, 2);
}

/* kill -9 while the header was written: there is nothing to bring back,
 * and journaling starts afresh. */
static void test_torn_header(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;
	struct session s2;

	apply(&f->s, "3.2");
	crash(f);
	assert_int_equal(truncate(f->jpath, 30), 0);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_true(info.torn);
	assert_int_equal(info.records, 0);
	open_session(f, &s2);
	assert_true(journal_recover(&s2, f->path, &f->d));
	assert_int_equal(changes(&s2), 0);
	f->s = s2;
	assert_true(journal_open(&f->j, f->path, &f->d));
	session_set_observer(&f->s, journal_observe, &f->j);
	apply(&f->s, "4.1");
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_false(info.torn);
	assert_int_equal(info.records, 1);
	assert_false(diag_any(&f->d));
}

static void test_file_changed_keeps_journal_whole(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;
	struct session other, s2;
	char *before, *after;
	size_t blen, alen;

	apply(&f->s, "3.2");
	crash(f);
	before = slurp(f->jpath, &blen);
	/* Someone else saved the file meanwhile. */
	open_session(f, &other);
	apply(&other, "3.3");
	assert_int_equal(session_save_file(&other, &f->d), SESSION_SAVED);
	session_free(&other);

	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_true(info.file_changed);
	open_session(f, &s2);
	assert_false(journal_recover(&s2, f->path, &f->d));
	assert_true(diag_any(&f->d));
	assert_non_null(strstr(f->d.items[0].message, "changed"));
	/* Nothing half-applied, the journal untouched. */
	assert_int_equal(changes(&s2), 1);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_KEPT);
	after = slurp(f->jpath, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(before, after, blen);
	free(before);
	free(after);
	f->s = s2;
}

static void test_refused_change_keeps_journal_whole(void **state)
{
	struct fixture *f = *state;
	struct change bad = exclude("99.99");
	struct session s2;
	char *before, *after;
	size_t blen, alen;

	apply(&f->s, "3.2");
	/* A record the session would refuse (as if the base changed). */
	assert_true(journal_record(&f->j, &f->s, SESSION_APPLIED, &bad));
	crash(f);
	before = slurp(f->jpath, &blen);
	open_session(f, &s2);
	assert_false(journal_recover(&s2, f->path, &f->d));
	assert_true(diag_any(&f->d));
	assert_non_null(strstr(f->d.items[f->d.count - 1].message, "record 2"));
	assert_int_equal(changes(&s2), 0);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_KEPT);
	assert_false(session_modified(&s2));
	after = slurp(f->jpath, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(before, after, blen);
	free(before);
	free(after);
	f->s = s2;
	assert_int_equal(journal_error(&f->j), 0);
}

static void test_undo_redo_marks(void **state)
{
	struct fixture *f = *state;
	struct session_result r;
	struct journal_info info;
	struct session s2;

	apply(&f->s, "3.2");
	apply(&f->s, "4.1");
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	crash(f);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_int_equal(info.records, 5);
	assert_int_equal(info.changes, 2);
	assert_int_equal(info.undos, 2);
	assert_int_equal(info.redos, 1);
	open_session(f, &s2);
	assert_true(journal_recover(&s2, f->path, &f->d));
	assert_int_equal(changes(&s2), 1);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_EXCLUDED);
	assert_int_equal(status_of(&s2, "4.1"), STATUS_KEPT);
	/* What was undone can be redone, as before the crash. */
	assert_true(session_can_redo(&s2));
	assert_int_equal(session_redo(&s2, &r), SESSION_OK);
	assert_int_equal(status_of(&s2, "4.1"), STATUS_EXCLUDED);
	f->s = s2;
	assert_true(journal_open(&f->j, f->path, &f->d));
}

/* An undo reaching past a save takes back a change the file holds. */
static void test_undo_past_save(void **state)
{
	struct fixture *f = *state;
	struct session_result r;
	struct session s2;

	apply(&f->s, "3.2");
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVED);
	assert_true(journal_restart(&f->j, &f->s));
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	apply(&f->s, "4.1");
	crash(f);
	open_session(f, &s2);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_EXCLUDED);
	assert_true(journal_recover(&s2, f->path, &f->d));
	assert_false(diag_any(&f->d));
	assert_int_equal(changes(&s2), 1);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_KEPT);
	assert_int_equal(status_of(&s2, "4.1"), STATUS_EXCLUDED);
	assert_true(session_modified(&s2));
	f->s = s2;
	assert_true(journal_open(&f->j, f->path, &f->d));
}

static void test_modes_under_umask_0(void **state)
{
	struct fixture *f = *state;
	mode_t old = umask(0);
	struct stat st;

	apply(&f->s, "3.2");
	umask(old);
	assert_int_equal(stat(f->jpath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
}

/* A record that cannot be written stops the journal (no history with a
 * hole) and says so; a restart after the save starts it again. */
static void test_write_failure_stops(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;

	assert_int_equal(mkdir(f->jpath, 0700), 0);
	apply(&f->s, "3.2");
	assert_int_equal(journal_error(&f->j), EEXIST);
	assert_int_equal(rmdir(f->jpath), 0);
	apply(&f->s, "4.1");
	assert_int_not_equal(journal_error(&f->j), 0);
	assert_int_not_equal(access(f->jpath, F_OK), 0);
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVED);
	assert_true(journal_restart(&f->j, &f->s));
	assert_int_equal(journal_error(&f->j), 0);
	apply(&f->s, "3.3");
	assert_int_equal(journal_error(&f->j), 0);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_int_equal(info.changes, 1);
}

static void test_discard(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;

	apply(&f->s, "3.2");
	crash(f);
	assert_true(journal_discard(f->path, &f->d));
	assert_false(journal_inspect(f->path, &info, &f->d));
	assert_false(info.exists);
	assert_true(journal_discard(f->path, &f->d));
	open_session(f, &f->s);
	assert_true(journal_open(&f->j, f->path, &f->d));
}

static void test_damaged_journal_is_refused(void **state)
{
	struct fixture *f = *state;
	struct journal_info info;
	struct session s2;
	char *buf;
	size_t len;
	FILE *out;

	apply(&f->s, "3.2");
	apply(&f->s, "4.1");
	crash(f);
	/* A byte changed inside the first record: not a torn tail. */
	buf = slurp(f->jpath, &len);
	buf[strstr(buf, "op: exclude") - buf + 4] = 'X';
	out = fopen(f->jpath, "w");
	assert_non_null(out);
	fwrite(buf, 1, len, out);
	fclose(out);
	free(buf);
	assert_true(journal_inspect(f->path, &info, &f->d));
	assert_true(info.damaged);
	open_session(f, &s2);
	assert_false(journal_recover(&s2, f->path, &f->d));
	assert_int_equal(changes(&s2), 0);
	f->s = s2;
	assert_false(journal_open(&f->j, f->path, &f->d));
}

/* ---- the file changed on disk ---------------------------------------------- */

static void test_save_refused_when_file_changed(void **state)
{
	struct fixture *f = *state;
	struct session other;
	struct session_refused refused;
	struct session_result r;
	char *text;
	size_t len;

	open_session(f, &other);
	apply(&other, "3.2");
	assert_int_equal(session_save_file(&other, &f->d), SESSION_SAVED);
	/* f->s still has the file as it was: saving would lose 3.2. */
	apply(&f->s, "3.2");
	apply(&f->s, "4.1");
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVE_CHANGED);
	assert_true(diag_any(&f->d));
	text = slurp(f->path, &len);
	assert_null(strstr(text, "4.1"));
	free(text);

	/* Reload with the unsaved changes on top: 3.2 is excluded already. */
	assert_true(session_reload_file(&f->s, &refused, &f->d));
	assert_int_equal(changes(&f->s), 2);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_EXCLUDED);
	assert_int_equal(status_of(&f->s, "4.1"), STATUS_EXCLUDED);
	assert_int_equal(refused.changes.count, 1);
	assert_string_equal(refused.changes.changes[0].target, "3.2");
	assert_int_equal(refused.codes[0], SESSION_CONFLICT);
	assert_string_equal(session_author(&f->s), "山田 太郎");
	assert_true(session_modified(&f->s));
	assert_true(journal_restart(&f->j, &f->s));
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVED);
	text = slurp(f->path, &len);
	assert_non_null(strstr(text, "4.1"));
	free(text);
	assert_true(journal_restart(&f->j, &f->s));
	assert_int_not_equal(access(f->jpath, F_OK), 0);
	/* The observer carried over: undo is journaled. */
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(access(f->jpath, F_OK), 0);
	session_refused_free(&refused);
	session_free(&other);
}

/* A file that no longer reads as a tailoring: the reload says why and
 * the session keeps everything. */
static void test_reload_of_a_broken_file(void **state)
{
	struct fixture *f = *state;
	struct session_refused refused;
	FILE *out;

	apply(&f->s, "3.2");
	out = fopen(f->path, "w");
	assert_non_null(out);
	fputs("format: [\n", out);
	fclose(out);
	assert_int_equal(session_save_file(&f->s, &f->d), SESSION_SAVE_CHANGED);
	assert_false(session_reload_file(&f->s, &refused, &f->d));
	session_refused_free(&refused);
	assert_true(f->d.count >= 2);
	assert_int_equal(changes(&f->s), 1);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_EXCLUDED);
	assert_true(session_modified(&f->s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_removes_and_restarts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_last_record_is_left_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_changed_keeps_journal_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_change_keeps_journal_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_redo_marks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_past_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_modes_under_umask_0, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_failure_stops, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_journal_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_refused_when_file_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload_of_a_broken_file, setup, teardown),
	};

	/* The diags are matched in English. */
	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
