#!/usr/bin/env bash
# Debian's pre-commit runs this project's .pre-commit-hooks.yaml in a scratch
# repository holding a small portfolio: a clean commit passes, a commit with a
# bad enum value is refused with kam's finding.
#   hook.sh KAM_BINARY SOURCE_DIR
# Exit 77 (skipped) when pre-commit is not installed.
set -euo pipefail
kam=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
if ! command -v pre-commit >/dev/null; then
    echo "SKIP: pre-commit is not installed (Debian package pre-commit)"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
PATH="$(dirname "$kam"):$PATH"
export PATH PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=kam GIT_AUTHOR_EMAIL=kam@example.org \
    GIT_COMMITTER_NAME=kam GIT_COMMITTER_EMAIL=kam@example.org
mkdir -p "$HOME"
fail() { echo "FAIL: $*"; exit 1; }

# The hook repository: this project's .pre-commit-hooks.yaml, at a commit.
git init -q "$work/hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# The portfolio repository.
repo="$work/portfolio"
kam init "$repo" --name Test >/dev/null
kam --root "$repo" new acme --name Acme --manager Dana --tier key >/dev/null 2>&1
cd "$repo"
git init -q .
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: kam-validate
YAML
pre-commit --version
pre-commit install >/dev/null
git add -A
if ! git commit -qm "a clean portfolio" >"$work/out" 2>&1; then
    cat "$work/out"
    fail "a clean commit was refused"
fi
grep -q "kam validate.*Passed" "$work/out" || { cat "$work/out"; fail "the hook did not run on the clean commit"; }
echo "ok: a clean commit passes: $(grep 'kam validate' "$work/out")"

sed -i 's/^tier: key$/tier: platinum/' accounts/acme/account.yaml
grep -q '^tier: platinum$' accounts/acme/account.yaml || fail "the fixture has no tier line"
git add accounts/acme/account.yaml
if git commit -qm "a bad tier" >"$work/out" 2>&1; then
    cat "$work/out"
    fail "a commit with tier: platinum was accepted"
fi
grep -q "kam validate.*Failed" "$work/out" || { cat "$work/out"; fail "the hook did not fail"; }
grep -q "accounts/acme/account.yaml:[0-9]*:[0-9]*: error: 'platinum' is not a valid tier.*\[schema-enum\]" "$work/out" ||
    { cat "$work/out"; fail "kam's finding is not in the hook's output"; }
[ "$(git rev-list --count HEAD)" = 1 ] || fail "the refused commit was made"
echo "ok: a commit with a bad tier is refused: $(grep -m1 'platinum' "$work/out")"

# A file outside the hook's pattern does not run it.
git checkout -q HEAD -- accounts/acme/account.yaml
echo "notes" >README.txt
git add README.txt
git commit -qm "not an account file" >"$work/out" 2>&1 || { cat "$work/out"; fail "an unrelated commit was refused"; }
grep -q "kam validate.*Skipped" "$work/out" || { cat "$work/out"; fail "the hook ran on a file it does not match"; }
echo "ok: a commit of other files skips the hook"
