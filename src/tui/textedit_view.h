/* kijun's own editor for a text of several lines, used when no $VISUAL,
 * $EDITOR, editor, vi or nano can be run: a view over the whole body. */
#ifndef KIJUN_TEXTEDIT_VIEW_H
#define KIJUN_TEXTEDIT_VIEW_H

struct ui;

/* Gets what was saved with Ctrl-S (malloc'd, without trailing line
 * breaks, as editor_run returns it), or NULL when the user cancelled. */
typedef void (*textedit_done_fn)(struct ui *ui, char *text);

/* Opens the editor on text; done is called when it closes. */
void textedit_view_open(struct ui *ui, const char *text, textedit_done_fn done);

#endif
