"""Country and sector codes of actors, gazetteer codes of places, and the country table's provenance."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from eventx._actors._coding import code_actor, code_place


@pytest.mark.parametrize(("text", "kind", "country", "sector"), [
    ("Russian Foreign Minister Sergey Lavrov", "PERSON", "RUS", "GOV"),
    ("Israeli aircraft", None, "ISR", "MIL"),
    ("Tigrayan forces", None, "ETH", "REB"),  # a region's armed forces are rebels
    ("French President Emmanuel Macron", "PERSON", "FRA", "GOV"),
    ("the Kremlin", "ORG", "RUS", "GOV"),
    ("Moscow", "GPE", "RUS", None),
    ("UK Prime Minister Keir Starmer", "PERSON", "GBR", "GOV"),
    ("US President Donald Trump", "PERSON", "USA", "GOV"),
    ("Russia's foreign ministry", None, "RUS", "GOV"),
    ("NATO Secretary Mark Rutte", "PERSON", "IGO", "GOV"),  # PLOVER's code for an intergovernmental body
    ("the United Nations", "ORG", "UNO", None),
    ("Senate Majority leader Harry Reid", "PERSON", None, "LEG"),
    ("Syrian rebels", None, "SYR", "REB"),
    ("Iraqi police", None, "IRQ", "COP"),
    ("Saudi Arabian officials", None, "SAU", "GOV"),
    ("South Korean protesters", None, "KOR", "CVL"),
    ("the former president", "PERSON", None, "ELI"),  # the longest phrase wins ("former president", not "president")
    ("General Motors", "ORG", None, None),  # no title inside an organisation's name
    ("Fritz Henderson", "PERSON", None, None),  # a surname that is also a city is no country cue
])
def test_code_actor(text, kind, country, sector):
    code = code_actor(text, kind)
    assert (code.country, code.sector) == (country, sector)


@pytest.mark.parametrize(("text", "document_countries", "country", "latitude"), [
    ("Paris", [], "FRA", 48.85),
    ("Riyadh", [], "SAU", 24.69),
    ("the Saudi capital", [], "SAU", 24.69),
    ("Paris", ["USA"], "USA", 33.66),  # a name several cities share: the one in a country the document mentions
    ("Riyadh, Saudi Arabia", [], "SAU", 24.69),
    ("Washington", [], "USA", 38.90),  # the city, not the state
    ("Kiev", [], "UKR", 50.45),  # another name of a big city
    ("Ukraine", [], "UKR", 49.0),  # a country: its centroid
])
def test_code_place(text, document_countries, country, latitude):
    code = code_place(text, document_countries)
    assert code.country == country
    assert code.latitude == pytest.approx(latitude, abs=0.1)
    assert code.geonames_id is not None


def test_a_place_outside_the_gazetteer_keeps_the_country_its_words_name():
    code = code_place("eastern Ukraine")
    assert code.country == "UKR" and code.geonames_id is None


def test_the_country_table_is_what_the_script_builds_from_the_packages():
    import importlib.util
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_countries"] = module
    spec.loader.exec_module(module)
    committed = json.loads((resources.files("eventx") / "data" / "countries.json").read_text(encoding="utf-8"))
    assert module.build() == committed


def test_sector_words_use_only_plover_codes():
    table = json.loads((resources.files("eventx") / "data" / "sectors.json").read_text(encoding="utf-8"))
    assert set(table["words"]) <= set(table["codes"])
    assert {code for _, code in table["metonyms"].values()} <= set(table["codes"])
    assert set(table["international"].values()) <= {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
