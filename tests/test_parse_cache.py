"""The evaluations' parse cache gives the events of a fresh parse (model-backed)."""

from __future__ import annotations

import pytest

import eventx
from eventx.evaluate._parse_cache import ENV_PARSE_CACHE, evaluation_extractor

pytestmark = pytest.mark.model

TEXTS = [
    "Protesters clashed with police in Paris on Monday. The president condemned the violence.",
    "Russia's foreign minister met his Saudi counterpart in Riyadh to discuss the war in Ukraine.",
]


def _events(extractor, text):
    return [e.to_dict() for e in extractor.extract(text, reference_date="2025-02-17")]


def test_cached_parses_give_identical_events(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_PARSE_CACHE, str(tmp_path))
    fresh = [_events(eventx.Extractor(), t) for t in TEXTS]
    writer = evaluation_extractor()
    assert [_events(writer, t) for t in TEXTS] == fresh
    files = sorted(tmp_path.glob("*.json"))
    assert len(files) == len(TEXTS)
    reader = evaluation_extractor()
    assert [_events(reader, t) for t in TEXTS] == fresh
    assert sorted(tmp_path.glob("*.json")) == files  # read back, nothing new written


def test_without_the_variable_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_PARSE_CACHE, raising=False)
    monkeypatch.chdir(tmp_path)
    extractor = evaluation_extractor()
    assert "_parse" not in vars(extractor)  # the class's own stage 1, unwrapped
    assert _events(extractor, TEXTS[0])
    assert not list(tmp_path.iterdir())


def test_key_changes_with_the_parsing_code_and_switches(tmp_path, monkeypatch):
    from pathlib import Path

    from eventx import _parse
    from eventx.evaluate import _parse_cache

    model_dir = tmp_path / "models"
    model_dir.mkdir()
    (model_dir / "pos.pt").write_bytes(b"weights")
    monkeypatch.delenv("EVENTX_FAST", raising=False)
    key = _parse_cache._fingerprint(model_dir, "needed")
    assert _parse_cache._fingerprint(model_dir, "needed") == key
    monkeypatch.setenv("EVENTX_FAST", "0")  # stanza's own code: other parses possible
    assert _parse_cache._fingerprint(model_dir, "needed") != key
    monkeypatch.delenv("EVENTX_FAST")
    sources = sorted(Path(_parse.__file__).parent.glob("*.py"))
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: real_read(self) + (b"# edited" if self == sources[0] else b""))
    assert _parse_cache._fingerprint(model_dir, "needed") != key  # edited parsing code


def test_key_follows_the_model_files_contents_not_their_times(tmp_path, monkeypatch):
    """A fresh checkout or a git worktree of the same models finds the same parses; a retrained
    file of the same size does not."""
    import os

    from eventx.evaluate import _parse_cache

    monkeypatch.delenv("EVENTX_FAST", raising=False)
    model_dir = tmp_path / "models"
    model_dir.mkdir()
    weights = model_dir / "pos.pt"
    weights.write_bytes(b"weights")
    key = _parse_cache._fingerprint(model_dir, "needed")
    os.utime(weights, ns=(1, 1))
    assert _parse_cache._fingerprint(model_dir, "needed") == key
    weights.write_bytes(b"weightz")
    assert _parse_cache._fingerprint(model_dir, "needed") != key
