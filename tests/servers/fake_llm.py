#!/usr/bin/env python3
"""A model server for Lyss's tests: speaks Ollama's /api/* (NDJSON) and the OpenAI
/v1/* API (SSE) on 127.0.0.1, including the ugly parts real servers show.

Start: fake_llm.py [--port 0] [--api-key KEY] [--bare-openai-ids]. Prints "PORT <n>" once
listening. --bare-openai-ids lists the models on /v1/models without ":latest", as many
OpenAI-style servers name them, so the two sides name one model differently.

The model name picks the behaviour of /api/chat and /v1/chat/completions:
  llama3.2, mistral   a normal reply: "Reply to: <last user message>", word by word.
                      On /api/chat a last message of the assistant's own is continued, as
                      Ollama's templates leave it open: the rest of that reply after the
                      text given, or " (continued)" when it does not begin that reply.
  think               reasoning first (message.thinking / delta.reasoning_content)
  think-inline        "<think>...</think>" inside the content
  unicode             multi-byte text, written one byte per chunk
  error-mid           a few words, then an error inside the 200 stream
  drop                a few words, then the connection is cut without a final line
  stall               a few words, then silence (until the client gives up)
  slow                200 words, 30 ms apart
  long-N              N words as fast as the socket takes them
  drip-N              N words, each sent on its own 2 ms after the last (faster than a frame)
  line-N              one line of N KiB of letters, no space, no line break, as fast
  slowline-N          the same, a piece of 1 KiB every 2 ms
  slowcode-N          a fenced Python block of N KiB, then a closing line; 1 KiB every 2 ms
  list-N, quote-N     one bullet list (or one quote of paragraphs) of N KiB, a line
                      every 2 ms
  http-500            HTTP 500 with an error body before any byte of stream
anything else         404, as Ollama answers an unknown model.
Pulling a model whose name starts with "slowpull" takes 10 s (a step every 0.1 s).

/_test/requests lists every request received (method, path, headers, JSON body);
/_test/reset forgets them.
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = {
    "llama3.2:latest": {"size": 2019393189, "family": "llama", "parameter_size": "3.2B",
                        "quantization_level": "Q4_K_M"},
    "mistral:latest": {"size": 4113301824, "family": "llama", "parameter_size": "7.2B",
                       "quantization_level": "Q4_0"},
    "qwen3:latest": {"size": 5225376047, "family": "qwen3", "parameter_size": "8.2B",
                     "quantization_level": "Q4_K_M"},
}
SCENARIOS = {"drip-500", "think", "think-inline", "unicode", "error-mid", "drop", "stall", "slow", "http-500",
             "showcase", "long-5000", "long-20000", "long-80000", "line-1024", "line-8192", "slowline-256", "slowcode-200",
             "list-64", "quote-64"}
SHOWCASE = """Here is a comparison of the three **sorting algorithms** you asked about:

| Algorithm | Average | Worst | Stable |
| --- | --- | --- | --- |
| Quicksort | O(n log n) | O(n²) | no |
| Merge sort | O(n log n) | O(n log n) | yes |
| Insertion sort | O(n²) | O(n²) | yes |

A compact merge sort in Python:

```python
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while left and right:
        out.append((left if left[0] <= right[0] else right).pop(0))
    return out + left + right
```

- [x] stable when you need it
- [ ] in place (use ~~merge sort~~ heapsort instead)
"""
# The scenario models are listed too, as if installed, so clients can pick them.
for _s in sorted(SCENARIOS):
    MODELS[_s] = {"size": 1000000, "family": "test", "parameter_size": "1M",
                  "quantization_level": "F16"}

# Models whose name ends in a size: long-N, line-N, slowline-N, slowcode-N, list-N, quote-N.
SIZED = ("long-", "line-", "slowline-", "slowcode-", "drip-", "list-", "quote-")
REQUESTS = []
LOCK = threading.Lock()
API_KEY = None
BARE_OPENAI_IDS = False


def canonical(name):
    if not name:
        return None
    if name in SCENARIOS or name.startswith(SIZED):
        return name if name in MODELS or name.startswith(SIZED) else None
    full = name if ":" in name else name + ":latest"
    return full if full in MODELS else None


def words(text):
    parts = text.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


def last_user(messages):
    for m in reversed(messages or []):
        if m.get("role") == "user":
            return m.get("content", "")
    return ""


def continuing(messages):
    return bool(messages) and messages[-1].get("role") == "assistant"


def plan(model, messages, prefill=False):
    """(thinking pieces, content pieces, ending) for a model; ending is one of
    'done', 'error', 'drop', 'stall'."""
    prompt = last_user(messages)
    reply = words("Reply to: " + prompt)
    if prefill and continuing(messages) and model not in SCENARIOS:
        given = messages[-1].get("content", "")
        whole = "Reply to: " + prompt
        rest = whole[len(given):] if whole.startswith(given) and len(given) < len(whole) else " (continued)"
        return [], [w for w in words(rest) if w], "done"
    if model == "showcase":
        return words("Comparing the options first."), [c + " " for c in SHOWCASE.split(" ")][:-1] + [SHOWCASE.split(" ")[-1]], "done"
    if model == "think":
        return words("Let me think about it."), reply, "done"
    if model == "think-inline":
        return [], ["<thi", "nk>Pondering", " deeply.</th", "ink>\n\n"] + reply, "done"
    if model == "unicode":
        return [], words("Grüße, 世界! 👋🏽 Ünïcödé ok."), "done"
    if model == "error-mid":
        return [], reply[:3], "error"
    if model == "drop":
        return [], reply[:3], "drop"
    if model == "stall":
        return [], reply[:3], "stall"
    if model == "slow":
        return [], ["w%d " % i for i in range(200)], "done"
    if model.startswith("long-"):
        return [], long_reply(int(model[5:])), "done"
    if model.startswith("drip-"):
        return [], ["d%d " % i for i in range(int(model[5:]))], "done"
    if model.startswith("slowcode-"):
        return [], code_reply(int(model.split("-", 1)[1])), "done"
    if model.startswith(("list-", "quote-")):
        return [], block_reply(model.split("-", 1)[0], int(model.split("-", 1)[1])), "done"
    if model.startswith(("line-", "slowline-")):
        kib = int(model.split("-", 1)[1])
        return [], ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" * 20] * (kib * 1024 // 1040), "done"
    return [], reply, "done"


def block_reply(kind, kib):
    """One bullet list or one quote (paragraphs) of about `kib` KiB, a line at a time: a
    reply that is a single block from start to end."""
    out, size, i = [], 0, 1
    while size < kib * 1024:
        piece = ("- item number %d, with a few words\n" % i if kind == "list"
                 else "> quoted paragraph %d goes on a while\n>\n" % i)
        out.append(piece)
        size += len(piece)
        i += 1
    return out


def code_reply(kib):
    """A fenced code block of about `kib` KiB in pieces of about 1 KiB, then a sentence."""
    out = ["Here is the file:\n\n```python\n"]
    line = 0
    while sum(len(p) for p in out) < kib * 1024:
        out.append("".join("value_%05d = compute(%d)  # step %d of the long file\n" % (i, i, i)
                           for i in range(line, line + 20)))
        line += 20
    out.append("```\n\nThat is all.")
    return out


def long_reply(n):
    """N tokens shaped like a long answer: paragraphs of about sixty words, and now and
    then a heading, a list, a code block and a table, as a model writes them."""
    out = []
    i = 0
    section = 0
    while i < n:
        if i % 600 == 0:
            section += 1
            out.append("\n\n## Part %d\n\n" % section)
        elif i % 300 == 0:
            out.append("\n\n- item one of %d\n- item two\n- item three\n\n" % i)
        elif i % 450 == 0:
            out.append("\n\n```python\ndef step_%d():\n    return %d\n```\n\n" % (i, i))
        elif i % 900 == 0:
            out.append("\n\n| step | value |\n| --- | --- |\n| %d | ok |\n\n" % i)
        elif i % 60 == 0:
            out.append("\n\n")
        out.append("tok%d " % i)
        i += 1
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # ---- plumbing -------------------------------------------------------------
    def body_json(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return {"_raw": raw.decode("utf-8", "replace")}

    def record(self, body):
        if self.path.startswith("/_test/"):
            return
        with LOCK:
            REQUESTS.append({"method": self.command, "path": self.path,
                             "headers": {k.lower(): v for k, v in self.headers.items()},
                             "body": body})

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
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

    def chunk(self, data, split=None):
        pieces = [data] if not split else [data[i:i + split] for i in range(0, len(data), split)]
        for p in pieces:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(p), p))
            self.wfile.flush()

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def cut(self):
        self.wfile.flush()
        self.close_connection = True
        try:
            import socket
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def stall(self):
        # Keep the connection open and silent until the client hangs up (or 60 s).
        deadline = time.time() + 60
        self.connection.settimeout(0.2)
        while time.time() < deadline:
            try:
                if self.connection.recv(1) == b"":
                    break
            except OSError:
                continue
        self.close_connection = True

    # ---- routes ---------------------------------------------------------------
    def do_GET(self):
        self.record(None)
        if self.path == "/_test/requests":
            with LOCK:
                return self.send_json(200, REQUESTS)
        if self.path == "/api/version":
            return self.send_json(200, {"version": "0.9.0-fake"})
        if self.path == "/api/tags":
            return self.send_json(200, {"models": [self.tag(n, d) for n, d in list(MODELS.items())]})
        if self.path == "/api/ps":
            if not MODELS:
                return self.send_json(200, {"models": []})
            first = next(iter(MODELS))
            entry = self.tag(first, MODELS[first])
            entry.update({"expires_at": "2026-11-26T10:00:00Z", "size_vram": MODELS[first]["size"]})
            return self.send_json(200, {"models": [entry]})
        if self.path in ("/v1/models", "/models"):
            if not self.authorized():
                return
            return self.send_json(200, {"object": "list", "data": [
                {"id": n.removesuffix(":latest") if BARE_OPENAI_IDS else n, "object": "model",
                 "created": 1700000000, "owned_by": "library"}
                for n in MODELS]})
        if self.path == "/":
            return self.send_json(200, {"status": "Ollama is running"})
        self.send_json(404, {"error": "not found"})

    def do_DELETE(self):
        body = self.body_json()
        self.record(body)
        if self.path == "/api/delete":
            name = canonical(body.get("model") or body.get("name"))
            if name in MODELS:
                del MODELS[name]
                return self.send_json(200, {})
            return self.send_json(404, {"error": "model '%s' not found" % body.get("model")})
        self.send_json(404, {"error": "not found"})

    def do_POST(self):
        body = self.body_json()
        self.record(body)
        if self.path == "/_test/reset":
            with LOCK:
                REQUESTS.clear()
            return self.send_json(200, {})
        if self.path == "/api/chat":
            return self.ollama_chat(body)
        if self.path == "/api/show":
            name = canonical(body.get("model") or body.get("name"))
            if name not in MODELS:
                return self.send_json(404, {"error": "model '%s' not found" % body.get("model")})
            d = MODELS[name]
            return self.send_json(200, {"modelfile": "FROM " + name, "parameters": "stop \"<|eot|>\"",
                                        "template": "{{ .Prompt }}", "details": self.details(d),
                                        "model_info": {"general.architecture": d["family"],
                                                       d["family"] + ".context_length": 131072},
                                        "capabilities": ["completion"]})
        if self.path == "/api/pull":
            return self.ollama_pull(body)
        if self.path in ("/v1/chat/completions", "/chat/completions"):
            if not self.authorized():
                return
            return self.openai_chat(body)
        self.send_json(404, {"error": "not found"})

    # ---- Ollama ---------------------------------------------------------------
    @staticmethod
    def details(d):
        return {"parent_model": "", "format": "gguf", "family": d["family"], "families": [d["family"]],
                "parameter_size": d["parameter_size"], "quantization_level": d["quantization_level"]}

    def tag(self, name, d):
        return {"name": name, "model": name, "modified_at": "2026-11-01T12:00:00.0+00:00",
                "size": d["size"], "digest": "sha256:" + "ab" * 32, "details": self.details(d)}

    def ollama_chat(self, body):
        model = body.get("model", "")
        name = canonical(model)
        if model == "http-500":
            return self.send_json(500, {"error": "llama runner process has terminated: exit status 2"})
        if name is None:
            return self.send_json(404, {"error": "model \"%s\" not found, try pulling it first" % model})
        thinking, content, ending = plan(name, body.get("messages"), prefill=True)
        self.start_stream("application/x-ndjson")
        split = 1 if name == "unicode" else None

        def line(obj):
            self.chunk((json.dumps(obj, ensure_ascii=False) + "\n").encode(), split)

        created = "2026-11-26T04:00:00.000Z"
        for t in thinking:
            line({"model": model, "created_at": created,
                  "message": {"role": "assistant", "content": "", "thinking": t}, "done": False})
        for i, c in enumerate(content):
            line({"model": model, "created_at": created, "message": {"role": "assistant", "content": c},
                  "done": False})
            if name == "slow":
                time.sleep(0.03)
            elif name.startswith(("slowline-", "slowcode-", "drip-", "list-", "quote-")):
                time.sleep(0.002)
        if ending == "error":
            line({"error": "an error was encountered while running the model: CUDA out of memory"})
            return self.end_stream()
        if ending == "drop":
            return self.cut()
        if ending == "stall":
            return self.stall()
        line({"model": model, "created_at": created, "message": {"role": "assistant", "content": ""},
              "done": True, "done_reason": "stop", "total_duration": 4883583458,
              "load_duration": 1334875, "prompt_eval_count": 26, "prompt_eval_duration": 342546000,
              "eval_count": len(content), "eval_duration": 4535599000})
        self.end_stream()

    def ollama_pull(self, body):
        model = body.get("model") or body.get("name") or ""
        self.start_stream("application/x-ndjson")

        def line(obj):
            self.chunk((json.dumps(obj) + "\n").encode())

        line({"status": "pulling manifest"})
        if model.startswith("nonexistent"):
            line({"error": "pull model manifest: file does not exist"})
            return self.end_stream()
        total = 2_000_000
        digest = "sha256:" + "cd" * 32
        line({"status": "pulling " + digest[7:19], "digest": digest, "total": total})
        slow = model.startswith("slowpull")
        try:
            for done in range(0, total + 1, 20_000 if slow else 500_000):
                line({"status": "pulling " + digest[7:19], "digest": digest, "total": total,
                      "completed": done})
                if slow:
                    time.sleep(0.1)  # 10 s in all: time to press Cancel
        except OSError:
            return  # the client cancelled
        for s in ("verifying sha256 digest", "writing manifest", "success"):
            line({"status": s})
        full = model if ":" in model else model + ":latest"
        MODELS[full] = {"size": total, "family": "llama", "parameter_size": "1B",
                        "quantization_level": "Q8_0"}
        self.end_stream()

    # ---- OpenAI ---------------------------------------------------------------
    def authorized(self):
        if API_KEY is None:
            return True
        if self.headers.get("Authorization") == "Bearer " + API_KEY:
            return True
        self.send_json(401, {"error": {"message": "Incorrect API key provided.",
                                       "type": "invalid_request_error", "param": None,
                                       "code": "invalid_api_key"}})
        return False

    def openai_chat(self, body):
        model = body.get("model", "")
        name = canonical(model)
        if model == "http-500":
            return self.send_json(500, {"object": "error", "message": "engine crashed",
                                        "type": "InternalServerError", "param": None, "code": 500})
        if name is None:
            return self.send_json(404, {"error": {"message": "The model `%s` does not exist." % model,
                                                  "type": "not_found_error", "param": None,
                                                  "code": None}})
        thinking, content, ending = plan(name, body.get("messages"))
        self.start_stream("text/event-stream")
        split = 1 if name == "unicode" else None
        base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1700000000,
                "model": model}

        def event(payload, prefix=b""):
            self.chunk(prefix + b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\r\n\r\n",
                       split)

        def delta(d, finish=None):
            event(dict(base, choices=[{"index": 0, "delta": d, "finish_reason": finish}]))

        self.chunk(b": keep-alive\n\n")
        delta({"role": "assistant", "content": None})
        for t in thinking:
            delta({"reasoning_content": t})
        for c in content:
            delta({"content": c})
            if name == "slow":
                time.sleep(0.03)
            elif name.startswith(("slowline-", "slowcode-", "drip-", "list-", "quote-")):
                time.sleep(0.002)
        if ending == "error":
            event({"error": {"code": 500, "message": "CUDA out of memory", "type": "server_error"}})
            return self.end_stream()
        if ending == "drop":
            return self.cut()
        if ending == "stall":
            return self.stall()
        delta({}, "stop")
        if (body.get("stream_options") or {}).get("include_usage"):
            event(dict(base, choices=[], usage={"prompt_tokens": 9, "completion_tokens": len(content),
                                                "total_tokens": 9 + len(content)}))
        self.chunk(b"data: [DONE]\n\n")
        self.end_stream()


def main():
    global API_KEY, BARE_OPENAI_IDS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--api-key")
    parser.add_argument("--bare-openai-ids", action="store_true")
    parser.add_argument("--no-models", action="store_true",
                        help="start with no model installed (as a fresh Ollama); pulls add them")
    args = parser.parse_args()
    if args.no_models:
        MODELS.clear()
    API_KEY = args.api_key
    BARE_OPENAI_IDS = args.bare_openai_ids
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
