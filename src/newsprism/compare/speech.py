"""The English speech lexicon and speaker-mention parsing behind :mod:`newsprism.compare.quotes`.

- **Cues**: speech verbs in every inflection (``say/says/said/saying``, ``tell/told`` ...), the
  verbs that frame a quoted label (``called``, ``dubbed``, ``described ... as``) and multiword cues
  (``according to``, ``pointed out``, ``went on``, ``as X put it``).  :data:`CLAUSE_CUES` is the
  subset that takes a reported clause (``X said (that) ...``).
- **Mentions**: :func:`mention_before` reads the subject of a cue backwards from the cue
  (``Blinken said``, ``a senior State Department official said``, ``Flynn, a top Trump surrogate,
  said``, ``he also said``); :func:`mention_after` reads an inverted subject (``said Blinken``,
  ``according to sources``).  A mention is a pronoun, a name (a run of capitalised words, with the
  roles in front of the name kept apart: ``Secretary of State Antony Blinken`` is the name ``Antony
  Blinken`` with the role ``secretary``) or a nominal (``the official``, ``sources``, ``Trump's
  campaign``).

- **Clauses and titles**: :func:`clause_start` finds where a reported clause begins, and
  :func:`looks_like_title` tells a show's or book's name in quotes from speech.

The parsing is token-level and deterministic: no tagger, no model.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace

from ..nlp.tokenize import INDIC_MARKS, MARKS

__all__ = [
    "CLAUSE_CUES",
    "CLAUSE_LEADS",
    "CUE_PATTERN",
    "GENITIVE_ROLES",
    "GERUND_CUES",
    "INDONESIAN_AFTER_QUOTE",
    "INDONESIAN_CUES",
    "KOREAN_AFTER_CLAUSE",
    "KOREAN_CUES",
    "PRONOUNS",
    "ROLE_WORDS",
    "SOUTH_ASIAN_CUES",
    "THATLESS_CUES",
    "TURKISH_CUES",
    "VIETNAMESE_CUES",
    "Mention",
    "Token",
    "clause_start",
    "cue_lemma",
    "described_name_after",
    "gender_of",
    "is_name_token",
    "looks_like_title",
    "lower_article",
    "mention_after",
    "mention_before",
    "name_mentions",
    "nominal_mentions",
    "parse_name",
    "role_prefix_start",
    "skip_adverbs",
    "tokenize",
]

logger = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- cues ---------------------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "plead": ("plead", "pleads", "pleaded", "pled", "pleading"),
    "sing": ("sing", "sings", "sang"),
    "echo": ("echo", "echoes", "echoed", "echoing"),
    "label": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
    "put it": ("put it", "puts it"),
    "go on": ("go on", "goes on", "went on"),
    "point out": ("point out", "points out", "pointed out", "pointing out"),
    "hit back": ("hit back", "hits back"),
    "shoot back": ("shot back", "shoots back"),
    "fire back": ("fired back", "fires back"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "according to": ("according to",),
    "quote as saying": ("quoted as saying",),
}
_DOUBLING = _words("admit quip snap dub slam brag jab")
# Verbs that report speech and take a clause: "X said (that) ...", "... , X warned."
_CLAUSE_VERBS: tuple[str, ...] = (
    *_words(
        "say tell write add argue assert claim contend declare explain insist maintain note observe remark "
        "state stress emphasize emphasise warn caution acknowledge admit concede announce confirm reveal disclose "
        "suggest predict promise vow pledge reiterate repeat recall report testify tweet post allege charge "
        "complain counter reply respond retort boast brag joke quip conclude continue mention indicate agree "
        "estimate find show"
    ),
    *("point out", "go on", "hit back", "shoot back", "fire back", "according to", "quote as saying"),
)
# Of those, the ones whose clause may come without "that" ("Blinken said Biden had ...").
FINDING_CUES: frozenset[str] = _words("find show")
"""Lemmas of cues that report what a poll, study or video found: a reported clause after "that",
never a direct quote's speaker."""
THATLESS_CUES: frozenset[str] = _words(
    "say tell add argue claim insist contend assert warn write declare predict explain"
)
# Verbs that frame a quote but not a reported clause.
_QUOTE_VERBS: tuple[str, ...] = (
    *_words(
        "ask answer exclaim shout yell scream whisper mutter murmur lament scoff snap sigh muse marvel thunder "
        "fume gush grumble plead cry chant sing urge demand wonder call dub label brand term describe deny cite "
        "echo praise criticize criticise slam blast mock"
    ),
    "put it",
)


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if " " in lemma:
        return (lemma,)
    if lemma in _DOUBLING:
        return (lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing")
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


_LEMMA: dict[str, str] = {}
for _lemma in _CLAUSE_VERBS + _QUOTE_VERBS:
    for _form in _forms(_lemma):
        _LEMMA.setdefault(_form, _lemma)


def _own_cues(table: dict[str, str]) -> frozenset[str]:
    """The cue forms of a language read by its own cues only ("|" joins the words of one form),
    each registered with the lemma it translates."""
    forms = set()
    for lemma, spelled in table.items():
        for form in spelled.split():
            forms.add(form.replace("|", " "))
            _LEMMA.setdefault(form.replace("|", " "), lemma)
    return frozenset(forms)


# Russian speech verbs (past tense in every gender and number, present third person), read as the
# English lemma they translate, so the same rules attribute "«…», — сказал Владимир Путин" and
# "Путин заявил: «…»".
_RUSSIAN: dict[str, str] = {
    "say": "сказал сказала сказали говорит говорят говорил говорила говорили поделился поделилась "
    "поделились прокомментировал прокомментировала комментировал комментировала говорится",
    "declare": "заявил заявила заявили заявляет заявляют",
    "note": "отметил отметила отметили отмечает отмечают заметил заметила констатировал констатировала",
    "stress": "подчеркнул подчеркнула подчеркнули подчеркивает подчёркивает подчеркивают",
    "add": "добавил добавила добавили добавляет добавляют",
    "explain": "пояснил пояснила пояснили объяснил объяснила объяснили уточнил уточнила уточнили поясняет "
    "объясняет уточняет",
    "report": "сообщил сообщила сообщили сообщает сообщают рассказал рассказала рассказали рассказывает рассказывают",
    "answer": "ответил ответила ответили отвечает",
    "joke": "иронизирует иронизировал иронизировала пошутил пошутила шутит",
    "complain": "пожаловался пожаловалась пожаловались посетовал посетовала",
    "write": "написал написала написали пишет",
    "admit": "признал признала признали признался призналась",
    "agree": "согласился согласилась согласились",
    "warn": "предупредил предупредила предупредили предупреждает предостерег предостерегла предостерегает",
    "recall": "напомнил напомнила напомнили напоминает вспоминает вспоминал вспоминала",
    "continue": "продолжил продолжила",
    "ask": "спросил спросила спросили",
    "claim": "утверждал утверждала утверждали утверждает утверждают",
    "conclude": "подытожил подытожила заключил заключила резюмировал резюмировала",
    # the speaker is the object: "«…», — цитирует его РИА Новости", "— приводит слова Кириленко издание"
    "quote": "цитирует цитируют цитировал цитировала цитировали приводит|слова приводят|слова привел|слова "
    "привёл|слова привела|слова привели|слова",
    "exclaim": "воскликнул воскликнула",
    "promise": "пообещал пообещала пообещали заверил заверила заверили",
    "urge": "призвал призвала призвали призывает",
}
# Ukrainian speech verbs, the same way (past tense -в / -ла / -ли, present third person): "«…», —
# сказав Володимир Зеленський", "Міністр заявив: «…»"
_UKRAINIAN: dict[str, str] = {
    "say": "сказав сказала сказали каже кажуть говорив говорила говорили поділився поділилася поділилися "
    "прокоментував прокоментувала прокоментували йдеться ідеться",
    "declare": "заявив заявила заявили заявляє заявляють",
    "note": "зазначив зазначила зазначили зазначає зазначають відзначив відзначила зауважив зауважила "
    "констатував констатувала",
    "stress": "наголосив наголосила наголосили наголошує підкреслив підкреслила підкреслили підкреслює",
    "add": "додав додала додали додає",
    "explain": "пояснив пояснила пояснили пояснює уточнив уточнила уточнили уточнює",
    "report": "повідомив повідомила повідомили повідомляє повідомляють розповів розповіла розповіли розповідає",
    "answer": "відповів відповіла відповіли відповідає",
    "joke": "пожартував пожартувала жартує",
    "complain": "поскаржився поскаржилася поскаржилися нарікав нарікала",
    "write": "написав написала написали пише",
    "admit": "визнав визнала визнали зізнався зізналася",
    "agree": "погодився погодилася погодилися",
    "warn": "попередив попередила попередили попереджає",
    "recall": "нагадав нагадала нагадали нагадує згадує згадував згадувала",
    "continue": "продовжив продовжила",
    "ask": "запитав запитала запитали спитав спитала",
    "claim": "стверджував стверджувала стверджує стверджують",
    "conclude": "підсумував підсумувала",
    "quote": "цитує цитують цитував цитувала цитували наводить|слова навів|слова навела|слова навели|слова",
    "exclaim": "вигукнув вигукнула",
    "promise": "пообіцяв пообіцяла пообіцяли запевнив запевнила запевнили",
    "urge": "закликав закликала закликали закликає",
}
_RUSSIAN.update({k: f"{_RUSSIAN[k]} {v}" if k in _RUSSIAN else v for k, v in _UKRAINIAN.items()})
# Speech verbs of Spanish, Italian, Dutch, French, German and Portuguese (past and present third
# person, and the perfect with its auxiliary: "ha dicho", "ha detto", "heeft gezegd", "a déclaré"),
# read as the English lemma they translate.  Words that are also English ("dice", "dit" alone) or
# an ordinal ("secondo", "segundo") are left out.
_EUROPEAN: dict[str, str] = {
    "say": "dijo dijeron ha|dicho han|dicho había|dicho comentó ha|comentado manifestó expresó disse dissero "
    "ha|detto hanno|detto aveva|detto ha|commentato commenta ha|confidato zei zegt zeiden heeft|gezegd "
    "hebben|gezegd a|dit ont|dit disseram",
    "write": "escribió ha|scritto schreef a|écrit escreveu",
    "ask": "preguntó ha|chiesto vroeg a|demandé perguntou",
    "declare": "declaró ha|declarado afirmó ha|afirmado aseguró ha|asegurado afirma asegura declara "
    "ha|dichiarato hanno|dichiarato dichiara ha|affermato afferma verklaarde heeft|verklaard stelde "
    "déclare a|déclaré ont|déclaré affirme a|affirmé declarou afirmou",
    "add": "añadió agregó ha|añadido ha|agregado ha|aggiunto aggiunge ajoute a|ajouté acrescentou voegde|toe",
    "explain": "explicó ha|explicado explica ha|spiegato spiega explique a|expliqué explicou",
    "note": "señaló ha|señalado indicó ha|indicado observó ha|osservato osserva ha|rilevato a|noté "
    "indique a|indiqué précise a|précisé",
    "stress": "subrayó destacó ha|destacado enfatizó ha|sottolineato sottolinea benadrukte souligne "
    "a|souligné destacou ressaltou",
    "report": "informó ha|informado anunció ha|anunciado ha|riferito riferisce ha|annunciato annonce a|annoncé meldde",
    "admit": "admitió reconoció ha|ammesso a|reconnu gaf|toe admitiu",
    "answer": "respondió ha|risposto antwoordde a|répondu respondeu",
    "warn": "advirtió ha|avvertito waarschuwde a|averti alertou",
    "reveal": "reveló ha|rivelato rivela onthulde a|révélé revelou",
    "according to": "según volgens aldus selon",
    "quote": "cita citó",
}
# German ("heißt es in der Mitteilung": the statement says; "zitiert die Zeitung X": the paper quotes X)
_GERMAN: dict[str, str] = {
    "say": "sagte sagten sagt hat|gesagt haben|gesagt meinte heißt|es hieß|es erzählte erzählt schilderte schilderten",
    "write": "schrieb schreibt",
    "ask": "fragte",
    "declare": "erklärte erklärt",
    "add": "ergänzte fügte",
    "stress": "betonte betont unterstrich",
    "report": "berichtete berichtet teilte teilten",
    "admit": "räumte|ein",
    "answer": "antwortete",
    "warn": "warnte",
    "according to": "laut",
    "agree": "pflichtete",
    "quote": "zitiert zitierte zitieren",
}
# Czech: past forms say the speaker's gender (-l / -la / -li), and the subject is often left out
# ("„…,“ dodal."); "uvádí se ve zprávě" (the report says)
_CZECH: dict[str, str] = {
    "say": "řekl řekla řekli uvedl uvedla uvedli uvádí sdělil sdělila sdělili prohlásil prohlásila prohlásili "
    "uvádí|se píše|se",
    "write": "napsal napsala napsali píše",
    "add": "dodal dodala dodali",
    "stress": "zdůraznil zdůraznila",
    "explain": "vysvětlil vysvětlila",
    "warn": "varoval varovala",
    "note": "poznamenal poznamenala poznamenává",
    "according to": "podle",
}
# Polish, read by the Czech rules (the subject is often left out: "„…” – dodał."; -ł / -ła say the
# gender); "czytamy w komunikacie" (we read in the statement)
_POLISH: dict[str, str] = {
    "say": "powiedział powiedziała powiedzieli mówi mówił mówiła mówią stwierdził stwierdziła stwierdzili "
    "oznajmił oznajmiła przekazał przekazała przekazali czytamy",
    "declare": "oświadczył oświadczyła oświadczyli zapewnił zapewniła zapewnili",
    "add": "dodał dodała dodali dodaje",
    "stress": "podkreślił podkreśliła podkreślili podkreśla zaznaczył zaznaczyła zaznaczyli zaznacza",
    "explain": "wyjaśnił wyjaśniła wyjaśnia tłumaczył tłumaczyła",
    "report": "poinformował poinformowała poinformowali informuje",
    "write": "napisał napisała napisali pisze",
    "warn": "ostrzegł ostrzegła ostrzegli",
    "note": "zauważył zauważyła zauważa",
    "admit": "przyznał przyznała",
    "answer": "odpowiedział odpowiedziała",
    "according to": "według zdaniem",
}
# Icelandic ("„…,“ sagði Pútín", "Pútín sagði að …", "„…,“ bætti hann við", "að sögn Pútíns")
_ICELANDIC: dict[str, str] = {
    "say": "sagði sögðu segir segja sagðist sögðust",
    "write": "skrifaði skrifar",
    "ask": "spurði",
    "declare": "lýsti|yfir fullyrti fullyrðir",
    "add": "bætti bættu",
    "explain": "útskýrði útskýrir",
    "stress": "lagði|áherslu|á",
    "report": "tilkynnti greindi|frá",
    "warn": "varaði",
    "answer": "svaraði",
    "according to": "að|sögn",
}
# Hausa: the subject pronoun goes with the verb ("Putin ya ce", "ta ce", "sun ce"); "in ji X" and "a
# cewar X" (according to X) follow or open the quote
_HAUSA: dict[str, str] = {
    "say": "ya|ce ta|ce sun|ce suka|ce in|ji ya|shaida|wa ta|shaida|wa",
    "write": "ya|rubuta ta|rubuta",
    "add": "ya|ƙara|da ta|ƙara|da sun|ƙara|da",
    "explain": "ya|bayyana ta|bayyana sun|bayyana",
    "report": "ya|sanar ta|sanar sun|sanar",
    "according to": "a|cewar",
}
# Indonesian (and Malay): the bare verb follows the quote, its subject after it ("“…,” kata Korb.",
# "ujar sang penyerang"), with -nya for "he" fused on ("ujarnya", "tambahnya"); the me- forms open a
# reported clause with or without "bahwa" ("Putin mengatakan bahwa …"); "demikian bunyi X" (so reads
# X) is a document's wording.  The bare forms are also everyday words ("kata", word; "jelas", clear):
# :data:`INDONESIAN_AFTER_QUOTE` lists them, cues only right after a quote.
_INDONESIAN: dict[str, str] = {
    "say": "kata ujar ucap tutur cetus katanya ujarnya ucapnya tuturnya cetusnya ungkap ungkapnya berkata berujar "
    "mengatakan menyatakan mengungkapkan menyampaikan demikian|bunyi demikian|isi",
    "write": "tulis tulisnya menulis menuliskan",
    "add": "tambah imbuh tambahnya imbuhnya menambahkan",
    "explain": "jelas terang papar jelasnya terangnya paparnya menjelaskan menerangkan memaparkan",
    "stress": "tegas tegasnya menegaskan menekankan",
    "note": "sebut sebutnya menyebutkan mencatat",
    "report": "melaporkan mengumumkan",
    "admit": "mengakui akunya",
    "answer": "jawab jawabnya menjawab",
    "ask": "tanya tanyanya bertanya menanyakan",
    "warn": "memperingatkan",
    "continue": "lanjut lanjutnya",
    "according to": "menurut",
}
INDONESIAN_CUES: frozenset[str] = frozenset(f.replace("|", " ") for v in _INDONESIAN.values() for f in v.split())
"""The Indonesian cue forms: cues only in Indonesian and Malay text."""
INDONESIAN_AFTER_QUOTE: frozenset[str] = frozenset(f for f in INDONESIAN_CUES if not f.startswith(("me", "ber")))
"""The Indonesian cue forms that are cues only right after a quote (the bare and -nya forms)."""
# Turkish puts the verb last: the subject opens the sentence, a comma after it ("Korb, “…” dedi."),
# or follows the verb ("“…” diye ekledi Prosa."), or is left out; "diye" and "şeklinde" (thus) join a
# quote to its verb; a participle names the speaker after it ("“…” diyen Albert Prosa'nın …"); a
# passive names the document before the quote ("Açıklamada, “…” ifadesine yer verildi"); "X'e göre":
# according to X.  Cues only in Turkish text.
_TURKISH: dict[str, str] = {
    "say": "dedi dediler diyor diyen söyledi söylediler söylüyor söyleyen diye|konuştu diye|konuşan "
    "şeklinde|konuştu şeklinde|konuşan ifade|etti ifade|ettiler ifadelerini|kullandı ifadesine|yer|verildi "
    "ifadelerine|yer|verildi ifadeleri|kullandı denildi dendi deniliyor açıklamasını|yaptı açıklamasında|bulundu",
    "write": "yazdı yazıyor yazan diye|yazdı",
    "add": "ekledi ekleyen diye|ekledi",
    "note": "belirtti belirtiyor belirtildi kaydetti kaydedildi diye|kaydetti not|etti dikkat|çekti",
    "stress": "vurguladı altını|çizdi",
    "declare": "açıkladı açıklıyor duyurdu açıklandı",
    "report": "bildirdi aktardı bildirildi",
    "tell": "anlattı",
    "admit": "kabul|etti itiraf|etti",
    "answer": "yanıtladı yanıt|verdi cevap|verdi",
    "warn": "uyardı",
    "recall": "hatırlattı",
    "ask": "sordu",
    "claim": "iddia|etti öne|sürdü savundu",
    "according to": "göre",
}
TURKISH_CUES: frozenset[str] = _own_cues(_TURKISH)
"""The Turkish cue forms: cues only in Turkish text."""


# Korean puts the verb last, the quote before it with 라고 / 이라고 / 고 ("“…”라고 말했다"), the speaker
# marked by the topic or subject particle, before the quote or after it ("코르브 사무총장은 “…”이라고
# 말했다", "“…”고 비상사태부는 발표했다"); "X에 따르면": according to X.  Each verb in its past,
# present, "and"/"while" and hearsay forms ("말했다", "말한다", "말하며", "말했고", "말했다고").
def _korean_forms(past: str, stem: str, present: str) -> str:
    return f"{past} {past}고 {past[:-1]}고 {past[:-1]}으며 {stem}며 {present}"


_KOREAN_VERBS = {  # lemma: (past, "-며" stem, present) of each verb
    "say": [("말했다", "말하", "말한다"), ("전했다", "전하", "전한다"), ("했다", "하", "한다")],
    "declare": [("밝혔다", "밝히", "밝힌다"), ("발표했다", "발표하", "발표한다")],
    "add": [("덧붙였다", "덧붙이", "덧붙인다")],
    "write": [("적었다", "적으", "적는다"), ("썼다", "쓰", "쓴다")],
    "stress": [("강조했다", "강조하", "강조한다")],
    "explain": [("설명했다", "설명하", "설명한다")],
    "note": [("지적했다", "지적하", "지적한다"), ("언급했다", "언급하", "언급한다")],
    "claim": [("주장했다", "주장하", "주장한다")],
    "admit": [("인정했다", "인정하", "인정한다")],
    "warn": [("경고했다", "경고하", "경고한다")],
    "report": [("보도했다", "보도하", "보도한다"), ("알렸다", "알리", "알린다")],
    "answer": [("답했다", "답하", "답한다"), ("반박했다", "반박하", "반박한다")],
    "ask": [("물었다", "물으", "묻는다")],
    "urge": [("촉구했다", "촉구하", "촉구한다"), ("당부했다", "당부하", "당부한다")],
    "recall": [("상기시켰다", "상기시키", "상기시킨다")],
    "promise": [("약속했다", "약속하", "약속한다")],
}
_KOREAN: dict[str, str] = {lemma: " ".join(_korean_forms(*v) for v in verbs) for lemma, verbs in _KOREAN_VERBS.items()}
_KOREAN["according to"] = "따르면"
KOREAN_CUES: frozenset[str] = _own_cues(_KOREAN)
"""The Korean cue forms: cues only in Korean text."""
KOREAN_AFTER_CLAUSE: frozenset[str] = frozenset(_korean_forms("했다", "하", "한다").split())
"""The forms of 하다 (do), cues only after a quote or a reported clause ("“…”라고 했다")."""
# Vietnamese: the speaker before its verb, after the quote and a comma ("“…”, ông Korb nói.") or
# opening the clause ("Ông Peskov cho biết: “…”", "X cho biết rằng …"); "Theo X, …": according to X;
# "X dẫn lời Y": X quotes Y.  Cues only in Vietnamese text.
_VIETNAMESE: dict[str, str] = {
    "say": "nói cho|biết cho|hay phát|biểu chia|sẻ bày|tỏ nhận|xét nhận|định nêu|rõ cho|rằng tuyên|bố khẳng|định",
    "stress": "nhấn|mạnh",
    "write": "viết",
    "add": "nói|thêm bổ|sung",
    "explain": "giải|thích",
    "admit": "thừa|nhận",
    "warn": "cảnh|báo",
    "answer": "trả|lời",
    "ask": "hỏi",
    "urge": "kêu|gọi",
    "quote": "dẫn|lời",
    "according to": "theo",
}
VIETNAMESE_CUES: frozenset[str] = _own_cues(_VIETNAMESE)
"""The Vietnamese cue forms: cues only in Vietnamese text."""
# Hebrew and Arabic write no capitals to tell a name by; the speaker mostly follows the verb ('"…",
# אמר פוטין', '«…»، قال بوتين', 'وقال بوتين: «…»'), and the verb's ending tells the gender (אמרה,
# قالت).  The forms with the conjunction written on (ואמר, وقال) are listed: it is part of the word.
_HEBREW: dict[str, str] = {
    "say": "אמר אמרה אמרו ואמר ואמרה ואמרו אומר אומרת אומרים מסר מסרה מסרו ומסר סיפר סיפרה סיפרו טען טענה טענו וטען",
    "write": "כתב כתבה כתבו וכתב כותב כותבת",
    "add": "הוסיף הוסיפה הוסיפו והוסיף והוסיפה והוסיפו מוסיף מוסיפה",
    "note": "ציין ציינה ציינו וציין וציינה",
    "explain": "הסביר הסבירה הסבירו והסביר",
    "stress": "הדגיש הדגישה הדגישו הבהיר הבהירה",
    "declare": "הצהיר הצהירה הצהירו",
    "report": "הודיע הודיעה הודיעו דיווח דיווחה דיווחו מדווח מדווחת",
    "admit": "הודה הודתה",
    "answer": "השיב השיבה השיבו ענה ענתה",
    "warn": "הזהיר הזהירה",
    "according to": "לדברי לדבריו לדבריה לדבריהם",
}
_ARABIC: dict[str, str] = {
    "say": "قال قالت قالوا وقال وقالت وقالوا يقول تقول ويقول وتقول ذكر ذكرت وذكر وذكرت صرح صرحت وصرح وصرحت",
    "write": "كتب كتبت وكتب وكتبت",
    "add": "أضاف أضافت وأضاف وأضافت",
    "note": "أشار أشارت وأشار وأشارت",
    "explain": "أوضح أوضحت وأوضح وأوضحت",
    "stress": "أكد أكدت وأكد وأكدت شدد شددت وشدد",
    "declare": "أعلن أعلنت وأعلن وأعلنت",
    "report": "أفاد أفادت وأفاد وأفادت",
    "admit": "اعترف اعترفت واعترف",
    "answer": "أجاب أجابت وأجاب",
    "warn": "حذر حذرت وحذر",
    "according to": "بحسب حسب وبحسب وحسب",
}
# Persian puts the verb last, after its subject ("پوتین گفت: «…»", "«…»، وی در سخنرانی … گفت."),
# often a compound of a noun and a light verb ("اعلام کرد", "اظهار داشت"); "به گفته X": according to X
_PERSIAN: dict[str, str] = {
    "say": "گفت گفتند می‌گوید می‌گویند گفته|است اظهار|داشت اظهار|کرد",
    "write": "نوشت نوشتند نوشته|است",
    "add": "افزود افزودند اضافه|کرد",
    "note": "خاطرنشان|کرد یادآور|شد",
    "explain": "توضیح|داد",
    "stress": "تاکید|کرد تأکید|کرد تصریح|کرد",
    "report": "اعلام|کرد اعلام|کردند گزارش|داد",
    "admit": "اذعان|کرد",
    "answer": "پاسخ|داد",
    "warn": "هشدار|داد",
    "according to": "به|گفته",
}
ABJAD_CUES: frozenset[str] = frozenset(
    f.replace("|", " ") for table in (_HEBREW, _ARABIC, _PERSIAN) for v in table.values() for f in v.split()
)
"""The Hebrew, Arabic and Persian cue forms."""
for _table_abjad in (_HEBREW, _ARABIC, _PERSIAN):
    for _lemma_abjad, _forms_abjad in _table_abjad.items():
        for _form_abjad in _forms_abjad.split():
            _LEMMA.setdefault(_form_abjad.replace("|", " "), _lemma_abjad)
# Hindi and Urdu put the verb last too; its subject carries the ergative ने / نے in the past ("पुतिन
# ने कहा", "پوتن نے کہا"), none in the present ("ज़ुकोव लिखते हैं").  Compound verbs are one cue
# ("घोषणा की": made an announcement); "X का कहना है" (X's saying is) and "X के मुताबिक़"
# (according to X) name the speaker before them.
_HINDI: dict[str, str] = {
    "say": "कहा कही कहे कहता कहती कहते कहना बोले बोला बोली",
    "write": "लिखा लिखी लिखे लिखता लिखती लिखते",
    "tell": "बताया बताता बताती बताते",
    "add": "जोड़ा आगे|कहा",
    "note": "उल्लेख|किया टिप्पणी|की ग़ौर|किया",
    "explain": "स्पष्ट|किया समझाया",
    "stress": "ज़ोर|देकर|कहा ज़ोर|दिया रेखांकित|किया",
    "declare": "घोषणा|की ऐलान|किया",
    "report": "जानकारी|दी सूचना|दी",
    "admit": "माना स्वीकार|किया",
    "answer": "जवाब|दिया उत्तर|दिया",
    "warn": "चेतावनी|दी आगाह|किया",
    "claim": "दावा|किया",
    "ask": "पूछा",
    "according to": "के|अनुसार के|मुताबिक़ के|मुताबिक के|हवाले|से उनके|अनुसार उनके|मुताबिक़ उनके|मुताबिक उसके|अनुसार "
    "उसके|मुताबिक़ इसके|अनुसार उनके|हवाले|से उसके|हवाले|से",
}
_URDU: dict[str, str] = {
    "say": "کہا کہی کہے کہتا کہتی کہتے کہنا بولے بولا",
    "write": "لکھا لکھی لکھے لکھتا لکھتی لکھتے",
    "tell": "بتایا بتاتا بتاتی بتاتے",
    "add": "مزید|کہا اضافہ|کیا",
    "note": "نشاندہی|کی تبصرہ|کیا",
    "explain": "وضاحت|کی",
    "stress": "زور|دیا زور|دے|کر|کہا",
    "declare": "اعلان|کیا",
    "report": "اطلاع|دی",
    "admit": "اعتراف|کیا تسلیم|کیا",
    "answer": "جواب|دیا",
    "warn": "خبردار|کیا انتباہ|کیا",
    "claim": "دعویٰ|کیا",
    "ask": "پوچھا",
    "according to": "کے|مطابق کے|بقول کے|حوالے|سے",
}
# Bengali marks no subject: the speaker opens the clause ("রাশিয়ার প্রেসিডেন্ট পুতিন সোমবার বলেন") or
# follows the verb after a quote ("‘…’, বলেন তিনি"); "X-এর মতে": according to X
_BENGALI: dict[str, str] = {
    "say": "বলেন বলেছেন বললেন বলেছে বলছেন বলছে বলা আহ্বান|জানান আহ্বান|জানিয়েছেন",
    "write": "লেখেন লিখেছেন লিখেছে লিখেছিলেন",
    "tell": "জানান জানিয়েছেন জানিয়েছে জানাল জানালেন জানানো",
    "add": "যোগ|করেন যোগ|করেছেন যোগ|করে",
    "note": "উল্লেখ|করেন উল্লেখ|করেছেন মন্তব্য|করেন মন্তব্য|করেছেন মনে|করিয়ে|দেন",
    "explain": "ব্যাখ্যা|করেন ব্যাখ্যা|দেন",
    "stress": "জোর|দিয়ে|বলেন জোর|দেন",
    "declare": "ঘোষণা|করেন ঘোষণা|করেছেন ঘোষণা|দেন ঘোষণা|দিয়েছেন ঘোষণা|দিয়েছে",
    "admit": "স্বীকার|করেন স্বীকার|করেছেন",
    "answer": "উত্তর|দেন জবাব|দেন",
    "warn": "সতর্ক|করেন সতর্ক|করে|দেন",
    "claim": "দাবি|করেন দাবি|করেছেন",
    "ask": "প্রশ্ন|করেন জানতে|চান",
    "according to": "মতে অনুযায়ী ভাষ্যমতে ভাষ্য|মতে ভাষ্য|অনুযায়ী বরাত|দিয়ে",
}
_SOUTH_ASIAN_TABLES = (_HINDI, _URDU, _BENGALI)
SOUTH_ASIAN_CUES: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", f.replace("|", " "))
    for table in _SOUTH_ASIAN_TABLES
    for v in table.values()
    for f in v.split()
)
"""The Hindi, Urdu and Bengali cue forms (NFC: a nukta stands apart, "ज़")."""
for _table_sa in _SOUTH_ASIAN_TABLES:
    for _lemma_sa, _forms_sa in _table_sa.items():
        for _form_sa in _forms_sa.split():
            _LEMMA.setdefault(unicodedata.normalize("NFC", _form_sa.replace("|", " ")), _lemma_sa)
GERMAN_VERBS = frozenset(f.split("|")[-1] for _forms_de in _GERMAN.values() for f in _forms_de.split()) - {"laut"}
"""Last words of the German speech verbs."""
CZECH_VERBS = frozenset(
    f.split("|")[-1] for _table_cs in (_CZECH, _POLISH) for _forms_cs in _table_cs.values() for f in _forms_cs.split()
) - {"podle", "według", "zdaniem"}
"""Last words of the Czech and Polish speech verbs (their subject may be left out or follow)."""
for _other in (_GERMAN, _CZECH, _POLISH, _ICELANDIC, _HAUSA, _INDONESIAN):
    _EUROPEAN.update({k: f"{_EUROPEAN[k]} {v}" if k in _EUROPEAN else v for k, v in _other.items()})
for _table in (_RUSSIAN, _EUROPEAN):  # "|" joins the words of one form ("ha|dicho")
    for _lemma, _forms_of in _table.items():
        for _form in _forms_of.split():
            _LEMMA.setdefault(_form.replace("|", " "), _lemma)
# French puts the pronoun subject inside the perfect: "a-t-il déclaré", "a-t-elle ajouté"
for _participle, _lemma in (
    ("dit", "say"),
    ("déclaré", "declare"),
    ("ajouté", "add"),
    ("expliqué", "explain"),
    ("affirmé", "declare"),
    ("souligné", "stress"),
    ("précisé", "note"),
    ("indiqué", "note"),
):
    for _pronoun in ("il", "elle"):
        _LEMMA[f"a-t-{_pronoun} {_participle}"] = _lemma
EUROPEAN_VERBS = frozenset(
    f.split("|")[-1]
    for _lemma_eu, _forms_eu in _EUROPEAN.items()
    if _lemma_eu != "according to"
    for f in _forms_eu.split()
) - {"da", "ji", "wa"} - {
    "podle",
    "según",
    "volgens",
    "aldus",
    "selon",
    "laut",
} | {"dit", "déclaré", "ajouté", "expliqué", "affirmé", "souligné", "précisé", "indiqué"}
"""Last words of the speech verbs of Spanish, Italian, Dutch, French, German and Portuguese: their
reported clause follows que / che / dat / dass, never the verb directly."""
EUROPEAN_LEADS = _words("que che dat dass že że að cewa bahwa")
"""What opens the reported clause of a European speech verb."""
QUOTING_CUES: frozenset[str] = frozenset({"quote"})
"""Lemmas of Russian cues whose *object* is the speaker ("цитирует его РИА Новости": RIA quotes him)."""
RU_OBJECT_PRONOUNS: dict[str, str | None] = {
    "его": "m",
    "её": "f",
    "ее": "f",
    "их": None,
    "його": "m",
    "її": "f",
    "їх": None,
}
# "По словам Дегтярева, …"; "По данным РИА Новости, …" and "По информации ТАСС, …" are what
# "According to RIA Novosti, …" translates
for _form in ("по словам", "по данным", "по информации", "за словами", "за даними", "за інформацією"):
    _LEMMA[_form] = "according to"  # Russian, then Ukrainian
# Sentence-initial inverted forms: "Said Ellis: ..."
_CAPITALISED = {
    f.capitalize(): f
    for f in (
        "said",
        "says",
        "added",
        "asked",
        "wrote",
        "writes",
        "adds",
        "asks",
        "according to",
        "по словам",
        "по данным",
        "по информации",
        "за словами",
        "за даними",
        "за інформацією",
        "según",
        "volgens",
        "selon",
        "laut",
        "a cewar",
        "að sögn",
        "według",
        "zdaniem",
        "menurut",
        "theo",
    )
}

CLAUSE_CUES: frozenset[str] = frozenset(_CLAUSE_VERBS)
"""Lemmas of the cues that take a reported clause."""
GERUND_CUES: frozenset[str] = frozenset(f for f in _LEMMA if f.endswith("ing") and " " not in f)
"""Gerund forms ("saying", "adding"): their speaker is the subject of the main clause."""
_ALTERNATION = "|".join(sorted((re.escape(f) for f in (*_LEMMA, *_CAPITALISED)), key=len, reverse=True))
# U+200C joins Persian words; an Indic word's vowel signs are marks (no \w); an Arabic cue may carry
# a vowel point after it ("قالَ": the token holds it)
CUE_PATTERN = re.compile(rf"(?<![\w’'\u200c{INDIC_MARKS}-])(?:{_ALTERNATION})(?![\w’'\u200c{INDIC_MARKS}-])")
"""Any cue form as a whole word (lower case, or a sentence-initial "Said")."""


def cue_lemma(form: str) -> str | None:
    """The lemma of a cue form ("said" -> "say"), ``None`` if it is no cue."""
    return _LEMMA.get(_CAPITALISED.get(form, form))


# --- tokens ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


# a word may hold the zero-width non-joiner Persian writes inside words ("می‌گوید", "گفت‌وگو") and
# combining marks: the vowel signs of Indic scripts ("कहा"), Urdu's izafat ("وزیرِ خارجہ")
_TOKEN = re.compile(rf"[^\W_][\w’'&\u200c{MARKS}-]*(?:\.[^\W_][\w’'&\u200c{MARKS}-]*)*\.?|[^\w\s{MARKS}]")
_KEEP_DOT = re.compile(r"^(?:[^\W\d_]\.)+(?:[^\W\d_]\.?)?$|^[^\W\d_]\.$")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``; a final period stays on abbreviations."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        if len(word) > 1 and word.endswith(".") and not (_KEEP_DOT.match(word) or word[:-1].lower() in _ABBREV):
            out.append(Token(m.start(), m.end() - 1, word[:-1]))
            out.append(Token(m.end() - 1, m.end(), "."))
        else:
            out.append(Token(m.start(), m.end(), word))
    return out


# --- lexicon of mentions ---------------------------------------------------------------------------

_ABBREV = _words(
    "mr mrs ms dr prof gov sen rep st gen col lt sgt capt adm maj rev hon pres jr sr sens reps atty amb supt cmdr gens"
)
PRONOUNS: dict[str, str | None] = {
    "he": "m",
    "she": "f",
    "they": None,
    "we": None,
    "i": None,
    "it": None,
    "он": "m",  # Russian
    "она": "f",
    "они": None,
    "він": "m",  # Ukrainian
    "вона": "f",
    "вони": None,
    "hann": "m",  # Icelandic (read as pronouns in Icelandic text only: ICELANDIC_PRONOUNS)
    "hún": "f",
    "él": "m",  # Spanish, Dutch ("er", "sie", "il" are other words too)
    "hij": "m",
    "zij": None,
}
"""Subject pronouns and their gender."""
ICELANDIC_PRONOUNS = frozenset({"hann", "hún"})
"""Pronouns that are names in other languages' text (the surname Hann)."""
LOWER_PRONOUNS: dict[str, str | None] = {
    "shi": "m",  # Hausa, after "in ji" ("in ji shi": he said)
    "ita": "f",
    "ella": "f",
    "lui": "m",
    "lei": "f",
    "elle": "f",
    "ele": "m",
    "ela": "f",
    "er": "m",
}
"""Pronouns of Spanish, Italian, French and Portuguese that are also given names (Ella Fitzgerald,
Lei Jun, Elle Macpherson): pronouns only written in lower case ("dijo ella", "ha detto lui"); and
German "er" ("sagte er"), which starts a German sentence as "Er" but is Dutch "there" in lower
case too (not "sie": she or they)."""
PERSONAL_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "он",
        "она",
        "его",
        "её",
        "ее",
        "він",
        "вона",
        "його",
        "її",
        "él",
        "hij",
        "zij",
        "il",
        "on",
        "ona",
        "hann",
        "hún",
        *LOWER_PRONOUNS,
    }
)
"""The pronouns a speaker is resolved from (the person named before them)."""
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";", '"', "“", "”", "„", "«", "»", "\n"})
_DETERMINERS = _words(
    "a an the another one two three four five several some many most other this that these those "
    "his her their its our your my both each every few no"
)
_FUNCTION = _words(
    "that which who whom whose and but or nor because while if when as than so to though although since "
    "unless until where whether after before during not also then what with had has have was were is are "
    "be been being will would can could should may might must do does did in on at by from into about "
    "over under like against without within through between among amid upon onto per via"
)
# Capitalised words that start sentences but never names ("But Megan Hester", "Meanwhile Trump").
_NOT_NAME = (
    _FUNCTION
    | _DETERMINERS
    | _words(
        "meanwhile however still yet following despite also even now today yesterday tonight here there it "
        "he she they we i you him them us me instead indeed moreover thus therefore perhaps maybe why how "
        "later earlier first finally last next once only just all none either neither such according asked "
        "told said says speaking writing asked citing unlike "
        # Russian words that open sentences capitalised but are no names ("Как пишет ТАСС", "В Минобороны")
        "как в во на по с со к ко о об от до из за для при под над у и а но что это этот эта эти так также "
        "однако ещё еще уже когда где если после перед между тогда теперь сейчас там тут здесь все всё его её "
        # Ukrainian
        "у з із зі від під над між і й але що це цей ця ці також однак коли якщо після перед тоді "
        "тепер зараз там тут усі все його її як "
        "порядка около более менее свыше почти примерно лишь только ранее позже вчера сегодня завтра ведь даже "
        # Spanish, Italian, Dutch, French, German, Portuguese words that open sentences (not the articles
        # and prepositions that are also parts of names: "Los Angeles", "Del Rio", "De Ooyevaar", "the UN")
        "según pero también además anche inoltre maar volgens hierover daarnaast selon mais aussi laut aber "
        "hij zij él men como cuando mientras posteriormente asimismo quando mentre "
        "vervolgens bovendien daarna ondertussen außerdem zudem danach ayer hoy ieri oggi gisteren "
        "zugleich gleichzeitig später anschließend zuvor vorher jetzt damals dennoch trotzdem wie "
        "allerdings jedoch deshalb daher daraufhin darauf schließlich zuletzt zunächst "
        "ebenfalls auch inzwischen mittlerweile bereits kürzlich seitdem überdies "
        "také později poté zároveň dále rovněž navíc však nyní dnes včera "
        "vandaag gestern heute maandag dinsdag woensdag donderdag vrijdag zaterdag zondag montag dienstag "
        "mittwoch donnerstag freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo "
        "lunedì martedì mercoledì giovedì venerdì lundi mardi mercredi jeudi vendredi samedi dimanche "
        # Indonesian (not "di", "dari", "dan", "dia", "oleh", "kita", "saat", "karena", "pun", "ini", "akan",
        # "saya": "Di Maio", Dari, Dan, Dia, Oleh, Kita, Saat Kumar … are names too)
        "menurut meski meskipun namun selain setelah sebelum dalam pada untuk dengan itu "
        "sementara kemudian sebelumnya sedangkan tetapi tapi atau jika ketika bahkan juga ia "
        "beliau mereka telah sudah sejak hingga sampai bagi seperti yakni yaitu seorang"
    )
)
# Determiners of other languages before a speaker's role ("dijo el entrenador Luis Enrique",
# "a déclaré le ministre Bruno Le Maire", "disse o ministro Fernando Haddad")
_FOREIGN_DETERMINERS = _words("el la los las il lo gli le les der die das de het o os")  # not "a", "as": English
# Words in front of a name that say who the person is ("Secretary of State", "Sen.", "Mr.").
_ROLES = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sen sen. senator rep rep. representative "
    "gov gov. governor president vice secretary minister premier chancellor mayor speaker leader chairman "
    "chairwoman chair director judge justice ambassador general gen gen. adm adm. admiral col col. colonel "
    "lt lt. lieutenant sgt sgt. sergeant capt capt. captain cmdr cmdr. commander officer chief "
    "commissioner attorney rev rev. reverend pope king queen prince princess sheikh emir ceo founder "
    "spokesman spokeswoman spokesperson official deputy candidate nominee congressman congresswoman councilman "
    "councilwoman councilmember delegate assemblyman assemblywoman sir dame lord lady father sister rabbi "
    "imam bishop cardinal coach detective sheriff superintendent host anchor correspondent columnist "
    "editor analyst economist executive manager chairperson trustee administrator supervisor treasurer "
    "comptroller auditor prosecutor lawyer inspector adviser advisor aide strategist pollster activist "
    "retired former acting interim "
    # Russian: the role words written before a name ("Президент России Владимир Путин")
    "президент премьер премьер-министр министр глава губернатор мэр председатель спикер пресс-секретарь "
    "директор посол генерал депутат сенатор лидер руководитель представитель врио замглавы вице-премьер "
    # Spanish, Italian, Dutch, French, German, Portuguese
    "presidente ministro ministra portavoz entrenador alcalde senador senadora director directora "
    "secretario secretaria general diputado diputada premier sindaco senatore portavoce allenatore "
    "direttore segretario generale deputato minister woordvoerder burgemeester trainer voorzitter "
    "président ministre porte-parole maire sénateur entraîneur directeur secrétaire député "
    "präsident minister sprecher sprecherin bürgermeister trainer kanzler kanzlerin bundeskanzler "
    "bundeskanzlerin finanzminister außenminister innenminister gesundheitsminister regierungssprecher "
    "ministerpräsident "
    "prefeito treinador porta-voz deputado senador "
    # Hausa ("Shugaban Rasha Vladimir Putin": the president of Russia) and Icelandic
    "shugaba shugaban minista ministan gwamna gwamnan firaminista firaministan sakatare sakataren jakada "
    "jakadan kakakin darakta daraktan "
    "forseti forsætisráðherra ráðherra utanríkisráðherra talsmaður borgarstjóri þjálfari "
    # Polish
    "prezydent rzecznik rzeczniczka szef szefowa gubernator burmistrz trener dyrektor dyrektorka ambasador "
    "sekretarz przewodniczący przewodnicząca wiceminister wicepremier "
    # Indonesian ("Presiden Rusia Vladimir Putin", "Juru bicara Kremlin Dmitry Peskov")
    "presiden menteri menlu juru jubir direktur gubernur kepala ketua sekretaris duta dubes panglima "
    "komandan pelatih walikota bupati perdana penjabat pakar dokter profesor utusan asisten bicara "
    # Turkish, after what they head ("Rusya Devlet Başkanı Vladimir Putin", "Kremlin Sözcüsü Dmitriy Peskov")
    "başkanı cumhurbaşkanı başbakan başbakanı bakanı bakan sözcüsü sözcü müdürü valisi sekreteri "
    "temsilcisi büyükelçisi direktörü antrenörü teknik komutanı yetkilisi uzmanı yardımcısı genel vekili"
)
ROLE_WORDS = _ROLES
"""Role words written before a name ("president", "presiden", "президент"): not part of it."""
_FEMALE_ROLES = _words(
    "mrs mrs. ms ms. miss chairwoman spokeswoman congresswoman councilwoman assemblywoman queen princess "
    "dame lady sister"
)
_MALE_ROLES = _words("mr mr. chairman spokesman congressman councilman assemblyman king prince sir lord father")
# Capitalised words that make a run an organisation, place or thing rather than a person.
_ORG_WORDS = _words(
    "department ministry house council party committee campaign administration agency office bureau "
    "service services commission court university college institute foundation association union "
    "corporation company corp inc co ltd group news times post journal network bank fund center centre "
    "congress senate assembly parliament government army navy police force forces church kremlin "
    "pentagon nations states republic kingdom federation street magazine press radio tv cnn fox msnbc nbc "
    "cbs abc reuters bloomberg politifact twitter facebook google poll survey report organization "
    "organisation board authority league club team hospital school city county state region province "
    "district avenue road square park hill valley river island islands bay beach lake mountains coast "
    "sea ocean airport station hall building tower forum summit day act amendment plan agreement deal "
    "accord treaty program programme award prize cup games show fed reserve exchange commission "
    "security intelligence affairs treasury capitol museum library project initiative movement alliance "
    "coalition caucus jr. "
    # Indonesian ("Kementerian Luar Negeri", "Angkatan Laut", "Dinas Kesehatan")
    "kementerian kemenlu partai dinas komisi angkatan pasukan kepolisian polisi lembaga "
    "pemerintah negeri persatuan perusahaan pabrik sekolah universitas perpustakaan urusan kepresidenan markas"
)
_PLACE_FIRST = _words(
    "north south east west new united los las san santa saint st. fort port lake mount great central middle "
    "latin hong sri saudi el puerto costa capitol wall silicon white supreme northern southern eastern "
    "western greater upper lower old"
)
# Nouns that head a nominal speaker ("a senior State Department official", "sources").
_HEADS = _words(
    "official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides adviser "
    "advisers advisor advisors analyst analysts expert experts lawyer lawyers attorney attorneys campaign "
    "campaigns statement statements report reports police authorities officer officers minister ministers "
    "president senator senators governor governors secretary ministry department agency government "
    "administration committee group organization organisation company companies diplomat diplomats leader "
    "leaders lawmaker lawmakers critic critics supporter supporters opponent opponents observer observers "
    "economist economists witness witnesses resident residents voter voters people person man woman men "
    "women candidate candidates nominee chairman chairwoman director executive executives prosecutor "
    "prosecutors investigator investigators researcher researchers scientist scientists study studies poll "
    "polls survey surveys document documents memo letter email tweet website newspaper paper magazine "
    "network agencies team member members staff staffer staffers strategist strategists pollster pollsters "
    "activist activists protester protesters protestors organizer organizers spokesmen representatives "
    "representative insider insiders operative operatives friend friends colleague colleagues ally allies "
    "advocate advocates doctor doctors physician nurse teacher student students worker workers employee "
    "employees union unions court judge judges justices panel commission council board ambassador envoy "
    "delegation press media outlet outlets release data figures findings filing complaint lawsuit analysis "
    "ad ads video book column editorial historian historians commentator commentators host hosts anchor "
    "correspondent reporter reporters journalist journalists editor editors writer writers author authors "
    "fans crowd audience partner partners neighbor neighbors relative relatives family families father "
    "mother son daughter wife husband brother sister owner owners manager managers boss founder chief "
    "chiefs head heads commander commanders general generals soldier soldiers troops veteran veterans "
    "military army narrator announcer questioner speaker speakers moderator user users man "
    # bodies that announce: "the prefecture said", "Oita prefecture announced on the 25th that"
    "prefecture city town village municipality county province district club firm bank hospital "
    "university league federation embassy regulator watchdog broadcaster airline operator "
    "carmaker automaker manufacturer retailer "
    # what figures come from: "…, according to federal statistics"
    "statistics estimates records census research review investigation audit tally"
) | {r for r in _ROLES if r.isalpha() and len(r) > 3}
_SKIP_BEFORE_CUE = _words(
    "also later then previously recently once again has have had would will could may might did does do "
    "is was were are be been being just even never still first last finally further additionally "
    "earlier reportedly allegedly publicly privately repeatedly often frequently always yesterday "
    "today tonight on monday tuesday wednesday thursday friday saturday sunday morning afternoon "
    "evening night week month year this last at the time in an interview statement now "
    # Indonesian ("Ovechkin juga mengakui bahwa …"; not "lalu", "pun": Lalu Prasad, Mahabir Pun)
    "juga kemudian sebelumnya telah sudah bahkan"
)
_DASH_TOKENS = frozenset("-—–―")
_PASSIVE = _words("was were been being is are be get got gets")
_OBJECT_MARKERS = _words("a an of in on for with about from by to at into than like against over under")
_PARTICLES = _words("de da del della di van von der den la le du bin ibn al el y of dos das zu ten ter")
_SUFFIXES = _words("jr jr. sr sr. ii iii iv")
_MONTHS_DAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan jan. feb feb. aug aug. sept sept. oct oct. "
    "nov nov. dec dec."
)
_GIVEN_MONTHS = _words("jan june april august")  # also given names ("Jan Novák", "June Carter")


def _date_word(tokens: list[Token], i: int) -> bool:
    """A month or weekday at ``tokens[i]``; a month that is also a given name only before a day
    ("Jan 5", not "Jan Novák")."""
    low = tokens[i].low
    if low not in _MONTHS_DAYS:
        return False
    return low not in _GIVEN_MONTHS or (i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit())


_PP = _words("of for at from with")
# A small list of common first names, for gender (pronoun resolution) and person detection.
_MALE_NAMES = _words(
    "aaron adam al alan albert alex alexander alexei andrew andy anthony antony barack ben benjamin bernie "
    "bill billy bob bobby boris brad brian bruce carl charles charlie chris christopher chuck dan daniel "
    "david dennis dick dmitry don donald doug douglas ed eddie edward elijah emmanuel eric frank fred gary "
    "george gerald greg gregory harry henry howard ian jack jacob jake james jared jason jay jeb jeff "
    "jeffrey jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh juan justin keith "
    "ken kevin larry lee leon leonard luis marco mark martin matt matthew max michael mike mikhail mitch "
    "mitt neil newt nicholas nick olaf paul pete peter phil philip ralph rand randy ray reince richard rick "
    "rob robert roger ron ronald roy rudy russ ryan sam samuel scott sean sergei sergey stephen steve "
    "steven ted terry thomas tim timothy todd tom tony trevor viktor vladimir volodymyr walter wayne "
    "william xi yuri "
    # Russian given names as German and Czech write them ("Andrej Tjaschelnikow", "Dmitrij Peskov")
    "andrei andrej alexej alexei dmitri dmitrij jewgeni jewgenij jevgenij juri jurij wladimir waleri valerij "
    "witali vitalij wjatscheslaw michail nikolai nikolaj iwan ivan pjotr petr fjodor gennadi anatoli anatolij "
    "oleg igor wassili grigori konstantin leonid arkadi"
)
_FEMALE_NAMES = _words(
    "alice amy angela ann anna anne avril barbara betsy betty beverly carly carol caroline catherine "
    "chelsea christine claire cynthia deborah debbie diane dianne donna dorothy elaine elizabeth ellen "
    "emily emma gennifer gina hannah heather helen hillary huma ivana ivanka jacinda jacklyn jane janet "
    "jennifer jessica jill joan joyce judith judy julia julie kamala karen kate katherine kathleen kathy "
    "kellyanne kelly kim kimberly kristen laura lauren linda lisa liz loretta lynn margaret maria marie "
    "marine martha mary maxine megan melania melissa mette michelle michele nancy nicole nikki olivia pam "
    "pamela patricia patty rachel rebecca robin rosa rose ruth samantha sandra sanna sara sarah sharon "
    "sonia sonya stephanie susan suzanne teresa theresa tina tulsi ursula valerie victoria virginia "
    "wendy jelena olga tatjana swetlana světlana natalja natalia marija anastassija jekaterina irina ljudmila"
)


_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґА-ЯЁІЇЄҐ'’-]*$")  # Russian and Ukrainian letters


def cyrillic_word(word: str) -> bool:
    """Is ``word`` a Russian word (in whatever case it is written)?"""
    return _CYRILLIC.match(word.capitalize()) is not None


_RUSSIAN_MALE_A = _words("никита илья кузьма фома лука савва данила саша женя миша дима слава")


def gender_of(first: str) -> str | None:
    """``"f"``, ``"m"`` or ``None`` for a first name."""
    low = first.lower().rstrip(".")
    if _CYRILLIC.match(first) and len(low) > 2 and not first.isupper():
        # Russian first names: feminine in -а/-я, masculine otherwise (Никита, Илья ... are not)
        return "f" if low.endswith(("а", "я")) and low not in _RUSSIAN_MALE_A else "m"
    if low in _FEMALE_NAMES:
        return "f"
    if low in _MALE_NAMES:
        return "m"
    return None


# --- mentions ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention: ``kind`` is ``pronoun``, ``name`` or ``nominal``.

    For a name, ``name`` is the person's or body's name without the roles in front
    ("Antony Blinken"), ``roles`` the lower-cased role words ("secretary", "state") and ``person``
    whether the name looks like a person's (a first name, a personal role, two or three plain
    capitalised words); ``body`` whether it looks like an organisation's or a place's.
    """

    start: int
    end: int
    text: str
    kind: str
    name: str = ""
    roles: tuple[str, ...] = ()
    gender: str | None = None
    person: bool = False
    body: bool = False  # an organisation or a place ("State Department", "North Korea")


def is_name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a name (not "But", "The", "Meanwhile")."""
    return tok.text[:1].isupper() and tok.low not in _NOT_NAME


# Lower-case words that can stand in a title before a name ("Clinton campaign spokesman Nick Merrill",
# "the state's former party chairman Phil Lovas").
_TITLE_MODIFIERS = _words(
    "campaign press party state national foreign senior former top acting interim deputy assistant "
    "communications policy security defense defence justice health finance trade energy education "
    "county city federal regional local international executive managing"
)


# Lower-case nouns that say what a named body is ("J1 League club Nagoya Grampus", "carmaker Toyota").
_ORG_DESCRIPTORS = _words(
    "club team company firm group carmaker automaker chipmaker retailer airline broadcaster newspaper "
    "agency bank lender insurer operator manufacturer developer publisher giant startup prefecture"
)


def role_prefix_start(tokens: list[Token], i: int, lo: int) -> int:
    """The first index of the title words that end at ``tokens[i]`` and begin at or after
    character ``lo``: roles, their modifiers, determiners, possessives and capitalised words
    ("Stein spokeswoman", "The state's campaign chairman").  ``i + 1`` when there are none."""
    k = i
    while k >= 0 and tokens[k].start >= lo and i - k < 8:
        tok = tokens[k]
        low = tok.low
        if not tok.is_word:
            break
        if not (
            tok.is_cap
            or low in _ROLES
            or low in _TITLE_MODIFIERS
            or low in _DETERMINERS
            or low in _ORG_DESCRIPTORS
            or _possessive(tok)
        ):
            break
        k -= 1
    return k + 1


def _surname_may(tokens: list[Token], k: int) -> bool:
    """ "May" after a first name is a surname ("Theresa May"), not the month or the verb."""
    return (
        0 < k < len(tokens)
        and tokens[k].text == "May"
        and tokens[k - 1].is_cap
        and gender_of(tokens[k - 1].text) is not None
        and tokens[k - 1].end < tokens[k].start
    )


def _possessive(tok: Token) -> bool:
    return tok.text.endswith(("’s", "'s", "s’", "s'"))


GENITIVE_ROLES = _words(
    "shugaban ministan gwamnan firaministan sakataren jakadan kakakin daraktan "  # Hausa, the linker -n / -r
    "prezydent rzecznik rzeczniczka szef szefowa gubernator ambasador przewodniczący przewodnicząca "  # Polish
    "prezident mluvčí šéf guvernér velvyslanec předseda "  # Czech
    "presiden menteri bicara jubir direktur gubernur kepala ketua sekretaris duta dubes panglima komandan "
    "pelatih penjabat"  # Indonesian ("juru bicara Kremlin Dmitry Peskov")
)
"""Role words followed by what they head, in the genitive (Polish "prezydent Rosji Władimir Putin",
Czech "předseda vlády Andrej Babiš", Hausa "shugaban Rasha Vladimir Putin")."""


def parse_name(tokens: list[Token], text: str) -> Mention | None:
    """A name mention from a run of capitalised tokens, the roles in front split off."""
    if not tokens:
        return None
    words = [t.text for t in tokens]
    lows = [w.lower() for w in words]
    if len(words) >= 3 and all(w.isupper() for w in words):
        return None  # a shouted headline, not a name
    last_role = -1
    for i, low in enumerate(lows[:-1]):  # the last word is the name even if it looks like a role ("Mr. King")
        if low in _ROLES or low.rstrip(".") in _ROLES:
            last_role = i
    body = list(range(last_role + 1, len(tokens)))
    if len(body) >= 3 and all(_CYRILLIC.match(words[i]) for i in body):
        # "Президент России Владимир Путин", "глава МИД Сергей Лавров": first name and surname
        # (and a patronymic between them) end the run; what comes before names the office
        keep = 3 if lows[body[-2]].endswith(("вич", "вна", "ична")) else 2
        body = body[-keep:]
    elif last_role >= 0 and body and (lows[body[0]] == "of" or len(body) > 3):
        body = _trailing_name(lows, body)  # "Director of National Intelligence Avril Haines"
    elif "of" in (lows[i] for i in body):
        cut = next(k for k, i in enumerate(body) if lows[i] == "of")
        # "Elijah Cummings of Maryland", but "Bank of America", "the Federal Bureau of Prisons"
        if cut >= 2 and lows[body[cut - 1]] not in _ORG_WORDS:
            body = body[:cut]
    while body and lows[body[0]] in _PARTICLES:
        body = body[1:]
    while body and lows[body[-1]] in _PARTICLES:
        body = body[:-1]
    if not body:
        return None
    roles = tuple(lows[: last_role + 1])
    name_words = [words[i] for i in body]
    name = " ".join(name_words)
    name_lows = [w.lower().removesuffix("’s").removesuffix("'s") for w in name_words]
    org = any(w in _ORG_WORDS for w in name_lows) or (name.isupper() and len(name) <= 5 and not roles)
    place = name_lows[0] in _PLACE_FIRST or (
        name_lows[0] in _MONTHS_DAYS and (name_lows[0] not in _GIVEN_MONTHS or len(name_words) == 1)
    )
    gender = gender_of(name_words[0]) if len(name_words) > 1 else None
    for role in roles:
        if role in _FEMALE_ROLES:
            gender = "f"
        elif role in _MALE_ROLES:
            gender = "m"
    plain = 2 <= len(name_words) <= 4 and not any((w.isupper() and len(w) > 1) or "-based" in w for w in name_words)
    person = not org and not place and (bool(roles) or gender is not None or plain)
    first, last = tokens[body[0]], tokens[body[-1]]
    span = text[first.start : last.end]
    return Mention(first.start, last.end, span, "name", name, roles, gender, person, org or place)


def _trailing_name(lows: list[str], body: list[int]) -> list[int]:
    keep = [body[-1]]
    i = len(body) - 2
    while i >= 0 and (lows[body[i]] in _SUFFIXES or lows[body[i + 1]] in _SUFFIXES):
        keep.insert(0, body[i])
        i -= 1
    while i >= 0 and ((len(lows[body[i]]) == 2 and lows[body[i]].endswith(".")) or lows[body[i]] in _PARTICLES):
        keep.insert(0, body[i])
        i -= 1
    if i >= 0 and lows[body[i]] != "of":
        keep.insert(0, body[i])
    return keep


def mention_before(text: str, tokens: list[Token], cue_index: int) -> Mention | None:
    """The subject that ends right before ``tokens[cue_index]`` (skipping adverbs), if any.

    ``None`` for a passive ("he was told") and when the cue is a noun ("a New York Times report",
    "of Republican claims").
    """
    i = cue_index - 1
    cue = tokens[cue_index].low if cue_index < len(tokens) else ""
    past = cue.endswith("ed") or cue in ("told", "said", "written", "wrote")
    if cue in _NOUN_CUES and i >= 0 and (_possessive(tokens[i]) or tokens[i].low in ("his", "her", "their")):
        return _possessor(text, tokens, i)  # "Trump's claim that “…”", "his promise to “…”"
    j = skip_adverbs(tokens, i)
    if past and any(t.low in _PASSIVE for t in tokens[j + 1 : i + 1]):
        return None  # "he was told"
    if j >= 1 and tokens[j].low == "who" and tokens[j - 1].text == ",":
        j -= 2  # "a source familiar with the talks, who said"
    found = _subject_ending_at(text, tokens, j, appositive=2)
    if found is not None and cyrillic_word(cue):
        k = next(n for n, t in enumerate(tokens) if t.start >= found.start)
        if k > 0 and tokens[k - 1].low in _RU_PREPOSITIONS:  # "Путин на параде в Санкт-Петербурге заявил"
            return _russian_subject_before(text, tokens, cue_index) or found
    return found


def _russian_subject_before(text: str, tokens: list[Token], cue_index: int) -> Mention | None:
    """The first name of the clause before a Russian cue that no preposition governs: "Президент
    России Владимир Путин на параде в Санкт-Петербурге заявил" -> Владимир Путин."""
    k = cue_index - 1
    while k >= 0 and (tokens[k].is_word or tokens[k].text in ("-", "«", "»", '"')):
        k -= 1
    i = start = k + 1
    while i < cue_index:
        if is_name_token(tokens[i]):
            j = i
            while j + 1 < cue_index and is_name_token(tokens[j + 1]):
                j += 1
            if i == start or tokens[i - 1].low not in _RU_PREPOSITIONS:
                return parse_name(tokens[i : j + 1], text)
            i = j + 1
        else:
            i += 1
    return None


def skip_adverbs(tokens: list[Token], i: int) -> int:
    """The index of the last token at or before ``i`` that is not an adverb or auxiliary."""
    while (
        i >= 0
        and (tokens[i].low in _SKIP_BEFORE_CUE or (tokens[i].low.endswith("ly") and not tokens[i].is_cap))
        and not _surname_may(tokens, i)
    ):
        i -= 1
    return i


_NOUN_CUES = _words(
    "claim claims promise promises pledge pledges warning warnings call calls reply answer remarks remark "
    "vow vows boast boasts description descriptions"
)


def _possessor(text: str, tokens: list[Token], i: int) -> Mention | None:
    tok = tokens[i]
    if tok.low in ("his", "her", "their"):
        gender = {"his": "m", "her": "f"}.get(tok.low)
        pronoun = {"his": "he", "her": "she"}.get(tok.low, "they")
        return Mention(tok.start, tok.end, tok.text, "pronoun", name=pronoun, gender=gender)
    if not tok.is_cap:
        return None
    cut = 2 if tok.text.endswith(("’s", "'s")) else 1
    j = i
    while j - 1 >= 0 and is_name_token(tokens[j - 1]) and not _possessive(tokens[j - 1]):
        j -= 1
    run = [*tokens[j:i], Token(tok.start, tok.end - cut, tok.text[:-cut])]
    return parse_name(run, text)


def _subject_ending_at(text: str, tokens: list[Token], i: int, *, appositive: int) -> Mention | None:
    if i < 0:
        return None
    tok = tokens[i]
    if tok.text == ")":  # "Paul D. Ryan (R-Wis.) said"
        j = i
        while j >= 0 and tokens[j].text != "(" and i - j < 10:
            j -= 1
        if j <= 0 or tokens[j].text != "(":
            return None
        return _subject_ending_at(text, tokens, j - 1, appositive=appositive)
    if tok.text in _DASH_TOKENS:  # "John Dickey, the chief executive of Ora Media -- the company that … -- told"
        j = i - 1
        while j >= 0 and tokens[j].text in _DASH_TOKENS:
            j -= 1
        while j >= 0 and tokens[j].text not in _DASH_TOKENS and i - j < 40:
            j -= 1
        while j >= 0 and tokens[j].text in _DASH_TOKENS:
            j -= 1
        if j < 0 or i - j >= 40:
            return None
        comma = next((k for k in range(j, max(-1, j - 25), -1) if tokens[k].text == ","), None)
        if comma is not None and comma + 1 <= j and tokens[comma + 1].low in _DETERMINERS and appositive > 0:
            return _subject_ending_at(text, tokens, comma - 1, appositive=appositive - 1)
        return _subject_ending_at(text, tokens, j, appositive=appositive)
    if tok.text == "," and appositive > 0:  # "Flynn, a top Trump surrogate, said" / "Trump, who ..., said"
        j = i - 1
        while j >= 0 and tokens[j].text not in (",", "“", '"', "”", ";", ":", "(") and i - j <= 25:
            j -= 1
        if j < 1 or tokens[j].text != "," or i - j < 2:
            return None
        inner = tokens[j + 1]
        ok = (
            inner.low in _DETERMINERS
            or inner.low in ("who", "whose", "which")
            or re.match(r"^[RDI]-", inner.text) is not None
            or _possessive(inner)
            or (inner.text[:1].isdigit() and i - j == 2)  # "Smith, 45, said"
            or (inner.low in _ROLES and inner.is_word)  # "Kerr Putney, police chief, said"
            or inner.low in _PARTY_WORDS  # "Dianne Feinstein, Democrat of California, said"
            or (inner.low.endswith("ing") and not inner.is_cap)  # "Trump, speaking to veterans, said"
            or inner.low in _ASKED  # "Obama, asked about the deal, said"
        )
        if ok:
            return _subject_ending_at(text, tokens, j - 1, appositive=appositive - 1)
        # "A lawyer for the news outlets, David Schulz, said": the name between the commas speaks,
        # in apposition to the noun phrase before it (the whole is the subject)
        named = _np_ending_at(text, tokens, i - 1)
        if named is None or named.kind != "name" or named.start != inner.start or not named.person:
            return None
        head = next((k for k in range(j - 1, max(-1, j - 8), -1) if _is_head(tokens[k])), None)
        outer = _nominal_ending_at(text, tokens, head) if head is not None else None
        if outer is None:
            return None
        return replace(named, start=outer.start, text=text[outer.start : named.end])
    m = _np_ending_at(text, tokens, i)
    if m is None or m.kind != "name":
        return m
    k = i
    while k > 0 and tokens[k - 1].start >= m.start:
        k -= 1
    if k > 0 and tokens[k - 1].low in _OBJECT_MARKERS and not tokens[k - 1].is_cap:
        if k > 1 and (tokens[k - 1].low in _PP or tokens[k - 1].low == "in") and _is_head(tokens[k - 2]):
            # "a spokeswoman for Hillary Clinton says", "supporters in Congress say": the head speaks
            outer = _nominal_ending_at(text, tokens, k - 2)
            if outer is not None:
                return Mention(outer.start, m.end, text[outer.start : m.end], "nominal")
        return None  # "a New York Times report", "of Republican claims"
    return m


_COLLECTIVE = _words("police staff military media personnel")  # plural in sense: "On Monday police said"
_ASKED = _words("asked pressed questioned interviewed reached contacted")
_PARTY_WORDS = _words("democrat republican independent democratic libertarian socialist conservative liberal")


def _np_ending_at(text: str, tokens: list[Token], i: int) -> Mention | None:
    tok = tokens[i]
    low = tok.low
    if low in PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=PRONOUNS[low])
    if tok.text in LOWER_PRONOUNS or (tok.text == "Er" and (i == 0 or tokens[i - 1].text in _SENTENCE_ENDS)):
        # "dijo que ella …"; German "Er sagte", which only opens a sentence capitalised
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=LOWER_PRONOUNS[low])
    if (is_name_token(tok) and not _possessive(tok) and not _date_word(tokens, i)) or _surname_may(tokens, i):
        j = i
        while j - 1 >= 0:
            prev = tokens[j - 1]
            particle = prev.low in _PARTICLES and j - 2 >= 0 and is_name_token(tokens[j - 2])
            pair = (  # "Luis de la Fuente", "Ursula von der Leyen"
                prev.low in _PARTICLES
                and not prev.is_cap
                and j - 3 >= 0
                and tokens[j - 2].low in _PARTICLES
                and is_name_token(tokens[j - 3])
            )
            if pair:
                j -= 2
            elif (is_name_token(prev) and not _possessive(prev)) or particle:
                j -= 1
            else:
                break
        while j < i and tokens[j].low in _PARTICLES:
            j += 1
        run = tokens[j : i + 1]
        m = parse_name(run, text)
        if m is not None and j - 1 >= 0 and tokens[j - 1].low == "the" and not m.roles:
            t0 = tokens[j - 1]  # "the White House", "the Kremlin", "the Daily Beast": a body, not a person
            return Mention(t0.start, tok.end, text[t0.start : tok.end], "name", m.name, m.roles)
        return m
    if tok.is_word and not tok.is_cap and low not in _FUNCTION and not low.isdigit():
        return _nominal_ending_at(text, tokens, i)
    return None


def _is_head(tok: Token) -> bool:
    low = tok.low
    return low in _HEADS or (low.endswith("s") and low[:-1] in _HEADS)


def _nominal_ending_at(text: str, tokens: list[Token], i: int) -> Mention | None:
    head = tokens[i]
    if not _is_head(head):
        return None
    j = i
    start: int | None = None
    while j - 1 >= 0 and i - j < 8:
        prev = tokens[j - 1]
        low = prev.low
        if low in _DETERMINERS:
            start = j - 1
            # "a spokesman for the campaign": the determiner belongs to a PP; go on to its head
            if start >= 2 and tokens[start - 1].low in _PP and _is_head(tokens[start - 2]):
                outer = _nominal_ending_at(text, tokens, start - 2)
                if outer is not None:
                    return Mention(outer.start, head.end, text[outer.start : head.end], "nominal")
            break
        if _possessive(prev):  # "Trump's campaign", "Hillary Clinton's spokesman"
            k = j - 1
            while k - 1 >= 0 and is_name_token(tokens[k - 1]) and not _possessive(tokens[k - 1]):
                k -= 1
            start = k
            break
        coordinated = low == "and" and j - 2 >= 0 and tokens[j].is_cap and tokens[j - 2].is_cap
        if not coordinated and (
            not prev.is_word or low in _FUNCTION or (cue_lemma(low) and not prev.is_cap) or low in PRONOUNS
        ):
            break  # but "U.S. and Russian officials" goes on
        j -= 1
    if start is None:
        # a bare plural ("sources", "senior administration officials", "U.S. and Russian officials"),
        # or a name and its head ("Oita prefecture", "Kremlin spokesman")
        named = j < i and all(is_name_token(tokens[k]) and not _date_word(tokens, k) for k in range(j, i))
        if not (head.low.endswith("s") or head.low in _COLLECTIVE or named) or i - j > 4:
            return None
        start = i if head.low in _COLLECTIVE and not named else j  # "On Monday police said": "police"
    first = tokens[start]
    return Mention(first.start, head.end, text[first.start : head.end], "nominal")


def mention_after(text: str, tokens: list[Token], i: int, *, inverted: bool = False) -> Mention | None:
    """The subject that starts at ``tokens[i]``.

    ``inverted``: the subject follows its cue ("said Blinken", "according to sources"), so it must
    end the phrase: "said Trump would win" has no inverted subject.
    """
    while i < len(tokens) and (_date_word(tokens, i) or tokens[i].low in ("on", "late", "early", "last")):
        i += 1
    if inverted:
        i = _past_russian_hearer(tokens, i)
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok.low in PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=PRONOUNS[tok.low])
    if tok.text in LOWER_PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=LOWER_PRONOUNS[tok.text])
    if (
        tok.low in _FOREIGN_DETERMINERS
        and inverted
        and i + 1 < len(tokens)
        and tokens[i + 1].low in _ROLES
        and (not tokens[i + 1].is_cap or tok.low in ("der", "die", "das"))  # German nouns are capitalised
    ):
        named = mention_after(text, tokens, i + 1, inverted=inverted)  # "dijo el entrenador Luis Enrique"
        if named is not None or tok.low not in _FOREIGN_NOMINAL_DETERMINERS:
            return named
    if tok.low in _FOREIGN_NOMINAL_DETERMINERS and inverted and not tok.is_cap:
        nominal = _foreign_nominal(text, tokens, i)  # "sagte der Fahrer.", "dijo el conductor."
        if nominal is not None:  # else "said La Liga president Javier Tebas": a name
            return nominal
    if tok.low == "the" and i + 1 < len(tokens) and is_name_token(tokens[i + 1]):  # "according to the Kremlin"
        m = mention_after(text, tokens, i + 1, inverted=inverted)
        if m is not None and m.kind == "name" and not m.roles and m.start == tokens[i + 1].start:
            return Mention(tok.start, m.end, text[tok.start : m.end], "name", m.name, m.roles)
        if m is not None:
            return m
    if tok.low in _RU_HEADS and not tok.is_cap:
        return _russian_subject(text, tokens, i, inverted=inverted)
    if (
        inverted
        and i + 1 < len(tokens)
        and (tok.low in ("в", "во", "на") or (tok.low == "у" and tokens[i + 1].low in _UK_BODIES))
    ):
        return _russian_body(text, tokens, i + 1)  # "сообщили в Минобороны", "рассказали в пресс-службе МВД"
    if tok.low in ("v", "ve", "w") and inverted and i + 1 < len(tokens) and tokens[i + 1].low in _CS_STATEMENTS:
        # "„…,“ uvádí se ve zprávě": the report speaks
        return Mention(tokens[i + 1].start, tokens[i + 1].end, tokens[i + 1].text, "nominal")
    if tok.low == "í" and inverted and i + 1 < len(tokens) and tokens[i + 1].low in _IS_STATEMENTS:
        # "„…,“ segir í tilkynningunni": the statement speaks
        return Mention(tokens[i + 1].start, tokens[i + 1].end, tokens[i + 1].text, "nominal")
    if tok.low in ("in", "im") and inverted and i + 1 < len(tokens):
        # "„…“, heißt es in der Mitteilung": the statement speaks
        k = i + 1 + (tokens[i + 1].low in ("der", "dem", "einer", "einem"))
        if k < len(tokens) and tokens[k].text.split("-")[-1] in _DE_STATEMENTS:
            return Mention(tokens[i + 1].start, tokens[k].end, text[tokens[i + 1].start : tokens[k].end], "nominal")
    if tok.is_word and not tok.is_cap and tok.low in _ROLES:
        # "said spokesman John Kirby", "— отметил глава МИД Сергей Лавров": roles, then the name
        k = i
        while k < len(tokens) and k - i < 4 and tokens[k].is_word and not tokens[k].is_cap:
            if tokens[k].low not in _ROLES and tokens[k].low not in _TITLE_MODIFIERS:
                return None
            k += 1
        if k < len(tokens) and is_name_token(tokens[k]):
            m = mention_after(text, tokens, k, inverted=inverted)
            if m is not None and m.kind == "name":
                roles = tuple(t.low for t in tokens[i:k]) + m.roles
                return Mention(tok.start, m.end, text[tok.start : m.end], "name", m.name, roles, m.gender, True)
        return None
    if is_name_token(tok) and not _possessive(tok):
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1]
            # "Ursula von der Leyen", "Luis de la Fuente": one or two particles, then the surname
            particle = nxt.low in _PARTICLES and (
                (j + 2 < len(tokens) and is_name_token(tokens[j + 2]))
                or (
                    j + 3 < len(tokens)
                    and tokens[j + 2].low in _PARTICLES
                    and not tokens[j + 2].is_cap
                    and is_name_token(tokens[j + 3])
                )
            )
            if (
                (is_name_token(nxt) and not _possessive(nxt))
                or nxt.low in _SUFFIXES
                or particle
                or _surname_may(tokens, j + 1)
            ):
                j += 1
            else:
                break
        k = j + 1
        if k < len(tokens) and _possessive(tokens[k]) and tokens[k].is_cap:
            k += 1  # "Hillary Clinton's campaign manager Robby Mook"
        owner = k
        # "said Trump campaign manager Kellyanne Conway": lower-case roles, then the name
        while k < len(tokens) and tokens[k].is_word and not tokens[k].is_cap and tokens[k].low in _HEADS:
            k += 1
        if owner < k < len(tokens) and is_name_token(tokens[k]):
            return mention_after(text, tokens, k, inverted=inverted)
        if owner > j + 1 and k > owner:  # "Hillary Clinton's campaign"
            return Mention(tok.start, tokens[k - 1].end, text[tok.start : tokens[k - 1].end], "nominal")
        if inverted and j + 2 < len(tokens) and tokens[j + 1].low == "and" and tokens[j].low in _ROLES:
            second = _second_role_name(text, tokens, j + 2)
            if second is not None:  # "said SeaMicro CEO and new AMD general manager Andrew Feldman"
                roles = (tokens[j].low, *second.roles)
                return Mention(tok.start, second.end, text[tok.start : second.end], "name", second.name, roles,
                               second.gender, True)  # fmt: skip
        if (
            inverted
            and j + 1 < len(tokens)
            and (_possessive(tokens[j]) or (tokens[j + 1].is_word and tokens[j + 1].low not in _AFTER_NAME))
        ):
            return None  # "said North Korea's latest …", "said Trump would win": a clause, not a speaker
        return parse_name(tokens[i : j + 1], text)
    if inverted and tok.is_word and not tok.is_cap and tok.low not in _FUNCTION:
        # "said disaster agency official Fauzi": nouns, a role, then the name
        k = i
        while k < len(tokens) and k - i < 4 and tokens[k].is_word and not tokens[k].is_cap:
            if tokens[k].low in _FUNCTION:
                break
            k += 1
        if i < k < len(tokens) and tokens[k - 1].low in _ROLES and is_name_token(tokens[k]):
            m = mention_after(text, tokens, k, inverted=inverted)
            if m is not None and m.kind == "name":
                roles = tuple(t.low for t in tokens[i:k]) + m.roles
                return Mention(tok.start, m.end, text[tok.start : m.end], "name", m.name, roles, m.gender, True)
    return _nominal_from(text, tokens, i)


# German statements that speak ("heißt es in der Mitteilung", "hieß es in einer Erklärung")
_DE_STATEMENTS = frozenset(
    "Mitteilung Pressemitteilung Erklärung Stellungnahme Meldung Bericht Schreiben Brief Text Artikel Beitrag "
    "Botschaft Ansprache Rede Begründung Urteil Studie Veröffentlichung Post Nachricht".split()
)
_IS_STATEMENTS = _words(
    "tilkynningu tilkynningunni yfirlýsingu yfirlýsingunni frétt fréttinni færslu færslunni grein greininni "
    "skýrslu skýrslunni bréfi bréfinu"
)
_CS_STATEMENTS = _words(
    "zprávě prohlášení textu dopise článku sdělení oznámení usnesení příspěvku "
    "komunikacie oświadczeniu raporcie liście artykule wpisie dokumencie"  # Polish ("czytamy w komunikacie")
)
# articles of Spanish, Italian, French, German, Dutch and Portuguese (not "a", "as", "de": English
# or a preposition) before a described speaker that follows its verb
_FOREIGN_NOMINAL_DETERMINERS = _words("el la il lo le der die das het ein eine un una uno une een")
_GENITIVE_LINKS = _words("der des del della dello du van")
_WHAT_FOLLOWS = _words("siguiente siguientes seguente seguenti suivant suivante suivants folgende folgendes volgende")


def described_name_after(text: str, tokens: list[Token], i: int) -> Mention | None:
    """A person named after an article and a description, where the subject follows its verb in
    German or Dutch word order ("Danach sagte der Amerikaner Stephen Ochsner: …", "Später fügte der
    Amerikaner Stephen Ochsner hinzu, …"): the named mention, else None (a description alone, "der
    Fahrer", is left to the quote after it)."""
    if i >= len(tokens) or tokens[i].low not in _FOREIGN_NOMINAL_DETERMINERS or tokens[i].is_cap:
        return None
    m = _foreign_nominal(text, tokens, i)
    return m if m is not None and m.kind == "name" else None


def _foreign_nominal(text: str, tokens: list[Token], i: int) -> Mention | None:
    """A described speaker after its verb in another language: an article, at most two adjectives and
    a noun that end the phrase ("sagte der amtierende Gouverneur.", "schrieb ein Zuschauer in den
    Kommentaren", "dijo el conductor."); ``None`` when a clause goes on ("sagte der Fahrer sei …")."""
    k = i + 1
    while k < len(tokens) and k - i <= 2 and tokens[k].is_word and not tokens[k].is_cap:
        if k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k].low not in _FUNCTION:
            k += 1  # "amtierende", "lokales": an adjective before the noun
        else:
            break
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].low in _FUNCTION | _WHAT_FOLLOWS:
        return None
    if k + 1 < len(tokens) and is_name_token(tokens[k + 1]) and tokens[k + 1].low not in _AFTER_NAME:
        # the described person's name right after: "sagte der Amerikaner Stephen Ochsner in einem Interview"
        return _described_name(text, tokens, i, k + 1)
    # a genitive after it: "die Pressestelle der regionalen Polizeiverwaltung", "el portavoz del ministerio"
    g = k + 1
    if g < len(tokens) and tokens[g].low in _GENITIVE_LINKS:
        g += 1
        while g < len(tokens) and g - k <= 4 and tokens[g].is_word and not tokens[g].is_cap:
            g += 1
        if g < len(tokens) and tokens[g].is_word and tokens[g].is_cap:
            k = g
            while k + 1 < len(tokens) and k - g < 2 and is_name_token(tokens[k + 1]):
                k += 1  # the place the genitive names: "der Leiter des Bezirks Rusa"
    if k + 2 < len(tokens) and tokens[k + 1].text == "," and is_name_token(tokens[k + 2]):
        # then the person, after a comma: "sagte der Leiter des Bezirks Rusa, Nikolai Parfjonow."
        named = _described_name(text, tokens, i, k + 2)
        if named is not None:
            return named
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and nxt.low not in _AFTER_NAME:
        return None
    return Mention(tokens[i].start, tokens[k].end, text[tokens[i].start : tokens[k].end], "nominal")


def _described_name(text: str, tokens: list[Token], i: int, k: int) -> Mention | None:
    """The name at ``tokens[k]`` that a nominal from ``tokens[i]`` describes, when it ends the
    phrase: the person, with the nominal's words as roles."""
    if gender_of(tokens[k].text) is None:
        return None  # a person's name starts with a given name: not "el New York Times"
    m = mention_after(text, tokens, k, inverted=True)
    if m is None or m.kind != "name" or " " not in m.name:
        return None
    roles = tuple(t.low for t in tokens[i:k] if t.is_word) + m.roles
    return Mention(tokens[i].start, m.end, text[tokens[i].start : m.end], "name", m.name, roles, m.gender, True)


def _second_role_name(text: str, tokens: list[Token], i: int) -> Mention | None:
    """After "ROLE and": more roles, modifiers or capitalised words ("new AMD general manager",
    "President"), then the first name that a role announces ("Andrew Feldman", "Rory Read")."""
    for k in range(i, min(i + 10, len(tokens))):
        tok = tokens[k]
        if not tok.is_word:
            return None
        if is_name_token(tok) and (k == i or tokens[k - 1].low in _ROLES):
            m = mention_after(text, tokens, k, inverted=True)
            if m is not None and m.kind == "name" and " " in m.name:
                roles = tuple(t.low for t in tokens[i:k]) + m.roles
                return Mention(m.start, m.end, m.text, "name", m.name, roles, m.gender, True)
        if not (tok.is_cap or tok.low in _ROLES or tok.low in _TITLE_MODIFIERS or tok.low == "new"):
            return None
    return None


# Russian: what may follow the subject of a speech verb (prepositions, the hearer) and the nouns
# that head a subject in the nominative ("отметил глава американского минфина").
_RU_PREPOSITIONS = _words(
    "в во на под по с со у к ко о об обо при для за из от до после перед через над без между про "
    "із зі з від під після між"  # Ukrainian
)
# the hearer of a speech verb ("рассказал журналистам", "сообщил изданию")
_RU_HEARERS = _words(
    "журналистам репортерам корреспонденту корреспондентам изданию агентству телеканалу газете порталу "
    "радиостанции журналу сайту журналістам кореспонденту кореспондентам виданню агентству телеканалу газеті "
    "порталу радіостанції журналу сайту"
)
_RU_AFTER_SUBJECT = _RU_PREPOSITIONS | _RU_HEARERS
_RU_HEADS = _words(
    "президент премьер премьер-министр министр замминистра глава замглавы губернатор врио мэр "
    "председатель зампред зампредседателя вице-премьер спикер пресс-секретарь пресс-служба директор "
    "гендиректор посол генерал командующий командир депутат сенатор лидер руководитель представитель "
    "источник собеседник эксперт аналитик экономист политолог специалист врач доктор главврач ученый "
    "учёный профессор адвокат юрист прокурор следователь судья тренер наставник капитан игрок "
    "футболист хоккеист нападающий защитник вратарь форвард полузащитник певец певица актер актёр "
    "актриса режиссер режиссёр журналист автор блогер писатель политик дипломат чиновник сотрудник "
    "сотрудница очевидец свидетель житель жительница пенсионер пенсионерка владелец основатель "
    "бизнесмен американец американка россиянин россиянка министерство ведомство минобороны мид "
    "агентство издание телеканал газета водитель пассажир пассажирка участник участница пользователь "
    "пользователи собеседница спасатель полицейский военный волонтер волонтёр врачи эксперты источники "
    "очевидцы жители синоптики "
    # Ukrainian
    "президент прем'єр прем'єр-міністр міністр голова губернатор мер речник речниця прес-секретар "
    "прес-служба директор гендиректор посол генерал командувач командир депутат лідер керівник "
    "представник джерело співрозмовник експерт аналітик економіст політолог фахівець лікар професор "
    "адвокат юрист прокурор слідчий суддя тренер наставник капітан гравець футболіст хокеїст нападник "
    "захисник воротар співак співачка актор актриса режисер журналіст автор блогер письменник політик "
    "дипломат чиновник співробітник співробітниця очевидець свідок житель мешканець мешканка мешканці "
    "пенсіонер власник засновник бізнесмен американець американка міністерство відомство видання "
    "агентство телеканал газета водій пасажир учасник учасниця користувач рятувальник поліцейський "
    "військовий волонтер лікарі експерти джерела очевидці жителі синоптики"
)
_RU_LINKS = _words("и -")  # inside a Russian title: "министр экологии и природопользования", "зампред - министр"
_AFTER_NAME = (
    _words("who which in on at during after before when as of for last this")
    | _MONTHS_DAYS
    | _RU_AFTER_SUBJECT
    # where and to whom in other languages ("sagte Russell dem Sender CNBC", "… am Sonntag in einem
    # Interview", "dijo Pérez durante la rueda de prensa"), and a second verb ("sagte Russell und fügte …")
    | _words("dem den im am beim bei gegenüber zum zur und nel nella alla ante durante tras tijdens bij tegenover lors")
    | _words("nach vor während ihre seine ihren seinen")  # "erklärte X nach dem Treffen", "schilderte X ihre …"
    | _words("mit hinzu")  # the particle of a separable verb closes its clause: "teilte die Polizei mit"
    | _words("a v ve na při pro před během")  # Czech: "řekl Putin v Petrohradu", "poznamenal Russell a dodal"
    | _words("w we podczas przy dla po z ze oraz")  # Polish: "powiedział Owieczkin w rozmowie z …"
    | _words("á í við um með eftir fyrir og þegar hjá")  # Icelandic: "sagði Pútín á fundinum"
    | _words("ga yayin cikin lokacin bayan kafin")  # Hausa: "in ji Putin yayin taron"
)


_RU_BODIES = _words(
    "пресс-службе министерстве ведомстве правительстве администрации мэрии полиции прокуратуре суде штабе "
    "компании клубе посольстве департаменте управлении комитете министерства посольства оперштабе "
    # "— говорится в сообщении (МЧС)": the statement speaks
    "сообщении заявлении пояснении записке тексте докладе отчете отчёте релизе "
)
# Ukrainian ("— йдеться в повідомленні", "— повідомили у пресслужбі міністерства"); after "у" only
# these, as Russian "у" governs a genitive ("у министерства": the ministry has)
_UK_BODIES = _words(
    "пресслужбі прес-службі міністерстві відомстві уряді адміністрації поліції прокуратурі суді штабі "
    "компанії клубі посольстві департаменті управлінні комітеті "
    "повідомленні заяві поясненні записці тексті доповіді звіті релізі зверненні документі"
)
_RU_BODIES |= _UK_BODIES


RU_ADVERBS = _words(
    "ранее позже позднее затем потом сначала также тогда вчера сегодня еще ещё уже "
    "раніше пізніше згодом потім спочатку спершу також тоді вчора сьогодні ще вже"  # Ukrainian
)
"""Russian adverbs that may stand between a speech verb and its dash or subject ("— ранее пояснила")."""


def _past_russian_hearer(tokens: list[Token], i: int) -> int:
    """Past what may come between a Russian speech verb and its subject: adverbs and the hearer
    with its outlet ("— пояснила ранее корреспонденту ERR пресс-секретарь …", "— рассказал
    журналистам глава округа …").  The subject must still end the clause."""
    n = len(tokens)
    while i < n and tokens[i].low in RU_ADVERBS and not tokens[i].is_cap:
        i += 1
    if i < n and tokens[i].low in _RU_HEARERS and not tokens[i].is_cap:
        i += 1
        while i < n and (
            tokens[i].text in _RU_MARKS
            or (is_name_token(tokens[i]) and (tokens[i].text.isupper() or not cyrillic_word(tokens[i].text)))
        ):
            i += 1  # the outlet, an acronym or in Latin letters: "корреспонденту ERR", "агентству Reuters"
    elif (
        i + 1 < n
        and is_name_token(tokens[i])
        and tokens[i].text.isupper()
        and cyrillic_word(tokens[i].text)
        and tokens[i + 1].low in _RU_HEADS
    ):
        i += 1  # the hearer is an agency: "— сообщил ТАСС источник в Кремле"
    return i


_RU_MARKS = frozenset('"«»“”')


def _russian_body(text: str, tokens: list[Token], i: int) -> Mention | None:
    """The body a Russian plural speech verb names after "в"/"на" ("сообщили в Минобороны",
    "рассказали в пресс-службе ведомства"), when it ends the clause."""
    n = len(tokens)
    tok = tokens[i]
    if is_name_token(tok):
        k = i + 1
        while k < n and is_name_token(tokens[k]):
            k += 1
        kind = "name"
    elif tok.low in _RU_BODIES:
        k = i + 1
        while k < n and k - i < 5 and tokens[k].is_word and tokens[k].low not in _RU_AFTER_SUBJECT:
            k += 1
        kind = "nominal"
    else:
        return None
    if k < n and tokens[k].is_word and tokens[k].low not in _RU_AFTER_SUBJECT:
        return None  # a clause goes on ("в Москве прошел парад")
    span = text[tok.start : tokens[k - 1].end]
    return Mention(tok.start, tokens[k - 1].end, span, kind, span if kind == "name" else "", body=True)


def _russian_subject(text: str, tokens: list[Token], i: int, *, inverted: bool) -> Mention | None:
    """A Russian subject headed by a noun: its genitive tail and, when it ends in one, a name
    ("глава американского минфина", "американец Стивен Томас Окснер", "врио губернатора").
    ``inverted``: it must end the clause (punctuation, a preposition or the hearer follows)."""
    n = len(tokens)
    k = i
    while k < n and k - i < 10:
        t = tokens[k]
        word = t.is_cap or (t.is_word and t.low not in _RU_AFTER_SUBJECT and not cue_lemma(t.low))
        if word or (t.low in _RU_LINKS and k + 1 < n and tokens[k + 1].is_word and k > i):
            k += 1
        else:
            break
    while k > i + 1 and tokens[k - 1].low in _RU_LINKS:
        k -= 1
    if inverted and k < n and tokens[k].is_word and tokens[k].low not in _RU_AFTER_SUBJECT:
        return None  # ran into a clause ("сказал министр, что" stops at the comma; this did not stop)
    name_at = k
    while name_at > i + 1 and is_name_token(tokens[name_at - 1]) and tokens[name_at - 1].text[1:].islower():
        name_at -= 1
    if k - name_at >= 2 or (k - name_at == 1 and gender_of(tokens[name_at].text) is None and name_at > i):
        m = parse_name(tokens[name_at:k], text)
        if m is not None and m.kind == "name":
            roles = tuple(t.low for t in tokens[i:name_at] if t.is_word)
            return Mention(tokens[i].start, m.end, text[tokens[i].start : m.end], "name", m.name, roles, m.gender, True)
    end = tokens[k - 1].end
    return Mention(tokens[i].start, end, text[tokens[i].start : end], "nominal")


def _nominal_from(text: str, tokens: list[Token], i: int) -> Mention | None:
    n = len(tokens)
    tok = tokens[i]
    bare = not (tok.low in _DETERMINERS or _possessive(tok))
    head = -1
    for k in range(i if bare else i + 1, min(i + 6, n)):
        t = tokens[k]
        if not t.is_word or t.low in _FUNCTION or (cue_lemma(t.low) and not t.is_cap):
            break
        if _is_head(t):
            head = k
    if head < 0 or (bare and not tokens[head].low.endswith("s")):
        return None
    end = head
    k = head + 1
    if k + 1 < n and tokens[k].low in _PP and (tokens[k + 1].low in _DETERMINERS or is_name_token(tokens[k + 1])):
        k += 1
        while k < n and k - head <= 6 and tokens[k].is_word and tokens[k].low not in _FUNCTION - {"the"}:
            end = k
            k += 1
    nxt = tokens[end + 1] if end + 1 < n else None
    if nxt is not None and nxt.is_word and nxt.low not in _FUNCTION and nxt.low not in _MONTHS_DAYS:
        return None  # "said the event brought back memories": a clause, not a speaker
    return Mention(tok.start, tokens[end].end, text[tok.start : tokens[end].end], "nominal")


def name_mentions(tokens: list[Token], text: str) -> list[tuple[Mention, bool]]:
    """Every name among ``tokens`` (runs of capitalised words), and whether it ends in a possessive 's."""
    out: list[tuple[Mention, bool]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not is_name_token(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and not tokens[j].text.endswith(("’s", "'s")):
            nxt = tokens[j + 1]
            if is_name_token(nxt) or (nxt.low in _RUN_PARTICLES and j + 2 < n and is_name_token(tokens[j + 2])):
                j += 1
            else:
                break
        run = tokens[i : j + 1]
        last = run[-1]
        possessive = last.text.endswith(("’s", "'s"))
        if possessive:
            run[-1] = Token(last.start, last.end - 2, last.text[:-2])
        m = parse_name(run, text)
        if m is not None:
            out.append((m, possessive))
        i = j + 1
    return out


_RUN_PARTICLES = _words("of de van von bin al da di jr jr.")


def nominal_mentions(tokens: list[Token], text: str) -> list[Mention]:
    """The indefinite nominals among ``tokens`` ("a senior State Department official"), which later
    definite ones ("the official") refer back to."""
    out: list[Mention] = []
    for i, tok in enumerate(tokens):
        if _is_head(tok) and not (i + 1 < len(tokens) and _is_head(tokens[i + 1])):
            m = _nominal_ending_at(text, tokens, i)
            indefinite = m is not None and m.text.split()[0].lower() in ("a", "an", "another", "one")
            if m is not None and indefinite and (not out or out[-1].start != m.start):
                out.append(m)  # (the first, not "a … official briefed reporters" again)
    return out


def lower_article(text: str) -> str:
    """A nominal as written, its leading article in lower case ("A senior official" -> "a senior official")."""
    first, _, rest = text.partition(" ")
    if first.lower() in ("a", "an", "the", "another", "one", "some", "several", "two", "three") and rest:
        return first.lower() + " " + rest
    return text


# --- clauses and titles ---------------------------------------------------------------------------------

CLAUSE_LEADS: frozenset[str] = _words(
    ", ; : — – and but as while because when although though since after before so yet"
)
"""Tokens after which a subject opens a clause ("…, and Blinken said that …")."""
_CLAUSE_OPENERS = _words(
    "the a an this that these those there it he she they we i you his her their its our some many "
    "no not if when while both all any each every neither nobody none"  # not "nothing": "he said nothing about it"
)
_AUX_VERBS = _words("is are was were has have had will would could should can may might must does did")
_ARTICLES = _words("the a an this these those some many no any each every all both")


def _verb_within(tokens: list[Token], start: int, hi: int, reach: int = 12) -> bool:
    """Whether a finite verb (an auxiliary, a past form, a verb in -s after a noun) follows within
    ``reach`` words of the clause: "said a man was killed", "said the quake damaged 300 houses"."""
    for k in range(start, min(start + reach, len(tokens))):
        t = tokens[k]
        if t.start >= hi or t.text in (".", ";", ":"):
            break
        if t.low in _AUX_VERBS or (t.is_word and t.text.islower() and len(t.low) > 3 and t.low.endswith("ed")):
            return True
        if t.is_word and t.text.islower() and t.low.endswith("s") and not t.low.endswith(("ss", "us", "is")):
            prev = tokens[k - 1]
            if prev.is_word and prev.low not in _ARTICLES and prev.low not in _FUNCTION and k > start:
                return True  # "said the plan needs work"
    return False


_ADVERBIAL = _words(
    "in on at during to after before earlier later last this yesterday today tonight again also monday tuesday "
    "wednesday thursday friday saturday sunday"
)
_HEARER_CUES = _words("tell remind assure inform warn")
_MARKS = frozenset('"“”„«»‘')


# the subjunctive of reported speech (Konjunktiv I, and II where I reads as the indicative)
_GERMAN_SUBJUNCTIVE = _words(
    "sei seien habe könne müsse solle wolle dürfe möge gebe liege gehe komme stehe bleibe wisse "
    "brauche werde hätten hätte wären wäre würden würde könnten müssten sollten fürchte plane "
    "erwarte arbeite"
)


def _subjunctive_clause(tokens: list[Token], k: int, hi: int) -> bool:
    """Does a German clause with a subjunctive verb start at ``tokens[k]`` ("die Lage sei ernst",
    "er fürchte die Reaktion")?  Its verb stands second, so within its first five words."""
    for t in tokens[k : k + 6]:
        if t.start >= hi or not t.is_word:
            return False
        if t.low in _GERMAN_SUBJUNCTIVE:
            return True
    return False


def clause_start(tokens: list[Token], last: int, lemma: str, hi: int) -> int | None:
    """Where the reported clause after a cue (ending at ``tokens[last]``) starts, ``None`` if none.

    After "that" ("said on Tuesday that", "told reporters that"); right after the cue only for
    said-type verbs and a clause-like next word ("Blinken said Biden had …", not "announced a
    pullback").
    """
    i = last + 1
    if i >= len(tokens) or tokens[i].start >= hi:
        return None
    if tokens[last].low in EUROPEAN_VERBS:
        # "dijo (en una entrevista) que …", "zei dat …", "sagte, dass …": only after the clause's lead;
        # German also without "dass", in the subjunctive: "sagte Scholz, die Lage sei ernst"
        german = tokens[last].low in GERMAN_VERBS
        for k in range(i, min(i + 8, len(tokens))):
            if tokens[k].start >= hi:
                break
            if tokens[k].low in EUROPEAN_LEADS:
                return tokens[k].end
            if german and tokens[k].text == "," and _subjunctive_clause(tokens, k + 1, hi):
                return tokens[k].end
            if not (tokens[k].is_word or tokens[k].text == ","):
                break
        return None
    if cyrillic_word(tokens[last].text):
        # Russian: "заявил(а) (журналистам / в понедельник), что …" — the clause follows ", что"
        for k in range(i, min(i + 8, len(tokens))):
            if tokens[k].start >= hi:
                break
            if tokens[k].low in ("что", "що") and tokens[k - 1].text == ",":
                return tokens[k].end
            if not (tokens[k].is_word or tokens[k].text == ","):
                break
        return None
    if lemma in _HEARER_CUES:  # "told reporters (that)", "told The Washington Post that": skip the hearer
        k = i
        while k < len(tokens) and k - i < 6 and tokens[k].is_word and tokens[k].low != "that":
            k += 1
        if k < len(tokens) and tokens[k].low == "that":
            return tokens[k].end
        if lemma != "warn":
            return None
    if tokens[i].low == "that":
        return tokens[i].end
    if tokens[i].low in _ADVERBIAL:  # "said on Tuesday that", "says at a stop in Toledo, Ohio, that"
        for k in range(i + 1, min(i + 12, len(tokens))):
            if tokens[k].start >= hi or not (tokens[k].is_word or tokens[k].text in _MARKS or tokens[k].text == ","):
                break
            if tokens[k].low == "that":
                return tokens[k].end
        return None
    nxt = tokens[i]
    opener = nxt.low in _CLAUSE_OPENERS or re.split(r"['’]", nxt.low)[0] in _CLAUSE_OPENERS  # "he's", "it's"
    if lemma == "add" and nxt.text[:1].isdigit() and not _verb_within(tokens, i + 1, hi, reach=3):
        # "Hillis added 101 yards", "the economy added 3,000 jobs": a sum, not speech (but "the
        # minister added 500 soldiers would be deployed" reports what was said)
        return None
    if lemma in THATLESS_CUES and (opener or is_name_token(nxt) or nxt.text.isdigit()):
        if nxt.low in _ARTICLES and not _verb_within(tokens, i + 1, hi):
            return None  # "by declaring a general state of alert", "said a source": an object, not a clause
        return nxt.start
    if lemma in THATLESS_CUES and nxt.is_word and nxt.low not in _FUNCTION:
        # a bare noun phrase, then its verb: "critics say resources could be better spent"
        for k in range(i + 1, min(i + 4, len(tokens))):
            if tokens[k].start >= hi or not tokens[k].is_word:
                break
            if tokens[k].low in _AUX_VERBS:
                return nxt.start
    return None


_MINOR = _words("a an the of and or in on at to for with by from is it as vs")
_TITLE_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_BEFORE = re.compile(
    r"(?:[’']s|\b(?:on|titled|entitled|book|show|film|movie|song|anthem|album|program|programme|series|"
    r"documentary|column|headline|hashtag|clip of|episode of|his|her|their))\s*$",
    re.IGNORECASE,
)


def looks_like_title(text: str, open_at: int, start: int, end: int) -> bool:
    """Whether the quote ``text[start:end]`` (its mark at ``open_at``) names a show, book or song.

    Short and Title Case, after "CNN's", "on", "titled", "his book" …, or alone on its line (a
    section heading).
    """
    content = text[start:end]
    words = _TITLE_WORDS.findall(content)
    if not words or len(words) > 8 or content.rstrip().endswith(("?", "!")) or not words[0][0].isupper():
        return False
    if not all(w[0].isupper() for w in words if w.lower() not in _MINOR):
        return False
    line_start = text.rfind("\n", 0, open_at) + 1
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    if not text[line_start:open_at].strip() and not any(ch.isalnum() for ch in rest):
        return True
    return _TITLE_BEFORE.search(text, max(0, open_at - 30), open_at) is not None
