# Thin wrapper over CMake. `make demo` and `make test` set up a fresh Debian 12 machine.
BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
# libxlsxwriter's pkg-config file links -lz, but its -dev package does not pull in zlib1g-dev.
PACKAGES := g++ cmake make pkg-config libcli11-dev libfccp-dev libfmt-dev \
            libtomlplusplus-dev doctest-dev libsqlite3-dev libxlsxwriter-dev zlib1g-dev
# Only for tests: LibreOffice opens qualcheck's CSV and xlsx output (docs/reliability.md); the
# sqlite3 program inspects stores (kill-import, a tampered declarations log); chromium renders
# the summary page (tests/html); zsh loads the completion; unzip reads workbooks' XML (unit).
TEST_PACKAGES := libreoffice-calc-nogui sqlite3 chromium zsh unzip
# Only for `make fuzz`: Clang with libFuzzer.
FUZZ_PACKAGES := clang libclang-rt-14-dev
# Only for `make package-test`: a fresh Debian to install the .deb into, and lintian to judge it.
PACKAGE_TEST_PACKAGES := debootstrap lintian
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QC       := $(BUILD)/cmd/qualcheck
DEMO_TODAY ?= 2027-03-10
SAN_BUILD    ?= build-sanitize
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZERS      := csv rules check config
# CMake's generated makefiles are sub-makes: keep their "Entering directory" lines out of the demo.
MAKEFLAGS += --no-print-directory

.PHONY: all deps test-deps configure build demo test test-sanitize fuzz bench install package \
        package-test clean

all: build

# Installs only what is missing; `apt-get update` runs first when anything is.
install-missing = @missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

deps:
	$(call install-missing,$(PACKAGES))

test-deps:
	$(call install-missing,$(TEST_PACKAGES))

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DQC_WERROR=ON $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Exit status 1 from `check` means "there are at-risk entries", which the example centre has.
demo: build
	@$(QC) check --rules examples/rules --candidates examples/candidates.csv \
	    --units examples/units.csv --today $(DEMO_TODAY) --format table; rc=$$?; \
	if [ $$rc -eq 1 ]; then echo; echo "(exit status 1: at-risk entries found, as a nightly cron run would report)"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

# The whole suite twice: the Release build, then the same tests built with AddressSanitizer and
# UndefinedBehaviorSanitizer.
# A test that cannot run on this machine is skipped, and why is printed after the run.
ctest-in = cd $(1) && { ctest --output-on-failure -j$(JOBS); rc=$$?; \
	grep -h '^SKIP: ' Testing/Temporary/LastTest.log | sed 's/^SKIP: /skipped: /'; exit $$rc; }

test: build test-deps
	@$(call ctest-in,$(BUILD))
	@$(MAKE) test-sanitize

test-sanitize: deps test-deps
	@cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQC_WERROR=ON -DQC_SANITIZE=ON >/dev/null
	@cmake --build $(SAN_BUILD) -j$(JOBS)
	@$(call ctest-in,$(SAN_BUILD))

# Each libFuzzer harness of tests/fuzz for FUZZ_SECONDS (not part of `make test`).
fuzz:
	$(call install-missing,$(PACKAGES) $(FUZZ_PACKAGES))
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQC_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target $(addprefix fuzz_,$(FUZZERS))
	@for f in $(FUZZERS); do tests/fuzz/run.sh $(FUZZ_BUILD) $$f $(FUZZ_SECONDS) || exit 1; done

# The binary, man page, completions, shipped rules, docs and examples (GNUInstallDirs);
# PREFIX (default /usr/local) and DESTDIR are respected. The prefix is configured, not only
# installed to, because the man page names the installed paths. See docs/install.md.
PREFIX ?= /usr/local
install: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DQC_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@cmake --install $(BUILD)

# The Debian package, from a build configured for /usr: $(BUILD)-deb/qualcheck_VERSION_ARCH.deb.
package: deps
	@cmake -S . -B $(BUILD)-deb -DCMAKE_BUILD_TYPE=Release -DQC_WERROR=ON -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
	@cmake --build $(BUILD)-deb -j$(JOBS)
	@cd $(BUILD)-deb && cpack -G DEB

# lintian judges the .deb, then it is installed into a fresh Debian 12 chroot with apt and run
# there, without the source tree (needs root; slow: run on purpose, never in `make test`).
package-test: package
	$(call install-missing,$(PACKAGE_TEST_PACKAGES))
	@tests/package/lintian.sh $(BUILD)-deb/qualcheck_*.deb; lint=$$?; \
	tests/package/deb_in_chroot.sh $(BUILD)-deb/qualcheck_*.deb && [ $$lint = 0 ]

# The benchmark (docs/performance.md); never part of `make test`.
bench: configure
	@tests/bench/run.sh $(BUILD) $(BENCH_FLAGS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD) $(BUILD)-deb
