/* The JSON writer: commas, indentation and string escapes. */
#include <string.h>

#include "kijun/json_write.h"
#include "kijun/text.h"

void json_init(struct json *j, struct strbuf *out, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

static void newline(struct json *j)
{
	if (!j->pretty)
		return;
	strbuf_addc(j->out, '\n');
	for (int k = 0; k < j->depth; k++)
		strbuf_add(j->out, "  ", 2);
}

/* Before any value: the comma and line break an array item needs, or
 * nothing after a key. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (j->has_items[j->depth])
			strbuf_addc(j->out, ',');
		j->has_items[j->depth] = true;
		newline(j);
	}
}

static void container_open(struct json *j, char c)
{
	before_value(j);
	strbuf_addc(j->out, c);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->has_items[j->depth] = false;
}

static void container_close(struct json *j, char c)
{
	bool had = j->has_items[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (had)
		newline(j);
	strbuf_addc(j->out, c);
	if (j->depth == 0 && j->pretty)
		strbuf_addc(j->out, '\n');
}

void json_object_begin(struct json *j) { container_open(j, '{'); }
void json_object_end(struct json *j) { container_close(j, '}'); }
void json_array_begin(struct json *j) { container_open(j, '['); }
void json_array_end(struct json *j) { container_close(j, ']'); }

void json_key(struct json *j, const char *key)
{
	before_value(j);
	strbuf_addc(j->out, '"');
	json_escape(j->out, key, strlen(key));
	strbuf_add(j->out, j->pretty ? "\": " : "\":", j->pretty ? 3 : 2);
	j->after_key = true;
}

void json_escape(struct strbuf *out, const char *s, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		char enc[4];

		if (cp == '"' || cp == '\\') {
			strbuf_addc(out, '\\');
			strbuf_addc(out, (char)cp);
		} else if (cp == '\n') {
			strbuf_add(out, "\\n", 2);
		} else if (cp == '\t') {
			strbuf_add(out, "\\t", 2);
		} else if (cp == '\r') {
			strbuf_add(out, "\\r", 2);
		} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
			   text_is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029) {
			strbuf_addf(out, "\\u%04X", (unsigned)cp);
		} else {
			/* utf8_decode gives U+FFFD for a bad byte: write that, not the byte. */
			strbuf_add(out, enc, utf8_encode(cp, enc));
		}
		pos += n;
	}
}

void json_string_n(struct json *j, const char *s, size_t len)
{
	before_value(j);
	strbuf_addc(j->out, '"');
	json_escape(j->out, s, len);
	strbuf_addc(j->out, '"');
}

void json_string(struct json *j, const char *s)
{
	if (!s)
		json_null(j);
	else
		json_string_n(j, s, strlen(s));
}

void json_uint(struct json *j, uint64_t v)
{
	before_value(j);
	strbuf_addf(j->out, "%llu", (unsigned long long)v);
}

void json_bool(struct json *j, bool v)
{
	before_value(j);
	strbuf_adds(j->out, v ? "true" : "false");
}

void json_null(struct json *j)
{
	before_value(j);
	strbuf_adds(j->out, "null");
}

void json_member_string(struct json *j, const char *key, const char *s, bool skip_empty)
{
	if (skip_empty && (!s || !*s))
		return;
	json_key(j, key);
	json_string(j, s);
}

void json_member_uint(struct json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	json_uint(j, v);
}

void json_member_bool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}
