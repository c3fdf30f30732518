"""``python -m bot.catalogue new-service <LeiKa key>``: a valid entry in seconds, nothing invented."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.catalogue import read_catalogue_dir
from bot.catalogue.__main__ import main

from .conftest import CATALOGUE_DIR, LEIKA_CSV


@pytest.fixture()
def catalogue_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CATALOGUE_DIR, tmp_path / "catalogue"))


def _new(directory: Path, key: str, capsys) -> tuple[int, str]:
    code = main(["new-service", key, "--dir", str(directory), "--leika-csv", str(LEIKA_CSV)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_city_service_gets_its_office_and_validates(catalogue_copy: Path, leika, capsys) -> None:
    code, out = _new(catalogue_copy, "99089027000000", capsys)  # Tombola, Lotterie: not catalogued
    assert code == 0, out
    entry = yaml.safe_load((catalogue_copy / "services" / "neu.yaml").read_text(encoding="utf-8"))["services"][0]
    assert entry["leika"] == "99089027000000" and entry["source"]["reviewed"] is None
    assert "fees" not in entry and "documents" not in entry and "summary" not in entry  # only a person adds those
    service = next(s for s in read_catalogue_dir(catalogue_copy, leika).services if s.leika == "99089027000000")
    assert service.leika_name == leika.get("99089027000000").name  # names come from the LeiKa file
    assert service.office_ids == ("ordnungsamt",)  # the authors route it there (data/reference)


def test_a_federal_service_routes_to_its_authority(catalogue_copy: Path, capsys) -> None:
    code, out = _new(catalogue_copy, "99102013000000", capsys)  # Hundesteuer is catalogued: refused
    assert code == 1 and "schon im Katalog" in out
    code, out = _new(catalogue_copy, "99114021000000", capsys)  # Witwenrente: Deutsche Rentenversicherung
    assert code == 0, out
    entry = yaml.safe_load((catalogue_copy / "services" / "neu.yaml").read_text(encoding="utf-8"))["services"][0]
    assert "offices" not in entry and entry["authority"]


def test_an_unknown_key_changes_nothing(catalogue_copy: Path, capsys) -> None:
    code, out = _new(catalogue_copy, "99999999999999", capsys)
    assert code == 1 and "nicht in der LeiKa-CSV" in out
    assert not (catalogue_copy / "services" / "neu.yaml").exists()
