from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base


class DataVersion(Base):
    """A token that changes, in the same transaction, with every write to a scope.

    Scopes are `catalog` and one per customer (`c:` + SHA-256 of the id, so an erased
    customer's id is not kept here). A cached snapshot is used only while the token it
    was built under is still the current one: the database, not the cache, decides.
    """

    __tablename__ = "data_version"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    token: Mapped[str] = mapped_column(String(32))
