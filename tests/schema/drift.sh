#!/usr/bin/env bash
# The committed schema/ folder is exactly what `kam schema -o DIR` writes.
#   drift.sh KAM_BINARY COMMITTED_DIR
set -euo pipefail
kam=$1
committed=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-schema-drift.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kam" schema -o "$work/schema" >/dev/null
if ! diff -ru "$committed" "$work/schema"; then
    echo "FAIL: $committed differs from 'kam schema' output; regenerate it with:"
    echo "  kam schema -o schema"
    exit 1
fi
echo "ok: $committed matches 'kam schema' ($(find "$work/schema" -type f | wc -l) files)"
