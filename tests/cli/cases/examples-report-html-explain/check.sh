# kam report --explain: the matrix, value and whitespace sections (and each
# account's) end in a <details> block naming, for every figure, its section of
# kam-metrics(7) and its inputs at file:line:column. Read back by an outside
# parser (xmllint's HTML parser, XPath), then every input is checked against
# the file it names (check_sources.py) and every figure a derived one names
# is explained too.
set -e
test -f out.html
! grep -q '<script' out.html
x() { xmllint --html --xpath "$1" out.html 2>/dev/null; }
for section in matrix value whitespace; do
    n=$(x "count(//section[@id='$section']/details[@class='sources']/ul/li)")
    [ "$n" -gt 20 ] || { echo "$section: $n explanations"; exit 1; }
done
# Every account placed on the matrix: its scores under the matrix's section, with an input line.
for slug in acme-manufacturing helvetia-pharma northwind-logistics borealis-energy \
    meridian-retail cobalt-software; do
    f=$(x "string(//section[@id='matrix']//li[@data-account='$slug'][@data-figure='attractiveness_size']//span[@class='formula']/i)")
    [ "$f" = "The portfolio matrix" ] || { echo "$slug attractiveness_size: formula '$f'"; exit 1; }
    at=$(x "string(//section[@id='matrix']//li[@data-account='$slug'][@data-figure='attractiveness_size']//code[@class='at'])")
    case "$at" in accounts/$slug/*.yaml:*:*) ;; *) echo "$slug: input at '$at'"; exit 1 ;; esac
done
# A rank names the account ranked above it; a quadrant count the accounts it counts.
[ "$(x "count(//section[@id='value']//li[@data-account='borealis-energy'][@data-figure='margin_rank']/ul/li[@class='from'])")" = 3 ]
[ "$(x "count(//section[@id='matrix']//li[@data-figure='strategic']/ul/li[@class='from'])")" = 3 ]
# Each account's section explains its own figures and records.
[ "$(x "count(//section[@class='account']/details[@class='sources'])")" = 9 ]
x "string(//section[@class='account']//li[@data-account='acme-manufacturing'][@data-figure='people: krause']//code[@class='at'])" |
    grep -q '^accounts/acme-manufacturing/profile.yaml:[0-9]*:[0-9]*$'
# The page's inputs as check_sources.py reads them.
python3 - <<'PY'
import html, json, re
page = open("out.html", encoding="utf-8").read()
out, current = [], None
for line in page.split("\n"):
    m = re.match(r'<li data-account="([^"]*)" data-figure="([^"]*)">', line)
    if m:
        current = {"account": html.unescape(m[1]) or None, "figure": html.unescape(m[2]),
                   "sources": [], "from": []}
        out.append(current)
        continue
    m = re.match(r'<li class="input"><code class="at">([^<]*)</code> <code>([^<]*)</code> = (.*)</li>$', line)
    if m:
        where = html.unescape(m[1])
        parts = where.rsplit(":", 2)
        src = {"path": html.unescape(m[2]), "value": html.unescape(m[3])}
        if len(parts) == 3 and parts[1].isdigit():
            src.update(file=parts[0], line=int(parts[1]), column=int(parts[2]))
        else:
            src.update(file=where, line=None, column=None)
        current["sources"].append(src)
        continue
    m = re.match(r'<li class="from" data-account="([^"]*)" data-figure="([^"]*)">from <code>[^<]*</code> = (.*)</li>$', line)
    if m:
        current["from"].append({"account": html.unescape(m[1]) or None,
                                "figure": html.unescape(m[2]), "value": html.unescape(m[3])})
# Every derived-from line was read (a renderer change must not make this check pass by reading none).
parsed = sum(len(e["from"]) for e in out)
assert parsed > 0 and parsed == page.count('<li class="from"'), parsed
json.dump({"explanations": out}, open("page-sources.json", "w"))
PY
python3 "$(dirname "$0")/../../lib/check_sources.py" page-sources.json 1000
