"""The rule stages, in the order :class:`eventx.Extractor` runs them on each parsed sentence.

1. :mod:`~eventx._stages._frames` — predicates and the words that host their arguments
   (a :class:`~eventx._stages._frames.Frame` per event candidate, typed from the PLOVER lexicon).
2. :mod:`~eventx._stages._roles` — who and whom, helped by :mod:`~eventx._stages._clauses`
   (subjects, passives) and :mod:`~eventx._stages._complements` (targets inside governed clauses).
3. :mod:`~eventx._stages._targets` — PLOVER targets where the grammar names no recipient.
4. :mod:`~eventx._stages._places` — where.
5. :mod:`~eventx._stages._when` — when (the time layer, :mod:`eventx._time`, finds and
   normalises the expressions; this stage attaches them) and :mod:`~eventx._stages._modality`
   — negation and modality.

Data flows one way: each stage reads the parse graph (:mod:`eventx._graph`) and the
frames of the stages before it, never a later stage's output. The shared word tables
live in ``eventx/data`` and are read by :mod:`eventx._grammar` and :mod:`eventx._kinds`.
"""
