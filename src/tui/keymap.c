#include "keymap.h"

#include <curses.h>

#include "kijun/i18n.h"

#define CTRL(c) ((c) & 0x1f)

/* Characters here are ASCII and KEY_* codes start at KEY_MIN (257), so one
 * list holds both; keymap_lookup keeps a typed U+0102 from passing for
 * KEY_DOWN. */
const struct binding keymap[] = {
	{ "j, Down", N_("next row"), ACT_DOWN, { 'j', KEY_DOWN } },
	{ "k, Up", N_("previous row"), ACT_UP, { 'k', KEY_UP } },
	{ "PgDn, Ctrl-F", N_("next page"), ACT_PAGE_DOWN, { KEY_NPAGE, CTRL('f') } },
	{ "PgUp, Ctrl-B", N_("previous page"), ACT_PAGE_UP, { KEY_PPAGE, CTRL('b') } },
	{ "Ctrl-D", N_("half a page down"), ACT_HALF_DOWN, { CTRL('d') } },
	{ "Ctrl-U", N_("half a page up"), ACT_HALF_UP, { CTRL('u') } },
	{ "g, Home", N_("first row"), ACT_FIRST, { 'g', KEY_HOME } },
	{ "G, End", N_("last row"), ACT_LAST, { 'G', KEY_END } },
	{ "Enter, Space", N_("open or close the item"), ACT_TOGGLE,
	  { '\n', '\r', KEY_ENTER, ' ' } },
	{ "l, Right", N_("open the item, or go into it"), ACT_EXPAND, { 'l', KEY_RIGHT } },
	{ "h, Left", N_("close the item, or go to its parent"), ACT_COLLAPSE, { 'h', KEY_LEFT } },
	{ "E", N_("open every item"), ACT_EXPAND_ALL, { 'E' } },
	{ "C", N_("close every item"), ACT_COLLAPSE_ALL, { 'C' } },
	{ "/", N_("search ids and texts (as you type)"), ACT_SEARCH, { '/' } },
	{ "n", N_("next match"), ACT_SEARCH_NEXT, { 'n' } },
	{ "N", N_("previous match"), ACT_SEARCH_PREV, { 'N' } },
	{ "Tab", N_("switch between tree and detail pane"), ACT_FOCUS, { '\t' } },
	{ "z", N_("show the tree alone, or both panes"), ACT_PANES, { 'z' } },
	{ "L", N_("switch language (日本語 / English)"), ACT_LANGUAGE, { 'L' } },
	{ "?, F1", N_("this help"), ACT_HELP, { '?', KEY_F(1) } },
	{ "Ctrl-L", N_("redraw the screen"), ACT_REDRAW, { CTRL('l') } },
	{ "q", N_("quit"), ACT_QUIT, { 'q' } },
	{ NULL, NULL, ACT_NONE, { 0 } },
};

enum action keymap_lookup(int code, bool is_key)
{
	if (is_key ? code < KEY_MIN : code >= 0x80)
		return ACT_NONE;
	for (const struct binding *b = keymap; b->keys; b++)
		for (int k = 0; k < 4 && b->codes[k]; k++)
			if (b->codes[k] == code)
				return b->action;
	return ACT_NONE;
}

