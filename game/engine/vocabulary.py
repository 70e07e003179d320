"""The engine's structural vocabulary: the ids its formulas are written in.

Content refers to these ids (the pydantic models in game.content.models check them); their player-facing
names live in the catalogue. Defined here, in the engine, so that the engine needs nothing from the content
layer to run, and every layer above reads the same tuples.
"""

from __future__ import annotations

RESOURCES = ("money", "time", "knowledge", "network")
INDICATORS = ("wellbeing", "participation", "equality", "trust_gov", "finances")
COALITION_ROLES = ("lead", "financier", "doer", "connector", "knowledge")
CATEGORIES = ("demography", "technology", "economy", "society", "governance", "environment")
