. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/alpha-history.sh"
