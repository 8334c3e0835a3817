/* Telling a catalog from a tailoring by its top-level format key, so
 * `kijun FILE` knows which screen to open. */
#include "kijun/file_format.h"

#include <string.h>

#include "kijun/catalog_io.h"
#include "kijun/diag.h"
#include "yaml_reader.h"

/* Reads only as far as the top-level format key. */
enum file_format file_format_of(const char *buf, size_t len)
{
	struct diag_list quiet;
	struct yreader r;
	struct yr_scalar key, s;
	enum file_format kind = FORMAT_UNKNOWN;
	bool done = false;

	diag_list_init(&quiet);
	if (yr_open(&r, "", buf, len, CATALOG_MAX_DEPTH, &quiet) && yr_document_begin(&r) &&
	    yr_mapping_begin(&r, "", NULL)) {
		while (!done && yr_mapping_next(&r, &key)) {
			if (key.len != 6 || memcmp(key.value, "format", 6) != 0) {
				yr_skip(&r);
				continue;
			}
			done = true;
			if (!yr_scalar(&r, "", &s))
				break;
			if (s.len > 14 && memcmp(s.value, "kijun-catalog/", 14) == 0)
				kind = FORMAT_CATALOG;
			else if (s.len > 16 && memcmp(s.value, "kijun-tailoring/", 16) == 0)
				kind = FORMAT_TAILORING;
			else if (s.len > 17 && memcmp(s.value, "kijun-evaluation/", 17) == 0)
				kind = FORMAT_EVALUATION;
		}
	}
	yr_close(&r);
	diag_list_free(&quiet);
	return kind;
}
