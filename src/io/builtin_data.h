/* Generated at build time from data/catalog/ by tools/embed.c. */
#ifndef KIJUN_BUILTIN_DATA_H
#define KIJUN_BUILTIN_DATA_H

#include <stddef.h>

extern const unsigned char builtin_catalog[];
extern const size_t builtin_catalog_len;
extern const unsigned char builtin_csf[];
extern const size_t builtin_csf_len;

#endif
