"""Render the front-page example with eventx.render_html and photograph it in a real
headless browser, to check the view's look and to refresh the docs' picture.

    .venv/bin/python docs/screenshot.py                      # the front-page sentence
    .venv/bin/python docs/screenshot.py --text seeds/000_7d62ded530ff2750.txt --out /tmp/seed

Writes ``<out>.html`` and ``<out>.png`` (default ``docs/_static/render_example``).
The front-page sentence needs no model (its parse is ``docs/examples/rubio_lavrov.conllu.txt``);
``--text`` runs the bundled models on a file. Needs ``chromium`` (Debian:
``apt-get install chromium``) or ``google-chrome`` on PATH and exits with an error
without one. Pillow, when installed, crops the picture to the view.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import eventx

HERE = Path(__file__).resolve().parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    sys.exit(f"no headless browser on PATH (tried {', '.join(BROWSERS)}): apt-get install chromium")


def _crop(png: Path, margin: int = 12) -> None:
    try:
        from PIL import Image, ImageChops
    except ImportError:
        return
    with Image.open(png) as image:
        rgb = image.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        rgb.crop((max(left - margin, 0), max(top - margin, 0), min(right + margin, rgb.width),
                  min(bottom + margin, rgb.height))).save(png)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, help="a text file to extract from (default: the front-page sentence)")
    parser.add_argument("--reference-date", default="2025-02-17")
    parser.add_argument("--out", type=Path, default=HERE / "_static" / "render_example")
    parser.add_argument("--width", type=int, default=720, help="CSS pixels (the docs column is about 720)")
    parser.add_argument("--height", type=int, default=520)
    parser.add_argument("--scale", type=float, default=2.0, help="device pixels per CSS pixel (2: sharp on HiDPI)")
    args = parser.parse_args(argv)
    browser = _browser()
    if args.text is None:
        conllu = (HERE / "examples" / "rubio_lavrov.conllu.txt").read_text(encoding="utf-8")
        events = eventx.Extractor().extract_document(conllu, reference_date=args.reference_date)
        text = conllu.split("# text = ", 1)[1].split("\n", 1)[0]
    else:
        text = args.text.read_text(encoding="utf-8")
        events = eventx.Extractor().extract(text, reference_date=args.reference_date)
    html_path, png_path = args.out.with_suffix(".html"), args.out.with_suffix(".png")
    html_path.parent.mkdir(parents=True, exist_ok=True)
    eventx.render(text, events).save(html_path)
    with tempfile.TemporaryDirectory() as profile:  # a fresh profile: no first-run state, nothing kept
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={args.width},{args.height}",
                        f"--force-device-scale-factor={args.scale}",
                        f"--screenshot={png_path}", html_path.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    if not png_path.is_file():
        sys.exit(f"{browser} wrote no screenshot")
    _crop(png_path)
    print(f"{html_path}\n{png_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
