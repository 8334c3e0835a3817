#include "status_text.h"

#include <stdio.h>
#include <string.h>

#include "kijun/text.h"

/* ASCII, not U+2026: an ambiguous-width character would take one cell or
 * two depending on the terminal (docs/decisions.md). */
static const char marker[] = "...";
enum { MARKER_CELLS = 3 };

static void copy(char *out, size_t size, const char *a, const char *b)
{
	snprintf(out, size, "%s%s", a, b);
}

void status_fit_path(const char *path, int cells, char *out, size_t size)
{
	size_t len, pos = 0;
	int total, used = 0;
	struct glyph g;

	if (!size)
		return;
	out[0] = '\0';
	if (!path || cells <= 0)
		return;
	len = strlen(path);
	total = text_width_n(path, len);
	if (total <= cells) {
		copy(out, size, "", path);
		return;
	}
	if (cells <= MARKER_CELLS) {
		text_crop(marker, cells, out, size);
		return;
	}
	/* Whole directories first: the nearest the start that fits. */
	for (const char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		if (MARKER_CELLS + text_width(p) <= cells) {
			copy(out, size, marker, p);
			return;
		}
	}
	/* The file name alone is too wide: keep its end. */
	while (total - used > cells - MARKER_CELLS &&
	       text_next_glyph(path, len, &pos, TEXT_NEWLINE_SPACE, &g))
		used += g.cells;
	copy(out, size, marker, path + pos);
}

int status_format(const struct status_fields *f, int cells, char *out, size_t size)
{
	char head[128], tail[512], name[512], filter[256] = "";
	int room;

	snprintf(head, sizeof(head), " %s | ", f->mode);
	if (f->filter) {
		char q[128];

		if (text_width(f->filter) > STATUS_FILTER_CELLS) {
			text_crop(f->filter, STATUS_FILTER_CELLS - MARKER_CELLS, q, sizeof(q));
			snprintf(filter, sizeof(filter), " | f:%s%s (%u)", q, marker, f->matches);
		} else {
			snprintf(filter, sizeof(filter), " | f:%s (%u)", f->filter, f->matches);
		}
	}
	if (f->editing)
		snprintf(tail, sizeof(tail), "%s | %s%s | %u/%u",
			 f->read_only ? " [RO]" : f->modified ? " [+]" : "", f->view, filter,
			 f->cursor, f->count);
	else
		snprintf(tail, sizeof(tail), "%s | %u/%u", filter, f->cursor, f->count);
	room = cells - text_width(head) - text_width(tail);
	status_fit_path(f->name, room, name, sizeof(name));
	snprintf(out, size, "%s%s%s", head, name, tail);
	return text_width(out);
}
