#include "msglog.h"

#include <string.h>

void msglog_add(struct msglog *l, const char *text, int role)
{
	const struct msglog_entry *newest = msglog_get(l, 0);
	struct msglog_entry *e;
	size_t len = strlen(text);

	if (!len)
		return;
	/* n pressed ten times at "not found" is one message, not ten. */
	if (newest && newest->role == role && strcmp(newest->text, text) == 0)
		return;
	if (len >= MSGLOG_TEXT) {
		len = MSGLOG_TEXT - 1;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	e = &l->entries[l->next];
	memcpy(e->text, text, len);
	e->text[len] = '\0';
	e->role = role;
	l->next = (l->next + 1) % MSGLOG_SIZE;
	if (l->count < MSGLOG_SIZE)
		l->count++;
}

const struct msglog_entry *msglog_get(const struct msglog *l, size_t k)
{
	if (k >= l->count)
		return NULL;
	return &l->entries[(l->next + MSGLOG_SIZE - 1 - k) % MSGLOG_SIZE];
}
