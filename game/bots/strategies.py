"""Named strategies: sets of preferences, the same in every scenario, written in the content
(content/strategies/*.yaml) and read into a `Profile` for the bots.

No strategy reads the scenario's id. What differs between scenarios comes out of the rules and the content,
so a simulation shows what a group of people with these preferences would meet in each future.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Profile:
    """What a computer player prefers to do."""

    name: str
    passive: bool = False
    coalition: bool = True  # forms and joins coalitions
    lead_roles: tuple = ()  # who should lead, in order of preference (the first present at the table founds)
    member_roles: tuple = ()  # roles worth inviting (empty: every role)
    facts: bool = False  # builds the fact foundation before investing
    talk: bool = False  # kitchen-table talks until trust is high enough
    learning: bool = False  # organises learning
    goal_care: bool = False  # looks after its own private goal (and so stays in)
    fairness: bool = False  # looks after the vulnerable: raises equality once the gaps have grown
    money_first: bool = False  # invests money before anything else
    signatures: tuple = ()  # signature actions it likes, in order
    seize: bool = True  # seizes opportunities on trend cards
    stance: str = ""  # the kind of answer it gives a trend card's dilemma (a stance id; none: by its other leanings)


def profile_of(content, name: str) -> Profile:
    """The named strategy of the content (content/strategies) as a Profile; a KeyError for an unknown name."""
    strategy = content.strategies[name]
    values = {f.name: getattr(strategy, f.name) for f in fields(Profile) if f.name != "name"}
    return Profile(name=strategy.id, **{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})
