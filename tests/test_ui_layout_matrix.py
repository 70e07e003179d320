"""The layout test matrix of issue 17: every screen x {1280x720, 1366x768, 1920x1080, 3840x2160} x {100, 125, 150 %}
x {nl, en} - 600 cases, each its own test, so that each known defect is one strict xfail that a fix flips.

In every case, on the screen on top (an overlay without the dimmed screen under it):
- nothing overlaps: no two widgets, no text under a widget, no two texts (tests/layout_checks.py `Frame.overlaps`);
- every element the screen must show (its REQUIRED list below) is there, not cut, and inside the window (a text
  in a scrolling panel counts when it is in the panel's text, also scrolled out of sight: issue 17 allows a screen
  to "reflow or scroll"; a list of actions in pages counts when its first page is shown);
- no text is cut or leaves its panel, no button label is wider than its button (`layout_problems`);
- text sizes: from 1920x1080 up nothing is under 20 px (issue 17: "at 1920x1080 and 100 % nothing a player must
  read is under 20 px"; a larger window or text size must not make text smaller). No text is excluded as
  decoration: the painters draw no decorative text (the decoration - icons, bars, dots, the emblem - has none).
  And at 150 % every required text is drawn larger than at 100 % in the same window and language ("150 % enlarges
  body text on every screen").

Speed: a screen is opened (a seeded game played to it) once per language and then shown in each window and
text size by `App.resized`, as a window drag or the text-size button does; a screen opened afresh in each of
those gives the same frame (checked when this test was written). The cases run in that order, one app at a time.
The whole matrix takes about 30 s. `pytest --runxfail -k <case>` shows what a known defect's case finds.
"""

from __future__ import annotations

import pytest

from game.engine.vocabulary import INDICATORS
from game.words import capital, computer_seat, cost_words, indicator_name, percent, person
from tests.layout_checks import READABLE_PX, Element, Frame, open_at, unreadable
from tests.screens import SCREENS
from tests.test_ui_compare import required as compare_required

WINDOWS = ((1280, 720), (1366, 768), (1920, 1080), (3840, 2160))
TEXT_SIZES = (100, 125, 150)
LANGS = ("nl", "en")


def _before(t, key: str, field: str, **values) -> str:
    """The words of catalogue entry `key` before its `field` (what every text made from it starts with)."""
    return t(key, **{field: "\0"}, **values).split("\0")[0]


def _game_words(f: Frame) -> tuple:
    """What a game screen's checks read: app, scene, words, language, state, rulebook, the future's name."""
    app = f.app
    state = app.session.state
    lang = app.settings.lang
    scenario = state.book.content.scenarios[state.book.setup.scenario].name.get(lang)
    return app, app.top, app.t, lang, state, state.book, scenario


# ============================================================================================ the table
def _table_board(f: Frame) -> list:
    """The table around the action panel: top bar, the municipality, the seats, the coalitions, the bottom bar."""
    app, scene, t, lang, state, book, scenario = _game_words(f)
    content = book.content
    lay = scene.layout
    challenge = content.challenges[book.setup.challenge].name.get(lang)
    years = book.base.years_per_round
    first = (state.round - 1) * years + 1
    found = [
        f.text("title in the top bar", f"{scenario} · {challenge}"),
        f.text(
            "round in the top bar",
            t("table.round", round=state.round, rounds=book.setup.rounds, start=first, end=first + years - 1),
        ),
        f.button("'help' button", t("table.help")),
        f.button("'facilitator' button", t("table.facilitator")),
        f.text(
            "progress heading",
            t("table.challenge_progress"),
            t("table.challenge_progress_short"),
            exact=True,
            within=lay.left,
        ),
        f.text("progress percentage", percent(state.progress, lang), within=lay.left),
        f.text("what the challenge needs", _before(t, "table.need", "need"), within=lay.left),
        f.text("'the municipality' heading", t("table.municipality"), exact=True, within=lay.left),
    ]
    for i, name in enumerate(INDICATORS):
        found.append(f.text(f"indicator {name}", indicator_name(name, lang).capitalize(), exact=True, within=lay.left))
        found.append(f.text(f"value of {name}", str(state.ind[i]), exact=True, within=lay.left))
    found.append(f.text("this round's trends", t("table.trends_now"), within=lay.left))
    for seat in state.seats:
        found.append(f.text(f"seat card of {seat.name}", seat.name, exact=True, within=lay.centre))
    found.append(f.text("'coalitions' heading", t("table.coalitions"), exact=True, within=lay.centre))
    active = [co for co in state.coalitions if co.active]
    if active:
        threshold = book.criteria.trust_threshold
        found.append(f.text("trust table", t("table.trust_title", n=threshold), within=lay.centre))
        kvds = {k.id: k for k in content.challenges[book.setup.challenge].kvds}
        for co in active:
            lead = state.seats[next(iter(co.members))].name
            found.append(f.text(f"members of {lead}'s coalition", f"{lead} (", within=lay.centre))
            found.append(f.text(f"pot of {lead}'s coalition", _before(t, "table.pot", "pot"), within=lay.centre))
            found.append(f.text(f"KVD of {lead}'s coalition", kvds[co.kvd].text.get(lang), within=lay.centre))
    found.append(f.any_text("what just happened (bottom bar)", lay.bottom_bar))
    return found


def _cost(cost, lang: str) -> str:
    return cost_words(cost, lang)


def _table(f: Frame) -> list:
    """The table with a person to move: the board and the action panel at its current step."""
    app, scene, t, lang, state, _, _ = _game_words(f)
    lay = scene.layout
    actions = scene.actions
    pickers = actions.pickers
    seat = app.session.current()
    me = state.seats[seat]
    found = _table_board(f)
    found.append(f.text("whose turn it is", t("table.your_turn", name=me.name), within=lay.right))
    if app.session.mode == "beamer":
        goal = (t("table.goal_hidden_beamer"), t("table.peek_short"))
    else:
        goal = (_before(t, "table.goal", "goal"), _before(t, "table.goal_short", "pct"))
    found.append(f.text("the seat's goal line", *goal, within=lay.right))
    if actions.step == "choose":
        rows = [b for b in actions.action_keys if b.alive() and b.visible]
        found.append(Element("an action to choose", rows[0].rect if rows else None))
        for btn in rows:
            cost = _cost(actions.action_keys[btn].cost, lang)
            if cost:
                found.append(
                    Element(f"cost of {btn.text.rpartition(' (')[0]!r}", btn.rect if cost in btn.text else None)
                )
        found.append(f.button("'end turn' button", t("table.end_turn")))
        active = actions.active_row()
        if active is not None:
            words = actions.error or actions.row_words(active)
            found.append(f.text("what the chosen action does", words, within=lay.right))
        return found
    found.append(f.button("'back' button", t("common.back")))
    if actions.error:
        found.append(f.text("why it is not possible", actions.error, within=lay.right))
    for _, label in pickers.stepper_labels:
        found.append(f.text(f"picker {label.split(':')[0]!r}", label, exact=True, within=lay.right))
    if actions.step == "target":
        for other in actions.others(seat):
            name = state.seats[other].name
            found.append(f.button(f"target {name}", f"{name} (", f"{name} · ", exact=False))
    elif actions.step == "invest":
        found.append(f.button("'invest' button", t("table.invest_confirm")))
        notes = (_before(t, "table.missing", "what"), t("table.pot_full"), t("table.invest_alone"))
        found.append(f.text("what the pot still needs", *notes, within=lay.right))
    elif actions.step == "offer":
        found.append(f.button("'offer' button", t("table.offer_confirm")))
    elif actions.step == "propose":
        kvds = list(state.book.content.challenges[state.book.setup.challenge].kvds)
        kvd = kvds[pickers.kvd_index % len(kvds)]
        found.append(f.text("the chosen KVD", kvd.text.get(lang), within=lay.right))
        found.append(f.button("'propose' button", t("table.propose_confirm")))
    elif actions.step == "invite" and actions.error != t("table.nobody_to_invite"):
        found.append(f.button("'invite' button", t("table.invite_confirm")))
    return found


def _table_bot(f: Frame) -> list:
    app = f.app
    me = app.session.state.seats[app.session.current()]
    role = app.session.state.book.content.roles.get(me.role)
    thinking = app.t("table.bot_thinking", name=computer_seat(me.name, role, app.settings.lang, me.role))
    return [*_table_board(f), f.text("the computer's turn", thinking, within=app.top.layout.right)]


# ============================================================================================ before the table
def _menu(f: Frame) -> list:
    t = f.app.t
    labels = ("new_game", "continue", "load", "settings", "howto", "content_check", "quit")
    return [
        f.text("title", "Vitale Coalities", exact=True),
        f.text("tagline", t("menu.tagline"), exact=True),
        f.text("keys", t("menu.keys")),
        *(f.button(f"'{key}' button", t(f"menu.{key}")) for key in labels),
    ]


def _setup(f: Frame) -> list:
    app = f.app
    scene, t, lang, content = app.top, app.t, app.settings.lang, app.content
    ch = scene.choices
    challenge = content.challenges[ch.challenge]
    found = [
        f.text("title", t("setup.title"), exact=True),
        f.text("'scenario' heading", t("setup.scenario"), exact=True),
        f.text("'challenge' heading", t("setup.challenge"), exact=True),
        f.text("'seats' heading", t("setup.seats"), exact=True),
        *(
            f.button(f"scenario {sid}", content.scenarios[sid].name.get(lang), exact=False)
            for sid in content.scenario_ids()
        ),
        f.button("challenge", challenge.name.get(lang), exact=False),
        f.text("scenario description", content.scenarios[ch.scenario].motto.get(lang)),
    ]
    for i, seat in enumerate(ch.seats):
        found.append(f.widget(f"name of seat {i + 1}", scene.entries[i] if i < len(scene.entries) else None))
        role = content.roles[seat.role].name.get(lang).split(" (")[0]
        found.append(f.button(f"role of seat {i + 1}", role, exact=False))
    kinds = [t("setup.computer") if seat.bot else t("setup.person") for seat in ch.seats]
    found += f.buttons("person or computer", kinds)
    found += f.buttons("'remove seat' button", ["×"] * len(ch.seats))
    if len(ch.seats) < 6:
        found.append(f.button("'add seat' button", t("setup.add_seat")))
    options = [
        t("setup.rounds", n=ch.rounds, years=ch.rounds * content.rules.years_per_round),
        t("setup.timer_off") if not ch.timer else t("setup.timer", n=ch.timer),
        t("setup.mode_beamer") if ch.mode == "beamer" else t("setup.mode_pass"),
        t("setup.language"),
        t("setup.seed_fixed", seed=ch.seed) if ch.fixed_seed else t("setup.seed_random"),
    ]
    found += [f.button(f"option {label!r}", label) for label in options]
    found.append(f.button("'back' button", t("common.back")))
    found.append(f.button("'start' button", t("setup.start")))
    return found


def _trend(f: Frame) -> list:
    from game.ui.scenes.trend import CERTAINTY, effect_lines

    app, scene, t, lang, state, book, scenario = _game_words(f)
    trend = book.content.trends[scene.cards[scene.index]]
    band = f"{t(f'category.{trend.category}')} · {t(CERTAINTY[trend.certainty])} · {t(f'trend.impact_{trend.impact}')}"
    found = [
        f.text("header", t("trend.header", round=state.round, n=scene.index + 1, of=len(scene.cards))),
        f.text("category band", band, exact=True),
        f.text("card title", trend.title.get(lang), exact=True),
        f.text("card text", trend.text.get(lang)),  # alone, or the first paragraph of a scrolling text
        f.text("'effects' heading", t("trend.effects", scenario=scenario)),
        f.text("question", trend.question.get(lang)),
        f.button("'continue' button", t("trend.to_dilemma"), t("trend.continue"), t("trend.next_card")),
    ]
    missed = any(e.kind == "trend_missed" and e.round == state.round and e.trend == trend.id for e in state.events)
    lines = [t("trend.missed")] if missed else effect_lines(book.trends[trend.id], lang, book.content)
    found += [f.text(f"effect {line!r}", line) for line in lines]
    if trend.opportunity:
        found.append(f.text("opportunity", trend.opportunity.text.get(lang)))
    return found


def _dilemma(f: Frame) -> list:
    from game.analysis.explain import effect_items

    app, scene, t, lang, state, book, scenario = _game_words(f)
    dilemma = scene.dilemma()
    found = [
        f.text("header", t("dilemma.header", round=state.round, title=dilemma.title.get(lang)), exact=True),
        f.text("question", t("dilemma.question"), exact=True),
    ]
    if scene.intro():
        found.append(f.text("what the dilemma is about", scene.intro(), exact=True))
    effects = book.responses[dilemma.key]
    for i, (answer, panel) in enumerate(zip(scene.answers(), scene.panels(), strict=True)):
        stance = book.content.stance_name(answer.stance, lang)
        found.append(f.text(f"answer {i + 1}: stance", f"{i + 1} · {stance}", exact=True, within=panel))
        found.append(f.text(f"answer {i + 1}: text", answer.text.get(lang), exact=True, within=panel))
        headings = (t("trend.effects", scenario=scenario), t("trend.effects_short"))
        found.append(f.text(f"answer {i + 1}: 'effects' heading", *headings, exact=True, within=panel))
        lines = [text for text, _ in effect_items(effects[answer.id], lang, book.content)] or [t("trend.no_effects")]
        # the card draws each effect with no-break spaces around its number (never "+2" alone on a line)
        drawn = [text for text, _ in scene.effect_lines(i)]
        assert [line.replace("\u00a0", " ") for line in drawn] == lines
        found += [f.text(f"answer {i + 1}: effect {line!r}", line, exact=True, within=panel) for line in drawn]
        found.append(f.button(f"answer {i + 1}: button", t("dilemma.choose", n=i + 1, stance=stance.lower())))
    return found


def _handover(f: Frame) -> list:
    app = f.app
    scene, t, lang = app.top, app.t, app.settings.lang
    state = app.session.state
    seat = state.seats[scene.seat]
    who = person(seat.name, state.book.content.roles.get(seat.role), lang)
    goal = state.book.goal(seat.role, seat.goal)
    return [
        f.text("whom to pass to", t("handover.pass_to", person=who), exact=True),
        f.text("'your goal' heading", t("handover.your_goal"), exact=True),
        f.text("the secret goal", goal.text.get(lang), exact=True),
        f.button("'play' button", t("handover.play")),
    ]


def _summary(f: Frame) -> list:
    app = f.app
    scene, t, lang = app.top, app.t, app.settings.lang
    state = app.session.state
    start = scene.start
    resolve = next((line for line in reversed(scene.lines) if line.action.kind == "resolve_round"), None)
    sentences = [s for s in (resolve.told(lang).changes if resolve else []) if s.endswith(".")]
    found = [
        f.text("title", t("summary.title", round=scene.round), exact=True),
        f.text("progress", t("summary.progress", before=f"{start.progress:.0f}", after=f"{state.progress:.0f}")),
        f.text("what the round did", (sentences or [t("summary.nothing")])[0]),
        f.button("'next' button", t("summary.to_debrief"), t("summary.next_round")),
    ]
    for i, name in enumerate(INDICATORS):
        change = t("common.from_to", a=start.ind[i], b=state.ind[i])
        found.append(f.text(f"change of {name}", f"{indicator_name(name, lang).capitalize()}: {change}"))
        causes = scene.details(lang)[i]  # the merged causes, as drawn ("… ×2 (+2)")
        if causes:
            found.append(f.text(f"causes of {name}", causes[0]))  # the first cause is always listed
        else:
            found.append(f.text(f"causes of {name}", t("summary.no_change"), exact=True))
    return found


# ============================================================================================ the debrief
def _debrief(f: Frame) -> list:
    from game.analysis import debrief as analysis
    from game.analysis.debrief import headline
    from game.ui.scenes import debrief_tabs
    from game.ui.scenes.debrief import TABS

    app = f.app
    scene, t, lang = app.top, app.t, app.settings.lang
    story = scene.story
    title, sub = headline(story, lang)
    body = scene.layout()["body"]
    found = [
        f.text("title", title, exact=True),
        f.text("subtitle", sub, exact=True),
        *(f.button(f"tab {tab}", t(f"debrief.tab.{tab}")) for tab in TABS),
        f.button("'menu' button", t("debrief.menu")),
        f.button("'export' button", t("debrief.export")),
        f.button("'new game' button", t("debrief.new_game")),
        f.button("'quit' button", t("menu.quit")),
    ]
    if scene.status_line():  # the log's "saved" news goes after a few seconds (issue 17)
        found.append(f.text("status line", scene.status_line(), exact=True))
    tab = scene.tab
    if tab == "outcome":
        series = story.series()
        found.append(f.text("'indicators' heading", t("debrief.indicators"), exact=True))
        rows = [("progress", t("debrief.challenge_progress"))]
        rows += [(name, capital(indicator_name(name, lang))) for name in INDICATORS]
        for key, label in rows:
            values = series[key]
            if key == "progress":  # the challenge's progress in percent, as the subtitle says it
                a, b = percent(values[0], lang), percent(values[-1], lang)
            else:
                a, b = f"{values[0]:.0f}", f"{values[-1]:.0f}"
            shown = f"{label}: {t('common.from_to', a=a, b=b)}"
            found.append(f.text(f"start and end of {key}", shown, exact=True))
        found.append(f.text("'goals' heading", t("debrief.goals"), exact=True))
        for r in scene.analysis("seats", analysis.seat_results):
            name = story.end.seats[r.seat].name
            mark = t("debrief.met") if r.met else t("debrief.not_met")
            found.append(f.text_with(f"goal of {name}: met or not", name, f" — {mark}"))
            found.append(f.text(f"goal of {name}", r.goal, exact=True))
    elif tab == "timeline":
        rounds = scene.analysis("timeline", analysis.timeline)
        shown = rounds[scene.page * debrief_tabs.ROUNDS_PER_PAGE : (scene.page + 1) * debrief_tabs.ROUNDS_PER_PAGE]
        for r in shown:
            gain = f"+{r.progress_gain:.0f}" if r.progress_gain >= 0 else f"{r.progress_gain:.0f}"
            # the progress in words, or without the word "progress" where that does not fit on one line
            progress = [t(f"debrief.round_progress{k}", gain=gain, total=f"{r.progress:.0f}") for k in ("", "_short")]
            found.append(f.text(f"round {r.round}", t("debrief.round", n=r.round), exact=True))
            found.append(f.text(f"progress in round {r.round}", *progress, exact=True))
            for trend in r.trends or [t("debrief.no_trend")]:  # two or more trend cards: a list item each
                found.append(f.text(f"trend {trend!r} of round {r.round}", trend, exact=True))
    elif tab == "charts":
        left, right = debrief_tabs._columns(scene, body, 0.6)
        count = len(story.series()["progress"])
        x_labels = debrief_tabs._x_labels(scene, count)
        for rect, title_key, series in (
            (left, "debrief.chart_indicators", debrief_tabs.indicator_series(scene, lang)),
            (right, "debrief.chart_progress", debrief_tabs.progress_series(scene)),
        ):
            found.append(f.text(f"chart {title_key}", t(title_key), exact=True, within=rect))
            found += [f.text(f"{title_key}: legend {label}", label, exact=True, within=rect) for label, _, _ in series]
            found += [f.text(f"{title_key}: round {x}", x, exact=True, within=rect) for x in x_labels]
    elif tab == "coalition":
        left, right = debrief_tabs._columns(scene, body, 0.5)
        found.append(f.text("'trust' heading", t("debrief.trust_title"), exact=True, within=left))
        found.append(f.text("'who put in what' heading", t("debrief.contributed_title"), exact=True, within=right))
        for i, seat in enumerate(story.end.seats):
            label = story.seat_label(i, lang)
            found.append(f.text(f"trust network: {label}", label, exact=True, within=left))
            # large text may drop the role: "Anna (Wethouder)" -> "Anna"
            found.append(f.text(f"contributions: {label}", label, label.split(" (")[0], exact=True, within=right))
            total = str(sum(seat.contributed))
            found.append(f.text(f"contributions: total of {label}", total, exact=True, within=right))
    elif tab == "knobs":
        # at large text the knobs are on pages (their meanings stay at the small size at least): every knob is
        # on one page, and the page shown has its knobs and a button to the next
        pages = debrief_tabs._knob_pages(scene, body)
        assert [k.number for page in pages for k in page] == [k.number for k in scene.analysis("knobs", analysis.knobs)]
        if len(pages) > 1:
            found.append(f.button("'next knobs' button", "›"))
        for k in pages[min(scene.page, len(pages) - 1)]:
            found.append(f.text(f"knob {k.number}", f"{k.number}. {k.name}", exact=True))
            found.append(f.text(f"knob {k.number}: how far", t(f"debrief.knob_{k.level}"), exact=True))
            found.append(f.text(f"knob {k.number}: what it means", f"{k.reading} {k.lasting}".strip(), exact=True))
    elif tab == "windtunnel":
        result = scene.job.result
        content = app.content
        found.append(f.text("'per scenario' heading", t("windtunnel.per_scenario", games=result.games), exact=True))
        for r in result.results:
            name = content.scenarios[r.scenario].name.get(lang)
            if r.scenario == result.played_scenario:
                name = t("windtunnel.played", scenario=name)
            realised = t("windtunnel.realised", pct=f"{r.realised * 100:.0f}", progress=f"{r.mean_progress:.0f}")
            found.append(f.text(f"wind tunnel: {r.scenario}", name, exact=True))
            found.append(f.text(f"wind tunnel: {r.scenario} realised", realised, exact=True))
        played = content.scenarios[result.played_scenario].name.get(lang)
        found.append(f.text("'robust' heading", t("windtunnel.robust"), exact=True))
        found.append(f.text("'fragile' heading", t("windtunnel.fragile", scenario=played), exact=True))
        found.append(f.text("'other' heading", t("windtunnel.other", scenario=played), exact=True))
    elif tab == "reflection":
        own, generated = scene.analysis("questions", analysis.reflection_questions)
        scenario = story.scenario.name.get(lang)
        found.append(f.text("'scenario questions' heading", t("debrief.questions_scenario", scenario=scenario)))
        found.append(f.text("'game questions' heading", t("debrief.questions_game"), exact=True))
        for i, question in enumerate([*own, *generated]):
            found.append(f.text(f"question {i + 1}", question))
    return found


# ============================================================================================ overlays and the rest
def _facilitator(f: Frame) -> list:
    app = f.app
    t = app.t
    return [
        f.text("title", t("facilitator.title"), exact=True),
        f.button("'resume' button", t("facilitator.resume")),
        f.button("'timer' button", _before(t, "facilitator.timer", "n"), t("facilitator.timer_off"), exact=False),
        f.button("'text size' button", t("facilitator.text_size", n=app.settings.text_size)),
        f.button("'language' button", t("setup.language")),
        f.button("'undo' button", t("facilitator.undo")),
        f.button("'skip' button", t("facilitator.skip")),
        f.button("'end the game' button", t("facilitator.end"), t("facilitator.end_cancel")),
        f.text("note", t("facilitator.paused"), exact=True),
    ]


def _settings(f: Frame) -> list:
    scene = f.app.top
    found = [f.text("title", f.app.t("settings.title"), exact=True)]
    for _row_id, label, _help, btn, _label_rect, _band in scene.rows:
        found.append(f.text(f"setting {label!r}", label, exact=True))
        found.append(f.widget(f"value of {label!r}", btn))
    found.append(f.widget("'close' button", scene.close_btn))
    return found


def _howto(f: Frame) -> list:
    from game.ui.scenes.howto import PAGES

    scene, t = f.app.top, f.app.t
    found = [
        f.text("title", t("howto.title"), exact=True),
        f.text("page title", t(f"howto.{scene.page_id}.title"), exact=True),
        f.text("page number", t("howto.page", n=scene.page + 1, total=len(PAGES)), exact=True),
        f.text("keys", t("howto.keys"), exact=True),
    ]
    found += [f.text(f"line {text[:30]!r}", text, exact=True) for _, text in scene.lines()]
    found += [f.widget(f"'{name}' button", btn) for btn, name in scene.names.items()]
    return found


def _content_check(f: Frame) -> list:
    scene, t = f.app.top, f.app.t
    found = [
        f.text("title", t("check.title"), exact=True),
        f.text("what was checked", t("check.checked", source=scene.source_text()), exact=True),
        f.text("'in use now'", t("check.in_use_now"), exact=True),
        f.text("verdict", scene.header_text(), exact=True),
        f.text("keys", scene.keys_text(), exact=True),
        f.widget("'check again' button", scene.recheck_btn),
        f.widget("'back' button", scene.back_btn),
    ]
    for tile, (label, number) in zip(scene.tiles, scene.counts(), strict=False):
        found.append(f.text(f"count of {label}", label, exact=True, within=tile))
        found.append(f.text(f"number of {label}", str(number), exact=True, within=tile))
    if scene.problems:
        found.append(f.text("how to mend", t("check.problems_how"), exact=True))
        found.append(f.widget("the problems", scene.box))
    else:
        found.append(f.text("where a pack goes", t("check.pack_hint"), exact=True))
    return found


def _load(f: Frame) -> list:
    from game.ui.scenes.load import PER_PAGE

    scene, t = f.app.top, f.app.t
    found = [f.text("title", t("load.title_logs") if scene.logs else t("load.title"), exact=True)]
    for entry in scene.saves[scene.page * PER_PAGE : (scene.page + 1) * PER_PAGE]:
        text = scene.log_text(scene.log_info(entry)) if scene.logs else scene.row_text(scene.save_info(entry))
        found.append(f.button(f"row {entry.path.name}", text))
    if scene.message:
        found.append(f.text("what is wrong", scene.message, exact=True))
    found.append(f.button("'back' button", t("load.back")))
    found.append(f.button("'saves or logs' button", t("load.show_saves") if scene.logs else t("load.show_logs")))
    if scene.backup is not None:
        found.append(f.button("'use the backup' button", t("load.use_backup")))
    return found


REQUIRED = {
    "menu": _menu,
    "setup": _setup,
    "trend": _trend,
    "dilemma": _dilemma,
    "handover": _handover,
    "table": _table,
    "table_bot": _table_bot,
    "action_invest": _table,
    "action_target": _table,
    "action_offer": _table,
    "coalition_propose": _table,
    "coalition_invite": _table,
    "summary": _summary,
    "facilitator": _facilitator,
    "settings": _settings,
    "howto": _howto,
    "content_check": _content_check,
    "load": _load,
    **{name: _debrief for name in SCREENS if name.startswith("debrief")},
    "compare": compare_required,
}


# ============================================================================================ known defects
# (screen, window, text size, language) -> what is wrong there today (figures at 1920x1080). Each is a strict
# xfail: when a fix makes a case pass it fails as XPASS, and it must leave this list.
def _known(screen: str, windows, text_sizes, langs, reason: str) -> dict:
    return {(screen, size, text_size, lang): reason for size in windows for text_size in text_sizes for lang in langs}


KNOWN: dict = {}


def _cases() -> list:
    cases = []
    for screen in SCREENS:
        for lang in LANGS:
            for w, h in WINDOWS:
                for text_size in TEXT_SIZES:
                    reason = KNOWN.get((screen, (w, h), text_size, lang))
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    case_id = f"{screen}-{w}x{h}-{text_size}-{lang}"
                    cases.append(pytest.param(screen, (w, h), text_size, lang, id=case_id, marks=marks))
    return cases


def test_every_screen_has_a_list_of_required_elements_and_every_known_defect_is_a_case():
    assert set(REQUIRED) == set(SCREENS)
    cases = {(s, size, ts, lang) for s in SCREENS for size in WINDOWS for ts in TEXT_SIZES for lang in LANGS}
    assert set(KNOWN) <= cases, set(KNOWN) - cases


_OPEN: dict = {}  # (screen, language) -> the app on that screen; one at a time


@pytest.fixture(scope="module", autouse=True)
def _close_the_last_app():
    yield
    _OPEN.clear()


def _app(screen: str, lang: str):
    if (screen, lang) not in _OPEN:
        _OPEN.clear()
        _OPEN[(screen, lang)] = open_at(WINDOWS[0], screen, TEXT_SIZES[0], lang)
    return _OPEN[(screen, lang)]


def _show(app, size, text_size: int) -> Frame:
    app.settings.text_size = text_size
    app.resized(size)
    return Frame(app)


@pytest.mark.parametrize(("screen", "size", "text_size", "lang"), _cases())
def test_layout(screen, size, text_size, lang):
    app = _app(screen, lang)
    required = REQUIRED[screen]
    at_100 = {}
    if text_size == 150:
        at_100 = {e.name: e.px for e in required(_show(app, size, 100)) if e.px is not None}
    frame = _show(app, size, text_size)
    elements = required(frame)
    problems = frame.overlaps() + frame.missing(elements) + frame.layout_problems()
    if size[0] >= 1920 and size[1] >= 1080:
        problems += [f"under {READABLE_PX} px: {text}" for text in unreadable(app, READABLE_PX)]
    for element in elements:
        before = at_100.get(element.name)
        if element.px is not None and before is not None and element.px <= before:
            problems.append(f"not larger at 150 %: {element.name} ({before} px at 100 %, {element.px} px at 150 %)")
    assert not problems, "\n".join(problems)
