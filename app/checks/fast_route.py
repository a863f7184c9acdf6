"""`POST /v1/checks` on its own short path: the checkout's one hot route.

A check with a bearer key and a body that validates is answered here, without FastAPI's
routing, dependency solving and response-model validation: the body is parsed once
(`model_validate_json`), the answer built once and serialised once (`app/checks/answer.py`).
Anything else (no key, a bad body, a body over the limit, a key refused, a 503) goes on,
through the body-limit and metrics middlewares, to the FastAPI route, which answers it with
exactly the errors every other route gives; the route also keeps the operation in the
OpenAPI spec. `CheckFirstApp` sends a check here before Starlette's own middleware stack
(its error, telemetry and body-limit layers cost a check as much as its rules), so an
answered check passes through no other layer; it records its own latency in the same
histogram.
"""

import time
from typing import Any

from fastapi import FastAPI
from pydantic import ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from app.admission import read_body, replaying
from app.auth import bearer_key
from app.checks.schemas import CheckRequest
from app.checks.service import Checker
from app.errors import ProblemError, failure_response
from app.metrics import REQUEST_SECONDS

PATH = "/v1/checks"


class CheckRouteName:
    """What the metrics middleware reads off `scope["route"]` for its labels."""

    path = PATH


class CheckFirstApp(FastAPI):
    """FastAPI, with `POST /v1/checks` tried on its short path first; everything else, and
    every check the short path does not answer, goes through the whole application."""

    def __init__(self, *, body_limit: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._checks = FastCheckRoute(super().__call__, body_limit=body_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] == "POST":
            scope["app"] = self
            await self._checks(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


class FastCheckRoute:
    """`POST /v1/checks` only (`CheckFirstApp` sends nothing else here); `app` is the whole
    application, for the checks this path does not answer."""

    def __init__(self, app: ASGIApp, *, body_limit: int) -> None:
        self.app = app
        self.body_limit = body_limit
        self.answered_seconds = REQUEST_SECONDS.labels("POST", PATH, "200")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        try:
            messages, body = await read_body(receive, self.body_limit)
            answer = None if body is None else await self._answer(scope, body)
        except Exception as exc:  # nothing sent yet: answered as `LastResort` answers the rest
            await failure_response("POST", PATH, exc)(scope, receive, send)
            return
        if answer is None:
            await self.app(scope, replaying(messages, receive), send)
            return
        scope["route"] = CheckRouteName
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(answer)).encode()),
        ]})
        await send({"type": "http.response.body", "body": answer})
        self.answered_seconds.observe(time.perf_counter() - started)

    async def _answer(self, scope: Scope, body: bytes) -> bytes | None:
        key, content_type = _headers(scope)
        if key is None or content_type is None:
            return None
        if content_type.split(b";", 1)[0].strip().lower() != b"application/json":
            return None
        try:
            request = CheckRequest.model_validate_json(body)
        except ValidationError:
            return None
        try:
            checker: Checker = scope["app"].state.runtime.checker
            result = await checker.check(request, key)
        except ProblemError:
            return None
        result.count()
        return result.json


def _headers(scope: Scope) -> tuple[str | None, bytes | None]:
    """The bearer key (read as everywhere else) and the raw Content-Type."""
    key = content_type = None
    for name, value in scope["headers"]:
        if name == b"authorization":
            key = bearer_key(value.decode("latin-1"))
        elif name == b"content-type":
            content_type = value
    return key, content_type
