#!/usr/bin/env python3
"""contrib/'s CI examples: the GitHub workflow and the GitLab job parse as YAML
and run the kam commands they claim; the problem matcher's regexp (JavaScript
syntax, which Python's re reads the same for this pattern) matches every error
and warning line of kam's text format and takes file, line, column, severity,
message and rule from it.

    contrib_ci.py KAM_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

kam, source = sys.argv[1], sys.argv[2]
failures = []

workflow = yaml.safe_load(open(os.path.join(source, "contrib/github/kam-workflow.yml")))
steps = workflow["jobs"]["validate"]["steps"]
runs = " ".join(s.get("run", "") for s in steps)
# A pull request fails on what it introduced (--new-since), a push on errors,
# a scheduled run also on warnings.
for want in ("--fail-on error", "--strict", "--new-since", "GITHUB_STEP_SUMMARY", "--format sarif"):
    if want not in runs:
        failures.append(f"the workflow does not run {want}")
if not any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps):
    failures.append("the workflow does not upload SARIF")

# The pull request's kam diff: the full history, the merge base, markdown, gates.
diff_job = workflow["jobs"].get("diff", {})
if not any(s.get("with", {}).get("fetch-depth") == 0 for s in diff_job.get("steps", [])):
    failures.append("the diff job does not check out the full history (fetch-depth: 0)")
diff_runs = " ".join(s.get("run", "") for s in diff_job.get("steps", []))
for want in ('"$BASE...HEAD"', "--format markdown", "--format github", "--fail-on", "<!-- kam-diff -->"):
    if want not in diff_runs:
        failures.append(f"the diff job does not run {want}")
gitlab = yaml.safe_load(open(os.path.join(source, "contrib/gitlab/kam.gitlab-ci.yml")))
if gitlab.get("kam-diff", {}).get("variables", {}).get("GIT_DEPTH") != 0:
    failures.append("the GitLab kam-diff job does not fetch the full history")

job = gitlab["kam"]
if job["artifacts"]["reports"].get("codequality") != "gl-code-quality-report.json":
    failures.append("the GitLab job has no codequality report")
if "junit" not in job["artifacts"]["reports"]:
    failures.append("the GitLab job has no junit report")
if not any("--fail-on error" in line and "--strict" in line for line in job["script"]):
    failures.append("the GitLab job does not fail merge requests on errors and schedules on warnings")
if not any("--format gitlab" in line for line in job["script"]):
    failures.append("the GitLab job does not run --format gitlab")

matcher = json.load(open(os.path.join(source, "contrib/github/kam-problem-matcher.json")))
pattern = matcher["problemMatcher"][0]["pattern"][0]
regexp = re.compile(pattern["regexp"])

work = tempfile.mkdtemp(prefix="kam-contrib.")
try:
    root = os.path.join(work, "p")
    shutil.copytree(os.path.join(source, "examples/portfolio"), root)
    account = os.path.join(root, "accounts/acme-manufacturing/account.yaml")
    text = open(account).read().replace("tier: key", "tier: platinum", 1)
    open(account, "w").write(text)
    out = subprocess.run([kam, "--root", root, "validate", "--as-of", "2026-11-23", "--format", "text"],
                         capture_output=True, text=True, env={**os.environ, "TERM": "dumb"}).stdout
    findings = [l for l in out.splitlines() if re.search(r":\d+:\d+: (error|warning): ", l)]
    if not any("platinum" in l for l in findings):
        failures.append(f"no finding for the bad tier in: {out}")
    for line in findings:
        m = regexp.match(line)
        if not m:
            failures.append(f"the problem matcher misses: {line}")
            continue
        if not os.path.exists(m.group(pattern["file"])) or not m.group(pattern["code"]):
            failures.append(f"the problem matcher takes a wrong file or rule from: {line}")
    infos = [l for l in out.splitlines() if ": info: " in l]
    if any(regexp.match(l) for l in infos):
        failures.append("the problem matcher takes info lines (GitHub knows only error and warning)")
    print(f"ok: the problem matcher matches {len(findings)} error and warning lines of kam's text format")
finally:
    shutil.rmtree(work, ignore_errors=True)

for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
