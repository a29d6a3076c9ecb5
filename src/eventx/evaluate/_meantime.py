"""Event-level evaluation against NewsReader MEANTIME (English, CAT XML).

The reader rebuilds each article's text from its tokens and maps the gold
annotation (event mentions, ``HAS_PARTICIPANT`` roles, ``TLINK`` anchors to
TIMEX3) onto character offsets of that text; the scorer runs an extractor on the
text and compares.  See ``docs/evaluation.md`` for the matching definition.

Run: ``python -m eventx.evaluate._meantime [--corpora airbus apple] [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from eventx.evaluate._matching import align_triggers, detokenise, format_table, overlap, prf, ratio
from eventx.evaluate._matching import data_dir as _data_dir

__all__ = [
    "DEV_CORPORA", "TEST_CORPORA", "GoldArgument", "GoldEvent", "GoldTimex", "MeantimeDoc",
    "evaluate_meantime", "format_report", "main", "meantime_statistics",
    "read_meantime_corpora", "read_meantime_document",
]

DEV_CORPORA = ("airbus", "apple")
TEST_CORPORA = ("gm",)
ROLE_SLOTS = {"Arg0": "who", "Arg1": "whom", "Argm-LOC": "where"}
SLOTS = ("who", "whom", "where", "when", "when_text")
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


def _reference_date(dct: str | None) -> str | None:
    if dct and len(dct) >= 10 and dct[4] == "-" and dct[7] == "-":
        return dct[:10]
    return None


def _slot_hit(slot: str, g: GoldEvent, p: Any) -> tuple[bool, bool, bool]:
    """(gold has the slot, prediction has it, prediction matches gold)."""
    if slot in ("when", "when_text"):
        gold_vals = getattr(g, slot)
        pv = p.when.value if p.when is not None else None
        return bool(gold_vals), pv is not None, pv is not None and pv in gold_vals
    gold_args = getattr(g, slot)
    pred = p.where if slot == "where" else getattr(p, slot)
    pred = () if pred is None else (pred,) if slot == "where" else tuple(pred)
    hit = any(overlap(a.start, a.end, q.start, q.end) for a in gold_args for q in pred)
    return bool(gold_args), bool(pred), hit


def evaluate_meantime(
    extract: Callable[[str, str | None], list[Any]],
    data_dir: str | Path | None = None,
    *,
    corpora: Sequence[str] = DEV_CORPORA,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score ``extract(text, reference_date) -> list[Event]`` on MEANTIME.

    Returns a dict with ``corpora`` (those found), ``documents``, ``trigger``
    (recall, approximate precision in annotated sentences), ``slots`` (per slot
    gold/predicted/correct counts over matched events, P/R/F1, and
    ``recall_all`` over every gold event), ``negation`` and ``per_corpus``.
    """
    docs = read_meantime_corpora(data_dir, corpora, limit)
    zero = {"gold": 0, "predicted": 0, "correct": 0, "gold_all": 0}
    slots = {s: dict(zero) for s in SLOTS}
    trig = dict.fromkeys(("gold", "matched", "predicted", "predicted_annotated",
                          "matched_annotated", "typed_annotated", "typed_matched"), 0)
    neg = dict.fromkeys(("n", "correct", "gold_neg", "predicted_neg", "correct_neg"), 0)
    per_corpus: dict[str, dict[str, int]] = {}
    for doc in docs:
        predicted = list(extract(doc.text, _reference_date(doc.dct)))
        align = align_triggers([e.spans for e in doc.events],
                               [(p.trigger.start, p.trigger.end) for p in predicted])
        pc = per_corpus.setdefault(doc.corpus, {"documents": 0, "gold": 0, "matched": 0})
        pc["documents"] += 1
        pc["gold"] += len(doc.events)
        pc["matched"] += len(align)
        trig["gold"] += len(doc.events)
        trig["matched"] += len(align)
        trig["predicted"] += len(predicted)
        matched_preds = set(align.values())
        for pi, p in enumerate(predicted):
            if p.trigger.start < doc.annotated_end:
                trig["predicted_annotated"] += 1
                trig["matched_annotated"] += pi in matched_preds
                if p.type is not None:
                    trig["typed_annotated"] += 1
                    trig["typed_matched"] += pi in matched_preds
        for gi, g in enumerate(doc.events):
            for s in SLOTS:
                slots[s]["gold_all"] += bool(getattr(g, s))
            if gi not in align:
                continue
            p = predicted[align[gi]]
            for s in SLOTS:
                has_g, has_p, hit = _slot_hit(s, g, p)
                slots[s]["gold"] += has_g
                slots[s]["predicted"] += has_p
                slots[s]["correct"] += has_g and has_p and hit
            if g.polarity in ("POS", "NEG"):
                gneg, pneg = g.polarity == "NEG", bool(p.negated)
                neg["n"] += 1
                neg["correct"] += gneg == pneg
                neg["gold_neg"] += gneg
                neg["predicted_neg"] += pneg
                neg["correct_neg"] += gneg and pneg
    for counts in slots.values():
        counts.update(prf(counts["correct"], counts["predicted"], counts["gold"]))
        counts["recall_all"] = ratio(counts["correct"], counts["gold_all"])
    trig["recall"] = ratio(trig["matched"], trig["gold"])
    trig["precision_approx"] = ratio(trig["matched_annotated"], trig["predicted_annotated"])
    trig["f1_approx"] = prf(trig["matched_annotated"], trig["predicted_annotated"],
                            trig["gold"])["f1"] if trig["predicted_annotated"] else 0.0
    trig["typed_precision_approx"] = ratio(trig["typed_matched"], trig["typed_annotated"])
    neg["accuracy"] = ratio(neg["correct"], neg["n"])
    neg.update(prf(neg["correct_neg"], neg["predicted_neg"], neg["gold_neg"]))
    for pc in per_corpus.values():
        pc["recall"] = ratio(pc["matched"], pc["gold"])
    return {
        "corpora": sorted(per_corpus), "documents": len(docs), "trigger": trig,
        "slots": slots, "negation": neg, "per_corpus": per_corpus,
    }


def meantime_statistics(docs: Sequence[MeantimeDoc]) -> dict[str, dict[str, int]]:
    """Per-corpus counts of documents, gold events and events with each slot."""
    stats: dict[str, dict[str, int]] = {}
    for doc in docs:
        st = stats.setdefault(doc.corpus, dict.fromkeys(
            ("documents", "events", "neg", *SLOTS, "warnings"), 0))
        st["documents"] += 1
        st["events"] += len(doc.events)
        st["neg"] += sum(e.polarity == "NEG" for e in doc.events)
        st["warnings"] += len(doc.warnings)
        for s in SLOTS:
            st[s] += sum(bool(getattr(e, s)) for e in doc.events)
    return stats


def format_report(result: dict[str, Any]) -> str:
    """The tables :func:`main` prints."""
    t, n = result["trigger"], result["negation"]
    lines = [
        f"MEANTIME corpora: {', '.join(result['corpora']) or '(none found)'}; "
        f"documents: {result['documents']}",
        f"triggers: gold {t['gold']}, matched {t['matched']}, recall {t['recall']:.3f}",
        f"  approximate precision in annotated sentences: all {t['precision_approx']:.3f} "
        f"({t['matched_annotated']}/{t['predicted_annotated']}), typed "
        f"{t['typed_precision_approx']:.3f} ({t['typed_matched']}/{t['typed_annotated']})",
        "",
        format_table(
            ["slot (matched events)", "gold", "pred", "correct", "P", "R", "F1", "R(all gold)"],
            [[s, c["gold"], c["predicted"], c["correct"], c["precision"], c["recall"], c["f1"],
              c["recall_all"]] for s, c in result["slots"].items()],
        ),
        "",
        f"negation on {n['n']} matched POS/NEG events: accuracy {n['accuracy']:.3f}; "
        f"NEG P {n['precision']:.3f} R {n['recall']:.3f} F1 {n['f1']:.3f} "
        f"(gold NEG {n['gold_neg']}, predicted {n['predicted_neg']})",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score the default :class:`eventx.Extractor` on MEANTIME."""
    ap = argparse.ArgumentParser(prog="python -m eventx.evaluate._meantime", description=__doc__)
    ap.add_argument("--corpora", nargs="+", default=list(DEV_CORPORA),
                    help="corpora to score (default: the development set airbus apple; "
                         "gm is the held-out test set)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--data-dir", default=None, help="shared data folder (default $EVENTX_DATA)")
    ap.add_argument("--json", default=None, help="also write the result dict to this file")
    ap.add_argument("--stats", action="store_true", help="print gold statistics only (no model)")
    args = ap.parse_args(argv)
    corpora = [c for arg in args.corpora for c in arg.split(",") if c]
    split = "test" if set(corpora) & set(TEST_CORPORA) else "development"
    if args.stats:
        docs = read_meantime_corpora(args.data_dir, corpora, args.limit)
        stats = meantime_statistics(docs)
        print(format_table(["corpus", "documents", "events", "neg", *SLOTS, "warnings"],
                           [[c, *s.values()] for c, s in stats.items()]))
        return 0
    import eventx  # lazy: loading the models is slow

    ex = eventx.Extractor()  # type: ignore[attr-defined]
    result = evaluate_meantime(lambda t, d: ex.extract(t, reference_date=d), args.data_dir,
                               corpora=corpora, limit=args.limit)
    base = _data_dir(args.data_dir) / "meantime"
    missing = [c for c in corpora if not (base / f"corpus_{c}").is_dir()]
    print(f"[{split} set] requested corpora: {' '.join(corpora)}"
          + (f"; not found under {base}: {' '.join(missing)}" if missing else ""))
    print(format_report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
