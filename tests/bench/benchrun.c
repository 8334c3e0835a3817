/* make bench: kijun's commands on generated catalogs of 10k, 100k and 300k
 * items and tailorings of 1k and 10k changes, each measured as CPU time
 * (user + system of the child, the median of a few runs) and as a ratio
 * to a bare libyaml parse of the same input run in the same rounds.  The
 * machine may be shared, so wall time is never used here: CPU time of the
 * child is what kijun spends whatever else runs.
 *
 *   benchrun KIJUN BENCH-DIR [catalogs] [resolve] [chain]
 *
 * Inputs are generated into BENCH-DIR once (by benchgen, deterministic)
 * and reused.  This prints figures; it never fails on them. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kijun/sha256.h"

static const char *kijun, *dir;
static int quiet_failures;  /* the caller shows what the child said */

struct cost {
	double cpu;     /* seconds, user + system */
	double rss;     /* peak resident set, bytes */
};

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* DIR/name, in one of a ring of buffers: copy what must outlive a few
 * more calls. */
static char *path_of(const char *name)
{
	static char buf[8][512];
	static int next;
	char *p = buf[next++ % 8];

	snprintf(p, sizeof(buf[0]), "%s/%s", dir, name);
	return p;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

static double file_size(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		die(path);
	return (double)st.st_size;
}

/* Runs argv with stdout to `out` (or /dev/null) and returns what the
 * child alone cost. */
static struct cost run_to(char *const argv[], const char *out)
{
	struct rusage ru;
	struct cost c;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(path_of("last-stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd < 0 || err < 0)
			_exit(126);
		dup2(fd, 1);
		dup2(err, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4");
	if (!quiet_failures && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		fprintf(stderr, "bench: %s %s %s failed (status %d); see %s\n", argv[0],
			argv[1] ? argv[1] : "", argv[1] && argv[2] ? argv[2] : "", status,
			path_of("last-stderr.txt"));
	}
	c.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	c.rss = (double)ru.ru_maxrss * 1024.0;
	return c;
}

static struct cost run(char *const argv[])
{
	return run_to(argv, NULL);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(v[0]), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The peak RSS of `kijun ARGS... FILE` on the small inputs (median of
 * five): the program, its libraries and its fixed buffers, which a file of
 * any size costs.  Peak RSS less this is the memory that grows with the
 * file, what the target of 2x the file is about once the file is large. */
static double fixed_rss(const char *a1, const char *a2, const char *file)
{
	double v[5];

	for (int r = 0; r < 5; r++) {
		char *argv[] = { (char *)kijun, (char *)a1, (char *)a2, (char *)file, NULL };

		if (!a2) {
			argv[2] = (char *)file;
			argv[3] = NULL;
		}
		v[r] = run(argv).rss;
	}
	return median(v, 5);
}

/* ---- inputs ------------------------------------------------------------ */

static void generate(const char *out, char *const argv[])
{
	char tmp[600];

	if (exists(out))
		return;
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	run_to(argv, tmp);
	if (rename(tmp, out) != 0)
		die(out);
}

static void file_hash(const char *path, char out[72])
{
	FILE *f = fopen(path, "rb");
	size_t len = (size_t)file_size(path);
	char *buf = malloc(len + 1);

	if (!f || !buf || fread(buf, 1, len, f) != len)
		die(path);
	fclose(f);
	sha256_tag(buf, len, out);
	free(buf);
}

static const char *const sizes[] = { "10000", "100000", "300000" };
static const char *const size_names[] = { "10k", "100k", "300k" };

static const char *catalog_file(int s)
{
	static char name[3][64];

	snprintf(name[s], sizeof(name[s]), "catalog-%s.yaml", size_names[s]);
	return name[s];
}

static void make_inputs(void)
{
	char gen[512], hash[72], name[64];

	snprintf(gen, sizeof(gen), "%s/benchgen", dir);
	for (int s = 0; s < 3; s++) {
		char *argv[] = { gen, "catalog", (char *)sizes[s], "1", NULL };

		generate(path_of(catalog_file(s)), argv);
	}
	/* tailorings of 1k and 10k changes on 100k items, 1k on 10k, 10k on
	 * 300k: growth in changes and in items */
	{
		static const struct { int size; const char *changes, *name; } t[] = {
			{ 0, "1000", "tailoring-10k-1k.yaml" },
			{ 1, "1000", "tailoring-100k-1k.yaml" },
			{ 1, "10000", "tailoring-100k-10k.yaml" },
			{ 2, "10000", "tailoring-300k-10k.yaml" },
		};

		for (unsigned k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
			char *argv[] = { gen, "tailoring", (char *)sizes[t[k].size], "1",
					 (char *)t[k].changes, (char *)catalog_file(t[k].size),
					 hash, NULL };

			if (exists(path_of(t[k].name)))
				continue;
			file_hash(path_of(catalog_file(t[k].size)), hash);
			generate(path_of(t[k].name), argv);
		}
	}
	/* 100 items and 10 changes on them: what each command takes whatever
	 * the file (the program, its libraries, its buffers) */
	{
		char *cat[] = { gen, "catalog", "100", "1", NULL };
		char *tl[] = { gen, "tailoring", "100", "1", "10", "catalog-small.yaml", hash, NULL };

		generate(path_of("catalog-small.yaml"), cat);
		if (!exists(path_of("tailoring-small.yaml"))) {
			file_hash(path_of("catalog-small.yaml"), hash);
			generate(path_of("tailoring-small.yaml"), tl);
		}
	}
	/* a chain of tailorings on the 10k catalog, each link 20 changes on
	 * the one before */
	for (int d = 1; d <= 30; d++) {
		char prev[64], depth[16];
		char *argv[] = { gen, "chain", "10000", "1", depth, prev, NULL };

		snprintf(depth, sizeof(depth), "%d", d);
		if (d == 1)
			snprintf(prev, sizeof(prev), "tailoring-10k-1k.yaml");
		else
			snprintf(prev, sizeof(prev), "chain-%d.yaml", d - 1);
		snprintf(name, sizeof(name), "chain-%d.yaml", d);
		generate(path_of(name), argv);
	}
}

/* ---- measuring ------------------------------------------------------------ */

enum { FLOOR, CHECK, LIST, FORMAT, WORKS };
static const char *const work_names[] = { "libyaml", "check", "list", "format" };

struct catalog_figures {
	double cpu[WORKS];
	double rss[WORKS];
	double bytes;
	int canonical;
};

static int same_file(const char *a, const char *b)
{
	FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
	int same = x && y, cx, cy;

	while (same) {
		cx = getc(x);
		cy = getc(y);
		if (cx != cy)
			same = 0;
		if (cx == EOF || cy == EOF)
			break;
	}
	if (x)
		fclose(x);
	if (y)
		fclose(y);
	return same;
}

static void measure_catalog(int s, int rounds, struct catalog_figures *f)
{
	char floor_bin[512], file[512];
	double cpu[WORKS][9], rss[WORKS][9];

	snprintf(file, sizeof(file), "%s", path_of(catalog_file(s)));

	snprintf(floor_bin, sizeof(floor_bin), "%s/yamlfloor", dir);
	f->bytes = file_size(file);
	for (int r = 0; r < rounds; r++) {
		char *floor_argv[] = { floor_bin, file, NULL };
		char *check[] = { (char *)kijun, "catalog", "check", file, NULL };
		char *list[] = { (char *)kijun, "catalog", "list", file, NULL };
		char *format[] = { (char *)kijun, "catalog", "format", file, NULL };
		struct cost c[WORKS];

		c[FLOOR] = run(floor_argv);
		c[CHECK] = run(check);
		c[LIST] = run(list);
		c[FORMAT] = r == 0 ? run_to(format, path_of("format-out.yaml")) : run(format);
		if (r == 0) {
			f->canonical = same_file(file, path_of("format-out.yaml"));
			unlink(path_of("format-out.yaml"));
		}
		for (int w = 0; w < WORKS; w++) {
			cpu[w][r] = c[w].cpu;
			rss[w][r] = c[w].rss;
		}
	}
	for (int w = 0; w < WORKS; w++) {
		f->cpu[w] = median(cpu[w], rounds);
		f->rss[w] = median(rss[w], rounds);
	}
}

static double exponent(double t1, double t2, double n1, double n2)
{
	if (t1 <= 0 || t2 <= 0)
		return NAN;
	return log(t2 / t1) / log(n2 / n1);
}

static void bench_catalogs(void)
{
	static const double items[] = { 1e4, 1e5, 3e5 };
	static const int rounds[] = { 7, 5, 3 };
	struct catalog_figures f[3];

	printf("\n== catalog check / list / format: CPU (user+sys) median, ratio to a bare libyaml parse\n");
	printf("%-8s %9s %9s %9s %9s %9s %9s %9s %8s %8s %8s %6s\n", "items", "MB",
	       "libyaml s", "check s", "list s", "format s", "check x", "list x", "format x",
	       "RSS/file", "(list)", "canon");
	for (int s = 0; s < 3; s++) {
		measure_catalog(s, rounds[s], &f[s]);
		printf("%-8s %9.1f %9.3f %9.3f %9.3f %9.3f %9.2f %9.2f %8.2f %8.2f %8.2f %6s\n",
		       size_names[s], f[s].bytes / 1e6, f[s].cpu[FLOOR], f[s].cpu[CHECK],
		       f[s].cpu[LIST], f[s].cpu[FORMAT],
		       f[s].cpu[CHECK] / f[s].cpu[FLOOR], f[s].cpu[LIST] / f[s].cpu[FLOOR],
		       f[s].cpu[FORMAT] / f[s].cpu[FLOOR], f[s].rss[FORMAT] / f[s].bytes,
		       f[s].rss[LIST] / f[s].bytes, f[s].canonical ? "same" : "DIFFER");
	}
	printf("targets: check <= 1.5x, list and format <= 2x, RSS <= 2x the file "
	       "(RSS/file is format's peak, the largest; list's beside it)\n");
	{
		double fixed = fixed_rss("catalog", "format", path_of("catalog-small.yaml"));

		printf("format's peak RSS less what it takes on 100 items (%.1f MB), / file:"
		       " %.2f %.2f %.2f\n", fixed / 1e6, (f[0].rss[FORMAT] - fixed) / f[0].bytes,
		       (f[1].rss[FORMAT] - fixed) / f[1].bytes, (f[2].rss[FORMAT] - fixed) / f[2].bytes);
	}
	printf("libyaml's own peak RSS / file: %.2f %.2f %.2f\n",
	       f[0].rss[FLOOR] / f[0].bytes, f[1].rss[FLOOR] / f[1].bytes,
	       f[2].rss[FLOOR] / f[2].bytes);
	printf("growth exponent (CPU ~ items^k; 1 is linear):\n");
	for (int w = 0; w < WORKS; w++)
		printf("  %-8s 10k->100k %.2f   100k->300k %.2f\n", work_names[w],
		       exponent(f[0].cpu[w], f[1].cpu[w], items[0], items[1]),
		       exponent(f[1].cpu[w], f[2].cpu[w], items[1], items[2]));
}

struct resolve_figures {
	double floor, check, resolve, rss, bytes;
};

/* resolve FILE against the libyaml parse of both files and against
 * `catalog check` of its catalog, in the same rounds. */
static void measure_resolve(int s, const char *tailoring, int rounds, struct resolve_figures *f)
{
	char floor_bin[512], cat[512], t[512];
	double fl[9], ch[9], re[9], rs[9];

	snprintf(cat, sizeof(cat), "%s", path_of(catalog_file(s)));
	snprintf(t, sizeof(t), "%s", path_of(tailoring));

	snprintf(floor_bin, sizeof(floor_bin), "%s/yamlfloor", dir);
	f->bytes = file_size(cat) + file_size(t);
	for (int r = 0; r < rounds; r++) {
		char *floor_argv[] = { floor_bin, cat, t, NULL };
		char *check[] = { (char *)kijun, "catalog", "check", cat, NULL };
		char *resolve[] = { (char *)kijun, "resolve", t, NULL };
		struct cost c;

		fl[r] = run(floor_argv).cpu;
		ch[r] = run(check).cpu;
		c = run(resolve);
		re[r] = c.cpu;
		rs[r] = c.rss;
		if (r == 0) {
			FILE *e = fopen(path_of("last-stderr.txt"), "r");
			char line[300];

			if (e && fgets(line, sizeof(line), e))
				printf("  (resolve %s said on stderr: %s)\n", tailoring, line);
			if (e)
				fclose(e);
		}
	}
	f->floor = median(fl, rounds);
	f->check = median(ch, rounds);
	f->resolve = median(re, rounds);
	f->rss = median(rs, rounds);
}

static void bench_resolve(void)
{
	static const struct { int size; const char *file, *what; int rounds; } t[] = {
		{ 0, "tailoring-10k-1k.yaml", "10k items, 1k changes", 5 },
		{ 1, "tailoring-100k-1k.yaml", "100k items, 1k changes", 3 },
		{ 1, "tailoring-100k-10k.yaml", "100k items, 10k changes", 5 },
		{ 2, "tailoring-300k-10k.yaml", "300k items, 10k changes", 3 },
	};
	struct resolve_figures f[4];

	printf("\n== resolve: CPU median, ratio to libyaml of both files and to `catalog check`\n");
	double fixed = fixed_rss("resolve", NULL, path_of("tailoring-small.yaml"));

	printf("%-26s %9s %9s %9s %10s %9s %9s %9s\n", "", "libyaml s", "check s", "resolve s",
	       "/libyaml", "/check", "RSS/files", "grows/f");
	for (int k = 0; k < 4; k++) {
		measure_resolve(t[k].size, t[k].file, t[k].rounds, &f[k]);
		printf("%-26s %9.3f %9.3f %9.3f %9.2fx %8.2fx %9.2f %9.2f\n", t[k].what, f[k].floor,
		       f[k].check, f[k].resolve, f[k].resolve / f[k].floor,
		       f[k].resolve / f[k].check, f[k].rss / f[k].bytes, (f[k].rss - fixed) / f[k].bytes);
	}
	printf("target: resolve of 10k changes on 100k items <= 2x check; memory <= 2x the files\n");
	printf("  (grows/f: peak RSS less resolve's on 100 items and 10 changes, %.1f MB, / files)\n",
	       fixed / 1e6);
	printf("growth exponent: items 10k->100k (1k changes) %.2f, 100k->300k (10k changes) %.2f,"
	       " changes 1k->10k (100k items) %.2f\n",
	       exponent(f[0].resolve, f[1].resolve, 1e4, 1e5),
	       exponent(f[2].resolve, f[3].resolve, 1e5, 3e5),
	       exponent(f[1].resolve, f[2].resolve, 1e3, 1e4));
	printf("  (of the part above check: changes 1k->10k %.2f)\n",
	       exponent(f[1].resolve - f[1].check, f[2].resolve - f[2].check, 1e3, 1e4));
}

/* A chain of tailorings: resolve at depth d costs the loading of d files
 * and d resolutions; per link it should stay the same. */
static void bench_chain(void)
{
	static const int depths[] = { 1, 4, 8, 16, 30 };
	double cpu[5];
	/* every file the resolve reads: the catalog, the tailoring of 1k
	 * changes the chain starts on, and the links up to the depth */
	double files = file_size(path_of(catalog_file(0))) + file_size(path_of("tailoring-10k-1k.yaml"));
	int linked = 0;
	double fixed = fixed_rss("resolve", NULL, path_of("tailoring-small.yaml"));

	printf("\n== a chain of tailorings on 10k items (1k changes, then 20 per link): resolve CPU median,"
	       " peak RSS / all the files (and less resolve's on 100 items)\n");
	for (int k = 0; k < 5; k++) {
		char name[64], file[512];
		double v[5], rss[5];
		int failed = 0;

		for (; linked < depths[k]; linked++) {
			char link[64];

			snprintf(link, sizeof(link), "chain-%d.yaml", linked + 1);
			files += file_size(path_of(link));
		}

		snprintf(name, sizeof(name), "chain-%d.yaml", depths[k]);
		snprintf(file, sizeof(file), "%s", path_of(name));
		for (int r = 0; r < 5; r++) {
			char *resolve[] = { (char *)kijun, "resolve", file, NULL };
			struct cost c;
			char line[300];
			FILE *e;

			quiet_failures = 1;
			c = run(resolve);
			quiet_failures = 0;
			e = fopen(path_of("last-stderr.txt"), "r");

			v[r] = c.cpu;
			rss[r] = c.rss;
			if (e && fgets(line, sizeof(line), e) && r == 0) {
				printf("  depth %d: %s", depths[k], line);
				failed = 1;
			}
			if (e)
				fclose(e);
		}
		cpu[k] = median(v, 5);
		if (failed) {
			printf("depth %2d: refused\n", depths[k]);
			continue;
		}
		printf("depth %2d: %.3f s  RSS %.2f (%.2f)", depths[k], cpu[k], median(rss, 5) / files,
		       (median(rss, 5) - fixed) / files);
		if (k > 0)
			printf("   per added link %.1f ms", 1e3 * (cpu[k] - cpu[k - 1]) /
			       (depths[k] - depths[k - 1]));
		printf("\n");
	}
}

/* With no PART named, every part runs. */
static int want(int argc, char **argv, const char *part)
{
	for (int i = 3; i < argc; i++)
		if (strcmp(argv[i], part) == 0)
			return 1;
	return argc <= 3;
}

int main(int argc, char **argv)
{
	char host[256] = "";
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: benchrun KIJUN BENCH-DIR [catalogs] [resolve] [chain]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	kijun = argv[1];
	dir = argv[2];
	f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(host, sizeof(host), f))
		if (strncmp(host, "model name", 10) == 0)
			break;
	if (f)
		fclose(f);
	{
		double load[3] = { 0, 0, 0 };

		getloadavg(load, 3);
		printf("kijun bench: %s; %ld cores, %s", kijun, sysconf(_SC_NPROCESSORS_ONLN),
		       strchr(host, ':') ? strchr(host, ':') + 2 : "unknown CPU\n");
		printf("load average at start %.2f %.2f %.2f (figures are CPU time of the child, not wall time)\n",
		       load[0], load[1], load[2]);
	}
	make_inputs();
	if (want(argc, argv, "catalogs"))
		bench_catalogs();
	if (want(argc, argv, "resolve"))
		bench_resolve();
	if (want(argc, argv, "chain"))
		bench_chain();
	return 0;
}
