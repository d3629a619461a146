"""
title: Broken
"""
from pydantic import BaseModel

RATIO = 1 / 0


class Filter:
    class Valves(BaseModel):
        pass
