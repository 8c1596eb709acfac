# watchtower: make test installs what a fresh Debian machine lacks, then runs everything.
GO      ?= go
# bash with pipefail: a benchmark piped through tee still fails the target.
SHELL   := /bin/bash
.SHELLFLAGS := -o pipefail -c
PKGS    ?= ./...
GOFLAGS ?=

# The container image: the Helm chart's default (values.yaml image.repository,
# tag = Chart.yaml appVersion). Override IMAGE to build for another registry.
CHART    := deployments/helm/watchtower
VERSION  ?= $(shell awk -F'"' '/^appVersion:/ {print $$2}' $(CHART)/Chart.yaml)
IMAGE    ?= $(shell awk '/^  repository:/ {print $$2; exit}' $(CHART)/values.yaml):$(VERSION)
REVISION ?= $(shell git rev-parse HEAD 2>/dev/null)

.PHONY: all build test unit deps deps-node bindings check-bindings bench fuzz dev chaos lint clean image push print-image

all: build

build:
	$(GO) build -o bin/watchtower ./cmd/watchtower

## image: build the container image the Helm chart runs (Dockerfile), tagged $(IMAGE).
image:
	docker build --build-arg VERSION=$(VERSION) --build-arg REVISION=$(REVISION) -t $(IMAGE) .

## push: push $(IMAGE) (after `make image` and `docker login` to its registry).
push:
	docker push $(IMAGE)

## print-image: the image name `make image` builds (deployments/check.sh compares it with the chart's).
print-image:
	@echo $(IMAGE)

## deps: install the system packages the tests need (redis-server), if missing.
deps:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing redis-server (Debian package)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
	@command -v redis-server >/dev/null 2>&1 || { echo "redis-server is still missing: install it (apt-get install redis-server)"; exit 1; }

## deps-node: install Node.js and npm (for the pinned anvil of the tests and for regenerating contract bindings), if missing.
deps-node:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing nodejs and npm (Debian packages)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

## test: install what is missing, then vet and run the whole suite (real Redis, embedded NATS, simulated EVM;
## npm fetches the pinned anvil for the tests against a node that is not geth).
test: deps deps-node
	$(GO) vet $(PKGS)
	$(GO) test $(GOFLAGS) -race -timeout 30m $(PKGS)

## unit: the suite without installing anything.
unit:
	$(GO) test $(GOFLAGS) -timeout 30m $(PKGS)

## bindings: recompile the contracts with the pinned solc and regenerate the Go bindings.
bindings: deps-node
	./deployments/contracts/gen.sh

## check-bindings: fail when the committed bindings differ from a fresh generation.
check-bindings: bindings
	@git diff --exit-code -- deployments/contracts/bindings || { \
	  echo "deployments/contracts/bindings is stale: run 'make bindings' and commit the result"; exit 1; }

## bench: the hot paths next to raw JetStream, raw Redis and bare ecrecover baselines measured in
## the same run, then one table of ratios (bin/bench.txt keeps the raw output).
BENCH_OUT ?= bin/bench.txt
bench: deps
	@mkdir -p $(dir $(BENCH_OUT)) && : > $(BENCH_OUT)
	$(GO) test -run '^$$' -bench . -benchtime 2s ./watcher/bus/ ./watcher/store/... | tee -a $(BENCH_OUT)
	$(GO) test -run '^$$' -bench . -benchtime 5000x ./watcher/verify/ | tee -a $(BENCH_OUT)
	$(GO) test -run '^$$' -bench BenchmarkMassExit -benchtime 1x ./watcher/l2/plasma/ | tee -a $(BENCH_OUT)
	$(GO) test -run '^$$' -bench 'BenchmarkDelegate$$' -benchtime 2000x ./watcher/delegation/ | tee -a $(BENCH_OUT)
	$(GO) test -run '^$$' -bench BenchmarkDelegateBatch -benchtime 32768x ./watcher/delegation/ | tee -a $(BENCH_OUT)
	$(GO) test -run '^$$' -bench BenchmarkPoolSend -benchtime 2000x ./watcher/txmgr/ | tee -a $(BENCH_OUT)
	@echo; echo "ratios against baselines measured in this run ($$(date -u +%F), $$(nproc) cores):"
	@$(GO) run ./internal/benchtable < $(BENCH_OUT)

## fuzz: run each fuzz target for FUZZTIME (decoders and signature checks of every entry point).
## A count, not a duration: duration budgets hit Go 1.26's fuzz-coordinator
## race (golang/go#75804, "context deadline exceeded" with no crasher).
FUZZTIME ?= 50000x
FUZZ_TARGETS = \
	./proofs/channelstate:FuzzRecover \
	./proofs/merkle:FuzzVerify \
	./proofs/plasmatx:FuzzDecode \
	./proofs/raidenbp:FuzzSigner \
	./watcher/l2/channel:FuzzDecodeHeld \
	./watcher/eventauth:FuzzCheck \
	./watcher/delegation:FuzzCheckRequestAuth \
	./watcher/delegation/api:FuzzDecodeChannelState \
	./watcher/delegation/api:FuzzDecodeChannelStates \
	./watcher/delegation/api:FuzzReceiptVerify \
	./watcher/delegation/api:FuzzRecover
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "fuzz $$name in $$pkg ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done

## chaos: the chaos harness (cmd/chaos): anvil, NATS, Redis and 3 towers, a storm of stale, honest and
## undelegated closes (with --exits N also Plasma exits of spent and unspent outputs) while towers (with
## --cluster also a NATS node and the Redis primary) are SIGKILLed,
## judged from L1; exit 1 on any missed, duplicate, reverted or false challenge. Flags in CHAOS_FLAGS,
## e.g. make chaos CHAOS_FLAGS="--cluster --closes 1000"; go run ./cmd/chaos -h lists them.
CHAOS_FLAGS ?=
chaos: deps deps-node
	$(GO) build -o bin/chaos ./cmd/chaos
	./bin/chaos $(CHAOS_FLAGS)

## dev: the demo.
dev:
	$(GO) run ./cmd/watchtower dev

clean:
	rm -rf bin .data
