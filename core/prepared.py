"""Reads compiled to SQL once per process, then run with other values.

Django compiles a queryset to SQL each time it is evaluated: it resolves the filters, sets up
the joins, compiles the columns and the ordering. For the programme page's reads that was
most of their time: on the demo programme, some 6 ms of about 7, the SQL itself under 1 ms.

A :class:`PreparedRead` is a queryset built by a function of some values (an event's key,
the current time): it is compiled once per process, language and *variant* (what else
changes the statement, such as whether the visitor may see unpublished content) with
stand-ins for the values, the places of the stand-ins in the statement's parameters are
noted, and each call runs that statement with its own values in those places. The query goes
through the connection's cursor (counted and logged as any other), its rows are converted
as Django converts them, and built into instances by ``core.rows`` (or returned as rows, for
a ``values_list()`` read).

A value must not change the statement: keys, texts and times compared with ``=``, ``<=`` …,
never a list (``__in`` with N keys is a statement per N) nor None (``IS NULL``). A stand-in
comes in the parameters as it was given (a number, a text) or, for a time, as the database
takes it. Each read is compiled twice with different stand-ins the first time: a statement
that changes otherwise (a time taken while it is built, a value changed on its way in) is
refused.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from modeltranslation.thread_context import fallbacks_enabled
from modeltranslation.utils import get_language

from core.rows import planned

# Stand-ins: a number out of reach of any key (within a 32-bit column's range, which Django
# checks), a text no form accepts, an instant no programme is in.
_NUMBER = -2_000_000_000
_TEXT = "\x1fstand-in {}\x1f"
_INSTANT = datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)


def _stand_in(index, value):
    if isinstance(value, bool):
        raise TypeError("A prepared read takes no True or False: make it a variant.")
    if isinstance(value, int):
        return _NUMBER - index
    if isinstance(value, str):
        return _TEXT.format(index)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return _INSTANT + datetime.timedelta(microseconds=index + 1)
    raise TypeError(f"A prepared read takes numbers, texts and aware times, not {value!r}.")


def _as_parameter(value, connection):
    """The value as the statement's parameter (as a lookup gives it to the database)."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


class _Statement:
    """A read compiled for one language and variant: the SQL, its parameters with the places
    of the values, the expressions of its columns (for their converters), the row plan."""

    def __init__(self, queryset, names, stand_ins, plan):
        if hasattr(queryset, "translation_fields"):
            raise ImproperlyConfigured(
                "A prepared read's values_list() is made on .rewrite(False): "
                "django-modeltranslation's own puts the columns in no set order."
            )
        compiler = queryset.query.get_compiler(queryset.db)
        self.sql, parameters = compiler.as_sql()
        self.parameters = list(parameters)
        selected = compiler.select[: compiler.col_count]
        self.expressions = [expression for expression, _sql, _alias in selected]
        # The columns in the order the queryset names them (as ``values_list()`` gives its
        # rows): the statement may select them in another.
        aliases = [alias for _expression, _sql, alias in selected]
        query = queryset.query
        named = [
            *queryset._fields,
            *(name for name in query.annotation_select if name not in queryset._fields),
        ]
        # Where the statement selects each column the read names, when not in that order.
        self.order = None
        if named != aliases:
            self.order = tuple(aliases.index(name) for name in named)
        self.alias = queryset.db
        self.plan = plan
        connection = connections[self.alias]
        self.places = []  # (index in the parameters, name of the value)
        for name, stand_in in zip(names, stand_ins, strict=True):
            given = _as_parameter(stand_in, connection)
            self.places += [
                (index, name)
                for index, parameter in enumerate(self.parameters)
                if type(parameter) is type(given) and parameter == given
            ]

    def rows(self, values):
        connection = connections[self.alias]
        parameters = list(self.parameters)
        for index, name in self.places:
            parameters[index] = _as_parameter(values[name], connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, parameters)
            rows = cursor.fetchall()
        # The converters are looked up for this call's connection (one per thread): those
        # of the connection that compiled the statement may belong to another thread.
        converters = []
        for position, expression in enumerate(self.expressions):
            found = connection.ops.get_db_converters(expression)
            found += expression.get_db_converters(connection)
            if found:
                converters.append((position, found, expression))
        if not rows or (not converters and self.order is None):
            return rows
        # Column by column: each value converted as Django converts it (texts of SQLite's
        # times into times, its 0 and 1 into False and True …), the columns put in the order
        # the read names them, and made rows again; every loop but the converters' own runs
        # in C (the big programme's documents are 1,500 rows).
        columns = list(zip(*rows, strict=True))
        for position, found, expression in converters:
            column = columns[position]
            for converter in found:
                column = [converter(value, expression, connection) for value in column]
            columns[position] = column
        if self.order is not None:
            columns = [columns[position] for position in self.order]
        return list(zip(*columns, strict=True))


class PreparedRead:
    """A read compiled once per process, language and variant (see the module's text).

    ``build(variant, **values)`` returns the queryset; ``related``, ``skip`` and
    ``all_languages`` are those of ``core.rows.instances`` (``skip`` may be a function that
    gives them, called when the read is first compiled, once the models are ready). With
    ``as_rows``, ``build`` returns a ``values_list()`` queryset and a call returns its rows
    (tuples of values).
    """

    def __init__(self, build, *, related=(), skip=(), all_languages=True, as_rows=False):
        self.build = build
        self.related, self.skip, self.all_languages = tuple(related), skip, all_languages
        self.as_rows = as_rows
        self.statements = {}

    def __call__(self, variant=(), **values):
        """The instances (or rows) of the read with these values."""
        key = (get_language(), fallbacks_enabled(), variant, *values)
        statement = self.statements.get(key)
        if statement is None:
            statement = self.statements[key] = self._compiled(variant, values)
        rows = statement.rows(values)
        return rows if self.as_rows else statement.plan.build(rows)

    def _compiled(self, variant, values):
        """The statement, compiled twice with different stand-ins: the SQL must be the same,
        and the parameters but for the stand-ins' places. Refused otherwise: a time taken
        inside the build (the statement would keep it for ever), a value the statement
        takes changed (a text in a LIKE pattern) or written into its SQL."""
        names = sorted(values)
        skip = self.skip() if callable(self.skip) else self.skip
        statements = []
        for first in (0, len(names)):
            stand_ins = [_stand_in(first + index, values[name]) for index, name in enumerate(names)]
            queryset = self.build(variant, **dict(zip(names, stand_ins, strict=True)))
            plan = None
            if not self.as_rows:
                queryset, plan = planned(
                    queryset, self.related, skip, all_languages=self.all_languages
                )
            statements.append(_Statement(queryset, names, stand_ins, plan))
        statement, again = statements
        places = {index for index, _name in statement.places}
        if statement.sql != again.sql or any(
            parameter != other
            for index, (parameter, other) in enumerate(
                zip(statement.parameters, again.parameters, strict=True)
            )
            if index not in places
        ):
            raise ImproperlyConfigured(
                "The read's statement changes with something other than its values as "
                "given (a time taken while it is built, a value changed on its way into "
                "the statement): pass such a time as a value, and values as compared."
            )
        return statement
