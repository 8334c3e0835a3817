/* Shared helpers for the cmocka tests. */
#ifndef KIJUN_TEST_UTIL_H
#define KIJUN_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* Where the project's shared fact tables live, relative to the top of the
 * tree (tests run from there); KIJUN_SHARED_DATA overrides it. */
#define SHARED_DATA_DEFAULT "../shared/data"

#endif
