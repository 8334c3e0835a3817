/* A growable byte buffer.  Running out of memory sets `failed` instead of
 * aborting, so writers can finish and report once. */
#ifndef KIJUN_STRBUF_H
#define KIJUN_STRBUF_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *data;  /* NUL-terminated when not NULL */
	size_t len;
	size_t cap;
	bool failed;
};

void strbuf_init(struct strbuf *b);
void strbuf_free(struct strbuf *b);
void strbuf_reset(struct strbuf *b);
void strbuf_add(struct strbuf *b, const char *s, size_t len);
void strbuf_adds(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_addf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Hands the buffer over to the caller (to free()), leaving b empty. */
char *strbuf_detach(struct strbuf *b, size_t *len);

#endif
