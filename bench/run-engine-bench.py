#!/usr/bin/env python3
"""Render the reference campaign with tailor, Jinja2 and MiniJinja in one run.

    python3 bench/run-engine-bench.py [--n 10000] [--limit N] [--jobs K] [--repeat R]
                                      [--tailor PATH | --no-build] [--skip ENGINE,...]

Each engine renders subject.txt, email.html and email.txt of ../shared/bench/campaign
for every line of contexts.jsonl (made by ../shared/bench/gen_data.py when missing),
on 1 worker and on K workers (K = cores by default). tailor runs
`tailor template bench`; Jinja2 and MiniJinja run the shared baselines with
--render-only. All three use the same setup (autoescape for .html, strict undefined,
campaign.json as the global `campaign`) and the same wall-time rule (compiling and
reading the contexts included). The table gives recipients/s (one recipient = three
templates), templates/s, and tailor's ratio to each baseline. With --repeat R, each
figure is the best of R runs, taken in turn so that drift hits every engine alike.
"""

import argparse
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_result(cmd, cwd):
    """Runs a command that ends with `RESULT {json}` lines; returns them parsed."""
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    results = [json.loads(line[len("RESULT "):]) for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not results:
        log("command failed (status %d): %s" % (proc.returncode, " ".join(cmd)))
        log(proc.stdout[-2000:] + proc.stderr[-2000:])
        return []
    for r in results:
        if r.get("failed"):
            log("warning: %s: %d recipient(s) failed:" % (r["engine"], r["failed"]))
            for line in proc.stdout.splitlines():
                if line.strip().startswith("error:"):
                    log("  " + line.strip())
    return results


def ensure_minijinja():
    if subprocess.run([sys.executable, "-c", "import minijinja"], capture_output=True).returncode == 0:
        return True
    log("installing minijinja from PyPI ...")
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "minijinja"])
    return pip.returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="recipients to generate (default 10000)")
    ap.add_argument("--data", help="folder with contexts.jsonl (default out/bench/n<N>, generated if missing)")
    ap.add_argument("--limit", type=int, help="render only the first N recipients")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers/threads (default: cores)")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs per figure")
    ap.add_argument("--shared", default=os.environ.get("TAILOR_SHARED", os.path.join(REPO, "..", "shared")),
                    help="the shared/ folder (default ../shared beside the repository)")
    ap.add_argument("--tailor", help="a tailor binary to use instead of building .build/release/tailor")
    ap.add_argument("--no-build", action="store_true", help="use .build/release/tailor as it is")
    ap.add_argument("--skip", default="", help="engines to leave out: tailor, jinja2, minijinja")
    ap.add_argument("--json", help="write every result to this file")
    a = ap.parse_args()

    bench = os.path.join(os.path.abspath(a.shared), "bench")
    campaign = os.path.join(bench, "campaign")
    data = os.path.abspath(a.data or os.path.join(REPO, "out", "bench", "n%d" % a.n))
    contexts = os.path.join(data, "contexts.jsonl")
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}

    if not os.path.exists(contexts):
        log("generating %d recipients into %s ..." % (a.n, data))
        subprocess.run([sys.executable, os.path.join(bench, "gen_data.py"), "--n", str(a.n), "--out", data],
                       check=True, stdout=subprocess.DEVNULL)

    tailor = a.tailor
    if "tailor" not in skip and not tailor:
        if not a.no_build:
            log("building tailor (release) ...")
            subprocess.run(["swift", "build", "-c", "release", "--product", "tailor"], cwd=REPO, check=True)
        tailor = os.path.join(REPO, ".build", "release", "tailor")
    if "minijinja" not in skip and not ensure_minijinja():
        log("minijinja is not installed and could not be installed: skipping it")
        skip.add("minijinja")

    limit = ["--limit", str(a.limit)] if a.limit else []
    worker_counts = sorted({1, a.jobs})
    runs = []  # (engine key, command); each command yields one or more RESULT lines
    if "tailor" not in skip:
        runs.append(("tailor", [tailor, "template", "bench", campaign, contexts, "--jobs", str(a.jobs)] + limit))
    for key in ("jinja2", "minijinja"):
        if key in skip:
            continue
        for w in worker_counts:
            runs.append((key, [sys.executable, os.path.join(bench, "baseline_%s.py" % key), contexts,
                               "--campaign", campaign, "--render-only", "--workers", str(w)] + limit))

    best = {}  # (key, workers) -> result with the highest recipients/s
    for rep in range(a.repeat):
        for key, cmd in runs:
            log("run %d/%d: %s" % (rep + 1, a.repeat, " ".join(os.path.relpath(c) if os.path.exists(c) else c
                                                                   for c in cmd[1:] if c)))
            for r in run_result(cmd, REPO):
                slot = (key, r["workers"])
                if slot not in best or (r["recipients_per_s"] or 0) > (best[slot]["recipients_per_s"] or 0):
                    best[slot] = r

    if not best:
        log("no engine produced a result")
        return 1

    print()
    print("Reference campaign, %s recipients (subject + HTML + text each), best of %d run(s):"
          % (next(iter(best.values()))["recipients"], a.repeat))
    print()
    header = "| engine | workers | recipients/s | templates/s | output bytes | failed |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|")
    for key in ("tailor", "jinja2", "minijinja"):
        for w in worker_counts:
            r = best.get((key, w))
            if r:
                rps = r["recipients_per_s"] or 0
                print("| %s | %d | %s | %s | %s | %d |" % (r["engine"], w, format(round(rps), ","),
                                                         format(round(3 * rps), ","),
                                                         format(r["output_bytes"], ","), r["failed"]))
    print()
    for w in worker_counts:
        t = best.get(("tailor", w))
        for key in ("jinja2", "minijinja"):
            b = best.get((key, w))
            if t and b and b["recipients_per_s"]:
                print("tailor / %s, %d worker(s): %.2fx" % (key, w, t["recipients_per_s"] / b["recipients_per_s"]))
    t, j = best.get(("tailor", 1)), best.get(("jinja2", 1))
    if t and j and t["output_bytes"] != j["output_bytes"]:
        print("note: tailor wrote %d bytes and Jinja2 %d: the outputs differ (compare_engines.py shows where)"
              % (t["output_bytes"], j["output_bytes"]))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump([best[k] for k in sorted(best)], f, indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
