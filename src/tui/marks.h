/* What the screen says about an item's state: the status it is named by and
 * the mark in the tree's first column.  No curses here (unit-tested). */
#ifndef KIJUN_MARKS_H
#define KIJUN_MARKS_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/resolve.h"

/* The mark of a collapsed branch whose items below hold changes. */
#define MARKS_CHANGES_BELOW '~'

/* The status as the screen names it.  The resolution calls the new items of
 * a split or a merge "added"; the user made them by splitting or merging,
 * so they are named by the first change in their history. */
enum item_status marks_status(const struct resolved *info);

/* '*' changed, 'A' added, 'x' excluded, 's' split, 'm' merged, or ' '. */
char marks_status_char(const struct resolved *info);

/* True when an item below item i of c (the catalog the tree shows, whose
 * first items are r's) is marked. */
bool marks_changes_below(const struct catalog *c, const struct resolution *r, uint32_t i);

#endif
