/* The auditor's screen (`kijun EVAL.yaml`): one item of the evaluation
 * per page, one key per result, everything added without leaving the
 * item, and the file saved after every change. */
#ifndef KIJUN_EVAL_VIEW_H
#define KIJUN_EVAL_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "detail.h"
#include "kijun/arena.h"
#include "kijun/evaluation.h"

struct ui;

struct eval_ui {
	struct evaluation *e;
	const char *path;            /* the evaluation file */
	uint32_t cur;                /* the item shown */
	struct detail page;          /* its page, laid out */
	bool page_stale;             /* lay it out again */
	char disk_hash[72];          /* the file as last read or written */
	uint32_t findings_cursor;    /* in the open findings list */
	/* What the prompts put together, until it is recorded. */
	struct eval_procedure proc;
	struct eval_evidence evidence;
	struct eval_finding finding;
	struct eval_sampling sampling;
	struct gov_group gov_group;      /* governance: a group's count */
	struct gov_target gov_target;    /* governance: a department's target */
	struct arena scratch;
};

enum eval_action {
	EACT_NONE,
	EACT_EFFECTIVE, EACT_PARTLY, EACT_NOT_EFFECTIVE, EACT_NA, EACT_UNEVALUATED,
	EACT_NEXT_OPEN, EACT_PREV_OPEN, EACT_NEXT, EACT_PREV, EACT_FIRST, EACT_LAST,
	EACT_DOWN, EACT_UP, EACT_PAGE_DOWN, EACT_PAGE_UP,
	EACT_STATE, EACT_PROCEDURE, EACT_EVIDENCE, EACT_FINDING, EACT_SAMPLING,
	EACT_DECISION, EACT_COMMENT, EACT_SIGNOFF, EACT_FINDINGS,
	EACT_HELP, EACT_MESSAGES, EACT_LANGUAGE, EACT_REDRAW, EACT_QUIT,
};

/* One key of the auditor's screen: dispatch and the help read one table. */
struct eval_binding {
	const char *keys;
	const char *what;
	enum eval_action action;
	int codes[4];   /* characters; KEY_* codes are told apart by is_key */
};

/* Ends with keys NULL; rows with keys "" are more codes of the row
 * before, not shown in the help. */
extern const struct eval_binding eval_keymap[];

extern const struct view_ops eval_view;           /* eval_view.c */
extern const struct view_ops eval_findings_view;  /* eval_findings_view.c */
extern const struct view_ops eval_help_view;      /* eval_findings_view.c */

void eval_ui_init(struct eval_ui *x, struct evaluation *e, const char *path);
void eval_ui_free(struct eval_ui *x);

/* Says on opening what changed in the tailoring since the evaluation
 * was made, else where the work stands. */
void eval_announce(struct ui *ui);

/* Saves the evaluation at once (atomically); says so on the message line
 * when it cannot, and keeps the change in memory to be saved next time. */
bool eval_save(struct ui *ui);

/* The prompts that add to the item shown (eval_edit.c). */
void eval_edit_procedure(struct ui *ui);
void eval_edit_evidence(struct ui *ui);
void eval_edit_finding(struct ui *ui);
void eval_edit_sampling(struct ui *ui);
/* Governance (m on a measure's page): top management's answers, a key
 * risk or a group's count, a department's target and its reach. */
void eval_edit_figures(struct ui *ui);
void eval_edit_state(struct ui *ui);
void eval_edit_decision(struct ui *ui);
void eval_edit_comment(struct ui *ui);
void eval_edit_signoff(struct ui *ui);
/* Records a result on the item shown, saved at once. */
void eval_edit_result(struct ui *ui, enum eval_result r);

#endif
