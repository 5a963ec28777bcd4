mkdir -p here ../outside && ln -s ../../outside here/accounts
