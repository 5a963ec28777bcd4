. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
commit_at 2026-06-10 "import the portfolio"
git checkout -q -b topic
sed -i 's/^status: at-risk$/status: at-rsk/' accounts/beta/account.yaml
commit_at 2026-07-01 'beta: a typo'
git checkout -q main
sed -i 's/^tier: maintain$/tier: maintian/' accounts/gamma/account.yaml
commit_at 2026-07-02 'gamma: a typo on main'
git checkout -q topic
mkdir -p accounts/omega && printf 'name: Omega\nstatus: active\ntier: growth\nmanager: Ann\n' > accounts/omega/account.yaml
