/* The wizard's page 0: the risk basis entered prompt by prompt, each part
 * recorded as a change at step 0 with its reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/i18n.h"
#include "kijun/risk.h"
#include "kijun/text.h"
#include "ui.h"
#include "wizard.h"

/* A change with no item under the cursor: the basis's, an acknowledge,
 * a pick (which names its parent itself). */
void wizard_flow_begin(struct ui *ui, enum change_op op)
{
	ui_flow_cancel(ui);
	ui->flow.active = true;
	ui->flow.item = ITEM_NONE;
	ui->flow.c.op = op;
	ui->flow.c.item.kind = -1;
}

void wizard_reason_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.step = change_op_is_basis(ui->flow.c.op) ? STEP_BASIS
			: ui->flow.c.op == OP_ADD ? (uint8_t)ui->prompt.step : ui->flow.c.step;
	ui->flow.c.reason = edit_keep(ui, answer);
	edit_record(ui, &ui->flow.c);
	ui_flow_cancel(ui);
}

static void basis_ask_reason(struct ui *ui)
{
	prompt_reason(ui, STEP_BASIS, wizard_reason_done);
}

static const char *opt(struct ui *ui, const char *answer)
{
	return text_is_blank(answer) ? NULL : edit_keep(ui, answer);
}

struct risk_basis *wizard_basis_now(struct ui *ui, struct risk_basis *b)
{
	struct workspace *w = session_workspace(ui->s);

	if (!w || !risk_basis_build(b, &w->t, session_resolution(ui->s)))
		return NULL;
	return b;
}

static void title_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.scope.title = edit_keep(ui, answer);
	basis_ask_reason(ui);
}

static void org_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.scope.organization = edit_keep(ui, answer);
	basis_ask_reason(ui);
}

static void scope_processes_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.scope.processes = opt(ui, answer);
	basis_ask_reason(ui);
}

static void scope_assets_done(struct ui *ui, const char *answer, int key)
{
	struct risk_basis b;

	(void)key;
	ui->flow.c.scope.assets = opt(ui, answer);
	if (!wizard_basis_now(ui, &b))
		return;
	prompt_line(ui, _("processes in scope: "), b.scope.processes, true, scope_processes_done);
	risk_basis_free(&b);
}

static void scope_sites_done(struct ui *ui, const char *answer, int key)
{
	struct risk_basis b;

	(void)key;
	ui->flow.c.scope.sites = opt(ui, answer);
	if (!wizard_basis_now(ui, &b))
		return;
	prompt_line(ui, _("information assets in scope: "), b.scope.assets, true, scope_assets_done);
	risk_basis_free(&b);
}

static void policy_step(struct ui *ui, const char *answer, int key);

/* The four elements one after another; prompt.step is not used, so the
 * element asked is counted in flow.item. */
static void policy_ask(struct ui *ui)
{
	static const char *const labels[] = {
		N_("1) how risk awareness is shared: "), N_("2) how targets are set: "),
		N_("3) how top management follows them: "), N_("4) how results are evaluated and fed back: "),
	};
	struct risk_basis b;
	const char *now[4];

	if (!wizard_basis_now(ui, &b))
		return;
	now[0] = b.policy.awareness;
	now[1] = b.policy.targets;
	now[2] = b.policy.monitoring;
	now[3] = b.policy.feedback;
	prompt_line(ui, _(labels[ui->flow.item]), now[ui->flow.item], true, policy_step);
	risk_basis_free(&b);
}

static void policy_step(struct ui *ui, const char *answer, int key)
{
	const char **slot[] = { &ui->flow.c.policy.awareness, &ui->flow.c.policy.targets,
				&ui->flow.c.policy.monitoring, &ui->flow.c.policy.feedback };

	(void)key;
	*slot[ui->flow.item] = opt(ui, answer);
	if (++ui->flow.item < 4)
		policy_ask(ui);
	else
		basis_ask_reason(ui);
}

static void scale_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.scale_count = edit_split_words(ui, answer, &ui->flow.c.scale);
	basis_ask_reason(ui);
}

/* A risk, prompt by prompt: id, description, asset, properties, level,
 * target level, deadline, owner; an existing id starts from its values. */
static void risk_step(struct ui *ui, const char *answer, int key);

static void risk_ask(struct ui *ui)
{
	static const char *const labels[] = {
		N_("risk id: "), N_("description: "), N_("information asset (optional): "),
		N_("affected properties, some of C I A (optional): "), N_("level: "),
		N_("target level (optional): "), N_("by (YYYY-MM-DD, optional): "),
		N_("owner (optional): "),
	};
	struct risk *k = &ui->flow.c.risk;
	const char *now[] = { k->id, k->description, k->asset, k->properties, k->level,
			      k->target_level, k->deadline, k->owner };
	char label[256];

	snprintf(label, sizeof(label), "%s", _(labels[ui->flow.item]));
	prompt_line(ui, label, now[ui->flow.item], ui->flow.item >= 2 && ui->flow.item != 4,
		    risk_step);
}

static void risk_step(struct ui *ui, const char *answer, int key)
{
	struct risk *k = &ui->flow.c.risk;
	const char **slot[] = { &k->id, &k->description, &k->asset, &k->properties, &k->level,
				&k->target_level, &k->deadline, &k->owner };

	(void)key;
	*slot[ui->flow.item] = opt(ui, answer);
	if (ui->flow.item == 0 && k->id) {
		struct risk_basis b;
		const struct risk *old;

		/* Changing a risk starts from what it says now. */
		if (wizard_basis_now(ui, &b)) {
			old = risk_basis_find(&b, k->id);
			if (old) {
				struct risk copy = *old;

				k->description = edit_keep(ui, copy.description);
				k->asset = edit_keep(ui, copy.asset);
				k->properties = edit_keep(ui, copy.properties);
				k->level = edit_keep(ui, copy.level);
				k->target_level = edit_keep(ui, copy.target_level);
				k->deadline = edit_keep(ui, copy.deadline);
				k->owner = edit_keep(ui, copy.owner);
			}
			risk_basis_free(&b);
		}
	}
	if (++ui->flow.item < 8)
		risk_ask(ui);
	else
		basis_ask_reason(ui);
}

static void remove_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.risk.id = edit_keep(ui, answer);
	ui->flow.c.remove = true;
	basis_ask_reason(ui);
}

bool wizard_basis_key(struct ui *ui, wint_t ch)
{
	if (ui->identity != SESSION_OK) {
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(ui->identity)));
		return true;
	}
	switch (ch) {
	case '0': {
		/* The title is the tailoring's name: a scope change, so it
		 * has a reason and undoes like the rest of the basis. */
		struct risk_basis b;

		wizard_flow_begin(ui, OP_SCOPE);
		if (!wizard_basis_now(ui, &b))
			return true;
		prompt_line(ui, _("title of the tailoring: "), b.title, false, title_done);
		risk_basis_free(&b);
		return true;
	}
	case '1':
		wizard_flow_begin(ui, OP_SCOPE);
		prompt_line(ui, _("organization: "), NULL, false, org_done);
		return true;
	case '2': {
		struct risk_basis b;

		wizard_flow_begin(ui, OP_SCOPE);
		if (!wizard_basis_now(ui, &b))
			return true;
		prompt_line(ui, _("sites in scope: "), b.scope.sites, true, scope_sites_done);
		risk_basis_free(&b);
		return true;
	}
	case '3':
		wizard_flow_begin(ui, OP_POLICY);
		ui->flow.item = 0;
		policy_ask(ui);
		return true;
	case '4':
		wizard_flow_begin(ui, OP_SCALE);
		prompt_line(ui, _("risk levels, highest first (such as 高 中 低): "), NULL, false,
			    scale_done);
		return true;
	case '5':
		wizard_flow_begin(ui, OP_RISK);
		ui->flow.item = 0;
		risk_ask(ui);
		return true;
	case '6':
		wizard_flow_begin(ui, OP_RISK);
		prompt_line(ui, _("remove the risk with id: "), NULL, false, remove_done);
		return true;
	default:
		return false;
	}
}

