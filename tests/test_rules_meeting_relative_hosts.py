"""A meeting's host or chair named after a relative clause's verb or a Vietnamese "under the
chairmanship of" (cue lists ``host`` and ``host_after``): "на совещании, которое провел
министр X", "на нараді, яку провів міністр X", "una reunión que presidió el ministro X",
"num encontro que presidiu o ministro X", "dưới sự chủ trì của Bộ trưởng X". The
guidelines name a meeting by its hosts or chairs when the article names them. Before, the
meeting had no actor or the country of the dateline or the title. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "host"), [
    ("vi", "HÀ NỘI, 2/6/2025 - Hội nghị Bộ trưởng Nông nghiệp các nước Mekong đã diễn ra hôm thứ Hai tại Hà "
     "Nội dưới sự chủ trì của Bộ trưởng Bộ Nông nghiệp Lê Minh Hoan.", "Lê Minh Hoan"),
    ("ru", "МОСКВА, 2 июня 2025 - Вопросы экспорта зерна обсуждались в понедельник на совещании министров "
     "сельского хозяйства, которое провел министр сельского хозяйства России Дмитрий Патрушев.",
     "Dmitry Patrushev"),
    ("uk", "КИЇВ, 2 червня 2025 - Питання експорту зерна обговорили в понеділок на нараді міністрів, яку "
     "провів міністр аграрної політики України Віталій Коваль.", "Vitalii Koval"),
    ("es", "MADRID, 2 de junio de 2025 - El asunto se trató en una reunión que presidió el ministro de "
     "Exteriores, José Manuel Albares, el lunes en Madrid con sus homólogos europeos.", "José Manuel Albares"),
    ("pt", "LISBOA, 2 de junho de 2025 - Os ministros da Agricultura de Portugal e de Espanha debateram a seca "
     "numa reunião que presidiu o primeiro-ministro Luís Montenegro na segunda-feira em Lisboa.",
     "Luís Montenegro"),
])
def test_the_host_named_after_the_relative_verb_is_the_meetings_actor(
        backend: RulesBackend, lang: str, text: str, host: str) -> None:
    assert actors_of(backend, text, lang, "meeting") == [host]


@pytest.mark.parametrize(("lang", "text", "host"), [
    # the countries before the relative clause are participants, not its host
    ("es", "MADRID, 2 de junio de 2025 - Francia y Alemania participaron el lunes en la reunión que presidió "
     "el ministro de Exteriores, José Manuel Albares.", "José Manuel Albares"),
    # a host word before the name still reads the name before it ("X chủ trì": X chaired)
    ("vi", "HÀ NỘI, 2/6/2025 - Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến với các tỉnh hôm thứ Hai.",
     "Pham Minh Chinh"),
])
def test_guards(backend: RulesBackend, lang: str, text: str, host: str) -> None:
    assert actors_of(backend, text, lang, "meeting") == [host]
