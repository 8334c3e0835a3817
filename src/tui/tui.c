/* The event loop: read a key, change the state, draw.  Drawing redraws the
 * whole virtual screen and lets curses send only what changed, so a cursor
 * move costs a few bytes on a slow link.  Signals only set flags (as in
 * neomutt); the loop acts on them.  Idle, kijun waits in get_wch for a
 * second at a time (one wake-up a second, no busy loop), so a SIGTERM or
 * SIGHUP is acted on within a second whatever curses does with EINTR.
 * A script (script.c) feeds the same ui_key and ui_render instead. */
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "eval_view.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"
#include "preview.h"
#include "script.h"
#include "terminfo.h"
#include "ui.h"

static volatile sig_atomic_t interrupted;  /* Ctrl-C: quit, asking first */
static volatile sig_atomic_t terminated;   /* SIGTERM, SIGHUP: quit now; the signal */
/* The terminal as tui_preview opened it, for run() to go on with. */
static SCREEN *opened;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void on_terminate(int sig)
{
	terminated = sig;
}

void ui_layout(struct ui *ui)
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
	if (!outline_init(&ui->tree, session_shown(ui->s)))
		return false;
	ui->tree.height = height;
	ui->tree.hidden = session_hidden(ui->s);
	if (ui->have_remembered) {
		outline_state_restore(&ui->tree, &ui->remembered);
		outline_state_free(&ui->remembered);
		ui->have_remembered = false;
	}
	if (focus_id) {
		uint32_t i = catalog_find(session_shown(ui->s), focus_id);

		if (i != ITEM_NONE && !session_hidden(ui->s)[i])
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

void ui_render(struct ui *ui)
{
	const struct overlay_ops *o = view_overlay(ui);

	if (ui->too_small) {
		draw_too_small(ui);
		refresh();
		return;
	}
	ui->cursor_y = ui->body_y;
	ui->cursor_x = 0;
	ui->view->draw(ui);
	status_draw(ui);
	if (!o)
		move(ui->cursor_y, ui->cursor_x);
	refresh();
}

bool ui_key(struct ui *ui, bool is_key, wint_t ch)
{
	const struct overlay_ops *o;

	if (is_key && ch == KEY_RESIZE) {
		ui_layout(ui);
		return true;
	}
	if (ui->too_small)
		return is_key || ch != 'q' ? true : !ui_quit_request(ui);
	o = view_overlay(ui);
	if (o) {
		o->key(ui, is_key, ch);
		guard_check(ui);
		return !ui->quitting;
	}
	if (!ui->view->key(ui, is_key, ch))
		return false;
	guard_check(ui);
	return !ui->quitting;
}

bool ui_interrupt(struct ui *ui)
{
	if (ui->prompt.active) {
		prompt_input(ui, false, 27);
		return ui->quitting;
	}
	if (ui->flow.active) {
		/* An operation waits for kijun's own editor: Ctrl-C is its
		 * Esc, which asks before dropping what was typed. */
		ui_key(ui, false, 27);
		return false;
	}
	return ui_quit_request(ui);
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

/* A terminal that cannot place the cursor (dumb, a printing one) is
 * told so as a pipe is, instead of getting a blank screen. */
static bool screen_can_draw(void)
{
	const char *term = getenv("TERM");
	struct strbuf safe;

	if (!term || !*term || terminfo_can_address(term))
		return true;
	strbuf_init(&safe);
	text_sanitize(&safe, term, strlen(term));
	fprintf(stderr, "kijun: ");
	fprintf(stderr, _("TERM=%s cannot move the cursor: kijun needs a terminal that can"),
		safe.data ? safe.data : "");
	fputc('\n', stderr);
	strbuf_free(&safe);
	return false;
}

static void screen_setup(void)
{
	struct termios t;

	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Let curses scroll with the terminal's own line insert/delete when
	 * the tree alone scrolls by a row: one new row crosses the link
	 * instead of the whole pane. */
	idlok(stdscr, TRUE);
	set_escdelay(25);
	/* PgDn, Home ... as vt100 and others send them, missing from
	 * their entries. */
	terminfo_add_keys();
	/* Ctrl-S saves in kijun's own editor: the terminal must not take
	 * it for XOFF (as nano does).  endwin() puts it back. */
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
			def_prog_mode();
	}
	curs_set(0);
	draw_init_roles();
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
	struct workspace *w = session_workspace(ui->s);
	const struct diag_list *warnings = session_warnings(ui->s);

	if (!w)
		return;
	if (ui->eval)
		eval_announce(ui);
	else if (session_conflict_count(ui->s))
		ui_message(ui, ROLE_ERROR,
			   _("%u changes do not apply to the base: ! lists them"),
			   session_conflict_count(ui->s));
	else if (warnings->count)
		ui_message(ui, ROLE_ERROR, "%s", warnings->items[0].message);
	else if (w->t.count == 0)
		ui_message(ui, ROLE_NORMAL, "%s", _("a new tailoring: x, r, a ... make changes, s saves, ? lists the keys"));
	/* Said last, so it is what the line shows: until it is fixed, no
	 * change can be recorded. */
	if (ui->identity != SESSION_OK)
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(ui->identity)));
}

static double now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads keys from the terminal until the user quits or kijun is killed. */
static void terminal_loop(struct ui *ui)
{
	bool changed = true;

	timeout(1000);
	for (unsigned errors = 0;;) {
		wint_t ch;
		int got = ERR;
		double asked;

		/* A second without a key changes nothing on the screen.  Keys
		 * already waiting (Down held on a slow link) are taken before
		 * drawing: only the screen they end on is drawn and sent. */
		if (changed) {
			timeout(0);
			got = get_wch(&ch);
			timeout(1000);
			if (got == ERR && !terminated && !interrupted)
				ui_render(ui);
		}
		changed = true;
		asked = now_seconds();
		if (got == ERR && !terminated && !interrupted)
			got = get_wch(&ch);
		if (terminated)
			break;
		if (interrupted) {
			/* Ctrl-C backs out of a question, else asks to quit. */
			interrupted = 0;
			if (ui_interrupt(ui))
				break;
			continue;
		}
		if (got == ERR) {
			/* The second passed with no key; an ERR at once is a
			 * signal or a terminal gone away: many in a row mean
			 * the latter. */
			if (now_seconds() - asked >= 0.5) {
				errors = 0;
				changed = false;
			} else if (++errors > 64) {
				break;
			}
			continue;
		}
		errors = 0;
		if (!ui_key(ui, got == KEY_CODE_YES, ch))
			break;
	}
}

/* The tables kijun --map gave, for the detail pane (tui_set_mappings). */
static const struct mapping *given_maps;
static size_t given_map_count;

void tui_set_mappings(const struct mapping *maps, size_t count)
{
	given_maps = maps;
	given_map_count = count;
}

static int run(struct session *s, const char *name, const char *script, struct eval_ui *eval)
{
	struct ui ui;
	struct script sc;
	SCREEN *scr = NULL;
	char err[512];
	int rc = 0;

	memset(&ui, 0, sizeof(ui));
	memset(&sc, 0, sizeof(sc));
	ui.s = s;
	ui.name = name;
	ui.view = eval ? &eval_view : &browse_view;
	ui.eval = eval;
	detail_init(&ui.detail);
	detail_set_mappings(&ui.detail, given_maps, given_map_count);
	if (eval)
		detail_set_mappings(&eval->page, given_maps, given_map_count);
	if (!outline_init(&ui.tree, session_shown(s))) {
		fprintf(stderr, "kijun: %s\n", _("out of memory"));
		rc = 2;
		goto out;
	}
	ui.tree.hidden = session_hidden(s);
	if (session_editing(s))
		ui.identity = session_load_identity(s);
	outline_expand_to(&ui.tree, 1);
	if (script) {
		if (!script_open(&sc, script, err, sizeof(err))) {
			fprintf(stderr, "kijun: %s\n", err);
			rc = 2;
			goto out;
		}
		scr = script_screen(&sc);
	} else if (opened) {
		scr = opened;
		opened = NULL;
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !screen_can_draw()) {
			fprintf(stderr, "kijun: %s\n",
				_("the browser needs a terminal; for scripts use 'kijun catalog list'"));
			rc = 1;
			goto out;
		}
		handle_signals();
		scr = screen_open(&ui);
	}
	if (!scr) {
		fprintf(stderr, "kijun: %s\n", _("cannot start the terminal (is TERM set?)"));
		rc = 2;
		goto out;
	}
	screen_setup();
	if (script)
		script_size(&sc);
	ui_layout(&ui);
	announce(&ui);
	guard_start(&ui);
	if (script)
		rc = script_play(&sc, &ui);
	else
		terminal_loop(&ui);
	endwin();
	delscreen(scr);
	/* Killed, or the terminal (the script) went away: the journal keeps
	 * the unsaved work for the next start. */
	guard_finish(&ui, ui.quitting);
	if (terminated)
		rc = 128 + (int)terminated;
out:
	script_close(&sc);
	if (ui.have_remembered)
		outline_state_free(&ui.remembered);
	if (ui.have_before_changes)
		outline_state_free(&ui.before_changes);
	if (ui.have_before_filter)
		outline_state_free(&ui.before_filter);
	ui_flow_cancel(&ui);
	/* A view still open lets go of what it holds (the cross-tab). */
	while (ui.view != &browse_view)
		view_close(&ui);
	free(ui.saved_expanded);
	detail_free(&ui.detail);
	outline_free(&ui.tree);
	return rc;
}

/* Catalogs smaller than this load in a few tens of milliseconds: their
 * first screen (and their tailorings') is the loaded one. */
enum { PREVIEW_MIN_BYTES = 4 * 1024 * 1024 };

void tui_preview(const char *path)
{
	const char *term = getenv("TERM");
	struct winsize ws;
	struct preview p;
	struct stat st;
	int rows = 24;

	if (opened || !path || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	/* Only where run() would open the same terminal without a word. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term || !*term ||
	    !terminfo_has(term) || !terminfo_can_address(term))
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		rows = ws.ws_row;
	/* The tree has the rows between the header and the two last. */
	if (!preview_load(&p, path, rows - 3, PREVIEW_MIN_BYTES))
		return;
	handle_signals();
	opened = newterm(term, stdout, stdin);
	if (opened) {
		screen_setup();
		preview_draw(&p, path);
	}
	preview_free(&p);
}

void tui_preview_end(void)
{
	if (!opened)
		return;
	endwin();
	delscreen(opened);
	opened = NULL;
}

int tui_run(struct session *s, const char *name, const char *script)
{
	return run(s, name, script, NULL);
}

int tui_run_evaluation(struct session *s, struct evaluation *e, const char *path,
		       const char *script)
{
	struct eval_ui x;
	int rc;

	eval_ui_init(&x, e, path);
	rc = run(s, path, script, &x);
	eval_ui_free(&x);
	return rc;
}
