#!/usr/bin/env bash
# The zsh and fish completions kam generates parse in their shells
# (`zsh -n`, `fish -n`); fish also answers `complete -C` with kam's words.
# Exit 77 (skipped) when the shell is not installed.
#   syntax.sh KAM_BINARY zsh|fish SOURCE_DIR
set -euo pipefail
kam=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shell=$2
source_dir=$(cd "$3" && pwd)
if ! command -v "$shell" >/dev/null; then
    echo "SKIP: $shell is not installed (Debian package $shell)"
    exit 77
fi
script=$(mktemp "${TMPDIR:-/tmp}/kam-completion.XXXXXX")
trap 'rm -f "$script"' EXIT
"$kam" completion "$shell" >"$script"
"$shell" -n "$script"
grep -q 'validate' "$script"
grep -q 'gitlab' "$script"
echo "ok: $shell -n accepts the $shell completion ($(wc -l <"$script") lines)"
if [ "$shell" = fish ]; then
    cd "$source_dir/examples/portfolio"
    got=$(PATH="$(dirname "$kam"):$PATH" fish -c "source $script; complete -C 'kam validate --format '" | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "github gitlab json junit sarif text " ] || { echo "FAIL: fish: kam validate --format <Tab>: $got"; exit 1; }
    got=$(PATH="$(dirname "$kam"):$PATH" fish -c "source $script; complete -C 'kam show ac'" | cut -f1 | tr '\n' ' ')
    [ "$got" = "acme-manufacturing " ] || { echo "FAIL: fish: kam show ac<Tab>: $got"; exit 1; }
    got=$(PATH="$(dirname "$kam"):$PATH" fish -c "source $script; complete -C 'kam set acme-manufacturing risks.RISK-001.status '" | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "accepted closed mitigating open " ] || { echo "FAIL: fish: kam set ... status <Tab>: $got"; exit 1; }
    echo "ok: fish completes kam validate --format <Tab>, kam show ac<Tab>, kam set SLUG PATH <Tab>"
fi
