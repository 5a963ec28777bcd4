bash "$(dirname "$0")/../../diff/repo.sh"
# A commit whose risks.yaml does not parse: the account's figures are
# unreadable at it, and kam diff still finishes with exit 0.
printf 'risks:\n  - id: R1\n    title: [unclosed\n' > accounts/acme/risks.yaml
sed -i 's/^manager: Ann$/manager: Anna/' accounts/acme/account.yaml
GIT_AUTHOR_NAME=A GIT_AUTHOR_EMAIL=a@example.com GIT_COMMITTER_NAME=A GIT_COMMITTER_EMAIL=a@example.com \
    GIT_AUTHOR_DATE='2026-03-04T10:00:00Z' GIT_COMMITTER_DATE='2026-03-04T10:00:00Z' \
    git commit -q -am 'Broken risks'
