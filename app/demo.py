"""`purchase-guard demo`: a small, realistic shop and one customer whose history makes
every warning code fire, so a newcomer can try the guard at once."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import erasure
from app.catalog import service as catalog_service
from app.catalog.schemas import ProductBatchItem
from app.customers import service as customers_service
from app.customers.schemas import PreferencesUpdate
from app.db import committing, utcnow
from app.freshness import versions
from app.keys import service as keys_service
from app.keys.models import ApiKey
from app.keys.principals import Role
from app.keys.schemas import KeyCreated
from app.orders import service as orders_service
from app.orders.schemas import OrderCreate, ReturnCreate

CUSTOMER = "c-alice"

PRODUCTS: list[dict[str, Any]] = [
    # Books: one work in several formats; one title superseded by a new edition.
    {"sku": "bk-hobbit-hc", "title": "The Hobbit (hardcover)", "kind": "durable",
     "work_id": "hobbit", "format": "hardcover", "category": "books"},
    {"sku": "bk-hobbit-pb", "title": "The Hobbit (paperback)", "kind": "durable",
     "work_id": "hobbit", "format": "paperback", "category": "books"},
    {"sku": "bk-hobbit-ebook", "title": "The Hobbit (ebook)", "kind": "digital",
     "work_id": "hobbit", "format": "ebook", "category": "books"},
    {"sku": "bk-sapiens-hc", "title": "Sapiens (hardcover)", "kind": "durable",
     "work_id": "sapiens", "format": "hardcover", "category": "books"},
    {"sku": "bk-sapiens-pb", "title": "Sapiens (paperback)", "kind": "durable",
     "work_id": "sapiens", "format": "paperback", "category": "books"},
    {"sku": "bk-sapiens-ebook", "title": "Sapiens (ebook)", "kind": "digital",
     "work_id": "sapiens", "format": "ebook", "category": "books"},
    {"sku": "bk-dune-ebook", "title": "Dune (ebook)", "kind": "digital", "work_id": "dune",
     "format": "ebook", "category": "books", "included_in": ["sub:reading-club"]},
    {"sku": "bk-cookbook-2019", "title": "The Family Cookbook, 2019 edition",
     "kind": "durable", "work_id": "family-cookbook-2019", "format": "hardcover",
     "category": "books", "superseded_by": "bk-cookbook-2024"},
    {"sku": "bk-cookbook-2024", "title": "The Family Cookbook, 2024 edition",
     "kind": "durable", "work_id": "family-cookbook-2024", "format": "hardcover",
     "category": "books"},
    # Printers and the cartridges that fit them.
    {"sku": "pr-oj-8010", "title": "OfficeJet 8010 printer", "kind": "durable",
     "category": "printers", "provides": ["printer:oj-8010"]},
    {"sku": "ink-953-black", "title": "953 black ink cartridge", "kind": "consumable",
     "category": "ink", "requires_any": ["printer:oj-8010", "printer:oj-8020"],
     "replenish_days": 60},
    {"sku": "ink-63-black", "title": "63 black ink cartridge", "kind": "consumable",
     "category": "ink", "requires_any": ["printer:dj-3630"], "replenish_days": 60},
    # Shoes: one model in several sizes, and a leather boot.
    *[{"sku": f"sh-road-{size}", "title": f"Road runner, size {size}", "kind": "durable",
       "work_id": "road-runner", "category": "shoes", "attributes": {"size": str(size)}}
      for size in (41, 42, 43, 44)],
    *[{"sku": f"sh-trail-{size}", "title": f"Trail runner, size {size}", "kind": "durable",
       "work_id": "trail-runner", "category": "shoes", "attributes": {"size": str(size)}}
      for size in (42, 43)],
    {"sku": "sh-boot-43", "title": "Chelsea boot, size 43", "kind": "durable",
     "work_id": "chelsea-boot", "category": "shoes", "attributes": {"size": "43"},
     "contains": ["leather"]},
    # Coffee, used up and bought again.
    {"sku": "cf-espresso-1kg", "title": "Espresso beans, 1 kg", "kind": "consumable",
     "category": "coffee", "replenish_days": 30},
    {"sku": "cf-filters-100", "title": "Coffee filters, 100", "kind": "consumable",
     "category": "coffee"},
    # Subscriptions.
    {"sku": "sub-reading-club-12m", "title": "Reading Club, 12 months",
     "kind": "subscription", "provides": ["sub:reading-club"], "duration_days": 365},
]


def _orders(now: datetime) -> list[tuple[str, datetime, list[tuple[str, int]]]]:
    return [
        ("o-1001", datetime(2024, 3, 2, 10, 0, tzinfo=now.tzinfo), [("bk-hobbit-ebook", 1)]),
        ("o-1002", now - timedelta(days=400), [("pr-oj-8010", 1), ("ink-953-black", 2)]),
        ("o-1003", now - timedelta(days=300), [("sh-trail-43", 1)]),
        ("o-1004", now - timedelta(days=200), [("sh-trail-43", 1)]),
        ("o-1005", now - timedelta(days=150), [("sh-road-41", 1)]),
        ("o-1006", now - timedelta(days=100), [("sub-reading-club-12m", 1)]),
        ("o-1007", now - timedelta(days=5), [("cf-espresso-1kg", 1)]),
        ("o-1008", now - timedelta(hours=2), [("cf-filters-100", 1)]),
    ]


async def load(session: AsyncSession) -> list[KeyCreated]:
    """Load the demo shop, replace the demo customer's history, and make fresh demo keys."""
    now = utcnow().replace(microsecond=0)
    await catalog_service.upsert_batch(
        session, products=[ProductBatchItem.model_validate(p) for p in PRODUCTS]
    )
    async with committing(session):
        await erasure.delete_customer_data(session, CUSTOMER)
        await versions.touch_customers(session, [CUSTOMER])
    for order_id, placed_at, lines in _orders(now):
        await orders_service.create_order(session, order=OrderCreate.model_validate({
            "order_id": order_id, "customer_id": CUSTOMER, "placed_at": placed_at,
            "lines": [{"sku": sku, "quantity": qty} for sku, qty in lines],
        }))
    await orders_service.record_return(session, order_id="o-1005", request=ReturnCreate.model_validate({
        "lines": [{"sku": "sh-road-41", "quantity": 1}],
        "reason": "too_small", "returned_at": now - timedelta(days=140),
    }))
    await customers_service.replace_preferences(
        session, customer_id=CUSTOMER,
        update=PreferencesUpdate(formats=["ebook", "paperback"], avoid=["leather"]),
    )
    # The keys of an earlier demo run stop working: only the ones printed now are live.
    earlier = (await session.scalars(select(ApiKey.key_id).where(
        ApiKey.name.in_([f"demo-{role.value}" for role in Role]),
        ApiKey.revoked_at.is_(None)))).all()
    for key_id in earlier:
        await keys_service.revoke_key(session, key_id=key_id)
    return [
        await keys_service.create_key(session, role=role, name=f"demo-{role.value}")
        for role in (Role.checkout, Role.support, Role.admin)
    ]


EXAMPLE_CARTS: list[tuple[str, list[dict[str, Any]]]] = [
    ("Several warnings at once (owned ebook, wrong cartridge, size, coffee, subscription)",
     [{"sku": "bk-hobbit-ebook"}, {"sku": "ink-63-black"}, {"sku": "sh-road-42"},
      {"sku": "cf-espresso-1kg"}, {"sku": "sub-reading-club-12m"}]),
    ("Ordered two hours ago; a newer edition; included in the subscription",
     [{"sku": "cf-filters-100"}, {"sku": "bk-cookbook-2019"}, {"sku": "bk-dune-ebook"}]),
    ("Owned in another format, preferred format, two of one work in the cart",
     [{"sku": "bk-hobbit-hc"}, {"sku": "bk-sapiens-hc"}, {"sku": "bk-sapiens-pb"}]),
    ("Returned before as too small; contains leather; bought before",
     [{"sku": "sh-road-41"}, {"sku": "sh-boot-43"}, {"sku": "pr-oj-8010"}]),
    ("The same ebook as a gift: no warning", [{"sku": "bk-hobbit-ebook", "gift": True}]),
]
