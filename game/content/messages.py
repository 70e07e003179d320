"""Turn pydantic's validation errors into messages a trainer can act on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) < 60 else f'"{value[:57]}..."'
    if isinstance(value, dict):
        return "lines of the form `name: value`"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` (the parent of an unknown field)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
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


def describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One plain-language message for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        what = _description(model, loc)
        return f"this field is missing; expected {what}" if what else "this field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = f"; allowed here: {', '.join(allowed)}" if allowed else ""
        return f'unknown field "{loc[-1]}"{hint}'
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}, got {_show(value)}"
    if kind in ("string_type", "string_too_short"):
        return f"expected a text, got {_show(value)}"
    if kind == "string_pattern_mismatch":
        what = _description(model, loc) or f"text matching {ctx.get('pattern')}"
        return f"expected {what}, got {_show(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected lines of the form `name: value` here (for example `nl: Tekst`), got {_show(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with -), got {_show(value)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} items, got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} items, got {ctx.get('actual_length')}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_show(value)}"
    return f"{error['msg']} (got {_show(value)})"


def field_name(loc: tuple) -> str:
    """A dotted field path like `effects.indicators.wellbeing` or `kvds[2].text`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


def errors_of(exc: ValidationError, model: type[BaseModel]) -> list[tuple[tuple, str]]:
    """(location, message) pairs for every error, with pydantic's union noise removed."""
    result = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        result.append((loc, describe({**error, "loc": loc}, model)))
    return result
