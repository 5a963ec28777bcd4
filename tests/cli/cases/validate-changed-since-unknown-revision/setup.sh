. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
commit_at 2026-06-10 "import the portfolio"
