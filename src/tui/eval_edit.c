/* Recording on the item shown: a result by one key, and procedures,
 * evidence, findings, sampling, the decision, a comment and the sign-off
 * through short chains of prompts on the message line.  Each ends by
 * saving the evaluation file at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_view.h"
#include "kijun/eval_words.h"
#include "kijun/change_check.h"
#include "kijun/evaluation_io.h"
#include "kijun/evaluation_scope.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "ui.h"

static struct eval_item *current(struct ui *ui)
{
	return &ui->eval->e->items[ui->eval->cur];
}

/* An answer kept until the chain ends; NULL for a blank one. */
static const char *keep(struct ui *ui, const char *answer)
{
	if (!answer || text_is_blank(answer))
		return NULL;
	return arena_strdup(&ui->eval->scratch, answer);
}

/* Marks the item touched today and saves; the scratch answers go. */
static void record(struct ui *ui, const char *what)
{
	struct eval_item *it = current(ui);

	it->updated = evaluation_strdup(ui->eval->e, session_date(ui->s));
	if (it->state == ESTATE_TODO)
		it->state = ESTATE_DOING;
	arena_free(&ui->eval->scratch);
	if (eval_save(ui))
		ui_message(ui, ROLE_NORMAL, _("%s: %s (saved)"), it->id, what);
}

static void no_memory(struct ui *ui)
{
	ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
}

/* ---- the result ----------------------------------------------------------- */

void eval_edit_result(struct ui *ui, enum eval_result r)
{
	struct eval_item *it = current(ui);

	if (!evaluation_set_result(ui->eval->e, it, r, session_date(ui->s))) {
		ui_message(ui, ROLE_ERROR, _("%s: the findings allow at best %s (a deficiency stands)"),
			   it->id, eval_words_result(evaluation_result_bound(it)));
		return;
	}
	/* Evaluated again on the text it has now: no longer flagged. */
	if (r != RESULT_NONE && !evaluation_scope_rehash(ui->eval->e, it, session_resolution(ui->s))) {
		no_memory(ui);
		return;
	}
	record(ui, eval_words_result(r));
}

/* ---- procedures ---------------------------------------------------------------- */

static void procedure_subject(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->proc.subject = answer;
	if (!evaluation_add_procedure(ui->eval->e, current(ui), &ui->eval->proc)) {
		no_memory(ui);
		return;
	}
	record(ui, eval_words_method((enum eval_method)ui->eval->proc.method));
}

static void procedure_method(struct ui *ui, const char *answer, int key)
{
	static const char keys[] = "iqor";

	(void)answer;
	ui->eval->proc.method = (uint8_t)(strchr(keys, key) - keys);
	prompt_line(ui, _("what was looked at, asked, watched or redone: "), NULL, false,
		    procedure_subject);
}

void eval_edit_procedure(struct ui *ui)
{
	memset(&ui->eval->proc, 0, sizeof(ui->eval->proc));
	prompt_key(ui, _("procedure: i inspection  q inquiry  o observation  r reperformance "),
		   "iqor", procedure_method);
}

/* ---- evidence ----------------------------------------------------------------- */

static void evidence_file(struct ui *ui, const char *answer, int key)
{
	struct eval_evidence *v = &ui->eval->evidence;
	struct diag_list diags;
	char hash[72], *path;

	(void)key;
	v->file = NULL;
	v->sha256 = NULL;
	if (!text_is_blank(answer)) {
		if (answer[0] == '/' || strstr(answer, "..")) {
			prompt_line(ui, _("file beside the evaluation (optional): "), answer, true,
				    evidence_file);
			ui_message(ui, ROLE_ERROR, "%s",
				   _("name the file relative to the evaluation's folder, without .."));
			return;
		}
		path = evaluation_files_beside(ui->eval->path, answer);
		diag_list_init(&diags);
		if (!path || !evaluation_files_hash(path, hash, &diags)) {
			free(path);
			diag_list_free(&diags);
			prompt_line(ui, _("file beside the evaluation (optional): "), answer, true,
				    evidence_file);
			ui_message(ui, ROLE_ERROR, _("cannot read %s: give another file, or none"),
				   answer);
			return;
		}
		free(path);
		diag_list_free(&diags);
		v->file = answer;
		v->sha256 = hash;
	}
	v->obtained = session_date(ui->s);
	v->by = *session_author(ui->s) ? session_author(ui->s) : NULL;
	if (!evaluation_add_evidence(ui->eval->e, current(ui), v)) {
		no_memory(ui);
		return;
	}
	record(ui, _("evidence added"));
}

static void evidence_where(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->evidence.where = keep(ui, answer);
	prompt_line(ui, _("file beside the evaluation (optional): "), NULL, true, evidence_file);
}

static void evidence_what(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->evidence.what = keep(ui, answer);
	prompt_line(ui, _("where it is kept (optional): "), NULL, true, evidence_where);
}

void eval_edit_evidence(struct ui *ui)
{
	memset(&ui->eval->evidence, 0, sizeof(ui->eval->evidence));
	prompt_line(ui, _("evidence, what it is: "), NULL, false, evidence_what);
}

/* ---- findings ------------------------------------------------------------------ */

static void finding_urgency(struct ui *ui, const char *answer, int key)
{
	struct eval_item *it = current(ui);
	enum eval_result before = (enum eval_result)it->result;

	(void)answer;
	ui->eval->finding.urgency = key == 'u' ? URGENCY_URGENT : URGENCY_NORMAL;
	ui->eval->finding.state = FSTATE_OPEN;
	if (!evaluation_add_finding(ui->eval->e, it, &ui->eval->finding)) {
		no_memory(ui);
		return;
	}
	if (evaluation_clamp_result(it)) {
		record(ui, _("finding added"));
		ui_message(ui, ROLE_ERROR, _("%s: finding added; the result %s became %s (saved)"),
			   it->id, eval_words_result(before),
			   eval_words_result((enum eval_result)it->result));
		return;
	}
	record(ui, _("finding added"));
}

static void finding_due(struct ui *ui, const char *answer, int key)
{
	(void)key;
	if (!text_is_blank(answer) && !change_check_date(answer)) {
		prompt_line(ui, _("due date of the remediation, YYYY-MM-DD (optional): "), answer,
			    true, finding_due);
		ui_message(ui, ROLE_ERROR, "%s", _("write the date as YYYY-MM-DD, or leave it empty"));
		return;
	}
	ui->eval->finding.due = keep(ui, answer);
	prompt_key(ui, _("urgency: n normal  u urgent "), "nu", finding_urgency);
}

static void finding_owner(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->finding.owner = keep(ui, answer);
	prompt_line(ui, _("due date of the remediation, YYYY-MM-DD (optional): "), NULL, true,
		    finding_due);
}

static void finding_cause(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->finding.cause = keep(ui, answer);
	prompt_line(ui, _("who remediates (optional): "), NULL, true, finding_owner);
}

static void finding_text(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->finding.text = keep(ui, answer);
	prompt_line(ui, _("root cause (optional): "), NULL, true, finding_cause);
}

static void finding_grade(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	ui->eval->finding.grade = (uint8_t)(key - '1');
	prompt_line(ui, _("the finding: "), NULL, false, finding_text);
}

void eval_edit_finding(struct ui *ui)
{
	memset(&ui->eval->finding, 0, sizeof(ui->eval->finding));
	prompt_key(ui, _("grade: 1 major  2 minor  3 observation  4 improvement  5 good practice "),
		   "12345", finding_grade);
}

/* ---- sampling ----------------------------------------------------------------- */

static void sampling_deviations(struct ui *ui, const char *answer, int key)
{
	struct eval_item *it = current(ui);
	struct eval_sampling *s = &ui->eval->sampling;

	(void)key;
	s->deviations = keep(ui, answer);
	/* Copied into the evaluation: the scratch answers go when recorded. */
	it->sampling.population = evaluation_strdup(ui->eval->e, s->population);
	it->sampling.period = evaluation_strdup(ui->eval->e, s->period);
	it->sampling.deviations = evaluation_strdup(ui->eval->e, s->deviations);
	it->sampling.frequency = s->frequency;
	it->sampling.size = s->size;
	it->has_sampling = true;
	record(ui, _("sampling recorded"));
}

static void sampling_ids(struct ui *ui, const char *answer, int key)
{
	struct eval_item *it = current(ui);
	char *copy = strdup(answer), *save = NULL;

	(void)key;
	if (!copy) {
		no_memory(ui);
		return;
	}
	/* The list typed replaces the one before. */
	it->sampling.sample_count = 0;
	for (char *t = strtok_r(copy, " ,\t", &save); t; t = strtok_r(NULL, " ,\t", &save))
		if (!evaluation_add_sample(ui->eval->e, it, t))
			no_memory(ui);
	free(copy);
	prompt_line(ui, _("deviations found (optional): "), it->sampling.deviations, true,
		    sampling_deviations);
}

static void sampling_size(struct ui *ui, const char *answer, int key)
{
	struct eval_item *it = current(ui);
	struct strbuf ids;
	char *end;
	long n = strtol(answer, &end, 10);

	(void)key;
	if (!text_is_blank(answer) && (*end || n < 0 || n > 100000)) {
		prompt_line(ui, _("sample size: "), answer, true, sampling_size);
		ui_message(ui, ROLE_ERROR, "%s", _("the sample size is a whole number"));
		return;
	}
	ui->eval->sampling.size = text_is_blank(answer) ? 0 : (uint32_t)n;
	strbuf_init(&ids);
	for (uint32_t k = 0; k < it->sampling.sample_count; k++)
		strbuf_addf(&ids, "%s%s", k ? " " : "", it->sampling.samples[k]);
	prompt_line(ui, _("sample ids, separated by spaces: "), ids.data, true, sampling_ids);
	strbuf_free(&ids);
}

static void sampling_period(struct ui *ui, const char *answer, int key)
{
	char size[16] = "";
	uint32_t want = evaluation_sample_suggestion((enum eval_frequency)ui->eval->sampling.frequency);

	(void)key;
	ui->eval->sampling.period = keep(ui, answer);
	if (current(ui)->sampling.size)
		snprintf(size, sizeof(size), "%u", current(ui)->sampling.size);
	else if (want)
		snprintf(size, sizeof(size), "%u", want);
	prompt_line(ui, _("sample size: "), size, true, sampling_size);
}

static void sampling_population(struct ui *ui, const char *answer, int key)
{
	struct evaluation *e = ui->eval->e;
	char period[32] = "";

	(void)key;
	ui->eval->sampling.population = keep(ui, answer);
	if (current(ui)->sampling.period)
		snprintf(period, sizeof(period), "%.31s", current(ui)->sampling.period);
	else if (e->period_from && e->period_to)
		snprintf(period, sizeof(period), "%s..%s", e->period_from, e->period_to);
	prompt_line(ui, _("period sampled: "), period, true, sampling_period);
}

static void sampling_frequency(struct ui *ui, const char *answer, int key)
{
	static const char keys[] = "-xdwmqy";

	(void)answer;
	ui->eval->sampling.frequency = (uint8_t)(strchr(keys, key) - keys);
	prompt_line(ui, _("population: "), current(ui)->sampling.population, true,
		    sampling_population);
}

void eval_edit_sampling(struct ui *ui)
{
	memset(&ui->eval->sampling, 0, sizeof(ui->eval->sampling));
	prompt_key(ui, _("control frequency: x more than daily  d daily  w weekly  m monthly  q quarterly  y yearly  - none "),
		   "xdwmqy-", sampling_frequency);
}

/* ---- governance figures (III.1) ----------------------------------------------- */

static struct gov_data *figures(struct ui *ui)
{
	struct gov_data *g = evaluation_gov_data(ui->eval->e, current(ui));

	if (!g)
		no_memory(ui);
	return g;
}

static uint8_t answer_of(int key)
{
	return key == 'y' ? ANSWER_YES : key == 'n' ? ANSWER_NO : ANSWER_UNKNOWN;
}

static void top_reporting(struct ui *ui, const char *answer, int key)
{
	struct gov_data *g = figures(ui);

	(void)answer;
	if (!g)
		return;
	g->reporting = answer_of(key);
	record(ui, _("figures recorded"));
}

static void top_informed(struct ui *ui, const char *answer, int key)
{
	struct gov_data *g = figures(ui);

	(void)answer;
	if (!g)
		return;
	g->informed = answer_of(key);
	prompt_key(ui, _("does the reporting to top management work? y yes  n no  ? not known "),
		   "yn?", top_reporting);
}

static void risk_text(struct ui *ui, const char *answer, int key)
{
	struct gov_data *g = figures(ui);

	(void)key;
	if (!g)
		return;
	if (!evaluation_gov_add_risk(ui->eval->e, g, answer)) {
		no_memory(ui);
		return;
	}
	record(ui, _("figures recorded"));
}

/* "AWARE/TOTAL": a group's count replaces the one of the same name. */
static void group_count(struct ui *ui, const char *answer, int key)
{
	struct gov_group *x = &ui->eval->gov_group;
	struct gov_data *g = figures(ui);
	unsigned long aware, total;
	char *end;

	(void)key;
	if (!g)
		return;
	aware = strtoul(answer, &end, 10);
	if (end == answer || *end != '/' ||
	    (total = strtoul(end + 1, &end, 10), *end != '\0') || aware > total ||
	    total > 100000000) {
		prompt_line(ui, _("staff aware/all: "), answer, false, group_count);
		ui_message(ui, ROLE_ERROR, "%s", _("write the count as AWARE/TOTAL, for example 420/600"));
		return;
	}
	x->aware = (uint32_t)aware;
	x->total = (uint32_t)total;
	for (uint32_t k = 0; k < g->group_count; k++) {
		if (g->groups[k].group && strcmp(g->groups[k].group, x->group) == 0) {
			g->groups[k].aware = x->aware;
			g->groups[k].total = x->total;
			record(ui, _("figures recorded"));
			return;
		}
	}
	if (!evaluation_gov_add_group(ui->eval->e, g, x)) {
		no_memory(ui);
		return;
	}
	record(ui, _("figures recorded"));
}

static void group_name(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->gov_group.group = keep(ui, answer);
	prompt_line(ui, _("staff aware/all: "), NULL, false, group_count);
}

static void awareness_what(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'r')
		prompt_line(ui, _("a key risk: "), NULL, false, risk_text);
	else
		prompt_line(ui, _("group (for example officers, staff): "), NULL, false, group_name);
}

/* A department's target replaces the one of the same department. */
static void target_reach(struct ui *ui, const char *answer, int key)
{
	static const char keys[] = "?rpn";
	struct gov_target *x = &ui->eval->gov_target;
	struct gov_data *g = figures(ui);

	(void)answer;
	if (!g)
		return;
	x->reached = (uint8_t)(strchr(keys, key) - keys);
	for (uint32_t k = 0; k < g->target_count; k++) {
		struct gov_target *t = &g->targets[k];

		if (t->department && strcmp(t->department, x->department) == 0) {
			t->target = evaluation_strdup(ui->eval->e, x->target);
			t->actual = evaluation_strdup(ui->eval->e, x->actual);
			t->reached = x->reached;
			record(ui, _("figures recorded"));
			return;
		}
	}
	if (!evaluation_gov_add_target(ui->eval->e, g, x)) {
		no_memory(ui);
		return;
	}
	record(ui, _("figures recorded"));
}

static void target_actual(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->gov_target.actual = keep(ui, answer);
	prompt_key(ui, _("reached? r reached  p partly  n not reached  ? not known "), "rpn?",
		   target_reach);
}

static void target_text(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->gov_target.target = keep(ui, answer);
	prompt_line(ui, _("actual: "), NULL, true, target_actual);
}

static void target_department(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->eval->gov_target.department = keep(ui, answer);
	prompt_line(ui, _("its target: "), NULL, false, target_text);
}

void eval_edit_figures(struct ui *ui)
{
	memset(&ui->eval->gov_group, 0, sizeof(ui->eval->gov_group));
	memset(&ui->eval->gov_target, 0, sizeof(ui->eval->gov_target));
	switch (evaluation_measure_of(current(ui)->id)) {
	case GOV_TOP_MANAGEMENT:
		prompt_key(ui, _("is top management informed of current threats and trends? y yes  n no  ? not known "),
			   "yn?", top_informed);
		break;
	case GOV_RISK_AWARENESS:
		prompt_key(ui, _("r add a key risk  g record a group's count "), "rg", awareness_what);
		break;
	case GOV_TARGETS:
		prompt_line(ui, _("department: "), NULL, false, target_department);
		break;
	default:
		break;
	}
}

/* ---- state, decision, comment, sign-off ------------------------------------------- */

static void state_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	current(ui)->state = (uint8_t)(key - '1');
	record(ui, eval_words_state((enum eval_state)(key - '1')));
}

void eval_edit_state(struct ui *ui)
{
	prompt_key(ui, _("state: 1 not started  2 in progress  3 awaiting review  4 complete "),
		   "1234", state_done);
}

static void decision_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	current(ui)->decision = text_is_blank(answer) ? NULL : evaluation_strdup(ui->eval->e, answer);
	record(ui, _("decision recorded"));
}

void eval_edit_decision(struct ui *ui)
{
	prompt_line(ui, _("decision (why a partly effective design goes on to operation): "),
		    current(ui)->decision, true, decision_done);
}

static void comment_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	current(ui)->comment = text_is_blank(answer) ? NULL : evaluation_strdup(ui->eval->e, answer);
	record(ui, _("comment recorded"));
}

void eval_edit_comment(struct ui *ui)
{
	prompt_line(ui, _("comment: "), current(ui)->comment, true, comment_done);
}

static void signoff_done(struct ui *ui, const char *answer, int key)
{
	struct eval_item *it = current(ui);
	const char *who = evaluation_strdup(ui->eval->e, session_author(ui->s));
	const char *when = evaluation_strdup(ui->eval->e, session_date(ui->s));

	(void)answer;
	/* As on a working paper: preparing sends it to review, reviewing
	 * completes it. */
	if (key == 'p') {
		it->preparer = who;
		it->prepared = when;
		if (it->state != ESTATE_DONE)
			it->state = ESTATE_REVIEW;
	} else {
		it->reviewer = who;
		it->reviewed = when;
		it->state = ESTATE_DONE;
	}
	record(ui, key == 'p' ? _("signed as preparer") : _("signed as reviewer"));
}

void eval_edit_signoff(struct ui *ui)
{
	if (!*session_author(ui->s) || !*session_date(ui->s)) {
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(SESSION_NO_AUTHOR)));
		return;
	}
	prompt_key(ui, _("sign off as: p preparer  r reviewer "), "pr", signoff_done);
}
