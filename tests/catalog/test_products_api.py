import httpx

BOOK = {"title": "The Hobbit", "kind": "digital", "work_id": "hobbit", "format": "ebook",
        "category": "books", "included_in": ["sub:club"]}


class TestPutProduct:
    async def test_creates_then_updates(self, client: httpx.AsyncClient, admin: dict) -> None:
        created = await client.put("/v1/products/bk-1", json=BOOK, headers=admin)
        assert created.status_code == 201
        assert created.json()["sku"] == "bk-1" and created.json()["active"] is True
        updated = await client.put("/v1/products/bk-1", json={**BOOK, "title": "The Hobbit (2e)"},
                                   headers=admin)
        assert updated.status_code == 200
        assert updated.json()["title"] == "The Hobbit (2e)"
        assert updated.json()["created_at"] == created.json()["created_at"]

    async def test_replaces_fields_left_out(self, client: httpx.AsyncClient, admin: dict) -> None:
        await client.put("/v1/products/bk-1", json=BOOK, headers=admin)
        await client.put("/v1/products/bk-1", json={"title": "Bare"}, headers=admin)
        stored = (await client.get("/v1/products/bk-1", headers=admin)).json()
        assert stored["included_in"] == [] and stored["kind"] is None

    async def test_title_is_required(self, client: httpx.AsyncClient, admin: dict) -> None:
        response = await client.put("/v1/products/bk-1", json={"kind": "digital"}, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "title"]

    async def test_unknown_kind_names_the_field(self, client: httpx.AsyncClient, admin: dict) -> None:
        response = await client.put("/v1/products/bk-1", json={"title": "x", "kind": "food"},
                                    headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "kind"]

    async def test_bad_sku_in_path(self, client: httpx.AsyncClient, admin: dict) -> None:
        response = await client.put("/v1/products/bad sku!", json=BOOK, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["path", "sku"]

    async def test_cannot_supersede_itself(self, client: httpx.AsyncClient, admin: dict) -> None:
        response = await client.put("/v1/products/bk-1", json={**BOOK, "superseded_by": "bk-1"},
                                    headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "superseded_by"]


class TestGetProduct:
    async def test_support_reads_it(self, client: httpx.AsyncClient, keys: dict) -> None:
        await client.put("/v1/products/bk-1", json=BOOK, headers=keys["admin"])
        response = await client.get("/v1/products/bk-1", headers=keys["support"])
        assert response.status_code == 200
        assert {k: response.json()[k] for k in BOOK} == BOOK

    async def test_unknown_is_404(self, client: httpx.AsyncClient, admin: dict) -> None:
        response = await client.get("/v1/products/nope", headers=admin)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestBatch:
    async def test_upserts_all(self, client: httpx.AsyncClient, admin: dict) -> None:
        await client.put("/v1/products/a", json={"title": "A"}, headers=admin)
        items = [{"sku": "a", "title": "A2"}, {"sku": "b", "title": "B"}]
        response = await client.post("/v1/products/batch", json=items, headers=admin)
        assert response.status_code == 200
        assert response.json() == {"created": 1, "updated": 1}
        assert (await client.get("/v1/products/a", headers=admin)).json()["title"] == "A2"

    async def test_one_bad_item_writes_nothing(self, client: httpx.AsyncClient, admin: dict) -> None:
        items = [{"sku": "a", "title": "A"}, {"sku": "b", "title": "B", "replenish_days": 0}]
        response = await client.post("/v1/products/batch", json=items, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", 1, "replenish_days"]
        assert (await client.get("/v1/products/a", headers=admin)).status_code == 404

    async def test_repeated_sku_is_refused(self, client: httpx.AsyncClient, admin: dict) -> None:
        items = [{"sku": "a", "title": "A"}, {"sku": "a", "title": "A again"}]
        response = await client.post("/v1/products/batch", json=items, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", 1, "sku"]

    async def test_more_than_1000_is_refused(self, client: httpx.AsyncClient, admin: dict) -> None:
        items = [{"sku": f"s{n}", "title": "x"} for n in range(1001)]
        response = await client.post("/v1/products/batch", json=items, headers=admin)
        assert response.status_code == 422

    async def test_exactly_1000_is_accepted(self, client: httpx.AsyncClient, admin: dict) -> None:
        items = [{"sku": f"s{n}", "title": "x"} for n in range(1000)]
        response = await client.post("/v1/products/batch", json=items, headers=admin)
        assert response.json() == {"created": 1000, "updated": 0}
