# --no-history: no Trends section, no sparkline, nothing about git.
set -e
test -f out.html
! grep -q '<h2>Trends</h2>' out.html
! grep -q 'class="spark"' out.html
