/* The individual standard as an OSCAL 1.2.1 catalog: parts and sections
 * are groups, controls and detailed controls are controls (a detailed
 * control inside its control), list entries are parts of the statement.
 * Items out of the standard are left out; kijun's facts are props. */
#include <string.h>

#include "kijun/doc_text.h"
#include "export_oscal.h"

static bool is_group(const struct item *it)
{
	return it->kind == ITEM_PART || it->kind == ITEM_SECTION;
}

static bool is_control(const struct item *it)
{
	return it->kind == ITEM_CONTROL || it->kind == ITEM_DETAIL;
}

/* True when parent has a child in the standard for which want() holds. */
static bool has_child(const struct resolution *r, uint32_t parent, bool (*want)(const struct item *))
{
	const struct catalog *c = &r->cat;

	for (uint32_t k = catalog_item(c, parent)->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling)
		if (!resolved_is_out(r, k) && want(catalog_item(c, k)))
			return true;
	return false;
}

static bool is_entry(const struct item *it)
{
	return it->kind == ITEM_ENTRY;
}

static void write_group(struct json *j, const struct resolution *r, uint32_t i);
static void write_control(struct json *j, const struct resolution *r, uint32_t i);

static void write_entries(struct json *j, const struct resolution *r, uint32_t parent)
{
	const struct catalog *c = &r->cat;

	json_key(j, "parts");
	json_array_begin(j);
	for (uint32_t k = catalog_item(c, parent)->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling) {
		const struct item *it = catalog_item(c, k);

		if (resolved_is_out(r, k) || !is_entry(it))
			continue;
		json_object_begin(j);
		oscal_member_token(j, "id", it->id, NULL);
		json_member_string(j, "name", "item", false);
		json_key(j, "props");
		json_array_begin(j);
		oscal_item_props(j, r, k, true);
		json_array_end(j);
		if (it->text && *it->text) {
			struct strbuf b;

			strbuf_init(&b);
			doc_text_clean(&b, it->text);
			json_member_string(j, "prose", b.data, false);
			strbuf_free(&b);
		}
		if (has_child(r, k, is_entry))
			write_entries(j, r, k);
		json_object_end(j);
	}
	json_array_end(j);
}

static void write_children(struct json *j, const struct resolution *r, uint32_t parent)
{
	const struct catalog *c = &r->cat;

	if (has_child(r, parent, is_group)) {
		json_key(j, "groups");
		json_array_begin(j);
		for (uint32_t k = catalog_item(c, parent)->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling)
			if (!resolved_is_out(r, k) && is_group(catalog_item(c, k)))
				write_group(j, r, k);
		json_array_end(j);
	}
	if (has_child(r, parent, is_control)) {
		json_key(j, "controls");
		json_array_begin(j);
		for (uint32_t k = catalog_item(c, parent)->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling)
			if (!resolved_is_out(r, k) && is_control(catalog_item(c, k)))
				write_control(j, r, k);
		json_array_end(j);
	}
}

/* The text as a part named `name` ("statement" for controls, "overview"
 * for groups), the entries inside it. */
void oscal_write_text_part(struct json *j, const struct resolution *r, uint32_t i, const char *name)
{
	const struct item *it = catalog_item(&r->cat, i);
	bool entries = has_child(r, i, is_entry);
	struct strbuf b;

	if (!(it->text && *it->text) && !entries)
		return;
	json_key(j, "parts");
	json_array_begin(j);
	json_object_begin(j);
	oscal_member_token(j, "id", it->id, strcmp(name, "statement") == 0 ? "_smt" : "_ovw");
	json_member_string(j, "name", name, false);
	if (it->text && *it->text) {
		strbuf_init(&b);
		doc_text_clean(&b, it->text);
		json_member_string(j, "prose", b.data, false);
		strbuf_free(&b);
	}
	if (entries)
		write_entries(j, r, i);
	json_object_end(j);
	json_array_end(j);
}

static void write_head(struct json *j, const struct resolution *r, uint32_t i)
{
	const struct item *it = catalog_item(&r->cat, i);
	struct strbuf b;

	oscal_member_token(j, "id", it->id, NULL);
	json_member_string(j, "class", item_kind_name((enum item_kind)it->kind), false);
	strbuf_init(&b);
	oscal_title(&b, it);
	json_member_string(j, "title", b.data, false);
	strbuf_free(&b);
	json_key(j, "props");
	json_array_begin(j);
	oscal_item_props(j, r, i, true);
	json_array_end(j);
}

static void write_group(struct json *j, const struct resolution *r, uint32_t i)
{
	json_object_begin(j);
	write_head(j, r, i);
	oscal_write_text_part(j, r, i, "overview");
	write_children(j, r, i);
	json_object_end(j);
}

static void write_control(struct json *j, const struct resolution *r, uint32_t i)
{
	json_object_begin(j);
	write_head(j, r, i);
	oscal_write_text_part(j, r, i, "statement");
	write_children(j, r, i);
	json_object_end(j);
}

void export_oscal_catalog(struct strbuf *out, const struct workspace *w, const char *now)
{
	char uuid[37];
	struct json j;

	json_init(&j, out, true);
	json_object_begin(&j);
	json_key(&j, "catalog");
	json_object_begin(&j);
	export_uuid(uuid, w->t.id, "catalog");
	json_member_string(&j, "uuid", uuid, false);
	oscal_metadata(&j, w, now);
	write_children(&j, &w->res, ITEM_ROOT_INDEX);
	json_object_end(&j);
	json_object_end(&j);
}
