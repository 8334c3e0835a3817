/* make bench: runs kijun in a pseudo-terminal of 80x24, as a user over SSH
 * would, and reports
 *   - the time from start to the first drawn screen (median of runs),
 *   - the bytes written to the terminal for one cursor move and one page
 *     down (what a slow link has to carry),
 *   - the CPU kijun uses while idle;
 * and, given a large catalog (make bench passes the generated one of 100k
 * items), the first screen, `G`, `E`, `/` and `f` on it (and, given a
 * tailoring of it too, how soon that shows and loads): the
 * time until the last byte of the answer arrived and the CPU kijun spent,
 * and the bytes per Down, scrolling Down, PgDn and search keystroke.
 * Targets are in ../shared/DESIGN.md and docs/performance.md; this prints
 * figures, it never fails on them. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* ---- a virtual terminal ------------------------------------------------------
 * What kijun's output does to an 80x24 xterm, as far as ncurses drives one:
 * enough to tell which cells changed after a key, and so how many bytes of
 * text actually changed on the screen, beside the bytes that were sent. */

enum { VT_ROWS = 24, VT_COLS = 80 };

struct cell {
	char ch[5];      /* UTF-8; "" for the right half of a wide character */
	uint32_t attr;   /* SGR state */
};

struct vt {
	struct cell c[VT_ROWS][VT_COLS];
	int y, x, top, bottom, sy, sx;
	bool wrap;           /* the last column was written: wrap on the next */
	uint32_t attr;
	char last[5];        /* the last character put, for REP */
	int state;           /* 0 text, 1 ESC, 2 CSI, 3 OSC, 4 charset, 5 UTF-8 */
	char seq[64];
	size_t seq_len, need;
	char utf[5];
	size_t utf_len;
};

static void vt_blank(struct vt *v, int y, int x0, int x1)
{
	for (int x = x0; x < x1 && x < VT_COLS; x++) {
		strcpy(v->c[y][x].ch, " ");
		v->c[y][x].attr = v->attr & 0xffff0000u;  /* the background stays */
	}
}

static void vt_init(struct vt *v)
{
	memset(v, 0, sizeof(*v));
	v->bottom = VT_ROWS - 1;
	for (int y = 0; y < VT_ROWS; y++)
		vt_blank(v, y, 0, VT_COLS);
}

/* Rows top..bottom move up by n (down when n < 0), blank rows coming in. */
static void vt_scroll(struct vt *v, int top, int bottom, int n)
{
	if (top > bottom)
		return;
	for (; n > 0; n--) {
		memmove(v->c[top], v->c[top + 1], sizeof(v->c[0]) * (size_t)(bottom - top));
		vt_blank(v, bottom, 0, VT_COLS);
	}
	for (; n < 0; n++) {
		memmove(v->c[top + 1], v->c[top], sizeof(v->c[0]) * (size_t)(bottom - top));
		vt_blank(v, top, 0, VT_COLS);
	}
}

static void vt_index(struct vt *v)
{
	if (v->y == v->bottom)
		vt_scroll(v, v->top, v->bottom, 1);
	else if (v->y < VT_ROWS - 1)
		v->y++;
}

static void vt_put(struct vt *v, const char *ch)
{
	wchar_t wc;
	int w;

	if (mbtowc(&wc, ch, strlen(ch)) <= 0 || (w = wcwidth(wc)) < 1)
		w = 1;
	if (v->wrap || v->x + w > VT_COLS) {
		v->x = 0;
		vt_index(v);
	}
	v->wrap = false;
	snprintf(v->c[v->y][v->x].ch, sizeof(v->c[0][0].ch), "%s", ch);
	v->c[v->y][v->x].attr = v->attr;
	if (w == 2 && v->x + 1 < VT_COLS) {
		v->c[v->y][v->x + 1].ch[0] = '\0';
		v->c[v->y][v->x + 1].attr = v->attr;
	}
	snprintf(v->last, sizeof(v->last), "%s", ch);
	v->x += w;
	if (v->x >= VT_COLS) {
		v->x = VT_COLS - 1;
		v->wrap = true;
	}
}

static void vt_sgr(struct vt *v, const int *p, int n)
{
	uint32_t fg = v->attr >> 8 & 0xff, bg = v->attr >> 16 & 0xff, fl = v->attr & 0xff;

	if (n == 0)
		fg = bg = fl = 0;
	for (int k = 0; k < n; k++) {
		int a = p[k];

		if (a == 0)
			fg = bg = fl = 0;
		else if (a >= 1 && a <= 7)
			fl |= 1u << a;
		else if (a >= 22 && a <= 27)
			fl &= ~(1u << (a - 20)) & ~(a == 22 ? 2u : 0u);
		else if ((a >= 30 && a <= 37) || (a >= 90 && a <= 97))
			fg = (uint32_t)a;
		else if (a == 39)
			fg = 0;
		else if ((a >= 40 && a <= 47) || (a >= 100 && a <= 107))
			bg = (uint32_t)a;
		else if (a == 49)
			bg = 0;
		else if ((a == 38 || a == 48) && k + 2 < n && p[k + 1] == 5) {
			if (a == 38)
				fg = 128u | (uint32_t)p[k + 2];
			else
				bg = 128u | (uint32_t)p[k + 2];
			k += 2;
		}
	}
	v->attr = fl | (fg & 0xff) << 8 | (bg & 0xff) << 16 | (bg ? 1u << 24 : 0);
}

static int clamp(int a, int lo, int hi)
{
	return a < lo ? lo : a > hi ? hi : a;
}

static void vt_csi(struct vt *v)
{
	int p[16] = { 0 }, n = 0, a;
	char final = v->seq[v->seq_len - 1];
	const char *s = v->seq;

	if (*s == '?' || *s == '>' || *s == '=')
		return;  /* private modes: nothing on the screen */
	while (*s && n < 16 && s < v->seq + v->seq_len - 1) {
		p[n] = (int)strtol(s, (char **)&s, 10);
		n++;
		if (*s == ';' || *s == ':')
			s++;
		else
			break;
	}
	a = p[0] ? p[0] : 1;
	if (final != 'm')
		v->wrap = false;
	switch (final) {
	case 'H': case 'f':
		v->y = clamp((n > 0 && p[0] ? p[0] : 1) - 1, 0, VT_ROWS - 1);
		v->x = clamp((n > 1 && p[1] ? p[1] : 1) - 1, 0, VT_COLS - 1);
		break;
	case 'A': v->y = clamp(v->y - a, 0, VT_ROWS - 1); break;
	case 'B': v->y = clamp(v->y + a, 0, VT_ROWS - 1); break;
	case 'C': v->x = clamp(v->x + a, 0, VT_COLS - 1); break;
	case 'D': v->x = clamp(v->x - a, 0, VT_COLS - 1); break;
	case 'G': case '`': v->x = clamp(a - 1, 0, VT_COLS - 1); break;
	case 'd': v->y = clamp(a - 1, 0, VT_ROWS - 1); break;
	case 'K':
		if (p[0] == 0)
			vt_blank(v, v->y, v->x, VT_COLS);
		else if (p[0] == 1)
			vt_blank(v, v->y, 0, v->x + 1);
		else
			vt_blank(v, v->y, 0, VT_COLS);
		break;
	case 'J':
		if (p[0] == 0) {
			vt_blank(v, v->y, v->x, VT_COLS);
			for (int y = v->y + 1; y < VT_ROWS; y++)
				vt_blank(v, y, 0, VT_COLS);
		} else if (p[0] == 1) {
			for (int y = 0; y < v->y; y++)
				vt_blank(v, y, 0, VT_COLS);
			vt_blank(v, v->y, 0, v->x + 1);
		} else {
			for (int y = 0; y < VT_ROWS; y++)
				vt_blank(v, y, 0, VT_COLS);
		}
		break;
	case 'X': vt_blank(v, v->y, v->x, v->x + a); break;
	case 'L':
		if (v->y >= v->top && v->y <= v->bottom)
			vt_scroll(v, v->y, v->bottom, -a);
		break;
	case 'M':
		if (v->y >= v->top && v->y <= v->bottom)
			vt_scroll(v, v->y, v->bottom, a);
		break;
	case 'S': vt_scroll(v, v->top, v->bottom, a); break;
	case 'T': vt_scroll(v, v->top, v->bottom, -a); break;
	case '@':
		for (int k = 0; k < a; k++) {
			memmove(&v->c[v->y][v->x + 1], &v->c[v->y][v->x],
				sizeof(struct cell) * (size_t)(VT_COLS - 1 - v->x));
			vt_blank(v, v->y, v->x, v->x + 1);
		}
		break;
	case 'P':
		for (int k = 0; k < a; k++) {
			memmove(&v->c[v->y][v->x], &v->c[v->y][v->x + 1],
				sizeof(struct cell) * (size_t)(VT_COLS - 1 - v->x));
			vt_blank(v, v->y, VT_COLS - 1, VT_COLS);
		}
		break;
	case 'b':
		for (int k = 0; k < a && v->last[0]; k++)
			vt_put(v, v->last);
		break;
	case 'r':
		v->top = clamp((n > 0 && p[0] ? p[0] : 1) - 1, 0, VT_ROWS - 1);
		v->bottom = clamp((n > 1 && p[1] ? p[1] : VT_ROWS) - 1, 0, VT_ROWS - 1);
		v->y = v->x = 0;
		break;
	case 'm': vt_sgr(v, p, n); break;
	default: break;
	}
}

static void vt_feed(struct vt *v, const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)buf[i];

		switch (v->state) {
		case 1:  /* after ESC */
			v->state = 0;
			if (b == '[') {
				v->state = 2;
				v->seq_len = 0;
			} else if (b == ']') {
				v->state = 3;
			} else if (b == '(' || b == ')' || b == '*' || b == '+') {
				v->state = 4;
			} else if (b == '7') {
				v->sy = v->y;
				v->sx = v->x;
			} else if (b == '8') {
				v->y = v->sy;
				v->x = v->sx;
			} else if (b == 'D') {
				vt_index(v);
			} else if (b == 'E') {
				v->x = 0;
				vt_index(v);
			} else if (b == 'M') {
				if (v->y == v->top)
					vt_scroll(v, v->top, v->bottom, -1);
				else if (v->y > 0)
					v->y--;
			}
			continue;
		case 2:  /* CSI */
			if (v->seq_len < sizeof(v->seq) - 1)
				v->seq[v->seq_len++] = (char)b;
			if (b >= 0x40 && b <= 0x7e) {
				v->seq[v->seq_len] = '\0';
				vt_csi(v);
				v->state = 0;
			}
			continue;
		case 3:  /* OSC, to BEL or ST */
			if (b == 7 || b == '\\')
				v->state = 0;
			continue;
		case 4:  /* the charset's name */
			v->state = 0;
			continue;
		case 5:  /* inside a UTF-8 character */
			v->utf[v->utf_len++] = (char)b;
			if (v->utf_len == v->need) {
				v->utf[v->utf_len] = '\0';
				vt_put(v, v->utf);
				v->state = 0;
			}
			continue;
		}
		if (b == 0x1b) {
			v->state = 1;
		} else if (b == '\r') {
			v->x = 0;
			v->wrap = false;
		} else if (b == '\n') {
			vt_index(v);
			v->wrap = false;
		} else if (b == '\b') {
			if (v->x > 0)
				v->x--;
			v->wrap = false;
		} else if (b == '\t') {
			v->x = clamp((v->x / 8 + 1) * 8, 0, VT_COLS - 1);
		} else if (b >= 0x20 && b < 0x7f) {
			char c[2] = { (char)b, '\0' };

			vt_put(v, c);
		} else if (b >= 0xc2 && b <= 0xf4) {
			v->utf[0] = (char)b;
			v->utf_len = 1;
			v->need = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
			v->state = 5;
		}
	}
}

/* Bytes of the text that differs between two screens: each changed cell's
 * character (a space for a blank), counted once for a wide one. */
static size_t vt_changed(const struct vt *a, const struct vt *b)
{
	size_t n = 0;

	for (int y = 0; y < VT_ROWS; y++)
		for (int x = 0; x < VT_COLS; x++) {
			const struct cell *p = &a->c[y][x], *q = &b->c[y][x];

			if (strcmp(p->ch, q->ch) != 0 || p->attr != q->attr)
				n += strlen(q->ch);
		}
	return n;
}

/* PTYBENCH_DUMP=1: the virtual screen, to see that it follows kijun. */
static void vt_dump(const struct vt *v, const char *when)
{
	if (!getenv("PTYBENCH_DUMP"))
		return;
	fprintf(stderr, "-- %s\n", when);
	for (int y = 0; y < VT_ROWS; y++) {
		for (int x = 0; x < VT_COLS; x++)
			fputs(v->c[y][x].ch, stderr);
		fputc('\n', stderr);
	}
}

/* True when row y of the virtual screen shows text (UTF-8). */
static bool vt_row_has(const struct vt *v, int y, const char *text)
{
	char row[VT_COLS * 4 + 1];
	size_t n = 0;

	for (int x = 0; x < VT_COLS; x++) {
		size_t k = strlen(v->c[y][x].ch);

		memcpy(row + n, v->c[y][x].ch, k);
		n += k;
	}
	row[n] = '\0';
	return strstr(row, text) != NULL;
}

struct session {
	pid_t pid;
	int fd;
	char *out;      /* everything read so far */
	size_t len, cap;
	struct vt vt;   /* the screen it shows */
	size_t changed; /* bytes of text the last session_keys changed */
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void session_start(struct session *s, const char *kijun, char *const extra[])
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };

	memset(s, 0, sizeof(*s));
	vt_init(&s->vt);
	s->pid = forkpty(&s->fd, NULL, NULL, &ws);
	if (s->pid < 0)
		die("forkpty");
	if (s->pid == 0) {
		char *argv[8] = { (char *)kijun };
		int n = 1;

		for (; extra && extra[n - 1] && n < 7; n++)
			argv[n] = extra[n - 1];
		argv[n] = NULL;
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("NO_COLOR");
		execv(kijun, argv);
		_exit(127);
	}
}

static double last_byte_ms;  /* when the last byte arrived */
static int quiet_ms = 150;   /* session_keys: the answer is complete after this */

/* Reads what arrives within timeout_ms; returns the bytes read. */
static size_t session_read(struct session *s, int timeout_ms)
{
	struct pollfd p = { .fd = s->fd, .events = POLLIN };
	char buf[65536];
	size_t got = 0;

	while (poll(&p, 1, timeout_ms) > 0) {
		ssize_t n = read(s->fd, buf, sizeof(buf));

		if (n <= 0)
			break;
		if (s->len + (size_t)n + 1 > s->cap) {
			s->cap = (s->len + (size_t)n + 1) * 2;
			s->out = realloc(s->out, s->cap);
			if (!s->out)
				die("realloc");
		}
		last_byte_ms = now_ms();
		vt_feed(&s->vt, buf, (size_t)n);
		memcpy(s->out + s->len, buf, (size_t)n);
		s->len += (size_t)n;
		s->out[s->len] = '\0';
		got += (size_t)n;
	}
	return got;
}

/* Reads until the output holds `marker`; returns the time it arrived. */
static double session_wait_for(struct session *s, const char *marker)
{
	for (int spins = 0; spins < 5000; spins++) {
		if (s->out && strstr(s->out, marker))
			return now_ms();
		session_read(s, 1);
	}
	fprintf(stderr, "bench: the screen never showed \"%s\"\n", marker);
	exit(1);
}

/* Sends keys and counts the bytes written back until the terminal has
 * been quiet for quiet_ms. */
static size_t session_keys(struct session *s, const char *keys)
{
	static struct vt before;
	size_t total = 0, n;

	before = s->vt;
	last_byte_ms = now_ms();
	if (write(s->fd, keys, strlen(keys)) < 0)
		die("write");
	while ((n = session_read(s, quiet_ms)) > 0)
		total += n;
	s->changed = vt_changed(&before, &s->vt);
	return total;
}

static void session_end(struct session *s)
{
	int status;

	if (write(s->fd, "q", 1) < 0)
		kill(s->pid, SIGTERM);
	while (session_read(s, 100) > 0)
		;
	waitpid(s->pid, &status, 0);
	close(s->fd);
	free(s->out);
}

static long cpu_ticks(pid_t pid);

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The status bar's hint is drawn in the last rows: once it is there,
 * the first screen is complete. */
static const char HINT[] = "q:\xe7\xb5\x82\xe4\xba\x86";  /* q:終了 */
/* What the status bar says while a large catalog is still loading
 * (its first screen drawn from the file's first items). */
static const char LOADING[] = "\xe8\xaa\xad\xe3\x81\xbf\xe8\xbe\xbc\xe3\x81\xbf\xe4\xb8\xad";  /* 読み込み中 */

/* Reads until the status bar no longer says it is loading: the catalog
 * is in and keys are taken.  Returns the time. */
static double session_wait_loaded(struct session *s)
{
	for (int spins = 0; spins < 20000; spins++) {
		if (!vt_row_has(&s->vt, VT_ROWS - 2, LOADING))
			return now_ms();
		session_read(s, 1);
	}
	fprintf(stderr, "bench: the screen kept saying it is loading\n");
	exit(1);
}

static void bench_startup(const char *kijun)
{
	enum { RUNS = 21 };
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		struct session s;
		double start = now_ms();

		session_start(&s, kijun, NULL);
		t[r] = session_wait_for(&s, HINT) - start;
		session_end(&s);
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("%-40s median %5.1f ms (min %.1f, max %.1f, %d runs)  target < 20 ms\n",
	       "start to first screen",
	       t[RUNS / 2], t[0], t[RUNS - 1], RUNS);
}

/* Bytes sent per key beside the bytes of text they changed on the screen
 * (medians), and the target: at most 1.2 times that plus 40 B. */
static void report_bytes(const char *what, size_t *v, size_t *chg, int n, const char *target)
{
	size_t limit;

	qsort(v, (size_t)n, sizeof(v[0]), cmp_size);
	qsort(chg, (size_t)n, sizeof(chg[0]), cmp_size);
	limit = chg[n / 2] * 12 / 10 + 40;
	printf("%-36s %5zu B (min %zu, max %zu)  changed text %5zu B  %s%s\n", what,
	       v[n / 2], v[0], v[n - 1], chg[n / 2], v[n / 2] <= limit ? "<= 1.2x+40" : "> 1.2x+40",
	       target);
}

static void keys_n(struct session *s, const char *keys, size_t *out, size_t *chg, int n)
{
	for (int i = 0; i < n; i++) {
		out[i] = session_keys(s, keys);
		chg[i] = s->changed;
	}
}

/* Holding a key on a slow link: n of them arrive at once.  Returns the
 * bytes sent for all of them (a loop that skips frames while keys wait
 * sends about one key's worth). */
static size_t keys_at_once(struct session *s, const char *key, int n, size_t *chg)
{
	char buf[256] = "";

	for (int i = 0; i < n && strlen(buf) + strlen(key) < sizeof(buf); i++)
		strcat(buf, key);
	n = (int)session_keys(s, buf);
	*chg = s->changed;
	return (size_t)n;
}

/* Every item is opened first (E), so moves cross controls, detailed
 * controls and list entries with their Japanese texts. */
static void bench_bytes(const char *kijun)
{
	enum { MOVES = 15, PAGES = 6 };
	size_t both[MOVES], alone[MOVES], alone_scroll[MOVES];
	size_t pages_both[PAGES], pages_alone[PAGES], first;
	size_t c_both[MOVES], c_alone[MOVES], c_scroll[MOVES], c_pboth[PAGES], c_palone[PAGES];
	size_t held, held_chg;
	struct session s;

	session_start(&s, kijun, NULL);
	session_wait_for(&s, HINT);
	while (session_read(&s, 200) > 0)
		;
	first = s.len;
	session_keys(&s, "E");
	session_keys(&s, "g");
	keys_n(&s, "j", both, c_both, MOVES);            /* rows 1..16 of 21: no scrolling */
	keys_n(&s, "\033[6~", pages_both, c_pboth, PAGES);
	vt_dump(&s.vt, "after the pages down, both panes");
	session_keys(&s, "g");
	held = keys_at_once(&s, "j", 10, &held_chg);
	session_keys(&s, "z");
	session_keys(&s, "g");
	keys_n(&s, "j", alone, c_alone, MOVES);
	keys_n(&s, "j", alone_scroll, c_scroll, 5);        /* to the last row */
	keys_n(&s, "j", alone_scroll, c_scroll, MOVES);    /* each move now scrolls a row */
	keys_n(&s, "\033[6~", pages_alone, c_palone, PAGES);
	vt_dump(&s.vt, "after the pages down, tree alone");
	session_end(&s);

	printf("first screen                             %5zu B\n", first);
	printf("bytes per key (median of sent, and of the text it changed on the screen):\n");
	report_bytes("cursor move, both panes", both, c_both, MOVES, "");
	report_bytes("cursor move, tree alone (z)", alone, c_alone, MOVES, "");
	report_bytes("cursor move, tree alone, scrolling", alone_scroll, c_scroll, MOVES, "");
	report_bytes("page down, both panes", pages_both, c_pboth, PAGES, "");
	report_bytes("page down, tree alone", pages_alone, c_palone, PAGES, "");
	printf("%-36s %5zu B  changed text %5zu B  (one Down sent %zu B)\n",
	       "10 Downs arriving at once, both panes", held, held_chg, both[MOVES / 2]);
}

static long cpu_ticks(pid_t pid)
{
	char path[64], buf[1024], *p;
	long utime = 0, stime = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld",
			 &utime, &stime) != 2)
		return -1;
	return utime + stime;
}

/* kijun's peak resident memory so far (VmHWM), beside the size of the
 * files it read (also may be NULL). */
static void report_peak(const struct session *s, const char *file, const char *also,
			const char *when)
{
	char path[64], line[128];
	long kb = -1;
	struct stat st, st2 = { 0 };
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)s->pid);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	if (kb < 0 || stat(file, &st) != 0 || (also && stat(also, &st2) != 0) ||
	    st.st_size + st2.st_size == 0)
		return;
	printf("%-34s %7.1f MiB, %.2fx the file%s  target <= 2x\n", when, kb / 1024.0,
	       kb * 1024.0 / (double)(st.st_size + st2.st_size), also ? "s" : "");
}

static void bench_idle(const char *kijun)
{
	struct session s;
	long before, after;

	session_start(&s, kijun, NULL);
	session_wait_for(&s, HINT);
	while (session_read(&s, 200) > 0)
		;
	before = cpu_ticks(s.pid);
	sleep(2);
	after = cpu_ticks(s.pid);
	session_end(&s);
	printf("%-40s %5ld ticks of 10 ms  target 0\n", "CPU while idle for 2 s",
	       after - before);
}

/* One key on the large catalog: the time until the last byte of its
 * answer (wall: it includes waiting for a core on a busy machine), the
 * CPU kijun spent on it (ticks of 10 ms, summed over the repeats) and the
 * bytes it sent. */
struct key_figures {
	double ms[16];
	size_t bytes[16];
	size_t changed[16];  /* bytes of text changed on the screen */
	long ticks;
	int n;
};

/* PTYBENCH_RAW=1: what a key sent, escapes shown, to see where bytes go. */
static void raw_dump(const struct session *s, size_t from, const char *keys)
{
	if (!getenv("PTYBENCH_RAW"))
		return;
	fprintf(stderr, "-- key %s: %zu B\n", keys[0] == '\033' ? "ESC..." : keys, s->len - from);
	for (size_t k = from; k < s->len; k++) {
		unsigned char ch = (unsigned char)s->out[k];

		if (ch == '\033')
			fputs("\n\\e", stderr);
		else if (ch < 0x20 || ch == 0x7f)
			fprintf(stderr, "\\x%02x", ch);
		else
			fputc(ch, stderr);
	}
	fputc('\n', stderr);
}

static void timed_key(struct session *s, const char *keys, struct key_figures *f)
{
	long before = cpu_ticks(s->pid);
	double start = now_ms();
	size_t from = s->len;
	size_t bytes = session_keys(s, keys);

	raw_dump(s, from, keys);

	f->ms[f->n] = last_byte_ms - start;
	f->bytes[f->n] = bytes;
	f->changed[f->n] = s->changed;
	f->ticks += cpu_ticks(s->pid) - before;
	f->n++;
}

static void report_key(const char *what, struct key_figures *f, const char *target)
{
	double ms[16];
	size_t bytes[16], changed[16];

	memcpy(ms, f->ms, sizeof(ms));
	memcpy(bytes, f->bytes, sizeof(bytes));
	memcpy(changed, f->changed, sizeof(changed));
	qsort(ms, (size_t)f->n, sizeof(ms[0]), cmp_double);
	qsort(bytes, (size_t)f->n, sizeof(bytes[0]), cmp_size);
	qsort(changed, (size_t)f->n, sizeof(changed[0]), cmp_size);
	printf("%-34s %7.1f ms (max %6.1f) CPU %5.1f ms  %6zu B, changed %5zu B  (%d)%s\n",
	       what, ms[f->n / 2], ms[f->n - 1], 10.0 * (double)f->ticks / f->n,
	       bytes[f->n / 2], changed[f->n / 2], f->n, target);
}

/* Opens file `runs` times: the time to its first complete frame (drawn
 * from the first items while the rest loads, for a large one) and to the
 * end of the load.  The last session is left open in *s. */
static void open_runs(const char *kijun, const char *file, int runs, struct session *s,
		      struct key_figures *first, struct key_figures *ready)
{
	char *const args[] = { (char *)file, NULL };

	for (int r = 0; r < runs; r++) {
		double start = now_ms();

		session_start(s, kijun, args);
		first->ms[first->n] = session_wait_for(s, HINT) - start;
		first->ticks += cpu_ticks(s->pid);
		first->bytes[first->n] = s->len;
		{
			static struct vt blank;

			vt_init(&blank);
			first->changed[first->n++] = vt_changed(&blank, &s->vt);
		}
		if (r == 0)
			vt_dump(&s->vt, "the first screen");
		/* Then the whole file: the status bar gives the row. */
		{
			struct vt drawn = s->vt;
			size_t before = s->len;

			ready->ms[ready->n] = session_wait_loaded(s) - start;
			while (session_read(s, 50) > 0)
				;
			ready->ticks += cpu_ticks(s->pid);
			ready->bytes[ready->n] = s->len - before;
			ready->changed[ready->n++] = vt_changed(&drawn, &s->vt);
		}
		if (r == 0)
			vt_dump(&s->vt, "loaded");
		if (r < runs - 1)
			session_end(s);
	}
}

/* A tailoring of the large catalog: only how soon it shows and loads. */
static void bench_tailoring(const char *kijun, const char *tailoring, const char *catalog)
{
	struct key_figures first = { 0 }, ready = { 0 };
	struct session s;

	printf("\n-- %s in the screen\n", tailoring);
	quiet_ms = 400;
	open_runs(kijun, tailoring, 5, &s, &first, &ready);
	report_peak(&s, tailoring, catalog, "peak RSS once loaded");
	session_end(&s);
	report_key("first screen", &first, "  target <= 300 ms");
	report_key("loaded, keys taken", &ready, "");
}

static void bench_large(const char *kijun, const char *catalog)
{
	struct key_figures first = { 0 }, ready = { 0 }, last = { 0 }, expand = { 0 }, down = { 0 },
		scroll = { 0 }, page = { 0 }, search = { 0 }, miss = { 0 }, filter = { 0 },
		filter_text = { 0 }, unfilter = { 0 };
	/* 委, 託, 先: a search narrowed one keystroke at a time */
	static const char *const typed[] = { "\xe5\xa7\x94", "\xe8\xa8\x97", "\xe5\x85\x88" };
	struct session s;

	printf("\n-- %s in the screen (wall time to the last byte; CPU in ticks of 10 ms)\n", catalog);
	/* a slow answer must not be cut in two and counted as two keys */
	quiet_ms = 400;
	open_runs(kijun, catalog, 5, &s, &first, &ready);
	report_key("first screen", &first, "  target <= 300 ms");
	report_key("loaded, keys taken", &ready, "");
	while (session_read(&s, 200) > 0)
		;
	for (int r = 0; r < 3; r++) {
		timed_key(&s, "G", &last);
		session_keys(&s, "g");
	}
	report_key("G (last row)", &last, "");
	for (int r = 0; r < 9; r++)
		timed_key(&s, "j", &down);
	session_keys(&s, "jjjjjjjjjjjjjjjjjjjj");  /* to the last row, at once */
	for (int r = 0; r < 9; r++)
		timed_key(&s, "j", &scroll);
	for (int r = 0; r < 5; r++)
		timed_key(&s, "\033[6~", &page);
	report_key("Down", &down, "");
	report_key("Down that scrolls", &scroll, "");
	report_key("PgDn", &page, "");
	session_keys(&s, "g");
	for (int r = 0; r < 2; r++) {
		timed_key(&s, "E", &expand);
		session_keys(&s, "C");  /* close again, to time opening again */
	}
	report_key("E (open every item)", &expand, "");
	for (int r = 0; r < 3; r++) {
		session_keys(&s, "/");
		for (int k = 0; k < 3; k++)
			timed_key(&s, typed[k], &search);
		session_keys(&s, "\033");
	}
	report_key("search keystroke (/ then 3 chars)", &search, "  target <= 16 ms");
	/* no item holds "qxz": every keystroke reads every item */
	for (int r = 0; r < 3; r++) {
		session_keys(&s, "/");
		timed_key(&s, "q", &miss);
		timed_key(&s, "x", &miss);
		timed_key(&s, "z", &miss);
		session_keys(&s, "\033");
	}
	report_key("search keystroke, no match", &miss, "  target <= 16 ms");
	/* f: a filter by an attribute value, then by a word read in every
	 * text; Enter applies it (the time is Enter's), Esc clears it. */
	for (int r = 0; r < 3; r++) {
		session_keys(&s, "f#\xe4\xba\x88\xe9\x98\xb2");  /* f#予防 */
		timed_key(&s, "\r", &filter);
		timed_key(&s, "\033", &unfilter);
		session_keys(&s, "f\xe5\xa7\x94\xe8\xa8\x97");  /* f委託 */
		timed_key(&s, "\r", &filter_text);
		session_keys(&s, "\033");
	}
	report_key("f #予防 Enter (filter by a value)", &filter, "  no visible lag");
	report_key("f 委託 Enter (filter by a word)", &filter_text, "  no visible lag");
	report_key("Esc (the filter cleared)", &unfilter, "  no visible lag");
	report_peak(&s, catalog, NULL, "peak RSS after all the above");
	session_end(&s);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: ptybench PATH-TO-KIJUN [LARGE-CATALOG [TAILORING-OF-IT]]\n");
		return 2;
	}
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
	printf("\nkijun bench: %s in an 80x24 pseudo-terminal, TERM=xterm-256color\n", argv[1]);
	bench_startup(argv[1]);
	bench_bytes(argv[1]);
	bench_idle(argv[1]);
	if (argc >= 3)
		bench_large(argv[1], argv[2]);
	if (argc == 4)
		bench_tailoring(argv[1], argv[3], argv[2]);
	return 0;
}
