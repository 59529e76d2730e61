"""Small built-in tables the validator falls back on.

Why these exist: grouping needs one key per actor, and "Vladimir Putin said
Russia will not accept ..." must land in the same group as "Russia rejects
...". The claim schema has no affiliation field, so office holders are mapped
to the country (or organisation) they speak for. The table covers heads of
state and government, foreign and defence ministers and spokespeople of
countries and organisations that appear often in international news of
2023-2026; callers can extend or override it with ``affiliations=`` on
:func:`claimkit.consistency.validate`. It is a gazetteer of public offices,
not a list tuned to sample articles; a person not in it keeps a person key.

Names are stored folded (see :func:`claimkit.consistency.keys.fold`).
"""

from __future__ import annotations

from claimkit.consistency._text import fold

__all__ = ["COUNTRY_ALIASES", "LOCATION_ALIASES", "ORG_ALIASES", "PERSON_AFFILIATION"]

# canonical English name -> "c:ISO" (country) or "n:folded name" (organisation)
_PEOPLE: dict[str, list[str]] = {
    "c:US": [
        "Donald Trump", "Joe Biden", "JD Vance", "Kamala Harris", "Marco Rubio",
        "Antony Blinken", "Pete Hegseth", "Lloyd Austin", "Steve Witkoff", "Keith Kellogg",
        "Karoline Leavitt", "Scott Bessent", "Mike Waltz",
    ],
    "c:GB": [
        "Keir Starmer", "Rishi Sunak", "David Lammy", "John Healey", "Yvette Cooper",
        "David Cameron", "Grant Shapps", "King Charles III",
    ],
    "c:FR": [
        "Emmanuel Macron", "Jean-Noel Barrot", "Sebastien Lecornu", "Francois Bayrou",
        "Michel Barnier", "Gabriel Attal", "Stephane Sejourne",
    ],
    "c:DE": [
        "Olaf Scholz", "Friedrich Merz", "Annalena Baerbock", "Johann Wadephul",
        "Boris Pistorius", "Frank-Walter Steinmeier",
    ],
    "c:IT": ["Giorgia Meloni", "Antonio Tajani", "Guido Crosetto", "Sergio Mattarella"],
    "c:ES": ["Pedro Sanchez", "Jose Manuel Albares"],
    "c:RU": [
        "Vladimir Putin", "Sergey Lavrov", "Sergei Lavrov", "Maria Zakharova",
        "Dmitry Peskov", "Dmitry Medvedev", "Yuri Ushakov", "Kirill Dmitriev",
        "Andrei Belousov", "Sergei Shoigu", "Vasily Nebenzya",
    ],
    "c:UA": [
        "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Andrii Sybiha", "Dmytro Kuleba",
        "Andriy Yermak", "Rustem Umerov", "Denys Shmyhal", "Yulia Svyrydenko",
    ],
    "c:CA": ["Mark Carney", "Justin Trudeau", "Melanie Joly", "Anita Anand"],
    "c:AU": ["Anthony Albanese", "Penny Wong", "Richard Marles"],
    "c:JP": ["Shigeru Ishiba", "Fumio Kishida", "Sanae Takaichi", "Takeshi Iwaya"],
    "c:CN": ["Xi Jinping", "Wang Yi", "Li Qiang", "Mao Ning", "Lin Jian"],
    "c:IN": ["Narendra Modi", "Subrahmanyam Jaishankar"],
    "c:TR": ["Recep Tayyip Erdogan", "Hakan Fidan", "Cevdet Yilmaz"],
    "c:HU": ["Viktor Orban", "Peter Szijjarto"],
    "c:SK": ["Robert Fico"],
    "c:PL": ["Donald Tusk", "Andrzej Duda", "Karol Nawrocki", "Radoslaw Sikorski"],
    "c:HR": ["Zoran Milanovic", "Andrej Plenkovic"],
    "c:DK": ["Mette Frederiksen", "Lars Lokke Rasmussen"],
    "c:NO": ["Jonas Gahr Store"],
    "c:SE": ["Ulf Kristersson"],
    "c:FI": ["Alexander Stubb", "Petteri Orpo"],
    "c:NL": ["Dick Schoof"],
    "c:BE": ["Bart De Wever"],
    "c:GR": ["Kyriakos Mitsotakis"],
    "c:PT": ["Luis Montenegro"],
    "c:CZ": ["Petr Fiala", "Andrej Babis", "Petr Pavel"],
    "c:RO": ["Nicusor Dan"],
    "c:EE": ["Kristen Michal"],
    "c:LT": ["Gitanas Nauseda"],
    "c:LV": ["Edgars Rinkevics"],
    "c:IE": ["Micheal Martin", "Simon Harris"],
    "c:AT": ["Christian Stocker", "Karl Nehammer"],
    "c:CH": ["Karin Keller-Sutter", "Ignazio Cassis"],
    "c:KR": ["Lee Jae-myung", "Yoon Suk Yeol"],
    "c:KP": ["Kim Jong Un"],
    "c:BR": ["Luiz Inacio Lula da Silva"],
    "c:IL": ["Benjamin Netanyahu"],
    "c:IR": ["Masoud Pezeshkian", "Ali Khamenei", "Abbas Araghchi"],
    "c:SA": ["Mohammed bin Salman"],
    "c:ZA": ["Cyril Ramaphosa"],
    "c:ID": ["Prabowo Subianto"],
    "c:MY": ["Anwar Ibrahim"],
    "c:BY": ["Alexander Lukashenko"],
    "c:VN": ["To Lam", "Pham Minh Chinh"],
    "n:nato": ["Mark Rutte", "Jens Stoltenberg"],
    "n:european union": [
        "Ursula von der Leyen", "Antonio Costa", "Kaja Kallas", "Charles Michel",
        "Josep Borrell",
    ],
    "n:united nations": ["Antonio Guterres"],
}

#: folded person name -> actor key
PERSON_AFFILIATION: dict[str, str] = {}

#: folded country name or common alias -> ISO 3166-1 alpha-2, for names pycountry misses
COUNTRY_ALIASES: dict[str, str] = {
    "russia": "RU", "iran": "IR", "syria": "SY", "south korea": "KR", "north korea": "KP",
    "turkey": "TR", "turkiye": "TR", "vietnam": "VN", "viet nam": "VN", "taiwan": "TW",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "laos": "LA", "moldova": "MD",
    "czech republic": "CZ", "czechia": "CZ", "britain": "GB", "great britain": "GB",
    "uk": "GB", "united kingdom": "GB", "usa": "US", "us": "US", "united states": "US",
    "united states of america": "US", "america": "US", "palestine": "PS",
    "the netherlands": "NL", "holland": "NL", "ivory coast": "CI", "congo": "CG",
    "democratic republic of the congo": "CD", "brunei": "BN", "micronesia": "FM",
    "vatican": "VA", "holy see": "VA", "kosovo": "XK",
}

#: folded place-name variant -> canonical folded name (transliteration variants only)
LOCATION_ALIASES: dict[str, str] = {
    "kiev": "kyiv", "kiew": "kyiv", "kijev": "kyiv", "odessa": "odesa", "kharkov": "kharkiv",
    "lvov": "lviv", "dnepr": "dnipro", "peking": "beijing", "bombay": "mumbai",
    "new york city": "new york", "washington dc": "washington", "washington d c": "washington",
    "den haag": "the hague", "hague": "the hague", "bruxelles": "brussels", "brussel": "brussels",
    "geneve": "geneva", "genf": "geneva", "moskva": "moscow", "roma": "rome", "koln": "cologne",
    "munchen": "munich", "wien": "vienna", "lisboa": "lisbon", "warszawa": "warsaw",
    "praha": "prague", "ankara city": "ankara", "constantinople": "istanbul",
}


def _fill() -> None:
    for key, names in _PEOPLE.items():
        for name in names:
            PERSON_AFFILIATION[fold(name)] = key


_fill()

#: folded organisation abbreviation -> folded canonical name
ORG_ALIASES: dict[str, str] = {
    "eu": "european union", "un": "united nations", "north atlantic treaty organization": "nato",
    "north atlantic treaty organisation": "nato", "coalition of the willing": "coalition of the willing",
    "g7": "group of seven", "g20": "group of twenty",
}
