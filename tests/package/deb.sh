#!/usr/bin/env bash
# CPack's .deb and .tar.gz: the file list, lintian with no error or warning,
# and the unpacked package (dpkg -x) working: kam --version, kam validate on
# the example portfolio, man -l on the pages, the bash completion.
#   deb.sh BUILD_DIR SOURCE_DIR
# Exit 77 (skipped) without dpkg-deb or lintian.
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
for tool in cpack dpkg dpkg-deb lintian man; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/kam-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G "DEB;TGZ" -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(find "$work/out" -maxdepth 1 -name 'kam_*.deb')
tgz=$(find "$work/out" -maxdepth 1 -name 'kam_*.tar.gz')
if [ -z "$deb" ] || [ -z "$tgz" ]; then fail "cpack made no .deb and .tar.gz: $(ls "$work/out")"; fi
echo "ok: cpack made $(basename "$deb") and $(basename "$tgz")"

# The file list.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/kam \
    /usr/share/man/man1/kam.1.gz /usr/share/man/man5/kam-files.5.gz /usr/share/man/man7/kam-metrics.7.gz \
    /usr/share/bash-completion/completions/kam /usr/share/zsh/vendor-completions/_kam \
    /usr/share/fish/vendor_completions.d/kam.fish \
    /usr/share/kam/schema/account-files.schema.json /usr/share/kam/schema/risks.schema.json \
    /usr/share/kam/schema/kam.schema.json /usr/share/doc/kam/copyright /usr/share/doc/kam/changelog.gz; do
    grep -qxF "$f" "$work/files" || fail "the .deb lacks $f"
done
unexpected=$(grep -v -e '/$' -e '^/usr/bin/kam$' -e '^/usr/share/man/man[157]/kam[a-z-]*\.[157]\.gz$' \
    -e '^/usr/share/bash-completion/completions/kam$' -e '^/usr/share/zsh/vendor-completions/_kam$' \
    -e '^/usr/share/fish/vendor_completions.d/kam.fish$' -e '^/usr/share/kam/schema/[a-z-]*\.schema\.json$' \
    -e '^/usr/share/doc/kam/' "$work/files" || true)
[ -z "$unexpected" ] || fail "unexpected files in the .deb: $unexpected"
echo "ok: the .deb holds $(grep -vc '/$' "$work/files") files in their Debian places"
fields=$(dpkg-deb -f "$deb")
grep -qx 'Section: utils' <<<"$fields" || fail "Section is not utils: $fields"
grep -q '^Depends: .*libc6' <<<"$fields" || fail "no shlibdeps Depends: $fields"
echo "ok: $(grep '^Depends:' <<<"$fields")"

# lintian: no error, no warning.
lintian --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || true
grep -v 'running with root privileges' "$work/lintian" || true
if grep -qE '^[EW]: ' "$work/lintian"; then fail "lintian reports errors or warnings"; fi
echo "ok: lintian: no error, no warning"

# The unpacked package works.
dpkg -x "$deb" "$work/root"
kam="$work/root/usr/bin/kam"
version=$("$kam" --version)
[[ $version == "kam "* ]] || fail "kam --version: $version"
echo "ok: unpacked $version"
"$kam" --root "$source_dir/examples/portfolio" validate --as-of 2026-11-23 -q ||
    fail "the unpacked kam does not validate examples/portfolio"
echo "ok: the unpacked kam validates examples/portfolio"
for page in man1/kam.1.gz man5/kam-files.5.gz man7/kam-metrics.7.gz; do
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$work/root/usr/share/man/$page" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "man -l $page: $warnings"
    MANWIDTH=80 man -E UTF-8 -l "$work/root/usr/share/man/$page" 2>/dev/null | grep -q . || fail "man -l $page is empty"
    gzip -t "$work/root/usr/share/man/$page" || fail "$page is not gzip"
done
MANWIDTH=80 man -E UTF-8 -l "$work/root/usr/share/man/man1/kam.1.gz" 2>/dev/null | grep -q 'kam schema' ||
    fail "kam(1) in the package does not mention kam schema"
echo "ok: man -l renders the three pages without warnings"
diff -r "$source_dir/schema" "$work/root/usr/share/kam/schema" || fail "the packaged schemas differ from schema/"
bash -n "$work/root/usr/share/bash-completion/completions/kam" || fail "the packaged bash completion"
echo "ok: packaged schemas and completions"
