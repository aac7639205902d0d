"""Accent-insensitive matching of search terms, in the database.

PostgreSQL: full-text search over ``unaccent(text)`` with the “simple” configuration (no
stemming: names are not English words), every term as a prefix, all terms required.
SQLite: each row's text folded by PLENARY_FOLD (a Python function registered on every
SQLite connection, see conference.apps) and matched with LIKE, all terms required.
"""

from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Concat

from core.text import fold

FOLD_FUNCTION = "PLENARY_FOLD"


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver: teach SQLite to fold text as core.text.fold does."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


def uses_full_text_search():
    return connection.vendor == "postgresql"


def _joined(fields):
    parts = []
    for name in fields:
        parts += [Coalesce(F(name), Value("")), Value(" ")]
    return Concat(*parts, output_field=TextField())


def matching(queryset, fields, terms):
    """Rows of queryset whose fields, taken together, contain every term (folded words)."""
    text = _joined(fields)
    if uses_full_text_search():
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(
            Func(text, function="unaccent", output_field=TextField()), config="simple"
        )
        query = None
        for term in terms:
            # 'term':* : the unaccented word quoted as one lexeme, matched as a prefix.
            lexeme = Func(
                Func(Value(term), function="unaccent", output_field=TextField()),
                function="quote_literal",
                output_field=TextField(),
            )
            prefix = Concat(lexeme, Value(":*"), output_field=TextField())
            term_query = SearchQuery(prefix, search_type="raw", config="simple")
            query = term_query if query is None else query & term_query
        return queryset.annotate(search_document=vector).filter(search_document=query)
    queryset = queryset.annotate(
        search_document=Func(text, function=FOLD_FUNCTION, output_field=TextField())
    )
    for term in terms:
        queryset = queryset.filter(search_document__contains=term)
    return queryset
