/* libFuzzer target: the CSV reader and the importer on it (make fuzz).
 * The first byte picks the separator and the encoding.  Every cell is
 * UTF-8 with a place in the file; every problem has one; a catalog the
 * importer makes is one kijun writes and reads back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/catalog_io.h"
#include "kijun/csv.h"
#include "kijun/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_table(const struct csv_table *t, size_t size)
{
	unsigned last = 0;

	for (size_t r = 0; r < t->count; r++) {
		const struct csv_row *row = &t->rows[r];

		if (!row->count || row->line <= last || row->line > size + 1)
			fuzz_fail("a record has no cells or its line is out of order", NULL);
		last = row->line;
		for (size_t k = 0; k < row->count; k++) {
			const struct csv_cell *c = &row->cells[k];

			if (!c->text || !utf8_valid(c->text, strlen(c->text), NULL))
				fuzz_fail("a cell is not UTF-8", NULL);
			if (c->line < row->line || c->column < 1 || c->column > size + 1)
				fuzz_fail("a cell is placed outside the file", NULL);
		}
		/* A record's last line is where the next one may start. */
		last = row->cells[row->count - 1].line;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csv_encoding encodings[] = {
		CSV_ENCODING_AUTO, CSV_ENCODING_UTF8, CSV_ENCODING_CP932,
	};
	struct import_csv_options o = { 0 };
	struct import_report rep;
	struct csv_table t;
	struct diag_list d;
	struct catalog c, back;
	struct strbuf once;
	const char *buf;

	fuzz_init();
	if (!size)
		return 0;
	o.sep = data[0] & 1 ? '\t' : ',';
	o.encoding = encodings[(data[0] >> 1) % 3];
	buf = (const char *)data + 1;
	size--;
	diag_list_init(&d);
	if (csv_read(&t, "fuzz.csv", buf, size, o.sep, o.encoding, &d)) {
		check_table(&t, size);
		csv_free(&t);
	} else if (!d.count && !d.dropped) {
		fuzz_fail("csv_read failed without a problem", &d);
	}
	fuzz_check_diags(&d);
	diag_list_clear(&d);

	import_report_init(&rep);
	if (import_csv(&c, "fuzz.csv", buf, size, &o, &rep, &d)) {
		strbuf_init(&once);
		/* kijun import saves only what reads back; it always should. */
		if (!catalog_write(&c, &once) ||
		    !catalog_read(&back, "round.yaml", once.data, once.len, &d))
			fuzz_fail("an imported catalog does not read back", &d);
		catalog_free(&back);
		strbuf_free(&once);
		catalog_free(&c);
	} else if (!d.count && !d.dropped) {
		fuzz_fail("import_csv failed without a problem", &d);
	}
	fuzz_check_diags(&d);
	fuzz_check_diags(&rep.notes);
	import_report_free(&rep);
	diag_list_free(&d);
	return 0;
}
