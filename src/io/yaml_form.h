/* How a scalar is written in kijun's block YAML: the form libyaml's
 * emitter gives it (block context, unicode, no line width, LN breaks) when
 * kijun asks for a literal block for multi-line text, single quotes for text
 * a reader would take for a typed value, and any style for the rest.
 *
 * yaml_form_of is sure of a class of texts, learned from the YAML 1.1 spec
 * and checked against the emitter byte for byte (tests/unit/test_yaml_direct.c,
 * tests/fuzz/fuzz_writer.c); for anything outside it, it says
 * YAML_FORM_UNSURE and the whole document goes through the emitter. */
#ifndef KIJUN_YAML_FORM_H
#define KIJUN_YAML_FORM_H

#include <stdbool.h>
#include <stddef.h>

enum yaml_form {
	YAML_FORM_UNSURE,
	YAML_FORM_PLAIN,    /* as is */
	YAML_FORM_SINGLE,   /* 'text', each ' doubled */
	YAML_FORM_LITERAL,  /* |, indented lines; see yaml_form_literal_head */
};

/* True when a YAML 1.1 or 1.2 reader could resolve the plain text to
 * something other than a string: null, a boolean, a number or a date. */
bool yaml_form_typed(const char *s);

/* The form of s[0..len) as a value (key false) or as a mapping key. */
enum yaml_form yaml_form_of(const char *s, size_t len, bool key);

/* The indicators after "|" for a literal block of s (len > 0): "2" when
 * the first line starts with a space or is empty (the indentation cannot be
 * guessed), then "-" without a final line break, "+" when the text is only
 * a break or ends with an empty line, nothing for one final break.  Writes
 * at most 2 bytes to out and returns how many; *keep says "+". */
size_t yaml_form_literal_head(const char *s, size_t len, char out[2], bool *keep);

#endif
