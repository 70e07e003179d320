"""The round summary: what changed this round, per indicator, and why."""

from __future__ import annotations

import pygame

from game.analysis.explain import actor_line, cause_phrase, merged_causes, progress_causes, resolution_causes
from game.engine.events import ActorMoved
from game.engine.vocabulary import INDICATORS
from game.export.draw import line_height, wrap
from game.ui.scene import Scene
from game.words import indicator_name, signed_change

SUMMARY_GAP = 16  # px between two indicators' blocks (at 1080p, 100 %)


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

    def line_cause(self, line, lang: str) -> str:
        """What one move of the round was, as a cause (the resolution has causes of its own)."""
        if line.action.kind == "draw_trend":  # the cards, and what an actor did as the round started
            content = self.app.session.state.book.content
            names = [content.trends[t].title.get(lang) for t in line.after.current_trends()]
            for event in line.after.events[len(line.before.events) :]:
                if isinstance(event, ActorMoved):
                    names.append(actor_line(line.after, event, lang).rstrip("."))
            return ", ".join(names)
        return line.told(lang).headline.rstrip(".")

    def causes(self, index: int, lang: str) -> list:
        """(delta, cause) pairs for one indicator over this round."""
        out = []
        for line in self.lines:
            d = line.after.ind[index] - line.before.ind[index]
            if not d:
                continue
            if line.action.kind == "resolve_round":  # the resolution's parts, each with its own cause
                out.extend(resolution_causes(line.before, line.after, lang)[index])
            else:
                out.append((d, self.line_cause(line, lang)))
        return out

    def progress_details(self, lang: str) -> list:
        """Where the challenge's progress came from this round, as merged causes ("… (+2,1)")."""
        out = []
        for line in self.lines:
            d = line.after.progress - line.before.progress
            if abs(d) < 0.05:
                continue
            if line.action.kind == "resolve_round":
                out.extend(progress_causes(line.before, line.after, lang))
            else:
                out.append((d, self.line_cause(line, lang)))
        return [
            cause_phrase(delta, cause, times, lang, 0 if float(delta).is_integer() else 1)
            for delta, cause, times in sorted(merged_causes(out), key=lambda m: -abs(m[0]))  # largest first
            if abs(delta) >= 0.05
        ]

    def details(self, lang: str) -> list:
        """Per indicator, its merged causes as phrases ("… ×2 (+2)"); the summary and its layout test read these."""
        return [
            [cause_phrase(delta, cause, times, lang) for delta, cause, times in merged_causes(self.causes(i, lang))]
            for i in range(len(INDICATORS))
        ]

    def detail_texts(self, width: int, height: int, head_h: int, lang: str) -> tuple:
        """(kind, one text per indicator) for the right-hand panel: every cause at the largest of body and small
        that lets all five fit `height` (one size for all, never smaller than small); when even small does not,
        the longest lists give up their last causes for "and n other changes" until the whole column fits
        (every list keeps its first cause)."""
        look = self.look
        gap = look.px(SUMMARY_GAP)
        details = self.details(lang)
        counts = [len(items) for items in details]

        def text(i: int) -> str:
            items, k = details[i], counts[i]
            if not items:
                return self.t("summary.no_change")
            left = len(items) - k
            more = [self.t("summary.one_more") if left == 1 else self.t("table.more_changes", n=left)] if left else []
            return "; ".join(items[:k] + more)

        def heights(kind: str) -> list:
            fnt, line_h = look.font(kind), line_height(look, kind)
            return [head_h + len(wrap(text(i), fnt, width)) * line_h for i in range(len(details))]

        def total(kind: str) -> int:
            return sum(heights(kind)) + gap * (len(details) - 1)

        for kind in ("body", "small"):
            if total(kind) <= height:
                return kind, [text(i) for i in range(len(details))]
        while total("small") > height and any(k > 1 for k in counts):
            tall = heights("small")
            i = max((j for j in range(len(details)) if counts[j] > 1), key=lambda j: tall[j])
            counts[i] -= 1
        return "small", [text(i) for i in range(len(details))]

    def draw_progress_causes(self, painter, room: pygame.Rect) -> None:
        """Under the round's story, where the progress came from (as each indicator lists its causes), in the
        story's size or small, as many as fit and then "and n other changes"."""
        look = self.look
        lang = self.app.settings.lang
        items = self.progress_details(lang)
        head_h = line_height(look, "body", True)
        room = room.inflate(0, -look.px(SUMMARY_GAP)).move(0, look.px(SUMMARY_GAP) // 2)
        if not items or room.height < head_h + line_height(look, "small"):
            return
        box = pygame.Rect(room.left, room.top + head_h, room.width, room.height - head_h)

        def text(k: int) -> str:
            left = len(items) - k
            more = [self.t("summary.one_more") if left == 1 else self.t("table.more_changes", n=left)] if left else []
            return "\n".join(f"• {item}" for item in items[:k] + more)

        # every cause at body, else at small, else at small as many as fit and "and n other changes"
        plan = [("body", len(items))] + [("small", k) for k in range(len(items), 0, -1)]
        for kind, k in plan:
            if painter.fits(box, text(k), kind, min_kind=kind):  # (no room even for one: no list at all)
                head = pygame.Rect(room.left, room.top, room.width, head_h)
                painter.text(head, self.t("summary.progress_causes"), "body", bold=True)
                painter.text(box, text(k), kind, min_kind=kind)
                return

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
        # the round's story is a few sentences, the indicators' causes are many: the causes get the wider column
        left = pygame.Rect(m, look.px(100), int(w * 0.3), h - look.px(230))
        right = pygame.Rect(left.right + m, look.px(100), w - left.right - 2 * m, h - look.px(230))
        painter.panel(left)
        inner = left.inflate(-look.px(36), -look.px(30))
        resolve = next((line for line in reversed(self.lines) if line.action.kind == "resolve_round"), None)
        story = resolve.told(lang).changes if resolve else []
        sentences = [s for s in story if s.endswith(".")] or [self.t("summary.nothing")]
        start_p = self.start.progress if self.start is not None else 0
        head = self.t("summary.progress", before=f"{start_p:.0f}", after=f"{state.progress:.0f}")
        head_box = pygame.Rect(inner.left, inner.top, inner.width, 2 * line_height(look, "large", True))
        used = painter.text(head_box, head, "large", bold=True)
        painter.bar(
            pygame.Rect(inner.left, used.bottom + look.px(8), inner.width, look.px(26)),
            state.progress / 100,
            c["accent"],
        )
        y = used.bottom + look.px(50)
        used = painter.text(pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "\n".join(sentences), "body")
        self.draw_progress_causes(
            painter, pygame.Rect(inner.left, used.bottom, inner.width, inner.bottom - used.bottom)
        )
        painter.panel(right)
        inner = right.inflate(-look.px(36), -look.px(30))
        head_h = line_height(look, "body", True)
        kind, texts = self.detail_texts(inner.width, inner.height, head_h, lang)
        gap = look.px(SUMMARY_GAP)
        y = inner.top
        for i, name in enumerate(INDICATORS):
            before = self.start.ind[i] if self.start is not None else state.ind[i]
            after = state.ind[i]
            d = after - before
            change = self.t("common.from_to", a=before, b=after)
            label = f"{indicator_name(name, lang).capitalize()}: {change} ({signed_change(d, lang)})"
            painter.text(
                pygame.Rect(inner.left, y, inner.width, head_h),
                label,
                "body",
                bold=True,
                colour=c["good"] if d > 0 else (c["bad"] if d < 0 else c["ink"]),
            )
            box = pygame.Rect(inner.left, y + head_h, inner.width, max(0, inner.bottom - y - head_h))
            used = painter.text(box, texts[i], kind, min_kind=kind)
            y = max(used.bottom, y + head_h) + gap
        self.draw_widgets(painter)
