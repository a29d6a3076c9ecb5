"""Same input, same output: in one process, and across fresh processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0]
REFERENCE = "2025-02-17"

#: Run in a fresh interpreter: the seed article's events as JSON, with a shuffled hash
#: seed so set and dict orders that depend on string hashing would show.
SCRIPT = f"""
import json, sys, eventx
text = open({str(SEED)!r}, encoding="utf-8").read()
events = eventx.extract_events(text, reference_date={REFERENCE!r})
sys.stdout.write(json.dumps([e.to_dict() for e in events], sort_keys=True))
"""


def _events_json(events) -> str:
    return json.dumps([e.to_dict() for e in events], sort_keys=True)


def _in_fresh_process(hash_seed: str) -> str:
    import os

    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.model
def test_same_events_in_process_and_in_fresh_processes(extractor):
    text = SEED.read_text(encoding="utf-8")
    first = _events_json(extractor.extract(text, reference_date=REFERENCE))
    again = _events_json(extractor.extract(text, reference_date=REFERENCE))
    batched = _events_json(next(extractor.extract_many([text], reference_date=REFERENCE)))
    assert json.loads(first), "the seed article should give events"
    assert again == first
    assert batched == first
    # in a batch with other texts (stanza pads a batch to its longest text)
    mixed = list(extractor.extract_many(["Police arrested two men in Paris.", text, "Talks resumed."],
                                        reference_date=REFERENCE))
    assert _events_json(mixed[1]) == first
    assert _in_fresh_process("1") == first
    assert _in_fresh_process("2") == first
