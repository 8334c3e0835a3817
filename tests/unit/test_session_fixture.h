/* A session on a new tailoring of the built-in catalog, in a directory of
 * its own that teardown removes: what the session-level unit tests start
 * from.  The tailoring's path does not exist until something saves it. */
#ifndef KIJUN_TEST_SESSION_FIXTURE_H
#define KIJUN_TEST_SESSION_FIXTURE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijun/session.h"
#include "kijun/session_io.h"

struct fixture {
	char dir[64];
	char path[128];
	struct session s;
};

/* 0 and *state set, or -1; author and date are recorded on every change. */
static inline int fixture_open(void **state, const char *author, const char *date)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct diag_list d;

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/kijun-test-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/corp.yaml", f->dir);
	diag_list_init(&d);
	/* A path that does not exist: a new tailoring of the built-in catalog. */
	if (!session_load_file(&f->s, f->path, SESSION_OPEN_ANY, &d))
		return -1;
	diag_list_free(&d);
	if (!session_editing(&f->s) || session_set_author(&f->s, author) != SESSION_OK ||
	    session_set_date(&f->s, date) != SESSION_OK)
		return -1;
	*state = f;
	return 0;
}

/* Frees the session and removes whatever the test saved beside it. */
static inline int fixture_close(void **state)
{
	struct fixture *f = *state;
	DIR *dir;

	session_free(&f->s);
	dir = opendir(f->dir);
	for (struct dirent *e; dir && (e = readdir(dir));) {
		char p[384];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", f->dir, e->d_name);
		unlink(p);
	}
	if (dir)
		closedir(dir);
	rmdir(f->dir);
	free(f);
	return 0;
}

#endif
