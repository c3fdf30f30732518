"""Writes one ``## <title>`` section of ``docs/benchmarks.md``, leaving the others alone.

Every benchmark script owns one section and rewrites it with its results and the
exact command that produced them.
"""
from __future__ import annotations

import re
from pathlib import Path

from bot.config import PROJECT_ROOT

BENCHMARKS_MD = PROJECT_ROOT / "docs" / "benchmarks.md"


def write_section(section: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace the section whose heading is the first line of ``section`` (or append it)."""
    heading = section.splitlines()[0]
    if not heading.startswith("## "):
        raise ValueError("a section starts with a '## ' heading")
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = section.rstrip("\n") + "\n\n"
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
