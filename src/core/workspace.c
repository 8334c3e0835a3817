/* The parts of a workspace that need no files: resolving it again after
 * an edit, and freeing it.  Opening and saving are in src/io. */
#include "kijun/workspace.h"

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
