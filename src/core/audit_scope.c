/* The audit scope as the tailoring's changes leave it; see audit_scope.h. */
#include "kijun/audit_scope.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/strbuf.h"

static bool live(const struct resolution *r, uint32_t k)
{
	return !r || k >= r->change_count || r->withdrawn_by[k] == CHANGE_NONE;
}

/* A retarget moves a by-hand change to its own target. */
static const char *target_of(const struct tailoring *t, const struct resolution *r, uint32_t k)
{
	if (r && k < r->change_count && r->retargeted_by[k] != CHANGE_NONE &&
	    t->changes[r->retargeted_by[k]].target)
		return t->changes[r->retargeted_by[k]].target;
	return t->changes[k].target;
}

/* Drops id from v; true when it was there. */
static bool drop(const char **v, uint32_t *n, const char *id)
{
	for (uint32_t k = 0; k < *n; k++) {
		if (strcmp(v[k], id) == 0) {
			memmove(v + k, v + k + 1, (*n - k - 1) * sizeof(*v));
			(*n)--;
			return true;
		}
	}
	return false;
}

bool audit_scope_get(const struct tailoring *t, const struct resolution *r, const char *name,
		     struct audit_scope *out)
{
	uint32_t hand = 0;

	memset(out, 0, sizeof(*out));
	out->name = name;
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];

		if (c->audit && strcmp(c->audit, name) == 0 && live(r, k)) {
			if (c->op == OP_AUDIT)
				out->query = c->query;
			else if (c->op == OP_AUDIT_ADD || c->op == OP_AUDIT_REMOVE)
				hand++;
		}
	}
	if (!out->query)
		return false;
	if (hand > AUDIT_SCOPE_MAX_HAND)
		hand = AUDIT_SCOPE_MAX_HAND;
	out->added = malloc((hand ? hand : 1) * sizeof(*out->added));
	out->removed = malloc((hand ? hand : 1) * sizeof(*out->removed));
	if (!out->added || !out->removed) {
		audit_scope_free(out);
		out->query = NULL;
		return false;
	}
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		const char *id;

		if (!c->audit || strcmp(c->audit, name) != 0 || !live(r, k) ||
		    (c->op != OP_AUDIT_ADD && c->op != OP_AUDIT_REMOVE))
			continue;
		id = target_of(t, r, k);
		/* The latest word on an item stands. */
		drop(out->added, &out->added_count, id);
		drop(out->removed, &out->removed_count, id);
		if (out->added_count + out->removed_count >= hand)
			continue;
		if (c->op == OP_AUDIT_ADD)
			out->added[out->added_count++] = id;
		else
			out->removed[out->removed_count++] = id;
	}
	return true;
}

void audit_scope_free(struct audit_scope *s)
{
	free(s->added);
	free(s->removed);
	s->added = s->removed = NULL;
	s->added_count = s->removed_count = 0;
}

uint32_t audit_scope_names(const struct tailoring *t, const struct resolution *r,
			   const char **names, uint32_t max)
{
	uint32_t n = 0;

	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		bool seen = false;

		if (c->op != OP_AUDIT || !live(r, k))
			continue;
		for (uint32_t j = 0; j < k && !seen; j++)
			seen = t->changes[j].op == OP_AUDIT && live(r, j) &&
			       strcmp(t->changes[j].audit, c->audit) == 0;
		if (seen)
			continue;
		if (n < max)
			names[n] = c->audit;
		n++;
	}
	return n;
}

/* id:"X", quoted so an id with a bracket or a colon stays one word. */
static void put_id(struct strbuf *b, const char *id)
{
	strbuf_adds(b, "id:\"");
	for (const char *p = id; *p; p++)
		if (*p != '"')
			strbuf_addc(b, *p);
	strbuf_adds(b, "\"");
}

char *audit_scope_text(const struct audit_scope *s)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_adds(&b, "((");
	strbuf_adds(&b, s->query ? s->query : "");
	strbuf_adds(&b, ")");
	for (uint32_t k = 0; k < s->added_count; k++) {
		strbuf_adds(&b, " or ");
		put_id(&b, s->added[k]);
	}
	strbuf_adds(&b, ")");
	for (uint32_t k = 0; k < s->removed_count; k++) {
		strbuf_adds(&b, " and not ");
		put_id(&b, s->removed[k]);
	}
	if (b.failed) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_detach(&b, NULL);
}
