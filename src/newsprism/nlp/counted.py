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
- :func:`toll_key`: a bare number that is a toll of people ("the death toll rose to 26", "kills 23",
  "40 injured", "la cifra de muertos ascendió a 15"): "people dead", "people injured" ...

The lexicon covers the languages most read in news: Spanish, French, German, Italian, Portuguese,
Dutch, Russian, Ukrainian, Polish, Czech, Turkish, Indonesian, Japanese and Chinese; and, for the
commonest nouns and roles, Arabic, Hebrew, Persian, Hindi, Bengali, Urdu, Vietnamese, Hungarian and
Korean.  Slavic words
are listed in the cases an amount takes (a word ending in ``*`` is a prefix: "корабл*" is every
case of "корабль").  A noun not listed gives no key, so its amounts are compared within their
language only: a missing word loses a conflict, it never makes one up.
"""

from __future__ import annotations

import re
from functools import cache

from .numbers import CURRENCIES
from .stopwords import stopwords_for
from .tokenize import ALPHA

__all__ = ["MEASURE_KEYS", "counted_key", "counted_noun", "magnitude_in", "role_in", "toll_key"]

# key -> language -> forms (a trailing * marks a prefix)
_NOUNS: dict[str, dict[str, str]] = {
    "people": {  # survivors too: "rescued 59 survivors" and "secouru 61 personnes" count the rescued
        "en": "people persons person survivors",
        "es": "personas persona supervivientes sobrevivientes",
        "fr": "personnes personne survivants rescapés",
        "de": "menschen personen überlebende",
        "it": "persone persona sopravvissuti superstiti",
        "pt": "pessoas pessoa sobreviventes",
        "nl": "mensen personen overlevenden",
        "ru": "человек человека людей люди выживших",
        "uk": "людей людини осіб особи вцілілих",
        "pl": "osób osoby ludzi ocalałych",
        "cs": "lidí lidé osob osoby",
        "tr": "kişi insan",
        "id": "orang",
        "ar": "شخص* أشخاص مواطن* فرد* أفراد",
        "he": "אנשים איש נפשות",
        "fa": "نفر",
        "hi": "लोग लोगों व्यक्ति व्यक्तियों",
        "bn": "জন জনের মানুষ লোক",
        "ur": "افراد لوگ لوگوں",
        "vi": "người",
        "hu": "ember embert emberek személy személyt fő",
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
        "ar": "جندي* جنود عسكري*",
        "he": "חיילים",
        "fa": "سرباز*",
        "hi": "सैनिक* जवान*",
        "bn": "সৈন্য সেনা",
        "ur": "فوجی* اہلکار*",
        "vi": "binh",
        "hu": "katona*",
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
        "ar": "قتيل* قتلى",
        "he": "הרוגים",
        "fa": "کشته",
        "hi": "मृतक*",
        "bn": "নিহত",
        "ur": "ہلاکتیں ہلاکتوں",
        "hu": "halott* halálos",
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
        "ar": "جريح* جرحى",
        "he": "פצועים",
        "fa": "زخمی",
        "hi": "घायल*",
        "bn": "আহত",
        "ur": "زخمی*",
        "hu": "sebesült*",
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
        "ru": "домов дома",
        "uk": "будинків будинки",
        "pl": "domów domy",
        "cs": "domů domy",
        "ar": "منزل* منازل بيت* بيوت",
        "he": "בתים",
        "fa": "خانه*",
        "hi": "घर घरों मकान मकानों",
        "bn": "বাড়ি ঘর",
        "ur": "گھر گھروں مکان مکانات",
        "hu": "ház házat házak lakás lakást lakások",
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
        "ar": "سفين* سفن",
        "he": "ספינות אוניות",
        "fa": "کشتی*",
        "hi": "जहाज*",
        "bn": "জাহাজ",
        "ur": "جہاز*",
        "hu": "hajó*",
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
        "ar": "طائر* طائرات",
        "he": "מטוסים",
        "fa": "هواپیما*",
        "hi": "विमान*",
        "bn": "বিমান",
        "ur": "طیار*",
        "hu": "repülőgép*",
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
        "ar": "حالة حالات",
        "he": "מקרים",
        "fa": "مورد*",
        "hi": "मामले मामलों",
        "bn": "কেস",
        "ur": "کیس* کیسز",
        "vi": "ca",
        "hu": "eset*",
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
        "ar": "طفل* أطفال",
        "he": "ילדים",
        "fa": "کودک*",
        "hi": "बच्चे बच्चों",
        "bn": "শিশু*",
        "ur": "بچے بچوں",
        "vi": "trẻ",
        "hu": "gyerek* gyermek*",
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
        "hu": "diák*",
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
        "ar": "دولة دول بلدان",
        "he": "מדינות",
        "fa": "کشور*",
        "hi": "देश देशों",
        "bn": "দেশ দেশের",
        "ur": "ممالک ملک ملکوں",
        "hu": "ország*",
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
        "ar": "نقط* نقاط",
        "he": "נקודות",
        "fa": "امتیاز*",
        "hi": "अंक",
        "bn": "পয়েন্ট",
        "ur": "پوائنٹس",
        "vi": "điểm",
        "hu": "pont*",
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
        "hu": "gól*",
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
        "hu": "mérkőzés* meccs*",
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
        "hu": "beteg beteget betegek",
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
        "ar": "سيار* سيارات",
        "he": "רכבים",
        "fa": "خودرو*",
        "hi": "वाहन*",
        "bn": "যানবাহন গাড়ি",
        "ur": "گاڑی* گاڑیاں",
        "vi": "xe",
        "hu": "jármű járművet járművek autó autót autók",
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
        "hu": "csapat*",
    },
    "citizens": {
        "en": "citizens nationals",
        "es": "ciudadanos",
        "fr": "citoyens ressortissants",
        "de": "bürger staatsbürger",
        "it": "cittadini",
        "pt": "cidadãos",
        "nl": "burgers",
        "ru": "граждан гражданина граждане",
        "uk": "громадян громадянина громадяни",
        "pl": "obywateli",
        "cs": "občanů",
        "ar": "مواطن*",
        "he": "אזרחים",
        "fa": "شهروند*",
        "hi": "नागरिक*",
        "bn": "নাগরিক*",
        "ur": "شہری*",
        "hu": "állampolgár*",
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
        "ar": "كيلومتر* كم",
        "he": "קילומטר*",
        "fa": "کیلومتر*",
        "hi": "किलोमीटर किमी",
        "bn": "কিলোমিটার",
        "ur": "کلومیٹر",
        "vi": "km",
        "hu": "kilométer* km",
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
        "ar": "متر أمتار مترا",
        "he": "מטר מטרים",
        "fa": "متر*",
        "hi": "मीटर",
        "bn": "মিটার",
        "ur": "میٹر",
        "vi": "mét",
        "hu": "méter*",
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
        "ar": "طن أطنان",
        "he": "טון",
        "hi": "टन",
        "bn": "টন",
        "ur": "ٹن",
        "vi": "tấn",
        "hu": "tonna*",
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
    "percent": {
        "en": "percent",
        "ar": "بالمئة بالمائة",
        "he": "אחוז*",
        "fa": "درصد",
        "hi": "प्रतिशत",
        "bn": "শতাংশ",
        "ur": "فیصد",
        "hu": "százalék*",
    },
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
        "ar": "سنة سنوات عاما أعوام عام سنين",
        "he": "שנים שנה",
        "fa": "سال",
        "hi": "साल सालों वर्ष वर्षों",
        "bn": "বছর*",
        "ur": "سال سالوں",
        "vi": "năm",
        "hu": "év*",
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
        "ar": "شهر* أشهر",
        "he": "חודשים",
        "fa": "ماه*",
        "hi": "महीने महीनों",
        "bn": "মাস*",
        "ur": "مہینے مہینوں",
        "vi": "tháng",
        "hu": "hónap*",
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
        "ar": "أسبوع* أسابيع",
        "he": "שבועות",
        "fa": "هفته*",
        "hi": "सप्ताह हफ्ते हफ़्ते",
        "bn": "সপ্তাহ*",
        "ur": "ہفتے",
        "vi": "tuần",
        "hu": "hét hetet hetes",
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
        "ar": "يوم* أيام",
        "he": "ימים",
        "fa": "روز",
        "hi": "दिन दिनों",
        "bn": "দিন*",
        "ur": "دن دنوں",
        "vi": "ngày",
        "hu": "nap*",
    },
    "hours": {
        "en": "hours",
        "es": "horas",
        "fr": "heures",
        "de": "stunden",
        "it": "ore",
        "pt": "horas",
        "nl": "uur",
        "ru": "час часа часов",
        "uk": "годин*",
        "pl": "godzin",
        "cs": "hodin hodiny",
        "ar": "ساعة ساعات",
        "he": "שעות",
        "fa": "ساعت*",
        "hi": "घंटे घंटा घंटों",
        "bn": "ঘণ্টা*",
        "ur": "گھنٹے گھنٹوں",
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
        "ar": "دقيقة دقائق",
        "he": "דקות",
        "fa": "دقیقه*",
        "hi": "मिनट",
        "bn": "মিনিট",
        "ur": "منٹ",
        "vi": "phút",
        "hu": "perc*",
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
        "ar": "قتل قتيل قتلى مقتل مصرع توفي وفاة ماتوا لقوا",
        "he": "נהרג הרוג מתו נספו",
        "fa": "کشته جان‌باخت جانباخت فوت",
        "hi": "मौत मारे मृत",
        "bn": "নিহত মৃত মারা",
        "ur": "ہلاک جاں جانبحق مارے",
        "vi": "chết tử",
        "hu": "meghalt halt halál életét halott halálos",
        "ko": "사망 숨지 숨졌 숨진 목숨",
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
        "ar": "جرح جريح جرحى أصيب إصابة",
        "he": "נפצע פצוע",
        "fa": "زخمی مجروح",
        "hi": "घायल",
        "bn": "আহত",
        "ur": "زخمی",
        "vi": "thương",
        "hu": "megsebesült sebesül megsérült sérült",
        "ko": "부상 다쳤 다친 다치",
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
        "ja": "行方不明 安否不明 連絡が取れない 連絡が取れていない",
        "zh": "失踪 失联",
        "ar": "مفقود فقد",
        "he": "נעדר",
        "fa": "مفقود ناپدید",
        "hi": "लापता",
        "bn": "নিখোঁজ",
        "ur": "لاپتہ",
        "hu": "eltűnt",
        "ko": "실종",
    },
    "arrested": {
        "es": "detenid detuv arrest",
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
        "ar": "اعتقال اعتقل معتقل",
        "he": "נעצר עצור",
        "fa": "بازداشت دستگیر",
        "hi": "गिरफ्तार गिरफ़्तार",
        "bn": "গ্রেপ্তার গ্রেফতার",
        "ur": "گرفتار",
        "hu": "letartóztat őrizetbe",
        "ko": "체포 검거",
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
        "ar": "نزوح نازح إجلاء",
        "he": "פונו",
        "fa": "آواره",
        "hi": "विस्थापित",
        "bn": "বাস্তুচ্যুত",
        "ur": "بےگھر",
        "hu": "kitelepít evakuál",
        "ko": "대피 이재민",
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
        "ar": "إنقاذ أنقذ",
        "he": "חולצו",
        "fa": "نجات",
        "bn": "উদ্ধার",
        "vi": "cứu",
        "hu": "kimentett megment",
        "ko": "구조",
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
        "ar": "دمر تدمير انهار",
        "he": "נהרס",
        "fa": "ویران تخریب",
        "hi": "नष्ट ध्वस्त",
        "bn": "ধ্বংস",
        "ur": "تباہ",
        "vi": "phá",
        "hu": "megsemmisült lerombol összedőlt",
        "ko": "붕괴 파괴",
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
        "ar": "تضرر أضرار",
        "he": "ניזוק",
        "fa": "آسیب",
        "hi": "क्षतिग्रस्त",
        "bn": "ক্ষতিগ্রস্ত",
        "ur": "نقصان",
        "vi": "hư",
        "hu": "megrongálódott károsodott",
        "ko": "파손",
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
    "ar": "و أو لكن",
    "he": "או אבל",
    "fa": "و یا اما",
    "ur": "اور یا لیکن",
    "hi": "और या लेकिन",
    "bn": "ও এবং বা কিন্তু",
    "vi": "và hoặc nhưng",
    "hu": "és vagy de",
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
    "tr": "büyüklüğünde*",
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


def counted_noun(word: str, language: str | None) -> str | None:
    """The key of a counted noun as written in ``language`` ("người" in Vietnamese: people), else None."""
    return _noun_key(word, language or "en")


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
        return key  # a noun the lexicon lacks ("12 Abgeordnete stimmen": not votes)
    if lang in ("en", "ja", "zh", "ko"):
        return None
    stop = _CLAUSE.search(text, end)
    limit = stop.start() if stop else len(text)
    found: str | None = None
    for k, m in enumerate(_WORD.finditer(text, end, limit)):
        if k >= 3 or any(c.isdigit() for c in text[end : m.start()]):
            break
        key = _noun_key(m.group(), lang)
        if key is None and found is not None:
            break
        if key is not None:
            found = key  # an adjective before its noun: the noun ("40 военных кораблей": ships)
    return found


@cache
def _stems(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((stem, role) for role in _ROLE_ORDER for stem in _ROLE_STEMS[role].get(lang, "").split())


# languages whose verb ends the clause: the role of a count follows it
_VERB_FINAL = frozenset({"fa", "hi", "bn", "ur", "tr", "ko", "ja"})

# "and" written as a prefix of the next word ("وأصيب": and were injured; "ונפצעו")
_AND_PREFIX = {"ar": "و", "fa": "و", "ur": "و", "he": "ו"}


def _bare(word: str, lang: str) -> str:
    prefix = _AND_PREFIX.get(lang)
    return word[1:] if prefix and word.startswith(prefix) and len(word) > 3 else word


def role_in(text: str, start: int, end: int, language: str | None) -> str | None:
    """What happened to what the amount at ``text[start:end]`` counts, read in the language's own
    words: among the three words before it (one in a language whose verb ends the clause) and the
    five after it in its clause, up to a conjunction; the nearest role word wins, the graver on a
    tie ("dead" before "injured").  In Japanese and Chinese, the characters around it, the gravest
    role winning.  None when none is near or the language is English (read by the comparison's
    own rule)."""
    lang = language or "en"
    stems = _stems(lang)
    if not stems:
        return None
    left_break = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = _CLAUSE.search(text, end)
    right_break = right.start() if right else len(text)
    if lang in ("ja", "zh"):
        # the role right after the count, up to the next number, is its own ("8人遇难、14人失联": 14
        # missing); else the gravest around it
        after = text[end : min(right_break, end + _CJK_WINDOW)]
        own = re.split(r"[0-9０-９]", after, maxsplit=1)[0]
        found = {role for stem, role in stems if stem in own}
        if not found:
            window = text[max(left_break, start - _CJK_WINDOW // 2) : start] + " " + after
            found = {role for stem, role in stems if stem in window}
        return min(found, key=_ROLE_ORDER.index) if found else None
    stops = set(_STOPS.get(lang, "").split())
    # (distance, side, word): the nearest role wins; in a language whose verb comes last, the
    # words after the count first ("۱۵ نفر کشته و ۳۰ نفر زخمی": 30 injured, not dead)
    near: list[tuple[int, int, str]] = []
    final = lang in _VERB_FINAL
    reach = 1 if final else 3
    before = _WORD.findall(text, left_break, start)[-reach:]
    if lang == "ko" and not (before and before[-1].endswith("자")):
        before = []  # Korean: the particle, then the verb; before it only "사망자" (the dead) and such
    for k, w in enumerate(reversed(before)):
        if w.lower() in stops:
            break
        near.append((k, 1 if final else 0, _bare(w.lower(), lang)))
    for k, w in enumerate(_WORD.findall(text, end, right_break)[:5]):
        if w.lower() in stops:
            break
        near.append((k, 0 if final else 1, _bare(w.lower(), lang)))
    ranked = sorted(
        (k, side, _ROLE_ORDER.index(role), role) for k, side, w in near for stem, role in stems if w.startswith(stem)
    )
    return ranked[0][3] if ranked else None


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
    after = _WORD.findall(text, end, min(len(text), end + 60))
    if any(w.lower().startswith(("richter", "рихтер", "ріхтер")) for w in after[:6]):
        return True  # "7,1 grados en la escala de Richter"
    if not words:
        return False
    # one of the two words before the amount ("magnitud 6,8", "magnitud preliminar 7,1") or after it
    # ("7,1 de magnitud"); not the word right after another amount, which is that one's ("5,9
    # büyüklüğünde deprem: 11 ölü": 11 dead)
    gap = text[max(0, start - 30) : start]
    before = _WORD.findall(gap)[-2:]
    if any(c.isdigit() for c in gap):
        rest = _WORD.findall(gap[max(k for k, c in enumerate(gap) if c.isdigit()) + 1 :])
        before = rest[1:][-2:]  # the word right after another amount is that one's ("5,9 büyüklüğünde")
    near = before + after[:2]
    return any(w.lower() == f or (f.endswith("*") and w.lower().startswith(f[:-1])) for w in near for f in words)


# -- tolls: bare numbers that count people ------------------------------------------------------
# A headline's "Quake kills 12", a lead's "the death toll rose to 26", "40 injured": the number has
# no noun, yet it counts people, dead or injured.  English role words right after a bare number
# and role verbs right before it; in every language, a toll's phrase before it in its sentence.
_EN_AFTER = {
    "killed": "dead",
    "died": "dead",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "dead": "dead",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "evacuated": "displaced",
    "rescued": "rescued",
}
_EN_BEFORE = {
    **dict.fromkeys("kill kills killing killed".split(), "dead"),
    **dict.fromkeys("injure injures injuring injured wound wounds wounding wounded".split(), "injured"),
    **dict.fromkeys("arrest arrests arresting arrested detain detains detaining detained".split(), "arrested"),
    **dict.fromkeys("evacuate evacuates evacuating evacuated".split(), "displaced"),
    **dict.fromkeys("rescue rescues rescuing rescued".split(), "rescued"),
}
# what may follow a bare count that a verb before it counts ("kills 23 in Peru", "killing 12,")
_EN_AFTER_COUNT = frozenset("in on at after as when while near during across and amid from".split())
_TOLL_WORDS: dict[str, dict[str, str]] = {
    "dead": {
        "en": r"death\s+toll|(?<!economic\s)(?<!human\s)toll(?![\s-]+(?:roads?|booths?|bridges?|plazas?|free|lanes?|"
        r"charges?|fees?|rates?|operators?|collect\w*|on\b))|number\s+of\s+(?:dead|deaths|fatalities)",
        "es": r"(?:cifra|número|balance|saldo)\s+de\s+(?:muertos|fallecidos|víctimas\s+mortales|víctimas|muertes)",
        "fr": r"bilan|nombre\s+de\s+(?:morts|victimes|décès)",
        "de": r"(?:zahl\s+der\s+(?:toten|todesopfer))|todeszahl|todesopfer",
        "it": r"bilancio|numero\s+(?:dei\s+morti|delle\s+vittime|dei\s+decessi)",
        "pt": r"(?:número|balanço|total)\s+de\s+(?:mortos|mortes|vítimas)|balanço",
        "nl": r"dodental|aantal\s+(?:doden|slachtoffers|dodelijke\s+slachtoffers)",
        "ru": r"(?:числ|количеств)\w*\s+(?:погибших|жертв|умерших)",
        "uk": r"(?:числ|кількіст)\w*\s+(?:загиблих|жертв|померлих)",
        "pl": r"liczba\s+(?:ofiar|zabitych|zmarłych)|bilans",
        "cs": r"počet\s+(?:obětí|mrtvých)",
        "tr": r"ölü\s+sayısı|can\s+kaybı|ölenlerin\s+sayısı",
        "id": r"(?:jumlah\s+)?korban\s+(?:tewas|meninggal|jiwa)",
        "zh": r"死亡人数|遇难人数|罹难人数|死者人数",
        "ja": r"死者数|死者の数|死亡者数|死者",
    },
    "injured": {
        "en": r"number\s+of\s+(?:injured|wounded)|injury\s+toll",
        "es": r"(?:cifra|número)\s+de\s+heridos",
        "fr": r"nombre\s+de\s+blessés",
        "de": r"zahl\s+der\s+verletzten",
        "it": r"numero\s+dei\s+feriti",
        "pt": r"número\s+de\s+feridos",
        "nl": r"aantal\s+gewonden",
        "ru": r"(?:числ|количеств)\w*\s+(?:раненых|пострадавших)",
        "uk": r"(?:числ|кількіст)\w*\s+(?:поранених|постраждалих)",
        "pl": r"liczba\s+rannych",
        "cs": r"počet\s+zraněných",
        "tr": r"yaralı\s+sayısı",
        "id": r"(?:jumlah\s+)?korban\s+luka",
        "zh": r"受伤人数",
        "ja": r"負傷者数|負傷者|けが人",
    },
}
_TOLL_REACH = 10  # words between a toll's phrase and its number
_SENTENCE_PART = re.compile(r"[;:!?\n]\s|(?<![A-Z])\.\s")  # "the U.S. state": no end
_GAP_BREAK = re.compile(r"[,;:()\d]")  # a toll's number comes in its phrase's clause, first
# a forecast is no toll ("the toll could rise to 50", "la cifra podría ascender a 50")
_MODAL = frozenset(
    """could may might would will expected expect expects fear fears feared likely projected predicted
    podría podrían puede pueden podrá teme temen pourrait pourraient peut risque könnte könnten dürfte
    dürften kann potrebbe potrebbero può poderia poderiam pode kan kunnen zou может могут мог могла
    може можуть może mogą olabilir bisa dapat mungkin může mohou""".split()
)
# the word before a number that says it is no toll: an age, a place or a time, a rate, a change
_NOT_TOLL_BEFORE = frozenset(
    """aged age edad âgé âgée âgés âgées alter età idade per in on since by day days year years
    en dans bis dal dalla em op в на з w za ke di dalam pada sejak""".split()
)
_CJK_MODAL = ("可能", "恐れ", "おそれ", "見通し", "预计", "或将")
_TO_BE = frozenset("were are was is have has had been".split())


def _person_word(word: str, lang: str) -> bool:
    return _noun_key(word, lang) == "people" or _noun_key(word, "en") == "people"


@cache
def _toll_re(lang: str) -> re.Pattern[str] | None:
    alts = [f"(?P<{role}>{by_lang[lang]})" for role, by_lang in _TOLL_WORDS.items() if lang in by_lang]
    if not alts:
        return None
    if lang in ("ja", "zh"):  # no spaces between words
        return re.compile(f"(?:{'|'.join(alts)})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


def toll_key(text: str, start: int, end: int, language: str | None) -> str | None:
    """ "people dead", "people injured" ... when the number at ``text[start:end]`` (bare, or counting
    people) is a toll: a toll's phrase before it in its clause, at most ten words before, with no
    other amount in between ("the death toll … rose to 26"; not "a death toll for the state, home to
    3 million"); in English also a role word right after it ("40 injured", "45 were injured") or a
    role verb right before it ("kills 23 in Peru", not "killed 12 of the 15").  Not a forecast ("could
    rise to 50"), an age ("aged 85"), nor a number that counts another noun ("в 3 регионах")."""
    lang = (language or "en")[:2].lower()
    lo = max((m.end() for m in _SENTENCE_PART.finditer(text, 0, start)), default=0)
    written = _WORD.findall(text, lo, start)
    before = [w.lower() for w in written]
    if (before and before[-1] in _NOT_TOLL_BEFORE) or _MODAL.intersection(written[-8:]):
        return None  # modal verbs as written: "May 3" is a date
    if lang in ("ja", "zh") and any(m in text[lo:start] for m in _CJK_MODAL):
        return None  # no spaces: the forecast is read in the characters
    nxt = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if nxt is not None and len(nxt.group()) >= 3 and not _person_word(nxt.group(), lang):
        following = [nxt.group().lower(), *(w.lower() for w in _WORD.findall(text, nxt.end(), nxt.end() + 30)[:2])]
        if lang == "en":
            said = next((w for w in following if w not in _TO_BE), "")
            if said in _EN_AFTER and all(w in _TO_BE for w in following[: following.index(said)]):
                return "people " + _EN_AFTER[said]  # "40 injured", "45 were injured"
        elif not any(following[0].startswith(stem) for stem, _ in _stems(lang)):
            stop = _STOPS.get(lang, "").split()
            if following[0] not in stop and following[0] not in stopwords_for(lang):
                return None  # "в 3 регионах", "dalam 3 hari": another noun
    if lang == "en" and before and text[start - 1 : start] == " " and before[-1] in _EN_BEFORE:
        rest = text[end : end + 2]
        if (nxt is None or nxt.group().lower() in _EN_AFTER_COUNT) and not rest.startswith(("%", " %")):
            return "people " + _EN_BEFORE[before[-1]]
    pattern = _toll_re(lang)
    if pattern is None:
        return None
    found = None
    for m in pattern.finditer(text, lo, start):
        found = m
    if (
        found is None
        or _GAP_BREAK.search(text, found.end(), start)
        or len(_WORD.findall(text, found.end(), start)) > _TOLL_REACH
    ):
        return None
    role = next(r for r in _TOLL_WORDS if found.group(r))
    if found.group().lower() in _BALANCE:  # "bilan", "bilancio": a toll only among words of death
        window = [w.lower() for w in _WORD.findall(text, lo, min(len(text), end + 40))]
        if not any(w.startswith(stem) for w in window for stem, r in _stems(lang) if r == "dead"):
            return None
    return f"people {role}"


# words that are a toll among words of death, else a budget or a balance sheet
_BALANCE = frozenset({"bilan", "bilancio", "balanço", "bilans"})
