#!/usr/bin/env python3
"""kam's JSON Schemas read by an independent validator (python3-jsonschema).

    jsonschema_consumer.py KAM_BINARY SOURCE_DIR

1. `kam schema -o DIR` writes every kind; each is a valid draft-07 schema.
2. Every file of examples/portfolio, and every file `kam new` writes, is
   accepted by its kind's schema and by the bundle.
3. A set of defects that kam refuses (wrong enum, wrong type, missing required
   key, unknown key, bad date) is refused by the schema too, and an `x-` key is
   accepted by both.
Exit 77 (skipped) when the jsonschema module is not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e} (install python3-jsonschema and python3-yaml)")
    sys.exit(77)


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core scalars, as editors read them: dates stay strings, only
    true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in (
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


kam, source = os.path.abspath(sys.argv[1]), sys.argv[2]
work = tempfile.mkdtemp(prefix="kam-jsonschema.")
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


try:
    schema_dir = os.path.join(work, "schema")
    subprocess.run([kam, "schema", "-o", schema_dir], check=True, stdout=subprocess.DEVNULL)
    schemas = {}
    for name in sorted(os.listdir(schema_dir)):
        with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
            schemas[name] = json.load(f)
        jsonschema.Draft7Validator.check_schema(schemas[name])
    bundle = jsonschema.Draft7Validator(schemas.pop("account-files.schema.json"))
    validators = {n: jsonschema.Draft7Validator(s) for n, s in schemas.items()}
    print(f"ok: {len(validators)} kind schemas and the bundle are valid draft-07")

    def kind_of(path):
        base = os.path.basename(path)
        return "kam.schema.json" if base == "kam.yaml" else base.replace(".yaml", ".schema.json")

    def errors(path):
        doc = load(path)
        found = [e.message for e in validators[kind_of(path)].iter_errors(doc)]
        if found and bundle.is_valid(doc):
            fail(f"{path}: the bundle accepts what {kind_of(path)} refuses")
        return found

    def portfolio_files(root):
        files = [os.path.join(root, "kam.yaml")]
        accounts = os.path.join(root, "accounts")
        for slug in sorted(os.listdir(accounts)):
            d = os.path.join(accounts, slug)
            if os.path.isdir(d):
                files += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".yaml")]
        return files

    def accept_all(root, what):
        count = 0
        for path in portfolio_files(root):
            found = errors(path)
            count += 1
            if found:
                fail(f"{what}: {os.path.relpath(path, root)} refused: {found[:3]}")
            elif not bundle.is_valid(load(path)):
                fail(f"{what}: the bundle refuses {os.path.relpath(path, root)}")
        print(f"ok: {count} files of {what} accepted")

    accept_all(os.path.join(source, "examples", "portfolio"), "examples/portfolio")

    fresh = os.path.join(work, "fresh")
    subprocess.run([kam, "init", fresh, "--name", "Fresh"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([kam, "--root", fresh, "new", "acme", "--name", "Acme", "--manager", "Dana",
                    "--tier", "key"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    accept_all(fresh, "a portfolio fresh from kam init and kam new")

    # Defects: each is refused by kam (with the rule named) and by the schema.
    example = os.path.join(source, "examples", "portfolio")
    slug = "acme-manufacturing"
    defects = [
        ("wrong enum", "account.yaml", r"(?m)^tier: .*$", "tier: platinum", "schema-enum"),
        ("wrong type", "risks.yaml", r"(?m)^(\s+)likelihood: \d+", r"\1likelihood: high",
         "schema-type"),
        ("missing required key", "account.yaml", r"(?m)^manager: .*\n", "", "schema-required"),
        ("unknown key", "account.yaml", r"\Z", "colour: blue\n", "unknown-key"),
        ("bad date pattern", "contracts.yaml", r"(?m)^(\s+)start: (\d{4})-(\d\d)-(\d\d)",
         r"\1start: \2/\3/\4", "schema-type"),
        ("money with three decimals", "sales.yaml", r"(?m)^(\s+)value: (\d+)\.?\d*$",
         r"\1value: '\2.125'", "schema-type"),
        ("currency in lower case", "account.yaml", r"(?m)^currency: EUR$", "currency: eur",
         "schema-type"),
    ]
    for what, file, pattern, replacement, rule in defects:
        root = os.path.join(work, "defect")
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(example, root)
        path = os.path.join(root, "accounts", slug, file)
        text = open(path, encoding="utf-8").read()
        changed, n = re.subn(pattern, replacement, text, count=1)
        if n != 1:
            fail(f"{what}: the fixture has no match for {pattern} in {file}")
            continue
        open(path, "w", encoding="utf-8").write(changed)
        kam_run = subprocess.run([kam, "--root", root, "validate", "--as-of", "2026-11-23",
                                  "--strict", "-f", "json"], capture_output=True, text=True)
        rules = {d["rule"] for d in json.loads(kam_run.stdout)["findings"]}
        if kam_run.returncode != 1 or rule not in rules:
            fail(f"{what}: kam exit {kam_run.returncode}, rules {sorted(rules)}; wanted {rule}")
        found = errors(path)
        if not found:
            fail(f"{what}: the schema accepts {file}")
        else:
            print(f"ok: {what}: kam says [{rule}], jsonschema says: {found[0]}")

    # The user's own x- keys: accepted by both.
    root = os.path.join(work, "extension")
    shutil.copytree(example, root)
    path = os.path.join(root, "accounts", slug, "account.yaml")
    with open(path, "a", encoding="utf-8") as f:
        f.write("x-schema-test: 4711\n")
    if subprocess.run([kam, "--root", root, "validate", "--as-of", "2026-11-23", "-q"],
                      stdout=subprocess.DEVNULL).returncode != 0:
        fail("x- key: kam refuses it")
    if errors(path):
        fail(f"x- key: the schema refuses it: {errors(path)}")
    else:
        print("ok: an x- key is accepted by kam and by the schema")
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("all passed")
