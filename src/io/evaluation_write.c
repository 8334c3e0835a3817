/* Writes an evaluation in canonical form: fixed key order, items in the
 * order of the individual standard, so that two auditors' work merges in
 * git item by item. */
#include "kijun/evaluation_io.h"

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "yaml_writer.h"

static void write_procedures(struct ywriter *w, const struct eval_item *it)
{
	if (!it->procedure_count)
		return;
	yw_string(w, "procedures");
	yw_sequence_begin(w);
	for (uint32_t k = 0; k < it->procedure_count; k++) {
		yw_mapping_begin(w);
		yw_pair(w, "method", evaluation_method_names[it->procedures[k].method]);
		yw_pair(w, "subject", it->procedures[k].subject);
		yw_mapping_end(w);
	}
	yw_sequence_end(w);
}

static void write_sampling(struct ywriter *w, const struct eval_item *it)
{
	const struct eval_sampling *s = &it->sampling;

	if (!it->has_sampling)
		return;
	yw_string(w, "sampling");
	yw_mapping_begin(w);
	yw_pair(w, "population", s->population);
	yw_pair(w, "period", s->period);
	if (s->frequency != FREQ_NONE)
		yw_pair(w, "frequency", evaluation_frequency_names[s->frequency]);
	if (s->size)
		yw_int(w, "size", s->size);
	if (s->sample_count) {
		yw_string(w, "samples");
		yw_sequence_begin(w);
		for (uint32_t k = 0; k < s->sample_count; k++)
			yw_string(w, s->samples[k]);
		yw_sequence_end(w);
	}
	yw_pair(w, "deviations", s->deviations);
	yw_mapping_end(w);
}

static void write_evidence(struct ywriter *w, const struct eval_item *it)
{
	if (!it->evidence_count)
		return;
	yw_string(w, "evidence");
	yw_sequence_begin(w);
	for (uint32_t k = 0; k < it->evidence_count; k++) {
		const struct eval_evidence *v = &it->evidence[k];

		yw_mapping_begin(w);
		yw_pair(w, "what", v->what);
		yw_pair(w, "where", v->where);
		yw_pair(w, "obtained", v->obtained);
		yw_pair(w, "by", v->by);
		yw_pair(w, "file", v->file);
		yw_pair(w, "sha256", v->sha256);
		yw_mapping_end(w);
	}
	yw_sequence_end(w);
}

static void write_findings(struct ywriter *w, const struct eval_item *it)
{
	if (!it->finding_count)
		return;
	yw_string(w, "findings");
	yw_sequence_begin(w);
	for (uint32_t k = 0; k < it->finding_count; k++) {
		const struct eval_finding *f = &it->findings[k];

		yw_mapping_begin(w);
		yw_pair(w, "grade", evaluation_grade_names[f->grade]);
		yw_pair(w, "text", f->text);
		yw_pair(w, "cause", f->cause);
		yw_pair(w, "owner", f->owner);
		yw_pair(w, "due", f->due);
		yw_pair(w, "urgency", evaluation_urgency_names[f->urgency]);
		yw_pair(w, "state", evaluation_fstate_names[f->state]);
		yw_mapping_end(w);
	}
	yw_sequence_end(w);
}

/* A governance measure's figures (III.1), after its result. */
static void write_gov(struct ywriter *w, const struct eval_item *it)
{
	const struct gov_data *g = it->gov;

	if (!g)
		return;
	if (evaluation_measure_of(it->id) == GOV_TOP_MANAGEMENT) {
		yw_pair(w, "informed", evaluation_answer_names[g->informed]);
		yw_pair(w, "reporting", evaluation_answer_names[g->reporting]);
	}
	if (g->risk_count) {
		yw_string(w, "risks");
		yw_sequence_begin(w);
		for (uint32_t k = 0; k < g->risk_count; k++)
			yw_string(w, g->risks[k]);
		yw_sequence_end(w);
	}
	if (g->group_count) {
		yw_string(w, "groups");
		yw_sequence_begin(w);
		for (uint32_t k = 0; k < g->group_count; k++) {
			yw_mapping_begin(w);
			yw_pair(w, "group", g->groups[k].group);
			yw_int(w, "aware", (long)g->groups[k].aware);
			yw_int(w, "total", (long)g->groups[k].total);
			yw_mapping_end(w);
		}
		yw_sequence_end(w);
	}
	if (g->target_count) {
		yw_string(w, "targets");
		yw_sequence_begin(w);
		for (uint32_t k = 0; k < g->target_count; k++) {
			const struct gov_target *t = &g->targets[k];

			yw_mapping_begin(w);
			yw_pair(w, "department", t->department);
			yw_pair(w, "target", t->target);
			yw_pair(w, "actual", t->actual);
			yw_pair(w, "reached", evaluation_reach_names[t->reached]);
			yw_mapping_end(w);
		}
		yw_sequence_end(w);
	}
}

static void write_item(struct ywriter *w, const struct eval_item *it)
{
	yw_mapping_begin(w);
	yw_pair(w, "id", it->id);
	yw_pair(w, "text_hash", it->text_hash);
	if (it->last.has) {
		yw_string(w, "last");
		yw_mapping_begin(w);
		yw_pair(w, "result", evaluation_result_names[it->last.result]);
		yw_pair(w, "text_hash", it->last.text_hash);
		yw_pair(w, "updated", it->last.updated);
		yw_mapping_end(w);
	}
	yw_pair(w, "state", evaluation_state_names[it->state]);
	yw_pair(w, "result", evaluation_result_names[it->result]);
	write_gov(w, it);
	yw_pair(w, "decision", it->decision);
	write_procedures(w, it);
	write_sampling(w, it);
	write_evidence(w, it);
	write_findings(w, it);
	yw_pair(w, "comment", it->comment);
	if (it->preparer || it->prepared || it->reviewer || it->reviewed) {
		yw_string(w, "signoff");
		yw_mapping_begin(w);
		yw_pair(w, "preparer", it->preparer);
		yw_pair(w, "prepared", it->prepared);
		yw_pair(w, "reviewer", it->reviewer);
		yw_pair(w, "reviewed", it->reviewed);
		yw_mapping_end(w);
	}
	yw_pair(w, "updated", it->updated);
	yw_mapping_end(w);
}

static void write_ref(struct ywriter *w, const char *key, const char *file, const char *hash)
{
	if (!file && !hash)
		return;
	yw_string(w, key);
	yw_mapping_begin(w);
	yw_pair(w, "file", file);
	yw_pair(w, "hash", hash);
	yw_mapping_end(w);
}

bool evaluation_write(const struct evaluation *e, struct strbuf *out)
{
	struct ywriter w;

	if (!yw_open(&w, out)) {
		yw_close(&w);
		return false;
	}
	yw_mapping_begin(&w);
	yw_pair(&w, "format", EVALUATION_FORMAT);
	yw_pair(&w, "kind", evaluation_kind_names[e->kind]);
	yw_pair(&w, "title", e->title);
	write_ref(&w, "tailoring", e->tailoring_file, e->tailoring_hash);
	write_ref(&w, "from", e->from_file, e->from_hash);
	write_ref(&w, "previous", e->previous_file, e->previous_hash);
	yw_pair(&w, "scope", e->scope);
	if (e->auditor_count) {
		yw_string(&w, "auditors");
		yw_sequence_begin(&w);
		for (uint32_t k = 0; k < e->auditor_count; k++)
			yw_string(&w, e->auditors[k]);
		yw_sequence_end(&w);
	}
	if (e->period_from || e->period_to) {
		yw_string(&w, "period");
		yw_mapping_begin(&w);
		yw_pair(&w, "from", e->period_from);
		yw_pair(&w, "to", e->period_to);
		yw_mapping_end(&w);
	}
	if (e->absent_count) {
		yw_string(&w, "absent");
		yw_sequence_begin(&w);
		for (uint32_t k = 0; k < e->absent_count; k++) {
			yw_mapping_begin(&w);
			yw_pair(&w, "id", e->absent[k].id);
			yw_pair(&w, "reason", evaluation_gate_reason_names[e->absent[k].reason]);
			yw_mapping_end(&w);
		}
		yw_sequence_end(&w);
	}
	yw_string(&w, "items");
	yw_sequence_begin(&w);
	for (uint32_t k = 0; k < e->count; k++)
		write_item(&w, &e->items[k]);
	yw_sequence_end(&w);
	yw_mapping_end(&w);
	return yw_close(&w);
}

bool evaluation_save_file(const struct evaluation *e, const char *path, struct diag_list *diags)
{
	struct strbuf out;
	bool ok;

	strbuf_init(&out);
	if (!evaluation_write(e, &out) || out.failed) {
		diag_add(diags, path, 0, 0, "%s", _("cannot write the evaluation: out of memory"));
		strbuf_free(&out);
		return false;
	}
	ok = file_write_atomic(path, out.data, out.len, false, diags);
	strbuf_free(&out);
	return ok;
}
