# Thin wrapper over CMake. `make demo` and `make test` set up a fresh Debian 12 machine.
BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
PACKAGES := g++ cmake make pkg-config libcli11-dev libfccp-dev libfmt-dev \
            libtomlplusplus-dev doctest-dev libsqlite3-dev
# Only for tests: chromium renders the summary page (tests/html), zsh loads the completion.
TEST_PACKAGES := chromium zsh
# Only for `make package-test`: a fresh Debian to install the .deb into.
PACKAGE_TEST_PACKAGES := debootstrap
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QC       := $(BUILD)/cmd/qualcheck
DEMO_TODAY ?= 2027-03-10

.PHONY: all deps test-deps configure build demo test install package package-test clean

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

test: build test-deps
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

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

# Installs the .deb into a fresh Debian 12 chroot with apt and runs it there, without the
# source tree (needs root; slow: run on purpose, never in `make test`).
package-test: package
	$(call install-missing,$(PACKAGE_TEST_PACKAGES))
	@tests/package/deb_in_chroot.sh $(BUILD)-deb/qualcheck_*.deb

clean:
	rm -rf $(BUILD)
