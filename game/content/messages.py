"""Turn pydantic's validation errors into messages a trainer can act on, in the words of the catalogue.

A model's field description (`Field(description=...)`) is English, and stays so inside a message in either
language; the texts that most often need one have Dutch words of their own instead (a missing field, an id,
a colour, a missing language of a text).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import COLOUR_PATTERN, ID_PATTERN, Text
from .phrases import ContentValueError, Either, Phrase, Term, shown


def _model_at(model: type[BaseModel], loc: tuple) -> Any:
    """The model whose fields are allowed at `loc` (None when `loc` leaves the models' fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        current = _inner_model(fields[part].annotation)
    return current


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` (the parent of an unknown field)."""
    fields = getattr(_model_at(model, loc), "model_fields", None)
    return sorted(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    """The first BaseModel class inside an annotation like Optional[list[Model]]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _description(model: type[BaseModel], loc: tuple) -> str:
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return ""
        info = fields[part]
        current = _inner_model(info.annotation)
    return (info.description or "") if info else ""


def _missing(model: type[BaseModel], loc: tuple) -> Phrase:
    """A field is missing: a text's missing language is said in words of its own."""
    parent = _model_at(model, loc[:-1])
    if isinstance(parent, type) and issubclass(parent, Text) and loc[-1] in ("nl", "en"):
        return Phrase("content.missing_language", language=Term("content.language", loc[-1]), name=loc[-1])
    what = _description(model, loc)
    name = loc[-1] if loc else ""
    return Phrase("content.missing_described", what=what, name=name) if what else Phrase("content.missing", name=name)


_PATTERN_KEYS = {ID_PATTERN: "content.expected_id", COLOUR_PATTERN: "content.expected_colour"}


def _choices(expected: str) -> Any:
    """pydantic's list of allowed values ("'low', 'medium' or 'high'") as choices said in either language."""
    found = re.findall(r"'([^']*)'", expected)
    return Either(f"'{value}'" for value in found) if found else expected


def describe(error: dict[str, Any], model: type[BaseModel]) -> Phrase:
    """One plain-language message for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    got = shown(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _missing(model, loc)
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        if allowed:
            return Phrase("content.unknown_field_allowed", name=loc[-1], allowed=", ".join(allowed))
        return Phrase("content.unknown_field", name=loc[-1])
    if kind == "value_error":
        found = ctx.get("error")
        if isinstance(found, ContentValueError):
            return found.phrase
        return Phrase("content.as_said", text=str(found if found is not None else error["msg"]))
    if kind == "literal_error":
        return Phrase("content.expected_one_of", choices=_choices(str(ctx.get("expected", ""))), got=got)
    if kind in ("string_type", "string_too_short"):
        return Phrase("content.expected_text", got=got)
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        what = _description(model, loc) or f"text matching {pattern}"
        return Phrase(_PATTERN_KEYS.get(pattern, "content.expected_pattern"), what=what, got=got)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Phrase("content.expected_mapping", got=got)
    if kind == "list_type":
        return Phrase("content.expected_list", got=got)
    if kind == "too_short":
        return Phrase("content.too_few", most=ctx.get("min_length"), count=ctx.get("actual_length"))
    if kind == "too_long":
        return Phrase("content.too_many", most=ctx.get("max_length"), count=ctx.get("actual_length"))
    if kind in ("bool_type", "bool_parsing"):
        return Phrase("content.expected_bool", got=got)
    return Phrase("content.other", detail=error["msg"], got=got)  # pydantic's own words: English


def field_name(loc: tuple) -> str:
    """A dotted field path like `effects.indicators.wellbeing` or `kvds[2].text`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


def errors_of(exc: ValidationError, model: type[BaseModel]) -> list[tuple[tuple, Phrase]]:
    """(location, message) pairs for every error, with pydantic's union noise removed."""
    result = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        result.append((loc, describe({**error, "loc": loc}, model)))
    return result
