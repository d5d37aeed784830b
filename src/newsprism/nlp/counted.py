"""What an amount counts, keyed alike in every language.

A comparison tells two sources' numbers apart only when they count the same thing: "12 people
killed" and "15 personas muertas" are one toll, "300 homes destroyed" and "250 домов разрушены" one
count of houses.  Within one language the counted noun as written is the key (compare/conflicts.py);
across languages it is the English key this module gives:

- :func:`counted_key`: the counted noun or unit of an amount, from the unit :mod:`numbers` found or
  from the words right after the amount ("46 новых кораблей": ships), as an English key ("people",
  "homes", "ships", "tons", "USD" ...), or None when the noun is not in the lexicon;
- :func:`role_in`: what happened to what a count counts, from the words around it in its clause
  ("matando a 15 personas": dead; "погибли 12 человек": dead; "12人が死亡": dead);
- :func:`magnitude_in`: is the amount a quake's magnitude ("magnitud 6,8", "магнитудой 6,8")?

The lexicon covers the languages most read in news: Spanish, French, German, Italian, Portuguese,
Dutch, Russian, Ukrainian, Polish, Czech, Turkish, Indonesian, Japanese and Chinese.  Slavic words
are listed in the cases an amount takes (a word ending in ``*`` is a prefix: "корабл*" is every
case of "корабль").  A noun not listed gives no key, so its amounts are compared within their
language only: a missing word loses a conflict, it never makes one up.
"""

from __future__ import annotations

import re
from functools import cache

from .numbers import CURRENCIES
from .tokenize import ALPHA

__all__ = ["MEASURE_KEYS", "counted_key", "magnitude_in", "role_in"]

# key -> language -> forms (a trailing * marks a prefix)
_NOUNS: dict[str, dict[str, str]] = {
    "people": {
        "en": "people persons person",
        "es": "personas persona",
        "fr": "personnes personne",
        "de": "menschen personen",
        "it": "persone persona",
        "pt": "pessoas pessoa",
        "nl": "mensen personen",
        "ru": "человек человека людей люди",
        "uk": "людей людини осіб особи",
        "pl": "osób osoby ludzi",
        "cs": "lidí lidé osob osoby",
        "tr": "kişi insan",
        "id": "orang",
    },
    "soldiers": {
        "en": "soldiers troops servicemen",
        "es": "soldados militares efectivos",
        "fr": "soldats militaires",
        "de": "soldaten",
        "it": "soldati militari",
        "pt": "soldados militares",
        "nl": "soldaten militairen",
        "ru": "военных военнослужащих солдат",
        "uk": "військових військовослужбовців солдатів",
        "pl": "żołnierzy",
        "cs": "vojáků vojáci",
        "tr": "asker",
        "id": "tentara prajurit",
    },
    "people dead": {
        "en": "dead deaths fatalities",
        "es": "muertos fallecidos muertes fallecimientos",
        "fr": "morts décès",
        "de": "tote toten todesopfer todesfälle",
        "it": "morti decessi",
        "pt": "mortos mortes óbitos",
        "nl": "doden sterfgevallen",
        "ru": "погибших погибли погибло умерших смертей",
        "uk": "загиблих загинули загинуло померлих",
        "pl": "zabitych zmarłych",
        "cs": "mrtvých",
    },
    "people injured": {
        "en": "injured wounded",
        "es": "heridos",
        "fr": "blessés",
        "de": "verletzte verletzten",
        "it": "feriti",
        "pt": "feridos",
        "nl": "gewonden",
        "ru": "раненых ранены пострадавших",
        "uk": "поранених поранені",
        "pl": "rannych",
        "cs": "zraněných",
    },
    "people missing": {
        "en": "missing",
        "es": "desaparecidos",
        "fr": "disparus",
        "de": "vermisste vermissten",
        "it": "dispersi",
        "pt": "desaparecidos",
        "nl": "vermisten",
        "ru": "пропавших",
        "uk": "зниклих",
    },
    "victims": {
        "en": "victims",
        "es": "víctimas",
        "fr": "victimes",
        "de": "opfer",
        "it": "vittime",
        "pt": "vítimas",
        "nl": "slachtoffers",
        "ru": "жертв жертвы",
        "uk": "жертв жертви",
        "pl": "ofiar",
        "cs": "obětí oběti",
    },
    "homes": {
        "en": "homes houses",
        "es": "viviendas casas hogares",
        "fr": "maisons logements habitations",
        "de": "häuser wohnungen",
        "it": "case abitazioni",
        "pt": "casas moradias residências",
        "nl": "huizen woningen",
        "ru": "домов дома жилых",
        "uk": "будинків будинки",
        "pl": "domów domy",
        "cs": "domů domy",
    },
    "buildings": {
        "en": "buildings",
        "es": "edificios",
        "fr": "bâtiments immeubles",
        "de": "gebäude",
        "it": "edifici",
        "pt": "edifícios prédios",
        "nl": "gebouwen",
        "ru": "зданий здания",
        "uk": "будівель будівлі",
        "pl": "budynków",
        "cs": "budov",
    },
    "ships": {
        "en": "ships vessels warships",
        "es": "buques barcos",
        "fr": "navires bateaux",
        "de": "schiffe kriegsschiffe",
        "it": "navi",
        "pt": "navios",
        "nl": "schepen",
        "ru": "корабл*",
        "uk": "корабл*",
        "pl": "okrętów statków",
        "cs": "lodí lodě",
    },
    "aircraft": {
        "en": "aircraft planes jets airplanes",
        "es": "aviones aeronaves",
        "fr": "avions appareils",
        "de": "flugzeuge",
        "it": "aerei",
        "pt": "aviões aeronaves",
        "nl": "vliegtuigen",
        "ru": "самолет* самолёт*",
        "uk": "літак*",
        "pl": "samolotów",
        "cs": "letadel letadla",
    },
    "helicopters": {
        "en": "helicopters",
        "es": "helicópteros",
        "fr": "hélicoptères",
        "de": "hubschrauber",
        "it": "elicotteri",
        "pt": "helicópteros",
        "nl": "helikopters",
        "ru": "вертолет* вертолёт*",
        "uk": "вертольот*",
        "pl": "śmigłowców",
        "cs": "vrtulníků",
    },
    "cases": {
        "en": "cases infections",
        "es": "casos contagios",
        "fr": "cas",
        "de": "fälle infektionen neuinfektionen",
        "it": "casi contagi",
        "pt": "casos",
        "nl": "gevallen besmettingen",
        "ru": "случаев случая случай заражений заболевших",
        "uk": "випадків випадки",
        "pl": "przypadków zakażeń",
        "cs": "případů",
    },
    "votes": {
        "en": "votes",
        "es": "votos",
        "fr": "voix",
        "de": "stimmen",
        "it": "voti",
        "pt": "votos",
        "nl": "stemmen",
        "ru": "голосов",
        "uk": "голосів",
        "pl": "głosów",
        "cs": "hlasů",
    },
    "workers": {
        "en": "workers employees staff",
        "es": "trabajadores empleados",
        "fr": "salariés employés travailleurs",
        "de": "mitarbeiter beschäftigte arbeiter",
        "it": "lavoratori dipendenti",
        "pt": "trabalhadores funcionários",
        "nl": "werknemers medewerkers",
        "ru": "работников сотрудников рабочих",
        "uk": "працівників",
        "pl": "pracowników",
        "cs": "zaměstnanců",
    },
    "children": {
        "en": "children kids",
        "es": "niños",
        "fr": "enfants",
        "de": "kinder",
        "it": "bambini",
        "pt": "crianças",
        "nl": "kinderen",
        "ru": "детей",
        "uk": "дітей",
        "pl": "dzieci",
        "cs": "dětí",
    },
    "students": {
        "en": "students pupils",
        "es": "estudiantes alumnos",
        "fr": "étudiants élèves",
        "de": "schüler studenten",
        "it": "studenti",
        "pt": "estudantes alunos",
        "nl": "studenten leerlingen",
        "ru": "студентов школьников учащихся",
        "uk": "студентів учнів",
        "pl": "studentów uczniów",
        "cs": "studentů žáků",
    },
    "passengers": {
        "en": "passengers",
        "es": "pasajeros",
        "fr": "passagers",
        "de": "passagiere",
        "it": "passeggeri",
        "pt": "passageiros",
        "nl": "passagiers",
        "ru": "пассажиров",
        "uk": "пасажирів",
        "pl": "pasażerów",
        "cs": "cestujících",
    },
    "migrants": {
        "en": "migrants refugees",
        "es": "migrantes refugiados",
        "fr": "migrants réfugiés",
        "de": "migranten flüchtlinge",
        "it": "migranti profughi",
        "pt": "migrantes refugiados",
        "nl": "migranten vluchtelingen",
        "ru": "мигрантов беженцев",
        "uk": "мігрантів біженців",
        "pl": "migrantów uchodźców",
        "cs": "migrantů uprchlíků",
    },
    "countries": {
        "en": "countries nations",
        "es": "países",
        "fr": "pays",
        "de": "länder staaten",
        "it": "paesi",
        "pt": "países",
        "nl": "landen",
        "ru": "стран страны",
        "uk": "країн країни",
        "pl": "krajów państw",
        "cs": "zemí států",
    },
    "police": {
        "en": "police policemen",
        "es": "policías agentes",
        "fr": "policiers",
        "de": "polizisten",
        "it": "agenti poliziotti",
        "pt": "policiais polícias",
        "nl": "agenten",
        "ru": "полицейских",
        "uk": "поліцейських",
        "pl": "policjantów",
        "cs": "policistů",
    },
    "barrels": {
        "en": "barrels",
        "es": "barriles",
        "fr": "barils",
        "de": "barrel fass",
        "it": "barili",
        "pt": "barris",
        "nl": "vaten",
        "ru": "баррел*",
        "uk": "барел*",
    },
    "points": {
        "en": "points",
        "es": "puntos",
        "fr": "points",
        "de": "punkte punkten",
        "it": "punti",
        "pt": "pontos",
        "nl": "punten",
        "ru": "очков очка очки очко",
        "uk": "очок очки",
        "pl": "punktów punkty",
        "cs": "bodů body",
    },
    "goals": {
        "en": "goals",
        "es": "goles",
        "fr": "buts",
        "de": "tore toren",
        "it": "gol reti",
        "pt": "gols golos",
        "nl": "doelpunten",
        "ru": "голов гола гол",
        "uk": "голів голи",
        "pl": "bramek gole",
        "cs": "gólů góly",
    },
    "matches": {
        "en": "matches games",
        "es": "partidos",
        "fr": "matchs matches",
        "de": "spiele spielen",
        "it": "partite",
        "pt": "jogos partidas",
        "nl": "wedstrijden",
        "ru": "матч*",
        "uk": "матч*",
        "pl": "meczów mecze",
        "cs": "zápasů zápasy",
    },
    "patients": {
        "en": "patients",
        "es": "pacientes",
        "fr": "patients malades",
        "de": "patienten",
        "it": "pazienti",
        "pt": "pacientes",
        "nl": "patiënten",
        "ru": "пациент* больных",
        "uk": "пацієнт* хворих",
        "pl": "pacjentów",
        "cs": "pacientů",
    },
    "vehicles": {
        "en": "vehicles cars",
        "es": "vehículos coches",
        "fr": "véhicules voitures",
        "de": "fahrzeuge autos",
        "it": "veicoli auto",
        "pt": "veículos carros",
        "nl": "voertuigen auto's",
        "ru": "машин машины автомобил*",
        "uk": "машин автомобіл*",
        "pl": "pojazdów samochodów",
        "cs": "vozidel aut",
    },
    "teams": {
        "en": "teams clubs",
        "es": "equipos clubes",
        "fr": "équipes clubs",
        "de": "mannschaften teams klubs vereine",
        "it": "squadre club",
        "pt": "equipes equipas clubes",
        "nl": "teams clubs ploegen",
        "ru": "команд клубов",
        "uk": "команд клубів",
        "pl": "drużyn klubów",
        "cs": "týmů klubů",
    },
    "citizens": {
        "en": "citizens nationals",
        "es": "ciudadanos",
        "fr": "citoyens ressortissants",
        "de": "bürger staatsbürger",
        "it": "cittadini",
        "pt": "cidadãos",
        "nl": "burgers",
        "ru": "гражда*",
        "uk": "громадян*",
        "pl": "obywateli",
        "cs": "občanů",
    },
    "donors": {
        "en": "donors",
        "es": "donantes",
        "fr": "donneurs",
        "de": "spender",
        "it": "donatori",
        "pt": "doadores",
        "nl": "donoren",
        "ru": "донор*",
        "uk": "донор*",
        "pl": "dawców",
        "cs": "dárců",
    },
    # measures
    "kilograms": {
        "en": "kilograms kg kilos",
        "es": "kilogramos kilos kg",
        "fr": "kilogrammes kilos kg",
        "de": "kilogramm kilo kg",
        "it": "chilogrammi chili kg",
        "pt": "quilos quilogramas kg",
        "nl": "kilogram kilo kg",
        "ru": "килограмм* кг",
        "uk": "кілограм* кг",
        "pl": "kilogramów kg",
        "cs": "kilogramů kilogramy kg",
    },
    "centimeters": {
        "en": "centimeters centimetres cm",
        "es": "centímetros cm",
        "fr": "centimètres cm",
        "de": "zentimeter cm",
        "it": "centimetri cm",
        "pt": "centímetros cm",
        "nl": "centimeter cm",
        "ru": "сантиметр* см",
        "uk": "сантиметр* см",
        "pl": "centymetrów cm",
        "cs": "centimetr* cm",
    },
    "kilometers": {
        "en": "kilometers km",
        "es": "kilómetros km",
        "fr": "kilomètres km",
        "de": "kilometer km",
        "it": "chilometri km",
        "pt": "quilômetros quilómetros km",
        "nl": "kilometer km",
        "ru": "километр* км",
        "uk": "кілометр* км",
        "pl": "kilometrów km",
        "cs": "kilometr* km",
        "tr": "kilometre km",
        "id": "kilometer km",
    },
    "meters": {
        "en": "meters",
        "es": "metros",
        "fr": "mètres",
        "de": "meter",
        "it": "metri",
        "pt": "metros",
        "nl": "meter",
        "ru": "метров метра",
        "uk": "метрів метри",
        "pl": "metrów",
        "cs": "metr*",
        "tr": "metre",
        "id": "meter",
    },
    "miles": {"en": "miles", "es": "millas", "fr": "milles", "de": "meilen", "it": "miglia", "ru": "миль"},
    "tons": {
        "en": "tons",
        "es": "toneladas",
        "fr": "tonnes",
        "de": "tonnen",
        "it": "tonnellate",
        "pt": "toneladas",
        "nl": "ton",
        "ru": "тонн тонны",
        "uk": "тонн тонни",
        "pl": "ton",
        "cs": "tun tuny",
        "tr": "ton",
        "id": "ton",
    },
    "hectares": {
        "en": "hectares",
        "es": "hectáreas",
        "fr": "hectares",
        "de": "hektar",
        "it": "ettari",
        "pt": "hectares",
        "nl": "hectare",
        "ru": "гектар*",
        "uk": "гектар*",
        "pl": "hektarów",
        "cs": "hektarů",
    },
    "degrees": {
        "en": "degrees",
        "es": "grados",
        "fr": "degrés",
        "de": "grad",
        "it": "gradi",
        "pt": "graus",
        "nl": "graden",
        "ru": "градус*",
        "uk": "градус*",
        "pl": "stopni",
        "cs": "stupňů",
    },
    "percent": {"en": "percent"},
    "years": {
        "en": "years",
        "es": "años",
        "fr": "ans années",
        "de": "jahre jahren",
        "it": "anni",
        "pt": "anos",
        "nl": "jaar jaren",
        "ru": "лет года годы годам годами",
        "uk": "років роки рокам",
        "pl": "lat",
        "cs": "let roků roky",
    },
    "months": {
        "en": "months",
        "es": "meses",
        "fr": "mois",
        "de": "monate monaten",
        "it": "mesi",
        "pt": "meses",
        "nl": "maanden",
        "ru": "месяц*",
        "uk": "місяц*",
        "pl": "miesięcy",
        "cs": "měsíců měsíce",
    },
    "weeks": {
        "en": "weeks",
        "es": "semanas",
        "fr": "semaines",
        "de": "wochen",
        "it": "settimane",
        "pt": "semanas",
        "nl": "weken",
        "ru": "недел*",
        "uk": "тижн*",
        "pl": "tygodni",
        "cs": "týdnů týdny",
    },
    "days": {
        "en": "days",
        "es": "días",
        "fr": "jours",
        "de": "tage tagen",
        "it": "giorni",
        "pt": "dias",
        "nl": "dagen",
        "ru": "дней дня",
        "uk": "днів дні",
        "pl": "dni",
        "cs": "dní dnů dny",
    },
    "hours": {
        "en": "hours",
        "es": "horas",
        "fr": "heures",
        "de": "stunden",
        "it": "ore",
        "pt": "horas",
        "nl": "uur",
        "ru": "час*",
        "uk": "годин*",
        "pl": "godzin",
        "cs": "hodin hodiny",
    },
    "minutes": {
        "en": "minutes",
        "es": "minutos",
        "fr": "minutes",
        "de": "minuten",
        "it": "minuti",
        "pt": "minutos",
        "nl": "minuten",
        "ru": "минут*",
        "uk": "хвилин*",
        "pl": "minut",
        "cs": "minut minuty",
    },
}

MEASURE_KEYS = frozenset(
    "kilograms centimeters kilometers meters miles tons hectares degrees percent years months weeks days hours"
    " minutes".split()
)
"""Keys that measure rather than count: they take no role ("40 tons destroyed" is no toll)."""

# English units as :mod:`numbers` gives them (its synonyms applied), when another language's unit
# is already one of them ("человек" -> "people", "12人" -> "people", "40隻" -> "ships")
_ENGLISH_UNITS = {
    "people": "people",
    "soldiers": "soldiers",
    "troops": "soldiers",
    "dead": "people dead",
    "deaths": "people dead",
    "fatalities": "people dead",
    "casualties": None,  # dead, or dead and injured: told apart by no language
    "injured": "people injured",
    "wounded": "people injured",
    "victims": "victims",
    "homes": "homes",
    "houses": "homes",
    "ships": "ships",
    "aircraft": "aircraft",
    "planes": "aircraft",
    "kilometers": "kilometers",
    "km": "kilometers",
    "meters": "meters",
    "miles": "miles",
    "tons": "tons",
    "percent": "percent",
    "years": "years",
    "months": "months",
    "weeks": "weeks",
    "days": "days",
    "hours": "hours",
    "minutes": "minutes",
}

# role -> language -> stems (prefixes); English roles are read by compare/conflicts.py
_ROLE_STEMS: dict[str, dict[str, str]] = {
    "dead": {
        "es": "muert murió murieron mató matando mataron fallec",
        "fr": "mort tué tués tuant décéd péri",
        "de": "tote getötet starb starben gestorben verstorben umgekommen",
        "it": "mort uccis decedut",
        "pt": "mort matou matando mataram falec",
        "nl": "dood doden omgekomen overleden gedood",
        "ru": "погиб убит убил умер умерл смерт скончал",
        "uk": "загин загибл вбит вбил помер смерт",
        "pl": "zgin zabit zabił zmarł zmarli śmier",
        "cs": "zemřel zemřeli zemřelo zahynul zahynuli zabit zabil mrtv",
        "tr": "öldü ölü hayatını",
        "id": "tewas meninggal",
        "ja": "死亡 死者 亡くな 死去",
        "zh": "死亡 遇难 丧生 身亡 罹难 死者",
    },
    "injured": {
        "es": "herid hiri",
        "fr": "bless",
        "de": "verletz",
        "it": "ferit ferì",
        "pt": "ferid",
        "nl": "gewond",
        "ru": "ранен ранил травм пострада",
        "uk": "поранен травм постражда",
        "pl": "rann",
        "cs": "zraněn",
        "tr": "yaral",
        "id": "luka",
        "ja": "負傷 けが 重傷 軽傷",
        "zh": "受伤 伤者 负伤",
    },
    "missing": {
        "es": "desaparec",
        "fr": "disparu",
        "de": "vermisst",
        "it": "dispers",
        "pt": "desaparec",
        "nl": "vermist",
        "ru": "пропал пропавш",
        "uk": "зник",
        "pl": "zagin",
        "cs": "pohřešov",
        "tr": "kayıp",
        "id": "hilang",
        "ja": "行方不明",
        "zh": "失踪",
    },
    "arrested": {
        "es": "detenid arrest",
        "fr": "arrêt interpell",
        "de": "festgenommen verhaftet",
        "it": "arrest",
        "pt": "presos presas preso detid",
        "nl": "gearresteerd aangehouden",
        "ru": "задержа арестова",
        "uk": "затрима заарешт",
        "pl": "zatrzyma aresztowa",
        "cs": "zatčen zadržen",
        "tr": "gözaltı tutuklan",
        "id": "ditangkap",
        "ja": "逮捕",
        "zh": "逮捕 被捕 拘留",
    },
    "displaced": {
        "es": "evacu desplaz",
        "fr": "évacu déplac",
        "de": "evakuiert obdachlos",
        "it": "evacu sfollat",
        "pt": "evacu desaloj desabrig",
        "nl": "geëvacueerd",
        "ru": "эвакуир",
        "uk": "евакуй",
        "pl": "ewakuowa",
        "cs": "evakuov",
        "tr": "tahliye",
        "id": "mengungsi dievakuasi",
        "ja": "避難",
        "zh": "疏散 撤离",
    },
    "rescued": {
        "es": "rescat",
        "fr": "secouru sauvé",
        "de": "gerettet",
        "it": "salvat",
        "pt": "resgat",
        "nl": "gered",
        "ru": "спасен спасл",
        "uk": "врятува",
        "pl": "uratowa",
        "cs": "zachrán",
        "ja": "救助",
        "zh": "获救",
    },
    "destroyed": {
        "es": "destru derrumb",
        "fr": "détrui effondr",
        "de": "zerstört eingestürzt",
        "it": "distrutt crollat",
        "pt": "destru",
        "nl": "verwoest ingestort",
        "ru": "разруш уничтож",
        "uk": "зруйн знищ",
        "pl": "zniszcz",
        "cs": "zničen",
        "ja": "全壊 倒壊",
        "zh": "倒塌 摧毁",
    },
    "damaged": {
        "es": "dañ",
        "fr": "endommag",
        "de": "beschädigt",
        "it": "danneggi",
        "pt": "danific",
        "nl": "beschadigd",
        "ru": "поврежд",
        "uk": "пошкод",
        "pl": "uszkodz",
        "cs": "poškozen",
        "ja": "損壊 半壊",
        "zh": "损坏 受损",
    },
}
_ROLE_ORDER = ("dead", "injured", "missing", "arrested", "displaced", "rescued", "destroyed", "damaged")

# conjunctions that end a count's reach ("matando a 15 personas e hiriendo a 30": 30 are injured)
_STOPS: dict[str, str] = {
    "es": "y e o pero mientras",
    "fr": "et ou mais tandis",
    "de": "und oder aber während",
    "it": "e ed o ma mentre",
    "pt": "e ou mas enquanto",
    "nl": "en of maar terwijl",
    "ru": "и или а но",
    "uk": "і й та або а але",
    "pl": "i oraz lub a ale",
    "cs": "a nebo ale",
    "tr": "ve veya ama",
    "id": "dan atau tetapi",
}

_MAGNITUDE = {
    "es": "magnitud",
    "fr": "magnitude",
    "de": "magnitude stärke",
    "it": "magnitudo",
    "pt": "magnitude",
    "nl": "magnitude kracht",
    "ru": "магнитуд*",
    "uk": "магнітуд*",
    "pl": "magnitud*",
    "cs": "magnitud*",
    "tr": "büyüklüğünde",
    "id": "magnitudo",
}

_WORD = re.compile(rf"{ALPHA}+(?:[-'’]{ALPHA}+)*")
_CLAUSE = re.compile(r"[,;:()\u2013\u2014.!?。、，；：！？\n]")
_CJK_WINDOW = 8


@cache
def _forms(lang: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The language's noun forms: exact forms -> key, and (prefix, key) pairs."""
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for key, by_lang in _NOUNS.items():
        for form in by_lang.get(lang, "").split():
            if form.endswith("*"):
                prefixes.append((form[:-1], key))
            else:
                exact.setdefault(form, key)
    return exact, tuple(prefixes)


def _noun_key(word: str, lang: str) -> str | None:
    exact, prefixes = _forms(lang)
    low = word.lower()
    if low in exact:
        return exact[low]
    return next((key for p, key in prefixes if low.startswith(p)), None)


def counted_key(text: str, start: int, end: int, unit: str | None, language: str | None) -> str | None:
    """The English key of what the amount at ``text[start:end]`` counts or measures (``unit``: the
    unit :func:`numbers.find_quantities` gave it): a currency code, a noun of the lexicon, or None.
    Without a unit, the first listed noun among the three words after the amount, in its clause
    ("46 новых кораблей": ships)."""
    lang = language or "en"
    if unit is not None:
        if unit in CURRENCIES:
            return unit
        key = _noun_key(unit, lang) if lang != "en" else None
        if key is None:  # an English unit, as numbers gives it ("человек" -> "people", "40隻" -> "ships")
            key = _ENGLISH_UNITS[unit] if unit in _ENGLISH_UNITS else _noun_key(unit, "en")
        if key is not None or lang in ("en", "ja", "zh", "ko"):
            return key
    if lang in ("en", "ja", "zh", "ko"):
        return None
    stop = _CLAUSE.search(text, end)
    limit = stop.start() if stop else len(text)
    for k, m in enumerate(_WORD.finditer(text, end, limit)):
        if k >= 3 or any(c.isdigit() for c in text[end : m.start()]):
            return None
        key = _noun_key(m.group(), lang)
        if key is not None:
            return key
    return None


@cache
def _stems(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((stem, role) for role in _ROLE_ORDER for stem in _ROLE_STEMS[role].get(lang, "").split())


def role_in(text: str, start: int, end: int, language: str | None) -> str | None:
    """What happened to what the amount at ``text[start:end]`` counts, read in the language's own
    words: among the three words before it and the five after it in its clause, up to a
    conjunction (in Japanese and Chinese, the characters around it).  The gravest role wins
    ("dead" before "injured"); None when none is near or the language is English (read by the
    comparison's own rule)."""
    lang = language or "en"
    stems = _stems(lang)
    if not stems:
        return None
    left_break = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = _CLAUSE.search(text, end)
    right_break = right.start() if right else len(text)
    if lang in ("ja", "zh"):
        window = (
            text[max(left_break, start - _CJK_WINDOW // 2) : start]
            + " "
            + text[end : min(right_break, end + _CJK_WINDOW)]
        )
        found = {role for stem, role in stems if stem in window}
    else:
        stops = set(_STOPS.get(lang, "").split())
        near: list[str] = []
        for w in reversed(_WORD.findall(text, left_break, start)[-3:]):
            if w.lower() in stops:
                break
            near.append(w.lower())
        for w in _WORD.findall(text, end, right_break)[:5]:
            if w.lower() in stops:
                break
            near.append(w.lower())
        found = {role for stem, role in stems for w in near if w.startswith(stem)}
    return min(found, key=_ROLE_ORDER.index) if found else None


def magnitude_in(text: str, start: int, end: int, language: str | None) -> bool:
    """Is the amount at ``text[start:end]`` a quake's magnitude in its language's words: the word
    right before it or right after it ("de magnitud 6,8", "магнитудой 6,8", "M6.8", "6.8级")?"""
    lang = language or "en"
    if lang in ("ja", "zh"):
        return (
            text[max(0, start - 7) : start].endswith(("マグニチュード", "M", "Ｍ", "规模"))
            or text[end : end + 1] == "级"
        )
    words = _MAGNITUDE.get(lang, "").split()
    if not words:
        return False
    near = _WORD.findall(text, max(0, start - 30), start)[-2:] + _WORD.findall(text, end, min(len(text), end + 30))[:1]
    return any(w.lower() == f or (f.endswith("*") and w.lower().startswith(f[:-1])) for w in near for f in words)
