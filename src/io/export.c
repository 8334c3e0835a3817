/* What every export shares: the walk over the individual standard, the
 * words for an item's facts, and deterministic UUIDs. */
#include <stdio.h>
#include <string.h>

#include "kijun/export.h"
#include "kijun/i18n.h"
#include "kijun/sha256.h"

int export_format_parse(const char *name, enum export_format *out)
{
	static const char *const names[EXPORT_FORMAT_COUNT] = {
		"md", "html", "csv", "oscal-catalog", "oscal-profile",
	};

	for (int k = 0; k < EXPORT_FORMAT_COUNT; k++) {
		if (strcmp(names[k], name) == 0) {
			*out = (enum export_format)k;
			return 0;
		}
	}
	return -1;
}

bool export_write(struct strbuf *out, enum export_format f, const struct workspace *w,
		  const char *now)
{
	switch (f) {
	case EXPORT_MD: export_md(out, w); break;
	case EXPORT_HTML: export_html(out, w); break;
	case EXPORT_CSV: export_csv(out, w); break;
	case EXPORT_OSCAL_CATALOG: export_oscal_catalog(out, w, now); break;
	case EXPORT_OSCAL_PROFILE: export_oscal_profile(out, w, now); break;
	default: return false;
	}
	return !out->failed;
}

uint32_t export_next(const struct resolution *r, uint32_t i)
{
	const struct catalog *c = &r->cat;

	i = i == ITEM_NONE ? catalog_first(c) : catalog_next(c, i);
	/* An item out of the standard takes its subtree with it. */
	while (i != ITEM_NONE && resolved_is_out(r, i))
		i = catalog_next(c, i);
	return i;
}

uint32_t export_first(const struct resolution *r)
{
	return export_next(r, ITEM_NONE);
}

static void sep(struct strbuf *out, size_t start)
{
	if (out->len > start)
		strbuf_adds(out, _(" / "));
}

void export_item_facts(struct strbuf *out, const struct resolution *r, uint32_t i)
{
	const struct resolved *info = &r->info[i];
	const struct resolved_extra *extra = resolved_extra(info);
	size_t start = out->len;

	if (info->level != LEVEL_NONE)
		strbuf_adds(out, item_level_label((enum item_level)info->level));
	if (info->technical) {
		sep(out, start);
		strbuf_adds(out, _("technical verification"));
		if (info->review_months)
			strbuf_addf(out, _(" (every %u months)"), (unsigned)info->review_months);
	}
	if (extra->mark_count) {
		sep(out, start);
		strbuf_adds(out, _("marks: "));
		for (uint32_t k = 0; k < extra->mark_count; k++)
			strbuf_addf(out, "%s%s", k ? "," : "", extra->marks[k]);
	}
	if (info->source != SOURCE_NONE) {
		sep(out, start);
		strbuf_addf(out, _("source: %s"), source_kind_label((enum source_kind)info->source));
		if (extra->source_ref)
			strbuf_addf(out, " %s", extra->source_ref);
	}
	for (uint32_t k = 0; k < extra->link_count; k++) {
		const struct rule_link *l = &extra->links[k];

		sep(out, start);
		strbuf_addf(out, _("internal rule: %s"), l->rule ? l->rule : "");
		if (l->section)
			strbuf_addf(out, " %s", l->section);
		if (l->note)
			strbuf_addf(out, " (%s)", l->note);
	}
}

void export_change_target(struct strbuf *b, const struct change *c)
{
	if (c->op == OP_MERGE) {
		for (uint32_t k = 0; k < c->target_count; k++)
			strbuf_addf(b, "%s%s", k ? "," : "", c->targets[k]);
	} else if (c->op == OP_ADD) {
		strbuf_adds(b, c->item.id ? c->item.id : "");
	} else if (c->op == OP_WITHDRAW) {
		strbuf_addf(b, "#%u", c->ref);
	} else if (c->op == OP_RETARGET) {
		strbuf_addf(b, "#%u -> %s", c->ref,
			    c->target ? c->target : c->after ? c->after : c->parent ? c->parent : "");
	} else if (c->target) {
		strbuf_adds(b, c->target);
	}
}

void export_uuid(char out[37], const char *a, const char *b)
{
	struct sha256 h;
	uint8_t d[32];
	int o = 0;

	sha256_init(&h);
	sha256_update(&h, "kijun:", 6);
	sha256_update(&h, a ? a : "", a ? strlen(a) : 0);
	sha256_update(&h, ":", 1);
	sha256_update(&h, b ? b : "", b ? strlen(b) : 0);
	sha256_final(&h, d);
	d[6] = (uint8_t)((d[6] & 0x0F) | 0x50);  /* version 5 */
	d[8] = (uint8_t)((d[8] & 0x3F) | 0x80);  /* RFC 4122 variant */
	for (int k = 0; k < 16; k++) {
		if (k == 4 || k == 6 || k == 8 || k == 10)
			out[o++] = '-';
		snprintf(out + o, 3, "%02x", d[k]);
		o += 2;
	}
	out[o] = '\0';
}

const char *export_last_date(const struct workspace *w, char buf[32])
{
	const char *best = NULL;

	for (uint32_t k = 0; k < w->t.count; k++) {
		const char *d = w->t.changes[k].date;

		if (d && strlen(d) == 10 && (!best || strcmp(d, best) > 0))
			best = d;
	}
	if (!best)
		return NULL;
	snprintf(buf, 32, "%sT00:00:00Z", best);
	return buf;
}
