/* The first screen of a large catalog while the rest of it loads. */
#ifndef KIJUN_PREVIEW_H
#define KIJUN_PREVIEW_H

#include <stdbool.h>

#include "kijun/session.h"
#include "outline.h"

struct preview {
	struct session s;      /* on the catalog's first items */
	struct outline tree;   /* opened as the screen opens it */
};

/* Reads the start of the catalog file at path, enough to fill
 * `tree_rows` rows of the tree; false when there is nothing to show
 * (the file is not a catalog in canonical form, or small enough to load
 * at once). */
bool preview_load(struct preview *p, const char *path, int tree_rows);
/* Draws it on the screen curses has open: the tree as the screen will
 * show it, the detail pane and the position waiting for the load. */
void preview_draw(struct preview *p, const char *name);
void preview_free(struct preview *p);

#endif
