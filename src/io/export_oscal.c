/* Tokens, props and metadata for the OSCAL writers. */
#include <stdio.h>
#include <string.h>

#include "kijun/doc_text.h"
#include "export_oscal.h"

void oscal_token(struct strbuf *out, const char *id)
{
	const unsigned char *p = (const unsigned char *)(id ? id : "");

	/* An id that starts "k-" gets one more, so that stripping one "k-"
	 * always undoes this (import_oscal.c does). */
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) ||
	    (p[0] == 'k' && p[1] == '-'))
		strbuf_adds(out, "k-");
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
			strbuf_addc(out, (char)*p);
		else
			strbuf_addf(out, "_%02X", *p);
	}
}

void oscal_member_token(struct json *j, const char *key, const char *id, const char *suffix)
{
	struct strbuf b;

	strbuf_init(&b);
	oscal_token(&b, id);
	if (suffix)
		strbuf_adds(&b, suffix);
	json_key(j, key);
	json_string(j, b.data);
	strbuf_free(&b);
}

/* One line, no leading or trailing space: OSCAL's string type. */
static void one_line(struct strbuf *out, const char *s)
{
	struct strbuf clean;
	size_t start = out->len;

	strbuf_init(&clean);
	doc_text_clean(&clean, s);
	for (const char *p = clean.data; p && *p; p++) {
		char c = *p == '\n' || *p == '\t' ? ' ' : *p;

		if (c == ' ' && (out->len == start || out->data[out->len - 1] == ' '))
			continue;
		strbuf_addc(out, c);
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	strbuf_free(&clean);
}

void oscal_title(struct strbuf *out, const struct item *it)
{
	one_line(out, it->title && *it->title ? it->title : it->id);
	if (out->len == 0)
		strbuf_adds(out, "-");
}

void oscal_prop(struct json *j, const char *name, bool own, const char *value, const char *remarks)
{
	struct strbuf v;

	strbuf_init(&v);
	strbuf_adds(&v, "");
	one_line(&v, value);
	if (v.len) {
		bool token = (name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
			     name[0] == '_';

		for (const char *p = name; *p && token; p++)
			token = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *p) != NULL;
		json_object_begin(j);
		if (token) {
			json_member_string(j, "name", name, false);
		} else {
			json_key(j, "name");
			strbuf_reset(&v);
			oscal_token(&v, name);
			json_string(j, v.data);
			strbuf_reset(&v);
			one_line(&v, value);
		}
		if (!own)
			json_member_string(j, "ns", OSCAL_NS, false);
		json_member_string(j, "value", v.data, false);
		json_member_string(j, "remarks", remarks, true);
		json_object_end(j);
	}
	strbuf_free(&v);
}

void oscal_metadata(struct json *j, const struct workspace *w, const char *now)
{
	char date[32];
	const char *last = export_last_date(w, date);
	struct strbuf b;

	strbuf_init(&b);
	json_key(j, "metadata");
	json_object_begin(j);
	one_line(&b, workspace_title(w));
	json_member_string(j, "title", b.len ? b.data : "kijun", false);
	json_member_string(j, "last-modified", last ? last : now, false);
	json_member_string(j, "version", last ? date : "0", false);
	json_member_string(j, "oscal-version", "1.2.1", false);
	json_key(j, "props");
	json_array_begin(j);
	oscal_prop(j, "tailoring", false, w->t.id, NULL);
	oscal_prop(j, "base-catalog", false, w->root.id, NULL);
	oscal_prop(j, "base-edition", false, w->root.edition, NULL);
	oscal_prop(j, "organization", false, workspace_organization(w), NULL);
	/* Every change, so each reason survives whatever OSCAL can express. */
	for (uint32_t k = 0; k < w->t.count; k++) {
		const struct change *c = &w->t.changes[k];
		uint32_t by = resolution_withdrawn_by(&w->res, k);

		strbuf_reset(&b);
		strbuf_addf(&b, "#%u %s ", k + 1, change_op_name(c->op));
		export_change_target(&b, c);
		strbuf_addf(&b, " (step %u, %s, %s%s)", c->step, c->author ? c->author : "",
			    c->date ? c->date : "", by != CHANGE_NONE ? ", withdrawn" : "");
		oscal_prop(j, "change", false, b.data, c->reason);
	}
	json_array_end(j);
	json_object_end(j);
	strbuf_free(&b);
}

void oscal_item_props(struct json *j, const struct resolution *r, uint32_t i, bool attrs)
{
	const struct item *it = catalog_item(&r->cat, i);
	const struct resolved *info = &r->info[i];
	const struct resolved_extra *extra = resolved_extra(info);
	const struct catalog *c = &r->cat;
	char num[16];

	oscal_prop(j, "label", true, it->label ? it->label : it->id, NULL);
	if (info->status != STATUS_KEPT)
		oscal_prop(j, "status", false, item_status_name((enum item_status)info->status), NULL);
	if (info->level != LEVEL_NONE)
		oscal_prop(j, "level", false, item_level_name((enum item_level)info->level), NULL);
	if (info->technical)
		oscal_prop(j, "technical-verification", false, "yes", NULL);
	if (info->review_months) {
		snprintf(num, sizeof(num), "%u", (unsigned)info->review_months);
		oscal_prop(j, "review-months", false, num, NULL);
	}
	for (uint32_t k = 0; k < extra->mark_count; k++)
		oscal_prop(j, "mark", false, extra->marks[k], NULL);
	if (info->source != SOURCE_NONE) {
		oscal_prop(j, "source", false, source_kind_name((enum source_kind)info->source), NULL);
		oscal_prop(j, "source-reference", false, extra->source_ref, NULL);
	}
	for (uint32_t k = 0; k < extra->link_count; k++) {
		struct strbuf b;

		strbuf_init(&b);
		strbuf_addf(&b, "%s %s", extra->links[k].rule ? extra->links[k].rule : "",
			    extra->links[k].section ? extra->links[k].section : "");
		oscal_prop(j, "internal-rule", false, b.data, extra->links[k].note);
		strbuf_free(&b);
	}
	for (uint32_t k = 0; attrs && k < it->attr_count; k++) {
		const struct attr_type *t = &c->types[it->attrs[k].type];

		oscal_prop(j, t->id, false, t->values[it->attrs[k].value].id, NULL);
	}
}
