/* The files an evaluation names beside itself: its tailoring, its design
 * evaluation and its evidence, by paths relative to its own directory so
 * that the folder can be moved or cloned with git as a whole. */
#include "kijun/evaluation_io.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/file.h"
#include "kijun/sha256.h"
#include "kijun/strbuf.h"

/* The directory part of path ("." when none), malloc'd. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *evaluation_files_beside(const char *eval_path, const char *rel)
{
	char *dir, *out;
	struct strbuf b;

	if (rel[0] == '/')
		return strdup(rel);
	dir = dir_of(eval_path);
	if (!dir)
		return NULL;
	if (strcmp(dir, ".") == 0) {
		free(dir);
		return strdup(rel);
	}
	strbuf_init(&b);
	strbuf_addf(&b, "%s/%s", dir, rel);
	free(dir);
	if (b.failed) {
		strbuf_free(&b);
		return NULL;
	}
	out = strbuf_detach(&b, NULL);
	return out;
}

char *evaluation_files_relative(const char *eval_path, const char *target)
{
	char *dir = dir_of(eval_path), *tdir = dir_of(target);
	const char *base = strrchr(target, '/') ? strrchr(target, '/') + 1 : target;
	char from[PATH_MAX], to[PATH_MAX];
	struct strbuf b;
	size_t common = 0;
	const char *rest;

	if (!dir || !tdir || !realpath(dir, from) || !realpath(tdir, to)) {
		free(dir);
		free(tdir);
		return NULL;
	}
	free(dir);
	free(tdir);
	/* The longest common leading directories. */
	for (size_t k = 0;; k++) {
		if ((from[k] == '/' || from[k] == '\0') && (to[k] == '/' || to[k] == '\0'))
			common = k;
		if (from[k] != to[k] || from[k] == '\0')
			break;
	}
	strbuf_init(&b);
	for (const char *p = from + common; *p; p++)
		if (*p == '/' && p[1])
			strbuf_adds(&b, "../");
	rest = to + common;
	if (*rest == '/')
		rest++;
	if (*rest)
		strbuf_addf(&b, "%s/", rest);
	strbuf_adds(&b, base);
	if (b.failed) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_detach(&b, NULL);
}

bool evaluation_files_hash(const char *path, char out[72], struct diag_list *diags)
{
	char *buf;
	size_t len;

	if (!file_read_all(path, &buf, &len, diags))
		return false;
	sha256_tag(buf, len, out);
	free(buf);
	return true;
}

enum evidence_check evaluation_files_check(const char *eval_path, const struct eval_evidence *v)
{
	struct diag_list quiet;
	char *path, hash[72];
	bool ok;

	if (!v->file)
		return EVIDENCE_NO_FILE;
	path = evaluation_files_beside(eval_path, v->file);
	if (!path)
		return EVIDENCE_MISSING;
	diag_list_init(&quiet);
	ok = evaluation_files_hash(path, hash, &quiet);
	diag_list_free(&quiet);
	free(path);
	if (!ok)
		return EVIDENCE_MISSING;
	return v->sha256 && strcmp(v->sha256, hash) == 0 ? EVIDENCE_OK : EVIDENCE_CHANGED;
}
