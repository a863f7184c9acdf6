"""Servers a test owns and may break: a Redis, a three-master Redis Cluster, a TCP proxy.

Unlike the shared PostgreSQL and Redis, these exist only for one test, so stopping,
hanging (SIGSTOP) or slowing them down disturbs nothing else.
"""

import asyncio
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

from tests import services


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_cluster_port() -> int:
    """A free port below 55536 whose cluster bus port (+10000) is free too."""
    for _ in range(200):
        port = random.randint(20_000, 45_000)
        try:
            for candidate in (port, port + 10_000):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", candidate))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port pair for a cluster node")


def require_redis_server() -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        message = f"{services.NOT_RUN_PREFIX} redis-server is not installed"
        if services.REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return binary


def _wait_for_port(port: int, *, up: bool, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} did not come {'up' if up else 'down'}")


class OwnedRedis:
    """One redis-server on a free loopback port, started, stopped and paused by the test."""

    def __init__(self, *extra: str, port: int | None = None) -> None:
        self.binary = require_redis_server()
        self.port = port or free_port()
        self.dir = tempfile.mkdtemp(prefix="pg-redis-")
        self.extra = extra
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "OwnedRedis":
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.dir, *self.extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port, up=True)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()
            self.process = None
            _wait_for_port(self.port, up=False)

    def pause(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class RedisCluster:
    """Three masters (no replicas) on loopback ports, joined with `redis-cli --cluster`."""

    def __init__(self) -> None:
        self.nodes = [OwnedRedis("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                                 "--cluster-node-timeout", "2000", port=free_cluster_port())
                      for _ in range(3)]

    @property
    def url(self) -> str:
        return self.nodes[0].url

    def start(self) -> "RedisCluster":
        for node in self.nodes:
            node.start()
        cli = shutil.which("redis-cli")
        assert cli is not None, "redis-cli comes with redis-server"
        subprocess.run(
            [cli, "--cluster", "create", *(f"127.0.0.1:{n.port}" for n in self.nodes),
             "--cluster-replicas", "0", "--cluster-yes"],
            check=True, capture_output=True, timeout=30,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            info = subprocess.run([cli, "-p", str(self.nodes[0].port), "cluster", "info"],
                                  capture_output=True, text=True).stdout
            if "cluster_state:ok" in info:
                return self
            time.sleep(0.1)
        raise RuntimeError("the cluster did not come up")

    def close(self) -> None:
        for node in self.nodes:
            node.close()


class TcpProxy:
    """Forwards a loopback port to a target; the test can make it refuse, hang or slow down."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.refusing = False
        self.delay_s = 0.0
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.StreamWriter] = set()

    def refuse(self) -> None:
        """New connections are dropped at once and open ones cut: the database is gone."""
        self.refusing = True
        self.cut()

    def hang(self) -> None:
        """Connections stay open but nothing gets through: the database stopped answering."""
        self._flowing.clear()

    def restore(self) -> None:
        self.refusing = False
        self.delay_s = 0.0
        self._flowing.set()

    async def start(self) -> "TcpProxy":
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        return self

    def cut(self) -> None:
        """Drop every open connection (as a crashed or restarted server would)."""
        for writer in list(self._connections):
            writer.transport.abort()
        self._connections.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refusing:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._connections.update((writer, up_writer))
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer),
                             return_exceptions=True)
        self._connections.discard(writer)
        self._connections.discard(up_writer)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                await self._flowing.wait()
                if self.delay_s:
                    await asyncio.sleep(self.delay_s)
                writer.write(data)
                await writer.drain()
        finally:
            writer.transport.abort()

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()




