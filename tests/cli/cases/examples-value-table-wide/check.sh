# --wide keeps the one table, uncut: its header carries every column's short title.
grep -q '^Account  *Tier  *Revenue  *Margin  *%  *%  *Rank  *%  *History  *Forward  *CLV  *trim  *Rel\.  *Suggested$' "$KAM_STDOUT"
! grep -q '^Part ' "$KAM_STDOUT"
! grep -q '…' "$KAM_STDOUT"
