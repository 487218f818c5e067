"""Shared helpers of the room's tests (tests/room): a workspace made with the CLI, the `room` command
started and stopped as a process, and small HTTP clients on the standard library only."""
import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

CLI = os.environ.get("HICM_CLI", "hicm-assess-cli")
PARTNERS = ["North ICB", "City <b>Trust</b> & Co", "Care Homes Ltd"]


def run_cli(workspace, *args, check=True):
    p = subprocess.run([CLI, "--workspace", workspace, *args], capture_output=True, text=True, timeout=60)
    if check and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p


def make_workspace(folder, partners=PARTNERS):
    ws = os.path.join(folder, "room.hicmws")
    args = ["new", "--area", "North <script>alert(1)</script>"]
    for org in partners:
        args += ["--partner", org + "=other"]
    out = run_cli(ws, *args).stdout.strip()
    return ws, int(out.splitlines()[-1])


class RoomProcess:
    """`hicm-assess-cli room ID --listen HOST:PORT`, its links, and stopping it."""

    def __init__(self, workspace, assessment, listen="127.0.0.1:0", extra=()):
        self.proc = subprocess.Popen([CLI, "--workspace", workspace, "room", str(assessment), "--listen", listen, *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.links = {}
        self.lines = []  # each printed line's fields
        expected = 1 + len(partners_of(workspace, assessment))
        deadline = time.time() + 20
        while len(self.links) < expected:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError("room exited: " + self.proc.stderr.read())
            who, url, *code = line.rstrip("\n").split("\t")
            self.links[who] = url
            self.lines.append([who, url, *code])
            if time.time() > deadline:
                raise AssertionError("room did not print its links")
        u = urllib.parse.urlsplit(self.links["facilitator"])
        self.host, self.port = u.hostname, u.port

    @property
    def facilitator(self):
        return self.links["facilitator"]

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=10)
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()


def partners_of(workspace, assessment):
    db = sqlite3.connect(workspace)
    try:
        return [r[0] for r in db.execute("SELECT organisation FROM partners WHERE assessment_id = ? ORDER BY id",
                                         (assessment,))]
    finally:
        db.close()


def stored_levels(workspace, feature):
    db = sqlite3.connect(workspace)
    try:
        return dict(db.execute("SELECT p.organisation, l.level FROM partner_levels l JOIN partners p ON p.id = l.partner_id "
                               "WHERE l.feature_id = ?", (feature,)).fetchall())
    finally:
        db.close()


def log_whats(workspace):
    db = sqlite3.connect(workspace)
    try:
        return [r[0] for r in db.execute("SELECT what FROM change_log ORDER BY id")]
    finally:
        db.close()


def request(url, method="GET", body=None, headers=None, timeout=10):
    """(status, headers dict with lower-case names, body bytes)"""
    u = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        h = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        c.request(method, u.path, body=body, headers=h)
        r = c.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        c.close()


def get_json(url):
    status, _, body = request(url)
    assert status == 200, (url, status, body)
    return json.loads(body)


def post(url, body, **kw):
    status, headers, raw = request(url, "POST", body, **kw)
    return status, json.loads(raw) if raw else None


class EventStream:
    """A server-sent event stream read on a plain socket: next_event() returns the next data JSON."""

    def __init__(self, url, timeout=10):
        u = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        self.sock.sendall(f"GET {u.path}/events HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
                          "Accept: text/event-stream\r\n\r\n".encode())
        self.buf = b""
        head = self._until(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200"), head
        assert b"text/event-stream" in head.lower(), head

    def _until(self, sep):
        while sep not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("stream closed")
            self.buf += chunk
        part, self.buf = self.buf.split(sep, 1)
        return part

    def next_event(self):
        while True:
            block = self._until(b"\n\n").decode()
            data = [line[6:] for line in block.split("\n") if line.startswith("data: ")]
            if data:
                return json.loads("\n".join(data))

    def raw_until(self, predicate):
        while True:
            e = self.next_event()
            if predicate(e):
                return e

    def close(self):
        self.sock.close()


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="hicm-room-")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def join_code(link):
    """A partner's join code as docs/room.md defines it: Crockford base 32 of the first 40 bits of
    SHA-256("hicm-room-join:" + the link's token), as two groups of four."""
    import hashlib
    token = urllib.parse.urlsplit(link).path.split("/")[-1].encode()
    bits = int.from_bytes(hashlib.sha256(b"hicm-room-join:" + token).digest()[:5], "big")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    code = "".join(alphabet[(bits >> (5 * (7 - i))) & 31] for i in range(8))
    return code[:4] + "-" + code[4:]
