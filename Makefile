# Accord: `make run` builds and starts the demo server; `make test` runs every test.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE_DIR := build/release
ASAN_DIR := build/asan
# Ninja keeps both cores busy where the Makefiles generator left one idle about a third of the
# time. A build directory made by another generator is started afresh (cmake refuses to switch).
CMAKE_COMMON := -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
configure = { grep -qs '^CMAKE_GENERATOR:INTERNAL=Ninja$$' $(1)/CMakeCache.txt || rm -rf $(1); } && \
  cmake -S . -B $(1) $(CMAKE_COMMON) $(2) >/dev/null
LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= var

.PHONY: all deps web release asan run test unit format format-check bench fuzz soak clean

all: release

# The web portal (web/, Preact + Vite): npm ci when the lockfile changed, then vite build into
# web/dist, which `accord serve` serves under /app/.
web:
	scripts/deps.sh build
	scripts/web.sh

release: web
	$(call configure,$(RELEASE_DIR),-DCMAKE_BUILD_TYPE=Release)
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target accord

run: release
	$(RELEASE_DIR)/accord serve --demo --data-dir $(DATA_DIR) --listen $(LISTEN)

# -g1: line tables and function names, all that sanitizer reports print, for a third less
# compile time than -g (use a build of your own with -g to step through a test in gdb).
asan:
	scripts/deps.sh test
	scripts/web.sh
	$(call configure,$(ASAN_DIR),-DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_SANITIZE=ON \
	  -DACCORD_BENCH=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1")
	cmake --build $(ASAN_DIR) -j $(JOBS)

# One sanitizer build, then everything: format check, unit, storage, HTTP and CLI tests.
test: asan format-check
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 900

format:
	git ls-files --cached --others --exclude-standard '*.cc' '*.h' | xargs clang-format -i

format-check:
	@git ls-files --cached --others --exclude-standard '*.cc' '*.h' | xargs clang-format --dry-run --Werror && echo "format: OK"

bench: web
	scripts/deps.sh bench
	$(call configure,$(RELEASE_DIR),-DCMAKE_BUILD_TYPE=Release)
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target accord accord_bench
	bench/run.sh $(RELEASE_DIR)

# libFuzzer targets under ASan+UBSan (clang-15, build/fuzz), each run to FUZZ_RUNS executions
# (10 million) or FUZZ_TIME seconds, one after the other; docs/fuzzing.md. `make test` replays
# their corpora with the g++ build instead.
fuzz:
	JOBS=$(JOBS) scripts/fuzz.sh

# The long fault runs that `make test` only samples (docs/faults.md): CRASH_CYCLES (1,000) kill -9
# cycles under 64 writers with a ledger verify after each, the disk-full and disk-failure runs,
# and SOAK_MINUTES (30) of mixed load sampling memory, open files and p99 each minute. The tests
# are the sanitizer build's; the server they start is the release build.
CRASH_CYCLES ?= 1000
SOAK_MINUTES ?= 30
soak: asan
	$(call configure,$(RELEASE_DIR),-DCMAKE_BUILD_TYPE=Release)
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target accord
	cd $(ASAN_DIR) && ACCORD_TEST_BINARY=$(CURDIR)/$(RELEASE_DIR)/accord \
	  ACCORD_CRASH_CYCLES=$(CRASH_CYCLES) ACCORD_SOAK_MINUTES=$(SOAK_MINUTES) \
	  ./accord_tests --gtest_filter='CrashTest.*:DiskFullTest.*:*SqliteFaultTest.*:SoakTest.*'

clean:
	rm -rf build
