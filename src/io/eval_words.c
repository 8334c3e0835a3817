/* The words for an evaluation's codes: English here, Japanese through
 * the message table. */
#include "kijun/eval_words.h"

#include "kijun/i18n.h"

#define WORD(table, count, k) ((unsigned)(k) < (count) ? _(table[k]) : "?")

const char *eval_words_kind(enum eval_kind k)
{
	static const char *const w[EVAL_KIND_COUNT] = {
		N_("design evaluation"), N_("operating evaluation"),
		N_("governance evaluation"),
	};
	return WORD(w, EVAL_KIND_COUNT, k);
}

const char *eval_words_state(enum eval_state s)
{
	static const char *const w[ESTATE_COUNT] = {
		N_("not started"), N_("in progress"), N_("awaiting review"), N_("complete"),
	};
	return WORD(w, ESTATE_COUNT, s);
}

const char *eval_words_result(enum eval_result r)
{
	static const char *const w[RESULT_COUNT] = {
		N_("not evaluated"), N_("effective"), N_("partly effective"),
		N_("not effective"), N_("not applicable"),
	};
	return WORD(w, RESULT_COUNT, r);
}

const char *eval_words_method(enum eval_method m)
{
	static const char *const w[METHOD_COUNT] = {
		N_("inspection"), N_("inquiry"), N_("observation"), N_("reperformance"),
	};
	return WORD(w, METHOD_COUNT, m);
}

const char *eval_words_frequency(enum eval_frequency f)
{
	static const char *const w[FREQ_COUNT] = {
		N_("frequency not set"), N_("more than daily"), N_("daily"), N_("weekly"),
		N_("monthly"), N_("quarterly"), N_("yearly"),
	};
	return WORD(w, FREQ_COUNT, f);
}

const char *eval_words_grade(enum finding_grade g)
{
	static const char *const w[GRADE_COUNT] = {
		N_("major deficiency"), N_("minor deficiency"), N_("observation point"),
		N_("improvement proposal"), N_("good practice"),
	};
	return WORD(w, GRADE_COUNT, g);
}

const char *eval_words_urgency(enum finding_urgency u)
{
	static const char *const w[URGENCY_COUNT] = { N_("normal"), N_("urgent") };

	return WORD(w, URGENCY_COUNT, u);
}

const char *eval_words_fstate(enum finding_state s)
{
	static const char *const w[FSTATE_COUNT] = {
		N_("open"), N_("remediating"), N_("closed"),
	};
	return WORD(w, FSTATE_COUNT, s);
}

const char *eval_words_gate(enum gate_reason r)
{
	static const char *const w[GATE_REASON_COUNT] = {
		N_("taken"), N_("the design evaluation has no result for it"),
		N_("its design was not effective"),
		N_("its design was partly effective and no decision was recorded"),
		N_("its design was not applicable"),
		N_("its text changed since the design evaluation"),
	};
	return WORD(w, GATE_REASON_COUNT, r);
}

const char *eval_words_measure(enum gov_measure m)
{
	static const char *const w[GOV_MEASURE_COUNT] = {
		N_("top management's role"), N_("how widely the key risks are recognized"),
		N_("how far the targets were reached"),
	};
	return WORD(w, GOV_MEASURE_COUNT, m);
}

const char *eval_words_question(enum gov_measure m)
{
	static const char *const w[GOV_MEASURE_COUNT] = {
		N_("Does top management keep itself informed of current threats and trends, and does the reporting to it work?"),
		N_("Do the members of the organization (for example all officers and staff) recognize its key information security risks (for example a leak of personal data)?"),
		N_("Where the organization's target is broken down by department, has each department reached its own?"),
	};
	return WORD(w, GOV_MEASURE_COUNT, m);
}

const char *eval_words_answer(enum gov_answer a)
{
	static const char *const w[ANSWER_COUNT] = { N_("not known"), N_("yes"), N_("no") };

	return WORD(w, ANSWER_COUNT, a);
}

const char *eval_words_reach(enum gov_reach r)
{
	static const char *const w[REACH_COUNT] = {
		N_("target not known"), N_("reached the target"), N_("partly reached"), N_("not reached"),
	};
	return WORD(w, REACH_COUNT, r);
}
