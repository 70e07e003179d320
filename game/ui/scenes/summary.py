"""The round summary: what changed this round, per indicator, and why."""

from __future__ import annotations

import pygame

from game.analysis.explain import actor_line, resolution_causes
from game.engine.events import ActorMoved
from game.engine.vocabulary import INDICATORS
from game.export.draw import line_height
from game.ui.scene import Scene
from game.words import indicator_name, signed


class SummaryScene(Scene):
    """After the round is resolved: coalitions vital or not, and each indicator's change with its causes."""

    name = "summary"

    def __init__(self, app) -> None:
        super().__init__(app)
        session = app.session
        self.round = session.state.round
        if session.needs_engine() == "resolution":
            session.resolve()
        # this round's moves, from its trend card to its resolution: their changes add up to the round's change
        self.lines = [line for line in session.lines if line.before.round == self.round]
        self.start = self.lines[0].before if self.lines else (session.round_start or session.state)

    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        over = self.app.session.over()
        label = self.t("summary.to_debrief") if over else self.t("summary.next_round")
        bw, bh = self.fit(label, look.px(420), primary=True), look.px(76)
        self.button(pygame.Rect(w - look.px(40) - bw, h - look.px(40) - bh, bw, bh), label, self._next, "@primary")
        self.focus_index = 0

    def _next(self) -> None:
        from game.ui.flow import advance

        advance(self.app)

    def autoplay(self) -> None:
        self._next()

    def shot_name(self) -> str:
        return "summary"

    def causes(self, index: int, lang: str) -> list:
        """(delta, cause) pairs for one indicator over this round."""
        out = []
        state = self.app.session.state
        for line in self.lines:
            d = line.after.ind[index] - line.before.ind[index]
            if not d:
                continue
            kind = line.action.kind
            if kind == "draw_trend":  # the cards, and what an actor did as the round started
                names = [state.book.content.trends[t].title.get(lang) for t in line.after.current_trends()]
                for event in line.after.events[len(line.before.events) :]:
                    if isinstance(event, ActorMoved):
                        names.append(actor_line(line.after, event, lang).rstrip("."))
                cause = ", ".join(names)
            elif kind == "resolve_round":  # the resolution's parts, each with its own cause
                out.extend(resolution_causes(line.before, line.after, lang)[index])
                continue
            else:
                cause = line.told(lang).headline.rstrip(".")
            out.append((d, cause))
        return out

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        lang = self.app.settings.lang
        session = self.app.session
        state = session.state
        painter.surface.fill(c["bg"])
        painter.text(
            pygame.Rect(look.px(40), look.px(24), w - look.px(80), look.px(64)),
            self.t("summary.title", round=self.round),
            "heading",
        )
        m = look.px(40)
        left = pygame.Rect(m, look.px(100), int(w * 0.42), h - look.px(230))
        right = pygame.Rect(left.right + m, look.px(100), w - left.right - 2 * m, h - look.px(230))
        painter.panel(left)
        inner = left.inflate(-look.px(36), -look.px(30))
        resolve = next((line for line in reversed(self.lines) if line.action.kind == "resolve_round"), None)
        story = resolve.told(lang).changes if resolve else []
        sentences = [s for s in story if s.endswith(".")] or [self.t("summary.nothing")]
        start_p = self.start.progress if self.start is not None else 0
        head = self.t("summary.progress", before=f"{start_p:.0f}", after=f"{state.progress:.0f}")
        used = painter.text(pygame.Rect(inner.left, inner.top, inner.width, look.px(90)), head, "large", bold=True)
        painter.bar(
            pygame.Rect(inner.left, used.bottom + look.px(8), inner.width, look.px(26)),
            state.progress / 100,
            c["accent"],
        )
        y = used.bottom + look.px(50)
        painter.text(pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "\n".join(sentences), "body")
        painter.panel(right)
        inner = right.inflate(-look.px(36), -look.px(30))
        y = inner.top
        row_h = (inner.height) // len(INDICATORS)
        head_h = line_height(look, "body", True)
        for i, name in enumerate(INDICATORS):
            before = self.start.ind[i] if self.start is not None else state.ind[i]
            after = state.ind[i]
            d = after - before
            change = self.t("common.from_to", a=before, b=after)
            label = f"{indicator_name(name, lang).capitalize()}: {change} ({signed(d, lang)})"
            painter.text(
                pygame.Rect(inner.left, y, inner.width, head_h),
                label,
                "body",
                bold=True,
                colour=c["good"] if d > 0 else (c["bad"] if d < 0 else c["ink"]),
            )
            causes = [f"{cause} ({signed(delta, lang)})" for delta, cause in self.causes(i, lang)]
            box = pygame.Rect(inner.left, y + head_h, inner.width, row_h - head_h - look.px(6))
            # as many causes as fit, and how many more there were; when not even one fits, how many there are
            # (never "no change" for a change)
            text = self.t("summary.no_change") if not causes else self.t("summary.causes", n=len(causes))
            for k in range(len(causes), 0, -1):
                candidate = "; ".join(causes[:k]) + (
                    " " + self.t("table.more_changes", n=len(causes) - k) if k < len(causes) else ""
                )
                if painter.fits(box, candidate, "small", min_kind="tiny"):
                    text = candidate
                    break
            painter.text(box, text, "small", colour=c["muted"], min_kind="tiny")
            y += row_h
        self.draw_widgets(painter)
