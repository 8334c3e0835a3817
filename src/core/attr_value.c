#include "kijun/attr_value.h"

#include <stdio.h>
#include <string.h>

bool attr_value_ambiguous(const struct catalog *c, uint32_t t, uint32_t v)
{
	const char *label = attr_value_label(&c->types[t].values[v]);

	for (uint32_t u = 0; label && u < c->type_count; u++) {
		if (u == t)
			continue;
		for (uint32_t w = 0; w < c->types[u].value_count; w++) {
			const char *other = attr_value_label(&c->types[u].values[w]);

			if (other && !strcmp(other, label))
				return true;
		}
	}
	return false;
}

const char *attr_value_display(const struct catalog *c, uint32_t t, uint32_t v,
			       char *out, size_t size)
{
	const struct attr_value *val = &c->types[t].values[v];
	const char *label = attr_value_label(val);
	const char *en = val->label_en && *val->label_en ? val->label_en : val->id;

	if (label && en && strcmp(en, label) && attr_value_ambiguous(c, t, v))
		snprintf(out, size, "%s (%s)", label, en);
	else
		snprintf(out, size, "%s", label ? label : "");
	return out;
}
