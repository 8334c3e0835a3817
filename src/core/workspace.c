/* The parts of a workspace that need no files: resolving it again after
 * an edit, and freeing it.  Opening and saving are in src/io. */
#include "kijun/workspace.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const struct catalog *workspace_base(const struct workspace *w)
{
	return w->base_count ? &w->base_res[w->base_count - 1].cat : &w->root;
}

const struct resolution *workspace_base_info(const struct workspace *w)
{
	return w->base_count ? &w->base_res[w->base_count - 1] : NULL;
}

bool workspace_resolve(struct workspace *w)
{
	if (w->base_taken)
		return false;
	if (w->resolved)
		resolution_free(&w->res);
	w->resolved = resolve_apply(&w->res, workspace_base(w), workspace_base_info(w), &w->t);
	return w->resolved;
}

void workspace_free(struct workspace *w)
{
	if (w->resolved)
		resolution_free(&w->res);
	for (uint32_t k = w->base_count; k-- > 0;) {
		resolution_free(&w->base_res[k]);
		tailoring_free(&w->bases[k]);
	}
	free(w->bases);
	free(w->base_res);
	catalog_free(&w->root);
	tailoring_free(&w->t);
	diag_list_free(&w->warnings);
	free(w->path);
	memset(w, 0, sizeof(*w));
}

/* The newest scope change, not withdrawn, that sets the field at offset
 * `field` of struct scope; NULL when none does. */
static const char *scope_field(const struct workspace *w, size_t field)
{
	for (uint32_t k = w->t.count; k-- > 0;) {
		const struct change *c = &w->t.changes[k];
		const char *v;

		if (c->op != OP_SCOPE || resolution_withdrawn_by(&w->res, k) != CHANGE_NONE)
			continue;
		v = *(const char *const *)((const char *)&c->scope + field);
		if (v && *v)
			return v;
	}
	return NULL;
}

const char *workspace_title(const struct workspace *w)
{
	const char *t = scope_field(w, offsetof(struct scope, title));

	return t ? t : w->t.title ? w->t.title : w->t.id;
}

const char *workspace_organization(const struct workspace *w)
{
	const char *o = scope_field(w, offsetof(struct scope, organization));

	return o ? o : w->t.organization;
}
