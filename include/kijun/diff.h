/* A character-level diff of two UTF-8 texts, to show how a reworded item
 * differs from its base text.  Japanese has no spaces between words, so the
 * unit is the character (code point), never the word or the byte. */
#ifndef KIJUN_DIFF_H
#define KIJUN_DIFF_H

#include <stdbool.h>
#include <stddef.h>

enum diff_kind { DIFF_SAME, DIFF_DELETED, DIFF_INSERTED };

/* Bytes [start, end) of the old text for DIFF_SAME and DIFF_DELETED, of the
 * new text for DIFF_INSERTED.  Never empty; always on character boundaries. */
struct diff_span {
	enum diff_kind kind;
	size_t start;
	size_t end;
};

struct diff {
	struct diff_span *spans;
	size_t count;
	size_t capacity;
};

/* Computes a shortest edit script (longest common subsequence) between old
 * and new; NULL reads as "".  out must be zeroed or hold an earlier result,
 * whose memory is reused.  Spans come in reading order: for each change, the
 * deleted span of the old text before the inserted span of the new.  When
 * the texts differ too much for a character diff to help, the differing
 * middle comes back as one deletion and one insertion.  Returns false only
 * when out of memory, leaving out empty. */
bool diff_compute(const char *old_text, const char *new_text, struct diff *out);
void diff_free(struct diff *d);

/* Marks per byte: for the old text, 1 where a byte was deleted; for the new
 * text, 1 where one was inserted; 0 elsewhere.  marks holds len bytes, which
 * should be strlen + 1 of that text (the last byte stays 0). */
void diff_mark_old(const struct diff *d, unsigned char *marks, size_t len);
void diff_mark_new(const struct diff *d, unsigned char *marks, size_t len);

#endif
