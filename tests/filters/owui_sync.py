"""
title: Sync sample
version: 2.1
description: An Open WebUI filter with synchronous hooks, for Lyss's tests.
"""
from pydantic import BaseModel


class Filter:
    class Valves(BaseModel):
        priority: int = 0
        tag: str = "sync"
        shout: bool = False

    def __init__(self):
        self.valves = self.Valves()
        self.toggle = False

    def inlet(self, body, __user__=None, __metadata__=None, __id__=None):
        print("a print goes to the log, not the protocol")
        last = body["messages"][-1]
        last["content"] += " [%s by %s in %s as %s]" % (
            self.valves.tag, __user__["name"], "chat" if __metadata__.get("chat_id") else "?", __id__)
        return body

    def stream(self, event):
        if self.valves.shout:
            delta = event["choices"][0]["delta"]
            delta["content"] = delta.get("content", "").upper()
        return event

    def outlet(self, body):
        if "fail" in body["messages"][-2]["content"]:
            raise ValueError("the outlet was told to fail")
        body["messages"][-1]["content"] += " [" + self.valves.tag + "]"
        return body
