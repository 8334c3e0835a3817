/* The rows of `resolve` and `changes` as TSV, CSV or one JSON document:
 * the commands say what each column holds, this file how it is written. */
#include <string.h>

#include "cli.h"
#include "kijun/doc_text.h"
#include "kijun/text.h"

int cli_table_parse_format(const char *name, enum table_format *out)
{
	static const char *const names[] = { "tsv", "csv", "json" };

	for (int k = 0; k < 3; k++) {
		if (strcmp(name, names[k]) == 0) {
			*out = (enum table_format)k;
			return 0;
		}
	}
	return -1;
}

void cli_table_begin(struct cli_table *t, FILE *out, enum table_format fmt, const char *file,
		     const char *rows_key, const char *const *names, uint32_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->out = out;
	t->fmt = fmt;
	t->names = names;
	t->ncols = ncols;
	strbuf_init(&t->b);
	if (fmt == TABLE_JSON) {
		json_init(&t->j, &t->b, true);
		json_object_begin(&t->j);
		json_member_string(&t->j, "file", file, false);
		json_key(&t->j, rows_key);
		json_array_begin(&t->j);
		return;
	}
	/* Excel takes a CSV for UTF-8 only with the byte order mark. */
	if (fmt == TABLE_CSV)
		strbuf_add(&t->b, "\xEF\xBB\xBF", 3);
	for (uint32_t k = 0; k < ncols; k++) {
		t->col = k;
		cli_table_str(t, names[k]);
	}
	cli_table_end_row(t);
}

static void separate(struct cli_table *t)
{
	if (t->fmt == TABLE_JSON) {
		if (t->col == 0)
			json_object_begin(&t->j);
		json_key(&t->j, t->col < t->ncols ? t->names[t->col] : "?");
	} else if (t->col > 0) {
		strbuf_addc(&t->b, t->fmt == TABLE_CSV ? ',' : '\t');
	}
	t->col++;
}

void cli_table_str(struct cli_table *t, const char *s)
{
	separate(t);
	if (t->fmt == TABLE_JSON)
		json_string(&t->j, s ? s : "");
	else if (t->fmt == TABLE_CSV)
		csv_cell(&t->b, s);
	else if (s)
		text_sanitize(&t->b, s, strlen(s));
}

void cli_table_list(struct cli_table *t, const char *const *v, uint32_t n)
{
	struct strbuf joined;

	if (t->fmt == TABLE_JSON) {
		separate(t);
		json_array_begin(&t->j);
		for (uint32_t k = 0; k < n; k++)
			json_string(&t->j, v[k]);
		json_array_end(&t->j);
		return;
	}
	strbuf_init(&joined);
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			strbuf_addc(&joined, ',');
		strbuf_adds(&joined, v[k] ? v[k] : "");
	}
	cli_table_str(t, joined.data ? joined.data : "");
	strbuf_free(&joined);
}

void cli_table_uint(struct cli_table *t, uint64_t v, bool blank_zero)
{
	char num[24];

	if (t->fmt == TABLE_JSON) {
		separate(t);
		json_uint(&t->j, v);
		return;
	}
	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	cli_table_str(t, blank_zero && v == 0 ? "" : num);
}

void cli_table_bool(struct cli_table *t, bool v)
{
	if (t->fmt == TABLE_JSON) {
		separate(t);
		json_bool(&t->j, v);
	} else {
		cli_table_str(t, v ? "yes" : "");
	}
}

struct json *cli_table_json(struct cli_table *t)
{
	if (t->fmt != TABLE_JSON)
		return NULL;
	separate(t);
	return &t->j;
}

/* Hands what is gathered to the output: the listing is never held whole. */
static void flush(struct cli_table *t)
{
	if (t->b.failed || !t->b.len)
		return;
	if (fwrite(t->b.data, 1, t->b.len, t->out) != t->b.len)
		t->write_failed = true;
	strbuf_reset(&t->b);
}

void cli_table_end_row(struct cli_table *t)
{
	if (t->fmt == TABLE_JSON)
		json_object_end(&t->j);
	else
		strbuf_add(&t->b, t->fmt == TABLE_CSV ? "\r\n" : "\n", t->fmt == TABLE_CSV ? 2 : 1);
	t->col = 0;
	if (t->b.len >= 65536)
		flush(t);
}

struct json *cli_table_rows_end(struct cli_table *t)
{
	if (t->fmt != TABLE_JSON)
		return NULL;
	json_array_end(&t->j);
	return &t->j;
}

int cli_table_finish(struct cli_table *t)
{
	int rc;

	if (t->fmt == TABLE_JSON)
		json_object_end(&t->j);
	flush(t);
	rc = t->b.failed || t->write_failed ? EXIT_INVALID : EXIT_OK;
	strbuf_free(&t->b);
	return rc;
}
