/* The tailoring operations that change one item in place: exclude and
 * include, reword, link, level, technical, marks and attributes; and the
 * keys' dispatch.  Each is a short chain of prompts ending with the reason
 * (edit_flow.c). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/workspace.h"
#include "kijun/text.h"
#include "ui.h"

/* ---- exclude / include -------------------------------------------------------- */

static void op_exclude(struct ui *ui)
{
	const struct resolved *info = session_info(ui->s, outline_current(&ui->tree));
	bool excluded = info && info->status == STATUS_EXCLUDED;

	if (!edit_begin(ui, excluded ? OP_INCLUDE : OP_EXCLUDE))
		return;
	edit_ask_reason(ui);
}

/* ---- reword -------------------------------------------------------------------- */

static bool reword_text(struct ui *ui, char *text, char *problem, size_t size)
{
	(void)problem;
	(void)size;
	ui->flow.c.text = edit_keep(ui, text);
	edit_ask_reason(ui);
	return true;
}

static void op_reword(struct ui *ui)
{
	if (!edit_begin(ui, OP_REWORD))
		return;
	edit_in_editor(ui, edit_item(ui)->text ? edit_item(ui)->text : "", reword_text);
}

static void retitle_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (edit_item(ui)->title && strcmp(answer, edit_item(ui)->title) == 0) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.title = edit_keep(ui, answer);
	edit_ask_reason(ui);
}

static void op_retitle(struct ui *ui)
{
	if (!edit_begin(ui, OP_REWORD))
		return;
	prompt_line(ui, _("title: "), edit_item(ui)->title, false, retitle_done);
}

/* ---- link, level, technical, marks ----------------------------------------------- */

static void link_note_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.note = answer[0] ? edit_keep(ui, answer) : NULL;
	edit_ask_reason(ui);
}

static void link_section_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.rule_section = answer[0] ? edit_keep(ui, answer) : NULL;
	prompt_line(ui, _("how the two are kept consistent (optional): "), NULL, true, link_note_done);
}

static void link_rule_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.rule = edit_keep(ui, answer);
	prompt_line(ui, _("article or section (optional): "), NULL, true, link_section_done);
}

static void op_link(struct ui *ui)
{
	if (!edit_begin(ui, OP_LINK))
		return;
	prompt_line(ui, _("internal rule: "), NULL, false, link_rule_done);
}

static void level_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	ui->flow.c.level = key == '1' ? LEVEL_MANDATORY : key == '2' ? LEVEL_RECOMMENDED : LEVEL_NONE;
	edit_ask_reason(ui);
}

static void op_level(struct ui *ui)
{
	char label[256];

	if (!edit_begin(ui, OP_LEVEL))
		return;
	snprintf(label, sizeof(label), "%s 1:%s 2:%s 0:%s ", _("level?"),
		 item_level_label(LEVEL_MANDATORY), item_level_label(LEVEL_RECOMMENDED),
		 item_level_label(LEVEL_NONE));
	prompt_key(ui, label, "120", level_done);
}

static void months_done(struct ui *ui, const char *answer, int key)
{
	char *end;
	long months = strtol(answer, &end, 10);

	(void)key;
	if (*end || months < 1 || months > 120) {
		prompt_line(ui, _("review every how many months? "), answer, false, months_done);
		ui_message(ui, ROLE_ERROR, "%s", _("give a number of months from 1 to 120"));
		return;
	}
	ui->flow.c.technical = true;
	ui->flow.c.review_months = (uint16_t)months;
	edit_ask_reason(ui);
}

static void op_technical(struct ui *ui)
{
	const struct resolved *info = session_info(ui->s, outline_current(&ui->tree));

	if (!edit_begin(ui, OP_TECHNICAL))
		return;
	if (info && info->technical) {
		ui->flow.c.technical = false;
		edit_ask_reason(ui);
		return;
	}
	prompt_line(ui, _("review every how many months? "), "6", false, months_done);
}

static void marks_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.mark_count = edit_split_words(ui, answer, &ui->flow.c.marks);
	edit_ask_reason(ui);
}

static void op_marks(struct ui *ui)
{
	const struct resolved *info = session_info(ui->s, outline_current(&ui->tree));
	char initial[512] = "";

	if (!edit_begin(ui, OP_MARKS))
		return;
	for (uint32_t k = 0; info && k < resolved_extra(info)->mark_count; k++)
		snprintf(initial + strlen(initial), sizeof(initial) - strlen(initial), "%s%s",
			 k ? " " : "", resolved_extra(info)->marks[k]);
	prompt_line(ui, _("marks (e.g. .P .B .PB; empty removes them): "), initial, true, marks_done);
}

/* ---- attributes ------------------------------------------------------------------------ */

static void attrs_template(struct strbuf *b, const struct catalog *c, const struct item *it)
{
	strbuf_addf(b, "%s\n%s\n", _("# One attribute type per line: \"type: value value ...\"."),
		    _("# Lines starting with # are ignored. An empty list removes the values."));
	for (uint32_t t = 0; t < c->type_count; t++) {
		const struct attr_type *type = &c->types[t];

		strbuf_addf(b, "#\n# %s (%s):", type->id, attr_type_label(type));
		for (uint32_t v = 0; v < type->value_count; v++)
			strbuf_addf(b, " %s=%s", type->values[v].id, attr_value_label(&type->values[v]));
		strbuf_addf(b, "\n%s:", type->id);
		for (uint32_t k = 0; k < it->attr_count; k++)
			if (it->attrs[k].type == t)
				strbuf_addf(b, " %s", type->values[it->attrs[k].value].id);
		strbuf_addc(b, '\n');
	}
}

/* Values of type t on item it, space separated, for comparison. */
static void current_values(const struct catalog *c, const struct item *it, uint32_t t,
			   struct strbuf *out)
{
	for (uint32_t k = 0; k < it->attr_count; k++)
		if (it->attrs[k].type == t)
			strbuf_addf(out, "%s%s", out->len ? " " : "",
				    c->types[t].values[it->attrs[k].value].id);
}

/* The attributes as written; a line that does not read is a problem
 * for the editor to show above the text. */
static bool attributes_text(struct ui *ui, char *text, char *problem, size_t size)
{
	const struct catalog *c = edit_shown(ui);
	struct attr_setting settings[64];
	uint32_t n = 0;
	char *line;

	edit_strip_comments(text);
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *colon = strchr(line, ':');
		int t;
		struct strbuf now, typed;
		const char **values;
		uint32_t count;
		bool bad = false;

		if (!*edit_trim(line))
			continue;
		if (!colon) {
			snprintf(problem, size, _("not \"type: values\": %s"), edit_trim(line));
			return false;
		}
		*colon = '\0';
		t = catalog_type_find(c, edit_trim(line));
		if (t < 0) {
			snprintf(problem, size, _("attribute type %s is not defined"), edit_trim(line));
			return false;
		}
		count = edit_split_words(ui, edit_trim(colon + 1), &values);
		strbuf_init(&now);
		strbuf_init(&typed);
		current_values(c, edit_item(ui), (uint32_t)t, &now);
		for (uint32_t k = 0; k < count && !bad; k++) {
			if (attr_type_value_find(&c->types[t], values[k]) < 0) {
				snprintf(problem, size, _("%s is not a value of attribute type %s"),
					 values[k], c->types[t].id);
				bad = true;
			}
			strbuf_addf(&typed, "%s%s", typed.len ? " " : "", values[k]);
		}
		if (!bad && strcmp(now.data ? now.data : "", typed.data ? typed.data : "") != 0 && n < 64)
			settings[n++] = (struct attr_setting){ c->types[t].id, values, count };
		strbuf_free(&now);
		strbuf_free(&typed);
		if (bad)
			return false;
	}
	if (!n) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return true;
	}
	ui->flow.c.attrs = arena_alloc(&ui->flow.scratch, n * sizeof(settings[0]));
	if (!ui->flow.c.attrs) {
		ui_flow_cancel(ui);
		return true;
	}
	memcpy(ui->flow.c.attrs, settings, n * sizeof(settings[0]));
	ui->flow.c.attr_count = n;
	edit_ask_reason(ui);
	return true;
}

static void op_attributes(struct ui *ui)
{
	const struct catalog *c = edit_shown(ui);
	struct strbuf tpl;

	if (!edit_begin(ui, OP_ATTRIBUTES))
		return;
	if (!c->type_count) {
		ui_message(ui, ROLE_ERROR, "%s", _("the catalog defines no attribute types"));
		ui_flow_cancel(ui);
		return;
	}
	strbuf_init(&tpl);
	attrs_template(&tpl, c, edit_item(ui));
	edit_in_editor(ui, tpl.data, attributes_text);
	strbuf_free(&tpl);
}

/* ---- keep, treats ------------------------------------------------------------------ */

static void op_keep(struct ui *ui)
{
	if (!edit_begin(ui, OP_KEEP))
		return;
	edit_ask_reason(ui);
}

static void treats_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.risk_count = edit_split_words(ui, answer, &ui->flow.c.risks);
	edit_ask_reason(ui);
}

static void op_treats(struct ui *ui)
{
	const struct resolved *info = session_info(ui->s, outline_current(&ui->tree));
	char now[512] = "";
	size_t len = 0;

	if (!edit_begin(ui, OP_TREATS))
		return;
	for (uint32_t k = 0; info && k < resolved_extra(info)->risk_count && len < sizeof(now) - 2; k++)
		len += (size_t)snprintf(now + len, sizeof(now) - len, "%s%s", k ? " " : "",
					resolved_extra(info)->risks[k]);
	prompt_line(ui, _("risks it treats (ids; empty clears): "), now, true, treats_done);
}

/* ---- dispatch ------------------------------------------------------------------------------- */

bool ui_edit_key(struct ui *ui, int action)
{
	if (!ui_editing(ui)) {
		ui_message(ui, ROLE_NORMAL, "%s", _(session_code_message(SESSION_READ_ONLY)));
		return true;
	}
	if (ui->guard.read_only) {
		ui_message(ui, ROLE_NORMAL, _("read-only: %s"), ui->guard.why);
		return true;
	}
	switch (action) {
	case ACT_UNDO: ui_undo(ui); return true;
	case ACT_REDO: ui_redo(ui); return true;
	case ACT_SAVE: ui_save(ui); return true;
	default: break;
	}
	if (ui->identity != SESSION_OK) {
		/* Who or when is refused: no change could be recorded. */
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(ui->identity)));
		return true;
	}
	if (session_view(ui->s) == SESSION_VIEW_BASE) {
		ui_message(ui, ROLE_NORMAL, "%s", _("the base cannot be changed: press v for the tailored view"));
		return true;
	}
	if (outline_current(&ui->tree) == ITEM_NONE)
		return true;
	switch (action) {
	case ACT_EXCLUDE: op_exclude(ui); break;
	case ACT_REWORD: op_reword(ui); break;
	case ACT_RETITLE: op_retitle(ui); break;
	case ACT_ADD: edit_add(ui); break;
	case ACT_SPLIT: edit_split(ui); break;
	case ACT_MERGE: edit_merge(ui); break;
	case ACT_LINK: op_link(ui); break;
	case ACT_LEVEL: op_level(ui); break;
	case ACT_TECHNICAL: op_technical(ui); break;
	case ACT_ATTRIBUTES: op_attributes(ui); break;
	case ACT_MARKS: op_marks(ui); break;
	case ACT_KEEP: op_keep(ui); break;
	case ACT_TREATS: op_treats(ui); break;
	case ACT_TYPE: edit_type(ui); break;
	default: return false;
	}
	return true;
}
