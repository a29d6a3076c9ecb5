"""The training command cannot rot: every trainer runs a few steps on a tiny slice."""

from __future__ import annotations

import pytest

from eventx.training import COMPONENTS, prepare_data, train_component
from eventx.training._run import trainer_command

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def tiny_work_dir(tmp_path_factory, data_dir):
    work = tmp_path_factory.mktemp("training")
    prepare_data(work, include_gum=False, max_sentences=40)
    return work


@pytest.mark.parametrize("name", list(COMPONENTS))
def test_trainer_runs_on_a_tiny_slice(tiny_work_dir, tmp_path, name):
    path = train_component(name, tiny_work_dir, tmp_path, steps=2, threads=1, quick=True)
    assert path.is_file()


def test_commands_record_seed_and_steps(tmp_path):
    argv = trainer_command(COMPONENTS["pos"], tmp_path, tmp_path / "out", steps=7)
    assert argv[argv.index("--seed") + 1] == "1234"
    assert argv[argv.index("--max_steps") + 1] == "7"
    assert "--no_pretrain" in argv
