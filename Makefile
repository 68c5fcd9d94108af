# Newsreel build. Every Go command here carries the sqlite_fts5 build tag
# (go-sqlite3 compiles SQLite's FTS5 only with it), so vet, tests, builds
# and packaging all agree.
SHELL := /bin/bash
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false
export LANG := en_US.UTF-8
GO ?= go
BIN := ./newsreel
DEMO_DB ?= demo.db

.PHONY: all deps build run test check race smoke bench clean

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

# The whole test suite: formatting, vet, race-enabled tests, and a smoke
# test of the real window under Xvfb.
test: deps check race smoke

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 ./...

smoke: build
	scripts/smoke.sh $(BIN) $${SMOKE_SHOT:-/tmp/newsreel-smoke.png}

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm newsreel-screenshot.png
