/* An evaluation of a tailoring (docs/evaluation-format.md): the auditor's
 * working papers, item by item.  Codes only: the file holds English
 * tokens (evaluation_*_name), the views put Japanese or English words on
 * them.  Strings live in the evaluation's arena; arrays grow there too, so
 * one evaluation_free releases everything. */
#ifndef KIJUN_EVALUATION_H
#define KIJUN_EVALUATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/arena.h"

#define EVALUATION_FORMAT "kijun-evaluation/1"
#define EVALUATION_MAX_DEPTH 16

enum eval_kind {
	EVAL_DESIGN,      /* 整備状況評価 */
	EVAL_OPERATING,   /* 運用状況評価 */
	EVAL_GOVERNANCE,  /* III.1: ガバナンスの有効性評価, one item per measure */
	EVAL_KIND_COUNT
};

/* Where the auditor is with an item (the workflow). */
enum eval_state {
	ESTATE_TODO,      /* 未着手 */
	ESTATE_DOING,     /* 実施中 */
	ESTATE_REVIEW,    /* レビュー待ち */
	ESTATE_DONE,      /* 完了 */
	ESTATE_COUNT
};

/* The auditor's conclusion on an item. */
enum eval_result {
	RESULT_NONE,          /* 未評価 */
	RESULT_EFFECTIVE,     /* 有効 */
	RESULT_PARTLY,        /* 一部有効 */
	RESULT_NOT_EFFECTIVE, /* 有効でない */
	RESULT_NA,            /* 該当なし */
	RESULT_COUNT
};

enum eval_method {
	METHOD_INSPECTION,    /* 閲覧 */
	METHOD_INQUIRY,       /* 質問: weak alone */
	METHOD_OBSERVATION,   /* 観察 */
	METHOD_REPERFORMANCE, /* 再実施 */
	METHOD_COUNT
};

enum eval_frequency {
	FREQ_NONE,
	FREQ_MULTIPLE_DAILY,  /* more often than daily */
	FREQ_DAILY,
	FREQ_WEEKLY,
	FREQ_MONTHLY,
	FREQ_QUARTERLY,
	FREQ_YEARLY,
	FREQ_COUNT
};

/* Worst first: the order bounds use. */
enum finding_grade {
	GRADE_MAJOR,          /* 重大な不備 */
	GRADE_MINOR,          /* 軽微な不備 */
	GRADE_OBSERVATION,    /* 観察事項 */
	GRADE_IMPROVEMENT,    /* 改善提案 */
	GRADE_GOOD,           /* 良好事例 */
	GRADE_COUNT
};

enum finding_urgency { URGENCY_NORMAL, URGENCY_URGENT, URGENCY_COUNT };

enum finding_state {
	FSTATE_OPEN,          /* 未対応 */
	FSTATE_REMEDIATING,   /* 対応中 */
	FSTATE_CLOSED,        /* 完了 */
	FSTATE_COUNT
};

/* Why the gate left a design item out of an operating evaluation. */
enum gate_reason {
	GATE_TAKEN,
	GATE_NOT_EVALUATED,   /* no design result yet */
	GATE_NOT_EFFECTIVE,
	GATE_PARTLY_NO_DECISION, /* 一部有効 without a recorded decision */
	GATE_NOT_APPLICABLE,
	GATE_TEXT_CHANGED,    /* its text changed since the design evaluation */
	GATE_REASON_COUNT
};

struct eval_procedure {
	uint8_t method;        /* enum eval_method */
	const char *subject;   /* what was looked at, asked, watched, redone */
};

struct eval_sampling {
	const char *population;
	const char *period;
	uint8_t frequency;     /* enum eval_frequency */
	uint32_t size;         /* 0: not decided */
	const char **samples;
	uint32_t sample_count;
	const char *deviations;
};

struct eval_evidence {
	const char *what;
	const char *where;
	const char *obtained;  /* YYYY-MM-DD */
	const char *by;
	const char *file;      /* relative to the evaluation file, or NULL */
	const char *sha256;    /* "sha256:<hex>" of file */
};

struct eval_finding {
	uint8_t grade;         /* enum finding_grade */
	uint8_t urgency;       /* enum finding_urgency */
	uint8_t state;         /* enum finding_state */
	const char *text;
	const char *cause;     /* root cause */
	const char *owner;     /* of the remediation */
	const char *due;       /* YYYY-MM-DD */
};

/* The previous period's word on an item (an evaluation made with
 * --previous): its result, the text it saw, when it was last worked on. */
struct eval_last {
	bool has;              /* the previous evaluation had the item */
	uint8_t result;        /* enum eval_result */
	const char *text_hash;
	const char *updated;
};

struct gov_data;

struct eval_item {
	const char *id;
	const char *text_hash; /* evaluation_text_hash of the item when added */
	struct eval_last last; /* the previous period's (the next period) */
	uint8_t state;         /* enum eval_state */
	uint8_t result;        /* enum eval_result */
	const char *decision;  /* why a 一部有効 goes on to operation */
	struct eval_procedure *procedures;
	uint32_t procedure_count, procedure_cap;
	bool has_sampling;
	struct eval_sampling sampling;
	struct eval_evidence *evidence;
	uint32_t evidence_count, evidence_cap;
	struct eval_finding *findings;
	uint32_t finding_count, finding_cap;
	const char *comment;
	const char *preparer, *prepared;  /* 作成者, date */
	const char *reviewer, *reviewed;  /* レビュー者, date */
	const char *updated;   /* YYYY-MM-DD of the last change */
	struct gov_data *gov;  /* a governance measure's figures, or NULL */
};

/* An item the gate left out, and why (kept in the file as a note). */
struct eval_absent {
	const char *id;
	uint8_t reason;        /* enum gate_reason */
};

struct evaluation {
	uint8_t kind;          /* enum eval_kind */
	const char *title;
	const char *tailoring_file;  /* relative to the evaluation file */
	const char *tailoring_hash;  /* tailoring_hash when created */
	const char *scope;     /* a query; NULL: the whole tailoring */
	const char *from_file; /* operating: the design evaluation */
	const char *from_hash;
	const char *previous_file; /* the last period's evaluation, carried forward */
	const char *previous_hash;
	const char **auditors;
	uint32_t auditor_count;
	const char *period_from, *period_to;
	struct eval_item *items;
	uint32_t count, capacity;
	struct eval_absent *absent;
	uint32_t absent_count, absent_cap;
	struct arena arena;
};

void evaluation_init(struct evaluation *e);
void evaluation_free(struct evaluation *e);

/* Tokens as files write them, one table per code, indexed by it. */
extern const char *const evaluation_kind_names[EVAL_KIND_COUNT];
extern const char *const evaluation_state_names[ESTATE_COUNT];
extern const char *const evaluation_result_names[RESULT_COUNT];
extern const char *const evaluation_method_names[METHOD_COUNT];
extern const char *const evaluation_frequency_names[FREQ_COUNT];
extern const char *const evaluation_grade_names[GRADE_COUNT];
extern const char *const evaluation_urgency_names[URGENCY_COUNT];
extern const char *const evaluation_fstate_names[FSTATE_COUNT];
extern const char *const evaluation_gate_reason_names[GATE_REASON_COUNT];
/* The index of name (len bytes) in names[0..count), or -1. */
int evaluation_parse(const char *name, size_t len, const char *const *names, int count);

/* Copies s into the evaluation (NULL stays NULL); NULL when out of memory. */
const char *evaluation_strdup(struct evaluation *e, const char *s);

/* Appends an item with that id (copied), untouched; NULL when out of memory. */
struct eval_item *evaluation_add_item(struct evaluation *e, const char *id);
/* The item with that id, or NULL. */
struct eval_item *evaluation_find(const struct evaluation *e, const char *id);
bool evaluation_add_absent(struct evaluation *e, const char *id, enum gate_reason why);

/* Appends to an item; strings are copied.  False when out of memory. */
bool evaluation_add_procedure(struct evaluation *e, struct eval_item *it,
			      const struct eval_procedure *p);
bool evaluation_add_evidence(struct evaluation *e, struct eval_item *it,
			     const struct eval_evidence *v);
bool evaluation_add_finding(struct evaluation *e, struct eval_item *it,
			    const struct eval_finding *f);
bool evaluation_add_sample(struct evaluation *e, struct eval_item *it, const char *id);

/* ---- rules ------------------------------------------------------------ */

/* The best result the item's findings allow: a 重大な不備 allows only
 * 有効でない, a 軽微な不備 at best 一部有効, other grades bound nothing.
 * Every finding counts, closed ones too: remediation after the fact does
 * not change what was true in the period (docs/evaluation-format.md). */
enum eval_result evaluation_result_bound(const struct eval_item *it);
/* Whether r may be recorded on the item under that bound: 未評価 always;
 * 該当なし only without a 重大/軽微 finding; else not better than the
 * bound (有効 > 一部有効 > 有効でない). */
bool evaluation_result_allowed(const struct eval_item *it, enum eval_result r);

/* Records a result (and moves a 未着手 item to 実施中), with the date.
 * False, nothing changed, when evaluation_result_allowed says no. */
bool evaluation_set_result(struct evaluation *e, struct eval_item *it,
			   enum eval_result r, const char *date);

/* After a finding was added: a result its findings no longer allow comes
 * down to the bound (該当なし to 未評価).  True when it changed. */
bool evaluation_clamp_result(struct eval_item *it);

/* True when the item has procedures and every one is 質問: weak evidence. */
bool evaluation_inquiry_only(const struct eval_item *it);

/* The usual sample size for a control's frequency (0 for FREQ_NONE):
 * 25 daily or more often, 5 weekly, 2 monthly, 2 quarterly, 1 yearly. */
uint32_t evaluation_sample_suggestion(enum eval_frequency f);

/* Items per result and per state, for the progress bar. */
struct eval_counts {
	uint32_t total;
	uint32_t by_result[RESULT_COUNT];
	uint32_t by_state[ESTATE_COUNT];
	uint32_t open_findings;  /* not closed */
};
void evaluation_count(const struct evaluation *e, struct eval_counts *out);

/* "sha256:<hex>" of an item's resolved title and text (title, a newline,
 * text; either may be NULL): what flags an item whose text changed since
 * it was evaluated. */
void evaluation_text_hash(const char *title, const char *text, char out[72]);

/* ---- the next period (evaluation_carry.c) ------------------------------- */

/* Carries the previous period's evaluation forward into e (made by
 * evaluation_scope_build, results and states untouched): for each item of
 * e that prev has, its procedures, its sampling without the deviations
 * (population, frequency, size and sample ids as a starting point) and
 * its evidence references come over (a governance measure's key risks,
 * group names and departments' targets too, without counts, actuals or
 * answers), and `last` records prev's result,
 * text hash and date.  Results, states, findings, comments, decisions and
 * sign-offs stay behind: they were the last period's opinion.  False
 * when out of memory. */
bool evaluation_carry_forward(struct evaluation *e, const struct evaluation *prev);

/* How an item's text stands against the previous period's. */
enum eval_since {
	SINCE_NONE,       /* no previous period for it */
	SINCE_SAME,       /* the text the last period evaluated */
	SINCE_CHANGED,    /* the tailoring changed it since */
};
enum eval_since evaluation_carry_since(const struct eval_item *it);

/* ---- governance effectiveness (III.1, evaluation_governance.c) -------- */

/* The three measures the guideline (III.1) evaluates governance by; a
 * governance evaluation has one item per measure, with these ids. */
enum gov_measure {
	GOV_TOP_MANAGEMENT,   /* トップマネジメントにおける役割の遂行 */
	GOV_RISK_AWARENESS,   /* リスク認識の共有の程度 */
	GOV_TARGETS,          /* 目標の達成状況 */
	GOV_MEASURE_COUNT
};
enum gov_answer { ANSWER_UNKNOWN, ANSWER_YES, ANSWER_NO, ANSWER_COUNT };
enum gov_reach { REACH_UNKNOWN, REACH_REACHED, REACH_PARTLY, REACH_NOT_REACHED, REACH_COUNT };

/* How many of a group of staff recognize the key risks. */
struct gov_group {
	const char *group;
	uint32_t aware, total;
};

/* A department's share of the organization's target, and how far it got. */
struct gov_target {
	const char *department;
	const char *target;
	const char *actual;
	uint8_t reached;       /* enum gov_reach */
};

/* What a measure records beyond an item's result, evidence and
 * conclusion (the comment). */
struct gov_data {
	uint8_t informed;      /* top management informed of threats and trends */
	uint8_t reporting;     /* reporting to top management works */
	const char **risks;    /* the key risks asked about */
	uint32_t risk_count;
	struct gov_group *groups;
	uint32_t group_count, group_cap;
	struct gov_target *targets;
	uint32_t target_count, target_cap;
};

extern const char *const evaluation_measure_names[GOV_MEASURE_COUNT];
extern const char *const evaluation_answer_names[ANSWER_COUNT];
extern const char *const evaluation_reach_names[REACH_COUNT];

/* The measure an item id names, or -1. */
int evaluation_measure_of(const char *id);
/* Adds the three measures' items, todo, each with empty data.  False when
 * out of memory. */
bool evaluation_governance_build(struct evaluation *e);
/* The item's data, made when missing; NULL when out of memory. */
struct gov_data *evaluation_gov_data(struct evaluation *e, struct eval_item *it);
bool evaluation_gov_add_risk(struct evaluation *e, struct gov_data *g, const char *risk);
bool evaluation_gov_add_group(struct evaluation *e, struct gov_data *g, const struct gov_group *x);
bool evaluation_gov_add_target(struct evaluation *e, struct gov_data *g, const struct gov_target *x);
/* Aware staff over all staff of the groups, in percent rounded down; -1
 * when no staff is counted. */
int evaluation_gov_share(const struct gov_data *g);

/* ---- the gate ------------------------------------------------------------ */

/* Whether a design item goes on to the operating evaluation, and if not
 * why: 有効, or 一部有効 with a decision recorded, go on. */
enum gate_reason evaluation_gate_reason(const struct eval_item *design);

#endif
