"""Setup: scenario, challenge, seats (role, name, person or computer), the session's length (which sets the
rounds and the turn timer), rounds, timer, seed, language, mode.

Designed to be done in under two minutes: sensible defaults (four seats, one per role, five rounds), every
choice a button that cycles on Enter or click, and the scenario's description beside the choice.
"""

from __future__ import annotations

import random

import pygame

from game.analysis.sessioncode import MAX_SEED, code_of
from game.engine import SeatSetup, Setup
from game.export.draw import line_height, wrap
from game.ui.scene import Scene
from game.ui.theme import font

TIMERS = (0, 2, 3, 5, 8)
ROUNDS = (3, 4, 5, 6, 7, 8)
# Sessions a trainer plans: (minutes, rounds, minutes a turn, minutes left for the debrief). About a third of
# the time goes to the start and the debrief, which is what the day is for; a round of four seats at these turn
# times takes ten to fifteen minutes with its trend card and summary.
SESSIONS = ((45, 3, 2, 15), (60, 4, 2, 20), (90, 5, 3, 30))


class SeatChoice:
    """One seat as chosen at setup."""

    def __init__(self, role: str, name: str, bot: bool) -> None:
        self.role = role
        self.name = name
        self.bot = bot


def _per_row(look, names: list, width: int, gap: int) -> int:
    """How many scenario buttons go side by side: the most (up to four) at which every name fits its button
    at body size."""
    fnt = font(look.size("body"), True)
    widest = max((fnt.size(name)[0] for name in names), default=0) + look.px(24)
    for n in range(min(4, max(1, len(names))), 0, -1):
        if n == 1 or (width - (n - 1) * gap) // n >= widest:
            return n
    return 1


def new_seed(avoid=()) -> int:
    """A seed for a game with a random card order: from the system's randomness, so two laptops do not repeat a
    deck by chance, and none of `avoid` (the decks this window dealt already); at most a session code's largest,
    so every game has a code that another table can type to play the same deck."""
    system = random.SystemRandom()
    while True:
        seed = system.randrange(1, MAX_SEED + 1)
        if seed not in avoid:
            return seed


class SetupChoices:
    """Everything chosen on the setup screen (kept when the screen is rebuilt or the language changes)."""

    def __init__(self, app) -> None:
        o = app.options
        content = app.content
        self.scenario = o.scenario or content.scenario_ids()[0]
        self.challenge = o.challenge or sorted(content.challenges)[0]
        self.rounds = o.rounds or content.rules.default_rounds
        self.timer = 0
        self.dealt: set = set()  # the random decks this window played: the next random deck is another
        self.seed = o.seed if o.seed is not None else new_seed()
        self.fixed_seed = o.seed is not None
        self.mode = o.mode or "pass"
        if o.seats:
            self.seats = [SeatChoice(s.role, s.name, s.bot) for s in o.seats]
        else:
            names = ("Anna", "Bas", "Cem", "Dewi", "Eva", "Femke")
            self.seats = [SeatChoice(role, names[i], False) for i, role in enumerate(content.table_roles(4))]
        if o.autoplay:
            for seat in self.seats:
                seat.bot = True

    def setup(self, app) -> Setup:
        """The engine's Setup for these choices."""
        seats = []
        for i, seat in enumerate(self.seats):
            name = seat.name.strip() or f"{app.t('setup.seat')} {i + 1}"
            seats.append(SeatSetup(seat.role, name, seat.bot, app.content.default_strategy()))
        return Setup(self.scenario, self.challenge, tuple(seats), self.rounds, self.seed)


class SetupScene(Scene):
    """Choose the game."""

    name = "setup"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.choices = getattr(app, "setup_choices", None) or SetupChoices(app)
        app.setup_choices = self.choices
        self.entries: list = []
        self.message = ""
        self.with_future = False  # the code shown carries the chosen future (for a trainer who hands them out)

    # ----------------------------------------------------------------- layout
    def build(self) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        t = self.t
        ch = self.choices
        content = self.app.content
        lang = self.app.settings.lang
        margin = look.px(40)
        col = (w - 3 * margin) // 2
        row_h = look.px(62)
        gap = look.px(12)
        self.left = pygame.Rect(margin, look.px(110), col, h - look.px(230))
        self.right = pygame.Rect(2 * margin + col, look.px(110), col, h - look.px(230))
        # the headings ("Toekomstbeeld", "Opgave", "Spelers aan tafel") as tall as their text at this size
        self.head_h = head = max(look.px(44), line_height(look, "large", True) + look.px(4))

        # scenarios: buttons in rows as even as they can be, as many per row as their names allow (a pack may
        # bring up to eight futures)
        x, y = self.left.left, self.left.top + head
        ids = content.scenario_ids()
        names = [("• " if sid == ch.scenario else "") + content.scenarios[sid].name.get(lang) for sid in ids]
        per_row = _per_row(look, names, col, gap)
        rows = -(-len(ids) // per_row)
        per_row = -(-len(ids) // rows)  # 4 futures go 2 and 2, not 3 and 1
        sw = (col - (per_row - 1) * gap) // per_row
        for k, (sid, label) in enumerate(zip(ids, names, strict=True)):
            if k and k % per_row == 0:
                x, y = self.left.left, y + row_h + gap
            self.button(
                pygame.Rect(x, y, sw, row_h),
                label,
                lambda s=sid: self._set("scenario", s),
                object_id="@primary" if sid == ch.scenario else None,
            )
            x += sw + gap
        self.scenario_row_y = y
        y += row_h + gap
        # the challenge cycles through the content's challenges
        challenge = content.challenges[ch.challenge]
        self.button(
            pygame.Rect(self.left.left, y + head, col, row_h),
            f"‹  {challenge.name.get(lang)}  ›",
            self._next_challenge,
        )
        self.challenge_y = y
        self.desc_rect = pygame.Rect(
            self.left.left, y + head + row_h + gap, col, self.left.bottom - (y + head + row_h + gap)
        )
        scenario = content.scenarios[ch.scenario]
        # one empty line between paragraphs, however the content's text separates them
        lines = [line.strip() for line in scenario.description.get(lang).split("\n") if line.strip()]
        # then who does what in this future (the national government, the municipality, the region) and its
        # economy, then the challenge
        roles = (scenario.national_government, scenario.municipality, scenario.region)
        paragraphs = (
            ((scenario.motto.get(lang), True),),
            *(part for line in lines for part in ((), ((line, False),))),
            (),
            ((t("setup.who_does_what"), True),),
            *(((text.get(lang), False),) for text in roles),
            ((t(f"howto.pic.economy_{scenario.economy}"), False),),
            (),
            ((f"{t('setup.challenge')}:", True), (f" {challenge.description.get(lang)}", False)),
        )
        self.desc = self.scroll_text(self.desc_rect, paragraphs)

        # seats
        y = self.right.top + head
        self.entries = []
        name_w = int(col * 0.36)
        role_w = int(col * 0.30)
        kind_w = col - name_w - role_w - 2 * gap - look.px(64) - gap
        for i, seat in enumerate(ch.seats):
            x = self.right.left
            entry = self.entry(pygame.Rect(x, y, name_w, row_h), seat.name)
            self.entries.append(entry)
            x += name_w + gap
            role_name = content.roles[seat.role].name.get(lang)
            if look.font("body").size(role_name)[0] > role_w - look.px(24):
                role_name = role_name.split(" (")[0]  # "Wethouder (alderman)" becomes "Wethouder" when space is short
            self.button(pygame.Rect(x, y, role_w, row_h), role_name, lambda i=i: self._next_role(i))
            x += role_w + gap
            kind = t("setup.computer") if seat.bot else t("setup.person")
            self.button(pygame.Rect(x, y, kind_w, row_h), kind, lambda i=i: self._toggle_bot(i))
            x += kind_w + gap
            self.button(
                pygame.Rect(x, y, look.px(64), row_h),
                "×",
                lambda i=i: self._remove(i),
                enabled=len(ch.seats) > 2,
                tooltip=t("setup.remove_seat"),
            )
            y += row_h + gap
        if len(ch.seats) < 6:
            self.button(pygame.Rect(self.right.left, y, col, row_h), t("setup.add_seat"), self._add)
            y += row_h + gap
        y += gap
        # options, two per row
        half = (col - gap) // 2
        session = next((p for p in SESSIONS if (p[1], p[2]) == (ch.rounds, ch.timer)), None)
        options = [
            (t("setup.session", n=session[0]) if session else t("setup.session_own"), self._next_session),
            (t("setup.rounds", n=ch.rounds, years=ch.rounds * content.rules.years_per_round), self._next_rounds),
            (t("setup.timer_off") if not ch.timer else t("setup.timer", n=ch.timer), self._next_timer),
            (t("setup.mode_beamer") if ch.mode == "beamer" else t("setup.mode_pass"), self._toggle_mode),
            (t("setup.language"), self._toggle_lang),
            (t("setup.seed_fixed", seed=ch.seed) if ch.fixed_seed else t("setup.seed_random"), self._toggle_seed),
        ]
        if ch.mode == "beamer":
            options.append((t("setup.print_cards"), self._print_cards))
        for k, (text, callback) in enumerate(options):
            x = self.right.left + (k % 2) * (half + gap)
            self.button(pygame.Rect(x, y, half, row_h), text, callback)
            if k % 2 == 1:
                y += row_h + gap
        if len(options) % 2:
            y += row_h + gap
        # at least one line of small text (six seats in beamer mode at 150 % leave less above the buttons' row)
        one_line = line_height(look, "small") + look.px(4)
        self.message_rect = pygame.Rect(self.right.left, y, col, max(one_line, self.right.bottom - y))
        # bottom
        bw = look.px(360)
        self.button(pygame.Rect(margin, h - look.px(100), bw, look.px(72)), t("common.back"), self.back)
        self.start_btn = self.button(
            pygame.Rect(w - margin - bw, h - look.px(100), bw, look.px(72)), t("setup.start"), self.start, "@primary"
        )
        # between them: type a code, and show the code with the chosen future in it
        x = margin + bw + gap * 2
        for text, callback in (
            (t("setup.code_enter"), self._enter_code),
            (t("setup.code_without_future" if self.with_future else "setup.code_with_future"), self._toggle_future),
        ):
            cw = self.fit(text, look.px(200))
            self.button(pygame.Rect(x, h - look.px(100), cw, look.px(72)), text, callback)
            x += cw + gap
        self._place_code(w, margin)
        if self.focus_index < 0:
            self.focus_index = self.focus.index(self.start_btn)

    def session_code(self):
        """The code shown: the shared one (or with the future, when asked), None when the seed is beyond a code's."""
        setup = self.choices.setup(self.app)
        return code_of(self.app.content, setup, with_future=self.with_future)

    def code_line(self) -> tuple:
        """The line at the top right: ("Sessiecode VC-…", True), or the reason there is none (False)."""
        code = self.session_code()
        ch = self.choices
        if code is None:
            return self.t("setup.code_none", seed=ch.seed), False
        if self.with_future:
            future = self.app.content.scenarios[ch.scenario].name.get(self.app.settings.lang)
            return self.t("setup.code_future", future=future, code=code), True
        return self.t("setup.code", code=code), True

    def _place_code(self, w: int, margin: int) -> None:
        """The code at the right of the title row, as large as fits beside the title; its hint as a tooltip."""
        look = self.look
        title_w = font(look.size("heading"), True).size(self.t("setup.title"))[0]
        left = margin + title_w + look.px(40)
        self.code_rect = pygame.Rect(left, look.px(30), w - margin - left, look.px(70))
        self.tip(self.code_rect, self.t("setup.code_hint"))

    # ----------------------------------------------------------------- choices
    def _keep_names(self) -> None:
        # A seat just added or removed has no entry yet: the shorter list decides.
        for seat, entry in zip(self.choices.seats, self.entries, strict=False):
            if entry.alive():
                seat.name = entry.get_text()

    def _set(self, field: str, value) -> None:
        self._keep_names()
        setattr(self.choices, field, value)
        self.rebuild()

    def _next_challenge(self) -> None:
        ids = sorted(self.app.content.challenges)
        self._set("challenge", ids[(ids.index(self.choices.challenge) + 1) % len(ids)])

    def _next_role(self, i: int) -> None:
        roles = self.app.content.role_ids()
        seat = self.choices.seats[i]
        seat.role = roles[(roles.index(seat.role) + 1) % len(roles)]
        self._set("seats", self.choices.seats)

    def _toggle_bot(self, i: int) -> None:
        self.choices.seats[i].bot = not self.choices.seats[i].bot
        self._set("seats", self.choices.seats)

    def _remove(self, i: int) -> None:
        self._keep_names()
        if len(self.choices.seats) > 2:
            del self.choices.seats[i]
        self.rebuild()

    def _add(self) -> None:
        self._keep_names()
        if len(self.choices.seats) < 6:
            n = len(self.choices.seats)
            role = self.app.content.table_roles(n + 1)[n]
            self.choices.seats.append(SeatChoice(role, f"{self.t('setup.seat')} {n + 1}", False))
        self.rebuild()

    def _next_rounds(self) -> None:
        r = self.choices.rounds
        self._set("rounds", ROUNDS[(ROUNDS.index(r) + 1) % len(ROUNDS)] if r in ROUNDS else 5)

    def _next_session(self) -> None:
        """The next planned session (45, 60, 90 minutes): its rounds and turn timer, and what it leaves."""
        ch = self.choices
        now = next((i for i, p in enumerate(SESSIONS) if (p[1], p[2]) == (ch.rounds, ch.timer)), -1)
        minutes, rounds, timer, debrief = SESSIONS[(now + 1) % len(SESSIONS)]
        ch.rounds, ch.timer = rounds, timer
        self.message = self.t("setup.session_help", n=minutes, rounds=rounds, timer=timer, debrief=debrief)
        self._set("timer", timer)

    def _next_timer(self) -> None:
        t = self.choices.timer
        self._set("timer", TIMERS[(TIMERS.index(t) + 1) % len(TIMERS)] if t in TIMERS else 0)

    def _toggle_mode(self) -> None:
        self._set("mode", "pass" if self.choices.mode == "beamer" else "beamer")

    def _toggle_lang(self) -> None:
        self._keep_names()
        self.app.toggle_language()

    def _enter_code(self) -> None:
        """The panel to type a code in (its Apply sets the choices and says so here)."""
        from game.ui.scenes.setup_code import SessionCodeScene

        self._keep_names()
        self.app.push(SessionCodeScene(self.app, self._code_applied))

    def _code_applied(self, line: str) -> None:
        self.message = line
        self.rebuild()

    def _toggle_future(self) -> None:
        self._keep_names()
        self.with_future = not self.with_future
        self.rebuild()

    def _toggle_seed(self) -> None:
        ch = self.choices
        ch.fixed_seed = not ch.fixed_seed
        if not ch.fixed_seed:
            ch.seed = new_seed(ch.dealt)
        self._set("fixed_seed", ch.fixed_seed)

    def _print_cards(self) -> None:
        """Write the role cards (with the private goals this seed deals) to the documents folder."""
        self._keep_names()
        self.choices.fixed_seed = True  # the cards must match the game that will be played
        try:
            from game.engine import new_game
            from game.export.rolecards import default_role_cards_path, write_role_cards

            setup = self.choices.setup(self.app)
            path = write_role_cards(
                new_game(self.app.content, setup), self.app.settings.lang, default_role_cards_path(setup)
            )
            self.message = self.t("setup.cards_saved", path=str(path))
        except (OSError, ImportError) as exc:
            self.message = self.t("setup.cards_failed", error=str(exc))
        self.rebuild()

    # ----------------------------------------------------------------- go
    def start(self) -> None:
        """Start the game with these choices."""
        self._keep_names()
        from game.ui.flow import start_game

        setup = self.choices.setup(self.app)
        if not self.choices.fixed_seed:
            # "random card order": a new deck for the next game; this one plays the deck whose code was shown
            self.choices.dealt.add(setup.seed)
            self.choices.seed = new_seed(self.choices.dealt)
        start_game(self.app, setup, self.choices.mode, self.choices.timer)

    def back(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self._keep_names()
        self.app.goto(MenuScene(self.app))

    def autoplay(self) -> None:
        self.start()

    # ----------------------------------------------------------------- drawing
    def content_line(self) -> str:
        """ "Content: pack X" (with its skipped files) or "Content: built in"."""
        from game.ui.packs import pack_name, skipped_text

        pack = self.app.pack
        if pack is None:
            return self.t("setup.content_builtin")
        skipped = skipped_text(pack, self.app.content_problems, self.t)
        return self.t("setup.content_pack", name=pack_name(pack, self.t)) + (f" · {skipped}" if skipped else "")

    def draw(self, painter) -> None:
        w, h = self.app.window.get_size()
        look = self.look
        c = painter.c
        t = self.t
        painter.surface.fill(c["bg"])
        painter.text(pygame.Rect(look.px(40), look.px(30), w - look.px(80), look.px(70)), t("setup.title"), "heading")
        painter.text(
            pygame.Rect(self.left.left, self.left.top, self.left.width, self.head_h),
            t("setup.scenario"),
            "large",
            bold=True,
        )
        painter.text(
            pygame.Rect(self.left.left, self.challenge_y, self.left.width, self.head_h),
            t("setup.challenge"),
            "large",
            bold=True,
        )
        painter.text(
            pygame.Rect(self.right.left, self.right.top, self.right.width, self.head_h),
            t("setup.seats"),
            "large",
            bold=True,
        )
        text, known = self.code_line()
        painter.text(
            self.code_rect,
            text,
            "large" if known else "body",
            colour=c["ink"] if known else c["warn"],
            bold=known,
            align="right",
            valign="center",
        )
        if self.message:
            painter.text(self.message_rect, self.message, "small", colour=c["muted"])
        else:
            # what the code is for (when there is room for it), and which content is in play: the built-in
            # content, or a pack (and what of it was skipped)
            text = self.content_line()
            with_hint = f"{self.t('setup.code_hint')}\n{text}"
            small = look.font("small")
            if known and len(wrap(with_hint, small, self.message_rect.width)) * small.get_linesize() <= (
                self.message_rect.height
            ):
                text = with_hint
            painter.text(self.message_rect, text, "small", colour=c["muted"])
        self.draw_widgets(painter)
