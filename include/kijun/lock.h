/* FILE.kijun-lock: who has a tailoring open for changes, so a second
 * kijun on the same file is told instead of silently saving over the
 * first one's work.  docs/journal.md is the format.
 *
 * What the screen calls: lock_acquire before it allows changes.
 * LOCK_HELD: say who holds it (user, host, pid, since) and offer to open
 * read-only.  LOCK_STALE: the holder is gone (a dead pid on this host):
 * offer lock_take_over, and a recovery if a journal is there.  On quit:
 * lock_release. */
#ifndef KIJUN_LOCK_H
#define KIJUN_LOCK_H

#include <stdbool.h>

#include "kijun/diag.h"

#define LOCK_FORMAT "kijun-lock/1"
#define LOCK_SUFFIX ".kijun-lock"

struct lock_info {
	char user[64];
	char host[256];
	long pid;            /* 0 when not known (a lock still being written) */
	char since[32];      /* UTC, 2026-11-29T07:58:00Z */
};

enum lock_result {
	LOCK_TAKEN,          /* this process holds it now */
	LOCK_HELD,           /* another kijun holds it: *info says who */
	LOCK_STALE,          /* held by a process of this host that is gone */
	LOCK_FAILED,         /* could not be made or read: see diags */
};

struct lock {
	char *path;          /* FILE.kijun-lock */
	bool held;
};

/* Takes the lock of FILE (O_EXCL, 0600), or says who holds it. */
enum lock_result lock_acquire(struct lock *l, const char *file, struct lock_info *info,
			      struct diag_list *diags);

/* Removes a lock that lock_acquire called stale (only while it still
 * names the same holder) and takes it.  LOCK_TAKEN, or what
 * lock_acquire says now. */
enum lock_result lock_take_over(struct lock *l, const char *file, const struct lock_info *stale,
				struct lock_info *info, struct diag_list *diags);

/* Removes the lock if this process still holds it; frees l. */
void lock_release(struct lock *l);

#endif
