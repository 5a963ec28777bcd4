. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
commit_at 2026-06-10 "import the portfolio"
cp accounts/alpha/account.yaml /tmp/kam-case-account.yaml.$$
sed -i 's/^status: active$/status: actve/' accounts/alpha/account.yaml
git add accounts/alpha/account.yaml
cp /tmp/kam-case-account.yaml.$$ accounts/alpha/account.yaml && rm /tmp/kam-case-account.yaml.$$
