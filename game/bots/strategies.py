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


STRATEGIES: dict[str, Profile] = {
    "passive": Profile(name="passive", passive=True, coalition=False, seize=False),
    "solo": Profile(
        name="solo",
        coalition=False,
        signatures=("start_initiative", "jobs", "social_enterprise", "spot_vulnerable", "mobilise"),
    ),
    "top_down": Profile(
        name="top_down",
        lead_roles=("wethouder",),
        money_first=True,
        signatures=("convene", "grant", "sponsor", "jobs", "spot_vulnerable", "start_initiative"),
    ),
    "citizen_platform": Profile(
        name="citizen_platform",
        lead_roles=("inwoner",),
        member_roles=("inwoner", "bedrijf", "professional"),
        talk=True,
        signatures=("start_initiative", "mobilise", "cut_red_tape", "sponsor", "expertise", "grant"),
    ),
    "balanced": Profile(
        name="balanced",
        lead_roles=("inwoner", "professional", "bedrijf", "wethouder"),
        facts=True,
        talk=True,
        learning=True,
        goal_care=True,
        signatures=(
            "organise_learning",
            "convene",
            "start_initiative",
            "sponsor",
            "spot_vulnerable",
            "mobilise",
            "cut_red_tape",
            "jobs",
        ),
    ),
}

# How a role prefers to serve in a coalition, when it does not lead.
ROLE_SEATS = {
    "bedrijf": ("financier", "doer", "connector", "knowledge"),
    "professional": ("knowledge", "doer", "connector", "financier"),
    "wethouder": ("connector", "financier", "doer", "knowledge"),
    "inwoner": ("doer", "connector", "knowledge", "financier"),
}
