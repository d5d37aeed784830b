"""Wording that makes a sentence one-sided: summary sentences avoid it where a plain one exists.

A short, conservative list of loaded verbs, adjectives and labels that news summaries (the AllSides
editors' neutral summaries, for example) replace with plain reporting verbs.  Words inside
quotation marks do not count: a quote stays a quote, attributed to its speaker.
"""

from __future__ import annotations

import re

__all__ = ["LOADED", "loaded_words"]

LOADED = frozenset(
    """slam slams slammed slamming blast blasts blasted blasting rip rips ripped ripping bash bashes
    bashed torch torched skewer skewered destroy destroys destroyed eviscerate eviscerated
    lambast lambasts lambasted lambaste trash trashed mock mocked mocks sneer sneered rant rants
    ranted tirade meltdown melts melted crazy insane outrageous disgraceful shameful shameless
    disastrous catastrophic horrific horrifying stunning stunned shocking shocked bombshell
    explosive radical extremist far-left far-right leftist rightwing left-wing right-wing socialist
    fascist regime propaganda hoax witch-hunt sham scandalous brazen reckless cowardly heroic
    evil corrupt crook crooked liar lies lied lying doubled-down caves caved capitulate capitulated
    humiliating humiliated embarrassing embarrassed panic panicked chaos chaotic fiasco
    onslaught assault falsehoods false-claim unhinged draconian""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»“]")


def loaded_words(sentence: str) -> list[str]:
    """The loaded words of ``sentence`` outside quotation marks."""
    outside = _QUOTED.sub(" ", sentence)
    return [w for w in _WORD.findall(outside) if w.lower() in LOADED]
