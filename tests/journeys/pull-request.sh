#!/usr/bin/env bash
# A pull request against a portfolio, as a team works it: a branch that
# prepares a renewal (kam set, kam add, a hand edit, a reformatted file), the
# review with kam diff in every format, CI's shallow checkout (refused with
# advice, then fetched), the gates, the staged view, and git log -p speaking
# kam through the diff driver.
#
#   tests/journeys/pull-request.sh KAM_BINARY SOURCE_DIR
#
# Each step says what it does; the first failing step ends the journey with
# its name, the command and what kam printed.
set -euo pipefail
kam_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-journey-pr.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# shellcheck source-path=SCRIPTDIR source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"

cd "$work"

step="a portfolio on main, pushed to the team's remote"
ok kam init portfolio --name "Dana's accounts" --currency EUR
cd portfolio
git init -q -b main .
ok kam new acme --name "Acme Manufacturing GmbH" --manager "Dana Whitfield" --tier key \
    --client-since 2021-04-01
ok kam new borealis --name "Borealis Energy" --manager "Sam Ortiz" --tier growth \
    --client-since 2025-10-01
ok kam add acme risk --title "Sponsor retiring" --likelihood 2 --impact 4 --review 2026-12-01
ok kam add acme risk --title "Budget freeze" --likelihood 3 --impact 3 --review 2026-12-15
ok kam add acme contract --title "Master services" --status active --start 2021-04-01 \
    --end 2027-03-31 --type msa --annual-value 600000 --notice-days 90
ok kam add acme contract --title "Support" --status active --start 2024-01-01 \
    --end 2026-12-31 --annual-value 40000
git add -A
git commit -qm "Two accounts"
git init -q --bare "$work/origin.git"
git remote add origin "$work/origin.git"
git push -q origin main

step="nothing changed yet"
ok kam diff --exit-code
has "no changes" "$out"

step="a branch that prepares the renewal"
git checkout -q -b renewal-prep
ok kam set acme contracts.C1.end 2028-03-31
ok kam set acme risks.R1.likelihood 5
ok kam set acme risks.R2.status closed
ok kam rm acme contracts.C2
# A hand edit that only reformats: no change in meaning.
sed -i 's/^name: Borealis Energy$/name: "Borealis Energy"   # as registered/' accounts/borealis/account.yaml
ok kam new cobalt --name "Cobalt Logistics" --manager "Dana Whitfield" --tier strategic --status prospect

step="the author reviews the working tree, untracked account included"
refused 1 kam diff --exit-code
has "~ acme (Acme Manufacturing GmbH)" "$out"
has "~ contracts.C1.end: 2027-03-31 -> 2028-03-31" "$out"
has "~ contracts.C1 (notice deadline): 2026-12-31 -> 2028-01-01" "$out"
has "~ risks.R1 (score): 8 (medium) -> 20 (critical)" "$out"
has "- contracts.C2: Support" "$out"
has "+ cobalt (Cobalt Logistics)" "$out"
has "+ critical-risk:" "$out"
lacks "borealis" "$out"

step="staged: only what git add took"
git add accounts/acme
ok kam diff --cached
has "~ acme" "$out"
lacks "cobalt" "$out"
git add -A
export GIT_AUTHOR_DATE="2026-11-20T09:00:00Z" GIT_COMMITTER_DATE="2026-11-20T09:00:00Z"
git commit -qm "Renewal prep: MSA to 2028, risks, drop the support contract"
git push -q origin renewal-prep

step="CI checks out the pull request shallow: a base beyond the boundary is refused with advice"
cd "$work"
git clone -q --depth 1 --branch renewal-prep "file://$work/origin.git" ci
cd ci
refused 2 kam diff HEAD~1 HEAD
has "this clone is shallow" "$err"
has "fetch-depth: 0" "$err"
refused 2 kam diff origin/main...HEAD
ok kam diff
has "no changes" "$out"

step="with the base fetched, the pull request's diff"
git fetch -q --unshallow origin main:refs/remotes/origin/main
ok kam diff origin/main...HEAD
has "merge-base of origin/main and HEAD" "$out"
has "~ acme (Acme Manufacturing GmbH)" "$out"
has "+ cobalt (Cobalt Logistics)" "$out"

step="markdown for the step summary and a sticky comment, within a size limit"
ok kam diff origin/main...HEAD --format markdown --max-bytes 60000
has "<!-- kam-diff -->" "$out"
has "| ✏️ | acme (Acme Manufacturing GmbH) |" "$out"
has '```diff' "$out"
[ "$(wc -c <"$out")" -le 60000 ] || fail "markdown over --max-bytes"
ok kam diff origin/main...HEAD --format markdown --max-bytes 1200
[ "$(wc -c <"$out")" -le 1200 ] || fail "markdown over --max-bytes 1200"
has "left out to fit the size limit" "$out"

step="JSON for scripts"
ok kam diff origin/main...HEAD --format json
python3 - "$out" <<'PY' || fail "JSON not as expected"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format_version"] == 1
acme = next(a for a in d["accounts"] if a["slug"] == "acme")
r = acme["figures"]["risk_exposure"]
assert r["changed"] and (r["before"], r["after"]) == (17, 20), r
assert acme["figures"]["health"]["parts_moved"] == ["risk 64.0 -> 20.0"]
assert any(c["path"] == "contracts.C2" and c["op"] == "removed" for c in acme["changes"])
PY

step="the gates fail the check, annotated for GitHub, after the whole diff"
refused 1 kam diff origin/main...HEAD --format github --fail-on risk-score-rise=10 \
    --fail-on contract-removed --fail-on risk-closed-without-mitigation
has "::error file=accounts/acme/risks.yaml" "$out"
has "title=risk-score-rise::" "$out"
has "title=contract-removed::" "$out"
has "title=risk-closed-without-mitigation::" "$out"
has "1 account changed, 1 account added" "$out"
ok kam diff origin/main...HEAD --fail-on risk-score-rise=13
lacks "[risk-score-rise]" "$out"

step="the same gates from kam.yaml's diff_rules"
printf 'diff_rules:\n  contract-removed: true\n' >>kam.yaml
ok kam validate
refused 1 kam diff origin/main
has "[contract-removed]" "$out"
git checkout -q -- kam.yaml

step="git log -p speaks kam through the diff driver"
git config diff.kam.command 'kam diff --git-driver'
echo '*.yaml diff=kam' >>.git/info/attributes
ok git log -1 -p --ext-diff --format=%s
has "kam diff accounts/acme/contracts.yaml" "$out"
has "~ contracts.C1.end: 2027-03-31 -> 2028-03-31" "$out"
has "kam diff accounts/borealis/account.yaml" "$out"
has "no change in meaning" "$out"
has "kam diff accounts/cobalt/account.yaml" "$out"

echo "ok: the pull request was reviewed, gated and logged in account terms"
