/* Problems and conflicts in words, in the current language, when they
 * are shown: the core keeps them as codes. */
#ifndef KIJUN_PROBLEM_WORDS_H
#define KIJUN_PROBLEM_WORDS_H

#include <stddef.h>

#include "kijun/problem.h"

/* Writes p in words into buf (always terminated); returns buf. */
const char *problem_describe(const struct problem *p, char *buf, size_t size);

#endif
