#!/usr/bin/env bash
# The CSV export loaded into a real PostgreSQL server (Debian's postgresql)
# by the generated load.postgres.sql, run with psql from the export's folder
# as its header says: every table's row count, the money sums and a join
# equal what kam query answers on the same portfolio, and the keys, CHECKs
# and references hold in PostgreSQL too.
# A throwaway cluster on a Unix socket in a temporary folder; no port, no
# password, stopped and removed at the end. Skipped (exit 77) without
# PostgreSQL's programs; as root the server runs as the postgres user.
#
#   tests/sql/postgres_consumer.sh KAM_BINARY SOURCE_DIR
set -euo pipefail
kam=$1
root=$2/examples/portfolio
bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || ! command -v psql >/dev/null; then
    echo "skipped: no PostgreSQL (apt-get install postgresql)"
    exit 77
fi
as_server() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "skipped: running as root and there is no postgres user"; exit 77; }
    as_server() { runuser -u postgres -- "$@"; }
fi
work=$(mktemp -d)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
stop() {
    as_server "$bin/pg_ctl" -D "$work/db" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop EXIT
fail() { echo "FAIL: $*"; exit 1; }

as_server "$bin/initdb" -D "$work/db" -U kam -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log"; fail "initdb"; }
as_server "$bin/pg_ctl" -D "$work/db" -l "$work/server.log" -w \
    -o "-k $work -c listen_addresses= -c fsync=off" start >/dev/null ||
    { cat "$work/server.log"; fail "the server did not start"; }
psql() { command psql -X -q -h "$work" -U kam -d postgres -v ON_ERROR_STOP=1 "$@"; }
echo "$(psql -At -c 'SHOW server_version'): a cluster on $work"

"$kam" --root "$root" --as-of 2026-11-23 export --format csv -o "$work/export" >/dev/null
(cd "$work/export" && psql -f load.postgres.sql) >"$work/load.log" 2>&1 ||
    { cat "$work/load.log"; fail "load.postgres.sql"; }

tables=0
while IFS= read -r t; do
    tables=$((tables + 1))
    pg=$(psql -At -c "SELECT count(*) FROM \"$t\"")
    ours=$("$kam" --root "$root" --as-of 2026-11-23 query --format csv "SELECT count(*) AS n FROM \"$t\"" |
        tail -n 1 | tr -d '\r')
    [ "$pg" = "$ours" ] || fail "$t: PostgreSQL has $pg rows, kam query $ours"
done < <(psql -At -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")
[ "$tables" -ge 30 ] || fail "only $tables tables were created"
echo "$tables tables, each with kam query's row count"

# Money stays exact integer cents; a join and a date compare as in SQLite.
same() {  # same LABEL SQL: PostgreSQL and kam query give the same one value
    local pg ours
    pg=$(psql -At -c "$2")
    ours=$("$kam" --root "$root" --as-of 2026-11-23 query --format csv "$2" | tail -n 1 | tr -d '\r')
    [ "$pg" = "$ours" ] || fail "$1: PostgreSQL $pg, kam query $ours"
    echo "$1: $pg"
}
same "weighted pipeline (cents)" "SELECT sum(weighted_value_cents) FROM opportunities"
same "annual contract value in the base currency (cents)" "SELECT sum(annual_value_base_cents) FROM contracts"
same "open opportunities of key accounts" \
    "SELECT count(*) FROM opportunities o JOIN accounts a USING (account) WHERE o.open AND a.tier = 'key'"
same "contracts whose notice deadline is before 2027" \
    "SELECT count(*) FROM contracts WHERE notice_deadline < '2027-01-01'"
[ "$(psql -At -c "SELECT data_type FROM information_schema.columns WHERE table_name = 'contracts' AND column_name = 'annual_value_cents'")" = bigint ] ||
    fail "money is not bigint"
[ "$(psql -At -c "SELECT data_type FROM information_schema.columns WHERE table_name = 'contracts' AND column_name = 'end'")" = date ] ||
    fail "dates are not date"

# The keys and references hold in PostgreSQL.
if out=$(psql -c "INSERT INTO actions (account, id, goal, source_file) VALUES ('acme-manufacturing', 'zz', 'no-such-goal', 'f')" 2>&1); then
    fail "a dangling goal was accepted"
fi
grep -q 'foreign key' <<<"$out" || fail "unexpected: $out"
if out=$(psql -c "INSERT INTO accounts (account, source_file) SELECT account, source_file FROM accounts LIMIT 1" 2>&1); then
    fail "a duplicate account was accepted"
fi
grep -q 'duplicate key' <<<"$out" || fail "unexpected: $out"
echo "keys and references enforced by PostgreSQL"
