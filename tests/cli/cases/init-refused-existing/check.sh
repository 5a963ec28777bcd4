set -eu
# Nothing was changed: the tree is exactly what the case started with.
case_tree=$(dirname "$0")/tree
diff -r "$case_tree" .
