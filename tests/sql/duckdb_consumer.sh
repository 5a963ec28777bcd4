#!/usr/bin/env bash
# The CSV and JSONL exports loaded by DuckDB (the @duckdb/node-api npm
# package, which ships its engine) through the generated load.duckdb.sql.
# Skipped (exit 77) when node or npm is missing or the registry is unreachable.
#
#   tests/sql/duckdb_consumer.sh KAM_BINARY SOURCE_DIR NPM_DIR
set -uo pipefail
kam=$1
src=$2
npm_dir=$3
root=$src/examples/portfolio
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "skipped: node and npm are needed for DuckDB (@duckdb/node-api)"
    exit 77
fi
mkdir -p "$npm_dir"
if [ ! -d "$npm_dir/node_modules/@duckdb/node-api" ]; then
    if ! (cd "$npm_dir" && timeout 300 npm install --no-audit --no-fund --no-save --loglevel=error \
        @duckdb/node-api@1.5.6-r.1 >"$npm_dir/install.log" 2>&1); then
        echo "skipped: npm could not install @duckdb/node-api (registry unreachable?):"
        tail -n 5 "$npm_dir/install.log"
        exit 77
    fi
fi
cp "$src/tests/sql/duckdb_consumer.mjs" "$npm_dir/"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -e
sum=$("$kam" --root "$root" --as-of 2026-11-23 query --format csv \
    "SELECT sum(annual_value_base_cents) AS s FROM contracts" | tail -n 1 | tr -d '\r')
for format in csv jsonl; do
    "$kam" --root "$root" --as-of 2026-11-23 export --format "$format" -o "$work/$format" >/dev/null
    node "$npm_dir/duckdb_consumer.mjs" "$work/$format" "$sum"
done
