"""MEANTIME gold data: articles rebuilt from their tokens, with events, roles and times.

The reader rebuilds each article's text from its tokens and maps the gold
annotation (event mentions, ``HAS_PARTICIPANT`` roles, ``TLINK`` anchors to
TIMEX3) onto character offsets of that text. :mod:`eventx.evaluate._meantime`
scores an extractor against it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import attrs

from eventx.evaluate._matching import data_dir as _data_dir
from eventx.evaluate._matching import detokenise

__all__ = [
    "DEV_CORPORA", "TEST_CORPORA", "GoldArgument", "GoldEvent", "GoldTimex", "MeantimeDoc", "ROLE_SLOTS", "read_meantime_corpora",
    "read_meantime_document",
]

DEV_CORPORA = ("airbus", "apple")
TEST_CORPORA = ("gm",)
ROLE_SLOTS = {"Arg0": "who", "Arg1": "whom", "Argm-LOC": "where"}
#: TLINK types placing the event inside (or at, or measured by) the timex, keyed
#: by direction: ``(event -> timex)`` and ``(timex -> event)``.
_ANCHOR_E2T = frozenset({"IS_INCLUDED", "SIMULTANEOUS", "DURING", "IDENTITY", "MEASURE"})
_ANCHOR_T2E = frozenset({"INCLUDES", "SIMULTANEOUS", "DURING", "IDENTITY", "MEASURE"})


@attrs.frozen
class GoldArgument:
    """A gold participant (entity mention or value) of an event."""

    text: str
    start: int
    end: int
    role: str
    m_id: str


@attrs.frozen
class GoldTimex:
    """A gold TIMEX3 linked to an event by a TLINK."""

    value: str
    type: str
    reltype: str
    is_dct: bool
    m_id: str


@attrs.frozen
class GoldEvent:
    """A gold EVENT_MENTION with its slots in character offsets.

    ``spans`` holds one ``(start, end)`` per anchored token (mentions can be
    discontinuous); ``start``/``end`` cover them all.  ``when`` holds the values
    of the timexes that anchor the event (see ``_ANCHOR_*``); ``timex_links``
    every TLINK to a timex, whatever its type.
    """

    m_id: str
    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    sentence: int
    pred: str
    pos: str
    polarity: str
    certainty: str
    who: tuple[GoldArgument, ...] = ()
    whom: tuple[GoldArgument, ...] = ()
    where: tuple[GoldArgument, ...] = ()
    when: tuple[str, ...] = ()
    when_text: tuple[str, ...] = ()
    timex_links: tuple[GoldTimex, ...] = ()


@attrs.frozen
class MeantimeDoc:
    """One article: rebuilt text, token offsets, DCT and gold events.

    ``annotated_sentences`` is the number of leading sentences (title and
    dateline included) up to the last one holding an event mention;
    ``annotated_end`` is the character offset where that prefix ends.
    """

    doc_id: str
    name: str
    corpus: str
    text: str
    tokens: dict[str, tuple[int, int]]
    sentences: tuple[tuple[int, int], ...]
    dct: str | None
    events: tuple[GoldEvent, ...]
    annotated_sentences: int
    annotated_end: int
    warnings: tuple[str, ...] = ()


def _timex_value(value: str | None) -> str:
    """The TIMEX3 value, repairing the one malformed DD-MM-YYYY date in the corpus."""
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value or "")
    return f"{m[3]}-{m[2]}-{m[1]}" if m else value or ""


def read_meantime_document(path: str | Path, corpus: str | None = None) -> MeantimeDoc:
    """Read one MEANTIME CAT XML file into a :class:`MeantimeDoc`."""
    path = Path(path)
    root = ET.parse(path).getroot()
    warnings: list[str] = []
    tok_elems = list(root.iter("token"))
    tok_sent = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in tok_elems}
    n_sent = max(tok_sent.values(), default=-1) + 1
    sentences: list[list[tuple[str, str]]] = [[] for _ in range(n_sent)]
    for t in tok_elems:
        sentences[tok_sent[t.get("t_id", "")]].append((t.get("t_id", ""), (t.text or "").strip()))

    markables = root.find("Markables")
    marks = {m.get("m_id", ""): m for m in (markables if markables is not None else [])}

    def anchors(m: ET.Element) -> list[str]:
        ids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        return [i for i in ids if i in tok_sent]

    timexes = [m for m in marks.values() if m.tag == "TIMEX3"]
    dct_marks = [m for m in timexes if m.get("functionInDocument") == "CREATION_TIME"]
    if not dct_marks:  # fall back on a DATE timex in the dateline (sentence 1)
        dct_marks = [m for m in timexes if m.get("type") == "DATE"
                     and {tok_sent[a] for a in anchors(m)} == {1}][:1]
        if dct_marks:
            warnings.append("no CREATION_TIME timex; DCT taken from the dateline")
        else:
            warnings.append("no document creation time")
    dct_ids = {m.get("m_id", "") for m in dct_marks}
    dct = _timex_value(dct_marks[0].get("value")) if dct_marks else None
    if dct_marks and dct != dct_marks[0].get("value"):
        warnings.append(f"DCT value {dct_marks[0].get('value')!r} read as {dct!r}")
    dateline = bool(dct_marks) and any(tok_sent[a] == 1 for a in anchors(dct_marks[0]))
    text, offsets, sent_spans = detokenise(sentences, 2 if dateline else 1)

    def span(m: ET.Element) -> tuple[int, int] | None:
        ids = anchors(m)
        if not ids:
            return None
        return min(offsets[i][0] for i in ids), max(offsets[i][1] for i in ids)

    args: dict[str, dict[str, list[GoldArgument]]] = {}
    links: dict[str, list[GoldTimex]] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        srcs = [s.get("m_id", "") for s in rel.findall("source")]
        tgts = [t.get("m_id", "") for t in rel.findall("target")]
        if rel.tag == "HAS_PARTICIPANT":
            slot = ROLE_SLOTS.get(rel.get("sem_role", ""))
            if slot is None:
                continue
            for src in srcs:
                for tgt in tgts:
                    m = marks.get(tgt)
                    sp = span(m) if m is not None else None
                    if sp is None:
                        warnings.append(f"HAS_PARTICIPANT {rel.get('r_id')}: "
                                        f"target {tgt} unanchored")
                        continue
                    role = rel.get("sem_role", "")
                    arg = GoldArgument(text[sp[0]:sp[1]], sp[0], sp[1], role, tgt)
                    args.setdefault(src, {}).setdefault(slot, []).append(arg)
        elif rel.tag == "TLINK":
            reltype = rel.get("reltype", "")
            for src in srcs:
                for tgt in tgts:
                    ms, mt = marks.get(src), marks.get(tgt)
                    if ms is None or mt is None:
                        continue
                    if ms.tag == "EVENT_MENTION" and mt.tag == "TIMEX3":
                        ev, tx, anchored = src, mt, reltype in _ANCHOR_E2T
                    elif ms.tag == "TIMEX3" and mt.tag == "EVENT_MENTION":
                        ev, tx, anchored = tgt, ms, reltype in _ANCHOR_T2E
                    else:
                        continue
                    gt = GoldTimex(_timex_value(tx.get("value")), tx.get("type", ""),
                                   reltype if anchored else f"~{reltype}",
                                   tx.get("m_id", "") in dct_ids, tx.get("m_id", ""))
                    links.setdefault(ev, []).append(gt)

    events: list[GoldEvent] = []
    for m_id, m in marks.items():
        if m.tag != "EVENT_MENTION":
            continue
        ids = anchors(m)
        if not ids:
            warnings.append(f"EVENT_MENTION {m_id} has no tokens")
            continue
        spans = tuple(sorted(offsets[i] for i in ids))
        start, end = spans[0][0], max(e for _, e in spans)
        ev_links = tuple(links.get(m_id, ()))
        anchored = [t for t in ev_links if not t.reltype.startswith("~") and t.value]
        slots = args.get(m_id, {})
        events.append(GoldEvent(
            m_id=m_id, text=" ".join(text[s:e] for s, e in spans), start=start, end=end,
            spans=spans, sentence=min(tok_sent[i] for i in ids), pred=m.get("pred") or "",
            pos=m.get("pos") or "", polarity=m.get("polarity") or "",
            certainty=m.get("certainty") or "",
            who=tuple(slots.get("who", ())), whom=tuple(slots.get("whom", ())),
            where=tuple(slots.get("where", ())),
            when=tuple(dict.fromkeys(t.value for t in anchored)),
            when_text=tuple(dict.fromkeys(t.value for t in anchored if not t.is_dct)),
            timex_links=ev_links,
        ))
    events.sort(key=lambda e: (e.start, e.end))
    n_ann = max((e.sentence for e in events), default=-1) + 1
    ann_end = sent_spans[n_ann - 1][1] if n_ann else 0
    return MeantimeDoc(
        doc_id=root.get("doc_id", path.stem), name=root.get("doc_name", path.stem),
        corpus=corpus or path.parent.name.removeprefix("corpus_"), text=text, tokens=offsets,
        sentences=tuple(sent_spans), dct=dct, events=tuple(events),
        annotated_sentences=n_ann, annotated_end=ann_end, warnings=tuple(warnings),
    )


def read_meantime_corpora(
    data: str | Path | None = None, corpora: Sequence[str] = DEV_CORPORA, limit: int | None = None
) -> list[MeantimeDoc]:
    """Read the articles of the named corpora that exist under ``data/meantime``
    (``data`` defaults to ``$EVENTX_DATA`` or ``../shared/data``), sorted by
    file name; ``limit`` caps the total number of documents."""
    base = _data_dir(data) / "meantime"
    docs: list[MeantimeDoc] = []
    for corpus in corpora:
        folder = base / f"corpus_{corpus}"
        if not folder.is_dir():
            continue
        for f in sorted(folder.glob("*.xml")):
            if limit is not None and len(docs) >= limit:
                return docs
            docs.append(read_meantime_document(f, corpus))
    return docs
