"""Stage 1 inputs: texts to parse, or parses given by the user (stanza Documents, CoNLL-U)."""

from __future__ import annotations

from typing import Any

from eventx._exceptions import ParseInputError

__all__ = ["check_text", "document_from_input"]


def check_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise ``TypeError`` otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, got {type(text).__name__}")
    return text


def _has_offsets(doc: Any) -> bool:
    return doc.text is not None and all(
        t.start_char is not None and t.end_char is not None for s in doc.sentences for t in s.tokens)


def _has_parse(doc: Any) -> bool:
    return all(w.deprel is not None and w.head is not None and w.upos is not None
               for s in doc.sentences for w in s.words)


def _check_tree(doc: Any) -> None:
    """Every sentence's heads form one tree: in range, and no word is its own ancestor."""
    for s_index, sentence in enumerate(doc.sentences):
        heads = {w.id: w.head for w in sentence.words}
        for word_id, head in heads.items():
            if head != 0 and head not in heads:
                raise ParseInputError(f"sentence {s_index}: word {word_id} has head {head}, which is not a word")
            seen, node = {word_id}, head
            while node != 0:
                if node in seen:
                    raise ParseInputError(f"sentence {s_index}: the heads of word {word_id} form a cycle")
                seen.add(node)
                node = heads[node]


def document_from_input(doc: Any) -> Any:
    """A stanza ``Document`` with a dependency parse and character offsets.

    Args:
        doc: A parsed stanza ``Document``, or a CoNLL-U string. When the input
            has no character offsets, the text is rebuilt from the tokens
            (``SpaceAfter=No`` respected) and set as ``doc.text``; events then
            point into that text.

    Raises:
        ParseInputError: The CoNLL-U cannot be read, or the document has no
            dependency parse (heads, relations, UPOS).
        TypeError: ``doc`` is neither a ``str`` nor a stanza ``Document``.
    """
    from stanza.models.common.doc import Document
    from stanza.utils.conll import CoNLL

    if isinstance(doc, str):
        if not doc.strip():
            raise ParseInputError("the CoNLL-U string is empty")
        try:
            doc = CoNLL.conll2doc(input_str=doc, reconstruct_text=True)
        except Exception as exc:  # stanza raises ValueError/IndexError/AssertionError on bad rows
            raise ParseInputError(f"not valid CoNLL-U: {exc}") from exc
    elif not isinstance(doc, Document):
        raise TypeError(f"doc must be a stanza Document or a CoNLL-U str, got {type(doc).__name__}")
    if not _has_parse(doc):
        raise ParseInputError("the document has no dependency parse (every word needs head, deprel and upos); "
                              "parse it with a pipeline that includes pos and depparse")
    _check_tree(doc)
    if not _has_offsets(doc):  # a round trip through CoNLL-U rebuilds text and offsets
        doc = CoNLL.conll2doc(input_str="{:c}".format(doc), reconstruct_text=True)
    return doc
