"""Actors across a document, after the rule stages have found each event's participants.

- :mod:`~eventx._actors._mentions` — mentions of actors in the parse (names, pronouns,
  descriptions) and in every participant.
- :mod:`~eventx._actors._resolution` — mentions linked into actors (``actor_id``,
  ``canonical``).
- :mod:`~eventx._actors._coding` — each actor and place coded: country, sector,
  coordinates.
"""
