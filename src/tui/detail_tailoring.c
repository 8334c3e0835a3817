/* The tailoring's part of the detail pane: status and level, the reworded
 * text against its base with the differences marked, where an added item
 * came from, its links to internal rules, and the changes that shaped it
 * with their reasons. */
#include <string.h>

#include "kijun/strbuf.h"

#include "detail.h"
#include "kijun/diff.h"
#include "kijun/i18n.h"
#include "marks.h"

static const struct resolved *info_of(const struct detail_context *ctx, uint32_t i)
{
	if (!ctx || !ctx->res || i == ITEM_NONE || i >= ctx->res->cat.count)
		return NULL;
	return &ctx->res->info[i];
}

const char *detail_entry_prefix(const struct detail_context *ctx, uint32_t i)
{
	const struct resolved *info = info_of(ctx, i);

	if (!info || ctx->base_view)
		return "";
	switch (marks_status(info)) {
	case STATUS_EXCLUDED: return _("[excluded] ");
	case STATUS_ADDED: return _("[added] ");
	case STATUS_REWORDED: return _("[reworded] ");
	case STATUS_SPLIT: return _("[split] ");
	case STATUS_MERGED: return _("[merged] ");
	default: return "";
	}
}

void detail_tailoring_head(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx)
{
	const struct resolved *info = info_of(ctx, i);
	const char *kind = item_kind_label((enum item_kind)c->items[i].kind);
	struct strbuf props;

	if (!info || (info->status == STATUS_KEPT && !info->history_count)) {
		detail_push_wrapped(d, kind, 0, DETAIL_MUTED);
		return;
	}
	detail_push_wrapped(d, detail_printf(d, "%s / %s", kind,
					     info->status == STATUS_KEPT
						     ? _("changed")
						     : item_status_label(marks_status(info))),
			    0, DETAIL_MUTED);
	if (ctx->base_view)
		return;
	strbuf_init(&props);
	if (info->level != LEVEL_NONE)
		strbuf_adds(&props, item_level_label((enum item_level)info->level));
	if (info->technical) {
		if (props.len)
			strbuf_adds(&props, " / ");
		if (info->review_months)
			strbuf_addf(&props, _("technical verification item, reviewed every %u months"),
				    info->review_months);
		else
			strbuf_adds(&props, _("technical verification item"));
	}
	for (uint32_t k = 0; k < resolved_extra(info)->mark_count; k++)
		strbuf_addf(&props, "%s%s", props.len ? (k ? " " : " / ") : "", resolved_extra(info)->marks[k]);
	if (props.len)
		detail_push_wrapped(d, detail_printf(d, "%s", props.data), 0, DETAIL_VALUE);
	strbuf_free(&props);
	if (info->wording_conflict)
		detail_push_wrapped(d, info->level == LEVEL_MANDATORY
				    ? _("! the sentence ends like a recommendation, but the item is mandatory")
				    : _("! the sentence ends like a requirement, but the item is recommended"),
				    0, DETAIL_WARNING);
}

/* Marks for text: what a character diff against other finds. */
static unsigned char *diff_marks(struct detail *d, const char *old_text, const char *new_text,
				 bool of_old)
{
	struct diff diff = { 0 };
	const char *s = of_old ? old_text : new_text;
	size_t len = strlen(s) + 1;
	unsigned char *marks = arena_alloc(&d->arena, len);

	if (!marks || !diff_compute(old_text, new_text, &diff)) {
		diff_free(&diff);
		return NULL;
	}
	if (of_old)
		diff_mark_old(&diff, marks, len);
	else
		diff_mark_new(&diff, marks, len);
	diff_free(&diff);
	return marks;
}

/* A list entry reads "d) text", as in its parent's text. */
static const char *with_label(struct detail *d, const struct item *it, const char *text)
{
	if (it->kind != ITEM_ENTRY || !it->label)
		return text;
	return detail_printf(d, "%s %s", it->label, text);
}

/* The marks of text, shifted to line up with with_label()'s result. */
static const unsigned char *shift_marks(struct detail *d, const struct item *it,
					const unsigned char *marks, const char *text)
{
	size_t pad, len;
	unsigned char *v;

	if (!marks || it->kind != ITEM_ENTRY || !it->label)
		return marks;
	pad = strlen(it->label) + 1;
	len = strlen(text) + 1;
	v = arena_alloc(&d->arena, pad + len);
	if (!v)
		return NULL;
	memset(v, 0, pad);
	memcpy(v + pad, marks, len);
	return v;
}

void detail_tailoring_text(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx)
{
	const struct resolved *info = info_of(ctx, i);
	const struct item *it = &c->items[i];
	const char *text = it->text;
	bool reworded = info && info->base_text && text && strcmp(info->base_text, text) != 0;

	if (info && !ctx->base_view && info->base_title && it->title &&
	    strcmp(info->base_title, it->title) != 0)
		detail_push_wrapped(d, detail_printf(d, _("title in the base: %s"), info->base_title),
				    0, DETAIL_MUTED);
	if (!text)
		return;
	detail_push_blank(d);
	if (ctx->base_view) {
		detail_push_wrapped(d, with_label(d, it, text), 0, DETAIL_BODY);
		if (info && (info->status != STATUS_KEPT || info->history_count))
			detail_push_wrapped(d, _("(changed in the tailoring: v switches the view)"), 0,
					    DETAIL_MUTED);
		return;
	}
	if (!reworded) {
		detail_push_wrapped(d, with_label(d, it, text), 0, DETAIL_BODY);
		return;
	}
	detail_push_marked(d, with_label(d, it, text),
			   shift_marks(d, it, diff_marks(d, info->base_text, text, false), text),
			   0, DETAIL_BODY, DETAIL_INSERTED);
	detail_push_heading(d, _("Text in the base"));
	detail_push_marked(d, with_label(d, it, info->base_text),
			   shift_marks(d, it, diff_marks(d, info->base_text, text, true),
				       info->base_text),
			   0, DETAIL_MUTED, DETAIL_DELETED);
}

/* What became of a change in an item's history: taken back or moved by
 * a later one (with that one's number and reason), or, for a withdraw or
 * retarget, which change it takes and where to.  Numbers are of the open
 * tailoring's changes; a base tailoring's are only said to be withdrawn. */
static void history_state(struct detail *d, const struct detail_context *ctx,
			  const struct shaping *h, bool inherited)
{
	const struct change *ch = h->change, *by = NULL;
	uint32_t k = CHANGE_NONE;

	if (!inherited && ctx->own && ctx->res) {
		if (h->state == SHAPING_WITHDRAWN)
			k = resolution_withdrawn_by(ctx->res, h->index);
		else if (h->state == SHAPING_RETARGETED)
			k = resolution_retargeted_by(ctx->res, h->index);
		if (k != CHANGE_NONE && k < ctx->own->count)
			by = &ctx->own->changes[k];
	}
	if (h->state == SHAPING_WITHDRAWN && by)
		detail_push_wrapped(d, detail_printf(d, _("withdrawn by change %u (%s %s): %s"), k + 1,
						     by->date ? by->date : "",
						     by->author ? by->author : "",
						     by->reason ? by->reason : ""),
				    3, DETAIL_WARNING);
	else if (h->state == SHAPING_WITHDRAWN)
		detail_push_wrapped(d, _("withdrawn: it shapes nothing"), 3, DETAIL_WARNING);
	else if (h->state == SHAPING_RETARGETED && by)
		detail_push_wrapped(d, detail_printf(d, _("moved here by change %u (%s %s): %s"), k + 1,
						     by->date ? by->date : "",
						     by->author ? by->author : "",
						     by->reason ? by->reason : ""),
				    3, DETAIL_MUTED);
	else if (ch->op == OP_WITHDRAW)
		detail_push_wrapped(d, detail_printf(d, _("takes back change %u"), ch->ref), 3,
				    DETAIL_MUTED);
	else if (ch->op == OP_RETARGET)
		detail_push_wrapped(d, detail_printf(d, ch->target ? _("moves change %u to %s")
						     : ch->after ? _("moves change %u to after %s")
								 : _("moves change %u under %s"),
						     ch->ref,
						     ch->target ? ch->target
						     : ch->after ? ch->after : ch->parent ? ch->parent : ""),
				    3, DETAIL_MUTED);
}

void detail_tailoring_tail(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx)
{
	const struct resolved *info = info_of(ctx, i);
	const struct resolved_extra *extra;

	(void)c;
	if (!info)
		return;
	extra = resolved_extra(info);
	if (info->status == STATUS_ADDED && info->source != SOURCE_NONE) {
		detail_push_heading(d, _("Source"));
		detail_push_wrapped(d, detail_printf(d, "%s%s%s",
						     source_kind_label((enum source_kind)info->source),
						     extra->source_ref ? ": " : "",
						     extra->source_ref ? extra->source_ref : ""),
				    1, DETAIL_BODY);
	}
	if (extra->replaced_by)
		detail_push_wrapped(d, detail_printf(d, _("now: %s"), extra->replaced_by), 0,
				    DETAIL_MUTED);
	if (extra->link_count) {
		detail_push_heading(d, _("Internal rules"));
		for (uint32_t k = 0; k < extra->link_count; k++) {
			const struct rule_link *l = &extra->links[k];

			detail_push_wrapped(d, detail_printf(d, "%s%s%s", l->rule,
							     l->section ? " " : "",
							     l->section ? l->section : ""),
					    1, DETAIL_BODY);
			if (l->note)
				detail_push_wrapped(d, l->note, 3, DETAIL_MUTED);
		}
	}
	if (extra->risk_count) {
		struct strbuf ids;

		/* The register's ids: page 0 of the wizard (w) says what they are. */
		strbuf_init(&ids);
		for (uint32_t k = 0; k < extra->risk_count; k++)
			strbuf_addf(&ids, "%s%s", k ? " " : "", extra->risks[k]);
		detail_push_heading(d, _("Risks it treats"));
		detail_push_wrapped(d, detail_printf(d, "%s", ids.data ? ids.data : ""), 1, DETAIL_BODY);
		strbuf_free(&ids);
	}
	if (!info->history_count)
		return;
	detail_push_heading(d, detail_printf(d, _("Changes (%u)"), info->history_count));
	for (uint32_t k = 0; k < info->history_count; k++) {
		const struct shaping *h = &info->history[k];
		const struct change *ch = h->change;
		bool inherited = ctx->own && h->from != ctx->own;

		detail_push_wrapped(d, detail_printf(d, _("step %u  %s  %s  %s%s"), ch->step,
						     ch->date ? ch->date : "",
						     ch->author ? ch->author : "",
						     change_op_label(ch->op),
						     inherited ? _(" (in the base tailoring)") : ""),
				    1, DETAIL_VALUE);
		detail_push_wrapped(d, detail_printf(d, _("reason: %s"), ch->reason ? ch->reason : ""),
				    3, DETAIL_BODY);
		history_state(d, ctx, h, inherited);
	}
}
