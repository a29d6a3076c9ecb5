"""A possessor participant's span leaves out its clitic (UD: *'s* is the possessor's ``case``
dependent, no part of the nominal): "Russia's invasion of Ukraine" has who "Russia"."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"


def _mwt(form: str, first: str, clitic: str, rest: list[str]) -> str:
    """CoNLL-U of one sentence opening with the multi-word token ``form`` = ``first`` + ``clitic``
    (as stanza's tokenizer splits "Russia's"); ``rest`` are rows from word 3 on, tab-free ``id form
    lemma upos head deprel [feats]`` strings."""
    rows = [f"1-2\t{form}\t_\t_\t_\t_\t_\t_\t_\t_",
            f"1\t{first}\t{first}\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_",
            f"2\t{clitic}\t{clitic}\tPART\tPOS\t_\t1\tcase\t_\t_"]
    for row in rest:
        i, word, lemma, upos, head, rel, *feats = row.split()
        rows.append("\t".join([i, word, lemma, upos, "_", feats[0] if feats else "_", head, rel, "_",
                               "SpaceAfter=No" if i == str(len(rest) + 1) else "_"]))
    return "\n".join(rows) + "\n\n"


INVASION = ["3 invasion invasion NOUN 6 nsubj", "4 of of ADP 5 case", "5 Ukraine Ukraine PROPN 3 nmod",
            f"6 shocked shock VERB 0 root {PAST}", "7 Europe Europe PROPN 6 obj", "8 . . PUNCT 6 punct"]

# (CoNLL-U, trigger lemma, expected who texts, expected whom texts)
POSSESSORS = [
    pytest.param(_mwt("Russia's", "Russia", "'s", INVASION), "invasion", ["Russia"], ["Ukraine"],
                 id="multi-word-token-clitic"),
    pytest.param(_mwt("States'", "States", "'", INVASION), "invasion", ["States"], ["Ukraine"],
                 id="multi-word-token-bare-apostrophe"),
    pytest.param(conllu(  # a tokenizer that left the clitic on the name, parsed as a compound
        "Russia’s/PROPN/2/compound invasion/NOUN/5/nsubj of/ADP/4/case Ukraine/PROPN/2/nmod "
        "shocked/shock/VERB/0/root/" + PAST + " Europe/PROPN/5/obj ./PUNCT/5/punct"),
        "invasion", ["Russia"], ["Ukraine"], id="unsplit-curly-clitic-compound"),
    pytest.param(conllu(
        "President/PROPN/2/compound Putin's/PROPN/3/nmod:poss attack/NOUN/6/nsubj on/ADP/5/case "
        "Kyiv/PROPN/3/nmod failed/fail/VERB/0/root/" + PAST + " ./PUNCT/6/punct"),
        "attack", ["President Putin"], ["Kyiv"], id="unsplit-clitic-possessor"),
    pytest.param(conllu(  # not a possessor: "'s" is part of the name
        "McDonald's/PROPN/2/nsubj sued/sue/VERB/0/root/" + PAST + " Burger/PROPN/4/compound King/PROPN/2/obj ./PUNCT/2/punct"),
        "sue", ["McDonald's"], ["Burger King"], id="name-with-clitic-kept"),
]


@pytest.mark.parametrize(("doc", "lemma", "who", "whom"), POSSESSORS)
def test_possessor_span(extractor, doc, lemma, who, whom):
    event = only(extractor.extract_document(doc), lemma)
    assert [p.text for p in event.who] == who
    assert [p.text for p in event.whom] == whom
    for p, text in zip(event.who, who):
        assert p.head.endswith(("'s", "’s", "'")) == text.endswith(("'s", "’s", "'"))
