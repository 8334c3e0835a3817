/* The first screen of a large catalog (or of a tailoring of one) while
 * the rest of it loads. */
#ifndef KIJUN_PREVIEW_H
#define KIJUN_PREVIEW_H

#include <stdbool.h>

#include "kijun/session.h"
#include "outline.h"

struct preview {
	struct session s;      /* on the catalog's first items */
	struct outline tree;   /* opened as the screen opens it */
};

/* Reads the start of the catalog file at path (or of the one the
 * tailoring at path stands on), enough to fill `tree_rows` rows of the
 * tree; false when there is nothing to show: the catalog is smaller than
 * `at_least` bytes (it loads at once), not in canonical form, or under a
 * base tailoring. */
bool preview_load(struct preview *p, const char *path, int tree_rows, size_t at_least);
/* Draws it on the screen curses has open: the tree as the screen will
 * show it, the detail pane and the position waiting for the load. */
void preview_draw(struct preview *p, const char *name);
void preview_free(struct preview *p);

#endif
