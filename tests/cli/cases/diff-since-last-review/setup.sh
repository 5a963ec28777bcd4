. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/alpha-history.sh"
# After the review of 2026-09-01, uncommitted: R1 more likely again.
sed -i "s/^    likelihood: 2$/    likelihood: 5/" accounts/alpha/risks.yaml
