"""The keys a process remembers for when the database is away: bounded, and the keys in use
are the ones kept."""

from app.keys.principals import KnownKeys, Principal, Role


def _principal(n: int) -> Principal:
    return Principal(f"key_{n}", f"shop {n}", Role.checkout)


def test_known_keys_are_bounded_and_keep_the_keys_in_use() -> None:
    known = KnownKeys(max_entries=2)
    known.remember("d1", _principal(1))
    known.remember("d2", _principal(2))
    assert known.get("d1") == _principal(1)  # in use: d2 is now the one to go
    known.remember("d3", _principal(3))
    assert [known.get(d) for d in ("d1", "d2", "d3")] == [_principal(1), None, _principal(3)]
    known.forget_key("key_1")
    assert known.get("d1") is None
