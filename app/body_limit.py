"""Refuses oversized bodies with 413 before the app acts on them.

Ordinary JSON bodies are read here first (they are small), so an oversized one is refused
whole, with or without a Content-Length. Streamed routes (the NDJSON batch) are counted as
they are read instead, and stop at the limit.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PayloadTooLarge, problem_response


class BodyLimitMiddleware:
    def __init__(
        self, app: ASGIApp, *, default_limit: int, streamed_limits: dict[str, int]
    ) -> None:
        self.app = app
        self.default_limit = default_limit
        self.streamed_limits = streamed_limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        streamed = scope["path"] in self.streamed_limits
        limit = self.streamed_limits.get(scope["path"], self.default_limit)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        if streamed:
            await self.app(scope, _counting(receive, limit), send)
            return
        messages, total = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > limit:
                await _too_large(limit)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, replaying(messages, receive), send)


def _counting(receive: Receive, limit: int) -> Receive:
    received = 0

    async def counting_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise PayloadTooLarge(f"The body is larger than {limit:,} bytes.")
        return message

    return counting_receive


def replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replaying_receive() -> Message:
        return pending.pop(0) if pending else await receive()

    return replaying_receive


def _too_large(limit: int) -> ASGIApp:
    error = PayloadTooLarge(f"The body is larger than {limit:,} bytes.")
    return problem_response(
        status=error.status, title=error.title, detail=error.detail, type_=error.type
    )
