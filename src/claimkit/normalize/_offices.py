"""Offices that name a person in news but are no title of the gazetteer's, per language.

Private to :mod:`claimkit.normalize._officials`. The gazetteer's titles are those of
government and diplomacy ("Foreign Minister", "porte-parole", "Bộ trưởng"); news name
many more people by the office they hold in a body, a city or a company: "Mayor Ellen
Brady", "der Direktor des Bundesamtes für X, Name", "Wiceminister Tomasz Zieliński",
"Ravnatelj HZZO-a Lucian Vukelić", "Direktur Jenderal Pajak Suryo Utomo", "Giám đốc Sở Y
tế Hà Nội Trần Thị Nhị Hà", "Jane Whitfield, chief executive of the Water Authority,".
A name beside such an office is a person named as written, read by the officials finder
as it reads one beside a title (after it, in apposition after it, before ", office");
an office names no group, so the person speaks for no country by it.

The offices are folded (:func:`~claimkit.text.fold_case`), whole words; the longest
one at a place wins. German writes most offices as one compound word ending in one
(``_COMPOUND_TITLES`` of the officials finder); the German list here holds the bare
heads and those compounds that end otherwise.
"""

from __future__ import annotations

import functools
from typing import Any

from claimkit.normalize._gazetteer_index import length_automaton

__all__ = ["GENITIVE_OFFICES", "office_automaton", "office_words"]

#: per language, the folded offices (and their feminine forms) that name a person
_OFFICES: dict[str, tuple[str, ...]] = {
    "en": (
        "director", "director general", "director-general", "deputy director", "executive director",
        "managing director", "chief executive", "chief executive officer", "ceo", "chief",
        "head", "mayor", "deputy mayor", "lord mayor", "chair", "vice chair", "vice-chair",
        "commissioner", "deputy minister", "state secretary", "minister of state",
        "undersecretary", "under-secretary", "permanent secretary", "attorney general",
        "attorney-general", "prosecutor", "chief prosecutor", "police chief", "rector",
        "coordinator", "administrator", "president and chief executive", "chief economist",
        "governor general", "regional governor", "inspector general", "deputy governor",
        "commander", "chief negotiator", "negotiator", "lawmaker", "congressman", "congresswoman",
        "mp", "mep", "official", "senior official",
    ),
    "de": (
        "direktor", "direktorin", "generaldirektor", "generaldirektorin", "leiter", "leiterin",
        "vorsitzende", "vorsitzender", "vorstand", "geschäftsführer", "geschäftsführerin",
        "bürgermeister", "bürgermeisterin", "oberbürgermeister", "oberbürgermeisterin",
        "landrat", "landrätin", "gouverneur", "gouverneurin", "senator", "senatorin",
        "chef", "chefin", "staatssekretär", "staatssekretärin", "präses", "rektor", "rektorin",
        "vizekanzler", "vizekanzlerin", "staatsanwalt", "staatsanwältin", "kommissar", "kommissarin",
        "kommandeur", "kommandeurin", "verhandlungsführer", "verhandlungsführerin", "abgeordnete",
        "abgeordneter", "europaabgeordnete", "europaabgeordneter",
    ),
    "fr": (
        "directeur", "directrice", "directeur général", "directrice générale", "directeur adjoint",
        "directrice adjointe", "président-directeur général", "pdg", "maire", "adjoint au maire",
        "adjointe au maire", "préfet", "préfète", "recteur", "rectrice", "sénateur", "sénatrice",
        "député", "députée", "chef", "cheffe", "responsable", "délégué", "déléguée", "procureur",
        "procureure", "procureur de la république", "conseiller", "conseillère", "coordinateur",
        "coordinatrice", "dirigeant", "dirigeante", "patron", "patronne", "haut-commissaire",
        "haute-commissaire", "commandant", "négociateur", "négociatrice", "eurodéputé", "eurodéputée",
    ),
    "es": (
        "director", "directora", "director general", "directora general", "alcalde", "alcaldesa",
        "consejero", "consejera", "consejero delegado", "consejera delegada", "jefe", "jefa",
        "responsable", "delegado", "delegada", "subsecretario", "subsecretaria", "fiscal",
        "fiscal general", "senador", "senadora", "diputado", "diputada", "coordinador",
        "coordinadora", "gerente", "titular", "conseller", "consellera", "intendente",
        "prefecto", "prefecta", "subdirector", "subdirectora", "vicepresidente", "vicepresidenta",
        "vocero", "vocera", "comandante", "negociador", "negociadora", "eurodiputado", "eurodiputada",
        "congresista", "canciller",
    ),
    "it": (
        "direttore", "direttrice", "direttore generale", "direttrice generale", "sindaco", "sindaca",
        "prefetto", "assessore", "assessora", "capo", "responsabile", "amministratore delegato",
        "amministratrice delegata", "viceministro", "viceministra", "senatore", "senatrice",
        "deputato", "deputata", "procuratore", "procuratrice", "questore", "rettore", "rettrice",
        "coordinatore", "coordinatrice", "consigliere", "consigliera", "vicepresidente",
        "comandante", "negoziatore", "negoziatrice", "eurodeputato", "eurodeputata",
    ),
    "pt": (
        "diretor", "diretora", "diretor-geral", "diretora-geral", "diretor-presidente",
        "diretora-presidente", "prefeito", "prefeita", "chefe", "responsável", "presidente-executivo",
        "presidente-executiva", "deputado", "deputada", "senador", "senadora", "autarca", "vereador",
        "vereadora", "procurador", "procuradora", "procurador-geral", "procuradora-geral",
        "coordenador", "coordenadora", "superintendente", "vice-governador", "vice-governadora",
        "vice-prefeito", "vice-prefeita", "comandante", "negociador", "negociadora", "eurodeputado",
        "eurodeputada",
    ),
    "pl": (
        "dyrektor", "dyrektorka", "dyrektor generalny", "wiceminister", "wiceministra",
        "marszałek", "wicemarszałek", "wojewoda", "burmistrz", "starosta", "wójt",
        "przewodniczący", "przewodnicząca", "pełnomocnik", "sekretarz stanu", "podsekretarz stanu",
        "komendant", "komendant główny", "prokurator", "prokurator krajowy", "poseł", "posłanka",
        "senator", "senatorka", "kierownik", "kierowniczka", "naczelnik", "wiceprezes", "prezes zarządu",
        "prezydent miasta", "zastępca", "zastępczyni", "dowódca", "negocjator", "negocjatorka",
        "europoseł", "europosłanka",
    ),
    "hr": (
        "ravnatelj", "ravnateljica", "glavni ravnatelj", "glavna ravnateljica", "direktor", "direktorica",
        "gradonačelnik", "gradonačelnica", "župan", "županica", "načelnik", "načelnica",
        "državni tajnik", "državna tajnica", "zamjenik", "zamjenica", "zastupnik", "zastupnica",
        "šef", "šefica", "čelnik", "čelnica", "povjerenik", "povjerenica", "pročelnik", "pročelnica",
        "tužitelj", "tužiteljica", "predsjednik uprave", "predsjednica uprave", "potpredsjednica",
        "zapovjednik", "pregovarač", "pregovaračica", "eurozastupnik", "eurozastupnica",
    ),
    "tr": (
        "müdürü", "müdür", "genel müdür yardımcısı", "başkan yardımcısı", "başkanvekili",
        "genel sekreteri", "valisi", "vali", "kaymakamı", "rektörü", "milletvekili",
        "başsavcısı", "başsavcı", "koordinatörü", "direktörü", "temsilcisi", "büyükelçisi",
        "yönetim kurulu başkanı", "icra kurulu başkanı", "genel başkanı", "başkanı", "bakan yardımcısı",
        "başhekimi", "başhekim", "dekanı", "komutanı", "müsteşarı", "müzakerecisi", "başmüzakereci",
    ),
    "id": (
        "direktur", "direktur jenderal", "dirjen", "direktur utama", "dirut", "direktur eksekutif",
        "gubernur", "wakil gubernur", "bupati", "wakil bupati", "wali kota", "walikota",
        "wakil wali kota", "deputi", "komisaris", "komisaris utama", "kapolri", "kapolda",
        "kepala dinas", "pelaksana tugas", "plt", "wakil menteri", "wamen", "wakil ketua",
        "sekretaris", "inspektur jenderal", "jaksa agung", "ketua umum", "anggota", "komandan",
        "panglima", "kepala staf", "juru runding", "ketua tim",
    ),
    "vi": (
        "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc", "phó chủ tịch",
        "thống đốc", "phó thống đốc", "bí thư", "phó bí thư", "trưởng ban", "phó trưởng ban",
        "cục trưởng", "phó cục trưởng", "vụ trưởng", "phó vụ trưởng", "viện trưởng",
        "tổng cục trưởng", "chánh án", "đại diện thương mại", "trưởng phòng", "hiệu trưởng",
        "phó thủ tướng", "phát ngôn viên", "thị trưởng", "tỉnh trưởng", "chủ nhiệm",
        "phó chủ nhiệm", "người đứng đầu", "trưởng đoàn", "tư lệnh", "giám đốc điều hành",
        "trưởng đoàn đàm phán", "đại biểu", "phó tư lệnh",
    ),
}  # fmt: skip


@functools.cache
def office_automaton(lang: str | None) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of the folded offices of ``lang``: office
    -> its length; None for a language without offices. Built on the first question."""
    return length_automaton(_OFFICES.get(lang or "", ()))


#: the function words inside offices ("minister *of* state", "procureur *de la* République"),
#: which are no office words
_JOINS = frozenset({"of", "the", "and", "de", "la", "au", "della", "da", "du", "miasta"})


#: the Polish and Croatian offices whose body may follow in the genitive, in lower case
#: ("dyrektor *szpitala* X", "glavni ravnatelj *policije* X")
GENITIVE_OFFICES = tuple(o for lang in ("pl", "hr") for o in _OFFICES[lang])


def office_words() -> frozenset[str]:
    """Every word of every office but the function words inside them, folded: words that
    end a name ("Director", "Leiterin") and may stand between a title and a name. Not the
    Vietnamese syllables, which are syllables of names too ("Thị", "Đoàn", "Hiệu")."""
    return frozenset(w for lang, words in _OFFICES.items() if lang != "vi"  # syllables of names too
                     for o in words for w in o.split() if w not in _JOINS)
