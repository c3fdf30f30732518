"""The drafted services (``data/catalogue-drafts/``) stay valid together with the catalogue.

They are not loaded by the bot, but activating them must stay a file move plus a measurement
(``docs/catalogue.md``): a draft that no longer validates — an id now taken, an office renamed,
a LeiKa key typed wrong — is caught here, not on the day someone activates it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue.__main__ import main
from bot.catalogue.loader import copy_with_drafts

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = sorted((ROOT / "data" / "catalogue-drafts").glob("*.yaml"))


@pytest.mark.skipif(not DRAFTS, reason="no drafts")
def test_every_draft_validates_with_the_catalogue(tmp_path: Path) -> None:
    catalogue = copy_with_drafts(ROOT / "data" / "catalogue", ROOT / "data" / "catalogue-drafts", tmp_path / "catalogue")
    assert main(["validate", "--dir", str(catalogue)]) == 0
