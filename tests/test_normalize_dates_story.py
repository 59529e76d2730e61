"""Days an article gives for its events that are told from another of its days, or in words
the date tables did not hold: "the day before", "la veille", "накануне", "前日", "이날";
"this morning", "ce matin", "jutros"; "今月5日", "上月28日"; the weekday in another form
("po wtorkowej rozmowie", "nesta terça", "с понедельника"); "martedì sera" (Italian
evening, not the French future "sera").

Every text is written for these tests (none comes from the sample, test or held-out
articles); the publication date is Thursday 12 March 2026. Each case failed before
(no date, or the publication's, or another day).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

PUB = dt.date(2026, 3, 12)  # a Thursday


def _days(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.value) for m in find_dates(text, published=PUB, language=language)]


#: (language, text, the phrase, the day it is): told from the day named before it (Tuesday
#: 10 March, Monday 9 March, or 5 March), or from publication when the text names none
_STORY = [
    # Germanic
    ("en", "Hungary vetoed the package on Tuesday. The day before, Orban had met Putin.", "The day before", "2026-03-09"),
    ("en", "The ministers met in Riga on Monday. A day later, Latvia asked for more troops.", "A day later", "2026-03-10"),
    ("de", "Die Minister trafen sich am Dienstag in Brüssel. Am Vortag hatte Kiew um Hilfe gebeten.", "Am Vortag", "2026-03-09"),
    ("de", "Berlin sagte am 5. März Hilfe zu. Tags darauf reiste die Ministerin nach Kiew.", "Tags darauf", "2026-03-06"),
    # Romance
    ("fr", "Le sommet s'est tenu mardi à Paris. La veille, les ministres avaient dîné ensemble.", "La veille", "2026-03-09"),
    ("es", "Los presidentes se reunieron el lunes en Lima. Al día siguiente firmaron el acuerdo.", "Al día siguiente", "2026-03-10"),
    ("it", "Il vertice si è tenuto martedì a Roma. Il giorno precedente i ministri avevano discusso il bilancio.",
     "Il giorno precedente", "2026-03-09"),
    ("pt", "Os ministros reuniram-se na segunda-feira. No dia seguinte, Lisboa anunciou a ajuda.", "No dia seguinte", "2026-03-10"),
    # Slavic
    ("pl", "Szczyt odbył się we wtorek w Wilnie. Dzień wcześniej premier rozmawiał z prezydentem.", "Dzień wcześniej", "2026-03-09"),
    ("ru", "Переговоры прошли во вторник в Стамбуле. Днём ранее Лавров прибыл в Анкару.", "Днём ранее", "2026-03-09"),
    ("uk", "Саміт відбувся у вівторок. Наступного дня Київ отримав першу партію допомоги.", "Наступного дня", "2026-03-11"),
    ("hr", "Ministri su se sastali u utorak u Zagrebu. Dan ranije premijer je posjetio Split.", "Dan ranije", "2026-03-09"),
    # Turkic
    ("tr", "Zirve salı günü Ankara'da yapıldı. Bir gün önce Fidan Lavrov ile görüşmüştü.", "Bir gün önce", "2026-03-09"),
    ("tr", "Bakanlar pazartesi günü bir araya geldi. Ertesi gün anlaşma imzalandı.", "Ertesi gün", "2026-03-10"),
    ("tr", "Heyet 5 Mart'ta Bakü'ye gitti. Aynı gün Azerbaycan yeni bir teklif sundu.", "Aynı gün", "2026-03-05"),
    # Arabic
    ("ar", "عقدت القمة يوم الثلاثاء في القاهرة. وفي اليوم السابق التقى الوزير نظيره الأردني.", "في اليوم السابق", "2026-03-09"),
    ("ar", "اجتمع الوزراء يوم الاثنين في عمان. وفي اليوم التالي أعلنت الحكومة خطتها.", "في اليوم التالي", "2026-03-10"),
    ("ar", "وصل الوفد إلى الرياض في 5 مارس. وفي اليوم نفسه بدأت المحادثات.", "في اليوم نفسه", "2026-03-05"),
    # Malay (Indonesian)
    ("id", "KTT digelar di Jakarta pada Selasa. Sehari sebelumnya para menteri bertemu di Bogor.", "Sehari sebelumnya", "2026-03-09"),
    ("id", "Kedua menteri bertemu pada Senin. Keesokan harinya, Indonesia mengumumkan bantuan.", "Keesokan harinya", "2026-03-10"),
    ("id", "Delegasi tiba di Canberra pada 5 Maret. Pada hari yang sama, perundingan dimulai.", "hari yang sama", "2026-03-05"),
    # Vietnamese
    ("vi", "Hội nghị diễn ra hôm thứ Ba tại Hà Nội. Một ngày trước đó, hai bộ trưởng đã gặp nhau.", "Một ngày trước đó", "2026-03-09"),
    ("vi", "Hai bên hội đàm hôm thứ Hai. Ngày hôm sau, Việt Nam công bố gói hỗ trợ.", "Ngày hôm sau", "2026-03-10"),
    ("vi", "Đoàn đến Tokyo ngày 5/3. Cùng ngày, hai bên ký biên bản ghi nhớ.", "Cùng ngày", "2026-03-05"),
    # CJK
    ("zh", "双方3月10日在北京举行会谈。次日，中方宣布提供援助。", "次日", "2026-03-11"),
    ("ja", "両外相は10日に東京で会談した。前日、首相は記者会見を開いた。", "前日", "2026-03-09"),
    ("ko", "두 장관은 10일 서울에서 회담했다. 다음날 정부는 지원 방안을 발표했다.", "다음날", "2026-03-11"),
]


@pytest.mark.parametrize(("language", "text", "phrase", "day"), _STORY, ids=[f"{c[0]}-{c[2]}" for c in _STORY])
def test_a_day_told_from_the_day_named_before(language: str, text: str, phrase: str, day: str) -> None:
    assert (phrase, day) in _days(text, language)


def test_a_day_told_from_publication_when_the_text_names_none() -> None:
    assert _days("Лавров встретился с Фиданом накануне.", "ru") == [("накануне", "2026-03-11")]


#: the same words as a preposition before another event, whose day the text does not give
_PREPOSITION = [
    ("en", "Orban met Putin the day before the summit."),
    ("fr", "Le ministre est arrivé la veille du sommet."),
    ("ru", "Лавров прибыл в Анкару накануне саммита."),
    ("tr", "Fidan zirveden bir gün önce Lavrov ile görüştü."),
    ("ja", "外相は会談の前日に到着した。"),
    ("ko", "장관은 회담 전날 도착했다."),
    ("zh", "外长在峰会前一天抵达。"),
]


@pytest.mark.parametrize(("language", "text"), _PREPOSITION, ids=[c[0] for c in _PREPOSITION])
def test_the_day_before_another_event_is_no_date(language: str, text: str) -> None:
    assert _days(text, language) == []


def test_korean_this_day_is_the_stories_own_day() -> None:
    # "이날" (this day) is the lead's day (the 11th), not the background day named since
    text = "정부는 11일 대책을 발표했다. 북한은 지난 5일 미사일을 발사했다. 외교부는 이날 성명을 냈다."
    assert ("이날", "2026-03-11") in _days(text, "ko")


#: (language, text, the phrase): this morning, this evening: the day of publication
_TODAY = [
    ("en", "The minister announced the aid this morning.", "this morning"),
    ("en", "The talks ended earlier today in Geneva.", "earlier today"),
    ("de", "Die Ministerin sagte heute früh in Berlin, die Hilfe komme.", "heute früh"),
    ("fr", "Le ministre a annoncé ce matin l'envoi de canons.", "ce matin"),
    ("es", "El Gobierno anunció esta mañana el envío de ayuda.", "esta mañana"),
    ("it", "Il ministro ha annunciato stamattina nuovi aiuti.", "stamattina"),
    ("pt", "O ministro anunciou esta manhã o envio de ajuda.", "esta manhã"),
    ("hr", "Premijer je jutros najavio novu pomoć.", "jutros"),
    ("uk", "Міністр цього ранку оголосив про нову допомогу.", "цього ранку"),
    ("ru", "Министр этим утром объявил о новой помощи.", "этим утром"),
    ("tr", "Bakan bu sabah yeni yardım paketini açıkladı.", "bu sabah"),
    ("tr", "Cumhurbaşkanı bu akşam bir açıklama yapacak.", "bu akşam"),
    ("tr", "Bakan bu öğleden sonra Brüksel'e gidiyor.", "bu öğleden sonra"),
    ("ar", "يلتقي الوزيران الليلة في الدوحة.", "الليلة"),
    ("ar", "اجتمع الوزيران الليلة الماضية في الدوحة.", "الليلة الماضية"),
    ("ar", "وصل الوزير الليلة إلى بيروت.", "الليلة"),
    ("id", "Menteri mengumumkan bantuan itu pagi ini di Jakarta.", "pagi ini"),
    ("id", "Presiden tiba di Canberra tadi siang.", "tadi siang"),
    ("id", "Kedua menteri akan bertemu malam ini.", "malam ini"),
    ("vi", "Sáng nay, Thủ tướng tiếp Đại sứ Nhật Bản.", "Sáng nay"),
    ("vi", "Chiều nay, hai bên ký thỏa thuận.", "Chiều nay"),
    ("vi", "Tối nay, Chủ tịch nước lên đường thăm Lào.", "Tối nay"),
    ("zh", "外长今早抵达北京。", "今早"),
    ("ja", "首相は今朝、記者団に語った。", "今朝"),
    ("zh", "两国外长今晚将举行会谈。", "今晚"),
]


@pytest.mark.parametrize(("language", "text", "phrase"), _TODAY, ids=[f"{c[0]}-{c[2]}" for c in _TODAY])
def test_this_morning_is_the_day_of_publication(language: str, text: str, phrase: str) -> None:
    day = "2026-03-11" if phrase == "الليلة الماضية" else "2026-03-12"
    assert _days(text, language) == [(phrase, day)]


#: a day of this, last or next month in Chinese and Japanese
_MONTH_DAY = [
    ("zh", "外交部发言人上月28日表示，中方将提供援助。", "上月28日", "2026-02-28"),
    ("zh", "中方将于下个月3日派出采购团。", "下个月3日", "2026-04-03"),
    ("ja", "外相は今月5日、会合を欠席すると表明した。", "今月5日", "2026-03-05"),
    ("ja", "政府は先月28日、追加支援を決めた。", "先月28日", "2026-02-28"),
]


@pytest.mark.parametrize(("language", "text", "phrase", "day"), _MONTH_DAY, ids=[c[2] for c in _MONTH_DAY])
def test_a_day_of_this_or_last_month(language: str, text: str, phrase: str, day: str) -> None:
    assert _days(text, language) == [(phrase, day)]


#: a weekday in another form than CLDR's: the adjective and genitive in Polish and Russian,
#: the short Portuguese forms; and Italian "sera" (evening) is no French future
_WEEKDAY_FORMS = [
    ("pl", "Zapowiedź padła po wtorkowej rozmowie premiera z prezydentem.", "wtorkowej", "2026-03-10"),
    ("pl", "Premier odrzucił w piątkowym wywiadzie wysłanie żołnierzy.", "piątkowym", "2026-03-06"),
    ("pl", "Sankcje obowiązują od poniedziałku.", "poniedziałku", "2026-03-09"),
    ("ru", "Переговоры продолжаются с понедельника.", "понедельника", "2026-03-09"),
    ("pt", "O ministro anunciou nesta terça o envio de ajuda.", "nesta terça", "2026-03-10"),
    ("pt", "Na última quarta, o Governo aprovou o pacote.", "Na última quarta", "2026-03-11"),
    ("pt", "O presidente recebeu na sexta-feira o primeiro-ministro.", "na sexta-feira", "2026-03-06"),
    ("it", "L'Italia invierà nuovi aiuti, ha annunciato martedì sera il ministro.", "martedì", "2026-03-10"),
    ("it", "Il governo manderà 200 soldati, ha detto lunedì sera il premier.", "lunedì", "2026-03-09"),
    ("it", "Roma sosterrà Kiev, ha ribadito mercoledì sera la premier.", "mercoledì", "2026-03-11"),
]


@pytest.mark.parametrize(("language", "text", "phrase", "day"), _WEEKDAY_FORMS, ids=[c[2] for c in _WEEKDAY_FORMS])
def test_a_weekday_in_another_form(language: str, text: str, phrase: str, day: str) -> None:
    assert (phrase, day) in _days(text, language)


def test_polish_environment_is_no_wednesday() -> None:
    assert _days("Ministerstwo środowiska przedstawiło plan.", "pl") == []
