#include "kijun/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "i18n_table.h"

static enum language current = LANGUAGE_JA;
/* An index sorted by English text, built on first use.  Static, so the
 * program holds no heap memory for it at exit. */
static const struct translation *sorted[I18N_TABLE_MAX];
static size_t sorted_count;

void i18n_set_language(enum language lang)
{
	current = lang;
}

enum language i18n_language(void)
{
	return current;
}

int i18n_parse_language(const char *name, enum language *out)
{
	if (!name)
		return -1;
	if (strncmp(name, "ja", 2) == 0 && (name[2] == '\0' || name[2] == '_' ||
					    name[2] == '-' || name[2] == '.')) {
		*out = LANGUAGE_JA;
		return 0;
	}
	if (strncmp(name, "en", 2) == 0 && (name[2] == '\0' || name[2] == '_' ||
					    name[2] == '-' || name[2] == '.')) {
		*out = LANGUAGE_EN;
		return 0;
	}
	return -1;
}

static int compare_entries(const void *a, const void *b)
{
	const struct translation *const *x = a, *const *y = b;

	return strcmp((*x)->en, (*y)->en);
}

static void sort_table(void)
{
	size_t n = i18n_table_count < I18N_TABLE_MAX ? i18n_table_count
						      : I18N_TABLE_MAX;

	for (size_t i = 0; i < n; i++)
		sorted[i] = &i18n_table[i];
	qsort(sorted, n, sizeof(*sorted), compare_entries);
	sorted_count = n;
}

const char *i18n_translate(const char *english)
{
	size_t lo = 0, hi;

	if (current == LANGUAGE_EN || !english)
		return english;
	if (sorted_count == 0)
		sort_table();
	hi = sorted_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(sorted[mid]->en, english);

		if (c == 0)
			return sorted[mid]->ja;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return english;
}

int i18n_entry(unsigned index, const char **english, const char **japanese)
{
	if (index >= i18n_table_count)
		return 0;
	*english = i18n_table[index].en;
	*japanese = i18n_table[index].ja;
	return 1;
}
