# Portal Kinerja Tanjungbalai. Two commands set up a fresh clone:
#   make demo   builds the demo site into public/
#   make test   runs every test (needs PostgreSQL and Chromium; see README)
#   make dist   archives of kinerja for Linux, Windows and macOS, to install without Go

GO        ?= go
BIN       := bin/kinerja
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: all demo build serve test test-short lint bench clean node screenshots dist

all: demo

# npm packages (ECharts, pinned in package-lock.json), installed when the
# lock file changes; a test checks that generator/chart/echarts is their copy.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
node: node_modules/.package-lock.json

# The binary carries the site (embed.go) and ECharts (generator/chart/echarts,
# copied from node_modules by go generate): it needs no npm packages.
$(BIN): $(shell find cmd generator content data themes -type f 2>/dev/null) embed.go hugo.toml go.mod go.sum
	$(GO) build -o $(BIN) ./cmd/kinerja
build: $(BIN)

# The npm packages give the demo its search (Pagefind); the binary itself
# needs none of them.
demo: $(BIN) node_modules/.package-lock.json
	./$(BIN) build --out public
	@echo
	@echo "The demo site is in public/: serve it with any web server, or run 'make serve' for a live preview at http://localhost:1313"

serve: $(BIN)
	./$(BIN) serve

lint:
	@test -z "$$(gofmt -l cmd generator)" || { echo "gofmt needed on:"; gofmt -l cmd generator; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Every test: unit, PostgreSQL integration, CLI scripts, generated site and
# headless Chromium. 'go test' prints the summary lines CI reads.
test: node_modules/.package-lock.json lint
	$(GO) test -count=1 -timeout 40m ./...
	# The fuzzers run a number of inputs, not a time: with a time, Go 1.26's
	# coordinator can fail a loaded machine's run at its end with "context
	# deadline exceeded" and no failing input (golang/go#75804, fixed in
	# Go 1.27). About 10 s each on the 2-core machine.
	$(GO) test -run '^$$' -fuzz '^FuzzDecimal$$' -fuzztime 200000x ./generator/iku/
	$(GO) test -run '^$$' -fuzz '^FuzzCSV$$' -fuzztime 150000x ./generator/bundle/

# Everything but Chromium, go install and the whole-site builds: about a
# minute on 2 cores (README, "Tests").
test-short:
	$(GO) test -short -count=1 ./...

# PNGs of the main templates at phone and desktop widths, both languages
# (cmd/screenshots); README.md shows the committed phone shots.
screenshots: demo
	$(GO) run ./cmd/screenshots -site public -out docs/screenshots

# Fully cold, warm and one-change builds of the demo and of generated cities
# of 1,000 and 10,000 indicators against the Hugo floor, into
# bench/RESULTS.md and bench/curve.svg; BENCH_FLAGS=-large adds 50,000.
bench: $(BIN) node_modules/.package-lock.json
	$(GO) run ./bench $(BENCH_FLAGS)

# Archives to install kinerja without Go: one per system, each holding the
# program (pure Go, CGO_ENABLED=0: Hugo, the theme and ECharts inside) and
# the README, in dist/ with SHA256SUMS. The version is the git tag
# (git describe), else the file VERSION. The archives are reproducible:
# their times are the last commit's.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || cat VERSION 2>/dev/null || echo dev)
DIST_TARGETS ?= linux/amd64 linux/arm64 windows/amd64 darwin/arm64
DIST_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# -trimpath keeps the builder's folders out of the programs (reproducible);
# DIST_FLAGS= reuses the Go cache of ordinary builds instead.
DIST_FLAGS ?= -trimpath
dist:
	rm -rf dist && mkdir -p dist
	set -e; for t in $(DIST_TARGETS); do \
	  os=$${t%/*}; arch=$${t#*/}; name=kinerja-$(VERSION)-$$os-$$arch; exe=kinerja; \
	  if [ $$os = windows ]; then exe=kinerja.exe; fi; \
	  echo "dist: $$name"; \
	  mkdir -p dist/$$name; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build $(DIST_FLAGS) -ldflags "-s -w -X main.version=$(VERSION)" -o dist/$$name/$$exe ./cmd/kinerja; \
	  cp README.md dist/$$name/; \
	  touch -d @$(DIST_EPOCH) dist/$$name dist/$$name/*; \
	  if [ $$os = windows ]; then \
	    (cd dist && zip -qrX $$name.zip $$name); \
	  else \
	    tar -C dist --sort=name --mtime=@$(DIST_EPOCH) --owner=0 --group=0 --numeric-owner -cf - $$name | gzip -n > dist/$$name.tar.gz; \
	  fi; \
	  rm -rf dist/$$name; \
	done
	cd dist && sha256sum kinerja-* > SHA256SUMS
	@echo "dist: the archives and SHA256SUMS are in dist/"

clean:
	rm -rf bin public public.new-* .build .cache dist
