"""Which content pack the game plays: the one given on the command line, else the one chosen on the content
check screen (remembered in the settings), else none. The packs a trainer can choose from are the folders in
the user's `packs` folder; a pack loads partly when some of its files have problems (those files are skipped
and named), so the game, `validate` and the content check screen always agree on what is in play."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from game.paths import user_dir

MOST_PACKS = 24  # a list to choose from on one screen, not a file browser


def remembered_pack(settings) -> Optional[Path]:
    """The pack chosen earlier in the game, when its folder still exists."""
    chosen = getattr(settings, "content_pack", "") or ""
    return Path(chosen) if chosen and Path(chosen).is_dir() else None


def packs_folder() -> Path:
    """The folder whose sub-folders are the packs to choose from (made when missing)."""
    return user_dir("packs")


def pack_choices(current: Optional[Path]) -> list:
    """None (the built-in content only), then every pack folder in the packs folder, and the pack in play when
    it lies elsewhere (given on the command line)."""
    try:
        found = sorted((p for p in packs_folder().iterdir() if p.is_dir()), key=lambda p: p.name.lower())
    except OSError:
        found = []
    choices: list = [None, *found[:MOST_PACKS]]
    if current is not None and all(c is None or c.resolve() != Path(current).resolve() for c in choices):
        choices.append(Path(current))
    return choices


def skipped_files(problems) -> list:
    """The files that were skipped (or partly skipped) for their problems, in order, each once."""
    return list(dict.fromkeys(problem.file for problem in problems))


def changes(content, builtin) -> dict:
    """What a pack adds to the built-in content and what it replaces: {"added": {kind: [ids]}, "replaced":
    {kind: [ids]}} for the kinds a trainer sees (scenarios, trends, roles, challenges)."""
    added: dict = {}
    replaced: dict = {}
    for kind in ("scenarios", "trends", "roles", "challenges"):
        mine, base = getattr(content, kind), getattr(builtin, kind)
        added[kind] = [i for i in mine if i not in base]
        replaced[kind] = [i for i in mine if i in base and mine[i] != base[i]]
    return {"added": added, "replaced": replaced}


def pack_name(pack: Optional[Path], t) -> str:
    """A pack as a trainer knows it: its folder's name (never a full path on the beamer)."""
    return Path(pack).name if pack is not None else t("check.pack_none")


def skipped_text(pack: Optional[Path], problems, t) -> str:
    """ "Pack X: N files skipped." when files of the pack were skipped, else ""."""
    files = skipped_files(problems)
    if pack is None or not files:
        return ""
    name = pack_name(pack, t)
    return t("check.skipped_one", name=name) if len(files) == 1 else t("check.skipped_many", name=name, n=len(files))


def changes_text(content, builtin, lang: str, t) -> str:
    """What the pack adds and replaces, in a sentence or two, by the items' names."""
    found = changes(content, builtin)
    parts = {}
    for which, source in (("added", content), ("replaced", content)):
        groups = []
        for kind, ids in found[which].items():
            if ids:
                names = ", ".join(_name(getattr(source, kind)[i], lang, i) for i in ids)
                groups.append(t("check.kind_list", names=names, kind=t(f"check.{kind}").lower()))
        parts[which] = "; ".join(groups)
    if not parts["added"] and not parts["replaced"]:
        return t("check.adds_nothing")
    out = [t("check.adds", what=parts["added"])] if parts["added"] else []
    if parts["replaced"]:
        out.append(t("check.replaces", what=parts["replaced"]))
    return " ".join(out)


def _name(item, lang: str, fallback: str) -> str:
    """An item's name or title in `lang`."""
    text = getattr(item, "name", None) or getattr(item, "title", None)
    return text.get(lang) if text is not None else fallback


def use_pack(app, pack: Optional[Path]) -> None:
    """Play with `pack` from now on (None: the built-in content only), and remember it for the next start.
    Its valid files load; the others are skipped and listed on the content check screen."""
    import logging

    from .launch import load
    from .settings import save_settings

    app.content, app.content_problems = load(pack)
    app.pack = pack
    app.settings.content_pack = str(pack or "")
    save_settings(app.settings)
    logging.getLogger(__name__).info("content pack: %s (%d problem(s))", pack or "none", len(app.content_problems))
