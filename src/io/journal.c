/* FILE.kijun-journal: a header, then one record per apply, undo or redo,
 * each framed by its length and a SHA-256 so a record cut short by kill
 * -9 is recognized and left out.  A change is written as a one-change
 * tailoring document, so the tailoring reader (and its change check)
 * reads it back: there is no second syntax for changes. */
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

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/sha256.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"
#include "kijun/workspace_io.h"

/* Record kinds.  "drop" is an undo of a change the journal did not
 * record (made before the last save): it carries the change, and
 * replaying it lets undo reach into the file's changes. */
enum jkind { J_APPLY, J_UNDO, J_REDO, J_DROP, J_KIND_COUNT };
static const char *const kind_names[] = { "apply", "undo", "redo", "drop" };

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
	struct sha256 h;
	uint8_t digest[32];
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
	n = snprintf(head, sizeof(head), "%s %s %zu", kind_names[kind], when, body.len);
	sha256_init(&h);
	sha256_update(&h, head, (size_t)n);
	sha256_update(&h, "\n", 1);
	if (body.len)
		sha256_update(&h, body.data, body.len);
	sha256_final(&h, digest);
	for (int k = 0; k < 32; k++)
		snprintf(hex + 2 * k, 3, "%02x", digest[k]);
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
	ok = rec.data && !rec.failed && !body.failed &&
	     write_all(j->fd, rec.data, rec.len) && fsync(j->fd) == 0;
	j->error = ok ? 0 : (errno ? errno : ENOMEM);
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
	return append_record(j, s, kind, c);
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

/* ---- reading ------------------------------------------------------------ */

struct jrec {
	enum jkind kind;
	char when[32];
	const char *body;
	size_t len;
};

struct jread {
	char *buf;
	size_t size;
	struct journal_info info;
	char hash[72];
	struct jrec *recs;
	uint32_t count;
	size_t good_end;     /* just past the last whole record */
};

static void copy_field(char *dst, size_t size, const char *v, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

/* The header: "key: value" lines up to a blank one.  False when it is
 * not all there (torn, or not a journal). */
static bool read_header(struct jread *jr, size_t *pos)
{
	const char *p = jr->buf, *end = jr->buf + jr->size;
	size_t flen = strlen(JOURNAL_FORMAT);
	const char *line = p;

	if (jr->size < flen + 1 || memcmp(p, JOURNAL_FORMAT "\n", flen + 1) != 0)
		return false;
	line += flen + 1;
	for (;;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line)), *colon;
		size_t klen;

		if (!nl)
			return false;
		if (nl == line) {
			*pos = (size_t)(nl + 1 - jr->buf);
			return true;
		}
		colon = memchr(line, ':', (size_t)(nl - line));
		if (colon && colon + 1 < nl && colon[1] == ' ') {
			const char *v = colon + 2;
			size_t vlen = (size_t)(nl - v);

			klen = (size_t)(colon - line);
			if (klen == 4 && memcmp(line, "hash", 4) == 0)
				copy_field(jr->hash, sizeof(jr->hash), v, vlen);
			else if (klen == 6 && memcmp(line, "author", 6) == 0)
				copy_field(jr->info.author, sizeof(jr->info.author), v, vlen);
			else if (klen == 4 && memcmp(line, "user", 4) == 0)
				copy_field(jr->info.user, sizeof(jr->info.user), v, vlen);
			else if (klen == 4 && memcmp(line, "host", 4) == 0)
				copy_field(jr->info.host, sizeof(jr->info.host), v, vlen);
			else if (klen == 3 && memcmp(line, "pid", 3) == 0)
				jr->info.pid = strtol(v, NULL, 10);
			else if (klen == 7 && memcmp(line, "started", 7) == 0)
				copy_field(jr->info.started, sizeof(jr->info.started), v, vlen);
		}
		line = nl + 1;
	}
}

/* One record at *pos: 1 read, 0 cut short (nothing whole follows), -1
 * broken. */
static int read_record(struct jread *jr, size_t *pos, struct jrec *out)
{
	const char *start = jr->buf + *pos, *end = jr->buf + jr->size;
	const char *nl = memchr(start, '\n', (size_t)(end - start));
	char line[208], kind[8], when[32], hex[65], want[65];
	unsigned long long len;
	size_t avail;
	struct sha256 h;
	uint8_t digest[32];
	const char *sp;
	int k;

	if (!nl)
		return 0;
	if (*start != '@' || nl - start > 200)
		return -1;
	memcpy(line, start, (size_t)(nl - start));
	line[nl - start] = '\0';
	if (sscanf(line, "@%7s %31s %llu %64s", kind, when, &len, hex) != 4 || strlen(hex) != 64)
		return -1;
	for (k = 0; k < J_KIND_COUNT && strcmp(kind, kind_names[k]) != 0; k++)
		;
	if (k == J_KIND_COUNT)
		return -1;
	/* The body and the newline after it must both be there. */
	avail = (size_t)(end - nl - 1);
	if (len >= avail)
		return 0;
	if (nl[1 + len] != '\n')
		return -1;
	sp = nl;
	while (sp > start && *sp != ' ')
		sp--;
	sha256_init(&h);
	sha256_update(&h, start + 1, (size_t)(sp - start - 1));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, nl + 1, (size_t)len);
	sha256_final(&h, digest);
	for (int b = 0; b < 32; b++)
		snprintf(want + 2 * b, 3, "%02x", digest[b]);
	/* A mismatch in the very last record is a write cut short; the
	 * caller tells the two apart by what follows. */
	if (strcmp(want, hex) != 0)
		return nl + 2 + len == end ? 0 : -1;
	out->kind = (enum jkind)k;
	copy_field(out->when, sizeof(out->when), when, strlen(when));
	out->body = nl + 1;
	out->len = (size_t)len;
	*pos = (size_t)(nl + 2 + len - jr->buf);
	return 1;
}

static void jread_free(struct jread *jr)
{
	free(jr->buf);
	free(jr->recs);
	memset(jr, 0, sizeof(*jr));
}

/* Reads the journal of file.  False with info.exists false when there
 * is none; false with a diag when it cannot be read. */
static bool jread_load(struct jread *jr, const char *path, struct diag_list *diags)
{
	struct stat st;
	size_t pos = 0;

	memset(jr, 0, sizeof(*jr));
	if (lstat(path, &st) != 0)
		return false;
	jr->info.exists = true;
	if (!S_ISREG(st.st_mode)) {
		diag_add(diags, path, 0, 0, "%s", _("the journal is not a regular file"));
		return false;
	}
	if (!file_read_all(path, &jr->buf, &jr->size, diags))
		return false;
	if (!read_header(jr, &pos)) {
		/* Cut short while it was being made: it holds nothing. */
		jr->info.torn = true;
		return true;
	}
	jr->good_end = pos;
	while (pos < jr->size) {
		struct jrec rec;
		int got;

		if (jr->count % 64 == 0) {
			struct jrec *v = realloc(jr->recs, (jr->count + 64) * sizeof(*v));

			if (!v) {
				diag_add(diags, path, 0, 0, "%s", _("out of memory"));
				return false;
			}
			jr->recs = v;
		}
		got = read_record(jr, &pos, &rec);
		if (got == 0) {
			jr->info.torn = true;
			break;
		}
		if (got < 0) {
			jr->info.damaged = true;
			break;
		}
		jr->recs[jr->count++] = rec;
		jr->good_end = pos;
		jr->info.records++;
		jr->info.changes += rec.kind == J_APPLY;
		jr->info.undos += rec.kind == J_UNDO || rec.kind == J_DROP;
		jr->info.redos += rec.kind == J_REDO;
		memcpy(jr->info.last, rec.when, sizeof(rec.when));
	}
	return true;
}

/* The hash of FILE as it is on disk now, "none" when it is not there. */
static void file_hash_now(const char *file, char out[72])
{
	struct diag_list ignored;
	char *buf;
	size_t len;

	strcpy(out, "none");
	if (access(file, F_OK) != 0)
		return;
	strcpy(out, "unreadable");
	diag_list_init(&ignored);
	if (file_read_all(file, &buf, &len, &ignored)) {
		sha256_tag(buf, len, out);
		free(buf);
	}
	diag_list_free(&ignored);
}

bool journal_inspect(const char *file, struct journal_info *info, struct diag_list *diags)
{
	char *path = journal_path(file), now[72];
	struct jread jr;
	bool ok;

	memset(info, 0, sizeof(*info));
	if (!path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	ok = jread_load(&jr, path, diags);
	free(path);
	if (ok) {
		file_hash_now(file, now);
		jr.info.file_changed = jr.hash[0] && strcmp(now, jr.hash) != 0;
	}
	*info = jr.info;
	jread_free(&jr);
	return ok;
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
	if (!jread_load(&jr, j->path, diags)) {
		bool none = !jr.info.exists;

		jread_free(&jr);
		if (!none) {
			free(j->path);
			j->path = NULL;
		}
		return none;
	}
	if (!jr.good_end) {
		/* Cut short while its header was written: it holds nothing,
		 * and the first record makes it again. */
		jread_free(&jr);
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
		jread_free(&jr);
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
		jread_free(&jr);
		free(j->path);
		j->path = NULL;
		return false;
	}
	jread_free(&jr);
	return true;
}

/* ---- recovery ------------------------------------------------------------ */

/* Replays record k into s; SESSION_OK when it applied. */
static enum session_code replay(struct session *s, const struct jrec *rec, const char *path,
				struct diag_list *diags)
{
	struct session_result r;
	struct tailoring t;
	enum session_code code;

	if (rec->kind == J_UNDO)
		return session_undo(s, &r);
	if (rec->kind == J_REDO)
		return session_redo(s, &r);
	if (!tailoring_read(&t, path, rec->body, rec->len, diags))
		return SESSION_INVALID_CHANGE;
	if (t.count != 1) {
		tailoring_free(&t);
		return SESSION_INVALID_CHANGE;
	}
	if (rec->kind == J_APPLY) {
		code = session_replay(s, &t.changes[0], &r);
	} else {
		/* The change it takes back must be the file's newest. */
		const struct workspace *w = session_workspace(s);
		const struct change *top = w && w->t.count ? &w->t.changes[w->t.count - 1] : NULL;

		if (!top || top->op != t.changes[0].op || !top->target != !t.changes[0].target ||
		    (top->target && strcmp(top->target, t.changes[0].target) != 0)) {
			code = SESSION_NOTHING_TO_UNDO;
		} else {
			session_extend_undo(s, 1);
			code = session_undo(s, &r);
		}
	}
	tailoring_free(&t);
	return code;
}

bool journal_recover(struct session *s, const char *file, struct diag_list *diags)
{
	struct workspace *w = session_workspace(s);
	char *path = journal_path(file);
	struct session fresh;
	struct jread jr;
	bool ok = false;

	if (!path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (!jread_load(&jr, path, diags)) {
		if (!jr.info.exists)
			diag_add(diags, path, 0, 0, "%s", _("there is no journal to recover"));
		goto out;
	}
	if (jr.info.damaged) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the journal is damaged before its end: nothing recovered, the journal is kept"));
		goto out;
	}
	if (!jr.count) {
		ok = true;  /* cut short before its first record: nothing to bring back */
		goto out;
	}
	if (!w || strcmp(w->path, file) != 0) {
		diag_add(diags, file, 0, 0, "%s", _(session_code_message(SESSION_READ_ONLY)));
		goto out;
	}
	if (strcmp(w->disk_hash[0] ? w->disk_hash : "none", jr.hash) != 0 ||
	    workspace_disk_changed(w)) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the file changed since the journal was written: nothing recovered, the journal is kept"));
		goto out;
	}
	/* Replayed into a session of its own, so a record that fails
	 * leaves s untouched: never half-applied. */
	if (!session_load_file(&fresh, file, SESSION_OPEN_ANY, diags))
		goto out;
	if (!session_editing(&fresh) ||
	    strcmp(session_workspace(&fresh)->disk_hash, w->disk_hash) != 0) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the file changed since the journal was written: nothing recovered, the journal is kept"));
		session_free(&fresh);
		goto out;
	}
	for (uint32_t k = 0; k < jr.count; k++) {
		enum session_code code = replay(&fresh, &jr.recs[k], path, diags);

		if (code != SESSION_OK) {
			diag_add(diags, path, 0, 0,
				 _("record %u (%s) does not apply: %s; nothing recovered, the journal is kept"),
				 k + 1, kind_names[jr.recs[k].kind], _(session_code_message(code)));
			session_free(&fresh);
			goto out;
		}
	}
	if (s->author)
		session_set_author(&fresh, s->author);
	session_set_date(&fresh, s->date);
	session_set_view(&fresh, s->view);
	session_set_observer(&fresh, s->observer, s->observer_ctx);
	session_free(s);
	*s = fresh;
	ok = true;
out:
	jread_free(&jr);
	free(path);
	return ok;
}
