/* The event loop: read a key, change the state, draw.  Drawing redraws the
 * whole virtual screen and lets curses send only what changed, so a cursor
 * move costs a few bytes on a slow link.  Signals only set flags (as in
 * neomutt); the loop acts on them.  Idle, kijun blocks in get_wch. */
#include "tui.h"

#include <curses.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/search.h"
#include "kijun/text.h"
#include "terminfo.h"
#include "ui.h"

static volatile sig_atomic_t interrupted;  /* Ctrl-C: quit, asking first */
static volatile sig_atomic_t terminated;   /* SIGTERM, SIGHUP: quit now */

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void on_terminate(int sig)
{
	(void)sig;
	terminated = 1;
}

static void layout(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	ui->body_y = 1;
	ui->body_h = ui->rows - 3;
	if (ui->body_h < 1)
		ui->body_h = 1;
	/* Half the width for the tree, more of it on wide screens for the
	 * text, where long sentences need room. */
	ui->tree_w = ui->cols / 2;
	if (ui->tree_w > 64)
		ui->tree_w = 64 + (ui->cols / 2 - 64) / 3;
	if (ui->panes == PANES_TREE)
		ui->tree_w = ui->cols;
	ui->detail_x = ui->tree_w + 1;
	ui->detail_w = ui->cols - ui->detail_x;
	outline_set_height(&ui->tree, (uint32_t)ui->body_h);
}

void ui_remember(struct ui *ui)
{
	if (ui->have_remembered)
		outline_state_free(&ui->remembered);
	ui->have_remembered = outline_state_save(&ui->tree, &ui->remembered);
}

bool ui_reload(struct ui *ui, const char *focus_id)
{
	uint32_t height = ui->tree.height;

	/* A view switch keeps the catalog; an edit remembered it before. */
	if (!ui->have_remembered)
		ui_remember(ui);
	outline_free(&ui->tree);
	if (!doc_update_hidden(&ui->doc) || !outline_init(&ui->tree, doc_shown(&ui->doc)))
		return false;
	ui->tree.height = height;
	ui->tree.hidden = ui->doc.hidden;
	if (ui->have_remembered) {
		outline_state_restore(&ui->tree, &ui->remembered);
		outline_state_free(&ui->remembered);
		ui->have_remembered = false;
	}
	if (focus_id) {
		uint32_t i = catalog_find(doc_shown(&ui->doc), focus_id);

		if (i != ITEM_NONE && !ui->doc.hidden[i])
			outline_reveal(&ui->tree, i);
	}
	ui->detail.item = ITEM_NONE;  /* lay it out again */
	return true;
}

static void draw_too_small(struct ui *ui)
{
	char line[256];
	int w;

	erase();
	snprintf(line, sizeof(line), _("terminal too small: %dx%d, kijun needs %dx%d"),
		 ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	w = text_width(line);
	draw_str(ui->rows / 2, w < ui->cols ? (ui->cols - w) / 2 : 0, ui->cols, line,
		 ROLE_NORMAL, false);
	move(0, 0);
}

static void render(struct ui *ui)
{
	if (ui->too_small) {
		draw_too_small(ui);
		refresh();
		return;
	}
	if (ui->mode == MODE_HELP) {
		help_view_draw(ui);
	} else if (ui->mode == MODE_CONFLICTS) {
		conflicts_view_draw(ui);
	} else {
		tree_view_draw(ui);
		if (ui->panes == PANES_BOTH)
			detail_view_draw(ui);
	}
	status_draw(ui);
	if (ui->mode != MODE_SEARCH && !ui->prompt.active) {
		/* Park the cursor on the selected row: terminals that cannot
		 * hide it, and screen readers, then point at the right place. */
		move(ui->body_y + (int)(ui->tree.cursor - ui->tree.top), 0);
	}
	refresh();
}

/* ---- searching ------------------------------------------------------------- */

/* Searches past items the view leaves out. */
static uint32_t search_shown(struct ui *ui, uint32_t from, const char *query, bool forward,
			     bool *wrapped)
{
	const struct catalog *c = doc_shown(&ui->doc);
	uint32_t hit = catalog_search(c, from, query, forward, wrapped), first = hit;
	bool w2;

	while (hit != ITEM_NONE && ui->doc.hidden && ui->doc.hidden[hit]) {
		hit = catalog_search(c, hit, query, forward, &w2);
		*wrapped |= w2;
		if (hit == first)
			return ITEM_NONE;
	}
	return hit;
}

static void search_begin(struct ui *ui)
{
	const struct catalog *c = doc_shown(&ui->doc);

	ui->mode = MODE_SEARCH;
	lineedit_clear(&ui->query);
	ui->search_origin = outline_current(&ui->tree);
	free(ui->saved_expanded);
	ui->saved_expanded = malloc(c->count);
	if (ui->saved_expanded)
		memcpy(ui->saved_expanded, ui->tree.expanded, c->count);
	ui->message[0] = '\0';
	curs_set(1);
}

static void search_restore(struct ui *ui)
{
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, doc_shown(&ui->doc)->count);
	outline_reveal(&ui->tree, ui->search_origin);
}

/* Jumps to the first match after where / was pressed, as the user types. */
static void search_update(struct ui *ui)
{
	bool wrapped;
	uint32_t hit;

	if (ui->query.len == 0) {
		search_restore(ui);
		ui->message[0] = '\0';
		return;
	}
	hit = search_shown(ui, ui->search_origin, ui->query.buf, true, &wrapped);
	if (hit == ITEM_NONE) {
		search_restore(ui);
		return;
	}
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, doc_shown(&ui->doc)->count);
	outline_reveal(&ui->tree, hit);
}

static void search_end(struct ui *ui, bool keep)
{
	ui->mode = MODE_BROWSE;
	curs_set(0);
	if (!keep) {
		search_restore(ui);
		ui->message[0] = '\0';
	} else if (ui->query.len) {
		uint32_t cur = outline_current(&ui->tree);

		snprintf(ui->last_query, sizeof(ui->last_query), "%s", ui->query.buf);
		if (cur == ITEM_NONE ||
		    !item_matches(catalog_item(doc_shown(&ui->doc), cur), ui->query.buf))
			ui_message(ui, ROLE_ERROR, _("not found: %s"), ui->query.buf);
		else
			ui_message(ui, ROLE_NORMAL, "/%s", ui->query.buf);
	}
	free(ui->saved_expanded);
	ui->saved_expanded = NULL;
}

static void search_again(struct ui *ui, bool forward)
{
	bool wrapped;
	uint32_t hit;

	if (!ui->last_query[0]) {
		ui_message(ui, ROLE_ERROR, "%s", _("no search yet: press / to search"));
		return;
	}
	hit = search_shown(ui, outline_current(&ui->tree), ui->last_query, forward, &wrapped);
	if (hit == ITEM_NONE) {
		ui_message(ui, ROLE_ERROR, _("not found: %s"), ui->last_query);
		return;
	}
	outline_reveal(&ui->tree, hit);
	if (wrapped)
		ui_message(ui, ROLE_NORMAL, forward ? _("search hit the end, continued from the top: %s")
						    : _("search hit the top, continued from the end: %s"),
			   ui->last_query);
	else
		ui_message(ui, ROLE_NORMAL, "%s%s", forward ? "/" : "?", ui->last_query);
}

static void search_key(struct ui *ui, bool is_key, wint_t ch)
{
	if (is_key) {
		switch (ch) {
		case KEY_ENTER: search_end(ui, true); return;
		case KEY_BACKSPACE:
			if (ui->query.len == 0) {
				search_end(ui, false);
				return;
			}
			lineedit_backspace(&ui->query);
			break;
		case KEY_DC: lineedit_delete(&ui->query); break;
		case KEY_LEFT: lineedit_left(&ui->query); return;
		case KEY_RIGHT: lineedit_right(&ui->query); return;
		case KEY_HOME: lineedit_home(&ui->query); return;
		case KEY_END: lineedit_end(&ui->query); return;
		default: return;
		}
		search_update(ui);
		return;
	}
	switch (ch) {
	case '\n':
	case '\r':
		search_end(ui, true);
		return;
	case 27:  /* Esc */
	case 7:   /* Ctrl-G */
		search_end(ui, false);
		return;
	case 8:
	case 127:
		if (ui->query.len == 0) {
			search_end(ui, false);
			return;
		}
		lineedit_backspace(&ui->query);
		break;
	case 1: lineedit_home(&ui->query); return;
	case 5: lineedit_end(&ui->query); return;
	case 2: lineedit_left(&ui->query); return;
	case 6: lineedit_right(&ui->query); return;
	case 21: lineedit_kill_to_start(&ui->query); break;
	case 11: lineedit_kill_to_end(&ui->query); break;
	case 23: lineedit_delete_word(&ui->query); break;
	default:
		if (!lineedit_insert(&ui->query, (uint32_t)ch))
			return;
	}
	search_update(ui);
}

/* ---- browsing ----------------------------------------------------------------- */

static void detail_key(struct ui *ui, enum action a)
{
	size_t h = (size_t)ui->body_h;

	switch (a) {
	case ACT_DOWN: detail_scroll(&ui->detail, 1, h); break;
	case ACT_UP: detail_scroll(&ui->detail, -1, h); break;
	case ACT_PAGE_DOWN: detail_scroll(&ui->detail, (long)h - 1, h); break;
	case ACT_PAGE_UP: detail_scroll(&ui->detail, -(long)h + 1, h); break;
	case ACT_HALF_DOWN: detail_scroll(&ui->detail, (long)h / 2, h); break;
	case ACT_HALF_UP: detail_scroll(&ui->detail, -(long)h / 2, h); break;
	case ACT_FIRST: detail_scroll(&ui->detail, -(long)ui->detail.count, h); break;
	case ACT_LAST: detail_scroll(&ui->detail, (long)ui->detail.count, h); break;
	default: break;
	}
}

/* Help and the conflict list: scroll, and any closing key goes back. */
static void help_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	size_t total = ui->mode == MODE_HELP ? help_view_lines() : conflicts_view_lines(ui);
	size_t h = (size_t)ui->body_h, max = total > h ? total - h : 0;

	if ((!is_key && (ch == 27 || ch == 'q')) || a == ACT_HELP || a == ACT_TOGGLE ||
	    a == ACT_CONFLICTS) {
		ui->mode = MODE_BROWSE;
		return;
	}
	if (a == ACT_DOWN && ui->help_scroll < max)
		ui->help_scroll++;
	else if (a == ACT_UP && ui->help_scroll > 0)
		ui->help_scroll--;
	else if (a == ACT_PAGE_DOWN || a == ACT_LAST)
		ui->help_scroll = max;
	else if (a == ACT_PAGE_UP || a == ACT_FIRST)
		ui->help_scroll = 0;
}

static void switch_view(struct ui *ui)
{
	if (!ui_editing(ui)) {
		ui_edit_key(ui, ACT_VIEW);  /* says why not */
		return;
	}
	ui->doc.view = (enum doc_view)((ui->doc.view + 1) % VIEW_COUNT);
	ui_reload(ui, NULL);
	if (ui->doc.view == VIEW_CHANGES)
		outline_expand_all(&ui->tree);
	ui_message(ui, ROLE_NORMAL, _("view: %s"), doc_view_label(ui->doc.view));
}

/* Returns false when the user quits. */
static bool browse_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	struct outline *o = &ui->tree;
	long half = ui->body_h / 2 > 0 ? ui->body_h / 2 : 1;

	if (a != ACT_NONE && a != ACT_REDRAW)
		ui->message[0] = '\0';
	if (ui->focus == FOCUS_DETAIL && a >= ACT_DOWN && a <= ACT_LAST) {
		detail_key(ui, a);
		return true;
	}
	switch (a) {
	case ACT_DOWN: outline_move(o, 1); break;
	case ACT_UP: outline_move(o, -1); break;
	case ACT_PAGE_DOWN: outline_page(o, 1); break;
	case ACT_PAGE_UP: outline_page(o, -1); break;
	case ACT_HALF_DOWN: outline_move(o, half); break;
	case ACT_HALF_UP: outline_move(o, -half); break;
	case ACT_FIRST: outline_first(o); break;
	case ACT_LAST: outline_last(o); break;
	case ACT_TOGGLE: outline_toggle(o); break;
	case ACT_EXPAND: outline_expand(o); break;
	case ACT_COLLAPSE: outline_collapse(o); break;
	case ACT_EXPAND_ALL: outline_expand_all(o); break;
	case ACT_COLLAPSE_ALL: outline_collapse_all(o); break;
	case ACT_SEARCH: search_begin(ui); break;
	case ACT_SEARCH_NEXT: search_again(ui, true); break;
	case ACT_SEARCH_PREV: search_again(ui, false); break;
	case ACT_FOCUS:
		if (ui->panes == PANES_BOTH)
			ui->focus = ui->focus == FOCUS_TREE ? FOCUS_DETAIL : FOCUS_TREE;
		break;
	case ACT_PANES:
		ui->panes = ui->panes == PANES_BOTH ? PANES_TREE : PANES_BOTH;
		ui->focus = FOCUS_TREE;
		layout(ui);
		break;
	case ACT_LANGUAGE:
		i18n_set_language(i18n_language() == LANGUAGE_JA ? LANGUAGE_EN : LANGUAGE_JA);
		ui_message(ui, ROLE_NORMAL, "%s", _("language: English"));
		break;
	case ACT_HELP:
		ui->mode = MODE_HELP;
		ui->help_scroll = 0;
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_QUIT: return !ui_quit_request(ui);
	case ACT_VIEW: switch_view(ui); break;
	case ACT_CONFLICTS:
		if (!ui_editing(ui)) {
			ui_edit_key(ui, a);  /* says why not */
			break;
		}
		ui->mode = MODE_CONFLICTS;
		ui->help_scroll = 0;
		break;
	case ACT_NONE:
		if (!is_key && ch == 27)
			ui->message[0] = '\0';
		else if (!is_key || ch != KEY_RESIZE)
			ui_message(ui, ROLE_NORMAL, "%s", _("unknown key: press ? for help"));
		break;
	default:
		ui_edit_key(ui, a);
		break;
	}
	return true;
}

/* Returns false when the user quits. */
static bool handle_key(struct ui *ui, bool is_key, wint_t ch)
{
	if (is_key && ch == KEY_RESIZE) {
		layout(ui);
		return true;
	}
	if (ui->too_small)
		return is_key || ch != 'q' ? true : !ui_quit_request(ui);
	if (ui->prompt.active) {
		prompt_input(ui, is_key, ch);
		return !ui->quitting;
	}
	switch (ui->mode) {
	case MODE_SEARCH: search_key(ui, is_key, ch); return true;
	case MODE_HELP:
	case MODE_CONFLICTS: help_key(ui, is_key, ch); return true;
	default: return browse_key(ui, is_key, ch);
	}
}

/* Opens the terminal as TERM says, or, when this machine has no terminfo
 * entry for it (tmux-256color without ncurses-term is common), as the
 * nearest entry it has. */
static SCREEN *screen_open(struct ui *ui)
{
	static const char *const fallbacks[] = {
		"screen-256color", "screen", "xterm-256color", "xterm", "vt100",
	};
	const char *term = getenv("TERM");
	SCREEN *scr = term && *term && terminfo_has(term) ? newterm(term, stdout, stdin) : NULL;

	for (size_t k = 0; !scr && k < sizeof(fallbacks) / sizeof(fallbacks[0]); k++) {
		/* tmux-* is closest to screen-*; others are closest to xterm. */
		if (k < 2 && !(term && strncmp(term, "tmux", 4) == 0))
			continue;
		if (!terminfo_has(fallbacks[k]))
			continue;
		scr = newterm(fallbacks[k], stdout, stdin);
		if (scr)
			ui_message(ui, ROLE_NORMAL, _("TERM=%s is not known on this machine; drawing as %s"),
				   term && *term ? term : "", fallbacks[k]);
	}
	return scr;
}

static SCREEN *screen_start(struct ui *ui)
{
	SCREEN *scr = screen_open(ui);

	if (!scr)
		return NULL;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Let curses scroll with the terminal's own line insert/delete when
	 * the tree alone scrolls by a row: one new row crosses the link
	 * instead of the whole pane. */
	idlok(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	draw_init_roles();
	return scr;
}

/* Who changes are recorded as: KIJUN_AUTHOR, else the account's full
 * name, else its login. */
static void find_author(struct ui *ui)
{
	const char *env = getenv("KIJUN_AUTHOR");
	struct passwd *pw = getpwuid(getuid());
	const char *name = NULL;

	if (env && *env)
		name = env;
	else if (pw && pw->pw_gecos && *pw->pw_gecos && *pw->pw_gecos != ',')
		name = pw->pw_gecos;
	else if (pw)
		name = pw->pw_name;
	else
		name = getenv("USER");
	snprintf(ui->author, sizeof(ui->author), "%s", name && *name ? name : "unknown");
	ui->author[strcspn(ui->author, ",\t\n")] = '\0';  /* gecos: "Name,room,phone" */
}

static void handle_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_interrupt;
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_terminate;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void announce(struct ui *ui)
{
	struct workspace *w = ui->doc.ws;

	if (!w)
		return;
	if (w->res.conflict_count)
		ui_message(ui, ROLE_ERROR,
			   _("%u changes do not apply to the base: ! lists them"),
			   w->res.conflict_count);
	else if (w->warnings.count)
		ui_message(ui, ROLE_ERROR, "%s", w->warnings.items[0].message);
	else if (w->t.count == 0)
		ui_message(ui, ROLE_NORMAL, "%s", _("a new tailoring: x, r, a ... make changes, s saves, ? lists the keys"));
}

int tui_run(struct catalog *c, struct workspace *w, const char *name)
{
	struct ui ui;
	SCREEN *scr = NULL;
	int rc = 0;

	memset(&ui, 0, sizeof(ui));
	ui.doc.catalog = c;
	ui.doc.ws = w;
	ui.name = name;
	ui.session_start = w ? w->t.count : 0;
	find_author(&ui);
	detail_init(&ui.detail);
	if (!doc_update_hidden(&ui.doc) || !outline_init(&ui.tree, doc_shown(&ui.doc))) {
		fprintf(stderr, "kijun: %s\n", _("out of memory"));
		rc = 2;
		goto out;
	}
	ui.tree.hidden = ui.doc.hidden;
	outline_expand_to(&ui.tree, 1);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kijun: %s\n",
			_("the browser needs a terminal; for scripts use 'kijun catalog list'"));
		rc = 1;
		goto out;
	}
	handle_signals();
	scr = screen_start(&ui);
	if (!scr) {
		fprintf(stderr, "kijun: %s\n", _("cannot start the terminal (is TERM set?)"));
		rc = 2;
		goto out;
	}
	layout(&ui);
	announce(&ui);
	for (unsigned errors = 0;;) {
		wint_t ch;
		int got;

		render(&ui);
		got = get_wch(&ch);
		if (terminated)
			break;
		if (interrupted) {
			/* Ctrl-C backs out of a question, else asks to quit. */
			interrupted = 0;
			if (ui.prompt.active) {
				prompt_input(&ui, false, 27);
				continue;
			}
			if (ui_quit_request(&ui))
				break;
			continue;
		}
		if (got == ERR) {
			/* A blocking read fails only for a signal or when the
			 * terminal has gone away; many in a row mean the latter. */
			if (++errors > 64)
				break;
			continue;
		}
		errors = 0;
		if (!handle_key(&ui, got == KEY_CODE_YES, ch) || ui.quitting)
			break;
	}
	endwin();
	delscreen(scr);
	/* Killed, or the terminal went away, with work not saved: keep it. */
	if (!ui.quitting)
		ui_save_recovery(&ui);
out:
	if (ui.have_remembered)
		outline_state_free(&ui.remembered);
	ui_flow_cancel(&ui);
	free(ui.redo);
	free(ui.saved_expanded);
	detail_free(&ui.detail);
	outline_free(&ui.tree);
	doc_free(&ui.doc);
	return rc;
}
