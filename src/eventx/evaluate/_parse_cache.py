"""An on-disk cache of stanza parses for the evaluations, so rule work does not re-parse.

Rules take a few per cent of eventx's time and stanza the rest, so an evaluation run
that re-parses the same articles after every rule edit spends minutes on work whose
result has not changed. With ``EVENTX_PARSE_CACHE`` set to a folder, the extractors
the evaluations build (:func:`evaluation_extractor`) keep each text's stanza
``Document`` there (``Document.to_serialized``, JSON) and read it back next time.

The key is the text, the model folder's files (names and contents),
the stanza version, the entity-tagger scope, the source of eventx's parsing code
(``eventx._parse``: the speed patches there may change tokens, as the unpadded
tokenizer does) and the ``EVENTX_FAST*`` switches: new models, a new stanza version or
edited parsing code give new keys, so a stale parse is never reused. The library
itself never reads this variable.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

__all__ = ["ENV_PARSE_CACHE", "evaluation_extractor"]

#: The environment variable naming the cache folder (unset: no cache).
ENV_PARSE_CACHE = "EVENTX_PARSE_CACHE"


def _fingerprint(model_dir: Path, entity_scope: str) -> str:
    import stanza

    from eventx import _parse

    switches = sorted((k, v) for k, v in os.environ.items() if k.startswith("EVENTX_FAST"))
    digest = hashlib.sha256(f"stanza {stanza.__version__} | entities {entity_scope} | {switches}".encode())
    for source in sorted(Path(_parse.__file__).parent.glob("*.py")):  # code that shapes the parse
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        # the files' contents, not their modification times: a fresh checkout or a git
        # worktree of the same models must find the same parses (~0.3 s for the bundle)
        digest.update(f"{path.relative_to(model_dir)}\0".encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def evaluation_extractor(**options: Any) -> Any:
    """An :class:`eventx.Extractor` built with ``options``; with ``$EVENTX_PARSE_CACHE``
    set, its parses are cached in that folder (created when missing)."""
    import eventx

    extractor = eventx.Extractor(**options)
    folder = os.environ.get(ENV_PARSE_CACHE)
    if not folder:
        return extractor
    model_dir = getattr(extractor, "_model_dir", None)
    if model_dir is None:  # stanza's own models (or a stand-in): no files here to key on
        return extractor
    from stanza.models.common.doc import Document

    cache = Path(folder)
    cache.mkdir(parents=True, exist_ok=True)
    parse = extractor._parse  # noqa: SLF001 - the one stage-1 entry, wrapped for this instance only
    prefix = _fingerprint(Path(model_dir), extractor._entity_scope)  # noqa: SLF001

    def cached_parse(texts: list[str]) -> list[Any]:
        paths = [cache / f"{prefix}-{hashlib.sha256(t.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.json"
                 for t in texts]
        missing = [i for i, p in enumerate(paths) if not p.is_file()]
        fresh = dict(zip(missing, parse([texts[i] for i in missing]))) if missing else {}
        docs = []
        for i, path in enumerate(paths):
            if i in fresh:
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(fresh[i].to_serialized())
                tmp.replace(path)  # atomic: a reader never sees half a file
                docs.append(fresh[i])
            else:
                docs.append(Document.from_serialized(path.read_bytes()))
        return docs

    extractor._parse = cached_parse  # noqa: SLF001
    return extractor
