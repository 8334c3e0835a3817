/* Turns a file into a C array, so data files are compiled into kijun
 * (needs nothing but a C compiler, unlike xxd or ld -b binary). */
#include <stdio.h>

int main(int argc, char **argv)
{
	FILE *in;
	int ch;
	unsigned long n = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: embed NAME FILE > out.c\n");
		return 2;
	}
	in = fopen(argv[2], "rb");
	if (!in) {
		perror(argv[2]);
		return 1;
	}
	printf("#include <stddef.h>\n\nconst unsigned char %s[] = {\n", argv[1]);
	while ((ch = getc(in)) != EOF) {
		printf("%s0x%02x,", n % 16 ? "" : "\n\t", ch);
		n++;
	}
	printf("\n\t0x00\n};\nconst size_t %s_len = %lu;\n", argv[1], n);
	if (ferror(in) || fclose(in) != 0) {
		perror(argv[2]);
		return 1;
	}
	return ferror(stdout) ? 1 : 0;
}
