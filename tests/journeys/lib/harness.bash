# shellcheck shell=bash disable=SC2034
# What every journey shares; source it after setting kam_bin (the binary,
# absolute) and work (an empty folder). It fixes git's identity, clock and
# configuration, the as-of day, `kam` (the binary as of that day, also first
# on PATH for git's hooks and drivers) and the step helpers:
#   step="..."              names what follows, for the failure message
#   ok CMD...               must exit 0; stdout in $out, stderr in $err
#   refused STATUS CMD...   must exit with STATUS
#   has TEXT FILE / lacks TEXT FILE
#   fail MESSAGE            ends the journey with the step, the message and
#                           what the last command printed
export GIT_AUTHOR_NAME=Dana GIT_AUTHOR_EMAIL=dana@example.com
export GIT_COMMITTER_NAME=Dana GIT_COMMITTER_EMAIL=dana@example.com
export GIT_AUTHOR_DATE="2026-11-02T09:00:00Z" GIT_COMMITTER_DATE="2026-11-02T09:00:00Z"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset KAM_ROOT GITHUB_ACTIONS NO_COLOR || true
day=2026-11-23
kam() { "$kam_bin" --as-of "$day" "$@"; }
# Hooks and diff drivers call the kam on PATH: this one, as of the same day.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec "%s" --as-of %s "$@"\n' "$kam_bin" "$day" >"$work/bin/kam"
chmod +x "$work/bin/kam"
export PATH="$work/bin:$PATH"
step=""
out="$work/out" err="$work/err"
fail() {
    echo "FAIL [$step]: $*"
    echo "--- stdout"; head -60 "$out" 2>/dev/null
    echo "--- stderr"; head -40 "$err" 2>/dev/null
    exit 1
}
ok() { "$@" >"$out" 2>"$err" || fail "exit $? from: $*"; }
refused() {
    local want=$1; shift
    local got=0
    "$@" >"$out" 2>"$err" || got=$?
    [ "$got" = "$want" ] || fail "exit $got, expected $want, from: $*"
}
has() { grep -qF -- "$1" "$2" || fail "'$1' not in $2"; }
lacks() { ! grep -qF -- "$1" "$2" || fail "'$1' unexpectedly in $2"; }
