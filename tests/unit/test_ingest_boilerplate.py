"""Boilerplate lines and agency datelines: removed when they are boilerplate, kept when they are news."""

from __future__ import annotations

import pytest

from newsprism.ingest.boilerplate import (
    LINE_PATTERNS,
    canonical_outlet,
    match_line,
    strip_copyright_suffix,
    strip_dateline_prefix,
)


@pytest.mark.parametrize(
    ("line", "name", "outlet"),
    [
        ("Download the NBC News app for the latest news and politics", "app-promo", "NBC News"),
        ("Get the Fox News app", "app-promo", "Fox News"),
        ("Get the free app", "app-promo", None),
        ("©2021 Bloomberg L.P.", "copyright", "Bloomberg"),
        ("© 2023 Reuters", "copyright", "Reuters"),
        ("Copyright 2020 The Associated Press. All rights reserved.", "copyright", "Associated Press"),
        (
            "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, "
            "rewritten, or redistributed.",
            "copyright",
            "Associated Press",
        ),
        ("© Regan", "copyright", None),  # a photo credit: no year, no publisher
        ("All rights reserved.", "rights-reserved", None),
        ("Sign up for our daily newsletter", "newsletter", None),
        ("Subscribe to our newsletter", "newsletter", None),
        ("Follow us on Twitter", "follow-us", None),
        ("Follow NBC Latino on Facebook, Twitter and Instagram.", "follow-us", None),
        (
            "Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit",
            "follow-coverage",
            None,
        ),
        ("Read more: Biden and Putin to meet in Geneva", "read-more", None),
        ("More:", "read-more", None),
        ("Read the rest here.", "read-rest", None),
        ("Share this article", "share", None),
        ("Click here to get more information or download this game.", "click-here", None),
        ("This story has been updated with additional details.", "updated-note", None),
        ("Posted by Jane Doe on March 3, 2013", "posted-note", None),
        (
            "On behalf of Newman & Newman, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.",
            "posted-note",
            None,
        ),
        ("Reporting by Humeyra Pamuk; Editing by Mary Milliken", "credits", None),
        ("(Reporting by Will Dunham; Editing by Tom Brown)", "credits", None),
        ("Bryant Rousseau and Caryn Wilson contributed reporting.", "contributed", None),
        ("The Associated Press contributed to this report.", "contributed", None),
        ("By DANICA KIRKA and JILL LAWLESS", "byline", None),
        ("SOURCE: News agencies", "source-credit", None),
        ("___", "separator", None),
        ("Advertisement", "advertisement", None),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, name: str, outlet: str | None) -> None:
    found = match_line(line)
    assert found is not None
    assert (found.name, found.outlet) == (name, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "The company said users could download the app from Tuesday, pending approval by regulators.",
        "Download speeds in rural areas lag far behind those in cities, the report found.",
        "Get the facts before you share anything, the fact-checkers urged.",
        "Copyright infringement claims rose 20% last year, the trade body said.",
        "The app was downloaded 3 million times after the copyright dispute was settled.",
        "Follow us, the protesters shouted as they marched towards the parliament.",
        "Reporting by the Post found widespread fraud in the program.",
        "Climate change contributed to this report's bleak findings.",
        "By Friday the deal was done.",
        "(c) the defendant shall pay the costs of the proceedings",
        "Share prices fell 3% on Monday.",
        "Watch the skies tonight for the meteor shower, astronomers said.",
        "More than 2,500 Afghan civilians have been killed in the fighting so far this year.",
        "Sources : Sox May Not Be Out Of Teixeira Chase",  # an ECB+ headline
        "Blinken and Lavrov meet as US, Russia test waters ahead of Biden-Putin summit",
        "",
    ],
)
def test_news_sentences_are_kept(line: str) -> None:
    assert match_line(line) is None


def test_long_lines_are_never_boilerplate() -> None:
    line = "Download the NBC News app for the latest news and politics " + "and much more " * 15
    assert len(line) >= 200
    assert match_line(line) is None


def test_every_pattern_has_a_unique_name() -> None:
    names = [p.name for p in LINE_PATTERNS]
    assert len(names) == len(set(names))
    assert all(names)


@pytest.mark.parametrize(
    ("paragraph", "rest", "outlet"),
    [
        (
            "(Bloomberg) -- Secretary of State Antony Blinken met his Russian counterpart",
            "Secretary of State Antony Blinken met his Russian counterpart",
            "Bloomberg",
        ),
        ("WASHINGTON (Reuters) - The U.S. Senate voted", "The U.S. Senate voted", "Reuters"),
        (
            "LONDON (AP) — Britain's Conservative Party was accused",
            "Britain's Conservative Party was accused",
            "Associated Press",
        ),
        ("(CNN)The Supreme Court on Monday let stand", "The Supreme Court on Monday let stand", "CNN"),
        (
            "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper",
            "U.S. Defense Secretary Mark Esper",
            "Associated Press",
        ),
        ("LOS ANGELES, Sept. 28 (UPI) — In a preview clip", "In a preview clip", "UPI"),
        (
            "MOSCOW (Kyodo News) - Demonstrations in the Khabarovsk region",
            "Demonstrations in the Khabarovsk region",
            "Kyodo News",
        ),
    ],
)
def test_agency_dateline_prefix_is_removed_and_the_sentence_kept(paragraph: str, rest: str, outlet: str) -> None:
    assert strip_dateline_prefix(paragraph) == (rest, outlet)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Sen. Lindsey Graham (R) - who faces re-election - said on Sunday",
        "Biden (D) said the bill would pass.",
        "The (unnamed) official -- speaking on condition of anonymity -- said",
        "Secretary of State Antony Blinken met his Russian counterpart.",
    ],
)
def test_parentheses_in_sentences_are_not_datelines(paragraph: str) -> None:
    assert strip_dateline_prefix(paragraph) == (paragraph, None)


def test_copyright_glued_to_the_last_paragraph_is_removed() -> None:
    line = "Russia will have that role for the next two years. ©2021 Bloomberg L.P."
    assert strip_copyright_suffix(line) == ("Russia will have that role for the next two years.", "Bloomberg")
    quoted = 'Bloomberg\'s report ("(Bloomberg) --" dateline, "©2021 Bloomberg L.P." footer).'
    assert strip_copyright_suffix(quoted) == (quoted, None)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Bloomberg L.P.", "Bloomberg"),
        ("The Associated Press", "Associated Press"),
        ("Thomson Reuters", "Reuters"),
        ("Hawaii News Now", "Hawaii News Now"),
        ("Acme Media Inc.", "Acme"),
        ("Guardian News & Media Limited", "The Guardian"),
        ("2021", None),
        ("", None),
    ],
)
def test_canonical_outlet(name: str, canonical: str | None) -> None:
    assert canonical_outlet(name) == canonical


def test_the_one_call_pretest_never_changes_a_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern is tried only when the union of them all matches: the same answers as trying
    each pattern on every line, on boilerplate, near misses and article sentences alike."""
    import random
    import re

    from newsprism.ingest import boilerplate

    rng = random.Random(3)
    words = [
        "Download", "the", "NBC", "News", "app", "©2021", "Bloomberg", "L.P.", "All", "rights", "reserved", "By",
        "ANNE", "and", "Reporting", "by", "Jane", "Doe;", "Editing", "Sign", "up", "for", "our", "newsletter",
        "Follow", "us", "on", "Twitter", "Read", "more:", "Share", "----", "Photo:", "AP", "contributed", "to",
        "this", "report.", "said", "Tuesday", "police", "Source:", "NATO", "Advertisement", "(c)", "2020", "Get",
    ]  # fmt: skip
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    fast = [boilerplate.match_line(line) for line in lines]
    assert sum(m is not None for m in fast) > 50
    monkeypatch.setattr(boilerplate, "_ANY_LINE", re.compile(".*", re.S))
    assert fast == [boilerplate.match_line(line) for line in lines]
