#!/usr/bin/env bash
# yaml-language-server (npm) over LSP stdio on a file of a portfolio made by
# kam init + kam new: a bad enum value is reported on its line, tier values are
# offered as completions, hover shows the field's description.
#   yaml_language_server.sh KAM_BINARY SOURCE_DIR NPM_DIR
# The server is installed into NPM_DIR (under the build folder) on first use.
# Exit 77 (skipped) when node/npm are missing or the npm registry is unreachable.
set -euo pipefail
kam=$1
source_dir=$2
npm_dir=$3
version=1.15.0
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "SKIP: node and npm are needed (Debian packages nodejs, npm)"
    exit 77
fi
server="$npm_dir/node_modules/yaml-language-server/bin/yaml-language-server"
if [ ! -f "$server" ]; then
    mkdir -p "$npm_dir"
    if ! timeout 300 npm install --silent --no-audit --no-fund --prefix "$npm_dir" \
        "yaml-language-server@$version" >"$npm_dir/install.log" 2>&1; then
        tail -n 5 "$npm_dir/install.log"
        echo "SKIP: cannot install yaml-language-server@$version from the npm registry"
        exit 77
    fi
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-yls.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$kam" init "$work/p" --name Test >/dev/null
"$kam" --root "$work/p" new acme --name Acme --manager Dana --tier key >/dev/null 2>&1
file="$work/p/accounts/acme/account.yaml"
# shellcheck disable=SC2016 # the modeline's $schema is literal
head -n 1 "$file" | grep -qF '# yaml-language-server: $schema=../../.kam/schema/account.schema.json'
sed -i 's/^tier: key$/tier: platinum/' "$file"
line=$(grep -n '^tier: platinum$' "$file" | cut -d: -f1)
[ -n "$line" ] || { echo "FAIL: no tier line in $file"; exit 1; }
findings=$("$kam" --root "$work/p" validate -q || true)
grep -q "account.yaml:$line:7: error: 'platinum' is not a valid tier" <<<"$findings" ||
    { echo "FAIL: kam does not refuse the tier on line $line: $findings"; exit 1; }
echo "== the file's modeline"
node "$source_dir/tests/editor/lsp_check.js" "$server" "$file" "$((line - 1))" "$((line - 1))" 6
echo "== no modeline: the yaml.schemas of the .vscode/settings.json kam init wrote"
sed -i 1d "$file"
LSP_SETTINGS="$work/p/.vscode/settings.json" LSP_ROOT="$work/p" \
    node "$source_dir/tests/editor/lsp_check.js" "$server" "$file" "$((line - 2))" "$((line - 2))" 6
