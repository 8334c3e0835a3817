/* The rules here come from the YAML 1.1 spec (plain scalars, single-quoted
 * scalars, literal block scalars with their indicators) narrowed to what
 * libyaml's emitter was seen to do with them; see yaml_form.h. */
#include "yaml_form.h"

#include <string.h>

/* Longest key written as a simple key: libyaml makes a longer one an
 * explicit "? key" (at 129 bytes).  Ours stays far below, quotes doubled
 * included. */
#define KEY_MAX 63

static bool is_word(const char *s, const char *const *words)
{
	for (; *words; words++)
		if ((*words)[0] == s[0] && strcmp(s, *words) == 0)
			return true;
	return false;
}

/* The test is wider than the grammar (any run of digits and number
 * punctuation) because an extra pair of quotes costs nothing. */
bool yaml_form_typed(const char *s)
{
	static const char *const words[] = {
		"", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
		"False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On",
		"ON", "off", "Off", "OFF", "y", "Y", "n", "N", ".inf", ".Inf",
		".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN",
		NULL,
	};
	bool digit = false;

	/* Every word is at most 6 bytes and starts with one of these, or is
	 * empty: most texts are ruled out without comparing them to the 37
	 * words one by one. */
	switch (s[0]) {
	case '\0': case '~': case 'n': case 'N': case 't': case 'T': case 'f': case 'F':
	case 'y': case 'Y': case 'o': case 'O': case '.': case '-': case '+':
		if (strnlen(s, 7) < 7 && is_word(s, words))
			return true;
		break;
	default:
		break;
	}
	if ((s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')))
		return true;
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			digit = true;
			break;
		case '+': case '-': case '.': case '_': case ':': case 'e': case 'E':
			break;
		default:
			return false;
		}
	}
	return digit;
}

/* What each byte starts, for the one pass over a text. */
enum {
	B_TEXT,    /* written as is, nothing to note */
	B_SPACE,
	B_COLON,
	B_HASH,
	B_BREAK,
	B_BAD,     /* a control, DEL, or what cannot start UTF-8 we are sure of */
	B_LEAD2,
	B_LEAD3,   /* E1-EC, EE: any continuation is a plain character */
	B_LEAD3X,  /* E0, E2, ED, EF: some of theirs are not */
};

static unsigned char byte_class(unsigned c)
{
	if (c == ' ')
		return B_SPACE;
	if (c == ':')
		return B_COLON;
	if (c == '#')
		return B_HASH;
	if (c == '\n')
		return B_BREAK;
	if (c < 0x20 || c == 0x7F)
		return B_BAD;
	if (c < 0x80)
		return B_TEXT;
	if (c >= 0xC2 && c <= 0xDF)
		return B_LEAD2;
	if (c >= 0xE0 && c <= 0xEF)
		return c == 0xE0 || c == 0xE2 || c == 0xED || c == 0xEF ? B_LEAD3X : B_LEAD3;
	return B_BAD;
}

static const unsigned char *classes(void)
{
	static unsigned char table[256];
	static bool ready;

	if (!ready) {
		for (unsigned c = 0; c < 256; c++)
			table[c] = byte_class(c);
		ready = true;
	}
	return table;
}

/* Whether the three bytes at p are a character the emitter writes as it
 * is: it escapes U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF; surrogates
 * and overlong forms are not UTF-8. */
static bool plain_char3(const unsigned char *p)
{
	unsigned cp;

	if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return false;
	cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
	return cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0x2028 &&
	       cp != 0x2029 && cp != 0xFEFF && cp < 0xFFFE;
}

/* Plain may start with anything but an indicator; "-", "?" and ":" only
 * when a non-space follows; and not with a document marker. */
static bool plain_start(const char *s, size_t len)
{
	switch (s[0]) {
	case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
	case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
	case ' ':
		return false;
	case '-': case '?': case ':':
		if (len == 1 || s[1] == ' ')
			return false;
		break;
	default:
		break;
	}
	if (len >= 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "...", 3) == 0))
		return false;
	return true;
}

/* The emitter writes as they are only characters from U+0020 to U+FFFD
 * (less the C1 controls, the separators and the byte order mark): tabs,
 * controls, and, as observed, everything above U+FFFF are escaped in
 * double quotes, which kijun leaves to it. */
enum yaml_form yaml_form_of(const char *s, size_t len, bool key)
{
	const unsigned char *p = (const unsigned char *)s, *table = classes();
	bool lines = false, space_break = false, plain = len > 0;
	size_t i = 0;

	while (i < len) {
		unsigned char k = table[p[i]];

		/* Japanese text is mostly runs of these. */
		if (k == B_LEAD3) {
			if (i + 2 >= len || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
				return YAML_FORM_UNSURE;
			i += 3;
			continue;
		}
		if (k <= B_SPACE) {
			i++;
			continue;
		}
		switch (k) {
		case B_COLON:
			plain &= i + 1 < len && p[i + 1] != ' ';
			i++;
			break;
		case B_HASH:
			plain &= i == 0 || p[i - 1] != ' ';
			i++;
			break;
		case B_BREAK:
			lines = true;
			space_break |= i > 0 && p[i - 1] == ' ';
			i++;
			break;
		case B_LEAD2:
			if (i + 1 >= len || (p[i + 1] & 0xC0) != 0x80 ||
			    (p[i] == 0xC2 && p[i + 1] < 0xA0))
				return YAML_FORM_UNSURE;
			i += 2;
			break;
		case B_LEAD3X:
			if (i + 2 >= len || !plain_char3(p + i))
				return YAML_FORM_UNSURE;
			i += 3;
			break;
		default:
			return YAML_FORM_UNSURE;
		}
	}
	if (lines) {
		/* Trailing spaces on a line would be lost in a block: the
		 * emitter quotes such text. */
		if (key || space_break || p[len - 1] == ' ')
			return YAML_FORM_UNSURE;
		return YAML_FORM_LITERAL;
	}
	if (key && len > KEY_MAX)
		return YAML_FORM_UNSURE;
	if (yaml_form_typed(s))
		return YAML_FORM_SINGLE;
	if (plain && plain_start(s, len) && s[len - 1] != ' ')
		return YAML_FORM_PLAIN;
	return YAML_FORM_SINGLE;
}

size_t yaml_form_literal_head(const char *s, size_t len, char out[2], bool *keep)
{
	size_t n = 0;

	*keep = false;
	if (s[0] == ' ' || s[0] == '\n')
		out[n++] = '2';
	if (s[len - 1] != '\n') {
		out[n++] = '-';
	} else if (len == 1 || s[len - 2] == '\n') {
		out[n++] = '+';
		*keep = true;
	}
	return n;
}
