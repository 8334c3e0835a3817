/* Block YAML written by kijun itself, byte for byte what libyaml's emitter
 * writes for the same events with kijun's settings (yaml_writer.c): keys
 * and "- " items indented by two, a sequence under a key at the key's own
 * column, empty collections as [] and {}, scalars in their yaml_form.
 *
 * It takes a document whose root is a mapping or a sequence and whose
 * scalars all have a sure form; a probe (no sink) writes nothing and only
 * says whether a document is such, so that the caller can decide before
 * the first byte goes out. */
#ifndef KIJUN_YAML_DIRECT_H
#define KIJUN_YAML_DIRECT_H

#include <stdbool.h>
#include <stddef.h>

/* Where the bytes go: 0 to stop. */
typedef int (*yw_sink)(void *ctx, const char *data, size_t len);

struct yaml_direct_frame;

struct yaml_direct {
	yw_sink sink;            /* NULL: a probe */
	void *sink_ctx;
	char *buf;               /* bytes not yet handed to the sink */
	size_t len;
	struct yaml_direct_frame *stack;
	size_t depth, cap;
	int column;              /* 0 at the start of a line, else 1 */
	bool open_ended;         /* the last block scalar kept its breaks */
	bool failed;             /* out of memory, the sink said stop, or a
				  * scalar or place this writer is not sure of */
};

bool yaml_direct_open(struct yaml_direct *d, yw_sink sink, void *ctx);
/* Ends the document; false if anything failed (the writer is freed). */
bool yaml_direct_close(struct yaml_direct *d);

void yaml_direct_mapping_begin(struct yaml_direct *d);
void yaml_direct_sequence_begin(struct yaml_direct *d);
void yaml_direct_end(struct yaml_direct *d);
/* s[len] is a NUL. */
void yaml_direct_scalar(struct yaml_direct *d, const char *s, size_t len);
/* A value written plain, as it is (numbers, true, false). */
void yaml_direct_plain(struct yaml_direct *d, const char *s, size_t len);

#endif
