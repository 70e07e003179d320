"""Pydantic models of the game's content: scenarios, trends, roles, challenges, actions, knobs, rules.

Every model is frozen and forbids unknown fields, so a typo in a content file is reported instead of
silently ignored. Numbers that a trainer may edit carry their bounds in the type (see `bounded`), which
also gives the error message its words: "expected a whole number between -20 and 20, got 'veel'".
Cross-references between files are checked in `references.py`, after all files are read.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

# The structural vocabulary is the engine's (game.engine.vocabulary, game.engine.actions); the Literal types
# below are made of the same tuples, for pydantic.
from game.engine.actions import GENERIC_KINDS  # noqa: E402
from game.engine.vocabulary import CATEGORIES, COALITION_ROLES, INDICATORS, RESOURCES  # noqa: E402

from .phrases import ContentValueError, Count, Phrase, Term, both, shown

__all__ = ["CATEGORIES", "COALITION_ROLES", "INDICATORS", "RESOURCES"]

Resource = Literal[RESOURCES]
Indicator = Literal[INDICATORS]
Economy = Literal["growth", "mild_shrinkage", "heavy_shrinkage"]
CoalitionRole = Literal[COALITION_ROLES]
Category = Literal[CATEGORIES]
Level = Literal["low", "medium", "high"]
ID_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"  # messages.py names these two in plain words
Identifier = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="a short id of lowercase letters, digits and _, starting with a letter",
    ),
]


def bounded(lo: int, hi: int) -> Any:
    """A whole number between lo and hi, with a message that says so (YAML `yes` is not a number)."""

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ContentValueError("content.whole_number", lo=lo, hi=hi, got=shown(value))
        if not lo <= value <= hi:
            raise ContentValueError("content.whole_number", lo=lo, hi=hi, got=value)
        return value

    # the JSON Schema (python -m game schema) cannot see inside `check`: it gets the bounds this way
    return Annotated[int, BeforeValidator(check), WithJsonSchema({"type": "integer", "minimum": lo, "maximum": hi})]


def fraction(lo: float, hi: float) -> Any:
    """A number (decimals allowed) between lo and hi."""

    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ContentValueError("content.number", lo=lo, hi=hi, got=shown(value))
        if not lo <= value <= hi:
            raise ContentValueError("content.number", lo=lo, hi=hi, got=value)
        return float(value)

    return Annotated[float, BeforeValidator(check), WithJsonSchema({"type": "number", "minimum": lo, "maximum": hi})]


def file_name(folder: str, example: str) -> Any:
    """The plain name of a file in assets/<folder>: no folders, no way out of that folder.

    Letters, digits, `_`, `-` and `.`, starting with a letter or digit, at most 64 characters and never
    `..`; so `/`, `\\`, drive letters (`C:`), absolute paths and NUL are all refused, and so are Windows'
    device names (`CON`, `NUL.svg`, `COM1`). Empty means none.
    """

    def check(value: str) -> str:
        if value and (not _FILE_NAME.fullmatch(value) or ".." in value or _windows_device(value)):
            raise ContentValueError("content.file_name", folder=folder, example=example, got=shown(value))
        return value

    return Annotated[str, AfterValidator(check)]


_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_DEVICES = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}


def _windows_device(name: str) -> bool:
    """Whether Windows would open a device (CON, NUL, COM1, ...) instead of a file of this name."""
    return name.split(".")[0].lower() in _DEVICES


IconName = file_name("icons", "wethouder.svg")
EmblemName = file_name("emblems", "samendam.svg")

Effect = bounded(-20, 20)
SmallEffect = bounded(-5, 5)
Amount = bounded(0, 20)


class Model(BaseModel):
    """Base of all content models: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


# How long a player-facing text may be. A text is drawn on a card or a panel of a fixed size, and a runaway
# text (a pasted document, a word of 300,000 letters) must be refused with a plain message when the content
# loads, not shown as a card that is all ellipsis. The limits are generous: the longest built-in texts are a
# name of 48 characters (a knob), a card text of 689 (trend texts are meant to be 60-120 words, ~850
# characters), a scenario description of 1,616 (meant to be 150-300 words) and a word of 23 letters
# ("participatiesamenleving"). Long Dutch compounds ("arbeidsongeschiktheidsverzekering", 33) and a short web
# address stay well within a word's 60; a word longer than its box is still broken over lines when drawn.
TITLE_CHARS = 120
TEXT_CHARS = 1_200
LONG_TEXT_CHARS = 3_000
WORD_CHARS = 60


def check_length(value: str, most: int, where: Term) -> str:
    """`value` when it is at most `most` characters long with no word over WORD_CHARS; else a ValueError whose
    words a trainer understands (`where` says where the text goes: Term("content.fits", "card") "fit on a
    card"), naming both when both."""
    wrong = []
    if not any(unicodedata.category(ch)[0] in "LNPS" for ch in value):
        # only spaces, zero-width or control characters: nothing to see on a card or a button
        wrong.append(Phrase("content.text.invisible"))
    if len(value) > most:
        wrong.append(Phrase("content.text.too_long", length=Count(len(value)), most=Count(most), where=where))
    if len(value) > WORD_CHARS and max(map(len, value.split()), default=0) > WORD_CHARS:
        longest = max(value.split(), key=len)
        word = f'"{longest}"' if len(longest) <= 80 else f'"{longest[:57]}..."'  # whole, unless far too long
        wrong.append(Phrase("content.text.long_word", word=word, length=Count(len(longest)), most=WORD_CHARS))
    if wrong:
        whole = both(wrong)
        raise ContentValueError(whole.key, **whole.params)
    return value


class Text(Model):
    """A player-facing text in Dutch and English, both required (the English game must never show Dutch
    unannounced): at most 1,200 characters (see TEXT_CHARS)."""

    MOST: ClassVar[int] = TEXT_CHARS
    WHERE: ClassVar[Term] = Term("content.fits", "card")

    nl: str = Field(min_length=1, description="the Dutch text")
    en: str = Field(min_length=1, description="the English text")

    @field_validator("nl", "en")
    @classmethod
    def _fits(cls, value: str) -> str:
        return check_length(value, cls.MOST, cls.WHERE)

    def get(self, lang: str) -> str:
        """The text in `lang` (English for "en", else Dutch)."""
        return self.en if lang == "en" else self.nl


class Title(Text):
    """A title or a name (of a card, role, action, challenge, scenario, knob): at most 120 characters."""

    MOST: ClassVar[int] = TITLE_CHARS
    WHERE: ClassVar[Term] = Term("content.fits", "title")


class LongText(Text):
    """A text with a scrolling panel of its own (a scenario's description): at most 3,000 characters."""

    MOST: ClassVar[int] = LONG_TEXT_CHARS
    WHERE: ClassVar[Term] = Term("content.fits", "description")


class Effects(Model):
    """What a trend card (or its opportunity) does when it is applied."""

    indicators: dict[Indicator, Effect] = Field(
        default_factory=dict, description="change of each municipal indicator (0-100 scale)"
    )
    resources: dict[Resource, SmallEffect] = Field(default_factory=dict, description="change of every seat's resources")
    role_resources: dict[Identifier, dict[Resource, SmallEffect]] = Field(
        default_factory=dict, description="extra change of the resources of seats with this role"
    )
    progress: bounded(-15, 15) = Field(default=0, description="change of the challenge's progress (%)")
    need: dict[Resource, bounded(-3, 3)] = Field(
        default_factory=dict, description="lasting change of what the challenge needs per round"
    )
    trust: bounded(-2, 2) = Field(default=0, description="change of trust between every pair of seats")


class Opportunity(Model):
    """A chance on a trend card that a seat can seize in the round the card is drawn."""

    text: Text = Field(description="what the opportunity is")
    cost: dict[Resource, Amount] = Field(description="resources the seizing seat pays")
    effects: Effects = Field(description="what seizing it does")


class Response(Model):
    """One answer the table can give to a trend card's dilemma: what it does everywhere, and under a scenario."""

    id: Identifier
    stance: Identifier = Field(description="the kind of answer (a stance id of rules.yaml: let_go, take_back, ...)")
    text: Title = Field(description="the answer in one sentence, as the table reads it on the card")
    effects: Effects = Field(default_factory=Effects, description="what the answer does in every scenario")
    modifiers: dict[Identifier, Effects] = Field(
        default_factory=dict, description="extra effects under a scenario, by scenario id"
    )


def own_ids(items: list, who: str) -> list:
    """`items` when each has its own id; else a ValueError that says `who` (content.who.<who>: "answers",
    "moves", "actors") needs its own id."""
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise ContentValueError("content.own_ids", who=Term("content.who", who), ids=", ".join(ids))
    return items


def check_answers(value: list) -> list:
    """A dilemma's answers: none, or two or three with their own ids and stances."""
    if value and not 2 <= len(value) <= 3:
        raise ContentValueError("content.answer_count", count=len(value))
    own_ids(value, "answers")
    stances = [r.stance for r in value]
    if len(set(stances)) != len(stances):
        raise ContentValueError("content.own_stances", stances=", ".join(stances))
    return value


class Trend(Model):
    """One of the core trends (kerntrends): a card drawn at the start of a round."""

    id: Identifier
    title: Title = Field(description="the card's title")
    text: Text = Field(description="the card's text, read aloud to the group (60-120 words)")
    category: Category = Field(description="the trend's category (colour on the card)")
    certainty: Level = Field(description="how certain it is that the trend continues")
    impact: Level = Field(description="how large its impact on the social domain is")
    effects: Effects = Field(description="what the card does in every scenario")
    modifiers: dict[Identifier, Effects] = Field(
        default_factory=dict, description="extra effects under a scenario, by scenario id"
    )
    opportunity: Optional[Opportunity] = Field(default=None, description="an optional chance to seize")
    responses: list[Response] = Field(
        default_factory=list,
        description="the dilemma: two or three answers the table chooses between (none: the card is no dilemma)",
    )
    question: Text = Field(description="the discussion question for the group")

    def response(self, response_id: str) -> Optional[Response]:
        """The answer of this card's dilemma with `response_id`, if it has one."""
        return next((r for r in self.responses if r.id == response_id), None)

    @field_validator("responses")
    @classmethod
    def _two_or_three_answers(cls, value: list) -> list:
        return check_answers(value)


class ActionEffects(Model):
    """The generic effects of an action; the engine adds the mechanics of its kind."""

    self_resources: dict[Resource, SmallEffect] = Field(
        default_factory=dict, description="resources the acting seat gains (or loses)"
    )
    target_resources: dict[Resource, SmallEffect] = Field(
        default_factory=dict, description="resources the target seat gains"
    )
    pot: dict[Resource, SmallEffect] = Field(
        default_factory=dict, description="resources added to the actor's coalition pot this round"
    )
    indicators: dict[Indicator, bounded(-10, 10)] = Field(
        default_factory=dict, description="change of municipal indicators"
    )
    progress: bounded(-10, 10) = Field(default=0, description="direct change of the challenge's progress")
    trust_target: bounded(-3, 3) = Field(default=0, description="trust change with the target seat")
    trust_coalition: bounded(-3, 3) = Field(
        default=0, description="trust change between all members of the actor's coalition"
    )
    trust_all: bounded(-3, 3) = Field(default=0, description="trust change between the actor and every seat")
    resilience: bounded(0, 10) = Field(
        default=0, description="points of later trend losses to progress that are absorbed"
    )
    reveal: bool = Field(default=False, description="reveals the challenge's hidden needs and the next trend")
    need: dict[Resource, bounded(-3, 3)] = Field(
        default_factory=dict, description="lasting change of what the challenge needs per round (a price paid later)"
    )


# The engine's rules that an action carries out (ActionDef.kind). The game cannot do without an action of
# each REQUIRED_ACTIONS kind (a content pack may change them but not drop them); "signature" is optional.
REQUIRED_ACTIONS = GENERIC_KINDS
ActionKind = Literal[(*REQUIRED_ACTIONS, "signature")]


class ActionDef(Model):
    """An action a seat can take: its cost, its target and its effects."""

    id: Identifier
    kind: ActionKind = Field(description="which rule of the engine carries it out")
    name: Title = Field(description="the action's name on its button")
    description: Text = Field(description="one sentence on what it does")
    role: Optional[Identifier] = Field(default=None, description="the role that owns this signature action")
    ap: bounded(0, 2) = Field(default=1, description="action points it costs")
    cost: dict[Resource, Amount] = Field(default_factory=dict, description="resources it costs")
    target: Literal["none", "seat"] = Field(default="none", description="whether it names another seat")
    needs_coalition: bool = Field(default=False, description="only a coalition member may take it")
    effects: ActionEffects = Field(default_factory=ActionEffects, description="what it does")


class PrivateGoal(Model):
    """A seat's private goal ("what's in it for me"), shown only to that seat."""

    id: Identifier
    text: Text = Field(description="the goal as the seat reads it")
    kind: Literal[
        "indicator_at_least",
        "resource_at_least",
        "vital_rounds_at_least",
        "progress_at_least",
        "trust_at_least",
    ] = Field(description="how the goal is measured")
    target: Optional[str] = Field(
        default=None, description="the indicator or resource measured (for *_at_least on those)"
    )
    value: bounded(0, 100) = Field(description="the value to reach by the end of the game")


class Role(Model):
    """A seat's role: wethouder, inwoner, bedrijf or professional."""

    id: Identifier
    name: Title = Field(description="the role's name")
    description: Text = Field(description="who plays this role")
    icon: IconName = Field(
        default="",
        description="the icon's file name: an SVG or PNG (at most 512 KB) in the pack's icons/ folder or the game's "
        "assets/icons",
    )
    order: bounded(0, 1000) = Field(default=100, description="its place in lists and on the setup (lower first)")
    start: dict[Resource, Amount] = Field(description="resources at the start")
    income: dict[Resource, bounded(0, 10)] = Field(description="resources gained each round")
    signature_actions: list[Identifier] = Field(min_length=1, max_length=4, description="action ids")
    private_goals: list[PrivateGoal] = Field(min_length=2, description="goals, one drawn per seat")
    coalition_roles: list[CoalitionRole] = Field(
        default_factory=list,
        description="how a computer player of this role prefers to serve in a coalition it does not lead, in "
        "order (empty: the coalition roles in their usual order)",
    )
    builds_facts: bool = Field(
        default=False,
        description="computer players let the first seat of this role build the fact foundation (when no role "
        "is marked, the seat that founds the coalition does)",
    )


class Kvd(Model):
    """A candidate Krachtig Verbindend Doel (powerful connecting goal) for a coalition."""

    id: Identifier
    text: Text = Field(description="the goal in one sentence")
    appeal: list[Identifier] = Field(
        default_factory=list, description="roles that recognise this goal as their own (trust bonus)"
    )


class Challenge(Model):
    """A municipal challenge (opgave) the group works on."""

    id: Identifier
    name: Title = Field(description="the challenge's name")
    description: Text = Field(description="what is at stake, in a few sentences")
    need: dict[Resource, bounded(0, 20)] = Field(description="what a vital coalition must pool each round")
    hidden_need: dict[Resource, bounded(0, 10)] = Field(
        default_factory=dict, description="need that only building facts reveals"
    )
    impact: dict[Indicator, bounded(0, 30)] = Field(
        default_factory=dict, description="indicator gain when the challenge is fully realised"
    )
    kvds: list[Kvd] = Field(min_length=3, description="candidate powerful connecting goals")


class Requirement(Model):
    """A condition a scenario sets on an action (e.g. initiatives need the wethouder's permission)."""

    coalition_with_role: Identifier = Field(description="the actor must share a coalition with this role")
    reason: Text = Field(description="why, shown when the action is not allowed")


class LeadRound(Model):
    """What a coalition led by a role meets at every round's resolution under a scenario (its price or reward)."""

    trust: bounded(-3, 3) = Field(default=0, description="trust change between every two members")
    indicators: dict[Indicator, bounded(-10, 10)] = Field(
        default_factory=dict, description="change of municipal indicators"
    )


class CoalitionCriteria(Model):
    """When a coalition counts as vital (defaults are the base rules), and what its make-up yields."""

    min_roles: bounded(1, 5) = Field(default=3, description="distinct roles among the members")
    required_roles: list[Identifier] = Field(default_factory=list, description="roles that must be members")
    lead_roles: list[Identifier] = Field(
        default_factory=list, description="if not empty, the lead must have one of these roles"
    )
    forbidden_lead_roles: list[Identifier] = Field(default_factory=list, description="roles that may not lead")
    trust_threshold: bounded(0, 10) = Field(default=5, description="lowest trust between two members")
    all_members_contribute: bool = Field(default=False, description="every member must invest each round")
    goals_must_advance: bool = Field(default=False, description="members whose private goal did not move may walk out")
    walkout_chance: fraction(0, 1) = Field(default=0.0, description="chance that such a member walks out")
    lead_yield: dict[Identifier, fraction(0, 3)] = Field(
        default_factory=dict, description="per role id: how much a coalition led by that role yields (1 = as usual)"
    )
    member_yield: dict[Identifier, fraction(-1, 1)] = Field(
        default_factory=dict, description="per role id: yield added for each member of that role"
    )
    lead_round: dict[Identifier, LeadRound] = Field(
        default_factory=dict, description="per role id: what a coalition led by that role meets every round"
    )
    unknown_need_factor: Optional[fraction(0, 1)] = Field(
        default=None, description="share of the gain while the needs are not known (none: the base rules' share)"
    )


class ScenarioRules(Model):
    """The scenario's rules as data: how it changes the economy and the criteria."""

    income_multipliers: dict[Identifier, fraction(0, 3)] = Field(
        default_factory=dict, description="income multiplier per role id"
    )
    indicator_drift: dict[Indicator, bounded(-10, 10)] = Field(
        default_factory=dict, description="change of indicators each round, added to its economy's (rules.yaml)"
    )
    coalition: CoalitionCriteria = Field(default_factory=CoalitionCriteria)
    action_costs: dict[Identifier, dict[Resource, bounded(-5, 5)]] = Field(
        default_factory=dict, description="extra (or, negative, lower) resource cost per action id"
    )
    action_effects: dict[Identifier, ActionEffects] = Field(
        default_factory=dict, description="extra effects per action id"
    )
    action_requirements: dict[Identifier, list[Requirement]] = Field(
        default_factory=dict, description="conditions per action id"
    )
    cards_per_round: list[bounded(1, 3)] = Field(
        default_factory=lambda: [1, 1, 1, 2, 2], description="trend cards drawn in each round"
    )
    progress_multiplier: fraction(0.2, 3) = Field(default=1.0, description="scales coalition progress")


class ActorWhen(Model):
    """When an actor's move happens: every condition given must hold at that moment."""

    from_round: bounded(1, 10) = Field(default=1, description="the first round it can happen in")
    until_round: bounded(1, 10) = Field(default=10, description="the last round it can happen in")
    lead: list[Identifier] = Field(
        default_factory=list, description="(towards a coalition) the coalition is led by one of these roles"
    )
    with_roles: list[Identifier] = Field(
        default_factory=list, description="(towards a coalition) the coalition has a member of each of these roles"
    )
    members_at_least: bounded(0, 6) = Field(
        default=0, description="(towards a coalition) the coalition has at least this many members"
    )
    progress_below: Optional[bounded(1, 100)] = Field(
        default=None, description="the challenge's progress is below this (%)"
    )
    indicator_below: dict[Indicator, bounded(1, 100)] = Field(
        default_factory=dict, description="each of these indicators is below its value"
    )
    indicator_at_least: dict[Indicator, bounded(0, 100)] = Field(
        default_factory=dict, description="each of these indicators is at least its value"
    )
    no_vital_coalition: bool = Field(
        default=False, description="(at the resolution, towards the table) no coalition was vital this round"
    )

    def about_a_coalition(self) -> bool:
        """Whether a condition reads a coalition (lead, roles, members)."""
        return bool(self.lead or self.with_roles or self.members_at_least)


class Match(Model):
    """An actor matches what the members of a role put into the challenge."""

    role: Identifier = Field(description="the role whose investment is matched")
    share: fraction(0.1, 2) = Field(description="units given for each unit those members invested this round")
    resource: Resource = Field(default="money", description="the resource the actor gives")


class ActorMove(Model):
    """What an actor (the region, the national government) does in this future, and when."""

    id: Identifier
    name: Title = Field(description="the move in a few words, as the table and the round summary show it")
    text: Text = Field(description="what the actor does and on what conditions, in one or two sentences")
    at: Literal["round_start", "resolution"] = Field(
        default="resolution", description="when it happens: as a round starts, or at the round's resolution"
    )
    towards: Literal["table", "coalition"] = Field(
        default="table", description="the whole table, or each coalition that meets the conditions"
    )
    when: ActorWhen = Field(default_factory=ActorWhen, description="the conditions")
    once: bool = Field(default=False, description="it happens at most once a game")
    fund: dict[Resource, bounded(0, 10)] = Field(
        default_factory=dict, description="(towards a coalition) resources put into its pot, from the budget"
    )
    match: Optional[Match] = Field(
        default=None, description="(towards a coalition) matching of a role's investment, from the budget"
    )
    effects: Effects = Field(default_factory=Effects, description="what it does to the municipality and the table")
    responses: list[Response] = Field(
        default_factory=list,
        description="a dilemma it puts to the table: two or three answers (only as a round starts, towards the table)",
    )

    @model_validator(mode="after")
    def _fits_its_moment(self) -> ActorMove:
        if self.towards == "table" and (self.fund or self.match or self.when.about_a_coalition()):
            raise ContentValueError("content.move.table_reads_coalition")
        if self.towards == "coalition" and self.at == "round_start":
            raise ContentValueError("content.move.coalition_at_start")
        if self.responses and (self.at != "round_start" or self.towards != "table"):
            raise ContentValueError("content.move.dilemma_moment")
        if self.when.no_vital_coalition and (self.at != "resolution" or self.towards != "table"):
            raise ContentValueError("content.move.no_vital_moment")
        if self.when.from_round > self.when.until_round:
            raise ContentValueError("content.move.rounds", first=self.when.from_round, last=self.when.until_round)
        check_answers(self.responses)
        return self


class Actor(Model):
    """The region or the national government (or another party) as it acts in one future."""

    id: Identifier
    name: Title = Field(description="the actor's name, as the table shows it")
    level: Literal["region", "national", "other"] = Field(
        default="other", description="which of the scenario's descriptions (region, national_government) it acts on"
    )
    budget: bounded(0, 60) = Field(default=0, description="resource units it can give over the whole game")
    moves: list[ActorMove] = Field(min_length=1, max_length=4, description="what it does")

    @field_validator("moves")
    @classmethod
    def _own_ids(cls, value: list) -> list:
        return own_ids(value, "moves")


class Scenario(Model):
    """One of the futures: Samendam, Ikhoven, Staatsburcht, or a content pack's own."""

    id: Identifier
    name: Title = Field(description="the scenario's name")
    motto: Title = Field(description="its motto in a few words")
    in_short: Optional[Text] = Field(
        default=None,
        description="how this future changes the rules, in one or two sentences (the how-to's page of futures; "
        "its motto when left out)",
    )
    description: LongText = Field(description="the future described for the group (150-300 words)")
    color: str = Field(pattern=COLOUR_PATTERN, description='the accent colour, like "#2a7f62"')
    emblem: EmblemName = Field(
        default="",
        description="the emblem's file name: an SVG or PNG (at most 512 KB) in the pack's emblems/ folder or the "
        "game's assets/emblems; none: a disc in its colour with its initial",
    )
    order: bounded(0, 1000) = Field(default=100, description="its place in lists and on the setup (lower first)")
    economy: Economy = Field(
        description="economic course: it moves the indicators each round as rules.yaml's economy_drift says "
        "(before the scenario's own indicator_drift is added)"
    )
    national_government: Text = Field(description="the role of the national government (het rijk)")
    municipality: Text = Field(description="the role of the municipality")
    region: Text = Field(description="the role of the region")
    rules: ScenarioRules = Field(default_factory=ScenarioRules)
    actors: list[Actor] = Field(
        default_factory=list, max_length=4, description="the region, the national government, ...: who acts"
    )
    reflection_questions: list[Text] = Field(min_length=4, description="questions for the debrief")

    @field_validator("actors")
    @classmethod
    def _own_actor_ids(cls, value: list) -> list:
        return own_ids(value, "actors")


class KnobReading(Model):
    """What it means to have turned a knob little, somewhat or far."""

    low: Text
    medium: Text
    high: Text


class Knob(Model):
    """One of the five knobs (vijf knoppen) of social sustainability."""

    id: Identifier
    number: bounded(1, 9) = Field(description="its number in the list of knobs")
    name: Title = Field(description="the knob's name")
    description: Text = Field(description="what turning this knob means")
    actions: dict[Identifier, fraction(0, 5)] = Field(description="weight of each action id that turns it")
    full_at: fraction(1, 100) = Field(description="weighted uses at which the knob counts as fully turned")
    reading: KnobReading = Field(description="one sentence per level")
    lasting: Effects = Field(
        default_factory=Effects,
        description="what a knob turned far does at every later round's resolution, in every scenario",
    )
    modifiers: dict[Identifier, Effects] = Field(
        default_factory=dict, description="extra lasting effects under a scenario, by scenario id"
    )


class Expectation(Model):
    """What the balance lab should find for a strategy under one scenario (a teaching target)."""

    at_least: Optional[fraction(0, 1)] = Field(default=None, description="realised share at least this")
    at_most: Optional[fraction(0, 1)] = Field(default=None, description="realised share at most this")
    near_best: Optional[fraction(0, 1)] = Field(
        default=None, description="at most this far (a share) below the scenario's best profile"
    )


class Strategy(Model):
    """A computer player's way of playing: its preferences, the same in every scenario (see game.bots)."""

    id: Identifier
    order: bounded(0, 1000) = Field(default=100, description="its place in lists and in `simulate --strategy all`")
    description: Text = Field(description="the way of playing in a sentence or two, for the trainer")
    passive: bool = Field(default=False, description="does nothing at all")
    coalition: bool = Field(default=True, description="forms and joins coalitions")
    lead_roles: list[Identifier] = Field(
        default_factory=list, description="role ids that should lead, in order (the first at the table founds)"
    )
    member_roles: list[Identifier] = Field(
        default_factory=list, description="role ids worth inviting (empty: every role)"
    )
    facts: bool = Field(default=False, description="builds the fact foundation before investing")
    talk: bool = Field(default=False, description="holds kitchen-table talks until trust is high enough")
    learning: bool = Field(default=False, description="organises learning")
    goal_care: bool = Field(default=False, description="looks after its own private goal (and so stays in)")
    fairness: bool = Field(
        default=False, description="looks after the vulnerable: raises equality once the gaps have grown"
    )
    money_first: bool = Field(default=False, description="invests money before anything else")
    signatures: list[Identifier] = Field(default_factory=list, description="signature action ids it likes, in order")
    seize: bool = Field(default=True, description="seizes the opportunities on trend cards")
    stance: str = Field(
        default="", description="the kind of answer it gives a dilemma (a stance id of rules.yaml; none: it leans)"
    )
    expect: dict[Identifier, Expectation] = Field(
        default_factory=dict, description="scenario id -> what the balance lab should find (python -m game lab)"
    )


class Stance(Model):
    """A kind of answer to a dilemma (let go, take back, protect, invest): the bots and the lab choose by it."""

    id: Identifier
    name: Title = Field(description="the stance's name")


class Rules(Model):
    """The base numbers of the game, tuned so that the teaching property holds."""

    action_points: bounded(1, 5) = 2
    table_roles: list[Identifier] = Field(
        default_factory=list,
        max_length=6,
        description="the roles of seats 1-6 when a table is made without choosing (setup, simulate); "
        "empty: the roles in their order, round and round",
    )
    default_rounds: bounded(1, 10) = 5
    default_strategy: Identifier = Field(
        default="balanced", description="the strategy of a computer player when none is chosen (a strategy id)"
    )
    years_per_round: bounded(1, 5) = 3
    start_trust: bounded(0, 10) = 3
    start_indicators: dict[Indicator, bounded(0, 100)] = Field(default_factory=dict)
    invest_cap: bounded(1, 20) = Field(default=6, description="most resource units one invest action moves")
    offer_max: bounded(1, 10) = Field(default=3, description="most units one offer gives")
    alone_factor: fraction(0, 5) = Field(default=0.5, description="progress per unit invested alone")
    partial_gain: fraction(0, 1) = Field(
        default=0.5,
        description="a coalition that meets only part of the criteria gains this share of a vital one's gain, "
        "times the share of the criteria it meets",
    )
    vital_gain: fraction(0, 60) = Field(default=20, description="progress of a vital coalition at full coverage")
    synergy_per_role: fraction(0, 1) = Field(default=0.1, description="bonus per distinct role beyond the minimum")
    kvd_yield: fraction(0, 1) = Field(
        default=0.0,
        description="yield added for each member whose role the coalition's KVD speaks to (its `appeal`): a goal "
        "the members recognise as their own",
    )
    unknown_need_factor: fraction(0, 1) = Field(
        default=0.7, description="share of a vital coalition's gain while the needs are not known"
    )
    realised_at: bounded(1, 100) = 100
    resilience_max: fraction(0, 100) = Field(
        default=6, description="the most points of later losses to progress that learning can hold in store"
    )
    need_seats: bounded(2, 6) = Field(
        default=4, description="the table size the challenges' needs are written for; other tables need in proportion"
    )
    fairness_max_drop: bounded(0, 100) = Field(
        default=10,
        description="a won game is fair when equality ends at most this many points below its start (the balance "
        "lab reports the share of won games that are not)",
    )
    partly_at: bounded(0, 100) = 50
    economy_drift: dict[Economy, dict[Indicator, bounded(-10, 10)]] = Field(
        default_factory=dict,
        description="per economic course of a scenario (its `economy`): the change of indicators each round",
    )
    stances: list[Stance] = Field(default_factory=list, description="the kinds of answer a dilemma's answers have")
    impact_scale: dict[Level, fraction(0, 3)] = Field(
        default_factory=lambda: {"low": 0.5, "medium": 1.0, "high": 1.5},
        description="per impact level of a trend card: how strongly its dilemma's answers work",
    )
    certainty_chance: dict[Level, fraction(0, 1)] = Field(
        default_factory=lambda: {"low": 0.5, "medium": 0.75, "high": 1.0},
        description="per certainty level of a trend card: the chance that its trend comes about when drawn",
    )
    knob_medium_at: fraction(0, 1) = Field(
        default=0.34, description="share of fully turned from which the debrief calls a knob somewhat turned"
    )
    knob_high_at: fraction(0, 1) = Field(
        default=0.67, description="share of fully turned from which the debrief calls a knob turned far"
    )
