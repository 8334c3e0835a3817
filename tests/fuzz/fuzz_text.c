/* libFuzzer target: the text path every file's text takes to the screen:
 * wrapping, cropping, sanitizing and the character diff (make fuzz).
 * The first byte picks the width; the rest, split at its first NUL, is
 * the old and the new text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_wrap(const char *s, int width)
{
	size_t len = strlen(s), n = text_wrap(s, width, NULL, 0), covered = 0;
	struct wrap_line *l;

	if (n == 0 || n > len + 1)
		fuzz_fail("text_wrap gave an impossible line count", NULL);
	l = calloc(n, sizeof(*l));
	if (!l)
		return;
	if (text_wrap(s, width, l, n) != n)
		fuzz_fail("text_wrap counts differently the second time", NULL);
	for (size_t k = 0; k < n; k++) {
		struct glyph g;
		size_t pos = l[k].start;
		int glyphs = 0;

		if (l[k].start < covered || l[k].end < l[k].start || l[k].end > len)
			fuzz_fail("text_wrap lines overlap or leave the text", NULL);
		covered = l[k].end;
		/* Combining marks (no cells) stay with the glyph before them. */
		while (pos < l[k].end && text_next_glyph(s, l[k].end, &pos, TEXT_NEWLINE_SPACE, &g))
			glyphs += g.cells > 0;
		if (l[k].cells > (width < 1 ? 1 : width) && glyphs > 1)
			fuzz_fail("text_wrap made a line wider than the width", NULL);
		if (l[k].cells != text_width_n(s + l[k].start, l[k].end - l[k].start))
			fuzz_fail("text_wrap measured a line wrong", NULL);
	}
	free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *old_text, *new_text, out[256];
	unsigned char *marks;
	struct diff d;
	size_t split;
	int width, cells;

	fuzz_init();
	if (size < 1)
		return 0;
	width = data[0] % 100;
	old_text = malloc(size);
	if (!old_text)
		return 0;
	memcpy(old_text, data + 1, size - 1);
	old_text[size - 1] = '\0';
	split = strlen(old_text);
	new_text = split + 1 < size ? old_text + split + 1 : old_text + split;

	check_wrap(old_text, width);
	check_wrap(new_text, width);
	cells = text_crop(old_text, width, out, sizeof(out));
	if (cells > width || cells != text_width(out))
		fuzz_fail("text_crop overran its cells", NULL);
	fuzz_check_safe(out, strlen(out));
	fuzz_check_safe(old_text, size - 1);  /* NULs inside included */

	memset(&d, 0, sizeof(d));
	if (diff_compute(old_text, new_text, &d)) {
		size_t olen = strlen(old_text) + 1, nlen = strlen(new_text) + 1;

		for (size_t k = 0; k < d.count; k++) {
			size_t limit = d.spans[k].kind == DIFF_INSERTED ? nlen - 1 : olen - 1;

			if (d.spans[k].start >= d.spans[k].end || d.spans[k].end > limit)
				fuzz_fail("diff_compute gave an empty or outside span", NULL);
		}
		marks = malloc(olen > nlen ? olen : nlen);
		if (marks) {
			diff_mark_old(&d, marks, olen);
			diff_mark_new(&d, marks, nlen);
			free(marks);
		}
	}
	diff_free(&d);
	free(old_text);
	return 0;
}
