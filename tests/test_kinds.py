"""Participant kinds: word tables and gazetteer first, an NER model for the names they do not know."""

from __future__ import annotations

import pytest
from stanza.utils.conll import CoNLL


def _misc(tag: str) -> str:
    return tag if tag == "_" else f"ner={tag}"


def sentence(airbus_ner: str, zorbat_ner: str) -> str:
    """CoNLL-U of "Airbus sued Zorbat." with the given NER tags (``_``: no NER)."""
    rows = [
        f"1\tAirbus\tAirbus\tPROPN\t_\t_\t2\tnsubj\t_\t{_misc(airbus_ner)}",
        "2\tsued\tsue\tVERB\t_\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_",
        f"3\tZorbat\tZorbat\tPROPN\t_\t_\t2\tobj\t_\t{_misc(zorbat_ner)}",
    ]
    return "# text = Airbus sued Zorbat\n" + "\n".join(rows) + "\n\n"


def test_tables_decide_before_ner_and_ner_types_unknown_names(extractor):
    doc = CoNLL.conll2doc(input_str=sentence("S-PERSON", "S-PERSON"))
    [event] = extractor.extract_document(doc)
    assert [(p.text, p.kind) for p in event.who] == [("Airbus", "ORG")]  # a known organisation, whatever NER says
    assert [(p.text, p.kind) for p in event.whom] == [("Zorbat", "PERSON")]  # unknown to the tables: NER's kind


def test_without_ner_an_unknown_name_has_no_kind(extractor):
    [event] = extractor.extract_document(sentence("_", "_"))
    assert [(p.text, p.kind) for p in event.who] == [("Airbus", "ORG")]
    assert [p.kind for p in event.whom] == [None]


@pytest.mark.data
def test_meantime_named_mentions_carry_their_entity_type(data_dir):
    from eventx.evaluate._kinds import named_mentions
    from eventx.evaluate._meantime import read_meantime_document

    path = next(iter(sorted((data_dir / "meantime" / "corpus_airbus").glob("*.xml"))))
    doc = read_meantime_document(path, "airbus")
    mentions = named_mentions(path, doc.tokens)
    assert mentions and {t for _, _, t in mentions} <= {"PER", "ORG", "LOC"}
    assert ("Boeing", "ORG") in {(doc.text[s:e], t) for s, e, t in mentions}


def test_person_nouns_hold_singular_and_plural():
    """The table is matched on lemma and on the word: a plural listed without its
    singular ("activists" but not "activist") would miss the singular."""
    from eventx._kinds import PERSON_NOUNS

    plural_endings = {"men": "man", "ies": "y", "s": ""}
    for word in PERSON_NOUNS:
        for ending, singular_ending in plural_endings.items():
            if word.endswith(ending) and word not in {"people", "police", "troops", "his", "us"}:
                singular = word[: -len(ending)] + singular_ending
                assert singular in PERSON_NOUNS, f"{word} is listed without {singular}"
                break
