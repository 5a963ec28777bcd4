bash "$(dirname "$0")/../../diff/repo.sh"
sed -i 's/^manager: Gil$/manager: Gina/' accounts/gamma/account.yaml
git add accounts/gamma/account.yaml
sed -i 's/^manager: Gina$/manager: Gus/' accounts/gamma/account.yaml
