/* What the wizard adds to the editing keys on a step page: a level for a
 * whole branch (step 6) and a NIST CSF 2.0 subcategory picked as a
 * detailed control (step 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/wizard.h"
#include "ui.h"
#include "wizard.h"

/* ---- a level for a whole branch (page 6) ------------------------------------------ */

static void bulk_reason_done(struct ui *ui, const char *answer, int key)
{
	const struct resolution *r = session_resolution(ui->s);
	uint32_t top = ui->flow.item, n = 0, done = 0;
	char **ids;

	(void)key;
	if (!r || top == ITEM_NONE) {
		ui_flow_cancel(ui);
		return;
	}
	/* By id: every change resolves the tailoring again. */
	ids = calloc(r->cat.count, sizeof(*ids));
	for (uint32_t i = top; ids && i != ITEM_NONE && (i == top || catalog_is_within(&r->cat, i, top));
	     i = catalog_next(&r->cat, i))
		if (wizard_concerns(6, r, i) && r->info[i].level == LEVEL_NONE)
			ids[n++] = strdup(r->cat.items[i].id);
	/* One undo step for the branch: u takes it all back. */
	session_group_begin(ui->s);
	for (uint32_t k = 0; k < n; k++) {
		struct change c = ui->flow.c;
		struct session_result res;

		if (!ids[k])
			continue;
		c.target = ids[k];
		c.step = 6;
		c.reason = answer;
		done += session_apply(ui->s, &c, &res) == SESSION_OK;
		free(ids[k]);
	}
	session_group_end(ui->s);
	free(ids);
	ui_remember(ui);
	ui_reload(ui, NULL);
	ui_message(ui, ROLE_NORMAL, _("recorded: %s on %u items (not saved yet: s saves)"),
		   change_op_label(OP_LEVEL), done);
	ui_flow_cancel(ui);
}

static void bulk_level_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	ui->flow.c.level = key == '1' ? LEVEL_MANDATORY : LEVEL_RECOMMENDED;
	prompt_reason(ui, 6, bulk_reason_done);
}

void wizard_bulk_level(struct ui *ui)
{
	char label[256];
	uint32_t cur = outline_current(&ui->tree);

	if (cur == ITEM_NONE || ui->identity != SESSION_OK)
		return;
	wizard_flow_begin(ui, OP_LEVEL);
	ui->flow.item = cur;
	snprintf(label, sizeof(label), "%s 1:%s 2:%s ", _("level for every item below without one?"),
		 item_level_label(LEVEL_MANDATORY), item_level_label(LEVEL_RECOMMENDED));
	prompt_key(ui, label, "12", bulk_level_done);
}

/* ---- step 3: a control of another standard ------------------------------------------ */

/* The catalog step 3 picks from: a built-in one by its id (csf-2.0 by
 * default), else a catalog file opened beside the tailoring. */
static bool pick_catalog_load(struct ui *ui, struct catalog *c)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	ok = catalog_load_builtin_id(c, ui->flow.pick_from, &diags);
	if (!ok && !diag_any(&diags))
		ok = catalog_load_file(c, ui->flow.pick_from, &diags);
	if (!ok) {
		char line[512];

		if (diags.count)
			diag_format(&diags.items[0], line, sizeof(line));
		else
			snprintf(line, sizeof(line), "%s", _("out of memory"));
		ui_message(ui, ROLE_ERROR, "%s", line);
	}
	diag_list_free(&diags);
	return ok;
}

/* How the source names a picked control: "NIST CSF 2.0 GV.OC-01" for the
 * built-in CSF, else the catalog's title (or id) and the control's id. */
static void pick_source_ref(const struct catalog *c, bool csf, const char *id, char *out,
			    size_t size)
{
	const char *name = csf ? "NIST CSF 2.0" : c->title && *c->title ? c->title : c->id;

	snprintf(out, size, "%s %s", name ? name : "", id);
}

static void pick_control_done(struct ui *ui, const char *answer, int key)
{
	struct catalog from;
	bool csf = strcmp(ui->flow.pick_from, "csf-2.0") == 0;
	uint32_t i;
	char ref[256];

	(void)key;
	if (!pick_catalog_load(ui, &from)) {
		ui_flow_cancel(ui);
		return;
	}
	i = catalog_find(&from, answer);
	if (i == ITEM_NONE || (from.items[i].kind != ITEM_CONTROL && (csf || from.items[i].kind != ITEM_DETAIL))) {
		if (csf)
			ui_message(ui, ROLE_ERROR, _("%s is not a subcategory of NIST CSF 2.0 (such as GV.OC-01)"),
				   answer);
		else
			ui_message(ui, ROLE_ERROR, _("%s is not a control of %s"), answer,
				   ui->flow.pick_from);
		catalog_free(&from);
		ui_flow_cancel(ui);
		return;
	}
	/* A detailed control under the chosen item, named and sourced by the
	 * picked control, its text the other standard's own. */
	ui->flow.c.item.id = edit_keep(ui, from.items[i].id);
	ui->flow.c.item.text = edit_keep(ui, from.items[i].text && *from.items[i].text && !csf
					      ? from.items[i].text : from.items[i].title);
	ui->flow.c.item.kind = ITEM_DETAIL;
	ui->flow.c.source = SOURCE_STANDARD;
	pick_source_ref(&from, csf, from.items[i].id, ref, sizeof(ref));
	ui->flow.c.source_ref = edit_keep(ui, ref);
	catalog_free(&from);
	prompt_reason(ui, 3, wizard_reason_done);
}

static void pick_from_done(struct ui *ui, const char *answer, int key)
{
	struct catalog probe;

	(void)key;
	ui->flow.pick_from = edit_keep(ui, answer && *answer ? answer : "csf-2.0");
	/* Said now, before the control is asked, when the catalog cannot open. */
	if (!pick_catalog_load(ui, &probe)) {
		ui_flow_cancel(ui);
		return;
	}
	catalog_free(&probe);
	if (strcmp(ui->flow.pick_from, "csf-2.0") == 0)
		prompt_line(ui, _("NIST CSF 2.0 subcategory (such as GV.OC-01): "), NULL, false,
			    pick_control_done);
	else
		prompt_line(ui, _("the control's id: "), NULL, false, pick_control_done);
}

static void pick_parent_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (catalog_find(session_shown(ui->s), answer) == ITEM_NONE) {
		ui_message(ui, ROLE_ERROR, _("%s is not an item of the standard"), answer);
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.c.parent = edit_keep(ui, answer);
	prompt_line(ui, _("pick from (an id or a catalog FILE): "),
		    "csf-2.0", false, pick_from_done);
}

void wizard_pick_control(struct ui *ui)
{
	uint32_t cur = outline_current(&ui->tree);

	if (ui->identity != SESSION_OK) {
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(ui->identity)));
		return;
	}
	wizard_flow_begin(ui, OP_ADD);
	ui->flow.c.step = 3;
	prompt_line(ui, _("add it under the item: "),
		    cur != ITEM_NONE ? catalog_item(session_shown(ui->s), cur)->id : NULL, false,
		    pick_parent_done);
}

