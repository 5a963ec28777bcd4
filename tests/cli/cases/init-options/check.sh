set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# The name is quoted so that YAML reads it back as written.
grep -qxF 'name: "Key: \"EU\" accounts"' pf/kam.yaml
grep -qx 'currency: USD' pf/kam.yaml
# An existing .gitattributes is kept and extended, not replaced.
test "$(cat pf/.gitattributes)" = "$(printf '*.png binary\n# kam: account files keep LF line ends on every platform\n*.yaml text eol=lf')"
test -f pf/accounts/.gitkeep
out=$("$KAM" validate --as-of 2026-11-23 --root pf)
test "$out" = "no findings in 0 accounts"
