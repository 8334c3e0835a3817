/* The first items of a large catalog, read from the start of its file
 * alone: what the screen draws while the rest is loading.  The cut is
 * made where the catalog's own writer starts an item, so that what is
 * read is a catalog in itself: every item before the cut is whole, and
 * every list it is in ends early. */
#include "kijun/catalog_io.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* Reads at most `want` bytes of the regular file at path into *buf
 * (malloc'd); *whole when that was all of it. */
static bool read_start(const char *path, size_t want, char **buf, size_t *len, bool *whole)
{
	struct stat st;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !(*buf = malloc(want ? want : 1))) {
		close(fd);
		return false;
	}
	while (got < want) {
		ssize_t n = read(fd, *buf + got, want - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	*len = got;
	*whole = (uint64_t)st.st_size <= got;
	return true;
}

/* The length of the line break at p, or 0: what YAML takes for one
 * (CR LF, CR, LF, and U+0085, U+2028, U+2029 in UTF-8), so lines are
 * counted as libyaml counts them. */
static size_t break_at(const unsigned char *p, const unsigned char *end)
{
	if (*p == '\n')
		return 1;
	if (*p == '\r')
		return p + 1 < end && p[1] == '\n' ? 2 : 1;
	if (*p == 0xC2 && p + 1 < end && p[1] == 0x85)
		return 2;
	if (*p == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

/* A walk through head's lines, forward only: the scanner gives its
 * tokens in order, so every line is stepped over once. */
struct lines {
	const unsigned char *p, *end;
	size_t line;   /* the line p starts */
};

/* Where line `line` starts (not before the walk's), or NULL past the end. */
static const char *lines_to(struct lines *l, size_t line)
{
	while (l->line < line && l->p < l->end) {
		size_t n = break_at(l->p, l->end);

		l->p += n ? n : 1;
		if (n)
			l->line++;
	}
	return l->line == line ? (const char *)l->p : NULL;
}

/* True when p (before end) is `column` spaces and "- id: ": how the
 * writer starts an item, an attribute type or a value. */
static bool starts_entry(const char *p, const char *end, size_t column)
{
	static const char entry[] = "- id: ";

	if ((size_t)(end - p) < column + sizeof(entry) - 1)
		return false;
	for (size_t k = 0; k < column; k++)
		if (p[k] != ' ')
			return false;
	return memcmp(p + column, entry, sizeof(entry) - 1) == 0;
}

/* How many bytes of head to read: up to the last item that is not the
 * first of its list (cut before a first one, and the key before it,
 * "items:", would be left with nothing under it).  Tokens, not text, find
 * them, so a line of a literal text that looks like one is never taken;
 * 0 when there is none.  The scanner stops where the head is cut, at
 * worst with an error there: the entries before it are found all the
 * same. */
static size_t cut_before_last_entry(const char *head, size_t len)
{
	struct lines l = { (const unsigned char *)head, (const unsigned char *)head + len, 0 };
	yaml_parser_t p;
	yaml_token_t t;
	yaml_token_type_t prev = YAML_NO_TOKEN;
	size_t cut = 0;

	if (!yaml_parser_initialize(&p))
		return 0;
	yaml_parser_set_input_string(&p, (const unsigned char *)head, len);
	while (yaml_parser_scan(&p, &t)) {
		yaml_token_type_t type = t.type;

		if (type == YAML_BLOCK_ENTRY_TOKEN && prev != YAML_VALUE_TOKEN &&
		    prev != YAML_BLOCK_SEQUENCE_START_TOKEN) {
			const char *at = lines_to(&l, t.start_mark.line);

			/* A list of references is no place to cut: the
			 * item would lose what follows them. */
			if (at && starts_entry(at, head + len, t.start_mark.column))
				cut = (size_t)(at - head);
		}
		yaml_token_delete(&t);
		if (type == YAML_STREAM_END_TOKEN)
			break;
		prev = type;
	}
	yaml_parser_delete(&p);
	return cut;
}

bool catalog_read_head(struct catalog *c, const char *name, const char *head, size_t len)
{
	struct diag_list quiet;
	size_t cut = cut_before_last_entry(head, len);
	bool ok;

	memset(c, 0, sizeof(*c));
	if (!cut)
		return false;
	diag_list_init(&quiet);
	ok = catalog_read(c, name, head, cut, &quiet);
	diag_list_free(&quiet);
	return ok;
}

bool catalog_load_head(struct catalog *c, const char *path, size_t bytes)
{
	char *head = NULL;
	size_t len = 0;
	bool whole = false, ok;

	memset(c, 0, sizeof(*c));
	if (!read_start(path, bytes, &head, &len, &whole))
		return false;
	ok = !whole && catalog_read_head(c, path, head, len);
	free(head);
	return ok;
}
