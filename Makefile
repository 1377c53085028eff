# clinic-desk developer commands. Run `make` for the list.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

BENCH_ARGS ?=
TEST_ARGS ?=

.PHONY: help demo test build bench demo-stop clean-db

help:
	@echo 'clinic-desk make targets:'
	@echo '  make demo        start local PostgreSQL, build, apply schema, seed once, run the TUI'
	@echo '  make test        swift test against a throwaway PostgreSQL (TEST_ARGS="--filter X")'
	@echo '  make build       swift build (debug)'
	@echo '  make bench       release build, then clinic-desk bench $$(BENCH_ARGS) on the demo database'
	@echo '  make demo-stop   stop the demo PostgreSQL server'
	@echo '  make clean-db    stop and delete the demo PostgreSQL cluster'
	@echo 'Demo cluster dir: $$CLINIC_PG_DIR, else .clinic/pg (root: /var/lib/clinic-desk/pg).'

demo:
	scripts/demo.sh

test:
	scripts/test.sh $(TEST_ARGS)

build:
	. scripts/lib.sh; clinic_use_swift; swift build

bench:
	scripts/bench.sh $(BENCH_ARGS)

demo-stop:
	. scripts/lib.sh; scripts/pg.sh stop "$$(clinic_demo_dir)"

clean-db:
	. scripts/lib.sh; scripts/pg.sh destroy "$$(clinic_demo_dir)"
