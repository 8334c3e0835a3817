/* An evaluation's codes in words, in the current language, for the
 * screen and the commands: the core and the file keep English tokens. */
#ifndef KIJUN_EVAL_WORDS_H
#define KIJUN_EVAL_WORDS_H

#include "kijun/evaluation.h"

const char *eval_words_kind(enum eval_kind k);
const char *eval_words_state(enum eval_state s);
const char *eval_words_result(enum eval_result r);
const char *eval_words_method(enum eval_method m);
const char *eval_words_frequency(enum eval_frequency f);
const char *eval_words_grade(enum finding_grade g);
const char *eval_words_urgency(enum finding_urgency u);
const char *eval_words_fstate(enum finding_state s);
const char *eval_words_gate(enum gate_reason r);
/* Governance (III.1): a measure's name and the guideline's question. */
const char *eval_words_measure(enum gov_measure m);
const char *eval_words_question(enum gov_measure m);
const char *eval_words_answer(enum gov_answer a);
const char *eval_words_reach(enum gov_reach r);

#endif
