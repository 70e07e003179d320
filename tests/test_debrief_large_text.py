"""The debrief at large text (150 %): the knobs go on pages rather than shrink their meanings below the small
size, and the timeline keeps the round's main cause of progress (vital or not, a knob turned far) when it has to
leave lines out."""

from __future__ import annotations

from tests.screens import open_screen
from tests.ui_driver import new_app, step


def _debrief(tab: str, size=(1920, 1080), text_size=150, lang="en"):
    app = new_app(size=size)
    app.settings.text_size = text_size
    app.settings.lang = lang
    app.apply_settings()
    open_screen(app, tab)
    step(app, 2)
    return app


def test_knobs_at_large_text_are_on_pages_with_their_meanings_at_small_size_or_larger():
    from game.ui.scenes import debrief_tabs

    app = _debrief("debrief_knobs")
    scene = app.top
    body = scene.layout()["body"]
    pages = debrief_tabs._knob_pages(scene, body)
    assert len(pages) > 1
    small = app.look.size("small")
    for page in range(len(pages)):
        scene.page = page
        scene.rebuild()
        app.dirty = True
        step(app, 1)
        drawn = {r.text: r.px for r in app.frame_records}
        for k in pages[page]:
            assert drawn[f"{k.reading} {k.lasting}".strip()] >= small


def test_knobs_at_ordinary_text_are_on_one_page():
    from game.ui.scenes import debrief_tabs

    app = _debrief("debrief_knobs", size=(1280, 720), text_size=100, lang="nl")
    assert len(debrief_tabs._knob_pages(app.top, app.top.layout()["body"])) == 1


def test_the_timeline_shows_each_rounds_causes_of_progress_first():
    from game.analysis import debrief as analysis

    app = _debrief("debrief_timeline", size=(1280, 720))
    scene = app.top
    drawn = {r.text for r in app.frame_records}
    for r in scene.analysis("timeline", analysis.timeline)[:5]:
        # the causes are tried first (a long one that does not fit lets a shorter line take its place)
        for cause in r.causes[:1]:
            assert cause.rstrip(".") in drawn, cause
