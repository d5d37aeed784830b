"""The HTTP API's request and response bodies (pydantic models: they also make the OpenAPI document).

A story's comparison is served exactly as :meth:`newsprism.Engine.compare_story` returns it (the
schema of ``newsprism story ID --compare --json``, docs/compare.md); :class:`Comparison` describes it
for the OpenAPI document without re-validating it on every read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Article, Assignment, Story
from ..nlp.mtsigns import read_translation_signs

__all__ = [
    "MAX_INGEST_ITEMS",
    "ArticleIn",
    "ArticleOut",
    "ArticleRef",
    "Comparison",
    "DeletedOut",
    "ErrorOut",
    "Health",
    "IngestIn",
    "IngestItem",
    "IngestOut",
    "MachineTranslationOut",
    "MachineTranslationSign",
    "MemberOut",
    "StoryList",
    "StoryOut",
    "article_out",
    "story_out",
]

MAX_INGEST_ITEMS = 1000


# --- stories -----------------------------------------------------------------------------------------


class StoryOut(BaseModel):
    id: int
    label: str
    size: int = Field(description="Articles in the story, copies included.")
    outlets: list[str]
    languages: list[str]
    first_published: datetime | None
    last_published: datetime | None
    href: str = Field(description="The story with its comparison and summary in this API.")
    page: str = Field(description="The story's web page.")


class StoryList(BaseModel):
    stories: list[StoryOut]
    page: int
    per_page: int
    total: int = Field(description="Stories matching the search, on every page.")
    pages: int
    next: str | None = Field(description="URL of the next page, if any.")
    prev: str | None = Field(description="URL of the previous page, if any.")


def story_out(story: Story) -> StoryOut:
    return StoryOut(
        id=story.id,
        label=story.label,
        size=story.size,
        outlets=list(story.outlets),
        languages=list(story.languages),
        first_published=story.first_published,
        last_published=story.last_published,
        href=f"/api/v1/stories/{story.id}",
        page=f"/stories/{story.id}",
    )


class MemberOut(BaseModel):
    """An article of a story and why it belongs there."""

    id: int
    article: str = Field(description="External id: the input's id, else its origin.")
    outlet: str | None
    title: str
    url: str | None
    published: datetime | None
    language: str | None
    copy_of: int | None
    relation: str | None
    explanation: dict[str, Any]


# --- the comparison (documentation of Engine.compare_story's dict) ----------------------------------


class _Span(BaseModel):
    article: str
    start: int
    end: int
    text: str | None = None


class _Source(BaseModel):
    article: str
    name: str = Field(
        description="How views name the source: its outlet; else a copy's original and language "
        "('vesti (en copy)'); else its URL's host; else the article id."
    )
    outlet: str | None
    title: str
    url: str | None
    language: str | None
    copy_of: str | None


class _Fact(BaseModel):
    text: str
    kind: Literal["statement", "detail"]
    sources: int
    support: list[_Span]


class _Side(BaseModel):
    article: str
    start: int
    end: int
    value: str
    normalized: str | None


class _Conflict(BaseModel):
    kind: Literal["number", "date", "framing"]
    topic: str
    sides: list[_Side]
    context: list[_Span]


class _Translation(BaseModel):
    speaker: str | None
    text: str
    article: str
    start: int
    end: int


class _Quote(BaseModel):
    speaker: str | None
    text: str
    article: str
    start: int
    end: int
    kind: Literal["direct", "reported"]
    cue: str | None
    shared: bool
    speaker_span: dict[str, int] | None
    translation: _Translation | None = None  # the same quote in the display language, from a translated copy


class _DiffOp(BaseModel):
    op: Literal["=", "-", "+"]
    text: str


class _Variant(BaseModel):
    speaker: str | None
    quotes: list[_Quote]
    diff: list[_DiffOp]
    translated: bool = False  # the same quote in two languages: no word diff


class _Entity(BaseModel):
    name: str
    kind: Literal["person", "organisation", "place", "other"]
    mentions: dict[str, int]


class _SummarySentence(BaseModel):
    text: str
    sources: int
    support: list[_Span]
    language: str | None = Field(default=None, description="The sentence's language, in a story of several.")


class Comparison(BaseModel):
    """A story compared claim by claim, with its label and cited summary (docs/compare.md)."""

    story: int | None
    label: str
    version: str
    omitted: int = Field(
        default=0,
        description="Articles of the story not compared: a story of more than 100 articles is compared on its "
        "first 100 reports (originals in publication order, then their copies).",
    )
    sources: list[_Source]
    facts: list[_Fact]
    unique: list[_Fact]
    conflicts: list[_Conflict]
    quotes: list[_Quote]
    quote_variants: list[_Variant]
    entities: list[_Entity]
    summary: list[_SummarySentence]


# --- articles ----------------------------------------------------------------------------------------


class ArticleRef(BaseModel):
    id: int
    article: str
    outlet: str | None
    title: str
    relation: str | None


class MachineTranslationSign(BaseModel):
    kind: Literal["leaked_elision", "quote_opened_at_end", "split_number", "foreign_script"]
    start: int
    end: int
    text: str
    why: str


class MachineTranslationOut(BaseModel):
    likely: bool
    signs: list[MachineTranslationSign]


class ArticleOut(BaseModel):
    id: int
    article: str = Field(description="External id: the input's id, else its origin.")
    title: str
    text: str = Field(description="Clean text; comparison spans are offsets into it.")
    url: str | None
    outlet: str | None
    author: str | None
    published: datetime | None
    language: str | None
    ingested_at: datetime | None
    story: int
    copy_of: ArticleRef | None = Field(description="The original this article re-publishes.")
    copies: list[ArticleRef] = Field(description="Articles that re-publish this one.")
    explanation: dict[str, Any] = Field(description="Why the article is in its story.")
    machine_translation: MachineTranslationOut = Field(
        description="Visible signs of machine translation in English text (spans into `text`); "
        "`likely` needs signs of two kinds. Fluent machine translation rarely shows any."
    )


def _ref(article: Article, assignment: Assignment) -> ArticleRef:
    return ArticleRef(
        id=article.id or 0,
        article=article.external_id,
        outlet=article.outlet,
        title=article.title,
        relation=assignment.relation,
    )


def article_out(article: Article, assignment: Assignment, members: list[tuple[Article, Assignment]]) -> ArticleOut:
    by_id = {a.id: (a, s) for a, s in members}
    original = by_id.get(assignment.copy_of) if assignment.copy_of is not None else None
    return ArticleOut(
        id=article.id or 0,
        article=article.external_id,
        title=article.title,
        text=article.text,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        language=article.language,
        ingested_at=article.ingested_at,
        story=assignment.story_id,
        copy_of=_ref(*original) if original else None,
        copies=[_ref(a, s) for a, s in members if s.copy_of == article.id and article.id is not None],
        explanation=assignment.explanation.to_dict(),
        machine_translation=MachineTranslationOut.model_validate(
            read_translation_signs(article.text, article.language).to_dict()
        ),
    )


class ArticleIn(BaseModel):
    """One article to ingest: the fields of a JSONL ingest line (only ``text`` or ``html`` needed)."""

    model_config = ConfigDict(extra="allow")  # aliases (outlet, date, lang) pass through as in JSONL

    id: str | int | None = Field(default=None, description="Kept as the article's external id.")
    url: str | None = None
    source: str | None = Field(default=None, description="The outlet.")
    title: str | None = None
    text: str | list[str] | None = Field(default=None, description="Plain text (or a list of paragraphs).")
    html: str | None = Field(default=None, description="A page, used when there is no text.")
    published: str | int | float | None = Field(default=None, description="A date or date-time.")
    language: str | None = None
    author: str | list[str] | None = None


# An item that is not a valid ArticleIn is kept as sent: the ingest rejects it on its own, with the
# reason `newsprism ingest` gives a bad JSONL line, and the rest of the request goes on.
_ArticleItem = Annotated[ArticleIn | Any, Field(union_mode="left_to_right")]


class IngestIn(BaseModel):
    articles: list[_ArticleItem] = Field(
        min_length=1,
        max_length=MAX_INGEST_ITEMS,
        description="Articles to ingest; one that is not an article object with text or html is rejected "
        "in its result, and the others are ingested.",
    )


class IngestItem(BaseModel):
    index: int = Field(description="Position in the request's list.")
    status: Literal["ingested", "duplicate", "rejected"]
    id: int | None = Field(
        default=None, description="Store id of the new article (of a duplicate: the article it duplicates)."
    )
    article: str | None = Field(default=None, description="External id of the new article (or the duplicated one).")
    story: int | None = None
    copy_of: int | None = None
    reason: str | None = Field(default=None, description="Why it was rejected: a short key (missing-text ...).")
    message: str | None = None


class IngestOut(BaseModel):
    ingested: int
    duplicates: int
    rejected: int
    new_stories: int
    results: list[IngestItem]


class DeletedOut(BaseModel):
    deleted: int
    article: str
    story: int
    story_deleted: bool = Field(description="The story had no other article and is gone.")
    promoted: int | None = Field(description="The copy that became the original in the article's place.")


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class _ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorOut(BaseModel):
    error: _ErrorBody
