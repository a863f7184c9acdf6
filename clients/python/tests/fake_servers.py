"""Stand-ins for a purchase-guard in trouble, run as their own process by the tests.

    python fake_servers.py sleepy PORT SECONDS   # answers every request after SECONDS
    python fake_servers.py flaky PORT FAILURES   # 503 + Retry-After: 1, FAILURES times, then 200
    python fake_servers.py broken PORT           # 500 to everything

`GET /count` answers how many other requests it has seen.
"""

import asyncio
import json
import sys

import uvicorn

seen = 0


def app_for(kind: str, arg: float):  # type: ignore[no-untyped-def]
    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        global seen
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        if scope["path"] == "/count":
            return await _send(send, 200, {"count": seen})
        seen += 1
        if kind == "sleepy":
            await asyncio.sleep(arg)
            return await _send(send, 200, _proceed())
        if kind == "flaky" and seen <= arg:
            return await _send(send, 503, _problem(503), {"retry-after": "1"})
        if kind == "broken":
            return await _send(send, 500, _problem(500))
        return await _send(send, 200, _product())

    return app


def _proceed() -> dict:
    return {"check_id": "chk_slow", "customer_id": "c-1", "verdict": "proceed", "warnings": [],
            "degraded": False, "as_of": "2026-01-01T00:00:00Z"}


def _product() -> dict:
    return {"sku": "a", "title": "A", "attributes": {}, "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z"}


def _problem(status: int) -> dict:
    return {"type": "about:blank", "title": "Unavailable", "status": status, "detail": "try later"}


async def _send(send, status, body, headers=None):  # type: ignore[no-untyped-def]
    raw = json.dumps(body).encode()
    content_type = b"application/json" if status < 400 else b"application/problem+json"
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", content_type), (b"content-length", str(len(raw)).encode()),
        *((k.encode(), v.encode()) for k, v in (headers or {}).items())]})
    await send({"type": "http.response.body", "body": raw})


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    arg = float(sys.argv[3]) if len(sys.argv) > 3 else 0
    uvicorn.run(app_for(kind, arg), host="127.0.0.1", port=port, log_level="warning")
