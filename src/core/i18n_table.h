/* The Japanese translations, one table for the whole program. */
#ifndef KIJUN_I18N_TABLE_H
#define KIJUN_I18N_TABLE_H

#include <stddef.h>

/* The index is static; a unit test checks the table fits. */
#define I18N_TABLE_MAX 4096

struct translation {
	const char *en;
	const char *ja;
};

extern const struct translation i18n_table[];
extern const size_t i18n_table_count;

#endif
