"""Code labels: every code has one, and codes of different kinds that share a stored value
(``in_use`` of media and devices) also share the label — the label table is keyed by value."""

from __future__ import annotations

import ast
import inspect
from enum import StrEnum

from sme_guard.domain import codes


def _written_labels() -> list[tuple[StrEnum, tuple[str, str]]]:
    """The LABELS entries as written in the source, before the dict merges equal keys."""
    tree = ast.parse(inspect.getsource(codes))
    table = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "LABELS"
    )
    assert isinstance(table, ast.Dict)
    written = []
    for key, value in zip(table.keys, table.values, strict=True):
        assert isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name)
        written.append((getattr(getattr(codes, key.value.id), key.attr), ast.literal_eval(value)))
    return written


def test_codes_sharing_a_value_are_written_with_the_same_label() -> None:
    first: dict[str, tuple[StrEnum, tuple[str, str]]] = {}
    clashes = []
    for member, text in _written_labels():
        earlier = first.setdefault(member.value, (member, text))
        if earlier[1] != text:
            clashes.append(f"{earlier[0]!r} {earlier[1]} vs {member!r} {text}")
    assert not clashes


def test_every_code_has_a_japanese_and_an_english_label() -> None:
    enums = [
        value
        for value in vars(codes).values()
        if inspect.isclass(value) and issubclass(value, StrEnum) and value is not StrEnum
    ]
    for enum in enums:
        for member in enum:
            ja, en = codes.LABELS[member]
            assert codes.label(member, "ja") == ja and codes.label(member, "en") == en and ja and en
