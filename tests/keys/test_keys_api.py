import httpx

from app.keys.principals import hash_key


async def test_create_shows_the_key_once_and_list_never(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.post("/v1/keys", json={"role": "checkout", "name": "shop-1"},
                                 headers=admin)
    assert response.status_code == 201
    created = response.json()
    assert set(created) == {"key_id", "key", "role", "name", "created_at"}
    assert created["role"] == "checkout" and created["name"] == "shop-1"
    listed = await client.get("/v1/keys", headers=admin)
    assert listed.status_code == 200
    assert created["key"] not in listed.text
    [item] = listed.json()["items"]
    assert item["key_id"] == created["key_id"] and "key" not in item
    assert listed.json()["next_cursor"] is None


async def test_the_new_key_works_with_its_role(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = (await client.post("/v1/keys", json={"role": "support", "name": "agent"},
                                 headers=admin)).json()
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert (await client.get("/v1/stats/warnings", headers=headers)).status_code == 200
    assert (await client.get("/v1/keys", headers=headers)).status_code == 403


async def test_keys_are_stored_hashed(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    from sqlalchemy import select

    from app.keys.models import ApiKey

    created = (await client.post("/v1/keys", json={"role": "admin", "name": "ops"},
                                 headers=admin)).json()
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.sessionmaker() as session:
        row = (await session.scalars(select(ApiKey))).one()
    assert row.key_hash == hash_key(created["key"])
    assert created["key"] not in {row.key_hash, row.name, row.key_id}


async def test_list_pages_with_a_cursor(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    for n in range(5):
        await client.post("/v1/keys", json={"role": "checkout", "name": f"k{n}"}, headers=admin)
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/keys", params=params, headers=admin)).json()
        seen.extend(item["name"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"k{n}" for n in range(5)]


async def test_bad_role_names_the_field(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/v1/keys", json={"role": "root", "name": "x"}, headers=admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "role"]


async def test_bad_cursor_is_422(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.get("/v1/keys", params={"cursor": "garbage!"}, headers=admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]


async def test_revoking_an_unknown_key_is_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    response = await client.delete("/v1/keys/key_nope", headers=admin)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_revoked_keys_are_listed_as_revoked(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = (await client.post("/v1/keys", json={"role": "support", "name": "x"},
                                 headers=admin)).json()
    await client.delete(f"/v1/keys/{created['key_id']}", headers=admin)
    [item] = (await client.get("/v1/keys", headers=admin)).json()["items"]
    assert item["revoked_at"] is not None
