/* Attribute values as lists show them: a label two types share gets the
 * guideline's qualifier, so 検知 the control type and 検知 the concept can
 * be told apart (表1 of the guideline writes 「検知 (Detective)」). */
#ifndef KIJUN_ATTR_VALUE_H
#define KIJUN_ATTR_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/catalog.h"

/* True when value v of type t shares its label (in the interface
 * language) with a value of another type: 検知 is a control type and a
 * concept, 防御 a concept and a domain. */
bool attr_value_ambiguous(const struct catalog *c, uint32_t t, uint32_t v);
/* The value's label as lists show it: with the guideline's qualifier, its
 * English label in brackets as 表1 writes 「検知 (Detective)」, where it is
 * ambiguous; else the label alone.  Writes into out, which it returns. */
const char *attr_value_display(const struct catalog *c, uint32_t t, uint32_t v,
			       char *out, size_t size);

#endif
