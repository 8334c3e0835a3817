/* The tailoring operations behind the editing keys.  Each is a short chain
 * of prompts that fills in a change and ends with its reason; the change
 * is then recorded, the tailoring resolved again, and the tree redrawn on
 * the item it shaped.  Undo and redo take changes off the end of the list
 * and put them back. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "editor.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"
#include "kijun/text.h"
#include "ui.h"

/* ---- the flow under construction ----------------------------------------- */

static const char *keep(struct ui *ui, const char *s)
{
	return s ? arena_strdup(&ui->flow.scratch, s) : NULL;
}

static const struct catalog *shown(const struct ui *ui)
{
	return doc_shown(&ui->doc);
}

static const struct item *flow_item(const struct ui *ui)
{
	return catalog_item(shown(ui), ui->flow.item);
}

void ui_flow_cancel(struct ui *ui)
{
	arena_free(&ui->flow.scratch);
	memset(&ui->flow, 0, sizeof(ui->flow));
}

static bool flow_begin(struct ui *ui, enum change_op op)
{
	uint32_t i = outline_current(&ui->tree);

	ui_flow_cancel(ui);
	if (i == ITEM_NONE)
		return false;
	ui->flow.active = true;
	ui->flow.item = i;
	ui->flow.c.op = op;
	ui->flow.c.item.kind = -1;
	ui->flow.c.target = keep(ui, catalog_item(shown(ui), i)->id);
	return ui->flow.c.target != NULL;
}

static void today(char out[11])
{
	const char *fixed = getenv("KIJUN_DATE");  /* for reproducible runs */
	time_t now = time(NULL);
	struct tm tm;

	if (fixed && strlen(fixed) == 10) {
		memcpy(out, fixed, 11);
		return;
	}
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The new item a change makes, for the cursor to land on. */
static const char *made_id(const struct change *c)
{
	switch (c->op) {
	case OP_ADD:
	case OP_MERGE: return c->item.id;
	case OP_SPLIT: return c->parts[0].id;
	default: return c->target;
	}
}

/* Resolves the tailoring again; the tree's state is noted first, while
 * it still matches the catalog it was made for. */
static bool resolve_again(struct ui *ui)
{
	ui_remember(ui);
	return workspace_resolve(ui->doc.ws);
}

static bool record(struct ui *ui, const struct change *c)
{
	struct workspace *w = ui->doc.ws;
	long index = tailoring_append(&w->t, c);
	char focus[512];

	if (index < 0 || !resolve_again(ui)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return false;
	}
	/* A change that cannot apply is not recorded from the screen. */
	for (uint32_t k = 0; k < w->res.conflict_count; k++) {
		const struct conflict *x = &w->res.conflicts[k];

		if (x->from == &w->t && x->index == (uint32_t)index) {
			struct change dropped;

			snprintf(focus, sizeof(focus), _("not recorded: %s"), x->message);
			tailoring_pop(&w->t, &dropped);
			resolve_again(ui);
			ui_reload(ui, NULL);
			ui_message(ui, ROLE_ERROR, "%s", focus);
			return false;
		}
	}
	snprintf(focus, sizeof(focus), "%s", made_id(&w->t.changes[index]));
	ui->generation++;
	ui->redo_count = 0;
	ui_reload(ui, focus);
	ui_message(ui, ROLE_NORMAL, _("recorded: %s %s (not saved yet: s saves)"),
		   change_op_label(c->op), focus);
	return true;
}

/* The last prompt of every operation: the reason, then the change. */
static void reason_done(struct ui *ui, const char *answer, int key)
{
	struct change *c = &ui->flow.c;
	char date[11];
	const char *problem;

	(void)key;
	c->step = (uint8_t)ui->prompt.step;
	c->reason = keep(ui, answer);
	c->author = ui->author;
	today(date);
	c->date = keep(ui, date);
	problem = change_problem(c);
	if (problem)
		ui_message(ui, ROLE_ERROR, "%s", _(problem));
	else
		record(ui, c);
	ui_flow_cancel(ui);
}

static void ask_reason(struct ui *ui)
{
	prompt_reason(ui, step_default(ui->flow.c.op, ui->flow.c.source), reason_done);
}

/* ---- small helpers ------------------------------------------------------------ */

/* Words separated by spaces, commas or ideographic commas. */
static uint32_t split_words(struct ui *ui, const char *s, const char ***out)
{
	const char *words[64];
	uint32_t n = 0;

	while (*s && n < 64) {
		size_t len;

		while (*s == ' ' || *s == ',' || strncmp(s, "\xe3\x80\x81", 3) == 0)
			s += *s == ' ' || *s == ',' ? 1 : 3;
		len = 0;
		while (s[len] && s[len] != ' ' && s[len] != ',' && strncmp(s + len, "\xe3\x80\x81", 3) != 0)
			len++;
		if (len) {
			words[n] = arena_strndup(&ui->flow.scratch, s, len);
			if (words[n])
				n++;
		}
		s += len;
	}
	*out = n ? arena_alloc(&ui->flow.scratch, n * sizeof(**out)) : NULL;
	if (n && !*out)
		return 0;
	if (n)
		memcpy(*out, words, n * sizeof(**out));
	return n;
}

/* Opens the editor; false (with a message) when it failed or nothing
 * changed. */
static bool edit_text(struct ui *ui, const char *initial, char **out)
{
	char err[512];

	*out = editor_run(initial, err, sizeof(err));
	if (!*out) {
		ui_message(ui, ROLE_ERROR, "%s", err);
		return false;
	}
	if (initial && strcmp(*out, initial) == 0) {
		free(*out);
		*out = NULL;
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		return false;
	}
	return true;
}

/* Removes "# " comment lines, the editor templates' instructions. */
static void strip_comments(char *s)
{
	char *out = s, *line = s;

	while (*line) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line + 1) : strlen(line);

		if (line[0] != '#') {
			memmove(out, line, len);
			out += len;
		}
		line += len;
	}
	*out = '\0';
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/* ---- exclude / include -------------------------------------------------------- */

static void op_exclude(struct ui *ui)
{
	const struct resolved *info = doc_info(&ui->doc, outline_current(&ui->tree));
	bool excluded = info && info->status == STATUS_EXCLUDED;

	if (!flow_begin(ui, excluded ? OP_INCLUDE : OP_EXCLUDE))
		return;
	ask_reason(ui);
}

/* ---- reword -------------------------------------------------------------------- */

static void op_reword(struct ui *ui)
{
	char *text;

	if (!flow_begin(ui, OP_REWORD))
		return;
	if (!edit_text(ui, flow_item(ui)->text ? flow_item(ui)->text : "", &text)) {
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.text = keep(ui, text);
	free(text);
	ask_reason(ui);
}

static void retitle_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (flow_item(ui)->title && strcmp(answer, flow_item(ui)->title) == 0) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.title = keep(ui, answer);
	ask_reason(ui);
}

static void op_retitle(struct ui *ui)
{
	if (!flow_begin(ui, OP_REWORD))
		return;
	prompt_line(ui, _("title: "), flow_item(ui)->title, false, retitle_done);
}

/* ---- add ---------------------------------------------------------------------- */

static bool id_taken(const struct ui *ui, const char *id)
{
	return catalog_find(shown(ui), id) != ITEM_NONE;
}

/* The next free "<prefix><n>" from n on. */
static const char *free_id(struct ui *ui, const char *prefix, unsigned n)
{
	char id[512];

	for (;; n++) {
		snprintf(id, sizeof(id), "%s%u", prefix, n);
		if (!id_taken(ui, id))
			return keep(ui, id);
	}
}

/* For a list entry under parent: the next letter after the last one (or
 * the next bullet number), as id and label. */
static void next_entry(struct ui *ui, uint32_t parent, const char **id, const char **label)
{
	const struct catalog *c = shown(ui);
	char letter = 'a' - 1, buf[512];
	bool bullets = false;
	unsigned count = 0;

	for (uint32_t k = c->items[parent].first_child; k != ITEM_NONE; k = c->items[k].next_sibling) {
		const char *l = c->items[k].label;

		if (c->items[k].kind != ITEM_ENTRY)
			continue;
		count++;
		if (l && l[0] >= 'a' && l[0] <= 'z' && l[1] == ')' && l[0] > letter)
			letter = l[0];
		else if (l && strcmp(l, "\xe3\x83\xbb") == 0)  /* ・ */
			bullets = true;
	}
	if (bullets || letter >= 'z') {
		snprintf(buf, sizeof(buf), "%s/", c->items[parent].id);
		*id = free_id(ui, buf, count + 1);
		*label = keep(ui, "\xe3\x83\xbb");
		return;
	}
	letter++;
	snprintf(buf, sizeof(buf), "%s/%c", c->items[parent].id, letter);
	while (id_taken(ui, buf) && letter < 'z')
		snprintf(buf, sizeof(buf), "%s/%c", c->items[parent].id, ++letter);
	*id = keep(ui, buf);
	snprintf(buf, sizeof(buf), "%c)", letter);
	*label = keep(ui, buf);
}

static void add_reason_after_source(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.source_ref = answer[0] ? keep(ui, answer) : NULL;
	ask_reason(ui);
}

static void add_source_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	ui->flow.c.source = (enum source_kind)(key - '0');
	prompt_line(ui, _("source detail (e.g. 個人情報保護法 第23条, CSF PR.AA-01): "), NULL, true,
		    add_reason_after_source);
}

static void add_ask_source(struct ui *ui)
{
	char label[256];

	snprintf(label, sizeof(label), "%s 1:%s 2:%s 3:%s 4:%s ", _("source?"),
		 source_kind_label(SOURCE_LAW), source_kind_label(SOURCE_STANDARD),
		 source_kind_label(SOURCE_ORGANIZATION), source_kind_label(SOURCE_INTERNAL_RULE));
	prompt_key(ui, label, "1234", add_source_done);
}

static void add_text_line_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.item.text = keep(ui, answer);
	add_ask_source(ui);
}

static void add_ask_text(struct ui *ui)
{
	char *text;

	if (ui->flow.c.item.kind == ITEM_ENTRY) {
		prompt_line(ui, _("text: "), NULL, false, add_text_line_done);
		return;
	}
	if (!edit_text(ui, "", &text) || !*trim(text)) {
		if (text)
			ui_message(ui, ROLE_NORMAL, "%s", _("no text: nothing recorded"));
		free(text);
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.item.text = keep(ui, trim(text));
	free(text);
	add_ask_source(ui);
}

static void add_title_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.item.title = keep(ui, answer);
	add_ask_text(ui);
}

static void add_id_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (id_taken(ui, answer) || strchr(answer, ' ') || strchr(answer, '\t')) {
		prompt_line(ui, _("id of the new item: "), answer, false, add_id_done);
		ui_message(ui, ROLE_ERROR, _("%s is taken or not a valid id; choose another"), answer);
		return;
	}
	ui->flow.c.item.id = keep(ui, answer);
	if (ui->flow.c.item.kind <= ITEM_CONTROL)
		prompt_line(ui, _("title: "), NULL, false, add_title_done);
	else
		add_ask_text(ui);
}

/* What kind goes below an item that has none yet. */
static enum item_kind child_kind(const struct catalog *c, uint32_t parent)
{
	if (c->items[parent].last_child != ITEM_NONE)
		return (enum item_kind)c->items[c->items[parent].last_child].kind;
	switch (c->items[parent].kind) {
	case ITEM_PART: return ITEM_SECTION;
	case ITEM_SECTION: return ITEM_CONTROL;
	default: return ITEM_DETAIL;
	}
}

static void add_where_done(struct ui *ui, const char *answer, int key)
{
	const struct catalog *c = shown(ui);
	uint32_t i = ui->flow.item, parent;
	struct change *ch = &ui->flow.c;
	enum item_kind kind;
	const char *id = NULL, *label = NULL;
	char prefix[512];

	(void)answer;
	ch->target = NULL;
	if (key == 'c') {
		parent = i;
		ch->parent = keep(ui, c->items[i].id);
		kind = child_kind(c, i);
	} else {
		parent = c->items[i].parent;
		ch->after = keep(ui, c->items[i].id);
		kind = (enum item_kind)c->items[i].kind;
	}
	ch->item.kind = (int)kind;
	if (kind == ITEM_ENTRY) {
		next_entry(ui, parent, &id, &label);
		ch->item.label = label;
	} else {
		unsigned n = 1;

		for (uint32_t k = c->items[parent].first_child; k != ITEM_NONE; k = c->items[k].next_sibling)
			n += c->items[k].kind == kind;
		snprintf(prefix, sizeof(prefix), "%s.", c->items[parent].id);
		id = free_id(ui, parent == ITEM_ROOT_INDEX ? "" : prefix, n);
	}
	prompt_line(ui, _("id of the new item: "), id, false, add_id_done);
}

static void op_add(struct ui *ui)
{
	if (!flow_begin(ui, OP_ADD))
		return;
	/* Nothing goes below a list entry: add after it. */
	if (flow_item(ui)->kind == ITEM_ENTRY) {
		add_where_done(ui, NULL, 'n');
		return;
	}
	prompt_key(ui, _("add where? c: below this item  n: next to it "), "cn", add_where_done);
}

/* ---- split ------------------------------------------------------------------------ */

/* Parts are written as "== id" lines followed by their text. */
static uint32_t parse_parts(struct ui *ui, char *text, struct new_item **out)
{
	struct new_item parts[32];
	struct strbuf body;
	uint32_t n = 0;
	char *line, *next;

	strip_comments(text);
	strbuf_init(&body);
	for (line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "== ", 3) == 0) {
			if (n)
				parts[n - 1].text = keep(ui, trim(body.data ? body.data : (char[]){ 0 }));
			strbuf_reset(&body);
			if (n == 32)
				break;
			memset(&parts[n], 0, sizeof(parts[n]));
			parts[n].kind = -1;
			parts[n].id = keep(ui, trim(line + 3));
			n++;
		} else if (n) {
			strbuf_adds(&body, line);
			strbuf_addc(&body, '\n');
		}
	}
	if (n && n < 32)
		parts[n - 1].text = keep(ui, trim(body.data ? body.data : (char[]){ 0 }));
	strbuf_free(&body);
	*out = n ? arena_alloc(&ui->flow.scratch, n * sizeof(**out)) : NULL;
	if (!*out)
		return 0;
	memcpy(*out, parts, n * sizeof(parts[0]));
	return n;
}

static void op_split(struct ui *ui)
{
	const struct item *it;
	struct strbuf tpl;
	char *text;
	uint32_t n;

	if (!flow_begin(ui, OP_SPLIT))
		return;
	it = flow_item(ui);
	strbuf_init(&tpl);
	strbuf_addf(&tpl, "%s\n%s\n== %s-1\n%s\n\n== %s-2\n\n",
		    _("# Write each part as a line \"== id\" followed by its text."),
		    _("# Lines starting with # are ignored. Save and quit to go on."),
		    it->id, it->text ? it->text : "", it->id);
	if (!edit_text(ui, tpl.data, &text)) {
		strbuf_free(&tpl);
		ui_flow_cancel(ui);
		return;
	}
	strbuf_free(&tpl);
	n = parse_parts(ui, text, &ui->flow.c.parts);
	free(text);
	ui->flow.c.part_count = n;
	for (uint32_t k = 0; k < n; k++) {
		if (!ui->flow.c.parts[k].text || !*ui->flow.c.parts[k].text || id_taken(ui, ui->flow.c.parts[k].id)) {
			n = 0;
			break;
		}
		if (it->kind == ITEM_ENTRY)
			ui->flow.c.parts[k].label = it->label;
	}
	if (n < 2) {
		ui_message(ui, ROLE_ERROR, "%s",
			   _("a split needs at least two parts, each with a new id and a text"));
		ui_flow_cancel(ui);
		return;
	}
	ask_reason(ui);
}

/* ---- merge -------------------------------------------------------------------------- */

static void merge_id_done(struct ui *ui, const char *answer, int key)
{
	struct strbuf joined;
	char *text;

	(void)key;
	if (id_taken(ui, answer)) {
		prompt_line(ui, _("id of the merged item: "), answer, false, merge_id_done);
		ui_message(ui, ROLE_ERROR, _("%s is taken or not a valid id; choose another"), answer);
		return;
	}
	ui->flow.c.item.id = keep(ui, answer);
	strbuf_init(&joined);
	for (uint32_t k = 0; k < ui->flow.c.target_count; k++) {
		const struct item *t = catalog_item(shown(ui), catalog_find(shown(ui), ui->flow.c.targets[k]));

		if (t->text)
			strbuf_addf(&joined, "%s%s", joined.len ? "\n" : "", t->text);
	}
	if (!edit_text(ui, joined.data ? joined.data : "", &text) || !*trim(text)) {
		free(text);
		strbuf_free(&joined);
		ui_flow_cancel(ui);
		return;
	}
	strbuf_free(&joined);
	ui->flow.c.item.text = keep(ui, trim(text));
	free(text);
	ask_reason(ui);
}

static void merge_targets_done(struct ui *ui, const char *answer, int key)
{
	const char **ids;
	uint32_t n = split_words(ui, answer, &ids);
	char suggestion[512];

	(void)key;
	for (uint32_t k = 0; k < n; k++) {
		if (!id_taken(ui, ids[k])) {
			ui_message(ui, ROLE_ERROR, _("%s does not exist"), ids[k]);
			ui_flow_cancel(ui);
			return;
		}
	}
	if (n < 2) {
		ui_message(ui, ROLE_ERROR, "%s", _("a merge needs at least two items"));
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.targets = ids;
	ui->flow.c.target_count = n;
	/* Merged list entries keep the first one's label, a) say. */
	{
		const struct item *first = catalog_item(shown(ui), catalog_find(shown(ui), ids[0]));

		if (first->kind == ITEM_ENTRY)
			ui->flow.c.item.label = keep(ui, first->label);
	}
	snprintf(suggestion, sizeof(suggestion), "%s+", ids[0]);
	prompt_line(ui, _("id of the merged item: "), suggestion, false, merge_id_done);
}

static void op_merge(struct ui *ui)
{
	const struct catalog *c = shown(ui);
	uint32_t next;
	char initial[1024];

	if (!flow_begin(ui, OP_MERGE))
		return;
	ui->flow.c.target = NULL;
	next = c->items[ui->flow.item].next_sibling;
	snprintf(initial, sizeof(initial), "%s %s", flow_item(ui)->id,
		 next != ITEM_NONE ? c->items[next].id : "");
	prompt_line(ui, _("items to merge (ids, separated by spaces): "), initial, false,
		    merge_targets_done);
}

/* ---- link, level, technical, marks ----------------------------------------------- */

static void link_note_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.note = answer[0] ? keep(ui, answer) : NULL;
	ask_reason(ui);
}

static void link_section_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.rule_section = answer[0] ? keep(ui, answer) : NULL;
	prompt_line(ui, _("how the two are kept consistent (optional): "), NULL, true, link_note_done);
}

static void link_rule_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.rule = keep(ui, answer);
	prompt_line(ui, _("article or section (optional): "), NULL, true, link_section_done);
}

static void op_link(struct ui *ui)
{
	if (!flow_begin(ui, OP_LINK))
		return;
	prompt_line(ui, _("internal rule: "), NULL, false, link_rule_done);
}

static void level_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	ui->flow.c.level = key == '1' ? LEVEL_MANDATORY : key == '2' ? LEVEL_RECOMMENDED : LEVEL_NONE;
	ask_reason(ui);
}

static void op_level(struct ui *ui)
{
	char label[256];

	if (!flow_begin(ui, OP_LEVEL))
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
	ask_reason(ui);
}

static void op_technical(struct ui *ui)
{
	const struct resolved *info = doc_info(&ui->doc, outline_current(&ui->tree));

	if (!flow_begin(ui, OP_TECHNICAL))
		return;
	if (info && info->technical) {
		ui->flow.c.technical = false;
		ask_reason(ui);
		return;
	}
	prompt_line(ui, _("review every how many months? "), "6", false, months_done);
}

static void marks_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.mark_count = split_words(ui, answer, &ui->flow.c.marks);
	ask_reason(ui);
}

static void op_marks(struct ui *ui)
{
	const struct resolved *info = doc_info(&ui->doc, outline_current(&ui->tree));
	char initial[512] = "";

	if (!flow_begin(ui, OP_MARKS))
		return;
	for (uint32_t k = 0; info && k < info->mark_count; k++)
		snprintf(initial + strlen(initial), sizeof(initial) - strlen(initial), "%s%s",
			 k ? " " : "", info->marks[k]);
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

static void op_attributes(struct ui *ui)
{
	const struct catalog *c = shown(ui);
	struct attr_setting settings[64];
	struct strbuf tpl;
	uint32_t n = 0;
	char *text, *line;

	if (!flow_begin(ui, OP_ATTRIBUTES))
		return;
	if (!c->type_count) {
		ui_message(ui, ROLE_ERROR, "%s", _("the catalog defines no attribute types"));
		ui_flow_cancel(ui);
		return;
	}
	strbuf_init(&tpl);
	attrs_template(&tpl, c, flow_item(ui));
	if (!edit_text(ui, tpl.data, &text)) {
		strbuf_free(&tpl);
		ui_flow_cancel(ui);
		return;
	}
	strbuf_free(&tpl);
	strip_comments(text);
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *colon = strchr(line, ':');
		int t;
		struct strbuf now, typed;
		const char **values;
		uint32_t count;

		if (!*trim(line))
			continue;
		if (!colon) {
			ui_message(ui, ROLE_ERROR, _("not \"type: values\": %s"), line);
			goto fail;
		}
		*colon = '\0';
		t = catalog_type_find(c, trim(line));
		if (t < 0) {
			ui_message(ui, ROLE_ERROR, _("attribute type %s is not defined"), trim(line));
			goto fail;
		}
		count = split_words(ui, trim(colon + 1), &values);
		strbuf_init(&now);
		strbuf_init(&typed);
		current_values(c, flow_item(ui), (uint32_t)t, &now);
		for (uint32_t k = 0; k < count; k++) {
			if (attr_type_value_find(&c->types[t], values[k]) < 0) {
				ui_message(ui, ROLE_ERROR, _("%s is not a value of attribute type %s"),
					   values[k], c->types[t].id);
				strbuf_free(&now);
				strbuf_free(&typed);
				goto fail;
			}
			strbuf_addf(&typed, "%s%s", typed.len ? " " : "", values[k]);
		}
		if (strcmp(now.data ? now.data : "", typed.data ? typed.data : "") != 0 && n < 64)
			settings[n++] = (struct attr_setting){ c->types[t].id, values, count };
		strbuf_free(&now);
		strbuf_free(&typed);
	}
	free(text);
	if (!n) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.attrs = arena_alloc(&ui->flow.scratch, n * sizeof(settings[0]));
	if (!ui->flow.c.attrs) {
		ui_flow_cancel(ui);
		return;
	}
	memcpy(ui->flow.c.attrs, settings, n * sizeof(settings[0]));
	ui->flow.c.attr_count = n;
	ask_reason(ui);
	return;
fail:
	free(text);
	ui_flow_cancel(ui);
}

/* ---- undo, redo, save, quit -------------------------------------------------------- */

/* Where the cursor goes once a change is taken back: the item it
 * changed, or for what it created, where that stood. */
static const char *undone_focus(const struct change *c)
{
	switch (c->op) {
	case OP_ADD: return c->after ? c->after : c->parent;
	case OP_MERGE: return c->targets[0];
	default: return c->target;
	}
}

static void undo(struct ui *ui)
{
	struct workspace *w = ui->doc.ws;
	struct change c;

	if (w->t.count <= ui->session_start || !tailoring_pop(&w->t, &c)) {
		ui_message(ui, ROLE_NORMAL, "%s", _("nothing to undo in this session"));
		return;
	}
	if (ui->redo_count == ui->redo_capacity) {
		uint32_t cap = ui->redo_capacity ? ui->redo_capacity * 2 : 16;
		struct change *v = realloc(ui->redo, cap * sizeof(*v));

		if (!v) {
			tailoring_append(&w->t, &c);
			ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
			return;
		}
		ui->redo = v;
		ui->redo_capacity = cap;
	}
	ui->redo[ui->redo_count++] = c;
	resolve_again(ui);
	ui->generation++;
	ui_reload(ui, undone_focus(&c));
	ui_message(ui, ROLE_NORMAL, _("undone: %s %s (Ctrl-R redoes)"), change_op_label(c.op),
		   made_id(&c));
}

static void redo(struct ui *ui)
{
	struct workspace *w = ui->doc.ws;
	struct change c;

	if (!ui->redo_count) {
		ui_message(ui, ROLE_NORMAL, "%s", _("nothing to redo"));
		return;
	}
	c = ui->redo[--ui->redo_count];
	if (tailoring_append(&w->t, &c) < 0 || !resolve_again(ui)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	ui->generation++;
	ui_reload(ui, made_id(&c));
	ui_message(ui, ROLE_NORMAL, _("redone: %s %s"), change_op_label(c.op), made_id(&c));
}

bool ui_save(struct ui *ui)
{
	struct diag_list diags;
	bool ok;
	char line[1024];

	diag_list_init(&diags);
	ok = workspace_save(ui->doc.ws, &diags);
	if (ok) {
		ui->saved_generation = ui->generation;
		ui_message(ui, ROLE_NORMAL, _("saved %u changes to %s"), ui->doc.ws->t.count,
			   ui->doc.ws->path);
	} else {
		diag_format(&diags.items[0], line, sizeof(line));
		ui_message(ui, ROLE_ERROR, _("not saved: %s"), line);
	}
	diag_list_free(&diags);
	return ok;
}

void ui_save_recovery(struct ui *ui)
{
	struct diag_list diags;
	char path[4096];

	if (!ui_editing(ui) || !ui_modified(ui))
		return;
	diag_list_init(&diags);
	snprintf(path, sizeof(path), "%s.recover", ui->doc.ws->path);
	if (tailoring_save_file(&ui->doc.ws->t, path, &diags))
		fprintf(stderr, _("kijun: unsaved changes were written to %s\n"), path);
	diag_list_free(&diags);
}

static void quit_answer(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'n' || (key == 'y' && ui_save(ui)))
		ui->quitting = true;
}

bool ui_quit_request(struct ui *ui)
{
	if (!ui_editing(ui) || !ui_modified(ui))
		return true;
	prompt_key(ui, _("unsaved changes. y: save and quit  n: quit without saving  Esc: stay "),
		   "yn", quit_answer);
	return false;
}

/* ---- dispatch ------------------------------------------------------------------------------- */

bool ui_edit_key(struct ui *ui, int action)
{
	if (!ui_editing(ui)) {
		ui_message(ui, ROLE_NORMAL, "%s",
			   _("this is a catalog: open a tailoring file to make changes (kijun FILE.yaml)"));
		return true;
	}
	switch (action) {
	case ACT_UNDO: undo(ui); return true;
	case ACT_REDO: redo(ui); return true;
	case ACT_SAVE: ui_save(ui); return true;
	default: break;
	}
	if (ui->doc.view == VIEW_BASE) {
		ui_message(ui, ROLE_NORMAL, "%s", _("the base cannot be changed: press v for the tailored view"));
		return true;
	}
	if (outline_current(&ui->tree) == ITEM_NONE)
		return true;
	switch (action) {
	case ACT_EXCLUDE: op_exclude(ui); break;
	case ACT_REWORD: op_reword(ui); break;
	case ACT_RETITLE: op_retitle(ui); break;
	case ACT_ADD: op_add(ui); break;
	case ACT_SPLIT: op_split(ui); break;
	case ACT_MERGE: op_merge(ui); break;
	case ACT_LINK: op_link(ui); break;
	case ACT_LEVEL: op_level(ui); break;
	case ACT_TECHNICAL: op_technical(ui); break;
	case ACT_ATTRIBUTES: op_attributes(ui); break;
	case ACT_MARKS: op_marks(ui); break;
	default: return false;
	}
	return true;
}
