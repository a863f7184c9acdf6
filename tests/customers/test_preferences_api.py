import httpx

PREFS = {"formats": ["ebook", "paperback"], "sizes": {"shoes": "43"}, "avoid": ["peanut"]}


async def test_put_replaces_and_get_returns_it(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.put("/v1/customers/c-1/preferences", json=PREFS,
                                headers=keys["checkout"])
    assert response.status_code == 200
    assert {k: response.json()[k] for k in PREFS} == PREFS
    await client.put("/v1/customers/c-1/preferences", json={"formats": ["audiobook"]},
                     headers=keys["checkout"])
    stored = (await client.get("/v1/customers/c-1/preferences", headers=keys["support"])).json()
    assert stored["formats"] == ["audiobook"] and stored["sizes"] == {} and stored["avoid"] == []
    assert stored["updated_at"] is not None


async def test_unknown_customer_reads_as_empty(client: httpx.AsyncClient, keys: dict) -> None:
    stored = (await client.get("/v1/customers/c-new/preferences", headers=keys["support"])).json()
    assert stored == {"customer_id": "c-new", "formats": [], "sizes": {}, "avoid": [],
                      "updated_at": None}


async def test_a_repeated_entry_is_kept_once_in_its_first_place(
    client: httpx.AsyncClient, keys: dict
) -> None:
    response = await client.put("/v1/customers/c-1/preferences", headers=keys["checkout"],
                                json={"formats": ["ebook", "paperback", "ebook"],
                                      "avoid": ["nuts", "nuts"]})
    assert response.status_code == 200, response.text
    stored = (await client.get("/v1/customers/c-1/preferences", headers=keys["support"])).json()
    assert (stored["formats"], stored["avoid"]) == (["ebook", "paperback"], ["nuts"])


async def test_sizes_must_be_strings(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.put("/v1/customers/c-1/preferences",
                                json={"sizes": {"shoes": 43}}, headers=keys["checkout"])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][:3] == ["body", "sizes", "shoes"]


async def test_unknown_fields_are_refused(client: httpx.AsyncClient, keys: dict) -> None:
    response = await client.put("/v1/customers/c-1/preferences", json={"colour": "red"},
                                headers=keys["checkout"])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "colour"]
