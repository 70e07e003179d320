"""What if: "what if our future had been Ikhoven from round 3?". A panel over the debrief chooses the round and
the other future; the branch (the table's game replayed to that round, then computer players in the table's own
style in the other future) is written to the logs folder and opened beside the table's game in the compare view.
"""

from __future__ import annotations

import logging
from typing import Optional

import pygame

from game.analysis.branch import branch_rounds, make_branch
from game.analysis.gamelog import write_log
from game.export.draw import line_height
from game.ui.scene import PanelScene
from game.words import shown_path

log = logging.getLogger(__name__)


class WhatIfScene(PanelScene):
    """Choose a round and another future, then play on."""

    name = "debrief_whatif"
    TITLE = "debrief.whatif"
    EXPLAIN = "debrief.whatif_explain"
    WIDTH = 1100

    def __init__(self, app, debrief) -> None:
        super().__init__(app)
        self.debrief = debrief
        game_log = debrief.game_log
        self.rounds = branch_rounds(game_log)
        played = str(game_log.data.get("scenario", game_log.setup.scenario))
        self.futures = [sid for sid in app.content.scenario_ids() if sid != played]
        self.round: Optional[int] = self.rounds[len(self.rounds) // 2] if self.rounds else None
        self.future: Optional[str] = self.futures[0] if self.futures else None
        self.error = ""

    def _choice_rows(self, labels: list, width: int, gap: int) -> int:
        """How many of `labels` go on one row: as many as fit at body size."""
        fnt = self.look.font("body", True)
        widest = max((fnt.size(label)[0] for label in labels), default=0) + self.look.px(40)
        return max(1, min(len(labels), (width + gap) // (widest + gap))) if labels else 1

    def _choices(self, top: int, left: int, width: int, row: int, gap: int, items: list, chosen, pick) -> int:
        """A row (or rows) of choice buttons, the chosen one marked; returns the y under them."""
        per_row = self._choice_rows([label for _, label in items], width, gap)
        bw = (width - (per_row - 1) * gap) // per_row
        y = top
        for k, (value, label) in enumerate(items):
            if k and k % per_row == 0:
                y += row + gap
            x = left + (k % per_row) * (bw + gap)
            marked = value == chosen
            self.button(
                pygame.Rect(x, y, bw, row),
                ("• " if marked else "") + label,
                lambda v=value: pick(v),
                object_id="@primary" if marked else None,
            )
        return y + (row + gap if items else 0)

    def _rows_height(self, labels: list, width: int, row: int, gap: int) -> int:
        per_row = self._choice_rows(labels, width, gap)
        return -(-len(labels) // per_row) * (row + gap) if labels else 0

    def build(self) -> None:
        look = self.look
        t = self.t
        lang = self.app.settings.lang
        content = self.app.content
        pw, pad, inner, row = self.frame()
        gap = look.px(16)
        small = look.font("small")
        self.label_h = line_height(look, "body", True)
        round_items = [(n, str(n)) for n in self.rounds]
        future_items = [(sid, content.scenarios[sid].name.get(lang)) for sid in self.futures]
        rounds_h = self._rows_height([label for _, label in round_items], inner, row, gap)
        futures_h = self._rows_height([label for _, label in future_items], inner, row, gap)
        self.error_h = 2 * small.get_linesize()
        ph = (
            pad + self.head_h + self.explain_h + gap
            + self.label_h + rounds_h + self.label_h + futures_h
            + self.error_h + gap + row + pad
        )  # fmt: skip
        self.panel_rect = self.centred(pw, ph)
        x = self.panel_rect.left + pad
        y = self.panel_rect.top + pad + self.head_h + self.explain_h + gap
        self.round_label = pygame.Rect(x, y, inner, self.label_h)
        y = self._choices(y + self.label_h, x, inner, row, gap, round_items, self.round, self._pick_round)
        self.future_label = pygame.Rect(x, y, inner, self.label_h)
        y = self._choices(y + self.label_h, x, inner, row, gap, future_items, self.future, self._pick_future)
        self.error_rect = pygame.Rect(x, y, inner, self.error_h)
        y += self.error_h + gap
        ready = self.round is not None and self.future is not None
        self.go_btn, self.cancel_btn = self.foot_buttons(
            y, row, gap, t("debrief.whatif_go"), self.play_on, t("debrief.whatif_cancel"), enabled=ready
        )
        if self.focus_index < 0 and self.go_btn in self.focus:
            self.focus_index = self.focus.index(self.go_btn)

    def _pick_round(self, n: int) -> None:
        self.round = n
        self.rebuild()

    def _pick_future(self, sid: str) -> None:
        self.future = sid
        self.rebuild()

    def reason(self) -> str:
        """Why there is nothing to choose (a game that ended in its first round, content with one future)."""
        if not self.rounds:
            return self.t("debrief.whatif_too_short")
        if not self.futures:
            return self.t("debrief.whatif_no_future")
        return ""

    def play_on(self) -> None:
        """Make the branch, write it beside the table's log, and open both in the compare view."""
        if self.round is None or self.future is None:
            return
        debrief, app = self.debrief, self.app
        table_path = debrief.game_log.path
        if table_path is None and app.session is not None:
            from game.ui.scenes.debrief import write_pending_log

            write_pending_log(app)  # a disk that was full may take it now
            table_path = debrief.game_log.path
        if table_path is None:
            self.error = self.t("debrief.whatif_no_log", error=debrief.status or "")
            app.dirty = True
            return
        data = make_branch(app.content, debrief.game_log, self.round, self.future)
        try:
            branch_path = write_log(data)
        except OSError as exc:
            log.warning("what-if not written: %s", exc)
            self.error = self.t("debrief.whatif_failed", error=exc.strerror or str(exc))
            app.dirty = True
            return
        log.info("what-if written: %s", branch_path)
        app.pop()
        try:
            from game.ui.scenes.compare import CompareScene
        except ImportError:  # the compare view is not part of this build
            debrief.status = self.t("debrief.whatif_saved", path=shown_path(branch_path))
            app.dirty = True
            return
        app.push(CompareScene(app, paths=[table_path, branch_path]))

    def draw(self, painter) -> None:
        c = painter.c
        self.draw_head(painter)
        painter.text(self.round_label, self.t("debrief.whatif_round"), "body", bold=True)
        painter.text(self.future_label, self.t("debrief.whatif_future"), "body", bold=True)
        message = self.error or self.reason()
        if message:
            painter.text(self.error_rect, message, "small", colour=c["bad"])
        self.draw_widgets(painter)
