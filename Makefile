# pizhu: the two commands a newcomer runs are `make run` and `make test`.
# Every target installs what is missing first (scripts/setup.sh, idempotent).
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run test dist setup cli test-native test-wasm test-e2e bench fuzz size clean

## make run: install what is missing, build the release widget, serve it at http://$(HOST):$(PORT)
run: dist
	@echo "pizhu: serving http://$(HOST):$(PORT)/  (embed demo: http://$(HOST):$(PORT)/embed/)"
	python3 scripts/serve.py --host $(HOST) --port $(PORT) --dir dist

## make test: every test: native cargo tests, wasm-bindgen tests in headless Chromium, browser end-to-end
test: setup
	cargo test --release --no-fail-fast
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory dist
	node www/tests/run.mjs

## make dist: release build only, into dist/
dist: setup
	scripts/build-web.sh

setup:
	@scripts/setup.sh

## make cli: the native command-line annotator, target/release/pizhu
cli:
	cargo build --release --bin pizhu

test-native:
	cargo test --release --no-fail-fast

test-wasm: setup
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --target wasm32-unknown-unknown --test browser

test-e2e: dist
	node www/tests/run.mjs

## make bench: criterion benchmarks (engine construction, annotate vs bare jieba tag)
bench:
	cargo bench --bench annotate

## make fuzz: a million random and mutated texts through the engine, checking every invariant (not part of make test)
fuzz:
	cargo run --release --example fuzz -- --cases 1000000 --threads 2

## make size: download size of the module (raw, gzip, brotli)
size: dist
	scripts/size-report.sh dist

clean:
	rm -rf dist target node_modules
