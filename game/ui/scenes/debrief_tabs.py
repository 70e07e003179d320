"""The debrief's seven tabs, each drawn into the body rectangle of the debrief screen.

Each `draw_<tab>` reads the analysis (cached by the scene per language) and draws with the Painter, so every
text is recorded and the layout tests can check that nothing is cut off at 1280x720 or 1920x1080.
"""

from __future__ import annotations

import pygame

from game.analysis import debrief as analysis
from game.engine.vocabulary import INDICATORS, RESOURCES
from game.export import charts
from game.export.draw import line_height, wrap
from game.words import capital, indicator_name, resource_name

ROUNDS_PER_PAGE = 5


def buttons(scene, body: pygame.Rect) -> list:
    """Extra buttons a tab needs (the timeline's pages), as (rect, text, callback) tuples."""
    if scene.tab != "timeline":
        return []
    pages = _timeline_pages(scene)
    if pages <= 1:
        return []
    look = scene.look
    bw, bh = look.px(64), look.px(52)
    y = body.top
    out = []
    if scene.page > 0:
        out.append((pygame.Rect(body.right - 2 * bw - look.px(8), y, bw, bh), "‹", lambda: _page(scene, -1)))
    if scene.page < pages - 1:
        out.append((pygame.Rect(body.right - bw, y, bw, bh), "›", lambda: _page(scene, +1)))
    return out


def _page(scene, step: int) -> None:
    scene.page = max(0, min(_timeline_pages(scene) - 1, scene.page + step))
    scene.rebuild()
    scene.app.dirty = True


def _timeline_pages(scene) -> int:
    rounds = len(scene.story.end.history) - 1
    return max(1, -(-rounds // ROUNDS_PER_PAGE))


def draw(scene, painter, body: pygame.Rect) -> None:
    """Draw the scene's current tab."""
    DRAWERS[scene.tab](scene, painter, body)


def _heading(scene, painter, rect: pygame.Rect, text: str) -> int:
    """A panel heading (two lines at most, when the text is large); returns the y below it."""
    h = line_height(scene.look, "large", True)
    box = pygame.Rect(rect.left, rect.top, rect.width, 2 * h)
    one_line = pygame.Rect(box.left, box.top, box.width, h)
    size = "large" if painter.fits(one_line, text, "large", True, "large") else "body"
    used = painter.text(box, text, size, bold=True, min_kind="small")
    return used.bottom + scene.look.px(6)


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
    look, c, lang, story = scene.look, painter.c, scene.app.settings.lang, scene.story
    left, right = _columns(scene, body, 0.44)
    inner = _panel(scene, painter, left)
    y = _heading(scene, painter, inner, scene.t("debrief.indicators"))
    series = story.series()
    rows = [("progress", scene.t("debrief.challenge_progress"), c["accent"])] + [
        (name, capital(indicator_name(name, lang)), look.indicator_colours[name]) for name in INDICATORS
    ]
    row_h = (inner.bottom - y) // len(rows)
    text_h = min(line_height(look, "body"), row_h - look.px(22))
    for key, label, colour in rows:
        values = series[key]
        start, end = values[0], values[-1]
        shown = f"{label}: {scene.t('common.from_to', a=f'{start:.0f}', b=f'{end:.0f}')}"
        line = pygame.Rect(inner.left, y, inner.width, text_h)
        if not painter.fits(line, shown, "body", min_kind="small"):  # large text in a narrow column
            shown = f"{label}: {start:.0f} – {end:.0f}"
        painter.text(line, shown, "body", min_kind="tiny")
        bar_y = y + text_h + look.px(2)
        painter.bar(pygame.Rect(inner.left, bar_y, inner.width, look.px(7)), start / 100, c["panel_edge"])
        painter.bar(pygame.Rect(inner.left, bar_y + look.px(9), inner.width, look.px(11)), end / 100, colour)
        y += row_h
    inner = _panel(scene, painter, right)
    y = _heading(scene, painter, inner, scene.t("debrief.goals"))
    results = scene.analysis("seats", analysis.seat_results)
    bold_h = line_height(look, "body", True)
    height = inner.bottom - y
    columns = [(inner.left, inner.width, results)]
    if not _goals_fit(look, results, inner.width, height, bold_h) and len(results) > 1:
        # large text: two columns of goals side by side fit where one does not
        gap = look.px(20)
        half = (inner.width - gap) // 2
        split = (len(results) + 1) // 2
        columns = [(inner.left, half, results[:split]), (inner.left + half + gap, half, results[split:])]
    for left, width, part in columns:
        top = y
        for r, row_h in zip(part, _goal_rows(look, part, width, height, bold_h), strict=True):
            mark = scene.t("debrief.met") if r.met else scene.t("debrief.not_met")
            # two columns: the seat's name alone (the role and "computer" make the line too long to read)
            label = r.label if len(columns) == 1 else story.end.seats[r.seat].name
            who = label if r.human or len(columns) > 1 else f"{label}, {scene.t('debrief.bot')}"
            painter.text(
                pygame.Rect(left, top, width, bold_h),
                f"{who} — {mark}",
                "body",
                bold=True,
                colour=c["good"] if r.met else c["bad"],
                min_kind="small" if len(columns) == 1 else "tiny",
            )
            painter.text(
                pygame.Rect(left, top + bold_h, width, row_h - bold_h - look.px(6)),
                r.goal,
                "small",
                min_kind="tiny",
            )
            top += row_h


def _goals_fit(look, results, width: int, height: int, bold_h: int) -> bool:
    """Whether every goal fits in one column of `width` and `height` at the smallest allowed size."""
    return sum(_goal_needs(look, results, width, bold_h)) <= height


def _goal_needs(look, results, width: int, bold_h: int) -> list:
    """The height each seat's goal row needs at the smallest allowed size."""
    tiny = look.font("tiny")
    return [bold_h + len(wrap(r.goal, tiny, max(1, width))) * tiny.get_linesize() + look.px(6) for r in results]


def _goal_rows(look, results, width: int, height: int, bold_h: int) -> list:
    """The height of each seat's goal row: what its goal needs at the smallest allowed size, and the
    room left over shared out evenly (a long goal gets more room than a short one)."""
    if not results:
        return []
    needed = _goal_needs(look, results, width, bold_h)
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
    small_h = line_height(look, "small")
    for i, r in enumerate(shown):
        col = pygame.Rect(body.left + i * (width + gap), top, width, body.bottom - top)
        inner = _panel(scene, painter, col)
        head = line_height(look, "large", True)
        title = scene.t("debrief.round", n=r.round)
        painter.text(pygame.Rect(inner.left, inner.top, inner.width, head), title, "large", bold=True, min_kind="body")
        y = inner.top + head
        gain = f"+{r.progress_gain:.0f}" if r.progress_gain >= 0 else f"{r.progress_gain:.0f}"
        painter.text(
            pygame.Rect(inner.left, y, inner.width, small_h),
            scene.t("debrief.round_progress", gain=gain, total=f"{r.progress:.0f}"),
            "small",
            colour=c["accent"],
            min_kind="tiny",
        )
        y += small_h + look.px(6)
        card_h = (small_h + look.px(4)) * 2 * max(1, len(r.trends))
        card = pygame.Rect(inner.left, y, inner.width, card_h)
        pygame.draw.rect(painter.surface, c["highlight"], card, border_radius=look.px(8))
        used = painter.text(
            card.inflate(-look.px(12), -look.px(6)),
            "\n".join(r.trends) or scene.t("debrief.no_trend"),
            "small",
            bold=True,
            min_kind="tiny",
        )
        y = max(card.bottom, used.bottom) + look.px(8)
        box = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
        painter.text(box, _round_text(scene, painter, box, r), "small", min_kind="small")


def _round_text(scene, painter, box: pygame.Rect, r) -> str:
    """The round's decisive moves and coalition news, as many as fit the column: the most decisive move and
    the key news first, then the other moves and news; what did not fit is counted, never silently left out."""
    decisive = [line.rstrip(".") for line in r.decisive]
    events = [line.rstrip(".") for line in r.events if line.rstrip(".") not in decisive]
    key = {e.rstrip(".") for e in r.key_events}
    priority = decisive[:1] + [e for e in events if e in key] + decisive[1:] + [e for e in events if e not in key]
    total = len(priority)

    def text_of(chosen: set) -> str:
        lines = [f"• {line}" for line in decisive if line in chosen] + [
            f"– {line}" for line in events if line in chosen
        ]
        if total - len(lines) > 0:  # say how many more the report and `debrief --json` tell
            lines.append(scene.t("debrief.more_lines", n=total - len(lines)))
        return "\n".join(lines) if lines else scene.t("debrief.quiet_round")

    chosen: set = set()
    for item in priority:
        if painter.fits(box, text_of(chosen | {item}), "small", min_kind="small"):
            chosen.add(item)
    return text_of(chosen)


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
    inner = _panel(scene, painter, left)
    y = _heading(scene, painter, inner, scene.t("debrief.trust_title"))
    net_rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
    scene.network_info = charts.trust_network(
        painter, net_rect, names, end.trust, members=members, lead=lead, legend=scene.t("debrief.trust_legend")
    )
    inner = _panel(scene, painter, right)
    y = _heading(scene, painter, inner, scene.t("debrief.contributed_title"))
    bars_rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
    contributed = [list(seat.contributed) for seat in end.seats]
    labels = [capital(resource_name(r, lang)) for r in RESOURCES]
    scene.bars_info = charts.contribution_bars(painter, bars_rect, names, contributed, labels)


# ------------------------------------------------------------------------------------------- knobs
def draw_knobs(scene, painter, body: pygame.Rect) -> None:
    """How far the group turned each of the five knobs, and what that means."""
    look, c = scene.look, painter.c
    knobs = scene.analysis("knobs", analysis.knobs)
    inner = _panel(scene, painter, body)
    row_h = inner.height // max(1, len(knobs))
    bold_h = line_height(look, "body", True)
    label_w = max(look.font("body").size(scene.t(f"debrief.knob_{level}"))[0] for level in analysis.LEVELS) + look.px(8)
    for i, k in enumerate(knobs):
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
        painter.text(
            pygame.Rect(inner.left, y + bold_h, inner.width, row_h - bold_h - look.px(8)),
            f"{k.reading} {k.lasting}".strip(),
            "small",
            min_kind="tiny",
            colour=c["ink"],
        )
        if i < len(knobs) - 1:
            pygame.draw.line(
                painter.surface,
                c["panel_edge"],
                (inner.left, y + row_h - look.px(4)),
                (inner.right, y + row_h - look.px(4)),
                max(1, look.px(1)),
            )


# ------------------------------------------------------------------------------------------- wind tunnel
def draw_windtunnel(scene, painter, body: pygame.Rect) -> None:
    """The group's strategy played by bots under every scenario: where it held up, and where it did not."""
    from .debrief_windtunnel import draw_windtunnel as draw_it

    draw_it(scene, painter, body)


# ------------------------------------------------------------------------------------------- reflection
def draw_reflection(scene, painter, body: pygame.Rect) -> None:
    """The scenario's reflection questions, and the questions this game raises."""
    lang = scene.app.settings.lang
    own, generated = scene.analysis("questions", analysis.reflection_questions)
    left, right = _columns(scene, body, 0.55)
    for rect, title, questions in (
        (left, scene.t("debrief.questions_scenario", scenario=scene.story.scenario.name.get(lang)), own),
        (right, scene.t("debrief.questions_game"), generated),
    ):
        inner = _panel(scene, painter, rect)
        y = _heading(scene, painter, inner, title)
        text = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1)) or scene.t("debrief.no_questions")
        painter.text(
            pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            text.replace("\n", "\n\n"),
            "body",
            min_kind="tiny",
        )


DRAWERS = {
    "outcome": draw_outcome,
    "timeline": draw_timeline,
    "charts": draw_charts,
    "coalition": draw_coalition,
    "knobs": draw_knobs,
    "windtunnel": draw_windtunnel,
    "reflection": draw_reflection,
}
