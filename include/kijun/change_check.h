/* The one check every change passes before it is recorded (by a screen, a
 * command or the tailoring reader): what is wrong with it on its own, not
 * against a base (resolve.h reports that as conflicts).  A change that
 * passes writes and reads back unchanged. */
#ifndef KIJUN_CHANGE_CHECK_H
#define KIJUN_CHANGE_CHECK_H

#include <stdbool.h>

#include "kijun/problem.h"
#include "kijun/tailoring.h"

/* The first problem of c into *out (cleared first), and its code;
 * PROBLEM_NONE when c may be recorded. */
enum problem_code change_check(const struct change *c, struct problem *out);

/* True when s is one line of valid UTF-8 without control characters or
 * surrounding spaces, and not empty: what ids and other words must be. */
bool change_check_token(const char *s);

/* True when s is a real date written YYYY-MM-DD (from 1900 on). */
bool change_check_date(const char *s);

#endif
