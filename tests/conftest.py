"""Shared fixtures: gold parses written compactly, and the data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import eventx

#: Tokens written without a space before them.
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "'s", "n't", "'", ")", "%"}


UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"}


def conllu(*sentences: str) -> str:
    """CoNLL-U from a compact notation: one string per sentence, space-separated tokens
    ``form/UPOS/head/deprel[/Feats]`` or ``form/lemma/UPOS/head/deprel[/Feats]``. Lemma defaults to the form; SpaceAfter is
    inferred (no space before punctuation and clitics)."""
    blocks = []
    for sentence in sentences:
        rows, tokens = [], sentence.split()
        for i, token in enumerate(tokens, start=1):
            parts = token.split("/") if not token.startswith("//") else ["/", *token[2:].split("/")]
            if parts[1] in UPOS:  # lemma omitted: form/UPOS/head/deprel[/Feats]
                form, upos, head, rel, *rest = parts
                lemma, feats = form, (rest[0] if rest else "_")
            elif len(parts) == 5:
                form, lemma, upos, head, rel = parts
                feats = "_"
            else:
                form, lemma, upos, head, rel, feats = parts
            nxt = tokens[i].split("/")[0] if i < len(tokens) else None
            misc = "SpaceAfter=No" if nxt in NO_SPACE_BEFORE else "_"
            rows.append("\t".join([str(i), form, lemma, upos, "_", feats, head, rel, "_", misc]))
        text = "".join(r.split("\t")[1] + ("" if "SpaceAfter=No" in r else " ") for r in rows).strip()
        blocks.append(f"# text = {text}\n" + "\n".join(rows))
    return "\n\n".join(blocks) + "\n\n"


@pytest.fixture(scope="session")
def extractor() -> eventx.Extractor:
    """An extractor with the default ontology (its pipeline is loaded only if a test parses)."""
    return eventx.Extractor()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shared data folder (``$EVENTX_DATA``, default ``../shared/data``)."""
    path = Path(os.environ.get("EVENTX_DATA", "../shared/data"))
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} not found: set EVENTX_DATA")
    return path


def only(events, lemma):
    """The single event whose trigger lemma is ``lemma``."""
    found = [e for e in events if e.trigger.lemma == lemma]
    assert len(found) == 1, f"expected one {lemma!r} event, got {[e.trigger.lemma for e in events]}"
    return found[0]


def roles_of(extractor, parse, lemma):
    """``(who texts, whom texts)`` of the single ``lemma`` event of a gold parse (``conllu`` line format)."""
    event = only(extractor.extract_document(conllu(parse)), lemma)
    return [p.text for p in event.who], [p.text for p in event.whom]
