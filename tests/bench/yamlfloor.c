/* make bench: the floor.  Reads each file whole and pulls every libyaml
 * event from it, doing nothing with them: what any reader of these files
 * built on libyaml must at least spend.  kijun's commands are measured as
 * a ratio to this, in the same run, so the figure means the same on a
 * slow machine or a busy one. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static int parse(const char *path)
{
	yaml_parser_t p;
	yaml_event_t e;
	unsigned char *buf;
	long len;
	size_t events = 0;
	FILE *f = fopen(path, "rb");
	int done = 0, ok = 1;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		return 0;
	}
	buf = malloc((size_t)len + 1);
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		perror(path);
		return 0;
	}
	fclose(f);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, (size_t)len);
	while (!done) {
		if (!yaml_parser_parse(&p, &e)) {
			fprintf(stderr, "%s: %s\n", path, p.problem ? p.problem : "error");
			ok = 0;
			break;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	free(buf);
	printf("%s: %zu events\n", path, events);
	return ok;
}

int main(int argc, char **argv)
{
	int ok = 1;

	for (int i = 1; i < argc; i++)
		ok &= parse(argv[i]);
	return ok ? 0 : 1;
}
