/* The operations that change the tree's shape: add an item or list
 * entry, split one item into several, merge several into one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/workspace.h"
#include "kijun/text.h"
#include "ui.h"

/* ---- the editor's first lines ------------------------------------------------------ */

/* "5.1 情報セキュリティ方針", or "the top level", for the comment lines a
 * new item's editor buffer starts with: the user writing its text sees
 * which item it is and where it goes.  The lines start with #, so they are
 * removed before the text is used (edit_strip_comments). */
static const char *parent_place(struct ui *ui)
{
	const struct catalog *c = edit_shown(ui);
	const struct change *ch = &ui->flow.c;
	const char *title, *near = ch->after ? ch->after : ch->target ? ch->target
				  : ch->target_count ? ch->targets[0] : NULL;
	uint32_t parent = ITEM_NONE, i;
	char line[512];

	if (ch->parent) {
		parent = catalog_find(c, ch->parent);
	} else if (near) {
		i = catalog_find(c, near);
		parent = i == ITEM_NONE ? ITEM_NONE : catalog_item(c, i)->parent;
	}
	if (parent == ITEM_NONE || parent == ITEM_ROOT_INDEX)
		return _("the top level");
	title = item_title(catalog_item(c, parent));
	snprintf(line, sizeof(line), "%s%s%s", catalog_item(c, parent)->id,
		 title && *title && !strchr(title, '\n') ? " " : "",
		 title && *title && !strchr(title, '\n') ? title : "");
	return edit_keep(ui, line);
}

static void add_comment_help(struct strbuf *tpl)
{
	strbuf_addf(tpl, "%s\n", _("# Lines starting with # are ignored. Save and quit to go on."));
}

/* ---- add ---------------------------------------------------------------------- */

bool edit_id_taken(const struct ui *ui, const char *id)
{
	return catalog_find(edit_shown(ui), id) != ITEM_NONE;
}

/* The next free "<prefix><n>" from n on. */
static const char *free_id(struct ui *ui, const char *prefix, unsigned n)
{
	char id[512];

	for (;; n++) {
		snprintf(id, sizeof(id), "%s%u", prefix, n);
		if (!edit_id_taken(ui, id))
			return edit_keep(ui, id);
	}
}

/* For a list entry under parent: the next letter after the last one (or
 * the next bullet number), as id and label. */
static void next_entry(struct ui *ui, uint32_t parent, const char **id, const char **label)
{
	const struct catalog *c = edit_shown(ui);
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
		*label = edit_keep(ui, "\xe3\x83\xbb");
		return;
	}
	letter++;
	snprintf(buf, sizeof(buf), "%s/%c", c->items[parent].id, letter);
	while (edit_id_taken(ui, buf) && letter < 'z')
		snprintf(buf, sizeof(buf), "%s/%c", c->items[parent].id, ++letter);
	*id = edit_keep(ui, buf);
	snprintf(buf, sizeof(buf), "%c)", letter);
	*label = edit_keep(ui, buf);
}

static void add_reason_after_source(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.source_ref = answer[0] ? edit_keep(ui, answer) : NULL;
	edit_ask_reason(ui);
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
	ui->flow.c.item.text = edit_keep(ui, answer);
	add_ask_source(ui);
}

static bool add_text(struct ui *ui, char *text, char *problem, size_t size)
{
	(void)problem;
	(void)size;
	edit_strip_comments(text);
	if (!*edit_trim(text)) {
		ui_message(ui, ROLE_NORMAL, "%s", _("no text: nothing recorded"));
		ui_flow_cancel(ui);
		return true;
	}
	ui->flow.c.item.text = edit_keep(ui, edit_trim(text));
	add_ask_source(ui);
	return true;
}

static void add_ask_text(struct ui *ui)
{
	struct strbuf tpl;

	if (ui->flow.c.item.kind == ITEM_ENTRY) {
		prompt_line(ui, _("text: "), NULL, false, add_text_line_done);
		return;
	}
	strbuf_init(&tpl);
	strbuf_addf(&tpl, _("# The text of the new item %s, under %s.\n"), ui->flow.c.item.id,
		    parent_place(ui));
	add_comment_help(&tpl);
	strbuf_addc(&tpl, '\n');
	edit_in_editor(ui, tpl.data, add_text);
	strbuf_free(&tpl);
}

static void add_title_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.item.title = edit_keep(ui, answer);
	add_ask_text(ui);
}

static void add_id_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (edit_id_taken(ui, answer) || strchr(answer, ' ') || strchr(answer, '\t')) {
		prompt_line(ui, _("id of the new item: "), answer, false, add_id_done);
		ui_message(ui, ROLE_ERROR, _("%s is taken or not a valid id; choose another"), answer);
		return;
	}
	ui->flow.c.item.id = edit_keep(ui, answer);
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
	const struct catalog *c = edit_shown(ui);
	uint32_t i = ui->flow.item, parent;
	struct change *ch = &ui->flow.c;
	enum item_kind kind;
	const char *id = NULL, *label = NULL;
	char prefix[512];

	(void)answer;
	ch->target = NULL;
	if (key == 'c') {
		parent = i;
		ch->parent = edit_keep(ui, c->items[i].id);
		kind = child_kind(c, i);
	} else {
		parent = c->items[i].parent;
		ch->after = edit_keep(ui, c->items[i].id);
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

void edit_add(struct ui *ui)
{
	if (!edit_begin(ui, OP_ADD))
		return;
	/* Nothing goes below a list entry: add after it. */
	if (edit_item(ui)->kind == ITEM_ENTRY) {
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

	edit_strip_comments(text);
	strbuf_init(&body);
	for (line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "== ", 3) == 0) {
			if (n)
				parts[n - 1].text = edit_keep(ui, edit_trim(body.data ? body.data : (char[]){ 0 }));
			strbuf_reset(&body);
			if (n == 32)
				break;
			memset(&parts[n], 0, sizeof(parts[n]));
			parts[n].kind = -1;
			parts[n].id = edit_keep(ui, edit_trim(line + 3));
			n++;
		} else if (n) {
			strbuf_adds(&body, line);
			strbuf_addc(&body, '\n');
		}
	}
	if (n && n < 32)
		parts[n - 1].text = edit_keep(ui, edit_trim(body.data ? body.data : (char[]){ 0 }));
	strbuf_free(&body);
	*out = n ? arena_alloc(&ui->flow.scratch, n * sizeof(**out)) : NULL;
	if (!*out)
		return 0;
	memcpy(*out, parts, n * sizeof(parts[0]));
	return n;
}

/* The parts as written; too few, or one without a new id or a text, is
 * a problem for the editor to show above the text. */
static bool split_text(struct ui *ui, char *text, char *problem, size_t size)
{
	const struct item *it = edit_item(ui);
	uint32_t n = parse_parts(ui, text, &ui->flow.c.parts);

	ui->flow.c.part_count = n;
	for (uint32_t k = 0; k < n; k++) {
		if (!ui->flow.c.parts[k].text || !*ui->flow.c.parts[k].text || edit_id_taken(ui, ui->flow.c.parts[k].id)) {
			n = 0;
			break;
		}
		if (it->kind == ITEM_ENTRY)
			ui->flow.c.parts[k].label = it->label;
	}
	if (n < 2) {
		snprintf(problem, size, "%s",
			 _("a split needs at least two parts, each with a new id and a text"));
		return false;
	}
	edit_ask_reason(ui);
	return true;
}

void edit_split(struct ui *ui)
{
	const struct item *it;
	struct strbuf tpl;

	if (!edit_begin(ui, OP_SPLIT))
		return;
	it = edit_item(ui);
	strbuf_init(&tpl);
	strbuf_addf(&tpl, _("# Splitting %s, under %s, into new items.\n"), it->id,
		    parent_place(ui));
	strbuf_addf(&tpl, "%s\n", _("# Write each part as a line \"== id\" followed by its text."));
	add_comment_help(&tpl);
	strbuf_addf(&tpl, "== %s-1\n%s\n\n== %s-2\n\n",
		    it->id, it->text ? it->text : "", it->id);
	edit_in_editor(ui, tpl.data, split_text);
	strbuf_free(&tpl);
}

/* ---- merge -------------------------------------------------------------------------- */

static bool merge_text(struct ui *ui, char *text, char *problem, size_t size)
{
	(void)problem;
	(void)size;
	edit_strip_comments(text);
	if (!*edit_trim(text)) {
		ui_message(ui, ROLE_NORMAL, "%s", _("no text: nothing recorded"));
		ui_flow_cancel(ui);
		return true;
	}
	ui->flow.c.item.text = edit_keep(ui, edit_trim(text));
	edit_ask_reason(ui);
	return true;
}

static void merge_id_done(struct ui *ui, const char *answer, int key)
{
	struct strbuf joined, from;

	(void)key;
	if (edit_id_taken(ui, answer)) {
		prompt_line(ui, _("id of the merged item: "), answer, false, merge_id_done);
		ui_message(ui, ROLE_ERROR, _("%s is taken or not a valid id; choose another"), answer);
		return;
	}
	ui->flow.c.item.id = edit_keep(ui, answer);
	strbuf_init(&joined);
	strbuf_init(&from);
	for (uint32_t k = 0; k < ui->flow.c.target_count; k++)
		strbuf_addf(&from, "%s%s", k ? " " : "", ui->flow.c.targets[k]);
	strbuf_addf(&joined, _("# The text of the merged item %s, from %s, under %s.\n"),
		    answer, from.data ? from.data : "", parent_place(ui));
	strbuf_free(&from);
	add_comment_help(&joined);
	for (uint32_t k = 0; k < ui->flow.c.target_count; k++) {
		const struct item *t = catalog_item(edit_shown(ui), catalog_find(edit_shown(ui), ui->flow.c.targets[k]));

		if (t->text)
			strbuf_addf(&joined, "%s%s", k ? "\n" : "", t->text);
	}
	edit_in_editor(ui, joined.data ? joined.data : "", merge_text);
	strbuf_free(&joined);
}

static void merge_targets_done(struct ui *ui, const char *answer, int key)
{
	const char **ids;
	uint32_t n = edit_split_words(ui, answer, &ids);
	char suggestion[512];

	(void)key;
	for (uint32_t k = 0; k < n; k++) {
		if (!edit_id_taken(ui, ids[k])) {
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
		const struct item *first = catalog_item(edit_shown(ui), catalog_find(edit_shown(ui), ids[0]));

		if (first->kind == ITEM_ENTRY)
			ui->flow.c.item.label = edit_keep(ui, first->label);
	}
	snprintf(suggestion, sizeof(suggestion), "%s+", ids[0]);
	prompt_line(ui, _("id of the merged item: "), suggestion, false, merge_id_done);
}

void edit_merge(struct ui *ui)
{
	const struct catalog *c = edit_shown(ui);
	uint32_t next;
	char initial[1024];

	if (!edit_begin(ui, OP_MERGE))
		return;
	ui->flow.c.target = NULL;
	next = c->items[ui->flow.item].next_sibling;
	snprintf(initial, sizeof(initial), "%s %s", edit_item(ui)->id,
		 next != ITEM_NONE ? c->items[next].id : "");
	prompt_line(ui, _("items to merge (ids, separated by spaces): "), initial, false,
		    merge_targets_done);
}
