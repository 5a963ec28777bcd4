# A lock left by a kam that died: process ids above the kernel's pid_max (4194304) never exist.
echo "99999999 $(hostname)" > accounts/acme/.kam-lock
