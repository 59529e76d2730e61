"""Tests of quote -> Span alignment (claimkit.grounding).

Plain unit tests per stage and per script, negatives, elision and the
repeated-occurrence rule, then property-based tests (hypothesis).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimkit.grounding import Aligner, align_quote, align_quotes
from claimkit.grounding._fuzzy import allowed_edits
from claimkit.grounding._normalize import normalize
from claimkit.schemas import Alignment, Span


def _check(text: str, span: Span | None) -> Span:
    """The span exists and holds exactly the document slice."""
    assert span is not None
    assert 0 <= span.start <= span.end <= len(text)
    assert span.text == text[span.start : span.end]
    return span


def _expect(text: str, quote: str, expected: str, alignment: Alignment) -> Span:
    """``quote`` aligns to the first occurrence of ``expected`` in ``text``."""
    span = _check(text, align_quote(text, quote))
    start = text.index(expected)
    assert (span.start, span.end) == (start, start + len(expected)), span
    assert span.alignment == alignment
    return span


# ----------------------------------------------------------------------- exact

EN = (
    "On Thursday, French President Emmanuel Macron said 26 countries had formally "
    "committed to deploy troops to Ukraine.  He added: “We will not send them before "
    "a ceasefire.” The summit—held in Paris—ended late."
)


def test_exact_match_offsets() -> None:
    _expect(
        EN,
        "26 countries had formally committed",
        "26 countries had formally committed",
        Alignment.exact,
    )


def test_exact_match_ignores_surrounding_whitespace_of_quote() -> None:
    _expect(EN, "  Emmanuel Macron said \n", "Emmanuel Macron said", Alignment.exact)


# ------------------------------------------------------------------ normalized


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # whitespace run in the text, single space in the quote
        ("Ukraine. He added", "Ukraine.  He added"),
        # curly quotes made straight
        (
            '"We will not send them before a ceasefire."',
            "“We will not send them before a ceasefire.”",
        ),
        # case changed
        ("emmanuel macron SAID", "Emmanuel Macron said"),
        # dash variants
        ("The summit - held in Paris - ended", "The summit—held in Paris—ended"),
        # full-width punctuation and letters
        ("Ｏｎ Ｔｈｕｒｓｄａｙ，French", "On Thursday, French"),
        # trailing punctuation the text does not have
        ("formally committed to deploy troops!", "formally committed to deploy troops"),
        # whitespace made newlines
        ("committed\nto\tdeploy", "committed to deploy"),
    ],
)
def test_normalized_variants_english(quote: str, expected: str) -> None:
    _expect(EN, quote, expected, Alignment.normalized)


ZH = "乌克兰总统泽连斯基在基辅欢迎了 欧洲多国领导人，并参加了“意愿联盟”线上会议。匈牙利拒绝支持最新一轮对 俄制裁。"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            "泽连斯基在基辅欢迎了欧洲多国领导人",
            "泽连斯基在基辅欢迎了 欧洲多国领导人",
        ),  # space dropped
        ('并参加了"意愿联盟"线上会议', "并参加了“意愿联盟”线上会议"),  # straight quotes
        ("领导人,并参加了", "领导人，并参加了"),  # half-width comma
        ("拒绝支持最新一轮对俄制裁.", "拒绝支持最新一轮对 俄制裁。"),  # 。 written as .
    ],
)
def test_normalized_chinese(quote: str, expected: str) -> None:
    _expect(ZH, quote, expected, Alignment.normalized)


JA = "NATOの防衛首長は、水曜日に「率直な議論」を行い、32人の防衛首長がビデオ会議を開催した。"


def test_normalized_japanese_corner_brackets_and_fullwidth_digits() -> None:
    _expect(JA, '水曜日に"率直な議論"を行い', "水曜日に「率直な議論」を行い", Alignment.normalized)
    _expect(JA, "３２人の防衛首長", "32人の防衛首長", Alignment.normalized)


VI = "Ngày 10/4, bộ trưởng quốc phòng từ các quốc gia thuộc “Liên minh tự nguyện” đã nhóm họp tại Brussels."


def test_normalized_vietnamese_diacritics_stripped() -> None:
    _expect(
        VI,
        "bo truong quoc phong tu cac quoc gia",
        "bộ trưởng quốc phòng từ các quốc gia",
        Alignment.normalized,
    )
    _expect(
        VI,
        'Lien minh tu nguyen" da nhom hop',
        "Liên minh tự nguyện” đã nhóm họp",
        Alignment.normalized,
    )


FR = "Le président a déclaré qu’il n’enverrait pas de troupes « sans cessez-le-feu »."


def test_normalized_french_apostrophes_guillemets_diacritics() -> None:
    _expect(
        FR,
        "le president a declare qu'il n'enverrait",
        "Le président a déclaré qu’il n’enverrait",
        Alignment.normalized,
    )
    _expect(
        FR, 'troupes "sans cessez-le-feu"', "troupes « sans cessez-le-feu »", Alignment.normalized
    )


RU = (
    "Официальный представитель МИД России Мария Захарова заявила, что Москва не примет войска НАТО."
)


def test_normalized_russian_case_and_yo() -> None:
    _expect(RU, "мария захарова ЗАЯВИЛА", "Мария Захарова заявила", Alignment.normalized)
    text = "Захарова всё же заявила"
    _expect(text, "Захарова все же заявила", "Захарова всё же заявила", Alignment.normalized)


def test_decomposed_text_span_keeps_trailing_combining_mark() -> None:
    text = unicodedata.normalize("NFD", "Ils ont décidé à Paris")
    span = _check(text, align_quote(text, "ont décidé"))
    assert span.alignment == Alignment.normalized
    # The span must not cut the accent off the final "é".
    assert unicodedata.normalize("NFC", span.text) == "ont décidé"


# ----------------------------------------------------------------------- fuzzy


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            EN,
            "26 countires had formaly committed to deploy",
            "26 countries had formally committed to deploy",
        ),
        (ZH, "匈牙利拒绝支持最新一伦对俄制裁", "匈牙利拒绝支持最新一轮对 俄制裁"),
        (JA, "32人の防衛首長がビデオ会儀を開催した", "32人の防衛首長がビデオ会議を開催した"),
        (
            RU,
            "Мария Захарова заявила, что Масква не примет",
            "Мария Захарова заявила, что Москва не примет",
        ),
        (
            VI,
            "bộ trưởng quốc phòng từ các quốc gai thuộc",
            "bộ trưởng quốc phòng từ các quốc gia thuộc",
        ),
    ],
)
def test_fuzzy_typos(text: str, quote: str, expected: str) -> None:
    _expect(text, quote, expected, Alignment.fuzzy)


def test_fuzzy_thai_without_spaces() -> None:
    text = "นายกรัฐมนตรีกล่าวว่าประเทศไทยจะไม่ส่งทหารไปยังยูเครนในปีนี้อย่างแน่นอน"
    _expect(
        text,
        "ประเทศไทยจะไม่ส่งทหารไปยังยูเครนในปีนิ้",
        "ประเทศไทยจะไม่ส่งทหารไปยังยูเครนในปีนี้",
        Alignment.fuzzy,
    )


def test_short_quotes_need_exact_or_normalized_match() -> None:
    assert allowed_edits("paris") == 0
    assert align_quote(EN, "Parus") is None
    assert allowed_edits("a much longer quote of many words") > allowed_edits("a short one")


# ------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (EN, "Germany said it would never commit troops to Ukraine under any conditions."),
        (EN, "26 countries had formally refused to finance the reconstruction of Kyiv"),
        (EN, "Macron said 26 nations would deploy fighter jets over the Black Sea"),
        (ZH, "英国首相斯塔默宣布将向乌克兰提供防空系统"),
        (ZH, "泽连斯基在基辅拒绝了美国的和平方案"),
        (JA, "NATOの防衛首長は、ロシアへの制裁を強化すると発表した"),
        (VI, "Bộ trưởng quốc phòng Mỹ đã từ chối tham gia liên minh"),
        (RU, "Москва заявила, что примет миротворцев ООН."),
        (EN, ZH),  # a quote from another article, another language
        (EN, "troops"[::-1] * 5),
    ],
)
def test_fabricated_quotes_are_refused(text: str, quote: str) -> None:
    assert align_quote(text, quote) is None


def test_spliced_quote_half_real_is_refused() -> None:
    real = "26 countries had formally committed to deploy troops to Ukraine"
    fake = real[:30] + " and promised long-range missiles to Kyiv"
    assert align_quote(EN, real) is not None
    assert align_quote(EN, fake) is None


@pytest.mark.parametrize("quote", ["", " ", "\n\t  ", "\u3000", "\u200b"])
def test_empty_or_whitespace_quotes(quote: str) -> None:
    assert align_quote(EN, quote) is None


def test_empty_text() -> None:
    assert align_quote("", "anything") is None


# --------------------------------------------------------------------- elision


@pytest.mark.parametrize("marker", [" ... ", " … ", "…", "...", " [...] ", " (…) ", " . . . "])
def test_elision_english(marker: str) -> None:
    quote = "French President Emmanuel Macron" + marker + "deploy troops to Ukraine"
    _expect(
        EN,
        quote,
        "French President Emmanuel Macron said 26 countries had formally "
        "committed to deploy troops to Ukraine",
        Alignment.normalized,
    )


@pytest.mark.parametrize("marker", ["……", "…", "...", "⋯⋯"])
def test_elision_chinese(marker: str) -> None:
    _expect(
        ZH,
        "泽连斯基在基辅" + marker + "线上会议",
        "泽连斯基在基辅欢迎了 欧洲多国领导人，并参加了“意愿联盟”线上会议",
        Alignment.normalized,
    )


def test_elision_with_a_typo_in_one_piece_is_fuzzy() -> None:
    span = _expect(
        EN,
        "French President Emmanuel Macorn said … deploy troops to Ukraine",
        "French President Emmanuel Macron said 26 countries had formally committed to "
        "deploy troops to Ukraine",
        Alignment.fuzzy,
    )
    assert span.text.endswith("Ukraine")


def test_elision_out_of_order_or_far_apart_is_refused() -> None:
    assert align_quote(EN, "deploy troops to Ukraine ... French President Emmanuel Macron") is None
    far = "Alpha bravo charlie delta. " + "filler words here. " * 200 + "Echo foxtrot golf hotel."
    assert align_quote(far, "Alpha bravo charlie ... foxtrot golf hotel") is None
    near = "Alpha bravo charlie delta. Echo foxtrot golf hotel."
    assert align_quote(near, "Alpha bravo charlie ... foxtrot golf hotel") is not None


def test_elision_picks_the_tightest_chain() -> None:
    text = "He said yes. Then he said no. Later it ended."
    span = _check(text, align_quote(text, "he said … ended"))
    assert span.text == "he said no. Later it ended"


def test_elision_with_one_end_only() -> None:
    _expect(
        EN,
        "... formally committed to deploy troops",
        "formally committed to deploy troops",
        Alignment.normalized,
    )


def test_literal_ellipsis_in_text_matches_exactly() -> None:
    text = "Kami memiliki 26 negara … untuk digunakan sebagai pasukan."
    _expect(text, "26 negara … untuk digunakan", "26 negara … untuk digunakan", Alignment.exact)


# ------------------------------------------------------- repeated occurrences


REP = "The council met. " + "x " * 100 + "The council met. " + "y " * 100 + "The council met."


def test_repeated_quote_takes_first_without_near() -> None:
    assert _check(REP, align_quote(REP, "The council met")).start == 0


@pytest.mark.parametrize(
    ("quote", "alignment"),
    [
        ("The council met", Alignment.exact),
        ("the COUNCIL met", Alignment.normalized),
        ("The councl met here", None),  # fuzzy; alignment checked below
    ],
)
def test_repeated_quote_takes_occurrence_nearest_near(
    quote: str, alignment: Alignment | None
) -> None:
    second = REP.index("The council met", 1)
    near = [Span(start=second + 20, end=second + 25, text=REP[second + 20 : second + 25])]
    span = align_quote(REP, quote, near=near)
    if alignment is None:
        # "here" is not in the text: a short quote with two edits is refused.
        assert span is None
        return
    span = _check(REP, span)
    assert span.start == second
    assert span.alignment == alignment
    last = REP.rindex("The council met")
    far_near = [Span(start=len(REP) - 1, end=len(REP), text=REP[-1:])]
    assert _check(REP, align_quote(REP, quote, near=far_near)).start == last


def test_repeated_fuzzy_quote_uses_near() -> None:
    block = "Leaders agreed to deploy a multinational force after the ceasefire. "
    text = block + "a " * 300 + block + "b " * 300
    second = text.index(block, 1)
    quote = "Leaders agred to deploy a multinational forse after the ceasefire"
    near = [Span(start=second - 2, end=second - 1, text=text[second - 2 : second - 1])]
    assert _check(text, align_quote(text, quote)).start == 0
    span = _check(text, align_quote(text, quote, near=near))
    assert (span.start, span.alignment) == (second, Alignment.fuzzy)


@pytest.mark.parametrize(
    ("quote", "alignment"),
    [
        ("Leaders agreed to deploy a multinational force", Alignment.exact),
        ("leaders AGREED to deploy a multinational force", Alignment.normalized),
        ("Leaders agred to deploy a multinationl force", Alignment.fuzzy),
    ],
)
def test_near_rule_with_many_repeats(quote: str, alignment: Alignment) -> None:
    # More repeats than the fuzzy search verifies by votes alone.
    block = "Leaders agreed to deploy a multinational force after the ceasefire. "
    text = block * 40
    target = 27 * len(block)
    near = [Span(start=target + 50, end=target + 60, text=text[target + 50 : target + 60])]
    span = _check(text, align_quote(text, quote, near=near))
    assert (span.start, span.alignment) == (target, alignment)


# ------------------------------------------------------------------ batch API


def test_align_quotes_matches_align_quote_and_keeps_order() -> None:
    quotes = ["Emmanuel Macron said", "not in this text at all, certainly not", "", "ＰＡＲＩＳ"]
    got = align_quotes(EN, quotes)
    assert got == [align_quote(EN, q) for q in quotes]
    assert got[1] is None and got[2] is None
    assert got[3] is not None and got[3].text == "Paris"


def test_aligner_is_reusable() -> None:
    aligner = Aligner(ZH)
    first = aligner.align("匈牙利拒绝支持")
    assert aligner.align("匈牙利拒绝支持") == first
    assert aligner.align_many(["泽连斯基", "不存在的句子不存在的句子"])[1] is None


def _gold_dir(gold_dir: Path) -> Path:
    if any(gold_dir.glob("*.jsonl")):
        return gold_dir
    shared = gold_dir.parent.parent.parent / "shared" / "gold" / "dev"
    if not any(shared.glob("*.jsonl")):
        pytest.skip("no gold files")
    return shared


def test_every_gold_quote_aligns_exactly(gold_dir: Path, articles_dir: Path) -> None:
    n = 0
    for f in sorted(_gold_dir(gold_dir).glob("*.jsonl")):
        text = (articles_dir / f"{f.stem}.txt").read_text(encoding="utf-8")
        aligner = Aligner(text)
        for line in f.read_text(encoding="utf-8").splitlines():
            for quote in json.loads(line)["evidence"]:
                span = _check(text, aligner.align(quote))
                assert span.alignment == Alignment.exact
                assert span.start == text.index(quote)
                n += 1
    assert n > 0


# ---------------------------------------------------------- property-based

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters and the variants a model may write instead; all normalise alike.
_VARIANTS: dict[str, list[str]] = {
    "a": ["A", "á", "à", "ả", "â"],
    "e": ["E", "é", "ê", "ề"],
    "o": ["O", "ô", "ơ", "ö"],
    "d": ["D", "đ"],
    "k": ["K", "ｋ"],
    "и": ["И", "й"],
    "д": ["Д"],
    "中": ["中"],
    "国": ["国"],
    "の": ["の"],
    '"': ["“", "”", "«", "»", "「", "」", "＂"],
    "'": ["’", "‘", "`"],
    "-": ["–", "—", "−"],
    ",": ["，", "、"],
    ".": ["。", "．"],
    "1": ["１"],
    " ": ["  ", "\n", "\u00a0", "\t", "", "\u3000"],
}
_BASE = st.text(alphabet=st.sampled_from(sorted(_VARIANTS)), min_size=1, max_size=80)


@st.composite
def _text_and_slice(draw: st.DrawFn, text_strategy: st.SearchStrategy[str]) -> tuple[str, int, int]:
    text = draw(text_strategy)
    i = draw(st.integers(0, len(text) - 1))
    j = draw(st.integers(i + 1, len(text)))
    return text, i, j


@given(_text_and_slice(st.text(min_size=1, max_size=200)))
@_SETTINGS
def test_property_exact_substring_found_at_an_occurrence(case: tuple[str, int, int]) -> None:
    text, i, j = case
    quote = text[i:j]
    assume(quote.strip())
    span = _check(text, align_quote(text, quote))
    assert span.text == quote  # an offset where the substring occurs
    assert span.start == text.find(quote)  # the first one (no `near`)
    assert span.alignment == Alignment.exact


@given(_text_and_slice(_BASE), st.data())
@_SETTINGS
def test_property_perturbed_substring_still_found(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, i, j = case
    quote = text[i:j]
    assume(normalize(quote))
    perturbed = "".join(data.draw(st.sampled_from([c, *_VARIANTS[c]])) for c in quote)
    assume(perturbed.strip() and normalize(perturbed))
    span = _check(text, align_quote(text, perturbed))
    assert normalize(span.text) == normalize(perturbed)
    assert span.alignment in (Alignment.exact, Alignment.normalized)


@given(
    st.text(max_size=300),
    st.text(max_size=120),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3),
)
@_SETTINGS
def test_property_any_input_never_raises(
    text: str, quote: str, raw_near: list[tuple[int, int]]
) -> None:
    near = [Span(start=min(a, b), end=max(a, b), text="x" * abs(a - b)) for a, b in raw_near]
    span = align_quote(text, quote, near=near)
    if span is not None:
        _check(text, span)
    if not quote.strip():
        assert span is None


@given(_text_and_slice(st.text(min_size=20, max_size=300)), st.text(max_size=6), st.data())
@_SETTINGS
def test_property_noisy_substring_never_raises(
    case: tuple[str, int, int], noise: str, data: st.DataObject
) -> None:
    text, i, j = case
    quote = text[i:j]
    k = data.draw(st.integers(0, len(quote)))
    span = align_quote(text, quote[:k] + noise + quote[k:] + " … " + text[j : j + 10])
    if span is not None:
        _check(text, span)


# ------------------------------------------- scripts written another way (sloppy round three)

_KO = "외교부는 다음 주에 인도적 지원을 보내겠다고 발표했다."
_AR = "وقالت المتحدثة باسم الحكومة إن الوفد سيصل إلى القاهرة يوم الأحد، ومعه 300 طن من القمح."


@pytest.mark.parametrize(("text", "quote", "expected"), [
    # Korean as conjoining jamo (NFD), Vietnamese tones as combining marks
    (_KO, unicodedata.normalize("NFD", "인도적 지원을 보내겠다고"), "인도적 지원을 보내겠다고"),
    ("Bộ Ngoại giao cho biết sẽ gửi hàng cứu trợ vào tuần tới.",
     unicodedata.normalize("NFD", "sẽ gửi hàng cứu trợ"), "sẽ gửi hàng cứu trợ"),
    # Arabic-Indic and Persian digits for ASCII ones, and the other way round
    (_AR, "ومعه ٣٠٠ طن من القمح", "ومعه 300 طن من القمح"),
    (_AR, "ومعه ۳۰۰ طن", "ومعه 300 طن"),
    ("أعلنت الوزارة إرسال ٤٥ شاحنة.", "إرسال 45 شاحنة", "إرسال ٤٥ شاحنة"),
    # Persian yeh and keheh, alef maksura as yeh, teh marbuta as heh
    (_AR, "سیصل إلی القاهرة", "سيصل إلى القاهرة"),
    (_AR, "باسم الحکومه", "باسم الحكومة"),
    # the Arabic comma as an ASCII one
    (_AR, "يوم الأحد, ومعه", "يوم الأحد، ومعه"),
])
def test_a_quote_in_another_form_of_its_script_is_found_in_matching_form(
    text: str, quote: str, expected: str
) -> None:
    span = align_quote(text, quote)
    assert span is not None and span.text == expected
    assert span.alignment is Alignment.normalized
