# A shallow clone: the report is written, without sparklines, and says why.
set -e
grep -q '<h2>Trends</h2>' out.html
grep -q 'No sparklines: this clone is shallow' out.html
! grep -q 'class="spark"' out.html
