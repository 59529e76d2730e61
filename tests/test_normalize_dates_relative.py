"""Relative dates against the article's date in the 17 languages, one table per language
(issue 13, dtl6 item 4): "last Tuesday", "on Tuesday" in the past tense (the most recent)
and in the future tense (the next), "this week", "earlier this month", "the day before
yesterday", "tomorrow", "next month". Published on Thursday 6 November 2025.

Every sentence is written for these tests; about half failed before (dtl6): the periods of
English, Romance, German, Slavic and Turkish, the future tense of French, Portuguese,
Polish, Russian, Ukrainian and Arabic verbs, the genitive weekday ("минулого вівторка",
"prošlog utorka"), German "morgen" and Spanish "mañana", Chinese and Japanese relative
days inside a sentence ("会谈于前天开始", "首脳は明日会談する").
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize.dates import find_dates

PUB = dt.date(2025, 11, 6)  # a Thursday

#: language -> (what, sentence, the date it names)
_TABLE: dict[str, list[tuple[str, str, str]]] = {
"en": [("last_wd","The minister said last Tuesday that aid would come.","2025-11-04"),("past_wd","The minister met his counterpart on Tuesday.","2025-11-04"),("fut_wd","The ministers will meet on Tuesday.","2025-11-11"),("this_week","The ministers met this week.","2025-11"),("earlier_month","The deal was signed earlier this month.","2025-11"),("dby","The talks began the day before yesterday.","2025-11-04"),("tomorrow","The leaders will meet tomorrow.","2025-11-07"),("next_month","The troops will arrive next month.","2025-12")],
"fr": [("last_wd","Le ministre a déclaré mardi dernier que l'aide arriverait.","2025-11-04"),("past_wd","Le ministre a rencontré son homologue mardi.","2025-11-04"),("fut_wd","Les ministres se réuniront mardi.","2025-11-11"),("this_week","Les ministres se sont réunis cette semaine.","2025-11"),("earlier_month","L'accord a été signé plus tôt ce mois-ci.","2025-11"),("dby","Les pourparlers ont commencé avant-hier.","2025-11-04"),("tomorrow","Les dirigeants se réuniront demain.","2025-11-07"),("next_month","Les troupes arriveront le mois prochain.","2025-12")],
"de": [("last_wd","Der Minister sagte am vergangenen Dienstag, die Hilfe komme.","2025-11-04"),("past_wd","Der Minister traf am Dienstag seinen Amtskollegen.","2025-11-04"),("fut_wd","Die Minister werden sich am Dienstag treffen.","2025-11-11"),("this_week","Die Minister trafen sich diese Woche.","2025-11"),("earlier_month","Das Abkommen wurde Anfang des Monats unterzeichnet.","2025-11"),("dby","Die Gespräche begannen vorgestern.","2025-11-04"),("tomorrow","Die Staatschefs treffen sich morgen.","2025-11-07"),("next_month","Die Truppen werden nächsten Monat eintreffen.","2025-12")],
"es": [("last_wd","El ministro dijo el martes pasado que la ayuda llegaría.","2025-11-04"),("past_wd","El ministro se reunió el martes con su homólogo.","2025-11-04"),("fut_wd","Los ministros se reunirán el martes.","2025-11-11"),("this_week","Los ministros se reunieron esta semana.","2025-11"),("earlier_month","El acuerdo se firmó a principios de este mes.","2025-11"),("dby","Las conversaciones comenzaron anteayer.","2025-11-04"),("tomorrow","Los líderes se reunirán mañana en Madrid.","2025-11-07"),("next_month","Las tropas llegarán el próximo mes.","2025-12")],
"it": [("last_wd","Il ministro ha detto martedì scorso che gli aiuti arriveranno.","2025-11-04"),("past_wd","Il ministro ha incontrato martedì il suo omologo.","2025-11-04"),("fut_wd","I ministri si incontreranno martedì.","2025-11-11"),("this_week","I ministri si sono incontrati questa settimana.","2025-11"),("earlier_month","L'accordo è stato firmato all'inizio del mese.","2025-11"),("dby","I colloqui sono iniziati l'altro ieri.","2025-11-04"),("tomorrow","I leader si incontreranno domani.","2025-11-07"),("next_month","Le truppe arriveranno il mese prossimo.","2025-12")],
"pt": [("last_wd","O ministro disse na terça-feira passada que a ajuda chegaria.","2025-11-04"),("past_wd","O ministro reuniu-se na terça-feira com o homólogo.","2025-11-04"),("fut_wd","Os ministros vão reunir-se na terça-feira.","2025-11-11"),("this_week","Os ministros reuniram-se esta semana.","2025-11"),("earlier_month","O acordo foi assinado no início deste mês.","2025-11"),("dby","As conversações começaram anteontem.","2025-11-04"),("tomorrow","Os líderes reúnem-se amanhã.","2025-11-07"),("next_month","As tropas chegarão no próximo mês.","2025-12")],
"pl": [("last_wd","Minister powiedział w zeszły wtorek, że pomoc dotrze.","2025-11-04"),("past_wd","Minister spotkał się we wtorek ze swoim odpowiednikiem.","2025-11-04"),("fut_wd","Ministrowie spotkają się we wtorek.","2025-11-11"),("this_week","Ministrowie spotkali się w tym tygodniu.","2025-11"),("earlier_month","Umowę podpisano na początku miesiąca.","2025-11"),("dby","Rozmowy rozpoczęły się przedwczoraj.","2025-11-04"),("tomorrow","Przywódcy spotkają się jutro.","2025-11-07"),("next_month","Wojska przybędą w przyszłym miesiącu.","2025-12")],
"ru": [("last_wd","Министр заявил в прошлый вторник, что помощь придет.","2025-11-04"),("past_wd","Министр во вторник встретился с коллегой.","2025-11-04"),("fut_wd","Министры встретятся во вторник.","2025-11-11"),("this_week","Министры встретились на этой неделе.","2025-11"),("earlier_month","Соглашение было подписано в начале месяца.","2025-11"),("dby","Переговоры начались позавчера.","2025-11-04"),("tomorrow","Лидеры встретятся завтра.","2025-11-07"),("next_month","Войска прибудут в следующем месяце.","2025-12")],
"uk": [("last_wd","Міністр заявив минулого вівторка, що допомога надійде.","2025-11-04"),("past_wd","Міністр у вівторок зустрівся з колегою.","2025-11-04"),("fut_wd","Міністри зустрінуться у вівторок.","2025-11-11"),("this_week","Міністри зустрілися цього тижня.","2025-11"),("earlier_month","Угоду підписали на початку місяця.","2025-11"),("dby","Переговори почалися позавчора.","2025-11-04"),("tomorrow","Лідери зустрінуться завтра.","2025-11-07"),("next_month","Війська прибудуть наступного місяця.","2025-12")],
"hr": [("last_wd","Ministar je prošlog utorka rekao da će pomoć stići.","2025-11-04"),("past_wd","Ministar se u utorak sastao s kolegom.","2025-11-04"),("fut_wd","Ministri će se sastati u utorak.","2025-11-11"),("this_week","Ministri su se sastali ovog tjedna.","2025-11"),("earlier_month","Sporazum je potpisan početkom mjeseca.","2025-11"),("dby","Razgovori su počeli prekjučer.","2025-11-04"),("tomorrow","Čelnici će se sastati sutra.","2025-11-07"),("next_month","Vojnici će stići idućeg mjeseca.","2025-12")],
"tr": [("last_wd","Bakan geçen salı yardımın geleceğini söyledi.","2025-11-04"),("past_wd","Bakan salı günü mevkidaşıyla görüştü.","2025-11-04"),("fut_wd","Bakanlar salı günü görüşecek.","2025-11-11"),("this_week","Bakanlar bu hafta bir araya geldi.","2025-11"),("earlier_month","Anlaşma bu ayın başında imzalandı.","2025-11"),("dby","Görüşmeler önceki gün başladı.","2025-11-04"),("tomorrow","Liderler yarın bir araya gelecek.","2025-11-07"),("next_month","Askerler gelecek ay gelecek.","2025-12")],
"id": [("last_wd","Menteri mengatakan pada Selasa lalu bahwa bantuan akan tiba.","2025-11-04"),("past_wd","Menteri bertemu mitranya pada Selasa.","2025-11-04"),("fut_wd","Para menteri akan bertemu pada Selasa.","2025-11-11"),("this_week","Para menteri bertemu pekan ini.","2025-11"),("earlier_month","Perjanjian itu ditandatangani awal bulan ini.","2025-11"),("dby","Pembicaraan dimulai kemarin lusa.","2025-11-04"),("tomorrow","Para pemimpin akan bertemu besok.","2025-11-07"),("next_month","Pasukan akan tiba bulan depan.","2025-12")],
"vi": [("last_wd","Bộ trưởng cho biết hôm thứ Ba tuần trước rằng viện trợ sẽ đến.","2025-10-28"),("past_wd","Bộ trưởng đã gặp người đồng cấp hôm thứ Ba.","2025-11-04"),("fut_wd","Các bộ trưởng sẽ gặp nhau vào thứ Ba.","2025-11-11"),("this_week","Các bộ trưởng đã gặp nhau trong tuần này.","2025-11"),("earlier_month","Thỏa thuận được ký hồi đầu tháng này.","2025-11"),("dby","Các cuộc đàm phán bắt đầu từ hôm kia.","2025-11-04"),("tomorrow","Các nhà lãnh đạo sẽ gặp nhau vào ngày mai.","2025-11-07"),("next_month","Quân đội sẽ đến vào tháng tới.","2025-12")],
"ar": [("last_wd","قال الوزير يوم الثلاثاء الماضي إن المساعدات ستصل.","2025-11-04"),("past_wd","التقى الوزير نظيره يوم الثلاثاء.","2025-11-04"),("fut_wd","سيلتقي الوزراء يوم الثلاثاء.","2025-11-11"),("this_week","التقى الوزراء هذا الأسبوع.","2025-11"),("earlier_month","وقع الاتفاق في وقت سابق من هذا الشهر.","2025-11"),("dby","بدأت المحادثات أول أمس.","2025-11-04"),("tomorrow","سيلتقي القادة غدا.","2025-11-07"),("next_month","ستصل القوات الشهر المقبل.","2025-12")],
"zh": [("last_wd","外交部长上周二表示援助将会到达。","2025-10-28"),("past_wd","外交部长周二会见了对方。","2025-11-04"),("fut_wd","双方外长将于周二会晤。","2025-11-11"),("this_week","双方外长本周举行了会谈。","2025-11"),("earlier_month","该协议于本月早些时候签署。","2025-11"),("dby","会谈于前天开始。","2025-11-04"),("tomorrow","双方领导人明天将会晤。","2025-11-07"),("next_month","部队将于下月抵达。","2025-12")],
"ja": [("last_wd","外相は先週の火曜日、支援が届くと述べた。","2025-10-28"),("past_wd","外相は火曜日、相手国の外相と会談した。","2025-11-04"),("fut_wd","両国の外相は火曜日に会談する予定だ。","2025-11-11"),("this_week","両国の外相は今週会談した。","2025-11"),("earlier_month","協定は今月初めに署名された。","2025-11"),("dby","協議は一昨日始まった。","2025-11-04"),("tomorrow","首脳は明日会談する。","2025-11-07"),("next_month","部隊は来月到着する。","2025-12")],
"ko": [("last_wd","장관은 지난주 화요일 지원이 도착할 것이라고 말했다.","2025-10-28"),("past_wd","장관은 화요일 상대국 장관과 만났다.","2025-11-04"),("fut_wd","양국 장관은 화요일 회담할 예정이다.","2025-11-11"),("this_week","양국 장관은 이번 주 회담했다.","2025-11"),("earlier_month","협정은 이달 초 서명됐다.","2025-11"),("dby","회담은 그저께 시작됐다.","2025-11-04"),("tomorrow","정상들은 내일 만난다.","2025-11-07"),("next_month","병력은 다음 달 도착한다.","2025-12")],
}


_CASES = [(lang, what, text, value) for lang, rows in _TABLE.items() for what, text, value in rows]


@pytest.mark.parametrize(("lang", "what", "text", "value"), _CASES, ids=[f"{c[0]}-{c[1]}" for c in _CASES])
def test_a_relative_date(lang: str, what: str, text: str, value: str) -> None:
    # "지난주 화요일", "thứ Ba tuần trước", "上周二", "先週の火曜日": the Tuesday of last week
    # (28 October, read on Thursday 6 November), not the Tuesday two days before, which is
    # this week's ("本周二"); one mention with its week
    found = [m for m in find_dates(text, published=PUB, language=lang) if m.date.value is not None]
    assert [m.date.value for m in found] == [value], [(m.text, m.date.value) for m in found]
    assert all(m.date.resolution.value == "relative" for m in found)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The ministers will meet next week."),
    ("fr", "Les ministres se réuniront la semaine prochaine."),
    ("de", "Die Minister treffen sich nächste Woche."),
    ("hr", "Ministri će se sastati sljedećeg tjedna."),
    ("tr", "Bakanlar gelecek hafta görüşecek."),
    ("ru", "Министры встретятся на следующей неделе."),
])
def test_next_week_is_no_date_outside_the_asian_and_arabic_tables(lang: str, text: str) -> None:
    """Left out on purpose (docs/normalize.md): its month is mostly the publication's, where
    a refusal's not-ahead filter would take it for a date already past."""
    assert find_dates(text, published=PUB, language=lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Minister sagte heute Morgen, die Hilfe komme."),  # Morgen: the morning
    ("es", "El ministro dijo esta mañana que la ayuda llegaría."),  # esta mañana: this morning
    ("ko", "오늘날 한국은 원조를 제공한다."),  # 오늘날: nowadays
    ("tr", "Abu aynı gün konuştu."),  # "bu ay" inside other words
])
def test_a_word_that_is_no_relative_date_here(lang: str, text: str) -> None:
    # "heute" is today, and no other date is named
    assert [m.date.value for m in find_dates(text, published=PUB, language=lang) if m.date.value != PUB.isoformat()] == []
