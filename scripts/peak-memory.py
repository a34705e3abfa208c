#!/usr/bin/env python3
"""Runs a command and reports its wall time, CPU time and memory, as one JSON line on stderr.

Peak RSS (from the kernel's rusage, as `/usr/bin/time -v` reports it) counts the pages of
memory-mapped files that the process has touched, such as a git pack read through mmap, as
well as its own (anonymous) memory. This helper samples /proc/PID/status every 10 ms to
report the two apart: `peak_anon_kib` is memory the process allocated, `peak_file_kib` is
file pages mapped into it (shared with the page cache, clean, reclaimable).

Usage: peak-memory.py COMMAND [ARG...]    (the command's stdout goes to /dev/null)
"""
import json
import os
import subprocess
import sys
import time


def status_kib(pid, fields):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                name, _, rest = line.partition(":")
                if name in fields:
                    values[name] = int(rest.split()[0])
    except (FileNotFoundError, ProcessLookupError, ValueError):
        pass
    return values


def main():
    started = time.monotonic()
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    peak = {"RssAnon": 0, "RssFile": 0}
    while True:
        finished, status, usage = os.wait4(child.pid, os.WNOHANG)
        if finished:
            break
        for name, value in status_kib(child.pid, peak).items():
            peak[name] = max(peak[name], value)
        time.sleep(0.01)
    wall = time.monotonic() - started
    print(
        json.dumps(
            {
                "exit": os.waitstatus_to_exitcode(status),
                "wall_s": round(wall, 3),
                "user_s": round(usage.ru_utime, 3),
                "sys_s": round(usage.ru_stime, 3),
                "maxrss_kib": usage.ru_maxrss,
                "peak_anon_kib": peak["RssAnon"],
                "peak_file_kib": peak["RssFile"],
            }
        ),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
