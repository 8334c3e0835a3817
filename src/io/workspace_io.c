/* Opens a tailoring with everything it stands on: base tailorings down to
 * a catalog (the built-in one unless a file is named), each checked
 * against the hash recorded when the tailoring was made, then resolved
 * from the bottom up.  Resolving again and freeing are core
 * (src/core/workspace.c); reading and writing files is here. */
#include "kijun/workspace_io.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/sha256.h"
#include "kijun/tailoring_io.h"

/* `file` as seen from the directory of `from`. */
static char *path_beside(const char *from, const char *file)
{
	char *copy, *dir, *out;
	size_t n;

	if (file[0] == '/')
		return strdup(file);
	copy = strdup(from);
	if (!copy)
		return NULL;
	dir = dirname(copy);
	n = strlen(dir) + strlen(file) + 2;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s/%s", dir, file);
	free(copy);
	return out;
}

static void check_hash(struct workspace *w, const char *referrer, const char *recorded,
		       const char *actual, const char *what)
{
	if (recorded && strcmp(recorded, actual) != 0)
		diag_add(&w->warnings, referrer, 0, 0,
			 _("%s has changed since this tailoring was made; changes whose targets are gone are shown as conflicts"),
			 what);
}

/* True when bytes hash to `recorded`.  A catalog file as kijun writes it
 * is its canonical form, so an unchanged one matches the recorded hash
 * byte for byte; hashing its bytes costs a small part of writing the
 * canonical form again.  path NULL: the built-in catalog's text. */
static bool bytes_hash_to(const char *path, const char *recorded)
{
	struct sha256 h;
	char tag[72], buf[65536];
	size_t n;
	FILE *f;

	if (!path) {
		const char *text = catalog_builtin_text(&n);

		sha256_tag(text, n, tag);
		return strcmp(tag, recorded) == 0;
	}
	f = fopen(path, "rb");
	if (!f)
		return false;
	sha256_init(&h);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sha256_update(&h, buf, n);
	if (ferror(f)) {
		fclose(f);
		return false;
	}
	fclose(f);
	sha256_final_tag(&h, tag);
	return strcmp(tag, recorded) == 0;
}

static bool load_root(struct workspace *w, const struct tailoring *t, const char *referrer,
		      struct diag_list *diags)
{
	char hash[72], *p = NULL;
	bool ok;

	if (t->base.file) {
		p = path_beside(referrer, t->base.file);
		ok = p && catalog_load_file(&w->root, p, diags);
	} else {
		/* A built-in catalog by its id (csf-2.0 too), else the standard. */
		ok = catalog_builtin_known(t->base.id)
			     ? catalog_load_builtin_id(&w->root, t->base.id, diags)
			     : catalog_load_builtin(&w->root, diags);
		if (ok && strcmp(w->root.id, t->base.id) != 0) {
			diag_add(diags, referrer, 0, 0,
				 _("the base catalog %s is not the built-in one (%s); name its file in base: file:"),
				 t->base.id, w->root.id);
			return false;
		}
	}
	if (!ok) {
		free(p);
		return false;
	}
	if (t->base.edition && w->root.edition && strcmp(t->base.edition, w->root.edition) != 0)
		diag_add(&w->warnings, referrer, 0, 0,
			 _("this tailoring was made for edition %s of %s; the base is now edition %s"),
			 t->base.edition, w->root.id, w->root.edition);
	/* Only a recorded hash is checked, and the file's own bytes first:
	 * the canonical form is hashed only when they differ (a file laid
	 * out by hand, or one that changed). */
	if (t->base.hash && !bytes_hash_to(p, t->base.hash) && catalog_hash(&w->root, hash))
		check_hash(w, referrer, t->base.hash, hash, w->root.id);
	free(p);
	return true;
}

/* Loads the chain of base tailorings below w->t. */
static bool load_bases(struct workspace *w, struct diag_list *diags)
{
	char *seen[WORKSPACE_MAX_BASES + 1];
	struct tailoring chain[WORKSPACE_MAX_BASES];
	const struct tailoring *cur = &w->t;
	char *cur_path = strdup(w->path), resolved[PATH_MAX];
	uint32_t n = 0, nseen = 0;
	bool ok = false;

	if (!cur_path)
		return false;
	if (realpath(w->path, resolved))
		seen[nseen++] = strdup(resolved);
	while (cur->base.kind == BASE_TAILORING) {
		char *p = path_beside(cur_path, cur->base.file), hash[72];

		if (!p)
			goto out;
		if (n == WORKSPACE_MAX_BASES) {
			diag_add(diags, cur_path, 0, 0, _("more than %d base tailorings"),
				 WORKSPACE_MAX_BASES);
			free(p);
			goto out;
		}
		if (realpath(p, resolved)) {
			for (uint32_t k = 0; k < nseen; k++) {
				if (seen[k] && strcmp(seen[k], resolved) == 0) {
					diag_add(diags, cur_path, 0, 0,
						 _("its base %s leads back to itself: bases must not form a cycle"),
						 cur->base.file);
					free(p);
					goto out;
				}
			}
			seen[nseen++] = strdup(resolved);
		}
		if (!tailoring_load_file(&chain[n], p, diags)) {
			free(p);
			goto out;
		}
		if (cur->base.id && chain[n].id && strcmp(cur->base.id, chain[n].id) != 0)
			diag_add(&w->warnings, cur_path, 0, 0,
				 _("the base file %s holds tailoring %s, not %s"),
				 cur->base.file, chain[n].id, cur->base.id);
		if (tailoring_hash(&chain[n], hash))
			check_hash(w, cur_path, cur->base.hash, hash, cur->base.file);
		cur = &chain[n++];
		free(cur_path);
		cur_path = p;  /* the next base is found beside this one */
	}
	if (!load_root(w, cur, cur_path, diags))
		goto out;
	/* Nearest the catalog first, so each resolves on the one before. */
	w->bases = calloc(n ? n : 1, sizeof(*w->bases));
	w->base_res = calloc(n ? n : 1, sizeof(*w->base_res));
	if (!w->bases || !w->base_res)
		goto out;
	for (uint32_t k = 0; k < n; k++)
		w->bases[k] = chain[n - 1 - k];
	w->base_count = n;
	n = 0;
	ok = true;
out:
	for (uint32_t k = 0; k < n; k++)
		tailoring_free(&chain[k]);
	for (uint32_t k = 0; k < nseen; k++)
		free(seen[k]);
	free(cur_path);
	return ok;
}

static bool resolve_bases(struct workspace *w)
{
	/* Only the last base is read again (by every edit's resolve, and the
	 * exports), and of the catalog only its header: each link takes the
	 * items of the one below instead of copying them, so a chain holds the
	 * same two copies of the items as a tailoring on the catalog does. */
	for (uint32_t k = 0; k < w->base_count; k++) {
		struct catalog *below = k ? &w->base_res[k - 1].cat : &w->root;

		if (!resolve_apply_taking(&w->base_res[k], below, k ? &w->base_res[k - 1] : NULL,
					  &w->bases[k]))
			return false;
	}
	return true;
}

static void workspace_zero(struct workspace *w)
{
	memset(w, 0, sizeof(*w));
	diag_list_init(&w->warnings);
	tailoring_init(&w->t);
}

/* Reads the tailoring and remembers the hash of exactly those bytes, so
 * a save can tell whether anyone wrote the file since. */
static bool load_tailoring(struct workspace *w, const char *path, struct diag_list *diags)
{
	char *buf;
	size_t len;
	bool ok;

	if (!file_read_all(path, &buf, &len, diags)) {
		tailoring_init(&w->t);
		return false;
	}
	sha256_tag(buf, len, w->disk_hash);
	ok = tailoring_read(&w->t, path, buf, len, diags);
	free(buf);
	return ok;
}

/* The result, taking the items of the base it stands on: nothing reads
 * the base after this. */
static bool resolve_taking_base(struct workspace *w)
{
	struct resolution *below = w->base_count ? &w->base_res[w->base_count - 1] : NULL;

	w->base_taken = true;
	w->resolved = resolve_apply_taking(&w->res, below ? &below->cat : &w->root, below, &w->t);
	return w->resolved;
}

static bool open_workspace(struct workspace *w, const char *path, bool to_read,
			   struct diag_list *diags)
{
	workspace_zero(w);
	w->path = strdup(path);
	if (!w->path || !load_tailoring(w, path, diags) || !load_bases(w, diags) ||
	    !resolve_bases(w) || !(to_read ? resolve_taking_base(w) : workspace_resolve(w))) {
		if (w->path && !diag_any(diags))
			diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		workspace_free(w);
		return false;
	}
	return true;
}

bool workspace_open(struct workspace *w, const char *path, struct diag_list *diags)
{
	return open_workspace(w, path, false, diags);
}

bool workspace_open_to_read(struct workspace *w, const char *path, struct diag_list *diags)
{
	return open_workspace(w, path, true, diags);
}

bool workspace_open_head(struct workspace *w, const char *path, size_t bytes, size_t at_least)
{
	struct diag_list quiet;
	struct stat st;
	char *base = NULL;
	bool ok = false;

	workspace_zero(w);
	diag_list_init(&quiet);
	w->path = strdup(path);
	if (w->path && load_tailoring(w, path, &quiet) && w->t.base.kind == BASE_CATALOG &&
	    w->t.base.file && (base = path_beside(path, w->t.base.file)) &&
	    stat(base, &st) == 0 && (uint64_t)st.st_size >= at_least &&
	    catalog_load_head(&w->root, base, bytes))
		ok = workspace_resolve(w);
	free(base);
	diag_list_free(&quiet);
	if (!ok)
		workspace_free(w);
	return ok;
}

/* A tailoring's id from its file name: "corp-2026.yaml" -> "corp-2026". */
static char *id_from_path(const char *path)
{
	char *copy = strdup(path), *base, *dot, *id;

	if (!copy)
		return NULL;
	base = basename(copy);
	dot = strrchr(base, '.');
	if (dot && dot != base)
		*dot = '\0';
	for (char *p = base; *p; p++)
		if ((unsigned char)*p < 0x21 || *p == 0x7F)
			*p = '-';
	id = strdup(*base ? base : "tailoring");
	free(copy);
	return id;
}

bool workspace_create(struct workspace *w, const char *path, struct diag_list *diags)
{
	char hash[72], *id;

	workspace_zero(w);
	w->path = strdup(path);
	id = id_from_path(path);
	if (!w->path || !id || !catalog_load_builtin(&w->root, diags) ||
	    !catalog_hash(&w->root, hash)) {
		free(id);
		if (!diag_any(diags))
			diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		workspace_free(w);
		return false;
	}
	w->t.id = tailoring_strdup(&w->t, id);
	free(id);
	w->t.base.kind = BASE_CATALOG;
	w->t.base.id = w->root.id;
	w->t.base.edition = w->root.edition;
	w->t.base.hash = tailoring_strdup(&w->t, hash);
	if (!w->t.id || !w->t.base.hash || !workspace_resolve(w)) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		workspace_free(w);
		return false;
	}
	return true;
}

bool workspace_disk_changed(const struct workspace *w)
{
	struct diag_list ignored;
	char hash[72], *buf;
	size_t len;
	bool changed;

	if (access(w->path, F_OK) != 0)
		return w->disk_hash[0] != '\0';  /* removed since */
	if (!w->disk_hash[0])
		return true;  /* someone made it since */
	diag_list_init(&ignored);
	if (!file_read_all(w->path, &buf, &len, &ignored)) {
		/* Unreadable now: the save itself will say why. */
		diag_list_free(&ignored);
		return false;
	}
	diag_list_free(&ignored);
	sha256_tag(buf, len, hash);
	free(buf);
	changed = strcmp(hash, w->disk_hash) != 0;
	return changed;
}

int workspace_save_flags(struct workspace *w, unsigned flags, struct diag_list *diags)
{
	int r;

	if (workspace_disk_changed(w)) {
		diag_add(diags, w->path, 0, 0, "%s",
			 _("the file changed on disk since it was opened: nothing saved, so the other changes are not overwritten"));
		return FILE_WRITE_FAILED;
	}
	r = tailoring_save_file_flags(&w->t, w->path, flags | FILE_WRITE_BACKUP, diags);
	if (r != FILE_WRITTEN)
		return r;
	/* The canonical form is what was written: its hash is the file's. */
	if (!tailoring_hash(&w->t, w->disk_hash))
		w->disk_hash[0] = '\0';
	return FILE_WRITTEN;
}

bool workspace_save(struct workspace *w, struct diag_list *diags)
{
	return workspace_save_flags(w, 0, diags) == FILE_WRITTEN;
}
