#!/usr/bin/env python3
"""tailor beside Jinja2 and MiniJinja on the reference campaign, in one run: render only,
full .eml output on all cores, mbox, and the floors (C writing the same bytes).

    python3 bench/run-batch-bench.py [--n 10000] [--jobs K] [--repeat R]
                                     [--tailor PATH | --no-build] [--skip jinja2,minijinja,mbox,jsonl]
                                     [--work DIR]

Data: ../shared/bench/gen_data.py --n N into out/bench/n<N> (when missing). Every engine
reads the same contexts.jsonl and renders ../shared/bench/campaign.

- render only: `tailor template bench` and the baselines' --render-only, on 1 worker and
  on K (subject + HTML + text; no MIME, nothing written).
- full .eml on K workers: `tailor render CAMPAIGN --profiles contexts.jsonl --format eml`
  (reading, segments, rendering, MIME, one file per recipient, manifest) and the
  baselines' --format eml (Python's email package, one file each).
- mbox on K workers: the same into one file.
- jsonl on K workers: tailor only (the baselines have no JSONL output), into one file.
- floor: floor/floor_write.c (gcc -O2) writes the bytes tailor wrote, to as many files
  (eml) or one file (mbox, jsonl); page cache, no fsync, like everyone else.

Each figure is the best of R runs, taken in turn, each after a `sync` (untimed). Every run writes into a fresh folder and
all output is deleted only at the end: ext4 searches harder for free inodes right after
many deletions (`recently_deleted` in its inode allocator), which would penalize whichever
run follows a clean-up, and a file system that recently had many files deleted slows every
file-per-message row, the floor included, by up to 8x. For eml figures that compare
across sessions, give --work a freshly made file system (see the README).

tailor's wall time is measured around the process (start-up and campaign loading
included); its peak RSS comes from /usr/bin/time.
The table gives recipients/s, MB/s of output, and tailor's ratio to each row.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEND_DATE = "2026-01-15T09:00:00Z"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def result_lines(proc):
    return [json.loads(l[len("RESULT "):]) for l in proc.stdout.splitlines() if l.startswith("RESULT ")]


def settle():
    """Writes back every dirty page before a timed run (untimed), so no run pays for the
    write-back of the one before it: on 2 cores that costs the next run up to half its rate.
    Twice: when --work is a loop-mounted file system, the first writes its pages into the
    backing file, the second writes those back."""
    os.sync()
    os.sync()


def run_result(cmd):
    settle()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    results = result_lines(proc)
    if proc.returncode != 0 or not results:
        log("command failed (status %d): %s\n%s%s" % (proc.returncode, " ".join(cmd), proc.stdout[-1500:], proc.stderr[-1500:]))
    return results


def folder_bytes(path):
    total = 0
    for name in os.listdir(path):
        if name.startswith("manifest") or name.startswith("run") or name.startswith("."):
            continue
        total += os.path.getsize(os.path.join(path, name))
    return total


def tailor_render(tailor, campaign, contexts, out, fmt, jobs):
    """Runs `tailor render` into a fresh folder; wall time around the process, peak RSS."""
    rss_file = out + ".rss"
    cmd = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file, tailor, "render", campaign, "--profiles", contexts,
           "--out", out, "--format", fmt, "--jobs", str(jobs), "--send-date", SEND_DATE]
    settle()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        log("tailor render failed: %s%s" % (proc.stdout[-1500:], proc.stderr[-1500:]))
        return None
    n = sum(1 for _ in open(os.path.join(out, "manifest.jsonl"), encoding="utf-8"))
    rss, user, system = open(rss_file).read().split()[-3:]
    os.remove(rss_file)
    return {"engine": "tailor", "mode": fmt, "workers": jobs, "recipients": n, "wall_s": round(wall, 3),
            "recipients_per_s": n / wall, "output_bytes": folder_bytes(out), "mb_per_s": folder_bytes(out) / 1e6 / wall,
            "peak_rss_kb": int(rss), "cpu_us_per_recipient": (float(user) + float(system)) * 1e6 / n,
            "user_s": float(user), "sys_s": float(system), "summary": proc.stdout.strip()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="recipients (default 10000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the all-core rows (default: cores)")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs per figure")
    ap.add_argument("--shared", default=os.environ.get("TAILOR_SHARED", os.path.join(REPO, "..", "shared")))
    ap.add_argument("--tailor", help="a tailor binary (default: build .build/release/tailor)")
    ap.add_argument("--no-build", action="store_true", help="use .build/release/tailor as it is")
    ap.add_argument("--skip", default="", help="leave out: jinja2, minijinja, mbox, jsonl, render")
    ap.add_argument("--json", help="write every result to this file")
    ap.add_argument("--work", help="where the runs write (in a tailor-bench-run folder, removed at the end; default out/bench/run)")
    a = ap.parse_args()

    bench = os.path.join(os.path.abspath(a.shared), "bench")
    campaign = os.path.join(bench, "campaign")
    data = os.path.join(REPO, "out", "bench", "n%d" % a.n)
    contexts = os.path.join(data, "contexts.jsonl")
    # A folder of its own inside --work: the clean-ups never touch anything else there.
    root = os.path.join(os.path.abspath(a.work), "tailor-bench-run") if a.work else os.path.join(REPO, "out", "bench", "run")
    shutil.rmtree(root, ignore_errors=True)
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}
    os.makedirs(root, exist_ok=True)
    if not os.path.exists(contexts):
        log("generating %d recipients into %s ..." % (a.n, data))
        subprocess.run([sys.executable, os.path.join(bench, "gen_data.py"), "--n", str(a.n), "--out", data],
                       check=True, stdout=subprocess.DEVNULL)
    tailor = a.tailor or os.path.join(REPO, ".build", "release", "tailor")
    if not a.tailor and not a.no_build:
        log("building tailor (release) ...")
        subprocess.run(["swift", "build", "-c", "release", "--product", "tailor"], cwd=REPO, check=True)
    floor = os.path.join(root, "floor_write")
    subprocess.run(["gcc", "-O2", "-o", floor, os.path.join(bench, "floor", "floor_write.c")], check=True)
    peers = [p for p in ("jinja2", "minijinja") if p not in skip]

    best = {}

    def keep(key, r):
        if r and (key not in best or r["recipients_per_s"] > best[key]["recipients_per_s"]):
            best[key] = r

    def one_file_run(work, fmt):
        """tailor into one file (messages.FMT), then the floor writing those bytes to one file."""
        out = os.path.join(work, "tailor-%s" % fmt)
        rendered = tailor_render(tailor, campaign, contexts, out, fmt, a.jobs)
        if rendered is None:
            return
        keep((fmt, "tailor", a.jobs), rendered)
        single = os.path.join(work, "floor-%s-src" % fmt)
        shutil.rmtree(single, ignore_errors=True)
        os.makedirs(single)
        shutil.copy(os.path.join(out, "messages.%s" % fmt), single)
        target = os.path.join(work, "floor.%s" % fmt)
        if os.path.exists(target):
            os.remove(target)
        for r in run_result([floor, single, "--concat", target]):
            r["recipients"] = rendered["recipients"]
            r["recipients_per_s"] = r["recipients"] / r["wall_s"] if r["wall_s"] else 0
            keep((fmt, "floor", 1), r)

    def peer_runs(work, fmt):
        """Each baseline writing the same send as FMT (eml or mbox) on all cores."""
        for p in peers:
            out = os.path.join(work, "%s-%s" % (p, fmt))
            shutil.rmtree(out, ignore_errors=True)
            for r in run_result([sys.executable, os.path.join(bench, "baseline_%s.py" % p), contexts,
                                 "--campaign", campaign, "--out", out, "--format", fmt, "--workers", str(a.jobs)]):
                keep((fmt, p, a.jobs), r)

    for rep in range(a.repeat):
        log("round %d/%d" % (rep + 1, a.repeat))
        if "render" not in skip:
            for w in sorted({1, a.jobs}):
                for r in run_result([tailor, "template", "bench", campaign, contexts, "--jobs", str(w)]):
                    keep(("render", "tailor", r["workers"]), r)
                for p in peers:
                    for r in run_result([sys.executable, os.path.join(bench, "baseline_%s.py" % p), contexts,
                                         "--campaign", campaign, "--render-only", "--workers", str(w)]):
                        keep(("render", p, w), r)
        work = os.path.join(root, "round%d" % rep)
        os.makedirs(work, exist_ok=True)
        eml = os.path.join(work, "tailor-eml")
        keep(("eml", "tailor", a.jobs), tailor_render(tailor, campaign, contexts, eml, "eml", a.jobs))
        dst = os.path.join(work, "floor-eml")
        shutil.rmtree(dst, ignore_errors=True)
        src = os.path.join(work, "floor-src")
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(eml, src, ignore=shutil.ignore_patterns("manifest*", "run*", ".*"))
        for r in run_result([floor, src, dst]):
            keep(("eml", "floor", 1), r)
        peer_runs(work, "eml")
        if "mbox" not in skip:
            one_file_run(work, "mbox")
            peer_runs(work, "mbox")
        if "jsonl" not in skip:
            # The peers have no JSONL output: tailor against its one-file floor.
            one_file_run(work, "jsonl")

    print()
    print("Reference campaign, N = %d, %d core(s), best of %d run(s):" % (a.n, os.cpu_count() or 1, a.repeat))
    print()
    print("| what | engine | workers | recipients/s | MB/s | tailor is |")
    print("|---|---|---:|---:|---:|---:|")
    for mode, label in (("render", "render only"), ("eml", "full .eml"), ("mbox", "mbox"), ("jsonl", "jsonl")):
        rows = sorted((k, r) for k, r in best.items() if k[0] == mode)
        for (m, engine, w), r in rows:
            t = best.get((m, "tailor", w)) or best.get((m, "tailor", a.jobs))
            ratio = "" if engine == "tailor" or not t else "%.2fx" % (t["recipients_per_s"] / r["recipients_per_s"])
            name = {"floor": "floor (C, same bytes)"}.get(engine, engine if engine != "tailor" else "tailor")
            print("| %s | %s | %d | %s | %.1f | %s |" % (label, name, w, format(round(r["recipients_per_s"]), ","),
                                                        r.get("mb_per_s") or 0, ratio))
    for mode in ("eml", "mbox", "jsonl"):
        t = best.get((mode, "tailor", a.jobs))
        if t:
            print("\ntailor %s: peak RSS %d MB, %.0f µs CPU per recipient (user %.2f s, sys %.2f s); %s"
                  % (mode, t["peak_rss_kb"] // 1024, t["cpu_us_per_recipient"], t["user_s"], t["sys_s"],
                     t["summary"].splitlines()[-1][:120]))
    shutil.rmtree(root, ignore_errors=True)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"|".join(map(str, k)): v for k, v in best.items()}, f, indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
