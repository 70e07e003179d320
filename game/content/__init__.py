"""The game's content: pydantic models, the safe YAML loader and the reference checks."""

from .loader import Content, LoadResult, load_content
from .yamlread import Problem

__all__ = ["Content", "LoadResult", "Problem", "load_content"]
