"""Rebuild eventx's bundled English stanza models from UD English.

Run ``python -m eventx.training --help``. The shared data folder is read from
``$EVENTX_DATA`` (default ``../shared/data``); see the models page of the docs
for the exact data, flags, steps and measured scores.
"""

from eventx.training._components import COMPONENTS, SEED, Component
from eventx.training._run import prepare_data, train_component

__all__ = ["COMPONENTS", "SEED", "Component", "prepare_data", "train_component"]
