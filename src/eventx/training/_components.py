"""The bundled model components and the exact stanza trainer flags that build them.

Each :class:`Component` names a stanza trainer module and the flags it runs with;
``{...}`` placeholders are filled from the folders of one training run. Keeping the
flags here (not in a shell script) makes the model card's claims checkable: the
card is generated from these same tables.
"""

from __future__ import annotations

import attrs

#: Seed passed to every trainer, so a retrain is repeatable.
SEED = 1234


@attrs.frozen
class Component:
    """One stanza model the bundle ships.

    Attributes:
        name: Processor name in the stanza pipeline (``tokenize``, ``pos``…).
        module: The stanza trainer, run as ``python -m <module>``.
        filename: File name of the trained model inside the bundle.
        args: Trainer flags, with ``{placeholders}`` for the run's folders.
        steps_flag: Flag that bounds training length, or ``None`` when the
            component trains in one pass (dictionary models).
        steps: Default value of ``steps_flag`` for a full retrain.
        quick_args: Flags that make a few-step run evaluate (and save) at its
            end, for smoke tests: some trainers fail when they stop before
            their first evaluation.
    """

    name: str
    module: str
    filename: str
    args: tuple[str, ...]
    steps_flag: str | None = None
    steps: int = 0
    quick_args: tuple[str, ...] = ()


TOKENIZE = Component(
    name="tokenize",
    module="stanza.models.tokenizer",
    filename="tokenize.pt",
    args=(
        "--mode", "train", "--lang", "en", "--shorthand", "en_ewt",
        "--label_file", "{tokenize}/en_ewt-ud-train.toklabels",
        "--txt_file", "{tokenize}/en_ewt.train.txt",
        "--mwt_json_file", "{tokenize}/en_ewt-ud-dev-mwt.json",
        "--dev_label_file", "{tokenize}/en_ewt-ud-dev.toklabels",
        "--dev_txt_file", "{tokenize}/en_ewt.dev.txt",
        "--dev_conll_gold", "{tokenize}/en_ewt.dev.gold.conllu",
        "--conll_file", "{scratch}/tokenize.dev.pred.conllu",
        "--use_mwt", "--eval_steps", "500",
        "--save_dir", "{out}", "--save_name", "tokenize.pt",
    ),
    steps_flag="--steps",
    steps=10000,
    quick_args=("--eval_steps", "1"),
)

#: The multi-word token expander: the training data's dictionary, and for tokens it
#: does not hold a classifier of where the token splits (stanza trains one when every
#: training MWT is the concatenation of its words, as in EWT and GUM). A dictionary alone
#: left 2 of 3 possessives in MEANTIME unsplit: UD English writes "Apple's" as one token of
#: two words ("Apple" + "'s"), so any name not in the training data stayed one word.
MWT = Component(
    name="mwt",
    module="stanza.models.mwt_expander",
    filename="mwt.pt",
    args=(
        "--mode", "train", "--lang", "en", "--shorthand", "en_ewt",
        "--train_file", "{mwt}/en_ewt.train.in.conllu",
        "--eval_file", "{mwt}/en_ewt.dev.in.conllu",
        "--gold_file", "{mwt}/en_ewt.dev.gold.conllu",
        "--output_file", "{scratch}/mwt.dev.pred.conllu",
        "--save_dir", "{out}", "--save_name", "mwt.pt",
    ),
    steps_flag="--num_epoch",
    steps=30,
)

LEMMA = Component(
    name="lemma",
    module="stanza.models.lemmatizer",
    filename="lemma.pt",
    args=(
        "--mode", "train", "--shorthand", "en_ewt", "--dict_only",
        "--train_file", "{ud}/en_ewt-ud-train.conllu",
        "--eval_file", "{ud}/en_ewt-ud-dev.conllu",
        "--output_file", "{scratch}/lemma.dev.pred.conllu",
        "--save_dir", "{out}", "--save_name", "lemma.pt",
    ),
)

#: Not bundled (yet): stanza's standard English lemmatizer, the same dictionary and, for
#: the words it lacks, a character seq2seq model with an edit classifier.
#: ``eventx.training._lemma`` runs stanza's trainer on the distinct word/UPOS/lemma
#: triples (31k of 350k tokens: ten times shorter epochs), selects on the dev words
#: unseen in training and keeps the dictionary of all tokens. Four epochs (all one loaded
#: 2-core machine gave) lemmatized "sells" and "unveils" but got the stem wrong
#: of many "-ed" forms ("expelled" -> "expelle", "barred" -> "barr"); see
#: docs/models.md. Train it with ``python -m eventx.training lemma-seq2seq``.
LEMMA_SEQ2SEQ = Component(
    name="lemma-seq2seq",
    module="eventx.training._lemma",
    filename="lemma.pt",
    args=(
        "--mode", "train", "--shorthand", "en_ewt",
        "--train_file", "{ud}/en_ewt-ud-train.conllu",
        "--eval_file", "{ud}/en_ewt-ud-dev.conllu",
        "--output_file", "{scratch}/lemma.dev.pred.conllu",
        "--batch_size", "50", "--log_step", "200",
        "--save_dir", "{out}", "--save_name", "lemma.pt",
    ),
    steps_flag="--num_epoch",
    steps=4,
)

#: Components that read the word vectors ``{out}/pretrain.pt`` (see ``_vectors.py``).
USES_VECTORS = ("pos", "depparse", "ner")

#: A compact tagger: GloVe vectors (``pretrain.pt``) next to its own word and
#: character embeddings; the small dimensions keep it fast on 2 cores and the
#: file small.
POS = Component(
    name="pos",
    module="stanza.models.tagger",
    filename="pos.pt",
    args=(
        "--mode", "train", "--lang", "en", "--shorthand", "en_ewt",
        "--wordvec_pretrain_file", "{out}/pretrain.pt",
        "--train_file", "{ud}/en_ewt-ud-train.conllu",
        "--eval_file", "{ud}/en_ewt-ud-dev.conllu",
        "--output_file", "{scratch}/pos.dev.pred.conllu",
        "--hidden_dim", "150", "--char_hidden_dim", "100", "--char_emb_dim", "50",
        "--deep_biaff_hidden_dim", "100", "--composite_deep_biaff_hidden_dim", "50",
        "--word_cutoff", "2", "--word_dropout", "0.2", "--dropout", "0.33",
        "--batch_size", "100", "--eval_interval", "200",
        "--save_dir", "{out}", "--save_name", "pos.pt",
    ),
    steps_flag="--max_steps",
    steps=3400,
    quick_args=("--eval_interval", "1"),
)

DEPPARSE = Component(
    name="depparse",
    module="stanza.models.parser",
    filename="depparse.pt",
    args=(
        "--mode", "train", "--lang", "en", "--shorthand", "en_ewt",
        "--wordvec_pretrain_file", "{out}/pretrain.pt",
        "--train_file", "{ud}/en_ewt-ud-train.conllu",
        "--eval_file", "{ud}/en_ewt-ud-dev.conllu",
        "--output_file", "{scratch}/depparse.dev.pred.conllu",
        "--hidden_dim", "200", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
        "--num_layers", "2", "--batch_size", "1000", "--eval_interval", "250",
        "--checkpoint_save_name", "{scratch}/depparse_checkpoint.pt",
        "--save_dir", "{out}", "--save_name", "depparse.pt",
    ),
    steps_flag="--max_steps",
    steps=13000,
    quick_args=("--eval_interval", "1", "--no_checkpoint"),
)

#: A compact NER tagger trained on GUM's named entities (see ``_ner.py``), on the
#: same GloVe vectors as the tagger and parser next to its character model. Adam
#: instead of stanza's default SGD (lr 0.1): without vectors SGD had learned
#: nothing after 400 steps.
NER = Component(
    name="ner",
    module="stanza.models.ner_tagger",
    filename="ner.pt",
    args=(
        "--mode", "train", "--shorthand", "en_gum",
        "--wordvec_pretrain_file", "{out}/pretrain.pt",
        "--train_file", "{ner}/en_gum.train.json",
        "--eval_file", "{ner}/en_gum.dev.json",
        "--scheme", "bioes",
        "--word_emb_dim", "100", "--hidden_dim", "128", "--char_hidden_dim", "64", "--char_emb_dim", "50",
        "--word_dropout", "0.05", "--dropout", "0.5",
        "--optim", "adam", "--lr", "0.002", "--lr_decay", "0.5", "--patience", "3",
        "--batch_size", "32", "--eval_interval", "250", "--max_steps_no_improve", "2500",
        "--save_dir", "{out}", "--save_name", "ner.pt",
    ),
    steps_flag="--max_steps",
    steps=12000,
    quick_args=("--eval_interval", "1", "--log_step", "1"),
)

#: Every component, in pipeline order.
COMPONENTS: dict[str, Component] = {c.name: c for c in (TOKENIZE, MWT, POS, LEMMA, DEPPARSE, NER)}

#: Components trained only when named (not bundled, not on the model card).
OPTIONAL: dict[str, Component] = {LEMMA_SEQ2SEQ.name: LEMMA_SEQ2SEQ}
