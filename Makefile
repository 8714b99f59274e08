GO       ?= go
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   ?= $(PREFIX)/sbin
MANDIR   ?= $(PREFIX)/share/man
# Where bash-completion and zsh look for completions of a command by name.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
# install-compat's directory of plain names: PATH=$(COMPATDIR):$$PATH puts
# gip in the place of ip, bridge and brctl.
COMPATDIR ?= $(PREFIX)/lib/gip/compat
LINKS    := ip brctl bridge gbrctl gbridge
FUZZTIME ?= 10s
# Cap on the executions spent minimizing each new input (Go's default is
# 60 s, which targets whose executions are slow or whose seeds are long
# dumps spent on their first new input, fuzzing almost nothing).
FUZZMINIMIZE ?= 200x
SHARED   ?= ../shared

# gip's own version, printed after the reference tools' words by -V.
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
STAMP    := -X github.com/gipnet/gip/internal/version.stamp=$(VERSION)

# gip is one static binary.
export CGO_ENABLED := 0

.PHONY: all build test fmtcheck vet unit integration bench fuzz install uninstall install-compat uninstall-compat man dist dist-check clean conformance randdiff

all: build

# bin/gip and the names it answers to (it acts on argv[0]).
build:
	$(GO) build -trimpath -tags giplinkname -ldflags '-s -w -checklinkname=0 $(STAMP)' -o bin/gip ./cmd/gip
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

# The man pages in doc/man are made from gip's help tables and the prose
# in internal/manpage; a unit test fails when they are out of date.
man:
	$(GO) run ./internal/manpage/gen doc/man

# Installs gip, its g-prefixed names (gip itself is ip), the man pages and
# the bash, zsh and fish completions. The plain names ip, brctl and bridge
# stay with the system's tools (see install-compat). Every file is listed
# in INSTALLED, which uninstall removes and nothing else.
MANPAGES  := $(sort $(notdir $(wildcard doc/man/*.8)))
INSTALLED := $(BINDIR)/gip $(BINDIR)/gbrctl $(BINDIR)/gbridge \
	$(addprefix $(MANDIR)/man8/,$(MANPAGES)) \
	$(BASHCOMPDIR)/gip $(BASHCOMPDIR)/gbridge $(BASHCOMPDIR)/gbrctl \
	$(ZSHCOMPDIR)/_gip $(FISHCOMPDIR)/gip.fish
install: build
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 bin/gip $(DESTDIR)$(BINDIR)/gip
	ln -sf gip $(DESTDIR)$(BINDIR)/gbrctl
	ln -sf gip $(DESTDIR)$(BINDIR)/gbridge
	install -m 0644 $(addprefix doc/man/,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man8/
	bin/gip completion bash > $(DESTDIR)$(BASHCOMPDIR)/gip
	ln -sf gip $(DESTDIR)$(BASHCOMPDIR)/gbridge
	ln -sf gip $(DESTDIR)$(BASHCOMPDIR)/gbrctl
	bin/gip completion zsh > $(DESTDIR)$(ZSHCOMPDIR)/_gip
	bin/gip completion fish > $(DESTDIR)$(FISHCOMPDIR)/gip.fish

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# The plain names, as links to the installed gip, in a directory of their
# own: PATH=$(COMPATDIR):$$PATH swaps gip in, dropping it from PATH swaps
# it out; the system's packages are not touched.
install-compat:
	install -d $(DESTDIR)$(COMPATDIR)
	for l in ip bridge brctl; do ln -sf $(BINDIR)/gip $(DESTDIR)$(COMPATDIR)/$$l; done

# Removes the three links, then COMPATDIR and its parent when that left
# them empty (they are gip's own: $(PREFIX)/lib/gip/compat by default).
uninstall-compat:
	rm -f $(DESTDIR)$(COMPATDIR)/ip $(DESTDIR)$(COMPATDIR)/bridge $(DESTDIR)$(COMPATDIR)/brctl
	-rmdir $(DESTDIR)$(COMPATDIR) 2>/dev/null
	-rmdir $(dir $(DESTDIR)$(COMPATDIR)) 2>/dev/null

# Release binaries: static, stripped, with no path, build id or cache
# state in them, so that two builds of one commit are byte-identical;
# SHA256SUMS lists them. DISTDIR and DISTARCHS choose where and what.
DISTDIR   ?= dist
DISTARCHS ?= amd64 arm64
DISTFLAGS := -trimpath -buildvcs=false -ldflags '-s -w -buildid= $(STAMP)'
dist:
	rm -rf $(DISTDIR) && mkdir -p $(DISTDIR)
	for a in $(DISTARCHS); do \
		GOOS=linux GOARCH=$$a $(GO) build $(DISTFLAGS) -o $(DISTDIR)/gip-$(VERSION)-linux-$$a ./cmd/gip || exit 1; \
	done
	cd $(DISTDIR) && sha256sum gip-* > SHA256SUMS && cat SHA256SUMS

# make dist twice, the second time from a copy of the tree at another path
# with an empty build cache, and the checksums compared.
dist-check:
	@tmp=$$(mktemp -d) && trap 'chmod -R u+w $$tmp; rm -rf $$tmp' EXIT && \
	$(MAKE) --no-print-directory dist DISTDIR=$$tmp/a VERSION=$(VERSION) >/dev/null && \
	git ls-files -z | tar --null -T - -cf - | (mkdir $$tmp/src && cd $$tmp/src && tar xf -) && \
	GOCACHE=$$tmp/cache $(MAKE) --no-print-directory -C $$tmp/src dist DISTDIR=$$tmp/b VERSION=$(VERSION) >/dev/null && \
	cat $$tmp/a/SHA256SUMS && \
	if cmp -s $$tmp/a/SHA256SUMS $$tmp/b/SHA256SUMS; then echo "dist-check: two builds are identical"; \
	else diff $$tmp/a/SHA256SUMS $$tmp/b/SHA256SUMS; echo "dist-check: FAILED"; exit 1; fi

clean:
	rm -rf bin dist
