/* Text from a file made fit for a document kijun writes (CSV, Markdown,
 * HTML, OSCAL): the same sanitizer as everywhere, line by line, so the
 * line breaks of a multi-line text stay breaks; and CSV cells as Excel
 * reads them. */
#ifndef KIJUN_DOC_TEXT_H
#define KIJUN_DOC_TEXT_H

#include <stdbool.h>

#include "kijun/strbuf.h"

/* Appends s through text_sanitize line by line: "\r\n" and "\n" become
 * "\n", every other control is shown, never obeyed.  NULL appends nothing. */
void doc_text_clean(struct strbuf *out, const char *s);

/* One CSV cell (RFC 4180): cleaned as above, quoted when it holds a comma,
 * a quote or a line break, quotes doubled.  A cell that starts with = + -
 * @ (or a tab or CR) gets a leading apostrophe, so a spreadsheet shows it
 * as text and never runs it as a formula. */
void csv_cell(struct strbuf *out, const char *s);

/* Appends s cleaned, with Markdown's markup characters escaped; a line
 * break becomes a hard break in a paragraph, <br> in a table cell, a
 * space on a line of its own (a heading, a list line). */
enum doc_md { DOC_MD_PARA, DOC_MD_CELL, DOC_MD_LINE };
void doc_text_md(struct strbuf *out, const char *s, enum doc_md mode);

/* Appends s with &, <, >, " and ' as HTML entities, after doc_text_clean. */
void html_escape(struct strbuf *out, const char *s);

#endif
