# Every source names a line of the file that holds its key, at the value's
# column (tests/cli/lib/check_sources.py reads the files itself).
python3 "$(dirname "$0")/../../lib/check_sources.py" "$KAM_STDOUT" 50
