# figtrend — build, test and install.
#
#   make            build build/figtrend (and build/libfigtrend.a)
#   make run        install missing packages, build, extract the demo
#                   articles in datasets/articles/ into plots/figures.csv
#                   and convert them to US dollars (constant 2023 prices)
#                   into plots/figures_converted.csv
#                   and report them into plots/: series CSV, charts (South
#                   Korea's and Japan's defence budgets also compared on
#                   one), index.html and report.xlsx
#   make test       install missing packages, build, run every unit and
#                   end-to-end test, then all of them again under
#                   AddressSanitizer + UBSan (build-asan/)
#   make check      build and test, without deps.sh or sanitizers (quick)
#   make check-asan the sanitizer run alone
#   make check-clang the unit tests built by clang with ASan + UBSan
#                   (build-clang/): clang's UBSan sees what gcc's does not,
#                   e.g. NULL + 0; make test runs it when clang is there
#   make check-tsan the threaded parts (the work queue, the pipeline and
#                   extract --jobs, tests/jobs.sh) built with gcc's
#                   ThreadSanitizer (build-tsan/): no data race; make
#                   test runs it, so that shared state added to the
#                   extractor cannot break --jobs unseen
#   make check-valgrind  the unit tests and end-to-end cases under
#                   Valgrind's memcheck (tests/valgrind.sh); make test
#                   runs it, skipped when valgrind is not installed
#   make fuzz       libFuzzer targets in tests/fuzz/ (clang), each for
#                   FUZZ_SECONDS (60) from tests/fuzz/corpus/
#   make bench      scripts/bench.sh (extract's throughput) and
#                   scripts/bench_run.sh (run: first and unchanged)
#   make install    the program into $(PREFIX)/bin, datasets/*.csv and
#                   datasets/README.md into $(PREFIX)/share/figtrend, the
#                   manual figtrend.1 into $(PREFIX)/share/man/man1
#                   (PREFIX=/usr/local, DESTDIR for staging; no make clean
#                   needed between two PREFIXes)
#   make uninstall  what make install put there
#   make clean
#
# Layout: src/*.c is the library, except main.c and cmd_*.c, which make the
# program; tests/test_X.c is one cmocka binary per module; tests/e2e/ runs
# the program on case folders.  Everything built goes under $(BUILD)/.

CC      ?= cc
CFLAGS  ?= -O2 -g
BUILD   ?= build
PREFIX  ?= /usr/local
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined

# The builds that make run and make test start themselves use every core
# (compiling the four builds of make test one file at a time was a third
# of its time on CI's two cores); a make already given -j keeps its own.
NPROC := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
PAR    = $(if $(findstring -j,$(MAKEFLAGS)),,-j$(NPROC))

# GSL and cmocka ship pkg-config files; Debian ships none for libcsv.  The
# fallbacks matter only before deps.sh has installed pkg-config.
GSL_CFLAGS    := $(shell pkg-config --cflags gsl 2>/dev/null)
GSL_LIBS      := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas -lm)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# No install path is compiled in: the program finds its datasets from its
# own path at run time (src/main.c), so PREFIX needs no rebuild.
DATADIR   = $(PREFIX)/share/figtrend
# -pthread: extract --jobs runs its extraction on worker threads
# (src/workq.c).
ALL_CFLAGS = -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -MMD -MP \
             -pthread -Isrc -I$(BUILD)/gen $(GSL_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS     = $(GSL_LIBS) -lcsv -lsqlite3 -lnettle -lxlsxwriter -lm -pthread

# Profile-guided optimisation, on by default in the plain gcc build
# (build/, by any path; no EXTRA_CFLAGS): the program is compiled once
# with counters, extracts our demo articles (scripts/pgo_train.sh), and
# is compiled again with what the counters saw, which lays out each
# branch the way news text takes it (extract 1.1-1.2x faster on one core:
# README, "Speed").  The output is the same either way.  PGO=no compiles
# once, a quicker build while editing; the sanitizer, thread, clang and
# fuzz builds never use it, nor a make in another BUILD given no
# EXTRA_CFLAGS (tests/install.sh installs from build-asan/ so: it must
# keep what that folder holds).
IS_GCC := $(shell $(CC) -v 2>&1 | grep -q '^gcc version' && echo yes)
PGO    ?= $(if $(and $(IS_GCC),$(filter $(abspath build),$(abspath $(BUILD)))),$(if $(EXTRA_CFLAGS),no,yes),no)
PGO_PROFILE = $(abspath $(BUILD))/pgo-profile
PGO_STAMP   = $(PGO_PROFILE)/trained
ifeq ($(PGO),gen)
PGO_FLAGS := -fprofile-generate=$(PGO_PROFILE) -fprofile-update=atomic
else ifeq ($(PGO),yes)
# -fprofile-partial-training: code the training never ran (report,
# convert, run) is compiled as without a profile, not as cold.
PGO_FLAGS := -fprofile-use=$(PGO_PROFILE) -fprofile-partial-training \
             -Wno-missing-profile
endif

LIB_SRC  := $(filter-out src/main.c src/cmd_%.c,$(wildcard src/*.c))
CLI_SRC  := src/main.c $(wildcard src/cmd_*.c)
TEST_SRC := $(wildcard tests/test_*.c)

LIB   := $(BUILD)/libfigtrend.a
BIN   := $(BUILD)/figtrend
TESTS := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
obj    = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

.PHONY: all testbins fuzzbins check-fuzz-harnesses deps run test check check-asan check-clang check-tsan check-valgrind fuzz \
        bench install uninstall clean
# Keep the test objects make would otherwise delete as intermediates (not
# every target: a secondary target that is missing is not remade, and the
# profile's stamp below must be).
.SECONDARY: $(call obj,$(TEST_SRC))

all: $(BIN)

testbins: $(BIN) $(TESTS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PGO_FLAGS) $(CMOCKA_CFLAGS) -c $< -o $@

# The counters come from the same sources and flags as the final compile,
# into the same object files: gcc finds a static function's counters by a
# name made from the object's path.  So the first compile replaces the
# objects with counted ones, and since they are then older than the
# stamp, the second compile replaces them all again.  Any change to a
# source or header trains again (gcc refuses a profile that does not match
# its function).  The generated headers are made first, by this make
# alone, so that the two makes never write one file at once.
GEN_HEADERS := $(patsubst scripts/gen_%.c,$(BUILD)/gen/%.h,$(wildcard scripts/gen_*.c))
# The objects also depend on a file that names the kind of build they
# are, rewritten when that changes, so that a make after a make PGO=no in
# the same folder compiles them again (the first pass, PGO=gen, is part
# of the same build and leaves it alone).
ifneq ($(PGO),gen)
PGO_MODE := $(BUILD)/pgo-mode
$(shell mkdir -p $(BUILD) && { [ "$$(cat $(PGO_MODE) 2>/dev/null)" = $(PGO) ] || \
        echo $(PGO) > $(PGO_MODE); })
$(call obj,$(LIB_SRC) $(CLI_SRC)): $(PGO_MODE)
endif
ifeq ($(PGO),yes)
$(call obj,$(LIB_SRC) $(CLI_SRC)): $(PGO_STAMP)
$(PGO_STAMP): $(wildcard src/*.c src/*.h) $(GEN_HEADERS) \
              scripts/pgo_train.sh $(wildcard datasets/articles/*)
	rm -rf $(PGO_PROFILE)
	rm -f $(call obj,$(LIB_SRC) $(CLI_SRC)) $(LIB) $(BIN)
	$(MAKE) PGO=gen $(BIN)
	bash scripts/pgo_train.sh $(BIN)
	@mkdir -p $(PGO_PROFILE)
	touch $@
endif

# Indexes derived from the word tables at build time, never kept by hand
# beside them: scripts/gen_NAME.c prints $(BUILD)/gen/NAME.h from the
# table header it includes (a program of our own, no generator to
# install); it stops the build when a table breaks what the index needs.
#   purpose_slots  the hash table of src/purpose_words.h's words
#   money_index    the word shapes money's quick reject reads (money_words.h)
#   years_index    the indexes in front of years' phrase lists
#                  (years_words.h), folded by phrase.c's own tables
#   extract_index  the ender indexes of extract's phrase lists
#                  (extract_words.h)
GEN_LINK_years_index := src/phrase.c
$(BUILD)/gen/%.h: scripts/gen_%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Isrc $< $(GEN_LINK_$*) -o $(BUILD)/gen/gen_$*
	$(BUILD)/gen/gen_$* > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/purpose_slots.h: src/purpose_words.h
$(BUILD)/gen/money_index.h: src/money_words.h
$(BUILD)/gen/years_index.h: src/years_words.h src/phrase.c src/phrase.h
$(call obj,src/purpose.c): $(BUILD)/gen/purpose_slots.h
$(call obj,src/money.c): $(BUILD)/gen/money_index.h
$(call obj,src/years.c): $(BUILD)/gen/years_index.h
$(BUILD)/gen/extract_index.h: src/extract_words.h src/text.h
$(call obj,src/extract.c): $(BUILD)/gen/extract_index.h

$(LIB): $(call obj,$(LIB_SRC))
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(call obj,$(CLI_SRC)) $(LIB)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(PGO_FLAGS) $^ $(LDLIBS) -o $@

# The workbook test opens report.xlsx with zlib (installed with
# libxlsxwriter, which needs it).
$(BUILD)/tests/test_xlsx: LDLIBS += -lz

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $^ $(CMOCKA_LIBS) $(LDLIBS) -o $@

deps:
	bash scripts/deps.sh

# Sub-makes re-read this file, so they see what deps.sh just installed.
run: deps
	$(MAKE) $(PAR) all
	@mkdir -p plots
	$(BIN) extract datasets/articles/ > plots/figures.csv.tmp
	mv plots/figures.csv.tmp plots/figures.csv
	@echo "wrote plots/figures.csv"
	$(BIN) convert --to USD --constant 2023 plots/figures.csv > plots/figures_converted.csv.tmp
	mv plots/figures_converted.csv.tmp plots/figures_converted.csv
	@echo "wrote plots/figures_converted.csv"
	$(BIN) report --xlsx --compare "south korea: defence budget;japan: defence budget" \
	    --out plots plots/figures_converted.csv
	@echo "wrote the report: open plots/index.html"

# With clang, the fuzz harnesses are compiled too (checked, not built or
# run: make fuzz), so that a change of the library's API cannot leave one
# broken.
test: deps
	$(MAKE) $(PAR) testbins
	$(MAKE) $(PAR) BUILD=build-asan EXTRA_CFLAGS="$(SAN)" testbins
	bash tests/run_all.sh build build-asan
	@if command -v clang >/dev/null; then $(MAKE) check-clang && \
	   $(MAKE) check-fuzz-harnesses; \
	 else echo "check-clang, fuzz harnesses: skipped (no clang)"; fi
	bash tests/valgrind.sh build
	$(MAKE) check-tsan

check: testbins
	bash tests/run_all.sh $(BUILD)

check-asan:
	$(MAKE) $(PAR) BUILD=build-asan EXTRA_CFLAGS="$(SAN)" testbins
	bash tests/run_all.sh build-asan

# What runs on several threads, under ThreadSanitizer, which stops at the
# first race (halt_on_error).
TSAN := -fsanitize=thread -fno-omit-frame-pointer
# Only what it runs is built: the suite's budget (10 minutes on 2 cores)
# has no room for the other test binaries compiled a fifth time.
TSAN_BINS := build-tsan/figtrend build-tsan/tests/test_workq build-tsan/tests/test_pipeline
check-tsan:
	$(MAKE) $(PAR) BUILD=build-tsan EXTRA_CFLAGS="$(TSAN)" $(TSAN_BINS)
	TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/test_workq
	TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/test_pipeline
	TSAN_OPTIONS=halt_on_error=1 bash tests/jobs.sh build-tsan/figtrend

# The unit tests and end-to-end cases of the ordinary build under
# Valgrind's memcheck (skipped, and counted as skipped, without valgrind).
check-valgrind: testbins
	bash tests/valgrind.sh build

# The unit tests alone (the end-to-end suite already runs under gcc's
# sanitizers): what clang adds is its UBSan's other checks.
check-clang:
	$(MAKE) $(PAR) CC=clang BUILD=build-clang EXTRA_CFLAGS="$(SAN)" \
	    $(TEST_SRC:tests/%.c=build-clang/tests/%)
	@p=0; f=0; for t in build-clang/tests/test_*; do \
	    [ -x "$$t" ] || continue; \
	    if "$$t" >build-clang/last.log 2>&1; then p=$$((p + 1)); \
	    else f=$$((f + 1)); echo "FAILED: $$t"; \
	         tail -n 30 build-clang/last.log; fi; \
	done; echo "check-clang: $$p passed, $$f failed"; [ $$f -eq 0 ]

# libFuzzer (clang): the library built with coverage and sanitizers, one
# binary per harness tests/fuzz/fuzz_X.c, run by tests/fuzz/run.sh, which
# ends with "fuzz: N targets, R runs, C crashes".
FUZZ_SECONDS ?= 60
FUZZ_SAN  := -fsanitize=fuzzer-no-link,address,undefined \
             -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_BINS  = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

fuzzbins: $(FUZZ_BINS)

# Every harness against today's headers, in a second (what make test runs).
check-fuzz-harnesses:
	clang -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -Isrc -fsyntax-only \
	    -Werror=implicit-function-declaration -Werror=int-conversion \
	    -Werror=incompatible-pointer-types tests/fuzz/fuzz_*.c

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_check.h tests/fuzz/fuzz_article.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $< $(LIB) $(LDLIBS) -o $@

fuzz:
	$(MAKE) $(PAR) CC=clang BUILD=build-fuzz EXTRA_CFLAGS="$(FUZZ_SAN)" fuzzbins
	bash tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

bench: all
	FIGTREND=$(BIN) bash scripts/bench.sh
	FIGTREND=$(BIN) bash scripts/bench_run.sh

# The datasets (subject aliases, exchange rates, inflation) go to
# $(PREFIX)/share/figtrend, where the installed program looks for them
# (beside its own $(PREFIX)/bin, worked out when it runs: src/main.c), so
# any PREFIX or DESTDIR works on the objects already built.
DATASETS := $(wildcard datasets/*.csv datasets/README.md)
MANDIR    = $(PREFIX)/share/man/man1

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/figtrend
	$(if $(DATASETS),install -m 644 $(DATASETS) $(DESTDIR)$(DATADIR)/)
	install -m 644 figtrend.1 $(DESTDIR)$(MANDIR)/figtrend.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/figtrend $(DESTDIR)$(MANDIR)/figtrend.1
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(notdir $(DATASETS)))
	-rmdir $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-clang build-tsan build-fuzz plots/figures.csv plots/figures.csv.tmp \
	       plots/figures_converted.csv plots/figures_converted.csv.tmp
	rm -f plots/*.gp plots/*.dat plots/*.svg plots/*.png plots/*.pdf \
	      plots/series.csv plots/series_wide.csv plots/summary.csv plots/index.html \
	      plots/report.xlsx plots/.figtrend-manifest plots/.figtrend.lock

-include $(wildcard $(BUILD)/obj/src/*.d $(BUILD)/obj/tests/*.d)
