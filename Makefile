# Newsreel build. Every Go command here carries the sqlite_fts5 build tag
# (go-sqlite3 compiles SQLite's FTS5 only with it), so vet, tests, builds
# and packaging all agree.
SHELL := /bin/bash
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false
export LANG := en_US.UTF-8
GO ?= go
BIN := ./newsreel
DEMO_DB ?= demo.db

.PHONY: all deps build run test check race smoke bench fuzz clean package package-check package-linux package-windows package-macos screenshots

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(GO) build -o $(BIN) ./cmd/newsreel

# Opens the app on a demo database (first start loads the bundled corpus).
# Without a display it runs under Xvfb and saves a screenshot instead.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BIN) --db $(DEMO_DB); \
	else \
		echo "run: no display here; starting the app under Xvfb"; \
		scripts/smoke.sh $(BIN) newsreel-screenshot.png && echo "run: see newsreel-screenshot.png"; \
	fi

# The whole test suite: formatting, vet, race-enabled tests, a smoke test
# of the real window under Xvfb, and packaging checks.
test: deps check race smoke package-check

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 ./...

smoke: build
	scripts/smoke.sh $(BIN) $${SMOKE_SHOT:-/tmp/newsreel-smoke.png}

# Benchmarks, written to bench/results.md (the 100,000-article import
# takes a few minutes).
bench:
	scripts/bench.sh

# Every fuzz target for a bounded time (FUZZTIME each; CI runs this).
FUZZTIME ?= 10s
FUZZ_TARGETS := timeline:FuzzSegment timeline:FuzzFindTimes timeline:FuzzFindDurations timeline:FuzzParseSchema timeline:FuzzQuotes timeline:FuzzFindActors timeline:FuzzClaims \
	data/ingest:FuzzParseMarkdown data/ingest:FuzzParseHTML data/ingest:FuzzParseFeed
fuzz:
	@FUZZTIME=$(FUZZTIME) GO=$(GO) scripts/fuzz.sh $(FUZZ_TARGETS)

screenshots: build
	scripts/screenshots.sh $(BIN)

# Packaging with the fyne tool pinned in go.mod (go tool fyne).
package-check:
	@scripts/package.sh check

package-linux: deps
	scripts/package.sh linux
	scripts/package.sh test-linux

package-windows:
	@scripts/install-deps.sh --with-windows
	scripts/package.sh windows
	scripts/package.sh test-windows

# macOS needs Apple's SDK: run this on a Mac (or see .github/workflows/release.yml).
package-macos:
	go tool fyne package -os darwin --release --tags sqlite_fts5
	git checkout -- FyneApp.toml

package: package-linux package-windows

clean:
	rm -rf $(BIN) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm newsreel-screenshot.png dist
