/* Y: the organization's own attribute type, written in the editor (an id,
 * labels in Japanese and English, one value a line), recorded as an
 * attribute-type change with its reason; A then sets its values as it
 * sets ISO's, and f, X and B find it as they find ISO's. */
#include <stdio.h>
#include <string.h>

#include "edit.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "ui.h"

#define MAX_VALUES 64

static void type_template(struct strbuf *b)
{
	strbuf_addf(b, "%s\n%s\n%s\n%s\n", _("# The organization's own attribute type: its id and labels,"),
		    _("# then one value a line: \"id | 日本語 | English\" (English may be left out)."),
		    _("# Lines starting with # are ignored."),
		    _("# Example: risk_tier | リスク区分 | Risk tier, then high | 高 | High"));
	strbuf_addf(b, "type: \n");
	strbuf_addf(b, "%s\n", _("# values:"));
}

/* "a | b | c" into up to three trimmed fields; how many were there. */
static int fields(char *line, char **out)
{
	int n = 0;

	for (char *p = line; n < 3; n++) {
		char *bar = strchr(p, '|');

		if (bar)
			*bar = '\0';
		out[n] = edit_trim(p);
		if (!bar) {
			n++;
			break;
		}
		p = bar + 1;
	}
	for (int k = n; k < 3; k++)
		out[k] = NULL;
	return n;
}

static bool type_text(struct ui *ui, char *text, char *problem, size_t size)
{
	struct attr_type *t = arena_alloc(&ui->flow.scratch, sizeof(*t));
	struct attr_value *v = arena_alloc(&ui->flow.scratch, MAX_VALUES * sizeof(*v));
	char *line, *save = NULL;

	if (!t || !v) {
		ui_flow_cancel(ui);
		return true;
	}
	memset(t, 0, sizeof(*t));
	t->values = v;
	edit_strip_comments(text);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[3];

		line = edit_trim(line);
		if (!*line)
			continue;
		if (!t->id) {
			/* The first line names the type: "type: id | label | label_en". */
			if (strncmp(line, "type:", 5) == 0)
				line = edit_trim(line + 5);
			if (!*line)
				continue;  /* the template as it was given */
			if (fields(line, f) < 2 || !*f[0] || !*f[1]) {
				snprintf(problem, size, "%s",
					 _("the first line is \"type: id | 日本語 | English\""));
				return false;
			}
			t->id = edit_keep(ui, f[0]);
			t->label = edit_keep(ui, f[1]);
			t->label_en = f[2] && *f[2] ? edit_keep(ui, f[2]) : NULL;
			continue;
		}
		if (fields(line, f) < 2 || !*f[0] || !*f[1]) {
			snprintf(problem, size, _("not \"id | 日本語 | English\": %s"), line);
			return false;
		}
		if (t->value_count == MAX_VALUES) {
			snprintf(problem, size, _("at most %d values"), MAX_VALUES);
			return false;
		}
		v[t->value_count].id = edit_keep(ui, f[0]);
		v[t->value_count].label = edit_keep(ui, f[1]);
		v[t->value_count].label_en = f[2] && *f[2] ? edit_keep(ui, f[2]) : NULL;
		t->value_count++;
	}
	if (!t->id) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return true;
	}
	if (!t->value_count) {
		snprintf(problem, size, "%s", _("a type needs at least one value"));
		return false;
	}
	if (catalog_type_find(edit_shown(ui), t->id) >= 0) {
		snprintf(problem, size, _("attribute type %s already exists"), t->id);
		return false;
	}
	ui->flow.c.types = t;
	ui->flow.c.type_count = 1;
	edit_ask_reason(ui);
	return true;
}

void edit_type(struct ui *ui)
{
	struct strbuf tpl;

	if (!edit_begin(ui, OP_TYPE))
		return;
	/* A type belongs to the standard, not to the item the cursor is on. */
	ui->flow.c.target = NULL;
	strbuf_init(&tpl);
	type_template(&tpl);
	edit_in_editor(ui, tpl.data, type_text);
	strbuf_free(&tpl);
}
