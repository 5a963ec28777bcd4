. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/alpha-history.sh"
# A review recorded now, dated before the repository began.
sed -i "s/^  - date: 2026-09-01$/  - date: 2026-01-15/" accounts/alpha/reviews.yaml
