/* Shared by the tailoring operations (edit_*.c). */
#ifndef KIJUN_EDIT_H
#define KIJUN_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/tailoring.h"
#include "ui.h"  /* flow_text_fn */

struct ui;

/* Copies an answer into the flow's scratch arena. */
const char *edit_keep(struct ui *ui, const char *s);
/* The catalog the tree shows, and the item the operation started on. */
const struct catalog *edit_shown(const struct ui *ui);
const struct item *edit_item(const struct ui *ui);
bool edit_id_taken(const struct ui *ui, const char *id);

/* Starts an operation on the item under the cursor. */
bool edit_begin(struct ui *ui, enum change_op op);
/* Records c through the session and rebuilds the tree; says what was
 * recorded, or why not.  True when recorded. */
bool edit_record(struct ui *ui, const struct change *c);
/* Asks the reason; then the change is recorded. */
void edit_ask_reason(struct ui *ui);
/* The same, starting at this guideline step (a withdraw starts at the
 * step of the change it takes back). */
void edit_ask_reason_at(struct ui *ui, unsigned step);

/* Words separated by spaces or commas (ASCII or ideographic). */
uint32_t edit_split_words(struct ui *ui, const char *s, const char ***out);
/* Opens an editor on initial (editor_command(), else kijun's own) and
 * hands what the user saved to done, now or when the built-in editor
 * closes: done is the rest of the operation.  Failing, cancelled or
 * unchanged, the flow is cancelled with a message instead.  When done
 * finds a problem, the editor opens again with the user's text under the
 * problem as "# " lines (taken off again when saved). */
void edit_in_editor(struct ui *ui, const char *initial, flow_text_fn done);
/* Removes the "#" instruction lines of an editor template. */
void edit_strip_comments(char *s);
char *edit_trim(char *s);

/* The operations that change the tree's shape (edit_structure.c). */
void edit_add(struct ui *ui);
void edit_split(struct ui *ui);
void edit_merge(struct ui *ui);
/* Y: a new attribute type of the organization's own (edit_types.c). */
void edit_type(struct ui *ui);

/* Conflict k of the `!` list (edit_conflict.c): withdraw or retarget the
 * change it is about, as a new change with its reason; a base
 * tailoring's change, or one that cannot be, is refused with a message. */
void edit_conflict_withdraw(struct ui *ui, uint32_t k);
void edit_conflict_retarget(struct ui *ui, uint32_t k);
/* The id conflict k's change is aimed at (a retarget: its new place;
 * `*moved`, when not NULL, gets the place of the change it moves), or
 * NULL. */
const char *edit_conflict_aim(const struct ui *ui, uint32_t k, const char **moved);

#endif
