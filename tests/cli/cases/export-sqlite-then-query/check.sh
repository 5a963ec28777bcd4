# The file exists whole (no temporary left) and kam query --db answers from it.
# Compared with expected/check.out (rewritten under KAM_UPDATE_GOLDEN=1).
set -euo pipefail
want="$(dirname "$0")/expected/check.out"
got=$(
ls -A | grep -v '^accounts$\|^kam.yaml$' || true
"$KAM" query --db portfolio.sqlite --format csv "SELECT key, value FROM kam_meta WHERE key IN ('schema_version', 'as_of', 'git_commit') ORDER BY key"
)
if [ "${KAM_UPDATE_GOLDEN:-}" = 1 ]; then printf '%s\n' "$got" >"$want"; fi
diff -u "$want" - <<<"$got"
