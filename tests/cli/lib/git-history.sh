# Sourced by the setup.sh of golden cases that need a git history: a
# repository in the scratch folder, with fixed names and dates so that commit
# ids are the same in every run.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Ann Archer" GIT_AUTHOR_EMAIL=ann@example.com
export GIT_COMMITTER_NAME="Ann Archer" GIT_COMMITTER_EMAIL=ann@example.com
git init -q -b main .

# commit_at DATE MESSAGE: commits everything, authored and committed on DATE.
commit_at() {
    git add -A
    GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" git commit -q -m "$2"
}
