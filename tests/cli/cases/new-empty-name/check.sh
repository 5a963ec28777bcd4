set -eu
# Nothing was written: the tree is exactly as the case left it, and no
# temporary .new-* folder is left in accounts/.
diff -r "$(dirname "$0")/tree" .
! ls -A accounts | grep -q "^\.new-"
