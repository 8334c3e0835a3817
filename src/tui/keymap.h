/* Keys and what they do: one table serves both dispatch and the help
 * screen, so the help can never drift from the behaviour. */
#ifndef KIJUN_KEYMAP_H
#define KIJUN_KEYMAP_H

#include <stdbool.h>

#include "lineedit.h"

enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_FIRST,
	ACT_LAST,
	ACT_TOGGLE,
	ACT_EXPAND,
	ACT_COLLAPSE,
	ACT_EXPAND_ALL,
	ACT_COLLAPSE_ALL,
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_FILTER,
	ACT_CROSSTAB,
	ACT_BALANCE,
	ACT_SCOPE,
	ACT_FOCUS,
	ACT_PANES,
	ACT_LANGUAGE,
	ACT_HELP,
	ACT_MESSAGES,
	ACT_REDRAW,
	ACT_QUIT,
	/* Editing a tailoring. */
	ACT_EXCLUDE,
	ACT_REWORD,
	ACT_RETITLE,
	ACT_ADD,
	ACT_SPLIT,
	ACT_MERGE,
	ACT_LINK,
	ACT_LEVEL,
	ACT_TECHNICAL,
	ACT_ATTRIBUTES,
	ACT_MARKS,
	ACT_TYPE,
	ACT_UNDO,
	ACT_REDO,
	ACT_SAVE,
	ACT_VIEW,
	ACT_CONFLICTS,
	ACT_WIZARD,
	ACT_KEEP,
	ACT_TREATS,
	ACT_RISKS,
	/* In the `!` list (conflict_keymap). */
	ACT_JUMP,
	ACT_WITHDRAW,
	ACT_RETARGET,
	/* In the wizard (wizard_keymap). */
	ACT_NEXT_PAGE,
	ACT_PREV_PAGE,
	ACT_BASIS,
	ACT_PICK,
	ACT_BULK_LEVEL,
	ACT_RISK_FILTER,
	ACT_CLOSE,
};

struct binding {
	const char *keys;      /* as shown in help: "j, Down" */
	const char *what;      /* English; translated when shown */
	enum action action;
	int codes[4];          /* characters or KEY_* codes; 0 ends */
	bool editing;          /* only with a tailoring open */
};

/* The bindings in help order; ends with an entry whose keys is NULL. */
extern const struct binding keymap[];

/* The keys of the `!` list that the tree does not have, looked up there
 * before keymap; the same shape, listed in help after keymap. */
extern const struct binding conflict_keymap[];
/* The wizard's keys besides the tree's, the same way. */
extern const struct binding wizard_keymap[];

/* The action of a key (`is_key`: a KEY_* code rather than a character). */
enum action keymap_lookup(int code, bool is_key);
/* The same in another table, such as conflict_keymap. */
enum action keymap_lookup_in(const struct binding *map, int code, bool is_key);

/* The line-editing key of a key, in a prompt or the search: the one
 * place these keys are bound. */
enum lineedit_key keymap_line_key(int code, bool is_key);

#endif
