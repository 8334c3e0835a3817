/* The right pane: the selected item's id, title, text, references and
 * attributes, scrolled when it does not fit, with a notice where text is
 * hidden above or below (less and tig show the same at their edges). */
#include <stdio.h>

#include "kijun/i18n.h"
#include "ui.h"

static enum draw_role role_of(enum detail_style style)
{
	switch (style) {
	case DETAIL_ID: return ROLE_NORMAL;
	case DETAIL_TITLE: return ROLE_TITLE;
	case DETAIL_MUTED: return ROLE_MUTED;
	case DETAIL_HEADING: return ROLE_HEADING;
	case DETAIL_VALUE: return ROLE_VALUE;
	case DETAIL_WARNING: return ROLE_ERROR;
	case DETAIL_INSERTED: return ROLE_INSERTED;
	case DETAIL_DELETED: return ROLE_DELETED;
	default: return ROLE_NORMAL;
	}
}

void detail_view_draw(struct ui *ui)
{
	struct detail *d = &ui->detail;
	uint32_t i = outline_current(&ui->tree);
	int x = ui->detail_x, w = ui->detail_w;
	struct detail_context ctx = {
		session_resolution(ui->s),
		session_editing(ui->s) ? &session_workspace(ui->s)->t : NULL,
		session_view(ui->s) == SESSION_VIEW_BASE,
	};
	struct detail_window win;

	if (d->item != i || d->width != w - 1 || d->lang != (int)i18n_language())
		detail_build(d, ui->tree.c, i, w - 1, &ctx);  /* one cell of margin */
	detail_scroll(d, 0, (size_t)ui->body_h);
	detail_window(d, (size_t)ui->body_h, &win);
	for (int r = 0; r < ui->body_h; r++) {
		size_t row = (size_t)r;
		int y = ui->body_y + r;

		draw_blank(y, x, 1, ROLE_NORMAL);
		if (row < win.top || (win.below && row == win.top + win.rows)) {
			/* Text is hidden there: say so, and how much. */
			char note[128];

			if (row < win.top)
				snprintf(note, sizeof(note), _("-- %zu more lines above --"), win.above);
			else
				snprintf(note, sizeof(note), _("-- %zu more lines below --"), win.below);
			draw_str(y, x + 1, w - 1, note, ROLE_MUTED, true);
		} else if (row >= win.top && row < win.top + win.rows) {
			const struct detail_line *l = &d->lines[win.first + row - win.top];
			int indent = l->indent < w - 1 ? l->indent : 0;

			draw_blank(y, x + 1, indent, ROLE_NORMAL);
			int used = draw_marked(y, x + 1 + indent, w - 1 - indent, l->text, l->len,
					       l->marks, role_of((enum detail_style)l->style),
					       role_of((enum detail_style)l->mark_style));

			draw_blank(y, x + 1 + indent + used, w - 1 - indent - used, ROLE_NORMAL);
		} else {
			draw_blank(y, x + 1, w - 1, ROLE_NORMAL);
		}
	}
}
