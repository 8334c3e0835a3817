#include "keymap.h"

#include <curses.h>

#include "kijun/i18n.h"

#define CTRL(c) ((c) & 0x1f)

/* Characters here are ASCII and KEY_* codes start at KEY_MIN (257), so one
 * list holds both; keymap_lookup keeps a typed U+0102 from passing for
 * KEY_DOWN. */
const struct binding keymap[] = {
	{ "j, Down", N_("next row"), ACT_DOWN, { 'j', KEY_DOWN }, false },
	{ "k, Up", N_("previous row"), ACT_UP, { 'k', KEY_UP }, false },
	{ "PgDn, Ctrl-F", N_("next page"), ACT_PAGE_DOWN, { KEY_NPAGE, CTRL('f') }, false },
	{ "PgUp, Ctrl-B", N_("previous page"), ACT_PAGE_UP, { KEY_PPAGE, CTRL('b') }, false },
	{ "Ctrl-D", N_("half a page down"), ACT_HALF_DOWN, { CTRL('d') }, false },
	{ "Ctrl-U", N_("half a page up"), ACT_HALF_UP, { CTRL('u') }, false },
	{ "g, Home", N_("first row"), ACT_FIRST, { 'g', KEY_HOME }, false },
	{ "G, End", N_("last row"), ACT_LAST, { 'G', KEY_END }, false },
	{ "Enter, Space", N_("open or close the item"), ACT_TOGGLE,
	  { '\n', '\r', KEY_ENTER, ' ' }, false },
	{ "l, Right", N_("open the item, or go into it"), ACT_EXPAND, { 'l', KEY_RIGHT }, false },
	{ "h, Left", N_("close the item, or go to its parent"), ACT_COLLAPSE, { 'h', KEY_LEFT }, false },
	{ "E", N_("open every item"), ACT_EXPAND_ALL, { 'E' }, false },
	{ "C", N_("close every item"), ACT_COLLAPSE_ALL, { 'C' }, false },
	{ "/", N_("search ids and texts (as you type)"), ACT_SEARCH, { '/' }, false },
	{ "n", N_("next match"), ACT_SEARCH_NEXT, { 'n' }, false },
	{ "N", N_("previous match"), ACT_SEARCH_PREV, { 'N' }, false },
	{ "f", N_("filter the tree by a query (docs/query.md); Esc clears it"), ACT_FILTER,
	  { 'f' }, false },
	{ "X", N_("cross-tab two attribute types, as the guideline's table 2"), ACT_CROSSTAB,
	  { 'X' }, false },
	{ "B", N_("the balance: kept controls by type, C/I/A, concept, domain"),
	  ACT_BALANCE, { 'B' }, false },
	{ "@", N_("filter by the tailoring's audit scope; Esc clears it"), ACT_SCOPE,
	  { '@' }, false },
	{ "Tab", N_("switch between tree and detail pane"), ACT_FOCUS, { '\t' }, false },
	{ "z", N_("show the tree alone, or both panes"), ACT_PANES, { 'z' }, false },
	{ "L", N_("switch language (日本語 / English)"), ACT_LANGUAGE, { 'L' }, false },
	{ "?, F1", N_("this help"), ACT_HELP, { '?', KEY_F(1) }, false },
	{ "M", N_("the messages so far, whole, newest first"), ACT_MESSAGES, { 'M' }, false },
	{ "Ctrl-L", N_("redraw the screen"), ACT_REDRAW, { CTRL('l') }, false },
	{ "q", N_("quit (asks first when there are unsaved changes)"), ACT_QUIT, { 'q' }, false },
	{ "v", N_("view: tailored, base, changes only"), ACT_VIEW, { 'v' }, true },
	{ "!", N_("list the changes that do not apply to the base"), ACT_CONFLICTS, { '!' }, true },
	{ "x", N_("exclude the item, or include it again"), ACT_EXCLUDE, { 'x' }, true },
	{ "r", N_("reword the text (in $EDITOR)"), ACT_REWORD, { 'r' }, true },
	{ "R", N_("reword the title"), ACT_RETITLE, { 'R' }, true },
	{ "a", N_("add an item or a list entry"), ACT_ADD, { 'a' }, true },
	{ "S", N_("split the item into several"), ACT_SPLIT, { 'S' }, true },
	{ "J", N_("merge items into one"), ACT_MERGE, { 'J' }, true },
	{ "i", N_("link to an internal rule"), ACT_LINK, { 'i' }, true },
	{ "m", N_("set mandatory or recommended"), ACT_LEVEL, { 'm' }, true },
	{ "t", N_("mark or unmark a technical verification item"), ACT_TECHNICAL, { 't' }, true },
	{ "A", N_("set attribute values (in $EDITOR)"), ACT_ATTRIBUTES, { 'A' }, true },
	{ "#", N_("set marks such as .P .B .PB"), ACT_MARKS, { '#' }, true },
	{ "K", N_("keep the item as it is (a decision, with its reason)"), ACT_KEEP, { 'K' }, true },
	{ "T", N_("link the item to the risks it treats"), ACT_TREATS, { 'T' }, true },
	{ "O", N_("the items treating risks, highest level first"),
	  ACT_RISKS, { 'O' }, true },
	{ "w", N_("the wizard: the risk basis, steps 1 to 7, summary"), ACT_WIZARD, { 'w' }, true },
	{ "Y", N_("create the organization's own attribute type (in $EDITOR)"),
	  ACT_TYPE, { 'Y' }, true },
	{ "u", N_("undo"), ACT_UNDO, { 'u' }, true },
	{ "Ctrl-R", N_("redo"), ACT_REDO, { 0x12 }, true },
	{ "s", N_("save"), ACT_SAVE, { 's' }, true },
	{ NULL, NULL, ACT_NONE, { 0 }, false },
};

/* d as in mutt and vifm: x in the tree excludes an item, which is not
 * what taking a change back is. */
const struct binding conflict_keymap[] = {
	{ "j, k", N_("the next or previous change"), ACT_DOWN, { 0 }, true },
	{ "Enter", N_("go to the item the change is aimed at"), ACT_JUMP,
	  { '\n', '\r', KEY_ENTER }, true },
	{ "d", N_("withdraw the change (a new change, with its reason)"), ACT_WITHDRAW, { 'd' }, true },
	{ "t", N_("retarget the change to another item (with its reason)"), ACT_RETARGET,
	  { 't' }, true },
	{ NULL, NULL, ACT_NONE, { 0 }, false },
};

/* ] and [ as vim's section motions; page 0's keys are a menu of digits. */
const struct binding wizard_keymap[] = {
	{ "]", N_("the next page (first asks about open warnings)"), ACT_NEXT_PAGE, { ']' }, true },
	{ "[", N_("the previous page"), ACT_PREV_PAGE, { '[' }, true },
	{ "0 to 6", N_("risk basis: title, organization, scope, policy, scale, risks"),
	  ACT_BASIS, { 0 }, true },
	{ "p", N_("step 3: a NIST CSF 2.0 subcategory as a detailed control"), ACT_PICK,
	  { 'p' }, true },
	{ "B", N_("step 6: a level for every item of the branch without one"), ACT_BULK_LEVEL,
	  { 'B' }, true },
	{ "f", N_("a step: only items treating risks of the higher levels"), ACT_RISK_FILTER,
	  { 'f' }, true },
	{ "q, Esc, w", N_("close the wizard"), ACT_CLOSE, { 'q', 27, 'w' }, true },
	{ NULL, NULL, ACT_NONE, { 0 }, false },
};

enum action keymap_lookup(int code, bool is_key)
{
	return keymap_lookup_in(keymap, code, is_key);
}

enum action keymap_lookup_in(const struct binding *map, int code, bool is_key)
{
	if (is_key ? code < KEY_MIN : code >= 0x80)
		return ACT_NONE;
	for (const struct binding *b = map; b->keys; b++)
		for (int k = 0; k < 4 && b->codes[k]; k++)
			if (b->codes[k] == code)
				return b->action;
	return ACT_NONE;
}


/* Emacs keys, as readline and most prompts have them. */
static const struct {
	int code;
	bool is_key;
	enum lineedit_key key;
} line_keys[] = {
	{ '\n', false, LINEKEY_SUBMIT }, { '\r', false, LINEKEY_SUBMIT },
	{ KEY_ENTER, true, LINEKEY_SUBMIT },
	{ 27, false, LINEKEY_CANCEL }, { CTRL('g'), false, LINEKEY_CANCEL },
	{ KEY_BACKSPACE, true, LINEKEY_BACKSPACE }, { CTRL('h'), false, LINEKEY_BACKSPACE },
	{ 127, false, LINEKEY_BACKSPACE },
	{ KEY_DC, true, LINEKEY_DELETE }, { CTRL('d'), false, LINEKEY_DELETE },
	{ KEY_LEFT, true, LINEKEY_LEFT }, { CTRL('b'), false, LINEKEY_LEFT },
	{ KEY_RIGHT, true, LINEKEY_RIGHT }, { CTRL('f'), false, LINEKEY_RIGHT },
	{ KEY_HOME, true, LINEKEY_HOME }, { CTRL('a'), false, LINEKEY_HOME },
	{ KEY_END, true, LINEKEY_END }, { CTRL('e'), false, LINEKEY_END },
	{ CTRL('u'), false, LINEKEY_KILL_START },
	{ CTRL('k'), false, LINEKEY_KILL_END },
	{ CTRL('w'), false, LINEKEY_DELETE_WORD },
};

enum lineedit_key keymap_line_key(int code, bool is_key)
{
	for (size_t k = 0; k < sizeof(line_keys) / sizeof(line_keys[0]); k++)
		if (line_keys[k].code == code && line_keys[k].is_key == is_key)
			return line_keys[k].key;
	/* Other characters are typed; other terminal keys do nothing. */
	return is_key ? LINEKEY_NONE : LINEKEY_CHAR;
}
