"""MEANTIME reader and event scorer, with fake extractors on a tiny CAT file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import eventx
from eventx._types import Event, Participant, TimeExpression, Trigger
from eventx.evaluate._matching import align_triggers, data_dir, detokenise, prf, text_match
from eventx.evaluate._meantime import (
    evaluate_meantime,
    main,
    meantime_statistics,
    read_meantime_corpora,
    read_meantime_document,
    split_corpora,
)

TOKENS = [
    # sentence 0: the title
    (0, "Rebels"), (0, "attack"), (0, "town"),
    # sentence 1: the dateline (the DCT)
    (1, "May"), (1, "2"), (1, ","), (1, "2010"),
    # sentence 2
    (2, "The"), (2, "army"), (2, "did"), (2, "n't"), (2, "attack"), (2, "the"),
    (2, "rebels"), (2, "in"), (2, "Paris"), (2, "on"), (2, "Monday"), (2, "."),
    # sentence 3
    (3, "Officials"), (3, "said"), (3, "("), (3, "$"), (3, "5"), (3, ")"), (3, "."),
    # sentence 4: not annotated
    (4, "Talks"), (4, "continue"), (4, "."),
]
EXPECTED_TEXT = (
    "Rebels attack town\n\nMay 2, 2010\n\n"
    "The army didn't attack the rebels in Paris on Monday.\n"
    "Officials said ($5).\n"
    "Talks continue."
)


def _mention(tag: str, m_id: str, t_ids: list[int], **attrs: str) -> str:
    attr = " ".join(f'{k}="{v}"' for k, v in attrs.items())
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
    return f'<{tag} m_id="{m_id}" {attr}>{anchors}</{tag}>'


def _link(tag: str, r_id: str, src: str, tgt: str, **attrs: str) -> str:
    attr = " ".join(f'{k}="{v}"' for k, v in attrs.items())
    return f'<{tag} r_id="{r_id}" {attr}><source m_id="{src}"/><target m_id="{tgt}"/></{tag}>'


def cat_xml(dct_function: str = "CREATION_TIME") -> str:
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{t}</token>'
        for i, (s, t) in enumerate(TOKENS, start=1)
    )
    ev = {"pos": "VERB", "certainty": "CERTAIN"}
    markables = [
        _mention("ENTITY_MENTION", "1", [8, 9]),        # The army
        _mention("ENTITY_MENTION", "2", [13, 14]),      # the rebels
        _mention("ENTITY_MENTION", "3", [16]),          # Paris
        _mention("ENTITY_MENTION", "4", [1]),           # Rebels
        _mention("ENTITY_MENTION", "5", [3]),           # town
        _mention("EVENT_MENTION", "10", [12], pred="attack", polarity="NEG", **ev),
        _mention("EVENT_MENTION", "11", [2], pred="attack", polarity="POS", **ev),
        _mention("EVENT_MENTION", "12", [21], pred="say", polarity="POS", **ev),
        _mention("TIMEX3", "20", [4, 5, 6, 7], type="DATE", value="2010-05-02",
                 functionInDocument=dct_function),
        _mention("TIMEX3", "21", [18], type="DATE", value="2010-05-03",
                 functionInDocument="NONE"),
    ]
    role = {"sem_role_framework": "PROPBANK"}
    relations = [
        _link("HAS_PARTICIPANT", "100", "10", "1", sem_role="Arg0", **role),
        _link("HAS_PARTICIPANT", "101", "10", "2", sem_role="Arg1", **role),
        _link("HAS_PARTICIPANT", "102", "10", "3", sem_role="Argm-LOC", **role),
        _link("HAS_PARTICIPANT", "103", "11", "4", sem_role="Arg0", **role),
        _link("HAS_PARTICIPANT", "104", "11", "5", sem_role="Arg1", **role),
        _link("TLINK", "110", "10", "21", reltype="IS_INCLUDED"),
        _link("TLINK", "111", "20", "12", reltype="INCLUDES"),
        _link("TLINK", "112", "11", "20", reltype="BEFORE"),
    ]
    return (
        '<?xml version="1.0" ?><Document doc_id="42" doc_name="42_Rebels" lang="en">\n'
        f"{tokens}\n<Markables>{''.join(markables)}</Markables>\n"
        f"<Relations>{''.join(relations)}</Relations>\n</Document>\n"
    )


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "meantime" / "corpus_airbus"
    folder.mkdir(parents=True)
    (folder / "42_Rebels.xml").write_text(cat_xml(), encoding="utf-8")
    return tmp_path


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def part(text: str, word: str, nth: int = 0) -> Participant:
    s, e = span(text, word, nth)
    return Participant(word, s, e, word.split()[-1])


def event(text: str, word: str, nth: int = 0, **kw: object) -> Event:
    s, e = span(text, word, nth)
    kw.setdefault("type", None)
    return Event(quad=None, trigger=Trigger(word, s, e, word), **kw)  # type: ignore[arg-type]


def fake_extract(text: str, reference_date: str | None) -> list[Event]:
    assert reference_date == "2010-05-02"
    s, e = span(text, "Monday")
    return [
        event(text, "attack", 1, type="ASSAULT", who=(part(text, "army"),),
              whom=(part(text, "rebels"),), where=part(text, "Paris"),
              when=TimeExpression("Monday", s, e, "2010-05-03"), negated=True),
        event(text, "attack", 0, type="ASSAULT", who=(part(text, "town"),), negated=True),
        event(text, "continue"),   # after the annotated sentences: not scored
        event(text, "Officials"),  # annotated sentence, no gold event: a false positive
    ]


def test_detokenise_rules_and_offsets() -> None:
    sents = [[(f"{s}-{i}", t) for i, (s2, t) in enumerate(TOKENS) if s2 == s] for s in range(5)]
    text, offsets, sent_spans = detokenise(sents, headlines=2)
    assert text == EXPECTED_TEXT
    for sent in sents:
        for t_id, tok in sent:
            assert text[slice(*offsets[t_id])] == tok
    assert [text[s:e] for s, e in sent_spans][1] == "May 2, 2010"
    quoted, _, _ = detokenise([[("a", "He"), ("b", "said"), ("c", '"'), ("d", "no"),
                                ("e", '"'), ("f", ".")]])
    assert quoted == 'He said "no".'


def test_reader_text_offsets_dct_and_slots(data: Path) -> None:
    doc = read_meantime_document(data / "meantime" / "corpus_airbus" / "42_Rebels.xml")
    assert doc.text == EXPECTED_TEXT
    assert (doc.doc_id, doc.corpus, doc.dct, doc.warnings) == ("42", "airbus", "2010-05-02", ())
    for i, (_, tok) in enumerate(TOKENS, start=1):
        start, end = doc.tokens[str(i)]
        assert doc.text[start:end] == tok
    assert doc.annotated_sentences == 4
    assert doc.text[: doc.annotated_end].endswith("Officials said ($5).")
    title, neg, said = doc.events
    assert (title.text, title.polarity, title.sentence) == ("attack", "POS", 0)
    assert doc.text[title.start:title.end] == "attack" and title.start < 10
    assert [a.text for a in title.who] == ["Rebels"] and [a.text for a in title.whom] == ["town"]
    assert title.when == () and [t.reltype for t in title.timex_links] == ["~BEFORE"]
    assert (neg.polarity, [a.text for a in neg.who], [a.text for a in neg.whom]) == (
        "NEG", ["The army"], ["the rebels"])
    assert [(a.text, a.role) for a in neg.where] == [("Paris", "Argm-LOC")]
    assert neg.when == ("2010-05-03",) and neg.when_text == ("2010-05-03",)
    assert said.when == ("2010-05-02",) and said.when_text == ()  # DCT link only
    for ev in doc.events:
        for arg in ev.who + ev.whom + ev.where:
            assert doc.text[arg.start:arg.end] == arg.text


def test_reader_dct_fallback_to_dateline(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text(cat_xml(dct_function="NONE"), encoding="utf-8")
    doc = read_meantime_document(path, corpus="gm")
    assert doc.dct == "2010-05-02" and doc.corpus == "gm"
    assert doc.warnings and "dateline" in doc.warnings[0]


def test_scores_follow_the_matching_definition(data: Path) -> None:
    res = evaluate_meantime(fake_extract, data, corpora=("airbus", "apple", "gm"))
    assert res["corpora"] == ["airbus"] and res["documents"] == 1
    t = res["trigger"]
    assert (t["gold"], t["matched"], t["predicted"]) == (3, 2, 4)
    assert t["recall"] == pytest.approx(2 / 3)
    assert (t["predicted_annotated"], t["matched_annotated"]) == (3, 2)
    assert t["precision_approx"] == pytest.approx(2 / 3)
    assert t["typed_precision_approx"] == 1.0
    s = res["slots"]
    assert [s["who"][k] for k in ("gold", "predicted", "correct", "gold_all")] == [2, 2, 1, 2]
    assert s["who"]["precision"] == s["who"]["recall"] == 0.5
    assert [s["whom"][k] for k in ("gold", "predicted", "correct")] == [2, 1, 1]
    assert (s["whom"]["precision"], s["whom"]["recall"]) == (1.0, 0.5)
    assert [s["where"][k] for k in ("gold", "predicted", "correct")] == [1, 1, 1]
    assert [s["when"][k] for k in ("gold", "predicted", "correct", "gold_all")] == [1, 1, 1, 2]
    assert s["when"]["recall_all"] == 0.5
    assert [s["when_text"][k] for k in ("gold", "predicted", "correct", "gold_all")] == [1, 1, 1, 1]
    n = res["negation"]
    assert (n["n"], n["correct"], n["gold_neg"], n["predicted_neg"], n["correct_neg"]) == (
        2, 1, 1, 2, 1)
    assert (n["accuracy"], n["precision"], n["recall"]) == (0.5, 0.5, 1.0)
    assert res["per_corpus"]["airbus"]["gold"] == 3


def test_wrong_time_value_and_empty_extractor(data: Path) -> None:
    def wrong_time(text: str, ref: str | None) -> list[Event]:
        s, e = span(text, "Monday")
        return [event(text, "attack", 1, when=TimeExpression("Monday", s, e, "2010-05-04"))]

    res = evaluate_meantime(wrong_time, data)
    assert [res["slots"]["when"][k] for k in ("gold", "predicted", "correct")] == [1, 1, 0]
    empty = evaluate_meantime(lambda t, d: [], data, limit=1)
    assert empty["trigger"]["recall"] == 0.0 and empty["slots"]["who"]["f1"] == 0.0


def test_align_prefers_exact_then_overlap() -> None:
    assert align_triggers([[(10, 16)]], [(5, 16), (10, 16)]) == {0: 1}
    # two gold mentions, one prediction covering both: one-to-one
    assert align_triggers([[(0, 4)], [(5, 8)]], [(0, 8)]) == {0: 0}
    # a discontinuous gold mention matches a prediction on its second token
    assert align_triggers([[(0, 4), (10, 13)]], [(10, 13)]) == {0: 0}
    assert align_triggers([[(0, 4)]], [(4, 8)]) == {}
    assert prf(1, 2, 4) == {"precision": 0.5, "recall": 0.25, "f1": pytest.approx(1 / 3)}
    assert text_match("The Israeli army", "Israeli army")
    assert text_match("soldiers", "Israeli soldiers")
    assert not text_match("the government", "the rebels")


def test_statistics_and_main(data: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    stats = meantime_statistics(read_meantime_corpora(data, ("airbus",)))
    assert stats["airbus"]["events"] == 3 and stats["airbus"]["who"] == 2
    assert stats["airbus"]["neg"] == 1

    class FakeExtractor:
        def extract(self, text: str, reference_date: str | None = None) -> list[Event]:
            return fake_extract(text, reference_date)

    monkeypatch.setattr(eventx, "Extractor", FakeExtractor, raising=False)
    out_json = data / "res.json"
    assert main(["--data-dir", str(data), "--corpora", "airbus,gm", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "[dev part] requested corpora: airbus" in out and "MEANTIME corpora: airbus" in out
    assert "[test part] requested corpora: gm; not found under" in out and "gap (test - dev)" in out
    assert set(json.loads(out_json.read_text(encoding="utf-8"))) == {"dev", "test"}
    # the same articles as gm: test equals dev, every gap is zero
    shutil.copytree(data / "meantime" / "corpus_airbus", data / "meantime" / "corpus_gm")
    assert main(["--data-dir", str(data)]) == 0
    gaps = [line.split()[-1] for line in capsys.readouterr().out.splitlines() if line.endswith(("+0.000", "-0.000"))]
    assert len(gaps) == 5
    assert main(["--data-dir", str(data), "--part", "test"]) == 0
    out = capsys.readouterr().out
    assert "[test part] requested corpora: gm\n" in out and "[dev part]" not in out and "gap" not in out


@pytest.mark.parametrize(("corpora", "parts"), [
    (["airbus", "apple", "gm"], {"dev": ["airbus", "apple"], "test": ["gm"]}),
    (["gm"], {"test": ["gm"]}),
    (["apple"], {"dev": ["apple"]}),
    (["stocks", "airbus"], {"dev": ["airbus"], "test": ["stocks"]}),  # any other corpus is test
])
def test_split_corpora(corpora: list[str], parts: dict[str, list[str]]) -> None:
    assert split_corpora(corpora) == parts


@pytest.mark.data
def test_real_meantime_file_invariants() -> None:
    base = data_dir() / "meantime"
    if not base.is_dir():
        pytest.skip(f"MEANTIME not found at {base}: set EVENTX_DATA to the shared data folder")
    docs = read_meantime_corpora(None, ("airbus",), limit=5)
    assert docs, f"no corpus_airbus documents under {base}"
    for doc in docs:
        assert doc.dct and doc.dct[:2] in ("19", "20")
        assert doc.events and 0 < doc.annotated_end <= len(doc.text)
        assert doc.text.split("\n")[0].strip()  # the title line
        root_tokens = [tok for tok in doc.tokens.values()]
        assert all(doc.text[s:e] and doc.text[s:e] == doc.text[s:e].strip() for s, e in root_tokens)
        for ev in doc.events:
            assert ev.end <= doc.annotated_end
            for arg in ev.who + ev.whom + ev.where:
                assert doc.text[arg.start:arg.end] == arg.text
    # token texts survive detokenisation exactly
    import xml.etree.ElementTree as ET

    path = sorted((base / "corpus_airbus").glob("*.xml"))[0]
    doc = read_meantime_document(path)
    for tok in ET.parse(path).getroot().iter("token"):
        start, end = doc.tokens[tok.get("t_id", "")]
        assert doc.text[start:end] == (tok.text or "").strip()
