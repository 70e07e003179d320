"""The compare screen's first two steps: where the games are, and which of them to put side by side.

A folder may hold a year of training days: the list shows the newest first, a page at a time, and reads only
the files on the page shown (a log is a large file). A file that cannot be read stays in the list, named as
such; choosing it is allowed, and the comparison names it with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pygame

from game.analysis.compare import MAX_TABLES
from game.export.draw import line_height
from game.words import shown_path

from .load import when_text

ROW_H = 66  # a row of the list, px at 1080p
ROW_GAP = 10


class Picks:
    """The folder whose games are listed, its files (newest first) and the ones ticked."""

    def __init__(self, app) -> None:
        self.app = app
        self.folder: Optional[Path] = None
        self.files: list = []  # Path, newest first
        self.ticked: list = []  # Path, in the order they were ticked
        self.rows: dict = {}  # path -> (table, scenario id, started, branch round or None; None: unreadable)
        self.page = 0

    def open(self, folder: Path, tick_all: bool = False) -> None:
        """List the games in `folder`; `tick_all` ticks them when there are no more than a comparison takes."""
        self.folder = Path(folder)
        self.files = games_in(self.folder)
        self.page = 0
        self.ticked = list(self.files) if tick_all and 2 <= len(self.files) <= MAX_TABLES else []

    def toggle(self, path: Path) -> bool:
        """Tick or untick a game; False when it cannot be ticked (as many as a comparison takes already)."""
        if path in self.ticked:
            self.ticked.remove(path)
            return True
        if len(self.ticked) >= MAX_TABLES:
            return False
        self.ticked.append(path)
        return True

    def row(self, path: Path):
        """What a row says about a game, read the first time its page is shown."""
        if path not in self.rows:
            self.rows[path] = header(path)
        return self.rows[path]

    def text(self, path: Path) -> str:
        """'Tafel Noord · Samendam · 5 dec 15:02' (or that it cannot be read)."""
        app = self.app
        lang = app.settings.lang
        row = self.row(path)
        if row is None:
            return app.t("compare.pick_damaged", file=path.name)
        table, scenario_id, started, branch = row
        scenario = app.content.scenarios.get(scenario_id)
        future = scenario.name.get(lang) if scenario is not None else scenario_id
        key = "compare.pick_row" if branch is None else "compare.pick_branch"
        return app.t(key, table=table or app.t("compare.no_name"), future=future, time=when_text(started, lang))


def games_in(folder: Path) -> list:
    """The .json files in `folder`, newest first (none when it cannot be read)."""
    stamped = []
    try:
        for path in folder.glob("*.json"):
            try:
                stamped.append((path.stat().st_mtime, path))
            except OSError:
                continue  # removed while listing
    except OSError:
        return []
    stamped.sort(key=lambda pair: (pair[0], pair[1].name), reverse=True)
    return [path for _, path in stamped]


def header(path: Path):
    """(table name, scenario id, start time, branch round or None) from a log's header; None when unreadable."""
    from game.analysis.gamelog import MAX_BYTES
    from game.storage import JsonFileProblem, read_json_file

    try:
        data = read_json_file(path, MAX_BYTES)
        branch = data.get("branch")
        turn = branch.get("round") if isinstance(branch, dict) else None
        started = data.get("started") or data.get("written") or ""
        return str(data.get("table") or "")[:80], str(data["scenario"]), str(started), turn
    except (JsonFileProblem, KeyError, TypeError, AttributeError):
        return None


def logs_folder() -> Path:
    from game.paths import user_dir

    return user_dir("logs", create=False)


def handin_folder(app) -> Optional[Path]:
    """The folder the last table was handed in to, when there is one and it is there."""
    text = str(getattr(app.settings, "handin_folder", "") or "")
    return Path(text) if text and Path(text).is_dir() else None


# ------------------------------------------------------------------------------------------------ widgets
def build(scene, regions: dict) -> None:
    """The buttons of the 'where' step or of the list."""
    if scene.phase == "source":
        _build_source(scene, regions)
    else:
        _build_list(scene, regions)


def _source_rows(scene, body: pygame.Rect) -> list:
    """(button rect, label, callback, enabled, what it holds) for the three places, under the intro."""
    look = scene.look
    top = body.top + _intro_height(scene, body) + look.px(24)
    logs = logs_folder()
    handin = handin_folder(scene.app)
    rows = [
        ("compare.source_logs", lambda: _open(scene, logs, False), logs.is_dir(), _count(scene, logs)),
        (
            "compare.source_handin",
            lambda: _open(scene, handin, True),
            handin is not None,
            _count(scene, handin) if handin is not None else scene.t("compare.source_no_handin"),
        ),
        ("compare.source_pick", lambda: _pick_folder(scene), True, ""),
    ]
    labels = [scene.t(key) for key, *_ in rows]
    bw = max(scene.fit(label, look.px(420)) for label in labels)
    bw = min(bw, body.width // 2)
    bh = look.px(76)
    out = []
    for i, ((_, callback, enabled, note), label) in enumerate(zip(rows, labels, strict=True)):
        rect = pygame.Rect(body.left, top + i * (bh + look.px(20)), bw, bh)
        out.append((rect, label, callback, enabled, note))
    return out


def _count(scene, folder: Path) -> str:
    return scene.t("compare.source_files", n=len(games_in(folder)) if folder.is_dir() else 0, folder=folder.name)


def _intro_height(scene, body: pygame.Rect) -> int:
    from game.export.draw import wrap

    look = scene.look
    fnt = look.font("body")
    return len(wrap(scene.t("compare.source_intro"), fnt, body.width)) * fnt.get_linesize()


def _build_source(scene, regions: dict) -> None:
    for rect, label, callback, enabled, _ in _source_rows(scene, regions["body"]):
        scene.button(rect, label, callback, "@choice", enabled=enabled)
    scene._row(regions["buttons"], [(scene.t("common.back"), scene.back, None)])


def per_page(scene, body: pygame.Rect) -> int:
    """How many games a page of the list holds."""
    look = scene.look
    top = line_height(scene.look, "body") + look.px(12)
    return max(1, (body.height - top + look.px(ROW_GAP)) // (look.px(ROW_H) + look.px(ROW_GAP)))


def _list_rows(scene, body: pygame.Rect) -> list:
    """(box rect, button rect, path) for the games on this page."""
    look = scene.look
    picks = scene.picks
    n = per_page(scene, body)
    top = body.top + line_height(look, "body") + look.px(12)
    box = look.px(ROW_H) - look.px(16)
    out = []
    for i, path in enumerate(picks.files[picks.page * n : (picks.page + 1) * n]):
        y = top + i * (look.px(ROW_H) + look.px(ROW_GAP))
        tick = pygame.Rect(body.left, y + (look.px(ROW_H) - box) // 2, box, box)
        rect = pygame.Rect(tick.right + look.px(16), y, body.right - tick.right - look.px(16), look.px(ROW_H))
        out.append((tick, rect, path))
    return out


def _build_list(scene, regions: dict) -> None:
    look = scene.look
    picks = scene.picks
    body = regions["body"]
    for _, rect, path in _list_rows(scene, body):
        # one look for every row, ticked or not (the tick box beside it says which): a filled row centres
        # its text, and a list whose rows jump left and right is hard to read
        scene.button(rect, picks.text(path), lambda path=path: _toggle(scene, path), "@choice")
    chosen = len(picks.ticked)
    scene._row(
        regions["buttons"],
        [
            (scene.t("common.back"), scene.back, None),
            (scene.t("compare.whole_folder"), lambda: scene.read([picks.folder]), None),
        ],
    )
    label = scene.t("compare.compare_chosen")
    row = regions["buttons"]
    pages = max(1, -(-len(picks.files) // per_page(scene, body)))
    pw = look.px(72)
    right = row.right
    if pages > 1:
        scene.button(
            pygame.Rect(right - pw, row.top, pw, row.height),
            "›",
            lambda: _turn(scene, +1),
            enabled=picks.page < pages - 1,
        )
        scene.button(
            pygame.Rect(right - 2 * pw - look.px(12), row.top, pw, row.height),
            "‹",
            lambda: _turn(scene, -1),
            enabled=picks.page > 0,
        )
        right -= 2 * pw + look.px(12) + look.px(24)
    bw = scene.fit(label, look.px(220), primary=True)
    scene.button(
        pygame.Rect(right - bw, row.top, bw, row.height),
        label,
        lambda: scene.read(list(picks.ticked)),
        "@primary",
        enabled=2 <= chosen <= MAX_TABLES,
    )
    # the whole folder's button only where the folder holds two games or more
    whole = next((b for b, _ in scene.buttons.items() if b.text == scene.t("compare.whole_folder")), None)
    if whole is not None and len(picks.files) < 2:
        whole.disable()


def _toggle(scene, path: Path) -> None:
    scene.status = "" if scene.picks.toggle(path) else scene.t("compare.pick_full")
    scene.rebuild()
    scene.app.dirty = True


def _turn(scene, step: int) -> None:
    scene.picks.page = max(0, scene.picks.page + step)
    scene.focus_index = -1
    scene.rebuild()
    scene.app.dirty = True


def _open(scene, folder: Optional[Path], tick_all: bool) -> None:
    if folder is None:
        return
    scene.picks.open(folder, tick_all)
    scene.phase = "pick"
    scene.status = ""
    scene.focus_index = -1
    scene.rebuild()
    scene.app.dirty = True


def _pick_folder(scene) -> None:
    from game.ui.folder_picker import FolderPicker

    start = scene.picks.folder or handin_folder(scene.app) or Path.home()
    scene.picker = FolderPicker(
        scene, start, lambda folder: _open(scene, folder, True), title=scene.t("compare.source_pick")
    )


# ------------------------------------------------------------------------------------------------ drawing
def draw(scene, painter, body: pygame.Rect) -> None:
    """The intro and what each place holds, or the list's heading and the tick boxes."""
    look, c = scene.look, painter.c
    if scene.phase == "source":
        painter.text(body, scene.t("compare.source_intro"), "body", min_kind="body")
        for rect, _, _, _, note in _source_rows(scene, body):
            if note:
                room = pygame.Rect(
                    rect.right + look.px(24), rect.top, body.right - rect.right - look.px(24), rect.height
                )
                painter.text(room, note, "body", colour=c["muted"], valign="middle", min_kind="small")
        return
    picks = scene.picks
    head = pygame.Rect(body.left, body.top, body.width, line_height(look, "body"))
    count = scene.t("compare.pick_count", n=len(picks.ticked))
    count_w = look.font("body", True).size(count)[0] + look.px(4)
    painter.text(
        pygame.Rect(head.right - count_w, head.top, count_w, head.height), count, "body", bold=True, min_kind="body"
    )
    where = pygame.Rect(head.left, head.top, head.width - count_w - look.px(24), head.height)
    if not picks.files:
        painter.text(body, scene.t("compare.pick_none", folder=shown_path(picks.folder)), "body")
        return
    painter.text(where, scene.t("compare.pick_where", folder=shown_path(picks.folder)), "body", colour=c["muted"])
    for tick, _, path in _list_rows(scene, body):
        _tick_box(painter, tick, path in picks.ticked)


def _tick_box(painter, rect: pygame.Rect, ticked: bool) -> None:
    """A tick box drawn with lines (the interface's font has no tick sign)."""
    look, c = painter.look, painter.c
    width = max(2, look.px(4))
    pygame.draw.rect(painter.surface, c["panel"], rect, border_radius=look.px(6))
    pygame.draw.rect(painter.surface, c["ink"], rect, width, border_radius=look.px(6))
    if ticked:
        inner = rect.inflate(-rect.width // 4, -rect.height // 4)
        points = [
            (inner.left, inner.centery),
            (inner.left + inner.width * 0.4, inner.bottom - inner.height * 0.1),
            (inner.right, inner.top + inner.height * 0.1),
        ]
        pygame.draw.lines(painter.surface, c["accent"], False, points, max(3, look.px(7)))
