"""A claim's modality in the rules backend: ``firm``, ``tentative`` or ``conditional``.

A hedge in the cue's clause ("may send", "is ready to", 보낼 수 있다) makes a claim
tentative, unless it is negated as a whole ("is not willing to": a firm no); a condition
in the cue's part of the sentence ("if Croatia asks"), a threat answering a generic case
("any attack will be met with a response") or a refusal "until" something makes it
conditional; readiness under a condition (in its sentence or the one before) is
conditional too. :func:`is_hedged` tells the ``hedged`` precedence rules a claim stated by
a hedge.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.extract.rules.cues import LanguageCues
from claimkit.extract.rules.support import CueScan, Hit, Scene, Site, within

__all__ = ["any_cue", "conditioned", "generic_case", "is_hedge", "is_hedged", "modality"]


def any_cue(scan: CueScan, span: tuple[int, int], langs: Sequence[LanguageCues], category: str) -> bool:
    """Whether a cue of ``category`` of one of ``langs`` is in ``span``."""
    return any(scan.has(lc, category, *span) for lc in langs)


def is_hedge(scan: CueScan, hit: Hit) -> bool:
    """True when the cue itself is a hedge cue ("willing to", "does not rule out")."""
    return (hit.start, hit.end) in scan.spans(hit.lang, "hedge", hit.start, hit.end)


def is_hedged(scan: CueScan, hit: Hit) -> bool:
    """The claim is stated by a hedge: its cue is one, or it is composed of a hedge and an
    action verb ("may send", 보낼 수 있다: the hedge opens it, or closes it in verb-final
    languages). For the ``hedged`` precedence rules: "could lead to" beside "may send" is
    a warning."""
    if is_hedge(scan, hit):
        return True
    if hit.gap is None:
        return False
    hedges = scan.spans(hit.lang, "hedge", hit.start, hit.end)
    return any(s == hit.start or e == hit.end for s, e in hedges)


def modality(scene: Scene, hit: Hit, site: Site, *, hedges: bool = True) -> str:
    """``tentative`` (a hedge in the clause), ``conditional`` (a condition in the sentence), ``firm``.

    ``hedges=False``: hedge words do not count (warnings speak of what could happen).
    """
    scan = scene.cues
    # a hedge comes before the verb it hedges ("may send"), after it in verb-final
    # languages (派遣するかもしれない); one after the cue elsewhere is the object
    # ("ruled out the possibility", 排除了…的可能性)
    cs, ce = site.clause
    scope = (cs, ce) if hit.lang.negation_after else (cs, hit.end)
    conditional = (
        conditioned(scan, (site.sentence[0], _own_part_end(scene, hit, site)), site.langs)
        or (any_cue(scan, (hit.start, hit.end), site.langs, "threat") and generic_case(scan, site.sentence, hit.start, site.langs))
        # "will not lift the ban before a new deal": a refusal until then (a pledge "before
        # the winter" keeps a deadline, not a condition)
        or (hit.type == "refusal" and any_cue(scan, site.sentence, site.langs, "until"))
    )
    hedged = hedges and (
        is_hedge(scan, hit) or _hedge_in(scan, hit, scope, site.langs) or _hedge_opens(scan, hit, site)
    )
    ready = hedged and _ready_only(scan, hit, scope, site.langs)  # once, for both tests below
    if ready and _negated_readiness(scan, hit, scope):
        hedged = False  # "is not willing to", "не готова", "tidak bersedia": a firm no
    elif hedged and hit.type == "refusal" and _negated_hedges(scan, hit, scope):
        hedged = False  # "is not considering", "검토하고 있지 않다", "không xem xét": a firm no
    if hedged:
        # readiness ("ready to", "sẵn sàng", "готов") offers under the terms around it: with
        # a condition in the sentence or the one before it, the claim is conditional
        if ready and (
            conditional or conditioned(scan, _previous(scene, site), site.langs)
        ):
            return "conditional"
        return "tentative"
    return "conditional" if conditional else "firm"


def _own_part_end(scene: Scene, hit: Hit, site: Site) -> int:
    """Where the part of the sentence that a condition of the cue may stand in ends: at
    a comma and a ``coordinator`` after the cue that open a clause with a subject of its
    own ("Slovenia will send 40 firefighters, while Austria offered houses if Croatia
    asks", "..., a Austrija je ponudila ... ako ...": the condition is Austria's offer's);
    else at the sentence's end. Verb-final languages join clauses with suffixes: the end."""
    se = site.sentence[1]
    if hit.lang.negation_after:
        return se
    text, scan = scene.text, scene.cues
    for lc in site.langs:
        for s, e in scan.spans(lc, "coordinator", hit.end, se):
            if not text[hit.end : s].rstrip().endswith(","):
                continue
            if any(len(text[e : m.start].split()) <= 1 for m in within(scene.actors, e, e + _SUBJECT_REACH)):
                return s
    return se


#: how far after a coordinator the subject of the clause it opens may start ("while the Netherlands")
_SUBJECT_REACH = 16


def _hedge_in(scan: CueScan, hit: Hit, scope: tuple[int, int], langs: Sequence[LanguageCues]) -> bool:
    """A hedge in ``scope``, not counting a word of its own that closes the cue: in
    "stellt ... bereit" (provides) the particle "bereit" is part of the verb, not "ready"
    (a hedge suffix inside the cue's word still counts: Turkish "katılabileceğini"); nor
    one inside a ``purpose`` word, which hedges the purpose clause ("참여할 수 있도록
    지원하겠다": will support so that they can take part)."""
    text = scan.text
    for lc in langs:
        for s, e in scan.spans(lc, "hedge", *scope):
            if hit.gap is None and hit.start < s and e <= hit.end and text[s - 1].isspace():
                continue
            if not any(ps <= s and e <= pe for ps, pe in scan.spans(lc, "purpose", s, e + _PURPOSE_TAIL)):
                return True
    return False


#: how far a purpose word may run past a hedge it holds (수 있 -> 수 있도록)
_PURPOSE_TAIL = 4


def _hedge_opens(scan: CueScan, hit: Hit, site: Site) -> bool:
    """A negated hedge ends the clause before, at the comma that opens the cue's clause as
    its complement: "не исключил, что Москва направит", "nie wykluczył, że Polska
    wyśle", "schloss nicht aus, dass Berlin liefert", "не виключив, що Норвегія
    передасть" (did not rule out that ...). Not in verb-final languages (the hedge
    comes after what it hedges, in its clause)."""
    cs, ss = site.clause[0], site.sentence[0]
    if hit.lang.negation_after or cs <= ss:
        return False
    text = scan.text
    for s, e in scan.spans(hit.lang, "hedge", max(ss, cs - _OPENS_REACH), cs):
        if not text[e:cs].strip(" ,\u00a0") and _negated_span(scan, hit.lang, (s, e)):
            return True
    return False


#: how far before its complement clause a hedge that opens it may start
_OPENS_REACH = 60


def _negated_span(scan: CueScan, lc: LanguageCues, span: tuple[int, int]) -> bool:
    return scan.has(lc, "negation", *span)


def _ready_only(scan: CueScan, hit: Hit, scope: tuple[int, int], langs: Sequence[LanguageCues]) -> bool:
    """Every hedge of the scope (and the cue, if it is one) is a readiness word."""
    lo, hi = min(scope[0], hit.start), max(scope[1], hit.end)
    for lc in langs:
        ready = scan.spans(lc, "readiness", lo, hi)
        for s, e in scan.spans(lc, "hedge", lo, hi):
            if not any(rs < e and s < re_ for rs, re_ in ready):
                return False
    return any(scan.has(lc, "readiness", lo, hi) for lc in langs)


def _negated_readiness(scan: CueScan, hit: Hit, scope: tuple[int, int]) -> bool:
    """A negation next to a readiness word (before it; after it in verb-final languages)."""
    lc = hit.lang
    lo, hi = min(scope[0], hit.start), max(scope[1], hit.end)
    for s, e in scan.spans(lc, "readiness", lo, hi):
        window = (e, e + _NEGATION_REACH) if lc.negation_after else (max(0, s - _NEGATION_REACH), s)
        if scan.has(lc, "negation", *window):
            return True
    return False


def _negated_hedges(scan: CueScan, hit: Hit, scope: tuple[int, int]) -> bool:
    """Every hedge word of the scope has a negation next to it (before it; after it in
    verb-final languages): a refusal that "is not considering" is no hedged one."""
    lc = hit.lang
    lo, hi = min(scope[0], hit.start), max(scope[1], hit.end)
    hedges = scan.spans(lc, "hedge", lo, hi)
    for s, e in hedges:
        window = (e, e + _NEGATION_REACH) if lc.negation_after else (max(0, s - _NEGATION_REACH), s)
        if not scan.has(lc, "negation", *window):
            return False
    return bool(hedges)


#: how far from a readiness word its negation may be ("is not", "n'est pas", "tidak")
_NEGATION_REACH = 14


def conditioned(scan: CueScan, span: tuple[int, int], langs: Sequence[LanguageCues]) -> bool:
    """A condition word in ``span`` that is not part of a time frame ("until now", "sampai
    sekarang") or of an indirect question ("perguntado se").

    A ``condition_name`` word sets a condition only before a capitalised word: Portuguese
    "se Israel atacar" (if Israel attacks), while "se" before a verb is a pronoun ("o
    Governo se recusou")."""
    if span[0] >= span[1]:
        return False
    text = scan.text
    for lc in langs:
        named = [sp for sp in scan.spans(lc, "condition_name", *span) if text[sp[1] + 1 : sp[1] + 2].isupper()]
        conditions = [*scan.spans(lc, "condition", *span), *named]
        if not conditions:
            continue  # nothing a time frame could excuse
        # nor part of an indirect question ("questionado sobre se ...": asked whether)
        frames = [*scan.spans(lc, "timeframe", *span), *scan.spans(lc, "question", *span)]
        for s, e in conditions:
            if not any(fs < e and s < fe for fs, fe in frames):
                return True
    return False


def generic_case(scan: CueScan, span: tuple[int, int], cue_start: int, langs: Sequence[LanguageCues]) -> bool:
    """A ``generic`` quantifier in ``span`` sets the case a threat answers: "any attack on
    Lithuania will be met with a response", "toute attaque recevra une réponse", "любое
    нападение получит ответ", "will pay a heavy price for any escalation". Not the
    quantifier of the threat word itself ("any response will be coordinated")."""
    for lc in langs:
        for _, e in scan.spans(lc, "generic", *span):
            if not 0 <= cue_start - e <= 1:
                return True
    return False


def _previous(scene: Scene, site: Site) -> tuple[int, int]:
    if site.index == 0:
        return (0, 0)
    prev = scene.sentences[site.index - 1]
    return prev.start, prev.end
