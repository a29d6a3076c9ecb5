"""Evaluation scorers: time expressions against TempEval-3, events against MEANTIME and PLOVER."""
