set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# The name defaults to the folder's own name.
grep -qx "name: acme-portfolio" acme-portfolio/kam.yaml
test -f acme-portfolio/accounts/.gitkeep && test -f acme-portfolio/.gitattributes
test "$("$KAM" validate --as-of 2026-11-23 --root acme-portfolio)" = "no findings in 0 accounts"
