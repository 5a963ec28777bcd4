set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# All nine account files, nothing else, and no temporary folder left over.
test "$(ls -A accounts | tr '\n' ' ')" = "acme "
test "$(ls -A accounts/acme | tr '\n' ' ')" = "account.yaml blueprint.yaml contracts.yaml performance.yaml profile.yaml reviews.yaml risks.yaml sales.yaml swot.yaml "
grep -qx 'name: Acme' accounts/acme/account.yaml
grep -qx 'tier: key' accounts/acme/account.yaml
grep -qx 'manager: Dana' accounts/acme/account.yaml
grep -qx 'client_since: 2025-04-01' accounts/acme/account.yaml
grep -qx 'currency: EUR' accounts/acme/account.yaml
# No date is invented: the SWOT has not been reviewed yet.
grep -qx 'updated:' accounts/acme/swot.yaml
# The new account is clean (a client since April 2025 with no review is overdue, though).
test "$("$KAM" validate --as-of 2025-04-02)" = "no findings in 1 account"
