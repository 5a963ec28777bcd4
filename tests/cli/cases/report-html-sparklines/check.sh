# Sparklines of health, NPS, ACV and pipeline for the two key accounts, each
# SVG well-formed XML to an outside parser (xmllint), its values in its
# aria-label, and the page still self-contained.
set -e
test -f out.html
! grep -q '<script' out.html
grep -q '<h2>Trends</h2>' out.html
python3 - <<'PY'
import re
html = open("out.html", encoding="utf-8").read()
svgs = re.findall(r'<svg[^>]*class="spark".*?</svg>', html)
assert len(svgs) == 12, len(svgs)  # 3 key accounts (alpha, delta, zeta) x 4 figures
for i, s in enumerate(svgs):
    open(f"spark-{i}.svg", "w", encoding="utf-8").write(s)
PY
if command -v xmllint >/dev/null; then
    for f in spark-*.svg; do xmllint --noout "$f"; done
    # Alpha's ACV (its third sparkline) as a screen reader gets it.
    label=$(xmllint --xpath 'string(/*[local-name()="svg"]/@aria-label)' spark-2.svg)
    # C1 raised from 600,000 to 650,000 on 2026-08-05 (ACV adds its other contracts).
    [ "$label" = "acv, by month end: 2026-06 741,975; 2026-07 741,975; 2026-08 791,975; 2026-09 791,975; 2026-10 791,975; 2026-11 791,975" ] ||
        { echo "alpha's acv label: $label"; exit 1; }
    title=$(xmllint --xpath 'string(/*[local-name()="svg"]/*[local-name()="title"])' spark-2.svg)
    [ "$title" = "$label" ]
    # Zeta (created 2026-10-01): its months before are gaps with their reason, and no line.
    label=$(xmllint --xpath 'string(/*[local-name()="svg"]/@aria-label)' spark-8.svg)
    case "$label" in "health, by month end: 2026-06 no value (account not yet created);"*) ;;
        *) echo "zeta's health label: $label"; exit 1 ;; esac
    [ "$(xmllint --xpath 'count(//*[local-name()="polyline"])' spark-8.svg)" = 0 ]
fi
