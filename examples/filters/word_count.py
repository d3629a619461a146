"""
title: Word count
author: Lyss
version: 1.0
description: Tells the model who is asking, and counts the words of each reply.
"""
# An Open WebUI filter, exactly as Open WebUI runs it: drop this file into Lyss's filters
# folder (it needs no execute bit; Lyss runs it with its Open WebUI host) and turn it on.
from typing import Optional

from pydantic import BaseModel, Field


class Filter:
    class Valves(BaseModel):
        priority: int = Field(default=0, description="Where it runs among the filters.")
        greet: bool = Field(default=True, description="Tell the model the person's name.")

    class UserValves(BaseModel):
        show_count: bool = Field(default=True, description="Add the word count to replies.")

    def __init__(self):
        self.valves = self.Valves()

    async def inlet(self, body: dict, __user__: Optional[dict] = None, __event_emitter__=None) -> dict:
        if __event_emitter__:
            await __event_emitter__({"type": "status", "data": {"description": "Adding who asks", "done": False}})
        if self.valves.greet and __user__ and __user__.get("name"):
            body["messages"].insert(0, {"role": "system", "content": "The person asking is %s." % __user__["name"]})
        if __event_emitter__:
            await __event_emitter__({"type": "status", "data": {"description": "Done", "done": True}})
        return body

    def outlet(self, body: dict, __user__: Optional[dict] = None) -> dict:
        valves = (__user__ or {}).get("valves")
        if valves is None or valves.show_count:
            reply = body["messages"][-1]
            reply["content"] += "\n\n(%d words)" % len(reply["content"].split())
        return body
