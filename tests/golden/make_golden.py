"""Regenerate the golden games (only when a rules change is intended): python tests/golden/make_golden.py

Each file holds a setup with its seed, the full action list and the expected end: indicators, progress and
outcome. The test replays the actions and compares; a difference means the rules changed.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.analysis.simulate import play, table  # noqa: E402
from game.content import load_content  # noqa: E402
from game.engine import Setup, action_to_json, outcome  # noqa: E402

GAMES = [
    ("samendam_balanced", "samendam", "eenzaamheid_ouderen", "balanced", 4, 11),
    ("ikhoven_top_down", "ikhoven", "schulden", "top_down", 5, 22),
    ("staatsburcht_citizen", "staatsburcht", "laaggeletterdheid", "citizen_platform", 3, 33),
]


def main() -> None:
    content = load_content().content
    here = Path(__file__).parent
    for name, scenario, challenge, strategy, seats, seed in GAMES:
        setup = Setup(scenario, challenge, table(content, seats, strategy), 5, seed)
        state = play(content, setup)
        data = {
            "setup": setup.to_json(),
            "actions": [action_to_json(a) for a in state.actions],
            "expected": {
                "indicators": list(state.ind),
                "progress": round(state.progress, 6),
                "outcome": outcome(state).to_json(),
                "rounds_played": len(state.history) - 1,
            },
        }
        (here / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(name, data["expected"]["outcome"])


if __name__ == "__main__":
    main()
