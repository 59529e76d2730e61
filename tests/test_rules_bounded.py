"""Bounded work in the rules backend: windows for overlong sentences, linear cue patterns.

Structural checks (no timing: speed is measured in ``bench/extract.py``).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import _compile, _pattern, _unique, load_cues
from claimkit.extract.rules.support import (
    Candidate,
    MergeRule,
    _earlier_match,
    _follow_up,
    merge_candidates,
)
from claimkit.extract.rules.text import MAX_CLAUSE, MAX_SENTENCE, segment
from claimkit.schemas import Document


def test_an_unpunctuated_han_text_is_cut_into_bounded_windows() -> None:
    text = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可" * 400
    sentences = segment(text)
    assert len(sentences) >= len(text) // MAX_SENTENCE
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert all(e - s <= MAX_CLAUSE for sent in sentences for s, e in sent.clauses)
    covered = sum(e - s for sent in sentences for s, e in sent.clauses)
    assert covered == len(text)  # nothing lost between windows


def test_a_line_without_spaces_is_cut_and_spaced_text_is_cut_at_a_space() -> None:
    assert all(s.end - s.start <= MAX_SENTENCE for s in segment("a" * 50_000))
    words = " ".join(["troops"] * 2_000)
    for s in segment(words):
        assert words[s.start : s.end].split(" ")[0] == "troops"  # no word cut in two


def test_a_long_text_still_yields_its_claims() -> None:
    filler = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可" * 200
    doc = Document(id="long", text=filler + "法国承诺向乌克兰提供援助" + filler, language="zh")
    assert [d.type for d in RulesBackend().extract(doc).drafts] == ["pledge"]


def test_a_leading_star_compiles_to_no_unbounded_prefix() -> None:
    # "\w*" before a literal backtracks over a whole long word (quadratic)
    regex = _pattern("*mayacak*", "start")
    assert not regex.startswith(r"\w*")
    assert re.search(regex, "katılmayacak") is not None


def test_a_star_on_any_word_of_a_cue_allows_more_letters() -> None:
    regex = re.compile(_pattern("declin* to", "word"), re.IGNORECASE)
    assert regex.search("Italy declined to send troops") is not None
    assert regex.search("she declines to comment") is not None
    assert regex.search("declin* to") is None  # the star is no literal asterisk


def _texts() -> list[str]:
    root = Path(__file__).parent
    out = [p.read_text(encoding="utf-8") for p in sorted((root.parent / "examples" / "articles").glob("*.txt"))]
    for path in sorted((root / "data" / "rules_sentences").glob("*.jsonl")):
        out.append("\n".join(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()))
    return out


def test_a_shared_start_boundary_matches_what_one_boundary_per_cue_did() -> None:
    # _compile checks a run of cues' start boundary once ("B(?:c1|c2)"); the pattern with
    # the boundary before every cue ("(?:Bc1)|(?:Bc2)") must give the same matches, at every
    # position (finditer) and at each place (match), in every language and category
    book = load_cues()
    texts = _texts()
    compared = 0
    for code in book.languages:
        spec = book.raw[code]
        boundary = str(spec.get("boundary", "word"))
        clitics = tuple(sorted({str(c) for c in spec.get("clitics", [])}, key=len))
        lists = [v for k, v in spec.items() if isinstance(v, list) and k not in ("markers", "clitics")]
        lists += [words for keywords in (spec.get("fields") or {}).values() for words in keywords.values()]
        for cues in lists:
            shared = _compile(cues, boundary, clitics)
            if shared is None:
                continue
            each = re.compile("|".join(f"(?:{_pattern(c, boundary, clitics)})" for c in _unique(cues)), re.IGNORECASE)
            for text in texts:
                assert [m.span() for m in shared.finditer(text)] == [m.span() for m in each.finditer(text)], (code, cues[:3])
            compared += 1
    assert compared > 17 * 10


def test_the_head_automata_propose_every_place_a_cue_matches() -> None:
    # LanguageCues.scan tries each category's pattern only where a head automaton proposes a
    # place (a word-start head followed by a space when every match has one there): it must
    # find what finditer over the whole text finds, in every language and category, over the
    # test texts and each language's own cues written one after another with separators that
    # make them end a text, run into a longer word, a hyphen or punctuation
    from claimkit.extract.rules.cues import mark_word_starts
    from claimkit.text import fold_case_loose

    book = load_cues()
    seps = [" ", "", "s ", "-", ".", "\n", "\u2010", "\u00a0", "x ", ", "]
    compared = 0
    for code in book.languages:
        lc = book.language(code)
        assert lc is not None
        spec = book.raw[code]
        cues = [c.replace("*", "") for k, v in spec.items() if isinstance(v, list) for c in v]
        own = ["".join(f"{c}{seps[i % len(seps)]}" for i, c in enumerate(cues[k::3])) for k in range(3)]
        for text in [*_texts(), *own, *(c.strip() for c in cues[:200])]:
            folded = fold_case_loose(text)
            scanned = lc.scan(text, folded, mark_word_starts(folded))
            for category, pattern in [*lc.patterns.items(), *lc.keyword_patterns.items()]:
                expected = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
                assert scanned.get(category, []) == expected, (code, category, text[:80])
            compared += 1
    assert compared > 17 * 30


def test_the_sentence_and_clause_patterns_match_what_their_plain_forms_did() -> None:
    # _SENT_END and _CLAUSE_SPLIT open with one character class (the regex engine skips to
    # it) and tell the branches apart by lookbehinds: the same matches as the plain
    # alternations, over every test text, random runs of punctuation, and windows of them
    from claimkit.extract.rules.text import _CLAUSE_SPLIT, _SENT_END

    plain_end = re.compile(
        r"[。！？；!?;…]+[」』”’\"')）]*|\n+|(?<=[^\s.])\.(?:[”’\"')）]*)(?=\s|$)"
    )
    plain_split = re.compile(r"[,，;；:：]|(?<=\s)[-–—•](?=\s)")
    rng = random.Random(5)
    alphabet = "a1 .\n!?…。！；」』\"'’)）\t,，:：;-–—•"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(20000)]
    texts = _texts() + noise
    for text in texts:
        assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain_end.finditer(text)], text
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for a, b in ((0, len(text)), (lo, hi)):
            got = [m.span() for m in _CLAUSE_SPLIT.finditer(text, a, b)]
            assert got == [m.span() for m in plain_split.finditer(text, a, b)], (text, a, b)
    assert any(_SENT_END.search(t) for t in noise) and any(_CLAUSE_SPLIT.search(t) for t in noise)


def test_cue_lookups_answer_what_the_clause_lookup_holds() -> None:
    # CueScan.has_any (a claim cue in this sentence?), has and spans answer from their own
    # tables what the full lookup of a range (grouped, every category) holds, for every sentence, clause and
    # category of every test text in every language whose cues apply to it
    from claimkit.extract.rules.support import CueScan

    backend = RulesBackend()
    keys = backend._claim_keys  # noqa: SLF001 - the set _may_claim asks about
    checked = found = 0
    for text in _texts():
        scan = CueScan(text)
        for sentence in segment(text):
            for lc in backend._languages(text, sentence, None):  # noqa: SLF001
                # the sentence, its clauses, an empty range, and windows that cut matches
                cuts = [(k, k + 12) for k in range(sentence.start, sentence.end, 9)]
                every = frozenset([*lc.patterns, *lc.keyword_patterns])
                for lo, hi in [(sentence.start, sentence.end), *sentence.clauses, (sentence.start, sentence.start), *cuts]:
                    inside = scan.grouped(lc, every, lo, hi)
                    assert scan.has_any(lc, keys, lo, hi) == (not keys.isdisjoint(inside))
                    for category in [*lc.patterns, *lc.keyword_patterns]:
                        spans = scan.spans(lc, category, lo, hi)
                        assert spans == inside.get(category, [])
                        assert scan.has(lc, category, lo, hi) == bool(spans)
                    checked += 1
                    found += bool(inside)
        # spans() and has() take one slice of a category's matches: they must not overlap,
        # so their ends rise with their starts
        for table in scan._tables.values():  # noqa: SLF001
            for starts, ends, spans in table.values():
                assert all(e0 <= s1 for (_, e0), (s1, _) in zip(spans, spans[1:], strict=False))
                assert starts == [s for s, _ in spans] and ends == [e for _, e in spans]
    assert checked > 1000 and found > 500


def test_the_capitalised_word_pattern_matches_what_its_plain_form_did() -> None:
    # CAPITALISED_WORD opens with the capital (the engine skips to the next one) and checks
    # "no letter before" by a lookbehind after it: the same words as the plain form that
    # checked first, over every test text and random strings of letters, capitals and marks
    from claimkit.normalize._gazetteer_index import _CAPITALISED_WORD_PLAIN, CAPITALISED_WORD

    rng = random.Random(11)
    alphabet = "aZ\u00c9\u00e9\u0416\u0436\u4e2d_1 \n-'\u2019.\u0301\u24b6\u2167"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    found = 0
    for text in [*_texts(), *noise]:
        got = [m.span() for m in CAPITALISED_WORD.finditer(text)]
        assert got == [m.span() for m in _CAPITALISED_WORD_PLAIN.finditer(text)], text
        found += len(got)
    assert found > 10000


def test_the_quantity_pattern_s_lookahead_drops_no_match() -> None:
    # the lookahead for a quantity's first characters only skips places where no match can
    # start: with and without it, the same matches, groups included, at every position
    from claimkit.normalize.quantities import _regex

    fast = _regex()
    assert fast.pattern.startswith("(?=")
    plain = re.compile(fast.pattern[fast.pattern.index("(?:(?P<q>") :])
    texts = [*_texts(), "from 10 to 20 troops", "at least €5bn", "最少 3 万人", "US$ 20 million"]
    found = 0
    for text in texts:
        got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        found += len(got)
    assert found > 100


_LANGUAGES = (None, "en", "zh", "ja", "ko", "vi", "id", "fr", "de", "es", "it", "pt", "pl", "ru", "uk", "hr", "tr", "ar")


def test_the_date_pattern_s_lookahead_drops_no_match() -> None:
    # the same for dates, in every language's table, over whole texts (not only the windows
    # around anchors that find_dates runs the pattern in)
    from claimkit.normalize.dates import _lang_table

    texts = [
        *_texts(),
        "on the 27th, 3月 24日, 2025年 3月, 上周三, 先週の水曜日, 월요일, ngày 10-4, Thứ Hai",
        "le 3 mars, am 3. März, el 5 de mayo, в начале марта, w połowie kwietnia, 27/3/2025",
    ]
    found = 0
    for language in _LANGUAGES:
        fast = _lang_table(language).regex
        assert fast.pattern.startswith("(?=")
        plain = re.compile(fast.pattern[fast.pattern.index(")(?:") + 1 :])
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)], language
            found += len(got)
    assert found > 1000


def test_declined_to_send_troops_is_a_refusal_not_a_pledge() -> None:
    doc = Document(id="d", text="Italy declined to send troops to the region.", language="en")
    assert [d.type for d in RulesBackend().extract(doc).drafts] == ["refusal"]


# --------------------------------------------------- merging by lookup, not by scan


@dataclass(frozen=True)
class _Day:
    value: str


def _reference_merge(candidates: list[Candidate], rules: dict[str, list[MergeRule]]) -> list[Candidate]:
    """merge_candidates as it was: every earlier candidate scanned for each new one."""
    out: list[Candidate] = []
    near: dict[str, list[Candidate]] = {}  # the follow-up's choice: as in merge_candidates
    for c in candidates:
        own = rules.get(c.type, [])
        target = _earlier_match(out, c, own) or _follow_up(near.setdefault(c.type, []), c, own)
        if target is None:
            out.append(c)
            near[c.type].append(c)
            continue
        target.spans.append(c.span)
        for key, value in c.fields.items():
            target.fields.setdefault(key, value)
        target.sentence = max(target.sentence, c.sentence)
        if not any(t is target for t in near[c.type]):
            near[c.type].append(target)
    return out


def _candidates(rng: random.Random, n: int, *, unhashable: bool = False) -> list[Candidate]:
    out = []
    sentence = 0
    for i in range(n):
        sentence += rng.choice((0, 0, 1, 1, 2, 5))
        fields: dict[str, object] = {}
        for name, values in (("place", ["Paris", "Kyiv", None]), ("actor", [["FR"], ["DE", "FR"], None]),
                             ("date", [_Day("2025-03-01"), _Day("2025-03-02"), None])):
            value = rng.choice(values)
            if value is not None:
                fields[name] = value
        if unhashable and rng.random() < 0.05:
            fields["place"] = {"name": "Paris"}
        out.append(Candidate(rng.choice(("meeting", "pledge")), (i, i + 1), fields, sentence,
                             own_actor=rng.random() < 0.5))
    return out


_MERGE_RULES = {
    "meeting": [MergeRule(same=("place",), dates_agree=True), MergeRule(follow_up=2, without="actor")],
    "pledge": [MergeRule(same=("actor", "place"))],
}


def _merged(cands: list[Candidate]) -> list[tuple[object, ...]]:
    return [(c.type, c.span, c.spans, sorted(c.fields), c.sentence) for c in cands]


def test_merging_by_lookup_gives_what_the_scan_of_every_earlier_candidate_gave() -> None:
    rng = random.Random(5)
    for n, unhashable, shuffled in ((400, False, False), (300, True, False), (200, False, True)):
        seed = rng.random()
        first, second = _candidates(random.Random(seed), n, unhashable=unhashable), \
            _candidates(random.Random(seed), n, unhashable=unhashable)
        if shuffled:  # out of sentence order: the lookup falls back to the scan
            random.Random(seed).shuffle(first)
            random.Random(seed).shuffle(second)
        merged = merge_candidates(first, _MERGE_RULES)
        assert _merged(merged) == _merged(_reference_merge(second, _MERGE_RULES))
        assert len(merged) < n  # something was merged


def test_the_story_date_is_found_once_per_document_not_once_per_claim(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each date mention is looked at once for the story's date, however many claims
    need it (it was once per claim: quadratic in a long document's claims)."""
    from claimkit.extract.rules import story

    calls = []
    real = story._on_date_line
    monkeypatch.setattr(story, "_on_date_line", lambda text, m: calls.append(m) or real(text, m))
    undated = " ".join(["France pledged to send troops."] * 200)
    text = "Headline\n2025-03-28 12:39\n\n" + undated + " On 27 March 2025 leaders met in Paris."
    doc = Document(id="d", text=text, language="en")
    drafts = RulesBackend(merge=False).extract(doc).drafts  # 200 claims: restatements not joined
    assert len(drafts) >= 100
    assert 0 < len(calls) <= 2  # the date line, then the sentence's date
