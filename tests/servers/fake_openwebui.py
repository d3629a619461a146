#!/usr/bin/python3
"""An Open WebUI server for Lyss's tests, on aiohttp as Open WebUI's own socket runs: the
HTTP API a desktop client uses (sign-in, the person, models, chat completions, chats),
with Open WebUI's shapes and error texts (backend/open_webui/routers/auths.py,
utils/auth.py, main.py, routers/chats.py).

Start: fake_openwebui.py [--port 0] [--token-seconds N] [--ndjson] [--polling-only]
                         [--ping-interval S] [--ping-timeout S]
Prints "PORT <n>" once listening. Run with /usr/bin/python3 (Debian's python3-aiohttp).

  --token-seconds N  how long a sign-in's token lasts (default 4 weeks; -1: for ever,
                     expires_at is then null as with JWT_EXPIRES_IN=-1)
  --ndjson           /api/v1/chats/all streams a chat a line (newer servers); else one list
  --polling-only     the socket takes HTTP long-polling only (ENABLE_WEBSOCKET_SUPPORT off)
  --ping-interval S, --ping-timeout S   the socket's Engine.IO timers (default 25 and 20)

The socket (python-socketio's AsyncServer at /ws/socket.io, as Open WebUI mounts it) takes
a CONNECT whose auth token is a sign-in's token (and puts it in its person's room, where a
task's events go) or Ann's API key (in no room: Open WebUI's decode_token does not take
keys), and refuses any other (CONNECT_ERROR "Not authorized"; Open WebUI itself connects
everyone and sends nothing). /_test/tasks lists the tasks running and those stopped.
Controls: /_test/sockets (who is connected, and by which transport), /_test/emit (the JSON
body as an "events" envelope, or ?event=NAME), /_test/call (the same, waiting for the
client's acknowledgement, kept in /_test/acks), /_test/kick (the server disconnects every
socket).

People: ann@example.org / "correct horse" (user), pat@example.org / "patience" (pending).
API key: sk-0123456789abcdef0123456789abcdef is Ann's.

Models: llama3.2:latest (an Ollama model), code-helper (a preset named "Code helper" on
llama3.2), a Pipelines filter (not a chat model). The model picks the chat's behaviour:
  llama3.2:latest, code-helper   "Reply to: <last user message>", a word a chunk
  hostile                        multi-byte text in pieces of 1 to 5 bytes, CR LF and bare
                                 CR line ends, comments, "data:" without its space
  error-mid                      a few words, then {"error": ...} inside the stream
anything else                    400 {"detail": "Model not found"}, as Open WebUI answers
Before its chunks a reply sends a line of its own ({"sources": []}), as Open WebUI may.
code-helper has an outlet filter ("Secret guard": the word "secret" masked): run by the
server itself after a task (chat:outlet; a question starting "guard-slow:" makes it slow),
or asked through /api/chat/completed (before 0.9, and for a stream over HTTP);
/_test/outlet?fail=1 makes it fail (fail=403: refused, as to a limited API key). /api/version says 0.9.2 (0.6.41 with /_test/old).
A request with chat_id, id and session_id is run as a task, over the socket, as Open WebUI
runs it (see run_task); /api/tasks/stop/ID stops it. hostile streams over HTTP even so.

/_test/requests lists the requests (method, path, headers, JSON body); /_test/reset
forgets them; /_test/expire ends every sign-in now.
"""
import argparse
import asyncio
import json
import random
import re
import secrets
import sys
import time

import socketio
from aiohttp import web

PEOPLE = {
    "ann@example.org": {"password": "correct horse", "id": "u-ann", "name": "Ann", "role": "user"},
    "pat@example.org": {"password": "patience", "id": "u-pat", "name": "Pat", "role": "pending"},
}
API_KEY = "sk-0123456789abcdef0123456789abcdef"
INVALID_CRED = ("The email or password provided is incorrect. Please check for typos and try "
                "logging in again.")
INVALID_TOKEN = "401 Unauthorized"  # decode_token fails quietly: what an ended JWT gets
HOSTILE_TEXT = "Grüße, 世界! Emoji 🙂 and\n\nnew lines — all of it exact."

TOKENS = {}  # token -> (email, expires_at or None)
REQUESTS = []
ARGS = None


def now():
    return int(time.time())


def person_of(request):
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        raise web.HTTPUnauthorized(text=json.dumps({"detail": "Not authenticated"}),
                                   content_type="application/json")
    token = auth[len("Bearer "):]
    if token == API_KEY:
        return PEOPLE["ann@example.org"] | {"email": "ann@example.org"}, None
    found = TOKENS.get(token)
    if not found or (found[1] is not None and found[1] <= now()):
        raise web.HTTPUnauthorized(text=json.dumps({"detail": INVALID_TOKEN}),
                                   content_type="application/json")
    email, expires = found
    person = PEOPLE[email] | {"email": email}
    if person["role"] == "pending":
        raise web.HTTPUnauthorized(
            text=json.dumps({"detail": "You do not have permission to access this resource. "
                                       "Please contact your administrator for assistance."}),
            content_type="application/json")
    return person, expires


@web.middleware
async def record(request, handler):
    if not request.path.startswith(("/_test/", "/ws/")):
        body = None
        if request.can_read_body:
            raw = await request.read()
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        REQUESTS.append({"method": request.method, "path": request.path,
                         "query": request.query_string,
                         "headers": dict(request.headers), "body": body})
    return await handler(request)


async def signout(request):
    """Its token is revoked (as on a server that keeps revoked tokens in Redis)."""
    person_of(request)
    TOKENS.pop(request.headers.get("Authorization", "")[len("Bearer "):], None)
    return web.json_response({"status": True})


async def signin(request):
    form = await request.json()
    person = PEOPLE.get(str(form.get("email", "")).lower())
    if not person or person["password"] != form.get("password"):
        return web.json_response({"detail": INVALID_CRED}, status=400)
    token = "eyJ" + secrets.token_urlsafe(24)
    expires = None if ARGS.token_seconds < 0 else now() + ARGS.token_seconds
    TOKENS[token] = (form["email"].lower(), expires)
    response = web.json_response({
        "token": token, "token_type": "Bearer", "expires_at": expires, "id": person["id"],
        "email": form["email"].lower(), "name": person["name"], "role": person["role"],
        "profile_image_url": "/user.png", "permissions": {"chat": {"controls": True}}})
    # As Open WebUI does: the token as an httponly cookie too (a client must not send it on).
    response.set_cookie("token", token, httponly=True, samesite="lax")
    return response


async def me(request):
    person, expires = person_of(request)
    return web.json_response({
        "id": person["id"], "email": person["email"], "name": person["name"],
        "role": person["role"], "profile_image_url": "/user.png", "token_type": "Bearer",
        "expires_at": expires, "permissions": {}})


MODELS = [
    {"id": "llama3.2:latest", "name": "llama3.2:latest", "object": "model", "created": 1733000000,
     "owned_by": "ollama", "connection_type": "local",
     "ollama": {"name": "llama3.2:latest", "model": "llama3.2:latest", "size": 2019393189,
                "details": {"family": "llama", "parameter_size": "3.2B",
                            "quantization_level": "Q4_K_M"}, "urls": [0]},
     "tags": [], "actions": [], "filters": []},
    {"id": "code-helper", "name": "Code helper", "object": "model", "created": 1733100000,
     "owned_by": "ollama", "preset": True,
     "info": {"id": "code-helper", "base_model_id": "llama3.2:latest", "name": "Code helper",
              "meta": {"description": "Answers with code",
                       # Its admin attached two tools (this person may use one of them) and
                       # made one of its switchable filters default-on (the other id is
                       # not one of its filters any more).
                       "toolIds": ["web_search", "admins_only"],
                       "defaultFilterIds": ["citations", "gone_filter"]},
              "params": {"temperature": 0.2}},
     "tags": [], "actions": [], "filters": [{"id": "citations", "name": "Citations"}]},
    {"id": "hostile", "name": "hostile", "object": "model", "created": 1733000000,
     "owned_by": "openai", "tags": []},
    {"id": "error-mid", "name": "error-mid", "object": "model", "created": 1733000000,
     "owned_by": "openai", "tags": []},
    {"id": "detoxify_filter", "name": "Detoxify Filter", "object": "model", "created": 1733000000,
     "owned_by": "openai", "pipeline": {"type": "filter", "valves": True}},
]


async def models(request):
    person_of(request)
    return web.json_response({"data": MODELS})


# /_test/tools?fail=1: the tools list is refused (403); delay=S: it answers after S seconds;
# none=1: this person may use no tool.
TOOLS_FAIL = {"on": False, "delay": 0.0, "none": False}


async def tools(request):
    """The tools this person may use (GET /api/v1/tools/), as Open WebUI lists them."""
    person, _ = person_of(request)
    none, delay = TOOLS_FAIL["none"], TOOLS_FAIL["delay"]  # as when asked
    if delay:
        await asyncio.sleep(delay)
    if TOOLS_FAIL["on"]:
        return web.json_response({"detail": "API key not allowed"}, status=403)
    if none:
        return web.json_response([])
    return web.json_response([
        {"id": "web_search", "user_id": person["id"], "name": "Web search",
         "meta": {"description": "Searches the web", "manifest": {}},
         "access_control": None, "updated_at": now(), "created_at": now()}])


def chunk(content=None, finish=None, role=None):
    delta = {}
    if role:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    return {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": now(),
            "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


async def completions(request):
    person_of(request)
    form = await request.json()
    model = form.get("model", "")
    if not any(m["id"] == model for m in MODELS if "pipeline" not in m):
        return web.json_response({"detail": "Model not found"}, status=400)
    # hostile streams over HTTP all the same, as a server that runs no task for it.
    if form.get("chat_id") and form.get("id") and form.get("session_id") and model != "hostile":
        # Open WebUI runs such a request as a task and answers over its socket.
        task_id = secrets.token_hex(8)
        person, _ = person_of(request)
        TASKS[task_id] = asyncio.get_running_loop().create_task(run_task(form, model, person))
        TASK_CHATS[task_id] = form["chat_id"]
        if any(isinstance(m.get("content"), str) and m["content"].startswith("late:")
               for m in form.get("messages", [])):
            await asyncio.sleep(0.5)  # the events come before this answer
        if OLD_SERVER["on"]:
            return web.json_response({"status": True, "task_id": task_id})
        return web.json_response({"status": True, "task_ids": [task_id],
                                  "chat_id": form["chat_id"]})
    last = ""
    for m in form.get("messages", []):
        if m.get("role") == "user":
            last = m.get("content") if isinstance(m.get("content"), str) else ""
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8"})
    await response.prepare(request)

    async def send(obj):
        await response.write(b"data: " + json.dumps(obj).encode() + b"\n\n")

    if model == "hostile":
        events = [chunk(role="assistant", content="")]
        events += [chunk(content=piece) for piece in
                   [HOSTILE_TEXT[i:i + 3] for i in range(0, len(HOSTILE_TEXT), 3)]]
        events.append(chunk(finish="stop"))
        wire = b": keep-alive\r\n\r\n"
        for i, e in enumerate(events):
            end = [b"\n\n", b"\r\n\r\n", b"\r\r"][i % 3]
            field = b"data:" if i % 2 else b"data: "
            wire += field + json.dumps(e, ensure_ascii=False).encode() + end
        wire += b"data: [DONE]\n\n"
        at = 0
        rng = random.Random(7)
        while at < len(wire):
            step = rng.randint(1, 5)
            await response.write(wire[at:at + step])
            at += step
            await asyncio.sleep(0)
        return response
    await send({"sources": []})  # Open WebUI's own line before the model's chunks
    await send(chunk(role="assistant", content=""))
    reply = "Reply to: " + last
    words = reply.split(" ")
    for i, w in enumerate(words):
        await send(chunk(content=w if i == 0 else " " + w))
        if model == "error-mid" and i == 2:
            await send({"error": {"message": "The model ran out of memory."}})
            return response
    await send(chunk(finish="stop"))
    if (form.get("stream_options") or {}).get("include_usage"):
        # The model's server counts only when asked (Open WebUI passes the option on).
        await send({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": now(),
                    "model": model, "choices": [],
                    "usage": {"prompt_tokens": 7, "completion_tokens": len(words),
                              "total_tokens": 7 + len(words)}})
    await response.write(b"data: [DONE]\n\n")
    return response


TASKS = {}  # task id -> the asyncio task running a reply
TASK_CHATS = {}  # task id -> the chat id it was asked for
STOPPED = []  # the tasks stopped (by their id or their chat's) while they ran
# Before 0.9 (/_test/old): anyone may stop a task by its id, and the answer to a request
# it runs names one task_id; since 0.9 only an admin may (everyone else stops their own
# chat's tasks: for a "local:<socket id>" chat, the socket's owner), and it names task_ids.
OLD_SERVER = {"on": False}
REASONING = ["Let me think", "Let me think about sorting", "Let me think about sorting lists."]


async def run_task(form, model, person):
    """A reply as Open WebUI's background task sends it: events to the person's sockets,
    the text whole so far in each chat:completion (ENABLE_REALTIME_CHAT_SAVE off), or
    OpenAI chunks when the question starts with "chunks:" (on). "think:" adds a reasoning
    block that is rewritten as it goes, "ask:" asks a confirmation first (to the asking
    socket only), "slow:" takes its time (for Stop), "late:" too, and its HTTP answer comes
    after the first events; model error-mid fails half-way."""
    chat_id, message_id, sid = form["chat_id"], form["id"], form["session_id"]
    last = ""
    for m in form.get("messages", []):
        if m.get("role") == "user":
            last = m.get("content") if isinstance(m.get("content"), str) else ""

    async def emit(kind, data=None):
        envelope = {"chat_id": chat_id, "message_id": message_id,
                    "data": {"type": kind, "data": data}}
        await SIO.emit("events", envelope, room="user:" + person["id"])  # every socket of theirs

    try:
        await emit("chat:active", {"active": True})
        await emit("status", {"description": "Searching the web", "done": False})
        await asyncio.sleep(0.01)
        await emit("status", {"action": "web_search", "description": "Searched {{count}} sites",
                              "urls": ["https://a.example", "https://b.example",
                                       "https://c.example"], "done": True})
        prefix = ""
        if last.startswith("ask:"):
            answer = await SIO.call("events", {"chat_id": chat_id, "message_id": message_id,
                                               "data": {"type": "confirmation", "data": {
                                                   "title": "Run the tool?",
                                                   "message": "It reads <b>your</b> files."}}},
                                    to=sid, timeout=30)
            ACKS.append(answer)
            prefix = "You said %s. " % ("yes" if answer is True else "no")
        if last.startswith("rewrite:"):
            # A <think> tag being written, then made a block of the server's own; and a
            # <details> the model wrote itself, which is part of the answer.
            await emit("chat:completion", {"content": "Answer: <thi"})
            block = ('<details type="reasoning" done="true" duration="1">\n'
                     "<summary>Thought for 1 second</summary>\n> pondering\n</details>\n")
            mine = "Answer: <details><summary>More</summary>hidden</details> end"
            await emit("chat:completion", {"content": block + "Answer: <det"})
            await emit("chat:completion", {"done": True, "content": block + mine})
            return
        reply = prefix + "Reply to: " + last
        words = reply.split(" ")
        shown = ""
        if last.startswith("think:"):
            for i, thought in enumerate(REASONING):
                block = ('<details type="reasoning" done="false">\n<summary>Thinking…</summary>\n'
                         "> " + thought + "\n</details>\n")
                await emit("chat:completion", {"content": block})
            done_block = ('<details type="reasoning" done="true" duration="2">\n'
                          "<summary>Thought for 2 seconds</summary>\n> " + REASONING[-1] +
                          "\n</details>\n")
        else:
            done_block = ""
        for i, w in enumerate(words):
            piece = w if i == 0 else " " + w
            shown += piece
            if last.startswith("chunks:"):
                await emit("chat:completion", chunk(content=piece))
            else:
                await emit("chat:completion", {"content": done_block + shown})
                if i == 2:  # a late event with less text (sent twice over the wire)
                    await emit("chat:completion", {"content": done_block + shown[:-1]})
            if model == "error-mid" and i == 2:
                await emit("chat:message:error",
                           {"error": {"content": "The model ran out of memory."}})
                await emit("chat:tasks:cancel")
                return
            if last.startswith(("slow:", "late:")):
                await asyncio.sleep(0.2)
            if last.startswith("sources:") and i == 1:
                # A tool updating the message's sources mid-reply: no text.
                await emit("chat:outlet", {"messages": [{"id": message_id, "sources": []}]})
        await emit("chat:completion", {"usage": {"prompt_tokens": 7,
                                                 "completion_tokens": len(words),
                                                 "total_tokens": 7 + len(words)}})
        await emit("chat:completion", {"done": True, "content": done_block + reply,
                                       "title": "New Chat"})
        if model == "code-helper" and not OLD_SERVER["on"]:
            # Since 0.9 the server runs the outlet filters itself, then says what they made
            # of the chat's messages (unchanged or not); "guard-slow:" takes its time.
            await asyncio.sleep(1.0 if last.startswith("guard-slow:") else 0.05)
            messages = [{"role": m.get("role"), "content": m.get("content")}
                        for m in form.get("messages", [])]
            if last.startswith("sources:"):  # the reply without its text, its sources only
                messages.append({"id": message_id, "role": "assistant", "sources": []})
            elif last.startswith("blank:"):  # a filter that leaves nothing of it
                messages.append({"id": message_id, "role": "assistant", "content": ""})
            else:
                messages.append({"id": message_id, "role": "assistant",
                                 "content": guard(done_block + reply), "info": {}})
            await emit("chat:outlet", {"messages": messages})
    except asyncio.CancelledError:
        await emit("chat:tasks:cancel")
        raise
    finally:
        await emit("chat:active", {"active": False})
        for task_id, task in list(TASKS.items()):
            if task is asyncio.current_task():
                del TASKS[task_id]


def guard(text):
    """The outlet filter an admin attached to code-helper ("Secret guard"): the word
    "secret" masked."""
    return re.sub(r"(?i)\bsecret\b", "[redacted]", text)


OUTLET_FAIL = {"on": False}  # /_test/outlet?fail=1: the outlet filters fail (400)


async def chat_completed(request):
    """POST /api/chat/completed: the model's outlet filters on the messages, the reply (the
    message whose id is "id") among them, as Open WebUI runs them for its web page before
    0.9 and for anyone after. Older servers read chat_id and session_id as they are."""
    person_of(request)
    form = await request.json()
    if OUTLET_FAIL["on"] == 403:  # an API key whose endpoints are limited
        return web.json_response({"detail": "API key not allowed"}, status=403)
    if OUTLET_FAIL["on"]:
        return web.json_response({"detail": "Secret guard: the word list is unreadable"},
                                 status=400)
    for key in ("chat_id", "session_id"):
        if key not in form:
            return web.json_response({"detail": "'%s'" % key}, status=400)
    if not any(m["id"] == form.get("model") for m in MODELS):
        return web.json_response({"detail": "Model not found"}, status=400)
    if form.get("model") == "code-helper":
        for m in form.get("messages", []):
            if m.get("role") == "assistant" and m.get("id") == form.get("id"):
                m["content"] = guard(m.get("content") or "")
    return web.json_response(form)


async def version(request):
    return web.json_response({"version": "0.6.41" if OLD_SERVER["on"] else "0.9.2"})


async def test_outlet(request):
    fail = request.query.get("fail", "0")
    OUTLET_FAIL["on"] = 403 if fail == "403" else fail == "1"
    return web.json_response(OUTLET_FAIL)


async def stop_task(request):
    person, _ = person_of(request)
    if person["role"] != "admin" and not OLD_SERVER["on"]:
        return web.json_response(
            {"detail": "You do not have permission to access this resource. Please contact "
                       "your administrator for assistance."}, status=401)
    task = TASKS.pop(request.match_info["id"], None)
    if task is None:
        return web.json_response({"detail": "Task not found"}, status=404)
    task.cancel()
    STOPPED.append(request.match_info["id"])
    return web.json_response({"status": True, "message": "Stopped"})


async def stop_chat_tasks(request):
    """POST /api/tasks/chat/{chat_id}/stop (0.9): every task of a chat of this person's;
    a "local:" chat is the socket whose id follows, and must be this person's."""
    person, _ = person_of(request)
    chat_id = request.match_info["chat_id"]
    not_found = web.json_response({"detail": "We could not find what you're looking for :/"},
                                  status=404)
    if not chat_id.startswith("local:"):
        return not_found
    socket = SOCKETS.get(chat_id[len("local:"):])
    owner = person_of_token(socket["token"]) if socket else None
    if owner is None or owner["id"] != person["id"]:
        return not_found
    for task_id, chat in list(TASK_CHATS.items()):
        if chat == chat_id and task_id in TASKS:
            TASKS.pop(task_id).cancel()
            STOPPED.append(task_id)
    return web.json_response({"status": True, "message": "Stopped the chat's tasks"})


def person_of_token(token):
    if token == API_KEY:
        return PEOPLE["ann@example.org"]
    found = TOKENS.get(token)
    return PEOPLE.get(found[0]) if found else None


async def test_tools(request):
    TOOLS_FAIL["on"] = request.query.get("fail", "0") == "1"
    TOOLS_FAIL["delay"] = float(request.query.get("delay", "0"))
    TOOLS_FAIL["none"] = request.query.get("none", "0") == "1"
    return web.json_response(TOOLS_FAIL)


async def test_old(request):
    OLD_SERVER["on"] = request.query.get("on", "1") == "1"
    return web.json_response(OLD_SERVER)


def history(chat_id, title, turns, branch=False):
    messages = {}
    parent = None
    t = 1733200000
    ids = []
    for i, (user, answer) in enumerate(turns):
        uid, aid = "%s-u%d" % (chat_id, i), "%s-a%d" % (chat_id, i)
        messages[uid] = {"id": uid, "parentId": parent, "childrenIds": [aid], "role": "user",
                         "content": user, "timestamp": t + i * 60, "models": ["llama3.2:latest"]}
        messages[aid] = {"id": aid, "parentId": uid, "childrenIds": [], "role": "assistant",
                         "content": answer, "model": "llama3.2:latest",
                         "timestamp": t + i * 60 + 5, "done": True}
        if parent:
            messages[parent]["childrenIds"] = [uid]
        parent = aid
        ids += [uid, aid]
    if branch:
        # A second answer to the first question: a branch.
        first = "%s-u0" % chat_id
        other = "%s-a0b" % chat_id
        messages[other] = {"id": other, "parentId": first, "childrenIds": [], "role": "assistant",
                           "content": "Another answer.", "model": "llama3.2:latest",
                           "timestamp": t + 30, "done": True}
        messages[first]["childrenIds"].append(other)
    return {"id": chat_id, "user_id": "u-ann", "title": title,
            "chat": {"id": "", "title": title, "models": ["llama3.2:latest"],
                     "history": {"messages": messages, "currentId": parent},
                     "messages": [messages[i] for i in ids], "tags": [],
                     "timestamp": t * 1000},
            "updated_at": t + 600, "created_at": t, "share_id": None, "archived": False,
            "pinned": title.startswith("Pinned"), "meta": {"tags": []}, "folder_id": None}


CHATS = [
    history("c-one", "Pinned: trip to Lisbon",
            [("Where should I stay?", "Alfama is lovely."), ("And eat?", "Try a tasca.")],
            branch=True),
    history("c-two", "Sorting in Python", [("How do I sort a list?", "Use sorted(xs).")]),
]


async def chats_all(request):
    person_of(request)
    if not ARGS.ndjson:
        return web.json_response(CHATS)
    response = web.StreamResponse(headers={"Content-Type": "application/x-ndjson"})
    await response.prepare(request)
    for c in CHATS:
        await response.write(json.dumps(c).encode() + b"\n")
    return response


async def chats_page(request):
    person_of(request)
    return web.json_response([{"id": c["id"], "title": c["title"], "updated_at": c["updated_at"],
                               "created_at": c["created_at"]} for c in CHATS])


async def chat_by_id(request):
    person_of(request)
    for c in CHATS:
        if c["id"] == request.match_info["id"]:
            return web.json_response(c)
    return web.json_response({"detail": "We could not find what you're looking for :/"},
                             status=401)


async def test_requests(request):
    return web.json_response(REQUESTS)


async def test_reset(request):
    REQUESTS.clear()
    return web.json_response({"ok": True})


async def test_expire(request):
    for token, (email, _) in list(TOKENS.items()):
        TOKENS[token] = (email, now() - 1)
    return web.json_response({"ok": True})


SIO = None
SOCKETS = {}  # sid -> {"token", "transport"}
ACKS = []


def make_socket(app):
    global SIO
    SIO = socketio.AsyncServer(
        async_mode="aiohttp", cors_allowed_origins="*",
        transports=["polling"] if ARGS.polling_only else ["polling", "websocket"],
        ping_interval=ARGS.ping_interval, ping_timeout=ARGS.ping_timeout)
    SIO.attach(app, socketio_path="/ws/socket.io")

    @SIO.event
    async def connect(sid, environ, auth):
        token = (auth or {}).get("token", "")
        signed_in = token in TOKENS and (TOKENS[token][1] is None or TOKENS[token][1] > now())
        if not signed_in and token != API_KEY:
            raise socketio.exceptions.ConnectionRefusedError("Not authorized")
        SOCKETS[sid] = {"token": token, "transport": transport_of(sid)}
        if signed_in:
            # As Open WebUI: a sign-in's token (decode_token) puts the socket in its
            # person's room, where their events go. An API key is no such token: the
            # socket is connected, but in no room, and hears none of them.
            entered = SIO.enter_room(sid, "user:" + PEOPLE[TOKENS[token][0]]["id"])
            if asyncio.iscoroutine(entered):  # a coroutine from python-socketio 5.8 on
                await entered

    @SIO.event
    async def disconnect(sid):
        SOCKETS.pop(sid, None)

    @SIO.on("user-join")
    async def user_join(sid, data):
        return {"id": "u-ann", "name": "Ann"}


def transport_of(sid):
    try:
        return SIO.eio.transport(SIO.manager.eio_sid_from_sid(sid, "/"))
    except Exception:  # noqa: BLE001 - not connected (yet): unknown
        return "unknown"


async def test_sockets(request):
    for sid in SOCKETS:
        SOCKETS[sid]["transport"] = transport_of(sid)
    return web.json_response(list(SOCKETS.values()))


async def test_emit(request):
    body = await request.json() if request.can_read_body else {}
    await SIO.emit(request.query.get("event", "events"), body)
    return web.json_response({"ok": True, "to": len(SOCKETS)})


async def test_call(request):
    body = await request.json()
    async def ask(sid):
        try:
            answer = await SIO.call("events", body, to=sid, timeout=30)
        except Exception as e:  # noqa: BLE001 - a test server says what happened
            answer = {"error": type(e).__name__}
        ACKS.append(answer)
    for sid in list(SOCKETS):
        asyncio.get_running_loop().create_task(ask(sid))
    return web.json_response({"ok": True})


async def test_tasks(request):
    return web.json_response({"running": sorted(TASKS), "stopped": STOPPED})


async def test_acks(request):
    return web.json_response(ACKS)


async def test_kick(request):
    for sid in list(SOCKETS):
        await SIO.disconnect(sid)
    return web.json_response({"ok": True})


def make_app():
    app = web.Application(middlewares=[record])
    make_socket(app)
    app.router.add_post("/api/v1/auths/signin", signin)
    app.router.add_get("/api/v1/auths/", me)
    app.router.add_get("/api/v1/auths/signout", signout)
    app.router.add_get("/api/models", models)
    app.router.add_get("/api/v1/tools/", tools)
    app.router.add_post("/api/chat/completions", completions)
    app.router.add_post("/api/chat/completed", chat_completed)
    app.router.add_get("/api/version", version)
    app.router.add_post("/api/tasks/stop/{id}", stop_task)
    app.router.add_post("/api/tasks/chat/{chat_id}/stop", stop_chat_tasks)
    app.router.add_get("/api/v1/chats/all", chats_all)
    app.router.add_get("/api/v1/chats/", chats_page)
    app.router.add_get("/api/v1/chats/{id}", chat_by_id)
    for method in ("GET", "POST"):
        app.router.add_route(method, "/_test/requests", test_requests)
        app.router.add_route(method, "/_test/reset", test_reset)
        app.router.add_route(method, "/_test/expire", test_expire)
        app.router.add_route(method, "/_test/sockets", test_sockets)
        app.router.add_route(method, "/_test/emit", test_emit)
        app.router.add_route(method, "/_test/call", test_call)
        app.router.add_route(method, "/_test/acks", test_acks)
        app.router.add_route(method, "/_test/tasks", test_tasks)
        app.router.add_route(method, "/_test/kick", test_kick)
        app.router.add_route(method, "/_test/old", test_old)
        app.router.add_route(method, "/_test/tools", test_tools)
        app.router.add_route(method, "/_test/outlet", test_outlet)
    return app


async def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token-seconds", type=int, default=4 * 7 * 24 * 3600)
    parser.add_argument("--ndjson", action="store_true")
    parser.add_argument("--polling-only", action="store_true")
    parser.add_argument("--ping-interval", type=float, default=25)
    parser.add_argument("--ping-timeout", type=float, default=20)
    ARGS = parser.parse_args()
    runner = web.AppRunner(make_app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", ARGS.port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
