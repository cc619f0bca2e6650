#!/usr/bin/env python3
"""Load test of `tailor serve` on loopback with wrk (Debian package `wrk`).

    python3 bench/serve-load.py [--tailor PATH | --no-build] [--seconds 10]
                                [--connections 1,16,64] [--threads 2]
                                [--rss-requests 10000,100000]

Starts `tailor serve` on a free port from the repository root (the sample
workspace), then:

1. Throughput: POSTs the reference recipient (R0000001 of data/profiles.csv,
   with a cart event and an external segment) to
   /v1/campaigns/spring_sale/render, answered as message/rfc822, for --seconds
   at each connection count; prints requests/s and p50/p99 latency, and fails
   on any error or non-200 answer.
2. Memory: a fresh server takes the first count of --rss-requests, each with a
   fresh Idempotency-Key (so the bounded key store fills up), and its peak RSS
   (VmHWM) is read; then the rest up to the second count, and the peak again.
   The second must stay within 1.2 times the first.

Each server is stopped with SIGTERM and must exit 0 (graceful shutdown).
--workspace and --campaign serve and load another campaign (the body stays
the reference recipient).
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(REPO, "bench", "serve-load.lua")

BODY = {
    "profile": {
        "recipient_id": "R0000001", "email": "anna.schafer.1@example.com", "first_name": "Anna",
        "last_name": "Schäfer", "country": "DE", "city": "Düsseldorf", "language": "de",
        "signup_date": "2018-04-19", "last_purchase_date": "2025-12-24", "order_count": 9,
        "total_spent": 420.71, "opened_last_90d": 7, "clicked_last_90d": 3, "loyalty_tier": "silver",
        "predicted_churn": 0.075, "top_category": "outdoor", "age": 60, "predicted_value": 367.49,
    },
    "events": [{"type": "added_to_cart", "product_id": "P00007", "ts": "2026-01-14T10:00:00Z"}],
    "segments": ["likely_to_churn"],
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tailor, workspace=REPO):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [tailor, "serve", "--port", str(self.port)], cwd=workspace,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(200):
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/healthz" % self.port, timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.proc.kill()
        raise SystemExit("tailor serve did not start: " + self.proc.stderr.read()[-2000:])

    def peak_rss_mib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def metric(self, name):
        with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % self.port) as r:
            for line in r.read().decode().splitlines():
                if line.startswith(name + " ") or line.startswith(name + "{"):
                    return line
        return None

    def stop(self):
        self.proc.terminate()
        status = self.proc.wait(timeout=30)
        if status != 0:
            raise SystemExit("tailor serve exited %d after SIGTERM: %s" % (status, self.proc.stderr.read()[-2000:]))


def wrk(port, connections, threads, seconds, body_file, keys=False, limit=0, run=0):
    env = dict(os.environ, BODY=body_file, KEYS="1" if keys else "0", LIMIT=str(limit), RUN=str(run))
    cmd = ["wrk", "-t", str(min(threads, connections)), "-c", str(connections), "-d", "%ds" % seconds,
           "--timeout", "10s", "-s", LUA, "http://127.0.0.1:%d" % port]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise SystemExit("wrk failed: %s\n%s%s" % (" ".join(cmd), proc.stdout[-2000:], proc.stderr[-2000:]))
    result = json.loads(lines[-1][len("RESULT "):])
    result["command"] = " ".join(cmd)
    return result


def errors(result):
    return sum(result[k] for k in ("non200", "connect_errors", "read_errors", "write_errors", "timeouts", "status_errors"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tailor", default=os.path.join(REPO, ".build", "release", "tailor"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rss-requests", default="10000,100000")
    parser.add_argument("--workspace", default=REPO, help="where to start the server (its templates/ are served)")
    parser.add_argument("--campaign", default="spring_sale")
    args = parser.parse_args()
    os.environ["CAMPAIGN"] = args.campaign

    if not args.no_build:
        log("building tailor (release)...")
        subprocess.run(["swift", "build", "-c", "release", "--product", "tailor"], cwd=REPO, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(BODY, f, ensure_ascii=False)
        body_file = f.name

    failed = False
    rps16 = None
    server = Server(args.tailor, args.workspace)
    try:
        wrk(server.port, 16, args.threads, 2, body_file)  # warm-up
        print("| connections | requests | requests/s | p50 ms | p99 ms | errors |")
        print("|---:|---:|---:|---:|---:|---:|")
        for c in [int(x) for x in args.connections.split(",")]:
            r = wrk(server.port, c, args.threads, args.seconds, body_file)
            print("| %d | %d | %.0f | %.2f | %.2f | %d |" % (c, r["requests"], r["rps"], r["p50_ms"], r["p99_ms"], errors(r)),
                  flush=True)
            log("  " + r["command"])
            failed |= errors(r) > 0
            if c == 16 or rps16 is None:
                rps16 = r["rps"]
        log("  " + (server.metric("tailor_render_failures_total") or "no render failures"))
    finally:
        server.stop()

    small, large = [int(x) for x in args.rss_requests.split(",")]
    server = Server(args.tailor, args.workspace)
    try:
        runs = []

        def send(count):
            # wrk runs for a duration; each thread stops sending after its share.
            sent = 0
            while sent < count:
                share = -(-(count - sent) // args.threads)
                seconds = int((count - sent) / max(rps16 or 100, 1) * 1.5) + 3
                r = wrk(server.port, 16, args.threads, seconds, body_file, keys=True, limit=share, run=len(runs))
                runs.append(r)
                sent += r["requests"]
            return sent

        first = send(small)
        peak_small = server.peak_rss_mib()
        total = first + send(large - first)
        peak_large = server.peak_rss_mib()
        ratio = peak_large / peak_small
        bad = sum(errors(r) for r in runs)
        print()
        print("| requests (fresh Idempotency-Key each) | peak RSS MiB |")
        print("|---:|---:|")
        print("| %d | %.1f |" % (first, peak_small))
        print("| %d | %.1f |" % (total, peak_large))
        print("ratio %.3f (limit 1.2); %s; errors %d" % (ratio, server.metric("tailor_idempotency_keys"), bad))
        failed |= ratio > 1.2 or bad > 0
    finally:
        server.stop()
    os.unlink(body_file)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
