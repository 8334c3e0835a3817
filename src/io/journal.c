/* Writing FILE.kijun-journal: a header, then one record per apply, undo
 * or redo, each framed by its length and a SHA-256 so a record cut short
 * by kill -9 is recognized and left out (jrecord.c reads them).  A change
 * is written as a one-change tailoring document, so the tailoring reader
 * (and its change check) reads it back: no second syntax for changes. */
#include "kijun/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jrecord.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"

/* ---- writing ------------------------------------------------------------ */

char *journal_path(const char *file)
{
	size_t n = strlen(file) + sizeof(JOURNAL_SUFFIX);
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s%s", file, JOURNAL_SUFFIX);
	return p;
}

static void utc_now(char out[32])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* The directory entry of a new file survives a power cut only once the
 * directory itself is synced. */
static void sync_dir_of(const char *path)
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

/* A header value on one line: anything that would break the line goes. */
static void put_value(struct strbuf *b, const char *key, const char *value)
{
	strbuf_add(b, key, strlen(key));
	strbuf_add(b, ": ", 2);
	for (const char *p = value ? value : ""; *p; p++)
		strbuf_add(b, (unsigned char)*p < 0x20 || *p == 0x7F ? "?" : p, 1);
	strbuf_add(b, "\n", 1);
}

static const char *login_name(void)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name)
		return pw->pw_name;
	return getenv("USER") ? getenv("USER") : "";
}

static bool create_file(struct journal *j, const struct session *s)
{
	const struct workspace *w = session_workspace(s);
	char host[256] = "", when[32], pid[24];
	struct strbuf b;
	bool ok;

	/* O_EXCL: never write into a journal someone else holds; 0600: it
	 * holds the same text as the tailoring, for its owner only. */
	j->fd = open(j->path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
		     0600);
	if (j->fd < 0)
		return false;
	gethostname(host, sizeof(host) - 1);
	utc_now(when);
	snprintf(pid, sizeof(pid), "%ld", (long)getpid());
	strbuf_init(&b);
	strbuf_add(&b, JOURNAL_FORMAT "\n", strlen(JOURNAL_FORMAT) + 1);
	put_value(&b, "file", w->path);
	put_value(&b, "hash", w->disk_hash[0] ? w->disk_hash : "none");
	put_value(&b, "author", session_author(s));
	put_value(&b, "user", login_name());
	put_value(&b, "host", host);
	put_value(&b, "pid", pid);
	put_value(&b, "started", when);
	strbuf_add(&b, "\n", 1);
	ok = b.data && !b.failed && write_all(j->fd, b.data, b.len) && fsync(j->fd) == 0;
	strbuf_free(&b);
	if (ok)
		sync_dir_of(j->path);
	return ok;
}

/* The change as a one-change tailoring document. */
static bool change_body(const struct change *c, struct strbuf *out)
{
	struct tailoring t;
	bool ok;

	tailoring_init(&t);
	t.id = "journal";
	t.base.kind = BASE_CATALOG;
	t.base.id = "journal";
	ok = tailoring_append(&t, c) >= 0 && tailoring_write(&t, out);
	tailoring_free(&t);
	return ok;
}

/* "@kind time len sha256\n" body "\n"; the digest covers the line
 * before it and the body, so neither can be half there unnoticed. */
static bool append_record(struct journal *j, const struct session *s, enum jkind kind,
			  const struct change *c)
{
	struct strbuf body, rec;
	char when[32], head[96], hex[65];
	off_t end;
	bool ok;
	int n;

	if (j->fd < 0 && !create_file(j, s)) {
		j->error = errno ? errno : EIO;
		if (j->fd >= 0) {
			close(j->fd);
			j->fd = -1;
			unlink(j->path);
		}
		return false;
	}
	strbuf_init(&body);
	strbuf_init(&rec);
	if (c && (kind == J_APPLY || kind == J_DROP) && !change_body(c, &body)) {
		strbuf_free(&body);
		j->error = ENOMEM;
		return false;
	}
	utc_now(when);
	n = snprintf(head, sizeof(head), "%s %s %zu", jrecord_kind_name(kind), when, body.len);
	jrecord_digest(head, (size_t)n, body.data, body.len, hex);
	strbuf_add(&rec, "@", 1);
	strbuf_add(&rec, head, (size_t)n);
	strbuf_add(&rec, " ", 1);
	strbuf_add(&rec, hex, 64);
	strbuf_add(&rec, "\n", 1);
	if (body.len)
		strbuf_add(&rec, body.data, body.len);
	strbuf_add(&rec, "\n", 1);
	/* One write, then fsync: the record is on disk before the screen
	 * shows the change. */
	errno = 0;
	end = lseek(j->fd, 0, SEEK_END);
	ok = rec.data && !rec.failed && !body.failed &&
	     write_all(j->fd, rec.data, rec.len) && fsync(j->fd) == 0;
	j->error = ok ? 0 : (errno ? errno : ENOMEM);
	if (!ok && end >= 0 && ftruncate(j->fd, end) == 0)
		fsync(j->fd);  /* no half record before the next one */
	strbuf_free(&body);
	strbuf_free(&rec);
	return ok;
}

bool journal_record(struct journal *j, const struct session *s, enum session_event ev,
		    const struct change *c)
{
	enum jkind kind;

	if (!j->path) {
		j->error = EBADF;
		return false;
	}
	/* A history with a hole would replay into something else: after a
	 * record is lost, nothing more is written until journal_restart. */
	if (j->stopped)
		return false;
	switch (ev) {
	case SESSION_APPLIED:
		kind = J_APPLY;
		j->depth++;
		j->undone = 0;
		break;
	case SESSION_UNDONE:
		/* An undo reaching past what this journal recorded takes
		 * back a change the file holds: the record must carry it. */
		kind = j->depth ? J_UNDO : J_DROP;
		if (j->depth)
			j->depth--;
		j->undone++;
		break;
	case SESSION_REDONE:
	default:
		/* A redo of something undone before the journal started is,
		 * for the file it starts from, a change like any other. */
		kind = j->undone ? J_REDO : J_APPLY;
		if (j->undone)
			j->undone--;
		j->depth++;
		break;
	}
	if (!append_record(j, s, kind, c)) {
		j->stopped = true;
		return false;
	}
	return true;
}

void journal_observe(void *ctx, const struct session *s, enum session_event ev,
		     const struct change *c)
{
	journal_record(ctx, s, ev, c);
}

int journal_error(const struct journal *j)
{
	return j->error;
}

static void close_fd(struct journal *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
}

bool journal_restart(struct journal *j, const struct session *s)
{
	const struct workspace *w = session_workspace(s);

	if (!j->path) {
		j->error = EBADF;
		return false;
	}
	close_fd(j);
	if (unlink(j->path) != 0 && errno != ENOENT) {
		j->error = errno;
		return false;
	}
	j->depth = j->undone = 0;
	j->error = 0;
	j->stopped = false;
	if (!w)
		return true;
	for (uint32_t k = session_saved_prefix(s); k < w->t.count; k++)
		if (!journal_record(j, s, SESSION_APPLIED, &w->t.changes[k]))
			return false;
	return true;
}

void journal_close(struct journal *j, bool remove)
{
	close_fd(j);
	if (remove && j->path)
		unlink(j->path);
	free(j->path);
	j->path = NULL;
}

bool journal_discard(const char *file, struct diag_list *diags)
{
	char *p = journal_path(file);

	if (!p) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (unlink(p) != 0 && errno != ENOENT) {
		diag_add(diags, p, 0, 0, _("cannot remove the journal: %s"), strerror(errno));
		free(p);
		return false;
	}
	free(p);
	return true;
}

bool journal_open(struct journal *j, const char *file, struct diag_list *diags)
{
	struct jread jr;

	memset(j, 0, sizeof(*j));
	j->fd = -1;
	j->path = journal_path(file);
	if (!j->path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (!jrecord_load(&jr, j->path, diags)) {
		bool none = !jr.info.exists;

		jrecord_free(&jr);
		if (!none) {
			free(j->path);
			j->path = NULL;
		}
		return none;
	}
	if (!jr.good_end) {
		/* Cut short while its header was written: it holds nothing,
		 * and the first record makes it again. */
		jrecord_free(&jr);
		if (unlink(j->path) == 0 || errno == ENOENT)
			return true;
		diag_add(diags, j->path, 0, 0, _("cannot remove the journal: %s"), strerror(errno));
		free(j->path);
		j->path = NULL;
		return false;
	}
	if (jr.info.damaged) {
		diag_add(diags, j->path, 0, 0, "%s",
			 _("the journal is damaged: recover or discard it first (kijun recover FILE)"));
		jrecord_free(&jr);
		free(j->path);
		j->path = NULL;
		return false;
	}
	/* Carry on where it stopped: the counts as the records left them,
	 * a torn tail cut off so the next record starts on a clean line. */
	for (uint32_t k = 0; k < jr.count; k++)
		switch (jr.recs[k].kind) {
		case J_APPLY: j->depth++; j->undone = 0; break;
		case J_UNDO: j->depth -= j->depth > 0; j->undone++; break;
		case J_DROP: j->undone++; break;
		case J_REDO: j->undone -= j->undone > 0; j->depth++; break;
		default: break;
		}
	j->fd = open(j->path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
	if (j->fd < 0 || ftruncate(j->fd, (off_t)jr.good_end) != 0) {
		diag_add(diags, j->path, 0, 0, _("cannot write the journal: %s"), strerror(errno));
		close_fd(j);
		jrecord_free(&jr);
		free(j->path);
		j->path = NULL;
		return false;
	}
	jrecord_free(&jr);
	return true;
}
