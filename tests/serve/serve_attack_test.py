#!/usr/bin/env python3
"""An attack on icsim serve: slow and idle connections, header floods, bytes that
are not UTF-8, foreign Host names, a scenario swapped for a link to /etc/passwd.
Through all of it a normal request is answered within a few seconds, memory
stays bounded, and no error shows a file's contents or a path outside the
scenarios folder.

    serve_attack_test.py ICSIM SOURCE_DIR WORK_DIR
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

icsim, source, work = sys.argv[1:4]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def start(folder, *extra):
    process = subprocess.Popen([icsim, "serve", "--port", "0", "--scenarios", folder, "--threads", "1", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in process.stdout:
        if "Open http://" in line:
            return process, int(line.split(":")[2].split("/")[0])
    raise SystemExit("icsim serve did not start: " + process.stderr.read())


def request(port, method, path, body=None, headers=None, timeout=5.0):
    """(status, headers, body) of one request, or (None, ...) if not answered in time."""
    headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    text = f"{method} {path} HTTP/1.1\r\nConnection: close\r\n"
    for name, value in headers.items():
        text += f"{name}: {value}\r\n"
    data = body if isinstance(body, bytes) else (body or "").encode()
    text += f"Content-Length: {len(data)}\r\n\r\n"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(text.encode("latin-1") + data)
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
    except OSError:
        return None, "", b""
    head, _, content = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else None
    return status, "\n".join(lines[1:]).lower(), content


def answered_quickly(port, seconds=4.0):
    began = time.monotonic()
    status, _, _ = request(port, "GET", "/api/scenarios", timeout=seconds)
    return status == 200 and time.monotonic() - began < seconds


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


shutil.rmtree(work, ignore_errors=True)
folder = os.path.join(work, "scenarios")
os.makedirs(folder)
shutil.copy(os.path.join(source, "scenarios", "tutorial.yaml"), os.path.join(folder, "tutorial.yaml"))
shutil.copy(os.path.join(source, "scenarios", "tutorial.yaml"), os.path.join(folder, "swapped.yaml"))
server, port = start(folder)
try:
    check(answered_quickly(port), "a normal request is answered")

    # Slowloris: connections that send a byte every three seconds.
    slow = []
    for _ in range(40):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(s)
    stop = threading.Event()

    def drip():
        while not stop.is_set():
            for s in slow:
                try:
                    s.sendall(b"X")
                except OSError:
                    pass
            stop.wait(3.0)

    dripper = threading.Thread(target=drip)
    dripper.start()
    time.sleep(1.0)
    check(answered_quickly(port), "answered beside 40 connections sending a byte every 3 s")
    time.sleep(11.0)
    def is_closed(s):
        s.settimeout(0.5)
        try:
            while s.recv(4096):
                pass  # an answer (408 or 400) before the close is fine
            return True
        except socket.timeout:
            return False
        except OSError:
            return True

    closed = sum(is_closed(s) for s in slow)
    check(closed == len(slow), f"the slow connections were closed within the request time ({closed} of {len(slow)})")
    stop.set()
    dripper.join()
    for s in slow:
        s.close()

    # Idle connections: connected, never a byte.
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(300)]
    check(answered_quickly(port), "answered beside 300 idle connections")
    for s in idle:
        s.close()

    # A million headers, sent as fast as possible, on a few connections at once.
    before = rss_kb(server.pid)

    def flood():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                line = b"X-Flood: " + b"a" * 40 + b"\r\n"
                for _ in range(1_000_000 // 1000):
                    s.sendall(line * 1000)
        except OSError:
            pass  # closed by the server: what should happen

    floods = [threading.Thread(target=flood) for _ in range(8)]
    for t in floods:
        t.start()
    for t in floods:
        t.join()
    grown = rss_kb(server.pid) - before
    check(grown < 50_000, f"eight floods of a million headers grew the server by {grown} KB (< 50 MB)")
    check(answered_quickly(port), "answered after the header floods")

    # Bytes that are not UTF-8, in the JSON and in a lever's name.
    status, _, body = request(port, "POST", "/api/runs", b'{"scenario": "tutorial.yaml", "levers": {"\xff\xfe": 1}}',
                              {"Content-Type": "application/json"})
    check(status == 400, f"a lever named in bytes that are not UTF-8: 400 (got {status})")
    status, _, body = request(port, "POST", "/api/runs", b'{"scenario": "\xc3\x28"}', {"Content-Type": "application/json"})
    check(status == 400, f"JSON that is not UTF-8: 400 (got {status})")

    # Another site's name, and framing.
    status, _, _ = request(port, "GET", "/", headers={"Host": "evil.example"})
    check(status in (400, 403), f"a Host that is not this machine's is refused (got {status})")
    status, headers, _ = request(port, "GET", "/")
    check(status == 200 and "x-frame-options: sameorigin" in headers, "the page cannot be framed by another site")

    # A scenario replaced by a link to a file outside the folder after start.
    os.remove(os.path.join(folder, "swapped.yaml"))
    os.symlink("/etc/passwd", os.path.join(folder, "swapped.yaml"))
    status, _, body = request(port, "GET", "/api/levers?scenario=swapped.yaml")
    text = body.decode("utf-8", "replace")
    check(status is not None and status >= 400, f"a scenario swapped for a link outside the folder is refused ({status})")
    check("root:" not in text and "/etc" not in text and work not in text,
          "the error shows neither the file's contents nor a path outside the folder: " + text[:200])
    check(answered_quickly(port), "still answering")
finally:
    server.terminate()
    server.wait(timeout=10)

# Listening on every network is said loudly.
wide = subprocess.Popen([icsim, "serve", "--port", "0", "--host", "0.0.0.0", "--scenarios", folder],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
time.sleep(2.0)
wide.terminate()
_, errors = wide.communicate(timeout=10)
check("WARNING" in errors and "no password" in errors, "--host 0.0.0.0 warns: " + errors.strip()[:120])

if failures:
    print(f"{len(failures)} attacks were not withstood")
    sys.exit(1)
print("serve withstood every attack")
