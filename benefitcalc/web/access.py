"""The access log: method, path (never the query) and status, one line a request.

Never a body, a query string, a header or the client's address: what a household tells an
adviser stays out of logs. uvicorn's own access log is switched off (benefitcalc.web.server).
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS_LOG = logging.getLogger("benefitcalc.web.access")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 0
        start = time.perf_counter()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            ms = (time.perf_counter() - start) * 1000
            ACCESS_LOG.info("%s %s %s %.0fms", scope["method"], scope["path"], status or 500, ms)
