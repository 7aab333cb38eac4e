#!/usr/bin/env python3
"""Concurrent 25 MiB uploads against `accord serve`, reporting the server's peak RSS.

usage: upload_load.py PORT SERVER_PID PATH [TOKEN]

Starts N clients at once (N=20, UPLOAD_CLIENTS), each sending one SIZE-byte PDF body
(UPLOAD_MIB=25) to PATH on 127.0.0.1:PORT. With TOKEN each client is authorised and retries
a 503 after its Retry-After (at most UPLOAD_RETRIES times, so the run is bounded); without one
they are anonymous. The kernel's peak-RSS counter (VmHWM) is reset first (root only;
otherwise the peak is sampled every 10 ms). Prints one JSON object:
{"peak_rss_mib", "before_rss_mib", "statuses": {"201": n, ...}, "seconds"}.
"""
import json
import os
import socket
import sys
import threading
import time

port, pid, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
token = sys.argv[4] if len(sys.argv) > 4 else ""
clients = int(os.environ.get("UPLOAD_CLIENTS", "20"))
size = int(os.environ.get("UPLOAD_MIB", "25")) << 20
retries = int(os.environ.get("UPLOAD_RETRIES", "60"))
deadline = time.monotonic() + float(os.environ.get("UPLOAD_SECONDS", "300"))

# One shared body: each client sends a distinct first line, so no two documents share a hash.
chunk = 256 << 10
filler = (b"%% accord upload benchmark filler line.\n" * (chunk // 40 + 1))[:chunk]


def rss_kib(field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise SystemExit(f"no {field} for pid {pid}")


def upload(i):
    """Sends one upload; returns (status, retry_after or None)."""
    head = f"%PDF-1.4\n% client {i} {time.monotonic_ns()}\n".encode()
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    request = (
        f"POST {path}?filename=bench-{i}.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
        f"Content-Type: application/pdf\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode()
    s = socket.create_connection(("127.0.0.1", port), timeout=120)
    answer = b""
    try:
        s.sendall(request + head)
        sent = len(head)
        while sent < size:
            n = min(chunk, size - sent)
            s.sendall(filler[:n])
            sent += n
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed before the whole body was sent
    try:
        while True:
            got = s.recv(65536)
            if not got:
                break
            answer += got
    except (ConnectionResetError, socket.timeout):
        pass
    finally:
        s.close()
    line = answer.split(b"\r\n", 1)[0].split()
    status = line[1].decode() if len(line) > 1 else "none"
    retry_after = None
    for header in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        name, _, value = header.partition(b":")
        if name.strip().lower() == b"retry-after":
            retry_after = float(value.strip() or 1)
    return status, retry_after


statuses = {}
lock = threading.Lock()


def client(i):
    status = "none"
    for _ in range(retries + 1):
        status, retry_after = upload(i)
        if not (token and status == "503" and retry_after is not None):
            break
        if time.monotonic() + retry_after > deadline:
            break
        time.sleep(retry_after)
    with lock:
        statuses[status] = statuses.get(status, 0) + 1


hwm = True
try:
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM to the current RSS
except OSError:
    hwm = False
peak = before = rss_kib("VmRSS")
start = time.monotonic()
threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads:
    t.start()
while any(t.is_alive() for t in threads):
    peak = max(peak, rss_kib("VmRSS"))
    time.sleep(0.01)
for t in threads:
    t.join()
if hwm:
    peak = max(peak, rss_kib("VmHWM"))
print(json.dumps({"peak_rss_mib": round(peak / 1024, 1), "before_rss_mib": round(before / 1024, 1),
                  "statuses": statuses,
                  "seconds": round(time.monotonic() - start, 1)}))
