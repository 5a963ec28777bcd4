#!/usr/bin/env bash
# The SQLite export opened by the sqlite3 command-line shell: integrity and
# foreign keys clean, the CHECKs enforced by the shell too, the same answers
# as kam query --db, and a --tables export whose references still resolve.
#
#   tests/sql/sqlite3_shell.sh KAM_BINARY SOURCE_DIR
set -euo pipefail
kam=$1
root=$2/examples/portfolio
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 shell (apt-get install sqlite3)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$kam" --root "$root" --as-of 2026-11-23 export --format sqlite -o "$work/p.sqlite" >/dev/null
integrity=$(sqlite3 "$work/p.sqlite" 'PRAGMA integrity_check')
[ "$integrity" = ok ] || fail "integrity_check: $integrity"
fk=$(sqlite3 "$work/p.sqlite" 'PRAGMA foreign_key_check')
[ -z "$fk" ] || fail "foreign_key_check: $fk"
echo "sqlite3 $(sqlite3 "$work/p.sqlite" 'select sqlite_version()'): integrity_check ok, foreign_key_check clean"

# Every table: the shell counts what kam query --db counts.
for t in $(sqlite3 "$work/p.sqlite" "SELECT name FROM kam_tables ORDER BY rowid"); do
    shell=$(sqlite3 "$work/p.sqlite" "SELECT count(*) FROM \"$t\"")
    ours=$("$kam" query --db "$work/p.sqlite" --format csv "SELECT count(*) AS n FROM \"$t\"" | tail -n 1 | tr -d '\r')
    [ "$shell" = "$ours" ] || fail "$t: sqlite3 counts $shell, kam query --db $ours"
done
# Every row of a table with source_line points at a line of its file.
lined=0
for t in $(sqlite3 "$work/p.sqlite" "SELECT DISTINCT table_name FROM kam_columns WHERE name = 'source_line'"); do
    lined=$((lined + 1))
    while IFS='|' read -r file line; do
        [ -n "$line" ] || fail "$t: a row of $file has no source_line"
        lines=$(wc -l <"$root/$file")
        if [ "$line" -lt 1 ] || [ "$line" -gt "$lines" ]; then fail "$t: $file:$line is not a line of the file ($lines lines)"; fi
    done < <(sqlite3 "$work/p.sqlite" "SELECT DISTINCT source_file, source_line FROM \"$t\"")
done
[ "$lined" -ge 25 ] || fail "only $lined tables have source_line"
echo "$lined tables: every row's source_file:source_line is a line of its file"
sum=$(sqlite3 "$work/p.sqlite" 'SELECT sum(weighted_value_cents) FROM opportunities')
echo "every table counted alike; weighted_value_cents sum $sum"

# The CHECKs hold for any writer, not only kam.
cp "$work/p.sqlite" "$work/w.sqlite"
if out=$(sqlite3 "$work/w.sqlite" "INSERT INTO history VALUES ('acme-manufacturing', 999, '2026-02-30', 'x', 'f', 1)" 2>&1); then
    fail "a 30 February was accepted"
fi
grep -q 'CHECK constraint failed' <<<"$out" || fail "unexpected: $out"
if out=$(sqlite3 "$work/w.sqlite" "INSERT INTO contracts (account, id, annual_value_cents, source_file) VALUES ('acme-manufacturing', 'x', 12.5, 'f')" 2>&1); then
    fail "money as REAL was accepted"
fi
if out=$(sqlite3 "$work/w.sqlite" "PRAGMA foreign_keys = ON; INSERT INTO actions (account, id, goal, source_file) VALUES ('acme-manufacturing', 'zz', 'no-such-goal', 'f')" 2>&1); then
    fail "a dangling goal was accepted"
fi
grep -q 'FOREIGN KEY constraint failed' <<<"$out" || fail "unexpected: $out"
echo "CHECKs and foreign keys enforced by the shell"

# A partial export keeps what its tables refer to.
"$kam" --root "$root" --as-of 2026-11-23 export --format sqlite --tables slas -o "$work/slas.sqlite" >/dev/null
[ "$(sqlite3 "$work/slas.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "slas.sqlite integrity"
[ -z "$(sqlite3 "$work/slas.sqlite" 'PRAGMA foreign_key_check')" ] || fail "slas.sqlite foreign keys"
tables=$(sqlite3 "$work/slas.sqlite" "SELECT group_concat(name, ',') FROM (SELECT name FROM kam_tables ORDER BY rowid)")
[ "$tables" = "accounts,contracts,slas,kam_meta,kam_tables,kam_columns" ] || fail "slas.sqlite holds $tables"
echo "--tables slas: $tables, references clean"
