#include "editor.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/text.h"

static bool on_terminal = true;

void editor_set_terminal(bool terminal)
{
	on_terminal = terminal;
}

/* An executable `name` in a directory of PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH"), *p;
	char file[4096];

	for (p = path && *path ? path : "/usr/bin:/bin"; *p;) {
		size_t len = strcspn(p, ":");

		/* An empty entry is the current directory, as for sh. */
		snprintf(file, sizeof(file), "%.*s/%s", len ? (int)len : 1, len ? p : ".", name);
		if (access(file, X_OK) == 0)
			return true;
		p += len;
		if (*p == ':')
			p++;
	}
	return false;
}

const char *editor_command(void)
{
	static const char *const programs[] = { "editor", "vi", "nano" };
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	if (e && *e)
		return e;
	/* Debian's `editor` is the one the system administrator chose. */
	for (size_t k = 0; k < sizeof(programs) / sizeof(programs[0]); k++)
		if (on_path(programs[k]))
			return programs[k];
	return NULL;
}

static bool write_file(int fd, const char *s)
{
	size_t len = strlen(s);

	while (len) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return write(fd, "\n", 1) == 1;
}

/* Runs the editor the way git does: through the shell, so EDITOR may carry
 * arguments ("vim -u NONE"), with the file as "$1". */
static int run(const char *command, const char *path)
{
	char cmd[1024];
	struct sigaction ignore, old_int, old_quit;
	pid_t pid;
	int status = -1;

	snprintf(cmd, sizeof(cmd), "%s \"$1\"", command);
	/* Ctrl-C in the editor must not end kijun (with unsaved work). */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		if (!on_terminal) {
			int null = open("/dev/null", O_RDWR);

			if (null >= 0) {
				dup2(null, STDIN_FILENO);
				dup2(null, STDOUT_FILENO);
			}
		}
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return status;
}

char *editor_run(const char *initial, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	const char *command = editor_command();
	char path[4096], *text = NULL;
	struct diag_list diags;
	size_t len, bad;
	int fd, status;

	if (!command) {
		snprintf(err, errlen, "%s", _("no editor: set VISUAL or EDITOR"));
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/kijun-XXXXXX.txt", dir && *dir ? dir : "/tmp");
	fd = mkstemps(path, 4);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a temporary file: %s"), strerror(errno));
		return NULL;
	}
	if (!write_file(fd, initial ? initial : "")) {
		snprintf(err, errlen, _("cannot write a temporary file: %s"), strerror(errno));
		close(fd);
		unlink(path);
		return NULL;
	}
	close(fd);

	if (on_terminal) {
		def_prog_mode();
		endwin();
	}
	status = run(command, path);
	if (on_terminal) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}

	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		/* sh's "command not found": say what was looked for. */
		snprintf(err, errlen, _("the editor %s was not found (from VISUAL or EDITOR); nothing was changed"),
			 command);
		unlink(path);
		return NULL;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, _("the editor (%s) did not finish normally; nothing was changed"),
			 command);
		unlink(path);
		return NULL;
	}
	diag_list_init(&diags);
	if (!file_read_all(path, &text, &len, &diags)) {
		snprintf(err, errlen, "%s", diags.count ? diags.items[0].message : _("cannot read"));
		diag_list_free(&diags);
		unlink(path);
		return NULL;
	}
	diag_list_free(&diags);
	unlink(path);
	if (!utf8_valid(text, len, &bad)) {
		snprintf(err, errlen, "%s", _("the text is not UTF-8; nothing was changed"));
		free(text);
		return NULL;
	}
	/* Editors end files with a newline; so do Windows ones with CRLF. */
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		text[--len] = '\0';
	return text;
}
