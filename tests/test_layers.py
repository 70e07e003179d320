"""The package's layers point one way: engine <- content <- bots <- analysis <- export <- ui <- cli.

Read from the source (ast), every import counts - also one inside a function - except those under
`if TYPE_CHECKING:`, which only name types. A module may import its own layer or a lower one; the engine only
the standard library; and no two packages import each other, directly or round a longer circle.
"""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

GAME = ROOT / "game"

# The layer of each package or top-level module of `game`, lowest first. The base modules (paths, files,
# colours, errors) serve every layer above the engine.
LAYERS = {
    "engine": 0,
    "errors": 1,
    "paths": 1,
    "storage": 1,
    "words": 1,
    "colours": 1,
    "applog": 1,
    "content": 2,
    "fileshapes": 2,
    "bots": 3,
    "analysis": 4,
    "saves": 4,
    "export": 5,
    "ui": 6,
    "cli": 7,
    "__main__": 7,
}


def _module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _type_checking_lines(tree) -> set:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(path) -> list:
    """(imported module, line) for every import in the file, relative ones made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", 0) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, node.lineno))
            # `from game.x import y` may name a submodule y: count it too
            found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _layer_key(module: str):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "game" else None


def _graph() -> dict:
    """module -> set of (imported game module, line), for every module of game/."""
    modules = {_module_name(p): p for p in GAME.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = set()
        for module, line in imports_of(path):
            if module == "game" or module.startswith("game."):
                target = module
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add((target, line))
    return graph


def test_every_module_has_a_layer():
    unplaced = sorted({key for key in map(_layer_key, _graph()) if key is not None and key not in LAYERS})
    assert not unplaced, f"give these a layer in LAYERS: {unplaced}"


def test_no_import_points_up():
    wrong = []
    for module, targets in _graph().items():
        mine = _layer_key(module)
        if mine is None:
            continue
        for target, line in sorted(targets):
            theirs = _layer_key(target)
            if theirs is not None and LAYERS[theirs] > LAYERS[mine]:
                wrong.append(f"{module}:{line} imports {target} ({mine} {LAYERS[mine]} -> {theirs} {LAYERS[theirs]})")
    assert not wrong, "\n".join(wrong)


def test_no_two_packages_import_each_other():
    edges = {}
    for module, targets in _graph().items():
        for target, _line in targets:
            a, b = _layer_key(module), _layer_key(target)
            if a and b and a != b:
                edges.setdefault(a, set()).add(b)

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in edges.get(start, ()))

    circles = sorted(f"{a} <-> {b}" for a in edges for b in edges[a] if reaches(b, a))
    assert not circles, circles


def test_the_engine_imports_only_the_standard_library_and_itself():
    wrong = []
    for path in (GAME / "engine").rglob("*.py"):
        for module, line in imports_of(path):
            top = module.split(".")[0]
            if module.startswith("game.") and not module.startswith("game.engine"):
                wrong.append(f"{path.name}:{line}: {module}")
            elif top not in ("game", "") and top not in sys.stdlib_module_names and top != "__future__":
                wrong.append(f"{path.name}:{line}: {module}")
    assert not wrong, wrong


def test_importing_the_engine_loads_no_pydantic_yaml_or_pygame():
    code = (
        "import sys; import game.engine; "
        "print(sorted(m for m in ('pydantic', 'yaml', 'pygame', 'pygame_gui', 'game.content') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "[]", (done.stdout, done.stderr)


def test_the_report_command_runs_without_the_ui(game_log_file, tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['game', 'report', '--log', sys.argv[1], '--out', sys.argv[2], "
        "'--games', '4']\n"
        "try:\n    runpy.run_module('game', run_name='__main__')\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        "print('ui loaded' if any(m == 'game.ui' or m.startswith('game.ui.') for m in sys.modules) else 'no ui')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(game_log_file), str(tmp_path / "r.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("no ui"), done.stdout
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_no_class_over_four_hundred_lines():
    """Pieces with one job each (complexity has its own check: ruff's C901 at 20, in the lint)."""
    big = []
    for path in sorted(GAME.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 400:
                big.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})")
    assert not big, big
