#!/usr/bin/env bash
# Runs one golden CLI case: the real kam binary on a copy of the case's tree,
# then compares exit status, stdout and stderr with the files in expected/.
#
#   tests/cli/run_case.sh KAM_BINARY CASE_DIR
#
# A case folder holds:
#   args          one argument per line (required; may be empty)
#   fixture       optional: the name of a shared input tree in tests/cli/fixtures/
#   tree/         the input (copied over the fixture, if any) into a scratch folder
#                 that becomes the working dir
#   cwd           optional: a sub-folder of the copy to run in
#   env           optional: KEY=VALUE lines added to the environment
#   setup.sh      optional: run in the scratch folder first (symlinks, chmod, junk bytes)
#   check.sh      optional: run after kam, in the scratch folder, with KAM (the binary),
#                 KAM_STDOUT and KAM_STDERR naming the captured output; must exit 0
#   expected/{exit,stdout,stderr}
#   expected/tree.diff  optional: `diff -ruN` of the tree before and after kam ran,
#                 the golden before/after text of an edit (empty: nothing changed)
# With KAM_UPDATE_GOLDEN=1 the expected files are rewritten from this run:
# review the diff before committing it.
set -u
kam=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd)
name=$(basename "$case_dir")
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-case-$name.XXXXXX")
cleanup() { chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/root"
if [ -f "$case_dir/fixture" ]; then
    fixture="$(dirname "$case_dir")/../fixtures/$(cat "$case_dir/fixture")"
    [ -d "$fixture" ] || { echo "FAIL $name: no fixture $fixture"; exit 1; }
    cp -a "$fixture/." "$work/root/"
fi
if [ -d "$case_dir/tree" ]; then cp -a "$case_dir/tree/." "$work/root/"; fi
if [ -f "$case_dir/setup.sh" ]; then
    (cd "$work/root" && bash "$case_dir/setup.sh") || { echo "FAIL $name: setup.sh failed"; exit 1; }
fi
run_dir="$work/root"
if [ -f "$case_dir/cwd" ]; then run_dir="$work/root/$(cat "$case_dir/cwd")"; fi

args=()
if [ -f "$case_dir/args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do args+=("$line"); done < "$case_dir/args"
fi
envs=(env -u GITHUB_ACTIONS -u KAM_ROOT -u NO_COLOR TERM=dumb)
if [ -f "$case_dir/env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do [ -n "$line" ] && envs+=("$line"); done < "$case_dir/env"
fi

# The input as it was, for the tree diff.
want_diff=0
if [ -f "$case_dir/expected/tree.diff" ] || { [ "${KAM_UPDATE_GOLDEN:-}" = 1 ] && [ -f "$case_dir/fixture" ]; }; then
    want_diff=1
    cp -a "$work/root" "$work/before"
fi

(cd "$run_dir" && "${envs[@]}" "$kam" "${args[@]}" >"$work/stdout" 2>"$work/stderr" </dev/null)
status=$?
echo "$status" >"$work/exit"
if [ "$want_diff" = 1 ]; then
    # Without the timestamps of the header lines, which differ from run to run.
    (cd "$work" && LC_ALL=C diff -ruN before root |
        sed -E 's/^(---|\+\+\+) ([^\t]*)\t.*/\1 \2/' >"$work/tree.diff")
fi

if [ "${KAM_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$case_dir/expected"
    cp "$work/stdout" "$work/stderr" "$work/exit" "$case_dir/expected/"
    if [ "$want_diff" = 1 ]; then cp "$work/tree.diff" "$case_dir/expected/"; fi
    echo "updated $name"
fi

fail=0
files=(exit stdout stderr)
if [ "$want_diff" = 1 ]; then files+=(tree.diff); fi
for f in "${files[@]}"; do
    if ! diff -u --label "expected/$f" --label "actual/$f" "$case_dir/expected/$f" "$work/$f"; then fail=1; fi
done
if [ -f "$case_dir/check.sh" ]; then
    if ! (cd "$work/root" && KAM="$kam" KAM_STDOUT="$work/stdout" KAM_STDERR="$work/stderr" bash "$case_dir/check.sh"); then
        echo "check.sh failed"
        fail=1
    fi
fi
if [ "$fail" != 0 ]; then echo "FAIL $name"; exit 1; fi
echo "ok $name"
