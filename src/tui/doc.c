#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"

const char *doc_view_label(enum doc_view v)
{
	switch (v) {
	case VIEW_BASE: return _("base");
	case VIEW_CHANGES: return _("changes only");
	default: return _("tailored");
	}
}

const struct catalog *doc_shown(const struct doc *d)
{
	if (d->catalog)
		return d->catalog;
	if (d->view == VIEW_BASE)
		return workspace_base(d->ws);
	return &d->ws->res.cat;
}

const struct resolution *doc_resolution(const struct doc *d)
{
	return d->ws && d->ws->resolved ? &d->ws->res : NULL;
}

const struct resolved *doc_info(const struct doc *d, uint32_t i)
{
	const struct resolution *r = doc_resolution(d);

	/* The base view's items are the first items of the resolution's
	 * catalog (it is a clone); what was added comes after. */
	if (!r || i == ITEM_NONE || i >= r->cat.count)
		return NULL;
	return &r->info[i];
}

/* Marks i and its whole subtree. */
static void hide_subtree(const struct catalog *c, uint8_t *hidden, uint32_t i)
{
	uint32_t end = catalog_next(c, i);

	/* Everything between i and the next item that is not below it. */
	while (end != ITEM_NONE && catalog_is_within(c, end, i))
		end = catalog_next(c, end);
	for (uint32_t k = i; k != end && k != ITEM_NONE; k = catalog_next(c, k))
		hidden[k] = 1;
}

bool doc_update_hidden(struct doc *d)
{
	const struct catalog *c = doc_shown(d);
	const struct resolution *r = doc_resolution(d);

	if (d->hidden_size < c->count) {
		uint8_t *v = realloc(d->hidden, c->count);

		if (!v)
			return false;
		d->hidden = v;
		d->hidden_size = c->count;
	}
	memset(d->hidden, 0, c->count);
	if (!r)
		return true;
	switch (d->view) {
	case VIEW_TAILORED:
		/* Split and merged items gave way to new ones; excluded
		 * items stay, marked, so they can be included again. */
		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
			if (!d->hidden[i] && (r->info[i].status == STATUS_SPLIT ||
					      r->info[i].status == STATUS_MERGED))
				hide_subtree(c, d->hidden, i);
		break;
	case VIEW_BASE:
		break;
	case VIEW_CHANGES:
		memset(d->hidden, 1, c->count);
		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
			if (!r->info[i].history_count && r->info[i].status == STATUS_KEPT)
				continue;
			for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE;
			     a = c->items[a].parent)
				d->hidden[a] = 0;
		}
		break;
	default:
		break;
	}
	return true;
}

void doc_free(struct doc *d)
{
	free(d->hidden);
	d->hidden = NULL;
	d->hidden_size = 0;
}
