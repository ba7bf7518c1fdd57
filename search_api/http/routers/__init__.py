"""One router per resource; each handler parses, calls the service and returns its model."""

from . import ask, documents, health, page, search

__all__ = ["ask", "documents", "health", "page", "search"]
