"""A cause list adds up to the change it explains: the resolution's parts, and a round's summary."""

from __future__ import annotations

import pytest

from game.analysis.explain import resolution_causes
from game.analysis.simulate import play, table
from game.engine import apply_in_place, new_game
from game.engine.rulebook import Setup
from game.engine.vocabulary import INDICATORS


@pytest.mark.parametrize("strategy", ["balanced", "citizen_platform", "top_down", "passive"])
def test_the_resolutions_causes_add_up_and_the_limit_is_named_only_at_a_limit(content, strategy):
    for seed in range(5):
        for scenario in sorted(content.scenarios):
            state = play(
                content, Setup(scenario, sorted(content.challenges)[seed % 6], table(content, 4, strategy), 5, seed)
            )
            now = new_game(content, state.book.setup)
            for action in state.actions:
                before = now.copy()
                apply_in_place(now, action)
                if action.kind != "resolve_round":
                    continue
                for lang in ("nl", "en"):
                    causes = resolution_causes(before, now, lang)
                    for i, parts in enumerate(causes):
                        assert sum(d for d, _ in parts) == now.ind[i] - before.ind[i], (INDICATORS[i], parts)
                        assert all(d and text and "{" not in text for d, text in parts)
                        limit = {"nl": "grens van 0 tot 100", "en": "the 0-100 limit"}[lang]
                        if any(text == limit for _, text in parts):
                            assert now.ind[i] in (0, 100)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_round_summary_explains_each_indicators_whole_change(lang):
    from tests.screens import open_screen
    from tests.ui_driver import new_app, step

    app = new_app()
    app.settings.lang = lang
    app.apply_settings()
    open_screen(app, "summary")
    step(app, 2)
    scene = app.top
    assert scene.name == "summary"
    state = app.session.state
    for i, _ in enumerate(INDICATORS):
        causes = scene.causes(i, lang)
        assert sum(d for d, _ in causes) == state.ind[i] - scene.start.ind[i]
        assert all(cause and "{" not in cause for _, cause in causes)


def test_the_summary_merges_repeated_causes_and_still_adds_up():
    from game.analysis.explain import cause_phrase, merged_causes

    causes = [
        (1, "Bas (Inwoners): Bewonersinitiatief starten"),
        (-2, "de economie"),
        (1, "Bas (Inwoners): Bewonersinitiatief starten"),
    ]
    merged = merged_causes(causes)
    assert merged == [(2, "Bas (Inwoners): Bewonersinitiatief starten", 2), (-2, "de economie", 1)]
    assert sum(d for d, _, _ in merged) == sum(d for d, _ in causes)
    assert cause_phrase(*merged[0], "nl") == "Bas (Inwoners): Bewonersinitiatief starten ×2 (+2)"
    assert cause_phrase(0, "grens van 0 tot 100", 2, "nl") == "grens van 0 tot 100 ×2 (±0)"
