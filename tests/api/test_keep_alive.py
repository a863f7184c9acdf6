"""An error never costs the client its connection: after a 500, the next request on the same
keep-alive connection is answered (uvicorn serving the real app, raw socket, as a checkout's
pooled HTTP client would reuse it)."""

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
import uvicorn

from app.main import create_app
from app.settings import Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def served(settings: Settings) -> AsyncIterator[int]:
    app = create_app(settings)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug of ours")

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.02)
    assert server.started, "uvicorn did not start"
    yield port
    server.should_exit = True
    await task


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    path: str) -> tuple[int, dict[str, str], bytes]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: test\r\n\r\n".encode())
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return int(lines[0].split()[1]), headers, body


async def test_a_500_leaves_the_keep_alive_connection_usable(served: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", served)
    try:
        status, headers, body = await _exchange(reader, writer, "/boom")
        assert status == 500 and headers["content-type"] == "application/problem+json"
        assert b"a bug of ours" not in body
        assert headers.get("connection", "").lower() != "close"
        status, _, _ = await _exchange(reader, writer, "/healthz")
        assert status == 200, "the request after a 500 got no answer on its connection"
    finally:
        writer.close()
