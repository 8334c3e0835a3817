/* A small JSON writer for scripts and OSCAL: values go into a strbuf,
 * commas and indentation are the writer's business, and every string is
 * escaped so that what comes out is valid JSON and never drives a
 * terminal, whatever the file held. */
#ifndef KIJUN_JSON_WRITE_H
#define KIJUN_JSON_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/strbuf.h"

#define JSON_MAX_DEPTH 64

struct json {
	struct strbuf *out;
	int depth;
	bool pretty;        /* two-space indentation, one member a line */
	bool after_key;     /* the next value follows "key": */
	bool has_items[JSON_MAX_DEPTH];
};

void json_init(struct json *j, struct strbuf *out, bool pretty);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* The key of the next member of the open object. */
void json_key(struct json *j, const char *key);

/* A string: invalid UTF-8 becomes U+FFFD; controls, DEL, C1, the
 * bidirectional controls and U+2028/9 are written as \uXXXX.  NULL is
 * written as null. */
void json_string(struct json *j, const char *s);
void json_string_n(struct json *j, const char *s, size_t len);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* key and value in one: the common case.  json_member_string skips NULL
 * and "" when `skip_empty` is set. */
void json_member_string(struct json *j, const char *key, const char *s, bool skip_empty);
void json_member_uint(struct json *j, const char *key, uint64_t v);
void json_member_bool(struct json *j, const char *key, bool v);

/* Appends s[0..len) to out escaped for a JSON string, without quotes. */
void json_escape(struct strbuf *out, const char *s, size_t len);

#endif
