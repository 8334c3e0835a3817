/* The state of one kijun screen, shared by the views. */
#ifndef KIJUN_UI_H
#define KIJUN_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "detail.h"
#include "draw.h"
#include "guard.h"
#include "kijun/arena.h"
#include "kijun/catalog.h"
#include "kijun/session.h"
#include "kijun/tailoring.h"
#include "lineedit.h"
#include "msglog.h"
#include "outline.h"
#include "prompt.h"

/* Below this the panes would garble; the screen says so instead. */
#define UI_MIN_COLS 50
#define UI_MIN_ROWS 10

enum ui_focus { FOCUS_TREE, FOCUS_DETAIL };
/* Both panes, or the tree alone: wider rows on narrow terminals, and
 * cursor moves that send only a few bytes over a slow link. */
enum ui_panes { PANES_BOTH, PANES_TREE };

struct ui;

/* A screen: the tree with the detail pane, the help, the conflict list;
 * later the wizard and the evaluation.  The loop draws the one open and
 * hands it the keys, and never asks which it is (as tig's view_ops). */
struct view_ops {
	const char *name;                     /* for debugging */
	void (*enter)(struct ui *ui);         /* on opening; may be NULL */
	void (*leave)(struct ui *ui);         /* on closing; may be NULL */
	void (*draw)(struct ui *ui);          /* the body rows; sets cursor_y */
	/* A key (`is_key`: a KEY_* code); false when kijun is to quit. */
	bool (*key)(struct ui *ui, bool is_key, wint_t ch);
	const char *(*status)(const struct ui *ui);  /* its name on the status bar */
};

/* Something on the message line that takes keys before the view: a
 * prompt, or the search being typed.  Not a view: the view stays drawn. */
struct overlay_ops {
	void (*key)(struct ui *ui, bool is_key, wint_t ch);
	void (*draw)(struct ui *ui, int y);   /* the message line; places the cursor */
	const char *(*status)(const struct ui *ui);
};

extern const struct view_ops browse_view;     /* browse_view.c */
extern const struct view_ops help_view;       /* help_view.c */
extern const struct view_ops conflicts_view;  /* conflicts_view.c */
extern const struct view_ops messages_view;   /* messages_view.c */
extern const struct view_ops crosstab_view;   /* crosstab_view.c */
extern const struct view_ops wizard_view;     /* wizard_view.c */
extern const struct view_ops balance_view;    /* balance_view.c */
extern const struct view_ops risk_view;       /* risk_view.c */
extern const struct overlay_ops prompt_overlay;  /* view.c */
extern const struct overlay_ops search_overlay;  /* search_bar.c */

/* Takes the text the user wrote in an editor for an operation (a copy
 * it may change) and goes on with the operation; or, when the text does
 * not do (a template not followed), returns false with the problem in
 * words, the flow kept: the editor opens again on the user's text. */
typedef bool (*flow_text_fn)(struct ui *ui, char *text, char *problem, size_t size);

/* An operation being put together over several prompts. */
struct flow {
	bool active;
	struct change c;
	uint32_t item;             /* the item it started on */
	struct arena scratch;      /* answers, until the change is recorded */
	/* Text was written in an editor for it: Esc asks before dropping it. */
	bool typed;
	struct prompt held;        /* the prompt "discard the text?" interrupted */
	/* The editor's text comes back here (edit_flow.c), whichever editor
	 * ran: the buffer it was given, the # lines of a problem put on top. */
	flow_text_fn editor_done;
	const char *editor_initial;
	const char *editor_problem;
	/* Step 3's pick: the catalog it picks from (a built-in id or a file). */
	const char *pick_from;
};

struct eval_ui;

struct ui {
	struct session *s;         /* the document: changes, undo, view, search */
	struct eval_ui *eval;      /* an evaluation open on it (eval_view.h), or NULL */
	enum session_code identity;  /* why changes cannot be recorded, or OK */
	const char *name;          /* file name shown in the status bar */
	struct outline tree;
	struct detail detail;
	enum ui_focus focus;
	const struct view_ops *view;    /* the screen shown; never NULL */
	const struct view_ops *parent;  /* where closing it goes back to */
	int cursor_y;              /* where the view parks the cursor */
	int cursor_x;              /* and in which column (0 unless it says) */
	enum ui_panes panes;

	bool searching;            /* the search overlay is open */
	struct lineedit query;     /* the search being typed */
	char old_query[LINEEDIT_MAX];  /* the search before /, back on Esc */
	bool search_found;         /* the query typed so far matches */
	uint32_t search_origin;    /* where / was pressed */
	uint8_t *saved_expanded;   /* the tree before /, for Esc */

	struct prompt prompt;
	struct flow flow;
	struct outline_state remembered;  /* the tree before the document changed */
	bool have_remembered;
	struct outline_state before_changes;  /* the tree before v showed changes only */
	bool have_before_changes;
	struct outline_state before_filter;  /* the tree before f filtered it */
	bool have_before_filter;
	bool quitting;             /* the quit question is open */
	struct guard guard;        /* the lock and the journal (guard.c) */

	char message[MSGLOG_TEXT];
	enum draw_role message_role;
	struct msglog messages;    /* what the message line said: M reads them */
	size_t help_scroll;
	uint32_t conflict_cursor;  /* the change selected in the `!` list */
	uint32_t risk_cursor;      /* the item selected in the O list */
	struct crosstab_page *xtab;  /* the cross-tab (X) while it is open */
	uint32_t xtab_rows, xtab_cols;  /* its attribute types, kept between openings */
	unsigned wizard_page;      /* the wizard's page: 0 basis, 1–7 steps, 8 summary */
	int wizard_risk_level;     /* f: only items treating risks ranked 0..this; -1 all */
	struct balance_view_state *balance;  /* the balance (B) while it is open */

	/* Layout, recomputed on every resize. */
	int rows, cols;
	bool too_small;
	int body_y, body_h;
	int tree_w;
	int detail_x, detail_w;
};

void tree_view_draw(struct ui *ui);
void detail_view_draw(struct ui *ui);
void status_draw(struct ui *ui);

/* ---- views and overlays (view.c) ------------------------------------------- */

/* Opens view v over the current one; view_close goes back to it. */
void view_open(struct ui *ui, const struct view_ops *v);
void view_close(struct ui *ui);
/* The overlay taking keys now (a prompt before a search), or NULL. */
const struct overlay_ops *view_overlay(const struct ui *ui);
/* Scrolls a read-only page of `total` lines (help, conflicts) by action a;
 * the keys that close it go back.  For the views' key functions. */
bool view_scroll_key(struct ui *ui, bool is_key, wint_t ch, size_t total);

/* ---- the loop (tui.c): one key, one frame; the script driver shares them ---- */

/* Lays the panes out for the screen's size (after a resize, or z). */
void ui_layout(struct ui *ui);
/* Handles one key as the terminal gave it; false when kijun quits. */
bool ui_key(struct ui *ui, bool is_key, wint_t ch);
/* Ctrl-C: backs out of a question, else asks to quit; true to quit now. */
bool ui_interrupt(struct ui *ui);
/* Draws the whole screen into curses' virtual screen and refreshes. */
void ui_render(struct ui *ui);

/* ---- searching (search_bar.c) -------------------------------------------- */

void search_bar_begin(struct ui *ui);
/* n and N: the next or previous match of the last search. */
void search_bar_again(struct ui *ui, bool forward);

/* ---- the query filter (filter_bar.c) ---------------------------------------- */

/* f: asks for the query (the current one to edit); Enter applies it. */
void filter_bar_begin(struct ui *ui);
/* Esc in the tree: drops the filter, when there is one. */
void filter_bar_clear(struct ui *ui);
/* Filters by the query text as f would (the balance view's Enter); a bad
 * query or one matching nothing leaves the tree and says why.  True when
 * the filter is set. */
bool filter_bar_set(struct ui *ui, const char *text);
/* @: filters by the tailoring's audit scope (asking which when there are
 * several). */
void filter_bar_scope(struct ui *ui);

/* Sets the message line, and keeps it in the history M shows;
 * printf-style. */
void ui_message(struct ui *ui, enum draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* True when a tailoring is open (editing keys work). */
static inline bool ui_editing(const struct ui *ui)
{
	return session_editing(ui->s);
}

static inline bool ui_modified(const struct ui *ui)
{
	return session_modified(ui->s);
}

/* The view's name in the current language. */
const char *ui_view_label(enum session_view v);

/* Notes what the tree shows, by id, before the document it shows is
 * replaced (resolved again after an edit). */
void ui_remember(struct ui *ui);

/* Rebuilds the tree after the document changed (an edit, an undo, a view
 * switch), keeping what was open; then puts the cursor on focus_id if
 * given.  False when out of memory. */
bool ui_reload(struct ui *ui, const char *focus_id);

/* ---- editing (edit_ops.c) ------------------------------------------------- */

/* Starts the operation bound to a key; false when the key is not one. */
bool ui_edit_key(struct ui *ui, int action);
void ui_flow_cancel(struct ui *ui);
/* Asks whether to save before quitting; true when kijun may quit now. */
bool ui_quit_request(struct ui *ui);
/* Takes back the last change of this session, or puts it back. */
void ui_undo(struct ui *ui);
void ui_redo(struct ui *ui);
/* Saves the tailoring; reports on the message line. */
bool ui_save(struct ui *ui);

#endif
