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

static const char *editor_command(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
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
static int run(const char *path)
{
	char cmd[1024];
	struct sigaction ignore, old_int, old_quit;
	pid_t pid;
	int status = -1;

	snprintf(cmd, sizeof(cmd), "%s \"$1\"", editor_command());
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
	char path[4096], *text = NULL;
	struct diag_list diags;
	size_t len, bad;
	int fd, status;

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
	status = run(path);
	if (on_terminal) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, _("the editor (%s) did not finish normally; nothing was changed"),
			 editor_command());
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
