"""One router per resource: parse, call a `Reader`, map the domain result to the wire."""

from . import ask, documents, health, page, search

__all__ = ["ask", "documents", "health", "page", "search"]
