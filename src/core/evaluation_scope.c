/* The items an evaluation covers, the gate from design to operation,
 * and what changed in the tailoring since. */
#include "kijun/evaluation_scope.h"

#include <string.h>
#include <strings.h>

bool evaluation_scope_evaluable(const struct resolution *res, uint32_t i)
{
	const struct catalog *cat = &res->cat;
	const struct item *it;

	if (i == ITEM_ROOT_INDEX || i >= cat->count || resolved_is_out(res, i))
		return false;
	it = catalog_item(cat, i);
	if (it->kind == ITEM_DETAIL)
		return true;
	if (it->kind != ITEM_CONTROL)
		return false;
	for (uint32_t c = it->first_child; c != ITEM_NONE; c = catalog_item(cat, c)->next_sibling)
		if (catalog_item(cat, c)->kind == ITEM_DETAIL && !resolved_is_out(res, c))
			return false;
	return true;
}

/* Whether id is tok, or grows from it at a separator. */
static bool id_matches(const char *id, const char *tok, size_t len)
{
	if (strncmp(id, tok, len) != 0)
		return false;
	return id[len] == '\0' || id[len] == '.' || id[len] == '-' || id[len] == '/';
}

bool evaluation_scope_has(const char *scope, const struct catalog *cat, uint32_t i)
{
	const char *p = scope;
	bool any = false;

	while (p && *p) {
		size_t len;

		p += strspn(p, " ,\t\n");
		len = strcspn(p, " ,\t\n");
		if (!len)
			break;
		any = true;
		for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE;
		     a = catalog_item(cat, a)->parent)
			if (id_matches(catalog_item(cat, a)->id, p, len))
				return true;
		p += len;
	}
	return !any;
}

bool evaluation_scope_is_query(const char *scope)
{
	const char *p = scope;

	if (!scope || strpbrk(scope, ":#()\"") || strstr(scope, "\xef\xbc\x9a") ||
	    strstr(scope, "\xef\xbc\x83") || strstr(scope, "\xef\xbc\x88"))
		return true;  /* also the full-width ：＃（ the query language takes */
	while (*p) {
		size_t len;

		p += strspn(p, " ,\t\n");
		len = strcspn(p, " ,\t\n");
		if ((len == 3 && (strncasecmp(p, "and", 3) == 0 || strncasecmp(p, "not", 3) == 0)) ||
		    (len == 2 && strncasecmp(p, "or", 2) == 0))
			return true;
		p += len;
	}
	return false;
}

bool evaluation_scope_compile(const char *scope, const struct resolution *res,
			      struct query **out, struct query_error *err)
{
	*out = NULL;
	memset(err, 0, sizeof(*err));
	if (!scope || !evaluation_scope_is_query(scope))
		return true;
	*out = query_compile(scope, &res->cat, err);
	return *out != NULL;
}

/* i or an item above it matches q. */
static bool query_takes(const struct query *q, const struct resolution *res, uint32_t i)
{
	for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE;
	     a = catalog_item(&res->cat, a)->parent)
		if (query_match(q, &res->cat, a, &res->info[a]))
			return true;
	return false;
}

static bool add_item(struct evaluation *e, const struct catalog *cat, uint32_t i)
{
	const struct item *it = catalog_item(cat, i);
	struct eval_item *x = evaluation_add_item(e, it->id);
	char hash[72];

	if (!x)
		return false;
	evaluation_text_hash(it->title, it->text, hash);
	x->text_hash = evaluation_strdup(e, hash);
	return x->text_hash != NULL;
}

bool evaluation_scope_build(struct evaluation *e, const struct resolution *res,
			    const struct evaluation *design)
{
	const struct catalog *cat = &res->cat;
	struct query *q;
	struct query_error err;
	bool ok = false;

	if (!evaluation_scope_compile(e->scope, res, &q, &err))
		return false;
	for (uint32_t i = catalog_first(cat); i != ITEM_NONE; i = catalog_next(cat, i)) {
		const struct eval_item *d;
		enum gate_reason why;

		if (!evaluation_scope_evaluable(res, i) ||
		    !(q ? query_takes(q, res, i) : evaluation_scope_has(e->scope, cat, i)))
			continue;
		if (!design) {
			if (!add_item(e, cat, i))
				goto out;
			continue;
		}
		d = evaluation_find(design, catalog_item(cat, i)->id);
		why = d ? evaluation_gate_reason(d) : GATE_NOT_EVALUATED;
		/* A design judged on other words says nothing of these. */
		if (why == GATE_TAKEN && evaluation_scope_drift(d, res) != DRIFT_NONE)
			why = GATE_TEXT_CHANGED;
		if (why == GATE_TAKEN ? !add_item(e, cat, i)
				      : !evaluation_add_absent(e, catalog_item(cat, i)->id, why))
			goto out;
	}
	ok = true;
out:
	query_free(q);
	return ok;
}

enum eval_drift evaluation_scope_drift(const struct eval_item *it, const struct resolution *res)
{
	uint32_t i = catalog_find(&res->cat, it->id);
	const struct item *x;
	char hash[72];

	if (i == ITEM_NONE || resolved_is_out(res, i))
		return DRIFT_GONE;
	x = catalog_item(&res->cat, i);
	evaluation_text_hash(x->title, x->text, hash);
	return it->text_hash && strcmp(hash, it->text_hash) == 0 ? DRIFT_NONE : DRIFT_CHANGED;
}

bool evaluation_scope_rehash(struct evaluation *e, struct eval_item *it,
			     const struct resolution *res)
{
	uint32_t i = catalog_find(&res->cat, it->id);
	const char *copy;
	char hash[72];

	if (i == ITEM_NONE || resolved_is_out(res, i))
		return true;
	evaluation_text_hash(catalog_item(&res->cat, i)->title, catalog_item(&res->cat, i)->text,
			     hash);
	if (it->text_hash && strcmp(it->text_hash, hash) == 0)
		return true;
	copy = evaluation_strdup(e, hash);
	if (copy)
		it->text_hash = copy;
	return copy != NULL;
}
