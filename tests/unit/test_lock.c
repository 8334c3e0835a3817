/* Unit tests for include/kijun/lock.h: one holder, the second told who,
 * a dead holder's lock recognized as stale and taken over. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/lock.h"

struct fixture {
	char dir[64];
	char path[128];
	char lpath[160];
	struct diag_list d;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	diag_list_init(&f->d);
	strcpy(f->dir, "/tmp/kijun-lock-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/corp.yaml", f->dir);
	snprintf(f->lpath, sizeof(f->lpath), "%s.kijun-lock", f->path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->lpath);
	rmdir(f->dir);
	diag_list_free(&f->d);
	free(f);
	return 0;
}

/* A lock file as another kijun would have written it. */
static void write_lock(const char *path, const char *host, long pid)
{
	FILE *out = fopen(path, "w");

	assert_non_null(out);
	fprintf(out, "kijun-lock/1\nuser: sato\nhost: %s\npid: %ld\nsince: 2026-11-29T07:00:00Z\n",
		host, pid);
	fclose(out);
}

static void this_host(char *host, size_t size)
{
	memset(host, 0, size);
	assert_int_equal(gethostname(host, size - 1), 0);
}

/* A pid that existed and is gone: a child that has exited and been
 * reaped. */
static long dead_pid(void)
{
	pid_t child = fork();
	int status;

	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, &status, 0), child);
	return (long)child;
}

static void test_first_holds_second_is_told(void **state)
{
	struct fixture *f = *state;
	struct lock a, b;
	struct lock_info info;
	struct stat st;
	char host[256];
	mode_t old = umask(0);

	/* 0600 whatever the umask lets through. */
	assert_int_equal(lock_acquire(&a, f->path, &info, &f->d), LOCK_TAKEN);
	umask(old);
	assert_true(a.held);
	assert_int_equal(stat(f->lpath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* The same process again stands for a second kijun: it is told,
	 * and never takes it. */
	assert_int_equal(lock_acquire(&b, f->path, &info, &f->d), LOCK_HELD);
	assert_false(b.held);
	this_host(host, sizeof(host));
	assert_string_equal(info.host, host);
	assert_int_equal(info.pid, (long)getpid());
	assert_int_equal(strlen(info.since), 20);
	assert_true(info.user[0] != '\0');
	lock_release(&b);
	assert_int_equal(access(f->lpath, F_OK), 0);
	lock_release(&a);
	assert_int_not_equal(access(f->lpath, F_OK), 0);
	assert_false(diag_any(&f->d));
}

static void test_other_holder_alive(void **state)
{
	struct fixture *f = *state;
	struct lock l;
	struct lock_info info;
	char host[256];

	this_host(host, sizeof(host));
	/* pid 1 always exists. */
	write_lock(f->lpath, host, 1);
	assert_int_equal(lock_acquire(&l, f->path, &info, &f->d), LOCK_HELD);
	assert_string_equal(info.user, "sato");
	assert_int_equal(info.pid, 1);
	assert_string_equal(info.since, "2026-11-29T07:00:00Z");
	assert_int_equal(lock_take_over(&l, f->path, &info, &info, &f->d), LOCK_HELD);
	assert_false(l.held);
	lock_release(&l);
	assert_int_equal(access(f->lpath, F_OK), 0);
}

static void test_stale_lock_taken_over(void **state)
{
	struct fixture *f = *state;
	struct lock l;
	struct lock_info info, stale;
	char host[256];
	long pid = dead_pid();

	this_host(host, sizeof(host));
	write_lock(f->lpath, host, pid);
	assert_int_equal(lock_acquire(&l, f->path, &stale, &f->d), LOCK_STALE);
	assert_int_equal(stale.pid, pid);
	assert_false(l.held);
	assert_int_equal(lock_take_over(&l, f->path, &stale, &info, &f->d), LOCK_TAKEN);
	assert_true(l.held);
	assert_int_equal(info.pid, (long)getpid());
	lock_release(&l);
	assert_int_not_equal(access(f->lpath, F_OK), 0);
}

static void test_other_host_never_stale(void **state)
{
	struct fixture *f = *state;
	struct lock l;
	struct lock_info info;

	write_lock(f->lpath, "elsewhere.invalid", dead_pid());
	assert_int_equal(lock_acquire(&l, f->path, &info, &f->d), LOCK_HELD);
	assert_string_equal(info.host, "elsewhere.invalid");
	lock_release(&l);
}

static void test_take_over_only_the_stale_one(void **state)
{
	struct fixture *f = *state;
	struct lock l;
	struct lock_info info, stale;
	char host[256];

	this_host(host, sizeof(host));
	write_lock(f->lpath, host, dead_pid());
	assert_int_equal(lock_acquire(&l, f->path, &stale, &f->d), LOCK_STALE);
	/* Someone else took it over in between. */
	write_lock(f->lpath, host, 1);
	assert_int_equal(lock_take_over(&l, f->path, &stale, &info, &f->d), LOCK_HELD);
	assert_int_equal(info.pid, 1);
	assert_false(l.held);
	lock_release(&l);
	assert_int_equal(access(f->lpath, F_OK), 0);
}

static void test_release_keeps_a_lock_taken_over(void **state)
{
	struct fixture *f = *state;
	struct lock l;
	struct lock_info info;
	char host[256];

	this_host(host, sizeof(host));
	assert_int_equal(lock_acquire(&l, f->path, &info, &f->d), LOCK_TAKEN);
	write_lock(f->lpath, host, 1);
	lock_release(&l);
	assert_int_equal(access(f->lpath, F_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_holds_second_is_told, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_holder_alive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_lock_taken_over, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_host_never_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_take_over_only_the_stale_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_release_keeps_a_lock_taken_over, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
