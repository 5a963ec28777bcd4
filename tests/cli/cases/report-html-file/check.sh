# The file holds one whole HTML page with the key accounts only, and no script.
set -e
test -f out.html
[ "$(head -n 1 out.html)" = "<!DOCTYPE html>" ]
[ "$(tail -n 1 out.html)" = "</html>" ]
! grep -q '<script' out.html
grep -q '<h2>Account Alpha Industries</h2>' out.html
grep -q '<h2>Account Delta Logistics</h2>' out.html
! grep -q '<h2>Account Gamma Foods</h2>' out.html
[ "$(grep -c '<svg' out.html)" = 5 ]  # Pareto, heat map, timeline, stages, matrix
