"""Comparing tables: several game logs (tables of one training day, or what-if branches) side by side.

The compare screen, `python -m game compare` and the "zaalverslag" PDF all read their numbers from here: each
table's future and outcome, its indicators over the rounds, every dilemma card with each table's answer and
its effect, the coalitions and who led them, the choices that helped (measured as the wind tunnel does, in the
table's own future), and questions for the plenary discussion that come from the differences.

A log that cannot be compared (damaged, from a newer game, made with other content or another version) is
named with the reason and left out; it never stops the others from being shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Optional

from game import __version__
from game.engine.events import Founded, Joined
from game.words import coalition_role_name, say

from .debrief import Story
from .explain import effect_items
from .gamelog import LogError, read_log
from .windtunnel import run_windtunnel

MAX_TABLES = 8
CHOICE_GAMES = 60  # games per choice in the table's own future: enough to tell a clear gain (a second a table)


@dataclass(frozen=True)
class Skipped:
    """A file left out of the comparison: its name and why (a catalogue key and its details)."""

    file: str
    key: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """Why, in words a trainer understands."""
        if self.key == "log":  # a LogError's own message
            return LogError(self.params["error"], **self.params["params"]).text(lang)
        return say(f"compare.skip.{self.key}", lang, file=self.file, **self.params)


@dataclass
class Table:
    """One table's game, read back and replayed."""

    path: Path
    story: Story
    helped: dict = field(default_factory=dict)  # choice id -> its label ({"nl", "en"}), a clear gain here
    same_name: int = 0  # 2, 3, ... for the second, third table handed in under one name

    @property
    def log(self):
        return self.story.log

    @property
    def data(self) -> dict:
        return self.story.log.data

    @property
    def scenario(self) -> str:
        """The future this table played (a branch's: the one it turned to)."""
        return self.story.end.book.setup.scenario

    @property
    def session_code(self) -> Optional[str]:
        return self.data.get("session_code")

    @property
    def branch(self):
        return self.story.log.branch

    def own_name(self, lang: str = "nl") -> str:
        """The table's own name: as handed in, else its first future and the time it began ("Samendam 10:05"),
        never a file's name; "(2)" after it when another table has the same."""
        own = str(self.data.get("table") or "").strip()
        if not own:
            future = self.story.content.scenarios.get(self.log.setup.scenario)
            name = future.name.get(lang) if future is not None else self.log.setup.scenario
            own = say("compare.unnamed", lang, future=name, time=_clock(self.data.get("started")))
        return f"{own} ({self.same_name})" if self.same_name else own

    def name(self, lang: str) -> str:
        """The table's name; a branch says where it turned to which future."""
        own = self.own_name(lang)
        if self.branch is not None:
            future = self.story.content.scenarios[self.branch.scenario].name.get(lang)
            return say("compare.branch_name", lang, table=own, future=future, round=self.branch.round)
        return own


@dataclass
class Comparison:
    """The tables that could be compared and the files that could not."""

    content: object
    tables: list
    skipped: list
    choice_games: int = CHOICE_GAMES  # games per choice with which `helped` was measured

    def shared_decks(self) -> dict:
        """Session code -> the indexes of the tables that share it (only codes two or more tables share)."""
        groups: dict = {}
        for i, t in enumerate(self.tables):
            if t.session_code:
                groups.setdefault(t.session_code, []).append(i)
        return {code: idx for code, idx in groups.items() if len(idx) > 1}

    def deck_mark(self, i: int) -> Optional[str]:
        """The session code table i shares with another table (the same deck), or None."""
        code = self.tables[i].session_code
        return code if code in self.shared_decks() else None


# ------------------------------------------------------------------------------------------------ reading
def log_files(paths) -> tuple:
    """(the files to read, the paths that are neither a file nor a folder): a folder gives its .json files."""
    files, missing = [], []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(q for q in p.iterdir() if q.suffix.lower() == ".json" and q.is_file())
        elif p.is_file():
            files.append(p)
        else:
            missing.append(p)
    return list(dict.fromkeys(files)), missing


def read_tables(content, paths, progress=None, cancel=None, choice_games: int = CHOICE_GAMES) -> Comparison:
    """Read the logs in `paths` (files or folders); `progress(done, total)` after each table's choices."""
    files, missing = log_files(paths)
    skipped = [Skipped(str(p), "missing") for p in missing]
    tables = []
    for path in files:
        try:
            log = read_log(path, content)
        except LogError as exc:
            skipped.append(Skipped(str(path), "log", {"error": exc.key, "params": exc.params}))
            continue
        version = str(log.data.get("game_version", ""))
        if not log.digest_matches:
            skipped.append(Skipped(str(path), "other_content"))
        elif version != __version__:
            skipped.append(Skipped(str(path), "other_version", {"version": version or "?", "ours": __version__}))
        elif len(tables) >= MAX_TABLES:
            skipped.append(Skipped(str(path), "too_many", {"most": MAX_TABLES}))
        else:
            tables.append(Table(path, Story(content, log)))
    tables.sort(key=_table_order)
    seen: dict = {}
    for table in tables:  # two laptops that kept the default name "Tafel 1" are told apart
        if table.branch is None:
            key = table.own_name("nl")
            seen[key] = seen.get(key, 0) + 1
            table.same_name = seen[key] if seen[key] > 1 else 0
    for table in tables:  # a branch is named after its own table
        if table.branch is not None:
            twin = next((t for t in tables if t.branch is None and t.log.setup == table.log.setup), None)
            table.same_name = twin.same_name if twin is not None else 0
    for done, table in enumerate(tables, 1):
        table.helped = helped_choices(content, table, choice_games, cancel)
        if progress is not None:
            progress(done, len(tables))
    return Comparison(content, tables, skipped, choice_games)


def _table_order(table: Table) -> tuple:
    """Tables by name as people count (Tafel 2 before Tafel 10), each table's what-if branches after it: file
    names start with the future, so the files' own order would mix the tables up."""
    own = table.own_name("nl").lower()
    name = [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", own)]
    branch = table.branch
    where = (branch.round, branch.scenario) if branch is not None else (0, "")
    return (name, str(table.data.get("started", "")), branch is not None, where, str(table.path))


def _clock(moment) -> str:
    """A log's UTC moment as this laptop's time of day, "10:05" ("?" when unreadable)."""
    try:
        return datetime.fromisoformat(str(moment)).astimezone().strftime("%H:%M")
    except ValueError:
        return "?"


def helped_choices(content, table: Table, games: int, cancel=None) -> dict:
    """The table's choices that gave a clear gain in its own future (the wind tunnel's test, its future only)."""
    if games < 1:
        return {}
    result = run_windtunnel(content, table.log, games, cancel=cancel, scenarios=[table.scenario])
    return {c.choice.id: dict(c.choice.label) for c in result.choices if c.status.get(table.scenario) == "gain"}


# ------------------------------------------------------------------------------------------------ reading out
def outcome_row(table: Table, lang: str) -> dict:
    """Future, result, progress, fairness and the final indicators of one table (the log's own numbers)."""
    out = table.data["outcome"]
    return {
        "future": table.story.scenario.name.get(lang),
        "result": out["result"],
        "result_text": say(f"debrief.result_{out['result']}", lang),
        "progress": round(float(out["progress"]), 2),
        "fair": bool(out.get("fair", True)),
        "equality_change": out.get("equality_change", 0),
        "indicators": dict(out["indicators"]),
    }


def series(table: Table) -> dict:
    """The table's indicators and progress at the start and after every round (as its debrief charts them)."""
    return table.story.series()


def log_rounds(table: Table) -> list:
    """The start and every round's indicators and progress, as the table's log holds them."""
    data = table.data
    start = {"round": 0, "progress": data["start"]["progress"], "indicators": dict(data["start"]["indicators"])}
    rounds = [
        {"round": r["round"], "progress": r["progress"], "indicators": dict(r["indicators"])} for r in data["rounds"]
    ]
    return [start, *rounds]


def dilemma_rows(cmp: Comparison, lang: str) -> list:
    """Every dilemma answered at any table: its name, and per table (answer, its effect in that table's future)
    or None where the table never met it. Cards met by more tables come first."""
    rows: dict = {}
    for i, table in enumerate(cmp.tables):
        for step in table.story.steps:
            action = step.action
            if action.kind != "respond":
                continue
            book = step.before.book
            dilemma = book.content.dilemma(action.trend, book.setup.scenario)
            if dilemma is None:
                continue
            answer = next((r for r in dilemma.responses if r.id == action.response), None)
            effects = book.responses.get(action.trend, {}).get(action.response)
            items = effect_items(effects, lang, book.content) if effects is not None else []
            row = rows.setdefault(action.trend, {"id": action.trend, "name": dilemma.title.get(lang), "answers": {}})
            row["answers"][i] = {
                "round": step.round,
                "response": action.response,
                "answer": answer.text.get(lang) if answer is not None else action.response,
                "stance": book.content.stance_name(answer.stance, lang) if answer is not None else "",
                "effect": ", ".join(text for text, _ in items),
            }
    out = []
    for row in rows.values():
        row["answers"] = [row["answers"].get(i) for i in range(len(cmp.tables))]
        out.append(row)
    out.sort(key=lambda r: (-sum(a is not None for a in r["answers"]), r["name"]))
    return out


def coalition_rows(cmp: Comparison, lang: str) -> list:
    """Per table, its coalitions at the end: members, who led, whether it was vital and for how many rounds."""
    out = []
    for table in cmp.tables:
        end = table.story.end
        rows = []
        for c in end.coalitions:
            lead = c.lead()
            # a coalition that fell apart has no members left: name those who were ever in it
            ever = set(c.members) | {
                e.seat for e in end.events if isinstance(e, Founded | Joined) and e.coalition == c.id
            }
            if lead is None:
                lead = next((e.seat for e in end.events if isinstance(e, Founded) and e.coalition == c.id), None)
            rows.append(
                {
                    "members": [table.story.seat_label(s, lang) for s in sorted(ever)],
                    "roles": {
                        table.story.seat_label(s, lang): coalition_role_name(r, lang) for s, r in c.members.items()
                    },
                    "lead": table.story.seat_label(lead, lang) if lead is not None else None,
                    "founded": c.founded,
                    "vital_rounds": c.vital_rounds,
                    "active": c.active,
                }
            )
        out.append(rows)
    return out


def choice_rows(cmp: Comparison, lang: str) -> dict:
    """The choices that helped: {"every": [...], "one": [...]}. "every": a clear gain at every table that made
    the choice, when two or more did; "one": a clear gain at one table only. Each row names its tables."""
    made: dict = {}
    labels: dict = {}
    for i, table in enumerate(cmp.tables):
        for c in _made_choices(table):
            made.setdefault(c.id, []).append(i)
            labels[c.id] = c.label
        for cid, label in table.helped.items():
            labels[cid] = label
    every, one = [], []
    for cid, tables in made.items():
        helped = [i for i in tables if cid in cmp.tables[i].helped]
        row = {"id": cid, "label": labels[cid].get(lang) or cid, "tables": helped, "made_by": tables}
        if len(tables) >= 2 and len(helped) == len(tables):
            every.append(row)
        elif len(helped) == 1:
            one.append(row)
    key = lambda r: (-len(r["tables"]), r["label"])  # noqa: E731
    return {"every": sorted(every, key=key), "one": sorted(one, key=key)}


def _made_choices(table: Table) -> list:
    from .windtunnel import choices

    return choices(table.log, table.story.content)


def questions(cmp: Comparison, lang: str, limit: int = 4) -> list:
    """Questions for the plenary that come from the comparison: a card answered differently, a choice that
    helped everywhere, one that helped at one table only, and the spread of the outcomes."""
    out = []
    names = [t.name(lang) for t in cmp.tables]
    for row in dilemma_rows(cmp, lang):
        given = [(i, a) for i, a in enumerate(row["answers"]) if a is not None]
        if len({a["response"] for _, a in given}) > 1:
            (i, a), (j, b) = given[0], next((i2, b2) for i2, b2 in given if b2["response"] != given[0][1]["response"])
            out.append(
                say("compare.q_card", lang, card=row["name"], a=names[i], b=names[j], x=a["stance"], y=b["stance"])
            )
            break
    chosen = choice_rows(cmp, lang)
    if chosen["every"]:
        out.append(say("compare.q_every", lang, choice=chosen["every"][0]["label"]))
    if chosen["one"]:
        row = chosen["one"][0]
        out.append(say("compare.q_one", lang, choice=row["label"], table=names[row["tables"][0]]))
    if len(cmp.tables) >= 2:
        best = max(range(len(cmp.tables)), key=lambda i: cmp.tables[i].data["outcome"]["progress"])
        worst = min(range(len(cmp.tables)), key=lambda i: cmp.tables[i].data["outcome"]["progress"])
        if best != worst:
            out.append(
                say(
                    "compare.q_spread",
                    lang,
                    best=names[best],
                    worst=names[worst],
                    a=cmp.tables[best].story.scenario.name.get(lang),
                    b=cmp.tables[worst].story.scenario.name.get(lang),
                )
            )
    return out[:limit]


def comparison_json(cmp: Comparison, lang: str = "en") -> dict:
    """What `compare --json` prints: per table its file, future, code and numbers (the log's own), the skipped
    files with their reasons, and the rows the compare view shows."""
    decks = cmp.shared_decks()
    coalitions = coalition_rows(cmp, lang)
    tables = []
    for i, table in enumerate(cmp.tables):
        row = outcome_row(table, lang)
        tables.append(
            {
                "file": str(table.path),
                "table": table.name(lang),
                "scenario": table.scenario,
                "session_code": table.session_code,
                "shared_deck": table.session_code in decks,
                "branch": table.branch.to_json() if table.branch is not None else None,
                "outcome": row["result"],
                "fair": row["fair"],
                "progress": row["progress"],
                "indicators": row["indicators"],
                "rounds": log_rounds(table),
                "coalitions": coalitions[i],
                "helped": sorted(table.helped),
            }
        )
    return {
        "tables": tables,
        "skipped": [{"file": s.file, "reason": s.text(lang)} for s in cmp.skipped],
        "shared_decks": {code: [str(cmp.tables[i].path) for i in idx] for code, idx in decks.items()},
        "dilemmas": dilemma_rows(cmp, lang),
        "choices": choice_rows(cmp, lang),
        "questions": questions(cmp, lang),
    }


__all__ = [
    "MAX_TABLES",
    "Comparison",
    "Skipped",
    "Table",
    "choice_rows",
    "coalition_rows",
    "comparison_json",
    "dilemma_rows",
    "log_files",
    "log_rounds",
    "outcome_row",
    "questions",
    "read_tables",
    "series",
]
