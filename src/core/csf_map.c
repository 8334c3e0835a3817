/* Which attribute each CSF 2.0 function is read from (csf_map.h). */
#include "kijun/csf_map.h"

#include <string.h>
#include <strings.h>

static const struct {
	const char *id, *name, *label, *title;  /* GV, Govern, ガバナンス, 統治 */
	const char *type, *value;               /* attribute ids in the catalog */
} functions[CSF_FUNCTION_COUNT] = {
	[CSF_GV] = { "GV", "Govern", "ガバナンス", "統治", "capabilities", "Governance" },
	[CSF_ID] = { "ID", "Identify", "識別", "識別", "concepts", "Identify" },
	[CSF_PR] = { "PR", "Protect", "防御", "防御", "concepts", "Protect" },
	[CSF_DE] = { "DE", "Detect", "検知", "検知", "concepts", "Detect" },
	[CSF_RS] = { "RS", "Respond", "対応", "対応", "concepts", "Respond" },
	[CSF_RC] = { "RC", "Recover", "復旧", "復旧", "concepts", "Recover" },
};

const char *csf_function_id(enum csf_function f)
{
	return (unsigned)f < CSF_FUNCTION_COUNT ? functions[f].id : "";
}

int csf_function_parse(const char *word)
{
	for (int f = 0; word && f < CSF_FUNCTION_COUNT; f++)
		if (!strcasecmp(word, functions[f].id) || !strcasecmp(word, functions[f].name) ||
		    !strcmp(word, functions[f].label) || !strcmp(word, functions[f].title))
			return f;
	return -1;
}

bool csf_function_attr(const struct catalog *c, enum csf_function f, int *type, int *value)
{
	int t, v;

	if ((unsigned)f >= CSF_FUNCTION_COUNT)
		return false;
	t = catalog_type_find(c, functions[f].type);
	if (t < 0)
		return false;
	v = attr_type_value_find(&c->types[t], functions[f].value);
	if (v < 0)
		return false;
	*type = t;
	*value = v;
	return true;
}

unsigned csf_functions(const struct catalog *c, uint32_t i)
{
	const struct item *it = catalog_item(c, i);
	unsigned set = 0;

	for (int f = 0; f < CSF_FUNCTION_COUNT; f++) {
		int t, v;

		if (!csf_function_attr(c, (enum csf_function)f, &t, &v))
			continue;
		for (uint32_t k = 0; k < it->attr_count; k++)
			if (it->attrs[k].type == t && it->attrs[k].value == v)
				set |= 1u << f;
	}
	return set;
}
