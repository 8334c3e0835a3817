# kijun — a terminal editor for 情報セキュリティ管理基準 tailorings.
#
#   make run      build and open the built-in catalog (installs what is
#                 missing on Debian when run as root or with sudo)
#   make check    build with sanitizers and run every test
#   make bench    generated catalogs of 10k-300k items: CPU against bare
#                 libyaml, memory, growth; the screen's latency and bytes
#   make fuzz     build the libFuzzer targets with clang and run each for
#                 FUZZ_SECONDS (default 60)
#   make install  PREFIX=/usr/local DESTDIR=
#   make deps     install the Debian packages kijun needs (root or sudo)

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC ?= cc
# How many compilers and test scripts run at once: one per core.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

BUILD := build
REL := $(BUILD)/release
CHK := $(BUILD)/check
GEN := $(BUILD)/gen

# pkg-config's feature macros would clash with ours; keep only ours.
only_libs_flags = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(1))
PKG_CFLAGS = $(call only_libs_flags,$(shell $(PKG_CONFIG) --cflags ncursesw yaml-0.1 2>/dev/null))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw yaml-0.1 2>/dev/null)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral -Wvla
CPPFLAGS_ALL := -Iinclude -I$(GEN) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 $(CPPFLAGS)
CFLAGS ?= -O2 -g
REL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(PKG_CFLAGS)
CHK_CFLAGS = -std=c11 $(WARN) -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined $(PKG_CFLAGS)
CHK_LDFLAGS = -fsanitize=address,undefined

CORE_SRC := $(sort $(wildcard src/core/*.c))
IO_SRC := $(sort $(wildcard src/io/*.c))
TUI_SRC := $(sort $(wildcard src/tui/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_SRC := $(CORE_SRC) $(IO_SRC)
APP_SRC := $(TUI_SRC) $(CLI_SRC) src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
# Parts of the interface written without curses, so unit tests reach them.
TUI_PURE_SRC := src/tui/outline.c src/tui/lineedit.c src/tui/detail.c \
	src/tui/detail_tailoring.c src/tui/problem_words.c
# The status bar, the tree marks and the locale set-up (issue 10).
TUI_PURE_SRC += src/tui/status_text.c src/tui/marks.c src/cli/cli_locale.c
# The message history (M).
TUI_PURE_SRC += src/tui/msglog.c
# Query errors in words (issue 8).
TUI_PURE_SRC += src/tui/query_words.c
# The built-in editor's text (issue 6).
TUI_PURE_SRC += src/tui/textedit.c
# The auditor's page (issue 12).
TUI_PURE_SRC += src/tui/eval_page.c
# The balance view's lines (issue 8).
TUI_PURE_SRC += src/tui/balance_page.c
CATALOG := data/catalog/meti-ismk-2025.yaml
# Step 3's second built-in catalog, compiled into the same generated file.
CSF_CATALOG := data/catalog/csf-2.0.yaml

objs = $(patsubst %.c,$(1)/%.o,$(2))
REL_LIB := $(call objs,$(REL),$(LIB_SRC)) $(REL)/gen/builtin_catalog.o
CHK_LIB := $(call objs,$(CHK),$(LIB_SRC)) $(CHK)/gen/builtin_catalog.o
REL_APP := $(call objs,$(REL),$(APP_SRC))
CHK_APP := $(call objs,$(CHK),$(APP_SRC))
CHK_TUI_PURE := $(call objs,$(CHK),$(TUI_PURE_SRC))
UNIT_BIN := $(patsubst tests/unit/%.c,$(CHK)/tests/%,$(UNIT_SRC))

.PHONY: all run check check-build unit screen e2e layers bench install uninstall \
	clean deps deps-build deps-test deps-fuzz screenshots fuzz fuzz-build
.DEFAULT_GOAL := all
# Keep the test objects: they are not intermediate to be thrown away.
.SECONDARY:

all: $(BUILD)/kijun

# ---- setting up a machine ---------------------------------------------------

deps:
	@sh tools/deps.sh install test

deps-build:
	@sh tools/deps.sh ensure

deps-test:
	@sh tools/deps.sh ensure test

deps-fuzz:
	@sh tools/deps.sh ensure fuzz

# ---- building -----------------------------------------------------------------

$(GEN)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O1 -o $@ $<

$(GEN)/builtin_catalog.c: $(CATALOG) $(CSF_CATALOG) $(GEN)/embed
	@mkdir -p $(@D)
	$(GEN)/embed builtin_catalog $(CATALOG) > $@.tmp && \
	$(GEN)/embed builtin_csf $(CSF_CATALOG) >> $@.tmp && mv $@.tmp $@

$(REL)/gen/builtin_catalog.o: $(GEN)/builtin_catalog.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 $(CFLAGS) -c -o $@ $<

$(CHK)/gen/builtin_catalog.o: $(GEN)/builtin_catalog.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -O1 -g -c -o $@ $<

$(REL)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(REL_CFLAGS) -MMD -MP -c -o $@ $<

$(CHK)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CHK_CFLAGS) $(CMOCKA_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/kijun: $(REL_APP) $(REL_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(CHK)/kijun: $(CHK_APP) $(CHK_LIB)
	$(CC) $(CHK_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(CHK)/tests/%: $(CHK)/tests/unit/%.o $(CHK_LIB) $(CHK_TUI_PURE)
	@mkdir -p $(@D)
	$(CC) $(CHK_LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)


-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- using ----------------------------------------------------------------------

run: deps-build
	@$(MAKE) --no-print-directory all
	./$(BUILD)/kijun $(ARGS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/kijun $(DESTDIR)$(BINDIR)/kijun
	install -m 644 man/kijun.1 $(DESTDIR)$(MANDIR)/man1/kijun.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kijun $(DESTDIR)$(MANDIR)/man1/kijun.1

# ---- testing --------------------------------------------------------------------

# Build in parallel; then the unit tests, the screen tests (kijun --script,
# no terminal) and the few that need a real terminal (tmux).  Screen and
# terminal tests run JOBS at a time and say PASS or FAIL as each finishes.
check: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) check-build
	@$(MAKE) --no-print-directory layers unit screen e2e

check-build: $(UNIT_BIN) $(CHK)/kijun

# The core, io and public headers must never see curses.
layers:
	@sh tools/check-layers.sh

unit: $(UNIT_BIN)
	@TEST_JOBS=$(JOBS) sh tests/run-parallel.sh unit $(UNIT_BIN)

screen: $(CHK)/kijun
	@KIJUN=$(CHK)/kijun TEST_JOBS=$(JOBS) sh tests/screen/run.sh

e2e: $(CHK)/kijun
	@KIJUN=$(CHK)/kijun TEST_JOBS=$(JOBS) sh tests/e2e/run.sh

# ---- benchmarks -----------------------------------------------------------------
# Not part of check: it reports figures and never fails on them.  Inputs are
# generated into build/bench once and reused (rm -r build/bench to redo);
# see docs/performance.md.

BENCH := $(BUILD)/bench
BENCH_BIN := $(BENCH)/benchgen $(BENCH)/yamlfloor $(BENCH)/benchrun $(BENCH)/ptybench

$(BENCH)/benchgen: tests/bench/benchgen.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<

$(BENCH)/yamlfloor: tests/bench/yamlfloor.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 $(WARN) -O2 $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

$(BENCH)/benchrun: tests/bench/benchrun.c src/core/sha256.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 $(WARN) -O2 -o $@ $^ -lm

$(BENCH)/ptybench: tests/bench/ptybench.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 $(WARN) -O2 -o $@ $< -lutil

bench: deps-build
	@$(MAKE) --no-print-directory $(BUILD)/kijun $(BENCH_BIN)
	@$(BENCH)/benchrun $(BUILD)/kijun $(BENCH)
	@$(BENCH)/ptybench $(BUILD)/kijun $(BENCH)/catalog-100k.yaml $(BENCH)/tailoring-100k-10k.yaml

# ---- fuzzing --------------------------------------------------------------------
# libFuzzer needs clang; the readers and the text path are built again with
# its instrumentation.  New inputs go to build/fuzz/corpus, never into the
# seeds in tests/fuzz/corpus; a crash is saved as build/fuzz/TARGET-crash-*.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ := $(BUILD)/fuzz
FUZZ_TARGETS := catalog tailoring text query evaluation csv writer
FUZZ_CFLAGS = -std=c11 $(WARN) -O1 -g -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
	$(call only_libs_flags,$(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null))
FUZZ_LIB := $(call objs,$(FUZZ),$(LIB_SRC)) $(FUZZ)/gen/builtin_catalog.o
FUZZ_BIN := $(patsubst %,$(FUZZ)/fuzz_%,$(FUZZ_TARGETS))

$(FUZZ)/gen/builtin_catalog.o: $(GEN)/builtin_catalog.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) -std=c11 -O1 -c -o $@ $<

$(FUZZ)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ)/fuzz_%: $(FUZZ)/tests/fuzz/fuzz_%.o $(FUZZ_LIB)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ \
		$(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)

fuzz-build: deps-fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ)/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		$(FUZZ)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ)/$$t- \
			$(FUZZ)/corpus/$$t tests/fuzz/corpus/$$t 2>$(FUZZ)/$$t.log || \
			{ tail -n 60 $(FUZZ)/$$t.log; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^Done' $(FUZZ)/$$t.log || true; \
	done

screenshots: deps-test
	@$(MAKE) --no-print-directory $(BUILD)/kijun
	@sh tools/screenshots.sh $(BUILD)/kijun

clean:
	rm -rf $(BUILD)
