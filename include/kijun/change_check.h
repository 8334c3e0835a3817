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

/* What a withdraw or retarget names, against the changes recorded before
 * it (earlier[0..count-1]; c would be change count + 1): an earlier
 * change, not itself a withdraw or retarget; a retarget moves a change
 * with one target by `target`, an add by `parent` or `after`, and never a
 * merge.  PROBLEM_NONE for every other op.  Whether the named change is
 * already withdrawn is resolution's to say (a conflict), so this stays
 * one look at one change. */
enum problem_code change_check_ref(const struct change *c, const struct change *earlier,
				   uint32_t count, struct problem *out);

/* One line of valid UTF-8 without control characters (C0, DEL, C1,
 * bidirectional): what an author or a word in a file may be. */
bool change_check_line(const char *s);
/* A line as above without surrounding spaces, and not empty: what ids and
 * other words must be. */
bool change_check_token(const char *s);

/* True when s is a real date written YYYY-MM-DD (from 1900 on). */
bool change_check_date(const char *s);

#endif
