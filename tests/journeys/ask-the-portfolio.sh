#!/usr/bin/env bash
# A consultant asks her own portfolio questions in SQL, from an empty folder:
# init and new, records added with kam add, the questions of issue 14 with
# kam query (a join, a parameter, a saved query), the mistakes people make in
# SQL and in the files, then kam export read by its consumers (the sqlite3
# shell, Python's csv, jq) and kam query --db on the export.
#
#   tests/journeys/ask-the-portfolio.sh KAM_BINARY SOURCE_DIR
#
# Each step says what it does; the first failing step ends the journey with
# its name, the command and what kam printed.
set -euo pipefail
kam_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-journey.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# shellcheck source-path=SCRIPTDIR source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"
# same WANT: the command's whole stdout is WANT (CSV lines end in CRLF).
same() {
    local got
    got=$(tr -d '\r' <"$out")
    [ "$got" = "$1" ] || fail "expected:
$1
got:
$got"
}

cd "$work"

step="an empty portfolio answers with no rows"
ok kam init portfolio --name "Dana's accounts" --currency EUR
cd portfolio
git init -q -b main .
ok kam query --format csv "SELECT count(*) AS n FROM accounts"
same "n
0"

step="two accounts and their records, from kam new and kam add"
ok kam new acme --name "Acme Manufacturing GmbH" --manager "Dana Whitfield" --tier key \
    --client-since 2021-04-01
ok kam new borealis --name "Borealis Energy" --manager "Sam Ortiz" --tier growth \
    --client-since 2025-10-01
ok kam add acme opportunity --title "Plant 3 rollout" --stage proposal --value 250000 \
    --close 2027-02-28
ok kam add acme opportunity --title "Spare parts portal" --stage lead --value 40000 \
    --close 2027-06-30
ok kam add borealis opportunity --title "Grid analytics" --stage qualified --value 80000 \
    --close 2027-05-31
ok kam add acme contract --title "Master services" --status active --start 2021-04-01 \
    --end 2027-01-31 --type msa --annual-value 600000 --notice-days 90
ok kam add acme risk --title "Sponsor retiring" --likelihood 3 --impact 4
ok kam add acme person --name "Martina Krause" --role decision-maker --relationship good \
    --last-contact 2026-06-01
git add -A
git commit -qm "two accounts"

step="weighted pipeline by manager: a join, in whole euros"
ok kam query --format csv "SELECT a.manager, sum(o.weighted_value_cents) / 100 AS weighted
    FROM opportunities o JOIN accounts a USING (account)
    GROUP BY a.manager ORDER BY weighted DESC"
query_answer=$(tr -d '\r' <"$out")
# The same totals from kam pipeline's CSV, summed by awk per manager.
ok kam pipeline --format csv
pipeline_answer=$(tr -d '\r' <"$out" | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { w[$(col["slug"])] += $(col["weighted_value"]) }
    END { printf "manager,weighted\nDana Whitfield,%d\nSam Ortiz,%d\n", w["acme"], w["borealis"] }')
[ "$query_answer" = "$pipeline_answer" ] || fail "query:
$query_answer
pipeline:
$pipeline_answer"

step="a parameter is bound, and a saved query runs by its name"
mkdir -p queries
cat >queries/stale-contacts.sql <<'SQL'
-- Contacts at accounts of a tier that we have not met in :days days.
SELECT p.account, p.name, p.last_contact
FROM people p JOIN accounts a USING (account)
WHERE a.tier = :tier AND julianday(:today) - julianday(p.last_contact) > :days
ORDER BY p.account, p.name;
SQL
ok kam query @stale-contacts --format csv --param tier=key --param days=90 \
    --param today="$day"
same "account,name,last_contact
acme,Martina Krause,2026-06-01"
# A parameter holding SQL is a value, never text of the query.
ok kam query @stale-contacts --format csv --param "tier=key' OR 1=1 --" --param days=90 \
    --param today="$day"
same "account,name,last_contact"

step="a result points at the line to edit"
ok kam query --format csv "SELECT source_file, source_line FROM risks WHERE id = 'R1'"
line=$(tr -d '\r' <"$out" | awk -F, 'NR == 2 { print $2 }')
file=$(tr -d '\r' <"$out" | awk -F, 'NR == 2 { print $1 }')
[ "$file" = "accounts/acme/risks.yaml" ] || fail "source_file $file"
sed -n "${line}p" "$file" | grep -q 'id: R1' || fail "line $line of $file is not R1's"

step="an edit is in the next answer"
ok kam set acme account.tier strategic
ok kam query --format csv "SELECT tier FROM accounts WHERE account = 'acme'"
same "tier
strategic"

step="the mistakes people make in SQL: exit 2 with the place"
refused 2 kam query "SELECT manger FROM accounts"
has "no such column: manger (at line 1, column 8)" "$err"
has "         ^" "$err"
refused 2 kam query "DELETE FROM accounts"
refused 2 kam query "SELECT 1; DROP TABLE accounts"
refused 2 kam query "ATTACH DATABASE '$work/x.db' AS x"
[ ! -e "$work/x.db" ] || fail "ATTACH created a file"
refused 2 kam query @stale-contacts --param tier=key --param days=90
has "the query uses :today but no --param today=VALUE was given" "$err"
refused 2 kam query @Stale
refused 2 kam query @../kam
refused 2 kam query @missing
has "queries/missing.sql" "$err"
refused 2 kam query --param tier=key "SELECT 1"
refused 2 kam query --timeout 1 \
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"

step="a broken file: a warning, the rest answered, the error in findings"
cp accounts/acme/risks.yaml "$work/risks.yaml"
printf '  - id: R2\n    title: "Unclosed\n' >>accounts/acme/risks.yaml
refused 1 kam validate
has "accounts/acme/risks.yaml:" "$out"
where=$(grep -o 'accounts/acme/risks.yaml:[0-9]*:[0-9]*: error' "$out" | head -1)
ok kam query --format csv \
    "SELECT file || ':' || line || ':' || \"column\" || ': ' || severity FROM findings
     WHERE severity = 'error'"
has "1 error in the portfolio" "$err"
[ "$(tr -d '\r' <"$out" | sed -n 2p)" = "$where" ] || fail "findings differ from validate: $where"
ok kam query --format csv "SELECT count(*) AS n FROM opportunities"
same "n
3"
cp "$work/risks.yaml" accounts/acme/risks.yaml
git commit -qam "acme is strategic"

step="kam_meta says what the model is of"
ok kam query --format csv "SELECT key, value FROM kam_meta WHERE key IN ('as_of', 'git_commit', 'schema_version') ORDER BY key"
same "key,value
as_of,$day
git_commit,$(git rev-parse HEAD)
schema_version,1"

step="a duplicate id after a merge: the first kept, the other counted as skipped"
cp accounts/borealis/sales.yaml "$work/sales.yaml"
printf '  - id: O1\n    title: Grid again\n    stage: lead\n    value: 1000\n    close: 2027-05-31\n' \
    >>accounts/borealis/sales.yaml
refused 1 kam validate
has "opportunity id 'O1' is used twice" "$out"
ok kam query --format csv "SELECT (SELECT title FROM opportunities WHERE account = 'borealis'),
    (SELECT value FROM kam_meta WHERE key = 'rows_skipped')"
[ "$(tr -d '\r' <"$out" | sed -n 2p)" = "Grid analytics,1" ] || fail "the first O1 and one skipped"
# kam_meta counts the rows skipped in the tables written, whatever the format.
ok kam export --format sqlite -o "$work/dup.sqlite"
[ "$(sqlite3 "$work/dup.sqlite" "SELECT value FROM kam_meta WHERE key = 'rows_skipped'")" = 1 ] ||
    fail "the whole export skipped one row"
ok kam export --format sqlite -o "$work/dup-risks.sqlite" --tables risks
[ "$(sqlite3 "$work/dup-risks.sqlite" "SELECT value FROM kam_meta WHERE key = 'rows_skipped'")" = 0 ] ||
    fail "the risks' export skipped a row"
ok kam export --format csv -o "$work/dup-risks" --tables risks
has "rows_skipped,0" "$work/dup-risks/kam_meta.csv"
cp "$work/sales.yaml" accounts/borealis/sales.yaml

step="export to SQLite: the sqlite3 shell finds it sound"
refused 2 kam export --format sqlite -o "$work/no/such/folder/p.sqlite"
[ ! -e "$work/no" ] || fail "a failed export left a folder"
echo "an older export" >"$work/p.sqlite"
ok kam export --format sqlite -o "$work/p.sqlite"
[ "$(sqlite3 "$work/p.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
[ -z "$(sqlite3 "$work/p.sqlite" 'PRAGMA foreign_key_check')" ] || fail "foreign_key_check"
[ "$(sqlite3 "$work/p.sqlite" 'SELECT count(*) FROM opportunities')" = 3 ] || fail "3 opportunities"
[ -z "$(find "$work" -maxdepth 1 -name '*kam-tmp*')" ] || fail "a temporary file is left"

step="kam query --db answers as the YAML does"
question="SELECT a.manager, count(*) AS n, sum(o.value_cents) AS value_cents
    FROM opportunities o JOIN accounts a USING (account) GROUP BY a.manager ORDER BY 1"
ok kam query --format json "$question"
cp "$out" "$work/from-yaml.json"
ok kam query --db "$work/p.sqlite" --format json "$question"
cmp -s "$out" "$work/from-yaml.json" || fail "--db and the YAML answer differently"
refused 2 kam query --db "$work/p.sqlite" "DELETE FROM accounts"
[ "$(sqlite3 "$work/p.sqlite" 'SELECT count(*) FROM accounts')" = 2 ] || fail "--db wrote"
: >"$work/empty.sqlite"
refused 2 kam query --db "$work/empty.sqlite" "SELECT 1"
has "not a kam export" "$err"

step="export to CSV and JSON Lines: Python's csv and jq read them"
ok kam export --format csv -o "$work/csv"
python3 - "$work/csv" <<'PY' || fail "Python's csv"
import csv, sys
folder = sys.argv[1]
with open(f"{folder}/opportunities.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 3, rows
assert sum(int(r["value_cents"]) for r in rows) == 37000000, rows
with open(f"{folder}/accounts.csv", newline="", encoding="utf-8") as f:
    tiers = {r["account"]: r["tier"] for r in csv.DictReader(f)}
assert tiers == {"acme": "strategic", "borealis": "growth"}, tiers
PY
ok kam export --format jsonl -o "$work/jsonl" --tables opportunities
[ "$(jq -s 'map(.value_cents) | add' "$work/jsonl/opportunities.jsonl")" = 37000000 ] ||
    fail "jq's sum"
# The dictionary describes what was written: the table, those it refers to
# (accounts, people: the contact), and the metadata tables, in key order;
# schema.json counts those rows.
[ "$(jq -r .name "$work/jsonl/kam_tables.jsonl" | paste -sd,)" = \
    "accounts,kam_columns,kam_meta,kam_tables,opportunities,people" ] || fail "kam_tables.jsonl"
[ "$(jq '.tables[] | select(.name == "kam_columns") | .rows' "$work/jsonl/schema.json")" = \
    "$(wc -l <"$work/jsonl/kam_columns.jsonl")" ] || fail "schema.json's kam_columns rows"
jq -r '.table_name' "$work/jsonl/kam_columns.jsonl" | grep -qvxE 'accounts|opportunities|people|kam_meta|kam_tables|kam_columns' &&
    fail "kam_columns.jsonl describes a table not written"

echo "journey ask-the-portfolio: all steps passed"
