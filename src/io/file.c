#include "kijun/file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijun/i18n.h"

bool file_read_all(const char *path, char **data, size_t *len, struct diag_list *diags)
{
	struct stat st;
	char *buf = NULL;
	size_t size = 0, cap = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*data = NULL;
	*len = 0;
	if (fd < 0) {
		diag_add(diags, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return false;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			diag_add(diags, path, 0, 0, "%s", _("is a directory, not a file"));
			goto fail;
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > FILE_MAX_BYTES)
			goto too_large;
	}
	/* Read until EOF rather than trusting st_size: pipes and files
	 * that grow while we read are handled the same way. */
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

static void sync_directory_of(const char *path)
{
	char *copy = strdup(path);
	int fd;

	if (!copy)
		return;
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

bool file_write_atomic(const char *path, const char *data, size_t len,
		       bool backup, struct diag_list *diags)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16), *bak = malloc(plen + 2);
	struct stat st;
	mode_t mode = 0644;
	bool existed = false;
	int fd = -1, saved;

	if (!tmp || !bak) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		goto fail;
	}
	if (stat(path, &st) == 0) {
		existed = true;
		mode = st.st_mode & 07777;
	}
	snprintf(tmp, plen + 16, "%s.kijun-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		diag_add(diags, path, 0, 0, _("cannot create a temporary file beside it: %s"),
			 strerror(errno));
		goto fail;
	}
	if (fchmod(fd, mode) != 0 || !write_fully(fd, data, len) || fsync(fd) != 0) {
		saved = errno;
		diag_add(diags, path, 0, 0, _("cannot write: %s"), strerror(saved));
		goto fail_unlink;
	}
	if (close(fd) != 0) {
		fd = -1;
		saved = errno;
		diag_add(diags, path, 0, 0, _("cannot write: %s"), strerror(saved));
		goto fail_unlink;
	}
	fd = -1;
	if (backup && existed) {
		snprintf(bak, plen + 2, "%s~", path);
		/* A hard link keeps the old version even if the rename
		 * below fails; fall back to a copy-free rename of nothing. */
		unlink(bak);
		if (link(path, bak) != 0) {
			saved = errno;
			diag_add(diags, path, 0, 0, _("cannot keep the previous version as %s: %s"),
				 bak, strerror(saved));
			goto fail_unlink;
		}
	}
	if (rename(tmp, path) != 0) {
		saved = errno;
		diag_add(diags, path, 0, 0, _("cannot replace the file: %s"), strerror(saved));
		goto fail_unlink;
	}
	sync_directory_of(path);
	free(tmp);
	free(bak);
	return true;
fail_unlink:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
fail:
	free(tmp);
	free(bak);
	return false;
}
