"""Enum values as a model writes them in the article's language, read as ours.

Told to answer with ``firm``, ``phone`` or ``held``, a model reading a Russian,
Chinese or Turkish article often writes the value in that language
(``"твёрдое"``, ``"电话"``, ``"kesin"``). :func:`translated_member` reads such a
word as the member of the field's enum it translates, from a table of the
built-in values in the 17 languages of claimkit's test articles (and English
synonyms). It is keyed by value, not by field, so a user's enum with the same
values (``firm``, ``virtual``) gets the same reading; a word that is in no row, or
that names a value the field's enum does not have, is left as it is, for
validation to drop and name.

Words are compared as :func:`claimkit.text.fold` keys (case-folded, diacritics
dropped, separators as one space): ``"KESİN"``, ``"KESIN"`` and ``"kesin"`` are
one word, Turkish dotted and dotless capitals meet, ``"face-to-face"`` is
``"face to face"``.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any

from claimkit.text import fold

__all__ = ["translated_member"]

#: each built-in enum value and the words for it, "|"-separated (en, ru, uk, zh, ja,
#: ko, tr, vi, ar, de, fr, es, pt, it, pl, hr, id)
_WORDS: dict[str, str] = {
    "firm": (
        "definite|definitive|binding|certain|confirmed|committed|"
        "твёрдое|твердое|твердый|твёрдый|твердо|твёрдо|окончательное|определённое|"
        "тверде|твердий|остаточне|"
        "确定|坚定|明确|確定|確定的|堅定|明確|断定|"
        "확정|확정적|확고|확고한|단호|"
        "kesin|kararlı|kati|"
        "chắc chắn|dứt khoát|cam kết|"
        "مؤكد|حازم|قاطع|ثابت|نهائي|"
        "fest|verbindlich|definitiv|sicher|"
        "ferme|définitif|certain|"
        "firme|definitivo|seguro|"
        "firme|definitivo|"
        "fermo|definitivo|certo|"
        "stanowcze|stanowczy|pewne|wiążące|"
        "čvrsto|čvrst|sigurno|obvezujuće|"
        "pasti|tegas|mengikat"),
    "conditional": (
        "conditioned|contingent|"
        "условное|условный|условно|с условием|"
        "умовне|умовний|умовно|"
        "有条件|有條件|附条件|条件性|条件付き|条件付|"
        "조건부|조건적|"
        "koşullu|şartlı|"
        "có điều kiện|"
        "مشروط|مشروطة|"
        "bedingt|unter bedingungen|"
        "conditionnel|conditionnelle|sous condition|"
        "condicional|condicionado|"
        "condicional|condicionado|"
        "condizionale|condizionato|"
        "warunkowe|warunkowy|warunkowo|"
        "uvjetno|uvjetan|"
        "bersyarat"),
    "tentative": (
        "provisional|preliminary|possible|uncertain|hedged|"
        "предварительное|предварительный|предварительно|неопределённое|"
        "попереднє|попередній|попередньо|"
        "初步|暂定|暫定|试探性|暂时|暫定的|暫定的な|仮|"
        "잠정적|잠정|잠정적인|"
        "geçici|belirsiz|olası|"
        "dự kiến|tạm thời|chưa chắc chắn|"
        "مبدئي|مبدئية|مؤقت|محتمل|"
        "vorläufig|unverbindlich|vorsichtig|"
        "provisoire|préliminaire|éventuel|"
        "tentativo|provisional|preliminar|"
        "provisório|preliminar|"
        "provvisorio|preliminare|"
        "wstępne|wstępny|tymczasowe|"
        "okvirno|privremeno|preliminarno|"
        "sementara|tentatif"),
    "in_person": (
        "face to face|face-to-face|personal|physical|onsite|"
        "очно|очная|очный|личная встреча|лично|"
        "особисто|очно|особиста зустріч|"
        "面对面|面談|会面|当面|対面|会談|"
        "대면|직접|"
        "yüz yüze|yüzyüze|bizzat|"
        "trực tiếp|gặp trực tiếp|"
        "حضوري|وجها لوجه|شخصي|"
        "persönlich|präsenz|vor ort|"
        "en personne|en présentiel|présentiel|"
        "presencial|en persona|"
        "presencial|pessoalmente|"
        "in presenza|di persona|"
        "osobiście|bezpośrednio|"
        "uživo|osobno|"
        "tatap muka|langsung"),
    "virtual": (
        "online|video|videoconference|video call|remote|"
        "онлайн|виртуально|виртуальная|видеосвязь|по видеосвязи|"
        "онлайн|віртуально|відеозв'язок|"
        "视频|视频会议|線上|线上|在线|オンライン|ビデオ会議|テレビ会議|"
        "화상|화상회의|온라인|"
        "çevrim içi|çevrimiçi|video konferans|sanal|"
        "trực tuyến|họp trực tuyến|"
        "افتراضي|عبر الفيديو|عن بعد|"
        "virtuell|videokonferenz|"
        "virtuel|visioconférence|en ligne|"
        "virtual|videoconferencia|en línea|"
        "virtual|videoconferência|"
        "virtuale|videoconferenza|"
        "wirtualne|wideokonferencja|"
        "virtualno|videokonferencija|"
        "virtual|daring"),
    "phone": (
        "telephone|phone call|call|by phone|"
        "по телефону|телефон|телефонный разговор|телефонная|"
        "телефонна розмова|телефоном|телефонна|"
        "电话|通电话|電話|電話会談|"
        "전화|전화통화|통화|"
        "telefon|telefonla|telefon görüşmesi|"
        "điện đàm|điện thoại|"
        "هاتفي|هاتفيا|اتصال هاتفي|"
        "telefonisch|telefonat|"
        "téléphone|téléphonique|"
        "telefónica|teléfono|telefónico|"
        "telefone|telefónica|telefônica|"
        "telefonica|telefono|"
        "telefoniczna|telefonicznie|"
        "telefonski|telefonom|"
        "telepon|sambungan telepon"),
    "hybrid": (
        "mixed|гибридный|гибридная|гібридний|混合|ハイブリッド|하이브리드|hibrit|kết hợp|"
        "هجين|hybrid|hybride|híbrido|híbrida|ibrido|hybrydowe|hibridno|hibrida"),
    "held": (
        "took place|happened|occurred|done|"
        "состоялась|проведена|состоялось|відбулася|проведено|"
        "已举行|举行|举行了|開催済み|開催|"
        "개최|열렸다|"
        "yapıldı|gerçekleşti|"
        "đã diễn ra|đã tổ chức|"
        "عقد|عقدت|"
        "stattgefunden|abgehalten|"
        "tenue|a eu lieu|"
        "celebrada|realizada|"
        "realizada|"
        "tenuto|svolto|"
        "odbyło się|"
        "održan|"
        "diadakan|berlangsung"),
    "scheduled": (
        "planned|upcoming|"
        "запланирована|запланировано|запланована|"
        "计划|预定|予定|"
        "예정|"
        "planlandı|planlanan|"
        "dự kiến diễn ra|theo kế hoạch|"
        "مقرر|مقررة|"
        "geplant|angesetzt|"
        "prévue|programmée|"
        "programada|prevista|"
        "agendada|prevista|"
        "prevista|programmata|"
        "zaplanowane|"
        "planiran|zakazan|"
        "dijadwalkan|direncanakan"),
    "proposed": (
        "suggested|offered|"
        "предложена|предложено|запропонована|"
        "提议|提議|提案|"
        "제안|"
        "önerildi|önerilen|"
        "đề xuất|"
        "مقترح|مقترحة|"
        "vorgeschlagen|"
        "proposée|"
        "propuesta|"
        "proposta|"
        "proposto|"
        "zaproponowane|"
        "predložen|"
        "diusulkan"),
    "person": (
        "individual|человек|лицо|особа|людина|人物|个人|人|사람|인물|kişi|người|cá nhân|شخص|"
        "Person|personne|persona|pessoa|osoba|orang|tokoh"),
    "country": (
        "state|nation|government|страна|государство|країна|держава|国家|国|국가|나라|ülke|"
        "devlet|quốc gia|nước|دولة|بلد|Land|Staat|pays|état|país|estado|paese|stato|"
        "kraj|państwo|zemlja|država|negara"),
    "organisation": (
        "organization|institution|организация|організація|组织|組織|机构|機関|조직|기구|"
        "kuruluş|örgüt|tổ chức|منظمة|هيئة|Organisation|organización|organização|"
        "organizzazione|organizacja|organizacija|organisasi"),
    "group": (
        "armed group|militia|группа|группировка|група|угруповання|团体|組|グループ|집단|"
        "단체|grup|örgütü|nhóm|جماعة|مجموعة|Gruppe|groupe|grupo|gruppo|grupa|skupina|"
        "kelompok"),
    # a quantity's qualifier: the words the rules backend reads before a number
    # (normalize/quantities.py), and what a model writes for "exact"
    "exact": "exactly|precisely|exact number|ровно|точно|正好|恰好|ちょうど|정확히|tam|"
             "đúng|بالضبط|genau|exactement|exactamente|exatamente|esattamente|dokładnie|"
             "točno|tepat",
    "at_least": (
        "minimum|at minimum|more than|over|no fewer than|not less than|"
        "не менее|более|по меньшей мере|щонайменше|понад|至少|超过|超過|以上|少なくとも|"
        "최소|이상|ít nhất|hơn|على الأقل|أكثر من|mindestens|mehr als|au moins|plus de|"
        "al menos|más de|pelo menos|mais de|almeno|oltre|co najmniej|ponad|najmanje|"
        "više od|en az|sedikitnya|setidaknya|lebih dari"),
    "about": (
        "approximately|approx|approximate|around|roughly|some|nearly|almost|estimated|"
        "circa|ca|около|примерно|почти|приблизно|майже|约|約|大约|大約|近|およそ|약|"
        "khoảng|gần|حوالي|نحو|etwa|rund|ungefähr|environ|près de|unos|cerca de|"
        "aproximadamente|quase|circa|quasi|około|prawie|oko|otprilike|yaklaşık|"
        "sekitar|kira-kira"),
    "up_to": (
        "maximum|max|at most|as many as|no more than|up to|не более|до|最多|多达|多達|"
        "最大|まで|최대|tối đa|lên tới|ما يصل إلى|bis zu|höchstens|jusqu'à|au plus|"
        "hasta|até|fino a|al massimo|do|najviše|en fazla|hingga|paling banyak"),
}


@cache
def _table() -> dict[str, set[str]]:
    """Folded word -> the built-in values it can stand for."""
    out: dict[str, set[str]] = {}
    for value, words in _WORDS.items():
        for word in words.split("|"):
            out.setdefault(fold(word), set()).add(value)
    return out


def translated_member(word: str, enum: type[Enum]) -> Any:
    """The value of ``enum`` that ``word`` translates, when exactly one of its members
    is among the values the word can stand for; else None."""
    values = {str(m.value) for m in enum}
    found = _table().get(fold(word), set()) & values
    return next(iter(found)) if len(found) == 1 else None
