"""Ways out of eventx besides :class:`~eventx.Event` itself.

- :mod:`~eventx._outputs._plover_json` — PLOVER JSON records (``Event.to_plover``).
- :mod:`~eventx._outputs._dataframe` — a pandas DataFrame, one row per event.
- :mod:`~eventx._outputs._render` — HTML with the event marks (``render_html``).
"""
