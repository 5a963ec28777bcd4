#!/bin/sh
# Writes the hazard inputs of the strict YAML loader (the format's section 2).
# Every file must give at least one error finding, except the *-ok.yaml ones,
# which must load cleanly. tests/unit/test_yaml_loader.cpp checks both, and the
# fuzzer (tests/fuzz) is seeded with this folder. Run it from anywhere; it
# rewrites the files next to itself. The >4 MiB case is built in memory by the
# unit test and never stored here.
set -eu
cd "$(dirname "$0")"
# %b with \0ooo octal escapes: the same bytes from dash, bash and busybox sh.
w() { printf '%b' "$2" > "$1"; }

# Structure
w duplicate-key.yaml           'name: Acme\nstatus: active\nname: Acme GmbH\n'
w duplicate-key-nested.yaml    'position:\n  current: x\n  scope: y\n  current: z\n'
w duplicate-key-flow.yaml      'tags: {a: 1, a: 2}\n'
w anchor.yaml                  'name: &n Acme\nmanager: Dana\n'
w alias.yaml                   'name: &n Acme\nmanager: *n\n'
w alias-undefined.yaml         'name: Acme\nmanager: *n\n'
w merge-key.yaml               'name: Acme\n<<: {status: active}\n'
w second-document.yaml         'name: Acme\n---\nname: Other\n'
w empty-second-document.yaml   'name: Acme\n---\n'
w two-documents-no-marker.yaml '- a\nb: 1\n'
w comma.yaml                   ','
w unterminated-double.yaml     'name: "Acme\nstatus: active\nmanager: Dana\n'
w unterminated-single.yaml     "name: 'Acme\nstatus: active\nmanager: Dana\n"
w explicit-tag.yaml            'name: !!str 2027\n'
w explicit-tag-local.yaml      'name: !custom Acme\n'
w complex-key.yaml             '? [a]\n: 1\n'
w flow-key.yaml                '[a, b]: 1\n'
w unclosed-flow.yaml           'tags: [a, b\n'
w unclosed-flow-map.yaml       'position: {current: x\n'
w bad-indent.yaml              'name: Acme\n  status: active\n'
w colon-in-value.yaml          'title: Risk: sponsor leaves\n'
w key-without-colon.yaml       'name: Acme\nstatus\n'
w flow-empty-entry.yaml        'tags: [a,,b]\n'
w tag-nonspecific-unterminated.yaml "name: ! 'Acme\nstatus: active\nmanager: Dana\n"

# Indentation with tabs
w tab-indent.yaml              'position:\n\tcurrent: x\n'
w tab-indent-list.yaml         'tags:\n\t- a\n'
w tab-in-quoted-ok.yaml        'name: "Acme\tGmbH"\nnote: "first\n\tsecond"\n'
w tab-in-block-scalar-ok.yaml  'mission: |\n  Serve them well.\n  \tIndented with a tab.\nstatus: active\n'

# Limits: 64 levels of nesting are fine, 65 are not
python3 - <<'PY'
def block(n):
    lines = ["  " * i + "k%d:" % i for i in range(n - 1)]
    lines.append("  " * (n - 1) + "k%d: v" % (n - 1))
    return "\n".join(lines) + "\n"
open("deep-64-ok.yaml", "w").write("a: " + "[" * 63 + "]" * 63 + "\n")
open("deep-65.yaml", "w").write("a: " + "[" * 64 + "]" * 64 + "\n")
open("deep-block-64-ok.yaml", "w").write(block(64))
open("deep-block-65.yaml", "w").write(block(65))
PY

# Encoding
w invalid-utf8.yaml            'name: Acme\nmanager: M\0374ller\n'
w overlong-utf8.yaml           'name: \0300\0256\n'
w surrogate-utf8.yaml          'name: \0355\0240\0200\n'
w beyond-unicode.yaml          'name: \0364\0220\0200\0200\n'
w truncated-utf8.yaml          'name: Caf\0303'
w nul-byte.yaml                'name: Acme\nmanager: \000\n'
w bare-cr.yaml                 'name: Acme\rstatus: active\n'
w utf16-bom.yaml               '\0377\0376n\000a\000m\000e\000:\000 \000x\000\n\000'
w double-bom.yaml             '\0357\0273\0277\0357\0273\0277a: 1\nb: 2\nb: 3\n'
w bom-crlf-ok.yaml             '\0357\0273\0277name: Acme\r\nstatus: active\r\nposition:\r\n  current: "x\r\n    y"\r\n'
w control-esc.yaml             'name: Acme\033]0;pwned\007\033[2J\n'
w control-formfeed.yaml        'name: Acme\nmanager: page\014break\n'
w control-c1.yaml              'name: Acme\0302\0233''2J\n'
w escape-nul.yaml              'name: "nul\\0here"\n'
w escape-esc-key.yaml          '"x\\e]0;pwned\\a": 1\n'
w bom-inside.yaml              'name: Ac\0357\0273\0277me\n'
w noncharacter-ffff.yaml       'name: "k\0357\0277\0277"\n'
w non-ascii-ok.yaml            'name: M\0303\0274ller \0346\0227\0245\0346\0234\0254\nmanager: "\0342\0202\0254"\n'

# A block scalar as a key ("? |"): refused (a key is one line; the two
# parsers also placed such keys apart), and its text is never echoed
w key-block-scalar.yaml        '? |\n  block\n  accounts/acme/account.yaml:2:1: error: forged [schema-type]\n: 2\n'

# Hostile text that is valid YAML: loads, and must not forge output
w key-newline-forged-ok.yaml   '"bad\\naccounts/acme/account.yaml:1:1: error: forged finding [schema-type]\\nz": 1\n'
w bidi-override-ok.yaml        'name: "abc\0342\0200\0256fdp.exe"\n'
w money-huge-ok.yaml           'contracts:\n  - {id: C1, annual_value: 50000000000000000.00}\n  - {id: C2, annual_value: 50000000000000000.00}\n'

# Shapes that must stay linear (small here; bench/adversarial.sh has them at 3.5 MB)
python3 - <<'PY'
open("long-flow-line-ok.yaml", "w").write("x-big: [1" + ",1" * 20000 + "]\n")
open("long-flow-utf8-ok.yaml", "w", encoding="utf-8").write(
    "x-big: [a" + ", \u00e9\u65e5" * 5000 + "]\n")
open("block-scalars-with-tabs-ok.yaml", "w").write(
    "".join("x-a%d: |\n  \tx\n" % i for i in range(2000)))
PY

# The top level
w top-level-list.yaml          '- name: Acme\n'
w top-level-scalar.yaml        'Acme\n'
w top-level-null.yaml          '~\n'
w top-level-null-word.yaml     'null\n'
w empty-ok.yaml                ''
w comments-only-ok.yaml        '# nothing here yet\n\n   # indented comment\n'
w document-marker-ok.yaml      '---\nname: Acme\n...\n'
