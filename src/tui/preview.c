/* The first screen of a large catalog, drawn from the start of its file
 * (catalog_load_head) before the rest is read: a catalog of 100k items
 * takes most of a second to load, its first rows a few milliseconds.  A
 * tailoring of one is drawn the same way, its changes applied to those
 * first items.  The tree's rows are the ones the loaded screen shows;
 * what needs the whole catalog (the detail pane, the row count) waits. */
#include "preview.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kijun/catalog_io.h"
#include "kijun/file_format.h"
#include "kijun/workspace_io.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "status_text.h"
#include "ui.h"

/* A megabyte first (some three thousand items), then more while the
 * rows do not fill the tree (a first part of large sections). */
enum { HEAD_FIRST = 1024 * 1024, HEAD_MOST = 16 * 1024 * 1024 };

/* A session on the first `bytes` of the catalog at path, or of the
 * catalog the tailoring at path stands on, with the tailoring applied. */
static bool open_head(struct session *s, const char *path, enum file_format format,
		      size_t bytes, size_t at_least)
{
	if (format == FORMAT_CATALOG) {
		struct catalog *c = malloc(sizeof(*c));

		if (!c)
			return false;
		if (!catalog_load_head(c, path, bytes)) {
			free(c);
			return false;
		}
		return session_init_catalog(s, c);
	} else {
		struct workspace *w = malloc(sizeof(*w));

		if (!w)
			return false;
		if (!workspace_open_head(w, path, bytes, at_least)) {
			free(w);
			return false;
		}
		return session_init_workspace(s, w);
	}
}

bool preview_load(struct preview *p, const char *path, int tree_rows, size_t at_least)
{
	struct diag_list quiet;
	enum file_format format;
	struct stat st;

	memset(p, 0, sizeof(*p));
	diag_list_init(&quiet);
	format = file_format_of_file(path, &quiet);
	diag_list_free(&quiet);
	if (format == FORMAT_CATALOG) {
		if (stat(path, &st) != 0 || (uint64_t)st.st_size < at_least)
			return false;
	} else if (format != FORMAT_TAILORING) {
		return false;
	}
	for (size_t bytes = HEAD_FIRST; bytes <= HEAD_MOST; bytes *= 4) {
		if (!open_head(&p->s, path, format, bytes, at_least))
			return false;
		if (!outline_init(&p->tree, session_shown(&p->s))) {
			session_free(&p->s);
			return false;
		}
		p->tree.hidden = session_hidden(&p->s);
		outline_expand_to(&p->tree, 1);
		if (p->tree.row_count >= (uint32_t)tree_rows || bytes * 4 > HEAD_MOST)
			return true;
		preview_free(p);
	}
	return false;
}

/* The status bar as the loaded screen has it, "loading" for where it
 * will say the row. */
static void draw_loading_status(const struct ui *ui, const char *name)
{
	char head[128], tail[128], fitted[512], line[1024], right[128];
	int y = ui->rows - 2, rw, room;

	snprintf(head, sizeof(head), " %s | ", ui->view->status((struct ui *)ui));
	snprintf(tail, sizeof(tail), " | %s", _("loading..."));
	snprintf(right, sizeof(right), "%s ", _("?:help  q:quit"));
	rw = text_width(right);
	room = ui->cols - rw - 1 - text_width(head) - text_width(tail);
	status_fit_path(name, room, fitted, sizeof(fitted));
	snprintf(line, sizeof(line), "%s%s%s", head, fitted, tail);
	draw_str(y, 0, ui->cols - rw, line, ROLE_BAR, true);
	draw_str(y, ui->cols - rw, rw, right, ROLE_BAR, true);
}

void preview_draw(struct preview *p, const char *name)
{
	struct ui ui;

	memset(&ui, 0, sizeof(ui));
	ui.s = &p->s;
	ui.name = name;
	ui.view = &browse_view;
	ui.tree = p->tree;
	ui_layout(&ui);
	if (ui.too_small) {
		p->tree = ui.tree;
		return;
	}
	tree_view_draw(&ui);
	for (int r = 0; r < ui.body_h; r++)
		draw_blank(ui.body_y + r, ui.detail_x, ui.detail_w, ROLE_NORMAL);
	status_draw(&ui);
	draw_loading_status(&ui, name);
	move(ui.body_y, 0);
	refresh();
	p->tree = ui.tree;
}

void preview_free(struct preview *p)
{
	outline_free(&p->tree);
	session_free(&p->s);
	memset(p, 0, sizeof(*p));
}
