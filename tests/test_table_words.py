"""The table's and the summary's wording: an action's cost, a computer seat, the pot's shortfalls as one reason."""

from game.analysis.explain import reason_phrases
from game.engine.reasons import Reason, Term
from game.ui.scenes.table_pickers import split_cost
from game.words import NBSP, computer_seat, cost_words, say


def test_cost_is_a_resource_and_its_number_in_brackets():
    assert cost_words((0, 1, 0, 0), "en") == f"time:{NBSP}1"
    assert cost_words((2, 1, 0, 0), "nl") == f"geld:{NBSP}2, tijd:{NBSP}1"
    label = "Build the fact foundation " + say("table.costs", "en", what=cost_words((0, 1, 0, 0), "en"))
    assert split_cost(label) == ("Build the fact foundation", f" (time:{NBSP}1)")
    assert split_cost("Invest in the challenge") == ("Invest in the challenge", "")


def test_a_computer_seat_has_one_form():
    class Role:
        name = {"nl": "Professional", "en": "Professional"}

    assert computer_seat("Cem", Role(), "en") == f"Cem (Professional) ·{NBSP}computer"


def test_the_pots_shortfalls_are_one_reason():
    problems = [
        Reason("crit_roles", have=2, need=3),
        Reason("crit_need", resource=Term("resource", "time"), have=1, need=5),
        Reason("crit_need", resource=Term("resource", "network"), have=0, need=4),
    ]
    phrases = reason_phrases(problems, "en")
    assert phrases == [
        f"too few different roles (2{NBSP}of{NBSP}3)",
        f"the pot does not cover the need: time 1{NBSP}of{NBSP}5, network 0{NBSP}of{NBSP}4",
    ]
    assert reason_phrases(problems[:2], "nl")[1] == say("reason.crit_need", "nl", **problems[1].params)
