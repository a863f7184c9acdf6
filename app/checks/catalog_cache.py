"""The products a check needs, kept in the process while the catalog token stays the same.

A warm check finds its cart's products, their other formats and editions, newer editions
and compatible alternatives here without any I/O. Any catalog write changes the token,
and the first check that reads the new token empties this cache.
"""

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.catalog import repository
from app.catalog.models import Product
from app.checks.facts import Catalog, ProductFacts
from app.checks.history import to_facts
from app.checks.relevance import TraitIndex, index_traits
from app.metrics import CATALOG_ENTRIES


class CatalogCache:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], *,
                 max_entries: int = 200_000) -> None:
        self._sessionmaker = sessionmaker
        self._token: object = object()
        self._max_entries = max_entries
        self._traits_loading: dict[str | None, asyncio.Task[TraitIndex]] = {}
        self._products: dict[str, ProductFacts | None] = {}
        self._by_work: dict[str, tuple[ProductFacts, ...]] = {}
        self._by_category: dict[str, tuple[ProductFacts, ...]] = {}
        self._traits: TraitIndex | None = None
        # Every product of this version is held: what is not here does not exist.
        self._whole = False

    @property
    def entries(self) -> int:
        return len(self._products) + len(self._by_work) + len(self._by_category)

    async def traits(self, *, token: str | None) -> TraitIndex:
        """The products that give a customer traits (devices, subscriptions, sizes).

        Read once per catalog version, by one task that finishes even when the checks
        waiting for it give up at their deadline: under load the cache still fills.
        """
        self._adopt(token)
        if self._traits is not None:
            return self._traits
        task = self._traits_loading.get(token)
        if task is None:
            task = self._traits_loading[token] = asyncio.ensure_future(self._load_traits(token))
            task.add_done_callback(lambda _: self._traits_loading.pop(token, None))
        return await asyncio.shield(task)

    async def _load_traits(self, token: str | None) -> TraitIndex:
        """One scan of the products: the trait index, and the whole catalog too when it fits
        in `max_entries`, so that no check of this version reads a product again."""
        async with self._sessionmaker() as session:
            rows = (await session.execute(select(*Product.__table__.c))).all()
        facts = [to_facts(row) for row in rows]
        index = index_traits(facts)
        if token == self._token:
            self._traits = index
            if len(facts) <= self._max_entries:
                self._hold_whole(facts)
        return index

    def _hold_whole(self, facts: list[ProductFacts]) -> None:
        by_work: dict[str, list[ProductFacts]] = defaultdict(list)
        by_category: dict[str, list[ProductFacts]] = defaultdict(list)
        for product in sorted(facts, key=lambda f: f.sku):
            if product.work_id:
                by_work[product.work_id].append(product)
            if product.category and product.active:
                by_category[product.category].append(product)
        self._products = {product.sku: product for product in facts}  # no None: all are here
        self._by_work = {work: tuple(group) for work, group in by_work.items()}
        self._by_category = {category: tuple(group) for category, group in by_category.items()}
        self._whole = True
        CATALOG_ENTRIES.set(self.entries)

    def _clear(self) -> None:
        self._products = {}
        self._by_work = {}
        self._by_category = {}
        self._traits = None
        self._whole = False

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
        whole = self._whole
        for sku in cart_skus:
            if sku not in products:
                if whole:
                    continue
                return None
            product = products[sku]
            if product is None:
                continue
            found[sku] = product
            if product.work_id:
                if (group := self._by_work.get(product.work_id)) is None:
                    if not whole:
                        return None
                    group = ()
                by_work[product.work_id] = group
            if product.requires_any and product.category:
                if (group := self._by_category.get(product.category)) is None:
                    if not whole:
                        return None
                    group = ()
                by_category[product.category] = group
            if product.superseded_by:
                if product.superseded_by not in products and not whole:
                    return None
                if (newer := products.get(product.superseded_by)) is not None:
                    found.setdefault(newer.sku, newer)
        for group in (*by_work.values(), *by_category.values()):
            for p in group:
                found.setdefault(p.sku, p)
        return Catalog(products=found, by_work=by_work, by_category=by_category)

    @property
    def cached_traits(self) -> TraitIndex | None:
        return self._traits

    async def for_cart(self, cart_skus: Iterable[str], *, token: str | None) -> Catalog:
        """The cart's products and their relatives; what is missing is read by a task of its
        own, which fills the cache even if the check waiting for it gives up."""
        return await asyncio.shield(asyncio.ensure_future(self._for_cart(cart_skus, token)))

    async def _for_cart(self, cart_skus: Iterable[str], token: str | None) -> Catalog:
        self._adopt(token)
        if self._whole and (held := self.cached(cart_skus, token=token)) is not None:
            return held
        async with self._sessionmaker() as session:
            return await self._load_for_cart(session, cart_skus, token)

    async def _load_for_cart(
        self, session: AsyncSession, cart_skus: Iterable[str], token: str | None
    ) -> Catalog:
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
