/* Workspaces on disk: opening a tailoring file with its bases, starting a
 * new one, saving it.  The workspace itself is workspace.h. */
#ifndef KIJUN_WORKSPACE_IO_H
#define KIJUN_WORKSPACE_IO_H

#include <stdbool.h>

#include "kijun/diag.h"
#include "kijun/workspace.h"

/* The most base tailorings below one opened (a chain of a sector's, a
 * group's and a company's needs three; deeper than this is refused with
 * a message).  Resolving costs time linear in the chain. */
#define WORKSPACE_MAX_BASES 32

/* Opens path: a tailoring file, loading its bases.  Errors (unreadable,
 * invalid, a missing base, a cycle) go to diags. */
bool workspace_open(struct workspace *w, const char *path, struct diag_list *diags);
/* workspace_open for a command that reads the result and nothing else
 * (kijun resolve, changes): the result takes its base's items instead of
 * copying them, so w cannot be resolved again (workspace_resolve returns
 * false) and workspace_base() has no items. */
bool workspace_open_to_read(struct workspace *w, const char *path, struct diag_list *diags);
/* The tailoring at path applied to the first items of its catalog file
 * (catalog_load_head with `bytes`): what a screen can draw while the
 * whole loads.  Only for a tailoring that stands on a catalog file of at
 * least `at_least` bytes (not on a base tailoring, not on a built-in
 * catalog); its changes to items past the head are conflicts there.
 * False, and w freed, otherwise or on any problem: workspace_open says
 * what it is. */
bool workspace_open_head(struct workspace *w, const char *path, size_t bytes, size_t at_least);

/* A new, empty tailoring of the built-in catalog, to be saved as path. */
bool workspace_create(struct workspace *w, const char *path, struct diag_list *diags);

/* True when the file on disk is no longer the one read or last saved
 * (other content, removed, or made by someone else since w was created). */
bool workspace_disk_changed(const struct workspace *w);

/* Saves atomically; refuses (false, with a diag) when
 * workspace_disk_changed, so nobody's saved changes are overwritten. */
bool workspace_save(struct workspace *w, struct diag_list *diags);
/* workspace_save with file_write's flags (FILE_WRITE_FORCE: replace a
 * read-only file the user said to); returns file_write's result. */
int workspace_save_flags(struct workspace *w, unsigned flags, struct diag_list *diags);

#endif
