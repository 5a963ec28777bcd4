#!/usr/bin/env python3
"""The model read back by its consumers, against kam's own reports.

  check_consumers.py KAM ROOT AS_OF CHECK

CHECK is one of:
  reports   every report_* table equals `kam REPORT --format csv`, row for row
  figures   every figure in `figures` equals the one in `kam summary --format json`
  findings  the findings table equals `kam validate --format json`, finding for finding
  python    the CSV and JSONL exports read by Python's csv and json modules equal
            the SQLite export read by Python's sqlite3 (Postgres-style quoting:
            NULL is an empty unquoted field, empty text is "")
"""
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

kam, root, as_of, check = sys.argv[1:5]
kam, root = os.path.abspath(kam), os.path.abspath(root)
failures = []


def run(*args):
    out = subprocess.run([kam, "--root", root, "--as-of", as_of, *args], check=True,
                         capture_output=True)
    return out.stdout.decode("utf-8")


def same(a, b):
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def check_reports():
    for report in ["summary", "renewals", "risks", "pipeline", "actions", "keys"]:
        want = list(csv.reader(io.StringIO(run(report, "--format", "csv"))))
        got = list(csv.reader(io.StringIO(
            run("query", "--format", "csv", f"SELECT * FROM report_{report}"))))
        if want[0] != got[0]:
            failures.append(f"report_{report}: columns {got[0]} != {want[0]}")
            continue
        if len(want) != len(got):
            failures.append(f"report_{report}: {len(got) - 1} rows, the report has {len(want) - 1}")
            continue
        for i, (w, g) in enumerate(zip(want[1:], got[1:]), 1):
            for col, a, b in zip(want[0], w, g):
                if not same(a, b):
                    failures.append(f"report_{report} row {i} {col}: {b!r} != report's {a!r}")
        print(f"report_{report}: {len(got) - 1} rows equal kam {report} --format csv")


def check_figures():
    summary = json.loads(run("summary", "--format", "json"))
    rows = json.loads(run("query", "--format", "json",
                          "SELECT account, figure, value, date_value, unit, reason FROM figures"))
    table = next(b for k, b in rows.items() if isinstance(b, list))
    figures = {(r["account"], r["figure"]): r for r in table}
    names = {r["figure"] for r in table}
    compared = 0
    for acc in summary["accounts"]:
        for key, value in acc.items():
            # Texts, not figures: next_renewal_contract is the contract's id (contracts table).
            if key in ("slug", "name", "tier", "status", "manager", "reasons",
                       "next_renewal_contract"):
                continue
            name = key if key in names else key + "_cents"
            f = figures.get((acc["slug"], name))
            if f is None:
                failures.append(f"summary field {key} has no figure")
                continue
            if f["unit"] == "cents":
                mine = None if f["value"] is None else int(
                    (abs(f["value"]) + 50) // 100 * (1 if f["value"] >= 0 else -1))
            elif f["unit"] == "date":
                mine = f["date_value"]
            elif f["unit"] == "flag":
                mine = None if f["value"] is None else bool(f["value"])
            else:
                mine = f["value"]
            if not (mine == value or (mine is not None and value is not None
                                      and not isinstance(value, (str, bool))
                                      and float(mine) == float(value))):
                failures.append(f"{acc['slug']} {name}: figures has {mine!r}, summary {value!r}")
            reason = acc.get("reasons", {}).get(key)
            if value is None and reason != f["reason"]:
                failures.append(f"{acc['slug']} {name}: reason {f['reason']!r}, summary {reason!r}")
            compared += 1
    print(f"{compared} figures equal kam summary --format json")
    # The judgement figures against kam value and kam matrix (not lost accounts).
    judged = 0
    for report, keys in (("value", ("annual_margin", "historical_margin", "forward_value", "clv",
                                    "fix_or_trim", "relationship_mismatch")),
                         ("matrix", ("attractiveness", "strength"))):
        doc = json.loads(run(report, "--format", "json"))
        for acc in doc[report]:
            for key in keys:
                name = key if key in names else key + "_cents"
                f = figures.get((acc["slug"], name))
                if f is None:
                    failures.append(f"{report} field {key} has no figure")
                    continue
                value = acc[key]
                if f["unit"] == "cents":
                    mine = None if f["value"] is None else int(
                        (abs(f["value"]) + 50) // 100 * (1 if f["value"] >= 0 else -1))
                elif f["unit"] == "flag":
                    mine = None if f["value"] is None else bool(f["value"])
                else:
                    mine = f["value"]
                if mine != value:
                    failures.append(f"{acc['slug']} {name}: figures has {mine!r}, {report} {value!r}")
                judged += 1
    print(f"{judged} judgement figures equal kam value and kam matrix --format json")


def check_findings():
    # validate names files from the working directory: run it at the root.
    out = subprocess.run([kam, "--as-of", as_of, "validate", "--format", "json"], cwd=root,
                         capture_output=True)
    want = json.loads(out.stdout.decode("utf-8"))["findings"]
    rows = json.loads(run("query", "--format", "json",
                          "SELECT file, line, \"column\", severity, rule, message, hint, account "
                          "FROM findings ORDER BY position"))["rows"]
    got = [{"path": r["file"], "line": r["line"], "column": r["column"],
            "severity": r["severity"], "rule": r["rule"], "message": r["message"],
            "hint": r["hint"], "account": r["account"] or ""} for r in rows]
    for w in want:
        w["account"] = w.get("account") or ""
    if got != want:
        failures.append(f"findings: {len(got)} rows differ from kam validate's {len(want)}")
        for g, w in zip(got, want):
            if g != w:
                failures.append(f"first difference: {g} != {w}")
                break
    print(f"{len(got)} findings equal kam validate --format json")


def check_python():
    with tempfile.TemporaryDirectory() as tmp:
        db_path = os.path.join(tmp, "p.sqlite")
        run("export", "--format", "sqlite", "-o", db_path)
        run("export", "--format", "csv", "-o", os.path.join(tmp, "csv"))
        run("export", "--format", "jsonl", "-o", os.path.join(tmp, "jsonl"))
        db = sqlite3.connect(db_path)
        schema = json.load(open(os.path.join(tmp, "csv", "schema.json"), encoding="utf-8"))
        tables = 0
        for t in schema["tables"]:
            if t["kind"] != "table":
                continue
            tables += 1
            name = t["name"]
            cols = t["columns"]
            key = ", ".join(f'"{k}"' for k in t["primary_key"]) or "rowid"
            want = db.execute(f'SELECT * FROM "{name}" ORDER BY {key}').fetchall()
            raw = open(os.path.join(tmp, "csv", name + ".csv"), encoding="utf-8", newline="").read()
            got = list(csv.reader(io.StringIO(raw)))
            if [c["name"] for c in cols] != got[0]:
                failures.append(f"{name}.csv: header differs from schema.json")
            if len(got) - 1 != len(want) or t["rows"] != len(want):
                failures.append(f"{name}.csv: {len(got) - 1} rows, sqlite {len(want)}, "
                                f"schema.json {t['rows']}")
            # Postgres-style quoting: rebuild each line from the sqlite row and compare bytes.
            lines = raw.split("\r\n")
            for i, row in enumerate(want, 1):
                fields = []
                for c, v in zip(cols, row):
                    if v is None:
                        fields.append("")
                    elif c["type"] == "boolean":
                        fields.append("true" if v else "false")
                    elif isinstance(v, str):
                        q = v == "" or any(ch in v for ch in ',"\r\n')
                        fields.append('"' + v.replace('"', '""') + '"' if q else v)
                    else:
                        fields.append(str(v) if isinstance(v, int) else repr(v))
                line = ",".join(fields)
                if not raw.startswith(line, sum(len(x) + 2 for x in lines[:i])):
                    failures.append(f"{name}.csv row {i}: not {line[:80]!r}")
                    break
            jl = [json.loads(x) for x in open(os.path.join(tmp, "jsonl", name + ".jsonl"),
                                                encoding="utf-8")]
            for i, (obj, row) in enumerate(zip(jl, want), 1):
                if list(obj.keys()) != [c["name"] for c in cols]:
                    failures.append(f"{name}.jsonl row {i}: columns differ")
                    break
                for c, v in zip(cols, row):
                    j = obj[c["name"]]
                    if c["type"] == "boolean" and v is not None:
                        v = bool(v)
                    if j != v:
                        failures.append(f"{name}.jsonl row {i} {c['name']}: {j!r} != {v!r}")
                        break
            if len(jl) != len(want):
                failures.append(f"{name}.jsonl: {len(jl)} rows, sqlite {len(want)}")
        money = db.execute("SELECT sum(annual_value_base_cents) FROM contracts").fetchone()[0]
        print(f"python csv/json/sqlite3 read {tables} tables alike; "
              f"contracts' annual_value_base_cents sum {money}")


{"reports": check_reports, "figures": check_figures, "findings": check_findings,
 "python": check_python}[check]()
for f in failures[:40]:
    print("FAIL", f)
sys.exit(1 if failures else 0)
