"""The training command cannot rot: every trainer runs a few steps on a tiny slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventx.training import COMPONENTS, prepare_data, train_component
from eventx.training._components import USES_VECTORS
from eventx.training._run import trainer_command
from eventx.training._vectors import build_pretrain, read_vectors

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def tiny_work_dir(tmp_path_factory, data_dir):
    work = tmp_path_factory.mktemp("training")
    prepare_data(work, include_gum=False, max_sentences=40)
    return work


def write_tiny_vectors(path):
    """A GloVe-format text file: random 8-d vectors for a few frequent words."""
    import random

    rng = random.Random(0)
    words = ["the", ",", ".", "of", "to", "and", "a", "in", "said", "is"]
    path.write_text("".join(f"{w} {' '.join(f'{rng.uniform(-1, 1):.4f}' for _ in range(8))}\n" for w in words))
    return path


@pytest.mark.parametrize("name", list(COMPONENTS))
def test_trainer_runs_on_a_tiny_slice(tiny_work_dir, tmp_path, name):
    if name in USES_VECTORS:
        build_pretrain(write_tiny_vectors(tmp_path / "vectors.txt"), tmp_path / "pretrain.pt")
    path = train_component(name, tiny_work_dir, tmp_path, steps=2, threads=1, quick=True)
    assert path.is_file()


def test_vectors_keep_the_most_frequent_words_of_either_format(tmp_path):
    import json

    from stanza.models.common.pretrain import Pretrain

    text = write_tiny_vectors(tmp_path / "vectors.txt")
    rows = [line.split(" ") for line in text.read_text().splitlines()]
    wink = tmp_path / "wink.json"
    wink.write_text(json.dumps({"dimensions": 8, "words": [r[0] for r in rows],
                                "vectors": {r[0]: [float(x) for x in r[1:]] + [1.0, i] for i, r in enumerate(rows)}}))
    for source in (text, wink):
        words, vectors = read_vectors(source, max_vocab=4)
        assert words == ["the", ",", ".", "of"] and len(vectors[3]) == 8
        pretrain = Pretrain(str(build_pretrain(source, tmp_path / "p.pt", max_vocab=4)))
        assert len(pretrain) == 4 + 4  # stanza's <PAD>, <UNK>, <EMPTY>, <ROOT> come first
        assert pretrain.emb[pretrain.vocab.unit2id("of")].tolist() == pytest.approx([float(x) for x in rows[3][1:]])


def test_commands_record_seed_and_steps(tmp_path):
    argv = trainer_command(COMPONENTS["pos"], tmp_path, tmp_path / "out", steps=7)
    assert argv[argv.index("--seed") + 1] == "1234"
    assert argv[argv.index("--max_steps") + 1] == "7"
    assert argv[argv.index("--wordvec_pretrain_file") + 1] == str((tmp_path / "out" / "pretrain.pt").resolve())


def test_shrink_halves_float_weights(tmp_path):
    import torch

    from eventx.training._shrink import shrink_model_file

    path = tmp_path / "m.pt"
    torch.save({"model": {"w": torch.ones(1000, 100), "steps": torch.tensor([3])}, "optimizer": {"state": 1},
                "config": {"a": 1}}, path)
    before, after = shrink_model_file(path)
    loaded = torch.load(path, weights_only=False)
    assert after < before * 0.6
    assert loaded["model"]["w"].dtype == torch.float16 and loaded["model"]["steps"].dtype == torch.int64
    assert "optimizer" not in loaded and loaded["config"] == {"a": 1}


def test_card_lists_every_component_with_its_flags(tmp_path):
    from eventx.training._card import component_table

    (tmp_path / "pos.pt").write_bytes(b"x" * 2_000_000)
    table = component_table(tmp_path)
    for name, component in COMPONENTS.items():
        assert f"| {name} | `{component.module}` |" in table
    assert "--hidden_dim 150" in table and "2.0 MB" in table and "{" not in table


def test_tagger_continues_from_a_trained_file(tiny_work_dir, tmp_path):
    """--init-from: the run starts from the file's weights and vocabulary, not random ones."""
    import torch

    build_pretrain(write_tiny_vectors(tmp_path / "vectors.txt"), tmp_path / "pretrain.pt")
    first = train_component("pos", tiny_work_dir, tmp_path, steps=2, threads=1, quick=True)
    start = torch.load(first, weights_only=True)
    (tmp_path / "start.pt").write_bytes(first.read_bytes())
    out = tmp_path / "longer"
    out.mkdir()
    (out / "pretrain.pt").write_bytes((tmp_path / "pretrain.pt").read_bytes())
    path = train_component("pos", tiny_work_dir, out, steps=1, threads=1, quick=True, init_from=tmp_path / "start.pt")
    longer = torch.load(path, weights_only=True)
    assert longer["vocab"] == start["vocab"]
    # one Adam step (lr 0.0006) moves each weight by about the learning rate from where it
    # was; a fresh random draw would differ by the weights' own size
    name = next(k for k, v in start["model"].items() if v.dtype.is_floating_point and v.dim() == 2)
    moved = (longer["model"][name].float() - start["model"][name].float()).abs().max().item()
    assert 0 < moved <= 0.002 < start["model"][name].float().abs().max().item()


def test_a_continued_run_fine_tunes():
    """--init-from continues at a fifth of the tagger's learning rate."""
    command = trainer_command(COMPONENTS["pos"], Path("work"), Path("out"), init_from=Path("pos.pt"))
    assert command[command.index("--lr") + 1] == "0.0006"
    assert "--lr" not in trainer_command(COMPONENTS["pos"], Path("work"), Path("out"))


@pytest.mark.parametrize("name", ["tokenize", "depparse"])
def test_only_the_tagger_starts_from_a_trained_file(tmp_path, name):
    with pytest.raises(ValueError, match="cannot start from a trained file"):
        trainer_command(COMPONENTS[name], tmp_path, tmp_path, init_from=tmp_path / "x.pt")


def test_models_page_gives_each_components_own_length():
    """docs/models.md copies the trainer flags table by hand: its lengths must be the code's."""
    from pathlib import Path

    page = (Path(__file__).parents[1] / "docs" / "models.md").read_text(encoding="utf-8")
    for name, component in COMPONENTS.items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` → `{component.filename}`"))
        length = f"`{component.steps_flag} {component.steps}`" if component.steps_flag else "one pass"
        assert f"| {length} |" in row, row


def test_lemmatizer_learns_on_word_types_and_keeps_every_tokens_dictionary(tiny_work_dir, tmp_path):
    """The seq2seq trains on distinct triples; the saved dictionary is the one stanza builds from all tokens."""
    from stanza.models.lemma.trainer import Trainer

    from eventx.training._lemma import _training_triples, type_triples

    path = train_component("lemma-seq2seq", tiny_work_dir, tmp_path, steps=1, threads=1, quick=True)
    trained = Trainer(model_file=str(path), device="cpu")
    tokens = _training_triples(tiny_work_dir / "ud" / "UD_English-EWT" / "en_ewt-ud-train.conllu")
    reference = Trainer(args={"dict_only": True}, vocab=None, device="cpu")
    reference.train_dict(tokens)
    assert trained.model is not None and not trained.args["dict_only"]
    assert trained.pos_dict == reference.pos_dict
    types = (tiny_work_dir / "scratch" / "lemma.train.types.conllu").read_text(encoding="utf-8").split("\n\n")
    assert len([b for b in types if b.strip()]) == len(type_triples(tokens)) < len(tokens)
