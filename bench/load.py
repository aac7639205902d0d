#!/usr/bin/env python
"""Load on the public pages: 50 concurrent clients for 60 seconds against gunicorn.

Starts Plenary with production settings under gunicorn on a loopback port (temporary
SQLite database with the demo programme, see bench/live_server.py) unless --base-url
points at a running site, then drives the public pages with wrk (Debian: apt-get install
wrk) or, without wrk, a small asyncio HTTP/1.1 client. Prints requests per second,
latency percentiles and errors; every answer that is not 2xx counts as an error.
Exit status 1 if there was any error.

    python bench/load.py                      # 50 clients, 60 s
    python bench/load.py --duration 10 --connections 20
    python bench/load.py --base-url https://staging.example.org --engine python
"""

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_server import live_server

PATHS = [
    "/en/",
    "/en/events/idm-2018-second-session/",
    "/en/events/idm-2018-second-session/speakers/",
]

WRK_SCRIPT = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  paths = {%(paths)s}
  index = 0
  bad = 0
end
function request()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end
function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end
function done(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%%d duration_us=%%d non2xx=%%d socket_errors=%%d\\n",
    summary.requests, summary.duration, bad_total, e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("RESULT p%%s_us=%%d\\n", p, latency:percentile(p)))
  end
  io.write(string.format("RESULT max_us=%%d\\n", latency.max))
end
"""


def run_wrk(base_url, paths, connections, duration, threads):
    lua_paths = ", ".join(f'"{path}"' for path in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": lua_paths})
    try:
        completed = subprocess.run(
            [
                shutil.which("wrk"),
                f"--threads={threads}",
                f"--connections={connections}",
                f"--duration={duration}s",
                "--timeout=10s",
                f"--script={script.name}",
                base_url,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(script.name)
    values = {
        key: value
        for line in completed.stdout.splitlines()
        if line.startswith("RESULT ")
        for key, value in re.findall(r"([\w.]+)=(\d+)", line)
    }
    if "duration_us" not in values:
        raise SystemExit(f"wrk failed:\n{completed.stdout}\n{completed.stderr}")
    seconds = int(values["duration_us"]) / 1e6
    return {
        "engine": "wrk",
        "requests": int(values["requests"]),
        "seconds": seconds,
        "non2xx": int(values["non2xx"]),
        "socket_errors": int(values["socket_errors"]),
        "percentiles_ms": {
            label: int(values[f"{label}_us"]) / 1000 for label in ("p50", "p90", "p99", "p99.9")
        },
        "max_ms": int(values["max_us"]) / 1000,
    }


async def _client(host, port, paths, deadline, latencies, statuses, errors, offset):
    index = offset
    reader = writer = None
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            started = time.monotonic()
            request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: keep-alive\r\n"
            writer.write(f"{request}\r\n".encode())
            await writer.drain()
            status_line = await reader.readline()
            status = int(status_line.split()[1])
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and "close" in value.lower():
                    close = True
            await reader.readexactly(length)
            latencies.append(time.monotonic() - started)
            statuses[status] = statuses.get(status, 0) + 1
            if close:
                writer.close()
                writer = None
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            errors.append(path)
            if writer is not None:
                writer.close()
            writer = None


async def _python_load(base_url, paths, connections, duration):
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme != "http":
        raise SystemExit("The Python load generator speaks plain HTTP only; use wrk for HTTPS.")
    latencies, statuses, errors = [], {}, []
    deadline = time.monotonic() + duration
    started = time.monotonic()
    await asyncio.gather(
        *(
            _client(
                parts.hostname,
                parts.port or 80,
                paths,
                deadline,
                latencies,
                statuses,
                errors,
                offset,
            )
            for offset in range(connections)
        )
    )
    return latencies, statuses, errors, time.monotonic() - started


def run_python(base_url, paths, connections, duration):
    latencies, statuses, errors, seconds = asyncio.run(
        _python_load(base_url, paths, connections, duration)
    )
    cuts = statistics.quantiles(latencies, n=1000) if len(latencies) > 1 else [0] * 999
    return {
        "engine": "python",
        "requests": len(latencies),
        "seconds": seconds,
        "non2xx": sum(count for status, count in statuses.items() if not 200 <= status < 300),
        "socket_errors": len(errors),
        "percentiles_ms": {
            "p50": cuts[499] * 1000,
            "p90": cuts[899] * 1000,
            "p99": cuts[989] * 1000,
            "p99.9": cuts[998] * 1000,
        },
        "max_ms": max(latencies, default=0) * 1000,
        "statuses": statuses,
    }


def report(result, paths, connections):
    print(f"engine: {result['engine']}, {connections} connections, {result['seconds']:.1f} s")
    print("pages: " + ", ".join(paths))
    print(
        f"requests: {result['requests']}, {result['requests'] / result['seconds']:.1f} per second"
    )
    print(
        "latency: "
        + ", ".join(f"{label} {value:.1f} ms" for label, value in result["percentiles_ms"].items())
        + f", max {result['max_ms']:.1f} ms"
    )
    errors = result["non2xx"] + result["socket_errors"]
    print(
        f"errors: {errors} ({result['non2xx']} answers not 2xx, {result['socket_errors']} "
        "connection errors or timeouts)"
    )
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) * 2 + 1,
        help="gunicorn worker processes",
    )
    parser.add_argument("--engine", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--base-url", help="a running site instead of a throwaway one")
    parser.add_argument("--path", action="append", dest="paths", help="page to load (repeat)")
    options = parser.parse_args()
    paths = options.paths or PATHS
    engine = options.engine
    if engine == "auto":
        engine = "wrk" if shutil.which("wrk") else "python"

    def run(base_url):
        for path in paths:  # warm up and show what the pages answer
            status = (
                subprocess.run(
                    ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", base_url + path],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                if shutil.which("curl")
                else "?"
            )
            print(f"  {path} answers {status}")
        if engine == "wrk":
            return run_wrk(base_url, paths, options.connections, options.duration, options.threads)
        return run_python(base_url, paths, options.connections, options.duration)

    if options.base_url:
        result = run(options.base_url.rstrip("/"))
    else:
        with live_server(workers=options.workers, threads=1) as (base_url, _environment, _work):
            result = run(base_url)
    errors = report(result, paths, options.connections)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
