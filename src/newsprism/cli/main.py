"""The ``newsprism`` command: a thin adapter over :class:`newsprism.Engine`.

Errors become one line on stderr and an exit code: 0 success, 1 failure (every input failed, no
such story, database error), 2 usage error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import __version__
from ..engine import Engine, Progress, display_language_code
from ..errors import ConfigError, Interrupted, NewsprismError
from ..model import Rejection
from ..settings import SETTINGS, Settings
from ..store.base import StoryQuery
from . import render
from .follow import register as _register_follow
from .serve import serve

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])


def _setting_options(func: F) -> F:
    for s in reversed(SETTINGS):
        kwargs: dict[str, Any] = {"default": None, "help": f"{s.help} [env {s.env}; default {s.default!r}]"}
        if s.type is bool:
            func = click.option(f"{s.flag}/--no-{s.flag[2:]}", s.name, **kwargs)(func)
        else:
            func = click.option(s.flag, s.name, type=s.type, metavar=s.type.__name__.upper(), **kwargs)(func)
    return func


class _State:
    def __init__(self, overrides: dict[str, Any], explicit_db: bool) -> None:
        self.overrides = overrides
        self.explicit_db = explicit_db
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.load(self.overrides)
        return self._settings

    def engine(self, **extra: Any) -> Engine:
        settings = Settings.load({**self.overrides, **extra}) if extra else self.settings
        return Engine.open(settings)

    def reader(self, creator: str = "newsprism ingest PATH...") -> Engine:
        """The engine of a command that only reads (or rebuilds) what is stored: a database that
        does not exist is an error, not a new empty one (a mistyped --db).  ``creator``: the
        command the error names as the one that creates it."""
        import os

        db = self.settings.db
        if db != ":memory:" and not os.path.exists(db):
            raise NewsprismError(f"no database at {db}: `{creator}` creates it (or check --db / NEWSPRISM_DB)")
        return self.engine()


class _Group(click.Group):
    """The ``newsprism`` group: an option of the group given after a command ("newsprism ingest
    --db x.db ...") gets a hint where it belongs."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as exc:
            ours = {opt for param in self.params for opt in (*param.opts, *param.secondary_opts)}
            if exc.option_name in ours:
                name = exc.option_name
                where = f"give it before the command (newsprism {name} ... COMMAND)"
                raise click.UsageError(f"{name} is an option of newsprism itself: {where}", exc.ctx) from exc
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@_setting_options
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="newsprism")
@click.pass_context
def cli(ctx: click.Context, /, verbose: int, **settings: Any) -> None:
    """See one news event through many outlets.

    Ingest articles (text, HTML, JSON/JSONL files, web pages, RSS/Atom feeds), group them
    into stories as they arrive, and compare each story's sources claim by claim.  Data lives in a
    SQLite database: newsprism.db in the current folder unless --db or NEWSPRISM_DB says otherwise.

    \b
    Quick start:
      newsprism demo                      # bundled examples, in memory
      newsprism ingest articles.jsonl     # files, folders, globs, - for stdin
      newsprism stories                   # the stories found
      newsprism story 3                   # one story: its articles and why they belong
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    # "warning: news/: left out 181 files ..." for a user; the logger's name too with -v
    fmt = "%(levelname)s: %(message)s" if verbose == 0 else "%(levelname)s %(name)s: %(message)s"
    for number in (logging.WARNING, logging.ERROR):
        logging.addLevelName(number, logging.getLevelName(number).lower())
    logging.basicConfig(level=level, format=fmt, stream=sys.stderr)
    if verbose < 2:  # an empty or odd page is reported once, as the input's skip reason
        for library in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
            logging.getLogger(library).setLevel(logging.CRITICAL)
    explicit_db = settings.get("db") is not None  # given here, not by NEWSPRISM_DB (see demo)
    ctx.obj = _State({k: v for k, v in settings.items() if v is not None}, explicit_db)


def _env(name: str) -> str:
    import os

    return os.environ.get(name, "")


_ROLLED_BACK = "interrupted: the batch in progress was rolled back; what was stored before is kept"


def _run(func: Callable[[], int | None], *, interrupted: str = "interrupted") -> None:
    """Run a command's body: a newsprism error is one line (exit 2 for settings, else 1), Ctrl-C
    is ``interrupted`` (exit 130; commands that write batches say what was kept)."""
    try:
        code = func()
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except NewsprismError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(interrupted, err=True)
        sys.exit(130)
    except BrokenPipeError:
        # the reader of stdout went away (`newsprism export assignments | head -1`): stop quietly,
        # and keep Python from failing again while flushing stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    sys.exit(code or 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-input skip lines.")
@click.pass_obj
def ingest(state: _State, paths: tuple[str, ...], as_json: bool, quiet: bool) -> None:
    """Ingest articles from PATHS: files, folders, globs, URLs, or - for stdin.

    \b
    Accepted: .txt/.md (first non-empty line is the title), .html/.htm (main text and metadata
    extracted), .json/.jsonl with fields id, url, source, title, text or html, published, language
    (only text or html required), saved .rss/.atom/.xml feeds (entries with their text), http(s)
    URLs of pages (fetched and extracted) or of RSS/Atom feeds (each entry's page is ingested; an
    OPML list of feeds is followed with `feeds add`).  Articles already stored (same URL or same
    normalised content) are counted as duplicates.  A bad input is reported on one line and skipped; the rest goes on.
    Exit code 0 when anything was ingested or all was already present, 1 when every input failed.
    """

    def go() -> int:
        with state.engine() as engine:
            bar = None if quiet or as_json else render.ProgressBar()

            def on_reject(rej: Rejection) -> None:
                if not quiet:
                    message = f"skipped {rej.line()}"
                    if bar is not None:
                        bar.log(message)
                    else:
                        click.echo(message, err=True)

            def on_progress(p: Progress) -> None:
                if bar is not None:
                    bar.update(p)

            try:
                report = engine.ingest(
                    paths, stdin=sys.stdin.buffer, on_progress=on_progress, on_reject=on_reject, find_duplicates=True
                )
            except Interrupted as stop:
                if bar is not None:
                    bar.close()
                    bar = None
                kept = stop.report
                if as_json:
                    click.echo(json.dumps({**render.report_json(kept), "interrupted": True}, indent=2))
                else:
                    click.echo(f"kept before the interruption: {kept.summary()}")
                raise
            finally:
                if bar is not None:
                    bar.close()
            duplicates = _duplicates_named(engine, report)
            if as_json:
                click.echo(json.dumps({**render.report_json(report), "duplicates_of": duplicates}, indent=2))
            else:
                for d in duplicates:  # with -v: which input repeated which stored article
                    logging.getLogger("newsprism.ingest").info(
                        "duplicate %s: already stored as %s", d["input"], d["of"]
                    )
                click.echo(report.summary() + f"; {render.plural(report.new_stories, 'new story', 'new stories')}")
            return 1 if report.failed else 0

    _run(go, interrupted=_ROLLED_BACK)


def _feed_groups(engine: Any, members: Any) -> dict[int, str]:
    """The feed group (country, lean ...) of each article a followed feed brought (docs/follow.md)."""
    from ..store.feeds import groups_of_articles
    from ..store.sqlite import SQLiteStore

    if not isinstance(engine.store, SQLiteStore):
        return {}
    return groups_of_articles(engine.store, [a.id for a, _ in members if a.id is not None])


def _duplicates_named(engine: Any, report: Any) -> list[dict[str, str]]:
    """Each duplicate input with the external id of the stored article it repeats."""
    names: dict[int, str] = {}
    out = []
    for origin, article_id in (report.duplicate_of or {}).items():
        if article_id not in names:
            names[article_id] = engine.store.article(article_id).external_id
        out.append({"input": origin, "of": names[article_id]})
    return out


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of stories) instead of a table.")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="How many stories.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0), help="Skip this many first.")
@click.option(
    "--order",
    type=click.Choice(["newest", "biggest", "id"]),
    default="newest",
    show_default=True,
    help="Sort order (newest: by the latest publication date; a story without dates counts as of when it was stored).",
)
@click.option(
    "--min-size",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Only stories with at least this many articles.",
)
@click.option("--search", help="Only stories with an article title containing this text.")
@click.option("--outlet", help="Only stories reported by this outlet (its whole name, in any case).")
@click.pass_obj
def stories(
    state: _State,
    as_json: bool,
    limit: int,
    offset: int,
    order: str,
    min_size: int,
    search: str | None,
    outlet: str | None,
) -> None:
    """List stories: id, label, size, outlets and date range."""

    def go() -> None:
        with state.reader() as engine:
            query = StoryQuery(order=order, limit=limit, offset=offset, min_size=min_size, text=search, outlet=outlet)
            found = engine.stories(query)
            if as_json:
                click.echo(json.dumps([render.story_json(s) for s in found], indent=2, ensure_ascii=False))
            else:
                total = engine.store.story_count()
                filtered = bool(search or outlet or min_size > 1)
                matching = engine.count_stories(query) if filtered else total
                render.stories_table(found, total=total, matching=matching, offset=offset)

    _run(go)


def _compare_options(func: F) -> F:
    func = click.option(
        "--summary-words",
        default=100,
        show_default=True,
        type=click.IntRange(20, 1000),
        help="Length of the story's summary, in words (whole sentences: at most 15% over).",
    )(func)
    func = click.option(
        "--language",
        "display_language",
        metavar="CODE",
        help="Show facts and the summary in this language where a source has it (default: English, else the"
        " main language).",
    )(func)
    func = click.option("--markdown", "as_markdown", is_flag=True, help="Print the comparison as Markdown.")(func)
    func = click.option(
        "--html",
        "html_path",
        type=click.Path(dir_okay=False, writable=True),
        help="Write a standalone side-by-side HTML report to this file.",
    )(func)
    return func


def _one_format(as_json: bool, as_markdown: bool) -> None:
    if as_json and as_markdown:
        raise click.UsageError("--json and --markdown: choose one (--html FILE goes with either)")


def _emit_comparison(data: dict[str, Any], *, as_json: bool, as_markdown: bool, html_path: str | None) -> None:
    from ..compare.render import to_html, to_markdown, to_text

    if html_path:
        _write_atomic(html_path, to_html(data))
        click.echo(f"wrote {html_path}", err=True)
        if not (as_json or as_markdown):
            return
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif as_markdown:
        click.echo(to_markdown(data), nl=False)
    else:
        click.echo(to_text(data), nl=False)


def _write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all, with the permissions the umask gives a new
    file; a folder that does not exist or cannot be written is a one-line error."""
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".newsprism-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise NewsprismError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)  # mkstemp makes the file 0600; a report is meant to be read
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise NewsprismError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@cli.command()
@click.argument("story_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --compare: the comparison's JSON).")
@click.option("--compare", "do_compare", is_flag=True, help="Compare the story's sources claim by claim.")
@click.option(
    "--refresh", is_flag=True, help="Recompute the summary (and comparison) even when cached ones are current."
)
@_compare_options
@click.pass_obj
def story(
    state: _State,
    story_id: int,
    as_json: bool,
    do_compare: bool,
    refresh: bool,
    as_markdown: bool,
    html_path: str | None,
    summary_words: int,
    display_language: str | None,
) -> None:
    """Show one story: its label, summary, articles and why each belongs to it.

    With --compare: facts several sources report (with the spans that support them), what only
    one source reports, differences (numbers, dates, framing), quotes with speakers, the same
    quote worded differently, and entities; as text, --json, --markdown or --html FILE.  The
    comparison is cached in the database until the story changes.
    """

    _one_format(as_json, as_markdown)

    def go() -> None:
        with state.reader() as engine:
            if do_compare or as_markdown or html_path:
                data = engine.compare_story(
                    story_id, refresh=refresh, summary_words=summary_words, language=display_language
                )
                _emit_comparison(data, as_json=as_json, as_markdown=as_markdown, html_path=html_path)
                return
            s = engine.story(story_id)
            members = engine.story_members(story_id)
            events = engine.story_events(story_id)
            summary = engine.summarize_story(story_id, words=summary_words, refresh=refresh, language=display_language)
            groups = _feed_groups(engine, members)
            if as_json:
                data = render.story_detail_json(s, members, events, groups=groups)
                data["summary"] = summary["summary"]
                click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            else:
                render.story_detail(s, members, events, summary=summary["summary"], groups=groups)

    _run(go)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON (schema: docs/compare.md).")
@_compare_options
@click.pass_obj
def compare(
    state: _State,
    paths: tuple[str, ...],
    as_json: bool,
    as_markdown: bool,
    html_path: str | None,
    summary_words: int,
    display_language: str | None,
) -> None:
    """Compare PATHS (anything `ingest` accepts) as one story, without a database.

    \b
    Example:
      newsprism compare bloomberg.txt nbc.html --html report.html
    """

    _one_format(as_json, as_markdown)

    def go() -> int:
        display_language_code(display_language)  # an unknown code fails before the inputs are read
        with state.engine(db=":memory:") as engine:
            report = engine.ingest(
                paths, stdin=sys.stdin.buffer, on_reject=lambda r: click.echo(f"skipped {r.line()}", err=True)
            )
            if report.ingested == 0:
                click.echo("error: nothing to compare (no input became an article)", err=True)
                return 1
            if report.duplicates:
                n = report.duplicates
                what = f"{n} inputs repeat earlier ones" if n > 1 else "1 input repeats an earlier one"
                click.echo(f"note: {what} (same URL or text): compared once", err=True)
            data = engine.compare_all(summary_words=summary_words, language=display_language)
            _emit_comparison(data, as_json=as_json, as_markdown=as_markdown, html_path=html_path)
            return 0

    _run(go)


@cli.group()
def export() -> None:
    """Export data (JSONL on stdout)."""


@export.command("assignments")
@click.pass_obj
def export_assignments(state: _State) -> None:
    """One line per article: {"article": id, "story": story id, "copy_of": id or null}."""

    def go() -> None:
        with state.reader() as engine:
            out = sys.stdout
            for row in engine.export_assignments():
                line = {"article": row.external_id, "story": row.story_id, "copy_of": row.copy_of_external_id}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")

    _run(go)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def rebuild(state: _State, as_json: bool) -> None:
    """Re-cluster the whole store in one batch pass with corpus-wide statistics.

    Use after changing clustering settings or upgrading newsprism.  Story ids are kept where the
    grouping did not change; the agreement with the previous grouping (BCubed F1) is reported.
    """

    def go() -> None:
        with state.reader() as engine:
            report = engine.rebuild()
            data = {
                "articles": report.articles,
                "stories_before": report.stories_before,
                "stories_after": report.stories_after,
                "agreement_bcubed_f1": round(report.agreement, 4),
                "features_recomputed": report.features_recomputed,
            }
            if as_json:
                click.echo(json.dumps(data, indent=2))
            else:
                click.echo(
                    f"rebuilt {report.articles} articles: {report.stories_before} -> {report.stories_after} stories,"
                    f" agreement with before {report.agreement:.3f} (BCubed F1)"
                )

    _run(go, interrupted=_ROLLED_BACK)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the resulting stories as JSON.")
@click.pass_obj
def demo(state: _State, as_json: bool) -> None:
    """Ingest the bundled examples and show the stories found.

    The examples are the two seed reports of the Blinken-Lavrov meeting (Bloomberg, and NBC News
    machine-translated through French) and a dozen unrelated articles.  Uses an in-memory
    database unless --db is given (NEWSPRISM_DB is not used: the demo never adds its examples to
    the database you work with); only the stories of the examples are shown.
    """
    from ..demo import demo_paths, seed_ids

    def go() -> int:
        extra = {} if state.explicit_db else {"db": ":memory:"}
        with state.engine(**extra) as engine:
            report = engine.ingest([str(p) for p in demo_paths()], find_duplicates=True)
            if not as_json:
                where = engine.settings.db if engine.settings.db != ":memory:" else "memory"
                click.echo(f"demo: {report.summary()} (database: {where})")
            examples = [*report.article_ids, *(report.duplicate_of or {}).values()]  # stored now or before
            ours = {engine.article(a)[1].story_id for a in examples}
            found = sorted((engine.story(sid) for sid in ours), key=lambda s: (-s.size, s.id))  # biggest first
            seeds = seed_ids()
            seed_story = {
                a.external_id: s.id
                for s in found
                for a, _ in engine.story_members(s.id)
                if any(a.origin.endswith(name) for name in seeds)
            }
            together = len(set(seed_story.values())) == 1 and len(seed_story) == len(seeds)
            if as_json:
                out = {"stories": [render.story_json(s) for s in found], "seed_pair_grouped": together}
                click.echo(json.dumps(out, indent=2, ensure_ascii=False))
                return 0 if together else 1
            render.stories_table(found, total=len(found))
            if together:
                sid = next(iter(seed_story.values()))
                click.echo(f"\nThe two seed reports are grouped in story {sid}:")
                summary = engine.summarize_story(sid)["summary"]
                render.story_detail(
                    engine.story(sid), engine.story_members(sid), engine.story_events(sid), summary=summary
                )
                from ..compare.render import to_text

                click.echo(f"\nTheir comparison (newsprism story {sid} --compare):\n")
                click.echo(to_text(engine.compare_story(sid)), nl=False)
                return 0
            click.echo("\nThe two seed reports were NOT grouped together.", err=True)
            return 1

    _run(go)


cli.add_command(serve)  # cli/serve.py (issue 6)
_register_follow(cli)  # cli/follow.py (issue 7): feeds add|list|remove, watch


def main() -> None:
    cli(prog_name="newsprism")
