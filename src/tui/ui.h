/* The state of one kijun screen, shared by the views. */
#ifndef KIJUN_UI_H
#define KIJUN_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detail.h"
#include "draw.h"
#include "kijun/catalog.h"
#include "lineedit.h"
#include "outline.h"

/* Below this the panes would garble; the screen says so instead. */
#define UI_MIN_COLS 50
#define UI_MIN_ROWS 10

enum ui_focus { FOCUS_TREE, FOCUS_DETAIL };
enum ui_mode { MODE_BROWSE, MODE_SEARCH, MODE_HELP };
/* Both panes, or the tree alone: wider rows on narrow terminals, and
 * cursor moves that send only a few bytes over a slow link. */
enum ui_panes { PANES_BOTH, PANES_TREE };

struct ui {
	struct catalog *c;
	const char *name;          /* file name shown in the status bar */
	struct outline tree;
	struct detail detail;
	enum ui_focus focus;
	enum ui_mode mode;
	enum ui_panes panes;

	struct lineedit query;     /* the search being typed */
	char last_query[LINEEDIT_MAX];
	uint32_t search_origin;    /* where / was pressed */
	uint8_t *saved_expanded;   /* the tree before /, for Esc */

	char message[512];
	enum draw_role message_role;
	size_t help_scroll;

	/* Layout, recomputed on every resize. */
	int rows, cols;
	bool too_small;
	int body_y, body_h;
	int tree_w;
	int detail_x, detail_w;
};

void tree_view_draw(struct ui *ui);
void detail_view_draw(struct ui *ui);
void help_view_draw(struct ui *ui);
/* Lines the help has, for scrolling. */
size_t help_view_lines(void);
void status_draw(struct ui *ui);

/* Sets the message line; printf-style. */
void ui_message(struct ui *ui, enum draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
