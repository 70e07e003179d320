"""JSON Schemas of the content files, made from the pydantic models, so that an editor can complete and check a
content pack while a trainer types (VS Code's YAML extension, or any editor with yaml-language-server).

One schema per kind of file: the editor's setting (`yaml.schemas`) and the `# yaml-language-server: $schema=`
line at the top of a file both name a whole schema file; neither can point into one part of a larger file. Each
schema says in its title and description which folder's files it is for. The schemas check the shape of a file
(fields, kinds of value, allowed words, bounds, text lengths); references between files (does this role id
exist?) are checked by `python -m game validate` only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .loader import FOLDERS
from .models import Rules, Text

DRAFT = "https://json-schema.org/draft/2020-12/schema"
RULES = "rules"  # the one file that is not in a folder: rules.yaml at the top of the pack


def kinds() -> dict[str, type[BaseModel]]:
    """Each kind of content file and its model: the loader's folders, then rules (rules.yaml)."""
    return {**FOLDERS, RULES: Rules}


def file_pattern(kind: str) -> str:
    """Where the files of `kind` live in a pack, as a glob relative to the pack: "scenarios/*.yaml"."""
    return "rules.yaml" if kind == RULES else f"{kind}/*.yaml"


def schema_file(kind: str) -> str:
    """The file name of the schema of `kind`: "scenarios.schema.json"."""
    return f"{kind}.schema.json"


def _text_lengths(defs: dict[str, Any]) -> None:
    """Give every text model's nl and en their most characters (checked in a validator, unseen by pydantic)."""
    for model in (Text, *Text.__subclasses__()):
        found = defs.get(model.__name__)
        if found is None:
            continue
        for lang in ("nl", "en"):
            found["properties"][lang]["maxLength"] = model.MOST


def kind_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file of `kind` ("scenarios", ..., "rules")."""
    model = kinds()[kind]
    item = model.model_json_schema()
    defs = item.pop("$defs", {})
    defs[model.__name__] = item
    _text_lengths(defs)
    ref = {"$ref": f"#/$defs/{model.__name__}"}
    what = (item.get("description") or model.__name__).split("\n\n")[0].replace("\n", " ")
    schema: dict[str, Any] = {"$schema": DRAFT, "title": f"Vitale Coalities: {file_pattern(kind)}"}
    if kind == RULES:
        schema["description"] = f"The file rules.yaml at the top of a content pack. {what}"
        schema.update(ref)
    else:
        schema["description"] = (
            f"A file in a content pack's {kind}/ folder ({file_pattern(kind)}): one item, or a list of items. {what}"
        )
        schema["anyOf"] = [ref, {"type": "array", "items": ref}]
    schema["$defs"] = dict(sorted(defs.items()))
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every kind's schema, by its file name ("scenarios.schema.json": {...})."""
    return {schema_file(kind): kind_schema(kind) for kind in kinds()}


def combined_schema() -> dict[str, Any]:
    """One schema that every content file meets: any kind's file (for a tool that takes a single schema; an
    editor completes better with the schema of the file's own kind)."""
    defs: dict[str, Any] = {}
    branches = []
    for kind in kinds():
        one = kind_schema(kind)
        defs.update(one.pop("$defs"))
        one.pop("$schema")
        branches.append(one)
    return {
        "$schema": DRAFT,
        "title": "Vitale Coalities: any content file",
        "description": "Any file of a content pack; each branch says which folder's files it is for.",
        "anyOf": branches,
        "$defs": dict(sorted(defs.items())),
    }


def dumps(schema: dict[str, Any]) -> str:
    """A schema as the files hold it: indented, keys in the models' order, ending in a new line."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into `folder` (made when missing); the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = folder / name
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written


def vscode_settings(schema_folder: str, pack_glob: str = "**") -> dict[str, Any]:
    """The VS Code setting that ties each schema in `schema_folder` to its files under `pack_glob`."""
    prefix = "" if pack_glob in ("", ".") else pack_glob.rstrip("/") + "/"
    return {
        "yaml.schemas": {
            f"{schema_folder.rstrip('/')}/{schema_file(kind)}": f"{prefix}{file_pattern(kind)}" for kind in kinds()
        }
    }
