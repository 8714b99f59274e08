GO      ?= go
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(DESTDIR)$(PREFIX)/sbin
LINKS   := ip brctl bridge gbrctl gbridge

.PHONY: all build test unit integration bench fuzz install clean conformance

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '-s -w' -o bin/gip ./cmd/gip
	cd bin && for l in $(LINKS); do ln -sf gip $$l; done

# Unit tests need no privileges; integration tests need root and skip
# without it (CI runs as root).
test: build
	$(GO) vet ./...
	$(GO) test -count=1 ./...

unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /integration)

integration: build
	$(GO) test -count=1 -v ./integration/

conformance: build
	../shared/conformance/run --gip bin/gip ../shared/conformance/cases/*.sh

install: build
	install -d $(BINDIR)
	install -m 0755 bin/gip $(BINDIR)/gip
	cd $(BINDIR) && ln -sf gip gbrctl && ln -sf gip gbridge

clean:
	rm -rf bin
