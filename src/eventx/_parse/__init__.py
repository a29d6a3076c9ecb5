"""Parsing: from raw text to stanza documents, before any rule runs.

- :mod:`~eventx._parse._models` — the bundled (or given) stanza models and the pipeline
  built from them, offline (``download_method=None``).
- :mod:`~eventx._parse._decoder` — the compiled maximum-spanning-tree decoder the
  dependency parser uses when the ``fast`` extra is installed.
- :mod:`~eventx._parse._language` — the check that a text looks like English at all.
- :mod:`~eventx._parse._chunks` — long texts cut into chunks parsed one at a time.
- :mod:`~eventx._parse._parsing` — one entry into stanza: tokenise, tag and parse a
  batch, then run the entity tagger only on sentences that need it.
"""
