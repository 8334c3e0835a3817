/* The reference catalog compiled into the binary (data/catalog/), so kijun
 * runs on an air-gapped machine with nothing beside it. */
#include "kijun/catalog_io.h"

#include <string.h>

#include "builtin_data.h"

const char *catalog_builtin_name(void)
{
	return "(built-in) meti-ismk-2025.yaml";
}

const char *catalog_builtin_text(size_t *len)
{
	*len = builtin_catalog_len;
	return (const char *)builtin_catalog;
}

/* Every built-in catalog by id: the base of a new tailoring first, then
 * the other standards step 3 picks from. */
static const struct {
	const char *id;
	const char *name;
	const unsigned char *text;
	const size_t *len;
} builtins[] = {
	{ "meti-ismk-2025", "(built-in) meti-ismk-2025.yaml", builtin_catalog, &builtin_catalog_len },
	{ "csf-2.0", "(built-in) csf-2.0.yaml", builtin_csf, &builtin_csf_len },
};

bool catalog_builtin_known(const char *id)
{
	for (size_t k = 0; id && k < sizeof(builtins) / sizeof(builtins[0]); k++)
		if (strcmp(builtins[k].id, id) == 0)
			return true;
	return false;
}

bool catalog_load_builtin_id(struct catalog *c, const char *id, struct diag_list *diags)
{
	for (size_t k = 0; id && k < sizeof(builtins) / sizeof(builtins[0]); k++)
		if (strcmp(builtins[k].id, id) == 0)
			return catalog_read(c, builtins[k].name, (const char *)builtins[k].text,
					    *builtins[k].len, diags);
	return false;
}

bool catalog_load_builtin(struct catalog *c, struct diag_list *diags)
{
	return catalog_read(c, catalog_builtin_name(), (const char *)builtin_catalog,
			    builtin_catalog_len, diags);
}
