/* Checks a requirement's sentence ending (文末表現) against its level.  The
 * METI guideline (II.6) splits items into 必須項目, which must be done, and
 * 推奨項目, which should be done if possible; in Japanese the ending of the
 * sentence is what says which, so a reworded item whose ending disagrees
 * with its level is worth pointing out. */
#ifndef KIJUN_WORDING_H
#define KIJUN_WORDING_H

#include <stdbool.h>

enum wording_level { WORDING_MANDATORY, WORDING_RECOMMENDED };

enum wording_ending { ENDING_NONE, ENDING_MANDATORY, ENDING_RECOMMENDED };

/* What the ending of text's last sentence says.  「〜することが望ましい」
 * 「〜するよう努める」「〜を推奨する」「〜することができる」 read as
 * recommended; 「〜しなければならない」「〜ものとする」 and plain assertive
 * endings such as 「〜する。」「〜を行う。」「〜を定める。」 as mandatory.
 * Anything else is ENDING_NONE: a heading, a list entry such as 「記録の保護」,
 * a plain verb without 。 (a fragment of a list), English, NULL.  Trailing
 * whitespace, closing brackets, a note in parentheses after the verb and a
 * final 。 or ． are looked past. */
enum wording_ending wording_ending(const char *text);

/* True when text's ending contradicts level: a mandatory item that ends like
 * a recommendation, or a recommended item that ends like a plain
 * requirement.  ENDING_NONE never contradicts. */
bool wording_contradicts(const char *text, enum wording_level level);

#endif
