"""Request bodies: a size limit that is answered (413), not dropped, and JSON read safely.

:class:`BodyLimit` is an ASGI middleware. It refuses a body whose ``Content-Length`` is over the
limit, and counts the bytes of any other body as they arrive (a chunked body has no length), so
no more than the limit is ever held. A refused body is read to its end and thrown away before the
413 is sent, so the client, still sending, reads the answer instead of a reset connection.

:func:`parse_json` reads numbers exactly (``Decimal``), refuses duplicate keys (the last one would
silently win) and refuses nesting deeper than a household ever needs.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from benefitcalc import inputs
from benefitcalc.web.errors import RequestError, error_response

MAX_BODY = 2 * 1024 * 1024  # bytes: a batch of 1,000 households fits
MAX_DEPTH = 32  # a scenario nests 6 deep; a batch of them 9
# A refused body is read and thrown away up to this much more; past it the connection is closed.
_DRAIN_LIMIT = 16 * 1024 * 1024


def _too_large(limit: int) -> Any:
    return error_response(413, "too_large", "body", f"the body is over the limit of {limit:,} bytes; send less")


class BodyLimit:
    """Answer 413 to a body over ``limit`` bytes; pass every other request on with its body."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await drain(receive)
            await _too_large(self.limit)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                if message.get("more_body", False):
                    await drain(receive)
                await _too_large(self.limit)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def drain(receive: Receive) -> None:
    """Read what is left of the body and throw it away (up to a bound)."""
    seen = 0
    while seen <= _DRAIN_LIMIT:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def check_shape(data: Any, where: str = "body") -> Any:
    """``data`` if it nests at most :data:`MAX_DEPTH` deep and shares no list or mapping.

    Iterative, so nothing overflows the stack. Shared containers come only from YAML anchors and
    aliases, which can make a few lines stand for billions of values: refused.
    """
    seen: set[int] = set()
    stack = [(data, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if level > MAX_DEPTH:
            raise RequestError(f"the data is nested too deeply (at most {MAX_DEPTH} levels)", where)
        if id(item) in seen:
            raise RequestError("anchors and aliases (&name, *name) are not allowed in a scenario", where)
        seen.add(id(item))
        stack.extend((child, level + 1) for child in children)
    return data


def parse_json(body: bytes) -> Any:
    """The body as JSON data, numbers exact; :class:`RequestError` (400) for anything else."""
    if not body.strip():
        raise RequestError("send a JSON body (Content-Type: application/json)", "body")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError("the body is not UTF-8 text", "body") from None
    # The one safe JSON reader (benefitcalc.inputs): depth checked before parsing, text and number
    # limits, NaN and infinities and duplicate keys refused, every message naming the field.
    return inputs.parse_json(text, "body", RequestError, what="body")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


class JSON(JSONResponse):
    """A JSON answer that may hold exact numbers (sent as JSON numbers) and dates (as ISO text)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")
