#!/usr/bin/env python3
"""Reports import cycles between the modules under one folder of the crate.

usage: scripts/module_cycles.py [FOLDER] [--edges]
  FOLDER   a module folder with a mod.rs (default src/extract/time)
  --edges  also print every edge found

Every file is a module and so is every inline `mod name {` block in it
(a `mod tests` is a module of its own, as the compiler sees it). A module
uses another when its code names a path into it: `super::x`, `self::x`,
`crate::...::x`, or a child's name (`rules::all()`). Declaring a child
(`mod x;`) or naming a module in a visibility (`pub(in crate::x)`) is no
use of it. Exits 1 when there is a cycle.
"""

import re
import sys
from pathlib import Path

PATH = re.compile(r"\b((?:crate|super|self)(?:::\w+)+|[a-z_]\w*(?:::\w+)+)")
STRING = re.compile(r'r#*"[^"]*"#*|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])\'')
MOD_BLOCK = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*\{")
MOD_FILE = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")


def crate_path(root: Path, folder: Path) -> tuple:
    """The module path of FOLDER's mod.rs from the crate root."""
    rel = folder.relative_to(root / "src")
    return ("crate",) + rel.parts


def file_module(root: Path, path: Path) -> tuple:
    """The module path of one source file."""
    rel = path.relative_to(root / "src").with_suffix("")
    parts = rel.parts
    if parts[-1] == "mod":
        parts = parts[:-1]
    return ("crate",) + parts


def read_modules(root: Path, folder: Path):
    """Each module's lines of code and child names, by module path."""
    modules = {}
    for path in sorted(folder.rglob("*.rs")):
        top = file_module(root, path)
        modules.setdefault(top, {"code": [], "children": set()})
        stack = [(top, 0)]
        depth = 0
        for line in path.read_text().splitlines():
            code = STRING.sub('""', line.split("//")[0])
            code = re.sub(r"pub\(in [^)]*\)", "pub", code)
            current = stack[-1][0]
            block = MOD_BLOCK.match(code)
            declared = MOD_FILE.match(code)
            if declared:
                modules[current]["children"].add(declared.group(1))
            if block:
                name = block.group(1)
                modules[current]["children"].add(name)
                inner = current + (name,)
                modules.setdefault(inner, {"code": [], "children": set()})
                depth += code.count("{") - code.count("}")
                stack.append((inner, depth))
                continue
            modules[current]["code"].append(code)
            depth += code.count("{") - code.count("}")
            while len(stack) > 1 and depth < stack[-1][1]:
                stack.pop()
    return modules


def expand_use(tree: str) -> list:
    """The paths of one `use` tree: `a::{b, c::{d, e}}` gives `a::b`,
    `a::c::d` and `a::c::e`; `self` in a group names the path before it."""
    tree = tree.strip()
    brace = tree.find("{")
    if brace < 0:
        path = re.sub(r"\s+as\s+\w+$", "", tree).removesuffix("::*")
        return [path.removesuffix("::self")] if path else []
    head = tree[:brace]
    inner = tree[brace + 1 : tree.rindex("}")]
    items, depth, start = [], 0, 0
    for i, c in enumerate(inner):
        depth += {"{": 1, "}": -1}.get(c, 0)
        if c == "," and depth == 0:
            items.append(inner[start:i])
            start = i + 1
    items.append(inner[start:])
    return [p for item in items if item.strip() for p in expand_use(head + item.strip())]


def paths_of(code: str) -> list:
    """Every module path one module's code names: its `use` trees expanded,
    and the paths written in its other code."""
    paths = []
    for statement in re.findall(r"\buse\s+([^;]*);", code):
        paths.extend(expand_use(statement))
    rest = re.sub(r"\buse\s+[^;]*;", " ", code)
    paths.extend(m.group(1) for m in PATH.finditer(rest))
    return paths


def resolve(module: tuple, path: str, modules, base: tuple) -> tuple | None:
    """The deepest module under BASE (the folder's module) a path from
    MODULE leads into."""
    parts = path.split("::")
    if parts[0] == "crate":
        target = ("crate",)
        parts = parts[1:]
    elif parts[0] in ("super", "self"):
        target = module
        while parts and parts[0] in ("super", "self"):
            if parts[0] == "super":
                target = target[:-1]
            parts = parts[1:]
    elif parts[0] in modules.get(module, {}).get("children", ()):
        target = module
    else:
        return None
    for part in parts:
        step = target + (part,)
        if step in modules or base[: len(step)] == step:
            target = step
        else:
            break
    return target if target in modules else None


def edges_of(modules, base: tuple):
    """Every (user, used) pair of distinct modules."""
    edges = set()
    for module, info in modules.items():
        for path in paths_of("\n".join(info["code"])):
            target = resolve(module, path, modules, base)
            if target and target != module:
                edges.add((module, target))
    return edges


def cycles(nodes, edges):
    """The strongly connected components with more than one module."""
    graph = {n: [] for n in nodes}
    for a, b in edges:
        graph[a].append(b)
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for n in sorted(graph):
        if n not in index:
            visit(n)
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(__file__).resolve().parent.parent
    folder = root / (args[0] if args else "src/extract/time")
    modules = read_modules(root, folder)
    base = crate_path(root, folder)
    edges = edges_of(modules, base)
    name = lambda m: "::".join(m[len(base) - 1 :])
    if "--edges" in sys.argv:
        for a, b in sorted(edges):
            print(f"{name(a)} -> {name(b)}")
    found = cycles(modules, edges)
    for component in found:
        print("cycle:", ", ".join(name(m) for m in component))
    print(f"{len(modules)} modules, {len(edges)} uses, {len(found)} cycles")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
