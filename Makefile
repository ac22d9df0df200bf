# Thin wrapper over CMake. `make demo` and `make test` set up a fresh Debian 12 machine.
BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
PACKAGES := g++ cmake make pkg-config libcli11-dev libfccp-dev libfmt-dev \
            libtomlplusplus-dev doctest-dev libsqlite3-dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QC       := $(BUILD)/cmd/qualcheck
DEMO_TODAY ?= 2027-03-10

.PHONY: all deps configure build demo test bench clean

all: build

# Installs only what is missing; `apt-get update` runs first when anything is.
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

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

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The benchmark (docs/performance.md); never part of `make test`.
bench: configure
	@tests/bench/run.sh $(BUILD) $(BENCH_FLAGS)

clean:
	rm -rf $(BUILD)
