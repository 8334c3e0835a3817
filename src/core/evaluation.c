/* The evaluation model: items, what is added to them, and the rules that
 * hold between a result and the findings behind it. */
#include "kijun/evaluation.h"

#include <string.h>

#include "kijun/sha256.h"

const char *const evaluation_kind_names[EVAL_KIND_COUNT] = {
	"design", "operating", "governance",
};
const char *const evaluation_state_names[ESTATE_COUNT] = {
	"todo", "doing", "review", "done",
};
const char *const evaluation_result_names[RESULT_COUNT] = {
	"none", "effective", "partly-effective", "not-effective", "not-applicable",
};
const char *const evaluation_method_names[METHOD_COUNT] = {
	"inspection", "inquiry", "observation", "reperformance",
};
const char *const evaluation_frequency_names[FREQ_COUNT] = {
	"none", "multiple-daily", "daily", "weekly", "monthly", "quarterly", "yearly",
};
const char *const evaluation_grade_names[GRADE_COUNT] = {
	"major", "minor", "observation", "improvement", "good-practice",
};
const char *const evaluation_urgency_names[URGENCY_COUNT] = { "normal", "urgent" };
const char *const evaluation_fstate_names[FSTATE_COUNT] = {
	"open", "remediating", "closed",
};
const char *const evaluation_gate_reason_names[GATE_REASON_COUNT] = {
	"taken", "not-evaluated", "not-effective", "partly-effective-without-decision",
	"not-applicable", "text-changed",
};

int evaluation_parse(const char *name, size_t len, const char *const *names, int count)
{
	for (int k = 0; k < count; k++)
		if (strlen(names[k]) == len && memcmp(names[k], name, len) == 0)
			return k;
	return -1;
}

void evaluation_init(struct evaluation *e)
{
	memset(e, 0, sizeof(*e));
	arena_init(&e->arena);
}

void evaluation_free(struct evaluation *e)
{
	arena_free(&e->arena);
	memset(e, 0, sizeof(*e));
}

const char *evaluation_strdup(struct evaluation *e, const char *s)
{
	return s ? arena_strdup(&e->arena, s) : NULL;
}

/* Makes room for one more of size `size` in *v (count used, *cap held);
 * the old array stays in the arena until it is freed. */
static bool grow(struct evaluation *e, void **v, uint32_t count, uint32_t *cap, size_t size)
{
	uint32_t ncap;
	void *n;

	if (count < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 4;
	n = arena_alloc(&e->arena, (size_t)ncap * size);
	if (!n)
		return false;
	if (count)
		memcpy(n, *v, (size_t)count * size);
	*v = n;
	*cap = ncap;
	return true;
}

struct eval_item *evaluation_add_item(struct evaluation *e, const char *id)
{
	void *v = e->items;
	struct eval_item *it;

	if (!grow(e, &v, e->count, &e->capacity, sizeof(*it)))
		return NULL;
	e->items = v;
	it = &e->items[e->count];
	memset(it, 0, sizeof(*it));
	it->id = evaluation_strdup(e, id);
	if (!it->id)
		return NULL;
	e->count++;
	return it;
}

struct eval_item *evaluation_find(const struct evaluation *e, const char *id)
{
	for (uint32_t k = 0; k < e->count; k++)
		if (strcmp(e->items[k].id, id) == 0)
			return &e->items[k];
	return NULL;
}

bool evaluation_add_absent(struct evaluation *e, const char *id, enum gate_reason why)
{
	void *v = e->absent;
	const char *copy = evaluation_strdup(e, id);

	if (!copy || !grow(e, &v, e->absent_count, &e->absent_cap, sizeof(*e->absent)))
		return false;
	e->absent = v;
	e->absent[e->absent_count].id = copy;
	e->absent[e->absent_count].reason = (uint8_t)why;
	e->absent_count++;
	return true;
}

/* Copies a string field in place; false when out of memory. */
static bool own(struct evaluation *e, const char **s)
{
	if (!*s)
		return true;
	*s = evaluation_strdup(e, *s);
	return *s != NULL;
}

bool evaluation_add_procedure(struct evaluation *e, struct eval_item *it,
			      const struct eval_procedure *p)
{
	void *v = it->procedures;
	struct eval_procedure c = *p;

	if (!own(e, &c.subject) || !grow(e, &v, it->procedure_count, &it->procedure_cap, sizeof(c)))
		return false;
	it->procedures = v;
	it->procedures[it->procedure_count++] = c;
	return true;
}

bool evaluation_add_evidence(struct evaluation *e, struct eval_item *it,
			     const struct eval_evidence *x)
{
	void *v = it->evidence;
	struct eval_evidence c = *x;

	if (!own(e, &c.what) || !own(e, &c.where) || !own(e, &c.obtained) || !own(e, &c.by) ||
	    !own(e, &c.file) || !own(e, &c.sha256) ||
	    !grow(e, &v, it->evidence_count, &it->evidence_cap, sizeof(c)))
		return false;
	it->evidence = v;
	it->evidence[it->evidence_count++] = c;
	return true;
}

bool evaluation_add_finding(struct evaluation *e, struct eval_item *it,
			    const struct eval_finding *f)
{
	void *v = it->findings;
	struct eval_finding c = *f;

	if (!own(e, &c.text) || !own(e, &c.cause) || !own(e, &c.owner) || !own(e, &c.due) ||
	    !grow(e, &v, it->finding_count, &it->finding_cap, sizeof(c)))
		return false;
	it->findings = v;
	it->findings[it->finding_count++] = c;
	return true;
}

bool evaluation_add_sample(struct evaluation *e, struct eval_item *it, const char *id)
{
	struct eval_sampling *s = &it->sampling;
	const char **v = arena_alloc(&e->arena, (s->sample_count + 1) * sizeof(*v));
	const char *copy = evaluation_strdup(e, id);

	if (!v || !copy)
		return false;
	if (s->sample_count)
		memcpy(v, s->samples, s->sample_count * sizeof(*v));
	v[s->sample_count++] = copy;
	s->samples = v;
	it->has_sampling = true;
	return true;
}

/* ---- rules ------------------------------------------------------------ */

/* How good a result is, for comparing with a bound; 未評価 and 該当なし
 * are not on the scale. */
static int result_rank(enum eval_result r)
{
	switch (r) {
	case RESULT_EFFECTIVE: return 3;
	case RESULT_PARTLY: return 2;
	case RESULT_NOT_EFFECTIVE: return 1;
	default: return 0;
	}
}

enum eval_result evaluation_result_bound(const struct eval_item *it)
{
	enum eval_result bound = RESULT_EFFECTIVE;

	for (uint32_t k = 0; k < it->finding_count; k++) {
		if (it->findings[k].grade == GRADE_MAJOR)
			return RESULT_NOT_EFFECTIVE;
		if (it->findings[k].grade == GRADE_MINOR)
			bound = RESULT_PARTLY;
	}
	return bound;
}

bool evaluation_result_allowed(const struct eval_item *it, enum eval_result r)
{
	enum eval_result bound = evaluation_result_bound(it);

	if (r == RESULT_NONE)
		return true;
	if (r == RESULT_NA)
		return bound == RESULT_EFFECTIVE;
	if (r >= RESULT_COUNT)
		return false;
	return result_rank(r) <= result_rank(bound);
}

bool evaluation_set_result(struct evaluation *e, struct eval_item *it,
			   enum eval_result r, const char *date)
{
	if (!evaluation_result_allowed(it, r))
		return false;
	it->result = (uint8_t)r;
	if (it->state == ESTATE_TODO && r != RESULT_NONE)
		it->state = ESTATE_DOING;
	if (date)
		it->updated = evaluation_strdup(e, date);
	return true;
}

bool evaluation_clamp_result(struct eval_item *it)
{
	if (evaluation_result_allowed(it, (enum eval_result)it->result))
		return false;
	it->result = (uint8_t)(it->result == RESULT_NA ? RESULT_NONE : evaluation_result_bound(it));
	return true;
}

bool evaluation_inquiry_only(const struct eval_item *it)
{
	for (uint32_t k = 0; k < it->procedure_count; k++)
		if (it->procedures[k].method != METHOD_INQUIRY)
			return false;
	return it->procedure_count > 0;
}

uint32_t evaluation_sample_suggestion(enum eval_frequency f)
{
	switch (f) {
	case FREQ_MULTIPLE_DAILY:
	case FREQ_DAILY: return 25;
	case FREQ_WEEKLY: return 5;
	case FREQ_MONTHLY:
	case FREQ_QUARTERLY: return 2;
	case FREQ_YEARLY: return 1;
	default: return 0;
	}
}

void evaluation_count(const struct evaluation *e, struct eval_counts *out)
{
	memset(out, 0, sizeof(*out));
	out->total = e->count;
	for (uint32_t k = 0; k < e->count; k++) {
		const struct eval_item *it = &e->items[k];

		if (it->result < RESULT_COUNT)
			out->by_result[it->result]++;
		if (it->state < ESTATE_COUNT)
			out->by_state[it->state]++;
		for (uint32_t f = 0; f < it->finding_count; f++)
			if (it->findings[f].state != FSTATE_CLOSED)
				out->open_findings++;
	}
}

void evaluation_text_hash(const char *title, const char *text, char out[72])
{
	struct sha256 h;
	uint8_t d[32];
	static const char hex[] = "0123456789abcdef";

	sha256_init(&h);
	if (title)
		sha256_update(&h, title, strlen(title));
	sha256_update(&h, "\n", 1);
	if (text)
		sha256_update(&h, text, strlen(text));
	sha256_final(&h, d);
	memcpy(out, "sha256:", 7);
	for (int k = 0; k < 32; k++) {
		out[7 + 2 * k] = hex[d[k] >> 4];
		out[8 + 2 * k] = hex[d[k] & 15];
	}
	out[71] = '\0';
}

enum gate_reason evaluation_gate_reason(const struct eval_item *design)
{
	switch (design->result) {
	case RESULT_EFFECTIVE: return GATE_TAKEN;
	case RESULT_PARTLY:
		return design->decision && *design->decision ? GATE_TAKEN : GATE_PARTLY_NO_DECISION;
	case RESULT_NOT_EFFECTIVE: return GATE_NOT_EFFECTIVE;
	case RESULT_NA: return GATE_NOT_APPLICABLE;
	default: return GATE_NOT_EVALUATED;
	}
}
