GO       ?= go
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   := $(DESTDIR)$(PREFIX)/sbin
LINKS    := ip brctl bridge gbrctl gbridge
FUZZTIME ?= 10s
# Cap on the executions spent minimizing each new input (Go's default is
# 60 s, which targets whose executions are slow or whose seeds are long
# dumps spent on their first new input, fuzzing almost nothing).
FUZZMINIMIZE ?= 200x
SHARED   ?= ../shared

# gip is one static binary.
export CGO_ENABLED := 0

.PHONY: all build test fmtcheck vet unit integration bench fuzz install uninstall clean conformance randdiff

all: build

# bin/gip and the names it answers to (it acts on argv[0]).
build:
	$(GO) build -trimpath -tags giplinkname -ldflags '-s -w -checklinkname=0' -o bin/gip ./cmd/gip
	cd bin && for l in $(LINKS); do ln -sf gip $$l; done

# Everything, in order: gofmt, go vet, unit tests, integration tests. Each
# step runs even when an earlier one fails; the status is the worst of them.
# Integration tests need root and skip without it (CI runs as root).
test: build
	@rc=0; \
	$(MAKE) --no-print-directory fmtcheck || rc=1; \
	$(MAKE) --no-print-directory vet || rc=1; \
	$(MAKE) --no-print-directory unit || rc=1; \
	$(MAKE) --no-print-directory integration || rc=1; \
	if [ $$rc -ne 0 ]; then echo "make test: FAILED (see above)"; else echo "make test: ok"; fi; \
	exit $$rc

fmtcheck:
	@echo "== gofmt"
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	@echo "== go vet"
	$(GO) vet ./...

unit:
	@echo "== unit tests"
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /integration$$)

# The differential tests against the installed ip, bridge and brctl, with
# the gip just built. Needs root; skips without it.
integration: build
	@echo "== integration tests"
	GIP_BIN=$(CURDIR)/bin/gip $(GO) test -count=1 -timeout 30m -v ./integration/

# The random differential run: RANDOM lines generated from iproute2's
# grammar (integration/randcmd), seed SEED, against the reference; the
# report and the chunk case files go to RANDOM_DIR (a temporary directory
# when unset). Needs root.
RANDOM     ?= 5000
SEED       ?= 1
RANDOM_DIR ?=
randdiff: build
	GIP_BIN=$(CURDIR)/bin/gip GIP_RANDOM=$(RANDOM) GIP_RANDOM_SEED=$(SEED) GIP_RANDOM_DIR=$(RANDOM_DIR) \
		$(GO) test -count=1 -timeout 3h -v -run '^TestRandomCommands$$' ./integration/

# Every Fuzz target in the tree, FUZZTIME each; all run, the status is the
# worst. A bare "context deadline exceeded" with no failing input written is
# Go 1.26's -fuzztime race (golang/go#75804), not a finding: that target is
# run once more.
fuzz:
	@fail=0; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
		d=$$(dirname $$f); \
		for n in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			for try in 1 2; do \
				echo "== fuzz $$d $$n ($(FUZZTIME))"; \
				out=$$($(GO) test -run '^$$' -fuzz "^$$n$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$d 2>&1); rc=$$?; \
				if [ $$rc -eq 0 ]; then echo "$$out" | tail -n 1; break; fi; \
				if [ $$try -eq 1 ] && echo "$$out" | grep -q 'context deadline exceeded' && \
					! echo "$$out" | grep -q 'Failing input written'; then \
					echo "   -fuzztime deadline race (golang/go#75804), no failing input: running it again"; \
					continue; \
				fi; \
				echo "$$out"; fail=1; break; \
			done; \
		done; \
	done; \
	if [ $$fail -ne 0 ]; then echo "make fuzz: FAILED"; fi; exit $$fail

# Go benchmarks of the hot paths (parse, encode, decode, print), then, as
# root, the whole-process comparison with iproute2: each scenario built in
# a namespace of its own, gip and iproute2 run alternately, and per
# scenario the median time ratio, peak RSS, identical output and whether
# the goal is met. BENCHFLAGS passes options to it, e.g. -quick (no
# 1M-route scenarios), -only REGEXP, -runs N.
BENCHFLAGS ?=
bench: build
	$(GO) test -bench . -benchmem -run '^$$' ./...
	@if [ "$$(id -u)" -eq 0 ]; then \
		$(GO) run ./bench -gip bin/gip $(BENCHFLAGS); \
	else \
		echo "bench: the comparison with iproute2 needs root (it builds namespaces); skipped"; \
	fi

# The leads' differential runner on their seed cases, when shared/ is beside
# this checkout.
conformance: build
	@if [ -x $(SHARED)/conformance/run ]; then \
		$(SHARED)/conformance/run --gip bin/gip -v $(SHARED)/conformance/cases/*.sh; \
	else \
		echo "$(SHARED)/conformance/run is not there: nothing to run"; \
	fi

# Installs gip and its g-prefixed names (gip itself is ip); the plain names
# ip, brctl and bridge stay with the system's tools.
install: build
	install -d $(BINDIR)
	install -m 0755 bin/gip $(BINDIR)/gip
	ln -sf gip $(BINDIR)/gbrctl
	ln -sf gip $(BINDIR)/gbridge

uninstall:
	rm -f $(BINDIR)/gip $(BINDIR)/gbrctl $(BINDIR)/gbridge

clean:
	rm -rf bin
