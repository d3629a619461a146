#!/usr/bin/env python3
"""A Lyss process filter in Python, with nothing but the standard library.

It speaks JSON-RPC 2.0, one message a line on stdin/stdout (docs/FILTERS.md):
- inlet: adds a line to the person's newest message asking for a short answer;
- stream: turns every streamed piece of the answer to capitals when the valve "shout" is on;
- outlet: appends a signature to the finished reply.
It is a toggle filter: it runs only in the chats that switch it on (a chip over the composer,
or lyss-cli chat --filter shout.py). It reports a status line while the inlet works. Anything
it prints for people goes to stderr.
"""
import json
import sys

DESCRIPTION = {
    "name": "Shout",
    "description": "Asks for short answers and, when told to, shouts them.",
    "version": "1.0",
    "hooks": ["inlet", "stream", "outlet"],
    "priority": 0,
    "toggle": True,
    "valves": {
        "type": "object",
        "properties": {
            "shout": {"type": "boolean", "default": True, "description": "Capitals while streaming."},
            "signature": {"type": "string", "default": "-- shouted", "description": "Added to each reply."},
        },
    },
    "user_valves": {"type": "object", "properties": {}},
}


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def inlet(params):
    body = params["body"]
    send({"jsonrpc": "2.0", "method": "status",
          "params": {"description": "Asking for a short answer", "done": False}})
    for message in reversed(body["messages"]):
        if message["role"] == "user":
            message["content"] += "\n(Answer in one short paragraph.)"
            break
    send({"jsonrpc": "2.0", "method": "status", "params": {"description": "Done", "done": True}})
    return body


def stream(params):
    event = params["event"]
    if params.get("valves", {}).get("shout", True):
        for choice in event.get("choices", []):
            delta = choice.get("delta", {})
            if isinstance(delta.get("content"), str):
                delta["content"] = delta["content"].upper()
    return event


def outlet(params):
    body = params["body"]
    signature = params.get("valves", {}).get("signature", "-- shouted")
    body["messages"][-1]["content"] += "\n\n" + signature
    return body


METHODS = {"describe": lambda params: DESCRIPTION, "inlet": inlet, "stream": stream, "outlet": outlet}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        method = METHODS.get(request.get("method"))
        if method is None:
            send({"jsonrpc": "2.0", "id": request.get("id"),
                  "error": {"code": -32601, "message": "no method " + str(request.get("method"))}})
            continue
        try:
            send({"jsonrpc": "2.0", "id": request["id"], "result": method(request.get("params", {}))})
        except Exception as error:  # the message is what the person reads
            send({"jsonrpc": "2.0", "id": request["id"], "error": {"code": -32000, "message": str(error)}})


if __name__ == "__main__":
    main()
