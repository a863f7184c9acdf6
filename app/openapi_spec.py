"""The committed `openapi/openapi.json` is this text; a test fails when the app drifts."""

import json
from pathlib import Path

from app.main import create_app
from app.settings import Settings

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def render_spec() -> str:
    spec = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:")).openapi()
    return json.dumps(spec, indent=2, sort_keys=False) + "\n"
