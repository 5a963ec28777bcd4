# --wide keeps the one table, uncut.
grep -q '^Account  *Tier  *Attr\.  *Str\.  *Quadrant  *Action  *Suggested  *Mismatch$' "$KAM_STDOUT"
! grep -q '^Part ' "$KAM_STDOUT"
! grep -q '…' "$KAM_STDOUT"
