set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

test -f newdir/kam.yaml
test -f newdir/accounts/.gitkeep && ! test -s newdir/accounts/.gitkeep
test -f newdir/.gitattributes
grep -qx '\*.yaml text eol=lf' newdir/.gitattributes
# What kam may leave behind stays out of commits: the lock, an edit's temporary file.
grep -qx '.kam-lock' newdir/.gitignore
grep -qxF '*.kam-??????' newdir/.gitignore
(cd newdir && git init -q . && touch accounts/.kam-lock kam.yaml.kam-AbC123 &&
    test -z "$(git status --porcelain --untracked-files=all -- accounts/.kam-lock kam.yaml.kam-AbC123)" &&
    rm accounts/.kam-lock kam.yaml.kam-AbC123 && rm -rf .git)
grep -qx 'kam: 1' newdir/kam.yaml
grep -qx 'name: newdir' newdir/kam.yaml
grep -qx 'currency: EUR' newdir/kam.yaml
# Exactly these entries, nothing else.
test "$(cd newdir && find . -path ./.kam/schema/'*' -prune -o -print | LC_ALL=C sort | tr '\n' ' ')" = ". ./.gitattributes ./.gitignore ./.kam ./.kam/schema ./.vscode ./.vscode/extensions.json ./.vscode/settings.json ./accounts ./accounts/.gitkeep ./kam.yaml "
# The portfolio's copy of the schemas is this kam's, and kam.yaml points at it.
"$KAM" --root newdir schema --check >/dev/null
test "$(head -n 1 newdir/kam.yaml)" = '# yaml-language-server: $schema=.kam/schema/kam.schema.json'
grep -qF '"./.kam/schema/risks.schema.json": ["accounts/*/risks.yaml"]' newdir/.vscode/settings.json
grep -qF '"redhat.vscode-yaml"' newdir/.vscode/extensions.json
# The new portfolio is clean.
out=$("$KAM" validate --as-of 2026-11-23 --root newdir)
test "$out" = "no findings in 0 accounts"
