/* FILE.kijun-lock, made with O_EXCL so exactly one kijun wins; it names
 * its holder so the next one can say who, and whether that holder is
 * still alive (only a pid on this host can be checked). */
#include "kijun/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kijun/i18n.h"

static char *lock_path(const char *file)
{
	size_t n = strlen(file) + sizeof(LOCK_SUFFIX);
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s", file, LOCK_SUFFIX);
	return p;
}

static void own_info(struct lock_info *me)
{
	struct passwd *pw = getpwuid(getuid());
	const char *user = pw && pw->pw_name ? pw->pw_name : getenv("USER");
	time_t now = time(NULL);
	struct tm tm;

	memset(me, 0, sizeof(*me));
	snprintf(me->user, sizeof(me->user), "%s", user ? user : "");
	gethostname(me->host, sizeof(me->host) - 1);
	me->pid = (long)getpid();
	gmtime_r(&now, &tm);
	strftime(me->since, sizeof(me->since), "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A value on one line, with anything that would break it replaced. */
static void clean(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			*s = '?';
}

static void copy_value(char *dst, size_t size, const char *v)
{
	size_t n = strcspn(v, "\n");

	if (n >= size)
		n = size - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

/* Reads the holder; false when the lock is not there any more. */
static bool read_info(const char *path, struct lock_info *info, struct diag_list *diags)
{
	char buf[1024];
	ssize_t n;
	int fd;

	memset(info, 0, sizeof(*info));
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0) {
		if (errno != ENOENT)
			diag_add(diags, path, 0, 0, _("cannot read the lock: %s"), strerror(errno));
		return false;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (char *line = buf, *nl; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		if (strncmp(line, "user: ", 6) == 0)
			copy_value(info->user, sizeof(info->user), line + 6);
		else if (strncmp(line, "host: ", 6) == 0)
			copy_value(info->host, sizeof(info->host), line + 6);
		else if (strncmp(line, "pid: ", 5) == 0)
			info->pid = strtol(line + 5, NULL, 10);
		else if (strncmp(line, "since: ", 7) == 0)
			copy_value(info->since, sizeof(info->since), line + 7);
	}
	return true;
}

/* Gone: a process of this host that no longer exists.  A lock from
 * another host, or without a pid (still being written), is never
 * stale: its holder cannot be checked from here. */
static bool is_stale(const struct lock_info *info)
{
	char host[256] = "";

	gethostname(host, sizeof(host) - 1);
	if (info->pid <= 0 || strcmp(info->host, host) != 0 || info->pid == (long)getpid())
		return false;
	return kill((pid_t)info->pid, 0) != 0 && errno == ESRCH;
}

static bool same_holder(const struct lock_info *a, const struct lock_info *b)
{
	return a->pid == b->pid && strcmp(a->host, b->host) == 0 &&
	       strcmp(a->user, b->user) == 0 && strcmp(a->since, b->since) == 0;
}

static enum lock_result try_create(struct lock *l, struct lock_info *info,
				   struct diag_list *diags)
{
	struct lock_info me;
	char text[512];
	int fd, n;

	own_info(&me);
	clean(me.user);
	clean(me.host);
	n = snprintf(text, sizeof(text), "%s\nuser: %s\nhost: %s\npid: %ld\nsince: %s\n",
		     LOCK_FORMAT, me.user, me.host, me.pid, me.since);
	fd = open(l->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		if (errno != EEXIST) {
			diag_add(diags, l->path, 0, 0, _("cannot make the lock: %s"), strerror(errno));
			return LOCK_FAILED;
		}
		if (!read_info(l->path, info, diags))
			return diag_any(diags) ? LOCK_FAILED : try_create(l, info, diags);
		return is_stale(info) ? LOCK_STALE : LOCK_HELD;
	}
	if (n < 0 || write(fd, text, (size_t)n) != n || fsync(fd) != 0) {
		diag_add(diags, l->path, 0, 0, _("cannot make the lock: %s"), strerror(errno));
		close(fd);
		unlink(l->path);
		return LOCK_FAILED;
	}
	close(fd);
	*info = me;
	l->held = true;
	return LOCK_TAKEN;
}

enum lock_result lock_acquire(struct lock *l, const char *file, struct lock_info *info,
			      struct diag_list *diags)
{
	l->held = false;
	l->path = lock_path(file);
	memset(info, 0, sizeof(*info));
	if (!l->path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return LOCK_FAILED;
	}
	return try_create(l, info, diags);
}

enum lock_result lock_take_over(struct lock *l, const char *file, const struct lock_info *stale,
				struct lock_info *info, struct diag_list *diags)
{
	struct lock_info now;

	if (!l->path && !(l->path = lock_path(file))) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return LOCK_FAILED;
	}
	/* Only the lock that was found stale, and only while it still is:
	 * another kijun may have taken it over in between. */
	if (read_info(l->path, &now, diags)) {
		if (!same_holder(&now, stale) || !is_stale(&now)) {
			*info = now;
			return is_stale(&now) ? LOCK_STALE : LOCK_HELD;
		}
		if (unlink(l->path) != 0 && errno != ENOENT) {
			diag_add(diags, l->path, 0, 0, _("cannot remove the lock: %s"), strerror(errno));
			return LOCK_FAILED;
		}
	} else if (diag_any(diags)) {
		return LOCK_FAILED;
	}
	return try_create(l, info, diags);
}

void lock_release(struct lock *l)
{
	struct diag_list ignored;
	struct lock_info now, me;

	if (l->held && l->path) {
		/* Never remove a lock someone took over from this process. */
		diag_list_init(&ignored);
		own_info(&me);
		if (read_info(l->path, &now, &ignored) && now.pid == me.pid &&
		    strcmp(now.host, me.host) == 0)
			unlink(l->path);
		diag_list_free(&ignored);
	}
	free(l->path);
	l->path = NULL;
	l->held = false;
}
