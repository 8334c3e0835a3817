/* The two ways catalog_write can take (catalog_io.h has the public ones),
 * for the tests that hold them to the same bytes. */
#ifndef KIJUN_CATALOG_WRITE_H
#define KIJUN_CATALOG_WRITE_H

#include <stdbool.h>

#include "kijun/catalog.h"
#include "kijun/strbuf.h"
#include "yaml_writer.h"

/* True when kijun's own writer is sure of every text in c. */
bool catalog_writes_direct(const struct catalog *c);
/* The canonical form through the emitter (YW_EMIT) or kijun's own writer
 * (YW_DIRECT: false, nothing written, when it is not sure of c). */
bool catalog_write_mode(const struct catalog *c, struct strbuf *out, enum yw_mode mode);

#endif
