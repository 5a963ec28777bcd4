. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
commit_at 2026-06-10 "import the portfolio"
sed -i 's/^status: at-risk$/status: at-rsk/' accounts/beta/account.yaml
commit_at 2026-06-11 'beta: an old typo'
git checkout -q -b topic
printf '\n\n' | cat - accounts/beta/account.yaml > /tmp/kam-case-acc.$$ && mv /tmp/kam-case-acc.$$ accounts/beta/account.yaml
sed -i 's/^tier: key$/tier: kye/' accounts/alpha/account.yaml
