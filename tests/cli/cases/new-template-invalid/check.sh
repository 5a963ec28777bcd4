test -z "$(ls -A accounts)"
