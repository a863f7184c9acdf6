"""The products a check needs, kept in the process while the catalog token stays the same.

A warm check finds its cart's products, their other formats and editions, newer editions
and compatible alternatives here without any I/O. Any catalog write changes the token,
and the first check that reads the new token empties this cache.
"""

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog import repository
from app.catalog.models import Product
from app.checks.facts import Catalog, ProductFacts
from app.checks.history import to_facts


class CatalogCache:
    def __init__(self, *, max_entries: int = 200_000) -> None:
        self._token: object = object()
        self._max_entries = max_entries
        self._clear()

    def _clear(self) -> None:
        self._products: dict[str, ProductFacts | None] = {}
        self._by_work: dict[str, tuple[ProductFacts, ...]] = {}
        self._by_category: dict[str, tuple[ProductFacts, ...]] = {}

    def _adopt(self, token: str | None) -> None:
        if token != self._token:
            self._token = token
            self._clear()
        elif len(self._products) > self._max_entries:
            self._clear()

    async def for_cart(
        self, session: AsyncSession, cart_skus: Iterable[str], *, token: str | None
    ) -> Catalog:
        self._adopt(token)
        products = await self._products_for(session, set(cart_skus), token)
        in_cart = [p for p in products.values() if p is not None]
        by_work = await self._lists(
            session, {p.work_id for p in in_cart if p.work_id}, self._by_work,
            repository.list_by_work_ids, lambda p: p.work_id, token,
        )
        by_category = await self._lists(
            session, {p.category for p in in_cart if p.requires_any and p.category},
            self._by_category, repository.list_active_in_categories, lambda p: p.category, token,
        )
        newer = await self._products_for(
            session, {p.superseded_by for p in in_cart if p.superseded_by}, token
        )
        found = {sku: p for sku, p in (products | newer).items() if p is not None}
        for group in (*by_work.values(), *by_category.values()):
            for p in group:
                found.setdefault(p.sku, p)
        return Catalog(products=found, by_work=by_work, by_category=by_category)

    async def _products_for(
        self, session: AsyncSession, skus: set[str], token: str | None
    ) -> dict[str, ProductFacts | None]:
        # Not `skus - keys()`: that builds a set of every cached sku on each call.
        missing = {sku for sku in skus if sku not in self._products}
        loaded: dict[str, ProductFacts | None] = dict.fromkeys(missing)
        if missing:
            for product in await repository.list_by_skus(session, missing):
                loaded[product.sku] = to_facts(product)
            if token == self._token:
                self._products.update(loaded)
        return {sku: self._products[sku] if sku in self._products else loaded[sku]
                for sku in skus}

    async def _lists(
        self,
        session: AsyncSession,
        keys: set[str],
        store: dict[str, tuple[ProductFacts, ...]],
        load: Callable[[AsyncSession, set[str]], Awaitable[list[Product]]],
        key_of: Callable[[Product], str | None],
        token: str | None,
    ) -> dict[str, tuple[ProductFacts, ...]]:
        missing = {key for key in keys if key not in store}
        loaded: dict[str, list[ProductFacts]] = defaultdict(list)
        if missing:
            for product in await load(session, missing):
                loaded[key_of(product) or ""].append(to_facts(product))
        fresh = {k: tuple(sorted(loaded.get(k, ()), key=lambda f: f.sku)) for k in missing}
        if missing and token == self._token:
            store.update(fresh)
        return {k: store[k] if k in store else fresh[k] for k in keys}
