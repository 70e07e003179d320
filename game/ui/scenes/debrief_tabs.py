"""The debrief's seven tabs, each drawn into the body rectangle of the debrief screen.

Each `draw_<tab>` reads the analysis (cached by the scene per language) and draws with the Painter, so every
text is recorded and the layout tests can check that nothing is cut off at 1280x720 or 1920x1080.
"""

from __future__ import annotations

import pygame

from game.analysis import debrief as analysis
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.export import charts
from game.export.draw import fits, hanging_list, line_height, shared_kind, wrap
from game.export.look import SIZES
from game.words import capital, indicator_name, percent, resource_name

ROUNDS_PER_PAGE = 5


def buttons(scene, body: pygame.Rect) -> list:
    """Extra buttons a tab needs (the pages of the timeline and of the knobs), as (rect, text, callback) tuples."""
    pages = _pages(scene, body)
    if pages <= 1:
        return []
    look = scene.look
    bw, bh = look.px(64), look.px(52)
    y = body.top
    out = []
    if scene.page > 0:
        out.append((pygame.Rect(body.right - 2 * bw - look.px(8), y, bw, bh), "‹", lambda: _page(scene, -1, pages)))
    if scene.page < pages - 1:
        out.append((pygame.Rect(body.right - bw, y, bw, bh), "›", lambda: _page(scene, +1, pages)))
    return out


def _page(scene, step: int, pages: int) -> None:
    scene.page = max(0, min(pages - 1, scene.page + step))
    scene.rebuild()
    scene.app.dirty = True


def _pages(scene, body: pygame.Rect) -> int:
    """How many pages the current tab has (1: it is not paged)."""
    if scene.tab == "timeline":
        return _timeline_pages(scene)
    if scene.tab == "knobs":
        return len(_knob_pages(scene, body))
    return 1


def _timeline_pages(scene) -> int:
    rounds = len(scene.story.end.history) - 1
    return max(1, -(-rounds // ROUNDS_PER_PAGE))


def draw(scene, painter, body: pygame.Rect) -> None:
    """Draw the scene's current tab."""
    DRAWERS[scene.tab](scene, painter, body)


def _headings(scene, painter, inners: list, texts: list) -> list:
    """The panels' headings side by side, at one size: large on one line when every one fits so, else large
    on two lines, else body (two lines at most). Returns the y below each."""
    look = scene.look
    kind, lines = _heading_kind(painter, inners, texts)
    h = lines * line_height(look, kind, True)
    return [
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, h), text, kind, bold=True, min_kind=kind).bottom
        + look.px(6)
        for inner, text in zip(inners, texts, strict=True)
    ]


def _heading_kind(painter, inners: list, texts: list) -> tuple:
    """The (kind, lines) at which `_headings` draws these headings."""
    look = painter.look
    kind, lines = "small", 2
    for kind, lines in (("large", 1), ("large", 2), ("body", 2), ("small", 2)):
        h = lines * line_height(look, kind, True)
        boxes = [pygame.Rect(inner.left, inner.top, inner.width, h) for inner in inners]
        if all(painter.fits(box, text, kind, True, kind) for box, text in zip(boxes, texts, strict=True)):
            break
    return kind, lines


def _columns(scene, body: pygame.Rect, share: float = 0.5) -> tuple:
    gap = scene.look.px(24)
    left = pygame.Rect(body.left, body.top, int((body.width - gap) * share), body.height)
    right = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
    return left, right


def _panel(scene, painter, rect: pygame.Rect) -> pygame.Rect:
    painter.panel(rect)
    return rect.inflate(-scene.look.px(32), -scene.look.px(24))


# ------------------------------------------------------------------------------------------- outcome
def draw_outcome(scene, painter, body: pygame.Rect) -> None:
    """Start and end of every indicator, the challenge's progress, and every private goal revealed."""
    look, c, lang, story, t = scene.look, painter.c, scene.app.settings.lang, scene.story, scene.t
    left, right = _columns(scene, body, 0.44)
    inner, goals_inner = _panel(scene, painter, left), _panel(scene, painter, right)
    y, goals_y = _headings(scene, painter, [inner, goals_inner], [t("debrief.indicators"), t("debrief.goals")])
    _draw_goals(scene, painter, goals_inner, goals_y)
    series = story.series()
    rows = [("progress", scene.t("debrief.challenge_progress"), c["accent"])] + [
        (name, capital(indicator_name(name, lang)), look.indicator_colours[name]) for name in INDICATORS
    ]
    row_h = (inner.bottom - y) // len(rows)
    ends = [(series[key][0], series[key][-1]) for key, _, _ in rows]
    # the challenge's progress in percent, as the subtitle says it ("100% reached"); the indicators as numbers
    ends = [
        ((percent(a, lang), percent(b, lang)) if key == "progress" else (f"{a:.0f}", f"{b:.0f}"))
        for (key, _, _), (a, b) in zip(rows, ends, strict=True)
    ]
    shown = [
        f"{label}: {scene.t('common.from_to', a=a, b=b)}" for (_, label, _), (a, b) in zip(rows, ends, strict=True)
    ]
    kind = _line_kind(painter, inner.width, row_h - look.px(22), shown, ("body", "small"))
    if kind is None:  # large text in a narrow column: 'name: 50 – 52' where the whole line does not fit
        shown = [
            text
            if painter.fits(pygame.Rect(0, 0, inner.width, line_height(look, "small")), text, "small")
            else f"{label}: {a} – {b}"
            for text, (_, label, _), (a, b) in zip(shown, rows, ends, strict=True)
        ]
        kind = _line_kind(painter, inner.width, row_h - look.px(22), shown, ("small",)) or "tiny"
    text_h = min(line_height(look, kind), row_h - look.px(22))
    for (key, _, colour), text in zip(rows, shown, strict=True):
        start, end = series[key][0], series[key][-1]
        painter.text(pygame.Rect(inner.left, y, inner.width, text_h), text, kind, min_kind="tiny")
        bar_y = y + text_h + look.px(2)
        painter.bar(pygame.Rect(inner.left, bar_y, inner.width, look.px(7)), start / 100, c["panel_edge"])
        painter.bar(pygame.Rect(inner.left, bar_y + look.px(9), inner.width, look.px(11)), end / 100, colour)
        y += row_h


def _line_kind(painter, width: int, room: int, texts: list, kinds: tuple):
    """The largest of `kinds` at which every text fits one line of `width` (and its line `room` high), or None."""
    for kind in kinds:
        h = line_height(painter.look, kind)
        if h <= room and all(painter.fits(pygame.Rect(0, 0, width, h), t, kind, False, kind) for t in texts):
            return kind
    return None


def _draw_goals(scene, painter, inner: pygame.Rect, y: int) -> None:
    """Every seat's private goal, met or not: in one column at the largest size at which they all fit, else in
    two columns side by side (large text)."""
    look, c, story = scene.look, painter.c, scene.story
    results = scene.analysis("seats", analysis.seat_results)
    bold_h = line_height(look, "body", True)
    height = inner.bottom - y
    columns = [(inner.left, inner.width, results)]
    kind = next((k for k in ("body", "small") if _goals_fit(look, results, inner.width, height, k)), None)
    if kind is None and len(results) > 1:
        # large text: two columns of goals side by side fit where one does not (never below small)
        gap = look.px(20)
        half = (inner.width - gap) // 2
        split = (len(results) + 1) // 2
        two = [(inner.left, half, results[:split]), (inner.left + half + gap, half, results[split:])]
        if all(_goals_fit(look, part, w, height, "small") for _, w, part in two):
            columns, kind = two, "small"
    kind = kind or "tiny"  # the last resort: one column at the smallest size
    for left, width, part in columns:
        top = y
        for r, row_h in zip(part, _goal_rows(look, part, width, height, kind), strict=True):
            mark = scene.t("debrief.met") if r.met else scene.t("debrief.not_met")
            # two columns: the seat's name alone (the role and "computer" make the line too long to read)
            label = r.label if len(columns) == 1 else story.end.seats[r.seat].name
            who = (
                label if r.human or len(columns) > 1 else f"{label} ·\u00a0{scene.t('debrief.bot')}"
            )  # as on the table
            painter.text(
                pygame.Rect(left, top, width, bold_h),
                f"{who} — {mark}",
                "body",
                bold=True,
                colour=c["good"] if r.met else c["bad"],
                min_kind="small" if len(columns) == 1 else "tiny",
            )
            painter.text(
                pygame.Rect(left, top + bold_h, width, row_h - bold_h - look.px(6)), r.goal, kind, min_kind="tiny"
            )
            top += row_h


def _goals_fit(look, results, width: int, height: int, kind: str) -> bool:
    """Whether every goal fits in one column of `width` and `height` at `kind`."""
    return sum(_goal_needs(look, results, width, kind)) <= height


def _goal_needs(look, results, width: int, kind: str) -> list:
    """The height each seat's goal row needs with its goal at `kind`."""
    fnt = look.font(kind)
    bold_h = line_height(look, "body", True)
    return [bold_h + len(wrap(r.goal, fnt, max(1, width))) * fnt.get_linesize() + look.px(6) for r in results]


def _goal_rows(look, results, width: int, height: int, kind: str) -> list:
    """The height of each seat's goal row: what its goal needs at `kind`, and the room left over shared out
    evenly (a long goal gets more room than a short one)."""
    if not results:
        return []
    needed = _goal_needs(look, results, width, kind)
    if sum(needed) > height:  # it cannot all fit: equal rows, and the goal texts are shortened
        return [height // len(results)] * len(results)
    spare = (height - sum(needed)) // len(results)
    return [n + spare for n in needed]


# ------------------------------------------------------------------------------------------- timeline
def draw_timeline(scene, painter, body: pygame.Rect) -> None:
    """Per round a column: the trend card(s), the progress made, the decisive moves, the coalition's news."""
    look, c = scene.look, painter.c
    rounds = scene.analysis("timeline", analysis.timeline)
    shown = rounds[scene.page * ROUNDS_PER_PAGE : (scene.page + 1) * ROUNDS_PER_PAGE]
    if not shown:
        painter.text(body, scene.t("debrief.no_rounds"), "body")
        return
    gap = look.px(14)
    top = body.top + (look.px(60) if _timeline_pages(scene) > 1 else 0)
    width = (body.width - gap * (ROUNDS_PER_PAGE - 1)) // ROUNDS_PER_PAGE
    inner_w = width - 2 * look.px(16)
    # every column's progress line in one form and size: on one line, else without the word "progress" ("+8
    # (now 100%)"), else wrapped on two lines, before a smaller size
    for key, kind, lines in (("", "small", 1), ("_short", "small", 1), ("", "small", 2), ("", "tiny", 2)):
        progress = [
            scene.t(f"debrief.round_progress{key}", gain=f"{r.progress_gain:+.0f}", total=f"{r.progress:.0f}")
            for r in shown
        ]
        progress_h = lines * line_height(look, kind)
        if all(painter.fits(pygame.Rect(0, 0, inner_w, progress_h), t, kind, False, kind) for t in progress):
            break
    head = line_height(look, "large", True)
    for i, r in enumerate(shown):
        col = pygame.Rect(body.left + i * (width + gap), top, width, body.bottom - top)
        inner = _panel(scene, painter, col)
        title = scene.t("debrief.round", n=r.round)
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, head), title, "large", bold=True, min_kind="body")
        y = inner.top + head
        box = pygame.Rect(inner.left, y, inner.width, progress_h)
        painter.text(box, progress[i], kind, colour=c["accent"], min_kind=kind)
        y += progress_h + look.px(6)
        y = _trend_card(scene, painter, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), r.trends)
        box = pygame.Rect(inner.left, y + look.px(8), inner.width, inner.bottom - y - look.px(8))
        items, more = _round_items(scene, box, r)
        used = hanging_list(painter, look, box, items, "small", gap=look.px(4))
        if more or not items:
            below = pygame.Rect(box.left, box.top + used + (look.px(4) if items else 0), box.width, 0)
            below.height = box.bottom - below.top
            painter.text(below, more or scene.t("debrief.quiet_round"), "small", colour=c["muted"])


def _trend_card(scene, painter, room: pygame.Rect, trends: list) -> int:
    """The round's trend card(s) on a yellow card at the top of `room` (two or more as a list, so that their
    titles do not read as one); returns the y below it."""
    look = scene.look
    pad_x, pad_y = look.px(6), look.px(4)
    text = pygame.Rect(room.left + pad_x, room.top + pad_y, room.width - 2 * pad_x, room.height)
    if len(trends) > 1:
        items = [("•", t) for t in trends]
        text.height = hanging_list(None, look, text, items, "small", bold=True)
    else:
        items = []
        fnt = look.font("small", True)
        text.height = (
            len(wrap(trends[0] if trends else scene.t("debrief.no_trend"), fnt, text.width)) * fnt.get_linesize()
        )
    card = text.inflate(2 * pad_x, 2 * pad_y)
    pygame.draw.rect(painter.surface, painter.c["highlight"], card, border_radius=look.px(8))
    if items:
        hanging_list(painter, look, text, items, "small", bold=True)
    else:
        painter.text(text, trends[0] if trends else scene.t("debrief.no_trend"), "small", bold=True)
    return card.bottom


def _round_items(scene, box: pygame.Rect, r) -> tuple:
    """The round's decisive moves and coalition news as list items, as many as fit `box`, and the line that
    counts the rest ("" when all fit): first what made most of the round's progress (the coalition vital or
    not, a knob turned far), then the most decisive move and the key news, then the other moves and news; what
    did not fit is counted, never silently left out."""
    look = scene.look
    decisive = [line.rstrip(".") for line in r.decisive]
    events = [line.rstrip(".") for line in r.events if line.rstrip(".") not in decisive]
    causes = [e for e in (c.rstrip(".") for c in r.causes) if e in events]
    key = {e.rstrip(".") for e in r.key_events}
    priority = list(
        dict.fromkeys(
            causes + decisive[:1] + [e for e in events if e in key] + decisive[1:] + [e for e in events if e not in key]
        )
    )
    total = len(priority)
    fnt = look.font("small")

    def parts(chosen: set) -> tuple:
        items = [("•", line) for line in decisive + events if line in chosen]
        # say how many more the report and `debrief --json` tell
        more = scene.t("debrief.more_lines", n=total - len(items)) if total > len(items) else ""
        return items, more

    def height(chosen: set) -> int:
        items, more = parts(chosen)
        h = hanging_list(None, look, box, items, "small", gap=look.px(4))
        if more:
            h += look.px(4) + len(wrap(more, fnt, box.width)) * fnt.get_linesize()
        return h

    chosen: set = set()
    for item in priority:
        if height(chosen | {item}) <= box.height:
            chosen.add(item)
    return parts(chosen)


# ------------------------------------------------------------------------------------------- charts
def _x_labels(scene, count: int) -> list:
    return [scene.t("debrief.start")] + [scene.t("debrief.round_short", n=i) for i in range(1, count)]


def indicator_series(scene, lang: str) -> list:
    """The five indicators as chart series (label, values, colour)."""
    series = scene.story.series()
    return [(capital(indicator_name(n, lang)), series[n], scene.look.indicator_colours[n]) for n in INDICATORS]


def progress_series(scene) -> list:
    """The challenge's progress as one chart series."""
    return [(scene.t("debrief.challenge_progress"), scene.story.series()["progress"], scene.look.colours["accent"])]


def draw_charts(scene, painter, body: pygame.Rect) -> None:
    """The five indicators and the challenge's progress per round, as line charts."""
    lang = scene.app.settings.lang
    left, right = _columns(scene, body, 0.6)
    count = len(scene.story.series()["progress"])
    scene.chart_info = [
        charts.line_chart(
            painter,
            _panel(scene, painter, left),
            indicator_series(scene, lang),
            _x_labels(scene, count),
            title=scene.t("debrief.chart_indicators"),
        ),
        charts.line_chart(
            painter,
            _panel(scene, painter, right),
            progress_series(scene),
            _x_labels(scene, count),
            title=scene.t("debrief.chart_progress"),
        ),
    ]


# ------------------------------------------------------------------------------------------- coalition
def draw_coalition(scene, painter, body: pygame.Rect) -> None:
    """The trust network at the end, and who put what into the challenge."""
    lang = scene.app.settings.lang
    story = scene.story
    end = story.end
    left, right = _columns(scene, body, 0.5)
    names = [story.seat_label(i, lang) for i in range(len(end.seats))]
    active = [c for c in end.coalitions if c.active]
    members = tuple(sorted(active[-1].members)) if active else ()
    lead = active[-1].lead() if active else None
    inner, bars_inner = _panel(scene, painter, left), _panel(scene, painter, right)
    titles = [scene.t("debrief.trust_title"), scene.t("debrief.contributed_title")]
    y, bars_y = _headings(scene, painter, [inner, bars_inner], titles)
    net_rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
    scene.network_info = charts.trust_network(
        painter, net_rect, names, end.trust, members=members, lead=lead, legend=scene.t("debrief.trust_legend_lead")
    )
    bars_rect = pygame.Rect(bars_inner.left, bars_y, bars_inner.width, bars_inner.bottom - bars_y)
    contributed = [list(seat.contributed) for seat in end.seats]
    labels = [capital(resource_name(r, lang)) for r in RESOURCES]
    scene.bars_info = charts.contribution_bars(painter, bars_rect, names, contributed, labels)


# ------------------------------------------------------------------------------------------- knobs
def draw_knobs(scene, painter, body: pygame.Rect) -> None:
    """How far the group turned each of the five knobs, and what that means; on pages where the meanings would
    otherwise have to go below the small size (large text), so that they stay readable."""
    look, c = scene.look, painter.c
    knobs = scene.analysis("knobs", analysis.knobs)
    pages = _knob_pages(scene, body)
    page = max(0, min(scene.page, len(pages) - 1))
    shown = pages[page]
    if len(pages) > 1:  # a line for the page buttons above the panel, saying which knobs this page shows
        first = sum(len(p) for p in pages[:page]) + 1
        words = scene.t("debrief.knobs_page", first=first, last=first + len(shown) - 1, total=len(knobs))
        strip = pygame.Rect(body.left, body.top, body.width - 2 * look.px(64) - look.px(24), look.px(52))
        painter.text(strip, words, "body", colour=c["muted"], min_kind="small")
    inner = _panel(scene, painter, _knob_rect(scene, body, len(pages)))
    row_h = inner.height // max(1, len(shown))
    bold_h = line_height(look, "body", True)
    label_w = max(look.font("body").size(scene.t(f"debrief.knob_{level}"))[0] for level in analysis.LEVELS) + look.px(8)
    meanings = _knob_meanings(look, inner, shown)
    kind = shared_kind(look, meanings, ("body", "small"))  # every meaning at one size, as large as rows allow
    for i, (k, (box, meaning)) in enumerate(zip(shown, meanings, strict=True)):
        y = inner.top + i * row_h
        bar_w = look.px(200)
        painter.text(
            pygame.Rect(inner.left, y, inner.width - label_w - bar_w - look.px(24), bold_h),
            f"{k.number}. {k.name}",
            "body",
            bold=True,
            min_kind="small",
        )
        bar = pygame.Rect(inner.right - label_w - bar_w - look.px(12), y + look.px(8), bar_w, look.px(20))
        painter.bar(bar, k.fraction, {"low": c["bad"], "medium": c["warn"], "high": c["good"]}[k.level], c["bar_bg"])
        painter.text(
            pygame.Rect(inner.right - label_w, y, label_w, bold_h),
            scene.t(f"debrief.knob_{k.level}"),
            "body",
            min_kind="small",
            align="right",
        )
        painter.text(box, meaning, kind, min_kind="small", colour=c["ink"])
        if i < len(shown) - 1:
            pygame.draw.line(
                painter.surface,
                c["panel_edge"],
                (inner.left, y + row_h - look.px(4)),
                (inner.right, y + row_h - look.px(4)),
                max(1, look.px(1)),
            )


def _knob_rect(scene, body: pygame.Rect, pages: int) -> pygame.Rect:
    """The knobs' panel: the whole body, or below the page buttons when there are pages."""
    top = body.top + (scene.look.px(60) if pages > 1 else 0)
    return pygame.Rect(body.left, top, body.width, body.bottom - top)


def _knob_meanings(look, inner: pygame.Rect, knobs: list) -> list:
    """Each knob's meaning with the box it has under its name, the knobs in rows of equal height."""
    row_h = inner.height // max(1, len(knobs))
    bold_h = line_height(look, "body", True)
    return [
        (
            pygame.Rect(inner.left, inner.top + i * row_h + bold_h, inner.width, row_h - bold_h - look.px(8)),
            f"{k.reading} {k.lasting}".strip(),
        )
        for i, k in enumerate(knobs)
    ]


def _knob_pages(scene, body: pygame.Rect) -> list:
    """The knobs split over as few pages as keep every meaning at the small size at least: all on one page
    when they fit so (always at 100 % text), else on two pages, and so on."""
    look = scene.look
    knobs = list(scene.analysis("knobs", analysis.knobs))
    for per_page in range(max(1, len(knobs)), 0, -1):
        count = -(-len(knobs) // per_page)
        per_page = -(-len(knobs) // count)  # pages as even as they can be: 3 and 2, not 4 and 1
        pages = [knobs[i : i + per_page] for i in range(0, len(knobs), per_page)] or [[]]
        inner = _knob_rect(scene, body, len(pages)).inflate(-look.px(32), -look.px(24))
        meanings = [m for page in pages for m in _knob_meanings(look, inner, page)]
        if all(fits(look, box, text, "small", False, "small") for box, text in meanings):
            return pages
    return pages


# ------------------------------------------------------------------------------------------- wind tunnel
def draw_windtunnel(scene, painter, body: pygame.Rect) -> None:
    """The group's strategy played by bots under every scenario: where it held up, and where it did not."""
    from .debrief_windtunnel import draw_windtunnel as draw_it

    draw_it(scene, painter, body)


# ------------------------------------------------------------------------------------------- reflection
def draw_reflection(scene, painter, body: pygame.Rect) -> None:
    """The scenario's reflection questions, and the questions this game raises: numbered, with a hanging
    indent, all at one size: the largest at which both lists fit, with the columns as wide as their questions
    need (the screen a trainer leaves up longest, so the questions are as large as they can be)."""
    look = scene.look
    lang = scene.app.settings.lang
    own, generated = scene.analysis("questions", analysis.reflection_questions)
    titles = [
        scene.t("debrief.questions_scenario", scenario=scene.story.scenario.name.get(lang)),
        scene.t("debrief.questions_game"),
    ]
    numbered = [[(f"{i}.", q) for i, q in enumerate(questions, 1)] for questions in (own, generated)]
    kind, share, gap = _reflection_layout(scene, painter, body, titles, numbered)
    left, right = _columns(scene, body, share)
    inners = [_panel(scene, painter, left), _panel(scene, painter, right)]
    tops = _headings(scene, painter, inners, titles)
    for inner, y, items in zip(inners, tops, numbered, strict=True):
        box = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
        if items:
            hanging_list(painter, look, box, items, kind, gap=line_height(look, kind) // gap)
        else:
            painter.text(box, scene.t("debrief.no_questions"), kind, min_kind="tiny")


def _reflection_layout(scene, painter, body: pygame.Rect, titles: list, numbered: list) -> tuple:
    """(kind, share of the left column, gap): the largest kind at which both lists fit, and at that kind the
    split of the width that leaves the two columns' lists equally full."""
    look = scene.look
    shares = [x / 100 for x in range(25, 80, 5)]
    # below the largest text size, no larger than the small size at the largest one (150 %), where the
    # questions always fit: choosing a larger text size never makes them smaller
    ratio = 150 / max(1, scene.app.settings.text_size)
    cap = round(SIZES["small"] * look.text_scale * ratio) if ratio > 1 else None
    kinds = [k for k in ("large", "body", "small") if cap is None or look.size(k) < cap or k == "small"]
    # half a line between the questions, or a quarter where that lets them be a size larger
    for kind, gap in [(k, g) for k in kinds for g in (2, 4)]:
        best = None
        for share in shares:
            inners = [r.inflate(-look.px(32), -look.px(24)) for r in _columns(scene, body, share)]
            head_kind, lines = _heading_kind(painter, inners, titles)
            top = inners[0].top + lines * line_height(look, head_kind, True) + look.px(6)
            room = inners[0].bottom - top
            fill = [
                _list_height(look, pygame.Rect(inner.left, top, inner.width, room), items, kind, gap) / max(1, room)
                if items
                else 0.0
                for inner, items in zip(inners, numbered, strict=True)
            ]
            if max(fill) <= 1 and (best is None or max(fill) < best[0]):
                best = (max(fill), share)
        if best is not None:
            return kind, best[1], gap
    return "tiny", 0.55, 2


def _list_height(look, box: pygame.Rect, items: list, kind: str, gap: int = 2) -> int:
    """The height of the questions as a list in `box` at `kind`, 1/`gap` of a line between them."""
    return hanging_list(None, look, box, items, kind, gap=line_height(look, kind) // gap)


DRAWERS = {
    "outcome": draw_outcome,
    "timeline": draw_timeline,
    "charts": draw_charts,
    "coalition": draw_coalition,
    "knobs": draw_knobs,
    "windtunnel": draw_windtunnel,
    "reflection": draw_reflection,
}
