/* The records of FILE.kijun-journal (docs/journal.md), read back: shared
 * by the journal that appends to them and the recovery that replays
 * them.  Internal to src/io. */
#ifndef KIJUN_JRECORD_H
#define KIJUN_JRECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/diag.h"
#include "kijun/journal.h"

/* Record kinds.  "drop" is an undo of a change the journal did not
 * record (made before the last save): it carries the change, and
 * replaying it lets undo reach into the file's changes. */
enum jkind { J_APPLY, J_UNDO, J_REDO, J_DROP, J_KIND_COUNT };

struct jrec {
	enum jkind kind;
	char when[32];
	const char *body;    /* a one-change tailoring document, or empty */
	size_t len;
};

/* A journal read whole. */
struct jread {
	char *buf;
	size_t size;
	struct journal_info info;
	char hash[72];       /* the header's: FILE when the journal started */
	struct jrec *recs;   /* whole records, in order */
	uint32_t count;
	size_t good_end;     /* just past the last whole record (0: no header) */
};

const char *jrecord_kind_name(enum jkind kind);

/* The hex SHA-256 a record line carries: of "KIND TIME LENGTH", a
 * newline and the body. */
void jrecord_digest(const char *head, size_t head_len, const char *body, size_t len,
		    char hex[65]);

/* Reads the journal at path.  False with info.exists false when there is
 * none; false with a diag when it cannot be read.  A torn tail sets
 * info.torn, a broken record with more after it info.damaged. */
bool jrecord_load(struct jread *jr, const char *path, struct diag_list *diags);
void jrecord_free(struct jread *jr);

#endif
