"""Sphinx configuration of the eventx documentation.

Build (offline, warnings are errors)::

    .venv/bin/sphinx-build -W -n --keep-going -b html docs docs/_build/html
    .venv/bin/sphinx-build -W -n -b doctest docs docs/_build/doctest

Cross-links to the Python documentation are opt-in: set
``EVENTX_DOCS_INTERSPHINX=1`` on a machine with internet access. Without it the
build never touches the network, and references to classes that live outside
eventx (``datetime.date``, ``os.PathLike``, stanza's ``Document``…) are listed
in ``nitpick_ignore_regex`` below so the nitpicky build stays clean.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent

# -- Project -------------------------------------------------------------------

project = "eventx"
author = "The eventx developers"
copyright = "2025, The eventx developers"
try:
    release = version("eventx-nlp")
except PackageNotFoundError:  # docs built from a tree where eventx-nlp is not installed
    release = "0.0.0"
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
nitpicky = True

# -- MyST ------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc / napoleon ----------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -----------------------------------------------------------------------

# Only the explicit ``{doctest}`` blocks of the pages run, and they need no stanza
# models. The ``>>>`` examples in docstrings (shown in the API reference) parse
# raw text with the models, so they are rendered but not run here.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"""
import eventx
from pathlib import Path
EXAMPLES = Path({str(HERE / "examples")!r})
"""

# -- intersphinx (opt-in, needs internet) -------------------------------------------

INTERSPHINX = os.environ.get("EVENTX_DOCS_INTERSPHINX", "") == "1"
intersphinx_mapping: dict[str, tuple[str, str | None]] = (
    {"python": ("https://docs.python.org/3", None)} if INTERSPHINX else {}
)
intersphinx_disabled_reftypes = ["*"] if not INTERSPHINX else ["std:doc"]

# Names outside eventx that no inventory resolves (stanza has none at all), and
# TimeTagger, which lives in the private time layer (the ``extract_times``
# docstring links to ``TimeTagger.tag``; it is described on the time page).
nitpick_ignore_regex = [
    (r"py:.*", r"stanza(\..*)?"),
    (r"py:.*", r"(eventx\._time\.)?TimeTagger(\..*)?"),
    (r"py:.*", r"(dask|pandas)\..*"),  # eventx.dask's signatures; no inventory without internet
]
if not INTERSPHINX:
    # Without the Python inventory, standard-library classes in the rendered
    # type hints cannot be linked; with EVENTX_DOCS_INTERSPHINX=1 they are.
    nitpick_ignore_regex += [
        (r"py:.*", r"datetime\.(date|datetime)"),
        (r"py:.*", r"os\.PathLike"),
        (r"py:.*", r"collections\.abc\.\w+"),
        (r"py:.*", r"typing\.\w+"),
    ]

# -- HTML ------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"eventx {release}"
html_static_path = ["_static"]
html_theme_options = {
    "navigation_with_keys": True,
}
pygments_style = "sphinx"
pygments_dark_style = "monokai"

# -- Generated files ---------------------------------------------------------------------

# docs/_generated/ is written by the evaluation and benchmark scripts (scores,
# timings, the speed plot). Their Markdown parts always exist (a short note until
# the scripts have run), but a plot appears only once its script has written it:
# an image under _generated/ whose file does not exist yet is dropped from the
# page instead of failing the build. Any other missing image is still an error.
GENERATED = HERE / "_generated"


def _drop_missing_generated_images(app, doctree) -> None:  # noqa: ANN001 - Sphinx callback
    from docutils import nodes

    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if uri.startswith("_generated/") and not (HERE / uri).is_file():
            image.parent.remove(image)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx hook
    # before Sphinx's image collector (priority 500), which would warn about the file
    app.connect("doctree-read", _drop_missing_generated_images, priority=400)
    return {"parallel_read_safe": True}
