"""``python -m eventx.training propbank``: derive ``eventx/data/propbank.json`` from the PropBank frame files.

The frame files (``$EVENTX_DATA/propbank/frames/*.xml``, PropBank 3.4, CC BY-SA
4.0) give each predicate its rolesets: numbered roles with function tags
(``PAG`` agent, ``PPT`` patient or theme, ``EXT`` extent…), aliases (the nouns
and adjectives that share the roleset) and annotated examples. eventx never
reads XML at run time; this command boils the frames down to the few facts the
role rules need:

- ``no_agent_verbs``: verbs whose main roleset (the first one listing the verb
  itself as an alias) has no agent: no ``PAG`` role and no ARG0 (the
  proto-agent, experiencers included) other than an extent. Nobody does a fall,
  a rise, a death, an arrival: their subject undergoes the event.
- ``undergoer_subject_verbs``: the other verbs whose subject undergoes the event
  when they are used without an object: those whose main roleset has an
  ``EXT`` role or an ARG0 described as a causer, and an example whose subject is
  ARG1 with no ARG0 in an active clause ("The stock market *dropped* nearly 7
  %"), and those with another roleset that has an ``EXT`` role and no agent
  (climb.02 "go up", beside climb.01 "ascend").
- ``extent_verbs``: verbs whose main roleset has an ``EXT`` role: their
  measures ("dropped *9.62 %*") are extents, not participants. Elsewhere a sum
  of money is an ordinary argument ("paid *$5 billion*", pay.01 ARG1).
- ``preposition_argument_verbs``: for the partner prepositions *with* and *against*,
  the verbs with an annotated example where a numbered argument other than ARG0 opens
  with it ("merge *with Bell South Corp.*", merge.01 ARG2; "compete *with* …"). Elsewhere
  such a phrase is an adjunct (instrument, manner: "fitted *with* winglets" where no
  example makes it an argument), no participant. For the theme preposition *for*, the
  verbs with an example whose ARG1 opens with it ("bid *for* the contract", "called *for*
  talks"); its other numbered arguments are prices and beneficiaries ("sold *for* $5",
  sell.01 ARG3), no patient.
- ``light_verb_nouns``: verb -> the nouns it forms a light-verb or multiword
  predicate with, from the two-word aliases a roleset lists as such (``pos="l"``
  or ``"m"``: ``take_place`` under take_place.03 "occur", ``make_decision`` under
  decide.01): the noun is the predicate the verb carries, not its object.
- ``nouns``: for each one-word noun alias, its roleset and which numbered role
  is its agent (``PAG``, else an ARG0 that is no extent) and which its patient
  (``PPT``, else ARG1), ``""`` where it has none
  (``invasion`` → ``invade.01``, agent 0, patient 1; ``arrival`` →
  ``arrive.01``, no agent, patient 1). A noun listed by several rolesets takes the
  first in file order.

Frame files that are not well-formed XML are reported and listed under
``_skipped``, never dropped silently.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["argument_prepositions", "build_table", "main", "undergoer_subject_example"]

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "propbank.json"
SOURCE = ("Derived by `python -m eventx.training propbank` from the PropBank frame files, release 3.4 "
          "(https://github.com/propbank/propbank-frames), licensed CC BY-SA 4.0; this table is a derived work "
          "under the same licence (https://creativecommons.org/licenses/by-sa/4.0/).")
#: Words between a subject and its verb that make the clause passive ("was dropped").
PASSIVE_AUXILIARIES = frozenset({"is", "was", "were", "be", "been", "being", "are", "am", "'s", "'re",
                                 "get", "gets", "got", "gotten", "getting"})
#: A causer ARG0 ("causer of motion", "cause"): the verb alternates with an intransitive use.
_CAUSER = re.compile(r"\bcaus", re.IGNORECASE)
_WORD = re.compile(r"^[a-z][a-z-]*$")
#: A two-word light-verb or multiword alias, verb then noun ("take_place", "make_decision").
_VERB_NOUN = re.compile(r"^([a-z]+)_([a-z]+)$")
#: The alias parts of speech of light-verb constructions (l) and multiword expressions (m).
_LIGHT_POS = ("l", "m")
#: Prepositions that mark a partner ("spoke *with*", "protested *against*") when the verb's
#: PropBank examples make the phrase a numbered argument.
PARTNER_PREPOSITIONS = ("with", "against")
#: Prepositions that mark the theme when the verb's PropBank examples open its ARG1 with
#: them ("bid *for* the contract"); other numbered arguments with *for* are prices,
#: beneficiaries or reasons.
THEME_PREPOSITIONS = ("for",)


def _aliases(roleset: ET.Element, pos: str) -> list[str]:
    return [(a.text or "").strip() for a in roleset.iter("alias") if a.get("pos") == pos]


def _roles(roleset: ET.Element) -> dict[str, tuple[str, str]]:
    """``{number: (function tag, description)}`` of a roleset's roles."""
    return {r.get("n", ""): ((r.get("f") or "").upper(), r.get("descr") or "") for r in roleset.iter("role")}


def _span(arg: ET.Element) -> tuple[int, int] | None:
    start, end = arg.get("start") or "", arg.get("end") or ""
    return (int(start), int(end)) if start.isdigit() and end.isdigit() else None


def undergoer_subject_example(example: ET.Element) -> bool:
    """Whether an annotated example uses the verb intransitively with its ARG1 as
    subject: an ARG1 before the verb, no ARG0, no ARG1 after it, and no form of
    *be* or *get* between them (a passive)."""
    propbank = example.find("propbank")
    rel = propbank.find("rel") if propbank is not None else None
    location = (rel.get("relloc") or "").split() if rel is not None else []
    if propbank is None or not location or not location[0].isdigit():
        return False
    verb_at = int(location[0])
    tokens = (example.findtext("text") or "").split()
    args = [(a.get("type", ""), span) for a in propbank.iter("arg") if (span := _span(a)) is not None]
    if any(kind == "ARG0" for kind, _ in args):
        return False
    before = [span for kind, span in args if kind == "ARG1" and span[1] < verb_at]
    if not before or any(kind == "ARG1" and span[0] > verb_at for kind, span in args):
        return False
    between = {t.lower() for t in tokens[before[0][1] + 1:verb_at]}
    return not between & PASSIVE_AUXILIARIES


def argument_prepositions(roleset: ET.Element) -> set[str]:
    """The partner prepositions that open a numbered argument other than ARG0, and the
    theme prepositions that open an ARG1, in the roleset's annotated examples."""
    found = set()
    for arg in roleset.iter("arg"):
        kind, words = arg.get("type") or "", (arg.text or "").strip().lower().split()
        if not words or not (kind.startswith("ARG") and kind[3:4].isdigit()):
            continue
        if kind != "ARG0" and words[0] in PARTNER_PREPOSITIONS or kind == "ARG1" and words[0] in THEME_PREPOSITIONS:
            found.add(words[0])
    return found


def _main_roleset(predicate: ET.Element, lemma: str) -> ET.Element | None:
    return next((rs for rs in predicate.iter("roleset") if lemma in _aliases(rs, "v")), None)


def _agentless(roles: dict[str, tuple[str, str]]) -> bool:
    """No ``PAG`` role, and no ARG0 unless it is an extent (rise.01 has one)."""
    return all(f != "PAG" for f, _ in roles.values()) and roles.get("0", ("EXT", ""))[0] == "EXT"


def _role_of(roles: dict[str, tuple[str, str]], tag: str) -> str:
    """The lowest-numbered role with function ``tag``, or ``""``."""
    numbered = sorted(n for n, (f, _) in roles.items() if f == tag and n.isdigit())
    return numbered[0] if numbered else ""


def build_table(files: Iterable[Path]) -> dict[str, object]:
    """The table :func:`main` writes, from frame files (see the module docstring)."""
    no_agent: set[str] = set()
    undergoer: set[str] = set()
    extent: set[str] = set()
    nouns: dict[str, list[str]] = {}
    prepositional: dict[str, set[str]] = {p: set() for p in PARTNER_PREPOSITIONS + THEME_PREPOSITIONS}
    light: dict[str, set[str]] = {}
    verbs: set[str] = set()
    skipped: list[str] = []
    for path in sorted(files):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            skipped.append(f"{path.name}: {exc}")
            print(f"skipped {path.name}: not well-formed XML ({exc})", file=sys.stderr)
            continue
        for predicate in root.iter("predicate"):
            lemma = predicate.get("lemma", "")
            main_roleset = _main_roleset(predicate, lemma) if _WORD.match(lemma) else None
            if main_roleset is not None:
                roles = _roles(main_roleset)
                tags = {f for f, _ in roles.values()}
                scalar_senses = [rs for rs in predicate.iter("roleset") if lemma in _aliases(rs, "v")
                                 and _agentless(rs_roles := _roles(rs)) and any(f == "EXT" for f, _ in rs_roles.values())]
                if "EXT" in tags:
                    extent.add(lemma)
                if _agentless(roles):
                    no_agent.add(lemma)
                elif scalar_senses or ("EXT" in tags or _CAUSER.search(roles.get("0", ("", ""))[1])) and any(
                        undergoer_subject_example(ex) for ex in main_roleset.iter("example")):
                    undergoer.add(lemma)
            for roleset in predicate.iter("roleset"):
                verbs.update(v for v in _aliases(roleset, "v") if _WORD.match(v))
                roles = _roles(roleset)
                for pos in _LIGHT_POS:
                    for alias in _aliases(roleset, pos):
                        if (pair := _VERB_NOUN.match(alias)) is not None:
                            light.setdefault(pair.group(1), set()).add(pair.group(2))
                for preposition in argument_prepositions(roleset):
                    prepositional[preposition].update(v for v in _aliases(roleset, "v") if _WORD.match(v))
                for noun in _aliases(roleset, "n"):
                    if _WORD.match(noun) and noun not in nouns:
                        agent = _role_of(roles, "PAG") or ("" if _agentless(roles) else "0")
                        patient = _role_of(roles, "PPT") or ("1" if "1" in roles and agent != "1" else "")
                        nouns[noun] = [roleset.get("id", ""), agent, patient]
    return {
        "_source": SOURCE,
        "_comment": ("no_agent_verbs: the main roleset has no agent (PAG); undergoer_subject_verbs: the main roleset "
                     "has an agent, but used without one its subject is ARG1 ('the market dropped 7 %'); nouns: "
                     "noun alias -> [roleset, agent role number or '', patient role number or '']; "
                     "preposition_argument_verbs: preposition -> verbs an example gives a numbered argument "
                     "(not ARG0) opening with it (for 'for': an ARG1); light_verb_nouns: verb -> nouns of its two-word light-verb or "
                     "multiword aliases ('take_place'); verbs: every one-word verb alias of a roleset, the verb "
                     "lemmas a form the lemmatizer left unchanged is checked against ('barred' -> 'bar'). "
                     "Rebuild, never edit."),
        "_skipped": skipped,
        "no_agent_verbs": sorted(no_agent),
        "undergoer_subject_verbs": sorted(undergoer),
        "extent_verbs": sorted(extent),
        "preposition_argument_verbs": {p: sorted(verbs) for p, verbs in prepositional.items()},
        "light_verb_nouns": {verb: sorted(nouns) for verb, nouns in sorted(light.items())},
        "nouns": dict(sorted(nouns.items())),
        "verbs": sorted(verbs),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: read the frame files, write the table, print its counts."""
    from eventx.evaluate._matching import data_dir

    ap = argparse.ArgumentParser(prog="python -m eventx.training propbank", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--frames", type=Path, default=None,
                    help="folder of frame files (default $EVENTX_DATA/propbank/frames)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the table to write (default: the bundled one)")
    args = ap.parse_args(argv)
    frames = args.frames if args.frames is not None else data_dir() / "propbank" / "frames"
    files = list(frames.glob("*.xml"))
    if not files:
        ap.error(f"no frame files (*.xml) in {frames}")
    table = build_table(files)
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(files)} frame files ({len(table['_skipped'])} skipped), "  # type: ignore[arg-type]
          f"{len(table['no_agent_verbs'])} verbs without agent, "  # type: ignore[arg-type]
          f"{len(table['undergoer_subject_verbs'])} with an undergoer subject, "  # type: ignore[arg-type]
          f"{len(table['nouns'])} nouns; {len(text) / 1000:.0f} KB")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
