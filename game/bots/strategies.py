"""Named strategies: sets of preferences, the same in every scenario.

No strategy reads the scenario's id. What differs between scenarios comes out of the rules and the content,
so a simulation shows what a group of people with these preferences would meet in each future.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    money_first: bool = False  # invests money before anything else
    signatures: tuple = ()  # signature actions it likes, in order
    seize: bool = True  # seizes opportunities on trend cards


def profile_of(content, name: str) -> Profile:
    """The named strategy of the content (content/strategies) as a Profile; a KeyError for an unknown name."""
    strategy = content.strategies[name]
    return Profile(
        name=strategy.id,
        passive=strategy.passive,
        coalition=strategy.coalition,
        lead_roles=tuple(strategy.lead_roles),
        member_roles=tuple(strategy.member_roles),
        facts=strategy.facts,
        talk=strategy.talk,
        learning=strategy.learning,
        goal_care=strategy.goal_care,
        money_first=strategy.money_first,
        signatures=tuple(strategy.signatures),
        seize=strategy.seize,
    )
