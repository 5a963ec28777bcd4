set -e
# A symlink in accounts/, and an account file that is a symlink.
ln -s acme accounts/acme-link
ln -s ../acme/account.yaml accounts/beta/profile.yaml
