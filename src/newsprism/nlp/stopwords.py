"""Small stop word lists for the languages newsprism tokenises with spaces.

Lists are deliberately short (function words, reporting verbs): the IDF weighting does the rest.
"""

from __future__ import annotations

from functools import cache

__all__ = ["TIME_WORDS", "function_words_for", "stopwords_for"]

_EN = """a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves said says say saying told tell according one two
three new also may might must us mr ms mrs dr its it's he's she's they're we're i'm don't didn't
doesn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't yet still even though
since per via like get got go going went just around another many much every last first next year
years week weeks day days time times monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow month months ago well back over"""

_ES = """a al algo como con contra cual cuando de del desde donde dos el ella ellas ellos en entre
era es esa ese eso esta este esto estos fue ha han hasta hay la las le les lo los mas más me mi muy
no nos o otra otro para pero por que qué se ser si sí sin sobre su sus también tiene un una uno y ya
dijo según año años"""

_FR = """a au aux avec ce ces cette dans de des du elle en est et eu il ils je la le les leur lui ma
mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te
tes toi ton tu un une vos votre vous y été être a-t-il selon dit an ans"""

_DE = """aber als am an auch auf aus bei bin bis da das dass dem den der des die doch dort du ein eine
einem einen einer eines er es für hat hatte im in ist ja jahr jahre kann mit nach nicht noch nun nur
ob oder sein sich sie sind so um und uns von vor war wie wir wird zu zum zur über sagte"""

_IT = """a al alla alle anche che chi con come da dal dalla de dei del della delle di e è gli ha ho i
il in la le lo ma mi nel nella non o per più quale questo se si sono su sua suo tra un una uno anni
anno ha detto"""

_NL = """aan al als bij dan dat de den der deze die dit door een en er had heb heeft het hij hoe ik
in is je kan maar me met mijn naar niet nog nu of om ons ook op over te tot uit van voor was wat we
wel werd wie wij worden zal ze zei zich zijn jaar"""

_PT = """a ao aos as com como da das de do dos e é ela ele em entre era essa esse foi há isso já mais
mas na nas no nos o os ou para pela pelo por que se sem ser seu sua são também um uma disse ano anos"""

_RU = """а без бы был была были было быть в вам вас весь во вот все всех вы где да даже для до его
ее её если есть ещё же за и из или им их к как ко когда кто ли либо мы на над не него нее неё нет
ни них но ну о об от по под при с со так также то того тоже только том ты у уже что чтобы эта эти
это этого этой я года год заявил сказал"""

_CS = """a aby ale ani asi až bez bude budou byl byla byli bylo být co což či další do ho i jak jako je
jeho jej její jejich jen ještě již jsem jsme jsou jste k kde když kterou které který která kteří ke má
mají mezi mi mu my na nad ne než nebo není nich o od on ona oni ono po pod podle pokud pro proti
protože před při s se si své svůj ta tak také tam tato tedy ten tento tím to toho tom tomu tu tuto ty
u už v ve však z za ze že řekl řekla uvedl uvedla rok roku let více znovu"""

_LISTS = {"en": _EN, "es": _ES, "fr": _FR, "de": _DE, "it": _IT, "nl": _NL, "pt": _PT, "ru": _RU, "cs": _CS}
# each language's own list (without the English added to every language's stop words)
FUNCTION_WORD_LISTS = {code: frozenset(words.split()) for code, words in _LISTS.items()}


@cache
def stopwords_for(language: str | None) -> frozenset[str]:
    """Stop words of ``language`` (ISO 639-1) plus English ones: English names and loanwords
    appear in every language's news."""
    words = set(_EN.split())
    if language and language in _LISTS:
        words |= set(_LISTS[language].split())
    return frozenset(words)


_TIME = """first last next year years day days time times week weeks month months ago today yesterday
tomorrow monday tuesday wednesday thursday friday saturday sunday one two three"""
TIME_WORDS = frozenset(_TIME.split())


@cache
def function_words_for(language: str | None) -> frozenset[str]:
    """Stop words without the time and order words (``Wednesday``, ``first``, ``last month``):
    useless for grouping articles into stories, but details worth aligning within a story."""
    return stopwords_for(language) - TIME_WORDS
