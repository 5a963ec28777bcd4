#!/usr/bin/env bash
# Renders `kam report` of the example portfolio in headless Chromium: the page
# must load with no console error and no network request (it is meant to open
# offline), and a screenshot must come out. Skipped (exit 77) without chromium.
#   tests/browser/check_report.sh KAM_BINARY REPO_ROOT
set -u
kam=$1
repo=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "chromium is not installed; skipping the browser test (.ci/setup installs it)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$kam" --root "$repo/examples/portfolio" report --as-of 2026-11-23 --explain -o "$work/report.html" || exit 1
# The judgement parts: the matrix as a bubble chart with its quadrants, the
# value section, the whitespace grid, and (--explain) each section's sources.
for want in 'aria-label="Portfolio matrix' '>strategic</text>' '>streamline</text>' '<circle ' \
    '<h2>Portfolio matrix</h2>' '<h2>Profitability and lifetime value</h2>' '<h2>Whitespace</h2>' \
    '<h3>Offerings by account</h3>' '<details class="sources">'; do
    grep -qF -- "$want" "$work/report.html" || { echo "report.html lacks $want"; exit 1; }
done

# Every host resolves to nothing: any fetch the page tries shows up as a
# console error instead of quietly reaching the network.
timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND" \
    --enable-logging=stderr --v=0 --window-size=1280,2000 \
    --screenshot="$work/report.png" "file://$work/report.html" >"$work/out.log" 2>&1
status=$?
if [ $status -ne 0 ] || [ ! -s "$work/report.png" ]; then
    echo "chromium failed (exit $status) or wrote no screenshot:"
    tail -n 30 "$work/out.log"
    exit 1
fi
# Console messages from the page are logged as CONSOLE(...); network failures
# as net::ERR_*. Either means the report is not self-contained or is broken.
if grep -E 'CONSOLE|net::ERR_|Failed to load resource|Refused to' "$work/out.log"; then
    echo "the report logged errors in the browser"
    exit 1
fi
size=$(stat -c %s "$work/report.png")
if [ "$size" -lt 20000 ]; then
    echo "the screenshot is suspiciously small ($size bytes): an empty page?"
    exit 1
fi
if [ -n "${KAM_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$KAM_KEEP_SCREENSHOT"; fi
echo "report rendered in $browser: screenshot $size bytes, no console or network errors"
