# Every line fits 80 columns (code points), the grid included.
python3 - "$KAM_STDOUT" <<'PY'
import sys
wide = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 80]
for l in wide:
    print(len(l), l, file=sys.stderr)
sys.exit(1 if wide else 0)
PY
# Nothing is cut to fit: the tables are printed in parts instead.
! grep -q '…' "$KAM_STDOUT"
