bash "$(dirname "$0")/../../diff/repo.sh" crm
# What a pre-commit hook sees: GIT_DIR and GIT_INDEX_FILE relative to the top.
sed -i 's/^manager: Gil$/manager: Gina/' crm/accounts/gamma/account.yaml
git add crm/accounts/gamma/account.yaml
