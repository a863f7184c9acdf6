"""How long a kept warning stays quiet: the same for explicit feedback and for outcomes
an order implies."""

from datetime import datetime, timedelta

from app.checks.facts import WarningCode
from app.checks.rules import NEVER_SUPPRESSED
from app.settings import Settings


def suppress_until(settings: Settings, code: WarningCode, action: str,
                   check_as_of: datetime) -> datetime | None:
    if action != "kept" or code in NEVER_SUPPRESSED or settings.suppress_days <= 0:
        return None
    return check_as_of + timedelta(days=settings.suppress_days)
