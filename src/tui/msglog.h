/* The messages the screen has shown, newest kept, so one cut off at the
 * edge of the message line can still be read whole (M).  No curses here. */
#ifndef KIJUN_MSGLOG_H
#define KIJUN_MSGLOG_H

#include <stddef.h>

enum { MSGLOG_SIZE = 50, MSGLOG_TEXT = 1024 };

struct msglog_entry {
	char text[MSGLOG_TEXT];
	int role;                  /* the message line's role (draw.h) */
};

struct msglog {
	struct msglog_entry entries[MSGLOG_SIZE];
	size_t count;              /* at most MSGLOG_SIZE */
	size_t next;               /* where the next one goes */
};

/* Keeps text (cut at MSGLOG_TEXT bytes on a UTF-8 boundary); the oldest
 * goes when the log is full.  The same text as the newest is not kept
 * twice.  Empty text is not a message. */
void msglog_add(struct msglog *l, const char *text, int role);
/* Entry k, 0 the newest; NULL past the oldest. */
const struct msglog_entry *msglog_get(const struct msglog *l, size_t k);

#endif
