/* Shared by the wizard's files: wizard_view.c (the pages), wizard_basis.c
 * (page 0's prompts), wizard_steps.c (B and p). */
#ifndef KIJUN_TUI_WIZARD_H
#define KIJUN_TUI_WIZARD_H

#include <stdbool.h>
#include <wchar.h>

#include "kijun/risk.h"
#include "kijun/tailoring.h"

struct ui;

/* Starts a change without an item under the cursor (the basis, an
 * acknowledge, a pick). */
void wizard_flow_begin(struct ui *ui, enum change_op op);
/* The reason prompt's end for those: a basis change at step 0, an
 * addition at the prompt's step, anything else at the step it has. */
void wizard_reason_done(struct ui *ui, const char *answer, int key);
/* The risk basis as the changes have made it (free it), or NULL. */
struct risk_basis *wizard_basis_now(struct ui *ui, struct risk_basis *b);
/* Page 0's menu keys, 1 to 6; false for any other key. */
bool wizard_basis_key(struct ui *ui, wint_t ch);

void wizard_bulk_level(struct ui *ui);
void wizard_pick_control(struct ui *ui);

#endif
