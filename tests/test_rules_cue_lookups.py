"""Speed steps of the cue lookups and clause plumbing, each set against the plain form it
replaced (kept here as the reference): same answers over every test text.

Structural checks only; speed is measured by ``bench/extract.py``.
"""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import LanguageCues
from claimkit.extract.rules.support import CueScan
from claimkit.extract.rules.text import segment
from tests.test_rules_bounded import _texts  # the sample articles and test sentences


def _inside_reference(scan: CueScan, lc: LanguageCues, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """A range's matches as the first clause lookup built them: one list of the document's
    matches sorted by place, sliced by start, the matches ending after ``end`` left out,
    gathered by category."""
    table = scan._table(lc)  # noqa: SLF001 - the per-document table both forms read
    rows = sorted((s, e, cat) for cat, (_, _, spans) in table.items() for s, e in spans)
    starts = [r[0] for r in rows]
    out: dict[str, list[tuple[int, int]]] = {}
    for s, e, cat in rows[bisect_left(starts, start) : bisect_left(starts, end)]:
        if e <= end:
            out.setdefault(cat, []).append((s, e))
    return out


def _every(lc: LanguageCues) -> frozenset[str]:
    """Every category of ``lc``: its cue lists and its keyword maps' values."""
    return frozenset([*lc.patterns, *lc.keyword_patterns])


def test_the_grouped_lookup_holds_what_the_sorted_lookup_held(backend: RulesBackend) -> None:
    # CueScan.grouped (one slice of the merged table of the categories asked): for every
    # sentence, clause, empty range and window cutting matches, asked for every category,
    # it holds the same categories and matches as the dict built from one sorted list of
    # the document's matches; and asked for some categories, those of them only
    rng = random.Random(3)
    checked = found = 0
    for text in _texts():
        scan = CueScan(text)
        for sentence in segment(text):
            for lc in backend._languages(text, sentence, None):  # noqa: SLF001
                every = _every(lc)
                cuts = [(k, k + rng.randint(0, 30)) for k in range(sentence.start, sentence.end, 11)]
                ranges = [(sentence.start, sentence.end), *sentence.clauses, (sentence.end, sentence.start), *cuts]
                for lo, hi in ranges:
                    got, ref = scan.grouped(lc, every, lo, hi), _inside_reference(scan, lc, lo, hi)
                    assert got == ref
                    some = scan.grouped(lc, backend._clause_keys, lo, hi)  # noqa: SLF001
                    assert some == {k: v for k, v in ref.items() if k in backend._clause_keys}  # noqa: SLF001
                    checked += 1
                    found += bool(ref)
    assert checked > 5000 and found > 2000


def test_the_grouped_answers_change_with_a_wrong_form(backend: RulesBackend) -> None:
    # the comparison above can fail: a range one character short loses the matches that end
    # at its end, and the reference sees it
    text = "Poland refused to send troops, and Italy pledged 100 million euros."
    scan = CueScan(text)
    (sentence,) = segment(text)
    (lc,) = backend._languages(text, sentence, "en")  # noqa: SLF001
    whole = _inside_reference(scan, lc, sentence.start, sentence.end)
    assert scan.grouped(lc, _every(lc), sentence.start, sentence.end) == whole
    assert "refusal" in whole and "pledge" in whole
    assert scan.grouped(lc, _every(lc), sentence.start, sentence.end - 10) != whole


def test_a_clause_without_a_claim_key_has_no_hit_to_give(backend: RulesBackend) -> None:
    # _clause_hits returns at once for a clause with no match of a claim key in any of its
    # languages and no future-tense verb (extract/rules/tense.py: "ne lèvera pas" has no
    # cue word): every other hit it builds (a type's own cue, a composed one, a
    # conditioned one) would need one; checked by running those three sources on every
    # such clause
    from claimkit.schemas import Document

    skipped = 0
    for i, text in enumerate(_texts()):
        scene = backend._scene(Document(id=f"t{i}", text=text))  # noqa: SLF001
        for sentence in scene.sentences:
            langs = backend._languages(text, sentence, None)  # noqa: SLF001
            span = (sentence.start, sentence.end)
            for clause in sentence.clauses:
                if any(scene.cues.has_any(lc, backend._claim_keys, *clause) for lc in langs):  # noqa: SLF001
                    continue
                found = [(lc, scene.cues.grouped(lc, backend._clause_keys, *clause)) for lc in langs]  # noqa: SLF001
                if backend._future_hits(scene, clause, span, found):  # noqa: SLF001
                    continue
                skipped += 1
                for lc in langs:
                    view = scene.cues.grouped(lc, backend._clause_keys, *clause)  # noqa: SLF001
                    assert not any(view.get(t) for t in backend.specs)
                    assert not backend._composed(scene.text, view, lc)  # noqa: SLF001
                    assert not backend._conditioned(scene, span, view, lc)  # noqa: SLF001
                assert backend._clause_hits(scene, clause, span, langs) == []  # noqa: SLF001
    assert skipped > 500


def test_a_candidate_that_joins_nothing_is_keyed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the merge index keys a candidate for its lookup and reuses those keys when the
    # candidate, unchanged, is added next; a merged-into claim is keyed again (its fields
    # may have been filled). Same merges as the scan of every earlier candidate
    # (test_rules_bounded.py::test_merging_by_lookup_gives_what_the_scan_of_every_earlier_candidate_gave)
    from claimkit.extract.rules import support
    from claimkit.extract.rules.support import Candidate, MergeRule, merge_candidates

    calls: list[int] = []
    real = support._MergeIndex._key  # noqa: SLF001
    monkeypatch.setattr(support._MergeIndex, "_key", lambda self, c, rule: calls.append(1) or real(self, c, rule))  # noqa: SLF001
    rules = {"pledge": [MergeRule(same=("actor",))]}
    rng = random.Random(2)
    cands = [Candidate("pledge", (i, i + 1), {"actor": rng.choice(["FR", "DE", "PL"])}, i, own_actor=True)
             for i in range(60)]
    merged = merge_candidates(cands, rules)
    joined = len(cands) - len(merged)
    assert len(merged) == 3 and joined == 57
    # one key per lookup (60), one per add of a new claim (0: reused) and per re-add after a merge (57)
    assert len(calls) == len(cands) + joined


def _negations_reference(scan: CueScan, lc: LanguageCues, window: tuple[int, int]) -> bool:
    """``_negations`` as it was: the time frames looked up before the negations."""
    frames = scan.spans(lc, "timeframe", max(0, window[0] - 4), window[1] + 4)
    return any(
        not any(fs <= s and e <= fe for fs, fe in frames) for s, e in scan.spans(lc, "negation", *window)
    )


def test_a_negation_window_answers_what_it_did(backend: RulesBackend) -> None:
    # _negations looks the time frames up only when the window holds a negation: same
    # answer for windows before and after every place of every test text, in its languages
    from claimkit.extract.rules.backend import _negations

    answers = {True: 0, False: 0}
    for text in _texts():
        scan = CueScan(text)
        for sentence in segment(text):
            for lc in backend._languages(text, sentence, None):  # noqa: SLF001
                for k in range(sentence.start, sentence.end, 5):
                    for window in ((max(sentence.start, k - 14), k), (k, min(sentence.end, k + 14))):
                        got = _negations(scan, lc, window)
                        assert got == _negations_reference(scan, lc, window)
                        answers[got] += 1
    assert answers[True] > 500 and answers[False] > 500


def _conditioned_reference(backend: RulesBackend, scene: object, sentence: tuple[int, int], cues: object, lc: LanguageCues) -> list[object]:
    """``RulesBackend._conditioned`` as it was: every type looked at, its categories gathered."""
    from claimkit.extract.rules.backend import Hit, conditioned, generic_case

    out: list[object] = []
    for name, spec in backend.specs.items():
        spans = [sp for category in spec.conditioned for sp in cues.get(category, ())]  # type: ignore[attr-defined]
        if spans and (
            conditioned(scene.cues, sentence, [lc]) or generic_case(scene.cues, sentence, spans[0][0], [lc])  # type: ignore[attr-defined]
        ):
            out.append(Hit(*spans[0], name, lc))
    return out


def test_consequence_hits_come_from_the_types_that_have_conditioned_cues(backend: RulesBackend) -> None:
    # _conditioned looks only at the types with conditioned categories (listed once per
    # backend): the same hits as the loop over every type, on every clause of every test text
    from claimkit.schemas import Document

    found = 0
    for i, text in enumerate(_texts()):
        scene = backend._scene(Document(id=f"t{i}", text=text))  # noqa: SLF001
        for sentence in scene.sentences:
            span = (sentence.start, sentence.end)
            for lc in backend._languages(text, sentence, None):  # noqa: SLF001
                for clause in sentence.clauses:
                    view = scene.cues.grouped(lc, backend._clause_keys, *clause)  # noqa: SLF001
                    got = backend._conditioned(scene, span, view, lc)  # noqa: SLF001
                    assert got == _conditioned_reference(backend, scene, span, view, lc)
                    found += len(got)
    assert found > 20


def test_a_document_without_a_claim_cue_runs_no_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    # only the cue scan runs for a document none of whose sentences holds a cue of a claim
    # type or an action verb: no actor, date, quantity or place is looked for; a document
    # with one runs them all, as before
    from claimkit.schemas import Document

    backend = RulesBackend()
    calls: list[str] = []
    finders = backend._finders  # noqa: SLF001
    for name in ("actors", "dates", "quantities"):
        real = getattr(finders, name)
        monkeypatch.setattr(finders, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    quiet = [
        ("en", "The weather in Paris was mild on Tuesday, and the markets in London rose by 2 percent."),
        ("de", "In Berlin regnete es am Montag, die Züge fuhren pünktlich."),
        ("fr", "Il a plu à Lyon toute la journée de samedi, et la Seine a monté de 30 centimètres."),
    ]
    for i, (lang, text) in enumerate(quiet):
        assert backend.extract(Document(id=f"q{i}", text=text, language=lang)).drafts == []
    assert calls == []
    loud = "Germany pledged to send 500 soldiers to Lithuania by 2027, the minister said on Tuesday."
    assert backend.extract(Document(id="p", text=loud, language="en")).drafts
    assert set(calls) == {"actors", "dates", "quantities"}
