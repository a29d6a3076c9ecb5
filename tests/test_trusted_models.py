"""The bundled model files load with torch's C unpickler, checked by hash, to the same objects (eventx._parse._trusted)."""

from __future__ import annotations

import hashlib
import shutil

import pytest
import torch

from eventx._parse import _trusted
from eventx._parse._models import bundled_model_dir


def _same(a, b, where="") -> None:
    """Deep equality of two unpickled model checkpoints (tensors by value, dtype and shape)."""
    assert type(a) is type(b), where
    if isinstance(a, torch.Tensor):
        assert a.dtype == b.dtype and a.shape == b.shape and torch.equal(a, b), where
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            _same(a[key], b[key], f"{where}/{key}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


@pytest.mark.parametrize("name", sorted(_trusted.BUNDLED_SHA256))
def test_table_holds_the_bundled_files_hashes(name):
    """A retrained bundled model needs its new hash here, else it loads the slow way."""
    digest = hashlib.sha256((bundled_model_dir() / name).read_bytes()).hexdigest()
    assert digest == _trusted.BUNDLED_SHA256[name], f"update BUNDLED_SHA256[{name!r}] in eventx/_parse/_trusted.py"


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(_trusted.BUNDLED_SHA256))
def test_fast_load_gives_the_same_objects(name):
    path = str(bundled_model_dir() / name)
    safe = torch.load(path, lambda storage, loc: storage, weights_only=True)
    with _trusted.trusted_model_loads():
        fast = torch.load(path, lambda storage, loc: storage, weights_only=True)
    _same(safe, fast, name)


def _spy(monkeypatch) -> list[bool]:
    """What ``weights_only`` each torch.load call got (the wrapper calls this spy)."""
    calls: list[bool] = []
    real = torch.load
    monkeypatch.setattr(torch, "load", lambda f, *a, **k: calls.append(k.get("weights_only")) or real(f, *a, **k))
    return calls


def test_only_a_file_with_a_bundled_hash_loads_fast(tmp_path, monkeypatch):
    source = bundled_model_dir() / "pos.pt"
    copy, changed, other = tmp_path / "pos.pt", tmp_path / "depparse.pt", tmp_path / "mine.pt"
    shutil.copyfile(source, copy)
    changed.write_bytes(source.read_bytes() + b"\0")  # a bundled name, not a bundled file
    torch.save({"x": torch.ones(2)}, other)
    calls = _spy(monkeypatch)
    with _trusted.trusted_model_loads():
        torch.load(str(copy), weights_only=True)  # the same bytes elsewhere are the same file
        torch.load(str(changed), weights_only=True)
        torch.load(str(other), weights_only=True)
        torch.load(copy, weights_only=True)  # a Path works too
    assert calls == [False, True, True, False]
    torch.load(str(copy), weights_only=True)  # the wrapper is gone afterwards
    assert calls[-1] is True


def test_switch_keeps_stanzas_loading(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTX_FAST", "0")
    calls = _spy(monkeypatch)
    with _trusted.trusted_model_loads():
        torch.load(str(bundled_model_dir() / "pos.pt"), weights_only=True)
    assert calls == [True]
