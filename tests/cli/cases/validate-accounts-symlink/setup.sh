ln -s elsewhere accounts
