. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/alpha-history.sh"
# After the review, committed: C1 raised again.
sed -i "s/^    annual_value: 650000$/    annual_value: 700000/" accounts/alpha/contracts.yaml
commit_at 2026-11-02 "alpha: C1 raised again"
