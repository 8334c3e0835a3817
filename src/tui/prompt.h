/* Questions on the message line: a line of text (with the line editor), a
 * single key from a short menu, or a change's reason with its guideline
 * step.  An answer is handed to a continuation, so a multi-step operation
 * is a chain of prompts. */
#ifndef KIJUN_PROMPT_H
#define KIJUN_PROMPT_H

#include <stdbool.h>
#include <wchar.h>

#include "lineedit.h"

struct ui;

enum prompt_type { PROMPT_LINE, PROMPT_KEY, PROMPT_REASON };

/* Called with the answer (PROMPT_LINE, PROMPT_REASON) or the key pressed
 * (PROMPT_KEY).  It may open the next prompt. */
typedef void (*prompt_done_fn)(struct ui *ui, const char *answer, int key);

struct prompt {
	bool active;
	enum prompt_type type;
	char label[256];
	struct lineedit edit;
	char keys[16];           /* PROMPT_KEY: the keys accepted */
	bool allow_empty;        /* PROMPT_LINE */
	unsigned step;           /* PROMPT_REASON: 1–7, Tab and Shift-Tab change it */
	prompt_done_fn done;
};

void prompt_line(struct ui *ui, const char *label, const char *initial,
		 bool allow_empty, prompt_done_fn done);
void prompt_key(struct ui *ui, const char *label, const char *keys, prompt_done_fn done);
/* Asks for the reason of a change; an empty reason cannot be confirmed. */
void prompt_reason(struct ui *ui, unsigned step, prompt_done_fn done);

/* Handles a key while a prompt is open.  Esc cancels the whole chain. */
void prompt_input(struct ui *ui, bool is_key, wint_t ch);

/* Draws the prompt on the message line and places the cursor. */
void prompt_draw(struct ui *ui, int y);

#endif
