"""The speaker of a claim among its actors (extract/rules/roles.py ``with_speaker``): a
person who states a claim whose subject is his country, government or body is an actor
beside it, however the article names him: after a headline's dash or colon ("... – Merz"),
in the sentence before and continued by a pronoun, a title or a verb of saying with its
subject left out ("Afirmó que ...", "وقال إن ..."), or in the next sentence's words about
this one ("Об этом заявил ...", "Lo ha annunciato ..."); a leader speaking for a body of
no state is that body's, not his country's. Not made an actor: a person who only reports
another country's claim, who is told it, an analyst or a journalist. A pronoun opening a
paragraph stands for the person named last before it, in the paragraph before too (news
writes one or two sentences a paragraph: "Macron visited Warsaw.\n\nHe said France would
send ..."); stopping at the paragraph cost matched actors on the held-out articles.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before this mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

_SPEAKERS = [
    # headline: the speaker after a dash or colon
    ('en', 'refusal', ['Keir Starmer'], ['Germany'], 'Britain will not send combat troops to Ukraine – Starmer'),
    ('en', 'pledge', ['Mark Carney'], [], 'Canada will impose new tariffs on Chinese steel: Carney'),
    ('de', 'refusal', ['Friedrich Merz'], [], 'Deutschland wird keine Taurus-Raketen an die Ukraine liefern – Merz'),
    ('de', 'pledge', ['Boris Pistorius'], [], 'Deutschland wird weitere Patriot-Systeme an die Ukraine liefern — Pistorius'),
    ('fr', 'pledge', ['Emmanuel Macron'], [], 'La France enverra six Rafale en Pologne – Macron'),
    ('es', 'refusal', ['Pedro Sanchez'], [], 'España no enviará tropas a Ucrania — Sánchez'),
    ('it', 'refusal', ['Giorgia Meloni'], [], "L'Italia non invierà soldati in Ucraina – Meloni"),
    ('pt', 'refusal', ['Luiz Inácio Lula da Silva'], [], 'O Brasil não enviará tropas à Ucrânia – Lula'),
    ('ru', 'refusal', ['Sergey Lavrov'], [], 'Россия не примет эти условия — Лавров'),
    ('uk', 'refusal', ['Volodymyr Zelensky'], [], 'Україна не виведе війська з Курщини — Зеленський'),
    ('pl', 'refusal', ['Donald Tusk'], [], 'Polska nie wyśle żołnierzy na Ukrainę – Tusk'),
    ('hr', 'refusal', ['Andrej Plenković'], [], 'Hrvatska neće poslati vojnike u Ukrajinu – Plenković'),
    ('tr', 'refusal', ['Recep Tayyip Erdogan'], [], "Türkiye Ukrayna'ya asker göndermeyecek – Erdoğan"),
    ('tr', 'pledge', ['Hakan Fidan'], [], "Türkiye Suriye'ye insani yardım gönderecek: Fidan"),
    ('tr', 'pledge', ['Recep Tayyip Erdogan'], [], "Türkiye Somali'ye iki savaş gemisi gönderecek — Erdoğan"),
    ('ar', 'refusal', ['Emmanuel Macron'], [], 'فرنسا لن ترسل قوات إلى أوكرانيا – ماكرون'),
    ('ar', 'pledge', ['Faisal bin Farhan'], [], 'السعودية ستقدم مساعدات إنسانية لغزة: فيصل بن فرحان'),
    ('ar', 'refusal', ['Keir Starmer'], [], 'بريطانيا لن ترسل قوات قتالية إلى أوكرانيا – ستارمر'),
    ('id', 'pledge', ['Prabowo Subianto'], [], 'Indonesia akan mengirim pasukan perdamaian ke Gaza – Prabowo'),
    ('id', 'refusal', ['Prabowo Subianto'], [], 'Indonesia tidak akan mengirim pasukan ke Ukraina: Prabowo'),
    ('vi', 'pledge', ['Pham Minh Chinh'], [], 'Việt Nam sẽ gửi lực lượng gìn giữ hòa bình sang Nam Sudan – Thủ tướng Phạm Minh Chính'),
    ('zh', 'pledge', ['Wang Yi'], [], '中国将向巴基斯坦提供紧急人道主义援助——王毅'),
    ('ja', 'pledge', ['Shigeru Ishiba'], [], '日本はウクライナに追加支援を提供する＝石破首相'),
    ('ko', 'refusal', ['Lee Jae-myung'], [], '한국은 우크라이나에 살상무기를 보내지 않을 것 – 이재명'),
    # the speaker named before, continued by a pronoun, a title or a dropped subject
    ('en', 'warning', ['Anita Anand'], [], 'Foreign Minister Anita Anand spoke in Ottawa on Friday. She warned that Canada would impose tariffs on Chinese steel.'),
    ('en', 'pledge', ['Emmanuel Macron'], ['Volodymyr Zelensky'], 'Macron met Zelensky in Paris on Monday. He said France would send more air defence systems.'),
    ('en', 'pledge', ['Friedrich Merz'], ['Volodymyr Zelensky'], 'Merz received Zelensky in Berlin on Tuesday. The chancellor said Germany would deliver four more Patriot systems.'),
    ('de', 'pledge', ['Friedrich Merz'], ['Volodymyr Zelensky'], 'Bundeskanzler Friedrich Merz empfing am Montag Selenskyj in Berlin. Er sagte, Deutschland werde weitere Patriot-Systeme liefern.'),
    ('de', 'warning', ['Johann Wadephul'], [], 'Außenminister Johann Wadephul reiste am Montag nach Kiew. Er warnte, Deutschland werde neue Sanktionen gegen Russland verhängen.'),
    ('de', 'pledge', ['Boris Pistorius'], ['Volodymyr Zelensky'], 'Pistorius traf Selenskyj am Montag in Kiew. Der Minister sagte, Deutschland werde weitere Panzer schicken.'),
    ('es', 'pledge', ['Margarita Robles'], [], 'La ministra de Defensa Margarita Robles visitó Riga el lunes. Afirmó que España enviará cuatro cazas a Letonia.'),
    ('it', 'pledge', ['Guido Crosetto'], [], "Il ministro della Difesa Guido Crosetto ha visitato Riga lunedì. Ha detto che l'Italia invierà due caccia in Lettonia."),
    ('pt', 'pledge', ['José Múcio'], [], 'O ministro da Defesa José Múcio visitou Buenos Aires na segunda-feira. Afirmou que o Brasil enviará aviões à Argentina.'),
    ('fr', 'pledge', ['Emmanuel Macron'], ['Volodymyr Zelensky'], "Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée lundi. Il a annoncé que la France enverra de nouveaux canons Caesar."),
    ('pl', 'pledge', ['Donald Tusk'], [], 'Premier Donald Tusk odwiedził w poniedziałek Wilno. Zapowiedział, że Polska wyśle czołgi na Litwę.'),
    ('hr', 'pledge', ['Ivan Anušić'], [], 'Ministar obrane Ivan Anušić posjetio je Vilnius u ponedjeljak. Rekao je da će Hrvatska poslati helikoptere u Litvu.'),
    ('ru', 'refusal', ['Sergey Lavrov'], [], 'Глава МИД Сергей Лавров выступил в Минске. Также заявил, что Россия не допустит размещения войск НАТО на Украине.'),
    ('uk', 'pledge', ['Volodymyr Zelensky'], ['Friedrich Merz'], 'Володимир Зеленський зустрівся з Мерцом у Берліні. Він заявив, що Україна надасть Німеччині дані про дрони.'),
    ('tr', 'pledge', ['Yaşar Güler'], [], "Türkiye Azerbaycan'a yeni insansız hava araçları gönderecek. Bu açıklamayı Milli Savunma Bakanı Yaşar Güler yaptı."),
    ('tr', 'refusal', ['Hakan Fidan'], [], "Türkiye Rusya'ya yönelik yaptırımlara katılmayacak. Bu sözleri Dışişleri Bakanı Hakan Fidan Ankara'da söyledi."),
    ('tr', 'pledge', ['Yaşar Güler'], [], "Türkiye Libya'ya askeri eğitim desteği verecek. Bu açıklamalar Milli Savunma Bakanı Yaşar Güler tarafından yapıldı."),
    ('ar', 'pledge', ['Khalid bin Salman'], [], 'زار وزير الدفاع السعودي خالد بن سلمان القاهرة يوم الاثنين. وقال إن السعودية ستقدم مساعدات عسكرية لمصر.'),
    ('ar', 'pledge', ['Khalid bin Salman'], [], 'زار وزير الدفاع السعودي خالد بن سلمان عمان يوم الثلاثاء. وأكد الوزير أن السعودية ستقدم دعما عسكريا للأردن.'),
    ('ar', 'pledge', ['Emmanuel Macron'], [], 'فرنسا سترسل طائرات رافال إلى بولندا. جاء ذلك في تصريحات أدلى بها الرئيس الفرنسي إيمانويل ماكرون في وارسو.'),
    ('id', 'pledge', ['Sjafrie Sjamsoeddin'], [], 'Indonesia akan mengirim kapal patroli ke Filipina. Hal itu disampaikan Menteri Pertahanan Sjafrie Sjamsoeddin di Manila.'),
    ('id', 'pledge', ['Sjafrie Sjamsoeddin'], [], 'Menteri Pertahanan Sjafrie Sjamsoeddin mengunjungi Manila pada Senin. Menhan menambahkan Indonesia akan mengirim kapal patroli ke Filipina.'),
    ('vi', 'pledge', ['Phan Văn Giang'], [], 'Việt Nam sẽ gửi máy bay trực thăng sang Lào. Thông tin này được Bộ trưởng Quốc phòng Phan Văn Giang cho biết tại Viêng Chăn.'),
    ('zh', 'pledge', ['Dong Jun'], [], '国防部长董军周一访问了万象。这位部长表示，中国将向老挝提供军事援助。'),
    ('zh', 'pledge', ['Wang Yi'], [], '中国将向巴基斯坦提供紧急援助。上述表态是外交部长王毅周二在伊斯兰堡作出的。'),
    ('ja', 'pledge', ['Gen Nakatani'], [], '日本はフィリピンに巡視船を供与する。この発言は中谷元防衛相が記者会見で行った。'),
    ('ko', 'pledge', ['Ahn Gyu-back'], [], '한국은 필리핀에 초계함을 지원할 것이다. 이 같은 발언은 안규백 국방부 장관이 기자회견에서 나왔다.'),
    ('en', 'pledge', ['John Healey'], [], 'Britain will send two more warships to the Baltic. This was announced by Defence Secretary John Healey on Tuesday.'),
    ('ru', 'pledge', ['Andrey Belousov'], [], 'Россия поставит Белоруссии новые ракеты. Об этом заявил министр обороны Андрей Белоусов.'),
    ('uk', 'refusal', ['Denys Shmyhal'], [], 'Україна не виведе війська з Курщини. Про це заявив міністр оборони Денис Шмигаль.'),
    ('it', 'pledge', ['Guido Crosetto'], [], "L'Italia invierà due caccia in Lettonia. Lo ha annunciato il ministro della Difesa Guido Crosetto."),
    ('es', 'pledge', ['Margarita Robles'], [], 'España enviará cuatro cazas a Letonia. Así lo anunció la ministra de Defensa Margarita Robles.'),
    ('fr', 'pledge', ['Sébastien Lecornu'], [], "La France enverra des chars Leclerc en Lituanie. C'est ce qu'a annoncé le ministre des Armées Sébastien Lecornu."),
    ('pl', 'pledge', ['Władysław Kosiniak-Kamysz'], [], 'Polska wyśle czołgi na Litwę. Poinformował o tym minister obrony Władysław Kosiniak-Kamysz.'),
    ('hr', 'pledge', ['Ivan Anušić'], [], 'Hrvatska će poslati helikoptere u Litvu. To je izjavio ministar obrane Ivan Anušić.'),
    # a leader speaking for a body of no state: the body, not his country
    ('en', 'refusal', ['Abdul-Malik al-Houthi', 'Houthis'], ['Yemen'], 'Houthi leader Abdul-Malik al-Houthi said the Houthis will not stop attacks on ships in the Red Sea.'),
    ('en', 'refusal', ['Abdul-Malik al-Houthi', 'Houthis'], ['Yemen'], 'The Houthis will not halt their attacks on shipping, Abdul-Malik al-Houthi said.'),
    ('ar', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'قال عبد الملك الحوثي إن الحوثيون لن يوقفوا الهجمات على السفن.'),
    ('zh', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], '阿卜杜勒-马利克·胡塞表示，胡塞武装不会停止对船只的袭击。'),
    ('ru', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Абдель-Малик аль-Хуси заявил, что хуситы не прекратят атаки на суда.'),
    ('ko', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], '압둘 말리크 알후티는 후티 반군이 선박 공격을 멈추지 않을 것이라고 말했다.'),
    ('de', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi sagte, die Huthi-Miliz werde die Angriffe auf Schiffe nicht einstellen.'),
    ('es', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi afirmó que los hutíes no detendrán los ataques contra barcos.'),
    ('tr', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], "Husiler Kızıldeniz'deki gemilere saldırıları durdurmayacak – Abdul-Malik al-Houthi"),
    ('fr', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi a déclaré que les Houthis ne cesseront pas leurs attaques contre les navires.'),
    ('it', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi ha detto che gli Houthi non fermeranno gli attacchi alle navi.'),
    ('uk', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Хусити не припинять атаки на судна в Червоному морі — Абдель-Малик аль-Хуси'),
    ('id', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi mengatakan Houthi tidak akan menghentikan serangan terhadap kapal.'),
    ('ar', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'الحوثيون لن يوقفوا الهجمات على السفن في البحر الأحمر – عبد الملك الحوثي'),
    ('zh', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], '胡塞武装不会停止在红海袭击船只——阿卜杜勒-马利克·胡塞'),
    ('pl', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Abdul-Malik al-Houthi powiedział, że Huti odrzucają rozejm z Izraelem.'),
    ('tr', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Husiler saldırıları durdurmayacak: Abdul-Malik al-Houthi'),
    ('id', 'refusal', ['Abdul-Malik al-Houthi'], ['Yemen'], 'Houthi menolak gencatan senjata dengan Israel, kata Abdul-Malik al-Houthi.'),
    # a verb-final sentence ending in a verb of saying, its subject left out
    ('tr', 'pledge', ['Hakan Fidan'], [], "Dışişleri Bakanı Hakan Fidan pazartesi günü Bakü'yü ziyaret etti. Türkiye'nin Azerbaycan'a yeni destek paketi göndereceğini söyledi."),
    ('tr', 'refusal', ['Yaşar Güler'], [], "Milli Savunma Bakanı Yaşar Güler salı günü Brüksel'e gitti. Türkiye'nin Ukrayna'ya asker göndermeyeceğini açıkladı."),
    ('tr', 'pledge', ['Recep Tayyip Erdogan'], [], "Cumhurbaşkanı Erdoğan çarşamba günü Mogadişu'ya vardı. Türkiye'nin Somali'ye iki savaş gemisi göndereceğini duyurdu."),
    ('ja', 'pledge', ['Gen Nakatani'], [], '中谷元防衛相は月曜日、マニラを訪問した。日本がフィリピンに巡視船を供与すると述べた。'),
    ('ja', 'refusal', ['Shigeru Ishiba'], [], '石破首相は火曜日、記者会見を開いた。日本がウクライナに部隊を派遣しないと述べた。'),
    ('ko', 'pledge', ['Ahn Gyu-back'], [], '안규백 국방부 장관은 월요일 마닐라를 방문했다. 한국이 필리핀에 초계함을 지원할 것이라고 말했다.'),
    ('ko', 'refusal', ['Lee Jae-myung'], [], '이재명 대통령은 화요일 기자회견을 열었다. 한국이 우크라이나에 살상무기를 보내지 않을 것이라고 밝혔다.'),
]

_GUARDS = [
    # reported: another country's claim keeps that country
    ('en', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Zelensky said Germany will send two more Patriot systems.'),
    ('en', 'refusal', ['Russia'], ['Keir Starmer'], 'Keir Starmer said Russia refused to accept a ceasefire.'),
    ('en', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Germany told Zelensky it will send two more Patriot systems.'),
    ('de', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Selenskyj sagte, Deutschland werde weitere Patriot-Systeme liefern.'),
    ('fr', 'pledge', ['Germany'], ['Volodymyr Zelensky'], "Zelensky a déclaré que l'Allemagne enverra deux systèmes Patriot."),
    ('es', 'refusal', ['Russia'], ['Pedro Sanchez'], 'Pedro Sánchez dijo que Rusia no aceptará el alto el fuego.'),
    ('ru', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Зеленский заявил, что Германия поставит Украине ещё две системы Patriot.'),
    ('pl', 'refusal', ['Russia'], ['Donald Tusk'], 'Donald Tusk powiedział, że Rosja nie zgodzi się na zawieszenie broni.'),
    ('tr', 'pledge', ['Germany'], ['Volodymyr Zelensky'], "Zelenski, Almanya'nın Ukrayna'ya iki Patriot sistemi göndereceğini söyledi."),
    ('ar', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'قال زيلينسكي إن ألمانيا سترسل نظامي باتريوت إلى أوكرانيا.'),
    ('id', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Zelensky mengatakan Jerman akan mengirim dua sistem Patriot ke Ukraina.'),
    ('zh', 'pledge', ['Germany'], ['Volodymyr Zelensky'], '泽连斯基表示，德国将向乌克兰提供两套爱国者系统。'),
    # an analyst or a journalist comments, he does not claim
    ('en', 'refusal', ['Russia'], ['Tom Harrison'], 'Russia will not accept the ceasefire terms, said Tom Harrison, an analyst at Chatham House.'),
    ('en', 'refusal', ['Russia'], ['Tom Harrison'], 'Russia will not accept the ceasefire terms, according to Tom Harrison, a senior analyst at the Carnegie Endowment.'),
    ('fr', 'refusal', ['Russia'], ['Paul Girard'], "La Russie n'acceptera pas ce cessez-le-feu, a déclaré Paul Girard, analyste à l'IFRI."),
    ('es', 'refusal', ['Russia'], ['Jorge Blanco'], 'Rusia no aceptará el alto el fuego, dijo Jorge Blanco, analista del Real Instituto Elcano.'),
    ('ru', 'refusal', ['Russia'], ['Oleg Petrenko'], 'Россия не примет эти условия, заявил Олег Петренко, эксперт Московского центра.'),
    # more languages: reported claims and analysts
    ('it', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Zelensky ha detto che la Germania invierà altri due sistemi Patriot.'),
    ('uk', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'Зеленський заявив, що Німеччина передасть Україні ще дві системи Patriot.'),
    ('tr', 'refusal', ['Russia'], ['Recep Tayyip Erdogan'], "Erdoğan, Rusya'nın ateşkesi kabul etmeyeceğini söyledi."),
    ('ar', 'refusal', ['Russia'], ['Emmanuel Macron'], 'قال ماكرون إن روسيا لن تقبل وقف إطلاق النار.'),
    ('ja', 'pledge', ['Germany'], ['Volodymyr Zelensky'], 'ゼレンスキー大統領は、ドイツがウクライナにパトリオットを供与すると述べた。'),
    ('ko', 'pledge', ['Germany'], ['Volodymyr Zelensky'], '젤렌스키 대통령은 독일이 우크라이나에 패트리엇을 지원할 것이라고 말했다.'),
    ('de', 'refusal', ['Russia'], ['Jan Becker'], 'Russland werde die Bedingungen nicht akzeptieren, sagte der Analyst Jan Becker.'),
    ('pl', 'refusal', ['Russia'], ['Jan Nowak'], 'Rosja nie zgodzi się na te warunki, powiedział Jan Nowak, analityk Ośrodka Studiów Wschodnich.'),
    ('tr', 'refusal', ['Russia'], ['Mehmet Yılmaz'], 'Rusya bu şartları kabul etmeyecek, dedi Mehmet Yılmaz, uzman.'),
    ('ar', 'refusal', ['Russia'], ['Vladimir Putin'], 'قال المحلل السياسي إن روسيا لن تقبل هذه الشروط.'),
    ('id', 'refusal', ['Russia'], ['Budi Santoso'], 'Rusia tidak akan menerima syarat tersebut, kata Budi Santoso, pengamat hubungan internasional.'),
    ('zh', 'refusal', ['Russia'], ['Wang Liping'], '俄罗斯不会接受这些条件，分析人士王丽萍表示。'),
    # a verb of saying whose subject is named (sources, the media) stands for no one named before
    ('es', 'pledge', ['Spain'], ['Pedro Sanchez'], 'Pedro Sánchez visitó Riga el lunes. Según fuentes diplomáticas, España enviará cazas a Letonia.'),
    ('ar', 'pledge', ['France'], ['Emmanuel Macron'], 'زار ماكرون القاهرة يوم الاثنين. وقال مصدر دبلوماسي إن فرنسا سترسل مساعدات إلى مصر.'),
    ('pl', 'pledge', ['Poland'], ['Donald Tusk'], 'Donald Tusk odwiedził Wilno. Według mediów Polska wyśle czołgi na Litwę.'),
    ('en', 'pledge', ['United Kingdom'], ['Keir Starmer'], 'Keir Starmer visited Riga on Monday. According to the ministry, Britain will send two jets to Latvia.'),
    # the subject of the verb of saying is the country itself (topic, comma)
    ('ja', 'refusal', ['Japan'], ['Shigeru Ishiba'], '石破首相は火曜日、記者会見を開いた。日本はウクライナに部隊を派遣しないと述べた。'),
    ('tr', 'pledge', ['Turkey'], ['Hakan Fidan'], "Dışişleri Bakanı Hakan Fidan pazartesi günü Bakü'yü ziyaret etti. Türkiye, Azerbaycan'a yeni destek paketi göndereceğini açıkladı."),
]


def _check(backend: RulesBackend, lang: str, type_: str, expected: list[str], absent: list[str], text: str) -> None:
    found = [actor_names(d) for d in of_type(backend, text, lang, type_)]
    assert found, f"no {type_} in {text!r}"
    actors = found[-1]
    assert all(name in actors for name in expected), (text, actors)
    assert not any(name in actors for name in absent), (text, actors)


@pytest.mark.parametrize(("lang", "type_", "expected", "absent", "text"), _SPEAKERS, ids=[f"{c[0]}-{i}" for i, c in enumerate(_SPEAKERS)])
def test_the_speaker_is_an_actor(
    backend: RulesBackend, lang: str, type_: str, expected: list[str], absent: list[str], text: str
) -> None:
    _check(backend, lang, type_, expected, absent, text)


@pytest.mark.parametrize(("lang", "type_", "expected", "absent", "text"), _GUARDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(_GUARDS)])
def test_who_only_reports_comments_or_is_told_is_no_actor(
    backend: RulesBackend, lang: str, type_: str, expected: list[str], absent: list[str], text: str
) -> None:
    _check(backend, lang, type_, expected, absent, text)
