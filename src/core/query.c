/* The query language (docs/query.md): a tokenizer that counts columns in
 * characters, a recursive descent parser into a flat node array, and a
 * matcher that walks it.  Field names and values are looked up once, at
 * compile time, so matching an item compares small integers. */
#include "kijun/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/risk.h"
#include "kijun/search.h"
#include "kijun/tailoring.h"
#include "kijun/text.h"

enum node_kind {
	N_AND, N_OR, N_NOT,
	N_TEXT,       /* str: free text, as / searches */
	N_ID,         /* str: the id, or its number after the section */
	N_ID_PREFIX,  /* str: the start of the id */
	N_ATTR,       /* type, value */
	N_STATUS,     /* num: enum item_status */
	N_LEVEL,      /* num: enum item_level */
	N_TECHNICAL,  /* num: 1 or 0 */
	N_MARK,       /* str */
	N_SOURCE,     /* num: enum source_kind */
	N_KIND,       /* num: enum item_kind */
	N_RISK,       /* num: enum risk_test; str: the level or risk id */
};

struct node {
	uint8_t kind;
	uint16_t type, value;
	uint32_t num;
	uint32_t a, b;           /* children of and, or, not */
	const char *str;
};

struct query {
	char *text;
	char *store;             /* unquoted words, NUL-terminated */
	size_t store_len;
	struct node nodes[QUERY_MAX_NODES];
	uint32_t count;
	uint32_t root;
	const struct risk_basis *basis; /* NULL: risk: is refused */
};

/* ---- tokens ---------------------------------------------------------------- */

enum tok_kind { T_END, T_OPEN, T_CLOSE, T_WORD, T_AND, T_OR, T_NOT };

struct token {
	enum tok_kind kind;
	unsigned col, chars;     /* 1-based column and width, in characters */
	const char *word;        /* T_WORD: unquoted, in the store */
	bool quoted;             /* began with a quote: no keyword, no #value */
	const char *value;       /* after the first unquoted colon, or NULL */
	unsigned value_col;
};

struct parser {
	struct query *q;
	const struct catalog *c;
	const char *s;
	size_t pos, len;
	unsigned col;            /* of s[pos] */
	int depth;
	struct token tok;
	struct query_error *err;
};

static bool fail(struct parser *p, enum query_code code, unsigned col, unsigned chars,
		 const char *word)
{
	if (p->err->code != QUERY_OK)
		return false;
	p->err->code = code;
	p->err->column = col ? col : 1;
	p->err->length = chars ? chars : 1;
	snprintf(p->err->word, sizeof(p->err->word), "%s", word ? word : "");
	return false;
}

/* The code point at pos and its length in bytes (0 at the end). */
static size_t peek(const struct parser *p, size_t pos, uint32_t *cp)
{
	if (pos >= p->len) {
		*cp = 0;
		return 0;
	}
	return utf8_decode(p->s + pos, p->len - pos, cp);
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

/* Full-width brackets and colons as a Japanese input method types them. */
static bool is_open(uint32_t cp) { return cp == '(' || cp == 0xFF08; }
static bool is_close(uint32_t cp) { return cp == ')' || cp == 0xFF09; }
static bool is_colon(uint32_t cp) { return cp == ':' || cp == 0xFF1A; }

static bool ascii_eq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		/* Asset_management is the id of "Asset management". */
		if (x == '_')
			x = ' ';
		if (y == '_')
			y = ' ';
		if (x != y)
			return false;
		if (!x)
			return true;
	}
}

static bool next_token(struct parser *p)
{
	struct token *t = &p->tok;
	uint32_t cp;
	size_t n;
	char *out;
	bool in_quote = false;
	unsigned quote_col = 0;

	memset(t, 0, sizeof(*t));
	while ((n = peek(p, p->pos, &cp)) && is_space(cp)) {
		p->pos += n;
		p->col++;
	}
	t->col = p->col;
	t->chars = 1;
	if (!n) {
		t->kind = T_END;
		return true;
	}
	if (is_open(cp) || is_close(cp)) {
		t->kind = is_open(cp) ? T_OPEN : T_CLOSE;
		p->pos += n;
		p->col++;
		return true;
	}
	t->kind = T_WORD;
	out = p->q->store + p->q->store_len;
	t->word = out;
	t->quoted = cp == '"';
	while ((n = peek(p, p->pos, &cp))) {
		if (cp == '"') {
			if (!in_quote)
				quote_col = p->col;
			in_quote = !in_quote;
		} else if (!in_quote && (is_space(cp) || is_open(cp) || is_close(cp))) {
			break;
		} else if (!in_quote && !t->value && is_colon(cp)) {
			*out++ = '\0';
			t->value = out;
			t->value_col = p->col + 1;
		} else {
			memcpy(out, p->s + p->pos, n);
			out += n;
		}
		p->pos += n;
		p->col++;
	}
	*out++ = '\0';
	t->chars = p->col - t->col;
	p->q->store_len = (size_t)(out - p->q->store);
	if (in_quote)
		return fail(p, QUERY_UNTERMINATED_QUOTE, quote_col, 1, NULL);
	if (!t->quoted && !t->value) {
		if (ascii_eq(t->word, "and"))
			t->kind = T_AND;
		else if (ascii_eq(t->word, "or"))
			t->kind = T_OR;
		else if (ascii_eq(t->word, "not"))
			t->kind = T_NOT;
	}
	return true;
}

/* ---- nodes ------------------------------------------------------------------- */

static uint32_t add_node(struct parser *p, enum node_kind kind)
{
	struct query *q = p->q;

	if (q->count >= QUERY_MAX_NODES) {
		fail(p, QUERY_TOO_LONG, p->tok.col, p->tok.chars, NULL);
		return UINT32_MAX;
	}
	memset(&q->nodes[q->count], 0, sizeof(q->nodes[0]));
	q->nodes[q->count].kind = (uint8_t)kind;
	return q->count++;
}

static uint32_t join(struct parser *p, enum node_kind kind, uint32_t a, uint32_t b)
{
	uint32_t n = add_node(p, kind);

	if (n != UINT32_MAX) {
		p->q->nodes[n].a = a;
		p->q->nodes[n].b = b;
	}
	return n;
}

/* ---- attribute types and values ------------------------------------------------ */

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!hay || !n)
		return false;
	for (; *hay; hay++) {
		size_t k = 0;

		while (k < n && hay[k]) {
			unsigned char x = (unsigned char)hay[k], y = (unsigned char)needle[k];

			if (x >= 'A' && x <= 'Z')
				x = (unsigned char)(x + 32);
			if (y >= 'A' && y <= 'Z')
				y = (unsigned char)(y + 32);
			if (x == '_')
				x = ' ';
			if (y == '_')
				y = ' ';
			if (x != y)
				break;
			k++;
		}
		if (k == n)
			return true;
	}
	return false;
}

static bool names(const char *label, const char *word)
{
	return label && ascii_eq(label, word);
}

int query_find_type(const struct catalog *c, const char *word)
{
	int found = -1;

	if (!word[0])
		return -1;
	for (uint32_t t = 0; t < c->type_count; t++)
		if (names(c->types[t].id, word) || names(c->types[t].label, word) ||
		    names(c->types[t].label_en, word))
			return (int)t;
	/* 概念 for サイバーセキュリティ概念, as the guideline's prose says it. */
	for (uint32_t t = 0; t < c->type_count; t++) {
		if (!contains_ci(c->types[t].label, word) && !contains_ci(c->types[t].label_en, word))
			continue;
		if (found >= 0)
			return -2;
		found = (int)t;
	}
	return found;
}

/* "検知 (Detective)", as lists show a shared label, with or without the
 * space. */
static bool names_qualified(const struct attr_value *v, const char *word)
{
	char buf[512];

	if (!v->label || !v->label_en || !strchr(word, '('))
		return false;
	snprintf(buf, sizeof(buf), "%s (%s)", v->label, v->label_en);
	if (ascii_eq(buf, word))
		return true;
	snprintf(buf, sizeof(buf), "%s(%s)", v->label, v->label_en);
	return ascii_eq(buf, word);
}

int query_find_value(const struct attr_type *t, const char *word)
{
	for (uint32_t v = 0; v < t->value_count; v++)
		if (names(t->values[v].id, word) || names(t->values[v].label, word) ||
		    names(t->values[v].label_en, word) || names_qualified(&t->values[v], word))
			return (int)v;
	return -1;
}

/* ---- the fixed fields ----------------------------------------------------------- */

enum field { F_ID, F_STATUS, F_LEVEL, F_TECHNICAL, F_MARK, F_SOURCE, F_KIND, F_TEXT, F_RISK };

static const struct {
	const char *name;
	enum field field;
} fields[] = {
	{ "id", F_ID }, { "番号", F_ID },
	{ "status", F_STATUS }, { "状態", F_STATUS },
	{ "level", F_LEVEL }, { "水準", F_LEVEL },
	{ "technical", F_TECHNICAL }, { "技術的検証", F_TECHNICAL }, { "技術", F_TECHNICAL },
	{ "mark", F_MARK }, { "marks", F_MARK }, { "マーク", F_MARK },
	{ "source", F_SOURCE }, { "出典", F_SOURCE },
	{ "kind", F_KIND }, { "種別", F_KIND },
	{ "text", F_TEXT }, { "文言", F_TEXT },
	{ "risk", F_RISK }, { "リスク", F_RISK },
};

/* Words for enum values: the file's name and the Japanese label. */
struct word_value {
	const char *word;
	int value;
};

static const struct word_value status_words[] = {
	{ "kept", STATUS_KEPT }, { "維持", STATUS_KEPT },
	{ "reworded", STATUS_REWORDED }, { "修正", STATUS_REWORDED },
	{ "added", STATUS_ADDED }, { "追加", STATUS_ADDED },
	{ "excluded", STATUS_EXCLUDED }, { "除外", STATUS_EXCLUDED },
	{ "split", STATUS_SPLIT }, { "分割", STATUS_SPLIT },
	{ "merged", STATUS_MERGED }, { "統合", STATUS_MERGED },
	{ NULL, 0 },
};

static const struct word_value level_words[] = {
	{ "mandatory", LEVEL_MANDATORY }, { "必須", LEVEL_MANDATORY },
	{ "recommended", LEVEL_RECOMMENDED }, { "推奨", LEVEL_RECOMMENDED },
	{ "none", LEVEL_NONE }, { "なし", LEVEL_NONE }, { "指定なし", LEVEL_NONE },
	{ NULL, 0 },
};

static const struct word_value yes_words[] = {
	{ "yes", 1 }, { "true", 1 }, { "はい", 1 }, { "1", 1 },
	{ "no", 0 }, { "false", 0 }, { "いいえ", 0 }, { "0", 0 },
	{ NULL, 0 },
};

static const struct word_value source_words[] = {
	{ "law", SOURCE_LAW }, { "法令", SOURCE_LAW }, { "法令・規制", SOURCE_LAW },
	{ "standard", SOURCE_STANDARD }, { "他の基準", SOURCE_STANDARD },
	{ "organization", SOURCE_ORGANIZATION }, { "組織の必要", SOURCE_ORGANIZATION },
	{ "internal-rule", SOURCE_INTERNAL_RULE }, { "組織内規定", SOURCE_INTERNAL_RULE },
	{ NULL, 0 },
};

static const struct word_value kind_words[] = {
	{ "part", ITEM_PART }, { "部", ITEM_PART },
	{ "section", ITEM_SECTION }, { "節", ITEM_SECTION },
	{ "control", ITEM_CONTROL }, { "管理策", ITEM_CONTROL },
	{ "detail", ITEM_DETAIL }, { "詳細管理策", ITEM_DETAIL },
	{ "entry", ITEM_ENTRY }, { "列挙項目", ITEM_ENTRY },
	{ NULL, 0 },
};

static int word_value(const struct word_value *v, const char *word)
{
	for (; v->word; v++)
		if (ascii_eq(v->word, word))
			return v->value;
	return -1;
}

static uint32_t term_attr(struct parser *p, uint16_t type, uint16_t value)
{
	uint32_t n = add_node(p, N_ATTR);

	if (n != UINT32_MAX) {
		p->q->nodes[n].type = type;
		p->q->nodes[n].value = value;
	}
	return n;
}

/* #検知: every type's value by that name, any of them. */
static uint32_t term_any_value(struct parser *p, const char *word, unsigned col, unsigned chars)
{
	uint32_t out = UINT32_MAX;

	if (!word[0]) {
		fail(p, QUERY_EMPTY_VALUE, col, chars, NULL);
		return UINT32_MAX;
	}
	for (uint32_t t = 0; t < p->c->type_count; t++) {
		int v = query_find_value(&p->c->types[t], word);
		uint32_t n;

		if (v < 0)
			continue;
		n = term_attr(p, (uint16_t)t, (uint16_t)v);
		if (n == UINT32_MAX)
			return UINT32_MAX;
		out = out == UINT32_MAX ? n : join(p, N_OR, out, n);
		if (out == UINT32_MAX)
			return UINT32_MAX;
	}
	if (out == UINT32_MAX)
		fail(p, QUERY_UNKNOWN_VALUE, col + 1, chars - 1, word);
	return out;
}

static uint32_t term_text(struct parser *p, enum node_kind kind, const char *word)
{
	uint32_t n = add_node(p, kind);

	if (n != UINT32_MAX)
		p->q->nodes[n].str = word;
	return n;
}

static uint32_t term_enum(struct parser *p, enum node_kind kind, const struct word_value *words,
			  const char *value, unsigned col, unsigned chars)
{
	int v = word_value(words, value);
	uint32_t n;

	if (v < 0) {
		fail(p, QUERY_UNKNOWN_VALUE, col, chars, value);
		return UINT32_MAX;
	}
	n = add_node(p, kind);
	if (n != UINT32_MAX)
		p->q->nodes[n].num = (uint32_t)v;
	return n;
}

/* ---- risk: the items treating the register's risks (one block) ----------- */

enum risk_test { RISK_ANY, RISK_NONE, RISK_ID, RISK_EQ, RISK_GE, RISK_GT, RISK_LE, RISK_LT };

/* risk:any, risk:none, risk:高 (a treated risk at that level), risk:>=中
 * (at it or above on the tailoring's scale, highest first), risk:R1 (by
 * id).  A level is checked against the scale now but looked up again
 * when matching, so the filter follows a scale changed later. */
static uint32_t term_risk(struct parser *p, const char *value, unsigned col, unsigned chars)
{
	static const struct { const char *op; enum risk_test test; } cmp[] = {
		{ ">=", RISK_GE }, { "<=", RISK_LE }, { ">", RISK_GT }, { "<", RISK_LT },
		{ "=", RISK_EQ },
	};
	enum risk_test test = RISK_EQ;
	bool compared = false;
	uint32_t n;

	if (ascii_eq(value, "any") || !strcmp(value, "あり")) {
		test = RISK_ANY;
	} else if (ascii_eq(value, "none") || !strcmp(value, "なし")) {
		test = RISK_NONE;
	} else {
		for (size_t k = 0; k < sizeof(cmp) / sizeof(cmp[0]); k++) {
			size_t len = strlen(cmp[k].op);

			if (!strncmp(value, cmp[k].op, len) && value[len]) {
				test = cmp[k].test;
				value += len;
				col += (unsigned)len;
				chars -= (unsigned)len;
				compared = true;
				break;
			}
		}
		if (risk_basis_rank(p->q->basis, value) < 0) {
			if (compared || !risk_basis_find(p->q->basis, value)) {
				fail(p, QUERY_UNKNOWN_VALUE, col, chars, value);
				return UINT32_MAX;
			}
			test = RISK_ID;
		}
	}
	n = add_node(p, N_RISK);
	if (n != UINT32_MAX) {
		p->q->nodes[n].num = test;
		p->q->nodes[n].str = value;
	}
	return n;
}

static bool risk_matches(const struct risk_basis *b, const struct node *x,
			 const struct resolved *info)
{
	uint32_t count = info ? resolved_extra(info)->risk_count : 0;
	int want;

	if (x->num == RISK_ANY || x->num == RISK_NONE)
		return (count > 0) == (x->num == RISK_ANY);
	want = b ? risk_basis_rank(b, x->str) : -1;
	for (uint32_t k = 0; k < count; k++) {
		const struct risk *rk;
		int rank;

		if (x->num == RISK_ID) {
			if (!strcmp(resolved_extra(info)->risks[k], x->str))
				return true;
			continue;
		}
		rk = risk_basis_find(b, resolved_extra(info)->risks[k]);
		rank = rk ? risk_basis_rank(b, rk->level) : -1;
		if (rank < 0 || want < 0)
			continue;
		/* Rank 0 is the highest level: "above" is a smaller rank. */
		if ((x->num == RISK_EQ && rank == want) || (x->num == RISK_GE && rank <= want) ||
		    (x->num == RISK_GT && rank < want) || (x->num == RISK_LE && rank >= want) ||
		    (x->num == RISK_LT && rank > want))
			return true;
	}
	return false;
}

/* ---- the fields with a colon ---------------------------------------------------- */

static uint32_t term_field(struct parser *p, const struct token *t)
{
	const char *value = t->value;
	unsigned vcol = t->value_col, vchars = t->col + t->chars - t->value_col;
	unsigned fchars = vcol - 1 - t->col;
	int type, v;

	if (!value[0]) {
		fail(p, QUERY_EMPTY_VALUE, vcol - 1, 1, NULL);
		return UINT32_MAX;
	}
	/* csf:PR is the attribute the function is read from (csf_map.h):
	 * 概念:防御 by another name, so it needs no node of its own. */
	if (ascii_eq(t->word, "csf")) {
		int f = csf_function_parse(value);

		if (f < 0 || !csf_function_attr(p->c, (enum csf_function)f, &type, &v)) {
			fail(p, QUERY_UNKNOWN_VALUE, vcol, vchars, value);
			return UINT32_MAX;
		}
		return term_attr(p, (uint16_t)type, (uint16_t)v);
	}
	for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
		if (!ascii_eq(fields[k].name, t->word))
			continue;
		switch (fields[k].field) {
		case F_ID: {
			size_t n = strlen(value);

			if (n > 1 && value[n - 1] == '*') {
				((char *)value)[n - 1] = '\0';
				return term_text(p, N_ID_PREFIX, value);
			}
			return term_text(p, N_ID, value);
		}
		case F_STATUS: return term_enum(p, N_STATUS, status_words, value, vcol, vchars);
		case F_LEVEL: return term_enum(p, N_LEVEL, level_words, value, vcol, vchars);
		case F_TECHNICAL: return term_enum(p, N_TECHNICAL, yes_words, value, vcol, vchars);
		case F_SOURCE: return term_enum(p, N_SOURCE, source_words, value, vcol, vchars);
		case F_KIND: return term_enum(p, N_KIND, kind_words, value, vcol, vchars);
		case F_MARK: return term_text(p, N_MARK, value);
		case F_TEXT: return term_text(p, N_TEXT, value);
		case F_RISK:
			if (!p->q->basis) {
				fail(p, QUERY_NOT_AVAILABLE, t->col, fchars, t->word);
				return UINT32_MAX;
			}
			return term_risk(p, value, vcol, vchars);
		}
	}
	type = query_find_type(p->c, t->word);
	if (type == -2) {
		fail(p, QUERY_AMBIGUOUS_TYPE, t->col, fchars, t->word);
		return UINT32_MAX;
	}
	if (type < 0) {
		fail(p, QUERY_UNKNOWN_FIELD, t->col, fchars, t->word);
		return UINT32_MAX;
	}
	/* 概念:#識別 says the same as 概念:識別. */
	if (value[0] == '#' && value[1]) {
		value++;
		vcol++;
		vchars--;
	} else if (!strncmp(value, "＃", 3) && value[3]) {
		value += 3;
		vcol++;
		vchars--;
	}
	v = query_find_value(&p->c->types[type], value);
	if (v < 0) {
		fail(p, QUERY_UNKNOWN_VALUE, vcol, vchars, value);
		return UINT32_MAX;
	}
	return term_attr(p, (uint16_t)type, (uint16_t)v);
}

static uint32_t term(struct parser *p)
{
	struct token t = p->tok;

	if (!next_token(p))
		return UINT32_MAX;
	if (t.value)
		return term_field(p, &t);
	if (t.quoted)
		return term_text(p, N_TEXT, t.word);
	if (t.word[0] == '#')
		return term_any_value(p, t.word + 1, t.col, t.chars);
	if (!strncmp(t.word, "＃", 3))
		return term_any_value(p, t.word + 3, t.col, t.chars);
	return term_text(p, N_TEXT, t.word);
}

/* ---- the grammar ------------------------------------------------------------------ */

static uint32_t parse_or(struct parser *p);

static uint32_t parse_unary(struct parser *p)
{
	struct token t = p->tok;

	switch (t.kind) {
	case T_NOT: {
		uint32_t a;

		if (!next_token(p))
			return UINT32_MAX;
		a = parse_unary(p);
		return a == UINT32_MAX ? a : join(p, N_NOT, a, 0);
	}
	case T_OPEN: {
		uint32_t a;

		if (!next_token(p))
			return UINT32_MAX;
		p->depth++;
		a = parse_or(p);
		if (a == UINT32_MAX)
			return a;
		if (p->tok.kind != T_CLOSE) {
			fail(p, QUERY_UNMATCHED_OPEN, t.col, 1, NULL);
			return UINT32_MAX;
		}
		p->depth--;
		return next_token(p) ? a : UINT32_MAX;
	}
	case T_WORD:
		return term(p);
	case T_CLOSE:
		if (!p->depth) {
			fail(p, QUERY_UNMATCHED_CLOSE, t.col, 1, NULL);
			return UINT32_MAX;
		}
		/* fall through */
	default:
		fail(p, QUERY_EXPECTED_TERM, t.col, t.chars,
		     t.kind == T_AND ? "and" : t.kind == T_OR ? "or" : NULL);
		return UINT32_MAX;
	}
}

static uint32_t parse_and(struct parser *p)
{
	uint32_t a = parse_unary(p);

	while (a != UINT32_MAX) {
		uint32_t b;

		if (p->tok.kind == T_AND) {
			if (!next_token(p))
				return UINT32_MAX;
		} else if (p->tok.kind != T_WORD && p->tok.kind != T_NOT &&
			   p->tok.kind != T_OPEN) {
			break;
		}
		b = parse_unary(p);
		a = b == UINT32_MAX ? b : join(p, N_AND, a, b);
	}
	return a;
}

static uint32_t parse_or(struct parser *p)
{
	uint32_t a = parse_and(p);

	while (a != UINT32_MAX && p->tok.kind == T_OR) {
		uint32_t b;

		if (!next_token(p))
			return UINT32_MAX;
		b = parse_and(p);
		a = b == UINT32_MAX ? b : join(p, N_OR, a, b);
	}
	return a;
}

struct query *query_compile(const char *text, const struct catalog *c,
			    struct query_error *err)
{
	return query_compile_risk(text, c, NULL, err);
}

struct query *query_compile_risk(const char *text, const struct catalog *c,
				 const struct risk_basis *b, struct query_error *err)
{
	struct parser p = { .c = c, .s = text, .len = strlen(text), .col = 1, .err = err };
	struct query *q;
	size_t bad;

	memset(err, 0, sizeof(*err));
	if (!utf8_valid(text, p.len, &bad)) {
		/* The column of the bad byte: the characters before it. */
		unsigned col = 1;

		for (size_t k = 0; k < bad; k++)
			if (((unsigned char)text[k] & 0xC0) != 0x80)
				col++;
		fail(&p, QUERY_BAD_UTF8, col, 1, NULL);
		return NULL;
	}
	q = calloc(1, sizeof(*q));
	if (q) {
		q->text = strdup(text);
		q->store = malloc(p.len + 2);
	}
	if (!q || !q->text || !q->store) {
		query_free(q);
		err->code = QUERY_NO_MEMORY;
		return NULL;
	}
	p.q = q;
	q->basis = b;
	if (!next_token(&p)) {
		query_free(q);
		return NULL;
	}
	if (p.tok.kind == T_END) {
		fail(&p, QUERY_EMPTY, 1, 1, NULL);
		query_free(q);
		return NULL;
	}
	q->root = parse_or(&p);
	if (q->root != UINT32_MAX && p.tok.kind != T_END)
		fail(&p, p.tok.kind == T_CLOSE ? QUERY_UNMATCHED_CLOSE : QUERY_EXPECTED_TERM,
		     p.tok.col, p.tok.chars, NULL);
	if (err->code != QUERY_OK) {
		query_free(q);
		return NULL;
	}
	return q;
}

void query_free(struct query *q)
{
	if (!q)
		return;
	free(q->text);
	free(q->store);
	free(q);
}

const char *query_text(const struct query *q)
{
	return q->text;
}

/* ---- matching ---------------------------------------------------------------------- */

/* The id, or Part V's number after the section: 5.4 for 5a-5.4. */
static bool id_is(const char *id, const char *want, bool prefix)
{
	size_t n = strlen(want);

	for (int pass = 0; id && pass < 2; pass++) {
		const char *s = pass ? strchr(id, '-') : id;

		if (!s)
			break;
		s += pass;
		if (strlen(s) >= n && !strncmp(s, want, n) && (prefix || !s[n]))
			return true;
	}
	return false;
}

static bool has_mark(const struct resolved *info, const char *mark)
{
	for (uint32_t k = 0; info && k < resolved_extra(info)->mark_count; k++)
		if (ascii_eq(resolved_extra(info)->marks[k], mark))
			return true;
	return false;
}

static bool match(const struct query *q, uint32_t n, const struct item *it,
		  const struct resolved *info)
{
	const struct node *x = &q->nodes[n];

	switch ((enum node_kind)x->kind) {
	case N_AND: return match(q, x->a, it, info) && match(q, x->b, it, info);
	case N_OR: return match(q, x->a, it, info) || match(q, x->b, it, info);
	case N_NOT: return !match(q, x->a, it, info);
	case N_TEXT: return item_matches(it, x->str);
	case N_ID: return id_is(it->id, x->str, false);
	case N_ID_PREFIX: return id_is(it->id, x->str, true);
	case N_ATTR:
		for (uint32_t k = 0; k < it->attr_count; k++)
			if (it->attrs[k].type == x->type && it->attrs[k].value == x->value)
				return true;
		return false;
	case N_STATUS: return (info ? info->status : STATUS_KEPT) == x->num;
	case N_LEVEL: return (info ? info->level : LEVEL_NONE) == x->num;
	case N_TECHNICAL: return (info && info->technical) == (x->num != 0);
	case N_MARK: return has_mark(info, x->str);
	case N_SOURCE: return info && info->source == x->num;
	case N_KIND: return it->kind == x->num;
	case N_RISK: return risk_matches(q->basis, x, info);
	}
	return false;
}

bool query_match(const struct query *q, const struct catalog *c, uint32_t i,
		 const struct resolved *info)
{
	return match(q, q->root, catalog_item(c, i), info);
}

/* ---- words ---------------------------------------------------------------------------- */

const char *query_code_message(enum query_code code)
{
	switch (code) {
	case QUERY_OK: return "";
	case QUERY_NO_MEMORY: return N_("out of memory");
	case QUERY_EMPTY: return N_("the query is empty");
	case QUERY_BAD_UTF8: return N_("the query is not valid UTF-8");
	case QUERY_EXPECTED_TERM: return N_("a term is missing here");
	case QUERY_UNMATCHED_OPEN: return N_("this ( is never closed");
	case QUERY_UNMATCHED_CLOSE: return N_("this ) has no (");
	case QUERY_UNTERMINATED_QUOTE: return N_("this quote is never closed");
	case QUERY_EMPTY_VALUE: return N_("a value is missing after this");
	case QUERY_UNKNOWN_FIELD: return N_("\"%s\" is neither a field nor an attribute type");
	case QUERY_AMBIGUOUS_TYPE: return N_("\"%s\" names more than one attribute type: write more of it");
	case QUERY_UNKNOWN_VALUE: return N_("\"%s\" is not a value here");
	case QUERY_NOT_AVAILABLE: return N_("\"%s\" needs a tailoring: a catalog has no risks");
	case QUERY_TOO_LONG: return N_("the query is too long");
	default: return "";
	}
}

bool query_code_has_word(enum query_code code)
{
	return code == QUERY_UNKNOWN_FIELD || code == QUERY_AMBIGUOUS_TYPE ||
	       code == QUERY_UNKNOWN_VALUE || code == QUERY_NOT_AVAILABLE;
}
