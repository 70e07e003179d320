"""Vitale Coalities: a serious game about vital coalitions in the Dutch social domain."""

__version__ = "0.1.0"
