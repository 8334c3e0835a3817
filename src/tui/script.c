/* The script driver: one line at a time, so a script may come through a
 * pipe from a test that reads each dump before it sends the next keys. */
#include "script.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "editor.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"
#include "terminfo.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)
#define KEY_INTERRUPT (-1)  /* C-c: what the terminal's SIGINT does */

/* Names as tmux's send-keys has them, and the usual spellings. */
static const struct {
	const char *name;
	int code;
	bool is_key;
} key_names[] = {
	{ "Enter", '\r', false }, { "Escape", 27, false }, { "Esc", 27, false },
	{ "Tab", '\t', false }, { "BTab", KEY_BTAB, true }, { "S-Tab", KEY_BTAB, true },
	{ "Space", ' ', false }, { "BSpace", 127, false }, { "Backspace", 127, false },
	{ "DC", KEY_DC, true }, { "Delete", KEY_DC, true },
	{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true },
	{ "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true },
	{ "Home", KEY_HOME, true }, { "End", KEY_END, true },
	{ "PgUp", KEY_PPAGE, true }, { "PPage", KEY_PPAGE, true }, { "PageUp", KEY_PPAGE, true },
	{ "PgDn", KEY_NPAGE, true }, { "NPage", KEY_NPAGE, true }, { "PageDown", KEY_NPAGE, true },
};

bool script_open(struct script *s, const char *path, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->rows = 24;
	s->cols = 80;
	s->in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!s->in) {
		snprintf(err, errlen, _("%s: cannot read the script: %s"), path, strerror(errno));
		return false;
	}
	return true;
}

SCREEN *script_screen(struct script *s)
{
	/* A fixed type, so that a script draws the same everywhere. */
	static const char *const types[] = { "xterm-256color", "xterm", "vt100" };

	s->null_in = fopen("/dev/null", "r");
	s->null_out = fopen("/dev/null", "w");
	if (!s->null_in || !s->null_out)
		return NULL;
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
		if (terminfo_has(types[k])) {
			SCREEN *scr = newterm(types[k], s->null_out, s->null_in);

			if (scr) {
				/* $EDITOR runs without endwin around it. */
				editor_set_terminal(false);
				return scr;
			}
		}
	return NULL;
}

void script_size(struct script *s)
{
	resize_term(s->rows, s->cols);
}

static int bad(struct script *s, size_t column, const char *what, const char *word, size_t len)
{
	struct strbuf safe;

	/* The path and the offending word as given, but never obeyed by the
	 * terminal: the one sanitizer, as every message. */
	strbuf_init(&safe);
	text_sanitize(&safe, s->path, strlen(s->path));
	fprintf(stderr, "%s:%u:%zu: %s", safe.data ? safe.data : "", s->line, column + 1, what);
	if (word) {
		strbuf_reset(&safe);
		text_sanitize(&safe, word, len < 64 ? len : 64);
		fprintf(stderr, " \"%s\"", safe.data ? safe.data : "");
	}
	fputc('\n', stderr);
	strbuf_free(&safe);
	return 2;
}

/* A key word: a name, C-x, or one character. */
static bool parse_key(const char *w, size_t len, int *code, bool *is_key)
{
	uint32_t cp;

	for (size_t k = 0; k < sizeof(key_names) / sizeof(key_names[0]); k++)
		if (strlen(key_names[k].name) == len && memcmp(key_names[k].name, w, len) == 0) {
			*code = key_names[k].code;
			*is_key = key_names[k].is_key;
			return true;
		}
	*is_key = false;
	if (len == 3 && w[0] == 'C' && w[1] == '-' && (unsigned char)w[2] >= 0x40 &&
	    (unsigned char)w[2] < 0x7f) {
		*code = w[2] == 'c' || w[2] == 'C' ? KEY_INTERRUPT : CTRL(w[2]);
		return true;
	}
	if ((len == 2 || len == 3) && w[0] == 'F' && w[1] >= '1' && w[1] <= '9') {
		int n = len == 2 ? w[1] - '0' : (w[1] - '0') * 10 + (w[2] - '0');

		if (len == 3 && (w[2] < '0' || w[2] > '9'))
			return false;
		if (n < 1 || n > 12)
			return false;
		*code = KEY_F(n);
		*is_key = true;
		return true;
	}
	if (utf8_decode(w, len, &cp) == len && cp != 0xFFFD && cp >= 0x20) {
		*code = (int)cp;
		return true;
	}
	return false;
}

/* One key to kijun, then a frame; false when kijun quits. */
static bool press(struct ui *ui, int code, bool is_key)
{
	bool go_on = code == KEY_INTERRUPT ? !ui_interrupt(ui) : ui_key(ui, is_key, (wint_t)code);

	if (go_on)
		ui_render(ui);
	return go_on;
}

/* Prints the screen as it is: every row, each character once (a wide one
 * takes two cells), trailing blanks removed. */
static void dump(struct script *s)
{
	wchar_t cells[1024];
	int cy, cx;

	getyx(stdscr, cy, cx);  /* reading moves it; `cursor` wants it back */
	for (int y = 0; y < s->rows; y++) {
		char line[4096];
		size_t n = 0;
		int got = mvinnwstr(y, 0, cells, s->cols < 1023 ? s->cols : 1023);

		for (int k = 0; k < got && n + 4 < sizeof(line); k++) {
			uint32_t cp = (uint32_t)cells[k];

			if (cp < 0x20 || cp == 0x7f)
				cp = '?';
			n += utf8_encode(cp, line + n);
		}
		while (n > 0 && line[n - 1] == ' ')
			n--;
		fwrite(line, 1, n, stdout);
		fputc('\n', stdout);
	}
	move(cy, cx);
	fflush(stdout);
}

static int cursor(void)
{
	int y, x;

	getyx(stdscr, y, x);
	printf("cursor %d %d\n", y + 1, x + 1);
	fflush(stdout);
	return 0;
}

/* Returns -1 to go on, else the exit status. */
static int run_line(struct script *s, struct ui *ui, char *line)
{
	size_t at = strspn(line, " \t"), len;
	const char *cmd = line + at;

	len = strcspn(cmd, " \t");
	if (!*cmd || *cmd == '#')
		return -1;
	if (len == 4 && memcmp(cmd, "dump", 4) == 0 && !cmd[4 + strspn(cmd + 4, " \t")]) {
		dump(s);
		return -1;
	}
	if (len == 6 && memcmp(cmd, "cursor", 6) == 0 && !cmd[6 + strspn(cmd + 6, " \t")])
		return cursor(), -1;
	if (len == 4 && memcmp(cmd, "size", 4) == 0) {
		const char *arg = cmd + 4 + strspn(cmd + 4, " \t");
		int cols, rows, used = 0;

		if (sscanf(arg, "%dx%d%n", &cols, &rows, &used) != 2 || arg[used] ||
		    cols < 1 || rows < 1 || cols > 1000 || rows > 1000)
			return bad(s, (size_t)(arg - line), _("size wants COLSxROWS, such as 80x24"),
				   arg, strlen(arg));
		s->cols = cols;
		s->rows = rows;
		script_size(s);
		return press(ui, KEY_RESIZE, true) ? -1 : 0;
	}
	if (len == 4 && memcmp(cmd, "type", 4) == 0 && (cmd[4] == ' ' || !cmd[4])) {
		/* Everything after "type ", spaces included, as typed. */
		const char *text = cmd[4] ? cmd + 5 : cmd + 4;
		size_t tl = strlen(text), used;

		for (size_t k = 0; k < tl; k += used) {
			uint32_t cp;

			used = utf8_decode(text + k, tl - k, &cp);
			if (cp == 0xFFFD && used == 1)
				return bad(s, (size_t)(text + k - line), _("not UTF-8"), NULL, 0);
			if (!press(ui, (int)cp, false))
				return 0;
		}
		return -1;
	}
	if (len == 3 && memcmp(cmd, "key", 3) == 0) {
		const char *w = cmd + 3;
		int codes[256];
		bool keys[256];
		size_t n = 0;

		/* Every word is checked before any is pressed. */
		for (;;) {
			size_t wl;

			w += strspn(w, " \t");
			if (!*w)
				break;
			wl = strcspn(w, " \t");
			if (n == sizeof(codes) / sizeof(codes[0]))
				return bad(s, (size_t)(w - line), _("too many keys on one line"), NULL, 0);
			if (!parse_key(w, wl, &codes[n], &keys[n]))
				return bad(s, (size_t)(w - line), _("unknown key"), w, wl);
			n++;
			w += wl;
		}
		if (n == 0)
			return bad(s, (size_t)(w - line), _("key wants one or more key names"), NULL, 0);
		for (size_t k = 0; k < n; k++)
			if (!press(ui, codes[k], keys[k]))
				return 0;
		return -1;
	}
	return bad(s, at, _("unknown command (size, key, type, dump, cursor)"), cmd, len);
}

int script_play(struct script *s, struct ui *ui)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = -1;

	ui_render(ui);
	while (rc < 0 && (n = getline(&line, &cap, s->in)) >= 0) {
		s->line++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (strlen(line) != (size_t)n)
			rc = bad(s, strlen(line), _("a NUL byte"), NULL, 0);
		else
			rc = run_line(s, ui, line);
	}
	free(line);
	return rc < 0 ? 0 : rc;
}

void script_close(struct script *s)
{
	if (s->in && s->in != stdin)
		fclose(s->in);
	if (s->null_in)
		fclose(s->null_in);
	if (s->null_out)
		fclose(s->null_out);
	s->in = s->null_in = s->null_out = NULL;
}
