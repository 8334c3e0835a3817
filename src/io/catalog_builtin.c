/* The reference catalog compiled into the binary (data/catalog/), so kijun
 * runs on an air-gapped machine with nothing beside it. */
#include "kijun/catalog_io.h"

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

bool catalog_load_builtin(struct catalog *c, struct diag_list *diags)
{
	return catalog_read(c, catalog_builtin_name(), (const char *)builtin_catalog,
			    builtin_catalog_len, diags);
}
