# Everyday commands; `make` alone lists them. The scripts in scripts/ do the work.
.DEFAULT_GOAL := help
.PHONY: help run test fuzz check format seed clean bench

PY := .venv/bin/python
ACCOUNTS ?= 3
LEADS ?= 2000
# Same default as scripts/test, so checks work without a .env; the
# migrations check needs a database URL, not a server.
TEST_KEY := DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-test-only-secret-key}" \
	DATABASE_URL="$${DATABASE_URL:-postgres:///unused}"

help: ## List targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-8s %s\n", $$1, $$2}'

run: ## PostgreSQL, migrations, demo data, a worker and the server on 127.0.0.1:8000
	./scripts/run

test: ## Lint, migrations check and tests on a throwaway PostgreSQL
	./scripts/test

fuzz: ## Fuzz the API with a fresh seed, printed: make fuzz [SEED=n FUZZ_SECONDS=600]
	./scripts/fuzz $(SEED)

check: ## Lint and migrations check only (fast, no database server)
	./scripts/venv --dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(TEST_KEY) $(PY) manage.py makemigrations --check --dry-run

format: ## Reformat and apply safe lint fixes
	./scripts/venv --dev
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

seed: ## Add demo data: make seed ACCOUNTS=3 LEADS=2000 (to make run's database)
	./scripts/seed $(ACCOUNTS) $(LEADS)

clean: ## Delete .venv and make run's PostgreSQL cluster with its data (.env is kept)
	[ ! -d .postgres ] || ./scripts/pg-cluster stop .postgres
	rm -rf .venv .postgres

bench: ## Benchmarks against their floors on 1M leads: make bench [BENCH=api_page]
	./scripts/bench $(BENCH)
