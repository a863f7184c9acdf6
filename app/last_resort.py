"""The outermost middleware: an exception nothing else answered becomes a problem response.

Starlette's own last-resort handler answers 500 too, but then re-raises, and uvicorn drops
the keep-alive connection without saying `Connection: close`: the client's next request on
that connection (often a check) gets no answer at all. Answered here, the exception goes
no further and the connection stays usable. Once a response has started, nothing can be
said any more, and the exception goes on (uvicorn closes the connection).
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import failure_response


class LastResort:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            response = failure_response(scope["method"], scope["path"], exc)
            await response(scope, receive, send)
