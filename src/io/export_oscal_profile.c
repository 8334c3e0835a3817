/* The tailoring as an OSCAL 1.2.1 profile over its base: excluded
 * controls leave through the import's exclude-controls; a control whose
 * text, entries or facts changed gets an alter that replaces its
 * statement and adds its props; every change and its reason is a prop of
 * the metadata.  What a profile cannot say (new controls, changes to
 * groups) is listed in docs/interop.md: oscal-catalog carries it. */
#include <stdio.h>
#include <string.h>

#include "export_oscal.h"

static bool own_history(const struct workspace *w, uint32_t i)
{
	const struct resolved *info = &w->res.info[i];

	for (uint32_t k = 0; k < info->history_count; k++)
		if (info->history[k].from == &w->t && info->history[k].state != SHAPING_WITHDRAWN)
			return true;
	return false;
}

/* Whether item i is in what the profile imports: the base catalog, or the
 * result of the base tailoring without what that already took out. */
static bool in_base(const struct workspace *w, uint32_t i)
{
	const struct resolution *info = workspace_base_info(w);
	uint32_t b = catalog_find(workspace_base(w), catalog_item(&w->res.cat, i)->id);

	return b != ITEM_NONE && !(info && resolved_is_out(info, b));
}

/* Whether a list entry below control i (out of the standard or not) was
 * shaped by this tailoring. */
static bool entries_changed(const struct workspace *w, uint32_t i)
{
	const struct catalog *c = &w->res.cat;

	for (uint32_t k = catalog_item(c, i)->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling) {
		if (catalog_item(c, k)->kind != ITEM_ENTRY)
			continue;
		if (own_history(w, k) || entries_changed(w, k))
			return true;
	}
	return false;
}

static void change_props(struct json *j, const struct workspace *w, uint32_t i, bool deep)
{
	const struct catalog *c = &w->res.cat;
	const struct resolved *info = &w->res.info[i];
	struct strbuf b;

	strbuf_init(&b);
	for (uint32_t k = 0; k < info->history_count; k++) {
		const struct shaping *h = &info->history[k];

		if (h->from != &w->t || h->state == SHAPING_WITHDRAWN)
			continue;
		strbuf_reset(&b);
		strbuf_addf(&b, "#%u %s %s", h->index + 1, change_op_name(h->change->op),
			    catalog_item(c, i)->id);
		oscal_prop(j, "change", false, b.data, h->change->reason);
	}
	strbuf_free(&b);
	for (uint32_t k = catalog_item(c, i)->first_child; deep && k != ITEM_NONE; k = catalog_item(c, k)->next_sibling)
		if (catalog_item(c, k)->kind == ITEM_ENTRY)
			change_props(j, w, k, true);
}

static void write_alter(struct json *j, const struct workspace *w, uint32_t i)
{
	const struct catalog *c = &w->res.cat;
	const struct catalog *base = workspace_base(w);
	const struct item *it = catalog_item(c, i);
	const struct item *was = catalog_item(base, catalog_find(base, it->id));
	bool statement = own_history(w, i) || entries_changed(w, i);
	struct strbuf b;

	json_object_begin(j);
	oscal_member_token(j, "control-id", it->id, NULL);
	if (statement && (was->text || was->first_child != ITEM_NONE)) {
		json_key(j, "removes");
		json_array_begin(j);
		json_object_begin(j);
		oscal_member_token(j, "by-id", it->id, "_smt");
		json_object_end(j);
		json_array_end(j);
	}
	json_key(j, "adds");
	json_array_begin(j);
	json_object_begin(j);
	json_member_string(j, "position", "ending", false);
	if (it->title && (!was->title || strcmp(it->title, was->title) != 0)) {
		strbuf_init(&b);
		oscal_title(&b, it);
		json_member_string(j, "title", b.data, false);
		strbuf_free(&b);
	}
	json_key(j, "props");
	json_array_begin(j);
	oscal_item_props(j, &w->res, i, false);
	change_props(j, w, i, true);
	json_array_end(j);
	if (statement)
		oscal_write_text_part(j, &w->res, i, "statement");
	json_object_end(j);
	json_array_end(j);
	json_object_end(j);
}

static bool is_control(const struct item *it)
{
	return it->kind == ITEM_CONTROL || it->kind == ITEM_DETAIL;
}

/* The controls leaving the standard: excluded, split or merged ones, and
 * the top controls of groups that left (their children go with them). */
static void excluded_ids(struct json *j, const struct workspace *w, bool *any)
{
	const struct resolution *r = &w->res;
	const struct catalog *c = &r->cat;

	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		const struct item *it = catalog_item(c, i);

		if (!is_control(it) || !resolved_is_out(r, i) || !in_base(w, i))
			continue;
		/* Only the topmost control out: with-child-controls takes the rest. */
		if (it->parent != ITEM_ROOT_INDEX && is_control(catalog_item(c, it->parent)) &&
		    resolved_is_out(r, it->parent))
			continue;
		if (!*any) {
			json_key(j, "exclude-controls");
			json_array_begin(j);
			json_object_begin(j);
			json_member_string(j, "with-child-controls", "yes", false);
			json_key(j, "with-ids");
			json_array_begin(j);
			*any = true;
		}
		{
			struct strbuf b;

			strbuf_init(&b);
			oscal_token(&b, it->id);
			json_string(j, b.data);
			strbuf_free(&b);
		}
	}
	if (*any) {
		json_array_end(j);
		json_object_end(j);
		json_array_end(j);
	}
}

void export_oscal_profile(struct strbuf *out, const struct workspace *w, const char *now)
{
	const struct resolution *r = &w->res;
	const struct catalog *c = &r->cat;
	const struct catalog *base = workspace_base(w);
	char uuid[37], res[37];
	bool any = false, alters = false;
	struct json j;

	export_uuid(uuid, w->t.id, "profile");
	export_uuid(res, w->t.id, "base");
	json_init(&j, out, true);
	json_object_begin(&j);
	json_key(&j, "profile");
	json_object_begin(&j);
	json_member_string(&j, "uuid", uuid, false);
	oscal_metadata(&j, w, now);
	json_key(&j, "imports");
	json_array_begin(&j);
	json_object_begin(&j);
	json_key(&j, "href");
	{
		char href[40];

		snprintf(href, sizeof(href), "#%s", res);
		json_string(&j, href);
	}
	json_key(&j, "include-all");
	json_object_begin(&j);
	json_object_end(&j);
	excluded_ids(&j, w, &any);
	json_object_end(&j);
	json_array_end(&j);
	json_key(&j, "merge");
	json_object_begin(&j);
	json_member_bool(&j, "as-is", true);
	json_object_end(&j);
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i)) {
		const struct item *it = catalog_item(c, i);

		if (!is_control(it) || !in_base(w, i) || !(own_history(w, i) || entries_changed(w, i)))
			continue;
		if (!alters) {
			json_key(&j, "modify");
			json_object_begin(&j);
			json_key(&j, "alters");
			json_array_begin(&j);
			alters = true;
		}
		write_alter(&j, w, i);
	}
	if (alters) {
		json_array_end(&j);
		json_object_end(&j);
	}
	/* The base the import names: the catalog kijun tailored, by id,
	 * edition and the hash the tailoring recorded. */
	json_key(&j, "back-matter");
	json_object_begin(&j);
	json_key(&j, "resources");
	json_array_begin(&j);
	json_object_begin(&j);
	json_member_string(&j, "uuid", res, false);
	json_member_string(&j, "title", w->base_count && w->bases[w->base_count - 1].title ?
			   w->bases[w->base_count - 1].title : base->title ? base->title : w->root.id, false);
	json_key(&j, "props");
	json_array_begin(&j);
	oscal_prop(&j, "base-id", false, w->t.base.id ? w->t.base.id : w->root.id, NULL);
	oscal_prop(&j, "base-edition", false, w->t.base.edition ? w->t.base.edition : "-", NULL);
	oscal_prop(&j, "base-hash", false, w->t.base.hash, NULL);
	json_array_end(&j);
	if (w->t.base.file && *w->t.base.file) {
		json_key(&j, "rlinks");
		json_array_begin(&j);
		json_object_begin(&j);
		json_member_string(&j, "href", w->t.base.file, false);
		json_object_end(&j);
		json_array_end(&j);
	}
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_object_end(&j);
}
