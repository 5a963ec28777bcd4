bash "$(dirname "$0")/../../diff/repo.sh"
