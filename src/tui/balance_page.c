/* The balance view's lines; see balance_page.h. */
#include "balance_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/attr_value.h"
#include "kijun/i18n.h"
#include "kijun/text.h"

/* The label column: wide enough for 「ガバナンス及びエコシステム」. */
#define LABEL_CELLS 28
#define BAR_MAX 20

static struct balance_line *add(struct balance_page *p, size_t *cap, enum balance_line_kind kind,
				const char *text)
{
	struct balance_line *l;

	if (p->count == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		struct balance_line *v = realloc(p->lines, n * sizeof(*v));

		if (!v)
			return NULL;
		p->lines = v;
		*cap = n;
	}
	l = &p->lines[p->count++];
	memset(l, 0, sizeof(*l));
	l->kind = (uint8_t)kind;
	snprintf(l->text, sizeof(l->text), "%s", text);
	return l;
}

/* label padded to LABEL_CELLS cells, count, share, bar, and a word for
 * an empty or thin cell. */
static void count_text(char *out, size_t size, const char *label, uint32_t n,
		       const struct balance *b, int width)
{
	int pad = LABEL_CELLS - text_width(label);
	int room = width - 2 - LABEL_CELLS - 12;
	int bar = b->total ? (int)((uint64_t)n * BAR_MAX / b->total) : 0;
	const char *word = n == 0 ? _("none") : balance_is_thin(b, n) ? _("thin") : "";
	size_t k;

	if (pad < 1)
		pad = 1;
	if (room > BAR_MAX)
		room = BAR_MAX;
	if (bar > room)
		bar = room > 0 ? room : 0;
	if (n && bar == 0 && room > 0)
		bar = 1;
	k = (size_t)snprintf(out, size, "%s%*s%4u %3u%% ", label, pad, "", n,
			     b->total ? (unsigned)((uint64_t)n * 100 / b->total) : 0u);
	for (int i = 0; i < bar && k + 1 < size; i++)
		out[k++] = '|';
	out[k < size ? k : size - 1] = '\0';
	if (*word)
		snprintf(out + strlen(out), size - strlen(out), " %s", word);
}

bool balance_page_build(struct balance_page *p, const struct catalog *c,
			const struct balance *b, int width)
{
	size_t cap = 0;
	char buf[320], label[256];
	struct balance_line *l;
	bool any = false;

	*p = (struct balance_page){ 0 };
	snprintf(buf, sizeof(buf), _("Balance of the kept controls: %u with attributes"), b->total);
	if (!add(p, &cap, BLINE_HEADING, buf) ||
	    !add(p, &cap, BLINE_NOTE, _("Enter: filter the tree by the value  q: back")))
		return false;
	snprintf(buf, sizeof(buf), _("thin: under %d%% of the controls"), BALANCE_THIN_PERCENT);
	if (!add(p, &cap, BLINE_NOTE, buf))
		return false;
	if (balance_lacks_corrective(b, c) &&
	    !add(p, &cap, BLINE_WARNING,
		 _("No kept control is corrective (是正): nothing recovers from an incident.")))
		return false;
	for (int d = 0; d < BALANCE_DIM_COUNT; d++) {
		const struct attr_type *t;

		if (b->type[d] < 0)
			continue;
		any = true;
		t = &c->types[b->type[d]];
		if (!add(p, &cap, BLINE_BLANK, "") || !add(p, &cap, BLINE_TYPE, attr_type_label(t)))
			return false;
		for (uint32_t v = 0; v < b->value_count[d]; v++) {
			uint32_t n = b->count[d][v];

			attr_value_display(c, (uint32_t)b->type[d], v, label, sizeof(label));
			count_text(buf, sizeof(buf), label, n, b, width);
			l = add(p, &cap, BLINE_COUNT, buf);
			if (!l)
				return false;
			l->dim = (uint8_t)d;
			l->value = v;
			l->count = n;
			l->thin = balance_is_thin(b, n);
		}
	}
	if (!any && !add(p, &cap, BLINE_WARNING,
			 _("This catalog has none of the ISO/IEC 27002 attribute types.")))
		return false;
	return true;
}

void balance_page_free(struct balance_page *p)
{
	free(p->lines);
	p->lines = NULL;
	p->count = 0;
}

bool balance_page_query(const struct balance_page *p, const struct catalog *c,
			const struct balance *b, size_t k, bool by_id, char *out, size_t size)
{
	const struct balance_line *l;
	const struct attr_type *t;

	if (k >= p->count || p->lines[k].kind != BLINE_COUNT)
		return false;
	l = &p->lines[k];
	t = &c->types[b->type[l->dim]];
	if (by_id)
		snprintf(out, size, "%s:%s", t->id, t->values[l->value].id);
	else
		snprintf(out, size, "%s:%s", attr_type_label(t),
			 attr_value_label(&t->values[l->value]));
	/* The query language reads _ as a space; a space would split the term. */
	for (char *q = out; *q; q++)
		if (*q == ' ')
			*q = '_';
	return true;
}
