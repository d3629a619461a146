#!/usr/bin/env python3
"""Runs an Open WebUI filter file unchanged as a Lyss process filter.

openwebui_host.py FILE.py

Loads FILE.py (a module with `class Filter`, inner `Valves` and `UserValves` pydantic
models, sync or async `inlet`/`stream`/`outlet` hooks, `self.toggle`), then speaks Lyss's
filter protocol (docs/FILTERS.md: JSON-RPC 2.0, one message a line) on stdin/stdout. Before
each call the filter's valves are set from what Lyss sends, as Open WebUI does; arguments
are passed by name only when the hook's signature names them: __user__, __metadata__,
__model__, __chat_id__, __message_id__, __id__, __event_emitter__, __event_call__,
__request__. What the filter prints goes to stderr (Lyss's log), never into the protocol.
"""
import asyncio
import importlib.util
import inspect
import json
import os
import sys
import traceback

PROTOCOL_OUT = sys.stdout
sys.stdout = sys.stderr  # a print() in the filter must not break the protocol


def send(message):
    PROTOCOL_OUT.write(json.dumps(message) + "\n")
    PROTOCOL_OUT.flush()


def fail(rid, text):
    send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32000, "message": text}})


def frontmatter(module):
    """Open WebUI's docstring header: 'title: ...', 'version: ...', 'description: ...'."""
    meta = {}
    for line in (module.__doc__ or "").splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip()
    return meta


def schema_of(model):
    if model is None:
        return {"type": "object", "properties": {}}
    if hasattr(model, "model_json_schema"):  # pydantic 2
        return model.model_json_schema()
    return model.schema()  # pydantic 1


def load(path):
    try:
        import pydantic  # noqa: F401  (Open WebUI's filters need it)
    except ImportError:
        return None, None, ("python3-pydantic is not installed; on Debian and Ubuntu: "
                            "sudo apt install python3-pydantic")
    try:
        spec = importlib.util.spec_from_file_location("lyss_openwebui_filter", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module, module.Filter(), None
    except Exception as error:  # what the admin reads in the filter list
        last = traceback.extract_tb(error.__traceback__)[-1:]
        where = " (line %d)" % last[0].lineno if last else ""
        return None, None, "%s cannot be loaded%s: %s: %s" % (
            os.path.basename(path), where, type(error).__name__, error)


def describe(module, flt, path):
    meta = frontmatter(module)
    valves_model = getattr(flt, "Valves", None)
    valves_schema = schema_of(valves_model)
    priority = 0
    default = valves_schema.get("properties", {}).get("priority", {}).get("default")
    if isinstance(default, (int, float)):
        priority = int(default)
    return {
        "name": meta.get("title") or os.path.splitext(os.path.basename(path))[0],
        "description": meta.get("description", ""),
        "version": meta.get("version", ""),
        "hooks": [h for h in ("inlet", "stream", "outlet") if callable(getattr(flt, h, None))],
        "priority": priority,
        "toggle": bool(getattr(flt, "toggle", False)),
        "valves": valves_schema,
        "user_valves": schema_of(getattr(flt, "UserValves", None)),
    }


def emitter_for(message_id):
    async def emit(event):
        kind = event.get("type")
        params = dict(event.get("data") or {})
        params.setdefault("message_id", message_id)  # which reply it is about
        send({"jsonrpc": "2.0", "method": kind if kind in ("status", "notification") else "status",
              "params": params})
    return emit


async def no_answer(event):
    return None  # Lyss asks nobody on a filter's behalf


def call_hook(loop, flt, method, params):
    hook = getattr(flt, method)
    valves_model = getattr(flt, "Valves", None)
    if valves_model is not None:
        flt.valves = valves_model(**(params.get("valves") or {}))
    user = dict(params.get("user") or {})
    user_valves = getattr(flt, "UserValves", None)
    if user_valves is not None:
        user["valves"] = user_valves(**(user.get("valves") or {}))
    metadata = params.get("metadata") or {}
    value = params.get("event") if method == "stream" else params.get("body")
    offered = {
        "body": value, "event": value,
        "__user__": user, "__metadata__": metadata,
        "__model__": {"id": metadata.get("model"), "name": metadata.get("model")},
        "__chat_id__": metadata.get("chat_id"), "__message_id__": metadata.get("message_id"),
        "__id__": metadata.get("filter_id"),
        "__event_emitter__": emitter_for(metadata.get("message_id")),
        "__event_call__": no_answer, "__request__": None,
    }
    signature = inspect.signature(hook)
    args, kwargs = [], {}
    for name, parameter in signature.parameters.items():
        if name in offered and name not in ("body", "event"):
            kwargs[name] = offered[name]
        elif parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD) and not args:
            args.append(value)  # the body (or event), whatever the filter calls it
        elif parameter.kind == parameter.VAR_KEYWORD:
            kwargs.update({k: v for k, v in offered.items() if k.startswith("__")})
    result = hook(*args, **kwargs)
    if inspect.isawaitable(result):
        result = loop.run_until_complete(result)
    return value if result is None else result


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: openwebui_host.py FILE.py\n")
        return 2
    path = sys.argv[1]
    module, flt, problem = load(path)
    loop = asyncio.new_event_loop()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        rid, method, params = request.get("id"), request.get("method"), request.get("params") or {}
        if method == "describe":
            if problem:
                fail(rid, problem)
            else:
                send({"jsonrpc": "2.0", "id": rid, "result": describe(module, flt, path)})
            continue
        if method not in ("inlet", "stream", "outlet") or flt is None:
            fail(rid, problem or "no method %s" % method)
            continue
        try:
            send({"jsonrpc": "2.0", "id": rid, "result": call_hook(loop, flt, method, params)})
        except Exception as error:  # Open WebUI shows the exception's text
            traceback.print_exc()
            fail(rid, str(error) or type(error).__name__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
