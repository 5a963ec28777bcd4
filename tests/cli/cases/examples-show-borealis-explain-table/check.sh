# The same explanations as JSON, every source checked against its file
# (Borealis' SWOT has items written as plain texts: list items by index).
"$KAM" show borealis-energy --as-of 2026-11-23 --explain --format json >borealis.json
python3 "$(dirname "$0")/../../lib/check_sources.py" borealis.json 100
