"""The parser's and entity tagger's input ids (:mod:`eventx._parse._inputs`) are stanza's: on
small vocabularies here, and on the seed article with the real models (its CoNLL-U and entity
tags with and without the two patches)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("stanza")

from eventx._parse import _inputs, _speedups

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
ALL_PATCHES = [patch.name for patch in _speedups.PATCHES]
PARSER_DATA = importlib.import_module("stanza.models.depparse.data")
ENTITY_DATA = importlib.import_module("stanza.models.ner.data")

PARSER_SENTENCES = [
    [["The", "DET", "N", "_", "the", "2", "det"], ["cat", "NOUN", "Vp", "Number=Sing", "cat", "0", "root"],
     ["cat", "NOUN", "Vp", "Number=Sing|Tense=Past", "cat", "2", "conj"]],
    [["Zebras", "_", "_", "_", "_", "_", "_"], ["a", "X", "Nq", "Tense=Past", "a", "no", "dep"]],
    [],
]
ENTITY_SENTENCES = [[["The", ("N", "c")], ["cat", (None,)], ["The", ("N", "c")]], [],
                    [["Tea", "V"], ["tea", (None,)], ["é", ("V", "p")], ["İΣΑΣ", "V"]]]  # tags: a tuple per word


@pytest.fixture
def both():
    """name → (stanza's function, the patched one), every patch in place afterwards."""
    assert _speedups.install() == ALL_PATCHES
    yield {name: _speedups._installed[name] for name in ("parser_ids", "entity_ids")}
    assert _speedups.install() == ALL_PATCHES


def parser_vocabs():
    base = _inputs._vocabs()
    return {**base, "lemma": base["word"], "deprel": base["upos"]}


def raw(sentences):
    return [[list(word) for word in sentence] for sentence in sentences]


def test_the_guards_hold_for_this_stanza():
    assert _inputs.parser_preprocess_guard() is None
    assert _inputs.entity_preprocess_guard() is None


@pytest.mark.parametrize("pretrained", [True, False])
def test_parser_samples_are_stanzas(pretrained, both):
    original, patched = both["parser_ids"]
    vocabs = parser_vocabs()
    pretrain = vocabs["pretrain"] if pretrained else None
    dataset = SimpleNamespace(eval=True)
    expected = original(dataset, raw(PARSER_SENTENCES), vocabs, pretrain, {})
    got = patched(dataset, raw(PARSER_SENTENCES), vocabs, pretrain, {})
    assert got == expected
    xpos, feats = got[0][3], got[0][4]  # composite ids: a fresh list per word, as stanza's
    assert xpos[2] is not xpos[3] and feats[2] is not feats[3]


def test_parser_training_data_keeps_stanzas_code(both):
    _, patched = both["parser_ids"]
    calls = []
    replacement = _inputs.make_parser_preprocess(lambda *args: calls.append(args) or "stanza's")
    dataset = SimpleNamespace(eval=False)  # a bad head must raise there, as stanza's does
    assert replacement(dataset, raw(PARSER_SENTENCES), parser_vocabs(), None, {}) == "stanza's"
    assert len(calls) == 1
    with pytest.raises(ValueError):
        patched(dataset, raw(PARSER_SENTENCES), parser_vocabs(), None, {})


@pytest.mark.parametrize("lowercase", [False, True])
def test_entity_samples_are_stanzas(lowercase, both):
    original, patched = both["entity_ids"]
    base = _inputs._vocabs()
    vocabs = {"char": base["char"], "tag": base["xpos"]}
    args = {"char_lowercase": lowercase}
    expected = original(None, raw(ENTITY_SENTENCES), vocabs, args)
    got = patched(None, raw(ENTITY_SENTENCES), vocabs, args)
    assert got == expected
    chars, tags = got[0][1], got[0][2]  # fresh lists per word, as stanza's
    assert chars[0] is not chars[2] and tags[0] is not tags[2]


@pytest.mark.parametrize("odd", ["vocabulary", "data"])
def test_unknown_vocabularies_and_odd_data_keep_stanzas_code(odd):
    calls = []
    replacement = _inputs.make_entity_preprocess(lambda *args: calls.append(args) or "stanza's")
    base = _inputs._vocabs()
    vocabs = {"char": base["char"], "tag": base["xpos"]}
    sentences = raw(ENTITY_SENTENCES)
    if odd == "vocabulary":
        vocabs["char"] = SimpleNamespace(map=lambda units: [0] * len(units))  # not a stanza vocabulary
    else:
        sentences[0][0][1] = ["N", "c"]  # a list is no tag stanza's loader gives (nor hashable)
    assert replacement(None, sentences, vocabs, {}) == "stanza's"
    assert len(calls) == 1


@pytest.mark.model
def test_seed_article_parses_and_entity_tags_are_stanzas(extractor):
    text = SEED.read_text(encoding="utf-8")

    def parse():
        return [("{:C}".format(doc), [t.ner for t in doc.iter_tokens()]) for doc in extractor._parse([text, "Hi."])]

    assert _speedups.install() == ALL_PATCHES
    patched = parse()
    owners = {"parser_ids": PARSER_DATA.Dataset, "entity_ids": ENTITY_DATA.DataLoader}
    try:
        for name, owner in owners.items():
            owner.preprocess = _speedups._installed[name][0]  # stanza's own
        assert parse() == patched
    finally:
        for name, owner in owners.items():
            owner.preprocess = _speedups._installed[name][1]
    assert any(tag != "O" for _, tags in patched for tag in tags)
