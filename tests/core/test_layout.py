"""The house plan holds: imports at the top of modules, modules a reader can take in whole.

The direction of imports between packages is checked by import-linter (`lint-imports`,
contracts in pyproject.toml); an import hidden in a function body would escape it, so this
test looks for them.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = ("core", "conference", "speakers", "documents", "programme", "public", "demo")
MAX_LINES = 500
# Modules that are mostly data (word lists, tables), not logic.
DATA_MODULES = set()


def our_modules():
    for package in OUR_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imports_in_functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module and inner.level == 0:
                    yield inner.lineno, inner.module
                elif isinstance(inner, ast.Import):
                    for alias in inner.names:
                        yield inner.lineno, alias.name


def test_no_import_of_our_apps_hides_in_a_function_body():
    hidden = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in our_modules()
        for line, module in imports_in_functions(ast.parse(path.read_text()))
        if module.split(".")[0] in OUR_PACKAGES
    ]
    assert hidden == []


def test_the_check_finds_a_hidden_import():
    source = "def f():\n    from programme.models import Slot\n    return Slot\n"
    assert list(imports_in_functions(ast.parse(source))) == [(2, "programme.models")]


def test_no_module_is_longer_than_a_reader_takes_in():
    long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in [*our_modules(), *sorted((ROOT / "tests").rglob("*.py"))]
        if path.relative_to(ROOT).as_posix() not in DATA_MODULES
        and (count := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert long == []


@pytest.mark.parametrize("name", ["Session", "Participation"])
def test_models_are_named_as_the_screens_name_them(name):
    pattern = re.compile(rf"^class {name}\b", re.MULTILINE)
    found = [
        path.relative_to(ROOT).as_posix()
        for path in [*our_modules(), *sorted((ROOT / "tests").rglob("*.py"))]
        if pattern.search(path.read_text())
    ]
    assert found == []
