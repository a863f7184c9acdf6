"""The products a check needs, kept in the process while the catalog token stays the same.

A warm check finds its cart's products, their other formats and editions, newer editions
and compatible alternatives here without any I/O. Any catalog write changes the token,
and the first check that reads the new token empties this cache.
"""

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog import repository
from app.catalog.models import Product
from app.checks.facts import Catalog, ProductFacts
from app.checks.history import BASIS_COLUMNS, to_facts
from app.checks.relevance import TraitIndex, index_traits
from app.metrics import CATALOG_ENTRIES


class CatalogCache:
    def __init__(self, *, max_entries: int = 200_000) -> None:
        self._token: object = object()
        self._max_entries = max_entries
        self._traits_lock = asyncio.Lock()
        self._clear()

    @property
    def entries(self) -> int:
        return len(self._products) + len(self._by_work) + len(self._by_category)

    async def traits(self, session: AsyncSession, *, token: str | None) -> TraitIndex:
        """The products that give a customer traits (devices, subscriptions, sizes).

        Read once per catalog version: a check then knows, without reading the customer's
        whole history, which of their skus can matter to its cart.
        """
        self._adopt(token)
        if self._traits is not None:
            return self._traits
        async with self._traits_lock:
            if self._traits is None or token != self._token:
                rows = await session.execute(select(*BASIS_COLUMNS))
                index = index_traits(
                    ProductFacts(sku=sku, title=title, kind=kind, category=category,
                                 attributes=dict(attributes or {}), provides=tuple(provides or ()),
                                 duration_days=duration_days, active=active)
                    for sku, title, kind, category, attributes, provides, duration_days, active
                    in rows)
                if token != self._token:
                    return index
                self._traits = index
            return self._traits

    def _clear(self) -> None:
        self._products: dict[str, ProductFacts | None] = {}
        self._by_work: dict[str, tuple[ProductFacts, ...]] = {}
        self._by_category: dict[str, tuple[ProductFacts, ...]] = {}
        self._traits: TraitIndex | None = None

    def _adopt(self, token: str | None) -> None:
        if token != self._token:
            self._token = token
            self._clear()
        elif len(self._products) > self._max_entries:
            self._clear()

    def cached(self, cart_skus: Iterable[str], *, token: str | None) -> Catalog | None:
        """The cart's catalog with no I/O, or None when anything it needs is not held."""
        if token != self._token or self._traits is None:
            return None
        products = self._products
        found: dict[str, ProductFacts] = {}
        by_work: dict[str, tuple[ProductFacts, ...]] = {}
        by_category: dict[str, tuple[ProductFacts, ...]] = {}
        for sku in cart_skus:
            if sku not in products:
                return None
            product = products[sku]
            if product is None:
                continue
            found[sku] = product
            if product.work_id:
                if (group := self._by_work.get(product.work_id)) is None:
                    return None
                by_work[product.work_id] = group
            if product.requires_any and product.category:
                if (group := self._by_category.get(product.category)) is None:
                    return None
                by_category[product.category] = group
            if product.superseded_by:
                if product.superseded_by not in products:
                    return None
                if (newer := products[product.superseded_by]) is not None:
                    found.setdefault(newer.sku, newer)
        for group in (*by_work.values(), *by_category.values()):
            for p in group:
                found.setdefault(p.sku, p)
        return Catalog(products=found, by_work=by_work, by_category=by_category)

    @property
    def cached_traits(self) -> TraitIndex | None:
        return self._traits

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
                CATALOG_ENTRIES.set(self.entries)
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
