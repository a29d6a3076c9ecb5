"""``looks_english``: no false alarm on English news, other languages caught."""

from __future__ import annotations

import re

import pytest

from eventx._parse._language import looks_english

ENGLISH = [
    "",
    "   ",
    "Rubio met Lavrov.",
    "2025-02-17",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    "| Year | GDP |\n|---|---|\n| 2024 | 1.2 |\n| 2025 | 1.4 |",
    "Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov are expected to meet in Riyadh on Tuesday.",
    "Chancellor Olaf Scholz of the Sozialdemokratische Partei Deutschlands met Emmanuel Macron at the Palais de "
    "l'Élysée on Monday, where they discussed the war in Ukraine with José Luis Rodríguez Zapatero.",
    "The Banco de España and the Deutsche Bundesbank said on Friday that inflation in the euro area would fall.",
    "Protesters chanted \"¡No pasarán!\" outside the Palacio de la Moneda in Santiago as police fired tear gas.",
    "Le Monde, El País and Die Zeit reported that the talks in Geneva had collapsed late on Thursday night.",
    "Marco Rubio, Sergey Lavrov, Yuri Ushakov, Kirill Dmitriev, Steve Witkoff, Mike Waltz, Keith Kellogg",
    "Contact: press@example.com, https://www.example.de/presse/mitteilungen/2025 or +49 30 1234567 for details.",
    "The Kremlin said Putin (Путин) would meet the envoy in Moscow (Москва) on Thursday to discuss a ceasefire.",
    "Officials in Beijing (北京) said the talks would resume next week after a pause of several months.",
]

NOT_ENGLISH = {
    "de": "Der Außenminister traf sich am Dienstag mit seinem russischen Amtskollegen in Riad, um über ein Ende "
          "des Krieges in der Ukraine zu sprechen. Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
    "fr": "Le ministre des Affaires étrangères a rencontré mardi son homologue russe à Riyad pour discuter de la fin "
          "de la guerre en Ukraine. Les discussions doivent reprendre la semaine prochaine.",
    "es": "El secretario de Estado se reunió el martes con su homólogo ruso en Riad para hablar sobre el fin de la "
          "guerra en Ucrania. Las conversaciones se reanudarán la próxima semana, según fuentes oficiales.",
    "it": "Il segretario di Stato ha incontrato martedì il suo omologo russo a Riad per discutere della fine della "
          "guerra in Ucraina. I colloqui riprenderanno la prossima settimana, secondo fonti ufficiali.",
    "pt": "O secretário de Estado encontrou-se na terça-feira com o seu homólogo russo em Riade para discutir o fim "
          "da guerra na Ucrânia. As conversações serão retomadas na próxima semana, disse uma fonte oficial.",
    "nl": "De minister van Buitenlandse Zaken heeft dinsdag in Riyad zijn Russische ambtgenoot ontmoet om te praten "
          "over een einde aan de oorlog in Oekraïne. De gesprekken worden volgende week voortgezet.",
    "ru": "Государственный секретарь США встретился во вторник в Эр-Рияде с министром иностранных дел России, "
          "чтобы обсудить прекращение войны на Украине.",
    "zh": "美国国务卿周二在利雅得会见了俄罗斯外交部长，双方讨论了结束乌克兰战争的问题。会谈将于下周继续举行。",
    "ar": "التقى وزير الخارجية الأمريكي يوم الثلاثاء في الرياض بنظيره الروسي لبحث إنهاء الحرب في أوكرانيا.",
    "he": "שר החוץ האמריקאי נפגש ביום שלישי בריאד עם עמיתו הרוסי כדי לדון בסיום המלחמה באוקראינה.",
    "ja": "米国務長官は火曜日、リヤドでロシアの外相と会談し、ウクライナでの戦争終結について協議した。",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_undecidable_texts_count_as_english(text):
    assert looks_english(text) is True


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_other_languages_are_caught(language):
    assert looks_english(NOT_ENGLISH[language]) is False


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_a_foreign_paragraph_inside_an_english_article_is_outweighed(language):
    english = ENGLISH[6] + " " + ENGLISH[7] + " " + ENGLISH[8] + " " + ENGLISH[10]
    assert looks_english(english + " " + NOT_ENGLISH[language][:60]) is True


def test_deterministic():
    text = NOT_ENGLISH["de"] + " " + ENGLISH[6]
    assert len({looks_english(text) for _ in range(20)}) == 1


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["a"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="must be a str"):
        looks_english(bad)


def test_seed_article_is_english():
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")):
        assert looks_english(path.read_text(encoding="utf-8")), path


@pytest.mark.data
def test_no_false_alarm_on_meantime_and_tempeval(data_dir):
    """Every MEANTIME article and every TempEval-3 document (English news) counts as English."""
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    texts = [doc.text for doc in read_meantime_corpora(data_dir, corpora=("airbus", "apple", "gm"))]
    for path in sorted((data_dir / "tempeval3").glob("**/*.tml")):
        body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8", errors="replace"), re.S)
        if body:
            texts.append(re.sub(r"<[^>]+>", "", body.group(1)))
    assert len(texts) > 300
    alarms = [t[:80] for t in texts if not looks_english(t)]
    assert alarms == []
