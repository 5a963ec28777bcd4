set -eu
diff -r "$(dirname "$0")/tree" .
