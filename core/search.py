"""Accent-insensitive matching of search terms, in the database.

PostgreSQL: full-text search over ``unaccent(text)`` with the “simple” configuration (no
stemming: names are not English words), every term as a prefix, all terms required.
SQLite: each row's text folded by PLENARY_FOLD (a Python function registered on every
SQLite connection, see conference.apps) and matched with LIKE, all terms required.

Every term is first reduced to the stem its singular and plural forms share (“migrants” →
“migrant”, “policies” → “polic”), so that either form finds the other: every match is a
prefix (PostgreSQL) or a substring (SQLite) match.
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


# A term shorter than this is left as typed: “bus”, “gas”, “us” are not plurals to cut.
MIN_STEM_LENGTH = 4


def stem(term):
    """The part of a folded word that its singular and plural share (English, French,
    Spanish regular plurals): migrants → migrant, policies and policy → polic, taxes → tax,
    sessions → session. Digits and short words stay as they are."""
    if len(term) < MIN_STEM_LENGTH or not term.isalpha():
        return term
    if term.endswith("ies"):
        return term[:-3]
    if term.endswith("y") and term[-2] not in "aeiou":
        return term[:-1]
    if (term.endswith("es") and term[-3] in "sxz") or term.endswith(("ches", "shes")):
        return term[:-2]
    if term.endswith("s") and not term.endswith(("ss", "us", "is")):
        return term[:-1]
    return term


def _joined(fields):
    parts = []
    for name in fields:
        parts += [Coalesce(F(name), Value("")), Value(" ")]
    return Concat(*parts, output_field=TextField())


def matching(queryset, fields, terms):
    """Rows of queryset whose fields, taken together, contain every term (folded words)."""
    text = _joined(fields)
    terms = [stem(term) for term in terms]
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
