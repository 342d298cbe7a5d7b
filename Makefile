# The two set-up commands of the README. Both install what is missing, configure and build.
JOBS ?= $(shell nproc)

.PHONY: run test setup build examples asan fuzz bench clean

setup:
	@scripts/setup.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# The sample elections (city_council.toi, lunch.soc, park_approval.cat) are generated into
# build/examples by scripts/make-examples.py (standard-library Python), not stored in git; the
# build (CMake target `examples`) and scripts/run-examples.sh write them too.
examples:
	@scripts/make-examples.py build/examples

# Main job: count the sample elections in build/examples and examples/ with a few rules and print
# the results, then start the service on an embedded SQLite file with the sample arena and poll
# (Ctrl-C stops it).
PORT ?= 8080
run: build examples
	@scripts/run-examples.sh build/bin/prefero
	@echo "== prefero serve: open the URL below (admin token: printed, or set PREFERO_ADMIN_TOKEN)"
	@build/bin/prefero serve --db sqlite:build/serve-demo.db --sample examples/serve --port $(PORT)

test: build
	@ctest --preset release -j $(JOBS)

asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@scripts/fuzz-short.sh build-fuzz/bin 20

bench: build
	@scripts/bench.sh build/bin

clean:
	rm -rf build build-debug build-asan build-fuzz
