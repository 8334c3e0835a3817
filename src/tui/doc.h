/* What the screen shows: a catalog to browse, or a tailoring to work on,
 * in one of three views.  No curses here. */
#ifndef KIJUN_DOC_H
#define KIJUN_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/resolve.h"
#include "kijun/workspace.h"

enum doc_view {
	VIEW_TAILORED,  /* the individual standard: base with the changes */
	VIEW_BASE,      /* the base as it is, marked where it was changed */
	VIEW_CHANGES,   /* only the items changes shaped, with their parents */
	VIEW_COUNT
};

struct doc {
	struct catalog *catalog;   /* browsing a catalog; or NULL */
	struct workspace *ws;      /* working on a tailoring; or NULL */
	enum doc_view view;
	uint8_t *hidden;           /* per item of the shown catalog */
	uint32_t hidden_size;
};

const char *doc_view_label(enum doc_view v);

/* The catalog the tree shows. */
const struct catalog *doc_shown(const struct doc *d);

/* The resolution, when a tailoring is open. */
const struct resolution *doc_resolution(const struct doc *d);

/* Info about item i of the shown catalog, or NULL (browsing, or an item
 * the base view has that the resolution does not know). */
const struct resolved *doc_info(const struct doc *d, uint32_t i);

/* Recomputes which items the current view leaves out.  False when out of
 * memory. */
bool doc_update_hidden(struct doc *d);

void doc_free(struct doc *d);

#endif
