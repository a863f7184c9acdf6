"""The checks' own MGET connection (`app/redis_reads.py`) against a real Redis: answers in
order under concurrency, the URL's database and password, and a fresh connection after
anything unexpected, never an answer given to the wrong read."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis
from redis.exceptions import RedisError

from app.redis_reads import MgetConnection
from tests import services
from tests.servers import OwnedRedis, TcpProxy


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    services.require_redis()
    yield f"reads:{uuid.uuid4().hex}:"


async def test_concurrent_reads_each_get_their_own_keys(prefix: str) -> None:
    writer = aioredis.Redis.from_url(services.REDIS_URL)
    await writer.mset({f"{prefix}{n}": str(n) for n in range(300)})
    reads = MgetConnection.for_url(services.REDIS_URL, timeout_s=2)
    assert reads is not None
    answers = await asyncio.gather(*(
        reads.mget([f"{prefix}{n}", f"{prefix}absent", f"{prefix}{(n + 1) % 300}"])
        for n in range(300)))
    assert answers == [[str(n).encode(), None, str((n + 1) % 300).encode()] for n in range(300)]
    reads.close()
    await writer.delete(*(f"{prefix}{n}" for n in range(300)))
    await writer.aclose()


async def test_the_urls_database_and_password_are_used() -> None:
    server = OwnedRedis("--requirepass", "s3cret").start()
    try:
        writer = aioredis.Redis.from_url(f"redis://:s3cret@127.0.0.1:{server.port}/3")
        await writer.set("k", b"in db 3")
        reads = MgetConnection.for_url(f"redis://:s3cret@127.0.0.1:{server.port}/3",
                                       timeout_s=2)
        assert reads is not None
        assert await reads.mget(["k"]) == [b"in db 3"]
        reads.close()
        wrong = MgetConnection.for_url(f"redis://:nope@127.0.0.1:{server.port}/3", timeout_s=2)
        assert wrong is not None
        with pytest.raises(RedisError):
            await wrong.mget(["k"])
        wrong.close()
        await writer.aclose()
    finally:
        server.close()


async def test_after_a_timeout_the_late_answer_goes_to_nobody(prefix: str) -> None:
    writer = aioredis.Redis.from_url(services.REDIS_URL)
    await writer.mset({f"{prefix}a": b"A", f"{prefix}b": b"B"})
    host, port = services.REDIS_URL.split("//", 1)[1].split("/", 1)[0].split(":")
    proxy = await TcpProxy(host, int(port)).start()
    reads = MgetConnection.for_url(f"redis://127.0.0.1:{proxy.port}/0", timeout_s=0.3)
    assert reads is not None
    assert await reads.mget([f"{prefix}a"]) == [b"A"]
    proxy.hang()
    with pytest.raises(TimeoutError):
        await reads.mget([f"{prefix}a"])
    proxy.restore()
    assert await reads.mget([f"{prefix}b"]) == [b"B"], "a new connection, not A's late answer"
    proxy.cut()  # as a restarted Redis would
    try:  # the read under way when the connection drops fails, or runs on a new one
        assert await reads.mget([f"{prefix}a"]) == [b"A"]
    except ConnectionError:
        pass
    assert await reads.mget([f"{prefix}a"]) == [b"A"]
    reads.close()
    await proxy.close()
    await writer.delete(f"{prefix}a", f"{prefix}b")
    await writer.aclose()


def test_tls_and_unix_sockets_stay_on_redis_py() -> None:
    assert MgetConnection.for_url("rediss://127.0.0.1:6380/0", timeout_s=1) is None
    assert MgetConnection.for_url("unix:///tmp/redis.sock", timeout_s=1) is None
