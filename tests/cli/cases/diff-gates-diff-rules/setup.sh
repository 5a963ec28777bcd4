bash "$(dirname "$0")/../../diff/repo.sh"
# The gates come from the working tree's kam.yaml; a risk rises there too.
printf 'diff_rules:\n  risk-score-rise: 4\n  account-removed: true\nrules:\n  account-removed: warning\n' >> kam.yaml
sed -i 's/^    impact: 3$/    impact: 5/' accounts/acme/risks.yaml
sed -i 's/status: closed/status: open/' accounts/acme/risks.yaml
rm -r accounts/gamma
