set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

test -f newdir/kam.yaml
test -f newdir/accounts/.gitkeep && ! test -s newdir/accounts/.gitkeep
test -f newdir/.gitattributes
grep -qx '\*.yaml text eol=lf' newdir/.gitattributes
grep -qx 'kam: 1' newdir/kam.yaml
grep -qx 'name: newdir' newdir/kam.yaml
grep -qx 'currency: EUR' newdir/kam.yaml
# Exactly these entries, nothing else.
test "$(cd newdir && find . | LC_ALL=C sort | tr '\n' ' ')" = ". ./.gitattributes ./accounts ./accounts/.gitkeep ./kam.yaml "
# The new portfolio is clean.
out=$("$KAM" validate --as-of 2026-11-23 --root newdir)
test "$out" = "no findings in 0 accounts"
