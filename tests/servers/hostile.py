#!/usr/bin/env python3
"""A model server that misbehaves on purpose, for Lyss's hardening tests.

Start: hostile.py [--port 0] [--target URL]. Prints "PORT <n>" once listening.

The first segment of the path picks the misbehaviour; the rest is the API path a
client would use (so a backend configured as http://127.0.0.1:P/<scenario> works):

  /plain/...         a well-behaved minimal Ollama and OpenAI server ("ok" replies)
  /cross/...         307 to the same path on --target (another origin); 301/302/308 with
                     /cross301/, /cross302/, /cross308/
  /same/...          307 to /plain/... on this server (the same origin)
  /endless/...       200, then one line (or SSE event) that does not end for 64 MiB, as
                     fast as the socket takes it; /endless-data/ sends SSE data: lines without the
                     blank line that would end the event
  /trickle/...       200, one good line, then one byte every 0.25 s that never ends a line
  /held/...          200, content "<thi" (that could still become a <think> tag), silence
  /html/...          200 with text/html: a captive portal's sign-in page
  /notobject/...     200, a stream line that is JSON but not an object
  /markup/...        /api/version answers a version string with markup in it
  /bigjson/...       a model list (or version) that goes on for 64 MiB, as fast as it can
  /slowjson/...      a model list that comes a byte every 0.25 s and never ends

/_test/requests lists every request received (method, path, headers, body).
"""
import argparse
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUESTS = []
LOCK = threading.Lock()
TARGET = None
MARKUP = '<img src="/dev/zero"><b>bold</b>'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def record(self, raw):
        if self.path.startswith("/_test/"):
            return
        with LOCK:
            REQUESTS.append({"method": self.command, "path": self.path,
                             "headers": {k.lower(): v for k, v in self.headers.items()},
                             "body": raw.decode("utf-8", "replace")})

    def send_json(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def start_stream(self, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def split(self):
        parts = self.path.split("/", 2)
        scenario = parts[1] if len(parts) > 1 else ""
        rest = "/" + parts[2] if len(parts) > 2 else "/"
        return scenario, rest

    def do_GET(self):
        self.handle_any(b"")

    def do_POST(self):
        self.handle_any(self.body())

    def do_DELETE(self):
        self.handle_any(self.body())

    def handle_any(self, raw):
        self.record(raw)
        if self.path == "/_test/requests":
            with LOCK:
                return self.send_json(200, REQUESTS)
        scenario, rest = self.split()
        sse = rest.endswith("/chat/completions")
        chat = sse or rest == "/api/chat"
        try:
            if scenario.startswith("cross"):
                code = int(scenario[5:] or 307)
                return self.redirect(code, TARGET.rstrip("/") + rest)
            if scenario == "same":
                return self.redirect(307, "/plain" + rest)
            if scenario == "markup" and rest == "/api/version":
                return self.send_json(200, {"version": MARKUP})
            if scenario == "bigjson" and not chat:
                return self.big_json()
            if scenario == "slowjson" and not chat:
                return self.slow_json()
            if not chat:
                return self.plain_other(rest)
            if scenario == "plain":
                return self.reply_ok(sse)
            if scenario == "endless":
                return self.endless(sse, data_lines=False)
            if scenario == "endless-data":
                return self.endless(True, data_lines=True)
            if scenario == "trickle":
                return self.trickle(sse)
            if scenario == "held":
                self.start_stream("text/event-stream" if sse else "application/x-ndjson")
                self.chunk(b'data: {"choices":[{"index":0,"delta":{"content":"<thi"}}]}\n\n' if sse
                           else b'{"message":{"role":"assistant","content":"<thi"},"done":false}\n')
                time.sleep(30)
                return
            if scenario == "html":
                page = (b"<!DOCTYPE html><html><head><title>Sign in to the guest network"
                        b"</title></head><body><form>Password: <input></form></body></html>")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                return self.wfile.write(page)
            if scenario == "notobject":
                self.start_stream("text/event-stream" if sse else "application/x-ndjson")
                self.chunk(b"data: [1, 2, 3]\n\n" if sse else b"[1, 2, 3]\n")
                return self.end_stream()
            self.send_json(404, {"error": "no such scenario"})
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def redirect(self, code, location):
        self.send_response(code)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def plain_other(self, rest):
        if rest == "/api/version":
            return self.send_json(200, {"version": "0.9.0-hostile"})
        if rest == "/api/tags":
            return self.send_json(200, {"models": [{"name": "m:latest", "model": "m:latest",
                                                    "size": 1, "details": {}}]})
        if rest.endswith("/models"):
            return self.send_json(200, {"object": "list", "data": [{"id": "m", "object": "model"}]})
        self.send_json(404, {"error": "not found"})

    def reply_ok(self, sse):
        if sse:
            self.start_stream("text/event-stream")
            self.chunk(b'data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\n\n')
            self.chunk(b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n')
            self.chunk(b"data: [DONE]\n\n")
        else:
            self.start_stream("application/x-ndjson")
            self.chunk(b'{"message":{"role":"assistant","content":"ok"},"done":false}\n')
            self.chunk(b'{"message":{"role":"assistant","content":""},"done":true}\n')
        self.end_stream()

    def first_line(self, sse):
        if sse:
            return b'data: {"choices":[{"index":0,"delta":{"content":"kept "}}]}\n\n'
        return b'{"message":{"role":"assistant","content":"kept "},"done":false}\n'

    def endless(self, sse, data_lines):
        self.start_stream("text/event-stream" if sse else "application/x-ndjson")
        self.chunk(self.first_line(sse))
        if data_lines:
            prefix, piece = b"", (b"data: " + b"a" * 1000 + b"\n") * 64
        else:
            prefix, piece = (b'data: {"x":"' if sse else b'{"x":"'), b"a" * 65536
        if prefix:
            self.chunk(prefix)
        # 64 MiB, four times Lyss's limit, then the connection is cut: a client that
        # stopped reading long before must not keep this thread (and Qt's) busy for long.
        sent = 0
        while sent < 64 * 1024 * 1024:
            self.chunk(piece)
            sent += len(piece)
        self.close_connection = True

    def big_json(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()  # no length: the body ends when the connection does
        self.wfile.write(b'{"models":[')
        piece = b'{"name":"m:latest","model":"m:latest","size":1,"details":{}},' * 1000
        sent = 0
        while sent < 64 * 1024 * 1024:
            self.wfile.write(piece)
            sent += len(piece)
        self.close_connection = True

    def slow_json(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"models":[')
        self.wfile.flush()
        deadline = time.time() + 60
        while time.time() < deadline:
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.25)
        self.close_connection = True

    def trickle(self, sse):
        self.start_stream("text/event-stream" if sse else "application/x-ndjson")
        self.chunk(self.first_line(sse))
        deadline = time.time() + 60
        while time.time() < deadline:
            self.chunk(b"a")
            time.sleep(0.25)
        self.close_connection = True


def main():
    global TARGET
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--target", default="http://127.0.0.1:9")
    args = parser.parse_args()
    TARGET = args.target
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
