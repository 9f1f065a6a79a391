"""The compact language model gives py3langid's own answers, to the last bit of probability."""

from __future__ import annotations

import io
import lzma
import random
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from pipeline.read.langmodel import CompactModel, load_compact

# Written for these tests: news-like sentences in several languages and scripts.
TEXTS = [
    "The port authority said on Tuesday that container traffic rose 4 percent last year.",
    "Die Hafenbehörde teilte am Dienstag mit, der Containerverkehr sei im vergangenen Jahr "
    "um 4 Prozent gestiegen.",
    "L'autorité portuaire a indiqué mardi que le trafic de conteneurs avait augmenté de 4 % "
    "l'an dernier.",
    "La autoridad portuaria dijo el martes que el tráfico de contenedores creció un 4 por "
    "ciento el año pasado.",
    "L'autorità portuale ha detto martedì che il traffico di container è cresciuto del 4 per "
    "cento l'anno scorso.",
    "Het havenbedrijf meldde dinsdag dat het containervervoer vorig jaar met 4 procent groeide.",
    "A autoridade portuária disse na terça-feira que o tráfego de contêineres cresceu 4% no "
    "ano passado.",
    "Hamnmyndigheten uppgav på tisdagen att containertrafiken ökade med 4 procent förra året.",
    "Zarząd portu poinformował we wtorek, że ruch kontenerowy wzrósł w zeszłym roku o 4 proc.",
    "Портовое управление сообщило во вторник, что контейнерные перевозки выросли на 4 процента.",
    "Η λιμενική αρχή ανακοίνωσε την Τρίτη ότι η διακίνηση εμπορευματοκιβωτίων αυξήθηκε 4%.",
    "Liman idaresi salı günü yaptığı açıklamada konteyner trafiğinin yüzde 4 arttığını söyledi.",
    "أعلنت هيئة الميناء يوم الثلاثاء أن حركة الحاويات ارتفعت بنسبة 4 في المئة العام الماضي.",
    "港务局周二表示，去年集装箱吞吐量增长了百分之四。",
    "港湾局は火曜日、昨年のコンテナ取扱量が4パーセント増えたと発表した。",
    "THE PORT AUTHORITY SAID CONTAINER TRAFFIC ROSE FOUR PERCENT",  # all capitals: lower-cased
    "Exports rose 5% to $3 billion \udcff in 2016, officials said.",  # a lone surrogate
    "Wheat 3.41 3.38 Corn 2.07 2.11",
    "",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.fixture(scope="module")
def compact() -> CompactModel:
    return load_compact()


def _random_texts(count: int) -> list[str]:
    """Seeded jumbles of the texts' words, and of characters from several scripts."""
    rng = random.Random(20)
    words = " ".join(TEXTS).split()
    jumbles = [" ".join(rng.choices(words, k=rng.randint(1, 60))) for _ in range(count)]
    scripts = [chr(rng.randrange(0x20, 0x3100)) for _ in range(4_000)]
    return jumbles + ["".join(rng.choices(scripts, k=rng.randint(1, 300))) for _ in range(count)]


def test_it_classifies_as_py3langid_does(
    reference: LanguageIdentifier, compact: CompactModel
) -> None:
    for text in TEXTS + _random_texts(150):
        assert compact.classify(text) == reference.classify(text.encode("utf-8", "replace"))


@pytest.mark.parametrize(("text", "language"), [
    (TEXTS[0], "en"), (TEXTS[1], "de"), (TEXTS[2], "fr"), (TEXTS[3], "es"), (TEXTS[9], "ru"),
    (TEXTS[12], "ar"), (TEXTS[13], "zh"), (TEXTS[14], "ja"),
])
def test_it_names_the_language(compact: CompactModel, text: str, language: str) -> None:
    assert compact.classify(text)[0] == language


def test_it_visits_the_features_py3langid_visits_in_its_order(
    reference: LanguageIdentifier, compact: CompactModel
) -> None:
    """Any bytes, valid UTF-8 or not: the automaton's features, their counts and first-visit order
    (the order the scores are summed in)."""
    rng = random.Random(7)
    common = bytes(range(32, 127)) + "äöüéèçñßœæøåąęłżśćźğışçğ".encode()
    samples = [text.encode("utf-8", "replace") for text in TEXTS]
    samples += [bytes(rng.choices(common, k=rng.randint(1, 400))) for _ in range(150)]
    samples += [rng.randbytes(rng.randint(1, 400)) for _ in range(150)]
    for data in samples:
        visits = visit_counts(
            reference.tk_nextmove, [r << 8 for r in reference.tk_row], reference.tk_output, data
        )
        features, counts = compact.feature_counts(data)
        expected = list(visits.items()) if visits else []
        assert list(zip(features.tolist(), counts.tolist(), strict=True)) == expected


def test_it_holds_far_less_than_py3langid(compact: CompactModel) -> None:
    held = sum(a.nbytes for a in (compact.keys, compact.features, compact.ptc, compact.pc))
    assert held < 32_000_000  # py3langid's transition table alone is 39 MB


def test_a_model_file_of_another_layout_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, ptc=np.zeros((2, 2), dtype=np.float16), pc=np.zeros(2, dtype=np.float32))
    path = tmp_path / "model.npz.xz"
    path.write_bytes(lzma.compress(buffer.getvalue()))
    with pytest.raises(ValueError, match="missing"):
        load_compact(path)
