"""Who makes the claim: the rules backend on the actor sentences of
``tests/data/rules_actors.jsonl`` (see ``tests/_rules_actors.py``), one test per
sentence named ``<mechanism>:<lang>:<line>``; sentences with a ``known_gap``
are strict xfails. ``bench/rules_actors.py`` prints the pass rates."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_actors import ActorCase, check_actor, load_actor_cases

CASES = load_actor_cases()


def _param(case: ActorCase) -> object:
    marks = [pytest.mark.xfail(reason=case.known_gap, strict=True)] if case.known_gap else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_actor(backend: RulesBackend, case: ActorCase) -> None:
    problem = check_actor(backend, case)
    assert problem is None, f"{case.id} {case.text!r}: {problem}"


def test_each_mechanism_is_shown_in_six_languages() -> None:
    """Each mechanism in six languages or more; names in Han, Kana or Hangul in all three
    languages written so; Japanese names family first in Vietnamese, Indonesian and English;
    name characters that also make title words in the languages written in Han or with
    Vietnamese syllables; a country in the genitive after a title of several words in the
    languages with cases; Arabic country adjectives in Arabic; one Han character for a
    country in Korean headlines; Cyrillic names and the impersonal report ("в МИД X заявили")
    in Russian and Ukrainian."""
    by_mechanism: dict[str, set[str]] = {}
    for c in CASES:
        by_mechanism.setdefault(c.mechanism, set()).add(c.lang)
    assert set(by_mechanism) == {"meeting_people", "other_party", "own_voice", "home_government", "org_name", "organisation",
                                 "dateline_place", "surname_later", "cjk_name", "japanese_order",
                                 "title_portfolio", "name_inside", "arabic_adjective", "korean_headline",
                                 "cyrillic_name", "central_bank", "both_sides", "org_shape", "org_english", "spokesperson_body",
                                 "according_to", "body_head", "company",
                                 "trailing_pronoun", "title_owner_genitive", "title_anaphor", "impersonal_body",
                                 "reported_name"}
    for mechanism, langs in by_mechanism.items():
        if mechanism == "cjk_name":  # names written in Han, Kana or Hangul: the three languages
            assert langs == {"zh", "ja", "ko"}, sorted(langs)
        elif mechanism == "japanese_order":  # where news write Japanese names family first
            assert {"vi", "id", "en"} <= langs, sorted(langs)
        elif mechanism == "name_inside":  # 国, 新 inside a Han name; Văn, Hoàng, Quốc in a Vietnamese one
            assert langs == {"zh", "ja", "vi"}, sorted(langs)
        elif mechanism == "arabic_adjective":  # "العراقي" made from "العراق"
            assert langs == {"ar"}, sorted(langs)
        elif mechanism == "korean_headline":  # "北, 한국에 경고": a Han character in Korean text
            assert langs == {"ko"}, sorted(langs)
        elif mechanism in ("cyrillic_name", "impersonal_body"):  # Russian and Ukrainian
            assert langs == {"ru", "uk"}, sorted(langs)
        elif mechanism == "title_owner_genitive":  # "Министр обороны Белоруссии": the languages with cases
            assert langs == {"ru", "uk", "pl", "hr"}, sorted(langs)
        else:
            assert len(langs) >= 6, (mechanism, sorted(langs))
