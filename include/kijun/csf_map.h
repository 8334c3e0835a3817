/* The NIST CSF 2.0 functions of a control, read from its attributes.
 *
 * The guideline (III.2) says the cybersecurity concepts are five of the
 * six CSF 2.0 functions, Govern left out: 識別 Identify is ID, 防御 Protect
 * PR, 検知 Detect DE, 対応 Respond RS, 復旧 Recover RC.  kijun takes Govern
 * from the operational capability ガバナンス (Governance), the nearest
 * attribute 27002 has.  The rule works on attribute ids, so an imported
 * catalog with the 27002 types gets it too. */
#ifndef KIJUN_CSF_MAP_H
#define KIJUN_CSF_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"

enum csf_function { CSF_GV, CSF_ID, CSF_PR, CSF_DE, CSF_RS, CSF_RC, CSF_FUNCTION_COUNT };

/* "GV", "ID", ...: the function's id, as the csf-2.0 catalog has it. */
const char *csf_function_id(enum csf_function f);

/* A function by its id (GV), English name (Govern) or the Japanese label
 * of its attribute value (識別, ガバナンス) or its csf-2.0 title (統治);
 * ASCII in any case.  -1 when none. */
int csf_function_parse(const char *word);

/* The attribute of c the function is read from: *type and *value index
 * c->types and its values.  False when c has no such attribute. */
bool csf_function_attr(const struct catalog *c, enum csf_function f, int *type, int *value);

/* Item i's functions as a set: bit (1u << f) for each. */
unsigned csf_functions(const struct catalog *c, uint32_t i);

#endif
