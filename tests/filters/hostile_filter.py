#!/usr/bin/env python3
"""A filter process for Lyss's tests that misbehaves on purpose.

hostile_filter.py MODE [ARG]. Every mode describes itself (all three hooks) unless it says
otherwise, and passes bodies and events through unchanged unless it is the mode's point:

  good            behaves; inlet appends " [seen]" to the newest user message, stream
                  uppercases, outlet appends " [checked]"; prints a status line on inlet
  error-inlet     answers inlet with a JSON-RPC error "no questions on Mondays"
  hang-inlet      never answers inlet (the rest works)
  crash-inlet     exits with code 3 on inlet
  kill-inlet      kills itself with SIGKILL on inlet
  garbage         answers inlet with a line that is not JSON
  flood           answers inlet with an endless line without a newline
  wrong-id        answers inlet with an id that was never asked
  bad-stream W    fails stream calls whose text contains W
  error-outlet    fails outlet
  slow-start S    sleeps S seconds before reading anything
  no-describe     never answers describe
  exit-at-once    exits before describing
  stderr-flood    writes 1 MiB to stderr on each inlet, then behaves
  inlet-only      describes only the inlet hook
  priority N      behaves, with priority N, and tags what it sees with its N
  slow-inlet S    takes S seconds over each inlet, then behaves
  notify-flood    sends 5,000 status notifications on inlet before answering
  pass            has every hook and changes nothing (for the benchmark)
  toggle NAME     behaves as "priority" with the tag NAME, and is a toggle filter; its
                  outlet sends a notification "toggle NAME ran" (with a stray U+202E)
  slow-toggle N   the same, but takes 1.5 s before it reads anything (so, to describe itself)
"""
import json
import os
import signal
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "good"
arg = sys.argv[2] if len(sys.argv) > 2 else ""
tagged = mode in ("priority", "toggle", "slow-toggle")
tag = " [%s]" % arg if tagged else " [seen]"


def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def answer(rid, result):
    send({"jsonrpc": "2.0", "id": rid, "result": result})


if mode == "slow-start":
    time.sleep(float(arg))
if mode == "slow-toggle":
    time.sleep(1.5)
if mode == "exit-at-once":
    sys.exit(2)

for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    rid, method, params = req.get("id"), req.get("method"), req.get("params", {})
    if method == "describe":
        if mode == "no-describe":
            continue
        hooks = ["inlet"] if mode == "inlet-only" else ["inlet", "stream", "outlet"]
        answer(rid, {"name": "Hostile " + mode, "hooks": hooks,
                     "priority": int(arg) if mode == "priority" else 0,
                     "toggle": mode in ("toggle", "slow-toggle"),
                     "valves": {"type": "object", "properties": {
                         "level": {"type": "integer", "default": 1},
                         "mood": {"type": "string", "enum": ["calm", "loud"], "default": "calm"}}}})
        continue
    if mode == "pass" and method in ("inlet", "stream", "outlet"):
        answer(rid, params["event"] if method == "stream" else params["body"])
        continue
    if method == "inlet":
        body = params["body"]
        if mode == "error-inlet":
            send({"jsonrpc": "2.0", "id": rid, "error": {"code": 1, "message": "no questions on Mondays"}})
            continue
        if mode == "hang-inlet":
            continue
        if mode == "crash-inlet":
            sys.exit(3)
        if mode == "kill-inlet":
            os.kill(os.getpid(), signal.SIGKILL)
        if mode == "garbage":
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
            continue
        if mode == "flood":
            chunk = "x" * 65536
            while True:
                sys.stdout.write(chunk)
                sys.stdout.flush()
        if mode == "wrong-id":
            answer(rid + 1000, body)
            continue
        if mode == "slow-inlet":
            time.sleep(float(arg))
        if mode == "notify-flood":
            for i in range(5000):
                send({"jsonrpc": "2.0", "method": "status", "params": {"description": "n%d" % i}})
        if mode == "stderr-flood":
            sys.stderr.write("e" * (1 << 20) + "\n")
            sys.stderr.flush()
        send({"jsonrpc": "2.0", "method": "status", "params": {"description": "looking", "done": False}})
        for m in reversed(body["messages"]):
            if m["role"] == "user":
                m["content"] += tag
                break
        answer(rid, body)
        continue
    if method == "stream":
        event = params["event"]
        text = event["choices"][0]["delta"].get("content", "")
        if mode == "bad-stream" and arg in text:
            send({"jsonrpc": "2.0", "id": rid, "error": {"code": 2, "message": "cannot read that"}})
            continue
        if mode in ("good", "stderr-flood"):
            event["choices"][0]["delta"]["content"] = text.upper()
        answer(rid, event)
        continue
    if method == "outlet":
        body = params["body"]
        if mode == "error-outlet":
            send({"jsonrpc": "2.0", "id": rid, "error": {"code": 3, "message": "outlet broke"}})
            continue
        body["messages"][-1]["content"] += tag if tagged else " [checked]"
        if mode == "toggle":
            send({"jsonrpc": "2.0", "method": "notification",
                  "params": {"type": "success", "content": "toggle %s ran\u202e" % arg}})
        answer(rid, body)
        continue
    send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32601, "message": "no such method"}})
