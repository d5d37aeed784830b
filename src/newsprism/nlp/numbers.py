"""Quantities in text: digits and number words, with magnitude, currency, percent and counted noun.

:func:`find_quantities` finds amounts such as ``"ten Russian diplomats"``, ``"$1.2bn"``,
``"40.000 millones de dólares"``, ``"15 per cent"`` or ``"tens of thousands of troops"`` and gives
each a :class:`Quantity` with a comparable ``value`` (``"ten"`` == 10, ``"$1.2bn"`` == 1.2e9) and a
normalised ``unit``.  :func:`same_quantity` says whether two quantities can be the same amount as
reported, allowing for the rounding the writer's precision implies and for qualifiers ("about",
"more than").

Decisions (documented, tested):

* Separators follow the language: ``1,200`` is 1200 in English and 1.2 in German, Spanish, French,
  Italian, Dutch, Portuguese, Russian and Czech, where ``1.200`` is 1200.  A single English ``.`` is a decimal
  point; a space, no-break or thin space before a group of three digits groups thousands (``1 200``).
* ``billion`` is 10^9 in English; its look-alikes are 10^12 where that is their meaning (French
  ``billion``, German ``Billion``, Spanish ``billón``, Dutch ``biljoen``).  Brazilian ``bilhão`` is 10^9.
* Vague plurals are *approximate* and valued at the least they can mean, with an upper bound in
  ``high``: ``dozens`` 24..99, ``hundreds`` 200..999, ``thousands`` 2,000..9,999, ``tens of thousands``
  20,000..99,999, ``hundreds of thousands`` 200,000..999,999, ``millions`` 2..9.99 million.
* Years (``in 2020``), dates, clock times (``1:32 PM``) and ordinals (``21st``) are not quantities:
  spans :func:`newsprism.nlp.timex.find_times` reports as dates or times are skipped.  Digits glued to
  a name (``Covid-19``, ``G7``, ``Nord Stream 2``) are not quantities either.
* A lone ``one`` (and articles that double as numbers: ``un``, ``ein``, ``een`` ...) is a quantity
  only when a counted noun follows (``one person``); ``one of them`` is not.
* ``dollars`` means USD (other dollars need their prefix: ``A$``, ``C$``, ``HK$``).
* Japanese and Chinese glue digits (ASCII or full-width) to their counter: ``４０隻`` is 40 ships,
  ``１万５千人`` 15,000 people, ``４７２億円`` 47.2 billion yen, ``３０％`` 30 percent; dates,
  times, ages and ordinals (``２５日``, ``７月``, ``２７歳``, ``第２``, ``３位``) are not quantities.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from .stopwords import stopwords_for
from .tokenize import ALPHA, WORD_CHAR

__all__ = ["CURRENCIES", "Quantity", "find_quantities", "parse_number", "same_quantity"]

logger = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


COMMA_DECIMAL = frozenset(
    {"de", "es", "fr", "it", "nl", "pt", "ru", "pl", "cs", "ro", "tr", "id", "da", "sv", "no", "uk"}
    | {"nb", "nn", "is", "hu", "fi", "et", "lv", "lt", "hr", "sr", "bs", "sl", "sk", "bg", "el", "ca", "vi"}
)
"""Languages that write a decimal comma and group thousands with dots or spaces ("2,5", "15.000"),
whether or not their number words are read."""


def _comma(language: str | None) -> bool:
    return (language or "en").lower()[:2] in COMMA_DECIMAL


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount found in text.  ``start``/``end`` are character offsets (end exclusive).

    ``qualifier`` is how the writer hedged it: ``about``, ``nearly``, ``more``, ``less``, ``vague``
    (a vague plural such as "dozens"), ``range`` (``10-15``) or ``None``.  ``precision`` is half the
    step of the last digit written times the magnitude (0.05e9 for ``1.2bn``, 0.5 for ``15``), and
    ``high`` the upper end of a vague amount or range.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    approximate: bool = False
    qualifier: str | None = None
    precision: float = 0.0
    high: float | None = None

    def bounds(self) -> tuple[float, float]:
        """The interval of amounts the writer's words allow (see :func:`same_quantity`)."""
        v, p = self.value, self.precision
        q = self.qualifier
        if self.high is not None:
            low, high = v, self.high
        elif q == "about":
            low, high = v - abs(v) * 0.2 - p, v + abs(v) * 0.2 + p
        elif q == "nearly":
            low, high = v - abs(v) * 0.2 - p, v + p
        elif q == "more":
            low, high = v - p, v + abs(v) + p
        elif q == "less":
            low, high = v - abs(v) * 0.5 - p, v + p
        else:
            low, high = v - p, v + p
        return (min(low, high), max(low, high))


# --- lexicons -------------------------------------------------------------------------------------

_CURRENCY_SYMBOLS = {
    "us$": "USD", "u.s.$": "USD", "usd": "USD", "$": "USD", "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP",
    "gb£": "GBP", "chf": "CHF", "jpy": "JPY", "¥": "JPY", "cny": "CNY", "rmb": "CNY", "rub": "RUB", "₽": "RUB",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD",
    "c$": "CAD", "cad": "CAD", "hk$": "HKD", "r$": "BRL", "brl": "BRL", "₹": "INR",
    "inr": "INR", "₩": "KRW",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dólar": "USD", "dólares": "USD", "dollari": "USD", "dollaro": "USD",
    "dólares americanos": "USD", "us-dollar": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "pounds sterling": "GBP", "sterline": "GBP", "sterlina": "GBP",
    "libras": "GBP", "libra": "GBP", "livres": "GBP", "livre sterling": "GBP", "pfund": "GBP", "pond": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB", "rublos": "RUB",
    "rubel": "RUB", "рублей": "RUB", "рубля": "RUB", "долларов": "USD", "евро": "EUR", "francs": "CHF",
    "rupees": "INR", "won": "KRW",
    "korun": "CZK", "koruny": "CZK", "koruna": "CZK", "korunu": "CZK", "korunách": "CZK", "kč": "CZK", "czk": "CZK",
    "rublů": "RUB", "rubly": "RUB", "rubl": "RUB", "rublu": "RUB", "rublech": "RUB", "dolarů": "USD",
    "dolary": "USD", "dolar": "USD", "dolaru": "USD", "dolarech": "USD", "eur": "EUR", "eura": "EUR",
    "eurech": "EUR", "jenů": "JPY", "liber": "GBP", "libry": "GBP", "juanů": "CNY",
    "гривень": "UAH", "гривні": "UAH", "гривня": "UAH", "гривню": "UAH", "грн": "UAH", "рублів": "RUB",
    "доларів": "USD", "долари": "USD", "долар": "USD", "євро": "EUR",
}  # fmt: skip
CURRENCIES = frozenset(_CURRENCY_SYMBOLS.values()) | frozenset(_CURRENCY_WORDS.values())
_PERCENT = (
    r"%|per\s?cent\b|percent\b|pct\b|por\s+ciento\b|pour\s+cent\b|prozent\b|per\s+cento\b|procent\w*"
    r"|por\s+cento\b|процент\w*"
)

_MAGNITUDES_COMMON = {"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12}
# Magnitude words of languages whose other number words are not read (their amounts are mostly
# digits: "2,5 milljónir", "miliyan 2.5", "15 tysięcy", Hebrew "2.5 מיליון", Persian "۲٫۵ میلیون"),
# read in every language: after a number they are magnitudes wherever they stand ("juta", jute in
# Spanish, follows no number there).
_MAGNITUDES_COMMON.update(
    dict.fromkeys(
        "tysiąc tysiące tysięcy þúsund tusind tusen tuhat tuhatta tisuća tisuće tisoč ribu "
        "אלף אלפים هزار ألف آلاف".split(),
        1e3,
    )
    | dict.fromkeys(
        "miliona miliony milionów milljón milljónir milljóna milljónum miljoner millioner miljoona miljoonaa "
        "milijun milijuna milijon milijona milijonov miliyan milyon juta millió milijonai milijonų "
        "miljoni miljonu מיליון מיליוני میلیون مليون ملايين".split(),
        1e6,
    )
    | dict.fromkeys(
        "miliard miliarda miliardy miliardów milljarður milljarðar milljarða milljörðum miljarder milliarder "
        "miljardi miljardia milijarda milijardi biliyan milyar miliar milliárd מיליארד מיליארדי میلیارد "
        "مليار مليارات ارب".split(),
        1e9,
    )
)
# Hindi, Urdu and Bengali: thousand, million and billion, and the lakh (100,000) and crore (10
# million) of South Asian numbering ("2.5 लाख" is 250,000); NFC spells the nukta apart ("हज़ार")
_MAGNITUDES_COMMON.update(
    {
        unicodedata.normalize("NFC", word): value
        for words, value in (
            ("अरब", 1e9),  # also "Arab" ("7 अरब देशों"): not before a noun it qualifies (_NOT_MAGNITUDE)
            ("हज़ार हजार ہزار হাজার", 1e3),
            ("मिलियन ملین মিলিয়ন", 1e6),
            ("बिलियन بلین বিলিয়ন", 1e9),
            ("लाख لاکھ লাখ লক্ষ", 1e5),
            ("करोड़ करोड کروڑ কোটি", 1e7),
        )
        for word in words.split()
    }
)
_MAGNITUDES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
           "trillion": 1e12, "trillions": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
           "billón": 1e12, "billones": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
           "mds": 1e9, "billion": 1e12, "billions": 1e12},
    "de": {"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
           "mld": 1e9, "mila miliardi": 1e12},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "mld": 1e9, "biljoen": 1e12},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhao": 1e6, "milhões": 1e6, "milhoes": 1e6, "mi": 1e6, "bilhão": 1e9,
           "bilhao": 1e9, "bilhões": 1e9, "bilhoes": 1e9, "bi": 1e9, "trilhão": 1e12, "trilhões": 1e12},
    "ru": {"тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячам": 1e3, "тысячами": 1e3, "млн": 1e6,
           "миллион": 1e6, "миллиона": 1e6,
           "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12},
    "uk": {"тис": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тисячам": 1e3, "тисячами": 1e3, "млн": 1e6,
           "мільйон": 1e6, "мільйона": 1e6, "мільйони": 1e6, "мільйонів": 1e6, "млрд": 1e9, "мільярд": 1e9,
           "мільярда": 1e9, "мільярди": 1e9, "мільярдів": 1e9, "трлн": 1e12},
    # "tis." and "mil." need their dot ("pět mil" is five miles)
    "cs": {"tisíc": 1e3, "tisíce": 1e3, "tisíci": 1e3, "tisících": 1e3, "tis.": 1e3, "milion": 1e6, "milionu": 1e6,
           "miliony": 1e6, "milionů": 1e6, "milionech": 1e6, "milión": 1e6, "miliónu": 1e6, "milióny": 1e6,
           "miliónů": 1e6, "mil.": 1e6, "miliarda": 1e9, "miliardy": 1e9, "miliard": 1e9, "miliardu": 1e9,
           "miliardách": 1e9, "mld": 1e9, "bilion": 1e12, "biliony": 1e12, "bilionů": 1e12},
}  # fmt: skip
# a magnitude word that is another word before these: Hindi अरब (a billion; Arab) before country,
# league, sea ...
_NOT_MAGNITUDE = {"अरब": r"(?!\s+(?:देश|राष्ट्र|लीग|सागर|जगत|दुनिया|मुल्क|नागरिक|सेना))"}
_LETTER_MAGNITUDES = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "t": 1e12}  # "$200MM": finance's million
_PHYSICAL = {"km": "kilometers", "kg": "kilograms", "mph": "mph", "kph": "km/h", "mw": "MW", "gw": "GW", "mm": "mm",
             "cm": "cm", "ft": "feet", "lb": "lb", "lbs": "lb"}  # fmt: skip

_UNITS: dict[str, int] = {}
_WORDS: dict[str, dict[str, float]] = {}


def _words(lang: str, spec: str) -> None:
    table: dict[str, float] = {}
    for item in spec.split():
        name, _, value = item.partition("=")
        table[name] = float(value)
    _WORDS[lang] = table


_words(
    "en",
    """zero=0 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12
thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19 twenty=20 thirty=30 forty=40
fifty=50 sixty=60 seventy=70 eighty=80 ninety=90 dozen=12""",
)
_words(
    "es",
    """cero=0 un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 once=11
doce=12 trece=13 catorce=14 quince=15 dieciséis=16 dieciseis=16 diecisiete=17 dieciocho=18 diecinueve=19 veinte=20
veintiuno=21 veintiún=21 veintiuna=21 veintidós=22 veintitrés=23 veinticuatro=24 veinticinco=25 veintiséis=26
veintisiete=27 veintiocho=28 veintinueve=29 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 ochenta=80
noventa=90 cien=100 ciento=100 doscientos=200 doscientas=200 trescientos=300 trescientas=300 cuatrocientos=400
quinientos=500 quinientas=500 seiscientos=600 setecientos=700 ochocientos=800 novecientos=900 docena=12""",
)
_words(
    "fr",
    """zéro=0 un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12
treize=13 quatorze=14 quinze=15 seize=16 vingt=20 vingts=20 trente=30 quarante=40 cinquante=50 soixante=60
septante=70 huitante=80 octante=80 nonante=90 douzaine=12""",
)
_words(
    "de",
    """null=0 ein=1 eins=1 eine=1 einen=1 einem=1 einer=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8
neun=9 zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19
zwanzig=20 dreißig=30 dreissig=30 vierzig=40 fünfzig=50 sechzig=60 siebzig=70 achtzig=80 neunzig=90 dutzend=12""",
)
_words(
    "it",
    """zero=0 un=1 uno=1 una=1 due=2 tre=3 tré=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10
undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 diciassette=17 diciotto=18 diciannove=19 venti=20
vent=20 trenta=30 trent=30 quaranta=40 quarant=40 cinquanta=50 cinquant=50 sessanta=60 sessant=60 settanta=70
settant=70 ottanta=80 ottant=80 novanta=90 novant=90 dozzina=12""",
)
_words(
    "nl",
    """nul=0 een=1 één=1 twee=2 drie=3 vier=4 vijf=5 zes=6 zeven=7 acht=8 negen=9 tien=10 elf=11 twaalf=12
dertien=13 veertien=14 vijftien=15 zestien=16 zeventien=17 achttien=18 negentien=19 twintig=20 dertig=30 veertig=40
vijftig=50 zestig=60 zeventig=70 tachtig=80 negentig=90 dozijn=12""",
)
_words(
    "pt",
    """zero=0 um=1 uma=1 dois=2 duas=2 três=3 tres=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9 dez=10
onze=11 doze=12 treze=13 catorze=14 quatorze=14 quinze=15 dezesseis=16 dezasseis=16 dezessete=17 dezassete=17
dezoito=18 dezenove=19 dezanove=19 vinte=20 trinta=30 quarenta=40 cinquenta=50 sessenta=60 setenta=70 oitenta=80
noventa=90 cem=100 cento=100 duzentos=200 duzentas=200 trezentos=300 quatrocentos=400 quinhentos=500
seiscentos=600 setecentos=700 oitocentos=800 novecentos=900 dúzia=12""",
)
_words(
    "ru",
    """ноль=0 один=1 одна=1 одно=1 два=2 две=2 три=3 четыре=4 пять=5 шесть=6 семь=7 восемь=8 девять=9
десять=10 одиннадцать=11 двенадцать=12 тринадцать=13 четырнадцать=14 пятнадцать=15 шестнадцать=16 семнадцать=17
восемнадцать=18 девятнадцать=19 двадцать=20 тридцать=30 сорок=40 пятьдесят=50 шестьдесят=60 семьдесят=70
восемьдесят=80 девяносто=90 сто=100 двести=200 триста=300 четыреста=400 пятьсот=500
двух=2 двум=2 двумя=2 трех=3 трёх=3 трем=3 трём=3 тремя=3 четырех=4 четырёх=4 четырем=4 четырём=4 четырьмя=4
пяти=5 пятью=5 шести=6 семи=7 восьми=8 девяти=9 десяти=10 двадцати=20 тридцати=30 сорока=40 пятидесяти=50
ста=100 сотни=100 двухсот=200 трехсот=300 трёхсот=300 пятисот=500""",
)
_words(
    "uk",
    """нуль=0 один=1 одна=1 одне=1 одного=1 два=2 дві=2 три=3 чотири=4 п'ять=5 п’ять=5 шість=6 сім=7 вісім=8
дев'ять=9 дев’ять=9 десять=10 одинадцять=11 дванадцять=12 тринадцять=13 чотирнадцять=14 п'ятнадцять=15
п’ятнадцять=15 шістнадцять=16 сімнадцять=17 вісімнадцять=18 дев'ятнадцять=19 дев’ятнадцять=19 двадцять=20
тридцять=30 сорок=40 п'ятдесят=50 п’ятдесят=50 шістдесят=60 сімдесят=70 вісімдесят=80 дев'яносто=90
дев’яносто=90 сто=100 двісті=200 триста=300 чотириста=400 п'ятсот=500 п’ятсот=500
двох=2 двом=2 двома=2 трьох=3 трьом=3 трьома=3 чотирьох=4 чотирьом=4 чотирма=4 п'яти=5 п’яти=5 шести=6 семи=7
восьми=8 дев'яти=9 дев’яти=9 десяти=10 двадцяти=20 тридцяти=30 сорока=40 п'ятдесяти=50 п’ятдесяти=50 ста=100
сотні=100 двохсот=200 трьохсот=300 п'ятисот=500 п’ятисот=500 двоє=2 троє=3 четверо=4 п'ятеро=5 п’ятеро=5
шестеро=6""",
)
_words(
    "cs",
    """nula=0 jeden=1 jedna=1 jedno=1 jednoho=1 jednomu=1 jedné=1 jednu=1 jednom=1 jedním=1 jednou=1 dva=2 dvě=2
dvou=2 dvěma=2 tři=3 tří=3 třem=3 třech=3 třemi=3 čtyři=4 čtyř=4 čtyřem=4 čtyřech=4 čtyřmi=4 pět=5 pěti=5 šest=6
šesti=6 sedm=7 sedmi=7 osm=8 osmi=8 devět=9 devíti=9 deset=10 deseti=10 jedenáct=11 jedenácti=11 dvanáct=12
dvanácti=12 třináct=13 třinácti=13 čtrnáct=14 čtrnácti=14 patnáct=15 patnácti=15 šestnáct=16 šestnácti=16
sedmnáct=17 sedmnácti=17 osmnáct=18 osmnácti=18 devatenáct=19 devatenácti=19 dvacet=20 dvaceti=20 třicet=30
třiceti=30 čtyřicet=40 čtyřiceti=40 padesát=50 padesáti=50 šedesát=60 šedesáti=60 sedmdesát=70 sedmdesáti=70
osmdesát=80 osmdesáti=80 devadesát=90 devadesáti=90 sto=100 stě=100 sta=100 set=100""",
)

# Multipliers of the running group: "hundred" multiplies what precedes it, the scales close a group.
_HUNDRED = {"en": {"hundred"}, "fr": {"cent", "cents"}, "de": {"hundert"}, "it": {"cento"}, "nl": {"honderd"},
            "es": set(), "pt": set(), "ru": set(), "uk": set(), "cs": {"sto", "stě", "sta", "set"}}  # fmt: skip
# Czech joins units before tens in one word ("pětadvacet", "čtyřiatřicet"), not between words
_CONNECTORS = {"en": {"and"}, "es": {"y"}, "fr": {"et"}, "de": {"und"}, "it": set(), "nl": {"en"}, "pt": {"e"},
               "ru": set(), "uk": set(), "cs": set()}  # fmt: skip
# Words that are numbers only when a counted noun follows (articles, homographs such as Italian "sei").
_WEAK = {"en": {"one"}, "es": {"un", "uno", "una"}, "fr": {"un", "une", "neuf"},
         "de": {"ein", "eine", "einen", "einem", "einer"}, "it": {"un", "uno", "una", "sei", "tre"}, "nl": {"een"},
         "pt": {"um", "uma"}, "ru": {"один", "одна", "одно"}, "uk": {"один", "одна", "одне", "одного"},
         "cs": {"jeden", "jedna", "jedno", "jednoho", "jednomu", "jedné", "jednu", "jednom", "jedním", "jednou", "stě",
                "sta", "set"}}  # fmt: skip

# indefinite articles that are also "one" ("un diez por ciento" is ten percent, not eleven)
_ARTICLES = frozenset({"un", "una", "une", "um", "uma", "ein", "eine", "een"})
_DOZENS = frozenset({"dozen", "docena", "douzaine", "dutzend", "dozzina", "dozijn", "dúzia"})

_VAGUE: dict[str, list[tuple[str, float, float]]] = {
    "en": [(r"tens\s+of\s+thousands", 2e4, 99_999), (r"hundreds\s+of\s+thousands", 2e5, 999_999),
           (r"tens\s+of\s+millions", 2e7, 99_999_999), (r"hundreds\s+of\s+millions", 2e8, 999_999_999),
           (r"dozens", 24, 99), (r"scores", 40, 99), (r"hundreds", 200, 999), (r"thousands", 2000, 9999),
           (r"millions", 2e6, 9_999_999), (r"billions", 2e9, 9_999_999_999)],
    "es": [(r"decenas\s+de\s+miles", 2e4, 99_999), (r"cientos\s+de\s+miles", 2e5, 999_999), (r"decenas", 20, 99),
           (r"cientos|centenares", 200, 999), (r"miles", 2000, 9999), (r"millones", 2e6, 9_999_999)],
    "fr": [(r"dizaines\s+de\s+milliers", 2e4, 99_999), (r"centaines\s+de\s+milliers", 2e5, 999_999),
           (r"dizaines", 20, 99), (r"centaines", 200, 999), (r"milliers", 2000, 9999), (r"millions", 2e6, 9_999_999)],
    "de": [(r"zehntausende", 2e4, 99_999), (r"hunderttausende", 2e5, 999_999), (r"dutzende", 24, 99),
           (r"hunderte", 200, 999), (r"tausende", 2000, 9999), (r"millionen", 2e6, 9_999_999)],
    "it": [(r"decine\s+di\s+migliaia", 2e4, 99_999), (r"centinaia\s+di\s+migliaia", 2e5, 999_999),
           (r"decine", 20, 99), (r"centinaia", 200, 999), (r"migliaia", 2000, 9999), (r"milioni", 2e6, 9_999_999)],
    "nl": [(r"tienduizenden", 2e4, 99_999), (r"honderdduizenden", 2e5, 999_999), (r"tientallen", 20, 99),
           (r"honderden", 200, 999), (r"duizenden", 2000, 9999), (r"miljoenen", 2e6, 9_999_999)],
    "pt": [(r"dezenas\s+de\s+milhares", 2e4, 99_999), (r"centenas\s+de\s+milhares", 2e5, 999_999),
           (r"dezenas", 20, 99), (r"centenas", 200, 999), (r"milhares", 2000, 9999), (r"milhões", 2e6, 9_999_999)],
    "ru": [(r"десятки\s+тысяч", 2e4, 99_999), (r"сотни\s+тысяч", 2e5, 999_999), (r"десятки", 20, 99),
           (r"сотни", 200, 999), (r"тысячи", 2000, 9999), (r"миллионы", 2e6, 9_999_999)],
    "uk": [(r"десятки\s+тисяч", 2e4, 99_999), (r"сотні\s+тисяч", 2e5, 999_999), (r"десятки", 20, 99),
           (r"сотні", 200, 999), (r"тисячі", 2000, 9999), (r"мільйони", 2e6, 9_999_999)],
    "cs": [(r"desít(?:ky|ek|kám|kách|kami)\s+tisíc\w*|desetitisíc\w*", 2e4, 99_999),
           (r"stov(?:ky|ek|kám|kách|kami)\s+tisíc\w*|statisíc\w*", 2e5, 999_999),
           (r"desít(?:ky|ek|kám|kách|kami)", 20, 99), (r"stov(?:ky|ek|kám|kách|kami)", 200, 999),
           (r"tisíc(?:e|i|ů|ích|ům)", 2000, 9999), (r"milion(?:y|ů|ech|ům)|milión(?:y|ů)", 2e6, 9_999_999)],
}  # fmt: skip

# the first words of the vague amounts ("сотни", "десятки", "dozens"): another amount, not a counted noun
_VAGUE_WORDS = frozenset(
    re.split(r"\W", pattern.split("|")[0].split("\\")[0])[0].lower()
    for table in _VAGUE.values()
    for pattern, _, _ in table
)
_QUALIFIERS: dict[str, dict[str, str]] = {
    "en": {"about": "about", "around": "about", "some": "about", "roughly": "about", "approximately": "about",
           "an estimated": "about", "estimated": "about", "close to": "nearly", "nearly": "nearly",
           "almost": "nearly", "more than": "more", "over": "more", "at least": "more", "upwards of": "more",
           "just over": "more", "well over": "more", "less than": "less", "fewer than": "less", "under": "less",
           "up to": "less", "just under": "less", "as many as": "less"},
    "es": {"unos": "about", "unas": "about", "alrededor de": "about", "cerca de": "nearly", "casi": "nearly",
           "aproximadamente": "about", "más de": "more", "mas de": "more", "menos de": "less", "hasta": "less"},
    "fr": {"environ": "about", "quelque": "about", "près de": "nearly", "presque": "nearly", "plus de": "more",
           "moins de": "less", "jusqu'à": "less"},
    "de": {"etwa": "about", "rund": "about", "ungefähr": "about", "circa": "about", "ca.": "about",
           "fast": "nearly", "knapp": "nearly", "mehr als": "more", "über": "more", "weniger als": "less",
           "bis zu": "less"},
    "it": {"circa": "about", "quasi": "nearly", "oltre": "more", "più di": "more", "meno di": "less",
           "fino a": "less"},
    "nl": {"ongeveer": "about", "circa": "about", "zo'n": "about", "bijna": "nearly", "ruim": "more",
           "meer dan": "more", "minder dan": "less", "tot": "less"},
    "pt": {"cerca de": "about", "aproximadamente": "about", "quase": "nearly", "mais de": "more",
           "menos de": "less", "até": "less"},
    "ru": {"около": "about", "примерно": "about", "почти": "nearly", "более": "more", "больше": "more",
           "свыше": "more", "менее": "less", "меньше": "less", "не менее": "more", "не меньше": "more",
           "не более": "less", "не больше": "less"},
    "uk": {"близько": "about", "приблизно": "about", "майже": "nearly", "понад": "more", "більше": "more",
           "більш ніж": "more", "щонайменше": "more", "менше": "less", "менш ніж": "less", "не менше": "more",
           "не більше": "less"},
    "cs": {"asi": "about", "přibližně": "about", "zhruba": "about", "kolem": "about", "okolo": "about",
           "cca": "about", "cca.": "about", "téměř": "nearly", "skoro": "nearly", "takřka": "nearly",
           "bezmála": "nearly", "více než": "more", "víc než": "more", "přes": "more", "nejméně": "more",
           "minimálně": "more", "alespoň": "more", "méně než": "less", "míň než": "less", "nejvýše": "less",
           "maximálně": "less", "až": "less"},
}  # fmt: skip

_KNOWN_UNITS = _wordset(
    """people persons person troops soldiers diplomats officials minutes hours days weeks months years decades
    seconds men women children civilians deaths dead casualties victims migrants refugees students workers jobs
    cases votes seats members employees passengers protesters police officers tankers aircraft planes ships
    barrels tonnes tons metres meters kilometres kilometers miles acres homes houses countries nations states
    points shares leaders minute hour day week month year decade second man woman child personas soldados
    muertos heridos años meses días horas minutos semanas personnes soldats morts blessés ans années mois jours
    heures minutes semaines menschen soldaten tote jahre monate tage stunden minuten wochen persone soldati
    morti anni mesi giorni ore minuti settimane mensen soldaten doden jaar jaren maanden dagen uur minuten weken
    pessoas soldados mortos anos meses dias horas minutos semanas человек лет года месяцев дней часов минут
    людей осіб особи років роки місяців днів годин хвилин тижнів військових загиблих кілометрів метрів тонн
    lidí lidé osob osoby osoba osobu člověk roky roků měsíců měsíce dní dnů dny hodin hodiny minut minuty týdnů týdny
    vojáků vojáci obětí mrtvých
    kilometrů kilometry kilometr kilometru metrů metry metr metru tun tuny tuna kilogramů kilogramy kilogramu
    centimetrů centimetry centimetru"""
)
_UNIT_SYNONYMS = {"persons": "people", "person": "people", "personas": "people", "personnes": "people",
                  "menschen": "people", "persone": "people", "mensen": "people", "pessoas": "people",
                  "человек": "people", "людей": "people", "осіб": "people", "особи": "people",
                  "років": "years", "роки": "years", "місяців": "months", "днів": "days", "годин": "hours",
                  "хвилин": "minutes", "тижнів": "weeks", "військових": "soldiers", "загиблих": "dead",
                  "кілометрів": "kilometers", "метрів": "meters", "тонн": "tons",
                  "mins": "minutes", "hrs": "hours", "metres": "meters",
                  "kilometres": "kilometers", "tonnes": "tons",
                  # Czech counted nouns in the cases an amount takes ("5 kilometrů", "2,5 kilometru")
                  "lidí": "people", "lidé": "people", "osob": "people", "osoby": "people", "osoba": "people",
                  "osobu": "people", "člověk": "people", "vojáků": "soldiers", "vojáci": "soldiers",
                  "obětí": "victims", "mrtvých": "dead", "kilometrů": "kilometers", "kilometry": "kilometers",
                  "kilometr": "kilometers", "kilometru": "kilometers", "metrů": "meters", "metry": "meters",
                  "metr": "meters", "metru": "meters", "centimetrů": "centimeters", "centimetry": "centimeters",
                  "centimetru": "centimeters", "tun": "tons", "tuny": "tons", "tuna": "tons", "kilogramů": "kilograms",
                  "kilogramy": "kilograms", "kilogramu": "kilograms", "roky": "years", "roků": "years",
                  "měsíců": "months", "měsíce": "months", "týdnů": "weeks", "týdny": "weeks", "dní": "days",
                  "dnů": "days", "dny": "days", "hodin": "hours", "hodiny": "hours", "minut": "minutes",
                  "minuty": "minutes"}  # fmt: skip
_CS_ONE_MAGNITUDE = frozenset({"tisíc", "milion", "milión", "miliarda", "miliardu", "bilion"})
_CS_SEVERAL = frozenset({"několik", "několika", "pár", "mnoho", "mnoha", "kolik", "tolik", "řadu", "řada"})
_MODIFIERS = _wordset("new more other additional senior few many former top old young first last next")
_NOT_NOUN = _wordset("""was has is this its us as his hers ours yours thus plus less unless various previous""")

_LETTERS = ALPHA  # with an Indic word's vowel signs ("लाख")
_WORD = re.compile(rf"{_LETTERS}(?:[-'’]{_LETTERS})*")
_DIGITS = re.compile(
    r"(?<![^\W_])(?P<sign>[-−](?=\d))?"
    r"(?P<num>\d{1,3}(?:(?:,|\.|\u00a0|\u202f|\u066c| | , )\d{3}(?!\d))+(?:[.,\u066b]\d+)?"
    r"|(?<!\d)\d{1,3} \. \d{1,2}(?![\d.]| \. ?\d)|\d+(?:[.,\u066b]\d+)?)"
)  # " , " and " . ": text tokenised word by word ("3 , 000 people", "magnitude 6 . 1"; not "in 1999 . 200");
# the Arabic script's own separators: "۲٬۵۰۰" (2,500), "۲٫۵" (2.5)
_CUR_PREFIX = re.compile(
    r"(?:US\s?\$|AU\s?\$|NZ\s?\$|U\.S\.\s?\$|USD|EUR|GBP|CHF|JPY|CNY|RMB|RUB|AUD|CAD|BRL|INR|GB£|A\$|C\$|HK\$|R\$|[$€£¥₽₹₩])\s?$"
)
_CUR_SUFFIX = re.compile(
    r"\s?(?:(?:de|di|of|d'|van)\s+)?(?P<cur>US\$|USD|EUR|GBP|\$|€|£|¥|₽|"
    + "|".join(sorted((re.escape(w) for w in _CURRENCY_WORDS), key=len, reverse=True))
    + r")(?![^\W_])",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"\s?(?:" + _PERCENT + ")", re.IGNORECASE)
_GLUED = re.compile(_LETTERS)
_RANGE = re.compile(r"\s?[-–]\s?(\d+(?:[.,]\d+)?)(?![\d\w])")
_MIXED_FRACTION = re.compile(r"[ -](\d{1,2}) ?/ ?(\d{1,2})(?![\d/])")  # "4 1/2", tokenised "4 1 / 2"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_DENOMINATOR = re.compile(r"\d ?/ ?$")
_NUMBER_SIGN = re.compile(r"(?<![^\W_])(?:č|čís)\.\s?$", re.IGNORECASE)


def _lang(language: str | None) -> str:
    base = (language or "en").lower()[:2]
    return base if base in _WORDS else "en"


@cache
def _magnitudes(lang: str) -> dict[str, float]:
    return {**_MAGNITUDES_COMMON, **_MAGNITUDES.get(lang, _MAGNITUDES["en"])}


def _magnitude_of(word: str, lang: str) -> float:
    """The magnitude a word found by :func:`_magnitude_re` names ("mil" of "mil." is a million in Czech)."""
    mags = _magnitudes(lang)
    low = word.lower()
    return mags.get(low) or mags.get(low + ".") or 1.0


@cache
def _magnitude_re(lang: str) -> re.Pattern[str]:
    words = sorted(_magnitudes(lang), key=len, reverse=True)
    # a dot after a short word is the abbreviation's ("mln.", "tys."), after a long one a full stop
    alt = "|".join(re.escape(w) + _NOT_MAGNITUDE.get(w, "") + (r"\.?" if len(w) <= 4 else "") for w in words)
    # "2.6 million", "$2.6-million", tokenised "$2 . 6 - million"
    return re.compile(r"(?:(?:\s?[-–]\s?|\s)?(?:" + alt + rf")(?!{WORD_CHAR}))+", re.IGNORECASE)


@cache
def _qualifier_re(lang: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(q) for q in sorted(_QUALIFIERS[lang], key=len, reverse=True))
    return re.compile(r"(?<![^\W_])(?P<q>" + alt + r")\s+$", re.IGNORECASE)


@cache
def _vague_re(lang: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![^\W_])(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE[lang])) + r")(?![^\W_])",
        re.IGNORECASE,
    )


# --- parsing --------------------------------------------------------------------------------------


def _digits_value(raw: str, comma: bool) -> tuple[float, int] | None:
    """(value, decimals) of a digit string written with a decimal ``comma`` (else a point)."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    decimal, group = (",", ".") if comma else (".", ",")
    s = s.replace(" ", "").replace("\u066c", group).replace("\u066b", decimal)
    if decimal in s:
        whole, _, frac = s.rpartition(decimal)
        if group in frac:
            return None
        if not comma and group in whole and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", whole):
            return None
    else:
        whole, frac = s, ""
    if group in whole:
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(group) + r"\d{3})+", whole):
            return None
        whole = whole.replace(group, "")
    # "1.5" in a comma-decimal language is almost always a decimal point written the English way.
    if comma and not frac and s.count(".") == 1 and not re.fullmatch(r"\d{1,3}\.\d{3}", s):
        whole, _, frac = s.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()):
        return None
    return float(f"{whole}.{frac}" if frac else whole), len(frac)


def _compound_value(token: str, lang: str) -> float | None:
    """Value of one number word, including compounds ("einundzwanzig", "ventitré", "dix-sept")."""
    table = _WORDS[lang]
    word = token.lower().replace("’", "'")
    if word in table:
        return table[word]
    if lang == "en" and "-" in word:
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in table and parts[1] in table and table[parts[0]] >= 20:
            return table[parts[0]] + table[parts[1]]
        return None
    if lang == "fr" and "-" in word:
        word = word.replace("quatre-vingt", "octante").replace("-et-", "-")
        parts = word.split("-")
        values = [table.get(p) for p in parts]
        if any(v is None for v in values):
            return None
        return float(sum(v for v in values if v is not None))
    if lang in ("de", "it", "nl", "es", "pt", "cs") and len(word) > 4:
        return _decompose(word, lang)
    return None


@cache
def _compound_lexicon(lang: str) -> tuple[tuple[str, float], ...]:
    items = dict(_WORDS[lang])
    items.update({h: 100.0 for h in _HUNDRED[lang]})
    items.update({m: v for m, v in _MAGNITUDES.get(lang, {}).items() if v == 1e3 and " " not in m})
    for c in _CONNECTORS[lang] | ({"ën"} if lang == "nl" else {"a"} if lang == "cs" else set()):
        items[c] = -1.0
    return tuple(sorted(items.items(), key=lambda kv: -len(kv[0])))


def _decompose(word: str, lang: str) -> float | None:
    """Greedy left-to-right split of a one-word compound into number words."""
    pos, parts = 0, []
    lexicon = _compound_lexicon(lang)
    while pos < len(word):
        for name, value in lexicon:
            if word.startswith(name, pos):
                parts.append(value)
                pos += len(name)
                break
        else:
            return None
    if len(parts) < 2:
        return None
    if lang in ("nl", "de", "cs"):  # "einundzwanzig", "pětadvacet": units before tens
        out: list[float] = []
        i = 0
        while i < len(parts):
            if i + 2 < len(parts) and parts[i + 1] == -1.0:
                out.extend((parts[i + 2], parts[i]))
                i += 3
            else:
                out.append(parts[i])
                i += 1
        parts = out
    if -1.0 in parts:
        return None
    return _combine(parts)


def _combine(values: list[float]) -> float:
    total, current, largest = 0.0, 0.0, math.inf
    for v in values:
        if v == 100.0 and current < 100:
            current = (current or 1.0) * 100
        elif v >= 1000:
            if v > largest or largest == math.inf:
                total = (total + (current or 1.0)) * v
                largest = v
            else:
                total += (current or 1.0) * v
            current = 0.0
        else:
            current += v
    return total + current


def parse_number(text: str, *, language: str = "en") -> float | None:
    """The value of a number written in digits or words ("1,200", "ten", "two hundred thousand"), else None."""
    lang = _lang(language)
    s = text.strip()
    m = _DIGITS.fullmatch(s)
    if m:
        parsed = _digits_value(m.group("num"), _comma(language))  # spaces go: "3 , 000", "6 . 1"
        return None if parsed is None else (-parsed[0] if m.group("sign") else parsed[0])
    tokens = s.split()
    values = _word_values(tokens, lang)
    return values


def _word_values(tokens: list[str], lang: str) -> float | None:
    mags = _magnitudes(lang)
    values: list[float] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _CONNECTORS[lang] and values:
            continue
        if lang == "en" and low in ("a", "an") and i == 0:
            values.append(1.0)
            continue
        if low in _HUNDRED[lang]:
            values.append(100.0)
            continue
        if low in mags and mags[low] >= 1000:
            values.append(mags[low])
            continue
        v = _compound_value(tok, lang)
        if v is None:
            return None
        if low in _DOZENS:
            values[-1:] = [(values[-1] if values else 1.0) * 12]
            continue
        values.append(v)
    return _combine(values) if values else None


# --- finding --------------------------------------------------------------------------------------


def find_quantities(text: str, *, language: str = "en") -> list[Quantity]:
    """Every quantity in ``text`` in order of position (see the module docstring for what counts)."""
    if (language or "")[:2].lower() in ("ja", "zh"):
        return _cjk_quantities(text)
    if (language or "")[:2].lower() == "ko":
        return _korean_quantities(text)
    lang = _lang(language)
    from .timex import find_times  # late import: timex parses durations with this module

    # dates are read in the text's own language ("15 marca 2021" is a date in Polish, whose
    # number words this module does not read)
    blocked = [(t.start, t.end) for t in find_times(text, language=language or lang) if t.kind in ("date", "time")]
    comma = _comma(language)
    found = [*_digit_quantities(text, lang, blocked, comma, language), *_word_quantities(text, lang, blocked)]
    if lang == "cs":
        found += _cs_compounds(text, blocked)
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    if (language or "")[:2].lower() in _SOUTH_ASIAN:
        out = _south_asian_sums(text, _south_asian_decimals(text, out))
    trailing = _TRAILING_MAGNITUDES.get((language or "")[:2].lower())
    if trailing:
        out = [_with_magnitude(text, q, trailing, lang) for q in out]
    return _pairs(text, out, lang, comma)


# magnitude words of languages whose number words are not read, and which are words of other
# languages too (Turkish "bin" is a thousand, English "bin" a bin): read after a number in their
# own language only ("12 bin kişi" is 12,000 people, "2,5 triệu USD" 2.5 million dollars)
_TRAILING_MAGNITUDES: dict[str, dict[str, float]] = {
    "tr": {"bin": 1e3, "trilyon": 1e12},
    "hu": {"ezer": 1e3, "ezren": 1e3, "billió": 1e12},
    "pl": {"tys.": 1e3, "tys": 1e3, "mld": 1e9, "bln": 1e12},
    "vi": {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9},
    "ro": {"mii": 1e3, "milion": 1e6, "milioane": 1e6, "miliard": 1e9, "miliarde": 1e9},
    "id": {"triliun": 1e12},
}
_NEXT_WORD = re.compile(rf"\s+({_LETTERS}+\.?)")


def _with_magnitude(text: str, q: Quantity, trailing: dict[str, float], lang: str) -> Quantity:
    """``q`` with the magnitude word of ``trailing`` right after it, and the unit after that."""
    m = _NEXT_WORD.match(text, q.end)
    if m is None or q.high is not None:
        return q
    word = m.group(1).lower()
    bare = word.rstrip(".")
    if word in trailing:  # "tys.": the dot is the word's
        scale, end = trailing[word], m.end()
    elif bare in trailing:  # a sentence's full stop after the word is not
        scale, end = trailing[bare], m.start(1) + len(bare)
    else:
        return q
    if q.unit in CURRENCIES:
        return q
    cur = _CUR_SUFFIX.match(text, end)
    if cur:
        name = cur.group("cur").lower()
        unit = _CURRENCY_WORDS.get(name) or _CURRENCY_SYMBOLS.get(name, cur.group("cur").upper())
    else:
        unit = _unit_after(text, end, lang, plural=False)
    if cur:
        end = cur.end()
    value, precision = q.value * scale, q.precision * scale
    return Quantity(q.start, end, text[q.start : end], value, unit, q.approximate, q.qualifier, precision, None)


_SOUTH_ASIAN = frozenset({"hi", "ur", "bn", "mr", "ne", "pa", "gu"})


_DECIMAL_WORD = re.compile(r"\s*(?:দশমিক|दशमलव|اعشاریہ)\s*$")


def _south_asian_decimals(text: str, found: list[Quantity]) -> list[Quantity]:
    """A decimal point written as a word: "১৭ দশমিক ৬ শতাংশ" is 17.6 percent, not 17 and 6."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        digits = re.fullmatch(r"\d+", q.text.split()[0]) if q.text.split() else None
        if prev is not None and digits and prev.unit is None and _DECIMAL_WORD.match(text[prev.end : q.start]):
            fraction = digits.group()
            value = prev.value + int(fraction) / 10 ** len(fraction)
            precision = 0.5 * 10.0 ** -len(fraction)
            out[-1] = Quantity(
                prev.start, q.end, text[prev.start : q.end], value, q.unit, prev.approximate, prev.qualifier, precision
            )
            continue
        out.append(q)
    return out


def _south_asian_sums(text: str, found: list[Quantity]) -> list[Quantity]:
    """One amount written in two groups: "6 लाख 39 हज़ार" is 639,000, "1 করোড় 55 লাখ" 15.5 million
    (a crore or lakh, then a smaller group right after it)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit is None
            and not text[prev.end : q.start].strip()
            and prev.value >= 1e5
            and prev.value % 1e5 == 0
            and 1000 <= q.value < 1e5 * (100 if prev.value % 1e7 == 0 else 1)  # a group with its own word
            and q.value < prev.value
        ):
            out[-1] = Quantity(
                prev.start,
                q.end,
                text[prev.start : q.end],
                prev.value + q.value,
                q.unit,
                prev.approximate or q.approximate,
                prev.qualifier or q.qualifier,
                q.precision,
                None,
            )
            continue
        out.append(q)
    return out


_PAIR_GAP = re.compile(r"\s?(?:[-–]|to|and)\s?", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|mezi)\s+$", re.IGNORECASE)
# Czech range words: "mezi 40 a 80 procenty", "10 až 15 lidí" ("až" before one amount is "up to")
_PAIR_WORDS = {"cs": {"a": "and", "až": "to"}}
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)  # "rose from 15 to 20": a change, not a range
_OF_GAP = re.compile(r" of ")


def _numeral(q: Quantity, lang: str, comma: bool) -> float | None:
    """The value of the digits a quantity is written with ("150" in "$150 million"), or of its first
    number word ("two" in "two million")."""
    m = _DIGITS.search(q.text)
    if m:
        parsed = _digits_value(m.group("num"), comma)
        return parsed[0] if parsed else None
    for word in _WORD.findall(q.text):
        value = _word_values([word], lang)
        if value is not None:
            return value
    return None


def _pairs(text: str, found: list[Quantity], lang: str, comma: bool) -> list[Quantity]:
    """Two amounts that read as one: a range written with both ends is one amount, its first end
    taking the second's magnitude and unit ("$140-$150 million", "between $140 and $150 million",
    "$140 - 150MM", "between 40 and 80 percent", "as many as 35 to 40 firefighters"); and "28 of
    41 passes" counts passes twice."""
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        q1 = found[k]
        q2 = found[k + 1] if k + 1 < len(found) else None
        k += 1
        if q2 is None:
            out.append(q1)
            continue
        gap = text[q1.end : q2.start]
        if _OF_GAP.fullmatch(gap):
            if q1.unit is None and q2.unit is not None and q2.unit != "percent" and q1.value <= q2.value:
                q1 = replace(q1, unit=q2.unit)
            out.append(q1)
            continue
        joint = gap.strip().lower()
        if lang in _PAIR_WORDS:
            if not joint and q2.qualifier == "less" and q2.text.lower().startswith("až"):
                joint = "až"  # the second end took "až" as its qualifier
            if joint in _PAIR_WORDS[lang]:
                joint, gap = _PAIR_WORDS[lang][joint], f" {_PAIR_WORDS[lang][joint]} "
        if (
            not _PAIR_GAP.fullmatch(gap)
            or (joint == "and" and not _BETWEEN.search(text, 0, q1.start))
            or (joint == "to" and _FROM.search(text, 0, q1.start))
        ):
            out.append(q1)
            continue
        if q2.unit == "mm" and q2.text.endswith("MM") and q1.unit in CURRENCIES:
            q2 = replace(q2, value=q2.value * 1e6, unit=q1.unit, precision=q2.precision * 1e6)
        n1, n2 = _numeral(q1, lang, comma), _numeral(q2, lang, comma)
        scale = q2.value / n2 if n2 else 0.0
        if q1.unit in CURRENCIES and q2.unit is None and scale > 1 and joint != "and":
            q2 = replace(q2, unit=q1.unit)  # "US$ 300 to 350 million": the currency is said once, first
        if (
            not n1
            or not scale
            or q1.value not in (n1, n1 * scale)  # "$140" or "$140 million" before "$150 million"
            or n1 * scale >= q2.value
            or q1.unit not in (None, q2.unit)
            or q1.high is not None
            or q2.high is not None
        ):
            out.append(q1)
            continue
        out.append(_quantity(text, q1.start, q2.end, n1 * scale, q2.unit, "range", q1.precision * scale, q2.value))
        k += 1  # the range's second end is read
    return out


# Japanese and Chinese: digits glued to magnitudes and a counter ("１万５千人", "４７２億円")
_CJK_MAGNITUDES = {
    "十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12,
    # Korean writes its magnitudes in Hangul ("30만 유로", "11만100유로", "2억 달러")
    "백": 100.0, "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12,
}  # fmt: skip
# Korean units, counters and what is no quantity; a space may stand between number and unit
_KO_UNITS = {
    "달러": "USD", "유로": "EUR", "원": "KRW", "루블": "RUB", "엔": "JPY", "위안": "CNY", "파운드": "GBP",
    "텡게": "KZT", "퍼센트": "percent", "%": "percent", "명": "people", "척": "ships", "건": "cases",
    "곳": "places", "개국": "countries", "개": "items", "점": "points", "배": "times", "표": "votes",
    "㎡": "square meters", "km": "kilometers", "킬로미터": "kilometers", "m": "meters", "미터": "meters",
    "cm": "centimeters", "톤": "tons", "kg": "kilograms", "킬로그램": "kilograms", "도": "degrees",
    "경기": "games", "과목": "subjects", "시간": "hours", "mm": "millimeters", "%포인트": "percentage points",
    "%p": "percentage points", "%P": "percentage points",
}  # fmt: skip
# ("20대": in one's twenties, "4대강": the four great rivers; 대 counts vehicles too, but not only)
_KO_NOT = (
    "년", "월", "일", "시", "분", "초", "세", "위", "번", "차", "회", "호", "학년", "라운드", "부", "인당", "대",
)  # fmt: skip
_KO_QUALIFIERS_BEFORE = {"약": "about", "최대": "at most", "최소": "at least", "무려": "as many as"}
_KO_QUALIFIERS_AFTER = {"여": "more", "이상": "more", "미만": "less", "넘는": "more", "넘게": "more", "가량": "about"}
_CJK_UNITS = {
    "円": "JPY", "元": "CNY", "人民元": "CNY", "ドル": "USD", "美元": "USD", "ユーロ": "EUR", "欧元": "EUR",
    "ポンド": "GBP", "ルーブル": "RUB", "％": "percent", "%": "percent", "パーセント": "percent",
    "人": "people", "名": "people", "隻": "ships", "艘": "ships", "機": "aircraft", "架": "aircraft",
    "台": "vehicles", "辆": "vehicles", "件": "cases", "例": "cases", "騎": "riders", "点": "points",
    "キロ": "kilometers", "公里": "kilometers", "千米": "kilometers", "メートル": "meters", "米": "meters",
    "トン": "tons", "吨": "tons", "公斤": "kilograms", "千克": "kilograms", "カ国": "countries",
    "か国": "countries", "ヵ国": "countries", "个国家": "countries", "軒": "buildings", "棟": "buildings",
    "校": "schools", "社": "companies", "発": "shots", "票": "votes", "倍": "times",
    # Chinese currencies ("4000日元" is no date: the unit is read before the counters below)
    "日元": "JPY", "日圆": "JPY", "卢布": "RUB", "英镑": "GBP", "韩元": "KRW", "港元": "HKD", "港币": "HKD",
    "人民币": "CNY", "美金": "USD",
    # counts of games and durations ("18得点", "45試合", "15日間": not the 15th)
    "得点": "points", "試合": "matches", "场比赛": "matches", "ゴール": "goals", "日間": "days", "週間": "weeks",
    "カ月": "months", "か月": "months", "ヶ月": "months", "ヵ月": "months", "个月": "months", "時間": "hours",
    "小时": "hours", "分間": "minutes", "分钟": "minutes", "年間": "years", "戸": "homes",
}  # fmt: skip
# counters of dates, times, ages and ranks: no quantity ("２５日", "７月", "２７歳", "３位")
_CJK_NOT = (
    "年",
    "月",
    "日",
    "時",
    "分",
    "秒",
    "歳",
    "岁",
    "位",
    "番",
    "号",
    "回目",
    "度目",
    "期",
    "代",
    "世紀",
    "周年",
)
_CJK_NUMBER = re.compile(
    r"(?P<num>[0-9０-９]+(?:[.,．，][0-9０-９]+|・[0-9０-９]{1,2}(?![0-9０-９]))?)(?P<mags>(?:[0-9０-９]*[十百千万萬億亿兆])*)"
    r"(?P<tail>(?<=[万萬億亿兆])[0-9０-９]+(?:・[0-9０-９]{1,2}(?![0-9０-９]))?)?"
)  # "１８２・４４ドル": newspapers write a decimal point as ・; "２万６４６９・８９ドル" is 26,469.89
# digits, then magnitudes with more digits between or after them ("3만5천", "1조2천억", "1천200",
# "3만 5천": a space only before digits and a magnitude)
_KO_NUMBER = re.compile(
    r"(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
    r"(?P<mags>(?:[0-9,]*[백천만억조](?: (?=[0-9][0-9,]*[백천만억조]))?)*)"
    r"(?P<tail>(?<=[백천만억조])[0-9]+)?"
)
_KO_UNIT = re.compile(
    " ?(?:" + "|".join(sorted((re.escape(u) for u in _KO_UNITS), key=len, reverse=True)) + ")(?![A-Za-z])"
)
_KO_RANGE = re.compile(r" ?[~∼～-] ?")
_KO_SPACED_TAIL = re.compile(r" ([0-9]{1,3}(?:,[0-9]{3})*)(?![0-9,.])")
_ZH_DAYTIME = ("上午", "下午", "晚上", "早上", "中午", "凌晨", "傍晚", "夜间", "晚")
_CJK_UNIT = re.compile("|".join(sorted((re.escape(u) for u in _CJK_UNITS), key=len, reverse=True)))
_CJK_QUALIFIERS = {
    "約": "about", "およそ": "about", "大约": "about", "超过": "more", "不到": "less", "近": "nearly", "超": "more",
    "以上": "more", "余り": "more", "余": "more", "多": "more", "未満": "less", "以下": "less",
    "约": "about", "左右": "about", "逾": "more", "不足": "less",
}  # fmt: skip


def _cjk_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _CJK_NUMBER.finditer(text):
        start, end = m.start(), m.end()
        if start > 0 and (
            text[start - 1] in "第.．" or (text[start - 1] in ",，" and start > 1 and text[start - 2].isdigit())
        ):
            continue  # an ordinal ("第２"), a decimal's tail ("打率.346") or another number's; not after a
            # clause's comma ("8人遇难，14人失联")
        unit_m = _CJK_UNIT.match(text, end)
        if unit_m is not None and unit_m.group()[0] == "日" and text[start - 1 : start] == "月":
            unit_m = None  # "1月1日元旦": a date, not 1 yen
        if unit_m is not None and _CJK_UNITS[unit_m.group()] == "months" and text[start - 1 : start] in "歳岁":
            continue  # "１６歳１１か月": an age's months
        if unit_m is not None and unit_m.group() == "个月" and text.startswith("度", unit_m.end()):
            unit_m = None  # "个月度": monthly, not months
        if text.endswith(_ZH_DAYTIME, 0, start) or text.startswith(("多岁", "余岁"), end):
            continue  # "上午10点": a time, not 10 points; "40多岁": an age
        if unit_m is None and (text.startswith(_CJK_NOT, end) or text.startswith(("：", ":", "/", "／"), end)):
            continue  # a date, a time, an age or a rank
        digits = unicodedata.normalize("NFKC", m.group("num")).replace(",", "").replace("，", "").replace("・", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        decimals = len(digits.partition(".")[2])
        value, multiplier = _cjk_magnitudes(value, unicodedata.normalize("NFKC", m.group("mags")))
        if m.group("tail"):  # the units after the last magnitude
            value += float(unicodedata.normalize("NFKC", m.group("tail")).replace("・", "."))
        unit = _CJK_UNITS[unit_m.group()] if unit_m else None
        if (
            unit is None
            and not m.group("mags")
            and ((digits[:2].isdigit() and digits[0] == "0") or 1800 <= value <= 2100)
        ):
            continue  # a code ("０３６３") or a year written without 年 ("2020夏季")
        if unit_m:
            end = unit_m.end()
        qualifier = next((q for w, q in _CJK_QUALIFIERS.items() if text.endswith(w, 0, start)), None)
        if qualifier is None:
            qualifier = next((q for w, q in _CJK_QUALIFIERS.items() if text.startswith(w, end)), None)
        out.append(_quantity(text, start, end, value, unit, qualifier, 0.5 * 10.0**-decimals * multiplier))
    return out


def _korean_quantities(text: str) -> list[Quantity]:
    """Korean quantities: digits (thousands commas, a decimal point), Hangul magnitudes ("30만", "11만100",
    "2억"), a unit or counter after them, a space between or not ("30만 유로", "40척", "1,000㎡");
    dates, times, ages and ranks are none ("7월 25일", "34세", "1위")."""
    out: list[Quantity] = []
    for m in _KO_NUMBER.finditer(text):
        start, end = m.start(), m.end()
        code = start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()  # "VAZ-21083"
        if (
            code
            or (start > 0 and (text[start - 1] in ".,제·" or text[start - 1].isalnum()))
            or text[end : end + 1].isdigit()
        ):
            continue  # an ordinal ("제30학교"), a code ("VAZ-21083" is read whole) or part of another number
        if out and out[-1].end > start:
            continue  # the second end of a range read with the first
        mags = m.group("mags") or ""
        if text[end : end + 1] in ("·", "."):
            continue  # "6·25", "5.18": a date
        digits = m.group("num").replace(",", "")
        mags = mags.replace(",", "")  # "1억 2,000만"
        value, multiplier = _cjk_magnitudes(float(digits), mags)
        if m.group("tail"):
            value += float(m.group("tail"))
        elif mags and (t := _KO_SPACED_TAIL.match(text, end)) and _KO_UNIT.match(text, t.end()):
            value += float(t.group(1).replace(",", ""))  # "3만 2,000명"
            end = t.end()
        high = None
        if (r := _KO_RANGE.match(text, end)) and (m2 := _KO_NUMBER.match(text, r.end())):  # "3~5명"
            mags2 = (m2.group("mags") or "").replace(",", "")
            top = _cjk_magnitudes(float(m2.group("num").replace(",", "")), mags2)[0] + float(m2.group("tail") or 0)
            low, low_multiplier = value, multiplier
            if not mags and mags2:  # "2~3만 명": both ends in 만
                low, low_multiplier = _cjk_magnitudes(float(digits), mags2[-1])
            if top > low:  # a range rises ("1-0" is a score)
                high, value, multiplier, end, mags = top, low, low_multiplier, m2.end(), mags or mags2
        if not mags and text.startswith(_KO_NOT, end):
            continue
        some_more = text.startswith("여", end) and _KO_UNIT.match(text, end + 1) is not None  # "100여 명"
        unit_m = _KO_UNIT.match(text, end + 1 if some_more else end)
        if unit_m is None and text.startswith(_KO_NOT, end):
            continue
        unit = _KO_UNITS[unit_m.group().strip()] if unit_m else None
        if unit is None and not mags and (1800 <= value <= 2100 or (len(digits) > 1 and digits[0] == "0")):
            continue  # a year or a code
        if unit_m:
            end = unit_m.end()
        decimals = len(digits.partition(".")[2])
        before = text[max(0, start - 4) : start].rstrip()
        qualifier = "more" if some_more else None
        qualifier = qualifier or next((q for w, q in _KO_QUALIFIERS_BEFORE.items() if before.endswith(w)), None)
        if qualifier is None:
            after = text[end : end + 4].lstrip()
            qualifier = next((q for w, q in _KO_QUALIFIERS_AFTER.items() if after.startswith(w)), None)
        precision = 0.5 * 10.0**-decimals * multiplier
        if high is not None:
            out.append(_quantity(text, start, end, value, unit, "range", precision, high))
            continue
        out.append(_quantity(text, start, end, value, unit, qualifier, precision))
    return out


def _cjk_magnitudes(value: float, mags: str) -> tuple[float, float]:
    """The value of digits followed by magnitudes and more digits ("1万5千" -> 15000), and the
    magnitude of the first digits (for the precision)."""
    # 万, 億, 兆 close a section ("4億2600万" is 4 億 and 2600 万: 426,000,000); 十, 百, 千 add
    # to the section before them ("5千万" is 5,000 万)
    total, section, current, first = 0.0, 0.0, value, 0.0
    for part in re.findall(r"[0-9]*[十百千万萬億亿兆백천만억조]", mags):
        mag = _CJK_MAGNITUDES[part[-1]]
        lead = float(part[:-1]) if part[:-1] else None
        if lead is not None:
            current = lead
        if mag >= 1e4:
            total += (section + current) * mag
            section = 0.0
        else:
            section += current * mag
        current = 0.0
        first = first or mag
    return total + section + current, first or 1.0


def _quantity(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str | None,
    qualifier: str | None,
    precision: float,
    high: float | None = None,
) -> Quantity:
    """A quantity found at ``text[start:end]``, approximate when the writer hedged it."""
    return Quantity(start, end, text[start:end], value, unit, qualifier is not None, qualifier, precision, high)


def _overlaps(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in blocked)


# counted nouns of languages whose number words are not read: after a place's case ("W Krakowie 25
# osób", "Di Jakarta 25 orang"), an amount followed by one is a count, not a name's number
_COUNTED_AFTER_PLACE = {
    "pl": _wordset("osób osoby ludzi zabitych rannych lat miesięcy dni godzin minut tygodni kilometrów metrów km"),
    "id": _wordset("orang tahun bulan hari jam menit minggu kilometer meter km tentara korban"),
    "sv": _wordset("personer människor år dagar timmar minuter km"),
    "da": _wordset("personer mennesker år dage timer minutter km"),
    "nb": _wordset("personer mennesker år dager timer minutter km"),
    "ro": _wordset("persoane oameni ani zile ore minute km"),
    "hu": _wordset("ember embert év napig napja óra órát perc km"),
}


# languages read with the English words whose words ending in "s" are no plurals ("25 orang tewas":
# 25 people dead, not 25 "tewas"); their counted nouns are read by nlp/counted.py
_NO_PLURAL_S = frozenset({"id", "tr", "pl", "vi"})


# a quake's magnitude after a capitalised word or before a word of magnitude is no name's number
# ("der Stärke 6,1", "Simav'da 5,9 büyüklüğünde deprem")
_MAGNITUDE_WORDS = frozenset({"stärke", "magnitude", "magnitudo", "magnitud", "kracht", "richter"})
_MAGNITUDE_AFTER_WORDS = ("büyüklüğünde", "magnitud", "magnitude", "richter")


def _counted_after(text: str, end: int, language: str | None) -> bool:
    m = _NEXT_WORD.match(text, end)
    if m is not None and m.group(1).lower().startswith(_MAGNITUDE_AFTER_WORDS):
        return True
    return m is not None and m.group(1).lower().rstrip(".") in _COUNTED_AFTER_PLACE.get(language or "", ())


def _digit_quantities(
    text: str, lang: str, blocked: list[tuple[int, int]], comma: bool, language: str | None = None
) -> list[Quantity]:
    """Amounts written with digits (``lang``: the language whose words are read, English for one
    this module has no words of; ``language``: the text's own)."""
    language = (language or "en")[:2].lower()
    english = language == "en"
    out: list[Quantity] = []
    for m in _DIGITS.finditer(text):
        start, end = m.start(), m.end()
        if _overlaps(start, end, blocked):
            continue
        before = text[max(0, start - 12) : start]
        if (
            start >= 2
            and text[start - 1] in "-–/:"
            and (text[start - 2].isalnum())
            and not _hebrew_prefixed(text, start)
        ):
            continue  # Covid-19, 24/7, 1:32
        if _DENOMINATOR.search(text, max(0, start - 4), start):
            continue  # "41 / 2 months": a fraction's denominator counts nothing
        if _NUMBER_SIGN.search(before):
            continue  # "škola č. 30": a number that names (Czech "č." is "No.")
        if end < len(text) and text[end] in ":/" and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        parsed = _digits_value(m.group("num"), comma)  # spaces go: "3 , 000", "6 . 1"
        if parsed is None:
            continue
        value, decimals = parsed
        fraction = _MIXED_FRACTION.match(text, end) if not decimals else None
        if fraction and 0 < int(fraction[1]) < int(fraction[2]) <= 16:  # "4 1/2 months", "a 4-1/2-month term"
            value, decimals, end = value + int(fraction[1]) / int(fraction[2]), 2, fraction.end()
        elif not decimals and text[end : end + 1] in _VULGAR:  # "4½ hours"
            value, decimals, end = value + _VULGAR[text[end]], 2, end + 1
        if m.group("sign"):
            value = -value
        currency: str | None = None
        cur = _CUR_PREFIX.search(before)
        if cur and not (cur.start() > 0 and before[cur.start() - 1].isalpha()):
            currency = _CURRENCY_SYMBOLS.get(cur.group().strip().lower().replace(" ", ""), "USD")
            start -= len(before) - cur.start()
        elif _after_name(text, start) and (
            english
            or 1800 <= value <= 2100
            or (_unit_after(text, end, lang) not in _KNOWN_UNITS and not _counted_after(text, end, language))
        ):
            # "Nord Stream 2", "Boeing 777 planes"; but a place's case before a count is no name
            # outside English ("в аэропорту Иркутска 25 минут": 25 minutes)
            continue
        multiplier = 1.0
        unit: str | None = None
        glued = _GLUED.match(text, end)
        if glued:
            suffix = glued.group()
            low = suffix.lower()
            if low in _magnitudes(lang) and len(low) > 1:
                multiplier, end = _magnitudes(lang)[low], glued.end()
            elif low in _LETTER_MAGNITUDES and (
                currency
                or ((decimals or suffix.isupper()) and low != "mm")
                or (low == "mm" and _CUR_SUFFIX.match(text, glued.end()))  # "200MM euros"
            ):
                multiplier, end = _LETTER_MAGNITUDES[low], glued.end()
            elif low in _PHYSICAL:
                unit, end = _PHYSICAL[low], glued.end()
            elif lang == "cs" and low == "krát":  # "1 000 000krát": a million times
                end = glued.end()
            else:
                continue  # 21st, 5G, 1990s, A380-style codes
        elif lang == "de" and text[end : end + 2] == ". " and text[end + 2 : end + 3].isupper() and not decimals:
            continue  # German ordinal: "2. Weltkrieg"
        elif lang == "cs" and text[end : end + 2] == ". " and text[end + 2 : end + 3].islower() and not decimals:
            continue  # Czech ordinal: "2. světová válka", "v 90. letech"
        mag = _magnitude_re(lang).match(text, end)
        if mag and multiplier == 1.0:
            product = 1.0
            for word in _GLUED.findall(mag.group()):
                product *= _magnitude_of(word, lang)
            if product > 1.0:
                multiplier, end = product, mag.end()
        pre = _PREFIX_MAGNITUDE.search(text, max(0, start - 12), start) if multiplier == 1.0 else None
        if pre:  # Hausa "dala miliyan 2.5", Swahili "milioni 3": the magnitude before the number
            multiplier, start = _PREFIX_MAGNITUDES[pre.group(1).lower()], pre.start()
        high: float | None = None
        qualifier: str | None = None
        rng = _RANGE.match(text, end)
        if rng and multiplier == 1.0 and not _overlaps(rng.start(), rng.end(), blocked):
            other = _digits_value(rng.group(1), comma)
            if other is not None and other[0] > value:
                high, qualifier, end = other[0], "range", rng.end()
                mag = _magnitude_re(lang).match(text, end)  # "$140-150 million": both ends are millions
                product = math.prod(_magnitude_of(w, lang) for w in _GLUED.findall(mag.group())) if mag else 1.0
                if mag and product > 1.0:
                    multiplier, end = product, mag.end()
        if currency is None:
            suf = _CUR_SUFFIX.match(text, end)
            if suf and (multiplier > 1 or not suf.group().strip().lower().startswith(("de ", "di ", "of ", "van "))):
                key = suf.group("cur").lower()
                currency = _CURRENCY_SYMBOLS.get(key) or _CURRENCY_WORDS.get(key)
                end = suf.end()
        if currency is None and unit is None:
            pct = _PERCENT_RE.match(text, end)
            if pct:
                unit, end = "percent", pct.end()
        if currency:
            unit = currency
        elif unit is None:
            unit = _unit_after(text, end, lang, plural=language not in _NO_PLURAL_S)
        precision = 0.5 * 10.0**-decimals * multiplier
        start, qual = _qualifier(text, start, lang)
        qualifier = qualifier or qual
        high = None if high is None else high * multiplier
        out.append(_quantity(text, start, end, value * multiplier, unit, qualifier, precision, high))
    return out


# magnitudes written before the number: Hausa "dala miliyan 2.5" ($2.5 million), Swahili "milioni 3"
_PREFIX_MAGNITUDES = {"dubu": 1e3, "miliyan": 1e6, "biliyan": 1e9, "elfu": 1e3, "milioni": 1e6, "bilioni": 1e9}
_PREFIX_MAGNITUDE = re.compile(r"(?<![^\W\d_])(" + "|".join(_PREFIX_MAGNITUDES) + r")\s+$", re.IGNORECASE)


_HEBREW_PREFIX_LETTERS = frozenset("בהוכלמש")


def _hebrew_prefixed(text: str, start: int) -> bool:
    """Digits after a hyphen that joins Hebrew one-letter prefixes to them ("ב-73", "וכ-2,500":
    in 73, and about 2,500), which are no part of a name like "Covid-19"."""
    hyphen = start - 1
    if text[hyphen] not in "-–":
        return False
    j = hyphen
    while j > 0 and text[j - 1] in _HEBREW_PREFIX_LETTERS and hyphen - j < 3:
        j -= 1
    return j < hyphen and (j == 0 or not text[j - 1].isalnum())


def _after_name(text: str, start: int) -> bool:
    """Digits right after a capitalised word inside a sentence belong to a name ("Nord Stream 2")."""
    m = re.search(r"([^\W\d_][\w'’.-]*)\s$", text[max(0, start - 40) : start])
    if not m or not m.group(1)[0].isupper():
        return False
    word_start = start - len(m.group(0))
    prefix = text[:word_start].rstrip()
    if not prefix or prefix[-1] in '.!?“"«:\n' or prefix.endswith(("(", "—")):
        return False  # sentence-initial capital: "About 200", "In 2020"
    low = m.group(1).lower().rstrip(".")
    return low not in _QUALIFIERS.get("en", {}) and low not in _MAGNITUDE_WORDS


# "up to" after a verb of rising is where the figure rose to, not a ceiling ("gestegen tot 2.900",
# "se elevó hasta 2.900", "a grimpé jusqu'à 2 900"); "hasta 50 personas" alone is at most 50
_RISEN = re.compile(
    r"(?<![^\W_])(?:gestegen|opgelopen|toegenomen|elevó|elevado|eleva|ascendió|ascendido|subió|subido|aumentó|"
    r"aumentado|creció|crecido|llegó|grimpé|grimpe|monté|monte|passé|augmenté|salito|salita|salgono|aumentato|"
    r"subiu|aumentou|cresceu|chegou|gestiegen|angestiegen)\s+$",
    re.IGNORECASE,
)


def _qualifier(text: str, start: int, lang: str) -> tuple[int, str | None]:
    m = _qualifier_re(lang).search(text, max(0, start - 24), start)
    if not m:
        return start, None
    qualifier = _QUALIFIERS[lang][m.group("q").lower()]
    if qualifier == "less" and _RISEN.search(text, max(0, m.start() - 24), m.start()):
        return start, None
    return m.start(), qualifier


# a measure written as an adjective ("a 170,000-square-foot building", "a 10-mile stretch"): the
# amount measures, it does not count the noun after ("houses" in "the building houses ...")
_MEASURE_ADJECTIVES = {
    "foot": "feet", "feet": "feet", "metre": "meters", "meter": "meters", "kilometre": "kilometers",
    "kilometer": "kilometers", "mile": "miles", "acre": "acres", "hectare": "hectares", "yard": "yards",
    "inch": "inches", "ton": "tons", "tonne": "tons", "pound": "pounds", "gallon": "gallons", "litre": "liters",
    "liter": "liters", "km": "kilometers", "kg": "kilograms",
}  # fmt: skip


def _measure_adjective(low: str, before: str) -> str | None:
    """ "square-foot" -> "square feet", "mile" -> "miles"; None for any other word."""
    parts = low.replace("’", "-").split("-")
    unit = _MEASURE_ADJECTIVES.get(parts[-1])
    if unit is None:
        return None
    area = parts[-2] if len(parts) > 1 else before
    return f"{area} {unit}" if area in ("square", "cubic") else unit


def _unit_after(text: str, pos: int, lang: str, plural: bool = True) -> str | None:
    """The counted noun after an amount: "ten Russian diplomats" -> "diplomats" (``plural``: a word
    ending in "s" is a noun's plural; not in a language this module has no words of, read with the
    English ones: Indonesian "25 orang tewas" counts no "tewas")."""
    stop = stopwords_for(lang)
    skipped = 0
    before = ""
    for m in _WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos : m.start()]
        if gap.strip(" -") or ("\n" in gap):
            return None
        word = m.group()
        low = word.lower()
        if low == "magnitude":
            return None  # "a 6.1-magnitude earthquake strikes": a magnitude counts nothing
        if lang == "en" and (measure := _measure_adjective(low, before)):
            return measure
        if not before and "-" in gap and low not in _KNOWN_UNITS:
            return None  # "32-bit versions", "a 16-year-old boy": the amount describes, it counts nothing
        before = low
        if low in ("of", "de", "di", "des", "van") and skipped == 0 and not _WORDS[lang].get(low):
            pos = m.end()
            continue
        if low in stop and low not in _KNOWN_UNITS and low not in _MODIFIERS and not word[0].isupper():
            return None
        if low in _KNOWN_UNITS:
            return _UNIT_SYNONYMS.get(low, low)
        if lang in ("ru", "uk") and (low in _WORDS[lang] or low in _magnitudes(lang) or low in _VAGUE_WORDS):
            return None  # another amount starts ("три дня сотни людей": the people are the hundreds')
        is_plural = (
            plural
            and lang in ("en", "es", "fr", "pt")
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
            and len(low) > 3
        )
        if is_plural and low not in _NOT_NOUN and (word.islower() or lang == "de"):
            return _UNIT_SYNONYMS.get(low, low)
        if lang == "de" and word[0].isupper() and skipped == 0:
            return low
        skipped += 1
        if skipped > 3:
            return None
        pos = m.end()
    return None


def _joins(before: str, after: str, then: str, lang: str) -> bool:
    """Does a connector between the number words ``before`` and ``after`` (``then``: the word after
    that) join them into one number ("two hundred and fifty", "one thousand and one", "treinta y
    cinco", "cento e vinte", "soixante et onze"), not list two ("two and three million", "two
    hundred and three hundred")?"""
    nxt = _compound_value(after, lang)
    if nxt is None and after not in _WORDS[lang]:
        return False
    mags = _magnitudes(lang)
    prev = _compound_value(before, lang)
    scale = 100.0 if before in _HUNDRED[lang] else mags.get(before, 0.0)
    if scale < 100 and prev is not None and prev >= 100 and prev % 100 == 0:
        scale = 100.0  # "cento", "doscientos": hundreds in one word
    if scale >= 100:
        # "two hundred and three hundred": the next group counts in the same unit, a second amount
        return not (then in _HUNDRED[lang] and scale == 100) and mags.get(then, 0.0) != scale
    # tens and units joined by a word in the Romance languages ("treinta y cinco", "vingt et un")
    return (
        lang in ("es", "pt", "fr", "ca")
        and prev is not None
        and nxt is not None
        and (20 <= prev < 100 and prev % 10 == 0 and 0 < nxt < 20)
    )


def _word_quantities(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    vague_re = _vague_re(lang)
    for m in vague_re.finditer(text):
        index = int(next(k for k, v in m.groupdict().items() if v)[1:])
        _, least, most = _VAGUE[lang][index]
        start, qual = _qualifier(text, m.start(), lang)
        end = m.end()
        counted = _unit_after(text, end, lang)
        out.append(Quantity(start, end, text[start:end], least, counted, True, qual or "vague", 0.0, most))
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    mags = _magnitudes(lang)
    table = _WORDS[lang]
    i = 0
    while i < len(tokens):
        j = i
        seq: list[str] = []
        while j < len(tokens):
            s, _, tok = tokens[j]
            low = tok.lower()
            if seq and text[tokens[j - 1][1] : s].strip():
                break
            numeric = (
                low in table
                or low in _HUNDRED[lang]
                or (low in mags and mags[low] >= 100)
                or _compound_value(tok, lang) is not None
            )
            if numeric:
                seq.append(tok)
                j += 1
                continue
            nxt = tokens[j + 1][2].lower() if j + 1 < len(tokens) else ""
            then = tokens[j + 2][2].lower() if j + 2 < len(tokens) else ""
            if seq and low in _CONNECTORS[lang] and _joins(seq[-1].lower(), nxt, then, lang):
                seq.append(tok)
                j += 1
                continue
            if not seq and lang == "en" and low in ("a", "an") and (nxt in mags or nxt in ("hundred", "dozen")):
                seq.append(tok)
                j += 1
                continue
            break
        if not seq:
            i += 1
            continue
        start, end = tokens[i][0], tokens[j - 1][1]
        before = tokens[i - 1] if i > 0 and not text[tokens[i - 1][1] : start].strip() else None
        i = j
        lows = [t.lower() for t in seq]
        lead = start  # where a hedge must end: before the article ("casi un seis por ciento")
        if len(seq) > 1 and lows[0] in _ARTICLES and 2 <= (table.get(lows[1]) or 100) < 100 and lows[1] not in _DOZENS:
            # "un diez por ciento", "un trece": an article before the number, not one more
            start = tokens[j - len(seq) + 1][0]
            seq, lows = seq[1:], lows[1:]
        half = lang == "cs" and before is not None and before[2].lower() == "půl"
        if all(t in mags for t in lows) or lows in (["a"], ["an"]):
            # "millions" alone is vague (handled above); "million" alone is not an amount, but Czech
            # "tisíc", "milion" alone are one thousand, one million ("několik tisíc" is vague)
            alone = lang == "cs" and len(lows) == 1 and (before is None or before[2].lower() not in _CS_SEVERAL)
            if not (alone and (half or lows[0] in _CS_ONE_MAGNITUDE)):
                continue
        if _overlaps(start, end, blocked):
            continue
        value = _word_values(seq, lang)
        if value is None:
            continue
        if half and before is not None:
            start, value = before[0], value / 2  # "půl milionu": half a million
        unit: str | None
        cur = _CUR_SUFFIX.match(text, end)
        if cur and not cur.group().strip().lower().startswith(("of ", "van ")):
            unit = _CURRENCY_WORDS.get(cur.group("cur").lower()) or _CURRENCY_SYMBOLS.get(cur.group("cur").lower())
            end = cur.end()
        else:
            pct = _PERCENT_RE.match(text, end)
            if pct and pct.group().strip():
                unit, end = "percent", pct.end()
            else:
                unit = _unit_after(text, end, lang)
        if len(seq) == 1 and lows[0] in _WEAK[lang] and (unit is None or unit not in _KNOWN_UNITS | {"people"}):
            continue  # "ein Mann", "un hombre": articles, not amounts
        if len(seq) == 1 and lows[0] in _WEAK[lang] and _WORD.match(text, end + 1) and text[end + 1 :].startswith("of"):
            continue
        if lows[0] in ("a", "an") and tokens[i - len(seq) - 1 : i - len(seq)] and start > 0:
            prev = tokens[i - len(seq) - 1]
            if prev[2].lower() == "half" and not text[prev[1] : start].strip():
                start, value = prev[0], value / 2  # "half a million"
        hedged, qual = _qualifier(text, min(lead, start), lang)  # "nearly half a million" too
        start = hedged if qual is not None else start
        multiplier = max((mags[t] for t in lows if t in mags), default=1.0)
        out.append(_quantity(text, start, end, value, unit, qual, 0.5 * multiplier if multiplier > 1 else 0.5))
    return out


# Czech writes an amount into an adjective: "čtyřletá holčička" (a four-year-old girl),
# "pětiprocentní hranice" (a five-percent threshold), "třiasedmdesátiletý" (73-year-old)
_CS_COMPOUND = re.compile(
    r"(?P<n>[^\W\d_]+?)(?P<what>let|lét|procent|denn|týdenn|měsíčn|hodinov|minutov|kilometrov|metrov|násob|člen|tunov)"
    r"[^\W\d_]*",
    re.IGNORECASE,
)
_CS_NOT_COMPOUND = re.compile(r"(?:deseti|sta|sto|tisíci)let(?:í|ích|ím|ími)", re.IGNORECASE)  # a decade, a century


def _cs_compounds(text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _WORD.finditer(text):
        c = _CS_COMPOUND.fullmatch(m.group())
        if c is None or _CS_NOT_COMPOUND.fullmatch(m.group()) or _overlaps(m.start(), m.end(), blocked):
            continue
        value = _compound_value(c["n"], "cs")
        if value is None or value == 0:
            continue
        start, qual = _qualifier(text, m.start(), "cs")
        unit = "percent" if c["what"].lower() == "procent" else None
        out.append(_quantity(text, start, m.end(), value, unit, qual, 0.5))
    return out


# --- comparing ------------------------------------------------------------------------------------


def _singular(unit: str) -> str:
    unit = _UNIT_SYNONYMS.get(unit, unit)
    if unit.endswith("ies") and len(unit) > 4:
        return unit[:-3] + "y"
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def _units_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return _singular(a) == _singular(b)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """True when ``a`` and ``b`` can be the same amount as reported.

    Units must be compatible (equal after light singularisation, or one side without a unit: "ten"
    vs "10 diplomats").  Two plain amounts are the same when they differ by no more than the rounding
    of the less precise one (``1.2bn`` == 1,234,000,000; ``15%`` == 15.3%; 10 != 11).  Hedged amounts
    compare their intervals (:meth:`Quantity.bounds`): "about" is ±20%, "nearly" the 20% below,
    "more than" up to twice the amount, "less than" down to half, vague plurals their range.
    """
    if not _units_compatible(a.unit, b.unit):
        return False
    if a.qualifier is None and b.qualifier is None:
        tolerance = max(a.precision, b.precision) + 1e-9 * max(abs(a.value), abs(b.value), 1.0)
        return abs(a.value - b.value) <= tolerance
    (alo, ahi), (blo, bhi) = a.bounds(), b.bounds()
    return alo <= bhi and blo <= ahi
