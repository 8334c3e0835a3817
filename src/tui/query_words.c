#include "query_words.h"

#include <stdio.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"

const char *query_describe(const struct query_error *e, char *buf, size_t size)
{
	char what[256];

	if (query_code_has_word(e->code)) {
		struct strbuf w;

		strbuf_init(&w);
		text_sanitize(&w, e->word, strlen(e->word));
		snprintf(what, sizeof(what), _(query_code_message(e->code)), w.data ? w.data : "");
		strbuf_free(&w);
	} else {
		snprintf(what, sizeof(what), "%s", _(query_code_message(e->code)));
	}
	snprintf(buf, size, _("column %u: %s"), e->column, what);
	return buf;
}

size_t query_column_offset(const char *text, unsigned column)
{
	size_t pos = 0, len = strlen(text);

	for (unsigned c = 1; c < column && pos < len; c++) {
		uint32_t cp;
		size_t n = utf8_decode(text + pos, len - pos, &cp);

		pos += n ? n : 1;
	}
	return pos;
}

int query_caret_cells(const char *text, unsigned column)
{
	return text_width_n(text, query_column_offset(text, column));
}
