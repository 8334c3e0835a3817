/* Telling a catalog from a tailoring by its top-level format key, so
 * `kijun FILE` knows which screen to open. */
#include "kijun/file_format.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijun/catalog_io.h"
#include "kijun/diag.h"
#include "kijun/file.h"
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

/* The format key comes first in every file kijun writes: its first
 * kilobytes tell, without reading a catalog of 100 MB twice. */
enum { HEAD_BYTES = 64 * 1024 };

static enum file_format format_of_head(const char *path, bool *whole)
{
	char head[HEAD_BYTES];
	size_t got = 0;
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	*whole = false;
	if (fd < 0)
		return FORMAT_UNKNOWN;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return FORMAT_UNKNOWN;
	}
	while (got < sizeof(head)) {
		ssize_t n = read(fd, head + got, sizeof(head) - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	*whole = (uint64_t)st.st_size <= got;
	/* Whole lines only: a character cut in two is no UTF-8. */
	while (!*whole && got > 0 && head[got - 1] != '\n')
		got--;
	return file_format_of(head, got);
}

enum file_format file_format_of_file(const char *path, struct diag_list *diags)
{
	enum file_format format;
	bool whole;
	char *buf;
	size_t len;

	format = format_of_head(path, &whole);
	if (format != FORMAT_UNKNOWN || whole)
		return format;
	/* Not told by its start (or not a plain file): read whole, which
	 * also says why it cannot be read. */
	if (!file_read_all(path, &buf, &len, diags))
		return FORMAT_UNKNOWN;
	format = file_format_of(buf, len);
	free(buf);
	return format;
}
