/* The edit journal, as vim's swap file: beside a tailoring FILE,
 * FILE.kijun-journal (0600) holds every change the session recorded,
 * undid or redid since the file was last saved, each record fsynced
 * before the screen shows it, so kill -9, a dropped SSH link or a power
 * cut lose nothing that was shown.  docs/journal.md is the format.
 *
 * What the screen calls (see also lock.h):
 *   at start, for a tailoring FILE:  journal_inspect; when info.exists,
 *     offer recover (journal_recover), discard (journal_discard) or
 *     read-only (no journal_open then);
 *   then journal_open and session_set_observer(s, journal_observe, &j):
 *     every apply, undo and redo is journaled before it returns;
 *     journal_error after each says whether that worked (warn if not);
 *   after a save, or after session_reload_file: journal_restart;
 *   on quit: journal_close(&j, true) when nothing unsaved is left (saved,
 *     or the user chose to throw the changes away), journal_close(&j,
 *     false) when leaving on a signal. */
#ifndef KIJUN_JOURNAL_H
#define KIJUN_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/diag.h"
#include "kijun/session.h"

#define JOURNAL_FORMAT "kijun-journal/1"
#define JOURNAL_SUFFIX ".kijun-journal"

struct journal {
	char *path;          /* FILE.kijun-journal */
	int fd;              /* -1 until the first record creates the file */
	uint32_t depth;      /* changes it recorded that are not undone */
	uint32_t undone;     /* undone ones that a redo may put back */
	int error;           /* errno of the write that failed, else 0 */
	bool stopped;        /* a record was lost: nothing more until a restart */
};

/* What a journal would bring back, for the offer at start. */
struct journal_info {
	bool exists;
	bool torn;           /* a last record cut short (kill -9) was left out */
	bool damaged;        /* broken before its end: it cannot be replayed */
	bool file_changed;   /* FILE is not the file the journal started from */
	uint32_t records;    /* whole records */
	uint32_t changes;    /* of them, changes recorded */
	uint32_t undos;      /* undo marks */
	uint32_t redos;      /* redo marks */
	char author[128];    /* who made them (the session's author) */
	char user[64];       /* login, host and pid of the kijun that wrote it */
	char host[128];
	long pid;
	char started[32];    /* UTC, 2026-11-29T07:58:00Z */
	char last[32];       /* the time of the last whole record */
};

/* FILE.kijun-journal, malloc'd (NULL when out of memory). */
char *journal_path(const char *file);

/* Readies journaling for the tailoring FILE.  Nothing is written until
 * the first record.  When FILE.kijun-journal exists (the screen just
 * recovered from it) records are appended after its last whole one, a
 * torn tail cut off; call it only after journal_inspect found none,
 * journal_recover used it, or journal_discard removed it. */
bool journal_open(struct journal *j, const char *file, struct diag_list *diags);

/* Appends what s just did (c: the change applied, undone or redone) and
 * fsyncs it; the first record creates the file (O_EXCL, 0600) with a
 * header holding FILE's hash as s loaded it.  False (errno in j->error)
 * when it could not be written: the journal then stops, keeping what it
 * had, so it never holds a history with a hole; saving and
 * journal_restart start it again. */
bool journal_record(struct journal *j, const struct session *s, enum session_event ev,
		    const struct change *c);
/* journal_record as a session_observer; ctx is the struct journal. */
void journal_observe(void *ctx, const struct session *s, enum session_event ev,
		     const struct change *c);
/* errno of the last record that could not be written, 0 when all were. */
int journal_error(const struct journal *j);

/* The file was saved or reloaded: the journal starts again from it,
 * holding s's unsaved changes (none right after a save: the journal is
 * then removed).  s's changes must be the file's plus appended ones. */
bool journal_restart(struct journal *j, const struct session *s);

/* Stops journaling; remove it when nothing unsaved is left to keep. */
void journal_close(struct journal *j, bool remove);

/* Says what FILE.kijun-journal holds.  False with info->exists false
 * when there is none; false with a diag when it cannot be read. */
bool journal_inspect(const char *file, struct journal_info *info, struct diag_list *diags);

/* Replays FILE.kijun-journal into s (a session on FILE as loaded now)
 * through session_replay and session_undo/redo, so every change is
 * checked again.  All or nothing: when FILE is not the file the journal
 * started from, or a record does not apply, s is left as it was, the
 * journal is kept whole, and diags say why.  The journal stays on disk:
 * journal_open then appends to it. */
bool journal_recover(struct session *s, const char *file, struct diag_list *diags);

/* Removes FILE.kijun-journal (true when there was none). */
bool journal_discard(const char *file, struct diag_list *diags);

#endif
