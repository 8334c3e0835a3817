#include "kijun/wording.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijun/text.h"

/* Phrases that settle what a sentence ending says, matched against the end
 * of the last sentence with or without its 。.  The longest match wins, so
 * 「努めなければならない」 is an obligation although it contains 「努め」, and
 * 「ことができる」 is a permission although 「できる」 alone is not.
 *
 * Recommended: the forms JIS Q 27002 and the METI guideline use for
 * "should" (〜することが望ましい) and the usual variants, including
 * permissions (〜することができる, 〜してもよい), which never oblige.
 * Mandatory: the forms for "shall" whose meaning does not depend on a
 * final 。.  Neither: endings that state a fact or an ability and would be
 * read as plain verbs below (〜である。, 〜できる。). */
static const struct {
	const char *phrase;
	enum wording_ending ending;
} phrases[] = {
	{ "望ましい", ENDING_RECOMMENDED },
	{ "望ましいです", ENDING_RECOMMENDED },
	{ "望ましくない", ENDING_RECOMMENDED },
	{ "望まれる", ENDING_RECOMMENDED },
	{ "努める", ENDING_RECOMMENDED },
	{ "努めること", ENDING_RECOMMENDED },
	{ "努めます", ENDING_RECOMMENDED },
	{ "努力する", ENDING_RECOMMENDED },
	{ "推奨する", ENDING_RECOMMENDED },
	{ "推奨される", ENDING_RECOMMENDED },
	{ "推奨します", ENDING_RECOMMENDED },
	{ "勧める", ENDING_RECOMMENDED },
	{ "勧められる", ENDING_RECOMMENDED },
	{ "勧めします", ENDING_RECOMMENDED },
	{ "奨励する", ENDING_RECOMMENDED },
	{ "ことができる", ENDING_RECOMMENDED },
	{ "ことができます", ENDING_RECOMMENDED },
	{ "てもよい", ENDING_RECOMMENDED },
	{ "ても良い", ENDING_RECOMMENDED },
	{ "でもよい", ENDING_RECOMMENDED },
	{ "ても差し支えない", ENDING_RECOMMENDED },
	{ "てもかまわない", ENDING_RECOMMENDED },
	{ "必要はない", ENDING_RECOMMENDED },
	{ "なければならない", ENDING_MANDATORY },
	{ "なくてはならない", ENDING_MANDATORY },
	{ "ねばならない", ENDING_MANDATORY },
	{ "てはならない", ENDING_MANDATORY },
	{ "ではならない", ENDING_MANDATORY },
	{ "ものとする", ENDING_MANDATORY },
	{ "必要がある", ENDING_MANDATORY },
	{ "必要である", ENDING_MANDATORY },
	{ "必要です", ENDING_MANDATORY },
	{ "求められる", ENDING_MANDATORY },
	{ "義務付ける", ENDING_MANDATORY },
	{ "である", ENDING_NONE },
	{ "です", ENDING_NONE },
	{ "できる", ENDING_NONE },
	{ "できます", ENDING_NONE },
};

/* After a 。, a sentence ending in one of these is a plain assertion: the
 * dictionary form of a verb (〜する。〜を行う。〜を定める。), a negative
 * (〜を許可しない。), or the imperative 〜すること。. */
static const char *const plain_endings[] = {
	"う", "く", "ぐ", "す", "つ", "ぬ", "ぶ", "む", "る", "ない", "こと", "ください",
};

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return n <= len && memcmp(s + len - n, suffix, n) == 0;
}

/* Start of the character that ends s[0..len). */
static size_t last_char(const char *s, size_t len, uint32_t *cp)
{
	size_t at = len;

	while (at > 0 && len - at < 4 && ((unsigned char)s[at - 1] & 0xC0) == 0x80)
		at--;
	if (at > 0)
		at--;
	if (utf8_decode(s + at, len - at, cp) != len - at) {
		/* Not a whole character: take the last byte alone. */
		at = len - 1;
		*cp = 0xFFFD;
	}
	return at;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000;
}

static bool is_period(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61;  /* 。 ． ｡ */
}

static bool is_open_paren(uint32_t cp)
{
	return cp == '(' || cp == 0xFF08;
}

static bool is_close_paren(uint32_t cp)
{
	return cp == ')' || cp == 0xFF09;
}

static bool is_closer(uint32_t cp)
{
	static const uint32_t closers[] = {
		']', '"', '\'', 0x300D, 0x300F, 0xFF3D, 0x3011, 0x3015, 0x3009,
		0x300B, 0x201D, 0x2019,  /* 」 』 ］ 】 〕 〉 》 ” ’ */
	};

	for (size_t i = 0; i < sizeof(closers) / sizeof(closers[0]); i++)
		if (cp == closers[i])
			return true;
	return false;
}

/* Where the parenthesis closing s[0..len) opens, or len when unmatched. */
static size_t paren_open(const char *s, size_t len)
{
	size_t at = len;
	int depth = 0;
	uint32_t cp;

	while (at > 0) {
		at = last_char(s, at, &cp);
		if (is_close_paren(cp))
			depth++;
		else if (is_open_paren(cp) && --depth == 0)
			return at;
	}
	return len;
}

static bool only_space(const char *s, size_t len)
{
	uint32_t cp;

	while (len > 0) {
		len = last_char(s, len, &cp);
		if (!is_space(cp))
			return false;
	}
	return true;
}

/* Length of text once what follows the last sentence's wording is cut:
 * whitespace, closing brackets, one final period (which *period reports)
 * and a note in parentheses: 「〜を定める（附属書A参照）。」 and
 * 「〜を定める。（例えば、…。）」 both read 「〜を定める」, while a text wholly
 * in parentheses keeps its wording. */
static size_t wording_trim(const char *s, size_t len, bool *period)
{
	uint32_t cp;

	*period = false;
	while (len > 0) {
		size_t at = last_char(s, len, &cp), open;

		if (is_space(cp) || is_closer(cp)) {
			len = at;
		} else if (is_period(cp) && !*period) {
			*period = true;
			len = at;
		} else if (is_close_paren(cp)) {
			open = paren_open(s, len);
			len = open < len && !only_space(s, open) ? open : at;
		} else {
			break;
		}
	}
	return len;
}

enum wording_ending wording_ending(const char *text)
{
	size_t len, best = 0;
	enum wording_ending ending = ENDING_NONE;
	bool period;

	if (!text)
		return ENDING_NONE;
	len = wording_trim(text, strlen(text), &period);
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
		size_t n = strlen(phrases[i].phrase);

		if (n > best && ends_with(text, len, phrases[i].phrase)) {
			best = n;
			ending = phrases[i].ending;
		}
	}
	if (best)
		return ending;
	/* A plain verb without 。 is most often an entry of a list, which
	 * takes its force from the sentence that introduces it. */
	if (!period)
		return ENDING_NONE;
	for (size_t i = 0; i < sizeof(plain_endings) / sizeof(plain_endings[0]); i++)
		if (ends_with(text, len, plain_endings[i]))
			return ENDING_MANDATORY;
	return ENDING_NONE;
}

bool wording_contradicts(const char *text, enum wording_level level)
{
	enum wording_ending e = wording_ending(text);

	if (level == WORDING_MANDATORY)
		return e == ENDING_RECOMMENDED;
	return e == ENDING_MANDATORY;
}
