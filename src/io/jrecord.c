/* Reading FILE.kijun-journal back: the header, then records framed by
 * their length and digest, stopping at the first that is not whole. */
#include "jrecord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/sha256.h"

static const char *const kind_names[] = { "apply", "undo", "redo", "drop" };

const char *jrecord_kind_name(enum jkind kind)
{
	return kind < J_KIND_COUNT ? kind_names[kind] : "";
}

void jrecord_digest(const char *head, size_t head_len, const char *body, size_t len,
		    char hex[65])
{
	struct sha256 h;
	uint8_t digest[32];

	sha256_init(&h);
	sha256_update(&h, head, head_len);
	sha256_update(&h, "\n", 1);
	if (len)
		sha256_update(&h, body, len);
	sha256_final(&h, digest);
	for (int k = 0; k < 32; k++)
		snprintf(hex + 2 * k, 3, "%02x", digest[k]);
}

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
	for (k = 0; k < J_KIND_COUNT && strcmp(kind, jrecord_kind_name((enum jkind)k)) != 0; k++)
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
	jrecord_digest(start + 1, (size_t)(sp - start - 1), nl + 1, (size_t)len, want);
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

void jrecord_free(struct jread *jr)
{
	free(jr->buf);
	free(jr->recs);
	memset(jr, 0, sizeof(*jr));
}

bool jrecord_load(struct jread *jr, const char *path, struct diag_list *diags)
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
