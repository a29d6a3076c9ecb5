"""TempEval-3 (TBAQ-cleaned) scorer for the time tagger.

Reads TimeML ``.tml`` files, recovers the raw text of each ``<TEXT>`` element
with the character offsets of its gold ``TIMEX3`` tags, tags the text with
:class:`eventx._time.TimeTagger` using the document creation time (DCT) as the
reference date, and reports:

* relaxed span P/R/F1: a predicted span overlaps a gold TIMEX3;
* strict span P/R/F1: identical offsets;
* value P/R/F1: overlapping one-to-one pairs whose values are equal
  (TempEval-3 style: correct / predicted, correct / gold);
* type accuracy over the overlapping pairs.

The DCT TIMEX3 is never scored, and neither is anything outside ``<TEXT>``.

Documents are split into a development and a test part by a fixed rule (see
:func:`split_of`): within each corpus the ``.tml`` files are sorted by file
name and every third one (1-based positions 3, 6, 9, …) is test, the rest dev.
Rules are written from dev errors only; test shows how far they carry over.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

__all__ = ["SPLITS", "GoldTimex", "TimeMLDocument", "evaluate_tempeval", "main", "read_timeml", "split_of"]

_CORPUS_DIR = "tempeval3"
#: Every ``TEST_EVERY``-th document of a corpus (in file-name order) is test.
TEST_EVERY = 3
SPLITS = ("dev", "test", "all")


@attrs.frozen
class GoldTimex:
    """One gold TIMEX3 inside the document text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@attrs.frozen
class TimeMLDocument:
    """A TimeML document: its id, raw text, DCT and gold time expressions."""

    doc_id: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


_TOKEN = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&[#A-Za-z0-9]+;|[^<&]+|[<&]", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*\bvalue="([^"]+)"|'
                  r'<TIMEX3[^>]*\bvalue="([^"]+)"[^>]*functionInDocument="CREATION_TIME"')
_DOCID = re.compile(r"<DOCID>\s*([^<]+?)\s*</DOCID>")


def _parse_dct(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_timeml(source: str, doc_id: str = "") -> TimeMLDocument:
    """Parse one TimeML string into a :class:`TimeMLDocument`."""
    m = _DCT.search(source)
    dct = _parse_dct(m[1] or m[2]) if m else None
    idm = _DOCID.search(source)
    doc_id = doc_id or (idm[1] if idm else "")
    lo = source.find("<TEXT>")
    hi = source.rfind("</TEXT>")
    body = source[lo + len("<TEXT>"):hi] if lo >= 0 and hi > lo else ""
    pieces: list[str] = []
    pos = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    for tok in _TOKEN.finditer(body):
        if tok.group(2):  # a tag
            closing, name, attrs_text, selfclosing = tok.group(1), tok.group(2), tok.group(3), tok.group(4)
            if name != "TIMEX3" or selfclosing:
                continue
            if not closing:
                open_timex.append((pos, dict(_ATTR.findall(attrs_text))))
            elif open_timex:
                start, at = open_timex.pop()
                if at.get("functionInDocument") == "CREATION_TIME":
                    continue
                text = "".join(pieces)[start:pos]
                gold.append(GoldTimex(start, pos, text, at.get("type", ""), at.get("value", "")))
            continue
        chunk = tok.group(0)
        if chunk.startswith("&") and chunk.endswith(";"):
            chunk = html.unescape(chunk)
        pieces.append(chunk)
        pos += len(chunk)
    text = "".join(pieces)
    gold = [attrs.evolve(g, text=text[g.start:g.end]) for g in gold]
    gold.sort(key=lambda g: (g.start, g.end))
    return TimeMLDocument(doc_id, text, dct, tuple(gold))


def _data_root(data_dir: Path | str | None) -> Path:
    if data_dir is not None:
        root = Path(data_dir)
    else:
        root = Path(os.environ.get("EVENTX_DATA", "../shared/data"))
    return root / _CORPUS_DIR if (root / _CORPUS_DIR).is_dir() else root


def split_of(position: int) -> str:
    """``"test"`` or ``"dev"`` for the document at 0-based ``position`` of its
    corpus's file-name order: every third document (positions 2, 5, 8, …) is test."""
    return "test" if position % TEST_EVERY == TEST_EVERY - 1 else "dev"


def corpus_files(root: Path, corpus: str, split: str = "all") -> list[Path]:
    """The ``.tml`` files of ``corpus`` in ``split``, sorted by file name.

    Raises:
        ValueError: ``split`` is not one of :data:`SPLITS`.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    files = sorted((root / corpus).glob("*.tml"), key=lambda p: p.name)
    return [p for i, p in enumerate(files) if split == "all" or split_of(i) == split]


def iter_documents(root: Path, corpus: str, limit: int | None = None, split: str = "all") -> Iterable[TimeMLDocument]:
    """The documents of ``corpus`` in ``split`` (the first ``limit`` of them)."""
    files = corpus_files(root, corpus, split)
    for path in files[:limit] if limit else files:
        yield read_timeml(path.read_text(encoding="utf-8"), path.stem)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@attrs.define
class _Counts:
    n_gold: int = 0
    n_pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0
    strict: int = 0
    pairs: int = 0
    value_ok: int = 0
    type_ok: int = 0
    docs: int = 0
    seconds: float = 0.0

    def add(self, other: _Counts) -> None:
        for f in attrs.fields(_Counts):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def report(self) -> dict[str, Any]:
        def prf(p_num: int, p_den: int, r_num: int, r_den: int) -> tuple[float, float, float]:
            p = p_num / p_den if p_den else 0.0
            r = r_num / r_den if r_den else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.pred_hit, self.n_pred, self.gold_hit, self.n_gold)
        tp, tr, tf = prf(self.strict, self.n_pred, self.strict, self.n_gold)
        vp, vr, vf = prf(self.value_ok, self.n_pred, self.value_ok, self.n_gold)
        return {
            "documents": self.docs, "gold": self.n_gold, "predicted": self.n_pred,
            "span_precision": sp, "span_recall": sr, "span_f1": sf,
            "strict_precision": tp, "strict_recall": tr, "strict_f1": tf,
            "value_precision": vp, "value_recall": vr, "value_f1": vf,
            "type_accuracy": self.type_ok / self.pairs if self.pairs else 0.0,
            "matched_pairs": self.pairs, "value_correct": self.value_ok,
            "seconds": self.seconds,
        }


def score_document(doc: TimeMLDocument, predicted: Sequence[Any], errors: list[str] | None = None) -> _Counts:
    """Counts for one document's predictions (objects with start/end/value/type)."""
    c = _Counts(n_gold=len(doc.timexes), n_pred=len(predicted), docs=1)
    c.gold_hit = sum(any(_overlaps(g.start, g.end, p.start, p.end) for p in predicted) for g in doc.timexes)
    c.pred_hit = sum(any(_overlaps(g.start, g.end, p.start, p.end) for g in doc.timexes) for p in predicted)
    c.strict = sum(any(g.start == p.start and g.end == p.end for g in doc.timexes) for p in predicted)
    used: set[int] = set()
    matched_pred: set[int] = set()
    for g in doc.timexes:
        best, best_len = None, 0
        for i, p in enumerate(predicted):
            if i in used or not _overlaps(g.start, g.end, p.start, p.end):
                continue
            inter = min(g.end, p.end) - max(g.start, p.start)
            if inter > best_len:
                best, best_len = i, inter
        if best is None:
            if errors is not None:
                errors.append(f"{doc.doc_id}\tMISS\t{g.text!r}\t{g.type}\t{g.value}\t{_ctx(doc.text, g.start, g.end)}")
            continue
        used.add(best)
        matched_pred.add(best)
        p = predicted[best]
        c.pairs += 1
        c.value_ok += p.value == g.value
        c.type_ok += p.type == g.type
        if errors is not None and p.value != g.value:
            errors.append(f"{doc.doc_id}\tVALUE\t{g.text!r}->{p.text!r}\t{g.type}:{g.value}\t{p.type}:{p.value}"
                          f"\tdct={doc.dct}\t{_ctx(doc.text, g.start, g.end)}")
    if errors is not None:
        for i, p in enumerate(predicted):
            if i not in matched_pred and not any(_overlaps(g.start, g.end, p.start, p.end) for g in doc.timexes):
                errors.append(f"{doc.doc_id}\tFALSE\t{p.text!r}\t{p.type}\t{p.value}\t{_ctx(doc.text, p.start, p.end)}")
    return c


def _ctx(text: str, start: int, end: int, width: int = 60) -> str:
    snippet = text[max(0, start - width):start] + "[" + text[start:end] + "]" + text[end:end + width]
    return snippet.replace("\n", " ").replace("\t", " ")


def evaluate_tempeval(
    data_dir: Path | str | None = None,
    *,
    corpora: Sequence[str] = ("TimeBank", "AQUAINT"),
    limit: int | None = None,
    errors_path: Path | str | None = None,
    split: str = "all",
) -> dict[str, Any]:
    """Score :class:`~eventx._time.TimeTagger` on TBAQ-cleaned.

    Args:
        data_dir: Folder holding ``tempeval3/`` (or the ``tempeval3`` folder
            itself); default ``$EVENTX_DATA`` or ``../shared/data``.
        corpora: Sub-folders to score.
        limit: Score only the first ``limit`` documents of each corpus (and split).
        errors_path: Write misses, false alarms and wrong values of the scored
            documents there (TSV). Write rules from ``split="dev"`` errors only.
        split: ``"dev"``, ``"test"`` (see :func:`split_of`) or ``"all"``.

    Returns:
        ``{"split": split, "corpora": {name: metrics}, "total": metrics}``; with
        ``split="all"`` also ``"splits": {"dev": metrics, "test": metrics}``
        and ``"gap"``: test minus dev for every rate. Metrics hold the counts
        and span/strict/value precision, recall, F1 and type accuracy.

    Raises:
        ValueError: ``split`` is not one of :data:`SPLITS`.
        FileNotFoundError: none of ``corpora`` is under the data folder.
    """
    from .._time import TimeTagger

    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    root = _data_root(data_dir)
    if not any((root / c).is_dir() for c in corpora):
        raise FileNotFoundError(f"no TempEval-3 corpora {list(corpora)} under {root}")
    tagger = TimeTagger()
    errors: list[str] | None = [] if errors_path else None
    per = {corpus: _Counts() for corpus in corpora}
    parts = {"dev": _Counts(), "test": _Counts()}
    for corpus in corpora:
        for part in ("dev", "test") if split == "all" else (split,):
            for doc in iter_documents(root, corpus, limit, part):
                t0 = time.perf_counter()
                predicted = tagger.tag(doc.text, reference_date=doc.dct)
                elapsed = time.perf_counter() - t0
                c = score_document(doc, predicted, errors)
                c.seconds = elapsed
                per[corpus].add(c)
                parts[part].add(c)
    total = _Counts()
    for counts in per.values():
        total.add(counts)
    if errors_path and errors is not None:
        Path(errors_path).write_text("\n".join(errors) + "\n", encoding="utf-8")
    result: dict[str, Any] = {
        "split": split, "corpora": {name: counts.report() for name, counts in per.items()}, "total": total.report(),
    }
    if split == "all":
        dev, test = parts["dev"].report(), parts["test"].report()
        result["splits"] = {"dev": dev, "test": test}
        result["gap"] = {k: test[k] - dev[k] for k in _RATES}
    return result


_RATES = ("span_precision", "span_recall", "span_f1", "strict_precision", "strict_recall", "strict_f1",
          "value_precision", "value_recall", "value_f1", "type_accuracy")


def format_report(result: dict[str, Any]) -> str:
    """A small fixed-width table of a :func:`evaluate_tempeval` result.

    One row per corpus and a total for the scored split; for ``split="all"``
    also a ``dev`` and a ``test`` row and ``gap``, test minus dev, under them.
    """
    head = f"{'corpus':<10} {'docs':>5} {'gold':>5} {'pred':>5} {'span P':>7} {'span R':>7} {'span F1':>7} " \
           f"{'strict F1':>9} {'value P':>7} {'value R':>7} {'value F1':>8} {'type acc':>8}"
    split = result.get("split", "all")
    total_name = "total" if split == "all" else f"total {split}"
    rows = [head, "-" * len(head)]
    items = list(result["corpora"].items()) + [(total_name, result["total"])]
    items += list(result.get("splits", {}).items())
    for name, m in items:
        rows.append(
            f"{name:<10} {m['documents']:>5} {m['gold']:>5} {m['predicted']:>5} {m['span_precision']:>7.3f} "
            f"{m['span_recall']:>7.3f} {m['span_f1']:>7.3f} {m['strict_f1']:>9.3f} {m['value_precision']:>7.3f} "
            f"{m['value_recall']:>7.3f} {m['value_f1']:>8.3f} {m['type_accuracy']:>8.3f}"
        )
    if "gap" in result:
        g = result["gap"]
        rows.append(
            f"{'gap':<10} {'':>5} {'':>5} {'':>5} {g['span_precision']:>+7.3f} {g['span_recall']:>+7.3f} "
            f"{g['span_f1']:>+7.3f} {g['strict_f1']:>+9.3f} {g['value_precision']:>+7.3f} {g['value_recall']:>+7.3f} "
            f"{g['value_f1']:>+8.3f} {g['type_accuracy']:>+8.3f}"
        )
        rows.append(f"(gap = test - dev; test = every {TEST_EVERY}rd document of each corpus in file-name order)")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score the time tagger on TBAQ-cleaned and print a table."""
    ap = argparse.ArgumentParser(prog="eventx.evaluate tempeval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="folder holding tempeval3/ (default $EVENTX_DATA)")
    ap.add_argument("--corpus", action="append", choices=["TimeBank", "AQUAINT"], help="corpus to score (repeatable)")
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write the errors of the scored split to this TSV file (use --split dev to write rules)")
    ap.add_argument("--split", "--part", dest="split", choices=SPLITS, default="all",
                    help="documents to score: dev, test (every third in file-name order) or all (default: "
                         "all, with dev, test and their gap)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    result = evaluate_tempeval(
        args.data_dir, corpora=tuple(args.corpus or ("TimeBank", "AQUAINT")), limit=args.limit,
        errors_path=args.errors, split=args.split,
    )
    print(format_report(result))
    return 0
