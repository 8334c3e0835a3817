/* Keeping a tailoring's work safe while the screen has it open: the lock
 * (FILE.kijun-lock) and the edit journal (FILE.kijun-journal), the
 * questions at start (held, stale, a journal left behind), and what
 * happens at a save, a reload and the end.  docs/journal.md. */
#ifndef KIJUN_GUARD_H
#define KIJUN_GUARD_H

#include <stdbool.h>

#include "kijun/journal.h"
#include "kijun/lock.h"

struct ui;

enum guard_ask { GUARD_ASK_NONE, GUARD_ASK_HELD, GUARD_ASK_STALE, GUARD_ASK_JOURNAL };

struct guard {
	struct lock lock;
	struct journal journal;
	bool journaling;          /* journal_open done, the session observed */
	bool read_only;           /* a held lock, or the user chose it */
	char why[256];            /* what the editing keys say when read_only */
	int reported;             /* the journal_error already said */
	enum guard_ask asking;    /* the start question open, if any */
	struct lock_info holder;  /* GUARD_ASK_HELD, GUARD_ASK_STALE */
	struct journal_info info; /* GUARD_ASK_JOURNAL */
	char problem[512];        /* why the last answer could not be done */
};

/* At start on a tailoring: takes the lock and looks for a journal; when
 * there is something to ask, opens the start question (guard_view) over
 * the tree; otherwise starts journaling at once. */
void guard_start(struct ui *ui);
/* The journal could not be written since the last look: says so once. */
void guard_check(struct ui *ui);
/* After a save (the journal starts again) or a reload. */
void guard_saved(struct ui *ui);
/* At the end: clean (the user quit, nothing unsaved left to keep) removes
 * the journal; otherwise it stays for the next start.  The lock goes
 * either way.  Returns true when unsaved work was left in the journal. */
bool guard_finish(struct ui *ui, bool clean);

/* An answer to the start question: q, o, t (stale lock), r, d (journal). */
void guard_answer(struct ui *ui, int key);

extern const struct view_ops guard_view;  /* guard_view.c */

#endif
