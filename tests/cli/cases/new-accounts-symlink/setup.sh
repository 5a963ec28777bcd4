mkdir -p ../outside && ln -s ../outside accounts
