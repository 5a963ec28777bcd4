#!/usr/bin/env bash
# A consultant's first week with kam, from an empty folder, as a person does it:
# init and new, add every kind of record and set every field the templates
# leave empty, hand edits with the mistakes people make, validate, every
# report in every format, a commit through contrib/hooks/pre-commit, and a
# second clone editing the same account.
#
#   tests/journeys/first-week.sh KAM_BINARY SOURCE_DIR
#
# Each step says what it does; the first failing step ends the journey with
# its name, the command and what kam printed.
set -euo pipefail
kam_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-journey.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# shellcheck source-path=SCRIPTDIR source=lib/harness.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.bash"

cd "$work"

step="init an empty folder"
ok kam init portfolio --name "Dana's accounts" --currency EUR
cd portfolio
for f in kam.yaml accounts/.gitkeep .gitattributes .gitignore; do [ -e "$f" ] || fail "no $f"; done
git init -q -b main .
cp "$src/contrib/hooks/pre-commit" .git/hooks/pre-commit
git add -A
git commit -qm "portfolio" || fail "first commit"

step="three accounts from kam new"
ok kam new acme --name "Acme Manufacturing GmbH" --manager "Dana Whitfield" --tier key \
    --client-since 2021-04-01
ok kam new borealis --name "Borealis Energy" --manager "Sam Ortiz" --tier growth \
    --client-since 2025-10-01
ok kam new cobalt --name "Cobalt Logistics" --manager "Dana Whitfield" --tier strategic --status prospect
has "client_since: 2021-04-01" accounts/acme/account.yaml
grep -qx "client_since:" accounts/cobalt/account.yaml || fail "cobalt got an invented client_since"
ok kam validate
# A key client since 2021 with no review on record is overdue for one: true, and only a warning.
has "0 errors, 1 warning in 1 of 3 accounts" "$out"
has "[review-overdue]" "$out"

step="set every field the templates leave empty"
sets=(
    "account.relationship intense" "account.growth_potential high" "account.replaceability low"
    "account.share_of_wallet 35" "account.mission Be_the_plant_modernisation_partner" "account.background Since_2021"
    "account.overview Family-owned_maker_of_gearboxes" "account.position.current Sole_MES_supplier"
    "account.position.scope MES_and_support"
    "profile.industry Manufacturing" "profile.market Europe" "profile.business Gearboxes"
    "profile.headquarters Stuttgart" "profile.structure Three_plants" "profile.employees 4200"
    "profile.annual_revenue 1450000000" "profile.procurement.process Annual_tender"
    "profile.procurement.preferred_supplier true" "profile.procurement.payment_terms_days 60"
    "profile.procurement.next_tender 2027-03-01"
    "swot.updated 2026-11-02" "blueprint.strategy Land_and_expand" "blueprint.horizon 2027-12-31"
)
for s in "${sets[@]}"; do
    read -r path value <<<"$s"
    ok kam set acme "$path" "${value//_/ }"
done
has "relationship: intense" accounts/acme/account.yaml
has "  current: Sole MES supplier" accounts/acme/account.yaml
has "  process: Annual tender" accounts/acme/profile.yaml

step="add every kind of record kam knows"
ok kam add acme person --name "Martina Krause" --role decision-maker --relationship good \
    --last-contact 2026-11-10
# A second strong relationship, owned by someone else: acme is not single-threaded.
ok kam add acme person --name "Jonas Lang" --role influencer --relationship strong \
    --owner "Sam Ortiz"
has "added person P2" "$err"
ok kam add acme supplier --name "Siemens" --scope PLCs --share 40
ok kam add acme client-competitor --name "Flender"
ok kam add acme goal --title "Renew the MSA" --status on-track --due 2027-03-31
ok kam add acme action --title "Prepare the renewal offer" --goal G1 --due 2026-12-15
ok kam add acme competitor --name "Rival AG" --threat medium
ok kam add acme offering --name "MES" --stage current
ok kam add acme risk --title "Sponsor retiring" --likelihood 3 --impact 4 --review 2026-12-01
ok kam add acme contract --title "Master services" --status active --start 2021-04-01 \
    --end 2027-03-31 --type msa --annual-value 600000 --notice-days 90
ok kam add acme sla --contract C1 --name Uptime --target 99.5 --actual 99.7
ok kam add acme financials --period 2025 --revenue 580000 --cost 430000
ok kam add acme scorecard --perspective customer --measure NPS --target 30 --actual 25
ok kam add acme issue --title "Line 3 outage" --severity high --opened 2026-10-02
ok kam add acme opportunity --title "Plant 3 rollout" --stage proposal --value 250000 \
    --close 2027-02-28 --contact P1
# A proposal needs its qualification (opportunity-unqualified).
for q in budget authority need timeline; do
    ok kam set acme "sales.opportunities.O1.qualification.$q" true
done
ok kam add acme review --date 2026-11-04 --type qbr --attendee "Dana Whitfield" \
    --attendee "Martina Krause" --action "Send the renewal plan" --next 2027-02-04
ok kam add acme survey --date 2026-11-04 --respondent P1 --nps 9 --csat 4.5
ok kam add acme reference --date 2026-09-12 --visitor "Borealis Energy" --outcome positive
ok kam add acme history --date 2021-04-01 --event "First order"
ok kam add acme team --name "Sam Ortiz" --role "Solution architect"
ok kam add acme tag strategic
ok kam add acme tag manufacturing
ok kam add acme objective "Keep the MSA past 2027"
ok kam add acme swot --quadrant strengths --text "Sole MES supplier"
ok kam add acme swot --quadrant threats --text "Rival bundles hardware" --impact high
has "  - id: P1" accounts/acme/profile.yaml
has "    attendees:" accounts/acme/reviews.yaml
has "      - Martina Krause" accounts/acme/reviews.yaml
has "  - strategic" accounts/acme/account.yaml
ok kam validate accounts/acme
lacks ": error:" "$out"  # no error finding (the summary line says "0 errors")

step="the edits kept the templates' comments"
has "# intense | moderate | arms-length" accounts/acme/account.yaml
has "#   - id: P1" accounts/acme/profile.yaml

step="kam refuses what would break the account"
refused 2 kam rm acme profile.people.P1
has "sales.yaml:" "$err"
has "reviews.yaml:" "$err"
refused 2 kam set acme risks.R1.likelihood 7
refused 2 kam add acme risk --title "No score"
[ -z "$(find accounts -name '*.kam-*' -o -name .kam-lock)" ] || fail "an edit left files behind"

step="get speaks JSON"
ok kam get acme risks.R1 --format json
jq -e '.likelihood == 3 and .impact == 4' "$out" >/dev/null || fail "get -f json types"

step="hand edits with the mistakes people make"
cat >>accounts/borealis/risks.yaml <<'YAML'
  - id: R1
    title: Budget freeze
    likelihood: 4
    impact: 3
    status: opne
YAML
refused 1 kam validate
has "accounts/borealis/risks.yaml" "$out"
has "did you mean 'open'?" "$out"
sed -i 's/status: opne/status: open/' accounts/borealis/risks.yaml
ok kam validate

step="every report, every format"
for report in summary renewals risks pipeline actions keys matrix value whitespace; do
    for format in table markdown json csv; do
        ok kam "$report" --format "$format"
        [ -s "$out" ] || fail "$report --format $format printed nothing"
        if [ "$format" = json ]; then jq -e . "$out" >/dev/null || fail "$report json"; fi
    done
done
for format in table markdown json; do ok kam show acme --format "$format"; done
has "Acme Manufacturing GmbH" "$out"
ok kam report -o report.html
xmllint --html --noout report.html 2>"$err" || fail "report.html does not parse"
ok kam validate --format junit --strict
xmllint --noout "$out" || fail "junit is not XML"
ok kam validate --format sarif
jq -e '.runs[0].tool.driver.name == "kam"' "$out" >/dev/null || fail "sarif"
rm report.html

step="a commit through the hook"
git add -A
git commit -qm "three accounts" >"$out" 2>"$err" || fail "a clean commit was refused"

step="the hook keeps a broken account out"
# Deleting a person that sales.yaml and reviews.yaml name: profile.yaml alone
# looks fine, the account does not.
python3 - <<'PY'
import re
p = "accounts/acme/profile.yaml"
s = open(p).read()
start = s.index("\n  - id: P1\n") + 1
end = s.index("\n  - id: P2\n") + 1
open(p, "w").write(s[:start] + s[end:])
PY
git add accounts/acme/profile.yaml
if git commit -qm "drop Martina" >"$out" 2>"$err"; then fail "the hook let dangling references in"; fi
cat "$out" >>"$err"
has "accounts/acme/sales.yaml" "$err"
has "accounts/acme/reviews.yaml" "$err"
lacks "yaml-syntax" "$err"
git checkout -q HEAD -- accounts/acme/profile.yaml

step="the hook checks what is staged, not the working tree"
# A broken value staged, then mended in the working tree only: the commit
# would carry the broken one, so it is refused.
cp accounts/acme/account.yaml "$work/account.yaml"
sed -i 's/^status: active$/status: actve/' accounts/acme/account.yaml
git add accounts/acme/account.yaml
cp "$work/account.yaml" accounts/acme/account.yaml
ok kam validate accounts/acme
if git commit -qm "staged typo" >"$out" 2>"$err"; then fail "the hook let a staged error in"; fi
cat "$out" >>"$err"
has "actve" "$err"
# The other way round: a mended index with a broken working tree commits.
git add accounts/acme/account.yaml
sed -i 's/^status: active$/status: actve/' accounts/acme/account.yaml
git commit -qm "no change" --allow-empty >"$out" 2>"$err" || fail "the hook judged the working tree"
cp "$work/account.yaml" accounts/acme/account.yaml

step="she left: left_on keeps the survey history valid"
ok kam set acme profile.people.P1.left_on 2026-11-20
ok kam validate accounts/acme
git commit -qam "Martina left" || fail "commit of left_on"

step="a second clone edits the same account"
cd "$work"
git clone -q portfolio second
cd second
cp "$src/contrib/hooks/pre-commit" .git/hooks/pre-commit
ok kam add acme risk --title "Price pressure" --likelihood 2 --impact 3
git commit -qam "a risk from the second clone" || fail "second clone commit"
cd "$work/portfolio"
ok kam add acme risk --title "Key engineer leaving" --likelihood 3 --impact 3
git commit -qam "a risk from the first clone" || fail "first clone commit"
git pull -q --no-rebase --no-edit "$work/second" main >"$out" 2>&1 || true
grep -q '^<<<<<<<' accounts/acme/risks.yaml || fail "both clones added R2: expected a conflict"
step="a merge conflict reads as one"
refused 1 kam validate accounts/acme
has "accounts/acme/risks.yaml" "$out"
has "git conflict marker" "$out"
# A person resolves it by keeping both risks: ours, then theirs' new item.
git show HEAD:accounts/acme/risks.yaml >accounts/acme/risks.yaml
git show MERGE_HEAD:accounts/acme/risks.yaml |
    python3 -c 'import sys; s = sys.stdin.read(); print(s[s.rindex("  - id: R2"):], end="")' \
        >>accounts/acme/risks.yaml
step="after the merge, duplicate ids are refused, not guessed"
[ "$(grep -c '^  - id: R2' accounts/acme/risks.yaml)" = 2 ] || fail "expected two R2"
refused 1 kam validate accounts/acme
has "[id-duplicate]" "$out"
refused 2 kam set acme risks.R2.status closed
has "names 2 items" "$err"
python3 - <<'PY'
p = "accounts/acme/risks.yaml"
s = open(p).read()
i = s.rindex("  - id: R2\n")
open(p, "w").write(s[:i] + "  - id: R3\n" + s[i + len("  - id: R2\n"):])
PY
ok kam validate accounts/acme
git add -A
git commit -qm "merge both risks" || fail "merge commit"
ok kam risks --format csv
[ "$(grep -c '^acme,' "$out")" = 3 ] || fail "three live risks after the merge"
echo "journey first-week: every step passed"
