/* Unit tests for include/kijun/file.h: reads that refuse what is not a
 * regular file at once, and saves as a careful editor makes them (umask,
 * 0600, owner kept, symlinks followed, stale temporary files removed, a
 * copy for "FILE~" where link() fails, read-only files left alone). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/file.h"
#include "kijun/i18n.h"

/* file.c calls link(); this definition takes its place in this test binary
 * so a file system without hard links (vfat, exFAT) can be imitated. */
static bool link_fails;

int link(const char *from, const char *to)
{
	if (link_fails) {
		errno = EPERM;
		return -1;
	}
	return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

static char dir[256];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s/kijun-test-file.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	link_fails = false;
	umask(022);
	i18n_set_language(LANGUAGE_EN);
	return 0;
}

static int remove_dir(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	(void)state;
	if (d) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
	umask(022);
	return 0;
}

static char *at(const char *name)
{
	static char paths[4][512];
	static int next;
	char *p = paths[next++ % 4];

	snprintf(p, 512, "%s/%s", dir, name);
	return p;
}

static void put(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void expect_content(const char *path, const char *want)
{
	struct diag_list d;
	char *buf;
	size_t len;

	diag_list_init(&d);
	assert_true(file_read_all(path, &buf, &len, &d));
	assert_string_equal(buf, want);
	free(buf);
	diag_list_free(&d);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static enum file_write_result save(const char *path, const char *text, unsigned flags)
{
	struct diag_list d;
	enum file_write_result r;

	diag_list_init(&d);
	r = file_write(path, text, strlen(text), flags, &d);
	assert_int_equal(r == FILE_WRITTEN, d.count == 0);
	diag_list_free(&d);
	return r;
}

/* The one problem reading path gives, which must contain `want`. */
static void expect_read_refused(const char *path, const char *want)
{
	struct diag_list d;
	char *buf = (char *)"x";
	size_t len = 7;

	diag_list_init(&d);
	assert_false(file_read_all(path, &buf, &len, &d));
	assert_null(buf);
	assert_int_equal(len, 0);
	assert_int_equal(d.count, 1);
	if (!strstr(d.items[0].message, want))
		fail_msg("reading %s: \"%s\", want \"%s\"", path, d.items[0].message, want);
	diag_list_free(&d);
}

static void on_alarm(int sig)
{
	static const char msg[] = "test_file: a read blocked\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(1);
}

/* A FIFO without a writer would block open() and read() for good. */
static void test_read_refuses_what_is_not_a_file(void **state)
{
	int fd;

	(void)state;
	signal(SIGALRM, on_alarm);
	alarm(10);
	assert_int_equal(mkfifo(at("fifo.yaml"), 0644), 0);
	expect_read_refused(at("fifo.yaml"), "FIFO");
	expect_read_refused("/dev/null", "device");
	expect_read_refused(dir, "directory");
	expect_read_refused(at("missing.yaml"), "cannot open");
	/* Larger than the limit: refused by its size, before reading. */
	fd = open(at("big.yaml"), O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)FILE_MAX_BYTES + 1), 0);
	close(fd);
	expect_read_refused(at("big.yaml"), "larger than");
	alarm(0);
	signal(SIGALRM, SIG_DFL);
}

static void test_read_empty_and_plain(void **state)
{
	(void)state;
	put(at("empty"), "", 0644);
	expect_content(at("empty"), "");
	put(at("plain"), "a: 1\n", 0644);
	expect_content(at("plain"), "a: 1\n");
}

static void test_new_file_follows_umask(void **state)
{
	(void)state;
	umask(077);
	assert_int_equal(save(at("a.yaml"), "a\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	assert_int_equal(mode_of(at("a.yaml")), 0600);
	umask(022);
	assert_int_equal(save(at("b.yaml"), "b\n", 0), FILE_WRITTEN);
	assert_int_equal(mode_of(at("b.yaml")), 0644);
	umask(002);
	assert_int_equal(save(at("c.yaml"), "c\n", 0), FILE_WRITTEN);
	assert_int_equal(mode_of(at("c.yaml")), 0664);
	expect_content(at("c.yaml"), "c\n");
	/* No backup of what did not exist. */
	assert_int_equal(access(at("a.yaml~"), F_OK), -1);
}

static void test_private_file_is_0600(void **state)
{
	(void)state;
	umask(0);
	assert_int_equal(save(at("p.journal"), "j\n", FILE_WRITE_PRIVATE), FILE_WRITTEN);
	assert_int_equal(mode_of(at("p.journal")), 0600);
}

/* An existing file keeps its mode (a 0600 one is not widened by the umask),
 * and so does its backup. */
static void test_existing_keeps_mode(void **state)
{
	(void)state;
	put(at("t.yaml"), "old\n", 0640);
	umask(0);
	assert_int_equal(save(at("t.yaml"), "new\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	assert_int_equal(mode_of(at("t.yaml")), 0640);
	assert_int_equal(mode_of(at("t.yaml~")), 0640);
	expect_content(at("t.yaml"), "new\n");
	expect_content(at("t.yaml~"), "old\n");
}

static void test_owner_kept(void **state)
{
	struct stat st;

	(void)state;
	if (geteuid() != 0)
		skip();  /* only root can give a file to someone else */
	put(at("o.yaml"), "old\n", 0600);
	assert_int_equal(chown(at("o.yaml"), 4242, 4343), 0);
	assert_int_equal(save(at("o.yaml"), "new\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	assert_int_equal(stat(at("o.yaml"), &st), 0);
	assert_int_equal(st.st_uid, 4242);
	assert_int_equal(st.st_gid, 4343);
	assert_int_equal(st.st_mode & 07777, 0600);
}

/* Saving through a symlink replaces its target; the link stays a link. */
static void test_symlink_followed(void **state)
{
	struct stat st;

	(void)state;
	put(at("real.yaml"), "old\n", 0600);
	assert_int_equal(symlink("real.yaml", at("link.yaml")), 0);
	assert_int_equal(save(at("link.yaml"), "new\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	assert_int_equal(lstat(at("link.yaml"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_content(at("real.yaml"), "new\n");
	expect_content(at("real.yaml~"), "old\n");
	assert_int_equal(mode_of(at("real.yaml")), 0600);
	assert_int_equal(access(at("link.yaml~"), F_OK), -1);
	/* A link to a file not there yet: the file is made where it points. */
	assert_int_equal(symlink("later.yaml", at("dangling.yaml")), 0);
	assert_int_equal(save(at("dangling.yaml"), "x\n", 0), FILE_WRITTEN);
	assert_int_equal(lstat(at("dangling.yaml"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_content(at("later.yaml"), "x\n");
	/* A loop is an error, not a hang. */
	assert_int_equal(symlink("loop2", at("loop1")), 0);
	assert_int_equal(symlink("loop1", at("loop2")), 0);
	assert_int_equal(save(at("loop1"), "x\n", 0), FILE_WRITE_FAILED);
}

static size_t count_entries(const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

/* A kijun killed mid-save leaves ".NAME.kijun-tmp.PID"; the next save
 * removes those whose pid is gone, and leaves a running kijun's alone. */
static void test_stale_temps_removed(void **state)
{
	char name[128];
	pid_t dead = fork();

	(void)state;
	assert_true(dead >= 0);
	if (dead == 0)
		_exit(0);
	assert_int_equal(waitpid(dead, NULL, 0), dead);
	put(at("s.yaml"), "old\n", 0644);
	snprintf(name, sizeof(name), ".s.yaml.kijun-tmp.%ld", (long)dead);
	put(at(name), "partial", 0600);
	snprintf(name, sizeof(name), ".s.yaml.kijun-tmp.%ld", (long)getppid());
	put(at(name), "someone saving now", 0600);
	put(at(".s.yaml.kijun-tmp.x1"), "not ours", 0600);
	put(at(".other.yaml.kijun-tmp.999999999"), "another file's", 0600);
	assert_int_equal(count_entries(".s.yaml.kijun-tmp."), 3);
	assert_int_equal(save(at("s.yaml"), "new\n", 0), FILE_WRITTEN);
	/* The live one and the malformed one stay; ours is renamed away. */
	assert_int_equal(count_entries(".s.yaml.kijun-tmp."), 2);
	assert_int_equal(access(at(name), F_OK), 0);
	snprintf(name, sizeof(name), ".s.yaml.kijun-tmp.%ld", (long)dead);
	assert_int_equal(access(at(name), F_OK), -1);
	assert_int_equal(count_entries(".other.yaml.kijun-tmp."), 1);
	expect_content(at("s.yaml"), "new\n");
}

/* On a file system without hard links, "FILE~" is a copy. */
static void test_backup_by_copy_without_link(void **state)
{
	(void)state;
	put(at("v.yaml"), "first\n", 0600);
	link_fails = true;
	assert_int_equal(save(at("v.yaml"), "second\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	expect_content(at("v.yaml"), "second\n");
	expect_content(at("v.yaml~"), "first\n");
	assert_int_equal(mode_of(at("v.yaml~")), 0600);
	/* Again, over the previous backup. */
	assert_int_equal(save(at("v.yaml"), "third\n", FILE_WRITE_BACKUP), FILE_WRITTEN);
	expect_content(at("v.yaml~"), "second\n");
	link_fails = false;
}

/* A read-only file is not replaced until the caller says so; then it
 * stays read-only. */
static void test_read_only_asks(void **state)
{
	struct diag_list d;

	(void)state;
	put(at("r.yaml"), "old\n", 0444);
	assert_int_equal(save(at("r.yaml"), "new\n", FILE_WRITE_BACKUP), FILE_WRITE_READ_ONLY);
	expect_content(at("r.yaml"), "old\n");
	assert_int_equal(access(at("r.yaml~"), F_OK), -1);
	diag_list_init(&d);
	assert_false(file_write_atomic(at("r.yaml"), "new\n", 4, true, &d));
	assert_int_equal(d.count, 1);
	assert_non_null(strstr(d.items[0].message, "read-only"));
	diag_list_free(&d);
	expect_content(at("r.yaml"), "old\n");
	assert_int_equal(save(at("r.yaml"), "new\n", FILE_WRITE_BACKUP | FILE_WRITE_FORCE),
			 FILE_WRITTEN);
	expect_content(at("r.yaml"), "new\n");
	assert_int_equal(mode_of(at("r.yaml")), 0444);
	assert_int_equal(count_entries(".r.yaml.kijun-tmp."), 0);
}

/* Saving onto a FIFO or a directory fails without touching it. */
static void test_save_refuses_what_is_not_a_file(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(mkfifo(at("w.fifo"), 0644), 0);
	assert_int_equal(save(at("w.fifo"), "x\n", FILE_WRITE_BACKUP), FILE_WRITE_FAILED);
	assert_int_equal(lstat(at("w.fifo"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(save(dir, "x\n", 0), FILE_WRITE_FAILED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_refuses_what_is_not_a_file, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_read_empty_and_plain, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_new_file_follows_umask, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_private_file_is_0600, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_existing_keeps_mode, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_owner_kept, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_symlink_followed, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_stale_temps_removed, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_backup_by_copy_without_link, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_read_only_asks, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(test_save_refuses_what_is_not_a_file, make_dir, remove_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
