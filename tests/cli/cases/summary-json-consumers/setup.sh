# The demo portfolio as committed; the JSON (written a row at a time) read back
# by Python's json module and jq in check.sh.
cp -a "$(dirname "$0")/../../../../examples/portfolio/." .
