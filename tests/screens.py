"""Bring every screen of the game up directly, for layout checks and random-event tests."""

from __future__ import annotations

from game.engine.state import PHASE_ACTIONS
from game.ui.flow import start_game
from game.ui.scenes.setup import SetupChoices

SCREENS = (
    "menu",
    "setup",
    "trend",
    "dilemma",
    "handover",
    "table",
    "table_bot",
    "action_invest",
    "action_target",
    "action_offer",
    "coalition_propose",
    "coalition_invite",
    "summary",
    "debrief",
    "debrief_timeline",
    "debrief_charts",
    "debrief_coalition",
    "debrief_knobs",
    "debrief_windtunnel",
    "debrief_reflection",
    "facilitator",
    "settings",
    "howto",
    "content_check",
    "load",
    "compare",
)


def _start(app, mode="beamer"):
    choices = SetupChoices(app)
    choices.seed = 1  # the same cards every run, so a layout problem is reproducible
    choices.seats[2].bot = True
    choices.seats[3].bot = True
    start_game(app, choices.setup(app), mode)


def _bots_until(app, predicate, limit=400):
    """Let computers play every seat until `predicate(session)`."""
    from game.bots import Bot

    session = app.session
    for _ in range(limit):
        if predicate(session):
            return
        need = session.needs_engine()
        if need == "trend":
            session.draw_trend()
        elif need == "resolution":
            session.resolve()
        elif need == "over":
            return
        else:
            seat = session.current()
            action, because = Bot(seat, "balanced", session.setup.seed).choose(session.state)
            session.act(action, because)


def compare_logs(content, folder, count: int = 4, damaged: bool = True) -> list:
    """`count` games played by computers with one seed (one session code: the same deck) under the futures in
    turn, written as logs into `folder` (the last one with another way of playing, so the tables differ), and
    a damaged file beside them; the paths, the damaged one last."""
    from pathlib import Path

    from game.analysis.gamelog import write_log
    from tests.conftest import make_log

    futures = content.scenario_ids()
    ways = sorted(content.strategies)
    names = ("Noord", "Zuid", "Oost", "West", "Haven", "Dorp", "Stad", "Markt")
    paths = []
    for i in range(count):
        way = "balanced" if i < count - 1 else next(w for w in ways if w != "balanced")
        data = make_log(content, scenario=futures[i % len(futures)], seed=7, strategy=way)
        data["started"] = f"2026-01-01T10:{i:02d}:00Z"
        if i % 2:  # half the tables were handed in with a name, the others are known by their file
            data["table"] = f"Tafel {names[i]}"
        paths.append(write_log(data, folder))
    if damaged:
        broken = Path(folder) / "spel-kapot-7-20260101T090000.json"
        broken.write_text('{"format": "vitale-coalities-log", "actions": [', encoding="utf-8")
        paths.append(broken)
    return paths


def open_compare(app, paths) -> None:
    """The compare screen on these logs, read (as the debrief's what-if opens it)."""
    from game.ui.scenes.compare import CompareScene

    app.goto(CompareScene(app, paths))
    app.draw()
    app.step(0.01)
    job = app.top.job
    assert job is not None and job.wait(120), "the tables were not read"
    app.step(0.01)


def open_screen(app, name: str) -> None:
    """Put the app on screen `name` (see SCREENS)."""
    import importlib

    def scene(module: str, cls: str):
        return getattr(importlib.import_module(f"game.ui.scenes.{module}"), cls)

    ContentCheckScene = scene("content_check", "ContentCheckScene") if name == "content_check" else None  # noqa: N806
    DebriefScene = scene("debrief", "DebriefScene")  # noqa: N806
    FacilitatorScene = scene("facilitator", "FacilitatorScene")  # noqa: N806
    HandoverScene = scene("handover", "HandoverScene")  # noqa: N806
    HowToScene = scene("howto", "HowToScene") if name == "howto" else None  # noqa: N806
    MenuScene = scene("menu", "MenuScene")  # noqa: N806
    SettingsScene = scene("settings", "SettingsScene") if name == "settings" else None  # noqa: N806
    SetupScene = scene("setup", "SetupScene")  # noqa: N806
    SummaryScene = scene("summary", "SummaryScene")  # noqa: N806
    TableScene = scene("table", "TableScene")  # noqa: N806

    if name == "menu":
        app.goto(MenuScene(app))
    elif name == "setup":
        app.goto(SetupScene(app))
    elif name == "trend":
        _start(app)
        assert app.top.name == "trend"
        app.top.flip = 1.0  # past the card-turning animation
    elif name == "dilemma":
        from game.engine.state import PHASE_DILEMMA
        from game.ui.scenes.dilemma import DilemmaScene

        _start(app)
        _bots_until(app, lambda s: s.state.phase == PHASE_DILEMMA)
        app.goto(DilemmaScene(app))
    elif name == "handover":
        _start(app, "pass")
        _bots_until(app, lambda s: s.state.phase == PHASE_ACTIONS)
        app.goto(HandoverScene(app, 0))
        app.top.revealed = True
        app.top.rebuild()
    elif name in (
        "table",
        "action_invest",
        "action_target",
        "action_offer",
        "coalition_propose",
        "coalition_invite",
        "facilitator",
    ):
        _start(app)
        _bots_until(app, lambda s: s.state.phase == PHASE_ACTIONS and not s.is_bot(s.current()) and s.state.round == 2)
        app.goto(TableScene(app))
        table = app.top
        if name == "action_invest":
            table._begin("invest")
        elif name == "action_target":
            table._begin("target", "conversation")
        elif name == "action_offer":
            table._begin("offer")
        elif name == "coalition_propose":
            table._begin("propose")
        elif name == "coalition_invite":
            table._begin("invite")
        elif name == "facilitator":
            app.push(FacilitatorScene(app))
    elif name == "table_bot":
        _start(app)
        _bots_until(app, lambda s: s.state.phase == PHASE_ACTIONS and s.is_bot(s.current()))
        app.goto(TableScene(app))
    elif name == "summary":
        _start(app)
        _bots_until(app, lambda s: s.needs_engine() == "resolution")
        app.goto(SummaryScene(app))
    elif name.startswith("debrief"):
        app.options.windtunnel_games = 12  # the wind tunnel's speed is a benchmark; here only its drawing counts
        _start(app)
        _bots_until(app, lambda s: s.over())
        tab = name.partition("_")[2] or "outcome"
        app.goto(DebriefScene(app, tab=tab))
        if tab == "windtunnel":
            assert app.top.job.wait(60), "the wind tunnel did not finish"
            app.step(0.01)
    elif name == "settings":
        app.push(SettingsScene(app))
    elif name == "howto":
        app.push(HowToScene(app))
    elif name == "content_check":
        app.push(ContentCheckScene(app))
    elif name == "load":
        from game.ui.scenes.load import LoadScene

        _start(app)  # a saved game in the list
        _bots_until(app, lambda s: s.state.round == 2)
        broken = app.session.saver.path.with_name("spel-samendam-2-20260101T100000.json")
        broken.write_bytes(app.session.saver.path.read_bytes()[:200])  # and one cut off by a crash
        app.goto(LoadScene(app))
        damaged = next(i for i in map(app.top.save_info, app.top.saves) if i.problem is not None)
        app.top.open(damaged)
    elif name == "compare":
        from game.paths import user_dir

        open_compare(app, compare_logs(app.content, user_dir("logs")))
    else:
        raise ValueError(name)
    app.draw()
