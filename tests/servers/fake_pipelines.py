#!/usr/bin/env python3
"""A Pipelines server for Lyss's tests: the HTTP face of open-webui/pipelines (its main.py,
FastAPI 0.111 with pydantic 2.7) on 127.0.0.1, with five pipelines built in.

Start: fake_pipelines.py [--port 0] [--api-key KEY]. Prints "PORT <n>" once listening.

The pipelines, listed by GET /models and /v1/models in this order:
  echo-pipe   pipe "Echo pipe", no valves. /chat/completions answers "Echo: <last user
              message>" word by word (SSE when "stream" is true or absent, as the real
              form's default is true; one chat.completion object when it is false).
  tagger      filter "Tagger", valves {pipelines: ["*"], priority: 0, tag: "tagger"}.
              inlet: the last "user" message gets " [<tag>]" appended to its content;
              outlet: the last message (the reply) gets " [tagged]" appended.
  llama-only  filter "Llama only", valves {pipelines: ["llama3.2:latest"], priority: 1}.
              inlet: the last "user" message gets " [llama-only]"; no outlet (unchanged).
  blocker     filter "Blocker", valves {pipelines: ["*"], priority: 2}. inlet: when the
              last user message has the word "forbidden" (any case), it fails, which the
              server answers 500 {"detail": "Blocked by policy: no forbidden words"};
              otherwise unchanged. No outlet.
  sleepy      filter "Sleepy", valves {pipelines: ["sleepy-model"], priority: 3}. inlet:
              sleeps 30 s, then unchanged (for a client's time limits). No outlet.
A filter's "pipelines" and "priority" in /models are read from its current valves.

Routes, each also under /v1 (as the real server has them):
  GET  /models                      the list above, {"data", "object": "list", "pipelines": true}
  GET  /                            {"status": true}
  GET  /pipelines                   {"data": [{"id", "name", "type", "valves"}]}
  POST /pipelines/reload            {"message": "Pipelines reloaded successfully."}
  GET  /{id}/valves                 the current valves
  GET  /{id}/valves/spec            the valves' JSON schema, as pydantic 2 writes it
  POST /{id}/valves/update          new valves = the defaults + the posted keys (the real
                                    server builds Valves(**posted), so a key left out goes
                                    back to its default, not to its current value); unknown
                                    keys are ignored; pydantic's lax coercions ("5" -> 5,
                                    true -> 1); a bad value -> 500 {"detail": "<pydantic's
                                    text, naming the field>"}
  POST /{id}/filter/inlet|outlet    {"body": {...}, "user": {...}} -> the new body; a filter
                                    without that hook answers the body unchanged; an unknown
                                    id or a pipe's id -> 404 {"detail": "Filter <id> not found"}
                                    (the real server passes a pipe's body through unchanged)
  POST /chat/completions            echo-pipe only

Errors, as FastAPI answers them: {"detail": "..."} with 404 (unknown pipeline, unknown
model, unknown route), 405 (known route, other method), 500 (a filter or a valves update
failed), 400 (a body that is not text), and 422 with FastAPI's list of pydantic errors
{"detail": [{"type", "loc", "msg", "input"}]} for a body of the wrong shape.

With --api-key KEY every route (not /_test/*) needs "Authorization: Bearer KEY", checked
as FastAPI's HTTPBearer and the real get_current_user do: no header (or no token) ->
403 {"detail": "Not authenticated"}; another scheme -> 403 {"detail": "Invalid
authentication credentials"}; another key -> 401 {"detail": "Invalid API key"}. (The real
server checks the key on /models and /pipelines* only; this one is stricter on purpose.)
Without --api-key any request passes.

/_test/requests lists every request received (method, path, headers, JSON body or null),
oldest first; /_test/reset (GET or POST) forgets them and puts the valves back to the
defaults above.
"""
import argparse
import copy
import json
import math
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

API_KEY = None
LOCK = threading.Lock()
REQUESTS = []

# The version in pydantic's error links; the real server pins pydantic 2.7.1.
PYDANTIC_DOCS = "https://errors.pydantic.dev/2.7/v/"


class FilterError(Exception):
    """What a filter raises. The real server answers 500 {"detail": str(e)}."""


# ---- valves: a small pydantic -----------------------------------------------------------
# A valve is (name, kind, default) with kind one of "list[str]", "int", "str".

def pyrepr(value):
    """The input_value of a pydantic error: Python's repr, cut in the middle past 50."""
    r = repr(value)
    return r if len(r) <= 50 else r[:25] + "..." + r[-24:]


def error(kind, loc, msg, value):
    return {"type": kind, "loc": list(loc), "msg": msg, "input": value}


INT_TEXT = re.compile(r"^[+-]?[0-9]+(_[0-9]+)*(\.0+)?$")


def check_int(value, loc):
    """(int, None) or (None, error), with pydantic 2's lax rules for an int field."""
    if isinstance(value, bool):
        return int(value), None
    if isinstance(value, int):
        return value, None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, error("finite_number", loc, "Input should be a finite number", value)
        if value != int(value):
            return None, error("int_from_float", loc,
                               "Input should be a valid integer, got a number with a fractional part",
                               value)
        if not -2 ** 63 <= value < 2 ** 63:
            return None, error("int_parsing_size", loc,
                               "Unable to parse input string as an integer, exceeded maximum size",
                               value)
        return int(value), None
    if isinstance(value, str):
        text = value.strip()
        if INT_TEXT.match(text):
            return int(text.split(".")[0].replace("_", "")), None
        return None, error("int_parsing", loc,
                           "Input should be a valid integer, unable to parse string as an integer",
                           value)
    return None, error("int_type", loc, "Input should be a valid integer", value)


def check_str(value, loc):
    if isinstance(value, str):
        return value, None
    return None, error("string_type", loc, "Input should be a valid string", value)


def check_valve(kind, value, loc):
    """(value, [errors]) for one valve."""
    if kind == "int":
        v, e = check_int(value, loc)
        return v, [e] if e else []
    if kind == "str":
        v, e = check_str(value, loc)
        return v, [e] if e else []
    # list[str]: a list whose items are all strings; each bad item is its own error.
    if not isinstance(value, list):
        return None, [error("list_type", loc, "Input should be a valid list", value)]
    out, errors = [], []
    for i, item in enumerate(value):
        v, e = check_str(item, loc + (i,))
        if e:
            errors.append(e)
        out.append(v)
    return out, errors


def validate_valves(fields, data):
    """Valves(**data) as pydantic does it: defaults for the keys left out, extra keys
    ignored. Returns (valves, None) or (None, the text of pydantic's ValidationError)."""
    valves, errors = {}, []
    for name, kind, default in fields:
        if name not in data:
            valves[name] = copy.deepcopy(default)
            continue
        value, errs = check_valve(kind, data[name], (name,))
        valves[name] = value
        errors.extend(errs)
    if not errors:
        return valves, None
    lines = ["%d validation error%s for Valves" % (len(errors), "" if len(errors) == 1 else "s")]
    for e in errors:
        lines.append(".".join(str(part) for part in e["loc"]))
        lines.append("  %s [type=%s, input_value=%s, input_type=%s]"
                     % (e["msg"], e["type"], pyrepr(e["input"]), type(e["input"]).__name__))
        lines.append("    For further information visit " + PYDANTIC_DOCS + e["type"])
    return None, "\n".join(lines)


def valves_spec(fields):
    """Valves.schema() of pydantic 2: keys sorted, properties in field order."""
    props = {}
    for name, kind, default in fields:
        title = name.replace("_", " ").title()
        if kind == "list[str]":
            props[name] = {"default": default, "items": {"type": "string"}, "title": title,
                           "type": "array"}
        else:
            props[name] = {"default": default, "title": title,
                           "type": "integer" if kind == "int" else "string"}
    return {"properties": props, "title": "Valves", "type": "object"}


# ---- the pipelines ----------------------------------------------------------------------

def message_text(message):
    """A message's text: its content, or the first text part of a multi-part content
    (as the real get_last_user_message reads it)."""
    content = message.get("content")
    if isinstance(content, list):
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text":
                return part.get("text", "")
    return content


def append_text(message, suffix):
    """Adds `suffix` to a message's text (to the first text part of a multi-part one)."""
    content = message.get("content")
    if isinstance(content, str):
        message["content"] = content + suffix
    elif isinstance(content, list):
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text":
                part["text"] = str(part.get("text", "")) + suffix
                return


def last_user_message(body):
    for m in reversed(body.get("messages") or []):
        if isinstance(m, dict) and m.get("role") == "user":
            return m
    return None


def tagger_inlet(body, user, valves):
    m = last_user_message(body)
    if m is not None:
        append_text(m, " [%s]" % valves["tag"])
    return body


def tagger_outlet(body, user, valves):
    messages = body.get("messages") or []
    if messages and isinstance(messages[-1], dict):
        append_text(messages[-1], " [tagged]")
    return body


def llama_only_inlet(body, user, valves):
    m = last_user_message(body)
    if m is not None:
        append_text(m, " [llama-only]")
    return body


def blocker_inlet(body, user, valves):
    m = last_user_message(body)
    if m is not None and re.search(r"\bforbidden\b", str(message_text(m) or ""), re.IGNORECASE):
        raise FilterError("Blocked by policy: no forbidden words")
    return body


def sleepy_inlet(body, user, valves):
    time.sleep(30)
    return body


def words(text):
    parts = text.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts)]


def echo_pipe(user_message, model_id, messages, body):
    """The pipe: a generator of pieces, as most real pipes are."""
    text = user_message if isinstance(user_message, str) else json.dumps(user_message)
    yield from words("Echo: " + text)


# "valves" is None for a pipeline without valves (then /models says "valves": false and
# the valves routes answer 404 "Valves for <id> not found").
PIPELINES = [
    {"id": "echo-pipe", "name": "Echo pipe", "type": "pipe", "valves": None, "pipe": echo_pipe},
    {"id": "tagger", "name": "Tagger", "type": "filter",
     "valves": [("pipelines", "list[str]", ["*"]), ("priority", "int", 0), ("tag", "str", "tagger")],
     "inlet": tagger_inlet, "outlet": tagger_outlet},
    {"id": "llama-only", "name": "Llama only", "type": "filter",
     "valves": [("pipelines", "list[str]", ["llama3.2:latest"]), ("priority", "int", 1)],
     "inlet": llama_only_inlet},
    {"id": "blocker", "name": "Blocker", "type": "filter",
     "valves": [("pipelines", "list[str]", ["*"]), ("priority", "int", 2)],
     "inlet": blocker_inlet},
    {"id": "sleepy", "name": "Sleepy", "type": "filter",
     "valves": [("pipelines", "list[str]", ["sleepy-model"]), ("priority", "int", 3)],
     "inlet": sleepy_inlet},
]
BY_ID = {p["id"]: p for p in PIPELINES}
VALVES = {}  # id -> the current valves (a dict), for the pipelines that have valves


def reset_valves():
    with LOCK:
        VALVES.clear()
        for p in PIPELINES:
            if p["valves"] is not None:
                VALVES[p["id"]] = {n: copy.deepcopy(d) for n, _, d in p["valves"]}


reset_valves()


def current_valves(pid):
    with LOCK:
        return copy.deepcopy(VALVES[pid])


# ---- request forms, checked as FastAPI + pydantic check them ----------------------------
# Each returns a list of errors (empty when the form is good), locations under "body".

def check_filter_form(data):
    """FilterForm: body: dict; user: Optional[dict] = None; extra keys allowed."""
    if not isinstance(data, dict):
        return [error("model_attributes_type", ("body",),
                      "Input should be a valid dictionary or object to extract fields from", data)]
    errors = []
    if "body" not in data:
        errors.append(error("missing", ("body", "body"), "Field required", data))
    elif not isinstance(data["body"], dict):
        errors.append(error("dict_type", ("body", "body"), "Input should be a valid dictionary",
                            data["body"]))
    if data.get("user") is not None and not isinstance(data["user"], dict):
        errors.append(error("dict_type", ("body", "user"), "Input should be a valid dictionary",
                            data["user"]))
    return errors


BOOL_TEXT = {"0": False, "off": False, "f": False, "false": False, "n": False, "no": False,
             "1": True, "on": True, "t": True, "true": True, "y": True, "yes": True}


def check_bool(value, loc):
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), None
    if isinstance(value, str) and value.lower() in BOOL_TEXT:
        return BOOL_TEXT[value.lower()], None
    if isinstance(value, (int, str)):  # another int or word; a float other than 0/1 is a type error
        return None, error("bool_parsing", loc,
                           "Input should be a valid boolean, unable to interpret input", value)
    return None, error("bool_type", loc, "Input should be a valid boolean", value)


def check_chat_form(data):
    """OpenAIChatCompletionForm: stream: bool = True; model: str; messages: a list of
    {role: str, content: str | list}; extra keys allowed. Returns (stream, errors)."""
    if not isinstance(data, dict):
        return True, [error("model_attributes_type", ("body",),
                            "Input should be a valid dictionary or object to extract fields from",
                            data)]
    errors = []
    stream = True
    if "stream" in data:
        stream, e = check_bool(data["stream"], ("body", "stream"))
        if e:
            errors.append(e)
    if "model" not in data:
        errors.append(error("missing", ("body", "model"), "Field required", data))
    else:
        _, e = check_str(data["model"], ("body", "model"))
        if e:
            errors.append(e)
    if "messages" not in data:
        errors.append(error("missing", ("body", "messages"), "Field required", data))
    elif not isinstance(data["messages"], list):
        errors.append(error("list_type", ("body", "messages"), "Input should be a valid list",
                            data["messages"]))
    else:
        for i, m in enumerate(data["messages"]):
            loc = ("body", "messages", i)
            if not isinstance(m, dict):
                errors.append(error("model_attributes_type", loc,
                                    "Input should be a valid dictionary or object to extract "
                                    "fields from", m))
                continue
            if "role" not in m:
                errors.append(error("missing", loc + ("role",), "Field required", m))
            elif not isinstance(m["role"], str):
                errors.append(error("string_type", loc + ("role",), "Input should be a valid string",
                                    m["role"]))
            if "content" not in m:
                errors.append(error("missing", loc + ("content",), "Field required", m))
            elif not isinstance(m["content"], (str, list)):
                errors.append(error("string_type", loc + ("content", "str"),
                                    "Input should be a valid string", m["content"]))
                errors.append(error("list_type", loc + ("content", "list[any]"),
                                    "Input should be a valid list", m["content"]))
    return stream, errors


class BadBody(Exception):
    """A body FastAPI could not read: (status, detail)."""

    def __init__(self, status, detail):
        super().__init__(detail)
        self.status = status
        self.detail = detail


def read_form(raw, content_type):
    """The body as FastAPI's request handler reads it: None when empty; JSON when the
    Content-Type is absent or application/json (or +json); else the raw text (which
    then fails validation, as bytes do there)."""
    if not raw:
        return None
    is_json = not content_type
    if content_type:
        main = content_type.split(";")[0].strip().lower()
        is_json = main == "application/json" or (main.startswith("application/")
                                                  and main.endswith("+json"))
    if not is_json:
        return raw.decode("utf-8", "replace")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise BadBody(422, [{"type": "json_invalid", "loc": ["body", e.pos],
                             "msg": "JSON decode error", "input": {}, "ctx": {"error": e.msg}}])
    except ValueError:  # not UTF-8 (nor UTF-16/32) text
        raise BadBody(400, "There was an error parsing the body")


# ---- HTTP ---------------------------------------------------------------------------------

# (methods, path pattern, handler, name). First match wins, as in Starlette; a path that
# matches with another method answers 405.
PID = r"(?P<pid>[^/]+)"
ROUTES = [
    ({"GET"}, r"/(v1/)?models", "models"),
    ({"GET"}, r"/(v1)?", "status"),
    ({"GET"}, r"/(v1/)?pipelines", "list_pipelines"),
    ({"POST"}, r"/(v1/)?pipelines/reload", "reload"),
    ({"GET"}, r"/(v1/)?" + PID + r"/valves", "get_valves"),
    ({"GET"}, r"/(v1/)?" + PID + r"/valves/spec", "get_valves_spec"),
    ({"POST"}, r"/(v1/)?" + PID + r"/valves/update", "update_valves"),
    ({"POST"}, r"/(v1/)?" + PID + r"/filter/(?P<hook>inlet|outlet)", "filter"),
    ({"POST"}, r"/(v1/)?chat/completions", "chat"),
]
ROUTES = [(methods, re.compile(pattern + r"\Z"), name) for methods, pattern, name in ROUTES]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def version_string(self):
        return "uvicorn"

    # ---- plumbing -------------------------------------------------------------
    def read_raw(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def record(self, raw):
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        with LOCK:
            REQUESTS.append({"method": self.command, "path": self.path,
                             "headers": {k.lower(): v for k, v in self.headers.items()},
                             "body": body})

    def send_json(self, status, obj, headers=None):
        # Starlette's JSONResponse: compact, UTF-8, not ASCII-escaped.
        data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Process-Time", "0")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def detail(self, status, text, headers=None):
        self.send_json(status, {"detail": text}, headers)

    def authorized(self):
        """FastAPI's HTTPBearer, then the real get_current_user (utils/pipelines/auth.py)."""
        if API_KEY is None:
            return True
        header = self.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        if not (header and scheme and token):
            self.detail(403, "Not authenticated")
            return False
        if scheme.lower() != "bearer":
            self.detail(403, "Invalid authentication credentials")
            return False
        if token != API_KEY:
            self.detail(401, "Invalid API key")
            return False
        return True

    # ---- dispatch -------------------------------------------------------------
    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def do_PUT(self):
        self.dispatch()

    def do_DELETE(self):
        self.dispatch()

    def do_PATCH(self):
        self.dispatch()

    def dispatch(self):
        try:
            raw = self.read_raw()
            path = urlsplit(self.path).path
            if path.startswith("/_test/"):
                return self.test_route(path)
            self.record(raw)
            allowed = set()
            for methods, pattern, name in ROUTES:
                m = pattern.match(unquote(path))
                if not m:
                    continue
                if self.command not in methods:
                    allowed |= methods
                    continue
                if not self.authorized():
                    return
                params = {k: v for k, v in m.groupdict().items() if v is not None}
                if self.command == "POST":
                    params["form"] = read_form(raw, self.headers.get("Content-Type"))
                return getattr(self, "route_" + name)(**params)
            if allowed:
                return self.detail(405, "Method Not Allowed", {"Allow": ", ".join(sorted(allowed))})
            return self.detail(404, "Not Found")
        except BadBody as e:
            self.detail(e.status, e.detail)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def test_route(self, path):
        if path == "/_test/requests" and self.command == "GET":
            with LOCK:
                return self.send_json(200, REQUESTS)
        if path == "/_test/reset" and self.command in ("GET", "POST"):
            with LOCK:
                REQUESTS.clear()
            reset_valves()
            return self.send_json(200, {})
        return self.detail(404, "Not Found")

    # ---- routes ---------------------------------------------------------------
    def route_models(self):
        # main.py get_models: "pipelines"/"priority" only for filters, from the valves.
        data = []
        for p in PIPELINES:
            info = {"type": p["type"]}
            if p["type"] == "filter":
                valves = current_valves(p["id"]) if p["valves"] is not None else {}
                info["pipelines"] = valves.get("pipelines", [])
                info["priority"] = valves.get("priority", 0)
            info["valves"] = p["valves"] is not None
            data.append({"id": p["id"], "name": p["name"], "object": "model",
                         "created": int(time.time()), "owned_by": "openai", "pipeline": info})
        self.send_json(200, {"data": data, "object": "list", "pipelines": True})

    def route_status(self):
        self.send_json(200, {"status": True})

    def route_list_pipelines(self):
        self.send_json(200, {"data": [
            {"id": p["id"], "name": p["id"], "type": p["type"], "valves": p["valves"] is not None}
            for p in PIPELINES]})

    def route_reload(self, form=None):
        # The real reload reads each valves.json back, so the valves stay as they are.
        self.send_json(200, {"message": "Pipelines reloaded successfully."})

    def pipeline_with_valves(self, pid):
        """main.py get_valves & co: 404 for an unknown id, 404 for one without valves."""
        p = BY_ID.get(pid)
        if p is None:
            self.detail(404, "Pipeline %s not found" % pid)
            return None
        if p["valves"] is None:
            self.detail(404, "Valves for %s not found" % pid)
            return None
        return p

    def route_get_valves(self, pid):
        if self.pipeline_with_valves(pid):
            self.send_json(200, current_valves(pid))

    def route_get_valves_spec(self, pid):
        p = self.pipeline_with_valves(pid)
        if p:
            self.send_json(200, valves_spec(p["valves"]))

    def route_update_valves(self, pid, form):
        # The form is `form_data: dict`: FastAPI refuses anything else with a 422.
        if form is None:
            return self.send_json(422, {"detail": [error("missing", ("body",), "Field required", None)]})
        if not isinstance(form, dict):
            return self.send_json(422, {"detail": [error("dict_type", ("body",),
                                                         "Input should be a valid dictionary", form)]})
        p = self.pipeline_with_valves(pid)
        if not p:
            return
        valves, problem = validate_valves(p["valves"], form)
        if problem:
            return self.detail(500, problem)
        with LOCK:
            VALVES[pid] = valves
        self.send_json(200, copy.deepcopy(valves))

    def route_filter(self, pid, hook, form):
        if form is None:
            return self.send_json(422, {"detail": [error("missing", ("body",), "Field required", None)]})
        errors = check_filter_form(form)
        if errors:
            return self.send_json(422, {"detail": errors})
        # A pipe's id is refused too. The real server would answer the body unchanged there
        # (a pipe is in its list and has no inlet/outlet); this one is stricter on purpose.
        p = BY_ID.get(pid)
        if p is None or p["type"] != "filter":
            return self.detail(404, "Filter %s not found" % pid)
        fn = p.get(hook)
        body = form["body"]
        if fn is None:
            return self.send_json(200, body)
        try:
            body = fn(body, form.get("user"), current_valves(pid))
        except Exception as e:  # what the real server does with any exception of a filter
            return self.detail(500, str(e))
        self.send_json(200, body)

    def route_chat(self, form):
        if form is None:
            return self.send_json(422, {"detail": [error("missing", ("body",), "Field required", None)]})
        stream, errors = check_chat_form(form)
        if errors:
            return self.send_json(422, {"detail": errors})
        model = form["model"]
        p = BY_ID.get(model)
        if p is None or p["type"] == "filter":
            return self.detail(404, "Pipeline %s not found" % model)
        messages = form["messages"]
        user_message = None
        for m in reversed(messages):
            if m.get("role") == "user":
                user_message = message_text(m)
                break
        pieces = p["pipe"](user_message=user_message, model_id=model, messages=messages, body=form)
        if stream:
            return self.stream_reply(model, pieces)
        self.send_json(200, {
            "id": "%s-%s" % (model, uuid.uuid4()), "object": "chat.completion",
            "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(pieces)},
                         "logprobs": None, "finish_reason": "stop"}]})

    def stream_reply(self, model, pieces):
        """main.py stream_content for a generator pipe: one chunk per piece (a fresh id on
        each, as stream_message_template makes them), a finish chunk, then "data: [DONE]"
        with no blank line after it. Chunked, as uvicorn sends a StreamingResponse."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("X-Process-Time", "0")
        self.end_headers()

        def chunk(text):
            data = text.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def event(delta, finish):
            return "data: %s\n\n" % json.dumps({
                "id": "%s-%s" % (model, uuid.uuid4()), "object": "chat.completion.chunk",
                "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "delta": delta, "logprobs": None,
                             "finish_reason": finish}]})

        for piece in pieces:
            chunk(event({"content": piece}, None))
        chunk(event({}, "stop"))
        chunk("data: [DONE]")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def main():
    global API_KEY
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--api-key")
    args = parser.parse_args()
    API_KEY = args.api_key
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
