"""The deployment check of the page cache: one cache shared by every gunicorn worker.

``manage.py check --deploy`` refuses a cache in the memory of each process when gunicorn
runs several workers, however gunicorn is told their number.
"""

import ast
import os
import shlex
import sys
from pathlib import Path

from django.conf import settings
from django.core import checks


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _workers_in_arguments(arguments):
    """The worker count and the config file named in gunicorn's command-line arguments."""
    workers = config = None
    for index, argument in enumerate(arguments):
        following = arguments[index + 1] if index + 1 < len(arguments) else None
        if argument in ("-w", "--workers"):
            workers = _int_or_none(following) or workers
        elif argument.startswith("--workers="):
            workers = _int_or_none(argument.partition("=")[2]) or workers
        elif argument.startswith("-w") and argument[2:].isdigit():
            workers = int(argument[2:])
        elif argument in ("-c", "--config"):
            config = following
        elif argument.startswith("--config="):
            config = argument.partition("=")[2]
    return workers, config


def _workers_in_config(path):
    """``workers = N`` in a gunicorn config file; ``UNKNOWN`` when it is computed."""
    if path.startswith("python:"):
        return UNKNOWN  # a module on the path: not read here
    try:
        tree = ast.parse(Path(path).read_text())
    except (OSError, SyntaxError, ValueError):
        return None
    workers = None
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        if any(isinstance(target, ast.Name) and target.id == "workers" for target in targets):
            try:
                workers = int(ast.literal_eval(node.value))
            except (ValueError, TypeError):
                workers = UNKNOWN  # e.g. multiprocessing.cpu_count() * 2 + 1
    return workers


# A worker count given by an expression: counted as more than one.
UNKNOWN = 2


def gunicorn_workers(environ=None, argv=None, cwd=None):
    """The largest number of workers gunicorn would start, from every place it reads it.

    Gunicorn takes its worker count from ``WEB_CONCURRENCY`` (its default, which the
    Dockerfile and docker-compose.yml set), a config file (``gunicorn.conf.py`` in the
    working folder, or ``-c FILE``), ``GUNICORN_CMD_ARGS`` (``--workers N``, ``-w N``) and
    its command line (when this runs inside gunicorn). Any of them above one counts.
    """
    environ = os.environ if environ is None else environ
    argv = sys.argv if argv is None else argv
    cwd = Path.cwd() if cwd is None else Path(cwd)
    found = [_int_or_none(environ.get("WEB_CONCURRENCY")) or 1]
    configs = [str(cwd / "gunicorn.conf.py")]
    try:
        sources = [shlex.split(environ.get("GUNICORN_CMD_ARGS", ""))]
    except ValueError:  # unbalanced quotes: gunicorn would refuse to start anyway
        sources = []
    if argv and Path(argv[0]).name.startswith("gunicorn"):
        sources.append(list(argv[1:]))
    for arguments in sources:
        workers, config = _workers_in_arguments(arguments)
        found.append(workers or 1)
        if config:
            configs.append(config if config.startswith("python:") else str(cwd / config))
    found += [_workers_in_config(path) or 1 for path in configs]
    return max(found)


def check_shared_cache(app_configs=None, **kwargs):
    """manage.py check --deploy: a cache of one process with several processes is an error.

    A change saved in one process bumps the generations in that process's memory only: the
    other gunicorn workers would go on serving the old pages (an unpublished event stays
    public). The default cache (CACHE_URL unset) is file-based and shared; only a
    local-memory cache (CACHE_URL=locmemcache://) is refused, and only with more than one
    worker, however gunicorn is told the number (see :func:`gunicorn_workers`).
    """
    backend = settings.CACHES["default"]["BACKEND"]
    if not backend.endswith("LocMemCache"):
        return []
    workers = gunicorn_workers()
    if workers > 1:
        return [
            checks.Error(
                f"The page cache is in the memory of each process (LocMemCache) but gunicorn "
                f"is set to run {workers} workers: the other workers would serve pages that "
                f"an edit or an unpublish changed.",
                hint="Set CACHE_URL=redis://… or leave CACHE_URL unset (the file-based cache "
                "in .cache/, shared by the workers of one machine), or run one worker.",
                id="plenary.E001",
            )
        ]
    return []
