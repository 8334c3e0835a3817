/* Reads kijun-evaluation/1 files, reporting every problem at its line
 * and column, all at once. */
#include "kijun/evaluation_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "yaml_reader.h"

struct loader {
	struct yreader *r;
	struct evaluation *e;
};

#define F(x) (1u << (x))

/* A token among names; reports the ones it knows when it is not. */
static int read_code(struct loader *l, const char *what, const char *const *names, int count)
{
	struct yr_scalar s;
	char known[256];
	size_t used = 0;
	int k;

	if (!yr_scalar(l->r, what, &s))
		return -1;
	k = s.is_null ? -1 : evaluation_parse(s.value, s.len, names, count);
	if (k >= 0)
		return k;
	known[0] = '\0';
	for (int n = 0; n < count; n++) {
		int w = snprintf(known + used, sizeof(known) - used, "%s%s", n ? ", " : "", names[n]);

		if (w < 0 || (size_t)w >= sizeof(known) - used)
			break;
		used += (size_t)w;
	}
	yr_error(l->r, s.mark, _("unknown %s \"%.*s\"; use %s"), what, (int)s.len, s.value, known);
	return -1;
}

static const char *const proc_fields[] = { "method", "subject" };

static void read_procedures(struct loader *l, struct eval_item *it)
{
	if (!yr_sequence_begin(l->r, _("procedures"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct eval_procedure p = { 0, NULL };
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at;
		int k;

		if (!yr_mapping_begin(l->r, _("a procedure"), &at))
			continue;
		yr_fields_init(&f, proc_fields, 2, _("a procedure"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0:
				k = read_code(l, _("method"), evaluation_method_names, METHOD_COUNT);
				if (k >= 0)
					p.method = (uint8_t)k;
				break;
			case 1: yr_text(l->r, _("subject"), &p.subject); break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0));
		if (!evaluation_add_procedure(l->e, it, &p))
			l->r->oom = true;
	}
}

static const char *const sampling_fields[] = {
	"population", "period", "frequency", "size", "samples", "deviations",
};

static void read_sampling(struct loader *l, struct eval_item *it)
{
	struct eval_sampling *s = &it->sampling;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;
	long n;
	int k;

	if (!yr_mapping_begin(l->r, _("sampling"), &at))
		return;
	it->has_sampling = true;
	yr_fields_init(&f, sampling_fields, 6, _("sampling"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_text(l->r, _("population"), &s->population); break;
		case 1: yr_text(l->r, _("period"), &s->period); break;
		case 2:
			k = read_code(l, _("frequency"), evaluation_frequency_names, FREQ_COUNT);
			if (k >= 0)
				s->frequency = (uint8_t)k;
			break;
		case 3:
			if (yr_int(l->r, _("size"), 0, 100000, &n))
				s->size = (uint32_t)n;
			break;
		case 4: yr_token_list(l->r, _("samples"), &s->samples, &s->sample_count); break;
		case 5: yr_text(l->r, _("deviations"), &s->deviations); break;
		default: break;
		}
	}
}

static const char *const evidence_fields[] = { "what", "where", "obtained", "by", "file", "sha256" };

static void read_evidence(struct loader *l, struct eval_item *it)
{
	if (!yr_sequence_begin(l->r, _("evidence"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct eval_evidence v;
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at, hash_at = { 0, 0 };

		memset(&v, 0, sizeof(v));
		if (!yr_mapping_begin(l->r, _("a piece of evidence"), &at))
			continue;
		yr_fields_init(&f, evidence_fields, 6, _("a piece of evidence"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0: yr_text(l->r, _("what"), &v.what); break;
			case 1: yr_text(l->r, _("where"), &v.where); break;
			case 2: yr_date(l->r, _("obtained"), &v.obtained); break;
			case 3: yr_text(l->r, _("by"), &v.by); break;
			case 4: yr_token(l->r, _("file"), &v.file, NULL); break;
			case 5: yr_token(l->r, _("sha256"), &v.sha256, &hash_at); break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0));
		if (v.sha256 && (strncmp(v.sha256, "sha256:", 7) != 0 || strlen(v.sha256) != 71))
			yr_error(l->r, hash_at, "%s", _("sha256 must be sha256: and 64 hex digits"));
		if (v.file && (v.file[0] == '/' || strstr(v.file, "..")))
			yr_error(l->r, at, "%s",
				 _("an evidence file is named relative to the evaluation, without .."));
		if (!evaluation_add_evidence(l->e, it, &v))
			l->r->oom = true;
	}
}

static const char *const finding_fields[] = {
	"grade", "text", "cause", "owner", "due", "urgency", "state",
};

static void read_findings(struct loader *l, struct eval_item *it)
{
	if (!yr_sequence_begin(l->r, _("findings"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct eval_finding x;
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at;
		int k;

		memset(&x, 0, sizeof(x));
		if (!yr_mapping_begin(l->r, _("a finding"), &at))
			continue;
		yr_fields_init(&f, finding_fields, 7, _("a finding"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0:
				k = read_code(l, _("grade"), evaluation_grade_names, GRADE_COUNT);
				if (k >= 0)
					x.grade = (uint8_t)k;
				break;
			case 1: yr_text(l->r, _("text"), &x.text); break;
			case 2: yr_text(l->r, _("cause"), &x.cause); break;
			case 3: yr_text(l->r, _("owner"), &x.owner); break;
			case 4: yr_date(l->r, _("due"), &x.due); break;
			case 5:
				k = read_code(l, _("urgency"), evaluation_urgency_names, URGENCY_COUNT);
				if (k >= 0)
					x.urgency = (uint8_t)k;
				break;
			case 6:
				k = read_code(l, _("state"), evaluation_fstate_names, FSTATE_COUNT);
				if (k >= 0)
					x.state = (uint8_t)k;
				break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0) | F(1));
		if (!evaluation_add_finding(l->e, it, &x))
			l->r->oom = true;
	}
}

static const char *const signoff_fields[] = { "preparer", "prepared", "reviewer", "reviewed" };

static void read_signoff(struct loader *l, struct eval_item *it)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("signoff"), &at))
		return;
	yr_fields_init(&f, signoff_fields, 4, _("signoff"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_text(l->r, _("preparer"), &it->preparer); break;
		case 1: yr_date(l->r, _("prepared"), &it->prepared); break;
		case 2: yr_text(l->r, _("reviewer"), &it->reviewer); break;
		case 3: yr_date(l->r, _("reviewed"), &it->reviewed); break;
		default: break;
		}
	}
}

static const char *const last_fields[] = { "result", "text_hash", "updated" };

/* The previous period's word on the item (docs/evaluation-format.md). */
static void read_last(struct loader *l, struct eval_item *it)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;
	int k;

	if (!yr_mapping_begin(l->r, _("last"), &at))
		return;
	it->last.has = true;
	yr_fields_init(&f, last_fields, 3, _("last"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0:
			k = read_code(l, _("result"), evaluation_result_names, RESULT_COUNT);
			if (k >= 0)
				it->last.result = (uint8_t)k;
			break;
		case 1: yr_token(l->r, _("text_hash"), &it->last.text_hash, NULL); break;
		case 2: yr_date(l->r, _("updated"), &it->last.updated); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, F(0));
}

/* ---- a governance measure's figures (III.1) ---- */

static const char *const group_fields[] = { "group", "aware", "total" };
static const char *const target_fields[] = { "department", "target", "actual", "reached" };

static void read_groups(struct loader *l, struct gov_data *g)
{
	if (!yr_sequence_begin(l->r, _("groups"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct gov_group x = { NULL, 0, 0 };
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at;
		long n;

		if (!yr_mapping_begin(l->r, _("a group"), &at))
			continue;
		yr_fields_init(&f, group_fields, 3, _("a group"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0: yr_text(l->r, _("group"), &x.group); break;
			case 1:
				if (yr_int(l->r, _("aware"), 0, 100000000, &n))
					x.aware = (uint32_t)n;
				break;
			case 2:
				if (yr_int(l->r, _("total"), 0, 100000000, &n))
					x.total = (uint32_t)n;
				break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0) | F(1) | F(2));
		if (x.aware > x.total)
			yr_error(l->r, at, "%s", _("more staff aware of the risks than staff in the group"));
		if (!evaluation_gov_add_group(l->e, g, &x))
			l->r->oom = true;
	}
}

static void read_targets(struct loader *l, struct gov_data *g)
{
	if (!yr_sequence_begin(l->r, _("targets"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct gov_target x = { NULL, NULL, NULL, REACH_UNKNOWN };
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at;
		int k;

		if (!yr_mapping_begin(l->r, _("a target"), &at))
			continue;
		yr_fields_init(&f, target_fields, 4, _("a target"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0: yr_text(l->r, _("department"), &x.department); break;
			case 1: yr_text(l->r, _("target"), &x.target); break;
			case 2: yr_text(l->r, _("actual"), &x.actual); break;
			case 3:
				k = read_code(l, _("reached"), evaluation_reach_names, REACH_COUNT);
				if (k >= 0)
					x.reached = (uint8_t)k;
				break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0) | F(1));
		if (!evaluation_gov_add_target(l->e, g, &x))
			l->r->oom = true;
	}
}

static void read_risks(struct loader *l, struct gov_data *g)
{
	if (!yr_sequence_begin(l->r, _("risks"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		const char *risk = NULL;

		if (yr_text(l->r, _("a risk"), &risk) && risk &&
		    !evaluation_gov_add_risk(l->e, g, risk))
			l->r->oom = true;
	}
}

static void read_answer(struct loader *l, const char *what, uint8_t *out)
{
	int k = read_code(l, what, evaluation_answer_names, ANSWER_COUNT);

	if (k >= 0)
		*out = (uint8_t)k;
}

static const char *const item_fields[] = {
	"id", "text_hash", "state", "result", "decision", "procedures", "sampling", "evidence",
	"findings", "comment", "signoff", "updated", "last", "informed", "reporting", "risks",
	"groups", "targets",
};
enum { I_ID, I_HASH, I_STATE, I_RESULT, I_DECISION, I_PROCS, I_SAMPLING, I_EVIDENCE,
       I_FINDINGS, I_COMMENT, I_SIGNOFF, I_UPDATED, I_LAST, I_INFORMED, I_REPORTING,
       I_RISKS, I_GROUPS, I_TARGETS, I_COUNT };

static void read_item(struct loader *l)
{
	struct eval_item tmp, *it;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at, result_at = { 0, 0 }, id_at = { 0, 0 };
	int k;

	memset(&tmp, 0, sizeof(tmp));
	if (!yr_mapping_begin(l->r, _("an item"), &at))
		return;
	/* Read aside, appended once whole: a repeated id is refused. */
	it = &tmp;
	yr_fields_init(&f, item_fields, I_COUNT, _("an item"), at);
	while (yr_mapping_next(l->r, &key)) {
		int which = yr_field(l->r, &f, &key);

		switch (which) {
		case I_ID: yr_token(l->r, _("id"), &it->id, &id_at); break;
		case I_HASH: yr_token(l->r, _("text_hash"), &it->text_hash, NULL); break;
		case I_STATE:
			k = read_code(l, _("state"), evaluation_state_names, ESTATE_COUNT);
			if (k >= 0)
				it->state = (uint8_t)k;
			break;
		case I_RESULT:
			result_at = yr_here(l->r);
			k = read_code(l, _("result"), evaluation_result_names, RESULT_COUNT);
			if (k >= 0)
				it->result = (uint8_t)k;
			break;
		case I_DECISION: yr_text(l->r, _("decision"), &it->decision); break;
		case I_PROCS: read_procedures(l, it); break;
		case I_SAMPLING: read_sampling(l, it); break;
		case I_EVIDENCE: read_evidence(l, it); break;
		case I_FINDINGS: read_findings(l, it); break;
		case I_COMMENT: yr_text(l->r, _("comment"), &it->comment); break;
		case I_SIGNOFF: read_signoff(l, it); break;
		case I_UPDATED: yr_date(l->r, _("updated"), &it->updated); break;
		case I_LAST: read_last(l, it); break;
		case I_INFORMED:
		case I_REPORTING:
		case I_RISKS:
		case I_GROUPS:
		case I_TARGETS: {
			struct gov_data *g = evaluation_gov_data(l->e, it);

			if (!g) {
				l->r->oom = true;
				break;
			}
			if (which == I_INFORMED)
				read_answer(l, _("informed"), &g->informed);
			else if (which == I_REPORTING)
				read_answer(l, _("reporting"), &g->reporting);
			else if (which == I_RISKS)
				read_risks(l, g);
			else if (which == I_GROUPS)
				read_groups(l, g);
			else
				read_targets(l, g);
			break;
		}
		default: break;
		}
	}
	yr_fields_require(l->r, &f, F(I_ID));
	if (!it->id)
		return;
	if (evaluation_find(l->e, it->id)) {
		yr_error(l->r, id_at, _("item %s appears twice"), it->id);
		return;
	}
	/* A governance evaluation's items are its three measures (the kind
	 * comes before the items in every file kijun writes). */
	if (l->e->kind == EVAL_GOVERNANCE && evaluation_measure_of(it->id) < 0)
		yr_error(l->r, id_at, _("%s is not a measure of governance: use top-management, risk-awareness or targets"),
			 it->id);
	if (l->e->kind != EVAL_GOVERNANCE && it->gov)
		yr_error(l->r, at, "%s", _("governance figures belong to a governance evaluation"));
	if (!evaluation_result_allowed(it, (enum eval_result)it->result))
		yr_error(l->r, result_at,
			 _("result %s is better than the item's findings allow (at best %s)"),
			 evaluation_result_names[it->result],
			 evaluation_result_names[evaluation_result_bound(it)]);
	it = evaluation_add_item(l->e, tmp.id);
	if (!it)
		l->r->oom = true;
	else
		*it = tmp;
}

static const char *const ref_fields[] = { "file", "hash" };

static void read_ref(struct loader *l, const char *what, const char **file, const char **hash)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at, hash_at = { 0, 0 };

	if (!yr_mapping_begin(l->r, what, &at))
		return;
	yr_fields_init(&f, ref_fields, 2, what, at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_token(l->r, _("file"), file, NULL); break;
		case 1: yr_token(l->r, _("hash"), hash, &hash_at); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, F(0) | F(1));
	if (*hash && strncmp(*hash, "sha256:", 7) != 0)
		yr_error(l->r, hash_at, "%s", _("the hash must start with sha256:"));
}

static const char *const period_fields[] = { "from", "to" };

static void read_period(struct loader *l)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("period"), &at))
		return;
	yr_fields_init(&f, period_fields, 2, _("period"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_date(l->r, _("from"), &l->e->period_from); break;
		case 1: yr_date(l->r, _("to"), &l->e->period_to); break;
		default: break;
		}
	}
	if (l->e->period_from && l->e->period_to &&
	    strcmp(l->e->period_from, l->e->period_to) > 0)
		yr_error(l->r, at, "%s", _("the period ends before it begins"));
}

static const char *const absent_fields[] = { "id", "reason" };

static void read_absent(struct loader *l)
{
	if (!yr_sequence_begin(l->r, _("absent"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at;
		const char *id = NULL;
		int reason = -1;

		if (!yr_mapping_begin(l->r, _("an absent item"), &at))
			continue;
		yr_fields_init(&f, absent_fields, 2, _("an absent item"), at);
		while (yr_mapping_next(l->r, &key)) {
			switch (yr_field(l->r, &f, &key)) {
			case 0: yr_token(l->r, _("id"), &id, NULL); break;
			case 1:
				reason = read_code(l, _("reason"), evaluation_gate_reason_names,
						   GATE_REASON_COUNT);
				break;
			default: break;
			}
		}
		yr_fields_require(l->r, &f, F(0) | F(1));
		if (id && reason >= 0 &&
		    !evaluation_add_absent(l->e, id, (enum gate_reason)reason))
			l->r->oom = true;
	}
}

static const char *const top_fields[] = {
	"format", "kind", "title", "tailoring", "from", "scope", "auditors", "period", "absent",
	"items", "previous",
};
enum { T_FORMAT, T_KIND, T_TITLE, T_TAILORING, T_FROM, T_SCOPE, T_AUDITORS, T_PERIOD,
       T_ABSENT, T_ITEMS, T_PREVIOUS, T_COUNT };

static void read_document(struct yreader *r, void *ctx)
{
	struct loader *l = ctx;
	struct evaluation *e = l->e;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;
	int k;

	l->r = r;
	if (!yr_document_begin(r) || !yr_mapping_begin(r, _("an evaluation"), &at))
		return;
	yr_fields_init(&f, top_fields, T_COUNT, _("the evaluation"), at);
	while (yr_mapping_next(r, &key) && !r->oom) {
		switch (yr_field(r, &f, &key)) {
		case T_FORMAT:
			if (!yr_scalar(r, _("format"), &s))
				break;
			if (s.len != strlen(EVALUATION_FORMAT) ||
			    memcmp(s.value, EVALUATION_FORMAT, s.len) != 0)
				yr_error(r, s.mark,
					 _("format \"%.*s\" is not one this kijun reads; expected \"%s\""),
					 (int)s.len, s.value, EVALUATION_FORMAT);
			break;
		case T_KIND:
			k = read_code(l, _("kind"), evaluation_kind_names, EVAL_KIND_COUNT);
			if (k >= 0)
				e->kind = (uint8_t)k;
			break;
		case T_TITLE: yr_text(r, _("title"), &e->title); break;
		case T_TAILORING:
			read_ref(l, _("tailoring"), &e->tailoring_file, &e->tailoring_hash);
			break;
		case T_FROM: read_ref(l, _("from"), &e->from_file, &e->from_hash); break;
		case T_PREVIOUS:
			read_ref(l, _("previous"), &e->previous_file, &e->previous_hash);
			break;
		case T_SCOPE: yr_text(r, _("scope"), &e->scope); break;
		case T_AUDITORS: {
			const char **v = NULL;
			uint32_t n = 0, cap = 0;

			if (!yr_sequence_begin(r, _("auditors"), NULL))
				break;
			while (yr_sequence_next(r)) {
				const char *name = NULL;

				if (!yr_text(r, _("an auditor"), &name) || !name)
					continue;
				if (n == cap) {
					const char **nv = arena_alloc(&e->arena,
								     (cap ? cap * 2 : 4) * sizeof(*nv));

					if (!nv) {
						r->oom = true;
						break;
					}
					if (n)
						memcpy(nv, v, n * sizeof(*nv));
					v = nv;
					cap = cap ? cap * 2 : 4;
				}
				v[n++] = name;
			}
			e->auditors = v;
			e->auditor_count = n;
			break;
		}
		case T_PERIOD: read_period(l); break;
		case T_ABSENT: read_absent(l); break;
		case T_ITEMS:
			if (!yr_sequence_begin(r, _("items"), NULL))
				break;
			while (yr_sequence_next(r) && !r->oom)
				read_item(l);
			break;
		default: break;
		}
	}
	yr_fields_require(r, &f, F(T_FORMAT) | F(T_KIND) | F(T_TAILORING) | F(T_ITEMS));
	if (!r->oom)
		yr_document_end(r);
}

bool evaluation_read(struct evaluation *e, const char *name, const char *buf, size_t len,
		     struct diag_list *diags)
{
	struct loader l = { NULL, e };

	evaluation_init(e);
	if (yr_run(name, buf, len, EVALUATION_MAX_DEPTH, &e->arena, diags, read_document, &l))
		return true;
	evaluation_free(e);
	evaluation_init(e);
	return false;
}

bool evaluation_load_file(struct evaluation *e, const char *path, struct diag_list *diags)
{
	char *buf;
	size_t len;
	bool ok;

	if (!file_read_all(path, &buf, &len, diags)) {
		evaluation_init(e);
		return false;
	}
	ok = evaluation_read(e, path, buf, len, diags);
	free(buf);
	return ok;
}
