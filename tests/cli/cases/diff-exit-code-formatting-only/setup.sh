bash "$(dirname "$0")/../../diff/repo.sh"
# Only formatting and comments change in the working tree.
printf '# note\n{manager: Bob, status: active, tier: growth, name: Beta Ltd}\n' > accounts/beta/account.yaml
