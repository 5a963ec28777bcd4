set -e
python3 - "$KAM_STDOUT" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
assert doc["format_version"] == 1 and doc["report"] == "summary", doc.get("report")
assert list(doc)[-3:] == ["accounts", "totals", "alerts"], list(doc)
rows = doc["accounts"]
assert doc["account_count"] == len(rows) > 1, len(rows)
assert all(r["tier"] == "key" for r in rows)
assert list(rows[0])[:3] == ["slug", "name", "tier"], list(rows[0])
revenue = [r["annual_revenue"] for r in rows if r["annual_revenue"] is not None]
assert revenue == sorted(revenue, reverse=True), revenue
for r in rows:
    for key in r.get("reasons", {}):
        assert r[key] is None, key
PY
jq -e '(.alerts | length) > 0 and (.totals | has("annual_revenue"))' "$KAM_STDOUT" >/dev/null
