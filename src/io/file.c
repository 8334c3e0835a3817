#include "kijun/file.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijun/i18n.h"

/* Why a path that is not a regular file cannot be read, or NULL. */
static const char *not_regular(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return _("is a directory, not a file");
	if (S_ISFIFO(mode))
		return _("is a FIFO (named pipe), not a file; kijun reads and writes only regular files");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("is a device, not a file; kijun reads and writes only regular files");
	return _("is not a regular file; kijun reads and writes only regular files");
}

bool file_read_all(const char *path, char **data, size_t *len, struct diag_list *diags)
{
	struct stat st;
	char *buf = NULL;
	size_t size = 0, cap = 0;
	const char *why;
	/* O_NONBLOCK: opening a FIFO without a writer would wait for one;
	 * the file type is checked right after, before any read. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	*data = NULL;
	*len = 0;
	if (fd < 0) {
		diag_add(diags, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0) {
		diag_add(diags, path, 0, 0, _("cannot read: %s"), strerror(errno));
		goto fail;
	}
	why = not_regular(st.st_mode);
	if (why) {
		diag_add(diags, path, 0, 0, "%s", why);
		goto fail;
	}
	if ((size_t)st.st_size > FILE_MAX_BYTES)
		goto too_large;
	/* Read until EOF rather than trusting st_size: a file that grows
	 * while we read is still bounded. */
	for (;;) {
		ssize_t n;

		if (size == cap) {
			size_t want = cap ? cap * 2 : 64 * 1024;
			char *p;

			if (cap >= FILE_MAX_BYTES + 1)
				goto too_large;
			if (want > FILE_MAX_BYTES + 1)
				want = FILE_MAX_BYTES + 1;
			p = realloc(buf, want + 1);
			if (!p) {
				diag_add(diags, path, 0, 0, "%s", _("out of memory"));
				goto fail;
			}
			buf = p;
			cap = want;
		}
		n = read(fd, buf + size, cap - size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			diag_add(diags, path, 0, 0, _("cannot read: %s"), strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		size += (size_t)n;
		if (size > FILE_MAX_BYTES)
			goto too_large;
	}
	close(fd);
	if (!buf) {
		buf = malloc(1);
		if (!buf) {
			diag_add(diags, path, 0, 0, "%s", _("out of memory"));
			return false;
		}
	}
	buf[size] = '\0';
	*data = buf;
	*len = size;
	return true;
too_large:
	diag_add(diags, path, 0, 0, _("is larger than %zu MiB; kijun does not open files this large"),
		 FILE_MAX_BYTES >> 20);
fail:
	free(buf);
	close(fd);
	return false;
}

static bool write_fully(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

static void sync_directory(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* The file a save replaces: path itself, or where its symlinks lead, so
 * that the link stays a link and its target gets the new text.  A link to
 * a file that does not exist yet leads to where that file will be. */
static char *save_target(const char *path)
{
	char *cur = strdup(path);

	for (int hops = 0; cur && hops < 40; hops++) {
		struct stat st;
		char link[4096], *next, *slash;
		ssize_t n;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		n = readlink(cur, link, sizeof(link) - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		slash = strrchr(cur, '/');
		if (link[0] == '/' || !slash) {
			next = strdup(link);
		} else {
			size_t dlen = (size_t)(slash - cur) + 1;

			next = malloc(dlen + (size_t)n + 1);
			if (next) {
				memcpy(next, cur, dlen);
				memcpy(next + dlen, link, (size_t)n + 1);
			}
		}
		free(cur);
		cur = next;
	}
	if (cur)
		errno = ELOOP;
	free(cur);
	return NULL;
}

#define TMP_TAG ".kijun-tmp."

/* Temporary files of saves of base in dir whose kijun no longer runs (it
 * was killed mid-save): ".BASE.kijun-tmp.PID" with PID not alive here. */
static void remove_stale_temps(const char *dir, const char *base)
{
	size_t blen = strlen(base), tlen = strlen(TMP_TAG);
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name, *digits;
		char *end;
		long pid;

		if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 ||
		    strncmp(name + 1 + blen, TMP_TAG, tlen) != 0)
			continue;
		digits = name + 1 + blen + tlen;
		if (*digits < '1' || *digits > '9')
			continue;
		errno = 0;
		pid = strtol(digits, &end, 10);
		if (*end || errno || pid <= 0 || pid > INT_MAX || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			unlinkat(dirfd(d), name, 0);
	}
	closedir(d);
}

/* Gives fd the owner, group and permissions of st, as far as we may: only
 * root can give a file away, but the group often can be kept.  Ownership
 * goes first, as chown clears set-id bits. */
static int copy_owner_and_mode(int fd, const struct stat *st)
{
	if (fchown(fd, st->st_uid, st->st_gid) != 0 && errno == EPERM)
		(void)!fchown(fd, (uid_t)-1, st->st_gid);
	return fchmod(fd, st->st_mode & 07777);
}

/* "path~" as a copy, where the file system has no hard links (vfat, exFAT
 * on USB sticks). */
static bool copy_file(const char *from, const char *to, const struct stat *st)
{
	char buf[64 * 1024];
	int in = open(from, O_RDONLY | O_NOCTTY | O_CLOEXEC), out = -1;
	bool ok = false;

	if (in < 0)
		return false;
	unlink(to);
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (out < 0)
		goto done;
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto done;
		if (n == 0)
			break;
		if (!write_fully(out, buf, (size_t)n))
			goto done;
	}
	/* Not copying the mode would make a private file's backup readable
	 * to all; owner and group as far as we may, like the file itself. */
	copy_owner_and_mode(out, st);
	ok = fsync(out) == 0;
done:
	if (out >= 0 && close(out) != 0)
		ok = false;
	close(in);
	if (!ok)
		unlink(to);
	return ok;
}

/* link() fails this way where the file system cannot hard-link. */
static bool link_unsupported(int err)
{
	return err == EPERM || err == EOPNOTSUPP || err == ENOTSUP || err == EXDEV ||
	       err == EMLINK || err == ENOSYS;
}

static bool keep_backup(const char *path, const char *target, const struct stat *st,
			struct diag_list *diags)
{
	size_t tlen = strlen(target);
	char *bak = malloc(tlen + 2);
	int err;

	if (!bak) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	memcpy(bak, target, tlen);
	memcpy(bak + tlen, "~", 2);
	/* A hard link keeps the old version even if the rename fails, at
	 * no cost; a copy where the file system has none. */
	unlink(bak);
	if (link(target, bak) == 0 ||
	    ((err = errno, link_unsupported(err)) && copy_file(target, bak, st))) {
		free(bak);
		return true;
	}
	err = errno;
	diag_add(diags, path, 0, 0, _("cannot keep the previous version as %s: %s"),
		 bak, strerror(err));
	free(bak);
	return false;
}

enum file_write_result file_write(const char *path, const char *data, size_t len,
				  unsigned flags, struct diag_list *diags)
{
	enum file_write_result result = FILE_WRITE_FAILED;
	char *target = save_target(path), *dir = NULL, *tmp = NULL;
	const char *base;
	struct stat st;
	bool existed = false;
	int fd = -1, err;
	size_t need;

	if (!target) {
		diag_add(diags, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return FILE_WRITE_FAILED;
	}
	if (stat(target, &st) == 0) {
		const char *why = not_regular(st.st_mode);

		existed = true;
		if (why) {
			diag_add(diags, path, 0, 0, "%s", why);
			goto done;
		}
		/* No write bit at all is read-only even for root, as in vi. */
		if (!(flags & FILE_WRITE_FORCE) &&
		    (!(st.st_mode & 0222) || access(target, W_OK) != 0)) {
			diag_add(diags, path, 0, 0, "%s",
				 _("is read-only; it was not replaced"));
			result = FILE_WRITE_READ_ONLY;
			goto done;
		}
	} else if (errno != ENOENT) {
		diag_add(diags, path, 0, 0, _("cannot open: %s"), strerror(errno));
		goto done;
	}
	base = strrchr(target, '/');
	dir = base ? strndup(target, (size_t)(base - target) + (base == target)) : strdup(".");
	base = base ? base + 1 : target;
	need = strlen(dir) + strlen(base) + sizeof(TMP_TAG) + 24;
	tmp = malloc(need);
	if (!dir || !tmp) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		goto done;
	}
	remove_stale_temps(dir, base);
	snprintf(tmp, need, "%s/.%s" TMP_TAG "%ld", dir, base, (long)getpid());
	unlink(tmp);  /* our pid: a leftover of ours, or of a dead namesake */
	/* A new file gets 0666 less the umask, as every editor does. */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  existed || (flags & FILE_WRITE_PRIVATE) ? 0600 : 0666);
	if (fd < 0) {
		diag_add(diags, path, 0, 0, _("cannot create a temporary file beside it: %s"),
			 strerror(errno));
		goto done;
	}
	if ((existed && copy_owner_and_mode(fd, &st) != 0) ||
	    !write_fully(fd, data, len) || fsync(fd) != 0) {
		err = errno;
		close(fd);
		diag_add(diags, path, 0, 0, _("cannot write: %s"), strerror(err));
		goto fail_unlink;
	}
	if (close(fd) != 0) {
		err = errno;
		diag_add(diags, path, 0, 0, _("cannot write: %s"), strerror(err));
		goto fail_unlink;
	}
	if ((flags & FILE_WRITE_BACKUP) && existed && !keep_backup(path, target, &st, diags))
		goto fail_unlink;
	if (rename(tmp, target) != 0) {
		err = errno;
		diag_add(diags, path, 0, 0, _("cannot replace the file: %s"), strerror(err));
		goto fail_unlink;
	}
	sync_directory(dir);
	result = FILE_WRITTEN;
	goto done;
fail_unlink:
	unlink(tmp);
done:
	free(target);
	free(dir);
	free(tmp);
	return result;
}

bool file_write_atomic(const char *path, const char *data, size_t len,
		       bool backup, struct diag_list *diags)
{
	return file_write(path, data, len, backup ? FILE_WRITE_BACKUP : 0, diags) == FILE_WRITTEN;
}
