/* An evaluation as an OSCAL 1.2.1 assessment-results document
 * (docs/interop.md): one result for the evaluation; each procedure an
 * observation (閲覧 EXAMINE, 質問 INTERVIEW, 再実施 TEST, 観察 EXAMINE with
 * a prop saying it was observation); the evidence and the sampling of an
 * item observations of their own; each item with a result a finding on
 * the item; each deficiency or observation point a risk; the tailoring's
 * changes as metadata props with their reasons.  UUIDs come from the ids,
 * so the same evaluation gives the same document. */
#include <stdio.h>
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/eval_words.h"
#include "kijun/report.h"
#include "export_oscal.h"

static const char *const method_oscal[METHOD_COUNT] = { "EXAMINE", "INTERVIEW", "EXAMINE", "TEST" };
static const char *const fstate_oscal[FSTATE_COUNT] = { "open", "remediating", "closed" };

/* A string on one line (OSCAL's string and markup-line types): line
 * breaks as spaces, never empty. */
static void member_line(struct json *j, const char *key, const char *s)
{
	struct strbuf b;

	strbuf_init(&b);
	doc_text_clean(&b, s);
	strbuf_adds(&b, "");
	for (size_t k = 0; k < b.len; k++)
		if (b.data[k] == '\n' || b.data[k] == '\t')
			b.data[k] = ' ';
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	json_member_string(j, key, b.len && b.data[0] != ' ' ? b.data : "-", false);
	strbuf_free(&b);
}

/* Multi-line markup: cleaned, never empty. */
static void member_text(struct json *j, const char *key, const char *s)
{
	struct strbuf b;

	strbuf_init(&b);
	doc_text_clean(&b, s);
	json_member_string(j, key, b.len ? b.data : "-", false);
	strbuf_free(&b);
}

static void member_uuid(struct json *j, const char *key, const char *a, const char *b)
{
	char u[37];

	export_uuid(u, a, b);
	json_member_string(j, key, u, false);
}

/* A date written YYYY-MM-DD as an OSCAL date-time, else `fallback`. */
static const char *datetime(char buf[32], const char *date, const char *fallback)
{
	if (!date || strlen(date) != 10)
		return fallback;
	memcpy(buf, date, 10);
	strcpy(buf + 10, "T00:00:00Z");
	return buf;
}

/* A relative file name as a URI reference: unreserved bytes and / kept,
 * the rest percent-encoded. */
static void member_href(struct json *j, const char *file)
{
	struct strbuf b;

	strbuf_init(&b);
	for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			strbuf_addc(&b, (char)*p);
		else
			strbuf_addf(&b, "%%%02X", *p);
	}
	json_member_string(j, "href", b.data, false);
	strbuf_free(&b);
}

/* Key for the UUID of an item's k-th thing of a kind. */
static const char *key(struct strbuf *b, const char *kind, uint32_t k)
{
	strbuf_reset(b);
	strbuf_addf(b, "%s-%u", kind, k);
	return b->data;
}

static void observations(struct json *j, const struct report *r, const char *collected)
{
	struct strbuf b, k2;
	char when[32];

	strbuf_init(&b);
	strbuf_init(&k2);
	json_key(j, "observations");
	json_array_begin(j);
	for (uint32_t x = 0; x < r->e->count; x++) {
		const struct eval_item *it = &r->e->items[x];
		const char *at = datetime(when, it->updated, collected);

		for (uint32_t p = 0; p < it->procedure_count; p++) {
			const struct eval_procedure *pr = &it->procedures[p];

			json_object_begin(j);
			member_uuid(j, "uuid", it->id, key(&k2, "procedure", p));
			member_line(j, "title", eval_words_method((enum eval_method)pr->method));
			member_text(j, "description", pr->subject);
			json_key(j, "props");
			json_array_begin(j);
			oscal_prop(j, "item", false, it->id, NULL);
			oscal_prop(j, "method", false, evaluation_method_names[pr->method], NULL);
			json_array_end(j);
			json_key(j, "methods");
			json_array_begin(j);
			json_string(j, method_oscal[pr->method]);
			json_array_end(j);
			json_member_string(j, "collected", at, false);
			json_object_end(j);
		}
		if (it->has_sampling) {
			const struct eval_sampling *s = &it->sampling;

			json_object_begin(j);
			member_uuid(j, "uuid", it->id, "sampling");
			member_line(j, "title", "sampling");
			report_sampling(&b, s);
			member_text(j, "description", b.data);
			strbuf_reset(&b);
			json_key(j, "props");
			json_array_begin(j);
			oscal_prop(j, "item", false, it->id, NULL);
			if (s->frequency != FREQ_NONE)
				oscal_prop(j, "frequency", false, evaluation_frequency_names[s->frequency], NULL);
			for (uint32_t k = 0; k < s->sample_count; k++)
				oscal_prop(j, "sample", false, s->samples[k], NULL);
			oscal_prop(j, "deviations", false, s->deviations, NULL);
			json_array_end(j);
			json_key(j, "methods");
			json_array_begin(j);
			json_string(j, "TEST");
			json_array_end(j);
			json_member_string(j, "collected", at, false);
			json_object_end(j);
		}
		if (it->evidence_count) {
			json_object_begin(j);
			member_uuid(j, "uuid", it->id, "evidence");
			member_line(j, "title", "evidence");
			member_text(j, "description", it->id);
			json_key(j, "props");
			json_array_begin(j);
			oscal_prop(j, "item", false, it->id, NULL);
			json_array_end(j);
			json_key(j, "methods");
			json_array_begin(j);
			json_string(j, "EXAMINE");
			json_array_end(j);
			json_key(j, "relevant-evidence");
			json_array_begin(j);
			for (uint32_t v = 0; v < it->evidence_count; v++) {
				const struct eval_evidence *ev = &it->evidence[v];

				json_object_begin(j);
				if (ev->file)
					member_href(j, ev->file);
				member_text(j, "description", ev->what);
				if (ev->where || ev->obtained || ev->by || ev->sha256) {
					json_key(j, "props");
					json_array_begin(j);
					oscal_prop(j, "kept-at", false, ev->where, NULL);
					oscal_prop(j, "obtained", false, ev->obtained, NULL);
					oscal_prop(j, "obtained-by", false, ev->by, NULL);
					oscal_prop(j, "sha256", false, ev->sha256, NULL);
					json_array_end(j);
				}
				json_object_end(j);
			}
			json_array_end(j);
			json_member_string(j, "collected", at, false);
			json_object_end(j);
		}
	}
	json_array_end(j);
	strbuf_free(&b);
	strbuf_free(&k2);
}

/* A finding of kijun that is a risk: a deficiency or an observation point. */
static bool is_risk(const struct eval_finding *f)
{
	return f->grade <= GRADE_OBSERVATION;
}

static void risks(struct json *j, const struct report *r)
{
	const struct eval_item *it;
	const struct eval_finding *f;
	uint32_t i = 0, k = 0;
	struct strbuf b;
	char due[32];

	strbuf_init(&b);
	json_key(j, "risks");
	json_array_begin(j);
	while (report_next_finding(r->e, &i, &k, &it, &f)) {
		if (!is_risk(f))
			continue;
		json_object_begin(j);
		member_uuid(j, "uuid", it->id, key(&b, "finding", k - 1));
		strbuf_reset(&b);
		strbuf_addf(&b, "%s %s", it->id, eval_words_grade((enum finding_grade)f->grade));
		member_line(j, "title", b.data);
		member_text(j, "description", f->text);
		member_text(j, "statement", f->cause ? f->cause : f->text);
		json_key(j, "props");
		json_array_begin(j);
		oscal_prop(j, "item", false, it->id, NULL);
		oscal_prop(j, "grade", false, evaluation_grade_names[f->grade], NULL);
		oscal_prop(j, "urgency", false, evaluation_urgency_names[f->urgency], NULL);
		oscal_prop(j, "remediation-owner", false, f->owner, NULL);
		json_array_end(j);
		json_member_string(j, "status", fstate_oscal[f->state], false);
		if (datetime(due, f->due, NULL))
			json_member_string(j, "deadline", due, false);
		json_object_end(j);
	}
	json_array_end(j);
	strbuf_free(&b);
}

static bool has_risks(const struct evaluation *e)
{
	for (uint32_t x = 0; x < e->count; x++)
		for (uint32_t k = 0; k < e->items[x].finding_count; k++)
			if (is_risk(&e->items[x].findings[k]))
				return true;
	return false;
}

/* One finding per item with a result: the auditor's conclusion on it. */
static void findings(struct json *j, const struct report *r)
{
	struct strbuf b;
	char u[37];

	strbuf_init(&b);
	json_key(j, "findings");
	json_array_begin(j);
	for (uint32_t x = 0; x < r->e->count; x++) {
		const struct eval_item *it = &r->e->items[x];
		const char *title = report_item_title(r, it);
		bool ok = it->result == RESULT_EFFECTIVE || it->result == RESULT_NA;
		bool any_risk = false;

		if (it->result == RESULT_NONE)
			continue;
		json_object_begin(j);
		member_uuid(j, "uuid", it->id, "result");
		strbuf_reset(&b);
		strbuf_addf(&b, "%s %s", it->id, title ? title : "");
		member_line(j, "title", b.data);
		strbuf_reset(&b);
		strbuf_addf(&b, "%s: %s", eval_words_result((enum eval_result)it->result),
			    it->comment ? it->comment : "");
		member_text(j, "description", b.data);
		json_key(j, "props");
		json_array_begin(j);
		oscal_prop(j, "result", false, evaluation_result_names[it->result], NULL);
		oscal_prop(j, "state", false, evaluation_state_names[it->state], NULL);
		oscal_prop(j, "decision", false, it->decision, NULL);
		oscal_prop(j, "preparer", false, it->preparer, it->prepared);
		oscal_prop(j, "reviewer", false, it->reviewer, it->reviewed);
		for (uint32_t k = 0; k < it->finding_count; k++) {
			const struct eval_finding *f = &it->findings[k];

			any_risk |= is_risk(f);
			if (!is_risk(f))
				oscal_prop(j, evaluation_grade_names[f->grade], false, f->text, f->cause);
		}
		json_array_end(j);
		json_key(j, "target");
		json_object_begin(j);
		json_member_string(j, "type", "objective-id", false);
		oscal_member_token(j, "target-id", it->id, NULL);
		json_key(j, "status");
		json_object_begin(j);
		json_member_string(j, "state", ok ? "satisfied" : "not-satisfied", false);
		json_member_string(j, "reason", it->result == RESULT_EFFECTIVE ? "pass" :
				   it->result == RESULT_NOT_EFFECTIVE ? "fail" : "other", false);
		json_object_end(j);
		json_object_end(j);
		if (it->procedure_count || it->has_sampling || it->evidence_count) {
			json_key(j, "related-observations");
			json_array_begin(j);
			for (uint32_t p = 0; p < it->procedure_count; p++) {
				json_object_begin(j);
				member_uuid(j, "observation-uuid", it->id, key(&b, "procedure", p));
				json_object_end(j);
			}
			if (it->has_sampling) {
				json_object_begin(j);
				member_uuid(j, "observation-uuid", it->id, "sampling");
				json_object_end(j);
			}
			if (it->evidence_count) {
				json_object_begin(j);
				member_uuid(j, "observation-uuid", it->id, "evidence");
				json_object_end(j);
			}
			json_array_end(j);
		}
		if (any_risk) {
			json_key(j, "related-risks");
			json_array_begin(j);
			for (uint32_t k = 0; k < it->finding_count; k++) {
				if (!is_risk(&it->findings[k]))
					continue;
				json_object_begin(j);
				export_uuid(u, it->id, key(&b, "finding", k));
				json_member_string(j, "risk-uuid", u, false);
				json_object_end(j);
			}
			json_array_end(j);
		}
		json_object_end(j);
	}
	json_array_end(j);
	strbuf_free(&b);
}

static bool has_findings(const struct evaluation *e)
{
	for (uint32_t x = 0; x < e->count; x++)
		if (e->items[x].result != RESULT_NONE)
			return true;
	return false;
}

static bool has_observations(const struct evaluation *e)
{
	for (uint32_t x = 0; x < e->count; x++)
		if (e->items[x].procedure_count || e->items[x].has_sampling || e->items[x].evidence_count)
			return true;
	return false;
}

static void metadata(struct json *j, const struct report *r, const char *modified)
{
	const struct workspace *w = r->w;
	struct strbuf b;

	strbuf_init(&b);
	json_key(j, "metadata");
	json_object_begin(j);
	report_title(&b, r);
	member_line(j, "title", b.data);
	json_member_string(j, "last-modified", modified, false);
	json_member_string(j, "version", modified, false);
	json_member_string(j, "oscal-version", "1.2.1", false);
	json_key(j, "props");
	json_array_begin(j);
	oscal_prop(j, "evaluation-kind", false, evaluation_kind_names[r->e->kind], NULL);
	oscal_prop(j, "tailoring", false, w->t.id, NULL);
	oscal_prop(j, "tailoring-file", false, r->e->tailoring_file, NULL);
	oscal_prop(j, "tailoring-hash", false, r->e->tailoring_hash, NULL);
	oscal_prop(j, "scope", false, r->e->scope, NULL);
	for (uint32_t k = 0; k < r->e->auditor_count; k++)
		oscal_prop(j, "auditor", false, r->e->auditors[k], NULL);
	for (uint32_t k = 0; k < r->e->absent_count; k++)
		oscal_prop(j, "left-out", false, r->e->absent[k].id,
			   evaluation_gate_reason_names[r->e->absent[k].reason]);
	/* The appendix: every change of the tailoring with its reason. */
	for (uint32_t k = 0; k < w->t.count; k++) {
		const struct change *c = &w->t.changes[k];

		strbuf_reset(&b);
		strbuf_addf(&b, "#%u %s ", k + 1, change_op_name(c->op));
		export_change_target(&b, c);
		strbuf_addf(&b, " (step %u, %s, %s)", c->step, c->author ? c->author : "",
			    c->date ? c->date : "");
		oscal_prop(j, "change", false, b.data, c->reason);
	}
	json_array_end(j);
	json_object_end(j);
	strbuf_free(&b);
}

void report_oscal_ar(struct strbuf *out, const struct report *r)
{
	const struct evaluation *e = r->e;
	const char *seed = e->tailoring_hash ? e->tailoring_hash : "";
	const char *kind = evaluation_kind_names[e->kind];
	const char *modified = r->now;
	char day[11] = "", last[32], from[32], to[32], which[64];
	struct json j;

	/* Last modified: the newest change to an item, so the document does
	 * not change while the evaluation does not. */
	for (uint32_t x = 0; x < e->count; x++)
		if (e->items[x].updated && strlen(e->items[x].updated) == 10 &&
		    strcmp(e->items[x].updated, day) > 0)
			memcpy(day, e->items[x].updated, 11);
	if (day[0])
		modified = datetime(last, day, r->now);
	/* Two periods' evaluations of one tailoring are two documents. */
	snprintf(which, sizeof(which), "%s:%s", kind, e->period_from ? e->period_from : "");
	json_init(&j, out, true);
	json_object_begin(&j);
	json_key(&j, "assessment-results");
	json_object_begin(&j);
	member_uuid(&j, "uuid", seed, which);
	metadata(&j, r, modified);
	json_key(&j, "import-ap");
	json_object_begin(&j);
	{
		char u[37], href[40];

		export_uuid(u, which, seed);
		snprintf(href, sizeof(href), "#%s", u);
		json_member_string(&j, "href", href, false);
		json_member_string(&j, "remarks",
				   "kijun has no assessment plan: the evaluation file is its plan and its results.", false);
	}
	json_object_end(&j);
	json_key(&j, "results");
	json_array_begin(&j);
	json_object_begin(&j);
	member_uuid(&j, "uuid", which, "result");
	member_line(&j, "title", eval_words_kind((enum eval_kind)e->kind));
	member_text(&j, "description", r->name ? r->name : kind);
	json_member_string(&j, "start", datetime(from, e->period_from, modified), false);
	if (e->period_to)
		json_member_string(&j, "end", datetime(to, e->period_to, modified), false);
	json_key(&j, "reviewed-controls");
	json_object_begin(&j);
	json_key(&j, "control-selections");
	json_array_begin(&j);
	json_object_begin(&j);
	if (e->count) {
		json_key(&j, "include-controls");
		json_array_begin(&j);
		for (uint32_t x = 0; x < e->count; x++) {
			json_object_begin(&j);
			oscal_member_token(&j, "control-id", e->items[x].id, NULL);
			json_object_end(&j);
		}
		json_array_end(&j);
	} else {
		json_key(&j, "include-all");
		json_object_begin(&j);
		json_object_end(&j);
	}
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	if (has_observations(e))
		observations(&j, r, modified);
	if (has_risks(e))
		risks(&j, r);
	if (has_findings(e))
		findings(&j, r);
	json_object_end(&j);
	json_array_end(&j);
	json_key(&j, "back-matter");
	json_object_begin(&j);
	json_key(&j, "resources");
	json_array_begin(&j);
	json_object_begin(&j);
	member_uuid(&j, "uuid", which, seed);
	member_line(&j, "title", r->name ? r->name : kind);
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	strbuf_addc(out, '\n');
}
