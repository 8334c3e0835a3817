/* Cleaning and escaping text for the documents kijun writes. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/text.h"

void doc_text_clean(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, "\n");
		size_t keep = len;

		if (keep > 0 && p[keep - 1] == '\r')
			keep--;
		text_sanitize(out, p, keep);
		p += len;
		if (*p == '\n') {
			strbuf_addc(out, '\n');
			p++;
		}
	}
}

void csv_cell(struct strbuf *out, const char *s)
{
	struct strbuf clean;
	bool quote;

	strbuf_init(&clean);
	if (s && strchr("=+-@\t\r", s[0]) && s[0])
		strbuf_addc(&clean, '\'');
	doc_text_clean(&clean, s);
	if (!clean.data) {
		strbuf_free(&clean);
		return;
	}
	quote = strpbrk(clean.data, ",\"\n\r") != NULL;
	if (quote)
		strbuf_addc(out, '"');
	for (const char *p = clean.data; *p; p++) {
		if (*p == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, *p);
	}
	if (quote)
		strbuf_addc(out, '"');
	strbuf_free(&clean);
}

void html_escape(struct strbuf *out, const char *s)
{
	struct strbuf clean;

	strbuf_init(&clean);
	doc_text_clean(&clean, s);
	for (const char *p = clean.data; p && *p; p++) {
		switch (*p) {
		case '&': strbuf_adds(out, "&amp;"); break;
		case '<': strbuf_adds(out, "&lt;"); break;
		case '>': strbuf_adds(out, "&gt;"); break;
		case '"': strbuf_adds(out, "&quot;"); break;
		case '\'': strbuf_adds(out, "&#39;"); break;
		default: strbuf_addc(out, *p);
		}
	}
	strbuf_free(&clean);
}

void doc_text_md(struct strbuf *out, const char *s, enum doc_md mode)
{
	struct strbuf clean;

	strbuf_init(&clean);
	doc_text_clean(&clean, s);
	for (const char *p = clean.data; p && *p; p++) {
		if (*p == '\n') {
			strbuf_adds(out, mode == DOC_MD_PARA ? "  \n" : mode == DOC_MD_CELL ? "<br>" : " ");
			continue;
		}
		if (strchr("\\`*_[]<>#|~", *p))
			strbuf_addc(out, '\\');
		strbuf_addc(out, *p);
	}
	strbuf_free(&clean);
}
